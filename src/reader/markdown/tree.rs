//! CommonMark events (pulldown-cmark) → a small block tree, with fenced divs folded in.
//!
//! pulldown-cmark knows no fenced divs or bracketed spans, so their syntax reaches this pass as
//! text: a fence is a paragraph line `::: class`, a span is `[…]{…}` in text. Each text piece
//! records whether it came from the source as written (`literal`) or from an escape or entity
//! (`\[`, `&#32;`), so that escaped brackets and colons are never read as syntax.

use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::attrs::{self, Attrs, Fence};

/// An inline token.
#[derive(Debug, Clone, PartialEq)]
pub enum Tok {
    /// Text; `literal` when it is in the source as written (so it may be span syntax).
    Text {
        /// The text.
        text: String,
        /// Written as is (not from an escape or an entity).
        literal: bool,
    },
    /// A line end inside a paragraph.
    SoftBreak,
    /// A hard line break (`\` or two spaces at the line's end).
    HardBreak,
    /// `[^label]`.
    NoteRef(String),
    /// `*…*`.
    Emphasis(Vec<Tok>),
    /// `**…**`.
    Strong(Vec<Tok>),
    /// `~~…~~`, a link's text, an image's description: their content.
    Group(Vec<Tok>),
    /// `` `code` `` or raw inline HTML: kept as text.
    Verbatim(String),
}

/// A block, with its 1-based line.
#[derive(Debug, Clone, PartialEq)]
pub enum MdBlock {
    /// `# …`, with pulldown-cmark's heading attributes.
    Heading {
        /// 1–6.
        level: usize,
        /// `{#id}`.
        id: Option<String>,
        /// `{.class}`es.
        classes: Vec<String>,
        /// `{key=value}`s.
        pairs: Vec<(String, String)>,
        /// The heading text.
        content: Vec<Tok>,
        /// Line.
        line: usize,
    },
    /// A paragraph.
    Para(Vec<Tok>, usize),
    /// `>`.
    Quote(Vec<MdBlock>, usize),
    /// A list: its start number when ordered, and its items.
    List(Option<u64>, Vec<Vec<MdBlock>>, usize),
    /// A fenced or indented code block, or an HTML block: its text.
    Code(String, usize),
    /// A pipe table: rows of cells, the header row first.
    Table(Vec<Vec<Vec<Tok>>>, usize),
    /// `---` between paragraphs.
    Rule(usize),
    /// `[^label]: …`.
    FootnoteDef(String, Vec<MdBlock>, usize),
    /// The YAML metadata block: its text and the line of its first key.
    Metadata(String, usize),
    /// A fenced div (after [`fold_divs`]).
    Div(Attrs, Vec<MdBlock>, usize),
    /// A fence line standing alone before [`fold_divs`] pairs it.
    Fence(Fence, usize),
}

/// The pulldown-cmark extensions the format uses.
pub fn options() -> Options {
    Options::ENABLE_FOOTNOTES
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
}

/// An open container while events stream in.
enum Frame {
    Blocks(Vec<MdBlock>),
    Inlines(Vec<Tok>),
    Rows(Vec<Vec<Vec<Tok>>>),
    Cells(Vec<Vec<Tok>>),
    Items(Vec<Vec<MdBlock>>),
    Text(String),
}

