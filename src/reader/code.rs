//! 代码块 (code and verbatim blocks) in text from print: `pdftotext -layout` keeps a listing's
//! indent, so a run of indented lines most of which look like code (`\begin{…}`, `#include`,
//! `$ prompt`, `x <- f(y)`, lines ending in `;` or `{`) is a preformatted block, kept line for
//! line and never joined to the prose around it.

use super::Line;
use super::kind::Kind;
use super::layout::indent;

/// Least indent (columns) of a listing line.
const MIN_INDENT: usize = 4;

/// Whether one trimmed line has the shape of program text or markup.
pub fn code_like(text: &str) -> bool {
    let t = text.trim();
    if t.is_empty() {
        return false;
    }
    let mut cs = t.chars();
    let first = cs.next().unwrap_or(' ');
    let second = cs.next().unwrap_or(' ');
    if first == '\\' && second.is_ascii_alphabetic() {
        return true;
    }
    let starts = [
        "#include", "#define", "#!", "$ ", "> ", "% ", "@", "//", "/*", "<?", "</", "<!",
    ];
    if starts.iter().any(|s| t.starts_with(s)) && !t.ends_with('。') {
        return true;
    }
    if t.ends_with([';', '{', '}']) || t == "}" || t.ends_with("\\\\") {
        return true;
    }
    if t.contains("<-") || t.contains(":=") || t.contains("==") || t.contains("->") {
        return true;
    }
    // `name(args)` or `name = value` with no sentence around it
    let ident_call = t.split_once('(').is_some_and(|(name, rest)| {
        !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "_.$".contains(c))
            && rest.trim_end().ends_with(')')
    });
    ident_call || (t.contains('{') && t.contains('}') && !super::text::ends_sentence(t))
}

/// Marks runs of indented code lines [`Kind::Preformatted`] (each line after the first
/// continuing the block): (blocks, first 1-based line). Only text and quotation lines are
/// looked at; a run needs more code lines than prose lines and no line ending a CJK sentence.
pub fn mark(lines: &[Line<'_>], kinds: &mut [Kind], hints: &mut [Option<bool>]) -> (usize, usize) {
    let mut tally = (0, 0);
    let candidate = |k: &Kind, l: &Line<'_>| {
        matches!(k, Kind::Text | Kind::Quote)
            && !l.text.trim().is_empty()
            && indent(l.text) >= MIN_INDENT
    };
    let mut i = 0;
    while i < kinds.len() {
        if !candidate(&kinds[i], &lines[i]) {
            i += 1;
            continue;
        }
        let end = (i..kinds.len())
            .find(|&j| !candidate(&kinds[j], &lines[j]))
            .unwrap_or(kinds.len());
        let code = (i..end).filter(|&j| code_like(lines[j].text)).count();
        let prose_end = (i..end).any(|j| lines[j].text.trim_end().ends_with(['。', '！', '？']));
        if code * 2 > end - i && !prose_end {
            for j in i..end {
                kinds[j] = Kind::Preformatted;
                hints[j] = Some(j > i);
            }
            if tally.0 == 0 {
                tally.1 = lines[i].no;
            }
            tally.0 += 1;
        }
        i = end;
    }
    tally
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_shapes() {
        for t in [
            "\\begin{document}",
            "#include <stdio.h>",
            "$ make install",
            "x <- c(1, 2, 3)",
            "int main(void) {",
            "}",
            "print(x)",
            "\\kaishu 这是中文楷体字。",
        ] {
            assert!(code_like(t), "{t}");
        }
        for t in [
            "This is a test file.",
            "港口的读数来自码头上的水尺。",
            "Each reading (a time and a height) is kept.",
            "",
        ] {
            assert!(!code_like(t), "{t}");
        }
    }

    #[test]
    fn indented_listing_becomes_preformatted() {
        let text = "Prose before the example.\n    \\begin{document}\n    Some text.\n    \\end{document}\nProse after it.\n    A quoted line of prose.\n    Another quoted line.";
        let lines = super::super::lines::split(text);
        let mut kinds = vec![Kind::Text; lines.len()];
        let mut hints = vec![None; lines.len()];
        assert_eq!(mark(&lines, &mut kinds, &mut hints), (1, 2));
        let pre: Vec<usize> = (0..kinds.len())
            .filter(|&i| kinds[i] == Kind::Preformatted)
            .collect();
        assert_eq!(pre, [1, 2, 3]);
        assert_eq!(hints[1..4], [Some(false), Some(true), Some(true)]);
    }
}
