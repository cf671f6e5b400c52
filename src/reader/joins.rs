//! Rejoining paragraphs (段落拼接) broken by page breaks, blank lines or a note block — even
//! mid-word. A text chunk continues in the next one when the layout says so, or else when it
//! does not end a sentence. For CJK nothing is inserted at the join; for English a word broken
//! by a line-end hyphen is rejoined (unless it is a compound), a line-end em dash joins without a
//! space, and otherwise one space is inserted.

use crate::model::{Inline, plain_text};

use super::hyphen::{Compounds, hyphenated_tail, lower_head};
use super::notes::push_text;
use super::text::ends_sentence;
use super::units::{Chunk, Role, Unit};

/// Longest unpunctuated line that reads as a stand-alone title rather than a page-cut tail.
const MAX_TITLE_LIKE: usize = 15;

/// A short line with no punctuation at all (`网络的力量`): an unlabelled sub-heading. A paragraph
/// cut by a page break fills its last line, so a page-cut tail is never this short.
pub fn title_like(text: &str) -> bool {
    let t = text.trim();
    t.chars().nth(MAX_TITLE_LIKE).is_none()
        && !t
            .chars()
            .any(|c| c.is_ascii_punctuation() || is_cjk_punctuation(c))
}

/// Whether `c` is CJK or full-width punctuation (。，、“” 《》 ……).
fn is_cjk_punctuation(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303F | 0xFF01..=0xFF0F | 0xFF1A..=0xFF20 | 0x2010..=0x2027)
}

/// Whether `next` continues the paragraph that `prev` leaves unfinished.
pub fn continues(prev: &Chunk, next: &Chunk) -> bool {
    match (prev.role, next.role) {
        (Role::Quote, Role::Quote)
        | (Role::Verse, Role::Verse)
        | (Role::Figure, Role::Figure)
        | (Role::Pre, Role::Pre)
        | (Role::Signature, Role::Signature) => next.hint == Some(true),
        // a paragraph never opens with a note reference: the wrap set the marker of the last
        // word above at this line's start (`宏集。` / `5 如果…`)
        (Role::Para | Role::Item, Role::Para) if opens_with_note_ref(next) => true,
        (Role::Para | Role::Item, Role::Para) => next.hint.unwrap_or_else(|| match prev.role {
            Role::Para => !ends_sentence(&prev.text) && !title_like(&prev.text),
            _ => !ends_sentence(&prev.text),
        }),
        _ => false,
    }
}

/// Whether a chunk's first content (after a page mark) is a note reference.
fn opens_with_note_ref(chunk: &Chunk) -> bool {
    chunk
        .content
        .iter()
        .find(|c| !matches!(c, Inline::PageBreak(_)))
        .is_some_and(|c| matches!(c, Inline::NoteRef(_)))
}

/// How lines were joined: (count, first 1-based line) per kind of join.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JoinStats {
    /// English words broken by a line-end hyphen, rejoined without it.
    pub hyphens: (usize, usize),
    /// Line-end hyphens kept because the word is a compound.
    pub compounds: (usize, usize),
    /// Lines ending in an em dash, joined without a space.
    pub em_dashes: (usize, usize),
    /// Chunks joined because the one before left its sentence unfinished (no layout hint):
    /// paragraphs cut by a page break, a note block or a blank line.
    pub unfinished: (usize, usize),
}

/// Bumps a (count, first line) tally.
fn tally(t: &mut (usize, usize), line: usize) {
    if t.0 == 0 {
        t.1 = line;
    }
    t.0 += 1;
}

