//! What the preview serves: the last good build's EPUB entries, its contents, and the state of
//! the latest rebuild (a failure shows its diagnostics above the last good pages).

use std::collections::BTreeMap;
use std::io::Read as _;
use std::path::PathBuf;
use std::sync::{Condvar, Mutex};
use std::time::Duration;

use super::Outcome;
use crate::settings::Settings;

/// One entry of the EPUB's contents (its `nav.xhtml` toc).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NavEntry {
    /// Nesting depth, 1 for a top-level entry.
    pub depth: usize,
    /// The entry's target inside the EPUB (`EPUB/chapter-1.xhtml#…`).
    pub target: String,
    /// Its text.
    pub text: String,
}

/// A good build, ready to serve.
#[derive(Debug, Default)]
pub struct Build {
    /// The EPUB's entries by name.
    pub files: BTreeMap<String, Vec<u8>>,
    /// The EPUB itself.
    pub epub: Vec<u8>,
    /// The contents.
    pub nav: Vec<NavEntry>,
    /// The Typst project written beside the EPUB, if any (for the PDF link).
    pub project: Option<PathBuf>,
    /// Its warnings, rendered.
    pub warnings: usize,
}

/// The preview's state: the generation (one per rebuild), the last good build and the
/// latest failure.
#[derive(Debug, Default)]
pub struct Snapshot {
    /// Rebuilds so far (1 after the first).
    pub generation: u64,
    /// The generation of [`Snapshot::good`].
    pub good_generation: u64,
    /// The last good build.
    pub good: Option<std::sync::Arc<Build>>,
    /// The latest rebuild's failure (diagnostics or error), cleared by a good one.
    pub failure: Option<String>,
    /// Milliseconds the latest rebuild took.
    pub millis: u128,
    /// The PDF compiled from the good build's project, with its generation.
    pub pdf: Option<(u64, Result<Vec<u8>, String>)>,
    /// Set when watching stops: long polls return at once.
    pub stopped: bool,
}

/// The shared state, with a condition variable for long polls.
pub struct State {
    snap: Mutex<Snapshot>,
    changed: Condvar,
    /// Whether a Typst compiler is installed (the PDF link is shown only then).
    pub typst: bool,
    /// The environment, for compiling the PDF.
    pub settings: Settings,
    scratch: Option<tempfile::TempDir>,
}

impl State {
    /// An empty state; whether Typst is available is looked up once.
    pub fn new(settings: &Settings) -> Self {
        State {
            snap: Mutex::new(Snapshot::default()),
            changed: Condvar::new(),
            typst: crate::pdf::Compiler::find(settings).is_ok(),
            settings: settings.clone(),
            scratch: tempfile::Builder::new()
                .prefix("paiban-watch")
                .tempdir()
                .ok(),
        }
    }

    /// Records a build's outcome as the next generation and wakes the long polls.
    pub fn publish(&self, outcome: &Outcome) {
        let good = match &outcome.result {
            Ok(report) if !report.withheld => load(report).map_err(|e| e.to_string()),
            Ok(report) => Err(render_diagnostics(report)),
            Err(e) => Err(format!("error: {e}")),
        };
        let mut snap = self.lock();
        snap.generation += 1;
        snap.millis = outcome.elapsed.as_millis();
        match good {
            Ok(build) => {
                snap.good = Some(std::sync::Arc::new(build));
                snap.good_generation = snap.generation;
                snap.failure = None;
            }
            Err(text) => snap.failure = Some(text),
        }
        drop(snap);
        self.changed.notify_all();
    }

    /// Ends every long poll.
    pub fn stop(&self) {
        self.lock().stopped = true;
        self.changed.notify_all();
    }

    /// Locks the snapshot (a panicked holder leaves it usable: it is plain data).
    pub fn lock(&self) -> std::sync::MutexGuard<'_, Snapshot> {
        self.snap.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Waits until the generation differs from `since` (or `timeout` passes); returns it.
    pub fn wait(&self, since: u64, timeout: Duration) -> u64 {
        let snap = self.lock();
        let (snap, _) = self
            .changed
            .wait_timeout_while(snap, timeout, |s| s.generation == since && !s.stopped)
            .unwrap_or_else(|p| p.into_inner());
        snap.generation
    }

    /// The PDF of the good build, compiled on first request and kept for its generation.
    pub fn pdf(&self) -> Result<Vec<u8>, String> {
        let (generation, project) = {
            let snap = self.lock();
            if let Some((g, pdf)) = &snap.pdf {
                if *g == snap.good_generation {
                    return pdf.clone();
                }
            }
            let project = snap.good.as_ref().and_then(|b| b.project.clone());
            (snap.good_generation, project)
        };
        let Some(project) = project else {
            return Err("this build has no Typst project (see --format)".into());
        };
        let Some(scratch) = &self.scratch else {
            return Err("no scratch folder for the PDF".into());
        };
        let out = scratch.path().join(format!("book-{generation}.pdf"));
        let opts = crate::pdf::PdfOptions {
            settings: self.settings.clone(),
            timestamp: None,
        };
        let pdf = crate::pdf::compile_project(&project, &out, &opts)
            .map_err(|e| e.to_string())
            .and_then(|_| std::fs::read(&out).map_err(|e| e.to_string()));
        let _ = std::fs::remove_file(&out);
        self.lock().pdf = Some((generation, pdf.clone()));
        pdf
    }
}

