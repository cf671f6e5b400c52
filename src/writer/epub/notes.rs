//! 注释编号 (note numbering): which file each note lives in, its per-file number, mark and ids.

use std::collections::HashMap;

use super::documents::{Doc, DocKind, inline_children};
use super::kinds;
use crate::diag::{Code, Diagnostic};
use crate::model::{
    Book, Division, NoteFigures, NoteId, arabic_mark, note_numbering, note_refs, own_mark,
    printed_note_numbers,
};

/// How note marks are numbered inside each file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteStyle {
    /// 圈码: ①…⑳㉑…㊿, then `[51]` (the default for Chinese).
    Circled,
    /// 1, 2, 3 … (the default for other languages).
    Decimal,
    /// `*`, `†`, `‡`, `§`, `‖`, `¶`, then doubled (`**`, `††` …): a book that marks its notes
    /// with symbols.
    Symbols,
}

impl NoteStyle {
    /// The default style for a book language: circled for Chinese, decimal otherwise.
    pub fn for_language(lang: &str) -> Self {
        if kinds::is_chinese(lang) {
            NoteStyle::Circled
        } else {
            NoteStyle::Decimal
        }
    }

    /// The book's own numbering (圈码, arabic or symbols, read from the marks it printed), else
    /// the default for its language.
    pub fn for_book(book: &Book, lang: &str) -> Self {
        match note_numbering(&book.notes).map(|n| n.figures) {
            Some(NoteFigures::Circled) => NoteStyle::Circled,
            Some(NoteFigures::Arabic) => NoteStyle::Decimal,
            Some(NoteFigures::Symbols) => NoteStyle::Symbols,
            None => NoteStyle::for_language(lang),
        }
    }

    /// The mark of the `n`th note (1-based) of a file.
    pub fn mark(self, n: usize) -> String {
        match self {
            NoteStyle::Decimal => n.to_string(),
            NoteStyle::Symbols => {
                const SYMBOLS: [char; 6] = ['*', '†', '‡', '§', '‖', '¶'];
                let n = n.max(1) - 1;
                SYMBOLS[n % SYMBOLS.len()]
                    .to_string()
                    .repeat(n / SYMBOLS.len() + 1)
            }
            NoteStyle::Circled => {
                let c = match n {
                    1..=20 => char::from_u32(0x2460 + n as u32 - 1),
                    21..=35 => char::from_u32(0x3251 + n as u32 - 21),
                    36..=50 => char::from_u32(0x32B1 + n as u32 - 36),
                    _ => None,
                };
                c.map_or_else(|| format!("[{n}]"), String::from)
            }
        }
    }
}

/// Where one note is rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteTarget {
    /// Index of the document (in the plan) whose end holds the note.
    pub doc: usize,
    /// The note's mark in that file (`①`, `3`).
    pub mark: String,
    /// The `<aside>`'s id.
    pub id: String,
    /// The id of the first reference to it (the backlink's target), if it is referenced.
    pub first_ref: Option<String>,
}

/// Every note's place, and each file's notes in order.
#[derive(Debug, Clone, Default)]
pub struct NotePlan {
    /// Indexed by [`NoteId`]: where the note goes.
    pub targets: Vec<Option<NoteTarget>>,
    /// For each document, the notes at its end in mark order.
    pub per_doc: Vec<Vec<NoteId>>,
}

impl NotePlan {
    /// The target of a note, if the note exists.
    pub fn target(&self, id: NoteId) -> Option<&NoteTarget> {
        self.targets.get(id.index()).and_then(Option::as_ref)
    }
}

