//! Properties of the reader over generated manuscripts: it never panics, every note reference
//! points to a note, no note is referenced twice, and no note text reaches a body paragraph.

use paiban::model::{Block, Book, Division, Inline};
use paiban::reader::{ReadOptions, decode, read};
use paiban::source::Source;
use proptest::prelude::*;

/// Line shapes the reader distinguishes, with original filler text.
fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("\u{c}".to_string()),
        Just("序".to_string()),
        Just("目 录".to_string()),
        Just("第一章".to_string()),
        Just("第2章 山路".to_string()),
        Just("（一）小节".to_string()),
        Just("后记".to_string()),
        Just("2001年1月".to_string()),
        Just("某大学教授 王五".to_string()),
        Just("——一条消息。".to_string()),
        Just("一段没有写完的正".to_string()),
        Just("文在这里结束。".to_string()),
        Just("句中有注^①。".to_string()),
        Just("句中有注^②".to_string()),
        Just("^① 注释甲。".to_string()),
        Just("^② 注释乙，".to_string()),
        Just("第一章 河\t1".to_string()),
        "[a-z\u{4e00}-\u{4e20}^①，。]{0,12}",
    ]
}

fn refs(book: &Book) -> Vec<usize> {
    fn inl(c: &[Inline], out: &mut Vec<usize>) {
        out.extend(c.iter().filter_map(|i| match i {
            Inline::NoteRef(id) => Some(id.index()),
            _ => None,
        }));
    }
    fn walk(d: &Division, out: &mut Vec<usize>) {
        inl(&d.title, out);
        if let Some(k) = &d.kicker {
            inl(k, out);
        }
        for b in &d.blocks {
            if let Block::Para(p) | Block::Signature(p) | Block::Dateline(p) = b {
                inl(&p.content, out);
            }
        }
        d.children.iter().for_each(|c| walk(c, out));
    }
    let mut out = Vec::new();
    book.divisions().for_each(|d| walk(d, &mut out));
    out
}

/// Plain text of a division's paragraphs, recursively.
fn paras(d: &Division) -> Vec<String> {
    let mut out: Vec<String> = d
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Para(p) => Some(p.text()),
            _ => None,
        })
        .collect();
    d.children.iter().for_each(|c| out.extend(paras(c)));
    out
}

proptest! {
    #[test]
    fn reading_is_total_and_notes_are_consistent(lines in prop::collection::vec(line(), 0..40)) {
        let text = lines.join("\n");
        let r = read(&Source::new("p", text), &ReadOptions::default());
        let mut seen = refs(&r.book);
        for id in &seen {
            prop_assert!(*id < r.book.notes.len());
        }
        let n = seen.len();
        seen.sort();
        seen.dedup();
        prop_assert_eq!(seen.len(), n, "a note is referenced twice");
        for (i, note) in r.book.notes.iter().enumerate() {
            prop_assert_eq!(note.id.index(), i);
        }
        let leaked = r.book.divisions().flat_map(paras).any(|p| p.contains("注释"));
        prop_assert!(!leaked, "note text in a paragraph");
        let lines_sorted = r.diagnostics.windows(2).all(|w| w[0].span.line <= w[1].span.line);
        prop_assert!(lines_sorted);
    }

    #[test]
    fn decoded_text_is_normalised(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        if let Ok(d) = decode(&bytes, None) {
            prop_assert!(!d.text.contains('\r'));
            prop_assert!(!d.text.starts_with('\u{FEFF}'), "BOM kept");
            prop_assert!(!d.text.trim().is_empty());
        }
    }
}
