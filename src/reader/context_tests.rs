//! Table tests of the context pass ([`super`]): lines with their kinds → the kinds context
//! gives them.

use super::super::classify::classify;
use super::*;

/// Classifies and applies context; returns each line's kind name.
fn run(text: &str) -> Vec<String> {
    let lines = super::super::lines::split(text);
    let mut kinds: Vec<Kind> = lines.iter().map(|l| classify(l.text)).collect();
    contents_regions(&lines, &mut kinds, &[]);
    apply(&lines, &mut kinds);
    kinds
        .iter()
        .map(|k| {
            let s = format!("{k:?}");
            s.split([' ', '{']).next().unwrap_or("").to_string()
        })
        .collect()
}

#[test]
fn contents_end_where_prose_begins() {
    let cases: &[(&str, &str, usize)] = &[
        (
            "entries with page numbers, then prose",
            "目录\n1 河流 . . . . 3\n1.1 源头 . . . . 4\n\n本章讲的是一条很长很长的河流从山里流出来以后怎样穿过平原流进大海的故事，以及沿岸的城镇。\n它有很多支流。\n",
            4,
        ),
        (
            "a wrapped entry and entries without page numbers",
            "Contents\nChapter I  The Spring\nChapter II  A Long Title That Wraps\n    Onto a Second Line . . . 9\nThe water rose from under the old stones and ran down the hill to the mill.\nNobody knew where it came from, and nobody asked the miller about it.\n",
            4,
        ),
        (
            "nothing but entries",
            "目录\n第一章 河\t1\n第二章 山\t9\n",
            4,
        ),
    ];
    for (what, text, want) in cases {
        let lines = super::super::lines::split(text);
        let kinds: Vec<Kind> = lines.iter().map(|l| classify(l.text)).collect();
        assert_eq!(entries_end(&lines, &kinds, &[], 0), *want, "{what}");
    }
}

#[test]
fn contents_end_where_the_body_prints_an_entry_again() {
    let text = "目录\n1 河流 . . . 1\n2 山 . . . 9\n3 未完\n\n1   河流\n\n正文。";
    let lines = super::super::lines::split(text);
    let kinds: Vec<Kind> = lines.iter().map(|l| classify(l.text)).collect();
    assert_eq!(entry_repeated(&lines, &kinds, 0, lines.len()), 5);
}

#[test]
fn contents_end_where_the_pages_stop_rising() {
    let cases: &[(&str, &str, usize)] = &[
        (
            "pages on their own lines, then the body's first chapter number",
            "目录\n1 河流\n\n1\n\n附录 A 源\n\n46\n\n1\n\n河流\n\n1.1 源头\n",
            9,
        ),
        (
            "a decimal label alone is no page number",
            "目录\n1 河流\n\n41\n\n5.1.2\n\n6 山\n\n42",
            10,
        ),
        (
            "a chapter number alone above its entry is no fall",
            "Contents\n1 Rivers . . . 1\n12 Dams . . . 30\n3\nMills . . . 40",
            5,
        ),
        (
            "pages that keep rising",
            "目录\n第一章 河\t1\n第二章 山\t9",
            3,
        ),
    ];
    for (what, text, want) in cases {
        let lines = super::super::lines::split(text);
        let kinds: Vec<Kind> = lines.iter().map(|l| classify(l.text)).collect();
        assert_eq!(
            pages_fall(&lines, &kinds, &[], 0, lines.len()),
            *want,
            "{what}"
        );
    }
}

