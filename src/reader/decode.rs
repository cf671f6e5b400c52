//! Decoding (解码): bytes → UTF-8 text with `\n` line ends.
//!
//! UTF-8 (with or without BOM), UTF-16LE/BE with BOM, GB18030 (GBK) when the bytes are not
//! valid UTF-8 and the GB18030 reading is plausible Chinese text, Windows-1252 (which reads
//! Latin-1 too) when there is no GB18030 evidence and the reading is plausible Latin text, or a
//! forced encoding (`--encoding latin1`).
//! Form feeds (换页) are kept: the lines pass turns them into page breaks.

use encoding_rs::{DecoderResult, Encoding, GB18030, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

/// The decoded text and how it was decoded.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// UTF-8 text, BOM removed, CRLF/CR turned into LF.
    pub text: String,
    /// The encoding used (`UTF-8`, `UTF-16LE`, `GB18030` …).
    pub encoding: &'static str,
}

/// Why bytes could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// The input has no bytes (or only a BOM / whitespace).
    #[error("the file is empty")]
    Empty,
    /// The input looks like a binary file.
    #[error("this is not a text file ({0})")]
    Binary(String),
    /// NUL bytes only at odd (or only at even) offsets: UTF-16 text without a byte-order mark.
    #[error(
        "the text looks like {0} without a byte-order mark (NUL bytes at every other offset): \
         pass --encoding {label}",
        label = .0.to_ascii_lowercase()
    )]
    Utf16WithoutBom(&'static str),
    /// No supported encoding decodes the bytes.
    #[error("cannot decode the text as {encoding}: invalid bytes at byte offset {offset}")]
    Invalid {
        /// The encoding that was tried last (or forced).
        encoding: &'static str,
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
}

/// Magic numbers of binary formats people mistake for manuscripts.
const MAGIC: &[(&[u8], &str)] = &[
    (b"\x89PNG", "PNG image"),
    (b"\xFF\xD8\xFF", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"%PDF", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (EPUB, DOCX …)"),
    (b"\xD0\xCF\x11\xE0", "OLE document (DOC, XLS)"),
];

/// Decodes manuscript bytes, detecting the encoding unless `forced` names one.
pub fn decode(bytes: &[u8], forced: Option<&'static Encoding>) -> Result<Decoded, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    if let Some((_, what)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Err(DecodeError::Binary((*what).to_string()));
    }
    let (text, encoding) = match (forced, Encoding::for_bom(bytes)) {
        (Some(enc), bom) => {
            let skip = bom.filter(|(b, _)| *b == enc).map_or(0, |(_, len)| len);
            (strict(enc, &bytes[skip..], skip)?, name(enc))
        }
        (None, Some((enc, len))) => (strict(enc, &bytes[len..], len)?, name(enc)),
        (None, None) => detect(bytes)?,
    };
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok(Decoded {
        text: normalise_line_ends(&text),
        encoding,
    })
}

/// Detects UTF-8, GB18030 or Windows-1252 in bytes without a BOM.
fn detect(bytes: &[u8]) -> Result<(String, &'static str), DecodeError> {
    if let Some(utf16) = utf16_without_bom(bytes) {
        return Err(DecodeError::Utf16WithoutBom(utf16));
    }
    if let Some(why) = binary_reason(bytes) {
        return Err(DecodeError::Binary(why));
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok((s.to_string(), "UTF-8")),
        Err(e) => {
            let utf8_offset = e.valid_up_to();
            match strict(GB18030, bytes, 0) {
                Ok(s) if plausible(&s) && han_in_runs(&s) => return Ok((s, "GB18030")),
                _ => {}
            }
            match strict(WINDOWS_1252, bytes, 0) {
                Ok(s) if plausible_latin(&s) => Ok((s, "windows-1252")),
                _ => Err(DecodeError::Invalid {
                    encoding: "UTF-8",
                    offset: utf8_offset,
                }),
            }
        }
    }
}

/// `UTF-16LE` / `UTF-16BE` when bytes with NULs read as clean text in that order: the first
/// 64 KiB decode without error to text with no NUL and almost no control characters. When both
/// orders do (rare), the order with NULs where ASCII's high bytes fall wins.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static str> {
    if bytes.len() % 2 == 1 || !bytes.contains(&0) {
        return None;
    }
    let sample = &bytes[..bytes.len().min(1 << 16) & !1];
    let clean = |enc: &'static Encoding| {
        let text = enc.decode_without_bom_handling_and_without_replacement(sample)?;
        let controls = text
            .chars()
            .filter(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}'))
            .count();
        (controls * 100 <= text.chars().count()).then_some(())
    };
    let nul_at = |parity| {
        sample
            .iter()
            .enumerate()
            .filter(|(i, b)| **b == 0 && i % 2 == parity)
            .count()
    };
    match (clean(encoding_rs::UTF_16LE), clean(encoding_rs::UTF_16BE)) {
        (Some(()), None) => Some("UTF-16LE"),
        (None, Some(())) => Some("UTF-16BE"),
        (Some(()), Some(())) if nul_at(1) >= nul_at(0) => Some("UTF-16LE"),
        (Some(()), Some(())) => Some("UTF-16BE"),
        _ => None,
    }
}

