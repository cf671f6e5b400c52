//! The Typst project as files: template, fonts note, page size (its golden `main.typ`: golden.rs).

use crate::support::typst_fixture::*;
use paiban::model::TrimSize;
use paiban::writer::typst::{CJK_SERIF_FONTS, DEFAULT_TEMPLATE, TypstOptions, write_typst};

fn text(project: &paiban::writer::Output, name: &str) -> String {
    String::from_utf8(
        project
            .file(name)
            .unwrap_or_else(|| panic!("{name} missing"))
            .to_vec(),
    )
    .unwrap()
}

#[test]
fn project_has_content_template_and_fonts_note() {
    let project = write_typst(&chinese_book(), &TypstOptions::default());
    let names: Vec<&str> = project.files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["main.typ", "book.typ", "FONTS.md"]);
    assert_eq!(text(&project, "book.typ"), DEFAULT_TEMPLATE);
    let fonts = text(&project, "FONTS.md");
    for f in CJK_SERIF_FONTS {
        assert!(fonts.contains(f), "FONTS.md does not name {f}");
        assert!(
            DEFAULT_TEMPLATE.contains(f),
            "book.typ fallback list lacks {f}"
        );
    }
    assert!(fonts.contains("typst compile main.typ"));
    let main = text(&project, "main.typ");
    assert!(main.starts_with("// "));
    assert!(main.contains("#import \"book.typ\": *"));
    // Content only: no set or show rules of its own beyond applying the template.
    assert!(!main.contains("#set "), "main.typ sets styles");
    assert_eq!(
        main.matches("#show:").count(),
        2,
        "book and main-matter only"
    );
}

#[test]
fn front_matter_in_print_order_then_body() {
    let mut book = chinese_book();
    book.front.reverse();
    let main = text(&write_typst(&book, &TypstOptions::default()), "main.typ");
    let order = [
        "#half-title[",
        "#title-page[",
        "#copyright-page[",
        "#front-division[序]",
        "内容提要]",
        "#contents[目录]",
        "#show: main-matter",
        "#chapter(label: [第一章])[导论]",
        "#chapter(label: [第二章], notes: [#footnote[",
        "#section(level: 2, label: [（一）])[街道议事厅]",
        "#chapter[参考文献]",
        "#chapter[后记]",
    ];
    let mut at = 0;
    for needle in order {
        let pos = main[at..]
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} missing or out of order"));
        at += pos + needle.len();
    }
}

#[test]
fn page_size_from_trim_or_a5() {
    /// (book trim in mm, bleed in mm, two lines expected in the `book.with` call)
    type Row = (Option<(f32, f32)>, f32, &'static str, &'static str);
    let table: &[Row] = &[
        (Some((160.0, 230.0)), 0.0, "width: 160mm,", "height: 230mm,"),
        (None, 0.0, "width: 148mm,", "height: 210mm,"),
        (
            Some((185.5, 260.0)),
            0.0,
            "width: 185.5mm,",
            "height: 260mm,",
        ),
        (Some((0.0, 230.0)), 0.0, "width: 148mm,", "height: 210mm,"),
        (Some((160.0, 230.0)), 3.0, "width: 160mm,", "bleed: 3mm,"),
    ];
    for (trim, bleed, w, h) in table {
        let mut book = chinese_book();
        book.meta.trim = trim.map(|(w, h)| TrimSize {
            width_mm: w,
            height_mm: h,
        });
        let opts = TypstOptions {
            bleed_mm: *bleed,
            ..TypstOptions::default()
        };
        let main = text(&write_typst(&book, &opts), "main.typ");
        assert!(
            main.contains(w) && main.contains(h),
            "{trim:?} {bleed}: {w} {h}"
        );
    }
}

#[test]
fn template_option_replaces_book_typ() {
    let opts = TypstOptions {
        template: Some("// my design\n".into()),
        ..TypstOptions::default()
    };
    let project = write_typst(&chinese_book(), &opts);
    assert_eq!(text(&project, "book.typ"), "// my design\n");
    assert!(text(&project, "main.typ").contains("#import \"book.typ\": *"));
}

#[test]
fn every_note_becomes_one_footnote() {
    let book = chinese_book();
    let main = text(&write_typst(&book, &TypstOptions::default()), "main.typ");
    assert_eq!(main.matches("#footnote[").count(), book.notes.len());
    // The abstract's kicker carries its note.
    assert!(main.contains("#front-division(kicker: [城乡社区协商治理研究#footnote[本书为"));
}
