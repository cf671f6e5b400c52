//! Inline content as pandoc Markdown: text escaped so that it reads back exactly, note
//! references as `[^n]`, page marks as `[]{.pagebreak page="17"}`, print line breaks as hard
//! breaks (`\` at the end of the line), or as `[]{.br}` where a line cannot break.

use crate::model::{Inline, NoteId};

/// Where an inline run is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// A paragraph: a line break becomes a hard break, continuation lines start with `indent`.
    Block,
    /// A heading or table cell: one line; `|` is escaped in cells.
    Line {
        /// In a pipe-table cell.
        cell: bool,
    },
}

/// The footnote label of a note: its 1-based position in the book's note list.
pub fn note_label(id: NoteId) -> usize {
    id.index() + 1
}

/// Renders `content` for `place`; `indent` starts every continuation line of a block.
pub fn inlines(content: &[Inline], place: Place, indent: &str) -> String {
    let mut w = InlineWriter {
        out: String::new(),
        line_start: true,
        place,
        indent,
    };
    for i in content {
        w.inline(i);
    }
    w.finish_line();
    w.out
}

/// An attribute value in double quotes, `"` and `\` escaped.
pub fn quoted(v: &str) -> String {
    let mut s = String::with_capacity(v.len() + 2);
    s.push('"');
    for c in v.chars() {
        if matches!(c, '"' | '\\') {
            s.push('\\');
        }
        s.push(c);
    }
    s.push('"');
    s
}

struct InlineWriter<'a> {
    out: String,
    /// Nothing but indentation written on the current line yet.
    line_start: bool,
    place: Place,
    indent: &'a str,
}

impl InlineWriter<'_> {
    fn inline(&mut self, i: &Inline) {
        match i {
            Inline::Text(t) => self.text(t),
            Inline::NoteRef(id) => self.raw(&format!("[^{}]", note_label(*id))),
            Inline::PageBreak(p) => {
                let counted = if p.printed { "" } else { " .counted" };
                self.raw(&format!(
                    "[]{{.pagebreak{counted} page={}}}",
                    quoted(&p.number)
                ));
            }
            Inline::LineBreak => match self.place {
                Place::Block => {
                    self.finish_line();
                    self.out.push_str("\\\n");
                    self.out.push_str(self.indent);
                    self.line_start = true;
                }
                Place::Line { .. } => self.raw("[]{.br}"),
            },
            Inline::Emphasis(inner) | Inline::Strong(inner) => {
                let mark = if matches!(i, Inline::Emphasis(_)) {
                    "*"
                } else {
                    "**"
                };
                self.raw(mark);
                for i in inner {
                    self.inline(i);
                }
                self.raw(mark);
            }
        }
    }

    fn raw(&mut self, s: &str) {
        self.out.push_str(s);
        self.line_start = false;
    }

    /// Keeps a trailing space of the line: Markdown strips white space at a line's end.
    fn finish_line(&mut self) {
        if self.out.ends_with(' ') {
            self.out.pop();
            self.out.push_str("&#32;");
        } else if self.out.ends_with('\t') {
            self.out.pop();
            self.out.push_str("&#9;");
        }
    }

    fn text(&mut self, t: &str) {
        let cell = matches!(self.place, Place::Line { cell: true });
        let mut chars = t.chars().peekable();
        while let Some(c) = chars.next() {
            if self.line_start && self.place == Place::Block {
                match c {
                    // Leading white space would be stripped or start a code block.
                    ' ' => {
                        self.raw("&#32;");
                        continue;
                    }
                    '\t' => {
                        self.raw("&#9;");
                        continue;
                    }
                    // Block markers at a line's start: lists, quotes, headings, fences,
                    // definition lists, setext underlines, thematic breaks.
                    '-' | '+' | '=' | ':' | '>' | '#' | '%' | '|' => {
                        self.raw(&format!("\\{c}"));
                        continue;
                    }
                    '0'..='9' => {
                        // `1.` and `1)` open an ordered list: escape the punctuation.
                        let mut digits = String::from(c);
                        while let Some(d) = chars.peek().copied().filter(char::is_ascii_digit) {
                            digits.push(d);
                            chars.next();
                        }
                        self.raw(&digits);
                        if let Some(p) = chars.peek().copied().filter(|p| matches!(p, '.' | ')')) {
                            chars.next();
                            self.raw(&format!("\\{p}"));
                        }
                        continue;
                    }
                    _ => {}
                }
            }
            let after_word = self
                .out
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
            match c {
                // pandoc reads `@key` as a citation, not `name@host`.
                '@' if after_word => self.out.push(c),
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '{' | '}' | '$' | '^' | '~'
                | '@' | '&' | '#' => {
                    self.out.push('\\');
                    self.out.push(c);
                }
                '|' if cell => self.out.push_str("\\|"),
                '\n' => self.out.push_str("&#10;"),
                '\r' => self.out.push_str("&#13;"),
                _ => self.out.push(c),
            }
            self.line_start = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PageMark;

    fn t(s: &str) -> Inline {
        Inline::Text(s.into())
    }

    #[test]
    fn text_is_escaped_where_markdown_would_read_it() {
        let block = Place::Block;
        let cases: &[(&[Inline], Place, &str)] = &[
            (&[t("正文。")], block, "正文。"),
            (
                &[t("a*b*_c_ [x](y) <b> $1$ ^2^ ~s~ @key &amp;")],
                block,
                "a\\*b\\*\\_c\\_ \\[x\\](y) \\<b\\> \\$1\\$ \\^2\\^ \\~s\\~ \\@key \\&amp;",
            ),
            (&[t("# 不是标题")], block, "\\# 不是标题"),
            (&[t("- 不是列表")], block, "\\- 不是列表"),
            (&[t("1. 不是列表")], block, "1\\. 不是列表"),
            (&[t("2019) 年")], block, "2019\\) 年"),
            (&[t("::: 不是围栏")], block, "\\::: 不是围栏"),
            (&[t("  缩进")], block, "&#32; 缩进"),
            (&[t("尾空格 ")], block, "尾空格&#32;"),
            (&[t("a|b")], block, "a|b"),
            (&[t("a|b")], Place::Line { cell: true }, "a\\|b"),
            (
                &[t("甲"), Inline::LineBreak, t("- 乙")],
                block,
                "甲\\\n\\- 乙",
            ),
            (
                &[t("甲"), Inline::LineBreak, t("乙")],
                Place::Line { cell: false },
                "甲[]{.br}乙",
            ),
            (
                &[t("注"), Inline::NoteRef(NoteId::new(2)), t("。")],
                block,
                "注[^3]。",
            ),
            (
                &[Inline::PageBreak(PageMark {
                    number: "17".into(),
                    printed: true,
                })],
                block,
                "[]{.pagebreak page=\"17\"}",
            ),
            (
                &[Inline::PageBreak(PageMark {
                    number: "3".into(),
                    printed: false,
                })],
                block,
                "[]{.pagebreak .counted page=\"3\"}",
            ),
            (&[t("a\nb")], block, "a&#10;b"),
        ];
        for (content, place, want) in cases {
            assert_eq!(inlines(content, *place, ""), *want, "{content:?}");
        }
    }

    #[test]
    fn attribute_values_are_quoted() {
        assert_eq!(quoted("①"), "\"①\"");
        assert_eq!(quoted("a\"b\\c"), "\"a\\\"b\\\\c\"");
    }
}
