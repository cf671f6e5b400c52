//! Hostile file systems and inputs (issue 11), through the CLI: planted links, a batch that would
//! delete another book's input, the user's own `<stem>-typst/`, partial states, debris, concurrent
//! builds, unbounded inputs and dangling links.

use std::path::Path;

use assert_cmd::Command;

use crate::support::outdir::{CLEAN, entries, stderr, write};

fn paiban() -> Command {
    Command::cargo_bin("paiban").unwrap()
}

/// Item 2: `paiban build a.txt a-typst/b.txt -o .` must not delete `a-typst/b.txt`.
#[test]
fn a_batch_never_replaces_a_folder_holding_another_books_input() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("a.txt"), CLEAN);
    write(&dir.path().join("a-typst/b.txt"), CLEAN);
    let a = paiban()
        .current_dir(dir.path())
        .args(["build", "a.txt", "a-typst/b.txt", "-o", "."])
        .env("RAYON_NUM_THREADS", "1")
        .assert()
        .code(1);
    let err = stderr(&a);
    assert!(
        err.contains("FAILED a.txt: ./a-typst: would replace a folder holding an input file"),
        "{err}"
    );
    assert!(err.contains("built 1 of 2 books"), "{err}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a-typst/b.txt")).unwrap(),
        CLEAN
    );
    assert_eq!(entries(&dir.path().join("a-typst")), ["b.txt"]);
    // b's own outputs are written; a wrote nothing.
    assert_eq!(
        entries(dir.path()),
        ["a-typst", "a.txt", "b-typst", "b.epub"]
    );
}

/// Item 3: a `<stem>-typst/` folder paiban did not make is the user's: refused, nothing written.
#[test]
fn the_users_own_project_folder_is_never_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(&dir.path().join("book.txt"), CLEAN);
    let out = dir.path().join("out");
    let mine = write(&out.join("book-typst/my-cover.typ"), "// my own work\n");
    let a = paiban()
        .arg("build")
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .assert()
        .code(1);
    assert!(
        stderr(&a).ends_with(&format!(
            "{}: exists and was not made by paiban (it has no .paiban file): move it away or \
             delete it; nothing was written\n",
            out.join("book-typst").display()
        )),
        "{}",
        stderr(&a)
    );
    assert_eq!(std::fs::read_to_string(&mine).unwrap(), "// my own work\n");
    // Item 8: the EPUB is not committed without the project either.
    assert_eq!(entries(&out), ["book-typst"]);
    // Once paiban made the folder, rebuilding replaces it.
    std::fs::remove_dir_all(out.join("book-typst")).unwrap();
    for _ in 0..2 {
        paiban()
            .arg("build")
            .arg(&input)
            .arg("-o")
            .arg(&out)
            .assert()
            .code(0);
    }
    assert_eq!(entries(&out), ["book-typst", "book.epub"]);
}

/// Item 8: a failed Typst step leaves the previous EPUB, not a new EPUB beside an old project.
#[test]
fn a_failed_build_commits_none_of_its_outputs() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(&dir.path().join("book.txt"), CLEAN);
    let out = dir.path().join("out");
    paiban()
        .arg("build")
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .assert()
        .code(0);
    let old_epub = std::fs::read(out.join("book.epub")).unwrap();
    let old_main = std::fs::read(out.join("book-typst/main.typ")).unwrap();
    // The project folder's marker is gone: the next build must not replace it, nor the EPUB.
    std::fs::remove_file(out.join("book-typst/.paiban")).unwrap();
    write(&input, &CLEAN.replace("正文一", "改过的正文"));
    paiban()
        .arg("build")
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .assert()
        .code(1);
    assert_eq!(std::fs::read(out.join("book.epub")).unwrap(), old_epub);
    assert_eq!(
        std::fs::read(out.join("book-typst/main.typ")).unwrap(),
        old_main
    );
    assert_eq!(entries(&out), ["book-typst", "book.epub"]);
}