/// Why bytes without a BOM look binary: NUL bytes or many control characters.
fn binary_reason(bytes: &[u8]) -> Option<String> {
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Some(format!("NUL byte at offset {at}"));
    }
    let controls = bytes
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))
        .count();
    (controls * 20 > bytes.len()).then(|| format!("{controls} control bytes"))
}

/// Whether decoded text reads like Chinese or Latin text (not mojibake from a wrong guess).
fn plausible(text: &str) -> bool {
    let mut total = 0usize;
    let mut good = 0usize;
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        total += 1;
        let u = c as u32;
        if c.is_ascii_graphic()
            || (0x4E00..=0x9FFF).contains(&u)
            || (0x3000..=0x303F).contains(&u)
            || (0xFF00..=0xFFEF).contains(&u)
            || (0x2000..=0x206F).contains(&u)
            || (0x2460..=0x24FF).contains(&u)
        {
            good += 1;
        }
    }
    total > 0 && good * 100 >= total * 95
}

/// Least number of Han characters for [`han_in_runs`] to judge; fewer pass.
const MIN_HAN: usize = 10;

/// Whether Han characters come in runs, as in Chinese text, rather than one at a time between
/// Latin letters, as when Latin-1 accents are read as GB18030 byte pairs (`d\xE9j` → `d隽`).
fn han_in_runs(text: &str) -> bool {
    let cjk = |c: Option<&char>| c.is_some_and(|&c| (c as u32) >= 0x2E80);
    let chars: Vec<char> = text.chars().collect();
    let mut han = 0usize;
    let mut alone = 0usize;
    for (i, c) in chars.iter().enumerate() {
        if (0x4E00..=0x9FFF).contains(&(*c as u32)) {
            han += 1;
            let before = i.checked_sub(1).and_then(|j| chars.get(j));
            if !cjk(before) && !cjk(chars.get(i + 1)) {
                alone += 1;
            }
        }
    }
    han < MIN_HAN || alone * 2 < han
}

/// Typographic marks a Windows-1252 or Latin-1 text uses beside its letters.
const LATIN_MARKS: &[char] = &[
    '‘', '’', '“', '”', '–', '—', '…', '«', '»', '¡', '¿', '£', '§', '°', '·', '½', '¼', '¾', '©',
    '®', '¶', '†', '‡', '•', '€', '\u{a0}', '´', '¨', '¢', '¥', '±', '×', '÷', 'º', 'ª',
];

/// Whether a Windows-1252 reading is Latin text: no C1 controls, and nearly every non-ASCII
/// character a letter (é, ß, æ) or a typographic mark.
fn plausible_latin(text: &str) -> bool {
    let mut other = 0usize;
    let mut total = 0usize;
    for c in text.chars().filter(|c| !c.is_ascii()) {
        if ('\u{80}'..='\u{9f}').contains(&c) {
            return false;
        }
        total += 1;
        if !(c.is_alphabetic() || LATIN_MARKS.contains(&c)) {
            other += 1;
        }
    }
    other * 10 <= total
}

/// Decodes without replacement; the error names the first bad byte (offset counts `base`).
fn strict(enc: &'static Encoding, bytes: &[u8], base: usize) -> Result<String, DecodeError> {
    let mut decoder = enc.new_decoder_without_bom_handling();
    let cap = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len() * 3 + 16);
    let mut out = String::with_capacity(cap);
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut out, true);
    match result {
        DecoderResult::InputEmpty => Ok(out),
        DecoderResult::Malformed(bad, after) => Err(DecodeError::Invalid {
            encoding: name(enc),
            offset: base + read - after as usize - bad as usize,
        }),
        DecoderResult::OutputFull => Err(DecodeError::Invalid {
            encoding: name(enc),
            offset: base + read,
        }),
    }
}

