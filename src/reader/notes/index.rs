//! Markers waiting for their notes (待配注码), indexed by scope (a page or a chapter) and key so
//! that pairing stays linear in the number of markers: a note looks up only the markers of its
//! own key in its own scope, and a settled marker leaves the index.

use std::collections::{HashMap, VecDeque};

/// Unmatched markers by (scope, key), oldest first; each is an id the caller owns.
#[derive(Debug, Default)]
pub struct MarkerIndex {
    map: HashMap<(usize, String), VecDeque<usize>>,
}

impl MarkerIndex {
    /// Files marker `id` with `key` under `scope`.
    pub fn push(&mut self, scope: usize, key: &str, id: usize) {
        self.map
            .entry((scope, key.to_string()))
            .or_default()
            .push_back(id);
    }

    /// Takes the oldest marker of `key` in `scope` that `fits`; markers that are `stale`
    /// (settled through another index) are dropped on the way.
    pub fn take(
        &mut self,
        scope: usize,
        key: &str,
        stale: impl Fn(usize) -> bool,
        fits: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        let q = self.map.get_mut(&(scope, key.to_string()))?;
        while q.front().is_some_and(|&id| stale(id)) {
            q.pop_front();
        }
        let pos = q.iter().position(|&id| !stale(id) && fits(id))?;
        q.remove(pos)
    }

    /// Forgets every scope below `scope` (pages left behind).
    pub fn forget_before(&mut self, scope: usize) {
        self.map.retain(|(s, _), _| *s >= scope);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn takes_the_oldest_fitting_marker_of_its_key_and_scope() {
        let mut ix = MarkerIndex::default();
        for (scope, key, id) in [(0, "1", 0), (0, "1", 1), (0, "2", 2), (1, "1", 3)] {
            ix.push(scope, key, id);
        }
        let never = |_| false;
        assert_eq!(ix.take(0, "1", never, |_| true), Some(0));
        assert_eq!(ix.take(0, "1", never, |id| id != 1), None);
        assert_eq!(ix.take(0, "1", |id| id == 1, |_| true), None);
        assert_eq!(ix.take(0, "2", never, |_| true), Some(2));
        assert_eq!(ix.take(0, "3", never, |_| true), None);
        ix.forget_before(1);
        assert_eq!(ix.take(0, "1", never, |_| true), None);
        assert_eq!(ix.take(1, "1", never, |_| true), Some(3));
    }
}
