//! PDF (印刷文件): compiles a written Typst project to PDF, every Typst warning an error.
//!
//! Backends, tried in order: with the cargo feature `pdf`, the typst crates in-process
//! ([`inprocess`]); else, in each folder of [`Settings::homes`] (`$VALIDATORS_HOME`, then
//! `./.validators`), a `bin/typst` CLI or the Python `typst` module of `venv/`; else a `typst` CLI
//! on `PATH`. Nothing else here depends on which backend runs.
//!
//! Typst only warns about a missing font and then prints empty boxes, so [`compile_project`]
//! first picks an installed CJK serif from [`CJK_SERIF_FONTS`] (a clear [`PdfError::NoCjkFont`]
//! when there is none) and fails on any warning. The Latin serif [`LATIN_SERIF`] is embedded in
//! the `typst` CLI and the Python module; the in-process backend sees only the project's
//! `fonts/` folder and the system's fonts, so when it is not installed, Latin letters and digits
//! are set in the CJK serif's own Latin glyphs (named in [`PdfReport::latin_font`]). Every
//! backend is given the project's `fonts/` folder, where the fonts book.toml lists are shipped,
//! both for the families it can use and for the compile.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::settings::{INSTALL_HINT, Settings};
use crate::writer::typst::{
    CJK_SERIF_FONTS, CJK_SERIF_FONTS_HANT, LATIN_SERIF, LATIN_SERIF_FALLBACK,
};

#[cfg(feature = "pdf")]
pub mod inprocess;

/// Unix seconds as a UTC calendar date (year, month, day) and time (hour, minute, second),
/// through jiff as the rest of the crate; times beyond jiff's range (years ±9999) are clamped
/// to it. The in-process backend dates the PDF and Typst's `datetime.today()` with it.
pub fn utc_civil(secs: i64) -> ((i32, u8, u8), (u8, u8, u8)) {
    let t = jiff::Timestamp::from_second(secs).unwrap_or(if secs < 0 {
        jiff::Timestamp::MIN
    } else {
        jiff::Timestamp::MAX
    });
    let dt = jiff::tz::Offset::UTC.to_datetime(t);
    let small = |v: i8| u8::try_from(v).unwrap_or(0);
    (
        (i32::from(dt.year()), small(dt.month()), small(dt.day())),
        (small(dt.hour()), small(dt.minute()), small(dt.second())),
    )
}

/// Why a PDF could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// No Typst compiler could be found.
    #[error(
        "no Typst compiler found (looked for {looked}): {INSTALL_HINT} (the typst CLI, \
         `cargo install typst-cli`, or the Python module, `pip install typst` into a venv/ there)"
    )]
    NoCompiler {
        /// Where it was looked for.
        looked: String,
    },
    /// None of the CJK serif fonts the template can use is installed.
    #[error(
        "no CJK serif font installed (tried {}): install fonts-noto-cjk (apt install fonts-noto-cjk)",
        tried.join(", ")
    )]
    NoCjkFont {
        /// The families looked for.
        tried: Vec<String>,
    },
    /// The compiler could not be run, or its answer could not be read.
    #[error("{program}: {message}")]
    Run {
        /// The program that was run.
        program: PathBuf,
        /// What went wrong.
        message: String,
    },
    /// Typst reported errors or warnings (each warning counts as an error).
    #[error("{main}: Typst reported {} problem(s):\n{}", diagnostics.len(), diagnostics.join("\n"))]
    Diagnostics {
        /// The project's main file.
        main: PathBuf,
        /// Each error or warning, as Typst printed it.
        diagnostics: Vec<String>,
    },
    /// A file could not be read, written or renamed.
    #[error("{path}: {source}")]
    Io {
        /// The file concerned.
        path: PathBuf,
        /// The operating system's error.
        source: std::io::Error,
    },
}

/// A Typst compiler this machine can run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Compiler {
    /// The typst crates linked into paiban (cargo feature `pdf`).
    #[cfg(feature = "pdf")]
    InProcess,
    /// The `typst` command-line program.
    Cli(PathBuf),
    /// A Python interpreter with the `typst` module.
    Python(PathBuf),
}

