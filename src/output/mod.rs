//! 安全输出 (safe output): a build stages all its outputs in a private folder, then commits them
//! together under the output folder's lock, so no other file is touched and no half state is left.
//!
//! - [`Staging::begin`] creates `.paiban-stage-XXXXXX/` in the output folder through `tempfile`
//!   (random name, exclusive `mkdir`, mode 0700): no one can plant a link inside it, and every
//!   file in it is created exclusively (`O_EXCL` refuses an existing name, links included).
//!   The output folder and the staging folder are opened once ([`dir::Dir`]); every write,
//!   folder creation and rename goes through those handles (`openat`/`mkdirat`/`renameat`,
//!   `O_NOFOLLOW`), so a link or folder planted at a path inside the staging folder, or in place
//!   of the staging folder, cannot redirect a write.
//! - [`Staging::commit`] takes the folder's lock (concurrent builds into one folder commit one
//!   at a time), checks every target again, moves each previous output aside into the staging
//!   folder, renames the new one in, and on any failure puts everything back: all outputs of a
//!   build appear together or none do.
//! - A `<stem>-typst/` project carries a [`MARKER`] file; an existing folder without one is the
//!   user's and is never replaced.
//! - The staging folder of a build that died is unlocked; the next build into the folder removes
//!   it (and the `.paiban-tmp-<pid>` names older versions left, once their process is gone).

use std::fs::{self, File};
use std::io;
use std::path::{Component, Path, PathBuf};

use crate::error::{Error, Result};

mod dir;
mod guard;
mod lock;

use dir::{Dir, Entry};

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

/// Whether `name` in `dir` is a real folder (not a link) holding a [`MARKER`] file.
fn marked(dir: &Dir, name: &str) -> bool {
    dir.sub(name)
        .and_then(|project| project.entry(MARKER))
        .is_ok_and(|e| e == Entry::File)
}

