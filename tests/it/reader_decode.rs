//! Decoding the same manuscript from UTF-8, UTF-8 with BOM and CRLF, UTF-16LE/BE and GB18030
//! gives the same text and the same book; undecodable bytes are reported with their offset.

use std::path::Path;

use paiban::model::dump;
use paiban::reader::{DecodeError, ReadOptions, decode, read};
use paiban::source::Source;

/// The fixture text every encoding must reproduce.
fn fixture() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/river-town/input.txt");
    std::fs::read_to_string(path).expect("fixture readable")
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for u in text.encode_utf16() {
        out.extend_from_slice(&if big_endian {
            u.to_be_bytes()
        } else {
            u.to_le_bytes()
        });
    }
    out
}

fn model(text: String) -> String {
    dump(&read(&Source::new("t", text), &ReadOptions::default()).book)
}

#[test]
fn every_encoding_reads_the_same_book() {
    let text = fixture();
    let (gb, _, had_errors) = encoding_rs::GB18030.encode(&text);
    assert!(!had_errors);
    let mut bom_crlf = b"\xEF\xBB\xBF".to_vec();
    bom_crlf.extend_from_slice(text.replace('\n', "\r\n").as_bytes());
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("UTF-8", text.as_bytes().to_vec()),
        ("UTF-8", bom_crlf),
        ("UTF-16LE", utf16(&text, false)),
        ("UTF-16BE", utf16(&text, true)),
        ("GB18030", gb.into_owned()),
    ];
    let want = model(text.clone());
    for (encoding, bytes) in cases {
        let d = decode(&bytes, None).unwrap_or_else(|e| panic!("{encoding}: {e}"));
        assert_eq!(d.encoding, encoding);
        assert_eq!(d.text, text, "{encoding}");
        assert_eq!(model(d.text), want, "{encoding}");
    }
}

#[test]
fn bad_bytes_are_located() {
    let text = fixture();
    let cut = text.char_indices().nth(40).expect("long enough").0;
    // Invalid in UTF-8 and in GB18030 (0xFF is never a lead byte).
    let mut bytes = text.as_bytes()[..cut].to_vec();
    bytes.push(0xFF);
    bytes.extend_from_slice(&text.as_bytes()[cut..]);
    assert_eq!(
        decode(&bytes, None).unwrap_err(),
        DecodeError::Invalid {
            encoding: "UTF-8",
            offset: cut
        }
    );
    let (gb, _, _) = encoding_rs::GB18030.encode(&text);
    let mut gb = gb.into_owned();
    gb.insert(10, 0xFF);
    assert_eq!(
        decode(&gb, Some(encoding_rs::GB18030)).unwrap_err(),
        DecodeError::Invalid {
            encoding: "GB18030",
            offset: 10
        }
    );
}

#[test]
fn latin1_and_windows_1252_files_read_the_same_book() {
    // A Project Gutenberg–shaped fixture with accents and curly quotes, in Windows-1252 and CRLF.
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/pg-lamp-maker/input.txt");
    let ascii = std::fs::read_to_string(path).expect("fixture readable");
    let text = ascii
        .replace("Cinder Lane", "Cinder Lane, near the café")
        .replace("\"My dear Mira,", "“My dear Mira,”")
        .replace(
            "Hester enclosed",
            "Hester’s note enclosed — façade and all —",
        );
    let (cp1252, _, had_errors) = encoding_rs::WINDOWS_1252.encode(&text);
    assert!(!had_errors);
    let crlf: Vec<u8> = cp1252
        .iter()
        .flat_map(|&b| {
            if b == b'\n' {
                vec![b'\r', b'\n']
            } else {
                vec![b]
            }
        })
        .collect();
    let d = decode(&crlf, None).expect("Windows-1252 is detected");
    assert_eq!(d.encoding, "windows-1252");
    assert_eq!(d.text, text);
    assert_eq!(model(d.text), model(text.clone()));
    // `--encoding latin1` names the same decoder.
    let latin1 = encoding_rs::Encoding::for_label(b"latin1").expect("a label");
    assert_eq!(decode(&crlf, Some(latin1)).unwrap().text, text);
}
