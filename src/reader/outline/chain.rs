//! Numbering sequences (编号序列): per family, the longest chain of candidates whose numbers
//! go up by one, inside each accepted parent (a part's chapters, a chapter's `N.M` sections);
//! then the families are ranked into heading levels. Linear in the number of candidates (a
//! hash map from number to the best chain ending there).

use std::collections::HashMap;

use super::{Candidate, Family};

/// The rank of a family: the order in which families nest (parts above chapters above
/// letters above `第 N 节` above decimal depths).
pub fn rank(f: Family) -> u8 {
    match f {
        Family::Part => 0,
        Family::Chapter | Family::Roman | Family::Word => 1,
        Family::Letter | Family::Epistle => 2,
        Family::Jie => 3,
        Family::Decimal(d) => 3 + d,
        // `A.1` under its letter `A`, above the questions or decimals a letter holds
        Family::Lettered(d) => 1 + d,
    }
}

/// The family whose accepted members may enclose `fam`'s: `N.M`'s is `N`, `A.1`'s is `A`,
/// `A.1.1`'s is `A.1`; `None`: any family ranked above it.
fn parent_family(fam: Family) -> Option<Family> {
    match fam {
        Family::Decimal(d) if d > 1 => Some(Family::Decimal(d - 1)),
        Family::Lettered(2) => Some(Family::Letter),
        Family::Lettered(d) => Some(Family::Lettered(d - 1)),
        _ => None,
    }
}

/// The longest chain of `+1` steps through `items` (candidate index, number, strength), in
/// order; ties go to the stronger, then the later chain. Returns the chosen candidate indices.
fn longest(items: &[(usize, u32, u8)]) -> Vec<usize> {
    // number -> (length, strength sum, position in items) of the best chain ending there
    let mut best: HashMap<u32, (usize, u32, usize)> = HashMap::new();
    let mut back: Vec<Option<usize>> = vec![None; items.len()];
    let mut top: Option<(usize, u32, usize)> = None;
    for (pos, &(_, n, s)) in items.iter().enumerate() {
        let prev = n.checked_sub(1).and_then(|p| best.get(&p)).copied();
        let (len, strength) = match prev {
            Some((l, st, p)) => {
                back[pos] = Some(p);
                (l + 1, st + u32::from(s))
            }
            None => (1, u32::from(s)),
        };
        let entry = (len, strength, pos);
        let better = |old: &(usize, u32, usize)| (len, strength) >= (old.0, old.1);
        if best.get(&n).is_none_or(better) {
            best.insert(n, entry);
        }
        if top.as_ref().is_none_or(better) {
            top = Some(entry);
        }
    }
    let mut out = Vec::new();
    let mut at = top.map(|t| t.2);
    while let Some(p) = at {
        out.push(items[p].0);
        at = back[p];
    }
    out.reverse();
    out
}

/// A candidate's strength as a tie-break: a page start or an existing classification.
fn strength(c: &Candidate) -> u8 {
    u8::from(c.page_start) + u8::from(c.classified)
}

/// Which candidates continue their family's sequence.
pub fn accept(cands: &[Candidate]) -> Vec<bool> {
    let mut ok = vec![false; cands.len()];
    let mut families: Vec<Family> = cands.iter().map(|c| c.numbered.family).collect();
    families.sort_by_key(|f| (rank(*f), *f));
    families.dedup();
    for fam in families {
        let members: Vec<usize> = (0..cands.len())
            .filter(|&k| cands[k].numbered.family == fam)
            .collect();
        // the accepted candidates of the nearest rank above, which scope this family
        let parents: Vec<usize> = (0..cands.len())
            .filter(|&k| ok[k] && rank(cands[k].numbered.family) < rank(fam))
            .filter(|&k| {
                let f = cands[k].numbered.family;
                match parent_family(fam) {
                    Some(p) => f == p,
                    // lettered sections enclose only their own subsections
                    None => !matches!(f, Family::Lettered(_)),
                }
            })
            .collect();
        let parents = if parents.is_empty() {
            parents
        } else {
            let nearest = parents
                .iter()
                .map(|&k| rank(cands[k].numbered.family))
                .max()
                .unwrap_or(0);
            parents
                .into_iter()
                .filter(|&k| rank(cands[k].numbered.family) == nearest)
                .collect()
        };
        let mut chosen = choose(cands, &members, &parents, fam);
        // `N.M` under a chapter numbered by word (`第 N 节`, `Chapter N`) when no `N` line
        // heads it: the sections whose prefixes the chapters' numbers fit more often win
        if fam == Family::Decimal(2) {
            let chapters = word_chapters(cands, &ok);
            let under = choose(cands, &members, &chapters, fam);
            if under.len() > chosen.len() {
                chosen = under;
            }
        }
        for k in chosen {
            ok[k] = true;
        }
        // what the printed contents lists encloses its sections, chain or not
        for &k in &members {
            ok[k] |= cands[k].forced.is_some();
        }
    }
    ok
}

