//! Desktop notifications of the day's reminders: once after unlock and then once a day while
//! the app runs (a laptop left open over midnight hears about the new day). Only counts go to
//! the notification: client names stay inside the app, off the lock screen.
use std::sync::Mutex;
use std::time::Duration;

use chrono::NaiveDate;
use loandesk_core::prefs::Language;
use loandesk_core::servicing::{ReminderKind, DEFAULT_REMINDER_DAYS};
use tauri::{AppHandle, Manager};
use tauri_plugin_notification::NotificationExt;

use crate::state::AppState;

/// The day the officer was last told, so each day is told once.
#[derive(Default)]
pub struct Notified(Mutex<Option<NaiveDate>>);

pub fn start_timer(app: AppHandle) {
    std::thread::spawn(move || loop {
        std::thread::sleep(Duration::from_secs(15));
        notify_if_new_day(&app);
    });
}

fn notify_if_new_day(app: &AppHandle) {
    let state = app.state::<AppState>();
    let notified = app.state::<Notified>();
    if !state.is_unlocked() {
        return;
    }
    let today = crate::commands::servicing::today();
    let Ok(mut last) = notified.0.lock() else {
        return;
    };
    if *last == Some(today) {
        return;
    }
    let Ok(reminders) = state.with_vault(|v| v.reminders(today, DEFAULT_REMINDER_DAYS)) else {
        return;
    };
    *last = Some(today);
    let count = |kind: ReminderKind| reminders.iter().filter(|r| r.kind == kind).count();
    let overdue = count(ReminderKind::Overdue);
    let due = count(ReminderKind::DueSoon);
    let other = reminders.len() - overdue - due;
    if reminders.is_empty() {
        return;
    }
    let (title, body) = match state.prefs().language {
        Language::Zh => (
            "LoanDesk 今日提醒".to_owned(),
            format!("逾期还款 {overdue} 笔，{DEFAULT_REMINDER_DAYS} 天内到期 {due} 笔，检查与预警 {other} 项"),
        ),
        Language::En => (
            "LoanDesk reminders today".to_owned(),
            format!("{overdue} overdue repayments, {due} due within {DEFAULT_REMINDER_DAYS} days, {other} reviews and warnings"),
        ),
    };
    // A desktop without a notification service is not an error worth troubling the officer:
    // the same reminders are on the Today screen.
    let _ = app.notification().builder().title(title).body(body).show();
}
