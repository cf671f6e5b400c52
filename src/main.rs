//! The `paiban` command line: clap → library call → exit code.
//!
//! Exit codes: 0 success (warnings allowed), 1 build error or an EPUB that did not validate,
//! 2 usage error (a bad option value, `check` given something that is not an EPUB), 3 a needed
//! external tool (epubcheck, Typst) is not installed.
//!
//! The environment is read here, once, into [`Settings`]; the library reads no variable itself.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};
use paiban::build::{self, BuildRequest, Formats, ReadRequest};
use paiban::config::Lookup;
use paiban::diag::{Code, Severity};
use paiban::settings::Settings;

mod batch_cli;

#[derive(Parser)]
#[command(
    name = "paiban",
    version,
    about = "排版 — print-extracted manuscripts to EPUB 3 and Typst"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args)]
struct ReadArgs {
    /// The manuscript (plain text: UTF-8, UTF-16 with BOM, GB18030/GBK).
    manuscript: PathBuf,
    /// Force the text encoding (utf-8, gb18030, gbk, big5, utf-16le …) instead of detecting it.
    #[arg(long, value_parser = parse_encoding)]
    encoding: Option<&'static encoding_rs::Encoding>,
    /// A book.toml whose fields override what the reader recovered. Without it, BOOK.toml
    /// beside BOOK.txt, then book.toml in its folder, is used when present.
    #[arg(long, value_name = "BOOK.TOML")]
    meta: Option<PathBuf>,
    /// Keep a Project Gutenberg licence as a back-matter page (for redistribution under the
    /// Project Gutenberg trademark) instead of removing it.
    #[arg(long)]
    keep_licence: bool,
    /// Override one book.toml field, after the file (repeatable; a repeated key makes a list).
    #[arg(short = 'M', long = "metadata", value_name = "KEY=VALUE")]
    overrides: Vec<String>,
    /// Silence one kind of warning or note by its code (repeatable; `P0403`). Errors cannot be
    /// allowed: fix them, or set the field in book.toml.
    #[arg(long, value_name = "CODE", value_parser = allowable_code)]
    allow: Vec<Code>,
}

/// `--allow`'s value: a known code whose severity is below error.
fn allowable_code(s: &str) -> Result<Code, String> {
    let code: Code = s.parse()?;
    if code.severity() == Severity::Error {
        return Err(format!(
            "{code} is an error and cannot be allowed; fix it (or set the field in book.toml)"
        ));
    }
    Ok(code)
}

impl ReadArgs {
    /// The request as given, without looking for a book.toml.
    fn request_as_given(&self) -> ReadRequest {
        ReadRequest {
            input: self.manuscript.clone(),
            encoding: self.encoding,
            meta: self.meta.clone(),
            keep_licence: self.keep_licence,
            overrides: self.overrides.clone(),
            allow: self.allow.clone(),
        }
    }

    /// The request with the book's own configuration found when `--meta` is not given; the
    /// file found is named on stderr.
    fn request(&self) -> ReadRequest {
        let mut req = self.request_as_given();
        if req.meta.is_none() && !req.input.is_dir() {
            req.meta = paiban::config::find_book_toml(&req.input, Lookup::StemThenFolder);
            if let Some(found) = &req.meta {
                eprintln!("note: using metadata from {}", found.display());
            }
        }
        req
    }
}

/// The cover, stylesheets and template of a build, shared by `build` and `watch`.
#[derive(clap::Args, Debug, Clone)]
struct DesignArgs {
    /// Cover image (JPEG, PNG or WebP); without one a typographic cover is made.
    #[arg(long)]
    cover: Option<PathBuf>,
    /// A stylesheet added after the built-in EPUB CSS (repeatable, applied in order).
    #[arg(long, value_name = "FILE")]
    css: Vec<PathBuf>,
    /// A stylesheet replacing the built-in EPUB CSS (`--css` files still follow it).
    #[arg(long, value_name = "FILE")]
    css_replace: Option<PathBuf>,
    /// A Typst template replacing the built-in book.typ (styles/book/*.typ).
    #[arg(long)]
    typst_template: Option<PathBuf>,
}

