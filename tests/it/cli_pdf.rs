//! `paiban build --format pdf` compiles the example book to a PDF at its trim size in one
//! command, and leaves no Typst folder behind when only the PDF was asked for.

use crate::support::typst_fixture::{compiler, poppler, run};
use assert_cmd::Command;

#[test]
#[ignore = "needs typst and poppler"]
fn format_pdf_writes_only_the_pdf_at_the_trim_size() {
    compiler();
    poppler();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = tempfile::tempdir().unwrap();
    Command::cargo_bin("paiban")
        .unwrap()
        .env("VALIDATORS_HOME", crate::support::tools::validators_home())
        .arg("build")
        .arg(root.join("examples/shuyuan.txt"))
        .arg("-o")
        .arg(out.path())
        .args(["--format", "pdf"])
        .assert()
        .success();
    let names: Vec<String> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["shuyuan.pdf"]);
    let pdf = out.path().join("shuyuan.pdf");
    let info = run("pdfinfo", &[pdf.to_str().unwrap()]);
    // 148 mm × 210 mm (the example's 成品尺寸) = 419.528 × 595.276 pt.
    assert!(
        info.contains("Page size:       419.528 x 595.276 pts"),
        "{info}"
    );
}
