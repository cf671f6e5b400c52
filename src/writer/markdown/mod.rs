//! Markdown writer (Markdown 写出): the book as pandoc-compatible Markdown that
//! [`crate::reader::markdown`] reads back into the same model.
//!
//! - a YAML metadata block with every recovered field under book.toml's names
//!   (the model's serde form, empty fields left out);
//! - one ATX heading per division, its printed label as a span and its kind, id and run as
//!   attributes: `# [第一章]{.label} 绪论 {#chapter-1 .chapter}` (`matter=front` where the run is
//!   not the kind's usual one);
//! - fenced divs for the blocks plain Markdown lacks: `::: signature`, `::: dateline`,
//!   `::: notice`, `::: {.display .title}`, `::: kicker`, and `::: cip`, `::: colophon`,
//!   `::: contents` holding pipe tables;
//! - block quotations as `>`; notes as `[^n]` defined at the end, their printed mark in
//!   `[]{.note mark="①"}`; page marks as `[]{.pagebreak page="17"}`.

mod inline;

use std::fmt::Write as _;

use serde_yaml_ng::{Mapping, Value};

use crate::writer::Output;

use crate::model::{
    Block, Book, CipRecord, ColophonEntry, ContentsEntry, Division, List, Matter, Metadata,
    NotePlacement,
};

pub use inline::{Place, inlines, note_label, quoted};

/// Options of the Markdown writer (none yet: the output is fully determined by the book).
#[derive(Debug, Clone, Default)]
pub struct MarkdownOptions {}

/// The one file of the Markdown writer's [`Output`]: `paiban convert` writes it where `-o`
/// says (`BOOK.md` beside the manuscript by default).
pub const FILE: &str = "book.md";

/// The Markdown writer: `book` as one document, [`FILE`] (UTF-8, `\n` line ends). It cannot
/// fail and finds nothing to report: every field and block of the model has its Markdown form.
pub fn write_markdown(book: &Book, _opts: &MarkdownOptions) -> Output {
    let mut out = String::new();
    let mut meta = book.meta.clone();
    // The copyright page's CIP block carries the record; the metadata repeats it only if it
    // says something else.
    if meta.cip.is_some() && first_cip(book) == meta.cip.as_ref() {
        meta.cip = None;
    }
    out.push_str("---\n");
    out.push_str(&to_yaml(&meta));
    out.push_str("---\n");
    for (matter, divs) in [
        (Matter::Front, &book.front),
        (Matter::Body, &book.body),
        (Matter::Back, &book.back),
    ] {
        for d in divs {
            division(d, 1, Some(matter), &mut out);
        }
    }
    if !book.notes.is_empty() {
        out.push('\n');
    }
    for n in &book.notes {
        let mut attrs = String::from(".note");
        if n.placement == NotePlacement::Endnote {
            attrs.push_str(" .endnote");
        }
        let _ = write!(attrs, " mark={}", quoted(&n.mark));
        let text = inlines(&n.content, Place::Block, "    ");
        let sep = if text.is_empty() { "" } else { " " };
        let _ = writeln!(out, "[^{}]: []{{{attrs}}}{sep}{text}", note_label(n.id));
    }
    Output::new(vec![(FILE.to_string(), out.into_bytes())])
}

/// The metadata as the YAML block writes it: the model's serde form without empty fields, an
/// ISBN as printed (`isbn: 978-7-…`) rather than its digits-and-printed table.
pub fn to_yaml(meta: &Metadata) -> String {
    let value = serde_yaml_ng::to_value(meta).expect("the model serialises");
    match prune(value) {
        Some(v) => serde_yaml_ng::to_string(&v).expect("a YAML value serialises"),
        None => String::new(),
    }
}

/// Drops nulls, `false`, empty lists and tables (the model's defaults); an ISBN table becomes
/// its printed form.
fn prune(v: Value) -> Option<Value> {
    match v {
        Value::Null | Value::Bool(false) => None,
        Value::Sequence(items) => {
            let items: Vec<Value> = items.into_iter().filter_map(prune).collect();
            (!items.is_empty()).then_some(Value::Sequence(items))
        }
        Value::Mapping(m) => {
            let isbn = m.len() == 2 && m.contains_key("digits") && m.contains_key("printed");
            if isbn {
                return m.get("printed").cloned();
            }
            let m: Mapping = m
                .into_iter()
                .filter_map(|(k, v)| prune(v).map(|v| (k, v)))
                .collect();
            (!m.is_empty()).then_some(Value::Mapping(m))
        }
        other => Some(other),
    }
}

