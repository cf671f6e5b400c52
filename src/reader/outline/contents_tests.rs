//! Table tests of the printed contents as the outline's oracle ([`super`]): contents entries →
//! the body lines found as their headings.

use super::*;
use crate::reader::classify::classify;

fn entry(level: u8, label: Option<&str>, title: &str, line: usize) -> ContentsEntry {
    ContentsEntry {
        level,
        label: label.map(str::to_string),
        title: title.to_string(),
        page: None,
        line,
        target: None,
    }
}

#[test]
fn entries_are_found_in_each_layout() {
    // (what, body, entry, expected (line index, shape) or None)
    type Case<'a> = (&'a str, &'a str, ContentsEntry, Option<(usize, Shape)>);
    let cases: Vec<Case<'_>> = vec![
        (
            "label and title on one line",
            "正文。\n\n1.2 渡口的石阶\n河水很深。",
            entry(2, Some("1.2"), "渡口的石阶", 3),
            Some((2, Shape::OneLine)),
        ),
        (
            "spacing and case differ",
            "Text.\n\n3.1   THE MILL   race\nWater.",
            entry(2, Some("3.1"), "The Mill Race", 3),
            Some((2, Shape::OneLine)),
        ),
        (
            "number alone, title below",
            "正文。\n\n4\n\n船与桥\n\n水。",
            entry(1, Some("4"), "船与桥", 3),
            Some((2, Shape::TitleBelow(4))),
        ),
        (
            "title first, number below",
            "正文。\n\n船与桥\n\n5\n\n水。",
            entry(1, Some("5"), "船与桥", 3),
            Some((2, Shape::LabelBelow(4))),
        ),
        (
            "a title over two lines",
            "Text.\n\nAppendix B Lanterns Along\nThe Dyke\nWater.",
            entry(1, None, "Appendix B Lanterns Along The Dyke", 3),
            Some((2, Shape::Wrapped(3))),
        ),
        (
            "a line running on from prose is no heading",
            "the water rose and\n1.2 渡口的石阶\n河水很深。",
            entry(2, Some("1.2"), "渡口的石阶", 3),
            None,
        ),
        (
            "an unlabelled title glued to the prose after it is text",
            "Text.\n\nLanterns\nwere lit along the dyke.",
            entry(1, None, "Lanterns", 3),
            None,
        ),
        (
            "a number spelt with a hyphen alone, title below",
            "Text.\n\nTwenty-one\n\nThe Last Mill\n\nWater.",
            entry(1, Some("21"), "The Last Mill", 3),
            Some((2, Shape::TitleBelow(4))),
        ),
        (
            "a title opening its page, its number below a precis",
            "Text.\n\u{c}Lanterns\nThis chapter tells of the lamps\nalong the dyke.\n      6\n  Water ran.",
            entry(1, Some("6"), "Lanterns", 3),
            Some((1, Shape::LabelBelow(4))),
        ),
        (
            "a title inside a page, a number below its prose, is no heading",
            "Text.\n\nLanterns\nThis chapter tells of the lamps\nalong the dyke.\n      6\n  Water ran.",
            entry(1, Some("6"), "Lanterns", 3),
            None,
        ),
        (
            "a letter at a page's top after a divider page's unfinished line",
            "Appendices\n\u{c}E\n\nCanals and Locks\nWater ran in the canal.",
            entry(1, None, "E Canals and Locks", 3),
            Some((1, Shape::Wrapped(3))),
        ),
        (
            "an unlabelled title opening its page, a list of names directly below",
            "Text.\n\u{c}\n\nHelpers\n  Ann Reed, Tom Vale\nWater.",
            entry(1, None, "Helpers", 3),
            Some((2, Shape::OneLine)),
        ),
        (
            "the same title inside a page, glued to the line below, is text",
            "Text.\n\nHelpers\n  Ann Reed, Tom Vale\nWater.",
            entry(1, None, "Helpers", 3),
            None,
        ),
    ];
    for (what, body, e, want) in cases {
        let paged = crate::reader::lines::split_pages(body);
        let lines = paged.lines;
        let kinds: Vec<Kind> = lines.iter().map(|l| classify(l.text)).collect();
        let got = find(&lines, &kinds, &paged.form_feed, &[e], 0);
        let got = got.first().map(|l| (l.index, l.shape));
        assert_eq!(got, want, "{what}");
    }
}

