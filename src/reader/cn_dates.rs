//! Chinese calendar dates (中文日期) at the start of a line: `三月五日`, `一九三〇年三月五日`,
//! `1930年3月5日`, `正月初三`, `十二月廿一日（星期三）`. Read by the diary pass (an entry's date,
//! alone or running into the entry's first line) and the letters pass (the date under a
//! letter's signature). A leaf module: it imports nothing else from the reader.

/// Han numerals a month or day is written in (`〇` and `○` both serve as zero in years).
const HAN_DIGITS: &[(char, u32)] = &[
    ('〇', 0),
    ('○', 0),
    ('零', 0),
    ('一', 1),
    ('二', 2),
    ('三', 3),
    ('四', 4),
    ('五', 5),
    ('六', 6),
    ('七', 7),
    ('八', 8),
    ('九', 9),
];

/// Weather words a diary prints after its date (`三月五日 晴`).
const WEATHER: &str = "晴阴陰雨雪风風云雲多少小大中阵陣转轉雷暴霾雾霧冷热熱暖凉涼微霁霽";

/// A leading date: where it ends, and whether it names a day (not a month alone).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LeadingDate {
    /// Byte length of the date (weekday included) in the trimmed text.
    pub len: usize,
}

/// The value of a run of digits (ASCII, full-width or Han, `十` tens included: `二十一`).
fn value(s: &str) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    if s.chars()
        .all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
    {
        return s.chars().try_fold(0u32, |n, c| {
            let d = c.to_digit(10).or_else(|| Some(c as u32 - '０' as u32))?;
            n.checked_mul(10)?.checked_add(d)
        });
    }
    let digit = |c: char| HAN_DIGITS.iter().find(|(h, _)| *h == c).map(|(_, v)| *v);
    match s.split_once('十') {
        // 十 / 十五 / 二十 / 二十一
        Some((tens, ones)) => {
            let tens = match tens {
                "" => 1,
                t if t.chars().count() == 1 => digit(t.chars().next()?)?,
                _ => return None,
            };
            let ones = match ones {
                "" => 0,
                o if o.chars().count() == 1 => digit(o.chars().next()?)?,
                _ => return None,
            };
            Some(tens * 10 + ones)
        }
        None => s.chars().try_fold(0u32, |n, c| Some(n * 10 + digit(c)?)),
    }
}

/// The numeral run at the start of `s` and the rest.
fn numeral(s: &str) -> (&str, &str) {
    let end = s
        .char_indices()
        .find(|(_, c)| {
            !(c.is_ascii_digit()
                || ('０'..='９').contains(c)
                || *c == '十'
                || HAN_DIGITS.iter().any(|(h, _)| h == c))
        })
        .map_or(s.len(), |(i, _)| i);
    s.split_at(end)
}

/// `星期三`, `礼拜天`, `周五`, in round brackets or not: its byte length at the start of `s`.
fn weekday(s: &str) -> Option<usize> {
    let (open, inner) = match s.strip_prefix(['（', '(']) {
        Some(r) => (s.len() - r.len(), r),
        None => (0, s),
    };
    let prefix = ["星期", "礼拜", "禮拜", "周", "週"]
        .iter()
        .find(|p| inner.starts_with(*p))?;
    let day = inner[prefix.len()..].chars().next()?;
    if !"一二三四五六日天".contains(day) {
        return None;
    }
    let mut len = open + prefix.len() + day.len_utf8();
    if open > 0 {
        let close = s[len..]
            .chars()
            .next()
            .filter(|c| matches!(c, '）' | ')'))?;
        len += close.len_utf8();
    }
    Some(len)
}

