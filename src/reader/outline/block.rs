//! Where a block of text ends without a finished sentence (块尾): the evidence that lets a
//! line the printed contents lists start afresh right under program text or an indented
//! display line (a list item, a URL) in `-layout` text, measured against the body's measure.

use crate::reader::Line;
use crate::reader::kind::Kind;

/// The measure of the body's text in display columns (the width nine lines in ten stay
/// within), or `None` when there are too few lines or they are too short to tell.
pub fn measure(lines: &[Line<'_>], start: usize) -> Option<usize> {
    let mut widths: Vec<usize> = lines[start.min(lines.len())..]
        .iter()
        .map(|l| extent(l.text.trim_end()))
        .filter(|&w| w > 0)
        .collect();
    if widths.len() < MIN_MEASURED {
        return None;
    }
    widths.sort_unstable();
    let w = widths[widths.len() * 9 / 10];
    (w >= MIN_MEASURE).then_some(w)
}

/// Columns a line reaches, its indentation counted (unlike [`crate::reader::text::width`]), as
/// unicode-width counts them for CJK print (`width_cjk`), printable
/// ASCII counted by its length without the table look-ups (the body of an English book).
fn extent(text: &str) -> usize {
    if text.bytes().all(|b| (b' '..=b'~').contains(&b)) {
        return text.len();
    }
    unicode_width::UnicodeWidthStr::width_cjk(text)
}

/// Fewest body lines [`measure`] reads a measure from.
const MIN_MEASURED: usize = 50;

/// Narrowest measure (display columns) a short line is told by.
const MIN_MEASURE: usize = 40;

/// Whether the line before line `i` ends a block although it ends no sentence, so that a
/// labelled contents entry printed on line `i` starts afresh: it is program text (a listing
/// never runs into prose), or an indented display line (a list item, a URL) well short of the
/// measure with line `i` out-dented from it.
pub fn ends(lines: &[Line<'_>], kinds: &[Kind], i: usize, measure: Option<usize>) -> bool {
    let Some(j) = (0..i).rev().find(|&j| kinds[j] != Kind::Furniture) else {
        return true;
    };
    let prev = lines[j].text;
    if crate::reader::code::code_like(prev) {
        return true;
    }
    let indent = crate::reader::layout::indent;
    let width = extent(prev.trim_end());
    measure.is_some_and(|m| {
        indent(prev) >= 4 && width * 10 <= m * 7 && indent(lines[i].text) < indent(prev)
    })
}
