//! Diagnostics (诊断): what the reader could not decide, reported like a compiler with file:line,
//! each with a stable code (`P0xxx`) whose severity is fixed in one table ([`Code`]).

mod render;

use std::fmt;

pub use render::{SHOWN_PER_CODE, SourceFile, Sources, Style, render_all, render_one, summary};

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Informational: a decision the reader made that a person may want to confirm.
    Note,
    /// Something is probably wrong in the manuscript or was recovered by guessing.
    Warning,
    /// The output would be wrong or incomplete: the build fails and writes nothing.
    Error,
}

impl Severity {
    /// `note`, `warning` or `error`.
    pub fn name(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// Declares [`Code`]: variant, `P0xxx` code, severity, the book.toml field that settles it,
/// and a doc line — one row per kind of diagnostic.
macro_rules! codes {
    ($($(#[doc = $doc:literal])* $name:ident = $code:literal, $sev:ident, $field:expr;)*) => {
        /// A diagnostic's stable code (诊断代码): one kind of finding, its severity and the
        /// `book.toml` field, if any, whose value makes the finding moot.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $($(#[doc = $doc])* $name,)*
        }

        impl Code {
            /// Every code, in code order.
            pub const ALL: &'static [Code] = &[$(Code::$name,)*];

            /// The stable code (`P0201`).
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$name => $code,)* }
            }

            /// How serious a diagnostic of this kind is.
            pub fn severity(self) -> Severity {
                match self { $(Code::$name => Severity::$sev,)* }
            }

            /// The `book.toml` key whose value settles this finding (a user-set `isbn` makes a
            /// bad printed ISBN moot), if there is one.
            pub fn field(self) -> Option<&'static str> {
                match self { $(Code::$name => $field,)* }
            }
        }
    };
}

