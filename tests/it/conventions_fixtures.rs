//! Expectations for the manuscript-convention fixtures (issue 7, layout half): each golden case
//! `tests/golden/conv-*` is read and checked for its title, authors, chapters, sections per
//! chapter, note count, rejoined strings, strings that must not reach the body, printed page
//! marks, language and the conventions `paiban inspect` reports.

use std::fs;
use std::path::Path;

use paiban::model::{Block, Book, Division, DivisionKind, Inline};
use paiban::reader::{ReadOptions, Reading, decode, read};
use paiban::source::Source;

/// What one fixture must recover.
struct Expect {
    case: &'static str,
    title: &'static str,
    authors: &'static [&'static str],
    language: &'static str,
    /// (label, title, number of sections) per chapter, in order (inside parts too).
    chapters: &'static [(&'static str, &'static str, usize)],
    /// (label, title, number of chapters) per part.
    parts: &'static [(&'static str, &'static str, usize)],
    notes: usize,
    /// Strings a single paragraph must hold (rejoined across line and page breaks).
    rejoined: &'static [&'static str],
    /// Strings no paragraph or heading may hold (page furniture, broken words).
    absent: &'static [&'static str],
    /// Printed page numbers, in reading order.
    printed_pages: &'static [&'static str],
    /// Convention names `inspect` must list (prefix match).
    conventions: &'static [&'static str],
}

fn reading(case: &str) -> Reading {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(case)
        .join("input.txt");
    let bytes = fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let text = decode(&bytes, None).expect("fixture decodes").text;
    read(&Source::new("input.txt", text), &ReadOptions::default())
}

/// Every division, depth first.
fn all(book: &Book) -> Vec<&Division> {
    fn walk<'a>(d: &'a Division, out: &mut Vec<&'a Division>) {
        out.push(d);
        for c in &d.children {
            walk(c, out);
        }
    }
    let mut out = Vec::new();
    for d in book.divisions() {
        walk(d, &mut out);
    }
    out
}

