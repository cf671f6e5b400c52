//! 孤字 (runts): a paragraph of Chinese text should not end with a line holding one character.
//! Typst's `runt` cost does not reach a CJK paragraph's last line (each character is a break
//! opportunity), and CSS `text-wrap: pretty` is honoured by few reading systems, so both writers
//! bind the paragraph's last two characters: Typst with a word joiner (U+2060), the EPUB in a
//! `white-space: nowrap` span (a joiner in the text would break searches and text matching in
//! reading systems). The line breaker then carries the character before the last one down with
//! it, or fits both above.

use std::borrow::Cow;

use crate::model::Inline;

/// U+2060 WORD JOINER: forbids a line break between its neighbours and prints nothing.
pub const WORD_JOINER: char = '\u{2060}';

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

/// The paragraph's inlines with a word joiner between its last two ideographs, when it ends in
/// two ideographs followed only by closing punctuation (and note references); otherwise as is.
pub fn bind_last_two(content: &[Inline]) -> Cow<'_, [Inline]> {
    let Some((at, _)) = last_two(content) else {
        return Cow::Borrowed(content);
    };
    let Inline::Text(text) = &content[at] else {
        return Cow::Borrowed(content);
    };
    let Some(bound) = bind_text(text) else {
        return Cow::Borrowed(content);
    };
    let mut out = content.to_vec();
    out[at] = Inline::Text(bound);
    Cow::Owned(out)
}

/// Byte offsets of the last two ideographs of `text` before its closing punctuation.
fn split_at(text: &str) -> Option<(usize, usize)> {
    let body = text.trim_end_matches(is_closing);
    let mut rev = body.char_indices().rev();
    let (last_at, last) = rev.next()?;
    let (before_at, before) = rev.next()?;
    (is_ideograph(last) && is_ideograph(before)).then_some((before_at, last_at))
}

/// `…渡茶。` → `…渡\u{2060}茶。`; `None` when the text does not end in two ideographs (before its
/// closing punctuation).
fn bind_text(text: &str) -> Option<String> {
    let (_, last_at) = split_at(text)?;
    let mut out = String::with_capacity(text.len() + WORD_JOINER.len_utf8());
    out.push_str(&text[..last_at]);
    out.push(WORD_JOINER);
    out.push_str(&text[last_at..]);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::NoteId;

    #[test]
    fn the_last_two_ideographs_are_joined() {
        let table: &[(&str, Option<&str>)] = &[
            ("河水向东流去。", Some("河水向东流\u{2060}去。")),
            ("他说：「走吧。」", Some("他说：「走\u{2060}吧。」")),
            ("书院", Some("书\u{2060}院")),
            ("茶行的帐簿？！", Some("茶行的帐\u{2060}簿？！")),
            // Not two ideographs at the end: left alone.
            ("船只驶向 Formosa。", None),
            ("见第 3 章", None),
            ("一", None),
            ("。", None),
            ("", None),
        ];
        for (input, want) in table {
            assert_eq!(bind_text(input).as_deref(), *want, "{input:?}");
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
        let bound = bind_last_two(&content);
        assert_eq!(bound[2], Inline::Text("已不可\u{2060}考。".into()));
        assert_eq!(bound[0], content[0]);
        // A paragraph ending in emphasis is left as it is.
        let emph = vec![Inline::Emphasis(vec![Inline::Text("书院".into())])];
        assert!(matches!(bind_last_two(&emph), Cow::Borrowed(_)));
    }
}
