//! 表注字母 (a table's or minipage's letter notes): a note printed with a letter of its own
//! (`支持 a 。` over `a 将来…`) keeps its letter in the EPUB and in Typst, and the book's
//! numbered notes around it keep their count.

use paiban::reader::{self, ReadOptions};
use paiban::source::Source;
use paiban::writer::epub::{EpubOptions, render};
use paiban::writer::typst::{TypstOptions, write_typst};

/// A paged manuscript: a minipage with its letter note, then a page-foot note.
const MANUSCRIPT: &str = "河山记\n\n第一章 河\n\u{c}警告\n请用某引擎编译本书，其他引擎不受支持 a 。\n    a\n        将来的引擎也许会考虑。\n下文接着写，提到项目1 。\n1 注一。\n\u{c}下页的正文。\n";

#[test]
fn a_letter_note_keeps_its_letter_in_both_writers() {
    let r = reader::read(
        &Source::new("t.txt", MANUSCRIPT.to_string()),
        &ReadOptions::default(),
    );
    let marks: Vec<&str> = r.book.notes.iter().map(|n| n.mark.as_str()).collect();
    assert_eq!(marks, ["a", "1"]);
    let epub = render(&r.book, &EpubOptions::default()).unwrap();
    let xhtml: String = epub
        .files
        .iter()
        .filter(|f| f.0.ends_with(".xhtml"))
        .map(|f| String::from_utf8_lossy(&f.1).into_owned())
        .collect();
    let refs: Vec<&str> = xhtml
        .split("epub:type=\"noteref\"")
        .skip(1)
        .filter_map(|s| s.split_once('>').and_then(|(_, t)| t.split_once('<')))
        .map(|(t, _)| t)
        .collect();
    assert_eq!(refs, ["a", "1"], "{xhtml}");
    let project = write_typst(
        &r.book,
        &TypstOptions {
            template: None,
            bleed_mm: 0.0,
            fonts: Vec::new(),
        },
    );
    let main = project
        .files
        .iter()
        .find(|(n, _)| n == "main.typ")
        .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
        .unwrap();
    assert!(
        main.contains(
            "#footnote(numbering: _ => \"a\")[将来的引擎也许会考虑。]#counter(footnote).update(n => n - 1)"
        ),
        "{main}"
    );
    assert!(main.contains("#footnote[注一。]"), "{main}");
}