#[test]
fn spelt_chapter_numbers_are_digits() {
    assert_eq!(line_key("CHAPTER THREE"), line_key("Chapter 3"));
    assert_eq!(line_key("Part Two: Hills"), line_key("part 2: Hills"));
    assert_eq!(line_key("The three mills"), "thethreemills");
    assert_eq!(line_key("Twenty-one"), "21");
    assert_eq!(
        line_key("Chapter Forty-Two Hills"),
        line_key("Chapter 42 Hills")
    );
    assert_eq!(line_key("twenty-one"), "twenty-one");
}

#[test]
fn a_label_is_stripped_from_the_printed_title() {
    assert_eq!(
        strip_label("68     如何合并？   New", "68"),
        "如何合并？   New"
    );
    assert_eq!(strip_label("Appendix  B Tolls", "Appendix B"), "Tolls");
    assert_eq!(strip_label("Tolls", "B"), "Tolls");
}

#[test]
fn entries_are_found_in_order_and_levels_follow_parts() {
    let body = "第一编 水\n\n1 河\n\n正文。\n\n1 河\n\n2 山\n\n正文。";
    let lines = crate::reader::lines::split(body);
    let kinds: Vec<Kind> = lines.iter().map(|l| classify(l.text)).collect();
    let entries = [
        entry(1, Some("第一编"), "水", 1),
        entry(2, Some("1"), "河", 2),
        entry(2, Some("2"), "山", 3),
    ];
    let got: Vec<(usize, u8)> = find(&lines, &kinds, &[], &entries, 0)
        .iter()
        .map(|l| (l.index, l.level))
        .collect();
    assert_eq!(got, [(0, 0), (2, 1), (8, 1)]);
}

#[test]
fn an_entry_whose_page_falls_is_looked_for_from_the_start() {
    // a two-column contents page read across: chapter 2 (p. 30) before chapter 1's last
    // section (p. 12), whose heading the body prints before chapter 2's
    let body =
        "Contents\n\n1 Rivers\nText.\n\n1.1 Springs\nText.\n\n1.2 Pools\nText.\n\n2 Hills\nText.\n";
    let lines = crate::reader::lines::split(body);
    let kinds: Vec<Kind> = lines.iter().map(|l| classify(l.text)).collect();
    let paged = |level, label, title, page: &str, line| ContentsEntry {
        page: Some(page.to_string()),
        ..entry(level, Some(label), title, line)
    };
    let entries = [
        paged(1, "1", "Rivers", "1", 1),
        paged(2, "1.1", "Springs", "2", 2),
        paged(1, "2", "Hills", "30", 3),
        paged(2, "1.2", "Pools", "12", 4),
    ];
    let found: Vec<(usize, String)> = find(&lines, &kinds, &[], &entries, 1)
        .into_iter()
        .map(|l| (l.index, l.label))
        .collect();
    assert_eq!(
        found,
        [
            (2, "1".to_string()),
            (5, "1.1".to_string()),
            (11, "2".to_string()),
            (8, "1.2".to_string()),
        ]
    );
}

#[test]
fn a_chapter_opening_taken_for_its_running_head_is_found() {
    // every page of chapter 2 carries `编辑器` / `2` at its head; the furniture pass took the
    // opening page's title and number for that head too. The first one is the heading.
    // a later page prints its head the other way round, `2` / `编辑器`, read as text: the
    // opening still wins, as it comes first
    let body = "正文。\n\n编辑器\n\n2\n\n2.1 第一种\n\n正文。\n\n编辑器\n\n2\n\n18\n\n正文。\n\n2\n\n编辑器\n\n正文。";
    let lines = crate::reader::lines::split(body);
    let mut kinds: Vec<Kind> = lines.iter().map(|l| classify(l.text)).collect();
    for i in [2, 4, 10, 12, 14] {
        kinds[i] = Kind::Furniture;
    }
    let entries = [
        entry(1, Some("2"), "编辑器", 1),
        entry(2, Some("2.1"), "第一种", 2),
    ];
    let got: Vec<(usize, Shape)> = find(&lines, &kinds, &[], &entries, 0)
        .iter()
        .map(|l| (l.index, l.shape))
        .collect();
    assert_eq!(got, [(2, Shape::LabelBelow(4)), (6, Shape::OneLine)]);
    // a title printed only as a running head, never above its number, is not looked for there
    let entries = [entry(1, Some("3"), "编辑器", 1)];
    assert!(find(&lines, &kinds, &[], &entries, 0).is_empty());
}

