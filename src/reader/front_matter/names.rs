//! Personal names (人名) as printed: letter-spaced colophon names and statements of
//! responsibility (`张三 等著`, `张三 李四 著`, `张三 主编`).

use crate::model::{Contributor, Relator};
use crate::reader::Relators;

use super::spacing::{has_han, is_han, join_cjk};

/// Role words that close a statement of responsibility, longest first.
const ROLE_WORDS: &[&str] = &[
    "编著", "主编", "合著", "合编", "编写", "编译", "翻译", "著", "编", "译", "撰",
];

/// Separators that always divide two names.
const NAME_SEPARATORS: &[char] = &['、', '，', ',', '；', ';', '/'];

/// Splits a printed list of names: explicit separators divide names; inside a group, runs of
/// single Han characters separated by spaces are one letter-spaced name (`李 剑` → `李剑`) and
/// every longer Han token is a name of its own. A group without Han text is one Latin name.
pub fn split_names(value: &str) -> Vec<String> {
    let mut names = Vec::new();
    for group in value.split(NAME_SEPARATORS) {
        let group = group.trim();
        if group.is_empty() {
            continue;
        }
        if !has_han(group) {
            names.push(join_cjk(group));
            continue;
        }
        let mut run = String::new();
        for token in group.split_whitespace() {
            if token.chars().count() == 1 && token.chars().all(is_han) {
                run.push_str(token);
            } else {
                if !run.is_empty() {
                    names.push(std::mem::take(&mut run));
                }
                names.push(token.to_string());
            }
        }
        if !run.is_empty() {
            names.push(run);
        }
    }
    names
}

/// Whether a token looks like one person's name: 2–4 Han characters, a transliterated foreign
/// name with `·`, or one to four capitalised Latin words.
pub fn looks_like_name(name: &str) -> bool {
    let n = name.chars().count();
    if name.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    if name.contains('·') || name.contains('•') {
        return (3..=16).contains(&n);
    }
    if has_han(name) {
        return (2..=4).contains(&n) && name.chars().all(is_han);
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    (1..=4).contains(&words.len())
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// A contributor with the sort form used for EPUB `file-as`.
pub fn contributor(name: &str, role: Relator, label: Option<&str>) -> Contributor {
    let file_as = if has_han(name) {
        Some(name.to_string())
    } else {
        let words: Vec<&str> = name.split_whitespace().collect();
        match words.split_last() {
            Some((last, given)) if !given.is_empty() => {
                Some(format!("{last}, {}", given.join(" ")))
            }
            _ => Some(name.to_string()),
        }
    };
    Contributor {
        name: name.to_string(),
        role,
        label: label.map(str::to_string),
        file_as,
        affiliation: None,
    }
}

/// A statement of responsibility (责任说明) such as `张三 等著`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    /// The names, letter-spacing removed.
    pub names: Vec<String>,
    /// The role its closing word gives (`著` → aut, `主编` → edt).
    pub role: Relator,
    /// Whether `等` (et al.) precedes the role word.
    pub et_al: bool,
    /// The statement as printed, trimmed.
    pub printed: String,
}

/// Recognises a statement of responsibility. With `loose` false, the role word must be set off
/// by a space or by `等` (`张三 著`, `张三等著`), so that a title ending in 编 is not taken for one.
pub fn parse_statement(line: &str, relators: &Relators, loose: bool) -> Option<Statement> {
    let printed = line.trim().to_string();
    let collapsed = printed.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = collapsed.as_str();
    let word = ROLE_WORDS.iter().find(|w| text.ends_with(*w))?;
    let role = relators.lookup(word)?;
    let mut rest = text[..text.len() - word.len()].trim_end();
    let et_al = rest.ends_with('等');
    if et_al {
        rest = rest[..rest.len() - '等'.len_utf8()].trim_end();
    }
    let spaced = text[..text.len() - word.len()].ends_with(' ');
    if !(loose || et_al || spaced) {
        return None;
    }
    let names = split_names(rest);
    if names.is_empty() || !names.iter().all(|n| looks_like_name(n)) {
        return None;
    }
    Some(Statement {
        names,
        role,
        et_al,
        printed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_split_and_unspaced() {
        let cases: &[(&str, &[&str])] = &[
            ("林 晓", &["林晓"]),
            ("林 晓 欧阳明月", &["林晓", "欧阳明月"]),
            ("苏 木 青", &["苏木青"]),
            ("钱多多 孙 雨", &["钱多多", "孙雨"]),
            ("周一鸣、吴 桐", &["周一鸣", "吴桐"]),
            ("周一鸣　郑好", &["周一鸣", "郑好"]),
            ("Anna  Berg", &["Anna Berg"]),
            ("Anna Berg, Ole Dahl", &["Anna Berg", "Ole Dahl"]),
        ];
        for (input, want) in cases {
            assert_eq!(split_names(input), *want, "{input:?}");
        }
    }

    #[test]
    fn statements_of_responsibility() {
        let r = Relators::builtin();
        // (line, loose, names, role, et al.)
        type Want = Option<(&'static [&'static str], &'static str, bool)>;
        let cases: &[(&str, bool, Want)] = &[
            ("林晓 等著", false, Some((&["林晓"], "aut", true))),
            ("林晓等著", false, Some((&["林晓"], "aut", true))),
            (
                "周一鸣 郑好 著",
                false,
                Some((&["周一鸣", "郑好"], "aut", false)),
            ),
            (
                "周一鸣　郑好　合著",
                false,
                Some((&["周一鸣", "郑好"], "aut", false)),
            ),
            ("钱多多 主编", false, Some((&["钱多多"], "edt", false))),
            ("钱多多 等主编", false, Some((&["钱多多"], "edt", true))),
            ("孙雨 译", false, Some((&["孙雨"], "trl", false))),
            ("钱多多著", false, None),
            ("钱多多著", true, Some((&["钱多多"], "aut", false))),
            ("古城新编", false, None),
            ("北方小城手艺人口述史汇编", true, None),
            ("第 3 版 编", false, None),
        ];
        for (line, loose, want) in cases {
            let got = parse_statement(line, &r, *loose);
            match (got, want) {
                (None, None) => {}
                (Some(s), Some((names, role, et_al))) => {
                    assert_eq!(s.names, *names, "{line}");
                    assert_eq!(s.role.code(), *role, "{line}");
                    assert_eq!(s.et_al, *et_al, "{line}");
                    assert_eq!(s.printed, *line, "{line}");
                }
                (got, want) => panic!("{line}: got {got:?}, want {want:?}"),
            }
        }
    }

    #[test]
    fn sort_forms() {
        let cases = [
            ("林晓", "林晓"),
            ("Anna Berg", "Berg, Anna"),
            ("Cher", "Cher"),
        ];
        for (name, want) in cases {
            let c = contributor(name, Relator::author(), None);
            assert_eq!(c.file_as.as_deref(), Some(want), "{name}");
        }
    }
}
