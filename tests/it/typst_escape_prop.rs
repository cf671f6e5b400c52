//! Property tests for Typst escaping: generated markup, parsed with `typst-syntax` (the
//! compiler's own parser, 0.15), holds only text where text was meant, and reads back as the
//! original text.

use crate::support::typst_fixture::{self, Builder, division, t};
use paiban::model::{Block, Book, DivisionKind, Metadata, Para};
use paiban::writer::typst::{TypstOptions, escape, write_typst};
use proptest::prelude::*;
use typst_syntax::{SyntaxKind, SyntaxNode, ast};

/// Characters and fragments that are Typst syntax, weighted so most strings contain some.
fn hostile_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => prop::sample::select(vec![
            "#", "$", "*", "_", "`", "<", ">", "@", "[", "]", "\\", "~", "\"", "'", "/", "=",
            "-", "+", ".", ":", ";", "(", ")", "{", "}", "1", "12", " ", "  ", "\n", "\n\n",
            "\t", "\r\n", "\u{2028}", "\u{85}", "\u{1}", "\u{7f}", "\u{3000}", "\u{feff}",
            "http://", "https://", "//", "/*", "*/", "...", "--", "---", "-?", "-1", "1. ",
            "= ", "- ", "+ ", "/ ", "<a>", "@a", "\\u{41}", "#let", "$x$", "```", "a_b",
            "字", "①", "〇", "\u{301}", "\u{5d0}", "😀", "h", "u{",
        ]).prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
        1 => "[a-z0-9 .,-]{1,6}",
    ];
    prop::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

/// What the text should read as: control characters gone, line breaks and tabs as spaces.
fn expected(text: &str) -> String {
    text.chars()
        .filter_map(|c| {
            if c == '\t' || typst_syntax::is_newline(c) {
                Some(' ')
            } else if c.is_control() {
                None
            } else {
                Some(c)
            }
        })
        .collect()
}

/// Reads back a run of markup nodes that must all be Text, Space or Escape.
fn read_text(nodes: &[SyntaxNode]) -> Result<String, String> {
    let mut out = String::new();
    for n in nodes {
        match n.kind() {
            SyntaxKind::Text | SyntaxKind::Space => out.push_str(n.leaf_text()),
            SyntaxKind::Escape => {
                let c = n.cast::<ast::Escape>().ok_or("bad escape")?.get();
                out.push(c);
            }
            kind => return Err(format!("{kind:?} node {:?}", n.full_text())),
        }
    }
    Ok(out)
}

fn no_errors(root: &SyntaxNode) -> Result<(), String> {
    if root.diagnosis().either() {
        let (errors, warnings) = root.errors_and_warnings();
        return Err(format!("{errors:?} {warnings:?}"));
    }
    Ok(())
}

