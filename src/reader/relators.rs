//! MARC relator roles for the labels printed in colophons (`metadata/relators.toml`).

use std::collections::BTreeMap;

use crate::model::Relator;

/// The built-in table, embedded from `metadata/relators.toml`.
const BUILTIN: &str = include_str!("../../metadata/relators.toml");

/// A table from printed labels (责任编辑) to MARC relator codes (edt).
#[derive(Debug, Clone, Default)]
pub struct Relators {
    roles: BTreeMap<String, Relator>,
}

#[derive(serde::Deserialize)]
struct RelatorsFile {
    roles: BTreeMap<String, String>,
}

/// Why a relators table could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum RelatorsError {
    /// The TOML is malformed.
    #[error("{0}")]
    Toml(#[from] toml::de::Error),
    /// A code is not in the MARC relator list.
    #[error("role {code:?} for label {label:?} is not a MARC relator code")]
    BadCode {
        /// The printed label.
        label: String,
        /// The offending code.
        code: String,
    },
}

impl Relators {
    /// The built-in table from `metadata/relators.toml`.
    pub fn builtin() -> Self {
        Relators::parse(BUILTIN).expect("metadata/relators.toml is valid (checked by a test)")
    }

    /// Parses a relators table in the `metadata/relators.toml` format.
    pub fn parse(toml_text: &str) -> Result<Self, RelatorsError> {
        let file: RelatorsFile = toml::from_str(toml_text)?;
        let mut roles = BTreeMap::new();
        for (label, code) in file.roles {
            let Ok(role) = Relator::new(&code) else {
                return Err(RelatorsError::BadCode { label, code });
            };
            roles.insert(normalise(&label), role);
        }
        Ok(Relators { roles })
    }

    /// The role printed under `label` (letter-spacing and case ignored), if the table knows it.
    pub fn lookup(&self, label: &str) -> Option<Relator> {
        self.roles.get(&normalise(label)).cloned()
    }
}

/// Removes all white space (print letter-spacing) and lower-cases Latin letters.
fn normalise(label: &str) -> String {
    label
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_table_maps_colophon_labels() {
        let r = Relators::builtin();
        let cases = [
            ("责任编辑", Some("edt")),
            ("责 任 编 辑", Some("edt")),
            ("封面设计", Some("cov")),
            ("责任校对", Some("pfr")),
            ("技术设计", Some("bkd")),
            ("责任印制", Some("bkp")),
            ("序", Some("wpr")),
            ("cover design", Some("cov")),
            ("定价", None),
        ];
        for (label, want) in cases {
            assert_eq!(r.lookup(label).as_ref().map(Relator::code), want, "{label}");
        }
    }

    #[test]
    fn bad_codes_are_rejected() {
        let err = Relators::parse("[roles]\n\"编\" = \"editor\"\n").unwrap_err();
        assert!(err.to_string().contains("\"editor\""), "{err}");
        assert!(Relators::parse("roles = 3").is_err());
    }
}
