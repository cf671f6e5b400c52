//! The seed manuscript and the example, read and written as EPUB: the shared acceptance tool
//! (`../shared/tools/check-epub.py`) must find every expectation holding, and EPUBCheck and Ace
//! must pass. A missing seed or tool fails (the validator tests are ignored without
//! `--include-ignored`).

use std::path::{Path, PathBuf};

use crate::support::tools::{python3, shared};
use crate::support::validators::validate;
use paiban::reader::{self, ReadOptions};
use paiban::source::Source;
use paiban::writer::epub::{EpubOptions, write_epub};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Reads a manuscript and writes its EPUB under the target tmp dir.
fn build(manuscript: &Path) -> PathBuf {
    let bytes =
        std::fs::read(manuscript).unwrap_or_else(|e| panic!("{}: {e}", manuscript.display()));
    let decoded = reader::decode(&bytes, None).unwrap();
    let source = Source::new(manuscript.display().to_string(), decoded.text);
    let reading = reader::read(&source, &ReadOptions::default());
    // The golden case `example-shuyuan` writes the example with the same options, so its EPUB
    // is the same bytes and is validated once for both (`support::validators`).
    let opts = EpubOptions {
        modified_unix: 1_600_000_000,
        ..EpubOptions::default()
    };
    let epub = write_epub(&reading.book, &opts).unwrap();
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("epub-seed");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir
        .join(manuscript.file_stem().unwrap())
        .with_extension("epub");
    // two tests build the same book at once: each writes its own file and renames it, so
    // neither reads the other's half-written bytes
    let tmp = tempfile::NamedTempFile::new_in(&dir).unwrap();
    std::fs::write(tmp.path(), &epub.bytes).unwrap();
    tmp.persist(&path).unwrap();
    path
}

/// Runs check-epub.py: every expectation must hold.
fn check_expectations(epub: &Path, expect: &Path) {
    let out = python3(&shared("tools/check-epub.py"), &[epub, expect]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    eprintln!("{}: {}", epub.display(), stdout.trim());
    assert!(out.status.success(), "{stdout}");
    assert!(stdout.trim_end().ends_with("checks hold"), "{stdout}");
}

fn seed() -> PathBuf {
    shared("seed/000_31f2030a350ea770.txt")
}

#[test]
fn seed_epub_meets_its_expectations() {
    let epub = build(&seed());
    check_expectations(&epub, &seed().with_extension("expect.json"));
}

#[test]
#[ignore = "needs epubcheck and ace"]
fn seed_epub_validates() {
    validate(&build(&seed()));
}

#[test]
fn example_epub_meets_its_expectations() {
    let epub = build(&root().join("examples/shuyuan.txt"));
    check_expectations(&epub, &root().join("examples/shuyuan.expect.json"));
}

#[test]
#[ignore = "needs epubcheck and ace"]
fn example_epub_validates() {
    validate(&build(&root().join("examples/shuyuan.txt")));
}