/// Every node kind in the tree.
fn kinds(node: &SyntaxNode, out: &mut Vec<SyntaxKind>) {
    out.push(node.kind());
    for c in node.children() {
        kinds(c, out);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn markup_is_only_text(s in hostile_text()) {
        let src = escape::markup(&s);
        let root = typst_syntax::parse(&src);
        prop_assert!(no_errors(&root).is_ok(), "{src:?}: {:?}", no_errors(&root));
        let children: Vec<SyntaxNode> = root.children().cloned().collect();
        prop_assert_eq!(read_text(&children), Ok(expected(&s)), "markup {:?}", src);
    }

    #[test]
    fn markup_in_a_content_block_is_only_text(s in hostile_text()) {
        let src = format!("#footnote[{}]", escape::markup(&s));
        let root = typst_syntax::parse(&src);
        prop_assert!(no_errors(&root).is_ok(), "{src:?}");
        let call = root.children().find(|n| n.kind() == SyntaxKind::FuncCall).expect("call");
        let args = call.children().find(|n| n.kind() == SyntaxKind::Args).expect("args");
        let block = args.children().find(|n| n.kind() == SyntaxKind::ContentBlock).expect("block");
        let markup = block.children().find(|n| n.kind() == SyntaxKind::Markup);
        let children: Vec<SyntaxNode> = markup.map(|m| m.children().cloned().collect()).unwrap_or_default();
        prop_assert_eq!(read_text(&children), Ok(expected(&s)), "markup {:?}", src);
        // The call takes exactly one content argument: no `]` closed it early.
        prop_assert_eq!(args.children().filter(|n| n.kind() == SyntaxKind::ContentBlock).count(), 1);
    }

    #[test]
    fn markup_after_a_call_is_only_text(s in hostile_text()) {
        let src = format!("x#footnote[n]{}", escape::markup_after_code(&s));
        let root = typst_syntax::parse(&src);
        prop_assert!(no_errors(&root).is_ok(), "{src:?}");
        let children: Vec<SyntaxNode> = root.children().cloned().collect();
        // Text `x`, `#`, the call, then the text.
        prop_assert_eq!(children[1].kind(), SyntaxKind::Hash);
        prop_assert_eq!(children[2].kind(), SyntaxKind::FuncCall);
        let call = children[2].full_text();
        prop_assert_eq!(call.as_str(), "footnote[n]");
        prop_assert_eq!(read_text(&children[3..]), Ok(expected(&s)), "markup {:?}", src);
    }

    #[test]
    fn string_literal_reads_back_exactly(s in hostile_text()) {
        let src = format!("#{}", escape::string(&s));
        let root = typst_syntax::parse(&src);
        prop_assert!(no_errors(&root).is_ok(), "{src:?}");
        let node = root.children().find(|n| n.kind() == SyntaxKind::Str).expect("string");
        let value = node.cast::<ast::Str>().expect("str").get();
        prop_assert_eq!(value.as_str(), s.as_str());
    }

    #[test]
    fn whole_project_has_no_markup_from_text(
        title in hostile_text(),
        chapter in hostile_text(),
        before in hostile_text(),
        note in hostile_text(),
        after in hostile_text(),
    ) {
        let mut b = Builder::new();
        let n = b.note(&note);
        let mut ch = division(DivisionKind::Chapter, "c1", Some(&chapter), vec![t(&chapter)]);
        ch.blocks.push(b.para(vec![t(&before), n, t(&after)]));
        ch.blocks.push(Block::Signature(Para { content: vec![t(&after)], line: 1 }));
        let book = Book {
            meta: Metadata { title: title.clone(), language: paiban::model::LanguageTag::known("zh-CN"), ..Metadata::default() },
            body: vec![ch],
            notes: b.notes,
            ..Book::default()
        };
        let project = write_typst(&book, &TypstOptions::default());
        let main = String::from_utf8(project.file("main.typ").unwrap().to_vec()).unwrap();
        let root = typst_syntax::parse(&main);
        prop_assert!(no_errors(&root).is_ok(), "{main}");
        let mut all = Vec::new();
        kinds(&root, &mut all);
        let forbidden = [
            SyntaxKind::Strong, SyntaxKind::Emph, SyntaxKind::Raw, SyntaxKind::Link,
            SyntaxKind::Label, SyntaxKind::Ref, SyntaxKind::Heading, SyntaxKind::ListItem,
            SyntaxKind::EnumItem, SyntaxKind::TermItem, SyntaxKind::Equation,
            SyntaxKind::BlockComment, SyntaxKind::Shorthand, SyntaxKind::SmartQuote,
            SyntaxKind::Linebreak,
        ];
        for k in &all {
            prop_assert!(!forbidden.contains(k), "{k:?} in {main}");
        }
        prop_assert_eq!(all.iter().filter(|k| **k == SyntaxKind::LineComment).count(), 1);
        // One footnote call for the one note; one chapter, one signature.
        let calls: Vec<String> = collect_calls(&root);
        prop_assert_eq!(calls.iter().filter(|c| *c == "footnote").count(), 1, "{:?}", calls);
        prop_assert_eq!(calls.iter().filter(|c| *c == "chapter").count(), 1);
        prop_assert_eq!(calls.iter().filter(|c| *c == "signature").count(), 1);
        // The paragraph reads back as its text with the note's text where the note was.
        let text = plain(&root);
        // (Spaces at the ends of a paragraph merge into the paragraph break.)
        let para = format!("{}{}{}", expected(&before), expected(note.trim()), expected(&after));
        let para = para.trim_matches(' ');
        prop_assert!(text.contains(para), "{para:?} not in {text:?}");
    }
}

/// Names of every function called in the tree.
fn collect_calls(node: &SyntaxNode) -> Vec<String> {
    let mut out = Vec::new();
    if node.kind() == SyntaxKind::FuncCall {
        if let Some(callee) = node.children().next() {
            out.push(callee.full_text().to_string());
        }
    }
    for c in node.children() {
        out.extend(collect_calls(c));
    }
    out
}

/// The text of the tree's Text, Space and Escape leaves, in order.
fn plain(node: &SyntaxNode) -> String {
    let mut out = String::new();
    match node.kind() {
        SyntaxKind::Text | SyntaxKind::Space => out.push_str(node.leaf_text()),
        SyntaxKind::Escape => out.push(node.cast::<ast::Escape>().unwrap().get()),
        _ => {
            for c in node.children() {
                out.push_str(&plain(c));
            }
        }
    }
    out
}

#[test]
fn seed_shaped_hostile_fixture_parses_cleanly() {
    let book = typst_fixture::hostile_book();
    let project = write_typst(&book, &TypstOptions::default());
    let main = String::from_utf8(project.file("main.typ").unwrap().to_vec()).unwrap();
    let root = typst_syntax::parse(&main);
    assert!(no_errors(&root).is_ok(), "{:?}", no_errors(&root));
    let calls = collect_calls(&root);
    assert_eq!(
        calls.iter().filter(|c| *c == "footnote").count(),
        book.notes.len()
    );
}
