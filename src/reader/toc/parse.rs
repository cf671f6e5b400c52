//! Contents lines → entries: page numbers and dotted leaders removed, wrapped titles rejoined,
//! levels from the labels.

use crate::diag::{Code, Diagnostic};
use crate::model::ContentsEntry;
use crate::reader::Line;
use crate::reader::front_matter::spacing::{join_cjk, join_wrapped};

use super::label::{EntryKind, decimal_label, split_label, title_key};

/// Characters of dotted leaders between a title and its page number.
const LEADERS: &[char] = &[
    '.', '…', '·', '．', '⋯', '・', '-', '—', '_', '﹒', ' ', '\u{3000}', '\t',
];

/// Whether a token is a printed page number (`17`, `iv`).
fn is_page(s: &str) -> bool {
    (!s.is_empty() && s.len() <= 5 && s.bytes().all(|b| b.is_ascii_digit()))
        || (!s.is_empty() && s.len() <= 6 && s.chars().all(|c| "ivxlcdm".contains(c)))
}

/// Splits the trailing page number off a line: at the last tab when the contents uses tabs,
/// otherwise after a space or a leader.
fn split_page(text: &str, tabs: bool) -> (String, Option<String>) {
    let t = text.trim_end();
    let (title, page) = if tabs {
        match t.rsplit_once('\t') {
            Some((title, page)) if is_page(page.trim()) => (title, Some(page.trim())),
            _ => (t, None),
        }
    } else {
        let start = t
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_ascii_alphanumeric())
            .last()
            .map_or(t.len(), |(i, _)| i);
        let page = &t[start..];
        let before = t[..start].chars().last();
        if is_page(page) && before.is_some_and(|c| LEADERS.contains(&c)) {
            (&t[..start], Some(page))
        } else {
            (t, None)
        }
    };
    let title = title.trim_end_matches(LEADERS).trim();
    (title.to_string(), page.map(str::to_string))
}

/// Levels from indentation (`A 关于 FAQ` over indented `1 CTEX 是…`, which the labels rank
/// alike): each distinct indent a level deeper than the shallowest entry, when at least two
/// indents are each used by two or more entries; an entry takes the deeper of its label's
/// level and its indent's. `None`: the labels alone decide.
fn indent_levels(
    raws: &[Raw],
    by_label: &dyn Fn(&Raw) -> u8,
) -> Option<std::collections::HashMap<usize, u8>> {
    let body: Vec<&Raw> = raws
        .iter()
        .filter(|r| !matches!(r.kind, EntryKind::Back | EntryKind::Front))
        .collect();
    let first = body.iter().map(|r| by_label(r)).min()?;
    let mut counts: std::collections::BTreeMap<usize, usize> = Default::default();
    for r in &body {
        *counts.entry(r.indent).or_default() += 1;
    }
    let used: Vec<usize> = counts
        .iter()
        .filter(|(_, n)| **n >= 2)
        .map(|(i, _)| *i)
        .collect();
    if used.len() < 2 {
        return None;
    }
    // an indent used once (a wrapped line's) takes the level of the nearest used indent below
    let level_of = |ind: usize| {
        let k = used.iter().rposition(|&u| u <= ind).unwrap_or(0);
        first + k as u8
    };
    Some(counts.keys().map(|&i| (i, level_of(i))).collect())
}

/// A contents line's comparison key: its page number and leaders removed, then
/// [`title_key`] (`1 简介 . . . 1` and the body's `1     简介` share one).
pub fn entry_key(text: &str) -> (String, bool) {
    let (title, page) = split_page(text, text.contains('\t'));
    (title_key(&title), page.is_some())
}

/// Fewest leader dots that end a title before its page number mid-line.
const MIN_LEADERS: usize = 3;

