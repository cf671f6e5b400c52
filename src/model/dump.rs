//! A readable text dump of the model (like pandoc's native format), used as golden output so
//! reader tests never depend on a writer.

use std::fmt::Write;

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
            n.id.0,
            n.mark,
            n.line,
            n.placement,
            inlines(&n.content)
        );
    }
    out
}

fn opt(label: &str, v: &Option<String>, out: &mut String) {
    if let Some(v) = v {
        let _ = writeln!(out, "  {label}: {v}");
    }
}

fn dump_meta(m: &Metadata, out: &mut String) {
    let _ = writeln!(out, "meta:");
    let _ = writeln!(out, "  title: {}", m.title);
    opt("subtitle", &m.subtitle, out);
    if let Some(a) = &m.alt_title {
        let _ = writeln!(out, "  alt_title: {} ({})", a.text, a.language);
    }
    for a in &m.authors {
        let _ = writeln!(out, "  author: {} [{}]", a.name, a.role);
    }
    if m.authors_et_al {
        let _ = writeln!(out, "  authors_et_al: true");
    }
    opt("author_statement", &m.author_statement, out);
    for c in &m.contributors {
        let label = c.label.as_deref().unwrap_or("-");
        let _ = writeln!(out, "  contributor: {} [{}] ({label})", c.name, c.role);
    }
    opt("publisher", &m.publisher, out);
    opt("publisher_group", &m.publisher_group, out);
    opt("place", &m.place, out);
    if let Some(d) = &m.date {
        let _ = writeln!(out, "  date: {d}");
    }
    if let Some(i) = &m.isbn {
        let _ = writeln!(out, "  isbn: {} ({})", i.digits, i.printed);
    }
    if let Some(i) = &m.ebook_isbn {
        let _ = writeln!(out, "  ebook_isbn: {} ({})", i.digits, i.printed);
    }
    for l in &m.print_isbns {
        let _ = writeln!(out, "  print_isbn: {} ({})", l.isbn.digits, l.label);
    }
    opt("lccn", &m.lccn, out);
    let _ = writeln!(out, "  language: {}", m.language);
    if let Some(t) = &m.trim {
        let _ = writeln!(out, "  trim: {}mm x {}mm", t.width_mm, t.height_mm);
    }
    if let Some(c) = &m.cip {
        let _ = writeln!(out, "  cip.description: {}", c.description);
        let _ = writeln!(out, "  cip.imprint: {}", c.imprint);
        for t in &c.tracings {
            let _ = writeln!(out, "  cip.tracing: {}. {}", t.numeral, t.text);
        }
        for s in &c.subjects {
            let _ = writeln!(out, "  cip.subject: {s}");
        }
        opt("cip.classification", &c.classification, out);
        opt("cip.number", &c.cip_number, out);
    }
    let p = &m.print;
    opt("print.sheets", &p.sheets, out);
    opt("print.word_count", &p.word_count, out);
    opt("print.edition", &p.edition, out);
    opt("print.impression", &p.impression, out);
    opt("print.price", &p.price, out);
    for w in &m.websites {
        let _ = writeln!(out, "  website: {w}");
    }
    for e in &m.emails {
        let _ = writeln!(out, "  email: {e}");
    }
    opt("rights", &m.rights, out);
    for s in &m.series {
        let _ = writeln!(out, "  series: {s}");
    }
    opt("description", &m.description, out);
    if let Some(t) = &m.transcription {
        let _ = writeln!(
            out,
            "  transcription: {} ebook={} url={} released={}",
            t.project,
            t.ebook.as_deref().unwrap_or("-"),
            t.url.as_deref().unwrap_or("-"),
            t.release_date.as_deref().unwrap_or("-")
        );
        for c in &t.credits {
            let _ = writeln!(out, "  credit: {c}");
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
                let _ = write!(s, "[^{}]", id.0);
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
