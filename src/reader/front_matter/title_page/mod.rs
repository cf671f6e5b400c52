//! 书名页 / 扉页 (title pages): centred display lines → title, pinyin title, authors, publisher,
//! series; a repeated title page (half-title, or the same page printed twice) is kept once.

use crate::diag::{Code, Diagnostic};
use crate::model::{AltTitle, DisplayLine, DisplayRole, Division, DivisionKind, Inline};
use crate::reader::{Line, Relators};

use super::names::{Statement, parse_statement, split_names};
use super::people::{is_date, name_line, strip_mark};
use super::pinyin::latin_language;
use super::spacing::{has_han, join_cjk, join_wrapped, squeeze};

mod connective;
mod english;

use english::english_roles;

/// Words that mark a series or funding line (丛书, 基金项目 …).
const SERIES_MARKS: &[&str] = &[
    "基金项目",
    "基金资助",
    "资助项目",
    "资助出版",
    "丛书",
    "文库",
    "书系",
    "研究成果",
    "批准号",
    "项目编号",
    "Series",
];

/// Endings of a publisher's name.
const PUBLISHER_ENDS: &[&str] = &[
    "出版社",
    "出版社有限公司",
    "出版社有限责任公司",
    "出版公司",
    "书局",
    "印书馆",
    "书店",
    "Press",
    "Publishers",
    "Publishing House",
];

/// Endings of a publishing group's name.
const GROUP_ENDS: &[&str] = &[
    "出版集团",
    "集团",
    "集团有限公司",
    "集团有限责任公司",
    "传媒股份有限公司",
];

/// One recognised display line with what it yields.
#[derive(Debug, Clone, PartialEq)]
pub struct DisplayItem {
    /// What the line is.
    pub role: DisplayRole,
    /// The text as printed, trimmed.
    pub text: String,
    /// 1-based manuscript line.
    pub line: usize,
    /// The parsed statement of responsibility, for an author line.
    pub statement: Option<Statement>,
    /// For a publisher line: whether it names the group (出版集团) rather than the house.
    pub group: bool,
}

/// A title as printed on a title page: the space a print line-wrap left between two CJK
/// characters (`…关系的 运行…`) is no part of the title, but marks where the printed title broke,
/// so it becomes an [`Inline::LineBreak`]; other spacing is kept as one space.
pub fn wrapped_title(text: &str) -> Vec<Inline> {
    let mut out = Vec::new();
    for (i, part) in text.split_whitespace().enumerate() {
        let prev_cjk = out.last().and_then(|l: &Inline| match l {
            Inline::Text(t) => t.chars().last(),
            _ => None,
        });
        let next_cjk = part.chars().next();
        match (i, prev_cjk, next_cjk) {
            (0, ..) => out.push(Inline::Text(part.to_string())),
            (_, Some(a), Some(b)) if super::spacing::is_cjk(a) && super::spacing::is_cjk(b) => {
                out.push(Inline::LineBreak);
                out.push(Inline::Text(part.to_string()));
            }
            _ => {
                if let Some(Inline::Text(t)) = out.last_mut() {
                    t.push(' ');
                    t.push_str(part);
                }
            }
        }
    }
    out
}

impl DisplayItem {
    /// The model's display line for this item.
    pub fn display_line(&self) -> DisplayLine {
        DisplayLine {
            role: self.role,
            content: match self.role {
                DisplayRole::Title | DisplayRole::Subtitle => wrapped_title(&self.text),
                _ => vec![Inline::Text(self.text.clone())],
            },
            line: self.line,
        }
    }
}