/// Which of `run_on` (candidates that run on from the line before) fill the one gap in their
/// family's accepted sequence: a dotted label (`1.5.3`, `B.2`) whose next number is accepted
/// after it, and the one before it (for a first number `N.1`, its parent, when it is a
/// candidate) before it — `1.5.3` between an accepted `1.5.2` and `1.5.4`, printed after a
/// sentence that ends in a note call.
pub fn gaps(cands: &[Candidate], accepted: &[bool], run_on: &[Candidate]) -> Vec<bool> {
    let mut at: HashMap<(Family, &[u32]), usize> = HashMap::new();
    for (c, _) in cands.iter().zip(accepted).filter(|(_, ok)| **ok) {
        at.insert((c.numbered.family, c.numbered.numbers.as_slice()), c.index);
    }
    run_on
        .iter()
        .map(|c| {
            let fam = c.numbered.family;
            let nums = &c.numbered.numbers;
            let Some((&last, head)) = nums.split_last() else {
                return false;
            };
            let dotted = matches!(fam, Family::Decimal(2..) | Family::Lettered(_));
            if !dotted || at.contains_key(&(fam, nums.as_slice())) {
                return false;
            }
            let with = |n: u32| [head, &[n]].concat();
            let next = at.get(&(fam, with(last + 1).as_slice())).copied();
            let prev = if last > 1 {
                at.get(&(fam, with(last - 1).as_slice())).copied()
            } else {
                parent_family(fam)
                    .and_then(|p| at.get(&(p, head)).copied())
                    .or(Some(0))
            };
            matches!((prev, next), (Some(p), Some(n)) if p <= c.index && c.index < n)
        })
        .collect()
}

/// The accepted chapters numbered by a word or ordinal (`第 N 节`, `第 N 章`, `Chapter N`,
/// `IV.`) of the nearest rank above the decimals: the parents `N.M` sections may have instead
/// of a decimal `N`.
fn word_chapters(cands: &[Candidate], ok: &[bool]) -> Vec<usize> {
    let word = |f: Family| matches!(f, Family::Chapter | Family::Jie | Family::Roman);
    let chapters: Vec<usize> = (0..cands.len())
        .filter(|&k| {
            ok[k] && word(cands[k].numbered.family) && cands[k].numbered.numbers.len() == 1
        })
        .collect();
    let nearest = chapters
        .iter()
        .map(|&k| rank(cands[k].numbered.family))
        .max();
    chapters
        .into_iter()
        .filter(|&k| Some(rank(cands[k].numbered.family)) == nearest)
        .collect()
}

