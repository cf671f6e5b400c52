//! Markdown inline tokens → model inlines, with pandoc's bracketed spans: `[]{.pagebreak
//! page="17"}` is a page mark, `[]{.br}` a print line break, `[第一章]{.label}` a heading's
//! label and `[]{.note mark="①"}` a note's printed mark (both taken out by the caller); any
//! other span is its content.

use crate::model::{Inline, NoteId, PageMark};
use crate::reader::front_matter::spacing::is_cjk;

use super::attrs::{self, Attrs};
use super::tree::Tok;

/// A span taken out of the text for the caller: its attributes and plain content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Taken {
    /// The span's attributes.
    pub attrs: Attrs,
    /// Its content as text.
    pub text: String,
    /// Whether it came before any other content of the run.
    pub leading: bool,
}

/// Converts tokens; `note` resolves `[^label]` to a note id. Spans with the classes in `take`
/// are removed and returned.
pub fn convert(
    toks: &[Tok],
    note: &mut dyn FnMut(&str) -> Option<NoteId>,
    take: &[&str],
) -> (Vec<Inline>, Vec<Taken>) {
    let mut pieces = Vec::new();
    flatten(toks, note, &mut pieces);
    let mut out = Out::default();
    let mut taken = Vec::new();
    let mut i = 0;
    while i < pieces.len() {
        if let Some((span_end, attrs, text)) = span_at(&pieces, i) {
            i = span_end;
            if let Some(class) = take.iter().find(|c| attrs.has(c)) {
                let _ = class;
                taken.push(Taken {
                    attrs,
                    text,
                    leading: out.inlines.is_empty() && out.text.is_empty(),
                });
            } else if attrs.has("pagebreak") {
                out.push(Inline::PageBreak(PageMark {
                    number: attrs.get("page").unwrap_or_default().to_string(),
                    printed: !attrs.has("counted"),
                }));
                if !text.is_empty() {
                    out.text.push_str(&text);
                }
            } else if attrs.has("br") {
                out.push(Inline::LineBreak);
            } else {
                out.text.push_str(&text);
            }
            continue;
        }
        match &pieces[i] {
            Piece::Ch(c, _) => out.text.push(*c),
            Piece::Soft => {
                let before = out.text.chars().next_back();
                let after = pieces[i + 1..].iter().find_map(|p| match p {
                    Piece::Ch(c, _) => Some(*c),
                    _ => None,
                });
                // A line end inside CJK text is no space; between words it is one.
                let cjk = before.is_some_and(is_cjk) || after.is_some_and(is_cjk);
                if !cjk && before.is_some() {
                    out.text.push(' ');
                }
            }
            Piece::Inline(inline) => out.push(inline.clone()),
        }
        i += 1;
    }
    out.flush();
    (out.inlines, taken)
}

#[derive(Default)]
struct Out {
    inlines: Vec<Inline>,
    text: String,
}

impl Out {
    fn flush(&mut self) {
        if !self.text.is_empty() {
            self.inlines
                .push(Inline::Text(std::mem::take(&mut self.text)));
        }
    }

    fn push(&mut self, i: Inline) {
        self.flush();
        self.inlines.push(i);
    }
}

/// A character (literal: written as is in the source) or a finished inline.
#[derive(Debug, Clone)]
enum Piece {
    Ch(char, bool),
    Soft,
    Inline(Inline),
}

fn flatten(toks: &[Tok], note: &mut dyn FnMut(&str) -> Option<NoteId>, out: &mut Vec<Piece>) {
    for t in toks {
        match t {
            Tok::Text { text, literal } => out.extend(text.chars().map(|c| Piece::Ch(c, *literal))),
            Tok::Verbatim(s) => out.extend(s.chars().map(|c| Piece::Ch(c, false))),
            Tok::SoftBreak => out.push(Piece::Soft),
            Tok::HardBreak => out.push(Piece::Inline(Inline::LineBreak)),
            Tok::NoteRef(label) => match note(label) {
                Some(id) => out.push(Piece::Inline(Inline::NoteRef(id))),
                None => out.extend(format!("[^{label}]").chars().map(|c| Piece::Ch(c, false))),
            },
            Tok::Emphasis(inner) => {
                let (content, _) = convert(inner, note, &[]);
                out.push(Piece::Inline(Inline::Emphasis(content)));
            }
            Tok::Strong(inner) => {
                let (content, _) = convert(inner, note, &[]);
                out.push(Piece::Inline(Inline::Strong(content)));
            }
            Tok::Group(inner) => flatten(inner, note, out),
        }
    }
}

