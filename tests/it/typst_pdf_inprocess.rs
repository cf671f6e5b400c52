//! The in-process backend of `paiban::pdf` (cargo feature `pdf`): the fixture book compiles with
//! 0 warnings at its trim size; warnings, packages and files outside the project are errors.
//!
//! CI does not build the feature (the typst crates take ~15 minutes); run these with
//! `cargo test --release --features pdf --test typst_pdf_inprocess`.

use std::path::{Path, PathBuf};

use crate::support::typst_fixture::{chinese_book, poppler, run};
use paiban::pdf::{Compiler, PdfError, PdfOptions, compile_with};
use paiban::settings::Settings;

fn opts() -> PdfOptions {
    PdfOptions {
        settings: Settings::default(),
        timestamp: Some(1_236_000_000),
    }
}

/// A project folder `proj` under `dir` whose `main.typ` is `main`.
fn project(dir: &Path, main: &str) -> PathBuf {
    let p = dir.join("proj");
    std::fs::create_dir_all(&p).unwrap();
    std::fs::write(p.join("main.typ"), main).unwrap();
    p
}

/// Compiles `main` in-process; the diagnostics when it fails, with no PDF left behind.
fn diagnostics(main: &str) -> Vec<String> {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("secret.typ"), "outside").unwrap();
    let proj = project(tmp.path(), main);
    let pdf = tmp.path().join("book.pdf");
    match compile_with(Compiler::InProcess, &proj, &pdf, &opts()) {
        Err(PdfError::Diagnostics { diagnostics, .. }) => {
            assert!(!pdf.exists(), "a PDF was left after {diagnostics:?}");
            diagnostics
        }
        Err(other) => panic!("expected diagnostics, got {other}"),
        Ok(_) => panic!("{main:?} compiled"),
    }
}

#[test]
fn the_feature_makes_in_process_the_first_choice() {
    assert_eq!(
        Compiler::find(&Settings::default()).unwrap(),
        Compiler::InProcess
    );
}

#[test]
#[ignore = "needs poppler"]
fn fixture_compiles_in_process_at_the_trim_size_with_no_warning() {
    poppler();
    let tmp = tempfile::tempdir().unwrap();
    let proj = tmp.path().join("proj");
    paiban::writer::typst::write_typst(&chinese_book(), &Default::default())
        .write_to(&proj)
        .unwrap();
    let pdf = tmp.path().join("book.pdf");
    let started = std::time::Instant::now();
    let report = compile_with(Compiler::InProcess, &proj, &pdf, &opts()).unwrap();
    eprintln!("in-process: compiled in {:.2?}", started.elapsed());
    assert_eq!(report.compiler, Compiler::InProcess);
    assert!(
        paiban::writer::typst::CJK_SERIF_FONTS.contains(&report.cjk_font.as_str()),
        "{}",
        report.cjk_font
    );
    // No embedded fonts: Libertinus Serif only when installed, else Linux Libertine when
    // installed, else the CJK serif's Latin.
    let families = paiban::pdf::inprocess::families(&paiban::pdf::inprocess::font_store());
    let installed = |f: &str| families.iter().any(|g| g.eq_ignore_ascii_case(f));
    let expected = if installed(paiban::writer::typst::LATIN_SERIF) {
        paiban::writer::typst::LATIN_SERIF
    } else if installed(paiban::writer::typst::LATIN_SERIF_FALLBACK) {
        paiban::writer::typst::LATIN_SERIF_FALLBACK
    } else {
        report.cjk_font.as_str()
    };
    assert_eq!(report.latin_font, expected);
    let info = run("pdfinfo", &[pdf.to_str().unwrap()]);
    // 成品尺寸 160 mm × 230 mm = 453.543 × 651.968 pt (pdfinfo rounds down).
    assert!(
        info.contains("Page size:       453.543 x 651.968 pts"),
        "{info}"
    );
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo Pages");
    assert!(pages >= 12, "fixture too short: {pages} pages");
    // The timestamp option dates the PDF (Unix 1236000000 = 2009-03-02 13:20:00 UTC).
    assert!(info.contains("Mar  2 13:20:00 2009"), "{info}");
    let leftovers: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

#[test]
#[ignore = "needs poppler"]
fn inputs_and_today_come_from_the_options() {
    poppler();
    let tmp = tempfile::tempdir().unwrap();
    let main = "#set text(font: sys.inputs.at(\"cjk-serif\"))\n\
                今天 #datetime.today().display() 字体 #sys.inputs.at(\"cjk-serif\")\n";
    let proj = project(tmp.path(), main);
    let pdf = tmp.path().join("t.pdf");
    let report = compile_with(Compiler::InProcess, &proj, &pdf, &opts()).unwrap();
    let text = run("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    assert!(text.contains("今天 2009-03-02"), "{text}");
    assert!(text.contains(&report.cjk_font), "{text}");
}

#[test]
fn warnings_packages_and_outside_files_are_errors() {
    let table: &[(&str, &str)] = &[
        (
            "#text(font: \"No Such Family\")[x]\n",
            "main.typ:1:13: warning: unknown font family: no such family",
        ),
        (
            "#import \"@preview/example:0.1.0\": *\n",
            "packages are not available",
        ),
        ("#include \"../secret.typ\"\n", "main.typ:1:10: error:"),
        (
            "#read(\"missing.txt\")\n",
            "main.typ:1:7: error: file not found",
        ),
    ];
    for (main, expected) in table {
        let found = diagnostics(main);
        assert!(
            found.iter().any(|d| d.contains(expected)),
            "{main:?}: expected {expected:?} in {found:?}"
        );
    }
}

#[test]
#[ignore = "needs poppler"]
fn the_projects_fonts_folder_is_scanned() {
    poppler();
    const FONT: &str = "tests/fixtures/fonts/PaibanFixture-Regular.ttf";
    let tmp = tempfile::tempdir().unwrap();
    let proj = tmp.path().join("proj");
    // The project as the writer ships a font book.toml lists: under `fonts/`.
    let font = paiban::model::Resource::new(
        "fonts/PaibanFixture-Regular.ttf",
        std::fs::read(FONT).unwrap(),
    )
    .unwrap();
    let opts_typst = paiban::writer::typst::TypstOptions {
        fonts: vec![font],
        ..Default::default()
    };
    paiban::writer::typst::write_typst(&chinese_book(), &opts_typst)
        .write_to(&proj)
        .unwrap();
    assert!(proj.join("fonts/fonts/PaibanFixture-Regular.ttf").is_file());
    // The fixture family is no system font: only the project's folder holds it.
    let system = paiban::pdf::inprocess::families(&paiban::pdf::inprocess::font_store());
    assert!(!system.iter().any(|f| f == "Paiban Fixture"), "{system:?}");
    let families = Compiler::InProcess.families_in(&proj).unwrap();
    assert!(
        families.iter().any(|f| f == "Paiban Fixture"),
        "{families:?}"
    );
    // A page set in it compiles with no warning, and the PDF embeds it.
    std::fs::write(
        proj.join("main.typ"),
        "#set text(font: \"Paiban Fixture\", fallback: false)\nHello World 123\n",
    )
    .unwrap();
    let pdf = tmp.path().join("fixture.pdf");
    compile_with(Compiler::InProcess, &proj, &pdf, &opts()).unwrap_or_else(|e| panic!("{e}"));
    let fonts = run("pdffonts", &[pdf.to_str().unwrap()]);
    assert!(fonts.contains("PaibanFixture-Regular"), "{fonts}");
}
