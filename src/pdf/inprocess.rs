//! In-process Typst (内置排版引擎): compiles a project with the typst crates (cargo feature `pdf`).
//!
//! A minimal [`World`]: the project folder is the root (files outside it are refused, packages
//! are not available), fonts are the project's `fonts/` folder (where the fonts book.toml lists
//! are shipped; `typst compile --font-path fonts` for the CLI) before the system's (both scanned
//! by typst-kit; Typst's embedded fonts are left out to keep the feature light, so the Latin
//! serif falls back as [`super`] explains),
//! `sys.inputs` holds the given inputs, and `today()` and the PDF's creation date come from the
//! given timestamp (Unix seconds, UTC; now when none is given).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use typst::diag::{FileError, FileResult, PackageError, Severity, SourceDiagnostic, Warned};
use typst::foundations::{Bytes, Datetime, Dict, Duration, Str, Value};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};
use typst_kit::fonts::FontStore;
use typst_layout::PagedDocument;

use super::PdfError;

/// How the in-process compiler names itself in [`PdfError::Run`].
pub const PROGRAM: &str = "typst (in-process)";

/// The fonts the compiler sees: the system's (fontconfig's folders).
pub fn font_store() -> FontStore {
    let mut store = FontStore::new();
    store.extend(typst_kit::fonts::system());
    store
}

/// The fonts the compiler sees for the project in `root`: those in its `fonts/` folder
/// (searched recursively, as `--font-path` is), then the system's. The project's come first,
/// as the CLI gives `--font-path` fonts precedence, so a book's own font wins over an
/// installed one of the same family.
pub fn project_font_store(root: &Path) -> FontStore {
    let mut store = FontStore::new();
    let fonts = root.join(crate::writer::typst::FONTS_DIR);
    if fonts.is_dir() {
        store.extend(typst_kit::fonts::scan(&fonts));
    }
    store.extend(typst_kit::fonts::system());
    store
}

/// The font families in `store`, as Typst names them.
pub fn families(store: &FontStore) -> Vec<String> {
    store
        .book()
        .families()
        .map(|(name, _)| name.to_string())
        .collect()
}

/// Compiles `main` to `out` (dated `timestamp`, Unix seconds, when given); returns every error
/// and warning Typst reported. `out` is written only when there was neither.
pub fn compile(
    main: &Path,
    out: &Path,
    inputs: &[(&str, &str)],
    timestamp: Option<i64>,
) -> Result<Vec<String>, PdfError> {
    let root = main.parent().unwrap_or(Path::new("."));
    let world = ProjectWorld::new(main, inputs, timestamp, project_font_store(root))?;
    let Warned { output, warnings } = typst::compile::<PagedDocument>(&world);
    let mut problems: Vec<String> = warnings.iter().map(|d| world.describe(d)).collect();
    let document = match output {
        Ok(document) => document,
        Err(errors) => {
            problems.extend(errors.iter().map(|d| world.describe(d)));
            return Ok(problems);
        }
    };
    if !problems.is_empty() {
        return Ok(problems);
    }
    let (date, time) = super::utc_civil(world.timestamp);
    let options = typst_pdf::PdfOptions {
        timestamp: Datetime::from_ymd_hms(date.0, date.1, date.2, time.0, time.1, time.2)
            .map(typst_pdf::Timestamp::new_utc),
        ..typst_pdf::PdfOptions::default()
    };
    match typst_pdf::pdf(&document, &options) {
        Ok(bytes) => std::fs::write(out, bytes).map_err(|source| PdfError::Io {
            path: out.to_path_buf(),
            source,
        })?,
        Err(errors) => problems.extend(errors.iter().map(|d| world.describe(d))),
    }
    Ok(problems)
}

/// The project as Typst sees it.
struct ProjectWorld {
    /// The project folder, canonical.
    root: PathBuf,
    /// The main file.
    main: FileId,
    /// The standard library with `sys.inputs`.
    library: LazyHash<Library>,
    /// The project's fonts, then the system's.
    fonts: FontStore,
    /// Unix seconds for `today()` and the PDF's creation date.
    timestamp: i64,
    /// Files already read, by id.
    files: Mutex<HashMap<FileId, FileResult<Bytes>>>,
    /// Sources already parsed, by id.
    sources: Mutex<HashMap<FileId, FileResult<Source>>>,
}

