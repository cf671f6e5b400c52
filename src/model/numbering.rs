//! 注码体例 (note numbering): how a book numbers its notes, read from the marks it printed, so
//! that both writers number them as the book does.

use std::collections::{HashMap, HashSet};

use super::{Book, Division, DivisionKind, Note, NoteId};

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

/// The number of a mark printed in arabic figures (`4`, `17`); `None` for any other mark.
pub fn arabic_mark(mark: &str) -> Option<u32> {
    let digits = !mark.is_empty() && mark.bytes().all(|b| b.is_ascii_digit());
    digits.then(|| mark.parse().ok()).flatten()
}

/// 按原书编号 (the book's own numbers): in a book that numbers its notes in arabic figures, for
/// each chapter whose notes — in the order the text calls them, a table's letters aside — carry
/// marks that rise (`1 2 4`, or `15 16 17` numbered through the book), each note's printed
/// number, so both writers print the number the book printed even where a note went unread.
/// A chapter whose marks do not rise (per-page restarts, a stray mark) is numbered by the writers.
pub fn printed_note_numbers(book: &Book) -> HashMap<NoteId, u32> {
    let mut out = HashMap::new();
    if note_numbering(&book.notes).map(|n| n.figures) != Some(NoteFigures::Arabic) {
        return out;
    }
    // the runs a count restarts on: each chapter, a part's chapters each on their own
    let mut runs: Vec<Vec<NoteId>> = Vec::new();
    for d in book.divisions() {
        if d.kind == DivisionKind::Part {
            runs.push(d.own_note_refs());
            runs.extend(d.children.iter().map(Division::note_refs_deep));
        } else {
            runs.push(d.note_refs_deep());
        }
    }
    for refs in runs {
        let mut seen = HashSet::new();
        let numbers: Option<Vec<(NoteId, u32)>> = refs
            .into_iter()
            .filter(|id| seen.insert(*id))
            .filter_map(|id| book.notes.get(id.index()).map(|n| (id, n)))
            .filter(|(_, n)| own_mark(&n.mark).is_none())
            .map(|(id, n)| arabic_mark(&n.mark).map(|k| (id, k)))
            .collect();
        if let Some(numbers) = numbers.filter(|v| v.windows(2).all(|w| w[0].1 < w[1].1)) {
            out.extend(numbers);
        }
    }
    out
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

    #[test]
    fn printed_numbers_kept_where_each_chapter_s_marks_rise() {
        use crate::model::{Block, Inline, Para};
        let chapter = |id: &str, calls: &[usize]| {
            let mut d = Division::new(DivisionKind::Chapter, id, 1);
            d.blocks.push(Block::Para(Para {
                content: calls
                    .iter()
                    .map(|&i| Inline::NoteRef(NoteId::new(i)))
                    .collect(),
                line: 1,
            }));
            d
        };
        // chapter 1 printed 1, 2, a table's a and 4 (the reader missed 3); chapter 2 restarts
        // on each page (1, 1); chapter 3 numbers through the book (17, 18)
        let mut book = Book {
            notes: notes(&["1", "2", "a", "4", "1", "1", "17", "18"]),
            body: vec![
                chapter("c1", &[0, 1, 2, 3, 1]),
                chapter("c2", &[4, 5]),
                chapter("c3", &[6, 7]),
            ],
            ..Book::default()
        };
        let got = printed_note_numbers(&book);
        let mut got: Vec<(usize, u32)> = got.into_iter().map(|(id, k)| (id.index(), k)).collect();
        got.sort();
        assert_eq!(got, [(0, 1), (1, 2), (3, 4), (6, 17), (7, 18)]);
        book.notes = notes(&["①", "②", "a", "③", "①", "②", "①", "②"]);
        assert!(
            printed_note_numbers(&book).is_empty(),
            "circled marks restart per page"
        );
    }
}
