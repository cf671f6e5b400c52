//! EPUB 3.3 writer and packager: one XHTML per division, nav + NCX, OPF, zip.
//!
//! Our own packager on quick-xml (every XML byte is written and escaped through [`xml::Xml`])
//! and zip (`mimetype` first and stored, fixed timestamps and entry order), so the same book
//! and options always give the same bytes.

mod container;
mod copyright;
mod cover;
mod cover_art;
mod documents;
mod kinds;
mod names;
mod nav;
mod notes;
mod package;
mod script;
mod xhtml;
mod xml;

pub use container::{Packing, package_with};
pub use cover::{CoverImage, MAX_HEIGHT, MAX_WIDTH, MIN_HEIGHT};
pub use cover_art::CoverFonts;
pub use notes::NoteStyle;
pub use package::{CONFORMS_TO, identifier};

use crate::diag::Diagnostic;
use crate::model::{Book, Resource};
use crate::writer::Output;
use documents::DocKind;
use package::{Item, Package};
use xhtml::{Ctx, Pages};

/// The built-in stylesheet: `styles/epub/*.css` joined in order, carried as `css/epub.css`.
pub const DEFAULT_CSS: &str = concat!(
    include_str!("../../../styles/epub/1-base.css"),
    include_str!("../../../styles/epub/2-pages.css"),
    include_str!("../../../styles/epub/3-notes-blocks.css"),
);

/// How to write the EPUB.
#[derive(Debug, Clone, Default)]
pub struct EpubOptions {
    /// A stylesheet replacing the built-in `styles/epub.css`.
    pub css: Option<String>,
    /// Cover image file bytes (JPEG, PNG or WebP); without one a cover is generated or set in type.
    pub cover: Option<Vec<u8>>,
    /// `dcterms:modified` and zip timestamps, in seconds since the Unix epoch.
    pub modified_unix: i64,
    /// 注码样式 (note mark style); `None` picks circled for Chinese, decimal otherwise.
    pub note_style: Option<NoteStyle>,
    /// Without [`EpubOptions::cover`], draw a raster cover (PNG from the title, authors and
    /// publisher, in system fonts) as the `cover-image`; otherwise the cover page is set in type.
    pub generate_cover: bool,
    /// The system fonts scanned once for many builds (a batch); `None` scans them when a cover
    /// is generated.
    pub cover_fonts: Option<CoverFonts>,
    /// Keep the colophon's print-only fields (定价, 印张, 印次, 成品尺寸 …) on the copyright page.
    pub print_colophon: bool,
    /// Fonts and images to carry (book.toml's `[[resources]]`), at [`resource_href`] and declared
    /// in the manifest with their media types.
    pub resources: Vec<Resource>,
}

/// Where the EPUB carries a resource, relative to the package document (`res/fonts/Body.otf`);
/// a stylesheet in `css/` reaches it as `../res/…`.
pub fn resource_href(r: &Resource) -> String {
    format!("res/{}", r.path())
}

/// A packaged EPUB: the zip of a rendered [`Output`] and the diagnostics found rendering it.
#[derive(Debug, Clone)]
pub struct Epub {
    /// The `.epub` file's bytes.
    pub bytes: Vec<u8>,
    /// Warnings (e.g. a cover under 1000 px tall).
    pub diagnostics: Vec<Diagnostic>,
}

/// Why an EPUB could not be written.
#[derive(Debug, thiserror::Error)]
pub enum EpubError {
    /// The cover image could not be decoded.
    #[error("cannot read the cover image: {0}")]
    Cover(String),
    /// Zip packaging failed.
    #[error("cannot write the EPUB container: {0}")]
    Zip(String),
}

/// Renders and packages the book: [`render`], then the zip ([`package_with`]'s default packing).
pub fn write_epub(book: &Book, opts: &EpubOptions) -> Result<Epub, EpubError> {
    let Output { files, diagnostics } = render(book, opts)?;
    let bytes = container::package(&files, opts.modified_unix)?;
    Ok(Epub { bytes, diagnostics })
}

