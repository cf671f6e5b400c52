//! Table tests for paragraph layout: indents, hard wraps, block quotations.

use super::*;
use crate::reader::{classify::classify, lines::split_pages};

/// Per line: (kind name, hint) for a manuscript.
fn run(text: &str) -> Vec<(String, Option<bool>)> {
    let paged = split_pages(text);
    let mut kinds: Vec<Kind> = paged.lines.iter().map(|l| classify(l.text)).collect();
    let layout = analyse(&paged.lines, &paged.form_feed, &mut kinds);
    kinds
        .iter()
        .zip(&layout.hints)
        .map(|(k, h)| {
            let s = format!("{k:?}");
            (s.split([' ', '{']).next().unwrap_or("").to_string(), *h)
        })
        .collect()
}

/// (what, manuscript, per line (kind name, hint)).
type LayoutCase = (&'static str, &'static str, Vec<(String, Option<bool>)>);

#[test]
fn layouts() {
    let t = |h| ("Text".to_string(), h);
    let q = |h| ("Quote".to_string(), h);
    let b = ("Blank".to_string(), None);
    // (what, manuscript, per line (kind, hint))
    let cases: Vec<LayoutCase> = vec![
        (
            "indent-only paragraphs: a flush line continues, an indented one starts anew",
            "　　河口镇在江边。镇上有一条\n老街，街上有许多店铺。\n　　第二段从这里开始，\n说的是码头。\n　　第三段。",
            vec![
                t(None),
                t(Some(true)),
                t(Some(false)),
                t(Some(true)),
                t(Some(false)),
            ],
        ),
        (
            "a quotation indented deeper on every line",
            "    The town grew along the\nriver bank.\n        Quoted words run on\n        over two lines.\n    Next paragraph\nends here.",
            vec![
                t(None),
                t(Some(true)),
                q(None),
                q(Some(true)),
                t(None),
                t(Some(true)),
            ],
        ),
        (
            "hard-wrapped paragraphs separated by blank lines",
            "The river town lay low along the bank, and the\nmill stood at its end and the road ran past it\nto the ford.\n\nA second paragraph began with a long line here\nand went on for one more full line of its text\nand ended.\nShort one.\nAnother short one.",
            vec![
                t(None),
                t(Some(true)),
                t(Some(true)),
                b.clone(),
                t(None),
                t(Some(true)),
                t(Some(true)),
                t(Some(false)),
                t(Some(false)),
            ],
        ),
        (
            "one long line per paragraph, no blank lines: no hints",
            "河口镇位于两条河流交汇之处，自古就是商旅往来的要道，镇上的码头、集市和学校都有很长的历史，老人们至今还记得当年的热闹景象。\n第二段很短。\n第三段也是一整行，说的是镇上的学校怎样从一间祠堂发展成为一所有上千名学生的中学，其间经历了许多曲折。\n第四段。",
            vec![t(None), t(None), t(None), t(None)],
        ),
        (
            "indented one-line paragraphs with a stray flush line: no indent convention",
            "　　第一段。\n　　第二段。\n　　第三段。\n　　第四段。\n　　第五段。\n某某\n　　第六段。",
            vec![
                t(None),
                t(None),
                t(None),
                t(None),
                t(None),
                t(None),
                t(None),
            ],
        ),
        (
            "one line per paragraph (the seed's convention): no hints",
            "第一段。\n\n第二段。\n\n第三段未完\n\n续。",
            vec![
                t(None),
                b.clone(),
                t(None),
                b.clone(),
                t(None),
                b.clone(),
                t(None),
            ],
        ),
        (
            "a page break between lines is no paragraph gap",
            "　　河口镇在江边。镇上有一条\n老街。\n　　第二段从这里开始，\n\n\u{c}说的是码头。",
            vec![
                t(None),
                t(Some(true)),
                t(Some(false)),
                b.clone(),
                t(Some(true)),
            ],
        ),
    ];
    for (what, text, want) in cases {
        assert_eq!(run(text), want, "{what}");
    }
}

#[test]
fn hard_wraps() {
    // sorted widths → hard-wrapped
    let cases: &[(&[usize], bool)] = &[
        (&[20, 30, 64, 64, 66, 66, 68], true),
        (&[10, 64, 64, 64], true),
        (&[10, 10, 12, 12, 12, 12], false),
        (&[12, 40, 80, 130, 180, 260], false),
        (&[10, 20, 30, 40, 50, 60, 70, 80, 90, 100], false),
        (&[], false),
    ];
    for (widths, want) in cases {
        assert_eq!(hard_wrapped(widths), *want, "{widths:?}");
    }
}

#[test]
fn indents() {
    let cases = [
        ("　　甲", 4),
        ("    a", 4),
        ("\tx", 4),
        ("x", 0),
        (" 　y", 3),
    ];
    for (input, want) in cases {
        assert_eq!(indent(input), want, "{input:?}");
    }
}

#[test]
fn width_counts_columns_as_unicode_width_does() {
    let cases = [
        ("  A plain line of prose.  ", 22),
        ("汉字 and Latin", 14),
        ("ｆｕｌｌ", 8),
        ("“quoted”", 10),
        ("", 0),
        ("~!@#$%^&*()_+{}|:<>?", 20),
    ];
    for (text, want) in cases {
        assert_eq!(width(text), want, "{text:?}");
    }
    // control characters go to unicode-width's own rules
    for text in cases
        .map(|(t, _)| t)
        .into_iter()
        .chain(["tab\there", "bell\u{7}", "del\u{7f}"])
    {
        assert_eq!(
            width(text),
            unicode_width::UnicodeWidthStr::width_cjk(text.trim()),
            "{text:?}"
        );
    }
}
