//! 署名行 (name lines) of a title page without a CIP record: `吴凌云 (someone@example.org)`,
//! `Chet Ramey, Case Western Reserve University`, `王然2`, `R Core Team`, labelled values such
//! as `翻译：刘某（someone@example.org）    2009 年 7 月 6 日` (one translator and a date) and
//! `Edited by …` / `Translated by …`. E-mail addresses, bracketed aliases, footnote marks and
//! dates are stripped from the names; a date is never a name or a title.

use super::names::looks_like_name;
use super::spacing::has_han;
use crate::reader::classify::dateline;
use crate::reader::months;

/// A name value with what was printed beside the names taken off.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cleaned {
    /// The names as printed, without e-mail addresses, aliases or dates.
    pub names: String,
    /// E-mail addresses printed beside the names.
    pub emails: Vec<String>,
    /// A date printed on the same line (`2009 年 7 月 6 日`).
    pub date: Option<String>,
}

/// Whether `w` is a year (four digits from 1000), with an optional trailing comma or period.
fn year(w: &str) -> bool {
    let w = w.trim_end_matches([',', '.']);
    w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()) && !w.starts_with('0')
}

/// A date alone: `2009 年 7 月 6 日`, `September 2022`, `July 12, 2022`, `12 July 2022`,
/// `2022/07/14`, `2021-03-08`, `2019.05`.
pub fn is_date(text: &str) -> bool {
    let t = text.trim();
    if t.is_empty() {
        return false;
    }
    if dateline(t).is_some() {
        return true;
    }
    let numeric = t.split(['/', '-', '.']).collect::<Vec<_>>();
    if (2..=3).contains(&numeric.len())
        && year(numeric[0])
        && numeric[1..]
            .iter()
            .all(|p| (1..=2).contains(&p.len()) && p.chars().all(|c| c.is_ascii_digit()))
    {
        return true;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    let month = |w: &str| months::is_name(w.trim_end_matches([',', '.']));
    let day = |w: &str| {
        let w = w.trim_end_matches(',');
        (1..=2).contains(&w.len()) && w.chars().all(|c| c.is_ascii_digit())
    };
    match words.as_slice() {
        [m, y] => month(m) && year(y),
        [m, d, y] => (month(m) && day(d) || day(m) && month(d)) && year(y),
        _ => false,
    }
}

/// Takes e-mail addresses, bracketed asides and dates off a name value.
pub fn clean(value: &str) -> Cleaned {
    let mut out = Cleaned::default();
    // Bracketed asides: an e-mail address is kept aside, an alias (`青木修`) dropped.
    let mut text = String::new();
    let mut aside = String::new();
    let mut depth = 0;
    for c in value.chars() {
        match c {
            '(' | '（' | '<' | '〈' => {
                depth += 1;
                if depth == 1 {
                    aside.clear();
                    continue;
                }
            }
            ')' | '）' | '>' | '〉' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    out.emails.extend(emails(&aside));
                    text.push(' ');
                    continue;
                }
            }
            _ => {}
        }
        if depth > 0 {
            aside.push(c);
        } else {
            text.push(c);
        }
    }
    // Fields set apart by wide gaps: a date, an address, the names.
    let mut kept: Vec<String> = Vec::new();
    for part in text.split("  ").map(str::trim).filter(|p| !p.is_empty()) {
        let part = part.trim_matches('\u{3000}');
        if is_date(part) {
            out.date.get_or_insert_with(|| part.to_string());
        } else {
            let words: Vec<&str> = part.split_whitespace().collect();
            out.emails.extend(words.iter().flat_map(|w| emails(w)));
            kept.push(
                words
                    .iter()
                    .filter(|w| !w.contains('@'))
                    .copied()
                    .collect::<Vec<_>>()
                    .join(" "),
            );
        }
    }
    out.names = strip_mark(kept.join(" ").trim()).to_string();
    out
}

/// The e-mail addresses in `text`.
fn emails(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| {
            w.split_once('@')
                .is_some_and(|(a, d)| !a.is_empty() && d.contains('.'))
        })
        .map(str::to_string)
        .collect()
}

