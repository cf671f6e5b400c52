//! Printed pages (页): where each page starts — at a form feed, or (seed convention) after a
//! block of footnote lines, which is a page foot.

use super::kind::Kind;

/// The 0-based page index of every line.
pub fn assign(kinds: &[Kind], form_feed: &[bool]) -> Vec<usize> {
    let mut page = 0;
    let mut in_foot = false;
    let mut out = Vec::with_capacity(kinds.len());
    for (i, kind) in kinds.iter().enumerate() {
        let feed = form_feed.get(i).copied().unwrap_or(false);
        match kind {
            Kind::Blank | Kind::Furniture => {}
            Kind::Note { .. } | Kind::NoteContinuation => in_foot = true,
            _ => {
                if in_foot && !feed {
                    page += 1;
                }
                in_foot = false;
            }
        }
        if feed && i > 0 {
            page += 1;
            in_foot = false;
        }
        out.push(page);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (what, (kind, form feed before) per line, expected page per line).
    type PageCase = (&'static str, Vec<(Kind, bool)>, Vec<usize>);

    #[test]
    fn pages_end_after_note_blocks_and_at_form_feeds() {
        let note = || Kind::Note {
            mark: "①".into(),
            text: "注".into(),
        };
        // (kind, form feed before) → page
        let cases: &[PageCase] = &[
            (
                "no breaks",
                vec![
                    (Kind::Text, false),
                    (Kind::Blank, false),
                    (Kind::Text, false),
                ],
                vec![0, 0, 0],
            ),
            (
                "note block ends a page",
                vec![
                    (Kind::Text, false),
                    (Kind::Blank, false),
                    (note(), false),
                    (Kind::Blank, false),
                    (note(), false),
                    (Kind::Blank, false),
                    (Kind::Text, false),
                ],
                vec![0, 0, 0, 0, 0, 0, 1],
            ),
            (
                "form feed",
                vec![(Kind::Text, false), (Kind::Text, true), (Kind::Text, false)],
                vec![0, 1, 1],
            ),
            (
                "form feed after a note block counts once",
                vec![(Kind::Text, false), (note(), false), (Kind::Text, true)],
                vec![0, 0, 1],
            ),
        ];
        for (what, input, want) in cases {
            let kinds: Vec<Kind> = input.iter().map(|(k, _)| k.clone()).collect();
            let feeds: Vec<bool> = input.iter().map(|(_, f)| *f).collect();
            assert_eq!(&assign(&kinds, &feeds), want, "{what}");
        }
    }
}
