//! Unique accessible names of a document's sections (区段名称): each headed `<section>` is
//! named by its heading (`aria-labelledby`), which makes it a region landmark, and two
//! regions of one document may not share a name (Ace by DAISY, axe's `landmark-unique`). A
//! reference manual heads many entries alike (`\field` documented in two places), so a
//! heading whose text is taken already names its section together with its parent's heading
//! (`2.3 Sorting \field`), and when that is taken too, with a number (`\field (3)`). Names
//! are compared as axe compares them: without case, white space collapsed (`\cite` and
//! `\Cite` are one name).

use std::collections::HashSet;

/// How a section is named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Name {
    /// `aria-labelledby` with these ids (the heading's, or the parent's heading's and its own).
    LabelledBy(String),
    /// `aria-label` with this text.
    Label(String),
}

/// The names given so far in one content document (compared by [`key`]).
#[derive(Debug, Default)]
pub struct Names {
    used: HashSet<String>,
}

/// A name as axe compares names: lower case, white space collapsed.
fn key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl Names {
    /// The name of a section whose heading (id `id`) reads `text`, under a section whose
    /// heading has id and text `parent` (none at the top of a document).
    pub fn name(&mut self, id: &str, text: &str, parent: Option<(&str, &str)>) -> Name {
        let own = text.trim().to_string();
        if self.used.insert(key(&own)) {
            return Name::LabelledBy(id.to_string());
        }
        if let Some((pid, ptext)) = parent {
            let both = format!("{} {own}", ptext.trim());
            if self.used.insert(key(&both)) {
                return Name::LabelledBy(format!("{pid} {id}"));
            }
        }
        let n = (2..)
            .find(|n| !self.used.contains(&key(&format!("{own} ({n})"))))
            .unwrap_or(2);
        let label = format!("{own} ({n})");
        self.used.insert(key(&label));
        Name::Label(label)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_headings_get_unique_names() {
        let mut names = Names::default();
        let a = Some(("s1-title", "1 Mill"));
        let b = Some(("s2-title", "2 Weir"));
        assert_eq!(
            names.name("e1", "\\grind", a),
            Name::LabelledBy("e1".into())
        );
        // the same text under another parent: named with the parent's heading
        assert_eq!(
            names.name("e2", "\\grind", b),
            Name::LabelledBy("s2-title e2".into())
        );
        // under the same parent again: numbered
        assert_eq!(
            names.name("e3", "\\grind", b),
            Name::Label("\\grind (2)".into())
        );
        assert_eq!(
            names.name("e4", "\\grind", None),
            Name::Label("\\grind (3)".into())
        );
        assert_eq!(names.name("e5", "\\sift", b), Name::LabelledBy("e5".into()));
        // case aside, `\Sift` is the same name
        assert_eq!(
            names.name("e6", "\\Sift", a),
            Name::LabelledBy("s1-title e6".into())
        );
    }
}
