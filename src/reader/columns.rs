//! 双栏页 (two-column pages) in `pdftotext -layout` output: the two columns of a page come out
//! side by side on each line, split by a gutter of white space at the same column. Such a page
//! is reported (its reading order cannot be trusted); the text is kept as extracted.

use crate::diag::{Code, Diagnostic};

use super::Line;

/// Least width (columns) of a gutter.
const MIN_GUTTER: usize = 3;

/// Least width (columns) of the text on each side of a gutter.
const MIN_SIDE: usize = 12;

/// Least number of lines of a page split at the same gutter.
const MIN_LINES: usize = 8;

/// The column where the text after a gutter of wide white space begins (the second column's
/// left edge, aligned down the page), when the line has exactly one gutter, with enough text
/// on both sides.
fn gutter(text: &str) -> Option<usize> {
    let body = text.trim_end();
    let lead = body.len() - body.trim_start().len();
    if !body[lead..].contains("   ") {
        // no run of MIN_GUTTER spaces after the indent: no gutter (most lines)
        return None;
    }
    let mut found = None;
    let mut col = 0;
    let mut run = 0;
    let mut run_start = 0;
    for (i, c) in body.chars().enumerate() {
        if c == ' ' && i >= lead {
            if run == 0 {
                run_start = col;
            }
            run += 1;
        } else {
            if run >= MIN_GUTTER {
                if found.is_some() {
                    return None;
                }
                found = Some((run_start, col));
            }
            run = 0;
        }
        col += unicode_width::UnicodeWidthChar::width_cjk(c).unwrap_or(0);
    }
    let (start, end) = found?;
    let width = unicode_width::UnicodeWidthStr::width_cjk(body);
    (start >= lead + MIN_SIDE && width >= end + MIN_SIDE).then_some(end)
}

/// How many of the sorted edges `cols` lie within two columns of the commonest edge: for each
/// edge, the edges in `c - 2 ..= c + 2`, counted between two pointers moving down the list.
fn commonest_edge(cols: &[usize]) -> usize {
    let (mut lo, mut hi, mut best) = (0, 0, 0);
    for &c in cols {
        while cols[lo] + 2 < c {
            lo += 1;
        }
        while hi < cols.len() && cols[hi] <= c + 2 {
            hi += 1;
        }
        best = best.max(hi - lo);
    }
    best
}

/// One warning per page whose text lines are mostly split at one gutter column: the page's
/// first line.
pub fn detect(lines: &[Line<'_>], form_feed: &[bool]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut start = 0;
    for end in 1..=lines.len() {
        if end < lines.len() && !form_feed.get(end).copied().unwrap_or(false) {
            continue;
        }
        let page = &lines[start..end];
        let text: Vec<&Line<'_>> = page.iter().filter(|l| !l.text.trim().is_empty()).collect();
        let mut cols: Vec<usize> = text.iter().filter_map(|l| gutter(l.text)).collect();
        cols.sort_unstable();
        let best = commonest_edge(&cols);
        if best >= MIN_LINES && best * 5 >= text.len() * 3 {
            let first = text.first().map_or(page[0].no, |l| l.no);
            out.push(Diagnostic::new(
                Code::TwoColumnPage,
                first,
                "this page is set in two columns, extracted side by side on each line; its \
                 reading order is not reliable (extract it without -layout)",
            ));
        }
        start = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commonest_edge_counts_neighbours_within_two() {
        let cases: &[(&[usize], usize)] = &[
            (&[], 0),
            (&[5], 1),
            (&[1, 3, 5, 7], 3),
            (&[10, 10, 11, 13, 20, 21, 22, 23, 24], 5),
            (&[0, 0, 2, 2, 5], 4),
        ];
        for (cols, want) in cases {
            // the same count as trying every pair
            let pairs = cols
                .iter()
                .map(|&c| cols.iter().filter(|&&d| d.abs_diff(c) <= 2).count())
                .max()
                .unwrap_or(0);
            assert_eq!(commonest_edge(cols), *want, "{cols:?}");
            assert_eq!(pairs, *want, "{cols:?}");
        }
    }

    #[test]
    fn gutters() {
        assert_eq!(
            gutter("The harbour light was lit      every evening the keepers"),
            Some(31)
        );
        assert_eq!(gutter("    A plain indented line of prose."), None);
        assert_eq!(gutter("Name      Height      Time"), None);
        assert_eq!(gutter("short     text"), None);
    }

    #[test]
    fn a_two_column_page_is_reported_once() {
        let mut text = String::from("Title\n\u{c}");
        for i in 0..10 {
            text.push_str(&format!(
                "left column line {i:02} of the page      right column line {i:02} goes on\n"
            ));
        }
        text.push_str("\u{c}One column prose on the next page, as usual.\n");
        let paged = super::super::lines::split_pages(&text);
        let d = detect(&paged.lines, &paged.form_feed);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].span.line, 2);
    }
}
