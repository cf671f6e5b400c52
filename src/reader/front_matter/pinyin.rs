//! Latin-script titles: Hanyu Pinyin (拼音) or English, told apart by pinyin syllables.

use crate::model::LanguageTag;

/// Pinyin initials (声母), two-letter ones first.
const INITIALS: &[&str] = &[
    "zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r",
    "z", "c", "s", "y", "w", "",
];

/// Pinyin finals (韵母), written without tone marks (ü as u or v).
const FINALS: &[&str] = &[
    "iang", "iong", "uang", "ueng", "ang", "eng", "ing", "ong", "ian", "iao", "uai", "uan", "van",
    "ai", "ei", "ao", "ou", "an", "en", "er", "ia", "ie", "iu", "in", "ua", "uo", "ui", "un", "ue",
    "ve", "vn", "a", "o", "e", "i", "u", "v",
];

/// Whether a lower-case word splits into pinyin syllables.
fn is_pinyin_word(word: &str) -> bool {
    let w: Vec<u8> = word.bytes().collect();
    let n = w.len();
    let mut ok = vec![false; n + 1];
    ok[0] = true;
    for start in 0..n {
        if !ok[start] {
            continue;
        }
        for init in INITIALS {
            let rest = &w[start..];
            if !rest.starts_with(init.as_bytes()) {
                continue;
            }
            for fin in FINALS {
                let after = &rest[init.len()..];
                if after.starts_with(fin.as_bytes()) {
                    ok[start + init.len() + fin.len()] = true;
                }
            }
        }
    }
    n > 0 && ok[n]
}

/// The BCP 47 tag of a Latin-script title line: `zh-Latn-pinyin` when most words are pinyin,
/// `en` otherwise; `None` for lines that are not a title in Latin letters (URLs, numbers, codes).
pub fn latin_language(text: &str) -> Option<LanguageTag> {
    if text.contains("://") || text.contains('@') || text.contains("www.") {
        return None;
    }
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || matches!(c, '\'' | '’' | '-' | ':' | ','))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let letters = text.chars().filter(char::is_ascii_alphabetic).count();
    let others = text
        .chars()
        .filter(|c| !c.is_ascii_alphabetic() && !c.is_whitespace() && !"'’-:,.".contains(*c))
        .count();
    if words.len() < 2 || letters < 6 || others > 0 {
        return None;
    }
    let pinyin = words.iter().filter(|w| is_pinyin_word(w)).count();
    if pinyin * 5 >= words.len() * 4 {
        Some(LanguageTag::known("zh-Latn-pinyin"))
    } else {
        Some(LanguageTag::known("en"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_titles_are_tagged() {
        let cases = [
            (
                "Jiangnan guzhen de shougongye bianqian",
                Some("zh-Latn-pinyin"),
            ),
            ("JIANGNAN GUZHEN DE SHOUGONGYE", Some("zh-Latn-pinyin")),
            ("Xi'an chengqiang kao", Some("zh-Latn-pinyin")),
            ("Crafts of the Southern Water Towns", Some("en")),
            ("http://www.example.cn", None),
            ("ISBN 978", None),
            ("Zhongguo", None),
        ];
        for (text, want) in cases {
            assert_eq!(latin_language(text).as_deref(), want, "{text}");
        }
    }
}