/// What the title pages yield.
#[derive(Debug, Clone, Default)]
pub struct TitlePages {
    /// The one title page division kept, if there were display lines.
    pub division: Option<Division>,
    /// 书名 with line-wrap spaces removed.
    pub title: Option<String>,
    /// 副书名.
    pub subtitle: Option<String>,
    /// Latin-script titles seen (pinyin), with their lines, in print order.
    pub alt_titles: Vec<(AltTitle, usize)>,
    /// The statement of responsibility.
    pub statement: Option<Statement>,
    /// Further statements (translators `孙雨 译`, a second editor line), in print order.
    pub others: Vec<Statement>,
    /// Series and funding statements, consecutive lines joined.
    pub series: Vec<String>,
    /// Series editors (丛书主编) with the label printed, in print order.
    pub series_editors: Vec<(String, String)>,
    /// 出版社.
    pub publisher: Option<String>,
    /// 出版集团.
    pub group: Option<String>,
    /// Duplicate pages and other decisions.
    pub diagnostics: Vec<Diagnostic>,
}

/// Labels of a series editor line (丛书主编): the series' editor, not the book's author.
const SERIES_EDITOR_LABELS: &[&str] = &[
    "丛书总主编",
    "丛书主编",
    "叢書主編",
    "丛书编委会主任",
    "Series Editors",
    "Series Editor",
    "Series editors",
    "Series editor",
    "General Editor",
];

/// `丛书主编　王立川`, `Series Editor: Anne Lowe` → (label, names).
pub fn series_editor(text: &str) -> Option<(String, Vec<String>)> {
    let t = text.trim();
    let label = SERIES_EDITOR_LABELS.iter().find(|l| t.starts_with(*l))?;
    let rest = t[label.len()..].trim_start_matches([':', '：', ' ', '\u{3000}', '\t']);
    let names = split_names(rest);
    (!names.is_empty()).then(|| (label.to_string(), names))
}

/// Classifies one display line. `title_seen` says whether this page already has its title:
/// an unclassified Han line before the title is the title, after it something else.
pub fn classify_line(text: &str, relators: &Relators, title_seen: bool) -> DisplayItem {
    let text = text.trim();
    let item = |role, statement, group| DisplayItem {
        role,
        text: text.to_string(),
        line: 0,
        statement,
        group,
    };
    if series_editor(text).is_some() {
        return item(DisplayRole::Other, None, false);
    }
    let squeezed = squeeze(text);
    let series_end = ["项目", "项目成果", "资助"]
        .iter()
        .any(|e| squeezed.ends_with(e));
    if series_end || SERIES_MARKS.iter().any(|m| text.contains(m)) {
        return item(DisplayRole::Series, None, false);
    }
    if GROUP_ENDS.iter().any(|e| squeezed.ends_with(e)) && squeezed.contains("出版") {
        return item(DisplayRole::Publisher, None, true);
    }
    if PUBLISHER_ENDS.iter().any(|e| squeezed.ends_with(e)) {
        return item(DisplayRole::Publisher, None, false);
    }
    if let Some(st) = parse_statement(text, relators, title_seen) {
        return item(DisplayRole::Authors, Some(st), false);
    }
    if text.starts_with(['—', '－', '–']) && title_seen {
        return item(DisplayRole::Subtitle, None, false);
    }
    if !has_han(text) && latin_language(text).is_some() {
        return item(DisplayRole::AltTitle, None, false);
    }
    if is_date(text) {
        return item(DisplayRole::Other, None, false);
    }
    if has_han(text) && !title_seen {
        return item(DisplayRole::Title, None, false);
    }
    item(DisplayRole::Other, None, false)
}

