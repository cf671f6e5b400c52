//! manuscript → model → Markdown → model is the identity: on the seed, the example book, the
//! hand-built fixture book and every golden case (`golden::markdown::*`). Line numbers are left
//! out of the comparison (they are the Markdown file's lines after the round trip) and adjacent
//! text runs are joined (the same text either way).

use std::fs;
use std::path::Path;

use paiban::model::*;
use paiban::reader::markdown::read_markdown;
use paiban::reader::{ReadOptions, decode, read};
use paiban::source::Source;
use paiban::writer::markdown::{MarkdownOptions, write_markdown};

use crate::support::tools::shared;

fn read_txt(path: &Path) -> Book {
    let bytes = fs::read(path).unwrap();
    let text = decode(&bytes, None).unwrap().text;
    read(&Source::new("input.txt", text), &ReadOptions::default()).book
}

/// Joins adjacent text runs.
fn join(content: &mut Vec<Inline>) {
    let mut out: Vec<Inline> = Vec::new();
    for i in content.drain(..) {
        match (out.last_mut(), i) {
            (Some(Inline::Text(a)), Inline::Text(b)) => a.push_str(&b),
            (_, Inline::Text(b)) if b.is_empty() => {}
            (_, Inline::Emphasis(mut inner)) => {
                join(&mut inner);
                out.push(Inline::Emphasis(inner));
            }
            (_, Inline::Strong(mut inner)) => {
                join(&mut inner);
                out.push(Inline::Strong(inner));
            }
            (_, i) => out.push(i),
        }
    }
    *content = out;
}

fn norm_block(b: &mut Block) {
    match b {
        Block::Para(p)
        | Block::Signature(p)
        | Block::Dateline(p)
        | Block::Salutation(p)
        | Block::EndMark(p)
        | Block::Notice(p)
        | Block::LineBlock(p)
        | Block::Figure(p) => {
            p.line = 0;
            join(&mut p.content);
        }
        Block::SceneBreak(line) => *line = 0,
        Block::Preformatted(p) => p.line = 0,
        Block::Display(l) => {
            l.line = 0;
            join(&mut l.content);
        }
        Block::Quote(bs) => bs.iter_mut().for_each(norm_block),
        Block::List(l) => {
            l.line = 0;
            l.items.iter_mut().flatten().for_each(norm_block);
        }
        Block::Colophon(es) => es.iter_mut().for_each(|e| e.line = 0),
        Block::Contents(es) => es.iter_mut().for_each(|e| e.line = 0),
        Block::Cip(_) => {}
    }
}

fn norm_div(d: &mut Division) {
    d.line = 0;
    join(&mut d.title);
    if let Some(k) = &mut d.kicker {
        join(k);
    }
    d.blocks.iter_mut().for_each(norm_block);
    d.children.iter_mut().for_each(norm_div);
}

/// The book without line numbers, text runs joined.
fn normalised(mut b: Book) -> Book {
    for d in b.front.iter_mut().chain(&mut b.body).chain(&mut b.back) {
        norm_div(d);
    }
    for n in &mut b.notes {
        n.line = 0;
        join(&mut n.content);
    }
    b
}

/// Asserts that `book` → Markdown → model gives `book` back (lines aside), with no warning.
pub fn assert_book_round_trips(name: &str, book: Book) {
    let md = write_markdown(&book, &MarkdownOptions::default())
        .text(paiban::writer::markdown::FILE)
        .unwrap()
        .to_string();
    let reading = read_markdown(&Source::new("book.md", md));
    // A book without a title is reported by either reader, and a note no text calls (the
    // Markdown has its definition and no reference); nothing else may be.
    let untitled = book.meta.title.is_empty();
    let uncalled = book.unreferenced_notes().len();
    let reported = reading
        .diagnostics
        .iter()
        .filter(|d| d.code == paiban::diag::Code::NoteUnreferenced)
        .count();
    assert_eq!(reported, uncalled, "{name}: {:?}", reading.diagnostics);
    let warnings: Vec<String> = reading
        .diagnostics
        .iter()
        .filter(|d| d.severity >= paiban::diag::Severity::Warning)
        .filter(|d| !(untitled && d.code == paiban::diag::Code::MarkdownNoTitle))
        .filter(|d| d.code != paiban::diag::Code::NoteUnreferenced)
        .map(|d| d.to_string())
        .collect();
    let (want, got) = (normalised(book), normalised(reading.book));
    if want == got && warnings.is_empty() {
        return;
    }
    let (a, b) = if dump(&want) == dump(&got) {
        (format!("{want:#?}"), format!("{got:#?}"))
    } else {
        (dump(&want), dump(&got))
    };
    let first = a
        .lines()
        .zip(b.lines())
        .position(|(x, y)| x != y)
        .unwrap_or(a.lines().count().min(b.lines().count()));
    let around = |s: &str| -> String {
        s.lines()
            .skip(first.saturating_sub(2))
            .take(5)
            .collect::<Vec<_>>()
            .join("\n")
    };
    let note = "";
    panic!(
        "{name}: warnings {warnings:?}\n--- model\n{}\n--- after Markdown\n{}\n{note}",
        around(&a),
        around(&b)
    );
}

/// Asserts the round trip of a manuscript read by the text reader.
pub fn assert_round_trips(path: &Path) {
    assert_book_round_trips(&path.display().to_string(), read_txt(path));
}

#[test]
fn the_seed_round_trips() {
    assert_round_trips(&shared("seed/000_31f2030a350ea770.txt"));
}

#[test]
fn the_example_round_trips() {
    assert_round_trips(&Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/shuyuan.txt"));
}

#[test]
fn the_fixture_book_with_every_model_feature_round_trips() {
    assert_book_round_trips("fixture book", crate::support::fixture_book());
}
