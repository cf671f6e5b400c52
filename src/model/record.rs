//! 元数据记录 (metadata record): [`Metadata`] as plain serde data under book.toml's field names,
//! for formats that carry metadata as a document (the Markdown YAML block). Writing is
//! infallible ([`MetaRecord::from`]); reading validates in the reader that parses the format
//! (ISBN check digits, dates, relator codes).

use serde::{Deserialize, Serialize};

use super::{CipRecord, CipTracing, Contributor, Metadata, PrintDetails};

fn is_false(b: &bool) -> bool {
    !*b
}

/// Every [`Metadata`] field as strings, lists and tables; empty fields are left out.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetaRecord {
    /// 书名.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// 副书名.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    /// The title in another script.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alt_title: Option<AltTitleRecord>,
    /// 著者: a bare name (role `aut`) or a table.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<PersonRecord>,
    /// `等`: only the first author(s) are named.
    #[serde(default, skip_serializing_if = "is_false")]
    pub authors_et_al: bool,
    /// The statement of responsibility as printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author_statement: Option<String>,
    /// Other contributors with MARC roles.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contributors: Vec<PersonRecord>,
    /// 出版者.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// 出版集团.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher_group: Option<String>,
    /// 社址.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher_address: Option<String>,
    /// 出版地.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The print ISBN as printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub isbn: Option<String>,
    /// The e-book ISBN as printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ebook_isbn: Option<String>,
    /// Every print ISBN with its binding label.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub print_isbns: Vec<LabelledIsbnRecord>,
    /// Library of Congress Control Number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lccn: Option<String>,
    /// BCP 47 language tag.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// 图书在版编目(CIP)数据 (left out when the copyright page's CIP block says the same).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cip: Option<CipRecordDoc>,
    /// 成品尺寸 in millimetres.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trim: Option<TrimRecord>,
    /// 印张, 字数, 版次, 印次, 定价.
    #[serde(default, skip_serializing_if = "PrintRecord::is_empty")]
    pub print: PrintRecord,
    /// 网址.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub websites: Vec<String>,
    /// E-mail addresses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub emails: Vec<String>,
    /// 版权声明.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rights: Option<String>,
    /// Series and funding lines.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub series: Vec<String>,
    /// 内容提要 for catalogues.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// 主题词.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subjects: Vec<String>,
}

/// `alt_title: { text, language }`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AltTitleRecord {
    /// The title in the other script.
    pub text: String,
    /// Its BCP 47 tag.
    pub language: String,
}

/// A person: a bare name, or a table with role, label, sort form and affiliation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum PersonRecord {
    /// `乔望舒` (role `aut`, no label, sorted as written).
    Name(String),
    /// `{ name, role, label, file_as, affiliation }`.
    Full(PersonTable),
}

/// A person as a table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonTable {
    /// The name as shown.
    pub name: String,
    /// MARC relator code (`aut` when left out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// The label it was printed under.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Sort form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_as: Option<String>,
    /// Affiliation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<String>,
}

/// `{ label, isbn }`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LabelledIsbnRecord {
    /// The binding label (`paperback`), empty when none.
    #[serde(default)]
    pub label: String,
    /// The ISBN as printed.
    pub isbn: String,
}

/// `trim: { width_mm, height_mm }`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrimRecord {
    /// Width in mm.
    pub width_mm: f32,
    /// Height in mm.
    pub height_mm: f32,
}

/// The CIP record field by field.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CipRecordDoc {
    /// The heading as printed.
    #[serde(default)]
    pub heading: String,
    /// Title and statement of responsibility.
    #[serde(default)]
    pub description: String,
    /// Place, publisher, date.
    #[serde(default)]
    pub imprint: String,
    /// The ISBN line as printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub isbn: Option<String>,
    /// The tracings as `I. text`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tracings: Vec<String>,
    /// Subject headings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subjects: Vec<String>,
    /// 中图法 classification.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub classification: Option<String>,
    /// The CIP data number line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cip_number_line: Option<String>,
    /// The CIP number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cip_number: Option<String>,
}

/// 印张, 字数, 版次, 印次, 定价.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrintRecord {
    /// 印张.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheets: Option<String>,
    /// 字数.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub word_count: Option<String>,
    /// 版次.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edition: Option<String>,
    /// 印次.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub impression: Option<String>,
    /// 定价.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<String>,
}

impl PrintRecord {
    /// No field set.
    pub fn is_empty(&self) -> bool {
        *self == PrintRecord::default()
    }
}

