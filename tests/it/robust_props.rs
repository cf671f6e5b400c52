//! Property tests (性质测试): arbitrary manuscripts — controls, markup-significant characters,
//! CJK, headings, note markers and page breaks — pushed through the reader give Typst that parses
//! with no markup the text did not ask for, and EPUB documents that are well-formed XML; and any
//! `Book` at all (the model's `arbitrary` generator, the fuzz target `book`'s) gives the same
//! through every writer, with no reader in between.

use crate::support;

use arbitrary::{Arbitrary, Unstructured};
use paiban::model::Book;
use paiban::reader::{self, ReadOptions};
use paiban::source::Source;
use paiban::writer::epub::{EpubOptions, write_epub};
use paiban::writer::typst::{TypstOptions, write_typst};
use proptest::prelude::*;
use typst_syntax::{SyntaxKind, SyntaxNode};

/// Manuscript fragments: structure the reader recognises and text that is syntax elsewhere.
fn manuscript() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => prop::sample::select(vec![
            "第一章\n\n", "第二章\n", "（一）", "目 录\n", "\t1\n", "序\n", "后记\n", "^①", "^②",
            "\n^① ", "① ", "\u{c}", "\n", "\n\n", "\r\n", "\t", " ", "\u{3000}", "图书在版编目(CIP)数据\n",
            "ISBN 978-7-5555-0123-7\n", "成品尺寸\t148mm×210mm\n", "责任编辑\t何 田\n",
            "#set page(width: 1mm)", "$x$", "*b*", "_i_", "@ref", "<label>", "[x]", "\\", "//", "/*",
            "*/", "= ", "- ", "+ ", "/ ", "1. ", "&amp;", "&", "<", ">", "\"", "'", "</p>",
            "<script>", "]]>", "<!--", "-->", "😀", "שלום", "e\u{301}", "\u{feff}", "\u{200b}",
            "\u{1}", "\u{7}", "\u{1b}", "\u{b}", "\u{7f}", "\u{85}", "\u{2028}", "\u{fffe}",
            "正文", "协商治理。", "——", "……", "“引文”",
        ]).prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
        1 => "[a-z0-9 .,;:()-]{1,8}",
        1 => "[\u{4e00}-\u{9fff}]{1,12}",
    ];
    prop::collection::vec(piece, 1..60).prop_map(|v| v.concat())
}

fn read(text: &str) -> paiban::reader::Reading {
    reader::read(
        &Source::new("p.txt", text.to_string()),
        &ReadOptions::default(),
    )
}

/// Node kinds that only the writer's own code may produce, never book text.
const FORBIDDEN: &[SyntaxKind] = &[
    SyntaxKind::Heading,
    SyntaxKind::ListItem,
    SyntaxKind::EnumItem,
    SyntaxKind::TermItem,
    SyntaxKind::Strong,
    SyntaxKind::Emph,
    SyntaxKind::Equation,
    SyntaxKind::Ref,
    SyntaxKind::Label,
    SyntaxKind::LineComment,
    SyntaxKind::BlockComment,
    SyntaxKind::Link,
    SyntaxKind::Raw,
    SyntaxKind::SetRule,
];

fn forbidden_node(node: &SyntaxNode) -> Option<String> {
    if FORBIDDEN.contains(&node.kind()) {
        return Some(format!("{:?} {:?}", node.kind(), node.full_text()));
    }
    node.children().find_map(forbidden_node)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn typst_main_parses_with_no_markup_from_the_text(text in manuscript()) {
        let r = read(&text);
        let project = write_typst(&r.book, &TypstOptions { template: None, bleed_mm: 0.0, fonts: Vec::new() });
        let main = project.files.iter().find(|(n, _)| n == "main.typ").unwrap();
        let main = std::str::from_utf8(&main.1).unwrap();
        // Skip the writer's header comment; everything after it comes from the book.
        let body: Vec<&str> = main.lines().skip_while(|l| l.starts_with("//")).collect();
        let root = typst_syntax::parse(&body.join("\n"));
        prop_assert!(!root.diagnosis().either(), "{:?}\n{main}", root.errors_and_warnings());
        prop_assert_eq!(forbidden_node(&root), None, "{}", main);
        prop_assert!(
            !main.chars().any(|c| c < ' ' && !matches!(c, '\t' | '\n')),
            "control character in main.typ"
        );
    }

    #[test]
    fn every_epub_document_is_well_formed_xml(text in manuscript()) {
        let r = read(&text);
        let opts = EpubOptions { modified_unix: 1_600_000_000, ..EpubOptions::default() };
        let epub = write_epub(&r.book, &opts).map_err(|e| TestCaseError::fail(e.to_string()))?;
        for (name, bytes) in support::xmlcheck::unzip(&epub.bytes) {
            let xml = name.ends_with(".xhtml") || name.ends_with(".opf")
                || name.ends_with(".ncx") || name.ends_with(".xml");
            if !xml {
                continue;
            }
            let parsed = support::xmlcheck::parse(&bytes);
            prop_assert!(parsed.is_ok(), "{}: {:?}\n{}", name, parsed.err(),
                String::from_utf8_lossy(&bytes));
            let raw = String::from_utf8_lossy(&bytes);
            prop_assert!(
                !raw.chars().any(|c| (c < ' ' && !matches!(c, '\t' | '\n' | '\r'))
                    || matches!(c, '\u{fffe}' | '\u{ffff}')),
                "{}: XML-illegal character", name
            );
            // Nothing from the text became an element.
            let parsed = parsed.unwrap();
            prop_assert!(!parsed.elements.iter().any(|e| e == "script" || e == "label"), "{}", name);
        }
    }
}

