//! Note markers (注码) in running text and the marker that opens a note body (注文): `^①`,
//! bare `①`, `[1]`, `〔1〕`, `注1`/`註1`, `*`, and English superscript-style digits glued to a
//! word or closing punctuation (`free.1`, `empty.”4`). A marker found here is only a candidate:
//! it becomes a note reference when a note with the same key is linked to it, and is printed as
//! it stands otherwise.

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

/// A marker starting at byte `at` of `text`: (marker, byte length). Each shape opens with its
/// own characters, so the first character alone picks the one rule that may apply.
fn marker_at(text: &str, at: usize) -> Option<(Marker<'_>, usize)> {
    let rest = &text[at..];
    let c = rest.chars().next()?;
    let head = &text[..at];
    let before = || head.chars().next_back();
    let m = |key, shown, style| Marker { key, shown, style };
    match c {
        '^' => {
            let g = rest[1..].chars().next().filter(|&g| is_circled(g))?;
            let end = 1 + g.len_utf8();
            Some((m(&rest[1..end], &rest[1..end], Style::Caret), end))
        }
        c if is_circled(c) => {
            let end = c.len_utf8();
            Some((m(&rest[..end], &rest[..end], Style::Circled), end))
        }
        '[' | '［' | '〔' => {
            // a bracket at the start of a line opens a list item or a note body, not a marker
            if head.trim_start().is_empty() {
                return None;
            }
            let (key, style, len) = bracketed(rest)?;
            // an index in code or output (`Browse[1]>`, `a[1][2]`), not a note
            let index = before() == Some(']') || indexes(rest[len..].chars().next());
            (!index).then(|| (m(key, &rest[..len], style), len))
        }
        '(' | '（' => {
            let inner = &rest[c.len_utf8()..];
            let n = digits_at(inner);
            let close = inner[n..].chars().next();
            // glued to the text, or set apart by spaces from Chinese text (pdftotext's `信息站 (1)
            // 上`); after a space in other text it is an enumeration (`14.  (2)  By…`)
            let trimmed = head.trim_end_matches(' ');
            let spaced = trimmed.len() < at;
            let glued = before().is_some_and(|b| b != '(' && b != '（')
                && (!spaced
                    || trimmed.chars().next_back().is_some_and(|p| {
                        is_ideograph(p) || CJK_PUNCT.contains(&p) || CJK_CLOSING.contains(&p)
                    }));
            if glued && (1..=MAX_DIGITS).contains(&n) && matches!(close, Some(')' | '）')) {
                let end = c.len_utf8() + n + close.map_or(0, char::len_utf8);
                return Some((m(&inner[..n], &rest[..end], Style::Paren), end));
            }
            None
        }
        c if superscript_digit(c).is_some() => {
            let n: usize = rest
                .chars()
                .take_while(|&d| superscript_digit(d).is_some())
                .map(char::len_utf8)
                .sum();
            let glued = before().is_some_and(|b| !b.is_whitespace());
            let count = rest[..n].chars().count();
            (glued && count <= MAX_DIGITS)
                .then(|| (m(&rest[..n], &rest[..n], Style::Superscript), n))
        }
        c if is_glyph_key(c) => {
            let end = c.len_utf8();
            let after = rest[end..].chars().next();
            let ends = rest[end..].trim().is_empty();
            let before = before();
            // glued to a character or a closing quote; after the full stop ending a line (a
            // dated story's `一九二○年七月。ぉ`); or opening a line before punctuation, the wrap
            // having set it apart from its word (`ぉ，終于`)
            let glued = before.is_some_and(|b| is_ideograph(b) || CJK_CLOSING.contains(&b))
                || (before == Some('。') && ends)
                || (head.trim_start().is_empty() && after.is_some_and(|a| CJK_PUNCT.contains(&a)));
            let alone = after.is_none_or(|a| !is_glyph_key(a) && !a.is_ascii_alphanumeric());
            (glued && alone).then(|| (m(&rest[..end], &rest[..end], Style::Glyph), end))
        }
        '注' | '註' => {
            let inner = &rest[c.len_utf8()..];
            let n = digits_at(inner);
            if (1..=MAX_DIGITS).contains(&n) {
                let end = c.len_utf8() + n;
                return Some((m(&inner[..n], &rest[..end], Style::Zhu), end));
            }
            None
        }
        '†' | '‡' => {
            let end = c.len_utf8();
            let glued = before().is_some_and(|b| !b.is_whitespace());
            glued.then(|| (m(&rest[..end], &rest[..end], Style::Asterisk), end))
        }
        '*' => {
            let n = rest.bytes().take_while(|&b| b == b'*').count();
            // after a word or its closing punctuation, not inside code or a glob (`/*`, `'*)`,
            // `~*`, `(*`)
            let glued = before().is_some_and(|b| {
                b.is_alphanumeric()
                    || CLOSING.contains(&b) && b != '\'' && b != ')'
                    || CJK_CLOSING.contains(&b)
            }) && !in_code_token(head);
            let mut after = rest[n..].chars();
            let next = after.next();
            // not a glob (`name*.changes`, `*)`) nor code (`*/`, `*=`)
            let after_ok = next
                .is_none_or(|a| !a.is_ascii_alphanumeric() && !"()/=;{}".contains(a))
                && !(next == Some('.') && after.next().is_some_and(|b| b.is_ascii_alphanumeric()));
            (glued && after_ok && n <= 3).then(|| (m(&rest[..n], &rest[..n], Style::Asterisk), n))
        }
        'a'..='z' => {
            minipage_letter(text, at).then(|| (m(&rest[..1], &rest[..1], Style::Minipage), 1))
        }
        '0'..='9' if head.trim().is_empty() => {
            wrapped_digits(rest).map(|n| (m(&rest[..n], &rest[..n], Style::Wrapped), n))
        }
        '0'..='9' => {
            let n = digits_at(rest);
            let mut after = rest[n..].chars();
            let next = after.next();
            let after_ok = next.is_none_or(|a| !a.is_alphanumeric())
                // not a decimal, a time or a thousands group (`1.5`, `10:30`, `1,000`)
                && !(matches!(next, Some('.' | ',' | ':'))
                    && after.next().is_some_and(|d| d.is_ascii_digit()));
            if n > MAX_DIGITS || !after_ok || !glued_to_word(head) {
                return None;
            }
            Some((m(&rest[..n], &rest[..n], Style::Digits), n))
        }
        _ => None,
    }
}

