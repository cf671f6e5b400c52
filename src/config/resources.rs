//! `[[resources]]` in book.toml (资源清单): fonts and images the book carries, each a path
//! relative to book.toml's folder. Read here into [`model::Resource`]s, or diagnostics on the
//! entry's own line of book.toml.
//!
//! ```toml
//! [[resources]]
//! path = "fonts/Body.otf"
//! ```

use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;
use toml::de::DeTable;

use crate::diag::{Code, Diagnostic, Origin};
use crate::input::{self, InputKind};
use crate::model::Resource;

/// The book.toml key of the resource list (not a metadata field).
pub const KEY: &str = "resources";

/// At most this many resources (a book's fonts and a few images).
pub const MAX_RESOURCES: usize = 64;

/// One `[[resources]]` entry as written.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResourceEntry {
    /// The path relative to book.toml's folder (`fonts/Body.otf`).
    pub path: Spanned<String>,
}

/// Takes the `resources` list out of a parsed book.toml table (so that the rest is metadata);
/// what is wrong with its shape is a diagnostic on book.toml.
pub fn take(table: &mut DeTable<'_>, text: &str) -> Result<Vec<ResourceEntry>, Diagnostic> {
    let Some(key) = table.keys().find(|k| k.get_ref() == KEY).cloned() else {
        return Ok(Vec::new());
    };
    let value = table.remove(&key).expect("the key was found");
    let span = value.span();
    let mut only = DeTable::new();
    only.insert(key, value);
    #[derive(Deserialize)]
    struct List {
        resources: Vec<ResourceEntry>,
    }
    let list = List::deserialize(toml::de::Deserializer::from(Spanned::new(
        span.clone(),
        only,
    )))
    .map_err(|e| {
        at(text, e.span().unwrap_or(span.clone()), e.message())
            .with_hint("write each resource as [[resources]] with path = \"fonts/Body.otf\"")
    })?;
    if list.resources.len() > MAX_RESOURCES {
        return Err(at(
            text,
            span,
            &format!("more than {MAX_RESOURCES} resources"),
        ));
    }
    Ok(list.resources)
}

/// Reads every listed resource relative to `base` (book.toml's folder), each within the
/// resource size cap; the problems are diagnostics on the entries' lines of `text`.
pub fn load(
    entries: &[ResourceEntry],
    base: &Path,
    text: &str,
) -> (Vec<Resource>, Vec<Diagnostic>) {
    let mut resources: Vec<Resource> = Vec::new();
    let mut problems = Vec::new();
    for e in entries {
        let span = e.path.span();
        let written = e.path.get_ref();
        // The path's form first, so that `../x` is refused before anything is opened.
        if let Err(err) = Resource::check_path(written) {
            problems.push(at(text, span, &err.to_string()));
            continue;
        }
        let file = base.join(written);
        let bytes = match input::read(&file, InputKind::Resource) {
            Ok(b) => b,
            Err(err) => {
                problems.push(at(text, span, &err.to_string()));
                continue;
            }
        };
        match Resource::new(written, bytes) {
            Ok(r) if resources.iter().any(|o| o.path() == r.path()) => problems.push(at(
                text,
                span,
                &format!("resource {:?} is listed twice", r.path()),
            )),
            Ok(r) => resources.push(r),
            Err(err) => problems.push(at(text, span, &err.to_string())),
        }
    }
    (resources, problems)
}

/// The files the entries name, relative to `base` (book.toml's folder), as [`load`] reads
/// them: what `paiban watch` watches besides the manuscript. An entry whose path [`load`]
/// refuses (`../x`, an unknown type) names no file.
pub fn files(entries: &[ResourceEntry], base: &Path) -> Vec<PathBuf> {
    entries
        .iter()
        .map(|e| e.path.get_ref())
        .filter(|p| Resource::check_path(p).is_ok())
        .map(|p| base.join(p))
        .collect()
}

fn at(text: &str, span: Range<usize>, message: &str) -> Diagnostic {
    Diagnostic::new(Code::ConfigValue, 0, message.trim())
        .in_file(Origin::Config)
        .at_bytes(text, span.start, span.end)
}
