//! Broken structure (残缺结构): what the reader cannot match is kept and reported, never dropped —
//! orphan markers and notes, untitled chapters, contents without a body, huge inputs.

use paiban::diag::{
    Code, Diagnostic, Severity, SourceFile, Sources, Style, render_all, render_one,
};
use paiban::model::{Block, Book, Division, plain_text};
use paiban::reader::{self, ReadOptions, Reading};
use paiban::source::Source;
use paiban::writer::typst::{TypstOptions, write_typst};

fn read(text: &str) -> Reading {
    reader::read(
        &Source::new("t.txt", text.to_string()),
        &ReadOptions::default(),
    )
}

/// Warnings as `warning: line N: message`.
fn warnings(diags: &[Diagnostic]) -> Vec<String> {
    diags
        .iter()
        .filter(|d| d.severity >= Severity::Warning)
        .map(|d| d.to_string())
        .collect()
}

fn block_text(b: &Block) -> String {
    match b {
        Block::Para(p) => plain_text(&p.content),
        Block::Display(d) => plain_text(&d.content),
        _ => String::new(),
    }
}

fn division_text(d: &Division, out: &mut String) {
    out.push_str(&plain_text(&d.title));
    out.push('\n');
    for b in &d.blocks {
        out.push_str(&block_text(b));
        out.push('\n');
    }
    for c in &d.children {
        division_text(c, out);
    }
}

/// All text of the book's divisions (titles and paragraphs), one line each.
fn body_text(book: &Book) -> String {
    let mut s = String::new();
    for d in book.front.iter().chain(&book.body).chain(&book.back) {
        division_text(d, &mut s);
    }
    s
}

fn typst_main(book: &Book) -> String {
    let project = write_typst(
        book,
        &TypstOptions {
            template: None,
            bleed_mm: 0.0,
            fonts: Vec::new(),
        },
    );
    let (_, bytes) = project
        .files
        .into_iter()
        .find(|(n, _)| n == "main.typ")
        .unwrap();
    // Less the box binding a Chinese paragraph's last two characters (孤字): the tests look for
    // the text as typed.
    crate::support::typst_text(&String::from_utf8(bytes).unwrap())
}

#[test]
fn a_marker_without_its_note_is_kept_as_text_and_reported() {
    let r = read("第一章\n\n起点\n\n这一段有一个标记^①，但这一页没有注释。\n\n另一段正文。\n");
    assert_eq!(
        warnings(&r.diagnostics),
        ["warning[P0503]: line 5: marker ① has no note ① at the foot of its page"]
    );
    assert!(r.book.notes.is_empty());
    assert!(body_text(&r.book).contains("这一段有一个标记①，但这一页没有注释。"));
    assert!(typst_main(&r.book).contains("这一段有一个标记①，但这一页没有注释。"));
}

#[test]
fn a_note_without_a_marker_is_kept_and_reported() {
    let r =
        read("第一章\n\n起点\n\n这一段没有任何标记。\n\n^① 一条没有标记的注释。\n\n下一段正文。\n");
    assert_eq!(
        warnings(&r.diagnostics),
        ["warning[P0502]: line 7: note ① has no marker ① before it on its page"]
    );
    assert_eq!(r.book.notes.len(), 1);
    assert_eq!(r.book.notes[0].text(), "一条没有标记的注释。");
    assert_eq!(r.book.notes[0].line, 7);
    let text = body_text(&r.book);
    assert!(text.contains("这一段没有任何标记。") && text.contains("下一段正文。"));
}

