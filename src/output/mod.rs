//! 安全输出 (safe output): a build stages all its outputs in a private folder, then commits them
//! together under the output folder's lock, so no other file is touched and no half state is left.
//!
//! - [`Staging::begin`] creates `.paiban-stage-XXXXXX/` in the output folder through `tempfile`
//!   (random name, exclusive `mkdir`, mode 0700): no one can plant a link inside it, and every
//!   file in it is created exclusively (`O_EXCL` refuses an existing name, links included).
//! - [`Staging::commit`] takes the folder's lock (concurrent builds into one folder commit one
//!   at a time), checks every target again, moves each previous output aside into the staging
//!   folder, renames the new one in, and on any failure puts everything back: all outputs of a
//!   build appear together or none do.
//! - A `<stem>-typst/` project carries a [`MARKER`] file; an existing folder without one is the
//!   user's and is never replaced.
//! - The staging folder of a build that died is unlocked; the next build into the folder removes
//!   it (and the `.paiban-tmp-<pid>` names older versions left, once their process is gone).

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};

use crate::error::{Error, Result};

mod guard;
mod lock;

pub use guard::Protected;

/// The file in every Typst project folder paiban writes; only a folder holding it is replaced.
pub const MARKER: &str = ".paiban";

const MARKER_TEXT: &str = "paiban made this folder and replaces it whole on every build: \
keep your own files elsewhere.\n";

fn io(path: &Path) -> impl FnOnce(io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.to_path_buf(),
        source,
    }
}

fn refuse(path: &Path, message: &str) -> Error {
    Error::Output {
        path: path.into(),
        message: message.into(),
    }
}

/// Creates the output folder; an existing file, or a link to nothing, at that path is an error
/// and is left alone.
pub fn ensure_dir(dir: &Path) -> Result<()> {
    match fs::symlink_metadata(dir) {
        Ok(m) if m.file_type().is_symlink() && !dir.exists() => {
            let to = fs::read_link(dir).unwrap_or_default();
            return Err(refuse(
                dir,
                &format!(
                    "is a symbolic link to {}, which does not exist; nothing was written",
                    to.display()
                ),
            ));
        }
        Ok(_) if !dir.is_dir() => {
            return Err(refuse(
                dir,
                "exists and is not a folder; nothing was written",
            ));
        }
        _ => {}
    }
    fs::create_dir_all(dir).map_err(io(dir))
}

/// What a staged entry becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A file (`book.epub`, `book.pdf`, `book.toml`).
    File,
    /// A marked project folder (`book-typst/`).
    Project,
}

/// One step of a commit, undone in reverse on failure.
enum Step {
    /// The previous output was moved (or linked) to `old/<name>`.
    Aside(String),
    /// The new output was renamed to its target.
    Placed(String),
}

/// Checks a target name: one plain path component.
fn plain_name(name: &str) -> Result<()> {
    let mut parts = Path::new(name).components();
    match (parts.next(), parts.next()) {
        (Some(Component::Normal(_)), None) => Ok(()),
        _ => Err(refuse(Path::new(name), "is not a plain file name")),
    }
}

/// Checks a path inside a project: relative, no `..`.
fn relative_inside(rel: &str) -> Result<()> {
    let p = Path::new(rel);
    if rel.is_empty()
        || !p
            .components()
            .all(|c| matches!(c, Component::Normal(_) | Component::CurDir))
    {
        return Err(refuse(p, "is not a relative path inside the project"));
    }
    Ok(())
}

/// Creates `path` exclusively (never through a link) and writes `bytes` to disk.
fn create_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut f = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    f.write_all(bytes)?;
    f.sync_all()
}

/// Whether `path` is a real folder (not a link) holding a [`MARKER`] file.
fn marked(path: &Path) -> bool {
    let real_dir = fs::symlink_metadata(path).is_ok_and(|m| m.is_dir());
    real_dir && fs::symlink_metadata(path.join(MARKER)).is_ok_and(|m| m.is_file())
}

/// A build's outputs in the making: staged in a private folder inside the output folder, then
/// committed together (or dropped, which removes the staging folder and touches nothing else).
#[derive(Debug)]
pub struct Staging {
    out_dir: PathBuf,
    stage: tempfile::TempDir,
    /// The lock that tells later builds this staging folder is alive.
    _alive: Option<File>,
    entries: Vec<(String, Kind)>,
}

