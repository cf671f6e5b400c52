//! Numbered heading labels (标号) the outline pass weighs: decimal `1`, `1.2`, `2.3.1`, `§1.2`;
//! lettered `A`; `第 1 节`; `第一回`; `Chapter 1`, `CHAPTER I.`, `CHAPTER THE FIRST`; Roman `I.`;
//! a number word alone (`One`); `Book the First—Title`, `PART II`, `EPOCH THE FIRST.`.

use crate::reader::front_matter::spacing::is_cjk;
use crate::reader::headings::has_page_number;
use crate::reader::labels::spelt_number;
use crate::reader::text::{balanced, ends_sentence};

/// Longest title a numbered heading carries, in characters.
const MAX_TITLE: usize = 90;

/// A numbering family: headings of one family form one sequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Family {
    /// `Book the First`, `PART II`, `EPOCH THE FIRST`, `第一编`/`第一部`/`第一卷`: parts.
    Part,
    /// `Chapter 1`, `CHAPTER I.`, `CHAPTER THE FIRST`, `第一回`, `第一章`: chapters by word.
    Chapter,
    /// `I. Title`, `IV.  TITLE`: a Roman numeral with a full stop.
    Roman,
    /// `One` alone: a chapter number spelt out.
    Word,
    /// `LETTER I.`, `Letter 12`: the numbered letters of a letter collection or an epistolary
    /// novel (chapters of their own, or sections inside chapters).
    Epistle,
    /// `A  Title`: a capital letter.
    Letter,
    /// `第 1 节`, `第二節`: a 节 (section) ordinal.
    Jie,
    /// `1`, `1.2`, `2.3.1`, `§1.2`: a decimal label with this many parts.
    Decimal(u8),
    /// `A.1`, `B.2.3`: an appendix letter and decimals, this many parts in all (2 or more).
    Lettered(u8),
}

/// A line that has the shape of a numbered heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Numbered {
    /// The sequence it belongs to.
    pub family: Family,
    /// Its numbers (one, or one per decimal part).
    pub numbers: Vec<u32>,
    /// The label as printed (spacing squeezed).
    pub label: String,
    /// The title on the same line; empty when the title follows on its own line.
    pub title: String,
}

/// English ordinal words (`the First`), index + 1 is the number.
const ORDINALS: &[&str] = &[
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
];

/// The value of a Roman numeral of one case (`XIV` 14), if `s` is one.
pub fn roman_value(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 8 {
        return None;
    }
    let upper = s.bytes().all(|b| b"IVXLC".contains(&b));
    let lower = s.bytes().all(|b| b"ivxlc".contains(&b));
    if !upper && !lower {
        return None;
    }
    let val = |b: u8| match b.to_ascii_uppercase() {
        b'I' => 1,
        b'V' => 5,
        b'X' => 10,
        b'L' => 50,
        _ => 100,
    };
    let b = s.as_bytes();
    let mut total = 0i64;
    for i in 0..b.len() {
        let v = val(b[i]);
        if b.get(i + 1).is_some_and(|&n| val(n) > v) {
            total -= v as i64;
        } else {
            total += v as i64;
        }
    }
    u32::try_from(total).ok().filter(|&v| v > 0)
}

/// The value of a Chinese numeral (`十二` 12, `二十三` 23, `一〇五` 105) or ASCII digits.
pub fn cn_value(s: &str) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    if s.chars().all(|c| c.is_ascii_digit()) {
        return s.parse().ok();
    }
    let digit = |c: char| "〇一二三四五六七八九".find(c).map(|i| (i / 3) as u32);
    let digit = |c: char| {
        if c == '零' {
            Some(0)
        } else if c == '两' {
            Some(2)
        } else {
            digit(c)
        }
    };
    if s.chars().all(|c| digit(c).is_some()) {
        return s
            .chars()
            .try_fold(0u32, |acc, c| Some(acc * 10 + digit(c)?));
    }
    let (mut total, mut cur) = (0u32, 0u32);
    for c in s.chars() {
        match c {
            '十' => {
                total += cur.max(1) * 10;
                cur = 0;
            }
            '百' => {
                total += cur.max(1) * 100;
                cur = 0;
            }
            _ => cur = digit(c)?,
        }
    }
    Some(total + cur)
}

