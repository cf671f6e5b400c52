//! Writers (写出): each renders a [`crate::model::Book`] into one output format.
//!
//! A writer is a function `(&Book, &Options) -> Output` — `Result<Output, E>` when it can fail
//! (the EPUB's cover may not decode) — returning its files *and* its diagnostics, as Typst's
//! `Warned<T>` does: [`epub::render`], [`typst::write_typst`], [`markdown::write_markdown`]. No
//! writer prints; the build ([`crate::build`]) collects every writer's diagnostics beside the
//! reader's and decides what they mean. The EPUB's packager ([`epub::write_epub`]) zips the
//! rendered [`Output`] into one file and carries its diagnostics along.

use std::path::Path;

use crate::diag::Diagnostic;

pub mod epub;
pub mod markdown;
pub mod phrases;
pub mod runts;
pub mod typst;

/// 输出 (a writer's output): the files it made and what it found worth telling.
#[derive(Debug, Clone, Default)]
pub struct Output {
    /// `(path, bytes)` of every file, in writing order; paths are `/`-separated and relative to
    /// the output's folder (the Typst project, the EPUB container's root).
    pub files: Vec<(String, Vec<u8>)>,
    /// Warnings and notes (a cover under 1000 px tall, a note with no mark left), never
    /// printed by the writer.
    pub diagnostics: Vec<Diagnostic>,
}

impl Output {
    /// An output of `files` with no diagnostics yet.
    pub fn new(files: Vec<(String, Vec<u8>)>) -> Self {
        Output {
            files,
            diagnostics: Vec::new(),
        }
    }

    /// The bytes of the file at `path`, if the output has it.
    pub fn file(&self, path: &str) -> Option<&[u8]> {
        self.files
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, b)| b.as_slice())
    }

    /// The file at `path` as text, if the output has it and it is UTF-8.
    pub fn text(&self, path: &str) -> Option<&str> {
        self.file(path).and_then(|b| std::str::from_utf8(b).ok())
    }

    /// Writes every file under `dir` (created if missing, as are the files' folders). The
    /// build stages outputs safely instead ([`crate::output::Staging`]); this is for tools and
    /// tests that want the files in a folder of their own.
    pub fn write_to(&self, dir: &Path) -> std::io::Result<()> {
        std::fs::create_dir_all(dir)?;
        for (name, bytes) in &self.files {
            let path = dir.join(name);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(path, bytes)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_found_by_path_and_written_into_their_folders() {
        let out = Output::new(vec![
            ("main.typ".into(), b"= Title\n".to_vec()),
            ("fonts/a.otf".into(), vec![0xff, 0xfe]),
        ]);
        assert_eq!(out.file("main.typ"), Some(&b"= Title\n"[..]));
        assert_eq!(out.text("main.typ"), Some("= Title\n"));
        assert_eq!(out.text("fonts/a.otf"), None, "not UTF-8");
        assert_eq!(out.file("book.typ"), None);
        let dir = tempfile::tempdir().unwrap();
        out.write_to(&dir.path().join("p")).unwrap();
        assert_eq!(
            std::fs::read(dir.path().join("p/fonts/a.otf")).unwrap(),
            [0xff, 0xfe]
        );
    }
}
