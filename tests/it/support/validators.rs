//! Runs EPUBCheck (`-u`) and Ace on a written EPUB and fails on any fatal, error, warning, usage,
//! critical or serious finding, or when either tool is missing ([`super::tools::missing`]).
//!
//! Each distinct EPUB is validated once per test run: the verdict is kept by the EPUB's bytes,
//! so tests that build the same book (the example, through the golden case and `epub_seed`) share
//! one EPUBCheck JVM and one Ace browser, and a test that asks while another is validating the
//! same bytes waits for that verdict instead of starting the tools again.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex, OnceLock};

use paiban::check::{CheckError, check_epub, find_epubcheck};

use super::tools::{missing, settings};

/// Fails unless EPUBCheck is installed.
#[track_caller]
pub fn require_epubcheck() {
    if let Err(e) = find_epubcheck(&settings()) {
        missing(&format!("EPUBCheck ({e})"));
    }
}

/// What the tools said about one EPUB.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Verdict {
    /// Both ran and found nothing.
    Clean,
    /// A tool is not installed (the message for [`missing`]).
    Missing(String),
    /// A tool found something or gave no report.
    Failed(String),
}

/// Verdicts by EPUB bytes, each computed once.
type Verdicts = HashMap<Vec<u8>, Arc<OnceLock<Verdict>>>;

/// One verdict per distinct EPUB (by its bytes) in this test run.
fn verdicts() -> &'static Mutex<Verdicts> {
    static VERDICTS: OnceLock<Mutex<Verdicts>> = OnceLock::new();
    VERDICTS.get_or_init(Default::default)
}

/// Runs both tools on `path` and judges their reports.
fn judge(name: &str, path: &Path) -> Verdict {
    let outcome = check_epub(&settings(), path, true);
    eprintln!("{name}:\n{}", outcome.render());
    match &outcome.epubcheck {
        Err(e @ CheckError::NotFound { .. }) => {
            return Verdict::Missing(format!("EPUBCheck ({e})"));
        }
        Err(e) => return Verdict::Failed(format!("{name}: {e}")),
        Ok(r) if !(r.is_clean() && r.usage == 0) => {
            return Verdict::Failed(format!("{name}: {}", r.summary()));
        }
        Ok(r) if !r.version.starts_with('5') => {
            return Verdict::Failed(format!("epubcheck 5 expected, got {}", r.version));
        }
        Ok(_) => {}
    }
    match &outcome.ace {
        Err(e @ CheckError::NotFound { .. }) => Verdict::Missing(format!("Ace ({e})")),
        Err(e) => Verdict::Failed(format!("{name}: {e}")),
        Ok(r) if !r.is_clean() => Verdict::Failed(format!("{name}: {}", r.summary())),
        Ok(_) => Verdict::Clean,
    }
}

/// Validates the EPUB at `path` with both tools through [`check_epub`] (once per distinct EPUB
/// in this run) and fails on any finding.
#[track_caller]
pub fn validate(path: &Path) {
    let name = path.file_stem().unwrap().to_string_lossy().into_owned();
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let cell = verdicts()
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .entry(bytes)
        .or_default()
        .clone();
    let mut fresh = false;
    let verdict = cell.get_or_init(|| {
        fresh = true;
        judge(&name, path)
    });
    if !fresh {
        eprintln!("{name}: same bytes as an EPUB validated earlier in this run: {verdict:?}");
    }
    match verdict {
        Verdict::Clean => {}
        Verdict::Missing(what) => missing(what),
        Verdict::Failed(message) => panic!("{message}"),
    }
}
