//! Conventions (体例) the reader recognised in a manuscript, for `paiban inspect`: which
//! recogniser matched, where first, how often — so a user sees why the book came out as it did.

use std::collections::BTreeMap;

use crate::model::{Division, DivisionKind};

use super::Line;
use super::furniture::Furniture;
use super::joins::JoinStats;
use super::kind::Kind;
use super::layout::Layout;
use super::lines::PagedLines;

/// One convention the reader matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Convention {
    /// What was recognised, e.g. "page numbers `· N ·`", "running heads".
    pub name: String,
    /// 1-based manuscript line of the first match.
    pub line: usize,
    /// How many times it matched.
    pub count: usize,
}

/// Collects conventions in the order the passes found them.
#[derive(Debug, Clone, Default)]
pub struct Conventions(pub Vec<Convention>);

impl Conventions {
    /// Adds a convention from a (count, first line) tally, if it matched at all.
    pub fn add(&mut self, name: impl Into<String>, (count, line): (usize, usize)) {
        if count > 0 {
            self.0.push(Convention {
                name: name.into(),
                line,
                count,
            });
        }
    }
}

/// Page furniture: form feeds, blank pages, page-number styles, running heads.
pub fn page_furniture(paged: &PagedLines<'_>, f: &Furniture, out: &mut Conventions) {
    let first_feed = paged
        .form_feed
        .iter()
        .position(|&b| b)
        .map_or(0, |i| paged.lines[i].no);
    out.add("form feeds ending pages", (paged.feeds, first_feed));
    out.add("blank pages", paged.blank_pages);
    for (style, tally) in &f.styles {
        out.add(format!("page numbers {}", style.shape()), *tally);
    }
    out.add("running heads (book or chapter title)", f.running_heads);
}

/// Paragraph layout and joins: indents, hard wraps, quotations, hyphens, em dashes, ligatures.
pub fn text_layout(
    layout: &Layout,
    joins: &JoinStats,
    ligatures: (usize, usize),
    out: &mut Conventions,
) {
    out.add(
        "paragraphs shown only by a first-line indent",
        layout.indented,
    );
    out.add("hard-wrapped lines rejoined", layout.wrapped);
    out.add("block quotations indented on every line", layout.quotes);
    out.add(
        "paragraphs rejoined after an unfinished sentence (page or note break)",
        joins.unfinished,
    );
    out.add("hyphenated line ends rejoined", joins.hyphens);
    out.add("line-end hyphens kept in compounds", joins.compounds);
    out.add("line-end em dashes joined without a space", joins.em_dashes);
    out.add("ligatures (ﬁ ﬂ ﬀ ﬃ ﬄ) normalised", ligatures);
}

/// A label's shape with its number replaced by N: `第三章` → `第N章`, `Chapter 2` →
/// `Chapter N`, `（一）` → `（N）`, `上编` stays.
pub fn label_shape(label: &str) -> String {
    if let Some((word, _)) = label.split_once(' ') {
        return format!("{word} N");
    }
    let mut out = String::new();
    let mut in_number = false;
    for c in label.chars() {
        let numeral = super::headings::is_numeral(c) && !(out.is_empty() && "上中下".contains(c));
        if numeral {
            if !in_number {
                out.push('N');
            }
            in_number = true;
        } else {
            out.push(c);
            in_number = false;
        }
    }
    out
}

