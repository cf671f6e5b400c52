//! XHTML 内容文件 (content documents): the page skeleton, divisions, blocks, inlines and the
//! footnotes at the end of each file.

use std::collections::HashSet;

use super::documents::{Doc, inline_children, xml_name};
use super::kinds::{self, UiName};
use super::names::{Name, Names};
use super::notes::{NotePlan, RefIds};
use super::xml::Xml;
use super::{copyright, documents, script};
use crate::model::{Block, Book, DisplayRole, Division, Inline, Para};

/// U+2060 WORD JOINER, written before a note reference that follows no text it can be bound to,
/// so that no line starts with one.
pub const NO_BREAK_BEFORE: &str = "\u{2060}";

pub use super::xml::{CSS_HREF, page};

/// A page target for the nav's page-list: the printed number and where its marker is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageTarget {
    /// The printed page number.
    pub number: String,
    /// `file.xhtml#page-17`.
    pub href: String,
}

/// Page markers written so far (ids are unique across the book).
#[derive(Debug, Default)]
pub struct Pages {
    ids: HashSet<String>,
    /// Every marker, in reading order.
    pub list: Vec<PageTarget>,
}

/// What the renderer of one file needs.
pub struct Ctx<'a, 'b> {
    /// The book.
    pub book: &'a Book,
    /// The book's language tag.
    pub lang: &'a str,
    /// All documents (for links into other files).
    pub docs: &'a [Doc<'a>],
    /// Where each note goes.
    pub notes: &'a NotePlan,
    /// Index of the document being written.
    pub doc: usize,
    /// Reference ids handed out in this file.
    pub refs: RefIds,
    /// Page markers of the whole book.
    pub pages: &'b mut Pages,
    /// Keep the colophon's print-only fields ([`copyright::PRINT_ONLY`]).
    pub keep_print: bool,
    /// The sections' accessible names given in this file.
    pub names: Names,
}

impl Ctx<'_, '_> {
    fn file(&self) -> &str {
        &self.docs[self.doc].file
    }
}

/// Renders a top-level division as its own document.
pub fn division_page(ctx: &mut Ctx<'_, '_>, d: &Division) -> Vec<u8> {
    let doc = &ctx.docs[ctx.doc];
    let title = documents::display_label(d, ctx.lang);
    let (lang, id, matter) = (ctx.lang, doc.id.clone(), doc.matter);
    page(lang, &title, Some(matter.epub_type()), |x| {
        division(x, ctx, d, 1, &id, None);
    })
}

/// Writes a division as a `<section>`; `parent` is the enclosing section's heading (id, text).
fn division(
    x: &mut Xml,
    ctx: &mut Ctx<'_, '_>,
    d: &Division,
    depth: usize,
    id: &str,
    parent: Option<(&str, &str)>,
) {
    let has_heading = d.label.is_some() || !d.title.is_empty();
    let heading_id = format!("{id}-title");
    let text = documents::display_label(d, ctx.lang);
    let name = has_heading.then(|| ctx.names.name(&heading_id, &text, parent));
    let default_name = kinds::default_name(d.kind, ctx.lang);
    let mut attrs: Vec<(&str, &str)> = vec![("id", id)];
    if depth == 1 {
        if let Some(t) = kinds::epub_type(d.kind) {
            attrs.push(("epub:type", t));
        }
        if let Some(r) = kinds::aria_role(d.kind) {
            attrs.push(("role", r));
        }
    }
    let class = format!("division {}", d.kind.name());
    attrs.push(("class", &class));
    match &name {
        Some(Name::LabelledBy(ids)) => attrs.push(("aria-labelledby", ids)),
        Some(Name::Label(label)) => attrs.push(("aria-label", label)),
        None => attrs.push(("aria-label", default_name)),
    }
    x.open("section", &attrs);
    x.nl();
    if let Some(k) = &d.kicker {
        x.open("p", &[("class", "kicker")]);
        inlines(x, ctx, k, false);
        x.close("p");
        x.nl();
    }
    if has_heading {
        heading(x, ctx, depth, &heading_id, d);
    }
    let mut title_done = has_heading;
    for b in &d.blocks {
        block(x, ctx, b, &mut title_done);
    }
    let children = if depth == 1 {
        inline_children(d)
    } else {
        &d.children
    };
    for c in children {
        let cid = xml_name(&c.id);
        let here = has_heading.then_some((heading_id.as_str(), text.as_str()));
        division(x, ctx, c, depth + 1, &cid, here);
    }
    if depth == 1 {
        footnotes(x, ctx);
    }
    x.close("section");
    x.nl();
}

