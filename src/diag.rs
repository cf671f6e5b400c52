//! Diagnostics (诊断): what the reader could not decide, reported like a compiler with file:line.

use std::fmt;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Informational: a decision the reader made that a person may want to confirm.
    Note,
    /// Something is probably wrong in the manuscript or was recovered by guessing.
    Warning,
    /// The output would be wrong or incomplete.
    Error,
}

impl Severity {
    /// `note`, `warning` or `error`.
    pub fn name(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A position in the manuscript: 1-based line and column (in characters); 0 means unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// 1-based line, 0 when the diagnostic concerns the whole file.
    pub line: usize,
    /// 1-based column in characters, 0 when unknown.
    pub col: usize,
}

impl Span {
    /// A span at the start of a line.
    pub fn line(line: usize) -> Self {
        Span { line, col: 0 }
    }
}

/// One diagnostic: severity, where, what, and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// How serious it is.
    pub severity: Severity,
    /// Where in the manuscript.
    pub span: Span,
    /// What was found, in one sentence.
    pub message: String,
    /// How to fix or silence it, if there is advice.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// A warning at a line.
    pub fn warning(line: usize, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            span: Span::line(line),
            message: message.into(),
            hint: None,
        }
    }

    /// An error at a line.
    pub fn error(line: usize, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            span: Span::line(line),
            message: message.into(),
            hint: None,
        }
    }

    /// A note at a line.
    pub fn note(line: usize, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Note,
            span: Span::line(line),
            message: message.into(),
            hint: None,
        }
    }

    /// The same diagnostic with a hint.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Renders rustc-style: `warning: message\n  --> file:line:col\n   |\n12 | text\n   = help: hint`.
    pub fn render(&self, file: &str, source_line: Option<&str>) -> String {
        let mut s = format!("{}: {}\n", self.severity.name(), self.message);
        let gutter = self.span.line.to_string().len().max(1);
        let pad = " ".repeat(gutter);
        match (self.span.line, self.span.col) {
            (0, _) => s.push_str(&format!("{pad}--> {file}\n")),
            (l, 0) => s.push_str(&format!("{pad}--> {file}:{l}\n")),
            (l, c) => s.push_str(&format!("{pad}--> {file}:{l}:{c}\n")),
        }
        if let (Some(text), true) = (source_line, self.span.line > 0) {
            // Control characters (an ESC could drive the terminal) are shown as U+FFFD; the
            // line is cut at 60 characters without counting the rest (lines can be megabytes).
            let mut chars = text.chars();
            let shown: String = chars
                .by_ref()
                .take(60)
                .map(|c| {
                    if c.is_control() && c != '\t' {
                        '\u{FFFD}'
                    } else {
                        c
                    }
                })
                .collect();
            let ellipsis = if chars.next().is_some() { "…" } else { "" };
            s.push_str(&format!(
                "{pad} |\n{} | {shown}{ellipsis}\n",
                self.span.line
            ));
        }
        if let Some(h) = &self.hint {
            s.push_str(&format!("{pad} = help: {h}\n"));
        }
        s
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: line {}: {}",
            self.severity.name(),
            self.span.line,
            self.message
        )
    }
}
