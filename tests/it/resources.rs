//! book.toml `[[resources]]`: a font listed there is carried by the EPUB (manifest item with its
//! media type, reachable from a `--css` `@font-face` as written beside the book), shipped in the
//! Typst project's `fonts/` folder and found by the PDF step; a bad entry is an error on its line
//! of book.toml and nothing is written.

use std::io::Read;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

use crate::support::outdir::{entries, stderr, write};

/// The fixture font (scripts/make-fixture-font.py; drawn for these tests, the project's licence).
const FONT: &str = "tests/fixtures/fonts/PaibanFixture-Regular.ttf";

const BOOK: &str =
    "The River Town\n\nChapter 1\n\nThe Mill\n\nThe water ran down from the hills.\n";

const CSS: &str = "@font-face {\n  font-family: \"Paiban Fixture\";\n  \
                   src: url(\"fonts/PaibanFixture-Regular.ttf\") format(\"truetype\");\n}\n\
                   h1 { font-family: \"Paiban Fixture\", serif; }\n";

fn paiban() -> Command {
    Command::cargo_bin("paiban").unwrap()
}

/// A book folder: the manuscript, book.toml listing the font, the font under fonts/, style.css.
fn book_folder(toml: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let book = write(&dir.path().join("river.txt"), BOOK);
    write(&dir.path().join("book.toml"), toml);
    write(&dir.path().join("style.css"), CSS);
    std::fs::create_dir_all(dir.path().join("fonts")).unwrap();
    std::fs::copy(FONT, dir.path().join("fonts/PaibanFixture-Regular.ttf")).unwrap();
    (dir, book)
}

const LISTED: &str =
    "title = \"The River Town\"\n\n[[resources]]\npath = \"fonts/PaibanFixture-Regular.ttf\"\n";

fn build(dir: &Path, book: &Path, formats: &str) -> assert_cmd::assert::Assert {
    paiban()
        .args(["build", "--format", formats, "--css"])
        .arg(dir.join("style.css"))
        .arg("-o")
        .arg(dir.join("out"))
        .arg(book)
        .assert()
}

fn entry(epub: &Path, name: &str) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(epub).unwrap()).unwrap();
    let mut bytes = Vec::new();
    zip.by_name(name)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .read_to_end(&mut bytes)
        .unwrap();
    bytes
}

#[test]
fn a_listed_font_is_embedded_declared_and_reached_from_the_css() {
    let (dir, book) = book_folder(LISTED);
    build(dir.path(), &book, "epub,typst").success();
    let epub = dir.path().join("out/river.epub");
    let font = std::fs::read(FONT).unwrap();
    assert_eq!(
        entry(&epub, "EPUB/res/fonts/PaibanFixture-Regular.ttf"),
        font
    );
    let opf = String::from_utf8(entry(&epub, "EPUB/content.opf")).unwrap();
    assert!(
        opf.contains(
            "<item id=\"res.1\" href=\"res/fonts/PaibanFixture-Regular.ttf\" media-type=\"font/ttf\"/>"
        ),
        "{opf}"
    );
    let css = String::from_utf8(entry(&epub, "EPUB/css/epub.css")).unwrap();
    assert!(
        css.contains("src: url(\"../res/fonts/PaibanFixture-Regular.ttf\") format(\"truetype\");"),
        "{css}"
    );
    let project = dir.path().join("out/river-typst");
    assert_eq!(
        std::fs::read(project.join("fonts/fonts/PaibanFixture-Regular.ttf")).unwrap(),
        font
    );
    let note = std::fs::read_to_string(project.join("FONTS.md")).unwrap();
    assert!(
        note.contains("typst compile --font-path fonts main.typ"),
        "{note}"
    );
}

#[test]
fn a_css_url_to_an_unlisted_file_is_refused() {
    let (dir, book) = book_folder("title = \"The River Town\"\n");
    let a = build(dir.path(), &book, "epub").failure();
    let err = stderr(&a);
    assert!(
        err.contains(
            "url(fonts/PaibanFixture-Regular.ttf) refers to a file the EPUB does not carry"
        ) && err.contains("[[resources]]"),
        "{err}"
    );
    assert!(!dir.path().join("out").exists(), "nothing written");
}

