//! 标识 (ids): the book's identity invariants, settled and checked in one place. Division ids
//! (at every depth) are unique in the book, note `i` has [`NoteId`] `i`, and every note
//! reference and contents target names something that exists. Readers call
//! [`Book::settle_ids`] last; [`Book::check`] runs when a book is deserialised.

use std::collections::HashSet;

use super::{Block, Book, Division, NoteId};

/// A division id [`Book::settle_ids`] changed because an earlier division had it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Renamed {
    /// 1-based manuscript line of the renamed division.
    pub line: usize,
    /// The id it had.
    pub from: String,
    /// The id it has now.
    pub to: String,
}

/// A broken identity invariant.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    /// Two divisions share an id.
    #[error("two divisions have the id {0:?}")]
    DuplicateDivision(String),
    /// A division has an empty id.
    #[error("a division at line {0} has an empty id")]
    EmptyDivision(usize),
    /// A note's id is not its index in the note list.
    #[error("note {index} has the id {id}")]
    NoteOutOfPlace {
        /// Its index in the note list.
        index: usize,
        /// The id it carries.
        id: usize,
    },
    /// A note reference names no note.
    #[error("a note reference names note {0}, but the book has {1} notes")]
    DanglingNoteRef(usize, usize),
    /// A contents entry points at no division.
    #[error("a contents entry points at {0:?}, which no division has")]
    DanglingTarget(String),
}

impl Book {
    /// Makes every division id unique in the book, in reading order and at every depth: the
    /// first division keeps an id, a later one becomes `id-2`, `id-3` … (never an id in use);
    /// an empty id becomes the division kind's name. Returns what was renamed.
    pub fn settle_ids(&mut self) -> Vec<Renamed> {
        let mut taken: HashSet<String> = HashSet::new();
        let mut all: Vec<String> = Vec::new();
        self.each_division(&mut |d| all.push(d.id.clone()));
        let mut used: HashSet<String> = all.iter().cloned().collect();
        let mut renamed = Vec::new();
        self.each_division_mut(&mut |d| {
            let base = if d.id.is_empty() {
                d.kind.name().to_string()
            } else {
                d.id.clone()
            };
            if d.id.is_empty() || !taken.insert(d.id.clone()) {
                let to = std::iter::once(base.clone())
                    .filter(|_| d.id.is_empty())
                    .chain((2..).map(|n| format!("{base}-{n}")))
                    .find(|id| !used.contains(id))
                    .expect("some suffix is free");
                used.insert(to.clone());
                taken.insert(to.clone());
                renamed.push(Renamed {
                    line: d.line,
                    from: std::mem::replace(&mut d.id, to.clone()),
                    to,
                });
            }
        });
        renamed
    }

    /// Checks the identity invariants: unique non-empty division ids, note `i` with id `i`,
    /// note references and contents targets that name a note or division of this book.
    pub fn check(&self) -> Result<(), IdError> {
        let mut ids = HashSet::new();
        let mut err = None;
        self.each_division(&mut |d| {
            if err.is_some() {
                return;
            }
            if d.id.is_empty() {
                err = Some(IdError::EmptyDivision(d.line));
            } else if !ids.insert(d.id.clone()) {
                err = Some(IdError::DuplicateDivision(d.id.clone()));
            }
        });
        if let Some(e) = err {
            return Err(e);
        }
        for (index, n) in self.notes.iter().enumerate() {
            if n.id.index() != index {
                return Err(IdError::NoteOutOfPlace {
                    index,
                    id: n.id.index(),
                });
            }
        }
        let mut refs: Vec<NoteId> = Vec::new();
        let mut targets: Vec<String> = Vec::new();
        self.each_division(&mut |d| {
            refs.extend(d.own_note_refs());
            for b in &d.blocks {
                if let Block::Contents(entries) = b {
                    targets.extend(entries.iter().filter_map(|e| e.target.clone()));
                }
            }
        });
        for n in &self.notes {
            super::note_refs(&n.content, &mut refs);
        }
        if let Some(r) = refs.iter().find(|r| r.index() >= self.notes.len()) {
            return Err(IdError::DanglingNoteRef(r.index(), self.notes.len()));
        }
        if let Some(t) = targets.into_iter().find(|t| !ids.contains(t)) {
            return Err(IdError::DanglingTarget(t));
        }
        Ok(())
    }

