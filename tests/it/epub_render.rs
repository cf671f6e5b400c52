//! Checks the rendered EPUB files of the fixture book: well-formed XML, unique ids, resolving
//! links, per-chapter note numbering, escaping, nav/NCX/OPF contents.

use crate::support;

use std::collections::{HashMap, HashSet};

use crate::support::xmlcheck::{Parsed, parse};
use paiban::model::{Block, Book, Inline};
use paiban::writer::Output as Rendered;
use paiban::writer::epub::{EpubOptions, NoteStyle, render};

fn rendered(book: &Book) -> Rendered {
    render(book, &EpubOptions::default()).expect("renders")
}

fn text_of(r: &Rendered, path: &str) -> String {
    String::from_utf8(r.file(path).unwrap_or_else(|| panic!("no {path}")).to_vec()).unwrap()
}

fn parsed(r: &Rendered) -> HashMap<String, Parsed> {
    r.files
        .iter()
        .filter(|(p, _)| p.ends_with(".xhtml") || p.ends_with(".opf") || p.ends_with(".ncx"))
        .map(|(p, b)| (p.clone(), parse(b).unwrap_or_else(|e| panic!("{p}: {e}"))))
        .collect()
}

#[test]
fn every_document_is_well_formed_with_unique_ids() {
    let r = rendered(&support::fixture_book());
    let docs = parsed(&r);
    assert!(docs.len() >= 13, "{:?}", docs.keys());
    for (path, p) in &docs {
        let mut seen = HashSet::new();
        for id in &p.ids {
            assert!(seen.insert(id), "{path}: duplicate id {id}");
        }
    }
    // Note and page ids are unique across the whole book, not only per file.
    let mut all = HashSet::new();
    for (path, p) in docs
        .iter()
        .filter(|(p, _)| p.ends_with(".xhtml") && !p.ends_with("nav.xhtml"))
    {
        for id in p
            .ids
            .iter()
            .filter(|i| i.contains("note") || i.starts_with("page-"))
        {
            assert!(
                all.insert(id.clone()),
                "{path}: {id} also used in another file"
            );
        }
    }
}

