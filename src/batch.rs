//! 批量构建 (batch build): many manuscripts built in parallel on all cores (rayon).
//!
//! The library reports each finished book through a callback; the CLI turns that into an
//! indicatif progress bar on a terminal, or plain lines otherwise.

use std::collections::HashMap;
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::build::{BuildReport, BuildRequest, build};
use crate::error::{Error, Result};
use crate::output::Protected;

/// The manuscripts named on the command line: files as given, folders expanded to their
/// `*.txt` entries (sorted, not recursive). An entry named `*.txt` that is not a readable file
/// (a link to nothing, a folder) is kept, so that its build fails with the reason instead of
/// being skipped without a word.
pub fn expand_inputs(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let entries = std::fs::read_dir(p).map_err(|source| Error::Io {
                path: p.clone(),
                source,
            })?;
            let mut found: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| f.extension().is_some_and(|x| x == "txt"))
                .collect();
            found.sort();
            out.extend(found);
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

/// Two inputs whose outputs would collide (`a/book.txt` and `b/book.txt` → `book.epub`).
pub fn duplicate_stem(inputs: &[PathBuf]) -> Option<(&Path, &Path)> {
    let mut seen: HashMap<String, &Path> = HashMap::new();
    for i in inputs {
        let stem = i.file_stem()?.to_string_lossy().into_owned();
        if let Some(prev) = seen.insert(stem, i) {
            return Some((prev, i));
        }
    }
    None
}

/// One book's outcome in a batch.
#[derive(Debug)]
pub struct BatchOutcome {
    /// The manuscript.
    pub input: PathBuf,
    /// The book.toml it was built with, if any.
    pub meta: Option<PathBuf>,
    /// What its build wrote and found, or why it failed.
    pub result: Result<BuildReport>,
}

/// Every input of a batch (manuscripts, book.toml files, covers, stylesheets, templates), so that
/// no book's output can write over or replace another book's input.
pub fn protect_all(requests: &mut [BuildRequest]) {
    let mut all = Protected::default();
    for r in requests.iter() {
        for p in [
            Some(&r.read.input),
            r.read.meta.as_ref(),
            r.cover.as_ref(),
            r.css_replace.as_ref(),
            r.typst_template.as_ref(),
        ]
        .into_iter()
        .flatten()
        .chain(&r.css)
        {
            all.add(p);
        }
    }
    let all = Arc::new(all);
    for r in requests {
        r.protect = Arc::clone(&all);
    }
}

