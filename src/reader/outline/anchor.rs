//! The printed contents' headings as anchors of their numbering (目录锚点): the candidates the
//! contents lists (forced) are fixed points, and an unlisted candidate of the same numbering
//! must number between the anchors around it — `39` between chapters `4` and `5` is a folio or a
//! list item, `1.1.3 节…` before `1.1.1` a cross-reference. A candidate that fits between two
//! anchors may stand even where the contents pairs its number with another title (a contents
//! read out of order by pdftotext) or leaves it out; its sequence still has to continue.

use std::collections::HashMap;

use super::{Candidate, Family};

/// Where a candidate the contents does not list stands against the ones it lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    /// No listed candidate of its numbering.
    Free,
    /// A listed candidate on one side only, and it numbers on the right side of it.
    Beside,
    /// Listed candidates on both sides, and it numbers between them.
    Between,
    /// It numbers out of order against a listed candidate beside it.
    Breaks,
}

/// The numbering a family is ordered in: the decimals (`1`, `1.2`, `1.2.3`) are one, the
/// letters and lettered decimals (`A`, `A.1`) another, every other family its own.
fn system(f: Family) -> Family {
    match f {
        Family::Decimal(_) => Family::Decimal(1),
        Family::Lettered(_) => Family::Letter,
        other => other,
    }
}

/// The fit of every candidate (sorted by line; forced candidates are [`Fit::Free`]), in one
/// pass each way.
pub fn fits(cands: &[Candidate]) -> Vec<Fit> {
    let n = cands.len();
    let mut prev: Vec<Option<usize>> = vec![None; n];
    let mut next: Vec<Option<usize>> = vec![None; n];
    let mut last: HashMap<Family, usize> = HashMap::new();
    for (k, c) in cands.iter().enumerate() {
        let sys = system(c.numbered.family);
        if c.forced.is_some() {
            last.insert(sys, k);
        } else {
            prev[k] = last.get(&sys).copied();
        }
    }
    last.clear();
    for (k, c) in cands.iter().enumerate().rev() {
        let sys = system(c.numbered.family);
        if c.forced.is_some() {
            last.insert(sys, k);
        } else {
            next[k] = last.get(&sys).copied();
        }
    }
    (0..n)
        .map(|k| {
            if cands[k].forced.is_some() {
                return Fit::Free;
            }
            let at = &cands[k].numbered.numbers;
            let num = |j: usize| &cands[j].numbered.numbers;
            match (prev[k], next[k]) {
                (None, None) => Fit::Free,
                (Some(p), None) if at > num(p) => Fit::Beside,
                (None, Some(q)) if at < num(q) => Fit::Beside,
                (Some(p), Some(q)) if num(p) < num(q) && num(p) < at && at < num(q) => Fit::Between,
                // the numbering restarts between the two (a part's chapters from 1 again)
                (Some(p), Some(q)) if num(p) >= num(q) && (at > num(p) || at < num(q)) => {
                    Fit::Beside
                }
                _ => Fit::Breaks,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reader::outline::label::Numbered;

    fn cand(index: usize, family: Family, numbers: &[u32], forced: bool) -> Candidate {
        Candidate {
            index,
            numbered: Numbered {
                family,
                numbers: numbers.to_vec(),
                label: String::new(),
                title: "T".into(),
            },
            title_line: None,
            folio: None,
            label_line: None,
            isolated: true,
            page_start: false,
            listed: false,
            classified: false,
            echoed: false,
            forced: forced.then_some(1),
        }
    }

    #[test]
    fn unlisted_numbers_fit_between_the_listed_ones_or_break() {
        use Family::Decimal as D;
        // (what, the candidates as (family, numbers, forced), the fit of each unforced one)
        // (family, numbers, forced)
        type Item = (Family, Vec<u32>, bool);
        let cases: Vec<(&str, Vec<Item>, Vec<Fit>)> = vec![
            (
                "a folio numbered like a chapter between chapters 4 and 5",
                vec![
                    (D(1), vec![4], true),
                    (D(1), vec![39], false),
                    (D(1), vec![5], true),
                ],
                vec![Fit::Breaks],
            ),
            (
                "subsections the contents pairs with other titles, between 5.1 and 5.2",
                vec![
                    (D(2), vec![5, 1], true),
                    (D(3), vec![5, 1, 1], false),
                    (D(3), vec![5, 1, 2], false),
                    (D(2), vec![5, 2], true),
                ],
                vec![Fit::Between, Fit::Between],
            ),
            (
                "a cross-reference `1.1.3` before 1.1.1",
                vec![
                    (D(2), vec![1, 1], true),
                    (D(3), vec![1, 1, 3], false),
                    (D(3), vec![1, 1, 1], true),
                ],
                vec![Fit::Breaks],
            ),
            (
                "after the last listed one, numbered on",
                vec![
                    (D(1), vec![6], true),
                    (D(1), vec![7], false),
                    (D(1), vec![2], false),
                ],
                vec![Fit::Beside, Fit::Breaks],
            ),
            (
                "a restart between parts",
                vec![
                    (D(1), vec![3], true),
                    (D(1), vec![1], false),
                    (D(1), vec![2], true),
                ],
                vec![Fit::Beside],
            ),
            (
                "another numbering is not anchored",
                vec![(D(1), vec![4], true), (Family::Letter, vec![9], false)],
                vec![Fit::Free],
            ),
            (
                "a repeat of the heading before it",
                vec![
                    (D(2), vec![2, 3], true),
                    (D(2), vec![2, 3], false),
                    (D(2), vec![2, 4], true),
                ],
                vec![Fit::Breaks],
            ),
        ];
        for (what, items, want) in cases {
            let cands: Vec<Candidate> = items
                .iter()
                .enumerate()
                .map(|(i, (f, n, forced))| cand(i * 10, *f, n, *forced))
                .collect();
            let got: Vec<Fit> = fits(&cands)
                .into_iter()
                .zip(&cands)
                .filter(|(_, c)| c.forced.is_none())
                .map(|(f, _)| f)
                .collect();
            assert_eq!(got, want, "{what}");
        }
    }
}