#[test]
fn every_internal_link_resolves() {
    let r = rendered(&support::fixture_book());
    let docs = parsed(&r);
    let mut checked = 0;
    for (path, p) in docs.iter().filter(|(p, _)| p.ends_with(".xhtml")) {
        for link in &p.links {
            let (file, frag) = link.split_once('#').unwrap_or((link, ""));
            let target = if file.is_empty() {
                path.clone()
            } else {
                format!("EPUB/{file}")
            };
            assert!(
                r.file(&target).is_some(),
                "{path}: link {link} to a missing file"
            );
            if !frag.is_empty() {
                let t = &docs[&target];
                assert!(
                    t.ids.iter().any(|i| i == frag),
                    "{path}: link {link}: no such id"
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 40, "only {checked} links checked");
}

#[test]
fn notes_are_renumbered_per_file_and_live_where_referenced() {
    let r = rendered(&support::fixture_book());
    let ch1 = text_of(&r, "EPUB/chapter-1.xhtml");
    let ch2 = text_of(&r, "EPUB/chapter-2.xhtml");
    let abs = text_of(&r, "EPUB/abstract.xhtml");
    for (doc, n) in [(&ch1, 2), (&ch2, 3), (&abs, 1)] {
        assert_eq!(doc.matches("epub:type=\"footnote\"").count(), n, "{doc}");
        assert_eq!(doc.matches("role=\"doc-noteref\"").count(), n);
    }
    assert!(ch1.contains(r##"<a id="chapter-1-noteref-2" href="#chapter-1-note-2" class="noteref" epub:type="noteref" role="doc-noteref">②</a>"##), "{ch1}");
    assert!(ch2.contains(">③</a> 借阅登记簿现存县档案馆。</p>"), "{ch2}");
    assert!(
        abs.contains(
            "<p class=\"kicker\">乡村图书馆的兴起与流<span class=\"nowrap\">变<a id=\"abstract-noteref-1\""
        ),
        "{abs}"
    );
    assert!(abs.contains("青川省社会科学基金项目"));
    // No line starts with a note reference: each is bound in one unbreakable span to the
    // character before it, and the text carries no word joiner.
    for doc in [&ch1, &ch2, &abs] {
        let refs = doc.matches("class=\"noteref\"").count();
        let bound = doc
            .split("<span class=\"nowrap\">")
            .skip(1)
            .filter(|piece| {
                let (glued, rest) = piece.split_once('<').unwrap_or((piece, ""));
                !glued.is_empty()
                    && !glued.contains(char::is_whitespace)
                    && rest.starts_with("a ")
                    && rest
                        .split("</span>")
                        .next()
                        .unwrap()
                        .contains("class=\"noteref\"")
            })
            .count();
        assert_eq!(bound, refs, "{doc}");
        assert!(!doc.contains('\u{2060}'), "{doc}");
    }
    assert!(!ch1.contains("青川省社会科学基金项目"));
    // The note in the chapter-2 heading comes first in that file.
    assert!(
        ch2.contains("书屋的由<span class=\"nowrap\">来<a id=\"chapter-2-noteref-1\""),
        "{ch2}"
    );
}

#[test]
fn decimal_style_on_request_and_for_a_book_printing_arabic_marks() {
    let mut book = support::fixture_book();
    let r = render(
        &book,
        &EpubOptions {
            note_style: Some(NoteStyle::Decimal),
            ..Default::default()
        },
    )
    .unwrap();
    assert!(text_of(&r, "EPUB/chapter-2.xhtml").contains("role=\"doc-noteref\">3</a>"));
    // an English book printing arabic marks: numbered as it prints them
    book.meta.language = paiban::model::LanguageTag::known("en");
    for (i, n) in book.notes.iter_mut().enumerate() {
        n.mark = (i + 1).to_string();
    }
    let r = rendered(&book);
    let ch2 = text_of(&r, "EPUB/chapter-2.xhtml");
    assert!(ch2.contains("lang=\"en\""));
    // numbered through the book, and so kept: chapter 2 goes on from chapter 1's count
    assert_eq!(noteref_marks(&ch2), ["4", "5", "6"]);
}

#[test]
fn markup_in_text_is_escaped() {
    let mut book = support::fixture_book();
    let evil = "A & B < C > D \"q\" 'a' </p><script>alert(1)</script>";
    if let Block::Para(p) = &mut book.body[0].blocks[3] {
        p.content = vec![Inline::Text(evil.into())];
    }
    book.body[0].title = vec![Inline::Text("<b>引言</b> & 问题".into())];
    book.meta.title = "书名 & <i>".into();
    let r = rendered(&book);
    let raw = text_of(&r, "EPUB/chapter-1.xhtml");
    assert!(!raw.contains("<script>") && !raw.contains("<b>"), "{raw}");
    assert!(
        raw.contains(
            "A &amp; B &lt; C &gt; D &quot;q&quot; &apos;a&apos; &lt;/p&gt;&lt;script&gt;"
        ),
        "{raw}"
    );
    let p = parse(raw.as_bytes()).unwrap();
    assert!(p.text.contains(evil));
    assert!(!p.elements.iter().any(|e| e == "script" || e == "b"));
    for path in [
        "EPUB/content.opf",
        "EPUB/toc.ncx",
        "EPUB/nav.xhtml",
        "EPUB/cover.xhtml",
    ] {
        let doc = parse(r.file(path).unwrap()).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert!(!doc.elements.iter().any(|e| e == "i" || e == "b"), "{path}");
    }
}

#[test]
fn nav_has_labelled_toc_landmarks_and_page_list() {
    let r = rendered(&support::fixture_book());
    let nav = text_of(&r, "EPUB/nav.xhtml");
    assert!(nav.contains("<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" lang=\"zh-CN\" xml:lang=\"zh-CN\">"));
    assert!(nav.contains("<a href=\"chapter-1.xhtml\">第一章 引言</a>"));
    assert!(nav.contains("<a href=\"chapter-2.xhtml#chapter-2-section-2\">（二）借阅规则</a>"));
    for t in [
        "cover",
        "titlepage",
        "copyright-page",
        "toc",
        "bodymatter",
        "preface",
        "bibliography",
    ] {
        assert!(
            nav.contains(&format!("epub:type=\"{t}\" href=")),
            "landmark {t}"
        );
    }
    assert!(nav.contains("<a href=\"chapter-2.xhtml#page-4\">4</a>"));
    assert!(nav.contains("<a href=\"preface.xhtml#page-ii\">ii</a>"));
    let opf = text_of(&r, "EPUB/content.opf");
    assert!(opf.contains("<meta property=\"schema:accessibilityFeature\">printPageNumbers</meta>"));
    assert!(opf.contains("<dc:source id=\"meta-print-source\">urn:isbn:9787541120268</dc:source>"));
    // Without printed page numbers there is no page-list and no page claims.
    let mut book = support::fixture_book();
    strip_pages(&mut book);
    let r = rendered(&book);
    assert!(!text_of(&r, "EPUB/nav.xhtml").contains("page-list"));
    assert!(!text_of(&r, "EPUB/content.opf").contains("printPageNumbers"));
}

fn strip_pages(book: &mut Book) {
    fn blocks(bs: &mut [Block]) {
        for b in bs {
            if let Block::Para(p) = b {
                p.content.retain(|i| !matches!(i, Inline::PageBreak(_)));
            }
        }
    }
    for d in book
        .front
        .iter_mut()
        .chain(&mut book.body)
        .chain(&mut book.back)
    {
        blocks(&mut d.blocks);
        for c in &mut d.children {
            blocks(&mut c.blocks);
        }
    }
}

#[test]
fn visible_contents_page_links_divisions_without_page_numbers() {
    let r = rendered(&support::fixture_book());
    let c = text_of(&r, "EPUB/contents.xhtml");
    assert!(c.contains("epub:type=\"toc\" role=\"doc-toc\""));
    assert!(c.contains("<h1 id=\"contents-title\">目录</h1>"));
    assert!(c.contains("<a href=\"chapter-1.xhtml\">第一章 引言</a>"));
    assert!(c.contains("<a href=\"afterword.xhtml\">后记</a>"));
    // Printed entries without a body (第三章) and printed page numbers are not shown.
    assert!(!c.contains("第三章") && !c.contains(">21<"), "{c}");
    // Pages before the contents are not listed on it.
    assert!(!c.contains("titlepage.xhtml"));
}

#[test]
fn opf_and_ncx_agree_on_the_identifier() {
    let r = rendered(&support::fixture_book());
    let opf = text_of(&r, "EPUB/content.opf");
    let ncx = text_of(&r, "EPUB/toc.ncx");
    let start = opf.find("urn:uuid:").unwrap();
    let uid = &opf[start..start + 45];
    assert!(
        ncx.contains(&format!("<meta name=\"dtb:uid\" content=\"{uid}\"/>")),
        "{ncx}"
    );
    assert!(opf.contains("<meta refines=\"#meta-contributor-1\" property=\"role\" scheme=\"marc:relators\">edt</meta>"));
    assert!(opf.contains("property=\"alternate-script\" xml:lang=\"zh-Latn-pinyin\">Xiangcun"));
    assert!(opf.contains("<dc:date>2011-09</dc:date>"));
    assert_eq!(
        opf.matches("林晓舟</dc:").count(),
        1,
        "one creator, no duplicate contributor"
    );
    assert!(opf.contains("<dc:subject>公共文化服务</dc:subject>"));
    assert!(opf.contains(
        "<meta property=\"dcterms:conformsTo\">EPUB Accessibility 1.1 - WCAG 2.2 Level AA</meta>"
    ));
}

#[test]
fn front_matter_pages_have_their_semantics() {
    let r = rendered(&support::fixture_book());
    let tp = text_of(&r, "EPUB/titlepage.xhtml");
    assert!(tp.contains("epub:type=\"titlepage\""));
    assert!(tp.contains("<h1 class=\"display title\">乡村图书馆的兴起与流变</h1>"));
    // The pinyin title is a Latin run too, set in the Latin serif.
    assert!(tp.contains(
        "lang=\"zh-Latn-pinyin\" xml:lang=\"zh-Latn-pinyin\"><span class=\"latin\">Xiangcun"
    ));
    let cp = text_of(&r, "EPUB/copyright.xhtml");
    assert!(cp.contains("epub:type=\"copyright-page\""));
    assert!(cp.contains(
        "<p class=\"cip-heading\">图书在版编目<span class=\"latin\">(CIP)</span>数据</p>"
    ));
    assert!(cp.contains("<tr><th scope=\"row\">责任编辑</th><td>周明远</td></tr>"));
    assert!(cp.contains("<p class=\"notice\">版权所有·侵权必究</p>"));
    let pf = text_of(&r, "EPUB/preface.xhtml");
    assert!(pf.contains("role=\"doc-preface\""));
    assert!(pf.contains("<p class=\"signature\">北方大学教授　顾清泉</p>"));
    assert!(pf.contains("<p class=\"dateline\">2011年6月</p>"));
    assert!(
        text_of(&r, "EPUB/abstract.xhtml").contains("epub:type=\"abstract\" role=\"doc-abstract\"")
    );
    assert!(
        text_of(&r, "EPUB/bibliography.xhtml")
            .contains("epub:type=\"bibliography\" role=\"doc-bibliography\"")
    );
    assert!(text_of(&r, "EPUB/cover.xhtml").contains("<p class=\"cover-author\">林晓舟 等著</p>"));
}

#[test]
fn unreferenced_notes_are_kept_and_the_writer_leaves_the_warning_to_the_reader() {
    let mut book = support::fixture_book();
    if let Block::Para(p) = &mut book.body[0].blocks[1] {
        p.content.retain(|i| !matches!(i, Inline::NoteRef(_)));
    }
    // the model names the note, the reader reports it; the writer only prints it
    assert_eq!(book.unreferenced_notes().len(), 1);
    let r = rendered(&book);
    assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    let ch1 = text_of(&r, "EPUB/chapter-1.xhtml");
    assert!(
        ch1.contains("<span class=\"note-mark\">②</span> 访谈记录"),
        "{ch1}"
    );
}

#[test]
fn an_empty_book_still_gives_valid_documents() {
    let r = rendered(&Book::default());
    for (path, bytes) in r.files.iter().filter(|(p, _)| !p.ends_with(".css")) {
        parse(bytes).unwrap_or_else(|e| panic!("{path}: {e}"));
    }
    let opf = text_of(&r, "EPUB/content.opf");
    assert!(
        opf.contains("<dc:title id=\"meta-title\">Untitled</dc:title>"),
        "{opf}"
    );
    assert!(opf.contains("<dc:language>und</dc:language>"));
    assert!(
        text_of(&r, "EPUB/nav.xhtml")
            .contains("<li class=\"toc-contents\"><a href=\"contents.xhtml\">Contents</a></li>")
    );
}

#[test]
fn parts_get_their_own_files_and_nest_their_chapters_in_the_nav() {
    use paiban::model::{Division, DivisionKind};
    let mut book = support::fixture_book();
    let chapters = std::mem::take(&mut book.body);
    let mut part = Division::new(DivisionKind::Part, "part-1", 50);
    part.label = Some("第一编".into());
    part.title = vec![Inline::Text("历史".into())];
    part.children = chapters;
    book.body = vec![part];
    let r = rendered(&book);
    let docs = parsed(&r);
    let p = text_of(&r, "EPUB/part-1.xhtml");
    assert!(p.contains("epub:type=\"part\" role=\"doc-part\""));
    assert!(
        !p.contains("chapter-1-title"),
        "chapters are not inlined in the part file"
    );
    assert!(docs.contains_key("EPUB/chapter-2.xhtml"));
    let nav = text_of(&r, "EPUB/nav.xhtml");
    let part_at = nav.find("第一编 历史").unwrap();
    let ch_at = nav.find("第一章 引言").unwrap();
    let nested = &nav[part_at..ch_at];
    assert!(
        nested.contains("<ol>"),
        "chapters nest under the part: {nav}"
    );
    assert!(text_of(&r, "EPUB/toc.ncx").contains("<meta name=\"dtb:depth\" content=\"3\"/>"));
    let opf = text_of(&r, "EPUB/content.opf");
    let spine: Vec<_> = opf.lines().filter(|l| l.starts_with("<itemref")).collect();
    assert_eq!(
        spine[6..9],
        [
            "<itemref idref=\"part-1\"/>",
            "<itemref idref=\"chapter-1\"/>",
            "<itemref idref=\"chapter-2\"/>"
        ]
    );
}

/// The texts of a file's note references, in order.
fn noteref_marks(doc: &str) -> Vec<String> {
    doc.split("role=\"doc-noteref\">")
        .skip(1)
        .map(|s| s.split('<').next().unwrap().to_string())
        .collect()
}

#[test]
fn arabic_marks_that_rise_in_each_chapter_are_printed_as_the_book_numbered_them() {
    // the book numbered its notes through the book, 2, 4, 6 … (as if every other note had been
    // lost in extraction): both writers print those numbers, not 1, 2, 3 per chapter
    let mut book = support::fixture_book();
    for (i, n) in book.notes.iter_mut().enumerate() {
        n.mark = (2 * (i + 1)).to_string();
    }
    let r = rendered(&book);
    let ch2 = noteref_marks(&text_of(&r, "EPUB/chapter-2.xhtml"));
    assert_eq!(ch2.len(), 3);
    assert!(
        ch2.iter()
            .all(|m| m.parse::<usize>().is_ok_and(|k| k % 2 == 0))
            && ch2
                .windows(2)
                .all(|w| w[0].parse::<usize>().unwrap() < w[1].parse().unwrap())
            && ch2[0] != "2",
        "{ch2:?}"
    );
    let main =
        paiban::writer::typst::write_typst(&book, &paiban::writer::typst::TypstOptions::default())
            .files
            .into_iter()
            .find(|(p, _)| p == "main.typ")
            .map(|(_, b)| String::from_utf8(b).unwrap())
            .unwrap();
    let first = ch2[0].parse::<usize>().unwrap();
    assert!(
        main.contains(&format!(
            "#counter(footnote).update({})#footnote[",
            first - 1
        )),
        "{main}"
    );
    // marks that restart on each page (1, 1, 1) are numbered by the file, 1, 2, 3
    for n in &mut book.notes {
        n.mark = "1".into();
    }
    let r = rendered(&book);
    assert_eq!(
        noteref_marks(&text_of(&r, "EPUB/chapter-2.xhtml")),
        ["1", "2", "3"]
    );
}

#[test]
fn a_book_without_a_title_is_untitled_in_its_own_script() {
    let mut book = support::fixture_book();
    book.meta.title = String::new();
    for (lang, want) in [("zh-TW", "無題"), ("zh-CN", "无题"), ("en", "Untitled")] {
        book.meta.language = paiban::model::LanguageTag::known(lang);
        let opf = text_of(&rendered(&book), "EPUB/content.opf");
        assert!(
            opf.contains(&format!(">{want}</dc:title>")),
            "{lang}: {opf}"
        );
    }
}
