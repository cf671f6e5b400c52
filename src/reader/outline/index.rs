//! The body lines' comparison keys for finding printed contents entries (目录条目) in the
//! body: each eligible line's key, keys run on over two lines, running heads, by key.

use std::collections::{HashMap, HashSet};

use crate::reader::Line;
use crate::reader::kind::Kind;
use crate::reader::labels::spelt_number;
use crate::reader::toc::title_key;

use super::contents::{eligible, margin};

/// Longest body line looked at as a printed entry, in characters.
const MAX_HEADING: usize = 120;

/// Longest line of a title printed over two lines, in characters.
const MAX_HALF: usize = 70;

/// The body lines' comparison keys and where each key occurs; the maps hold only the keys
/// looked for (the caller's `wanted`), every eligible line keeps its key.
pub(super) struct Index {
    /// For each line, the next content line.
    pub(super) next: Vec<Option<usize>>,
    /// Key of each eligible line (empty: not eligible).
    pub(super) key: Vec<String>,
    /// Lines by key.
    pub(super) one: HashMap<String, Vec<usize>>,
    /// Lines by their key run on with the next content line's (a title over two lines).
    pub(super) two: HashMap<String, Vec<usize>>,
    /// Running heads (furniture lines other than numbers) by key: a chapter's opening page
    /// prints its title where later pages print the running head.
    pub(super) heads: HashMap<String, Vec<usize>>,
}

impl Index {
    /// Keys the eligible lines; `one`, `two` and `heads` hold only the keys in `wanted` (the
    /// keys the contents' entries are looked for by), so that no line whose key is never asked
    /// for is copied into a map.
    pub(super) fn new(lines: &[Line<'_>], kinds: &[Kind], wanted: &HashSet<&str>) -> Index {
        let n = kinds.len();
        let mut key = vec![String::new(); n];
        for i in 0..n {
            let t = lines[i].text.trim();
            // a chapter's number alone above its title reads like a folio
            let number = kinds[i] == Kind::Furniture
                && (1..=3).contains(&t.len())
                && t.bytes().all(|b| b.is_ascii_digit());
            if (eligible(&kinds[i]) || number) && !t.is_empty() && t.chars().count() <= MAX_HEADING
            {
                key[i] = line_key(t);
            }
        }
        let mut next = vec![None; n];
        let mut after = None;
        for i in (0..n).rev() {
            next[i] = after;
            if !margin(&kinds[i]) {
                after = Some(i);
            }
        }
        let mut one: HashMap<String, Vec<usize>> = HashMap::new();
        let mut two: HashMap<String, Vec<usize>> = HashMap::new();
        let mut heads: HashMap<String, Vec<usize>> = HashMap::new();
        let mut pair = String::new();
        for i in 0..n {
            let t = lines[i].text.trim();
            if kinds[i] == Kind::Furniture && key[i].is_empty() && t.chars().count() <= MAX_HALF {
                let k = line_key(t);
                if wanted.contains(k.as_str()) {
                    heads.entry(k).or_default().push(i);
                }
            }
            if key[i].is_empty() {
                continue;
            }
            if wanted.contains(key[i].as_str()) {
                one.entry(key[i].clone()).or_default().push(i);
            }
            // `-layout` text beside the heading across a wide gap (a margin note `Revised`)
            if let Some((head, _)) = t.rsplit_once("   ") {
                let k = line_key(head);
                if !k.is_empty() && k != key[i] && wanted.contains(k.as_str()) {
                    one.entry(k).or_default().push(i);
                }
            }
            let Some(j) = next[i].filter(|&j| !key[j].is_empty()) else {
                continue;
            };
            pair.clear();
            pair.push_str(&key[i]);
            pair.push_str(&key[j]);
            let half = |j: usize| lines[j].text.trim().chars().count() <= MAX_HALF;
            if wanted.contains(pair.as_str()) && half(i) && half(j) {
                two.entry(pair.clone()).or_default().push(i);
            }
        }
        Index {
            next,
            key,
            one,
            two,
            heads,
        }
    }

    /// The lines from `cursor` on whose key is `k`, in order.
    pub(super) fn after<'a>(
        map: &'a HashMap<String, Vec<usize>>,
        k: &str,
        cursor: usize,
    ) -> impl Iterator<Item = usize> + 'a {
        let found = map.get(k).map(Vec::as_slice).unwrap_or(&[]);
        let from = found.partition_point(|&i| i < cursor);
        found[from..].iter().copied()
    }
}

/// A heading line's key: [`title_key`] after a spelt chapter or part number becomes digits
/// (`CHAPTER THREE` and the contents' `Chapter 3` are one label).
pub(super) fn line_key(text: &str) -> String {
    let mut key = spelt_key(text);
    if key.contains('：') {
        // `retain` decodes every character: asked only of the few keys with a colon
        key.retain(|c| c != '：');
    }
    key
}

/// [`line_key`] before colons go (`Part II: The Town` and `Part II The Town` are one).
/// A chapter number spelt alone on its line (`Twenty-one`, the contents' `21`) is its digits.
fn spelt_key(text: &str) -> String {
    let t = text.trim();
    let mut words = t.splitn(3, char::is_whitespace);
    let (Some(word), Some(num)) = (words.next(), words.next()) else {
        if t.starts_with(char::is_uppercase)
            && let Some(n) = spelt_number(t)
        {
            return n.to_string();
        }
        return title_key(t);
    };
    let rest = words.next().unwrap_or("");
    // the word is asked first: most lines open with neither word, and `spelt_number` copies
    if (word.eq_ignore_ascii_case("chapter") || word.eq_ignore_ascii_case("part"))
        && let Some(n) = spelt_number(num.trim_end_matches(['.', ':']))
    {
        return title_key(&format!("{word} {n} {rest}"));
    }
    title_key(t)
}
