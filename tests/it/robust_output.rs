//! Outputs (输出) and exit codes: temp file + rename, never over an input, an existing file in
//! the way is left alone, a failed build leaves no partial file; 0 / 1 / 2 and --deny-warnings.

use assert_cmd::Command;

use crate::support::outdir::{CLEAN, entries, stderr, write};

fn paiban() -> Command {
    Command::cargo_bin("paiban").unwrap()
}

/// One warning: a marker with no note on its page.
const ONE_WARNING: &str = "第一章\n\n起点\n\n标记^①没有注释。\n";

#[test]
fn outputs_appear_whole_with_no_temporary_leftovers_and_are_replaced_whole() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(&dir.path().join("book.txt"), CLEAN);
    let out = dir.path().join("out");
    for _ in 0..2 {
        let a = paiban()
            .arg("build")
            .arg(&input)
            .args(["--format", "typst", "-o"])
            .arg(&out)
            .assert()
            .code(0);
        assert_eq!(
            String::from_utf8_lossy(&a.get_output().stdout),
            format!("wrote {}\n", out.join("book-typst").display())
        );
        assert_eq!(entries(&out), ["book-typst"]);
        assert_eq!(
            entries(&out.join("book-typst")),
            [".paiban", "FONTS.md", "book.typ", "main.typ"]
        );
    }
    // A stale file in the project folder is gone after a rebuild: the folder is replaced whole.
    write(&out.join("book-typst/stale.typ"), "old");
    paiban()
        .arg("build")
        .arg(&input)
        .args(["--format", "typst", "-o"])
        .arg(&out)
        .assert()
        .code(0);
    assert!(!out.join("book-typst/stale.typ").exists());
    assert_eq!(entries(&out), ["book-typst"]);
}

#[test]
fn a_manuscript_named_like_an_output_is_never_written_over() {
    let dir = tempfile::tempdir().unwrap();
    // `book.pdf` is really the text manuscript; the PDF target would be the manuscript itself.
    let input = write(&dir.path().join("book.pdf"), CLEAN);
    let a = paiban()
        .arg("build")
        .arg(&input)
        .args(["--format", "typst,pdf", "-o"])
        .arg(dir.path())
        .assert()
        .code(1);
    let p = input.display();
    assert_eq!(
        stderr(&a),
        format!("error: cannot build {p}: {p}: refusing to write over an input file\n")
    );
    assert_eq!(std::fs::read_to_string(&input).unwrap(), CLEAN);
    // Checked before anything is written: no Typst project either.
    assert_eq!(entries(dir.path()), ["book.pdf"]);
}

#[test]
fn a_project_folder_holding_the_manuscript_is_never_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(&dir.path().join("book-typst/book.txt"), CLEAN);
    let a = paiban()
        .arg("build")
        .arg(&input)
        .args(["--format", "typst", "-o"])
        .arg(dir.path())
        .assert()
        .code(1);
    let target = dir.path().join("book-typst");
    assert_eq!(
        stderr(&a),
        format!(
            "error: cannot build {}: {}: would replace a folder holding an input file\n",
            input.display(),
            target.display()
        )
    );
    assert_eq!(entries(&target), ["book.txt"]);
    assert_eq!(std::fs::read_to_string(&input).unwrap(), CLEAN);
}

#[test]
fn an_existing_file_in_the_way_is_an_error_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(&dir.path().join("book.txt"), CLEAN);
    // The output folder given is a file.
    let blocker = write(&dir.path().join("out"), "keep me");
    let a = paiban()
        .arg("build")
        .arg(&input)
        .args(["--format", "typst", "-o"])
        .arg(&blocker)
        .assert()
        .code(1);
    assert_eq!(
        stderr(&a),
        format!(
            "error: cannot build {}: {}: exists and is not a folder; nothing was written\n",
            input.display(),
            blocker.display()
        )
    );
    assert_eq!(std::fs::read_to_string(&blocker).unwrap(), "keep me");
    // The project folder's path is a file.
    let out = dir.path().join("o2");
    let file = write(&out.join("book-typst"), "keep me too");
    let a = paiban()
        .arg("build")
        .arg(&input)
        .args(["--format", "typst", "-o"])
        .arg(&out)
        .assert()
        .code(1);
    assert!(
        stderr(&a).ends_with(&format!(
            "{}: exists and is not a folder; nothing was written\n",
            file.display()
        )),
        "{}",
        stderr(&a)
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "keep me too");
    assert_eq!(entries(&out), ["book-typst"]);
}

#[test]
fn an_output_folder_under_a_file_fails_without_writing() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(&dir.path().join("book.txt"), CLEAN);
    let file = write(&dir.path().join("plain"), "x");
    let out = file.join("sub");
    let a = paiban()
        .arg("build")
        .arg(&input)
        .args(["--format", "typst", "-o"])
        .arg(&out)
        .assert()
        .code(1);
    assert_eq!(
        stderr(&a),
        format!(
            "error: cannot build {}: {}: Not a directory (os error 20)\n",
            input.display(),
            out.display()
        )
    );
    assert_eq!(entries(dir.path()), ["book.txt", "plain"]);
}

