//! 目录句柄 (directory handles): every write of a build happens relative to an opened folder, as
//! `openat(2)` does, so a link or folder someone plants at a path inside the staging folder (or
//! in place of the staging folder itself) cannot redirect a write or a rename.
//!
//! On Unix a [`Dir`] holds a file descriptor of the folder, opened once; names below it are one
//! plain component each and are opened with `O_NOFOLLOW` (a link is refused, never followed),
//! files are created with `O_CREAT | O_EXCL` (an existing name, links included, is refused),
//! folders with `mkdirat`, and outputs are moved with `renameat`/`linkat` between two handles.
//! Elsewhere a `Dir` is its path, with the same operations on joined paths.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

#[cfg(unix)]
use rustix::fs::{AtFlags, FileType, Mode, OFlags};

/// An opened folder: writes below it go to this folder whatever later happens to its path.
#[derive(Debug)]
pub(super) struct Dir {
    /// Where the folder was when it was opened (for messages and external tools).
    path: PathBuf,
    #[cfg(unix)]
    fd: std::os::fd::OwnedFd,
}

/// What one name in a folder is, not following a link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Entry {
    /// Nothing has that name.
    Absent,
    /// A symbolic link.
    Link,
    /// A folder.
    Folder,
    /// A regular file.
    File,
    /// Anything else (FIFO, socket, device).
    Other,
}

#[cfg(unix)]
fn dir_flags() -> OFlags {
    OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC
}

impl Dir {
    /// Opens the folder at `path`; a link there is followed (the user named it), once.
    pub(super) fn open(path: &Path) -> io::Result<Dir> {
        #[cfg(unix)]
        {
            let fd = rustix::fs::open(path, dir_flags(), Mode::empty())?;
            Ok(Dir {
                path: path.to_path_buf(),
                fd,
            })
        }
        #[cfg(not(unix))]
        {
            if !path.is_dir() {
                return Err(io::Error::new(io::ErrorKind::NotADirectory, "not a folder"));
            }
            Ok(Dir {
                path: path.to_path_buf(),
            })
        }
    }

    /// The folder's path when it was opened.
    pub(super) fn path(&self) -> &Path {
        &self.path
    }

    /// Opens the folder `name` below this one, refusing a link.
    pub(super) fn sub(&self, name: &str) -> io::Result<Dir> {
        #[cfg(unix)]
        {
            let fd = rustix::fs::openat(
                &self.fd,
                name,
                dir_flags() | OFlags::NOFOLLOW,
                Mode::empty(),
            )?;
            Ok(Dir {
                path: self.path.join(name),
                fd,
            })
        }
        #[cfg(not(unix))]
        {
            let path = self.path.join(name);
            if fs::symlink_metadata(&path)?.file_type().is_symlink() {
                return Err(io::Error::new(io::ErrorKind::InvalidInput, "a link"));
            }
            Dir::open(&path)
        }
    }

    /// Creates the folder `name` below this one (mode 0700 when `private`, else 0777 less the
    /// umask) and opens it; an existing name is an error.
    pub(super) fn mkdir(&self, name: &str, private: bool) -> io::Result<Dir> {
        #[cfg(unix)]
        {
            let mode = if private { 0o700 } else { 0o777 };
            rustix::fs::mkdirat(&self.fd, name, Mode::from_bits_truncate(mode))?;
        }
        #[cfg(not(unix))]
        {
            let _ = private;
            fs::create_dir(self.path.join(name))?;
        }
        self.sub(name)
    }

    /// Opens the folder `name` below this one, creating it if it is absent.
    pub(super) fn mkdir_or_sub(&self, name: &str) -> io::Result<Dir> {
        match self.mkdir(name, false) {
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => self.sub(name),
            other => other,
        }
    }

    /// Creates the file `name` exclusively (never through a link), writes `bytes` and syncs it.
    pub(super) fn create_new(&self, name: &str, bytes: &[u8]) -> io::Result<()> {
        #[cfg(unix)]
        let mut f = {
            let flags =
                OFlags::WRONLY | OFlags::CREATE | OFlags::EXCL | OFlags::NOFOLLOW | OFlags::CLOEXEC;
            fs::File::from(rustix::fs::openat(
                &self.fd,
                name,
                flags,
                Mode::from_bits_truncate(0o666),
            )?)
        };
        #[cfg(not(unix))]
        let mut f = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(self.path.join(name))?;
        f.write_all(bytes)?;
        f.sync_all()
    }

    /// What `name` is in this folder (a link is reported as a link).
    pub(super) fn entry(&self, name: &str) -> io::Result<Entry> {
        #[cfg(unix)]
        {
            match rustix::fs::statat(&self.fd, name, AtFlags::SYMLINK_NOFOLLOW) {
                Err(rustix::io::Errno::NOENT) => Ok(Entry::Absent),
                Err(e) => Err(e.into()),
                Ok(st) => Ok(match FileType::from_raw_mode(st.st_mode) {
                    FileType::Symlink => Entry::Link,
                    FileType::Directory => Entry::Folder,
                    FileType::RegularFile => Entry::File,
                    _ => Entry::Other,
                }),
            }
        }
        #[cfg(not(unix))]
        {
            match fs::symlink_metadata(self.path.join(name)) {
                Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Entry::Absent),
                Err(e) => Err(e),
                Ok(m) if m.file_type().is_symlink() => Ok(Entry::Link),
                Ok(m) if m.is_dir() => Ok(Entry::Folder),
                Ok(m) if m.is_file() => Ok(Entry::File),
                Ok(_) => Ok(Entry::Other),
            }
        }
    }

    /// Moves `name` of this folder to `to_name` in `to` (replacing a file there atomically).
    pub(super) fn rename(&self, name: &str, to: &Dir, to_name: &str) -> io::Result<()> {
        #[cfg(unix)]
        {
            rustix::fs::renameat(&self.fd, name, &to.fd, to_name)?;
            Ok(())
        }
        #[cfg(not(unix))]
        {
            fs::rename(self.path.join(name), to.path.join(to_name))
        }
    }

    /// Makes `to_name` in `to` a second (hard) link of the file `name` of this folder; a link
    /// named `name` is linked itself, never its target.
    pub(super) fn hard_link(&self, name: &str, to: &Dir, to_name: &str) -> io::Result<()> {
        #[cfg(unix)]
        {
            rustix::fs::linkat(&self.fd, name, &to.fd, to_name, AtFlags::empty())?;
            Ok(())
        }
        #[cfg(not(unix))]
        {
            fs::hard_link(self.path.join(name), to.path.join(to_name))
        }
    }

    /// Whether this folder is the one it was opened as and is private to this user: owned by
    /// the effective user, no access for group or others (a staging folder).
    pub(super) fn is_private(&self) -> io::Result<bool> {
        #[cfg(unix)]
        {
            let st = rustix::fs::fstat(&self.fd)?;
            // SAFETY: geteuid has no preconditions and cannot fail.
            Ok(st.st_uid == unsafe { libc::geteuid() } && st.st_mode & 0o077 == 0)
        }
        #[cfg(not(unix))]
        {
            Ok(true)
        }
    }
}
