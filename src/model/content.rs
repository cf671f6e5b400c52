//! Content types: divisions (篇章), blocks (段落), inlines and notes (注释).

use serde::{Deserialize, Serialize};

use super::{CipRecord, note_refs};

/// The kind of a division, named after its EPUB 3 structural semantics.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DivisionKind {
    /// 封面 (cover).
    Cover,
    /// 书名页 / 扉页 (title page).
    TitlePage,
    /// 版权页 (copyright page: CIP block and colophon).
    #[serde(rename = "copyright")]
    CopyrightPage,
    /// 献词 (dedication).
    Dedication,
    /// 序 (preface written by someone else, or by the author: 自序).
    Preface,
    /// 前言 / Foreword.
    Foreword,
    /// 内容提要 (abstract).
    Abstract,
    /// 目录 (printed table of contents).
    Contents,
    /// 导论 / Introduction (in the body).
    Introduction,
    /// 编 / Part: a group of chapters.
    Part,
    /// 章 (chapter).
    Chapter,
    /// 节 / （一） (section inside a chapter).
    Section,
    /// 小节 (sub-section inside a section).
    Subsection,
    /// 注释 (endnotes collected at the end of a chapter or book).
    Endnotes,
    /// 参考文献 (bibliography).
    Bibliography,
    /// 附录 (appendix).
    Appendix,
    /// 后记 (afterword).
    Afterword,
    /// 索引 (index).
    Index,
    /// 致谢 (acknowledgments).
    Acknowledgments,
}

impl DivisionKind {
    /// Every kind, in the order declared.
    pub const ALL: [DivisionKind; 19] = [
        DivisionKind::Cover,
        DivisionKind::TitlePage,
        DivisionKind::CopyrightPage,
        DivisionKind::Dedication,
        DivisionKind::Preface,
        DivisionKind::Foreword,
        DivisionKind::Abstract,
        DivisionKind::Contents,
        DivisionKind::Introduction,
        DivisionKind::Part,
        DivisionKind::Chapter,
        DivisionKind::Section,
        DivisionKind::Subsection,
        DivisionKind::Endnotes,
        DivisionKind::Bibliography,
        DivisionKind::Appendix,
        DivisionKind::Afterword,
        DivisionKind::Index,
        DivisionKind::Acknowledgments,
    ];

    /// The kind of a [`DivisionKind::name`] (`chapter` → [`DivisionKind::Chapter`]).
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The run a top-level division of this kind belongs to when nothing else says so: 前言
    /// (front matter) for display pages, prefaces and contents, 后记 (back matter) for notes,
    /// references, appendices and the like, the body otherwise.
    pub fn default_matter(self) -> Matter {
        use DivisionKind::*;
        match self {
            Cover | TitlePage | CopyrightPage | Dedication | Preface | Foreword | Abstract
            | Contents => Matter::Front,
            Endnotes | Bibliography | Appendix | Afterword | Index | Acknowledgments => {
                Matter::Back
            }
            Introduction | Part | Chapter | Section | Subsection => Matter::Body,
        }
    }

    /// The lower-case name used in `inspect --json` and the model dump.
    pub fn name(self) -> &'static str {
        match self {
            DivisionKind::Cover => "cover",
            DivisionKind::TitlePage => "titlepage",
            DivisionKind::CopyrightPage => "copyright",
            DivisionKind::Dedication => "dedication",
            DivisionKind::Preface => "preface",
            DivisionKind::Foreword => "foreword",
            DivisionKind::Abstract => "abstract",
            DivisionKind::Contents => "contents",
            DivisionKind::Introduction => "introduction",
            DivisionKind::Part => "part",
            DivisionKind::Chapter => "chapter",
            DivisionKind::Section => "section",
            DivisionKind::Subsection => "subsection",
            DivisionKind::Endnotes => "endnotes",
            DivisionKind::Bibliography => "bibliography",
            DivisionKind::Appendix => "appendix",
            DivisionKind::Afterword => "afterword",
            DivisionKind::Index => "index",
            DivisionKind::Acknowledgments => "acknowledgments",
        }
    }
}

/// The three runs of a book's top-level divisions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Matter {
    /// 前言 (front matter).
    Front,
    /// 正文 (body).
    Body,
    /// 后记 (back matter).
    Back,
}

impl Matter {
    /// `front`, `body` or `back`.
    pub fn name(self) -> &'static str {
        match self {
            Matter::Front => "front",
            Matter::Body => "body",
            Matter::Back => "back",
        }
    }
}

/// A division of the book: a front-matter page, a part, chapter or section, a back-matter page.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Division {
    /// What this division is.
    pub kind: DivisionKind,
    /// Stable id, unique in the book (`chapter-1`, `chapter-2-section-3`, `preface` …).
    pub id: String,
    /// Printed label, e.g. `第一章`, `（一）`, `Chapter 1`; none for unnumbered divisions.
    pub label: Option<String>,
    /// Title as printed (`引言`); may hold note references. Empty for untitled pages.
    pub title: Vec<Inline>,
    /// A line printed above the title (the book title atop 内容提要), with its notes.
    pub kicker: Option<Vec<Inline>>,
    /// Content before the first child division.
    pub blocks: Vec<Block>,
    /// Child divisions: a chapter's sections, a section's sub-sections, a part's chapters.
    pub children: Vec<Division>,
    /// 1-based manuscript line of the heading (or of the first line of the division).
    pub line: usize,
}

