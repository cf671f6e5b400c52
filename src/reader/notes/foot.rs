//! Page-foot notes (脚注) of a paged manuscript (pdftotext output, pages split by form feeds):
//! on each page the note numbers at the foot are aligned, as a sequence, with the markers in the
//! text above them. A foot entry is a line opening with a key (`3 文字`, `[3] text`, `(3)`, `①`)
//! or a key alone on its line with the text below it (pdftotext sets a hanging number apart).
//! The entries at the end of a page form the foot when their keys run in sequence (`13`, `14`;
//! `*`, `**`) and each answers a marker of its key, in the same order, in the text above (or left
//! over from the page before). A marker is real only when a note answers it; a number line no
//! marker calls stays text.

use std::collections::BTreeMap;

use super::super::Line;
use super::super::kind::Kind;
use super::MarkerAt;
use super::inner::settle_inner;
use super::markers::{
    Segment, Style, answers, body, key_alone, normal_key, segments, wrapped_after,
};
use super::settle::is_list_heading;
use super::strays::{stray_texts, strays, trailing_with_letters};

/// Most lines one note body may take (its key line included), so that a false entry can never
/// swallow a page.
pub(super) const MAX_NOTE_LINES: usize = 14;

/// A marker candidate in the text of a page.
#[derive(Debug, Clone)]
pub(super) struct Candidate {
    pub(super) at: MarkerAt,
    pub(super) key: String,
    pub(super) style: Style,
}

/// A line that may open a foot note.
#[derive(Debug, Clone)]
pub(super) struct Entry {
    pub(super) line: usize,
    pub(super) key: String,
    pub(super) style: Style,
    /// The note text on the entry's own line (empty when the key stands alone).
    pub(super) text: String,
}

/// What the foot pass decided: the note lines and the marker each answers (`None`: a note in a
/// run of answered notes whose own marker was not found).
pub type Paired = BTreeMap<usize, Option<Pair>>;

/// The marker a foot note answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pair {
    /// Where the marker is.
    pub at: MarkerAt,
    /// Its shape.
    pub style: Style,
    /// Whether it is on the page before (the note was pushed onto the next page).
    pub carried: bool,
}

/// Whether a line of this kind may hold markers that foot notes answer.
fn holds_markers(kind: &Kind) -> bool {
    !matches!(
        kind,
        Kind::Blank | Kind::Furniture | Kind::Note { .. } | Kind::NoteContinuation
    )
}

/// The key after `key` in its sequence: `13` → `14`, `*` → `**`, `①` → `②`, `†` → `‡`.
pub(super) fn successor(key: &str) -> Option<String> {
    if let Ok(n) = key.parse::<u32>() {
        return Some((n + 1).to_string());
    }
    if key.bytes().all(|b| b == b'*') {
        return Some(format!("{key}*"));
    }
    let mut chars = key.chars();
    let c = chars.next()?;
    if chars.next().is_some() {
        return None;
    }
    let next = match c {
        '*' => '†',
        '†' => '‡',
        '⑳' => '㉑',
        '㉟' => '㊱',
        c if super::markers::is_circled(c) || c.is_ascii_alphabetic() => {
            char::from_u32(c as u32 + 1)?
        }
        _ => return None,
    };
    Some(next.to_string())
}

/// Whether two styles belong to one numbering (a `13` body under a `项目13` or `word¹³` marker).
pub(super) fn same_family(a: Style, b: Style) -> bool {
    answers(a, b) || answers(b, a)
}

