//! Typists' files (打字稿, Project Gutenberg texts): shapes a typist draws with plain
//! characters. Double-spaced hard wraps (one blank line is a line end, two a paragraph
//! break); `*       *       *` scene breaks; `[Illustration: caption]` lines; tables drawn
//! with spaces (kept preformatted); indented verse and quotations (their lines kept).

use crate::model::{Block, Book, Division, Inline, Para, Preformatted};

use super::Line;
use super::kind::Kind;
use super::text::ends_sentence;
use super::text::width;

/// Share of the typical line width a line must fill to be a wrapped (not a last) line.
const FULL: f64 = 0.8;

/// Least number of single-blank gaps between text lines that shows the convention.
const MIN_GAPS: usize = 20;

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
        let joined = blanks == 1 && (width(prev) as f64 >= FULL * typical || !ends_sentence(prev));
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

/// `*       *       *`, `* * * * *`, `*****`, `⁂`: a line of nothing but three or more stars.
pub fn is_scene_break(text: &str) -> bool {
    let t = text.trim();
    t == "⁂"
        || (t.chars().filter(|&c| c == '*').count() >= 3
            && t.chars().all(|c| c == '*' || c.is_whitespace()))
}

/// `[Illustration: caption]` or `[Illustration]` opening a line.
pub fn opens_illustration(text: &str) -> bool {
    let t = text.trim_start();
    t.len() >= 13 && t.is_char_boundary(13) && t[..13].eq_ignore_ascii_case("[illustration")
}

/// Most lines a caption may run over before its `]`.
const MAX_CAPTION_LINES: usize = 12;

/// Least lines of a table drawn with spaces.
const MIN_TABLE_LINES: usize = 3;

/// Whether a line has a column gap: three spaces or more after its first word, or is a rule
/// drawn with `-`, `=` or `+`.
fn columned(text: &str) -> bool {
    let t = text.trim();
    let rule = t.chars().filter(|&c| c == '-' || c == '=').count() >= 3
        && t.chars().all(|c| matches!(c, '-' | '=' | '+' | '|' | ' '));
    rule || t.contains("   ")
}

/// What [`mark_blocks`] found: (count, first 1-based line) per shape.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Shapes {
    /// Scene breaks.
    pub breaks: (usize, usize),
    /// Illustration captions.
    pub illustrations: (usize, usize),
    /// Tables kept preformatted.
    pub tables: (usize, usize),
    /// Verse and quotation lines whose line breaks are kept.
    pub verse: (usize, usize),
}

fn bump(t: &mut (usize, usize), line: usize) {
    if t.0 == 0 {
        t.1 = line;
    }
    t.0 += 1;
}

