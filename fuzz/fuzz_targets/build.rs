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
        modified_unix: 315_532_800,
        ..EpubOptions::default()
    };
    let epub = write_epub(&reading.book, &opts).expect("an EPUB for every book");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&epub.bytes)).expect("a zip");
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = f.name().unwrap_or_default().to_string();
        if !(name.ends_with(".xhtml") || name.ends_with(".opf") || name.ends_with(".ncx")) {
            continue;
        }
        let mut text = String::new();
        std::io::Read::read_to_string(&mut f, &mut text).expect("UTF-8 XML");
        well_formed(&name, &text);
    }
});

/// Panics unless `xml` parses to the end with matching end tags.
fn well_formed(name: &str, xml: &str) {
    let mut reader = quick_xml::Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut depth = 0i64;
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Start(_)) => depth += 1,
            Ok(quick_xml::events::Event::End(_)) => depth -= 1,
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("{name}: {e}"),
        }
    }
    assert_eq!(depth, 0, "{name}: unbalanced elements");
}
