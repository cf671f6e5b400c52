//! Label recognisers beyond `第一章`: English chapters (`Chapter 1`, `CHAPTER ONE`), parts
//! (编 / 部分: `第一编`, `上编`, `Part I`) and the numerals they use (English words, Roman).

use super::headings::{has_page_number, is_numeral, ordinal_label};
use super::kind::Kind;
use super::text::{balanced, ends_sentence};

/// Longest English heading title, in characters.
const MAX_EN_TITLE: usize = 80;

/// English number words used in labels (`CHAPTER ONE`).
pub(crate) const NUMBER_WORDS: &[&str] = &[
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];

/// English tens above twenty, for compound number words (`twenty-one`, `Forty-Two`).
const TENS: &[&str] = &[
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// An English number word as its value, any case: `three` (3), `Twenty` (20), `twenty-one`
/// or `Twenty-One` (21), up to ninety-nine.
pub fn spelt_number(word: &str) -> Option<u32> {
    let w = word.to_ascii_lowercase();
    let simple = |w: &str| -> Option<u32> {
        if let Some(i) = NUMBER_WORDS.iter().position(|n| *n == w) {
            return Some(i as u32 + 1);
        }
        TENS.iter()
            .position(|t| *t == w)
            .map(|i| 20 + 10 * i as u32)
    };
    match w.split_once('-') {
        None => simple(&w),
        Some((tens, unit)) => {
            let t = TENS.iter().position(|x| *x == tens)?;
            let u = NUMBER_WORDS
                .iter()
                .position(|n| *n == unit)
                .filter(|&u| u < 9)?;
            Some(20 + 10 * t as u32 + u as u32 + 1)
        }
    }
}

/// Whether `s` is a Roman numeral of the shapes books use (`I`, `iv`, `XII`; one case).
pub fn is_roman(s: &str) -> bool {
    let upper = s.chars().all(|c| "IVXLC".contains(c));
    let lower = s.chars().all(|c| "ivxlc".contains(c));
    !s.is_empty() && s.len() <= 7 && (upper || lower)
}

/// Whether `s` is a label number: digits, an English number word or a Roman numeral.
fn is_label_number(s: &str) -> bool {
    (!s.is_empty() && s.len() <= 3 && s.chars().all(|c| c.is_ascii_digit()))
        || spelt_number(s).is_some()
        || (is_roman(s) && s.chars().all(|c| c.is_ascii_uppercase()))
}

/// A title after an English label: short, capitalised, not a sentence.
fn english_title(rest: &str) -> Option<String> {
    let t = rest
        .trim()
        .trim_start_matches([':', '.', '—', '–', '-'])
        .trim();
    let first = t.chars().next()?;
    let ok = t.chars().count() <= MAX_EN_TITLE
        && !first.is_lowercase()
        && !has_page_number(t)
        && balanced(t)
        && !ends_sentence(t.trim_end_matches('.'))
        && !t.ends_with(',');
    ok.then(|| t.to_string())
}

/// Longest title line that may end in a full stop, in characters.
const MAX_STOPPED_TITLE: usize = 60;

/// A title line that ends in a full stop as typists print them (`The Widow and her Child.`,
/// `THE RETURN.`, `1741.`): short, its only stop the last character, and capitalised as a
/// title (at least half its words start in upper case) — not a sentence (`He went home.`).
pub fn stopped_title(text: &str) -> bool {
    let t = text.trim();
    let Some(body) = t.strip_suffix('.') else {
        return false;
    };
    let words: Vec<&str> = body.split_whitespace().collect();
    let capitalised = words
        .iter()
        .filter(|w| !w.starts_with(|c: char| c.is_lowercase()))
        .count();
    !body.is_empty()
        && t.chars().count() <= MAX_STOPPED_TITLE
        && !body.contains(['.', '!', '?', ';', ':', ','])
        && capitalised * 2 >= words.len()
        && !words
            .first()
            .is_some_and(|w| w.starts_with(|c: char| c.is_lowercase()))
}

/// `<word> <number>` (`Chapter 1`, `PART ONE`): (label, rest), the word matched case-blind but
/// either capitalised or all capitals.
fn english_label<'a>(text: &'a str, word: &str) -> Option<(&'a str, &'a str)> {
    let t = text.trim();
    let head = t.get(..word.len())?.as_bytes();
    let (first, tail) = word.as_bytes().split_first()?;
    // `Chapter` or `CHAPTER` for `chapter`, compared without building either
    let capitalised = head[0] == first.to_ascii_uppercase() && &head[1..] == tail;
    let upper = head
        .iter()
        .zip(word.as_bytes())
        .all(|(h, w)| *h == w.to_ascii_uppercase());
    if !capitalised && !upper {
        return None;
    }
    let rest = &t[word.len()..];
    if !rest.starts_with(' ') {
        return None;
    }
    let rest = rest.trim_start();
    let end = rest
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(rest.len());
    if !is_label_number(&rest[..end]) {
        return None;
    }
    let label_end = t.len() - rest.len() + end;
    Some((&t[..label_end], &t[label_end..]))
}

