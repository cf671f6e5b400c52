//! `paiban check`, `paiban build --check` and `--format pdf`: the validators' summary, where the
//! tools are looked for, and the exit status (1 findings, 2 not an EPUB, 3 a tool is missing).

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

/// `paiban` run in `cwd` with no tool anywhere: no VALIDATORS_HOME, an empty PATH, no jar.
fn paiban_without_tools(cwd: &std::path::Path) -> Command {
    let mut c = Command::cargo_bin("paiban").unwrap();
    c.current_dir(cwd)
        .env_remove("VALIDATORS_HOME")
        .env_remove("EPUBCHECK_JAR")
        .env("PATH", cwd.join("empty-path"));
    c
}

fn stderr(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&a.get_output().stderr).into_owned()
}

#[test]
fn check_on_a_file_that_is_not_an_epub_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let txt = dir.path().join("book.txt");
    std::fs::write(&txt, "正文。\n").unwrap();
    let a = paiban().arg("check").arg(&txt).assert().code(2);
    assert_eq!(
        stderr(&a),
        format!(
            "error: {} is not an EPUB: `paiban check` validates a built .epub file (build one \
             with `paiban build`)\n",
            txt.display()
        )
    );
}

#[test]
fn check_without_epubcheck_says_so_and_exits_3() {
    let dir = tempfile::tempdir().unwrap();
    let epub = dir.path().join("book.epub");
    std::fs::write(&epub, "not really").unwrap();
    let a = paiban_without_tools(dir.path())
        .arg("check")
        .arg(&epub)
        .assert()
        .code(3);
    let err = stderr(&a);
    let local = dir.path().join(".validators/bin/epubcheck");
    assert!(
        err.starts_with(&format!(
            "error: cannot validate {}: epubcheck not found",
            epub.display()
        )) && err.contains(&local.display().to_string())
            && err.contains("scripts/install-validators.sh"),
        "{err}"
    );
    assert!(a.get_output().stdout.is_empty());
}

#[test]
fn build_check_without_epubcheck_says_the_epub_was_not_validated() {
    let dir = tempfile::tempdir().unwrap();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let a = paiban_without_tools(dir.path())
        .arg("build")
        .arg(root.join("examples/shuyuan.txt"))
        .args(["-o", "out", "--format", "epub", "--check"])
        .assert()
        .code(3);
    let err = stderr(&a);
    assert!(
        err.contains(
            "error: --check: out/shuyuan.epub was written but not validated: epubcheck not found"
        ) && err.contains("scripts/install-validators.sh")
            && !err.contains("did not validate"),
        "{err}"
    );
    assert!(dir.path().join("out/shuyuan.epub").is_file());
}

#[cfg(unix)]
#[test]
#[ignore = "needs epubcheck"]
fn check_finds_the_validators_in_dot_validators_of_the_working_folder() {
    require_epubcheck();
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(validators_home(), dir.path().join(".validators")).unwrap();
    std::fs::write(dir.path().join("bad.epub"), "this is not a zip").unwrap();
    let mut c = Command::cargo_bin("paiban").unwrap();
    c.current_dir(dir.path())
        .env_remove("VALIDATORS_HOME")
        .env_remove("EPUBCHECK_JAR");
    let a = c.args(["check", "bad.epub"]).assert().code(1);
    let stdout = String::from_utf8_lossy(&a.get_output().stdout).into_owned();
    assert!(stdout.contains("PKG-"), "{stdout}");
}

#[cfg(not(feature = "pdf"))]
#[test]
fn format_pdf_without_typst_names_the_install_script_and_exits_3() {
    let dir = tempfile::tempdir().unwrap();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let a = paiban_without_tools(dir.path())
        .arg("build")
        .arg(root.join("examples/shuyuan.txt"))
        .args(["-o", "out", "--format", "pdf"])
        .assert()
        .code(3);
    let err = stderr(&a);
    let local = dir.path().join(".validators/bin/typst");
    assert!(
        err.contains("no Typst compiler found")
            && err.contains(&local.display().to_string())
            && err.contains("typst on PATH")
            && err.contains("scripts/install-validators.sh"),
        "{err}"
    );
}