fn heading(x: &mut Xml, ctx: &mut Ctx<'_, '_>, depth: usize, id: &str, d: &Division) {
    let tag = ["h1", "h2", "h3", "h4", "h5", "h6"][depth.clamp(1, 6) - 1];
    x.open(tag, &[("id", id)]);
    if let Some(label) = &d.label {
        x.leaf("span", &[("class", "label")], label);
        if !d.title.is_empty() {
            x.text(documents::label_separator(label));
        }
    }
    if !d.title.is_empty() {
        x.open("span", &[("class", "title")]);
        inlines(x, ctx, &d.title, false);
        x.close("span");
    }
    x.close(tag);
    x.nl();
}

fn para(x: &mut Xml, ctx: &mut Ctx<'_, '_>, class: Option<&str>, p: &Para) {
    match class {
        Some(c) => x.open("p", &[("class", c)]),
        None => x.open("p", &[]),
    }
    // 孤字: a Chinese text paragraph's last two characters stay on one line, in every reading
    // system (the stylesheet's `text-wrap: pretty` reaches only some): they are set in a
    // `<span class="nowrap">`, the text itself unchanged.
    let tail = match class {
        None if kinds::is_chinese(ctx.lang) => crate::writer::runts::last_two(&p.content),
        _ => None,
    };
    match (tail, tail.and_then(|(i, _)| p.content.get(i))) {
        (Some((i, at)), Some(Inline::Text(text))) => {
            inlines(x, ctx, &p.content[..i], false);
            script::text(x, &text[..at], kinds::is_cjk(ctx.lang));
            x.open("span", &[("class", "nowrap")]);
            x.text(&text[at..]);
            // a note reference after them stays on their line too
            let mut rest = &p.content[i + 1..];
            if let [r @ Inline::NoteRef(_), more @ ..] = rest {
                inline(x, ctx, r, false, false);
                rest = more;
            }
            x.close("span");
            inlines(x, ctx, rest, false);
        }
        _ => inlines(x, ctx, &p.content, false),
    }
    x.close("p");
    x.nl();
}

