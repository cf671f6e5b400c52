//! Index letter groups (索引字母分组): a back-of-book index prints its entries under the
//! initial letters, each alone on a line (`A`, `B` … `Z`, often after a `Symbols` or
//! `Numbers` group). A lone capital is no numbering sequence the outline pass knows, so it
//! stays text and runs into the entries; the evidence here is the division it sits in (its
//! heading names an index: `Index`, `代码索引`) and the letters rising through it — at least
//! [`MIN_GROUPS`] of them, letters may be skipped. Each becomes a heading one level below the
//! index's heading, so the entries fall under their letter.

use crate::model::DivisionKind;
use crate::reader::Line;
use crate::reader::kind::Kind;

/// Fewest rising letter groups that make an index's groups.
pub const MIN_GROUPS: usize = 3;

/// Words that head the group before the letters (symbols, numbers), matched without case.
const LEADING_GROUPS: &[&str] = &["symbols", "numbers", "numerals", "digits", "符号", "数字"];

/// The level of the index heading at line `i`, if its line opens an index.
fn opens_index(kinds: &[Kind], i: usize) -> Option<u8> {
    let (level, title) = match &kinds[i] {
        Kind::Matter {
            kind: DivisionKind::Index,
            ..
        } => return Some(1),
        Kind::Matter { title, .. } => (1, title),
        Kind::Heading { level, title, .. } if *level <= 1 => (*level, title),
        Kind::Chapter { title, .. } => (1, title),
        _ => return None,
    };
    let t = title.trim();
    let named = t.ends_with("索引")
        || t.split(|c: char| !c.is_alphanumeric())
            .any(|w| w.eq_ignore_ascii_case("index"));
    named.then_some(level)
}

/// Whether line `i` ends the division an index heading opened (the next heading of its rank
/// or above).
fn ends_index(kinds: &[Kind], i: usize, level: u8) -> bool {
    match &kinds[i] {
        Kind::Heading { level: l, .. } => *l <= level,
        Kind::Chapter { .. } | Kind::ChapterLabel { .. } | Kind::Matter { .. } => level >= 1,
        Kind::Part { .. } | Kind::PartLabel { .. } => true,
        _ => false,
    }
}

/// The rank of a group line: 0 for a leading group word, 1–26 for the letters `A`–`Z`.
fn group(text: &str) -> Option<u8> {
    let t = text.trim();
    let mut chars = t.chars();
    match (chars.next(), chars.next()) {
        (Some(c @ 'A'..='Z'), None) => Some(c as u8 - b'A' + 1),
        _ => LEADING_GROUPS
            .iter()
            .any(|w| t.eq_ignore_ascii_case(w))
            .then_some(0),
    }
}

/// The longest run of strictly rising ranks among `found` (line, rank), in line order.
fn rising(found: &[(usize, u8)]) -> Vec<usize> {
    let n = found.len();
    let mut best = vec![1usize; n];
    let mut prev = vec![usize::MAX; n];
    for b in 0..n {
        for a in 0..b {
            if found[a].1 < found[b].1 && best[a] + 1 > best[b] {
                best[b] = best[a] + 1;
                prev[b] = a;
            }
        }
    }
    let Some(mut k) = (0..n).max_by_key(|&k| (best[k], std::cmp::Reverse(k))) else {
        return Vec::new();
    };
    let mut run = vec![found[k].0];
    while prev[k] != usize::MAX {
        k = prev[k];
        run.push(found[k].0);
    }
    run.reverse();
    run
}

/// Marks the letter groups of every index; returns how many and the manuscript line of the
/// first.
pub fn mark(lines: &[Line<'_>], kinds: &mut [Kind]) -> (usize, usize) {
    let mut marked = 0;
    let mut first = 0;
    let mut i = 0;
    while i < kinds.len() {
        let Some(level) = opens_index(kinds, i) else {
            i += 1;
            continue;
        };
        let end = (i + 1..kinds.len())
            .find(|&j| ends_index(kinds, j, level))
            .unwrap_or(kinds.len());
        let found: Vec<(usize, u8)> = (i + 1..end)
            .filter(|&j| kinds[j] == Kind::Text)
            .filter_map(|j| group(lines[j].text).map(|r| (j, r)))
            .collect();
        let run = rising(&found);
        let letters = run
            .iter()
            .filter(|&&j| group(lines[j].text) != Some(0))
            .count();
        if letters >= MIN_GROUPS {
            for &j in &run {
                kinds[j] = Kind::Heading {
                    level: (level + 1).min(6),
                    label: String::new(),
                    title: lines[j].text.trim().to_string(),
                };
                if marked == 0 {
                    first = lines[j].no;
                }
                marked += 1;
            }
        }
        i = end;
    }
    (marked, first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reader::classify::classify;

    /// (line, level, title) of each heading after the pass, and the count marked.
    fn run(text: &str) -> (Vec<(usize, u8, String)>, usize) {
        let lines = crate::reader::lines::split(text);
        let mut kinds: Vec<Kind> = lines.iter().map(|l| classify(l.text)).collect();
        let (n, _) = mark(&lines, &mut kinds);
        let heads = kinds
            .iter()
            .enumerate()
            .filter_map(|(i, k)| match k {
                Kind::Heading { level, title, .. } => Some((i + 1, *level, title.clone())),
                _ => None,
            })
            .collect();
        (heads, n)
    }

    #[test]
    fn group_ranks() {
        assert_eq!(group("A"), Some(1));
        assert_eq!(group("  Z "), Some(26));
        assert_eq!(group("Symbols"), Some(0));
        assert_eq!(group("a"), None);
        assert_eq!(group("AB"), None);
        assert_eq!(group("A note"), None);
    }

    #[test]
    fn an_index_gets_its_letter_groups() {
        let text = "Index\nSymbols\n\\at . . . 3\nB\nbarley, 4, 9\nbeans . . . 12\nD\ndykes, 7\nF\nferry . . . 2, 8\n";
        let (heads, n) = run(text);
        assert_eq!(n, 4);
        assert_eq!(
            heads,
            [
                (2, 2, "Symbols".to_string()),
                (4, 2, "B".to_string()),
                (7, 2, "D".to_string()),
                (9, 2, "F".to_string())
            ]
        );
    }

    #[test]
    fn letters_out_of_order_or_outside_an_index_stay_text() {
        // a letter that falls back is an entry, not a group
        let (heads, _) = run("Index\nB\nbarley, 4\nD\ndykes, 7\nA\nF\nferry, 2\n");
        let titles: Vec<&str> = heads.iter().map(|h| h.2.as_str()).collect();
        assert_eq!(titles, ["B", "D", "F"]);
        // lone capitals in a chapter are no index
        assert_eq!(run("Chapter 1\nB\ntext\nD\ntext\nF\n").1, 0);
        // two letters are too few
        assert_eq!(run("Index\nB\nbarley, 4\nD\ndykes, 7\n").1, 0);
    }
}
