//! The scan of a line for marker candidates: bytes that cannot open a marker are skipped
//! without decoding, and [`marker_at`] is asked only where one may start.

use super::rules::marker_at;
use super::{Marker, Segment, is_circled, is_glyph_key, superscript_digit};

/// Whether a marker can start with `c` (the first characters [`marker_at`] accepts), so the
/// scan in [`segments`] skips every other character without looking at its context.
pub(super) fn may_open(c: char) -> bool {
    matches!(
        c,
        '^' | '[' | '［' | '〔' | '注' | '註' | '*' | '0'..='9' | 'a'..='z' | '(' | '（' | '†' | '‡'
    ) || is_circled(c)
        || superscript_digit(c).is_some()
        || is_glyph_key(c)
}

/// Whether the ASCII byte at `at` may open a marker: as [`may_open`] says, but a lower-case
/// letter only when set apart by spaces as the minipage rule requires, and a digit only after
/// a character that is neither a digit nor white space (what a marker glued to a word needs)
/// or at the line's start (where the wrap may have set a marker), so that the letters and
/// numbers of the text are dismissed without looking back along the line.
pub(super) fn may_open_ascii(bytes: &[u8], at: usize) -> bool {
    let prev = at.checked_sub(1).map(|p| bytes[p]);
    match bytes[at] {
        b'a'..=b'z' => prev == Some(b' ') && bytes.get(at + 1).is_none_or(|&n| n == b' '),
        // or at the line's start, where the wrap may have set a marker (`rules::wrapped_digits`)
        b'0'..=b'9' => match prev {
            Some(p) if !p.is_ascii_digit() && !p.is_ascii_whitespace() => true,
            Some(p) if p.is_ascii_digit() => false,
            _ => bytes[..at].iter().all(u8::is_ascii_whitespace),
        },
        b'^' | b'[' | b'*' | b'(' => true,
        _ => false,
    }
}

/// Whether a character whose UTF-8 form starts with byte `b` (not ASCII) may open a marker:
/// every character [`may_open`] accepts starts with one of these (`¹` C2, `†` `①` E2, `〔` kana
/// `㉑` E3, `注` E6, `註` E8, `［` `（` EF), so Chinese text is mostly skipped undecoded.
pub(super) const fn may_open_lead(b: u8) -> bool {
    matches!(b, 0xC2 | 0xE2 | 0xE3 | 0xE6 | 0xE8 | 0xEF)
}

/// The bytes where the scan in [`segments`] stops to look: a space (a minipage letter may
/// follow), the ASCII characters [`may_open_ascii`] may accept but letters, and the lead bytes
/// [`may_open_lead`] accepts; every other byte is skipped.
const STOPS: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = matches!(c, b' ' | b'0'..=b'9' | b'^' | b'[' | b'*' | b'(') || may_open_lead(c);
        b += 1;
    }
    t
};

/// [`STOPS`] without the space: a line that cannot hold a minipage letter's marker (no
/// ideograph nor Chinese closing punctuation, which starts with a byte of `0xE2` or above, may
/// stand before one) is scanned without stopping at its spaces.
const STOPS_NO_SPACE: [bool; 256] = {
    let mut t = STOPS;
    t[b' ' as usize] = false;
    t
};

/// Whether a line may hold a minipage letter's marker (`支持 a 。`): the letter must follow an
/// ideograph or Chinese closing punctuation (`rules::minipage_letter`), whose UTF-8 forms all
/// start with a byte of `0xE2` or above (`”` `’` E2, `」` `》` E3, ideographs E3–E9 and F0,
/// `）` EF).
fn may_hold_minipage(text: &str) -> bool {
    text.bytes().any(|b| b >= 0xE2)
}

/// The pieces of a line, text and marker candidates in order, from [`segments`].
#[derive(Debug, Clone)]
pub struct Segments<'a> {
    text: &'a str,
    /// The bytes the scan stops at: [`STOPS`], or [`STOPS_NO_SPACE`] in a line that cannot
    /// hold a minipage letter's marker.
    stops: &'static [bool; 256],
    /// Where the text not yet given out starts.
    start: usize,
    /// Where the scan for the next marker resumes.
    at: usize,
    /// A marker found after a text piece that was given out first.
    marker: Option<(Marker<'a>, usize)>,
}

impl<'a> Iterator for Segments<'a> {
    type Item = Segment<'a>;

    fn next(&mut self) -> Option<Segment<'a>> {
        let text = self.text;
        if let Some((mk, end)) = self.marker.take() {
            self.start = end;
            self.at = end;
            return Some(Segment::Marker(mk));
        }
        let bytes = text.as_bytes();
        let stops = self.stops;
        while self.at < bytes.len() {
            let Some(skip) = bytes[self.at..].iter().position(|&b| stops[usize::from(b)]) else {
                self.at = bytes.len();
                break;
            };
            let mut at = self.at + skip;
            let b = bytes[at];
            if b == b' ' {
                // a lower-case letter opens a marker only set apart by spaces (a minipage
                // mark), so letters are looked at only after a space
                if !(bytes.get(at + 1).is_some_and(u8::is_ascii_lowercase)
                    && may_open_ascii(bytes, at + 1))
                {
                    self.at = at + 1;
                    continue;
                }
                at += 1;
            } else if !(if b < 0x80 {
                may_open_ascii(bytes, at)
            } else {
                text[at..].chars().next().is_some_and(may_open)
            }) {
                self.at = at + utf8_len(b);
                continue;
            }
            if let Some((mk, len)) = marker_at(text, at) {
                if self.start < at {
                    let piece = &text[self.start..at];
                    self.marker = Some((mk, at + len));
                    return Some(Segment::Text(piece));
                }
                self.start = at + len;
                self.at = at + len;
                return Some(Segment::Marker(mk));
            }
            self.at = at + utf8_len(bytes[at]);
        }
        if self.start < text.len() {
            let piece = &text[self.start..];
            self.start = text.len();
            return Some(Segment::Text(piece));
        }
        None
    }
}

/// The length of the UTF-8 sequence a leading byte opens.
fn utf8_len(b: u8) -> usize {
    match b {
        0..0xC0 => 1,
        0xC0..0xE0 => 2,
        0xE0..0xF0 => 3,
        _ => 4,
    }
}

/// Splits a line at its marker candidates, without allocating.
pub fn segments(text: &str) -> Segments<'_> {
    Segments {
        text,
        stops: if may_hold_minipage(text) {
            &STOPS
        } else {
            &STOPS_NO_SPACE
        },
        start: 0,
        at: 0,
        marker: None,
    }
}

/// The text of a line with its marker candidates left out (borrowed when it has none).
pub fn without_markers(text: &str) -> std::borrow::Cow<'_, str> {
    let mut pieces = segments(text);
    let first = match pieces.next() {
        None => return "".into(),
        Some(Segment::Text(t)) if t.len() == text.len() => return t.into(),
        Some(Segment::Text(t)) => t,
        Some(Segment::Marker(_)) => "",
    };
    let mut out = String::with_capacity(text.len());
    out.push_str(first);
    for s in pieces {
        if let Segment::Text(t) = s {
            out.push_str(t);
        }
    }
    out.into()
}
