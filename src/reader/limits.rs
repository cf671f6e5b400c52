//! 篇章上限 (the division cap): a book has at most [`MAX_DIVISIONS`] divisions, checked while
//! reading — as soon as the headings are decided, before a division, unit or per-chapter
//! finding is made for each of them — so a manuscript of a million `第一章` lines costs its
//! line model and no more, and is refused with one error diagnostic on the first heading past
//! the cap.

use super::Line;
use super::kind::Kind;
use crate::diag::{Code, Diagnostic};
use crate::model::{Book, Division};

/// Most divisions (chapters, sections, front and back matter, at every level) a book may have:
/// a long serial novel has a few thousand chapters. Past it the manuscript is almost surely
/// misread (every line a heading), and each division costs an XHTML file, a manifest, spine and
/// navigation entry, so reading stops instead of building an EPUB hundreds of times the
/// manuscript's size.
pub const MAX_DIVISIONS: usize = 20_000;

/// The hint of both findings.
const HINT: &str = "are all those lines really headings? A book is read only up to the cap";

/// The error when the lines decided as headings are more than [`MAX_DIVISIONS`], on the first
/// heading past the cap.
pub fn headings(lines: &[Line<'_>], kinds: &[Kind]) -> Option<Diagnostic> {
    let mut headings = kinds.iter().enumerate().filter(|(_, k)| k.is_heading());
    let (first_over, _) = headings.nth(MAX_DIVISIONS)?;
    let count = MAX_DIVISIONS + 1 + headings.count();
    Some(over(lines[first_over].no, "heading lines", count))
}

/// The error when a book has more than [`MAX_DIVISIONS`] divisions at all levels (a Markdown
/// book of headings, divisions made without a heading line), on the first division past it.
pub fn divisions(book: &Book) -> Option<Diagnostic> {
    fn walk<'a>(d: &'a Division, out: &mut Vec<&'a Division>) {
        out.push(d);
        d.children.iter().for_each(|c| walk(c, out));
    }
    let mut all = Vec::new();
    book.divisions().for_each(|d| walk(d, &mut all));
    let first_over = all.get(MAX_DIVISIONS)?;
    Some(over(first_over.line, "divisions", all.len()))
}

fn over(line: usize, what: &str, count: usize) -> Diagnostic {
    Diagnostic::new(
        Code::TooManyDivisions,
        line,
        format!(
            "the manuscript has {count} {what} and a book may have at most {MAX_DIVISIONS} \
             divisions (chapters, sections, front and back matter); reading stopped here"
        ),
    )
    .with_hint(HINT)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reader::classify::classify;
    use crate::reader::lines::split;

    #[test]
    fn the_cap_counts_heading_lines() {
        // (manuscript, Some(line of the error) or None)
        let at_cap = "第一章\n".repeat(MAX_DIVISIONS);
        let over_cap = format!("正文\n{}", "第一章\n".repeat(MAX_DIVISIONS + 5));
        let cases = [
            (at_cap.as_str(), None),
            (over_cap.as_str(), Some(MAX_DIVISIONS + 2)),
            ("正文\n正文\n", None),
        ];
        for (text, want) in cases {
            let lines = split(text);
            let kinds: Vec<Kind> = lines.iter().map(|l| classify(l.text)).collect();
            let got = headings(&lines, &kinds);
            assert_eq!(got.as_ref().map(|d| d.span.line), want, "{}", text.len());
            if let Some(d) = got {
                assert_eq!(d.code, Code::TooManyDivisions);
                assert!(
                    d.message.starts_with(&format!(
                        "the manuscript has {} heading lines",
                        MAX_DIVISIONS + 5
                    )),
                    "{}",
                    d.message
                );
            }
        }
    }

    #[test]
    fn the_cap_counts_divisions_at_every_level() {
        let chapter = |n: usize| {
            let mut d = Division::new(crate::model::DivisionKind::Chapter, format!("c{n}"), n);
            d.children = (0..3)
                .map(|k| Division::new(crate::model::DivisionKind::Section, format!("s{n}-{k}"), n))
                .collect();
            d
        };
        // 4 divisions a chapter: 5000 chapters are at the cap, 5001 over it.
        for (chapters, over) in [(5_000, false), (5_001, true)] {
            let book = Book {
                body: (1..=chapters).map(chapter).collect(),
                ..Book::default()
            };
            let d = divisions(&book);
            assert_eq!(d.is_some(), over, "{chapters}");
            if let Some(d) = d {
                assert_eq!(d.span.line, 5_001);
                assert!(d.message.contains("20004 divisions"), "{}", d.message);
            }
        }
    }
}