#[test]
fn a_note_pushed_to_the_next_page_is_matched_and_reported_as_a_convention() {
    // The note body sits at the top of the next printed page: linked, and said so in inspect.
    let r = read("第一章\n\n起点\n\n标记在这一页^①。\n\u{c}^① 注释在下一页。\n\n正文继续。\n");
    assert_eq!(warnings(&r.diagnostics), Vec::<String>::new());
    let found: Vec<(String, usize)> = r
        .conventions
        .iter()
        .map(|c| (c.name.clone(), c.line))
        .filter(|(n, _)| n.contains("next page"))
        .collect();
    assert_eq!(
        found,
        [(
            "a note body set at the foot of the next page".to_string(),
            6
        )]
    );
    assert_eq!(r.book.notes.len(), 1);
    assert_eq!(r.book.notes[0].text(), "注释在下一页。");
    let Block::Para(p) = &r.book.body[0].blocks[0] else {
        panic!("a paragraph")
    };
    assert!(
        p.content
            .contains(&paiban::model::Inline::NoteRef(r.book.notes[0].id))
    );
    let text = body_text(&r.book);
    assert!(text.contains("标记在这一页。") && text.contains("正文继续。"));
}

#[test]
fn a_chapter_without_a_title_line_keeps_its_label_and_text() {
    let r = read("第一章\n\n这是第一章的正文，没有标题行。\n\n第二章\n\n桥梁\n\n第二章的正文。\n");
    assert_eq!(
        warnings(&r.diagnostics),
        ["warning[P0301]: line 1: chapter label 第一章 has no title line after it"]
    );
    assert_eq!(r.book.body.len(), 2);
    assert_eq!(r.book.body[0].label.as_deref(), Some("第一章"));
    assert!(r.book.body[0].title.is_empty());
    assert_eq!(
        block_text(&r.book.body[0].blocks[0]),
        "这是第一章的正文，没有标题行。"
    );
    assert_eq!(plain_text(&r.book.body[1].title), "桥梁");
    let main = typst_main(&r.book);
    assert!(main.contains("#chapter(label: [第一章])[]"), "{main}");
    assert!(main.contains("这是第一章的正文，没有标题行。"));
}

#[test]
fn a_printed_contents_without_a_body_is_kept_and_each_entry_reported() {
    let r = read("书名\n\n目 录\n\n第一章 起点\t1\n第二章 桥梁\t9\n后记\t20\n");
    assert_eq!(
        warnings(&r.diagnostics),
        [
            "warning[P0403]: line 5: the printed contents lists 第一章 起点 (p. 1) but the body has no such chapter",
            "warning[P0403]: line 6: the printed contents lists 第二章 桥梁 (p. 9) but the body has no such chapter",
            "warning[P0403]: line 7: the printed contents lists 后记 (p. 20) but the book has no such division",
        ]
    );
    assert!(r.book.body.is_empty());
    let contents = r
        .book
        .front
        .iter()
        .flat_map(|d| &d.blocks)
        .find_map(|b| match b {
            Block::Contents(entries) => Some(entries.len()),
            _ => None,
        });
    assert_eq!(contents, Some(3));
}

#[test]
fn a_body_without_printed_contents_reads_cleanly() {
    let r = read("书名\n\n第一章\n\n起点\n\n正文一。\n\n第二章\n\n桥梁\n\n正文二。\n");
    assert_eq!(warnings(&r.diagnostics), Vec::<String>::new());
    let titles: Vec<String> = r.book.body.iter().map(|d| d.title_text()).collect();
    assert_eq!(titles, ["起点", "桥梁"]);
    assert!(body_text(&r.book).contains("正文二。"));
}

#[test]
fn a_manuscript_of_only_notes_keeps_every_note() {
    let r = read("^① 第一条注释。\n\n^② 第二条注释。\n\n^③ 第三条注释。\n");
    assert_eq!(
        warnings(&r.diagnostics),
        [
            "warning[P0502]: line 1: note ① has no marker ① before it on its page",
            "warning[P0304]: line 1: the manuscript has notes but no division to hold them; they are kept as 注释 (notes)",
            "warning[P0502]: line 3: note ② has no marker ② before it on its page",
            "warning[P0502]: line 5: note ③ has no marker ③ before it on its page",
        ]
    );
    let notes: Vec<String> = r.book.notes.iter().map(|n| n.text()).collect();
    assert_eq!(notes, ["第一条注释。", "第二条注释。", "第三条注释。"]);
    // Both writers keep every note: the Typst project as footnotes, the EPUB as asides.
    let typst = typst_main(&r.book);
    let epub = paiban::writer::epub::render(&r.book, &paiban::writer::epub::EpubOptions::default())
        .unwrap();
    let xhtml: String = epub
        .files
        .iter()
        .map(|f| String::from_utf8_lossy(&f.1).into_owned())
        .collect();
    for n in &notes {
        assert!(
            typst.contains(&format!("#footnote[{n}]")),
            "{n} missing from main.typ"
        );
        assert!(xhtml.contains(n.as_str()), "{n} missing from the EPUB");
    }
}

