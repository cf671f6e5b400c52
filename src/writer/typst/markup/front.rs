//! The front matter of `main.typ` (前置部分): title page (the book's own or one set from the
//! metadata), copyright page, contents and the other front divisions, in print order.

use std::fmt::Write as _;

use super::text::{call_args, display_markup};
use super::{Markup, escape};
use crate::model::{DisplayRole, Division, DivisionKind};

/// Order of front-matter divisions in print: half-title, title page, copyright page, preface,
/// abstract, contents (others keep their place among the prose divisions).
fn front_rank(kind: DivisionKind) -> u8 {
    match kind {
        DivisionKind::Cover => 0,
        DivisionKind::TitlePage => 1,
        DivisionKind::CopyrightPage => 2,
        DivisionKind::Dedication => 3,
        DivisionKind::Abstract => 5,
        DivisionKind::Contents => 6,
        _ => 4,
    }
}

impl Markup<'_> {
    pub(super) fn front(&mut self) {
        let mut front: Vec<&Division> = self.book.front.iter().collect();
        front.sort_by_key(|d| front_rank(d.kind));
        let has = |k: DivisionKind| front.iter().any(|d| d.kind == k);
        if !has(DivisionKind::TitlePage) {
            self.synthetic_title_page();
        }
        if !has(DivisionKind::CopyrightPage) && self.book.meta.cip.is_some() {
            self.out.push_str("#copyright-page[\n");
            if let Some(cip) = &self.book.meta.cip {
                self.cip(cip);
            }
            self.out.push_str("]\n\n");
        }
        let mut contents_done = false;
        for d in front {
            match d.kind {
                DivisionKind::Cover => {}
                // the notes homed on a display page (a transcriber's note above the text)
                // are printed on it, never dropped
                DivisionKind::TitlePage => {
                    self.out.push_str("#title-page[\n");
                    self.blocks(&d.blocks);
                    self.orphan_notes(d);
                    self.out.push_str("]\n\n");
                }
                DivisionKind::CopyrightPage => {
                    self.out.push_str("#copyright-page[\n");
                    self.blocks(&d.blocks);
                    self.orphan_notes(d);
                    self.out.push_str("]\n\n");
                }
                DivisionKind::Contents => {
                    let title = self.title_or(d, self.contents_name(), "Contents");
                    let _ = writeln!(self.out, "#contents[{}]\n", title.text);
                    self.orphan_notes(d);
                    contents_done = true;
                }
                _ => self.front_division(d),
            }
        }
        if !contents_done && !self.book.body.is_empty() {
            let title = if self.is_chinese() {
                self.contents_name()
            } else {
                "Contents"
            };
            let _ = writeln!(self.out, "#contents[{}]\n", escape::markup(title));
        }
    }

    fn synthetic_title_page(&mut self) {
        let m = &self.book.meta;
        self.out.push_str("#title-page[\n");
        self.display_text(DisplayRole::Title, &m.title);
        if let Some(s) = &m.subtitle {
            self.display_text(DisplayRole::Subtitle, s);
        }
        if let Some(a) = &m.alt_title {
            self.display_text(DisplayRole::AltTitle, &a.text);
        }
        let authors = m.author_statement.clone().unwrap_or_else(|| {
            let names: Vec<&str> = m.authors.iter().map(|a| a.name.as_str()).collect();
            let et_al = if m.authors_et_al { " 等" } else { "" };
            format!("{}{et_al}", names.join("　"))
        });
        if !authors.trim().is_empty() {
            self.display_text(DisplayRole::Authors, &authors);
        }
        if let Some(p) = &m.publisher {
            self.display_text(DisplayRole::Publisher, p);
        }
        self.out.push_str("]\n\n");
    }

    fn display_text(&mut self, role: DisplayRole, text: &str) {
        let _ = writeln!(
            self.out,
            "#display-line(role: \"{}\")[{}]",
            role.name(),
            display_markup(text)
        );
    }

    fn front_division(&mut self, d: &Division) {
        let title = self.title_or(d, "", "");
        let mut args = Vec::new();
        if let Some(k) = &d.kicker {
            args.push(format!("kicker: [{}]", self.inlines(k)));
        }
        if let Some(n) = &title.notes {
            args.push(format!("notes: [{n}]"));
        }
        let _ = writeln!(
            self.out,
            "#front-division{}[{}]\n",
            call_args(&args),
            title.text
        );
        self.blocks(&d.blocks);
        for c in &d.children {
            self.division(c, 2);
        }
        self.orphan_notes(d);
    }
}
