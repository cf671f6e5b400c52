//! Run-in contents entries: the sub-entries of one section printed one after another as a
//! paragraph, each with its page (`8.1.1 Block paragraph 127, 8.1.2 Hanging paragraphs 128`),
//! often wrapped over two or three lines. They become one line per entry before parsing.

use crate::reader::Line;

/// Longest page number of a run-in entry, in digits.
const MAX_PAGE_DIGITS: usize = 4;

/// How many lines one run of entries may take.
const MAX_RUN_LINES: usize = 4;

/// Whether `text` (from a `, `) begins an entry: a letter, or a decimal label (`8.4.2`, `B.1`).
fn entry_start(text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    if !first.is_ascii_digit() {
        return !first.is_whitespace() && first != ',';
    }
    decimal_start(text)
}

/// Whether `head` ends in `<word> <page>`: a page number after a space after a word that
/// holds a letter (`Hanging paragraphs 128`, `demo3 403`).
fn ends_in_page(head: &str) -> bool {
    let title = head.trim_end_matches(|c: char| c.is_ascii_digit());
    let digits = head.len() - title.len();
    (1..=MAX_PAGE_DIGITS).contains(&digits)
        && title.ends_with(' ')
        && title
            .trim_end()
            .rsplit(' ')
            .next()
            .is_some_and(|w| w.chars().any(char::is_alphabetic) && !w.ends_with(','))
}

/// Byte offsets of the `, ` separators between run-in entries in `text`: a page number
/// before (`… 127`), the next entry's label or title after.
fn separators(text: &str) -> Vec<usize> {
    text.match_indices(", ")
        .map(|(at, _)| at)
        .filter(|&at| ends_in_page(&text[..at]) && entry_start(&text[at + 2..]))
        .collect()
}

/// Whether a contents line holds run-in entries: two or more, or one after a line that
/// starts with a decimal label (`2.4.1 A note 13, 2.4.2 Specifying the`).
pub fn is_run_in(text: &str) -> bool {
    let t = text.trim();
    let n = separators(t).len();
    n >= 2 || n == 1 && decimal_start(t)
}

/// Whether text starts with a decimal label (`2.4.1`, `E.5.1`).
fn decimal_start(text: &str) -> bool {
    let label = text.split(' ').next().unwrap_or("");
    label.contains('.')
        && label
            .trim_end_matches('.')
            .split('.')
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_alphanumeric()))
        && label.bytes().any(|b| b.is_ascii_digit())
}

/// Whether a run's text is complete: it ends in its last entry's page number.
fn complete(text: &str) -> bool {
    ends_in_page(text.trim_end())
}

/// Joins a run's next line: a word broken by a hyphen (`Mathemat-` / `ics`) is rejoined.
fn join(run: &mut String, next: &str) {
    let next = next.trim();
    let broken = run.ends_with('-')
        && run[..run.len() - 1]
            .chars()
            .last()
            .is_some_and(char::is_alphabetic)
        && next.chars().next().is_some_and(char::is_lowercase);
    if broken {
        run.pop();
    } else if !run.is_empty() {
        run.push(' ');
    }
    run.push_str(next);
}

