//! Front matter before the first prose division: title pages (书名页), CIP block
//! (图书在版编目(CIP)数据) and colophon (版本记录) → metadata and display divisions.

pub mod cip;
pub mod colophon;
pub mod copyright;
pub mod isbn;
pub mod names;
pub mod people;
pub mod pinyin;
pub mod spacing;
pub mod taiwan;
pub mod title_page;
pub mod western;

use crate::diag::{Code, Diagnostic};
use crate::model::{
    AltTitle, Block, ColophonEntry, DisplayRole, Division, DivisionKind, Inline, LanguageTag,
    Metadata, Para,
};

use super::text::{ends_sentence, width};
use super::{Line, Relators};
use cip::{CipBlock, is_cip_heading, is_cip_number_line, parse_year_month, read_cip};
use colophon::{colophon_data, is_rights_line, parse_entry, split_embedded, strip_ornament};
use isbn::{IsbnError, parse_isbn};
use names::{Statement, contributor, parse_statement};
use spacing::{has_han, join_cjk};
use title_page::{DisplayItem, classify_line, read_title_pages};

/// What the title pages, CIP block and colophon yield.
#[derive(Debug, Clone, Default)]
pub struct FrontMatter {
    /// Metadata recovered (fields not found stay empty).
    pub meta: Metadata,
    /// Title page and copyright page divisions, in print order.
    pub divisions: Vec<Division>,
    /// What could not be decided.
    pub diagnostics: Vec<Diagnostic>,
    /// Conventions recognised, for `paiban inspect`: (name, first manuscript line).
    pub conventions: Vec<(String, usize)>,
}

/// The three regions of the lines before the first prose division.
struct Regions<'l, 'a> {
    title: &'l [Line<'a>],
    /// Copyright-page lines printed above a Taiwan or LoC block (`Copyright © …`).
    lead: &'l [Line<'a>],
    cip: &'l [Line<'a>],
    rest: &'l [Line<'a>],
}

/// Whether a line opens a CIP block: Chinese, Taiwan or Library of Congress.
fn is_any_cip_heading(text: &str) -> bool {
    is_cip_heading(text) || taiwan::is_tw_cip_heading(text) || western::is_loc_heading(text)
}

/// Finds the CIP block; without one, the title pages end at the first colophon entry or rights
/// line (`版权 © 2024 某某` atop a page of notices), whichever is printed first.
fn regions<'l, 'a>(lines: &'l [Line<'a>], relators: &Relators) -> Regions<'l, 'a> {
    let Some(start) = lines.iter().position(|l| is_any_cip_heading(l.text)) else {
        let end = lines
            .iter()
            .position(|l| parse_entry(l.text, relators).is_some() || is_rights_line(l.text))
            .unwrap_or(lines.len());
        return Regions {
            title: &lines[..end],
            lead: &[],
            cip: &[],
            rest: &lines[end..],
        };
    };
    let mut end = start + 1;
    let mut seen_iv = false;
    if !is_cip_heading(lines[start].text) {
        // Taiwan and LoC blocks: up to the first blank line after two lines of content
        let mut content = 0;
        for (i, l) in lines.iter().enumerate().skip(start + 1) {
            if l.text.trim().is_empty() {
                if content >= 2 {
                    break;
                }
            } else if western::printers_key(l.text).is_some() || is_rights_line(l.text) {
                break;
            } else {
                content += 1;
                end = i + 1;
            }
        }
        let lead = lines[..start]
            .iter()
            .position(|l| copyright::english_notice(l.text) || is_rights_line(l.text))
            .unwrap_or(start);
        return Regions {
            title: &lines[..lead],
            lead: &lines[lead..start],
            cip: &lines[start..end],
            rest: &lines[end..],
        };
    }
    for (i, l) in lines.iter().enumerate().skip(start + 1) {
        let t = l.text.trim();
        if is_cip_number_line(t) {
            end = i + 1;
            break;
        }
        if (t.contains('\t') && parse_entry(t, relators).is_some()) || is_rights_line(t) {
            break;
        }
        if seen_iv && !t.is_empty() {
            break;
        }
        if !t.is_empty() {
            end = i + 1;
        }
        seen_iv |= t.to_ascii_uppercase().contains("IV.") || t.contains('Ⅳ');
    }
    Regions {
        title: &lines[..start],
        lead: &[],
        cip: &lines[start..end],
        rest: &lines[end..],
    }
}

