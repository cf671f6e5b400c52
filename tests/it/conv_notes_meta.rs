//! Expectations for the note and metadata conventions of issue 7, one original fixture each:
//! a Traditional Chinese book with a Taiwan 版權頁 and `註1`/`〔1〕` notes, a Chinese book with
//! `[1]` footnotes (wrapped bodies, a body on the next page) and a 参考文献 section, a Chinese
//! book with chapter endnotes under `注释`, and an English book with a Library of Congress
//! block, a printer's key and superscript-digit endnotes under `Notes`.

use std::fs;
use std::path::Path;

use paiban::model::{Block, Book, Division, DivisionKind, NotePlacement, plain_text};
use paiban::reader::front_matter::read_front_matter;
use paiban::reader::lines::split;
use paiban::reader::{ReadOptions, Relators, decode, read};
use paiban::source::Source;

/// Reads a fixture manuscript (path relative to the crate root).
fn manuscript(rel: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    let bytes = fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    decode(&bytes, None).expect("fixture decodes").text
}

/// Reads a fixture into a book.
fn book(rel: &str) -> Book {
    read(
        &Source::new("input.txt", manuscript(rel)),
        &ReadOptions::default(),
    )
    .book
}

/// Every paragraph's text (with note references left out) in body and back matter.
fn body_text(book: &Book) -> String {
    fn walk(d: &Division, out: &mut String) {
        for b in &d.blocks {
            if let Block::Para(p) = b {
                out.push_str(&p.text());
                out.push('\n');
            }
        }
        for c in &d.children {
            walk(c, out);
        }
    }
    let mut out = String::new();
    for d in book.body.iter().chain(&book.back) {
        walk(d, &mut out);
    }
    out
}

/// What a fixture must yield.
struct Expect {
    title: &'static str,
    authors: &'static [&'static str],
    isbn: &'static str,
    language: &'static str,
    chapters: &'static [&'static str],
    notes: usize,
    placement: NotePlacement,
    rejoined: &'static [&'static str],
    not_in_body: &'static [&'static str],
}

fn check(rel: &str, e: &Expect) {
    let b = book(rel);
    assert_eq!(b.meta.title, e.title, "{rel}: title");
    let authors: Vec<&str> = b.meta.authors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(authors, e.authors, "{rel}: authors");
    assert_eq!(
        b.meta.isbn.as_ref().map(|i| i.digits.as_str()),
        Some(e.isbn),
        "{rel}: isbn"
    );
    assert_eq!(b.meta.language, e.language, "{rel}: language");
    let chapters: Vec<String> = b
        .body
        .iter()
        .filter(|d| d.kind == DivisionKind::Chapter)
        .map(Division::title_text)
        .collect();
    assert_eq!(chapters, e.chapters, "{rel}: chapters");
    assert_eq!(b.notes.len(), e.notes, "{rel}: note count");
    assert!(
        b.notes.iter().all(|n| n.placement == e.placement),
        "{rel}: placements {:?}",
        b.notes.iter().map(|n| n.placement).collect::<Vec<_>>()
    );
    let text = body_text(&b);
    for s in e.rejoined {
        assert!(text.contains(s), "{rel}: body lacks {s:?}\n{text}");
    }
    for s in e.not_in_body {
        assert!(!text.contains(s), "{rel}: body holds {s:?}\n{text}");
    }
}

#[test]
fn taiwan_book_with_zhu_and_tortoise_notes() {
    check(
        "tests/golden/tw-shancheng/input.txt",
        &Expect {
            title: "山城書院記",
            authors: &["陳思遠"],
            isbn: "9789865780012",
            language: "zh-TW",
            chapters: &["書院的興起", "書院的衰落"],
            notes: 4,
            placement: NotePlacement::Footnote,
            rejoined: &["藏書也一年比一年多。到了光緒年間", "集資興建。當時"],
            not_in_body: &["學校志", "碑記推算", "註1", "〔1〕", "改制的經過"],
        },
    );
    let b = book("tests/golden/tw-shancheng/input.txt");
    let m = &b.meta;
    assert_eq!(m.publisher.as_deref(), Some("青山出版社"));
    assert_eq!(m.place.as_deref(), Some("臺北市"));
    assert_eq!(m.print.price.as_deref(), Some("新臺幣 380 元"));
    assert_eq!(m.rights.as_deref(), Some("版權所有・翻印必究"));
    let cip = m.cip.as_ref().expect("Taiwan CIP");
    assert_eq!(cip.subjects, ["書院", "教育史", "臺灣"]);
    assert_eq!(cip.cip_number.as_deref(), Some("111005678"));
    // 發行人 is the publishing director, not an author
    let pbd: Vec<&str> = m
        .contributors
        .iter()
        .filter(|c| c.role.code() == "pbd")
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(pbd, ["林明德"]);
    assert_eq!(m.print_isbns.len(), 1);
    assert_eq!(m.print_isbns[0].label, "平裝");
    let marks: Vec<&str> = b.notes.iter().map(|n| n.mark.as_str()).collect();
    assert_eq!(marks, ["1", "1", "2", "1"]);
}

