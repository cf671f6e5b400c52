//! Taiwan copyright pages (版權頁): the 國家圖書館出版品預行編目資料 CIP block and the Traditional
//! Chinese colophon labels (`發行人`, `出版者`, `定價`, `I S B N`), read through their Simplified
//! counterparts so the colophon rules apply unchanged.

use crate::model::{CipRecord, CipStyle, CipTracing};
use crate::reader::Line;

use super::cip::{CipBlock, parse_year_month};
use super::spacing::squeeze;
use super::western::{is_ebook_label, labelled_isbns};

/// Whether a line is the Taiwan CIP heading (`國家圖書館出版品預行編目資料`, `(CIP)` optional).
pub fn is_tw_cip_heading(text: &str) -> bool {
    let s = squeeze(text)
        .replace(['（', '）', '(', ')'], "")
        .replace("CIP", "");
    s == "國家圖書館出版品預行編目資料" || s == "国家图书馆出版品预行编目资料"
}

/// Traditional colophon labels and the Simplified label the colophon rules know.
const LABELS: &[(&str, &str)] = &[
    ("發行人", "发行人"),
    ("發行", "发行"),
    ("出版發行", "出版发行"),
    ("總經銷", "经销"),
    ("經銷", "经销"),
    ("地址", "地址"),
    ("社址", "社址"),
    ("電話", "电话"),
    ("傳真", "传真"),
    ("網址", "网址"),
    ("電子信箱", "电子信箱"),
    ("定價", "定价"),
    ("售價", "定价"),
    ("書號", "书号"),
    ("版次", "版次"),
    ("初版", "版次"),
    ("初版一刷", "版次"),
    ("出版日期", "版次"),
    ("印次", "印次"),
    ("字數", "字数"),
];

/// The label the colophon rules match on: Traditional labels mapped to Simplified, `I S B N`
/// letter-spacing removed; other labels unchanged.
pub fn canonical_label(label: &str) -> String {
    let compact: String = label.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.eq_ignore_ascii_case("ISBN") {
        return "ISBN".to_string();
    }
    LABELS
        .iter()
        .find(|(t, _)| *t == compact)
        .map_or(compact.clone(), |(_, s)| (*s).to_string())
}

