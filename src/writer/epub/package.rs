//! 包文件 (package document): content.opf — metadata, manifest and spine.

use super::xml::Xml;
use crate::model::{Contributor, Metadata};

/// The EPUB Accessibility conformance claim written to `dcterms:conformsTo`.
pub const CONFORMS_TO: &str = "EPUB Accessibility 1.1 - WCAG 2.2 Level AA";

/// One manifest item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// Manifest id.
    pub id: String,
    /// Path relative to the package document.
    pub href: String,
    /// MIME type.
    pub media_type: &'static str,
    /// `nav`, `cover-image` …
    pub properties: Option<&'static str>,
}

/// What the package document needs besides the metadata.
#[derive(Debug, Clone)]
pub struct Package<'a> {
    /// Book metadata.
    pub meta: &'a Metadata,
    /// The title to use (the metadata's, or a placeholder when it is empty).
    pub title: &'a str,
    /// The book's language tag.
    pub lang: &'a str,
    /// The unique identifier: `urn:isbn:…` (e-book ISBN) or `urn:uuid:…`.
    pub uid: &'a str,
    /// `dcterms:modified`, `YYYY-MM-DDThh:mm:ssZ`.
    pub modified: &'a str,
    /// Manifest items in order.
    pub items: &'a [Item],
    /// Spine item ids in reading order.
    pub spine: &'a [String],
    /// Whether nav.xhtml has a page-list (print page numbers).
    pub page_list: bool,
    /// Manifest id of the cover image, when there is one.
    pub cover_image: Option<&'a str>,
}

/// The e-book ISBN as `urn:isbn:…` when the book has one (电子书 ISBN); otherwise a
/// deterministic `urn:uuid:` (version 5) from the print ISBN and title, so rebuilds keep it.
pub fn identifier(meta: &Metadata) -> String {
    if let Some(e) = &meta.ebook_isbn {
        return e.urn();
    }
    let isbn = meta.isbn.as_ref().map_or("", |i| i.digits.as_str());
    let name = format!("paiban:isbn={isbn};title={}", meta.title);
    let id = uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_URL, name.as_bytes());
    format!("urn:uuid:{id}")
}

/// Formats seconds since the Unix epoch as `YYYY-MM-DDThh:mm:ssZ` (UTC).
pub fn w3c_datetime(unix: i64) -> String {
    let (y, m, d, hh, mm, ss) = civil(unix);
    format!("{y:04}-{m:02}-{d:02}T{hh:02}:{mm:02}:{ss:02}Z")
}

/// Splits a Unix time into UTC year, month, day, hour, minute, second (jiff; times beyond
/// jiff's range, years ±9999, are clamped to it).
pub fn civil(unix: i64) -> (i64, u8, u8, u8, u8, u8) {
    let t = jiff::Timestamp::from_second(unix).unwrap_or(if unix < 0 {
        jiff::Timestamp::MIN
    } else {
        jiff::Timestamp::MAX
    });
    let dt = jiff::tz::Offset::UTC.to_datetime(t);
    let small = |v: i8| u8::try_from(v).unwrap_or(0);
    (
        i64::from(dt.year()),
        small(dt.month()),
        small(dt.day()),
        small(dt.hour()),
        small(dt.minute()),
        small(dt.second()),
    )
}

fn meta(x: &mut Xml, property: &str, refines: Option<&str>, scheme: Option<&str>, value: &str) {
    let mut attrs = vec![];
    let r;
    if let Some(id) = refines {
        r = format!("#{id}");
        attrs.push(("refines", r.as_str()));
    }
    attrs.push(("property", property));
    if let Some(s) = scheme {
        attrs.push(("scheme", s));
    }
    x.leaf("meta", &attrs, value);
    x.nl();
}

fn dc(x: &mut Xml, name: &str, id: Option<&str>, value: &str) {
    match id {
        Some(id) => x.leaf(name, &[("id", id)], value),
        None => x.leaf(name, &[], value),
    }
    x.nl();
}

