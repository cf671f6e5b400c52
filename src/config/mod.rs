//! `book.toml` (书目配置): a [`MetadataPatch`] over what the reader recovered — the metadata's
//! own serde form, so every metadata field can be set — validated with diagnostics on the file's
//! own source, and the pre-filled file `paiban init` writes.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diag::{Code, Diagnostic, Origin};
use crate::model::{Metadata, MetadataPatch, PartialDate};
use crate::{Error, Result};

mod find;
mod init;
mod options;
mod resources;

pub use find::{Lookup, find_book_toml, parse_overrides};
pub use init::init_toml;
pub use options::{BookOptions, OPTION_KEYS};
pub use resources::{
    MAX_RESOURCES, ResourceEntry, files as resource_files, load as load_resources,
};

/// A validated `book.toml`: the metadata fields it sets and its build options.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BookConfig {
    /// The metadata fields set, applied over what the reader recovered.
    pub patch: MetadataPatch,
    /// Build options (`keep_licence`).
    pub options: BookOptions,
    /// The `[[resources]]` entries (fonts, images), not yet read (see [`load_resources`]).
    pub resources: Vec<ResourceEntry>,
}

impl BookConfig {
    /// Overwrites the metadata fields this configuration sets.
    pub fn apply(&self, meta: &mut Metadata) {
        self.patch.apply(meta);
    }

    /// This configuration, then `later` over it (a key both set takes `later`'s value).
    pub fn then(self, later: &BookConfig) -> BookConfig {
        BookConfig {
            patch: self.patch.then(&later.patch),
            options: self.options.then(&later.options),
            // `-M` cannot list resources: only a book.toml does.
            resources: if later.resources.is_empty() {
                self.resources
            } else {
                later.resources.clone()
            },
        }
    }
}

/// Reads and validates a `book.toml`.
pub fn load(path: &Path) -> Result<BookConfig> {
    let text = crate::input::read_text(path, crate::input::InputKind::BookToml)?;
    parse(&text, path)
}

/// Parses and validates `book.toml` text; `path` names the file in errors (`path: line:col: …`).
pub fn parse(text: &str, path: &Path) -> Result<BookConfig> {
    check(text).map_err(|d| Error::Config {
        path: PathBuf::from(path),
        message: match d.span.line {
            0 => d.message,
            line => format!("{line}:{}: {}", d.span.col.max(1), d.message),
        },
    })
}

/// Parses and validates `book.toml` text; what is wrong is a diagnostic on the file itself
/// ([`Origin::Config`], with the byte span of the offending key or value).
pub fn check(text: &str) -> std::result::Result<BookConfig, Diagnostic> {
    let at = |code: Code, span: Option<std::ops::Range<usize>>, message: &str| {
        let d = Diagnostic::new(code, 0, message.trim()).in_file(Origin::Config);
        match span {
            Some(s) => d.at_bytes(text, s.start, s.end),
            None => d,
        }
    };
    let table = DeTable::parse(text).map_err(|e| at(Code::ConfigSyntax, e.span(), e.message()))?;
    if let Some((span, message)) = control_characters(table.get_ref()) {
        return Err(at(Code::ConfigValue, Some(span), &message)
            .with_hint("write the text without control characters; XML cannot hold them"));
    }
    let (options, spans) = options::take(table.get_ref())
        .map_err(|(span, message)| at(Code::ConfigValue, Some(span), &message))?;
    let rest = options::blank(text, &spans);
    // The resource list is taken out of the parsed table, the rest read as metadata from it
    // (spans still point into the file as written).
    let mut table =
        DeTable::parse(&rest).map_err(|e| at(Code::ConfigSyntax, e.span(), e.message()))?;
    let resources = resources::take(table.get_mut(), text)?;
    let keys: Vec<String> = table
        .get_ref()
        .keys()
        .map(|k| k.get_ref().to_string())
        .filter(|k| !OPTION_KEYS.contains(&k.as_str()))
        .collect();
    let meta = Metadata::deserialize(toml::de::Deserializer::from(table)).map_err(|e| {
        let code = if e.message().contains("unknown field") {
            Code::ConfigSyntax
        } else {
            Code::ConfigValue
        };
        at(code, e.span(), e.message())
    })?;
    let patch = MetadataPatch::new(meta, keys)
        .ok_or_else(|| at(Code::ConfigSyntax, None, "unknown field"))?;
    Ok(BookConfig {
        patch,
        options,
        resources,
    })
}

