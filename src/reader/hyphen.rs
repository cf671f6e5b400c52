//! English line-end hyphenation (断词连字符): is `well-` / `known` a compound to keep, or
//! `develop-` / `ment` a word the typesetter broke? Decided by whether the hyphenated form
//! appears elsewhere in the book, or is a known compound.

use std::collections::BTreeSet;

/// Compounds kept with their hyphen even when no other line of the book shows them.
const KNOWN: &[&str] = &[
    "self-evident",
    "well-known",
    "so-called",
    "long-term",
    "short-term",
    "full-time",
    "part-time",
    "world-wide",
    "up-to-date",
    "nineteenth-century",
    "twentieth-century",
    "middle-class",
    "working-class",
    "large-scale",
    "small-scale",
];

/// First halves that always make a compound (`self-`, `ex-`, `quasi-`).
const PREFIXES: &[&str] = &["self", "ex", "quasi", "anti", "post", "pre", "non"];

/// The hyphenated words a book uses inside its lines (lower case).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Compounds {
    words: BTreeSet<String>,
}

impl Compounds {
    /// Collects every `letters-letters` word that does not end a line.
    pub fn from_text(text: &str) -> Self {
        let mut words = BTreeSet::new();
        // a compound holds a hyphen: lines and words without one are passed over unread
        for line in text.lines().filter(|l| l.contains('-')) {
            let line = line.trim_end();
            for token in line.split_whitespace().filter(|t| t.contains('-')) {
                let word = token.trim_matches(|c: char| !c.is_alphanumeric());
                let inner = word.contains('-')
                    && !word.ends_with('-')
                    && word
                        .split('-')
                        .all(|p| p.chars().all(char::is_alphabetic) && !p.is_empty());
                if inner && !line.ends_with(token) {
                    words.insert(word.to_lowercase());
                }
            }
        }
        Compounds { words }
    }

    /// Whether `left-` at a line end and `right` on the next line form a compound to keep.
    pub fn keeps(&self, left: &str, right: &str) -> bool {
        let l = left.to_lowercase();
        let joined = format!("{l}-{}", right.to_lowercase());
        PREFIXES.contains(&l.as_str())
            || KNOWN.contains(&joined.as_str())
            || self.words.contains(&joined)
            || self
                .words
                .iter()
                .any(|w| w.starts_with(&joined) && w[joined.len()..].starts_with('-'))
    }
}

/// The trailing letters of `text` before a final hyphen (`develop` from `to develop-`).
pub fn hyphenated_tail(text: &str) -> Option<&str> {
    let head = text.strip_suffix('-')?;
    let start = head
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map(|(i, _)| i)?;
    let word = &head[start..];
    (!word.is_empty() && word.is_ascii()).then_some(word)
}

/// The leading lower-case letters of `text` (`ment` from `ment of the town`).
pub fn lower_head(text: &str) -> Option<&str> {
    let end = text
        .char_indices()
        .find(|(_, c)| !c.is_ascii_alphabetic())
        .map_or(text.len(), |(i, _)| i);
    let word = &text[..end];
    (!word.is_empty() && word.starts_with(|c: char| c.is_ascii_lowercase())).then_some(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compounds_are_kept() {
        let book = Compounds::from_text(
            "The mill-race ran fast; a water-\nwheel turned. The well-to-do came.",
        );
        // (left, right) → keep the hyphen
        let cases = [
            ("develop", "ment", false),
            ("mill", "race", true),
            ("water", "wheel", false),
            ("self", "evident", true),
            ("Self", "evident", true),
            ("well", "known", true),
            ("well", "to", true),
            ("riv", "er", false),
        ];
        for (l, r, want) in cases {
            assert_eq!(book.keeps(l, r), want, "{l}-{r}");
        }
    }

    #[test]
    fn word_parts() {
        let tails = [
            ("to develop-", Some("develop")),
            ("develop-", Some("develop")),
            ("1990-", None),
            ("end", None),
            ("——", None),
            ("-", None),
        ];
        for (input, want) in tails {
            assert_eq!(hyphenated_tail(input), want, "{input:?}");
        }
        let heads = [
            ("ment of the town", Some("ment")),
            ("ment.", Some("ment")),
            ("Ment", None),
            ("1990", None),
            ("", None),
        ];
        for (input, want) in heads {
            assert_eq!(lower_head(input), want, "{input:?}");
        }
    }
}
