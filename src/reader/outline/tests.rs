//! Table tests of the outline pass: manuscript → (line, level) of the headings it places.

use super::*;
use crate::reader::classify::classify;
use crate::reader::lines::split_pages;

/// Runs the pass over `text`; returns (1-based line, level, label, title) per placed heading.
fn placed(text: &str) -> Vec<(usize, u8, String, String)> {
    let paged = split_pages(text);
    let mut kinds: Vec<Kind> = paged.lines.iter().map(|l| classify(l.text)).collect();
    apply(&paged.lines, &mut kinds, &paged.form_feed, &[]);
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
    let decisions = apply(&paged.lines, &mut kinds, &paged.form_feed, &[]);
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
    apply(&paged.lines, &mut kinds, &paged.form_feed, &[]);
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
    apply(&paged.lines, &mut kinds, &paged.form_feed, &[]);
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

#[test]
fn running_heads_at_the_page_head_with_the_folio_at_the_foot_are_furniture() {
    // LaTeX book shape in `-layout` text: odd pages carry `N.M. Title` at their head, the folio
    // at their foot; the section heading `N.M Title` is printed once, in the body. The page
    // where section 1.3 opens carries its own title as running head above the heading.
    let text = "\u{c}1 Rivers\n\n1.1 Springs\n\nWater rises from the ground.\n\n- 1 -\n\u{c}                    1.1. Springs\n\nSprings feed the brooks.\n\n- 2 -\n\u{c}                    1.1. Springs\n\nThe water is cold.\n\n1.2 Brooks\n\nBrooks join.\n\n- 3 -\n\u{c}                    1.2. Brooks\n\nThey run downhill.\n\n- 4 -\n\u{c}                    1.3. Ponds\n\n1.3 Ponds\n\nPonds are still.\n\n- 5 -\n\u{c}                    1.3. Ponds\n\nFrogs live there.\n\n- 6 -\n\u{c}2 Towns\n\n2.1 Markets\n\nPeople trade.\n\n- 7 -\n";
    let (kinds, decisions) = kinds_after(text);
    let running: Vec<usize> = decisions
        .iter()
        .filter(|d| d.reason.starts_with("a running head"))
        .map(|d| d.line)
        .collect();
    // line 27 names the heading printed below it
    assert_eq!(running, [8, 13, 22, 27, 34], "{decisions:?}");
    assert!(
        decisions
            .iter()
            .any(|d| d.line == 27 && d.reason.contains("printed below it")),
        "{decisions:?}"
    );
    for line in [8, 13, 22, 27, 34] {
        assert_eq!(kinds[line - 1], Kind::Furniture, "line {line}: {kinds:?}");
    }
    let heads: Vec<(usize, u8)> = kinds
        .iter()
        .enumerate()
        .filter_map(|(i, k)| match k {
            Kind::Heading { level, .. } => Some((i + 1, *level)),
            _ => None,
        })
        .collect();
    assert_eq!(
        heads,
        [(1, 1), (3, 2), (17, 2), (29, 2), (39, 1), (41, 2)],
        "{kinds:?}"
    );
}

#[test]
fn a_lone_number_inside_a_chapter_is_no_heading() {
    // a table cell `1 …` or `A …` once in a chapter does not open a sequence of its own, and
    // `N.M` sections keep their place when such a line stands before them
    let text = "One\n\nRivers\n\n1.1 Springs\n\nWater rises.\n\n1 Spring water\n\nA    Cold  Warm\n\n1.2 Brooks\n\nBrooks join.\n\nTwo\n\nTowns\n\n2.1 Markets\n\nPeople trade.\n\n2.2 Streets\n\nThey run.\n";
    let got = placed(text);
    let labels: Vec<&str> = got.iter().map(|h| h.2.as_str()).collect();
    assert_eq!(
        labels,
        ["One", "1.1", "1.2", "Two", "2.1", "2.2"],
        "{got:?}"
    );
    assert!(
        got.iter().all(|h| h.2.contains('.') == (h.1 == 2)),
        "{got:?}"
    );
}

#[test]
fn appendix_letters_follow_the_chapters_with_their_lettered_sections() {
    // chapters spelt out, appendices a letter alone with the title below, sections `A.1`
    let text = "One\n\nRivers\n\n1.1 Springs\n\nWater rises.\n\n1.2 Brooks\n\nBrooks join.\n\nTwo\n\nTowns\n\n2.1 Markets\n\nPeople trade.\n\n2.2 Streets\n\nThey run.\n\nA\n\nTables\n\nA.1 Depths\n\nNumbers.\n\nA.2 Widths\n\nMore numbers.\n\nB\n\nMaps\n\nB.1 Old maps\n\nDrawn by hand.\n";
    let got = placed(text);
    let labels: Vec<(&str, u8)> = got.iter().map(|h| (h.2.as_str(), h.1)).collect();
    assert_eq!(
        labels,
        [
            ("One", 1),
            ("1.1", 2),
            ("1.2", 2),
            ("Two", 1),
            ("2.1", 2),
            ("2.2", 2),
            ("A", 1),
            ("A.1", 2),
            ("A.2", 2),
            ("B", 1),
            ("B.1", 2)
        ],
        "{got:?}"
    );
}

#[test]
fn a_run_on_heading_that_fills_its_sequence_gap() {
    // 1.1.3 follows a sentence ending in a note call (`sea.4`): no isolation, but it is the
    // one number missing between 1.1.2 and 1.1.4; the run-on 1.1.9 fills no gap
    let text = "1 Rivers\nText.\n\n1.1 Springs\nText.\n\n1.1.1 Wells\nText.\n\n1.1.2 Pools\nThe water runs to the sea.4\n1.1.3 Ponds\nPonds are still.\n\n1.1.4 Lakes\nText.\n\n1.1.5 Seas\nSeas are wide and the path runs\n1.1.9 metres along them.\n\n2 Hills\nText.\n";
    let got = placed(text);
    assert!(got.contains(&h(12, 3, "1.1.3", "Ponds")), "{got:?}");
    assert!(got.contains(&h(15, 3, "1.1.4", "Lakes")), "{got:?}");
    assert!(!got.iter().any(|g| g.0 == 20), "{got:?}");
}

/// Runs the pass with one printed contents on the lines before index `end`; returns (1-based
/// line, level, label) per placed heading.
fn placed_with(text: &str, entries: &[ContentsEntry], end: usize) -> Vec<(usize, u8, String)> {
    let paged = split_pages(text);
    let mut kinds: Vec<Kind> = paged.lines.iter().map(|l| classify(l.text)).collect();
    for k in kinds.iter_mut().take(end) {
        *k = Kind::ContentsLine;
    }
    apply(
        &paged.lines,
        &mut kinds,
        &paged.form_feed,
        &[(end, entries)],
    );
    kinds
        .iter()
        .zip(&paged.lines)
        .filter_map(|(k, l)| match k {
            Kind::Heading { level, label, .. } => Some((l.no, *level, label.clone())),
            _ => None,
        })
        .collect()
}

fn entry(level: u8, label: &str, title: &str, line: usize) -> ContentsEntry {
    ContentsEntry {
        level,
        label: Some(label.to_string()),
        title: title.to_string(),
        page: None,
        line,
        target: None,
    }
}

#[test]
fn a_folio_between_a_sections_number_and_its_title_is_furniture() {
    // default pdftotext: the page head's folio lands between `2.2` and its title
    let text = "1 河流\n\n1.1 源头\n\n水从山里来。\n\n1.2\n\n14\n\n支流\n\n小河汇入大河。\n\n2 城镇\n\n2.1\n\n渡口\n\n人们过河。\n\n2.2\n\n15\n\n集市\n\n人们买卖。\n";
    let (kinds, decisions) = kinds_after(text);
    let heads: Vec<(usize, u8)> = kinds
        .iter()
        .enumerate()
        .filter_map(|(i, k)| match k {
            Kind::Heading { level, .. } => Some((i + 1, *level)),
            _ => None,
        })
        .collect();
    assert_eq!(
        heads,
        [(1, 1), (3, 2), (7, 2), (15, 1), (17, 2), (23, 2)],
        "{decisions:?}"
    );
    for (folio, title) in [(9, 11), (25, 27)] {
        assert_eq!(kinds[folio - 1], Kind::Furniture, "line {folio}: {kinds:?}");
        assert_eq!(
            kinds[title - 1],
            Kind::HeadingTitle,
            "line {title}: {kinds:?}"
        );
    }
    assert!(
        decisions
            .iter()
            .any(|d| d.line == 9 && d.reason.contains("page number between")),
        "{decisions:?}"
    );
}

#[test]
fn the_printed_contents_anchors_its_numbering() {
    // the contents lists chapters 1–3 and sections 1.1–1.5; the body numbers its steps `1`,
    // `2` inside chapter 1, prints a folio `39` over a command line where chapter 2's pages
    // run, and sections 1.2 and 1.3 whose titles the contents pairs the other way round (a
    // contents read out of order)
    let text = "目录\n1 安装\n1.1 下载\n1.2 卸载\n1.3 升级\n1.4 配置\n1.5 测试\n2 编辑器\n3 平台\n\n1\n\n安装\n\n1.1 下载\n\n先下载文件。\n\n1 Open the folder\n\n2 Copy the files\n\n1.2 升级\n\n再升级。\n\n1.3 卸载\n\n然后卸载。\n\n1.4 配置\n\n改设置。\n\n1.5 测试\n\n试一试。\n\n2\n\n编辑器\n\n介绍编辑器。\n\n39\n\nsudo apt install editor\n\n即可安装。\n\n40\n\nMore editors\n\n完毕。\n\n3\n\n平台\n\n在线平台。\n";
    let entries = [
        entry(1, "1", "安装", 2),
        entry(2, "1.1", "下载", 3),
        entry(2, "1.2", "卸载", 4),
        entry(2, "1.3", "升级", 5),
        entry(2, "1.4", "配置", 6),
        entry(2, "1.5", "测试", 7),
        entry(1, "2", "编辑器", 8),
        entry(1, "3", "平台", 9),
    ];
    let got = placed_with(text, &entries, 9);
    let labels: Vec<(&str, u8)> = got.iter().map(|h| (h.2.as_str(), h.1)).collect();
    assert_eq!(
        labels,
        [
            ("1", 1),
            ("1.1", 2),
            ("1.2", 2),
            ("1.3", 2),
            ("1.4", 2),
            ("1.5", 2),
            ("2", 1),
            ("3", 1)
        ],
        "{got:?}"
    );
}

#[test]
fn decimal_sections_under_ordinal_chapters() {
    // `第 N 节` chapters with `N.M` sections and no `N` line: a label alone over its title, a
    // short title a paragraph follows directly, a title printed above its label, a listing's
    // line numbers (`45 …`) inside the chapter, a chapter run on from an example's last line
    let text = "第 1 节 河流\n\n河从山里来。\n\n1.1\n\n源头\n\n泉水涌出。\n\n1.2\n\n支流\n小河汇入大河，水越来越多，一直流到海里。\n\n第 2 节 城镇\n\n镇在河边。\n\n45 〈*town〉\n\n46 〈/town〉\n\n47 〈*bridge〉\n\n渡口\n\n2.1\n\n渡船每天往返。\n\n2.2 桥\n\n桥是石头的，示例输出如下：\n\n石桥\n第 3 节 山\n山很高。\n";
    assert_eq!(
        placed(text),
        [
            h(1, 1, "第1节", "河流"),
            h(5, 2, "1.1", ""),
            h(11, 2, "1.2", ""),
            h(16, 1, "第2节", "城镇"),
            h(26, 2, "2.1", "渡口"),
            h(32, 2, "2.2", "桥"),
            h(37, 1, "第3节", "山"),
        ]
    );
}

#[test]
fn a_sequence_goes_on_over_a_missing_chapter_but_does_not_open_far_on() {
    // chapter 4 is missing from the manuscript: 5 and 6 go on; `31`, `32` later are a list
    let text = "1 Rivers\n\nWater.\n\n2 Towns\n\nPeople.\n\n3 Hills\n\nStone.\n\n5 Roads\n\nDust.\n\n6 Seas\n\nSalt.\n\n31 Oak trees\n\nwere counted.\n\n32 Elm trees\n\nas well.\n";
    let got = placed(text);
    let labels: Vec<&str> = got.iter().map(|h| h.2.as_str()).collect();
    assert_eq!(labels, ["1", "2", "3", "5", "6"], "{got:?}");
}

#[test]
fn subsections_whose_section_was_not_found_keep_their_sequence() {
    // section 2.2 is missing from the manuscript; its subsections 2.2.1, 2.2.2 still stand
    let text = "1 Rivers\n\n1.1 Springs\n\nWater.\n\n2 Towns\n\n2.1 Markets\n\nTrade.\n\n2.2.1 Lanes\n\nNarrow.\n\n2.2.2 Squares\n\nWide.\n";
    let got = placed(text);
    let labels: Vec<(&str, u8)> = got.iter().map(|h| (h.2.as_str(), h.1)).collect();
    assert!(labels.contains(&("2.2.1", 3)), "{got:?}");
    assert!(labels.contains(&("2.2.2", 3)), "{got:?}");
}

#[test]
fn a_running_head_with_its_label_above_its_title_is_furniture() {
    // each page opens with the chapter's label and title on two lines and its folio; the
    // chapter's own heading is printed once, on the page where it starts
    let text = "第 1 节 河流\n\n河从山里来。\n\u{c}第1节\n\n河流\n\n2\n\n水很多。\n\u{c}第1节\n\n河流\n\n3\n\n水更多。\n\n第2节\n\n城镇\n\n镇在河边。\n\u{c}第2节\n\n城镇\n\n4\n\n镇很大。\n\u{c}第2节\n\n城镇\n\n5\n\n镇更大。\n";
    let got: Vec<(usize, u8)> = placed(text).iter().map(|h| (h.0, h.1)).collect();
    assert_eq!(got, [(1, 1), (19, 1)]);
}

#[test]
fn scope_an_appendix_word_between_chapters_a_title_named_by_running_heads_and_versions() {
    let text = "第 1 节 河流\n\n河水向东流。\n\n附录\n\n示例的输出。\n\n第 2 节 城镇\n\n镇子在河边。\n\u{c}更新记录\n\n3\n\n更新记录\nv1.0\n(2020/01/01)\n初版。\nv1.1\n(2020/02/01)\n修订。\n\u{c}更新记录\n\n4\n\nv1.2\n(2020/03/01)\n再次修订。\n";
    let (kinds, _) = kinds_after(text);
    let heading = |level: u8, label: &str, title: &str| Kind::Heading {
        level,
        label: label.into(),
        title: title.into(),
    };
    assert_eq!(kinds[4], Kind::Text, "附录 between 第1节 and 第2节");
    assert_eq!(kinds[15], heading(1, "", "更新记录"));
    assert_eq!(
        (&kinds[11], &kinds[22]),
        (&Kind::Furniture, &Kind::Furniture)
    );
    for (i, v) in [(16, "v1.0"), (19, "v1.1"), (26, "v1.2")] {
        assert_eq!(kinds[i], heading(2, v, ""), "line {}", i + 1);
    }
}

#[test]
fn a_front_matter_word_between_chapters_of_one_sequence_is_text() {
    // a table cell's last character alone on its line (`引导程` / `序`) in a `-layout` page
    let text =
        "第 1 节 河流\n\n河水向东流。\n\n序\n\n表格的一格。\n\n第 2 节 城镇\n\n镇子在河边。\n";
    let (kinds, _) = kinds_after(text);
    assert_eq!(kinds[4], Kind::Text, "序 between 第1节 and 第2节");
    let text = "序\n\n写在前面。\n\n第 1 节 河流\n\n河水向东流。\n\n第 2 节 城镇\n\n镇子在河边。\n";
    let (kinds, _) = kinds_after(text);
    assert!(
        matches!(kinds[0], Kind::Matter { .. }),
        "序 before the chapters opens the preface: {:?}",
        kinds[0]
    );
}

#[test]
fn a_chapter_heading_of_a_shape_the_contents_never_lists_is_an_example() {
    let text = "1 Rivers\n\n\u{c}1 Rivers\n\nWater rises.\n\n\u{c}2 Mills\n\nA sample page of this style:\n\nChapter 5\n\nThe Sample\n\nWheels turn.\n\n\u{c}3 Ponds\n\nStill water.\n\n\u{c}4 Weirs\n\nStone.\n";
    let paged = split_pages(text);
    let mut kinds: Vec<Kind> = paged.lines.iter().map(|l| classify(l.text)).collect();
    assert!(
        matches!(kinds[10], Kind::ChapterLabel { .. }),
        "{:?}",
        kinds[10]
    );
    let entry = |label: &str, title: &str| crate::model::ContentsEntry {
        level: 1,
        label: Some(label.into()),
        title: title.into(),
        page: None,
        line: 1,
        target: None,
    };
    let entries = [
        entry("1", "Rivers"),
        entry("2", "Mills"),
        entry("3", "Ponds"),
        entry("4", "Weirs"),
    ];
    apply(&paged.lines, &mut kinds, &paged.form_feed, &[(2, &entries)]);
    assert_eq!(kinds[10], Kind::Text);
    let levels: Vec<(usize, u8)> = kinds
        .iter()
        .enumerate()
        .filter_map(|(i, k)| match k {
            Kind::Heading { level, .. } => Some((i, *level)),
            _ => None,
        })
        .collect();
    assert_eq!(levels, [(2, 1), (6, 1), (16, 1), (20, 1)]);
}
