//! 输入保护 (input guard): the files a build (or a whole batch) reads, which no output may write
//! over or replace.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// The canonical paths of some inputs and of every folder above one. Checking a target is one
/// `canonicalize` and two hash look-ups, so a batch of n books checks every target against every
/// input in O(n · depth), not O(n²).
#[derive(Debug, Default, Clone)]
pub struct Protected {
    files: HashSet<PathBuf>,
    folders: HashSet<PathBuf>,
}

impl Protected {
    /// Protects every existing path of `inputs` (a missing input cannot be written over; it fails
    /// to read first).
    pub fn new<'a>(inputs: impl IntoIterator<Item = &'a Path>) -> Self {
        let mut p = Protected::default();
        for input in inputs {
            p.add(input);
        }
        p
    }

    /// Adds one input.
    pub fn add(&mut self, input: &Path) {
        let Ok(path) = fs::canonicalize(input) else {
            return;
        };
        for folder in path.ancestors().skip(1) {
            // Once a folder is known, so are all the folders above it.
            if !self.folders.insert(folder.to_path_buf()) {
                break;
            }
        }
        self.files.insert(path);
    }

    /// Refuses a file target that is (or links to) one of the inputs.
    pub fn check_file(&self, target: &Path) -> Result<()> {
        match fs::canonicalize(target) {
            Ok(c) if self.files.contains(&c) => Err(Error::Output {
                path: target.into(),
                message: "refusing to write over an input file".into(),
            }),
            _ => Ok(()),
        }
    }

    /// Refuses a folder target that holds (or is) one of the inputs.
    pub fn check_folder(&self, target: &Path) -> Result<()> {
        match fs::canonicalize(target) {
            Ok(c) if self.files.contains(&c) || self.folders.contains(&c) => Err(Error::Output {
                path: target.into(),
                message: "would replace a folder holding an input file".into(),
            }),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inputs_and_the_folders_above_them_are_protected() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        fs::create_dir_all(d.join("a-typst/deep")).unwrap();
        fs::write(d.join("a.txt"), "x").unwrap();
        fs::write(d.join("a-typst/deep/b.txt"), "y").unwrap();
        fs::create_dir(d.join("free")).unwrap();
        let p = Protected::new([d.join("a.txt").as_path(), &d.join("a-typst/deep/b.txt")]);
        // (target, is a folder target, refused)
        let cases = [
            ("a.txt", false, true),
            ("a-typst/deep/b.txt", false, true),
            ("a.epub", false, false),
            ("a-typst", true, true),
            ("a-typst/deep", true, true),
            ("free", true, false),
            ("missing-typst", true, false),
        ];
        for (rel, folder, refused) in cases {
            let t = d.join(rel);
            let got = if folder {
                p.check_folder(&t)
            } else {
                p.check_file(&t)
            };
            assert_eq!(got.is_err(), refused, "{rel}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_link_to_an_input_is_the_input() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("book.txt");
        fs::write(&input, "x").unwrap();
        let link = dir.path().join("book.epub");
        std::os::unix::fs::symlink(&input, &link).unwrap();
        let p = Protected::new([input.as_path()]);
        assert!(p.check_file(&link).is_err());
    }
}
