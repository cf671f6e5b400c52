//! `paiban init`: a pre-filled `book.toml` written from recovered metadata — every field of the
//! metadata's serde form, set where known and commented out where not.

use std::fmt::Write as _;

use serde_json::Value;

use crate::model::Metadata;

/// A JSON value as TOML (nulls inside tables dropped), or `None` for an empty value.
fn to_toml(v: &Value) -> Option<toml::Value> {
    match v {
        Value::Null => None,
        Value::Bool(b) => Some(toml::Value::Boolean(*b)),
        Value::Number(n) => Some(match n.as_i64() {
            Some(i) => toml::Value::Integer(i),
            None => toml::Value::Float(n.as_f64().unwrap_or(0.0)),
        }),
        Value::String(s) => Some(toml::Value::String(s.clone())),
        Value::Array(items) => Some(toml::Value::Array(
            items.iter().filter_map(to_toml).collect(),
        )),
        Value::Object(fields) => Some(toml::Value::Table(
            fields
                .iter()
                .filter_map(|(k, v)| Some((k.clone(), to_toml(v)?)))
                .collect(),
        )),
    }
}

/// Whether the value says nothing (so the key is written commented out).
fn is_empty(v: &Value) -> bool {
    match v {
        Value::Null | Value::Bool(false) => true,
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.values().all(is_empty),
        Value::Number(_) | Value::Bool(true) => false,
    }
}

/// `key = value`, arrays one item per line.
fn assignment(key: &str, v: &toml::Value) -> String {
    match v {
        toml::Value::Array(items) if !items.is_empty() => {
            let body: String = items.iter().map(|i| format!("  {i},\n")).collect();
            format!("{key} = [\n{body}]")
        }
        _ => format!("{key} = {v}"),
    }
}

/// The `book.toml` that `paiban init` writes: every metadata field, filled from `meta` where
/// known and commented out (with an empty value of its type) where not.
pub fn init_toml(meta: &Metadata) -> String {
    let mut out = String::from(
        "# book.toml — paiban (排版) metadata. Every key set here replaces what paiban read\n\
         # from the manuscript (and silences the reader's diagnostics about it); keys left\n\
         # commented out keep the recovered value. The fields are those of `paiban inspect\n\
         # --json`'s \"metadata\".\n\n",
    );
    let value = serde_json::to_value(meta).expect("metadata serializes");
    let Value::Object(fields) = value else {
        return out;
    };
    // A field at its default (an empty value, or `language = "und"`) says nothing.
    let defaults = serde_json::to_value(Metadata::default()).expect("metadata serializes");
    for (key, v) in &fields {
        if is_empty(v) || defaults.get(key) == Some(v) {
            let example = match v {
                Value::Array(_) => "[]",
                Value::Object(_) => "{}",
                Value::Bool(_) => "false",
                _ => "\"\"",
            };
            let example = match v {
                Value::String(s) if !s.is_empty() => format!("{v}"),
                _ => example.to_string(),
            };
            let _ = writeln!(out, "# {key} = {example}");
        } else if let Some(t) = to_toml(v) {
            let _ = writeln!(out, "{}", assignment(key, &t));
        }
    }
    out.push_str(OPTIONS);
    out
}

/// The build options (not metadata), written commented out after the fields.
const OPTIONS: &str = "\n# Build options (not metadata):\n\
    # keep_licence = true  # keep a Project Gutenberg licence as back matter (--keep-licence)\n";
