//! 图书在版编目(CIP)数据: description, imprint, ISBN line, tracings (I.–IV.), subjects,
//! 中图法 classification and the CIP data number, rejoined across print line wraps.

use crate::model::{CipRecord, CipTracing, PartialDate};
use crate::reader::Line;

use super::spacing::{join_cjk, join_wrapped, squeeze};

/// Whether a line is the CIP heading (`图书在版编目(CIP)数据`, full-width brackets allowed).
pub fn is_cip_heading(text: &str) -> bool {
    let s = squeeze(text)
        .replace(['（', '）'], "")
        .replace(['(', ')'], "");
    s.eq_ignore_ascii_case("图书在版编目CIP数据")
}

/// Whether a line is the CIP data number line (`中国版本图书馆 CIP 数据核字(2019)第 1 号`).
pub fn is_cip_number_line(text: &str) -> bool {
    let s = squeeze(text).to_ascii_uppercase();
    s.contains("CIP数据核字") || s.contains("CIP核字")
}

/// The CIP number `YYYY-NNNNNN` from the number line.
pub fn cip_number(text: &str) -> Option<String> {
    let s = squeeze(text)
        .replace(['（', '〔', '['], "(")
        .replace(['）', '〕', ']'], ")");
    let open = s.find('(')?;
    let close = open + s[open..].find(')')?;
    let year = &s[open + 1..close];
    if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let after = &s[close + 1..];
    let after = after.strip_prefix('第').unwrap_or(after);
    let num: String = after.chars().take_while(char::is_ascii_digit).collect();
    (!num.is_empty()).then(|| format!("{year}-{num}"))
}

/// Year and month from an imprint or edition statement: `2019. 3`, `2019.03`, `2019 年 3 月`.
pub fn parse_year_month(text: &str) -> Option<PartialDate> {
    let s = squeeze(text);
    let chars: Vec<char> = s.chars().collect();
    for i in 0..chars.len().saturating_sub(3) {
        let is_year = chars[i..i + 4].iter().all(char::is_ascii_digit)
            && (i == 0 || !chars[i - 1].is_ascii_digit())
            && chars.get(i + 4).is_none_or(|c| !c.is_ascii_digit());
        if !is_year {
            continue;
        }
        let year: u16 = chars[i..i + 4].iter().collect::<String>().parse().ok()?;
        if !(1900..=2100).contains(&year) {
            continue;
        }
        let mut j = i + 4;
        let sep = chars
            .get(j)
            .is_some_and(|c| matches!(c, '.' | '．' | '年' | '-' | '/'));
        let mut month = None;
        if sep {
            j += 1;
            let m: String = chars[j..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .collect();
            month = m.parse::<u8>().ok().filter(|m| (1..=12).contains(m));
        }
        return Some(PartialDate {
            year,
            month,
            day: None,
        });
    }
    None
}

/// What a CIP block yields beyond the record itself.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CipBlock {
    /// The record as printed and parsed.
    pub record: CipRecord,
    /// The ISBN line with its manuscript line number.
    pub isbn_line: Option<(String, usize)>,
    /// 出版地 from the imprint (`成都`).
    pub place: Option<String>,
    /// 出版者 from the imprint.
    pub publisher: Option<String>,
    /// Year and month from the imprint.
    pub date: Option<PartialDate>,
    /// Manuscript line of the imprint.
    pub imprint_line: usize,
}

