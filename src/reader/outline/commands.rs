//! Command entries of a reference manual (命令条目): a macro package's manual documents each
//! command as its signature alone on a line — the name and its arguments, each argument a
//! placeholder (`\cite[⟨prenote⟩][⟨postnote⟩]{⟨key⟩}`; pdftotext reads the angle brackets of
//! TeX's math fonts as `h` and `i`: `{hkeyi}`) — then its description. The printed contents
//! does not list them, yet they are the book's deepest headings (its PDF bookmarks). No
//! numbering sequence holds them; the evidence is the entry's own, gathered here and weighed by
//! [`super::weigh_entry`]:
//! - **shape**: the line at the margin is a command's signature and nothing else
//!   ([`signature`]); program text sets its commands with real arguments (`{family}`), a
//!   signature with placeholders;
//! - **isolation**: a blank line, a page start, a heading, a finished sentence or another
//!   entry comes before it;
//! - **description**: a sentence starts on the next content line (or the entry is one of a
//!   group of signatures described together, which ends in a description or the section's
//!   end);
//! - **consistency**: the enclosing numbered section holds at least [`MIN_ENTRIES`] such
//!   entries with placeholder arguments — the section is a reference list, and only there may
//!   an entry without arguments (`\mainlang`) head its description too.
//!
//! An entry is placed one level under the numbered heading it follows, titled by its name.

use crate::reader::Line;
use crate::reader::kind::Kind;
use crate::reader::text::ends_sentence;

/// Fewest entries with placeholder arguments that make a section a reference list.
pub const MIN_ENTRIES: usize = 3;

/// A command entry's candidate line with its evidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Index of the line.
    pub index: usize,
    /// The command's name (`\cite`).
    pub name: String,
    /// How many arguments its signature prints (each a placeholder).
    pub args: usize,
    /// Evidence: a blank line, page start, heading, finished sentence or entry comes before it.
    pub isolated: bool,
    /// Evidence: a description follows (directly, or after the group of signatures it opens).
    pub described: bool,
    /// The next content line is another signature: a group described together.
    pub grouped: bool,
    /// The level of the numbered heading it falls under, if any.
    pub under: Option<u8>,
    /// Evidence: how many isolated, described entries with arguments that section holds.
    pub in_section: usize,
}

/// Whether an argument's text is a placeholder: `⟨key⟩`, or pdftotext's `hkeyi` for it (a
/// list `hkey, …i` or `hkey=value, …i` too).
fn placeholder(arg: &str) -> bool {
    let a = arg.trim();
    if a.contains('⟨') && a.contains('⟩') {
        return true;
    }
    let inner = a.strip_prefix('h').and_then(|r| r.strip_suffix('i'));
    inner.is_some_and(|s| s.chars().next().is_some_and(char::is_alphabetic) && !s.contains('\\'))
}

/// A command's signature alone on its line: its name and the number of its arguments, each a
/// placeholder in `[…]`, `{…}`, `(…)` or `<…>` (a `*` may follow the name or an argument).
/// The line must start at the margin: an indented one is a display (program text).
pub fn signature(text: &str) -> Option<(&str, usize)> {
    let t = text.trim_end();
    let rest = t.strip_prefix('\\')?;
    let name_len = rest
        .find(|c: char| !(c.is_ascii_alphabetic() || c == '@'))
        .unwrap_or(rest.len());
    if name_len == 0 {
        return None;
    }
    let name = &t[..=name_len];
    let mut rest = rest[name_len..]
        .strip_prefix('*')
        .unwrap_or(&rest[name_len..]);
    let mut args = 0;
    while let Some(open) = rest.chars().next() {
        let close = match open {
            '[' => ']',
            '{' => '}',
            '(' => ')',
            '<' => '>',
            _ => return None,
        };
        let end = rest.find(close)?;
        let arg = &rest[1..end];
        if arg.contains(['[', '{', '(', '<']) || !placeholder(arg) {
            return None;
        }
        args += 1;
        rest = &rest[end + close.len_utf8()..];
        rest = rest.strip_prefix('*').unwrap_or(rest);
    }
    Some((name, args))
}

