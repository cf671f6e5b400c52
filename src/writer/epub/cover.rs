//! 封面 (cover): the user's image, checked and normalised, or a generated typographic cover page.

use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::imageops::FilterType;
use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader};

use super::EpubError;
use super::kinds::{self, Matter};
use super::xhtml;
use crate::diag::{Code, Diagnostic};
use crate::model::{DivisionKind, Metadata};

/// Largest cover the EPUB carries: 1600 × 2560 px (fits Kindle and Apple Books guidance).
pub const MAX_WIDTH: u32 = 1600;
/// See [`MAX_WIDTH`].
pub const MAX_HEIGHT: u32 = 2560;
/// Covers shorter than this look blurry on current readers.
pub const MIN_HEIGHT: u32 = 1000;

/// Largest side of a cover paiban decodes, in pixels (a print cover at 600 dpi is ~6000 px tall).
pub const MAX_DECODE_SIDE: u32 = 12_000;
/// Most pixels of a cover paiban decodes: 40 megapixels.
pub const MAX_DECODE_PIXELS: u64 = 40_000_000;
/// Most bytes the decoder may hold for a cover: 512 MiB (40 Mpx of 16-bit RGBA is 320 MB).
pub const MAX_DECODE_BYTES: u64 = 512 * 1024 * 1024;

/// A cover image ready for the package.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoverImage {
    /// Encoded bytes.
    pub bytes: Vec<u8>,
    /// `image/jpeg` or `image/png`.
    pub media_type: &'static str,
    /// File name inside `EPUB/images/` (`cover.jpg`).
    pub file: &'static str,
    /// Width in pixels after scaling.
    pub width: u32,
    /// Height in pixels after scaling.
    pub height: u32,
}

/// Decodes a JPEG, PNG or WebP cover; a JPEG or PNG within 1600×2560 with no EXIF rotation is
/// kept byte for byte, anything else is turned upright, scaled down to fit 1600×2560 and
/// re-encoded as
/// JPEG (or PNG when it has transparency). Warns when it is under 1000 px tall.
pub fn prepare(bytes: &[u8], diags: &mut Vec<Diagnostic>) -> Result<CoverImage, EpubError> {
    let format = image::guess_format(bytes)
        .map_err(|_| EpubError::Cover("the file is not a JPEG, PNG or WebP image".to_string()))?;
    if !matches!(
        format,
        ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP
    ) {
        return Err(EpubError::Cover(format!(
            "{format:?} images are not supported; use JPEG, PNG or WebP"
        )));
    }
    let corrupt =
        |e: image::ImageError| EpubError::Cover(format!("the {format:?} data is corrupt: {e}"));
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_DECODE_SIDE);
    limits.max_image_height = Some(MAX_DECODE_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    let too_large = |w: u32, h: u32| {
        EpubError::Cover(format!(
            "the image is {w}×{h} px; paiban decodes covers of at most {MAX_DECODE_SIDE} px a \
             side and {} megapixels (the EPUB carries at most {MAX_WIDTH}×{MAX_HEIGHT})",
            MAX_DECODE_PIXELS / 1_000_000
        ))
    };
    // The header alone gives the size: a decompression bomb is refused before any decoding.
    let mut decoder = reader.into_decoder().map_err(|e| match e {
        image::ImageError::Limits(_) => match header_size(bytes, format) {
            Some((w, h)) => too_large(w, h),
            None => EpubError::Cover(format!("the image is over paiban's decoding limits: {e}")),
        },
        e => corrupt(e),
    })?;
    let (w, h) = decoder.dimensions();
    if u64::from(w) * u64::from(h) > MAX_DECODE_PIXELS || decoder.total_bytes() > MAX_DECODE_BYTES {
        return Err(too_large(w, h));
    }
    // Camera JPEGs are often stored sideways with an EXIF orientation: apply it.
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let mut img = DynamicImage::from_decoder(decoder).map_err(corrupt)?;
    // A JPEG or PNG already within limits and upright is carried byte for byte: re-encoding
    // it would only add size and generation loss.
    let within = img.width() <= MAX_WIDTH && img.height() <= MAX_HEIGHT;
    let upright = orientation == Orientation::NoTransforms;
    let as_is = match format {
        ImageFormat::Jpeg => Some(("image/jpeg", "cover.jpg")),
        ImageFormat::Png => Some(("image/png", "cover.png")),
        _ => None,
    };
    if let (true, true, Some((media_type, file))) = (within, upright, as_is) {
        warn_if_short(img.width(), img.height(), diags);
        return Ok(CoverImage {
            bytes: bytes.to_vec(),
            media_type,
            file,
            width: img.width(),
            height: img.height(),
        });
    }
    img.apply_orientation(orientation);
    if img.width() > MAX_WIDTH || img.height() > MAX_HEIGHT {
        img = img.resize(MAX_WIDTH, MAX_HEIGHT, FilterType::Lanczos3);
    }
    warn_if_short(img.width(), img.height(), diags);
    let (width, height) = (img.width(), img.height());
    let mut out = Vec::new();
    if img.color().has_alpha() {
        DynamicImage::ImageRgba8(img.to_rgba8())
            .write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
            .map_err(|e| EpubError::Cover(format!("cannot encode the cover as PNG: {e}")))?;
        Ok(CoverImage {
            bytes: out,
            media_type: "image/png",
            file: "cover.png",
            width,
            height,
        })
    } else {
        let rgb = img.to_rgb8();
        JpegEncoder::new_with_quality(&mut out, 90)
            .encode_image(&rgb)
            .map_err(|e| EpubError::Cover(format!("cannot encode the cover as JPEG: {e}")))?;
        Ok(CoverImage {
            bytes: out,
            media_type: "image/jpeg",
            file: "cover.jpg",
            width,
            height,
        })
    }
}

