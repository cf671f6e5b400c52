//! 断句 (phrase breaks) for display type: where a title set large may break between lines.
//!
//! Chinese titles have no spaces, and breaking them between any two characters splits words
//! (`研 / 究`). The title page, the half-title and the generated cover break a CJK title only at
//! phrase boundaries: after punctuation, before an opening bracket or a dash, before a
//! conjunction (与 和 及 暨 并) and after the attributive 的, each with at least two characters on
//! either side. Latin text breaks at its spaces.

/// Whether `c` is written without spaces between words (Han, kana, Hangul, CJK punctuation).
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FFF | 0x3000..=0x303F | 0x3040..=0x30FF | 0x3100..=0x31FF | 0x3200..=0x9FFF
        | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

/// Punctuation a phrase may end with (a break is allowed after it).
const AFTER: &[char] = &[
    '，', '、', '：', '；', '。', '！', '？', '》', '」', '』', '）', '”', '’', '〉', '】', ':',
    ',',
];
/// Characters a phrase may start with (a break is allowed before them).
const BEFORE: &[char] = &['《', '「', '『', '（', '“', '‘', '〈', '【', '—', '('];
/// Conjunctions that open a phrase (县域书院的兴替 | 与地方文教网络研究).
const CONJUNCTIONS: &[char] = &['与', '和', '及', '暨', '并'];
/// The attributive particle that closes a phrase (…党群关系的 | 运行机制研究).
const ATTRIBUTIVE: &[char] = &['的', '之'];

/// Splits `text` into the pieces a display line may break between; joined again they give
/// `text` unchanged. A piece that contains no CJK character is a run of Latin words with their
/// spaces, which the typesetter may break at any space.
pub fn phrases(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    // Two characters at least on each side of a break inside a run of CJK text.
    let cjk_len = |from: usize, to: usize| chars[from..to].iter().filter(|c| is_cjk(**c)).count();
    for i in 1..chars.len() {
        let (prev, next) = (chars[i - 1], chars[i]);
        let space = prev.is_whitespace() && !next.is_whitespace();
        let boundary = space
            || (AFTER.contains(&prev) && !AFTER.contains(&next))
            || (BEFORE.contains(&next) && !BEFORE.contains(&prev) && !prev.is_whitespace())
            || ((CONJUNCTIONS.contains(&next) || ATTRIBUTIVE.contains(&prev))
                && cjk_len(start, i) >= 2
                && cjk_len(i, chars.len()) >= 3);
        if boundary && i > start {
            out.push(chars[start..i].iter().collect());
            start = i;
        }
    }
    if start < chars.len() {
        out.push(chars[start..].iter().collect());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrase_table() {
        let table: &[(&str, &[&str])] = &[
            (
                "县域书院的兴替与地方文教网络研究",
                &["县域书院的", "兴替", "与地方文教网络研究"],
            ),
            (
                "新阶段密切党群关系的运行机制研究",
                &["新阶段密切党群关系的", "运行机制研究"],
            ),
            ("乡村书院——以某某为中心", &["乡村书院", "——以某某为中心"]),
            ("山城書院記", &["山城書院記"]),
            ("桥乡记：一个村庄的历史", &["桥乡记：", "一个村庄的历史"]),
            ("《论语》导读", &["《论语》", "导读"]),
            ("The Salt Road", &["The ", "Salt ", "Road"]),
            ("与人", &["与人"]),
            ("", &[]),
        ];
        for (text, want) in table {
            let got = phrases(text);
            assert_eq!(got, *want, "{text}");
            assert_eq!(got.concat(), *text, "joined pieces give the text back");
        }
    }
}
