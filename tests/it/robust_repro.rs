//! Reproducibility (可重现): two `paiban build` runs of the same manuscript, in different folders
//! and a second apart, write byte-identical EPUBs and Typst projects.

use std::path::Path;

use assert_cmd::Command;

fn build(dir: &Path) {
    let input = dir.join("hostile.txt");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile/hostile.txt"),
        &input,
    )
    .unwrap();
    Command::cargo_bin("paiban")
        .unwrap()
        .env_remove("SOURCE_DATE_EPOCH")
        .current_dir(dir)
        .args([
            "build",
            "hostile.txt",
            "--format",
            "epub,typst",
            "-o",
            "out",
        ])
        .assert()
        .code(0);
}

/// Every file under `dir`, as (relative path, bytes), sorted.
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(dir).unwrap().to_string_lossy().into_owned();
                out.push((rel, std::fs::read(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn two_builds_a_second_apart_in_different_folders_are_identical() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    build(a.path());
    std::thread::sleep(std::time::Duration::from_millis(1100));
    build(b.path());
    let fa = files(&a.path().join("out"));
    let fb = files(&b.path().join("out"));
    let names: Vec<&str> = fa.iter().map(|(n, _)| n.as_str()).collect();
    assert!(names.contains(&"hostile.epub"), "{names:?}");
    assert!(names.contains(&"hostile-typst/main.typ"), "{names:?}");
    assert_eq!(fa.len(), fb.len());
    for ((na, ba), (nb, bb)) in fa.iter().zip(&fb) {
        assert_eq!(na, nb);
        assert!(ba == bb, "{na} differs between the two builds");
    }
}
