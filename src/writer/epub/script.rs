//! 西文段 (Latin runs) in a CJK book: words, names and numbers in Latin letters are wrapped in
//! `<span class="latin">` so that the stylesheet sets them in a Latin serif, not in the CJK
//! font's Latin glyphs (a Latin phrase in a Chinese book keeps the Latin font, as in print).
//!
//! A run is a stretch of Latin letters with the digits, spaces and ASCII punctuation between
//! them (`Max Weber`, `ISBN 978-7-5000-1234-4`, `(Chengdu)`); it holds at least one Latin
//! letter, so bare figures (`1998年`, `第3章`) stay in the CJK font beside the characters they
//! count. Curly quotes are the book's Chinese quotation marks and stay outside, except an
//! apostrophe after a letter and before a word (`don’t`, `Mechanics’ Institute`). Spaces at
//! either end of a run stay outside it.
//! No `@font-face` is involved (it would make EPUBCheck report CSS-028), and no `lang`: the
//! run's language is not known.

use super::xml::Xml;

/// The class of the span around a Latin run.
pub const LATIN_CLASS: &str = "latin";

/// Whether `c` is a Latin letter (basic, Latin-1, Extended-A/B, Extended Additional) or a
/// combining mark that may follow one.
fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || matches!(c,
            '\u{00C0}'..='\u{00D6}' | '\u{00D8}'..='\u{00F6}' | '\u{00F8}'..='\u{024F}'
            | '\u{0300}'..='\u{036F}' | '\u{1E00}'..='\u{1EFF}')
}

/// Whether `c` may continue a Latin run begun by a letter: digits, spaces and ASCII punctuation.
fn continues_run(c: char) -> bool {
    is_latin_letter(c)
        || c.is_ascii_digit()
        || c == ' '
        || c == '\u{00A0}'
        || (c.is_ascii_punctuation())
        || matches!(c, '\u{2010}' | '\u{2011}' | '\u{2013}')
}

/// Where the part of `text` that a following note reference stays bound to begins (粘连): its
/// last word when that is Latin (`free.` in `set free.`), else its last character (`目` in
/// `项目`); `None` when the text ends in a space or is empty, where a break is the book's own.
pub fn bound_tail(text: &str) -> Option<usize> {
    let (last_at, last) = text.char_indices().next_back()?;
    if last.is_whitespace() {
        return None;
    }
    if !last.is_ascii() && !is_latin_letter(last) {
        return Some(last_at);
    }
    // a long token (a URL) binds only its last character, so the span never overflows a line
    let word = text
        .char_indices()
        .rev()
        .take_while(|&(_, c)| !c.is_whitespace() && (c.is_ascii() || is_latin_letter(c)))
        .take(24)
        .last()
        .map_or(last_at, |(at, _)| at);
    let whole_word = text[..word]
        .chars()
        .next_back()
        .is_none_or(|c| c.is_whitespace() || !(c.is_ascii() || is_latin_letter(c)));
    Some(if whole_word { word } else { last_at })
}

/// Splits `text` into pieces, each marked `true` when it is a Latin run; joined again they give
/// `text` unchanged.
pub fn runs(text: &str) -> Vec<(bool, &str)> {
    let mut out = Vec::new();
    let mut rest_from = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        // A run may open with figures or punctuation right before its first letter
        // (`3D`, `(Chengdu)`), so it starts at the first run character of a stretch that holds
        // a letter.
        if !continues_run(chars[i].1) && chars[i].1 != '\u{2019}' {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i;
        let mut letters = 0;
        while end < chars.len() {
            let c = chars[end].1;
            // An apostrophe after a letter, before a letter (`don’t`) or before a space and a
            // word (`Mechanics’ Institute`); otherwise a Chinese closing quote.
            let letter_at = |k: usize| chars.get(k).is_some_and(|n| is_latin_letter(n.1));
            let apostrophe = c == '\u{2019}'
                && end > start
                && is_latin_letter(chars[end - 1].1)
                && (letter_at(end + 1)
                    || (chars.get(end + 1).is_some_and(|n| n.1 == ' ') && letter_at(end + 2)));
            if !(continues_run(c) || apostrophe) {
                break;
            }
            letters += usize::from(is_latin_letter(c));
            end += 1;
        }
        if end == start {
            // A lone ’ that is no apostrophe.
            i += 1;
            continue;
        }
        // Spaces at the edges stay outside the span.
        let (mut s, mut e) = (start, end);
        while s < e && chars[s].1.is_whitespace() {
            s += 1;
        }
        while e > s && chars[e - 1].1.is_whitespace() {
            e -= 1;
        }
        if letters > 0 && s < e {
            let at = chars[s].0;
            let to = chars.get(e).map_or(text.len(), |c| c.0);
            if at > rest_from {
                out.push((false, &text[rest_from..at]));
            }
            out.push((true, &text[at..to]));
            rest_from = to;
        }
        i = end;
    }
    if rest_from < text.len() {
        out.push((false, &text[rest_from..]));
    }
    out
}

