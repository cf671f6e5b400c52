//! The seed's and the example's Typst exports compile with 0 errors and 0 warnings, at the trim
//! size their colophons state, with their chapter titles and note texts, notes numbered from ①
//! on every page. They need Typst and poppler (ignored without `--include-ignored`); a missing
//! tool or seed fails.

use std::path::{Path, PathBuf};

use crate::support::tools::shared;
use crate::support::typst_fixture::{compiler, pdf_options, poppler, run};
use paiban::build::{ReadRequest, read};
use paiban::writer::typst::{TypstOptions, write_typst};

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn check(manuscript: &Path, expect: &Path) {
    compiler();
    poppler();
    let expect: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(expect).unwrap()).unwrap();
    let (_, reading) = read(&ReadRequest {
        input: manuscript.to_path_buf(),
        ..ReadRequest::default()
    })
    .expect("read");
    let book = reading.book;
    assert!(
        !book.body.is_empty(),
        "{}: the reader recovered no body",
        manuscript.display()
    );
    let dir = tempfile::tempdir().unwrap();
    write_typst(&book, &TypstOptions::default())
        .write_to(dir.path())
        .unwrap();
    let pdf = dir.path().join("book.pdf");
    let started = std::time::Instant::now();
    paiban::pdf::compile_project(dir.path(), &pdf, &pdf_options())
        .unwrap_or_else(|e| panic!("{}: {e}", manuscript.display()));
    let elapsed = started.elapsed();
    let pdf = pdf.to_str().unwrap();

    let info = run("pdfinfo", &[pdf]);
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap();
    let size = info.lines().find(|l| l.starts_with("Page size:")).unwrap();
    eprintln!(
        "{}: {pages} pages, {}, 0 warnings, compiled in {elapsed:.2?}",
        manuscript.display(),
        size.trim()
    );
    let trim = expect["trim_mm"].as_array().expect("trim_mm");
    let want: Vec<f64> = trim
        .iter()
        .map(|v| v.as_f64().unwrap() / 25.4 * 72.0)
        .collect();
    let got: Vec<f64> = size
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    assert!(
        (got[0] - want[0]).abs() < 0.1 && (got[1] - want[1]).abs() < 0.1,
        "page size {got:?}, trim {want:?}"
    );

    let texts: Vec<String> = (1..=pages)
        .map(|p| {
            let p = p.to_string();
            run("pdftotext", &["-f", &p, "-l", &p, "-layout", pdf, "-"])
        })
        .collect();
    let all = squash(&texts.concat());
    for title in expect["chapters"].as_array().unwrap() {
        let title = title.as_str().unwrap();
        assert!(
            all.contains(&squash(title)),
            "chapter {title:?} not in the PDF"
        );
    }
    if let Some(notes) = expect["notes_contain"].as_array() {
        for n in notes {
            let n = n.as_str().unwrap();
            assert!(all.contains(&squash(n)), "note text {n:?} not in the PDF");
        }
    }
    for (i, t) in texts.iter().enumerate() {
        if let Some(first) = t.chars().find(|c| ('①'..='⑳').contains(c)) {
            assert_eq!(first, '①', "page {} numbers its notes from {first}", i + 1);
        }
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
#[ignore = "needs typst and poppler"]
fn seed_export_compiles_at_trim_size() {
    let seed = shared("seed");
    check(
        &seed.join("000_31f2030a350ea770.txt"),
        &seed.join("000_31f2030a350ea770.expect.json"),
    );
}

#[test]
#[ignore = "needs typst and poppler"]
fn example_export_compiles_at_trim_size() {
    let ex = root().join("examples");
    check(&ex.join("shuyuan.txt"), &ex.join("shuyuan.expect.json"));
}
