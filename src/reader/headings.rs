//! Heading recognisers (标题): chapters `第一章`, sections `（一）`, front/back-matter headings
//! (序, 内容提要, 目录, 后记, 参考文献, 附录 …) and printed-contents entry shapes.

use crate::model::DivisionKind;

use super::kind::Kind;
use super::text::ends_sentence;

/// Longest title (in characters) a one-line heading may carry.
const MAX_TITLE: usize = 40;

/// Whether `c` is a numeral used in printed labels (一二三…, 0–9, full-width digits).
pub fn is_numeral(c: char) -> bool {
    "零〇一二三四五六七八九十百千两".contains(c) || c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Splits `第<numeral><unit>` off the start of `text`: (label, rest).
pub fn ordinal_label<'a>(text: &'a str, units: &str) -> Option<(&'a str, &'a str)> {
    let rest = text.strip_prefix('第')?;
    let digits = rest.find(|c: char| !is_numeral(c))?;
    if digits == 0 {
        return None;
    }
    let unit = rest[digits..].chars().next()?;
    if !units.contains(unit) {
        return None;
    }
    let end = '第'.len_utf8() + digits + unit.len_utf8();
    Some((&text[..end], &text[end..]))
}

/// A heading title: short, not a sentence, not a printed-contents entry.
fn heading_title(rest: &str) -> Option<String> {
    let title = rest.trim();
    let ok = !title.is_empty()
        && title.chars().count() <= MAX_TITLE
        && !ends_sentence(title)
        && !title.ends_with(['，', ','])
        && !has_page_number(title);
    ok.then(|| title.to_string())
}

/// `第一章` alone, or `第1章 标题` / `第一章　标题` on one line.
pub fn chapter(text: &str) -> Option<Kind> {
    let (label, rest) = ordinal_label(text.trim(), "章")?;
    let label = label.to_string();
    if rest.trim().is_empty() {
        return Some(Kind::ChapterLabel { label });
    }
    heading_title(rest).map(|title| Kind::Chapter { label, title })
}

/// Whether `c` is a Chinese numeral (一二三…), as in `一、标题`.
fn is_han_numeral(c: char) -> bool {
    "〇一二三四五六七八九十百两".contains(c)
}

/// `（一）标题`, `(一) 标题`, `一、标题` or `第一节`/`第一節 标题`: a section heading.
pub fn section(text: &str) -> Option<Kind> {
    let t = text.trim();
    if let Some((numeral, rest)) = t.split_once('、') {
        if !numeral.is_empty() && numeral.chars().all(is_han_numeral) {
            return heading_title(rest).map(|title| Kind::Section {
                label: format!("{numeral}、"),
                title,
            });
        }
    }
    if let Some((label, rest)) = ordinal_label(t, "节節") {
        let title = heading_title(rest)?;
        return Some(Kind::Section {
            label: label.to_string(),
            title,
        });
    }
    let inner = t.strip_prefix('（').or_else(|| t.strip_prefix('('))?;
    let close = inner.find(['）', ')'])?;
    let numeral = &inner[..close];
    if numeral.is_empty() || !numeral.chars().all(is_numeral) {
        return None;
    }
    let rest = &inner[close + inner[close..].chars().next()?.len_utf8()..];
    let title = heading_title(rest)?;
    Some(Kind::Section {
        label: format!("（{numeral}）"),
        title,
    })
}

/// Printed headings of front and back matter, letter-spacing removed.
const MATTER: &[(&str, DivisionKind)] = &[
    ("序", DivisionKind::Preface),
    ("序言", DivisionKind::Preface),
    ("代序", DivisionKind::Preface),
    ("自序", DivisionKind::Preface),
    ("前言", DivisionKind::Foreword),
    ("献词", DivisionKind::Dedication),
    ("内容提要", DivisionKind::Abstract),
    ("内容简介", DivisionKind::Abstract),
    ("简介", DivisionKind::Abstract),
    ("提要", DivisionKind::Abstract),
    ("摘要", DivisionKind::Abstract),
    ("目录", DivisionKind::Contents),
    ("目次", DivisionKind::Contents),
    ("导论", DivisionKind::Introduction),
    ("绪论", DivisionKind::Introduction),
    ("后记", DivisionKind::Afterword),
    ("跋", DivisionKind::Afterword),
    ("参考文献", DivisionKind::Bibliography),
    ("主要参考文献", DivisionKind::Bibliography),
    ("参考书目", DivisionKind::Bibliography),
    ("注释", DivisionKind::Endnotes),
    ("索引", DivisionKind::Index),
    ("致谢", DivisionKind::Acknowledgments),
    // Traditional script (繁体).
    ("內容提要", DivisionKind::Abstract),
    ("內容簡介", DivisionKind::Abstract),
    ("簡介", DivisionKind::Abstract),
    ("目錄", DivisionKind::Contents),
    ("導論", DivisionKind::Introduction),
    ("緒論", DivisionKind::Introduction),
    ("後記", DivisionKind::Afterword),
    ("參考文獻", DivisionKind::Bibliography),
    ("主要參考文獻", DivisionKind::Bibliography),
    ("參考書目", DivisionKind::Bibliography),
    ("註釋", DivisionKind::Endnotes),
    ("獻詞", DivisionKind::Dedication),
    ("致謝", DivisionKind::Acknowledgments),
];