impl Division {
    /// A division with no content yet.
    pub fn new(kind: DivisionKind, id: impl Into<String>, line: usize) -> Self {
        Division {
            kind,
            id: id.into(),
            label: None,
            title: Vec::new(),
            kicker: None,
            blocks: Vec::new(),
            children: Vec::new(),
            line,
        }
    }

    /// The title as plain text, without note references.
    pub fn title_text(&self) -> String {
        plain_text(&self.title)
    }

    /// Note references in the title, kicker and blocks (not in child divisions), in reading order.
    pub fn own_note_refs(&self) -> Vec<NoteId> {
        let mut out = Vec::new();
        note_refs(&self.title, &mut out);
        if let Some(k) = &self.kicker {
            note_refs(k, &mut out);
        }
        for b in &self.blocks {
            b.note_refs(&mut out);
        }
        out
    }

    /// Note references of the division and of its children, depth first, in reading order.
    pub fn note_refs_deep(&self) -> Vec<NoteId> {
        let mut out = self.own_note_refs();
        for c in &self.children {
            out.extend(c.note_refs_deep());
        }
        out
    }
}

/// A block of content inside a division.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Block {
    /// 段落: a paragraph of running text, rejoined across page breaks.
    Para(Para),
    /// 署名: the signature closing a preface (`… 教授 蔡长水`), aligned right.
    Signature(Para),
    /// 日期: the date line under a signature (`2007年12月`), aligned right; also the place and
    /// date heading a letter (`Saltby, March 3rd.`).
    Dateline(Para),
    /// 称呼 (salutation): the line opening a letter (`MY DEAR TOBIAS,`), flush left, unindented.
    Salutation(Para),
    /// 终 (end mark): the line closing the text as printed (`THE END`, `（全书完）`), centred.
    EndMark(Para),
    /// 引文: a block quotation.
    Quote(Vec<Block>),
    /// A line of a display page (title page, half-title), centred, with its role.
    Display(DisplayLine),
    /// 图书在版编目(CIP)数据: the CIP record as printed.
    Cip(Box<CipRecord>),
    /// 版本记录: the colophon's labelled entries, in print order.
    Colophon(Vec<ColophonEntry>),
    /// A notice printed on the copyright page (`版权所有·侵权必究`).
    Notice(Para),
    /// 目录: the printed contents with page numbers.
    Contents(Vec<ContentsEntry>),
    /// 行块 (line block): verse or an indented passage whose printed line breaks are kept,
    /// one [`Inline::LineBreak`] between lines (usually inside a [`Block::Quote`]).
    LineBlock(Para),
    /// 分隔符 (scene break): `*     *     *` between two scenes of a chapter; its 1-based line.
    SceneBreak(usize),
    /// 预排文本 (preformatted text): a table or figure drawn with spaces, kept line for line.
    Preformatted(Preformatted),
    /// 插图 (illustration) with no image: its caption (`[Illustration: caption]`).
    Figure(Para),
    /// 列表 (list): numbered or bulleted items, each a run of blocks (nested lists included).
    List(List),
}

/// 列表 (list): the items of a numbered or bulleted list, in order.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct List {
    /// 编号 (numbering): `Some(n)` numbers the items from `n`; `None` sets bullets.
    pub start: Option<u64>,
    /// The items, each its blocks (paragraphs, nested lists, quotations…).
    pub items: Vec<Vec<Block>>,
    /// 1-based line of the list's first item.
    pub line: usize,
}

/// Lines kept exactly as printed, e.g. a table aligned with spaces.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Preformatted {
    /// The lines, trailing white space removed, common indent removed.
    pub lines: Vec<String>,
    /// 1-based manuscript line of the first line.
    pub line: usize,
}

/// A paragraph: inline content plus where it started in the manuscript.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Para {
    /// The text with its note references.
    pub content: Vec<Inline>,
    /// 1-based manuscript line where the paragraph starts.
    pub line: usize,
}

impl Para {
    /// The paragraph's plain text, without note references.
    pub fn text(&self) -> String {
        plain_text(&self.content)
    }
}

/// What a centred display line on a title page stands for.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DisplayRole {
    /// The book title.
    Title,
    /// A subtitle.
    Subtitle,
    /// The title in another script (pinyin).
    AltTitle,
    /// The author line as printed (`彭穗宁 等著`).
    Authors,
    /// The publisher or its group.
    Publisher,
    /// A series or funding line (`国家社会科学基金项目`).
    Series,
    /// Anything else printed on the page.
    Other,
}

