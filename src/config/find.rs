//! 找配置 (finding the configuration): `BOOK.toml` beside `BOOK.txt`, then `book.toml` in its
//! folder, as mdBook finds its `book.toml`; and `-M key=value` overrides of single fields, as
//! pandoc's `-M`.

use std::path::{Path, PathBuf};

use super::{BookConfig, parse};
use crate::{Error, Result};

/// Where a book's configuration is looked for when `--meta` is not given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lookup {
    /// `<stem>.toml` beside the manuscript, then `book.toml` in its folder (one-book builds).
    StemThenFolder,
    /// Only `<stem>.toml` beside the manuscript (batch builds: a folder's `book.toml` would give
    /// every book in it the same title).
    StemOnly,
}

/// The configuration file of `manuscript`, if one exists: `<stem>.toml` beside it, then (for
/// [`Lookup::StemThenFolder`]) `book.toml` in the same folder. A folder named like one is skipped.
pub fn find_book_toml(manuscript: &Path, lookup: Lookup) -> Option<PathBuf> {
    let stem = manuscript.file_stem()?.to_string_lossy();
    let mut candidates = vec![manuscript.with_file_name(format!("{stem}.toml"))];
    if lookup == Lookup::StemThenFolder {
        candidates.push(manuscript.with_file_name("book.toml"));
    }
    // A manuscript named `x.toml` must never be read as its own configuration.
    candidates
        .into_iter()
        .find(|c| c.as_path() != manuscript && c.is_file())
}

/// Parses `-M key=value` overrides (repeatable; a repeated key makes a list) into a validated
/// configuration. A value is read as TOML when that fits the field (`authors_et_al=true`,
/// `trim={width_mm=150,height_mm=220}`), else as a string, else as a one-item list
/// (`-M subjects=经济史`); dotted keys set one member (`-M alt_title.text=…`).
pub fn parse_overrides(overrides: &[String]) -> Result<BookConfig> {
    let mut keys: Vec<(&str, Vec<&str>)> = Vec::new();
    for o in overrides {
        let (key, value) = o
            .split_once('=')
            .ok_or_else(|| bad(o, "expected KEY=VALUE"))?;
        let key = key.trim();
        let key_ok = !key.is_empty()
            && key.split('.').all(|k| {
                !k.is_empty() && k.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
            });
        if !key_ok {
            return Err(bad(
                o,
                "the key must be a book.toml field name such as title",
            ));
        }
        match keys.iter_mut().find(|(k, _)| *k == key) {
            Some((_, values)) => values.push(value),
            None => keys.push((key, vec![value])),
        }
    }
    let mut text = String::new();
    for (key, values) in &keys {
        let given = format!("-M {key}={}", values.join(" -M … "));
        let string = |v: &str| toml::Value::String(v.to_string()).to_string();
        // The candidates in order of preference; the string form's error is the one reported.
        let (candidates, string_form) = if values.len() == 1 {
            let v = values[0];
            (
                vec![v.to_string(), string(v), format!("[{}]", string(v))],
                1,
            )
        } else {
            let strings: Vec<String> = values.iter().map(|v| string(v)).collect();
            (
                vec![
                    format!("[{}]", values.join(", ")),
                    format!("[{}]", strings.join(", ")),
                ],
                1,
            )
        };
        if key.contains('.') {
            // One member of a table: its siblings are only known once every line is in, so the
            // value is taken as TOML when it is TOML, else as a string.
            let value = candidates
                .into_iter()
                .find(|v| toml::from_str::<toml::Table>(&format!("v = {v}")).is_ok())
                .unwrap_or_default();
            text.push_str(&format!("{key} = {value}\n"));
            continue;
        }
        let mut reported = String::new();
        let mut chosen = None;
        for (i, value) in candidates.iter().enumerate() {
            let line = format!("{key} = {value}\n");
            match parse(&line, Path::new("-M")) {
                Ok(_) => {
                    chosen = Some(line);
                    break;
                }
                Err(Error::Config { message, .. }) if i == string_form => reported = message,
                Err(_) => {}
            }
        }
        let Some(line) = chosen else {
            return Err(bad(&given, strip_position(&reported)));
        };
        text.push_str(&line);
    }
    parse(&text, Path::new("-M")).map_err(|e| match e {
        Error::Config { message, .. } => bad(&overrides.join(" -M "), strip_position(&message)),
        other => other,
    })
}

