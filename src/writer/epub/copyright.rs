//! 版权页 (copyright page): the CIP record laid out as printed, and the colophon (版本记录) as a
//! table.

use super::xml::Xml;
use crate::model::{CipRecord, ColophonEntry};

/// Writes the 图书在版编目(CIP)数据 block: heading, description and imprint, ISBN, tracings,
/// CIP number — one printed line each, in a ruled box.
pub fn cip(x: &mut Xml, c: &CipRecord) {
    x.open("div", &[("class", "cip")]);
    x.nl();
    if !c.heading.is_empty() {
        x.leaf("p", &[("class", "cip-heading")], &c.heading);
        x.nl();
    }
    let description = c.description.trim();
    let imprint = c.imprint.trim();
    let entry = match (description.is_empty(), imprint.is_empty()) {
        (false, false) => format!("{}. —{imprint}", description.trim_end_matches('.')),
        (false, true) => description.to_string(),
        (true, false) => imprint.to_string(),
        (true, true) => String::new(),
    };
    if !entry.is_empty() {
        x.leaf("p", &[("class", "cip-description")], &entry);
        x.nl();
    }
    if let Some(isbn) = &c.isbn {
        x.leaf("p", &[("class", "cip-isbn")], isbn);
        x.nl();
    }
    if !c.tracings.is_empty() {
        x.open("p", &[("class", "cip-tracings")]);
        for (i, t) in c.tracings.iter().enumerate() {
            if i > 0 {
                x.text(" ");
            }
            x.leaf(
                "span",
                &[("class", "cip-tracing")],
                &format!("{}. {}", t.numeral, t.text),
            );
        }
        x.close("p");
        x.nl();
    }
    if let Some(n) = &c.cip_number_line {
        x.leaf("p", &[("class", "cip-number")], n);
        x.nl();
    }
    x.close("div");
    x.nl();
}

/// Writes the colophon as a two-column table: label (`责任编辑`) → value (`徐英`); a table
/// keeps each label beside its value even when a long label (`发行部业务电话`) wraps.
pub fn colophon(x: &mut Xml, entries: &[ColophonEntry]) {
    if entries.is_empty() {
        return;
    }
    x.open("table", &[("class", "colophon")]);
    x.nl();
    x.open("tbody", &[]);
    x.nl();
    for e in entries {
        x.open("tr", &[]);
        x.leaf("th", &[("scope", "row")], &e.label);
        x.leaf("td", &[], &e.value);
        x.close("tr");
        x.nl();
    }
    x.close("tbody");
    x.nl();
    x.close("table");
    x.nl();
}
