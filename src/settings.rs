//! 环境设置 (settings from the environment): everything paiban reads from its environment, read
//! once by `main` ([`Settings::from_env`]) and passed down; the library reads no variable itself.
//!
//! External tools (epubcheck, Ace, Typst) are looked for the same way by `paiban check`,
//! `build --check` and `--format pdf`: in `$VALIDATORS_HOME`, then in `./.validators`, then on
//! `PATH` (through the `which` crate). `scripts/install-validators.sh` fills `.validators/`.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// How to install the external tools, named by every "not found" message.
pub const INSTALL_HINT: &str = "install them with scripts/install-validators.sh (into ./.validators, \
or the folder VALIDATORS_HOME names), or put them on PATH";

/// What the environment says, read once.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Settings {
    /// `VALIDATORS_HOME`: a folder holding `bin/epubcheck`, `bin/ace`, `bin/typst` or
    /// `venv/bin/python` with the `typst` module (relative to [`Settings::cwd`]).
    pub validators_home: Option<PathBuf>,
    /// The working directory: `./.validators` is looked in after `VALIDATORS_HOME`.
    pub cwd: PathBuf,
    /// `PATH`, searched last.
    pub path: Option<OsString>,
    /// `EPUBCHECK_JAR`: an epubcheck.jar run with `java -jar`, tried before the folders.
    pub epubcheck_jar: Option<PathBuf>,
    /// `SOURCE_DATE_EPOCH`, unparsed: the build time of reproducible outputs.
    pub source_date_epoch: Option<String>,
    /// `NO_COLOR` is set (and not empty): diagnostics are never coloured.
    pub no_color: bool,
}

impl Settings {
    /// Reads `VALIDATORS_HOME`, `PATH`, `EPUBCHECK_JAR`, `SOURCE_DATE_EPOCH`, `NO_COLOR` and the
    /// working directory. Only `main` (and tests standing in for it) calls this.
    pub fn from_env() -> Self {
        let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
        Settings {
            validators_home: var("VALIDATORS_HOME").map(PathBuf::from),
            cwd: std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")),
            path: var("PATH"),
            epubcheck_jar: var("EPUBCHECK_JAR").map(PathBuf::from),
            source_date_epoch: var("SOURCE_DATE_EPOCH").map(|v| v.to_string_lossy().into_owned()),
            no_color: var("NO_COLOR").is_some(),
        }
    }

    /// The tool folders in lookup order: `$VALIDATORS_HOME`, then `./.validators`.
    pub fn homes(&self) -> Vec<PathBuf> {
        let mut homes = Vec::new();
        if let Some(home) = &self.validators_home {
            homes.push(self.cwd.join(home));
        }
        let local = self.cwd.join(".validators");
        if !homes.contains(&local) {
            homes.push(local);
        }
        homes
    }

    /// The first `<home>/<rel>` that is a file, over [`Settings::homes`].
    pub fn in_homes(&self, rel: &Path) -> Option<PathBuf> {
        self.homes()
            .into_iter()
            .map(|h| h.join(rel))
            .find(|p| p.is_file())
    }

    /// The executable `name` on `PATH`.
    pub fn on_path(&self, name: &str) -> Option<PathBuf> {
        which::which_in(name, self.path.as_ref(), &self.cwd).ok()
    }

    /// `<home>/bin/<name>` over [`Settings::homes`], else `name` on `PATH`.
    pub fn find_tool(&self, name: &str) -> Option<PathBuf> {
        self.in_homes(&Path::new("bin").join(name))
            .or_else(|| self.on_path(name))
    }

    /// Where [`Settings::find_tool`] looks for `name`, for "not found" messages.
    pub fn looked_for(&self, name: &str) -> String {
        let mut places: Vec<String> = self
            .homes()
            .iter()
            .map(|h| h.join("bin").join(name).display().to_string())
            .collect();
        places.push(format!("{name} on PATH"));
        places.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exe(path: &Path) {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, "#!/bin/sh\n").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
    }

    /// Lookup order: `$VALIDATORS_HOME/bin`, then `./.validators/bin`, then `PATH`.
    #[test]
    fn validators_home_then_local_folder_then_path() {
        let d = tempfile::tempdir().unwrap();
        let (home, local, on_path) = (
            d.path().join("home/bin/tool"),
            d.path().join("work/.validators/bin/tool"),
            d.path().join("path/tool"),
        );
        let settings = Settings {
            validators_home: Some("../home".into()),
            cwd: d.path().join("work"),
            path: Some(d.path().join("path").into_os_string()),
            ..Settings::default()
        };
        assert_eq!(settings.find_tool("tool"), None);
        exe(&on_path);
        assert_eq!(settings.find_tool("tool"), Some(on_path));
        exe(&local);
        assert_eq!(settings.find_tool("tool"), Some(local.clone()));
        exe(&home);
        assert_eq!(
            settings.find_tool("tool"),
            Some(d.path().join("work/../home/bin/tool"))
        );
        let none = Settings {
            cwd: d.path().join("work"),
            ..Settings::default()
        };
        assert_eq!(none.find_tool("tool"), Some(local));
        assert_eq!(none.homes(), [d.path().join("work/.validators")]);
    }

    #[test]
    fn looked_for_names_every_place() {
        let s = Settings {
            validators_home: Some("/opt/v".into()),
            cwd: "/w".into(),
            ..Settings::default()
        };
        assert_eq!(
            s.looked_for("ace"),
            "/opt/v/bin/ace, /w/.validators/bin/ace, ace on PATH"
        );
    }
}
