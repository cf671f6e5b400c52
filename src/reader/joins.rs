//! Rejoining paragraphs (段落拼接) broken by page breaks, blank lines or a note block — even
//! mid-word. A text chunk that does not end a sentence continues in the next text chunk; for
//! CJK nothing is inserted at the join.

use crate::model::{Inline, plain_text};

use super::notes::push_text;
use super::units::{Chunk, Role, Unit};

/// Characters that end a sentence (句末标点).
const FINAL: &[char] = &[
    '。', '！', '？', '!', '?', '…', '；', ';', '：', ':', '.', '．',
];

/// Closing quotes and brackets: they end a sentence only after a sentence-final mark.
const CLOSERS: &[char] = &[
    '”', '’', '」', '』', '）', ')', '】', '》', '〉', '"', '\'', '］', ']',
];

/// Whether text ends a sentence: `。！？…；：` (also inside closing quotes/brackets: `。”`).
pub fn ends_sentence(text: &str) -> bool {
    let mut chars = text
        .trim_end()
        .chars()
        .rev()
        .skip_while(|c| CLOSERS.contains(c));
    chars.next().is_some_and(|c| FINAL.contains(&c))
}

/// Whether `next` continues the paragraph that `prev` leaves unfinished.
pub fn continues(prev: &Chunk, next: &Chunk) -> bool {
    matches!(prev.role, Role::Para | Role::Item)
        && next.role == Role::Para
        && !ends_sentence(&prev.text)
}

/// Merges each unfinished paragraph or item with the text chunk that continues it.
pub fn join(units: Vec<Unit>) -> Vec<Unit> {
    let mut out: Vec<Unit> = Vec::with_capacity(units.len());
    for unit in units {
        if let (Some(Unit::Chunk(prev)), Unit::Chunk(next)) = (out.last_mut(), &unit) {
            if continues(prev, next) {
                append(&mut prev.content, &next.content);
                prev.text = plain_text(&prev.content);
                continue;
            }
        }
        out.push(unit);
    }
    out
}

/// Appends inline content; a space only between two Latin letters or digits.
fn append(into: &mut Vec<Inline>, more: &[Inline]) {
    let left = plain_text(into).chars().last();
    let right = plain_text(more).chars().next();
    if let (Some(l), Some(r)) = (left, right) {
        if l.is_ascii_alphanumeric() && r.is_ascii_alphanumeric() {
            push_text(into, " ");
        }
    }
    for i in more {
        match i {
            Inline::Text(t) => push_text(into, t),
            other => into.push(other.clone()),
        }
    }
}

#[cfg(test)]
mod tests {
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

    fn chunk(role: Role, text: &str, line: usize) -> Unit {
        Unit::Chunk(Chunk {
            role,
            content: vec![Inline::Text(text.into())],
            text: text.into(),
            line,
        })
    }

    fn texts(units: &[Unit]) -> Vec<(Role, String, usize)> {
        units
            .iter()
            .filter_map(|u| match u {
                Unit::Chunk(c) => Some((c.role, c.text.clone(), c.line)),
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
                vec![chunk(Para, "经济组", 1), chunk(Para, "织的变化。", 5)],
                vec![(Para, "经济组织的变化。", 1)],
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
                    chunk(Para, "甲", 1),
                    chunk(Para, "乙", 2),
                    chunk(Para, "丙。", 3),
                ],
                vec![(Para, "甲乙丙。", 1)],
            ),
            (
                "latin words get a space",
                vec![chunk(Para, "word", 1), chunk(Para, "next.", 2)],
                vec![(Para, "word next.", 1)],
            ),
        ];
        for (what, input, want) in cases {
            let got = texts(&join(input));
            let want: Vec<(Role, String, usize)> = want
                .into_iter()
                .map(|(r, t, l)| (r, t.to_string(), l))
                .collect();
            assert_eq!(got, want, "{what}");
        }
    }
}
