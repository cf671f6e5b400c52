//! Markers no note answers (缺注的注码): a marker candidate is only text until a note answers it,
//! but one that fills a gap in the numbering of linked markers (`3` between linked `2` and `4`
//! of the same shape) is a real marker whose note was lost or not found, and is reported with
//! its line.

use super::MarkerAt;
use super::foot::{same_family, successor};
use super::markers::Style;

/// A marker in manuscript order: where it is, its key (as notes carry it), its shape, and
/// whether a note is linked to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seen {
    /// Line index and ordinal among the line's markers.
    pub at: MarkerAt,
    /// The key (`3`, `①`, `*`).
    pub key: String,
    /// Its shape.
    pub style: Style,
    /// Whether a note answers it.
    pub linked: bool,
}

/// The unlinked markers that sit in a numbering gap: the nearest linked marker of the same
/// family before it has the key before its key, and the nearest after it the key after.
/// `seen` must be in manuscript order.
pub fn in_gaps(seen: &[Seen]) -> Vec<&Seen> {
    let mut out = Vec::new();
    for (k, s) in seen.iter().enumerate() {
        if s.linked {
            continue;
        }
        let kin = |o: &&Seen| o.linked && same_family(o.style, s.style);
        let before = seen[..k].iter().rev().find(kin);
        let after = seen[k + 1..].iter().find(kin);
        let (Some(before), Some(after)) = (before, after) else {
            continue;
        };
        let fills = successor(&before.key).as_deref() == Some(s.key.as_str())
            && successor(&s.key).as_deref() == Some(after.key.as_str());
        if fills {
            out.push(s);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_in_numbering_gaps() {
        use Style::*;
        // (key, style, linked) in order → keys reported
        type Case = (
            &'static str,
            &'static [(&'static str, Style, bool)],
            &'static [&'static str],
        );
        let cases: &[Case] = &[
            (
                "a lost note between two linked ones",
                &[
                    ("2", Digits, true),
                    ("3", Digits, false),
                    ("4", Digits, true),
                ],
                &["3"],
            ),
            (
                "superscript and glued digits are one numbering",
                &[
                    ("2", Superscript, true),
                    ("3", Digits, false),
                    ("4", Digits, true),
                ],
                &["3"],
            ),
            (
                "an unlinked number out of sequence is text (a year, a count)",
                &[
                    ("2", Digits, true),
                    ("7", Digits, false),
                    ("3", Digits, true),
                ],
                &[],
            ),
            (
                "no linked marker after it: nothing proves the sequence goes on",
                &[("1", Digits, true), ("2", Digits, false)],
                &[],
            ),
            (
                "another shape does not count",
                &[
                    ("1", Bracket, true),
                    ("2", Digits, false),
                    ("3", Bracket, true),
                ],
                &[],
            ),
            (
                "circled numbers",
                &[
                    ("①", Circled, true),
                    ("②", Circled, false),
                    ("③", Circled, true),
                ],
                &["②"],
            ),
            (
                "unlinked candidates between do not break the sequence",
                &[
                    ("5", Digits, true),
                    ("1990", Digits, false),
                    ("6", Digits, false),
                    ("7", Digits, true),
                ],
                &["6"],
            ),
        ];
        for (what, marks, want) in cases {
            let seen: Vec<Seen> = marks
                .iter()
                .enumerate()
                .map(|(i, (key, style, linked))| Seen {
                    at: (i, 0),
                    key: key.to_string(),
                    style: *style,
                    linked: *linked,
                })
                .collect();
            let got: Vec<&str> = in_gaps(&seen).iter().map(|s| s.key.as_str()).collect();
            assert_eq!(&got, want, "{what}");
        }
    }

    #[test]
    fn a_lost_note_is_reported_at_its_marker() {
        use crate::diag::Code;
        let (links, _) = super::super::tests::run(
            "第一章 河\n正文[1]，又[2]，再[3]。\n\n[1] 注一。\n[3] 注三。",
        );
        assert_eq!(links.refs.len(), 2);
        let got: Vec<(Code, usize)> = links
            .diagnostics
            .iter()
            .map(|d| (d.code, d.span.line))
            .collect();
        assert_eq!(got, vec![(Code::MarkerWithoutNote, 2)]);
    }
}
