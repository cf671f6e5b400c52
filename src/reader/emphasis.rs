//! Typists' emphasis (强调): `_italic_` and `=bold=` in plain-text files (Project Gutenberg's
//! convention) become [`Inline::Emphasis`] and [`Inline::Strong`]. A delimiter opens at the
//! start of a word and closes at the end of one, so `snake_case`, `a = b`, `__init__` and
//! `x=1` stay text; an opener with no closer in the same text run stays text too.

use crate::model::{Block, Book, Division, Inline};
use crate::reader::script::is_han;

/// The delimiters and what they make.
const DELIMITERS: &[(char, Style)] = &[('_', Style::Emphasis), ('=', Style::Strong)];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Emphasis,
    Strong,
}

/// What may stand before an opener: nothing, a space or an opening mark (`("'“‘—-/`).
fn opens_after(c: Option<char>) -> bool {
    c.is_none_or(|c| c.is_whitespace() || "([{\"'“‘—–-/".contains(c))
}

/// What may follow an opener or precede a closer: a letter, a digit or a quotation mark — not
/// a Han character: the convention is Latin typists' (`_斜体_` in Chinese text stays as typed).
fn inner_edge(c: Option<char>) -> bool {
    c.is_some_and(|c| (c.is_alphanumeric() && !is_han(c)) || "\"'“”‘’".contains(c))
}

/// What may follow a closer: nothing, a space or punctuation.
fn closes_before(c: Option<char>) -> bool {
    c.is_none_or(|c| c.is_whitespace() || ".,;:!?\"'”’)]}—–-…/".contains(c))
}

/// Splits one text run at `d`-delimited spans: (text, emphasised?) pieces, in order.
fn spans(text: &str, d: char) -> Vec<(String, bool)> {
    let chars: Vec<char> = text.chars().collect();
    let at = |i: usize| chars.get(i).copied();
    let before = |i: usize| i.checked_sub(1).and_then(at);
    let opens = |i: usize| chars[i] == d && opens_after(before(i)) && inner_edge(at(i + 1));
    let closes = |i: usize| {
        chars[i] == d
            && (inner_edge(before(i)) || before(i).is_some_and(|c| ".,;:!?)]…".contains(c)))
            && closes_before(at(i + 1))
    };
    // Closers in order; openers only move forward, so one cursor finds each next closer
    // (linear in the run, however many openers lack a closer).
    let closers: Vec<usize> = (0..chars.len()).filter(|&j| closes(j)).collect();
    let mut next = 0;
    let mut out = Vec::new();
    let mut plain = String::new();
    let mut i = 0;
    while i < chars.len() {
        if opens(i) {
            while next < closers.len() && closers[next] <= i {
                next += 1;
            }
            if let Some(&j) = closers.get(next) {
                let inner: String = chars[i + 1..j].iter().collect();
                if inner.chars().any(char::is_alphanumeric) {
                    if !plain.is_empty() {
                        out.push((std::mem::take(&mut plain), false));
                    }
                    out.push((inner, true));
                    i = j + 1;
                    continue;
                }
            }
        }
        plain.push(chars[i]);
        i += 1;
    }
    if !plain.is_empty() {
        out.push((plain, false));
    }
    out
}

/// Rewrites an inline run, turning delimited spans into emphasis; returns how many.
pub fn inlines(content: &mut Vec<Inline>) -> usize {
    let mut count = 0;
    for (d, style) in DELIMITERS {
        let mut out = Vec::with_capacity(content.len());
        for i in std::mem::take(content) {
            match i {
                Inline::Text(t) if t.contains(*d) => {
                    for (piece, marked) in spans(&t, *d) {
                        if marked {
                            count += 1;
                            let inner = vec![Inline::Text(piece)];
                            out.push(match style {
                                Style::Emphasis => Inline::Emphasis(inner),
                                Style::Strong => Inline::Strong(inner),
                            });
                        } else {
                            out.push(Inline::Text(piece));
                        }
                    }
                }
                Inline::Emphasis(mut inner) => {
                    count += inlines(&mut inner);
                    out.push(Inline::Emphasis(inner));
                }
                Inline::Strong(mut inner) => {
                    count += inlines(&mut inner);
                    out.push(Inline::Strong(inner));
                }
                other => out.push(other),
            }
        }
        *content = out;
    }
    count
}

