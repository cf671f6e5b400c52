//! Page furniture (书眉与页码) in pdftotext/OCR output: printed page numbers (`17`, `· 17 ·`,
//! `- 17 -`, `第 17 页`, `Ⅲ`, `iii`) and running heads (a short line repeated at the top or foot
//! of many pages, or a shortened chapter title) are marked [`Kind::Furniture`]; the numbers are
//! kept for the page marks of the EPUB page-list.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::PageMark;

use super::Line;
use super::headings::has_page_number;
use super::kind::Kind;
use super::labels::is_roman;
use super::text::ends_sentence;

/// How a page number is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum NumberStyle {
    /// `17`.
    Plain,
    /// `· 17 ·`.
    Dots,
    /// `- 17 -` or `— 17 —`.
    Dashes,
    /// `第 17 页`.
    Chinese,
    /// `Ⅲ` or `iii` (front matter).
    Roman,
    /// `14 / 57`: the page and the number of pages.
    OfTotal,
}

impl NumberStyle {
    /// The style as shown by `paiban inspect`.
    pub fn shape(self) -> &'static str {
        match self {
            NumberStyle::Plain => "`N`",
            NumberStyle::Dots => "`· N ·`",
            NumberStyle::Dashes => "`- N -`",
            NumberStyle::Chinese => "`第 N 页`",
            NumberStyle::Roman => "Roman `iii`/`Ⅲ`",
            NumberStyle::OfTotal => "`N / M`",
        }
    }
}

/// Longest running head, in characters.
const MAX_HEAD: usize = 40;

/// Longest running head or foot repeated on many pages (`-layout` sets a title and a
/// copyright line far apart on one line), in characters.
const MAX_LONG_HEAD: usize = 100;

/// Narrowest gap, in columns, between a long running head and its folio on one line.
const WIDE_GAP: usize = 8;

/// Fewest pages (and share of the body's pages, one in `LONG_SHARE`) a long running line
/// must be repeated on.
const MIN_LONG_REPEATS: usize = 5;
const LONG_SHARE: usize = 3;

/// Whether `s` is a page number's digits (1–4 ASCII digits).
fn digits(s: &str) -> bool {
    (1..=4).contains(&s.len()) && s.chars().all(|c| c.is_ascii_digit())
}

/// A page number alone on a line: (the number as printed, its style).
pub fn page_number(text: &str) -> Option<(String, NumberStyle)> {
    let t = text.trim();
    if digits(t) {
        return Some((t.to_string(), NumberStyle::Plain));
    }
    // `14 / 57`, `14/57`: the page of so many (a page no higher than the count)
    if let Some((page, total)) = t.split_once('/') {
        let (page, total) = (page.trim_end(), total.trim_start());
        let value = |s: &str| s.parse::<u32>().ok().filter(|_| digits(s));
        if let (Some(p), Some(n)) = (value(page), value(total)) {
            if p >= 1 && p <= n {
                return Some((page.to_string(), NumberStyle::OfTotal));
            }
        }
    }
    let roman_glyphs = !t.is_empty() && t.chars().all(|c| ('\u{2160}'..='\u{217F}').contains(&c));
    if roman_glyphs || (is_roman(t) && t.chars().all(|c| c.is_ascii_lowercase())) {
        return Some((t.to_string(), NumberStyle::Roman));
    }
    for (open, close, style) in [
        ('·', '·', NumberStyle::Dots),
        ('•', '•', NumberStyle::Dots),
        ('・', '・', NumberStyle::Dots),
        ('-', '-', NumberStyle::Dashes),
        ('—', '—', NumberStyle::Dashes),
        ('–', '–', NumberStyle::Dashes),
        ('第', '页', NumberStyle::Chinese),
        ('第', '頁', NumberStyle::Chinese),
    ] {
        let inner = t.strip_prefix(open).and_then(|r| r.strip_suffix(close));
        let Some(inner) = inner.map(str::trim) else {
            continue;
        };
        if digits(inner) {
            return Some((inner.to_string(), style));
        }
        if is_roman(inner) && style != NumberStyle::Chinese {
            return Some((inner.to_string(), NumberStyle::Roman));
        }
    }
    None
}