/// Paragraph texts (quotations included) of every division.
fn paragraphs(book: &Book) -> Vec<String> {
    fn block_texts(b: &Block, out: &mut Vec<String>) {
        match b {
            Block::Para(p) | Block::Signature(p) | Block::Dateline(p) => out.push(p.text()),
            Block::Quote(bs) => bs.iter().for_each(|b| block_texts(b, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for d in all(book) {
        d.blocks.iter().for_each(|b| block_texts(b, &mut out));
    }
    out
}

/// Printed page marks in reading order.
fn printed_pages(book: &Book) -> Vec<String> {
    let mut out = Vec::new();
    let mut push = |c: &[Inline]| {
        for i in c {
            if let Inline::PageBreak(m) = i {
                if m.printed {
                    out.push(m.number.clone());
                }
            }
        }
    };
    for d in all(book) {
        for b in &d.blocks {
            match b {
                Block::Para(p) | Block::Signature(p) | Block::Dateline(p) => push(&p.content),
                Block::Quote(bs) => {
                    for b in bs {
                        if let Block::Para(p) = b {
                            push(&p.content);
                        }
                    }
                }
                _ => {}
            }
        }
    }
    out
}

fn check(e: &Expect) {
    let r = reading(e.case);
    let book = &r.book;
    let case = e.case;
    assert_eq!(book.meta.title, e.title, "{case}: title");
    let authors: Vec<&str> = book.meta.authors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(authors, e.authors, "{case}: authors");
    assert_eq!(book.meta.language, e.language, "{case}: language");
    let divs = all(book);
    let chapters: Vec<(String, String, usize)> = divs
        .iter()
        .filter(|d| d.kind == DivisionKind::Chapter)
        .map(|d| {
            let sections = d
                .children
                .iter()
                .filter(|c| c.kind == DivisionKind::Section)
                .count();
            (
                d.label.clone().unwrap_or_default(),
                d.title_text(),
                sections,
            )
        })
        .collect();
    let want: Vec<(String, String, usize)> = e
        .chapters
        .iter()
        .map(|(l, t, n)| (l.to_string(), t.to_string(), *n))
        .collect();
    assert_eq!(chapters, want, "{case}: chapters");
    let parts: Vec<(String, String, usize)> = divs
        .iter()
        .filter(|d| d.kind == DivisionKind::Part)
        .map(|d| {
            let n = d.children.len();
            (d.label.clone().unwrap_or_default(), d.title_text(), n)
        })
        .collect();
    let want: Vec<(String, String, usize)> = e
        .parts
        .iter()
        .map(|(l, t, n)| (l.to_string(), t.to_string(), *n))
        .collect();
    assert_eq!(parts, want, "{case}: parts");
    assert_eq!(book.notes.len(), e.notes, "{case}: notes");
    let paras = paragraphs(book);
    for s in e.rejoined {
        assert!(
            paras.iter().any(|p| p.contains(s)),
            "{case}: no paragraph holds {s:?}"
        );
    }
    let titles: Vec<String> = divs.iter().map(|d| d.title_text()).collect();
    for s in e.absent {
        assert!(
            !paras.iter().chain(&titles).any(|p| p.contains(s)),
            "{case}: {s:?} reached the text"
        );
    }
    assert_eq!(
        printed_pages(book),
        e.printed_pages,
        "{case}: printed pages"
    );
    for name in e.conventions {
        assert!(
            r.conventions.iter().any(|c| c.name.starts_with(name)),
            "{case}: convention {name:?} not reported in {:?}",
            r.conventions
        );
    }
    let warnings: Vec<String> = r.diagnostics.iter().map(|d| d.to_string()).collect();
    assert!(warnings.is_empty(), "{case}: {warnings:?}");
}

#[test]
fn pdftotext_simplified_chinese() {
    check(&Expect {
        case: "conv-zh-pdftotext",
        title: "潮汐与渔村",
        authors: &["陈海澄"],
        language: "zh-CN",
        chapters: &[("第1章", "潮水的节律", 0), ("第2章", "渔村的四季", 0)],
        parts: &[],
        notes: 1,
        rejoined: &[
            // hard wrap inside a line, no character inserted
            "这是渔村一切活动的时钟。早潮来临之前，码头上已经站满了等待出海的人",
            // across a page break with a running head and page number between
            "这些经验没有写在任何一本书上，却被一代一代地传了下来。",
            "女人们在院子里晒鱼干、织渔网，孩子们放了暑假，整天泡在海边。",
            // a line ending a sentence inside an indented paragraph continues it
            "可是老人们仍然习惯抬头看天。他们说机器报的是数字",
        ],
        absent: &["· 1 ·", "· 2 ·", "- i -", "潮汐与渔村", "　"],
        printed_pages: &["i", "1", "2", "3", "4", "5", "6"],
        conventions: &[
            "form feeds ending pages",
            "blank pages",
            "page numbers `· N ·`",
            "page numbers Roman",
            "running heads",
            "chapter headings `第N章 title` on one line",
            "paragraphs shown only by a first-line indent",
            "hard-wrapped lines rejoined",
            "note markers `^①`",
            "footnotes at the page foot",
            "block quotations indented on every line",
        ],
    });
    let r = reading("conv-zh-pdftotext");
    let quote: Vec<String> = r.book.body[1]
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Quote(inner) => match inner.as_slice() {
                [Block::Para(p)] => Some(p.text()),
                _ => None,
            },
            _ => None,
        })
        .collect();
    assert_eq!(quote, ["出海的人要记住三件事：看天，看水，看身边的伙伴。"]);
}

#[test]
fn traditional_chinese_headings() {
    check(&Expect {
        case: "conv-zh-hant",
        title: "山城茶事",
        authors: &["許文彬"],
        language: "zh-TW",
        chapters: &[("第一章", "緒論", 2), ("第二章", "茶園的一年", 2)],
        parts: &[],
        notes: 0,
        rejoined: &["山城位於兩條溪流之間，四面環山，雲霧終年不散。"],
        absent: &["第一節", "……"],
        printed_pages: &[],
        conventions: &[
            "front/back-matter headings (自序, 目錄, 參考文獻, 後記)",
            "chapter headings `第N章 title` on one line",
            "section headings `第N節`",
            "language zh-TW",
        ],
    });
    let r = reading("conv-zh-hant");
    let back: Vec<(DivisionKind, String)> = r
        .book
        .back
        .iter()
        .map(|d| (d.kind, d.title_text()))
        .collect();
    assert_eq!(
        back,
        [
            (DivisionKind::Bibliography, "參考文獻".to_string()),
            (DivisionKind::Afterword, "後記".to_string())
        ]
    );
    let toc = r.book.printed_contents().expect("目錄 parsed");
    // Front matter (自序) is not a cross-check target; everything after it is.
    assert!(toc[1..].iter().all(|e| e.target.is_some()), "{toc:?}");
    assert_eq!(toc.len(), 9);
}

#[test]
fn pdftotext_english() {
    check(&Expect {
        case: "conv-en-pdftotext",
        title: "The Mill at Lowford",
        // the `By …` author line, read by the front-matter half of issue 7
        authors: &["Ada Penrose"],
        language: "en",
        chapters: &[
            ("Chapter 1", "The Ford", 0),
            ("Chapter 2", "The Wheel", 0),
            ("CHAPTER THREE", "Market Days", 0),
        ],
        parts: &[("Part I", "The River", 2), ("Part II", "The Town", 1)],
        notes: 0,
        rejoined: &[
            "The slow development of the village",
            "It was self-evident to everyone",
            "yet the miller—and his sons after him—kept",
            "A water-mill of this kind",
            "The first wheel",
            "even in flood",
            "more effort on the wheel than on the house, and the office of miller",
            "The water is kind in summer and cruel in spring, and no man should trust it",
            "The ford gave the village its name and, in time, its reason to exist.",
        ],
        absent: &[
            "develop-",
            "develop ment",
            "\u{fb01}",
            "\u{fb03}",
            "The Mill at LowfordThe",
            "  ",
        ],
        printed_pages: &["ix", "1", "2", "3", "4", "5", "6", "7", "8"],
        conventions: &[
            "page numbers `N`",
            "running heads",
            "part headings `Part N`",
            "chapter headings `Chapter N` + title on the next line",
            "chapter headings `CHAPTER N` + title on the next line",
            "block quotations indented on every line",
            "hyphenated line ends rejoined",
            "line-end hyphens kept in compounds",
            "line-end em dashes joined without a space",
            "ligatures",
        ],
    });
    let r = reading("conv-en-pdftotext");
    let quotes = r.book.body[0].children[0]
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Quote(_)))
        .count();
    assert_eq!(quotes, 1, "one block quotation in chapter 1");
    let paras = paragraphs(&r.book);
    assert!(
        !paras
            .iter()
            .any(|p| p == "The Mill at Lowford" || p == "The Ford"),
        "running heads kept as paragraphs: {paras:?}"
    );
}