#[test]
fn bad_entries_are_errors_on_their_line_and_nothing_is_written() {
    let cases = [
        (
            "[[resources]]\npath = \"fonts/Missing.otf\"\n",
            3,
            "Missing.otf",
        ),
        (
            "[[resources]]\npath = \"../outside.ttf\"\n",
            3,
            "must be relative",
        ),
        (
            "[[resources]]\npath = \"style.css\"\n",
            3,
            "is not a font or image",
        ),
        (
            "[[resources]]\npath = \"river.txt.png\"\n",
            3,
            "river.txt.png",
        ),
        (
            "[[resources]]\nfile = \"fonts/a.ttf\"\n",
            3,
            "unknown field",
        ),
        (
            "[[resources]]\npath = \"fonts/PaibanFixture-Regular.ttf\"\n\n\
             [[resources]]\npath = \"./fonts/PaibanFixture-Regular.ttf\"\n",
            6,
            "listed twice",
        ),
    ];
    for (resources, line, what) in cases {
        let toml = format!("title = \"The River Town\"\n{resources}");
        let (dir, book) = book_folder(&toml);
        // A PNG name over text bytes: named as image/png, its bytes are not one.
        write(&dir.path().join("river.txt.png"), "not a picture");
        let a = paiban()
            .args(["build", "-o"])
            .arg(dir.path().join("out"))
            .arg(&book)
            .assert()
            .code(1);
        let err = stderr(&a);
        assert!(err.contains("error[P0702]"), "{toml}\n{err}");
        assert!(err.contains(what), "{toml}\n{err}");
        assert!(err.contains(&format!("book.toml:{line}:")), "{toml}\n{err}");
        assert!(
            !dir.path().join("out").exists()
                || entries(&dir.path().join("out"))
                    .iter()
                    .all(|e| e.starts_with('.')),
            "{toml}: nothing written"
        );
    }
}

#[test]
fn m_cannot_list_resources() {
    let (dir, book) = book_folder("title = \"x\"\n");
    let a = paiban()
        .args(["build", "-M", "resources=fonts/a.ttf", "-o"])
        .arg(dir.path().join("out"))
        .arg(&book)
        .assert()
        .failure();
    assert!(
        stderr(&a).contains("list resources in book.toml"),
        "{}",
        stderr(&a)
    );
}

/// epubcheck (with `-u`) and Ace find nothing but CSS-028, the USAGE note that the stylesheet
/// declares a `@font-face` — which is what the book asks for.
#[test]
#[ignore = "needs epubcheck and Ace"]
fn an_epub_with_an_embedded_font_validates() {
    let (dir, book) = book_folder(LISTED);
    build(dir.path(), &book, "epub").success();
    let epub = dir.path().join("out/river.epub");
    let outcome = crate::support::validators::outcome(&epub);
    eprintln!("{}", outcome.render());
    let check = match &outcome.epubcheck {
        Ok(r) => r,
        Err(e) => crate::support::tools::missing(&format!("EPUBCheck ({e})")),
    };
    assert!(check.is_clean(), "{}", check.summary());
    let others: Vec<_> = check
        .messages
        .iter()
        .filter(|m| m.id != "CSS-028")
        .collect();
    assert!(others.is_empty(), "{others:?}");
    match &outcome.ace {
        Ok(r) => assert!(r.is_clean(), "{}", r.summary()),
        Err(e) => crate::support::tools::missing(&format!("Ace ({e})")),
    }
}

#[test]
#[ignore = "needs typst and poppler"]
fn the_pdf_step_finds_the_projects_fonts() {
    crate::support::tools::poppler();
    let (dir, book) = book_folder(LISTED);
    build(dir.path(), &book, "typst").success();
    let project = dir.path().join("out/river-typst");
    // A page set in the fixture font, compiled as paiban's PDF step compiles the project.
    write(
        &project.join("main.typ"),
        "#set text(font: \"Paiban Fixture\", fallback: false)\nHello World 123\n",
    );
    let pdf = dir.path().join("fixture.pdf");
    paiban::pdf::compile_with(
        crate::support::tools::typst(),
        &project,
        &pdf,
        &crate::support::typst_fixture::pdf_options(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let fonts = crate::support::typst_fixture::run("pdffonts", &[pdf.to_str().unwrap()]);
    assert!(fonts.contains("PaibanFixture-Regular"), "{fonts}");
}
