//! `paiban check` and `paiban build --check`: the validators' summary and exit status.

use assert_cmd::Command;

use crate::support::tools::validators_home;
use crate::support::validators::require_epubcheck;

fn paiban() -> Command {
    let mut c = Command::cargo_bin("paiban").unwrap();
    c.env("VALIDATORS_HOME", validators_home());
    c
}

#[test]
#[ignore = "needs epubcheck"]
fn build_check_validates_the_example_cleanly() {
    require_epubcheck();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = tempfile::tempdir().unwrap();
    let assert = paiban()
        .arg("build")
        .arg(root.join("examples/shuyuan.txt"))
        .arg("-o")
        .arg(out.path())
        .args(["--format", "epub", "--check"])
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&assert.get_output().stdout).into_owned();
    assert!(stdout.contains("fatals=0 errors=0 warnings=0"), "{stdout}");
    assert!(stdout.contains("critical=0 serious=0"), "{stdout}");
}

#[test]
#[ignore = "needs epubcheck"]
fn check_fails_on_a_broken_epub_and_prints_each_message() {
    require_epubcheck();
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.epub");
    std::fs::write(&bad, "this is not a zip").unwrap();
    let assert = paiban().arg("check").arg(&bad).assert().code(1);
    let stdout = String::from_utf8_lossy(&assert.get_output().stdout).into_owned();
    assert!(
        stdout.contains("fatals=1") || stdout.contains("errors=1"),
        "{stdout}"
    );
    assert!(stdout.contains("PKG-"), "{stdout}");
}
