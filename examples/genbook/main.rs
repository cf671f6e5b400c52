//! genbook: writes an original benchmark book (样书) as a manuscript and as pandoc Markdown.
//!
//! `cargo run --release --example genbook -- --chars 250000 --out DIR [--seed S] [--name NAME]`
//! writes `DIR/NAME.txt` and `DIR/NAME.md` (NAME defaults to `book<chars>`, e.g. `book250k`).

mod generator;
#[cfg(test)]
#[path = "generator/tests.rs"]
mod tests;

use std::path::PathBuf;

use anyhow::Context;
use clap::Parser;
use generator::{Params, generate};

/// Command-line arguments.
#[derive(Parser)]
#[command(about = "Generate an original book-shaped manuscript and its pandoc Markdown twin")]
struct Args {
    /// Approximate number of characters (字数) of the manuscript.
    #[arg(long, default_value_t = 250_000)]
    chars: usize,
    /// Output folder (created if missing).
    #[arg(long)]
    out: PathBuf,
    /// PRNG seed: the same seed and size give the same book.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// File stem of the outputs (default `book250k`, `book2500k` …).
    #[arg(long)]
    name: Option<String>,
}

/// `250000` → `250k`, `2500000` → `2500k`, `1234` → `1234`.
fn size_name(chars: usize) -> String {
    if chars % 1000 == 0 {
        format!("{}k", chars / 1000)
    } else {
        chars.to_string()
    }
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let g = generate(Params {
        chars: args.chars,
        seed: args.seed,
    });
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("cannot create {}", args.out.display()))?;
    let name = args
        .name
        .unwrap_or_else(|| format!("book{}", size_name(args.chars)));
    for (ext, text) in [("txt", &g.manuscript), ("md", &g.markdown)] {
        let path = args.out.join(format!("{name}.{ext}"));
        std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
        println!(
            "wrote {} ({} chars, {} bytes)",
            path.display(),
            text.chars().count(),
            text.len()
        );
    }
    println!(
        "{} chapters, {} notes, {} printed pages, ISBN {}",
        g.chapters, g.notes, g.pages, g.isbn
    );
    Ok(())
}
