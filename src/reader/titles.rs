//! Unnumbered titles a typist sets apart (无编号标题): a title line out-dented from an indented
//! body (`故鄉` at the margin, every text line indented four spaces), and a title underlined
//! with a row of `-` or `=` as long as itself (`Sun Wu and his Book` / `-------------------`).
//! Numbered headings printed at the body's indent under out-dented titles are their sections
//! (a story's `第一章` chapters). Typists' files only (no page breaks): print extraction pads
//! and indents lines for other reasons.

use crate::model::DivisionKind;

use super::Line;
use super::headings;
use super::kind::Kind;
use super::labels::stopped_title;
use super::layout::indent;
use super::text::ends_sentence;

/// Least indent (columns) of a body that out-dented titles stand left of.
const MIN_BODY_INDENT: usize = 2;

/// Share of the text lines that must sit at the body's indent or deeper.
const BODY_SHARE: f64 = 0.7;

/// Least out-dented titles that show the convention (one could be a stray line).
const MIN_TITLES: usize = 2;

/// Longest out-dented or underlined title, in characters.
const MAX_TITLE: usize = 60;

/// Longest CJK out-dented title, in characters (a CJK title is short; a wrapped line is not).
const MAX_CJK_TITLE: usize = 20;

/// Least length of an underline.
const MIN_RULE: usize = 3;

/// How much an underline may differ in length from the title above it.
const RULE_SLACK: usize = 2;

/// What [`apply`] found: (count, first 1-based line) per shape.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Found {
    /// Titles out-dented from an indented body.
    pub outdented: (usize, usize),
    /// Numbered headings made sections of the out-dented title above them.
    pub nested: (usize, usize),
    /// Titles underlined with `-` or `=`.
    pub underlined: (usize, usize),
    /// Dated titles: a year line, then the title's words on the next line.
    pub dated: (usize, usize),
}

fn bump(t: &mut (usize, usize), line: usize) {
    if t.0 == 0 {
        t.1 = line;
    }
    t.0 += 1;
}

