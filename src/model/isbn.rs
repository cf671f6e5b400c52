//! 书号 (ISBN): ISBN-13 and ISBN-10 as printed, check digit verified, ISBN-10 converted to 13.

use serde::{Deserialize, Deserializer, Serialize};

/// An ISBN whose check digit has been verified. In `book.toml` it is written as printed
/// (`isbn = "978-7-220-07597-1"`) or as the table this type serializes to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Isbn {
    /// The 13 digits (ISBN-10s are converted), no hyphens.
    pub digits: String,
    /// The form printed in the book (`978-7-220-07597-1`).
    pub printed: String,
}

impl Isbn {
    /// Parses and verifies an ISBN as printed ([`parse_isbn`]).
    pub fn parse(text: &str) -> Result<Self, IsbnError> {
        parse_isbn(text)
    }

    /// `urn:isbn:9787220075971`.
    pub fn urn(&self) -> String {
        format!("urn:isbn:{}", self.digits)
    }
}

#[derive(Deserialize)]
#[serde(untagged)]
enum IsbnForm {
    Printed(String),
    Table {
        printed: String,
        digits: Option<String>,
    },
}

impl<'de> Deserialize<'de> for Isbn {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let (printed, digits) = match IsbnForm::deserialize(d)? {
            IsbnForm::Printed(p) => (p, None),
            IsbnForm::Table { printed, digits } => (printed, digits),
        };
        let isbn = parse_isbn(&printed).map_err(serde::de::Error::custom)?;
        match digits {
            Some(d) if d != isbn.digits => Err(serde::de::Error::custom(format!(
                "ISBN digits {d} do not match the printed form {printed}"
            ))),
            _ => Ok(isbn),
        }
    }
}

/// Why a printed ISBN was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IsbnError {
    /// No digits follow the `ISBN` prefix.
    #[error("no ISBN digits found")]
    Missing,
    /// The number has neither 10 nor 13 digits.
    #[error("ISBN {printed} has {count} digits, not 10 or 13")]
    Length {
        /// The number as printed.
        printed: String,
        /// How many digits it has.
        count: usize,
    },
    /// A 13-digit number that does not start with 978 or 979.
    #[error("ISBN {printed} does not start with 978 or 979")]
    Prefix {
        /// The number as printed.
        printed: String,
    },
    /// The check digit does not match the other digits.
    #[error("ISBN {printed} has check digit {found}, but its digits give {expected}")]
    CheckDigit {
        /// The number as printed.
        printed: String,
        /// The check digit printed.
        found: char,
        /// The check digit the other digits require.
        expected: char,
    },
}

/// Parses an ISBN as printed (`ISBN 978-7-…`, `I S B N 7-…`, `ISBN-13: …`) and verifies it.
pub fn parse_isbn(text: &str) -> Result<Isbn, IsbnError> {
    let squeezed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let mut rest = squeezed.as_str();
    if let Some(pos) = rest.to_ascii_uppercase().find("ISBN") {
        rest = &rest[pos + 4..];
        for tag in ["-13", "-10"] {
            rest = rest.strip_prefix(tag).unwrap_or(rest);
        }
    }
    let rest = rest.trim_start_matches([':', '：', '-']);
    let printed: String = rest
        .chars()
        .take_while(|c| c.is_ascii_digit() || matches!(c, '-' | 'X' | 'x'))
        .collect();
    let printed = printed.trim_end_matches('-').to_string();
    let digits: String = printed
        .chars()
        .filter(|c| *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if digits.is_empty() {
        return Err(IsbnError::Missing);
    }
    let x_misplaced = digits[..digits.len() - 1].contains('X');
    match digits.len() {
        13 if !digits.contains('X') => {
            if !(digits.starts_with("978") || digits.starts_with("979")) {
                return Err(IsbnError::Prefix { printed });
            }
            let expected = check13(&digits[..12]);
            verify(&printed, &digits, expected)?;
            Ok(Isbn { digits, printed })
        }
        10 if !x_misplaced => {
            let expected = check10(&digits[..9]);
            verify(&printed, &digits, expected)?;
            let body = format!("978{}", &digits[..9]);
            let check = check13(&body);
            Ok(Isbn {
                digits: format!("{body}{check}"),
                printed,
            })
        }
        count => Err(IsbnError::Length { printed, count }),
    }
}

fn verify(printed: &str, digits: &str, expected: char) -> Result<(), IsbnError> {
    let found = digits.chars().last().unwrap_or('?');
    if found == expected {
        Ok(())
    } else {
        Err(IsbnError::CheckDigit {
            printed: printed.to_string(),
            found,
            expected,
        })
    }
}

/// The ISBN-13 (EAN) check digit of the first 12 digits.
pub(super) fn check13(first12: &str) -> char {
    let sum: u32 = first12
        .bytes()
        .enumerate()
        .map(|(i, b)| u32::from(b - b'0') * if i % 2 == 0 { 1 } else { 3 })
        .sum();
    char::from(b'0' + ((10 - sum % 10) % 10) as u8)
}

/// The ISBN-10 check digit (0–9 or X) of the first 9 digits.
fn check10(first9: &str) -> char {
    let sum: u32 = first9
        .bytes()
        .enumerate()
        .map(|(i, b)| u32::from(b - b'0') * (10 - i as u32))
        .sum();
    match (11 - sum % 11) % 11 {
        10 => 'X',
        d => char::from(b'0' + d as u8),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn isbns_are_parsed_and_verified() {
        let ok = [
            (
                "ISBN 978-7-220-07597-1",
                "9787220075971",
                "978-7-220-07597-1",
            ),
            ("978-7-5321-4471-6", "9787532144716", "978-7-5321-4471-6"),
            (
                "I S B N 978 7 5321 4471 6",
                "9787532144716",
                "9787532144716",
            ),
            (
                "ISBN-13: 978-0-306-40615-7",
                "9780306406157",
                "978-0-306-40615-7",
            ),
            ("ISBN 0-306-40615-2", "9780306406157", "0-306-40615-2"),
            ("ISBN 0-8044-2957-X/I·203", "9780804429573", "0-8044-2957-X"),
            (
                "书号：ISBN 978-7-220-07597-1",
                "9787220075971",
                "978-7-220-07597-1",
            ),
        ];
        for (input, digits, printed) in ok {
            let isbn = parse_isbn(input).unwrap_or_else(|e| panic!("{input}: {e}"));
            assert_eq!(isbn.digits, digits, "{input}");
            assert_eq!(isbn.printed, printed, "{input}");
        }
    }

    #[test]
    fn bad_isbns_are_rejected() {
        let cases = [
            ("ISBN 978-7-220-07597-3", Some('1')),
            ("ISBN 978-7-220-07957-1", Some('3')),
            ("ISBN 0-306-40615-3", Some('2')),
            ("ISBN 978-7-220-0759", None),
            ("ISBN", None),
            ("ISBN 123-4-567-89012-8", None),
        ];
        for (input, expected) in cases {
            let err = parse_isbn(input).expect_err(input);
            match (err, expected) {
                (IsbnError::CheckDigit { expected: e, .. }, Some(want)) => {
                    assert_eq!(e, want, "{input}")
                }
                (e, None) => assert!(!matches!(e, IsbnError::CheckDigit { .. }), "{input}"),
                (e, Some(_)) => panic!("{input}: unexpected {e}"),
            }
        }
    }
}
