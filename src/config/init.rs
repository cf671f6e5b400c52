//! `paiban init`: a pre-filled, commented `book.toml` written from recovered metadata.

use std::fmt::Write as _;

use crate::model::{Contributor, Metadata};

/// A TOML string literal.
fn q(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// A TOML inline table for a person.
fn person(c: &Contributor) -> String {
    let mut s = format!("{{ name = {}, role = {}", q(&c.name), q(c.role.code()));
    for (key, v) in [
        ("label", &c.label),
        ("file_as", &c.file_as),
        ("affiliation", &c.affiliation),
    ] {
        if let Some(v) = v {
            let _ = write!(s, ", {key} = {}", q(v));
        }
    }
    s + " }"
}

fn list(items: &[String]) -> String {
    if items.is_empty() {
        return "[]".into();
    }
    let body: Vec<String> = items.iter().map(|i| format!("  {i},\n")).collect();
    format!("[\n{}]", body.concat())
}

/// The `book.toml` that `paiban init` writes: every overridable field, filled from `meta`
/// where known and commented out where not.
pub fn init_toml(meta: &Metadata) -> String {
    let mut out = String::from(
        "# book.toml — paiban (排版) metadata. Every key set here overrides what paiban read\n\
         # from the manuscript; comment a key out to keep the recovered value.\n\n",
    );
    let mut key = |name: &str, doc: &str, value: Option<String>, example: &str| {
        let _ = writeln!(out, "# {doc}");
        match value {
            Some(v) => {
                let _ = writeln!(out, "{name} = {v}\n");
            }
            None => {
                let _ = writeln!(out, "# {name} = {example}\n");
            }
        }
    };
    let text = |s: &str| (!s.is_empty()).then(|| q(s));
    let opt = |s: &Option<String>| s.as_deref().map(q);
    let strings =
        |v: &[String]| (!v.is_empty()).then(|| list(&v.iter().map(|s| q(s)).collect::<Vec<_>>()));
    let people = |v: &[Contributor]| {
        (!v.is_empty()).then(|| list(&v.iter().map(person).collect::<Vec<_>>()))
    };
    key("title", "书名 (title)", text(&meta.title), "\"\"");
    key("subtitle", "副书名 (subtitle)", opt(&meta.subtitle), "\"\"");
    key(
        "alt_title",
        "The title in another script (拼音 pinyin: zh-Latn-pinyin)",
        meta.alt_title
            .as_ref()
            .map(|a| format!("{{ text = {}, language = {} }}", q(&a.text), q(&a.language))),
        "{ text = \"\", language = \"zh-Latn-pinyin\" }",
    );
    key(
        "authors",
        "著者 (authors); role aut unless given",
        people(&meta.authors),
        "[\"\"]",
    );
    key(
        "authors_et_al",
        "等: the authors listed are the first of more",
        meta.authors_et_al.then(|| "true".to_string()),
        "false",
    );
    key(
        "author_statement",
        "The statement of responsibility as printed",
        opt(&meta.author_statement),
        "\"\"",
    );
    key(
        "contributors",
        "Other contributors with MARC relator roles (edt 编辑, cov 封面设计, pfr 校对 …)",
        people(&meta.contributors),
        "[{ name = \"\", role = \"edt\" }]",
    );
    key(
        "publisher",
        "出版者 (publisher)",
        opt(&meta.publisher),
        "\"\"",
    );
    key(
        "publisher_group",
        "出版集团 (publishing group)",
        opt(&meta.publisher_group),
        "\"\"",
    );
    key(
        "publisher_address",
        "社址 (publisher's address)",
        opt(&meta.publisher_address),
        "\"\"",
    );
    key(
        "place",
        "出版地 (place of publication)",
        opt(&meta.place),
        "\"\"",
    );
    key(
        "date",
        "Publication date: YYYY, YYYY-MM or YYYY-MM-DD",
        meta.date.map(|d| q(&d.to_string())),
        "\"\"",
    );
    key(
        "isbn",
        "ISBN-13 or ISBN-10 (check digit verified)",
        meta.isbn.as_ref().map(|i| q(&i.printed)),
        "\"\"",
    );
    key(
        "language",
        "BCP 47 language tag",
        text(&meta.language),
        "\"zh-CN\"",
    );
    key(
        "trim",
        "成品尺寸 (trim size) in millimetres",
        meta.trim.map(|t| {
            format!(
                "{{ width_mm = {}, height_mm = {} }}",
                t.width_mm, t.height_mm
            )
        }),
        "{ width_mm = 148, height_mm = 210 }",
    );
    key(
        "description",
        "Catalogue description (内容提要)",
        opt(&meta.description),
        "\"\"",
    );
    key(
        "rights",
        "版权声明 (rights statement)",
        opt(&meta.rights),
        "\"\"",
    );
    key(
        "subjects",
        "主题词 (subject headings)",
        strings(&meta.subjects),
        "[]",
    );
    key(
        "series",
        "Series and funding statements (丛书, 基金项目)",
        strings(&meta.series),
        "[]",
    );
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}