/// Parses a Taiwan CIP block, heading first:
/// `書名／著者. -- 初版. -- 臺北市：出版社，2022.05`, `面；公分`, `ISBN …（平裝）`,
/// `1.CST: 主題 2.CST: …`, `525.9333  111005678`. Every line is kept as issued: the edition
/// (`初版`), the physical description (`面；公分`, figures left blank) and the numbered subjects
/// (as tracings `1` → `CST: 書院`) are printed back by the writers in [`CipStyle::Taiwan`].
pub fn read_tw_cip(lines: &[Line<'_>]) -> CipBlock {
    let mut out = CipBlock::default();
    let mut rec = CipRecord {
        style: CipStyle::Taiwan,
        ..CipRecord::default()
    };
    for line in lines.iter().filter(|l| !l.text.trim().is_empty()) {
        let text = line.text.trim();
        if rec.heading.is_empty() && is_tw_cip_heading(text) {
            rec.heading = text.to_string();
        } else if text.to_ascii_uppercase().contains("ISBN") {
            let isbns = labelled_isbns(text);
            if let Some((printed, _)) = isbns.iter().find(|(_, l)| !is_ebook_label(l)) {
                rec.isbn.get_or_insert_with(|| text.to_string());
                out.isbn_line.get_or_insert((printed.clone(), line.no));
            }
        } else if rec.extent.is_none() && is_extent(text) {
            // The blanks before 面 and 公分 stand for figures not known before printing.
            let extent = line.text.trim_start_matches([' ', '\t']).trim_end();
            rec.extent = Some(extent.to_string());
        } else if text.contains(" -- ")
            || (rec.description.is_empty() && text.contains(['／', '/']))
        {
            let mut parts = text.split(" -- ").map(str::trim);
            rec.description = parts.next().unwrap_or("").trim_end_matches('.').to_string();
            let mut editions = Vec::new();
            for p in parts {
                let p = p.trim_end_matches('.');
                if let Some((place, rest)) = p.split_once(['：', ':']) {
                    rec.imprint = p.to_string();
                    out.imprint_line = line.no;
                    out.place = Some(place.trim().to_string());
                    let (publisher, date) = rest.rsplit_once(['，', ',']).unwrap_or((rest, ""));
                    out.publisher = Some(publisher.trim().to_string());
                    out.date = parse_year_month(date);
                } else if !p.is_empty() {
                    editions.push(p);
                }
            }
            if !editions.is_empty() {
                rec.edition = Some(editions.join(". -- "));
            }
        } else if text.starts_with("1.") || text.starts_with("1．") {
            rec.subjects = subjects(text);
            rec.tracings = tracings(text);
        } else if let Some((class, number)) = class_line(text) {
            rec.classification = Some(class);
            rec.cip_number_line = Some(text.to_string());
            rec.cip_number = Some(number);
        }
    }
    out.record = rec;
    out
}

/// Whether a line is the physical description (稽核項): `面；公分`, `320面；21公分`,
/// `面; 公分. -- (叢書 ; 3)`.
fn is_extent(text: &str) -> bool {
    let s: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let s = s.trim_start_matches(|c: char| c.is_ascii_digit());
    s.strip_prefix('面')
        .and_then(|r| r.strip_prefix([';', '；']))
        .is_some_and(|r| {
            r.trim_start_matches(|c: char| c.is_ascii_digit())
                .starts_with("公分")
        })
}

/// `1.CST: 書院 2.CST: 教育史` → tracings `1` → `CST: 書院`, `2` → `CST: 教育史`: the text
/// after each number as printed, so the line prints back as issued.
pub fn tracings(text: &str) -> Vec<CipTracing> {
    numbered(text)
        .into_iter()
        .map(|(numeral, text)| CipTracing {
            numeral: numeral.to_string(),
            text: text.to_string(),
        })
        .collect()
}

/// `1.CST: 書院 2.CST: 教育史` → `(1, CST: 書院)`, `(2, CST: 教育史)`: each number and the text up
/// to the next `<digits>.` after a space.
fn numbered(text: &str) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    let mut rest = text.trim();
    while !rest.is_empty() {
        let num = rest.chars().take_while(char::is_ascii_digit).count();
        if num == 0 {
            break;
        }
        let numeral = &rest[..num];
        rest = rest[num..].trim_start_matches(['.', '．']).trim_start();
        let end = rest
            .char_indices()
            .find(|&(i, c)| {
                c.is_ascii_digit()
                    && rest[..i].ends_with(char::is_whitespace)
                    && rest[i..]
                        .trim_start_matches(|d: char| d.is_ascii_digit())
                        .starts_with(['.', '．'])
            })
            .map_or(rest.len(), |(i, _)| i);
        let s = rest[..end].trim();
        if !s.is_empty() {
            out.push((numeral, s));
        }
        rest = rest[end..].trim_start();
    }
    out
}

