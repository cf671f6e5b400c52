//! Contents labels (标号): `第一章`, `Chapter 1`, `（一）`, `一、`, `1.2`, and the back-matter
//! titles that stand without one; plus the keys that compare a printed entry with a heading.

use crate::reader::front_matter::spacing::squeeze;

/// What a contents entry is, from its label or title.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    /// 第一编 / 第一篇 / 第一部 / Part 1.
    Part,
    /// 第一章 / 第一讲 / Chapter 1.
    Chapter,
    /// 第一节, （一）, 一、.
    Section,
    /// (1), （1）: below a section.
    Subsection,
    /// `1.2`, `1.2.3`: a decimal label with this many parts.
    Decimal(u8),
    /// 参考文献, 后记, 附录 …: top-level back matter without a label.
    Back,
    /// 序, 前言, 内容提要 …: top-level front matter without a label.
    Front,
    /// An unlabelled title (导论, 结语 …).
    Plain,
}

/// Titles of back matter listed in a contents without a label.
const BACK_TITLES: &[&str] = &[
    "参考文献",
    "主要参考文献",
    "参考书目",
    "后记",
    "跋",
    "附录",
    "索引",
    "致谢",
    "注释",
    "參考文獻",
    "主要參考文獻",
    "參考書目",
    "後記",
    "附錄",
    "致謝",
    "註釋",
    "Bibliography",
    "Notes",
    "Acknowledgments",
    "Acknowledgements",
    "References",
    "Afterword",
    "Appendix",
    "Index",
];

/// Titles of front matter listed in a contents without a label.
const FRONT_TITLES: &[&str] = &[
    "序",
    "序言",
    "自序",
    "代序",
    "前言",
    "内容提要",
    "内容简介",
    "內容提要",
    "內容簡介",
    "Preface",
    "Foreword",
];

const CN_DIGITS: &str = "〇零一二三四五六七八九十百千两";

fn is_cn_number(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| CN_DIGITS.contains(c) || c.is_ascii_digit())
}

/// Splits a contents line (page number already removed) into kind, label and title.
pub fn split_label(text: &str) -> (EntryKind, Option<String>, String) {
    let t = text.trim();
    if let Some(after) = t.strip_prefix('第') {
        // pdftotext sets Arabic digits apart from the ideographs around them (`第 4 节`)
        let after = after.trim_start();
        let num: String = after
            .chars()
            .take_while(|c| CN_DIGITS.contains(*c) || c.is_ascii_digit())
            .collect();
        let spaced = &after[num.len()..];
        let rest = spaced.trim_start();
        let rest = if spaced.len() == rest.len() || num.bytes().all(|b| b.is_ascii_digit()) {
            rest
        } else {
            spaced
        };
        if let Some(unit) = rest.chars().next().filter(|_| !num.is_empty()) {
            let kind = match unit {
                '编' | '編' | '篇' | '部' => Some(EntryKind::Part),
                '章' | '讲' | '講' => Some(EntryKind::Chapter),
                '节' | '節' => Some(EntryKind::Section),
                _ => None,
            };
            if let Some(kind) = kind {
                let label = format!("第{num}{unit}");
                return (
                    kind,
                    Some(label),
                    rest[unit.len_utf8()..].trim().to_string(),
                );
            }
        }
    }
    for (word, kind) in [
        ("chapter", EntryKind::Chapter),
        ("letter", EntryKind::Chapter),
        ("part", EntryKind::Part),
    ] {
        if t.len() > word.len()
            && t.is_char_boundary(word.len())
            && t[..word.len()].eq_ignore_ascii_case(word)
        {
            let rest = t[word.len()..].trim_start();
            let num: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            if !num.is_empty()
                && (num.chars().all(|c| c.is_ascii_digit())
                    || num.chars().all(|c| "IVXLivxl".contains(c)))
            {
                let label = format!("{}{}", &t[..word.len()], format_args!(" {num}"));
                let title = rest[num.len()..].trim_start_matches([':', '.', ' ']).trim();
                return (kind, Some(label), title.to_string());
            }
        }
    }
    if let Some(inner_start) = t.strip_prefix(['(', '（']) {
        if let Some(close) = inner_start.find([')', '）']) {
            let inner = &inner_start[..close];
            let title = inner_start[close..].chars().skip(1).collect::<String>();
            if is_cn_number(inner) && !inner.chars().all(|c| c.is_ascii_digit()) {
                return (
                    EntryKind::Section,
                    Some(format!("（{inner}）")),
                    title.trim().to_string(),
                );
            }
            if !inner.is_empty() && inner.chars().all(|c| c.is_ascii_digit()) {
                return (
                    EntryKind::Subsection,
                    Some(format!("（{inner}）")),
                    title.trim().to_string(),
                );
            }
        }
    }
    if let Some((num, title)) = t.split_once('、')
        && is_cn_number(num)
        && !num.chars().any(|c| c.is_ascii_digit())
    {
        return (
            EntryKind::Section,
            Some(format!("{num}、")),
            title.trim().to_string(),
        );
    }
    if let Some((label, title)) = letter_label(t) {
        let kind = if label.len() > 1 {
            EntryKind::Back
        } else {
            EntryKind::Chapter
        };
        return (kind, Some(label), title.to_string());
    }
    if let Some((label, parts, title)) = decimal_label(t) {
        return (EntryKind::Decimal(parts), Some(label), title.to_string());
    }
    let key = squeeze(t);
    if BACK_TITLES.iter().any(|b| key.starts_with(b)) {
        return (EntryKind::Back, None, t.to_string());
    }
    if FRONT_TITLES.iter().any(|f| key == *f) {
        return (EntryKind::Front, None, t.to_string());
    }
    (EntryKind::Plain, None, t.to_string())
}