#[test]
fn bracket_footnotes_and_a_references_section() {
    let rel = "tests/golden/zh-bracket-notes/input.txt";
    check(
        rel,
        &Expect {
            title: "溪口茶事考",
            authors: &["沈青禾"],
            isbn: "9787546920016",
            language: "zh-CN",
            chapters: &["山中茶园", "茶市与茶路"],
            notes: 4,
            placement: NotePlacement::Footnote,
            rejoined: &[
                "每年清明前后，采茶的妇女",
                "炒茶全凭手感，火候差一点",
                "[1] 沈青禾. 溪口访谈录[M].",
                "[2] 林雨. 山区茶业史稿[M].",
                "已有记述[2]。",
            ],
            not_in_body: &["23页", "关于炒制工艺", "许多茶农至今", "祠堂前"],
        },
    );
    let b = book(rel);
    assert_eq!(b.meta.authors[0].role.code(), "edt", "主编 is an editor");
    // the wrapped body and the body carried onto the next page
    assert_eq!(
        b.notes[0].text(),
        "沈青禾：《溪口访谈录》，溪口文史出版社2018年版，第23页。"
    );
    assert_eq!(
        b.notes[2].text(),
        "这是镇上流传最广的一句话，许多茶农至今仍这样教导后辈。"
    );
    let bib = b
        .back
        .iter()
        .find(|d| d.kind == DivisionKind::Bibliography)
        .expect("参考文献 division");
    assert_eq!(bib.blocks.len(), 2, "two bibliography entries");
    // circled digits in the CIP tracings stay there
    let cip = b.meta.cip.as_ref().expect("CIP");
    assert!(cip.tracings.iter().any(|t| t.text.contains("①沈")));
}

#[test]
fn chapter_endnotes_with_bare_circled_markers() {
    let rel = "tests/golden/zh-endnotes/input.txt";
    check(
        rel,
        &Expect {
            title: "江岸小学百年记",
            authors: &["周晚晴", "孟川"],
            isbn: "9787118003017",
            language: "zh-CN",
            chapters: &["建校之初", "战火中的学校"],
            notes: 3,
            placement: NotePlacement::Endnote,
            rejoined: &["创办于一九二一年。最初", "三次迁址，但上课"],
            not_in_body: &["注释", "江城县志", "老照片背面", "口述整理", "①", "②"],
        },
    );
    let b = book(rel);
    assert_eq!(
        b.meta.author_statement.as_deref(),
        Some("周晚晴　孟川　合著")
    );
    assert!(b.back.iter().all(|d| d.kind != DivisionKind::Endnotes));
    // endnotes link within their chapter: chapter 2's ① is its own note
    let refs: Vec<usize> = b.body[1]
        .blocks
        .iter()
        .filter_map(|blk| match blk {
            Block::Para(p) => Some(p.content.iter().filter_map(|i| match i {
                paiban::model::Inline::NoteRef(id) => Some(id.index()),
                _ => None,
            })),
            _ => None,
        })
        .flatten()
        .collect();
    assert_eq!(refs, [2]);
}

/// The English fixture's front matter: the lines before `Chapter 1`.
fn english_front() -> paiban::reader::front_matter::FrontMatter {
    let text = manuscript("tests/golden/en-salt-road/input.txt").replace('\u{c}', "");
    let end = text.find("Chapter 1").expect("fixture has Chapter 1");
    let lines = split(&text[..end]);
    read_front_matter(&lines, &Relators::builtin())
}