fn first_cip(book: &Book) -> Option<&CipRecord> {
    book.divisions().find_map(|d| {
        d.blocks.iter().find_map(|b| match b {
            Block::Cip(c) => Some(&**c),
            _ => None,
        })
    })
}

/// A heading and its content; `matter` is the run of a top-level division.
fn division(d: &Division, level: usize, matter: Option<Matter>, out: &mut String) {
    out.push('\n');
    out.push_str(&"#".repeat(level.min(6)));
    let mut title = String::new();
    if let Some(label) = &d.label {
        let _ = write!(
            title,
            "[{}]{{.label}}",
            inlines(
                &[crate::model::Inline::Text(label.clone())],
                Place::Line { cell: false },
                ""
            )
        );
        if !d.title.is_empty() {
            title.push(' ');
        }
    }
    title.push_str(&inlines(&d.title, Place::Line { cell: false }, ""));
    if !title.is_empty() {
        out.push(' ');
        out.push_str(&title);
    }
    let _ = write!(out, " {{#{} .{}", d.id, d.kind.name());
    if let Some(m) = matter.filter(|m| *m != d.kind.default_matter()) {
        let _ = write!(out, " matter={}", m.name());
    }
    out.push_str("}\n");
    if let Some(k) = &d.kicker {
        div_one("kicker", &inlines(k, Place::Block, ""), out);
    }
    for b in &d.blocks {
        block(b, out);
    }
    for c in &d.children {
        division(c, level + 1, None, out);
    }
}

/// A fenced div around one paragraph: `::: class` / text / `:::`.
fn div_one(attrs: &str, text: &str, out: &mut String) {
    let open = if attrs.contains(' ') || attrs.contains('=') {
        format!("{{{attrs}}}")
    } else {
        attrs.to_string()
    };
    let _ = write!(out, "\n::: {open}\n{text}\n:::\n");
}

fn block(b: &Block, out: &mut String) {
    match b {
        Block::Para(p) => {
            let _ = write!(out, "\n{}\n", inlines(&p.content, Place::Block, ""));
        }
        Block::Signature(p) => div_one("signature", &inlines(&p.content, Place::Block, ""), out),
        Block::Dateline(p) => div_one("dateline", &inlines(&p.content, Place::Block, ""), out),
        Block::Salutation(p) => div_one("salutation", &inlines(&p.content, Place::Block, ""), out),
        Block::EndMark(p) => div_one("end-mark", &inlines(&p.content, Place::Block, ""), out),
        Block::Notice(p) => div_one("notice", &inlines(&p.content, Place::Block, ""), out),
        Block::Display(l) => div_one(
            &format!(".display .{}", l.role.name()),
            &inlines(&l.content, Place::Block, ""),
            out,
        ),
        Block::Quote(blocks) => {
            let mut inner = String::new();
            for b in blocks {
                block(b, &mut inner);
            }
            out.push('\n');
            for line in inner.trim_start_matches('\n').lines() {
                if line.is_empty() {
                    out.push_str(">\n");
                } else {
                    let _ = writeln!(out, "> {line}");
                }
            }
        }
        Block::LineBlock(p) => div_one("lines", &inlines(&p.content, Place::Block, ""), out),
        Block::Figure(p) => div_one("figure", &inlines(&p.content, Place::Block, ""), out),
        Block::SceneBreak(_) => out.push_str("\n* * *\n"),
        Block::List(list) => list_items(list, out),
        Block::Preformatted(pre) => {
            let body = pre.lines.join("\n");
            let mut fence = "```".to_string();
            while body.contains(&fence) {
                fence.push('`');
            }
            let _ = write!(out, "\n::: preformatted\n{fence}\n{body}\n{fence}\n:::\n");
        }
        Block::Cip(c) => table_div("cip", &["field", "value"], &cip_rows(c), out),
        Block::Colophon(entries) => table_div(
            "colophon",
            &["label", "value"],
            &colophon_rows(entries),
            out,
        ),
        Block::Contents(entries) => table_div(
            "contents",
            &["level", "label", "title", "page", "target"],
            &contents_rows(entries),
            out,
        ),
    }
}