/// The rendered diagnostics of a withheld build.
fn render_diagnostics(report: &crate::build::BuildReport) -> String {
    let sources = crate::diag::Sources {
        manuscript: (&report.source).into(),
        config: report.config.as_ref().map(Into::into),
    };
    let style = crate::diag::Style {
        color: false,
        ..crate::diag::Style::default()
    };
    crate::diag::render_all(&report.diagnostics, &sources, style)
}

/// Reads the EPUB a build wrote back into memory.
fn load(report: &crate::build::BuildReport) -> std::io::Result<Build> {
    fn ends(p: &std::path::Path, ext: &str) -> bool {
        p.to_string_lossy().ends_with(ext)
    }
    let Some(epub_path) = report.outputs.iter().find(|p| ends(p, ".epub")) else {
        return Err(std::io::Error::other("the build wrote no EPUB"));
    };
    let epub = std::fs::read(epub_path)?;
    let mut zip =
        zip::ZipArchive::new(std::io::Cursor::new(&epub)).map_err(std::io::Error::other)?;
    let mut files = BTreeMap::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).map_err(std::io::Error::other)?;
        let Some(name) = f.enclosed_name().map(|p| p.to_string_lossy().into_owned()) else {
            continue;
        };
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes)?;
        files.insert(name, bytes);
    }
    let nav = files
        .iter()
        .find(|(name, _)| name.ends_with("nav.xhtml"))
        .map(|(name, bytes)| nav_entries(name, bytes))
        .unwrap_or_default();
    Ok(Build {
        files,
        epub,
        nav,
        project: report.outputs.iter().find(|p| ends(p, "-typst")).cloned(),
        warnings: report
            .diagnostics
            .iter()
            .filter(|d| d.severity >= crate::diag::Severity::Warning)
            .count(),
    })
}

/// The toc entries of a `nav.xhtml` named `name`, their targets made relative to the EPUB's root.
pub fn nav_entries(name: &str, xhtml: &[u8]) -> Vec<NavEntry> {
    use quick_xml::events::Event;
    let folder = name.rsplit_once('/').map_or("", |(f, _)| f);
    let mut reader = quick_xml::Reader::from_reader(xhtml);
    let mut out = Vec::new();
    let (mut in_toc, mut nav_depth, mut depth) = (false, 0usize, 0usize);
    let mut open: Option<(String, String)> = None;
    let mut buf = Vec::new();
    loop {
        let event = match reader.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => break,
            Ok(e) => e,
        };
        match event {
            Event::Start(e) => match e.local_name().as_ref() {
                "nav" => {
                    nav_depth += 1;
                    let toc = e
                        .attributes()
                        .flatten()
                        .any(|a| a.key.as_ref() == "epub:type" && a.value.as_ref() == "toc");
                    if toc {
                        in_toc = true;
                    }
                }
                "ol" if in_toc => depth += 1,
                "a" if in_toc => {
                    let href = e
                        .attributes()
                        .flatten()
                        .find(|a| a.key.as_ref() == "href")
                        .map(|a| {
                            quick_xml::escape::unescape(&a.value)
                                .map_or_else(|_| a.value.to_string(), |v| v.into_owned())
                        })
                        .unwrap_or_default();
                    let target = if folder.is_empty() {
                        href
                    } else {
                        format!("{folder}/{href}")
                    };
                    open = Some((target, String::new()));
                }
                _ => {}
            },
            Event::Text(t) => {
                if let (Some((_, text)), Ok(s)) = (&mut open, Ok::<_, ()>(t.xml10_content())) {
                    text.push_str(&s);
                }
            }
            Event::GeneralRef(r) => {
                if let Some((_, text)) = &mut open {
                    let named = match r.as_ref() {
                        "amp" => Some('&'),
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        _ => None,
                    };
                    if let Some(c) = named.or_else(|| r.resolve_char_ref().ok().flatten()) {
                        text.push(c);
                    }
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                "nav" => {
                    nav_depth = nav_depth.saturating_sub(1);
                    if nav_depth == 0 {
                        in_toc = false;
                    }
                }
                "ol" if in_toc => depth = depth.saturating_sub(1),
                "a" => {
                    if let Some((target, text)) = open.take() {
                        out.push(NavEntry {
                            depth,
                            target,
                            text: text.split_whitespace().collect::<Vec<_>>().join(" "),
                        });
                    }
                }
                _ => {}
            },
            _ => {}
        }
        buf.clear();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nav_entries_of_the_toc_only() {
        let nav = br#"<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><body>
<nav epub:type="toc" id="toc"><h1>Contents</h1><ol>
<li><a href="chapter-1.xhtml">Chapter 1 <span>Salt &amp; Iron</span></a><ol>
<li><a href="chapter-1.xhtml#s1">Gates</a></li></ol></li>
<li><a href="chapter-2.xhtml">Chapter 2</a></li></ol></nav>
<nav epub:type="landmarks"><ol><li><a href="cover.xhtml">Cover</a></li></ol></nav>
</body></html>"#;
        let got = nav_entries("EPUB/nav.xhtml", nav);
        let want = [
            (1, "EPUB/chapter-1.xhtml", "Chapter 1 Salt & Iron"),
            (2, "EPUB/chapter-1.xhtml#s1", "Gates"),
            (1, "EPUB/chapter-2.xhtml", "Chapter 2"),
        ];
        assert_eq!(got.len(), want.len(), "{got:?}");
        for (g, (d, t, x)) in got.iter().zip(want) {
            assert_eq!((g.depth, g.target.as_str(), g.text.as_str()), (d, t, x));
        }
    }
}
