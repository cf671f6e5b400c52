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
            "a letter at a page's top after a divider page's unfinished line",
            "Appendices\n\u{c}E\n\nCanals and Locks\nWater ran in the canal.",
            entry(1, None, "E Canals and Locks", 3),
            Some((1, Shape::Wrapped(3))),
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