#[test]
fn english_copyright_page_with_a_loc_block() {
    let fm = english_front();
    let m = &fm.meta;
    assert_eq!(m.title, "The Salt Road");
    assert_eq!(
        m.subtitle.as_deref(),
        Some("A History of the Inland Ferries")
    );
    assert_eq!(m.authors.len(), 1);
    assert_eq!(m.authors[0].name, "Margaret Harlow");
    assert_eq!(m.authors[0].file_as.as_deref(), Some("Harlow, Margaret"));
    assert_eq!(m.publisher.as_deref(), Some("Millbank Press"));
    assert_eq!(m.place.as_deref(), Some("Riverton"));
    assert_eq!(m.date.map(|d| d.year), Some(2021));
    assert_eq!(m.lccn.as_deref(), Some("2020045123"));
    assert_eq!(
        m.isbn.as_ref().map(|i| i.digits.as_str()),
        Some("9780999123409")
    );
    assert_eq!(
        m.ebook_isbn.as_ref().map(|i| i.digits.as_str()),
        Some("9780999123423")
    );
    let labels: Vec<&str> = m.print_isbns.iter().map(|p| p.label.as_str()).collect();
    assert_eq!(labels, ["hardcover", "paperback"]);
    assert_eq!(m.print.edition.as_deref(), Some("First edition"));
    assert_eq!(m.print.impression.as_deref(), Some("1"), "printer's key");
    assert_eq!(
        m.rights.as_deref(),
        Some("Copyright © 2021 by Margaret Harlow")
    );
    let cip = m.cip.as_ref().expect("LoC record");
    assert_eq!(cip.subjects, ["Ferries—History", "Rivers—History"]);
    // the printer's key is not text anywhere on the copyright page
    let copyright = fm
        .divisions
        .iter()
        .find(|d| d.kind == DivisionKind::CopyrightPage)
        .expect("copyright page");
    let texts: Vec<String> = copyright
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Notice(p) => Some(p.text()),
            Block::Display(d) => Some(plain_text(&d.content)),
            _ => None,
        })
        .collect();
    assert!(texts.iter().all(|t| !t.contains("10 9 8")), "{texts:?}");
    assert!(
        texts.iter().any(|t| t == "All rights reserved."),
        "{texts:?}"
    );
    assert!(fm.diagnostics.is_empty(), "{:?}", fm.diagnostics);
    let names: Vec<&str> = fm.conventions.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "Library of Congress CIP block",
            "printer's key",
            "ISBNs labelled by format (hardcover, paperback, ebook, 平裝)",
            "English copyright lines (Copyright ©, Published by, edition)",
            "`By …` author statement",
        ]
    );
}

#[test]
fn english_book_with_superscript_endnotes() {
    check(
        "tests/golden/en-salt-road/input.txt",
        &Expect {
            title: "The Salt Road",
            authors: &["Margaret Harlow"],
            isbn: "9780999123409",
            language: "en",
            chapters: &["The Crossing at Millford", "The Salt Boats"],
            notes: 4,
            placement: NotePlacement::Endnote,
            rejoined: &["a penny a head. Nobody", "never empty.”"],
            not_in_body: &[
                "folio 12",
                "Harlow family papers",
                "Notes",
                "head.1",
                "empty.”3",
            ],
        },
    );
}

/// A series page before the title page (丛书名, 丛书主编) and an English one.
#[test]
fn series_pages_name_the_series_not_the_author() {
    type Case = (
        &'static str,
        &'static str,
        &'static [&'static str],
        &'static str,
        &'static str,
    );
    let cases: &[Case] = &[
        (
            "河流文化丛书\n丛书主编　王立川\n\n\n渡口的故事\n\n赵小溪　著\n\n江岸教育出版社\n",
            "渡口的故事",
            &["赵小溪"],
            "河流文化丛书",
            "王立川",
        ),
        (
            "Studies in River History Series\nSeries Editor: Anne Lowe\n\n\nTHE SALT ROAD\n\nBy Margaret Harlow\n\nMillbank Press\n",
            "The Salt Road",
            &["Margaret Harlow"],
            "Studies in River History Series",
            "Anne Lowe",
        ),
    ];
    for (text, title, authors, series, editor) in cases {
        let fm = read_front_matter(&split(text), &Relators::builtin());
        let m = &fm.meta;
        assert_eq!(m.title, *title, "{text}");
        let names: Vec<&str> = m.authors.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, *authors, "{text}");
        assert_eq!(
            m.series.first().map(String::as_str),
            Some(*series),
            "{text}"
        );
        let editors: Vec<&str> = m
            .contributors
            .iter()
            .filter(|c| c.role.code() == "edt")
            .map(|c| c.name.as_str())
            .collect();
        assert_eq!(editors, [*editor], "{text}: the series editor is an editor");
    }
}

