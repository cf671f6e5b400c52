//! 样式表检查 (stylesheet check): a `--css` file must not refer to anything the EPUB does not
//! carry (`@import`, `url(…)` to a remote file or a local one not listed as a resource) nor hold
//! NUL bytes; epubcheck would reject the EPUB for either (RSC-006, RSC-007, CSS-008). A
//! `url(…)` naming a book.toml resource is kept, and [`rewrite_urls`] points it at the copy the
//! EPUB carries.

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

/// One `url(…)` outside comments and strings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlRef {
    /// Line of `url(`.
    pub line: usize,
    /// Column of `url(` (in characters).
    pub column: usize,
    /// Byte range of the argument between `url(` and `)`, quotes and spaces included.
    pub bytes: std::ops::Range<usize>,
    /// The argument without quotes and surrounding spaces.
    pub arg: String,
}

/// Scans a stylesheet outside comments and strings for NUL bytes, `@import` and `url(…)`; a
/// `url(…)` to a local file is a problem unless `carried(argument)` says the EPUB carries it.
pub fn check(css: &str, carried: &dyn Fn(&str) -> bool) -> Vec<CssProblem> {
    let (mut problems, urls) = scan(css);
    for u in urls {
        let what = match outside_reference(&u.arg) {
            Some("a file the EPUB does not carry") if carried(&u.arg) => continue,
            Some(what) => what,
            None => continue,
        };
        let shown: String = u.arg.chars().take(80).collect();
        problems.push(CssProblem {
            line: u.line,
            column: u.column,
            message: format!(
                "url({shown}) refers to {what}: an EPUB must carry every resource it uses \
                 (list the file under [[resources]] in book.toml, embed it as a data: URL or \
                 remove the rule)"
            ),
        });
    }
    problems.sort_by_key(|p| (p.line, p.column));
    problems
}

/// The stylesheet with every `url(…)` argument that `map` knows replaced by its answer (quoted).
pub fn rewrite_urls(css: &str, map: &dyn Fn(&str) -> Option<String>) -> String {
    let (_, urls) = scan(css);
    let mut out = String::with_capacity(css.len());
    let mut at = 0;
    for u in urls {
        if let Some(new) = map(&u.arg) {
            out.push_str(&css[at..u.bytes.start]);
            out.push('"');
            out.push_str(&new.replace(['"', '\\', '\n'], ""));
            out.push('"');
            at = u.bytes.end;
        }
    }
    out.push_str(&css[at..]);
    out
}

/// NUL bytes and `@import`s as problems, and every `url(…)`.
fn scan(css: &str) -> (Vec<CssProblem>, Vec<UrlRef>) {
    let chars: Vec<char> = css.chars().collect();
    let offsets: Vec<usize> = css
        .char_indices()
        .map(|(b, _)| b)
        .chain([css.len()])
        .collect();
    let mut problems = Vec::new();
    let mut urls = Vec::new();
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
            let start = i;
            let mut arg = String::new();
            while i < chars.len() && chars[i] != ')' && chars[i] != '\n' {
                if chars[i] != '"' && chars[i] != '\'' {
                    arg.push(chars[i]);
                }
                step!();
            }
            urls.push(UrlRef {
                line: at_line,
                column: at_col,
                bytes: offsets[start]..offsets[i],
                arg: arg.trim().to_string(),
            });
        } else {
            step!();
        }
    }
    (problems, urls)
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
            let got = check(css, &|_| false);
            assert_eq!(got.len(), want.len(), "{css:?}: {got:?}");
            for (p, (line, column, start)) in got.iter().zip(want.iter()) {
                assert_eq!((p.line, p.column), (*line, *column), "{css:?}: {p:?}");
                assert!(p.message.starts_with(start), "{css:?}: {p:?}");
            }
        }
    }

    #[test]
    fn urls_to_carried_files_are_kept_and_rewritten() {
        let css = "@font-face { src: url( 'fonts/Body.otf' ) format(\"opentype\") }\n\
                   h1 { background: url(img/x.png) } p { b: url(data:,x) }";
        let carried = |arg: &str| arg == "fonts/Body.otf";
        let problems = check(css, &carried);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!((problems[0].line, problems[0].column), (2, 18));
        assert!(
            problems[0].message.contains("[[resources]]"),
            "{problems:?}"
        );
        let out = rewrite_urls(css, &|arg| carried(arg).then(|| format!("../res/{arg}")));
        assert_eq!(
            out,
            "@font-face { src: url(\"../res/fonts/Body.otf\") format(\"opentype\") }\n\
             h1 { background: url(img/x.png) } p { b: url(data:,x) }"
        );
        assert_eq!(
            rewrite_urls("é { a: url(x) }", &|_| Some("y".into())),
            "é { a: url(\"y\") }"
        );
    }
}
