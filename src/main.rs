//! The `paiban` command line: clap → library call → exit code.
//!
//! Exit codes: 0 success (warnings allowed), 1 build error, 2 usage error.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};
use paiban::build::{self, BuildRequest, Formats, ReadRequest};
use paiban::diag::Severity;

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
    #[arg(long)]
    encoding: Option<String>,
    /// A book.toml whose fields override what the reader recovered.
    #[arg(long, value_name = "BOOK.TOML")]
    meta: Option<PathBuf>,
    /// Keep a Project Gutenberg licence as a back-matter page (for redistribution under the
    /// Project Gutenberg trademark) instead of removing it.
    #[arg(long)]
    keep_licence: bool,
}

impl ReadArgs {
    fn request(&self) -> ReadRequest {
        ReadRequest {
            input: self.manuscript.clone(),
            encoding: self.encoding.clone(),
            meta: self.meta.clone(),
            keep_licence: self.keep_licence,
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
        /// Output folder.
        #[arg(short, long, default_value = "out")]
        out_dir: PathBuf,
        /// Cover image (JPEG, PNG or WebP); without one a typographic cover is made.
        #[arg(long)]
        cover: Option<PathBuf>,
        /// A stylesheet replacing the built-in EPUB CSS.
        #[arg(long)]
        css: Option<PathBuf>,
        /// A Typst template replacing the built-in styles/book.typ.
        #[arg(long)]
        typst_template: Option<PathBuf>,
        /// Outputs, comma-separated: epub, typst, pdf.
        #[arg(long, default_value = "epub,typst", value_parser = Formats::parse)]
        format: Formats,
        /// Treat reader warnings as errors (exit 1, nothing written).
        #[arg(long)]
        deny_warnings: bool,
        /// Validate the EPUB right after building (epubcheck, Ace); any error or warning fails.
        #[arg(long)]
        check: bool,
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

/// Runs the validators on `epub`, prints their report, and says whether it is clean. epubcheck
/// is required; Ace is used when installed (its absence is reported, not fatal).
fn validate(epub: &std::path::Path, usage: bool) -> bool {
    use paiban::check::{CheckError, Locator, check_epub};
    let outcome = check_epub(&Locator::from_env(), epub, usage);
    print!("{}", outcome.render());
    let epubcheck_ok = matches!(&outcome.epubcheck, Ok(r) if r.is_clean());
    let ace_ok = match &outcome.ace {
        Ok(r) => r.is_clean(),
        Err(CheckError::NotFound { .. }) => true,
        Err(_) => false,
    };
    epubcheck_ok && ace_ok
}

fn print_diagnostics(report_source: &paiban::source::Source, diags: &[paiban::diag::Diagnostic]) {
    let mut err = std::io::stderr().lock();
    for d in diags {
        let _ = writeln!(
            err,
            "{}",
            d.render(&report_source.name, report_source.line(d.span.line))
        );
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
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
                print!("{}", paiban::inspect::to_text(&reading, &source));
            }
            let warnings = reading
                .diagnostics
                .iter()
                .any(|d| d.severity >= Severity::Warning);
            Ok(if deny_warnings && warnings {
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
            let (source, reading) = build::read(&read.request())?;
            print_diagnostics(&source, &reading.diagnostics);
            let text = paiban::config::init_toml(&reading.book.meta);
            paiban::output::write_file(&target, text.as_bytes(), &[&read.manuscript])?;
            println!("wrote {}", target.display());
            Ok(ExitCode::SUCCESS)
        }
        Command::Check { epub, usage } => {
            if !epub.is_file() {
                anyhow::bail!("{}: no such file", epub.display());
            }
            Ok(if validate(&epub, usage) {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        Command::Build {
            check,
            read,
            out_dir,
            cover,
            css,
            typst_template,
            format,
            deny_warnings,
            more,
        } => {
            let req = BuildRequest {
                read: read.request(),
                out_dir,
                cover,
                css,
                typst_template,
                formats: format,
                deny_warnings,
            };
            if !more.is_empty() || req.read.input.is_dir() {
                anyhow::ensure!(!deny_warnings, "--deny-warnings builds one book at a time");
                let mut paths = vec![req.read.input.clone()];
                paths.extend(more);
                return batch_cli::run(&paths, &req);
            }
            let report = build::build(&req)
                .with_context(|| format!("cannot build {}", req.read.input.display()))?;
            if report.withheld {
                let bad: Vec<_> = report
                    .diagnostics
                    .iter()
                    .filter(|d| d.severity >= Severity::Warning)
                    .cloned()
                    .collect();
                print_diagnostics(&report.source, &bad);
                eprintln!(
                    "error: {} warning(s) and --deny-warnings: nothing was written",
                    bad.len()
                );
                return Ok(ExitCode::from(1));
            }
            print_diagnostics(&report.source, &report.diagnostics);
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
                    clean &= validate(epub, false);
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

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {}", error_chain(&e));
            ExitCode::from(1)
        }
    }
}
