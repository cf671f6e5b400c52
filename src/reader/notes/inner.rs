//! Notes set under the table or minipage that calls them (表注, 小页注), in the middle of a page:
//! LaTeX prints the notes of a `tabular` or `minipage` right below it (`1`, `2` or `a`, `b`),
//! and pdftotext leaves them between the paragraphs, not at the page foot. A group of entries in
//! key sequence is such a block when markers of its keys, in the same order, stand above it on
//! the page: at least two thirds of a group of two or more, or, for a lone minipage letter
//! (`a`), a marker a few lines above it.

use super::super::Line;
use super::super::kind::Kind;
use super::super::text::ends_sentence;
use super::foot::{Candidate, Entry, MAX_NOTE_LINES, Pair, Paired, same_family, successor};
use super::markers::answers;

/// Most lines between a lone minipage note and its marker.
const LONE_REACH: usize = 8;

/// Settles the blocks of inner notes among a page's `entries` that are still text; markers are
/// `candidates[carried..]` not yet `used` (this page's own).
#[allow(clippy::too_many_arguments)]
pub(super) fn settle_inner(
    lines: &[Line<'_>],
    kinds: &mut [Kind],
    listed: &[bool],
    entries: &[Entry],
    candidates: &[Candidate],
    carried: usize,
    used: &mut [bool],
    paired: &mut Paired,
) {
    let mut groups: Vec<Vec<&Entry>> = Vec::new();
    // LaTeX sets a table's note numbers bare (`1 text`); `1. text` mid-page is a numbered list
    let list_number = |e: &Entry| {
        let t = lines[e.line].text.trim_start();
        t.starts_with(|c: char| c.is_ascii_digit())
            && t.trim_start_matches(|c: char| c.is_ascii_digit())
                .starts_with('.')
    };
    for e in entries
        .iter()
        .filter(|e| kinds[e.line] == Kind::Text && !list_number(e))
    {
        let follows = groups.last().and_then(|g| g.last()).is_some_and(|p| {
            successor(&p.key).as_deref() == Some(e.key.as_str())
                && same_family(p.style, e.style)
                && e.line - p.line <= MAX_NOTE_LINES
        });
        match groups.last_mut() {
            Some(g) if follows => g.push(e),
            _ => groups.push(vec![e]),
        }
    }
    for g in groups {
        let first = g[0].line;
        let lone = g.len() == 1;
        if lone && !g[0].key.chars().all(|c| c.is_ascii_lowercase()) {
            continue;
        }
        // last to first, each to the latest unused marker of its key above the group
        let mut matched = vec![None; g.len()];
        let mut limit = candidates.len();
        for (r, e) in g.iter().enumerate().rev() {
            let found = (carried..limit).rev().find(|&k| {
                let c = &candidates[k];
                c.at.0 < first
                    && !used[k]
                    && c.key == e.key
                    && answers(e.style, c.style)
                    && (!lone || first - c.at.0 <= LONE_REACH)
            });
            if let Some(k) = found {
                matched[r] = Some(k);
                limit = k;
            }
        }
        let answered = matched.iter().flatten().count();
        let ok = if lone {
            answered == 1
        } else {
            answered >= 2 && 3 * answered >= 2 * g.len()
        };
        if !ok {
            continue;
        }
        for (r, e) in g.iter().enumerate() {
            kinds[e.line] = Kind::Note {
                mark: e.key.clone(),
                text: e.text.clone(),
            };
            paired.insert(
                e.line,
                matched[r].map(|k| {
                    used[k] = true;
                    Pair {
                        at: candidates[k].at,
                        style: candidates[k].style,
                        carried: false,
                    }
                }),
            );
            // the body goes on to the end of its sentence (a key alone takes the line below)
            let next = g.get(r + 1).map_or(kinds.len(), |n| n.line);
            let mut ended = !e.text.is_empty() && ends_sentence(&e.text);
            let mut taken = !e.text.is_empty();
            for j in e.line + 1..next.min(e.line + MAX_NOTE_LINES) {
                if ended || listed[j] {
                    break;
                }
                match kinds[j] {
                    Kind::Blank if !taken => {}
                    Kind::Text => {
                        kinds[j] = Kind::NoteContinuation;
                        ended = ends_sentence(lines[j].text);
                        taken = true;
                    }
                    _ => break,
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::run;

    #[test]
    fn notes_under_their_table_or_minipage() {
        // (what, manuscript, each line's kind)
        type Case = (&'static str, &'static str, &'static [&'static str]);
        let cases: &[Case] = &[
            (
                "a table's notes under it, apart from the page foot's own numbering",
                "第一章 河\n\u{c}本页正文说到项目12 。\n表 1 两条河\n长江1      黄河2\n1 长江的说明。\n2 黄河的说明。\n表后的正文接着写。\n12 注十二。\n\u{c}下页。",
                &[
                    "Chapter", "Text", "Text", "Text", "Note 1", "Note 2", "Text", "Note 12",
                    "Text",
                ],
            ),
            (
                "a minipage's letter note, its text on the line below the letter",
                "第一章 河\n\u{c}警告\n请用某引擎编译本书，其他引擎不受支持 a 。\n    a\n        将来的引擎也许会考虑。\n下文接着写，提到项目1 。\n1 注一。\n\u{c}下页。",
                &[
                    "Chapter",
                    "Text",
                    "Text",
                    "Note a",
                    "NoteContinuation",
                    "Text",
                    "Note 1",
                    "Text",
                ],
            ),
            (
                "numbered lines mid-page that no marker above calls stay text",
                "第一章 河\n\u{c}步骤如下：\n1 打开文件。\n2 保存文件。\n表后的正文提到项目3 。\n3 注三。\n\u{c}下页。",
                &["Chapter", "Text", "Text", "Text", "Text", "Note 3", "Text"],
            ),
            (
                "a list numbered `1.` mid-page is no table's notes, though digits above match",
                "第一章 河\n\u{c}If you define \\cmd1 and \\fred2 and word3 here.\nThree groups:\n  1. horizontal;\n  2. vertical;\n  3. math.\nMore text on word4 here.\n4 A note.\n\u{c}下页。",
                &[
                    "Chapter", "Text", "Text", "Text", "Text", "Text", "Text", "Note 4", "Text",
                ],
            ),
            (
                "a letter far below its marker is no minipage note",
                "第一章 河\n\u{c}甲文支持 a 。\n一\n二\n三\n四\n五\n六\n七\n八\n九\n    a\n        不是注。\n提到项目1 。\n1 注一。\n\u{c}下页。",
                &[
                    "Chapter", "Text", "Text", "Text", "Text", "Text", "Text", "Text", "Text",
                    "Text", "Text", "Text", "Text", "Text", "Note 1", "Text",
                ],
            ),
        ];
        for (what, input, want) in cases {
            let (links, got) = run(input);
            assert_eq!(&got, want, "{what}");
            assert!(
                links.diagnostics.is_empty(),
                "{what}: {:?}",
                links.diagnostics
            );
        }
    }
}