/// Parses the lines of a CIP block, heading first (and the number line, if printed, last).
pub fn read_cip(lines: &[Line<'_>]) -> CipBlock {
    let mut out = CipBlock::default();
    let mut desc_lines: Vec<(&str, usize)> = Vec::new();
    let mut tracing_text = String::new();
    let mut in_tracings = false;
    for line in lines.iter().filter(|l| !l.text.trim().is_empty()) {
        let text = line.text.trim();
        if is_cip_heading(text) && out.record.heading.is_empty() {
            out.record.heading = text.to_string();
        } else if is_cip_number_line(text) {
            out.record.cip_number_line = Some(text.to_string());
            out.record.cip_number = cip_number(text);
        } else if squeeze(text).to_ascii_uppercase().starts_with("ISBN") {
            out.record.isbn = Some(text.to_string());
            out.isbn_line = Some((text.to_string(), line.no));
        } else if in_tracings || starts_tracing(text) {
            in_tracings = true;
            tracing_text = join_wrapped(&tracing_text, text);
        } else if let Some(pos) = text.to_ascii_uppercase().find("ISBN").filter(|&p| p > 0) {
            // `…, 2019. 3 ISBN 978-…`: the imprint and the ISBN share a line
            desc_lines.push((&text[..pos], line.no));
            out.record.isbn = Some(text[pos..].to_string());
            out.isbn_line = Some((text[pos..].to_string(), line.no));
        } else {
            desc_lines.push((text, line.no));
        }
    }
    let mut desc = String::new();
    for (text, _) in &desc_lines {
        desc = join_wrapped(&desc, text.trim());
    }
    split_description(&desc, &mut out);
    out.imprint_line = desc_lines
        .iter()
        .find(|(t, _)| t.contains('：') || t.contains(':'))
        .or(desc_lines.last())
        .map_or(0, |(_, no)| *no);
    out.record.tracings = split_tracings(&tracing_text);
    for t in &out.record.tracings {
        match t.numeral.as_str() {
            "III" => out.record.subjects = split_numbered(&t.text),
            "IV" => out.record.classification = split_numbered(&t.text).into_iter().next(),
            _ => {}
        }
    }
    out
}

/// Splits `title/responsibility. —place：publisher, date` into description and imprint.
fn split_description(desc: &str, out: &mut CipBlock) {
    let norm = desc
        .replace("．", ".")
        .replace("——", "—")
        .replace("--", "—");
    let segments: Vec<&str> = norm
        .split(". —")
        .flat_map(|s| s.split(".—"))
        .map(str::trim)
        .collect();
    out.record.description = segments.first().map(|s| s.to_string()).unwrap_or_default();
    let at = segments
        .iter()
        .skip(1)
        .position(|s| (s.contains('：') || s.contains(':')) && parse_year_month(s).is_some())
        .map_or(1, |i| i + 1);
    // 版本项 (`2版`) between the description and the imprint, kept as printed.
    let edition: Vec<&str> = segments
        .get(1..at)
        .unwrap_or_default()
        .iter()
        .map(|s| s.trim_end_matches('.'))
        .filter(|s| !s.is_empty())
        .collect();
    if !edition.is_empty() {
        out.record.edition = Some(edition.join(". —"));
    }
    let Some(imprint) = segments.get(at) else {
        return;
    };
    out.record.imprint = imprint.to_string();
    // areas after the imprint (a series `(河流丛书)`, a note) are kept as printed
    out.record.notes = segments
        .get(at + 1..)
        .unwrap_or_default()
        .iter()
        .filter(|s| !s.is_empty())
        .map(|s| s.to_string())
        .collect();
    let (place, rest) = match imprint.split_once(['：', ':']) {
        Some((p, r)) => (Some(join_cjk(p)), r),
        None => (None, *imprint),
    };
    out.place = place.filter(|p| !p.is_empty());
    let publisher = rest.split([',', '，']).next().map(join_cjk);
    out.publisher = publisher.filter(|p| !p.is_empty() && parse_year_month(p).is_none());
    out.date = parse_year_month(rest);
}

/// The tracing numerals, longest first so `III.` is not read as `II.`.
const NUMERALS: &[(&str, &str)] = &[
    ("III", "III"),
    ("Ⅲ", "III"),
    ("II", "II"),
    ("Ⅱ", "II"),
    ("IV", "IV"),
    ("Ⅳ", "IV"),
    ("Ⅰ", "I"),
    ("I", "I"),
    ("Ⅴ", "V"),
    ("V", "V"),
];

/// The numeral at the start of `s` followed by `.` or `．`, with the length consumed.
fn numeral_at(s: &str) -> Option<(&'static str, usize)> {
    NUMERALS.iter().find_map(|(printed, canonical)| {
        let rest = s.strip_prefix(printed)?;
        let dot = rest.chars().next().filter(|c| matches!(c, '.' | '．'))?;
        Some((*canonical, printed.len() + dot.len_utf8()))
    })
}

fn starts_tracing(text: &str) -> bool {
    numeral_at(text).is_some_and(|(n, _)| n == "I")
}

/// Splits `I. 新… II. 彭… III. 中国…` into tracings.
fn split_tracings(text: &str) -> Vec<CipTracing> {
    let mut out: Vec<CipTracing> = Vec::new();
    let mut i = 0;
    let mut current: Option<(&str, usize)> = None;
    while i < text.len() {
        let at_boundary = i == 0 || text[..i].ends_with([' ', '　']);
        if at_boundary && let Some((numeral, len)) = numeral_at(&text[i..]) {
            if let Some((n, start)) = current {
                out.push(tracing(n, &text[start..i]));
            }
            current = Some((numeral, i + len));
            i += len;
            continue;
        }
        i += text[i..].chars().next().map_or(1, char::len_utf8);
    }
    if let Some((n, start)) = current {
        out.push(tracing(n, &text[start..]));
    }
    out
}

fn tracing(numeral: &str, text: &str) -> CipTracing {
    CipTracing {
        numeral: numeral.to_string(),
        text: join_cjk(text),
    }
}

/// Splits `①中国—历史 ②文化—研究` at circled digits; a text without them is one item.
fn split_numbered(text: &str) -> Vec<String> {
    text.split(|c: char| ('①'..='⑳').contains(&c))
        .map(|s| join_cjk(s.trim()))
        .filter(|s| !s.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<Line<'_>> {
        crate::reader::lines::split(text)
    }

    #[test]
    fn an_isbn_sharing_the_imprint_line_is_split_off() {
        let text = "图书在版编目(CIP)数据\n北方小城的手艺人/钱多多主编. —太原：北岳书局，2020.1 ISBN 978-0-306-40615-7\nⅠ. 北… Ⅱ. 钱… Ⅲ. 手工业者—生平事迹 Ⅳ. K825";
        let cip = read_cip(&lines(text));
        assert_eq!(cip.record.imprint, "太原：北岳书局，2020.1");
        assert_eq!(cip.record.isbn.as_deref(), Some("ISBN 978-0-306-40615-7"));
        assert_eq!(cip.isbn_line.map(|(_, n)| n), Some(2));
        assert_eq!(cip.publisher.as_deref(), Some("北岳书局"));
        assert_eq!(cip.record.subjects, ["手工业者—生平事迹"]);
        assert_eq!(cip.record.classification.as_deref(), Some("K825"));
    }

    #[test]
    fn an_area_after_the_imprint_is_kept() {
        let text = "图书在版编目(CIP)数据\n渡口的故事/赵小溪著. —南京：江岸出版社，2021.6. —（河流文化丛书）\nISBN 978-0-306-40615-7\nⅠ. 渡… Ⅱ. 赵… Ⅲ. 渡口—史料 Ⅳ. K928";
        let cip = read_cip(&lines(text));
        assert_eq!(cip.record.imprint, "南京：江岸出版社，2021.6");
        assert_eq!(cip.record.notes, ["（河流文化丛书）"]);
        assert_eq!(cip.publisher.as_deref(), Some("江岸出版社"));
    }

    #[test]
    fn headings_and_numbers() {
        let heads = [
            ("图书在版编目(CIP)数据", true),
            ("图书在版编目（CIP）数据", true),
            ("图书在版编目 (cip) 数据", true),
            ("图书在版编目", false),
        ];
        for (t, want) in heads {
            assert_eq!(is_cip_heading(t), want, "{t}");
        }
        let numbers = [
            (
                "中国版本图书馆 CIP 数据核字(2019)第 012345 号",
                Some("2019-012345"),
            ),
            ("中国版本图书馆CIP数据核字（2020）第88号", Some("2020-88")),
            ("中国版本图书馆 CIP 数据核字第 88 号", None),
        ];
        for (t, want) in numbers {
            assert_eq!(cip_number(t).as_deref(), want, "{t}");
        }
    }

    #[test]
    fn dates_from_imprints() {
        let d = |year, month| {
            Some(PartialDate {
                year,
                month,
                day: None,
            })
        };
        let cases = [
            ("西安：星河出版社, 2019. 3", d(2019, Some(3))),
            ("西安：星河出版社，2019.03", d(2019, Some(3))),
            ("2019 年 11 月第 1 版", d(2019, Some(11))),
            ("星河出版社，2019", d(2019, None)),
            ("第 3 版", None),
        ];
        for (t, want) in cases {
            assert_eq!(parse_year_month(t), want, "{t}");
        }
    }

    #[test]
    fn a_cip_block_is_parsed() {
        let text = "图书在版编目（CIP）数据\n\n江南古镇的手工业变迁/林晓等著. —西安：\n星河出版社, 2019. 3\nISBN 978-7-5321-4471-6\n\nⅠ. 江… Ⅱ. 林… Ⅲ. ①手工业—经济史—江南 ②古\n镇—研究 Ⅳ. ①F426 ②K928\n\n中国版本图书馆 CIP 数据核字(2019)第 012345 号";
        let cip = read_cip(&lines(text));
        let r = &cip.record;
        assert_eq!(r.heading, "图书在版编目（CIP）数据");
        assert_eq!(r.description, "江南古镇的手工业变迁/林晓等著");
        assert_eq!(r.imprint, "西安：星河出版社, 2019. 3");
        assert_eq!(r.isbn.as_deref(), Some("ISBN 978-7-5321-4471-6"));
        let tr: Vec<(&str, &str)> = r
            .tracings
            .iter()
            .map(|t| (t.numeral.as_str(), t.text.as_str()))
            .collect();
        assert_eq!(
            tr,
            [
                ("I", "江…"),
                ("II", "林…"),
                ("III", "①手工业—经济史—江南 ②古镇—研究"),
                ("IV", "①F426 ②K928")
            ]
        );
        assert_eq!(r.subjects, ["手工业—经济史—江南", "古镇—研究"]);
        assert_eq!(r.classification.as_deref(), Some("F426"));
        assert_eq!(r.cip_number.as_deref(), Some("2019-012345"));
        assert_eq!(cip.place.as_deref(), Some("西安"));
        assert_eq!(cip.publisher.as_deref(), Some("星河出版社"));
        assert_eq!(
            cip.date,
            Some(PartialDate {
                year: 2019,
                month: Some(3),
                day: None
            })
        );
        assert_eq!(cip.isbn_line.map(|(_, n)| n), Some(5));
        assert_eq!(cip.imprint_line, 3);
        assert_eq!(r.edition, None);
    }

    #[test]
    fn an_edition_statement_is_kept() {
        let text = "图书在版编目(CIP)数据\n河港志/王大同编. —2 版. —南京：江岸出版社，2021.6\nISBN 978-7-5321-4471-6";
        let cip = read_cip(&lines(text));
        assert_eq!(cip.record.description, "河港志/王大同编");
        assert_eq!(cip.record.edition.as_deref(), Some("2 版"));
        assert_eq!(cip.record.imprint, "南京：江岸出版社，2021.6");
        assert_eq!(cip.publisher.as_deref(), Some("江岸出版社"));
    }
}
