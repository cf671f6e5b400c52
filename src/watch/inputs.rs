//! The files a build reads, and a `notify` watcher on their folders.
//!
//! Folders are watched rather than files: editors save by writing a new file and renaming it
//! over the old one, which a watch on the old file would miss. An event counts when it names
//! one of the inputs; the output folder's churn and other files in the folder are ignored.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;

use notify::{RecursiveMode, Watcher as _};

use super::WatchError;
use crate::build::BuildRequest;

/// The inputs of a build: the manuscript, the book.toml in use and the ones that would be
/// found if created (`BOOK.toml`, `book.toml` beside the manuscript), the fonts and images its
/// `[[resources]]` list, cover, stylesheets, template.
pub fn of(req: &BuildRequest) -> Vec<PathBuf> {
    let input = &req.read.input;
    let mut files = vec![input.clone()];
    if let Some(stem) = input.file_stem() {
        let mut own = stem.to_os_string();
        own.push(".toml");
        files.push(input.with_file_name(own));
        files.push(input.with_file_name("book.toml"));
    }
    files.extend(req.read.meta.iter().cloned());
    files.extend(req.read.meta.iter().flat_map(|m| resources(m)));
    files.extend(req.cover.iter().cloned());
    files.extend(req.css.iter().cloned());
    files.extend(req.css_replace.iter().cloned());
    files.extend(req.typst_template.iter().cloned());
    files
}

/// The files book.toml's `[[resources]]` name, relative to its folder as the build reads
/// them; none when it cannot be read or parsed (the build reports why, and the book.toml
/// itself stays watched).
fn resources(meta: &Path) -> Vec<PathBuf> {
    let Ok(text) = crate::input::read_text(meta, crate::input::InputKind::BookToml) else {
        return Vec::new();
    };
    let Ok(config) = crate::config::check(&text) else {
        return Vec::new();
    };
    let base = meta.parent().unwrap_or(Path::new("."));
    crate::config::resource_files(&config.resources, base)
}

/// A folder watcher that knows which files in those folders matter.
pub struct Watcher {
    inner: notify::RecommendedWatcher,
    folders: BTreeSet<PathBuf>,
    files: BTreeSet<PathBuf>,
}

impl Watcher {
    /// A watcher sending its events to `tx`.
    pub fn new(tx: Sender<notify::Result<notify::Event>>) -> Result<Self, WatchError> {
        let inner = notify::recommended_watcher(tx).map_err(|source| WatchError::Watch {
            path: PathBuf::from("."),
            source,
        })?;
        Ok(Watcher {
            inner,
            folders: BTreeSet::new(),
            files: BTreeSet::new(),
        })
    }

    /// Watches the folders of `files` (adding any new one) and remembers the files.
    pub fn watch(&mut self, files: &[PathBuf]) -> Result<(), WatchError> {
        self.files.clear();
        for f in files {
            let Some((folder, name)) = split(f) else {
                continue;
            };
            if !self.folders.contains(&folder) {
                self.inner
                    .watch(&folder, RecursiveMode::NonRecursive)
                    .map_err(|source| WatchError::Watch {
                        path: folder.clone(),
                        source,
                    })?;
                self.folders.insert(folder.clone());
            }
            self.files.insert(folder.join(name));
        }
        Ok(())
    }

    /// Whether the event names one of the inputs (a watch error counts: rebuild to be safe).
    pub fn concerns(&self, event: &notify::Result<notify::Event>) -> bool {
        let Ok(event) = event else {
            return true;
        };
        if matches!(event.kind, notify::EventKind::Access(_)) {
            return false;
        }
        event
            .paths
            .iter()
            .any(|p| split(p).is_some_and(|(folder, name)| self.files.contains(&folder.join(name))))
    }
}

/// The file's folder, made absolute and canonical (the folder exists; the file may not yet),
/// and its name.
fn split(file: &Path) -> Option<(PathBuf, std::ffi::OsString)> {
    let name = file.file_name()?.to_os_string();
    let folder = match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let folder = folder.canonicalize().ok()?;
    Some((folder, name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::build::ReadRequest;

    #[test]
    fn the_resources_book_toml_lists_are_inputs() {
        let dir = tempfile::tempdir().unwrap();
        let meta = dir.path().join("book.toml");
        std::fs::write(
            &meta,
            "title = \"Salt\"\n\n[[resources]]\npath = \"fonts/Body.otf\"\n\n\
             [[resources]]\npath = \"img/map.png\"\n\n[[resources]]\npath = \"../escape.otf\"\n",
        )
        .unwrap();
        let req = BuildRequest {
            read: ReadRequest {
                input: dir.path().join("salt.md"),
                meta: Some(meta.clone()),
                ..ReadRequest::default()
            },
            ..BuildRequest::default()
        };
        let files = of(&req);
        assert!(
            files.contains(&dir.path().join("fonts/Body.otf")),
            "{files:?}"
        );
        assert!(files.contains(&dir.path().join("img/map.png")), "{files:?}");
        // a path the build refuses names no file, inside the folder or out of it
        assert!(
            !files.iter().any(|f| f.ends_with("escape.otf")),
            "{files:?}"
        );
        // a book.toml that does not parse still leaves the book.toml itself watched
        std::fs::write(&meta, "title = [\n").unwrap();
        let files = of(&req);
        assert!(files.contains(&meta));
        assert!(!files.iter().any(|f| f.ends_with("Body.otf")), "{files:?}");
    }
}
