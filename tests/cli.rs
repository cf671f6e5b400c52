//! The command line: exit codes and error messages for bad input.

use assert_cmd::Command;

fn paiban() -> Command {
    Command::cargo_bin("paiban").unwrap()
}

#[test]
fn a_missing_manuscript_is_an_error_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.txt");
    let out = paiban().arg("inspect").arg(&missing).assert().code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(stderr.contains("nope.txt"), "{stderr}");
    assert!(stderr.contains("No such file"), "{stderr}");
}

#[test]
fn an_empty_manuscript_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let out = paiban()
        .args(["build", "-o"])
        .arg(dir.path().join("out"))
        .arg(&empty)
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(stderr.contains("empty.txt: the file is empty"), "{stderr}");
    assert!(!dir.path().join("out").join("empty.epub").exists());
}

#[test]
fn usage_errors_exit_2() {
    paiban().arg("build").assert().code(2);
    paiban()
        .args(["build", "x.txt", "--format", "mobi"])
        .assert()
        .code(2);
    paiban().arg("frobnicate").assert().code(2);
}

#[test]
fn an_output_folder_that_is_a_file_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("book.txt");
    std::fs::write(&input, "书名\n\n正文。\n").unwrap();
    let blocker = dir.path().join("out");
    std::fs::write(&blocker, "keep").unwrap();
    let out = paiban()
        .arg("build")
        .arg(&input)
        .arg("-o")
        .arg(&blocker)
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(stderr.contains("is not a folder"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&blocker).unwrap(), "keep");
}
