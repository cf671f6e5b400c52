//! Contents lines → entries: page numbers and dotted leaders removed, wrapped titles rejoined,
//! levels from the labels.

use crate::diag::{Code, Diagnostic};
use crate::model::ContentsEntry;
use crate::reader::Line;
use crate::reader::front_matter::spacing::{join_cjk, join_wrapped};

use super::label::{EntryKind, split_label};

/// Characters of dotted leaders between a title and its page number.
const LEADERS: &[char] = &[
    '.', '…', '·', '．', '⋯', '・', '-', '—', '_', '﹒', ' ', '\u{3000}', '\t',
];

/// Whether a token is a printed page number (`17`, `iv`).
fn is_page(s: &str) -> bool {
    (!s.is_empty() && s.len() <= 5 && s.bytes().all(|b| b.is_ascii_digit()))
        || (!s.is_empty() && s.len() <= 6 && s.chars().all(|c| "ivxlcdm".contains(c)))
}

/// Splits the trailing page number off a line: at the last tab when the contents uses tabs,
/// otherwise after a space or a leader.
fn split_page(text: &str, tabs: bool) -> (String, Option<String>) {
    let t = text.trim_end();
    let (title, page) = if tabs {
        match t.rsplit_once('\t') {
            Some((title, page)) if is_page(page.trim()) => (title, Some(page.trim())),
            _ => (t, None),
        }
    } else {
        let start = t
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_ascii_alphanumeric())
            .last()
            .map_or(t.len(), |(i, _)| i);
        let page = &t[start..];
        let before = t[..start].chars().last();
        if is_page(page) && before.is_some_and(|c| LEADERS.contains(&c)) {
            (&t[..start], Some(page))
        } else {
            (t, None)
        }
    };
    let title = title.trim_end_matches(LEADERS).trim();
    (title.to_string(), page.map(str::to_string))
}

/// A parsed line before levels are assigned.
struct Raw {
    kind: EntryKind,
    label: Option<String>,
    title: String,
    page: Option<String>,
    line: usize,
}

