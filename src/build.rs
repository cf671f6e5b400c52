//! The build pipeline the CLI drives: load → decode → read → book.toml → writers → safe output.

use std::path::{Path, PathBuf};

use crate::diag::{Code, Diagnostic, Severity};
use crate::error::{Error, Result};
use crate::model::MetadataPatch;
use crate::pdf::{self, PdfOptions};
use crate::reader::{self, ReadOptions, Reading};
use crate::source::Source;
use crate::writer::epub::{EpubOptions, write_epub};
use crate::writer::typst::{TypstOptions, write_typst};
use crate::{config, output};

/// Output formats of a build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Formats {
    /// Write `<stem>.epub`.
    pub epub: bool,
    /// Write the `<stem>-typst/` project.
    pub typst: bool,
    /// Compile the Typst project to `<stem>.pdf`.
    pub pdf: bool,
}

impl Default for Formats {
    fn default() -> Self {
        Formats {
            epub: true,
            typst: true,
            pdf: false,
        }
    }
}

impl Formats {
    /// Parses `epub,typst,pdf`.
    pub fn parse(list: &str) -> std::result::Result<Self, String> {
        let mut f = Formats {
            epub: false,
            typst: false,
            pdf: false,
        };
        for part in list.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            match part {
                "epub" => f.epub = true,
                "typst" => f.typst = true,
                "pdf" => f.pdf = true,
                other => {
                    return Err(format!(
                        "unknown format {other:?} (expected epub, typst or pdf)"
                    ));
                }
            }
        }
        if !(f.epub || f.typst || f.pdf) {
            return Err("no output format given".into());
        }
        Ok(f)
    }
}

/// How to read a manuscript.
#[derive(Debug, Clone, Default)]
pub struct ReadRequest {
    /// The manuscript.
    pub input: PathBuf,
    /// An encoding label forcing the decoder (`gb18030`, `utf-16le` …).
    pub encoding: Option<String>,
    /// A `book.toml` whose fields override what the reader recovered (given with `--meta`, or
    /// found beside the manuscript by [`config::find_book_toml`]).
    pub meta: Option<PathBuf>,
    /// `-M key=value` overrides, applied after `meta` (see [`config::parse_overrides`]).
    pub overrides: Vec<String>,
    /// `--allow CODE`: diagnostics of these codes are dropped (never an error's code).
    pub allow: Vec<Code>,
}

/// Reads `book.toml` and the `-M` overrides into one patch. A bad `book.toml` is a diagnostic on
/// its own source (returned beside the source); a bad `-M` is an error.
fn load_patch(
    req: &ReadRequest,
) -> Result<(Option<MetadataPatch>, Option<Source>, Option<Diagnostic>)> {
    let mut patch = None;
    let mut source = None;
    let mut problem = None;
    if let Some(path) = &req.meta {
        let text = std::fs::read_to_string(path).map_err(|e| Error::Io {
            path: path.clone(),
            source: e,
        })?;
        match config::check(&text) {
            Ok(p) => patch = Some(p),
            Err(d) => problem = Some(d),
        }
        source = Some(Source::new(path.display().to_string(), text));
    }
    if !req.overrides.is_empty() {
        let overrides = config::parse_overrides(&req.overrides)?;
        patch = Some(match patch {
            Some(p) => p.then(&overrides),
            None => overrides,
        });
    }
    Ok((patch, source, problem))
}

/// Reads the file, decodes it and structures it with `book.toml` and `-M` applied inside the
/// reading (a field the user set silences the reader's findings about it).
pub fn read(req: &ReadRequest) -> Result<(Source, Reading)> {
    let path = &req.input;
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        path: path.clone(),
        source,
    })?;
    let forced = match &req.encoding {
        None => None,
        Some(label) => Some(
            encoding_rs::Encoding::for_label(label.as_bytes()).ok_or_else(|| Error::Config {
                path: "--encoding".into(),
                message: format!(
                    "unknown encoding {label:?} (try utf-8, gb18030, gbk, big5, utf-16le)"
                ),
            })?,
        ),
    };
    let decoded = reader::decode(&bytes, forced).map_err(|source| Error::Decode {
        path: path.clone(),
        source,
    })?;
    let source = Source::new(path.display().to_string(), decoded.text);
    let (patch, config_source, problem) = load_patch(req)?;
    let mut reading = if reader::markdown::is_markdown_path(path) {
        let mut r = reader::markdown::read_markdown(&source);
        if let Some(p) = &patch {
            reader::apply_patch(p, &mut r.book, &mut r.diagnostics);
        }
        r
    } else {
        let opts = ReadOptions {
            patch,
            ..ReadOptions::default()
        };
        reader::read(&source, &opts)
    };
    if let Some(d) = problem {
        reading.diagnostics.insert(0, d);
    }
    crate::diag::resolve_all(&mut reading.diagnostics, &source.text);
    reading.config = config_source;
    reading.diagnostics.retain(|d| !req.allow.contains(&d.code));
    Ok((source, reading))
}

