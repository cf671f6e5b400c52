//! EPUBCheck: runs the jar with `--json -` and reads `checker.nFatal/nError/nWarning/nUsage`.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

use super::{CheckError, Tool, Validator, count, tail, text};

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
}
