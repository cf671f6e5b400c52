//! Notes that no marker points to (a note with no marker on its page): kept, and placed at the end
//! of the top-level division they were printed in, as the EPUB writer places them.

use std::collections::{HashMap, HashSet};

use crate::model::{Book, Division, NoteId, note_refs};

fn refs_in_division(d: &Division, out: &mut HashSet<NoteId>) {
    out.extend(d.own_note_refs());
    for c in &d.children {
        refs_in_division(c, out);
    }
}

/// Unreferenced notes by the id of the top-level division that holds them (the last one that
/// starts at or before the note's line, else the first), in note order.
pub(super) fn orphan_notes(book: &Book) -> HashMap<String, Vec<NoteId>> {
    let mut referenced = HashSet::new();
    for d in book.divisions() {
        refs_in_division(d, &mut referenced);
    }
    for n in &book.notes {
        let mut inner = Vec::new();
        note_refs(&n.content, &mut inner);
        referenced.extend(inner);
    }
    let tops: Vec<&Division> = book.divisions().collect();
    let mut out: HashMap<String, Vec<NoteId>> = HashMap::new();
    for note in book.notes.iter().filter(|n| !referenced.contains(&n.id)) {
        let home = tops
            .iter()
            .rev()
            .find(|d| d.line <= note.line)
            .or(tops.first());
        if let Some(d) = home {
            out.entry(d.id.clone()).or_default().push(note.id);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Block, DivisionKind, Inline, Note, NotePlacement, Para};

    fn note(i: usize, line: usize) -> Note {
        Note {
            id: NoteId(i),
            mark: "①".into(),
            content: vec![Inline::Text(format!("注{i}"))],
            placement: NotePlacement::Footnote,
            line,
        }
    }

    #[test]
    fn unreferenced_notes_go_to_the_division_they_follow() {
        let mut a = Division::new(DivisionKind::Chapter, "chapter-1", 1);
        a.blocks.push(Block::Para(Para {
            content: vec![Inline::NoteRef(NoteId(0))],
            line: 2,
        }));
        let b = Division::new(DivisionKind::Chapter, "chapter-2", 10);
        let book = Book {
            body: vec![a, b],
            notes: vec![note(0, 3), note(1, 5), note(2, 12), note(3, 20)],
            ..Book::default()
        };
        let got = orphan_notes(&book);
        assert_eq!(got.get("chapter-1"), Some(&vec![NoteId(1)]));
        assert_eq!(got.get("chapter-2"), Some(&vec![NoteId(2), NoteId(3)]));
        assert_eq!(got.len(), 2);
    }
}
