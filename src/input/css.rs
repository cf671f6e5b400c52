//! 样式表检查 (stylesheet check): a `--css` file must not refer to anything the EPUB does not
//! carry (`@import`, `url(…)` to a remote or local file) nor hold NUL bytes; epubcheck would
//! reject the EPUB for either (RSC-006, RSC-007, CSS-008).

/// One problem: 1-based line and column (in characters), and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CssProblem {
    /// Line of the problem.
    pub line: usize,
    /// Column of the problem.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

/// What a `url(…)` argument refers to, or `None` when the EPUB can keep it (`data:`, `#id`).
fn outside_reference(arg: &str) -> Option<&'static str> {
    let a = arg.trim();
    let lower = a.to_ascii_lowercase();
    if a.is_empty() || a.starts_with('#') || lower.starts_with("data:") {
        return None;
    }
    let scheme = lower.split_once(':').is_some_and(|(s, _)| {
        !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b))
    });
    Some(if scheme || lower.starts_with("//") {
        "a remote resource"
    } else {
        "a file the EPUB does not carry"
    })
}

/// Scans a stylesheet outside comments and strings for NUL bytes, `@import` and `url(…)`.
pub fn check(css: &str) -> Vec<CssProblem> {
    let chars: Vec<char> = css.chars().collect();
    let mut problems = Vec::new();
    let (mut line, mut col) = (1, 1);
    let mut i = 0;
    let mut report = |line: usize, column: usize, message: String| {
        problems.push(CssProblem {
            line,
            column,
            message,
        });
    };
    // Advances one character, keeping line and column.
    macro_rules! step {
        () => {{
            if chars[i] == '\n' {
                line += 1;
                col = 1;
            } else {
                col += 1;
            }
            i += 1;
        }};
    }
    let starts = |at: usize, word: &str| {
        word.chars().enumerate().all(|(k, w)| {
            chars
                .get(at + k)
                .is_some_and(|c| c.eq_ignore_ascii_case(&w))
        })
    };
    while i < chars.len() {
        let c = chars[i];
        if c == '\0' {
            report(line, col, "a NUL byte (the file is not CSS text)".into());
            step!();
        } else if c == '/' && chars.get(i + 1) == Some(&'*') {
            step!();
            step!();
            while i < chars.len() && !(chars[i] == '*' && chars.get(i + 1) == Some(&'/')) {
                step!();
            }
            if i < chars.len() {
                step!();
                step!();
            }
        } else if c == '"' || c == '\'' {
            step!();
            while i < chars.len() && chars[i] != c && chars[i] != '\n' {
                if chars[i] == '\\' && i + 1 < chars.len() {
                    step!();
                }
                if chars[i] == '\0' {
                    report(line, col, "a NUL byte (the file is not CSS text)".into());
                }
                step!();
            }
            if i < chars.len() {
                step!();
            }
        } else if c == '@' && starts(i, "@import") {
            report(
                line,
                col,
                "@import loads a stylesheet the EPUB does not carry: paste its rules in instead"
                    .into(),
            );
            step!();
        } else if (c == 'u' || c == 'U')
            && starts(i, "url(")
            && (i == 0
                || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '-' || chars[i - 1] == '_'))
        {
            let (at_line, at_col) = (line, col);
            for _ in 0..4 {
                step!();
            }
            let mut arg = String::new();
            while i < chars.len() && chars[i] != ')' && chars[i] != '\n' {
                if chars[i] != '"' && chars[i] != '\'' {
                    arg.push(chars[i]);
                }
                step!();
            }
            if let Some(what) = outside_reference(&arg) {
                let shown: String = arg.trim().chars().take(80).collect();
                report(
                    at_line,
                    at_col,
                    format!(
                        "url({shown}) refers to {what}: an EPUB must carry every resource it uses \
                         (embed it as a data: URL or remove the rule)"
                    ),
                );
            }
        } else {
            step!();
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Line, column and the start of the message.
    type Want = (usize, usize, &'static str);

    #[test]
    fn references_outside_the_epub_and_nul_bytes_are_found() {
        // (stylesheet, the problems as line:column and the start of the message)
        let cases: [(&str, &[Want]); 9] = [
            ("p { color: red }", &[]),
            (
                "@IMPORT url(https://example.com/a.css);",
                &[
                    (1, 1, "@import loads"),
                    (1, 9, "url(https://example.com/a.css) refers to a remote"),
                ],
            ),
            (
                "p {}\n  h1 { background: url( \"http://x.test/a.png\" ) }",
                &[(
                    2,
                    20,
                    "url(http://x.test/a.png) refers to a remote resource",
                )],
            ),
            (
                "a { b: url(//cdn.test/f.woff) }",
                &[(1, 8, "url(//cdn.test/f.woff) refers to a remote")],
            ),
            (
                "a { b: url(fonts/x.woff) }",
                &[(1, 8, "url(fonts/x.woff) refers to a file the EPUB")],
            ),
            (
                "a { b: url(data:image/png;base64,AAAA) } c { filter: url(#f) }",
                &[],
            ),
            (
                "/* url(http://x) @import */ a { content: \"url(http://y)\" }",
                &[],
            ),
            ("a { b: myurl(http://x) }", &[]),
            ("a {}\n\0", &[(2, 1, "a NUL byte")]),
        ];
        for (css, want) in cases {
            let got = check(css);
            assert_eq!(got.len(), want.len(), "{css:?}: {got:?}");
            for (p, (line, column, start)) in got.iter().zip(want.iter()) {
                assert_eq!((p.line, p.column), (*line, *column), "{css:?}: {p:?}");
                assert!(p.message.starts_with(start), "{css:?}: {p:?}");
            }
        }
    }
}