/// Warns when a cover is under [`MIN_HEIGHT`] pixels tall.
fn warn_if_short(width: u32, height: u32, diags: &mut Vec<Diagnostic>) {
    if height < MIN_HEIGHT {
        diags.push(
            Diagnostic::new(
                Code::CoverSmall,
                0,
                format!("the cover image is only {width}×{height} px; it will look blurry"),
            )
            .with_hint("use a cover at least 1000 px tall (1600×2560 is ideal)"),
        );
    }
}

/// Width and height from a PNG header (IHDR), for the message about an image over the limits.
fn header_size(bytes: &[u8], format: ImageFormat) -> Option<(u32, u32)> {
    if format != ImageFormat::Png || bytes.len() < 24 || &bytes[12..16] != b"IHDR" {
        return None;
    }
    let be =
        |at: usize| u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    Some((be(16), be(20)))
}

/// The cover page: the image full-page, or, without one, the title, author and publisher set in
/// type.
pub fn cover_page(meta: &Metadata, lang: &str, image: Option<&CoverImage>) -> Vec<u8> {
    let name = kinds::default_name(DivisionKind::Cover, lang);
    let title = if meta.title.is_empty() {
        name.to_string()
    } else {
        meta.title.clone()
    };
    xhtml::page(
        lang,
        &title,
        Some(Matter::Front.epub_type()),
        |x| match image {
            Some(img) => {
                x.open(
                    "section",
                    &[
                        ("id", "cover"),
                        ("class", "cover cover-image"),
                        ("epub:type", "cover"),
                    ],
                );
                x.nl();
                let src = format!("images/{}", img.file);
                let alt = format!("{name}：{title}");
                x.empty(
                    "img",
                    &[("src", &src), ("alt", &alt), ("role", "doc-cover")],
                );
                x.nl();
                x.close("section");
                x.nl();
            }
            None => {
                x.open(
                    "section",
                    &[
                        ("id", "cover"),
                        ("class", "cover cover-generated"),
                        ("epub:type", "cover"),
                        ("aria-label", name),
                    ],
                );
                x.nl();
                x.leaf("p", &[("class", "cover-title")], &title);
                x.nl();
                if let Some(sub) = &meta.subtitle {
                    x.leaf("p", &[("class", "cover-subtitle")], sub);
                    x.nl();
                }
                let authors = author_line(meta);
                if !authors.is_empty() {
                    x.leaf("p", &[("class", "cover-author")], &authors);
                    x.nl();
                }
                if let Some(p) = &meta.publisher {
                    x.leaf("p", &[("class", "cover-publisher")], p);
                    x.nl();
                }
                x.close("section");
                x.nl();
            }
        },
    )
}