#[test]
fn a_hundred_thousand_blank_lines_keep_line_numbers() {
    let text = format!(
        "书名\n{}第一章\n\n起点\n\n正文。\n{}",
        "\n".repeat(100_000),
        "\n".repeat(100_000)
    );
    let r = read(&text);
    assert_eq!(warnings(&r.diagnostics), Vec::<String>::new());
    assert_eq!(r.book.body.len(), 1);
    assert_eq!(r.book.body[0].line, 100_002);
    assert_eq!(block_text(&r.book.body[0].blocks[0]), "正文。");
    assert!(typst_main(&r.book).contains("正文。"));
}

#[test]
fn a_single_ten_megabyte_line_is_kept_whole() {
    // 10 MB of one paragraph mixing CJK and markup-significant characters.
    let unit = "长文#*_<&";
    let line = unit.repeat(10 * 1024 * 1024 / unit.len());
    let text = format!("第一章\n\n起点\n\n{line}\n");
    let r = read(&text);
    assert_eq!(warnings(&r.diagnostics), Vec::<String>::new());
    assert_eq!(block_text(&r.book.body[0].blocks[0]), line);
    let main = typst_main(&r.book);
    let escaped = paiban::writer::typst::escape::markup(&line);
    assert!(main.contains(&escaped));
}

#[test]
fn many_orphan_markers_on_one_long_line_are_each_reported() {
    // 20 000 markers without notes on one line: one warning each, every glyph kept.
    let line = "字^①".repeat(20_000);
    let text = format!("第一章\n\n起点\n\n{line}\n");
    let r = read(&text);
    let w = warnings(&r.diagnostics);
    assert_eq!(w.len(), 20_000);
    assert_eq!(
        w[0],
        "warning[P0503]: line 5: marker ① has no note ① at the foot of its page"
    );
    assert_eq!(block_text(&r.book.body[0].blocks[0]), "字①".repeat(20_000));
    // Rendered, each warning shows the first 120 characters of the line, never the whole
    // line, and only the first 20 of the code are shown: the rest are counted in one line.
    let sources = Sources {
        manuscript: SourceFile {
            name: "t.txt",
            text: &text,
        },
        config: None,
    };
    let rendered = render_all(&r.diagnostics, &sources, Style::default());
    assert_eq!(
        rendered
            .matches(&format!("5 │ {}…\n", "字^①".repeat(40)))
            .count(),
        20,
        "{rendered}"
    );
    assert!(rendered.contains("warning[P0503]: … and 19,980 more like this\n"));
    assert!(rendered.ends_with("20,000 warnings\n"));
    assert!(rendered.len() < 50_000, "{} bytes", rendered.len());
}

#[test]
fn a_rendered_source_line_never_carries_control_characters() {
    let text = "a\nb\n标题\u{1b}]0;pwned\u{7}文字\n";
    let mut d = Diagnostic::new(Code::ChapterUntitled, 3, "x");
    d.resolve(text);
    let sources = Sources {
        manuscript: SourceFile {
            name: "t.txt",
            text,
        },
        config: None,
    };
    let rendered = render_one(&d, &sources, Style::default());
    assert!(
        rendered.contains("3 │ 标题\u{FFFD}]0;pwned\u{FFFD}文字\n"),
        "{rendered}"
    );
    assert!(!rendered.chars().any(|c| c.is_control() && c != '\n'));
}
