//! Divisions the numbering sequences do not place (范围): an appendix word printed between two
//! chapters that continue one sequence is text (an example's output, not the back matter); an
//! unnumbered title after the last chapter that the running heads of its pages repeat opens a
//! division (`版本历史`, `Index`); version labels alone on their lines (`v2.0`, `v2.0.1` …) in
//! order are the sections of a change history.

use std::collections::HashMap;

use crate::model::DivisionKind;
use crate::reader::Line;
use crate::reader::furniture::page_number;
use crate::reader::kind::Kind;
use crate::reader::text::ends_sentence;

use super::{Decision, Family, label};

/// A heading the pass placed: its line, numbering family, numbers and level.
pub type Placed = (usize, Family, Vec<u32>, u8);

/// Longest title line a running head may name, in characters.
const MAX_NAMED: usize = 40;

/// How many running heads must repeat a title before it names a division.
const MIN_HEADS: usize = 2;

/// Fewest version labels that make a change history.
const MIN_VERSIONS: usize = 3;

/// Applies the three rules after the outline pass has placed its headings.
pub fn apply(
    lines: &[Line<'_>],
    kinds: &mut [Kind],
    form_feed: &[bool],
    placed: &[Placed],
    decisions: &mut Vec<Decision>,
) {
    matter_between_chapters(lines, kinds, placed, decisions);
    named_by_running_heads(lines, kinds, form_feed, decisions);
    versions(lines, kinds, decisions);
}

/// Whether a matter word of this kind printed inside the run of chapters is text there: an
/// appendix or index (an example's output), or front matter (`序` alone in a table cell), which
/// cannot follow a chapter. Notes and references may close each chapter and stay divisions.
fn out_of_place(kind: DivisionKind) -> bool {
    use DivisionKind::*;
    matches!(
        kind,
        Appendix
            | Index
            | Cover
            | TitlePage
            | CopyrightPage
            | Dedication
            | Preface
            | Foreword
            | Abstract
    )
}

/// An appendix, index or front-matter heading between chapter `N` and chapter `N + 1` of one
/// sequence is text.
fn matter_between_chapters(
    lines: &[Line<'_>],
    kinds: &mut [Kind],
    placed: &[Placed],
    decisions: &mut Vec<Decision>,
) {
    let chapters: Vec<&Placed> = placed.iter().filter(|p| p.3 <= 1).collect();
    for i in 0..kinds.len() {
        let Kind::Matter { kind, .. } = kinds[i].clone() else {
            continue;
        };
        if !out_of_place(kind) {
            continue;
        }
        let before = chapters.iter().rev().find(|p| p.0 < i);
        let after = chapters.iter().find(|p| p.0 > i);
        let (Some(b), Some(a)) = (before, after) else {
            continue;
        };
        let continues = a.1 == b.1 && a.2.len() == 1 && b.2.len() == 1 && a.2[0] == b.2[0] + 1;
        if continues {
            kinds[i] = Kind::Text;
            decisions.push(Decision {
                line: lines[i].no,
                level: None,
                reason: format!(
                    "{} word between two chapters of one sequence: text",
                    kind.name()
                ),
            });
        }
    }
}

/// Letters and digits of a line, for comparing a title with running heads.
fn compact(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// After the last chapter, the first isolated short line (not a page's first line) whose text
/// opens at least [`MIN_HEADS`] pages heads a division of its own at the chapters' level; those
/// page heads are its running heads.
fn named_by_running_heads(
    lines: &[Line<'_>],
    kinds: &mut [Kind],
    form_feed: &[bool],
    decisions: &mut Vec<Decision>,
) {
    let chapter = |k: &Kind| match k {
        Kind::Heading { level, .. } => *level <= 1,
        Kind::Chapter { .. } | Kind::ChapterLabel { .. } | Kind::Matter { .. } => true,
        _ => false,
    };
    let Some(last) = (0..kinds.len()).rev().find(|&i| chapter(&kinds[i])) else {
        return;
    };
    // each page's first line, folios aside (removed as a running head or not yet)
    let mut heads: HashMap<String, usize> = HashMap::new();
    let mut at_head = std::collections::HashSet::new();
    let mut fresh = false;
    for (i, line) in lines.iter().enumerate().take(kinds.len()).skip(last + 1) {
        fresh |= form_feed.get(i).copied().unwrap_or(false);
        let t = line.text.trim();
        if !fresh || t.is_empty() || page_number(t).is_some() {
            continue;
        }
        fresh = false;
        at_head.insert(i);
        *heads.entry(compact(t)).or_default() += 1;
    }
    let mut named = std::collections::HashSet::new();
    for i in last + 1..kinds.len() {
        if at_head.contains(&i) {
            continue;
        }
        let t = lines[i].text.trim();
        let key = compact(t);
        let isolated = (0..i)
            .rev()
            .find(|&j| kinds[j] != Kind::Furniture)
            .is_none_or(|j| kinds[j] == Kind::Blank);
        let ok = kinds[i] == Kind::Text
            && isolated
            && !key.is_empty()
            && t.chars().count() <= MAX_NAMED
            && !ends_sentence(t)
            && label::parse(t).is_none()
            && heads.get(&key).is_some_and(|&n| n >= MIN_HEADS);
        if ok && named.insert(key.clone()) {
            // the page heads that repeat it are its running heads
            for &j in &at_head {
                if kinds[j] == Kind::Text && compact(lines[j].text) == key {
                    kinds[j] = Kind::Furniture;
                }
            }
            kinds[i] = Kind::Heading {
                level: 1,
                label: String::new(),
                title: t.to_string(),
            };
            decisions.push(Decision {
                line: lines[i].no,
                level: Some(1),
                reason: "after the last chapter, the title its pages' running heads repeat".into(),
            });
        }
    }
}

/// A version label alone on its line: `v2.0`, `V1.4.2`, `version 3.1` → its numbers.
pub fn version(text: &str) -> Option<Vec<u32>> {
    let t = text.trim();
    let rest = if t.len() > 8 && t.is_char_boundary(8) && t[..8].eq_ignore_ascii_case("version ") {
        &t[8..]
    } else {
        t.strip_prefix(['v', 'V'])?
    };
    let parts: Option<Vec<u32>> = rest
        .split('.')
        .map(|p| {
            (!p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse().ok())
                .flatten()
        })
        .collect();
    parts.filter(|p| p.len() >= 2)
}

/// Version labels alone on their lines, at least [`MIN_VERSIONS`] of them, every one after the
/// one before (or every one before: a newest-first history), are headings one level below the
/// heading above them.
fn versions(lines: &[Line<'_>], kinds: &mut [Kind], decisions: &mut Vec<Decision>) {
    let found: Vec<(usize, Vec<u32>)> = (0..kinds.len())
        .filter(|&i| kinds[i] == Kind::Text)
        .filter_map(|i| version(lines[i].text).map(|v| (i, v)))
        .collect();
    if found.len() < MIN_VERSIONS {
        return;
    }
    let rising = found.windows(2).all(|w| w[0].1 < w[1].1);
    let falling = found.windows(2).all(|w| w[0].1 > w[1].1);
    if !rising && !falling {
        return;
    }
    let at: std::collections::HashSet<usize> = found.iter().map(|(i, _)| *i).collect();
    let levels: Vec<u8> = found
        .iter()
        .map(|&(i, _)| level_below(kinds, i, &at))
        .collect();
    for ((i, _), level) in found.into_iter().zip(levels) {
        kinds[i] = Kind::Heading {
            level,
            label: lines[i].text.trim().to_string(),
            title: String::new(),
        };
        decisions.push(Decision {
            line: lines[i].no,
            level: Some(level),
            reason: "a version label in a run of rising versions (a change history)".into(),
        });
    }
}

/// One level below the heading above line `i` (lines in `skip` aside).
fn level_below(kinds: &[Kind], i: usize, skip: &std::collections::HashSet<usize>) -> u8 {
    let above = (0..i)
        .rev()
        .filter(|j| !skip.contains(j))
        .find_map(|j| match &kinds[j] {
            Kind::Heading { level, .. } => Some(*level),
            Kind::Chapter { .. } | Kind::ChapterLabel { .. } | Kind::Matter { .. } => Some(1),
            _ => None,
        });
    above.unwrap_or(1) + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_labels() {
        let cases = [
            ("v2.0", Some(vec![2, 0])),
            ("  V1.4.12 ", Some(vec![1, 4, 12])),
            ("version 3.1", Some(vec![3, 1])),
            ("v2", None),
            ("v2.0 新功能", None),
            ("2.0", None),
            ("vim", None),
        ];
        for (text, want) in cases {
            assert_eq!(version(text), want, "{text:?}");
        }
    }
}
