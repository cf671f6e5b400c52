//! Fuzz target: manuscript bytes → decode → read → Typst writer → EPUB writer, as `paiban build`
//! runs them. Any panic, overflow or timeout is a bug; decode errors are expected answers.

#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use paiban::reader::{self, ReadOptions};
use paiban::source::Source;
use paiban::writer::epub::{EpubOptions, write_epub};
use paiban::writer::typst::{TypstOptions, write_typst};

fuzz_target!(|bytes: &[u8]| {
    let Ok(decoded) = reader::decode(bytes, None) else {
        return;
    };
    let source = Source::new("fuzz.txt", decoded.text);
    let reading = reader::read(&source, &ReadOptions::default());
    let project = write_typst(&reading.book, &TypstOptions::default());
    common::typst_is_well_formed(&project.files);
    let opts = EpubOptions {
        modified_unix: 315_532_800,
        ..EpubOptions::default()
    };
    let epub = write_epub(&reading.book, &opts).expect("an EPUB for every book");
    common::epub_is_well_formed(&epub.bytes);
});
