//! 版权页 (copyright page): the CIP record laid out as printed, and the colophon (版本记录) as a
//! table without the fields that only describe the printed copy.

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

/// Colophon fields that describe the printed copy only (定价 price, 印张 sheets, 印次
/// impression, 印数 print run, 成品尺寸 trim size, 开本 format): an e-book leaves them out.
pub const PRINT_ONLY: &[&str] = &["定价", "印张", "印次", "印数", "成品尺寸", "开本"];

/// Whether a colophon entry is print-only ([`PRINT_ONLY`]); spaces inside the label are ignored.
pub fn is_print_only(e: &ColophonEntry) -> bool {
    let label: String = e
        .label
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
        .collect();
    PRINT_ONLY.contains(&label.as_str())
}

/// Writes the colophon as a two-column table: label (`责任编辑`) → value (`徐英`); a table
/// keeps each label beside its value even when a long label (`发行部业务电话`) wraps. Print-only
/// fields are left out unless `keep_print` is set.
pub fn colophon(x: &mut Xml, entries: &[ColophonEntry], keep_print: bool) {
    let entries: Vec<&ColophonEntry> = entries
        .iter()
        .filter(|e| keep_print || !is_print_only(e))
        .collect();
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

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(label: &str, value: &str) -> ColophonEntry {
        ColophonEntry {
            label: label.into(),
            value: value.into(),
            line: 1,
        }
    }

    #[test]
    fn print_only_fields_are_left_out_unless_kept() {
        let entries = [
            entry("责任编辑", "温岚"),
            entry("成品尺寸", "148mm×210mm"),
            entry("印 张", "12.5"),
            entry("印次", "2019年9月第1次印刷"),
            entry("书号", "ISBN 978-7-5469-2381-9"),
            entry("定价", "48.00元"),
        ];
        let render = |keep| {
            let mut x = Xml::new();
            colophon(&mut x, &entries, keep);
            String::from_utf8(x.finish()).unwrap()
        };
        let ebook = render(false);
        for kept in ["责任编辑", "书号", "ISBN 978-7-5469-2381-9"] {
            assert!(ebook.contains(kept), "{kept}: {ebook}");
        }
        for dropped in ["成品尺寸", "印 张", "印次", "定价", "48.00元"] {
            assert!(!ebook.contains(dropped), "{dropped}: {ebook}");
        }
        let print = render(true);
        assert!(print.contains("定价") && print.contains("印 张"), "{print}");
    }
}
