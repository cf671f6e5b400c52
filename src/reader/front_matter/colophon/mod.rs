//! 版本记录 (colophon): `label value` lines → labelled entries and typed metadata (contributors
//! with MARC roles, 出版发行, 网址, 成品尺寸, 印张/字数/版次/印次/定价, 书号).

use crate::model::{ColophonEntry, Contributor, PrintDetails, TrimSize};
use crate::reader::Relators;

use super::names::{contributor, split_names};
use super::spacing::{has_han, join_cjk, squeeze};
use super::taiwan::canonical_label;
use super::title_page::squeeze_cjk_name;

/// Labels a colophon prints that are not contributor roles.
const KNOWN_LABELS: &[&str] = &[
    "出版发行",
    "出版",
    "发行",
    "出版者",
    "出版社",
    "经销",
    "社址",
    "地址",
    "邮编",
    "邮政编码",
    "网址",
    "电子信箱",
    "电子邮箱",
    "E-mail",
    "Email",
    "电话",
    "传真",
    "发行部业务电话",
    "防盗版举报电话",
    "开本",
    "成品尺寸",
    "成品规格",
    "印张",
    "字数",
    "插页",
    "版次",
    "印次",
    "印数",
    "书号",
    "ISBN",
    "定价",
];

/// Labels that announce an e-mail address inside another entry's value.
const EMAIL_LABELS: &[&str] = &["E-mail", "Email", "电子信箱", "电子邮箱"];

fn known(label: &str, relators: &Relators) -> bool {
    let label = canonical_label(label);
    let label = label.as_str();
    KNOWN_LABELS.iter().any(|k| k.eq_ignore_ascii_case(label)) || relators.lookup(label).is_some()
}

/// Splits a colophon line into label (letter-spacing removed) and value: at a tab; at `：`; or,
/// for a label the table knows, at the space after it (`印 张 17`).
pub fn parse_entry(text: &str, relators: &Relators) -> Option<(String, String)> {
    let text = text.trim();
    if let Some((label, value)) = text.split_once('\t') {
        let label = squeeze_cjk_name(label);
        let value = value.trim();
        let plausible = !label.is_empty()
            && label.chars().count() <= 16
            && !label.chars().any(|c| c.is_ascii_digit());
        return (plausible && !value.is_empty()).then(|| (label, value.to_string()));
    }
    if let Some((label, value)) = text.split_once(['：', ':']) {
        let label = squeeze(label);
        let generic = ["电话", "地址", "传真", "网址", "信箱", "邮箱"]
            .iter()
            .any(|e| label.ends_with(e));
        if (known(&label, relators) || generic) && !value.trim().is_empty() {
            return Some((label, value.trim().to_string()));
        }
    }
    let mut label = String::new();
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            // `發 行 人`: a longer label spelled on (`發行` + `人`) wins over the shorter one
            let next = text[i..].split_whitespace().next().unwrap_or("");
            let longer = next.chars().count() == 1 && known(&format!("{label}{next}"), relators);
            if !longer && known(&label, relators) && label.chars().count() >= 2 {
                let value = text[i..].trim();
                return (!value.is_empty()).then(|| (label, value.to_string()));
            }
        } else {
            label.push(c);
        }
    }
    None
}

/// Splits an entry whose value carries further labelled values, as compact colophons print
/// them (`印张 17  字数 251 千`, `网址 http://… E-mail: a@b`).
pub fn split_embedded(
    label: &str,
    value: &str,
    line: usize,
    relators: &Relators,
) -> Vec<ColophonEntry> {
    let boundaries = value.char_indices().filter(|(i, c)| {
        *i > 0 && !c.is_whitespace() && value[..*i].ends_with(char::is_whitespace)
    });
    for (pos, _) in boundaries {
        let rest = &value[pos..];
        if rest.contains('\t') {
            continue;
        }
        if let Some((next_label, next_value)) = parse_entry(rest, relators) {
            let mut out = vec![ColophonEntry {
                label: label.to_string(),
                value: value[..pos].trim().to_string(),
                line,
            }];
            out.extend(split_embedded(&next_label, &next_value, line, relators));
            return out;
        }
    }
    vec![ColophonEntry {
        label: label.to_string(),
        value: value.to_string(),
        line,
    }]
}

/// Typed metadata from the colophon's entries.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ColophonData {
    /// People and firms with MARC roles (责任编辑 edt …).
    pub contributors: Vec<Contributor>,
    /// 出版社 from 出版发行.
    pub publisher: Option<String>,
    /// 出版集团 from 出版发行.
    pub group: Option<String>,
    /// The publisher's address (社址, or in brackets after 出版发行).
    pub address: Option<String>,
    /// 网址.
    pub websites: Vec<String>,
    /// E-mail addresses.
    pub emails: Vec<String>,
    /// 成品尺寸.
    pub trim: Option<TrimSize>,
    /// 印张, 字数, 版次, 印次, 定价.
    pub print: PrintDetails,
    /// 书号 value and line.
    pub isbn: Option<(String, usize)>,
    /// 版次 value and line, for the date cross-check.
    pub edition: Option<(String, usize)>,
}