#[test]
fn parts_with_nested_sections() {
    check(&Expect {
        case: "conv-zh-parts",
        title: "古道与驿站",
        authors: &["赵明远", "王秋华"],
        language: "zh-CN",
        chapters: &[
            ("第一章", "古道的走向", 2),
            ("第二章", "修路的人", 0),
            ("第三章", "驿站的日常", 1),
        ],
        parts: &[("第一编", "道路", 2), ("第二编", "驿站", 1)],
        notes: 0,
        rejoined: &["鹰嘴口两侧是悬崖，中间只容一匹马通过。"],
        absent: &["（一）", "一、"],
        printed_pages: &[],
        conventions: &[
            "part headings `第N编`",
            "section headings `N、`",
            "section headings `（N）`",
            "sub-sections nested under sections",
        ],
    });
    let r = reading("conv-zh-parts");
    let ch1 = &r.book.body[1].children[0];
    let sub: Vec<(String, String)> = ch1.children[0]
        .children
        .iter()
        .map(|d| (d.id.clone(), d.title_text()))
        .collect();
    assert_eq!(
        sub,
        [
            (
                "chapter-1-section-1-subsection-1".to_string(),
                "鹰嘴口".to_string()
            ),
            (
                "chapter-1-section-1-subsection-2".to_string(),
                "石门关".to_string()
            ),
        ]
    );
    assert_eq!(r.book.body[0].kind, DivisionKind::Introduction);
}

#[test]
fn inspect_lists_conventions() {
    let r = reading("conv-zh-pdftotext");
    let json = paiban::inspect::to_json(&r);
    let names: Vec<&str> = json["conventions"]
        .as_array()
        .expect("conventions array")
        .iter()
        .map(|c| c["name"].as_str().expect("name"))
        .collect();
    assert!(
        names.contains(&"running heads (book or chapter title)"),
        "{names:?}"
    );
    let text = paiban::inspect::to_text(
        &r,
        &Source::new("input.txt", String::new()),
        Default::default(),
    );
    assert!(
        text.contains("conventions:\n  form feeds ending pages (9×, first at line 7)"),
        "{text}"
    );
}

#[test]
fn ocr_wrapped_with_blank_lines() {
    check(&Expect {
        case: "conv-zh-ocr",
        title: "桥乡记",
        authors: &["沈一舟"],
        language: "zh-CN",
        chapters: &[("第一章", "石桥与渡船", 0), ("第二章", "河边的集市", 0)],
        parts: &[],
        notes: 0,
        rejoined: &[
            "桥面的青石已经被行人磨得发亮",
            "有的桥陡，挑担子的人要歇两回才能过去；有的桥平",
            "逢年过节，镇上的商户还会送些米和布匹，算是谢礼。",
        ],
        absent: &["第 1 页", "第 5 页", "桥乡记", "　　　"],
        printed_pages: &["1", "2", "3", "4", "5"],
        conventions: &[
            "page numbers `第 N 页`",
            "page numbers `N`",
            "running heads",
            "chapter headings `第N章` + title on the next line",
            "hard-wrapped lines rejoined",
        ],
    });
    let r = reading("conv-zh-ocr");
    let paras = paragraphs(&r.book);
    assert!(!paras.iter().any(|p| p == "石桥"), "{paras:?}");
    assert_eq!(r.book.body[0].blocks.len(), 5, "{paras:?}");
}
