//! The typed document model: what the reader recovers and every writer renders.
//!
//! A [`Book`] is metadata plus three runs of [`Division`]s — front matter, body and back
//! matter — and the [`Note`]s that [`Inline::NoteRef`]s point to. Nothing here holds unparsed
//! manuscript text: titles, paragraphs and notes are [`Inline`] runs, the colophon is labelled
//! entries, the CIP record and printed contents are typed. This module imports nothing else from
//! the crate, so readers and writers can depend on it one way.

mod content;
mod dump;
#[cfg(feature = "arbitrary")]
mod generate;
mod ids;
mod isbn;
mod language;
mod meta;
mod numbering;
mod patch;
mod relator;
mod resource;
mod walk;

pub use content::*;
pub use dump::dump;
pub use ids::{IdError, Renamed};
pub use isbn::{Isbn, IsbnError, parse_isbn};
pub use language::{LanguageTag, LanguageTagError};
pub use meta::*;
pub use numbering::{
    NoteFigures, NoteNumbering, NoteRestart, arabic_mark, note_numbering, own_mark,
    printed_note_numbers,
};
pub use patch::MetadataPatch;
pub use relator::{Relator, RelatorError};
pub use resource::{MediaType, Resource, ResourceError};
pub use walk::note_refs;

/// A whole book: metadata, 前言 front matter, 正文 body, 后记 back matter, and its notes.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(remote = "Self")]
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

impl serde::Serialize for Book {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        Book::serialize(self, s)
    }
}

/// A deserialised book is checked ([`Book::check`]): its ids are unique and its references
/// resolve, or it is refused.
impl<'de> serde::Deserialize<'de> for Book {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let book = Book::deserialize(d)?;
        book.check().map_err(serde::de::Error::custom)?;
        Ok(book)
    }
}

impl Book {
    /// The note a reference points to.
    pub fn note(&self, id: NoteId) -> &Note {
        &self.notes[id.index()]
    }

    /// All top-level divisions in reading order: front, body, back.
    pub fn divisions(&self) -> impl Iterator<Item = &Division> {
        self.front.iter().chain(&self.body).chain(&self.back)
    }

    /// 注释归属 (note homes): the notes that no division's text references — never referenced,
    /// or referenced only from other notes — by the id of the top-level division at whose end
    /// they are printed (the last one starting at or before the note's line, else the first),
    /// in note order. Decided here once; every writer renders the notes where this says.
    pub fn note_homes(&self) -> Vec<(String, Vec<NoteId>)> {
        let in_text: std::collections::HashSet<NoteId> = self
            .divisions()
            .flat_map(Division::note_refs_deep)
            .collect();
        let tops: Vec<&Division> = self.divisions().collect();
        let mut homes: Vec<(String, Vec<NoteId>)> = Vec::new();
        for note in self.notes.iter().filter(|n| !in_text.contains(&n.id)) {
            let Some(home) = tops
                .iter()
                .rev()
                .find(|d| d.line <= note.line)
                .or(tops.first())
            else {
                continue;
            };
            match homes.iter_mut().find(|(id, _)| *id == home.id) {
                Some((_, ids)) => ids.push(note.id),
                None => homes.push((home.id.clone(), vec![note.id])),
            }
        }
        homes
    }

    /// 未引注释 (unreferenced notes): the notes no division's text and no other note references,
    /// transcriber's notes aside (no marker calls them by nature), in note order. The reader
    /// reports them; writers print them where [`Book::note_homes`] says.
    pub fn unreferenced_notes(&self) -> Vec<NoteId> {
        let mut from_notes = Vec::new();
        for n in &self.notes {
            note_refs(&n.content, &mut from_notes);
        }
        let from_notes: std::collections::HashSet<NoteId> = from_notes.into_iter().collect();
        let mut ids: Vec<NoteId> = self
            .note_homes()
            .into_iter()
            .flat_map(|(_, ids)| ids)
            .filter(|id| !from_notes.contains(id) && !self.note(*id).is_transcribers())
            .collect();
        ids.sort_by_key(|id| id.index());
        ids
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
