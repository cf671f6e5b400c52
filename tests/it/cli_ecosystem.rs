//! Command-line conventions: shell completions (clap_complete), man pages (clap_mangen),
//! `--css` added after the built-in stylesheet and `--css-replace`, `-o` naming an `.epub` file.

use std::io::Read;
use std::path::Path;

use assert_cmd::Command;

fn paiban() -> Command {
    Command::cargo_bin("paiban").unwrap()
}

fn stdout(args: &[&str]) -> String {
    let out = paiban().args(args).assert().success();
    String::from_utf8_lossy(&out.get_output().stdout).into_owned()
}

const BOOK: &str = "河边的小镇\n\n第一章 引言\n\n河水从山里流出来，村里的人沿着渠道分水。\n";

fn stylesheet(epub: &Path) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(epub).unwrap()).unwrap();
    let mut css = String::new();
    zip.by_name("EPUB/css/epub.css")
        .unwrap()
        .read_to_string(&mut css)
        .unwrap();
    css
}

#[test]
fn completions_name_every_command_and_flag() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = stdout(&["completions", shell]);
        for word in ["convert", "build", "css-replace", "metadata"] {
            assert!(script.contains(word), "{shell}: {word} missing");
        }
    }
    paiban().args(["completions", "tcsh"]).assert().code(2);
}

#[test]
fn man_pages_are_roff() {
    let page = stdout(&["man"]);
    assert!(page.contains(".TH PAIBAN 1"), "{page}");
    assert!(page.contains("convert"), "{page}");
    let dir = tempfile::tempdir().unwrap();
    paiban().arg("man").arg(dir.path()).assert().success();
    let build = std::fs::read_to_string(dir.path().join("paiban-build.1")).unwrap();
    assert!(build.contains(".TH PAIBAN-BUILD 1"), "{build}");
    assert!(build.contains("css\\-replace"), "{build}");
}

#[test]
fn css_is_added_after_the_built_in_or_replaces_it() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("river.txt");
    std::fs::write(&book, BOOK).unwrap();
    let (a, b) = (dir.path().join("a.css"), dir.path().join("b.css"));
    std::fs::write(&a, "p { color: #123456; }\n").unwrap();
    std::fs::write(&b, "h1 { color: #654321; }\n").unwrap();
    let built_in = paiban::writer::epub::DEFAULT_CSS;
    let out = dir.path().join("out");
    paiban()
        .args(["build", "--format", "epub", "--css"])
        .arg(&a)
        .arg("--css")
        .arg(&b)
        .arg("-o")
        .arg(&out)
        .arg(&book)
        .assert()
        .success();
    let css = stylesheet(&out.join("river.epub"));
    assert!(
        css.starts_with(built_in),
        "the built-in stylesheet comes first"
    );
    let (pa, pb) = (css.find("#123456").unwrap(), css.find("#654321").unwrap());
    assert!(
        built_in.len() < pa && pa < pb,
        "a.css, then b.css, after it"
    );
    assert!(css.contains("/* --css a.css */"), "{css}");

    paiban()
        .args(["build", "--format", "epub", "--css-replace"])
        .arg(&a)
        .arg("--css")
        .arg(&b)
        .arg("-o")
        .arg(&out)
        .arg(&book)
        .assert()
        .success();
    let css = stylesheet(&out.join("river.epub"));
    assert!(css.starts_with("p { color: #123456; }"), "{css}");
    assert!(!css.contains(built_in.trim()), "the built-in is replaced");
    assert!(css.contains("#654321"));
}

#[test]
fn o_may_name_the_epub_file() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("river.txt");
    std::fs::write(&book, BOOK).unwrap();
    let target = dir.path().join("shelf").join("小镇.epub");
    std::fs::create_dir(dir.path().join("shelf")).unwrap();
    paiban()
        .arg("build")
        .arg(&book)
        .arg("-o")
        .arg(&target)
        .assert()
        .success();
    assert!(target.is_file());
    let names: Vec<String> = std::fs::read_dir(dir.path().join("shelf"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["小镇.epub"], "the EPUB alone");
    // Asked for, the Typst project is written beside it under the same name.
    paiban()
        .args(["build", "--format", "epub,typst"])
        .arg(&book)
        .arg("-o")
        .arg(&target)
        .assert()
        .success();
    assert!(dir.path().join("shelf/小镇-typst/main.typ").is_file());
    // A batch cannot write into one file.
    paiban()
        .arg("build")
        .arg(&book)
        .arg(&book)
        .arg("-o")
        .arg(dir.path().join("x.epub"))
        .assert()
        .code(1);
}

/// The help text of option `flag` in `paiban CMD --help`: its line and the lines under it up
/// to the next option.
fn option_help(cmd: &str, flag: &str) -> String {
    let help = stdout(&[cmd, "--help"]);
    let mut lines = help
        .lines()
        .skip_while(|l| !l.trim_start().split([' ', ',']).any(|w| w == flag));
    let first = lines
        .next()
        .unwrap_or_else(|| panic!("{cmd} --help has no {flag}:\n{help}"));
    let rest: Vec<&str> = lines
        .take_while(|l| !l.trim_start().starts_with('-') && !l.trim().is_empty())
        .collect();
    format!("{first}\n{}", rest.join("\n"))
}

#[test]
fn build_and_watch_share_the_design_options_and_their_help() {
    for flag in ["--cover", "--css", "--css-replace", "--typst-template"] {
        let (build, watch) = (option_help("build", flag), option_help("watch", flag));
        assert_eq!(build, watch, "{flag}");
        assert!(
            build.len() > flag.len() + 10,
            "{flag} has a help text: {build}"
        );
    }
}

/// `-j N` builds a batch N books at a time, with the same outputs whatever N; `-j 0` is a usage
/// error.
#[test]
fn jobs_set_how_many_books_build_at_once_and_not_what_they_give() {
    let dir = tempfile::tempdir().unwrap();
    let books = dir.path().join("books");
    std::fs::create_dir(&books).unwrap();
    for name in ["a", "b", "c"] {
        std::fs::write(books.join(format!("{name}.txt")), BOOK).unwrap();
    }
    let mut built = Vec::new();
    for jobs in ["1", "2"] {
        let out = dir.path().join(format!("out{jobs}"));
        paiban()
            .args(["build", "--format", "epub", "-j", jobs])
            .arg(&books)
            .arg("-o")
            .arg(&out)
            .env("SOURCE_DATE_EPOCH", "1300000000")
            .assert()
            .success();
        let epubs: Vec<Vec<u8>> = ["a", "b", "c"]
            .iter()
            .map(|n| std::fs::read(out.join(format!("{n}.epub"))).unwrap())
            .collect();
        built.push(epubs);
    }
    assert!(built[0] == built[1], "-j 1 and -j 2 give different EPUBs");
    paiban()
        .args(["build", "-j", "0"])
        .arg(&books)
        .arg("-o")
        .arg(dir.path().join("out0"))
        .assert()
        .code(2);
}
