//! Fuzz target: a hostile output folder (links to files and folders outside it, to the input, to
//! nothing, to itself; FIFOs; folders and files named like outputs, markers and debris) built from
//! the input bytes, then `paiban build` into it. Whatever the tree, nothing outside the output
//! folder changes, the manuscript is intact, a success leaves whole outputs and no staging
//! folder, and a failure changes none of the entries that were there (but dead builds' debris).

#![no_main]

use std::collections::BTreeMap;
use std::fs;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};

use libfuzzer_sys::fuzz_target;
use paiban::build::{BuildRequest, Formats, ReadRequest, build};

const MANUSCRIPT: &str = "书名\n\n第一章\n\n起点\n\n正文一。\n";

/// Names the ops plant things at (relative to the output folder).
const NAMES: &[&str] = &[
    "book.epub",
    "book-typst",
    "book-typst/.paiban",
    "book-typst/main.typ",
    "book-typst/sub",
    ".paiban-stage-fuzz",
    ".paiban-stage-fuzz/new",
    ".paiban-stage-fuzz/new/book.epub",
    ".book.epub.paiban-tmp-1",
    ".book-typst.paiban-old-4294967295",
    ".paiban",
    "book.txt",
    "other",
];

/// A snapshot of a tree: path → what it is (link target, file bytes, folder, other), links not
/// followed.
fn snapshot(root: &Path) -> BTreeMap<PathBuf, String> {
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = fs::read_dir(&dir) else { continue };
        for e in entries.flatten() {
            let p = e.path();
            let Ok(m) = fs::symlink_metadata(&p) else { continue };
            let what = if m.file_type().is_symlink() {
                format!("link {:?}", fs::read_link(&p).ok())
            } else if m.is_file() {
                format!("file {:?}", fs::read(&p).ok())
            } else if m.is_dir() {
                stack.push(p.clone());
                "dir".to_string()
            } else {
                "other".to_string()
            };
            out.insert(p.strip_prefix(root).unwrap().to_path_buf(), what);
        }
    }
    out
}

fn is_debris(rel: &Path) -> bool {
    let first = rel.components().next().map(|c| c.as_os_str().to_string_lossy().into_owned());
    first.is_some_and(|f| f.starts_with(".paiban-stage-") || f.contains(".paiban-tmp-") || f.contains(".paiban-old-"))
}

fuzz_target!(|data: &[u8]| {
    let root = tempfile::tempdir().unwrap();
    let outside = root.path().join("outside");
    let out = root.path().join("out");
    fs::create_dir_all(outside.join("dir")).unwrap();
    fs::write(outside.join("secret"), "outside").unwrap();
    fs::write(outside.join("dir/inner"), "outside too").unwrap();
    fs::create_dir(&out).unwrap();
    let input = root.path().join("book.txt");
    fs::write(&input, MANUSCRIPT).unwrap();
    for op in data.chunks(2).take(24) {
        let (kind, which) = (op[0] % 9, op.get(1).copied().unwrap_or(0) as usize % NAMES.len());
        let p = out.join(NAMES[which]);
        if let Some(parent) = p.parent() {
            let _ = fs::create_dir_all(parent);
        }
        let _ = match kind {
            // O_NONBLOCK: writing at a planted FIFO fails at once (ENXIO) instead of waiting
            // for a reader forever.
            0 => {
                use std::io::Write;
                use std::os::unix::fs::OpenOptionsExt;
                fs::OpenOptions::new()
                    .write(true)
                    .create(true)
                    .truncate(true)
                    .custom_flags(libc::O_NONBLOCK)
                    .open(&p)
                    .and_then(|mut f| f.write_all(b"planted"))
            }
            1 => fs::create_dir_all(&p),
            2 => symlink(outside.join("secret"), &p),
            3 => symlink(outside.join("dir"), &p),
            4 => symlink(outside.join("nothing"), &p),
            5 => symlink(&input, &p),
            6 => symlink(&out, &p),
            7 => {
                let c = std::ffi::CString::new(p.to_str().unwrap()).unwrap();
                if unsafe { libc::mkfifo(c.as_ptr(), 0o600) } == 0 { Ok(()) } else { Err(std::io::Error::last_os_error()) }
            }
            _ => fs::remove_dir_all(&p).or_else(|_| fs::remove_file(&p)),
        };
    }
    // Planting writes through links (`fs::write` follows them), so an op that writes at a link
    // to the manuscript changed it before the build: restore it, the build must not change it.
    fs::write(&input, MANUSCRIPT).unwrap();
    let before_outside = snapshot(&outside);
    let before_out = snapshot(&out);
    let req = BuildRequest {
        read: ReadRequest { input: input.clone(), ..ReadRequest::default() },
        out_dir: out.clone(),
        formats: Formats::parse("epub,typst").unwrap(),
        ..BuildRequest::default()
    };
    let result = build(&req);
    assert_eq!(snapshot(&outside), before_outside, "something outside the output folder changed");
    assert_eq!(fs::read_to_string(&input).unwrap(), MANUSCRIPT, "the manuscript changed");
    let after = snapshot(&out);
    assert!(
        !after.keys().any(|k| k.to_string_lossy().starts_with(".paiban-stage-") && !before_out.contains_key(k)),
        "a staging folder was left: {after:?}"
    );
    match result {
        Ok(report) => {
            let epub = fs::symlink_metadata(out.join("book.epub")).unwrap();
            assert!(epub.is_file(), "book.epub is not a file");
            assert!(fs::read(out.join("book.epub")).unwrap().starts_with(b"PK\x03\x04"));
            assert!(fs::symlink_metadata(out.join("book-typst/.paiban")).unwrap().is_file());
            assert_eq!(report.outputs.len(), 2);
            for (rel, what) in &before_out {
                let output = rel.starts_with("book.epub") || rel.starts_with("book-typst");
                if !output && !is_debris(rel) {
                    assert_eq!(after.get(rel), Some(what), "{} changed", rel.display());
                }
            }
        }
        Err(_) => {
            for (rel, what) in &before_out {
                if is_debris(rel) {
                    continue;
                }
                assert_eq!(after.get(rel), Some(what), "{} changed on a failed build", rel.display());
            }
        }
    }
});
