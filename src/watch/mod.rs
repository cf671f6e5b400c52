//! `paiban watch`: rebuild on every save of the book's inputs and serve a live preview on
//! loopback, as `mdbook serve` and `typst watch` do.
//!
//! The loop is three parts: [`inputs`] knows which files a build reads (the manuscript, its
//! book.toml — found afresh on every rebuild —, cover, stylesheets, template, resources) and
//! watches their folders with `notify`; each burst of saves (debounced) runs one
//! [`crate::build::build`], and its outcome becomes a new [`preview::Snapshot`]; [`server`]
//! serves the last good EPUB's pages with its contents beside them, and a page that reloads
//! itself when the generation changes. A failed rebuild keeps the last good build served and
//! shows its diagnostics instead of hiding them.

pub mod inputs;
pub mod preview;
pub mod server;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crate::build::{BuildReport, BuildRequest};

/// What `paiban watch` was asked.
#[derive(Debug, Clone)]
pub struct WatchOptions {
    /// The build to repeat (its `read.meta` is looked for again on each rebuild when
    /// [`WatchOptions::find_config`] is set).
    pub build: BuildRequest,
    /// Find `BOOK.toml` / `book.toml` beside the manuscript before each build (no `--meta`).
    pub find_config: bool,
    /// Where to listen.
    pub addr: SocketAddr,
    /// Listening beyond loopback was asked for (`--allow-remote`).
    pub allow_remote: bool,
}

/// Why watching could not start.
#[derive(Debug, thiserror::Error)]
pub enum WatchError {
    /// The address is not a loopback address and remote access was not asked for.
    #[error(
        "{addr} is reachable from other machines; the preview listens on loopback only unless \
         --allow-remote is given"
    )]
    NotLoopback {
        /// The address asked for.
        addr: SocketAddr,
    },
    /// The server could not listen.
    #[error("cannot listen on {addr}: {message}")]
    Bind {
        /// The address asked for.
        addr: SocketAddr,
        /// Why.
        message: String,
    },
    /// A folder could not be watched.
    #[error("cannot watch {path}: {source}")]
    Watch {
        /// The folder.
        path: PathBuf,
        /// Why.
        source: notify::Error,
    },
}

/// What one build gave: its report, or the error that stopped it, and how long it took.
pub struct Outcome {
    /// The build's report (diagnostics; outputs unless withheld).
    pub result: crate::Result<BuildReport>,
    /// Wall time of the build.
    pub elapsed: Duration,
}

/// Quiet time after the last change before a rebuild starts: an editor's save is often several
/// events (write, rename, chmod).
const DEBOUNCE: Duration = Duration::from_millis(120);

/// Checks the address: loopback, unless remote access was asked for.
pub fn check_addr(addr: SocketAddr, allow_remote: bool) -> Result<(), WatchError> {
    if addr.ip().is_loopback() || allow_remote {
        Ok(())
    } else {
        Err(WatchError::NotLoopback { addr })
    }
}

/// Builds, serves and rebuilds until `stop` is set. `ready` is called with the bound address
/// once the first build is served; `report` after each build (to print its diagnostics).
pub fn run(
    opts: &WatchOptions,
    stop: &Arc<AtomicBool>,
    ready: &dyn Fn(SocketAddr),
    report: &dyn Fn(&Outcome),
) -> Result<(), WatchError> {
    check_addr(opts.addr, opts.allow_remote)?;
    let http = tiny_http::Server::http(opts.addr).map_err(|e| WatchError::Bind {
        addr: opts.addr,
        message: e.to_string(),
    })?;
    let bound = http.server_addr().to_ip().ok_or_else(|| WatchError::Bind {
        addr: opts.addr,
        message: "not an IP socket".into(),
    })?;
    let state = Arc::new(preview::State::new(&opts.build.settings));
    let (tx, rx) = std::sync::mpsc::channel();
    let mut watcher = inputs::Watcher::new(tx)?;
    let rebuild = |watcher: &mut inputs::Watcher| -> Result<(), WatchError> {
        let req = request(opts);
        let started = Instant::now();
        let result = crate::build::build(&req);
        let outcome = Outcome {
            result,
            elapsed: started.elapsed(),
        };
        report(&outcome);
        state.publish(&outcome);
        watcher.watch(&inputs::of(&req))
    };
    rebuild(&mut watcher)?;
    std::thread::scope(|scope| {
        let server_state = Arc::clone(&state);
        scope.spawn(|| server::serve(&http, server_state, stop));
        ready(bound);
        while !stop.load(Ordering::SeqCst) {
            let Ok(event) = rx.recv_timeout(Duration::from_millis(100)) else {
                continue;
            };
            if !watcher.concerns(&event) {
                continue;
            }
            // Wait for the burst of events to end (at most a second).
            let burst = Instant::now();
            while burst.elapsed() < Duration::from_secs(1) {
                if rx.recv_timeout(DEBOUNCE).is_err() {
                    break;
                }
            }
            if let Err(e) = rebuild(&mut watcher) {
                stop.store(true, Ordering::SeqCst);
                state.stop();
                return Err(e);
            }
        }
        state.stop();
        Ok(())
    })
}

/// The build request for the next rebuild: the book's configuration found afresh.
fn request(opts: &WatchOptions) -> BuildRequest {
    let mut req = opts.build.clone();
    if opts.find_config {
        req.read.meta =
            crate::config::find_book_toml(&req.read.input, crate::config::Lookup::StemThenFolder);
    }
    req
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_loopback_without_allow_remote() {
        let cases = [
            ("127.0.0.1:0", false, true),
            ("[::1]:0", false, true),
            ("0.0.0.0:3000", false, false),
            ("192.168.1.5:3000", false, false),
            ("0.0.0.0:3000", true, true),
        ];
        for (addr, allow, ok) in cases {
            let addr: SocketAddr = addr.parse().unwrap();
            assert_eq!(check_addr(addr, allow).is_ok(), ok, "{addr} {allow}");
        }
    }
}
