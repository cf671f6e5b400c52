//! 锁 (locks): builds into one folder commit one at a time, and the staging folder of a build that
//! died is known by its released lock, so the next build removes it.
//!
//! On Unix the folders themselves are locked (`flock` on a read-only handle of the folder), so no
//! lock file is left behind; elsewhere a `.paiban.lock` file stands in for the folder.

use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};

use fs4::{FileExt, TryLockError};

/// The name prefix of a build's staging folder (`.paiban-stage-XXXXXX`, random, mode 0700).
pub(super) const STAGE_PREFIX: &str = ".paiban-stage-";

/// A handle whose lock stands for `dir`.
fn handle(dir: &Path) -> io::Result<File> {
    #[cfg(unix)]
    {
        File::open(dir)
    }
    #[cfg(not(unix))]
    {
        fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(dir.join(".paiban.lock"))
    }
}

/// Whether a lock error means the file system has no locks (then builds go on unlocked).
fn unsupported(e: &io::Error) -> bool {
    #[cfg(unix)]
    let no_locks = e.raw_os_error() == Some(libc::ENOLCK);
    #[cfg(not(unix))]
    let no_locks = false;
    no_locks || matches!(e.kind(), io::ErrorKind::Unsupported)
}

/// Locks `dir` exclusively, waiting for another build's commit to finish. `None` when the file
/// system cannot lock.
pub(super) fn wait(dir: &Path) -> io::Result<Option<File>> {
    let f = handle(dir)?;
    match FileExt::lock(&f) {
        Ok(()) => Ok(Some(f)),
        Err(e) if unsupported(&e) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Locks `dir` if no one holds it. `Ok(None)` when it is held (or cannot be locked).
pub(super) fn try_hold(dir: &Path) -> io::Result<Option<File>> {
    let f = handle(dir)?;
    match FileExt::try_lock(&f) {
        Ok(()) => Ok(Some(f)),
        Err(TryLockError::WouldBlock) => Ok(None),
        Err(TryLockError::Error(e)) if unsupported(&e) => Ok(None),
        Err(TryLockError::Error(e)) => Err(e),
    }
}

/// The process id in a temporary name of paiban before staging folders:
/// `.<name>.paiban-tmp-<pid>`, `.<name>.paiban-old-<pid>`, `.<stem>-typst.paiban-build-<pid>`.
fn legacy_pid(name: &str) -> Option<u32> {
    if !name.starts_with('.') {
        return None;
    }
    ["paiban-tmp-", "paiban-old-", "paiban-build-"]
        .iter()
        .find_map(|tag| {
            let (_, pid) = name.rsplit_once(&format!(".{tag}"))?;
            (!pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()))
                .then(|| pid.parse().ok())
                .flatten()
        })
}

/// Whether process `pid` is running (Linux: `/proc/<pid>`; elsewhere assumed so).
fn alive(pid: u32) -> bool {
    if cfg!(target_os = "linux") {
        Path::new("/proc").join(pid.to_string()).exists()
    } else {
        true
    }
}

/// Removes the debris of dead builds in `dir`: staging folders whose lock is free and the
/// temporary names older versions left whose process is gone. Must be called under `dir`'s lock
/// (a new staging folder is created and locked under it, so a free one is a dead one). Links are
/// removed as links, never followed. Returns what was removed.
pub(super) fn clean_debris(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut removed = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let path = entry.path();
        let Ok(meta) = fs::symlink_metadata(&path) else {
            continue;
        };
        let dead = if name.starts_with(STAGE_PREFIX) {
            meta.is_dir() && matches!(try_hold(&path), Ok(Some(_)))
        } else {
            legacy_pid(name).is_some_and(|pid| !alive(pid))
        };
        if !dead {
            continue;
        }
        let gone = if meta.is_dir() {
            fs::remove_dir_all(&path)
        } else {
            fs::remove_file(&path)
        };
        if gone.is_ok() {
            removed.push(path);
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legacy_temporary_names_give_their_pid() {
        let cases = [
            (".book.epub.paiban-tmp-4242", Some(4242)),
            (".book-typst.paiban-old-17", Some(17)),
            (".book-typst.paiban-build-9", Some(9)),
            ("book.epub.paiban-tmp-4242", None),
            (".book.epub.paiban-tmp-", None),
            (".book.epub.paiban-tmp-12x", None),
            (".notes.txt", None),
        ];
        for (name, want) in cases {
            assert_eq!(legacy_pid(name), want, "{name}");
        }
    }

    #[test]
    fn a_held_staging_folder_is_kept_and_a_free_one_removed() {
        let dir = tempfile::tempdir().unwrap();
        let live = dir.path().join(format!("{STAGE_PREFIX}live"));
        let dead = dir.path().join(format!("{STAGE_PREFIX}dead"));
        for d in [&live, &dead] {
            fs::create_dir_all(d.join("new")).unwrap();
            fs::write(d.join("new/book.epub"), "x").unwrap();
        }
        let _held = try_hold(&live).unwrap().expect("a lock");
        // A dead build of an older paiban: pid 4294967295 is never running.
        let legacy = dir.path().join(".book.epub.paiban-tmp-4294967295");
        fs::write(&legacy, "half").unwrap();
        let own = dir
            .path()
            .join(format!(".book.epub.paiban-tmp-{}", std::process::id()));
        fs::write(&own, "mine").unwrap();
        let keep = dir.path().join("notes.txt");
        fs::write(&keep, "user").unwrap();
        let mut removed = clean_debris(dir.path());
        removed.sort();
        assert_eq!(removed, [legacy, dead]);
        assert!(live.join("new/book.epub").exists() && own.exists() && keep.exists());
    }

    #[cfg(unix)]
    #[test]
    fn a_link_named_like_debris_is_removed_as_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        fs::write(outside.path().join("precious"), "x").unwrap();
        let link = dir.path().join(".x.paiban-old-4294967295");
        std::os::unix::fs::symlink(outside.path(), &link).unwrap();
        assert_eq!(clean_debris(dir.path()), [link]);
        assert!(outside.path().join("precious").exists());
    }
}
