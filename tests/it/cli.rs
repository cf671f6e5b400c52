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

#[test]
fn init_writes_a_book_toml_that_build_accepts() {
    let dir = tempfile::tempdir().unwrap();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let input = dir.path().join("book.txt");
    std::fs::copy(root.join("examples/shuyuan.txt"), &input).unwrap();
    paiban().arg("init").arg(&input).assert().success();
    let toml_path = dir.path().join("book.toml");
    let text = std::fs::read_to_string(&toml_path).unwrap();
    assert!(
        text.contains("title = \"县域书院的兴替与地方文教网络研究\""),
        "{text}"
    );
    assert!(
        text.contains("isbn = \"9787546923819\"") || text.contains("978-7-5469-2381-9"),
        "{text}"
    );
    // A second init refuses to replace it, and leaves it alone.
    let out = paiban().arg("init").arg(&input).assert().code(1);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("--force"));
    // An edited title overrides the recovered one.
    std::fs::write(
        &toml_path,
        text.replace("县域书院的兴替与地方文教网络研究\"", "改过的书名\""),
    )
    .unwrap();
    let out = paiban()
        .args(["inspect", "--json", "--meta"])
        .arg(&toml_path)
        .arg(&input)
        .assert()
        .success();
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(v["metadata"]["title"], "改过的书名");
}

#[test]
fn a_bad_book_toml_is_an_error_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("book.txt");
    std::fs::write(&input, "书名\n\n序\n\n正文。\n").unwrap();
    let toml_path = dir.path().join("book.toml");
    std::fs::write(&toml_path, "title = \"好\"\nisbn = \"978-7-5469-2381-0\"\n").unwrap();
    let out = paiban()
        .args(["inspect", "--meta"])
        .arg(&toml_path)
        .arg(&input)
        .assert()
        .code(1);
    // The error is a diagnostic on book.toml itself, in inspect's report.
    let o = out.get_output();
    let stderr =
        String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("book.toml:2:8"), "{stderr}");
    assert!(stderr.contains("error[P0702]"), "{stderr}");
    assert!(stderr.contains("check digit"), "{stderr}");
}

#[test]
fn book_toml_values_an_epub_cannot_carry_fail_the_build_on_their_line() {
    let cases = [
        (
            "title = \"好\"\n\n[[contributors]]\nname = \"林晓\"\nrole = \"zzz\"\n",
            "book.toml:5:8",
            "role \"zzz\" is not a MARC relator code",
        ),
        (
            "title = \"好\"\ndate = \"0000\"\n",
            "book.toml:2:8",
            "no year 0000",
        ),
        (
            "title = \"好\"\ndate = \"2019-11-31\"\n",
            "book.toml:2:8",
            "no day 31",
        ),
        (
            "title = \"好\"\n\n[alt_title]\ntext = \"Hao\"\nlanguage = \"??\"\n",
            "book.toml:5:12",
            "language \"??\" is not a BCP 47 tag",
        ),
    ];
    for (toml, at, message) in cases {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("book.txt");
        std::fs::write(&input, "书名\n\n序\n\n正文。\n").unwrap();
        let toml_path = dir.path().join("book.toml");
        std::fs::write(&toml_path, toml).unwrap();
        let out = dir.path().join("out");
        let run = paiban()
            .args(["build", "--meta"])
            .arg(&toml_path)
            .arg(&input)
            .arg("-o")
            .arg(&out)
            .assert()
            .code(1);
        let stderr = String::from_utf8_lossy(&run.get_output().stderr).into_owned();
        assert!(stderr.contains(at), "{toml:?}: {stderr}");
        assert!(stderr.contains("error[P0702]"), "{toml:?}: {stderr}");
        assert!(stderr.contains(message), "{toml:?}: {stderr}");
        let written: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|n| n != "book.txt" && n != "book.toml")
            .collect();
        assert!(
            written.is_empty(),
            "{toml:?}: nothing written, found {written:?}"
        );
    }
}

#[test]
fn an_unreferenced_note_is_reported_whatever_the_output_format() {
    // the reader reports it (P0504), so a Typst-only build says it as an EPUB build does
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("pond.md");
    std::fs::write(
        &book,
        "---\ntitle: The Pond\n---\n\n# The Heron\n\nThe heron stood in the shallows until noon.\n\n\
         [^1]: A remark no marker in the chapter calls.\n\nThen it flew off over the reeds.\n",
    )
    .unwrap();
    for format in ["typst", "epub", "epub,typst"] {
        let out = paiban()
            .args(["build", "--format", format, "-o"])
            .arg(dir.path().join(format!("out-{format}")))
            .arg(&book)
            .assert()
            .success();
        let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
        let found: Vec<&str> = stderr
            .lines()
            .filter(|l| l.starts_with("warning[P0504]"))
            .collect();
        assert_eq!(
            found,
            ["warning[P0504]: note 1 is never referenced"],
            "{format}: {stderr}"
        );
        assert!(stderr.contains("pond.md:9:1"), "{format}: {stderr}");
    }
}
