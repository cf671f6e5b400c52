//! Checks both fuzz targets make of what the writers wrote: well-formed XML in the EPUB, Typst
//! that parses and holds no control character.

/// Panics unless every XHTML, OPF, NCX and XML entry of the EPUB parses to the end with
/// matching end tags and holds no XML-illegal character.
pub fn epub_is_well_formed(epub: &[u8]) {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(epub)).expect("a zip");
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = f.name().unwrap_or_default().to_string();
        if ![".xhtml", ".opf", ".ncx", ".xml"]
            .iter()
            .any(|x| name.ends_with(x))
        {
            continue;
        }
        let mut text = String::new();
        std::io::Read::read_to_string(&mut f, &mut text).expect("UTF-8 XML");
        assert!(
            !text.chars().any(|c| (c < ' ' && !matches!(c, '\t' | '\n' | '\r'))
                || matches!(c, '\u{fffe}' | '\u{ffff}')),
            "{name}: XML-illegal character"
        );
        well_formed(&name, &text);
    }
}

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

/// Panics unless every `.typ` file is UTF-8 with no control character but tab and newline,
/// and `main.typ` parses (typst-syntax, the compiler's parser) with no error.
pub fn typst_is_well_formed(files: &[(String, Vec<u8>)]) {
    for (name, bytes) in files.iter().filter(|(n, _)| n.ends_with(".typ")) {
        let text = std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(
            !text.chars().any(|c| c < ' ' && !matches!(c, '\t' | '\n')),
            "{name} holds a control character"
        );
        if name == "main.typ" {
            let root = typst_syntax::parse(text);
            assert!(
                !root.diagnosis().either(),
                "{name}: {:?}",
                root.errors_and_warnings()
            );
        }
    }
}
