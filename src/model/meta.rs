//! Bibliographic metadata: 书名, 著者, 出版者, ISBN, 图书在版编目(CIP)数据, 版本记录.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{Isbn, LanguageTag, Relator};

/// Declares [`Metadata`] and its by-name field copy from one field list.
macro_rules! metadata {
    ($($(#[$attr:meta])* $name:ident: $ty:ty,)*) => {
        /// Everything known about the book as a publication. Its serde form is `book.toml`'s,
        /// the metadata of `inspect --json` and the model dump's `meta:` section: one field
        /// list.
        #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
        #[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
        #[serde(default, deny_unknown_fields)]
        pub struct Metadata {
            $($(#[$attr])* pub $name: $ty,)*
        }

        impl Metadata {
            /// Every field name, in declaration order (the serde names).
            pub const FIELDS: &'static [&'static str] = &[$(stringify!($name),)*];

            /// Copies the field named `key` from `other`; false if there is no such field.
            pub fn copy_field(&mut self, other: &Metadata, key: &str) -> bool {
                match key {
                    $(stringify!($name) => self.$name.clone_from(&other.$name),)*
                    _ => return false,
                }
                true
            }
        }
    };
}

metadata! {
    /// 书名 (title proper), with print line-wrap spaces removed.
    title: String,
    /// 副书名 (subtitle).
    subtitle: Option<String>,
    /// The title in another script, e.g. the pinyin title of a Chinese book.
    alt_title: Option<AltTitle>,
    /// 著者 (authors, MARC role `aut`), in print order.
    authors: Vec<Contributor>,
    /// `等` / "et al.": the title page names only the first author(s).
    authors_et_al: bool,
    /// The statement of responsibility as printed (`彭穗宁 等著`).
    author_statement: Option<String>,
    /// Other contributors with MARC relator roles (编辑 edt, 封面设计 cov, 序 wpr …).
    contributors: Vec<Contributor>,
    /// 出版者 (publisher).
    publisher: Option<String>,
    /// 出版集团 (the publisher's group), when printed.
    publisher_group: Option<String>,
    /// 出版地 (place of publication), from the CIP imprint.
    place: Option<String>,
    /// Publication date (year and month in Chinese CIP).
    date: Option<PartialDate>,
    /// The print ISBN, check digit verified.
    isbn: Option<Isbn>,
    /// 电子书 ISBN (e-book ISBN, labelled `ebook` / `電子書`): the EPUB's identifier when present.
    ebook_isbn: Option<Isbn>,
    /// Every print ISBN with its binding label (`hardcover`, `paperback`, `平裝`), in print order.
    print_isbns: Vec<LabelledIsbn>,
    /// Library of Congress Control Number (LCCN), from the LoC CIP block.
    lccn: Option<String>,
    /// BCP 47 language tag (`zh-CN`), checked valid ([`LanguageTag`]); `und` when unknown.
    language: LanguageTag,
    /// 图书在版编目(CIP)数据.
    cip: Option<CipRecord>,
    /// 成品尺寸 (trim size).
    trim: Option<TrimSize>,
    /// Print particulars from the colophon (印张, 字数, 版次, 印次, 定价).
    print: PrintDetails,
    /// Web sites printed in the colophon (网址).
    websites: Vec<String>,
    /// E-mail addresses printed in the colophon.
    emails: Vec<String>,
    /// 版权声明 (rights statement, e.g. `版权所有·侵权必究`).
    rights: Option<String>,
    /// Series or funding lines from the title page (`国家社会科学基金项目`).
    series: Vec<String>,
    /// A description for catalogues: the abstract's first paragraph, or book.toml.
    description: Option<String>,
    /// 社址: the publisher's address, from the colophon's 出版发行 line.
    publisher_address: Option<String>,
    /// 主题词 (subject headings for `dc:subject`): the CIP III. tracing, or book.toml.
    subjects: Vec<String>,
    /// The transcription this manuscript is (a Project Gutenberg ebook), for `dc:source`
    /// and the copyright page's credit.
    transcription: Option<Transcription>,
}

/// 底本 (the source transcription): the e-text project, its ebook number and credits.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Transcription {
    /// The project (`Project Gutenberg`).
    pub project: String,
    /// The ebook number (`1342`), when the header gives it.
    pub ebook: Option<String>,
    /// The ebook's page (`https://www.gutenberg.org/ebooks/1342`).
    pub url: Option<String>,
    /// The release date as printed (`June, 1998`).
    pub release_date: Option<String>,
    /// Credits as printed (`Produced by Anonymous Volunteers`).
    pub credits: Vec<String>,
}

/// A title in another script and what it is.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AltTitle {
    /// The text as printed, spaces normalised.
    pub text: String,
    /// BCP 47 tag of the alternative form (`zh-Latn-pinyin`).
    pub language: LanguageTag,
}

/// A person or organisation with a role. In `book.toml` a bare name is an author.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "ContributorForm")]
pub struct Contributor {
    /// Name with print letter-spacing removed (`徐英`, not `徐 英`).
    pub name: String,
    /// MARC relator code (`aut`, `edt`, `cov`, `pfr`, `wpr` …).
    pub role: Relator,
    /// The label it was printed under (`责任编辑`), when there was one.
    pub label: Option<String>,
    /// Sort form (`Surname, Given`); for Chinese names the name itself.
    pub file_as: Option<String>,
    /// Affiliation or title printed with the name (`中共中央党校教授`).
    pub affiliation: Option<String>,
}

/// How a contributor is written in `book.toml`: a bare name, or a table (a visitor rather than
/// an untagged enum, so that a bad role keeps its own message).
enum ContributorForm {
    Name(String),
    Full(ContributorTable),
}

impl<'de> Deserialize<'de> for ContributorForm {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Form;
        impl<'de> serde::de::Visitor<'de> for Form {
            type Value = ContributorForm;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a name or a table { name, role, label, file_as, affiliation }")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<ContributorForm, E> {
                Ok(ContributorForm::Name(v.to_string()))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<ContributorForm, A::Error> {
                ContributorTable::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(ContributorForm::Full)
            }
        }
        d.deserialize_any(Form)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ContributorTable {
    name: String,
    #[serde(default = "Relator::author")]
    role: Relator,
    label: Option<String>,
    file_as: Option<String>,
    affiliation: Option<String>,
}

impl TryFrom<ContributorForm> for Contributor {
    type Error = String;

    fn try_from(form: ContributorForm) -> Result<Self, String> {
        let t = match form {
            ContributorForm::Name(name) => ContributorTable {
                name,
                role: Relator::author(),
                label: None,
                file_as: None,
                affiliation: None,
            },
            ContributorForm::Full(t) => t,
        };
        let name = t.name.trim();
        if name.is_empty() {
            return Err("a name is empty".into());
        }
        Ok(Contributor {
            name: name.to_string(),
            role: t.role,
            label: t.label,
            file_as: t.file_as,
            affiliation: t.affiliation,
        })
    }
}

/// A date known to the year, month or day; written `2008`, `2008-05` or `2008-05-01`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct PartialDate {
    /// Year (e.g. 2008).
    pub year: u16,
    /// Month 1–12, if known.
    pub month: Option<u8>,
    /// Day 1–31, if known.
    pub day: Option<u8>,
}

impl FromStr for PartialDate {
    type Err = String;

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, with real months and days.
    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || format!("date {s:?} is not YYYY, YYYY-MM or YYYY-MM-DD");
        let parts: Vec<&str> = s.trim().split('-').collect();
        let widths_ok = parts.len() <= 3
            && parts[0].len() == 4
            && parts[1..].iter().all(|p| p.len() == 2)
            && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()));
        if !widths_ok {
            return Err(bad());
        }
        let num = |p: Option<&&str>| p.map(|p| p.parse::<u8>()).transpose().map_err(|_| bad());
        let year: u16 = parts[0].parse().map_err(|_| bad())?;
        let (month, day) = (num(parts.get(1))?, num(parts.get(2))?);
        if year == 0 {
            // ISO 8601 year 0000 is 1 BC: no book was published then, and OPF readers reject it.
            return Err(format!("date {s:?} has no year 0000"));
        }
        if month.is_some_and(|m| !(1..=12).contains(&m)) {
            return Err(format!("date {s:?} has no month {}", month.unwrap_or(0)));
        }
        if let (Some(m), Some(d)) = (month, day) {
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
            let last = match m {
                2 if leap => 29,
                2 => 28,
                4 | 6 | 9 | 11 => 30,
                _ => 31,
            };
            if !(1..=last).contains(&d) {
                return Err(format!("date {s:?} has no day {d}"));
            }
        }
        Ok(PartialDate { year, month, day })
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d)?
            .parse()
            .map_err(serde::de::Error::custom)
    }
}

