//! Reads the fixture EPUB back with the shared acceptance tool (`../shared/tools/check-epub.py`)
//! against tests/golden/epub-fixture/fixture.expect.json; a missing tool or python3 fails.

use crate::support;
use crate::support::tools::{python3, shared};

use std::path::{Path, PathBuf};

use paiban::writer::epub::{EpubOptions, write_epub};

#[test]
fn fixture_epub_meets_its_expectations() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tool = shared("tools/check-epub.py");
    let epub = write_epub(&support::fixture_book(), &EpubOptions::default()).unwrap();
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("epub-expect");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("fixture.epub");
    std::fs::write(&path, &epub.bytes).unwrap();
    let expect = root.join("tests/golden/epub-fixture/fixture.expect.json");
    let out = python3(&tool, &[&path, &expect]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert_eq!(stdout.trim(), "28/28 checks hold", "{stdout}");
}