#[test]
fn context_rules() {
    let cases: &[(&str, &str, &[&str])] = &[
        (
            "title page, then preface with signature and date",
            "书名\n序\n正文。\n某大学教授 王五\n2001年1月",
            &["FrontMatterLine", "Matter", "Text", "Signature", "Dateline"],
        ),
        (
            "signature needs a finished paragraph before it",
            "序\n正文未完\n某大学教授 王五\n2001年1月",
            &["Matter", "Text", "Text", "Dateline"],
        ),
        (
            "no signature in a chapter",
            "第一章 河\n正文。\n某大学教授 王五\n2001年1月",
            &["Chapter", "Text", "Text", "Dateline"],
        ),
        (
            "kicker above the abstract",
            "序\n正文。\n书名^①\n内容提要\n提要正文。",
            &["Matter", "Text", "Kicker", "Matter", "Text"],
        ),
        (
            "signature without a date, before a kicker",
            "序\n正文。\n某大学教授 王五\n书名^①\n内容提要\n提要。",
            &["Matter", "Text", "Signature", "Kicker", "Matter", "Text"],
        ),
        (
            "an unfinished paragraph line is no kicker",
            "序\n这一段正文在这里没有写完，而是\n继续\n内容提要",
            &["Matter", "Text", "Text", "Matter"],
        ),
        (
            "contents with page numbers, then the body",
            "目 录\n第一章 河\t1\n后记.....\t9\n第一章\n河\n正文。",
            &[
                "Matter",
                "ContentsLine",
                "ContentsLine",
                "ChapterLabel",
                "HeadingTitle",
                "Text",
            ],
        ),
        (
            "long entries with roman pages after leaders stay in the contents",
            "Contents\n\nPreface                                                                          vii\n   A word on the rivers of the plain . . . . . . . . . . . . . . . . . . . . . .   ix\n1 Rivers . . . . . . . 1\nThe river rose in the hills and ran down to the sea past the mill.\nIt was a long river.",
            &[
                "Matter",
                "Blank",
                "ContentsLine",
                "ContentsLine",
                "ContentsLine",
                "Text",
                "Text",
            ],
        ),
        (
            "a précis under an entry, then entries again",
            "Contents\n2 Mills . . . . . . 9\n   Of wheels, of water and of the millers who kept them turning all year.\n   And of the mice.\n   2.1 Wheels . . . . . . 9\nThe mill stood at the bend of the river where the water ran fastest of all.\nNobody remembers who built it.",
            &[
                "Matter",
                "ContentsLine",
                "ContentsLine",
                "ContentsLine",
                "ContentsLine",
                "Text",
                "Text",
            ],
        ),
        (
            "a chapter titled like a matter heading keeps it as its title",
            "第一章\n绪论\n正文。",
            &["ChapterLabel", "HeadingTitle", "Text"],
        ),
        (
            "a wrapped contents entry is not the body",
            "目录\n（一）很长的一个\n小节标题\t3\n第一章\n河\n正文。",
            &[
                "Matter",
                "ContentsLine",
                "ContentsLine",
                "ChapterLabel",
                "HeadingTitle",
                "Text",
            ],
        ),
        (
            "contents without page numbers end at the repeated label",
            "目录\n第一章 河\n第二章 山\n第一章 河\n正文。",
            &["Matter", "ContentsLine", "ContentsLine", "Chapter", "Text"],
        ),
        (
            "contents without page numbers starting with matter",
            "目录\n序\n第一章 河\n序\n正文。",
            &["Matter", "ContentsLine", "ContentsLine", "Matter", "Text"],
        ),
        (
            "chapter label followed by a sentence has no title",
            "第一章\n这是正文。",
            &["ChapterLabel", "Text"],
        ),
    ];
    for (what, input, want) in cases {
        assert_eq!(&run(input), want, "{what}");
    }
}

#[test]
fn a_two_column_contents_page_ends_with_its_page() {
    // the extractor read the right column (chapter 3, pages 40 on) before the rest of the left
    // one (chapter 2, page 12): the pages fall on the same page and rise again; the body's
    // page opens with a heading and no entry page
    let text = "Contents\n1 Rivers . . . . 1\n1.1 Springs . . . 2\n3 Hills\n40\n3.1 Ridges . . . 41\n2 Plains\n12\n2.1 Fields . . . .\n13\n\n1\n\u{c}1 Rivers\nThe river rises in the hills above the town and runs to the sea through the fields.\nIt floods in spring, when the snow melts on the ridges and the mills stop turning.\n";
    let paged = super::super::lines::split_pages(text);
    let lines = &paged.lines;
    let kinds: Vec<Kind> = lines.iter().map(|l| classify(l.text)).collect();
    let feed_at = paged
        .form_feed
        .iter()
        .position(|&f| f)
        .expect("a page break");
    assert_eq!(lines[feed_at].text, "1 Rivers");
    let ff = &paged.form_feed;
    assert_eq!(entries_end(lines, &kinds, ff, 0), feed_at, "the body page");
    // the column's fall (to 12) is no end; the page's own folio (1) is
    assert_eq!(
        pages_fall(lines, &kinds, ff, 0, lines.len()),
        11,
        "a column"
    );
    assert_eq!(lines[11].text, "1");
    // without pages the column's fall ends the contents
    assert_eq!(pages_fall(lines, &kinds, &[], 0, lines.len()), 7);
}