impl From<&PrintDetails> for PrintRecord {
    fn from(p: &PrintDetails) -> Self {
        PrintRecord {
            sheets: p.sheets.clone(),
            word_count: p.word_count.clone(),
            edition: p.edition.clone(),
            impression: p.impression.clone(),
            price: p.price.clone(),
        }
    }
}

impl From<PrintRecord> for PrintDetails {
    fn from(p: PrintRecord) -> Self {
        PrintDetails {
            sheets: p.sheets,
            word_count: p.word_count,
            edition: p.edition,
            impression: p.impression,
            price: p.price,
        }
    }
}

impl From<&CipRecord> for CipRecordDoc {
    fn from(c: &CipRecord) -> Self {
        CipRecordDoc {
            heading: c.heading.clone(),
            description: c.description.clone(),
            imprint: c.imprint.clone(),
            isbn: c.isbn.clone(),
            tracings: c
                .tracings
                .iter()
                .map(|t| match t.numeral.as_str() {
                    "" => t.text.clone(),
                    n => format!("{n}. {}", t.text),
                })
                .collect(),
            subjects: c.subjects.clone(),
            classification: c.classification.clone(),
            cip_number_line: c.cip_number_line.clone(),
            cip_number: c.cip_number.clone(),
        }
    }
}

impl From<CipRecordDoc> for CipRecord {
    fn from(c: CipRecordDoc) -> Self {
        CipRecord {
            heading: c.heading,
            description: c.description,
            imprint: c.imprint,
            isbn: c.isbn,
            tracings: c.tracings.iter().map(|t| tracing(t)).collect(),
            subjects: c.subjects,
            classification: c.classification,
            cip_number_line: c.cip_number_line,
            cip_number: c.cip_number,
        }
    }
}

/// `III. 书院—研究` → numeral `III`, text `书院—研究`; text without a numeral keeps it empty.
pub fn tracing(s: &str) -> CipTracing {
    match s.split_once(". ") {
        Some((n, text)) if !n.is_empty() && n.chars().all(|c| c.is_ascii_alphanumeric()) => {
            CipTracing {
                numeral: n.to_string(),
                text: text.to_string(),
            }
        }
        _ => CipTracing {
            numeral: String::new(),
            text: s.to_string(),
        },
    }
}

impl From<&Contributor> for PersonRecord {
    fn from(c: &Contributor) -> Self {
        let plain = c.role.code() == "aut"
            && c.label.is_none()
            && c.affiliation.is_none()
            && c.file_as.is_none();
        if plain {
            return PersonRecord::Name(c.name.clone());
        }
        PersonRecord::Full(PersonTable {
            name: c.name.clone(),
            role: Some(c.role.code().to_string()),
            label: c.label.clone(),
            file_as: c.file_as.clone(),
            affiliation: c.affiliation.clone(),
        })
    }
}

impl From<&Metadata> for MetaRecord {
    fn from(m: &Metadata) -> Self {
        let text = |s: &str| (!s.is_empty()).then(|| s.to_string());
        MetaRecord {
            title: text(&m.title),
            subtitle: m.subtitle.clone(),
            alt_title: m.alt_title.as_ref().map(|a| AltTitleRecord {
                text: a.text.clone(),
                language: a.language.clone(),
            }),
            authors: m.authors.iter().map(PersonRecord::from).collect(),
            authors_et_al: m.authors_et_al,
            author_statement: m.author_statement.clone(),
            contributors: m.contributors.iter().map(PersonRecord::from).collect(),
            publisher: m.publisher.clone(),
            publisher_group: m.publisher_group.clone(),
            publisher_address: m.publisher_address.clone(),
            place: m.place.clone(),
            date: m.date.map(|d| d.to_string()),
            isbn: m.isbn.as_ref().map(|i| i.printed.clone()),
            ebook_isbn: m.ebook_isbn.as_ref().map(|i| i.printed.clone()),
            print_isbns: m
                .print_isbns
                .iter()
                .map(|l| LabelledIsbnRecord {
                    label: l.label.clone(),
                    isbn: l.isbn.printed.clone(),
                })
                .collect(),
            lccn: m.lccn.clone(),
            language: text(&m.language),
            cip: m.cip.as_ref().map(CipRecordDoc::from),
            trim: m.trim.map(|t| TrimRecord {
                width_mm: t.width_mm,
                height_mm: t.height_mm,
            }),
            print: PrintRecord::from(&m.print),
            websites: m.websites.clone(),
            emails: m.emails.clone(),
            rights: m.rights.clone(),
            series: m.series.clone(),
            description: m.description.clone(),
            subjects: m.subjects.clone(),
        }
    }
}
