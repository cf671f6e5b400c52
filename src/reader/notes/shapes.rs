//! The line shapes note settling reads (see [`settle`](super::settle)): endnotes and
//! references headings (`注释`, `Notes`, `参考文献`), rules ending a block of notes, indents,
//! Project Gutenberg's bracketed footnotes and transcriber's notes, bracket depth.

use crate::model::DivisionKind;

use super::super::Line;
use super::super::headings::compact_within;
use super::super::kind::Kind;

/// Headings of a chapter's endnotes (注释), letter-spacing, a leading box (`□注釋`) and a
/// trailing colon (`注釋︰`, `FOOTNOTES:`) removed.
pub const ENDNOTE_HEADINGS: &[&str] = &[
    "注释",
    "註釋",
    "注釋",
    "尾注",
    "脚注",
    "腳註",
    "Notes",
    "NOTES",
    "Footnotes",
    "FOOTNOTES",
    "Endnotes",
    "ENDNOTES",
];

/// Headings of a references section (参考文献), letter-spacing removed.
pub const REFERENCE_HEADINGS: &[&str] = &[
    "参考文献",
    "主要参考文献",
    "參考文獻",
    "參考書目",
    "参考书目",
    "Bibliography",
    "References",
    "BIBLIOGRAPHY",
    "REFERENCES",
];

/// The heading text without spaces.
pub(super) fn compact(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Boxes and bullets set before a heading (`□注釋`).
const BOXES: [char; 7] = ['□', '■', '◎', '●', '○', '◆', '◇'];

/// Whether `text`, letter-spacing, a leading box or bullet and a trailing colon removed, is one
/// of `headings` (all under 16 characters); a longer line is dismissed without being copied.
fn is_one_of(text: &str, headings: &[&str]) -> bool {
    // the first character after white space and boxes must open one of the headings: most
    // lines are dismissed here, without being compacted
    let first = text
        .chars()
        .find(|c| !c.is_whitespace() && !BOXES.contains(c));
    if !first.is_some_and(|f| headings.iter().any(|h| h.starts_with(f))) {
        return false;
    }
    compact_within(text, 16).is_some_and(|c| {
        let c = c
            .trim_start_matches(BOXES)
            .trim_end_matches([':', '：', '︰']);
        headings.contains(&c)
    })
}

/// Whether the line is an endnotes heading (`注释`, `Notes`).
pub fn is_endnote_heading(kind: &Kind, text: &str) -> bool {
    match kind {
        Kind::Matter { kind, .. } => *kind == DivisionKind::Endnotes,
        Kind::Text => is_one_of(text, ENDNOTE_HEADINGS),
        _ => false,
    }
}

/// Whether the line is a references heading (`参考文献`, `Bibliography`).
pub(super) fn is_reference_heading(kind: &Kind, text: &str) -> bool {
    match kind {
        Kind::Matter { kind, .. } => *kind == DivisionKind::Bibliography,
        Kind::Text => is_one_of(text, REFERENCE_HEADINGS),
        _ => false,
    }
}

/// Whether the line heads a list of notes or references (`注释`, `Notes`, `参考文献`).
pub fn is_list_heading(kind: &Kind, text: &str) -> bool {
    is_endnote_heading(kind, text) || is_reference_heading(kind, text)
}

/// A rule line (`-----`, `=====`, `* * *`): the end of a block of notes.
pub(super) fn is_rule(text: &str) -> bool {
    let t = text.trim();
    let marks = t.chars().filter(|c| !c.is_whitespace()).count();
    marks >= 3
        && t.chars()
            .all(|c| c.is_whitespace() || "-=_*~—·".contains(c))
}

/// Columns of leading white space.
pub(super) fn indent(text: &str) -> usize {
    text.chars()
        .take_while(|c| c.is_whitespace())
        .map(|c| if c == '　' { 2 } else { 1 })
        .sum()
}

/// Whether an endnotes line is an entry whose key was lost in conversion, a full-width space
/// standing where the key stood (`    　“行狀”︰…` under entries set at four columns): it stays
/// in the block, kept with the note above, so that the block goes on to the entries after it.
pub(super) fn key_lost(text: &str, entry_indent: Option<usize>) -> bool {
    let lead = &text[..text.len() - text.trim_start().len()];
    entry_indent.is_some_and(|e| indent(text) == e + 2 && lead.ends_with('　'))
}

/// `[Footnote 1: text…` (Project Gutenberg): the key and the text after the colon.
pub(super) fn gutenberg_footnote(text: &str) -> Option<(&str, &str)> {
    let t = text.trim_start();
    let rest = t
        .strip_prefix("[Footnote ")
        .or_else(|| t.strip_prefix("[footnote "))?;
    let (key, body) = rest.split_once(':')?;
    let key = key.trim();
    let ok = !key.is_empty()
        && key.chars().count() <= 3
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '*');
    ok.then(|| (key, body.trim_start()))
}