/// Parses `text` into blocks; `line_of` maps a byte offset to its 1-based line.
pub fn parse(text: &str, line_of: &dyn Fn(usize) -> usize) -> Vec<MdBlock> {
    let mut stack: Vec<Frame> = vec![Frame::Blocks(Vec::new())];
    let mut prev_end = 0usize;
    let bytes = text.as_bytes();
    for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
        let line = line_of(range.start);
        let is_start = matches!(event, Event::Start(_));
        match event {
            Event::Start(tag) => stack.push(match tag {
                Tag::Table(_) => Frame::Rows(Vec::new()),
                Tag::TableHead | Tag::TableRow => Frame::Cells(Vec::new()),
                Tag::List(_) => Frame::Items(Vec::new()),
                Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::MetadataBlock(_) => {
                    Frame::Text(String::new())
                }
                Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::TableCell
                | Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Link { .. }
                | Tag::Image { .. }
                | Tag::Superscript
                | Tag::Subscript => Frame::Inlines(Vec::new()),
                _ => Frame::Blocks(Vec::new()),
            }),
            Event::End(end) => {
                let frame = stack.pop().expect("balanced events");
                let done = finish(end, frame, text, &range, line);
                push(&mut stack, done);
            }
            Event::Text(t) => {
                if let Some(Frame::Text(s)) = stack.last_mut() {
                    s.push_str(&t);
                } else {
                    for tok in text_tokens(&t, &range, bytes, prev_end, text) {
                        push(&mut stack, Done::Tok(tok));
                    }
                }
            }
            Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                push(&mut stack, Done::Tok(Tok::Verbatim(t.to_string())))
            }
            Event::InlineHtml(t) | Event::Html(t) => {
                if let Some(Frame::Text(s)) = stack.last_mut() {
                    s.push_str(&t);
                } else {
                    push(&mut stack, Done::Tok(Tok::Verbatim(t.to_string())))
                }
            }
            Event::FootnoteReference(label) => {
                push(&mut stack, Done::Tok(Tok::NoteRef(label.to_string())))
            }
            Event::SoftBreak => push(&mut stack, Done::Tok(Tok::SoftBreak)),
            Event::HardBreak => push(&mut stack, Done::Tok(Tok::HardBreak)),
            Event::Rule => push(&mut stack, Done::Block(MdBlock::Rule(line))),
            Event::TaskListMarker(done) => push(
                &mut stack,
                Done::Tok(Tok::Text {
                    text: if done { "☑ " } else { "☐ " }.into(),
                    literal: false,
                }),
            ),
        }
        // Where the source consumed so far ends: a container's start covers all its content,
        // so only its first byte counts.
        prev_end = if is_start { range.start } else { range.end };
    }
    match stack.pop() {
        Some(Frame::Blocks(b)) => fold_divs(b),
        _ => Vec::new(),
    }
}

/// Splits a text event into tokens: an escaped first character (`\[` in the source) is its own
/// non-literal token; text that differs from its source (an entity) is non-literal.
fn text_tokens(
    t: &str,
    range: &Range<usize>,
    bytes: &[u8],
    prev_end: usize,
    src: &str,
) -> Vec<Tok> {
    let escaped = range.start > 0 && bytes[range.start - 1] == b'\\' && prev_end < range.start;
    let as_written = src.get(range.clone()) == Some(t);
    if escaped {
        let mut chars = t.chars();
        let first = chars.next().map(String::from).unwrap_or_default();
        let rest: String = chars.collect();
        let mut out = vec![Tok::Text {
            text: first,
            literal: false,
        }];
        if !rest.is_empty() {
            out.push(Tok::Text {
                text: rest,
                literal: true,
            });
        }
        return out;
    }
    vec![Tok::Text {
        text: t.to_string(),
        literal: as_written,
    }]
}

/// What a closed container becomes.
enum Done {
    Tok(Tok),
    Block(MdBlock),
    Item(Vec<MdBlock>),
    Cell(Vec<Tok>),
    Row(Vec<Vec<Tok>>),
    Nothing,
}

