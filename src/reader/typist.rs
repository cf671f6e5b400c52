//! Typists' files (打字稿): hard-wrapped lines with a blank line after every line
//! ("double-spaced"), where one blank line is a line end and two are a paragraph break. Gives
//! such lines the layout hint [`super::layout`] gives adjacent wrapped lines.

use super::Line;
use super::classify::Kind;
use super::joins::ends_sentence;

/// Share of the typical line width a line must fill to be a wrapped (not a last) line.
const FULL: f64 = 0.8;

/// Least number of single-blank gaps between text lines that shows the convention.
const MIN_GAPS: usize = 20;

/// Display width: CJK and full-width characters count 2, others 1.
fn width(text: &str) -> usize {
    text.trim()
        .chars()
        .map(|c| if (c as u32) >= 0x1100 { 2 } else { 1 })
        .sum()
}

/// For each text line, the text line before it and how many blank lines lie between (no other
/// kind of line and no page break between).
fn gaps(kinds: &[Kind], feeds: &[bool]) -> Vec<Option<(usize, usize)>> {
    let mut out = vec![None; kinds.len()];
    let mut last: Option<usize> = None;
    let mut blanks = 0;
    for (i, k) in kinds.iter().enumerate() {
        if feeds.get(i).copied().unwrap_or(false) {
            last = None;
        }
        match k {
            Kind::Blank => blanks += 1,
            Kind::Text => {
                out[i] = last.map(|j| (j, blanks));
                last = Some(i);
                blanks = 0;
            }
            _ => {
                last = None;
                blanks = 0;
            }
        }
    }
    out
}

/// Sets `hints` for text lines after one blank line (continue when the line above is full or
/// unfinished) and after two or more (a new paragraph), when the file is double-spaced: most
/// text lines follow one blank line, few follow none, and the lines are hard-wrapped. Returns (count, first 1-based line).
pub fn double_spaced(
    lines: &[Line<'_>],
    kinds: &[Kind],
    feeds: &[bool],
    hints: &mut [Option<bool>],
) -> (usize, usize) {
    let gaps = gaps(kinds, feeds);
    let single = gaps.iter().flatten().filter(|(_, g)| *g == 1).count();
    let adjacent = gaps.iter().flatten().filter(|(_, g)| *g == 0).count();
    if single < MIN_GAPS || adjacent * 5 > single {
        return (0, 0);
    }
    let mut widths: Vec<usize> = (0..kinds.len())
        .filter(|&i| kinds[i] == Kind::Text)
        .map(|i| width(lines[i].text))
        .collect();
    widths.sort_unstable();
    // One paragraph per line with blank lines between is not this: its lines are ragged.
    if !super::layout::hard_wrapped(&widths) {
        return (0, 0);
    }
    let typical = widths.get(widths.len() * 3 / 4).copied().unwrap_or(0) as f64;
    let mut tally = (0, 0);
    for (i, g) in gaps.iter().enumerate() {
        let Some((j, blanks)) = *g else { continue };
        if blanks == 0 || hints[i].is_some() {
            continue;
        }
        let prev = lines[j].text;
        let joined = blanks == 1
            && (width(prev) as f64 >= FULL * typical || !ends_sentence(prev));
        hints[i] = Some(joined);
        if joined {
            if tally.0 == 0 {
                tally.1 = lines[i].no;
            }
            tally.0 += 1;
        }
    }
    tally
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reader::classify::classify;
    use crate::reader::lines::split;

    #[test]
    fn one_blank_wraps_two_blanks_break() {
        // 20 wrapped pairs: "full line" / blank / "tail." / blank / blank
        let mut text = String::new();
        for n in 0..12 {
            text.push_str(&format!("    the lamp was lit at the corner of the street by {n:02}\n\n"));
            text.push_str("    the keeper.\n\n\n");
            text.push_str("    a short line ends here.\n\n");
            text.push_str("    another paragraph follows it and this line is full too,\n\n");
            text.push_str("    and ends.\n\n\n");
        }
        let lines = split(&text);
        let kinds: Vec<Kind> = lines.iter().map(|l| classify(l.text)).collect();
        let feeds = vec![false; lines.len()];
        let mut hints = vec![None; lines.len()];
        let (n, first) = double_spaced(&lines, &kinds, &feeds, &mut hints);
        assert_eq!((n, first), (24, 3));
        let at = |no: usize| hints[no - 1];
        assert_eq!(at(3), Some(true), "tail after a full line");
        assert_eq!(at(6), Some(false), "two blank lines");
        assert_eq!(at(8), Some(false), "after a short finished line");
        assert_eq!(at(10), Some(true), "after an unfinished line");
    }

    #[test]
    fn one_paragraph_per_line_is_not_double_spacing() {
        let mut text = String::new();
        for n in 0..30 {
            let long = "a paragraph typed on one line and never wrapped by anyone ".repeat(n % 3 + 2);
            text.push_str(&format!("{long}ends.\n\n"));
        }
        let lines = split(&text);
        let kinds: Vec<Kind> = lines.iter().map(|l| classify(l.text)).collect();
        let mut hints = vec![None; lines.len()];
        assert_eq!(
            double_spaced(&lines, &kinds, &vec![false; lines.len()], &mut hints),
            (0, 0)
        );
    }

    #[test]
    fn blank_line_paragraphs_are_not_double_spacing() {
        let mut text = String::new();
        for _ in 0..30 {
            text.push_str("A paragraph of a typist's file wraps here\nand goes on.\n\n");
        }
        let lines = split(&text);
        let kinds: Vec<Kind> = lines.iter().map(|l| classify(l.text)).collect();
        let mut hints = vec![None; lines.len()];
        assert_eq!(
            double_spaced(&lines, &kinds, &vec![false; lines.len()], &mut hints),
            (0, 0)
        );
        assert!(hints.iter().all(Option::is_none));
    }
}
