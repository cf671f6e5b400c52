//! The rule of each marker shape, picked by the character a marker opens with: carets, circled
//! numbers, brackets, parentheses, superscript digits, kana glyphs, `注1`, stars and daggers,
//! minipage letters and digits glued to a word or set at a line's start by the wrap.

use super::{
    CJK_CLOSING, CJK_PUNCT, CLOSING, MAX_DIGITS, Marker, Style, digits_at, is_circled,
    is_glyph_key, is_ideograph, superscript_digit,
};

/// A marker starting at byte `at` of `text`: (marker, byte length). Each shape opens with its
/// own characters, so the first character alone picks the one rule that may apply.
pub(super) fn marker_at(text: &str, at: usize) -> Option<(Marker<'_>, usize)> {
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
pub(super) fn bracketed(rest: &str) -> Option<(&str, Style, usize)> {
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
    if is_ideograph(c) || (punct == 0 && (CJK_CLOSING.contains(&c) || CJK_PUNCT.contains(&c))) {
        // Chinese: glued to a character, a closing quote or the punctuation ending a clause
        // (`项目1 ，`, `“甲”2`, `默认值。3 使用`)
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
        .find(|&(_, c)| {
            // a `matches!`, not a search of a string of the marks for each character
            c.is_whitespace()
                || is_ideograph(c)
                || matches!(c, '“' | '‘' | '"' | '\'' | '(' | '[' | '{' | '（' | '「')
        })
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
