//! Footnotes (脚注): `^①` markers in the text and `^① …` note lines at a page foot, linked page
//! by page. Numbering restarts on every printed page, so glyphs repeat: a note takes the earliest
//! unmatched marker with its glyph that precedes it on the same page.

use std::collections::BTreeMap;

use crate::diag::Diagnostic;
use crate::model::{Inline, Note, NoteId, NotePlacement};

use super::Line;
use super::classify::Kind;

/// Whether `c` is a circled number (①–⑳, ㉑–㉟, ㊱–㊿).
pub fn is_circled(c: char) -> bool {
    matches!(c as u32, 0x2460..=0x2473 | 0x3251..=0x325F | 0x32B1..=0x32BF)
}

/// A piece of a line: text, or a note marker's glyph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Segment<'a> {
    /// Running text.
    Text(&'a str),
    /// A `^①` marker (the glyph without the caret).
    Marker(&'a str),
}

/// Splits a line at its `^①` markers.
pub fn segments(text: &str) -> Vec<Segment<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut rest = text;
    let mut base = 0;
    while let Some(i) = rest.find('^') {
        let at = base + i;
        let glyph = text[at + 1..].chars().next().filter(|&c| is_circled(c));
        if let Some(g) = glyph {
            if start < at {
                out.push(Segment::Text(&text[start..at]));
            }
            let end = at + 1 + g.len_utf8();
            out.push(Segment::Marker(&text[at + 1..end]));
            start = end;
        }
        base = at + 1;
        rest = &text[base..];
    }
    if start < text.len() {
        out.push(Segment::Text(&text[start..]));
    }
    out
}

/// The text of a line with its markers left out.
pub fn without_markers(text: &str) -> String {
    segments(text)
        .into_iter()
        .filter_map(|s| match s {
            Segment::Text(t) => Some(t),
            Segment::Marker(_) => None,
        })
        .collect()
}

