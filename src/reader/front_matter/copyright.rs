//! Facts from copyright pages beyond the Chinese CIP and colophon: the LoC block's names,
//! title and LCCN, English copyright lines (`By …`, `Published by …`, `First edition`, the
//! printer's key) and every labelled ISBN (print ones and the e-book one).

use crate::diag::{Code, Diagnostic};
use crate::model::{LabelledIsbn, Metadata};
use crate::reader::Line;

use super::FrontMatter;
use super::isbn::parse_isbn;
use super::names::contributor;
use super::western::{
    LocBlock, by_statement, edition_line, is_ebook_label, labelled_isbns, printers_key,
    published_by,
};

/// An English copyright-page line that is printed as a notice: `Copyright © …`,
/// `Published by …`, an edition statement, `Printed in …`, `First published …`.
pub fn english_notice(text: &str) -> bool {
    let t = text.trim();
    t.starts_with("Copyright")
        || t.starts_with("Printed in")
        || t.starts_with("First published")
        || published_by(t).is_some()
        || edition_line(t).is_some()
}

/// Takes what the LoC block knows into metadata the title page left empty.
pub fn apply_loc(loc: &LocBlock, meta: &mut Metadata) {
    if meta.authors.is_empty() {
        meta.authors = loc
            .names
            .iter()
            .filter(|c| c.role.code() == "aut")
            .cloned()
            .collect();
    } else {
        // the title page printed the names in display order; the LoC block gives the sort form
        for a in &mut meta.authors {
            if let Some(c) = loc.names.iter().find(|c| c.name == a.name) {
                a.file_as.clone_from(&c.file_as);
            }
        }
    }
    for c in loc.names.iter().filter(|c| c.role.code() != "aut") {
        if !meta.contributors.iter().any(|k| k.name == c.name) {
            meta.contributors.push(c.clone());
        }
    }
    if meta.title.is_empty() {
        meta.title = loc.title.clone().unwrap_or_default();
        meta.subtitle = meta.subtitle.take().or(loc.subtitle.clone());
    }
    if meta.print.edition.is_none() {
        meta.print.edition.clone_from(&loc.edition);
    }
    meta.lccn.clone_from(&loc.lccn);
}

/// English copyright-page lines: `By …` (authors, when none yet), `Published by …`,
/// an edition statement and the printer's key (its lowest number is the impression).
pub fn apply_english_lines(lines: &[Line<'_>], meta: &mut Metadata) {
    for l in lines {
        let t = l.text.trim();
        if let Some(names) = by_statement(t) {
            if meta.authors.is_empty() {
                meta.authors = names
                    .iter()
                    .map(|n| contributor(n, crate::model::Relator::author(), None))
                    .collect();
                meta.author_statement = Some(t.to_string());
            }
        } else if let Some((publisher, place)) = published_by(t) {
            meta.publisher.get_or_insert(publisher);
            if meta.place.is_none() {
                meta.place = place;
            }
        } else if let Some(e) = edition_line(t) {
            meta.print.edition.get_or_insert(e);
        } else if let Some(n) = printers_key(t) {
            meta.print.impression.get_or_insert(n.to_string());
        }
    }
}

/// Every ISBN printed with a label: the e-book one becomes `ebook_isbn`, the others
/// `print_isbns`; `isbn` is the first print ISBN.
pub fn collect_isbns(lines: &[Line<'_>], fm: &mut FrontMatter) {
    for l in lines {
        let text = l.text.replace("I S B N", "ISBN");
        for (printed, label) in labelled_isbns(&text) {
            let Ok(isbn) = parse_isbn(&printed) else {
                continue;
            };
            let meta = &mut fm.meta;
            if is_ebook_label(&label) {
                match &meta.ebook_isbn {
                    None => meta.ebook_isbn = Some(isbn),
                    Some(e) if e.digits != isbn.digits => fm.diagnostics.push(Diagnostic::new(
                        Code::EbookIsbnConflict,
                        l.no,
                        format!(
                            "a second e-book ISBN {}; keeping {}",
                            isbn.printed, e.printed
                        ),
                    )),
                    Some(_) => {}
                }
            } else if !meta
                .print_isbns
                .iter()
                .any(|p| p.isbn.digits == isbn.digits)
            {
                meta.print_isbns.push(LabelledIsbn { label, isbn });
            }
        }
    }
    let meta = &mut fm.meta;
    let is_ebook = |i: &crate::model::Isbn| {
        meta.ebook_isbn
            .as_ref()
            .is_some_and(|e| e.digits == i.digits)
    };
    if meta.isbn.as_ref().is_none_or(is_ebook) {
        if let Some(p) = meta.print_isbns.first() {
            meta.isbn = Some(p.isbn.clone());
        }
    }
}

/// A test on one line's text.
type LineTest = fn(&str) -> bool;

/// The copyright-page conventions recognised: which CIP block (from its heading line), a
/// printer's key, labelled ISBNs, English copyright lines; (name, first manuscript line).
pub fn conventions(lines: &[Line<'_>], cip_heading: Option<&Line<'_>>) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::new();
    if let Some(h) = cip_heading {
        let name = if super::western::is_loc_heading(h.text) {
            "Library of Congress CIP block"
        } else if super::taiwan::is_tw_cip_heading(h.text) {
            "Taiwan CIP block 國家圖書館出版品預行編目資料"
        } else {
            "Chinese CIP block 图书在版编目(CIP)数据"
        };
        out.push((name.to_string(), h.no));
    }
    let first = |f: LineTest| lines.iter().find(|l| f(l.text)).map(|l| l.no);
    let checks: [(&str, LineTest); 4] = [
        ("printer's key", |t| printers_key(t).is_some()),
        (
            "ISBNs labelled by format (hardcover, paperback, ebook, 平裝)",
            |t| {
                labelled_isbns(&t.replace("I S B N", "ISBN"))
                    .iter()
                    .any(|(_, l)| !l.is_empty())
            },
        ),
        (
            "English copyright lines (Copyright ©, Published by, edition)",
            english_notice,
        ),
        ("`By …` author statement", |t| by_statement(t).is_some()),
    ];
    for (name, f) in checks {
        if let Some(no) = first(f) {
            out.push((name.to_string(), no));
        }
    }
    out
}
