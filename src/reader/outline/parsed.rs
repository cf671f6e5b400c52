//! Each line's numbered-heading shape ([`label::parse`]) parsed once: the running-head pass
//! and the candidate pass ask for the same lines, and the kinds they change between them do
//! not change a line's text.

use std::cell::OnceCell;

use crate::reader::Line;

use super::label::{self, Numbered};

/// Each line's [`label::parse`], parsed on first asking.
pub struct Parsed<'l, 'a> {
    lines: &'l [Line<'a>],
    cells: Vec<OnceCell<Option<Numbered>>>,
}

impl<'l, 'a> Parsed<'l, 'a> {
    /// Nothing parsed yet.
    pub fn new(lines: &'l [Line<'a>]) -> Self {
        Parsed {
            lines,
            cells: (0..lines.len()).map(|_| OnceCell::new()).collect(),
        }
    }

    /// Line `i`'s shape: [`label::parse`] of its text.
    pub fn get(&self, i: usize) -> Option<&Numbered> {
        self.cells[i]
            .get_or_init(|| label::parse(self.lines[i].text))
            .as_ref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_line_parses_as_label_parse_says() {
        let texts = [
            "Chapter 3: Basic Shell Features",
            "plain prose.",
            "  第三回 渡口",
            "",
        ];
        let text = texts.join("\n");
        let lines = crate::reader::lines::split(&text);
        let parsed = Parsed::new(&lines);
        for _ in 0..2 {
            for (i, t) in texts.iter().enumerate() {
                assert_eq!(parsed.get(i), label::parse(t).as_ref(), "{t:?}");
            }
        }
    }
}
