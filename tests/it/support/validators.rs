//! Runs EPUBCheck (`-u`) and Ace on a written EPUB and fails on any fatal, error, warning, usage,
//! critical or serious finding, or when either tool is missing ([`super::tools::missing`]).
//!
//! Each distinct EPUB is validated once per test run: the verdict is kept by the EPUB's bytes,
//! so tests that build the same book (the example, through the golden case and `epub_seed`) share
//! it, and a test that asks while another is validating the same bytes waits for that verdict
//! instead of starting the tools again. The distinct EPUBs all go to one EPUBCheck JVM and one
//! Ace process ([`super::batch`]) when `scripts/install-validators.sh` installed them; without
//! them each EPUB starts both tools, as `paiban check` does (the same verdicts, slower).

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex, OnceLock};

use paiban::check::{
    AceReport, CheckError, CheckOutcome, EpubcheckReport, Validator, check_epub, find_epubcheck,
    parse_ace, parse_epubcheck,
};

use super::batch::Batch;
use super::tools::{missing, settings};

/// EPUBCheck's command line in one JVM (`scripts/validators/EpubcheckBatch.java`).
static EPUBCHECK: Batch = Batch::new("epubcheck-batch");
/// Ace in one Node process with one browser (`scripts/validators/ace-batch.js`).
static ACE: Batch = Batch::new("ace-batch");

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

/// EPUBCheck `-u` on `epub` through the batch JVM.
fn batch_epubcheck(epub: &Path) -> Result<EpubcheckReport, CheckError> {
    let bad = |message: String| CheckError::Report {
        tool: Validator::Epubcheck,
        message,
    };
    let dir = tempfile::tempdir().map_err(|e| bad(e.to_string()))?;
    let json = dir.path().join("report.json");
    let answer = EPUBCHECK
        .ask(&[
            &epub.to_string_lossy(),
            "--json",
            &json.to_string_lossy(),
            "-q",
            "-u",
        ])
        .map_err(bad)?;
    let text = std::fs::read_to_string(&json)
        .map_err(|e| bad(format!("{}: {e} (exit {answer})", json.display())))?;
    parse_epubcheck(&text)
}

/// Ace on `epub` through the batch process.
fn batch_ace(epub: &Path) -> Result<AceReport, CheckError> {
    let bad = |message: String| CheckError::Report {
        tool: Validator::Ace,
        message,
    };
    let dir = tempfile::tempdir().map_err(|e| bad(e.to_string()))?;
    let report = dir.path().join("report");
    let answer = ACE
        .ask(&[&epub.to_string_lossy(), &report.to_string_lossy()])
        .map_err(bad)?;
    let json = report.join("report.json");
    let text = std::fs::read_to_string(&json)
        .map_err(|e| bad(format!("{}: {e} (answer {answer})", json.display())))?;
    parse_ace(&text)
}

/// Both tools on `path`, at the same time: through the batch servers when both are installed,
/// else through [`check_epub`] (a JVM and a browser started for this EPUB alone).
fn check(path: &Path) -> CheckOutcome {
    if EPUBCHECK.installed().is_none() || ACE.installed().is_none() {
        static NOTED: std::sync::Once = std::sync::Once::new();
        NOTED.call_once(|| {
            eprintln!(
                "bin/epubcheck-batch or bin/ace-batch is not installed (scripts/install-validators.sh): \
                 each EPUB starts EPUBCheck and Ace"
            )
        });
        return check_epub(&settings(), path, true);
    }
    std::thread::scope(|s| {
        let ace = s.spawn(|| batch_ace(path));
        let epubcheck = batch_epubcheck(path);
        CheckOutcome {
            epubcheck,
            ace: ace
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
        }
    })
}

/// Both tools' reports on the EPUB at `path`, for a test that judges them itself (one that
/// allows a finding [`validate`] would fail on): through the batch servers when installed, as
/// [`validate`] does, else through [`check_epub`]. Not cached.
pub fn outcome(path: &Path) -> CheckOutcome {
    check(path)
}

/// Runs both tools on `path` and judges their reports.
fn judge(name: &str, path: &Path) -> Verdict {
    let outcome = check(path);
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

#[cfg(test)]
mod tests {
    use std::io::{Read, Write};

    use super::*;

    #[track_caller]
    fn require_batch(batch: &Batch, name: &str) {
        if batch.installed().is_none() {
            missing(name);
        }
    }

    /// The batch JVM reports a broken EPUB as EPUBCheck's command line does (a PKG- fatal).
    #[test]
    #[ignore = "needs epubcheck"]
    fn batch_epubcheck_reports_a_broken_epub() {
        require_batch(&EPUBCHECK, "bin/epubcheck-batch");
        let dir = tempfile::tempdir().unwrap();
        let bad = dir.path().join("bad.epub");
        std::fs::write(&bad, "this is not a zip").unwrap();
        let report = batch_epubcheck(&bad).unwrap();
        assert!(!report.is_clean(), "{}", report.summary());
        assert!(
            report.messages.iter().any(|m| m.id.starts_with("PKG-")),
            "{:?}",
            report.messages
        );
    }

    /// `tag` without its `lang` and `xml:lang` attributes.
    fn without_lang(tag: &str) -> String {
        let mut out = tag.to_string();
        while let Some(at) = out.find(" xml:lang=\"").or_else(|| out.find(" lang=\"")) {
            let value = at + out[at..].find('"').unwrap() + 1;
            let close = value + out[value..].find('"').unwrap() + 1;
            out.replace_range(at..close, "");
        }
        out
    }

    /// The batch Ace process reports a document without a language (axe's `html-has-lang`,
    /// serious) in an otherwise clean EPUB.
    #[test]
    #[ignore = "needs epubcheck and ace"]
    fn batch_ace_reports_a_document_without_a_language() {
        require_batch(&ACE, "bin/ace-batch");
        let opts = paiban::writer::epub::EpubOptions {
            modified_unix: 1_315_000_000,
            ..Default::default()
        };
        let epub = paiban::writer::epub::write_epub(&crate::support::fixture_book(), &opts)
            .unwrap()
            .bytes;
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(epub)).unwrap();
        let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let mut stripped = 0;
        for i in 0..archive.len() {
            let mut entry = archive.by_index(i).unwrap();
            let name = entry.name().unwrap().to_string();
            let mut bytes = Vec::new();
            entry.read_to_end(&mut bytes).unwrap();
            if name.ends_with(".xhtml") && !name.ends_with("nav.xhtml") && stripped == 0 {
                let text = String::from_utf8(bytes).unwrap();
                let html = text.find("<html").unwrap();
                let end = html + text[html..].find('>').unwrap();
                let tag = without_lang(&text[html..end]);
                assert!(!tag.contains("lang="), "{tag}");
                bytes = format!("{}{tag}{}", &text[..html], &text[end..]).into_bytes();
                stripped += 1;
            }
            let options =
                zip::write::SimpleFileOptions::default().compression_method(entry.compression());
            out.start_file(name, options).unwrap();
            out.write_all(&bytes).unwrap();
        }
        assert_eq!(stripped, 1);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no-lang.epub");
        std::fs::write(&path, out.finish().unwrap().into_inner()).unwrap();
        let report = batch_ace(&path).unwrap();
        assert!(
            report.violations.iter().any(|v| v.rule == "html-has-lang"),
            "{}: {:?}",
            report.summary(),
            report.violations
        );
    }
}
