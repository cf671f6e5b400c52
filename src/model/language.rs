//! 语言标签 (BCP 47 language tags): a [`LanguageTag`] holds only a tag that RFC 5646 calls
//! well-formed and valid (`zh-CN`, `zh-Hant-TW`, `zh-Latn-pinyin`, `en-GB`), so a
//! `language = "chinese"` in book.toml is refused when it is read, not by epubcheck later.

use std::fmt;
use std::ops::Deref;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A BCP 47 language tag, checked by the `language-tags` crate (RFC 5646 syntax and the IANA
/// subtag registry). The default is `und` (undetermined), what the writers declare for a book
/// whose language nobody stated or detected.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct LanguageTag(String);

/// A string that is not a valid BCP 47 tag.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("language {0:?} is not a BCP 47 tag such as \"zh-CN\", \"zh-Hant-TW\" or \"en-GB\"")]
pub struct LanguageTagError(pub String);

/// `und`: the BCP 47 tag for an undetermined language.
const UNDETERMINED: &str = "und";

impl LanguageTag {
    /// The tag, if it is well-formed and valid BCP 47.
    pub fn new(tag: &str) -> Result<Self, LanguageTagError> {
        let bad = || LanguageTagError(tag.to_string());
        let parsed = language_tags::LanguageTag::parse(tag).map_err(|_| bad())?;
        parsed.validate().map_err(|_| bad())?;
        Ok(LanguageTag(tag.to_string()))
    }

    /// A tag written in the program (`LanguageTag::known("zh-CN")`); an invalid one is a
    /// programming error and panics.
    pub fn known(tag: &'static str) -> Self {
        LanguageTag::new(tag).unwrap_or_else(|e| panic!("{e}"))
    }

    /// `und`: the language is not known.
    pub fn undetermined() -> Self {
        LanguageTag(UNDETERMINED.to_string())
    }

    /// Whether this is `und` (nobody stated or detected the language).
    pub fn is_undetermined(&self) -> bool {
        self.0.eq_ignore_ascii_case(UNDETERMINED)
    }

    /// The tag as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The primary language subtag, lower-cased (`zh` for `zh-Hant-TW`).
    pub fn primary(&self) -> String {
        self.0
            .split('-')
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase()
    }
}

impl Default for LanguageTag {
    fn default() -> Self {
        LanguageTag::undetermined()
    }
}

impl Deref for LanguageTag {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for LanguageTag {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for LanguageTag {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for LanguageTag {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl FromStr for LanguageTag {
    type Err = LanguageTagError;

    fn from_str(s: &str) -> Result<Self, LanguageTagError> {
        LanguageTag::new(s)
    }
}

impl TryFrom<String> for LanguageTag {
    type Error = LanguageTagError;

    fn try_from(tag: String) -> Result<Self, LanguageTagError> {
        LanguageTag::new(&tag)
    }
}

impl From<LanguageTag> for String {
    fn from(t: LanguageTag) -> String {
        t.0
    }
}

impl fmt::Display for LanguageTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_valid_bcp47_tags_are_language_tags() {
        for ok in [
            "zh",
            "zh-CN",
            "zh-Hant-TW",
            "zh-Latn-pinyin",
            "en-GB",
            "ja",
            "und",
            "sr-Latn-RS",
            "de-CH-1901",
        ] {
            assert_eq!(LanguageTag::new(ok).map(|t| t.to_string()), Ok(ok.into()));
        }
        for bad in [
            "",
            "chinese",
            "zh_CN",
            "zh CN",
            "en-",
            "-en",
            "中文",
            "zh-CN\u{1}",
            "en-GB-GB",
            "xx-Abcd-1",
        ] {
            let err = LanguageTag::new(bad).unwrap_err().to_string();
            assert!(err.contains("is not a BCP 47 tag"), "{bad:?}: {err}");
        }
    }

    #[test]
    fn undetermined_is_the_default_and_primary_subtags_read() {
        assert!(LanguageTag::default().is_undetermined());
        assert_eq!(LanguageTag::default(), "und");
        assert!(!LanguageTag::known("zh-CN").is_undetermined());
        assert_eq!(LanguageTag::known("zh-Hant-TW").primary(), "zh");
        assert_eq!(LanguageTag::known("EN-gb").primary(), "en");
    }

    #[test]
    fn serde_goes_through_the_check() {
        let ok: LanguageTag = serde_json::from_str("\"zh-CN\"").unwrap();
        assert_eq!(ok.as_str(), "zh-CN");
        assert_eq!(serde_json::to_string(&ok).unwrap(), "\"zh-CN\"");
        let bad = serde_json::from_str::<LanguageTag>("\"chinese\"").unwrap_err();
        assert!(bad.to_string().contains("\"chinese\" is not a BCP 47"), "{bad}");
    }
}