/// A line holding the entries of two columns side by side (`2.5 Title . . . . 35 第 14 节
/// Other`): the left entry up to its page number, and the right one, which starts with a
/// label. `None` for one entry.
fn column_pair(text: &str) -> Option<(String, String)> {
    let t = text.trim_end();
    for (at, _) in t.match_indices(' ') {
        let (head, rest) = (&t[..at], t[at + 1..].trim_start());
        let page = head.rsplit(' ').next().unwrap_or("");
        let before = head[..head.len() - page.len()].trim_end();
        let dots = before
            .chars()
            .rev()
            .take_while(|c| LEADERS.contains(c))
            .filter(|c| !c.is_whitespace())
            .count();
        if dots >= MIN_LEADERS
            && page.bytes().all(|b| b.is_ascii_digit())
            && is_page(page)
            && !rest.is_empty()
            && split_label(rest).1.is_some()
        {
            return Some((head.to_string(), rest.to_string()));
        }
    }
    None
}

/// A label alone on its line: `1.1`, `A.2`, `第三章`, `Chapter 4` (a bare `3` is a page).
fn lone_label(text: &str) -> Option<String> {
    if let Some((label, _, rest)) = decimal_label(text) {
        return (rest.is_empty() && label.contains('.')).then_some(label);
    }
    match split_label(text) {
        (EntryKind::Part | EntryKind::Chapter | EntryKind::Section, Some(l), t) if t.is_empty() => {
            Some(l)
        }
        _ => None,
    }
}

/// Whether decimal label `next` may follow `prev` in a contents: the next sibling, the first
/// child, or the next sibling of an ancestor (`1.5` after `1.4.3`, not `1.2`). Labels that
/// are not decimal always may.
fn follows(prev: Option<&str>, next: &str) -> bool {
    let nums = |s: &str| -> Option<Vec<u32>> { s.split('.').map(|p| p.parse().ok()).collect() };
    let (Some(n), Some(p)) = (nums(next), prev.and_then(nums)) else {
        return true;
    };
    let last = n.len() - 1;
    let child = n.len() == p.len() + 1 && n[..p.len()] == p[..] && n[last] == 1;
    let sibling = n.len() <= p.len() && n[..last] == p[..last] && n[last] == p[last] + 1;
    child || sibling
}

/// A label left without a title (two labels in a row: the extractor moved it down the
/// column) goes to the nearest entry above printed without a label, or is reported.
fn adopt(raws: &mut [Raw], label: String, no: usize, diags: &mut Vec<Diagnostic>) {
    match raws.iter_mut().rev().find(|r| r.label.is_none()) {
        Some(r) => {
            let (kind, l, title) = split_label(&format!("{label} {}", r.title));
            if l.is_some() {
                (r.kind, r.label, r.title) = (kind, l, title);
                return;
            }
            diags.push(orphan(no, &label));
        }
        None => diags.push(orphan(no, &label)),
    }
}

/// The report on a contents label that belongs to no entry.
fn orphan(no: usize, label: &str) -> Diagnostic {
    Diagnostic::new(
        Code::ContentsEntryMissing,
        no,
        format!("the contents label {label} stands alone: no entry title follows it"),
    )
}

/// The capital letter an unlabelled entry's title starts with, alone as a word (`A Title`).
fn leading_letter(r: &Raw) -> Option<u8> {
    if r.label.is_some() || r.kind != EntryKind::Plain {
        return None;
    }
    let (word, rest) = r.title.split_once(' ')?;
    let b = word.as_bytes();
    (b.len() == 1 && b[0].is_ascii_uppercase() && !rest.trim().is_empty()).then_some(b[0])
}

/// A capital letter before an English title (`A Default Settings`) is an appendix's label when
/// the contents bears it out: such entries run A, B, C … in order, or the entry's first child
/// follows it (`A.1 …`). Alone, `A Study of Rivers` stays a title.
fn lettered(raws: &mut [Raw]) {
    let found: Vec<(usize, u8)> = raws
        .iter()
        .enumerate()
        .filter_map(|(i, r)| leading_letter(r).map(|l| (i, l)))
        .collect();
    let mut labelled = Vec::new();
    let mut run_from_a = false;
    for (k, &(i, letter)) in found.iter().enumerate() {
        let after_prev = k > 0 && found[k - 1].1 + 1 == letter;
        run_from_a = letter == b'A' || run_from_a && after_prev;
        let before_next = found.get(k + 1).is_some_and(|&(_, n)| n == letter + 1);
        let child = format!("{}.1", letter as char);
        let has_child = raws
            .get(i + 1)
            .and_then(|r| r.label.as_deref())
            .is_some_and(|l| l == child);
        if has_child || run_from_a && (after_prev || before_next) {
            labelled.push(i);
        }
    }
    for i in labelled {
        let r = &mut raws[i];
        if let Some((word, rest)) = r.title.split_once(' ') {
            (r.label, r.title) = (Some(word.to_string()), rest.trim().to_string());
            r.kind = EntryKind::Chapter;
        }
    }
}

