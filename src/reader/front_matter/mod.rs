//! Front matter before the first prose division: title pages (书名页), CIP block
//! (图书在版编目(CIP)数据) and colophon (版本记录) → metadata and display divisions.

use crate::diag::Diagnostic;
use crate::model::{Division, Metadata};

use super::{Line, Relators};

/// What the title pages, CIP block and colophon yield.
#[derive(Debug, Clone, Default)]
pub struct FrontMatter {
    /// Metadata recovered (fields not found stay empty).
    pub meta: Metadata,
    /// Title page and copyright page divisions, in print order.
    pub divisions: Vec<Division>,
    /// What could not be decided.
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads the lines before the first prose division (序, 前言, 内容提要 …).
pub fn read_front_matter(lines: &[Line<'_>], relators: &Relators) -> FrontMatter {
    let _ = (lines, relators);
    FrontMatter::default()
}
