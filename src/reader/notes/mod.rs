//! Notes (注释): markers in the text and note bodies, at a page foot (脚注, numbering restarting
//! on every printed page) or under a chapter's endnotes heading (尾注). [`markers`] finds marker
//! candidates and body openings, [`settle`] decides in context which lines are note bodies, and
//! [`link`] ties each body to the earliest unmatched marker with its key on the same page (or the
//! page before), or for an endnote in the same chapter.

pub mod markers;
pub mod settle;

use std::collections::BTreeMap;

use crate::diag::{Code, Diagnostic};
use crate::model::{Inline, Note, NoteId, NotePlacement};

use super::Line;
use super::classify::Kind;

pub use markers::{Marker, Segment, Style, answers, is_circled, segments, without_markers};
pub use settle::{Scopes, settle};

/// `^① text` at the start of a line: a footnote in the seed's caret convention. Other body
/// shapes (`[1]`, `①`, `注1`, `1.`) are decided in context by [`settle()`].
pub fn note_line(text: &str) -> Option<Kind> {
    match markers::body(text)? {
        (mark, Style::Caret, rest) => Some(Kind::Note {
            mark: mark.to_string(),
            text: rest.to_string(),
        }),
        _ => None,
    }
}

/// Where a marker is: line index and its ordinal among the line's markers.
pub type MarkerAt = (usize, usize);

/// The notes of a book and the marker each one is linked to.
#[derive(Debug, Clone, Default)]
pub struct Links {
    /// Every note, in manuscript order; `NoteId` is the index.
    pub notes: Vec<Note>,
    /// Marker position → the note it points to.
    pub refs: BTreeMap<MarkerAt, NoteId>,
    /// Markers without notes and notes without markers.
    pub diagnostics: Vec<Diagnostic>,
    /// Footnotes linked to a marker on the page before (the body was pushed onto the next page).
    pub carried: Vec<NoteId>,
}

/// Whether markers on a line of this kind point to notes (front matter and contents do not).
fn carries_markers(kind: &Kind) -> bool {
    !matches!(
        kind,
        Kind::Blank
            | Kind::Note { .. }
            | Kind::NoteContinuation
            | Kind::ContentsLine
            | Kind::FrontMatterLine
    )
}

/// A marker waiting for its note.
struct Pending<'a> {
    page: usize,
    chapter: usize,
    at: MarkerAt,
    marker: Marker<'a>,
    done: bool,
}

/// Links markers to notes: footnotes on their page (or the page before), endnotes in their
/// chapter. `scopes` comes from [`settle()`]; an empty one means footnotes only.
pub fn link(lines: &[Line<'_>], kinds: &[Kind], pages: &[usize], scopes: &Scopes) -> Links {
    let mut links = Links::default();
    let mut pending: Vec<Pending<'_>> = Vec::new();
    let chapter = |i: usize| scopes.chapter.get(i).copied().unwrap_or(0);
    for (i, (line, kind)) in lines.iter().zip(kinds).enumerate() {
        if let Kind::Note { mark, text } = kind {
            let id = NoteId(links.notes.len());
            let endnote = scopes.endnote.get(i).copied().unwrap_or(false);
            let style = markers::body(line.text).map(|b| b.1);
            let fits = |p: &Pending<'_>| {
                !p.done && p.marker.key == mark && style.is_none_or(|s| answers(s, p.marker.style))
            };
            let found = if endnote {
                let ch = chapter(i);
                pending
                    .iter_mut()
                    .find(|p| fits(p) && (ch == settle::ANY_CHAPTER || p.chapter == ch))
            } else {
                let page = pages[i];
                let same = pending.iter().position(|p| p.page == page && fits(p));
                let before = || pending.iter().position(|p| p.page + 1 == page && fits(p));
                if same.is_none() && before().is_some() {
                    links.carried.push(id);
                }
                same.or_else(before).map(|k| &mut pending[k])
            };
            match found {
                Some(m) => {
                    m.done = true;
                    links.refs.insert(m.at, id);
                }
                None if endnote => links.diagnostics.push(
                    Diagnostic::new(
                        Code::EndnoteUnmarked,
                        line.no,
                        format!("endnote {mark} has no marker {mark} in its chapter"),
                    )
                    .with_hint("the note is kept; add the marker where it belongs"),
                ),
                None => links.diagnostics.push(
                    Diagnostic::new(
                        Code::NoteUnmarked,
                        line.no,
                        format!("note {mark} has no marker {mark} before it on its page"),
                    )
                    .with_hint("the note is kept; add the ^ marker where it belongs"),
                ),
            }
            links.notes.push(Note {
                id,
                mark: mark.clone(),
                content: vec![Inline::Text(text.clone())],
                placement: if endnote {
                    NotePlacement::Endnote
                } else {
                    NotePlacement::Footnote
                },
                line: line.no,
            });
        } else if *kind == Kind::NoteContinuation {
            if let Some(note) = links.notes.last_mut() {
                let more = line.text.trim();
                let left = note.text().chars().last();
                if left.is_some_and(|c| c.is_ascii_alphanumeric() || c.is_ascii_punctuation())
                    && more.starts_with(|c: char| c.is_ascii_alphanumeric())
                {
                    push_text(&mut note.content, " ");
                }
                push_text(&mut note.content, more);
            }
        } else if carries_markers(kind) {
            let markers = segments(line.text).into_iter().filter_map(|s| match s {
                Segment::Marker(m) => Some(m),
                Segment::Text(_) => None,
            });
            for (k, marker) in markers.enumerate() {
                pending.push(Pending {
                    page: pages[i],
                    chapter: chapter(i),
                    at: (i, k),
                    marker,
                    done: false,
                });
            }
        }
    }
    for p in pending {
        // only the caret convention is certain to be a marker; the others may be plain text
        if !p.done && p.marker.style == Style::Caret {
            let g = p.marker.key;
            links.diagnostics.push(
                Diagnostic::new(
                    Code::MarkerWithoutNote,
                    lines[p.at.0].no,
                    format!("marker {g} has no note {g} at the foot of its page"),
                )
                .with_hint(format!(
                    "the glyph is kept as text; add the note line `^{g} …`"
                )),
            );
        }
    }
    links
}

