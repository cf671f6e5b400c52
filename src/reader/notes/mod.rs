//! Notes (注释): markers in the text and note bodies, at a page foot (脚注, numbering restarting
//! on every printed page) or under a chapter's endnotes heading (尾注). [`markers`] finds marker
//! candidates and body openings, [`settle`] decides in context which lines are note bodies, and
//! [`link`] ties each body to the earliest unmatched marker with its key on the same page (or the
//! page before), or for an endnote in the same chapter.

mod carry;
pub mod foot;
pub mod gaps;
pub mod index;
mod inner;
pub mod markers;
pub mod recall;
pub mod settle;
mod shapes;
mod strays;
mod titled;

use std::collections::BTreeMap;

use crate::diag::{Code, Diagnostic};
use crate::model::{Inline, Note, NoteId, NotePlacement};

use super::Line;
use super::kind::Kind;

use index::MarkerIndex;
pub use markers::{
    Marker, Segment, Style, answers, is_circled, normal_key, segments, without_markers,
};
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
    /// The shape of each linked marker, for `paiban inspect`.
    pub styles: BTreeMap<MarkerAt, Style>,
    /// Endnotes linked to their chapter's title, the title's marker lost (see [`titled`]).
    pub titled: Vec<NoteId>,
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
    at: MarkerAt,
    marker: Marker<'a>,
    done: bool,
}

