//! 容器 (OCF container): the zip with `mimetype` first and stored, fixed timestamps and order.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use super::EpubError;
use super::package::civil;
use super::xml::Xml;

/// Path of the package document inside the container.
pub const PACKAGE_PATH: &str = "EPUB/content.opf";

/// META-INF/container.xml pointing at [`PACKAGE_PATH`].
pub fn container_xml() -> Vec<u8> {
    let mut x = Xml::new();
    x.open(
        "container",
        &[
            ("version", "1.0"),
            ("xmlns", "urn:oasis:names:tc:opendocument:xmlns:container"),
        ],
    );
    x.nl();
    x.open("rootfiles", &[]);
    x.nl();
    x.empty(
        "rootfile",
        &[
            ("full-path", PACKAGE_PATH),
            ("media-type", "application/oebps-package+xml"),
        ],
    );
    x.nl();
    x.close("rootfiles");
    x.nl();
    x.close("container");
    x.finish()
}

/// The zip timestamp for a Unix time, clamped to the DOS range 1980–2107.
pub fn zip_time(unix: i64) -> DateTime {
    let (y, m, d, hh, mm, ss) = civil(unix);
    let fallback = DateTime::default();
    if !(1980..=2107).contains(&y) {
        return fallback;
    }
    DateTime::from_date_and_time(y as u16, m, d, hh, mm, ss).unwrap_or(fallback)
}

/// Deflate level (压缩级别) of every entry but `mimetype`. Chosen by measurement (`cargo bench
/// --bench pipeline -- deflate`, 250k-character book, zlib-rs): level 9 took ~4 ms more than 6
/// for 1.8% smaller output, and level 1 is ~10% larger; 6 is zlib's own default.
pub const DEFLATE_LEVEL: i64 = 6;

/// Whether an entry is deflated: everything but formats that are compressed already (PNG, JPEG,
/// GIF, WebP images, WOFF and WOFF2 fonts), which are stored — deflating them again costs CPU for
/// next to nothing (a JPEG shrinks by about 1%), and a reader inflating them gains nothing.
pub fn deflates(name: &str) -> bool {
    let ext = name.rsplit_once('.').map_or("", |(_, e)| e);
    !["png", "jpg", "jpeg", "gif", "webp", "woff", "woff2"]
        .iter()
        .any(|c| ext.eq_ignore_ascii_case(c))
}

/// How the entries are compressed: one after another, or on all cores (the bytes are the same).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Packing {
    /// Each entry deflated on rayon's pool, then all written in order.
    #[default]
    Parallel,
    /// Each entry deflated as it is written (the reference the parallel path must equal).
    Sequential,
}

/// Zips the files in the given order after `mimetype` (stored); every other entry is deflated
/// unless it is compressed already ([`deflates`]).
/// All entries get the same timestamp and permissions, so equal input gives equal bytes.
pub fn package(files: &[(String, Vec<u8>)], modified_unix: i64) -> Result<Vec<u8>, EpubError> {
    package_with(files, modified_unix, Packing::default())
}

/// [`package`], compressing as `packing` says.
pub fn package_with(
    files: &[(String, Vec<u8>)],
    modified_unix: i64,
    packing: Packing,
) -> Result<Vec<u8>, EpubError> {
    use rayon::prelude::*;
    use zip::write::PreparedZipFile;
    let zerr = |e: zip::result::ZipError| EpubError::Zip(e.to_string());
    let ioerr = |e: std::io::Error| EpubError::Zip(e.to_string());
    let time = zip_time(modified_unix);
    let mut z = ZipWriter::new(Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Stored)
        .last_modified_time(time)
        .unix_permissions(0o644);
    z.start_file("mimetype", stored).map_err(zerr)?;
    z.write_all(b"application/epub+zip").map_err(ioerr)?;
    let deflated = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(DEFLATE_LEVEL))
        .last_modified_time(time)
        .unix_permissions(0o644);
    let method = |name: &str| if deflates(name) { deflated } else { stored };
    let container = container_xml();
    let entries: Vec<(&str, &[u8])> = std::iter::once(("META-INF/container.xml", &container[..]))
        .chain(files.iter().map(|(n, b)| (n.as_str(), b.as_slice())))
        .collect();
    match packing {
        Packing::Sequential => {
            for (name, bytes) in entries {
                z.start_file(name, method(name)).map_err(zerr)?;
                z.write_all(bytes).map_err(ioerr)?;
            }
        }
        Packing::Parallel => {
            // rayon's collect keeps the input order; the writer then copies each entry's
            // compressed bytes as they are.
            let prepared: Vec<PreparedZipFile> = entries
                .par_iter()
                .map(|(name, bytes)| PreparedZipFile::from_data(name, method(name), bytes))
                .collect::<Result<_, _>>()
                .map_err(zerr)?;
            z.add_prepared_files(prepared).map_err(zerr)?;
        }
    }
    Ok(z.finish().map_err(zerr)?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compressed_formats_are_stored_and_the_rest_deflated() {
        let cases = [
            ("EPUB/images/cover.png", false),
            ("EPUB/images/cover.jpg", false),
            ("EPUB/res/pics/Plate.JPEG", false),
            ("EPUB/res/a.gif", false),
            ("EPUB/res/a.webp", false),
            ("EPUB/res/fonts/Body.woff2", false),
            ("EPUB/res/fonts/Body.woff", false),
            ("EPUB/res/fonts/Body.otf", true),
            ("EPUB/res/fonts/Body.ttf", true),
            ("EPUB/res/map.svg", true),
            ("EPUB/chapter-1.xhtml", true),
            ("EPUB/content.opf", true),
            ("EPUB/png", true),
        ];
        for (name, want) in cases {
            assert_eq!(deflates(name), want, "{name}");
        }
    }

    #[test]
    fn a_png_entry_is_stored_byte_for_byte() {
        use std::io::Read;
        let png = b"\x89PNG\r\n\x1a\n fake image bytes".to_vec();
        let files = vec![
            ("EPUB/images/cover.png".to_string(), png.clone()),
            (
                "EPUB/a.xhtml".to_string(),
                b"<p>text text text text</p>".repeat(20),
            ),
        ];
        for packing in [Packing::Sequential, Packing::Parallel] {
            let bytes = package_with(&files, 0, packing).unwrap();
            let mut z = zip::ZipArchive::new(Cursor::new(&bytes)).unwrap();
            let mut f = z.by_name("EPUB/images/cover.png").unwrap();
            assert_eq!(f.compression(), CompressionMethod::Stored);
            let mut got = Vec::new();
            f.read_to_end(&mut got).unwrap();
            assert_eq!(got, png);
            drop(f);
            let f = z.by_name("EPUB/a.xhtml").unwrap();
            assert_eq!(f.compression(), CompressionMethod::Deflated);
        }
    }
}
