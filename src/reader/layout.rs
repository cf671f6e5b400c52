//! Paragraph layout (版式): hard-wrapped lines (硬换行) inside paragraphs, paragraphs shown only
//! by a first-line indent (首行缩进 `　　` or four spaces), and block quotations (引文) indented on
//! every line. Gives each text line a hint — does it continue the text line before it? — that
//! [`super::joins`] follows instead of its punctuation guess.

use super::Line;
use super::kind::Kind;
use super::text::ends_sentence;
use super::text::width;

/// What the layout pass found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Layout {
    /// Per line: `Some(true)` continues the previous text line, `Some(false)` starts a new
    /// paragraph, `None` leaves it to the punctuation rule.
    pub hints: Vec<Option<bool>>,
    /// Paragraphs are shown by a first-line indent (no blank line between them).
    pub indent_mode: bool,
    /// Paragraph starts recognised by their indent: (count, first 1-based line).
    pub indented: (usize, usize),
    /// Hard-wrapped lines rejoined to the line above: (count, first 1-based line).
    pub wrapped: (usize, usize),
    /// Block quotations found: (count, first 1-based line).
    pub quotes: (usize, usize),
}

/// Leading white space in columns: a space 1, an ideographic space 2, a tab 4.
pub fn indent(text: &str) -> usize {
    text.chars()
        .map_while(|c| match c {
            ' ' => Some(1),
            '　' => Some(2),
            '\t' => Some(4),
            _ => None,
        })
        .sum()
}

/// Least indent that marks a paragraph start or a quotation line.
const MIN_INDENT: usize = 2;

/// Share of the typical line width a line must fill to be a wrapped (not a last) line.
const FULL: f64 = 0.8;

/// Widest line (in columns) a hard-wrapping extractor or typist leaves.
const MAX_WRAP: usize = 100;

/// Narrowest measure (in columns) taken for a hard wrap: 20 CJK characters, 40 letters.
const MIN_WRAP: usize = 40;

/// Whether sorted line widths show a hard wrap: a measure of 40–100 columns that many lines
/// (two in five) nearly fill. One paragraph per line gives ragged, often long lines.
pub fn hard_wrapped(sorted_widths: &[usize]) -> bool {
    let Some(&cap) = sorted_widths.get(sorted_widths.len() * 9 / 10) else {
        return false;
    };
    let near = sorted_widths.iter().filter(|&&w| w * 10 >= cap * 9).count();
    (MIN_WRAP..=MAX_WRAP).contains(&cap) && near * 5 >= sorted_widths.len() * 2
}

/// Bumps a (count, first line) tally.
fn tally(t: &mut (usize, usize), line: usize) {
    if t.0 == 0 {
        t.1 = line;
    }
    t.0 += 1;
}

/// For every line, the previous text line and whether a blank line (not at a page break) lies
/// between: one forward pass (a backward scan per line was quadratic in runs of blank lines).
fn previous_texts(kinds: &[Kind], feeds: &[bool]) -> Vec<Option<(usize, bool)>> {
    let mut out = Vec::with_capacity(kinds.len());
    // The last text line not cut off by another kind, and what lies between it and here.
    let mut last: Option<usize> = None;
    let mut blank = false;
    let mut feed = false;
    for (i, kind) in kinds.iter().enumerate() {
        let here = feeds.get(i).copied().unwrap_or(false);
        out.push(last.map(|j| (j, blank && !(feed || here))));
        match kind {
            Kind::Blank => {
                blank = true;
                feed |= here;
            }
            Kind::Furniture | Kind::Note { .. } | Kind::NoteContinuation => feed |= here,
            Kind::Text | Kind::Quote => {
                last = Some(i);
                blank = false;
                feed = false;
            }
            _ => {
                last = None;
                blank = false;
                feed = false;
            }
        }
    }
    out
}

