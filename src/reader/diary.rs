//! Diary entries (日记): a date printed alone above each entry (`Monday, June 3rd.`, `3 May.
//! Bistritz.`, `_April 12, 1803._`) heads the entry as a section of the chapter it stands in
//! (a chapter of its own before any chapter). One dated line is a letter's or a story's date;
//! the convention needs several, each alone between blank lines with text below — and a date
//! above a salutation belongs to the letter, not the diary. A Chinese diary dates its entries
//! `三月五日` (perhaps with weekday and weather: `三月五日 星期三 晴`), alone on the line or
//! running into the entry's first line (`三月五日 晴。今天……`), which is then split: the date
//! heads the entry, the rest is its text.

use super::kind::Kind;
use super::letters::is_salutation;
use super::months;
use super::text::ends_sentence;
use super::{Line, cn_dates, letters_zh};

/// Least dated lines that show a diary.
const MIN_ENTRIES: usize = 3;

/// Longest dated line, in characters.
const MAX_DATE: usize = 50;

/// Place words a dated line may carry after its date (`3 May. Bistritz.`).
const MAX_PLACE_WORDS: usize = 2;

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// A day of the month (`3`, `3rd`, `21st`) or a year (`1803`).
fn day(w: &str) -> Option<bool> {
    let digits: String = w.chars().take_while(char::is_ascii_digit).collect();
    let suffix = &w[digits.len()..];
    match digits.len() {
        1 | 2 if matches!(suffix, "" | "st" | "nd" | "rd" | "th" | "d") => (1..=31)
            .contains(&digits.parse::<u32>().unwrap_or(0))
            .then_some(true),
        4 if suffix.is_empty() => Some(false),
        _ => None,
    }
}

/// Whether a line is a date alone: a month with its day (`June 3rd`, `3 May`), perhaps a
/// weekday and a year, and at most two place words after it (`3 May. Bistritz.`).
pub fn is_entry_date(text: &str) -> bool {
    let t = text.trim().trim_matches('_').trim();
    if t.is_empty() || t.chars().count() > MAX_DATE {
        return false;
    }
    let (mut month, mut day_of_month, mut place) = (false, false, 0usize);
    for raw in t.split_whitespace() {
        let w = raw.trim_matches(|c: char| matches!(c, '.' | ',' | '_' | '-' | '—' | ':'));
        let lower = w.to_lowercase();
        if w.is_empty() || lower == "the" || lower == "of" {
            continue;
        }
        if months::is_name_any_case(&lower) || months::is_abbreviation(&lower) {
            month = true;
        } else if WEEKDAYS.contains(&lower.as_str()) {
        } else if let Some(is_day) = day(&lower) {
            day_of_month |= is_day;
        } else if w.starts_with(char::is_uppercase) && month && day_of_month {
            place += 1;
        } else {
            return false;
        }
    }
    month && day_of_month && place <= MAX_PLACE_WORDS
}

/// How a dated line heads its entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dated {
    /// The date alone on its line (`Monday, June 3rd.`, `三月五日 晴`).
    Alone,
    /// The date running into the entry's first line (`三月五日 晴。今天……`): its byte length.
    RunIn(usize),
}