/// The indent most text lines have, when nearly all text lines have at least it.
pub fn body_indent(lines: &[Line<'_>], kinds: &[Kind]) -> Option<usize> {
    let indents: Vec<usize> = (0..kinds.len())
        .filter(|&i| kinds[i] == Kind::Text)
        .map(|i| indent(lines[i].text))
        .collect();
    let mut counts = std::collections::BTreeMap::new();
    for &d in &indents {
        *counts.entry(d).or_insert(0usize) += 1;
    }
    let (&mode, _) = counts.iter().max_by_key(|&(d, n)| (*n, *d))?;
    let deep = indents.iter().filter(|&&d| d >= mode).count();
    (mode >= MIN_BODY_INDENT && deep as f64 >= BODY_SHARE * indents.len() as f64).then_some(mode)
}

/// Whether a trimmed line reads as a title: short, no sentence end, no clause breaks.
fn title_shape(t: &str) -> bool {
    let n = t.chars().count();
    let cjk = t.chars().any(super::script::is_han);
    n > 0
        && n <= if cjk { MAX_CJK_TITLE } else { MAX_TITLE }
        && (!ends_sentence(t) || t.ends_with(['?', '？', '!', '！']))
        && !t.contains(['，', '。', '；'])
        && !t.ends_with([',', ';', ':', '：', '-'])
        && !headings::has_page_number(t)
}

/// The heading kind for an unnumbered title at `level`: a matter heading (`Preface`, `序`)
/// keeps its kind when it opens a division at the top.
fn title_kind(t: &str, level: u8) -> Kind {
    if level <= 1 {
        if let Some(k @ Kind::Matter { .. }) = headings::matter(t) {
            return k;
        }
        let first = t.split_whitespace().next().unwrap_or("");
        if let Some(Kind::Matter { kind, .. }) = headings::matter(first) {
            if matches!(
                kind,
                DivisionKind::Preface | DivisionKind::Foreword | DivisionKind::Introduction
            ) {
                return Kind::Matter {
                    kind,
                    title: t.to_string(),
                };
            }
        }
    }
    Kind::Heading {
        level,
        label: String::new(),
        title: t.to_string(),
    }
}

/// The next line at or after `from` that is not blank.
fn next_content(kinds: &[Kind], from: usize) -> Option<usize> {
    (from..kinds.len()).find(|&j| kinds[j] != Kind::Blank)
}

/// Out-dented titles: text lines left of an indented body, between blank lines, shaped like a
/// title, with body text (at the body's indent) below them.
fn outdented(lines: &[Line<'_>], kinds: &[Kind], body: usize) -> Vec<usize> {
    let mut out = Vec::new();
    for i in 0..kinds.len() {
        if kinds[i] != Kind::Text || indent(lines[i].text) >= body {
            continue;
        }
        let t = lines[i].text.trim();
        let blank_before = i == 0 || kinds[i - 1] == Kind::Blank;
        let blank_after = kinds.get(i + 1).is_none_or(|k| *k == Kind::Blank);
        let body_below = next_content(kinds, i + 1).is_some_and(|j| {
            kinds[j] == Kind::Text && indent(lines[j].text) >= body
                || kinds[j].is_heading() && indent(lines[j].text) >= body
        });
        if blank_before && blank_after && body_below && title_shape(t) {
            out.push(i);
        }
    }
    out
}

/// Whether `rule` underlines `title`: all `-` or all `=`, about as long.
fn underline(title: &str, rule: &str) -> Option<char> {
    let r = rule.trim();
    let c = r.chars().next()?;
    let n = r.chars().count();
    let t = title.trim().chars().count();
    ((c == '-' || c == '=')
        && n >= MIN_RULE
        && r.chars().all(|x| x == c)
        && n.abs_diff(t) <= RULE_SLACK)
        .then_some(c)
}

/// Runs the pass over a typist's file (no page breaks): out-dented titles become chapters (a
/// matter heading keeps its kind) and the numbered chapters below them their sections;
/// underlined titles become headings (`=` above `-`; with one style, a section inside a
/// chapter, a chapter before any), their underlines blank.
pub fn apply(lines: &[Line<'_>], kinds: &mut [Kind]) -> Found {
    let mut found = Found::default();
    if let Some(body) = body_indent(lines, kinds) {
        let titles = outdented(lines, kinds, body);
        if titles.len() >= MIN_TITLES {
            for &i in &titles {
                kinds[i] = title_kind(lines[i].text.trim(), 1);
                bump(&mut found.outdented, lines[i].no);
            }
            let first = titles[0];
            for i in first + 1..kinds.len() {
                if indent(lines[i].text) < body {
                    continue;
                }
                let nested = match &kinds[i] {
                    Kind::Chapter { label, title } => Kind::Heading {
                        level: 2,
                        label: label.clone(),
                        title: title.clone(),
                    },
                    Kind::Heading {
                        level,
                        label,
                        title,
                    } if *level >= 1 && !label.is_empty() => Kind::Heading {
                        level: level + 1,
                        label: label.clone(),
                        title: title.clone(),
                    },
                    _ => continue,
                };
                kinds[i] = nested;
                bump(&mut found.nested, lines[i].no);
            }
        }
    }
    // underlined titles: which rules are used
    let ruled: Vec<(usize, char)> = (0..kinds.len().saturating_sub(1))
        .filter(|&i| {
            matches!(kinds[i], Kind::Text | Kind::Matter { .. })
                && (i == 0 || kinds[i - 1] == Kind::Blank || ends_sentence(lines[i - 1].text))
                && title_shape(lines[i].text.trim())
        })
        .filter_map(|i| underline(lines[i].text, lines[i + 1].text).map(|c| (i, c)))
        .collect();
    let both = ruled.iter().any(|r| r.1 == '=') && ruled.iter().any(|r| r.1 == '-');
    for &(i, c) in &ruled {
        let inside_chapter = (0..i).rev().find_map(|j| match &kinds[j] {
            Kind::Chapter { .. } | Kind::ChapterLabel { .. } => Some(true),
            Kind::Heading { level, .. } => (*level <= 1).then_some(true),
            Kind::Matter { kind, .. } => Some(matches!(
                kind,
                DivisionKind::Introduction | DivisionKind::Appendix
            )),
            _ => None,
        });
        let level = match (both, c) {
            (true, '=') => 1,
            (true, _) => 2,
            (false, _) if inside_chapter == Some(true) => 2,
            _ => 1,
        };
        kinds[i] = title_kind(lines[i].text.trim(), level);
        kinds[i + 1] = Kind::Blank;
        bump(&mut found.underlined, lines[i].no);
    }
    found.dated = dated(lines, kinds);
    found
}

/// A dated title (`EPOCH THE FIRST.` / `1741.` / `THE HOUSE ON THE QUAY.`): a title line
/// without letters (a year) is followed by the title's words on a line of their own.
fn dated(lines: &[Line<'_>], kinds: &mut [Kind]) -> (usize, usize) {
    let mut tally = (0, 0);
    for i in 0..kinds.len() {
        if kinds[i] != Kind::HeadingTitle || lines[i].text.chars().any(char::is_alphabetic) {
            continue;
        }
        let Some(k) = next_content(kinds, i + 1) else {
            continue;
        };
        let t = lines[k].text.trim();
        let alone = kinds.get(k + 1).is_none_or(|n| *n == Kind::Blank);
        let titled =
            stopped_title(t) || title_shape(t) && t.starts_with(|c: char| c.is_uppercase());
        if kinds[k] == Kind::Text && alone && titled && super::outline::label::parse(t).is_none() {
            kinds[k] = Kind::HeadingTitle;
            bump(&mut tally, lines[k].no);
        }
    }
    tally
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reader::classify::classify;
    use crate::reader::lines::split;

    fn run(text: &str) -> (Vec<Kind>, Found) {
        let lines = split(text);
        let mut kinds: Vec<Kind> = lines.iter().map(|l| classify(l.text)).collect();
        let found = apply(&lines, &mut kinds);
        (kinds, found)
    }

    fn heading(level: u8, label: &str, title: &str) -> Kind {
        Kind::Heading {
            level,
            label: label.into(),
            title: title.into(),
        }
    }

    #[test]
    fn outdented_titles_head_chapters() {
        let text = "\
河上人家

    河上住着一户人家，门前有一棵老柳树。

    他们每天清早出门打鱼。


渡口

    渡口的船夫姓王，年纪已经很大了。

    第一章开头

    他说话的声音很响。


    这一行缩进，不是标题

    还是正文。
";
        let (kinds, found) = run(text);
        assert_eq!(found.outdented, (2, 1));
        assert_eq!(kinds[0], heading(1, "", "河上人家"));
        assert_eq!(kinds[7], heading(1, "", "渡口"));
        assert_eq!(kinds[11], heading(2, "第一章", "开头"));
        assert_eq!(found.nested, (1, 12));
        assert_eq!(kinds[16], Kind::Text);
    }

    #[test]
    fn a_flush_body_has_no_outdented_titles() {
        let text = "Title\n\nThe text starts at the margin.\n\nAnother\n\nAnd goes on here.\n";
        let (kinds, found) = run(text);
        assert_eq!(found, Found::default());
        assert!(kinds.iter().all(|k| matches!(k, Kind::Text | Kind::Blank)));
    }

    #[test]
    fn a_sentence_at_the_margin_is_not_a_title() {
        let table = [
            ("河上人家", true),
            ("他说，河上人家", false),
            ("河上人家。", false),
            ("What Happened Next?", true),
            ("and so it went on,", false),
            ("一条非常非常非常长的标题文字超过了二十个字的限度呀", false),
        ];
        for (t, want) in table {
            assert_eq!(title_shape(t), want, "{t:?}");
        }
    }

    #[test]
    fn underlined_titles() {
        let text = "\
Preface to this Edition
-----------------------

Some words first.

INTRODUCTION

The Old Mill
------------

Its wheel turned.
----------------------------------------------------

The river
";
        let (kinds, found) = run(text);
        assert_eq!(found.underlined, (2, 1));
        assert!(matches!(
            &kinds[0],
            Kind::Matter { kind: DivisionKind::Preface, title } if title == "Preface to this Edition"
        ));
        assert_eq!(kinds[1], Kind::Blank);
        assert_eq!(kinds[7], heading(2, "", "The Old Mill"));
        assert_eq!(kinds[8], Kind::Blank);
        assert_eq!(
            kinds[10],
            Kind::Text,
            "a separator rule longer than the line"
        );
    }

    #[test]
    fn two_underline_styles_are_two_levels() {
        let text = "The Book\n========\n\nText.\n\nA Part of It\n------------\n\nMore.\n";
        let (kinds, _) = run(text);
        assert_eq!(kinds[0], heading(1, "", "The Book"));
        assert_eq!(kinds[5], heading(2, "", "A Part of It"));
    }

    #[test]
    fn a_year_line_takes_the_title_below_it() {
        let text = "EPOCH THE FIRST.\n\n1741.\n\nTHE HOUSE ON THE QUAY.\n\n\nCHAPTER I.\n\nText.\n";
        let lines = split(text);
        let mut kinds: Vec<Kind> = lines.iter().map(|l| classify(l.text)).collect();
        kinds[2] = Kind::HeadingTitle;
        assert_eq!(dated(&lines, &mut kinds), (1, 5));
        assert_eq!(kinds[4], Kind::HeadingTitle);
        assert_eq!(kinds[7], Kind::Text, "a label is no title");
    }

    #[test]
    fn underline_table() {
        let table = [
            ("Sun and Rain", "------------", Some('-')),
            ("Sun and Rain", "==========", Some('=')),
            ("Sun and Rain", "--------------------------------", None),
            ("Sun", "-- --", None),
            ("Ab", "--", None),
        ];
        for (t, r, want) in table {
            assert_eq!(underline(t, r), want, "{t:?} {r:?}");
        }
    }
}