/// The entry a line opens, if any: `text` with a key, or a key alone with text below it.
fn entry(lines: &[Line<'_>], kinds: &[Kind], i: usize, end: usize) -> Option<Entry> {
    if kinds[i] != Kind::Text && kinds[i] != Kind::Furniture {
        return None;
    }
    let text = lines[i].text;
    if let Some((key, style)) = key_alone(text) {
        let below = (i + 1..end).find(|&j| kinds[j] != Kind::Blank)?;
        let ok = kinds[below] == Kind::Text
            && key_alone(lines[below].text).is_none()
            && body(lines[below].text).is_none();
        return ok.then(|| Entry {
            line: i,
            key: normal_key(key).into_owned(),
            style,
            text: String::new(),
        });
    }
    if kinds[i] == Kind::Furniture {
        return None;
    }
    let (key, style, rest) = body(text)?;
    (style != Style::Glyph).then(|| Entry {
        line: i,
        key: normal_key(key).into_owned(),
        style,
        text: rest.to_string(),
    })
}

/// The run of entries ending the page: from the last entry back, each earlier entry whose key
/// precedes the next one's (entries that break the run are passed over as note text, at most
/// two in a row), with no more than [`MAX_NOTE_LINES`] lines between two of them.
fn foot_run(entries: &[Entry]) -> Vec<usize> {
    let Some(last) = entries.len().checked_sub(1) else {
        return Vec::new();
    };
    let mut run = vec![last];
    let mut skipped = 0;
    for j in (0..last).rev() {
        let first = &entries[run[run.len() - 1]];
        if first.line - entries[j].line > MAX_NOTE_LINES {
            break;
        }
        let e = &entries[j];
        if successor(&e.key).as_deref() == Some(first.key.as_str())
            && same_family(e.style, first.style)
        {
            run.push(j);
            skipped = 0;
        } else {
            skipped += 1;
            if skipped > 2 {
                break;
            }
        }
    }
    run.reverse();
    run
}

/// Whether a foot entry of `body` style answers a marker of `marker` style: as in [`answers`],
/// and a bare number (`5 注文`, `5` alone) answers digits the wrap set at a line's start.
fn foot_answers(body: Style, marker: Style) -> bool {
    answers(body, marker) || (body == Style::Digits && marker == Style::Wrapped)
}

/// Matches the run's entries, last to first, each to the latest unused marker of its key before
/// the marker matched to the entry after it: entry index → candidate index.
fn align(run: &[&Entry], candidates: &[Candidate]) -> Vec<Option<usize>> {
    let mut out = vec![None; run.len()];
    let mut limit = candidates.len();
    for (r, e) in run.iter().enumerate().rev() {
        let found = candidates[..limit]
            .iter()
            .rposition(|c| c.key == e.key && foot_answers(e.style, c.style));
        if let Some(k) = found {
            out[r] = Some(k);
            limit = k;
        }
    }
    out
}

/// Settles the foot notes of every page of a paged manuscript; returns the note lines it set
/// (kinds become [`Kind::Note`] and [`Kind::NoteContinuation`]) with the marker each answers.
pub fn settle_feet(lines: &[Line<'_>], kinds: &mut [Kind], form_feed: &[bool]) -> Paired {
    let mut paired = Paired::new();
    if !form_feed.iter().any(|&f| f) {
        return paired;
    }
    // notes under an endnotes or references heading are the streaming pass's, up to the next
    // chapter heading
    let mut listed = vec![false; kinds.len()];
    let mut inside = false;
    for (i, kind) in kinds.iter().enumerate() {
        if is_list_heading(kind, lines[i].text) {
            inside = true;
        } else if kind.is_heading() && !matches!(kind, Kind::Section { .. }) {
            inside = false;
        }
        listed[i] = inside;
    }
    let mut left_over: Vec<Candidate> = Vec::new();
    let mut start = 0;
    // the measure of the open note the page before ended in (see [`carry`](super::carry))
    let mut open: Option<usize> = None;
    while start < kinds.len() {
        let end = (start + 1..kinds.len())
            .find(|&i| form_feed.get(i).copied().unwrap_or(false))
            .unwrap_or(kinds.len());
        left_over = settle_page(lines, kinds, &listed, start..end, left_over, &mut paired);
        let page = start..end;
        if let Some(rest) = open.and_then(|m| super::carry::continued(lines, kinds, &page, m)) {
            for j in rest {
                if kinds[j] == Kind::Text && !listed[j] {
                    kinds[j] = Kind::NoteContinuation;
                }
            }
        }
        open = super::carry::open_at_end(lines, kinds, &page);
        start = end;
    }
    paired
}

/// One page: returns its markers no note answered, for the page after it.
fn settle_page(
    lines: &[Line<'_>],
    kinds: &mut [Kind],
    listed: &[bool],
    page: std::ops::Range<usize>,
    before: Vec<Candidate>,
    paired: &mut Paired,
) -> Vec<Candidate> {
    let letters = trailing_with_letters(lines, kinds, &page);
    let entries: Vec<Entry> = page
        .clone()
        .filter(|&i| !listed[i] && !letters.contains(&i))
        .filter_map(|i| entry(lines, kinds, i, page.end))
        .collect();
    let mut run: Vec<Entry> = foot_run(&entries)
        .iter()
        .map(|&r| entries[r].clone())
        .collect();
    let carried = before.len();
    // the lines of entries cut off the front of the run, in order
    let mut cut: Vec<usize> = Vec::new();
    loop {
        let zone = run.first().map_or(page.end, |e| e.line);
        let candidates = page_candidates(lines, kinds, &before, page.start..zone, &cut);
        let strays = strays(lines, kinds, &page, &run);
        let mut all: Vec<&Entry> = strays.iter().chain(&run).collect();
        let mut matched = align(&all, &candidates);
        let body_end = |matched: &[Option<usize>]| {
            matched
                .iter()
                .flatten()
                .map(|&k| candidates[k].at.0)
                .max()
                .unwrap_or(page.start)
        };
        let texts = (!strays.is_empty() && matched.iter().all(Option::is_some))
            .then(|| stray_texts(lines, kinds, zone, body_end(&matched), strays.len()))
            .flatten();
        if texts.is_none() {
            all.drain(..strays.len());
            matched.drain(..strays.len());
        }
        // every entry answers a marker, or some do and the others are numbers set apart on
        // their own lines (a marker lost in extraction); numbered lines no marker calls stay
        // text: a run opening with such lines (a numbered list above the foot) is tried again
        // without its first entry, the zone above it growing; a marker below the entries cut
        // off (not on their own lines) shows the rest is the page's foot
        let answered = matched.iter().filter(|m| m.is_some()).count();
        let set_apart = all
            .iter()
            .zip(&matched)
            .all(|(e, m)| m.is_some() || e.text.is_empty());
        let below_cut = cut
            .last()
            .is_none_or(|&line| matched.iter().flatten().any(|&k| candidates[k].at.0 > line));
        let mut used = vec![false; candidates.len()];
        if answered > 0 && (set_apart || lost_markers(&matched)) && below_cut {
            let all: Vec<Entry> = all.into_iter().cloned().collect();
            settle_run(
                lines,
                kinds,
                listed,
                &page,
                all,
                texts,
                &matched,
                &candidates,
                carried,
                &mut used,
                paired,
            );
        } else if run.len() > 1 {
            cut.push(run.remove(0).line);
            continue;
        }
        settle_inner(
            lines,
            kinds,
            listed,
            &entries,
            &candidates,
            carried,
            &mut used,
            paired,
        );
        return candidates
            .into_iter()
            .zip(used)
            .skip(carried)
            .filter(|(_, u)| !u)
            .map(|(c, _)| c)
            .collect();
    }
}

/// Whether a foot run whose notes are not all answered is still the page's foot, some markers
/// lost in extraction (inside a formula, a figure): its first and last notes answer markers,
/// and at least two thirds of its notes do, so each unanswered note fills a gap in a numbering
/// the markers bear out. A run opening with unanswered numbered lines is a list above the foot
/// and is cut instead; the unanswered notes are kept and reported.
fn lost_markers(matched: &[Option<usize>]) -> bool {
    let answered = matched.iter().flatten().count();
    let ends =
        matched.first().is_some_and(Option::is_some) && matched.last().is_some_and(Option::is_some);
    ends && answered >= 2 && 3 * answered >= 2 * matched.len()
}

/// The marker candidates a page's foot may answer: those left over from the page before, then
/// the page's own above the foot `zone`, but for the lines of entries `cut` off the run.
fn page_candidates(
    lines: &[Line<'_>],
    kinds: &[Kind],
    before: &[Candidate],
    zone: std::ops::Range<usize>,
    cut: &[usize],
) -> Vec<Candidate> {
    let mut candidates = before.to_vec();
    let start = zone.start;
    for i in zone {
        if !holds_markers(&kinds[i]) || cut.binary_search(&i).is_ok() {
            continue;
        }
        let marks = segments(lines[i].text).filter_map(|s| match s {
            Segment::Marker(m) => Some(m),
            Segment::Text(_) => None,
        });
        for (k, m) in marks.enumerate() {
            if m.style == Style::Wrapped && !wrapped_marker(lines, kinds, start, i) {
                continue;
            }
            candidates.push(Candidate {
                at: (i, k),
                key: normal_key(m.key).into_owned(),
                style: m.style,
            });
        }
    }
    candidates
}

/// Whether the digits opening line `i` (`5 如果…`) may be the marker of the line above's last
/// word: the line right above, on the same page from `page_start`, is running text ending in
/// Chinese, not a numbered line; and the next numbered line is not the next number (numbered
/// lines counting on are a list, not a wrap).
fn wrapped_marker(lines: &[Line<'_>], kinds: &[Kind], page_start: usize, i: usize) -> bool {
    let Some(above) = i.checked_sub(1).filter(|&a| a >= page_start) else {
        return false;
    };
    let key = |j: usize| body(lines[j].text).map(|b| b.0);
    let next = key(i).and_then(successor);
    let counts_on = (i + 1..lines.len().min(i + MAX_NOTE_LINES))
        .filter(|&j| kinds[j] != Kind::Blank)
        .find_map(key)
        .is_some_and(|k| next.as_deref() == Some(k));
    kinds[above] == Kind::Text
        && key(above).is_none()
        && key_alone(lines[above].text).is_none()
        && !counts_on
        && wrapped_after(lines[above].text)
}

/// Sets the notes of an accepted foot run (stray keys' texts first) and their continuations.
#[allow(clippy::too_many_arguments)]
fn settle_run(
    lines: &[Line<'_>],
    kinds: &mut [Kind],
    listed: &[bool],
    page: &std::ops::Range<usize>,
    all: Vec<Entry>,
    texts: Option<Vec<usize>>,
    matched: &[Option<usize>],
    candidates: &[Candidate],
    carried: usize,
    used: &mut [bool],
    paired: &mut Paired,
) {
    let run: Vec<Entry> = match texts {
        Some(texts) => {
            // the stray keys' notes are the unnumbered lines above the run; a key's own line
            // is set apart like a page number, its number kept as the note's mark
            let strays = texts.len();
            let mut with_text = Vec::new();
            for (e, first) in all.iter().zip(texts) {
                kinds[e.line] = Kind::Furniture;
                // letters the key carried (`9 A`) open the note's text
                let text = if e.text.is_empty() {
                    String::new()
                } else {
                    format!("{} {}", e.text, lines[first].text.trim())
                };
                with_text.push(Entry {
                    line: first,
                    text,
                    ..e.clone()
                });
            }
            with_text.extend(all.into_iter().skip(strays));
            with_text
        }
        None => all,
    };
    for (r, e) in run.iter().enumerate() {
        let own = if e.text.is_empty() && key_alone(lines[e.line].text).is_none() {
            lines[e.line].text.trim().to_string()
        } else {
            e.text.clone()
        };
        kinds[e.line] = Kind::Note {
            mark: e.key.clone(),
            text: own,
        };
        let at = matched[r].map(|k| {
            used[k] = true;
            Pair {
                at: candidates[k].at,
                style: candidates[k].style,
                carried: k < carried,
            }
        });
        paired.insert(e.line, at);
        let next = run.get(r + 1).map_or(page.end, |n| n.line);
        let stop = next.min(e.line + MAX_NOTE_LINES);
        for j in e.line + 1..stop {
            match kinds[j] {
                _ if listed[j] => break,
                Kind::Text => kinds[j] = Kind::NoteContinuation,
                Kind::Blank | Kind::Furniture | Kind::NoteContinuation => {}
                _ => break,
            }
        }
    }
}
