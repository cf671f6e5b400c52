//! Title lines of number-only labels: the title printed below its label (`1.1.1` / blank /
//! `标题`, a 回目 couplet over two lines) or above it (`标题` / blank / `2.3`).

use crate::reader::Line;
use crate::reader::kind::Kind;
use crate::reader::labels::stopped_title;
use crate::reader::text::ends_sentence;

use super::{Family, Numbered, label, margin};

/// Longest title line printed below a number-only label, in characters.
const MAX_TITLE_LINE: usize = 80;

/// Whether a line is one half of a 回目 couplet: a short run of Han characters, no punctuation.
fn couplet_half(text: &str) -> bool {
    let han = text
        .chars()
        .filter(|&c| crate::reader::script::is_han(c))
        .count();
    (4..=12).contains(&han)
        && text
            .trim()
            .chars()
            .all(|c| crate::reader::script::is_han(c) || c.is_whitespace())
}

/// Whether line `j` (a title below a `第N回` label) is the first line of a two-line couplet
/// title: the next line is the other half, and a blank line (or the end) follows it.
pub fn couplet_below(lines: &[Line<'_>], kinds: &[Kind], j: usize) -> bool {
    kinds.get(j + 1) == Some(&Kind::Text)
        && kinds.get(j + 2).is_none_or(margin)
        && couplet_half(lines[j].text)
        && couplet_half(lines[j + 1].text)
}

/// Longest title line a paragraph may follow directly, below a decimal label set apart from
/// it by a blank line, in characters.
const MAX_SHORT_TITLE: usize = 40;

/// The title printed on its own line below a number-only label (`1.1.1` / blank / `标题`; a
/// folio between them is furniture). A title line stands alone — a blank line (or the end)
/// follows it — except below a number word alone (`Three`, a chapter opening whose text may
/// follow its title directly) and below a decimal label set apart by a blank line, when the
/// title is short; a `第N回` label's title may be a couplet on two lines.
pub(super) fn title_below(
    lines: &[Line<'_>],
    kinds: &[Kind],
    i: usize,
    numbered: &Numbered,
) -> Option<usize> {
    let spelt = numbered.family == Family::Word;
    let hui = numbered.label.ends_with('回');
    let dotted = matches!(numbered.family, Family::Decimal(d) | Family::Lettered(d) if d >= 2);
    let j = (i + 1..kinds.len().min(i + 6)).find(|&j| !margin(&kinds[j]))?;
    let t = lines[j].text.trim();
    let apart = kinds[i + 1] == Kind::Blank;
    let short = dotted && apart && t.chars().count() <= MAX_SHORT_TITLE;
    let alone = spelt
        || short
        || kinds.get(j + 1).is_none_or(margin)
        || hui && couplet_below(lines, kinds, j);
    let ok = kinds[j] == Kind::Text
        && alone
        && t.chars().count() <= MAX_TITLE_LINE
        && t.chars().any(char::is_alphanumeric)
        && (!ends_sentence(t) || t.ends_with(['?', '？']) || stopped_title(t))
        && label::parse(t).is_none();
    ok.then_some(j)
}

/// The title printed on its own line above a decimal label that stands alone (`标题` / blank /
/// `2.3` / blank): a short line with no sentence end, blank lines (or a page edge) around it
/// and the label. `gap`: a blank line comes between them. Bare numbers (`12`) never take a
/// title above: they are folios and code line numbers as often as labels.
pub(super) fn title_above(
    lines: &[Line<'_>],
    kinds: &[Kind],
    i: usize,
    numbered: &Numbered,
    gap: bool,
) -> Option<usize> {
    let dotted = matches!(numbered.family, Family::Decimal(d) | Family::Lettered(d) if d >= 2);
    if !dotted || !gap || !kinds.get(i + 1).is_none_or(margin) {
        return None;
    }
    let j = (i.saturating_sub(4)..i)
        .rev()
        .find(|&j| !margin(&kinds[j]))?;
    let t = lines[j].text.trim();
    let ok = kinds[j] == Kind::Text
        && j > 0
        && margin(&kinds[j - 1])
        && t.chars().count() <= MAX_TITLE_LINE
        && t.chars().any(char::is_alphanumeric)
        && !ends_sentence(t)
        && label::parse(t).is_none();
    ok.then_some(j)
}

/// A page number alone on the next content line below a number-only label of two or more
/// parts (`1.1.3` / `9`): the folio of a page head pdftotext set between the label and its
/// title. A chapter's number (`5` / `39`) is not looked past: either line may be the label.
pub(super) fn folio_below(
    lines: &[Line<'_>],
    kinds: &[Kind],
    i: usize,
    numbered: &Numbered,
) -> Option<usize> {
    if numbered.numbers.len() < 2 {
        return None;
    }
    let j = (i + 1..kinds.len().min(i + 4)).find(|&j| !margin(&kinds[j]))?;
    let t = lines[j].text.trim();
    let folio = kinds[j] == Kind::Text
        && (1..=4).contains(&t.len())
        && t.bytes().all(|b| b.is_ascii_digit());
    folio.then_some(j)
}
