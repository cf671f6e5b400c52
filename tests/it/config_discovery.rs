//! book.toml found like mdBook finds it: `BOOK.toml` beside `BOOK.txt`, then `book.toml` in its
//! folder, named in the output; `--meta` wins over both; `-M key=value` wins over the file; a
//! batch takes each book's own `<stem>.toml`.

use std::path::Path;

use assert_cmd::Command;

fn paiban() -> Command {
    Command::cargo_bin("paiban").unwrap()
}

/// An invented manuscript: a title line and one chapter.
const BOOK: &str = "河边的小镇\n\n第一章 引言\n\n河水从山里流出来，村里的人沿着渠道分水。\n";

/// `inspect --json` of `args`: the JSON and stderr.
fn inspect(args: &[&std::ffi::OsStr]) -> (serde_json::Value, String) {
    let out = paiban()
        .arg("inspect")
        .arg("--json")
        .args(args)
        .assert()
        .success();
    let out = out.get_output();
    (
        serde_json::from_slice(&out.stdout).unwrap(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap();
}

#[test]
fn own_toml_then_folder_toml_then_none() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("river.txt");
    write(&book, BOOK);
    let (v, err) = inspect(&[book.as_os_str()]);
    assert_eq!(v["metadata"]["title"], "河边的小镇");
    assert!(!err.contains("using metadata"), "{err}");

    write(&dir.path().join("book.toml"), "title = \"文件夹的书名\"\n");
    let (v, err) = inspect(&[book.as_os_str()]);
    assert_eq!(v["metadata"]["title"], "文件夹的书名");
    assert!(
        err.contains("using metadata from") && err.contains("book.toml"),
        "{err}"
    );

    let own = dir.path().join("river.toml");
    write(&own, "title = \"自己的书名\"\npublisher = \"小河出版社\"\n");
    let (v, err) = inspect(&[book.as_os_str()]);
    assert_eq!(v["metadata"]["title"], "自己的书名");
    assert!(err.contains("river.toml"), "{err}");

    // --meta wins over both; -M wins over the file, one field at a time.
    let other = dir.path().join("other.toml");
    write(&other, "title = \"指定的书名\"\n");
    let (v, err) = inspect(&["--meta".as_ref(), other.as_os_str(), book.as_os_str()]);
    assert_eq!(v["metadata"]["title"], "指定的书名");
    assert!(
        v["metadata"]["publisher"].is_null(),
        "river.toml was not read: {v}"
    );
    assert!(!err.contains("using metadata"), "{err}");
    let (v, _) = inspect(&[
        "-M".as_ref(),
        "title=命令行的书名".as_ref(),
        "-M".as_ref(),
        "date=2021-04".as_ref(),
        book.as_os_str(),
    ]);
    assert_eq!(v["metadata"]["title"], "命令行的书名");
    assert_eq!(
        v["metadata"]["publisher"], "小河出版社",
        "the file's other fields stay"
    );
    assert_eq!(v["metadata"]["date"], "2021-04");
}

#[test]
fn a_bad_override_names_the_flag_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("river.txt");
    write(&book, BOOK);
    let out = paiban()
        .args(["build", "-M", "isbn=12345", "-o"])
        .arg(dir.path().join("out"))
        .arg(&book)
        .assert()
        .code(1);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(err.contains("-M isbn=12345"), "{err}");
    assert!(!dir.path().join("out").exists(), "nothing written");
}

#[test]
fn a_broken_book_toml_found_beside_the_book_fails_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("river.txt");
    write(&book, BOOK);
    write(
        &dir.path().join("river.toml"),
        "title = \"好\"\ndate = \"2019-13\"\n",
    );
    let out = paiban().arg("inspect").arg(&book).assert().code(1);
    // The error is a diagnostic on river.toml itself, in inspect's report.
    let o = out.get_output();
    let err = String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("river.toml:2:8"), "{err}");
    assert!(err.contains("no month 13"), "{err}");
}

#[test]
fn a_batch_takes_each_books_own_toml() {
    let dir = tempfile::tempdir().unwrap();
    let books = dir.path().join("books");
    std::fs::create_dir(&books).unwrap();
    for stem in ["a", "b"] {
        write(&books.join(format!("{stem}.txt")), BOOK);
    }
    write(&books.join("a.toml"), "title = \"甲书\"\n");
    // A folder-wide book.toml is not given to every book of a batch.
    write(&books.join("book.toml"), "title = \"不该用的书名\"\n");
    let out_dir = dir.path().join("out");
    let out = paiban()
        .args([
            "build",
            "--format",
            "epub",
            "-M",
            "publisher=批量出版社",
            "-o",
        ])
        .arg(&out_dir)
        .arg(&books)
        .assert()
        .success();
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        err.contains("metadata from") && err.contains("a.toml"),
        "{err}"
    );
    let opf = |stem: &str| {
        let file = std::fs::File::open(out_dir.join(format!("{stem}.epub"))).unwrap();
        let mut zip = zip::ZipArchive::new(file).unwrap();
        let mut s = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("EPUB/content.opf").unwrap(), &mut s)
            .unwrap();
        s
    };
    let (a, b) = (opf("a"), opf("b"));
    assert!(a.contains(">甲书<") && a.contains("批量出版社"), "{a}");
    assert!(
        b.contains(">河边的小镇<") && b.contains("批量出版社"),
        "{b}"
    );
    assert!(!a.contains("不该用的书名") && !b.contains("不该用的书名"));
}

/// An invented Project Gutenberg file: header, one chapter, licence.
const PG_BOOK: &str = "Title: The Quiet Weir\n\nAuthor: Ada Quill\n\n\
*** START OF THE PROJECT GUTENBERG EBOOK THE QUIET WEIR ***\n\nChapter 1\n\n\
The water fell over the weir all night.\n\n\
*** END OF THE PROJECT GUTENBERG EBOOK THE QUIET WEIR ***\n\n\
Section 1. General Terms of Use of this invented licence.\n";

/// The ids of the divisions `inspect --json` lists as licence pages.
fn licence_pages(v: &serde_json::Value) -> usize {
    v["outline"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["id"] == "licence")
        .count()
}

#[test]
fn keep_licence_in_book_toml_does_what_the_flag_does() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("weir.txt");
    write(&book, PG_BOOK);
    let (v, _) = inspect(&[book.as_os_str()]);
    assert_eq!(licence_pages(&v), 0, "removed by default");
    let (v, _) = inspect(&["--keep-licence".as_ref(), book.as_os_str()]);
    assert_eq!(licence_pages(&v), 1, "the flag keeps it");

    write(
        &dir.path().join("weir.toml"),
        "title = \"The Quiet Weir\"\nkeep_licence = true\n",
    );
    let (v, err) = inspect(&[book.as_os_str()]);
    assert_eq!(licence_pages(&v), 1, "book.toml keeps it: {err}");
    assert_eq!(v["metadata"]["title"], "The Quiet Weir");
    let (v, _) = inspect(&[
        "-M".as_ref(),
        "keep_licence=false".as_ref(),
        book.as_os_str(),
    ]);
    assert_eq!(licence_pages(&v), 0, "-M wins over the file");

    // A wrong type is an error on book.toml's line, and nothing is built.
    write(&dir.path().join("weir.toml"), "keep_licence = \"yes\"\n");
    let out = paiban().arg("inspect").arg(&book).assert().code(1);
    let err = String::from_utf8_lossy(&out.get_output().stdout).into_owned()
        + &String::from_utf8_lossy(&out.get_output().stderr);
    assert!(
        err.contains("expected true or false") && err.contains("weir.toml:1:"),
        "{err}"
    );
}