    /// Calls `f` on every division at every depth, in reading order.
    pub fn each_division(&self, f: &mut dyn FnMut(&Division)) {
        fn walk(d: &Division, f: &mut dyn FnMut(&Division)) {
            f(d);
            d.children.iter().for_each(|c| walk(c, f));
        }
        self.divisions().for_each(|d| walk(d, f));
    }

    pub(super) fn each_division_mut(&mut self, f: &mut dyn FnMut(&mut Division)) {
        fn walk(d: &mut Division, f: &mut dyn FnMut(&mut Division)) {
            f(d);
            d.children.iter_mut().for_each(|c| walk(c, f));
        }
        let runs = [&mut self.front, &mut self.body, &mut self.back];
        for run in runs {
            run.iter_mut().for_each(|d| walk(d, f));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DivisionKind, Inline, Note, NotePlacement};

    fn div(kind: DivisionKind, id: &str, line: usize, children: Vec<Division>) -> Division {
        let mut d = Division::new(kind, id, line);
        d.children = children;
        d
    }

    #[test]
    fn colliding_ids_are_renamed_once_first_come_keeps() {
        let mut book = Book {
            front: vec![div(DivisionKind::Preface, "preface", 1, vec![])],
            body: vec![
                div(
                    DivisionKind::Chapter,
                    "chapter-1",
                    3,
                    vec![
                        div(DivisionKind::Section, "s", 4, vec![]),
                        div(DivisionKind::Section, "s", 5, vec![]),
                    ],
                ),
                div(DivisionKind::Chapter, "chapter-1", 7, vec![]),
                div(DivisionKind::Chapter, "s-2", 9, vec![]),
                div(DivisionKind::Chapter, "", 11, vec![]),
            ],
            back: vec![div(DivisionKind::Afterword, "preface", 13, vec![])],
            ..Book::default()
        };
        assert!(matches!(book.check(), Err(IdError::DuplicateDivision(id)) if id == "s"));
        let renamed = book.settle_ids();
        let got: Vec<(usize, &str, &str)> = renamed
            .iter()
            .map(|r| (r.line, r.from.as_str(), r.to.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (5, "s", "s-3"),
                (7, "chapter-1", "chapter-1-2"),
                (11, "", "chapter"),
                (13, "preface", "preface-2"),
            ]
        );
        assert_eq!(book.check(), Ok(()));
        assert!(book.settle_ids().is_empty(), "settled ids stay");
    }

    #[test]
    fn note_ids_and_references_are_checked() {
        let note = |i: usize| Note {
            id: NoteId::new(i),
            mark: "①".into(),
            content: vec![Inline::Text("注".into())],
            placement: NotePlacement::Footnote,
            line: 1,
        };
        let mut chapter = Division::new(DivisionKind::Chapter, "chapter-1", 1);
        chapter.title = vec![Inline::NoteRef(NoteId::new(1))];
        let mut book = Book {
            body: vec![chapter],
            notes: vec![note(0), note(1)],
            ..Book::default()
        };
        assert_eq!(book.check(), Ok(()));
        book.notes[1].id = NoteId::new(0);
        assert_eq!(
            book.check(),
            Err(IdError::NoteOutOfPlace { index: 1, id: 0 })
        );
        book.notes.pop();
        assert_eq!(book.check(), Err(IdError::DanglingNoteRef(1, 1)));
    }

    #[test]
    fn deserialising_a_book_checks_it() {
        let mut book = Book {
            body: vec![Division::new(DivisionKind::Chapter, "chapter-1", 1)],
            ..Book::default()
        };
        book.meta.language = crate::model::LanguageTag::known("en");
        let json = serde_json::to_string(&book).unwrap();
        assert_eq!(serde_json::from_str::<Book>(&json).unwrap(), book);
        book.body
            .push(Division::new(DivisionKind::Chapter, "chapter-1", 2));
        let json = serde_json::to_string(&book).unwrap();
        let err = serde_json::from_str::<Book>(&json).unwrap_err().to_string();
        assert!(
            err.contains("two divisions have the id \"chapter-1\""),
            "{err}"
        );
    }
}
