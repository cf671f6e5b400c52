//! XML 写出 (XML output): a thin layer over quick-xml through which every byte of markup and
//! every escaped character of the EPUB is written.

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

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

    /// Opens an element with attributes (values are escaped).
    pub fn open(&mut self, name: &str, attrs: &[(&str, &str)]) {
        let start = BytesStart::new(name).with_attributes(attrs.iter().copied());
        self.event(Event::Start(start));
    }

    /// Closes an element.
    pub fn close(&mut self, name: &str) {
        self.event(Event::End(BytesEnd::new(name)));
    }

    /// Writes an empty element (`<link … />`).
    pub fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) {
        let start = BytesStart::new(name).with_attributes(attrs.iter().copied());
        self.event(Event::Empty(start));
    }

    /// Writes escaped text (`& < > " '` become entities).
    pub fn text(&mut self, s: &str) {
        if !s.is_empty() {
            self.event(Event::Text(BytesText::new(s)));
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