impl DisplayRole {
    /// Every role, in declaration order.
    pub const ALL: [DisplayRole; 7] = [
        DisplayRole::Title,
        DisplayRole::Subtitle,
        DisplayRole::AltTitle,
        DisplayRole::Authors,
        DisplayRole::Publisher,
        DisplayRole::Series,
        DisplayRole::Other,
    ];

    /// The role's name in the writers' markup and the Markdown's classes (`alt-title`).
    pub fn name(self) -> &'static str {
        match self {
            DisplayRole::Title => "title",
            DisplayRole::Subtitle => "subtitle",
            DisplayRole::AltTitle => "alt-title",
            DisplayRole::Authors => "authors",
            DisplayRole::Publisher => "publisher",
            DisplayRole::Series => "series",
            DisplayRole::Other => "other",
        }
    }
}

/// A centred line of a display page.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DisplayLine {
    /// What the line is.
    pub role: DisplayRole,
    /// The text as printed.
    pub content: Vec<Inline>,
    /// 1-based manuscript line.
    pub line: usize,
}

/// One labelled entry of the colophon (版本记录), e.g. `责任编辑  徐英`.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ColophonEntry {
    /// The label as printed, with letter-spacing removed (`印张`, `责任编辑`).
    pub label: String,
    /// The value as printed (`17`, `2008 年 5 月第 1 版`).
    pub value: String,
    /// 1-based manuscript line.
    pub line: usize,
}

/// One entry of the printed contents (目录).
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContentsEntry {
    /// Nesting level: 1 for chapters and top-level back matter, 2 for sections, …
    pub level: u8,
    /// The printed label (`第一章`, `(一)`), normalised to the body's form (`（一）`).
    pub label: Option<String>,
    /// The title, rejoined if it wrapped, without leaders.
    pub title: String,
    /// The printed page number, if shown.
    pub page: Option<String>,
    /// 1-based manuscript line of the entry's first line.
    pub line: usize,
    /// Id of the body division this entry points to, when the cross-check found it.
    pub target: Option<String>,
}

/// Inline content.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Inline {
    /// Text, exactly as it should be read (no markup, no escapes).
    Text(String),
    /// A reference to a note (`^①` in the manuscript).
    NoteRef(NoteId),
    /// A printed page ends and the next begins here (for an EPUB page-list).
    PageBreak(PageMark),
    /// A line break kept from print inside a display line (where a long title wrapped).
    LineBreak,
    /// 强调 (emphasis, italic in print): `_word_` in a typist's file.
    Emphasis(Vec<Inline>),
    /// 加粗 (strong, bold in print): `=word=` in a typist's file.
    Strong(Vec<Inline>),
}

/// A print page boundary: the number of the page that starts here.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageMark {
    /// The printed page number (`17`, `iii`), or the ordinal of the page in the manuscript.
    pub number: String,
    /// Whether the number was printed (true) or only counted from page breaks (false).
    pub printed: bool,
}

/// Index of a note in [`crate::model::Book::notes`]. Any index is an id; that it names a note
/// of its book is the book's invariant ([`crate::model::Book::check`], checked when a book is
/// deserialised).
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct NoteId(usize);

impl NoteId {
    /// The id of the note at `index` in the book's note list.
    pub const fn new(index: usize) -> Self {
        NoteId(index)
    }

    /// The index in the book's note list.
    pub const fn index(self) -> usize {
        self.0
    }
}

/// Where a note was printed.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum NotePlacement {
    /// 脚注: at the foot of the printed page.
    Footnote,
    /// 尾注: collected at the end of a chapter or of the book.
    Endnote,
}

/// A note (脚注/尾注) with the marker that pointed to it.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    /// Its index in the book's note list.
    pub id: NoteId,
    /// The marker as printed (`①`, `1`, `*`); numbering restarts per page, so marks repeat.
    pub mark: String,
    /// The note text with its inline content.
    pub content: Vec<Inline>,
    /// Footnote or endnote.
    pub placement: NotePlacement,
    /// 1-based manuscript line of the note text.
    pub line: usize,
}

impl Note {
    /// The mark of a transcriber's note (`[Transcriber's Note: …]`, 录入者注): a note no marker
    /// calls by nature, printed where it stands under its own label rather than as a footnote.
    pub const TRANSCRIBERS_MARK: &'static str = "TN";

    /// Whether this is a transcriber's note ([`Note::TRANSCRIBERS_MARK`]).
    pub fn is_transcribers(&self) -> bool {
        self.mark == Self::TRANSCRIBERS_MARK
    }

    /// The note's plain text.
    pub fn text(&self) -> String {
        plain_text(&self.content)
    }
}

/// The plain text of an inline run, leaving out note references and page marks.
pub fn plain_text(inlines: &[Inline]) -> String {
    let mut s = String::new();
    push_plain(inlines, &mut s);
    s
}

fn push_plain(inlines: &[Inline], s: &mut String) {
    for i in inlines {
        match i {
            Inline::Text(t) => s.push_str(t),
            Inline::Emphasis(inner) | Inline::Strong(inner) => push_plain(inner, s),
            _ => {}
        }
    }
}