/// An appendix or a lettered chapter: `Appendix B Title` (label `Appendix B`), and a capital
/// letter before a CJK title or after a wide gap (`A 关于 FAQ`, `B    Rivers`); `A Study` is
/// an English title, not a label.
fn letter_label(t: &str) -> Option<(String, &str)> {
    let (word, rest) = t.split_once(char::is_whitespace).unwrap_or((t, ""));
    if word.eq_ignore_ascii_case("appendix") {
        let rest = rest.trim_start();
        let (letter, title) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
        let letter = letter.trim_end_matches([':', '.']);
        let one = letter.len() == 1 && letter.as_bytes()[0].is_ascii_uppercase();
        let digits = !letter.is_empty() && letter.bytes().all(|b| b.is_ascii_digit());
        return (one || digits).then(|| (format!("{word} {letter}"), title.trim()));
    }
    let capital = word.len() == 1 && word.as_bytes()[0].is_ascii_uppercase();
    let title = rest.trim_start();
    let wide = capital && t[1..].starts_with("   ");
    let cjk = title
        .chars()
        .next()
        .is_some_and(crate::reader::front_matter::spacing::is_cjk);
    (capital && !title.is_empty() && (wide || cjk)).then(|| (word.to_string(), title))
}

/// Longest chapter number printed alone before its title (`12 Title`), in digits.
const MAX_CHAPTER_DIGITS: usize = 2;

/// A decimal label and its title: `2.1 Title`, `A.1 Title` (an appendix letter first), and a
/// chapter's bare number `3 Title` (one or two digits, a title that starts with no digit); the
/// label, its depth and the rest of the line (empty for a label alone: `1.1`).
pub fn decimal_label(t: &str) -> Option<(String, u8, &str)> {
    let lettered = t.len() > 2
        && t.as_bytes()[0].is_ascii_uppercase()
        && t.as_bytes()[1] == b'.'
        && t.as_bytes()[2].is_ascii_digit();
    let skip = if lettered { 2 } else { 0 };
    let digits = t[skip..]
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || c == '.'))
        .map_or(t.len(), |(i, _)| i + skip);
    let dec = &t[..digits];
    let label = dec.trim_end_matches('.');
    let parts = label.split('.').filter(|p| !p.is_empty()).count() as u8;
    let after = &t[digits..];
    if parts == 0 || label.split('.').any(str::is_empty) {
        return None;
    }
    let separated = after.is_empty() || after.starts_with(char::is_whitespace);
    let dotted = label.contains('.');
    let bare_chapter = !dotted
        && label.len() <= MAX_CHAPTER_DIGITS
        && after
            .trim_start()
            .chars()
            .next()
            .is_some_and(|c| !c.is_ascii_digit());
    (separated && (dotted || bare_chapter)).then(|| (label.to_string(), parts, after.trim()))
}

