//! 批量校验 (batch validators): one EPUBCheck JVM and one Ace process for the whole test run.
//!
//! Started once per EPUB, EPUBCheck spends about 10 s of CPU on class loading and schema
//! compilation and Ace about 5 s on Node and Chromium start-up, before either reads the EPUB.
//! `scripts/install-validators.sh` installs `bin/epubcheck-batch` and `bin/ace-batch`
//! (`scripts/validators/`): each reads one request per line and answers `done <code> …` per
//! request, so the suite pays the start-up once. Each server is shared behind a lock (one
//! request at a time, the order of the answers is the order of the requests); a server that
//! dies is started again for the next request, and its stderr tail is the error.

use std::io::{BufRead, BufReader, Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::sync::Mutex;

/// One running batch server: its stdin for requests, its stdout for answers.
struct Server {
    child: Child,
    requests: ChildStdin,
    answers: BufReader<ChildStdout>,
    /// The server's stderr (an anonymous temp file), read back when it fails.
    stderr: std::fs::File,
}

impl Server {
    fn start(program: &Path) -> Result<Server, String> {
        let stderr = tempfile::tempfile().map_err(|e| format!("temp file: {e}"))?;
        let mut child = Command::new(program)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(stderr.try_clone().map_err(|e| e.to_string())?)
            .spawn()
            .map_err(|e| format!("cannot run {}: {e}", program.display()))?;
        let requests = child.stdin.take().expect("piped stdin");
        let answers = BufReader::new(child.stdout.take().expect("piped stdout"));
        Ok(Server {
            child,
            requests,
            answers,
            stderr,
        })
    }

    /// Sends one request line, returns the text after `done `.
    fn ask(&mut self, request: &str) -> Result<String, String> {
        writeln!(self.requests, "{request}")
            .and_then(|()| self.requests.flush())
            .map_err(|e| format!("request not sent ({e}){}", self.stderr_tail()))?;
        let mut line = String::new();
        match self.answers.read_line(&mut line) {
            Ok(0) | Err(_) => Err(format!("no answer{}", self.stderr_tail())),
            Ok(_) => line
                .trim_end()
                .strip_prefix("done ")
                .map(str::to_string)
                .ok_or_else(|| format!("unexpected answer {line:?}{}", self.stderr_tail())),
        }
    }

    fn stderr_tail(&mut self) -> String {
        let mut text = String::new();
        let _ = self.stderr.rewind();
        let _ = (&self.stderr).read_to_string(&mut text);
        let lines: Vec<&str> = text.lines().collect();
        format!(
            "; stderr: {}",
            lines[lines.len().saturating_sub(8)..].join("\n")
        )
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        // A server replaced after a failure is killed. The one kept to the end of the run is
        // never dropped (it is in a static): its stdin closes when the test process exits,
        // which ends its request loop, and Ace closes its browser.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A batch server started on first use and kept for the test run.
pub struct Batch {
    program: &'static str,
    server: Mutex<Option<Server>>,
}

impl Batch {
    /// The server installed as `bin/<program>` in the validators' folder.
    pub const fn new(program: &'static str) -> Batch {
        Batch {
            program,
            server: Mutex::new(None),
        }
    }

    /// Where the server is installed, if it is.
    pub fn installed(&self) -> Option<PathBuf> {
        let path = super::tools::validators_home()
            .join("bin")
            .join(self.program);
        path.is_file().then_some(path)
    }

    /// Sends `fields` (TAB-separated) as one request and returns the answer after `done `;
    /// a field holding a TAB or a line break cannot be sent and is an error.
    pub fn ask(&self, fields: &[&str]) -> Result<String, String> {
        if fields.iter().any(|f| f.contains(['\t', '\n', '\r'])) {
            return Err(format!(
                "{}: a TAB or line break in {fields:?}",
                self.program
            ));
        }
        let program = self
            .installed()
            .ok_or_else(|| format!("{} is not installed", self.program))?;
        let mut slot = self
            .server
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if slot.is_none() {
            *slot = Some(Server::start(&program)?);
        }
        let answer = slot.as_mut().expect("started").ask(&fields.join("\t"));
        if answer.is_err() {
            // Dead or confused: the next request starts a fresh server.
            *slot = None;
        }
        answer.map_err(|e| format!("{}: {e}", self.program))
    }
}
