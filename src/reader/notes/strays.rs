//! Page-foot notes whose numbers pdftotext set apart from their texts (散置的注号): the keys of
//! a page's first notes left alone at the very end of the page, after the notes, and the note
//! texts they number found above the foot run, each starting after a line that ends a sentence
//! and never on a line narrower than a wrapped note line (the body's larger size).

use super::super::Line;
use super::super::kind::Kind;
use super::super::text::ends_sentence;
use super::foot::{Entry, MAX_NOTE_LINES, same_family, successor};
use super::markers::{key_alone, normal_key};

/// Keys alone at the very end of a page, no text below them, running in sequence into the run's
/// first key (`1`, `2` before a run opening at `3`): pdftotext set the numbers of the page's
/// first notes after the notes.
pub(super) fn strays(
    lines: &[Line<'_>],
    kinds: &[Kind],
    page: &std::ops::Range<usize>,
    run: &[Entry],
) -> Vec<Entry> {
    let Some(first) = run.first() else {
        return Vec::new();
    };
    let last_line = run.last().map_or(first.line, |e| e.line);
    let mut out: Vec<Entry> = Vec::new();
    for i in (last_line + 1..page.end).rev() {
        match &kinds[i] {
            Kind::Blank => continue,
            Kind::Text | Kind::Furniture | Kind::NoteContinuation => {}
            _ => break,
        }
        let Some((key, style)) = key_alone(lines[i].text) else {
            break;
        };
        out.push(Entry {
            line: i,
            key: normal_key(key).into_owned(),
            style,
            text: String::new(),
        });
    }
    out.reverse();
    // keep the keys that run in sequence into the run's first key
    let mut keep = out.len();
    let mut next = first.key.clone();
    while keep > 0 {
        let e = &out[keep - 1];
        if successor(&e.key).as_deref() != Some(next.as_str()) || !same_family(e.style, first.style)
        {
            break;
        }
        next = e.key.clone();
        keep -= 1;
    }
    let ok = keep == 0 || out[..keep].iter().all(|e| kinds[e.line] == Kind::Furniture);
    if ok { out.split_off(keep) } else { Vec::new() }
}

/// The first lines of `n` notes set without their numbers right above a run starting at `zone`
/// and below the text of the page (which ends at line `body_end`): each note starts after a
/// line that ends a sentence. `None` when the lines do not divide so.
pub(super) fn stray_texts(
    lines: &[Line<'_>],
    kinds: &[Kind],
    zone: usize,
    body_end: usize,
    n: usize,
) -> Option<Vec<usize>> {
    let mut starts = Vec::with_capacity(n);
    let mut i = zone;
    for _ in 0..n {
        let mut start = i.checked_sub(1)?;
        while start > body_end + 1
            && kinds[start - 1] == Kind::Text
            && !ends_sentence(lines[start - 1].text)
            && i - start < MAX_NOTE_LINES
            && !narrower_than_note(lines, start - 1, i)
        {
            start -= 1;
        }
        if start <= body_end || kinds[start] != Kind::Text {
            return None;
        }
        starts.push(start);
        i = start;
    }
    let top = *starts.last()?;
    let boundary = top.checked_sub(1)?;
    (ends_sentence(lines[boundary].text)
        || kinds[boundary] != Kind::Text
        || narrower_than_note(lines, boundary, zone))
    .then(|| {
        starts.reverse();
        starts
    })
}

/// Display width of a line in columns (汉字 two, Latin one).
fn width(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width_cjk(text.trim())
}

/// Least share of the widest line below it that a note's wrapped line fills.
const FULL_NOTE_LINE: f64 = 0.9;

/// Whether line `above`, were it the first line of the note on the lines below it down to
/// `end`, would be narrower than a wrapped note line: a note line that wraps fills the foot's
/// measure, as wide as the note's widest line. A narrower line is the page's text broken off
/// above the foot (`…自定义中文字体。然` going on over the page), set in the body's larger
/// size, not the note's first line.
fn narrower_than_note(lines: &[Line<'_>], above: usize, end: usize) -> bool {
    let widest = (above + 1..end)
        .map(|j| width(lines[j].text))
        .max()
        .unwrap_or(0);
    (width(lines[above].text) as f64) < FULL_NOTE_LINE * widest as f64
}
