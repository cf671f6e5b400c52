//! Runs EPUBCheck (with `-u`) and Ace on the fixture EPUB with an image cover (the seed and
//! example EPUBs, validated in epub_seed.rs, cover the generated cover).

use crate::support;

use std::path::PathBuf;

use paiban::writer::epub::{EpubOptions, write_epub};

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
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("epub-validate");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("fixture-cover.epub");
    std::fs::write(&path, &epub.bytes).unwrap();
    support::validators::validate(&path);
}
