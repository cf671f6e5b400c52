//! `paiban watch`: a live preview on loopback that follows the manuscript's edits, shows a
//! failed rebuild's diagnostics above the last good build, refuses a non-loopback address
//! unless asked, and stops cleanly on SIGINT.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const BOOK: &str = "---\ntitle: The Salt Road\nlanguage: en\n---\n\n\
# Chapter 1 Leaving\n\nThe caravan left at dawn.\n\n# Chapter 2 Arriving\n\nTall gates.\n";

/// `GET path` on `addr`: the status code and the body.
fn get(addr: &str, path: &str) -> (u16, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    (status, body.to_string())
}

/// Long-polls until the generation passes `since`; returns the new one.
fn next_generation(addr: &str, since: u64) -> u64 {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(90) {
        let (status, body) = get(addr, &format!("/wait?since={since}"));
        assert_eq!(status, 200, "{body}");
        let g: u64 = body.trim().parse().unwrap();
        if g != since {
            return g;
        }
    }
    panic!("no rebuild after generation {since}");
}

/// The `src` of the page frame in the preview page.
fn frame_src(page: &str) -> String {
    let at = page.find("id=\"page\" src=\"").expect("a page frame") + 15;
    page[at..].split('"').next().unwrap().to_string()
}

struct Watch {
    child: Child,
    addr: String,
}

