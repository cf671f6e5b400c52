//! Tests of the generator: ISBN check digits, per-page note numbering, size, determinism.

use crate::generator::manuscript::circled;
use crate::generator::{Params, chinese_number, generate, isbn13_check};

fn book(chars: usize, seed: u64) -> crate::generator::Generated {
    generate(Params { chars, seed })
}

#[test]
fn isbn_check_digits() {
    let cases = [
        ("978030640615", 7),
        ("978316148410", 0),
        ("978186197876", 9),
        ("978711111111", 5),
    ];
    for (first12, want) in cases {
        assert_eq!(isbn13_check(first12), want, "{first12}");
    }
}

#[test]
fn generated_isbns_are_valid_and_printed_in_the_cip_block() {
    for seed in 0..20 {
        let g = book(20_000, seed);
        assert_eq!(g.isbn.len(), 13, "{}", g.isbn);
        assert_eq!(
            isbn13_check(&g.isbn[..12]),
            g.isbn[12..].parse::<u32>().unwrap(),
            "seed {seed}: {}",
            g.isbn
        );
        let cip = g.manuscript.find("图书在版编目(CIP)数据").unwrap();
        let isbn_line = g.manuscript[cip..]
            .lines()
            .find(|l| l.starts_with("ISBN "))
            .unwrap();
        assert_eq!(isbn_line[5..].replace('-', ""), g.isbn);
    }
}

#[test]
fn chinese_numerals() {
    let cases = [
        (1, "一"),
        (10, "十"),
        (12, "十二"),
        (20, "二十"),
        (99, "九十九"),
        (100, "一百"),
        (103, "一百零三"),
        (110, "一百一十"),
        (125, "一百二十五"),
    ];
    for (n, want) in cases {
        assert_eq!(chinese_number(n), want, "{n}");
    }
}

/// Every run of note lines numbers ①, ②, … and matches the markers printed since the last run.
#[test]
fn note_numbering_restarts_on_every_page() {
    let g = book(250_000, 7);
    let mut markers: Vec<char> = Vec::new();
    let mut run: Vec<char> = Vec::new();
    let mut runs = 0;
    let mut restarts = 0;
    let mut check_run = |markers: &mut Vec<char>, run: &mut Vec<char>| {
        if run.is_empty() {
            return;
        }
        let want: Vec<char> = (1..=run.len()).map(circled).collect();
        assert_eq!(*run, want, "note lines must count from ① on each page");
        assert_eq!(*markers, want, "markers in the text must match the notes");
        runs += 1;
        markers.clear();
        run.clear();
    };
    for line in g.manuscript.lines().filter(|l| !l.is_empty()) {
        let mut cs = line.chars();
        if let (Some('^'), Some(c)) = (cs.next(), cs.next()) {
            run.push(c);
            continue;
        }
        check_run(&mut markers, &mut run);
        let mut prev = ' ';
        for c in line.chars() {
            if prev == '^' {
                if c == '①' {
                    restarts += 1;
                }
                markers.push(c);
            }
            prev = c;
        }
    }
    check_run(&mut markers, &mut run);
    assert!(markers.is_empty(), "markers without notes: {markers:?}");
    assert!(runs > 50, "only {runs} pages with notes");
    assert!(restarts >= runs, "① must open every page's notes");
    assert_eq!(
        g.markdown.matches("]: ").count(),
        g.notes,
        "markdown definitions"
    );
}

#[test]
fn size_is_within_five_percent() {
    for n in [30_000, 250_000] {
        let g = book(n, 3);
        let got = g.manuscript.chars().count();
        let off = got.abs_diff(n) as f64 / n as f64;
        assert!(off <= 0.05, "asked {n}, got {got} ({:.1}%)", off * 100.0);
    }
}

#[test]
fn same_seed_same_book_other_seed_other_book() {
    let a = book(40_000, 11);
    let b = book(40_000, 11);
    let c = book(40_000, 12);
    assert_eq!(a.manuscript, b.manuscript);
    assert_eq!(a.markdown, b.markdown);
    assert_ne!(a.manuscript, c.manuscript);
}

#[test]
fn pages_split_paragraphs_and_contents_lists_every_chapter() {
    let g = book(250_000, 5);
    let text = &g.manuscript;
    let body = &text[text.find("\n第一章\n").unwrap()..];
    let labels = body
        .lines()
        .filter(|l| l.starts_with('第') && l.ends_with('章'))
        .count();
    assert_eq!(labels, g.chapters);
    let split = body
        .lines()
        .filter(|l| l.chars().count() > 40 && !l.starts_with('^'))
        .filter(|l| !matches!(l.chars().last(), Some('。' | '”' | '！' | '？')))
        .count();
    assert!(
        split > g.pages / 2,
        "{split} split lines for {} pages",
        g.pages
    );
    let toc = &text[text.find("目 录\n").unwrap()..text.find("\n第一章\n").unwrap()];
    let entries = toc.lines().filter(|l| l.contains('\t')).count();
    let sections = body.lines().filter(|l| l.starts_with('（')).count();
    assert_eq!(
        entries,
        g.chapters + sections + 1,
        "chapters + sections + 后记"
    );
    assert!(g.markdown.starts_with("---\ntitle: "));
    assert_eq!(g.markdown.matches("\n# 第").count(), g.chapters);
}