/// A date at the start of `text` (after its indent): an optional year (`一九三〇年`, `1930年`),
/// a month (`三月`, `正月`, `12月`) and a day (`五日`, `初三`, `廿一日`, `5号`), then perhaps a
/// weekday (`星期三`, `（周五）`). `None` when the text does not start so, or the month or
/// day is out of range.
pub fn leading(text: &str) -> Option<LeadingDate> {
    let t = text.trim_start();
    let mut rest = t;
    // the year: four digits, then 年
    let (digits, after) = numeral(rest);
    if let Some(r) = after.strip_prefix('年') {
        if digits.chars().count() != 4 || digits.contains('十') {
            return None;
        }
        rest = r.trim_start();
    }
    // the month: 正月, 冬月, 腊月, or 1–12 then 月
    let month_words = ["正月", "冬月", "腊月", "臘月"];
    if let Some(w) = month_words.iter().find(|w| rest.starts_with(*w)) {
        rest = &rest[w.len()..];
    } else {
        let (digits, after) = numeral(rest);
        let r = after.strip_prefix('月')?;
        if !(1..=12).contains(&value(digits)?) {
            return None;
        }
        rest = r;
    }
    rest = rest.trim_start();
    // the day: 初一–初十, 廿X, 卅X, or 1–31, then 日 / 号 / 號 (optional after Han numerals)
    let day_len = if let Some(r) = rest.strip_prefix('初') {
        let (d, _) = numeral(r);
        (1..=10)
            .contains(&value(d)?)
            .then_some('初'.len_utf8() + d.len())?
    } else if let Some(r) = rest.strip_prefix(['廿', '卅']) {
        let (d, after) = numeral(r);
        let unit = after
            .chars()
            .next()
            .filter(|c| matches!(c, '日' | '号' | '號'));
        value(d).filter(|v| (1..=9).contains(v))?;
        3 + d.len() + unit.map_or(0, char::len_utf8)
    } else {
        let (d, after) = numeral(rest);
        if !(1..=31).contains(&value(d)?) {
            return None;
        }
        let unit = after
            .chars()
            .next()
            .filter(|c| matches!(c, '日' | '号' | '號'));
        // `3月5` without 日 is no date a book prints
        let han = d
            .chars()
            .any(|c| !c.is_ascii_digit() && !('０'..='９').contains(&c));
        if unit.is_none() && !han {
            return None;
        }
        d.len() + unit.map_or(0, char::len_utf8)
    };
    rest = &rest[day_len..];
    let mut len = t.len() - rest.len();
    let spaced = rest.trim_start_matches([' ', '\u{3000}']);
    if let Some(w) = weekday(spaced) {
        len = t.len() - spaced.len() + w;
    }
    Some(LeadingDate { len })
}

/// Whether the text is a date alone, perhaps with a weekday and the day's weather
/// (`三月五日`, `三月五日 星期三 晴`, `一九三〇年三月五日。`).
pub fn is_date_alone(text: &str) -> bool {
    let t = text.trim();
    let Some(d) = leading(t) else {
        return false;
    };
    let rest = t[d.len..].trim_matches(|c: char| c.is_whitespace() || matches!(c, '。' | '，'));
    rest.chars().count() <= 4
        && rest
            .chars()
            .all(|c| WEATHER.contains(c) || c.is_whitespace() || matches!(c, '，' | '、'))
}

/// `三月五日 晴。今天……`: a date set off by white space from the text it runs into; the
/// date's byte length in the trimmed text. A date followed by punctuation (`三月五日，我们……`)
/// or by nothing is no run-in date.
pub fn run_in(text: &str) -> Option<usize> {
    let t = text.trim();
    let d = leading(t)?;
    let after = &t[d.len..];
    let text_at = after.trim_start_matches([' ', '\u{3000}']);
    let spaced = text_at.len() < after.len();
    let starts_text = text_at
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() || matches!(c, '“' | '「' | '《'));
    (spaced && starts_text).then_some(d.len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leading_dates() {
        // (text, the date's text)
        let table: &[(&str, Option<&str>)] = &[
            ("三月五日", Some("三月五日")),
            ("十二月二十一日 晴", Some("十二月二十一日")),
            ("一九三〇年三月五日", Some("一九三〇年三月五日")),
            ("1930年3月5日", Some("1930年3月5日")),
            ("正月初三", Some("正月初三")),
            ("腊月廿三日 雪", Some("腊月廿三日")),
            ("三月五日 星期三 雨", Some("三月五日 星期三")),
            ("三月五日（周五）", Some("三月五日（周五）")),
            ("3月5号", Some("3月5号")),
            ("十三月五日", None),
            ("三月四十日", None),
            ("3月5", None),
            ("三月", None),
            ("三十年前", None),
            ("今天三月五日", None),
            ("930年3月5日", None),
        ];
        for (text, want) in table {
            let got = leading(text).map(|d| &text.trim()[..d.len]);
            assert_eq!(got, *want, "{text:?}");
        }
    }

    #[test]
    fn alone_and_run_in() {
        let alone = [
            ("三月五日", true),
            ("三月五日 晴", true),
            ("  三月五日　星期三　多云", true),
            ("一九三〇年三月五日。", true),
            ("三月五日 晴。今天去了河边。", false),
            ("三月五日，我们到了镇上。", false),
        ];
        for (t, want) in alone {
            assert_eq!(is_date_alone(t), want, "{t:?}");
        }
        let run_in_table: &[(&str, Option<&str>)] = &[
            ("三月五日 晴。今天去了河边。", Some("三月五日")),
            ("三月六日　星期四　雨，没有出门。", Some("三月六日　星期四")),
            ("1930年3月7日 “早上好”，他说。", Some("1930年3月7日")),
            ("三月五日，我们到了镇上。", None),
            ("三月五日", None),
            ("三月五日。", None),
        ];
        for (t, want) in run_in_table {
            assert_eq!(run_in(t).map(|n| &t.trim()[..n]), *want, "{t:?}");
        }
    }
}
