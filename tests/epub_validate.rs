//! Runs EPUBCheck (with `-u`) and Ace on the fixture EPUB; fails on any fatal, error, warning,
//! critical or serious finding. Skips with a message when the validators are absent, unless CI=true.

mod support;

use std::path::PathBuf;

use paiban::check::{Locator, run_ace, run_epubcheck};
use paiban::writer::epub::{EpubOptions, write_epub};

fn validators_home() -> PathBuf {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    std::env::var_os("VALIDATORS_HOME")
        .map(PathBuf::from)
        .map(|p| if p.is_absolute() { p } else { root.join(p) })
        .unwrap_or_else(|| root.join(".validators"))
}

fn skip_or_fail(what: &str) {
    if std::env::var("CI").as_deref() == Ok("true") {
        panic!("{what} (CI=true: validators are required)");
    }
    eprintln!("skipping: {what}");
}

fn validate(name: &str, opts: EpubOptions) {
    let mut locator = Locator::from_env();
    locator.validators_home = Some(validators_home());
    let epub = write_epub(&support::fixture_book(), &opts).unwrap();
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("epub-validate");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{name}.epub"));
    std::fs::write(&path, &epub.bytes).unwrap();

    match locator.epubcheck() {
        Err(e) => skip_or_fail(&e.to_string()),
        Ok(tool) => {
            let r = run_epubcheck(&tool, &path, true).expect("epubcheck runs");
            eprintln!("{name}: {}", r.summary());
            for m in &r.messages {
                eprintln!("  {} {} {} {:?}", m.severity, m.id, m.message, m.locations);
            }
            assert!(r.is_clean() && r.usage == 0, "{name}: {}", r.summary());
            assert!(
                r.version.starts_with('5'),
                "epubcheck 5 expected, got {}",
                r.version
            );
        }
    }
    match locator.ace() {
        Err(e) => skip_or_fail(&e.to_string()),
        Ok(tool) => {
            let r = run_ace(&tool, &path, &dir.join(format!("ace-{name}"))).expect("ace runs");
            eprintln!("{name}: {}", r.summary());
            for v in &r.violations {
                eprintln!(
                    "  {:?} {} {}: {}",
                    v.impact, v.rule, v.document, v.description
                );
            }
            assert!(r.is_clean(), "{name}: {}", r.summary());
        }
    }
}

#[test]
fn fixture_with_generated_cover_passes_epubcheck_and_ace() {
    validate(
        "fixture",
        EpubOptions {
            modified_unix: 1_315_000_000,
            ..EpubOptions::default()
        },
    );
}

#[test]
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
    validate(
        "fixture-cover",
        EpubOptions {
            modified_unix: 1_315_000_000,
            cover: Some(cover),
            ..EpubOptions::default()
        },
    );
}