fn blocks(bs: &mut [Block], first: &mut Option<usize>) -> usize {
    let mut count = 0;
    for b in bs {
        let (content, line) = match b {
            Block::Para(p)
            | Block::Signature(p)
            | Block::Dateline(p)
            | Block::Salutation(p)
            | Block::EndMark(p)
            | Block::Notice(p)
            | Block::LineBlock(p)
            | Block::Figure(p) => (&mut p.content, p.line),
            Block::Display(l) => (&mut l.content, l.line),
            Block::Quote(inner) => {
                count += blocks(inner, first);
                continue;
            }
            Block::List(list) => {
                for item in &mut list.items {
                    count += blocks(item, first);
                }
                continue;
            }
            Block::Cip(_)
            | Block::Colophon(_)
            | Block::Contents(_)
            | Block::SceneBreak(_)
            | Block::Preformatted(_) => continue,
        };
        let n = inlines(content);
        if n > 0 && first.is_none() {
            *first = Some(line);
        }
        count += n;
    }
    count
}

fn division(d: &mut Division, first: &mut Option<usize>) -> usize {
    let mut count = inlines(&mut d.title);
    if count > 0 && first.is_none() {
        *first = Some(d.line);
    }
    count += blocks(&mut d.blocks, first);
    for c in &mut d.children {
        count += division(c, first);
    }
    count
}

/// Marks emphasis everywhere in the book (titles, blocks, notes): (count, first 1-based line).
pub fn mark(book: &mut Book) -> (usize, usize) {
    let mut first = None;
    let mut count = 0;
    for d in book
        .front
        .iter_mut()
        .chain(book.body.iter_mut())
        .chain(book.back.iter_mut())
    {
        count += division(d, &mut first);
    }
    for n in &mut book.notes {
        let c = inlines(&mut n.content);
        if c > 0 && first.is_none() {
            first = Some(n.line);
        }
        count += c;
    }
    (count, first.unwrap_or(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(text: &str) -> String {
        let mut c = vec![Inline::Text(text.to_string())];
        inlines(&mut c);
        c.iter()
            .map(|i| match i {
                Inline::Text(t) => t.clone(),
                Inline::Emphasis(x) => format!("<em>{}</em>", crate::model::plain_text(x)),
                Inline::Strong(x) => format!("<b>{}</b>", crate::model::plain_text(x)),
                _ => "?".into(),
            })
            .collect()
    }

    #[test]
    fn delimiters_table() {
        let table: &[(&str, &str)] = &[
            ("by its _sound_, and", "by its <em>sound</em>, and"),
            ("_Two words_ here", "<em>Two words</em> here"),
            ("(_aside_)", "(<em>aside</em>)"),
            (
                "told, =more than once=, that",
                "told, <b>more than once</b>, that",
            ),
            ("_You_ and _I_.", "<em>You</em> and <em>I</em>."),
            ("\"_Mine_!\"", "\"<em>Mine</em>!\""),
            ("snake_case_name stays", "snake_case_name stays"),
            ("__init__ stays", "__init__ stays"),
            ("a = b and c=d stay", "a = b and c=d stay"),
            ("an _unclosed opener", "an _unclosed opener"),
            ("_ spaced _ stays", "_ spaced _ stays"),
            ("=== rule", "=== rule"),
            ("长文#*_<&长文#*_<&", "长文#*_<&长文#*_<&"),
            ("x _<b>_ y", "x _<b>_ y"),
            ("price _1s._ paid", "price <em>1s.</em> paid"),
            ("标记 _斜体_ 与 =粗体= 照录", "标记 _斜体_ 与 =粗体= 照录"),
        ];
        for (input, want) in table {
            assert_eq!(show(input), *want, "{input:?}");
        }
    }

    #[test]
    fn notes_and_page_marks_are_kept_around_emphasis() {
        let mut c = vec![
            Inline::Text("a _b_ ".into()),
            Inline::NoteRef(crate::model::NoteId::new(0)),
            Inline::Text(" =c=".into()),
        ];
        assert_eq!(inlines(&mut c), 2);
        assert_eq!(
            c,
            vec![
                Inline::Text("a ".into()),
                Inline::Emphasis(vec![Inline::Text("b".into())]),
                Inline::Text(" ".into()),
                Inline::NoteRef(crate::model::NoteId::new(0)),
                Inline::Text(" ".into()),
                Inline::Strong(vec![Inline::Text("c".into())]),
            ]
        );
    }
}
