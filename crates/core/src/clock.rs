//! What time it is, as the caller says.
//!
//! The core never asks the operating system for the date on its own: "today" is an argument
//! of every rule that depends on it, and the moment written beside a record (its `created_at`,
//! an audit row's `at`) comes from the vault's `Clock`, which the caller chooses. The shell and
//! the CLI take `Clock::system()`; tests and `loandesk demo --today` fix it.
use std::sync::Arc;

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};

#[derive(Clone)]
pub struct Clock(Arc<dyn Fn() -> DateTime<Utc> + Send + Sync>);

impl Clock {
    /// The operating system's clock: the only place the core reads it.
    pub fn system() -> Clock {
        Clock(Arc::new(Utc::now))
    }

    /// Always the same moment.
    pub fn fixed(at: DateTime<Utc>) -> Clock {
        Clock(Arc::new(move || at))
    }

    /// Noon UTC of `day`: a moment that falls on that date in every officer's time zone
    /// from UTC−11 to UTC+11.
    pub fn fixed_on(day: NaiveDate) -> Clock {
        Clock::fixed(day.and_hms_opt(12, 0, 0).unwrap_or_default().and_utc())
    }

    pub fn now(&self) -> DateTime<Utc> {
        (self.0)()
    }

    /// Timestamps are stored as RFC 3339 UTC text: sortable, readable in a support session.
    pub fn stamp(&self) -> String {
        self.now().to_rfc3339_opts(SecondsFormat::Millis, true)
    }
}

impl std::fmt::Debug for Clock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Clock")
    }
}

/// The SQL function through which a connection asks its vault's clock: statements inside a
/// transaction (audit rows, `created_at`) take the time from the connection they write on.
pub(crate) const SQL_NOW: &str = "loandesk_now";

pub(crate) fn install(conn: &rusqlite::Connection, clock: &Clock) -> rusqlite::Result<()> {
    let clock = clock.clone();
    conn.create_scalar_function(
        SQL_NOW,
        0,
        rusqlite::functions::FunctionFlags::SQLITE_UTF8,
        move |_| Ok(clock.stamp()),
    )
}

/// The vault clock's time, read through the connection (or transaction) at hand.
pub(crate) fn stamp(conn: &rusqlite::Connection) -> crate::Result<String> {
    Ok(conn.query_row(&format!("SELECT {SQL_NOW}()"), [], |r| r.get(0))?)
}
