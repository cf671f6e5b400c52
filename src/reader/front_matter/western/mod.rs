//! English copyright pages: the Library of Congress Cataloging-in-Publication block (labelled
//! `Names:`/`Title:`/`Identifiers:` fields or the older card style), `By …` statements,
//! `Published by …`, `First edition`, and the printer's key (`10 9 8 7 6 5 4 3 2 1`).

use crate::model::{CipRecord, CipStyle, Contributor, Relator};
use crate::reader::Line;

use super::cip::CipBlock;
use super::spacing::squeeze;

/// Whether a line is the LoC CIP heading (`Library of Congress Cataloging-in-Publication Data`).
pub fn is_loc_heading(text: &str) -> bool {
    let s: String = text
        .chars()
        .filter(|c| c.is_ascii_alphabetic())
        .collect::<String>()
        .to_ascii_lowercase();
    s.starts_with("libraryofcongresscatalog") && s.ends_with("publicationdata")
}

/// Labels that open a field of the modern LoC block.
const FIELDS: &[&str] = &[
    "Names:",
    "Title:",
    "Other titles:",
    "Description:",
    "Identifiers:",
    "Subjects:",
    "Classification:",
    "LC record",
    "LC ebook record",
];

/// An ISBN as printed with its label: (`ISBN 978-…`, `hardcover`).
pub type PrintedIsbn = (String, String);

/// What a LoC block yields.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LocBlock {
    /// The record in the shared CIP shape (description, imprint, subjects, classification).
    pub cip: CipBlock,
    /// People named, in display order (`Margaret Harlow`, file-as `Harlow, Margaret`).
    pub names: Vec<Contributor>,
    /// The title proper (`The salt road`).
    pub title: Option<String>,
    /// The subtitle after ` : `.
    pub subtitle: Option<String>,
    /// Edition statement (`First edition`).
    pub edition: Option<String>,
    /// The first LCCN.
    pub lccn: Option<String>,
    /// Every ISBN with its label, in print order.
    pub isbns: Vec<PrintedIsbn>,
    /// 1-based lines of a card-style block that no field was read from (kept as issued in
    /// [`CipRecord::issued`], to be reported).
    pub unread: Vec<usize>,
}

/// `Harlow, Margaret, 1961- author.` → (`Margaret Harlow`, `Harlow, Margaret`, role).
pub fn inverted_name(text: &str) -> Option<(String, String, Relator)> {
    let t = text.trim().trim_end_matches('.');
    let mut parts: Vec<String> = t.split(',').map(|p| p.trim().to_string()).collect();
    let mut role = Relator::author();
    if let Some(last) = parts.last_mut() {
        let mut words: Vec<&str> = last.split_whitespace().collect();
        let code = match words.last().map(|w| w.trim_end_matches('.')) {
            Some("author") => Some("aut"),
            Some("editor") => Some("edt"),
            Some("translator") => Some("trl"),
            Some("illustrator") => Some("ill"),
            _ => None,
        };
        if let Some(c) = code {
            role = Relator::marc(c);
            words.pop();
            *last = words.join(" ");
        }
    }
    // drop life dates (`1961-`) and emptied role fields
    parts.retain(|p| !p.is_empty() && !p.starts_with(|c: char| c.is_ascii_digit()));
    let [surname, given] = parts.as_slice() else {
        return None;
    };
    let ok = |s: &str| {
        s.split_whitespace()
            .all(|w| w.starts_with(char::is_uppercase))
    };
    (ok(surname) && ok(given)).then(|| {
        (
            format!("{given} {surname}"),
            format!("{surname}, {given}"),
            role,
        )
    })
}

/// `By Margaret Harlow`, `by A and B`, `By A, B, and C` → the names.
pub fn by_statement(text: &str) -> Option<Vec<String>> {
    let t = text.trim();
    let rest = t.strip_prefix("By ").or_else(|| t.strip_prefix("by "))?;
    let names: Vec<String> = rest
        .replace(", and ", ", ")
        .replace(" and ", ", ")
        .split(',')
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty())
        .collect();
    let ok = names.iter().all(|n| {
        let words: Vec<&str> = n.split_whitespace().collect();
        (1..=4).contains(&words.len()) && words.iter().all(|w| w.starts_with(char::is_uppercase))
    });
    (ok && !names.is_empty()).then_some(names)
}

