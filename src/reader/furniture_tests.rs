//! Table tests for page furniture: page numbers, running heads, page marks.

use super::*;
use crate::reader::{classify::classify, lines::split_pages};

#[test]
fn page_numbers() {
    use NumberStyle::*;
    let n = |s: &str, st| Some((s.to_string(), st));
    let cases = [
        ("17", n("17", Plain)),
        ("   17  ", n("17", Plain)),
        ("· 17 ·", n("17", Dots)),
        ("·17·", n("17", Dots)),
        ("- 17 -", n("17", Dashes)),
        ("— 203 —", n("203", Dashes)),
        ("第 17 页", n("17", Chinese)),
        ("第17頁", n("17", Chinese)),
        ("Ⅲ", n("Ⅲ", Roman)),
        ("iii", n("iii", Roman)),
        ("- iv -", n("iv", Roman)),
        ("14 / 57", n("14", OfTotal)),
        ("3/120", n("3", OfTotal)),
        ("58 / 57", None),
        ("1 / 2 / 3", None),
        ("12345", None),
        ("第一章", None),
        ("I", None),
        ("river", None),
        ("- 17", None),
        ("", None),
    ];
    for (input, want) in cases {
        assert_eq!(page_number(input), want, "{input:?}");
    }
}

#[test]
fn combined_heads() {
    use NumberStyle::*;
    let cases = [
        ("12        城市的河流", Some(("12".to_string(), Plain))),
        ("第一章　緒論　　　　13", Some(("13".to_string(), Plain))),
        ("The River Town    · 4 ·", Some(("4".to_string(), Dots))),
        ("在 2003  年", None),
        ("He said so.    12", None),
        (
            "Debian 新维护者手册              14 / 57",
            Some(("14".to_string(), OfTotal)),
        ),
        // a long head far from its folio (`-layout`); the same head close to a number is text
        (
            "Chapter 7: Building the Mills of the Northern Rivers                    211",
            Some(("211".to_string(), Plain)),
        ),
        (
            "Chapter 7: Building the Mills of the Northern Rivers   211",
            None,
        ),
    ];
    for (input, want) in cases {
        assert_eq!(split_combined(input), want, "{input:?}");
    }
}

/// Runs furniture over a manuscript; returns the kept lines and the printed numbers.
fn kept(text: &str) -> (Vec<String>, Vec<Option<String>>, usize) {
    let paged = split_pages(text);
    let mut kinds: Vec<Kind> = paged.lines.iter().map(|l| classify(l.text)).collect();
    let f = strip(&paged.lines, &paged.form_feed, &mut kinds);
    let lines = paged
        .lines
        .iter()
        .zip(&kinds)
        .filter(|(_, k)| !matches!(k, Kind::Furniture | Kind::Blank))
        .map(|(l, _)| l.text.trim().to_string())
        .collect();
    (lines, f.printed, f.running_heads.0)
}

#[test]
fn running_heads_and_numbers_are_stripped() {
    // (what, manuscript, kept lines, printed numbers, running heads)
    type Case = (
        &'static str,
        &'static str,
        &'static [&'static str],
        &'static [Option<&'static str>],
        usize,
    );
    let cases: &[Case] = &[
        (
            "book title on even pages, chapter title on odd pages, heading kept on its first page",
            "河口小志\n\u{c}第一章　河口\n正文一。\n· 1 ·\n\u{c}河口小志\n正文二。\n· 2 ·\n\u{c}第一章　河口\n正文三。\n· 3 ·\n\u{c}河口小志\n正文四。\n· 4 ·\n",
            &[
                "河口小志",
                "第一章　河口",
                "正文一。",
                "正文二。",
                "正文三。",
                "正文四。",
            ],
            &[None, Some("1"), Some("2"), Some("3"), Some("4")],
            3,
        ),
        (
            "a shortened chapter title at the top of a later page",
            "第一章 河口镇的码头与商路\n正文一。\n\u{c}码头与商路\n正文二。\n\u{c}正文三。\n",
            &[
                "第一章 河口镇的码头与商路",
                "正文一。",
                "正文二。",
                "正文三。",
            ],
            &[None, None, None],
            1,
        ),
        (
            "a year on the title page is not a page number",
            "河口小志\n2008\n\u{c}序\n正文。\n- 1 -\n\u{c}正文。\n- 2 -\n",
            &["河口小志", "2008", "序", "正文。", "正文。"],
            &[None, Some("1"), Some("2")],
            0,
        ),
        (
            "a short line opening two pages is no running head unless it is a title",
            "第一章 河\n小结\n正文。\n\u{c}小结\n正文。\n\u{c}正文。\n",
            &["第一章 河", "小结", "正文。", "小结", "正文。", "正文。"],
            &[None, None, None],
            0,
        ),
        (
            "a line opening three pages is a running head",
            "第一章 河\n正文。\n\u{c}河边\n正文。\n\u{c}河边\n正文。\n\u{c}河边\n正文。\n",
            &["第一章 河", "正文。", "正文。", "正文。", "正文。"],
            &[None, None, None, None],
            3,
        ),
        (
            "a letter alone at page edges is no running head (an appendix letter, a figure part)",
            "Chapter 1 Rivers\nText.\nB\n\u{c}Text.\nB\n\u{c}Text.\nB\n\u{c}C\nCanals\nText.\n",
            &[
                "Chapter 1 Rivers",
                "Text.",
                "B",
                "Text.",
                "B",
                "Text.",
                "B",
                "C",
                "Canals",
                "Text.",
            ],
            &[None, None, None, None],
            0,
        ),
        (
            "a long running head over its folio, at the head of three pages, is a running head",
            "Chapter 1 Rivers\nText.\n\u{c}Notes on the Rivers of the Northern Plain and Their Mills\n11\nText.\n\u{c}Notes on the Rivers of the Northern Plain and Their Mills\n12\nText.\n\u{c}Notes on the Rivers of the Northern Plain and Their Mills\n13\nText.\n",
            &["Chapter 1 Rivers", "Text.", "Text.", "Text.", "Text."],
            &[None, Some("11"), Some("12"), Some("13")],
            3,
        ),
        (
            "a long line opening three pages without folios stays text",
            "Chapter 1 Rivers\nText.\n\u{c}Notes on the Rivers of the Northern Plain and Their Mills\nText.\n\u{c}Notes on the Rivers of the Northern Plain and Their Mills\nText.\n\u{c}Notes on the Rivers of the Northern Plain and Their Mills\nText.\n\u{c}Text.\n",
            &[
                "Chapter 1 Rivers",
                "Text.",
                "Notes on the Rivers of the Northern Plain and Their Mills",
                "Text.",
                "Notes on the Rivers of the Northern Plain and Their Mills",
                "Text.",
                "Notes on the Rivers of the Northern Plain and Their Mills",
                "Text.",
                "Text.",
            ],
            &[None, None, None, None, None],
            0,
        ),
        (
            "too few pages: nothing is touched",
            "第一章\n17\n\u{c}正文。\n",
            &["第一章", "17", "正文。"],
            &[None, None],
            0,
        ),
    ];
    for (what, text, lines, printed, heads) in cases {
        let (got, got_printed, got_heads) = kept(text);
        assert_eq!(got, *lines, "{what}");
        let printed: Vec<Option<String>> = printed.iter().map(|p| p.map(str::to_string)).collect();
        assert_eq!(got_printed, printed, "{what}");
        assert_eq!(got_heads, *heads, "{what}");
    }
}

