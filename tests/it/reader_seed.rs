//! Acceptance test: the seed manuscript's body, notes, preface signature and abstract kicker,
//! checked against the seed's `expect.json` (read at test time; no seed text in this file).

use crate::support::tools::shared;

use paiban::model::{Block, Book, Division, DivisionKind, Inline, plain_text};
use paiban::reader::{ReadOptions, Reading, decode, read};
use paiban::source::Source;

const SEED: &str = "seed/000_31f2030a350ea770.txt";
const EXPECT: &str = "seed/000_31f2030a350ea770.expect.json";
/// The source name diagnostics carry (as before the move to `support::tools::shared`).
const SEED_NAME: &str = "../shared/seed/000_31f2030a350ea770.txt";

/// Reads the seed and its expectations (a missing seed fails the test).
fn seed() -> (Reading, serde_json::Value) {
    let (txt, exp) = (shared(SEED), shared(EXPECT));
    let bytes = std::fs::read(&txt).expect("seed readable");
    let text = decode(&bytes, None).expect("seed decodes").text;
    let reading = read(&Source::new(SEED_NAME, text), &ReadOptions::default());
    let expect: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&exp).expect("expect readable"))
            .expect("expect.json parses");
    (reading, expect)
}

fn strings(v: &serde_json::Value, key: &str) -> Vec<String> {
    v[key]
        .as_array()
        .unwrap_or_else(|| panic!("expect.json has array {key}"))
        .iter()
        .map(|s| s.as_str().expect("string").to_string())
        .collect()
}

/// Plain text of every paragraph-like block in the body, recursively.
fn body_paragraphs(book: &Book) -> Vec<String> {
    fn walk(d: &Division, out: &mut Vec<String>) {
        for b in &d.blocks {
            if let Block::Para(p) | Block::Signature(p) | Block::Dateline(p) = b {
                out.push(p.text());
            }
        }
        for c in &d.children {
            walk(c, out);
        }
    }
    let mut out = Vec::new();
    for d in book.divisions() {
        walk(d, &mut out);
    }
    out
}

#[test]
fn seed_chapters_and_sections() {
    let (r, expect) = seed();
    let b = &r.book;
    let titles: Vec<String> = b.body.iter().map(Division::title_text).collect();
    assert_eq!(titles, strings(&expect, "chapters"));
    let labels: Vec<String> = b
        .body
        .iter()
        .map(|d| d.label.clone().unwrap_or_default())
        .collect();
    assert_eq!(labels, strings(&expect, "chapter_labels"));
    let sections: Vec<u64> = b.body.iter().map(|d| d.children.len() as u64).collect();
    let want: Vec<u64> = expect["sections_per_chapter"]
        .as_array()
        .expect("array")
        .iter()
        .map(|n| n.as_u64().expect("number"))
        .collect();
    assert_eq!(sections, want);
    assert!(b.body.iter().all(|d| d.kind == DivisionKind::Chapter));
    let ids: Vec<&str> = b.body.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["chapter-1", "chapter-2"]);
    assert_eq!(b.body[1].children[0].id, "chapter-2-section-1");
    assert_eq!(b.body[1].children[0].label.as_deref(), Some("（一）"));
}

