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

/// Whether text ends a sentence: `。！？…；：` (also inside closing quotes/brackets: `。”`).
pub fn ends_sentence(text: &str) -> bool {
    let mut chars = text
        .trim_end()
        .chars()
        .rev()
        .skip_while(|c| CLOSERS.contains(c));
    chars.next().is_some_and(|c| FINAL.contains(&c))
}