fn block(x: &mut Xml, ctx: &mut Ctx<'_, '_>, b: &Block, title_done: &mut bool) {
    match b {
        Block::Para(p) => para(x, ctx, None, p),
        Block::Signature(p) => para(x, ctx, Some("signature"), p),
        Block::Dateline(p) => para(x, ctx, Some("dateline"), p),
        Block::Salutation(p) => para(x, ctx, Some("salutation"), p),
        Block::EndMark(p) => para(x, ctx, Some("end-mark"), p),
        Block::Notice(p) => para(x, ctx, Some("notice"), p),
        Block::Quote(bs) => {
            x.open("blockquote", &[]);
            x.nl();
            for b in bs {
                block(x, ctx, b, title_done);
            }
            x.close("blockquote");
            x.nl();
        }
        Block::Display(l) => {
            let (class, tag) = match l.role {
                DisplayRole::Title if !*title_done => ("display title", "h1"),
                DisplayRole::Title => ("display title", "p"),
                DisplayRole::Subtitle => ("display subtitle", "p"),
                DisplayRole::AltTitle => ("display alt-title", "p"),
                DisplayRole::Authors => ("display authors", "p"),
                DisplayRole::Publisher => ("display publisher", "p"),
                DisplayRole::Series => ("display series", "p"),
                DisplayRole::Other => ("display", "p"),
            };
            if tag == "h1" {
                *title_done = true;
            }
            let alt_lang = match (l.role, &ctx.book.meta.alt_title) {
                (DisplayRole::AltTitle, Some(a)) if !a.language.is_undetermined() => {
                    Some(a.language.to_string())
                }
                _ => None,
            };
            match &alt_lang {
                Some(lang) => x.open(tag, &[("class", class), ("lang", lang), ("xml:lang", lang)]),
                None => x.open(tag, &[("class", class)]),
            }
            inlines(x, ctx, &l.content, false);
            x.close(tag);
            x.nl();
        }
        Block::LineBlock(p) => para(x, ctx, Some("lines"), p),
        Block::Figure(p) => {
            x.open("figure", &[("class", "illustration")]);
            x.open("figcaption", &[]);
            inlines(x, ctx, &p.content, false);
            x.close("figcaption");
            x.close("figure");
            x.nl();
        }
        Block::SceneBreak(_) => {
            x.empty("hr", &[("class", "scene-break")]);
            x.nl();
        }
        Block::List(list) => {
            let start = list.start.filter(|n| *n != 1).map(|n| n.to_string());
            let tag = if list.start.is_some() { "ol" } else { "ul" };
            match &start {
                Some(n) => x.open(tag, &[("start", n)]),
                None => x.open(tag, &[]),
            }
            x.nl();
            for item in &list.items {
                x.open("li", &[]);
                // A one-paragraph item holds its text directly, as a tight list is written.
                match item.as_slice() {
                    [Block::Para(p)] => inlines(x, ctx, &p.content, false),
                    blocks => {
                        x.nl();
                        for b in blocks {
                            block(x, ctx, b, title_done);
                        }
                    }
                }
                x.close("li");
                x.nl();
            }
            x.close(tag);
            x.nl();
        }
        Block::Preformatted(pre) => {
            // a block wider than the page scrolls; keyboard users reach it by tab (WCAG 2.1.1,
            // axe's scrollable-region-focusable)
            x.leaf(
                "pre",
                &[("class", "preformatted"), ("tabindex", "0")],
                &pre.lines.join("\n"),
            );
            x.nl();
        }
        Block::Cip(c) => copyright::cip(x, c, kinds::is_chinese(ctx.lang)),
        Block::Colophon(entries) => {
            copyright::colophon(x, entries, ctx.keep_print, kinds::is_cjk(ctx.lang))
        }
        // The printed contents are replaced by the generated, linked contents page.
        Block::Contents(_) => {}
    }
}

/// Writes inline content; inside notes, page markers are dropped and references get no id.
pub fn inlines(x: &mut Xml, ctx: &mut Ctx<'_, '_>, content: &[Inline], in_note: bool) {
    let cjk = kinds::is_cjk(ctx.lang);
    let mut rest = content;
    while let [first, more @ ..] = rest {
        // A note reference never starts a line (`一片水田①。`, never `一片水田 / ①。`): it is
        // set in one unbreakable span with the word or character before it, so the text
        // itself carries no invisible character.
        if let (Inline::Text(t), [Inline::NoteRef(id), ..]) = (first, more) {
            if let Some(at) = script::bound_tail(t).filter(|_| ctx.notes.target(*id).is_some()) {
                script::text(x, &t[..at], cjk);
                x.open("span", &[("class", "nowrap")]);
                script::text(x, &t[at..], cjk);
                inline(x, ctx, &more[0], in_note, false);
                x.close("span");
                rest = &more[1..];
                continue;
            }
        }
        inline(x, ctx, first, in_note, true);
        rest = more;
    }
}

