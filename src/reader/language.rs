//! Language detection (语言识别): Simplified Chinese (zh-CN), Traditional Chinese (zh-TW) or
//! English, from the share of Han characters and of script-specific characters.

use super::classify::is_han;

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

/// The BCP 47 tag for the text's language.
pub fn detect(text: &str) -> &'static str {
    let mut han = 0usize;
    let mut latin = 0usize;
    let mut simplified = 0usize;
    let mut traditional = 0usize;
    for c in text.chars() {
        if is_han(c) {
            han += 1;
            if PAIRS.iter().any(|(s, _)| *s == c) {
                simplified += 1;
            } else if PAIRS.iter().any(|(_, t)| *t == c) {
                traditional += 1;
            }
        } else if c.is_ascii_alphabetic() {
            latin += 1;
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
