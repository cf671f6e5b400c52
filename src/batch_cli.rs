//! The CLI side of `paiban build a.txt b.txt …` / `paiban build folder/`: a progress bar
//! (indicatif) when stderr is a terminal, one plain line per book otherwise.

use std::io::IsTerminal;
use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::bail;
use indicatif::{ProgressBar, ProgressStyle};
use paiban::batch::{self, BatchOutcome};
use paiban::build::{BuildRequest, ReadRequest};
use paiban::config::{Lookup, find_book_toml};

/// One line about a finished book: `[3/200] built a.txt (2 warnings)` or `… FAILED: why`.
fn line(k: usize, n: usize, o: &BatchOutcome) -> String {
    let meta = o
        .meta
        .as_ref()
        .map(|m| format!(", metadata from {}", m.display()))
        .unwrap_or_default();
    match &o.result {
        Ok(r) if r.withheld => format!(
            "[{k}/{n}] FAILED {}: {} error(s), nothing was written (`paiban inspect` shows them)",
            o.input.display(),
            r.errors()
        ),
        Ok(r) => format!(
            "[{k}/{n}] built {} ({} warning(s){meta})",
            o.input.display(),
            r.warnings()
        ),
        Err(e) => format!("[{k}/{n}] FAILED {}: {e}", o.input.display()),
    }
}

/// Whether a book failed: an error stopped it, or its diagnostics held an error.
fn failed(o: &BatchOutcome) -> bool {
    o.result.as_ref().map_or(true, |r| r.withheld)
}

/// Builds many manuscripts in parallel, `jobs` at once (default: one per core); `template` gives
/// every option but the input.
pub fn run(
    paths: &[PathBuf],
    template: &BuildRequest,
    jobs: Option<NonZeroUsize>,
) -> anyhow::Result<ExitCode> {
    if template.read.meta.is_some() || template.cover.is_some() {
        bail!(
            "--meta and --cover name one book's files: in a batch each book takes its own <stem>.toml beside it; build books with a cover one at a time"
        );
    }
    let inputs = batch::expand_inputs(paths)?;
    if inputs.is_empty() {
        let given: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        bail!("no manuscripts (*.txt) found in {}", given.join(", "));
    }
    if let Some((a, b)) = batch::duplicate_stem(&inputs) {
        bail!(
            "{} and {} would write the same outputs in {}",
            a.display(),
            b.display(),
            template.out_dir.display()
        );
    }
    let n = inputs.len();
    let requests: Vec<BuildRequest> = inputs
        .into_iter()
        .map(|input| BuildRequest {
            read: ReadRequest {
                meta: find_book_toml(&input, Lookup::StemOnly),
                input,
                ..template.read.clone()
            },
            ..template.clone()
        })
        .collect();
    let bar = std::io::stderr().is_terminal().then(|| {
        let style = ProgressStyle::with_template("{bar:40} {pos}/{len} books, {elapsed} {msg}")
            .expect("a valid progress template");
        ProgressBar::new(n as u64).with_style(style)
    });
    let finished = AtomicUsize::new(0);
    let outcomes = batch::build_all(requests, jobs, &|o| {
        let k = finished.fetch_add(1, Ordering::Relaxed) + 1;
        match &bar {
            Some(pb) => {
                if failed(o) {
                    pb.println(line(k, n, o));
                }
                pb.set_message(o.input.display().to_string());
                pb.inc(1);
            }
            None => eprintln!("{}", line(k, n, o)),
        }
    });
    let outcomes = outcomes?;
    if let Some(pb) = bar {
        pb.finish_and_clear();
    }
    let failed = outcomes.iter().filter(|o| failed(o)).count();
    let warnings: usize = outcomes
        .iter()
        .filter_map(|o| o.result.as_ref().ok())
        .map(|r| r.warnings())
        .sum();
    eprintln!(
        "built {} of {n} books into {} ({warnings} warning(s); `paiban inspect` shows them)",
        n - failed,
        template.out_dir.display()
    );
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
