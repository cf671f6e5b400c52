//! Which lines are note bodies (注文), settled in context before the layout rules run: a line
//! opening with `[1]`, `①`, `1.` or `*` is a footnote only at a page foot under a marker with
//! the same key on that page (or the page before: a body pushed onto the next page); under an
//! endnotes heading (`注释`, `註釋`, `Notes`) it is an endnote (尾注) of the chapter above; in a
//! references section (`参考文献`, `Bibliography`) it is a bibliography entry, never a note.

use crate::model::DivisionKind;

use super::super::Line;
use super::super::classify::Kind;
use super::super::headings::compact_within;
use super::super::joins::ends_sentence;
use super::markers::{Segment, Style, answers, body, segments, without_markers};

/// Headings of a chapter's endnotes (注释), letter-spacing removed.
pub const ENDNOTE_HEADINGS: &[&str] = &["注释", "註釋", "注釋", "尾注", "Notes", "NOTES"];

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

/// The chapter scope of lines after the last chapter when endnotes are collected for the book.
pub const ANY_CHAPTER: usize = usize::MAX;

/// Where each line's notes belong.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scopes {
    /// `endnote[i]`: line `i` is a note body under an endnotes heading.
    pub endnote: Vec<bool>,
    /// `chapter[i]`: the division (chapter) line `i` belongs to, for linking endnotes.
    pub chapter: Vec<usize>,
    /// Lines shaped like note bodies (`[1] 作者…`) kept as entries of a references section.
    pub references: Vec<usize>,
}

/// What region of the book a line is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Region {
    Text,
    Endnotes,
    References,
}

/// The heading text without spaces.
fn compact(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Whether `text`, letter-spacing removed, is one of `headings` (all under 16 characters); a
/// longer line is dismissed without being copied.
fn is_one_of(text: &str, headings: &[&str]) -> bool {
    compact_within(text, 16).is_some_and(|c| headings.contains(&c.as_str()))
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
fn is_reference_heading(kind: &Kind, text: &str) -> bool {
    match kind {
        Kind::Matter { kind, .. } => *kind == DivisionKind::Bibliography,
        Kind::Text => is_one_of(text, REFERENCE_HEADINGS),
        _ => false,
    }
}

/// A marker candidate waiting for its body: (page, key, style, matched).
type Pending = (usize, String, Style, bool);

/// Takes the earliest unmatched marker with `key` that a `style` body answers, on `page`,
/// else on the page before.
fn take(pending: &mut [Pending], page: usize, key: &str, style: Style) -> bool {
    for p in [Some(page), page.checked_sub(1)].into_iter().flatten() {
        if let Some(m) = pending
            .iter_mut()
            .find(|(pg, k, st, done)| *pg == p && !*done && k == key && answers(style, *st))
        {
            m.3 = true;
            return true;
        }
    }
    false
}

/// Settles note bodies, endnotes headings and references; returns each line's note scope.
pub fn settle(lines: &[Line<'_>], kinds: &mut [Kind], form_feed: &[bool]) -> Scopes {
    let n = kinds.len();
    let mut scopes = Scopes {
        endnote: vec![false; n],
        chapter: vec![0; n],
        references: Vec::new(),
    };
    let Some(first) = kinds.iter().position(Kind::is_heading) else {
        return scopes;
    };
    let mut region = Region::Text;
    let mut chapter = 0;
    let mut in_chapter = false;
    let mut page = 0;
    let mut in_foot = false;
    let mut open_note = false;
    let mut pending: Vec<Pending> = Vec::new();
    for i in first..n {
        let text = lines[i].text;
        if form_feed.get(i).copied().unwrap_or(false) {
            page += 1;
            in_foot = false;
        }
        if is_endnote_heading(&kinds[i], text) {
            region = Region::Endnotes;
            open_note = false;
            let title = compact(text);
            kinds[i] = if in_chapter {
                // a chapter's own endnotes: the notes are the model's, the heading is absorbed
                Kind::Blank
            } else {
                chapter = ANY_CHAPTER;
                Kind::Matter {
                    kind: DivisionKind::Endnotes,
                    title,
                }
            };
            scopes.chapter[i] = chapter;
            continue;
        }
        if is_reference_heading(&kinds[i], text) {
            region = Region::References;
            in_chapter = false;
        } else if kinds[i].is_heading() && !matches!(kinds[i], Kind::Section { .. }) {
            region = Region::Text;
            chapter = chapter.wrapping_add(1).min(ANY_CHAPTER - 1);
            in_chapter = matches!(kinds[i], Kind::Chapter { .. } | Kind::ChapterLabel { .. })
                || matches!(
                    kinds[i],
                    Kind::Matter {
                        kind: DivisionKind::Introduction,
                        ..
                    }
                );
        }
        scopes.chapter[i] = chapter;
        match region {
            Region::References => {
                if kinds[i] == Kind::Text && body(text).is_some() {
                    scopes.references.push(i);
                }
                continue;
            }
            Region::Endnotes => {
                if kinds[i] != Kind::Text {
                    continue;
                }
                if let Some((key, _, rest)) = body(text) {
                    kinds[i] = note(key, rest);
                    scopes.endnote[i] = true;
                    open_note = true;
                } else if open_note {
                    kinds[i] = Kind::NoteContinuation;
                }
                continue;
            }
            Region::Text => {}
        }
        match &kinds[i] {
            Kind::Blank => continue,
            Kind::Note { mark, text } => {
                take(&mut pending, page, mark, Style::Caret);
                in_foot = true;
                open_note = !ends_sentence(text);
                continue;
            }
            Kind::Text => {
                let set_off = i == 0
                    || form_feed.get(i).copied().unwrap_or(false)
                    || matches!(kinds[i - 1], Kind::Blank | Kind::Note { .. })
                    || in_foot;
                // a bracketed or `注1` body may follow a finished sentence directly (no rule or
                // blank line); bare digits and `*` need the foot set off
                let after_sentence = i > 0 && ends_sentence(&without_markers(lines[i - 1].text));
                let at_foot = |style: Style| {
                    set_off
                        || (after_sentence
                            && matches!(
                                style,
                                Style::Bracket | Style::Tortoise | Style::Zhu | Style::Circled
                            ))
                };
                if let Some((key, style, rest)) = body(text).filter(|b| at_foot(b.1))
                    && take(&mut pending, page, key, style)
                {
                    open_note = !ends_sentence(rest);
                    kinds[i] = note(key, rest);
                    in_foot = true;
                    continue;
                }
                if in_foot && open_note {
                    open_note = !ends_sentence(text);
                    continue;
                }
            }
            _ => {}
        }
        if in_foot {
            page += 1;
            in_foot = false;
            open_note = false;
        }
        pending.retain(|(p, _, _, done)| !*done && *p + 1 >= page);
        for s in segments(text) {
            if let Segment::Marker(m) = s {
                pending.push((page, m.key.to_string(), m.style, false));
            }
        }
    }
    scopes
}

/// A note line's kind.
fn note(key: &str, text: &str) -> Kind {
    Kind::Note {
        mark: key.to_string(),
        text: text.to_string(),
    }
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
}
