//! The YAML metadata block (元数据块) → [`Metadata`] through the model's own serde form (the
//! field names of book.toml); pandoc's names are accepted too (`author`, `lang`, `keywords`,
//! `abstract`). Each key is validated on its own (ISBN check digit, date, relator code, trim),
//! so one bad value is a diagnostic at its line and the other fields still apply.

use serde_yaml_ng::{Mapping, Value};

use crate::diag::{Code, Diagnostic};
use crate::model::Metadata;

/// pandoc's metadata names and the book.toml names they stand for.
const ALIASES: &[(&str, &str)] = &[
    ("author", "authors"),
    ("lang", "language"),
    ("keywords", "subjects"),
    ("abstract", "description"),
];

/// Reads the YAML text whose first line is manuscript line `line` into `meta`.
pub fn read(yaml: &str, line: usize, meta: &mut Metadata, diags: &mut Vec<Diagnostic>) {
    let value: Value = match serde_yaml_ng::from_str(yaml) {
        Ok(v) => v,
        Err(e) => {
            let at = line + e.location().map_or(0, |l| l.line().saturating_sub(1));
            diags.push(Diagnostic::new(
                Code::MarkdownMetadata,
                at,
                format!("the metadata block is not YAML: {e}"),
            ));
            return;
        }
    };
    let mut map = match value {
        Value::Mapping(m) => m,
        Value::Null => Mapping::new(),
        _ => {
            diags.push(Diagnostic::new(
                Code::MarkdownMetadata,
                line,
                "the metadata block is not a mapping of keys",
            ));
            return;
        }
    };
    for (alias, name) in ALIASES {
        let Some(v) = map.remove(*alias) else {
            continue;
        };
        if map.contains_key(*name) {
            diags.push(Diagnostic::new(
                Code::MarkdownUnknownKey,
                line_of_key(yaml, line, alias),
                format!("metadata `{alias}` ignored: `{name}` is set"),
            ));
            continue;
        }
        // pandoc allows one author or keyword as a plain string.
        let v = match (*name, v) {
            ("authors" | "subjects", Value::String(s)) => Value::Sequence(vec![Value::String(s)]),
            (_, v) => v,
        };
        map.insert(Value::String(name.to_string()), v);
    }
    // Each key alone, so that a bad value names its own line and spares the others.
    let keys: Vec<Value> = map.keys().cloned().collect();
    for key in keys {
        let name = key.as_str().unwrap_or_default().to_string();
        let mut one = Mapping::new();
        one.insert(key.clone(), map[&key].clone());
        if let Err(e) = serde_yaml_ng::from_value::<Metadata>(Value::Mapping(one)) {
            let at = line_of_key(yaml, line, &name);
            let message = e.to_string();
            map.remove(&key);
            diags.push(if message.contains("unknown field") {
                Diagnostic::new(
                    Code::MarkdownUnknownKey,
                    at,
                    format!("metadata `{name}` is not a book field; ignored"),
                )
                .with_hint("the fields are book.toml's: title, subtitle, authors, publisher, date, isbn, language …")
            } else {
                Diagnostic::new(Code::MarkdownMetadata, at, format!("metadata `{name}`: {message}"))
            });
        }
    }
    match serde_yaml_ng::from_value::<Metadata>(Value::Mapping(map)) {
        Ok(m) => *meta = m,
        Err(e) => diags.push(Diagnostic::new(
            Code::MarkdownMetadata,
            line,
            format!("metadata: {e}"),
        )),
    }
}

/// The manuscript line of `key:` in the block (the block's first line when not found).
fn line_of_key(yaml: &str, first: usize, key: &str) -> usize {
    yaml.lines()
        .position(|l| {
            l.strip_prefix(key)
                .is_some_and(|r| r.trim_start().starts_with(':'))
        })
        .map_or(first, |i| first + i)
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let has = |line: usize, text: &str| got.iter().any(|(l, m)| *l == line && m.contains(text));
        assert!(has(7, "colour"), "{got:?}");
        assert!(has(5, "isbn"), "{got:?}");
        assert!(has(6, "month 13"), "{got:?}");
    }
}