/// A message without its `1:7:` position, which points into the lines built here.
fn strip_position(message: &str) -> &str {
    message
        .split_once(": ")
        .filter(|(pos, _)| pos.bytes().all(|b| b.is_ascii_digit() || b == b':'))
        .map_or(message, |(_, m)| m)
}

fn bad(given: &str, message: &str) -> Error {
    Error::Config {
        path: PathBuf::from(format!("-M {}", given.trim_start_matches("-M "))),
        message: message.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Metadata;

    fn apply(args: &[&str]) -> std::result::Result<Metadata, String> {
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        let cfg = parse_overrides(&args).map_err(|e| e.to_string())?;
        let mut m = Metadata {
            title: "读出的书名".into(),
            language: crate::model::LanguageTag::known("zh-CN"),
            ..Metadata::default()
        };
        cfg.apply(&mut m);
        Ok(m)
    }

    #[test]
    fn overrides_set_one_field_each() {
        let m = apply(&[
            "title=河边小镇",
            "date=2019-03",
            "authors_et_al=true",
            "subjects=水利—历史",
            "subjects=乡村—社会",
            "authors=林晓",
            "trim={width_mm=150,height_mm=220}",
            "alt_title.text=Hebian xiaozhen",
            "alt_title.language=zh-Latn-pinyin",
            "publisher=2019",
        ])
        .unwrap();
        assert_eq!(m.title, "河边小镇");
        assert_eq!(m.date.map(|d| d.to_string()).as_deref(), Some("2019-03"));
        assert!(m.authors_et_al);
        assert_eq!(m.subjects, ["水利—历史", "乡村—社会"]);
        assert_eq!(m.authors.len(), 1);
        assert_eq!(m.authors[0].name, "林晓");
        assert_eq!(m.trim.map(|t| t.width_mm), Some(150.0));
        assert_eq!(
            m.alt_title.map(|a| a.text).as_deref(),
            Some("Hebian xiaozhen")
        );
        assert_eq!(
            m.publisher.as_deref(),
            Some("2019"),
            "a number kept as the text given"
        );
        assert_eq!(m.language, "zh-CN", "untouched fields stay as read");
    }

    #[test]
    fn bad_overrides_name_the_flag() {
        let cases = [
            ("title", "-M title: expected KEY=VALUE"),
            ("=x", "-M =x: the key must be"),
            ("colour=red", "-M colour=red: unknown field `colour`"),
            (
                "date=2019-13",
                "-M date=2019-13: date \"2019-13\" has no month 13",
            ),
            ("isbn=978-7-5321-4471-0", "-M isbn=978-7-5321-4471-0:"),
        ];
        for (arg, want) in cases {
            let got = apply(&[arg]).unwrap_err();
            assert!(got.starts_with(want), "{arg}: {got}");
        }
    }

    #[test]
    fn book_toml_is_found_beside_the_manuscript() {
        let dir = tempfile::tempdir().unwrap();
        let book = dir.path().join("river.txt");
        std::fs::write(&book, "x").unwrap();
        assert_eq!(find_book_toml(&book, Lookup::StemThenFolder), None);
        std::fs::write(dir.path().join("book.toml"), "").unwrap();
        assert_eq!(
            find_book_toml(&book, Lookup::StemThenFolder),
            Some(dir.path().join("book.toml"))
        );
        assert_eq!(find_book_toml(&book, Lookup::StemOnly), None);
        std::fs::write(dir.path().join("river.toml"), "").unwrap();
        for lookup in [Lookup::StemThenFolder, Lookup::StemOnly] {
            assert_eq!(
                find_book_toml(&book, lookup),
                Some(dir.path().join("river.toml"))
            );
        }
        // A folder named like a configuration is not one.
        let other = dir.path().join("lake.txt");
        std::fs::create_dir(dir.path().join("lake.toml")).unwrap();
        assert_eq!(
            find_book_toml(&other, Lookup::StemThenFolder),
            Some(dir.path().join("book.toml"))
        );
    }
}
