//! pandoc reads paiban's Markdown with the same headings (level, id, label and title) and the
//! same notes (text, in reference order) as paiban's own model: on every golden case, the
//! example book and the seed. Needs pandoc (PyPI `pypandoc-binary`, installed by
//! scripts/install-validators.sh as `$VALIDATORS_HOME/bin/pandoc`).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use paiban::model::*;
use paiban::reader::{ReadOptions, decode, read};
use paiban::source::Source;
use paiban::writer::markdown::{MarkdownOptions, write_markdown};
use serde_json::Value;

use crate::support::tools::{pandoc, shared};

fn inputs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    let mut dirs: Vec<PathBuf> = fs::read_dir(root.join("tests/golden"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    dirs.sort();
    for d in dirs {
        if d.join("input.txt").is_file() {
            out.push(d.join("input.txt"));
        }
    }
    out.push(root.join("examples/shuyuan.txt"));
    out.push(shared("seed/000_31f2030a350ea770.txt"));
    out
}

/// White space runs as one space, trimmed (pandoc keeps no double spaces).
fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// pandoc's inlines as text: notes left out, straight quotes put back where its `smart`
/// extension paired them.
fn stringify(inlines: &Value, out: &mut String) {
    for i in inlines.as_array().into_iter().flatten() {
        let c = &i["c"];
        match i["t"].as_str().unwrap_or("") {
            "Str" => out.push_str(c.as_str().unwrap_or("")),
            "Space" | "SoftBreak" | "LineBreak" => out.push(' '),
            "Code" => out.push_str(c[1].as_str().unwrap_or("")),
            "Emph" | "Strong" | "Strikeout" | "Superscript" | "Subscript" | "SmallCaps"
            | "Underline" => stringify(c, out),
            "Span" | "Link" | "Image" => stringify(&c[1], out),
            "Quoted" => {
                let q = if c[0]["t"] == "DoubleQuote" {
                    '"'
                } else {
                    '\''
                };
                out.push(q);
                stringify(&c[1], out);
                out.push(q);
            }
            _ => {}
        }
    }
}

/// Walks pandoc's blocks: headers as (level, id, text), notes as text in document order.
fn walk_blocks(blocks: &Value, heads: &mut Vec<(u64, String, String)>, notes: &mut Vec<String>) {
    for b in blocks.as_array().into_iter().flatten() {
        let c = &b["c"];
        match b["t"].as_str().unwrap_or("") {
            "Header" => {
                let mut text = String::new();
                stringify(&c[2], &mut text);
                heads.push((
                    c[0].as_u64().unwrap_or(0),
                    c[1][0].as_str().unwrap_or("").to_string(),
                    squeeze(&text),
                ));
                walk_inlines(&c[2], notes);
            }
            "Para" | "Plain" => walk_inlines(c, notes),
            "Div" => walk_blocks(&c[1], heads, notes),
            "BlockQuote" => walk_blocks(c, heads, notes),
            "Table" => walk_table(c, heads, notes),
            _ => {}
        }
    }
}

fn walk_table(c: &Value, heads: &mut Vec<(u64, String, String)>, notes: &mut Vec<String>) {
    // Table attr caption colspecs head bodies foot: cells hold blocks.
    let mut cells = Vec::new();
    collect_cells(c, &mut cells);
    for blocks in cells {
        walk_blocks(&blocks, heads, notes);
    }
}

fn collect_cells(v: &Value, out: &mut Vec<Value>) {
    match v {
        Value::Array(a) => a.iter().for_each(|x| collect_cells(x, out)),
        Value::Object(o) if o.get("t").is_some() && o.get("c").is_some() => {
            if matches!(o["t"].as_str(), Some("Para" | "Plain")) {
                out.push(Value::Array(vec![v.clone()]));
            }
        }
        _ => {}
    }
}

fn walk_inlines(inlines: &Value, notes: &mut Vec<String>) {
    for i in inlines.as_array().into_iter().flatten() {
        let c = &i["c"];
        match i["t"].as_str().unwrap_or("") {
            "Note" => {
                let mut text = String::new();
                for b in c.as_array().into_iter().flatten() {
                    stringify(&b["c"], &mut text);
                    text.push(' ');
                }
                notes.push(squeeze(&text));
            }
            "Emph" | "Strong" | "Strikeout" | "Superscript" | "Subscript" => walk_inlines(c, notes),
            "Span" | "Link" | "Quoted" => walk_inlines(&c[1], notes),
            _ => {}
        }
    }
}

/// paiban's headings (depth, id, `label title`) and note texts in reference order.
fn expected(book: &Book) -> (Vec<(u64, String, String)>, Vec<String>) {
    fn text(content: &[Inline]) -> String {
        let mut s = String::new();
        for i in content {
            match i {
                Inline::Text(t) => s.push_str(t),
                Inline::LineBreak => s.push(' '),
                _ => {}
            }
        }
        s
    }
    fn walk(
        d: &Division,
        depth: u64,
        heads: &mut Vec<(u64, String, String)>,
        refs: &mut Vec<NoteId>,
    ) {
        let title = match &d.label {
            Some(l) => format!("{l} {}", text(&d.title)),
            None => text(&d.title),
        };
        heads.push((depth.min(6), d.id.clone(), squeeze(&title)));
        refs.extend(d.own_note_refs());
        for c in &d.children {
            walk(c, depth + 1, heads, refs);
        }
    }
    let mut heads = Vec::new();
    let mut refs = Vec::new();
    for d in book.divisions() {
        walk(d, 1, &mut heads, &mut refs);
    }
    let notes = refs
        .iter()
        .map(|id| squeeze(&text(&book.note(*id).content)))
        .collect();
    (heads, notes)
}

#[test]
#[ignore = "needs pandoc (scripts/install-validators.sh)"]
fn pandoc_reads_the_same_headings_and_notes() {
    let pandoc = pandoc();
    let dir = tempfile::tempdir().unwrap();
    let mut failures = Vec::new();
    for path in inputs() {
        let bytes = fs::read(&path).unwrap();
        let text = decode(&bytes, None).unwrap().text;
        let book = read(&Source::new("input.txt", text), &ReadOptions::default()).book;
        let md = dir.path().join("book.md");
        fs::write(
            &md,
            write_markdown(&book, &MarkdownOptions::default())
                .text(paiban::writer::markdown::FILE)
                .unwrap(),
        )
        .unwrap();
        let out = Command::new(&pandoc)
            .args(["-f", "markdown-smart", "-t", "json"])
            .arg(&md)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let ast: Value = serde_json::from_slice(&out.stdout).unwrap();
        let (mut heads, mut notes) = (Vec::new(), Vec::new());
        walk_blocks(&ast["blocks"], &mut heads, &mut notes);
        let (want_heads, want_notes) = expected(&book);
        if heads != want_heads {
            let first = heads.iter().zip(&want_heads).position(|(a, b)| a != b);
            failures.push(format!(
                "{}: headings differ at {first:?}: pandoc {:?} paiban {:?} ({} vs {})",
                path.display(),
                first.and_then(|i| heads.get(i)),
                first.and_then(|i| want_heads.get(i)),
                heads.len(),
                want_heads.len()
            ));
        }
        if notes != want_notes {
            let first = notes.iter().zip(&want_notes).position(|(a, b)| a != b);
            failures.push(format!(
                "{}: notes differ at {first:?}: pandoc {:?} paiban {:?} ({} vs {})",
                path.display(),
                first.and_then(|i| notes.get(i)),
                first.and_then(|i| want_notes.get(i)),
                notes.len(),
                want_notes.len()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
