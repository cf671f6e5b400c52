//! Table tests for the title-page recognisers.

use super::*;

#[test]
fn series_editor_lines() {
    type Case = (
        &'static str,
        Option<(&'static str, &'static [&'static str])>,
    );
    let cases: &[Case] = &[
        ("丛书主编　王立川", Some(("丛书主编", &["王立川"]))),
        (
            "Series Editor: Anne Lowe",
            Some(("Series Editor", &["Anne Lowe"])),
        ),
        ("丛书主编", None),
        ("河流文化丛书", None),
    ];
    for (input, want) in cases {
        let want = want.map(|(l, n)| (l.to_string(), n.iter().map(|s| s.to_string()).collect()));
        assert_eq!(series_editor(input), want, "{input:?}");
    }
}

#[test]
fn display_lines_are_classified() {
    let r = Relators::builtin();
    let cases = [
        ("教育部人文社会科学研究项目", false, DisplayRole::Series),
        ("江南古镇丛书", true, DisplayRole::Series),
        (
            "Jiangnan guzhen de shougongye",
            false,
            DisplayRole::AltTitle,
        ),
        (
            "JIANGNAN GUZHEN DE SHOUGONGYE",
            false,
            DisplayRole::AltTitle,
        ),
        ("江南古镇的 手工业变迁", false, DisplayRole::Title),
        ("——以三座水乡为例", true, DisplayRole::Subtitle),
        ("林晓 等著", true, DisplayRole::Authors),
        ("林晓 等著", false, DisplayRole::Authors),
        ("浙东出版集团", true, DisplayRole::Publisher),
        ("星河出版社", true, DisplayRole::Publisher),
        ("二〇一九年 · 杭州", true, DisplayRole::Other),
    ];
    for (text, title_seen, want) in cases {
        assert_eq!(classify_line(text, &r, title_seen).role, want, "{text}");
    }
    assert!(classify_line("浙东出版集团", &r, true).group);
    assert!(!classify_line("星河出版社", &r, true).group);
}

fn lines(text: &str) -> Vec<Line<'_>> {
    crate::reader::lines::split(text)
}

#[test]
fn title_page_yields_metadata_and_keeps_one_page() {
    let text = "\n教育部人文社会科学研究项目\n项目编号 (19YJA0001)\n\nJiangnan guzhen de shougongye bianqian\n\n江南古镇的 手工业变迁\n\n林晓 等著\n\n\n浙东出版集团\n星河出版社\n\n江南古镇的 手工业变迁\n\n林晓 等著\n\n星河出版社\n";
    let r = Relators::builtin();
    let tp = read_title_pages(&lines(text), &r);
    assert_eq!(tp.title.as_deref(), Some("江南古镇的手工业变迁"));
    assert_eq!(
        tp.series,
        ["教育部人文社会科学研究项目 项目编号 (19YJA0001)"]
    );
    assert_eq!(tp.alt_titles.len(), 1);
    assert_eq!(tp.alt_titles[0].0.language, "zh-Latn-pinyin");
    let st = tp.statement.expect("statement");
    assert_eq!(
        (st.names.as_slice(), st.et_al),
        (&["林晓".to_string()][..], true)
    );
    assert_eq!(tp.publisher.as_deref(), Some("星河出版社"));
    assert_eq!(tp.group.as_deref(), Some("浙东出版集团"));
    let div = tp.division.expect("division");
    assert_eq!(
        (div.id.as_str(), div.line, div.blocks.len()),
        ("titlepage", 2, 7)
    );
    assert_eq!(tp.diagnostics.len(), 1);
    assert_eq!(tp.diagnostics[0].span.line, 15);
    assert!(
        tp.diagnostics[0].message.contains("repeats"),
        "{:?}",
        tp.diagnostics
    );
}

#[test]
fn a_title_wrapped_over_two_lines_is_one_title() {
    let text = "北方小城的\n手艺人\n\n钱多多 主编\n";
    let tp = read_title_pages(&lines(text), &Relators::builtin());
    assert_eq!(tp.title.as_deref(), Some("北方小城的手艺人"));
    let st = tp.statement.expect("statement");
    assert_eq!(st.role.code(), "edt");
    assert_eq!(tp.division.map(|d| d.blocks.len()), Some(3));
}

#[test]
fn a_title_wrapped_in_print_keeps_its_break() {
    let t = |s: &str| Inline::Text(s.to_string());
    let cases: &[(&str, Vec<Inline>)] = &[
        ("河口镇发展研究", vec![t("河口镇发展研究")]),
        (
            "河口镇的 发展研究",
            vec![t("河口镇的"), Inline::LineBreak, t("发展研究")],
        ),
        ("Rivers and  Towns", vec![t("Rivers and Towns")]),
        ("河口镇 2020 年", vec![t("河口镇 2020 年")]),
        (
            "  甲 乙 丙  ",
            vec![
                t("甲"),
                Inline::LineBreak,
                t("乙"),
                Inline::LineBreak,
                t("丙"),
            ],
        ),
    ];
    for (input, want) in cases {
        assert_eq!(&wrapped_title(input), want, "{input:?}");
    }
}

#[test]
fn a_short_line_far_below_the_title_is_no_name() {
    // A long region before the first heading (stories without headings): the title, a
    // preface's prose, then a story's title of four characters, far from the title.
    let mut text = String::from("《河谷集》\n\n");
    for i in 0..8 {
        text.push_str(&format!(
            "    第{i}段：我在河谷里住了许多年，后来搬到了城里。\n\n"
        ));
    }
    text.push_str("一只小船\n\n    船停在渡口，没有人撑。\n");
    let tp = read_title_pages(&lines(&text), &Relators::builtin());
    assert!(tp.statement.is_none(), "{:?}", tp.statement);
    // Near the title the same shape is the author's name.
    let tp = read_title_pages(&lines("《河谷集》\n\n林远舟\n"), &Relators::builtin());
    assert_eq!(
        tp.statement.map(|s| s.names),
        Some(vec!["林远舟".to_string()])
    );
}

#[test]
fn a_latin_name_right_under_a_han_title_is_its_author() {
    // \maketitle's layout: title, author, version, date, with no blank line between
    let text = "河谷排版宏包手册\nHEGU.ORG\nv1.2.3∗\n\n2021/05/06\n";
    let tp = read_title_pages(&lines(text), &Relators::builtin());
    assert_eq!(tp.title.as_deref(), Some("河谷排版宏包手册"));
    let st = tp.statement.expect("statement");
    assert_eq!(st.names, ["HEGU.ORG"]);
    // a Han line under a Han title still continues the title
    let tp = read_title_pages(&lines("北方小城的\n手艺人\n"), &Relators::builtin());
    assert_eq!(tp.title.as_deref(), Some("北方小城的手艺人"));
    assert!(tp.statement.is_none());
}

#[test]
fn a_title_broken_at_a_connective_goes_on() {
    // the cover sets the title word by word; the title page sets `for` alone, then a blank
    // line, then the rest of the title
    let text = "The\n      Lantern\n               Book\n\u{c}\u{c}     The Lantern Book\n                       for\n\nCareful Lamplighters\n               User Guide\n                 Ann Smith\n\n                 The Lamp Press\n";
    let paged = crate::reader::lines::split_pages(text);
    let tp = read_title_pages(&paged.lines, &Relators::builtin());
    assert_eq!(
        tp.title.as_deref(),
        Some("The Lantern Book for Careful Lamplighters")
    );
    assert_eq!(tp.subtitle.as_deref(), Some("User Guide"));
    let st = tp.statement.expect("statement");
    assert_eq!(st.names, ["Ann Smith"]);
    // a title that ends a line with the connective goes on too; one that does not stays
    let text = "A Field Guide to\n\nLanterns\n\nAnn Smith\n";
    let tp = read_title_pages(&lines(text), &Relators::builtin());
    assert_eq!(tp.title.as_deref(), Some("A Field Guide to Lanterns"));
    let text = "The Lantern Book\n\nCareful Lamplighters\n\nAnn Smith\n";
    let tp = read_title_pages(&lines(text), &Relators::builtin());
    assert_eq!(tp.title.as_deref(), Some("The Lantern Book"));
}
