//! What the shell does differently because it runs on an officer's own laptop: say why it
//! could not start (a Windows release build has no console), keep one window, fit small
//! screens, and leave nothing behind at exit.
use tauri::{AppHandle, Manager, WebviewWindow};

use crate::state::AppState;

/// Before the app exists there is no window to hang a dialog on: rfd shows a native one on
/// its own (MessageBox, NSAlert, GTK). It is the crate tauri-plugin-dialog uses, with the same
/// features, so it adds nothing to the build. Bilingual: the language setting may be what failed.
pub fn startup_failed(detail: &str) -> ! {
    eprintln!("LoanDesk could not start: {detail}");
    tracing::error!("startup failed");
    let _ = rfd::MessageDialog::new()
        .set_level(rfd::MessageLevel::Error)
        .set_title("LoanDesk")
        .set_description(format!(
            "LoanDesk 无法启动。\nLoanDesk could not start.\n\n{detail}"
        ))
        .set_buttons(rfd::MessageButtons::Ok)
        .show();
    std::process::exit(1);
}

/// The officer keeps working in the old folder; they are told once per start.
pub fn tell_move_failed(app: &AppHandle, old: &std::path::Path, why: &str) {
    use tauri_plugin_dialog::{DialogExt, MessageDialogKind};
    app.dialog()
        .message(format!(
            "数据文件夹未能迁移到新位置，LoanDesk 继续使用原文件夹，保险库完好无损。\n\
             The data folder could not be moved to its new place; LoanDesk keeps using the old \
             one, and the vault in it is intact.\n\n{}\n{why}",
            old.display()
        ))
        .kind(MessageDialogKind::Warning)
        .title("LoanDesk")
        .show(|_| {});
}

/// A second launch (the single-instance plugin stops it) brings the first window forward.
pub fn focus_main(app: &AppHandle) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}

/// The default size does not fit a 1366×768 screen at 150 % (910×512 logical, less the
/// taskbar): there the window opens maximized instead of running off the screen.
pub fn fit_to_screen(window: &WebviewWindow) {
    let (Ok(Some(monitor)), Ok(size)) = (window.current_monitor(), window.outer_size()) else {
        return;
    };
    let area = monitor.work_area().size;
    if size.width > area.width || size.height > area.height {
        let _ = window.maximize();
    }
}

/// Before anything else runs (no thread exists yet, so setting the environment is sound), on
/// Linux: WebKitGTK paints without accelerated compositing and its Skia paints on the CPU.
/// Compositing and GPU painting keep GL layers, textures and their buffers in the web process,
/// for a browser's pages; this app is one local page of forms, tables and one chart, which
/// CPU painting draws as fast (without a GPU, on Mesa's software GL, faster). Non-composited
/// painting also sidesteps WebKitGTK's blank windows on some GPU drivers.
/// JavaScriptCore collects the whole heap each time instead of only its young objects: after a
/// walk through every screen ~15 MB of objects are live, but generational collection kept
/// ~30 MB of the screens left behind in its old space, never collected while an officer works;
/// a whole-heap collection of 15 MB takes milliseconds. And it stops at its third tier (DFG):
/// the fourth (FTL) is for long-running hot loops, and its compiler's memory and code are what
/// a page of short event handlers pays for it.
/// Measured by scripts/bench-memory.mjs on the release build (issue 19, item 11), PSS after the
/// walk: 620 MB, 359 with the painting switches and the document-viewer cache model, 336-338 with
/// whole-heap collection and without FTL. Environment variables, not `WebKitSettings`: the web
/// process inherits them, and the compositing setting arrives after it has started compositing
/// (saving 10 MB less). An officer's or a support session's own values win. WKWebView on macOS
/// and WebView2 on Windows have no such switches and size these themselves.
pub fn prepare_web_engine() {
    #[cfg(target_os = "linux")]
    for (name, value) in [
        ("WEBKIT_DISABLE_COMPOSITING_MODE", "1"),
        ("WEBKIT_SKIA_ENABLE_CPU_RENDERING", "1"),
        ("JSC_useGenerationalGC", "false"),
        ("JSC_useFTLJIT", "false"),
    ] {
        if std::env::var_os(name).is_none() {
            std::env::set_var(name, value);
        }
    }
}

/// WebKitGTK's default cache model (web browser) keeps decoded pages, resources and a back/
/// forward cache for browsing many sites; this app is one local page. The document-viewer model
/// drops those caches (issue 19, item 11).
pub fn limit_web_caches(window: &WebviewWindow) {
    #[cfg(target_os = "linux")]
    {
        use webkit2gtk::{CacheModel, WebContextExt, WebViewExt};
        let _ = window.with_webview(|webview| {
            if let Some(context) = webview.inner().context() {
                context.set_cache_model(CacheModel::DocumentViewer);
            }
        });
    }
    #[cfg(not(target_os = "linux"))]
    let _ = window;
}

/// At exit: the sensitive copy leaves the clipboard (on Windows and macOS it would outlive
/// the app) and the vault is dropped, its key zeroized and its WAL checkpointed, before the
/// process ends. `lock` clears the clipboard and waits for that; the wait lets work still
/// holding the vault see the lock request and let go.
pub fn on_exit(app: &AppHandle) {
    if let Some(state) = app.try_state::<AppState>() {
        state.lock();
        state.wait_until_locked();
        tracing::info!("exit: clipboard cleared, vault locked");
    }
}
