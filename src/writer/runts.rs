//! 孤字 (runts): a paragraph of Chinese text should not end with a line holding one character.
//! Typst's `runt` cost does not reach a CJK paragraph's last line (each character is a break
//! opportunity), and CSS `text-wrap: pretty` is honoured by few reading systems, so both writers
//! bind the paragraph's last two characters: Typst in a `#box[…]`, the EPUB in a
//! `white-space: nowrap` span (a word joiner in the text would break searches and text matching
//! in reading systems, and is extracted with a PDF's text). The line breaker then carries the
//! character before the last one down with it, or fits both above.

use crate::model::Inline;

/// Whether `c` is a CJK ideograph (the characters a runt is counted in).
fn is_ideograph(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3FFFF}' | '\u{3007}')
}

/// Whether `c` may close a paragraph after its last character (`。`, `」`, `）`, a space).
fn is_closing(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '。' | '，'
                | '、'
                | '；'
                | '：'
                | '！'
                | '？'
                | '…'
                | '—'
                | '”'
                | '’'
                | '」'
                | '』'
                | '）'
                | '》'
                | '〉'
                | '】'
                | '〕'
                | '〗'
                | '］'
                | '｝'
                | '.'
                | '!'
                | '?'
                | ')'
                | '"'
                | '\''
        )
}

/// Where a paragraph's last two ideographs begin: the index of the last text run (followed only
/// by note references or page breaks) and the byte offset in it of the ideograph before the last
/// one, when the paragraph ends in two ideographs followed only by closing punctuation.
pub fn last_two(content: &[Inline]) -> Option<(usize, usize)> {
    let at = content
        .iter()
        .rposition(|i| !matches!(i, Inline::NoteRef(_) | Inline::PageBreak(_)))?;
    let Inline::Text(text) = &content[at] else {
        return None;
    };
    let (before_at, _) = split_at(text)?;
    Some((at, before_at))
}

/// Byte offsets of the last two ideographs of `text` before its closing punctuation.
fn split_at(text: &str) -> Option<(usize, usize)> {
    let body = text.trim_end_matches(is_closing);
    let mut rev = body.char_indices().rev();
    let (last_at, last) = rev.next()?;
    let (before_at, before) = rev.next()?;
    (is_ideograph(last) && is_ideograph(before)).then_some((before_at, last_at))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::NoteId;

    #[test]
    fn the_last_two_ideographs_are_found() {
        let table: &[(&str, Option<&str>)] = &[
            ("河水向东流去。", Some("流去")),
            ("他说：「走吧。」", Some("走吧")),
            ("书院", Some("书院")),
            ("茶行的帐簿？！", Some("帐簿")),
            // Not two ideographs at the end: left alone.
            ("船只驶向 Formosa。", None),
            ("见第 3 章", None),
            ("一", None),
            ("。", None),
            ("", None),
        ];
        for (input, want) in table {
            let got = split_at(input).map(|(before, last)| {
                let end = last + input[last..].chars().next().map_or(0, char::len_utf8);
                &input[before..end]
            });
            assert_eq!(got, *want, "{input:?}");
        }
    }

    #[test]
    fn the_last_text_before_note_references_is_bound() {
        let content = vec![
            Inline::Text("渡头的位置".into()),
            Inline::NoteRef(NoteId::new(0)),
            Inline::Text("已不可考。".into()),
            Inline::NoteRef(NoteId::new(1)),
        ];
        assert_eq!(last_two(&content), Some((2, "已不".len())));
        // A paragraph ending in emphasis is left as it is.
        let emph = vec![Inline::Emphasis(vec![Inline::Text("书院".into())])];
        assert_eq!(last_two(&emph), None);
    }
}