/// The members a family keeps: the longer of one book-wide chain and per-parent chains.
fn choose(cands: &[Candidate], members: &[usize], parents: &[usize], fam: Family) -> Vec<usize> {
    let item = |k: usize| {
        let n = &cands[k].numbered.numbers;
        (k, *n.last().unwrap_or(&0), strength(&cands[k]))
    };
    // which parent encloses each member (the last accepted parent before it)
    let parent_of = |k: usize| {
        let at = cands[k].index;
        parents
            .iter()
            .rev()
            .find(|&&p| cands[p].index < at)
            .copied()
    };
    let decimal_child = parent_family(fam).is_some();
    // `N.M` under its parent `N`, or after a parent `N-1` when the heading `N` itself was
    // not found (its siblings still share their prefix)
    let prefix_fits = |k: usize, p: Option<usize>| -> bool {
        let n = &cands[k].numbered.numbers;
        let prefix = &n[..n.len() - 1];
        match (decimal_child, p) {
            (true, Some(p)) => {
                let q = &cands[p].numbered.numbers;
                q[..] == prefix[..]
                    || q.len() == prefix.len()
                        && q[..q.len() - 1] == prefix[..prefix.len() - 1]
                        && q.last() < prefix.last()
            }
            _ => true,
        }
    };
    // (parent, orphan: its parent was not found, members)
    let mut groups: Vec<(Option<usize>, bool, Vec<usize>)> = Vec::new();
    // where each (parent, orphan, prefix) group is in `groups`: a stray member between two
    // siblings (`42.157` of a listing between `8.2` and `8.3`) does not cut their group
    let mut at: HashMap<(Option<usize>, bool, Vec<u32>), usize> = HashMap::new();
    for &k in members {
        let p = if parents.is_empty() && decimal_child {
            // no parent level: group `N.M` by its prefix `N`
            None
        } else {
            parent_of(k)
        };
        // `14.3.1` after `11.4`: its parent `14.3` was not found; its siblings may still
        // form a sequence of their own, by their prefix
        let (p, orphan) = match (prefix_fits(k, p), decimal_child) {
            (true, _) => (p, false),
            (false, true) => (None, !parents.is_empty()),
            (false, false) => continue,
        };
        let key_prefix = |k: usize| {
            let n = &cands[k].numbered.numbers;
            n[..n.len() - 1].to_vec()
        };
        // siblings `N.1`, `N.2` … share their prefix, whether or not their parent `N` was found
        let key = (
            p,
            orphan,
            if decimal_child {
                key_prefix(k)
            } else {
                Vec::new()
            },
        );
        match at.get(&key) {
            Some(&g) => groups[g].2.push(k),
            None => {
                at.insert(key, groups.len());
                groups.push((p, orphan, vec![k]));
            }
        }
    }
    let min_len = |g: &[usize]| -> bool {
        // a chain of one stands when the classifier read it as a heading too, or it opens its
        // sequence under an accepted parent (`3.1` under `3`, `I.` under `Book the Second`);
        // a lone `1 …` or `A …` inside a chapter is a table cell, a list item, a figure's text
        let opens = |k: usize| {
            let bare = matches!(fam, Family::Letter | Family::Decimal(1));
            !bare && !parents.is_empty() && cands[k].numbered.numbers.last() == Some(&1)
        };
        // inside accepted chapters a decimal sequence starts at its start (`1`, or `2` when
        // the first heading was missed): `45 …`, `110 …` are a listing's line numbers
        let starts = parents.is_empty()
            || fam != Family::Decimal(1)
            || g.first()
                .is_some_and(|&k| cands[k].numbered.numbers.last().is_some_and(|&n| n <= 2));
        starts && (g.len() >= 2 || g.len() == 1 && (cands[g[0]].classified || opens(g[0])))
    };
    let mut grouped = Vec::new();
    for (_, orphan, g) in &groups {
        let items: Vec<_> = g.iter().map(|&k| item(k)).collect();
        // an orphan stands in a sequence of two at least
        let need = |c: &[usize]| if *orphan { c.len() >= 2 } else { min_len(c) };
        grouped.extend(runs(cands, &items, &need));
    }
    if decimal_child {
        return grouped;
    }
    let all: Vec<_> = members.iter().map(|&k| item(k)).collect();
    let global = runs(cands, &all, &min_len);
    if global.len() > grouped.len() {
        global
    } else {
        grouped
    }
}

/// Most numbers a sequence may skip between two of its chains (chapters missing from the
/// manuscript).
const MAX_GAP: u32 = 3;

/// How many chains too short to stand [`runs`] sets aside before it stops looking.
const MAX_MISSES: usize = 4;

