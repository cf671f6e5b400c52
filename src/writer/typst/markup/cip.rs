//! The copyright page's CIP record (在版编目数据) and colophon (版本记录) as calls to the
//! template's `#cip` and `#colophon`.

use std::fmt::Write as _;

use super::{Markup, escape};
use crate::model::{CipRecord, CipStyle, ColophonEntry};

impl Markup<'_> {
    pub(super) fn cip(&mut self, cip: &CipRecord) {
        let content = |s: &str| format!("[{}]", escape::markup(s));
        let opt = |s: &Option<String>| s.as_deref().map_or("none".to_string(), content);
        if cip.style == CipStyle::LibraryOfCongress && !cip.issued.is_empty() {
            // as issued: one field per line (the template hangs the turnover lines)
            let fields: String = cip
                .issued
                .iter()
                .map(|f| format!("    {},\n", content(f)))
                .collect();
            let _ = writeln!(
                self.out,
                "#cip(\n  heading: {},\n  fields: (\n{fields}  ),\n  style: \"loc\",\n)\n",
                content(&cip.heading),
            );
            return;
        }
        let taiwan = cip.style == CipStyle::Taiwan;
        let tracings: Vec<String> = cip
            .tracings
            .iter()
            .map(|t| match (t.numeral.as_str(), taiwan) {
                ("", _) => content(&t.text),
                // Taiwan: `1.CST: 書院`, as issued.
                (n, true) => content(&format!("{n}.{}", t.text)),
                (n, false) => content(&format!("{n}. {}", t.text)),
            })
            .collect();
        let heading = if cip.heading.is_empty() {
            "图书在版编目(CIP)数据"
        } else {
            &cip.heading
        };
        // Only what the record has: a record without an edition or an extent, issued under
        // GB/T 12451, calls the template as before.
        let mut extra = String::new();
        if let Some(e) = &cip.edition {
            let _ = writeln!(extra, "  edition: {},", content(e));
        }
        if let Some(e) = &cip.extent {
            let _ = writeln!(extra, "  extent: {},", content(e));
        }
        if !cip.notes.is_empty() {
            let notes: Vec<String> = cip.notes.iter().map(|n| content(n)).collect();
            let _ = writeln!(extra, "  notes: ({},),", notes.join(", "));
        }
        if taiwan {
            extra.push_str("  style: \"taiwan\",\n");
        }
        let _ = writeln!(
            self.out,
            "#cip(\n  heading: {},\n  description: {},\n{extra}  imprint: {},\n  isbn: {},\n  tracings: ({}),\n  number-line: {},\n)\n",
            content(heading),
            // The template joins description, edition and imprint as issued (`. —`, `. -- `).
            content(cip.description.trim().trim_end_matches('.')),
            content(&cip.imprint),
            opt(&cip.isbn),
            tracings
                .iter()
                .map(|t| format!("{t}, "))
                .collect::<String>()
                .trim_end(),
            opt(&cip.cip_number_line),
        );
    }

    pub(super) fn colophon(&mut self, entries: &[ColophonEntry]) {
        self.out.push_str("#colophon((\n");
        for e in entries {
            let _ = writeln!(
                self.out,
                "  ([{}], [{}]),",
                escape::markup(&e.label),
                escape::markup(&e.value)
            );
        }
        self.out.push_str("))\n\n");
    }
}