/// English matter headings, matched without regard to case.
const MATTER_EN: &[(&str, DivisionKind)] = &[
    ("preface", DivisionKind::Preface),
    ("foreword", DivisionKind::Foreword),
    ("acknowledgments", DivisionKind::Acknowledgments),
    ("acknowledgements", DivisionKind::Acknowledgments),
    ("contents", DivisionKind::Contents),
    ("table of contents", DivisionKind::Contents),
    ("introduction", DivisionKind::Introduction),
    ("notes", DivisionKind::Endnotes),
    ("bibliography", DivisionKind::Bibliography),
    ("references", DivisionKind::Bibliography),
    ("index", DivisionKind::Index),
    ("dedication", DivisionKind::Dedication),
    ("afterword", DivisionKind::Afterword),
    ("epilogue", DivisionKind::Afterword),
    ("appendix", DivisionKind::Appendix),
];

/// An English matter heading (`Preface`, `ACKNOWLEDGMENTS`, `Appendix A: Tables`).
fn matter_en(text: &str) -> Option<Kind> {
    let t = text.trim();
    let capitalised = t.chars().next().is_some_and(char::is_uppercase);
    // the words of the line, single-spaced, against each heading's (all lower case)
    let same_words = |w: &str| {
        let mut words = t.split_whitespace();
        w.split(' ')
            .all(|h| words.next().is_some_and(|x| x.eq_ignore_ascii_case(h)))
            && words.next().is_none()
    };
    // a heading's first word must open the line (asked before the words are compared)
    let first = t.split_whitespace().next().unwrap_or("");
    let found = capitalised
        .then(|| {
            MATTER_EN.iter().find(|(w, _)| {
                let head = w.split(' ').next().unwrap_or("");
                head.eq_ignore_ascii_case(first) && same_words(w)
            })
        })
        .flatten();
    if let Some((_, kind)) = found {
        return Some(Kind::Matter {
            kind: *kind,
            title: t.to_string(),
        });
    }
    let rest = t
        .strip_prefix("Appendix ")
        .or_else(|| t.strip_prefix("APPENDIX "))?;
    let (id, title) = rest.split_once([':', '.']).unwrap_or((rest, ""));
    let id_ok = id.len() <= 3 && id.chars().all(|c| c.is_ascii_alphanumeric());
    let title_ok = title.trim().chars().count() <= 60 && !ends_sentence(title);
    (id_ok && title_ok).then(|| Kind::Matter {
        kind: DivisionKind::Appendix,
        title: t.to_string(),
    })
}

/// Longest matter heading, in non-space characters: `Appendix` + a 3-character id + a 60-character
/// title, or `附录` + numerals + a [`MAX_TITLE`] title, fit well within it.
const MAX_MATTER: usize = 80;

/// `text` without white space (`目 录` → `目录`), or `None` when that is over `max` characters,
/// so running-text lines are dismissed without being copied.
pub fn compact_within(text: &str, max: usize) -> Option<String> {
    compact_fits(text, max).then(|| text.chars().filter(|c| !c.is_whitespace()).collect())
}

/// Whether `text` holds at most `max` characters other than white space (counted no further
/// than `max` + 1).
pub fn compact_fits(text: &str, max: usize) -> bool {
    if text.len() <= max {
        // no more characters than bytes
        return true;
    }
    if text.is_ascii() {
        return text
            .bytes()
            .filter(|b| !b.is_ascii_whitespace() && *b != 0x0B)
            .nth(max)
            .is_none();
    }
    text.chars()
        .filter(|c| !c.is_whitespace())
        .nth(max)
        .is_none()
}

/// The longest heading of [`MATTER`], in characters (`主要参考文献`).
const MATTER_LONGEST: usize = 6;