/// Item 8: debris of killed builds (this version's staging folders, older versions' temp names)
/// is removed by the next build.
#[test]
fn debris_of_killed_builds_is_cleaned() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(&dir.path().join("book.txt"), CLEAN);
    let out = dir.path().join("out");
    write(&out.join(".paiban-stage-Ab12Cd/new/book.epub"), "half");
    write(&out.join(".book.epub.paiban-tmp-4294967295"), "half");
    write(
        &out.join(".book-typst.paiban-old-4294967295/main.typ"),
        "old",
    );
    write(&out.join("notes.md"), "the user's");
    paiban()
        .arg("build")
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .assert()
        .code(0);
    assert_eq!(entries(&out), ["book-typst", "book.epub", "notes.md"]);
}

/// Item 8: many builds at once into one folder all succeed and leave one whole build.
#[test]
fn concurrent_builds_into_one_folder_all_succeed() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(&dir.path().join("book.txt"), CLEAN);
    let out = dir.path().join("out");
    let bin = assert_cmd::cargo::cargo_bin("paiban");
    let children: Vec<_> = (0..12)
        .map(|_| {
            std::process::Command::new(&bin)
                .arg("build")
                .arg(&input)
                .arg("-o")
                .arg(&out)
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for c in children {
        let o = c.wait_with_output().unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    assert_eq!(entries(&out), ["book-typst", "book.epub"]);
}

/// Item 1: links planted at every name older versions used never lead outside the output folder;
/// `paiban init` writes through the same layer.
#[cfg(unix)]
#[test]
fn planted_links_are_never_followed() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let input = write(&dir.path().join("book.txt"), CLEAN);
    let outside = tempfile::tempdir().unwrap();
    let victim = write(&outside.path().join("victim"), "precious");
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    // Another user guessing names: every pid a short run could get.
    for pid in 1..200u32 {
        for name in [
            format!(".book.epub.paiban-tmp-{pid}"),
            format!(".book-typst.paiban-tmp-{pid}"),
            format!(".book.toml.paiban-tmp-{pid}"),
        ] {
            symlink(&victim, out.join(&name)).unwrap();
            symlink(&victim, dir.path().join(&name)).unwrap();
        }
    }
    paiban()
        .arg("build")
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .assert()
        .code(0);
    paiban().arg("init").arg(&input).assert().code(0);
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    assert_eq!(entries(outside.path()), ["victim"]);
    assert!(dir.path().join("book.toml").is_file());
}

/// Item 9: a dangling link as `-o` is named as such.
#[cfg(unix)]
#[test]
fn a_dangling_link_as_output_folder_gets_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(&dir.path().join("book.txt"), CLEAN);
    let out = dir.path().join("out");
    std::os::unix::fs::symlink(dir.path().join("unmounted"), &out).unwrap();
    let a = paiban()
        .arg("build")
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .assert()
        .code(1);
    assert!(
        stderr(&a).ends_with(&format!(
            "{}: is a symbolic link to {}, which does not exist; nothing was written\n",
            out.display(),
            dir.path().join("unmounted").display()
        )),
        "{}",
        stderr(&a)
    );
}

/// Item 9: a folder's `*.txt` entries that are not files are reported, not skipped.
#[cfg(unix)]
#[test]
fn a_batch_reports_a_dangling_link_and_a_folder_named_like_a_manuscript() {
    let dir = tempfile::tempdir().unwrap();
    let books = dir.path().join("books");
    write(&books.join("a.txt"), CLEAN);
    std::os::unix::fs::symlink(books.join("moved.txt"), books.join("b.txt")).unwrap();
    std::fs::create_dir(books.join("c.txt")).unwrap();
    let a = paiban()
        .arg("build")
        .arg(&books)
        .arg("-o")
        .arg(dir.path().join("out"))
        .env("RAYON_NUM_THREADS", "1")
        .assert()
        .code(1);
    let err = stderr(&a);
    let b = books.join("b.txt");
    let c = books.join("c.txt");
    for want in [
        format!(
            "FAILED {}: {}: is a symbolic link to {}, which does not exist (reading the manuscript)",
            b.display(),
            b.display(),
            books.join("moved.txt").display()
        ),
        format!(
            "FAILED {}: {}: is a folder, not a file (reading the manuscript)",
            c.display(),
            c.display()
        ),
        "built 1 of 3 books".to_string(),
    ] {
        assert!(err.contains(&want), "{want}\n---\n{err}");
    }
}

