//! Ace by DAISY: runs `ace -o DIR` and counts failed assertions of `report.json` by impact.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

use super::{CheckError, Tool, Validator, tail, text};

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

/// Runs Ace with its report in a fresh folder under the system temp dir (random name, created
/// exclusively with mode 0700, so no one can plant a link where Ace writes), removed afterwards.
pub fn run_ace_in_temp(tool: &Tool, epub: &Path) -> Result<AceReport, CheckError> {
    let dir = tempfile::Builder::new()
        .prefix("paiban-ace-")
        .tempdir()
        .map_err(|e| CheckError::Report {
            tool: Validator::Ace,
            message: format!("cannot create a report folder: {e}"),
        })?;
    let report = dir.path().join("report");
    run_ace(tool, epub, &report)
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