/// Builds every request in parallel, each checked against every input of the batch: on a pool
/// of `jobs` threads of its own (`paiban build -j N`; a book's packager compresses on the same
/// threads, so `-j 1` is one thread in all), or on rayon's global pool (all cores unless
/// `RAYON_NUM_THREADS` says otherwise). `done` is called from the worker thread as each book
/// finishes; the outcomes come back in input order. Fails only when the pool's threads cannot be
/// started.
pub fn build_all(
    mut requests: Vec<BuildRequest>,
    jobs: Option<NonZeroUsize>,
    done: &(dyn Fn(&BatchOutcome) + Sync),
) -> Result<Vec<BatchOutcome>> {
    protect_all(&mut requests);
    // One scan of the system fonts for every cover the batch draws.
    if requests.iter().any(|r| r.formats.epub && r.cover.is_none()) {
        let fonts = crate::writer::epub::CoverFonts::system();
        for r in requests.iter_mut().filter(|r| r.cover_fonts.is_none()) {
            r.cover_fonts = Some(fonts.clone());
        }
    }
    let run = move || {
        requests
            .into_par_iter()
            .map(|req| {
                let outcome = BatchOutcome {
                    input: req.read.input.clone(),
                    meta: req.read.meta.clone(),
                    result: build(&req),
                };
                done(&outcome);
                outcome
            })
            .collect()
    };
    match jobs {
        None => Ok(run()),
        Some(n) => {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(n.get())
                .build()
                .map_err(|e| Error::Threads(e.to_string()))?;
            Ok(pool.install(run))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_expand_to_their_manuscripts_in_order() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["b.txt", "a.txt", "notes.md"] {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        // A folder named like a manuscript is listed, to fail with its reason.
        std::fs::create_dir(dir.path().join("d.txt")).unwrap();
        let single = dir.path().join("c.txt");
        let got = expand_inputs(&[dir.path().to_path_buf(), single.clone()]).unwrap();
        let want = vec![
            dir.path().join("a.txt"),
            dir.path().join("b.txt"),
            dir.path().join("d.txt"),
            single,
        ];
        assert_eq!(got, want);
    }

    #[test]
    fn builds_every_book_in_order_and_reports_each_once() {
        use crate::build::{Formats, ReadRequest};
        use std::sync::atomic::{AtomicUsize, Ordering};
        let dir = tempfile::tempdir().unwrap();
        let text = "第一章\n\n引言\n\n河水从山里流出来，村里的人沿着渠道分水。\n";
        let names = ["a.txt", "missing.txt", "c.txt"];
        for name in ["a.txt", "c.txt"] {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        let out = dir.path().join("out");
        let requests = names
            .iter()
            .map(|n| BuildRequest {
                read: ReadRequest {
                    input: dir.path().join(n),
                    ..ReadRequest::default()
                },
                out_dir: out.clone(),
                formats: Formats::parse("typst").unwrap(),
                ..BuildRequest::default()
            })
            .collect();
        let calls = AtomicUsize::new(0);
        let outcomes = build_all(requests, None, &|_| {
            calls.fetch_add(1, Ordering::Relaxed);
        })
        .unwrap();
        assert_eq!(calls.load(Ordering::Relaxed), 3);
        let got: Vec<(PathBuf, bool)> = outcomes
            .iter()
            .map(|o| (o.input.clone(), o.result.is_ok()))
            .collect();
        let want: Vec<(PathBuf, bool)> = names
            .iter()
            .map(|n| (dir.path().join(n), *n != "missing.txt"))
            .collect();
        assert_eq!(got, want);
        assert!(out.join("a-typst/main.typ").is_file());
        assert!(out.join("c-typst/main.typ").is_file());
    }

    #[test]
    fn a_pool_of_one_or_two_jobs_builds_the_same_books_in_order() {
        use crate::build::{Formats, ReadRequest};
        let dir = tempfile::tempdir().unwrap();
        let text = "第一章\n\n引言\n\n河水从山里流出来，村里的人沿着渠道分水。\n";
        let names = ["a.txt", "b.txt", "c.txt", "d.txt"];
        for name in names {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        let mut typ = Vec::new();
        for jobs in [1, 2] {
            let out = dir.path().join(format!("out{jobs}"));
            let requests = names
                .iter()
                .map(|n| BuildRequest {
                    read: ReadRequest {
                        input: dir.path().join(n),
                        ..ReadRequest::default()
                    },
                    out_dir: out.clone(),
                    formats: Formats::parse("typst").unwrap(),
                    ..BuildRequest::default()
                })
                .collect();
            let outcomes = build_all(requests, NonZeroUsize::new(jobs), &|_| ()).unwrap();
            let inputs: Vec<PathBuf> = outcomes.iter().map(|o| o.input.clone()).collect();
            let want: Vec<PathBuf> = names.iter().map(|n| dir.path().join(n)).collect();
            assert_eq!(inputs, want);
            assert!(outcomes.iter().all(|o| o.result.is_ok()));
            typ.push(std::fs::read(out.join("d-typst/main.typ")).unwrap());
        }
        assert_eq!(typ[0], typ[1]);
    }

    /// Inputs and the colliding pair expected.
    type StemCase = (
        &'static [&'static str],
        Option<(&'static str, &'static str)>,
    );

    #[test]
    fn colliding_stems_are_found() {
        let cases: [StemCase; 3] = [
            (&["a/x.txt", "b/y.txt"], None),
            (&["a/x.txt", "b/x.txt"], Some(("a/x.txt", "b/x.txt"))),
            (&["x.txt", "y.txt", "x.md"], Some(("x.txt", "x.md"))),
        ];
        for (inputs, want) in cases {
            let paths: Vec<PathBuf> = inputs.iter().map(PathBuf::from).collect();
            let got = duplicate_stem(&paths);
            assert_eq!(
                got,
                want.map(|(a, b)| (Path::new(a), Path::new(b))),
                "{inputs:?}"
            );
        }
    }
}