/// `paiban convert`: reads `req` and writes it as Markdown to `target` (pandoc-compatible, read
/// back by `paiban build BOOK.md`); returns the reading for its diagnostics.
pub fn convert(req: &ReadRequest, target: &Path) -> Result<(Source, Reading)> {
    let (source, reading) = read(req)?;
    if reading
        .diagnostics
        .iter()
        .any(|d| d.severity >= Severity::Error)
    {
        return Ok((source, reading));
    }
    let doc = crate::writer::markdown::write_markdown(
        &reading.book,
        &crate::writer::markdown::MarkdownOptions::default(),
    );
    let inputs: Vec<&Path> = [Some(req.input.as_path()), req.meta.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    output::write_file(target, doc.text.as_bytes(), &inputs)?;
    Ok((source, reading))
}

/// Everything `paiban build` needs.
#[derive(Debug, Clone, Default)]
pub struct BuildRequest {
    /// What to read.
    pub read: ReadRequest,
    /// The output folder (created if missing).
    pub out_dir: PathBuf,
    /// A cover image (JPEG, PNG, WebP).
    pub cover: Option<PathBuf>,
    /// Stylesheets added after the built-in one (`--css`, in order).
    pub css: Vec<PathBuf>,
    /// A stylesheet replacing the built-in one (`--css-replace`); `css` still follows it.
    pub css_replace: Option<PathBuf>,
    /// A Typst template replacing the built-in one.
    pub typst_template: Option<PathBuf>,
    /// Which outputs to write.
    pub formats: Formats,
    /// The outputs' file stem (`-o out/name.epub` → `name`); the manuscript's stem when `None`.
    pub stem: Option<String>,
    /// `--deny-warnings`: if the reader warns, write nothing (see [`BuildReport::withheld`]).
    /// An error always withholds the outputs.
    pub deny_warnings: bool,
    /// `--print-colophon`: keep print-only colophon fields (定价, 印张 …) in the EPUB.
    pub print_colophon: bool,
}

/// What a build wrote and found.
#[derive(Debug)]
pub struct BuildReport {
    /// The decoded manuscript (for rendering diagnostics).
    pub source: Source,
    /// The `book.toml` applied, if any (for rendering diagnostics on it).
    pub config: Option<Source>,
    /// Reader and writer diagnostics.
    pub diagnostics: Vec<Diagnostic>,
    /// The files and folders written.
    pub outputs: Vec<PathBuf>,
    /// Nothing was written: there was an error, or [`BuildRequest::deny_warnings`] was set and
    /// there were warnings.
    pub withheld: bool,
}

impl BuildReport {
    /// The number of error diagnostics.
    pub fn errors(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    /// The number of diagnostics at warning level or above.
    pub fn warnings(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity >= Severity::Warning)
            .count()
    }
}

fn read_optional(path: &Option<PathBuf>) -> Result<Option<Vec<u8>>> {
    path.as_ref()
        .map(|p| {
            std::fs::read(p).map_err(|source| Error::Io {
                path: p.clone(),
                source,
            })
        })
        .transpose()
}

fn read_text(path: &Option<PathBuf>) -> Result<Option<String>> {
    match read_optional(path)? {
        None => Ok(None),
        Some(bytes) => String::from_utf8(bytes)
            .map(Some)
            .map_err(|e| Error::Config {
                path: path.clone().unwrap_or_default(),
                message: format!(
                    "not UTF-8 text (invalid byte at offset {})",
                    e.utf8_error().valid_up_to()
                ),
            }),
    }
}

/// The EPUB stylesheet: the built-in one (or `--css-replace`), then each `--css` file in order,
/// each under a comment naming it; `None` when neither is given (the writer's built-in).
fn stylesheet(req: &BuildRequest) -> Result<Option<String>> {
    if req.css.is_empty() && req.css_replace.is_none() {
        return Ok(None);
    }
    let mut css = match read_text(&req.css_replace)? {
        Some(replacement) => replacement,
        None => crate::writer::epub::DEFAULT_CSS.to_string(),
    };
    for path in &req.css {
        let text = read_text(&Some(path.clone()))?.unwrap_or_default();
        let name = path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        if !css.ends_with('\n') {
            css.push('\n');
        }
        css.push_str(&format!("\n/* --css {} */\n", name.replace("*/", "* /")));
        css.push_str(&text);
    }
    Ok(Some(css))
}

/// The `dcterms:modified` time: `SOURCE_DATE_EPOCH` if set, else the book's date, else 1980-01-01.
pub fn modified_time(date: Option<crate::model::PartialDate>) -> Result<i64> {
    if let Ok(v) = std::env::var("SOURCE_DATE_EPOCH") {
        return v.trim().parse::<i64>().map_err(|_| Error::Config {
            path: "SOURCE_DATE_EPOCH".into(),
            message: format!("{v:?} is not a number of seconds since 1970"),
        });
    }
    Ok(match date {
        Some(d) => {
            days_from_civil(
                i64::from(d.year),
                d.month.unwrap_or(1).into(),
                d.day.unwrap_or(1).into(),
            ) * 86_400
        }
        None => 315_532_800,
    })
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The file stem used for outputs (`book` for `book.txt`).
fn stem(input: &Path) -> String {
    input
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "book".into())
}

/// Runs a whole build: read, then write each requested format into the output folder.
pub fn build(req: &BuildRequest) -> Result<BuildReport> {
    let (source, reading) = read(&req.read)?;
    let Reading {
        book,
        mut diagnostics,
        config,
        ..
    } = reading;
    let worst = diagnostics.iter().map(|d| d.severity).max();
    if worst == Some(Severity::Error) || (req.deny_warnings && worst >= Some(Severity::Warning)) {
        return Ok(BuildReport {
            source,
            config,
            diagnostics,
            outputs: Vec::new(),
            withheld: true,
        });
    }
    // Read every optional input before writing anything, so a bad one leaves no output.
    let cover = read_optional(&req.cover)?;
    let css = stylesheet(req)?;
    let template = read_text(&req.typst_template)?;
    let inputs: Vec<&Path> = [
        Some(req.read.input.as_path()),
        req.read.meta.as_deref(),
        req.cover.as_deref(),
        req.css_replace.as_deref(),
        req.typst_template.as_deref(),
    ]
    .into_iter()
    .flatten()
    .chain(req.css.iter().map(PathBuf::as_path))
    .collect();
    let stem = req.stem.clone().unwrap_or_else(|| stem(&req.read.input));
    // Check every target before writing anything, so a refused one leaves no other output.
    if req.formats.epub {
        output::check_target(&req.out_dir.join(format!("{stem}.epub")), &inputs)?;
    }
    if req.formats.typst {
        output::check_dir_target(&req.out_dir.join(format!("{stem}-typst")), &inputs)?;
    }
    if req.formats.pdf {
        output::check_target(&req.out_dir.join(format!("{stem}.pdf")), &inputs)?;
    }
    output::ensure_dir(&req.out_dir)?;
    let mut outputs = Vec::new();
    if req.formats.epub {
        let path = req.out_dir.join(format!("{stem}.epub"));
        let opts = EpubOptions {
            css,
            cover,
            modified_unix: modified_time(book.meta.date)?,
            note_style: None,
            generate_cover: true,
            print_colophon: req.print_colophon,
        };
        let epub = write_epub(&book, &opts).map_err(|source| Error::Epub {
            path: path.clone(),
            source,
        })?;
        diagnostics.extend(epub.diagnostics);
        if diagnostics.iter().any(|d| d.severity == Severity::Error) {
            return Ok(BuildReport {
                source,
                config,
                diagnostics,
                outputs: Vec::new(),
                withheld: true,
            });
        }
        output::write_file(&path, &epub.bytes, &inputs)?;
        outputs.push(path);
    }
    if req.formats.typst || req.formats.pdf {
        let project = write_typst(
            &book,
            &TypstOptions {
                template,
                bleed_mm: 0.0,
            },
        );
        let dir = if req.formats.typst {
            req.out_dir.join(format!("{stem}-typst"))
        } else {
            req.out_dir
                .join(format!(".{stem}-typst.paiban-build-{}", std::process::id()))
        };
        output::write_dir(&dir, &project.files, &inputs)?;
        if req.formats.pdf {
            let path = req.out_dir.join(format!("{stem}.pdf"));
            let opts = PdfOptions {
                timestamp: Some(modified_time(book.meta.date)?),
                ..PdfOptions::default()
            };
            let compiled = pdf::compile_project(&dir, &path, &opts);
            if !req.formats.typst {
                let _ = std::fs::remove_dir_all(&dir);
            }
            compiled.map_err(|source| Error::Pdf {
                path: path.clone(),
                source,
            })?;
            outputs.push(path);
        }
        if req.formats.typst {
            outputs.push(dir);
        }
    }
    Ok(BuildReport {
        source,
        config,
        diagnostics,
        outputs,
        withheld: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates_to_days() {
        let cases = [
            ((1970, 1, 1), 0),
            ((2000, 1, 1), 10_957),
            ((2008, 5, 1), 14_000),
            ((1980, 1, 1), 3_652),
        ];
        for ((y, m, d), want) in cases {
            assert_eq!(days_from_civil(y, m, d), want, "{y}-{m}-{d}");
        }
    }

    #[test]
    fn formats_parse() {
        let f = Formats::parse("epub, pdf").unwrap();
        assert_eq!((f.epub, f.typst, f.pdf), (true, false, true));
        assert!(Formats::parse("mobi").unwrap_err().contains("mobi"));
        assert!(Formats::parse("").is_err());
    }
}
