//! Byte-reproducibility and container layout of the written EPUB.

use crate::support;

use std::io::Cursor;

use image::{DynamicImage, ImageFormat, Rgb, RgbImage};
use paiban::writer::epub::{EpubOptions, write_epub};
use zip::CompressionMethod;

fn png_cover() -> Vec<u8> {
    let img = RgbImage::from_fn(400, 600, |x, y| Rgb([(x % 256) as u8, (y % 256) as u8, 90]));
    let mut out = Vec::new();
    DynamicImage::ImageRgb8(img)
        .write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
        .unwrap();
    out
}

#[test]
fn same_book_and_options_give_identical_bytes() {
    let book = support::fixture_book();
    for cover in [None, Some(png_cover())] {
        let opts = EpubOptions {
            modified_unix: 1_315_000_000,
            cover,
            ..EpubOptions::default()
        };
        let a = write_epub(&book, &opts).unwrap();
        let b = write_epub(&book.clone(), &opts.clone()).unwrap();
        assert!(a.bytes == b.bytes, "two builds differ");
        let later = EpubOptions {
            modified_unix: opts.modified_unix + 86_400,
            ..opts
        };
        assert!(write_epub(&book, &later).unwrap().bytes != a.bytes);
    }
}

#[test]
fn mimetype_first_and_stored_with_fixed_timestamps() {
    let epub = write_epub(
        &support::fixture_book(),
        &EpubOptions {
            modified_unix: 1_315_000_000, // 2011-09-02T21:46:40Z
            cover: Some(png_cover()),
            ..EpubOptions::default()
        },
    )
    .unwrap();
    let mut z = zip::ZipArchive::new(Cursor::new(&epub.bytes)).unwrap();
    let names: Vec<String> = (0..z.len())
        .map(|i| z.by_index(i).unwrap().name().unwrap().to_string())
        .collect();
    assert_eq!(
        &names[..6],
        [
            "mimetype",
            "META-INF/container.xml",
            "EPUB/content.opf",
            "EPUB/nav.xhtml",
            "EPUB/toc.ncx",
            "EPUB/css/epub.css"
        ]
    );
    assert!(
        names.contains(&"EPUB/images/cover.jpg".to_string()),
        "{names:?}"
    );
    {
        let f = z.by_index(0).unwrap();
        assert_eq!(f.compression(), CompressionMethod::Stored);
        assert_eq!(f.size(), 20);
    }
    // The local header of the first entry is at offset 0 and its data is the bare media type.
    assert_eq!(&epub.bytes[30..38], b"mimetype");
    assert_eq!(&epub.bytes[38..58], b"application/epub+zip");
    for i in 0..z.len() {
        let f = z.by_index(i).unwrap();
        let t = f.last_modified().unwrap();
        assert_eq!(
            (
                t.year(),
                t.month(),
                t.day(),
                t.hour(),
                t.minute(),
                t.second()
            ),
            (2011, 9, 2, 21, 46, 40),
            "{}",
            f.name().unwrap()
        );
    }
    // The 400×600 cover is kept at its size, with a warning that it is small.
    assert_eq!(epub.diagnostics.len(), 1);
    assert!(epub.diagnostics[0].message.contains("400×600"));
}

#[test]
fn corrupt_cover_is_an_error() {
    let mut bad = png_cover();
    bad.truncate(100);
    let err = write_epub(
        &support::fixture_book(),
        &EpubOptions {
            cover: Some(bad),
            ..EpubOptions::default()
        },
    )
    .unwrap_err();
    assert!(
        err.to_string()
            .starts_with("cannot read the cover image: the Png data is corrupt"),
        "{err}"
    );
}

/// The EPUB's entries after `mimetype` and `META-INF/container.xml`, in order, as the packager
/// was given them.
fn packaged_files(epub: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut zip = zip::ZipArchive::new(Cursor::new(epub)).unwrap();
    let mut out = Vec::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        if name == "mimetype" || name == "META-INF/container.xml" {
            continue;
        }
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut f, &mut bytes).unwrap();
        out.push((name, bytes));
    }
    out
}

/// Entries deflated in parallel and written in order give the bytes of deflating them one
/// after another: on the fixture book (the epub-fixture golden case) and on the seed.
#[test]
fn parallel_packing_gives_the_sequential_bytes() {
    use paiban::writer::epub::{Packing, package_with};
    let seed = {
        let path = crate::support::tools::shared("seed/000_31f2030a350ea770.txt");
        let text = paiban::reader::decode(&std::fs::read(&path).unwrap(), None)
            .unwrap()
            .text;
        let source = paiban::source::Source::new("seed.txt", text);
        paiban::reader::read(&source, &paiban::reader::ReadOptions::default()).book
    };
    for (name, book) in [("fixture", support::fixture_book()), ("seed", seed)] {
        let opts = EpubOptions {
            modified_unix: 1_315_000_000,
            cover: Some(png_cover()),
            ..EpubOptions::default()
        };
        let epub = write_epub(&book, &opts).unwrap().bytes;
        let files = packaged_files(&epub);
        assert!(files.len() > 5, "{name}: {} entries", files.len());
        let sequential = package_with(&files, opts.modified_unix, Packing::Sequential).unwrap();
        let parallel = package_with(&files, opts.modified_unix, Packing::Parallel).unwrap();
        assert!(parallel == sequential, "{name}: parallel packing differs");
        assert!(
            epub == parallel,
            "{name}: write_epub does not pack as package_with"
        );
    }
}