#[test]
#[ignore = "needs typst"]
fn a_failed_pdf_compilation_leaves_no_partial_file() {
    crate::support::tools::typst();
    let dir = tempfile::tempdir().unwrap();
    let input = write(&dir.path().join("book.txt"), CLEAN);
    // A template that does not compile: the PDF step fails after the project was written.
    let template = write(&dir.path().join("bad.typ"), "#let book(..args) = {\n");
    let out = dir.path().join("out");
    let a = paiban()
        .arg("build")
        .arg(&input)
        .env("VALIDATORS_HOME", crate::support::tools::validators_home())
        .args(["--format", "pdf", "--typst-template"])
        .arg(&template)
        .arg("-o")
        .arg(&out)
        .assert()
        .code(1);
    assert!(
        stderr(&a).starts_with(&format!(
            "error: cannot build {}: {}: ",
            input.display(),
            out.join("book.pdf").display()
        )),
        "{}",
        stderr(&a)
    );
    // Neither a PDF, nor its temp file, nor the temporary Typst project remains.
    assert_eq!(entries(&out), Vec::<String>::new());
}

#[test]
fn warnings_exit_0_unless_denied() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(&dir.path().join("book.txt"), ONE_WARNING);
    let out = dir.path().join("out");
    let a = paiban()
        .arg("build")
        .arg(&input)
        .args(["--format", "typst", "-o"])
        .arg(&out)
        .assert()
        .code(0);
    assert!(
        stderr(&a).starts_with("warning[P0503]: marker ① has no note ① at the foot of its page\n"),
        "{}",
        stderr(&a)
    );
    std::fs::remove_dir_all(&out).unwrap();

    let a = paiban()
        .arg("build")
        .arg(&input)
        .args(["--format", "typst", "--deny-warnings", "-o"])
        .arg(&out)
        .assert()
        .code(1);
    assert!(
        stderr(&a).ends_with("error: 1 warning(s) and --deny-warnings: nothing was written\n"),
        "{}",
        stderr(&a)
    );
    assert!(!out.exists());

    paiban()
        .args(["inspect", "--deny-warnings"])
        .arg(&input)
        .assert()
        .code(1);
    paiban().arg("inspect").arg(&input).assert().code(0);

    // A clean manuscript passes both with --deny-warnings.
    let clean = write(&dir.path().join("clean.txt"), CLEAN);
    paiban()
        .args(["inspect", "--deny-warnings"])
        .arg(&clean)
        .assert()
        .code(0);
    paiban()
        .arg("build")
        .arg(&clean)
        .args(["--format", "typst", "--deny-warnings", "-o"])
        .arg(&out)
        .assert()
        .code(0);
    assert_eq!(entries(&out), ["clean-typst"]);
}

#[test]
fn usage_errors_exit_2_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(&dir.path().join("book.txt"), CLEAN);
    let out = dir.path().join("out");
    let i = input.to_str().unwrap();
    let o = out.to_str().unwrap();
    let cases: &[&[&str]] = &[
        &["build", "-o", o],
        &["build", i, "-o", o, "--format", "mobi"],
        &["build", i, "-o", o, "--format", ""],
        &["build", i, "-o", o, "--no-such-flag"],
        &["build", i, "-o"],
        &["inspect"],
        &["frobnicate", i],
    ];
    for args in cases {
        let a = paiban().args(*args).assert().code(2);
        assert!(
            stderr(&a).starts_with("error: "),
            "{args:?}: {}",
            stderr(&a)
        );
        assert!(!out.exists(), "{args:?}");
    }
}

#[test]
fn a_manuscript_called_book_epub_is_never_written_over() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(&dir.path().join("book.epub"), CLEAN);
    let a = paiban()
        .arg("build")
        .arg(&input)
        .arg("-o")
        .arg(dir.path())
        .assert()
        .code(1);
    let p = input.display();
    assert_eq!(
        stderr(&a),
        format!("error: cannot build {p}: {p}: refusing to write over an input file\n")
    );
    assert_eq!(std::fs::read_to_string(&input).unwrap(), CLEAN);
    assert_eq!(entries(dir.path()), ["book.epub"]);
}

#[test]
fn an_epub_path_that_is_a_folder_is_an_error_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(&dir.path().join("book.txt"), CLEAN);
    let out = dir.path().join("out");
    write(&out.join("book.epub/keep.txt"), "keep");
    let a = paiban()
        .arg("build")
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .assert()
        .code(1);
    assert!(
        stderr(&a).ends_with(&format!(
            "{}: is a directory, expected a file path\n",
            out.join("book.epub").display()
        )),
        "{}",
        stderr(&a)
    );
    assert_eq!(entries(&out), ["book.epub"]);
    assert_eq!(entries(&out.join("book.epub")), ["keep.txt"]);
}

#[test]
fn a_corrupt_cover_fails_the_build_names_the_cover_and_leaves_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(&dir.path().join("book.txt"), CLEAN);
    // A PNG signature followed by garbage.
    let cover = dir.path().join("cover.png");
    std::fs::write(&cover, b"\x89PNG\r\n\x1a\nthis is not an image").unwrap();
    let out = dir.path().join("out");
    let a = paiban()
        .arg("build")
        .arg(&input)
        .arg("--cover")
        .arg(&cover)
        .arg("-o")
        .arg(&out)
        .assert()
        .code(1);
    assert!(
        stderr(&a).starts_with(&format!(
            "error: cannot build {}: {}: cannot read the cover image: ",
            input.display(),
            cover.display()
        )),
        "{}",
        stderr(&a)
    );
    // Neither the EPUB, nor a temp file, nor the Typst project (written after the EPUB).
    let left = if out.exists() { entries(&out) } else { vec![] };
    assert_eq!(left, Vec::<String>::new());
}
