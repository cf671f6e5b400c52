//! Every golden reader case (tests/golden/<case>/ with an input) also builds an EPUB that
//! EPUBCheck (with -u) and Ace pass without any finding: the conventions of issue 7 are measured
//! through the EPUB. A missing validator skips with a message, and fails when CI=true.

mod support;

use std::path::{Path, PathBuf};

use paiban::reader::{self, ReadOptions};
use paiban::source::Source;
use paiban::writer::epub::{EpubOptions, write_epub};
use support::validators::validate;

/// Each case's input manuscript (`input.txt`, or the project file named in `input.path`).
fn inputs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out: Vec<PathBuf> = std::fs::read_dir(root.join("tests/golden"))
        .unwrap()
        .filter_map(|e| {
            let dir = e.unwrap().path();
            if dir.join("input.txt").is_file() {
                Some(dir.join("input.txt"))
            } else {
                let named = std::fs::read_to_string(dir.join("input.path")).ok()?;
                Some(root.join(named.trim()))
            }
        })
        .collect();
    out.sort();
    out
}

#[test]
fn every_golden_case_builds_a_valid_epub() {
    let cases = inputs();
    assert!(cases.len() >= 8, "golden cases: {cases:?}");
    let dir = tempfile::tempdir().unwrap();
    for input in cases {
        let case = input
            .parent()
            .unwrap()
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let bytes = std::fs::read(&input).unwrap();
        let text = reader::decode(&bytes, None).unwrap().text;
        let reading = reader::read(
            &Source::new(input.display().to_string(), text),
            &ReadOptions::default(),
        );
        let opts = EpubOptions {
            modified_unix: 1_600_000_000,
            ..EpubOptions::default()
        };
        let epub = write_epub(&reading.book, &opts).unwrap_or_else(|e| panic!("{case}: {e}"));
        let path = dir.path().join(format!("{case}.epub"));
        std::fs::write(&path, &epub.bytes).unwrap();
        validate(&path);
    }
}