/// What a successful compilation used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfReport {
    /// The compiler that ran.
    pub compiler: Compiler,
    /// The CJK serif family the book was set in.
    pub cjk_font: String,
    /// The CJK serif a Traditional Chinese book is set in: the first installed of
    /// [`CJK_SERIF_FONTS_HANT`], else [`PdfReport::cjk_font`].
    pub cjk_font_hant: String,
    /// The family of its Latin letters and digits: [`LATIN_SERIF`], else
    /// [`LATIN_SERIF_FALLBACK`], else the CJK serif.
    pub latin_font: String,
}

/// How to compile.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PdfOptions {
    /// Where to look for a compiler ([`Compiler::find`]).
    pub settings: Settings,
    /// The PDF's creation date as Unix seconds, for byte-identical rebuilds; `None` for now.
    pub timestamp: Option<i64>,
}

/// The script the Python backend runs: `argv` = command, then its arguments; prints JSON.
const PY_SCRIPT: &str = r#"
import json, sys, typst
cmd = sys.argv[1]
if cmd == "families":
    paths = [sys.argv[2]] if len(sys.argv) > 2 and sys.argv[2] else []
    print(json.dumps(typst.Fonts(font_paths=paths).families()))
    sys.exit(0)
main, out, root, inputs = sys.argv[2], sys.argv[3], sys.argv[4], json.loads(sys.argv[5])
stamp = int(sys.argv[6]) if sys.argv[6] else None
fonts = [sys.argv[7]] if len(sys.argv) > 7 and sys.argv[7] else []
try:
    _, warnings = typst.compile_with_warnings(
        main, output=out, root=root, sys_inputs=inputs, timestamp=stamp, font_paths=fonts)
    print(json.dumps({"problems": [w.diagnostic or w.message for w in warnings]}))
except typst.TypstError as e:
    print(json.dumps({"problems": [getattr(e, "diagnostic", None) or str(e)]}))
"#;

impl Compiler {
    /// The first compiler found: in-process (feature `pdf`), else [`Compiler::find_external`].
    pub fn find(settings: &Settings) -> Result<Compiler, PdfError> {
        #[cfg(feature = "pdf")]
        {
            let _ = settings;
            Ok(Compiler::InProcess)
        }
        #[cfg(not(feature = "pdf"))]
        Compiler::find_external(settings)
    }

    /// The first compiler outside paiban: in each folder of [`Settings::homes`] its `bin/typst`,
    /// else its `venv/bin/python` with the `typst` module; else `typst` on `PATH`.
    pub fn find_external(settings: &Settings) -> Result<Compiler, PdfError> {
        let mut looked = Vec::new();
        for home in settings.homes() {
            let cli = home.join("bin").join("typst");
            if cli.is_file() {
                return Ok(Compiler::Cli(cli));
            }
            let python = home.join("venv").join("bin").join("python");
            if python.is_file() {
                let ok = Command::new(&python)
                    .args(["-c", "import typst"])
                    .output()
                    .is_ok_and(|o| o.status.success());
                if ok {
                    return Ok(Compiler::Python(python));
                }
            }
            looked.push(format!("{}, {}", cli.display(), python.display()));
        }
        if let Some(cli) = settings.on_path("typst") {
            return Ok(Compiler::Cli(cli));
        }
        looked.push("typst on PATH".into());
        Err(PdfError::NoCompiler {
            looked: looked.join(", "),
        })
    }

    fn program(&self) -> &Path {
        match self {
            #[cfg(feature = "pdf")]
            Compiler::InProcess => Path::new(inprocess::PROGRAM),
            Compiler::Cli(p) | Compiler::Python(p) => p,
        }
    }

    /// The font families the compiler can use (system and embedded).
    pub fn families(&self) -> Result<Vec<String>, PdfError> {
        self.families_with(None)
    }

    /// The font families the compiler can use for the project in `dir`: its `fonts/` folder's
    /// as well as the system's, as [`Compiler::compile`] gives them to Typst.
    pub fn families_in(&self, dir: &Path) -> Result<Vec<String>, PdfError> {
        self.families_with(Some(dir))
    }

