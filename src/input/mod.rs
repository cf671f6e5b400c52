//! 输入 (inputs): every file a build reads is a regular file within a stated size cap, read with
//! a bound, so `/dev/zero`, a FIFO or a runaway file is a clear error instead of a hang or an
//! exhausted memory.

use std::fs::{self, File};
use std::io::Read;
use std::path::Path;

use crate::error::{Error, Result};

mod css;

pub use css::{CssProblem, UrlRef, check as check_css, rewrite_urls};

const MIB: u64 = 1024 * 1024;

/// The kinds of input file, each with its size cap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    /// 书稿 (manuscript): at most 256 MiB (a long novel is 2–5 MiB).
    Manuscript,
    /// `book.toml`: at most 16 MiB.
    BookToml,
    /// 封面 (cover image): at most 64 MiB.
    Cover,
    /// `--css`: at most 4 MiB.
    Stylesheet,
    /// `--typst-template`: at most 4 MiB.
    Template,
    /// A `[[resources]]` font or image of book.toml: at most 32 MiB (a full CJK font is 15–25).
    Resource,
}

impl InputKind {
    /// The largest file accepted, in bytes.
    pub const fn limit(self) -> u64 {
        match self {
            InputKind::Manuscript => 256 * MIB,
            InputKind::BookToml => 16 * MIB,
            InputKind::Cover => 64 * MIB,
            InputKind::Stylesheet | InputKind::Template => 4 * MIB,
            InputKind::Resource => 32 * MIB,
        }
    }

    /// What the file is, for messages.
    pub const fn what(self) -> &'static str {
        match self {
            InputKind::Manuscript => "manuscript",
            InputKind::BookToml => "book.toml",
            InputKind::Cover => "cover image",
            InputKind::Stylesheet => "stylesheet",
            InputKind::Template => "Typst template",
            InputKind::Resource => "resource",
        }
    }
}

/// `1.5 MiB`, `300 KiB`, `12 bytes`.
fn size(n: u64) -> String {
    if n >= MIB {
        format!("{:.1} MiB", n as f64 / MIB as f64)
    } else if n >= 1024 {
        format!("{} KiB", n / 1024)
    } else {
        format!("{n} bytes")
    }
}

/// What a file that is not a regular file is.
fn not_regular(ft: fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if ft.is_char_device() || ft.is_block_device() {
            return "a device";
        }
        if ft.is_socket() {
            return "a socket";
        }
    }
    if ft.is_dir() {
        "a folder"
    } else {
        "not a regular file"
    }
}

fn refuse(path: &Path, kind: InputKind, message: String) -> Error {
    Error::Input {
        path: path.into(),
        message: format!("{message} (reading the {})", kind.what()),
    }
}

/// Opens without blocking on a FIFO that appeared after the check (`O_NONBLOCK` has no effect on
/// reading a regular file).
fn open(path: &Path) -> std::io::Result<File> {
    let mut o = fs::OpenOptions::new();
    o.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    o.open(path)
}

/// Reads an input file whole: a regular file (links followed) of at most `kind.limit()` bytes.
pub fn read(path: &Path, kind: InputKind) -> Result<Vec<u8>> {
    let io = |source| Error::Io {
        path: path.into(),
        source,
    };
    let meta = fs::metadata(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound && fs::symlink_metadata(path).is_ok() {
            let to = fs::read_link(path).unwrap_or_default();
            refuse(
                path,
                kind,
                format!(
                    "is a symbolic link to {}, which does not exist",
                    to.display()
                ),
            )
        } else {
            io(e)
        }
    })?;
    if !meta.is_file() {
        let what = not_regular(meta.file_type());
        return Err(refuse(path, kind, format!("is {what}, not a file")));
    }
    let file = open(path).map_err(io)?;
    // Checked again on the opened file: the path may have changed since.
    let meta = file.metadata().map_err(io)?;
    if !meta.is_file() {
        let what = not_regular(meta.file_type());
        return Err(refuse(path, kind, format!("is {what}, not a file")));
    }
    let limit = kind.limit();
    let too_big = |n: u64| {
        refuse(
            path,
            kind,
            format!(
                "is {}; the limit for a {} is {}",
                size(n),
                kind.what(),
                size(limit)
            ),
        )
    };
    if meta.len() > limit {
        return Err(too_big(meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // One byte more than the cap tells a file that grew since it was measured.
    file.take(limit + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > limit {
        return Err(too_big(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Reads a `--css` stylesheet: UTF-8 text that refers to nothing outside the EPUB but the files
/// `carried(url argument)` accepts and holds no NUL byte (the first problems are listed with
/// line and column).
pub fn read_stylesheet(path: &Path, carried: &dyn Fn(&str) -> bool) -> Result<String> {
    let text = read_text(path, InputKind::Stylesheet)?;
    let problems = css::check(&text, carried);
    if problems.is_empty() {
        return Ok(text);
    }
    let shown: Vec<String> = problems
        .iter()
        .take(5)
        .map(|p| format!("{}:{}: {}", p.line, p.column, p.message))
        .collect();
    let more = match problems.len() {
        n if n > 5 => format!("\n… and {} more like these", n - 5),
        _ => String::new(),
    };
    Err(Error::Config {
        path: path.into(),
        message: format!("{}{more}", shown.join("\n")),
    })
}

/// Reads an input that must be UTF-8 text (book.toml, stylesheet, template).
pub fn read_text(path: &Path, kind: InputKind) -> Result<String> {
    String::from_utf8(read(path, kind)?).map_err(|e| Error::Config {
        path: path.into(),
        message: format!(
            "not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_regular_file_within_its_cap_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        fs::write(&p, "第一章").unwrap();
        assert_eq!(
            read(&p, InputKind::Manuscript).unwrap(),
            "第一章".as_bytes()
        );
        assert_eq!(read_text(&p, InputKind::Stylesheet).unwrap(), "第一章");
    }

    #[test]
    fn a_file_over_its_cap_is_refused_unread() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("big.css");
        let f = File::create(&p).unwrap();
        // A sparse file: 5 MiB long, no blocks written.
        f.set_len(5 * MIB).unwrap();
        let err = read(&p, InputKind::Stylesheet).unwrap_err().to_string();
        assert!(
            err.ends_with(
                "is 5.0 MiB; the limit for a stylesheet is 4.0 MiB (reading the stylesheet)"
            ),
            "{err}"
        );
    }

    #[test]
    fn a_folder_is_not_a_manuscript() {
        let dir = tempfile::tempdir().unwrap();
        let err = read(dir.path(), InputKind::Manuscript).unwrap_err();
        assert!(
            err.to_string()
                .ends_with("is a folder, not a file (reading the manuscript)"),
            "{err}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn devices_fifos_and_dangling_links_are_refused_at_once() {
        let cases = [
            ("/dev/zero", "is a device, not a file"),
            ("/dev/null", "is a device, not a file"),
        ];
        for (path, want) in cases {
            let err = read(Path::new(path), InputKind::Cover)
                .unwrap_err()
                .to_string();
            assert!(err.contains(want), "{path}: {err}");
        }
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.txt");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        let err = read(&fifo, InputKind::Manuscript).unwrap_err().to_string();
        assert!(err.contains("is a FIFO (named pipe), not a file"), "{err}");
        let link = dir.path().join("gone.txt");
        std::os::unix::fs::symlink(dir.path().join("nowhere.txt"), &link).unwrap();
        let err = read(&link, InputKind::Manuscript).unwrap_err().to_string();
        assert!(err.contains("nowhere.txt, which does not exist"), "{err}");
    }
}
