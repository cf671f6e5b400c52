//! The YAML metadata block (元数据块) → [`Metadata`]: book.toml's field names
//! ([`MetaRecord`]), pandoc's own names accepted too (`author`, `lang`, `keywords`,
//! `abstract`), every value validated (ISBN check digit, date, relator code) with a diagnostic
//! at its line.

use serde_yaml_ng::{Mapping, Value};

use crate::diag::Diagnostic;
use crate::model::{
    AltTitle, CipRecord, Contributor, Isbn, LabelledIsbn, MetaRecord, Metadata, PartialDate,
    PersonRecord, Relator, TrimSize,
};
use crate::reader::front_matter::isbn::parse_isbn;

/// pandoc's metadata names and the book.toml names they stand for.
const ALIASES: &[(&str, &str)] = &[
    ("author", "authors"),
    ("lang", "language"),
    ("keywords", "subjects"),
    ("abstract", "description"),
];

/// Reads the YAML text starting at manuscript line `line` into `meta`.
pub fn read(yaml: &str, line: usize, meta: &mut Metadata, diags: &mut Vec<Diagnostic>) {
    let at =
        |e: &serde_yaml_ng::Error| line + e.location().map_or(0, |l| l.line().saturating_sub(1));
    let value: Value = match serde_yaml_ng::from_str(yaml) {
        Ok(v) => v,
        Err(e) => {
            diags.push(Diagnostic::error(
                at(&e),
                format!("the metadata block is not YAML: {e}"),
            ));
            return;
        }
    };
    let mut map = match value {
        Value::Mapping(m) => m,
        Value::Null => Mapping::new(),
        _ => {
            diags.push(Diagnostic::error(
                line,
                "the metadata block is not a mapping of keys",
            ));
            return;
        }
    };
    for (alias, name) in ALIASES {
        if let Some(v) = map.remove(*alias) {
            if map.contains_key(*name) {
                diags.push(Diagnostic::warning(
                    line_of_key(yaml, line, alias),
                    format!("metadata `{alias}` ignored: `{name}` is set"),
                ));
            } else {
                // pandoc allows one author as a plain string.
                let v = match (*name, v) {
                    ("authors" | "subjects", Value::String(s)) => {
                        Value::Sequence(vec![Value::String(s)])
                    }
                    (_, v) => v,
                };
                map.insert(Value::String(name.to_string()), v);
            }
        }
    }
    let unknown: Vec<String> = map
        .keys()
        .filter_map(|k| k.as_str())
        .filter(|k| !FIELDS.contains(k))
        .map(str::to_string)
        .collect();
    for k in unknown {
        map.remove(k.as_str());
        diags.push(
            Diagnostic::warning(line_of_key(yaml, line, &k), format!("metadata `{k}` is not a book field; ignored"))
                .with_hint("the fields are book.toml's: title, subtitle, authors, publisher, date, isbn, language …"),
        );
    }
    let record: MetaRecord = match serde_yaml_ng::from_value(Value::Mapping(map)) {
        Ok(r) => r,
        Err(e) => {
            diags.push(Diagnostic::error(line, format!("metadata: {e}")));
            return;
        }
    };
    apply(record, yaml, line, meta, diags);
}

/// The keys [`MetaRecord`] knows (a test checks them against its serialisation).
const FIELDS: &[&str] = &[
    "title",
    "subtitle",
    "alt_title",
    "authors",
    "authors_et_al",
    "author_statement",
    "contributors",
    "publisher",
    "publisher_group",
    "publisher_address",
    "place",
    "date",
    "isbn",
    "ebook_isbn",
    "print_isbns",
    "lccn",
    "language",
    "cip",
    "trim",
    "print",
    "websites",
    "emails",
    "rights",
    "series",
    "description",
    "subjects",
];

/// The manuscript line of `key:` in the block (the block's first line when not found).
fn line_of_key(yaml: &str, first: usize, key: &str) -> usize {
    yaml.lines()
        .position(|l| {
            l.strip_prefix(key)
                .is_some_and(|r| r.trim_start().starts_with(':'))
        })
        .map_or(first, |i| first + i)
}