/// Any book: proptest's bytes through the model's `Arbitrary` (which keeps its invariants).
fn any_book() -> impl Strategy<Value = Book> {
    prop::collection::vec(any::<u8>(), 0..6000)
        .prop_map(|bytes| Book::arbitrary_take_rest(Unstructured::new(&bytes)).expect("a book"))
}

/// What must hold of every XML file of an EPUB: it parses (quick-xml, end names checked), holds
/// no XML-illegal character, and no element came from the text.
fn check_xml(name: &str, bytes: &[u8]) -> Result<(), TestCaseError> {
    let parsed = support::xmlcheck::parse(bytes);
    prop_assert!(
        parsed.is_ok(),
        "{}: {:?}\n{}",
        name,
        parsed.err(),
        String::from_utf8_lossy(bytes)
    );
    let raw = String::from_utf8_lossy(bytes);
    prop_assert!(
        !raw.chars()
            .any(|c| (c < ' ' && !matches!(c, '\t' | '\n' | '\r'))
                || matches!(c, '\u{fffe}' | '\u{ffff}')),
        "{}: XML-illegal character",
        name
    );
    let parsed = parsed.unwrap();
    prop_assert!(
        !parsed
            .elements
            .iter()
            .any(|e| e == "script" || e == "label"),
        "{}",
        name
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn every_writer_gives_well_formed_output_for_any_book(book in any_book()) {
        prop_assert_eq!(book.check(), Ok(()));
        // Typst: main.typ parses with no error and no markup from the text; no control character.
        let project = write_typst(&book, &TypstOptions::default());
        let main = project.text("main.typ").expect("main.typ, UTF-8");
        let body: Vec<&str> = main.lines().skip_while(|l| l.starts_with("//")).collect();
        let root = typst_syntax::parse(&body.join("\n"));
        prop_assert!(!root.diagnosis().either(), "{:?}\n{main}", root.errors_and_warnings());
        prop_assert_eq!(forbidden_node(&root), None, "{}", main);
        for (name, bytes) in &project.files {
            let Ok(text) = std::str::from_utf8(bytes) else { continue };
            prop_assert!(
                !text.chars().any(|c| c < ' ' && !matches!(c, '\t' | '\n')),
                "control character in {}", name
            );
        }
        // EPUB: every XML file of the zip, container.xml included.
        let opts = EpubOptions { modified_unix: 1_600_000_000, ..EpubOptions::default() };
        let epub = write_epub(&book, &opts).map_err(|e| TestCaseError::fail(e.to_string()))?;
        for (name, bytes) in support::xmlcheck::unzip(&epub.bytes) {
            if [".xhtml", ".opf", ".ncx", ".xml"].iter().any(|x| name.ends_with(x)) {
                check_xml(&name, &bytes)?;
            }
        }
        // Markdown: its YAML metadata block reads back (no P0801) as what the model holds.
        let md = paiban::writer::markdown::write_markdown(&book, &Default::default());
        let text = md.text(paiban::writer::markdown::FILE).expect("book.md, UTF-8");
        let back = reader::markdown::read_markdown(&Source::new("b.md", text.to_string()));
        let bad: Vec<_> = back.diagnostics.iter()
            .filter(|d| d.code == paiban::diag::Code::MarkdownMetadata)
            .map(|d| d.message.clone())
            .collect();
        prop_assert!(bad.is_empty(), "{:?}\n{}", bad, text);
    }
}