/// Whether line `i` is a dated line heading an entry, and how.
fn dated(lines: &[Line<'_>], kinds: &[Kind], i: usize) -> Option<Dated> {
    let blank = |k: Option<&Kind>| k.is_none_or(|k| *k == Kind::Blank);
    let before = i.checked_sub(1).and_then(|p| kinds.get(p));
    let text = lines[i].text;
    // a Chinese entry may start right under the last one's final sentence
    let set_off = blank(before)
        || before.is_some_and(Kind::is_heading)
        || ends_sentence(lines[i - 1].text.trim_end());
    let next_text = |from: usize| {
        (from..kinds.len())
            .find(|&j| kinds[j] != Kind::Blank)
            .is_some_and(|j| {
                kinds[j] == Kind::Text
                    && !is_salutation(lines[j].text)
                    && !letters_zh::is_salutation(lines[j].text)
            })
    };
    match &kinds[i] {
        Kind::Text if blank(before) && blank(kinds.get(i + 1)) && is_entry_date(text) => {
            next_text(i + 1).then_some(Dated::Alone)
        }
        // `1930年3月5日` is read as a date line already
        Kind::Text | Kind::Dateline if set_off && cn_dates::is_date_alone(text) => {
            next_text(i + 1).then_some(Dated::Alone)
        }
        Kind::Text if set_off => cn_dates::run_in(text).map(Dated::RunIn),
        _ => None,
    }
}

/// Marks dated lines as diary-entry headings when the book has several: sections inside a
/// chapter, chapters before any. A date running into its entry's first line becomes a
/// [`Kind::RunIn`] heading, the rest of the line the entry's text. Returns (count, first
/// 1-based line).
pub fn mark(lines: &[Line<'_>], kinds: &mut [Kind]) -> (usize, usize) {
    let dated: Vec<(usize, Dated)> = (0..kinds.len())
        .filter_map(|i| dated(lines, kinds, i).map(|d| (i, d)))
        .collect();
    if dated.len() < MIN_ENTRIES {
        return (0, 0);
    }
    // each entry's level from the headings before the entries were marked: one entry is no
    // chapter the next one sits in
    let in_chapter: Vec<bool> = dated
        .iter()
        .map(|&(i, _)| {
            (0..i).rev().any(|j| match &kinds[j] {
                Kind::Chapter { .. } | Kind::ChapterLabel { .. } => true,
                Kind::Heading { level, .. } => *level <= 1,
                _ => false,
            })
        })
        .collect();
    for (&(i, how), in_chapter) in dated.iter().zip(in_chapter) {
        let level = if in_chapter { 2 } else { 1 };
        kinds[i] = match how {
            Dated::Alone => Kind::Heading {
                level,
                label: String::new(),
                title: lines[i].text.trim().trim_matches('_').trim().to_string(),
            },
            Dated::RunIn(at) => Kind::RunIn { level, at },
        };
    }
    (dated.len(), lines[dated[0].0].no)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reader::classify::classify;
    use crate::reader::lines::split;

    #[test]
    fn entry_dates() {
        let table = [
            ("Monday, June 3rd.", true),
            ("3 May. Bistritz.", true),
            ("_April 12, 1803._", true),
            ("June 21, 1792.", true),
            ("The 4th of July.", true),
            ("May 5th. Fenwick Marsh.", true),
            ("May I come in?", false),
            ("June was wet.", false),
            ("Gracechurch Street, Monday, August 2.", false),
            ("1803.", false),
            ("March 40.", false),
            ("Sunday.", false),
        ];
        for (t, want) in table {
            assert_eq!(is_entry_date(t), want, "{t:?}");
        }
    }

    fn run(text: &str) -> (Vec<Kind>, (usize, usize)) {
        let lines = split(text);
        let mut kinds: Vec<Kind> = lines.iter().map(|l| classify(l.text)).collect();
        // the outline pass has read the chapter heading by then
        if lines[0].text.starts_with("CHAPTER") {
            kinds[0] = Kind::Heading {
                level: 1,
                label: "CHAPTER I".into(),
                title: String::new(),
            };
        }
        let found = mark(&lines, &mut kinds);
        (kinds, found)
    }

    #[test]
    fn several_dated_lines_head_entries() {
        let text = "CHAPTER I.\n\nMonday, June 3rd.\n\nRain all day.\n\nJune 4th.\n\nThe dyke held.\n\nJune 5th.\n\nSun at last.\n";
        let (kinds, found) = run(text);
        assert_eq!(found, (3, 3));
        assert_eq!(
            kinds[2],
            Kind::Heading {
                level: 2,
                label: String::new(),
                title: "Monday, June 3rd.".into()
            }
        );
        assert!(matches!(kinds[6], Kind::Heading { level: 2, .. }));
        assert_eq!(kinds[4], Kind::Text);
    }

    #[test]
    fn one_date_or_a_letters_date_is_no_diary() {
        let (kinds, found) = run("June 4th.\n\nThe dyke held.\n\nJune 5th.\n\nDear Kit,\n\nSun.\n");
        assert_eq!(found, (0, 0));
        assert!(kinds.iter().all(|k| matches!(k, Kind::Text | Kind::Blank)));
    }
}
