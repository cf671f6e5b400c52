//! `paiban convert` and `paiban build BOOK.md`: the edit-and-rebuild loop on the command line,
//! and plain Markdown written by hand.

use std::path::Path;

use assert_cmd::Command;

fn paiban() -> Command {
    Command::cargo_bin("paiban").unwrap()
}

fn inspect_json(path: &Path) -> serde_json::Value {
    let out = paiban()
        .args(["inspect", "--json"])
        .arg(path)
        .assert()
        .success();
    serde_json::from_slice(&out.get_output().stdout).unwrap()
}

/// The titles of the outline, depth-first, as `inspect --json` lists them.
fn titles(v: &serde_json::Value) -> Vec<String> {
    fn walk(d: &serde_json::Value, out: &mut Vec<String>) {
        let label = d["label"].as_str().unwrap_or("");
        let title = d["title"].as_str().unwrap_or("");
        out.push(format!("{label}|{title}"));
        for c in d["children"].as_array().into_iter().flatten() {
            walk(c, out);
        }
    }
    let mut out = Vec::new();
    for d in v["outline"].as_array().into_iter().flatten() {
        walk(d, &mut out);
    }
    out
}

#[test]
fn convert_then_build_the_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let txt = dir.path().join("shuyuan.txt");
    std::fs::copy(root.join("examples/shuyuan.txt"), &txt).unwrap();
    // Default target: BOOK.md beside BOOK.txt.
    let out = paiban().arg("convert").arg(&txt).assert().success();
    let md = dir.path().join("shuyuan.md");
    assert!(String::from_utf8_lossy(&out.get_output().stdout).contains("shuyuan.md"));
    let text = std::fs::read_to_string(&md).unwrap();
    assert!(
        text.starts_with("---\ntitle: 县域书院的兴替与地方文教网络研究\n"),
        "{text}"
    );
    assert!(
        text.contains("\n# [第一章]{.label} 绪论 {#chapter-1 .chapter}\n"),
        "{text}"
    );
    assert!(text.contains("\n## [（一）]{.label} "), "{text}");
    assert!(text.contains("\n::: signature\n"), "{text}");
    assert!(text.contains("[^1]: []{.note mark=\""), "{text}");
    // The same outline and metadata read back.
    let (a, b) = (inspect_json(&txt), inspect_json(&md));
    assert_eq!(titles(&a), titles(&b));
    assert!(titles(&a).len() > 10);
    assert_eq!(a["metadata"], b["metadata"]);
    // A second convert onto the input is refused; onto another name it works.
    paiban().arg("convert").arg(&md).assert().code(1);
    paiban()
        .arg("convert")
        .arg(&md)
        .arg("-o")
        .arg(dir.path().join("again.md"))
        .assert()
        .success();
    assert_eq!(
        std::fs::read_to_string(dir.path().join("again.md")).unwrap(),
        text
    );
    // Build the Markdown.
    let out_dir = dir.path().join("out");
    paiban()
        .args(["build", "--format", "epub", "-o"])
        .arg(&out_dir)
        .arg(&md)
        .assert()
        .success();
    assert!(out_dir.join("shuyuan.epub").is_file());
}

#[test]
fn hand_written_markdown_builds() {
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("notes.md");
    std::fs::write(
        &md,
        "# The Salt Road\n\n## Chapter 1 Leaving\n\nThe *caravan* left at dawn.[^a]\n\n\
         > A road is a promise.\n\n- salt\n- cloth\n\n## Chapter 2 Arriving\n\n### Gates\n\n\
         Tall **gates**.\n\n[^a]: Before the frost.\n",
    )
    .unwrap();
    let v = inspect_json(&md);
    assert_eq!(v["metadata"]["title"], "The Salt Road");
    assert_eq!(v["metadata"]["language"], "en");
    assert_eq!(
        titles(&v),
        ["|Chapter 1 Leaving", "|Chapter 2 Arriving", "|Gates"]
    );
    let out_dir = dir.path().join("out");
    let out = paiban()
        .args(["build", "--format", "epub", "-o"])
        .arg(&out_dir)
        .arg(&md)
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(!stderr.contains("warning"), "{stderr}");
    let file = std::fs::File::open(out_dir.join("notes.epub")).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut all = String::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        if f.name().unwrap().ends_with(".xhtml") {
            std::io::Read::read_to_string(&mut f, &mut all).unwrap();
        }
    }
    for text in [
        // Markdown emphasis is the model's emphasis now, rendered as <em>/<strong>.
        "The <em>caravan</em> left at <span class=\"nowrap\">dawn.<a ",
        "A road is a promise.",
        "salt",
        "Tall <strong>gates</strong>.",
        "Before the frost.",
    ] {
        assert!(all.contains(text), "{text} missing");
    }
}

/// (Whether an error-level diagnostic also stops the build is the build's severity policy,
/// the same for every input; here the diagnostic itself is checked.)
#[test]
fn a_bad_metadata_value_is_reported_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("book.md");
    std::fs::write(
        &md,
        "---\ntitle: 书\nisbn: 978-7-5469-2381-0\n---\n\n# 第一章\n\n正文。\n",
    )
    .unwrap();
    let out = paiban().arg("inspect").arg(&md).assert();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    let all = format!("{stdout}{stderr}");
    assert!(
        all.contains("P0801") && all.contains("check digit"),
        "{all}"
    );
    assert!(all.contains(":3") || all.contains("line 3"), "{all}");
}