    fn families_with(&self, dir: Option<&Path>) -> Result<Vec<String>, PdfError> {
        let fonts = dir
            .map(|d| d.join(crate::writer::typst::FONTS_DIR))
            .filter(|f| f.is_dir());
        let out = match self {
            #[cfg(feature = "pdf")]
            Compiler::InProcess => {
                let store = match dir {
                    Some(d) => inprocess::project_font_store(d),
                    None => inprocess::font_store(),
                };
                return Ok(inprocess::families(&store));
            }
            Compiler::Cli(p) => {
                let mut cmd = Command::new(p);
                cmd.arg("fonts");
                if let Some(f) = &fonts {
                    cmd.arg("--font-path").arg(f);
                }
                cmd.output()
            }
            Compiler::Python(p) => Command::new(p)
                .args(["-c", PY_SCRIPT, "families"])
                .args(fonts.iter())
                .output(),
        }
        .map_err(|e| self.run_error(e.to_string()))?;
        if !out.status.success() {
            return Err(self.run_error(String::from_utf8_lossy(&out.stderr).into_owned()));
        }
        let stdout = String::from_utf8_lossy(&out.stdout);
        match self {
            Compiler::Python(_) => {
                serde_json::from_str(&stdout).map_err(|e| self.run_error(e.to_string()))
            }
            _ => Ok(stdout.lines().map(|l| l.trim().to_string()).collect()),
        }
    }

    /// Compiles `main` to `out` (dated `timestamp`, Unix seconds, when given); returns every
    /// error and warning Typst reported.
    pub fn compile(
        &self,
        main: &Path,
        out: &Path,
        inputs: &[(&str, &str)],
        timestamp: Option<i64>,
    ) -> Result<Vec<String>, PdfError> {
        let root = main.parent().unwrap_or(Path::new("."));
        match self {
            #[cfg(feature = "pdf")]
            Compiler::InProcess => inprocess::compile(main, out, inputs, timestamp),
            Compiler::Cli(p) => {
                let mut cmd = Command::new(p);
                cmd.arg("compile")
                    .arg("--root")
                    .arg(root)
                    .args(["--diagnostic-format", "short"]);
                let fonts = root.join(crate::writer::typst::FONTS_DIR);
                if fonts.is_dir() {
                    cmd.arg("--font-path").arg(fonts);
                }
                for (k, v) in inputs {
                    cmd.arg("--input").arg(format!("{k}={v}"));
                }
                if let Some(t) = timestamp {
                    cmd.arg("--creation-timestamp").arg(t.to_string());
                }
                let o = cmd
                    .arg(main)
                    .arg(out)
                    .output()
                    .map_err(|e| self.run_error(e.to_string()))?;
                let stderr = String::from_utf8_lossy(&o.stderr);
                let mut problems: Vec<String> = stderr
                    .lines()
                    .filter(|l| l.contains("error:") || l.contains("warning:"))
                    .map(str::to_string)
                    .collect();
                if !o.status.success() && problems.is_empty() {
                    problems.push(stderr.trim().to_string());
                }
                Ok(problems)
            }
            Compiler::Python(p) => {
                let inputs: serde_json::Map<String, serde_json::Value> = inputs
                    .iter()
                    .map(|(k, v)| (k.to_string(), serde_json::Value::String(v.to_string())))
                    .collect();
                let o = Command::new(p)
                    .args(["-c", PY_SCRIPT, "compile"])
                    .arg(main)
                    .arg(out)
                    .arg(root)
                    .arg(serde_json::Value::Object(inputs).to_string())
                    .arg(timestamp.map(|t| t.to_string()).unwrap_or_default())
                    .arg(
                        Some(root.join(crate::writer::typst::FONTS_DIR))
                            .filter(|f| f.is_dir())
                            .map(|f| f.into_os_string())
                            .unwrap_or_default(),
                    )
                    .output()
                    .map_err(|e| self.run_error(e.to_string()))?;
                if !o.status.success() {
                    return Err(self.run_error(String::from_utf8_lossy(&o.stderr).into_owned()));
                }
                #[derive(serde::Deserialize)]
                struct Answer {
                    problems: Vec<String>,
                }
                let a: Answer = serde_json::from_slice(&o.stdout)
                    .map_err(|e| self.run_error(format!("unreadable answer: {e}")))?;
                Ok(a.problems)
            }
        }
    }