impl DesignArgs {
    /// `req` with this cover, these stylesheets and this template.
    fn apply(self, req: BuildRequest) -> BuildRequest {
        BuildRequest {
            cover: self.cover,
            css: self.css,
            css_replace: self.css_replace,
            typst_template: self.typst_template,
            ..req
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// Show what the reader recovers: metadata, outline and diagnostics.
    Inspect {
        #[command(flatten)]
        read: ReadArgs,
        /// Print one JSON object instead of the tree.
        #[arg(long)]
        json: bool,
        /// Exit 1 when there are warnings.
        #[arg(long)]
        deny_warnings: bool,
    },
    /// Write a book.toml pre-filled with what the reader recovered, for a person to correct.
    Init {
        #[command(flatten)]
        read: ReadArgs,
        /// Where to write it (default: book.toml beside the manuscript).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Replace an existing book.toml.
        #[arg(long)]
        force: bool,
    },
    /// Build the EPUB (and Typst project) into OUTDIR; several manuscripts or a folder build in
    /// parallel on all cores.
    Build {
        #[command(flatten)]
        read: ReadArgs,
        /// More manuscripts, or folders of `*.txt` manuscripts, built in the same run.
        #[arg(value_name = "MORE")]
        more: Vec<PathBuf>,
        /// Output folder, or the EPUB file to write (`-o book.epub`: the EPUB alone, unless
        /// --format asks for more, written beside it under the same name).
        #[arg(short, long, default_value = "out")]
        out_dir: PathBuf,
        #[command(flatten)]
        design: DesignArgs,
        /// Outputs, comma-separated: epub, typst, pdf [default: epub,typst].
        #[arg(long, value_parser = Formats::parse)]
        format: Option<Formats>,
        /// Treat reader warnings as errors (exit 1, nothing written).
        #[arg(long)]
        deny_warnings: bool,
        /// Keep the colophon's print-only fields (定价, 印张, 印次, 成品尺寸) in the EPUB.
        #[arg(long)]
        print_colophon: bool,
        /// Validate the EPUB right after building (epubcheck, Ace); any error or warning fails.
        #[arg(long)]
        check: bool,
        /// Books built at once in a batch [default: one per core, or RAYON_NUM_THREADS].
        #[arg(short, long, value_name = "N")]
        jobs: Option<std::num::NonZeroUsize>,
    },
    /// Write the book as pandoc-compatible Markdown (YAML metadata, headings with their labels,
    /// `[^n]` notes, fenced divs) to correct by hand; `paiban build BOOK.md` reads it back.
    Convert {
        #[command(flatten)]
        read: ReadArgs,
        /// The Markdown file to write (default: BOOK.md beside the manuscript).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Rebuild on every save of the manuscript, its book.toml, cover, stylesheets or template,
    /// and serve a live preview (the EPUB's pages beside its contents, reloading on change; a
    /// PDF link when Typst is installed) on 127.0.0.1 until Ctrl-C.
    Watch {
        #[command(flatten)]
        read: ReadArgs,
        /// Output folder the builds are written to, as `paiban build -o`.
        #[arg(short, long, default_value = "out")]
        out_dir: PathBuf,
        #[command(flatten)]
        design: DesignArgs,
        /// The address to listen on (loopback unless --allow-remote).
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// The port (0: any free port; the address is printed).
        #[arg(short, long, default_value_t = 3000)]
        port: u16,
        /// Allow --bind to name an address other machines can reach.
        #[arg(long)]
        allow_remote: bool,
    },
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell) to stdout.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff) to stdout (`paiban man > paiban.1`), or write paiban.1 and one
    /// paiban-COMMAND.1 per command into DIR.
    Man {
        /// Folder to write the pages into.
        dir: Option<PathBuf>,
    },
    /// Validate an EPUB with epubcheck and (when installed) Ace by DAISY.
    Check {
        /// The EPUB to check.
        epub: PathBuf,
        /// Also report epubcheck's USAGE messages (-u).
        #[arg(short, long)]
        usage: bool,
    },
}

/// `--encoding`: a WHATWG encoding label (`utf-8`, `gb18030`, `gbk`, `big5`, `utf-16le` …).
fn parse_encoding(label: &str) -> Result<&'static encoding_rs::Encoding, String> {
    encoding_rs::Encoding::for_label(label.as_bytes()).ok_or_else(|| {
        format!("unknown encoding {label:?} (try utf-8, gb18030, gbk, big5, utf-16le)")
    })
}

