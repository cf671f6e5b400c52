//! Language detection (语言识别): Simplified Chinese (zh-CN), Traditional Chinese (zh-TW) or
//! English, from the share of Han characters and of script-specific characters.

use super::script::is_han;

/// Common characters written differently in Simplified and Traditional Chinese (简, 繁).
const PAIRS: &[(char, char)] = &[
    ('这', '這'),
    ('个', '個'),
    ('们', '們'),
    ('国', '國'),
    ('说', '說'),
    ('时', '時'),
    ('会', '會'),
    ('发', '發'),
    ('经', '經'),
    ('过', '過'),
    ('动', '動'),
    ('还', '還'),
    ('学', '學'),
    ('与', '與'),
    ('为', '為'),
    ('关', '關'),
    ('党', '黨'),
    ('义', '義'),
    ('实', '實'),
    ('现', '現'),
    ('见', '見'),
    ('书', '書'),
    ('长', '長'),
    ('门', '門'),
    ('问', '問'),
    ('间', '間'),
    ('开', '開'),
    ('对', '對'),
    ('进', '進'),
    ('从', '從'),
    ('来', '來'),
    ('东', '東'),
    ('后', '後'),
    ('体', '體'),
    ('论', '論'),
    ('华', '華'),
    ('应', '應'),
    ('题', '題'),
    ('变', '變'),
    ('绪', '緒'),
    ('节', '節'),
    ('录', '錄'),
    ('编', '編'),
    ('历', '歷'),
    ('记', '記'),
    ('页', '頁'),
    ('镇', '鎮'),
    ('头', '頭'),
    ('业', '業'),
    ('县', '縣'),
    ('产', '產'),
    ('样', '樣'),
    ('条', '條'),
    ('边', '邊'),
    ('当', '當'),
    ('传', '傳'),
    ('统', '統'),
    ('区', '區'),
];

/// The simplified (`0`) or traditional (`1`) side of [`PAIRS`], sorted for binary search.
const fn sorted_side(side: usize) -> [char; PAIRS.len()] {
    let mut out = ['\0'; PAIRS.len()];
    let mut i = 0;
    while i < PAIRS.len() {
        out[i] = if side == 0 { PAIRS[i].0 } else { PAIRS[i].1 };
        i += 1;
    }
    // Insertion sort: const fns cannot call `sort`.
    let mut i = 1;
    while i < out.len() {
        let mut j = i;
        while j > 0 && (out[j - 1] as u32) > (out[j] as u32) {
            let t = out[j];
            out[j] = out[j - 1];
            out[j - 1] = t;
            j -= 1;
        }
        i += 1;
    }
    out
}

/// 简体字 (simplified forms) of [`PAIRS`], sorted.
const SIMPLIFIED: [char; PAIRS.len()] = sorted_side(0);
/// 繁体字 (traditional forms) of [`PAIRS`], sorted.
const TRADITIONAL: [char; PAIRS.len()] = sorted_side(1);

/// The BCP 47 tag for the text's language.
pub fn detect(text: &str) -> &'static str {
    let mut han = 0usize;
    let mut latin = 0usize;
    let mut simplified = 0usize;
    let mut traditional = 0usize;
    // ASCII text byte by byte; only the other characters are decoded
    let mut rest = text;
    while !rest.is_empty() {
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        latin += rest.as_bytes()[..ascii]
            .iter()
            .filter(|b| b.is_ascii_alphabetic())
            .count();
        rest = &rest[ascii..];
        let mut chars = rest.chars();
        let Some(c) = chars.next() else {
            break;
        };
        rest = chars.as_str();
        if is_han(c) {
            han += 1;
            if SIMPLIFIED.binary_search(&c).is_ok() {
                simplified += 1;
            } else if TRADITIONAL.binary_search(&c).is_ok() {
                traditional += 1;
            }
        }
    }
    // A Han character carries roughly a word; Latin letters about a fifth of one.
    if han == 0 || han * 5 < latin {
        "en"
    } else if traditional > simplified {
        "zh-TW"
    } else {
        "zh-CN"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_tables_hold_every_pair() {
        for (s, t) in PAIRS {
            assert!(SIMPLIFIED.binary_search(s).is_ok(), "{s}");
            assert!(TRADITIONAL.binary_search(t).is_ok(), "{t}");
        }
        assert!(SIMPLIFIED.windows(2).all(|w| w[0] < w[1]));
        assert!(TRADITIONAL.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn languages() {
        let cases = [
            ("这是我们国家的发展问题。", "zh-CN"),
            ("這是我們國家的發展問題。", "zh-TW"),
            ("The river runs to the sea, and the town grows.", "en"),
            ("网站 www.example.com 上的说明", "zh-CN"),
            ("", "en"),
            ("山水", "zh-CN"),
            ("第一章　緒論\n第一節　鎮上的傳統", "zh-TW"),
            ("第一章　绪论\n第一节　镇上的传统", "zh-CN"),
        ];
        for (input, want) in cases {
            assert_eq!(detect(input), want, "{input:?}");
        }
    }
}
