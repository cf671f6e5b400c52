//! Compiles the fixture books' Typst projects to PDF and checks the printed result
//! (skipped with a message when no Typst compiler is installed; CI=true makes that a failure).

mod typst_fixture;

use paiban::model::Book;
use typst_fixture::*;

const CIRCLED: &str = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn page_count(pdf: &str) -> usize {
    let info = run("pdfinfo", &[pdf]);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo Pages")
}

/// (width, height) in points of every page, from `pdfinfo -f 1 -l N`.
fn page_sizes(pdf: &str, pages: usize) -> Vec<(f64, f64)> {
    let info = run("pdfinfo", &["-f", "1", "-l", &pages.to_string(), pdf]);
    info.lines()
        .filter(|l| l.starts_with("Page") && l.contains(" size:"))
        .map(|l| {
            let nums: Vec<f64> = l
                .split(':')
                .nth(1)
                .unwrap()
                .split_whitespace()
                .filter_map(|w| w.parse().ok())
                .collect();
            (nums[0], nums[1])
        })
        .collect()
}

fn page_text(pdf: &str, page: usize) -> String {
    let p = page.to_string();
    run("pdftotext", &["-f", &p, "-l", &p, "-layout", pdf, "-"])
}

fn mm_to_pt(mm: f64) -> f64 {
    mm / 25.4 * 72.0
}

fn note_texts(book: &Book) -> Vec<String> {
    book.notes.iter().map(|n| n.text()).collect()
}

fn titles(book: &Book) -> Vec<String> {
    let mut out = Vec::new();
    for d in book.body.iter().chain(&book.back) {
        out.push(d.title_text());
        for c in &d.children {
            out.push(c.title_text());
        }
    }
    out
}

#[test]
fn fixture_compiles_at_trim_size_with_titles_notes_and_per_page_numbering() {
    if compiler().is_none() || !poppler() {
        return;
    }
    let book = chinese_book();
    let started = std::time::Instant::now();
    let (_dir, pdf) = build_pdf(&book);
    let elapsed = started.elapsed();
    let pdf = pdf.to_str().unwrap();
    let pages = page_count(pdf);
    eprintln!("fixture: {pages} pages, compiled in {elapsed:.2?}, 0 warnings");
    assert!(pages >= 12, "fixture too short: {pages} pages");

    // 成品尺寸 160mm × 230mm on every page.
    let sizes = page_sizes(pdf, pages);
    assert_eq!(sizes.len(), pages);
    for (i, (w, h)) in sizes.iter().enumerate() {
        assert!(
            (w - mm_to_pt(160.0)).abs() < 0.1,
            "page {} width {w}",
            i + 1
        );
        assert!(
            (h - mm_to_pt(230.0)).abs() < 0.1,
            "page {} height {h}",
            i + 1
        );
    }

    let texts: Vec<String> = (1..=pages).map(|p| page_text(pdf, p)).collect();
    let all = squash(&texts.concat());
    for title in titles(&book) {
        assert!(
            all.contains(&squash(&title)),
            "title {title:?} missing from the PDF"
        );
    }
    for note in note_texts(&book) {
        assert!(
            all.contains(&squash(&note)),
            "note {note:?} missing from the PDF"
        );
    }
    for s in [
        "图书在版编目(CIP)数据",
        "版权所有·侵权必究",
        "锦城大学教授",
        "2008年11月",
        "目录",
    ] {
        assert!(all.contains(&squash(s)), "{s:?} missing");
    }

    // 脚注每页从①起: on every page with notes, the first mark is ①, and it restarts often.
    let mut pages_with_notes = 0;
    for (i, text) in texts.iter().enumerate() {
        if let Some(first) = text.chars().find(|c| CIRCLED.contains(*c)) {
            pages_with_notes += 1;
            assert_eq!(first, '①', "page {} starts its notes at {first}", i + 1);
        }
    }
    assert!(
        pages_with_notes >= 5,
        "only {pages_with_notes} pages carry notes"
    );
    // Page 12 of the fixture (body page 2) holds several notes numbered from ①.
    let busy = texts.iter().filter(|t| t.contains('③')).count();
    assert!(
        busy >= 2,
        "expected pages with three or more notes, got {busy}"
    );

    // Chapters open on recto (odd) pages.
    for (i, text) in texts.iter().enumerate() {
        let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        if first.contains("第一章") || first.contains("第二章") {
            assert_eq!(i % 2, 0, "chapter opening on page {} (verso)", i + 1);
        }
    }
}

#[test]
fn hostile_text_prints_literally() {
    if compiler().is_none() || !poppler() {
        return;
    }
    let book = hostile_book();
    let (_dir, pdf) = build_pdf(&book);
    let pdf = pdf.to_str().unwrap();
    let pages = page_count(pdf);
    for (w, h) in page_sizes(pdf, pages) {
        assert!((w - mm_to_pt(160.0)).abs() < 0.1 && (h - mm_to_pt(230.0)).abs() < 0.1);
    }
    let all = squash(&(1..=pages).map(|p| page_text(pdf, p)).collect::<String>());
    for h in HOSTILE {
        assert!(all.contains(&squash(h)), "{h:?} not printed literally");
        assert!(all.contains(&squash(&format!("{h}.after"))) || all.contains(&squash(h)));
    }
    for note in note_texts(&book) {
        assert!(
            all.contains(&squash(&note)),
            "note {note:?} not printed literally"
        );
    }
    for s in [
        "#题名$x$*书*",
        "=标题#x",
        "http://www.example.com/a?b=1&c=2#frag",
        "[值]",
    ] {
        assert!(all.contains(s), "{s:?} not printed literally");
    }
    // Straight quotes stay straight (not smartened).
    assert!(all.contains("\"straight\"and'single'"));
    // The paragraph's text after the note is kept: `.after` is not read as a field access.
    let afters = all.matches(".after").count();
    assert_eq!(afters, HOSTILE.len());
}

#[test]
fn missing_font_is_an_error_not_a_warning() {
    let Some(compiler) = compiler() else { return };
    let dir = tempfile::tempdir().unwrap();
    let main = dir.path().join("main.typ");
    std::fs::write(&main, "#set text(font: \"No Such Font 42\")\n测试\n").unwrap();
    let problems = compiler
        .compile(&main, &dir.path().join("x.pdf"), &[])
        .unwrap();
    assert!(
        problems.iter().any(|p| p.contains("unknown font family")),
        "{problems:?}"
    );
    let err = paiban::pdf::compile_project(
        dir.path(),
        &dir.path().join("out.pdf"),
        &paiban::pdf::validators_home(),
    )
    .unwrap_err();
    assert!(err.to_string().contains("unknown font family"), "{err}");
    assert!(
        !dir.path().join("out.pdf").exists(),
        "no PDF is left after a warning"
    );
}
