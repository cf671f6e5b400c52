//! The build pipeline the CLI drives: load → decode → read → book.toml → writers → safe output.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::config;
use crate::diag::{Code, Diagnostic, Severity};
use crate::error::{Error, Result};
use crate::input::{self, InputKind};
use crate::model::Resource;
use crate::output::{Protected, Staging};
use crate::pdf::{self, PdfOptions};
use crate::reader::{self, ReadOptions, Reading};
use crate::settings::Settings;
use crate::source::Source;
use crate::writer::Output;
use crate::writer::epub::{EpubError, EpubOptions, write_epub};
use crate::writer::markdown::{self, MarkdownOptions, write_markdown};
use crate::writer::typst::{TypstOptions, write_typst};

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
    /// An encoding forcing the decoder (`--encoding gb18030`, `utf-16le` …).
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// A `book.toml` whose fields override what the reader recovered (given with `--meta`, or
    /// found beside the manuscript by [`config::find_book_toml`]).
    pub meta: Option<PathBuf>,
    /// Keep a Project Gutenberg licence as back matter (`--keep-licence`).
    pub keep_licence: bool,
    /// `-M key=value` overrides, applied after `meta` (see [`config::parse_overrides`]).
    pub overrides: Vec<String>,
    /// `--allow CODE`: diagnostics of these codes are dropped (never an error's code).
    pub allow: Vec<Code>,
}

/// Reads `book.toml` and the `-M` overrides into one configuration. A bad `book.toml` is a
/// diagnostic on its own source (returned beside the source); a bad `-M` is an error.
fn load_config(
    req: &ReadRequest,
) -> Result<(
    Option<config::BookConfig>,
    Option<Source>,
    Option<Diagnostic>,
)> {
    let mut cfg = None;
    let mut source = None;
    let mut problem = None;
    if let Some(path) = &req.meta {
        let text = input::read_text(path, InputKind::BookToml)?;
        match config::check(&text) {
            Ok(c) => cfg = Some(c),
            Err(d) => problem = Some(d),
        }
        source = Some(Source::new(path.display().to_string(), text));
    }
    if !req.overrides.is_empty() {
        let overrides = config::parse_overrides(&req.overrides)?;
        cfg = Some(match cfg {
            Some(c) => c.then(&overrides),
            None => overrides,
        });
    }
    Ok((cfg, source, problem))
}

