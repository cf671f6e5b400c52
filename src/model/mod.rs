//! The typed document model: what the reader recovers and every writer renders.
//!
//! A [`Book`] is metadata plus three runs of [`Division`]s — front matter, body and back
//! matter — and the [`Note`]s that [`Inline::NoteRef`]s point to. Nothing here holds unparsed
//! manuscript text: titles, paragraphs and notes are [`Inline`] runs, the colophon is labelled
//! entries, the CIP record and printed contents are typed. This module imports nothing else from
//! the crate, so readers and writers can depend on it one way.

mod content;
mod dump;
mod isbn;
mod meta;
mod numbering;
mod patch;

pub use content::*;
pub use dump::dump;
pub use isbn::{Isbn, IsbnError, parse_isbn};
pub use meta::*;
pub use numbering::{NoteFigures, NoteNumbering, NoteRestart, note_numbering};
pub use patch::MetadataPatch;

/// A whole book: metadata, 前言 front matter, 正文 body, 后记 back matter, and its notes.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Book {
    /// Bibliographic and production metadata.
    pub meta: Metadata,
    /// Front matter (title page, copyright page, preface, abstract, contents …), in print order.
    pub front: Vec<Division>,
    /// Body (parts and chapters with their sections), in print order.
    pub body: Vec<Division>,
    /// Back matter (references, afterword, appendices, index …), in print order.
    pub back: Vec<Division>,
    /// Every note in the book; [`NoteId`] is an index into this list.
    pub notes: Vec<Note>,
}

impl Book {
    /// The note a reference points to.
    pub fn note(&self, id: NoteId) -> &Note {
        &self.notes[id.0]
    }

    /// All top-level divisions in reading order: front, body, back.
    pub fn divisions(&self) -> impl Iterator<Item = &Division> {
        self.front.iter().chain(&self.body).chain(&self.back)
    }

    /// The printed contents (目录) if the front matter has one.
    pub fn printed_contents(&self) -> Option<&[ContentsEntry]> {
        self.divisions().find_map(|d| {
            d.blocks.iter().find_map(|b| match b {
                Block::Contents(entries) => Some(entries.as_slice()),
                _ => None,
            })
        })
    }
}