/// Writes content.opf.
pub fn package_document(p: &Package<'_>) -> Vec<u8> {
    let m = p.meta;
    let mut x = Xml::new();
    x.open(
        "package",
        &[
            ("xmlns", "http://www.idpf.org/2007/opf"),
            ("version", "3.0"),
            ("unique-identifier", "pub-id"),
            ("xml:lang", p.lang),
        ],
    );
    x.nl();
    x.open(
        "metadata",
        &[("xmlns:dc", "http://purl.org/dc/elements/1.1/")],
    );
    x.nl();
    dc(&mut x, "dc:identifier", Some("pub-id"), p.uid);
    dc(&mut x, "dc:title", Some("meta-title"), p.title);
    meta(&mut x, "title-type", Some("meta-title"), None, "main");
    if let Some(alt) = &m.alt_title {
        let lang = alt.language.as_str();
        x.leaf(
            "meta",
            &[
                ("refines", "#meta-title"),
                ("property", "alternate-script"),
                ("xml:lang", lang),
            ],
            &alt.text,
        );
        x.nl();
    }
    if let Some(sub) = &m.subtitle {
        dc(&mut x, "dc:title", Some("meta-subtitle"), sub);
        meta(
            &mut x,
            "title-type",
            Some("meta-subtitle"),
            None,
            "subtitle",
        );
    }
    let (creators, contributors) = people(m);
    for (i, a) in creators.iter().enumerate() {
        let id = format!("meta-creator-{}", i + 1);
        dc(&mut x, "dc:creator", Some(&id), &a.name);
        meta(
            &mut x,
            "role",
            Some(&id),
            Some("marc:relators"),
            a.role.code(),
        );
        if let Some(f) = &a.file_as {
            meta(&mut x, "file-as", Some(&id), None, f);
        }
        meta(&mut x, "display-seq", Some(&id), None, &(i + 1).to_string());
    }
    for (i, c) in contributors.iter().enumerate() {
        let id = format!("meta-contributor-{}", i + 1);
        dc(&mut x, "dc:contributor", Some(&id), &c.name);
        meta(
            &mut x,
            "role",
            Some(&id),
            Some("marc:relators"),
            c.role.code(),
        );
        if let Some(f) = &c.file_as {
            meta(&mut x, "file-as", Some(&id), None, f);
        }
    }
    if let Some(p) = &m.publisher {
        dc(&mut x, "dc:publisher", None, p);
    }
    if let Some(d) = &m.date {
        dc(&mut x, "dc:date", None, &d.to_string());
    }
    dc(&mut x, "dc:language", None, p.lang);
    // The print edition the page-list follows: its ISBN, or (without one) a description of it,
    // since reading systems and Ace need a dc:source wherever print page breaks are marked.
    let print_source = match &m.isbn {
        Some(isbn) => Some(isbn.urn()),
        None if p.page_list => Some(print_edition(m)),
        None => None,
    };
    if let Some(source) = &print_source {
        dc(&mut x, "dc:source", Some("meta-print-source"), source);
        if p.page_list {
            meta(
                &mut x,
                "source-of",
                Some("meta-print-source"),
                None,
                "pagination",
            );
        }
    }
    // The e-text this book was made from (a Project Gutenberg ebook page).
    if let Some(t) = &m.transcription {
        let source = t.url.clone().unwrap_or_else(|| t.project.clone());
        if !source.is_empty() {
            dc(&mut x, "dc:source", None, &source);
        }
    }
    // meta.subjects (CIP III. tracing or book.toml); the CIP record's own list as a fallback.
    let subjects = match (&m.subjects, &m.cip) {
        (s, Some(cip)) if s.is_empty() => &cip.subjects,
        (s, _) => s,
    };
    for s in subjects {
        dc(&mut x, "dc:subject", None, s);
    }
    if let Some(d) = &m.description {
        dc(&mut x, "dc:description", None, d);
    }
    if let Some(r) = &m.rights {
        dc(&mut x, "dc:rights", None, r);
    }
    if m.authors_et_al {
        // EPUB has no "et al."; keep the statement of responsibility as printed.
        let citation = match (&m.cip, &m.author_statement) {
            (Some(c), _) if !c.description.is_empty() => c.description.clone(),
            (_, Some(s)) => format!("{} / {s}", m.title),
            _ => m.title.clone(),
        };
        meta(
            &mut x,
            "dcterms:bibliographicCitation",
            None,
            None,
            &citation,
        );
    }
    meta(&mut x, "dcterms:modified", None, None, p.modified);
    accessibility(&mut x, p);
    if let Some(id) = p.cover_image {
        x.empty("meta", &[("name", "cover"), ("content", id)]);
        x.nl();
    }
    x.close("metadata");
    x.nl();
    x.open("manifest", &[]);
    x.nl();
    for item in p.items {
        let mut attrs = vec![
            ("id", item.id.as_str()),
            ("href", item.href.as_str()),
            ("media-type", item.media_type),
        ];
        if let Some(props) = item.properties {
            attrs.push(("properties", props));
        }
        x.empty("item", &attrs);
        x.nl();
    }
    x.close("manifest");
    x.nl();
    x.open("spine", &[("toc", "ncx")]);
    x.nl();
    for id in p.spine {
        x.empty("itemref", &[("idref", id)]);
        x.nl();
    }
    x.close("spine");
    x.nl();
    x.close("package");
    x.finish()
}

