//! Typst writer: a self-contained project (`main.typ` content + `book.typ` template) for print.

use crate::model::Book;

/// How to write the Typst project.
#[derive(Debug, Clone, Default)]
pub struct TypstOptions {
    /// A template replacing the built-in `styles/book.typ`.
    pub template: Option<String>,
    /// Bleed in millimetres added on every side for the printer (0 for none).
    pub bleed_mm: f32,
}

/// A written project: relative paths and file contents.
#[derive(Debug, Clone, Default)]
pub struct TypstProject {
    /// Files of the project, e.g. `main.typ`, `book.typ`, `FONTS.md`.
    pub files: Vec<(String, Vec<u8>)>,
}

/// Renders the book as a Typst project.
pub fn write_typst(book: &Book, opts: &TypstOptions) -> TypstProject {
    let _ = (book, opts);
    TypstProject::default()
}
