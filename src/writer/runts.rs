//! 孤字 (runts): a paragraph of Chinese text should not end with a line holding one character.
//! Typst's `runt` cost does not reach a CJK paragraph's last line (each character is a break
//! opportunity), and CSS `text-wrap: pretty` is honoured by few reading systems, so both writers
//! bind the paragraph's last two characters with a word joiner (U+2060): the line breaker then
//! carries the character before the last one down with it, or fits both above.

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

/// The paragraph's inlines with a word joiner between its last two ideographs, when it ends in
/// two ideographs followed only by closing punctuation (and note references); otherwise as is.
pub fn bind_last_two(content: &[Inline]) -> Cow<'_, [Inline]> {
    // The last text run, with nothing but note references or page breaks after it.
    let Some(at) = content
        .iter()
        .rposition(|i| !matches!(i, Inline::NoteRef(_) | Inline::PageBreak(_)))
    else {
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

/// `…渡茶。` → `…渡\u{2060}茶。`; `None` when the text does not end in two ideographs (before its
/// closing punctuation) or they are already joined.
fn bind_text(text: &str) -> Option<String> {
    let body = text.trim_end_matches(is_closing);
    let mut rev = body.char_indices().rev();
    let (last_at, last) = rev.next()?;
    let (_, before) = rev.next()?;
    if !is_ideograph(last) || !is_ideograph(before) {
        return None;
    }
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
        let bound = bind_last_two(&content);
        assert_eq!(bound[2], Inline::Text("已不可\u{2060}考。".into()));
        assert_eq!(bound[0], content[0]);
        // A paragraph ending in emphasis is left as it is.
        let emph = vec![Inline::Emphasis(vec![Inline::Text("书院".into())])];
        assert!(matches!(bind_last_two(&emph), Cow::Borrowed(_)));
    }
}
