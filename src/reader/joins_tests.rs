//! Table tests for joining chunks: sentence ends, title-like lines, unfinished paragraphs, margin
//! notes in a page's foot.

use super::*;

#[test]
fn sentence_ends() {
    let cases = [
        ("他说。", true),
        ("真的吗？", true),
        ("如下：", true),
        ("第一；", true),
        ("言犹在耳……", true),
        ("“这很好。”", true),
        ("（见上文。）", true),
        ("It ends.", true),
        ("关", false),
        ("“在湖南的", false),
        ("政治组", false),
        ("称为“奇迹”", false),
        ("《某书》", false),
        ("句末空格。  ", true),
        ("破折号——", false),
        ("", false),
    ];
    for (input, want) in cases {
        assert_eq!(ends_sentence(input), want, "{input:?}");
    }
}

#[test]
fn title_like_lines() {
    let cases = [
        ("河流的力量", true),
        ("新 阶 段", true),
        ("在湖南的", true),
        ("“在湖南的", false),
        ("关", true),
        (
            "党群关系是一个常讲常新的课题。在执政和改革开放的条件下，关",
            false,
        ),
        (
            "这是一条很长的没有任何标点符号的正文行它超过了十五个字",
            false,
        ),
    ];
    for (input, want) in cases {
        assert_eq!(title_like(input), want, "{input:?}");
    }
}

fn chunk(role: Role, text: &str, line: usize) -> Unit {
    Unit::Chunk(Chunk {
        role,
        content: vec![Inline::Text(text.into())],
        text: text.into(),
        line,
        hint: None,
        foot: false,
    })
}

fn hinted(role: Role, text: &str, line: usize, hint: bool) -> Unit {
    let mut u = chunk(role, text, line);
    if let Unit::Chunk(c) = &mut u {
        c.hint = Some(hint);
    }
    u
}

/// A chunk printed in its page's foot, after the folio.
fn in_foot(text: &str, line: usize) -> Unit {
    let mut u = chunk(Role::Para, text, line);
    if let Unit::Chunk(c) = &mut u {
        c.foot = true;
    }
    u
}

/// A chunk opening a new page.
fn opening_page(text: &str, line: usize) -> Unit {
    let mut u = chunk(Role::Para, text, line);
    if let Unit::Chunk(c) = &mut u {
        let mark = crate::model::PageMark {
            number: "8".into(),
            printed: true,
        };
        c.content.insert(0, Inline::PageBreak(mark));
    }
    u
}

fn texts(units: &[Unit]) -> Vec<(Role, String, usize)> {
    units
        .iter()
        .filter_map(|u| match u {
            Unit::Chunk(c) => {
                // the text `join` keeps is its content's plain text, computed afresh
                assert_eq!(c.text, plain_text(&c.content), "{:?}", c.content);
                Some((c.role, c.text.clone(), c.line))
            }
            Unit::Heading(_) => None,
        })
        .collect()
}

/// (what, input units, expected (role, text, line)).
type JoinCase = (&'static str, Vec<Unit>, Vec<(Role, &'static str, usize)>);

