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
    // blocks set inside a paragraph the page cut (a margin note at its foot), put after it
    let mut deferred: Vec<Unit> = Vec::new();
    let mut units: std::collections::VecDeque<Unit> = units.into();
    while let Some(unit) = units.pop_front() {
        let (Some(Unit::Chunk(prev)), Unit::Chunk(next)) = (out.last_mut(), &unit) else {
            out.append(&mut deferred);
            out.push(unit);
            joined = false;
            continue;
        };
        let next = match interruption(prev, next, &units) {
            Some(blocks) => {
                // the foot's blocks go after the paragraph; the next page's text joins it
                deferred.push(unit);
                deferred.extend(units.drain(..blocks - 1));
                match units.pop_front() {
                    Some(Unit::Chunk(after)) => after,
                    _ => unreachable!("interruption saw a chunk there"),
                }
            }
            None if continues(prev, next) => match unit {
                Unit::Chunk(next) => next,
                Unit::Heading(_) => unreachable!("matched a chunk"),
            },
            None => {
                out.append(&mut deferred);
                out.push(unit);
                joined = false;
                continue;
            }
        };
        if next.hint.is_none() {
            tally(&mut stats.unfinished, next.line);
        }
        let mut text = if joined {
            std::mem::take(&mut prev.text)
        } else {
            plain_text(&prev.content)
        };
        append(&mut prev.content, &mut text, &next, compounds, &mut stats);
        prev.text = text;
        joined = true;
    }
    out.append(&mut deferred);
    (out, stats)
}

/// Longest block (in characters) that may sit in a page's foot inside a paragraph the page cut.
const MAX_INTERRUPTION: usize = 60;

/// Most foot blocks that may sit inside a paragraph the page cut.
const MAX_BLOCKS: usize = 3;

/// How many chunks, `next` first, interrupt the paragraph `prev` the page cut: short blocks
/// printed in the page's foot after its folio ([`Chunk::foot`]: a margin note, a caption), before
/// the next page's first chunk going on in lower case. `None` when `next` is no such block.
fn interruption(
    prev: &Chunk,
    next: &Chunk,
    rest: &std::collections::VecDeque<Unit>,
) -> Option<usize> {
    let block = |c: &Chunk| {
        c.foot
            && c.role == Role::Para
            && c.text.chars().count() <= MAX_INTERRUPTION
            && !c.content.iter().any(|i| matches!(i, Inline::PageBreak(_)))
    };
    let goes_on = |c: &Chunk| {
        c.role == Role::Para
            && matches!(c.content.first(), Some(Inline::PageBreak(_)))
            && c.text
                .trim_start()
                .chars()
                .next()
                .is_some_and(|ch| ch.is_ascii_lowercase())
    };
    let unfinished =
        prev.role == Role::Para && !ends_sentence(&prev.text) && !title_like(&prev.text);
    // a margin note or caption opens with a capital (`Style example:`), code does not
    let capital = next
        .text
        .trim_start()
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_uppercase());
    if !unfinished || !block(next) || !capital {
        return None;
    }
    for (k, u) in rest.iter().take(MAX_BLOCKS).enumerate() {
        let Unit::Chunk(c) = u else { return None };
        if goes_on(c) {
            return Some(k + 1);
        }
        if !block(c) {
            return None;
        }
    }
    None
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
#[path = "joins_tests.rs"]
mod tests;
