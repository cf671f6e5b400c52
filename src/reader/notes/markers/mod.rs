//! Note markers (注码) in running text and the marker that opens a note body (注文): `^①`,
//! bare `①`, `[1]`, `〔1〕`, `注1`/`註1`, `*`, and English superscript-style digits glued to a
//! word or closing punctuation (`free.1`, `empty.”4`). A marker found here is only a candidate:
//! it becomes a note reference when a note with the same key is linked to it, and is printed as
//! it stands otherwise.
//!
//! `rules` holds the rule of each marker shape, `scan` splits a line at its candidates
//! without allocating, and `bodies` reads the key opening a note body.

mod bodies;
mod rules;
mod scan;

pub use bodies::{Body, body, key_alone};
pub use rules::wrapped_after;
pub use scan::{Segments, segments, without_markers};

/// Whether `c` is a circled number (①–⑳, ㉑–㉟, ㊱–㊿).
pub fn is_circled(c: char) -> bool {
    matches!(c as u32, 0x2460..=0x2473 | 0x3251..=0x325F | 0x32B1..=0x32BF)
}

/// The shape of a marker, from the most to the least certain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// `^①`: the seed's caret convention (a missing note is reported).
    Caret,
    /// A bare circled number `①`.
    Circled,
    /// `[1]` or `［1］`.
    Bracket,
    /// `〔1〕` (tortoise-shell brackets).
    Tortoise,
    /// `注1` / `註1`.
    Zhu,
    /// `*`, `**`.
    Asterisk,
    /// Digits glued to a word or closing punctuation: `free.1`, `项目1 ，`.
    Digits,
    /// Superscript digits: `word¹²`.
    Superscript,
    /// Parenthesised digits glued to the text: `装饰(4)`.
    Paren,
    /// A bracketed capital letter, Project Gutenberg's `[A]`.
    Letter,
    /// A lone lower-case letter set apart by spaces in Chinese text (`支持 a 。`): a minipage's
    /// or table's note, numbered `a`, `b` by LaTeX.
    Minipage,
    /// A lone kana glyph glued to Chinese text (`學堂去了ヾ，`): circled numbers left by a broken
    /// conversion, answered only under an endnotes heading.
    Glyph,
    /// Digits opening a line before Chinese text (`5 如果…`): the marker of the line above's
    /// last word, set apart by the wrap. Only the page-foot pass pairs it, and only when the
    /// line above is running text ending in Chinese (see [`wrapped_after`]).
    Wrapped,
}

impl Style {
    /// How `paiban inspect` names the convention.
    pub fn describe(self) -> &'static str {
        match self {
            Style::Caret => "note markers `^①`",
            Style::Circled => "note markers: bare circled numbers `①`",
            Style::Bracket => "note markers `[1]`",
            Style::Tortoise => "note markers `〔1〕`",
            Style::Zhu => "note markers `注1` / `註1`",
            Style::Asterisk => "note markers `*`",
            Style::Digits => "note markers: superscript-style digits (`free.1`)",
            Style::Superscript => "note markers: superscript digits `¹`",
            Style::Paren => "note markers `(1)`",
            Style::Letter => "note markers `[A]`",
            Style::Glyph => "note markers: kana glyphs left for circled numbers (`ヾ`)",
            Style::Minipage => "note markers: minipage letters (`支持 a 。`)",
            Style::Wrapped => {
                "note markers: digits the line wrap set at a line's start (`5 如果…`)"
            }
        }
    }
}

/// Whether a body opened in `body` style answers a marker of `marker` style: the same shape,
/// or a bare circled body under a `^①` marker. A `^①` body takes only `^①` markers, so a
/// circled list number in the text is never mistaken for the seed's marker.
pub fn answers(body: Style, marker: Style) -> bool {
    body == marker
        || (body == Style::Circled && marker == Style::Caret)
        || (matches!(body, Style::Digits | Style::Superscript)
            && matches!(marker, Style::Digits | Style::Superscript))
}

/// A marker key in the form notes carry: superscript digits as ASCII digits (`¹²` → `12`).
pub fn normal_key(key: &str) -> std::borrow::Cow<'_, str> {
    if key.chars().any(|c| superscript_digit(c).is_some()) {
        key.chars()
            .map(|c| superscript_digit(c).unwrap_or(c))
            .collect::<String>()
            .into()
    } else {
        key.into()
    }
}

/// The ASCII digit a superscript digit stands for.
fn superscript_digit(c: char) -> Option<char> {
    match c {
        '⁰' => Some('0'),
        '¹' => Some('1'),
        '²' => Some('2'),
        '³' => Some('3'),
        '⁴'..='⁹' => char::from_u32(c as u32 - 0x2074 + u32::from(b'4')),
        _ => None,
    }
}

/// Whether `c` is a kana glyph that may stand for a lost circled number (ぁ–ゖ, ゝゞ, ァ–ヺ, ヽヾ,
/// 々), see [`Style::Glyph`].
pub fn is_glyph_key(c: char) -> bool {
    matches!(c as u32, 0x3041..=0x3096 | 0x309D..=0x309E | 0x30A1..=0x30FA | 0x30FD..=0x30FE)
        || c == '々'
}

/// Whether `c` is a CJK ideograph (the unified blocks and extension A).
pub fn is_ideograph(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// A piece of a line: text, or a note marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Segment<'a> {
    /// Running text.
    Text(&'a str),
    /// A marker candidate.
    Marker(Marker<'a>),
}

/// A marker candidate in running text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marker<'a> {
    /// The key a note body must carry (`①`, `1`, `*`).
    pub key: &'a str,
    /// What stays in the text when no note is linked (`①` for `^①`, `[1]` for `[1]`).
    pub shown: &'a str,
    /// Its shape.
    pub style: Style,
}

/// Characters after which glued digits are a marker in English text (closing punctuation).
const CLOSING: &[char] = &['.', ',', ';', ':', '!', '?', '”', '’', '"', '\'', ')'];

/// Closing quotes and brackets of Chinese text after which glued digits or a glyph are a marker.
const CJK_CLOSING: &[char] = &['”', '’', '）', '」', '』', '》', '〉'];

/// Chinese punctuation that never opens a note's text: a glyph before it at a line's start is
/// the marker of the word the line wrap left on the line above.
const CJK_PUNCT: &[char] = &[
    '，', '。', '；', '：', '、', '！', '？', '）', '」', '』', '”',
];

/// Longest numeric key (in digits).
const MAX_DIGITS: usize = 3;

/// The number of ASCII digits at the start of `s` (up to [`MAX_DIGITS`] + 1).
fn digits_at(s: &str) -> usize {
    s.bytes()
        .take(MAX_DIGITS + 1)
        .take_while(u8::is_ascii_digit)
        .count()
}

#[cfg(test)]
mod tests;