fn finish(end: TagEnd, frame: Frame, text: &str, range: &Range<usize>, line: usize) -> Done {
    let toks = |f: Frame| match f {
        Frame::Inlines(t) => t,
        _ => Vec::new(),
    };
    let blocks = |f: Frame| match f {
        Frame::Blocks(b) => b,
        _ => Vec::new(),
    };
    match end {
        TagEnd::Paragraph => Done::Block(MdBlock::Para(toks(frame), line)),
        TagEnd::Heading(level) => {
            let (id, classes, pairs) = heading_attrs(text, range);
            Done::Block(MdBlock::Heading {
                level: heading_level(level),
                id,
                classes,
                pairs,
                content: toks(frame),
                line,
            })
        }
        TagEnd::BlockQuote(_) => Done::Block(MdBlock::Quote(blocks(frame), line)),
        TagEnd::Item => Done::Item(match frame {
            // A tight item's text has no paragraph of its own: it starts on the item's line.
            Frame::Blocks(b) => b
                .into_iter()
                .map(|b| match b {
                    MdBlock::Para(t, 0) => MdBlock::Para(t, line),
                    other => other,
                })
                .collect(),
            Frame::Inlines(t) => vec![MdBlock::Para(t, line)],
            _ => Vec::new(),
        }),
        TagEnd::List(_) => {
            let start = list_start(text, range);
            let items = match frame {
                Frame::Items(i) => i,
                _ => Vec::new(),
            };
            Done::Block(MdBlock::List(start, items, line))
        }
        TagEnd::CodeBlock | TagEnd::HtmlBlock => match frame {
            Frame::Text(s) => Done::Block(MdBlock::Code(s, line)),
            _ => Done::Nothing,
        },
        TagEnd::MetadataBlock(_) => match frame {
            Frame::Text(s) => Done::Block(MdBlock::Metadata(s, line + 1)),
            _ => Done::Nothing,
        },
        TagEnd::Table => match frame {
            Frame::Rows(r) => Done::Block(MdBlock::Table(r, line)),
            _ => Done::Nothing,
        },
        TagEnd::TableHead | TagEnd::TableRow => match frame {
            Frame::Cells(c) => Done::Row(c),
            _ => Done::Nothing,
        },
        TagEnd::TableCell => Done::Cell(toks(frame)),
        TagEnd::Emphasis => Done::Tok(Tok::Emphasis(toks(frame))),
        TagEnd::Strong => Done::Tok(Tok::Strong(toks(frame))),
        TagEnd::Strikethrough
        | TagEnd::Link
        | TagEnd::Image
        | TagEnd::Superscript
        | TagEnd::Subscript => Done::Tok(Tok::Group(toks(frame))),
        TagEnd::FootnoteDefinition => {
            let label = footnote_label(text, range);
            Done::Block(MdBlock::FootnoteDef(label, blocks(frame), line))
        }
        _ => match frame {
            Frame::Blocks(b) => Done::Block(MdBlock::Quote(b, line)),
            Frame::Inlines(t) => Done::Tok(Tok::Group(t)),
            _ => Done::Nothing,
        },
    }
}

fn push(stack: &mut [Frame], done: Done) {
    let Some(top) = stack.last_mut() else {
        return;
    };
    match (top, done) {
        (Frame::Inlines(v), Done::Tok(t)) => v.push(t),
        (Frame::Blocks(v), Done::Block(b)) => v.push(b),
        // Tight list items hold inlines directly; loose ones hold paragraphs.
        (Frame::Blocks(v), Done::Tok(t)) => match v.last_mut() {
            Some(MdBlock::Para(p, _)) => p.push(t),
            _ => v.push(MdBlock::Para(vec![t], 0)),
        },
        (Frame::Items(v), Done::Item(i)) => v.push(i),
        (Frame::Rows(v), Done::Row(r)) => v.push(r),
        (Frame::Cells(v), Done::Cell(c)) => v.push(c),
        _ => {}
    }
}