/// A bracketed span `[text]{attrs}` starting at `i`: where it ends, its attributes and text.
fn span_at(p: &[Piece], i: usize) -> Option<(usize, Attrs, String)> {
    let lit = |k: usize, want: char| matches!(p.get(k), Some(Piece::Ch(c, true)) if *c == want);
    if !lit(i, '[') {
        return None;
    }
    let mut text = String::new();
    let mut k = i + 1;
    loop {
        match p.get(k)? {
            Piece::Ch(']', true) => break,
            Piece::Ch('[', true) => return None,
            Piece::Ch(c, _) => text.push(*c),
            _ => return None,
        }
        k += 1;
    }
    if !lit(k + 1, '{') {
        return None;
    }
    let mut inner = String::new();
    let mut j = k + 2;
    loop {
        match p.get(j)? {
            Piece::Ch('}', true) => break,
            Piece::Ch(c, _) => inner.push(*c),
            _ => return None,
        }
        j += 1;
    }
    let attrs = attrs::parse(&inner)?;
    Some((j + 1, attrs, text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lit(s: &str) -> Tok {
        Tok::Text {
            text: s.into(),
            literal: true,
        }
    }

    fn esc(s: &str) -> Tok {
        Tok::Text {
            text: s.into(),
            literal: false,
        }
    }

    fn run(toks: &[Tok]) -> (Vec<Inline>, Vec<Taken>) {
        convert(
            toks,
            &mut |l| l.parse().ok().map(|n: usize| NoteId::new(n - 1)),
            &["label", "note"],
        )
    }

    fn t(s: &str) -> Inline {
        Inline::Text(s.into())
    }

    #[test]
    fn spans_and_escapes() {
        let page = |n: &str, printed| {
            Inline::PageBreak(PageMark {
                number: n.into(),
                printed,
            })
        };
        let cases: Vec<(Vec<Tok>, Vec<Inline>)> = vec![
            (vec![lit("正文")], vec![t("正文")]),
            (
                vec![lit("甲[]{.pagebreak page=\"17\"}乙")],
                vec![t("甲"), page("17", true), t("乙")],
            ),
            (
                vec![lit("[]{.pagebreak .counted page=\"3\"}")],
                vec![page("3", false)],
            ),
            (
                vec![lit("甲[]{.br}乙")],
                vec![t("甲"), Inline::LineBreak, t("乙")],
            ),
            // Escaped brackets are text.
            (vec![esc("["), lit("]{.br}")], vec![t("[]{.br}")]),
            (vec![lit("[x]{.smallcaps}")], vec![t("x")]),
            (vec![lit("[x] {.a}")], vec![t("[x] {.a}")]),
            (
                vec![lit("注"), Tok::NoteRef("2".into()), lit("。")],
                vec![t("注"), Inline::NoteRef(NoteId::new(1)), t("。")],
            ),
            (vec![Tok::NoteRef("x".into())], vec![t("[^x]")]),
            (
                vec![lit("中文"), Tok::SoftBreak, lit("接着")],
                vec![t("中文接着")],
            ),
            (
                vec![lit("two"), Tok::SoftBreak, lit("words")],
                vec![t("two words")],
            ),
            (
                vec![lit("a"), Tok::Emphasis(vec![lit("b")]), lit("c")],
                vec![t("a"), Inline::Emphasis(vec![t("b")]), t("c")],
            ),
            (
                vec![Tok::Strong(vec![lit("b")])],
                vec![Inline::Strong(vec![t("b")])],
            ),
        ];
        for (toks, want) in cases {
            assert_eq!(run(&toks).0, want, "{toks:?}");
        }
    }

    #[test]
    fn labels_and_marks_are_taken_out() {
        let (inl, taken) = run(&[lit("[第一章]{.label} 引言")]);
        assert_eq!(inl, vec![t(" 引言")]);
        assert_eq!(taken.len(), 1);
        assert_eq!(taken[0].text, "第一章");
        assert!(taken[0].leading);
        let (inl, taken) = run(&[lit("[]{.note .endnote mark=\"①\"} 注文")]);
        assert_eq!(inl, vec![t(" 注文")]);
        assert_eq!(taken[0].attrs.get("mark"), Some("①"));
        assert!(taken[0].attrs.has("endnote"));
    }
}
