//! 金样 (golden cases): one test per folder under `tests/golden/`, listed in [`golden_cases!`]
//! below; a folder that is not listed fails [`every_golden_folder_is_listed`]. Bless with
//! `PAIBAN_BLESS=1` ([`crate::support::snapshot`]).
//!
//! - `reader`: `input.txt` (or the project file named in a one-line `input.path`) is read; its
//!   model dump and diagnostics must match `expected/model.txt` and `expected/diagnostics.txt`.
//!   The same manuscript's EPUB must pass EPUBCheck (`-u`) and Ace with no finding
//!   (`valid_epub`, ignored without `--include-ignored`: it needs the validators), and it must
//!   survive the Markdown round trip (`markdown`).
//! - `epub`: the OPF, NCX and XHTML documents of a book match `expected/EPUB/` byte for byte.
//! - `typst`: the Typst project's `main.typ` matches `expected/main.typ`.
//!
//! A reader case may be an `epub` and `typst` case too (`tw-shancheng`): its writers' output is
//! kept beside its model.

use std::path::{Path, PathBuf};

use paiban::model::{Book, dump};
use paiban::reader::{self, ReadOptions};
use paiban::source::Source;
use paiban::writer::epub::{EpubOptions, render, write_epub};
use paiban::writer::typst::{TypstOptions, write_typst};

use crate::support::snapshot::{assert_file, assert_files, case_dir};
use crate::support::{self, typst_fixture, validators};

