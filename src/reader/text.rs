//! Shared text helpers (文本工具) used by many passes. A leaf module: it imports nothing else
//! from the reader.

/// Characters that end a sentence (句末标点).
const FINAL: &[char] = &[
    '。', '！', '？', '!', '?', '…', '；', ';', '：', ':', '.', '．',
];

/// Closing quotes and brackets: they end a sentence only after a sentence-final mark.
const CLOSERS: &[char] = &[
    '”', '’', '」', '』', '）', ')', '】', '》', '〉', '"', '\'', '］', ']',
];

/// Display width of a line in columns (显示宽度) as unicode-width counts it for CJK print
/// (`width_cjk`: 汉字, full-width forms and East Asian ambiguous marks two, Latin one, combining
/// marks none), surrounding white space aside; printable ASCII is counted by its length without
/// the table look-ups (the body of an English book).
pub fn width(text: &str) -> usize {
    let t = text.trim();
    if t.bytes().all(|b| (b' '..=b'~').contains(&b)) {
        return t.len();
    }
    unicode_width::UnicodeWidthStr::width_cjk(t)
}

/// Whether text ends a sentence: `。！？…；：` (also inside closing quotes/brackets: `。”`).
pub fn ends_sentence(text: &str) -> bool {
    let mut chars = text
        .trim_end()
        .chars()
        .rev()
        .skip_while(|c| CLOSERS.contains(c));
    chars.next().is_some_and(|c| FINAL.contains(&c))
}

/// Whether the brackets of `text` close in order (`(…)`, `[…]`, `（…）`, `【…】`): a heading's
/// title does; a sentence cut by a line break (`[Job Control], page 113), the …`) may not.
pub fn balanced(text: &str) -> bool {
    let mut open: Vec<char> = Vec::new();
    for c in text.chars() {
        let want = match c {
            '(' | '[' | '（' | '【' => {
                open.push(c);
                continue;
            }
            ')' => '(',
            ']' => '[',
            '）' => '（',
            '】' => '【',
            _ => continue,
        };
        if open.pop() != Some(want) {
            return false;
        }
    }
    open.is_empty()
}

#[cfg(test)]
mod balance_tests {
    use super::balanced;

    #[test]
    fn brackets_close_in_order() {
        for (text, want) in [
            ("Rivers (and brooks)", true),
            ("渡口（上）", true),
            ("[Ferries], page 12), the boats", false),
            ("Mills (water", false),
            ("Weirs", true),
        ] {
            assert_eq!(balanced(text), want, "{text:?}");
        }
    }
}
