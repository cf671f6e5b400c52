//! book.toml: overrides, validation errors with line:column, and the `paiban init` round trip.

use std::path::Path;

use paiban::config::{init_toml, parse, parse_date};
use paiban::model::{
    AltTitle, Contributor, Isbn, Metadata, PartialDate, PrintDetails, Relator, TrimSize,
};

fn person(name: &str, role: &str, label: Option<&str>) -> Contributor {
    Contributor {
        name: name.into(),
        role: Relator::new(role).unwrap(),
        label: label.map(str::to_string),
        file_as: Some(name.into()),
        affiliation: None,
    }
}

/// An invented book with every overridable field set, including characters TOML must escape.
fn full_meta() -> Metadata {
    Metadata {
        title: "江南古镇的手工业变迁".into(),
        subtitle: Some("以三座水乡为例 \"初稿\"".into()),
        alt_title: Some(AltTitle {
            text: "Jiangnan guzhen de shougongye bianqian".into(),
            language: paiban::model::LanguageTag::known("zh-Latn-pinyin"),
        }),
        authors: vec![person("林晓", "aut", None), person("钱多多", "edt", None)],
        authors_et_al: true,
        author_statement: Some("林晓 等著".into()),
        contributors: vec![
            person("苏木青", "edt", Some("责任编辑")),
            Contributor {
                affiliation: Some("星河大学\\历史系".into()),
                ..person("Anna Berg", "cov", Some("封面设计"))
            },
        ],
        publisher: Some("星河出版社".into()),
        publisher_group: Some("浙东出版集团".into()),
        publisher_address: Some("杭州某路 8 号".into()),
        place: Some("杭州".into()),
        date: Some(PartialDate {
            year: 2019,
            month: Some(3),
            day: None,
        }),
        isbn: Some(Isbn {
            digits: "9787532144716".into(),
            printed: "978-7-5321-4471-6".into(),
        }),
        language: paiban::model::LanguageTag::known("zh-CN"),
        trim: Some(TrimSize {
            width_mm: 170.0,
            height_mm: 240.5,
        }),
        description: Some("一部关于水乡手艺的书。\n第二行".into()),
        rights: Some("版权所有·侵权必究".into()),
        subjects: vec!["手工业—经济史—江南".into()],
        series: vec!["教育部人文社会科学研究项目".into()],
        ..Metadata::default()
    }
}

/// The fields book.toml can override, as a comparable tuple.
fn overridable(m: &Metadata) -> Metadata {
    Metadata {
        cip: None,
        print: PrintDetails::default(),
        websites: Vec::new(),
        emails: Vec::new(),
        ..m.clone()
    }
}

#[test]
fn init_toml_round_trips() {
    let m = full_meta();
    let text = init_toml(&m);
    let cfg = parse(&text, Path::new("book.toml")).unwrap_or_else(|e| panic!("{e}\n{text}"));
    let mut back = Metadata::default();
    cfg.apply(&mut back);
    assert_eq!(overridable(&back), overridable(&m), "{text}");
    assert!(
        text.contains("\ntitle = \"江南古镇的手工业变迁\"\n"),
        "{text}"
    );
}

#[test]
fn init_toml_of_an_empty_book_overrides_nothing() {
    let text = init_toml(&Metadata::default());
    let cfg = parse(&text, Path::new("book.toml")).unwrap_or_else(|e| panic!("{e}\n{text}"));
    let mut m = full_meta();
    cfg.apply(&mut m);
    assert_eq!(m, full_meta());
    assert!(text.contains("# title = \"\""));
    // the build option is offered commented out and reads back once uncommented
    let on = text.replace("# keep_licence = true", "keep_licence = true");
    assert_ne!(on, text, "{text}");
    let cfg = parse(&on, Path::new("book.toml")).unwrap_or_else(|e| panic!("{e}\n{on}"));
    assert_eq!(cfg.options.keep_licence, Some(true));
    assert!(cfg.patch.keys().is_empty());
}

