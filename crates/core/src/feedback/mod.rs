//! The client's voice (issue 16): feedback per stage or touchpoint (satisfaction 1–5, mood),
//! the problems raised, each open until what was done is recorded (闭环) and on Today when
//! open too long, and the new needs heard; and the journey map of a period built on them.
mod journey_map;
mod journey_map_export;
mod kinds;
mod problem;
mod record;
mod reminders;
mod settings;

pub use journey_map::{JourneyMap, JourneyMapStage, JourneyMapTier};
pub use journey_map_export::{category_label, journey_map_csv, journey_map_xlsx, ranked_problems};
pub use kinds::{Mood, ProblemCategory};
pub use problem::{Need, Problem};
pub use record::{Feedback, FeedbackIds, FeedbackInput, NeedInput, ProblemInput};
pub use settings::FeedbackSettings;
