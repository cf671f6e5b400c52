//! Table tests of the contents parser ([`super`]): contents lines → entries with levels,
//! labels, titles and pages.

use super::*;

#[test]
fn pages_and_leaders_are_split_off() {
    let cases = [
        (
            "第一章 古镇的由来\t1",
            true,
            ("第一章 古镇的由来", Some("1")),
        ),
        ("结语.....\t203", true, ("结语", Some("203"))),
        ("结语……………203", false, ("结语", Some("203"))),
        ("结语 ··· 203", false, ("结语", Some("203"))),
        ("前言 iii", false, ("前言", Some("iii"))),
        ("走向1990年代", false, ("走向1990年代", None)),
        ("第二编 手艺", false, ("第二编 手艺", None)),
    ];
    for (line, tabs, (title, page)) in cases {
        let (t, p) = split_page(line, tabs);
        assert_eq!((t.as_str(), p.as_deref()), (title, page), "{line}");
    }
}

#[test]
fn entries_get_levels_and_wrapped_titles_are_rejoined() {
    let text = "\n· 1 ·\n第一编 水\n第一章 古镇的由来……1\n（一）河道与 桥梁……3\n(二) 一条很长很长的、在印刷时\n折了行的标题……9\n\n第二章 手艺……12\n2.1 染坊……13\n主要参考文献……40\n后记……44\n";
    let lines = crate::reader::lines::split(text);
    let (entries, diags) = parse_contents(&lines);
    assert!(diags.is_empty(), "{diags:?}");
    type Row<'a> = (u8, Option<&'a str>, &'a str, Option<&'a str>, usize);
    let got: Vec<Row<'_>> = entries
        .iter()
        .map(|e| {
            (
                e.level,
                e.label.as_deref(),
                e.title.as_str(),
                e.page.as_deref(),
                e.line,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (1, Some("第一编"), "水", None, 3),
            (2, Some("第一章"), "古镇的由来", Some("1"), 4),
            (3, Some("（一）"), "河道与桥梁", Some("3"), 5),
            (
                3,
                Some("（二）"),
                "一条很长很长的、在印刷时折了行的标题",
                Some("9"),
                6
            ),
            (2, Some("第二章"), "手艺", Some("12"), 9),
            (3, Some("2.1"), "染坊", Some("13"), 10),
            (1, None, "主要参考文献", Some("40"), 11),
            (1, None, "后记", Some("44"), 12),
        ]
    );
}

#[test]
fn indentation_gives_levels_when_the_labels_do_not() {
    let text = "A 关于河\n    1   河从哪里来？ . . . 1\n    2   河到哪里去？ . . . 2\nB 关于山\n    3   山有多高？ . . . 3\n";
    let lines = crate::reader::lines::split(text);
    let (entries, _) = parse_contents(&lines);
    let got: Vec<(u8, Option<&str>)> = entries
        .iter()
        .map(|e| (e.level, e.label.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            (1, Some("A")),
            (2, Some("1")),
            (2, Some("2")),
            (1, Some("B")),
            (2, Some("3"))
        ]
    );
}

