//! The outline pass (大纲): which numbered lines are headings, and at what level. Every line with
//! a heading's shape ([`label::parse`]) is a candidate; the evidence for it — isolation (blank
//! line, page start or finished sentence before it), whether it is one line of a listing (the
//! printed contents), and whether it continues its numbering sequence — is weighed in one
//! place, [`weigh`]. Sequences are found per family (`1`, `1.1`, `§1.1`, `A`, `第 N 节`,
//! `Chapter I`, `I.`, `Book the First` …) as the longest chain of successive numbers inside
//! each accepted parent; the families present are then ranked into levels (part, chapter,
//! section, subsection …). Lines the pass rejects keep the kind the classifier gave them.

pub mod chain;
pub mod contents;
pub mod label;
pub mod running;

use crate::model::ContentsEntry;
use crate::reader::Line;
use crate::reader::kind::Kind;
use crate::reader::labels::stopped_title;
use crate::reader::text::ends_sentence;

pub use label::{Family, Numbered};

/// What the pass decided about one candidate line, for `paiban inspect`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    /// 1-based manuscript line.
    pub line: usize,
    /// The level given (0 part, 1 chapter, 2 section, 3 subsection …), or `None`: text.
    pub level: Option<u8>,
    /// Why, in words.
    pub reason: String,
}

/// One candidate with its evidence.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Index of the line.
    pub index: usize,
    /// Its label and title.
    pub numbered: Numbered,
    /// Index of the title line when the title is printed on the next line.
    pub title_line: Option<usize>,
    /// Evidence: a blank line, a page start, a heading or a finished sentence comes before it.
    pub isolated: bool,
    /// Evidence: a page starts right before it.
    pub page_start: bool,
    /// Evidence against: the next or previous content line is a candidate of the same family
    /// and depth — a line of a listing (the printed contents), not a heading.
    pub listed: bool,
    /// The classifier already read it as a chapter or part heading.
    pub classified: bool,
    /// Evidence against: the same label and title are printed again further on — this is the
    /// contents' entry, the later one the heading.
    pub echoed: bool,
    /// Evidence for, above all other: the printed contents lists this line, at this level.
    pub forced: Option<u8>,
}

/// Longest title line printed below a number-only label, in characters.
const MAX_TITLE_LINE: usize = 80;

/// Whether the classifier's kind is one the outline pass may replace.
fn replaceable(kind: &Kind) -> bool {
    matches!(
        kind,
        Kind::Text
            | Kind::ChapterLabel { .. }
            | Kind::Chapter { .. }
            | Kind::PartLabel { .. }
            | Kind::Part { .. }
            | Kind::Section { .. }
    )
}

/// Kinds the classifier gives chapter and part headings.
fn chapterish(kind: &Kind) -> bool {
    matches!(
        kind,
        Kind::ChapterLabel { .. }
            | Kind::Chapter { .. }
            | Kind::PartLabel { .. }
            | Kind::Part { .. }
    )
}

/// Lines a heading may stand between without losing its isolation.
fn margin(kind: &Kind) -> bool {
    matches!(kind, Kind::Blank | Kind::Furniture)
}

