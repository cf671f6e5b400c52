//! A readable text dump of the model (like pandoc's native format), used as golden output so
//! reader tests never depend on a writer.

use std::fmt::Write;

use serde_json::Value;

use super::{Block, Book, Division, Inline, Metadata};

/// Renders the whole book as indented text: metadata, divisions, blocks, notes.
pub fn dump(book: &Book) -> String {
    let mut out = String::new();
    dump_meta(&book.meta, &mut out);
    for (name, divs) in [
        ("front", &book.front),
        ("body", &book.body),
        ("back", &book.back),
    ] {
        let _ = writeln!(out, "{name}:");
        for d in divs {
            dump_division(d, 1, &mut out);
        }
    }
    let _ = writeln!(out, "notes:");
    for n in &book.notes {
        let _ = writeln!(
            out,
            "  [{}] mark={} line={} {:?}: {}",
            n.id.index(),
            n.mark,
            n.line,
            n.placement,
            inlines(&n.content)
        );
    }
    out
}

/// The `meta:` section, from the metadata's serde form so that every field appears: one
/// `path: value` line per non-empty scalar (`authors[0].name: …`, `cip.subjects[1]: …`).
fn dump_meta(m: &Metadata, out: &mut String) {
    let _ = writeln!(out, "meta:");
    let value = serde_json::to_value(m).expect("metadata serializes");
    flatten("", &value, out);
}

