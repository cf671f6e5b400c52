//! Notes that no division's text references (a note with no marker on its page, or one referenced
//! only from another note): kept, at the end of the top-level division the model homes them in
//! ([`Book::note_homes`]), as the EPUB writer places them.

use std::collections::HashMap;

use crate::model::{Book, NoteId};

/// The notes to print at the end of each top-level division, by division id.
pub(super) fn orphan_notes(book: &Book) -> HashMap<String, Vec<NoteId>> {
    book.note_homes().into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        Block, Division, DivisionKind, Inline, Metadata, Note, NotePlacement, Para,
    };

    fn note(i: usize, line: usize) -> Note {
        Note {
            id: NoteId::new(i),
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
            content: vec![Inline::NoteRef(NoteId::new(0))],
            line: 2,
        }));
        let b = Division::new(DivisionKind::Chapter, "chapter-2", 10);
        let book = Book {
            body: vec![a, b],
            notes: vec![note(0, 3), note(1, 5), note(2, 12), note(3, 20)],
            ..Book::default()
        };
        let got = orphan_notes(&book);
        assert_eq!(got.get("chapter-1"), Some(&vec![NoteId::new(1)]));
        assert_eq!(
            got.get("chapter-2"),
            Some(&vec![NoteId::new(2), NoteId::new(3)])
        );
        assert_eq!(got.len(), 2);
    }

    #[test]
    fn a_note_referenced_only_from_another_note_is_kept_by_both_writers() {
        // Chapter text → note 0; note 0's text → note 1; nothing else references note 1.
        let mut a = Division::new(DivisionKind::Chapter, "chapter-1", 1);
        a.title = vec![Inline::Text("河".into())];
        a.blocks.push(Block::Para(Para {
            content: vec![Inline::Text("正文".into()), Inline::NoteRef(NoteId::new(0))],
            line: 2,
        }));
        let mut outer = note(0, 3);
        outer.content = vec![Inline::Text("外注".into()), Inline::NoteRef(NoteId::new(1))];
        let mut inner = note(1, 4);
        inner.content = vec![Inline::Text("内注之文".into())];
        let book = Book {
            meta: Metadata {
                title: "书".into(),
                language: crate::model::LanguageTag::known("zh-CN"),
                ..Metadata::default()
            },
            body: vec![a],
            notes: vec![outer, inner],
            ..Book::default()
        };
        assert_eq!(
            book.note_homes(),
            vec![("chapter-1".to_string(), vec![NoteId::new(1)])]
        );
        let typst = crate::writer::typst::write_typst(&book, &Default::default());
        let main = String::from_utf8(typst.file("main.typ").unwrap().to_vec()).unwrap();
        assert!(
            main.contains("内注之文"),
            "Typst dropped the inner note:\n{main}"
        );
        let epub = crate::writer::epub::render(&book, &Default::default()).unwrap();
        let chapter = epub
            .files
            .iter()
            .find(|(p, _)| p.contains("chapter-1"))
            .map(|(_, b)| String::from_utf8(b.clone()).unwrap())
            .unwrap();
        assert!(
            chapter.contains("内注之文"),
            "EPUB dropped the inner note:\n{chapter}"
        );
        assert!(
            book.unreferenced_notes().is_empty(),
            "a note referenced from a note is referenced"
        );
    }
}