/// A footnote mark glued after a Han name or title (`王然2`, `…的介绍1`) taken off.
pub fn strip_mark(text: &str) -> &str {
    let t = text.trim_end();
    let cut = t.trim_end_matches(|c: char| c.is_ascii_digit());
    let digits = t.len() - cut.len();
    match cut.chars().last() {
        Some(c) if (1..=2).contains(&digits) && super::spacing::is_han(c) => cut,
        _ => t,
    }
}

/// Words of a document's title or imprint, never of a person's name.
const NOT_NAME_WORDS: &[&str] = &[
    "Manual",
    "Guide",
    "Reference",
    "Documentation",
    "Edition",
    "Version",
    "Release",
    "Package",
    "Class",
    "Handbook",
    "Introduction",
    "Volume",
    "Book",
    "Press",
    "Series",
    "Library",
    "Typesetting",
    "Chapter",
    "Part",
    "Contents",
    "Copyright",
    "User",
    "Users",
    "Draft",
    "Revision",
    "Notes",
    "Tutorial",
    "Overview",
    "Preface",
    // the small words of a title (`A River History`), never a name's
    "A",
    "An",
    "The",
    "Of",
    "And",
    "In",
    "On",
    "For",
    "To",
    "With",
];

/// Words of an institution: the part of `Name, Institution` after the name.
const INSTITUTION_WORDS: &[&str] = &[
    "University",
    "Foundation",
    "Institute",
    "College",
    "Laboratory",
    "Laboratories",
    "Inc.",
    "Inc",
    "Ltd",
    "Ltd.",
    "Society",
    "Company",
    "Corporation",
    "School",
    "Academy",
    "Department",
    "大学",
    "学院",
    "研究所",
    "研究院",
];

/// One Latin personal or corporate name: two to four capitalised words (initials allowed), no
/// digits, no title words.
fn latin_name(n: &str) -> bool {
    let words: Vec<&str> = n.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            let mut cs = w.chars();
            let caps = w
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase);
            cs.next().is_some_and(char::is_uppercase)
                && cs.all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\''))
                && !NOT_NAME_WORDS.contains(w)
                // a word in capitals is a heading's, not a name's (initials aside)
                && !(caps && w.trim_end_matches('.').chars().count() > 1)
        })
}

/// A corporate author written as a domain (`EXAMPLE.ORG`).
fn domain_name(n: &str) -> bool {
    let Some((host, tld)) = n.rsplit_once('.') else {
        return false;
    };
    !n.contains(char::is_whitespace)
        && (2..=4).contains(&tld.len())
        && tld.chars().all(|c| c.is_ascii_alphabetic())
        && !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-'))
        && host.chars().any(|c| c.is_ascii_alphabetic())
}

/// The names on an unlabelled name line of a title page, with e-mail addresses (taken off):
/// `None` when the line is not only names. A trailing comma says the list goes on.
pub fn name_line(text: &str) -> Option<(Vec<String>, Vec<String>)> {
    let c = clean(text);
    if c.date.is_some() || c.names.is_empty() {
        return None;
    }
    let s = c.names.trim_end_matches(',').trim();
    if domain_name(s) {
        return Some((vec![s.to_string()], c.emails));
    }
    let mut names = Vec::new();
    for part in s
        .replace(", and ", ", ")
        .replace(" and ", ", ")
        .replace('、', ", ")
        .split([',', '，'])
    {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        let institution = part
            .split_whitespace()
            .any(|w| INSTITUTION_WORDS.contains(&w))
            || INSTITUTION_WORDS
                .iter()
                .any(|w| has_han(w) && part.ends_with(w));
        if institution && !names.is_empty() {
            continue;
        }
        let squeezed: String = part.split_whitespace().collect();
        // an organisation's name ends in 局, 社, 館 …
        let org = squeezed.ends_with([
            '局', '社', '馆', '館', '店', '司', '会', '會', '院', '所', '部',
        ]);
        let han = has_han(part) && !org && looks_like_name(&squeezed);
        if !(han || latin_name(part)) {
            return None;
        }
        names.push(if han {
            part.split_whitespace().collect()
        } else {
            part.to_string()
        });
    }
    (!names.is_empty()).then_some((names, c.emails))
}