fn flatten(path: &str, v: &Value, out: &mut String) {
    match v {
        Value::Null | Value::Bool(false) => {}
        Value::String(s) if s.is_empty() => {}
        Value::Object(fields) => {
            for (k, v) in fields {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                flatten(&p, v, out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                flatten(&format!("{path}[{i}]"), v, out);
            }
        }
        Value::String(s) => {
            let _ = writeln!(out, "  {path}: {s}");
        }
        Value::Bool(true) | Value::Number(_) => {
            let _ = writeln!(out, "  {path}: {v}");
        }
    }
}

fn dump_division(d: &Division, depth: usize, out: &mut String) {
    let pad = "  ".repeat(depth);
    let label = d.label.as_deref().unwrap_or("");
    let _ = writeln!(
        out,
        "{pad}{} #{} line={} label={label:?} title={:?}",
        d.kind.name(),
        d.id,
        d.line,
        inlines(&d.title)
    );
    if let Some(k) = &d.kicker {
        let _ = writeln!(out, "{pad}  kicker: {}", inlines(k));
    }
    for b in &d.blocks {
        dump_block(b, depth + 1, out);
    }
    for c in &d.children {
        dump_division(c, depth + 1, out);
    }
}

fn dump_block(b: &Block, depth: usize, out: &mut String) {
    let pad = "  ".repeat(depth);
    match b {
        Block::Para(p) => {
            let _ = writeln!(out, "{pad}para@{}: {}", p.line, inlines(&p.content));
        }
        Block::Signature(p) => {
            let _ = writeln!(out, "{pad}signature@{}: {}", p.line, inlines(&p.content));
        }
        Block::Dateline(p) => {
            let _ = writeln!(out, "{pad}dateline@{}: {}", p.line, inlines(&p.content));
        }
        Block::Notice(p) => {
            let _ = writeln!(out, "{pad}notice@{}: {}", p.line, inlines(&p.content));
        }
        Block::Quote(bs) => {
            let _ = writeln!(out, "{pad}quote:");
            for b in bs {
                dump_block(b, depth + 1, out);
            }
        }
        Block::Display(l) => {
            let _ = writeln!(
                out,
                "{pad}display@{} {:?}: {}",
                l.line,
                l.role,
                inlines(&l.content)
            );
        }
        Block::Cip(c) => {
            let _ = writeln!(
                out,
                "{pad}cip: {} | {} | {}",
                c.heading, c.description, c.imprint
            );
        }
        Block::Colophon(entries) => {
            for e in entries {
                let _ = writeln!(out, "{pad}colophon@{}: {} = {}", e.line, e.label, e.value);
            }
        }
        Block::LineBlock(p) => {
            let _ = writeln!(out, "{pad}lines@{}: {}", p.line, inlines(&p.content));
        }
        Block::Figure(p) => {
            let _ = writeln!(out, "{pad}figure@{}: {}", p.line, inlines(&p.content));
        }
        Block::SceneBreak(line) => {
            let _ = writeln!(out, "{pad}scene-break@{line}");
        }
        Block::Preformatted(pre) => {
            let _ = writeln!(out, "{pad}pre@{}:", pre.line);
            for l in &pre.lines {
                let _ = writeln!(out, "{pad}  | {l}");
            }
        }
        Block::List(list) => {
            let kind = match list.start {
                Some(n) => format!("numbered from {n}"),
                None => "bullets".to_string(),
            };
            let _ = writeln!(out, "{pad}list@{} {kind}:", list.line);
            for item in &list.items {
                let _ = writeln!(out, "{pad}  item:");
                for b in item {
                    dump_block(b, depth + 2, out);
                }
            }
        }
        Block::Contents(entries) => {
            for e in entries {
                let label = e.label.as_deref().unwrap_or("");
                let page = e.page.as_deref().unwrap_or("-");
                let target = e.target.as_deref().unwrap_or("(none)");
                let _ = writeln!(
                    out,
                    "{pad}toc@{} L{} {label:?} {:?} p.{page} -> {target}",
                    e.line, e.level, e.title
                );
            }
        }
    }
}

/// Inline content as text, with note references shown as `[^N]` and page marks as `{pN}`.
fn inlines(content: &[Inline]) -> String {
    let mut s = String::new();
    for i in content {
        match i {
            Inline::Text(t) => s.push_str(t),
            Inline::NoteRef(id) => {
                let _ = write!(s, "[^{}]", id.index());
            }
            Inline::PageBreak(p) => {
                let _ = write!(s, "{{p{}}}", p.number);
            }
            Inline::LineBreak => s.push_str("{br}"),
            Inline::Emphasis(inner) => {
                let _ = write!(s, "{{em:{}}}", inlines(inner));
            }
            Inline::Strong(inner) => {
                let _ = write!(s, "{{strong:{}}}", inlines(inner));
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Contributor, Isbn, LabelledIsbn, NoteId, Para, Relator};

    fn book() -> Book {
        let isbn = Isbn::parse("ISBN 978-7-220-07597-1").unwrap();
        let mut chapter = Division::new(super::super::DivisionKind::Chapter, "chapter-1", 9);
        chapter.blocks.push(Block::Para(Para {
            content: vec![Inline::Text("正文".into()), Inline::NoteRef(NoteId::new(0))],
            line: 10,
        }));
        Book {
            meta: Metadata {
                title: "书名".into(),
                language: crate::model::LanguageTag::known("zh-CN"),
                publisher_address: Some("某市某路1号".into()),
                subjects: vec!["河流—历史".into()],
                lccn: Some("2020012345".into()),
                ebook_isbn: Some(isbn.clone()),
                print_isbns: vec![LabelledIsbn {
                    label: "平裝".into(),
                    isbn: isbn.clone(),
                }],
                contributors: vec![Contributor {
                    name: "王五".into(),
                    role: Relator::marc("wpr"),
                    label: Some("序".into()),
                    file_as: Some("Wang, Wu".into()),
                    affiliation: Some("某大学教授".into()),
                }],
                ..Metadata::default()
            },
            body: vec![chapter],
            notes: vec![crate::model::Note {
                id: NoteId::new(0),
                mark: "①".into(),
                content: vec![Inline::Text("注文".into())],
                placement: crate::model::NotePlacement::Footnote,
                line: 11,
            }],
            ..Book::default()
        }
    }

    #[test]
    fn every_metadata_field_reaches_the_dump() {
        let d = dump(&book());
        for line in [
            "  publisher_address: 某市某路1号\n",
            "  subjects[0]: 河流—历史\n",
            "  lccn: 2020012345\n",
            "  ebook_isbn.digits: 9787220075971\n",
            "  print_isbns[0].label: 平裝\n",
            "  contributors[0].file_as: Wang, Wu\n",
            "  contributors[0].affiliation: 某大学教授\n",
        ] {
            assert!(d.contains(line), "{line:?} missing in\n{d}");
        }
    }

    #[test]
    fn the_book_round_trips_through_serde() {
        let b = book();
        let json = serde_json::to_string(&b).unwrap();
        let back: Book = serde_json::from_str(&json).unwrap();
        assert_eq!(back, b);
    }
}