/// Columns of white space: an ideographic space counts 2.
fn gap_width(gap: &str) -> usize {
    gap.chars().map(|c| if c == '　' { 2 } else { 1 }).sum()
}

/// A running head and page number on one line (`12    城市的河流`, `第一章 緒論    13`), the
/// two separated by white space at least two columns wide.
pub fn split_combined(text: &str) -> Option<(String, NumberStyle)> {
    let t = text.trim();
    // a `-layout` head set far from its folio (`Chapter 5: Interfaces to other languages
    // ⟨30 spaces⟩ 137`) may be as long as the long running lines
    let head_ok = |h: &str, gap: &str| {
        let h = h.trim();
        let max = if gap_width(gap) >= WIDE_GAP {
            MAX_LONG_HEAD
        } else {
            MAX_HEAD
        };
        !h.is_empty() && h.chars().count() <= max && !ends_sentence(h)
    };
    // White-space runs two or more columns wide: (start, end) byte offsets.
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut run: Option<(usize, usize)> = None;
    for (i, c) in t.char_indices() {
        if c.is_whitespace() {
            let start = run.map_or(i, |(s, _)| s);
            run = Some((start, i + c.len_utf8()));
        } else if let Some((s, e)) = run.take() {
            if gap_width(&t[s..e]) >= 2 {
                runs.push((s, e));
            }
        }
    }
    let &(ls, le) = runs.last()?;
    if let Some(n) = page_number(&t[le..]).filter(|_| head_ok(&t[..ls], &t[ls..le])) {
        return Some(n);
    }
    let &(fs, fe) = runs.first()?;
    page_number(&t[..fs]).filter(|_| head_ok(&t[fe..], &t[fs..fe]))
}

/// What the furniture pass found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Furniture {
    /// The printed number of each form-feed page (index 0 = text before the first form feed).
    pub printed: Vec<Option<String>>,
    /// Page-number styles seen: style → (count, first 1-based line).
    pub styles: BTreeMap<NumberStyle, (usize, usize)>,
    /// Running-head lines removed, and the first one's 1-based line.
    pub running_heads: (usize, usize),
}

