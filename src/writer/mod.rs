//! Writers: each renders a [`crate::model::Book`] into one output format.

pub mod epub;
pub mod markdown;
pub mod phrases;
pub mod runts;
pub mod typst;
