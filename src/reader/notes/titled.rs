//! Notes on a title (题注): the first note of a chapter's or story's notes is often about the
//! piece itself (where it first appeared), printed with its marker on the title. When that
//! marker was lost (a typist's file, a broken conversion) the note stays uncalled while notes
//! after it answer markers in the text: such a note is linked to its chapter's title.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::NoteId;

use super::super::kind::Kind;
use super::MarkerAt;

/// The marker ordinal of a note reference set at the end of a heading's title: a title note
/// has no marker in the line, its reference follows the title's text.
pub const TITLE_SLOT: usize = usize::MAX;

/// An endnote: its id, its line index, its chapter and endnote block, and the title line of
/// the last chapter-level heading above it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Unanswered {
    pub(super) id: NoteId,
    pub(super) line: usize,
    pub(super) chapter: usize,
    pub(super) block: usize,
    pub(super) head: Option<usize>,
}

/// The line whose title carries a note reference of the chapter-level heading at line `i`
/// (a part or chapter, not a section): the heading's own line, or the title line below a label
/// alone (`第一章` / `河`). `None` for other lines and for headings whose title is not read
/// through note markers (matter headings, run-in titles).
pub(super) fn title_line(kinds: &[Kind], i: usize) -> Option<usize> {
    match kinds[i] {
        Kind::Heading { level, .. } if level > 1 => None,
        Kind::Chapter { .. } | Kind::Part { .. } => Some(i),
        Kind::Heading { ref title, .. } if !title.is_empty() => Some(i),
        Kind::Heading { .. } | Kind::ChapterLabel { .. } | Kind::PartLabel { .. } => {
            let below = (i + 1..kinds.len()).find(|&j| kinds[j] != Kind::Blank)?;
            (kinds[below] == Kind::HeadingTitle).then_some(below)
        }
        _ => None,
    }
}

/// Decides which unanswered endnotes are notes on their chapter's title: the first note of its
/// block (no endnote of the same block and chapter before it), a note after it in the block
/// answered by a marker, and the heading above it carrying no note reference yet, with no
/// other block of notes between them (the heading is its own chapter's). Returns the title
/// notes with where their reference goes; the others are left in `unanswered`.
pub(super) fn title_notes(
    unanswered: &mut Vec<Unanswered>,
    endnotes: &[Unanswered],
    refs: &BTreeMap<MarkerAt, NoteId>,
) -> Vec<(MarkerAt, NoteId)> {
    let linked: BTreeSet<NoteId> = refs.values().copied().collect();
    let mut titled_lines: BTreeSet<usize> = refs.keys().map(|at| at.0).collect();
    let mut out = Vec::new();
    unanswered.retain(|u| {
        let same = |e: &&Unanswered| e.block == u.block && e.chapter == u.chapter;
        let first = endnotes.iter().filter(same).all(|e| e.line >= u.line);
        let others_linked = endnotes
            .iter()
            .filter(same)
            .any(|e| e.line > u.line && linked.contains(&e.id));
        let own = |h: usize| {
            !endnotes
                .iter()
                .any(|e| e.line > h && e.line < u.line && !same(&e))
        };
        match u.head {
            Some(h) if first && others_linked && own(h) && titled_lines.insert(h) => {
                out.push(((h, TITLE_SLOT), u.id));
                false
            }
            _ => true,
        }
    });
    out
}

#[cfg(test)]
mod tests {
    use super::super::tests::run;
    use super::TITLE_SLOT;
    use crate::diag::Code;

    /// Two chapters, each closed by its notes; `title` is the second one's heading line.
    fn stories(first_notes: &str, title: &str) -> String {
        format!(
            "江邊集\n\n第一章 序\n\n    我在少年時候也曾做過夢ゝ，但並不以為可惜。\n\n\
             \n    □注釋\n\n    ゝ夢︰指少年時的設想。\n\n\n{title}\n\n    \
             碼頭上每天都有人等船え，船來得很慢ぉ。\n\n\n    注釋︰\n\n{first_notes}\
             \n    え等船︰舊時過江只有渡船。\n\n    ぉ慢︰一天只有兩班。\n"
        )
    }

    #[test]
    fn a_first_note_no_marker_calls_is_its_titles() {
        // (what, the second story's first note line, its title line, whether the note goes
        // to the title, P0501 warnings)
        let cases = [
            (
                "the uncalled first note goes to the title",
                "    ぇ本篇最初刊于某報。\n",
                "第二章 江邊",
                true,
                0,
            ),
            (
                "a title carrying its own marker is linked by it, not by this rule",
                "    ぇ本篇最初刊于某報。\n",
                "第二章 江邊ぇ",
                false,
                0,
            ),
            (
                "no uncalled first note: nothing goes to the title",
                "",
                "第二章 江邊",
                false,
                0,
            ),
        ];
        for (what, note, title, to_title, warnings) in cases {
            let text = stories(note, title);
            let (links, kinds) = run(&text);
            let heading = text.split('\n').position(|l| l == title).unwrap();
            assert!(kinds[heading] != "Text", "{what}: {kinds:?}");
            assert_eq!(
                links.refs.contains_key(&(heading, TITLE_SLOT)),
                to_title,
                "{what}: {:?}",
                links.refs
            );
            assert_eq!(links.titled.len(), usize::from(to_title), "{what}");
            let p0501 = links
                .diagnostics
                .iter()
                .filter(|d| d.code == Code::EndnoteUnmarked)
                .count();
            assert_eq!(p0501, warnings, "{what}: {:?}", links.diagnostics);
            assert_eq!(
                links.refs.len(),
                links.notes.len(),
                "{what}: every note linked"
            );
        }
    }

    #[test]
    fn a_block_no_marker_answers_stays_reported() {
        // (what, the second chapter's text with markers taken out, titled notes, P0501 count)
        let text = stories("    ぇ本篇最初刊于某報。\n", "第二章 江邊");
        let cases = [
            (
                "one later note answered: the first is the title's",
                text.replace("等船え", "等船"),
                1,
                1,
            ),
            (
                "no note of the block answered: all reported",
                text.replace("等船え", "等船").replace("很慢ぉ", "很慢"),
                0,
                3,
            ),
        ];
        for (what, text, titled, warnings) in cases {
            let (links, _) = run(&text);
            assert_eq!(links.titled.len(), titled, "{what}");
            let p0501 = links
                .diagnostics
                .iter()
                .filter(|d| d.code == Code::EndnoteUnmarked)
                .count();
            assert_eq!(p0501, warnings, "{what}: {:?}", links.diagnostics);
        }
    }
}