/// Numbers notes per file in order of first reference (or as the book printed them, where its
/// chapters' numbers rise); a note nobody references goes to the
/// file whose division starts last before the note's line, with a warning.
pub fn plan_notes(
    book: &Book,
    docs: &[Doc<'_>],
    style: NoteStyle,
    diags: &mut Vec<Diagnostic>,
) -> NotePlan {
    let mut plan = NotePlan {
        targets: vec![None; book.notes.len()],
        per_doc: vec![Vec::new(); docs.len()],
    };
    // notes with marks of their own (a table's `a`) so far in each file, outside its count
    let mut own = vec![0; docs.len()];
    // the numbers the book printed, where a chapter's rise (see [`printed_note_numbers`])
    let printed = printed_note_numbers(book);
    for (i, doc) in docs.iter().enumerate() {
        let mut refs = Vec::new();
        if let DocKind::Division(d) = doc.kind {
            collect_division(d, true, &mut refs);
        }
        for id in refs {
            if id.index() >= book.notes.len() {
                diags.push(Diagnostic::new(
                    Code::NoteMissing,
                    doc.line,
                    format!(
                        "a note reference points to note {}, which does not exist",
                        id.index()
                    ),
                ));
                continue;
            }
            if plan.targets[id.index()].is_some() {
                continue;
            }
            plan.per_doc[i].push(id);
            let n = plan.per_doc[i].len();
            let mark = match printed.get(&id) {
                Some(k) => k.to_string(),
                None => mark_of(book, id, style, &mut own[i], n),
            };
            plan.targets[id.index()] = Some(NoteTarget {
                doc: i,
                mark,
                id: format!("{}-note-{n}", doc.id),
                first_ref: Some(format!("{}-noteref-{n}", doc.id)),
            });
        }
    }
    // The model decides where a note no division references lives; its division's file holds it.
    let homes: HashMap<NoteId, String> = book
        .note_homes()
        .into_iter()
        .flat_map(|(div, ids)| ids.into_iter().map(move |id| (id, div.clone())))
        .collect();
    for note in &book.notes {
        if note.id.index() >= plan.targets.len() || plan.targets[note.id.index()].is_some() {
            continue;
        }
        let by_model = homes.get(&note.id).and_then(|div| {
            docs.iter()
                .position(|d| matches!(d.kind, DocKind::Division(x) if &x.id == div))
        });
        let home = by_model.or_else(|| {
            docs.iter()
                .enumerate()
                .filter(|(_, d)| matches!(d.kind, DocKind::Division(_)) && d.line <= note.line)
                .map(|(i, _)| i)
                .next_back()
                .or_else(|| {
                    docs.iter()
                        .position(|d| matches!(d.kind, DocKind::Division(_)))
                })
        });
        let Some(i) = home else { continue };
        // never referenced: the reader reported it (`reader::report_unreferenced_notes`)
        plan.per_doc[i].push(note.id);
        let n = plan.per_doc[i].len();
        let printed_digits = !printed.is_empty() && arabic_mark(&note.mark).is_some();
        let mark = if note.is_transcribers() || printed_digits {
            // labelled, not numbered (a transcriber's note), or where the book's own numbers
            // are kept, the number it printed: outside the file's count
            own[i] += 1;
            note.mark.clone()
        } else {
            mark_of(book, note.id, style, &mut own[i], n)
        };
        plan.targets[note.id.index()] = Some(NoteTarget {
            doc: i,
            mark,
            id: format!("{}-note-{n}", docs[i].id),
            first_ref: None,
        });
    }
    plan
}

/// The mark of the `n`th note of a file, `own` of them so far kept as printed (see
/// [`own_mark`]): the note's own mark, or the file's count of the others in `style`.
fn mark_of(book: &Book, id: NoteId, style: NoteStyle, own: &mut usize, n: usize) -> String {
    match own_mark(&book.notes[id.index()].mark) {
        Some(m) => {
            *own += 1;
            m.to_string()
        }
        None => style.mark(n - *own),
    }
}

/// Collects note references in the order the renderer writes them.
fn collect_division(d: &Division, top: bool, out: &mut Vec<NoteId>) {
    // The kicker is printed above the title, so its references come first.
    if let Some(k) = &d.kicker {
        note_refs(k, out);
    }
    note_refs(&d.title, out);
    for b in &d.blocks {
        b.note_refs(out);
    }
    let children = if top { inline_children(d) } else { &d.children };
    for c in children {
        collect_division(c, false, out);
    }
}

/// Per-file counter giving each reference to a note its own id (`…-noteref-1`, `…-noteref-1-2`).
#[derive(Debug, Default)]
pub struct RefIds(HashMap<NoteId, usize>);

impl RefIds {
    /// The id for the next reference to `id`, given the first reference's id.
    pub fn next(&mut self, id: NoteId, first: &str) -> String {
        let n = self.0.entry(id).or_insert(0);
        *n += 1;
        if *n == 1 {
            first.to_string()
        } else {
            format!("{first}-{n}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn circled_then_bracketed() {
        for (n, want) in [
            (1, "①"),
            (20, "⑳"),
            (21, "㉑"),
            (35, "㉟"),
            (36, "㊱"),
            (50, "㊿"),
            (51, "[51]"),
        ] {
            assert_eq!(NoteStyle::Circled.mark(n), want, "{n}");
        }
        assert_eq!(NoteStyle::Decimal.mark(51), "51");
    }

    #[test]
    fn style_by_language() {
        assert_eq!(NoteStyle::for_language("zh-CN"), NoteStyle::Circled);
        assert_eq!(NoteStyle::for_language("en-GB"), NoteStyle::Decimal);
    }

    #[test]
    fn symbols_then_doubled() {
        let got: Vec<String> = [1, 2, 6, 7, 8]
            .iter()
            .map(|&n| NoteStyle::Symbols.mark(n))
            .collect();
        assert_eq!(got, ["*", "†", "¶", "**", "††"]);
    }

    #[test]
    fn style_by_the_book_s_marks() {
        let mut book = Book::default();
        assert_eq!(NoteStyle::for_book(&book, "zh-CN"), NoteStyle::Circled);
        book.notes.push(crate::model::Note {
            id: NoteId::new(0),
            mark: "13".into(),
            content: Vec::new(),
            placement: crate::model::NotePlacement::Footnote,
            line: 1,
        });
        assert_eq!(NoteStyle::for_book(&book, "zh-CN"), NoteStyle::Decimal);
        book.notes[0].mark = "†".into();
        assert_eq!(NoteStyle::for_book(&book, "en"), NoteStyle::Symbols);
    }

    #[test]
    fn repeated_refs_get_distinct_ids() {
        let mut r = RefIds::default();
        assert_eq!(r.next(NoteId::new(3), "c-noteref-1"), "c-noteref-1");
        assert_eq!(r.next(NoteId::new(3), "c-noteref-1"), "c-noteref-1-2");
        assert_eq!(r.next(NoteId::new(4), "c-noteref-2"), "c-noteref-2");
    }
}
