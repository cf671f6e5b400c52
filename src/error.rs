//! The typed errors of the library: each names the file it concerns.

use std::path::PathBuf;

use crate::reader::DecodeError;
use crate::writer::epub::EpubError;

/// Everything that can stop a build.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file concerned.
        path: PathBuf,
        /// The operating system's error.
        source: std::io::Error,
    },
    /// An input is not a regular file or is over its size cap ([`crate::input::InputKind`]).
    #[error("{path}: {message}")]
    Input {
        /// The input file.
        path: PathBuf,
        /// What is wrong with it.
        message: String,
    },
    /// The manuscript could not be decoded.
    #[error("{path}: {source}")]
    Decode {
        /// The manuscript.
        path: PathBuf,
        /// Why.
        source: DecodeError,
    },
    /// book.toml or the command-line flags are invalid.
    #[error("{path}: {message}")]
    Config {
        /// The configuration file (or `command line`).
        path: PathBuf,
        /// What is wrong, with the line where known.
        message: String,
    },
    /// The EPUB could not be written.
    #[error("{path}: {source}")]
    Epub {
        /// The EPUB being written.
        path: PathBuf,
        /// Why.
        source: EpubError,
    },
    /// The cover image is unusable (not an image, corrupt, or over the size limits).
    #[error("{path}: {source}")]
    Cover {
        /// The cover file.
        path: PathBuf,
        /// Why.
        source: EpubError,
    },
    /// The PDF could not be compiled.
    #[error("{path}: {source}")]
    Pdf {
        /// The PDF being written.
        path: PathBuf,
        /// Why.
        source: crate::pdf::PdfError,
    },
    /// An output path is unusable (it is the input, or a directory where a file should go).
    #[error("{path}: {message}")]
    Output {
        /// The output path.
        path: PathBuf,
        /// Why it cannot be written.
        message: String,
    },
    /// A batch's worker threads (`-j N`) could not be started.
    #[error("cannot start the batch's worker threads: {0}")]
    Threads(String),
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
