//! Line kinds (行类型): what each manuscript line is, shared by every pass. A leaf module: it
//! imports nothing else from the reader.

use crate::model::DivisionKind;

/// What a manuscript line is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// An empty or white-space line.
    Blank,
    /// `第一章` alone; its title is on the next non-blank line.
    ChapterLabel {
        /// The label as printed.
        label: String,
    },
    /// `第1章 标题`: label and title on one line.
    Chapter {
        /// The label as printed.
        label: String,
        /// The title.
        title: String,
    },
    /// `第一编` / `Part I` alone; its title (if any) is on the next line.
    PartLabel {
        /// The label as printed.
        label: String,
    },
    /// `第一编　标题` / `Part II: title`: a part (编) heading on one line.
    Part {
        /// The label as printed.
        label: String,
        /// The title.
        title: String,
    },
    /// A numbered heading the outline pass placed at a level (0 part, 1 chapter, 2 section,
    /// 3 subsection …) from its numbering sequence (set by `outline`).
    Heading {
        /// Level in the book's outline.
        level: u8,
        /// The label as printed (`2.3`, `§1.2`, `A`, `Chapter IV`).
        label: String,
        /// The title; empty when a [`Kind::HeadingTitle`] line follows.
        title: String,
    },
    /// `三月五日 晴。今天……`: a heading run into the first line of its text (a diary entry's
    /// date, or a command entry's name before its arguments): the trimmed line's first `at`
    /// bytes are the title, the rest opens a paragraph (set by diary and by the outline's
    /// command entries).
    RunIn {
        /// Level in the book's outline (1 chapter, 2 section, 3 and deeper subsections).
        level: u8,
        /// Byte length of the title in the trimmed line.
        at: usize,
    },
    /// `（一）标题`: a section heading.
    Section {
        /// The label, normalised to full-width brackets.
        label: String,
        /// The title.
        title: String,
    },
    /// A front or back-matter heading (序, 目录, 后记 …).
    Matter {
        /// What division it opens.
        kind: DivisionKind,
        /// The heading, letter-spacing removed.
        title: String,
    },
    /// `^① text`: a footnote (脚注) at a page foot.
    Note {
        /// The marker glyph (`①`).
        mark: String,
        /// The note text.
        text: String,
    },
    /// A line continuing the footnote above it (set by context).
    NoteContinuation,
    /// `2007年12月`: a date line (日期).
    Dateline,
    /// `——…`: an em-dash-led item (破折号条目).
    ListItem,
    /// Running text (正文).
    Text,
    /// Page furniture (书眉, 页码): a running head or printed page number (set by furniture).
    Furniture,
    /// A line of a block quotation (引文), indented on every line (set by layout).
    Quote,
    /// The title line after a [`Kind::ChapterLabel`] (set by context).
    HeadingTitle,
    /// A heading's label printed alone below its title (`Title` / `2`), kept as the label of
    /// the [`Kind::Heading`] above it (set by outline, from the printed contents).
    HeadingLabel,
    /// The signature closing a preface (署名) (set by context).
    Signature,
    /// A line printed above a heading, e.g. the book title atop 内容提要 (set by context).
    Kicker,
    /// A line of the printed contents (目录) (set by context).
    ContentsLine,
    /// A line of the title pages and colophon, read by `front_matter` (set by context).
    FrontMatterLine,
    /// A line of verse or of an indented passage whose line breaks are kept (set by typist).
    Verse,
    /// `*       *       *`: a scene break (分隔符) between two scenes (set by typist).
    SceneBreak,
    /// A line of `[Illustration: caption]` (插图说明) (set by typist).
    Illustration,
    /// A line of a table drawn with spaces, kept as printed (set by typist).
    Preformatted,
    /// `MY DEAR TOBIAS,`: the salutation opening a letter (set by letters).
    Salutation,
    /// `THE END`, `（全书完）`: the line closing the text (set by closing).
    EndMark,
}

impl Kind {
    /// Whether the line opens a division (chapter, section or matter heading).
    pub fn is_heading(&self) -> bool {
        matches!(
            self,
            Kind::ChapterLabel { .. }
                | Kind::Chapter { .. }
                | Kind::Heading { .. }
                | Kind::RunIn { .. }
                | Kind::PartLabel { .. }
                | Kind::Part { .. }
                | Kind::Section { .. }
                | Kind::Matter { .. }
        )
    }
}
