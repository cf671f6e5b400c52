//! `paiban inspect`: the recovered outline as a tree or as JSON, with diagnostics.

use std::fmt::Write;

use serde_json::{Value, json};

use crate::diag::{Diagnostic, Origin, Sources, Style, render_all};
use crate::model::{Book, Division};
use crate::reader::{Convention, Reading};
use crate::source::Source;

fn outline_json(d: &Division) -> Value {
    json!({
        "kind": d.kind.name(),
        "id": d.id,
        "label": d.label,
        "title": d.title_text(),
        "line": d.line,
        "notes": d.own_note_refs().len(),
        "children": d.children.iter().map(outline_json).collect::<Vec<_>>(),
    })
}

/// The `inspect --json` object: metadata, outline, footnote count, conventions, diagnostics.
pub fn to_json(reading: &Reading) -> Value {
    let mut v = book_json(&reading.book, &reading.diagnostics);
    v["conventions"] = conventions_json(&reading.conventions);
    v["removed_lines"] = serde_json::to_value(reading.ledger.removed()).expect("lines serialize");
    v
}

/// The conventions the recognisers matched, as JSON objects.
fn conventions_json(conventions: &[Convention]) -> Value {
    conventions
        .iter()
        .map(|c| json!({"name": c.name, "line": c.line, "count": c.count}))
        .collect()
}

/// The JSON object for a book and its diagnostics.
fn book_json(book: &Book, diagnostics: &[Diagnostic]) -> Value {
    let contents = book.printed_contents().unwrap_or_default();
    json!({
        "metadata": serde_json::to_value(&book.meta).expect("metadata serializes"),
        "outline": book.divisions().map(outline_json).collect::<Vec<_>>(),
        "printed_contents": contents.iter().map(|e| json!({
            "level": e.level, "label": e.label, "title": e.title, "page": e.page,
            "line": e.line, "target": e.target,
        })).collect::<Vec<_>>(),
        "footnotes": book.notes.len(),
        "diagnostics": diagnostics.iter().map(diagnostic_json).collect::<Vec<_>>(),
    })
}

/// One diagnostic as JSON: code, severity, file, line, column, byte range, message, hints.
pub fn diagnostic_json(d: &Diagnostic) -> Value {
    json!({
        "code": d.code.as_str(),
        "severity": d.severity.name(),
        "file": match d.origin {
            Origin::Manuscript => "manuscript",
            Origin::Config => "book.toml",
        },
        "line": d.span.line,
        "column": d.span.col,
        "bytes": d.span.bytes.map(|(a, b)| [a, b]),
        "message": d.message,
        "hints": d.hints,
    })
}

fn tree_line(d: &Division, depth: usize, out: &mut String) {
    let pad = "  ".repeat(depth);
    let label = d
        .label
        .as_deref()
        .map(|l| format!("{l} "))
        .unwrap_or_default();
    let notes = d.own_note_refs().len();
    let notes = if notes > 0 {
        format!(", {notes} notes")
    } else {
        String::new()
    };
    let _ = writeln!(
        out,
        "{pad}{} {label}{} (line {}{notes})",
        d.kind.name(),
        d.title_text(),
        d.line
    );
    for c in &d.children {
        tree_line(c, depth + 1, out);
    }
}

/// The human-readable report: metadata summary, outline tree, conventions, then diagnostics
/// rustc-style (capped per code, with a summary line).
pub fn to_text(reading: &Reading, source: &Source, style: Style) -> String {
    let (book, diagnostics) = (&reading.book, &reading.diagnostics);
    let m = &book.meta;
    let mut out = String::new();
    let _ = writeln!(out, "title:     {}", m.title);
    let authors: Vec<&str> = m.authors.iter().map(|a| a.name.as_str()).collect();
    let et_al = if m.authors_et_al { " 等" } else { "" };
    let _ = writeln!(out, "authors:   {}{et_al}", authors.join("、"));
    if let Some(p) = &m.publisher {
        let _ = writeln!(out, "publisher: {p}");
    }
    if let Some(i) = &m.isbn {
        let _ = writeln!(out, "isbn:      {} (check digit ok)", i.printed);
    }
    let _ = writeln!(out, "language:  {}", m.language);
    let _ = writeln!(out, "footnotes: {}", book.notes.len());
    let _ = writeln!(out, "outline:");
    for d in book.divisions() {
        tree_line(d, 1, &mut out);
    }
    if !reading.conventions.is_empty() {
        let _ = writeln!(out, "conventions:");
    }
    for c in &reading.conventions {
        let _ = writeln!(out, "  {} ({}×, first at line {})", c.name, c.count, c.line);
    }
    let removed = reading.ledger.removed();
    if !removed.is_empty() {
        let _ = writeln!(out, "removed lines ({}):", removed.len());
    }
    for r in &removed {
        let _ = writeln!(out, "  {:>6}  {}: {}", r.line, r.reason, r.text);
    }
    if !diagnostics.is_empty() {
        out.push('\n');
    }
    let sources = Sources {
        manuscript: source.into(),
        config: reading.config.as_ref().map(Into::into),
    };
    out.push_str(&render_all(diagnostics, &sources, style));
    out
}
