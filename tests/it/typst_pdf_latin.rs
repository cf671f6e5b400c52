//! The Latin serif input of `paiban::pdf`: `latin-serif` is passed only when the compiler lacks
//! Libertinus Serif (the in-process backend sees system fonts only), and named in the report.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use paiban::pdf::{Compiler, PdfOptions, compile_with};
use paiban::settings::Settings;

/// A fake `typst` that lists `fonts`, logs its arguments and writes a stub PDF.
fn fake_typst(dir: &Path, fonts: &str) -> PathBuf {
    let path = dir.join("typst");
    let script = format!(
        "#!/bin/sh\nif [ \"$1\" = fonts ]; then printf '{fonts}'; exit 0; fi\n\
         echo \"$@\" > '{}'\nfor a; do out=\"$a\"; done\nprintf '%%PDF-1.7 stub' > \"$out\"\n",
        dir.join("args.log").display()
    );
    std::fs::write(&path, script).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

#[test]
fn latin_serif_input_only_when_libertinus_is_missing() {
    // (fonts the compiler lists, expected latin_font, expected latin-serif argument)
    let table: &[(&str, &str, Option<&str>)] = &[
        (
            "Libertinus Serif\\nNoto Serif CJK SC\\n",
            "Libertinus Serif",
            None,
        ),
        (
            "DejaVu Serif\\nNoto Serif CJK SC\\n",
            "Noto Serif CJK SC",
            Some("--input latin-serif=Noto Serif CJK SC"),
        ),
        (
            "Linux Libertine O\\nNoto Serif CJK SC\\n",
            "Linux Libertine O",
            Some("--input latin-serif=Linux Libertine O"),
        ),
    ];
    for &(fonts, latin, arg) in table {
        let tmp = tempfile::tempdir().unwrap();
        let typst = fake_typst(tmp.path(), fonts);
        let proj = tmp.path().join("proj");
        std::fs::create_dir_all(&proj).unwrap();
        std::fs::write(proj.join("main.typ"), "x").unwrap();
        let opts = PdfOptions {
            settings: Settings::default(),
            timestamp: None,
        };
        let pdf = tmp.path().join("b.pdf");
        let report = compile_with(Compiler::Cli(typst), &proj, &pdf, &opts).unwrap();
        assert_eq!(report.latin_font, latin, "{fonts}");
        let args = std::fs::read_to_string(tmp.path().join("args.log")).unwrap();
        assert!(
            args.contains("--input cjk-serif=Noto Serif CJK SC"),
            "{args}"
        );
        match arg {
            Some(a) => assert!(args.contains(a), "{args}"),
            None => assert!(!args.contains("latin-serif"), "{args}"),
        }
    }
}