/// The display name of an encoding.
fn name(enc: &'static Encoding) -> &'static str {
    if enc == UTF_8 {
        "UTF-8"
    } else if enc == UTF_16LE {
        "UTF-16LE"
    } else if enc == UTF_16BE {
        "UTF-16BE"
    } else if enc == GB18030 {
        "GB18030"
    } else {
        enc.name()
    }
}

/// CRLF and lone CR → LF.
fn normalise_line_ends(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        let mut out = if big_endian {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        for u in text.encode_utf16() {
            let b = if big_endian {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            };
            out.extend_from_slice(&b);
        }
        out
    }

    #[test]
    fn encodings_give_the_same_text() {
        let text = "第一章\n\n引言：党群关系。\u{c}下一页";
        let (gb, _, _) = GB18030.encode(text);
        let mut bom8 = b"\xEF\xBB\xBF".to_vec();
        bom8.extend_from_slice(text.as_bytes());
        let cases: Vec<(&str, Vec<u8>, &str)> = vec![
            ("utf-8", text.as_bytes().to_vec(), "UTF-8"),
            ("utf-8 bom", bom8, "UTF-8"),
            ("utf-16le", utf16(text, false), "UTF-16LE"),
            ("utf-16be", utf16(text, true), "UTF-16BE"),
            ("gb18030", gb.into_owned(), "GB18030"),
        ];
        for (what, bytes, enc) in cases {
            let d = decode(&bytes, None).unwrap_or_else(|e| panic!("{what}: {e}"));
            assert_eq!(d.text, text, "{what}");
            assert_eq!(d.encoding, enc, "{what}");
        }
    }

    #[test]
    fn line_ends_are_normalised() {
        let cases = [
            ("a\r\nb", "a\nb"),
            ("a\rb\r", "a\nb\n"),
            ("a\r\n\r\nb", "a\n\nb"),
            ("a\u{c}b\n", "a\u{c}b\n"),
        ];
        for (input, want) in cases {
            assert_eq!(
                decode(input.as_bytes(), None).unwrap().text,
                want,
                "{input:?}"
            );
        }
    }

    #[test]
    fn errors_are_typed() {
        let cases: Vec<(&[u8], DecodeError)> = vec![
            (b"", DecodeError::Empty),
            (b"  \n\r\n\t", DecodeError::Empty),
            (b"\xEF\xBB\xBF", DecodeError::Empty),
            (
                b"\x89PNG\r\n\x1a\n",
                DecodeError::Binary("PNG image".into()),
            ),
            (b"%PDF-1.7", DecodeError::Binary("PDF document".into())),
            (
                b"PK\x03\x04xx",
                DecodeError::Binary("ZIP archive (EPUB, DOCX …)".into()),
            ),
            (
                b"ab\0cd",
                DecodeError::Binary("NUL byte at offset 2".into()),
            ),
            (
                b"\x01\x02\x03\x04abc",
                DecodeError::Binary("4 control bytes".into()),
            ),
            (
                b"abc\xFF\x81\x8Ddef",
                DecodeError::Invalid {
                    encoding: "UTF-8",
                    offset: 3,
                },
            ),
        ];
        for (bytes, want) in cases {
            assert_eq!(decode(bytes, None).unwrap_err(), want, "{bytes:?}");
        }
    }

    #[test]
    fn latin_files_are_windows_1252() {
        // Latin-1 and Windows-1252 bytes of original sentences (not valid UTF-8).
        let cases: &[(&[u8], &str)] = &[
            (
                b"caf\xE9 cr\xE8me, d\xE9j\xE0 vu\r\n",
                "café crème, déjà vu\n",
            ),
            (
                b"\x93Quoted,\x94 she said \x96 twice\x85",
                "“Quoted,” she said – twice…",
            ),
            (b"Stra\xDFe und Gr\xFC\xDFe", "Straße und Grüße"),
            (b"na\xEFve caf\xE9", "naïve café"),
        ];
        for (bytes, want) in cases {
            let d = decode(bytes, None).unwrap_or_else(|e| panic!("{bytes:?}: {e}"));
            assert_eq!((d.text.as_str(), d.encoding), (*want, "windows-1252"));
        }
        let forced = decode(b"\xE9t\xE9", Some(Encoding::for_label(b"latin1").unwrap())).unwrap();
        assert_eq!(
            (forced.text.as_str(), forced.encoding),
            ("été", "windows-1252")
        );
    }

    #[test]
    fn latin_accents_read_as_gb18030_pairs_are_not_chinese() {
        // Every accent is followed by a letter, so the bytes are valid GB18030 too.
        let text = b"r\xE9sum\xE9s na\xEFves ".repeat(6);
        let d = decode(&text, None).unwrap();
        assert_eq!(d.encoding, "windows-1252");
        assert!(d.text.starts_with("résumés naïves résumés"), "{}", d.text);
    }

    #[test]
    fn utf16_without_a_bom_gets_an_encoding_hint() {
        let text = "1 第一章\n引言\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        let cases: [(&[u8], &str); 2] = [(&le, "UTF-16LE"), (&be, "UTF-16BE")];
        for (bytes, want) in cases {
            let err = decode(bytes, None).unwrap_err();
            assert_eq!(err, DecodeError::Utf16WithoutBom(want));
            let label = want.to_ascii_lowercase();
            assert!(
                err.to_string()
                    .ends_with(&format!("pass --encoding {label}")),
                "{err}"
            );
            let forced = encoding_rs::Encoding::for_label(label.as_bytes());
            assert_eq!(decode(bytes, forced).unwrap().text, text);
        }
    }

    #[test]
    fn forced_encoding_reports_its_bad_bytes() {
        let (gbk, _, _) = encoding_rs::GBK.encode("党群");
        let d = decode(&gbk, Some(encoding_rs::GBK)).unwrap();
        assert_eq!(d.text, "党群");
        assert_eq!(d.encoding, "GBK");
        let bad = decode(b"ok\xFF", Some(UTF_8)).unwrap_err();
        assert_eq!(
            bad,
            DecodeError::Invalid {
                encoding: "UTF-8",
                offset: 2
            }
        );
    }
}
