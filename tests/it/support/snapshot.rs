//! 金样 (golden files): the one bless rule of every golden test, through snapbox.
//!
//! A golden file is compared byte for byte (line endings aside) with what the code produces, and
//! a mismatch fails with a line diff. `PAIBAN_BLESS=1` (that value only) writes the produced text
//! instead and removes golden files no longer produced; every other run verifies.

use std::path::{Path, PathBuf};

use snapbox::assert::Action;
use snapbox::{Assert, Data};

/// The bless variable and the one value that blesses.
const BLESS: (&str, &str) = ("PAIBAN_BLESS", "1");

/// Whether this run rewrites golden files (`PAIBAN_BLESS=1`).
pub fn blessing() -> bool {
    std::env::var(BLESS.0).as_deref() == Ok(BLESS.1)
}

/// `tests/golden/<case>` in the crate.
pub fn case_dir(case: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(case)
}

/// Checks `actual` against the golden file at `path`; blessing writes it.
#[track_caller]
pub fn assert_file(path: &Path, actual: impl Into<Vec<u8>>) {
    if let Err(e) = try_file(path, actual.into()) {
        panic!("{e}");
    }
}

/// Like [`assert_file`], returning the failure instead of panicking (to report several at once).
pub fn try_file(path: &Path, actual: Vec<u8>) -> Result<(), String> {
    let actual = match String::from_utf8(actual) {
        Ok(text) => Data::text(text),
        Err(e) => Data::binary(e.into_bytes()),
    };
    let action = if blessing() {
        Action::Overwrite
    } else {
        Action::Verify
    };
    // `raw`: no snapbox wildcards (`...`, `[..]`) in golden files, only line endings normalised.
    let expected = Data::read_from(path, None).raw();
    Assert::new()
        .action(action)
        .try_eq(Some(&"produced"), actual, expected)
        .map_err(|e| {
            format!(
                "{}: {e}\n(if the change is intended, run with {}={} to accept it)",
                path.display(),
                BLESS.0,
                BLESS.1
            )
        })
}

/// Checks a set of produced files (paths relative to `dir`) against the golden files under
/// `dir/<prefix>`: each must match, and no golden file there may be left that is no longer
/// produced (blessing removes it). Reports every mismatch at once.
#[track_caller]
pub fn assert_files(dir: &Path, prefix: &str, files: &[(&str, &[u8])]) {
    let mut failures: Vec<String> = files
        .iter()
        .filter_map(|(name, bytes)| try_file(&dir.join(name), bytes.to_vec()).err())
        .collect();
    let produced = |p: &Path| files.iter().any(|(name, _)| dir.join(name) == p);
    for stale in list(&dir.join(prefix)).into_iter().filter(|p| !produced(p)) {
        if blessing() {
            std::fs::remove_file(&stale).unwrap_or_else(|e| panic!("{}: {e}", stale.display()));
        } else {
            failures.push(format!(
                "{} is no longer produced (run with {}={} to remove it)",
                stale.display(),
                BLESS.0,
                BLESS.1
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every file under `dir`, recursively (none when it does not exist).
fn list(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries {
            let p = e.expect("directory entry").path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}
