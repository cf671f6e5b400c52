//! Reads XML back with quick-xml: well-formedness, ids, links and text of a document.

use std::io::Read;

use quick_xml::Reader;
use quick_xml::events::Event;

/// What a parsed document holds.
#[derive(Debug, Default)]
pub struct Parsed {
    /// Every `id` attribute, in document order.
    pub ids: Vec<String>,
    /// Every `href` and `src` attribute.
    pub links: Vec<String>,
    /// All text content, entities resolved.
    pub text: String,
    /// Element names in document order.
    pub elements: Vec<String>,
}

/// Parses a document, failing on any well-formedness error (mismatched end tags included).
pub fn parse(bytes: &[u8]) -> Result<Parsed, String> {
    let s = std::str::from_utf8(bytes).map_err(|e| e.to_string())?;
    let mut reader = Reader::from_str(s);
    reader.config_mut().check_end_names = true;
    let mut out = Parsed::default();
    let mut depth = 0usize;
    loop {
        let ev = reader
            .read_event()
            .map_err(|e| format!("at byte {}: {e}", reader.buffer_position()))?;
        let (e, opens) = match ev {
            Event::Start(e) => (e, true),
            Event::Empty(e) => (e, false),
            Event::End(_) => {
                depth = depth.checked_sub(1).ok_or("unbalanced end tag")?;
                continue;
            }
            Event::Text(t) => {
                out.text.push_str(&t.html_content());
                continue;
            }
            Event::GeneralRef(r) => {
                out.text.push(entity(&r)?);
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        out.elements.push(e.name().as_ref().to_string());
        for a in e.attributes() {
            let a = a.map_err(|e| e.to_string())?;
            let key = a.key.as_ref().to_string();
            let value = a
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_err(|e| e.to_string())?
                .into_owned();
            match key.as_str() {
                "id" => out.ids.push(value),
                "href" | "src" => out.links.push(value),
                _ => {}
            }
        }
        if opens {
            depth += 1;
        }
    }
    if depth != 0 {
        return Err(format!("{depth} elements left open"));
    }
    Ok(out)
}

fn entity(r: &quick_xml::events::BytesRef<'_>) -> Result<char, String> {
    if let Some(c) = r.resolve_char_ref().map_err(|e| e.to_string())? {
        return Ok(c);
    }
    match r.html_content().as_ref() {
        "amp" => Ok('&'),
        "lt" => Ok('<'),
        "gt" => Ok('>'),
        "quot" => Ok('"'),
        "apos" => Ok('\''),
        other => Err(format!("undefined entity &{other};")),
    }
}

/// Reads every entry of a zip into `(name, bytes)` in archive order.
pub fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip archive");
    (0..z.len())
        .map(|i| {
            let mut f = z.by_index(i).unwrap();
            let mut b = Vec::new();
            f.read_to_end(&mut b).unwrap();
            (f.name().unwrap().to_string(), b)
        })
        .collect()
}
