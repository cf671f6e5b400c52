//! The correction loop: a book converted to Markdown builds the same EPUB as its manuscript, and
//! editing one heading or one note in the Markdown changes exactly that text in the EPUB.

use std::path::Path;

use paiban::model::Book;
use paiban::reader::markdown::read_markdown;
use paiban::reader::{ReadOptions, decode, read};
use paiban::source::Source;
use paiban::writer::Output as Rendered;
use paiban::writer::epub::{EpubOptions, render};
use paiban::writer::markdown::{MarkdownOptions, write_markdown};

fn example() -> Book {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/shuyuan.txt");
    let text = decode(&std::fs::read(path).unwrap(), None).unwrap().text;
    read(&Source::new("shuyuan.txt", text), &ReadOptions::default()).book
}

fn from_markdown(md: &str) -> Book {
    let r = read_markdown(&Source::new("book.md", md.to_string()));
    let bad: Vec<String> = r.diagnostics.iter().map(|d| d.to_string()).collect();
    assert!(bad.is_empty(), "{bad:?}");
    r.book
}

fn epub(book: &Book) -> Rendered {
    let opts = EpubOptions {
        modified_unix: 1_500_000_000,
        ..EpubOptions::default()
    };
    render(book, &opts).unwrap()
}

/// The files that differ between two renderings, as (path, before, after) text.
fn changed(a: &Rendered, b: &Rendered) -> Vec<(String, String, String)> {
    assert_eq!(
        a.files.iter().map(|f| &f.0).collect::<Vec<_>>(),
        b.files.iter().map(|f| &f.0).collect::<Vec<_>>(),
        "the same files"
    );
    a.files
        .iter()
        .zip(&b.files)
        .filter(|(x, y)| x.1 != y.1)
        .map(|(x, y)| {
            (
                x.0.clone(),
                String::from_utf8_lossy(&x.1).into_owned(),
                String::from_utf8_lossy(&y.1).into_owned(),
            )
        })
        .collect()
}

#[test]
fn the_markdown_builds_the_manuscripts_epub() {
    let book = example();
    let md = write_markdown(&book, &MarkdownOptions::default())
        .text(paiban::writer::markdown::FILE)
        .unwrap()
        .to_string();
    let again = from_markdown(&md);
    assert!(changed(&epub(&book), &epub(&again)).is_empty());
}

#[test]
fn editing_one_heading_changes_exactly_that_heading() {
    let book = example();
    let md = write_markdown(&book, &MarkdownOptions::default())
        .text(paiban::writer::markdown::FILE)
        .unwrap()
        .to_string();
    let line = md
        .lines()
        .find(|l| l.starts_with("# [第一章]{.label} "))
        .expect("the first chapter's heading")
        .to_string();
    let old_title = book.body[0].title_text();
    let edited_line = line.replacen(&old_title, "改写的标题", 1);
    assert_ne!(line, edited_line);
    let edited = md.replacen(&line, &edited_line, 1);
    let (a, b) = (epub(&book), epub(&from_markdown(&edited)));
    let diffs = changed(&a, &b);
    assert!(!diffs.is_empty());
    for (path, before, after) in &diffs {
        // Put the old title back: the file is then what it was.
        assert_eq!(
            &after.replace("改写的标题", &old_title),
            before,
            "{path} changed beyond the title"
        );
        assert!(after.contains("改写的标题"), "{path}");
    }
    // The chapter's page and the navigation documents, nothing else.
    let paths: Vec<&str> = diffs.iter().map(|d| d.0.as_str()).collect();
    assert!(paths.iter().any(|p| p.contains("nav")), "{paths:?}");
    assert!(paths.len() <= 4, "{paths:?}");
}

#[test]
fn editing_one_note_changes_exactly_that_note() {
    let book = example();
    let md = write_markdown(&book, &MarkdownOptions::default())
        .text(paiban::writer::markdown::FILE)
        .unwrap()
        .to_string();
    let note = &book.notes[0];
    let old = note.text();
    let line = md
        .lines()
        .find(|l| l.starts_with("[^1]: "))
        .expect("the first note")
        .to_string();
    let cut: String = old.chars().take(6).collect();
    assert!(line.contains(&cut), "{line}");
    let edited = md.replacen(&line, &line.replacen(&cut, "改过的注文", 1), 1);
    let (a, b) = (epub(&book), epub(&from_markdown(&edited)));
    let diffs = changed(&a, &b);
    assert_eq!(
        diffs.len(),
        1,
        "{:?}",
        diffs.iter().map(|d| &d.0).collect::<Vec<_>>()
    );
    let (path, before, after) = &diffs[0];
    assert_eq!(&after.replacen("改过的注文", &cut, 1), before, "{path}");
}