#[test]
fn chunks_join_when_unfinished() {
    use Role::*;
    let cases: Vec<JoinCase> = vec![
        (
            "mid-word split",
            vec![
                chunk(Para, "河口镇的经济，在这十年间发生了巨大的变化，经济组", 1),
                chunk(Para, "织的形式也更加多样。", 5),
            ],
            vec![(
                Para,
                "河口镇的经济，在这十年间发生了巨大的变化，经济组织的形式也更加多样。",
                1,
            )],
        ),
        (
            "finished paragraphs stay apart",
            vec![chunk(Para, "一。", 1), chunk(Para, "二。", 3)],
            vec![(Para, "一。", 1), (Para, "二。", 3)],
        ),
        (
            "item continues in text",
            vec![chunk(Item, "——在河", 1), chunk(Para, "边。", 3)],
            vec![(Item, "——在河边。", 1)],
        ),
        (
            "an item never joins the previous chunk",
            vec![chunk(Para, "如下", 1), chunk(Item, "——甲。", 3)],
            vec![(Para, "如下", 1), (Item, "——甲。", 3)],
        ),
        (
            "signature and date are not swallowed",
            vec![
                chunk(Para, "未完", 1),
                chunk(Signature, "某大学 张三", 3),
                chunk(Dateline, "2001年1月", 5),
            ],
            vec![
                (Para, "未完", 1),
                (Signature, "某大学 张三", 3),
                (Dateline, "2001年1月", 5),
            ],
        ),
        (
            "three-way split",
            vec![
                chunk(Para, "甲说，", 1),
                chunk(Para, "乙说，", 2),
                chunk(Para, "丙。", 3),
            ],
            vec![(Para, "甲说，乙说，丙。", 1)],
        ),
        (
            "a short unpunctuated title line stays apart",
            vec![chunk(Para, "河流的力量", 1), chunk(Para, "正文。", 3)],
            vec![(Para, "河流的力量", 1), (Para, "正文。", 3)],
        ),
        (
            "latin words get a space",
            vec![
                chunk(Para, "a long line that ends in a word", 1),
                chunk(Para, "next.", 2),
            ],
            vec![(Para, "a long line that ends in a word next.", 1)],
        ),
        (
            "a quote opening the next line keeps the space of a Latin join",
            vec![
                chunk(Para, "the meetings were", 1),
                chunk(Para, "\u{201c}occasional\u{201d} at best.", 2),
            ],
            vec![(
                Para,
                "the meetings were \u{201c}occasional\u{201d} at best.",
                1,
            )],
        ),
        (
            "a quote closing a Latin line keeps the space too",
            vec![
                chunk(Para, "the men\u{2019}s \u{201c}reading room\u{201d}", 1),
                chunk(Para, "was cold.", 2),
            ],
            vec![(
                Para,
                "the men\u{2019}s \u{201c}reading room\u{201d} was cold.",
                1,
            )],
        ),
        (
            "a quote between Chinese characters joins without a space",
            vec![
                chunk(Para, "他想了很久，才说", 1),
                chunk(Para, "\u{201c}好\u{201d}，就走了。", 2),
            ],
            vec![(Para, "他想了很久，才说\u{201c}好\u{201d}，就走了。", 1)],
        ),
        (
            "a hyphenated word is rejoined without the hyphen",
            vec![
                chunk(Para, "the slow develop-", 1),
                chunk(Para, "ment of the town.", 2),
            ],
            vec![(Para, "the slow development of the town.", 1)],
        ),
        (
            "a compound keeps its hyphen",
            vec![
                chunk(Para, "it was self-", 1),
                chunk(Para, "evident to all.", 2),
            ],
            vec![(Para, "it was self-evident to all.", 1)],
        ),
        (
            "a compound the book uses elsewhere keeps its hyphen",
            vec![
                chunk(Para, "the water-", 1),
                chunk(Para, "mill stood by the mill-race and the water-mill.", 2),
            ],
            vec![(
                Para,
                "the water-mill stood by the mill-race and the water-mill.",
                1,
            )],
        ),
        (
            "an em dash at a line end joins without a space",
            vec![
                chunk(Para, "the river—", 1),
                chunk(Para, "and the mill.", 2),
            ],
            vec![(Para, "the river—and the mill.", 1)],
        ),
        (
            "punctuation then a word: one space",
            vec![chunk(Para, "the river,", 1), chunk(Para, "the mill.", 2)],
            vec![(Para, "the river, the mill.", 1)],
        ),
        (
            "the layout's hint wins over punctuation",
            vec![
                chunk(Para, "It was quiet.", 1),
                hinted(Para, "So was the mill.", 2, true),
                hinted(Para, "New paragraph, unfinished", 3, false),
                hinted(Para, "Another.", 4, false),
            ],
            vec![
                (Para, "It was quiet. So was the mill.", 1),
                (Para, "New paragraph, unfinished", 3),
                (Para, "Another.", 4),
            ],
        ),
        (
            "quotation lines join each other, not the paragraphs around",
            vec![
                chunk(Para, "He wrote", 1),
                chunk(Quote, "the river runs", 2),
                hinted(Quote, "to the sea.", 3, true),
                chunk(Para, "and left", 4),
            ],
            vec![
                (Para, "He wrote", 1),
                (Quote, "the river runs to the sea.", 2),
                (Para, "and left", 4),
            ],
        ),
        (
            "a margin note in the foot of the page that cut a paragraph goes after it",
            vec![
                chunk(Para, "The mill stood by the weir and", 1),
                in_foot("Side note:", 5),
                in_foot("see the map.", 6),
                opening_page("ground the village's corn.", 8),
                chunk(Para, "Next.", 10),
            ],
            vec![
                (
                    Para,
                    "The mill stood by the weir and ground the village's corn.",
                    1,
                ),
                (Para, "Side note:", 5),
                (Para, "see the map.", 6),
                (Para, "Next.", 10),
            ],
        ),
        (
            "a foot line in lower case (code, a continuation) is no margin note",
            vec![
                chunk(Para, "The mill stood by the weir and", 1),
                in_foot("then some more", 5),
                opening_page("ground the corn.", 8),
            ],
            vec![(
                Para,
                "The mill stood by the weir and then some more ground the corn.",
                1,
            )],
        ),
        (
            "a foot block with no page opening in lower case after it stays where it is",
            vec![
                chunk(Para, "The mill stood by the weir and", 1),
                in_foot("Side note:", 5),
                opening_page("The next page.", 8),
            ],
            vec![
                (Para, "The mill stood by the weir and Side note:", 1),
                (Para, "The next page.", 8),
            ],
        ),
    ];
    for (what, input, want) in cases {
        let compounds = Compounds::from_text("the water-mill and the mill-race");
        let got = texts(&join(input, &compounds).0);
        let want: Vec<(Role, String, usize)> = want
            .into_iter()
            .map(|(r, t, l)| (r, t.to_string(), l))
            .collect();
        assert_eq!(got, want, "{what}");
    }
}
