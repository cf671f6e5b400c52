//! End marks (终): the line that closes a text as printed — `THE END`, `FINIS`, `END OF VOLUME
//! I.`, `（全书完）`, `（完）`. It stays in the book where it was printed, as its own centred
//! block ([`Kind::EndMark`] → `Block::EndMark`): not a heading, not a paragraph, never lost.

use super::Line;
use super::kind::Kind;

/// Chinese end marks, brackets removed.
const CJK_MARKS: &[&str] = &[
    "完",
    "全文完",
    "全书完",
    "全書完",
    "本书完",
    "本書完",
    "终",
    "終",
    "全剧终",
    "全劇終",
];

/// Longest English end mark, in words (`END OF THE SECOND VOLUME`).
const MAX_WORDS: usize = 6;

/// Whether a trimmed line is an end mark: `THE END`, `The End.`, `FINIS`, `END OF VOLUME I.`,
/// `（全书完）`. English marks are set in capitals or title case, never as prose.
pub fn is_end_mark(text: &str) -> bool {
    let t = text
        .trim()
        .trim_matches([
            '(', ')', '（', '）', '【', '】', '〔', '〕', '[', ']', '*', '_',
        ])
        .trim()
        .trim_end_matches(['.', '。', '!'])
        .trim();
    if CJK_MARKS.contains(&t) {
        return true;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.is_empty() || words.len() > MAX_WORDS {
        return false;
    }
    let lower = t.to_lowercase();
    let set = t
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase)
        || words.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                || *w == "of"
                || *w == "the"
        });
    let shaped = matches!(lower.as_str(), "the end" | "finis")
        || t == "END"
        || lower.starts_with("end of ") && lower.len() > 7
        || lower.starts_with("the end of ") && lower.len() > 11;
    set && shaped
}

/// Marks end marks: a line alone (blank or nothing around it) with an end mark's words.
/// Returns (count, first 1-based line).
pub fn mark(lines: &[Line<'_>], kinds: &mut [Kind]) -> (usize, usize) {
    let mut tally = (0, 0);
    let apart = |k: Option<&Kind>| k.is_none_or(|k| !matches!(k, Kind::Text | Kind::Quote));
    for i in 0..kinds.len() {
        if !matches!(kinds[i], Kind::Text | Kind::Quote | Kind::Verse) {
            continue;
        }
        let before = i.checked_sub(1).and_then(|p| kinds.get(p));
        if apart(before) && apart(kinds.get(i + 1)) && is_end_mark(lines[i].text) {
            kinds[i] = Kind::EndMark;
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
    fn end_marks() {
        let table = [
            ("THE END", true),
            ("The End.", true),
            ("                 THE END.", true),
            ("FINIS.", true),
            ("END OF VOLUME I.", true),
            ("END OF THE SECOND BOOK", true),
            ("（全书完）", true),
            ("(完)", true),
            ("【全文完】", true),
            ("the end", false),
            ("The end of the road was near.", false),
            (
                "END OF THE PROJECT GUTENBERG EBOOK AND SOME MORE WORDS",
                false,
            ),
            ("完了", false),
            ("End", false),
            ("END", true),
            ("Endless", false),
        ];
        for (t, want) in table {
            assert_eq!(is_end_mark(t), want, "{t:?}");
        }
    }

    #[test]
    fn only_a_line_alone_is_an_end_mark() {
        let text = "The lamp went out.\n\nTHE END\n\nAnd then\nThe End\nof it all.\n";
        let lines = split(text);
        let mut kinds: Vec<Kind> = lines.iter().map(|l| classify(l.text)).collect();
        assert_eq!(mark(&lines, &mut kinds), (1, 3));
        assert_eq!(kinds[2], Kind::EndMark);
        assert_eq!(kinds[5], Kind::Text, "inside a paragraph");
    }
}