/// Exit code 2: a usage error.
const USAGE: u8 = 2;
/// Exit code 3: a needed external tool is not installed.
const TOOL_MISSING: u8 = 3;

/// What the validators said about one EPUB.
enum Verdict {
    /// Both ran (or Ace is not installed) and found nothing.
    Clean,
    /// A validator reported a problem or failed to run.
    Findings,
    /// EPUBCheck is not installed: nothing was validated.
    Missing(String),
}

/// Runs the validators on `epub` and prints their report. EPUBCheck is required; Ace is used when
/// installed (its absence is reported, not fatal).
fn validate(settings: &Settings, epub: &std::path::Path, usage: bool) -> Verdict {
    use paiban::check::{CheckError, check_epub};
    let outcome = check_epub(settings, epub, usage);
    if let Err(e @ CheckError::NotFound { .. }) = &outcome.epubcheck {
        return Verdict::Missing(e.to_string());
    }
    print!("{}", outcome.render());
    let epubcheck_ok = matches!(&outcome.epubcheck, Ok(r) if r.is_clean());
    let ace_ok = match &outcome.ace {
        Ok(r) => r.is_clean(),
        Err(CheckError::NotFound { .. }) => true,
        Err(_) => false,
    };
    if epubcheck_ok && ace_ok {
        Verdict::Clean
    } else {
        Verdict::Findings
    }
}

/// Colour on a terminal, unless `NO_COLOR` is set.
fn style(settings: &Settings, stream_is_terminal: bool) -> paiban::diag::Style {
    paiban::diag::Style {
        color: stream_is_terminal && !settings.no_color,
        ..paiban::diag::Style::default()
    }
}

/// Renders diagnostics rustc-style on stderr (capped per code, then the summary line); those
/// about book.toml are shown on its own text.
fn print_diagnostics(
    settings: &Settings,
    source: &paiban::source::Source,
    config: Option<&paiban::source::Source>,
    diags: &[paiban::diag::Diagnostic],
) {
    use std::io::IsTerminal;
    let sources = paiban::diag::Sources {
        manuscript: source.into(),
        config: config.map(Into::into),
    };
    let mut err = std::io::stderr().lock();
    let text = paiban::diag::render_all(diags, &sources, style(settings, err.is_terminal()));
    let _ = err.write_all(text.as_bytes());
}

