//! Fuzz target: any `Book` (the model's `Arbitrary`, feature `arbitrary`) → the Typst, EPUB and
//! Markdown writers, with no reader in between: whatever the book holds, every XML file of the
//! EPUB is well-formed, the Typst parses, and the Markdown's metadata reads back. Any panic,
//! overflow or timeout is a bug.

#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use paiban::diag::Code;
use paiban::model::Book;
use paiban::source::Source;
use paiban::writer::epub::{EpubOptions, write_epub};
use paiban::writer::markdown::{self, write_markdown};
use paiban::writer::typst::write_typst;

fuzz_target!(|book: Book| {
    assert_eq!(book.check(), Ok(()), "the generator keeps the invariants");
    common::typst_is_well_formed(&write_typst(&book, &Default::default()).files);
    let opts = EpubOptions {
        modified_unix: 315_532_800,
        ..EpubOptions::default()
    };
    let epub = write_epub(&book, &opts).expect("an EPUB for every book");
    common::epub_is_well_formed(&epub.bytes);
    let md = write_markdown(&book, &Default::default());
    let text = md.text(markdown::FILE).expect("UTF-8 Markdown");
    let back = paiban::reader::markdown::read_markdown(&Source::new("b.md", text.to_string()));
    assert!(
        back.diagnostics
            .iter()
            .all(|d| d.code != Code::MarkdownMetadata),
        "the YAML block does not read back: {:?}",
        back.diagnostics
    );
});
