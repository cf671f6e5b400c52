//! A page-foot note continued at the foot of the next page (脚注跨页): TeX breaks a long note
//! and sets the rest at the top of the next page's foot, unnumbered. A page's last note is
//! open when its last line fills the foot's measure without ending a sentence; on the next
//! page the lines right above that page's own notes (or its end), down from a line that ends a
//! sentence and ending one themselves, are the note's rest when they are set in the note's
//! measure: each but the last as wide as the open note's lines (the note's smaller size puts
//! more on a line than the body's), none wider.

use super::super::Line;
use super::super::kind::Kind;
use super::super::text::ends_sentence;
use super::foot::MAX_NOTE_LINES;
use crate::reader::text::width;

/// Least share of the foot's widest line that a line cut by the page fills.
const FULL: f64 = 0.9;

/// Least share of the open note's measure that a full line of its rest fills (justified lines
/// differ in their count of characters more than one line's end from the measure).
const FULL_REST: f64 = 0.85;

/// Whether the last note on `page` is open: the note lines of the page (its foot) are two or
/// more, and the last, not ending a sentence, is about as wide as the widest of them; the
/// width of the widest (the foot's measure) when it is.
pub(super) fn open_at_end(
    lines: &[Line<'_>],
    kinds: &[Kind],
    page: &std::ops::Range<usize>,
) -> Option<usize> {
    let foot: Vec<usize> = page
        .clone()
        .filter(|&i| match &kinds[i] {
            Kind::Note { text, .. } => !text.is_empty(),
            Kind::NoteContinuation => true,
            _ => false,
        })
        .collect();
    let &last = foot.last()?;
    // nothing but blank lines and furniture after the note: it is the page's end
    let at_end = (last + 1..page.end).all(|j| matches!(kinds[j], Kind::Blank | Kind::Furniture));
    let widest = foot
        .iter()
        .map(|&i| width(lines[i].text))
        .max()
        .unwrap_or(0);
    let open = at_end
        && foot.len() >= 2
        && !ends_sentence(lines[last].text)
        && width(lines[last].text) as f64 >= FULL * widest as f64;
    open.then_some(widest)
}

/// The lines of `page` that carry on the note the page before left open: above the page's
/// first note (or its end), the lines back to one that ends a sentence, the last of them
/// ending a sentence itself, set in the open note's `measure`; `None` when the page does not
/// divide so (the text above runs on into them, they are set in another measure, or they
/// would be the whole page).
pub(super) fn continued(
    lines: &[Line<'_>],
    kinds: &[Kind],
    page: &std::ops::Range<usize>,
    measure: usize,
) -> Option<std::ops::Range<usize>> {
    let first_note = page
        .clone()
        .find(|&i| matches!(kinds[i], Kind::Note { .. }))
        .unwrap_or(page.end);
    let mut end = first_note;
    while end > page.start && matches!(kinds[end - 1], Kind::Blank | Kind::Furniture) {
        end -= 1;
    }
    let last = end.checked_sub(1).filter(|&l| l >= page.start)?;
    if kinds[last] != Kind::Text || !ends_sentence(lines[last].text) {
        return None;
    }
    let mut start = last;
    while start > page.start
        && kinds[start - 1] == Kind::Text
        && !ends_sentence(lines[start - 1].text)
        && last - start < MAX_NOTE_LINES
    {
        start -= 1;
    }
    let boundary = start.checked_sub(1).filter(|&b| b >= page.start)?;
    let above_ends = ends_sentence(lines[boundary].text) && kinds[boundary] == Kind::Text;
    // the body above is text of the page, not only furniture
    let body = (page.start..start).any(|j| kinds[j] == Kind::Text);
    let full = |j: usize| width(lines[j].text) as f64 >= FULL_REST * measure as f64;
    let in_measure = (start..last).all(full) && width(lines[last].text) <= measure;
    (above_ends && body && in_measure).then_some(start..end)
}

#[cfg(test)]
mod tests {
    use super::super::tests::run;

    #[test]
    fn a_note_cut_by_the_page_goes_on_at_the_next_foot() {
        // (what, manuscript, each line's kind, note 1's text ends with)
        type Case = (
            &'static str,
            &'static str,
            &'static [&'static str],
            &'static str,
        );
        let cases: &[Case] = &[
            (
                "the open note's rest above the next page's own note",
                "第一章 河\n\u{c}正文说到渡口1 。\n正文又写了一行。\n1 渡口的说明很长很长，从清末一直写到民国年间的\n种种变化，渡船的样子和船票的价格都有记载，还\n\u{c}下一页的正文接着写，说到新桥2 。\n这一页的正文写完了。\n有镇志和档案为证，这里不再细说。\n2 新桥的说明。\n\u{c}再下一页。",
                &[
                    "Chapter",
                    "Text",
                    "Text",
                    "Note 1",
                    "NoteContinuation",
                    "Text",
                    "Text",
                    "NoteContinuation",
                    "Note 2",
                    "Text",
                ],
                "还有镇志和档案为证，这里不再细说。",
            ),
            (
                "a note ending a sentence is closed: the next page's last line stays text",
                "第一章 河\n\u{c}正文说到渡口1 。\n正文又写了一行。\n1 渡口的说明很长很长，从清末一直写到民国年间的\n种种变化，渡船的样子和船票的价格都有记载。\n\u{c}下一页的正文接着写，说到新桥2 。\n这一页的正文写完了。\n有镇志和档案为证，这里不再细说。\n2 新桥的说明。\n\u{c}再下一页。",
                &[
                    "Chapter",
                    "Text",
                    "Text",
                    "Note 1",
                    "NoteContinuation",
                    "Text",
                    "Text",
                    "Text",
                    "Note 2",
                    "Text",
                ],
                "都有记载。",
            ),
            (
                "lines in the body's measure (a short heading over them) are no note's rest",
                "第一章 河\n\u{c}正文说到渡口1 。\n正文又写了一行。\n1 渡口的说明很长很长，从清末一直写到民国年间的\n种种变化，渡船的样子和船票的价格都有记载，还\n\u{c}下一页的正文接着写，说到新桥2 。\n小标题\n这一段正文说的是桥头的茶馆和茶馆的老板。\n2 新桥的说明。\n\u{c}再下一页。",
                &[
                    "Chapter",
                    "Text",
                    "Text",
                    "Note 1",
                    "NoteContinuation",
                    "Text",
                    "Text",
                    "Text",
                    "Note 2",
                    "Text",
                ],
                "都有记载，还",
            ),
            (
                "a short last line is the note's natural end, not a cut",
                "第一章 河\n\u{c}正文说到渡口1 。\n正文又写了一行。\n1 渡口的说明很长很长，从清末一直写到民国年间的\n种种变化，见某书\n\u{c}下一页的正文接着写，说到新桥2 。\n这一页的正文写完了。\n有镇志和档案为证，这里不再细说。\n2 新桥的说明。\n\u{c}再下一页。",
                &[
                    "Chapter",
                    "Text",
                    "Text",
                    "Note 1",
                    "NoteContinuation",
                    "Text",
                    "Text",
                    "Text",
                    "Note 2",
                    "Text",
                ],
                "见某书",
            ),
        ];
        for (what, input, want, ends) in cases {
            let (links, got) = run(input);
            assert_eq!(&got, want, "{what}");
            let text = links.notes[0].text();
            assert!(text.ends_with(ends), "{what}: {text:?}");
            assert_eq!(links.refs.len(), 2, "{what}: both notes linked");
        }
    }
}
