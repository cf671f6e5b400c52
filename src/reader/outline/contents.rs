//! The printed contents as the outline's oracle (目录对照): each entry is looked for in the
//! body, in the contents' order, after the contents itself. The body line that prints it —
//! label and title on one line, the label alone above or below its title, or a title over
//! two lines — is a heading at the level the contents gives ([`Listed`]); the outline pass
//! weighs it as `forced`, and lines of the same numbering family the contents does not list
//! need stronger evidence.

use std::collections::{HashMap, HashSet};

use crate::model::{ContentsEntry, DivisionKind};
use crate::reader::Line;
use crate::reader::kind::Kind;
use crate::reader::text::ends_sentence;
use crate::reader::toc::{EntryKind, split_label, title_key};

use super::index::{Index, line_key};
use super::{Decision, label};

/// How many times an unlabelled title printed after the contents is a running head.
const REPEATED: usize = 3;

/// A contents entry found in the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    /// Index of the heading's first line.
    pub index: usize,
    /// The outline level the contents gives (0 part, 1 chapter, 2 section …).
    pub level: u8,
    /// The entry's label as the contents prints it (empty: none).
    pub label: String,
    /// The heading's title as printed on its first line (empty when it is the label line).
    pub title: String,
    /// How the entry is laid out in the body.
    pub shape: Shape,
    /// What the entry is: a part, chapter or section; back matter; an unlabelled title.
    pub kind: EntryKind,
    /// The entry's manuscript line in the contents (1-based).
    pub entry_line: usize,
}

/// How a found entry is laid out in the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Label and title on one line (or a title without a label).
    OneLine,
    /// The label alone, its title on this later line.
    TitleBelow(usize),
    /// The title first, its label alone on this later line (`Title` / `2`).
    LabelBelow(usize),
    /// The title continues on this later line.
    Wrapped(usize),
}

impl Shape {
    /// The other line the heading takes, if any.
    pub fn second(self) -> Option<usize> {
        match self {
            Shape::OneLine => None,
            Shape::TitleBelow(j) | Shape::LabelBelow(j) | Shape::Wrapped(j) => Some(j),
        }
    }
}

/// Kinds a printed entry may have in the body before the outline pass: those the outline
/// pass may replace, and a back-matter word (附录, Index) the contents lists.
pub(super) fn eligible(kind: &Kind) -> bool {
    super::replaceable(kind) || matches!(kind, Kind::Matter { .. })
}

/// Lines between which a heading keeps its isolation.
pub(super) fn margin(kind: &Kind) -> bool {
    matches!(
        kind,
        Kind::Blank | Kind::Furniture | Kind::Note { .. } | Kind::NoteContinuation
    )
}