/// A list as `- item` or `N. item`, each item's blocks indented under its marker (a loose list:
/// items apart by a blank line, so that an item of several blocks reads back whole).
fn list_items(list: &List, out: &mut String) {
    out.push('\n');
    for (i, item) in list.items.iter().enumerate() {
        let marker = match list.start {
            Some(n) => format!("{}. ", n + i as u64),
            None => "- ".to_string(),
        };
        let mut inner = String::new();
        for b in item {
            block(b, &mut inner);
        }
        if i > 0 {
            out.push('\n');
        }
        let pad = " ".repeat(marker.len());
        let mut lines = inner.trim_start_matches('\n').lines();
        let _ = writeln!(out, "{marker}{}", lines.next().unwrap_or("").trim_end());
        for line in lines {
            if line.is_empty() {
                out.push('\n');
            } else {
                let _ = writeln!(out, "{pad}{line}");
            }
        }
    }
}

fn cell(s: &str) -> String {
    inlines(
        &[crate::model::Inline::Text(s.to_string())],
        Place::Line { cell: true },
        "",
    )
}

fn cip_rows(c: &CipRecord) -> Vec<Vec<String>> {
    let mut rows = vec![
        vec!["heading".to_string(), cell(&c.heading)],
        vec!["description".into(), cell(&c.description)],
        vec!["imprint".into(), cell(&c.imprint)],
    ];
    let mut one = |key: &str, v: &Option<String>| {
        if let Some(v) = v {
            rows.push(vec![key.to_string(), cell(v)]);
        }
    };
    one("edition", &c.edition);
    one("extent", &c.extent);
    one("isbn", &c.isbn);
    one("classification", &c.classification);
    one("cip_number_line", &c.cip_number_line);
    one("cip_number", &c.cip_number);
    for t in &c.tracings {
        let text = match t.numeral.as_str() {
            "" => t.text.clone(),
            n => format!("{n}. {}", t.text),
        };
        rows.push(vec!["tracing".into(), cell(&text)]);
    }
    for s in &c.subjects {
        rows.push(vec!["subject".into(), cell(s)]);
    }
    for (key, list) in [
        ("note", &c.notes),
        ("control_number", &c.control_numbers),
        ("class_number", &c.class_numbers),
        ("issued", &c.issued),
    ] {
        rows.extend(list.iter().map(|v| vec![key.to_string(), cell(v)]));
    }
    match c.style {
        crate::model::CipStyle::Gb => {}
        crate::model::CipStyle::Taiwan => rows.push(vec!["style".into(), "taiwan".into()]),
        crate::model::CipStyle::LibraryOfCongress => {
            rows.push(vec!["style".into(), "library-of-congress".into()])
        }
    }
    rows
}

fn colophon_rows(entries: &[ColophonEntry]) -> Vec<Vec<String>> {
    entries
        .iter()
        .map(|e| vec![cell(&e.label), cell(&e.value)])
        .collect()
}

fn contents_rows(entries: &[ContentsEntry]) -> Vec<Vec<String>> {
    let opt = |v: &Option<String>| v.as_deref().map(cell).unwrap_or_default();
    entries
        .iter()
        .map(|e| {
            vec![
                e.level.to_string(),
                opt(&e.label),
                cell(&e.title),
                opt(&e.page),
                opt(&e.target),
            ]
        })
        .collect()
}

/// `::: class` around a pipe table with a header row of field names.
fn table_div(class: &str, header: &[&str], rows: &[Vec<String>], out: &mut String) {
    let _ = write!(out, "\n::: {class}\n\n");
    let line = |cells: &[String], out: &mut String| {
        out.push('|');
        for c in cells {
            let _ = write!(out, " {c} |");
        }
        out.push('\n');
    };
    let header: Vec<String> = header.iter().map(|h| h.to_string()).collect();
    line(&header, out);
    line(&vec!["---".to_string(); header.len()], out);
    for r in rows {
        line(r, out);
    }
    out.push_str("\n:::\n");
}
