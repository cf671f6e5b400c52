//! English title pages (扉页，英文): which display line is the title, the subtitle, the
//! authors and the other roles, when the page has no Han text.

use crate::model::{DisplayRole, Relator};

use super::super::colophon::is_rights_line;
use super::super::copyright::english_notice;
use super::super::names::Statement;
use super::super::people::{name_line, role_statement};
use super::super::western::by_statement;
use super::{DisplayItem, NAMES_NEAR_TITLE, author_statement, connective};

/// An English title page: the first Latin line is the title, a Latin line right after it the
/// subtitle, `By …` the authors, `Edited by …`/`Translated by …` their roles, and the first
/// block of name lines after the title (`Ada Merrow, Northgate Institute`) the authors;
/// copyright lines are other text.
pub(super) fn english_roles(page: &mut [DisplayItem]) {
    let mut title_seen = false;
    let mut subtitle_open = false;
    // Index of the item holding the open block of unlabelled names; `Some(None)` once closed.
    let mut names_at: Option<Option<usize>> = None;
    let mut title_at = 0;
    let stated = page
        .iter()
        .any(|d| by_statement(&d.text).is_some() || role_statement(&d.text).is_some());
    for i in 0..page.len() {
        // a title broken at a connective goes on: the lone `for` and the line after it
        let broken = title_seen
            && i == title_at + 1
            && page[title_at].role == DisplayRole::Title
            && (connective::alone(&page[i].text) || connective::ends_with(&page[title_at].text));
        if broken {
            page[i].role = DisplayRole::Title;
            title_at = i;
            continue;
        }
        let d = &page[i];
        // the line right under the title is its subtitle, not a name (set apart by a blank
        // line on a page with no `By …` line, a name is a name); names are printed near the
        // title
        let under_title = subtitle_open && (d.line == page[title_at].line + 1 || stated);
        let unlabelled = title_seen
            && (names_at.is_some() || i - title_at <= NAMES_NEAR_TITLE)
            && !(under_title && d.role == DisplayRole::AltTitle)
            && !matches!(names_at, Some(None))
            && by_statement(&d.text).is_none()
            && role_statement(&d.text).is_none();
        if let (true, Some((names, _))) = (unlabelled, name_line(&d.text)) {
            let continues = matches!(names_at, Some(Some(_)));
            let d = &mut page[i];
            d.role = DisplayRole::Authors;
            subtitle_open = false;
            if let Some(Some(at)) = names_at.filter(|_| continues) {
                d.statement = None;
                if let Some(st) = page[at].statement.as_mut() {
                    st.names.extend(names);
                }
            } else {
                d.statement = Some(author_statement(names, &d.text));
                names_at = Some(Some(i));
            }
            continue;
        }
        if matches!(names_at, Some(Some(_))) {
            names_at = Some(None);
        }
        let d = &mut page[i];
        if let Some((code, names)) = role_statement(&d.text) {
            d.role = DisplayRole::Authors;
            d.statement = Some(Statement {
                names,
                role: Relator::marc(code),
                et_al: false,
                printed: d.text.clone(),
            });
            subtitle_open = false;
        } else if let Some(names) = by_statement(&d.text) {
            d.role = DisplayRole::Authors;
            d.statement = Some(Statement {
                names,
                role: Relator::author(),
                et_al: false,
                printed: d.text.clone(),
            });
            subtitle_open = false;
        } else if english_notice(&d.text) || is_rights_line(&d.text) {
            d.role = DisplayRole::Other;
        } else if d.role == DisplayRole::AltTitle && !title_seen {
            d.role = DisplayRole::Title;
            title_seen = true;
            title_at = i;
            subtitle_open = true;
        } else if d.role == DisplayRole::AltTitle && subtitle_open {
            d.role = DisplayRole::Subtitle;
            subtitle_open = false;
        } else {
            // a subtitle follows its title directly
            subtitle_open = false;
        }
    }
}