/// Writes one inline; `unbound` when a note reference stands after no text it could be bound
/// to, where a word joiner (U+2060) forbids the break before it.
fn inline(x: &mut Xml, ctx: &mut Ctx<'_, '_>, i: &Inline, in_note: bool, unbound: bool) {
    {
        match i {
            Inline::Text(t) => script::text(x, t, kinds::is_cjk(ctx.lang)),
            Inline::NoteRef(id) => {
                let Some(t) = ctx.notes.target(*id) else {
                    return;
                };
                let href = if t.doc == ctx.doc {
                    format!("#{}", t.id)
                } else {
                    format!("{}#{}", ctx.docs[t.doc].file, t.id)
                };
                let ref_id = match (&t.first_ref, t.doc == ctx.doc && !in_note) {
                    (Some(first), true) => Some(ctx.refs.next(*id, first)),
                    _ => None,
                };
                let mut attrs = vec![];
                if let Some(r) = &ref_id {
                    attrs.push(("id", r.as_str()));
                }
                attrs.extend([
                    ("href", href.as_str()),
                    ("class", "noteref"),
                    ("epub:type", "noteref"),
                    ("role", "doc-noteref"),
                ]);
                if unbound {
                    x.text(NO_BREAK_BEFORE);
                }
                x.leaf("a", &attrs, &t.mark.clone());
            }
            Inline::PageBreak(m) if m.printed && !in_note => {
                let id = page_id(ctx.pages, &m.number);
                ctx.pages.list.push(PageTarget {
                    number: m.number.clone(),
                    href: format!("{}#{id}", ctx.file()),
                });
                x.empty(
                    "span",
                    &[
                        ("id", &id),
                        ("class", "pagebreak"),
                        ("epub:type", "pagebreak"),
                        ("role", "doc-pagebreak"),
                        ("aria-label", &m.number),
                    ],
                );
            }
            Inline::PageBreak(_) => {}
            Inline::LineBreak => x.empty("br", &[]),
            Inline::Emphasis(inner) => {
                x.open("em", &[]);
                inlines(x, ctx, inner, in_note);
                x.close("em");
            }
            Inline::Strong(inner) => {
                x.open("strong", &[]);
                inlines(x, ctx, inner, in_note);
                x.close("strong");
            }
        }
    }
}

fn page_id(pages: &mut Pages, number: &str) -> String {
    let base = xml_name(&format!("page-{number}"));
    let mut id = base.clone();
    let mut n = 2;
    while !pages.ids.insert(id.clone()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

fn footnotes(x: &mut Xml, ctx: &mut Ctx<'_, '_>) {
    let ids = ctx.notes.per_doc[ctx.doc].clone();
    if ids.is_empty() {
        return;
    }
    x.open("div", &[("class", "footnotes")]);
    x.nl();
    let back = kinds::ui_name(UiName::BackToRef, ctx.lang);
    for id in ids {
        let Some(t) = ctx.notes.target(id).cloned() else {
            continue;
        };
        let note = ctx.book.note(id);
        if note.is_transcribers() && t.first_ref.is_none() {
            // its own block, visible in every reading system (a footnote aside no link
            // calls is hidden by some), under its label
            x.open(
                "aside",
                &[
                    ("id", &t.id),
                    ("class", "transcriber-note"),
                    ("role", "note"),
                ],
            );
            x.nl();
            x.open("p", &[]);
            let label = kinds::ui_name(UiName::TranscribersNote, ctx.lang);
            x.leaf("span", &[("class", "note-label")], label);
            if !ctx.lang.starts_with("zh") {
                x.text(" ");
            }
            inlines(x, ctx, &note.content, true);
            x.close("p");
            x.nl();
            x.close("aside");
            x.nl();
            continue;
        }
        x.open(
            "aside",
            &[
                ("id", &t.id),
                ("class", "footnote"),
                ("epub:type", "footnote"),
                ("role", "doc-footnote"),
            ],
        );
        x.nl();
        x.open("p", &[]);
        match &t.first_ref {
            Some(r) => {
                let href = format!("#{r}");
                let label = format!("{} {}", t.mark, back);
                x.leaf(
                    "a",
                    &[
                        ("href", &href),
                        ("class", "note-mark"),
                        ("role", "doc-backlink"),
                        ("title", &label),
                    ],
                    &t.mark,
                );
            }
            None => x.leaf("span", &[("class", "note-mark")], &t.mark),
        }
        x.text(" ");
        inlines(x, ctx, &note.content, true);
        x.close("p");
        x.nl();
        x.close("aside");
        x.nl();
    }
    x.close("div");
    x.nl();
}