/// Creators (the authors, plus contributors with role `aut` who are not already authors) and the
/// other contributors, each (name, role) once; linear in the number of people (a hash set of the
/// pairs seen).
pub fn people(m: &Metadata) -> (Vec<&Contributor>, Vec<&Contributor>) {
    let mut creators: Vec<&Contributor> = Vec::new();
    let mut others: Vec<&Contributor> = Vec::new();
    let mut seen: std::collections::HashSet<(&str, &str)> = std::collections::HashSet::new();
    for c in m.authors.iter().chain(&m.contributors) {
        if !seen.insert((c.name.as_str(), c.role.code())) {
            continue;
        }
        if c.role.code() == "aut" {
            creators.push(c);
        } else {
            others.push(c);
        }
    }
    (creators, others)
}

fn accessibility(x: &mut Xml, p: &Package<'_>) {
    meta(x, "schema:accessMode", None, None, "textual");
    if p.cover_image.is_some() {
        meta(x, "schema:accessMode", None, None, "visual");
    }
    meta(x, "schema:accessModeSufficient", None, None, "textual");
    let mut features = vec!["structuralNavigation", "tableOfContents", "readingOrder"];
    if p.cover_image.is_some() {
        features.push("alternativeText");
    }
    if p.page_list {
        features.extend(["printPageNumbers", "pageBreakMarkers", "pageNavigation"]);
    }
    for f in features {
        meta(x, "schema:accessibilityFeature", None, None, f);
    }
    meta(x, "schema:accessibilityHazard", None, None, "none");
    let zh = super::kinds::is_chinese(p.lang);
    let summary = match (zh, p.page_list) {
        (true, true) => {
            "本书为可重排的文本电子书：目录、章节标题、脚注与正文相互链接，阅读顺序与印刷版一致，并标注了印刷版页码。无闪烁、声音或动画等危害。"
        }
        (true, false) => {
            "本书为可重排的文本电子书：目录、章节标题、脚注与正文相互链接，阅读顺序与印刷版一致。无闪烁、声音或动画等危害。"
        }
        (false, true) => {
            "A reflowable text e-book: the table of contents, headings and footnotes are linked, the reading order follows the print edition, and print page numbers are marked. No flashing, sound or motion hazards."
        }
        (false, false) => {
            "A reflowable text e-book: the table of contents, headings and footnotes are linked and the reading order follows the print edition. No flashing, sound or motion hazards."
        }
    };
    meta(x, "schema:accessibilitySummary", None, None, summary);
    meta(x, "dcterms:conformsTo", None, None, CONFORMS_TO);
}

/// A description of the print edition, for books whose ISBN is unknown
/// (`Print edition: 书名, 出版社, 2019-09`).
fn print_edition(m: &crate::model::Metadata) -> String {
    let mut parts = vec![m.title.clone()];
    parts.extend(m.publisher.clone());
    parts.extend(m.date.map(|d| d.to_string()));
    format!("Print edition: {}", parts.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datetimes() {
        for (unix, want) in [
            (0, "1970-01-01T00:00:00Z"),
            (951_782_400, "2000-02-29T00:00:00Z"),
            (1_209_600_000 + 3661, "2008-05-01T01:01:01Z"),
            (1_735_689_599, "2024-12-31T23:59:59Z"),
        ] {
            assert_eq!(w3c_datetime(unix), want, "{unix}");
        }
    }

    #[test]
    fn people_are_split_by_role_and_deduplicated() {
        let person = |name: &str, role: &str| Contributor {
            name: name.into(),
            role: crate::model::Relator::new(role).unwrap(),
            label: None,
            file_as: None,
            affiliation: None,
        };
        let m = Metadata {
            authors: vec![person("甲", "aut")],
            contributors: vec![
                person("甲", "aut"),
                person("乙", "aut"),
                person("丙", "edt"),
                person("丙", "edt"),
                person("丙", "pfr"),
            ],
            ..Metadata::default()
        };
        let (creators, others) = people(&m);
        let names = |v: &[&Contributor]| {
            v.iter()
                .map(|c| format!("{}:{}", c.name, c.role))
                .collect::<Vec<_>>()
        };
        assert_eq!(names(&creators), ["甲:aut", "乙:aut"]);
        assert_eq!(names(&others), ["丙:edt", "丙:pfr"]);
    }

    #[test]
    fn identifier_is_stable_and_depends_on_isbn_and_title() {
        let mut m = Metadata {
            title: "书".into(),
            ..Metadata::default()
        };
        let a = identifier(&m);
        assert_eq!(a, identifier(&m));
        assert!(a.starts_with("urn:uuid:") && a.len() == 45, "{a}");
        m.title = "另一本书".into();
        assert_ne!(a, identifier(&m));
        m.ebook_isbn = Some(crate::model::Isbn {
            digits: "9780999123423".into(),
            printed: "9780999123423".into(),
        });
        assert_eq!(identifier(&m), "urn:isbn:9780999123423");
    }
}
