//! Compiles the fixture books' Typst projects to PDF and checks the printed result
//! (they need Typst and poppler: ignored without `--include-ignored`; a missing tool fails).

use crate::support::typst_fixture::*;
use paiban::model::Book;

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

/// The text of `page` in content order, without `-layout`, which drops a glyph drawn over the
/// previous one's nominal advance, as in a pair of marks compressed together (`》，`, 标点挤压).
fn page_text_raw(pdf: &str, page: usize) -> String {
    let p = page.to_string();
    run("pdftotext", &["-f", &p, "-l", &p, pdf, "-"])
}

/// The first word on a page with its top (pt from the page top) and height, from `pdftotext -bbox`.
fn first_word(pdf: &str, page: usize) -> Option<(String, f64, f64)> {
    let p = page.to_string();
    let html = run("pdftotext", &["-f", &p, "-l", &p, "-bbox", pdf, "-"]);
    let line = html.lines().find(|l| l.trim_start().starts_with("<word"))?;
    let attr = |name: &str| -> Option<f64> {
        let rest = &line[line.find(&format!("{name}=\""))? + name.len() + 2..];
        rest[..rest.find('"')?].parse().ok()
    };
    let y_min = attr("yMin")?;
    let y_max = attr("yMax")?;
    let word = line[line.find('>')? + 1..line.rfind("</word>")?].to_string();
    Some((word, y_min, y_max - y_min))
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
#[ignore = "needs typst and poppler"]
fn fixture_compiles_at_trim_size_with_titles_notes_and_per_page_numbering() {
    compiler();
    poppler();
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
    let all = squash(
        &(1..=pages)
            .map(|p| page_text_raw(pdf, p))
            .collect::<String>(),
    );
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

    // Chapters open on recto (odd) pages, with no running head and folio 1 for the first.
    let first_line = |i: usize| {
        let l = texts[i]
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("");
        squash(l)
    };
    let last_line = |i: usize| {
        let l = texts[i]
            .lines()
            .rfind(|l| !l.trim().is_empty())
            .unwrap_or("");
        squash(l)
    };
    // An opening's first word is its heading, set 18 mm lower than a running head, and large.
    let openings: Vec<usize> = (0..pages)
        .filter(|&i| {
            first_word(pdf, i + 1)
                .is_some_and(|(w, y, h)| w.starts_with('第') && y > 80.0 && h > 12.0)
        })
        .collect();
    assert_eq!(openings.len(), 2, "chapter openings {openings:?}");
    for &i in &openings {
        assert_eq!(i % 2, 0, "chapter opening on page {} (verso)", i + 1);
    }
    let ch1 = openings[0];
    assert_eq!(last_line(ch1), "1", "body folios start at 1");
    // 书眉: the book title on the verso, the chapter title on the recto.
    assert_eq!(first_line(ch1 + 1), squash(&book.meta.title));
    assert_eq!(first_line(ch1 + 2), "第一章导论");
    assert_eq!(last_line(ch1 + 2), "3");
    // Front matter: roman folios; the preface (序) opens on a recto with its own number.
    let preface = (0..ch1)
        .find(|&i| first_line(i) == "序")
        .expect("preface page");
    assert_eq!(preface % 2, 0, "preface on a verso");
    let roman = [
        "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi",
    ];
    assert_eq!(last_line(preface), roman[preface]);
    // Display pages (half-title, title, copyright) carry no folio.
    assert_eq!(last_line(0), squash(&book.meta.title));
    assert!(texts[3].contains("版权所有"), "copyright page is page 4");
    assert_eq!(last_line(3), "版权所有·侵权必究");
}

#[test]
#[ignore = "needs typst and poppler"]
fn hostile_text_prints_literally() {
    compiler();
    poppler();
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
#[ignore = "needs typst"]
fn missing_font_is_an_error_not_a_warning() {
    let compiler = compiler();
    let dir = tempfile::tempdir().unwrap();
    let main = dir.path().join("main.typ");
    std::fs::write(&main, "#set text(font: \"No Such Font 42\")\n测试\n").unwrap();
    let problems = compiler
        .compile(&main, &dir.path().join("x.pdf"), &[], None)
        .unwrap();
    assert!(
        problems.iter().any(|p| p.contains("unknown font family")),
        "{problems:?}"
    );
    let out = dir.path().join("out.pdf");
    let err = paiban::pdf::compile_project(dir.path(), &out, &pdf_options()).unwrap_err();
    assert!(err.to_string().contains("unknown font family"), "{err}");
    assert!(
        !dir.path().join("out.pdf").exists(),
        "no PDF is left after a warning"
    );
}

#[test]
#[ignore = "needs typst and poppler"]
fn bleed_enlarges_the_page_on_every_side() {
    compiler();
    poppler();
    let opts = paiban::writer::typst::TypstOptions {
        bleed_mm: 3.0,
        ..Default::default()
    };
    let (_dir, pdf) = build_pdf_with(&hostile_book(), &opts);
    let pdf = pdf.to_str().unwrap();
    let (w, h) = page_sizes(pdf, 1)[0];
    assert!((w - mm_to_pt(166.0)).abs() < 0.1, "width {w}");
    assert!((h - mm_to_pt(236.0)).abs() < 0.1, "height {h}");
}

#[test]
#[ignore = "needs typst"]
fn same_project_and_timestamp_give_identical_pdfs() {
    compiler();
    let book = hostile_book();
    let (_a, pa) = build_pdf(&book);
    let (_b, pb) = build_pdf(&book);
    let (a, b) = (std::fs::read(&pa).unwrap(), std::fs::read(&pb).unwrap());
    assert!(a.starts_with(b"%PDF-"));
    assert!(a == b, "PDFs differ ({} vs {} bytes)", a.len(), b.len());
}

#[test]
#[ignore = "needs typst and poppler"]
fn edge_books_compile_without_warnings() {
    use paiban::model::{Book, DivisionKind, Metadata};
    compiler();
    poppler();
    let mut b = Builder::new();
    let n = b.note("只有一条注释");
    // A chapter with no title line and no label, holding only a note.
    let mut untitled = division(DivisionKind::Chapter, "c", None, vec![]);
    untitled.blocks.push(b.para(vec![n]));
    let mut part = division(DivisionKind::Part, "p", Some("第一编"), vec![t("编名")]);
    part.children.push(untitled.clone());
    let english = Metadata {
        language: paiban::model::LanguageTag::known("en"),
        title: "An English Book".into(),
        ..Metadata::default()
    };
    let cases: Vec<(Book, &[&str])> = vec![
        (Book::default(), &[]),
        (
            Book {
                body: vec![untitled],
                notes: b.notes.clone(),
                ..Book::default()
            },
            &["目录", "只有一条注释"],
        ),
        (
            Book {
                meta: english,
                body: vec![part],
                notes: b.notes.clone(),
                ..Book::default()
            },
            &["AnEnglishBook", "Contents", "第一编编名", "只有一条注释"],
        ),
    ];
    for (i, (book, want)) in cases.iter().enumerate() {
        let (_dir, pdf) = build_pdf(book);
        let pdf = pdf.to_str().unwrap();
        let pages = page_count(pdf);
        let texts: Vec<String> = (1..=pages).map(|p| page_text(pdf, p)).collect();
        let all = squash(&texts.concat());
        for w in *want {
            assert!(all.contains(w), "case {i}: {w:?} missing");
        }
        // The untitled chapter adds no empty line to the contents: one leader line per entry.
        let leaders = texts
            .iter()
            .flat_map(|t| t.lines())
            .filter(|l| l.contains(". . ."))
            .count();
        assert_eq!(leaders, usize::from(i == 2), "case {i}: contents lines");
    }
}