/// Measure words and units a number at a line's start counts (`12 月`, `3 个`): the number is
/// the text's, not a marker.
const COUNTERS: &str =
    "年月日号時时分秒点點个個种種次节節章页頁条條位岁歲行列项項倍元册冊卷版期周週天";

/// Digits opening a line as a marker the wrap moved there: one to three digits, one space,
/// then a Chinese character (`5 如果本地…`); the byte length of the digits. The same line is
/// also the shape of a page-foot note body (`5 注文`): the foot pass decides which it is.
fn wrapped_digits(rest: &str) -> Option<usize> {
    let n = digits_at(rest);
    let mut after = rest[n..].chars();
    let ok = (1..=MAX_DIGITS).contains(&n)
        && after.next() == Some(' ')
        && after
            .next()
            .is_some_and(|c| is_ideograph(c) && !COUNTERS.contains(c));
    ok.then_some(n)
}

/// Whether a line of running text may end in the word whose marker the wrap set at the start
/// of the next line: it ends in a Chinese character or Chinese punctuation (`依赖的宏集。`).
pub fn wrapped_after(above: &str) -> bool {
    // a colon introduces what follows (a list), it ends no word a marker belongs to
    above.trim_end().chars().next_back().is_some_and(|c| {
        (is_ideograph(c) || CJK_PUNCT.contains(&c) || CJK_CLOSING.contains(&c) || c == '》')
            && c != '：'
    })
}

