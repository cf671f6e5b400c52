//! Markers recalled by their notes (由注找码): a page-foot note numbered `N` that no marker
//! answers is looked for once more on its page, among the numbers the marker rules leave as
//! text because they read like a name's digits — glued to a capital, a sign or a file name
//! (`OpenMP35 .`, `C++17 with`, `Rmath.h97`, `+=70`). The note is the evidence: a number is
//! recalled only where it stands after the marker of the note numbered before (`N-1`) and
//! before the marker of the note numbered after (`N+1`), when those are linked, and only
//! when it is the one such number there (or the one whose word the book prints nowhere else:
//! `NAN99` among three `C99`s). It is then a note reference like any other.

use std::collections::{BTreeMap, HashMap};

use super::super::Line;
use super::super::kind::Kind;
use super::MarkerAt;
use super::markers::Segment;
use crate::model::{Note, NoteId};

/// The slot of a recalled marker in [`super::Links::refs`]: `RECALL_SLOT` + the byte offset of
/// its digits from the end of the line's trimmed text (the writer's inline builder is given
/// the trimmed line, or its end after a label).
pub const RECALL_SLOT: usize = usize::MAX / 2;

/// Lines that may carry a recalled marker: running text.
fn prose(kind: &Kind) -> bool {
    matches!(kind, Kind::Text | Kind::ListItem | Kind::Quote)
}

/// A number `key` glued to the word before it in `text`, as the marker rules leave it: the
/// byte offsets of each occurrence. Before it a letter, a closing sign or an operator; after
/// it the line's end, a space, or closing punctuation not followed by a letter or digit.
pub fn glued(text: &str, key: &str) -> Vec<usize> {
    let mut out = Vec::new();
    if key.is_empty() || !key.bytes().all(|b| b.is_ascii_digit()) {
        return out;
    }
    let mut from = 0;
    while let Some(p) = text[from..].find(key) {
        let at = from + p;
        from = at + key.len();
        let before = text[..at].chars().next_back();
        let mut after = text[at + key.len()..].chars();
        let next = after.next();
        let before_ok = before.is_some_and(|c| {
            c.is_alphabetic() || matches!(c, '+' | '=' | ')' | '’' | '”' | '"' | '\'' | '\\')
        });
        let after_ok = match next {
            None => true,
            Some(c) if c.is_whitespace() => true,
            Some(c) if ".,;:!?)’”".contains(c) => {
                after.next().is_none_or(|d| !d.is_alphanumeric())
            }
            Some(_) => false,
        };
        if before_ok && after_ok {
            out.push(at);
        }
    }
    out
}

/// The word a number is glued to, with the number (`NAN99`, `C99`): back to white space.
fn token(text: &str, at: usize, key: &str) -> String {
    let start = text[..at]
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    format!("{}{key}", &text[start..at])
}

/// Links each unanswered page-foot note (`unlinked`: note and its line index, in manuscript
/// order) to the number its page prints glued to a word, where the sequence of linked markers
/// leaves room for it; returns the new references (slot [`RECALL_SLOT`]).
pub fn recall(
    lines: &[Line<'_>],
    kinds: &[Kind],
    pages: &[usize],
    notes: &[Note],
    refs: &BTreeMap<MarkerAt, NoteId>,
    unlinked: &[(NoteId, usize)],
) -> Vec<(MarkerAt, NoteId)> {
    if unlinked.is_empty() {
        return Vec::new();
    }
    // the line of each linked note's marker
    let mut marker_line: HashMap<NoteId, usize> = refs.iter().map(|(at, id)| (*id, at.0)).collect();
    // how often the book prints each word with digits, counted on demand
    let mut counts: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::new();
    for &(id, note_line) in unlinked {
        let note = &notes[id.index()];
        let Ok(n) = note.mark.parse::<u32>() else {
            continue;
        };
        let page = pages[note_line];
        let neighbour = |k: usize, want: u32| -> Option<usize> {
            let other = notes.get(k)?;
            (other.mark.parse::<u32>().ok()? == want)
                .then(|| marker_line.get(&other.id).copied())
                .flatten()
        };
        let page_start = (0..note_line)
            .rev()
            .take_while(|&j| pages[j] == page)
            .last();
        let Some(page_start) = page_start else {
            continue;
        };
        let low = id
            .index()
            .checked_sub(1)
            .and_then(|k| neighbour(k, n.wrapping_sub(1)))
            .unwrap_or(page_start)
            .max(page_start);
        let high = neighbour(id.index() + 1, n + 1)
            .unwrap_or(note_line)
            .min(note_line);
        let mut found: Vec<(usize, usize, String)> = Vec::new();
        for j in low..=high.min(note_line.saturating_sub(1)) {
            if !prose(&kinds[j]) {
                continue;
            }
            let text = lines[j].text.trim();
            for at in glued(text, &note.mark) {
                found.push((j, text.len() - at, token(text, at, &note.mark)));
            }
        }
        let pick = match found.len() {
            0 => None,
            1 => found.pop(),
            _ => {
                // the one whose word the book prints nowhere else
                for (_, _, t) in &found {
                    if !counts.contains_key(t) {
                        let c = lines.iter().filter(|l| l.text.contains(t.as_str())).count();
                        counts.insert(t.clone(), c);
                    }
                }
                let once: Vec<_> = found.iter().filter(|f| counts[&f.2] == 1).collect();
                (once.len() == 1).then(|| once[0].clone())
            }
        };
        if let Some((j, from_end, _)) = pick {
            marker_line.insert(id, j);
            out.push(((j, RECALL_SLOT + from_end), id));
        }
    }
    out
}

/// A segment of a line, or a marker recalled by its note inside a text segment.
pub enum Piece<'a> {
    /// A segment as the marker rules cut it.
    Seg(Segment<'a>),
    /// A recalled marker: its note.
    Recalled(NoteId),
}

/// A text segment `t` of `text` cut at the recalled markers inside it (their digits dropped).
pub fn split<'a>(text: &'a str, t: &'a str, recalled: &[(usize, NoteId)]) -> Vec<Piece<'a>> {
    let start = t.as_ptr() as usize - text.as_ptr() as usize;
    let end = start + t.len();
    let mut out = Vec::new();
    let mut at = start;
    for &(p, id) in recalled {
        let digits = text[p.min(end)..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
        if p < at || p + digits > end || digits == 0 {
            continue;
        }
        if p > at {
            out.push(Piece::Seg(Segment::Text(&text[at..p])));
        }
        out.push(Piece::Recalled(id));
        at = p + digits;
    }
    if at < end {
        out.push(Piece::Seg(Segment::Text(&text[at..end])));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_glued_to_a_word_as_the_marker_rules_leave_them() {
        // (text, key, offsets)
        let cases: [(&str, &str, &[usize]); 10] = [
            ("use OpenMP35 . The", "35", &[10]),
            ("Objective C++17 with", "17", &[13]),
            ("declared in Rmath.h97", "97", &[19]),
            ("the use of +=70 and", "70", &[13]),
            ("in C99’s header", "99", &[]),
            ("ISO8601-2 dates", "2", &[]),
            ("see 1.2 and 2", "2", &[]),
            ("about 35 pages", "35", &[]),
            ("OpenMP352 rules", "35", &[]),
            ("C++17/20 compilers", "17", &[]),
        ];
        for (text, key, want) in cases {
            assert_eq!(glued(text, key), want, "{text:?}");
        }
    }
}
