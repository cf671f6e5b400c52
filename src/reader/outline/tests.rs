//! Table tests of the outline pass: manuscript → (line, level) of the headings it places.

use super::*;
use crate::reader::classify::classify;
use crate::reader::lines::split_pages;

/// Runs the pass over `text`; returns (1-based line, level, label, title) per placed heading.
fn placed(text: &str) -> Vec<(usize, u8, String, String)> {
    let paged = split_pages(text);
    let mut kinds: Vec<Kind> = paged.lines.iter().map(|l| classify(l.text)).collect();
    apply(&paged.lines, &mut kinds, &paged.form_feed);
    kinds
        .iter()
        .zip(&paged.lines)
        .filter_map(|(k, l)| match k {
            Kind::Heading {
                level,
                label,
                title,
            } => Some((l.no, *level, label.clone(), title.clone())),
            _ => None,
        })
        .collect()
}

fn h(line: usize, level: u8, label: &str, title: &str) -> (usize, u8, String, String) {
    (line, level, label.into(), title.into())
}

#[test]
fn decimal_outline_with_a_listing_before_it() {
    let text = "Contents\n1 Rivers\n1.1 Springs\n2 Towns\n\n\u{c}1 Rivers\n1.1 Springs\nWater rises from the ground.\n1.2 Brooks\nBrooks join.\n1.2.1 Small brooks\nThey are small.\n\n2 Towns\nTowns grow by rivers. In 2 places\n3 bridges stand.\n2.1 Ferries\nFerries cross.\n";
    assert_eq!(
        placed(text),
        [
            h(6, 1, "1", "Rivers"),
            h(7, 2, "1.1", "Springs"),
            h(9, 2, "1.2", "Brooks"),
            h(11, 3, "1.2.1", "Small brooks"),
            h(14, 1, "2", "Towns"),
            h(17, 2, "2.1", "Ferries"),
        ]
    );
}

#[test]
fn a_number_alone_takes_the_title_below_it() {
    let text = "1 Mills\n\n1.1 The mill\nText.\n\n1.1.1\n\nThe wheel\n\nIt turns.\n\n1.1.2 The race\nWater.\n\n2 Weirs\nStone.\n";
    let got = placed(text);
    assert_eq!(got[2], h(6, 3, "1.1.1", ""), "{got:?}");
    assert_eq!(got.len(), 5, "{got:?}");
}

#[test]
fn lettered_chapters_over_global_question_numbers() {
    let text = "A    关于本书\n1   这是什么？\n\n本书讲河流。\n\n2   为什么写？\n\n因为有趣。\n\nB    基本概念\n3   什么是渡口？\n\n渡口是码头。\n";
    assert_eq!(
        placed(text),
        [
            h(1, 1, "A", "关于本书"),
            h(2, 2, "1", "这是什么？"),
            h(6, 2, "2", "为什么写？"),
            h(10, 1, "B", "基本概念"),
            h(11, 2, "3", "什么是渡口？"),
        ]
    );
}

#[test]
fn parts_restart_their_chapters() {
    let text = "CONTENTS\n\n     Book the First--Upstream\n\n     Chapter I      The Spring\n     Chapter II     The Brook\n\n     Book the Second--Downstream\n\n     Chapter I      The Delta\n\n\nBook the First--Upstream\n\n\nI. The Spring\n\nWater rose.\n\nII. The Brook\n\nIt ran.\n\nBook the Second--Downstream\n\nI. The Delta\n\nIt spread.\n";
    assert_eq!(
        placed(text),
        [
            h(13, 0, "Book the First", "Upstream"),
            h(16, 1, "I.", "The Spring"),
            h(20, 1, "II.", "The Brook"),
            h(24, 0, "Book the Second", "Downstream"),
            h(26, 1, "I.", "The Delta"),
        ]
    );
}

#[test]
fn sentences_and_broken_sequences_stay_text() {
    let text = "1 Rivers\nText.\n\n2 Towns\nThe count was\n3 towns by then.\n\n7 Seas\nMore.\n\n3 Roads\nEnd.\n";
    assert_eq!(
        placed(text),
        [
            h(1, 1, "1", "Rivers"),
            h(4, 1, "2", "Towns"),
            h(11, 1, "3", "Roads")
        ]
    );
}

/// Runs the furniture pass (folios) and the outline pass; returns every line's kind.
fn kinds_after(text: &str) -> (Vec<Kind>, Vec<Decision>) {
    let paged = split_pages(text);
    let mut kinds: Vec<Kind> = paged.lines.iter().map(|l| classify(l.text)).collect();
    crate::reader::furniture::strip(&paged.lines, &paged.form_feed, &mut kinds);
    let decisions = apply(&paged.lines, &mut kinds, &paged.form_feed);
    (kinds, decisions)
}