fn run(cli: Cli, settings: &Settings) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Inspect {
            read,
            json,
            deny_warnings,
        } => {
            let (source, reading) = build::read(&read.request())?;
            if json {
                let value = paiban::inspect::to_json(&reading);
                println!("{}", serde_json::to_string_pretty(&value)?);
            } else {
                use std::io::IsTerminal;
                let style = style(settings, std::io::stdout().is_terminal());
                print!("{}", paiban::inspect::to_text(&reading, &source, style));
            }
            let worst = reading.diagnostics.iter().map(|d| d.severity).max();
            let errors = worst == Some(Severity::Error);
            let warnings = worst >= Some(Severity::Warning);
            Ok(if errors || (deny_warnings && warnings) {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Init {
            read,
            output,
            force,
        } => {
            let target = output.unwrap_or_else(|| read.manuscript.with_file_name("book.toml"));
            if target.exists() && !force {
                anyhow::bail!("{} exists; pass --force to replace it", target.display());
            }
            let (source, reading) = build::read(&read.request_as_given())?;
            print_diagnostics(
                settings,
                &source,
                reading.config.as_ref(),
                &reading.diagnostics,
            );
            let text = paiban::config::init_toml(&reading.book.meta);
            let inputs = [Some(read.manuscript.as_path()), read.meta.as_deref()];
            let guard = paiban::output::Protected::new(inputs.into_iter().flatten());
            paiban::output::write_file(&target, text.as_bytes(), &[&guard])?;
            println!("wrote {}", target.display());
            Ok(ExitCode::SUCCESS)
        }
        Command::Convert { read, output } => {
            let target = output.unwrap_or_else(|| read.manuscript.with_extension("md"));
            let req = read.request();
            let (source, reading) = build::convert(&req, &target)?;
            print_diagnostics(
                settings,
                &source,
                reading.config.as_ref(),
                &reading.diagnostics,
            );
            if reading
                .diagnostics
                .iter()
                .any(|d| d.severity >= Severity::Error)
            {
                eprintln!("error: nothing was written");
                return Ok(ExitCode::from(1));
            }
            println!("wrote {}", target.display());
            Ok(ExitCode::SUCCESS)
        }
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut cmd, "paiban", &mut script);
            // A closed pipe (`| head`) is not an error worth a panic.
            let _ = std::io::stdout().write_all(&script);
            Ok(ExitCode::SUCCESS)
        }
        Command::Man { dir } => {
            let cmd = <Cli as clap::CommandFactory>::command();
            let mut pages = vec![("paiban".to_string(), cmd.clone())];
            for sub in cmd.get_subcommands() {
                let name = format!("paiban-{}", sub.get_name());
                pages.push((name.clone(), sub.clone().bin_name(name)));
            }
            let render = |name: &str, c: clap::Command| -> std::io::Result<Vec<u8>> {
                let mut out = Vec::new();
                clap_mangen::Man::new(c)
                    .title(name.to_uppercase())
                    .render(&mut out)?;
                Ok(out)
            };
            match dir {
                None => {
                    let _ = std::io::stdout().write_all(&render("paiban", cmd)?);
                }
                Some(dir) => {
                    paiban::output::ensure_dir(&dir)?;
                    for (name, c) in pages {
                        let path = dir.join(format!("{name}.1"));
                        paiban::output::write_file(&path, &render(&name, c)?, &[])?;
                        println!("wrote {}", path.display());
                    }
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Check { epub, usage } => {
            if !epub.is_file() {
                anyhow::bail!("{}: no such file", epub.display());
            }
            if !epub
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("epub"))
            {
                eprintln!(
                    "error: {} is not an EPUB: `paiban check` validates a built .epub file \
                     (build one with `paiban build`)",
                    epub.display()
                );
                return Ok(ExitCode::from(USAGE));
            }
            Ok(match validate(settings, &epub, usage) {
                Verdict::Clean => ExitCode::SUCCESS,
                Verdict::Findings => ExitCode::from(1),
                Verdict::Missing(why) => {
                    eprintln!("error: cannot validate {}: {why}", epub.display());
                    ExitCode::from(TOOL_MISSING)
                }
            })
        }
        Command::Watch {
            read,
            out_dir,
            design,
            bind,
            port,
            allow_remote,
        } => {
            use std::sync::Arc;
            use std::sync::atomic::{AtomicBool, Ordering};
            let addr = std::net::SocketAddr::new(bind, port);
            if let Err(e) = paiban::watch::check_addr(addr, allow_remote) {
                eprintln!("error: {e}");
                return Ok(ExitCode::from(USAGE));
            }
            let opts = paiban::watch::WatchOptions {
                build: design.apply(BuildRequest {
                    read: read.request_as_given(),
                    out_dir,
                    formats: Formats::default(),
                    settings: settings.clone(),
                    ..BuildRequest::default()
                }),
                find_config: read.meta.is_none(),
                addr,
                allow_remote,
            };
            let stop = Arc::new(AtomicBool::new(false));
            let flag = Arc::clone(&stop);
            ctrlc::set_handler(move || flag.store(true, Ordering::SeqCst))
                .context("cannot handle Ctrl-C")?;
            let ready = |bound: std::net::SocketAddr| {
                println!("serving http://{bound}/ (Ctrl-C to stop)");
                let _ = std::io::stdout().flush();
            };
            let report = |outcome: &paiban::watch::Outcome| match &outcome.result {
                Ok(r) => {
                    print_diagnostics(settings, &r.source, r.config.as_ref(), &r.diagnostics);
                    if r.withheld {
                        eprintln!("error: the build failed; the preview keeps the last good build");
                    } else {
                        eprintln!("built in {} ms", outcome.elapsed.as_millis());
                    }
                }
                Err(e) => eprintln!("error: {e}; the preview keeps the last good build"),
            };
            paiban::watch::run(&opts, &stop, &ready, &report)?;
            eprintln!("stopped");
            Ok(ExitCode::SUCCESS)
        }
        Command::Build {
            check,
            read,
            out_dir,
            design,
            format,
            deny_warnings,
            print_colophon,
            more,
            jobs,
        } => {
            let batch = !more.is_empty() || read.manuscript.is_dir();
            // `-o name.epub` names the EPUB itself.
            let epub_file = out_dir
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("epub"))
                && !out_dir.is_dir();
            anyhow::ensure!(
                !(batch && epub_file),
                "-o {} names one EPUB: a batch needs an output folder",
                out_dir.display()
            );
            let (out_dir, stem, format) = if epub_file {
                let stem = out_dir
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned());
                let parent = match out_dir.parent() {
                    Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
                    _ => PathBuf::from("."),
                };
                let format = format.unwrap_or(Formats {
                    epub: true,
                    typst: false,
                    pdf: false,
                });
                (parent, stem, format)
            } else {
                (out_dir, None, format.unwrap_or_default())
            };
            let req = design.apply(BuildRequest {
                // A batch finds each book's own configuration (batch_cli).
                read: if batch {
                    read.request_as_given()
                } else {
                    read.request()
                },
                out_dir,
                formats: format,
                stem,
                deny_warnings,
                print_colophon,
                settings: settings.clone(),
                ..BuildRequest::default()
            });
            if batch {
                anyhow::ensure!(!deny_warnings, "--deny-warnings builds one book at a time");
                let mut paths = vec![req.read.input.clone()];
                paths.extend(more);
                return batch_cli::run(&paths, &req, jobs);
            }
            let report = build::build(&req)
                .with_context(|| format!("cannot build {}", req.read.input.display()))?;
            print_diagnostics(
                settings,
                &report.source,
                report.config.as_ref(),
                &report.diagnostics,
            );
            if report.withheld {
                let errors = report.errors();
                if errors > 0 {
                    eprintln!(
                        "error: {errors} error{}: nothing was written",
                        if errors == 1 { "" } else { "s" }
                    );
                } else {
                    eprintln!(
                        "error: {} warning(s) and --deny-warnings: nothing was written",
                        report.warnings()
                    );
                }
                return Ok(ExitCode::from(1));
            }
            for o in &report.outputs {
                println!("wrote {}", o.display());
            }
            if check {
                let epubs = report
                    .outputs
                    .iter()
                    .filter(|o| o.extension().is_some_and(|e| e == "epub"));
                let mut clean = true;
                for epub in epubs {
                    match validate(settings, epub, false) {
                        Verdict::Clean => {}
                        Verdict::Findings => clean = false,
                        Verdict::Missing(why) => {
                            eprintln!(
                                "error: --check: {} was written but not validated: {why}",
                                epub.display()
                            );
                            return Ok(ExitCode::from(TOOL_MISSING));
                        }
                    }
                }
                if !clean {
                    eprintln!("error: the EPUB did not validate cleanly (--check)");
                    return Ok(ExitCode::from(1));
                }
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The error and its causes joined by `: `, leaving out a cause its parent already printed
/// (the library's errors show their source in their own message).
fn error_chain(e: &anyhow::Error) -> String {
    let mut out = String::new();
    for cause in e.chain() {
        let text = cause.to_string();
        if out.ends_with(&text) {
            continue;
        }
        if !out.is_empty() {
            out.push_str(": ");
        }
        out.push_str(&text);
    }
    out
}

/// Whether the error is a missing external tool (exit 3) rather than a failed build.
fn tool_missing(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        matches!(
            c.downcast_ref::<paiban::pdf::PdfError>(),
            Some(paiban::pdf::PdfError::NoCompiler { .. })
        )
    })
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let settings = Settings::from_env();
    match run(cli, &settings) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {}", error_chain(&e));
            ExitCode::from(if tool_missing(&e) { TOOL_MISSING } else { 1 })
        }
    }
}
