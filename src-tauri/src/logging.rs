//! The support log: a daily file in `<data dir>/logs`, the last 14 kept. It records what ran
//! (command names, how long they took, error codes, panics by source location) and never what
//! it ran on: commands are instrumented with `skip_all`, errors are logged by code only (their
//! messages can carry a path or a name), and panic payloads are not written.
use std::path::Path;
use std::sync::Mutex;

use tracing_appender::rolling::{RollingFileAppender, Rotation};
use tracing_subscriber::fmt::format::FmtSpan;

const KEEP_FILES: usize = 14;

/// Starts the log; a folder that cannot be written to leaves the app without one (it must
/// still start), and says so on stderr for whoever runs it from a terminal.
pub fn init(data_dir: &Path) {
    let dir = data_dir.join("logs");
    // The appender prunes old files as it starts and complains on stderr when the folder is
    // not there yet (every first start); it creates the folder itself otherwise.
    let _ = std::fs::create_dir_all(&dir);
    let appender = RollingFileAppender::builder()
        .rotation(Rotation::DAILY)
        .filename_prefix("loandesk")
        .filename_suffix("log")
        .max_log_files(KEEP_FILES)
        .build(&dir);
    let appender = match appender {
        Ok(a) => a,
        Err(e) => {
            eprintln!("LoanDesk: no support log ({e})");
            return;
        }
    };
    let subscriber = tracing_subscriber::fmt()
        .with_writer(Mutex::new(appender))
        .with_ansi(false)
        .with_target(false)
        .with_max_level(tracing::Level::INFO)
        // A command's span closing is the line that gives its duration.
        .with_span_events(FmtSpan::CLOSE)
        .finish();
    if tracing::subscriber::set_global_default(subscriber).is_err() {
        return;
    }
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        match info.location() {
            Some(at) => tracing::error!(file = at.file(), line = at.line(), "panic"),
            None => tracing::error!("panic"),
        }
        default_hook(info);
    }));
    tracing::info!(
        version = env!("CARGO_PKG_VERSION"),
        os = std::env::consts::OS,
        "start"
    );
}
