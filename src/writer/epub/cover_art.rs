//! 封面生成 (generated cover): a raster cover drawn from the title, authors and publisher, for
//! books given no `--cover`, so that library thumbnails are never blank.
//!
//! Fonts come from the system (fontdb): a CJK serif for Chinese books (Noto Serif CJK, Source
//! Han Serif …), a Latin serif for others; glyphs are rasterised with ab_glyph onto a
//! 1600 × 2560 canvas and encoded as PNG. Lines break only between phrases
//! ([`crate::writer::phrases`]), never inside a word. The same fonts give the same bytes. With
//! no usable font installed, no image is drawn and the cover page stays typographic.
//!
//! Every pixel is a mix of one background and one ink colour, so the canvas holds only the
//! ink's coverage (one byte a pixel, 0 = background, 255 = ink) and the PNG is 8-bit indexed
//! with a 256-colour palette running from the background to the ink: a third of the bytes of
//! RGB to draw, filter and deflate (callgrind, 250k book: the cover took 103 M instructions of
//! 465 M with an RGB canvas and `image`'s fast PNG encoder, and gave a 148 KB PNG that the zip
//! still deflated to half its size).

use ab_glyph::{Font, FontRef, PxScale, ScaleFont};

use super::cover::CoverImage;
use super::kinds;
use crate::model::Metadata;
use crate::writer::phrases::phrases;

/// Width of the generated cover in pixels.
pub const WIDTH: u32 = 1600;
/// Height of the generated cover in pixels (1 : 1.6, as Kindle and Apple Books recommend).
pub const HEIGHT: u32 = 2560;

/// Serif families tried for a Chinese (Simplified) cover, in order.
const CJK_SC: &[&str] = &[
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "Source Han Serif CN",
    "Songti SC",
    "SimSun",
    "Noto Sans CJK SC",
];
/// Serif families tried for a Traditional Chinese cover, in order.
const CJK_TC: &[&str] = &[
    "Noto Serif CJK TC",
    "Source Han Serif TC",
    "Songti TC",
    "PMingLiU",
    "Noto Serif CJK SC",
    "Noto Sans CJK TC",
];
/// Serif families tried for a Latin-script cover, in order (a CJK font's Latin glyphs last).
const LATIN: &[&str] = &[
    "Libertinus Serif",
    "Linux Libertine O",
    "DejaVu Serif",
    "Noto Serif",
    "Noto Serif CJK SC",
];

/// Background and ink pairs; the title picks one, so every book keeps its colours.
const PALETTE: &[([u8; 3], [u8; 3])] = &[
    ([0x2b, 0x3a, 0x4a], [0xf3, 0xee, 0xe2]),
    ([0x5a, 0x24, 0x24], [0xf6, 0xef, 0xe4]),
    ([0x24, 0x4a, 0x3c], [0xf1, 0xee, 0xe0]),
    ([0x3d, 0x33, 0x52], [0xf2, 0xed, 0xe4]),
    ([0xe9, 0xe2, 0xd0], [0x2a, 0x26, 0x22]),
];

/// The installed fonts a generated cover may be drawn with: one scan of the system's font
/// folders (fontdb; about 9 M instructions, a stat and a mapping of every font file), which a
/// batch makes once and shares among its books instead of scanning again for each.
#[derive(Debug, Clone)]
pub struct CoverFonts(std::sync::Arc<fontdb::Database>);

impl CoverFonts {
    /// Scans the system's fonts.
    pub fn system() -> Self {
        let mut db = fontdb::Database::new();
        db.load_system_fonts();
        CoverFonts(std::sync::Arc::new(db))
    }
}

/// Draws the cover for `meta`, with `fonts` (scanned now when `None`), or `None` when no font
/// for the book's script is installed.
pub fn generate(meta: &Metadata, lang: &str, fonts: Option<&CoverFonts>) -> Option<CoverImage> {
    let scanned;
    let fonts = match fonts {
        Some(f) => f,
        None => {
            scanned = CoverFonts::system();
            &scanned
        }
    };
    FontSet::with(&fonts.0, lang, |set| draw(meta, lang, set)).flatten()
}

