//! A decoded manuscript: its name, its text (UTF-8, `\n` line ends) and a line index.

/// A manuscript after decoding.
#[derive(Debug, Clone)]
pub struct Source {
    /// The name shown in diagnostics (the path as given).
    pub name: String,
    /// The text: UTF-8, BOM removed, CRLF and CR turned into LF; form feeds kept.
    pub text: String,
    /// Byte offset of the start of each line.
    line_starts: Vec<usize>,
}

impl Source {
    /// Indexes already-decoded text.
    pub fn new(name: impl Into<String>, text: String) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Source {
            name: name.into(),
            text,
            line_starts,
        }
    }

    /// The text of 1-based line `n` without its line end, if it exists.
    pub fn line(&self, n: usize) -> Option<&str> {
        let start = *self.line_starts.get(n.checked_sub(1)?)?;
        let end = self.line_starts.get(n).map_or(self.text.len(), |e| e - 1);
        self.text.get(start..end.max(start))
    }

    /// Number of lines.
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The 1-based line holding byte offset `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= offset)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_indexed() {
        let s = Source::new("t", "a\nbb\n\nccc".into());
        let cases = [
            (1, Some("a")),
            (2, Some("bb")),
            (3, Some("")),
            (4, Some("ccc")),
            (5, None),
            (0, None),
        ];
        for (n, want) in cases {
            assert_eq!(s.line(n), want, "line {n}");
        }
        assert_eq!(s.line_count(), 4);
        assert_eq!(s.line_of(0), 1);
        assert_eq!(s.line_of(3), 2);
        assert_eq!(s.line_of(6), 4);
    }
}
