//! Running heads with a heading's shape (书眉): `Chapter 3: Basic Shell Features` above the
//! folio of every page of chapter 3, `3.5. Sloppybottom` at the head of an odd page whose folio
//! is printed at its foot. The furniture pass removes lines that repeat often; this finds the
//! ones that repeat too rarely for it (a short section, a chapter's first running head) by the
//! page model's evidence:
//! - **position**: the line is a page's head or foot — its first or last content line, page
//!   numbers aside (the folio may stand beside it, at the other edge, or nowhere);
//! - **echo**: its title was printed at most [`ECHO_PAGES`] pages before (the heading itself,
//!   or the previous running head), under any label — or the same numbers were, under a title
//!   the head shortens (`2.4. The typ`); a line of a listing (the printed contents) is no echo;
//! - **repetition modulo numbers**: at least [`MIN_FAMILY`] echoing lines of the same zone
//!   share its label as printed, numbers aside (`#.#.`, `Chapter #:`) — the book prints
//!   running heads of this shape.
//!
//! A line with all three is page furniture; it never becomes a heading. A heading printed once
//! in the body stays a heading even when its title recurs as a running head later: only the
//! page-edge copies after it echo.

use std::collections::HashMap;

use crate::reader::Line;
use crate::reader::furniture::page_number;
use crate::reader::kind::Kind;

use super::label::{self, Family, Numbered};
use super::parsed::Parsed;

/// A running-head candidate's family key: its page zone, numbering family and label shape.
type Shape = (Zone, Family, String);

/// Echoing lines of one shape in one zone before the book counts as printing such running
/// heads.
pub const MIN_FAMILY: usize = 3;

/// How many pages before a running head its heading (or the previous running head) may stand
/// (the contents, further back, is no echo).
pub const ECHO_PAGES: usize = 3;

/// Shortest title prefix (letters and digits) a shortened running head keeps.
const MIN_PREFIX: usize = 3;

/// A running head found: the line's index and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunningHead {
    /// Index of the line.
    pub index: usize,
    /// Index of its title's line when the label stands alone above it (`第9节` / `Title`).
    pub title_line: Option<usize>,
    /// Why, in words.
    pub reason: &'static str,
}

/// Where on its page a line sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Zone {
    /// The page's first content line (书眉, running head).
    Head,
    /// The page's last content line (running foot).
    Foot,
}