impl ProjectWorld {
    fn new(
        main: &Path,
        inputs: &[(&str, &str)],
        timestamp: Option<i64>,
        fonts: FontStore,
    ) -> Result<Self, PdfError> {
        let dir = main.parent().unwrap_or(Path::new("."));
        let root = dir.canonicalize().map_err(|source| PdfError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        let name = main
            .file_name()
            .map_or("main.typ".into(), |n| n.to_string_lossy());
        let vpath = VirtualPath::new(&*name).map_err(|e| PdfError::Run {
            program: PROGRAM.into(),
            message: format!("{}: {e}", main.display()),
        })?;
        let inputs: Dict = inputs
            .iter()
            .map(|(k, v)| (Str::from(*k), Value::Str(Str::from(*v))))
            .collect();
        let timestamp = timestamp.unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs() as i64)
        });
        Ok(ProjectWorld {
            root,
            main: RootedPath::new(VirtualRoot::Project, vpath).intern(),
            library: LazyHash::new(Library::builder().with_inputs(inputs).build()),
            fonts,
            timestamp,
            files: Mutex::new(HashMap::new()),
            sources: Mutex::new(HashMap::new()),
        })
    }

    /// The file `id` on disk: inside the root, never in a package.
    fn path(&self, id: FileId) -> FileResult<PathBuf> {
        if let VirtualRoot::Package(spec) = id.root() {
            return Err(FileError::Package(PackageError::Other(Some(
                format!("{spec}: packages are not available to paiban's in-process compiler")
                    .into(),
            ))));
        }
        let path = id.vpath().realize(&self.root).map_err(FileError::Realize)?;
        let real = path
            .canonicalize()
            .map_err(|e| FileError::from_io(e, &path))?;
        if !real.starts_with(&self.root) {
            return Err(FileError::AccessDenied);
        }
        Ok(real)
    }

    /// Reads the file `id` from disk.
    fn read(&self, id: FileId) -> FileResult<Bytes> {
        let path = self.path(id)?;
        if path.is_dir() {
            return Err(FileError::IsDirectory);
        }
        std::fs::read(&path)
            .map(Bytes::new)
            .map_err(|e| FileError::from_io(e, &path))
    }

    /// A diagnostic as one line, like `typst compile --diagnostic-format short`.
    fn describe(&self, d: &SourceDiagnostic) -> String {
        let severity = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let place = d.span.id().map(|id| {
            let file = id.vpath().get_without_slash().to_string();
            let at = self
                .range(d.span)
                .zip(self.source(id).ok())
                .and_then(|(r, s)| s.lines().byte_to_line_column(r.start));
            match at {
                Some((line, col)) => format!("{file}:{}:{}: ", line + 1, col + 1),
                None => format!("{file}: "),
            }
        });
        let mut s = format!("{}{severity}: {}", place.unwrap_or_default(), d.message);
        for hint in &d.hints {
            s.push_str(&format!(" (hint: {})", hint.v));
        }
        s
    }
}

impl World for ProjectWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.fonts.book()
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        let mut sources = self.sources.lock().unwrap_or_else(|e| e.into_inner());
        sources
            .entry(id)
            .or_insert_with(|| {
                let bytes = self.file(id)?;
                let text = std::str::from_utf8(&bytes).map_err(|_| FileError::InvalidUtf8)?;
                let text = text.strip_prefix('\u{feff}').unwrap_or(text);
                Ok(Source::new(id, text.to_string()))
            })
            .clone()
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        let mut files = self.files.lock().unwrap_or_else(|e| e.into_inner());
        files.entry(id).or_insert_with(|| self.read(id)).clone()
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.font(index)
    }

    fn today(&self, offset: Option<Duration>) -> Option<Datetime> {
        let shift = match offset {
            Some(d) if d.seconds().is_finite() => d.seconds().trunc() as i64,
            Some(_) => return None,
            None => 0,
        };
        let ((y, m, d), _) = super::utc_civil(self.timestamp.checked_add(shift)?);
        Datetime::from_ymd(y, m, d)
    }
}
