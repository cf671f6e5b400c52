//! 资源 (resources): fonts and images a book carries besides its text — listed in book.toml,
//! embedded in the EPUB and declared in its manifest, given to Typst as font files. A
//! [`Resource`] holds a safe relative path, a media type its bytes agree with, and the bytes.

use std::fmt;

/// What kind of file a resource is, by its extension and first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MediaType {
    /// OpenType with CFF outlines (`.otf`, `OTTO`).
    Otf,
    /// TrueType, or OpenType with TrueType outlines (`.ttf`).
    Ttf,
    /// WOFF 1.0 (`.woff`, `wOFF`).
    Woff,
    /// WOFF 2.0 (`.woff2`, `wOF2`).
    Woff2,
    /// PNG image.
    Png,
    /// JPEG image (`.jpg`, `.jpeg`).
    Jpeg,
    /// GIF image.
    Gif,
    /// WebP image.
    Webp,
    /// SVG image (XML text).
    Svg,
}

impl MediaType {
    /// The IANA media type the EPUB manifest declares (`font/otf`, `image/png` …), as EPUB 3.3's
    /// core media types list them.
    pub fn as_str(self) -> &'static str {
        match self {
            MediaType::Otf => "font/otf",
            MediaType::Ttf => "font/ttf",
            MediaType::Woff => "font/woff",
            MediaType::Woff2 => "font/woff2",
            MediaType::Png => "image/png",
            MediaType::Jpeg => "image/jpeg",
            MediaType::Gif => "image/gif",
            MediaType::Webp => "image/webp",
            MediaType::Svg => "image/svg+xml",
        }
    }

    /// Whether it is a font (given to Typst as well as the EPUB).
    pub fn is_font(self) -> bool {
        matches!(
            self,
            MediaType::Otf | MediaType::Ttf | MediaType::Woff | MediaType::Woff2
        )
    }

    /// The type a file name's extension names, case-insensitively.
    pub fn from_extension(path: &str) -> Option<MediaType> {
        let ext = path.rsplit_once('.')?.1.to_ascii_lowercase();
        Some(match ext.as_str() {
            "otf" => MediaType::Otf,
            "ttf" => MediaType::Ttf,
            "woff" => MediaType::Woff,
            "woff2" => MediaType::Woff2,
            "png" => MediaType::Png,
            "jpg" | "jpeg" => MediaType::Jpeg,
            "gif" => MediaType::Gif,
            "webp" => MediaType::Webp,
            "svg" => MediaType::Svg,
            _ => return None,
        })
    }

    /// Whether `bytes` begin as a file of this type does (the format's signature).
    fn matches(self, bytes: &[u8]) -> bool {
        let starts = |sig: &[u8]| bytes.starts_with(sig);
        match self {
            // TrueType outlines: version 1.0 or Apple's `true`; a collection is not one font.
            MediaType::Ttf => starts(&[0, 1, 0, 0]) || starts(b"true"),
            MediaType::Otf => starts(b"OTTO") || starts(&[0, 1, 0, 0]),
            MediaType::Woff => starts(b"wOFF"),
            MediaType::Woff2 => starts(b"wOF2"),
            MediaType::Png => starts(b"\x89PNG\r\n\x1a\n"),
            MediaType::Jpeg => starts(&[0xFF, 0xD8, 0xFF]),
            MediaType::Gif => starts(b"GIF87a") || starts(b"GIF89a"),
            MediaType::Webp => bytes.len() >= 12 && starts(b"RIFF") && &bytes[8..12] == b"WEBP",
            MediaType::Svg => {
                let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]);
                head.contains("<svg")
            }
        }
    }
}

impl fmt::Display for MediaType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A file the book carries: a font or an image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resource {
    path: String,
    media_type: MediaType,
    bytes: Vec<u8>,
}

/// Why a file cannot be a resource.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ResourceError {
    /// The path is absolute, climbs out with `..`, or has characters an EPUB path cannot hold.
    #[error(
        "resource path {0:?} must be relative to book.toml's folder and stay inside it \
         (letters, digits, `-`, `_`, `.` and `/`)"
    )]
    Path(String),
    /// The extension names no font or image type an EPUB may carry.
    #[error(
        "resource {0:?} is not a font or image an EPUB may carry \
         (.otf, .ttf, .woff, .woff2, .png, .jpg, .gif, .webp, .svg)"
    )]
    Type(String),
    /// The bytes are not what the extension says.
    #[error("resource {path:?} is named as {media_type} but its bytes are not one")]
    Content {
        /// The path as written.
        path: String,
        /// The type its name gives.
        media_type: MediaType,
    },
}

impl Resource {
    /// A resource at `path` (relative, `/`-separated, inside the book's folder) holding
    /// `bytes`, typed by its extension and checked against its first bytes.
    pub fn new(path: &str, bytes: Vec<u8>) -> Result<Self, ResourceError> {
        let (path, media_type) = Resource::check_path(path)?;
        if !media_type.matches(&bytes) {
            return Err(ResourceError::Content { path, media_type });
        }
        Ok(Resource {
            path,
            media_type,
            bytes,
        })
    }