/// Letters and digits of a title, lower-cased (small capitals set apart by pdftotext, `S PACES`,
/// compare equal to `Spaces`).
pub fn title_key(title: &str) -> String {
    title
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether line `i` is a folio the furniture pass removed.
fn folio(lines: &[Line<'_>], kinds: &[Kind], i: usize) -> bool {
    kinds[i] == Kind::Furniture && page_number(lines[i].text).is_some()
}

/// The head and foot of each page cut by form feeds: its first and last content lines, folios
/// skipped. An edge the furniture pass already took holds no other candidate (it is listed:
/// its shape is evidence too).
pub fn page_edges(lines: &[Line<'_>], kinds: &[Kind], form_feed: &[bool]) -> Vec<(usize, Zone)> {
    let mut pages: Vec<Vec<usize>> = vec![Vec::new()];
    for (i, kind) in kinds.iter().enumerate() {
        if form_feed.get(i).copied().unwrap_or(false) && i > 0 {
            pages.push(Vec::new());
        }
        if *kind != Kind::Blank && !lines[i].text.trim().is_empty() {
            pages.last_mut().expect("a page").push(i);
        }
    }
    if pages.len() < 3 {
        return Vec::new();
    }
    let mut out = Vec::new();
    for idx in &pages {
        let mut body = idx.iter().copied().filter(|&i| !folio(lines, kinds, i));
        let head = body.next();
        let foot = body.next_back();
        for (at, zone) in [(head, Zone::Head), (foot, Zone::Foot)] {
            if let Some(i) = at {
                out.push((i, zone));
            }
        }
    }
    out
}

/// The label as printed, numbers aside: `3.5.` → `#.#.`, `Chapter 12:` → `Chapter #:`,
/// `CHAPTER IV.` → `CHAPTER #.`. Two labels of one shape come from one template.
pub fn label_shape(text: &str, n: &Numbered) -> String {
    // `第 7 节` and `第7节` are one template: its spacing aside
    let squeezed: String;
    let text = if n.label.starts_with('第') {
        squeezed = n.label.chars().filter(|c| !c.is_whitespace()).collect();
        squeezed.as_str()
    } else {
        text
    };
    let words = if n.label.starts_with('第') {
        1
    } else {
        n.label.split_whitespace().count().max(1)
    };
    let printed: Vec<&str> = text.split_whitespace().take(words).collect();
    let mut out = String::new();
    for (k, w) in printed.iter().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        let core = w.trim_end_matches(|c: char| c.is_ascii_punctuation());
        let tail = &w[core.len()..];
        // the number itself: a Roman numeral, a letter, a number word after a label word
        let numeral = label::roman_value(core).is_some()
            || n.family == Family::Letter && core.len() == 1
            || k > 0 && core.len() > 1 && core.chars().all(char::is_alphabetic)
            || n.family == Family::Word;
        if numeral {
            out.push('#');
            out.push_str(tail);
            continue;
        }
        let mut digits = false;
        for c in w.chars() {
            if c.is_ascii_digit() || "〇零一二三四五六七八九十百两".contains(c) {
                if !digits {
                    out.push('#');
                }
                digits = true;
            } else {
                digits = false;
                out.push(c);
            }
        }
    }
    out
}

/// Whether two titles are one, or one is the other shortened (`thetyp`, `thetypeblock`).
fn shortens(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short == long || short.chars().count() >= MIN_PREFIX && long.starts_with(short)
}

/// One numbered line with a title: where it is, its label's shape, its family.
struct Titled {
    index: usize,
    /// The title's own line below a label alone.
    title_line: Option<usize>,
    numbered: Numbered,
    key: String,
    /// It stands in a listing (the printed contents): no echo.
    listed: bool,
}

/// Consecutive numbered content lines that make a listing (the printed contents).
const LISTING: usize = 3;

/// Every numbered line with a title, with whether it stands in a listing: a run of at least
/// [`LISTING`] numbered content lines. Page edges (`edge`) stand outside runs: a running head
/// above its heading makes no listing.
fn titled(
    lines: &[Line<'_>],
    kinds: &[Kind],
    shapes: &Parsed<'_, '_>,
    edge: &dyn Fn(usize) -> bool,
) -> Vec<Titled> {
    let mut out: Vec<Titled> = Vec::new();
    // where the current run of numbered lines starts in `out`, and its length in lines
    let mut run: (usize, usize) = (0, 0);
    for (i, line) in lines.iter().enumerate() {
        let t = line.text.trim();
        if t.is_empty() || kinds[i] == Kind::Blank {
            continue;
        }
        let parsed = if t.chars().count() > 120 {
            None
        } else {
            shapes.get(i).cloned().or_else(|| appendix(t))
        };
        let in_run = !edge(i);
        match &parsed {
            Some(_) if in_run => {
                if run.1 == 0 {
                    run.0 = out.len();
                }
                run.1 += 1;
            }
            Some(_) => {}
            None => run = (out.len(), 0),
        }
        // a label alone takes the short line below it as its title (`第9节` / `Title`)
        let below = parsed
            .as_ref()
            .filter(|n| n.title.is_empty())
            .and_then(|_| title_below(lines, kinds, shapes, i));
        if let Some(n) = parsed.filter(|n| !n.title.is_empty() || below.is_some()) {
            let key = match below {
                Some(j) => title_key(lines[j].text),
                None => title_key(&n.title),
            };
            if !key.is_empty() {
                out.push(Titled {
                    index: i,
                    title_line: below,
                    numbered: n,
                    key,
                    listed: false,
                });
            }
        }
        if run.1 >= LISTING {
            for t in &mut out[run.0..] {
                t.listed = t.listed || !edge(t.index);
            }
        }
    }
    out
}

/// An English appendix label with its letter (`Appendix B: Major Differences`, `APPENDIX C`):
/// the numbered shape the label parser leaves to the matter headings, read here so that an
/// appendix's running heads (`Appendix B: Title` above its folio) echo its heading as a
/// chapter's do.
fn appendix(t: &str) -> Option<Numbered> {
    let (word, rest) = t.split_once(' ')?;
    if word != "Appendix" && word != "APPENDIX" {
        return None;
    }
    let rest = rest.trim_start();
    let mut chars = rest.chars();
    let letter = chars.next().filter(char::is_ascii_uppercase)?;
    let after = chars.as_str();
    let title = match after.strip_prefix([':', '.']) {
        Some(r) => r,
        None if after.is_empty() || after.starts_with(' ') => after,
        None => return None,
    };
    Some(Numbered {
        family: Family::Letter,
        numbers: vec![u32::from(letter as u8 - b'A' + 1)],
        label: format!("{word} {letter}"),
        title: title.trim().to_string(),
    })
}

/// Longest title line below a label alone, in characters.
const MAX_TITLE_BELOW: usize = 40;

/// The title line below a label alone: the next content line within three lines, short, not a
/// label nor a page number itself.
fn title_below(
    lines: &[Line<'_>],
    kinds: &[Kind],
    parsed: &Parsed<'_, '_>,
    i: usize,
) -> Option<usize> {
    let j = (i + 1..lines.len().min(i + 4)).find(|&j| {
        kinds[j] != Kind::Blank && !lines[j].text.trim().is_empty() && !folio(lines, kinds, j)
    })?;
    let t = lines[j].text.trim();
    let ok = t.chars().count() <= MAX_TITLE_BELOW
        && page_number(t).is_none()
        && parsed.get(j).is_none()
        && t.chars().any(char::is_alphanumeric);
    ok.then_some(j)
}

/// Finds the running heads with a heading's shape.
/// `parsed` holds the lines' shapes ([`Parsed`], over the same `lines`).
pub fn find(
    lines: &[Line<'_>],
    kinds: &[Kind],
    form_feed: &[bool],
    parsed: &Parsed<'_, '_>,
) -> Vec<RunningHead> {
    let edges: HashMap<usize, Zone> = page_edges(lines, kinds, form_feed).into_iter().collect();
    if edges.len() < MIN_FAMILY {
        return Vec::new();
    }
    // page of each line, to measure how far back an echo stands
    let mut page = vec![0usize; lines.len()];
    let mut p = 0;
    for (i, slot) in page.iter_mut().enumerate() {
        p += usize::from(form_feed.get(i).copied().unwrap_or(false) && i > 0);
        *slot = p;
    }
    // the latest line carrying each title, and each label's numbers (with its title)
    let mut by_title: HashMap<String, usize> = HashMap::new();
    let mut by_numbers: HashMap<Vec<u32>, (usize, String)> = HashMap::new();
    let all = titled(lines, kinds, parsed, &|i| edges.contains_key(&i));
    // (index, (zone, family, label shape), echoed, heading below it on its page, title line)
    let mut shaped: Vec<(usize, Shape, bool, bool, Option<usize>)> = Vec::new();
    for (k, t) in all.iter().enumerate() {
        let near = |h: usize| page[t.index] - page[h] <= ECHO_PAGES;
        if let Some(&zone) = edges.get(&t.index) {
            let echoed = by_title.get(&t.key).is_some_and(|&h| near(h))
                || by_numbers
                    .get(&t.numbered.numbers)
                    .is_some_and(|(h, key)| near(*h) && shortens(key, &t.key));
            // the page's own heading printed below its running head
            let below = all[k + 1..]
                .iter()
                .take_while(|o| page[o.index] == page[t.index])
                .any(|o| o.numbered.numbers == t.numbered.numbers && shortens(&o.key, &t.key));
            let shape = label_shape(lines[t.index].text, &t.numbered);
            shaped.push((
                t.index,
                (zone, t.numbered.family, shape),
                echoed,
                below,
                t.title_line,
            ));
        }
        if !t.listed {
            by_title.insert(t.key.clone(), t.index);
            by_numbers.insert(t.numbered.numbers.clone(), (t.index, t.key.clone()));
        }
    }
    let mut per_shape: HashMap<&(Zone, Family, String), usize> = HashMap::new();
    for (_, s, echoed, _, _) in &shaped {
        if *echoed {
            *per_shape.entry(s).or_default() += 1;
        }
    }
    let established =
        |s: &(Zone, Family, String)| per_shape.get(s).copied().unwrap_or(0) >= MIN_FAMILY;
    shaped
        .iter()
        .filter(|(i, s, echoed, below, _)| {
            (*echoed || *below) && established(s) && kinds[*i] != Kind::Furniture
        })
        .map(|(i, _, echoed, _, title_line)| RunningHead {
            index: *i,
            title_line: *title_line,
            reason: if *echoed {
                "a running head: at a page edge, repeating a heading printed just before"
            } else {
                "a running head: at a page head, naming the heading printed below it"
            },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_shapes_set_numbers_aside() {
        let cases = [
            ("3.5. Sloppybottom", "#.#."),
            ("   2.10. Example", "#.#."),
            ("3.5 Sloppybottom", "#.#"),
            ("Chapter 12: Bash Features", "Chapter #:"),
            ("CHAPTER IV. THE WEIR", "CHAPTER #."),
            ("§1.4   正文字体设置", "§#.#"),
            ("第三回 渡口", "第#回"),
            ("E    中文支持", "#"),
            ("IV.  THE WEIR", "#."),
        ];
        for (text, want) in cases {
            let n = label::parse(text).unwrap_or_else(|| panic!("{text:?} parses"));
            assert_eq!(label_shape(text, &n), want, "{text:?}");
        }
    }

    #[test]
    fn an_appendix_running_head_echoing_its_heading_is_found_even_the_first() {
        // Texinfo shape: each appendix opens under its folio (`Appendix A Tides of the` /
        // `Harbour`); the next pages carry `Appendix A: Title` above their folio. The furniture
        // pass takes the repeated ones; the first of each appendix is found here.
        let text = "Field Guide\n\u{c}1\n\nAppendix A Tides of the\nHarbour\nThe tide rises.\n\u{c}Appendix A: Tides of the Harbour\n\n2\n\nThe tide falls.\n\u{c}3\n\nAppendix B Maps\nMaps show the coast.\n\u{c}Appendix B: Maps\n\n4\n\nMore maps of the coast.\n\u{c}5\n\nAppendix C Ferries\nBoats cross the bay.\n\u{c}Appendix C: Ferries\n\n6\n\nMore boats cross it.\n";
        let paged = crate::reader::lines::split_pages(text);
        let mut kinds: Vec<Kind> = paged
            .lines
            .iter()
            .map(|l| crate::reader::classify::classify(l.text))
            .collect();
        crate::reader::furniture::strip(&paged.lines, &paged.form_feed, &mut kinds);
        let parsed = Parsed::new(&paged.lines);
        let found: Vec<usize> = find(&paged.lines, &kinds, &paged.form_feed, &parsed)
            .iter()
            .map(|h| paged.lines[h.index].no)
            .collect();
        assert_eq!(found, [7, 16, 25]);
        assert_eq!(
            appendix("Appendix B: Maps").map(|n| (n.numbers, n.label, n.title)),
            Some((vec![2], "Appendix B".to_string(), "Maps".to_string()))
        );
        for prose in ["Appendix Blue", "Appendix", "The Appendix A"] {
            assert_eq!(appendix(prose), None, "{prose:?}");
        }
    }

    #[test]
    fn shortened_titles() {
        assert!(shortens("thetyp", "thetypeblock"));
        assert!(shortens("thetypeblock", "thetyp"));
        assert!(!shortens("th", "thetypeblock"));
        assert!(shortens("目录", "目录"));
        assert!(shortens("fonts", "fontsizes"));
    }
}
