//! Golden files: the OPF, NCX and XHTML documents of the hand-built fixture book and of the
//! example book (`examples/shuyuan.txt`, read by the real reader) must match
//! tests/golden/epub-{fixture,example}/expected/ byte for byte. Regenerate with PAIBAN_BLESS=1.

mod support;

use std::path::{Path, PathBuf};

use paiban::model::Book;
use paiban::reader::{self, ReadOptions};
use paiban::source::Source;
use paiban::writer::epub::{EpubOptions, render};

fn expected_dir(case: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/golden/{case}/expected"))
}

/// Renders `book` and compares (or, with PAIBAN_BLESS, writes) its documents under `case`.
fn check_golden(case: &str, book: &Book, modified_unix: i64) {
    let r = render(
        book,
        &EpubOptions {
            modified_unix,
            ..EpubOptions::default()
        },
    )
    .unwrap();
    let dir = expected_dir(case);
    let bless = std::env::var_os("PAIBAN_BLESS").is_some();
    let files: Vec<_> = r
        .files
        .iter()
        .filter(|(p, _)| p.ends_with(".xhtml") || p.ends_with(".opf") || p.ends_with(".ncx"))
        .collect();
    assert!(files.len() >= 10, "{case}: {} documents", files.len());
    let mut mismatched = Vec::new();
    for (path, bytes) in &files {
        let file = dir.join(path);
        if bless {
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
            std::fs::write(&file, bytes).unwrap();
            continue;
        }
        match std::fs::read(&file) {
            Ok(want) if &want == bytes => {}
            Ok(_) => mismatched.push(format!("{path} differs")),
            Err(e) => mismatched.push(format!("{path}: {e}")),
        }
    }
    // No stale expected files.
    let listed: Vec<String> = std::fs::read_dir(dir.join("EPUB"))
        .map(|rd| {
            rd.map(|e| format!("EPUB/{}", e.unwrap().file_name().to_string_lossy()))
                .collect()
        })
        .unwrap_or_default();
    for name in listed {
        if !files.iter().any(|(p, _)| *p == name) {
            mismatched.push(format!("{name} is no longer produced"));
        }
    }
    assert!(
        mismatched.is_empty(),
        "{case}: {} (run with PAIBAN_BLESS=1 to accept)",
        mismatched.join("; ")
    );
}

#[test]
fn fixture_matches_golden_files() {
    check_golden("epub-fixture", &support::fixture_book(), 1_315_000_000);
}

#[test]
fn example_matches_golden_files() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/shuyuan.txt");
    let text = reader::decode(&std::fs::read(&path).unwrap(), None)
        .unwrap()
        .text;
    let reading = reader::read(&Source::new("shuyuan.txt", text), &ReadOptions::default());
    check_golden("epub-example", &reading.book, 1_567_296_000);
}