/// Declares one test per case and kind, and [`LISTED`], the folders the tests cover.
macro_rules! golden_cases {
    (
        reader { $($r:ident => $rc:literal),* $(,)? }
        epub { $($e:ident => $ec:literal),* $(,)? }
        typst { $($t:ident => $tc:literal),* $(,)? }
    ) => {
        /// Reader cases: model dump and diagnostics.
        mod model {
            $( #[test] fn $r() { super::reader_case($rc) } )*
        }
        /// Reader cases: their EPUB passes EPUBCheck and Ace.
        mod valid_epub {
            $(
                #[test]
                #[ignore = "needs epubcheck and ace (scripts/install-validators.sh)"]
                fn $r() { super::valid_epub_case($rc) }
            )*
        }
        /// Reader cases: manuscript → model → Markdown → model is the identity.
        mod markdown {
            $( #[test] fn $r() { crate::markdown_roundtrip::assert_round_trips(&super::input_of($rc)) } )*
        }
        /// EPUB documents of a book.
        mod epub {
            $( #[test] fn $e() { super::epub_case($ec) } )*
        }
        /// Typst project of a book.
        mod typst {
            $( #[test] fn $t() { super::typst_case($tc) } )*
        }
        /// Every folder a test above covers.
        const LISTED: &[&str] = &[$($rc,)* $($ec,)* $($tc,)*];
    };
}

golden_cases! {
    reader {
        conv_en_pdftotext => "conv-en-pdftotext",
        conv_zh_hant => "conv-zh-hant",
        conv_zh_ocr => "conv-zh-ocr",
        conv_zh_parts => "conv-zh-parts",
        conv_zh_pdftotext => "conv-zh-pdftotext",
        en_command_entries => "en-command-entries",
        en_gutenberg_notes => "en-gutenberg-notes",
        en_layout_code => "en-layout-code",
        en_manual_people => "en-manual-people",
        en_manual_running_heads => "en-manual-running-heads",
        en_salt_road => "en-salt-road",
        en_two_column_contents => "en-two-column-contents",
        example_shuyuan => "example-shuyuan",
        page_feeds => "page-feeds",
        pg_dated_epochs => "pg-dated-epochs",
        pg_lamp_maker => "pg-lamp-maker",
        pg_letters => "pg-letters",
        pg_underlined_heads => "pg-underlined-heads",
        river_town => "river-town",
        tw_shancheng => "tw-shancheng",
        typist_outdented_stories => "typist-outdented-stories",
        zh_bracket_notes => "zh-bracket-notes",
        zh_endnotes => "zh-endnotes",
        zh_kana_endnotes => "zh-kana-endnotes",
        zh_layout_padding => "zh-layout-padding",
        zh_letters_diary => "zh-letters-diary",
        zh_pdftotext_feet => "zh-pdftotext-feet",
        zh_title_notes => "zh-title-notes",
        zh_title_people => "zh-title-people",
    }
    epub {
        epub_fixture => "epub-fixture",
        epub_example => "epub-example",
        epub_tw_shancheng => "tw-shancheng",
        epub_en_command_entries => "en-command-entries",
    }
    typst {
        typst_fixture => "typst-fixture",
        typst_tw_shancheng => "tw-shancheng",
    }
}

#[test]
fn every_golden_folder_is_listed() {
    let root = case_dir("");
    let mut folders: Vec<String> = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("{}: {e}", root.display()))
        .map(|e| e.expect("directory entry"))
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    folders.sort();
    let unlisted: Vec<&String> = folders
        .iter()
        .filter(|f| !LISTED.contains(&f.as_str()))
        .collect();
    assert!(
        unlisted.is_empty(),
        "golden folders without a test: {unlisted:?}; list them in golden_cases! in {}",
        file!()
    );
    let missing: Vec<&&str> = LISTED
        .iter()
        .filter(|c| !folders.iter().any(|f| f == *c))
        .collect();
    assert!(
        missing.is_empty(),
        "listed but not under tests/golden: {missing:?}"
    );
}

/// The input manuscript of a reader case: `input.txt`, or the project file named in `input.path`.
fn input_of(case: &str) -> PathBuf {
    let dir = case_dir(case);
    let local = dir.join("input.txt");
    if local.is_file() {
        return local;
    }
    let named = std::fs::read_to_string(dir.join("input.path"))
        .unwrap_or_else(|e| panic!("{case}: neither input.txt nor input.path ({e})"));
    Path::new(env!("CARGO_MANIFEST_DIR")).join(named.trim())
}

/// Reads a case's manuscript with the real reader.
fn read_case(case: &str, name: &str) -> reader::Reading {
    let input = input_of(case);
    let bytes = std::fs::read(&input).unwrap_or_else(|e| panic!("{}: {e}", input.display()));
    let text = reader::decode(&bytes, None)
        .unwrap_or_else(|e| panic!("{}: {e}", input.display()))
        .text;
    reader::read(&Source::new(name, text), &ReadOptions::default())
}

fn reader_case(case: &str) {
    let reading = read_case(case, "input.txt");
    let diags: String = reading
        .diagnostics
        .iter()
        .map(|d| format!("{d}\n"))
        .collect();
    let expected = case_dir(case).join("expected");
    let model = crate::support::snapshot::try_file(
        &expected.join("model.txt"),
        dump(&reading.book).into_bytes(),
    );
    let diagnostics =
        crate::support::snapshot::try_file(&expected.join("diagnostics.txt"), diags.into_bytes());
    let failures: Vec<String> = [model, diagnostics]
        .into_iter()
        .filter_map(Result::err)
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn valid_epub_case(case: &str) {
    let input = input_of(case);
    let reading = read_case(case, &input.display().to_string());
    let opts = EpubOptions {
        modified_unix: 1_600_000_000,
        ..EpubOptions::default()
    };
    let epub = write_epub(&reading.book, &opts).unwrap_or_else(|e| panic!("{case}: {e}"));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(format!("{case}.epub"));
    std::fs::write(&path, &epub.bytes).unwrap();
    validators::validate(&path);
}

/// The book and `dcterms:modified` of an EPUB case.
fn epub_book(case: &str) -> (Book, i64) {
    match case {
        "epub-fixture" => (support::fixture_book(), 1_315_000_000),
        "epub-example" => {
            let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/shuyuan.txt");
            let text = reader::decode(&std::fs::read(&path).unwrap(), None)
                .unwrap()
                .text;
            let reading = reader::read(&Source::new("shuyuan.txt", text), &ReadOptions::default());
            (reading.book, 1_567_296_000)
        }
        // A reader case whose writers' output is kept too (the Taiwan CIP printed as issued).
        "tw-shancheng" => (read_case(case, "input.txt").book, 1_650_000_000),
        // A reference manual's command entries: repeated names keep unique section names.
        "en-command-entries" => (read_case(case, "input.txt").book, 1_785_000_000),
        other => panic!("no book for EPUB case {other}"),
    }
}

fn epub_case(case: &str) {
    let (book, modified_unix) = epub_book(case);
    let r = render(
        &book,
        &EpubOptions {
            modified_unix,
            ..EpubOptions::default()
        },
    )
    .unwrap();
    let files: Vec<(&str, &[u8])> = r
        .files
        .iter()
        .filter(|(p, _)| p.ends_with(".xhtml") || p.ends_with(".opf") || p.ends_with(".ncx"))
        .map(|(p, b)| (p.as_str(), b.as_slice()))
        .collect();
    assert!(files.len() >= 10, "{case}: {} documents", files.len());
    assert_files(&case_dir(case).join("expected"), "EPUB", &files);
}

fn typst_case(case: &str) {
    let book = match case {
        "typst-fixture" => typst_fixture::chinese_book(),
        "tw-shancheng" => read_case(case, "input.txt").book,
        other => panic!("no book for Typst case {other}"),
    };
    let project = write_typst(&book, &TypstOptions::default());
    let main = project.file("main.typ").expect("main.typ written");
    assert_file(&case_dir(case).join("expected/main.typ"), main.to_vec());
}
