//! The printed contents (目录): entries with levels, wrapped titles, leaders and page numbers,
//! and the cross-check against the body's headings.

mod check;
mod label;
mod parse;
mod runin;

pub use check::cross_check;
pub use label::{EntryKind, label_key, split_label, title_key};
pub use parse::{entry_key, parse_contents};
pub use runin::is_run_in;
