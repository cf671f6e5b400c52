//! Which lines are note bodies (注文), settled in context before the layout rules run: a line
//! opening with `[1]`, `①`, `1.` or `*` is a footnote only at a page foot under a marker with
//! the same key on that page (or the page before: a body pushed onto the next page); under an
//! endnotes heading (`注释`, `註釋`, `Notes`) it is an endnote (尾注) of the chapter above; in a
//! references section (`参考文献`, `Bibliography`) it is a bibliography entry, never a note.

use std::collections::BTreeSet;

use crate::model::DivisionKind;

use super::super::Line;
use super::super::kind::Kind;
use super::super::text::ends_sentence;
use super::foot::{Paired, settle_feet, successor};
use super::index::MarkerIndex;
use super::markers::{Segment, Style, answers, body, normal_key, segments, without_markers};
pub use super::shapes::{
    ENDNOTE_HEADINGS, REFERENCE_HEADINGS, is_endnote_heading, is_list_heading,
};
use super::shapes::{
    compact, depth_after, gutenberg_footnote, indent, is_reference_heading, is_rule, key_lost,
    opens_book_notes, transcribers_note,
};

/// The chapter scope of lines after the last chapter when endnotes are collected for the book.
pub const ANY_CHAPTER: usize = usize::MAX;

/// Where each line's notes belong.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scopes {
    /// `endnote[i]`: line `i` is a note body under an endnotes heading.
    pub endnote: Vec<bool>,
    /// `chapter[i]`: the division (chapter) line `i` belongs to, for linking endnotes.
    pub chapter: Vec<usize>,
    /// `block[i]`: how many blocks of endnotes end before line `i`; an endnote answers the
    /// markers of its own block first (the text since the block of notes before it), so that
    /// a story's or chapter's notes pair even where its heading was not recognised.
    pub block: Vec<usize>,
    /// Lines shaped like note bodies (`[1] 作者…`) kept as entries of a references section.
    pub references: Vec<usize>,
    /// Page-foot notes the foot pass paired with their markers (see [`foot`](super::foot)).
    pub paired: Paired,
    /// Notes that no marker calls by nature (`[Transcriber's Note: …]`): no warning.
    pub uncalled: BTreeSet<usize>,
    /// Lines whose last `]` closes a bracketed note (`[Footnote 1: …]`) and is not note text.
    pub closing: BTreeSet<usize>,
}

/// What region of the book a line is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Region {
    Text,
    Endnotes,
    References,
}

/// Whether an endnote with `key` may follow one with `prev`: the next in the sequence, a
/// numbering restarting (`1`, `①`, `A`, `*`), or glyph keys, which have no order.
fn in_sequence(prev: Option<&str>, key: &str, style: Style) -> bool {
    let Some(prev) = prev else { return true };
    style == Style::Glyph
        || successor(prev).as_deref() == Some(key)
        || matches!(key, "1" | "①" | "A" | "a" | "*")
}

/// A marker candidate waiting for its body: its style, and whether a body took it.
type Waiting = (Style, bool);

/// Markers of the text waiting for bodies, by page.
#[derive(Default)]
struct Markers {
    all: Vec<Waiting>,
    index: MarkerIndex,
}

impl Markers {
    fn push(&mut self, page: usize, key: &str, style: Style) {
        self.index.push(page, &normal_key(key), self.all.len());
        self.all.push((style, false));
    }

    /// Takes the earliest unmatched marker with `key` that a `style` body answers, on `page`,
    /// else on the page before.
    fn take(&mut self, page: usize, key: &str, style: Style) -> bool {
        for p in [Some(page), page.checked_sub(1)].into_iter().flatten() {
            let all = &self.all;
            let found = self
                .index
                .take(p, key, |k| all[k].1, |k| answers(style, all[k].0));
            if let Some(k) = found {
                self.all[k].1 = true;
                return true;
            }
        }
        false
    }
}