/// Item 5: devices and FIFOs are refused at once, as manuscript, cover, CSS and book.toml.
#[cfg(unix)]
#[test]
fn devices_and_fifos_are_refused_as_any_input() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(&dir.path().join("book.txt"), CLEAN);
    let fifo = dir.path().join("pipe");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let out = dir.path().join("out");
    let cases: [(&[&str], &Path, &str); 6] = [
        (&[], Path::new("/dev/zero"), "manuscript"),
        (&[], &fifo, "manuscript"),
        (&["--cover"], Path::new("/dev/zero"), "cover image"),
        (&["--css"], &fifo, "stylesheet"),
        (&["--meta"], Path::new("/dev/zero"), "book.toml"),
        (
            &["--typst-template"],
            Path::new("/dev/urandom"),
            "Typst template",
        ),
    ];
    for (flag, path, what) in cases {
        let mut cmd = paiban();
        cmd.arg("build");
        if flag.is_empty() {
            cmd.arg(path);
        } else {
            cmd.arg(&input).args(flag).arg(path);
        }
        let a = cmd
            .arg("-o")
            .arg(&out)
            .timeout(std::time::Duration::from_secs(60))
            .assert()
            .code(1);
        let kind = if path == fifo.as_path() {
            "a FIFO (named pipe)"
        } else {
            "a device"
        };
        assert!(
            stderr(&a).ends_with(&format!(
                "{}: is {kind}, not a file (reading the {what})\n",
                path.display()
            )),
            "{flag:?} {}: {}",
            path.display(),
            stderr(&a)
        );
    }
    assert!(!out.exists() || entries(&out).is_empty());
}

/// Item 7: a manuscript of nothing but headings stops at the division cap while reading —
/// one error diagnostic on the first heading past it, with the count — instead of writing an
/// EPUB hundreds of times its size; `inspect` says the same and exits 1.
#[test]
fn a_manuscript_of_only_headings_is_refused_with_the_count() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(&dir.path().join("book.txt"), &"第一章\n".repeat(30_000));
    let out = dir.path().join("out");
    let a = paiban()
        .arg("build")
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .assert()
        .code(1);
    let err = stderr(&a);
    let want = "error[P0306]: the manuscript has 30000 heading lines and a book may have at most \
                20000 divisions (chapters, sections, front and back matter); reading stopped here";
    assert!(err.contains(want), "{err}");
    assert!(err.contains(&format!("{}:20001", input.display())), "{err}");
    assert_eq!(
        err.matches("error[").count(),
        1,
        "one finding, not one per heading: {err}"
    );
    assert!(err.ends_with("nothing was written\n"), "{err}");
    assert!(!out.exists() || entries(&out).is_empty());
    let a = paiban().arg("inspect").arg(&input).assert().code(1);
    let shown = String::from_utf8_lossy(&a.get_output().stdout).into_owned();
    assert!(shown.contains(want), "{shown}");
}