/// `^① text` at the start of a line: a note.
pub fn note_line(text: &str) -> Option<Kind> {
    let t = text.trim_start();
    match segments(t).as_slice() {
        [Segment::Marker(m), rest @ ..] if t.starts_with('^') => Some(Kind::Note {
            mark: (*m).to_string(),
            text: rest
                .iter()
                .map(|s| match s {
                    Segment::Text(t) => *t,
                    Segment::Marker(m) => m,
                })
                .collect::<String>()
                .trim()
                .to_string(),
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

/// Links markers to notes page by page.
pub fn link(lines: &[Line<'_>], kinds: &[Kind], pages: &[usize]) -> Links {
    let mut links = Links::default();
    // Pending markers: (page, line index, ordinal, glyph, matched).
    let mut pending: Vec<(usize, usize, usize, &str, bool)> = Vec::new();
    for (i, (line, kind)) in lines.iter().zip(kinds).enumerate() {
        if let Kind::Note { mark, text } = kind {
            let id = NoteId(links.notes.len());
            let found = pending
                .iter_mut()
                .find(|(p, _, _, g, done)| *p == pages[i] && !*done && *g == mark);
            match found {
                Some(m) => {
                    m.4 = true;
                    links.refs.insert((m.1, m.2), id);
                }
                None => links.diagnostics.push(
                    Diagnostic::warning(
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
                placement: NotePlacement::Footnote,
                line: line.no,
            });
        } else if *kind == Kind::NoteContinuation {
            if let Some(note) = links.notes.last_mut() {
                let more = line.text.trim();
                let left = note.text().chars().last();
                if left.is_some_and(|c| c.is_ascii_alphanumeric())
                    && more.starts_with(|c: char| c.is_ascii_alphanumeric())
                {
                    push_text(&mut note.content, " ");
                }
                push_text(&mut note.content, more);
            }
        } else if carries_markers(kind) {
            let markers = segments(line.text).into_iter().filter_map(|s| match s {
                Segment::Marker(g) => Some(g),
                Segment::Text(_) => None,
            });
            for (k, g) in markers.enumerate() {
                pending.push((pages[i], i, k, g, false));
            }
        }
    }
    for (_, i, _, g, done) in pending {
        if !done {
            links.diagnostics.push(
                Diagnostic::warning(
                    lines[i].no,
                    format!("marker {g} has no note {g} at the foot of its page"),
                )
                .with_hint("the glyph is kept as text; add the note line `^{g} …`"),
            );
        }
    }
    links
}

/// A line's inline content: text with linked markers as note references.
pub fn inlines(text: &str, line_index: usize, refs: &BTreeMap<MarkerAt, NoteId>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::new();
    let mut k = 0;
    for seg in segments(text) {
        let (piece, note) = match seg {
            Segment::Text(t) => (Some(t), None),
            Segment::Marker(g) => {
                let r = refs.get(&(line_index, k)).copied();
                k += 1;
                if r.is_some() {
                    (None, r)
                } else {
                    (Some(g), None)
                }
            }
        };
        if let Some(id) = note {
            out.push(Inline::NoteRef(id));
        } else if let Some(t) = piece {
            push_text(&mut out, t);
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
mod tests {
    use super::*;

    #[test]
    fn markers_are_split_out() {
        use Segment::{Marker as M, Text as T};
        let cases: &[(&str, &[Segment<'_>])] = &[
            ("无注释", &[T("无注释")]),
            ("甲^①乙", &[T("甲"), M("①"), T("乙")]),
            ("^②", &[M("②")]),
            ("织”^①。", &[T("织”"), M("①"), T("。")]),
            ("a^b^③", &[T("a^b"), M("③")]),
            ("末尾^㉑", &[T("末尾"), M("㉑")]),
        ];
        for (input, want) in cases {
            assert_eq!(&segments(input), want, "{input:?}");
        }
    }

    #[test]
    fn note_lines() {
        let n = |m: &str, t: &str| {
            Some(Kind::Note {
                mark: m.into(),
                text: t.into(),
            })
        };
        let cases = [
            ("^① 某书，某社2001年版。", n("①", "某书，某社2001年版。")),
            ("^⑫参见某文。", n("⑫", "参见某文。")),
            ("正文^①。", None),
            ("① 没有脱字符", None),
        ];
        for (input, want) in cases {
            assert_eq!(note_line(input), want, "{input:?}");
        }
    }

    #[test]
    fn continuation_lines_extend_the_last_note() {
        // (lines with kinds) → the note's text
        let cases: &[(&[(&str, Kind)], &str)] = &[
            (
                &[
                    ("甲^①。", Kind::Text),
                    ("^① 某书，", Kind::Text),
                    ("2001年版。", Kind::NoteContinuation),
                ],
                "某书，2001年版。",
            ),
            (
                &[
                    ("A^①.", Kind::Text),
                    ("^① See the", Kind::Text),
                    ("river book.", Kind::NoteContinuation),
                ],
                "See the river book.",
            ),
        ];
        for (doc, want) in cases {
            let lines: Vec<Line<'_>> = doc
                .iter()
                .enumerate()
                .map(|(i, (t, _))| Line { no: i + 1, text: t })
                .collect();
            let kinds: Vec<Kind> = doc
                .iter()
                .map(|(t, k)| note_line(t).unwrap_or_else(|| k.clone()))
                .collect();
            let links = link(&lines, &kinds, &vec![0; doc.len()]);
            assert_eq!(links.notes.len(), 1);
            assert_eq!(links.notes[0].text(), *want);
            assert!(links.diagnostics.is_empty(), "{:?}", links.diagnostics);
        }
    }

    #[test]
    fn notes_link_within_their_page() {
        // (text, page) → expected (note line index → marker line index), diagnostics lines.
        let doc: &[(&str, usize)] = &[
            ("甲^①乙^②", 0),
            ("^① 注一", 0),
            ("^② 注二", 0),
            ("丙^①", 1),
            ("丁^①", 1),
            ("^① 注三", 1),
            ("^③ 孤注", 1),
        ];
        let lines: Vec<Line<'_>> = doc
            .iter()
            .enumerate()
            .map(|(i, (t, _))| Line { no: i + 1, text: t })
            .collect();
        let kinds: Vec<Kind> = doc
            .iter()
            .map(|(t, _)| note_line(t).unwrap_or(Kind::Text))
            .collect();
        let pages: Vec<usize> = doc.iter().map(|(_, p)| *p).collect();
        let links = link(&lines, &kinds, &pages);
        let refs: Vec<(MarkerAt, usize)> = links.refs.iter().map(|(k, v)| (*k, v.0)).collect();
        assert_eq!(refs, vec![((0, 0), 0), ((0, 1), 1), ((3, 0), 2)]);
        assert_eq!(links.notes.len(), 4);
        let diag_lines: Vec<usize> = links.diagnostics.iter().map(|d| d.span.line).collect();
        assert_eq!(diag_lines, vec![7, 5]);
        let inl = inlines(lines[4].text, 4, &links.refs);
        assert_eq!(inl, vec![Inline::Text("丁①".into())]);
    }
}