    /// The normal form and media type of a resource path, before its file is read: an error
    /// for a path outside the book's folder or a type an EPUB may not carry.
    pub fn check_path(path: &str) -> Result<(String, MediaType), ResourceError> {
        let path = normal_path(path).ok_or_else(|| ResourceError::Path(path.to_string()))?;
        let media_type =
            MediaType::from_extension(&path).ok_or_else(|| ResourceError::Type(path.clone()))?;
        Ok((path, media_type))
    }

    /// The path relative to book.toml's folder, `/`-separated (`fonts/Body.otf`).
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The file name alone (`Body.otf`).
    pub fn file_name(&self) -> &str {
        self.path.rsplit('/').next().unwrap_or(&self.path)
    }

    /// The media type.
    pub fn media_type(&self) -> MediaType {
        self.media_type
    }

    /// The file's bytes.
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }
}

/// `fonts/./Body.otf` → `fonts/Body.otf`; `None` for an absolute path, one with `..`, an empty
/// part after normalising, or a character outside the portable set (EPUB paths are URLs).
fn normal_path(path: &str) -> Option<String> {
    let portable = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.');
    if path.starts_with('/') || path.contains('\\') {
        return None;
    }
    let parts: Vec<&str> = path
        .split('/')
        .filter(|p| !p.is_empty() && *p != ".")
        .collect();
    let ok = !parts.is_empty()
        && parts
            .iter()
            .all(|p| *p != ".." && !p.starts_with('.') && p.chars().all(portable));
    ok.then(|| parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const OTF: &[u8] = b"OTTO\0\x0a\0\x80";
    const TTF: &[u8] = &[0, 1, 0, 0, 0, 10, 0, 128];
    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

    #[test]
    fn resources_are_typed_by_name_and_checked_by_content() {
        /// (path, bytes, the normal path and media type or the start of the error)
        type Case<'a> = (&'a str, &'a [u8], Result<(&'a str, &'a str), &'a str>);
        let cases: &[Case] = &[
            ("fonts/Body.otf", OTF, Ok(("fonts/Body.otf", "font/otf"))),
            ("./fonts//Body.TTF", TTF, Ok(("fonts/Body.TTF", "font/ttf"))),
            ("a.woff2", b"wOF2\0\x01", Ok(("a.woff2", "font/woff2"))),
            ("a.woff", b"wOFF\0\x01", Ok(("a.woff", "font/woff"))),
            ("img/logo.png", PNG, Ok(("img/logo.png", "image/png"))),
            (
                "x.jpeg",
                &[0xFF, 0xD8, 0xFF, 0xE0],
                Ok(("x.jpeg", "image/jpeg")),
            ),
            (
                "x.svg",
                b"<?xml version=\"1.0\"?><svg/>",
                Ok(("x.svg", "image/svg+xml")),
            ),
            (
                "x.webp",
                b"RIFF\0\0\0\0WEBPVP8 ",
                Ok(("x.webp", "image/webp")),
            ),
            ("/etc/fonts/a.otf", OTF, Err("must be relative")),
            ("../a.otf", OTF, Err("must be relative")),
            ("fonts/../../a.otf", OTF, Err("must be relative")),
            ("fonts/my font.otf", OTF, Err("must be relative")),
            ("fonts/.hidden.otf", OTF, Err("must be relative")),
            ("fonts\\a.otf", OTF, Err("must be relative")),
            ("", OTF, Err("must be relative")),
            ("notes.txt", b"text", Err("is not a font or image")),
            ("font.ttc", b"ttcf", Err("is not a font or image")),
            (
                "fake.otf",
                PNG,
                Err("is named as font/otf but its bytes are not one"),
            ),
            ("fake.png", OTF, Err("is named as image/png")),
        ];
        for (path, bytes, want) in cases {
            let got = Resource::new(path, bytes.to_vec());
            match (got, want) {
                (Ok(r), Ok((p, t))) => {
                    assert_eq!((r.path(), r.media_type().as_str()), (*p, *t), "{path}");
                    assert_eq!(r.bytes(), *bytes);
                }
                (Err(e), Err(msg)) => assert!(e.to_string().contains(msg), "{path}: {e}"),
                (got, _) => panic!("{path}: {got:?}"),
            }
        }
    }

    #[test]
    fn fonts_are_told_from_images() {
        assert!(MediaType::Woff2.is_font() && MediaType::Otf.is_font());
        assert!(!MediaType::Png.is_font() && !MediaType::Svg.is_font());
        let r = Resource::new("fonts/Body.otf", OTF.to_vec()).unwrap();
        assert_eq!(r.file_name(), "Body.otf");
    }
}