/// Whether the character after a bracketed number shows it indexes code or output, not a
/// note: a prompt, an assignment, another index or a call follows (`Browse[1]>`, `x[1]=`,
/// `a[1][2]`, `v[2](`), or a letter or digit glued to it.
fn indexes(after: Option<char>) -> bool {
    // ASCII only: a Chinese character after the bracket is the text going on (`文字[2]继续`)
    after.is_some_and(|a| a.is_ascii_alphanumeric() || "<>=[(_".contains(a))
}

/// A bracketed key at the start of `rest`: `[1]`, `［1］`, `〔1〕`, `[A]`: (key, style, length).
fn bracketed(rest: &str) -> Option<(&str, Style, usize)> {
    let c = rest.chars().next()?;
    if c == '[' {
        let mut it = rest[1..].chars();
        if let (Some('A'..='Z'), Some(']')) = (it.next(), it.next()) {
            return Some((&rest[1..2], Style::Letter, 3));
        }
    }
    for (open, close, style) in [
        ('[', ']', Style::Bracket),
        ('［', '］', Style::Bracket),
        ('〔', '〕', Style::Tortoise),
    ] {
        if c == open {
            let inner = &rest[open.len_utf8()..];
            let n = digits_at(inner);
            if (1..=MAX_DIGITS).contains(&n) && inner[n..].starts_with(close) {
                let end = open.len_utf8() + n + close.len_utf8();
                return Some((&inner[..n], style, end));
            }
            return None;
        }
    }
    None
}

/// Whether digits after `head` sit on an English word: right after a letter, or after closing
/// punctuation that follows a letter (`free.`, `empty.”`).
fn glued_to_word(head: &str) -> bool {
    let mut rev = head.chars().rev().peekable();
    let mut punct = 0;
    while rev.peek().is_some_and(|c| CLOSING.contains(c)) {
        rev.next();
        punct += 1;
    }
    let Some(c) = rev.next() else { return false };
    if is_ideograph(c) || (punct == 0 && CJK_CLOSING.contains(&c)) {
        // Chinese: glued to a character or a closing quote (`项目1 ，`, `“甲”2`)
        return true;
    }
    if in_code_token(head) {
        // a path, an identifier or an expression (`/dev/sda1`, `type1` in `/fonts/type1`,
        // `${s:7`), not a word
        return false;
    }
    if punct == 0 {
        // glued straight to a word: only a lower-case word (`word1`), not `H2`, `A4`, nor a
        // one-letter variable with an exponent (`b2`)
        let variable = rev.next().is_none_or(|p| !p.is_alphabetic());
        return c.is_ascii_lowercase() && !variable;
    }
    // after punctuation: a word of two letters or more (`free.1`), not a numbering letter
    // (`D.1`, `A.2`)
    c.is_ascii_alphabetic() && rev.next().is_some_and(char::is_alphabetic)
}

/// Whether the last token of `head` (back to white space, an ideograph or an opening quote or
/// bracket) is a path or an expression: it starts with `/`, `~` or `$`, or holds `://` or `${`
/// (`/dev/sda1`, `/fonts/type1`, `~/ls1`, `${s:7`). A command name (`\\FloatBlock2`) may carry a
/// real marker.
fn in_code_token(head: &str) -> bool {
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || is_ideograph(c) || "“‘\"'([{（「".contains(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let token = &head[start..];
    token.starts_with(['/', '~', '$'])
        || token.contains("://")
        || token.contains("${")
        || head[..start].ends_with("${")
        || command_argument(&head[..start])
}

/// Whether `head` ends by opening a command's argument (`\label{`, `\ref{`): a number in it
/// is part of a key (`\label{fn1}`), not a marker.
fn command_argument(head: &str) -> bool {
    let Some(name) = head.strip_suffix('{') else {
        return false;
    };
    let word = name.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '@' || c == '*');
    word.len() < name.len() && word.ends_with('\\')
}