/// A printer's key (印次码): at least five distinct numbers in steps of one or two, e.g.
/// `10 9 8 7 6 5 4 3 2 1` or `1 3 5 7 9 10 8 6 4 2`; returns the lowest, the impression.
pub fn printers_key(text: &str) -> Option<u32> {
    let nums: Vec<u32> = text
        .split_whitespace()
        .map(str::parse)
        .collect::<Result<_, _>>()
        .ok()?;
    if nums.len() < 5 {
        return None;
    }
    let mut sorted = nums.clone();
    sorted.sort_unstable();
    sorted.dedup();
    let consecutive = sorted.windows(2).all(|w| w[1] == w[0] + 1);
    (sorted.len() == nums.len() && consecutive).then(|| sorted[0])
}

/// `Published by Millbank Press, Riverton` → (`Millbank Press`, `Riverton`).
pub fn published_by(text: &str) -> Option<(String, Option<String>)> {
    let rest = text.trim().strip_prefix("Published by ")?;
    let rest = rest.trim_end_matches('.');
    let (publisher, place) = match rest.split_once(',') {
        Some((p, pl)) => (p.trim(), Some(pl.trim().to_string())),
        None => (rest.trim(), None),
    };
    (!publisher.is_empty()).then(|| (publisher.to_string(), place))
}

/// `First edition`, `First Edition 2021`, `Second edition`, `1st ed.`: an edition statement.
pub fn edition_line(text: &str) -> Option<String> {
    let t = text.trim().trim_end_matches('.');
    let lower = t.to_ascii_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let ordinal = [
        "first", "second", "third", "1st", "2nd", "3rd", "revised", "new",
    ];
    let is_ed = words.len() <= 4
        && words.first().is_some_and(|w| ordinal.contains(w))
        && words.get(1).is_some_and(|w| *w == "edition" || *w == "ed");
    is_ed.then(|| t.to_string())
}

/// Words kept lower-case inside an English title.
const SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "but", "by", "for", "in", "of", "on", "or", "the", "to",
];

