//! The `typst` CLI backend of `paiban::pdf`, driven through a stand-in script that records its
//! arguments: fonts are chosen, inputs and timestamp passed, warnings fail the build.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use paiban::pdf::{Compiler, PdfError, PdfOptions, compile_with};
use paiban::settings::Settings;

/// A fake `typst` that lists `fonts`, logs its arguments and writes a stub PDF (or warns).
fn fake_typst(dir: &Path, fonts: &str, stderr: &str) -> PathBuf {
    let path = dir.join("typst");
    let log = dir.join("args.log");
    let script = format!(
        "#!/bin/sh\nif [ \"$1\" = fonts ]; then printf '{fonts}'; exit 0; fi\n\
         echo \"$@\" > '{}'\nfor a; do out=\"$a\"; done\nprintf '%%PDF-1.7 stub' > \"$out\"\n\
         printf '{stderr}' >&2\nexit 0\n",
        log.display()
    );
    std::fs::write(&path, script).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

fn project(dir: &Path) -> PathBuf {
    let p = dir.join("proj");
    std::fs::create_dir_all(&p).unwrap();
    std::fs::write(p.join("main.typ"), "x").unwrap();
    p
}

fn opts() -> PdfOptions {
    PdfOptions {
        settings: Settings::default(),
        timestamp: Some(1_236_000_000),
    }
}

#[test]
fn clean_compile_passes_font_and_timestamp_and_renames() {
    let tmp = tempfile::tempdir().unwrap();
    let typst = fake_typst(tmp.path(), "Libertinus Serif\\nSource Han Serif SC\\n", "");
    let proj = project(tmp.path());
    let pdf = tmp.path().join("book.pdf");
    let report = compile_with(Compiler::Cli(typst), &proj, &pdf, &opts()).unwrap();
    assert_eq!(report.cjk_font, "Source Han Serif SC");
    assert_eq!(std::fs::read(&pdf).unwrap(), b"%PDF-1.7 stub");
    let args = std::fs::read_to_string(tmp.path().join("args.log")).unwrap();
    assert!(args.starts_with("compile --root "), "{args}");
    assert!(
        args.contains("--input cjk-serif=Source Han Serif SC"),
        "{args}"
    );
    assert!(args.contains("--creation-timestamp 1236000000"), "{args}");
    let leftovers: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

#[test]
fn a_warning_fails_and_leaves_no_pdf() {
    let tmp = tempfile::tempdir().unwrap();
    let typst = fake_typst(
        tmp.path(),
        "Noto Serif CJK SC\\n",
        "main.typ:3:9: warning: unknown font family: x\\n",
    );
    let proj = project(tmp.path());
    let pdf = tmp.path().join("book.pdf");
    let err = compile_with(Compiler::Cli(typst), &proj, &pdf, &opts()).unwrap_err();
    match &err {
        PdfError::Diagnostics { diagnostics, .. } => {
            assert_eq!(
                diagnostics,
                &["main.typ:3:9: warning: unknown font family: x"]
            );
        }
        other => panic!("expected diagnostics, got {other}"),
    }
    assert!(!pdf.exists(), "a PDF was left after a warning");
    // typst, args.log and proj: no PDF, no temporary file.
    assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 3);
}

#[test]
fn no_cjk_font_is_a_clear_error() {
    let tmp = tempfile::tempdir().unwrap();
    let typst = fake_typst(tmp.path(), "Libertinus Serif\\nDejaVu Sans\\n", "");
    let proj = project(tmp.path());
    let err = compile_with(
        Compiler::Cli(typst),
        &proj,
        &tmp.path().join("b.pdf"),
        &opts(),
    )
    .unwrap_err();
    let msg = err.to_string();
    assert!(matches!(err, PdfError::NoCjkFont { .. }), "{msg}");
    assert!(
        msg.contains("Noto Serif CJK SC") && msg.contains("fonts-noto-cjk"),
        "{msg}"
    );
}

#[test]
fn no_compiler_names_what_to_install() {
    let err = PdfError::NoCompiler {
        looked: "/x/bin/typst, /x/venv/bin/python, typst on PATH".into(),
    };
    let msg = err.to_string();
    assert!(
        msg.contains("typst CLI")
            && msg.contains("pip install typst")
            && msg.contains("/x/venv/bin/python")
            && msg.contains("scripts/install-validators.sh"),
        "{msg}"
    );
}

#[test]
fn no_compiler_is_found_in_an_empty_folder_without_path() {
    let d = tempfile::tempdir().unwrap();
    let settings = Settings {
        cwd: d.path().to_path_buf(),
        ..Settings::default()
    };
    let err = Compiler::find_external(&settings).unwrap_err();
    let local = d.path().join(".validators");
    assert!(matches!(err, PdfError::NoCompiler { .. }), "{err}");
    let msg = err.to_string();
    assert!(
        msg.contains(&local.join("bin/typst").display().to_string())
            && msg.contains(&local.join("venv/bin/python").display().to_string())
            && msg.contains("typst on PATH"),
        "{msg}"
    );
}

#[test]
fn validators_home_typst_is_found_before_path() {
    let d = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(d.path().join("home/bin")).unwrap();
    std::fs::create_dir_all(d.path().join("path")).unwrap();
    let home_typst = fake_typst(&d.path().join("home/bin"), "Source Han Serif SC\\n", "");
    let path_typst = fake_typst(&d.path().join("path"), "Source Han Serif SC\\n", "");
    let settings = Settings {
        validators_home: Some(d.path().join("home")),
        cwd: d.path().to_path_buf(),
        path: Some(path_typst.parent().unwrap().as_os_str().to_owned()),
        ..Settings::default()
    };
    assert_eq!(
        Compiler::find_external(&settings).unwrap(),
        Compiler::Cli(home_typst)
    );
    let without_home = Settings {
        validators_home: None,
        ..settings
    };
    assert_eq!(
        Compiler::find_external(&without_home).unwrap(),
        Compiler::Cli(path_typst)
    );
}
