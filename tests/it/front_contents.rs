//! The printed-contents cross-check against invented body and back-matter divisions.

use paiban::diag::Severity;
use paiban::model::{ContentsEntry, Division, DivisionKind, Inline};
use paiban::reader::lines::split;
use paiban::reader::toc::{cross_check, parse_contents};

fn div(kind: DivisionKind, id: &str, label: Option<&str>, title: &str, line: usize) -> Division {
    let mut d = Division::new(kind, id, line);
    d.label = label.map(str::to_string);
    d.title = vec![Inline::Text(title.to_string())];
    d
}

fn entries(text: &str) -> Vec<ContentsEntry> {
    let lines = split(text);
    let (entries, diags) = parse_contents(&lines);
    assert!(diags.is_empty(), "{diags:?}");
    entries
}

const CONTENTS: &str = "第一章 古镇的由来\t1\n(一) 河道与 桥梁\t3\n(二) 码头\t7\n第二章 手艺\t12\n第三章 集市\t30\n(一) 早市\t31\n(二) 庙会\t35\n主要参考文献\t40\n后记\t44\n";

fn body() -> (Vec<Division>, Vec<Division>) {
    let mut ch1 = div(
        DivisionKind::Chapter,
        "chapter-1",
        Some("第一章"),
        "古镇的由来",
        100,
    );
    ch1.children.push(div(
        DivisionKind::Section,
        "chapter-1-section-1",
        Some("（一）"),
        "河道与桥梁",
        110,
    ));
    let mut ch2 = div(
        DivisionKind::Chapter,
        "chapter-2",
        Some("第二章"),
        "手 艺",
        200,
    );
    ch2.children.push(div(
        DivisionKind::Section,
        "chapter-2-section-1",
        Some("（一）"),
        "染坊",
        210,
    ));
    let ch9 = div(
        DivisionKind::Chapter,
        "chapter-9",
        Some("第九章"),
        "余论",
        300,
    );
    let back = vec![div(
        DivisionKind::Bibliography,
        "bibliography",
        None,
        "主要参考文献",
        400,
    )];
    (vec![ch1, ch2, ch9], back)
}

#[test]
fn entries_are_linked_and_gaps_reported() {
    let mut es = entries(CONTENTS);
    let (body, back) = body();
    let diags = cross_check(&mut es, &body, &back);
    let targets: Vec<(&str, Option<&str>)> = es
        .iter()
        .map(|e| (e.title.as_str(), e.target.as_deref()))
        .collect();
    assert_eq!(
        targets,
        [
            ("古镇的由来", Some("chapter-1")),
            ("河道与桥梁", Some("chapter-1-section-1")),
            ("码头", None),
            ("手艺", Some("chapter-2")),
            ("集市", None),
            ("早市", None),
            ("庙会", None),
            ("主要参考文献", Some("bibliography")),
            ("后记", None),
        ]
    );
    let got: Vec<(usize, Severity, &str)> = diags
        .iter()
        .map(|d| (d.span.line, d.severity, d.message.as_str()))
        .collect();
    assert_eq!(got.len(), 5, "{got:#?}");
    assert_eq!(got[0].0, 3);
    assert!(
        got[0]
            .2
            .contains("lists （二）码头 (p. 7) but the body has no such section"),
        "{}",
        got[0].2
    );
    assert_eq!(got[1].0, 5);
    assert_eq!(
        got[1].2,
        "the printed contents lists 第三章 集市 (p. 30) but the body has no such chapter, \
         nor the 2 entries under it: （一）早市 (p. 31); （二）庙会 (p. 35)"
    );
    assert_eq!(got[2].0, 9);
    assert!(
        got[2]
            .2
            .ends_with("后记 (p. 44) but the book has no such division"),
        "{}",
        got[2].2
    );
    assert_eq!(
        (got[3].0, got[3].2),
        (
            200 + 10,
            "the body has section （一）染坊 but the printed contents does not list it"
        )
    );
    assert_eq!(
        (got[4].0, got[4].2),
        (
            300,
            "the body has chapter 第九章 余论 but the printed contents does not list it"
        )
    );
    assert!(got.iter().all(|d| d.1 == Severity::Warning));
}

#[test]
fn a_label_match_with_another_title_is_linked_with_a_note() {
    let mut es = entries("第一章 古镇的来历\t1\n");
    let body = vec![div(
        DivisionKind::Chapter,
        "c1",
        Some("第一章"),
        "古镇的由来",
        9,
    )];
    let diags = cross_check(&mut es, &body, &[]);
    assert_eq!(es[0].target.as_deref(), Some("c1"));
    assert_eq!(diags.len(), 1);
    assert_eq!((diags[0].severity, diags[0].span.line), (Severity::Note, 1));
}

#[test]
fn front_matter_entries_are_not_reported_and_titles_match_without_labels() {
    let mut es = entries("前言\t1\n一、缘起\t3\n二、余波\t8\n");
    let body = vec![div(DivisionKind::Chapter, "c1", None, "缘起", 9)];
    let diags = cross_check(&mut es, &body, &[]);
    let targets: Vec<Option<&str>> = es.iter().map(|e| e.target.as_deref()).collect();
    assert_eq!(targets, [None, Some("c1"), None]);
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert_eq!(diags[0].span.line, 3);
    assert!(diags[0].message.contains("二、余波 (p. 8)"), "{diags:?}");
    assert_eq!(body.len(), 1);
}