codes! {
    // P01xx: the manuscript's text.
    /// Control characters XML does not allow were removed from a line.
    ControlCharacters = "P0101", Warning, None;
    /// A page is set in two columns that the extraction put side by side on each line.
    TwoColumnPage = "P0110", Warning, None;
    /// A line the reader could not place (a heading's title line without its heading) is
    /// kept in the body as a paragraph.
    UnplacedLine = "P0111", Warning, None;
    // P02xx: metadata on the title and copyright pages.
    /// A printed ISBN is malformed or has a wrong check digit.
    IsbnInvalid = "P0201", Error, Some("isbn");
    /// A second print ISBN differs from the first one; the first is kept.
    IsbnConflict = "P0202", Warning, Some("isbn");
    /// A second e-book ISBN differs from the first one; the first is kept.
    EbookIsbnConflict = "P0203", Warning, Some("ebook_isbn");
    /// 版次 and the CIP imprint give different publication dates.
    DateConflict = "P0204", Warning, Some("date");
    /// Several title pages: the reader chose one as the title page.
    TitlePageChosen = "P0205", Note, None;
    /// A line of a CIP record is kept as printed, but no field of the metadata was read
    /// from it.
    CipLineUnread = "P0206", Note, None;
    // P03xx: headings and divisions.
    /// A chapter label has no title line after it.
    ChapterUntitled = "P0301", Warning, None;
    /// A section heading comes before any chapter.
    SectionBeforeChapter = "P0302", Warning, None;
    /// Text comes before any heading and is kept as an untitled chapter.
    TextBeforeHeading = "P0303", Warning, None;
    /// Notes but no division to hold them: a 注释 division was made.
    NotesWithoutDivision = "P0304", Warning, None;
    /// Two divisions had the same id; the later one was renamed ([`crate::model::Book::settle_ids`]).
    DuplicateId = "P0305", Warning, None;
    /// More headings or divisions than a book may have ([`crate::reader::limits::MAX_DIVISIONS`]):
    /// reading stops and nothing is written.
    TooManyDivisions = "P0306", Error, None;
    // P04xx: the printed contents (目录).
    /// Page numbers in the printed contents go backwards.
    ContentsPageOrder = "P0401", Warning, None;
    /// A contents entry matches a body heading whose title reads differently.
    ContentsTitleDiffers = "P0402", Note, None;
    /// A contents entry has no heading in the body.
    ContentsEntryMissing = "P0403", Warning, None;
    /// A body heading is not listed in the printed contents.
    HeadingNotInContents = "P0404", Warning, None;
    // P05xx: notes (注释).
    /// An endnote has no marker in its chapter.
    EndnoteUnmarked = "P0501", Warning, None;
    /// A footnote has no marker before it on its page.
    NoteUnmarked = "P0502", Warning, None;
    /// A marker has no note at the foot of its page.
    MarkerWithoutNote = "P0503", Warning, None;
    /// A note is never referenced; it is kept at the end of its division.
    NoteUnreferenced = "P0504", Warning, None;
    /// A note reference points to a note that does not exist.
    NoteMissing = "P0505", Error, None;
    // P06xx: writer inputs.
    /// The cover image is too small to look sharp.
    CoverSmall = "P0601", Warning, None;
    // P07xx: book.toml.
    /// book.toml is not valid TOML or has an unknown key or a wrong type.
    ConfigSyntax = "P0701", Error, None;
    /// A book.toml value is invalid (ISBN, date, language, role, trim, control characters).
    ConfigValue = "P0702", Error, None;
    // P08xx: Markdown input.
    /// The Markdown's YAML metadata block is not YAML, or one of its values is invalid.
    MarkdownMetadata = "P0801", Error, None;
    /// A metadata key of the Markdown is not a book field and was ignored.
    MarkdownUnknownKey = "P0802", Warning, None;
    /// A note label is defined twice in the Markdown (a repeated heading id is [`Code::DuplicateId`]).
    MarkdownDuplicate = "P0803", Warning, None;
    /// The Markdown has no title (no `title:` and no lone first `#` heading).
    MarkdownNoTitle = "P0804", Warning, Some("title");
    /// A heading or div attribute of the Markdown has a value paiban does not know.
    MarkdownAttribute = "P0805", Warning, None;
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Code {
    type Err = String;

    /// Parses `P0201` (case-insensitive).
    fn from_str(s: &str) -> Result<Self, String> {
        Code::ALL
            .iter()
            .copied()
            .find(|c| c.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| format!("unknown diagnostic code {s:?} (codes look like P0201)"))
    }
}

/// A position in a file: 1-based line and column (in characters), 0 when unknown, and the byte
/// range it covers once resolved against the text ([`Diagnostic::resolve`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// 1-based line, 0 when the diagnostic concerns the whole file.
    pub line: usize,
    /// 1-based column in characters, 0 when unknown.
    pub col: usize,
    /// Byte range `start..end` in the file's text, when known.
    pub bytes: Option<(usize, usize)>,
}

impl Span {
    /// A span at the start of a line.
    pub fn line(line: usize) -> Self {
        Span {
            line,
            col: 0,
            bytes: None,
        }
    }
}

/// Which file a diagnostic is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Origin {
    /// The manuscript.
    #[default]
    Manuscript,
    /// The `book.toml` given with `--meta`.
    Config,
}

/// One diagnostic: code, severity, where, what, and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// What kind of finding this is.
    pub code: Code,
    /// How serious it is (the code's severity).
    pub severity: Severity,
    /// The file it is about.
    pub origin: Origin,
    /// Where in that file.
    pub span: Span,
    /// What was found, in one sentence.
    pub message: String,
    /// How to fix or silence it.
    pub hints: Vec<String>,
}

impl Diagnostic {
    /// A diagnostic of kind `code` at a manuscript line, with the code's severity.
    pub fn new(code: Code, line: usize, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            severity: code.severity(),
            origin: Origin::Manuscript,
            span: Span::line(line),
            message: message.into(),
            hints: Vec::new(),
        }
    }

    /// The same diagnostic with one more hint.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hints.push(hint.into());
        self
    }

    /// The same diagnostic about another file.
    pub fn in_file(mut self, origin: Origin) -> Self {
        self.origin = origin;
        self
    }

    /// The same diagnostic over the byte range `start..end` of its file's `text`; line and
    /// column are computed from it.
    pub fn at_bytes(mut self, text: &str, start: usize, end: usize) -> Self {
        let start = floor_char(text, start.min(text.len()));
        let end = floor_char(text, end.clamp(start, text.len()));
        let before = &text[..start];
        self.span = Span {
            line: before.matches('\n').count() + 1,
            col: before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1,
            bytes: Some((start, end)),
        };
        self
    }

    /// Fills in the byte range of a line-only span: the line's text without its surrounding
    /// white space (an empty range at its start when blank).
    pub fn resolve(&mut self, text: &str) {
        if self.span.bytes.is_some() || self.span.line == 0 {
            return;
        }
        let Some((start, line)) = text
            .split_inclusive('\n')
            .scan(0, |offset, l| {
                let start = *offset;
                *offset += l.len();
                Some((start, l))
            })
            .nth(self.span.line - 1)
        else {
            return;
        };
        let body = line.trim_end_matches(['\n', '\r']);
        let lead = body.len() - body.trim_start().len();
        let trimmed = body.trim();
        self.span.bytes = Some((start + lead, start + lead + trimmed.len()));
    }
}