/// Draws the cover for `meta` with `fonts`.
fn draw(meta: &Metadata, lang: &str, fonts: &FontSet<'_>) -> Option<CoverImage> {
    let title = if meta.title.trim().is_empty() {
        kinds::default_name(crate::model::DivisionKind::Cover, lang).to_string()
    } else {
        meta.title.trim().to_string()
    };
    let (bg, ink) = PALETTE[fnv(&title) as usize % PALETTE.len()];
    // All background (coverage 0): a zeroed allocation, no fill.
    let mut c = Canvas {
        cov: vec![0; (WIDTH * HEIGHT) as usize],
    };
    let measure = WIDTH as f32 * 0.78;
    // Title: as large as fits in at most four lines, from 170 px down.
    let mut y = HEIGHT as f32 * 0.22;
    let title_lines = fit(fonts, &title, measure, 170.0, 4);
    for line in &title_lines.lines {
        y += title_lines.size * 1.35;
        c.centred(fonts, line, title_lines.size, y);
    }
    if let Some(sub) = meta.subtitle.as_deref().filter(|s| !s.trim().is_empty()) {
        let sub_lines = fit(fonts, sub.trim(), measure, 80.0, 3);
        y += sub_lines.size * 0.8;
        for line in &sub_lines.lines {
            y += sub_lines.size * 1.4;
            c.centred(fonts, line, sub_lines.size, y);
        }
    }
    // A rule, then the authors below the middle; the publisher at the foot.
    let rule_y = (y + 140.0).max(HEIGHT as f32 * 0.52) as u32;
    c.rule(WIDTH / 2 - 120, WIDTH / 2 + 120, rule_y, 5);
    let authors = super::cover::author_line(meta);
    if !authors.trim().is_empty() {
        let a = fit(fonts, authors.trim(), measure, 84.0, 3);
        let mut ay = rule_y as f32 + 80.0;
        for line in &a.lines {
            ay += a.size * 1.4;
            c.centred(fonts, line, a.size, ay);
        }
    }
    if let Some(p) = meta.publisher.as_deref().filter(|s| !s.trim().is_empty()) {
        let p = fit(fonts, p.trim(), measure, 64.0, 2);
        let mut py = HEIGHT as f32 * 0.90 - p.size * 1.4 * p.lines.len() as f32;
        for line in &p.lines {
            py += p.size * 1.4;
            c.centred(fonts, line, p.size, py);
        }
    }
    let bytes = encode_png(&c.cov, bg, ink)?;
    Some(CoverImage {
        bytes,
        media_type: "image/png",
        file: "cover.png",
        width: WIDTH,
        height: HEIGHT,
    })
}

/// The coverage canvas as an 8-bit indexed PNG whose palette entry `k` is the background mixed
/// with `k`/255 of the ink. Rows are unfiltered (an indexed image's values are not magnitudes,
/// so the difference filters only hide its long runs of one index) and deflated at zlib level 2
/// (`png`'s flate2, zlib-rs in this build). Measured on the 250k bench book's cover (min of 7):
/// level 2 gives 39.6 KB in 2.1 ms; level 6 36.1 KB in 10.2 ms, level 9 35.3 KB in 113 ms,
/// level 1 and fdeflate 75–78 KB in 0.6–1.3 ms; the Sub and Up filters only made it larger.
fn encode_png(cov: &[u8], bg: [u8; 3], ink: [u8; 3]) -> Option<Vec<u8>> {
    let palette: Vec<u8> = (0..=255u32)
        .flat_map(|k| {
            (0..3).map(move |i| {
                let (b, n) = (u32::from(bg[i]), u32::from(ink[i]));
                // b + (n - b)·k/255, rounded, in integers.
                ((b * (255 - k) + n * k + 127) / 255) as u8
            })
        })
        .collect();
    let mut bytes = Vec::new();
    let mut enc = png::Encoder::new(&mut bytes, WIDTH, HEIGHT);
    enc.set_color(png::ColorType::Indexed);
    enc.set_depth(png::BitDepth::Eight);
    enc.set_palette(palette);
    enc.set_filter(png::Filter::NoFilter);
    enc.set_deflate_compression(png::DeflateCompression::Level(2));
    let mut w = enc.write_header().ok()?;
    w.write_image_data(cov).ok()?;
    w.finish().ok()?;
    Some(bytes)
}

