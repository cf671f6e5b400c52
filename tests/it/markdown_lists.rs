//! Hand-written Markdown lists (numbered, bulleted, nested, with emphasis and notes) reach the
//! model as lists and come out as `<ol>`/`<ul>` in the EPUB and lists in Typst; the Markdown
//! writer gives them back.

use std::path::Path;

use assert_cmd::Command;
use paiban::model::{Block, Inline, List};
use paiban::reader::markdown::read_markdown;
use paiban::source::Source;

const BOOK: &str = "---\ntitle: The Orchard Ledger\nlanguage: en\n---\n\n\
# Chapter 1 Pruning\n\nWhat the keeper wrote down:\n\n\
3. cut the *dead* wood first;\n\
4. then the crossing branches:\n   - those that **rub**, and\n   - those that shade the fruit.[^w]\n\
5. burn nothing green.\n\n\
The rest is patience.\n\n\
- a saw\n- a ladder\n\n\
[^w]: Every orchard has them.\n";

fn read(text: &str) -> paiban::model::Book {
    let r = read_markdown(&Source::new("orchard.md", text.to_string()));
    assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    r.book
}

fn lists(blocks: &[Block]) -> Vec<&List> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::List(l) => Some(l),
            _ => None,
        })
        .collect()
}

#[test]
fn markdown_lists_become_model_lists() {
    let book = read(BOOK);
    let ch = &book.body[0];
    let top = lists(&ch.blocks);
    assert_eq!(top.len(), 2, "{:#?}", ch.blocks);
    let (numbered, bullets) = (top[0], top[1]);
    assert_eq!(numbered.start, Some(3));
    assert_eq!(numbered.items.len(), 3);
    assert_eq!(numbered.line, 10);
    assert_eq!(bullets.start, None);
    assert_eq!(bullets.items.len(), 2);
    // Emphasis inside an item is the model's emphasis.
    let Block::Para(first) = &numbered.items[0][0] else {
        panic!("{:?}", numbered.items[0])
    };
    assert_eq!(first.line, 10);
    assert!(
        first
            .content
            .contains(&Inline::Emphasis(vec![Inline::Text("dead".into())])),
        "{:?}",
        first.content
    );
    // The second item holds its text and a nested bulleted list whose last item cites a note.
    let nested = lists(&numbered.items[1]);
    assert_eq!(nested.len(), 1, "{:?}", numbered.items[1]);
    assert_eq!(nested[0].start, None);
    assert_eq!(nested[0].items.len(), 2);
    let mut refs = Vec::new();
    nested[0].items[1][0].note_refs(&mut refs);
    assert_eq!(refs.len(), 1);
    assert_eq!(book.notes.len(), 1);
    assert_eq!(book.notes[0].text(), "Every orchard has them.");
}

#[test]
fn lists_round_trip_through_the_markdown_writer() {
    let book = read(BOOK);
    let md = paiban::writer::markdown::write_markdown(&book, &Default::default())
        .text(paiban::writer::markdown::FILE)
        .unwrap()
        .to_string();
    assert!(md.contains("\n3. cut the *dead* wood first;\n"), "{md}");
    assert!(md.contains("\n   - those that **rub**, and\n"), "{md}");
    crate::markdown_roundtrip::assert_book_round_trips("orchard", book);
}

#[test]
fn lists_are_ol_and_ul_in_the_epub_and_lists_in_typst() {
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("orchard.md");
    std::fs::write(&md, BOOK).unwrap();
    let out = dir.path().join("out");
    let run = Command::cargo_bin("paiban")
        .unwrap()
        .args(["build", "-o"])
        .arg(&out)
        .arg(&md)
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&run.get_output().stderr).into_owned();
    assert!(!stderr.contains("warning"), "{stderr}");
    let xhtml = epub_text(&out.join("orchard.epub"));
    let squeezed: String = xhtml.split('\n').collect();
    assert!(
        squeezed.contains("<ol start=\"3\"><li>cut the <em>dead</em> wood first;</li><li><p>then the crossing branches:</p><ul><li>those that <strong>rub</strong>, and</li><li>those that shade the <span class=\"nowrap\">fruit.<a "),
        "{xhtml}"
    );
    assert!(
        squeezed.contains("<li>burn nothing green.</li></ol>"),
        "{xhtml}"
    );
    assert!(
        squeezed.contains("<ul><li>a saw</li><li>a ladder</li></ul>"),
        "{xhtml}"
    );
    let typ = std::fs::read_to_string(out.join("orchard-typst/main.typ")).unwrap();
    assert!(
        typ.contains("#numbered-list(start: 3, [cut the #emph[dead] wood first;], [then the crossing branches:\n\n#bullet-list([those that #strong[rub], and], [those that shade the fruit."),
        "{typ}"
    );
    assert!(typ.contains("#bullet-list([a saw], [a ladder])"), "{typ}");
}

fn epub_text(path: &Path) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut all = String::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        if f.name().unwrap().ends_with(".xhtml") {
            std::io::Read::read_to_string(&mut f, &mut all).unwrap();
        }
    }
    all
}
