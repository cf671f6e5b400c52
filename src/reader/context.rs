//! Context rules (上下文) over classified lines: the title pages before the first heading, the
//! printed contents (目录) region, a chapter label's title line, a preface's signature (署名) and
//! a kicker printed above a heading. Each rule is its own function over `&mut [Kind]`.

use crate::diag::{Code, Diagnostic};
use crate::model::DivisionKind;

use super::Line;
use super::classify::signature_shape;
use super::headings::has_page_number;
use super::kind::Kind;
use super::notes::without_markers;
use super::text::ends_sentence;

/// Longest kicker or chapter title line, in characters.
const MAX_SHORT: usize = 40;

/// How many content lines after a heading inside the contents may carry the page that shows
/// the heading is an entry.
const PAGED_AFTER: usize = 2;

/// A printed contents region: the 目录 heading's index and the index of the first body line.
pub type ContentsRange = (usize, usize);

/// Applies every context rule but the contents regions (found earlier, before the outline
/// pass, by [`contents_regions`]); returns the diagnostics.
pub fn apply(lines: &[Line<'_>], kinds: &mut [Kind]) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    front_matter_region(kinds);
    chapter_titles(lines, kinds, &mut diags);
    kickers(lines, kinds);
    signatures(lines, kinds);
    diags
}

/// Blank lines and footnotes: skipped when looking for the neighbouring content line.
fn in_margin(kind: &Kind) -> bool {
    matches!(
        kind,
        Kind::Blank | Kind::Note { .. } | Kind::NoteContinuation
    )
}

/// The next line after `i` that is neither blank nor a footnote.
fn next_content(kinds: &[Kind], i: usize) -> Option<usize> {
    (i + 1..kinds.len()).find(|&j| !in_margin(&kinds[j]))
}

/// The last line before `i` that is neither blank nor a footnote.
fn prev_content(kinds: &[Kind], i: usize) -> Option<usize> {
    (0..i).rev().find(|&j| !in_margin(&kinds[j]))
}

/// Lines before the first heading are title pages and colophon.
pub fn front_matter_region(kinds: &mut [Kind]) {
    let Some(first) = kinds.iter().position(Kind::is_heading) else {
        return;
    };
    for k in &mut kinds[..first] {
        if !matches!(k, Kind::Blank | Kind::Furniture) {
            *k = Kind::FrontMatterLine;
        }
    }
}

/// What identifies a heading when the body repeats a contents entry: a chapter or section's
/// label, a matter heading's title.
fn heading_key(kind: &Kind) -> Option<&str> {
    match kind {
        Kind::ChapterLabel { label }
        | Kind::Chapter { label, .. }
        | Kind::PartLabel { label }
        | Kind::Part { label, .. }
        | Kind::Section { label, .. } => Some(label),
        // an unnumbered title is known by its title
        Kind::Heading { label, title, .. } if label.is_empty() => Some(title),
        Kind::Heading { label, .. } => Some(label),
        Kind::Matter { title, .. } => Some(title),
        _ => None,
    }
}

/// After a 目录 heading: entry lines up to the first heading that is not an entry (nor the first
/// line of a wrapped entry, whose next line ends in a page number). When the
/// entries carry no page numbers, up to the heading that repeats the first entry.
/// `form_feed[i]`: a page starts at line `i` (empty when the manuscript has no pages).
pub fn contents_regions(
    lines: &[Line<'_>],
    kinds: &mut [Kind],
    form_feed: &[bool],
) -> Vec<ContentsRange> {
    let mut ranges = Vec::new();
    let starts: Vec<usize> = (0..kinds.len())
        .filter(|&i| {
            matches!(
                kinds[i],
                Kind::Matter {
                    kind: DivisionKind::Contents,
                    ..
                }
            )
        })
        .collect();
    for start in starts {
        // A heading whose next line is an entry is a wrapped entry, not the body.
        // A heading whose next lines carry pages (a wrapped entry, a column's heading) is
        // still the contents.
        let first_heading = (start + 1..kinds.len()).find(|&j| {
            kinds[j].is_heading()
                && (j + 1..kinds.len())
                    .filter(|&n| !in_margin(&kinds[n]))
                    .take(PAGED_AFTER)
                    .all(|n| entry_page(lines[n].text).is_none() && !roman_page(lines[n].text))
        });
        let mut end = first_heading.unwrap_or(kinds.len());
        let empty = next_content(kinds, start).is_none_or(|j| j >= end);
        if let (true, Some(h)) = (empty, first_heading) {
            if let Some(key) = heading_key(&kinds[h]).map(str::to_string) {
                let repeat = (h + 1..kinds.len()).find(|&j| {
                    heading_key(&kinds[j]) == Some(key.as_str()) && !has_page_number(lines[j].text)
                });
                end = repeat.unwrap_or(end);
            }
        }
        end = end.min(entries_end(lines, kinds, form_feed, start));
        end = end.min(pages_fall(lines, kinds, form_feed, start, end));
        end = end.min(entry_repeated(lines, kinds, start, end));
        for k in &mut kinds[start + 1..end] {
            if !matches!(k, Kind::Blank | Kind::Furniture) {
                *k = Kind::ContentsLine;
            }
        }
        ranges.push((start, end));
    }
    ranges
}

/// Longest line a contents entry without a page number holds, in characters.
const MAX_ENTRY: usize = 60;

/// Whether a line reads like a contents entry: it ends in a page number or leaders, or it is
/// short and no sentence (a wrapped title, an entry of a contents without page numbers).
fn entry_like(text: &str) -> bool {
    let t = text.trim();
    let leaders = t.trim_end_matches(|c: char| c.is_ascii_digit() || c.is_whitespace());
    has_page_number(t)
        || roman_page(t)
        || super::toc::is_run_in(t)
        || ["..", ". .", "…", "·", "．．"]
            .iter()
            .any(|l| leaders.ends_with(l))
        || t.chars().count() <= MAX_ENTRY && !ends_sentence(t)
}

/// Whether a page starts at line `i`.
fn feed(form_feed: &[bool], i: usize) -> bool {
    form_feed.get(i).copied().unwrap_or(false)
}

/// How many content lines after two that are no entries may carry a page after leaders and
/// so show the contents goes on (a chapter's précis printed under its entry).
const RESUME_LOOKAHEAD: usize = 2;

/// Where the entries after a contents heading stop: at the first of two content lines in a
/// row that are no entries (prose: long lines, finished sentences) — the body has begun. When
/// that prose is on a later page than the heading and no line of its page before it carries
/// an entry's page number or leaders, the body begins with that page (its heading is no
/// entry: a contents page prints page numbers). Short lines after the last line that shows a
/// page number, before that prose, are the body's first heading, not entries. The contents
/// goes on when one of the next lines is an entry with its page after leaders (the prose was
/// a précis inside the contents).
pub fn entries_end(lines: &[Line<'_>], kinds: &[Kind], form_feed: &[bool], start: usize) -> usize {
    let mut first_miss: Option<usize> = None;
    // the first line of the current page (after the heading's) and whether it shows an entry
    let mut page: Option<usize> = None;
    let mut page_paged = false;
    // the last line that shows an entry's page
    let mut last_page: Option<usize> = None;
    for j in start + 1..kinds.len() {
        if feed(form_feed, j) {
            page = Some(j);
            page_paged = false;
        }
        // a folio counts: a contents page's printed number is an entry's page too
        let paged = kinds[j] != Kind::Blank && printed_page(lines[j].text);
        page_paged |= paged;
        if matches!(kinds[j], Kind::Blank | Kind::Furniture) {
            last_page = last_page.max(paged.then_some(j));
            continue;
        }
        if entry_like(lines[j].text) {
            first_miss = None;
        } else if let Some(m) = first_miss {
            let resumes = (j + 1..kinds.len())
                .filter(|&n| !matches!(kinds[n], Kind::Blank | Kind::Furniture))
                .take(RESUME_LOOKAHEAD)
                .any(|n| after_leaders(lines[n].text));
            if resumes {
                first_miss = None;
                last_page = last_page.max(paged.then_some(j));
                continue;
            }
            let end = match page {
                Some(p) if p <= m && !page_paged => p,
                _ => m,
            };
            // short lines after the last page number are the body's first heading
            return match last_page.filter(|&l| l < end) {
                Some(l) => (l + 1..end)
                    .find(|&i| kinds[i] != Kind::Blank)
                    .unwrap_or(end),
                None => end,
            };
        } else {
            first_miss = Some(j);
        }
        last_page = last_page.max(paged.then_some(j));
    }
    kinds.len()
}

/// Whether a line ends in dotted leaders (its page number printed elsewhere).
fn leadered(text: &str) -> bool {
    let t = text.trim_end();
    [". .", "..", "…", "·", "．．"]
        .iter()
        .any(|l| t.ends_with(l))
}

/// Whether a line shows an entry's page as a contents page prints it: a number alone, or after
/// dotted leaders, a tab or a wide gap, or a run of leaders inside it (two entries on one
/// line); `impression.1`, a note call, is none.
fn printed_page(text: &str) -> bool {
    let t = text.trim();
    if [". . .", "....", "……"].iter().any(|l| t.contains(l)) {
        return true;
    }
    let head = t.trim_end_matches(|c: char| c.is_ascii_digit());
    if head.len() == t.len() {
        return leadered(t);
    }
    head.is_empty() && t.len() <= 4
        || head.ends_with(['\t', '\u{3000}'])
        || head.ends_with("  ")
        || leadered(head)
}

/// A line's printed page number as a contents entry carries it: alone on the line (`17`, the
/// page on its own line in pdftotext's default mode) or after leaders or a wide gap.
fn entry_page(text: &str) -> Option<u32> {
    let t = text.trim();
    if !t.is_empty() && t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit()) {
        return t.parse().ok();
    }
    if !has_page_number(t) {
        return None;
    }
    let head = t.trim_end_matches(|c: char| c.is_ascii_digit());
    // `5.1.2`: a decimal label alone, not a title and its page
    if head.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    t[head.len()..].parse().ok()
}

/// Whether a line ends in a page number (arabic or lower-case roman) after dotted leaders
/// (`Title . . . . 325`): a contents entry, whatever lines stand around it.
fn after_leaders(text: &str) -> bool {
    let t = text.trim_end();
    let head = t.trim_end_matches(|c: char| c.is_ascii_digit() || "ivxlcdm".contains(c));
    t.len() > head.len()
        && t.len() - head.len() <= MAX_ROMAN
        && head.ends_with(' ')
        && head.trim_end().ends_with(['.', '…', '·', '．'])
}

/// Longest lower-case roman page number a front-matter entry carries (`xxxviii`).
const MAX_ROMAN: usize = 8;

/// Whether a line ends in a lower-case roman page number after leaders or a wide gap (`Preface
/// . . . xiii`, `Contents      ix`): a front-matter entry of the contents. Its pages are
/// numbered apart from the body's, so it takes no part in [`pages_fall`].
fn roman_page(text: &str) -> bool {
    let t = text.trim_end();
    let head = t.trim_end_matches(|c: char| "ivxlcdm".contains(c));
    let n = t.len() - head.len();
    if n == 0 || n > MAX_ROMAN || head.trim().is_empty() {
        return false;
    }
    let before_space = head.trim_end_matches(' ');
    before_space.ends_with(['.', '…', '·', '．'])
        || head.ends_with(['\t', '　'])
        || head.ends_with("  ")
}

/// How many content lines after a falling page number may still rise to the pages before it
/// (a chapter's number alone on its line, above its entry).
const FALL_LOOKAHEAD: usize = 4;

/// Where the entries stop because their page numbers stop rising: the first line whose page
/// number is below an earlier entry's, when none of the next few lines goes back up (the
/// body's first page, or a chapter number opening the body). `end` when the pages never fall.
/// In a paged manuscript a fall on the same printed page as the entry it falls from is the
/// next column of a two-column contents page when the next page number after it rises from
/// it again (or dotted leaders follow): the pages rise anew from there.
pub fn pages_fall(
    lines: &[Line<'_>],
    kinds: &[Kind],
    form_feed: &[bool],
    start: usize,
    end: usize,
) -> usize {
    // a folio counts: the body's first page (`1`) may have been taken for one
    let content: Vec<usize> = (start + 1..end)
        .filter(|&j| match kinds[j] {
            Kind::Blank => false,
            Kind::Furniture => entry_page(lines[j].text).is_some(),
            _ => true,
        })
        .collect();
    let mut top = 0;
    let mut top_line = start;
    for (k, &j) in content.iter().enumerate() {
        let Some(p) = entry_page(lines[j].text) else {
            continue;
        };
        if p < top {
            let after = || content[k + 1..].iter().take(FALL_LOOKAHEAD);
            let recovers = after().any(|&n| entry_page(lines[n].text).is_some_and(|q| q >= top));
            if recovers {
                continue;
            }
            let same_page = (top_line + 1..=j).all(|i| !feed(form_feed, i));
            let column = same_page
                && form_feed.iter().any(|&f| f)
                && after()
                    .find_map(|&n| {
                        entry_page(lines[n].text)
                            .map(|q| q >= p)
                            .or_else(|| leadered(lines[n].text).then_some(true))
                    })
                    .unwrap_or(false);
            if !column {
                return j;
            }
        }
        top = p;
        top_line = j;
    }
    end
}

/// Where the body begins because it prints an entry again: the first line without a page
/// number whose key (label and title) an earlier line of the region carries with one.
pub fn entry_repeated(lines: &[Line<'_>], kinds: &[Kind], start: usize, end: usize) -> usize {
    let mut seen = std::collections::HashSet::new();
    for j in start + 1..end {
        if matches!(kinds[j], Kind::Blank | Kind::Furniture) {
            continue;
        }
        let (key, paged) = super::toc::entry_key(lines[j].text);
        if key.is_empty() || key.chars().all(|c| c.is_ascii_digit() || c == '.') {
            continue;
        }
        if paged {
            seen.insert(key);
        } else if seen.contains(&key) {
            return j;
        }
    }
    end
}

/// The line after `第一章` (or a part's `第一编`) is its title; a part may have none.
pub fn chapter_titles(lines: &[Line<'_>], kinds: &mut [Kind], diags: &mut Vec<Diagnostic>) {
    for i in 0..kinds.len() {
        let (label, part) = match &kinds[i] {
            Kind::ChapterLabel { label } => (label, false),
            Kind::PartLabel { label } => (label, true),
            _ => continue,
        };
        let next = next_content(kinds, i).filter(|&j| {
            let t = without_markers(lines[j].text);
            // A title that reads like a matter heading (`第一章` / `绪论`) is still the title.
            let titled = matches!(kinds[j], Kind::Text | Kind::Matter { .. });
            titled
                && t.chars().count() <= MAX_SHORT
                && (!ends_sentence(&t) || super::labels::stopped_title(&t))
        });
        match next {
            Some(j) => kinds[j] = Kind::HeadingTitle,
            None if part => {}
            None => diags.push(Diagnostic::new(
                Code::ChapterUntitled,
                lines[i].no,
                format!("chapter label {label} has no title line after it"),
            )),
        }
    }
}

/// Whether a division of this kind is closed by a signature.
fn signed(kind: DivisionKind) -> bool {
    matches!(
        kind,
        DivisionKind::Preface
            | DivisionKind::Foreword
            | DivisionKind::Afterword
            | DivisionKind::Dedication
    )
}

/// In a preface, foreword or afterword: a short name line after the last paragraph, followed by
/// a date line, a heading or the end, is the signature.
pub fn signatures(lines: &[Line<'_>], kinds: &mut [Kind]) {
    let mut current: Option<DivisionKind> = None;
    for i in 0..kinds.len() {
        match &kinds[i] {
            Kind::Matter { kind, .. } => current = Some(*kind),
            Kind::ChapterLabel { .. }
            | Kind::Chapter { .. }
            | Kind::PartLabel { .. }
            | Kind::Part { .. } => current = None,
            Kind::Text if current.is_some_and(signed) => {
                let closes = next_content(kinds, i).is_none_or(|j| {
                    matches!(kinds[j], Kind::Dateline | Kind::Kicker) || kinds[j].is_heading()
                });
                let after_para = prev_content(kinds, i).is_some_and(|j| {
                    matches!(kinds[j], Kind::Text | Kind::ListItem)
                        && ends_sentence(&without_markers(lines[j].text))
                });
                if closes && after_para && signature_shape(lines[i].text).is_some() {
                    kinds[i] = Kind::Signature;
                }
            }
            _ => {}
        }
    }
}

/// A short unpunctuated line right before a front-matter heading is printed above it (it may
/// follow a signature, which is settled afterwards).
pub fn kickers(lines: &[Line<'_>], kinds: &mut [Kind]) {
    for i in 0..kinds.len() {
        if kinds[i] != Kind::Text {
            continue;
        }
        // the rare heading below is looked for first, the line's own shape after it
        let before_heading = next_content(kinds, i).is_some_and(|j| {
            matches!(
                kinds[j],
                Kind::Matter {
                    kind: DivisionKind::Abstract
                        | DivisionKind::Preface
                        | DivisionKind::Foreword
                        | DivisionKind::Dedication,
                    ..
                }
            )
        });
        if !before_heading {
            continue;
        }
        let t = without_markers(lines[i].text);
        if t.chars().count() > MAX_SHORT || ends_sentence(&t) {
            continue;
        }
        let standalone = prev_content(kinds, i).is_none_or(|j| match &kinds[j] {
            Kind::Text => {
                ends_sentence(&without_markers(lines[j].text))
                    || signature_shape(lines[j].text).is_some()
            }
            Kind::ListItem => ends_sentence(&without_markers(lines[j].text)),
            _ => true,
        });
        if standalone {
            kinds[i] = Kind::Kicker;
        }
    }
}

#[cfg(test)]
#[path = "context_tests.rs"]
mod tests;