/// Reads the lines before the first prose division (序, 前言, 内容提要 …).
pub fn read_front_matter(lines: &[Line<'_>], relators: &Relators) -> FrontMatter {
    let mut fm = FrontMatter::default();
    let r = regions(lines, relators);

    let tp = read_title_pages(r.title, relators);
    fm.diagnostics.extend(tp.diagnostics.iter().cloned());
    let heading = r.cip.first().map_or("", |l| l.text);
    let loc = western::is_loc_heading(heading).then(|| western::read_loc(r.cip));
    for &no in loc.iter().flat_map(|l| &l.unread) {
        fm.diagnostics.push(
            Diagnostic::new(
                Code::CipLineUnread,
                no,
                "this line of the Library of Congress CIP block is kept as printed, but no \
                 metadata was read from it",
            )
            .with_hint("set the field it holds in book.toml if the metadata needs it"),
        );
    }
    let cip = (!r.cip.is_empty()).then(|| match &loc {
        Some(l) => l.cip.clone(),
        None if taiwan::is_tw_cip_heading(heading) => taiwan::read_tw_cip(r.cip),
        None => read_cip(r.cip),
    });
    let page_lines: Vec<Line<'_>> = r.lead.iter().chain(r.rest).copied().collect();
    let page = copyright_page(&page_lines, relators);

    // Title, statement and alternative title: title page first, then the copyright page's lines.
    let shown = |role| {
        page.display
            .iter()
            .filter(move |d: &&DisplayItem| d.role == role)
    };
    let title = tp
        .title
        .clone()
        .or_else(|| shown(DisplayRole::Title).next().map(|d| join_cjk(&d.text)))
        .or_else(|| {
            let desc = &cip.as_ref()?.record.description;
            Some(join_cjk(desc.split('/').next()?))
        });
    fm.meta.title = title.map(|t| western::title_case(&t)).unwrap_or_default();
    fm.meta.subtitle = tp.subtitle.clone();
    let mut alts: Vec<(AltTitle, usize)> = tp.alt_titles.clone();
    for d in shown(DisplayRole::AltTitle) {
        if let Some(language) = pinyin::latin_language(&d.text) {
            let text = d.text.split_whitespace().collect::<Vec<_>>().join(" ");
            alts.push((AltTitle { text, language }, d.line));
        }
    }
    let mixed = |a: &AltTitle| a.text.chars().any(|c| c.is_ascii_lowercase());
    fm.meta.alt_title = alts
        .iter()
        .find(|(a, _)| mixed(a))
        .or(alts.first())
        .map(|(a, _)| a.clone());
    let statement: Option<Statement> = tp
        .statement
        .clone()
        .or_else(|| shown(DisplayRole::Authors).find_map(|d| d.statement.clone()))
        .or_else(|| {
            let desc = &cip.as_ref()?.record.description;
            parse_statement(desc.split_once('/')?.1, relators, true)
        });
    if let Some(st) = &statement {
        fm.meta.authors = st
            .names
            .iter()
            .map(|n| contributor(n, st.role.clone(), None))
            .collect();
        fm.meta.authors_et_al = st.et_al;
        fm.meta.author_statement = Some(st.printed.clone());
    }
    for (label, n) in &tp.series_editors {
        fm.meta.contributors.push(contributor(
            n,
            crate::model::Relator::marc("edt"),
            Some(label),
        ));
    }
    for st in &tp.others {
        for n in &st.names {
            let known = fm.meta.authors.iter().chain(&fm.meta.contributors);
            if !known.clone().any(|a| &a.name == n && a.role == st.role) {
                fm.meta
                    .contributors
                    .push(contributor(n, st.role.clone(), None));
            }
        }
    }
    if fm.meta.title.is_empty()
        && let Some(alt) = fm.meta.alt_title.take()
    {
        // a book without a Han title: its Latin title is the title proper
        fm.meta.title = alt.text;
        if alt.language == "en" {
            fm.meta.language = alt.language.clone();
        }
    }
    fm.meta.series = tp.series.clone();
    fm.meta.publisher = tp.publisher.clone();
    fm.meta.publisher_group = tp.group.clone();
    if has_han(&fm.meta.title) && fm.meta.language.is_undetermined() {
        fm.meta.language = LanguageTag::known("zh-CN");
    } else if fm.meta.language.is_undetermined()
        && pinyin::latin_language(&fm.meta.title).as_deref() == Some("en")
    {
        fm.meta.language = LanguageTag::known("en");
    }

    let data = colophon_data(&page.entries, relators);
    let mut isbn_sources: Vec<(String, usize)> = Vec::new();
    if let Some(c) = &cip {
        apply_cip(c, &mut fm.meta);
        isbn_sources.extend(c.isbn_line.clone());
    }
    for c in &data.contributors {
        let dup = fm
            .meta
            .authors
            .iter()
            .chain(&fm.meta.contributors)
            .any(|a| a.name == c.name && a.role == c.role);
        if !dup {
            fm.meta.contributors.push(c.clone());
        }
    }
    // No statement of responsibility on the title page: the labelled authors (`作者：`) are.
    if fm.meta.authors.is_empty() {
        let (authors, others): (
            Vec<crate::model::Contributor>,
            Vec<crate::model::Contributor>,
        ) = std::mem::take(&mut fm.meta.contributors)
            .into_iter()
            .partition(|c| c.role.code() == "aut");
        fm.meta.authors = authors;
        fm.meta.contributors = others;
    }
    fm.meta.publisher = fm.meta.publisher.take().or(data.publisher.clone());
    fm.meta.publisher_group = fm.meta.publisher_group.take().or(data.group.clone());
    fm.meta.publisher_address = data.address.clone();
    if fm.meta.publisher.is_none() {
        fm.meta.publisher = cip.as_ref().and_then(|c| c.publisher.clone());
    }
    fm.meta.websites = data.websites.clone();
    fm.meta.emails = data.emails.clone();
    fm.meta.trim = data.trim;
    fm.meta.print = data.print.clone();
    if let Some(l) = &loc {
        copyright::apply_loc(l, &mut fm.meta);
    }
    copyright::apply_english_lines(r.title, &mut fm.meta);
    copyright::apply_english_lines(r.rest, &mut fm.meta);
    isbn_sources.extend(data.isbn.clone());
    check_isbns(&isbn_sources, &mut fm);
    copyright::collect_isbns(lines, &mut fm);
    check_dates(cip.as_ref(), data.edition.as_ref(), &mut fm);
    fm.meta.rights = page
        .notices
        .iter()
        .map(|p| p.text())
        .find(|t| is_rights_line(t));

    if let Some(div) = tp.division {
        fm.divisions.push(div);
    }
    if cip.is_some() || !page.entries.is_empty() || !page.notices.is_empty() {
        let first = r
            .lead
            .first()
            .or(r.cip.first())
            .or(r.rest.iter().find(|l| !l.text.trim().is_empty()));
        let mut div = Division::new(
            DivisionKind::CopyrightPage,
            "copyright",
            first.map_or(0, |l| l.no),
        );
        if let Some(c) = cip {
            div.blocks.push(Block::Cip(Box::new(c.record)));
        }
        div.blocks.extend(
            page.display
                .iter()
                .map(|d| Block::Display(d.display_line())),
        );
        if !page.entries.is_empty() {
            div.blocks.push(Block::Colophon(page.entries));
        }
        div.blocks
            .extend(page.notices.into_iter().map(Block::Notice));
        fm.divisions.push(div);
    }
    fm.conventions = copyright::conventions(lines, r.cip.first());
    fm.diagnostics.sort_by_key(|d| d.span);
    fm
}

/// Takes the CIP record's facts into the metadata.
fn apply_cip(c: &CipBlock, meta: &mut Metadata) {
    meta.cip = Some(c.record.clone());
    meta.place = c.place.clone();
    meta.date = c.date;
    meta.subjects = c.record.subjects.clone();
}

/// The copyright page after the CIP block: display lines, colophon entries, notices.
#[derive(Default)]
struct CopyrightPage {
    display: Vec<DisplayItem>,
    entries: Vec<ColophonEntry>,
    notices: Vec<Para>,
}

fn copyright_page(lines: &[Line<'_>], relators: &Relators) -> CopyrightPage {
    let mut page = CopyrightPage::default();
    let mut in_notices = false;
    // the manuscript line of the last notice line and whether it fills the measure: a notice
    // wrapped by the page runs on from a full line
    let mut last_no = 0;
    let mut last_full = false;
    let widest = lines.iter().map(|l| width(l.text)).max().unwrap_or(0);
    for line in lines {
        let text = line.text.trim();
        if text.is_empty() || western::printers_key(text).is_some() {
            continue;
        }
        if (!in_notices || line.text.contains('\t'))
            && !is_rights_line(text)
            && let Some((label, value)) = parse_entry(line.text, relators)
        {
            page.entries
                .extend(split_embedded(&label, &value, line.no, relators));
            continue;
        }
        let notice = is_rights_line(text) || copyright::english_notice(text);
        if page.entries.is_empty() && !in_notices && !notice {
            let title_seen = page.display.iter().any(|d| d.role == DisplayRole::Title);
            let mut item = classify_line(text, relators, title_seen);
            item.line = line.no;
            page.display.push(item);
            continue;
        }
        in_notices = true;
        let text = strip_ornament(text);
        match page.notices.last_mut() {
            Some(last)
                if !notice && last_no + 1 == line.no && last_full && continues_notice(last) =>
            {
                let Some(Inline::Text(t)) = last.content.last_mut() else {
                    unreachable!("a notice is one text run");
                };
                *t = join_notice_line(t, text);
            }
            _ => page.notices.push(Para {
                content: vec![Inline::Text(text.to_string())],
                line: line.no,
            }),
        }
        last_no = line.no;
        last_full = width(line.text) as f64 >= FULL_NOTICE_LINE * widest as f64;
    }
    page
}

/// Least share of the copyright page's widest line that a notice line wrapped by the page fills.
const FULL_NOTICE_LINE: f64 = 0.9;

/// Whether a notice paragraph runs on to the next line: it does not end a sentence and is no
/// rights line (`Copyright © 2020 某某` lines stand one per line).
fn continues_notice(para: &Para) -> bool {
    let t = para.text();
    !ends_sentence(&t) && !is_rights_line(&t)
}

/// A notice paragraph's text with the next printed line joined on: no space between CJK
/// characters, none after a line-end hyphen, one space otherwise.
fn join_notice_line(text: &str, next: &str) -> String {
    if text.ends_with('-') {
        format!("{text}{}", next.trim())
    } else {
        join_cjk(&format!("{text} {next}"))
    }
}

/// Verifies every printed ISBN; the first valid one is the book's.
fn check_isbns(sources: &[(String, usize)], fm: &mut FrontMatter) {
    for (text, line) in sources {
        match parse_isbn(text) {
            Ok(isbn) => match &fm.meta.isbn {
                None => fm.meta.isbn = Some(isbn),
                Some(first) if first.digits != isbn.digits => {
                    fm.diagnostics.push(Diagnostic::new(
                        Code::IsbnConflict,
                        *line,
                        format!(
                            "ISBN {} differs from ISBN {} printed earlier; keeping the first",
                            isbn.printed, first.printed
                        ),
                    ));
                }
                Some(_) => {}
            },
            Err(e) => {
                let hint = match &e {
                    IsbnError::CheckDigit { expected, .. } => format!(
                        "if the other digits are right the check digit is {expected}; \
                         correct the manuscript or set `isbn` in book.toml"
                    ),
                    _ => "correct the manuscript or set `isbn` in book.toml".to_string(),
                };
                fm.diagnostics
                    .push(Diagnostic::new(Code::IsbnInvalid, *line, e.to_string()).with_hint(hint));
            }
        }
    }
}

/// The CIP imprint date against 版次; 版次 stands in when the CIP block has no date.
fn check_dates(cip: Option<&CipBlock>, edition: Option<&(String, usize)>, fm: &mut FrontMatter) {
    let Some((text, line)) = edition else { return };
    let Some(ed) = parse_year_month(text) else {
        return;
    };
    match cip.and_then(|c| c.date) {
        None => fm.meta.date = Some(ed),
        Some(d)
            if d.year != ed.year
                || (d.month.is_some() && ed.month.is_some() && d.month != ed.month) =>
        {
            fm.diagnostics.push(Diagnostic::new(Code::DateConflict,
                *line,
                format!("版次 gives {ed} but the CIP imprint gives {d}; the date is taken from the CIP imprint"),
            ).with_hint("set `date` in book.toml to choose"));
        }
        Some(_) => {}
    }
}
