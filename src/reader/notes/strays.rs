//! Page-foot notes whose numbers pdftotext set apart from their texts (散置的注号): the keys of
//! a page's first notes left alone at the very end of the page, after the notes, and the note
//! texts they number found above the foot run, each starting after a line that ends a sentence
//! and never on a line narrower than a wrapped note line (the body's larger size). A stray key
//! may carry a raised letter of its note's first line that pdftotext set on the number's
//! baseline (`9 A` for the `A` of a logo): the letter is kept at the head of the note's text.

use super::super::Line;
use super::super::kind::Kind;
use super::super::text::ends_sentence;
use super::foot::{Entry, MAX_NOTE_LINES, same_family, successor};
use super::markers::{Style, body, key_alone, normal_key};
use crate::reader::text::width;

/// Keys alone at the very end of a page, no text below them, running in sequence into the run's
/// first key (`1`, `2` before a run opening at `3`): pdftotext set the numbers of the page's
/// first notes after the notes.
pub(super) fn strays(
    lines: &[Line<'_>],
    kinds: &[Kind],
    page: &std::ops::Range<usize>,
    run: &[Entry],
) -> Vec<Entry> {
    let Some(first) = run.first() else {
        return Vec::new();
    };
    let last_line = run.last().map_or(first.line, |e| e.line);
    let mut out: Vec<Entry> = Vec::new();
    for i in (last_line + 1..page.end).rev() {
        match &kinds[i] {
            Kind::Blank => continue,
            Kind::Text | Kind::Furniture | Kind::NoteContinuation => {}
            _ => break,
        }
        let Some((key, style, residue)) = stray_key(lines[i].text) else {
            break;
        };
        out.push(Entry {
            line: i,
            key: normal_key(key).into_owned(),
            style,
            text: residue.to_string(),
        });
    }
    out.reverse();
    // keep the keys that run in sequence into the run's first key
    let mut keep = out.len();
    let mut next = first.key.clone();
    while keep > 0 {
        let e = &out[keep - 1];
        if successor(&e.key).as_deref() != Some(next.as_str()) || !same_family(e.style, first.style)
        {
            break;
        }
        next = e.key.clone();
        keep -= 1;
    }
    let ok = keep == 0 || out[..keep].iter().all(|e| kinds[e.line] == Kind::Furniture);
    if ok { out.split_off(keep) } else { Vec::new() }
}

/// Most letters a stray key may carry after it (raised glyphs of its note's first line).
const MAX_RESIDUE: usize = 2;

/// A line that is a key alone (`10`) or a key and a raised letter of its note's first line set
/// on the number's baseline (`9 A`): (key, style, the letters; empty for a key alone).
fn stray_key(text: &str) -> Option<(&str, Style, &str)> {
    if let Some((key, style)) = key_alone(text) {
        return Some((key, style, ""));
    }
    let (key, style, rest) = body(text)?;
    let letters = rest.chars().count() <= MAX_RESIDUE
        && rest
            .chars()
            .all(|c| c.is_alphabetic() && !super::markers::is_ideograph(c));
    (letters && style == Style::Digits).then_some((key, style, rest))
}

/// Lines at the very end of a page that are stray keys carrying letters (`9 A`) in a block of
/// two or more stray keys numbered in sequence (`9 A`, `10`): they are no foot entries of their
/// own (the letters are no note's text), [`strays`] takes them with the keys alone.
pub(super) fn trailing_with_letters(
    lines: &[Line<'_>],
    kinds: &[Kind],
    page: &std::ops::Range<usize>,
) -> Vec<usize> {
    let mut block: Vec<(usize, String, bool)> = Vec::new();
    for i in page.clone().rev() {
        match &kinds[i] {
            Kind::Blank => continue,
            Kind::Text | Kind::Furniture => {}
            _ => break,
        }
        let Some((key, _, residue)) = stray_key(lines[i].text) else {
            break;
        };
        block.push((i, normal_key(key).into_owned(), !residue.is_empty()));
    }
    block.reverse();
    let in_sequence = block
        .windows(2)
        .all(|w| successor(&w[0].1).as_deref() == Some(w[1].1.as_str()));
    if block.len() < 2 || !in_sequence {
        return Vec::new();
    }
    block.into_iter().filter(|b| b.2).map(|b| b.0).collect()
}

/// The first lines of `n` notes set without their numbers right above a run starting at `zone`
/// and below the text of the page (which ends at line `body_end`): each note starts after a
/// line that ends a sentence. `None` when the lines do not divide so.
pub(super) fn stray_texts(
    lines: &[Line<'_>],
    kinds: &[Kind],
    zone: usize,
    body_end: usize,
    n: usize,
) -> Option<Vec<usize>> {
    let mut starts = Vec::with_capacity(n);
    let mut i = zone;
    for _ in 0..n {
        let mut start = i.checked_sub(1)?;
        while start > body_end + 1
            && kinds[start - 1] == Kind::Text
            && !ends_sentence(lines[start - 1].text)
            && i - start < MAX_NOTE_LINES
            && !narrower_than_note(lines, start - 1, i)
        {
            start -= 1;
        }
        if start <= body_end || kinds[start] != Kind::Text {
            return None;
        }
        starts.push(start);
        i = start;
    }
    let top = *starts.last()?;
    let boundary = top.checked_sub(1)?;
    (ends_sentence(lines[boundary].text)
        || kinds[boundary] != Kind::Text
        || narrower_than_note(lines, boundary, zone))
    .then(|| {
        starts.reverse();
        starts
    })
}

/// Least share of the widest line below it that a note's wrapped line fills.
const FULL_NOTE_LINE: f64 = 0.9;

/// Whether line `above`, were it the first line of the note on the lines below it down to
/// `end`, would be narrower than a wrapped note line: a note line that wraps fills the foot's
/// measure, as wide as the note's widest line. A narrower line is the page's text broken off
/// above the foot (`…自定义中文字体。然` going on over the page), set in the body's larger
/// size, not the note's first line.
fn narrower_than_note(lines: &[Line<'_>], above: usize, end: usize) -> bool {
    let widest = (above + 1..end)
        .map(|j| width(lines[j].text))
        .max()
        .unwrap_or(0);
    (width(lines[above].text) as f64) < FULL_NOTE_LINE * widest as f64
}

#[cfg(test)]
mod tests {
    use super::super::tests::run;
    use crate::model::Inline;

    #[test]
    fn stray_keys_at_the_page_end_number_the_notes_above_the_run() {
        // (what, manuscript, each line's kind, each note's (mark, text))
        type Case = (
            &'static str,
            &'static str,
            &'static [&'static str],
            &'static [(&'static str, &'static str)],
        );
        let cases: &[Case] = &[
            (
                "keys alone after the run number its first notes",
                "第一章 河\n\u{c}正文说到引擎3 ，又说到系统4 ，还说到默认值5 。\n下文接着写完。\n甲引擎与乙引擎。\n系统分为三类。\n5\n粗体表示默认值。\n3\n\n4\n\u{c}下页。",
                &[
                    "Chapter",
                    "Text",
                    "Text",
                    "Note 3",
                    "Note 4",
                    "Note 5",
                    "NoteContinuation",
                    "Furniture",
                    "Blank",
                    "Furniture",
                    "Text",
                ],
                &[
                    ("3", "甲引擎与乙引擎。"),
                    ("4", "系统分为三类。"),
                    ("5", "粗体表示默认值。"),
                ],
            ),
            (
                "a key carrying a raised letter of its note (`3 A`) keeps the letter in the note; \
                 a marker after a full stop (`默认值。5 使用`) is called",
                "第一章 河\n\u{c}正文说到引擎3 ，又说到系统4 ，\n还说到默认值。5 使用某宏包，\n将字库映射到文\n件。\nBC 格式与 DBC 格式。\n系统分为三类。\n5\n粗体表示默认值。\n3 A\n\n4\n\u{c}下页。",
                &[
                    "Chapter",
                    "Text",
                    "Text",
                    "Text",
                    "Text",
                    "Note 3",
                    "Note 4",
                    "Note 5",
                    "NoteContinuation",
                    "Furniture",
                    "Blank",
                    "Furniture",
                    "Text",
                ],
                &[
                    ("3", "A BC 格式与 DBC 格式。"),
                    ("4", "系统分为三类。"),
                    ("5", "粗体表示默认值。"),
                ],
            ),
            (
                "a key with letters alone at the page end is a note of its own",
                "第一章 河\n\u{c}正文说到引擎3 。\n下文接着写完。\n3 A\n\u{c}下页。",
                &["Chapter", "Text", "Text", "Note 3", "Text"],
                &[("3", "A")],
            ),
        ];
        for (what, input, want, notes) in cases {
            let (links, got) = run(input);
            assert_eq!(&got, want, "{what}");
            let texts: Vec<(String, String)> = links
                .notes
                .iter()
                .map(|n| {
                    let text = n
                        .content
                        .iter()
                        .map(|i| match i {
                            Inline::Text(t) => t.as_str(),
                            _ => "",
                        })
                        .collect::<String>();
                    (n.mark.clone(), text)
                })
                .collect();
            let want: Vec<(String, String)> = notes
                .iter()
                .map(|(m, t)| (m.to_string(), t.to_string()))
                .collect();
            assert_eq!(texts, want, "{what}");
            assert_eq!(links.refs.len(), notes.len(), "{what}: every note linked");
        }
    }
}