/// Whether line `i` starts a heading: a blank line, a page start, a heading or a finished
/// sentence comes before it.
fn isolated(lines: &[Line<'_>], kinds: &[Kind], form_feed: &[bool], i: usize) -> bool {
    let prev = (0..i).rev().find(|&j| kinds[j] != Kind::Furniture);
    // a page starts between the line before and this one
    if (prev.map_or(0, |p| p + 1)..=i).any(|j| form_feed.get(j).copied().unwrap_or(false)) {
        return true;
    }
    match prev {
        None => true,
        Some(j) if margin(&kinds[j]) => true,
        Some(j) => {
            kinds[j].is_heading() || ends_sentence(lines[j].text) || {
                let t = lines[j].text.trim_end();
                t.ends_with([':', '：'])
            }
        }
    }
}

/// The outline level of an entry: the contents' level less one when the contents has parts
/// (its parts are level 1, the outline's level 0).
fn outline_level(entry: &ContentsEntry, parts: bool) -> u8 {
    entry.level.saturating_sub(u8::from(parts))
}

/// What an entry is, from its label and title.
fn entry_kind(e: &ContentsEntry) -> EntryKind {
    let text = match &e.label {
        Some(l) => format!("{l} {}", e.title),
        None => e.title.clone(),
    };
    split_label(&text).0
}

/// Finds each entry of one printed contents in the body after `start` (the contents' end), in
/// order: an entry not found leaves the search where it was.
pub fn find(
    lines: &[Line<'_>],
    kinds: &[Kind],
    form_feed: &[bool],
    entries: &[ContentsEntry],
    start: usize,
) -> Vec<Listed> {
    let fulls: Vec<String> = entries.iter().map(full_key).collect();
    let titles: Vec<String> = entries
        .iter()
        .map(|e| title_key(&e.title).replace('：', ""))
        .collect();
    // the keys the entries are looked for by: the body's other keys stay out of the index
    let wanted: HashSet<&str> = fulls.iter().chain(&titles).map(String::as_str).collect();
    let index = Index::new(lines, kinds, &wanted);
    let full_width = super::block::measure(lines, start);
    let parts = entries.iter().any(|e| entry_kind(e) == EntryKind::Part);
    let mut cursor = start;
    let mut out = Vec::new();
    // the last line of the last heading found: a heading right below it is isolated too
    let mut last_end: Option<usize> = None;
    // the highest page number listed since the last fall: an entry whose page is below it
    // starts a column read out of order (the other column of a two-column contents page) and
    // is looked for from the contents' end; the entries after it rise from its page
    let mut top_page = 0u32;
    // the line of each numbered chapter found, by number, and the lead number of the entry
    // found last
    let mut chapter_at: HashMap<u32, usize> = HashMap::new();
    let mut last_lead: Option<u32> = None;
    for (n, e) in entries.iter().enumerate() {
        let page = e.page.as_deref().and_then(|p| p.parse::<u32>().ok());
        let fallen = page.is_some_and(|p| p < top_page);
        top_page = match page {
            Some(p) if fallen => p,
            Some(p) => top_page.max(p),
            None => top_page,
        };
        // a decimal section whose chapter was found before entries of another chapter (the
        // other column of a two-column contents page: `10.4` then `5.1`) is looked for under
        // its chapter's heading
        let lead = e.label.as_deref().and_then(super::label::parse);
        let behind = lead
            .as_ref()
            .filter(|n| n.numbers.len() >= 2 && last_lead != Some(n.numbers[0]))
            .and_then(|n| chapter_at.get(&n.numbers[0]).copied())
            .filter(|&c| c < cursor);
        let from = match behind {
            _ if fallen => start,
            Some(c) => c + 1,
            None => cursor,
        };
        let kind = entry_kind(e);
        if kind == EntryKind::Front {
            continue;
        }
        let label = e.label.as_deref().map(line_key).unwrap_or_default();
        let title = &titles[n];
        if title.is_empty() && label.is_empty() {
            continue;
        }
        let full = &fulls[n];
        // a line printed on many pages is a running head the contents page carried too
        let repeated = Index::after(&index.one, full, start)
            .nth(REPEATED - 1)
            .is_some();
        if e.label.is_none() && repeated {
            continue;
        }
        let next_full = fulls.get(n + 1).map(String::as_str);
        let labelled = e.label.is_some();
        let isolated = |_: &[Line<'_>], kinds: &[Kind], i: usize| {
            isolated(lines, kinds, form_feed, i)
                || last_end.is_some_and(|e| (e + 1..i).all(|j| margin(&kinds[j])))
                || labelled && super::block::ends(lines, kinds, i, full_width)
        };
        let next = |i: usize| index.next[i].filter(|&j| !index.key[j].is_empty());
        let mut best: Option<(usize, Shape)> = None;
        let mut consider = |i: usize, shape: Shape| {
            if best.is_none_or(|(b, _)| i < b) && isolated(lines, kinds, i) {
                best = Some((i, shape));
            }
        };
        if let Some(i) = Index::after(&index.one, full, from).find(|&i| {
            isolated(lines, kinds, i)
                && (alone(kinds, i, &index, e, next_full) || opens_page(kinds, form_feed, i))
        }) {
            consider(i, Shape::OneLine);
        }
        if let Some(i) = Index::after(&index.two, full, from).find(|&i| isolated(lines, kinds, i)) {
            let j = index.next[i].expect("a two-line key has a second line");
            let shape = if !label.is_empty() && index.key[i] == label {
                Shape::TitleBelow(j)
            } else {
                Shape::Wrapped(j)
            };
            consider(i, shape);
        }
        if !label.is_empty() && !title.is_empty() {
            let below = Index::after(&index.one, title, from).find_map(|i| {
                if !isolated(lines, kinds, i) {
                    return None;
                }
                if let Some(j) = next(i).filter(|&j| index.key[j] == label) {
                    return Some((i, j));
                }
                super::precis::label_below(lines, kinds, form_feed, &index, i, &label)
                    .map(|j| (i, j))
            });
            if let Some((i, j)) = below {
                consider(i, Shape::LabelBelow(j));
            }
        }
        if let Some((i, j)) = super::apart::find(lines, kinds, &index, &label, title, from) {
            consider(i, Shape::TitleBelow(j));
        }
        // the chapter's opening comes before every page its title heads: an opening taken for
        // a running head wins over a match further on (a later page's head `5` / `Title`)
        if !label.is_empty() && !title.is_empty() {
            let opening = opening_under_head(lines, kinds, &index, title, &label, start, cursor)
                .filter(|&(i, _)| self::isolated(lines, kinds, form_feed, i));
            if let Some((i, shape)) = opening {
                if best.is_none_or(|(b, _)| i < b) {
                    best = Some((i, shape));
                }
            }
        }
        let Some((i, shape)) = best else {
            continue;
        };
        let end = shape.second().unwrap_or(i);
        cursor = end + 1;
        if let Some(n) = &lead {
            last_lead = Some(n.numbers[0]);
            if n.numbers.len() == 1 {
                chapter_at.insert(n.numbers[0], i);
            }
        }
        last_end = Some(end);
        let printed = lines[i].text.trim();
        out.push(Listed {
            index: i,
            level: outline_level(e, parts),
            label: e.label.clone().unwrap_or_default(),
            title: match shape {
                Shape::TitleBelow(_) => String::new(),
                Shape::LabelBelow(_) => printed.to_string(),
                _ => e.title.clone(),
            },
            shape,
            kind,
            entry_line: e.line,
        });
    }
    out
}

/// A chapter opening the furniture pass took for a running head: the first line after the
/// contents (from `cursor` on) that prints the entry's title as later pages print their
/// running head, its number alone on the next line (`使用编辑器` / `5`). The caller checks
/// that it is isolated.
fn opening_under_head(
    lines: &[Line<'_>],
    kinds: &[Kind],
    index: &Index,
    title: &str,
    label: &str,
    start: usize,
    cursor: usize,
) -> Option<(usize, Shape)> {
    let i = Index::after(&index.heads, title, start).next()?;
    if i < cursor {
        return None;
    }
    let j = (i + 1..kinds.len()).find(|&j| kinds[j] != Kind::Blank)?;
    (line_key(lines[j].text) == label).then_some((i, Shape::LabelBelow(j)))
}

/// Whether an entry's title opens an appendix (`Appendix A …`, `附录 A …`).
fn appendix(title: &str) -> bool {
    let t = title.trim_start();
    ["附录", "附錄"].iter().any(|w| t.starts_with(w))
        || t.len() > 8 && t.is_char_boundary(8) && t[..8].eq_ignore_ascii_case("appendix")
}

/// Settles the found entries the numbering sequences cannot weigh, and returns the others:
/// a matter heading (`附录 A`) takes its title line; an appendix entry printed as text becomes
/// the appendix's heading; an unlabelled title becomes a heading at its level. Back- and
/// front-matter entries on other lines are left to the classifier.
pub fn settle_unnumbered(
    lines: &[Line<'_>],
    kinds: &mut [Kind],
    listed: Vec<Listed>,
    decisions: &mut Vec<Decision>,
) -> Vec<Listed> {
    let mut rest = Vec::new();
    for l in listed {
        let i = l.index;
        let printed = lines[i].text.trim().to_string();
        let second = l.shape.second();
        let numbered = label::parse(&match l.shape {
            Shape::LabelBelow(_) => format!("{} {printed}", l.label),
            _ => printed.clone(),
        });
        let done = match (&kinds[i], l.kind) {
            (Kind::Matter { .. }, _) => true,
            (Kind::Text, EntryKind::Back) if appendix(&printed) => {
                kinds[i] = Kind::Matter {
                    kind: DivisionKind::Appendix,
                    title: printed.clone(),
                };
                true
            }
            (_, EntryKind::Back | EntryKind::Front) => continue,
            (Kind::Text, _) if numbered.is_none() => {
                // the title as the body prints it (a margin note beside it stays with it)
                let title = match l.shape {
                    Shape::TitleBelow(_) => String::new(),
                    _ => strip_label(&printed, &l.label),
                };
                kinds[i] = Kind::Heading {
                    level: l.level,
                    label: l.label.clone(),
                    title,
                };
                true
            }
            _ => false,
        };
        if !done {
            rest.push(l);
            continue;
        }
        match (l.shape, second) {
            (Shape::LabelBelow(j), _) => kinds[j] = Kind::HeadingLabel,
            (_, Some(j)) => kinds[j] = Kind::HeadingTitle,
            _ => {}
        }
        decisions.push(Decision {
            line: lines[i].no,
            level: Some(l.level),
            reason: format!("listed in the printed contents (line {})", l.entry_line),
        });
    }
    rest
}

/// The printed line without its label (spacing inside the label ignored): its title.
fn strip_label(printed: &str, label: &str) -> String {
    let want: String = label.chars().filter(|c| !c.is_whitespace()).collect();
    let mut seen = String::new();
    for (at, c) in printed.char_indices() {
        if seen == want {
            return printed[at..].trim().to_string();
        }
        if !c.is_whitespace() {
            seen.push(c);
        }
        if !want.starts_with(seen.as_str()) {
            break;
        }
    }
    printed.trim().to_string()
}

/// An unlabelled entry found on one line must stand alone: a blank line, a page end or a
/// heading follows it (a short line of prose may repeat a title).
/// The next entry's heading may follow it directly.
fn alone(kinds: &[Kind], i: usize, index: &Index, e: &ContentsEntry, next: Option<&str>) -> bool {
    if e.label.is_some() {
        return true;
    }
    match kinds.get(i + 1) {
        None => true,
        Some(k) if margin(k) || k.is_heading() => true,
        Some(_) => index.next[i].is_none_or(|j| next.is_some_and(|n| index.key[j] == n)),
    }
}

/// Whether line `i` opens its page: only blank lines and page furniture stand between the
/// page's start and it (a division the contents lists that starts a page, its text directly
/// under its title: `Contributors` / a list of names).
fn opens_page(kinds: &[Kind], form_feed: &[bool], i: usize) -> bool {
    for k in (0..=i).rev() {
        if form_feed.get(k).copied().unwrap_or(false) {
            return true;
        }
        if k < i && !matches!(kinds[k], Kind::Blank | Kind::Furniture) {
            return false;
        }
    }
    false
}

/// An entry's label and title run together as a comparison key.
fn full_key(e: &ContentsEntry) -> String {
    let label = e.label.as_deref().map(line_key).unwrap_or_default();
    format!("{label}{}", title_key(&e.title)).replace('：', "")
}

#[cfg(test)]
#[path = "contents_tests.rs"]
mod tests;
