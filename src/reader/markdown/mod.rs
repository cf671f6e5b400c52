//! Markdown reader (Markdown 读入): pandoc-style Markdown → [`Book`], on pulldown-cmark.
//!
//! It reads what [`crate::writer::markdown`] writes back into the same model (headings with
//! `{#id .kind matter=…}` and `[label]{.label}`, fenced divs for signatures, display lines, CIP,
//! colophon and contents, `[^n]` notes with `[]{.note mark="①"}`, `[]{.pagebreak page="17"}`),
//! and plain Markdown written by hand: `#` headings become chapters and sections (a lone first
//! `#` heading with no `title:` in the metadata is the book's title), paragraphs, block quotes,
//! footnotes; lists, code blocks and tables keep their text as paragraphs.

mod attrs;
mod inline;
mod meta;
mod tree;

use std::collections::HashMap;

use crate::diag::{Code, Diagnostic};
use crate::model::{
    Block, Book, CipTracing, ColophonEntry, ContentsEntry, DisplayLine, DisplayRole, Division,
    DivisionKind, Inline, LanguageTag, List, Matter, Note, NoteId, NotePlacement, Para,
};
use crate::reader::Reading;
use crate::source::Source;

use attrs::Attrs;
use inline::Taken;
use tree::{MdBlock, Tok};

/// Whether a file name looks like Markdown (`.md`, `.markdown`).
pub fn is_markdown_path(path: &std::path::Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "md" | "markdown"))
}

/// Reads a Markdown document into a book.
pub fn read_markdown(source: &Source) -> Reading {
    let line_of = |offset: usize| source.line_of(offset);
    let blocks = tree::parse(&source.text, &line_of);
    let mut r = Builder::default();
    r.collect_notes(&blocks);
    let mut blocks = blocks;
    let mut meta_seen = false;
    blocks.retain(|b| match b {
        MdBlock::Metadata(yaml, line) if !meta_seen => {
            meta_seen = true;
            meta::read(yaml, *line, &mut r.book.meta, &mut r.diags);
            false
        }
        _ => true,
    });
    let title_heading = r.book.meta.title.is_empty() && lone_title(&blocks);
    let mut shift = 0;
    for b in blocks {
        match b {
            MdBlock::Heading {
                level: 1, content, ..
            } if title_heading && shift == 0 => {
                let (inl, _) = r.inlines(&content, &[]);
                r.book.meta.title = crate::model::plain_text(&inl).trim().to_string();
                shift = 1;
            }
            MdBlock::Heading {
                level,
                id,
                classes,
                pairs,
                content,
                line,
            } => r.heading(level - shift, id, &classes, &pairs, &content, line),
            MdBlock::FootnoteDef(..) => {}
            other => {
                let converted = r.block(other);
                r.add_blocks(converted);
            }
        }
    }
    r.finish(source)
}

/// A document whose first block is its only level-1 heading, with no class: its title.
fn lone_title(blocks: &[MdBlock]) -> bool {
    let first_is_h1 = matches!(
        blocks.iter().find(|b| !matches!(b, MdBlock::FootnoteDef(..))),
        Some(MdBlock::Heading { level: 1, classes, .. }) if classes.is_empty()
    );
    let h1s = blocks
        .iter()
        .filter(|b| matches!(b, MdBlock::Heading { level: 1, .. }))
        .count();
    first_is_h1 && h1s == 1
}

#[derive(Default)]
struct Builder {
    book: Book,
    diags: Vec<Diagnostic>,
    /// Footnote labels → note ids, in definition order.
    labels: HashMap<String, NoteId>,
    /// Open divisions with their heading levels, outermost first.
    open: Vec<(usize, Division, Matter)>,
    /// Blocks before the first heading.
    lead: Vec<Block>,
    lead_line: usize,
    /// Ids taken so far.
    ids: HashMap<String, usize>,
}

