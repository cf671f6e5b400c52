//! `build --deny-warnings`: a reader warning fails the build before anything is written; a clean
//! manuscript builds as usual. (The manuscript is read once, inside `build::build`.)

use assert_cmd::Command;

#[test]
fn deny_warnings_writes_nothing_on_a_warning() {
    // (manuscript, exit code, whether the Typst project is written, text expected on stderr)
    let cases = [
        (
            "第一章\n河流\n\n河水向东流去^①，镇子沿岸生长。\n",
            1,
            false,
            "1 warning(s) and --deny-warnings: nothing was written",
        ),
        (
            "第一章\n河流\n\n河水向东流去^①，镇子沿岸生长。\n^① 旧县志所记。\n",
            0,
            true,
            "",
        ),
    ];
    for (i, (text, code, written, stderr_has)) in cases.into_iter().enumerate() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("river.txt");
        std::fs::write(&input, text).unwrap();
        let out_dir = dir.path().join("out");
        let out = Command::cargo_bin("paiban")
            .unwrap()
            .args(["build", "--deny-warnings", "--format", "typst", "-o"])
            .arg(&out_dir)
            .arg(&input)
            .assert()
            .code(code);
        let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
        assert!(stderr.contains(stderr_has), "case {i}: {stderr}");
        assert_eq!(
            out_dir.join("river-typst").exists(),
            written,
            "case {i}: {stderr}"
        );
    }
}

/// Runs `paiban build` in a folder holding `book.txt` (and `book.toml` if given) with `args`;
/// returns the exit code, stderr and whether an EPUB was written.
fn build_in(manuscript: &str, toml: Option<&str>, args: &[&str]) -> (i32, String, bool) {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("book.txt");
    std::fs::write(&input, manuscript).unwrap();
    let mut cmd = Command::cargo_bin("paiban").unwrap();
    cmd.env("NO_COLOR", "1").arg("build").arg(&input);
    if let Some(t) = toml {
        let path = dir.path().join("meta.toml");
        std::fs::write(&path, t).unwrap();
        cmd.arg("--meta").arg(path);
    }
    let out_dir = dir.path().join("out");
    let out = cmd
        .args(["--format", "epub", "-o"])
        .arg(&out_dir)
        .args(args)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    (
        out.status.code().unwrap_or(-1),
        stderr,
        out_dir.join("book.epub").exists(),
    )
}

/// A manuscript whose printed ISBN has a wrong check digit (…-3, the digits give 1).
const BAD_ISBN: &str = "河边小镇\n\nISBN 978-7-220-07597-3\n\n第一章 河\n\n河水向东流去。\n";

#[test]
fn an_error_fails_the_build_and_writes_nothing() {
    let (code, stderr, written) = build_in(BAD_ISBN, None, &[]);
    assert_eq!(code, 1, "{stderr}");
    assert!(!written, "{stderr}");
    assert!(
        stderr.contains("error[P0201]: ISBN 978-7-220-07597-3 has check digit 3"),
        "{stderr}"
    );
    assert!(stderr.contains("┌─ "), "{stderr}");
    assert!(stderr.contains("book.txt:3:1"), "{stderr}");
    assert!(stderr.contains("1 error\n"), "summary line: {stderr}");
    assert!(stderr.contains("nothing was written"), "{stderr}");
}

#[test]
fn a_field_set_in_book_toml_silences_the_readers_finding() {
    let (code, stderr, written) = build_in(BAD_ISBN, Some("isbn = \"978-7-220-07597-1\"\n"), &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(written);
    assert!(!stderr.contains("P0201"), "{stderr}");
}

#[test]
fn book_toml_errors_are_shown_on_book_toml() {
    let (code, stderr, written) = build_in(
        "第一章 河\n\n河水向东流去。\n",
        Some("# 书名\ntitle = \"A\\u0001B\"\n"),
        &[],
    );
    assert_eq!(code, 1, "{stderr}");
    assert!(!written);
    assert!(
        stderr.contains("error[P0702]: the text holds the control character U+0001"),
        "{stderr}"
    );
    assert!(stderr.contains("meta.toml:2:9"), "{stderr}");
    assert!(stderr.contains("2 │ title = \"A\\u0001B\""), "{stderr}");
}

#[test]
fn allow_silences_one_kind_of_warning_but_never_an_error() {
    let orphan = "第一章\n河流\n\n河水向东流去^①，镇子沿岸生长。\n";
    let (code, stderr, _) = build_in(orphan, None, &["--deny-warnings"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("warning[P0503]"), "{stderr}");
    let (code, stderr, written) = build_in(orphan, None, &["--deny-warnings", "--allow", "P0503"]);
    assert_eq!((code, written), (0, true), "{stderr}");
    assert!(!stderr.contains("P0503"), "{stderr}");
    let (code, stderr, _) = build_in(BAD_ISBN, None, &["--allow", "P0201"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("P0201 is an error and cannot be allowed"),
        "{stderr}"
    );
    let (code, _, _) = build_in(orphan, None, &["--allow", "P9999"]);
    assert_eq!(code, 2);
}

#[test]
fn inspect_json_carries_codes_and_exits_1_on_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("book.txt");
    std::fs::write(&input, BAD_ISBN).unwrap();
    let out = Command::cargo_bin("paiban")
        .unwrap()
        .args(["inspect", "--json"])
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let d = &v["diagnostics"][0];
    assert_eq!(d["code"], "P0201");
    assert_eq!(d["severity"], "error");
    assert_eq!(d["line"], 3);
    assert_eq!(d["bytes"], serde_json::json!([14, 36]));
    assert!(d["hints"][0].as_str().unwrap().contains("check digit is 1"));
}
