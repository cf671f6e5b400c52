//! criterion benchmarks (基准测试) of the build pipeline on a generated 250k-character book:
//! reader (decode + read), EPUB writer (whole, and rendering without the zip), Typst writer, the
//! whole build in memory, and the deflate floor (the EPUB's own entries re-packed stored vs
//! deflated at levels 1, 6 and 9 — the packager uses 6 — and zlib-rs vs miniz_oxide).
//!
//! `cargo bench --bench pipeline` (all), `cargo bench --bench pipeline -- deflate` (one group).

#[path = "../examples/genbook/generator/mod.rs"]
mod generator;

use std::hint::black_box;
use std::io::{Cursor, Read, Write};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use paiban::model::Book;
use paiban::reader::{self, ReadOptions};
use paiban::source::Source;
use paiban::writer::epub::{self, EpubOptions, write_epub};
use paiban::writer::typst::{TypstOptions, write_typst};
use zip::CompressionMethod;
use zip::write::SimpleFileOptions;

/// The benchmark book: 250k characters, seed 1 (the same book `genbook --chars 250000` writes).
fn manuscript() -> String {
    let g = generator::generate(generator::Params {
        chars: 250_000,
        seed: 1,
    });
    eprintln!(
        "bench book: {} chars ({} bytes), {} chapters, {} notes, {} pages, ISBN {}, md {} bytes",
        g.manuscript.chars().count(),
        g.manuscript.len(),
        g.chapters,
        g.notes,
        g.pages,
        g.isbn,
        g.markdown.len()
    );
    g.manuscript
}

fn read(bytes: &[u8]) -> Book {
    let decoded = reader::decode(bytes, None).expect("the generated book decodes");
    let source = Source::new("book250k.txt", decoded.text);
    reader::read(&source, &ReadOptions::default()).book
}

fn epub_options() -> EpubOptions {
    EpubOptions {
        css: None,
        cover: None,
        modified_unix: 1_300_000_000,
        note_style: None,
        generate_cover: false,
        cover_fonts: None,
        print_colophon: false,
        resources: Vec::new(),
    }
}

fn typst_options() -> TypstOptions {
    TypstOptions {
        template: None,
        bleed_mm: 0.0,
        fonts: Vec::new(),
    }
}

fn pipeline(c: &mut Criterion) {
    let text = manuscript();
    let bytes = text.as_bytes();
    let book = read(bytes);
    let epub_ok = match write_epub(&book, &epub_options()) {
        Ok(e) => {
            eprintln!("EPUB: {} bytes", e.bytes.len());
            true
        }
        Err(e) => {
            eprintln!("skipping the EPUB benchmarks: {e}");
            false
        }
    };
    let mut g = c.benchmark_group("pipeline");
    g.throughput(Throughput::Bytes(bytes.len() as u64));
    g.bench_function("read", |b| b.iter(|| read(black_box(bytes))));
    if epub_ok {
        g.bench_function("epub", |b| {
            b.iter(|| write_epub(black_box(&book), &epub_options()).unwrap())
        });
        g.bench_function("epub_render_no_zip", |b| {
            b.iter(|| epub::render(black_box(&book), &epub_options()).unwrap())
        });
    }
    g.bench_function("typst", |b| {
        b.iter(|| write_typst(black_box(&book), &typst_options()))
    });
    if epub_ok {
        g.bench_function("build_in_memory", |b| {
            b.iter(|| {
                let book = read(black_box(bytes));
                let epub = write_epub(&book, &epub_options()).unwrap();
                let typst = write_typst(&book, &typst_options());
                (epub.bytes.len(), typst.files.len())
            })
        });
    }
    g.finish();
}

/// The EPUB's entries (name, bytes), or none while the EPUB writer is a stub.
fn epub_entries() -> Option<Vec<(String, Vec<u8>)>> {
    let book = read(manuscript().as_bytes());
    let epub = write_epub(&book, &epub_options()).ok()?;
    let mut archive = zip::ZipArchive::new(Cursor::new(epub.bytes)).ok()?;
    let mut entries = Vec::new();
    for i in 0..archive.len() {
        let mut f = archive.by_index(i).ok()?;
        let mut data = Vec::new();
        f.read_to_end(&mut data).ok()?;
        entries.push((f.name().ok()?.to_string(), data));
    }
    Some(entries)
}

fn repack(entries: &[(String, Vec<u8>)], method: CompressionMethod, level: Option<i64>) -> usize {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in entries {
        let opts = SimpleFileOptions::default()
            .compression_method(method)
            .compression_level(level);
        w.start_file(name.as_str(), opts).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner().len()
}

fn zlib_rs(entries: &[(String, Vec<u8>)], level: u32) -> usize {
    entries
        .iter()
        .map(|(_, d)| {
            let mut e = flate2::write::DeflateEncoder::new(
                Vec::with_capacity(d.len() / 3),
                flate2::Compression::new(level),
            );
            e.write_all(d).unwrap();
            e.finish().unwrap().len()
        })
        .sum()
}

fn miniz(entries: &[(String, Vec<u8>)], level: u8) -> usize {
    entries
        .iter()
        .map(|(_, d)| miniz_oxide::deflate::compress_to_vec(d, level).len())
        .sum()
}

fn deflate(c: &mut Criterion) {
    let Some(entries) = epub_entries() else {
        eprintln!("skipping the deflate benchmarks: the EPUB writer is not ready");
        return;
    };
    let raw: usize = entries.iter().map(|(_, d)| d.len()).sum();
    eprintln!(
        "EPUB entries: {} files, {raw} bytes; zip stored {} B, deflated l1/l6/l9 {}/{}/{} B; \
         zlib-rs l1/l6/l9 {}/{}/{} B; miniz l1/l6/l9 {}/{}/{} B",
        entries.len(),
        repack(&entries, CompressionMethod::Stored, None),
        repack(&entries, CompressionMethod::Deflated, Some(1)),
        repack(&entries, CompressionMethod::Deflated, None),
        repack(&entries, CompressionMethod::Deflated, Some(9)),
        zlib_rs(&entries, 1),
        zlib_rs(&entries, 6),
        zlib_rs(&entries, 9),
        miniz(&entries, 1),
        miniz(&entries, 6),
        miniz(&entries, 9)
    );
    let mut g = c.benchmark_group("deflate");
    g.throughput(Throughput::Bytes(raw as u64));
    g.bench_function("zip_stored", |b| {
        b.iter(|| repack(black_box(&entries), CompressionMethod::Stored, None))
    });
    g.bench_function("zip_deflated_default", |b| {
        b.iter(|| repack(black_box(&entries), CompressionMethod::Deflated, None))
    });
    for level in [1, 9] {
        g.bench_function(format!("zip_deflated_level{level}"), |b| {
            b.iter(|| {
                repack(
                    black_box(&entries),
                    CompressionMethod::Deflated,
                    Some(level),
                )
            })
        });
    }
    for level in [1, 6, 9] {
        g.bench_function(format!("zlib_rs_l{level}"), |b| {
            b.iter(|| zlib_rs(black_box(&entries), level))
        });
        g.bench_function(format!("miniz_oxide_l{level}"), |b| {
            b.iter(|| miniz(black_box(&entries), level as u8))
        });
    }
    g.finish();
}

criterion_group!(benches, pipeline, deflate);
criterion_main!(benches);
