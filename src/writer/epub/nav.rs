//! 导航 (navigation): the toc tree shared by nav.xhtml, the visible 目录 page and toc.ncx;
//! landmarks and the page-list.

use std::collections::{HashMap, HashSet};

use super::documents::{self, Doc, DocKind, inline_children, xml_name};
use super::kinds::{self, Matter, UiName};
use super::xhtml::{self, PageTarget};
use super::xml::Xml;
use crate::model::{Division, DivisionKind};

/// One entry of the table of contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NavEntry {
    /// The shown label (`第一章 引言`).
    pub label: String,
    /// Link target (`chapter-1.xhtml`, `chapter-2.xhtml#chapter-2-section-1`).
    pub href: String,
    /// What kind of division it is.
    pub kind: DivisionKind,
    /// Nested entries: a chapter's sections, a part's chapters.
    pub children: Vec<NavEntry>,
}

/// The label of a document as shown in the toc.
pub fn doc_label(doc: &Doc<'_>, lang: &str) -> String {
    match doc.kind {
        DocKind::Cover => kinds::default_name(DivisionKind::Cover, lang).to_string(),
        DocKind::Contents(Some(d)) if !d.title.is_empty() || d.label.is_some() => {
            documents::display_label(d, lang)
        }
        DocKind::Contents(_) => kinds::default_name(DivisionKind::Contents, lang).to_string(),
        DocKind::Division(d) => documents::display_label(d, lang),
    }
}