fn heading_level(l: HeadingLevel) -> usize {
    match l {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

type HeadingAttrs = (Option<String>, Vec<String>, Vec<(String, String)>);

/// The `{…}` at the end of a heading line, read with [`attrs::parse`] (which, unlike
/// pulldown-cmark's, keeps quoted values whole).
fn heading_attrs(text: &str, range: &Range<usize>) -> HeadingAttrs {
    let line = text[range.clone()].lines().next().unwrap_or("").trim_end();
    let line = line.trim_end_matches('#').trim_end();
    let parsed = line
        .strip_suffix('}')
        .and_then(|l| l.rfind('{').map(|i| &l[i + 1..]))
        .and_then(attrs::parse)
        .unwrap_or_default();
    (parsed.id, parsed.classes, parsed.pairs)
}

/// The start number of an ordered list (`3.` → 3), `None` for a bullet list.
fn list_start(text: &str, range: &Range<usize>) -> Option<u64> {
    let first = text[range.clone()].trim_start();
    let digits: String = first.chars().take_while(char::is_ascii_digit).collect();
    let after = first[digits.len()..].chars().next();
    (!digits.is_empty() && matches!(after, Some('.' | ')')))
        .then(|| digits.parse().ok())
        .flatten()
}

/// `[^label]:` at the start of a definition.
fn footnote_label(text: &str, range: &Range<usize>) -> String {
    let s = &text[range.clone()];
    s.strip_prefix("[^")
        .and_then(|r| r.split_once("]:"))
        .map(|(l, _)| l.to_string())
        .unwrap_or_default()
}

/// The text of a line of tokens when it is all literal text.
fn literal_line(toks: &[Tok]) -> Option<String> {
    let mut s = String::new();
    for t in toks {
        match t {
            Tok::Text {
                text,
                literal: true,
            } => s.push_str(text),
            _ => return None,
        }
    }
    Some(s)
}

/// Pairs fence lines into [`MdBlock::Div`]s. A fence is a paragraph of its own, or the first or
/// last line of a paragraph (`::: signature` / text / `:::` with no blank lines). An opener
/// left open closes at the end of its container; a stray closer is dropped.
pub fn fold_divs(blocks: Vec<MdBlock>) -> Vec<MdBlock> {
    let mut flat: Vec<MdBlock> = Vec::new();
    for b in blocks {
        match b {
            MdBlock::Para(toks, line) => split_fences(toks, line, &mut flat),
            MdBlock::Quote(inner, line) => flat.push(MdBlock::Quote(fold_divs(inner), line)),
            MdBlock::List(start, items, line) => flat.push(MdBlock::List(
                start,
                items.into_iter().map(fold_divs).collect(),
                line,
            )),
            MdBlock::FootnoteDef(label, inner, line) => {
                flat.push(MdBlock::FootnoteDef(label, fold_divs(inner), line))
            }
            other => flat.push(other),
        }
    }
    let mut stack: Vec<(Attrs, Vec<MdBlock>, usize)> = Vec::new();
    let mut out: Vec<MdBlock> = Vec::new();
    for b in flat {
        match b {
            MdBlock::Fence(Fence::Open(a), line) => stack.push((a, Vec::new(), line)),
            MdBlock::Fence(Fence::Close, _) => {
                if let Some((a, inner, line)) = stack.pop() {
                    let div = MdBlock::Div(a, inner, line);
                    match stack.last_mut() {
                        Some((_, parent, _)) => parent.push(div),
                        None => out.push(div),
                    }
                }
            }
            other => match stack.last_mut() {
                Some((_, inner, _)) => inner.push(other),
                None => out.push(other),
            },
        }
    }
    while let Some((a, inner, line)) = stack.pop() {
        let div = MdBlock::Div(a, inner, line);
        match stack.last_mut() {
            Some((_, parent, _)) => parent.push(div),
            None => out.push(div),
        }
    }
    out
}

/// A paragraph whose first or last line is a fence: the fences and what is between them.
fn split_fences(toks: Vec<Tok>, line: usize, out: &mut Vec<MdBlock>) {
    let mut lines: Vec<Vec<Tok>> = vec![Vec::new()];
    for t in toks {
        match t {
            Tok::SoftBreak => lines.push(Vec::new()),
            other => lines.last_mut().expect("one line").push(other),
        }
    }
    let fence_of = |l: &[Tok]| literal_line(l).and_then(|s| attrs::fence(&s));
    let mut first = 0;
    let mut opened = None;
    if let Some(f @ Fence::Open(_)) = fence_of(&lines[0]) {
        opened = Some(f);
        first = 1;
    }
    let mut last = lines.len();
    let mut closed = false;
    if last > first && fence_of(&lines[last - 1]) == Some(Fence::Close) {
        closed = true;
        last -= 1;
    }
    if opened.is_none() && !closed && lines.len() == 1 {
        if let Some(f) = fence_of(&lines[0]) {
            out.push(MdBlock::Fence(f, line));
            return;
        }
    }
    if let Some(f) = opened {
        out.push(MdBlock::Fence(f, line));
    }
    if last > first {
        let mut body = Vec::new();
        for (i, l) in lines.drain(first..last).enumerate() {
            if i > 0 {
                body.push(Tok::SoftBreak);
            }
            body.extend(l);
        }
        out.push(MdBlock::Para(body, line + first));
    }
    if closed {
        out.push(MdBlock::Fence(Fence::Close, line));
    }
}
