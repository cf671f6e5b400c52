//! 诊断输出 (diagnostic rendering): rustc-style reports through codespan-reporting — header with
//! code, `--> file:line:col`, the source line with a caret, `= help:` hints — with each code's
//! repeats capped and a summary line at the end.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::ops::Range;

use codespan_reporting::diagnostic::{self as cs, Label};
use codespan_reporting::files::{Error as FilesError, Files as CsFiles};
use codespan_reporting::term::{self, termcolor};

use super::{Code, Diagnostic, Origin, Severity};

/// How many diagnostics of one code are shown before the rest are counted in one line.
pub const SHOWN_PER_CODE: usize = 20;

/// Longest excerpt of a source line shown under a diagnostic, in characters (lines can be
/// megabytes long).
const EXCERPT_CHARS: usize = 120;

/// A file diagnostics point into: its name as shown and its text.
#[derive(Debug, Clone, Copy)]
pub struct SourceFile<'a> {
    /// The name shown after `-->` (the path as given).
    pub name: &'a str,
    /// The whole text.
    pub text: &'a str,
}

impl<'a> From<&'a crate::source::Source> for SourceFile<'a> {
    fn from(s: &'a crate::source::Source) -> Self {
        SourceFile {
            name: &s.name,
            text: &s.text,
        }
    }
}

/// The files a build's diagnostics point into.
#[derive(Debug, Clone, Copy)]
pub struct Sources<'a> {
    /// The manuscript.
    pub manuscript: SourceFile<'a>,
    /// The `book.toml`, when one was given.
    pub config: Option<SourceFile<'a>>,
}

/// How to render.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// ANSI colours (for a terminal).
    pub color: bool,
    /// Diagnostics shown per code before the rest are summed up.
    pub per_code: usize,
}

impl Default for Style {
    fn default() -> Self {
        Style {
            color: false,
            per_code: SHOWN_PER_CODE,
        }
    }
}

/// One source line cut to [`EXCERPT_CHARS`], control characters shown as U+FFFD, presented to
/// codespan as a one-line file that reports the real line number.
struct Excerpt {
    name: String,
    text: String,
    line: usize,
}

impl<'a> CsFiles<'a> for Excerpt {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, FilesError> {
        Ok(&self.name)
    }

