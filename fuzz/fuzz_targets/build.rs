//! Fuzz target: manuscript bytes → decode → read → Typst writer → EPUB writer, as `paiban build`
//! runs them. Any panic, overflow or timeout is a bug; decode errors are expected answers.

#![no_main]

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
    let project = write_typst(
        &reading.book,
        &TypstOptions {
            template: None,
            bleed_mm: 0.0,
        },
    );
    for (name, bytes) in &project.files {
        // Typst sources are UTF-8 and never carry an XML-illegal control character.
        let text = std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(
            !text
                .chars()
                .any(|c| c < ' ' && !matches!(c, '\t' | '\n')),
            "{name} holds a control character"
        );
    }
    let opts = EpubOptions {
        css: None,
        cover: None,
        modified_unix: 315_532_800,
    };
    let _ = write_epub(&reading.book, &opts);
});
