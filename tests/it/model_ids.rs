//! Unique ids, settled once: a Markdown book whose headings repeat their titles and ids (given
//! and generated) reads into a book whose every division id is unique (each renaming a P0305
//! warning on its line), and its EPUB has no repeated id in any document or in the manifest.

use std::collections::HashSet;
use std::path::PathBuf;

use paiban::diag::Code;
use paiban::model::Book;
use paiban::reader::markdown::read_markdown;
use paiban::source::Source;
use paiban::writer::epub::{EpubOptions, render, write_epub};

use crate::support::xmlcheck;

/// Original text: three chapters titled alike, ids given twice, a given id equal to the id the
/// reader generates for another chapter, and a section whose id is a chapter's.
const COLLIDING: &str = "---
title: 三个同名的章
language: zh-CN
---

# 同名 {#same}

甲章正文。[^a]

# 同名 {#same}

乙章正文。

## 小节 {#chapter-1}

小节正文。[^b]

# 同名

丙章正文。

# 同名 {#chapter-1}

丁章正文。

[^a]: 甲注。
[^b]: 乙注。
";

fn colliding() -> (Book, Vec<(usize, String)>) {
    let r = read_markdown(&Source::new("book.md", COLLIDING.to_string()));
    let renamed = r
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::DuplicateId)
        .map(|d| (d.span.line, d.message.clone()))
        .collect();
    (r.book, renamed)
}

fn all_ids(book: &Book) -> Vec<String> {
    let mut ids = Vec::new();
    book.each_division(&mut |d| ids.push(d.id.clone()));
    ids
}

#[test]
fn colliding_heading_ids_are_renamed_once_with_a_warning_each() {
    let (book, renamed) = colliding();
    assert_eq!(
        all_ids(&book),
        ["same", "same-2", "chapter-1", "chapter-3", "chapter-1-2"],
        "reading order; first come keeps its id"
    );
    assert_eq!(
        renamed,
        [
            (
                10,
                "the id #same is used twice; this division becomes #same-2".to_string()
            ),
            (
                22,
                "the id #chapter-1 is used twice; this division becomes #chapter-1-2".to_string()
            ),
        ]
    );
    assert_eq!(book.check(), Ok(()));
    // The settled book survives its own serde form, which checks the ids again.
    let json = serde_json::to_string(&book).unwrap();
    assert_eq!(serde_json::from_str::<Book>(&json).unwrap(), book);
}

#[test]
fn no_id_repeats_in_any_epub_document_or_the_manifest() {
    let (book, _) = colliding();
    let rendered = render(&book, &EpubOptions::default()).unwrap();
    let mut files = HashSet::new();
    for (path, bytes) in &rendered.files {
        assert!(files.insert(path.clone()), "file {path} written twice");
        if !(path.ends_with(".xhtml") || path.ends_with(".opf") || path.ends_with(".ncx")) {
            continue;
        }
        let parsed = xmlcheck::parse(bytes).unwrap_or_else(|e| panic!("{path}: {e}"));
        let mut seen = HashSet::new();
        for id in &parsed.ids {
            assert!(
                seen.insert(id.clone()),
                "{path}: id {id:?} twice in {:?}",
                parsed.ids
            );
        }
        // Every fragment link within the book points at an id of its document.
        for link in parsed.links.iter().filter(|l| !l.contains("://")) {
            let Some((file, frag)) = link.split_once('#') else {
                continue;
            };
            let dir = path.rsplit_once('/').map_or("", |(d, _)| d);
            let target = if file.is_empty() {
                path.clone()
            } else {
                format!("{dir}/{file}")
            };
            let (_, doc) = rendered
                .files
                .iter()
                .find(|(p, _)| *p == target)
                .unwrap_or_else(|| panic!("{path}: {link} names no file"));
            let ids = xmlcheck::parse(doc).unwrap().ids;
            assert!(ids.iter().any(|i| i == frag), "{path}: {link} names no id");
        }
    }
    // Five chapters (one holding a section) and two notes all reached the EPUB.
    let text: String = rendered
        .files
        .iter()
        .filter(|(p, _)| p.ends_with(".xhtml"))
        .map(|(_, b)| xmlcheck::parse(b).unwrap().text)
        .collect();
    for body in [
        "甲章正文",
        "乙章正文",
        "小节正文",
        "丙章正文",
        "丁章正文",
        "甲注",
        "乙注",
    ] {
        assert!(text.contains(body), "{body} missing");
    }
}

#[test]
#[ignore = "needs epubcheck and Ace"]
fn the_colliding_book_passes_epubcheck_and_ace() {
    let (book, _) = colliding();
    let epub = write_epub(&book, &EpubOptions::default()).unwrap();
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("model-ids");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("colliding-ids.epub");
    std::fs::write(&path, &epub.bytes).unwrap();
    crate::support::validators::validate(&path);
}