/// A Taiwan 版權頁 without a CIP block, and an older card-style LoC block.
#[test]
fn taiwan_colophon_alone_and_card_style_loc() {
    let tw = "海港記事\n\n林佳蓉　著\n\n作　　者　林佳蓉\n發 行 人　張大同\n出 版 者　海風文化\nI S B N　978-986-578-001-2\n定　　價　新臺幣 320 元\n版權所有・翻印必究\n";
    let fm = read_front_matter(&split(tw), &Relators::builtin());
    let m = &fm.meta;
    assert_eq!(m.title, "海港記事");
    let authors: Vec<&str> = m.authors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(authors, ["林佳蓉"], "發行人 is not an author");
    assert_eq!(m.publisher.as_deref(), Some("海風文化"));
    assert_eq!(
        m.isbn.as_ref().map(|i| i.digits.as_str()),
        Some("9789865780012")
    );
    assert_eq!(m.print.price.as_deref(), Some("新臺幣 320 元"));
    assert!(
        m.contributors
            .iter()
            .any(|c| c.name == "張大同" && c.role.code() == "pbd")
    );

    let card = "THE SALT ROAD\n\nLibrary of Congress Cataloging-in-Publication Data\nHarlow, Margaret.\nThe salt road / Margaret Harlow. — 1st ed.\np. cm.\nISBN 978-0-9991234-0-9 (hardcover : alk. paper)\nISBN 978-0-9991234-2-3 (e-book)\n1. Ferries—History. 2. Rivers—History. I. Title.\n\n10 9 8 7 6 5 4 3 2\n";
    let fm = read_front_matter(&split(card), &Relators::builtin());
    let m = &fm.meta;
    assert_eq!(m.title, "The Salt Road");
    assert_eq!(m.authors[0].name, "Margaret Harlow");
    assert_eq!(m.authors[0].file_as.as_deref(), Some("Harlow, Margaret"));
    assert_eq!(
        m.isbn.as_ref().map(|i| i.digits.as_str()),
        Some("9780999123409")
    );
    assert_eq!(m.print_isbns[0].label, "hardcover : alk. paper");
    assert_eq!(
        m.ebook_isbn.as_ref().map(|i| i.digits.as_str()),
        Some("9780999123423")
    );
    assert_eq!(m.print.impression.as_deref(), Some("2"));
    let cip = m.cip.as_ref().expect("LoC record");
    assert_eq!(cip.subjects, ["Ferries—History", "Rivers—History"]);
}

/// A Library of Congress record keeps every field it prints — notes (`Includes bibliographical
/// references.`), both LCCNs, the LCC and DDC class numbers — in the model, and the EPUB's
/// copyright page and the Typst project print it as issued, one field per line.
#[test]
fn a_library_of_congress_record_is_printed_as_issued() {
    let book = book("tests/golden/en-salt-road/input.txt");
    let cip = book.meta.cip.clone().expect("a LoC record");
    assert_eq!(cip.notes, ["Includes bibliographical references."]);
    assert_eq!(
        cip.control_numbers,
        ["LCCN 2020045123 (print)", "LCCN 2020045124 (ebook)"]
    );
    assert_eq!(
        cip.class_numbers,
        ["LCC HE5781 .H37 2021 (print)", "DDC 386/.6—dc23"]
    );
    let rendered =
        paiban::writer::epub::render(&book, &paiban::writer::epub::EpubOptions::default()).unwrap();
    let page = String::from_utf8(
        rendered
            .file("EPUB/copyright.xhtml")
            .expect("a copyright page")
            .to_vec(),
    )
    .unwrap();
    let typst = paiban::writer::typst::write_typst(&book, &Default::default());
    let main = typst
        .files
        .iter()
        .find(|(p, _)| p == "main.typ")
        .map(|(_, b)| String::from_utf8(b.clone()).unwrap())
        .expect("main.typ");
    for field in [
        "Names: Harlow, Margaret, author.",
        "Description: First edition. | Riverton : Millbank Press, 2021. | Includes bibliographical references.",
        "Identifiers: LCCN 2020045123 (print) | LCCN 2020045124 (ebook) |",
        "Classification: LCC HE5781 .H37 2021 (print) | DDC 386/.6—dc23",
        "LC record available at https://lccn.loc.gov/2020045123",
    ] {
        assert!(
            page.contains(&format!("<p class=\"cip-field\">{field}")),
            "{field}\n{page}"
        );
        // Typst markup escapes `/` and a `2021.` that would start a list
        let unescaped = main.replace('\\', "");
        assert!(unescaped.contains(&format!("[{field}")), "{field}\n{main}");
    }
    assert!(main.contains("style: \"loc\""), "{main}");
}