/// A front or back-matter heading (`序`, `目 录`, `主要参考文献`, `附录一 调查问卷`).
pub fn matter(text: &str) -> Option<Kind> {
    // a heading of MATTER or MATTER_EN, or an English appendix (`Appendix` + 3 + 60), holds
    // well under MAX_MATTER characters: only the 附录 form below is measured against it
    if let Some(compact) = compact_within(text, MATTER_LONGEST)
        && let Some((_, kind)) = MATTER.iter().find(|(w, _)| *w == compact)
    {
        return Some(Kind::Matter {
            kind: *kind,
            title: compact,
        });
    }
    if let Some(k) = matter_en(text) {
        return Some(k);
    }
    let t = text.trim();
    let rest = t.strip_prefix("附录").or_else(|| t.strip_prefix("附錄"))?;
    if !compact_fits(text, MAX_MATTER) {
        return None;
    }
    let next_ok = rest
        .chars()
        .next()
        .is_none_or(|c| is_numeral(c) || c.is_whitespace() || matches!(c, '：' | ':'));
    if !next_ok {
        return None;
    }
    let rest = rest.trim_start_matches(|c: char| is_numeral(c) || c.is_whitespace());
    let rest = rest.trim_start_matches(['：', ':', '　']);
    if !rest.is_empty() && heading_title(rest).is_none() {
        return None;
    }
    Some(Kind::Matter {
        kind: DivisionKind::Appendix,
        title: text.trim().to_string(),
    })
}