/// The first string (key or value) holding a control character other than tab and line feed,
/// with its span and a message naming the character.
fn control_characters(table: &DeTable<'_>) -> Option<(std::ops::Range<usize>, String)> {
    fn bad(s: &str) -> Option<char> {
        s.chars().find(|&c| {
            (c.is_control() && !matches!(c, '\t' | '\n')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
        })
    }
    fn value(v: &Spanned<DeValue<'_>>) -> Option<(std::ops::Range<usize>, String)> {
        match v.get_ref() {
            DeValue::String(s) => bad(s).map(|c| {
                (
                    v.span(),
                    format!("the text holds the control character U+{:04X}", c as u32),
                )
            }),
            DeValue::Array(items) => items.iter().find_map(value),
            DeValue::Table(t) => control_characters(t),
            _ => None,
        }
    }
    table.iter().find_map(|(k, v)| {
        bad(k.get_ref())
            .map(|c| {
                (
                    k.span(),
                    format!("the key holds the control character U+{:04X}", c as u32),
                )
            })
            .or_else(|| value(v))
    })
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, with real months and days .
pub fn parse_date(s: &str) -> std::result::Result<PartialDate, String> {
    s.parse()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_refused_where_they_are() {
        let cases = [
            ("title = \"A\\u0001B\"\n", "U+0001", 1, 9),
            ("subjects = [\"ok\", \"x\\u001by\"]\n", "U+001B", 1, 19),
            (
                "alt_title = { text = \"t\\u0007\", language = \"zh\" }\n",
                "U+0007",
                1,
                22,
            ),
            (
                "title = \"ok\"\ndescription = \"\\u0085\"\n",
                "U+0085",
                2,
                15,
            ),
        ];
        for (text, what, line, col) in cases {
            let d = check(text).expect_err(text);
            assert_eq!(d.code, Code::ConfigValue, "{text}");
            assert_eq!(d.origin, Origin::Config);
            assert!(d.message.contains(what), "{text}: {}", d.message);
            assert_eq!((d.span.line, d.span.col), (line, col), "{text}");
        }
        assert!(check("description = \"two\\nlines\\tand a tab\"\n").is_ok());
    }

    #[test]
    fn every_metadata_field_can_be_set() {
        let text = "publisher_address = \"某路1号\"\nlccn = \"2020012345\"\n\
                    ebook_isbn = \"978-7-220-07597-1\"\nsubjects = [\"河流\"]\n\
                    print_isbns = [{ label = \"平裝\", isbn = \"978-7-220-07597-1\" }]\n\
                    contributors = [{ name = \"王五\", role = \"wpr\", file_as = \"Wang, Wu\", affiliation = \"某大学\" }]\n";
        let patch = check(text).unwrap().patch;
        let mut m = Metadata::default();
        patch.apply(&mut m);
        assert_eq!(m.publisher_address.as_deref(), Some("某路1号"));
        assert_eq!(m.lccn.as_deref(), Some("2020012345"));
        assert_eq!(m.ebook_isbn.unwrap().digits, "9787220075971");
        assert_eq!(m.print_isbns[0].label, "平裝");
        assert_eq!(m.contributors[0].affiliation.as_deref(), Some("某大学"));
        assert_eq!(m.subjects, ["河流"]);
    }

    #[test]
    fn errors_are_diagnostics_with_spans() {
        let d = check("title = \"x\"\nisbn = \"978-7-5321-4471-4\"\n").unwrap_err();
        assert_eq!((d.code, d.span.line, d.span.col), (Code::ConfigValue, 2, 8));
        let d = check("titel = 1\n").unwrap_err();
        assert_eq!((d.code, d.span.line), (Code::ConfigSyntax, 1));
        let d = check("title = \n").unwrap_err();
        assert_eq!(d.code, Code::ConfigSyntax);
    }

    #[test]
    fn language_tags_are_checked_on_their_line() {
        let cases = [
            (
                "title = \"x\"\nlanguage = \"chinese\"\n",
                2,
                12,
                "\"chinese\"",
            ),
            ("language = \"zh_CN\"\n", 1, 12, "\"zh_CN\""),
            (
                "title = \"x\"\n\nalt_title = { text = \"t\", language = \"en-\" }\n",
                3,
                38,
                "\"en-\"",
            ),
        ];
        for (text, line, col, tag) in cases {
            let d = check(text).expect_err(text);
            assert_eq!(d.code, Code::ConfigValue, "{text}");
            assert_eq!(d.origin, Origin::Config);
            assert_eq!((d.span.line, d.span.col), (line, col), "{text}");
            assert!(
                d.message.contains(tag) && d.message.contains("not a BCP 47 tag"),
                "{text}: {}",
                d.message
            );
        }
        let patch = check("language = \"zh-Hant-TW\"\n").unwrap();
        assert_eq!(patch.patch.values().language, "zh-Hant-TW");
    }
}
