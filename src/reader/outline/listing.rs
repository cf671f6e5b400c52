//! Listings and echoes among the candidates (目录行): a candidate whose neighbour is a
//! candidate of the same shape is a line of a listing (the printed contents), and one whose
//! label and title are printed again further on is the contents' entry, not the heading.

use super::running::title_key;
use super::{Candidate, Family, Numbered, chain, margin};
use crate::reader::Line;
use crate::reader::kind::Kind;

/// Marks candidates whose label and (non-empty) title are printed again later.
pub(super) fn mark_echoes(cands: &mut [Candidate]) {
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

/// Marks candidates that are lines of a listing: the previous content line (on the same page)
/// is a candidate of the same family, or the next one is a candidate of the same family or
/// of a family that ranks above it (a heading with nothing under it, like a contents entry).
pub(super) fn mark_listings(
    lines: &[Line<'_>],
    kinds: &[Kind],
    form_feed: &[bool],
    cands: &mut [Candidate],
) {
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
                && may_follow(&cands[k].numbered, &o.numbered)
        });
        let prev_listed = k > 0 && {
            let p = &cands[k - 1];
            let end = p.title_line.unwrap_or(p.index);
            p.numbered.family == fam && prev == Some(end) && !feed_in(end, cands[k].index)
        };
        cands[k].listed = next_listed || prev_listed;
    }
}

/// Whether `next` may be the entry after `prev` in a listing: any label, but a decimal after
/// a decimal only as its first child, its next sibling or an ancestor's next sibling (`1.5`
/// after `1.4.3`; not a listing's line number `818` after `14.3.3`, nor `4.3` after `10.4`).
fn may_follow(prev: &Numbered, next: &Numbered) -> bool {
    let decimal = |f: Family| matches!(f, Family::Decimal(_));
    if !decimal(prev.family) || !decimal(next.family) {
        return true;
    }
    let (p, n) = (&prev.numbers, &next.numbers);
    let Some((&last, head)) = n.split_last() else {
        return true;
    };
    let child = n.len() == p.len() + 1 && n[..p.len()] == p[..] && last == 1;
    let sibling = n.len() <= p.len() && head == &p[..head.len()] && p[head.len()] + 1 == last;
    child || sibling
}