impl Watch {
    fn start(book: &Path, out: &Path) -> Watch {
        let mut child = Command::new(env!("CARGO_BIN_EXE_paiban"))
            .arg("watch")
            .arg(book)
            .arg("-o")
            .arg(out)
            .args(["--port", "0"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let addr = line
            .split("http://")
            .nth(1)
            .and_then(|r| r.split('/').next())
            .unwrap_or_else(|| panic!("no address in {line:?}"))
            .to_string();
        assert!(addr.starts_with("127.0.0.1:"), "{line}");
        Watch { child, addr }
    }

    /// Sends SIGINT and waits for the exit status.
    fn interrupt(mut self) -> std::process::ExitStatus {
        let pid = self.child.id().to_string();
        assert!(
            Command::new("kill")
                .args(["-INT", &pid])
                .status()
                .unwrap()
                .success()
        );
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "paiban watch did not stop on SIGINT"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn the_preview_follows_edits_and_keeps_the_last_good_build() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("salt.md");
    std::fs::write(&book, BOOK).unwrap();
    let watch = Watch::start(&book, &dir.path().join("out"));
    let addr = watch.addr.clone();

    // The preview page: the contents beside the first page, build 1.
    let (status, page) = get(&addr, "/");
    assert_eq!(status, 200);
    assert!(page.contains("build 1 ·"), "{page}");
    assert!(
        page.contains("target=\"page\">Chapter 1 Leaving</a>"),
        "{page}"
    );
    assert!(
        page.contains("target=\"page\">Chapter 2 Arriving</a>"),
        "{page}"
    );
    let chapter = page
        .split("href=\"")
        .skip(1)
        .map(|r| r.split('"').next().unwrap())
        .find(|h| {
            h.starts_with("/book/") && page.contains(&format!("{h}\" target=\"page\">Chapter 1"))
        })
        .expect("a link to chapter 1")
        .to_string();
    let (status, xhtml) = get(&addr, &chapter);
    assert_eq!(status, 200);
    assert!(xhtml.contains("The caravan left at dawn."), "{xhtml}");
    assert!(!frame_src(&page).is_empty());
    let (status, epub) = get(&addr, "/book.epub");
    assert_eq!(status, 200);
    assert!(epub.starts_with("PK"));
    // The build was written to the output folder as well.
    assert!(dir.path().join("out/salt.epub").is_file());

    // An edit of the manuscript is served after the rebuild.
    std::fs::write(&book, BOOK.replace("at dawn", "at dusk")).unwrap();
    let g = next_generation(&addr, 1);
    assert_eq!(g, 2);
    let (_, xhtml) = get(&addr, &chapter);
    assert!(xhtml.contains("The caravan left at dusk."), "{xhtml}");
    assert!(get(&addr, "/").1.contains("build 2 ·"));

    // A book.toml appearing beside the book is found; a bad one fails the rebuild, whose
    // diagnostics are shown while the last good build stays served.
    std::fs::write(dir.path().join("salt.toml"), "title = [\n").unwrap();
    let g = next_generation(&addr, 2);
    let (_, page) = get(&addr, "/");
    assert!(
        page.contains(&format!("Rebuild {g} failed: showing build 2")),
        "{page}"
    );
    assert!(page.contains("salt.toml"), "{page}");
    let (status, xhtml) = get(&addr, &chapter);
    assert_eq!(status, 200);
    assert!(xhtml.contains("at dusk"), "{xhtml}");

    // Fixed: the next build is good again and takes the book.toml's title.
    std::fs::write(
        dir.path().join("salt.toml"),
        "title = \"The Long Salt Road\"\n",
    )
    .unwrap();
    let g2 = next_generation(&addr, g);
    let (_, page) = get(&addr, "/");
    assert!(!page.contains("failed"), "{page}");
    assert!(page.contains(&format!("build {g2} ·")), "{page}");
    let (_, opf) = get(&addr, "/book/EPUB/content.opf");
    assert!(opf.contains(">The Long Salt Road<"), "{opf}");

    let status = watch.interrupt();
    assert!(status.success(), "{status:?}");
}

/// Raw `GET path` on `addr`: the body's bytes (fonts are not text).
fn get_bytes(addr: &str, path: &str) -> (u16, Vec<u8>) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let at = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a response head");
    let head = String::from_utf8_lossy(&raw[..at]).into_owned();
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    (status, raw[at + 4..].to_vec())
}

#[test]
fn a_resource_book_toml_lists_is_watched() {
    const FONT: &str = "tests/fixtures/fonts/PaibanFixture-Regular.ttf";
    const SERVED: &str = "/book/EPUB/res/fonts/PaibanFixture-Regular.ttf";
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("salt.md");
    std::fs::write(&book, BOOK).unwrap();
    std::fs::write(
        dir.path().join("salt.toml"),
        "[[resources]]\npath = \"fonts/PaibanFixture-Regular.ttf\"\n",
    )
    .unwrap();
    std::fs::create_dir_all(dir.path().join("fonts")).unwrap();
    let font = dir.path().join("fonts/PaibanFixture-Regular.ttf");
    let original = std::fs::read(FONT).unwrap();
    std::fs::write(&font, &original).unwrap();
    let watch = Watch::start(&book, &dir.path().join("out"));
    let addr = watch.addr.clone();
    assert_eq!(get_bytes(&addr, SERVED), (200, original.clone()));

    // A new version of the font (a byte more) is carried by the next build.
    let mut changed = original.clone();
    changed.extend_from_slice(&[0, 0, 0, 0]);
    std::fs::write(&font, &changed).unwrap();
    let g = next_generation(&addr, 1);
    assert_eq!(g, 2);
    assert_eq!(get_bytes(&addr, SERVED), (200, changed.clone()));

    // The font gone: the rebuild fails on the entry's line of the book.toml, the last good
    // build stays served.
    std::fs::remove_file(&font).unwrap();
    let g = next_generation(&addr, 2);
    let (_, page) = get(&addr, "/");
    assert!(
        page.contains(&format!("Rebuild {g} failed: showing build 2")),
        "{page}"
    );
    assert!(page.contains("salt.toml"), "{page}");
    assert_eq!(get_bytes(&addr, SERVED), (200, changed));

    // Back again: a good build.
    std::fs::write(&font, &original).unwrap();
    let g2 = next_generation(&addr, g);
    let (_, page) = get(&addr, "/");
    assert!(page.contains(&format!("build {g2} ·")), "{page}");
    assert_eq!(get_bytes(&addr, SERVED), (200, original));

    let status = watch.interrupt();
    assert!(status.success(), "{status:?}");
}

#[test]
fn a_non_loopback_address_is_refused_without_allow_remote() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("salt.md");
    std::fs::write(&book, BOOK).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_paiban"))
        .arg("watch")
        .arg(&book)
        .args(["--bind", "0.0.0.0", "--port", "0"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("0.0.0.0") && stderr.contains("--allow-remote"),
        "{stderr}"
    );
    assert!(!dir.path().join("out").exists());
}
