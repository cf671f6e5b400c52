//! The preview's HTTP side (tiny_http): the page with the contents and the book's pages, the
//! EPUB's own files, the EPUB and PDF, and a long poll the page uses to reload on change.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use tiny_http::{Header, Request, Response};

use super::preview::{Build, Snapshot, State};

/// How long a long poll waits for a change before answering with the same generation.
const POLL: Duration = Duration::from_secs(25);

/// Answers requests until `stop` is set; each request on its own thread (long polls wait).
pub fn serve(http: &tiny_http::Server, state: Arc<State>, stop: &AtomicBool) {
    while !stop.load(Ordering::SeqCst) {
        match http.recv_timeout(Duration::from_millis(100)) {
            Ok(Some(req)) => {
                let state = Arc::clone(&state);
                std::thread::spawn(move || answer(req, &state));
            }
            Ok(None) => {}
            Err(_) => break,
        }
    }
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("valid header")
}

fn answer(req: Request, state: &State) {
    let url = req.url().to_string();
    let (path, query) = url.split_once('?').unwrap_or((&url, ""));
    let param = |key: &str| {
        query.split('&').find_map(|kv| {
            let (k, v) = kv.split_once('=')?;
            (k == key).then(|| percent_decode(v))
        })
    };
    let (status, mime, body): (u16, &str, Vec<u8>) = match path {
        "/" => {
            let snap = state.lock();
            let page = param("page").filter(|p| !p.is_empty());
            (
                200,
                "text/html; charset=utf-8",
                shell(&snap, state.typst, page.as_deref()).into_bytes(),
            )
        }
        "/wait" => {
            let since = param("since").and_then(|s| s.parse().ok()).unwrap_or(0);
            let generation = state.wait(since, POLL);
            (
                200,
                "text/plain; charset=utf-8",
                generation.to_string().into_bytes(),
            )
        }
        "/book.epub" => match good(state) {
            Some(b) => (200, "application/epub+zip", b.epub.clone()),
            None => not_built(),
        },
        "/book.pdf" if state.typst => match state.pdf() {
            Ok(pdf) => (200, "application/pdf", pdf),
            Err(e) => (500, "text/plain; charset=utf-8", e.into_bytes()),
        },
        _ => match path.strip_prefix("/book/") {
            Some(name) => {
                let name = percent_decode(name);
                match good(state).and_then(|b| b.files.get(&name).cloned()) {
                    Some(bytes) => (200, media_type(&name), bytes),
                    None => (404, "text/plain; charset=utf-8", b"no such page".to_vec()),
                }
            }
            None => (404, "text/plain; charset=utf-8", b"not found".to_vec()),
        },
    };
    let response = Response::from_data(body)
        .with_status_code(status)
        .with_header(header("Content-Type", mime))
        .with_header(header("Cache-Control", "no-store"));
    let _ = req.respond(response);
}

fn good(state: &State) -> Option<Arc<Build>> {
    state.lock().good.clone()
}

fn not_built() -> (u16, &'static str, Vec<u8>) {
    (
        503,
        "text/plain; charset=utf-8",
        b"no build has succeeded yet".to_vec(),
    )
}

/// The media type of an EPUB entry by its extension.
fn media_type(name: &str) -> &'static str {
    let ext = name.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
    match ext.as_str() {
        "xhtml" => "application/xhtml+xml; charset=utf-8",
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "opf" => "application/oebps-package+xml",
        "ncx" => "application/x-dtbncx+xml",
        "xml" => "application/xml",
        "jpg" | "jpeg" => "image/jpeg",
        "png" => "image/png",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "svg" => "image/svg+xml",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "otf" => "font/otf",
        "ttf" => "font/ttf",
        _ => "application/octet-stream",
    }
}