/// The author line for the cover: the printed statement, else the authors' names.
pub fn author_line(meta: &Metadata) -> String {
    if let Some(s) = &meta.author_statement {
        return s.clone();
    }
    let names: Vec<&str> = meta.authors.iter().map(|a| a.name.as_str()).collect();
    let sep = if kinds::is_chinese(&meta.language) {
        "　"
    } else {
        ", "
    };
    names.join(sep)
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{Rgb, RgbImage, Rgba, RgbaImage};

    fn png(img: DynamicImage) -> Vec<u8> {
        let mut out = Vec::new();
        img.write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
            .unwrap();
        out
    }

    #[test]
    fn large_opaque_cover_is_scaled_to_fit_and_becomes_jpeg() {
        let img = DynamicImage::ImageRgb8(RgbImage::from_pixel(3200, 200, Rgb([200, 30, 30])));
        let mut diags = Vec::new();
        let c = prepare(&png(img), &mut diags).unwrap();
        assert_eq!((c.media_type, c.file), ("image/jpeg", "cover.jpg"));
        assert!(
            c.width <= MAX_WIDTH && c.height <= MAX_HEIGHT,
            "{}x{}",
            c.width,
            c.height
        );
        assert_eq!((c.width, c.height), (1600, 100));
        assert_eq!(diags.len(), 1, "short covers warn");
        assert_eq!(image::guess_format(&c.bytes).unwrap(), ImageFormat::Jpeg);
    }

    #[test]
    fn covers_within_limits_are_copied_byte_for_byte() {
        let jpeg = {
            let mut out = Vec::new();
            let img = RgbImage::from_fn(1200, 1800, |x, y| {
                Rgb([(x % 256) as u8, (y % 256) as u8, 90])
            });
            JpegEncoder::new_with_quality(&mut out, 75)
                .encode_image(&img)
                .unwrap();
            out
        };
        let c = prepare(&jpeg, &mut Vec::new()).unwrap();
        assert_eq!(c.bytes, jpeg, "a JPEG within limits is not re-encoded");
        assert_eq!(
            (c.media_type, c.file, c.width, c.height),
            ("image/jpeg", "cover.jpg", 1200, 1800)
        );
        let png_bytes = png(DynamicImage::ImageRgb8(RgbImage::from_pixel(
            1000,
            1600,
            Rgb([1, 2, 3]),
        )));
        let c = prepare(&png_bytes, &mut Vec::new()).unwrap();
        assert_eq!(c.bytes, png_bytes);
        assert_eq!((c.media_type, c.file), ("image/png", "cover.png"));
    }

    #[test]
    fn small_transparent_cover_stays_png_with_a_warning() {
        let img = DynamicImage::ImageRgba8(RgbaImage::from_pixel(300, 450, Rgba([0, 0, 0, 10])));
        let mut diags = Vec::new();
        let c = prepare(&png(img), &mut diags).unwrap();
        assert_eq!((c.media_type, c.width, c.height), ("image/png", 300, 450));
        assert_eq!(diags.len(), 1);
        assert!(diags[0].message.contains("300×450"), "{}", diags[0].message);
    }

    #[test]
    fn exif_orientation_is_applied() {
        use image::ImageEncoder;
        // A little-endian TIFF block with one IFD entry: Orientation (0x0112) = 6 (rotate 90°).
        let exif = vec![
            b'I', b'I', 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0, 0, 0, 0,
            0,
        ];
        let img = RgbImage::from_pixel(40, 20, Rgb([10, 20, 30]));
        let mut jpeg = Vec::new();
        let mut enc = JpegEncoder::new(&mut jpeg);
        enc.set_exif_metadata(exif).unwrap();
        enc.write_image(img.as_raw(), 40, 20, image::ExtendedColorType::Rgb8)
            .unwrap();
        let c = prepare(&jpeg, &mut Vec::new()).unwrap();
        assert_eq!((c.width, c.height), (20, 40));
    }

    #[test]
    fn corrupt_covers_are_clear_errors() {
        let mut diags = Vec::new();
        let err = prepare(b"not an image at all", &mut diags).unwrap_err();
        assert!(err.to_string().contains("not a JPEG, PNG or WebP"), "{err}");
        let mut truncated = png(DynamicImage::ImageRgb8(RgbImage::new(40, 60)));
        truncated.truncate(60);
        let err = prepare(&truncated, &mut diags).unwrap_err();
        assert!(err.to_string().contains("corrupt"), "{err}");
    }
}