/// Finds the candidates and their evidence.
pub fn candidates(lines: &[Line<'_>], kinds: &[Kind], form_feed: &[bool]) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::new();
    let mut prev_content: Option<usize> = None;
    let mut gap = false;
    let mut feed = false;
    for i in 0..kinds.len() {
        feed |= form_feed.get(i).copied().unwrap_or(false);
        if margin(&kinds[i]) {
            gap = true;
            continue;
        }
        let parsed = if replaceable(&kinds[i])
            && !matches!(kinds[i], Kind::Section { ref label, .. } if !label.starts_with('第'))
        {
            label::parse(lines[i].text)
        } else {
            None
        };
        if let Some(numbered) = parsed {
            let before_ok = prev_content.is_none_or(|p| {
                let t = lines[p].text;
                kinds[p].is_heading()
                    || matches!(kinds[p], Kind::Heading { .. })
                    || out
                        .last()
                        .is_some_and(|c| c.index == p || c.title_line == Some(p))
                    || ends_sentence(t)
                    || t.trim_end().ends_with([':', '：'])
            });
            let title_line = if numbered.title.is_empty() {
                title_below(
                    lines,
                    kinds,
                    i,
                    numbered.family == Family::Word,
                    numbered.label.ends_with('回'),
                )
            } else {
                None
            };
            let stands_alone = matches!(
                numbered.family,
                Family::Chapter | Family::Part | Family::Word | Family::Epistle
            );
            if numbered.title.is_empty() && title_line.is_none() && !stands_alone {
                prev_content = Some(i);
                gap = false;
                feed = false;
                continue;
            }
            out.push(Candidate {
                index: i,
                numbered,
                title_line,
                isolated: gap || feed || before_ok,
                page_start: feed,
                listed: false,
                classified: chapterish(&kinds[i]),
                echoed: false,
                forced: None,
            });
        }
        prev_content = Some(i);
        gap = false;
        feed = false;
    }
    mark_listings(lines, kinds, form_feed, &mut out);
    mark_echoes(&mut out);
    out
}

use running::title_key;

/// Marks candidates whose label and (non-empty) title are printed again later.
fn mark_echoes(cands: &mut [Candidate]) {
    let mut seen: std::collections::HashSet<(Family, Vec<u32>, String)> =
        std::collections::HashSet::new();
    for c in cands.iter_mut().rev() {
        let key = title_key(&c.numbered.title);
        if key.is_empty() {
            continue;
        }
        let k = (c.numbered.family, c.numbered.numbers.clone(), key);
        c.echoed = !seen.insert(k);
    }
}

/// Whether a line is one half of a 回目 couplet: a short run of Han characters, no punctuation.
fn couplet_half(text: &str) -> bool {
    let han = text
        .chars()
        .filter(|&c| crate::reader::script::is_han(c))
        .count();
    (4..=12).contains(&han)
        && text
            .trim()
            .chars()
            .all(|c| crate::reader::script::is_han(c) || c.is_whitespace())
}

/// Whether line `j` (a title below a `第N回` label) is the first line of a two-line couplet
/// title: the next line is the other half, and a blank line (or the end) follows it.
pub fn couplet_below(lines: &[Line<'_>], kinds: &[Kind], j: usize) -> bool {
    kinds.get(j + 1) == Some(&Kind::Text)
        && kinds.get(j + 2).is_none_or(margin)
        && couplet_half(lines[j].text)
        && couplet_half(lines[j + 1].text)
}

/// The title printed on its own line below a number-only label (`1.1.1` / blank / `标题`).
/// `spelt`: the label is a number word alone (`Three`), a chapter opening whose text may follow
/// its title line directly. `hui`: a `第N回` label, whose title may be a couplet on two lines.
fn title_below(
    lines: &[Line<'_>],
    kinds: &[Kind],
    i: usize,
    spelt: bool,
    hui: bool,
) -> Option<usize> {
    let j = (i + 1..kinds.len().min(i + 4)).find(|&j| !margin(&kinds[j]))?;
    let t = lines[j].text.trim();
    // a title line stands alone: a blank line (or the end) follows it
    let alone =
        spelt || kinds.get(j + 1).is_none_or(margin) || hui && couplet_below(lines, kinds, j);
    let ok = kinds[j] == Kind::Text
        && alone
        && t.chars().count() <= MAX_TITLE_LINE
        && t.chars().any(char::is_alphanumeric)
        && (!ends_sentence(t) || t.ends_with(['?', '？']) || stopped_title(t))
        && label::parse(t).is_none();
    ok.then_some(j)
}

/// Marks candidates that are lines of a listing: the previous content line (on the same page)
/// is a candidate of the same family, or the next one is a candidate of the same family or
/// of a family that ranks above it (a heading with nothing under it, like a contents entry).
fn mark_listings(lines: &[Line<'_>], kinds: &[Kind], form_feed: &[bool], cands: &mut [Candidate]) {
    let content = |i: usize| !margin(&kinds[i]) && !lines[i].text.trim().is_empty();
    let feed_in =
        |a: usize, b: usize| (a + 1..=b).any(|j| form_feed.get(j).copied().unwrap_or(false));
    for k in 0..cands.len() {
        let fam = cands[k].numbered.family;
        let own_end = cands[k].title_line.unwrap_or(cands[k].index);
        let next = (own_end + 1..kinds.len()).find(|&j| content(j));
        let prev = (0..cands[k].index).rev().find(|&j| content(j));
        let next_listed = cands.get(k + 1).is_some_and(|o| {
            Some(o.index) == next
                && !feed_in(own_end, o.index)
                && chain::rank(o.numbered.family) <= chain::rank(fam)
        });
        let prev_listed = k > 0 && {
            let p = &cands[k - 1];
            let end = p.title_line.unwrap_or(p.index);
            p.numbered.family == fam && prev == Some(end) && !feed_in(end, cands[k].index)
        };
        cands[k].listed = next_listed || prev_listed;
    }
}

/// The verdict on one candidate before sequences are found: may it head a division?
pub fn weigh(c: &Candidate) -> Result<(), &'static str> {
    if c.forced.is_some() {
        return Ok(());
    }
    if c.echoed {
        return Err("printed again further on: an entry of the contents (the later line heads)");
    }
    if c.listed {
        return Err("a line of a listing (the next or previous line has the same label shape)");
    }
    if !c.isolated && !c.classified {
        return Err("runs on from the line before (no blank line, page start or sentence end)");
    }
    Ok(())
}

/// The label a decision names, or the title for a label-less ordinal title (`學而第一`).
fn shown(n: &Numbered) -> &str {
    if n.label.is_empty() {
        &n.title
    } else {
        &n.label
    }
}

/// A printed contents for the pass: the index of the line after it and its entries.
pub type Printed<'c> = (usize, &'c [ContentsEntry]);

/// Runs the pass: accepted candidates become [`Kind::Heading`] (their title lines
/// [`Kind::HeadingTitle`]); listing lines the classifier took for headings become text. The
/// entries of each printed contents found in the body are headings at the contents' level;
/// other lines of the numbering families the contents lists are text.
pub fn apply(
    lines: &[Line<'_>],
    kinds: &mut [Kind],
    form_feed: &[bool],
    printed: &[Printed<'_>],
) -> Vec<Decision> {
    let mut decisions = Vec::new();
    for head in running::find(lines, kinds, form_feed) {
        kinds[head.index] = Kind::Furniture;
        decisions.push(Decision {
            line: lines[head.index].no,
            level: None,
            reason: head.reason.to_string(),
        });
    }
    let mut listed = Vec::new();
    for (end, entries) in printed {
        listed.extend(contents::find(lines, kinds, form_feed, entries, *end));
    }
    listed.sort_by_key(|l| l.index);
    listed.dedup_by_key(|l| l.index);
    let listed = contents::settle_unnumbered(lines, kinds, listed, &mut decisions);
    let mut cands = candidates(lines, kinds, form_feed);
    contents::force(lines, kinds, &listed, &mut cands);
    let forced_families = contents::listed_families(&cands);
    let foreign = contents::foreign_chapters(&cands);
    let mut eligible = Vec::new();
    for c in &cands {
        let unlisted = c.forced.is_none() && forced_families.contains(&c.numbered.family);
        let verdict = if unlisted {
            Err("not in the printed contents, which lists its numbering")
        } else if foreign.contains(&c.index) {
            Err("a chapter heading of a shape the printed contents never lists (an example)")
        } else {
            weigh(c)
        };
        match verdict {
            Ok(()) => eligible.push(c.clone()),
            Err(why) => {
                if (c.listed || unlisted || foreign.contains(&c.index)) && c.classified {
                    kinds[c.index] = Kind::Text;
                }
                decisions.push(Decision {
                    line: lines[c.index].no,
                    level: None,
                    reason: why.to_string(),
                });
            }
        }
    }
    let has_chapter_kinds = kinds.iter().any(chapterish);
    let accepted = chain::accept(&eligible);
    let levels = chain::levels(&eligible, &accepted, has_chapter_kinds);
    for (k, c) in eligible.iter().enumerate() {
        let line = lines[c.index].no;
        if let Some(level) = c.forced {
            let at = listed.iter().find(|l| l.index == c.index);
            contents::apply_forced(kinds, c, at, level);
            decisions.push(Decision {
                line,
                level: Some(level),
                reason: format!(
                    "`{}` is listed in the printed contents{}",
                    shown(&c.numbered),
                    at.map(|l| format!(" (line {})", l.entry_line))
                        .unwrap_or_default()
                ),
            });
            continue;
        }
        let Some(level) = accepted[k]
            .then(|| levels.get(&c.numbered.family).copied())
            .flatten()
        else {
            decisions.push(Decision {
                line,
                level: None,
                reason: "does not continue its numbering sequence".into(),
            });
            continue;
        };
        // the classifier's chapters and parts keep their kind (and their title line); a
        // `第 N 节` the classifier called a section is re-levelled
        if c.classified {
            decisions.push(Decision {
                line,
                level: Some(level),
                reason: format!("`{}` continues its numbering sequence", shown(&c.numbered)),
            });
            continue;
        }
        let title = match c.title_line {
            Some(j) => {
                if c.numbered.label.ends_with('回') && couplet_below(lines, kinds, j) {
                    kinds[j + 1] = Kind::HeadingTitle;
                }
                kinds[j] = Kind::HeadingTitle;
                String::new()
            }
            None => c.numbered.title.clone(),
        };
        kinds[c.index] = Kind::Heading {
            level,
            label: c.numbered.label.clone(),
            title,
        };
        decisions.push(Decision {
            line,
            level: Some(level),
            reason: format!(
                "`{}` continues its numbering sequence{}",
                shown(&c.numbered),
                if c.page_start {
                    ", at a page start"
                } else {
                    ""
                }
            ),
        });
    }
    decisions.sort_by_key(|d| d.line);
    decisions
}

#[cfg(test)]
mod tests;