/// In a contents without chapters, `第N节` entries are the top divisions (an article's
/// sections, `第 4 节` over `4.1`): they rank as chapters.
fn ordinal_sections_head(raws: &mut [Raw]) {
    if raws.iter().any(|r| r.kind == EntryKind::Chapter) {
        return;
    }
    for r in raws {
        if r.kind == EntryKind::Section && r.label.as_ref().is_some_and(|l| l.starts_with('第')) {
            r.kind = EntryKind::Chapter;
        }
    }
}

/// A parsed line before levels are assigned.
struct Raw {
    kind: EntryKind,
    label: Option<String>,
    title: String,
    page: Option<String>,
    line: usize,
    /// Columns of indentation (`-layout` contents indent each level deeper).
    indent: usize,
}

/// Parses the lines after a 目录 heading up to the first body heading.
pub fn parse_contents(lines: &[Line<'_>]) -> (Vec<ContentsEntry>, Vec<Diagnostic>) {
    let nonblank: Vec<&Line<'_>> = lines.iter().filter(|l| !l.text.trim().is_empty()).collect();
    let tabs = nonblank.iter().filter(|l| l.text.contains('\t')).count() * 2 > nonblank.len();
    // run-in sub-entries (`1.1.1 Title 3, 1.1.2 Title 4`) one line per entry
    let expanded = if tabs {
        Vec::new()
    } else {
        super::runin::expand(&nonblank)
            .into_iter()
            .flat_map(|(no, text)| match column_pair(&text) {
                Some((left, right)) => vec![(no, left), (no, right)],
                None => vec![(no, text)],
            })
            .collect()
    };
    let split: Vec<Line<'_>> = expanded
        .iter()
        .map(|(no, text)| Line { no: *no, text })
        .collect();
    let nonblank: Vec<&Line<'_>> = if tabs {
        nonblank
    } else {
        split.iter().collect()
    };
    // A contents without page numbers (a typist's file): each line is an entry, and a line
    // indented deeper than the one above continues its title.
    let paged = nonblank
        .iter()
        .any(|l| split_page(l.text, tabs).1.is_some());
    let indent = |l: &Line<'_>| l.text.len() - l.text.trim_start().len();
    let mut raws: Vec<Raw> = Vec::new();
    let mut diags = Vec::new();
    let mut prev_indent = 0;
    // labels printed alone on their lines (pdftotext's default mode), waiting for their titles
    let mut pending: std::collections::VecDeque<(String, usize)> = Default::default();
    // in that mode a chapter's bare number stands alone too (`2` / `Definitions . . . 3`)
    let lone_labels = nonblank.iter().any(|l| lone_label(l.text.trim()).is_some());
    for line in nonblank {
        let bare = line.text.trim().trim_matches(LEADERS);
        if bare.is_empty() {
            continue; // the leaders of the entry above, wrapped onto a line of their own
        }
        let paged_above = raws.last().is_none_or(|r| r.page.is_some());
        if is_page(bare) {
            let plain = bare == line.text.trim() && bare.bytes().all(|b| b.is_ascii_digit());
            // a chapter number may wait behind its section labels when it continues them
            // (`5.1` `5.2` `6`, each title still to come)
            let next_chapter = pending
                .back()
                .is_some_and(|(l, _)| l.contains('.') && follows(Some(l), bare));
            if lone_labels && plain && paged_above && (pending.is_empty() || next_chapter) {
                pending.push_back((bare.to_string(), line.no));
                continue;
            }
            // the entry's page number on a line of its own, or a printed page's own number
            // (`· 2 ·`) when every entry above has its page
            if let Some(prev) = raws.last_mut().filter(|r| r.page.is_none() && paged) {
                prev.page = Some(bare.to_string());
            }
            continue;
        }
        if let Some(label) = lone_label(bare) {
            // a bare number waiting as a chapter's was a page of the column beside when a
            // section label of another chapter comes next (`16` / `4.1`, not `2` / `2.1`)
            if pending
                .back()
                .is_some_and(|(l, _)| !l.contains('.') && !label.starts_with(&format!("{l}.")))
                && pending.back().is_some_and(|(l, _)| is_page(l))
            {
                pending.pop_back();
            }
            pending.push_back((label, line.no));
            continue;
        }
        let (text, page) = split_page(line.text, tabs);
        let (mut kind, mut label, mut title) = split_label(&text);
        if label.is_none() && !pending.is_empty() {
            let prev = raws.iter().rev().find_map(|r| r.label.clone());
            // labels the extractor moved down the column fit no sequence here: they go to
            // the entries above printed without one
            let fits = pending
                .iter()
                .position(|(l, _)| follows(prev.as_deref(), l))
                .unwrap_or(0);
            for (orphan, no) in pending.drain(..fits).collect::<Vec<_>>() {
                adopt(&mut raws, orphan, no, &mut diags);
            }
            let (l, _) = pending.pop_front().expect("non-empty");
            (kind, label, title) = split_label(&format!("{l} {text}"));
            if label.is_none() {
                // no label shape after all: keep the printed label in the title
                title = format!("{l} {text}");
            }
        }
        let deeper = indent(line) > prev_indent;
        prev_indent = indent(line);
        if let Some(prev) = raws.last_mut()
            && prev.page.is_none()
            && kind == EntryKind::Plain
            && label.is_none()
            && (paged || deeper)
        {
            prev.title = join_wrapped(&prev.title, &title);
            prev.page = page;
            continue;
        }
        raws.push(Raw {
            kind,
            label,
            title,
            page,
            line: line.no,
            indent: indent(line),
        });
    }
    for (orphan, no) in pending {
        adopt(&mut raws, orphan, no, &mut diags);
    }
    lettered(&mut raws);
    ordinal_sections_head(&mut raws);
    let parts = raws.iter().any(|r| r.kind == EntryKind::Part);
    let base = u8::from(parts);
    let by_label = |r: &Raw| match r.kind {
        EntryKind::Part | EntryKind::Back | EntryKind::Front => 1,
        EntryKind::Chapter | EntryKind::Plain => base + 1,
        EntryKind::Section => base + 2,
        EntryKind::Subsection => base + 3,
        EntryKind::Decimal(n) => base + n,
    };
    let by_indent = indent_levels(&raws, &by_label);
    let mut last_page: Option<(u32, usize)> = None;
    let entries = raws
        .into_iter()
        .map(|r| {
            let indented = by_indent
                .as_ref()
                .and_then(|m| m.get(&r.indent).copied())
                // a decimal label of two or more parts gives its depth itself (`-layout`
                // pages indent alike entries differently on odd and even pages)
                .filter(|_| {
                    !matches!(r.kind, EntryKind::Back | EntryKind::Front)
                        && !matches!(r.kind, EntryKind::Decimal(n) if n >= 2)
                });
            let level = by_label(&r).max(indented.unwrap_or(0));
            if let Some(p) = r.page.as_deref().and_then(|p| p.parse::<u32>().ok()) {
                if let Some((prev, prev_line)) = last_page
                    && p < prev
                {
                    diags.push(Diagnostic::new(
                        Code::ContentsPageOrder,
                        r.line,
                        format!("contents page {p} comes after page {prev} (line {prev_line})"),
                    ));
                }
                last_page = Some((p, r.line));
            }
            ContentsEntry {
                level,
                label: r.label,
                title: join_cjk(&r.title),
                page: r.page,
                line: r.line,
                target: None,
            }
        })
        .collect();
    (entries, diags)
}

#[cfg(test)]
#[path = "parse_tests.rs"]
mod tests;