/// Item 9: `--css` that refers outside the EPUB or holds a NUL byte is refused with line:column.
#[test]
fn a_stylesheet_with_remote_references_or_nul_bytes_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(&dir.path().join("book.txt"), CLEAN);
    let css = write(
        &dir.path().join("style.css"),
        "@import url(\"https://fonts.example/zh.css\");\np { background: url(paper.png) }\n\0\n",
    );
    let out = dir.path().join("out");
    let a = paiban()
        .arg("build")
        .arg(&input)
        .arg("--css")
        .arg(&css)
        .arg("-o")
        .arg(&out)
        .assert()
        .code(1);
    let err = stderr(&a);
    let c = css.display();
    for want in [
        format!("{c}: 1:1: @import loads a stylesheet the EPUB does not carry"),
        "1:9: url(https://fonts.example/zh.css) refers to a remote resource".to_string(),
        "2:17: url(paper.png) refers to a file the EPUB does not carry".to_string(),
        "3:1: a NUL byte".to_string(),
    ] {
        assert!(err.contains(&want), "{want}\n---\n{err}");
    }
    assert!(!out.exists() || entries(&out).is_empty());
    // A stylesheet that keeps to itself is used.
    write(
        &css,
        "p { text-indent: 2em; background: url(data:image/png;base64,AAAA) }\n",
    );
    paiban()
        .arg("build")
        .arg(&input)
        .arg("--css")
        .arg(&css)
        .arg("-o")
        .arg(&out)
        .assert()
        .code(0);
}

/// Item 9: an out-of-range `SOURCE_DATE_EPOCH` is a clear error, not an EPUB epubcheck rejects.
#[test]
fn an_out_of_range_source_date_epoch_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(&dir.path().join("book.txt"), CLEAN);
    for v in ["-86400", "253402300800", "99999999999999"] {
        let a = paiban()
            .arg("build")
            .arg(&input)
            .arg("-o")
            .arg(dir.path().join("out"))
            .env("SOURCE_DATE_EPOCH", v)
            .assert()
            .code(1);
        assert!(
            stderr(&a).ends_with(&format!(
                "SOURCE_DATE_EPOCH: \"{v}\" is outside 0 … 253402300799 (1970-01-01 … \
                 9999-12-31, the dates an EPUB can carry)\n"
            )),
            "{v}: {}",
            stderr(&a)
        );
    }
}

/// Item 9: UTF-16 without a byte-order mark gets an `--encoding` hint.
#[test]
fn utf16_without_a_bom_gets_an_encoding_hint() {
    let dir = tempfile::tempdir().unwrap();
    let bytes: Vec<u8> = CLEAN.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let input = dir.path().join("book.txt");
    std::fs::write(&input, bytes).unwrap();
    let a = paiban().arg("inspect").arg(&input).assert().code(1);
    assert!(
        stderr(&a).ends_with(
            "the text looks like UTF-16LE without a byte-order mark (NUL bytes at every other \
             offset): pass --encoding utf-16le\n"
        ),
        "{}",
        stderr(&a)
    );
    paiban()
        .arg("inspect")
        .arg(&input)
        .args(["--encoding", "utf-16le"])
        .assert()
        .code(0);
}

/// A PNG of `width`×`height` at `depth` bits of colour type `color`: a valid header, one tiny
/// IDAT, IEND (a few hundred bytes that claim gigabytes of pixels).
fn png_bomb(width: u32, height: u32, depth: u8, color: u8) -> Vec<u8> {
    fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
        out.extend((data.len() as u32).to_be_bytes());
        let mut crc = flate2::Crc::new();
        crc.update(kind);
        crc.update(data);
        out.extend(kind);
        out.extend(data);
        out.extend(crc.sum().to_be_bytes());
    }
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend(width.to_be_bytes());
    ihdr.extend(height.to_be_bytes());
    ihdr.extend([depth, color, 0, 0, 0]);
    chunk(&mut out, b"IHDR", &ihdr);
    let idat = miniz_oxide::deflate::compress_to_vec_zlib(&[0; 4096], 9);
    chunk(&mut out, b"IDAT", &idat);
    chunk(&mut out, b"IEND", &[]);
    out
}