/// Whether a line ends like a printed-contents entry: leaders or a tab, then a page number.
pub fn has_page_number(text: &str) -> bool {
    let t = text.trim_end();
    let head = t.trim_end_matches(|c: char| c.is_ascii_digit());
    let digits = t.len() - head.len();
    if digits == 0 || digits > 4 || head.is_empty() {
        return false;
    }
    let before_space = head.trim_end_matches(' ');
    // `CTEX 2.4.2` ends in a dotted number (a version), not in leaders and a page
    let dotted = before_space.len() == head.len()
        && head
            .strip_suffix('.')
            .is_some_and(|h| h.ends_with(|c: char| c.is_ascii_digit()));
    !dotted && before_space.ends_with(['.', '…', '·', '．'])
        || head.ends_with(['\t', '　'])
        || head.ends_with("  ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ch(label: &str, title: &str) -> Option<Kind> {
        Some(Kind::Chapter {
            label: label.into(),
            title: title.into(),
        })
    }

    fn sec(label: &str, title: &str) -> Option<Kind> {
        Some(Kind::Section {
            label: label.into(),
            title: title.into(),
        })
    }

    #[test]
    fn chapters() {
        let cases = [
            (
                "第一章",
                Some(Kind::ChapterLabel {
                    label: "第一章".into(),
                }),
            ),
            (
                " 第十二章 ",
                Some(Kind::ChapterLabel {
                    label: "第十二章".into(),
                }),
            ),
            ("第1章 引言", ch("第1章", "引言")),
            ("第三章　城市的河流", ch("第三章", "城市的河流")),
            ("第二章河流", ch("第二章", "河流")),
            ("第一章 引言\t1", None),
            ("第三，当然，这是一个问题。", None),
            ("第一章说明了这个问题。", None),
            ("第章", None),
            ("第一节 概述", None),
        ];
        for (input, want) in cases {
            assert_eq!(chapter(input), want, "{input:?}");
        }
    }

    #[test]
    fn sections() {
        let cases = [
            ("（一）党群关系一般特征", sec("（一）", "党群关系一般特征")),
            ("(二) 河流的特点", sec("（二）", "河流的特点")),
            ("（12）小标题", sec("（12）", "小标题")),
            ("第一节 概述", sec("第一节", "概述")),
            ("（一）我们认为，这个问题很重要。", None),
            ("(四) 总体上是好的.....\t24", None),
            ("（注）说明", None),
            ("（一）", None),
            ("一、河流的源头", sec("一、", "河流的源头")),
            ("十二、结语", sec("十二、", "结语")),
            ("第二節 制度的沿革", sec("第二節", "制度的沿革")),
            ("一、二两章说明了这个问题。", None),
            ("甲、乙两方", None),
        ];
        for (input, want) in cases {
            assert_eq!(section(input), want, "{input:?}");
        }
    }

    #[test]
    fn matter_headings() {
        let m = |kind, title: &str| {
            Some(Kind::Matter {
                kind,
                title: title.into(),
            })
        };
        let long = "目录后记".repeat(30);
        // an appendix line over MAX_MATTER characters is running text
        let long_appendix = format!("附录一 {}", "渡口".repeat(40));
        let cases = [
            ("序", m(DivisionKind::Preface, "序")),
            ("自 序", m(DivisionKind::Preface, "自序")),
            ("目 录", m(DivisionKind::Contents, "目录")),
            ("目　录", m(DivisionKind::Contents, "目录")),
            ("内容提要", m(DivisionKind::Abstract, "内容提要")),
            ("前言", m(DivisionKind::Foreword, "前言")),
            ("后记", m(DivisionKind::Afterword, "后记")),
            (
                "主要参考文献",
                m(DivisionKind::Bibliography, "主要参考文献"),
            ),
            ("附录", m(DivisionKind::Appendix, "附录")),
            (
                "附录一 调查问卷",
                m(DivisionKind::Appendix, "附录一 调查问卷"),
            ),
            ("附录中的表格说明了这一点。", None),
            ("附录中的表格", None),
            ("后记.....\t258", None),
            ("序言部分", None),
            ("目　錄", m(DivisionKind::Contents, "目錄")),
            ("後 記", m(DivisionKind::Afterword, "後記")),
            ("參考文獻", m(DivisionKind::Bibliography, "參考文獻")),
            ("附錄 訪談提綱", m(DivisionKind::Appendix, "附錄 訪談提綱")),
            ("Preface", m(DivisionKind::Preface, "Preface")),
            (
                "ACKNOWLEDGMENTS",
                m(DivisionKind::Acknowledgments, "ACKNOWLEDGMENTS"),
            ),
            (
                "Table of Contents",
                m(DivisionKind::Contents, "Table of Contents"),
            ),
            ("Notes", m(DivisionKind::Endnotes, "Notes")),
            ("Index", m(DivisionKind::Index, "Index")),
            (
                "Appendix A: Tables",
                m(DivisionKind::Appendix, "Appendix A: Tables"),
            ),
            ("Foreword", m(DivisionKind::Foreword, "Foreword")),
            (
                "Introduction",
                m(DivisionKind::Introduction, "Introduction"),
            ),
            (
                "Bibliography",
                m(DivisionKind::Bibliography, "Bibliography"),
            ),
            ("Dedication", m(DivisionKind::Dedication, "Dedication")),
            ("CONTENTS", m(DivisionKind::Contents, "CONTENTS")),
            ("導 論", m(DivisionKind::Introduction, "導論")),
            ("緒論", m(DivisionKind::Introduction, "緒論")),
            ("內容提要", m(DivisionKind::Abstract, "內容提要")),
            ("index", None),
            ("Introduction to the river", None),
            ("Appendix to the report was lost.", None),
            (
                "附录三：本县历年渡口、码头与集市的设置及其沿革一览",
                m(
                    DivisionKind::Appendix,
                    "附录三：本县历年渡口、码头与集市的设置及其沿革一览",
                ),
            ),
            (
                "Appendix B: A Register of the Ferries and Landings Since 1900",
                m(
                    DivisionKind::Appendix,
                    "Appendix B: A Register of the Ferries and Landings Since 1900",
                ),
            ),
            (long.as_str(), None),
            (long_appendix.as_str(), None),
        ];
        for (input, want) in cases {
            assert_eq!(matter(input), want, "{input:?}");
        }
    }

    #[test]
    fn matter_headings_fit_the_lookup() {
        for (w, _) in MATTER {
            assert!(w.chars().count() <= MATTER_LONGEST, "{w}");
        }
        for (w, _) in MATTER_EN {
            assert_eq!(*w, w.to_ascii_lowercase(), "{w}");
            assert!(!w.contains("  ") && w.trim() == *w, "{w:?}");
        }
        assert!(compact_fits("目 录", 2) && !compact_fits("目 录 页", 2));
    }

    #[test]
    fn compact_within_limit() {
        let cases: [(&str, usize, Option<&str>); 7] = [
            ("目 录", 2, Some("目录")),
            ("目 录", 1, None),
            ("  ", 0, Some("")),
            ("a b c d", 4, Some("abcd")),
            ("河水\t流向\u{3000}大海", 5, None),
            ("a\u{0B}b\u{0C}c\r\nd e\tf", 6, Some("abcdef")),
            ("a\u{0B}b\u{0C}c\r\nd e\tf", 5, None),
        ];
        for (input, max, want) in cases {
            assert_eq!(
                compact_within(input, max).as_deref(),
                want,
                "{input:?} {max}"
            );
        }
    }

    #[test]
    fn page_numbers() {
        let cases = [
            ("第一章 引言\t1", true),
            ("后记.....\t258", true),
            ("第五章 组织机制.....104", true),
            ("结束语…… 253", true),
            ("标题  12", true),
            ("在 2003 年", false),
            ("有 944", false),
            ("第一章", false),
            ("12345", false),
            ("渡船 1.2 和 1.3", false),
            ("Ferries. 12", true),
        ];
        for (input, want) in cases {
            assert_eq!(has_page_number(input), want, "{input:?}");
        }
    }
}