#[test]
fn a_labelled_entry_after_a_display_line_or_code_starts_afresh() {
    // `-layout` text: a heading printed right under an indented list line or a code line, no
    // blank line between, is still the entry's heading; under a prose line it is not
    let prose = "渡口的船夫每天清晨把船推下水，沿着河岸一直划到对面的集市，再在傍晚时分回来。\n";
    let case = |before: &str, heading: &str| -> Vec<usize> {
        let body = format!(
            "{}{before}\n{heading}\n{}",
            prose.repeat(30),
            prose.repeat(30)
        );
        let lines = crate::reader::lines::split(&body);
        let kinds: Vec<Kind> = lines.iter().map(|l| classify(l.text)).collect();
        let entries = [entry(2, Some("3"), "船从哪里来？", 1)];
        find(&lines, &kinds, &[], &entries, 0)
            .iter()
            .map(|l| l.index)
            .collect()
    };
    assert_eq!(
        case("      http://example.org 渡口的网站", "3   船从哪里来？"),
        [31]
    );
    assert_eq!(
        case("    \\setlength{\\parindent}{2em}", "3   船从哪里来？"),
        [31]
    );
    assert!(
        case(
            "渡口的船夫每天清晨把船推下水，沿着河岸一直划到",
            "3   船从哪里来？"
        )
        .is_empty()
    );
    assert!(
        case(
            "      http://example.org 渡口的网站",
            "      3 船从哪里来？"
        )
        .is_empty()
    );
}

#[test]
fn an_unpaged_section_read_after_another_chapter_is_looked_for_under_its_chapter() {
    // a two-column contents page read across without page numbers: chapter 2 and its section
    // come before chapter 1's second section; the body prints 1.2 (with an option name in the
    // margin between its number and its title) before chapter 2
    let body = "Contents\n\n1 Rivers\nText.\n\n1.1 Springs\nText.\n\n1.2\nflow\n\nPools\nText.\n\n2 Hills\nText.\n\n2.1 Slopes\nText.\n";
    let lines = crate::reader::lines::split(body);
    let kinds: Vec<Kind> = lines.iter().map(|l| classify(l.text)).collect();
    let entries = [
        entry(1, Some("1"), "Rivers", 1),
        entry(2, Some("1.1"), "Springs", 2),
        entry(1, Some("2"), "Hills", 3),
        entry(2, Some("2.1"), "Slopes", 4),
        entry(2, Some("1.2"), "Pools", 5),
    ];
    let found: Vec<(usize, String)> = find(&lines, &kinds, &[], &entries, 1)
        .into_iter()
        .map(|l| (l.index, l.label))
        .collect();
    let want = [(2, "1"), (5, "1.1"), (14, "2"), (17, "2.1"), (8, "1.2")];
    let want: Vec<(usize, String)> = want.iter().map(|(i, l)| (*i, l.to_string())).collect();
    assert_eq!(found, want);
}

#[test]
fn a_chapter_listed_without_its_sections_keeps_them_by_their_sequence() {
    // the contents lists chapter 1 with its sections and chapter 2 alone (its sections left
    // out, as a contents cut short leaves them): 2.1 and 2.2 are headings by their numbering,
    // not text for standing outside a numbering the contents lists
    let text = "Contents\n1 Rivers\n1.1 Springs\n1.2 Pools\n1.3 Weirs\n2 Hills\n\n1 Rivers\n\nWater runs.\n\n1.1 Springs\n\nWater rises.\n\n1.2 Pools\n\nWater rests.\n\n1.3 Weirs\n\nWater falls.\n\n2 Hills\n\nHills rise.\n\n2.1 Slopes\n\nThey slope.\n\n2.2 Tops\n\nThey end.\n";
    let paged = crate::reader::lines::split_pages(text);
    let mut kinds: Vec<Kind> = paged.lines.iter().map(|l| classify(l.text)).collect();
    let entries = [
        entry(1, Some("1"), "Rivers", 2),
        entry(2, Some("1.1"), "Springs", 3),
        entry(2, Some("1.2"), "Pools", 4),
        entry(2, Some("1.3"), "Weirs", 5),
        entry(1, Some("2"), "Hills", 6),
    ];
    super::super::apply(&paged.lines, &mut kinds, &paged.form_feed, &[(6, &entries)]);
    let heads: Vec<(usize, String)> = kinds
        .iter()
        .zip(&paged.lines)
        .filter_map(|(k, l)| match k {
            Kind::Heading { label, .. } => Some((l.no, label.clone())),
            _ => None,
        })
        .collect();
    let want = [
        (8, "1"),
        (12, "1.1"),
        (16, "1.2"),
        (20, "1.3"),
        (24, "2"),
        (28, "2.1"),
        (32, "2.2"),
    ];
    let want: Vec<(usize, String)> = want.iter().map(|(i, l)| (*i, l.to_string())).collect();
    assert_eq!(heads, want);
}