/// Item 4: decompression bombs as `--cover` (65535² RGBA16, a 1-bit 60000², 20000² RGB) are
/// refused from their header with the cover named, exit 1, nothing written, no abort.
#[test]
fn cover_decompression_bombs_are_refused_before_decoding() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(&dir.path().join("book.txt"), CLEAN);
    let out = dir.path().join("out");
    for (w, h, depth, color) in [
        (65_535, 65_535, 16, 6),
        (60_000, 60_000, 1, 0),
        (20_000, 20_000, 8, 2),
    ] {
        let cover = dir.path().join(format!("bomb-{w}.png"));
        std::fs::write(&cover, png_bomb(w, h, depth, color)).unwrap();
        let a = paiban()
            .arg("build")
            .arg(&input)
            .arg("--cover")
            .arg(&cover)
            .arg("-o")
            .arg(&out)
            .timeout(std::time::Duration::from_secs(60))
            .assert()
            .code(1);
        let err = stderr(&a);
        assert!(
            err.contains(&cover.display().to_string())
                && err.contains(&format!(
                    "the image is {w}×{h} px; paiban decodes covers of at most"
                )),
            "{w}×{h}: {err}"
        );
        assert!(
            !out.exists() || entries(&out).is_empty(),
            "{w}×{h}: {:?}",
            entries(&out)
        );
    }
}

/// Item 4, in the writer: each bomb, and 8000×6000 (48 Mpx with each side within the limit), is
/// refused by `write_epub` from the header alone, naming the size it claims.
#[test]
fn the_epub_writer_refuses_cover_bombs_from_their_header() {
    let book = crate::support::fixture_book();
    for (w, h, depth, color) in [
        (65_535, 65_535, 16, 6),
        (60_000, 60_000, 1, 0),
        (20_000, 20_000, 8, 2),
        (8_000, 6_000, 8, 2),
    ] {
        let opts = paiban::writer::epub::EpubOptions {
            cover: Some(png_bomb(w, h, depth, color)),
            ..Default::default()
        };
        let err = paiban::writer::epub::write_epub(&book, &opts)
            .map(|_| ())
            .unwrap_err();
        assert!(
            matches!(err, paiban::writer::epub::EpubError::Cover(_))
                && err.to_string().contains(&format!(
                    "the image is {w}×{h} px; paiban decodes covers of at most"
                )),
            "{w}×{h}: {err}"
        );
    }
}

/// Item 5: a manuscript, book.toml or cover over its size cap (sparse files of 257 MiB, 17 MiB
/// and 65 MiB) is refused from its size, naming the cap, before anything is read or written.
#[test]
fn inputs_over_their_size_caps_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(&dir.path().join("book.txt"), CLEAN);
    let out = dir.path().join("out");
    let sparse = |name: &str, mib: u64| {
        let p = dir.path().join(name);
        std::fs::File::create(&p)
            .unwrap()
            .set_len(mib << 20)
            .unwrap();
        p
    };
    let cases = [
        (None, sparse("huge.txt", 257), "manuscript", "256.0 MiB"),
        (
            Some("--meta"),
            sparse("huge.toml", 17),
            "book.toml",
            "16.0 MiB",
        ),
        (
            Some("--cover"),
            sparse("huge.png", 65),
            "cover image",
            "64.0 MiB",
        ),
    ];
    for (flag, path, what, cap) in cases {
        let mut cmd = paiban();
        cmd.arg("build");
        match flag {
            None => cmd.arg(&path),
            Some(flag) => cmd.arg(&input).arg(flag).arg(&path),
        };
        let a = cmd
            .arg("-o")
            .arg(&out)
            .timeout(std::time::Duration::from_secs(60))
            .assert()
            .code(1);
        let err = stderr(&a);
        assert!(
            err.contains(&path.display().to_string())
                && err.contains(&format!("the limit for a {what} is {cap}")),
            "{what}: {err}"
        );
        assert!(
            !out.exists() || entries(&out).is_empty(),
            "{what}: {:?}",
            entries(&out)
        );
    }
}
