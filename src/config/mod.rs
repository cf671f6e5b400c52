//! `book.toml` (书目配置): metadata that overrides what the reader recovered, validated with
//! line:column errors, and the pre-filled file `paiban init` writes.

use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::model::parse_isbn;
use crate::model::{AltTitle, Contributor, Isbn, Metadata, PartialDate, Relator, TrimSize};
use crate::{Error, Result};

mod find;
mod init;

pub use find::{Lookup, find_book_toml, parse_overrides};
pub use init::init_toml;

/// `book.toml` as written: every key optional, unknown keys rejected.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BookToml {
    /// 书名.
    pub title: Option<String>,
    /// 副书名.
    pub subtitle: Option<String>,
    /// The title in another script: `{ text = "…", language = "zh-Latn-pinyin" }`.
    pub alt_title: Option<AltTitleToml>,
    /// 著者: names, or `{ name, role, file_as, affiliation }` tables.
    pub authors: Option<Vec<Spanned<PersonToml>>>,
    /// `等`: the printed statement names only the first author(s).
    pub authors_et_al: Option<bool>,
    /// The statement of responsibility as printed (`张三 等著`).
    pub author_statement: Option<String>,
    /// Other contributors: `{ name, role, label, file_as, affiliation }`.
    pub contributors: Option<Vec<Spanned<PersonFull>>>,
    /// 出版者.
    pub publisher: Option<String>,
    /// 出版集团.
    pub publisher_group: Option<String>,
    /// 社址.
    pub publisher_address: Option<String>,
    /// 出版地.
    pub place: Option<String>,
    /// Publication date `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date: Option<Spanned<String>>,
    /// ISBN-13 or ISBN-10, check digit verified.
    pub isbn: Option<Spanned<String>>,
    /// BCP 47 language tag (`zh-CN`).
    pub language: Option<Spanned<String>>,
    /// 成品尺寸 in millimetres.
    pub trim: Option<Spanned<TrimToml>>,
    /// 内容提要 for catalogues.
    pub description: Option<String>,
    /// 版权声明.
    pub rights: Option<String>,
    /// 主题词.
    pub subjects: Option<Vec<String>>,
    /// Series and funding statements.
    pub series: Option<Vec<String>>,
}

/// `alt_title = { text = "…", language = "…" }`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AltTitleToml {
    /// The title in the other script.
    pub text: String,
    /// Its BCP 47 tag.
    pub language: String,
}

/// An author: a bare name (role `aut`) or a table.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum PersonToml {
    /// `"张三"`.
    Name(String),
    /// `{ name = "张三", role = "edt" }`.
    Full(PersonFull),
}

/// A person with an optional role, label, sort form and affiliation.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonFull {
    /// Name as it should be shown.
    pub name: String,
    /// MARC relator code; `aut` for authors when left out.
    pub role: Option<String>,
    /// The label printed in the colophon (`责任编辑`).
    pub label: Option<String>,
    /// Sort form.
    pub file_as: Option<String>,
    /// Affiliation or title.
    pub affiliation: Option<String>,
}

/// `trim = { width_mm = 160, height_mm = 230 }`.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrimToml {
    /// Width in mm.
    pub width_mm: f32,
    /// Height in mm.
    pub height_mm: f32,
}

/// A validated `book.toml`: the metadata fields it overrides.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BookConfig {
    title: Option<String>,
    subtitle: Option<String>,
    alt_title: Option<AltTitle>,
    authors: Option<Vec<Contributor>>,
    authors_et_al: Option<bool>,
    author_statement: Option<String>,
    contributors: Option<Vec<Contributor>>,
    publisher: Option<String>,
    publisher_group: Option<String>,
    publisher_address: Option<String>,
    place: Option<String>,
    date: Option<PartialDate>,
    isbn: Option<Isbn>,
    language: Option<String>,
    trim: Option<TrimSize>,
    description: Option<String>,
    rights: Option<String>,
    subjects: Option<Vec<String>>,
    series: Option<Vec<String>>,
}

/// Reads and validates a `book.toml`.
pub fn load(path: &Path) -> Result<BookConfig> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    parse(&text, path)
}

/// Parses and validates `book.toml` text; `path` names the file in errors.
pub fn parse(text: &str, path: &Path) -> Result<BookConfig> {
    let err = |span: Option<Range<usize>>, message: &str| Error::Config {
        path: PathBuf::from(path),
        message: match span {
            Some(s) => {
                let (line, col) = line_col(text, s.start);
                format!("{line}:{col}: {message}")
            }
            None => message.to_string(),
        },
    };
    let raw: BookToml = toml::from_str(text).map_err(|e| err(e.span(), e.message().trim()))?;
    raw.validate()
        .map_err(|(span, message)| err(Some(span), &message))
}

/// 1-based line and column (in characters) of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

type Invalid = (Range<usize>, String);

