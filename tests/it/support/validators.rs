//! Runs EPUBCheck (`-u`) and Ace on a written EPUB and fails on any fatal, error, warning, usage,
//! critical or serious finding, or when either tool is missing ([`super::tools::missing`]).

use std::path::Path;

use paiban::check::{CheckError, check_epub, find_epubcheck};

use super::tools::{missing, settings};

/// Fails unless EPUBCheck is installed.
#[track_caller]
pub fn require_epubcheck() {
    if let Err(e) = find_epubcheck(&settings()) {
        missing(&format!("EPUBCheck ({e})"));
    }
}

/// Validates the EPUB at `path` with both tools through [`check_epub`].
#[track_caller]
pub fn validate(path: &Path) {
    let name = path.file_stem().unwrap().to_string_lossy().into_owned();
    let outcome = check_epub(&settings(), path, true);
    eprintln!("{name}:\n{}", outcome.render());
    match &outcome.epubcheck {
        Err(e @ CheckError::NotFound { .. }) => missing(&format!("EPUBCheck ({e})")),
        Err(e) => panic!("{name}: {e}"),
        Ok(r) => {
            assert!(r.is_clean() && r.usage == 0, "{name}: {}", r.summary());
            assert!(
                r.version.starts_with('5'),
                "epubcheck 5 expected, got {}",
                r.version
            );
        }
    }
    match &outcome.ace {
        Err(e @ CheckError::NotFound { .. }) => missing(&format!("Ace ({e})")),
        Err(e) => panic!("{name}: {e}"),
        Ok(r) => assert!(r.is_clean(), "{name}: {}", r.summary()),
    }
}