/// Finds quotations and paragraph hints; marks quotation lines [`Kind::Quote`].
pub fn analyse(lines: &[Line<'_>], feeds: &[bool], kinds: &mut [Kind]) -> Layout {
    let mut out = Layout {
        hints: vec![None; kinds.len()],
        ..Layout::default()
    };
    let text: Vec<usize> = (0..kinds.len())
        .filter(|&i| kinds[i] == Kind::Text)
        .collect();
    let prev = previous_texts(kinds, feeds);
    let adjacent = |i: usize| prev[i].is_some_and(|(_, gap)| !gap);
    let adjacent_count = text.iter().filter(|&&i| adjacent(i)).count();
    let indented: Vec<usize> = text
        .iter()
        .copied()
        .filter(|&i| indent(lines[i].text) >= MIN_INDENT)
        .collect();
    let flush_adjacent = text
        .iter()
        .filter(|&&i| indent(lines[i].text) < MIN_INDENT && adjacent(i))
        .count();
    // Indented one-line paragraphs with a few flush lines among them are not this convention:
    // a wrapped paragraph has at least one flush line under its indented first line.
    out.indent_mode =
        indented.len() >= 2 && flush_adjacent >= 2 && flush_adjacent * 2 >= indented.len();
    let mut widths: Vec<usize> = text.iter().map(|&i| width(lines[i].text)).collect();
    widths.sort_unstable();
    let typical = widths.get(widths.len() * 3 / 4).copied().unwrap_or(0) as f64;
    let wrapped_mode =
        !out.indent_mode && adjacent_count >= 3.max(text.len() * 3 / 10) && hard_wrapped(&widths);
    // The paragraph indent is the most common indent; quotations sit deeper (or, where
    // paragraphs are flush, are indented at all).
    // Indented one-line paragraphs (no indent convention, but most lines indented) still
    // set the paragraph indent.
    let indent_is_paragraph = out.indent_mode || indented.len() * 2 >= text.len();
    let para_indent = if indent_is_paragraph {
        let mut counts = std::collections::BTreeMap::new();
        for &i in &indented {
            *counts.entry(indent(lines[i].text)).or_insert(0usize) += 1;
        }
        counts
            .iter()
            .max_by_key(|(w, n)| (**n, std::cmp::Reverse(**w)))
            .map_or(MIN_INDENT, |(w, _)| *w)
    } else {
        MIN_INDENT - 1
    };
    let deep: Vec<bool> = (0..kinds.len())
        .map(|i| kinds[i] == Kind::Text && indent(lines[i].text) > para_indent)
        .collect();
    let deep = |i: usize| deep[i];
    let mut i = 0;
    while i < kinds.len() {
        if !deep(i) {
            i += 1;
            continue;
        }
        let mut run = vec![i];
        let mut j = i + 1;
        while j < kinds.len() && deep(j) && adjacent(j) {
            run.push(j);
            j += 1;
        }
        if run.len() >= 2 {
            tally(&mut out.quotes, lines[i].no);
            for &k in &run {
                kinds[k] = Kind::Quote;
            }
            for &k in &run[1..] {
                out.hints[k] = Some(true);
            }
        }
        i = j;
    }
    for &i in &text {
        let Some((j, gap)) = prev[i] else { continue };
        if kinds[i] != Kind::Text || kinds[j] != Kind::Text || gap {
            continue;
        }
        let hint = if out.indent_mode {
            Some(indent(lines[i].text) < MIN_INDENT)
        } else if wrapped_mode {
            let full = width(lines[j].text) as f64 >= FULL * typical;
            let flush = indent(lines[i].text) < MIN_INDENT;
            Some(flush && (full || !ends_sentence(lines[j].text)))
        } else {
            None
        };
        match hint {
            Some(true) => tally(&mut out.wrapped, lines[i].no),
            Some(false) if out.indent_mode => tally(&mut out.indented, lines[i].no),
            _ => {}
        }
        out.hints[i] = hint;
    }
    out
}

#[cfg(test)]
#[path = "layout_tests.rs"]
mod tests;