/// Builds the toc tree of every document except the cover, nesting sections and part chapters.
pub fn toc_tree(docs: &[Doc<'_>], lang: &str) -> Vec<NavEntry> {
    let mut top: Vec<NavEntry> = Vec::new();
    let mut slot: HashMap<usize, usize> = HashMap::new();
    for (i, doc) in docs.iter().enumerate() {
        if matches!(doc.kind, DocKind::Cover) {
            continue;
        }
        let children = match doc.kind {
            DocKind::Division(d) => sections(inline_children(d), &doc.file, lang),
            _ => Vec::new(),
        };
        let entry = NavEntry {
            label: doc_label(doc, lang),
            href: doc.file.clone(),
            kind: doc.division_kind(),
            children,
        };
        match doc.parent.and_then(|p| slot.get(&p)) {
            Some(&k) => top[k].children.push(entry),
            None => {
                slot.insert(i, top.len());
                top.push(entry);
            }
        }
    }
    top
}

fn sections(children: &[Division], file: &str, lang: &str) -> Vec<NavEntry> {
    children
        .iter()
        .map(|c| NavEntry {
            label: documents::display_label(c, lang),
            href: format!("{file}#{}", xml_name(&c.id)),
            kind: c.kind,
            children: sections(&c.children, file, lang),
        })
        .collect()
}

/// The depth of the deepest entry (1 for a flat list).
pub fn depth(entries: &[NavEntry]) -> usize {
    entries
        .iter()
        .map(|e| 1 + depth(&e.children))
        .max()
        .unwrap_or(0)
}

fn list(x: &mut Xml, entries: &[NavEntry], class: Option<&str>) {
    match class {
        Some(c) => x.open("ol", &[("class", c)]),
        None => x.open("ol", &[]),
    }
    x.nl();
    for e in entries {
        let class = format!("toc-{}", e.kind.name());
        x.open("li", &[("class", &class)]);
        x.leaf("a", &[("href", &e.href)], &e.label);
        if !e.children.is_empty() {
            x.nl();
            list(x, &e.children, None);
        }
        x.close("li");
        x.nl();
    }
    x.close("ol");
    x.nl();
}

/// The visible 目录 page: the toc tree without the pages that come before it.
pub fn contents_page(docs: &[Doc<'_>], doc: usize, lang: &str) -> Vec<u8> {
    let me = &docs[doc];
    let title = doc_label(me, lang);
    let before: HashSet<&str> = docs[..=doc].iter().map(|d| d.file.as_str()).collect();
    let shown: Vec<NavEntry> = toc_tree(docs, lang)
        .into_iter()
        .filter(|e| !before.contains(e.href.as_str()))
        .collect();
    let heading_id = format!("{}-title", me.id);
    xhtml::page(lang, &title, Some(Matter::Front.epub_type()), |x| {
        x.open(
            "section",
            &[
                ("id", &me.id),
                ("class", "division contents"),
                ("epub:type", "toc"),
                ("role", "doc-toc"),
                ("aria-labelledby", &heading_id),
            ],
        );
        x.nl();
        x.leaf("h1", &[("id", &heading_id)], &title);
        x.nl();
        list(x, &shown, Some("toc"));
        x.close("section");
        x.nl();
    })
}

/// The landmarks: cover, title page, copyright page, toc, start of the body, and the first of
/// each other kind that exists.
pub fn landmarks(docs: &[Doc<'_>], lang: &str) -> Vec<(&'static str, String, String)> {
    let mut out: Vec<(&'static str, String, String)> = Vec::new();
    let mut body_done = false;
    for doc in docs {
        if doc.matter == Matter::Body && !body_done {
            body_done = true;
            let name = kinds::ui_name(UiName::BodyMatter, lang).to_string();
            out.push(("bodymatter", doc.file.clone(), name));
        }
        let kind = doc.division_kind();
        let Some(t) = kinds::epub_type(kind) else {
            continue;
        };
        let wanted = matches!(
            kind,
            DivisionKind::Cover
                | DivisionKind::TitlePage
                | DivisionKind::CopyrightPage
                | DivisionKind::Contents
                | DivisionKind::Dedication
                | DivisionKind::Preface
                | DivisionKind::Foreword
                | DivisionKind::Bibliography
                | DivisionKind::Appendix
                | DivisionKind::Afterword
                | DivisionKind::Index
                | DivisionKind::Endnotes
        );
        if wanted && !out.iter().any(|(ty, _, _)| *ty == t) {
            out.push((t, doc.file.clone(), doc_label(doc, lang)));
        }
    }
    out
}

/// nav.xhtml: toc, landmarks and (when print page numbers are known) the page-list.
pub fn nav_document(docs: &[Doc<'_>], lang: &str, pages: &[PageTarget]) -> Vec<u8> {
    let toc = toc_tree(docs, lang);
    let title = kinds::default_name(DivisionKind::Contents, lang);
    xhtml::page(lang, title, None, |x| {
        x.open(
            "nav",
            &[
                ("id", "toc"),
                ("epub:type", "toc"),
                ("role", "doc-toc"),
                ("aria-labelledby", "toc-title"),
            ],
        );
        x.nl();
        x.leaf("h1", &[("id", "toc-title")], title);
        x.nl();
        list(x, &toc, None);
        x.close("nav");
        x.nl();
        let marks = landmarks(docs, lang);
        let name = kinds::ui_name(UiName::Landmarks, lang);
        x.open(
            "nav",
            &[
                ("id", "landmarks"),
                ("epub:type", "landmarks"),
                ("aria-labelledby", "landmarks-title"),
                ("hidden", "hidden"),
            ],
        );
        x.nl();
        x.leaf("h2", &[("id", "landmarks-title")], name);
        x.nl();
        x.open("ol", &[]);
        x.nl();
        for (t, href, label) in &marks {
            x.open("li", &[]);
            x.leaf("a", &[("epub:type", t), ("href", href)], label);
            x.close("li");
            x.nl();
        }
        x.close("ol");
        x.nl();
        x.close("nav");
        x.nl();
        if !pages.is_empty() {
            let name = kinds::ui_name(UiName::PageList, lang);
            x.open(
                "nav",
                &[
                    ("id", "page-list"),
                    ("epub:type", "page-list"),
                    ("role", "doc-pagelist"),
                    ("aria-labelledby", "page-list-title"),
                    ("hidden", "hidden"),
                ],
            );
            x.nl();
            x.leaf("h2", &[("id", "page-list-title")], name);
            x.nl();
            x.open("ol", &[]);
            x.nl();
            for p in pages {
                x.open("li", &[]);
                x.leaf("a", &[("href", &p.href)], &p.number);
                x.close("li");
                x.nl();
            }
            x.close("ol");
            x.nl();
            x.close("nav");
            x.nl();
        }
    })
}

/// toc.ncx for EPUB 2 reading systems; `uid` must equal the package's `dc:identifier`.
pub fn ncx(docs: &[Doc<'_>], lang: &str, uid: &str, title: &str) -> Vec<u8> {
    let toc = toc_tree(docs, lang);
    let depth = depth(&toc).max(1).to_string();
    let mut x = Xml::new();
    x.open(
        "ncx",
        &[
            ("xmlns", "http://www.daisy.org/z3986/2005/ncx/"),
            ("version", "2005-1"),
            ("xml:lang", lang),
        ],
    );
    x.nl();
    x.open("head", &[]);
    x.nl();
    for (name, content) in [
        ("dtb:uid", uid),
        ("dtb:depth", depth.as_str()),
        ("dtb:totalPageCount", "0"),
        ("dtb:maxPageNumber", "0"),
    ] {
        x.empty("meta", &[("name", name), ("content", content)]);
        x.nl();
    }
    x.close("head");
    x.nl();
    x.open("docTitle", &[]);
    x.leaf("text", &[], title);
    x.close("docTitle");
    x.nl();
    x.open("navMap", &[]);
    x.nl();
    let mut order = 0;
    nav_points(&mut x, &toc, &mut order);
    x.close("navMap");
    x.nl();
    x.close("ncx");
    x.finish()
}

fn nav_points(x: &mut Xml, entries: &[NavEntry], order: &mut usize) {
    for e in entries {
        *order += 1;
        let id = format!("navpoint-{order}");
        let play = order.to_string();
        x.open("navPoint", &[("id", &id), ("playOrder", &play)]);
        x.open("navLabel", &[]);
        x.leaf("text", &[], &e.label);
        x.close("navLabel");
        x.empty("content", &[("src", &e.href)]);
        x.nl();
        nav_points(x, &e.children, order);
        x.close("navPoint");
        x.nl();
    }
}