/// `Edited by …`, `Translated by …`, `Illustrated by …`, `Compiled by …`: the MARC role and
/// the names.
pub fn role_statement(text: &str) -> Option<(&'static str, Vec<String>)> {
    const ROLES: &[(&str, &str)] = &[
        ("edited by ", "edt"),
        ("translated by ", "trl"),
        ("illustrated by ", "ill"),
        ("compiled by ", "com"),
    ];
    let t = text.trim();
    let lower = t.to_lowercase();
    let &(prefix, code) = ROLES.iter().find(|(p, _)| lower.starts_with(p))?;
    let rest = &t[prefix.len()..];
    let (names, _) = name_line(rest).or_else(|| {
        // a single-word name (`Translated by Homer`) is still a name after `by`
        let c = clean(rest);
        let one = c.names.chars().next().is_some_and(char::is_uppercase)
            && !c.names.contains(char::is_whitespace);
        one.then(|| (vec![c.names.clone()], c.emails))
    })?;
    Some((code, names))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        for d in [
            "2009 年 7 月 6 日",
            "September 2022",
            "July 12, 2022",
            "12 July 2022",
            "2022/07/14",
            "2021-03-08",
        ] {
            assert!(is_date(d), "{d}");
        }
        for d in [
            "Version 3.18b",
            "Edition 5.2",
            "Chet Ramey",
            "2.1",
            "第 2 版",
        ] {
            assert!(!is_date(d), "{d}");
        }
    }

    #[test]
    fn cleaned_values() {
        let c = clean("苏晓岚（lan.su@example.net）    2019 年 3 月 8 日");
        assert_eq!(c.names, "苏晓岚");
        assert_eq!(c.emails, ["lan.su@example.net"]);
        assert_eq!(c.date.as_deref(), Some("2019 年 3 月 8 日"));
        assert_eq!(clean("Osamu Aoki (青木修)").names, "Osamu Aoki");
        assert_eq!(clean("林远舟2").names, "林远舟");
        assert_eq!(
            clean("Ada Merrow <ada@example.org>").emails,
            ["ada@example.org"]
        );
    }

    #[test]
    fn name_lines() {
        let cases: &[(&str, Option<&[&str]>)] = &[
            ("林远舟 (linyz@example.org)", Some(&["林远舟"])),
            ("林远舟2", Some(&["林远舟"])),
            (
                "Ada Merrow, Northgate Institute of Technology",
                Some(&["Ada Merrow"]),
            ),
            (
                "Ada Merrow, Tomas Reyes,",
                Some(&["Ada Merrow", "Tomas Reyes"]),
            ),
            (
                "Ada Merrow and Tomas Reyes",
                Some(&["Ada Merrow", "Tomas Reyes"]),
            ),
            ("Harbour Core Team", Some(&["Harbour Core Team"])),
            ("TIDEWATER.ORG", Some(&["TIDEWATER.ORG"])),
            ("User Guide", None),
            ("A River History", None),
            ("The Lamp Makers", None),
            ("青嵐書局", None),
            ("ACTION NAME DATE SIGNATURE", None),
            ("Reference Documentation for Tidewater", None),
            ("Version 0.4 beta (89)", None),
            ("September 2022", None),
            ("2021 年 3 月 8 日", None),
            ("Tidewater", None),
        ];
        for (line, want) in cases {
            let got = name_line(line).map(|(n, _)| n);
            let want = want.map(|w| w.iter().map(|s| s.to_string()).collect::<Vec<_>>());
            assert_eq!(got, want, "{line}");
        }
    }

    #[test]
    fn role_statements() {
        assert_eq!(
            role_statement("Edited by Ruth Calloway"),
            Some(("edt", vec!["Ruth Calloway".to_string()]))
        );
        assert_eq!(
            role_statement("Translated by Marek Novak and Ida Lund"),
            Some((
                "trl",
                vec!["Marek Novak".to_string(), "Ida Lund".to_string()]
            ))
        );
        assert_eq!(role_statement("Edited by hand"), None);
    }
}
