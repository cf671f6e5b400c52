//! Dated version entries (版本记录): a revision history or change log prints each release as
//! its version alone on a line (`3.2`, `2.9a`, `1.4.1`) and the release date alone below it
//! (`2021-03-04`), then the changes. Such a version is no numbering sequence — releases skip
//! numbers and the list usually runs newest first — so the outline pass leaves it as text;
//! the evidence here is the shape repeated: at least [`MIN_RUN`] entries in a row whose
//! versions all fall (or all rise). Each becomes a heading one level below the heading it
//! follows, its date the heading's title.

use crate::reader::Line;
use crate::reader::kind::Kind;

/// Fewest dated version entries in a row that make a revision history.
pub const MIN_RUN: usize = 3;

/// How many lines below its version the date may be printed (blank lines between).
const DATE_WITHIN: usize = 3;

/// A version label: dot-separated numbers (two to four parts), an optional lower-case letter
/// after the last (`3.18b`), as a sortable key.
fn version(text: &str) -> Option<(Vec<u32>, u8)> {
    let t = text.trim();
    let (core, suffix) = match t.as_bytes().last() {
        Some(b) if b.is_ascii_lowercase() => (&t[..t.len() - 1], *b),
        _ => (t, 0),
    };
    let parts: Vec<u32> = core
        .split('.')
        .map(|p| {
            (!p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse().ok())
                .flatten()
        })
        .collect::<Option<_>>()?;
    (2..=4).contains(&parts.len()).then_some((parts, suffix))
}

/// A date alone on its line: `2022-07-12`, `2015-09`, `2020/04/08`.
fn date(text: &str) -> bool {
    let t = text.trim();
    let parts: Vec<&str> = t.split(['-', '/']).collect();
    (2..=3).contains(&parts.len())
        && parts[0].len() == 4
        && parts[1..].iter().all(|p| (1..=2).contains(&p.len()))
        && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()))
}

/// One entry found: the version line, its date line and its version key.
struct Entry {
    index: usize,
    date: usize,
    key: (Vec<u32>, u8),
}

/// The entry starting at line `i`, if it is one.
fn entry(lines: &[Line<'_>], kinds: &[Kind], i: usize) -> Option<Entry> {
    if kinds[i] != Kind::Text {
        return None;
    }
    let key = version(lines[i].text)?;
    let j = (i + 1..kinds.len().min(i + 1 + DATE_WITHIN)).find(|&j| kinds[j] != Kind::Blank)?;
    (kinds[j] == Kind::Text && date(lines[j].text)).then_some(Entry {
        index: i,
        date: j,
        key,
    })
}

/// The level below the last heading before line `i` (a section below a chapter).
fn level_below(kinds: &[Kind], i: usize) -> u8 {
    let above = kinds[..i].iter().rev().find_map(|k| match k {
        Kind::Heading { level, .. } => Some(*level),
        Kind::Chapter { .. } | Kind::ChapterLabel { .. } | Kind::Matter { .. } => Some(1),
        Kind::Part { .. } | Kind::PartLabel { .. } => Some(0),
        _ => None,
    });
    above.map_or(2, |l| (l + 1).min(6))
}

/// Marks the dated version entries of every revision history; returns how many and the
/// manuscript line of the first.
pub fn mark(lines: &[Line<'_>], kinds: &mut [Kind]) -> (usize, usize) {
    let found: Vec<Entry> = (0..kinds.len())
        .filter_map(|i| entry(lines, kinds, i))
        .collect();
    let mut marked = 0;
    let mut first = 0;
    let mut k = 0;
    while k < found.len() {
        // the longest run from `k` whose versions all fall, or all rise
        let step = |a: &Entry, b: &Entry| a.key.cmp(&b.key);
        let dir = found.get(k + 1).map(|n| step(&found[k], n));
        let mut end = k + 1;
        while end < found.len()
            && dir.is_some_and(|d| d != std::cmp::Ordering::Equal)
            && Some(step(&found[end - 1], &found[end])) == dir
        {
            end += 1;
        }
        if end - k >= MIN_RUN {
            let level = level_below(kinds, found[k].index);
            for e in &found[k..end] {
                kinds[e.index] = Kind::Heading {
                    level,
                    label: lines[e.index].text.trim().to_string(),
                    title: String::new(),
                };
                kinds[e.date] = Kind::HeadingTitle;
                if marked == 0 {
                    first = lines[e.index].no;
                }
                marked += 1;
            }
        }
        k = end;
    }
    (marked, first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reader::classify::classify;

    /// Kinds of `text` after the pass: (line, level) of each heading, and the count.
    fn run(text: &str) -> (Vec<(usize, u8, String)>, usize) {
        let lines = crate::reader::lines::split(text);
        let mut kinds: Vec<Kind> = lines.iter().map(|l| classify(l.text)).collect();
        let (n, _) = mark(&lines, &mut kinds);
        let heads = kinds
            .iter()
            .enumerate()
            .filter_map(|(i, k)| match k {
                Kind::Heading { level, label, .. } => Some((i + 1, *level, label.clone())),
                _ => None,
            })
            .collect();
        (heads, n)
    }

    #[test]
    fn versions_and_keys() {
        assert_eq!(version("3.18b"), Some((vec![3, 18], b'b')));
        assert_eq!(version("1.4.1"), Some((vec![1, 4, 1], 0)));
        assert_eq!(version("12"), None);
        assert_eq!(version("3.1 Title"), None);
        assert!(date("2022-07-12") && date("2015-09") && date("2020/04/08"));
        assert!(!date("12-07-2022") && !date("2022") && !date("Title"));
    }

    #[test]
    fn a_change_log_newest_first_gets_its_headings() {
        let text = "Changes\nThe list below names the changes of each release.\n2.1a\n\n2019-05-02\n\nFixed the mill wheel\n2.1\n\n2019-04-30\n\nAdded the weir\n1.10\n2018-11-01\nFirst release of the ferry timetable\n";
        let (heads, n) = run(text);
        assert_eq!(n, 3);
        assert_eq!(
            heads,
            [
                (3, 2, "2.1a".to_string()),
                (8, 2, "2.1".to_string()),
                (13, 2, "1.10".to_string())
            ]
        );
    }

    #[test]
    fn two_dated_numbers_or_mixed_order_are_text() {
        // two entries are no history; versions that go up and down are no run
        assert_eq!(run("1.2\n2020-01-01\ntext\n1.1\n2019-01-01\ntext\n").1, 0);
        assert_eq!(
            run("1.2\n2020-01-01\na\n1.3\n2020-02-01\nb\n1.1\n2019-01-01\nc\n").1,
            0
        );
    }
}