/// `%XX` escapes decoded (bytes that do not form UTF-8 are replaced).
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).copied().and_then(hex),
            bytes.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (b'+', _, _) => {
                out.push(b' ');
                i += 1;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The preview page: a status bar, the latest failure if any, the contents and the page shown.
fn shell(snap: &Snapshot, typst: bool, page: Option<&str>) -> String {
    let mut status = format!("build {}", snap.generation);
    let mut body = String::new();
    if let Some(failure) = &snap.failure {
        let kept = match snap.good {
            Some(_) => format!("showing build {}, the last good one", snap.good_generation),
            None => "no build has succeeded yet".to_string(),
        };
        body.push_str(&format!(
            "<section id=\"failure\"><h2>Rebuild {} failed: {kept}</h2><pre>{}</pre></section>\n",
            snap.generation,
            escape(failure)
        ));
        status.push_str(" failed");
    }
    let mut nav = String::new();
    let mut first = None;
    if let Some(b) = &snap.good {
        status.push_str(&format!(
            " · {} ms · {} warning{}",
            snap.millis,
            b.warnings,
            if b.warnings == 1 { "" } else { "s" }
        ));
        nav.push_str("<nav id=\"contents\"><ol>\n");
        for e in &b.nav {
            first.get_or_insert(e.target.clone());
            nav.push_str(&format!(
                "<li class=\"d{}\"><a href=\"/book/{}\" target=\"page\">{}</a></li>\n",
                e.depth.min(6),
                escape(&e.target),
                escape(&e.text)
            ));
        }
        nav.push_str("</ol></nav>\n");
        status.push_str(" · <a href=\"/book.epub\">EPUB</a>");
        if typst && b.project.is_some() {
            status.push_str(" · <a href=\"/book.pdf\" target=\"_blank\">PDF</a>");
        }
    }
    let shown = page.map(str::to_string).or(first).unwrap_or_default();
    let frame = if snap.good.is_some() {
        format!(
            "<iframe name=\"page\" id=\"page\" src=\"/book/{}\"></iframe>\n",
            escape(&shown)
        )
    } else {
        String::new()
    };
    format!(
        r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"/><title>paiban watch</title>
<style>
body {{ margin: 0; font: 14px/1.4 system-ui, sans-serif; display: grid;
  grid-template: "bar bar" auto "fail fail" auto "nav page" 1fr / 18em 1fr; height: 100vh; }}
header {{ grid-area: bar; padding: 0.4em 1em; background: #eee; border-bottom: 1px solid #ccc; }}
#failure {{ grid-area: fail; background: #fdecea; padding: 0 1em; max-height: 40vh; overflow: auto; }}
#failure pre {{ white-space: pre-wrap; }}
#contents {{ grid-area: nav; overflow: auto; border-right: 1px solid #ccc; }}
#contents ol {{ list-style: none; margin: 0; padding: 0.5em; }}
#contents li.d2 {{ padding-left: 1em; }} #contents li.d3 {{ padding-left: 2em; }}
#contents li.d4, #contents li.d5, #contents li.d6 {{ padding-left: 3em; }}
#page {{ grid-area: page; border: 0; width: 100%; height: 100%; }}
</style></head>
<body>
<header>paiban watch · <span id="status">{status}</span></header>
{body}{nav}{frame}<script>
const generation = {generation};
async function poll() {{
  for (;;) {{
    try {{
      const r = await fetch('/wait?since=' + generation, {{ cache: 'no-store' }});
      const g = await r.text();
      if (g !== String(generation)) {{
        let page = '';
        try {{
          const l = document.getElementById('page').contentWindow.location;
          page = l.pathname.replace(/^\/book\//, '') + l.hash;
        }} catch (e) {{}}
        location.replace('/?page=' + encodeURIComponent(page));
        return;
      }}
    }} catch (e) {{
      await new Promise(done => setTimeout(done, 1000));
    }}
  }}
}}
poll();
</script>
</body></html>
"#,
        generation = snap.generation,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_decoding() {
        let cases = [
            ("EPUB%2Fchapter-1.xhtml%23s1", "EPUB/chapter-1.xhtml#s1"),
            ("a+b", "a b"),
            ("%E7%AB%A0", "章"),
            ("bad%zz", "bad%zz"),
            ("%", "%"),
        ];
        for (input, want) in cases {
            assert_eq!(percent_decode(input), want, "{input}");
        }
    }

    #[test]
    fn a_failure_is_shown_above_the_last_good_build() {
        let snap = Snapshot {
            generation: 3,
            good_generation: 2,
            good: Some(Arc::new(Build {
                nav: vec![super::super::preview::NavEntry {
                    depth: 1,
                    target: "EPUB/chapter-1.xhtml".into(),
                    text: "Chapter <1>".into(),
                }],
                ..Build::default()
            })),
            failure: Some("error[P0701]: book.toml: line 2: <bad>".into()),
            ..Snapshot::default()
        };
        let page = shell(&snap, false, None);
        assert!(
            page.contains("Rebuild 3 failed: showing build 2, the last good one"),
            "{page}"
        );
        assert!(
            page.contains("error[P0701]: book.toml: line 2: &lt;bad&gt;"),
            "{page}"
        );
        assert!(page.contains(
            "<a href=\"/book/EPUB/chapter-1.xhtml\" target=\"page\">Chapter &lt;1&gt;</a>"
        ));
        assert!(page.contains("src=\"/book/EPUB/chapter-1.xhtml\""));
        assert!(page.contains("const generation = 3;"));
        assert!(!page.contains("book.pdf"));
    }
}