/// A label for comparison: no spaces, full-width brackets, `一、` as `（一）`, lower case.
pub fn label_key(label: &str) -> String {
    let s = squeeze(label)
        .replace('(', "（")
        .replace(')', "）")
        .to_lowercase();
    if let Some(num) = s.strip_suffix('、') {
        return format!("（{num}）");
    }
    // `CHAPTER THREE` and `Chapter 3` are the same label.
    for prefix in ["chapter", "part"] {
        if let Some(n) = s.strip_prefix(prefix).and_then(number_word) {
            return format!("{prefix}{n}");
        }
    }
    s
}

/// English number words as digits (`three` → 3).
fn number_word(word: &str) -> Option<u32> {
    crate::reader::labels::spelt_number(word)
}

/// A title for comparison: no spaces, leaders or quotes; ASCII punctuation as full-width.
pub fn title_key(title: &str) -> String {
    if title.contains('Σ') {
        // the capital sigma lower-cases by its neighbours (σ or a final ς): the whole key at once
        return title_key_by_string(title);
    }
    // one pass into one buffer: this runs on every body line a printed contents is looked for
    // in, so runs of ASCII letters are copied whole and only other characters are decoded
    let mut key = String::with_capacity(title.len() + 8);
    let bytes = title.as_bytes();
    let (mut i, mut run) = (0, 0);
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_alphanumeric() || (b.is_ascii() && !title_key_special(b)) {
            i += 1;
            continue;
        }
        if !b.is_ascii() {
            let c = title[i..].chars().next().expect("a character starts here");
            if ('\u{3001}'..='\u{9FFF}').contains(&c) {
                // CJK punctuation, kana and ideographs: no white space, no case, kept as is
                i += c.len_utf8();
                continue;
            }
        }
        key.push_str(&title[run..i]);
        if b.is_ascii() {
            match b {
                b',' => key.push('，'),
                b':' => key.push('：'),
                b';' => key.push('；'),
                b'(' => key.push('（'),
                b')' => key.push('）'),
                b'?' => key.push('？'),
                b'!' => key.push('！'),
                _ => {} // white space and straight quotes
            }
            i += 1;
        } else {
            let c = title[i..].chars().next().expect("a character starts here");
            if !c.is_whitespace() && !matches!(c, '“' | '”' | '‘' | '’' | '…' | '·' | '⋯')
            {
                key.extend(c.to_lowercase());
            }
            i += c.len_utf8();
        }
        run = i;
    }
    key.push_str(&title[run..]);
    key.make_ascii_lowercase();
    let kept = key.trim_end_matches(['.', '．']).len();
    key.truncate(kept);
    key
}

/// ASCII bytes [`title_key`] drops or replaces: white space, straight quotes, punctuation it
/// prints full-width.
fn title_key_special(b: u8) -> bool {
    matches!(
        b,
        b' ' | b'\t'..=b'\r' | b'"' | b'\'' | b',' | b':' | b';' | b'(' | b')' | b'?' | b'!'
    )
}