/// Reads the file, decodes it and structures it with `book.toml` and `-M` applied inside the
/// reading (a field the user set silences the reader's findings about it).
pub fn read(req: &ReadRequest) -> Result<(Source, Reading)> {
    let path = &req.input;
    let bytes = input::read(path, InputKind::Manuscript)?;
    let decoded = reader::decode(&bytes, req.encoding).map_err(|source| Error::Decode {
        path: path.clone(),
        source,
    })?;
    let source = Source::new(path.display().to_string(), decoded.text);
    let (cfg, config_source, problem) = load_config(req)?;
    // `--keep-licence` or `keep_licence = true` in book.toml (or `-M keep_licence=true`)
    let keep_licence = req.keep_licence
        || cfg
            .as_ref()
            .and_then(|c| c.options.keep_licence)
            .unwrap_or(false);
    let patch = cfg.map(|c| c.patch);
    let mut reading = if reader::markdown::is_markdown_path(path) {
        let mut r = reader::markdown::read_markdown(&source);
        if let Some(p) = &patch {
            reader::apply_patch(p, &mut r.book, &mut r.diagnostics);
        }
        r
    } else {
        let opts = ReadOptions {
            patch,
            keep_licence,
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
    let (source, mut reading) = read(req)?;
    if failed(&reading.diagnostics) {
        return Ok((source, reading));
    }
    let doc = write_markdown(&reading.book, &MarkdownOptions::default());
    let files = collect(doc, &mut reading.diagnostics);
    if failed(&reading.diagnostics) {
        return Ok((source, reading));
    }
    let guard = Protected::new(
        [Some(req.input.as_path()), req.meta.as_deref()]
            .into_iter()
            .flatten(),
    );
    let (_, text) = files
        .iter()
        .find(|(path, _)| path == markdown::FILE)
        .expect("the Markdown writer writes its one file");
    crate::output::write_file(target, text, &[&guard])?;
    Ok((source, reading))
}

/// Whether an error is among the diagnostics: the build then writes nothing.
fn failed(diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(|d| d.severity == Severity::Error)
}

/// Takes a writer's diagnostics into the build's (writers never print) and gives back its
/// files.
fn collect(output: Output, diagnostics: &mut Vec<Diagnostic>) -> Vec<(String, Vec<u8>)> {
    diagnostics.extend(output.diagnostics);
    output.files
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
    /// Other files no output may write over or replace: a batch's inputs, shared by its books.
    pub protect: Arc<Protected>,
    /// The environment, read once by `main`: where Typst is, `SOURCE_DATE_EPOCH`.
    pub settings: Settings,
    /// The system fonts for a generated cover, scanned once for a whole batch
    /// ([`crate::batch::build_all`]); `None` scans them in this build.
    pub cover_fonts: Option<crate::writer::epub::CoverFonts>,
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

fn read_optional(path: &Option<PathBuf>, kind: InputKind) -> Result<Option<Vec<u8>>> {
    path.as_ref().map(|p| input::read(p, kind)).transpose()
}

fn read_text(path: &Option<PathBuf>, kind: InputKind) -> Result<Option<String>> {
    path.as_ref().map(|p| input::read_text(p, kind)).transpose()
}

/// The last second of 9999-12-31: `dcterms:modified` has four-digit years.
pub const MAX_EPOCH: i64 = 253_402_300_799;

/// Parses `SOURCE_DATE_EPOCH`: whole seconds from 1970-01-01 to 9999-12-31.
fn source_date_epoch(v: &str) -> Result<i64> {
    let bad = |why: &str| Error::Config {
        path: "SOURCE_DATE_EPOCH".into(),
        message: format!("{v:?} {why}"),
    };
    let secs = v
        .trim()
        .parse::<i64>()
        .map_err(|_| bad("is not a number of seconds since 1970"))?;
    if !(0..=MAX_EPOCH).contains(&secs) {
        return Err(bad(&format!(
            "is outside 0 … {MAX_EPOCH} (1970-01-01 … 9999-12-31, the dates an EPUB can carry)"
        )));
    }
    Ok(secs)
}

/// The EPUB stylesheet: the built-in one (or `--css-replace`), then each `--css` file in order,
/// each under a comment naming it; `None` when neither is given (the writer's built-in).
fn stylesheet(req: &BuildRequest, resources: &[Resource]) -> Result<Option<String>> {
    if req.css.is_empty() && req.css_replace.is_none() {
        return Ok(None);
    }
    let base = req.read.meta.as_deref().and_then(Path::parent);
    // A `url(…)` relative to the stylesheet that names a book.toml resource points at the copy
    // the EPUB carries (`EPUB/res/…`, seen from `EPUB/css/epub.css`).
    let read = |path: &Path| -> Result<String> {
        let dir = path.parent().unwrap_or(Path::new("."));
        let href = |arg: &str| {
            let base = base?;
            let target = std::fs::canonicalize(dir.join(arg)).ok()?;
            resources
                .iter()
                .find(|r| std::fs::canonicalize(base.join(r.path())).ok() == Some(target.clone()))
                .map(|r| format!("../{}", crate::writer::epub::resource_href(r)))
        };
        let text = input::read_stylesheet(path, &|arg| href(arg).is_some())?;
        Ok(input::rewrite_urls(&text, &href))
    };
    let mut css = match &req.css_replace {
        Some(path) => read(path)?,
        None => crate::writer::epub::DEFAULT_CSS.to_string(),
    };
    for path in &req.css {
        let text = read(path)?;
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

/// The `[[resources]]` of the book.toml read, relative to its folder; what is wrong with one is
/// an error diagnostic on its line of book.toml (a book.toml that did not parse was reported
/// by [`read`]).
fn load_resources(req: &ReadRequest, config: Option<&Source>) -> (Vec<Resource>, Vec<Diagnostic>) {
    let (Some(path), Some(source)) = (&req.meta, config) else {
        return Default::default();
    };
    let Ok(toml) = config::check(&source.text) else {
        return Default::default();
    };
    let base = path.parent().unwrap_or(Path::new("."));
    config::load_resources(&toml.resources, base, &source.text)
}

/// The `dcterms:modified` time: `SOURCE_DATE_EPOCH` if set, else the book's date, else 1980-01-01.
pub fn modified_time(date: Option<crate::model::PartialDate>, settings: &Settings) -> Result<i64> {
    if let Some(v) = &settings.source_date_epoch {
        return source_date_epoch(v);
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

/// Days since 1970-01-01 of a proleptic Gregorian date (jiff); 0 for a date jiff rejects.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let date = (|| {
        jiff::civil::Date::new(
            i16::try_from(y).ok()?,
            i8::try_from(m).ok()?,
            i8::try_from(d).ok()?,
        )
        .ok()
    })();
    date.map_or(0, |date| {
        i64::from(
            date.since(jiff::civil::date(1970, 1, 1))
                .map_or(0, |span| span.get_days()),
        )
    })
}

/// The file stem used for outputs (`book` for `book.txt`).
fn stem(input: &Path) -> String {
    input
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "book".into())
}

/// Runs a whole build: read, then stage each requested format in the output folder and commit
/// them together (see [`Staging`]).
pub fn build(req: &BuildRequest) -> Result<BuildReport> {
    let (source, reading) = read(&req.read)?;
    let Reading {
        book,
        mut diagnostics,
        config,
        ..
    } = reading;
    let (resources, problems) = load_resources(&req.read, config.as_ref());
    diagnostics.extend(problems);
    let withheld = |source, config, diagnostics| BuildReport {
        source,
        config,
        diagnostics,
        outputs: Vec::new(),
        withheld: true,
    };
    let worst = diagnostics.iter().map(|d| d.severity).max();
    if worst == Some(Severity::Error) || (req.deny_warnings && worst >= Some(Severity::Warning)) {
        return Ok(withheld(source, config, diagnostics));
    }
    // Read every optional input before writing anything, so a bad one leaves no output.
    let cover = read_optional(&req.cover, InputKind::Cover)?;
    let css = stylesheet(req, &resources)?;
    let template = read_text(&req.typst_template, InputKind::Template)?;
    let own = Protected::new(
        [
            Some(req.read.input.as_path()),
            req.read.meta.as_deref(),
            req.cover.as_deref(),
            req.css_replace.as_deref(),
            req.typst_template.as_deref(),
        ]
        .into_iter()
        .flatten()
        .chain(req.css.iter().map(PathBuf::as_path)),
    );
    let guards = [&own, &*req.protect];
    let stem = req.stem.clone().unwrap_or_else(|| stem(&req.read.input));
    let epub_name = format!("{stem}.epub");
    let project_name = format!("{stem}-typst");
    let pdf_name = format!("{stem}.pdf");
    let mut staging = Staging::begin(&req.out_dir)?;
    // Register every target and check them before the slow work, so a refused one fails early.
    let pdf_path = if req.formats.pdf {
        Some(staging.file_path(&pdf_name)?)
    } else {
        None
    };
    // Every writer runs before anything is staged: a writer's error diagnostic withholds all.
    let epub = if req.formats.epub {
        let opts = EpubOptions {
            css,
            cover,
            modified_unix: modified_time(book.meta.date, &req.settings)?,
            note_style: None,
            generate_cover: true,
            cover_fonts: req.cover_fonts.clone(),
            print_colophon: req.print_colophon,
            resources: resources.clone(),
        };
        let epub = write_epub(&book, &opts).map_err(|source| match (&source, &req.cover) {
            (EpubError::Cover(_), Some(cover)) => Error::Cover {
                path: cover.clone(),
                source,
            },
            _ => Error::Epub {
                path: req.out_dir.join(&epub_name),
                source,
            },
        })?;
        diagnostics.extend(epub.diagnostics);
        Some(epub.bytes)
    } else {
        None
    };
    let project = (req.formats.typst || req.formats.pdf).then(|| {
        let opts = TypstOptions {
            template,
            bleed_mm: 0.0,
            fonts: resources
                .iter()
                .filter(|r| r.media_type().is_font())
                .cloned()
                .collect(),
        };
        collect(write_typst(&book, &opts), &mut diagnostics)
    });
    if failed(&diagnostics) {
        return Ok(withheld(source, config, diagnostics));
    }
    if let Some(bytes) = &epub {
        staging.file(&epub_name, bytes)?;
    }
    if let Some(files) = &project {
        let dir = if req.formats.typst {
            staging.project(&project_name, files)?
        } else {
            staging.scratch_project(&project_name, files)?
        };
        staging.check_targets(&guards)?;
        if let Some(staged_pdf) = &pdf_path {
            let opts = PdfOptions {
                settings: req.settings.clone(),
                timestamp: Some(modified_time(book.meta.date, &req.settings)?),
            };
            pdf::compile_project(&dir, staged_pdf, &opts).map_err(|source| Error::Pdf {
                path: req.out_dir.join(&pdf_name),
                source,
            })?;
        }
    }
    let outputs = staging.commit(&guards)?;
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
    fn source_date_epoch_is_checked() {
        let cases = [
            ("0", Ok(0)),
            (" 1700000000 ", Ok(1_700_000_000)),
            ("253402300799", Ok(MAX_EPOCH)),
            ("253402300800", Err("is outside 0 … 253402300799")),
            ("-1", Err("is outside 0")),
            ("99999999999999999999", Err("is not a number")),
            ("yesterday", Err("is not a number")),
        ];
        for (v, want) in cases {
            match (source_date_epoch(v), want) {
                (Ok(got), Ok(want)) => assert_eq!(got, want, "{v}"),
                (Err(e), Err(want)) => assert!(e.to_string().contains(want), "{v}: {e}"),
                (got, _) => panic!("{v}: {got:?}"),
            }
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