#[test]
fn running_heads_beside_folios_are_furniture_even_the_first() {
    // Texinfo shape: `N Title` opens a chapter on an odd page under its folio; even pages carry
    // `Chapter N: Title` above their folio. Chapter 1's running head is printed once only.
    let text = "Field Guide\n\u{c}1\n\n1 Rivers\nWater runs down to the sea.\n\u{c}Chapter 1: Rivers\n\n2\n\nMore about water, which is wet.\n\u{c}3\n\n2 Towns\nPeople live in towns.\n\u{c}Chapter 2: Towns\n\n4\n\nTowns grow along the rivers.\n\u{c}5\n\nStreets run between the houses.\n\u{c}Chapter 2: Towns\n\n6\n\nThe towns end at the hills.\n\u{c}7\n\n3 Hills\nHills rise.\n";
    let (kinds, decisions) = kinds_after(text);
    for line in [6, 15, 23] {
        assert_eq!(kinds[line - 1], Kind::Furniture, "line {line}: {kinds:?}");
    }
    let running: Vec<usize> = decisions
        .iter()
        .filter(|d| d.reason.starts_with("a running head"))
        .map(|d| d.line)
        .collect();
    // line 23 repeats a line the furniture pass already took; 6 and 15 are found here
    assert_eq!(running, [6, 15], "{decisions:?}");
    let heads: Vec<(usize, u8)> = kinds
        .iter()
        .enumerate()
        .filter_map(|(i, k)| match k {
            Kind::Heading { level, .. } => Some((i + 1, *level)),
            _ => None,
        })
        .collect();
    assert_eq!(heads, [(4, 1), (13, 1), (30, 1)], "{kinds:?}");
}

#[test]
fn a_heading_beside_a_folio_without_repetition_stays_a_heading() {
    // every chapter opens under its folio, but no running head of this shape recurs
    let text = "Field Guide\n\u{c}1\n\n1 Rivers\nWater runs.\n\u{c}2\n\nMore water.\n\u{c}3\n\n2 Towns\nPeople live.\n\u{c}4\n\nTowns grow.\n\u{c}5\n\n3 Hills\nHills rise.\n";
    let (kinds, decisions) = kinds_after(text);
    assert!(
        decisions
            .iter()
            .all(|d| !d.reason.starts_with("a running head")),
        "{decisions:?}"
    );
    for line in [4, 11, 18] {
        assert!(
            matches!(kinds[line - 1], Kind::Heading { level: 1, .. }),
            "line {line}: {kinds:?}"
        );
    }
}

#[test]
fn a_spelt_chapter_number_takes_the_title_line_below_it() {
    let text = "One\n\nRivers\nWater runs down.\n\nTwo\n\nTowns\nPeople live in them.\n";
    let paged = split_pages(text);
    let mut kinds: Vec<Kind> = paged.lines.iter().map(|l| classify(l.text)).collect();
    apply(&paged.lines, &mut kinds, &paged.form_feed);
    assert_eq!(kinds[2], Kind::HeadingTitle, "{kinds:?}");
    assert_eq!(kinds[7], Kind::HeadingTitle, "{kinds:?}");
    assert!(
        matches!(kinds[0], Kind::Heading { level: 1, .. }),
        "{kinds:?}"
    );
}

#[test]
fn classical_chinese_volumes_ordinal_titles_and_couplets() {
    let text = "卷一\n\n渡口第一\n\n　　河水東流。\n\n橋梁第二\n\n　　有橋。\n\n卷二\n\n第三回\n\n　　王舟子夜渡救人\n　　李書生雨中題壁\n\n　　話說那一夜。\n\n第四回\n\n　　風雨大作\n\n　　是歲大風雨，水漲三日。\n";
    let paged = split_pages(text);
    let mut kinds: Vec<Kind> = paged.lines.iter().map(|l| classify(l.text)).collect();
    apply(&paged.lines, &mut kinds, &paged.form_feed);
    let got: Vec<(usize, String)> = kinds
        .iter()
        .zip(&paged.lines)
        .filter_map(|(k, l)| match k {
            Kind::Heading {
                level,
                label,
                title,
            } => Some((l.no, format!("{level} {label}|{title}"))),
            Kind::HeadingTitle => Some((l.no, "title".into())),
            _ => None,
        })
        .collect();
    let want = [
        (1, "0 卷一|"),
        (3, "1 |渡口第一"),
        (7, "1 |橋梁第二"),
        (11, "0 卷二|"),
        (13, "1 第三回|"),
        (15, "title"),
        (16, "title"),
        (20, "1 第四回|"),
        (22, "title"),
    ];
    let want: Vec<(usize, String)> = want.iter().map(|(l, s)| (*l, s.to_string())).collect();
    assert_eq!(got, want);
}
