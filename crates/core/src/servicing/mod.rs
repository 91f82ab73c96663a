//! Post-disbursement (贷后管理): booked loans, repayments and how they are allocated,
//! arrears, the five-tier classification, reminders and the portfolio.
//!
//! The pure parts ([`allocation`], [`status`], [`tranches`], [`reminders::select`]) take the
//! day as an argument; the vault parts store money as integer fen so SQL sums stay exact.
pub mod allocation;
mod book;
mod booking_default;
pub mod calendar;
mod cash_in;
mod classify;
mod labels;
pub mod lpr;
pub mod penalty;
mod portfolio;
mod portfolio_export;
mod ratio_alerts;
mod reamortize;
mod reminder_text;
pub mod reminders;
mod reschedule;
pub mod status;
mod store;
pub mod tranches;
mod view;
mod waiver;

pub use book::{BookingInput, DisbursementInput};
pub use booking_default::{default_disbursement, default_signing};
pub use calendar::{
    parse_calendar, CalendarChange, CalendarDay, CalendarPreview, CalendarSummary, DayKind,
};
pub use lpr::{parse_lpr_csv, LprRate, Reprice, RepricingDue};
pub use penalty::{AllocationPart, PenaltyBasis, PenaltyTerms};
pub use portfolio::{Headline, MonthCashIn, Portfolio, PortfolioLoan, Slice};
pub use portfolio_export::{portfolio_csv, portfolio_xlsx};
pub use ratio_alerts::{group_ratio_alerts, RatioAlert, TodayReminders};
pub use reminder_text::reminder_text;
pub use reminders::{Reminder, ReminderKind, ReminderMark};
pub use reschedule::{PrepayFee, PrepayMode, PrepaymentInput, ScheduleChange, ScheduleRow};
pub use status::{AgeBucket, Classification, PeriodStatus, WorkingDays};
pub use view::{
    ClassificationChange, LoanDisbursement, LoanRepayment, LoanSummary, LoanVersion, LoanView,
    PenaltyWaiver, PeriodView,
};

/// Days ahead the reminders look for repayments falling due, unless the officer says.
pub const DEFAULT_REMINDER_DAYS: u32 = 7;
