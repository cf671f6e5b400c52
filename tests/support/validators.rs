//! Runs EPUBCheck (`-u`) and Ace on a written EPUB and fails on any fatal, error, warning, usage,
//! critical or serious finding; skips with a message when they are absent, unless CI=true.

use std::path::{Path, PathBuf};

use paiban::check::{CheckError, Locator, check_epub};

/// `VALIDATORS_HOME`, relative to the crate root, default `.validators`.
pub fn validators_home() -> PathBuf {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    std::env::var_os("VALIDATORS_HOME")
        .map(PathBuf::from)
        .map(|p| if p.is_absolute() { p } else { root.join(p) })
        .unwrap_or_else(|| root.join(".validators"))
}

/// Skips (printing why) or, with CI=true, fails.
pub fn skip_or_fail(what: &str) {
    if std::env::var("CI").as_deref() == Ok("true") {
        panic!("{what} (CI=true: this is required)");
    }
    eprintln!("skipping: {what}");
}

/// Validates the EPUB at `path` with both tools through [`check_epub`].
pub fn validate(path: &Path) {
    let name = path.file_stem().unwrap().to_string_lossy().into_owned();
    let mut locator = Locator::from_env();
    locator.validators_home = Some(validators_home());
    let outcome = check_epub(&locator, path, true);
    eprintln!("{name}:\n{}", outcome.render());
    match &outcome.epubcheck {
        Err(e @ CheckError::NotFound { .. }) => skip_or_fail(&e.to_string()),
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
        Err(e @ CheckError::NotFound { .. }) => skip_or_fail(&e.to_string()),
        Err(e) => panic!("{name}: {e}"),
        Ok(r) => assert!(r.is_clean(), "{name}: {}", r.summary()),
    }
}