/// An all-capitals English title in title case (`THE SALT ROAD` → `The Salt Road`); other
/// text unchanged.
pub fn title_case(text: &str) -> String {
    let letters = text.chars().filter(char::is_ascii_alphabetic);
    let all_caps = text.is_ascii()
        && letters.clone().count() > 1
        && letters.clone().all(|c| c.is_ascii_uppercase());
    // a single capitalised word may be an acronym (`NASA`)
    if !all_caps || !text.trim().contains(' ') {
        return text.to_string();
    }
    text.split(' ')
        .enumerate()
        .map(|(i, w)| {
            let lower = w.to_ascii_lowercase();
            if i > 0 && SMALL_WORDS.contains(&lower.as_str()) {
                return lower;
            }
            let mut cs = lower.chars();
            cs.next().map_or(String::new(), |f| {
                f.to_ascii_uppercase().to_string() + cs.as_str()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// ISBNs with labels in a text: `ISBN 978-… (hardcover) | ISBN 978-… (ebook)`.
pub fn labelled_isbns(text: &str) -> Vec<PrintedIsbn> {
    let mut out = Vec::new();
    let upper = text.to_ascii_uppercase();
    let mut from = 0;
    while let Some(p) = upper[from..].find("ISBN") {
        let start = from + p;
        let after = &text[start + 4..];
        let num_len = after
            .char_indices()
            .find(|(_, c)| !(c.is_ascii_digit() || matches!(c, '-' | 'X' | ' ' | ':' | '：')))
            .map_or(after.len(), |(i, _)| i);
        let printed = text[start..start + 4 + num_len].trim().to_string();
        let tail = after[num_len..].trim_start();
        let label = tail
            .strip_prefix(['(', '（'])
            .and_then(|t| t.split_once([')', '）']))
            .map_or(String::new(), |(l, _)| l.trim().to_string());
        out.push((printed, label));
        from = start + 4 + num_len;
    }
    out
}

/// Whether an ISBN label names an e-book.
pub fn is_ebook_label(label: &str) -> bool {
    let l = label.to_ascii_lowercase();
    ["ebook", "e-book", "epub", "electronic", "kindle", "pdf"]
        .iter()
        .any(|w| l.contains(w))
        || label.contains("电子书")
        || label.contains("電子書")
}

/// Joins the block's lines into fields: a line opening with a field label starts a field.
fn fields<'a>(lines: &[Line<'a>]) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::new();
    let opens = |t: &str| FIELDS.iter().any(|f| t.trim().starts_with(f));
    // the older card style has no field labels: every line stands alone
    let card = !lines.iter().any(|l| opens(l.text));
    for l in lines {
        let t = l.text.trim();
        if t.is_empty() {
            continue;
        }
        let starts = card || opens(t);
        match out.last_mut() {
            Some((f, _)) if !starts => {
                f.push(' ');
                f.push_str(t);
            }
            _ => out.push((t.to_string(), l.no)),
        }
    }
    out
}

/// Parses a LoC block, heading first.
pub fn read_loc(lines: &[Line<'_>]) -> LocBlock {
    let mut out = LocBlock::default();
    let Some(first) = lines.iter().find(|l| !l.text.trim().is_empty()) else {
        return out;
    };
    let mut rec = CipRecord {
        heading: first.text.trim().to_string(),
        style: CipStyle::LibraryOfCongress,
        ..CipRecord::default()
    };
    let body: Vec<Line<'_>> = lines
        .iter()
        .skip_while(|l| !is_loc_heading(l.text))
        .skip(1)
        .copied()
        .collect();
    let fields = fields(&body);
    rec.issued = fields.iter().map(|(f, _)| f.clone()).collect();
    for (field, no) in fields {
        let (label, value) = match FIELDS.iter().find(|f| field.starts_with(*f)) {
            Some(f) => (*f, field[f.len()..].trim().to_string()),
            None => ("", field.clone()),
        };
        let items: Vec<&str> = value.split(" | ").map(str::trim).collect();
        match label {
            "Names:" => out.names.extend(items.iter().filter_map(|n| {
                let (name, file_as, role) = inverted_name(n)?;
                Some(Contributor {
                    name,
                    role,
                    label: None,
                    file_as: Some(file_as),
                    affiliation: None,
                })
            })),
            "Title:" => {
                rec.description = value.clone();
                let main = value.split(" / ").next().unwrap_or(&value).trim();
                let main = main.trim_end_matches('.');
                let (t, sub) = match main.split_once(" : ") {
                    Some((t, s)) => (t.trim(), Some(s.trim().to_string())),
                    None => (main, None),
                };
                out.title = Some(t.to_string());
                out.subtitle = sub;
            }
            "Description:" => {
                for item in &items {
                    let item = item.trim_end_matches('.');
                    if item.is_empty() {
                    } else if let Some(e) = edition_line(item) {
                        out.edition = Some(e);
                    } else if is_extent(item) {
                        rec.extent = Some(item.to_string());
                    } else if let Some((place, rest)) =
                        item.split_once(" : ").filter(|_| rec.imprint.is_empty())
                    {
                        rec.imprint = item.to_string();
                        out.cip.place = Some(place.trim().to_string());
                        let (publisher, year) = rest.rsplit_once(',').unwrap_or((rest, ""));
                        out.cip.publisher = Some(publisher.trim().to_string());
                        out.cip.date = super::cip::parse_year_month(year);
                        out.cip.imprint_line = no;
                    } else {
                        // `Includes bibliographical references and index.`
                        rec.notes.push(format!("{item}."));
                    }
                }
            }
            "Identifiers:" => {
                for item in &items {
                    if let Some(l) = item.strip_prefix("LCCN") {
                        let n = l.split_whitespace().next().unwrap_or("");
                        out.lccn.get_or_insert_with(|| n.to_string());
                        rec.control_numbers.push(item.to_string());
                    }
                }
                out.isbns.extend(labelled_isbns(&value));
            }
            "Subjects:" => {
                rec.subjects = items
                    .iter()
                    .map(|s| {
                        let s = s.split_once(": ").map_or(*s, |(_, r)| r);
                        s.trim().trim_end_matches('.').to_string()
                    })
                    .filter(|s| !s.is_empty())
                    .collect();
            }
            "Classification:" => {
                let c = items.first().map(|c| c.split(" (").next().unwrap_or(c));
                rec.classification = c.map(str::to_string);
                rec.class_numbers = items
                    .iter()
                    .filter(|c| !c.is_empty())
                    .map(|c| c.to_string())
                    .collect();
            }
            "LC record" | "LC ebook record" => {
                rec.cip_number_line.get_or_insert(field.clone());
            }
            _ => card_line(&field, no, &mut out, &mut rec),
        }
    }
    rec.cip_number = out.lccn.clone();
    if let Some((printed, _)) = out.isbns.iter().find(|(_, l)| !is_ebook_label(l)) {
        rec.isbn = Some(printed.clone());
        let no = lines
            .iter()
            .find(|l| squeeze(l.text).contains(&squeeze(printed)))
            .map_or(first.no, |l| l.no);
        out.cip.isbn_line = Some((printed.clone(), no));
    }
    out.cip.record = rec;
    out
}

/// A physical description: `p. cm.`, `xii, 320 pages ; 24 cm`, `1 online resource`.
fn is_extent(text: &str) -> bool {
    let t = text.trim().trim_end_matches('.');
    let words: Vec<&str> = t.split_whitespace().collect();
    words.len() <= 10
        && (words.last().is_some_and(|w| *w == "cm")
            || t.contains(" p. ")
            || t.ends_with(" p")
            || t.contains("pages")
            || t.contains("online resource"))
}

/// A Dewey number: `823'.914--dc22`, `386/.6—dc23`, `DDC 386/.6—dc23`.
fn is_dewey(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    w.starts_with(|c: char| c.is_ascii_digit())
        && ["--dc", "—dc", "-dc"].iter().any(|m| {
            w.split_once(m)
                .is_some_and(|(_, ed)| ed.chars().all(|c| c.is_ascii_digit()))
        })
}

/// A Library of Congress call number's class: `PR6058.A6925`, `HE5781`, `QA76.73.R87`.
fn is_lcc(word: &str) -> bool {
    let letters = word.chars().take_while(char::is_ascii_uppercase).count();
    (1..=3).contains(&letters)
        && word[letters..].starts_with(|c: char| c.is_ascii_digit())
        && word.chars().all(|c| c.is_ascii_alphanumeric() || c == '.')
}

/// A bare LCCN: `2010045678`, `2010-45678`, `75-12345`.
fn is_lccn(word: &str) -> bool {
    let digits = word.chars().filter(char::is_ascii_digit).count();
    (7..=10).contains(&digits)
        && word.chars().all(|c| c.is_ascii_digit() || c == '-')
        && word.matches('-').count() <= 1
}

/// The class numbers and control number of a card's last lines (`PR6058.A6925 L48 2011`,
/// `823'.914--dc22          2010045678`); `false` when the line is not one.
fn card_numbers(text: &str, out: &mut LocBlock, rec: &mut CipRecord) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let Some(first) = words.first() else {
        return false;
    };
    let (lccn, rest) = match words.split_last() {
        Some((last, rest)) if words.len() > 1 && is_lccn(last) => (Some(*last), rest),
        _ => (None, &words[..]),
    };
    let class = rest.join(" ");
    let numbers = if is_dewey(first) && rest.len() == 1 {
        Some(class)
    } else if is_lcc(first) && rest.len() <= 4 {
        rec.classification.get_or_insert_with(|| class.clone());
        Some(class)
    } else if words.len() == 1 && is_lccn(first) {
        out.lccn.get_or_insert_with(|| first.to_string());
        rec.control_numbers.push(first.to_string());
        return true;
    } else {
        None
    };
    let Some(class) = numbers else {
        return false;
    };
    rec.class_numbers.push(class);
    if let Some(n) = lccn {
        out.lccn.get_or_insert_with(|| n.to_string());
        rec.control_numbers.push(n.to_string());
    }
    true
}

/// A line of the older card-style block: `Harlow, Margaret.`, `The salt road / M. Harlow.`,
/// `p. cm.`, `Includes bibliographical references.`, `ISBN … (pbk.)`, `1. Ferries—History.
/// I. Title.`, the class numbers and LCCN; a line none of these is listed in `out.unread`.
fn card_line(text: &str, no: usize, out: &mut LocBlock, rec: &mut CipRecord) {
    if text.starts_with("Includes ") || text.starts_with("Bibliography") {
        rec.notes.push(text.to_string());
    } else if is_extent(text) && !text.contains(" / ") {
        rec.extent = Some(text.to_string());
    } else if card_numbers(text, out, rec) {
    } else if text.to_ascii_uppercase().contains("ISBN") {
        out.isbns.extend(labelled_isbns(text));
    } else if let Some((name, file_as, role)) = (out.names.is_empty() && out.title.is_none())
        .then(|| inverted_name(text))
        .flatten()
    {
        out.names.push(Contributor {
            name,
            role,
            label: None,
            file_as: Some(file_as),
            affiliation: None,
        });
    } else if out.title.is_none() && text.contains(" / ") {
        // `The salt road / M. Harlow. -- 1st ed.`: title, statement, then the edition area
        let mut areas = text.split(" -- ").flat_map(|a| a.split(" — "));
        rec.description = areas.next().unwrap_or(text).trim().to_string();
        for area in areas {
            match edition_line(area) {
                Some(e) => out.edition = Some(e),
                None => rec.imprint = area.trim().trim_end_matches('.').to_string(),
            }
        }
        let main = text.split(" / ").next().unwrap_or(text).trim();
        out.title = Some(main.to_string());
    } else if text.starts_with("1. ") {
        rec.subjects = text
            .split(|c: char| c.is_ascii_digit())
            .map(|s| {
                let s = s.split(" I.").next().unwrap_or(s);
                s.trim_start_matches(". ").trim().trim_end_matches('.')
            })
            .filter(|s| !s.is_empty() && !s.starts_with("I."))
            .map(str::to_string)
            .collect();
    } else if let Some(e) = edition_line(text) {
        out.edition.get_or_insert(e);
    } else {
        out.unread.push(no);
    }
}

#[cfg(test)]
mod tests;