/// Heading conventions from the classified lines: one entry per heading shape.
pub fn headings(lines: &[Line<'_>], kinds: &[Kind], out: &mut Conventions) {
    let mut found: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut order: Vec<String> = Vec::new();
    let mut matter: (usize, usize) = (0, 0);
    let mut matter_titles: Vec<String> = Vec::new();
    for (line, kind) in lines.iter().zip(kinds) {
        let name = match kind {
            Kind::Chapter { label, .. } => {
                format!(
                    "chapter headings `{} title` on one line",
                    label_shape(label)
                )
            }
            Kind::ChapterLabel { label } => format!(
                "chapter headings `{}` + title on the next line",
                label_shape(label)
            ),
            Kind::Part { label, .. } | Kind::PartLabel { label } => {
                format!("part headings `{}`", label_shape(label))
            }
            Kind::Section { label, .. } => format!("section headings `{}`", label_shape(label)),
            Kind::Heading { level, label, .. } => {
                let what = match level {
                    0 => "part".to_string(),
                    1 => "chapter".to_string(),
                    2 => "section".to_string(),
                    n => format!("level-{n} sub-section"),
                };
                format!("{what} headings `{}`", label_shape(label))
            }
            Kind::Matter { title, .. } => {
                if matter.0 == 0 {
                    matter.1 = line.no;
                }
                matter.0 += 1;
                if !matter_titles.contains(title) {
                    matter_titles.push(title.clone());
                }
                continue;
            }
            _ => continue,
        };
        let e = found.entry(name.clone()).or_insert_with(|| {
            order.push(name);
            (0, line.no)
        });
        e.0 += 1;
    }
    out.add(
        format!("front/back-matter headings ({})", matter_titles.join(", ")),
        matter,
    );
    for name in order {
        let tally = found[&name];
        out.add(name, tally);
    }
}

/// Footnote bodies at a page foot, by the shape of their marker (`①`, `N`, `*`).
pub fn footnotes(lines: &[Line<'_>], kinds: &[Kind], out: &mut Conventions) {
    let mut found: BTreeMap<&'static str, (usize, usize)> = BTreeMap::new();
    for (line, kind) in lines.iter().zip(kinds) {
        let Kind::Note { mark, .. } = kind else {
            continue;
        };
        let shape = if mark.chars().all(super::notes::is_circled) {
            "`①`"
        } else if mark.chars().all(|c| c.is_ascii_digit()) {
            "`N`"
        } else {
            "other"
        };
        let e = found.entry(shape).or_insert((0, line.no));
        e.0 += 1;
    }
    for (shape, tally) in found {
        out.add(format!("footnotes at the page foot, marker {shape}"), tally);
    }
}

/// Sub-sections nested under sections (`（一）` under `一、`), counted in the built divisions.
pub fn subsections(divisions: &[Division], out: &mut Conventions) {
    fn walk(d: &Division, t: &mut (usize, usize)) {
        if d.kind == DivisionKind::Subsection {
            if t.0 == 0 {
                t.1 = d.line;
            }
            t.0 += 1;
        }
        for c in &d.children {
            walk(c, t);
        }
    }
    let mut t = (0, 0);
    for d in divisions {
        walk(d, &mut t);
    }
    out.add("sub-sections nested under sections", t);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_shapes() {
        let cases = [
            ("第三章", "第N章"),
            ("第12章", "第N章"),
            ("第一節", "第N節"),
            ("（一）", "（N）"),
            ("十二、", "N、"),
            ("Chapter 2", "Chapter N"),
            ("CHAPTER ONE", "CHAPTER N"),
            ("Part II", "Part N"),
            ("上编", "上编"),
            ("第一编", "第N编"),
        ];
        for (input, want) in cases {
            assert_eq!(label_shape(input), want, "{input:?}");
        }
    }

    #[test]
    fn heading_conventions() {
        let text = "序\n第一章　河\n正文。\n一、源\n（一）泉\n第二章\n山\n目录";
        let lines = super::super::lines::split(text);
        let kinds: Vec<Kind> = lines
            .iter()
            .map(|l| super::super::classify::classify(l.text))
            .collect();
        let mut out = Conventions::default();
        headings(&lines, &kinds, &mut out);
        let got: Vec<(String, usize, usize)> = out
            .0
            .into_iter()
            .map(|c| (c.name, c.line, c.count))
            .collect();
        let want = [
            ("front/back-matter headings (序, 目录)", 1, 2),
            ("chapter headings `第N章 title` on one line", 2, 1),
            ("section headings `N、`", 4, 1),
            ("section headings `（N）`", 5, 1),
            ("chapter headings `第N章` + title on the next line", 6, 1),
        ];
        let want: Vec<(String, usize, usize)> = want
            .iter()
            .map(|(n, l, c)| (n.to_string(), *l, *c))
            .collect();
        assert_eq!(got, want);
    }
}