/// Links markers to notes: footnotes on their page (or the page before), endnotes in their
/// chapter; notes the foot pass of [`settle()`] already paired keep its decision. `scopes` comes
/// from [`settle()`]; an empty one means footnotes only.
pub fn link(lines: &[Line<'_>], kinds: &[Kind], pages: &[usize], scopes: &Scopes) -> Links {
    let mut links = Links::default();
    let mut all: Vec<Pending<'_>> = Vec::new();
    let (mut by_page, mut by_chapter, mut by_key, mut by_block) = (
        MarkerIndex::default(),
        MarkerIndex::default(),
        MarkerIndex::default(),
        MarkerIndex::default(),
    );
    let prepaired: std::collections::HashSet<MarkerAt> =
        scopes.paired.values().flatten().map(|p| p.at).collect();
    let chapter = |i: usize| scopes.chapter.get(i).copied().unwrap_or(0);
    let block = |i: usize| scopes.block.get(i).copied().unwrap_or(0);
    let mut last_page = 0;
    // page-foot notes no marker answered, with the diagnostic each gets unless one is recalled
    let mut unlinked: Vec<(NoteId, usize, Diagnostic)> = Vec::new();
    // the last chapter's title line, and the endnotes (all, and those no marker answered)
    let mut head: Option<usize> = None;
    let (mut endnotes, mut unmarked) = (Vec::new(), Vec::new());
    for (i, (line, kind)) in lines.iter().zip(kinds).enumerate() {
        if pages[i] > last_page + 1 {
            by_page.forget_before(pages[i] - 1);
        }
        last_page = pages[i];
        if let Some(t) = titled::title_line(kinds, i) {
            head = Some(t);
        }
        if let Kind::Note { mark, text } = kind {
            let id = NoteId::new(links.notes.len());
            let endnote = scopes.endnote.get(i).copied().unwrap_or(false);
            let style = markers::body(line.text).map(|b| b.1);
            let found: Option<Option<(MarkerAt, Style)>> = if let Some(pre) = scopes.paired.get(&i)
            {
                if pre.is_some_and(|p| p.carried) {
                    links.carried.push(id);
                }
                Some(pre.map(|p| (p.at, p.style)))
            } else {
                let stale = |k: usize| all[k].done;
                let fits = |k: usize| style.is_none_or(|s| answers(s, all[k].marker.style));
                let k = if endnote {
                    // an endnote list answers the markers of its own block (the text since the
                    // notes before it) first, then of its chapter or the book; of its own shape
                    // first, then of any shape by its keys (`1.` under `[1]`)
                    let (index, scope) = match chapter(i) {
                        settle::ANY_CHAPTER => (&mut by_key, 0),
                        ch => (&mut by_chapter, ch),
                    };
                    by_block
                        .take(block(i), mark, stale, fits)
                        .or_else(|| index.take(scope, mark, stale, fits))
                        .or_else(|| by_block.take(block(i), mark, stale, |_| true))
                        .or_else(|| index.take(scope, mark, stale, |_| true))
                } else {
                    let page = pages[i];
                    let same = by_page.take(page, mark, stale, fits);
                    match same {
                        Some(k) => Some(k),
                        None => {
                            let k = page
                                .checked_sub(1)
                                .and_then(|p| by_page.take(p, mark, stale, fits));
                            if k.is_some() {
                                links.carried.push(id);
                            }
                            k
                        }
                    }
                };
                k.map(|k| {
                    all[k].done = true;
                    Some((all[k].at, all[k].marker.style))
                })
            };
            if endnote {
                endnotes.push(titled::Unanswered {
                    id,
                    line: i,
                    chapter: chapter(i),
                    block: block(i),
                    head,
                });
            }
            match found {
                Some(Some((at, style))) => {
                    links.refs.insert(at, id);
                    links.styles.insert(at, style);
                }
                Some(None) => unlinked.push((
                    id,
                    i,
                    Diagnostic::new(
                        Code::NoteUnmarked,
                        line.no,
                        format!(
                            "note {mark} in a run of page-foot notes has no marker {mark} above it"
                        ),
                    )
                    .with_hint("the note is kept; add the marker where it belongs"),
                )),
                None if endnote => unmarked.push(titled::Unanswered {
                    id,
                    line: i,
                    chapter: chapter(i),
                    block: block(i),
                    head,
                }),
                None if scopes.uncalled.contains(&i) => {}
                None => unlinked.push((
                    id,
                    i,
                    Diagnostic::new(
                        Code::NoteUnmarked,
                        line.no,
                        format!("note {mark} has no marker {mark} before it on its page"),
                    )
                    .with_hint("the note is kept; add the ^ marker where it belongs"),
                )),
            }
            links.notes.push(Note {
                id,
                mark: mark.clone(),
                content: (!text.is_empty())
                    .then(|| Inline::Text(text.clone()))
                    .into_iter()
                    .collect(),
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
                let more = match more.strip_suffix(']') {
                    Some(m) if scopes.closing.contains(&i) => m.trim_end(),
                    _ => more,
                };
                let left = note.text().chars().last();
                if left.is_some_and(|c| c.is_ascii_alphanumeric() || c.is_ascii_punctuation())
                    && more.starts_with(|c: char| c.is_ascii_alphanumeric())
                {
                    push_text(&mut note.content, " ");
                }
                push_text(&mut note.content, more);
            }
        } else if carries_markers(kind) {
            let markers = segments(line.text).filter_map(|s| match s {
                Segment::Marker(m) => Some(m),
                Segment::Text(_) => None,
            });
            for (k, marker) in markers.enumerate() {
                // digits the wrap set at a line's start are a marker only where the foot pass
                // paired them
                if prepaired.contains(&(i, k)) || marker.style == Style::Wrapped {
                    continue;
                }
                let id = all.len();
                let key = normal_key(marker.key);
                by_page.push(pages[i], &key, id);
                by_chapter.push(chapter(i), &key, id);
                by_key.push(0, &key, id);
                by_block.push(block(i), &key, id);
                all.push(Pending {
                    at: (i, k),
                    marker,
                    done: false,
                });
            }
        }
    }
    let asked: Vec<(NoteId, usize)> = unlinked.iter().map(|u| (u.0, u.1)).collect();
    let recalled = recall::recall(lines, kinds, pages, &links.notes, &links.refs, &asked);
    let found: std::collections::HashSet<NoteId> = recalled.iter().map(|r| r.1).collect();
    links.refs.extend(recalled);
    links.diagnostics.extend(
        unlinked
            .into_iter()
            .filter(|u| !found.contains(&u.0))
            .map(|u| u.2),
    );
    for (at, id) in titled::title_notes(&mut unmarked, &endnotes, &links.refs) {
        links.refs.insert(at, id);
        links.titled.push(id);
    }
    for u in unmarked {
        let mark = &links.notes[u.id.index()].mark;
        links.diagnostics.push(
            Diagnostic::new(
                Code::EndnoteUnmarked,
                lines[u.line].no,
                format!("endnote {mark} has no marker {mark} in its chapter"),
            )
            .with_hint("the note is kept; add the marker where it belongs"),
        );
    }
    links.diagnostics.extend(unanswered(lines, &all, &links));
    for p in all {
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

/// Markers no note answers that fill a gap in the numbering of linked markers (see
/// [`gaps`]); caret markers are reported apart, every one of them.
fn unanswered(lines: &[Line<'_>], all: &[Pending<'_>], links: &Links) -> Vec<Diagnostic> {
    let mut seen: Vec<gaps::Seen> = all
        .iter()
        .filter(|p| !p.done && p.marker.style != Style::Caret)
        .map(|p| gaps::Seen {
            at: p.at,
            key: normal_key(p.marker.key).into_owned(),
            style: p.marker.style,
            linked: false,
        })
        .collect();
    seen.extend(links.refs.iter().filter_map(|(&at, id)| {
        let style = *links.styles.get(&at)?;
        let key = normal_key(&links.notes[id.index()].mark).into_owned();
        Some(gaps::Seen {
            at,
            key,
            style,
            linked: true,
        })
    }));
    seen.sort_by_key(|s| s.at);
    gaps::in_gaps(&seen)
        .into_iter()
        .map(|s| {
            Diagnostic::new(
                Code::MarkerWithoutNote,
                lines[s.at.0].no,
                format!(
                    "marker {k} has no note {k}, though the notes numbered before and after it are linked",
                    k = s.key
                ),
            )
            .with_hint(format!(
                "the number is kept as text; add note {} where the book prints it",
                s.key
            ))
        })
        .collect()
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
    for (&(i, _), style) in &links.styles {
        add(style.describe(), lines[i].no);
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
            links.notes[id.index()].line,
        );
    }
    for id in &links.titled {
        add(
            "notes on a chapter's title, the title's marker lost",
            links.notes[id.index()].line,
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
    // whether the last segment was a linked marker the wrap set at the line's start
    let mut wrapped = false;
    // markers recalled by their notes ([`recall`]): byte offsets in `text`, by their offset
    // from its end
    let recalled: Vec<(usize, NoteId)> = refs
        .range((line_index, recall::RECALL_SLOT)..(line_index, titled::TITLE_SLOT))
        .filter_map(|(at, id)| {
            text.len()
                .checked_sub(at.1 - recall::RECALL_SLOT)
                .map(|p| (p, *id))
        })
        .collect();
    let pieces = segments(text).flat_map(|seg| match seg {
        Segment::Text(t) if !recalled.is_empty() => recall::split(text, t, &recalled),
        other => vec![recall::Piece::Seg(other)],
    });
    for piece in pieces {
        let seg = match piece {
            recall::Piece::Seg(seg) => seg,
            recall::Piece::Recalled(id) => {
                out.push(Inline::NoteRef(id));
                continue;
            }
        };
        match seg {
            Segment::Text(t) => {
                // pdftotext sets a space between a raised number and the Chinese punctuation
                // after it (`项目1 ，`): the space goes with the number; so does the space after
                // a marker the wrap moved to the line's start (`5 如果`), which ends the word
                // above
                let after_ref = matches!(out.last(), Some(Inline::NoteRef(_)));
                let trimmed = t.trim_start();
                let cjk_punct = trimmed.starts_with([
                    '，', '。', '；', '：', '、', '！', '？', '）', '」', '』', '”',
                ]);
                // so does the space before closing ASCII punctuation that ends a clause
                // (`结果中5 , 则`, `the list3 .`): a raised mark never stands apart from it
                let mut rest = trimmed.chars();
                let ascii_punct = rest.next().is_some_and(|c| ",.;:!?)".contains(c))
                    && rest.next().is_none_or(char::is_whitespace);
                let drop_space = after_ref && (cjk_punct || ascii_punct || wrapped);
                push_text(&mut out, if drop_space { trimmed } else { t });
                wrapped = false;
            }
            Segment::Marker(m) => {
                wrapped = m.style == Style::Wrapped && refs.contains_key(&(line_index, k));
                match refs.get(&(line_index, k)) {
                    Some(id) => {
                        // the space pdftotext sets between Chinese text and a raised mark
                        // (`支持 a 。`, `信息站 (1) 上`) is no space of the book
                        if let Some(Inline::Text(t)) = out.last_mut() {
                            let kept = t.trim_end_matches(' ').len();
                            let cjk = t[..kept].chars().next_back().is_some_and(|c| {
                                markers::is_ideograph(c) || "，。；：、！？）」』”".contains(c)
                            });
                            if cjk {
                                t.truncate(kept);
                            }
                        }
                        out.push(Inline::NoteRef(*id));
                    }
                    None => push_text(&mut out, m.shown),
                }
                k += 1;
            }
        }
    }
    // a note on the title whose marker was lost follows the title's text
    if let Some(id) = refs.get(&(line_index, titled::TITLE_SLOT)) {
        out.push(Inline::NoteRef(*id));
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
mod link_tests;
#[cfg(test)]
mod tests;