/// Marks scene breaks, illustration captions, tables and verse among the text lines of a
/// typist's file, and the layout hints that keep a caption or table together.
pub fn mark_blocks(lines: &[Line<'_>], kinds: &mut [Kind], hints: &mut [Option<bool>]) -> Shapes {
    let mut out = Shapes::default();
    let text = |k: &Kind| matches!(k, Kind::Text | Kind::Quote);
    // Captions first: a `[Illustration` line up to its closing bracket.
    let mut i = 0;
    while i < kinds.len() {
        if !(text(&kinds[i]) && opens_illustration(lines[i].text)) {
            i += 1;
            continue;
        }
        let mut depth = 0i64;
        let mut end = i;
        for (j, l) in lines.iter().enumerate().skip(i).take(MAX_CAPTION_LINES) {
            depth += l.text.matches('[').count() as i64 - l.text.matches(']').count() as i64;
            end = j;
            if depth <= 0 || !text(&kinds[j]) {
                break;
            }
        }
        if depth > 0 {
            i += 1;
            continue;
        }
        for j in i..=end {
            kinds[j] = Kind::Illustration;
            hints[j] = Some(j > i);
        }
        bump(&mut out.illustrations, lines[i].no);
        i = end + 1;
    }
    // Tables: runs of adjacent text lines, nearly all with column gaps (each run looked at once).
    let mut i = 0;
    while i < kinds.len() {
        if !text(&kinds[i]) || lines[i].text.trim().is_empty() {
            i += 1;
            continue;
        }
        let end = (i..kinds.len())
            .find(|&j| !text(&kinds[j]) || lines[j].text.trim().is_empty())
            .unwrap_or(kinds.len());
        let gapped = (i..end).filter(|&j| columned(lines[j].text)).count();
        if end - i >= MIN_TABLE_LINES && gapped * 4 >= (end - i) * 3 {
            for j in i..end {
                kinds[j] = Kind::Preformatted;
                hints[j] = Some(j > i);
            }
            bump(&mut out.tables, lines[i].no);
        }
        i = end;
    }
    // Scene breaks and verse, line by line.
    for (i, k) in kinds.iter_mut().enumerate() {
        if !text(k) {
            continue;
        }
        if is_scene_break(lines[i].text) {
            *k = Kind::SceneBreak;
            bump(&mut out.breaks, lines[i].no);
        } else if *k == Kind::Quote {
            *k = Kind::Verse;
            bump(&mut out.verse, lines[i].no);
        }
    }
    out
}

/// A table chunk's lines (joined with `\n`) without their common indent.
pub fn preformatted(p: &Para) -> Preformatted {
    let text = crate::model::plain_text(&p.content);
    let lines: Vec<&str> = text.split('\n').collect();
    let indent = lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    Preformatted {
        lines: lines
            .iter()
            .map(|l| l.get(indent..).unwrap_or("").trim_end().to_string())
            .collect(),
        line: p.line,
    }
}

/// `[Illustration: The shop at dusk]` → `The shop at dusk`; `[Illustration]` → `Illustration`.
pub fn caption(mut p: Para) -> Para {
    let single = p.content.len() == 1;
    if let Some(Inline::Text(t)) = p.content.first_mut() {
        let s = t.trim_start();
        if opens_illustration(s) {
            let rest = s[13..].trim_start_matches(':').trim_start().to_string();
            *t = if rest.trim_start_matches(']').is_empty() && single {
                "Illustration".to_string()
            } else {
                rest
            };
        }
    }
    if let Some(Inline::Text(t)) = p.content.last_mut() {
        if let Some(stripped) = t.trim_end().strip_suffix(']') {
            *t = stripped.trim_end().to_string();
        }
    }
    p
}

/// Merges adjacent quotations (stanzas of one poem, paragraphs of one letter) into one.
pub fn merge_quotes(book: &mut Book) {
    fn division(d: &mut Division) {
        let mut out: Vec<Block> = Vec::with_capacity(d.blocks.len());
        for b in std::mem::take(&mut d.blocks) {
            match (out.last_mut(), b) {
                (Some(Block::Quote(prev)), Block::Quote(more)) => prev.extend(more),
                (_, b) => out.push(b),
            }
        }
        d.blocks = out;
        d.children.iter_mut().for_each(division);
    }
    book.front
        .iter_mut()
        .chain(book.body.iter_mut())
        .chain(book.back.iter_mut())
        .for_each(division);
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
            text.push_str(&format!(
                "    the lamp was lit at the corner of the street by {n:02}\n\n"
            ));
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
            let long =
                "a paragraph typed on one line and never wrapped by anyone ".repeat(n % 3 + 2);
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

    #[test]
    fn shapes_table() {
        let table: &[(&str, bool, bool)] = &[
            // (line, scene break, opens an illustration)
            (
                "                       *       *       *       *       *",
                true,
                false,
            ),
            ("  * * *", true, false),
            ("*****", true, false),
            ("⁂", true, false),
            ("**", false, false),
            ("* a list item", false, false),
            ("[Illustration: The shop at dusk]", false, true),
            ("   [ILLUSTRATION]", false, true),
            ("[Illus.]", false, false),
        ];
        for (text, brk, ill) in table {
            assert_eq!(is_scene_break(text), *brk, "{text:?}");
            assert_eq!(opens_illustration(text), *ill, "{text:?}");
        }
    }

    #[test]
    fn blocks_are_marked() {
        let text = "\
Text before.

[Illustration: A long caption that
wraps onto a second line]

    Name      Age
    ------    ---
    Tom       12

Two double  spaces.  In prose
are  not a table  at all.

      *       *       *
";
        let lines = split(text);
        let mut kinds: Vec<Kind> = lines.iter().map(|l| classify(l.text)).collect();
        let mut hints = vec![None; lines.len()];
        let shapes = mark_blocks(&lines, &mut kinds, &mut hints);
        assert_eq!(shapes.illustrations, (1, 3));
        assert_eq!(shapes.tables, (1, 6));
        assert_eq!(shapes.breaks, (1, 13));
        assert_eq!(kinds[3], Kind::Illustration);
        assert_eq!(hints[3], Some(true));
        assert_eq!(kinds[7], Kind::Preformatted);
        assert_eq!(kinds[9], Kind::Text);
        let pre = preformatted(&Para {
            content: vec![Inline::Text("    Name      Age\n    Tom       12".into())],
            line: 6,
        });
        assert_eq!(pre.lines, ["Name      Age", "Tom       12"]);
        let cap = caption(Para {
            content: vec![Inline::Text("[Illustration: A shop]".into())],
            line: 1,
        });
        assert_eq!(cap.text(), "A shop");
        let bare = caption(Para {
            content: vec![Inline::Text("[Illustration]".into())],
            line: 1,
        });
        assert_eq!(bare.text(), "Illustration");
    }
}