/// An English number: digits, a number word, an ordinal word or an upper-case Roman numeral.
fn english_number(s: &str) -> Option<u32> {
    let w = s.trim_end_matches(['.', ':']).to_ascii_lowercase();
    if !w.is_empty() && w.len() <= 3 && w.bytes().all(|b| b.is_ascii_digit()) {
        return w.parse().ok();
    }
    if let Some(n) = spelt_number(&w) {
        return Some(n);
    }
    if let Some(i) = ORDINALS.iter().position(|n| *n == w) {
        return Some(i as u32 + 1);
    }
    let r = s.trim_end_matches(['.', ':']);
    roman_value(r).filter(|_| r.bytes().all(|b| b.is_ascii_uppercase()))
}

/// A title after a label: not a sentence, not a contents entry, not too long. Question titles
/// (`什么是 TeX？`) are headings in FAQs; a Latin title does not start in lower case.
fn title_ok(title: &str, family: Family) -> bool {
    let t = title.trim();
    // after a word label (`Book the Second--the Golden Thread`) a title may start in lower case
    let worded = matches!(family, Family::Part | Family::Chapter | Family::Epistle);
    if t.is_empty() {
        return true;
    }
    let ends = ends_sentence(t) && !t.ends_with(['?', '？']);
    // a dotted label's title may open with a lower-case name when a later word is capitalised
    // (`3.2.1 natbib Compatibility Commands`)
    let dotted = matches!(family, Family::Decimal(2..) | Family::Lettered(_));
    let title_case = t
        .split_whitespace()
        .skip(1)
        .any(|w| w.starts_with(|c: char| c.is_uppercase()));
    let lower_allowed = worded || dotted && title_case;
    let latin_lower = !lower_allowed
        && t.chars().next().is_some_and(|c| c.is_lowercase())
        && !t.chars().any(crate::reader::script::is_han);
    // a letter label over a letter title: two index columns' initials (`N      S`)
    let initials =
        family == Family::Letter && t.len() == 1 && t.bytes().all(|b| b.is_ascii_uppercase());
    t.chars().count() <= MAX_TITLE
        && !ends
        && !latin_lower
        && !initials
        && !t.ends_with([',', '，', ';', '；', '、'])
        // a sentence ends inside it: prose, no title
        && !t.trim_end_matches('。').contains('。')
        && !has_page_number(t)
        && balanced(t)
        && !t.contains(". . .")
        && !t.contains("....")
        && !t.contains("……")
}

/// White-space runs collapsed to one space; a single space between two CJK characters is
/// `-layout` padding and goes (`对 于` → `对于`), a wider gap stays one space.
pub fn tidy(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut gap = 0usize;
    let mut prev: Option<char> = None;
    for c in s.trim().chars() {
        if c.is_whitespace() {
            gap += if c == '\u{3000}' { 2 } else { 1 };
            continue;
        }
        if gap > 0 {
            let padding = gap == 1 && prev.is_some_and(is_cjk) && is_cjk(c);
            if !padding {
                out.push(' ');
            }
            gap = 0;
        }
        out.push(c);
        prev = Some(c);
    }
    out
}

/// Splits `text` (trimmed) at its first white space: (word, rest).
fn first_word(t: &str) -> (&str, &str) {
    match t.find(char::is_whitespace) {
        Some(i) => (&t[..i], t[i..].trim_start()),
        None => (t, ""),
    }
}

/// A lettered label `A.1`, `B.2.3`: (numbers, the letter's number first, label, rest).
fn lettered(t: &str) -> Option<(Vec<u32>, String, &str)> {
    let mut chars = t.chars();
    let letter = chars.next().filter(char::is_ascii_uppercase)?;
    if chars.next() != Some('.') || !chars.next().is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    let (mut numbers, label, rest) = decimal(&t[2..])?;
    if numbers.len() > 4 {
        return None;
    }
    numbers.insert(0, u32::from(letter as u8 - b'A' + 1));
    Some((numbers, format!("{letter}.{label}"), rest))
}