/// Parses the lines after a 目录 heading up to the first body heading.
pub fn parse_contents(lines: &[Line<'_>]) -> (Vec<ContentsEntry>, Vec<Diagnostic>) {
    let nonblank: Vec<&Line<'_>> = lines.iter().filter(|l| !l.text.trim().is_empty()).collect();
    let tabs = nonblank.iter().filter(|l| l.text.contains('\t')).count() * 2 > nonblank.len();
    // A contents without page numbers (a typist's file): each line is an entry, and a line
    // indented deeper than the one above continues its title.
    let paged = nonblank
        .iter()
        .any(|l| split_page(l.text, tabs).1.is_some());
    let indent = |l: &Line<'_>| l.text.len() - l.text.trim_start().len();
    let mut raws: Vec<Raw> = Vec::new();
    let mut prev_indent = 0;
    for line in nonblank {
        if is_page(line.text.trim().trim_matches(LEADERS)) {
            continue; // a printed page's own number (`· 2 ·`), not an entry
        }
        let (text, page) = split_page(line.text, tabs);
        let (kind, label, title) = split_label(&text);
        let deeper = indent(line) > prev_indent;
        prev_indent = indent(line);
        if let Some(prev) = raws.last_mut()
            && prev.page.is_none()
            && kind == EntryKind::Plain
            && (paged || deeper)
        {
            prev.title = join_wrapped(&prev.title, &title);
            prev.page = page;
            continue;
        }
        raws.push(Raw {
            kind,
            label,
            title,
            page,
            line: line.no,
        });
    }
    let parts = raws.iter().any(|r| r.kind == EntryKind::Part);
    let base = u8::from(parts);
    let mut diags = Vec::new();
    let mut last_page: Option<(u32, usize)> = None;
    let entries = raws
        .into_iter()
        .map(|r| {
            let level = match r.kind {
                EntryKind::Part | EntryKind::Back | EntryKind::Front => 1,
                EntryKind::Chapter | EntryKind::Plain => base + 1,
                EntryKind::Section => base + 2,
                EntryKind::Subsection => base + 3,
                EntryKind::Decimal(n) => base + n,
            };
            if let Some(p) = r.page.as_deref().and_then(|p| p.parse::<u32>().ok()) {
                if let Some((prev, prev_line)) = last_page
                    && p < prev
                {
                    diags.push(Diagnostic::new(
                        Code::ContentsPageOrder,
                        r.line,
                        format!("contents page {p} comes after page {prev} (line {prev_line})"),
                    ));
                }
                last_page = Some((p, r.line));
            }
            ContentsEntry {
                level,
                label: r.label,
                title: join_cjk(&r.title),
                page: r.page,
                line: r.line,
                target: None,
            }
        })
        .collect();
    (entries, diags)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_and_leaders_are_split_off() {
        let cases = [
            (
                "第一章 古镇的由来\t1",
                true,
                ("第一章 古镇的由来", Some("1")),
            ),
            ("结语.....\t203", true, ("结语", Some("203"))),
            ("结语……………203", false, ("结语", Some("203"))),
            ("结语 ··· 203", false, ("结语", Some("203"))),
            ("前言 iii", false, ("前言", Some("iii"))),
            ("走向1990年代", false, ("走向1990年代", None)),
            ("第二编 手艺", false, ("第二编 手艺", None)),
        ];
        for (line, tabs, (title, page)) in cases {
            let (t, p) = split_page(line, tabs);
            assert_eq!((t.as_str(), p.as_deref()), (title, page), "{line}");
        }
    }

    #[test]
    fn entries_get_levels_and_wrapped_titles_are_rejoined() {
        let text = "\n· 1 ·\n第一编 水\n第一章 古镇的由来……1\n（一）河道与 桥梁……3\n(二) 一条很长很长的、在印刷时\n折了行的标题……9\n\n第二章 手艺……12\n2.1 染坊……13\n主要参考文献……40\n后记……44\n";
        let lines = crate::reader::lines::split(text);
        let (entries, diags) = parse_contents(&lines);
        assert!(diags.is_empty(), "{diags:?}");
        type Row<'a> = (u8, Option<&'a str>, &'a str, Option<&'a str>, usize);
        let got: Vec<Row<'_>> = entries
            .iter()
            .map(|e| {
                (
                    e.level,
                    e.label.as_deref(),
                    e.title.as_str(),
                    e.page.as_deref(),
                    e.line,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (1, Some("第一编"), "水", None, 3),
                (2, Some("第一章"), "古镇的由来", Some("1"), 4),
                (3, Some("（一）"), "河道与桥梁", Some("3"), 5),
                (
                    3,
                    Some("（二）"),
                    "一条很长很长的、在印刷时折了行的标题",
                    Some("9"),
                    6
                ),
                (2, Some("第二章"), "手艺", Some("12"), 9),
                (3, Some("2.1"), "染坊", Some("13"), 10),
                (1, None, "主要参考文献", Some("40"), 11),
                (1, None, "后记", Some("44"), 12),
            ]
        );
    }

    #[test]
    fn backwards_pages_are_reported() {
        let lines = crate::reader::lines::split("第一章 甲\t10\n第二章 乙\t8\n");
        let (_, diags) = parse_contents(&lines);
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].span.line, 2);
    }

    #[test]
    fn a_contents_without_page_numbers_has_one_entry_per_line() {
        let text = "  LETTER I.    To the Ferryman\n  LETTER II.   On the Dyke\n  The Flood in the\n      Lower Fields\n  Envoi\n";
        let lines = crate::reader::lines::split(text);
        let (entries, _) = parse_contents(&lines);
        let got: Vec<(Option<&str>, &str)> = entries
            .iter()
            .map(|e| (e.label.as_deref(), e.title.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (Some("LETTER I"), "To the Ferryman"),
                (Some("LETTER II"), "On the Dyke"),
                (None, "The Flood in the Lower Fields"),
                (None, "Envoi"),
            ]
        );
    }
}
