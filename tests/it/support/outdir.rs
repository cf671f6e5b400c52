//! Helpers shared by the output-safety tests (robust_output, robust_safety): a clean two-chapter
//! manuscript, writing a file with its folders, listing a folder, a command's stderr.

use std::path::{Path, PathBuf};

/// A manuscript that builds with no diagnostic.
pub const CLEAN: &str = "书名\n\n第一章\n\n起点\n\n正文一。\n\n第二章\n\n桥梁\n\n正文二。\n";

/// Writes `text` at `path`, making its folders; returns the path.
pub fn write(path: &Path, text: &str) -> PathBuf {
    if let Some(p) = path.parent() {
        std::fs::create_dir_all(p).unwrap();
    }
    std::fs::write(path, text).unwrap();
    path.to_path_buf()
}

/// Every entry of a folder, sorted, dotfiles included.
pub fn entries(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// A finished command's stderr as text.
pub fn stderr(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&a.get_output().stderr).into_owned()
}