/// The contents lines with each run of entries split into one line per entry (indented as the
/// run's first line, numbered by the line each entry starts on); other lines as they are.
pub fn expand(lines: &[&Line<'_>]) -> Vec<(usize, String)> {
    let mut out = Vec::with_capacity(lines.len());
    let mut k = 0;
    while k < lines.len() {
        let line = lines[k];
        if !is_run_in(line.text) {
            out.push((line.no, line.text.to_string()));
            k += 1;
            continue;
        }
        let indent = line.text.len() - line.text.trim_start().len();
        let mut run = String::new();
        // where each line's text starts in the run
        let mut starts: Vec<(usize, usize)> = Vec::new();
        let mut taken = 0;
        while k < lines.len() && taken < MAX_RUN_LINES && (taken == 0 || !complete(&run)) {
            starts.push((run.len() + usize::from(!run.is_empty()), lines[k].no));
            join(&mut run, lines[k].text);
            k += 1;
            taken += 1;
        }
        let mut from = 0;
        let cuts = separators(&run);
        for end in cuts.iter().copied().chain(std::iter::once(run.len())) {
            let piece = run[from..end].trim();
            let no = starts
                .iter()
                .rev()
                .find(|(at, _)| *at <= from)
                .map_or(line.no, |(_, no)| *no);
            if !piece.is_empty() {
                out.push((no, format!("{}{piece}", " ".repeat(indent))));
            }
            from = (end + 2).min(run.len());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn run_in_lines_are_told_from_entries_and_prose() {
        let cases = [
            ("   3.3.1 Wells 49, 3.3.2 Springs 50", true),
            (
                "   4.2.1 A word on the width of the weir 13, 4.2.2 Setting the",
                true,
            ),
            (
                "rain 133, 5.4.4 Some small ponds 133, 5.4.5 Left bank right 134",
                true,
            ),
            (
                "Old Mill 273, River's end 273, Eels 274, At the source 274, Hydro-",
                true,
            ),
            ("   3.1    Wells . . . . . . . . . . . 35", false),
            ("   3.6.1 Deep wells 55", false),
            ("   C.2.1 Weirs 442, C.2.2 Locks 443", true),
            (
                "C.1.1 Mills 402, C.1.2 Mill, Mill2 and mill3 403, C.1.3 Ponds 403,",
                true,
            ),
            ("Chapter 3, 4 and 5 . . . 12", false),
            (
                "The mill was built in 1901, and it burnt down in 1952.",
                false,
            ),
        ];
        for (text, want) in cases {
            assert_eq!(is_run_in(text), want, "{text:?}");
        }
    }

    #[test]
    fn runs_become_one_line_per_entry() {
        let text = "3.3 Wells . . . 49\n      3.3.1 Deep wells 49, 3.3.2 Shallow\n      wells 50, 3.3.3 Hydro-\n      logy 52\n3.4 Ponds . . . 53\n      3.4.1 Mill ponds 53, 3.4.2 Fish ponds 54,\n      3.4.3 Dew ponds 55\n      Old Mill 60, River's end 61, Eels 62, Weirs\n      and locks 63\n";
        let lines = crate::reader::lines::split(text);
        let refs: Vec<&Line<'_>> = lines.iter().filter(|l| !l.text.is_empty()).collect();
        let got = expand(&refs);
        let want: Vec<(usize, String)> = [
            (1, "3.3 Wells . . . 49"),
            (2, "      3.3.1 Deep wells 49"),
            (2, "      3.3.2 Shallow wells 50"),
            (3, "      3.3.3 Hydrology 52"),
            (5, "3.4 Ponds . . . 53"),
            (6, "      3.4.1 Mill ponds 53"),
            (6, "      3.4.2 Fish ponds 54"),
            (7, "      3.4.3 Dew ponds 55"),
            (8, "      Old Mill 60"),
            (8, "      River's end 61"),
            (8, "      Eels 62"),
            (8, "      Weirs and locks 63"),
        ]
        .iter()
        .map(|(n, t)| (*n, t.to_string()))
        .collect();
        assert_eq!(got, want);
    }
}

#[cfg(test)]
mod parse_tests {
    use crate::reader::toc::parse_contents;

    #[test]
    fn run_in_entries_take_their_labels_depth_whatever_the_indent() {
        // the odd page indents its entries one column further than the even page
        let text = "1 Wells . . . . . . . . 1\n   1.1   Deep wells . . . . . 1\n         1.1.1 Bores 2, 1.1.2 Shafts 3, 1.1.3 Hydro-\n         logy 4\n    1.2   Shallow wells . . . . 5\n           1.2.1 Springs 5\n2 Ponds . . . . . . . . 9\n     2.1   Dew ponds . . . . . 9\n";
        let lines = crate::reader::lines::split(text);
        let (entries, _) = parse_contents(&lines);
        let got: Vec<(u8, Option<&str>, &str, Option<&str>)> = entries
            .iter()
            .map(|e| {
                (
                    e.level,
                    e.label.as_deref(),
                    e.title.as_str(),
                    e.page.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (1, Some("1"), "Wells", Some("1")),
                (2, Some("1.1"), "Deep wells", Some("1")),
                (3, Some("1.1.1"), "Bores", Some("2")),
                (3, Some("1.1.2"), "Shafts", Some("3")),
                (3, Some("1.1.3"), "Hydrology", Some("4")),
                (2, Some("1.2"), "Shallow wells", Some("5")),
                (3, Some("1.2.1"), "Springs", Some("5")),
                (1, Some("2"), "Ponds", Some("9")),
                (2, Some("2.1"), "Dew ponds", Some("9")),
            ]
        );
    }
}
