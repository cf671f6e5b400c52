//! Typst escaping (转义): the only place where book text becomes Typst source.
//!
//! [`markup`] turns text into markup that prints exactly that text: every character that could
//! start Typst syntax is backslash-escaped (`\#`, `\[`, `\"` …), so nothing is read as code,
//! math, emphasis, a label, a reference, a comment, a link, a list marker, a heading, a shorthand
//! (`--`, `...`, `~`) or a smart quote. [`string`] makes a Typst string literal for code
//! arguments (`title-text: "…"`).

/// Characters escaped wherever they occur: each can open Typst syntax in markup.
const ALWAYS: &[char] = &[
    '\\', '#', '$', '*', '_', '`', '<', '>', '@', '[', ']', '~', '"', '\'', '/', '=',
];

/// Whether Typst markup reads `c` as a line break (`is_newline` in typst-syntax).
fn is_newline(c: char) -> bool {
    matches!(
        c,
        '\n' | '\x0B' | '\x0C' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Whether `c` is whitespace to Typst markup: a space, tab or line break.
fn is_markup_space(c: char) -> bool {
    c == ' ' || c == '\t' || is_newline(c)
}

/// Whether `c` is a control character that prints nothing (tab and line breaks excepted).
fn is_control(c: char) -> bool {
    c.is_control() && !is_markup_space(c)
}

/// Book text as Typst markup that prints it literally.
///
/// Tabs and line breaks become spaces (a paragraph is one line of markup, so text can never
/// start a heading, a list item or a new paragraph); control characters, which print nothing,
/// are left out. `-`, `+` and `.` are escaped only where they could form a list marker or a
/// shorthand (`- `, `+ `, `1. `, `--`, `-?`, `-1` (minus), `...`), so `27.00` stays readable.
pub fn markup(text: &str) -> String {
    escape_markup(text, false)
}

/// Like [`markup`], for text right after an embedded call such as `#footnote[…]`: a leading
/// `.`, `(` or `;` is escaped too, so it is not read as a field access, call or terminator.
pub fn markup_after_code(text: &str) -> String {
    escape_markup(text, true)
}

/// Whether byte `b` of UTF-8 text can be copied to markup as is, whatever surrounds it: it is
/// not an ASCII character that is escaped, dropped or looked at in context, nor the lead byte of
/// a C1 control, `U+0085` (both `C2 xx`) or `U+2028`/`U+2029` (`E2 80 A8`/`A9`). Continuation
/// bytes are plain: a run stops only at a character boundary.
const fn plain_byte(b: u8) -> bool {
    match b {
        0x00..=0x1F | 0x7F | 0xC2 | 0xE2 => false,
        b'.' | b'(' | b';' | b'-' | b'+' => false,
        _ => {
            let mut i = 0;
            while i < ALWAYS.len() {
                if ALWAYS[i] as u32 == b as u32 {
                    return false;
                }
                i += 1;
            }
            true
        }
    }
}

/// [`plain_byte`] for every byte value.
const PLAIN: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = plain_byte(b as u8);
        b += 1;
    }
    t
};

fn escape_markup(text: &str, after_code: bool) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    // The last character kept (control characters are left out, so they are not neighbours).
    let mut prev: Option<char> = None;
    let mut i = 0;
    while i < bytes.len() {
        let run = bytes[i..].iter().position(|&b| !PLAIN[usize::from(b)]);
        let end = run.map_or(bytes.len(), |n| i + n);
        if end > i {
            // A run of characters that print as themselves whatever their neighbours.
            out.push_str(&text[i..end]);
            prev = text[i..end].chars().next_back();
            i = end;
            continue;
        }
        let c = text[i..].chars().next().expect("i is a character boundary");
        i += c.len_utf8();
        if is_control(c) {
            continue;
        }
        let first = prev.is_none();
        let next = text[i..].chars().find(|&n| !is_control(n));
        // Typst ends a list marker at any Unicode space, the ideographic one too.
        let next_space = next.is_none_or(char::is_whitespace);
        let escape = match c {
            c if ALWAYS.contains(&c) => true,
            '.' | '(' | ';' if first && after_code => true,
            // `-` before a figure is a minus sign (−) to Typst.
            '-' => {
                next_space || matches!(next, Some('-' | '?')) || next.is_some_and(char::is_numeric)
            }
            '+' => next_space,
            '.' => next == Some('.') || (next_space && prev.is_some_and(|p| p.is_ascii_digit())),
            _ => false,
        };
        if is_markup_space(c) {
            out.push(' ');
        } else {
            if escape {
                out.push('\\');
            }
            out.push(c);
        }
        prev = Some(c);
    }
    out
}

/// A Typst string literal (with its quotes) holding `text` exactly.
pub fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_escapes_table() {
        let table: &[(&str, &str)] = &[
            ("正文", "正文"),
            ("#set page(width: 1mm)", "\\#set page(width: 1mm)"),
            ("$x$ *b* _i_", "\\$x\\$ \\*b\\* \\_i\\_"),
            ("@ref <label> [x]", "\\@ref \\<label\\> \\[x\\]"),
            ("a\\b ~", "a\\\\b \\~"),
            ("http://www.a.cn/#x", "http:\\/\\/www.a.cn\\/\\#x"),
            ("/* c */ // d", "\\/\\* c \\*\\/ \\/\\/ d"),
            ("\"q\" 'a'", "\\\"q\\\" \\'a\\'"),
            ("= 标题", "\\= 标题"),
            ("- 项", "\\- 项"),
            ("+ 项", "\\+ 项"),
            ("/ 项", "\\/ 项"),
            ("1. 项", "1\\. 项"),
            ("978-7-220-07597-1", "978\\-7\\-220\\-07597\\-1"),
            ("A-b", "A-b"),
            ("27.00 元", "27.00 元"),
            ("a--b---c -?", "a\\--b\\-\\--c \\-?"),
            ("等等...", "等等\\.\\.."),
            ("行一\n\n行二\t止", "行一  行二 止"),
            ("控\u{1}制\u{7f}", "控制"),
            ("教授\u{3000}王五", "教授\u{3000}王五"),
            ("末尾.", "末尾."),
            ("1.", "1\\."),
            ("2008. 5", "2008\\. 5"),
        ];
        for (input, expected) in table {
            assert_eq!(markup(input), *expected, "input {input:?}");
        }
    }

    #[test]
    fn markup_after_code_table() {
        let table: &[(&str, &str)] = &[
            (".com", "\\.com"),
            ("(注)", "\\(注)"),
            (";", "\\;"),
            ("。", "。"),
            ("a.b", "a.b"),
        ];
        for (input, expected) in table {
            assert_eq!(markup_after_code(input), *expected, "input {input:?}");
        }
    }

    #[test]
    fn string_escapes_table() {
        let table: &[(&str, &str)] = &[
            ("书名", "\"书名\""),
            ("a\"b\\c", "\"a\\\"b\\\\c\""),
            ("x\ny\tz", "\"x\\ny\\tz\""),
            ("\u{1}", "\"\\u{1}\""),
        ];
        for (input, expected) in table {
            assert_eq!(string(input), *expected, "input {input:?}");
        }
    }
}