/// Sequences that restart (`I`, `II` … in each book of a novel whose book headings were not
/// found): the longest chain, then the longest among the candidates outside its span, and so
/// on while a chain is long enough.
fn runs(
    cands: &[Candidate],
    items: &[(usize, u32, u8)],
    long_enough: &dyn Fn(&[usize]) -> bool,
) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut rest: Vec<(usize, u32, u8)> = items.to_vec();
    // the number the first chain starts at: a later chain restarts the numbering (`I` again in
    // the next book) or goes on after a chain before it over a gap of a few numbers (a chapter
    // missing from the manuscript); it does not open at `39` after chapter 4
    let mut opening: Option<u32> = None;
    // accepted chains: (last line index, last number)
    let mut ends: Vec<(usize, u32)> = Vec::new();
    let number = |k: usize| cands[k].numbered.numbers.last().copied().unwrap_or(0);
    let mut misses = 0;
    while !rest.is_empty() {
        let chain = longest(&rest);
        if !long_enough(&chain) {
            // a chain that does not stand (`6.3` after a missed `6.2`) leaves the others a
            // chance (`6.1`), a few times
            misses += 1;
            if misses > MAX_MISSES {
                break;
            }
            rest.retain(|(k, _, _)| !chain.contains(k));
            continue;
        }
        let start = number(chain[0]);
        let at = cands[chain[0]].index;
        let goes_on = ends
            .iter()
            .filter(|e| e.0 < at)
            .max_by_key(|e| e.0)
            .is_some_and(|e| e.1 < start && start <= e.1 + MAX_GAP);
        if opening.is_some_and(|o| start > o.max(1)) && !goes_on {
            let dropped: std::collections::HashSet<usize> = chain.into_iter().collect();
            rest.retain(|(k, _, _)| !dropped.contains(k));
            continue;
        }
        opening.get_or_insert(start);
        let last = *chain.last().expect("non-empty");
        let span = (cands[chain[0]].index, cands[last].index);
        ends.push((span.1, number(last)));
        spans.push(span);
        out.extend(&chain);
        rest.retain(|&(k, _, _)| {
            let at = cands[k].index;
            !spans.iter().any(|&(a, b)| (a..=b).contains(&at))
        });
    }
    out.sort_unstable();
    out
}

/// The heading level of each accepted family: 0 for parts, then 1, 2, 3 … in rank order; a
/// lettered family that starts after the first chapter (`1`, `Chapter I`, `One`) is the chapters' sibling
/// (appendices), its `A.1` sections rank with `1.1`.
/// `chapter_kinds`: the classifier found chapter headings, which hold level 1.
pub fn levels(cands: &[Candidate], ok: &[bool], chapter_kinds: bool) -> HashMap<Family, u8> {
    let first = |f: Family| {
        (0..cands.len())
            .find(|&k| ok[k] && cands[k].numbered.family == f)
            .map(|k| cands[k].index)
    };
    // the chapters' family, when the letters start after its first chapter: the letters are
    // appendices, the chapters' siblings, and `A.1` ranks with `1.1`
    let chapters = [
        Family::Decimal(1),
        Family::Chapter,
        Family::Roman,
        Family::Word,
    ]
    .into_iter()
    .filter_map(|f| first(f).map(|at| (at, f)))
    .min();
    let appendices = match (chapters, first(Family::Letter)) {
        (Some((at, f)), Some(l)) if l > at => Some(f),
        _ => None,
    };
    let mut slots: Vec<(u8, Family)> = Vec::new();
    for k in 0..cands.len() {
        if ok[k] && !slots.iter().any(|(_, f)| *f == cands[k].numbered.family) {
            let f = cands[k].numbered.family;
            // `A.1` without an accepted letter `A` (an `Appendix A` heading the classifier
            // keeps) ranks with `1.1` too
            let mut r = match (f, appendices) {
                (Family::Letter, Some(c)) => rank(c),
                (Family::Lettered(d), _)
                    if appendices.is_some() || first(Family::Letter).is_none() =>
                {
                    rank(Family::Decimal(d))
                }
                _ => rank(f),
            };
            // numbered letters are sections of the chapters they stand in, and chapters of
            // their own before the first chapter (an epistolary novel's opening letters)
            if f == Family::Epistle {
                let chapter = (0..cands.len())
                    .find(|&k| ok[k] && rank(cands[k].numbered.family) == 1)
                    .map(|k| cands[k].index);
                let last = (0..cands.len())
                    .rev()
                    .find(|&k| ok[k] && cands[k].numbered.family == f)
                    .map(|k| cands[k].index);
                if chapter.is_none_or(|c| last.is_some_and(|l| l < c)) {
                    r = 1;
                }
            }
            slots.push((r, f));
        }
    }
    let mut ranks: Vec<u8> = slots.iter().map(|(r, _)| *r).filter(|&r| r > 0).collect();
    if chapter_kinds {
        ranks.push(1);
    }
    ranks.sort_unstable();
    ranks.dedup();
    slots
        .into_iter()
        .map(|(r, f)| {
            let level = if r == 0 {
                0
            } else {
                1 + ranks.iter().position(|&x| x == r).unwrap_or(0) as u8
            };
            (f, level.min(5))
        })
        .collect()
}
