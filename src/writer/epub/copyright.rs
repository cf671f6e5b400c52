//! 版权页 (copyright page): the CIP record laid out as printed, and the colophon (版本记录) as a
//! table without the fields that only describe the printed copy.

use super::script;
use super::xml::Xml;
use crate::model::{CipRecord, CipStyle, ColophonEntry};

/// Writes the 图书在版编目(CIP)数据 block: heading, description, edition and imprint, ISBN,
/// tracings, CIP number — one printed line each, in a ruled box. A Taiwan record
/// ([`CipStyle::Taiwan`]) prints its areas joined by `. -- `, its physical description (`面；公分`)
/// on its own line and its subjects as issued (`1.CST: 書院 2.CST: 教育史`). In a book not in
/// Chinese (`chinese` false) the areas are joined by `. — ` with spaces, as ISBD sets them in Latin
/// script.
pub fn cip(x: &mut Xml, c: &CipRecord, chinese: bool) {
    if c.style == CipStyle::LibraryOfCongress && !c.issued.is_empty() {
        return loc(x, c);
    }
    let taiwan = c.style == CipStyle::Taiwan;
    if taiwan {
        x.open("div", &[("class", "cip cip-taiwan")]);
    } else {
        x.open("div", &[("class", "cip")]);
    }
    x.nl();
    if !c.heading.is_empty() {
        leaf(x, "p", &[("class", "cip-heading")], &c.heading, chinese);
        x.nl();
    }
    let entry = entry(c, chinese);
    if !entry.is_empty() {
        leaf(x, "p", &[("class", "cip-description")], &entry, chinese);
        x.nl();
    }
    if let Some(extent) = &c.extent {
        leaf(x, "p", &[("class", "cip-extent")], extent, chinese);
        x.nl();
    }
    if let Some(isbn) = &c.isbn {
        leaf(x, "p", &[("class", "cip-isbn")], isbn, chinese);
        x.nl();
    }
    if !c.tracings.is_empty() {
        x.open("p", &[("class", "cip-tracings")]);
        for (i, t) in c.tracings.iter().enumerate() {
            if i > 0 {
                x.text(" ");
            }
            let text = match (t.numeral.as_str(), taiwan) {
                ("", _) => t.text.clone(),
                (n, true) => format!("{n}.{}", t.text),
                (n, false) => format!("{n}. {}", t.text),
            };
            leaf(x, "span", &[("class", "cip-tracing")], &text, chinese);
        }
        x.close("p");
        x.nl();
    }
    if let Some(n) = &c.cip_number_line {
        leaf(x, "p", &[("class", "cip-number")], n, chinese);
        x.nl();
    }
    x.close("div");
    x.nl();
}

/// A Library of Congress record as issued: the heading, then each field on its own line
/// (`Names: …`, `Description: … | Includes bibliographical references.`, `Classification: LCC
/// … | DDC …`, or a catalogue card's lines), its turnover lines hung.
fn loc(x: &mut Xml, c: &CipRecord) {
    x.open("div", &[("class", "cip cip-loc")]);
    x.nl();
    if !c.heading.is_empty() {
        x.leaf("p", &[("class", "cip-heading")], &c.heading);
        x.nl();
    }
    for field in &c.issued {
        x.leaf("p", &[("class", "cip-field")], field);
        x.nl();
    }
    x.close("div");
    x.nl();
}

/// The description, edition and imprint areas as one entry, joined as the record's standard
/// issues them (`. —` GB/T 12451, `. -- ` Taiwan, `. — ` in Latin script).
fn entry(c: &CipRecord, chinese: bool) -> String {
    let sep = match c.style {
        CipStyle::Taiwan => ". -- ",
        CipStyle::Gb if chinese => ". —",
        CipStyle::Gb | CipStyle::LibraryOfCongress => ". — ",
    };
    [
        c.description.trim().trim_end_matches('.'),
        c.edition.as_deref().unwrap_or("").trim(),
        c.imprint.trim(),
    ]
    .into_iter()
    .chain(c.notes.iter().map(|n| n.trim()))
    .filter(|a| !a.is_empty())
    .collect::<Vec<_>>()
    .join(sep)
}

/// Colophon fields that describe the printed copy only (定价 price, 印张 sheets, 印次
/// impression, 印数 print run, 成品尺寸 trim size, 开本 format), in Simplified and Traditional
/// (定價, 售價, 印張, 印數, 開本): an e-book leaves them out.
pub const PRINT_ONLY: &[&str] = &[
    "定价",
    "印张",
    "印次",
    "印数",
    "成品尺寸",
    "开本",
    "定價",
    "售價",
    "印張",
    "印數",
    "開本",
];

/// Whether a colophon entry is print-only ([`PRINT_ONLY`]); spaces inside the label are ignored.
pub fn is_print_only(e: &ColophonEntry) -> bool {
    let label: String = e
        .label
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
        .collect();
    PRINT_ONLY.contains(&label.as_str())
}

/// `<name attrs>text</name>`, the text's Latin runs marked in a CJK book ([`script::text`]).
fn leaf(x: &mut Xml, name: &str, attrs: &[(&str, &str)], text: &str, cjk: bool) {
    x.open(name, attrs);
    script::text(x, text, cjk);
    x.close(name);
}

