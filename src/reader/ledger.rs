//! 行账 (line ledger): where every manuscript line went — body, note, front matter, printed
//! contents, a metadata block — or why it was removed (folio, running head, boilerplate). Each
//! pass that marks lines [`Kind::Furniture`] is followed by [`Ledger::settle`], which gives the
//! lines it newly removed that pass's reason; `paiban inspect` lists the removed lines.

use serde::Serialize;

use super::Line;
use super::furniture::{page_number, split_combined};
use super::kind::Kind;

/// Why a manuscript line is not in the book.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Removal {
    /// A printed page number (页码) alone on its line.
    Folio,
    /// A running head (书眉) and a page number on one line.
    RunningHeadWithFolio,
    /// A running head (书眉): a line repeated at the edge of many pages, or a shortened title.
    RunningHead,
    /// A note's number set apart on its own line, kept as the note's mark.
    NoteNumber,
    /// A printer's key (`10 9 8 7 6 5 4 3 2 1`): the lowest number is the impression.
    PrintersKey,
    /// The Project Gutenberg header; its fields became metadata.
    GutenbergHeader,
    /// The Project Gutenberg licence after the text.
    GutenbergLicence,
    /// A transcription credit, moved to the copyright page.
    TranscriptionCredit,
}

impl Removal {
    /// The reason as `inspect` shows it.
    pub fn reason(self) -> &'static str {
        match self {
            Removal::Folio => "page number",
            Removal::RunningHeadWithFolio => "running head with page number",
            Removal::RunningHead => "running head",
            Removal::NoteNumber => "note number set apart (kept as the note's mark)",
            Removal::PrintersKey => "printer's key (its lowest number is the impression)",
            Removal::GutenbergHeader => "Project Gutenberg header (its fields became metadata)",
            Removal::GutenbergLicence => "Project Gutenberg licence (--keep-licence keeps it)",
            Removal::TranscriptionCredit => "transcription credit (moved to the copyright page)",
        }
    }
}

impl From<super::gutenberg::Removal> for Removal {
    fn from(r: super::gutenberg::Removal) -> Self {
        use super::gutenberg::Removal as G;
        match r {
            G::Header => Removal::GutenbergHeader,
            G::Licence => Removal::GutenbergLicence,
            G::Credit => Removal::TranscriptionCredit,
        }
    }
}

/// The furniture pass's reason for one line, from its shape: a folio alone, a head beside a
/// folio, else a running head.
pub fn furniture_reason(text: &str) -> Removal {
    if page_number(text).is_some() {
        Removal::Folio
    } else if split_combined(text).is_some() {
        Removal::RunningHeadWithFolio
    } else {
        Removal::RunningHead
    }
}

/// A printer's key (`10 9 8 7 6 5 4 3 2 1`), as the copyright-page reader knows it.
fn printers_key(text: &str) -> bool {
    super::front_matter::western::printers_key(text).is_some()
}

/// Where one manuscript line went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "place", content = "reason")]
pub enum Place {
    /// White space only: nothing to keep.
    Blank,
    /// Running text, a heading or another block of the body or back matter.
    Body,
    /// A footnote or endnote (注).
    Note,
    /// A line of the printed contents (目录).
    Contents,
    /// A title-page, copyright-page or CIP line, read into the metadata and front matter.
    FrontMatter,
    /// Removed, with the reason.
    Removed(Removal),
}

/// A removed line, as `inspect` lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RemovedLine {
    /// 1-based manuscript line.
    pub line: usize,
    /// Why it was removed.
    pub reason: &'static str,
    /// The line's text.
    pub text: String,
}

/// One record per manuscript line (after form-feed splitting): where it went.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ledger {
    /// The reason each removed line was removed, as the passes set it (`None`: not removed).
    reasons: Vec<Option<Removal>>,
    /// Each line's place, once [`Ledger::close`] has run.
    places: Vec<Place>,
    /// Each line's number and the byte range of its text in `text`.
    lines: Vec<(usize, std::ops::Range<usize>)>,
    /// Every line's text, one after the other (one allocation for the whole manuscript).
    text: String,
}