/// Compact text of a line: white space removed.
fn compact(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A Latin letter alone on its line (`E`).
fn lone_letter(t: &str) -> bool {
    t.len() == 1 && t.bytes().all(|b| b.is_ascii_alphabetic())
}

/// Marks page numbers and running heads as [`Kind::Furniture`] on pages cut by form feeds.
/// Needs at least two form feeds; otherwise nothing is touched.
pub fn strip(lines: &[Line<'_>], form_feed: &[bool], kinds: &mut [Kind]) -> Furniture {
    let mut f = Furniture::default();
    let mut pages: Vec<Vec<usize>> = vec![Vec::new()];
    for (i, kind) in kinds.iter().enumerate() {
        if form_feed.get(i).copied().unwrap_or(false) && i > 0 {
            pages.push(Vec::new());
        }
        if *kind != Kind::Blank {
            pages.last_mut().expect("a page").push(i);
        }
    }
    f.printed = vec![None; pages.len()];
    if pages.len() < 3 {
        return f;
    }
    // Title pages come before the first heading: a year there is no page number, the title no
    // running head.
    let body_from = pages
        .iter()
        .position(|idx| idx.iter().any(|&i| kinds[i].is_heading()))
        .unwrap_or(pages.len());
    // Page numbers: first or last line of the page, alone or beside a running head.
    let mut taken: Vec<Option<(usize, Kind)>> = vec![None; pages.len()];
    for (p, idx) in pages.iter().enumerate() {
        let ends = [
            idx.first(),
            idx.last(),
            idx.get(1),
            idx.len().checked_sub(2).and_then(|k| idx.get(k)),
        ];
        for &i in ends.into_iter().flatten() {
            let text = lines[i].text;
            let alone = page_number(text);
            let with_head = alone.is_none();
            let found = alone.or_else(|| split_combined(text));
            let found = found.filter(|(_, style)| p >= body_from || *style != NumberStyle::Plain);
            if let Some((number, style)) = found {
                if !with_head {
                    taken[p] = Some((i, kinds[i].clone()));
                }
                kinds[i] = Kind::Furniture;
                if with_head {
                    if f.running_heads.0 == 0 {
                        f.running_heads.1 = lines[i].no;
                    }
                    f.running_heads.0 += 1;
                }
                f.printed[p] = Some(number);
                let e = f.styles.entry(style).or_insert((0, lines[i].no));
                e.0 += 1;
                break;
            }
        }
    }
    folios_in_sequence(lines, &pages, body_from, &taken, kinds, &mut f);
    // Running heads: the first and last remaining lines of each page.
    let edge = |idx: &[usize], kinds: &[Kind]| -> Vec<usize> {
        let rest: Vec<usize> = idx
            .iter()
            .copied()
            .filter(|&i| kinds[i] != Kind::Furniture)
            .collect();
        let mut v: Vec<usize> = rest.first().into_iter().copied().collect();
        v.extend(rest.last().filter(|&&l| Some(&l) != rest.first()));
        v
    };
    // a Latin letter alone (an appendix's `E` above its title, a figure's part) heads nothing
    let candidate = |i: usize| {
        let t = lines[i].text.trim();
        t.chars().count() <= MAX_HEAD && !ends_sentence(t) && !has_page_number(t) && !lone_letter(t)
    };
    // a longer line stands only when it repeats on many of the pages
    let long_candidate = |i: usize| {
        let t = lines[i].text.trim();
        t.chars().count() <= MAX_LONG_HEAD && !ends_sentence(t) && !has_page_number(t)
    };
    let long_needed = MIN_LONG_REPEATS.max((pages.len() - body_from.min(pages.len())) / LONG_SHARE);
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for idx in pages.iter().skip(body_from) {
        for i in edge(idx, kinds) {
            if long_candidate(i) {
                *counts.entry(compact(lines[i].text)).or_default() += 1;
            }
        }
    }
    // Lines of the title pages: the book title as a running head matches one of them.
    let titles: BTreeSet<String> = pages[..body_from]
        .iter()
        .flatten()
        .map(|&i| compact(lines[i].text))
        .collect();
    let mut headings: Vec<String> = Vec::new();
    let mut seen: BTreeSet<String> = BTreeSet::new();
    for (p, idx) in pages.iter().enumerate().skip(body_from) {
        let tops = edge(idx, kinds);
        for (n, &i) in tops.iter().enumerate() {
            let key = compact(lines[i].text);
            let heading = kinds[i].is_heading();
            // Twice is enough for the book title or a heading; anything else (a short line
            // like `小结` that happens to open two pages) must repeat more often.
            let known =
                heading || titles.contains(&key) || headings.iter().any(|h| h.contains(&key));
            let needed = if known { 2 } else { 3 };
            let count = counts.get(&key).copied().unwrap_or(0);
            // a longer line repeated at the head of pages that print their folio is a running
            // head too (`Appendix B: Major Differences From The Bourne Shell` / `169`)
            let headed = n == 0
                && f.printed[p].is_some()
                && lines[i].text.trim().chars().count() > MAX_HEAD
                && long_candidate(i);
            let repeated = count >= needed && (candidate(i) || headed) || count >= long_needed;
            let first_heading = heading && seen.insert(key.clone());
            // A shortened chapter title at the top of a later page.
            let shortened = n == 0
                && p > 0
                && !heading
                && kinds[i] == Kind::Text
                && candidate(i)
                && key.chars().count() >= 2
                && headings.iter().any(|h| h.contains(&key));
            if (repeated && !first_heading) || shortened {
                kinds[i] = Kind::Furniture;
                if f.running_heads.0 == 0 {
                    f.running_heads.1 = lines[i].no;
                }
                f.running_heads.0 += 1;
            }
        }
        for (k, &i) in idx.iter().enumerate() {
            if kinds[i].is_heading() {
                headings.push(compact(lines[i].text));
            }
            // `Chapter 1` / `第一章` alone: its title is the next line.
            if matches!(kinds[i], Kind::ChapterLabel { .. } | Kind::PartLabel { .. }) {
                headings.extend(idx.get(k + 1).map(|&j| compact(lines[j].text)));
            }
        }
    }
    f
}

/// Pages whose folio fits the book's numbering before one counts as its sequence.
const MIN_SEQUENCE: usize = 5;

/// Folios printed away from the page's edges (pdftotext's default mode sets a page's number
/// where its text block falls: after the first heading, between a label and its title). The
/// folios found at the edges give the book's sequence — printed number = page index + offset
/// on most pages —; a page without one, or whose edge number breaks the sequence (a code
/// line's number), takes the bare number anywhere on it that the sequence predicts.
fn folios_in_sequence(
    lines: &[Line<'_>],
    pages: &[Vec<usize>],
    body_from: usize,
    taken: &[Option<(usize, Kind)>],
    kinds: &mut [Kind],
    f: &mut Furniture,
) {
    let plain = |f: &Furniture, p: usize| -> Option<i64> {
        f.printed[p]
            .as_deref()
            .filter(|n| n.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|n| n.parse().ok())
    };
    let mut offsets: BTreeMap<i64, usize> = BTreeMap::new();
    for p in body_from..pages.len() {
        if let Some(n) = plain(f, p) {
            *offsets.entry(n - p as i64).or_default() += 1;
        }
    }
    let Some((&offset, &count)) = offsets.iter().max_by_key(|(_, c)| **c) else {
        return;
    };
    if count < MIN_SEQUENCE {
        return;
    }
    for (p, idx) in pages.iter().enumerate().skip(body_from) {
        let want = p as i64 + offset;
        if want < 1 || plain(f, p) == Some(want) {
            continue;
        }
        let at = idx.iter().copied().find(|&i| {
            kinds[i] != Kind::Furniture
                && page_number(lines[i].text).is_some_and(|(n, style)| {
                    style == NumberStyle::Plain && n.parse::<i64>().ok() == Some(want)
                })
        });
        let Some(i) = at else {
            continue;
        };
        match &taken[p] {
            // the edge number was a code line's or a note's: it goes back to the text
            Some((j, kind)) => kinds[*j] = kind.clone(),
            None if f.printed[p].is_some() => continue,
            None => {}
        }
        kinds[i] = Kind::Furniture;
        f.printed[p] = Some(want.to_string());
    }
}

/// Page marks where a form feed starts a page: the printed number when the page shows one,
/// else one more than the previous printed arabic number, else the page's ordinal (`pages`:
/// each line's 0-based page, as counted by [`super::pages::assign`]).
pub fn marks(form_feed: &[bool], pages: &[usize], f: &Furniture) -> Vec<Option<PageMark>> {
    let mut page = 0;
    let mut last: Option<u32> = None;
    let mut out = Vec::with_capacity(form_feed.len());
    if let Some(Some(n)) = f.printed.first() {
        last = n.parse().ok();
    }
    for (i, &feed) in form_feed.iter().enumerate() {
        if !(feed && i > 0) {
            out.push(None);
            continue;
        }
        page += 1;
        let mark = match f.printed.get(page).cloned().flatten() {
            Some(n) => {
                last = n.parse().ok();
                PageMark {
                    number: n,
                    printed: true,
                }
            }
            None => {
                let number = match last {
                    Some(n) => (n + 1).to_string(),
                    None => (pages.get(i).copied().unwrap_or(page) + 1).to_string(),
                };
                last = last.map(|n| n + 1);
                PageMark {
                    number,
                    printed: false,
                }
            }
        };
        out.push(Some(mark));
    }
    out
}

#[cfg(test)]
#[path = "furniture_tests.rs"]
mod tests;