/// Writes `text`; in a CJK book (`cjk`), each Latin run inside a `<span class="latin">`.
pub fn text(x: &mut Xml, text: &str, cjk: bool) {
    if !cjk {
        x.text(text);
        return;
    }
    for (latin, piece) in runs(text) {
        if latin {
            x.leaf("span", &[("class", LATIN_CLASS)], piece);
        } else {
            x.text(piece);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each case: the text, then its Latin runs in order.
    #[test]
    fn latin_runs_are_found_between_cjk_text() {
        let table: &[(&str, &[&str])] = &[
            ("马克斯·韦伯（Max Weber）认为", &["Max Weber"]),
            ("见 ISBN 978-7-5000-1234-4。", &["ISBN 978-7-5000-1234-4"]),
            ("1998年第3期", &[]),
            ("用 3D 打印", &["3D"]),
            ("在 Mechanics’ Institute 里", &["Mechanics’ Institute"]),
            ("他说“OK”。", &["OK"]),
            ("他说‘OK’ 好", &["OK"]),
            ("don’t", &["don’t"]),
            ("(Chengdu) 与 Chongqing, 两地", &["(Chengdu)", "Chongqing,"]),
            ("Café au lait", &["Café au lait"]),
            ("全是汉字", &[]),
            ("", &[]),
            ("“引号”与’", &[]),
        ];
        for (text, want) in table {
            let got = runs(text);
            let latin: Vec<&str> = got.iter().filter(|r| r.0).map(|r| r.1).collect();
            assert_eq!(&latin, want, "{text:?}");
            let joined: String = got.iter().map(|r| r.1).collect();
            assert_eq!(&joined, text, "pieces rejoin");
        }
    }

    /// Each case: the text before a note reference, then the part bound to the reference.
    #[test]
    fn a_note_reference_binds_the_last_word_or_character() {
        let table: &[(&str, Option<&str>)] = &[
            ("建立了项目", Some("目")),
            ("set it free.", Some("free.")),
            ("“Ach”", Some("”")),
            ("见 TeXstudio", Some("TeXstudio")),
            ("项目 ", None),
            ("", None),
            (
                "see https://example.org/a/very/long/path/to/a/page",
                Some("e"),
            ),
            ("在 Qt", Some("Qt")),
        ];
        for (text, want) in table {
            let got = bound_tail(text).map(|at| &text[at..]);
            assert_eq!(got, *want, "{text:?}");
        }
    }

    #[test]
    fn spans_are_written_only_in_a_cjk_book() {
        let mut x = Xml::new();
        text(&mut x, "韦伯 Max Weber 认为 a<b", true);
        let s = String::from_utf8(x.finish()).unwrap();
        assert!(
            s.contains("韦伯 <span class=\"latin\">Max Weber</span> 认为 <span class=\"latin\">a&lt;b</span>"),
            "{s}"
        );
        let mut x = Xml::new();
        text(&mut x, "Max Weber", false);
        let s = String::from_utf8(x.finish()).unwrap();
        assert!(!s.contains("span"), "{s}");
    }
}
