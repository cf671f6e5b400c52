//! 构建选项 (build options) in `book.toml`: keys that are not metadata but say how the book is
//! read or built (`keep_licence = true`, as `--keep-licence`). They are taken out of the file's
//! table before the rest is read as [`crate::model::Metadata`], so the metadata keeps its
//! strict field check and every span still points into the file as written.

use std::ops::Range;

use toml::de::{DeTable, DeValue};

/// The option keys a `book.toml` may hold beside the metadata fields.
pub const OPTION_KEYS: &[&str] = &["keep_licence"];

/// Build options set in `book.toml` (or with `-M`); `None` leaves the command line's choice.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BookOptions {
    /// `keep_licence = true`: keep a Project Gutenberg licence as a back-matter page, as
    /// `--keep-licence` does.
    pub keep_licence: Option<bool>,
}

impl BookOptions {
    /// These options, then `later` over them (an option both set takes `later`'s value).
    pub fn then(self, later: &BookOptions) -> BookOptions {
        BookOptions {
            keep_licence: later.keep_licence.or(self.keep_licence),
        }
    }
}

/// An option key whose value has the wrong type: (span of the value, message).
pub type OptionError = (Range<usize>, String);

/// Reads the option keys of a parsed top-level table. Returns the options and the byte ranges
/// (key to end of value) they occupy in the text, for [`blank`].
pub fn take(table: &DeTable<'_>) -> Result<(BookOptions, Vec<Range<usize>>), OptionError> {
    let mut options = BookOptions::default();
    let mut spans = Vec::new();
    for (key, value) in table {
        let name: &str = key.get_ref();
        if !OPTION_KEYS.contains(&name) {
            continue;
        }
        match (name, value.get_ref()) {
            ("keep_licence", DeValue::Boolean(b)) => options.keep_licence = Some(*b),
            _ => {
                return Err((
                    value.span(),
                    format!("invalid type for `{name}`: expected true or false"),
                ));
            }
        }
        spans.push(key.span().start..value.span().end);
    }
    Ok((options, spans))
}

/// `text` with the bytes of `spans` turned to spaces (line breaks kept), so that the rest reads
/// as metadata with every offset unchanged.
pub fn blank(text: &str, spans: &[Range<usize>]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for s in spans {
        for b in &mut bytes[s.clone()] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    }
    // Only whole UTF-8 sequences of a key and its value were replaced by ASCII spaces.
    String::from_utf8(bytes).unwrap_or_else(|_| text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<(BookOptions, String), String> {
        let table = DeTable::parse(text).map_err(|e| e.message().to_string())?;
        let (options, spans) = take(table.get_ref()).map_err(|(_, m)| m)?;
        Ok((options, blank(text, &spans)))
    }

    #[test]
    fn options_are_taken_out_of_the_table() {
        let cases: &[(&str, Option<bool>, &str)] = &[
            (
                "title = \"河\"\nkeep_licence = true\n",
                Some(true),
                "title = \"河\"\n                   \n",
            ),
            ("keep_licence=false", Some(false), "                  "),
            (
                "title = \"keep_licence = true\"\n",
                None,
                "title = \"keep_licence = true\"\n",
            ),
        ];
        for (text, want, rest) in cases {
            let (o, r) = read(text).unwrap();
            assert_eq!(o.keep_licence, *want, "{text:?}");
            assert_eq!(r, *rest, "{text:?}");
        }
        let err = read("keep_licence = \"yes\"\n").unwrap_err();
        assert!(err.contains("expected true or false"), "{err}");
    }

    #[test]
    fn later_options_win() {
        let file = BookOptions {
            keep_licence: Some(true),
        };
        let flag = BookOptions {
            keep_licence: Some(false),
        };
        assert_eq!(file.clone().then(&flag).keep_licence, Some(false));
        assert_eq!(file.then(&BookOptions::default()).keep_licence, Some(true));
    }
}
