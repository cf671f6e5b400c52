//! 书号 (ISBN): the reader finds ISBNs as printed; parsing and the check digit are the model's
//! ([`crate::model::Isbn::parse`]).

pub use crate::model::{IsbnError, parse_isbn};
