//! Safe output: every file is written to a temporary name beside its target, then renamed, so a
//! failed build never leaves a half-written file, and no input is ever written over.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// True when `a` and `b` name the same existing file.
fn same_file(a: &Path, b: &Path) -> bool {
    match (fs::canonicalize(a), fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// A temporary path beside `target`: `.<name>.paiban-tmp-<pid>`.
fn temp_beside(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    target.with_file_name(format!(".{name}.paiban-tmp-{}", std::process::id()))
}

/// Refuses a target that is one of the inputs or an existing directory.
pub fn check_target(target: &Path, inputs: &[&Path]) -> Result<()> {
    if inputs.iter().any(|i| same_file(i, target)) {
        return Err(Error::Output {
            path: target.into(),
            message: "refusing to write over an input file".into(),
        });
    }
    if target.is_dir() {
        return Err(Error::Output {
            path: target.into(),
            message: "is a directory, expected a file path".into(),
        });
    }
    Ok(())
}

/// Creates the output folder; an existing file at that path is an error and is left alone.
pub fn ensure_dir(dir: &Path) -> Result<()> {
    if dir.exists() && !dir.is_dir() {
        return Err(Error::Output {
            path: dir.into(),
            message: "exists and is not a folder; nothing was written".into(),
        });
    }
    fs::create_dir_all(dir).map_err(io(dir))
}

/// Writes `bytes` to `target` through a temporary file and a rename.
pub fn write_file(target: &Path, bytes: &[u8], inputs: &[&Path]) -> Result<()> {
    check_target(target, inputs)?;
    let tmp = temp_beside(target);
    let result = (|| {
        let mut f = fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        fs::rename(&tmp, target)
    })();
    if let Err(e) = result {
        let _ = fs::remove_file(&tmp);
        return Err(Error::Io {
            path: target.into(),
            source: e,
        });
    }
    Ok(())
}

/// Refuses a folder target that is an existing file or holds one of the inputs.
pub fn check_dir_target(target: &Path, inputs: &[&Path]) -> Result<()> {
    if target.exists() && !target.is_dir() {
        return Err(Error::Output {
            path: target.into(),
            message: "exists and is not a folder; nothing was written".into(),
        });
    }
    for input in inputs {
        if let (Ok(i), Ok(t)) = (fs::canonicalize(input), fs::canonicalize(target)) {
            if i.starts_with(&t) {
                return Err(Error::Output {
                    path: target.into(),
                    message: "would replace a folder holding an input file".into(),
                });
            }
        }
    }
    Ok(())
}

/// Writes a folder of files (relative paths) as a whole: into a temporary folder first, then
/// renamed over `target` (a previous output folder is replaced only once the new one is complete).
pub fn write_dir(target: &Path, files: &[(String, Vec<u8>)], inputs: &[&Path]) -> Result<()> {
    check_dir_target(target, inputs)?;
    let tmp = temp_beside(target);
    let _ = fs::remove_dir_all(&tmp);
    let result = (|| -> std::io::Result<()> {
        for (rel, bytes) in files {
            let path = tmp.join(rel);
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent)?;
            }
            fs::write(&path, bytes)?;
        }
        if target.exists() {
            let old = target.with_file_name(format!(
                ".{}.paiban-old-{}",
                target
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                std::process::id()
            ));
            fs::rename(target, &old)?;
            fs::rename(&tmp, target)?;
            fs::remove_dir_all(&old)
        } else {
            fs::rename(&tmp, target)
        }
    })();
    if let Err(e) = result {
        let _ = fs::remove_dir_all(&tmp);
        return Err(Error::Io {
            path: target.into(),
            source: e,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_through_a_temp_file_and_refuses_inputs() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("book.txt");
        fs::write(&input, "original").unwrap();
        let err = write_file(&input, b"x", &[&input]).unwrap_err();
        assert!(
            err.to_string()
                .contains("refusing to write over an input file"),
            "{err}"
        );
        assert_eq!(fs::read_to_string(&input).unwrap(), "original");

        let out = dir.path().join("book.epub");
        write_file(&out, b"new", &[&input]).unwrap();
        assert_eq!(fs::read(&out).unwrap(), b"new");
        let leftovers: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(leftovers.len(), 2, "{leftovers:?}");
    }

    #[test]
    fn an_existing_file_is_not_a_folder() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("out");
        fs::write(&f, "keep me").unwrap();
        assert!(
            ensure_dir(&f)
                .unwrap_err()
                .to_string()
                .contains("is not a folder")
        );
        assert!(write_dir(&f, &[("a".into(), b"1".to_vec())], &[]).is_err());
        assert_eq!(fs::read_to_string(&f).unwrap(), "keep me");
    }

    #[test]
    fn folders_are_replaced_whole() {
        let dir = tempfile::tempdir().unwrap();
        let t = dir.path().join("proj");
        write_dir(
            &t,
            &[
                ("a.typ".into(), b"1".to_vec()),
                ("sub/b".into(), b"2".to_vec()),
            ],
            &[],
        )
        .unwrap();
        write_dir(&t, &[("c.typ".into(), b"3".to_vec())], &[]).unwrap();
        assert!(!t.join("a.typ").exists());
        assert_eq!(fs::read(t.join("c.typ")).unwrap(), b"3");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
