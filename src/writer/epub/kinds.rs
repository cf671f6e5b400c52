//! 篇章语义 (division semantics): the `epub:type`, ARIA role and default name of each kind.

use crate::model::DivisionKind;

/// Where a division sits in the book: 前言部分, 正文, 后记部分.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Matter {
    /// Front matter (`epub:type="frontmatter"`).
    Front,
    /// Body (`epub:type="bodymatter"`).
    Body,
    /// Back matter (`epub:type="backmatter"`).
    Back,
}

impl Matter {
    /// The `epub:type` of the `<body>` of a file in this matter.
    pub fn epub_type(self) -> &'static str {
        match self {
            Matter::Front => "frontmatter",
            Matter::Body => "bodymatter",
            Matter::Back => "backmatter",
        }
    }
}

/// The EPUB structural semantics (`epub:type`) of a top-level division's section.
pub fn epub_type(kind: DivisionKind) -> Option<&'static str> {
    Some(match kind {
        DivisionKind::Cover => "cover",
        DivisionKind::TitlePage => "titlepage",
        DivisionKind::CopyrightPage => "copyright-page",
        DivisionKind::Dedication => "dedication",
        DivisionKind::Preface => "preface",
        DivisionKind::Foreword => "foreword",
        DivisionKind::Abstract => "abstract",
        DivisionKind::Contents => "toc",
        DivisionKind::Introduction => "introduction",
        DivisionKind::Part => "part",
        DivisionKind::Chapter => "chapter",
        DivisionKind::Endnotes => "endnotes",
        DivisionKind::Bibliography => "bibliography",
        DivisionKind::Appendix => "appendix",
        DivisionKind::Afterword => "afterword",
        DivisionKind::Acknowledgments => "acknowledgments",
        DivisionKind::Index => "index",
        DivisionKind::Section | DivisionKind::Subsection => return None,
    })
}

/// The DPUB-ARIA role matching [`epub_type`], where ARIA defines one allowed on `<section>`.
pub fn aria_role(kind: DivisionKind) -> Option<&'static str> {
    Some(match kind {
        DivisionKind::Dedication => "doc-dedication",
        DivisionKind::Preface => "doc-preface",
        DivisionKind::Foreword => "doc-foreword",
        DivisionKind::Abstract => "doc-abstract",
        DivisionKind::Contents => "doc-toc",
        DivisionKind::Introduction => "doc-introduction",
        DivisionKind::Part => "doc-part",
        DivisionKind::Chapter => "doc-chapter",
        DivisionKind::Endnotes => "doc-endnotes",
        DivisionKind::Bibliography => "doc-bibliography",
        DivisionKind::Appendix => "doc-appendix",
        DivisionKind::Afterword => "doc-afterword",
        DivisionKind::Acknowledgments => "doc-acknowledgments",
        DivisionKind::Index => "doc-index",
        _ => return None,
    })
}

/// Whether a language tag is Chinese (`zh`, `zh-CN`, `zh-Hant` …).
pub fn is_chinese(lang: &str) -> bool {
    let primary = lang.split(['-', '_']).next().unwrap_or("");
    primary.eq_ignore_ascii_case("zh")
}

/// Whether a language tag is written in a CJK script (`zh`, `ja`, `ko` and their variants): a
/// Latin phrase in such a book is set apart in a Latin font.
pub fn is_cjk(lang: &str) -> bool {
    let primary = lang.split(['-', '_']).next().unwrap_or("");
    ["zh", "ja", "ko"]
        .iter()
        .any(|p| primary.eq_ignore_ascii_case(p))
}

/// Whether a language tag is Traditional Chinese (繁體: `zh-Hant`, `zh-TW`, `zh-HK`, `zh-MO`;
/// an explicit `Hans` script wins over the region).
pub fn is_traditional(lang: &str) -> bool {
    let parts: Vec<&str> = lang.split(['-', '_']).collect();
    let has = |tags: &[&str]| {
        parts[1..]
            .iter()
            .any(|p| tags.iter().any(|t| p.eq_ignore_ascii_case(t)))
    };
    // An explicit script wins over the region: zh-Hans-TW is Simplified.
    parts[0].eq_ignore_ascii_case("zh") && !has(&["hans"]) && has(&["hant", "tw", "hk", "mo"])
}