/// [`title_key`] by whole-string steps: squeeze, drop quotes, map punctuation, trim the
/// leaders, lower-case the whole (for the context-dependent lower case of `Σ`).
fn title_key_by_string(title: &str) -> String {
    squeeze(title)
        .chars()
        .filter(|c| !matches!(c, '“' | '”' | '‘' | '’' | '"' | '\'' | '…' | '·' | '⋯'))
        .map(|c| match c {
            ',' => '，',
            ':' => '：',
            ';' => '；',
            '(' => '（',
            ')' => '）',
            '?' => '？',
            '!' => '！',
            c => c,
        })
        .collect::<String>()
        .trim_end_matches(['.', '．'])
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_recognised() {
        use EntryKind::*;
        let cases: &[(&str, EntryKind, Option<&str>, &str)] = &[
            ("第一章 古镇的由来", Chapter, Some("第一章"), "古镇的由来"),
            ("第十二章水与桥", Chapter, Some("第十二章"), "水与桥"),
            ("第二编 手艺", Part, Some("第二编"), "手艺"),
            ("第三节 染坊", Section, Some("第三节"), "染坊"),
            ("第 4 节 编码与字库", Section, Some("第4节"), "编码与字库"),
            ("第 12 章", Chapter, Some("第12章"), ""),
            ("第一 章程", Plain, None, "第一 章程"),
            ("第一節　山城的地理", Section, Some("第一節"), "山城的地理"),
            ("第二編 茶市", Part, Some("第二編"), "茶市"),
            ("Chapter 4 Looms", Chapter, Some("Chapter 4"), "Looms"),
            ("(一) 织机与织工", Section, Some("（一）"), "织机与织工"),
            ("（十一）竹编", Section, Some("（十一）"), "竹编"),
            ("二、集市与行会", Section, Some("二、"), "集市与行会"),
            ("(3) 学徒制度", Subsection, Some("（3）"), "学徒制度"),
            ("2.1 河道", Decimal(2), Some("2.1"), "河道"),
            ("3 Shell Syntax", Decimal(1), Some("3"), "Shell Syntax"),
            ("A 关于 FAQ", Chapter, Some("A"), "关于 FAQ"),
            ("B    Bridges", Chapter, Some("B"), "Bridges"),
            ("A Study of Mills", Plain, None, "A Study of Mills"),
            (
                "Appendix C Ferry Tolls",
                Back,
                Some("Appendix C"),
                "Ferry Tolls",
            ),
            ("A.2 The Index", Decimal(2), Some("A.2"), "The Index"),
            (
                "B.1.3 Notes on tabs",
                Decimal(3),
                Some("B.1.3"),
                "Notes on tabs",
            ),
            ("1990 年代的河", Plain, None, "1990 年代的河"),
            ("12 34 56", Plain, None, "12 34 56"),
            ("主要参考文献", Back, None, "主要参考文献"),
            ("附录一 访谈提纲", Back, None, "附录一 访谈提纲"),
            ("后 记", Back, None, "后 记"),
            ("前言", Front, None, "前言"),
            ("导论", Plain, None, "导论"),
            ("第一线的声音", Plain, None, "第一线的声音"),
        ];
        for (text, kind, label, title) in cases {
            let got = split_label(text);
            assert_eq!(
                got,
                (*kind, label.map(str::to_string), title.to_string()),
                "{text}"
            );
        }
    }

    #[test]
    fn title_key_is_the_reference_key() {
        let cases = [
            "",
            "   ",
            "Chapter 3: The Ford",
            "  2.3.1   Mills  and weirs . . . . 17",
            "\"Quoted,\" she said (twice)?!",
            "水乡, 集市 与“行会”",
            "结语.....",
            "附录：调查问卷．．",
            "ΟΔΥΣΣΕΥΣ",
            "ΑΣ. Σ",
            "İSTANBUL \u{212A}elvin",
            "Ｆｕｌｌ　Ｗｉｄｔｈ\u{3000}ＡＢＣ",
            "tab\tand\u{0B}vertical\u{0C}feed\r\nend",
            "\u{85}next\u{A0}nbsp\u{2028}line\u{1C}sep",
            "dots…and·middle⋯",
            "Mixed 中文 and English: “Title”.",
            "ǅungla ǈ",
            "ΣΑΣ ΟΔΟΣ",
            "Ärger, Öl; Übel? (ÉTÉ)!",
            "ﬁne ﬂow Ｉｎｄｅｘ．",
            "Title...  ",
            "İ.",
            "第一章　绪论：河流与集市（上）……12",
            "〔附录〕 ぁァ㐀鿿 ꀀ ＡＢＣ",
        ];
        for text in cases {
            assert_eq!(title_key(text), title_key_by_string(text), "{text:?}");
        }
    }

    #[test]
    fn keys_normalise_print_differences() {
        let cases = [
            (label_key("(一)"), "（一）"),
            (label_key("一、"), "（一）"),
            (label_key("第 一 章"), "第一章"),
            (label_key("Chapter 4"), "chapter4"),
            (label_key("CHAPTER FOUR"), "chapter4"),
            (title_key("水乡, 集市 与“行会”"), "水乡，集市与行会"),
            (title_key("结语....."), "结语"),
        ];
        for (got, want) in cases {
            assert_eq!(got, want);
        }
    }
}
