//! Running heads with a heading's shape (书眉): `Chapter 3: Basic Shell Features` above the
//! folio of every page of chapter 3, `3.5. Sloppybottom` beside the folio of an odd page. The
//! furniture pass removes lines that repeat often; this finds the ones that repeat too rarely
//! for it (a short section, a chapter's first running head) by the page model's evidence:
//! - **position**: the line sits at a page edge next to the page's folio (only blank lines
//!   between them);
//! - **echo**: its title was printed at most [`ECHO_PAGES`] pages before (the heading itself,
//!   or the previous running head), under any label;
//! - **repetition modulo numbers**: at least [`MIN_FAMILY`] echoing lines beside folios share
//!   its numbering family — the book prints running heads of this shape.
//!
//! A line with all three is page furniture; it never becomes a heading.

use std::collections::HashMap;

use crate::reader::Line;
use crate::reader::furniture::page_number;
use crate::reader::kind::Kind;

use super::label::{self, Family};

/// Lines of one family beside folios before the book counts as printing such running heads.
pub const MIN_FAMILY: usize = 3;

/// How many pages before its first running head a heading may stand (the contents, further
/// back, is no echo).
pub const ECHO_PAGES: usize = 3;

/// A running head found: the line's index and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunningHead {
    /// Index of the line.
    pub index: usize,
    /// Why, in words.
    pub reason: &'static str,
}

/// Letters and digits of a title, lower-cased (small capitals set apart by pdftotext, `S PACES`,
/// compare equal to `Spaces`).
pub fn title_key(title: &str) -> String {
    title
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether line `i` is a folio the furniture pass removed.
fn folio(lines: &[Line<'_>], kinds: &[Kind], i: usize) -> bool {
    kinds[i] == Kind::Furniture && page_number(lines[i].text).is_some()
}

/// Indices of the lines beside a folio at the top or foot of a page cut by form feeds.
fn beside_folios(lines: &[Line<'_>], kinds: &[Kind], form_feed: &[bool]) -> Vec<usize> {
    let mut pages: Vec<Vec<usize>> = vec![Vec::new()];
    for (i, kind) in kinds.iter().enumerate() {
        if form_feed.get(i).copied().unwrap_or(false) && i > 0 {
            pages.push(Vec::new());
        }
        if *kind != Kind::Blank && !lines[i].text.trim().is_empty() {
            pages.last_mut().expect("a page").push(i);
        }
    }
    if pages.len() < 3 {
        return Vec::new();
    }
    let mut out = Vec::new();
    for idx in &pages {
        let n = idx.len();
        let pairs = [
            (idx.first(), idx.get(1)),
            (
                n.checked_sub(1).and_then(|k| idx.get(k)),
                n.checked_sub(2).and_then(|k| idx.get(k)),
            ),
        ];
        for (a, b) in pairs {
            let (Some(&a), Some(&b)) = (a, b) else {
                continue;
            };
            if folio(lines, kinds, a) && !folio(lines, kinds, b) {
                out.push(b);
            } else if folio(lines, kinds, b) && !folio(lines, kinds, a) {
                out.push(a);
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Finds the running heads with a heading's shape.
pub fn find(lines: &[Line<'_>], kinds: &[Kind], form_feed: &[bool]) -> Vec<RunningHead> {
    let beside = beside_folios(lines, kinds, form_feed);
    if beside.len() < MIN_FAMILY {
        return Vec::new();
    }
    // page of each line, to measure how far back an echo stands
    let mut page = vec![0usize; lines.len()];
    let mut p = 0;
    for (i, slot) in page.iter_mut().enumerate() {
        p += usize::from(form_feed.get(i).copied().unwrap_or(false) && i > 0);
        *slot = p;
    }
    // the latest line before each line beside a folio that carries the same numbered title
    let beside_set: std::collections::HashSet<usize> = beside.iter().copied().collect();
    let mut last_seen: HashMap<String, usize> = HashMap::new();
    // (index, family, echoed) of each numbered line beside a folio
    let mut shaped: Vec<(usize, Family, bool)> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let t = line.text.trim();
        if t.is_empty() || t.chars().count() > 120 || kinds[i] == Kind::Blank {
            continue;
        }
        let Some(n) = label::parse(t).filter(|n| !n.title.is_empty()) else {
            continue;
        };
        let key = title_key(&n.title);
        if key.is_empty() {
            continue;
        }
        if beside_set.contains(&i) {
            let echoed = last_seen
                .get(&key)
                .is_some_and(|&h| page[i] - page[h] <= ECHO_PAGES);
            shaped.push((i, n.family, echoed));
        }
        last_seen.insert(key, i);
    }
    let mut per_family: HashMap<Family, usize> = HashMap::new();
    for (_, f, echoed) in &shaped {
        if *echoed {
            *per_family.entry(*f).or_default() += 1;
        }
    }
    shaped
        .iter()
        .filter(|(i, f, echoed)| {
            *echoed && per_family[f] >= MIN_FAMILY && kinds[*i] != Kind::Furniture
        })
        .map(|(i, _, _)| RunningHead {
            index: *i,
            reason: "a running head: beside the folio, repeating a heading printed just before",
        })
        .collect()
}