fn apply(r: MetaRecord, yaml: &str, line: usize, m: &mut Metadata, diags: &mut Vec<Diagnostic>) {
    let isbn = |key: &str, s: &str, diags: &mut Vec<Diagnostic>| -> Option<Isbn> {
        parse_isbn(s)
            .map_err(|e| {
                diags.push(Diagnostic::error(
                    line_of_key(yaml, line, key),
                    format!("{key}: {e}"),
                ));
            })
            .ok()
    };
    let people = |v: Vec<PersonRecord>,
                  key: &str,
                  diags: &mut Vec<Diagnostic>|
     -> Vec<Contributor> {
        v.into_iter()
            .filter_map(|p| {
                let c = match p {
                    PersonRecord::Name(name) => Contributor {
                        name,
                        role: Relator::author(),
                        label: None,
                        file_as: None,
                        affiliation: None,
                    },
                    PersonRecord::Full(t) => Contributor {
                        name: t.name,
                        role: Relator(t.role.unwrap_or_else(|| "aut".into())),
                        label: t.label,
                        file_as: t.file_as,
                        affiliation: t.affiliation,
                    },
                };
                let code = c.role.code();
                if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_lowercase()) {
                    diags.push(Diagnostic::error(
                        line_of_key(yaml, line, key),
                        format!("{key}: role {code:?} is not a three-letter MARC relator code such as \"edt\""),
                    ));
                    return None;
                }
                Some(c)
            })
            .collect()
    };
    m.title = r.title.unwrap_or_default();
    m.subtitle = r.subtitle;
    m.alt_title = r.alt_title.map(|a| AltTitle {
        text: a.text,
        language: a.language,
    });
    m.authors = people(r.authors, "authors", diags);
    m.authors_et_al = r.authors_et_al;
    m.author_statement = r.author_statement;
    m.contributors = people(r.contributors, "contributors", diags);
    m.publisher = r.publisher;
    m.publisher_group = r.publisher_group;
    m.publisher_address = r.publisher_address;
    m.place = r.place;
    m.date = r.date.and_then(|d| {
        PartialDate::parse(&d)
            .map_err(|e| diags.push(Diagnostic::error(line_of_key(yaml, line, "date"), e)))
            .ok()
    });
    m.isbn = r.isbn.and_then(|s| isbn("isbn", &s, diags));
    m.ebook_isbn = r.ebook_isbn.and_then(|s| isbn("ebook_isbn", &s, diags));
    m.print_isbns = r
        .print_isbns
        .into_iter()
        .filter_map(|l| {
            isbn("print_isbns", &l.isbn, diags).map(|i| LabelledIsbn {
                label: l.label,
                isbn: i,
            })
        })
        .collect();
    m.lccn = r.lccn;
    m.language = r.language.unwrap_or_default();
    m.cip = r.cip.map(CipRecord::from);
    m.trim = r.trim.and_then(|t| {
        let ok = |v: f32| v.is_finite() && v > 0.0 && v <= 2000.0;
        if ok(t.width_mm) && ok(t.height_mm) {
            Some(TrimSize {
                width_mm: t.width_mm,
                height_mm: t.height_mm,
            })
        } else {
            diags.push(Diagnostic::error(
                line_of_key(yaml, line, "trim"),
                "trim sizes must be positive millimetres (at most 2000)",
            ));
            None
        }
    });
    m.print = r.print.into();
    m.websites = r.websites;
    m.emails = r.emails;
    m.rights = r.rights;
    m.series = r.series;
    m.description = r.description;
    m.subjects = r.subjects;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AltTitleRecord, CipRecordDoc, LabelledIsbnRecord, PrintRecord, TrimRecord};

    #[test]
    fn the_field_list_is_the_records() {
        let full = MetaRecord {
            title: Some("t".into()),
            subtitle: Some("s".into()),
            alt_title: Some(AltTitleRecord {
                text: "a".into(),
                language: "en".into(),
            }),
            authors: vec![PersonRecord::Name("n".into())],
            authors_et_al: true,
            author_statement: Some("x".into()),
            contributors: vec![PersonRecord::Name("n".into())],
            publisher: Some("p".into()),
            publisher_group: Some("g".into()),
            publisher_address: Some("a".into()),
            place: Some("p".into()),
            date: Some("2019".into()),
            isbn: Some("i".into()),
            ebook_isbn: Some("e".into()),
            print_isbns: vec![LabelledIsbnRecord {
                label: String::new(),
                isbn: "i".into(),
            }],
            lccn: Some("l".into()),
            language: Some("zh".into()),
            cip: Some(CipRecordDoc::default()),
            trim: Some(TrimRecord {
                width_mm: 1.0,
                height_mm: 1.0,
            }),
            print: PrintRecord {
                sheets: Some("1".into()),
                ..PrintRecord::default()
            },
            websites: vec!["w".into()],
            emails: vec!["e".into()],
            rights: Some("r".into()),
            series: vec!["s".into()],
            description: Some("d".into()),
            subjects: vec!["s".into()],
        };
        let Value::Mapping(m) = serde_yaml_ng::to_value(&full).unwrap() else {
            panic!("a mapping")
        };
        let keys: Vec<&str> = m.keys().filter_map(|k| k.as_str()).collect();
        assert_eq!(keys, FIELDS);
    }

    #[test]
    fn values_are_validated_and_pandoc_names_accepted() {
        let yaml = "title: 书\nauthor: 林晓\nlang: zh-CN\nisbn: 978-7-5469-2381-0\ndate: 2019-13\ncolour: red\n";
        let mut m = Metadata::default();
        let mut d = Vec::new();
        read(yaml, 2, &mut m, &mut d);
        assert_eq!(m.title, "书");
        assert_eq!(m.authors.len(), 1);
        assert_eq!(m.authors[0].name, "林晓");
        assert_eq!(m.language, "zh-CN");
        assert!(m.isbn.is_none() && m.date.is_none());
        let got: Vec<(usize, String)> =
            d.iter().map(|d| (d.span.line, d.message.clone())).collect();
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(
            got.iter().any(|(l, m)| *l == 7 && m.contains("colour")),
            "{got:?}"
        );
        assert!(
            got.iter().any(|(l, m)| *l == 5 && m.contains("isbn")),
            "{got:?}"
        );
        assert!(
            got.iter().any(|(l, m)| *l == 6 && m.contains("month 13")),
            "{got:?}"
        );
    }
}