/// FNV-1a hash of a string (stable across runs and platforms).
fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf29ce484222325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100000001b3)
    })
}

/// The fonts a cover is drawn with: the main face and, for Latin text in a CJK cover (or CJK
/// text in a Latin one), a fallback. They borrow the font files as fontdb maps them
/// ([`fontdb::Database::with_face_data`]): a CJK collection is about 26 MB, and copying it into
/// memory was most of the time and the memory of a small book's build.
struct FontSet<'a> {
    main: FontRef<'a>,
    fallback: Option<FontRef<'a>>,
}

impl FontSet<'_> {
    /// Runs `f` with the fonts for `lang`, or returns `None` when no main face is installed.
    fn with<T>(db: &fontdb::Database, lang: &str, f: impl FnOnce(&FontSet<'_>) -> T) -> Option<T> {
        let lower = lang.to_ascii_lowercase();
        let traditional =
            lower.contains("hant") || lower.ends_with("-tw") || lower.ends_with("-hk");
        let (main, other) = if kinds::is_chinese(lang) {
            (if traditional { CJK_TC } else { CJK_SC }, LATIN)
        } else {
            (LATIN, CJK_SC)
        };
        let main = first_font(db, main)?;
        let run = |fallback: Option<FontRef<'_>>| {
            db.with_face_data(main, |data, index| {
                let main = FontRef::try_from_slice_and_index(data, index).ok()?;
                Some(f(&FontSet { main, fallback }))
            })
            .flatten()
        };
        match first_font(db, other) {
            Some(other) => db
                .with_face_data(other, |data, index| {
                    run(FontRef::try_from_slice_and_index(data, index).ok())
                })
                .flatten(),
            None => run(None),
        }
    }

    /// The face that has a glyph for `c`.
    fn face(&self, c: char) -> &FontRef<'_> {
        if self.main.glyph_id(c).0 != 0 {
            return &self.main;
        }
        match &self.fallback {
            Some(f) if f.glyph_id(c).0 != 0 => f,
            _ => &self.main,
        }
    }

    /// The advance width of `text` at `size` px.
    fn width(&self, text: &str, size: f32) -> f32 {
        text.chars()
            .map(|c| {
                let f = self.face(c);
                f.as_scaled(PxScale::from(size)).h_advance(f.glyph_id(c))
            })
            .sum()
    }
}

/// The first of `families` installed (regular weight) whose face parses.
fn first_font(db: &fontdb::Database, families: &[&str]) -> Option<fontdb::ID> {
    families.iter().find_map(|name| {
        let query = fontdb::Query {
            families: &[fontdb::Family::Name(name)],
            weight: fontdb::Weight::NORMAL,
            stretch: fontdb::Stretch::Normal,
            style: fontdb::Style::Normal,
        };
        let id = db.query(&query)?;
        db.with_face_data(id, |data, index| {
            FontRef::try_from_slice_and_index(data, index).is_ok()
        })
        .filter(|&ok| ok)
        .map(|_| id)
    })
}

/// Lines of a text block and the size they are set at.
struct Fitted {
    lines: Vec<String>,
    size: f32,
}

/// Breaks `text` between phrases into at most `max_lines` lines of `measure` px, at the largest
/// size from `start` down (in steps of 6 %) at which every line fits.
fn fit(fonts: &FontSet, text: &str, measure: f32, start: f32, max_lines: usize) -> Fitted {
    let pieces = phrases(text);
    let mut size = start;
    loop {
        let lines = fill(fonts, &pieces, measure, size);
        let fits = lines.iter().all(|l| fonts.width(l, size) <= measure);
        if (fits && lines.len() <= max_lines) || size < start * 0.3 {
            return Fitted { lines, size };
        }
        size *= 0.94;
    }
}