/// Whether the lower-case letter at byte `at` is a minipage note's marker: alone between
/// spaces, after Chinese text and before Chinese punctuation or the line end (`支持 a 。`).
fn minipage_letter(text: &str, at: usize) -> bool {
    let after = &text[at + 1..];
    if !(after.is_empty() || after.starts_with(' ')) {
        return false;
    }
    let next = after.trim_start_matches(' ').chars().next();
    let prev = text[..at]
        .strip_suffix(' ')
        .and_then(|h| h.trim_end_matches(' ').chars().next_back());
    next.is_none_or(|n| "。，；：、！？）".contains(n))
        && prev.is_some_and(|p| is_ideograph(p) || CJK_CLOSING.contains(&p))
}

/// Whether a marker can start with `c` (the first characters [`marker_at`] accepts), so the
/// scan in [`segments`] skips every other character without looking at its context.
fn may_open(c: char) -> bool {
    matches!(
        c,
        '^' | '[' | '［' | '〔' | '注' | '註' | '*' | '0'..='9' | 'a'..='z' | '(' | '（' | '†' | '‡'
    ) || is_circled(c)
        || superscript_digit(c).is_some()
        || is_glyph_key(c)
}

/// Whether the ASCII byte at `at` may open a marker: as [`may_open`] says, but a lower-case
/// letter only when set apart by spaces as [`minipage_letter`] requires, and a digit only
/// after a character that is neither a digit nor white space (what [`glued_to_word`] needs)
/// or at the line's start (what [`wrapped_digits`] needs),
/// so that the letters and numbers of the text are dismissed without looking back along the
/// line.
fn may_open_ascii(bytes: &[u8], at: usize) -> bool {
    let prev = at.checked_sub(1).map(|p| bytes[p]);
    match bytes[at] {
        b'a'..=b'z' => prev == Some(b' ') && bytes.get(at + 1).is_none_or(|&n| n == b' '),
        // or at the line's start, where the wrap may have set a marker ([`wrapped_digits`])
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
const fn may_open_lead(b: u8) -> bool {
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

/// The pieces of a line, text and marker candidates in order, from [`segments`].
#[derive(Debug, Clone)]
pub struct Segments<'a> {
    text: &'a str,
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
        while self.at < bytes.len() {
            let Some(skip) = bytes[self.at..].iter().position(|&b| STOPS[usize::from(b)]) else {
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

/// A note body's opening: (key, style, the note text).
pub type Body<'a> = (&'a str, Style, &'a str);

/// The marker opening a note body at the start of a line, with the text after it:
/// `^① 文`, `① 文`, `[1] 文`, `〔1〕文`, `注1：文`, `* text`, `1. text`, `1 text`.
pub fn body(text: &str) -> Option<Body<'_>> {
    let t = text.trim_start();
    let (key, style, rest) = if let Some(d) = t.strip_prefix(['注', '註']) {
        let n = digits_at(d);
        if !(1..=MAX_DIGITS).contains(&n) {
            return None;
        }
        let rest = d[n..].trim_start_matches([':', '：', '.', '．', '、']);
        (&d[..n], Style::Zhu, rest)
    } else if t.starts_with(|c: char| c.is_ascii_digit()) {
        let n = digits_at(t);
        let rest = &t[n..];
        let rest = rest.strip_prefix('.').unwrap_or(rest);
        if n > MAX_DIGITS || !rest.starts_with(char::is_whitespace) {
            return None;
        }
        (&t[..n], Style::Digits, rest)
    } else if t.starts_with('*') {
        let n = t.bytes().take_while(|&b| b == b'*').count();
        // `*nix`, `*.txt`: a glob or a word, not a note's star
        if t[n..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == '.') {
            return None;
        }
        (&t[..n], Style::Asterisk, &t[n..])
    } else if let Some((key, style, len)) = opening(t).or_else(|| bracketed(t)) {
        (key, style, &t[len..])
    } else {
        let (mk, len) = marker_at(t, 0).filter(|(m, _)| m.style != Style::Glyph)?;
        (mk.key, mk.style, &t[len..])
    };
    let rest = rest.trim();
    (!rest.is_empty()).then_some((key, style, rest))
}

/// Openings of a note body that need no text before them, unlike the same shape as a marker:
/// `(4)`, `¹`, `†`, a kana glyph: (key, style, byte length).
fn opening(t: &str) -> Option<(&str, Style, usize)> {
    let c = t.chars().next()?;
    if c == '(' || c == '（' {
        let inner = &t[c.len_utf8()..];
        let n = digits_at(inner);
        let close = inner[n..]
            .chars()
            .next()
            .filter(|&d| d == ')' || d == '）')?;
        return (1..=MAX_DIGITS).contains(&n).then(|| {
            (
                &inner[..n],
                Style::Paren,
                c.len_utf8() + n + close.len_utf8(),
            )
        });
    }
    if superscript_digit(c).is_some() {
        let n: usize = t
            .chars()
            .take_while(|&d| superscript_digit(d).is_some())
            .map(char::len_utf8)
            .sum();
        return Some((&t[..n], Style::Superscript, n));
    }
    if c == '†' || c == '‡' {
        return Some((&t[..c.len_utf8()], Style::Asterisk, c.len_utf8()));
    }
    if is_glyph_key(c) {
        let after = t[c.len_utf8()..].chars().next();
        return (!after.is_some_and(|a| CJK_PUNCT.contains(&a)))
            .then(|| (&t[..c.len_utf8()], Style::Glyph, c.len_utf8()));
    }
    None
}

/// A line that is only a note key (`13`, `(4)`, `[2]`, `①`, `*`): the number of a page-foot
/// note whose text is on the lines below it, as pdftotext sets a hanging note number apart.
pub fn key_alone(text: &str) -> Option<(&str, Style)> {
    let t = text.trim();
    let n = digits_at(t);
    if n == t.len() {
        return (1..=MAX_DIGITS).contains(&n).then_some((t, Style::Digits));
    }
    if t.bytes().all(|b| b == b'*') {
        return (t.len() <= 3).then_some((t, Style::Asterisk));
    }
    if t.len() == 1 && t.bytes().all(|b| b.is_ascii_lowercase()) {
        return Some((t, Style::Minipage));
    }
    let (key, style, len) = opening(t)
        .filter(|o| o.1 != Style::Glyph)
        .or_else(|| bracketed(t))
        .or_else(|| marker_at(t, 0).map(|(m, len)| (m.key, m.style, len)))?;
    (len == t.len()).then_some((key, style))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mk<'a>(key: &'a str, shown: &'a str, style: Style) -> Segment<'a> {
        Segment::Marker(Marker { key, shown, style })
    }

    #[test]
    fn only_may_open_characters_start_a_marker() {
        // Every BMP character, with each tail that completes some marker shape.
        for c in (0..=0xFFFF_u32).filter_map(char::from_u32) {
            for tail in ["1]", "1］", "1〕", "①", "1 ", ""] {
                let text = format!("word.{c}{tail}");
                if marker_at(&text, 5).is_some() {
                    assert!(may_open(c), "{c:?} opens a marker");
                }
            }
        }
    }

    /// The scan as first written: [`marker_at`] tried at every character [`may_open`] accepts.
    fn every_character_tried(text: &str) -> Vec<Segment<'_>> {
        let mut out = Vec::new();
        let (mut start, mut at) = (0, 0);
        while let Some(skip) = text[at..].find(may_open) {
            at += skip;
            if let Some((mk, len)) = marker_at(text, at) {
                if start < at {
                    out.push(Segment::Text(&text[start..at]));
                }
                out.push(Segment::Marker(mk));
                at += len;
                start = at;
            } else {
                at += text[at..].chars().next().map_or(1, char::len_utf8);
            }
        }
        if start < text.len() {
            out.push(Segment::Text(&text[start..]));
        }
        out
    }

    #[test]
    fn the_fast_scan_finds_what_trying_every_character_finds() {
        let pieces = [
            "", " ", "  ", "a", " a ", "word", "free.", "1", "12", "1999", "[1]", "[", "(4)", "^①",
            "①", "项目", "支持 ", "。", "”", "*", "**", "注2", "ヾ", "¹²", "†", "/dev/sda", "\t",
            "x", "，", "(", "［3］", "〔2〕", "¹", "D.", "${s:", "'", "~",
        ];
        let mut n = 0;
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let text = format!("{a}{b}{c}");
                    let fast: Vec<_> = segments(&text).collect();
                    assert_eq!(fast, every_character_tried(&text), "{text:?}");
                    n += 1;
                }
            }
        }
        assert_eq!(n, pieces.len().pow(3));
    }

    #[test]
    fn every_opening_character_has_an_opening_lead_byte() {
        for c in (0x80..=0x10FFFF_u32).filter_map(char::from_u32) {
            if may_open(c) {
                let mut buf = [0; 4];
                let lead = c.encode_utf8(&mut buf).as_bytes()[0];
                assert!(may_open_lead(lead), "{c:?} starts with {lead:#X}");
            }
        }
    }

    #[test]
    fn only_spaced_letters_and_may_open_bytes_start_a_marker() {
        // Every ASCII byte between every pair of neighbours a marker's rules look at.
        let around = [
            "",
            " ",
            "支持 ",
            "a",
            "。",
            "word.",
            "x ",
            "word",
            "项目",
            "“甲”",
            "free.”",
            "a1",
            "\t",
            "/dev/sda",
            "D.",
        ];
        let after = ["", " ", " 。", "]", "1]", "b", "，", "2", ".5", ")"];
        for b in 0..0x80_u8 {
            for head in around {
                for tail in after {
                    let text = format!("{head}{}{tail}", b as char);
                    if marker_at(&text, head.len()).is_some() {
                        assert!(
                            may_open_ascii(text.as_bytes(), head.len()),
                            "{text:?} opens a marker at {}",
                            head.len()
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn text_without_markers_is_borrowed() {
        use std::borrow::Cow;
        assert!(matches!(
            without_markers("plain text"),
            Cow::Borrowed("plain text")
        ));
        assert_eq!(without_markers("甲^①乙[2]丙"), "甲乙丙");
        assert_eq!(without_markers("^①"), "");
        assert_eq!(without_markers(""), "");
    }

    #[test]
    fn markers_are_split_out() {
        use Segment::Text as T;
        use Style::*;
        let cases: &[(&str, &[Segment<'_>])] = &[
            ("无注释", &[T("无注释")]),
            ("甲^①乙", &[T("甲"), mk("①", "①", Caret), T("乙")]),
            ("^②", &[mk("②", "②", Caret)]),
            ("织”^①。", &[T("织”"), mk("①", "①", Caret), T("。")]),
            ("a^b^③", &[T("a^b"), mk("③", "③", Caret)]),
            ("末尾^㉑", &[T("末尾"), mk("㉑", "㉑", Caret)]),
            ("河流①。", &[T("河流"), mk("①", "①", Circled), T("。")]),
            ("研究[1]。", &[T("研究"), mk("1", "[1]", Bracket), T("。")]),
            ("研究［12］", &[T("研究"), mk("12", "［12］", Bracket)]),
            ("[a]与[1234]", &[T("[a]与[1234]")]),
            (
                "書院〔3〕。",
                &[T("書院"), mk("3", "〔3〕", Tortoise), T("。")],
            ),
            ("如此註1。", &[T("如此"), mk("1", "註1", Zhu), T("。")]),
            ("见注2", &[T("见"), mk("2", "注2", Zhu)]),
            ("注意", &[T("注意")]),
            (
                "a river* ran",
                &[T("a river"), mk("*", "*", Asterisk), T(" ran")],
            ),
            ("5 * 3", &[T("5 * 3")]),
            (
                "free.1 Then",
                &[T("free."), mk("1", "1", Digits), T(" Then")],
            ),
            ("empty.”4", &[T("empty.”"), mk("4", "4", Digits)]),
            ("word12,", &[T("word"), mk("12", "12", Digits), T(",")]),
            ("in 1990.", &[T("in 1990.")]),
            ("version 2.0", &[T("version 2.0")]),
            ("H2O and A4", &[T("H2O and A4")]),
            ("p.1234", &[T("p.1234")]),
            ("2001年", &[T("2001年")]),
            ("项目1 ，对", &[T("项目"), mk("1", "1", Digits), T(" ，对")]),
            ("“甲”2。", &[T("“甲”"), mk("2", "2", Digits), T("。")]),
            ("于1898年", &[T("于1898年")]),
            ("约1.5倍", &[T("约1.5倍")]),
            ("a2 + b2 = c2", &[T("a2 + b2 = c2")]),
            ("如“/dev/sda1”、", &[T("如“/dev/sda1”、")]),
            ("/usr/fonts/type1 and", &[T("/usr/fonts/type1 and")]),
            ("{/my/dir1,/dir2}", &[T("{/my/dir1,/dir2}")]),
            (
                "\\FloatBlock2 and",
                &[T("\\FloatBlock"), mk("2", "2", Digits), T(" and")],
            ),
            ("${string:7 x", &[T("${string:7 x")]),
            ("402 D.1 Traditional", &[T("402 D.1 Traditional")]),
            ("use ‘*) echo", &[T("use ‘*) echo")]),
            ("/* SEXP s */", &[T("/* SEXP s */")]),
            ("~*) cur", &[T("~*) cur")]),
            ("debi name*.changes", &[T("debi name*.changes")]),
            ("used.\\label{fn1} and", &[T("used.\\label{fn1} and")]),
            (
                "see {word1} here",
                &[T("see {word"), mk("1", "1", Digits), T("} here")],
            ),
            (
                "the book.2 And",
                &[T("the book."), mk("2", "2", Digits), T(" And")],
            ),
            (
                "word¹² and",
                &[T("word"), mk("¹²", "¹²", Superscript), T(" and")],
            ),
            ("装饰(4) 。", &[T("装饰"), mk("4", "(4)", Paren), T(" 。")]),
            ("(1) 列表", &[T("(1) 列表")]),
            (
                "信息站 (1) 上",
                &[T("信息站 "), mk("1", "(1)", Paren), T(" 上")],
            ),
            ("14.  (2)  By attempting", &[T("14.  (2)  By attempting")]),
            ("victory:  (1) He", &[T("victory:  (1) He")]),
            (
                "see [A] here",
                &[T("see "), mk("A", "[A]", Letter), T(" here")],
            ),
            ("[1] 开头", &[T("[1] 开头")]),
            ("Browse[1]> n", &[T("Browse[1]> n")]),
            ("x[2]=y[3][4]", &[T("x[2]=y[3][4]")]),
            ("5 如果本地", &[mk("5", "5", Wrapped), T(" 如果本地")]),
            ("  12 如果", &[T("  "), mk("12", "12", Wrapped), T(" 如果")]),
            ("12 月份", &[T("12 月份")]),
            ("3 个文件", &[T("3 个文件")]),
            ("5 apples", &[T("5 apples")]),
            ("1  两个空格", &[T("1  两个空格")]),
            (
                "去了ヾ，仿佛",
                &[T("去了"), mk("ヾ", "ヾ", Glyph), T("，仿佛")],
            ),
            ("カタカナ", &[T("カタカナ")]),
            (
                "一九二○年七月。ぉ",
                &[T("一九二○年七月。"), mk("ぉ", "ぉ", Glyph)],
            ),
            ("月。ぐ指割股", &[T("月。ぐ指割股")]),
            (
                "    ぉ，終于說到",
                &[T("    "), mk("ぉ", "ぉ", Glyph), T("，終于說到")],
            ),
            ("ぉ終于", &[T("ぉ終于")]),
            (
                "的支持 a 。",
                &[T("的支持 "), mk("a", "a", Minipage), T(" 。")],
            ),
            ("设 a 为常数", &[T("设 a 为常数")]),
            ("a cat", &[T("a cat")]),
            (
                "a river† ran",
                &[T("a river"), mk("†", "†", Asterisk), T(" ran")],
            ),
        ];
        for (input, want) in cases {
            assert_eq!(&segments(input).collect::<Vec<_>>(), want, "{input:?}");
        }
    }

    #[test]
    fn keys_alone_on_their_line() {
        use Style::*;
        let cases: &[(&str, Option<(&str, Style)>)] = &[
            ("13", Some(("13", Digits))),
            ("  (4)", Some(("4", Paren))),
            ("[2]", Some(("2", Bracket))),
            ("①", Some(("①", Circled))),
            ("*", Some(("*", Asterisk))),
            ("¹", Some(("¹", Superscript))),
            ("   a", Some(("a", Minipage))),
            ("ab", None),
            ("1999", None),
            ("2.1", None),
            ("ヾ", None),
            ("13 text", None),
        ];
        for (input, want) in cases {
            assert_eq!(&key_alone(input), want, "{input:?}");
        }
        assert_eq!(normal_key("¹²"), "12");
        assert_eq!(normal_key("①"), "①");
    }

    #[test]
    fn bodies_answer_markers_of_their_shape() {
        use Style::*;
        let cases = [
            (Caret, Caret, true),
            (Caret, Circled, false),
            (Circled, Caret, true),
            (Circled, Circled, true),
            (Bracket, Bracket, true),
            (Bracket, Digits, false),
            (Digits, Digits, true),
            (Zhu, Zhu, true),
            (Tortoise, Bracket, false),
            (Digits, Superscript, true),
            (Superscript, Digits, true),
            (Paren, Digits, false),
        ];
        for (body, marker, want) in cases {
            assert_eq!(answers(body, marker), want, "{body:?} {marker:?}");
        }
    }

    #[test]
    fn note_bodies() {
        use Style::*;
        let cases: &[(&str, Option<Body<'_>>)] = &[
            (
                "^① 某书，2001年版。",
                Some(("①", Caret, "某书，2001年版。")),
            ),
            ("^⑫参见某文。", Some(("⑫", Caret, "参见某文。"))),
            ("① 没有脱字符", Some(("①", Circled, "没有脱字符"))),
            ("[1] 参见某书。", Some(("1", Bracket, "参见某书。"))),
            ("〔2〕見某書。", Some(("2", Tortoise, "見某書。"))),
            ("註1：見某書。", Some(("1", Zhu, "見某書。"))),
            ("注12 见某书。", Some(("12", Zhu, "见某书。"))),
            ("* A note.", Some(("*", Asterisk, "A note."))),
            ("*nix 用户需要权限。", None),
            ("*.txt files", None),
            ("1. See the book.", Some(("1", Digits, "See the book."))),
            ("4 Ibid., 12.", Some(("4", Digits, "Ibid., 12."))),
            ("2.1 染坊", None),
            ("2001年版。", None),
            ("1999 was dry.", None),
            ("正文^①。", None),
            ("注意事项", None),
            ("[1]", None),
            ("(4) 链接", Some(("4", Paren, "链接"))),
            ("¹ See the map.", Some(("¹", Superscript, "See the map."))),
            ("ヾN指南京", Some(("ヾ", Glyph, "N指南京"))),
            ("ぉ，終于說到", None),
            ("[A] A note.", Some(("A", Letter, "A note."))),
            ("† Later.", Some(("†", Asterisk, "Later."))),
        ];
        for (input, want) in cases {
            assert_eq!(&body(input), want, "{input:?}");
        }
    }
}
