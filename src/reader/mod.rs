//! The structuring pass (结构化): manuscript text → [`Book`], as a sequence of small passes.
//!
//! decode → lines/pages → classify → notes → joins → divisions → contents cross-check.
//! Each recogniser is its own unit with a table of input → expected cases. What the reader
//! cannot decide it reports as a [`Diagnostic`] with the manuscript line.

pub mod decode;
pub mod front_matter;
pub mod lines;
pub mod relators;
pub mod toc;

use crate::diag::Diagnostic;
use crate::model::Book;
use crate::source::Source;

pub use decode::{DecodeError, Decoded, decode};
pub use lines::Line;
pub use relators::Relators;

/// Options that change how a manuscript is read.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// BCP 47 language to assume instead of detecting it.
    pub language: Option<String>,
}

/// What the reader recovered, with everything it could not decide.
#[derive(Debug, Clone)]
pub struct Reading {
    /// The structured book.
    pub book: Book,
    /// Diagnostics in manuscript order.
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads a decoded manuscript into a book.
pub fn read(source: &Source, opts: &ReadOptions) -> Reading {
    let _ = (source, opts);
    Reading {
        book: Book::default(),
        diagnostics: Vec::new(),
    }
}
