//! Runs EPUBCheck (with `-u`) and Ace on the fixture EPUB with a supplied image cover and with a
//! generated raster cover (the seed and example EPUBs, validated in epub_seed.rs, have the
//! typographic cover page), a Chinese book whose Latin runs are marked for the Latin font, and a
//! wide preformatted table.

use crate::support;

use std::path::PathBuf;

use paiban::writer::epub::{EpubOptions, write_epub};

/// Writes `bytes` as `name` under the test target's `epub-validate` folder and runs EPUBCheck and
/// Ace on it.
fn validate_written(name: &str, bytes: &[u8]) {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("epub-validate");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    support::validators::validate(&path);
}

#[test]
#[ignore = "needs epubcheck and ace"]
fn fixture_with_image_cover_passes_epubcheck_and_ace() {
    let img = image::RgbImage::from_fn(1200, 1800, |x, y| {
        image::Rgb([(x / 5 % 256) as u8, (y / 7 % 256) as u8, 120])
    });
    let mut cover = Vec::new();
    image::DynamicImage::ImageRgb8(img)
        .write_to(
            &mut std::io::Cursor::new(&mut cover),
            image::ImageFormat::WebP,
        )
        .unwrap();
    let opts = EpubOptions {
        modified_unix: 1_315_000_000,
        cover: Some(cover),
        ..EpubOptions::default()
    };
    let epub = write_epub(&support::fixture_book(), &opts).unwrap();
    assert!(epub.diagnostics.is_empty(), "{:?}", epub.diagnostics);
    validate_written("fixture-cover.epub", &epub.bytes);
}

/// Without `--cover`, a build draws a raster cover (PNG, 1600 × 2560) and declares it the
/// `cover-image`; the EPUB stays clean for EPUBCheck and Ace.
#[test]
#[ignore = "needs epubcheck and ace"]
fn generated_cover_is_the_cover_image_and_validates() {
    let opts = EpubOptions {
        modified_unix: 1_315_000_000,
        generate_cover: true,
        ..EpubOptions::default()
    };
    let book = support::fixture_book();
    let rendered = paiban::writer::epub::render(&book, &opts).unwrap();
    let opf = String::from_utf8(rendered.file("EPUB/content.opf").unwrap().to_vec()).unwrap();
    assert!(
        opf.contains(r#"href="images/cover.png" media-type="image/png" properties="cover-image""#),
        "{opf}"
    );
    let png = rendered.file("EPUB/images/cover.png").expect("cover image");
    let img = image::load_from_memory(png).unwrap();
    assert_eq!((img.width(), img.height()), (1600, 2560));
    let page = String::from_utf8(rendered.file("EPUB/cover.xhtml").unwrap().to_vec()).unwrap();
    assert!(page.contains(r#"src="images/cover.png""#), "{page}");
    // The same book gives the same bytes.
    let again = paiban::writer::epub::render(&book, &opts).unwrap();
    assert_eq!(again.file("EPUB/images/cover.png"), Some(png));
    let epub = write_epub(&book, &opts).unwrap();
    validate_written("fixture-generated-cover.epub", &epub.bytes);
}

/// A Chinese book's Latin runs (`Max Weber`, the ISBN) are marked `<span class="latin">` for the
/// stylesheet's Latin serif, without `@font-face`; an English book has no such spans; a Chinese
/// paragraph's last two characters are kept on one line by a nowrap span (孤字), the text itself
/// unchanged; and EPUBCheck (`-u`) and Ace report nothing.
#[test]
#[ignore = "needs epubcheck and ace"]
fn latin_runs_in_a_chinese_book_are_marked_and_validate() {
    use paiban::model::{Block, Inline, Para};
    let mut book = support::fixture_book();
    let para = |text: &str| {
        Block::Para(Para {
            content: vec![Inline::Text(text.into())],
            line: 1,
        })
    };
    book.body[0].blocks.push(para(
        "马克斯·韦伯（Max Weber）在 1905 年写道，见 Mechanics’ Institute 的藏书目录。",
    ));
    book.body[0].blocks.push(para("书院的账簿至今保存完好"));
    let opts = EpubOptions {
        modified_unix: 1_315_000_000,
        ..EpubOptions::default()
    };
    let r = paiban::writer::epub::render(&book, &opts).unwrap();
    let text = |p: &str| String::from_utf8(r.file(p).unwrap().to_vec()).unwrap();
    let ch1 = text("EPUB/chapter-1.xhtml");
    assert!(
        ch1.contains(
            "马克斯·韦伯（<span class=\"latin\">Max Weber</span>）在 1905 年写道，见 \
             <span class=\"latin\">Mechanics’ Institute</span> 的藏书<span class=\"nowrap\">目录。</span>"
        ),
        "{ch1}"
    );
    assert!(
        ch1.contains("<p>书院的账簿至今保存<span class=\"nowrap\">完好</span></p>"),
        "{ch1}"
    );
    let copyright = text("EPUB/copyright.xhtml");
    assert!(
        copyright.contains("<span class=\"latin\">ISBN "),
        "{copyright}"
    );
    let css = text("EPUB/css/epub.css");
    assert!(
        css.contains("span.latin {") && !css.contains("@font-face"),
        "{css}"
    );
    // An English book: no spans.
    let mut english = book.clone();
    english.meta.language = paiban::model::LanguageTag::known("en");
    let en = paiban::writer::epub::render(&english, &opts).unwrap();
    let en1 = String::from_utf8(en.file("EPUB/chapter-1.xhtml").unwrap().to_vec()).unwrap();
    assert!(!en1.contains("class=\"latin\""), "{en1}");
    assert!(en1.contains("<p>书院的账簿至今保存完好</p>"), "{en1}");

    let epub = write_epub(&book, &opts).unwrap();
    validate_written("fixture-latin-runs.epub", &epub.bytes);
}

/// A table drawn with spaces, wider than any page, keeps its lines (`white-space: pre`) and so
/// scrolls: the block is focusable (`tabindex="0"`), so keyboard users can scroll it, and Ace
/// (axe's scrollable-region-focusable) finds nothing.
#[test]
#[ignore = "needs epubcheck and ace"]
fn a_wide_preformatted_table_is_focusable_and_validates() {
    let mut book = support::fixture_book();
    let row = |cells: &[&str]| cells.iter().map(|c| format!("{c:<24}")).collect::<String>();
    let lines: Vec<String> = [
        [
            "年份",
            "藏书（册）",
            "读者（人）",
            "借阅（次）",
            "开放（时）",
            "馆员（人）",
        ],
        ["一九八〇", "一千二百", "三百", "四千", "一千五百", "二"],
        ["一九九〇", "三千四百", "八百", "九千", "二千", "三"],
    ]
    .iter()
    .map(|r| row(r))
    .collect();
    let chapter = book
        .body
        .iter_mut()
        .find(|d| d.id == "chapter-1")
        .expect("the fixture's chapter 1");
    chapter.blocks.push(paiban::model::Block::Preformatted(
        paiban::model::Preformatted { lines, line: 53 },
    ));
    let opts = EpubOptions {
        modified_unix: 1_315_000_000,
        ..EpubOptions::default()
    };
    let rendered = paiban::writer::epub::render(&book, &opts).unwrap();
    let page = String::from_utf8(
        rendered
            .file("EPUB/chapter-1.xhtml")
            .expect("chapter 1's document")
            .to_vec(),
    )
    .unwrap();
    assert!(
        page.contains(r#"<pre class="preformatted" tabindex="0">年份"#),
        "{page}"
    );
    let epub = write_epub(&book, &opts).unwrap();
    validate_written("wide-preformatted.epub", &epub.bytes);
}