/// `1.CST: 書院 2.CST: 教育史` → the subject headings (`書院`, `教育史`).
pub fn subjects(text: &str) -> Vec<String> {
    numbered(text)
        .into_iter()
        .map(|(_, s)| s.strip_prefix("CST:").unwrap_or(s).trim_start().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// `525.9333   111005678` → (classification, CIP number).
fn class_line(text: &str) -> Option<(String, String)> {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let [class, number] = tokens.as_slice() else {
        return None;
    };
    let class_ok = class.starts_with(|c: char| c.is_ascii_digit())
        && class.chars().all(|c| c.is_ascii_digit() || c == '.');
    let num_ok = number.len() >= 6 && number.chars().all(|c| c.is_ascii_digit());
    (class_ok && num_ok).then(|| (class.to_string(), number.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_and_labels() {
        let heads = [
            ("國家圖書館出版品預行編目(CIP)資料", true),
            ("國家圖書館出版品預行編目資料", true),
            ("國家圖書館", false),
        ];
        for (input, want) in heads {
            assert_eq!(is_tw_cip_heading(input), want, "{input:?}");
        }
        let labels = [
            ("發 行 人", "发行人"),
            ("定價", "定价"),
            ("I S B N", "ISBN"),
            ("出版者", "出版者"),
            ("作者", "作者"),
            ("初版一刷", "版次"),
        ];
        for (input, want) in labels {
            assert_eq!(canonical_label(input), want, "{input:?}");
        }
    }

    #[test]
    fn subject_lines() {
        let cases: &[(&str, &[&str])] = &[
            (
                "1.CST: 書院 2.CST: 教育史 3.CST: 臺灣",
                &["書院", "教育史", "臺灣"],
            ),
            ("1. 書院　2. 臺灣", &["書院", "臺灣"]),
            ("1.CST: 二〇二〇年代 2.CST: 史", &["二〇二〇年代", "史"]),
        ];
        for (input, want) in cases {
            assert_eq!(&subjects(input), want, "{input:?}");
        }
    }

    #[test]
    fn a_taiwan_cip_block() {
        let text = "國家圖書館出版品預行編目(CIP)資料\n\n山城書院記／陳思遠著. -- 初版. -- 臺北市：青山出版社，2022.05\n　面；　公分\nISBN 978-626-96000-0-3（平裝）\n1.CST: 書院 2.CST: 教育史\n525.9333　　　111005678";
        let lines = crate::reader::lines::split(text);
        let b = read_tw_cip(&lines);
        assert_eq!(b.record.description, "山城書院記／陳思遠著");
        assert_eq!(b.place.as_deref(), Some("臺北市"));
        assert_eq!(b.publisher.as_deref(), Some("青山出版社"));
        assert_eq!(b.date.map(|d| (d.year, d.month)), Some((2022, Some(5))));
        assert_eq!(b.isbn_line.as_ref().map(|i| i.1), Some(5));
        assert_eq!(b.record.subjects, ["書院", "教育史"]);
        assert_eq!(b.record.classification.as_deref(), Some("525.9333"));
        assert_eq!(b.record.cip_number.as_deref(), Some("111005678"));
        // Printed back as issued: the edition, the blank extent, the numbered subjects.
        assert_eq!(b.record.style, CipStyle::Taiwan);
        assert_eq!(b.record.edition.as_deref(), Some("初版"));
        assert_eq!(b.record.imprint, "臺北市：青山出版社，2022.05");
        assert_eq!(b.record.extent.as_deref(), Some("　面；　公分"));
        let tracings: Vec<(&str, &str)> = b
            .record
            .tracings
            .iter()
            .map(|t| (t.numeral.as_str(), t.text.as_str()))
            .collect();
        assert_eq!(tracings, [("1", "CST: 書院"), ("2", "CST: 教育史")]);
    }

    #[test]
    fn editions_and_old_subject_lines() {
        let text = "國家圖書館出版品預行編目資料\n河港誌 / 王大同編. -- 二版. -- 新北市 : 港灣, 2019.11\n面; 公分. -- (港灣叢書 ; 3)\n1.港口 2.歷史";
        let b = read_tw_cip(&crate::reader::lines::split(text));
        assert_eq!(b.record.description, "河港誌 / 王大同編");
        assert_eq!(b.record.edition.as_deref(), Some("二版"));
        assert_eq!(b.place.as_deref(), Some("新北市"));
        assert_eq!(
            b.record.extent.as_deref(),
            Some("面; 公分. -- (港灣叢書 ; 3)")
        );
        assert_eq!(b.record.subjects, ["港口", "歷史"]);
        assert_eq!(b.record.tracings.len(), 2);
        assert_eq!(b.record.tracings[1].text, "歷史");
    }
}
