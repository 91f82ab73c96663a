//! The lifecycle loop after (and beside) the journey (issue 16): suggestions the officer
//! confirms (dormant, active, loyal; nothing changes silently), the referrals that make a client
//! loyal, and Today's dormant clients and loans due for renewal.
mod profile;
mod referrals;
mod reminders;
mod settings;
mod suggest;

pub use profile::{ClientProfile, ProposedAmount, ScorePoint};
pub use referrals::Referral;
pub use settings::{DormantDays, LifecycleSettings};
pub use suggest::{LifecycleSuggestion, SuggestionReason};
