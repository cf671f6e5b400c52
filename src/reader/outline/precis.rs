//! A chapter's number set below a short precis (章首提要): some chapter styles print the title
//! first, then a line or two of text (what the chapter covers, an epigraph), then the number
//! alone (`Document divisions` / two lines / `6`). The page position is the evidence: the
//! title is the first line of its page.

use crate::reader::Line;
use crate::reader::kind::Kind;

use super::index::Index;

/// Most lines of text (a chapter's precis, an epigraph) set between a chapter's title and
/// its number below it.
const MAX_PRECIS: usize = 3;

/// A chapter style that sets the number below a short precis (`Title` / two lines of text /
/// `6`): when the title is the first line of its page, the label alone on one of the next
/// lines, only text between, is the title's label.
pub(super) fn label_below(
    lines: &[Line<'_>],
    kinds: &[Kind],
    form_feed: &[bool],
    index: &Index,
    i: usize,
    label: &str,
) -> Option<usize> {
    let opens_page = (0..=i)
        .rev()
        .take_while(|&k| k == i || kinds[k] == Kind::Blank)
        .any(|k| form_feed.get(k).copied().unwrap_or(false));
    if !opens_page {
        return None;
    }
    let mut text = 0;
    for j in i + 1..kinds.len() {
        if kinds[j] == Kind::Blank {
            continue;
        }
        if index.key[j] == label {
            return (text > 0).then_some(j);
        }
        if kinds[j] != Kind::Text || text == MAX_PRECIS || lines[j].text.trim().is_empty() {
            return None;
        }
        text += 1;
    }
    None
}
