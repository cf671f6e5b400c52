//! The printed contents' entries found in the body, weighed with the candidates (目录定级):
//! the candidates the contents lists are forced to its level, the numbering families it
//! lists are known, and a chapter heading of a shape it never lists is foreign.

use std::collections::{HashMap, HashSet};

use crate::reader::Line;
use crate::reader::kind::Kind;

use super::contents::{Listed, Shape};
use super::{Candidate, Family, label};

/// The chapters whose sections the contents lists, by number (`5` of `5.1`): a chapter it
/// lists without any of its sections (a contents cut short) leaves their numbering to the
/// sequences.
pub fn sectioned<'a>(labels: impl Iterator<Item = &'a str>) -> HashSet<u32> {
    labels
        .filter_map(label::parse)
        .filter(|n| matches!(n.family, Family::Decimal(2..)))
        .map(|n| n.numbers[0])
        .collect()
}

/// Whether the contents' listing judges a candidate of a family it lists: any but a decimal
/// section of a chapter it lists without sections ([`sectioned`]).
pub fn judged(c: &Candidate, sectioned: &HashSet<u32>) -> bool {
    !matches!(c.numbered.family, Family::Decimal(2..)) || sectioned.contains(&c.numbered.numbers[0])
}

/// Marks the candidates the contents lists as forced, adding those whose layout the
/// candidate finder does not read (a title above its number, a label whose title wraps).
pub fn force(lines: &[Line<'_>], kinds: &[Kind], listed: &[Listed], cands: &mut Vec<Candidate>) {
    let seconds: std::collections::HashSet<usize> =
        listed.iter().filter_map(|l| l.shape.second()).collect();
    cands.retain(|c| !seconds.contains(&c.index));
    for l in listed {
        let printed = lines[l.index].text.trim();
        let title_line = match l.shape {
            Shape::TitleBelow(j) => Some(j),
            _ => None,
        };
        if let Some(c) = cands.iter_mut().find(|c| c.index == l.index) {
            c.forced = Some(l.level);
            c.title_line = title_line.or(c.title_line);
            continue;
        }
        let text = match l.shape {
            Shape::LabelBelow(_) => format!("{} {printed}", l.label),
            _ => printed.to_string(),
        };
        let Some(numbered) = label::parse(&text) else {
            continue;
        };
        cands.push(Candidate {
            index: l.index,
            numbered,
            title_line,
            folio: None,
            label_line: None,
            isolated: true,
            page_start: false,
            listed: false,
            classified: super::chapterish(&kinds[l.index]),
            echoed: false,
            forced: Some(l.level),
        });
    }
    cands.sort_by_key(|c| c.index);
}

/// The numbering families the contents lists: at least half of the family's candidates that
/// stand as headings (isolated, no listing line) are forced. Their other lines are text; a
/// family the contents lists only in part (one column of two) keeps its sequences.
pub fn listed_families(cands: &[Candidate]) -> std::collections::HashSet<super::Family> {
    let mut tally: HashMap<super::Family, (usize, usize)> = HashMap::new();
    for c in cands {
        let t = tally.entry(c.numbered.family).or_default();
        if c.forced.is_some() {
            t.0 += 1;
        } else if super::weigh(c).is_ok() {
            t.1 += 1;
        }
    }
    tally
        .into_iter()
        .filter(|(_, (forced, other))| *forced > 0 && forced >= other)
        .map(|(f, _)| f)
        .collect()
}

/// How many chapters the contents must have found before a chapter heading of another shape
/// counts as foreign.
const MIN_FOUND_CHAPTERS: usize = 3;

/// The chapter headings (by line index) the classifier read whose numbering family the
/// printed contents never lists, when it lists and found at least [`MIN_FOUND_CHAPTERS`]
/// chapters: a `Chapter 3` on a sample page inside a book whose chapters are `6 Title`.
pub fn foreign_chapters(cands: &[Candidate]) -> std::collections::HashSet<usize> {
    let found = cands.iter().filter(|c| c.forced == Some(1)).count();
    if found < MIN_FOUND_CHAPTERS {
        return Default::default();
    }
    let families: std::collections::HashSet<super::Family> = cands
        .iter()
        .filter(|c| c.forced.is_some())
        .map(|c| c.numbered.family)
        .collect();
    cands
        .iter()
        .filter(|c| c.forced.is_none() && c.classified && !families.contains(&c.numbered.family))
        .map(|c| c.index)
        .collect()
}

/// Writes a forced candidate's heading: its label and title as the body prints them, its
/// second line (title, wrapped title or label below) marked for the heading.
pub fn apply_forced(kinds: &mut [Kind], c: &Candidate, listed: Option<&Listed>, level: u8) {
    let shape = listed.map_or(Shape::OneLine, |l| l.shape);
    if c.classified {
        if let Shape::LabelBelow(j) = shape {
            kinds[j] = Kind::HeadingLabel;
        }
        return;
    }
    let title = match shape {
        Shape::TitleBelow(_) => String::new(),
        _ => c.numbered.title.clone(),
    };
    match shape {
        Shape::TitleBelow(j) | Shape::Wrapped(j) => kinds[j] = Kind::HeadingTitle,
        Shape::LabelBelow(j) => kinds[j] = Kind::HeadingLabel,
        Shape::OneLine => {
            if let Some(j) = c.title_line {
                kinds[j] = Kind::HeadingTitle;
            }
        }
    }
    let title = match (shape, c.title_line) {
        (Shape::OneLine, Some(_)) => String::new(),
        _ => title,
    };
    kinds[c.index] = Kind::Heading {
        level,
        label: c.numbered.label.clone(),
        title,
    };
}
