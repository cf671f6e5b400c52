//! Writers: each renders a [`crate::model::Book`] into one output format.

pub mod epub;
pub mod phrases;
pub mod typst;