#[test]
fn labels_alone_and_pages_alone_join_their_entries() {
    let text = "1 河流\n1.1\n\n5\n\n源头 . . . . . .\n\n5\n\n1.1.1\n\n雪山\n\n. . . . . . . .\n\n8\n\n1.3\n\n入海 . . . . 9\n\n";
    let lines = crate::reader::lines::split(text);
    let (entries, diags) = parse_contents(&lines);
    assert!(diags.is_empty(), "{diags:?}");
    let got: Vec<(u8, Option<&str>, &str, Option<&str>)> = entries
        .iter()
        .map(|e| {
            (
                e.level,
                e.label.as_deref(),
                e.title.as_str(),
                e.page.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (1, Some("1"), "河流", Some("5")),
            (2, Some("1.1"), "源头", Some("5")),
            (3, Some("1.1.1"), "雪山", Some("8")),
            (2, Some("1.3"), "入海", Some("9")),
        ]
    );
}

#[test]
fn labels_follow_their_sequence() {
    let cases = [
        (Some("1.4.3"), "1.5", true),
        (Some("1.4.3"), "1.2", false),
        (Some("1"), "1.1", true),
        (Some("1.1"), "1.2", true),
        (Some("2.3"), "3", true),
        (Some("2.3"), "2.5", false),
        (None, "1", true),
        (Some("A"), "1", true),
    ];
    for (prev, next, want) in cases {
        assert_eq!(follows(prev, next), want, "{prev:?} → {next}");
    }
}

#[test]
fn a_chapter_number_alone_and_two_labels_in_a_row() {
    let text =
        "1\n\nRivers . . . 1\n1.1\n1.2\n\nSprings . . . 1\nMouths . . . 2\n\n2\n\nHills . . . 3\n";
    let lines = crate::reader::lines::split(text);
    let (entries, diags) = parse_contents(&lines);
    assert!(diags.is_empty(), "{diags:?}");
    let got: Vec<(u8, Option<&str>, &str)> = entries
        .iter()
        .map(|e| (e.level, e.label.as_deref(), e.title.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (1, Some("1"), "Rivers"),
            (2, Some("1.1"), "Springs"),
            (2, Some("1.2"), "Mouths"),
            (1, Some("2"), "Hills"),
        ]
    );
}

#[test]
fn capital_letters_in_sequence_label_appendices() {
    let text = "1 Rivers . . . 1\nA Tables of Flow\n40\nA.1 Spring . . . 41\nB Maps and Charts . . . 45\nC Sources . . . 50\nA Study of Mills . . . 60\n";
    let lines = crate::reader::lines::split(text);
    let (entries, _) = parse_contents(&lines);
    let got: Vec<(u8, Option<&str>, &str)> = entries
        .iter()
        .map(|e| (e.level, e.label.as_deref(), e.title.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (1, Some("1"), "Rivers"),
            (1, Some("A"), "Tables of Flow"),
            (2, Some("A.1"), "Spring"),
            (1, Some("B"), "Maps and Charts"),
            (1, Some("C"), "Sources"),
            (1, None, "A Study of Mills"),
        ]
    );
}

#[test]
fn backwards_pages_are_reported() {
    let lines = crate::reader::lines::split("第一章 甲\t10\n第二章 乙\t8\n");
    let (_, diags) = parse_contents(&lines);
    assert_eq!(diags.len(), 1);
    assert_eq!(diags[0].span.line, 2);
}

#[test]
fn a_contents_without_page_numbers_has_one_entry_per_line() {
    let text = "  LETTER I.    To the Ferryman\n  LETTER II.   On the Dyke\n  The Flood in the\n      Lower Fields\n  Envoi\n";
    let lines = crate::reader::lines::split(text);
    let (entries, _) = parse_contents(&lines);
    let got: Vec<(Option<&str>, &str)> = entries
        .iter()
        .map(|e| (e.label.as_deref(), e.title.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (Some("LETTER I"), "To the Ferryman"),
            (Some("LETTER II"), "On the Dyke"),
            (None, "The Flood in the Lower Fields"),
            (None, "Envoi"),
        ]
    );
}

#[test]
fn a_chapter_number_waits_behind_the_section_labels_it_follows() {
    let text = "1

Rivers . . . 1
1.1
1.2

2

Springs . . . 1
Mouths . . . 2

Hills . . . 3
";
    let lines = crate::reader::lines::split(text);
    let (entries, _) = parse_contents(&lines);
    let got: Vec<(Option<&str>, &str)> = entries
        .iter()
        .map(|e| (e.label.as_deref(), e.title.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (Some("1"), "Rivers"),
            (Some("1.1"), "Springs"),
            (Some("1.2"), "Mouths"),
            (Some("2"), "Hills"),
        ]
    );
}

#[test]
fn spaced_ordinal_labels_and_a_page_column_read_between_entries() {
    // pdftotext's default mode on a two-column contents page: `第 N 节` set apart, then the
    // other column's page numbers, then a section label alone above its title
    let text = "第 1 节 总览\n第 2 节 编码与字库\n\n15\n16\n17\n\n2.1\n\n编译方式 . . . . . .\n\n2.2\n\n中文编码 . . . . . . 7\n";
    let lines = crate::reader::lines::split(text);
    let (entries, _) = parse_contents(&lines);
    let got: Vec<(u8, Option<&str>, &str)> = entries
        .iter()
        .map(|e| (e.level, e.label.as_deref(), e.title.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (1, Some("第1节"), "总览"),
            (1, Some("第2节"), "编码与字库"),
            (2, Some("2.1"), "编译方式"),
            (2, Some("2.2"), "中文编码"),
        ]
    );
}

#[test]
fn two_columns_on_one_line_are_two_entries() {
    let cases = [
        (
            "3.6 旧的版本 . . . . . . 35 第 4 节 代码",
            Some(("3.6 旧的版本 . . . . . . 35", "第 4 节 代码")),
        ),
        ("3.6 旧的版本 . . . . . . 35", None),
        ("Rivers . . . . 12 and more", None),
        ("Springs 12 第 4 节 代码", None),
    ];
    for (text, want) in cases {
        let got = column_pair(text);
        assert_eq!(
            got.as_ref().map(|(l, r)| (l.as_str(), r.as_str())),
            want,
            "{text}"
        );
    }
}
