//! Manuscript lines with their 1-based line numbers, form feeds (换页) and control characters.

use std::borrow::Cow;

use crate::diag::{Code, Diagnostic};

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

/// Lines with the explicit page breaks (form feeds) removed from their text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PagedLines<'a> {
    /// The lines; a line holding a form feed mid-text is split in two with the same number.
    pub lines: Vec<Line<'a>>,
    /// `form_feed[i]`: a printed page starts at `lines[i]`.
    pub form_feed: Vec<bool>,
    /// Pages holding nothing but white space (空白页), skipped: how many, and the 1-based line
    /// of the first.
    pub blank_pages: (usize, usize),
    /// Number of form feeds in the text.
    pub feeds: usize,
}

/// Splits text into lines and turns form feeds into page-start flags.
pub fn split_pages(text: &str) -> PagedLines<'_> {
    let mut out = PagedLines::default();
    let mut pending = false;
    let mut page_empty = true;
    for line in split(text) {
        let parts = line.text.split('\u{c}');
        let mut first = true;
        for part in parts {
            if !first {
                if out.feeds > 0 && page_empty {
                    if out.blank_pages.0 == 0 {
                        out.blank_pages.1 = line.no;
                    }
                    out.blank_pages.0 += 1;
                }
                out.feeds += 1;
                pending = true;
                page_empty = true;
            }
            first = false;
            if !part.trim().is_empty() {
                page_empty = false;
            }
            if part.is_empty() && line.text.contains('\u{c}') {
                continue;
            }
            out.lines.push(Line {
                no: line.no,
                text: part,
            });
            out.form_feed.push(std::mem::take(&mut pending));
        }
    }
    out
}

/// Ligature characters a PDF extractor leaves in the text (合字), with their letters.
const LIGATURES: &[(char, &str)] = &[
    ('\u{FB00}', "ff"),
    ('\u{FB01}', "fi"),
    ('\u{FB02}', "fl"),
    ('\u{FB03}', "ffi"),
    ('\u{FB04}', "ffl"),
    ('\u{FB05}', "st"),
    ('\u{FB06}', "st"),
];

/// Replaces ligature characters (ﬁ ﬂ ﬀ ﬃ ﬄ) by their letters; returns the text, how many were
/// replaced and the 1-based line of the first.
pub fn normalise_ligatures(text: &str) -> (Cow<'_, str>, usize, usize) {
    // a search for each ligature (memchr on its last byte) finds most texts hold none
    if !LIGATURES.iter().any(|(l, _)| text.contains(*l)) {
        return (text.into(), 0, 0);
    }
    let mut out = String::with_capacity(text.len());
    let (mut count, mut first, mut line) = (0, 0, 1);
    for c in text.chars() {
        if c == '\n' {
            line += 1;
        }
        match LIGATURES.iter().find(|(l, _)| *l == c) {
            Some((_, letters)) => {
                count += 1;
                if first == 0 {
                    first = line;
                }
                out.push_str(letters);
            }
            None => out.push(c),
        }
    }
    (out.into(), count, first)
}