/// Reads the display lines before the CIP block: one title page is kept (the fullest), repeats
/// are reported as notes, and the metadata comes from the kept page first.
pub fn read_title_pages(lines: &[Line<'_>], relators: &Relators) -> TitlePages {
    let pages = split_pages(lines, relators);
    let mut out = TitlePages::default();
    let Some(keep) = (0..pages.len()).max_by_key(|&i| (pages[i].len(), usize::MAX - i)) else {
        return out;
    };
    let kept_texts: Vec<String> = pages[keep].iter().map(|d| squeeze(&d.text)).collect();
    for (i, page) in pages.iter().enumerate() {
        if i == keep {
            continue;
        }
        let first = page.first().map_or(0, |d| d.line);
        let extra = page
            .iter()
            .filter(|d| !kept_texts.contains(&squeeze(&d.text)))
            .count();
        let msg = if extra == 0 {
            format!(
                "this title page repeats the one at line {}; it is kept once",
                pages[keep][0].line
            )
        } else {
            format!(
                "a second title page ({extra} line(s) not on the fuller one at line {}) is left out",
                pages[keep][0].line
            )
        };
        out.diagnostics
            .push(Diagnostic::new(Code::TitlePageChosen, first, msg));
    }
    let order = std::iter::once(keep).chain((0..pages.len()).filter(|&i| i != keep));
    for i in order {
        take_metadata(&pages[i], &mut out);
    }
    let page = &pages[keep];
    let mut div = Division::new(DivisionKind::TitlePage, "titlepage", page[0].line);
    div.blocks = page
        .iter()
        .map(|d| crate::model::Block::Display(d.display_line()))
        .collect();
    out.division = Some(div);
    out
}

/// Groups the display lines into pages: a page ends where a second title begins. A title that
/// wraps over adjacent lines stays one title; adjacent series lines stay one series.
fn split_pages(lines: &[Line<'_>], relators: &Relators) -> Vec<Vec<DisplayItem>> {
    let mut pages: Vec<Vec<DisplayItem>> = Vec::new();
    let mut page: Vec<DisplayItem> = Vec::new();
    let mut prev_blank = true;
    for line in lines {
        if line.text.trim().is_empty() {
            prev_blank = true;
            continue;
        }
        let title_seen = page.iter().any(|d| d.role == DisplayRole::Title);
        let mut item = classify_line(line.text, relators, title_seen);
        item.line = line.no;
        // The first block of name lines after the title: its authors (`吴某 (a@b.org)`).
        let open = !page.iter().any(|d| d.role == DisplayRole::Authors)
            || page.last().is_some_and(|d| d.role == DisplayRole::Authors);
        // A short line right under the title goes on with it, unless it carries what only a
        // name line does (an address, an alias, a footnote mark) or is Latin under a Han title,
        // which no title wraps into (`宏包手册` / `TEX.ORG`, as LaTeX's \maketitle sets it).
        let under_title = !prev_blank
            && page.last().is_some_and(|d| {
                d.role == DisplayRole::Title && (has_han(line.text) || !has_han(&d.text))
            });
        let marked = super::people::clean(line.text).names != line.text.trim();
        // Names are printed near the title: a short line far below it (a story's title in a
        // long front region) is not a name.
        let near = page
            .iter()
            .rposition(|d| d.role == DisplayRole::Title)
            .is_some_and(|t| page.len() - t <= NAMES_NEAR_TITLE);
        if title_seen
            && open
            && (near || open_block(&page))
            && (marked || !under_title)
            && matches!(item.role, DisplayRole::Other | DisplayRole::AltTitle)
        {
            if let Some((names, _)) = name_line(line.text) {
                item.role = DisplayRole::Authors;
                item.statement = Some(author_statement(names, line.text));
            }
        }
        if let Some(prev) = page.last().filter(|_| !prev_blank) {
            let continues_title = prev.role == DisplayRole::Title
                && matches!(item.role, DisplayRole::Other)
                && has_han(&item.text)
                && !is_date(&item.text);
            // A footnote mark ends the title (`…手册1`): the line under it is its subtitle.
            let marked_title = strip_mark(&prev.text) != prev.text.trim_end();
            if continues_title && marked_title {
                item.role = DisplayRole::Subtitle;
            } else if continues_title
                || prev.role == DisplayRole::Series
                    && item.role == DisplayRole::Other
                    && series_editor(&item.text).is_none()
            {
                item.role = prev.role;
            }
        }
        let repeats_title = page
            .iter()
            .any(|d| d.role == DisplayRole::Title && squeeze(&d.text) == squeeze(&item.text));
        if title_seen && prev_blank && repeats_title {
            item.role = DisplayRole::Title;
            pages.push(std::mem::take(&mut page));
        }
        page.push(item);
        prev_blank = false;
    }
    if !page.is_empty() {
        pages.push(page);
    }
    for page in &mut pages {
        if !page.iter().any(|d| has_han(&d.text)) {
            english_roles(page);
        }
    }
    pages
}

/// How many display lines after the title an unlabelled block of names may begin.
const NAMES_NEAR_TITLE: usize = 6;

/// Whether the last display line is an unlabelled block of names still open.
fn open_block(page: &[DisplayItem]) -> bool {
    page.last().is_some_and(|d| d.role == DisplayRole::Authors)
}

/// The statement of an unlabelled name line: its names as authors.
fn author_statement(names: Vec<String>, printed: &str) -> Statement {
    Statement {
        names,
        role: crate::model::Relator::author(),
        et_al: false,
        printed: printed.trim().to_string(),
    }
}

/// Fills the fields of `out` that are still empty from one page's lines.
fn take_metadata(page: &[DisplayItem], out: &mut TitlePages) {
    let mut title: Option<String> = None;
    let mut series: Vec<String> = Vec::new();
    let mut prev: Option<&DisplayItem> = None;
    for d in page {
        // a title line ending with a connective goes on across a blank line
        let adjacent = prev.is_some_and(|p| {
            p.role == d.role
                && (p.line + 1 == d.line
                    || d.role == DisplayRole::Title && connective::ends_with(&p.text))
        });
        match d.role {
            DisplayRole::Title => {
                title = Some(match (title.take(), adjacent) {
                    (Some(t), true) => join_wrapped(&t, strip_mark(&d.text)),
                    (Some(t), false) => t,
                    (None, _) => strip_mark(&d.text).to_string(),
                });
            }
            DisplayRole::Series => match series.last_mut() {
                Some(last) if adjacent => *last = format!("{last} {}", d.text),
                _ => series.push(d.text.clone()),
            },
            DisplayRole::Subtitle if out.subtitle.is_none() => {
                let s = d.text.trim_start_matches(['—', '－', '–', ' ']);
                out.subtitle = Some(join_cjk(s));
            }
            DisplayRole::AltTitle => {
                if let Some(language) = latin_language(&d.text) {
                    let text = d.text.split_whitespace().collect::<Vec<_>>().join(" ");
                    if !out.alt_titles.iter().any(|(a, _)| a.text == text) {
                        out.alt_titles.push((AltTitle { text, language }, d.line));
                    }
                }
            }
            DisplayRole::Authors => {
                let Some(st) = &d.statement else { continue };
                let creator = matches!(st.role.code(), "aut" | "edt");
                if creator && out.statement.is_none() {
                    out.statement = Some(st.clone());
                } else if !out.others.iter().any(|o| o.names == st.names) {
                    out.others.push(st.clone());
                }
            }
            DisplayRole::Other => {
                if let Some((label, names)) = series_editor(&d.text) {
                    for n in names {
                        if !out.series_editors.iter().any(|(_, k)| *k == n) {
                            out.series_editors.push((label.clone(), n));
                        }
                    }
                }
            }
            DisplayRole::Publisher if d.group && out.group.is_none() => {
                out.group = Some(squeeze_cjk_name(&d.text));
            }
            DisplayRole::Publisher if !d.group && out.publisher.is_none() => {
                out.publisher = Some(squeeze_cjk_name(&d.text));
            }
            _ => {}
        }
        prev = Some(d);
    }
    if out.title.is_none() {
        out.title = title.map(|t| join_cjk(&t));
    }
    if out.series.is_empty() {
        out.series = series;
    }
}

/// A Chinese organisation name loses its letter-spacing; a Latin one keeps single spaces.
pub fn squeeze_cjk_name(s: &str) -> String {
    if has_han(s) {
        join_cjk(s)
    } else {
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

#[cfg(test)]
mod tests;