/// `Chapter 1`, `CHAPTER ONE` alone, or with a title on the same line (`Chapter 2: The Ford`).
pub fn english_chapter(text: &str) -> Option<Kind> {
    let (label, rest) = english_label(text, "chapter")?;
    let label = label.to_string();
    if rest.trim().is_empty() {
        return Some(Kind::ChapterLabel { label });
    }
    english_title(rest).map(|title| Kind::Chapter { label, title })
}

/// A part (编): `第一编`, `第二編 title`, `上编`, `Part I`, `PART TWO: title`.
pub fn part(text: &str) -> Option<Kind> {
    let t = text.trim();
    let (label, rest) = if let Some(found) = ordinal_label(t, "编編") {
        found
    } else if let Some(found) = english_label(t, "part") {
        found
    } else {
        let first = t.chars().next()?;
        let rest = t.get(first.len_utf8()..)?;
        let unit = rest.chars().next()?;
        if !"上中下".contains(first) || !"编編".contains(unit) {
            return None;
        }
        let end = first.len_utf8() + unit.len_utf8();
        (&t[..end], &t[end..])
    };
    let label = label.to_string();
    if rest.trim().is_empty() {
        return Some(Kind::PartLabel { label });
    }
    let title = if label.is_ascii() {
        english_title(rest)?
    } else {
        if !rest.starts_with(char::is_whitespace) {
            return None;
        }
        let r = rest.trim();
        let ok = r.chars().count() <= 30
            && !ends_sentence(r)
            && !r.starts_with(is_numeral)
            && !has_page_number(r);
        if !ok || r.starts_with(['，', '的']) {
            return None;
        }
        r.to_string()
    };
    Some(Kind::Part { label, title })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spelt_numbers() {
        let cases = [
            ("three", Some(3)),
            ("Twenty", Some(20)),
            ("Twenty-one", Some(21)),
            ("NINETY-NINE", Some(99)),
            ("Forty", Some(40)),
            ("twenty-ten", None),
            ("one-twenty", None),
            ("mill", None),
        ];
        for (word, want) in cases {
            assert_eq!(spelt_number(word), want, "{word}");
        }
    }

    #[test]
    fn english_chapters() {
        let lab = |l: &str| Some(Kind::ChapterLabel { label: l.into() });
        let ch = |l: &str, t: &str| {
            Some(Kind::Chapter {
                label: l.into(),
                title: t.into(),
            })
        };
        let cases = [
            ("Chapter 1", lab("Chapter 1")),
            ("CHAPTER ONE", lab("CHAPTER ONE")),
            ("  Chapter Twelve ", lab("Chapter Twelve")),
            ("Chapter IV", lab("Chapter IV")),
            ("Chapter 2: The Ford", ch("Chapter 2", "The Ford")),
            ("CHAPTER THREE — Mills", ch("CHAPTER THREE", "Mills")),
            ("Chapter 1 describes the river.", None),
            ("Chapter 2  The Wheel ......... 4", None),
            ("Chapter 1 describes how the", None),
            ("chapter 1", None),
            ("Chapters 1 and 2", None),
            ("Chapter eleventh", None),
            ("第一章", None),
        ];
        for (input, want) in cases {
            assert_eq!(english_chapter(input), want, "{input:?}");
        }
    }

    #[test]
    fn parts() {
        let lab = |l: &str| Some(Kind::PartLabel { label: l.into() });
        let p = |l: &str, t: &str| {
            Some(Kind::Part {
                label: l.into(),
                title: t.into(),
            })
        };
        let cases = [
            ("第一编", lab("第一编")),
            ("第二編　制度", p("第二編", "制度")),
            ("第一编 河流与城镇", p("第一编", "河流与城镇")),
            ("上编", lab("上编")),
            ("下编　人物", p("下编", "人物")),
            ("Part I", lab("Part I")),
            ("PART TWO", lab("PART TWO")),
            ("Part II: The Mills", p("Part II", "The Mills")),
            ("Part of the town was flooded.", None),
            ("上编的内容如下。", None),
            ("第一编写组的成员", None),
            ("上面", None),
            ("第一编　道路………………1", None),
        ];
        for (input, want) in cases {
            assert_eq!(part(input), want, "{input:?}");
        }
    }

    #[test]
    fn titles_with_a_full_stop() {
        let cases = [
            ("The Widow and her Lamp.", true),
            ("THE WATERMAN'S WAGER.", true),
            ("1741.", true),
            ("A Stranger at the Stairs.", true),
            ("He will not come to-night.", false),
            ("It was late. He left.", false),
            ("The Ford", false),
            ("and so to bed.", false),
            (".", false),
        ];
        for (input, want) in cases {
            assert_eq!(stopped_title(input), want, "{input:?}");
        }
    }

    #[test]
    fn roman_numerals() {
        let cases = [
            ("iii", true),
            ("XII", true),
            ("Xii", false),
            ("", false),
            ("river", false),
        ];
        for (input, want) in cases {
            assert_eq!(is_roman(input), want, "{input:?}");
        }
    }
}
