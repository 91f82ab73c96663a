//! The client book: companies, their contacts, touchpoints, and search.
pub mod credit_code;
mod model;
pub(crate) mod pinyin;
mod search;
mod sensitive;
mod store;
mod validate;

pub use model::*;
pub use sensitive::{SensitiveField, CLIPBOARD_CLEAR_SECONDS};
pub use store::COUNT_CAP;
pub(crate) use store::{insert_touchpoint, rebuild_search};
