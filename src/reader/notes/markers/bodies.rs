//! The key opening a note body at the start of a line (`[1] 文`, `注1：文`, `1. text`), and a
//! key alone on its line (a hanging note number pdftotext set apart from its text).

use super::rules::{bracketed, marker_at};
use super::{CJK_PUNCT, MAX_DIGITS, Style, digits_at, is_glyph_key, superscript_digit};

/// A note body's opening: (key, style, the note text).
pub type Body<'a> = (&'a str, Style, &'a str);

/// The marker opening a note body at the start of a line, with the text after it:
/// `^① 文`, `① 文`, `[1] 文`, `〔1〕文`, `注1：文`, `* text`, `1. text`, `1 text`.
pub fn body(text: &str) -> Option<Body<'_>> {
    let t = text.trim_start();
    let (key, style, rest) = if let Some(d) = t.strip_prefix(['注', '註']) {
        let n = digits_at(d);
        if !(1..=MAX_DIGITS).contains(&n) {
            return None;
        }
        let rest = d[n..].trim_start_matches([':', '：', '.', '．', '、']);
        (&d[..n], Style::Zhu, rest)
    } else if t.starts_with(|c: char| c.is_ascii_digit()) {
        let n = digits_at(t);
        let rest = &t[n..];
        let rest = rest.strip_prefix('.').unwrap_or(rest);
        if n > MAX_DIGITS || !rest.starts_with(char::is_whitespace) {
            return None;
        }
        (&t[..n], Style::Digits, rest)
    } else if t.starts_with('*') {
        let n = t.bytes().take_while(|&b| b == b'*').count();
        // `*nix`, `*.txt`: a glob or a word, not a note's star
        if t[n..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == '.') {
            return None;
        }
        (&t[..n], Style::Asterisk, &t[n..])
    } else if let Some((key, style, len)) = opening(t).or_else(|| bracketed(t)) {
        (key, style, &t[len..])
    } else {
        let (mk, len) = marker_at(t, 0).filter(|(m, _)| m.style != Style::Glyph)?;
        (mk.key, mk.style, &t[len..])
    };
    let rest = rest.trim();
    (!rest.is_empty()).then_some((key, style, rest))
}

/// Openings of a note body that need no text before them, unlike the same shape as a marker:
/// `(4)`, `¹`, `†`, a kana glyph: (key, style, byte length).
fn opening(t: &str) -> Option<(&str, Style, usize)> {
    let c = t.chars().next()?;
    if c == '(' || c == '（' {
        let inner = &t[c.len_utf8()..];
        let n = digits_at(inner);
        let close = inner[n..]
            .chars()
            .next()
            .filter(|&d| d == ')' || d == '）')?;
        return (1..=MAX_DIGITS).contains(&n).then(|| {
            (
                &inner[..n],
                Style::Paren,
                c.len_utf8() + n + close.len_utf8(),
            )
        });
    }
    if superscript_digit(c).is_some() {
        let n: usize = t
            .chars()
            .take_while(|&d| superscript_digit(d).is_some())
            .map(char::len_utf8)
            .sum();
        return Some((&t[..n], Style::Superscript, n));
    }
    if c == '†' || c == '‡' {
        return Some((&t[..c.len_utf8()], Style::Asterisk, c.len_utf8()));
    }
    if is_glyph_key(c) {
        let after = t[c.len_utf8()..].chars().next();
        return (!after.is_some_and(|a| CJK_PUNCT.contains(&a)))
            .then(|| (&t[..c.len_utf8()], Style::Glyph, c.len_utf8()));
    }
    None
}

/// A line that is only a note key (`13`, `(4)`, `[2]`, `①`, `*`): the number of a page-foot
/// note whose text is on the lines below it, as pdftotext sets a hanging note number apart.
pub fn key_alone(text: &str) -> Option<(&str, Style)> {
    let t = text.trim();
    let n = digits_at(t);
    if n == t.len() {
        return (1..=MAX_DIGITS).contains(&n).then_some((t, Style::Digits));
    }
    if t.bytes().all(|b| b == b'*') {
        return (t.len() <= 3).then_some((t, Style::Asterisk));
    }
    if t.len() == 1 && t.bytes().all(|b| b.is_ascii_lowercase()) {
        return Some((t, Style::Minipage));
    }
    let (key, style, len) = opening(t)
        .filter(|o| o.1 != Style::Glyph)
        .or_else(|| bracketed(t))
        .or_else(|| marker_at(t, 0).map(|(m, len)| (m.key, m.style, len)))?;
    (len == t.len()).then_some((key, style))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reader::notes::markers::normal_key;

    #[test]
    fn keys_alone_on_their_line() {
        use Style::*;
        let cases: &[(&str, Option<(&str, Style)>)] = &[
            ("13", Some(("13", Digits))),
            ("  (4)", Some(("4", Paren))),
            ("[2]", Some(("2", Bracket))),
            ("①", Some(("①", Circled))),
            ("*", Some(("*", Asterisk))),
            ("¹", Some(("¹", Superscript))),
            ("   a", Some(("a", Minipage))),
            ("ab", None),
            ("1999", None),
            ("2.1", None),
            ("ヾ", None),
            ("13 text", None),
        ];
        for (input, want) in cases {
            assert_eq!(&key_alone(input), want, "{input:?}");
        }
        assert_eq!(normal_key("¹²"), "12");
        assert_eq!(normal_key("①"), "①");
    }

    #[test]
    fn note_bodies() {
        use Style::*;
        let cases: &[(&str, Option<Body<'_>>)] = &[
            (
                "^① 某书，2001年版。",
                Some(("①", Caret, "某书，2001年版。")),
            ),
            ("^⑫参见某文。", Some(("⑫", Caret, "参见某文。"))),
            ("① 没有脱字符", Some(("①", Circled, "没有脱字符"))),
            ("[1] 参见某书。", Some(("1", Bracket, "参见某书。"))),
            ("〔2〕見某書。", Some(("2", Tortoise, "見某書。"))),
            ("註1：見某書。", Some(("1", Zhu, "見某書。"))),
            ("注12 见某书。", Some(("12", Zhu, "见某书。"))),
            ("* A note.", Some(("*", Asterisk, "A note."))),
            ("*nix 用户需要权限。", None),
            ("*.txt files", None),
            ("1. See the book.", Some(("1", Digits, "See the book."))),
            ("4 Ibid., 12.", Some(("4", Digits, "Ibid., 12."))),
            ("2.1 染坊", None),
            ("2001年版。", None),
            ("1999 was dry.", None),
            ("正文^①。", None),
            ("注意事项", None),
            ("[1]", None),
            ("(4) 链接", Some(("4", Paren, "链接"))),
            ("¹ See the map.", Some(("¹", Superscript, "See the map."))),
            ("ヾN指南京", Some(("ヾ", Glyph, "N指南京"))),
            ("ぉ，終于說到", None),
            ("[A] A note.", Some(("A", Letter, "A note."))),
            ("† Later.", Some(("†", Asterisk, "Later."))),
        ];
        for (input, want) in cases {
            assert_eq!(&body(input), want, "{input:?}");
        }
    }
}
