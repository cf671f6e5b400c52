//! Manuscript lines with their 1-based line numbers.

/// One manuscript line: its 1-based number and its text (no line end).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line<'a> {
    /// 1-based line number in the decoded manuscript.
    pub no: usize,
    /// The text without its line end.
    pub text: &'a str,
}

/// Splits text into numbered lines.
pub fn split(text: &str) -> Vec<Line<'_>> {
    text.split('\n')
        .enumerate()
        .map(|(i, t)| Line { no: i + 1, text: t })
        .collect()
}
