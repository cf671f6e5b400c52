//! Line classification (行分类): each line gets a [`Kind`] from a table of recognisers, tried in
//! order; context (a chapter's title line, the printed contents, a preface's signature, a kicker
//! above a heading) is settled afterwards by [`super::context`].

use super::kind::Kind;
use super::script::is_han;
use super::text::ends_sentence;
use super::{headings, labels, notes};

/// A recogniser: the kind of a line, if it has this shape.
pub type Recogniser = fn(&str) -> Option<Kind>;

/// The context-free recognisers, in the order they are tried; [`Kind::Text`] is the fallback.
pub const RECOGNISERS: &[(&str, Recogniser)] = &[
    ("blank", blank),
    ("footnote", notes::note_line),
    ("matter heading", headings::matter),
    ("chapter heading", headings::chapter),
    ("English chapter heading", labels::english_chapter),
    ("part heading", labels::part),
    ("section heading", headings::section),
    ("date line", dateline),
    ("em-dash item", list_item),
];

/// Classifies one line without context.
pub fn classify(text: &str) -> Kind {
    RECOGNISERS
        .iter()
        .find_map(|(_, r)| r(text))
        .unwrap_or(Kind::Text)
}

/// An empty or white-space line.
pub fn blank(text: &str) -> Option<Kind> {
    text.trim().is_empty().then_some(Kind::Blank)
}

/// `——…`: an em-dash-led item.
pub fn list_item(text: &str) -> Option<Kind> {
    let t = text.trim_start();
    (t.starts_with("——") && t.chars().nth(2).is_some_and(|c| c != '—')).then_some(Kind::ListItem)
}

/// Longest date line, in non-space characters (`二〇〇七年十二月三十一日` has 12).
const MAX_DATELINE: usize = 24;

/// `2007年12月`, `2007 年 12 月 8 日`, `二〇〇七年十二月`: a date alone on a line.
pub fn dateline(text: &str) -> Option<Kind> {
    // a dateline opens with its year's numerals (checked before the line is copied)
    if !text.trim_start().starts_with(headings::is_numeral) {
        return None;
    }
    let compact = headings::compact_within(text, MAX_DATELINE)?;
    let mut rest = compact.as_str();
    for (unit, required) in [('年', true), ('月', false), ('日', false)] {
        let digits = rest
            .find(|c: char| !headings::is_numeral(c))
            .unwrap_or(rest.len());
        if digits == 0 || !rest[digits..].starts_with(unit) {
            if required || digits > 0 {
                return None;
            }
            break;
        }
        if unit == '年' && rest[..digits].chars().count() != 4 {
            return None;
        }
        rest = &rest[digits + unit.len_utf8()..];
    }
    rest.is_empty().then_some(Kind::Dateline)
}

/// Longest signature line, in characters.
const MAX_SIGNATURE: usize = 50;

/// A signature's shape: `<affiliations> <name>` with a 2–4 character Han name last.
/// Returns (affiliation, name); the affiliation is empty for a bare name.
pub fn signature_shape(text: &str) -> Option<(String, String)> {
    let t = text.trim();
    if t.is_empty() || t.chars().count() > MAX_SIGNATURE || ends_sentence(t) {
        return None;
    }
    if t.contains(['，', '、', '；', ',']) {
        return None;
    }
    let tokens: Vec<&str> = t.split_whitespace().collect();
    let name = *tokens.last()?;
    let n = name.chars().count();
    if !(2..=4).contains(&n) || !name.chars().all(is_han) {
        return None;
    }
    Some((tokens[..tokens.len() - 1].join(" "), name.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DivisionKind;

    #[test]
    fn lines_are_classified() {
        let cases = [
            ("", Kind::Blank),
            ("  \t", Kind::Blank),
            ("——在河边，人们建起了新的码头。", Kind::ListItem),
            ("——", Kind::Text),
            ("————————", Kind::Text),
            ("2007年12月", Kind::Dateline),
            ("二〇〇七年十二月", Kind::Dateline),
            ("二〇〇七年十二月三十一日", Kind::Dateline),
            ("二 〇 〇 七 年 十 二 月 三 十 一 日", Kind::Dateline),
            ("2008 年 5 月 8 日", Kind::Dateline),
            ("1999年", Kind::Dateline),
            ("2007年12月第1版", Kind::Text),
            ("07年12月", Kind::Text),
            ("这是一段正文。", Kind::Text),
            (
                "^① 某某著作，某出版社2001年版。",
                Kind::Note {
                    mark: "①".into(),
                    text: "某某著作，某出版社2001年版。".into(),
                },
            ),
            (
                "目 录",
                Kind::Matter {
                    kind: DivisionKind::Contents,
                    title: "目录".into(),
                },
            ),
            (
                "第二章",
                Kind::ChapterLabel {
                    label: "第二章".into(),
                },
            ),
        ];
        for (input, want) in cases {
            assert_eq!(classify(input), want, "{input:?}");
        }
    }

    #[test]
    fn signatures_have_a_name_last() {
        let cases = [
            (
                "河口大学教授 王小明",
                Some(("河口大学教授".to_string(), "王小明".to_string())),
            ),
            (
                "某学会会长 某大学教授 李四",
                Some(("某学会会长 某大学教授".to_string(), "李四".to_string())),
            ),
            ("张三", Some((String::new(), "张三".to_string()))),
            ("这是一句话。", None),
            ("我们认为 这个问题很重要", None),
            ("河口大学教授 Smith", None),
            ("甲，乙 丙丁", None),
        ];
        for (input, want) in cases {
            assert_eq!(signature_shape(input), want, "{input:?}");
        }
    }
}