impl Staging {
    /// Creates the output folder if needed, removes dead builds' debris from it, and opens a
    /// private staging folder there.
    pub fn begin(out_dir: &Path) -> Result<Self> {
        ensure_dir(out_dir)?;
        let folder_lock = lock::wait(out_dir).map_err(io(out_dir))?;
        if folder_lock.is_some() {
            lock::clean_debris(out_dir);
        }
        let stage = tempfile::Builder::new()
            .prefix(lock::STAGE_PREFIX)
            .tempdir_in(out_dir)
            .map_err(io(out_dir))?;
        let alive = lock::try_hold(stage.path()).map_err(io(stage.path()))?;
        for sub in ["new", "old", "work"] {
            let p = stage.path().join(sub);
            fs::create_dir(&p).map_err(io(&p))?;
        }
        drop(folder_lock);
        Ok(Staging {
            out_dir: out_dir.to_path_buf(),
            stage,
            _alive: alive,
            entries: Vec::new(),
        })
    }

    /// The folder outputs are committed to.
    pub fn out_dir(&self) -> &Path {
        &self.out_dir
    }

    fn new_path(&self, name: &str) -> PathBuf {
        self.stage.path().join("new").join(name)
    }

    fn register(&mut self, name: &str, kind: Kind) -> Result<()> {
        plain_name(name)?;
        if self.entries.iter().any(|(n, _)| n == name) {
            return Err(refuse(&self.out_dir.join(name), "is staged twice"));
        }
        self.entries.push((name.to_string(), kind));
        Ok(())
    }

    /// Stages the file `out_dir/<name>`.
    pub fn file(&mut self, name: &str, bytes: &[u8]) -> Result<()> {
        self.register(name, Kind::File)?;
        let path = self.new_path(name);
        create_new(&path, bytes).map_err(|e| io(&self.out_dir.join(name))(e))
    }

    /// Where to create the file `out_dir/<name>` by other means (a compiler's output); it is
    /// committed with the rest if it exists by then.
    pub fn file_path(&mut self, name: &str) -> Result<PathBuf> {
        self.register(name, Kind::File)?;
        Ok(self.new_path(name))
    }

    /// Stages the project folder `out_dir/<name>/` with its files (relative paths) and a
    /// [`MARKER`]. Returns where it is staged (to compile it before the commit).
    pub fn project(&mut self, name: &str, files: &[(String, Vec<u8>)]) -> Result<PathBuf> {
        self.register(name, Kind::Project)?;
        let root = self.new_path(name);
        write_tree(&root, files).map_err(|e| match e {
            Error::Io { source, .. } => io(&self.out_dir.join(name))(source),
            other => other,
        })?;
        Ok(root)
    }

    /// Writes a project that is only a step of the build (a PDF's sources): never committed.
    pub fn scratch_project(&self, name: &str, files: &[(String, Vec<u8>)]) -> Result<PathBuf> {
        plain_name(name)?;
        let root = self.stage.path().join("work").join(name);
        write_tree(&root, files)?;
        Ok(root)
    }

