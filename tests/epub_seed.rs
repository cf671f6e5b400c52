//! The seed manuscript and the example, read and written as EPUB: the shared acceptance tool
//! (`../shared/tools/check-epub.py`) must find every expectation holding, and EPUBCheck and Ace
//! must pass. A missing seed or tool skips with a message, and fails when CI=true.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use paiban::reader::{self, ReadOptions};
use paiban::source::Source;
use paiban::writer::epub::{EpubOptions, write_epub};
use support::validators::{skip_or_fail, validate};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Reads a manuscript and writes its EPUB under the target tmp dir; `None` if it is missing.
fn build(manuscript: &Path) -> Option<PathBuf> {
    let Ok(bytes) = std::fs::read(manuscript) else {
        skip_or_fail(&format!("{} not found", manuscript.display()));
        return None;
    };
    let decoded = reader::decode(&bytes, None).unwrap();
    let source = Source::new(manuscript.display().to_string(), decoded.text);
    let reading = reader::read(&source, &ReadOptions::default());
    let opts = EpubOptions {
        modified_unix: 1_209_600_000,
        ..EpubOptions::default()
    };
    let epub = write_epub(&reading.book, &opts).unwrap();
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("epub-seed");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir
        .join(manuscript.file_stem().unwrap())
        .with_extension("epub");
    std::fs::write(&path, &epub.bytes).unwrap();
    Some(path)
}

/// Runs check-epub.py; returns its last line ("N/M checks hold") when it ran.
fn check_expectations(epub: &Path, expect: &Path) {
    let tool = root().join("../shared/tools/check-epub.py");
    if !tool.is_file() {
        return skip_or_fail(&format!("{} not found", tool.display()));
    }
    let out = match Command::new("python3")
        .arg(&tool)
        .arg(epub)
        .arg(expect)
        .output()
    {
        Ok(out) => out,
        Err(e) => return skip_or_fail(&format!("cannot run python3: {e}")),
    };
    let stdout = String::from_utf8_lossy(&out.stdout);
    eprintln!("{}: {}", epub.display(), stdout.trim());
    assert!(out.status.success(), "{stdout}");
    assert!(stdout.trim_end().ends_with("checks hold"), "{stdout}");
}

#[test]
fn seed_epub_meets_its_expectations_and_validates() {
    let seed = root().join("../shared/seed/000_31f2030a350ea770.txt");
    let Some(epub) = build(&seed) else { return };
    check_expectations(&epub, &seed.with_extension("expect.json"));
    validate(&epub);
}

#[test]
fn example_epub_meets_its_expectations_and_validates() {
    let example = root().join("examples/shuyuan.txt");
    let epub = build(&example).expect("the example is in the repository");
    check_expectations(&epub, &root().join("examples/shuyuan.expect.json"));
    validate(&epub);
}
