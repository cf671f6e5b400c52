//! 注码体例 (note numbering): how a book numbers its notes, read from the marks it printed, so
//! that both writers number them as the book does.

use super::Note;

/// The figures of a book's note marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteFigures {
    /// 圈码 ①②③.
    Circled,
    /// 1, 2, 3.
    Arabic,
    /// `*`, `†`, `‡` …
    Symbols,
}

/// Where a book's note numbering starts again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteRestart {
    /// 每页重新编号: on every printed page (circled figures, symbols).
    Page,
    /// On every chapter (arabic figures: technical books number notes per chapter).
    Chapter,
}

/// A book's note numbering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoteNumbering {
    /// The figures.
    pub figures: NoteFigures,
    /// Where the count restarts.
    pub restart: NoteRestart,
}

/// What figure a mark is printed in; kana glyphs are circled numbers a broken conversion left.
fn figures_of(mark: &str) -> Option<NoteFigures> {
    let c = mark.chars().next()?;
    match c as u32 {
        0x2460..=0x2473 | 0x3251..=0x325F | 0x32B1..=0x32BF | 0x3041..=0x30FF | 0x3005 => {
            Some(NoteFigures::Circled)
        }
        _ if mark.chars().all(|d| d.is_ascii_digit()) => Some(NoteFigures::Arabic),
        _ if mark
            .chars()
            .all(|d| matches!(d, '*' | '†' | '‡' | '§' | '‖' | '¶')) =>
        {
            Some(NoteFigures::Symbols)
        }
        _ => None,
    }
}

/// A mark printed in a numbering of its own and kept as printed by both writers: the letter
/// of a table's or minipage's note (表注 `a`, `b` …), numbered apart from the book's notes.
pub fn own_mark(mark: &str) -> Option<&str> {
    let mut chars = mark.chars();
    let c = chars.next()?;
    (c.is_ascii_lowercase() && chars.next().is_none()).then_some(mark)
}

/// The numbering most of the book's notes were printed in; `None` for a book without notes
/// (or with marks of no known figure only, such as `A`).
pub fn note_numbering(notes: &[Note]) -> Option<NoteNumbering> {
    let mut counts = [0usize; 3];
    for n in notes {
        match figures_of(&n.mark) {
            Some(NoteFigures::Circled) => counts[0] += 1,
            Some(NoteFigures::Arabic) => counts[1] += 1,
            Some(NoteFigures::Symbols) => counts[2] += 1,
            None => {}
        }
    }
    let most = *counts.iter().max()?;
    if most == 0 {
        return None;
    }
    let figures = if counts[0] == most {
        NoteFigures::Circled
    } else if counts[1] == most {
        NoteFigures::Arabic
    } else {
        NoteFigures::Symbols
    };
    let restart = match figures {
        NoteFigures::Arabic => NoteRestart::Chapter,
        NoteFigures::Circled | NoteFigures::Symbols => NoteRestart::Page,
    };
    Some(NoteNumbering { figures, restart })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{NoteId, NotePlacement};

    fn notes(marks: &[&str]) -> Vec<Note> {
        marks
            .iter()
            .enumerate()
            .map(|(i, m)| Note {
                id: NoteId::new(i),
                mark: m.to_string(),
                content: Vec::new(),
                placement: NotePlacement::Footnote,
                line: i + 1,
            })
            .collect()
    }

    #[test]
    fn the_book_s_own_figures() {
        use NoteFigures::*;
        use NoteRestart::*;
        let n = |figures, restart| Some(NoteNumbering { figures, restart });
        let cases: &[(&[&str], Option<NoteNumbering>)] = &[
            (&["①", "②", "①"], n(Circled, Page)),
            (&["ヾ", "ゝ"], n(Circled, Page)),
            (&["13", "14", "1"], n(Arabic, Chapter)),
            (&["*", "†", "*"], n(Symbols, Page)),
            (&["1", "①", "②"], n(Circled, Page)),
            (&["A", "B"], None),
            (&[], None),
            (&["1", "a", "2"], n(Arabic, Chapter)),
        ];
        for (marks, want) in cases {
            assert_eq!(&note_numbering(&notes(marks)), want, "{marks:?}");
        }
        let own: Vec<Option<&str>> = ["a", "b", "1", "A", "ab", "①", ""]
            .into_iter()
            .map(own_mark)
            .collect();
        assert_eq!(own, [Some("a"), Some("b"), None, None, None, None, None]);
    }
}
