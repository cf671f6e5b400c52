//! An English title broken at a connective (`The Memoir Class` / `for` / `Configurable
//! Typesetting`): a title page may set the little word on a line of its own, or end a line
//! with it, even across a blank line. No title ends with `for` or `of`, so the line after it
//! goes on with the title.

/// Words a title never ends with, that a title page sets between two lines of its title.
const CONNECTIVES: &[&str] = &[
    "for", "of", "and", "or", "to", "in", "on", "with", "from", "into", "&",
];

/// Whether the line is a connective alone (`for`).
pub(super) fn alone(text: &str) -> bool {
    let t = text.trim();
    CONNECTIVES.iter().any(|c| t.eq_ignore_ascii_case(c))
}

/// Whether the line ends with a connective (`The Art of`), so that the title goes on.
pub(super) fn ends_with(text: &str) -> bool {
    text.split_whitespace()
        .next_back()
        .is_some_and(|w| CONNECTIVES.iter().any(|c| w.eq_ignore_ascii_case(c)))
}