#[test]
fn seed_notes_are_linked_and_kept_out_of_the_body() {
    let (r, expect) = seed();
    let b = &r.book;
    assert_eq!(
        b.notes.len() as u64,
        expect["footnotes"].as_u64().expect("n")
    );
    let paras = body_paragraphs(b);
    for s in strings(&expect, "joined") {
        let n = paras.iter().filter(|p| p.contains(&s)).count();
        assert_eq!(
            n, 1,
            "joined string {s:?} should sit in exactly one paragraph"
        );
    }
    for s in strings(&expect, "not_in_body") {
        assert!(
            !paras.iter().any(|p| p.contains(&s)),
            "{s:?} leaked into the body"
        );
        assert!(
            b.notes.iter().any(|n| n.text().contains(&s)),
            "{s:?} not in a note"
        );
    }
    for s in strings(&expect, "notes_contain") {
        assert!(
            b.notes.iter().any(|n| n.text().contains(&s)),
            "{s:?} in no note"
        );
    }
    // Every note is referenced exactly once.
    let mut refs = Vec::new();
    fn collect(content: &[Inline], refs: &mut Vec<usize>) {
        refs.extend(content.iter().filter_map(|i| match i {
            Inline::NoteRef(id) => Some(id.index()),
            _ => None,
        }));
    }
    fn walk(d: &Division, refs: &mut Vec<usize>) {
        collect(&d.title, refs);
        if let Some(k) = &d.kicker {
            collect(k, refs);
        }
        for bl in &d.blocks {
            if let Block::Para(p) | Block::Signature(p) | Block::Dateline(p) = bl {
                collect(&p.content, refs);
            }
        }
        d.children.iter().for_each(|c| walk(c, refs));
    }
    b.divisions().for_each(|d| walk(d, &mut refs));
    refs.sort();
    assert_eq!(refs, (0..b.notes.len()).collect::<Vec<_>>());
}

#[test]
fn seed_preface_and_abstract() {
    let (r, expect) = seed();
    let b = &r.book;
    let preface = b
        .front
        .iter()
        .find(|d| d.kind == DivisionKind::Preface)
        .expect("a preface");
    let n = preface.blocks.len();
    assert!(n >= 3, "preface has paragraphs, signature and date");
    assert!(
        matches!(preface.blocks[n - 2], Block::Signature(_)),
        "signature block"
    );
    assert!(
        matches!(preface.blocks[n - 1], Block::Dateline(_)),
        "dateline block"
    );
    assert!(
        preface.blocks[..n - 2]
            .iter()
            .all(|b| matches!(b, Block::Para(_)))
    );

    let abs = b
        .front
        .iter()
        .find(|d| d.kind == DivisionKind::Abstract)
        .expect("an abstract");
    let kicker = abs.kicker.as_ref().expect("abstract kicker");
    assert!(kicker.iter().any(|i| matches!(i, Inline::NoteRef(_))));
    assert_eq!(plain_text(kicker), expect["title"].as_str().expect("title"));
    assert!(b.meta.description.is_some());

    let contributors = expect["contributors"].as_object().expect("object");
    let (name, role) = contributors
        .iter()
        .find(|(_, r)| r.as_str() == Some("wpr"))
        .expect("a wpr contributor in expect.json");
    let c = b
        .meta
        .contributors
        .iter()
        .find(|c| &c.name == name)
        .expect("preface writer recovered");
    assert_eq!(c.role.code(), role.as_str().expect("code"));
    assert_eq!(c.label.as_deref(), Some("序"));
    assert_eq!(b.meta.language, expect["language"].as_str().expect("lang"));
    assert!(b.front.iter().any(|d| d.kind == DivisionKind::Contents));
}

#[test]
fn seed_summary() {
    let (r, _) = seed();
    let b = &r.book;
    println!("language: {}", b.meta.language);
    println!(
        "front: {}",
        b.front
            .iter()
            .map(|d| d.id.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    );
    for d in &b.body {
        println!(
            "body: {} {} {} ({} blocks, {} sections)",
            d.id,
            d.label.as_deref().unwrap_or(""),
            d.title_text(),
            d.blocks.len(),
            d.children.len()
        );
    }
    println!("notes: {}", b.notes.len());
    for c in &b.meta.contributors {
        println!("contributor: {} [{}]", c.name, c.role);
    }
    for d in &r.diagnostics {
        println!("{d}");
    }
    if std::env::var("PAIBAN_DUMP").is_ok() {
        println!("{}", paiban::model::dump(b));
    }
    assert!(!b.body.is_empty());
}