#[test]
fn overrides_replace_only_what_they_set() {
    let text = "title = \"北方小城的手艺人\"\nauthors = [\"周一鸣\", { name = \"郑好\", role = \"edt\" }]\ndate = \"2020\"\nisbn = \"ISBN 0-8044-2957-X\"\n";
    let cfg = parse(text, Path::new("book.toml")).expect("valid");
    let mut m = full_meta();
    cfg.apply(&mut m);
    assert_eq!(m.title, "北方小城的手艺人");
    let authors: Vec<(&str, &str)> = m
        .authors
        .iter()
        .map(|a| (a.name.as_str(), a.role.code()))
        .collect();
    assert_eq!(authors, [("周一鸣", "aut"), ("郑好", "edt")]);
    assert_eq!(
        m.date,
        Some(PartialDate {
            year: 2020,
            month: None,
            day: None
        })
    );
    assert_eq!(m.isbn.map(|i| i.digits), Some("9780804429573".to_string()));
    assert_eq!(m.publisher.as_deref(), Some("星河出版社"));
}

#[test]
fn errors_name_the_file_and_position() {
    let cases = [
        ("titel = \"x\"\n", "1:1:", "unknown field"),
        (
            "title = \"x\"\nisbn = \"978-7-5321-4471-4\"\n",
            "2:8:",
            "check digit 4",
        ),
        ("date = \"2019-13\"\n", "1:8:", "no month 13"),
        ("date = \"2019-02-30\"\n", "1:8:", "no day 30"),
        ("date = \"March 2019\"\n", "1:8:", "YYYY-MM"),
        ("language = \"chinese_simplified\"\n", "1:12:", "BCP 47"),
        (
            "\ncontributors = [{ name = \"林晓\", role = \"editor\" }]\n",
            "2:39:",
            "not a MARC relator code",
        ),
        (
            "authors = [{ name = \"林晓\", role = \"zzz\" }]\n",
            "1:",
            "\"zzz\" is not a MARC relator code",
        ),
        ("date = \"0000\"\n", "1:8:", "no year 0000"),
        ("date = \"0000-01-01\"\n", "1:8:", "no year 0000"),
        ("date = \"2019-00\"\n", "1:8:", "no month 0"),
        ("date = \"2019-04-31\"\n", "1:8:", "no day 31"),
        ("date = \"2019-04-00\"\n", "1:8:", "no day 0"),
        ("date = \"12019\"\n", "1:8:", "YYYY-MM"),
        (
            "alt_title = { text = \"Beifang\", language = \"??\" }\n",
            "1:",
            "\"??\" is not a BCP 47 tag",
        ),
        (
            "trim = { width_mm = -1, height_mm = 200 }\n",
            "1:8:",
            "positive",
        ),
        (
            "trim = { width_mm = 1, height = 200 }\n",
            "1:",
            "unknown field",
        ),
        ("title = \n", "1:", ""),
    ];
    for (text, pos, what) in cases {
        let err = parse(text, Path::new("conf/book.toml"))
            .expect_err(text)
            .to_string();
        assert!(
            err.starts_with(&format!("conf/book.toml: {pos}")),
            "{text:?} → {err}"
        );
        assert!(err.contains(what), "{text:?} → {err}");
    }
}

#[test]
fn dates() {
    let d = |year, month, day| Ok(PartialDate { year, month, day });
    let cases = [
        ("2008", d(2008, None, None)),
        ("2008-05", d(2008, Some(5), None)),
        ("2024-02-29", d(2024, Some(2), Some(29))),
    ];
    for (s, want) in cases {
        assert_eq!(parse_date(s), want, "{s}");
    }
    for bad in ["2023-02-29", "08-05", "2008-5", "2008-05-01-02", ""] {
        assert!(parse_date(bad).is_err(), "{bad}");
    }
}