impl BookToml {
    /// Checks dates, ISBN, language, trim and roles; the error carries the value's span.
    pub fn validate(self) -> std::result::Result<BookConfig, Invalid> {
        let person = |p: &Spanned<PersonToml>| -> std::result::Result<Contributor, Invalid> {
            let full = match p.get_ref() {
                PersonToml::Name(name) => PersonFull {
                    name: name.clone(),
                    role: None,
                    label: None,
                    file_as: None,
                    affiliation: None,
                },
                PersonToml::Full(f) => f.clone(),
            };
            to_contributor(&full, p.span())
        };
        Ok(BookConfig {
            authors: self
                .authors
                .as_ref()
                .map(|v| v.iter().map(person).collect())
                .transpose()?,
            contributors: self
                .contributors
                .as_ref()
                .map(|v| {
                    v.iter()
                        .map(|c| to_contributor(c.get_ref(), c.span()))
                        .collect()
                })
                .transpose()?,
            date: self
                .date
                .as_ref()
                .map(|d| parse_date(d.get_ref()).map_err(|m| (d.span(), m)))
                .transpose()?,
            isbn: self
                .isbn
                .as_ref()
                .map(|i| parse_isbn(i.get_ref()).map_err(|e| (i.span(), e.to_string())))
                .transpose()?,
            language: self
                .language
                .as_ref()
                .map(|l| check_language(l.get_ref()).map_err(|m| (l.span(), m)))
                .transpose()?,
            trim: self
                .trim
                .as_ref()
                .map(|t| check_trim(*t.get_ref()).map_err(|m| (t.span(), m)))
                .transpose()?,
            alt_title: self.alt_title.map(|a| AltTitle {
                text: a.text,
                language: a.language,
            }),
            title: self.title,
            subtitle: self.subtitle,
            authors_et_al: self.authors_et_al,
            author_statement: self.author_statement,
            publisher: self.publisher,
            publisher_group: self.publisher_group,
            publisher_address: self.publisher_address,
            place: self.place,
            description: self.description,
            rights: self.rights,
            subjects: self.subjects,
            series: self.series,
        })
    }
}

fn to_contributor(p: &PersonFull, span: Range<usize>) -> std::result::Result<Contributor, Invalid> {
    if p.name.trim().is_empty() {
        return Err((span, "a name is empty".into()));
    }
    let role = p.role.clone().unwrap_or_else(|| "aut".into());
    if role.len() != 3 || !role.bytes().all(|b| b.is_ascii_lowercase()) {
        return Err((
            span,
            format!("role {role:?} is not a three-letter MARC relator code such as \"edt\""),
        ));
    }
    Ok(Contributor {
        name: p.name.trim().to_string(),
        role: Relator(role),
        label: p.label.clone(),
        file_as: p.file_as.clone(),
        affiliation: p.affiliation.clone(),
    })
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, with real months and days .
pub fn parse_date(s: &str) -> std::result::Result<PartialDate, String> {
    s.parse()
}

fn check_language(tag: &str) -> std::result::Result<String, String> {
    let mut subtags = tag.split('-');
    let first = subtags.next().unwrap_or("");
    let ok = (2..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_alphabetic())
        && subtags
            .all(|s| (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()));
    if ok {
        Ok(tag.to_string())
    } else {
        Err(format!(
            "language {tag:?} is not a BCP 47 tag such as \"zh-CN\""
        ))
    }
}

fn check_trim(t: TrimToml) -> std::result::Result<TrimSize, String> {
    let ok = |v: f32| v.is_finite() && v > 0.0 && v <= 2000.0;
    if ok(t.width_mm) && ok(t.height_mm) {
        Ok(TrimSize {
            width_mm: t.width_mm,
            height_mm: t.height_mm,
        })
    } else {
        Err("trim sizes must be positive millimetres (at most 2000)".into())
    }
}

impl BookConfig {
    /// Overwrites the metadata fields this configuration sets; the others stay as read.
    pub fn apply(&self, meta: &mut Metadata) {
        fn set<T: Clone>(slot: &mut T, v: &Option<T>) {
            if let Some(v) = v {
                *slot = v.clone();
            }
        }
        fn set_opt<T: Clone>(slot: &mut Option<T>, v: &Option<T>) {
            if v.is_some() {
                slot.clone_from(v);
            }
        }
        set(&mut meta.title, &self.title);
        set_opt(&mut meta.subtitle, &self.subtitle);
        set_opt(&mut meta.alt_title, &self.alt_title);
        set(&mut meta.authors, &self.authors);
        set(&mut meta.authors_et_al, &self.authors_et_al);
        set_opt(&mut meta.author_statement, &self.author_statement);
        set(&mut meta.contributors, &self.contributors);
        set_opt(&mut meta.publisher, &self.publisher);
        set_opt(&mut meta.publisher_group, &self.publisher_group);
        set_opt(&mut meta.publisher_address, &self.publisher_address);
        set_opt(&mut meta.place, &self.place);
        set_opt(&mut meta.date, &self.date);
        set_opt(&mut meta.isbn, &self.isbn);
        set(&mut meta.language, &self.language);
        set_opt(&mut meta.trim, &self.trim);
        set_opt(&mut meta.description, &self.description);
        set_opt(&mut meta.rights, &self.rights);
        set(&mut meta.subjects, &self.subjects);
        set(&mut meta.series, &self.series);
    }
}