    fn run_error(&self, message: String) -> PdfError {
        PdfError::Run {
            program: self.program().to_path_buf(),
            message,
        }
    }
}

/// Compiles the project in `dir` (its `main.typ`) to `pdf`, with the first compiler found.
///
/// The PDF is written to a temporary file beside `pdf` and renamed only when Typst reported
/// neither an error nor a warning; otherwise no file is left behind.
pub fn compile_project(dir: &Path, pdf: &Path, opts: &PdfOptions) -> Result<PdfReport, PdfError> {
    let compiler = Compiler::find(&opts.settings)?;
    compile_with(compiler, dir, pdf, opts)
}

/// [`compile_project`] with a given compiler.
pub fn compile_with(
    compiler: Compiler,
    dir: &Path,
    pdf: &Path,
    opts: &PdfOptions,
) -> Result<PdfReport, PdfError> {
    let families = compiler.families_in(dir)?;
    let cjk_font = CJK_SERIF_FONTS
        .iter()
        .find(|f| families.iter().any(|g| g.eq_ignore_ascii_case(f)))
        .ok_or_else(|| PdfError::NoCjkFont {
            tried: CJK_SERIF_FONTS.iter().map(|s| s.to_string()).collect(),
        })?
        .to_string();
    let installed = |f: &str| families.iter().any(|g| g.eq_ignore_ascii_case(f));
    let cjk_font_hant = CJK_SERIF_FONTS_HANT
        .iter()
        .find(|f| installed(f))
        .map_or_else(|| cjk_font.clone(), |f| f.to_string());
    let has_latin = installed(LATIN_SERIF);
    // Without Libertinus Serif (Debian 12 has no package for it), its ancestor Linux Libertine
    // (fonts-linuxlibertine), else the CJK font's own Latin glyphs.
    let latin_font = if has_latin {
        LATIN_SERIF
    } else if installed(LATIN_SERIF_FALLBACK) {
        LATIN_SERIF_FALLBACK
    } else {
        cjk_font.as_str()
    }
    .to_string();
    let mut inputs = vec![
        ("cjk-serif", cjk_font.as_str()),
        ("cjk-serif-hant", cjk_font_hant.as_str()),
    ];
    if !has_latin {
        inputs.push(("latin-serif", latin_font.as_str()));
    }
    let main = dir.join("main.typ");
    let name = pdf
        .file_name()
        .map_or("book.pdf".into(), |n| n.to_string_lossy().into_owned());
    let tmp = pdf.with_file_name(format!(".{name}.{}.tmp.pdf", std::process::id()));
    let problems = compiler.compile(&main, &tmp, &inputs, opts.timestamp);
    let problems = match problems {
        Ok(p) => p,
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            return Err(e);
        }
    };
    if !problems.is_empty() || !tmp.is_file() {
        let _ = std::fs::remove_file(&tmp);
        return Err(PdfError::Diagnostics {
            main,
            diagnostics: problems,
        });
    }
    std::fs::rename(&tmp, pdf).map_err(|source| PdfError::Io {
        path: pdf.to_path_buf(),
        source,
    })?;
    Ok(PdfReport {
        compiler,
        cjk_font,
        cjk_font_hant,
        latin_font,
    })
}

#[cfg(test)]
mod tests {
    use super::utc_civil;

    #[test]
    fn unix_seconds_to_utc_calendar() {
        type Row = (i64, (i32, u8, u8), (u8, u8, u8));
        let table: &[Row] = &[
            (0, (1970, 1, 1), (0, 0, 0)),
            (-1, (1969, 12, 31), (23, 59, 59)),
            (951_782_400, (2000, 2, 29), (0, 0, 0)),
            (1_236_000_000, (2009, 3, 2), (13, 20, 0)),
            (4_107_542_399, (2100, 2, 28), (23, 59, 59)),
            (i64::MAX, (9999, 12, 30), (22, 0, 0)), // jiff's last instant
        ];
        for &(secs, date, time) in table {
            assert_eq!(utc_civil(secs), (date, time), "{secs}");
        }
    }
}