impl Ledger {
    /// An empty ledger for `lines`.
    pub fn new(lines: &[Line<'_>]) -> Self {
        let mut text = String::with_capacity(lines.iter().map(|l| l.text.len()).sum());
        let reasons = vec![None; lines.len()];
        let lines = lines
            .iter()
            .map(|l| {
                let start = text.len();
                text.push_str(l.text);
                (l.no, start..text.len())
            })
            .collect();
        Ledger {
            reasons,
            places: Vec::new(),
            lines,
            text,
        }
    }

    /// Removes line `i` (0-based) for `reason`.
    pub fn remove(&mut self, i: usize, reason: Removal) {
        self.reasons[i] = Some(reason);
    }

    /// Gives every line marked [`Kind::Furniture`] since the last call the reason `reason`
    /// returns for its text.
    pub fn settle(&mut self, kinds: &[Kind], reason: impl Fn(&str) -> Removal) {
        for (i, k) in kinds.iter().enumerate() {
            if *k == Kind::Furniture && self.reasons[i].is_none() {
                self.reasons[i] = Some(reason(&self.text[self.lines[i].1.clone()]));
            }
        }
    }

    /// Records the final place of every line from its kind.
    pub fn close(&mut self, kinds: &[Kind]) {
        self.places = kinds
            .iter()
            .zip(&self.reasons)
            .zip(&self.lines)
            .map(|((k, r), (_, range))| (k, r, &self.text[range.clone()]))
            .map(|(k, r, text)| match (k, r) {
                (Kind::Furniture, Some(r)) => Place::Removed(*r),
                // A pass marked it without settling: a running head is the only other shape.
                (Kind::Furniture, None) => Place::Removed(Removal::RunningHead),
                (Kind::Blank, _) => Place::Blank,
                (Kind::Note { .. } | Kind::NoteContinuation, _) => Place::Note,
                (Kind::ContentsLine, _) => Place::Contents,
                (Kind::FrontMatterLine, _) if printers_key(text) => {
                    Place::Removed(Removal::PrintersKey)
                }
                (Kind::FrontMatterLine, _) => Place::FrontMatter,
                _ => Place::Body,
            })
            .collect();
    }

    /// Each line's place (after [`Ledger::close`]), in manuscript order.
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// The removed lines with their reasons, in manuscript order.
    pub fn removed(&self) -> Vec<RemovedLine> {
        self.places
            .iter()
            .zip(&self.lines)
            .filter_map(|(p, (no, range))| match p {
                Place::Removed(r) => Some(RemovedLine {
                    line: *no,
                    reason: r.reason(),
                    text: self.text[range.clone()].trim().to_string(),
                }),
                _ => None,
            })
            .collect()
    }

    /// Every line with its number, text and place.
    pub fn records(&self) -> impl Iterator<Item = (usize, &str, Place)> + '_ {
        self.lines
            .iter()
            .zip(&self.places)
            .map(|((no, range), p)| (*no, &self.text[range.clone()], *p))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_reasons_by_shape() {
        let cases = [
            ("17", Removal::Folio),
            ("· 17 ·", Removal::Folio),
            ("第一章 緒論    13", Removal::RunningHeadWithFolio),
            ("12    城市的河流", Removal::RunningHeadWithFolio),
            ("城市的河流", Removal::RunningHead),
        ];
        for (text, want) in cases {
            assert_eq!(furniture_reason(text), want, "{text:?}");
        }
    }

    #[test]
    fn printers_keys() {
        assert!(printers_key("10 9 8 7 6 5 4 3 2 1"));
        assert!(printers_key("3 4 5 6 7 8"));
        assert!(!printers_key("10 9 8 7"));
        assert!(printers_key("1 3 5 7 9 10 8 6 4 2"));
        assert!(!printers_key("10 9 8 7 6 apples"));
    }

    #[test]
    fn each_pass_gives_its_own_reason() {
        let lines = super::super::lines::split("正文。\n17\n\n书眉\n1");
        let mut ledger = Ledger::new(&lines);
        let mut kinds = vec![
            Kind::Text,
            Kind::Furniture,
            Kind::Blank,
            Kind::Text,
            Kind::Text,
        ];
        ledger.settle(&kinds, furniture_reason);
        kinds[4] = Kind::Furniture;
        ledger.settle(&kinds, |_| Removal::NoteNumber);
        kinds[3] = Kind::Furniture;
        ledger.close(&kinds);
        assert_eq!(
            ledger.places(),
            [
                Place::Body,
                Place::Removed(Removal::Folio),
                Place::Blank,
                Place::Removed(Removal::RunningHead),
                Place::Removed(Removal::NoteNumber),
            ]
        );
        let removed: Vec<(usize, &str)> = ledger
            .removed()
            .iter()
            .map(|r| (r.line, r.reason))
            .collect();
        assert_eq!(
            removed,
            [
                (2, "page number"),
                (4, "running head"),
                (5, "note number set apart (kept as the note's mark)")
            ]
        );
    }
}
