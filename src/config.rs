//! `book.toml` and command-line flags → a validated build configuration.

use std::path::Path;

use crate::error::Result;
use crate::model::Metadata;

/// A parsed `book.toml` (being written on the reader-front branch).
#[derive(Debug, Clone, Default)]
pub struct BookToml {}

impl BookToml {
    /// Loads and validates a `book.toml`.
    pub fn load(path: &Path) -> Result<Self> {
        let _ = path;
        Ok(BookToml {})
    }

    /// Overrides recovered metadata with the file's fields.
    pub fn apply(&self, meta: &mut Metadata) {
        let _ = meta;
    }
}