/// Settles note bodies, endnotes headings and references; returns each line's note scope.
pub fn settle(lines: &[Line<'_>], kinds: &mut [Kind], form_feed: &[bool]) -> Scopes {
    let n = kinds.len();
    let mut scopes = Scopes {
        endnote: vec![false; n],
        chapter: vec![0; n],
        ..Scopes::default()
    };
    scopes.paired = settle_feet(lines, kinds, form_feed);
    // lines before the first heading are title pages and colophon (a CIP block's `①` is no
    // marker); a manuscript without headings is all text. An endnotes heading before the first
    // heading shows that text comes before it (a preface or story whose title was not read).
    let endnote_headings: Vec<usize> = (0..n)
        .filter(|&i| is_endnote_heading(&kinds[i], lines[i].text))
        .collect();
    let first = kinds.iter().position(Kind::is_heading).unwrap_or(0);
    let first = if endnote_headings.first().is_some_and(|&h| h < first) {
        0
    } else {
        first
    };
    // several endnotes headings are each a chapter's or story's own notes, never a division of
    // the book; a single one outside a chapter heads the book's notes
    let per_chapter = endnote_headings.len() > 1;
    let paged = form_feed.iter().any(|&f| f);
    let mut region = Region::Text;
    let mut chapter = 0;
    let mut in_chapter = false;
    let mut page: usize = 0;
    let mut in_foot = false;
    // whether a content line other than furniture came before on this page: a foot note is
    // never the first thing on its page (`1 Introduction` under the folio heads a chapter)
    let mut page_begun = false;
    let mut open_note = false;
    // endnotes: the key of the last entry, the first entry's indent
    let mut last_key: Option<String> = None;
    let mut entry_indent: Option<usize> = None;
    // endnotes: whether the last note line ended a sentence
    let mut ended = false;
    // an open `[Footnote …` block: its bracket depth
    let mut bracket = 0;
    let mut pending = Markers::default();
    for i in first..n {
        let text = lines[i].text;
        if form_feed.get(i).copied().unwrap_or(false) {
            page += 1;
            in_foot = false;
            page_begun = false;
            pending.index.forget_before(page.saturating_sub(1));
        }
        let begun = page_begun;
        page_begun |= !matches!(kinds[i], Kind::Blank | Kind::Furniture);
        if bracket > 0 {
            bracket = depth_after(text, bracket);
            if kinds[i] != Kind::Blank {
                kinds[i] = Kind::NoteContinuation;
            }
            if bracket == 0 {
                scopes.closing.insert(i);
            }
            scopes.chapter[i] = chapter;
            continue;
        }
        if is_endnote_heading(&kinds[i], text) {
            region = Region::Endnotes;
            open_note = false;
            last_key = None;
            entry_indent = None;
            let title = compact(text);
            // a page-opening notes heading over notes grouped by chapter is the book's notes
            let book_notes = opens_book_notes(lines, kinds, form_feed, i);
            kinds[i] = if (in_chapter || per_chapter) && !book_notes {
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
        if region == Region::Endnotes && kinds[i] != Kind::Blank && last_key.is_some() {
            // a block of endnotes ends at a rule, or at a line set further left than its entries
            let left = entry_indent.is_some_and(|e| e >= 2 && indent(text) < e);
            if is_rule(text) || (left && body(text).is_none()) {
                region = Region::Text;
                open_note = false;
            }
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
                let blank_before = i > 0 && kinds[i - 1] == Kind::Blank;
                if kinds[i] != Kind::Text {
                    continue;
                }
                let entry = body(text)
                    .filter(|(key, style, _)| in_sequence(last_key.as_deref(), key, *style));
                // after a blank line, a note goes on only mid-sentence or indented as its entries
                let goes_on = !blank_before
                    || !ended
                    || entry_indent.is_some_and(|e| e >= 2 && indent(text) == e)
                    || key_lost(text, entry_indent);
                if let Some((key, _, rest)) = entry {
                    kinds[i] = note(key, rest);
                    scopes.endnote[i] = true;
                    open_note = true;
                    ended = ends_sentence(rest);
                    last_key = Some(key.to_string());
                    entry_indent.get_or_insert(indent(text));
                    continue;
                } else if open_note && goes_on {
                    kinds[i] = Kind::NoteContinuation;
                    ended = ends_sentence(text);
                    continue;
                } else if last_key.is_none() {
                    continue;
                }
                // the text resumes after the notes
                region = Region::Text;
                open_note = false;
            }
            Region::Text => {}
        }
        if kinds[i] == Kind::Text {
            let block = gutenberg_footnote(text)
                .map(|(key, rest)| (key, rest, false))
                .or_else(|| {
                    transcribers_note(text)
                        .map(|rest| (crate::model::Note::TRANSCRIBERS_MARK, rest, true))
                });
            if let Some((key, rest, by_nature)) = block {
                bracket = depth_after(text, 0);
                if bracket == 0 {
                    scopes.closing.insert(i);
                }
                let rest = if bracket == 0 {
                    rest.trim_end().strip_suffix(']').unwrap_or(rest)
                } else {
                    rest
                };
                if by_nature {
                    scopes.uncalled.insert(i);
                } else {
                    let style = if key.chars().all(|c| c.is_ascii_digit()) {
                        Style::Bracket
                    } else if key.chars().all(|c| c.is_ascii_uppercase()) {
                        Style::Letter
                    } else {
                        Style::Asterisk
                    };
                    pending.take(page, key, style);
                }
                kinds[i] = note(key, rest.trim());
                in_foot = true;
                open_note = false;
                continue;
            }
        }
        match &kinds[i] {
            Kind::Blank => continue,
            Kind::NoteContinuation => continue,
            Kind::Note { mark, text } => {
                if !scopes.paired.contains_key(&i) {
                    pending.take(page, mark, Style::Caret);
                }
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
                // (asked only of a line shaped as a note body)
                let after_sentence = || i > 0 && ends_sentence(&without_markers(lines[i - 1].text));
                // in a paged manuscript the foot pass has settled the page feet: a numbered
                // line it left (`1. 首先…`) is a list item, not a note
                let by_feet = |style: Style| {
                    paged
                        && matches!(
                            style,
                            Style::Digits | Style::Superscript | Style::Paren | Style::Asterisk
                        )
                };
                let at_foot = |style: Style| {
                    style != Style::Glyph
                        && !by_feet(style)
                        && (set_off
                            || (matches!(
                                style,
                                Style::Bracket
                                    | Style::Tortoise
                                    | Style::Zhu
                                    | Style::Circled
                                    | Style::Letter
                            ) && after_sentence()))
                };
                if let Some((key, style, rest)) = body(text).filter(|b| begun && at_foot(b.1))
                    && pending.take(page, &normal_key(key), style)
                {
                    open_note = !ends_sentence(rest);
                    kinds[i] = note(&normal_key(key), rest);
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
            pending.index.forget_before(page.saturating_sub(1));
        }
        for s in segments(text) {
            if let Segment::Marker(m) = s {
                pending.push(page, m.key, m.style);
            }
        }
    }
    continue_notes(lines, kinds, form_feed);
    scopes.block = blocks(kinds, &scopes.endnote);
    scopes
}

/// Each line's endnote block (see [`Scopes::block`]): the count goes up at the first line that
/// carries text after a block of endnotes.
fn blocks(kinds: &[Kind], endnote: &[bool]) -> Vec<usize> {
    let mut out = Vec::with_capacity(kinds.len());
    let (mut block, mut in_notes) = (0, false);
    for (kind, &note) in kinds.iter().zip(endnote) {
        if note {
            in_notes = true;
        } else if in_notes
            && !matches!(
                kind,
                Kind::Blank | Kind::NoteContinuation | Kind::Furniture | Kind::Note { .. }
            )
        {
            block += 1;
            in_notes = false;
        }
        out.push(block);
    }
    out
}

/// A footnote that does not end a sentence continues on the text lines right below it (no
/// blank line, not across a page break).
pub fn continue_notes(lines: &[Line<'_>], kinds: &mut [Kind], form_feed: &[bool]) {
    for i in 0..kinds.len() {
        let Kind::Note { text, .. } = &kinds[i] else {
            continue;
        };
        let mut done = ends_sentence(text);
        let mut j = i + 1;
        while !done
            && j < kinds.len()
            && matches!(kinds[j], Kind::Text | Kind::Dateline)
            && !form_feed.get(j).copied().unwrap_or(false)
        {
            kinds[j] = Kind::NoteContinuation;
            done = ends_sentence(lines[j].text);
            j += 1;
        }
    }
}

/// A note line's kind.
fn note(key: &str, text: &str) -> Kind {
    Kind::Note {
        mark: key.to_string(),
        text: text.to_string(),
    }
}