#[test]
fn a_folio_away_from_the_page_edges_is_found_by_the_page_sequence() {
    // pages 1–6 print their numbers at the foot; page 4's number stands between a label and its
    // title (pdftotext's default mode), page 5's foot holds a code line's number instead
    let mut text = String::from("第一章 河\n正文。\n");
    for p in 1..=6 {
        text.push('\u{c}');
        match p {
            4 => text.push_str("2.1\n\n4\n\n渡口\n正文。\n"),
            5 => text.push_str("5\n正文。\n代码如下：\n17\n"),
            _ => text.push_str(&format!("正文。\n{p}\n")),
        }
    }
    let (lines, printed, _) = kept(&text);
    let printed: Vec<Option<&str>> = printed.iter().map(Option::as_deref).collect();
    assert_eq!(
        printed,
        [
            None,
            Some("1"),
            Some("2"),
            Some("3"),
            Some("4"),
            Some("5"),
            Some("6")
        ]
    );
    assert!(lines.contains(&"17".to_string()), "{lines:?}");
    assert!(!lines.contains(&"4".to_string()), "{lines:?}");
    assert!(!lines.contains(&"5".to_string()), "{lines:?}");
}

#[test]
fn marks_use_printed_numbers() {
    let m = |n: &str, printed| {
        Some(PageMark {
            number: n.into(),
            printed,
        })
    };
    let f = |p: &[Option<&str>]| Furniture {
        printed: p.iter().map(|x| x.map(str::to_string)).collect(),
        ..Furniture::default()
    };
    // (form feeds, printed per page) → marks
    let cases: Vec<(Vec<bool>, Furniture, Vec<Option<PageMark>>)> = vec![
        (
            vec![false, true, true],
            f(&[Some("11"), Some("12"), None]),
            vec![None, m("12", true), m("13", false)],
        ),
        (
            vec![false, true],
            f(&[None, None]),
            vec![None, m("2", false)],
        ),
        (
            vec![false, false, true],
            f(&[Some("iii"), Some("iv")]),
            vec![None, None, m("iv", true)],
        ),
    ];
    for (feeds, fur, want) in cases {
        let pages: Vec<usize> = feeds
            .iter()
            .scan(0, |p, &f| {
                *p += usize::from(f);
                Some(*p)
            })
            .collect();
        assert_eq!(marks(&feeds, &pages, &fur), want, "{feeds:?}");
    }
}

#[test]
fn a_long_running_foot_on_every_page_is_furniture() {
    // `-layout` sets the book's name and its copyright line far apart at every page foot: too
    // long for a running head, but repeated on every page; a long line on two pages stays
    let foot =
        "河口小志 （修订版） v2.1                                  版权所有 ©2001–2009 河口文社";
    let mut text = String::from("第一章 河口\n");
    let other = "这一行很长，只在最后两页的页脚出现                            别处没有 ©2001 河口";
    for p in 1..=8 {
        text.push_str(&format!("正文第{p}页。\n"));
        text.push_str(if p <= 6 { foot } else { other });
        text.push_str("\n\u{c}");
    }
    text.push_str("完。\n");
    let paged = split_pages(&text);
    let mut kinds: Vec<Kind> = paged.lines.iter().map(|l| classify(l.text)).collect();
    strip(&paged.lines, &paged.form_feed, &mut kinds);
    let feet = paged
        .lines
        .iter()
        .zip(&kinds)
        .filter(|(l, _)| l.text == foot)
        .collect::<Vec<_>>();
    assert_eq!(feet.len(), 6);
    assert!(
        feet.iter().all(|(_, k)| **k == Kind::Furniture),
        "{kinds:?}"
    );
    assert!(
        paged
            .lines
            .iter()
            .zip(&kinds)
            .filter(|(l, _)| l.text == other)
            .all(|(_, k)| *k != Kind::Furniture),
        "{kinds:?}"
    );
}