/// A decimal label `1`, `1.2`, `2.3.1.`, `§1.2`, `§ 3`: (numbers, label, rest).
fn decimal(t: &str) -> Option<(Vec<u32>, String, &str)> {
    let (sect, body) = match t.strip_prefix('§') {
        Some(r) => (true, r.trim_start()),
        None => (false, t),
    };
    let end = body
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(body.len());
    let raw = &body[..end];
    let rest = &body[end..];
    if raw.is_empty() || !rest.is_empty() && !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let trailing_dot = raw.ends_with('.');
    let core = raw.trim_end_matches('.');
    if core.is_empty() || core.contains("..") || core.starts_with('.') {
        return None;
    }
    let mut numbers = Vec::new();
    for part in core.split('.') {
        if part.len() > 3 || part.starts_with('0') && part.len() > 1 {
            return None;
        }
        numbers.push(part.parse::<u32>().ok()?);
    }
    // `1.` alone is a list item; `1.2.` is a decimal heading
    if numbers.len() == 1 && trailing_dot || numbers.len() > 5 || numbers.contains(&0) {
        return None;
    }
    let label = if sect {
        format!("§{core}")
    } else {
        core.to_string()
    };
    Some((numbers, label, rest.trim_start()))
}

/// `第 1 节`, `第二節`, `第一回`, `第三编`: (family, number, label, rest).
fn ordinal(t: &str) -> Option<(Family, u32, String, &str)> {
    let rest = t.strip_prefix('第')?.trim_start();
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || "〇零一二三四五六七八九十百两".contains(c)))
        .unwrap_or(rest.len());
    let n = cn_value(&rest[..end])?;
    let after = rest[end..].trim_start();
    let unit = after.chars().next()?;
    let family = match unit {
        '节' | '節' => Family::Jie,
        '回' => Family::Chapter,
        '编' | '編' | '部' | '卷' => Family::Part,
        _ => return None,
    };
    let label = format!("第{}{unit}", &rest[..end]);
    Some((family, n, label, after[unit.len_utf8()..].trim_start()))
}

/// Longest title before a `第N` suffix (`五帝本紀第一`), in characters.
const MAX_SUFFIXED_TITLE: usize = 12;

/// `卷一`, `卷之三`, `卷十二 志怪`: a volume (卷) of a classical Chinese book, a part.
fn juan(t: &str) -> Option<(u32, String, &str)> {
    let rest = t.strip_prefix('卷')?;
    let rest = rest.strip_prefix('之').unwrap_or(rest);
    let end = rest
        .find(|c: char| !"〇零一二三四五六七八九十百两".contains(c))
        .unwrap_or(rest.len());
    let n = cn_value(&rest[..end])?;
    let after = &rest[end..];
    // `卷一` alone or with its title after a space; `卷一百回` (prose) is neither
    if !after.is_empty() && !after.starts_with(char::is_whitespace) {
        return None;
    }
    Some((
        n,
        t[..t.len() - after.len()].to_string(),
        after.trim_start(),
    ))
}

/// `學而第一`, `始計第一`, `五帝本紀第一`: a classical chapter title followed by its ordinal,
/// the whole line (kept as printed as the title; the ordinal is the sequence number).
fn suffixed(t: &str) -> Option<u32> {
    let (title, number) = t.rsplit_once('第')?;
    let n = cn_value(number).filter(|_| !number.chars().any(|c| c.is_ascii_digit()))?;
    let count = title.chars().count();
    ((1..=MAX_SUFFIXED_TITLE).contains(&count) && title.chars().all(crate::reader::script::is_han))
        .then_some(n)
}

/// Words that open an English part or chapter label.
const PART_WORDS: &[&str] = &["book", "part", "volume", "epoch"];

/// `Chapter 1`, `CHAPTER I.`, `CHAPTER THE FIRST.`, `Book the First--Recalled to Life`.
fn english(t: &str) -> Option<(Family, u32, String, &str)> {
    let (word, rest) = first_word(t);
    let lower = word.to_ascii_lowercase();
    let family = if lower == "chapter" {
        Family::Chapter
    } else if lower == "letter" {
        Family::Epistle
    } else if PART_WORDS.contains(&lower.as_str()) {
        Family::Part
    } else {
        return None;
    };
    let capitalised =
        word.chars().skip(1).all(|c| c.is_lowercase()) || word.chars().all(|c| c.is_uppercase());
    if !word.starts_with(char::is_uppercase) || !capitalised {
        return None;
    }
    let (mut num, mut rest) = first_word(rest);
    let mut label = format!("{word} ");
    if num.eq_ignore_ascii_case("the") {
        label.push_str(num);
        label.push(' ');
        (num, rest) = first_word(rest);
    }
    // `the First--Recalled to Life`: the number runs to the first non-letter
    let cut = num
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(num.len());
    let (n, tail) = num.split_at(cut);
    let value = english_number(n)?;
    label.push_str(n);
    let rest = if tail.is_empty() {
        rest
    } else {
        // the title glued to the number by punctuation (`First--Recalled`)
        let glued = &t[t.len() - rest.len() - tail.len() - usize::from(!rest.is_empty())..];
        glued.trim_start_matches(|c: char| !c.is_alphanumeric())
    };
    let rest = rest.trim_start_matches(['.', ':', '-', '—', '–', ' ']);
    Some((family, value, label, rest))
}

