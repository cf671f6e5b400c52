//! paiban (排版): turns a print-extracted book manuscript into EPUB 3 and Typst.
//!
//! The pipeline runs one way, as pandoc's and typst's do:
//!
//! 1. [`reader::decode`] turns bytes into text ([`source::Source`]);
//! 2. [`reader::read`] recovers a typed [`model::Book`] — metadata, front matter, chapters and
//!    sections, footnotes linked to their markers, paragraphs rejoined across page breaks — and
//!    reports what it cannot decide as [`diag::Diagnostic`]s;
//! 3. [`config`] applies `book.toml` over what was recovered;
//! 4. the writers render the book, each returning a [`writer::Output`] of files and
//!    diagnostics: [`writer::epub::render`] (zipped by [`writer::epub::write_epub`]),
//!    [`writer::typst::write_typst`] and [`writer::markdown::write_markdown`].
//!
//! `model` imports nothing else from the crate; `reader` and each writer import only `model`,
//! `diag` and `source`.

pub mod batch;
pub mod build;
pub mod check;
pub mod config;
pub mod diag;
pub mod error;
pub mod input;
pub mod inspect;
pub mod model;
pub mod output;
pub mod pdf;
pub mod reader;
pub mod settings;
pub mod source;
pub mod watch;
pub mod writer;

pub use error::{Error, Result};