/// A build's outputs in the making: staged in a private folder inside the output folder, then
/// committed together (or dropped, which removes the staging folder and touches nothing else).
#[derive(Debug)]
pub struct Staging {
    out_dir: PathBuf,
    /// The output folder, opened once.
    out: Dir,
    stage: tempfile::TempDir,
    /// The staging folder's `new/` (outputs), `old/` (previous outputs moved aside during a
    /// commit) and `work/` (a build's scratch projects), opened through the staging folder.
    new: Dir,
    old: Dir,
    work: Dir,
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
        let out = Dir::open(out_dir).map_err(io(out_dir))?;
        let mut builder = tempfile::Builder::new();
        builder.prefix(lock::STAGE_PREFIX);
        // tempfile makes folders 0777 less the umask unless told: the staging folder is private.
        #[cfg(unix)]
        builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o700));
        let stage = builder.tempdir_in(out_dir).map_err(io(out_dir))?;
        let stage_name = stage
            .path()
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let stage_dir = out.sub(&stage_name).map_err(io(stage.path()))?;
        // The folder opened must be the private one just made, not one swapped in since.
        if !stage_dir.is_private().map_err(io(stage.path()))? {
            return Err(refuse(
                stage.path(),
                "was replaced by a folder paiban did not make; nothing was written",
            ));
        }
        let alive = lock::try_hold(stage.path()).map_err(io(stage.path()))?;
        let sub = |name: &str| {
            stage_dir
                .mkdir(name, true)
                .map_err(io(&stage.path().join(name)))
        };
        let (new, old, work) = (sub("new")?, sub("old")?, sub("work")?);
        drop(folder_lock);
        Ok(Staging {
            out_dir: out_dir.to_path_buf(),
            out,
            stage,
            new,
            old,
            work,
            _alive: alive,
            entries: Vec::new(),
        })
    }

    /// The folder outputs are committed to.
    pub fn out_dir(&self) -> &Path {
        &self.out_dir
    }

    fn new_path(&self, name: &str) -> PathBuf {
        self.new.path().join(name)
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
        self.new
            .create_new(name, bytes)
            .map_err(|e| io(&self.out_dir.join(name))(e))
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
        write_tree(&self.new, name, files).map_err(|e| match e {
            Error::Io { source, .. } => io(&self.out_dir.join(name))(source),
            other => other,
        })
    }

    /// Writes a project that is only a step of the build (a PDF's sources): never committed.
    pub fn scratch_project(&self, name: &str, files: &[(String, Vec<u8>)]) -> Result<PathBuf> {
        plain_name(name)?;
        write_tree(&self.work, name, files)
    }

    /// Checks a target under the folder lock.
    fn check(&self, name: &str, kind: Kind, guards: &[&Protected]) -> Result<()> {
        let target = self.out_dir.join(name);
        let entry = self.out.entry(name).map_err(io(&target))?;
        match kind {
            Kind::File => {
                if entry == Entry::Folder {
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
                match entry {
                    Entry::Absent => {}
                    Entry::Link => {
                        return Err(refuse(
                            &target,
                            "is a symbolic link, not a folder paiban made; nothing was written",
                        ));
                    }
                    Entry::File | Entry::Other => {
                        return Err(refuse(
                            &target,
                            "exists and is not a folder; nothing was written",
                        ));
                    }
                    Entry::Folder if !marked(&self.out, name) => {
                        return Err(refuse(
                            &target,
                            &format!(
                                "exists and was not made by paiban (it has no {MARKER} file): \
                                 move it away or delete it; nothing was written"
                            ),
                        ));
                    }
                    Entry::Folder => {}
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
        if self.out.entry(name).map_err(io(&target))? != Entry::Absent {
            // A file is linked aside so that its target is replaced atomically by the rename;
            // a folder cannot be linked and is moved.
            let aside = match kind {
                Kind::File => self
                    .out
                    .hard_link(name, &self.old, name)
                    .or_else(|_| self.out.rename(name, &self.old, name)),
                Kind::Project => self.out.rename(name, &self.old, name),
            };
            aside.map_err(io(&target))?;
            steps.push(Step::Aside(name.to_string()));
            // What was moved is now in the private folder: check it was really paiban's.
            if kind == Kind::Project && !marked(&self.old, name) {
                return Err(refuse(
                    &target,
                    "was replaced by a folder paiban did not make while building; nothing was written",
                ));
            }
        }
        self.new
            .rename(name, &self.out, name)
            .map_err(io(&target))?;
        steps.push(Step::Placed(name.to_string()));
        Ok(())
    }

    /// Undoes `steps` in reverse; false if something could not be put back.
    fn roll_back(&self, steps: Vec<Step>) -> bool {
        let mut clean = true;
        for step in steps.into_iter().rev() {
            let back = match &step {
                Step::Placed(name) => self.out.rename(name, &self.new, name),
                Step::Aside(name) => self.old.rename(name, &self.out, name),
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
            .filter(|(name, _)| self.new.entry(name).is_ok_and(|e| e != Entry::Absent))
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

/// Writes a marked project folder `name` in `parent` (a staging folder), every folder and file
/// created through the handle of the folder above it; returns the project's path.
fn write_tree(parent: &Dir, name: &str, files: &[(String, Vec<u8>)]) -> Result<PathBuf> {
    let root_path = parent.path().join(name);
    let root = parent.mkdir(name, false).map_err(io(&root_path))?;
    root.create_new(MARKER, MARKER_TEXT.as_bytes())
        .map_err(io(&root_path))?;
    for (rel, bytes) in files {
        relative_inside(rel)?;
        let path = root_path.join(rel);
        let mut parts: Vec<String> = Path::new(rel)
            .components()
            .filter_map(|c| match c {
                Component::Normal(part) => Some(part.to_string_lossy().into_owned()),
                _ => None,
            })
            .collect();
        let Some(file) = parts.pop() else {
            return Err(refuse(
                Path::new(rel),
                "is not a file path inside the project",
            ));
        };
        if parts.is_empty() && file == MARKER {
            continue;
        }
        let mut here: Option<Dir> = None;
        for part in &parts {
            let next = here
                .as_ref()
                .unwrap_or(&root)
                .mkdir_or_sub(part)
                .map_err(io(&path))?;
            here = Some(next);
        }
        here.as_ref()
            .unwrap_or(&root)
            .create_new(&file, bytes)
            .map_err(io(&path))?;
    }
    Ok(root_path)
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