/// The EPUB writer: every file of the EPUB (package document, nav, NCX, stylesheet, cover,
/// resources, XHTML) at its path from the container root, in container order, except
/// `mimetype` and `META-INF/container.xml` (the packager's), with the diagnostics found.
pub fn render(book: &Book, opts: &EpubOptions) -> Result<Output, EpubError> {
    let mut diagnostics = Vec::new();
    let lang = book.meta.language.as_str();
    let cover = match &opts.cover {
        Some(bytes) => Some(cover::prepare(bytes, &mut diagnostics)?),
        None if opts.generate_cover => {
            cover_art::generate(&book.meta, lang, opts.cover_fonts.as_ref())
        }
        None => None,
    };
    let docs = documents::plan(book);
    let style = opts
        .note_style
        .unwrap_or_else(|| NoteStyle::for_book(book, lang));
    let notes = notes::plan_notes(book, &docs, style, &mut diagnostics);
    let mut pages = Pages::default();
    let mut texts = Vec::new();
    for (i, doc) in docs.iter().enumerate() {
        let bytes = match doc.kind {
            DocKind::Cover => cover::cover_page(&book.meta, lang, cover.as_ref()),
            DocKind::Contents(_) => nav::contents_page(&docs, i, lang),
            DocKind::Division(d) => {
                let mut ctx = Ctx {
                    book,
                    lang,
                    docs: &docs,
                    notes: &notes,
                    doc: i,
                    refs: Default::default(),
                    pages: &mut pages,
                    keep_print: opts.print_colophon,
                    names: Default::default(),
                };
                xhtml::division_page(&mut ctx, d)
            }
        };
        texts.push((doc.file.clone(), bytes));
    }
    let uid = identifier(&book.meta);
    let title = match book.meta.title.trim() {
        "" if kinds::is_traditional(lang) => "無題",
        "" if kinds::is_chinese(lang) => "无题",
        "" => "Untitled",
        t => t,
    };
    let mut items = vec![
        Item {
            id: "nav".into(),
            href: "nav.xhtml".into(),
            media_type: "application/xhtml+xml",
            properties: Some("nav"),
        },
        Item {
            id: "ncx".into(),
            href: "toc.ncx".into(),
            media_type: "application/x-dtbncx+xml",
            properties: None,
        },
        Item {
            id: "css".into(),
            href: xhtml::CSS_HREF.into(),
            media_type: "text/css",
            properties: None,
        },
    ];
    if let Some(c) = &cover {
        items.push(Item {
            id: "cover-image".into(),
            href: format!("images/{}", c.file),
            media_type: c.media_type,
            properties: Some("cover-image"),
        });
    }
    // Manifest ids `res.N`: a division's id never holds a dot (documents::xml_name).
    items.extend(opts.resources.iter().enumerate().map(|(i, r)| Item {
        id: format!("res.{}", i + 1),
        href: resource_href(r),
        media_type: r.media_type().as_str(),
        properties: None,
    }));
    items.extend(docs.iter().map(|d| Item {
        id: d.id.clone(),
        href: d.file.clone(),
        media_type: "application/xhtml+xml",
        properties: None,
    }));
    let spine: Vec<String> = docs.iter().map(|d| d.id.clone()).collect();
    let modified = package::w3c_datetime(opts.modified_unix);
    let opf = package::package_document(&Package {
        meta: &book.meta,
        title,
        lang,
        uid: &uid,
        modified: &modified,
        items: &items,
        spine: &spine,
        page_list: !pages.list.is_empty(),
        cover_image: cover.as_ref().map(|_| "cover-image"),
    });
    let css = opts
        .css
        .as_deref()
        .unwrap_or(DEFAULT_CSS)
        .as_bytes()
        .to_vec();
    let mut files = vec![
        (container::PACKAGE_PATH.to_string(), opf),
        (
            "EPUB/nav.xhtml".to_string(),
            nav::nav_document(&docs, lang, &pages.list),
        ),
        (
            "EPUB/toc.ncx".to_string(),
            nav::ncx(&docs, lang, &uid, title),
        ),
        (format!("EPUB/{}", xhtml::CSS_HREF), css),
    ];
    if let Some(c) = cover {
        files.push((format!("EPUB/images/{}", c.file), c.bytes));
    }
    files.extend(
        opts.resources
            .iter()
            .map(|r| (format!("EPUB/{}", resource_href(r)), r.bytes().to_vec())),
    );
    files.extend(texts.into_iter().map(|(f, b)| (format!("EPUB/{f}"), b)));
    Ok(Output { files, diagnostics })
}
