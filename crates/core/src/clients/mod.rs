//! The client book: companies, their contacts, touchpoints, and search.
mod bulk_import;
pub mod credit_code;
pub mod industry;
mod model;
pub(crate) mod pinyin;
mod search;
mod sensitive;
mod store;
mod validate;

pub use bulk_import::{
    import_template_xlsx, ImportColumn, ImportPreview, ImportProblem, ImportResult, ImportRow,
    MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, TEMPLATE_CSV as IMPORT_TEMPLATE_CSV,
};
pub use model::*;
pub use sensitive::{SensitiveField, CLIPBOARD_CLEAR_SECONDS};
pub use store::COUNT_CAP;
pub(crate) use store::{insert_touchpoint, rebuild_search};