/// Fills lines greedily with whole phrases (a phrase wider than the measure gets a line of its
/// own, and [`fit`] then makes the type smaller).
fn fill(fonts: &FontSet, pieces: &[String], measure: f32, size: f32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for p in pieces {
        let candidate = format!("{line}{p}");
        if !line.is_empty() && fonts.width(candidate.trim_end(), size) > measure {
            lines.push(line.trim_end().to_string());
            line = p.trim_start().to_string();
        } else {
            line = candidate;
        }
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_string());
    }
    lines
}

/// The image being drawn: the ink's coverage of each pixel, row by row (0 = background).
struct Canvas {
    cov: Vec<u8>,
}

impl Canvas {
    /// Draws `text` centred on the page with its baseline at `baseline` px.
    fn centred(&mut self, fonts: &FontSet, text: &str, size: f32, baseline: f32) {
        let width = fonts.width(text, size);
        let mut x = (WIDTH as f32 - width) / 2.0;
        for c in text.chars() {
            let font = fonts.face(c);
            let scaled = font.as_scaled(PxScale::from(size));
            let id = font.glyph_id(c);
            let glyph = id.with_scale_and_position(size, ab_glyph::point(x, baseline));
            if let Some(outline) = font.outline_glyph(glyph) {
                let b = outline.px_bounds();
                outline.draw(|gx, gy, cov| {
                    let px = b.min.x as i64 + i64::from(gx);
                    let py = b.min.y as i64 + i64::from(gy);
                    self.blend(px, py, cov);
                });
            }
            x += scaled.h_advance(id);
        }
    }

    /// Mixes the ink into the pixel at (x, y) by `coverage` (ink over what is there).
    fn blend(&mut self, x: i64, y: i64, coverage: f32) {
        if x < 0 || y < 0 || x >= i64::from(WIDTH) || y >= i64::from(HEIGHT) {
            return;
        }
        let a = coverage.clamp(0.0, 1.0);
        if a == 0.0 {
            return;
        }
        let p = &mut self.cov[y as usize * WIDTH as usize + x as usize];
        let added = (f32::from(255 - *p) * a).round() as u8;
        *p = p.saturating_add(added);
    }