/// Merges each unfinished paragraph, item or quotation with the chunk that continues it.
pub fn join(units: Vec<Unit>, compounds: &Compounds) -> (Vec<Unit>, JoinStats) {
    let mut stats = JoinStats::default();
    let mut out: Vec<Unit> = Vec::with_capacity(units.len());
    // whether the last chunk out was joined here: its text is then its content's plain text,
    // kept up to date by `append` (not read again from the whole paragraph at every line)
    let mut joined = false;
    for unit in units {
        if let (Some(Unit::Chunk(prev)), Unit::Chunk(next)) = (out.last_mut(), &unit) {
            if continues(prev, next) {
                if next.hint.is_none() {
                    tally(&mut stats.unfinished, next.line);
                }
                let mut text = if joined {
                    std::mem::take(&mut prev.text)
                } else {
                    plain_text(&prev.content)
                };
                append(&mut prev.content, &mut text, next, compounds, &mut stats);
                prev.text = text;
                joined = true;
                continue;
            }
        }
        out.push(unit);
        joined = false;
    }
    (out, stats)
}

/// Whether `c` belongs to CJK text (ideographs, kana, CJK and full-width punctuation).
fn is_cjk(c: char) -> bool {
    (c as u32) >= 0x2E80 || is_cjk_punctuation(c)
}

/// Curly quotes (“ ” ‘ ’) serve Chinese and English text alike: at a join they take the script
/// of the text beyond them, so `were` + `“occasional”` gets its space and `说` + `“好”` none.
fn is_shared_quote(c: char) -> bool {
    matches!(c, '“' | '”' | '‘' | '’')
}

/// Whether the first character of `side` past any shared quotes is CJK (false when there is none).
fn side_is_cjk(mut side: impl Iterator<Item = char>) -> bool {
    side.find(|c| !is_shared_quote(*c)).is_some_and(is_cjk)
}

/// Appends the next chunk's content at a line join: CJK gets nothing, English a space, a
/// line-end hyphen is dropped unless the word is a compound, a line-end em dash gets no space.
/// `text` is the plain text of `into` (as [`plain_text`] gives it) and is kept so.
fn append(
    into: &mut Vec<Inline>,
    text: &mut String,
    next: &Chunk,
    compounds: &Compounds,
    stats: &mut JoinStats,
) {
    let more = &next.content;
    let right_text = plain_text(more);
    // Verse, preformatted lines and a signature under its valediction keep their line ends.
    match next.role {
        Role::Verse | Role::Signature => into.push(Inline::LineBreak),
        Role::Pre => {
            push_text(into, "\n");
            text.push('\n');
        }
        _ => {}
    }
    if matches!(next.role, Role::Verse | Role::Pre | Role::Signature) {
        for i in more {
            match i {
                Inline::Text(t) => push_text(into, t),
                other => into.push(other.clone()),
            }
        }
        text.push_str(&right_text);
        return;
    }
    let left = text.chars().last();
    let right = right_text.chars().next();
    let broken = hyphenated_tail(text).zip(lower_head(&right_text));
    if let Some((l, r)) = broken {
        if compounds.keeps(l, r) {
            tally(&mut stats.compounds, next.line);
        } else if let Some(Inline::Text(t)) = into.last_mut() {
            // the last text inline ends the plain text: its last character goes from both
            if let Some(c) = t.pop() {
                text.truncate(text.len() - c.len_utf8());
            }
            tally(&mut stats.hyphens, next.line);
        }
    } else if let (Some(l), Some(r)) = (left, right) {
        if l == '—' && !is_cjk(r) {
            tally(&mut stats.em_dashes, next.line);
        } else if !side_is_cjk(text.chars().rev())
            && !side_is_cjk(right_text.chars())
            && l != '—'
            && r != '—'
            && !l.is_whitespace()
        {
            push_text(into, " ");
            text.push(' ');
        }
    }
    for i in more {
        match i {
            Inline::Text(t) => push_text(into, t),
            other => into.push(other.clone()),
        }
    }
    text.push_str(&right_text);
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
        })
    }

    fn hinted(role: Role, text: &str, line: usize, hint: bool) -> Unit {
        let mut u = chunk(role, text, line);
        if let Unit::Chunk(c) = &mut u {
            c.hint = Some(hint);
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
}
