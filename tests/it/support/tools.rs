//! 外部工具 (external tools) and shared inputs a test needs: each is found or the test FAILS with
//! a message saying how to get it. Nothing is skipped: tests that need a tool are
//! `#[ignore = "needs …"]`, and `scripts/test` runs them with `--include-ignored`.

use std::path::{Path, PathBuf};

/// How to get every external tool the tests use.
pub const INSTALL: &str = "install the validators, Typst, fonts and poppler with \
scripts/install-validators.sh (then export VALIDATORS_HOME=$PWD/.validators)";

/// `VALIDATORS_HOME` (relative to the crate root), else `.validators` in the crate root.
pub fn validators_home() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::env::var_os("VALIDATORS_HOME")
        .map(PathBuf::from)
        .map(|p| if p.is_absolute() { p } else { root.join(p) })
        .unwrap_or_else(|| root.join(".validators"))
}

/// The settings `main` would read, with the validators' folder of [`validators_home`].
pub fn settings() -> paiban::settings::Settings {
    paiban::settings::Settings {
        validators_home: Some(validators_home()),
        ..paiban::settings::Settings::from_env()
    }
}

/// Fails the test: `what` is missing, and how to install it.
#[track_caller]
pub fn missing(what: &str) -> ! {
    panic!("this test needs {what}: {INSTALL}")
}

/// The Typst compiler paiban finds (in-process, `typst` on PATH, or the validators' Python module).
#[track_caller]
pub fn typst() -> paiban::pdf::Compiler {
    paiban::pdf::Compiler::find(&settings())
        .unwrap_or_else(|e| missing(&format!("a Typst compiler ({e})")))
}

/// pandoc: `$VALIDATORS_HOME/bin/pandoc` (PyPI `pypandoc-binary`), else `pandoc` on PATH.
#[track_caller]
pub fn pandoc() -> PathBuf {
    let local = validators_home().join("bin/pandoc");
    if local.is_file() {
        return local;
    }
    let on_path = std::process::Command::new("pandoc")
        .arg("--version")
        .output();
    if !on_path.is_ok_and(|o| o.status.success()) {
        missing("pandoc (PyPI pypandoc-binary)");
    }
    PathBuf::from("pandoc")
}

/// Asserts that the poppler tools (pdfinfo, pdftotext) run.
#[track_caller]
pub fn poppler() {
    if std::process::Command::new("pdfinfo")
        .arg("-v")
        .output()
        .is_err()
    {
        missing("poppler-utils (pdfinfo, pdftotext)");
    }
}

/// A file or folder of the shared test data beside the repository (`../shared/<rel>`: the seed,
/// the corpus, the acceptance tools); a missing one fails the test.
#[track_caller]
pub fn shared(rel: &str) -> PathBuf {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(rel);
    if !path.exists() {
        panic!(
            "{} is missing: the seed, corpus and acceptance-tool tests read the project's shared \
             test data from ../shared/ beside the repository",
            path.display()
        );
    }
    path
}

/// Runs `python3 TOOL ARGS…` (an acceptance tool of ../shared/tools); a missing python3 fails.
#[track_caller]
pub fn python3(tool: &Path, args: &[&Path]) -> std::process::Output {
    std::process::Command::new("python3")
        .arg(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run python3 for {}: {e}", tool.display()))
}
