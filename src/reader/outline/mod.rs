//! The outline pass (大纲): which numbered lines are headings, and at what level. Every line with
//! a heading's shape ([`label::parse`]) is a candidate; the evidence for it — isolation (blank
//! line, page start or finished sentence before it), whether it is one line of a listing (the
//! printed contents), and whether it continues its numbering sequence — is weighed in one
//! place, [`weigh`]. Sequences are found per family (`1`, `1.1`, `§1.1`, `A`, `第 N 节`,
//! `Chapter I`, `I.`, `Book the First` …) as the longest chain of successive numbers inside
//! each accepted parent; the families present are then ranked into levels (part, chapter,
//! section, subsection …). Lines the pass rejects keep the kind the classifier gave them.

pub mod anchor;
pub mod apart;
pub mod appendices;
pub mod block;
pub mod chain;
pub mod commands;
pub mod contents;
pub mod forced;
pub mod groups;
mod index;
pub mod label;
mod listing;
mod parsed;
mod precis;
pub mod running;
pub mod scope;
mod titles;
pub mod versions;

use crate::model::ContentsEntry;
use crate::reader::Line;
use crate::reader::kind::Kind;
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
    /// Index of a page number printed between a number-only label and its title line
    /// (`1.1.3` / `9` / `标题`: pdftotext put the page head's folio between them).
    pub folio: Option<usize>,
    /// Index of the label line when the title is printed above its label (`Title` / `1.2`):
    /// the candidate's own line is then the title's.
    pub label_line: Option<usize>,
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
/// `parsed` holds the lines' shapes (over the same `lines`).
fn candidates(
    lines: &[Line<'_>],
    kinds: &[Kind],
    form_feed: &[bool],
    parsed: &parsed::Parsed<'_, '_>,
) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::new();
    let mut prev_content: Option<usize> = None;
    let mut gap = false;
    let mut feed = false;
    for i in 0..kinds.len() {
        feed |= form_feed.get(i).copied().unwrap_or(false);
        // a folio between the last candidate's label and its title is no line of its own
        if margin(&kinds[i]) || out.last().is_some_and(|c| c.folio == Some(i)) {
            gap = true;
            continue;
        }
        let parsed = if replaceable(&kinds[i])
            && !matches!(kinds[i], Kind::Section { ref label, .. } if !label.starts_with('第'))
        {
            parsed.get(i).cloned()
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
            let (title_line, folio) = if numbered.title.is_empty() {
                match title_below(lines, kinds, i, &numbered) {
                    Some(j) => (Some(j), None),
                    None => match folio_below(lines, kinds, i, &numbered) {
                        Some(f) => {
                            let t = title_below(lines, kinds, f, &numbered);
                            (t, t.map(|_| f))
                        }
                        None => (None, None),
                    },
                }
            } else {
                (None, None)
            };
            let stands_alone = matches!(
                numbered.family,
                Family::Chapter | Family::Part | Family::Word | Family::Epistle
            );
            if numbered.title.is_empty() && title_line.is_none() && !stands_alone {
                if let Some(j) = title_above(lines, kinds, i, &numbered, gap) {
                    // the title printed above its label: the heading starts at the title
                    if out.last().is_some_and(|c| c.index >= j) {
                        out.pop();
                    }
                    let before = (0..j).rev().find(|&p| !margin(&kinds[p]));
                    let isolated = before.is_none_or(|p| p + 1 < j)
                        || before
                            .is_some_and(|p| kinds[p].is_heading() || ends_sentence(lines[p].text));
                    out.push(Candidate {
                        index: j,
                        numbered: Numbered {
                            title: lines[j].text.trim().to_string(),
                            ..numbered
                        },
                        title_line: None,
                        folio: None,
                        label_line: Some(i),
                        isolated,
                        page_start: false,
                        listed: false,
                        classified: false,
                        echoed: false,
                        forced: None,
                    });
                }
                prev_content = Some(i);
                gap = false;
                feed = false;
                continue;
            }
            out.push(Candidate {
                index: i,
                numbered,
                title_line,
                folio,
                label_line: None,
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
    listing::mark_listings(lines, kinds, form_feed, &mut out);
    listing::mark_echoes(&mut out);
    out
}

pub use titles::couplet_below;
use titles::{folio_below, title_above, title_below};

/// Whether a label names a chapter by its ordinal in Chinese (`第 8 节`, `第三章`): a line that
/// starts so and is no sentence is a heading even run on from the line above, when it
/// continues its sequence.
fn ordinal_heading(n: &Numbered) -> bool {
    matches!(n.family, Family::Jie | Family::Chapter)
        && n.label.starts_with('第')
        && !n.title.is_empty()
        && !ends_sentence(&n.title)
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
    if !c.isolated && !c.classified && !ordinal_heading(&c.numbered) {
        return Err(RUNS_ON);
    }
    Ok(())
}

/// The verdict on a command entry ([`commands::Entry`]): the level it heads, one under the
/// numbered heading it follows, or why it stays text.
pub fn weigh_entry(e: &commands::Entry) -> Result<u8, &'static str> {
    let Some(under) = e.under else {
        return Err("a command signature under no numbered heading");
    };
    if !e.isolated {
        return Err("a command signature that runs on from the line before (program text)");
    }
    if !e.described {
        return Err("a command signature no description follows (program text)");
    }
    if e.in_section < commands::MIN_ENTRIES {
        return Err("a command signature in a section with too few entries to be a reference list");
    }
    Ok((under + 1).min(6))
}

/// Why a candidate that runs on from the line before is text, unless it fills the one gap in
/// its numbering sequence ([`chain::gaps`]).
const RUNS_ON: &str = "runs on from the line before (no blank line, page start or sentence end)";

/// The label a decision names, or the title for a label-less ordinal title (`學而第一`).
fn shown(n: &Numbered) -> &str {
    if n.label.is_empty() {
        &n.title
    } else {
        &n.label
    }
}

/// Removes the folio a heading's label and title stand around (see [`Candidate::folio`]).
fn take_folio(lines: &[Line<'_>], kinds: &mut [Kind], c: &Candidate, out: &mut Vec<Decision>) {
    if let (Some(f), Some(_)) = (c.folio, c.title_line) {
        kinds[f] = Kind::Furniture;
        out.push(Decision {
            line: lines[f].no,
            level: None,
            reason: "a page number between a heading's number and its title".into(),
        });
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
    // the running-head and candidate passes ask for the same lines' shapes: parsed once
    let parsed = parsed::Parsed::new(lines);
    for head in running::find(lines, kinds, form_feed, &parsed) {
        kinds[head.index] = Kind::Furniture;
        if let Some(j) = head.title_line {
            kinds[j] = Kind::Furniture;
        }
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
    let mut cands = candidates(lines, kinds, form_feed, &parsed);
    forced::force(lines, kinds, &listed, &mut cands);
    let forced_families = forced::listed_families(&cands);
    // a label the contents prints under another title (`1.1 About` for `1.1 About this
    // manual`) is listed all the same: its numbering sequence weighs it
    let labels: std::collections::HashSet<&str> = printed
        .iter()
        .flat_map(|(_, entries)| entries.iter())
        .filter_map(|e| e.label.as_deref())
        .collect();
    let sectioned = forced::sectioned(labels.iter().copied());
    let fits = anchor::fits(&cands);
    let foreign = forced::foreign_chapters(&cands);
    let mut eligible = Vec::new();
    let mut run_on = Vec::new();
    for (c, fit) in cands.iter().zip(fits) {
        // a number the contents leaves out may stand only between two headings it lists,
        // numbered between them
        let unlisted = c.forced.is_none()
            && forced_families.contains(&c.numbered.family)
            && !labels.contains(c.numbered.label.as_str())
            && forced::judged(c, &sectioned)
            && fit != anchor::Fit::Between;
        let breaks = fit == anchor::Fit::Breaks;
        let verdict = if breaks {
            Err("numbered out of order against the headings the printed contents lists around it")
        } else if unlisted {
            Err("not in the printed contents, which lists its numbering")
        } else if foreign.contains(&c.index) {
            Err("a chapter heading of a shape the printed contents never lists (an example)")
        } else {
            weigh(c)
        };
        match verdict {
            Ok(()) => eligible.push(c.clone()),
            Err(RUNS_ON) => run_on.push(c.clone()),
            Err(why) => {
                if (c.listed || unlisted || breaks || foreign.contains(&c.index)) && c.classified {
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
    // run-on candidates count in the chains (one missing would cut a sequence in two) but
    // stand as headings only where they fill a gap between accepted neighbours
    let mut pool: Vec<Candidate> = eligible.iter().chain(&run_on).cloned().collect();
    pool.sort_by_key(|c| c.index);
    let in_chain: std::collections::HashSet<usize> = pool
        .iter()
        .zip(chain::accept(&pool))
        .filter_map(|(c, ok)| ok.then_some(c.index))
        .collect();
    let mut accepted: Vec<bool> = eligible
        .iter()
        .map(|c| in_chain.contains(&c.index))
        .collect();
    let levels = chain::levels(&eligible, &accepted, has_chapter_kinds);
    let fills = chain::gaps(&eligible, &accepted, &run_on);
    let first_fill = eligible.len();
    for (c, fill) in run_on.into_iter().zip(fills) {
        if fill {
            eligible.push(c);
            accepted.push(true);
        } else {
            decisions.push(Decision {
                line: lines[c.index].no,
                level: None,
                reason: RUNS_ON.to_string(),
            });
        }
    }
    let mut placed: Vec<scope::Placed> = Vec::new();
    for (k, c) in eligible.iter().enumerate() {
        let line = lines[c.index].no;
        let level = c.forced.or_else(|| {
            accepted[k]
                .then(|| levels.get(&c.numbered.family).copied())
                .flatten()
        });
        if let Some(level) = level {
            let n = &c.numbered;
            placed.push((c.index, n.family, n.numbers.clone(), level));
        }
        if let Some(level) = c.forced {
            let at = listed.iter().find(|l| l.index == c.index);
            forced::apply_forced(kinds, c, at, level);
            take_folio(lines, kinds, c, &mut decisions);
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
        take_folio(lines, kinds, c, &mut decisions);
        if let Some(j) = c.label_line {
            kinds[j] = Kind::HeadingLabel;
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
                if k >= first_fill {
                    ", the one gap in it (though it runs on from the line before)"
                } else if c.page_start {
                    ", at a page start"
                } else {
                    ""
                }
            ),
        });
    }
    scope::apply(lines, kinds, form_feed, &placed, &mut decisions);
    for e in commands::find(lines, kinds, form_feed) {
        let line = lines[e.index].no;
        let reason = match weigh_entry(&e) {
            Ok(level) => {
                commands::mark(lines, kinds, &e, level);
                decisions.push(Decision {
                    line,
                    level: Some(level),
                    reason: format!(
                        "`{}` is a command entry: its signature alone on the line, isolated, a \
                         description after it, one of {} in its section",
                        e.name, e.in_section
                    ),
                });
                continue;
            }
            Err(why) => why,
        };
        decisions.push(Decision {
            line,
            level: None,
            reason: reason.to_string(),
        });
    }
    decisions.sort_by_key(|d| d.line);
    decisions
}

#[cfg(test)]
mod tests;