/// Whether XML 1.0 forbids the character (C0 controls except tab, LF; noncharacters).
fn xml_illegal(c: char) -> bool {
    (c < ' ' && !matches!(c, '\t' | '\n' | '\u{c}')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
}

/// Whether `text` holds a character [`xml_illegal`] names, found without decoding it: a C0 byte
/// (every byte looked at, so the scan vectorises) or the bytes of U+FFFE / U+FFFF.
fn holds_illegal(text: &str) -> bool {
    let c0 = |b: u8| (b < 0x20) & (b != b'\t') & (b != b'\n') & (b != 0x0C);
    text.as_bytes()
        .chunks(4096)
        .any(|chunk| chunk.iter().fold(false, |found, &b| found | c0(b)))
        || text.contains('\u{FFFE}')
        || text.contains('\u{FFFF}')
}

/// Removes XML-illegal control characters, one diagnostic per line that held any.
pub fn remove_controls(text: &str) -> (Cow<'_, str>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    if !holds_illegal(text) {
        return (text.into(), diags);
    }
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if !holds_illegal(line) {
            out.push_str(line);
            continue;
        }
        let bad: Vec<char> = line.chars().filter(|&c| xml_illegal(c)).collect();
        if let Some(first) = bad.first() {
            diags.push(
                Diagnostic::new(
                    Code::ControlCharacters,
                    i + 1,
                    format!(
                        "removed {} control character(s) (first U+{:04X}) that XML does not allow",
                        bad.len(),
                        *first as u32
                    ),
                )
                .with_hint("these usually come from a PDF extractor or OCR; check the line"),
            );
        }
        out.extend(line.chars().filter(|&c| !xml_illegal(c)));
    }
    (out.into(), diags)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (line number, text, a page starts here).
    type Expected = (usize, &'static str, bool);

    #[test]
    fn form_feeds_become_page_starts() {
        // input → (line number, text, page starts here)
        let cases: &[(&str, &[Expected])] = &[
            ("a\nb", &[(1, "a", false), (2, "b", false)]),
            ("a\n\u{c}b", &[(1, "a", false), (2, "b", true)]),
            ("a\u{c}\nb", &[(1, "a", false), (2, "b", true)]),
            ("a\u{c}b", &[(1, "a", false), (1, "b", true)]),
            ("a\n\u{c}\nb", &[(1, "a", false), (3, "b", true)]),
            (
                "a\n\nb",
                &[(1, "a", false), (2, "", false), (3, "b", false)],
            ),
        ];
        for (input, want) in cases {
            let got = split_pages(input);
            let got: Vec<Expected> = got
                .lines
                .iter()
                .zip(&got.form_feed)
                .map(|(l, f)| (l.no, l.text, *f))
                .collect();
            assert_eq!(&got, want, "{input:?}");
        }
    }

    #[test]
    fn ligatures_become_letters() {
        // input → (text, replaced, first line)
        let cases: &[(&str, (&str, usize, usize))] = &[
            ("plain", ("plain", 0, 0)),
            ("\u{FB01}rst \u{FB02}oor", ("first floor", 2, 1)),
            (
                "a\ne\u{FB00}ort, o\u{FB03}ce, ba\u{FB04}e",
                ("a\neffort, office, baffle", 3, 2),
            ),
            ("河流", ("河流", 0, 0)),
        ];
        for (input, (text, n, line)) in cases {
            let got = normalise_ligatures(input);
            assert_eq!(got, ((*text).into(), *n, *line), "{input:?}");
        }
    }

    #[test]
    fn blank_pages_are_counted() {
        /// (feeds, (blank pages, line of the first)).
        type Counts = (usize, (usize, usize));
        // input → counts
        let cases: &[(&str, Counts)] = &[
            ("a\u{c}b", (1, (0, 0))),
            ("a\u{c}\u{c}b", (2, (1, 1))),
            ("a\n\u{c}\n  \n\u{c}b\u{c}", (3, (1, 4))),
            ("a\nb", (0, (0, 0))),
        ];
        for (input, want) in cases {
            let got = split_pages(input);
            assert_eq!((got.feeds, got.blank_pages), *want, "{input:?}");
        }
    }

    #[test]
    fn control_characters_are_removed_with_their_line() {
        let cases: &[(&str, &str, &[usize])] = &[
            ("plain\ntext", "plain\ntext", &[]),
            ("a\u{1}b\nc", "ab\nc", &[1]),
            ("ok\n\u{7}x\u{1b}y", "ok\nxy", &[2]),
            ("tab\there\u{c}ff", "tab\there\u{c}ff", &[]),
            ("x\u{FFFE}y\u{FFFD}", "xy\u{FFFD}", &[1]),
            ("\r", "", &[1]),
            ("fine\nx\u{FFFF}\nfine\u{b}", "fine\nx\nfine", &[2, 3]),
        ];
        for (input, want, lines) in cases {
            let (text, diags) = remove_controls(input);
            assert_eq!(&text, want, "{input:?}");
            let got: Vec<usize> = diags.iter().map(|d| d.span.line).collect();
            assert_eq!(&got, lines, "{input:?}");
        }
    }
}