    fn source(&'a self, (): ()) -> Result<&'a str, FilesError> {
        Ok(&self.text)
    }

    fn line_index(&'a self, (): (), _byte: usize) -> Result<usize, FilesError> {
        Ok(0)
    }

    fn line_number(&'a self, (): (), _line_index: usize) -> Result<usize, FilesError> {
        Ok(self.line)
    }

    fn line_range(&'a self, (): (), line_index: usize) -> Result<Range<usize>, FilesError> {
        match line_index {
            0 => Ok(0..self.text.len()),
            _ => Err(FilesError::LineTooLarge {
                given: line_index,
                max: 0,
            }),
        }
    }
}

/// The excerpt of `d`'s line and the label range inside it.
fn excerpt(d: &Diagnostic, file: SourceFile<'_>) -> Option<(Excerpt, Range<usize>)> {
    let (start, end) = d.span.bytes?;
    let text = file.text;
    let line_start = text[..start.min(text.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let rest = &text[line_start..];
    let line = &rest[..rest.find('\n').unwrap_or(rest.len())];
    let mut shown = String::new();
    let mut map_start = None;
    let mut map_end = None;
    let mut cut = false;
    for (n, (i, c)) in line.char_indices().enumerate() {
        if n == EXCERPT_CHARS {
            cut = true;
            break;
        }
        if map_start.is_none() && line_start + i >= start {
            map_start = Some(shown.len());
        }
        if map_end.is_none() && line_start + i >= end {
            map_end = Some(shown.len());
        }
        shown.push(if c.is_control() && c != '\t' {
            '\u{FFFD}'
        } else {
            c
        });
    }
    let len = shown.len();
    if cut {
        shown.push('…');
    }
    let a = map_start.unwrap_or(len);
    let b = map_end.unwrap_or(len).max(a);
    Some((
        Excerpt {
            name: file.name.to_string(),
            text: shown,
            line: d.span.line,
        },
        a..b,
    ))
}

fn severity(s: Severity) -> cs::Severity {
    match s {
        Severity::Note => cs::Severity::Note,
        Severity::Warning => cs::Severity::Warning,
        Severity::Error => cs::Severity::Error,
    }
}

/// Renders one diagnostic (ending with a blank line).
pub fn render_one(d: &Diagnostic, files: &Sources<'_>, style: Style) -> String {
    let file = match d.origin {
        Origin::Manuscript => Some(files.manuscript),
        Origin::Config => files.config,
    };
    let mut diag = cs::Diagnostic::new(severity(d.severity))
        .with_code(d.code.as_str())
        .with_message(&d.message)
        .with_notes(d.hints.iter().map(|h| format!("help: {h}")).collect());
    let excerpt = file.and_then(|f| excerpt(d, f));
    let mut place = None;
    let files_for = match excerpt {
        Some((ex, range)) => {
            diag = diag.with_label(Label::primary((), range));
            ex
        }
        None => {
            // No line to show: the place goes under the header, as rustc prints it.
            let name = file.map_or("", |f| f.name);
            place = Some(match d.span.line {
                0 => format!("  ┌─ {name}\n"),
                l => format!("  ┌─ {name}:{l}\n"),
            });
            Excerpt {
                name: name.to_string(),
                text: String::new(),
                line: d.span.line,
            }
        }
    };
    let config = term::Config::default();
    let mut out = if style.color {
        termcolor::Buffer::ansi()
    } else {
        termcolor::Buffer::no_color()
    };
    if term::emit_to_write_style(&mut out, &config, &files_for, &diag).is_err() {
        return format!("{d}\n\n");
    }
    let mut s = String::from_utf8_lossy(out.as_slice()).into_owned();
    if let Some(place) = place {
        let at = s.find('\n').map_or(s.len(), |i| i + 1);
        s.insert_str(at, &place);
    }
    s
}

/// Every diagnostic rendered, at most `style.per_code` per code (then one "… and N more like
/// this" line for that code), followed by the summary line (`1 error, 10 warnings`).
pub fn render_all(diags: &[Diagnostic], files: &Sources<'_>, style: Style) -> String {
    let mut seen: BTreeMap<Code, usize> = BTreeMap::new();
    let mut out = String::new();
    for d in diags {
        let n = seen.entry(d.code).or_insert(0);
        *n += 1;
        if *n <= style.per_code {
            out.push_str(&render_one(d, files, style));
        }
    }
    for (code, n) in &seen {
        if *n > style.per_code {
            let _ = writeln!(
                out,
                "{}[{code}]: … and {} more like this\n",
                code.severity().name(),
                thousands(n - style.per_code)
            );
        }
    }
    if let Some(line) = summary(diags) {
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// `1 error, 10 warnings, 2 notes`; `None` when there are no diagnostics.
pub fn summary(diags: &[Diagnostic]) -> Option<String> {
    let count = |s: Severity| diags.iter().filter(|d| d.severity == s).count();
    let parts: Vec<String> = [
        (Severity::Error, "error", "errors"),
        (Severity::Warning, "warning", "warnings"),
        (Severity::Note, "note", "notes"),
    ]
    .into_iter()
    .filter_map(|(s, one, many)| match count(s) {
        0 => None,
        1 => Some(format!("1 {one}")),
        n => Some(format!("{} {many}", thousands(n))),
    })
    .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// `999990` → `999,990`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(text: &str) -> Sources<'_> {
        Sources {
            manuscript: SourceFile {
                name: "book.txt",
                text,
            },
            config: None,
        }
    }

    #[test]
    fn renders_code_place_caret_and_hint() {
        let text = "标题\n第一章\n正文。\n";
        let mut d = Diagnostic::new(
            Code::ChapterUntitled,
            2,
            "chapter label 第一章 has no title",
        )
        .with_hint("add the title line");
        d.resolve(text);
        let got = render_one(&d, &files(text), Style::default());
        assert!(
            got.starts_with("warning[P0301]: chapter label 第一章 has no title\n"),
            "{got}"
        );
        assert!(got.contains("book.txt:2:1"), "{got}");
        assert!(got.contains("2 │ 第一章"), "{got}");
        assert!(got.contains("^^^^^^"), "{got}");
        assert!(got.contains("= help: add the title line"), "{got}");
        assert!(!got.contains('\u{1b}'), "no colour unless asked");
        let coloured = render_one(
            &d,
            &files(text),
            Style {
                color: true,
                ..Style::default()
            },
        );
        assert!(coloured.contains('\u{1b}'), "{coloured}");
    }

    #[test]
    fn long_lines_and_controls_are_cut() {
        let text = format!("\u{1b}[31m{}\n", "长".repeat(100_000));
        let mut d = Diagnostic::new(Code::ControlCharacters, 1, "controls");
        d.resolve(&text);
        let got = render_one(&d, &files(&text), Style::default());
        assert!(got.len() < 2_000, "{} bytes", got.len());
        assert!(!got.contains('\u{1b}'), "{got}");
        assert!(got.contains('…'), "{got}");
    }

    #[test]
    fn repeats_are_capped_and_summed_up() {
        let text = "a\n";
        let mut diags: Vec<Diagnostic> = (0..25)
            .map(|_| Diagnostic::new(Code::MarkerWithoutNote, 1, "marker"))
            .collect();
        diags.push(Diagnostic::new(Code::IsbnInvalid, 1, "bad isbn"));
        let style = Style {
            per_code: 3,
            ..Style::default()
        };
        let got = render_all(&diags, &files(text), style);
        assert_eq!(got.matches("warning[P0503]: marker").count(), 3, "{got}");
        assert!(
            got.contains("warning[P0503]: … and 22 more like this"),
            "{got}"
        );
        assert!(got.ends_with("1 error, 25 warnings\n"), "{got}");
    }

    #[test]
    fn summaries_and_thousands() {
        assert_eq!(summary(&[]), None);
        assert_eq!(thousands(999_990), "999,990");
        assert_eq!(thousands(12), "12");
        assert_eq!(thousands(1000), "1,000");
    }
}