impl Builder {
    /// Defines every note first (definition order gives the ids), so references anywhere
    /// resolve; the text is converted once all labels are known.
    fn collect_notes(&mut self, blocks: &[MdBlock]) {
        let mut defs = Vec::new();
        for b in blocks {
            if let MdBlock::FootnoteDef(label, inner, line) = b {
                if self.labels.contains_key(label) {
                    self.diags.push(Diagnostic::new(
                        Code::MarkdownDuplicate,
                        *line,
                        format!("note [^{label}] is defined twice; the first definition is used"),
                    ));
                    continue;
                }
                let id = NoteId::new(self.labels.len());
                self.labels.insert(label.clone(), id);
                defs.push((label.clone(), inner.clone(), *line));
            }
        }
        for (label, inner, line) in defs {
            let toks = note_tokens(&inner);
            let (content, taken) = self.inlines(&toks, &["note"]);
            let span = taken.iter().find(|t| t.leading && t.attrs.has("note"));
            let mark = span
                .and_then(|t| t.attrs.get("mark"))
                .map_or_else(|| label.clone(), str::to_string);
            let placement = if span.is_some_and(|t| t.attrs.has("endnote")) {
                NotePlacement::Endnote
            } else {
                NotePlacement::Footnote
            };
            let content = if span.is_some() {
                strip_leading_space(content)
            } else {
                content
            };
            let id = NoteId::new(self.book.notes.len());
            self.book.notes.push(Note {
                id,
                mark,
                content,
                placement,
                line,
            });
        }
    }

    fn inlines(&mut self, toks: &[Tok], take: &[&str]) -> (Vec<Inline>, Vec<Taken>) {
        let labels = &self.labels;
        inline::convert(toks, &mut |l| labels.get(l).copied(), take)
    }

    fn para(&mut self, toks: &[Tok], line: usize) -> Para {
        let (content, _) = self.inlines(toks, &[]);
        Para { content, line }
    }

    fn heading(
        &mut self,
        level: usize,
        id: Option<String>,
        classes: &[String],
        pairs: &[(String, String)],
        content: &[Tok],
        line: usize,
    ) {
        let level = level.max(1);
        self.close_to(level);
        let parent_kind = self.open.last().map(|(_, d, _)| d.kind);
        let kind = classes
            .iter()
            .find_map(|c| DivisionKind::from_name(c))
            .unwrap_or(match parent_kind {
                None => DivisionKind::Chapter,
                Some(DivisionKind::Part) => DivisionKind::Chapter,
                Some(DivisionKind::Chapter) => DivisionKind::Section,
                Some(_) => DivisionKind::Subsection,
            });
        let matter = match pairs
            .iter()
            .find(|(k, _)| k == "matter")
            .map(|(_, v)| v.as_str())
        {
            Some("front") => Matter::Front,
            Some("body") => Matter::Body,
            Some("back") => Matter::Back,
            Some(other) => {
                self.diags.push(Diagnostic::new(
                    Code::MarkdownAttribute,
                    line,
                    format!(
                        "matter={other:?} is not front, body or back; the kind's usual run is used"
                    ),
                ));
                kind.default_matter()
            }
            None => kind.default_matter(),
        };
        let (title, taken) = self.inlines(content, &["label"]);
        let label = taken
            .iter()
            .find(|t| t.leading && t.attrs.has("label"))
            .map(|t| t.text.clone());
        let title = if label.is_some() {
            strip_leading_space(title)
        } else {
            title
        };
        let title = trim_end(title);
        let id = self.heading_id(id, kind);
        let mut d = Division::new(kind, id, line);
        d.label = label;
        d.title = title;
        self.open.push((level, d, matter));
    }

    /// The heading's id, or one made from its kind and position. A repeated id is left as it
    /// is: the reader's last pass ([`crate::reader::settle_ids`]) renames it once, with a
    /// warning.
    fn heading_id(&mut self, given: Option<String>, kind: DivisionKind) -> String {
        let id = given.unwrap_or_else(|| match self.open.last() {
            Some((_, parent, _)) => {
                format!(
                    "{}-{}-{}",
                    parent.id,
                    kind.name(),
                    parent.children.len() + 1
                )
            }
            None => {
                let n = self.book.divisions().filter(|d| d.kind == kind).count() + 1;
                format!("{}-{n}", kind.name())
            }
        });
        *self.ids.entry(id.clone()).or_insert(0) += 1;
        id
    }

    /// Closes open divisions at `level` or deeper.
    fn close_to(&mut self, level: usize) {
        while self.open.last().is_some_and(|(l, _, _)| *l >= level) {
            let (_, d, matter) = self.open.pop().expect("checked");
            match self.open.last_mut() {
                Some((_, parent, _)) => parent.children.push(d),
                None => match matter {
                    Matter::Front => self.book.front.push(d),
                    Matter::Body => self.book.body.push(d),
                    Matter::Back => self.book.back.push(d),
                },
            }
        }
    }