/// Whether a line starts a sentence of description: an upper-case letter, then a word.
fn starts_description(text: &str) -> bool {
    let t = text.trim_start();
    let word: String = t.chars().take_while(|c| c.is_alphabetic()).collect();
    word.chars().next().is_some_and(char::is_uppercase)
        && t[word.len()..]
            .chars()
            .next()
            .is_none_or(|c| c.is_whitespace() || matches!(c, ',' | ':' | '.'))
}

/// The level of a numbered heading or chapter line, if it is one.
fn heading_level(kind: &Kind) -> Option<u8> {
    match kind {
        Kind::Heading { level, .. } => Some(*level),
        Kind::Chapter { .. } | Kind::ChapterLabel { .. } | Kind::Matter { .. } => Some(1),
        Kind::Part { .. } | Kind::PartLabel { .. } => Some(0),
        _ => None,
    }
}

/// Finds the command entries' candidates and their evidence (all of them, for the verdicts).
pub fn find(lines: &[Line<'_>], kinds: &[Kind], form_feed: &[bool]) -> Vec<Entry> {
    let blank = |i: usize| matches!(kinds[i], Kind::Blank | Kind::Furniture);
    let sig = |i: usize| {
        (kinds[i] == Kind::Text && !lines[i].text.starts_with(char::is_whitespace))
            .then(|| signature(lines[i].text))
            .flatten()
    };
    let mut out: Vec<Entry> = Vec::new();
    let mut under: Option<u8> = None;
    let mut section_start = 0;
    let mut prev: Option<usize> = None;
    let mut gap = false;
    for i in 0..kinds.len() {
        let feed = form_feed.get(i).copied().unwrap_or(false);
        if let Some(level) = heading_level(&kinds[i]) {
            close_section(&mut out[section_start..]);
            section_start = out.len();
            under = Some(level);
            prev = Some(i);
            gap = false;
            continue;
        }
        if blank(i) {
            gap = true;
            continue;
        }
        if let Some((name, args)) = sig(i) {
            let isolated = gap
                || feed
                || prev.is_none_or(|p| {
                    heading_level(&kinds[p]).is_some()
                        || ends_sentence(lines[p].text)
                        || out.last().is_some_and(|e| e.index == p)
                });
            // described: the next content line starts a sentence, is another signature (a
            // group described together, settled below) or a heading (the section's end)
            let next = (i + 1..kinds.len()).find(|&j| !blank(j));
            let described = next.is_none_or(|j| {
                heading_level(&kinds[j]).is_some() || starts_description(lines[j].text)
            });
            let grouped = next.is_some_and(|j| sig(j).is_some());
            out.push(Entry {
                index: i,
                name: name.to_string(),
                args,
                isolated,
                described,
                grouped,
                under,
                in_section: 0,
            });
        }
        prev = Some(i);
        gap = false;
    }
    close_section(&mut out[section_start..]);
    out
}

/// Settles a section's entries: a group of signatures shares the description of its last,
/// and each entry learns how many isolated, described entries with arguments its section holds.
fn close_section(entries: &mut [Entry]) {
    for k in (0..entries.len().saturating_sub(1)).rev() {
        if entries[k].grouped {
            entries[k].described = entries[k + 1].described;
        }
    }
    let count = entries
        .iter()
        .filter(|e| e.isolated && e.described && e.args > 0)
        .count();
    for e in entries.iter_mut() {
        e.in_section = count;
    }
}

/// Marks an accepted entry as a heading at `level`, titled by the command's name as its
/// bookmark is: the arguments open the entry's text (a run-in heading), so none is lost.
pub fn mark(lines: &[Line<'_>], kinds: &mut [Kind], e: &Entry, level: u8) {
    let text = lines[e.index].text.trim();
    let at = text.find(['[', '{', '(', '<']).unwrap_or(text.len());
    kinds[e.index] = if at < text.len() {
        Kind::RunIn { level, at }
    } else {
        Kind::Heading {
            level,
            label: String::new(),
            title: text.to_string(),
        }
    };
}

#[cfg(test)]
#[path = "commands_tests.rs"]
mod tests;
