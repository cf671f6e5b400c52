//! Units (单元): classified lines turned into headings and text chunks with their inline
//! content (note markers resolved), ready to be joined and grouped into divisions.

use std::collections::BTreeMap;

use crate::model::{DivisionKind, Inline, NoteId, PageMark, plain_text};

use super::Line;
use super::kind::Kind;
use super::notes::{MarkerAt, inlines};

/// What a text chunk becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A paragraph (段落).
    Para,
    /// An em-dash item (`——…`), its own paragraph.
    Item,
    /// A signature (署名).
    Signature,
    /// A date line (日期).
    Dateline,
    /// A letter's salutation (称呼).
    Salutation,
    /// An end mark (终): `THE END`.
    EndMark,
    /// A line of a block quotation (引文).
    Quote,
    /// A line of verse or of an indented passage whose line breaks are kept (行块).
    Verse,
    /// A scene break (分隔符).
    Break,
    /// An illustration's caption (插图说明).
    Figure,
    /// A line of a table drawn with spaces (预排文本), kept as printed.
    Pre,
}

/// A run of text from one line (or several, once joined).
#[derive(Debug, Clone, PartialEq)]
pub struct Chunk {
    /// What it becomes.
    pub role: Role,
    /// Inline content with note references.
    pub content: Vec<Inline>,
    /// Plain text, for punctuation checks.
    pub text: String,
    /// 1-based manuscript line where it starts.
    pub line: usize,
    /// From the layout: whether it continues the chunk before (`None`: decide by punctuation).
    pub hint: Option<bool>,
    /// Printed after the page furniture that closes its page's text (a folio), where pdftotext
    /// sets a margin note or a float's caption: the page's foot.
    pub foot: bool,
}

/// A heading that opens a division.
#[derive(Debug, Clone, PartialEq)]
pub struct Heading {
    /// The division it opens.
    pub kind: DivisionKind,
    /// Printed label (`第一章`, `（一）`).
    pub label: Option<String>,
    /// Title with note references.
    pub title: Vec<Inline>,
    /// A line printed above the heading.
    pub kicker: Option<Vec<Inline>>,
    /// 1-based manuscript line.
    pub line: usize,
    /// Index of the heading in the line list.
    pub index: usize,
    /// The outline level the outline pass gave it (2 section, 3 subsection …), if any.
    pub level: Option<u8>,
}

/// A heading or a chunk of text.
#[derive(Debug, Clone, PartialEq)]
pub enum Unit {
    /// Opens a division.
    Heading(Heading),
    /// Text inside the current division.
    Chunk(Chunk),
}

/// What [`build`] made of the lines.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Built {
    /// Headings and chunks in manuscript order.
    pub units: Vec<Unit>,
    /// 1-based lines no heading took (a title line with no heading before it, a kicker over no
    /// division heading): kept as paragraphs, to be reported.
    pub unplaced: Vec<usize>,
}

/// The heading a title line belongs to: the last unit, or the heading right above the margin
/// words printed between a label and its title ([`crate::reader::outline::apart`]), which
/// stay paragraphs after it.
fn title_host(units: &mut [Unit]) -> Option<&mut Heading> {
    let words = units
        .iter()
        .rev()
        .take_while(|u| {
            matches!(u, Unit::Chunk(c) if c.role == Role::Para
                && crate::reader::outline::apart::margin_word(&c.text))
        })
        .count();
    if words > crate::reader::outline::apart::MAX_WORDS {
        return None;
    }
    let at = units.len().checked_sub(words + 1)?;
    match &mut units[at] {
        Unit::Heading(h) => Some(h),
        Unit::Chunk(_) => None,
    }
}

/// Most lines a page's foot holds after its folio.
const MAX_FOOT_LINES: usize = 4;