    fn add_blocks(&mut self, blocks: Vec<Block>) {
        match self.open.last_mut() {
            Some((_, d, _)) => d.blocks.extend(blocks),
            None => {
                if self.lead.is_empty() {
                    self.lead_line = blocks.iter().find_map(block_line).unwrap_or(1);
                }
                self.lead.extend(blocks)
            }
        }
    }

    /// A block in the model's terms (a div of one kind may give several).
    fn block(&mut self, b: MdBlock) -> Vec<Block> {
        match b {
            MdBlock::Para(toks, line) => {
                let p = self.para(&toks, line);
                if p.content.is_empty() {
                    Vec::new()
                } else {
                    vec![Block::Para(p)]
                }
            }
            MdBlock::Quote(inner, _) => {
                let blocks: Vec<Block> = inner.into_iter().flat_map(|b| self.block(b)).collect();
                vec![Block::Quote(blocks)]
            }
            MdBlock::Div(attrs, inner, line) => self.div(&attrs, inner, line),
            MdBlock::List(start, items, line) => {
                let items: Vec<Vec<Block>> = items
                    .into_iter()
                    .map(|item| item.into_iter().flat_map(|b| self.block(b)).collect())
                    .collect();
                vec![Block::List(List { start, items, line })]
            }
            MdBlock::Code(text, line) => {
                let mut content = Vec::new();
                for (i, l) in text.trim_end_matches('\n').split('\n').enumerate() {
                    if i > 0 {
                        content.push(Inline::LineBreak);
                    }
                    if !l.is_empty() {
                        content.push(Inline::Text(l.to_string()));
                    }
                }
                if content.is_empty() {
                    return Vec::new();
                }
                vec![Block::Para(Para { content, line })]
            }
            MdBlock::Table(rows, line) => rows
                .into_iter()
                .map(|cells| {
                    let mut content = Vec::new();
                    for (i, c) in cells.iter().enumerate() {
                        if i > 0 {
                            content.push(Inline::Text(" | ".into()));
                        }
                        content.extend(self.inlines(c, &[]).0);
                    }
                    Block::Para(Para { content, line })
                })
                .collect(),
            MdBlock::Heading { content, line, .. } => {
                vec![Block::Para(self.para(&content, line))]
            }
            MdBlock::Rule(line) => vec![Block::SceneBreak(line)],
            MdBlock::FootnoteDef(..) | MdBlock::Metadata(..) => Vec::new(),
            MdBlock::Fence(..) => Vec::new(),
        }
    }

    fn div(&mut self, attrs: &Attrs, inner: Vec<MdBlock>, line: usize) -> Vec<Block> {
        // Each paragraph of the div becomes a block of its kind; anything else stays as it is.
        let each = |me: &mut Self, inner: Vec<MdBlock>, make: &dyn Fn(Para) -> Block| {
            let blocks: Vec<Block> = inner
                .into_iter()
                .flat_map(|b| me.block(b))
                .map(|b| match b {
                    Block::Para(p) => make(p),
                    other => other,
                })
                .collect();
            if blocks.is_empty() {
                vec![make(Para {
                    content: Vec::new(),
                    line,
                })]
            } else {
                blocks
            }
        };
        if attrs.has("signature") {
            return each(self, inner, &Block::Signature);
        }
        if attrs.has("dateline") {
            return each(self, inner, &Block::Dateline);
        }
        if attrs.has("salutation") {
            return each(self, inner, &Block::Salutation);
        }
        if attrs.has("end-mark") {
            return each(self, inner, &Block::EndMark);
        }
        if attrs.has("notice") {
            return each(self, inner, &Block::Notice);
        }
        if attrs.has("lines") {
            return each(self, inner, &Block::LineBlock);
        }
        if attrs.has("figure") {
            return each(self, inner, &Block::Figure);
        }
        if attrs.has("preformatted") {
            let code = inner.iter().find_map(|b| match b {
                MdBlock::Code(text, line) => Some((text.clone(), *line)),
                _ => None,
            });
            if let Some((text, code_line)) = code {
                return vec![Block::Preformatted(crate::model::Preformatted {
                    lines: text
                        .trim_end_matches('\n')
                        .split('\n')
                        .map(str::to_string)
                        .collect(),
                    line: if line > 0 { line } else { code_line },
                })];
            }
        }
        if attrs.has("display") {
            let role = DisplayRole::ALL
                .into_iter()
                .find(|r| attrs.has(r.name()))
                .unwrap_or(DisplayRole::Other);
            return each(self, inner, &|p: Para| {
                Block::Display(DisplayLine {
                    role,
                    content: p.content,
                    line: p.line,
                })
            });
        }
        if attrs.has("kicker") {
            let mut blocks: Vec<Block> = inner.into_iter().flat_map(|b| self.block(b)).collect();
            let first_para = matches!(blocks.first(), Some(Block::Para(_)));
            match self.open.last_mut() {
                Some((_, d, _)) if first_para && d.kicker.is_none() && d.blocks.is_empty() => {
                    if let Block::Para(p) = blocks.remove(0) {
                        d.kicker = Some(p.content);
                    }
                    return blocks;
                }
                _ => return blocks,
            }
        }
        let table = inner.iter().find_map(|b| match b {
            MdBlock::Table(rows, _) => Some(rows.clone()),
            _ => None,
        });
        if let Some(rows) = table {
            let rows = self.table_text(&rows);
            if attrs.has("cip") {
                return vec![Block::Cip(Box::new(cip_from_rows(&rows)))];
            }
            if attrs.has("colophon") {
                return vec![Block::Colophon(colophon_from_rows(&rows, line))];
            }
            if attrs.has("contents") {
                return vec![Block::Contents(contents_from_rows(&rows, line))];
            }
        }
        // Any other div is a container, as in pandoc.
        inner.into_iter().flat_map(|b| self.block(b)).collect()
    }