/// `[Transcriber's Note: …` (Project Gutenberg): the note's text.
pub(super) fn transcribers_note(text: &str) -> Option<&str> {
    let t = text.trim_start();
    if !t.starts_with('[') {
        // every opening below starts with `[` (most lines end here, before a lower-cased copy)
        return None;
    }
    let lower: String = t.chars().take(20).flat_map(char::to_lowercase).collect();
    let open = [
        "[transcriber's note",
        "[transcriber’s note",
        "[transcribers note",
    ]
    .iter()
    .find(|o| lower.starts_with(*o))?;
    let len: usize = t
        .chars()
        .take(open.chars().count())
        .map(char::len_utf8)
        .sum();
    let rest = &t[len..];
    let rest = rest.trim_start_matches(['s', 'S']);
    Some(rest.trim_start_matches([':', '.', ' ']).trim_start())
}

/// The bracket depth a line leaves: `[` opens, `]` closes.
pub(super) fn depth_after(text: &str, mut depth: usize) -> usize {
    for c in text.chars() {
        match c {
            '[' => depth += 1,
            ']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    depth
}

/// Whether the endnotes heading on line `i` opens the book's notes (a back-matter division)
/// rather than one chapter's: it is the first line of its page, no running head above it
/// (a page number at most), and the notes under it begin with a chapter's name (`Chapter 3
/// Text and fonts`, `C HAPTER 3`, `第三章`), as a book's notes are grouped by chapter.
pub(super) fn opens_book_notes(
    lines: &[Line<'_>],
    kinds: &[Kind],
    form_feed: &[bool],
    i: usize,
) -> bool {
    let page_top = (0..=i)
        .rev()
        .take_while(|&k| {
            k == i
                || kinds[k] == Kind::Blank
                || kinds[k] == Kind::Furniture
                    && super::super::furniture::page_number(lines[k].text).is_some()
        })
        .any(|k| form_feed.get(k).copied().unwrap_or(false));
    if !page_top {
        return false;
    }
    let Some(j) =
        (i + 1..kinds.len()).find(|&j| !matches!(kinds[j], Kind::Blank | Kind::Furniture))
    else {
        return false;
    };
    names_chapter(lines[j].text)
}

/// Whether a line opens with a chapter's name: `Chapter` and a number (letter-spacing and
/// case aside), or `第…章`.
fn names_chapter(text: &str) -> bool {
    let c: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .take(12)
        .collect::<String>()
        .to_lowercase();
    if let Some(rest) = c.strip_prefix("chapter") {
        return rest.starts_with(|ch: char| ch.is_ascii_digit());
    }
    c.starts_with('第') && c.chars().take(6).any(|ch| ch == '章')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_by_compact_text() {
        let long = "注释".repeat(9);
        let cases = [
            ("注 释", ENDNOTE_HEADINGS, true),
            ("  Notes ", ENDNOTE_HEADINGS, true),
            (long.as_str(), ENDNOTE_HEADINGS, false),
            ("主 要 参 考 文 献", REFERENCE_HEADINGS, true),
            ("B I B L I O G R A P H Y", REFERENCE_HEADINGS, true),
            ("参考文献中的说明", REFERENCE_HEADINGS, false),
            ("注释", REFERENCE_HEADINGS, false),
        ];
        for (text, headings, want) in cases {
            assert_eq!(is_one_of(text, headings), want, "{text:?}");
        }
    }

    #[test]
    fn lines_naming_a_chapter() {
        let cases = [
            ("Chapter 3 Text and fonts", true),
            ("C HAPTER 12 PAGE NOTES", true),
            ("第三章 河流", true),
            ("Chapters of the book", false),
            ("1. See the book.", false),
            ("第一节", false),
        ];
        for (text, want) in cases {
            assert_eq!(names_chapter(text), want, "{text:?}");
        }
    }
}