/// A card-style record: its second LCCN and its class numbers are kept, and a line no field
/// was read from is reported on its line — and still printed.
#[test]
fn a_card_records_unread_line_is_reported_not_dropped() {
    let card = "THE SALT ROAD\n\nLibrary of Congress Cataloging-in-Publication Data\nHarlow, Margaret.\nThe salt road / Margaret Harlow. — 1st ed.\np. cm.\nIncludes index.\nISBN 978-0-9991234-0-9 (hardcover : alk. paper)\n1. Ferries—History. I. Title.\nFerry crossings of the Salt River\nHE5781 .H37 2021\n386/.6—dc22          2020045123\n2020045124\n\n10 9 8 7 6 5 4 3 2\n";
    let fm = read_front_matter(&split(card), &Relators::builtin());
    let cip = fm.meta.cip.as_ref().expect("LoC record");
    assert_eq!(cip.notes, ["Includes index."]);
    assert_eq!(cip.extent.as_deref(), Some("p. cm."));
    assert_eq!(cip.class_numbers, ["HE5781 .H37 2021", "386/.6—dc22"]);
    assert_eq!(cip.control_numbers, ["2020045123", "2020045124"]);
    assert_eq!(fm.meta.lccn.as_deref(), Some("2020045123"));
    assert!(
        cip.issued
            .iter()
            .any(|f| f == "Ferry crossings of the Salt River"),
        "{:?}",
        cip.issued
    );
    let unread: Vec<(String, usize)> = fm
        .diagnostics
        .iter()
        .filter(|d| d.code == paiban::diag::Code::CipLineUnread)
        .map(|d| (d.code.as_str().to_string(), d.span.line))
        .collect();
    assert_eq!(unread, [("P0206".to_string(), 10)]);
}

/// `[Transcriber's Note: …]` is kept as a block of its own under its label: in the EPUB an
/// aside every reading system shows (no footnote link calls it), without a warning; in the
/// Typst project a paragraph on the page where it stands — never dropped, never numbered.
#[test]
fn a_transcribers_note_is_its_own_labelled_block() {
    for (case, text) in [
        (
            "tests/golden/pg-letters/input.txt",
            "Obvious misprints have been silently corrected.",
        ),
        (
            "tests/golden/en-gutenberg-notes/input.txt",
            "has been kept throughout.",
        ),
    ] {
        let book = book(case);
        let tn = book
            .notes
            .iter()
            .find(|n| n.is_transcribers())
            .expect("a transcriber's note");
        assert!(plain_text(&tn.content).contains(text), "{case}");
        let rendered =
            paiban::writer::epub::render(&book, &paiban::writer::epub::EpubOptions::default())
                .unwrap();
        assert!(
            !rendered
                .diagnostics
                .iter()
                .any(|d| d.code == paiban::diag::Code::NoteUnreferenced),
            "{case}: {:?}",
            rendered.diagnostics
        );
        let pages: Vec<String> = rendered
            .files
            .iter()
            .filter(|(p, _)| p.ends_with(".xhtml"))
            .map(|(_, b)| String::from_utf8(b.clone()).unwrap())
            .filter(|x| x.contains(text))
            .collect();
        assert_eq!(pages.len(), 1, "{case}: the note is printed once");
        let aside = pages[0]
            .split("<aside ")
            .find(|a| a.contains(text))
            .unwrap();
        assert!(
            aside.contains("class=\"transcriber-note\" role=\"note\">")
                && !aside.contains("epub:type")
                && aside.contains("<span class=\"note-label\">Transcriber’s note:</span> "),
            "{case}: {aside}"
        );
        let typst = paiban::writer::typst::write_typst(&book, &Default::default());
        let main = typst
            .files
            .iter()
            .find(|(p, _)| p == "main.typ")
            .map(|(_, b)| String::from_utf8(b.clone()).unwrap())
            .unwrap();
        let line = main
            .lines()
            .find(|l| l.contains(text))
            .unwrap_or_else(|| panic!("{case}: the note is in main.typ\n{main}"));
        assert!(
            line.starts_with("#emph[Transcriber’s note: ]") && !line.contains("#footnote"),
            "{case}: {line}"
        );
    }
}
