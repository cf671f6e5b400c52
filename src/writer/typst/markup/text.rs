//! Language settings and display text for `main.typ`: Typst's `lang`/`region` for a BCP 47 tag,
//! centred punctuation, phrase-kept titles for display and the contents, call arguments and
//! lengths.

use super::escape;
use crate::model::Inline;
use std::fmt::Write as _;

/// The Typst `lang` and `region` for a BCP 47 tag (`zh-CN` → `zh`, `cn`); Chinese by default.
pub(super) fn lang_region(tag: &str) -> (String, Option<String>) {
    let mut parts = tag.split(['-', '_']);
    let lang = parts
        .next()
        .filter(|l| (2..=3).contains(&l.len()) && l.chars().all(|c| c.is_ascii_alphabetic()))
        .map(str::to_ascii_lowercase);
    let Some(lang) = lang else {
        return ("zh".into(), Some("cn".into()));
    };
    let rest: Vec<&str> = parts.collect();
    let hant = rest.iter().any(|p| p.eq_ignore_ascii_case("hant"));
    let region = rest
        .iter()
        .find(|p| p.len() == 2 && p.chars().all(|c| c.is_ascii_alphabetic()))
        .map(|p| p.to_ascii_lowercase())
        // 繁体 without a region: Taiwan's conventions (centred punctuation); else 简体, China's.
        .or_else(|| (lang == "zh").then(|| if hant { "tw" } else { "cn" }.to_string()));
    (lang, region)
}

/// Whether a book in `tag` is set with centred punctuation (Traditional Chinese of Taiwan, Hong
/// Kong or Macau: `zh-Hant`, `zh-TW`, `zh-HK`), which `book.typ` never compresses.
pub(in crate::writer::typst) fn centred_punctuation(tag: &str) -> bool {
    let (lang, region) = lang_region(tag);
    lang == "zh" && matches!(region.as_deref(), Some("tw" | "hk" | "mo"))
}

/// Display text this short (in characters) fits one line at any display size.
const SHORT_DISPLAY: usize = 8;

/// Display text (titles, authors on the title page) as markup: a CJK text that has phrase
/// boundaries becomes `#phrases[…][…]`, which breaks only between them; other text is escaped.
pub(super) fn display_markup(text: &str) -> String {
    let pieces = crate::writer::phrases::phrases(text);
    let short = text.chars().count() <= SHORT_DISPLAY;
    if short || pieces.len() < 2 || !text.chars().any(crate::writer::phrases::is_cjk) {
        return escape::markup(text);
    }
    let args: String = pieces
        .iter()
        .map(|p| format!("[{}]", escape::markup(p)))
        .collect();
    format!("#phrases{args}")
}

/// Longest phrase (in characters) the contents keeps on one line; a longer one may break. A
/// title no longer than this never wraps in the contents and is written as it is.
const MAX_UNBROKEN: usize = 12;

/// A CJK title for the contents, as content whose phrases are kept whole: each phrase of two
/// characters or more in a `#box[…]`, so a wrapped entry breaks only between phrases
/// (`…的流通：以青枫书院 / 《借书簿》为中心`, never `为中 / 心`) and the PDF's text stays the
/// title's (a word joiner between the characters would be extracted with them). `None` for other
/// titles, which the contents sets as the heading's text.
pub(super) fn toc_markup(title: &[Inline]) -> Option<String> {
    let text: String = title
        .iter()
        .filter_map(|i| match i {
            Inline::Text(t) => Some(t.as_str()),
            _ => None,
        })
        .collect();
    if !text.chars().any(crate::writer::phrases::is_cjk) || text.chars().count() <= MAX_UNBROKEN {
        return None;
    }
    let mut joined = String::new();
    let mut after_box = false;
    for p in crate::writer::phrases::phrases(&text) {
        let n = p.chars().count();
        if !(2..=MAX_UNBROKEN).contains(&n) || p.trim().chars().count() < 2 {
            // too long to keep whole (it may break anywhere), or nothing to keep together
            joined.push_str(&if after_box {
                escape::markup_after_code(&p)
            } else {
                escape::markup(&p)
            });
            after_box = false;
            continue;
        }
        let lead = &p[..p.len() - p.trim_start().len()];
        let trail = &p[p.trim_end().len()..];
        joined.push_str(lead);
        let _ = write!(joined, "#box[{}]", escape::markup(p.trim()));
        joined.push_str(trail);
        after_box = trail.is_empty();
    }
    Some(format!("[{joined}]"))
}

/// `(a, b)` for named arguments, nothing when there are none.
pub(super) fn call_args(args: &[String]) -> String {
    if args.is_empty() {
        String::new()
    } else {
        format!("({})", args.join(", "))
    }
}

/// A length in mm as Typst source: `160`, `3.5`.
pub(super) fn mm(v: f32) -> String {
    let v = if v.is_finite() { v.max(0.0) } else { 0.0 };
    let s = format!("{:.2}", v);
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lang_region_table() {
        let table: &[(&str, (&str, Option<&str>))] = &[
            ("zh-CN", ("zh", Some("cn"))),
            ("zh", ("zh", Some("cn"))),
            ("zh-Hans-CN", ("zh", Some("cn"))),
            ("zh-Hant", ("zh", Some("tw"))),
            ("zh-Hant-HK", ("zh", Some("hk"))),
            ("zh-TW", ("zh", Some("tw"))),
            ("en-GB", ("en", Some("gb"))),
            ("en", ("en", None)),
            ("", ("zh", Some("cn"))),
            ("#x", ("zh", Some("cn"))),
        ];
        for (tag, (lang, region)) in table {
            let (l, r) = lang_region(tag);
            assert_eq!((l.as_str(), r.as_deref()), (*lang, *region), "tag {tag:?}");
        }
    }

    #[test]
    fn centred_punctuation_table() {
        let table = [
            ("zh-TW", true),
            ("zh-Hant", true),
            ("zh-Hant-HK", true),
            ("zh-HK", true),
            ("zh-MO", true),
            ("zh-CN", false),
            ("zh-Hans", false),
            ("zh", false),
            ("ja", false),
            ("en-TW", false),
        ];
        for (tag, centred) in table {
            assert_eq!(centred_punctuation(tag), centred, "tag {tag:?}");
        }
    }

    #[test]
    fn mm_table() {
        let table: &[(f32, &str)] = &[(160.0, "160"), (3.5, "3.5"), (0.0, "0"), (-2.0, "0")];
        for (v, s) in table {
            assert_eq!(mm(*v), *s);
        }
    }
}