/// Parses a line with the shape of a numbered heading.
pub fn parse(text: &str) -> Option<Numbered> {
    let t = text.trim();
    if t.is_empty() || t.chars().count() > MAX_TITLE + 16 {
        return None;
    }
    let found = if let Some((numbers, label, rest)) = decimal(t) {
        Some((Family::Decimal(numbers.len() as u8), numbers, label, rest))
    } else if let Some((numbers, label, rest)) = lettered(t) {
        Some((Family::Lettered(numbers.len() as u8), numbers, label, rest))
    } else if let Some((family, n, label, rest)) = ordinal(t) {
        // prose that opens with `第一回` (`第一回是……，`): clauses glued to the label
        let glued = !rest.is_empty() && t.ends_with(rest) && t.len() - rest.len() == label.len();
        (!(glued && rest.contains('，'))).then(|| (family, vec![n], label, rest))
    } else if let Some((family, n, label, rest)) = english(t) {
        Some((family, vec![n], label, rest))
    } else if let Some((n, label, rest)) = juan(t) {
        Some((Family::Part, vec![n], label, rest))
    } else if let Some(n) = suffixed(t) {
        // no label of its own: the line is the title as printed
        Some((Family::Chapter, vec![n], String::new(), t))
    } else {
        let (word, rest) = first_word(t);
        if let Some(r) = word.strip_suffix('.').and_then(roman_value) {
            let upper = word.bytes().all(|b| b.is_ascii_uppercase() || b == b'.');
            upper.then(|| (Family::Roman, vec![r], word.to_string(), rest))
        } else if word.len() == 1 && word.bytes().all(|b| b.is_ascii_uppercase()) {
            let n = u32::from(word.as_bytes()[0] - b'A' + 1);
            // `A` and `I` are English words: a letter label needs a gap or a CJK title, or
            // stands alone (an appendix letter, its title on the line below)
            let gap = rest.is_empty()
                || t[1..].starts_with("  ")
                || rest.chars().any(crate::reader::script::is_han);
            gap.then(|| (Family::Letter, vec![n], word.to_string(), rest))
        } else if rest.is_empty() {
            spelt_number(word)
                .filter(|_| word.starts_with(char::is_uppercase))
                .map(|n| (Family::Word, vec![n], word.to_string(), ""))
        } else {
            None
        }
    };
    let (family, numbers, label, rest) = found?;
    if has_page_number(rest) {
        return None;
    }
    let title = tidy(rest);
    title_ok(&title, family).then_some(Numbered {
        family,
        numbers,
        label,
        title,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(family: Family, numbers: &[u32], label: &str, title: &str) -> Option<Numbered> {
        Some(Numbered {
            family,
            numbers: numbers.to_vec(),
            label: label.into(),
            title: title.into(),
        })
    }

    #[test]
    fn labels_are_parsed() {
        use Family::*;
        let cases = [
            ("1 Introduction", n(Decimal(1), &[1], "1", "Introduction")),
            (
                "1.1 What is a river?",
                n(Decimal(2), &[1, 1], "1.1", "What is a river?"),
            ),
            (
                "  2.3.1   Mills  and weirs",
                n(Decimal(3), &[2, 3, 1], "2.3.1", "Mills and weirs"),
            ),
            ("§1.2 渡口概况", n(Decimal(2), &[1, 2], "§1.2", "渡口概况")),
            ("1.1.1", n(Decimal(3), &[1, 1, 1], "1.1.1", "")),
            ("3.2. Boats", n(Decimal(3 - 1), &[3, 2], "3.2", "Boats")),
            ("1. A list item", None),
            ("1 apple fell from the tree", None),
            ("12 rivers flow into the lake.", None),
            ("1.1 Ferries . . . . . . . 3", None),
            ("2.1 渡口\t12", None),
            ("3.14159 is pi", None),
            ("10.5pt", None),
            ("第 1 节 介绍", n(Jie, &[1], "第1节", "介绍")),
            (
                "第十二回　渡口遇雨　河边论道",
                n(Chapter, &[12], "第十二回", "渡口遇雨 河边论道"),
            ),
            ("第二编 城镇", n(Part, &[2], "第二编", "城镇")),
            ("卷一", n(Part, &[1], "卷一", "")),
            ("卷之三", n(Part, &[3], "卷之三", "")),
            ("卷十二　渡口志", n(Part, &[12], "卷十二", "渡口志")),
            ("卷一百回都讲渡口", None),
            ("渡口第一", n(Chapter, &[1], "", "渡口第一")),
            (
                "河伯水府本紀第十二",
                n(Chapter, &[12], "", "河伯水府本紀第十二"),
            ),
            ("天下第一", n(Chapter, &[1], "", "天下第一")),
            ("他是第一", n(Chapter, &[1], "", "他是第一")),
            ("他说渡口第一，", None),
            ("渡口第1", None),
            ("第一回是去年春天，我们到了河口，你", None),
            ("第二回 忘了哪一年。总之是在河口", None),
            (
                "第三回 生存，还是毁灭",
                n(Chapter, &[3], "第三回", "生存，还是毁灭"),
            ),
            ("CHAPTER I.", n(Chapter, &[1], "CHAPTER I", "")),
            ("Chapter 7", n(Chapter, &[7], "Chapter 7", "")),
            (
                "CHAPTER THE FIRST.",
                n(Chapter, &[1], "CHAPTER THE FIRST", ""),
            ),
            (
                "Book the First--Upstream",
                n(Part, &[1], "Book the First", "Upstream"),
            ),
            ("EPOCH THE SECOND.", n(Part, &[2], "EPOCH THE SECOND", "")),
            (
                "Book the Second--the Delta",
                n(Part, &[2], "Book the Second", "the Delta"),
            ),
            ("LETTER I.", n(Epistle, &[1], "LETTER I", "")),
            ("Letter 12", n(Epistle, &[12], "Letter 12", "")),
            (
                "LETTER THE SECOND.",
                n(Epistle, &[2], "LETTER THE SECOND", ""),
            ),
            (
                "Letter IV.--To the Ferryman",
                n(Epistle, &[4], "Letter IV", "To the Ferryman"),
            ),
            ("Letter by letter he spelt it out.", None),
            ("letter 3", None),
            ("I. The Ferry", n(Roman, &[1], "I.", "The Ferry")),
            ("IV.  THE WEIR", n(Roman, &[4], "IV.", "THE WEIR")),
            ("I went down to the river.", None),
            ("One", n(Word, &[1], "One", "")),
            ("A    关于渡口", n(Letter, &[1], "A", "关于渡口")),
            ("B  Mills", n(Letter, &[2], "B", "Mills")),
            ("M                                  R", None),
            ("Twenty-one", n(Word, &[21], "Twenty-one", "")),
            ("A man walked along the bank", None),
            ("C", n(Letter, &[3], "C", "")),
            ("A.1   Packages", n(Lettered(2), &[1, 1], "A.1", "Packages")),
            ("G.2      字体", n(Lettered(2), &[7, 2], "G.2", "字体")),
            (
                "B.1.3 Ferries",
                n(Lettered(3), &[2, 1, 3], "B.1.3", "Ferries"),
            ),
            ("A.M. in the morning", None),
            ("U.S. law applies", None),
            (
                "2.4.1 ferryman Tools and Knots",
                n(Decimal(3), &[2, 4, 1], "2.4.1", "ferryman Tools and Knots"),
            ),
            ("2.5 cm of rain fell", None),
            ("3 ferries and Boats", None),
        ];
        for (input, want) in cases {
            assert_eq!(parse(input), want, "{input:?}");
        }
    }

    #[test]
    fn numerals() {
        assert_eq!(roman_value("XIV"), Some(14));
        assert_eq!(roman_value("iv"), Some(4));
        assert_eq!(roman_value("Xi"), None);
        assert_eq!(cn_value("十二"), Some(12));
        assert_eq!(cn_value("二十三"), Some(23));
        assert_eq!(cn_value("一〇五"), Some(105));
        assert_eq!(cn_value("十"), Some(10));
        assert_eq!(cn_value("7"), Some(7));
    }
}