/// The largest char boundary at or before `i`.
fn floor_char(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Fills in the byte ranges of every manuscript diagnostic from the manuscript text (one pass).
pub fn resolve_all(diags: &mut [Diagnostic], text: &str) {
    let mut starts = vec![0];
    starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
    for d in diags.iter_mut().filter(|d| d.origin == Origin::Manuscript) {
        if d.span.bytes.is_some() || d.span.line == 0 || d.span.line > starts.len() {
            continue;
        }
        let start = starts[d.span.line - 1];
        let end = starts.get(d.span.line).map_or(text.len(), |e| e - 1);
        let body = &text[start..end];
        let lead = body.len() - body.trim_start().len();
        d.span.bytes = Some((start + lead, start + lead + body.trim().len()));
    }
}

impl fmt::Display for Diagnostic {
    /// One line, as the golden `diagnostics.txt` files hold them: `warning[P0301]: line 7: …`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}[{}]: line {}: {}",
            self.severity.name(),
            self.code,
            self.span.line,
            self.message
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_parse_back() {
        let mut seen = std::collections::HashSet::new();
        for &c in Code::ALL {
            assert!(seen.insert(c.as_str()), "{c} twice");
            assert_eq!(c.as_str().parse::<Code>(), Ok(c));
            assert!(c.as_str().starts_with("P0") && c.as_str().len() == 5, "{c}");
        }
        assert_eq!("p0201".parse::<Code>(), Ok(Code::IsbnInvalid));
        assert!("P9999".parse::<Code>().is_err());
    }

    #[test]
    fn severity_comes_from_the_code() {
        let cases = [
            (Code::IsbnInvalid, Severity::Error),
            (Code::ChapterUntitled, Severity::Warning),
            (Code::ContentsTitleDiffers, Severity::Note),
        ];
        for (code, want) in cases {
            assert_eq!(Diagnostic::new(code, 1, "x").severity, want, "{code}");
        }
    }

    #[test]
    fn spans_resolve_to_the_trimmed_line() {
        let text = "first\n  second line  \nthird";
        let mut all = vec![
            Diagnostic::new(Code::ChapterUntitled, 2, "x"),
            Diagnostic::new(Code::ChapterUntitled, 3, "y"),
            Diagnostic::new(Code::ChapterUntitled, 0, "whole file"),
        ];
        let mut one = all[0].clone();
        one.resolve(text);
        resolve_all(&mut all, text);
        assert_eq!(all[0].span.bytes, Some((8, 19)));
        assert_eq!(&text[8..19], "second line");
        assert_eq!(one.span, all[0].span);
        assert_eq!(all[1].span.bytes, Some((22, 27)));
        assert_eq!(all[2].span.bytes, None);
    }

    #[test]
    fn byte_spans_give_line_and_column() {
        let text = "a = 1\ntitle = \"x\"\n";
        let d = Diagnostic::new(Code::ConfigValue, 0, "bad").at_bytes(text, 14, 17);
        assert_eq!((d.span.line, d.span.col), (2, 9));
        assert_eq!(d.span.bytes, Some((14, 17)));
    }

    #[test]
    fn display_carries_the_code() {
        let d = Diagnostic::new(Code::ChapterUntitled, 7, "no title");
        assert_eq!(d.to_string(), "warning[P0301]: line 7: no title");
    }
}
