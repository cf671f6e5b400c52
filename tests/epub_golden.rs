//! Golden files: the fixture book's OPF, NCX and XHTML documents must match
//! tests/golden/epub-fixture/expected/ byte for byte. Regenerate with PAIBAN_BLESS=1.

mod support;

use std::path::{Path, PathBuf};

use paiban::writer::epub::{EpubOptions, render};

fn expected_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/epub-fixture/expected")
}

#[test]
fn fixture_matches_golden_files() {
    let r = render(
        &support::fixture_book(),
        &EpubOptions {
            modified_unix: 1_315_000_000,
            ..EpubOptions::default()
        },
    )
    .unwrap();
    let dir = expected_dir();
    let bless = std::env::var_os("PAIBAN_BLESS").is_some();
    let files: Vec<_> = r
        .files
        .iter()
        .filter(|(p, _)| p.ends_with(".xhtml") || p.ends_with(".opf") || p.ends_with(".ncx"))
        .collect();
    assert!(files.len() >= 13);
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
        "{} (run with PAIBAN_BLESS=1 to accept)",
        mismatched.join("; ")
    );
}