/// Per line, whether it is printed in its page's foot: after the furniture that closes the
/// page's text (`79` under the last paragraph), at most [`MAX_FOOT_LINES`] lines before the page
/// ends (`Style example:` / `local, online.`); a page starts at its mark.
fn foot_lines(kinds: &[Kind], marks: &[Option<PageMark>]) -> Vec<bool> {
    let mut foot = vec![false; kinds.len()];
    let mut start = 0;
    for end in 1..=kinds.len() {
        if end < kinds.len() && !marks.get(end).is_some_and(Option::is_some) {
            continue;
        }
        // one page: lines start..end; its last furniture line after some text
        let page = &kinds[start..end];
        let content = |k: &Kind| !matches!(k, Kind::Blank | Kind::Furniture);
        let first_text = page.iter().position(content);
        let last_furniture = page.iter().rposition(|k| *k == Kind::Furniture);
        if let (Some(t), Some(f)) = (first_text, last_furniture)
            && t < f
        {
            let after: Vec<usize> = (f + 1..page.len()).filter(|&j| content(&page[j])).collect();
            if after.len() <= MAX_FOOT_LINES {
                after.into_iter().for_each(|j| foot[start + j] = true);
            }
        }
        start = end;
    }
    foot
}

/// Builds units from classified lines; notes, blanks, contents and front-matter lines are left out.
/// A page mark (`marks[i]`) goes to the start of the next text chunk; `hints[i]` (from the
/// layout) says whether line `i` continues the text line before it.
pub fn build(
    lines: &[Line<'_>],
    kinds: &[Kind],
    refs: &BTreeMap<MarkerAt, NoteId>,
    marks: &[Option<PageMark>],
    hints: &[Option<bool>],
) -> Built {
    let mut units = Vec::new();
    let mut unplaced = Vec::new();
    // A kicker waiting for its heading: (content, 1-based line).
    let mut kicker: Option<(Vec<Inline>, usize)> = None;
    let mut page: Option<PageMark> = None;
    let foot = foot_lines(kinds, marks);
    for (i, (line, kind)) in lines.iter().zip(kinds).enumerate() {
        if let Some(Some(m)) = marks.get(i) {
            page = Some(m.clone());
        }
        if *kind == Kind::FrontMatterLine {
            page = None;
        }
        let text = line.text.trim();
        let heading = |kind, label: Option<&String>, title: Vec<Inline>| Heading {
            kind,
            label: label.cloned(),
            title,
            kicker: None,
            line: line.no,
            index: i,
            level: None,
        };
        let mut chunk = |role| {
            let mut content = inlines(text, i, refs);
            if let Some(m) = page.take() {
                content.insert(0, Inline::PageBreak(m));
            }
            Unit::Chunk(Chunk {
                role,
                text: plain_text(&content),
                content,
                line: line.no,
                hint: hints.get(i).copied().flatten(),
                foot: foot[i],
            })
        };
        let unit = match kind {
            Kind::ChapterLabel { label } => Some(Unit::Heading(heading(
                DivisionKind::Chapter,
                Some(label),
                Vec::new(),
            ))),
            Kind::Chapter { label, title } => Some(Unit::Heading(heading(
                DivisionKind::Chapter,
                Some(label),
                inlines(title, i, refs),
            ))),
            Kind::PartLabel { label } => Some(Unit::Heading(heading(
                DivisionKind::Part,
                Some(label),
                Vec::new(),
            ))),
            Kind::Part { label, title } => Some(Unit::Heading(heading(
                DivisionKind::Part,
                Some(label),
                inlines(title, i, refs),
            ))),
            Kind::Heading {
                level,
                label,
                title,
            } => {
                let kind = match level {
                    0 => DivisionKind::Part,
                    1 => DivisionKind::Chapter,
                    2 => DivisionKind::Section,
                    _ => DivisionKind::Subsection,
                };
                // an unnumbered title (out-dented, underlined) has no label
                let label = Some(label).filter(|l| !l.is_empty());
                let mut h = heading(kind, label, inlines(title, i, refs));
                h.level = Some(*level);
                Some(Unit::Heading(h))
            }
            Kind::RunIn { level, at } => {
                // the heading, then the rest of the line as the entry's first text
                let (title, rest) = text.split_at((*at).min(text.len()));
                let kind = match level {
                    0 | 1 => DivisionKind::Chapter,
                    2 => DivisionKind::Section,
                    _ => DivisionKind::Subsection,
                };
                let mut h = heading(kind, None, vec![Inline::Text(title.trim().to_string())]);
                h.level = Some(*level);
                // a kicker is printed above no run-in heading: it stays a paragraph
                if let Some((content, no)) = kicker.take() {
                    unplaced.push(no);
                    units.push(Unit::Chunk(Chunk {
                        role: Role::Para,
                        text: plain_text(&content),
                        content,
                        line: no,
                        hint: Some(false),
                        foot: false,
                    }));
                }
                units.push(Unit::Heading(h));
                let mut content = inlines(rest.trim_start(), i, refs);
                if let Some(m) = page.take() {
                    content.insert(0, Inline::PageBreak(m));
                }
                Some(Unit::Chunk(Chunk {
                    role: Role::Para,
                    text: plain_text(&content),
                    content,
                    line: line.no,
                    hint: Some(false),
                    foot: false,
                }))
            }
            Kind::Section { label, title } => Some(Unit::Heading(heading(
                DivisionKind::Section,
                Some(label),
                inlines(title, i, refs),
            ))),
            Kind::Matter { kind, title } => {
                let mut h = heading(*kind, None, vec![Inline::Text(title.clone())]);
                h.kicker = kicker.take().map(|(k, _)| k);
                Some(Unit::Heading(h))
            }
            Kind::HeadingTitle => match title_host(&mut units) {
                Some(h) => {
                    // a title over two lines (`1741.` / `THE HOUSE ON THE QUAY.`) reads as one
                    if !h.title.is_empty() {
                        h.title.push(Inline::Text(" ".into()));
                    }
                    h.title.extend(inlines(text, i, refs));
                    None
                }
                // no heading above it (a pass took the heading back): the line stays text
                _ => {
                    unplaced.push(line.no);
                    Some(chunk(Role::Para))
                }
            },
            // the label is the heading's (a line of digits or `Chapter 2`): nothing to add
            Kind::HeadingLabel => match units.last() {
                Some(Unit::Heading(h)) if h.label.is_some() => None,
                _ => {
                    unplaced.push(line.no);
                    Some(chunk(Role::Para))
                }
            },
            Kind::Kicker => {
                kicker = Some((inlines(text, i, refs), line.no));
                None
            }
            Kind::Text => Some(chunk(Role::Para)),
            Kind::ListItem => Some(chunk(Role::Item)),
            Kind::Signature => Some(chunk(Role::Signature)),
            Kind::Dateline => Some(chunk(Role::Dateline)),
            Kind::Salutation => Some(chunk(Role::Salutation)),
            Kind::EndMark => Some(chunk(Role::EndMark)),
            Kind::Quote => Some(chunk(Role::Quote)),
            Kind::Verse => Some(chunk(Role::Verse)),
            Kind::SceneBreak => Some(chunk(Role::Break)),
            Kind::Illustration => Some(chunk(Role::Figure)),
            Kind::Preformatted => {
                // Columns line up by their spaces: keep the whole line, untouched.
                let mut c = chunk(Role::Pre);
                if let Unit::Chunk(c) = &mut c {
                    c.content = vec![Inline::Text(line.text.trim_end().to_string())];
                    c.text = line.text.trim_end().to_string();
                }
                Some(c)
            }
            Kind::Blank
            | Kind::Furniture
            | Kind::Note { .. }
            | Kind::NoteContinuation
            | Kind::ContentsLine
            | Kind::FrontMatterLine => None,
        };
        // A kicker is printed above a division heading; above anything else it is a paragraph.
        if let (Some(u), Some((content, no))) = (&unit, &kicker)
            && !matches!(u, Unit::Heading(h) if h.kicker.is_some())
        {
            unplaced.push(*no);
            units.push(Unit::Chunk(Chunk {
                role: Role::Para,
                text: plain_text(content),
                content: content.clone(),
                line: *no,
                hint: Some(false),
                foot: false,
            }));
            kicker = None;
        }
        units.extend(unit);
    }
    if let Some((content, no)) = kicker {
        unplaced.push(no);
        units.push(Unit::Chunk(Chunk {
            role: Role::Para,
            text: plain_text(&content),
            content,
            line: no,
            hint: Some(false),
            foot: false,
        }));
    }
    Built { units, unplaced }
}

#[cfg(test)]
mod tests {
    use super::super::classify::classify;
    use super::super::context;
    use super::*;

    #[test]
    fn a_page_s_foot_is_what_follows_its_closing_folio() {
        use Kind::{Blank as B, Furniture as F, Text as T};
        let mark = || {
            Some(PageMark {
                number: "2".into(),
                printed: true,
            })
        };
        // page 1: head, text, folio, two margin lines; page 2: head, text, folio, five lines
        let kinds = [F, T, T, F, B, T, T, F, T, F, T, T, T, T, T];
        let mut marks = vec![None; kinds.len()];
        marks[7] = mark();
        let foot: Vec<usize> = foot_lines(&kinds, &marks)
            .iter()
            .enumerate()
            .filter_map(|(i, &f)| f.then_some(i))
            .collect();
        assert_eq!(
            foot,
            [5, 6],
            "five lines after a folio are a page's text, not its foot"
        );
        // a running head and folio split by a line at the page's top open no foot
        let kinds = [F, T, F, T, T, T, T, T, T];
        assert!(foot_lines(&kinds, &[]).iter().all(|f| !f));
    }

    #[test]
    fn units_from_lines() {
        let text = "序\n正文。\n书名^①\n内容提要\n^① 注。\n第一章\n河流\n（一）源头\n——甲，";
        let lines = super::super::lines::split(text);
        let mut kinds: Vec<Kind> = lines.iter().map(|l| classify(l.text)).collect();
        context::apply(&lines, &mut kinds);
        let mut refs = BTreeMap::new();
        refs.insert((2, 0), NoteId::new(0));
        let mut marks = vec![None; lines.len()];
        marks[5] = Some(PageMark {
            number: "2".into(),
            printed: false,
        });
        let got: Vec<String> = build(&lines, &kinds, &refs, &marks, &[])
            .units
            .iter()
            .map(|u| match u {
                Unit::Heading(h) => format!(
                    "{}:{:?}:{}:{:?}",
                    h.kind.name(),
                    h.label,
                    plain_text(&h.title),
                    h.kicker
                ),
                Unit::Chunk(c) => {
                    let brk = match c.content.first() {
                        Some(Inline::PageBreak(m)) => format!("{{p{}}}", m.number),
                        _ => String::new(),
                    };
                    format!("{:?}@{}:{brk}{}", c.role, c.line, c.text)
                }
            })
            .collect();
        let want = [
            "preface:None:序:None",
            "Para@2:正文。",
            "abstract:None:内容提要:Some([Text(\"书名\"), NoteRef(NoteId(0))])",
            "chapter:Some(\"第一章\"):河流:None",
            "section:Some(\"（一）\"):源头:None",
            "Item@9:{p2}——甲，",
        ];
        assert_eq!(got, want);
    }

    /// A title line with no heading above it and a kicker over a paragraph stay in the body
    /// as paragraphs, reported.
    #[test]
    fn lines_no_heading_takes_stay_text() {
        let lines = super::super::lines::split("正文一。\n河流\n乙编\n正文二。\n丙编");
        let kinds = [
            Kind::Text,
            Kind::HeadingTitle,
            Kind::Kicker,
            Kind::Text,
            Kind::Kicker,
        ];
        let built = build(&lines, &kinds, &BTreeMap::new(), &[], &[]);
        let texts: Vec<&str> = built
            .units
            .iter()
            .map(|u| match u {
                Unit::Chunk(c) => c.text.as_str(),
                Unit::Heading(_) => "heading",
            })
            .collect();
        assert_eq!(texts, ["正文一。", "河流", "乙编", "正文二。", "丙编"]);
        assert_eq!(built.unplaced, [2, 3, 5]);
    }
}