    /// A table's rows as plain text cells, keyed by the header row's names.
    fn table_text(&mut self, rows: &[Vec<Vec<Tok>>]) -> Vec<HashMap<String, String>> {
        let text = |me: &mut Self, c: &[Tok]| crate::model::plain_text(&me.inlines(c, &[]).0);
        let Some((head, body)) = rows.split_first() else {
            return Vec::new();
        };
        let names: Vec<String> = head
            .iter()
            .map(|c| text(self, c).trim().to_string())
            .collect();
        body.iter()
            .map(|r| {
                names
                    .iter()
                    .cloned()
                    .zip(r.iter().map(|c| text(self, c)))
                    .collect()
            })
            .collect()
    }

    fn finish(mut self, source: &Source) -> Reading {
        self.close_to(1);
        if !self.lead.is_empty() {
            // Text before the first heading: an untitled opening division of the body.
            let mut d = Division::new(DivisionKind::Chapter, "opening", self.lead_line.max(1));
            if self.ids.contains_key("opening") {
                d.id = "opening-text".into();
            }
            d.blocks = std::mem::take(&mut self.lead);
            self.book.body.insert(0, d);
        }
        if self.book.meta.language.is_undetermined() {
            self.book.meta.language =
                LanguageTag::known(crate::reader::language::detect(&source.text));
        }
        if self.book.meta.title.is_empty() {
            self.diags.push(
                Diagnostic::new(Code::MarkdownNoTitle, 1, "the document has no title")
                    .with_hint("add `title: …` to the YAML metadata block at the top"),
            );
        }
        if self.book.meta.cip.is_none() {
            let cip = self.book.divisions().find_map(|d| {
                d.blocks.iter().find_map(|b| match b {
                    Block::Cip(c) => Some((**c).clone()),
                    _ => None,
                })
            });
            self.book.meta.cip = cip;
        }
        crate::reader::settle_ids(&mut self.book, &mut self.diags);
        crate::reader::report_unreferenced_notes(&self.book, &mut self.diags);
        self.diags
            .extend(crate::reader::limits::divisions(&self.book));
        self.diags.sort_by_key(|d| d.span);
        Reading {
            book: self.book,
            diagnostics: self.diags,
            conventions: Vec::new(),
            outline: Vec::new(),
            ledger: Default::default(),
            config: None,
        }
    }
}

/// The manuscript line of a block, where it has one.
fn block_line(b: &Block) -> Option<usize> {
    match b {
        Block::Para(p)
        | Block::Signature(p)
        | Block::Dateline(p)
        | Block::Salutation(p)
        | Block::EndMark(p)
        | Block::Notice(p) => Some(p.line),
        Block::Display(l) => Some(l.line),
        Block::LineBlock(p) | Block::Figure(p) => Some(p.line),
        Block::SceneBreak(line) => Some(*line),
        Block::Preformatted(p) => Some(p.line),
        Block::Quote(bs) => bs.iter().find_map(block_line),
        Block::List(l) => Some(l.line),
        Block::Colophon(e) => e.first().map(|e| e.line),
        Block::Contents(e) => e.first().map(|e| e.line),
        Block::Cip(_) => None,
    }
}

