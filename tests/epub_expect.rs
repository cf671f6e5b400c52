//! Reads the fixture EPUB back with the shared acceptance tool (`../shared/tools/check-epub.py`)
//! against tests/golden/epub-fixture/fixture.expect.json. Skips when the tool or python3 is
//! absent, unless CI=true.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use paiban::writer::epub::{EpubOptions, write_epub};

#[test]
fn fixture_epub_meets_its_expectations() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tool = root.join("../shared/tools/check-epub.py");
    if !tool.is_file() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "{} is missing (CI=true)",
            tool.display()
        );
        eprintln!("skipping: {} not found", tool.display());
        return;
    }
    let epub = write_epub(&support::fixture_book(), &EpubOptions::default()).unwrap();
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("epub-expect");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("fixture.epub");
    std::fs::write(&path, &epub.bytes).unwrap();
    let expect = root.join("tests/golden/epub-fixture/fixture.expect.json");
    let out = match Command::new("python3")
        .arg(&tool)
        .arg(&path)
        .arg(&expect)
        .output()
    {
        Ok(out) => out,
        Err(e) => {
            assert!(std::env::var("CI").as_deref() != Ok("true"), "python3: {e}");
            eprintln!("skipping: cannot run python3: {e}");
            return;
        }
    };
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert_eq!(stdout.trim(), "28/28 checks hold", "{stdout}");
}