/// A (count, first manuscript line) tally of one convention.
pub type Tally = (usize, usize);

/// The note conventions a book uses, for `paiban inspect`: each linked marker style, footnotes,
/// endnotes, note bodies continued on unmarked lines or set on the next page, and numbered
/// references entries, in that order.
pub fn conventions(
    lines: &[Line<'_>],
    kinds: &[Kind],
    scopes: &Scopes,
    links: &Links,
) -> Vec<(String, Tally)> {
    let mut out: Vec<(String, Tally)> = Vec::new();
    let mut add = |name: &str, line: usize| match out.iter_mut().find(|(n, _)| n == name) {
        Some((_, (count, _))) => *count += 1,
        None => out.push((name.to_string(), (1, line))),
    };
    for &(i, k) in links.refs.keys() {
        let style = segments(lines[i].text)
            .into_iter()
            .filter_map(|s| match s {
                Segment::Marker(m) => Some(m.style),
                Segment::Text(_) => None,
            })
            .nth(k);
        if let Some(style) = style {
            add(style.describe(), lines[i].no);
        }
    }
    for n in &links.notes {
        let name = match n.placement {
            NotePlacement::Footnote => "footnotes at the page foot",
            NotePlacement::Endnote => "endnotes under a chapter's notes heading (注释 / Notes)",
        };
        add(name, n.line);
    }
    for (line, kind) in lines.iter().zip(kinds) {
        if *kind == Kind::NoteContinuation {
            add("note bodies continued on unmarked lines", line.no);
        }
    }
    for id in &links.carried {
        add(
            "a note body set at the foot of the next page",
            links.notes[id.0].line,
        );
    }
    for &i in &scopes.references {
        add(
            "numbered references entries kept as bibliography, not notes",
            lines[i].no,
        );
    }
    out
}

/// A line's inline content: text with linked markers as note references; an unlinked marker
/// stays as printed (`[1]`, `free.1`), a caret marker as its glyph.
pub fn inlines(text: &str, line_index: usize, refs: &BTreeMap<MarkerAt, NoteId>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::new();
    let mut k = 0;
    for seg in segments(text) {
        match seg {
            Segment::Text(t) => push_text(&mut out, t),
            Segment::Marker(m) => {
                match refs.get(&(line_index, k)) {
                    Some(id) => out.push(Inline::NoteRef(*id)),
                    None => push_text(&mut out, m.shown),
                }
                k += 1;
            }
        }
    }
    out
}

/// Appends text, merging it into a preceding text inline.
pub fn push_text(out: &mut Vec<Inline>, t: &str) {
    if t.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(Inline::Text(s)) => s.push_str(t),
        _ => out.push(Inline::Text(t.to_string())),
    }
}

#[cfg(test)]
mod tests;
