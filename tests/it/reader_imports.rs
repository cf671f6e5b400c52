//! The reader's modules import one another without cycles: `scripts/reader-imports.py` lists
//! the edges between src/reader's top-level modules and fails on a strongly connected set.

use std::process::Command;

#[test]
fn reader_modules_import_without_cycles() {
    let root = env!("CARGO_MANIFEST_DIR");
    let out = Command::new("python3")
        .arg(format!("{root}/scripts/reader-imports.py"))
        .output()
        .expect("python3 runs scripts/reader-imports.py");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "import cycle in src/reader:\n{stdout}"
    );
    assert!(
        stdout.contains("classify -> "),
        "no edges listed:\n{stdout}"
    );
    assert!(stdout.ends_with("no cycles\n"), "{stdout}");
}