    /// A horizontal rule from x0 to x1 at y, `thickness` px thick.
    fn rule(&mut self, x0: u32, x1: u32, y: u32, thickness: u32) {
        let x1 = x1.min(WIDTH) as usize;
        let x0 = (x0 as usize).min(x1);
        for yy in y..(y + thickness).min(HEIGHT) {
            let row = yy as usize * WIDTH as usize;
            self.cov[row + x0..row + x1].fill(255);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs `f` with the fonts for `lang`, or says that there are none (a failure under
    /// CI=true, which installs fonts-noto-cjk).
    fn with_fonts(lang: &str, f: impl FnOnce(&FontSet<'_>)) {
        if FontSet::with(&CoverFonts::system().0, lang, f).is_none() {
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "CI=true: no font for {lang}"
            );
            eprintln!("skipped: no system font for {lang}");
        }
    }

    #[test]
    fn title_lines_break_only_between_phrases() {
        with_fonts("zh-CN", title_lines_break_between_phrases);
    }

    fn title_lines_break_between_phrases(f: &FontSet<'_>) {
        for title in [
            "县域书院的兴替与地方文教网络研究",
            "新阶段密切党群关系的运行机制研究",
            "乡村书院——以某某县为中心的考察",
        ] {
            let fitted = fit(f, title, WIDTH as f32 * 0.78, 170.0, 4);
            assert!(fitted.lines.len() >= 2, "{title}: {:?}", fitted.lines);
            assert_eq!(fitted.lines.concat(), title);
            let pieces = phrases(title);
            let mut at = 0;
            for line in &fitted.lines {
                at += line.chars().count();
                let boundary =
                    (0..=pieces.len()).any(|k| pieces[..k].concat().chars().count() == at);
                assert!(
                    boundary,
                    "{title}: a line ends inside a phrase: {:?}",
                    fitted.lines
                );
                assert!(f.width(line, fitted.size) <= WIDTH as f32 * 0.78);
            }
        }
    }

    #[test]
    fn a_cover_is_a_1600_by_2560_png_with_ink_where_the_title_is() {
        if FontSet::with(&CoverFonts::system().0, "zh-CN", |_| ()).is_none() {
            return with_fonts("zh-CN", |_| ());
        }
        let meta = Metadata {
            title: "县域书院的兴替与地方文教网络研究".into(),
            publisher: Some("澄湖文史出版社".into()),
            language: crate::model::LanguageTag::known("zh-CN"),
            ..Metadata::default()
        };
        let a = generate(&meta, "zh-CN", None).expect("cover");
        assert_eq!(
            (a.media_type, a.file, a.width, a.height),
            ("image/png", "cover.png", 1600, 2560)
        );
        let img = image::load_from_memory(&a.bytes).unwrap().to_rgb8();
        assert_eq!(img.dimensions(), (1600, 2560));
        let (bg, ink) = PALETTE[fnv(&meta.title) as usize % PALETTE.len()];
        assert_eq!(img.get_pixel(5, 5).0, bg);
        // The title band (upper third) holds ink; the same book gives the same bytes.
        let inked = (500..900)
            .flat_map(|y| (0..1600).map(move |x| (x, y)))
            .filter(|&(x, y)| img.get_pixel(x, y).0 == ink)
            .count();
        assert!(inked > 5_000, "{inked} ink pixels in the title band");
        assert_eq!(generate(&meta, "zh-CN", None).unwrap().bytes, a.bytes);
        // Fonts scanned once and shared draw the same cover.
        let shared = CoverFonts::system();
        assert_eq!(
            generate(&meta, "zh-CN", Some(&shared)).unwrap().bytes,
            a.bytes
        );
        // 8-bit indexed, the palette running from the background to the ink; every pixel a mix
        // of the two; small enough that the zip need not deflate it again.
        let decoder = png::Decoder::new(std::io::Cursor::new(&a.bytes[..]));
        let reader = decoder.read_info().unwrap();
        let info = reader.info();
        assert_eq!(
            (info.color_type, info.bit_depth),
            (png::ColorType::Indexed, png::BitDepth::Eight)
        );
        let palette = info.palette.as_deref().unwrap();
        assert_eq!(palette.len(), 256 * 3);
        assert_eq!((&palette[..3], &palette[765..]), (&bg[..], &ink[..]));
        let between =
            |p: [u8; 3]| (0..3).all(|i| p[i] >= bg[i].min(ink[i]) && p[i] <= bg[i].max(ink[i]));
        assert!(img.pixels().all(|p| between(p.0)));
        let mixed = img.pixels().filter(|p| p.0 != bg && p.0 != ink).count();
        assert!(mixed > 1_000, "{mixed} anti-aliased pixels");
        assert!(a.bytes.len() < 80_000, "{} bytes", a.bytes.len());
    }

    #[test]
    fn coverage_mixes_ink_over_what_is_there_and_rules_are_solid() {
        let mut c = Canvas {
            cov: vec![0; (WIDTH * HEIGHT) as usize],
        };
        c.blend(1, 0, 0.5);
        c.blend(2, 0, 0.5);
        c.blend(2, 0, 0.5);
        c.blend(3, 0, 1.0);
        c.blend(3, 0, 0.5);
        c.blend(-1, 0, 1.0);
        c.blend(0, i64::from(HEIGHT), 1.0);
        c.rule(WIDTH - 2, WIDTH + 5, 1, 2);
        let w = WIDTH as usize;
        assert_eq!(&c.cov[..5], [0, 128, 192, 255, 0]);
        assert_eq!(&c.cov[w + w - 3..w + w], [0, 255, 255]);
        assert_eq!(&c.cov[2 * w + w - 3..2 * w + w], [0, 255, 255]);
        assert_eq!(c.cov[3 * w + w - 1], 0);
    }

    #[test]
    fn an_english_cover_uses_a_latin_font_and_breaks_at_spaces() {
        with_fonts("en", |f| {
            let title = "The Reading Room of a Small Harbour Town and Its Borrowers";
            let fitted = fit(f, title, WIDTH as f32 * 0.78, 170.0, 4);
            assert!(fitted.lines.len() >= 2);
            assert_eq!(fitted.lines.join(" "), title);
        });
    }
}
