//! 书名页 / 扉页 (title pages): centred display lines → title, pinyin title, authors, publisher,
//! series; a repeated title page (half-title, or the same page printed twice) is kept once.

use crate::diag::Diagnostic;
use crate::model::{AltTitle, DisplayLine, DisplayRole, Division, DivisionKind, Inline};
use crate::reader::{Line, Relators};

use super::names::{Statement, parse_statement};
use super::pinyin::latin_language;
use super::spacing::{has_han, join_cjk, join_wrapped, squeeze};

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

impl DisplayItem {
    /// The model's display line for this item.
    pub fn display_line(&self) -> DisplayLine {
        DisplayLine {
            role: self.role,
            // A title's print line-wrap space is not part of it (`…关系的 运行…`).
            content: vec![Inline::Text(match self.role {
                DisplayRole::Title | DisplayRole::Subtitle => super::spacing::join_cjk(&self.text),
                _ => self.text.clone(),
            })],
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
    /// 出版社.
    pub publisher: Option<String>,
    /// 出版集团.
    pub group: Option<String>,
    /// Duplicate pages and other decisions.
    pub diagnostics: Vec<Diagnostic>,
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
        out.diagnostics.push(Diagnostic::note(first, msg));
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
        if let Some(prev) = page.last().filter(|_| !prev_blank) {
            let continues_title = prev.role == DisplayRole::Title
                && matches!(item.role, DisplayRole::Other)
                && has_han(&item.text);
            if continues_title
                || prev.role == DisplayRole::Series && item.role == DisplayRole::Other
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
    pages
}

/// Fills the fields of `out` that are still empty from one page's lines.
fn take_metadata(page: &[DisplayItem], out: &mut TitlePages) {
    let mut title: Option<String> = None;
    let mut series: Vec<String> = Vec::new();
    let mut prev: Option<&DisplayItem> = None;
    for d in page {
        let adjacent = prev.is_some_and(|p| p.role == d.role && p.line + 1 == d.line);
        match d.role {
            DisplayRole::Title => {
                title = Some(match (title.take(), adjacent) {
                    (Some(t), true) => join_wrapped(&t, &d.text),
                    (Some(t), false) => t,
                    (None, _) => d.text.clone(),
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
mod tests {
    use super::*;

    #[test]
    fn display_lines_are_classified() {
        let r = Relators::builtin();
        let cases = [
            ("教育部人文社会科学研究项目", false, DisplayRole::Series),
            ("江南古镇丛书", true, DisplayRole::Series),
            (
                "Jiangnan guzhen de shougongye",
                false,
                DisplayRole::AltTitle,
            ),
            (
                "JIANGNAN GUZHEN DE SHOUGONGYE",
                false,
                DisplayRole::AltTitle,
            ),
            ("江南古镇的 手工业变迁", false, DisplayRole::Title),
            ("——以三座水乡为例", true, DisplayRole::Subtitle),
            ("林晓 等著", true, DisplayRole::Authors),
            ("林晓 等著", false, DisplayRole::Authors),
            ("浙东出版集团", true, DisplayRole::Publisher),
            ("星河出版社", true, DisplayRole::Publisher),
            ("二〇一九年 · 杭州", true, DisplayRole::Other),
        ];
        for (text, title_seen, want) in cases {
            assert_eq!(classify_line(text, &r, title_seen).role, want, "{text}");
        }
        assert!(classify_line("浙东出版集团", &r, true).group);
        assert!(!classify_line("星河出版社", &r, true).group);
    }

    fn lines(text: &str) -> Vec<Line<'_>> {
        crate::reader::lines::split(text)
    }

    #[test]
    fn title_page_yields_metadata_and_keeps_one_page() {
        let text = "\n教育部人文社会科学研究项目\n项目编号 (19YJA0001)\n\nJiangnan guzhen de shougongye bianqian\n\n江南古镇的 手工业变迁\n\n林晓 等著\n\n\n浙东出版集团\n星河出版社\n\n江南古镇的 手工业变迁\n\n林晓 等著\n\n星河出版社\n";
        let r = Relators::builtin();
        let tp = read_title_pages(&lines(text), &r);
        assert_eq!(tp.title.as_deref(), Some("江南古镇的手工业变迁"));
        assert_eq!(
            tp.series,
            ["教育部人文社会科学研究项目 项目编号 (19YJA0001)"]
        );
        assert_eq!(tp.alt_titles.len(), 1);
        assert_eq!(tp.alt_titles[0].0.language, "zh-Latn-pinyin");
        let st = tp.statement.expect("statement");
        assert_eq!(
            (st.names.as_slice(), st.et_al),
            (&["林晓".to_string()][..], true)
        );
        assert_eq!(tp.publisher.as_deref(), Some("星河出版社"));
        assert_eq!(tp.group.as_deref(), Some("浙东出版集团"));
        let div = tp.division.expect("division");
        assert_eq!(
            (div.id.as_str(), div.line, div.blocks.len()),
            ("titlepage", 2, 7)
        );
        assert_eq!(tp.diagnostics.len(), 1);
        assert_eq!(tp.diagnostics[0].span.line, 15);
        assert!(
            tp.diagnostics[0].message.contains("repeats"),
            "{:?}",
            tp.diagnostics
        );
    }

    #[test]
    fn a_title_wrapped_over_two_lines_is_one_title() {
        let text = "北方小城的\n手艺人\n\n钱多多 主编\n";
        let tp = read_title_pages(&lines(text), &Relators::builtin());
        assert_eq!(tp.title.as_deref(), Some("北方小城的手艺人"));
        let st = tp.statement.expect("statement");
        assert_eq!(st.role.code(), "edt");
        assert_eq!(tp.division.map(|d| d.blocks.len()), Some(3));
    }
}