/// Writes the colophon as a two-column table: label (`责任编辑`) → value (`徐英`); a table
/// keeps each label beside its value even when a long label (`发行部业务电话`) wraps. Print-only
/// fields are left out unless `keep_print` is set; in a CJK book (`cjk`) Latin runs in the
/// values (an address, a web site) are marked for the Latin font.
pub fn colophon(x: &mut Xml, entries: &[ColophonEntry], keep_print: bool, cjk: bool) {
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
        leaf(x, "td", &[], &e.value, cjk);
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

    fn render_cip(c: &CipRecord, chinese: bool) -> String {
        let mut x = Xml::new();
        cip(&mut x, c, chinese);
        String::from_utf8(x.finish()).unwrap()
    }

    fn tracing(numeral: &str, text: &str) -> crate::model::CipTracing {
        crate::model::CipTracing {
            numeral: numeral.into(),
            text: text.into(),
        }
    }

    #[test]
    fn a_taiwan_record_prints_as_issued() {
        let c = CipRecord {
            heading: "國家圖書館出版品預行編目(CIP)資料".into(),
            description: "溪聲集／林一著".into(),
            edition: Some("初版".into()),
            imprint: "臺中市：溪聲出版社，2020.08".into(),
            extent: Some("　面；　公分".into()),
            isbn: Some("ISBN 978-986-000-000-1（平裝）".into()),
            tracings: vec![tracing("1", "CST: 散文"), tracing("2", "CST: 河流")],
            cip_number_line: Some("855　　　109001234".into()),
            style: CipStyle::Taiwan,
            ..CipRecord::default()
        };
        let html = render_cip(&c, true);
        for line in [
            "<div class=\"cip cip-taiwan\">",
            ">溪聲集／林一著. -- 初版. -- 臺中市：溪聲出版社，2020.08</p>",
            "<p class=\"cip-extent\">　面；　公分</p>",
            // Latin runs are marked for the Latin font.
            "><span class=\"latin\">1.CST:</span> 散文</span> <span class=\"cip-tracing\"><span class=\"latin\">2.CST:</span> 河流</span>",
            "<span class=\"latin\">ISBN 978-986-000-000-1</span>（平裝）</p>",
            "<p class=\"cip-number\">855　　　109001234</p>",
        ] {
            assert!(html.contains(line), "{line}\n{html}");
        }
    }

    #[test]
    fn a_gb_record_joins_its_areas_with_a_dash() {
        let c = CipRecord {
            description: "河港志/王大同编".into(),
            edition: Some("2 版".into()),
            imprint: "南京：江岸出版社，2021.6".into(),
            tracings: vec![tracing("I", "河…"), tracing("II", "王…")],
            ..CipRecord::default()
        };
        let html = render_cip(&c, true);
        assert!(
            html.contains(">河港志/王大同编. —2 版. —南京：江岸出版社，2021.6</p>"),
            "{html}"
        );
        assert!(
            html.contains(
                "><span class=\"latin\">I.</span> 河…</span> <span class=\"cip-tracing\">\
                 <span class=\"latin\">II.</span> 王…<"
            ),
            "{html}"
        );
        assert!(
            !html.contains("cip-extent") && !html.contains("cip-taiwan"),
            "{html}"
        );
        let series = CipRecord {
            description: "渡口的故事/赵小溪著".into(),
            imprint: "南京：江岸出版社，2021.6".into(),
            notes: vec!["（河流文化丛书）".into()],
            ..CipRecord::default()
        };
        let html = render_cip(&series, true);
        assert!(
            html.contains(">渡口的故事/赵小溪著. —南京：江岸出版社，2021.6. —（河流文化丛书）</p>"),
            "{html}"
        );
        let latin = CipRecord {
            description: "The salt road / M. Harlow.".into(),
            imprint: "Riverton : Millbank Press, 2021".into(),
            ..CipRecord::default()
        };
        let html = render_cip(&latin, false);
        assert!(
            html.contains(">The salt road / M. Harlow. — Riverton : Millbank Press, 2021</p>"),
            "{html}"
        );
    }

    #[test]
    fn a_library_of_congress_record_prints_every_field_as_issued() {
        let c = CipRecord {
            heading: "Library of Congress Cataloging-in-Publication Data".into(),
            description: "The salt road / M. Harlow.".into(),
            notes: vec!["Includes bibliographical references.".into()],
            issued: vec![
                "Names: Harlow, Margaret, author.".into(),
                "Description: Riverton : Millbank Press, 2021. | Includes bibliographical references.".into(),
                "Classification: LCC HE5781 .H37 2021 (print) | DDC 386/.6—dc23".into(),
            ],
            style: CipStyle::LibraryOfCongress,
            ..CipRecord::default()
        };
        let html = render_cip(&c, false);
        for line in [
            "<div class=\"cip cip-loc\">",
            "<p class=\"cip-heading\">Library of Congress Cataloging-in-Publication Data</p>",
            "<p class=\"cip-field\">Names: Harlow, Margaret, author.</p>",
            "<p class=\"cip-field\">Description: Riverton : Millbank Press, 2021. | Includes bibliographical references.</p>",
            "<p class=\"cip-field\">Classification: LCC HE5781 .H37 2021 (print) | DDC 386/.6—dc23</p>",
        ] {
            assert!(html.contains(line), "{line}\n{html}");
        }
        assert!(!html.contains("cip-description"), "{html}");
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
            entry("定　　價", "新臺幣 380 元"),
            entry("開 本", "25 開"),
        ];
        let render = |keep| {
            let mut x = Xml::new();
            colophon(&mut x, &entries, keep, true);
            String::from_utf8(x.finish()).unwrap()
        };
        let ebook = render(false);
        for kept in ["责任编辑", "书号", "ISBN 978-7-5469-2381-9"] {
            assert!(ebook.contains(kept), "{kept}: {ebook}");
        }
        for dropped in [
            "成品尺寸",
            "印 张",
            "印次",
            "定价",
            "48.00元",
            "定　　價",
            "開 本",
        ] {
            assert!(!ebook.contains(dropped), "{dropped}: {ebook}");
        }
        let print = render(true);
        assert!(print.contains("定价") && print.contains("印 张"), "{print}");
    }
}
