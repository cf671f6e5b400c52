//! 分文件 (splitting): which XHTML file each division becomes, in reading order.

use std::collections::HashSet;

use super::kinds::{self, Matter};
use crate::model::{Book, Division, DivisionKind};

/// What a content document holds.
#[derive(Debug, Clone, Copy)]
pub enum DocKind<'a> {
    /// 封面: the cover page (an image, or a generated typographic page).
    Cover,
    /// 目录: the visible contents page, generated from the book's divisions.
    Contents(Option<&'a Division>),
    /// A division rendered with its child divisions (sections) inline.
    Division(&'a Division),
}

/// One XHTML content document of the EPUB.
#[derive(Debug, Clone)]
pub struct Doc<'a> {
    /// File name inside `EPUB/` (`chapter-1.xhtml`).
    pub file: String,
    /// Manifest id and id of the top `<section>` (an XML name, unique in the book).
    pub id: String,
    /// What the file holds.
    pub kind: DocKind<'a>,
    /// Front, body or back matter.
    pub matter: Matter,
    /// Index of the enclosing part's document, for chapters inside a 编 (part).
    pub parent: Option<usize>,
    /// 1-based manuscript line where the division starts (0 for generated pages).
    pub line: usize,
}

impl Doc<'_> {
    /// The division kind (generated pages report their nearest kind).
    pub fn division_kind(&self) -> DivisionKind {
        match self.kind {
            DocKind::Cover => DivisionKind::Cover,
            DocKind::Contents(_) => DivisionKind::Contents,
            DocKind::Division(d) => d.kind,
        }
    }
}

/// A name usable as an XML id and a file name: ASCII letters, digits, `-` and `_`, starting
/// with a letter.
pub fn xml_name(raw: &str) -> String {
    let mut s: String = raw
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    if !s.starts_with(|c: char| c.is_ascii_alphabetic()) {
        s.insert_str(0, "d-");
    }
    s
}

struct Names(HashSet<String>);

impl Names {
    fn claim(&mut self, raw: &str) -> String {
        let base = xml_name(raw);
        let mut name = base.clone();
        let mut n = 2;
        while !self.0.insert(name.clone()) {
            name = format!("{base}-{n}");
            n += 1;
        }
        name
    }
}

/// Splits the book into content documents in reading order: the cover, the front matter (with a
/// generated 目录 where the printed one stood, or at the end of the front matter), each part and
/// chapter of the body, then the back matter.
pub fn plan(book: &Book) -> Vec<Doc<'_>> {
    let mut names = Names(HashSet::from(
        ["nav", "toc", "ncx", "css", "cover-image", "pub-id"].map(String::from),
    ));
    let mut docs = Vec::new();
    let id = names.claim("cover");
    docs.push(Doc {
        file: format!("{id}.xhtml"),
        id,
        kind: DocKind::Cover,
        matter: Matter::Front,
        parent: None,
        line: 0,
    });
    let mut has_contents = false;
    for d in &book.front {
        let kind = match d.kind {
            DivisionKind::Cover => continue,
            DivisionKind::Contents if !has_contents => {
                has_contents = true;
                DocKind::Contents(Some(d))
            }
            _ => DocKind::Division(d),
        };
        let raw = if d.id.is_empty() {
            d.kind.name()
        } else {
            &d.id
        };
        push(
            &mut docs,
            &mut names,
            raw,
            kind,
            Matter::Front,
            None,
            d.line,
        );
    }
    if !has_contents {
        push(
            &mut docs,
            &mut names,
            "contents",
            DocKind::Contents(None),
            Matter::Front,
            None,
            0,
        );
    }
    for (matter, divs) in [(Matter::Body, &book.body), (Matter::Back, &book.back)] {
        for d in divs {
            let raw = if d.id.is_empty() {
                d.kind.name()
            } else {
                &d.id
            };
            push(
                &mut docs,
                &mut names,
                raw,
                DocKind::Division(d),
                matter,
                None,
                d.line,
            );
            if d.kind == DivisionKind::Part {
                let part = docs.len() - 1;
                for c in &d.children {
                    let raw = if c.id.is_empty() {
                        c.kind.name()
                    } else {
                        &c.id
                    };
                    push(
                        &mut docs,
                        &mut names,
                        raw,
                        DocKind::Division(c),
                        matter,
                        Some(part),
                        c.line,
                    );
                }
            }
        }
    }
    docs
}

fn push<'a>(
    docs: &mut Vec<Doc<'a>>,
    names: &mut Names,
    raw: &str,
    kind: DocKind<'a>,
    matter: Matter,
    parent: Option<usize>,
    line: usize,
) {
    let id = names.claim(raw);
    docs.push(Doc {
        file: format!("{id}.xhtml"),
        id,
        kind,
        matter,
        parent,
        line,
    });
}

/// The child divisions rendered inside a document's file (a part's chapters get their own files).
pub fn inline_children(d: &Division) -> &[Division] {
    if d.kind == DivisionKind::Part {
        &[]
    } else {
        &d.children
    }
}

/// The label shown in the nav and contents page: `第一章 引言`, or the kind's default name.
pub fn display_label(d: &Division, lang: &str) -> String {
    let title = d.title_text();
    let title = title.trim();
    match (d.label.as_deref().map(str::trim), title.is_empty()) {
        (Some(l), false) if !l.is_empty() => format!("{l}{}{title}", label_separator(l)),
        (Some(l), true) if !l.is_empty() => l.to_string(),
        (_, false) => title.to_string(),
        _ => kinds::default_name(d.kind, lang).to_string(),
    }
}

/// What goes between a label and its title: nothing after a full-width closing bracket or
/// enumeration comma (`（一）民间捐书`), a space otherwise (`第一章 引言`).
pub fn label_separator(label: &str) -> &'static str {
    if label.ends_with(['）', '】', '〕', '、', '．']) {
        ""
    } else {
        " "
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_names() {
        for (raw, want) in [
            ("chapter-1", "chapter-1"),
            ("1st", "d-1st"),
            ("前言", "d---"),
            ("a b&c", "a-b-c"),
            ("", "d-"),
        ] {
            assert_eq!(xml_name(raw), want, "{raw}");
        }
    }

    #[test]
    fn duplicate_ids_get_suffixes() {
        let mut book = Book::default();
        book.body.push(Division::new(DivisionKind::Chapter, "c", 1));
        book.body.push(Division::new(DivisionKind::Chapter, "c", 2));
        book.back
            .push(Division::new(DivisionKind::Afterword, "cover", 3));
        let files: Vec<_> = plan(&book).into_iter().map(|d| d.file).collect();
        assert_eq!(
            files,
            [
                "cover.xhtml",
                "contents.xhtml",
                "c.xhtml",
                "c-2.xhtml",
                "cover-2.xhtml"
            ]
        );
    }

    #[test]
    fn labels() {
        let mut d = Division::new(DivisionKind::Chapter, "c", 1);
        assert_eq!(display_label(&d, "zh-CN"), "章");
        d.label = Some("第一章".into());
        assert_eq!(display_label(&d, "zh-CN"), "第一章");
        d.title = vec![crate::model::Inline::Text("引言".into())];
        assert_eq!(display_label(&d, "zh-CN"), "第一章 引言");
        d.label = Some("（一）".into());
        assert_eq!(display_label(&d, "zh-CN"), "（一）引言");
        d.label = None;
        assert_eq!(display_label(&d, "en"), "引言");
    }
}
