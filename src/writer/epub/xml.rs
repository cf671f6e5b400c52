//! XML 写出 (XML output): a thin layer over quick-xml through which every byte of markup and
//! every escaped character of the EPUB is written. Text and attribute values are cut to the
//! XML 1.0 `Char` set here, whatever the model holds, so no input can make a file ill-formed.
//! [`page`] writes the skeleton every XHTML content document shares.

use std::borrow::Cow;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

/// Whether XML 1.0 allows the character (`Char`: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD,
/// U+10000 and up; Rust's `char` already excludes surrogates).
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}')
        || c >= '\u{10000}'
}

/// The text without the characters XML 1.0 forbids (borrowed when there are none).
pub fn xml_chars(s: &str) -> Cow<'_, str> {
    if s.chars().all(is_xml_char) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.chars().filter(|&c| is_xml_char(c)).collect())
    }
}

/// An XML document being written into memory.
pub struct Xml {
    w: Writer<Vec<u8>>,
}

impl Xml {
    /// A document starting with `<?xml version="1.0" encoding="UTF-8"?>`.
    pub fn new() -> Self {
        let mut x = Xml {
            w: Writer::new(Vec::new()),
        };
        x.event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
        x.nl();
        x
    }

    /// Writes `<!DOCTYPE html>` (the XHTML5 doctype).
    pub fn doctype_html(&mut self) {
        self.event(Event::DocType(BytesText::from_escaped("html")));
        self.nl();
    }

    fn event(&mut self, e: Event<'_>) {
        // Writing into a Vec cannot fail.
        self.w
            .write_event(e)
            .expect("writing XML into memory cannot fail");
    }

    /// Opens an element with attributes (values are cut to XML chars and escaped).
    pub fn open(&mut self, name: &str, attrs: &[(&str, &str)]) {
        let start = start(name, attrs);
        self.event(Event::Start(start));
    }

    /// Closes an element.
    pub fn close(&mut self, name: &str) {
        self.event(Event::End(BytesEnd::new(name)));
    }

    /// Writes an empty element (`<link … />`).
    pub fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) {
        let start = start(name, attrs);
        self.event(Event::Empty(start));
    }

    /// Writes escaped text (`& < > " '` become entities; characters XML forbids are dropped).
    pub fn text(&mut self, s: &str) {
        let s = xml_chars(s);
        if !s.is_empty() {
            self.event(Event::Text(BytesText::new(&s)));
        }
    }

    /// An element holding only text: `<name attrs>text</name>`.
    pub fn leaf(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) {
        self.open(name, attrs);
        self.text(text);
        self.close(name);
    }

    /// A line break between block-level elements (never inside running text).
    pub fn nl(&mut self) {
        self.event(Event::Text(BytesText::from_escaped("\n")));
    }

    /// The finished document's bytes, ending with a newline.
    pub fn finish(mut self) -> Vec<u8> {
        self.nl();
        self.w.into_inner()
    }
}

/// A start tag whose attribute values are cut to XML chars.
fn start<'a>(name: &'a str, attrs: &[(&str, &str)]) -> BytesStart<'a> {
    let mut start = BytesStart::new(name);
    for (k, v) in attrs {
        start.push_attribute((*k, xml_chars(v).as_ref()));
    }
    start
}

/// The stylesheet's path relative to the content documents.
pub const CSS_HREF: &str = "css/epub.css";

/// Writes a whole XHTML document: `<html lang xml:lang>`, head with title and stylesheet, and a
/// `<body>` with the given `epub:type`, whose content `f` writes.
pub fn page(lang: &str, title: &str, body_type: Option<&str>, f: impl FnOnce(&mut Xml)) -> Vec<u8> {
    let mut x = Xml::new();
    x.doctype_html();
    x.open(
        "html",
        &[
            ("xmlns", "http://www.w3.org/1999/xhtml"),
            ("xmlns:epub", "http://www.idpf.org/2007/ops"),
            ("lang", lang),
            ("xml:lang", lang),
        ],
    );
    x.nl();
    x.open("head", &[]);
    x.nl();
    x.empty("meta", &[("charset", "utf-8")]);
    x.nl();
    x.leaf("title", &[], title);
    x.nl();
    x.empty(
        "link",
        &[
            ("rel", "stylesheet"),
            ("type", "text/css"),
            ("href", CSS_HREF),
        ],
    );
    x.nl();
    x.close("head");
    x.nl();
    match body_type {
        Some(t) => x.open("body", &[("epub:type", t)]),
        None => x.open("body", &[]),
    }
    x.nl();
    f(&mut x);
    x.close("body");
    x.nl();
    x.close("html");
    x.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Block;
    use crate::model::{
        Book, Contributor, Division, DivisionKind, Inline, Metadata, Para, Relator,
    };

    /// Panics unless `xml` parses to the end.
    fn well_formed(name: &str, xml: &str) {
        assert!(!xml.chars().any(|c| !is_xml_char(c)), "{name}: {xml:?}");
        let mut r = quick_xml::Reader::from_str(xml);
        r.config_mut().check_end_names = true;
        loop {
            match r.read_event() {
                Ok(Event::Eof) => break,
                Ok(_) => {}
                Err(e) => panic!("{name}: {e}\n{xml}"),
            }
        }
    }

    #[test]
    fn only_xml_chars_are_written() {
        let cases = [
            ("A\u{1}B", "AB"),
            ("tab\tnl\ncr\r", "tab\tnl\ncr\r"),
            ("\u{b}\u{c}\u{1b}[31m", "[31m"),
            ("\u{FFFE}\u{FFFF}x\u{FFFD}", "x\u{FFFD}"),
            ("汉字😀\u{85}", "汉字😀\u{85}"),
        ];
        for (input, want) in cases {
            assert_eq!(xml_chars(input), want, "{input:?}");
            let mut x = Xml::new();
            x.leaf("p", &[("title", input)], input);
            well_formed(input, &String::from_utf8(x.finish()).unwrap());
        }
    }

    #[test]
    fn a_book_full_of_control_characters_gives_well_formed_files() {
        let bad = "A\u{1}B\u{FFFF}\u{1b}";
        let mut chapter = Division::new(DivisionKind::Chapter, "chapter-1", 1);
        chapter.title = vec![Inline::Text(bad.into())];
        chapter.label = Some(bad.into());
        chapter.blocks.push(Block::Para(Para {
            content: vec![Inline::Text(bad.into())],
            line: 2,
        }));
        let book = Book {
            meta: Metadata {
                title: bad.into(),
                language: crate::model::LanguageTag::known("zh-CN"),
                description: Some(bad.into()),
                subjects: vec![bad.into()],
                authors: vec![Contributor {
                    name: bad.into(),
                    role: Relator::author(),
                    label: None,
                    file_as: Some(bad.into()),
                    affiliation: None,
                }],
                ..Metadata::default()
            },
            body: vec![chapter],
            ..Book::default()
        };
        let r = crate::writer::epub::render(&book, &Default::default()).unwrap();
        for (name, bytes) in &r.files {
            if name.ends_with(".xhtml") || name.ends_with(".opf") || name.ends_with(".ncx") {
                well_formed(name, std::str::from_utf8(bytes).unwrap());
            }
        }
    }
}