/// The name shown for an untitled division (`版权页`, `目录` …), in Chinese (Simplified or
/// Traditional) or English.
pub fn default_name(kind: DivisionKind, lang: &str) -> &'static str {
    let (c, t, e) = match kind {
        DivisionKind::Cover => ("封面", "封面", "Cover"),
        DivisionKind::TitlePage => ("书名页", "書名頁", "Title Page"),
        DivisionKind::CopyrightPage => ("版权页", "版權頁", "Copyright"),
        DivisionKind::Dedication => ("献词", "獻詞", "Dedication"),
        DivisionKind::Preface => ("序", "序", "Preface"),
        DivisionKind::Foreword => ("前言", "前言", "Foreword"),
        DivisionKind::Abstract => ("内容提要", "內容提要", "Abstract"),
        DivisionKind::Contents => ("目录", "目錄", "Contents"),
        DivisionKind::Introduction => ("导论", "導論", "Introduction"),
        DivisionKind::Part => ("编", "編", "Part"),
        DivisionKind::Chapter => ("章", "章", "Chapter"),
        DivisionKind::Section => ("节", "節", "Section"),
        DivisionKind::Subsection => ("小节", "小節", "Subsection"),
        DivisionKind::Endnotes => ("注释", "註釋", "Notes"),
        DivisionKind::Bibliography => ("参考文献", "參考文獻", "Bibliography"),
        DivisionKind::Appendix => ("附录", "附錄", "Appendix"),
        DivisionKind::Afterword => ("后记", "後記", "Afterword"),
        DivisionKind::Acknowledgments => ("致谢", "致謝", "Acknowledgments"),
        DivisionKind::Index => ("索引", "索引", "Index"),
    };
    pick(lang, c, t, e)
}

/// The Simplified, Traditional or English name for `lang`.
fn pick(
    lang: &str,
    simplified: &'static str,
    traditional: &'static str,
    english: &'static str,
) -> &'static str {
    if is_traditional(lang) {
        traditional
    } else if is_chinese(lang) {
        simplified
    } else {
        english
    }
}

/// Names of the generated pieces that have no division: 正文 (body), 页码 (page list), 注释 (notes).
pub fn ui_name(key: UiName, lang: &str) -> &'static str {
    let (c, t, e) = match key {
        UiName::Landmarks => ("导航", "導覽", "Landmarks"),
        UiName::BodyMatter => ("正文", "正文", "Start of Content"),
        UiName::PageList => ("页码", "頁碼", "Page List"),
        UiName::BackToRef => ("返回正文", "返回正文", "Back to text"),
        UiName::TranscribersNote => ("录入者注：", "錄入者注：", "Transcriber’s note:"),
    };
    pick(lang, c, t, e)
}

/// Keys for [`ui_name`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UiName {
    /// The landmarks nav's heading.
    Landmarks,
    /// The landmark pointing at the body.
    BodyMatter,
    /// The page-list nav's heading.
    PageList,
    /// The accessible name of a footnote's backlink.
    BackToRef,
    /// The label of a transcriber's note, its punctuation included.
    TranscribersNote,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_tags() {
        for (tag, zh) in [
            ("zh-CN", true),
            ("zh", true),
            ("ZH_tw", true),
            ("en", false),
            ("", false),
        ] {
            assert_eq!(is_chinese(tag), zh, "{tag}");
        }
    }

    #[test]
    fn traditional_tags_get_traditional_names() {
        for (tag, name) in [
            ("zh-TW", "目錄"),
            ("zh-Hant", "目錄"),
            ("zh-Hant-HK", "目錄"),
            ("zh_hk", "目錄"),
            ("zh-CN", "目录"),
            ("zh-Hans-TW", "目录"),
            ("zh", "目录"),
            ("en-TW", "Contents"),
        ] {
            assert_eq!(default_name(DivisionKind::Contents, tag), name, "{tag}");
        }
        assert_eq!(ui_name(UiName::PageList, "zh-TW"), "頁碼");
    }

    #[test]
    fn roles_only_where_epub_type_has_one() {
        for kind in [
            DivisionKind::Chapter,
            DivisionKind::Preface,
            DivisionKind::Contents,
        ] {
            assert!(epub_type(kind).is_some() && aria_role(kind).is_some());
        }
        for kind in [
            DivisionKind::TitlePage,
            DivisionKind::CopyrightPage,
            DivisionKind::Cover,
        ] {
            assert_eq!(aria_role(kind), None);
        }
    }
}