    /// Checks a target under the folder lock.
    fn check(&self, name: &str, kind: Kind, guards: &[&Protected]) -> Result<()> {
        let target = self.out_dir.join(name);
        let meta = match fs::symlink_metadata(&target) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => return Err(io(&target)(e)),
            Ok(m) => Some(m),
        };
        match kind {
            Kind::File => {
                if meta.as_ref().is_some_and(|m| m.is_dir()) {
                    return Err(refuse(&target, "is a directory, expected a file path"));
                }
                for g in guards {
                    g.check_file(&target)?;
                }
            }
            Kind::Project => {
                for g in guards {
                    g.check_folder(&target)?;
                }
                match meta {
                    None => {}
                    Some(m) if m.file_type().is_symlink() => {
                        return Err(refuse(
                            &target,
                            "is a symbolic link, not a folder paiban made; nothing was written",
                        ));
                    }
                    Some(m) if !m.is_dir() => {
                        return Err(refuse(
                            &target,
                            "exists and is not a folder; nothing was written",
                        ));
                    }
                    Some(_) if !marked(&target) => {
                        return Err(refuse(
                            &target,
                            &format!(
                                "exists and was not made by paiban (it has no {MARKER} file): \
                                 move it away or delete it; nothing was written"
                            ),
                        ));
                    }
                    Some(_) => {}
                }
            }
        }
        Ok(())
    }

    /// Checks every target (also before the build's slow work, to fail early).
    pub fn check_targets(&self, guards: &[&Protected]) -> Result<()> {
        self.entries
            .iter()
            .try_for_each(|(name, kind)| self.check(name, *kind, guards))
    }

    /// Moves one staged entry to its target, recording each step.
    fn place(&self, name: &str, kind: Kind, steps: &mut Vec<Step>) -> Result<()> {
        let target = self.out_dir.join(name);
        let old = self.stage.path().join("old").join(name);
        if fs::symlink_metadata(&target).is_ok() {
            // A file is linked aside so that its target is replaced atomically by the rename;
            // a folder cannot be linked and is moved.
            let aside = match kind {
                Kind::File => fs::hard_link(&target, &old).or_else(|_| fs::rename(&target, &old)),
                Kind::Project => fs::rename(&target, &old),
            };
            aside.map_err(io(&target))?;
            steps.push(Step::Aside(name.to_string()));
            // What was moved is now in the private folder: check it was really paiban's.
            if kind == Kind::Project && !marked(&old) {
                return Err(refuse(
                    &target,
                    "was replaced by a folder paiban did not make while building; nothing was written",
                ));
            }
        }
        fs::rename(self.new_path(name), &target).map_err(io(&target))?;
        steps.push(Step::Placed(name.to_string()));
        Ok(())
    }

    /// Undoes `steps` in reverse; false if something could not be put back.
    fn roll_back(&self, steps: Vec<Step>) -> bool {
        let mut clean = true;
        for step in steps.into_iter().rev() {
            let back = match &step {
                Step::Placed(name) => fs::rename(self.out_dir.join(name), self.new_path(name)),
                Step::Aside(name) => fs::rename(
                    self.stage.path().join("old").join(name),
                    self.out_dir.join(name),
                ),
            };
            clean &= back.is_ok();
        }
        clean
    }

    /// Commits every staged output under the folder's lock: all of them or none. A target that
    /// is an input (`guards`), a folder paiban did not make, or a link where a folder belongs is
    /// refused. Returns the paths written, in staging order.
    pub fn commit(self, guards: &[&Protected]) -> Result<Vec<PathBuf>> {
        let _folder_lock = lock::wait(&self.out_dir).map_err(io(&self.out_dir))?;
        // A file the build was to produce by other means and did not is not committed.
        let entries: Vec<(String, Kind)> = self
            .entries
            .iter()
            .filter(|(name, _)| fs::symlink_metadata(self.new_path(name)).is_ok())
            .cloned()
            .collect();
        for (name, kind) in &entries {
            self.check(name, *kind, guards)?;
        }
        let mut steps = Vec::new();
        let placed = entries
            .iter()
            .try_for_each(|(name, kind)| self.place(name, *kind, &mut steps));
        if let Err(e) = placed {
            if !self.roll_back(steps) {
                let kept = self.stage.keep();
                return Err(Error::Output {
                    path: self.out_dir.clone(),
                    message: format!(
                        "{e}; the previous outputs could not all be put back and are kept in {}",
                        kept.display()
                    ),
                });
            }
            return Err(e);
        }
        Ok(entries
            .iter()
            .map(|(name, _)| self.out_dir.join(name))
            .collect())
    }
}

/// Writes a marked project folder at `root` (inside a staging folder).
fn write_tree(root: &Path, files: &[(String, Vec<u8>)]) -> Result<()> {
    fs::create_dir(root).map_err(io(root))?;
    create_new(&root.join(MARKER), MARKER_TEXT.as_bytes()).map_err(io(root))?;
    for (rel, bytes) in files {
        relative_inside(rel)?;
        if Path::new(rel) == Path::new(MARKER) {
            continue;
        }
        let path = root.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(io(parent))?;
        }
        create_new(&path, bytes).map_err(io(&path))?;
    }
    Ok(())
}

/// Writes one file `target` through a staging folder beside it (`paiban init`).
pub fn write_file(target: &Path, bytes: &[u8], guards: &[&Protected]) -> Result<()> {
    let name = target
        .file_name()
        .ok_or_else(|| refuse(target, "is not a file path"))?
        .to_string_lossy()
        .into_owned();
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut staging = Staging::begin(dir)?;
    staging.file(&name, bytes)?;
    staging.check_targets(guards)?;
    staging.commit(guards).map(drop)
}

#[cfg(test)]
mod tests;