/// Reads typed metadata from colophon entries.
pub fn colophon_data(entries: &[ColophonEntry], relators: &Relators) -> ColophonData {
    let mut out = ColophonData::default();
    for e in entries {
        let value = e.value.trim();
        let set = |slot: &mut Option<String>| {
            slot.get_or_insert_with(|| value.to_string());
        };
        match canonical_label(&e.label).as_str() {
            "出版发行" | "出版" | "发行" | "出版者" | "出版社" => {
                publishing(value, &mut out)
            }
            "社址" | "地址" => {
                out.address.get_or_insert_with(|| join_cjk(value));
            }
            "网址" => out
                .websites
                .extend(value.split_whitespace().map(str::to_string)),
            l if EMAIL_LABELS.iter().any(|t| t.eq_ignore_ascii_case(l)) => out.emails.extend(
                value
                    .split_whitespace()
                    .filter(|w| w.contains('@'))
                    .map(str::to_string),
            ),
            "成品尺寸" | "成品规格" => out.trim = out.trim.or_else(|| parse_trim(value)),
            "印张" => set(&mut out.print.sheets),
            "字数" => set(&mut out.print.word_count),
            "版次" => {
                set(&mut out.print.edition);
                out.edition.get_or_insert((value.to_string(), e.line));
            }
            "印次" => set(&mut out.print.impression),
            "定价" => set(&mut out.print.price),
            "书号" | "ISBN" => {
                out.isbn.get_or_insert((value.to_string(), e.line));
            }
            _ => {
                let label = e.label.as_str();
                if let Some(role) = relators.lookup(label) {
                    // `翻译：某人（someone@example.org）    2009 年 7 月 6 日`: one name, an
                    // address and a date.
                    let cleaned = super::people::clean(value);
                    out.emails.extend(cleaned.emails);
                    for name in split_names(&cleaned.names) {
                        let c = contributor(&name, role.clone(), Some(label));
                        out.contributors.push(c);
                    }
                }
            }
        }
    }
    out
}

/// `四川某出版集团(某街 2 号) 某人民出版社` → group, address, publisher.
fn publishing(value: &str, out: &mut ColophonData) {
    let mut rest = String::new();
    let mut depth = 0;
    let mut address = String::new();
    for c in value.chars() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    rest.push(' ');
                }
            }
            _ if depth > 0 => address.push(c),
            _ => rest.push(c),
        }
    }
    if !address.trim().is_empty() && out.address.is_none() {
        out.address = Some(join_cjk(&address));
    }
    for token in rest.split_whitespace() {
        let name = squeeze_cjk_name(token);
        if name.ends_with("集团") || name.ends_with("集团有限公司") {
            out.group.get_or_insert(name);
        } else if has_han(&name) && out.publisher.is_none() {
            out.publisher = Some(name);
        }
    }
}

/// 成品尺寸 → millimetres: `160mm×230mm`, `160 × 230 mm`, `16cm x 23cm`, `170*240`.
pub fn parse_trim(value: &str) -> Option<TrimSize> {
    let s = squeeze(value)
        .to_ascii_lowercase()
        .replace("毫米", "mm")
        .replace("厘米", "cm");
    let (a, b) = s.split_once(['×', 'x', '*', '＊', '✕'])?;
    let (w, unit_a) = number(a)?;
    let (h, unit_b) = number(b)?;
    let unit_of = |u: &str| {
        if u.starts_with("cm") {
            Some(10.0)
        } else if u.starts_with("mm") {
            Some(1.0)
        } else {
            None
        }
    };
    let scale = unit_of(unit_b).or(unit_of(unit_a)).unwrap_or(1.0);
    if !unit_b.is_empty() && unit_of(unit_b).is_none() {
        return None;
    }
    let (w, h) = (w * scale, h * scale);
    ((50.0..=600.0).contains(&w) && (50.0..=600.0).contains(&h)).then_some(TrimSize {
        width_mm: w,
        height_mm: h,
    })
}

/// A leading number and what follows it.
fn number(t: &str) -> Option<(f32, &str)> {
    let end = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    Some((t[..end].parse().ok()?, &t[end..]))
}

/// Whether a line is a rights statement (版权所有, 侵权必究, ©).
pub fn is_rights_line(text: &str) -> bool {
    let s = squeeze(text);
    s.contains("版权所有")
        || s.contains("侵权必究")
        || s.contains("版權所有")
        || s.contains("翻印必究")
        || s.contains("侵權必究")
        || s.contains('©')
        || s.to_ascii_lowercase().contains("allrightsreserved")
}

/// A notice without its leading ornament (`■ 版权所有` → `版权所有`).
pub fn strip_ornament(text: &str) -> &str {
    text.trim()
        .trim_start_matches(['■', '□', '◆', '◇', '●', '○', '★', '☆', '▲', '※', '*'])
        .trim()
}

#[cfg(test)]
mod tests;