/// A note's content as one run of tokens: its paragraphs joined by line breaks.
fn note_tokens(blocks: &[MdBlock]) -> Vec<Tok> {
    let mut out = Vec::new();
    for b in blocks {
        let toks: Vec<Tok> = match b {
            MdBlock::Para(t, _) => t.clone(),
            MdBlock::Code(s, _) => vec![Tok::Verbatim(s.trim_end().to_string())],
            MdBlock::Quote(inner, _) | MdBlock::Div(_, inner, _) => note_tokens(inner),
            _ => continue,
        };
        if !out.is_empty() {
            out.push(Tok::HardBreak);
        }
        out.extend(toks);
    }
    out
}

fn strip_leading_space(mut content: Vec<Inline>) -> Vec<Inline> {
    if let Some(Inline::Text(t)) = content.first_mut() {
        if let Some(rest) = t.strip_prefix(' ') {
            *t = rest.to_string();
        }
        if t.is_empty() {
            content.remove(0);
        }
    }
    content
}

fn trim_end(mut content: Vec<Inline>) -> Vec<Inline> {
    if let Some(Inline::Text(t)) = content.last_mut() {
        let trimmed = t.trim_end_matches([' ', '\t']).len();
        t.truncate(trimmed);
        if t.is_empty() {
            content.pop();
        }
    }
    content
}

fn cip_from_rows(rows: &[HashMap<String, String>]) -> crate::model::CipRecord {
    let mut c = crate::model::CipRecord::default();
    let mut tracings: Vec<CipTracing> = Vec::new();
    for r in rows {
        let (Some(field), Some(value)) = (r.get("field"), r.get("value")) else {
            continue;
        };
        let value = value.clone();
        match field.trim() {
            "heading" => c.heading = value,
            "description" => c.description = value,
            "edition" => c.edition = Some(value),
            "imprint" => c.imprint = value,
            "extent" => c.extent = Some(value),
            "style" if value.trim() == "taiwan" => c.style = crate::model::CipStyle::Taiwan,
            "style" if value.trim() == "library-of-congress" => {
                c.style = crate::model::CipStyle::LibraryOfCongress
            }
            "note" => c.notes.push(value),
            "control_number" => c.control_numbers.push(value),
            "class_number" => c.class_numbers.push(value),
            "issued" => c.issued.push(value),
            "isbn" => c.isbn = Some(value),
            "classification" => c.classification = Some(value),
            "cip_number_line" => c.cip_number_line = Some(value),
            "cip_number" => c.cip_number = Some(value),
            "tracing" => tracings.push(tracing(&value)),
            "subject" => c.subjects.push(value),
            _ => {}
        }
    }
    c.tracings = tracings;
    c
}

/// `III. 书院—研究` → numeral `III`, text `书院—研究`; text without a numeral keeps it empty.
fn tracing(s: &str) -> CipTracing {
    match s.split_once(". ") {
        Some((n, text)) if !n.is_empty() && n.chars().all(|c| c.is_ascii_alphanumeric()) => {
            CipTracing {
                numeral: n.to_string(),
                text: text.to_string(),
            }
        }
        _ => CipTracing {
            numeral: String::new(),
            text: s.to_string(),
        },
    }
}

fn colophon_from_rows(rows: &[HashMap<String, String>], line: usize) -> Vec<ColophonEntry> {
    rows.iter()
        .map(|r| ColophonEntry {
            label: r.get("label").cloned().unwrap_or_default(),
            value: r.get("value").cloned().unwrap_or_default(),
            line,
        })
        .collect()
}

fn contents_from_rows(rows: &[HashMap<String, String>], line: usize) -> Vec<ContentsEntry> {
    let opt = |r: &HashMap<String, String>, k: &str| r.get(k).filter(|v| !v.is_empty()).cloned();
    rows.iter()
        .map(|r| ContentsEntry {
            level: r
                .get("level")
                .and_then(|l| l.trim().parse().ok())
                .unwrap_or(1),
            label: opt(r, "label"),
            title: r.get("title").cloned().unwrap_or_default(),
            page: opt(r, "page"),
            line,
            target: opt(r, "target"),
        })
        .collect()
}
