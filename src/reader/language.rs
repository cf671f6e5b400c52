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

/// The BCP 47 tag for the text's language: the language of its prose lines (a line with four
/// Han characters votes Chinese, a line of five Latin words and at most one code symbol votes
/// English), so a Chinese manual whose pages are mostly code listings stays Chinese; without
/// prose lines, the share of Han characters against Latin letters decides.
pub fn detect(text: &str) -> &'static str {
    let mut counts = Counts::default();
    for line in text.lines() {
        counts.line(line);
    }
    let chinese = if counts.han_lines + counts.latin_lines > 0 {
        counts.han_lines >= counts.latin_lines
    } else {
        // A Han character carries roughly a word; Latin letters about a fifth of one.
        counts.han > 0 && counts.han * 5 >= counts.latin
    };
    if !chinese {
        "en"
    } else if counts.traditional > counts.simplified {
        "zh-TW"
    } else {
        "zh-CN"
    }
}

/// What [`detect`] counts over the text.
#[derive(Default)]
struct Counts {
    han: usize,
    latin: usize,
    simplified: usize,
    traditional: usize,
    /// lines of Chinese prose (four Han characters or more)
    han_lines: usize,
    /// lines of English prose (five words, no Han, at most one code symbol)
    latin_lines: usize,
}

impl Counts {
    fn line(&mut self, line: &str) {
        let (mut han, mut words, mut symbols, mut run) = (0usize, 0usize, 0usize, 0usize);
        for c in line.chars() {
            if c.is_ascii_alphabetic() {
                self.latin += 1;
                run += 1;
                continue;
            }
            if run >= 2 {
                words += 1;
            }
            run = 0;
            if c.is_ascii() {
                symbols += usize::from("\\{}%$#_=<>;|@[]".contains(c));
            } else if is_han(c) {
                han += 1;
                if SIMPLIFIED.binary_search(&c).is_ok() {
                    self.simplified += 1;
                } else if TRADITIONAL.binary_search(&c).is_ok() {
                    self.traditional += 1;
                }
            }
        }
        if run >= 2 {
            words += 1;
        }
        self.han += han;
        if han >= 4 {
            self.han_lines += 1;
        } else if han == 0 && words >= 5 && symbols <= 1 {
            self.latin_lines += 1;
        }
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
            // a Chinese manual whose pages are mostly a code listing
            (
                "本节说明宏包的用法。\n\\def\\foo#1{\\bar{#1}}\n\\let\\baz=\\relax % keep\n\\newcommand{\\qux}[1]{#1}\n\\ifx\\a\\b \\fi",
                "zh-CN",
            ),
            // an English book quoting Chinese
            (
                "The poet wrote 山水 on the wall of the inn.\nHe left at dawn and never came back to the town.",
                "en",
            ),
            (
                "本书由甲乙丙丁合著，共三卷。\nA preface in English follows this line of the book.\nAnd a second English line of the same preface here.",
                "en",
            ),
        ];
        for (input, want) in cases {
            assert_eq!(detect(input), want, "{input:?}");
        }
    }
}