impl fmt::Display for PartialDate {
    /// ISO 8601 at the known precision: `2008`, `2008-05`, `2008-05-01`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

/// An ISBN printed with a binding or format label (`ISBN 978-… (paperback)`).
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LabelledIsbn {
    /// The label as printed, without brackets (`hardcover`, `平裝`); empty when none.
    pub label: String,
    /// The verified ISBN.
    pub isbn: Isbn,
}

/// 成品尺寸: the trimmed page size in millimetres (positive, at most 2000).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "TrimForm")]
pub struct TrimSize {
    /// Width in mm.
    pub width_mm: f32,
    /// Height in mm.
    pub height_mm: f32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TrimForm {
    width_mm: f32,
    height_mm: f32,
}

impl TryFrom<TrimForm> for TrimSize {
    type Error = String;

    fn try_from(t: TrimForm) -> Result<Self, String> {
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
}

/// 图书在版编目(CIP)数据: the CIP record of a Chinese book, as printed and as parsed.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CipRecord {
    /// The heading as printed (`图书在版编目(CIP)数据`).
    pub heading: String,
    /// Title and statement of responsibility (`新阶段…研究/彭穗宁等著`).
    pub description: String,
    /// 版本项 (edition statement) between the description and the imprint, as printed
    /// (`2版`, `初版`).
    pub edition: Option<String>,
    /// Imprint: place, publisher, date (`成都：四川人民出版社, 2008. 5`).
    pub imprint: String,
    /// 稽核项 (physical description) as printed, its figures often left blank before printing
    /// (`面；　公分`).
    pub extent: Option<String>,
    /// The ISBN line as printed.
    pub isbn: Option<String>,
    /// The tracings (`I. 新…`, `II. 彭…`, `III. 中国共产党—密切联系群众—研究`, `IV. D`), rejoined.
    pub tracings: Vec<CipTracing>,
    /// Subject headings (from the III. tracing), split at `—`-joined lines: `中国共产党—密切联系群众—研究`.
    pub subjects: Vec<String>,
    /// 中图法 classification (`D`, `D26`).
    pub classification: Option<String>,
    /// The CIP data number line (`中国版本图书馆 CIP 数据核字(2008)第 060270 号`).
    pub cip_number_line: Option<String>,
    /// The CIP number itself (`2008-060270`).
    pub cip_number: Option<String>,
    /// 附注 (notes area) as printed: `Includes bibliographical references and index.`
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// Every control number as printed, the first the book's (`LCCN 2020045123 (print)`,
    /// `LCCN 2020045124 (ebook)`; a card's bare `2010045678`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub control_numbers: Vec<String>,
    /// Every class number as printed: Library of Congress (`LCC HE5781 .H37 2021 (print)`,
    /// a card's `PR6058.A6925 L48 2011`) and Dewey (`DDC 386/.6—dc23`, `823'.914--dc22`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub class_numbers: Vec<String>,
    /// The record as issued, one printed field per entry, wrapped lines rejoined
    /// (`Names: Harlow, Margaret, author.`, or a card's lines): how a
    /// [`CipStyle::LibraryOfCongress`] record is printed, so no line of it is lost.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub issued: Vec<String>,
    /// The standard the record is issued under, which decides how it is printed.
    #[serde(skip_serializing_if = "CipStyle::is_gb")]
    pub style: CipStyle,
}

/// How a CIP record is set out, by the agency that issued it.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CipStyle {
    /// 图书在版编目 (GB/T 12451, mainland China): areas joined by `. —` on one paragraph, the
    /// tracings `I. … II. …` after the ISBN.
    #[default]
    Gb,
    /// 國家圖書館出版品預行編目 (Taiwan): areas joined by `. -- ` on one line, the physical
    /// description on its own line, the subjects numbered `1.CST: …` on one line.
    Taiwan,
    /// Library of Congress Cataloging-in-Publication Data: labelled fields (`Names:`,
    /// `Title:`, `Description:` …) or the older catalogue card, printed as issued, one field
    /// per line ([`CipRecord::issued`]).
    LibraryOfCongress,
}

impl CipStyle {
    /// Whether this is the default style (left out of the serde form).
    pub fn is_gb(&self) -> bool {
        *self == CipStyle::Gb
    }
}

/// One tracing of a CIP record: roman numeral and text.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CipTracing {
    /// `I`, `II`, `III`, `IV`.
    pub numeral: String,
    /// The text after the numeral (`中国共产党—密切联系群众—研究`).
    pub text: String,
}

/// Print particulars from the colophon.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PrintDetails {
    /// 印张 (printed sheets), as printed (`17`).
    pub sheets: Option<String>,
    /// 字数 (word count), as printed (`251 千`).
    pub word_count: Option<String>,
    /// 版次 (edition), as printed.
    pub edition: Option<String>,
    /// 印次 (impression), as printed.
    pub impression: Option<String>,
    /// 定价 (price), as printed (`27.00 元`).
    pub price: Option<String>,
}
