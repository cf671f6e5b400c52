//! `paiban inspect --json` on the seed manuscript matches every field of its expectations file.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

use crate::support::tools::shared;

/// The seed manuscripts in `../shared/seed/` with their expectations; none there fails.
fn seeds() -> Vec<(PathBuf, Value)> {
    let dir = shared("seed");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no seed manuscript in {}", dir.display());
    paths
        .into_iter()
        .map(|p| {
            let expect = p.with_extension("expect.json");
            let v: Value =
                serde_json::from_str(&std::fs::read_to_string(&expect).unwrap()).unwrap();
            (p, v)
        })
        .collect()
}

fn inspect(path: &Path) -> Value {
    let out = Command::cargo_bin("paiban")
        .unwrap()
        .arg("inspect")
        .arg("--json")
        .arg(path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn chapters(outline: &Value) -> Vec<&Value> {
    let mut v = Vec::new();
    for d in outline.as_array().unwrap() {
        match d["kind"].as_str() {
            Some("chapter") => v.push(d),
            Some("part") => v.extend(
                d["children"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|c| c["kind"] == "chapter"),
            ),
            _ => {}
        }
    }
    v
}

#[test]
fn seed_metadata_matches_expectations() {
    for (path, exp) in seeds() {
        let got = inspect(&path);
        let m = &got["metadata"];
        assert_eq!(m["title"], exp["title"]);
        let authors: Vec<&serde_json::Value> = m["authors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| &a["name"])
            .collect();
        let want: Vec<&serde_json::Value> = exp["authors"].as_array().unwrap().iter().collect();
        assert_eq!(authors, want);
        assert_eq!(m["isbn"]["digits"], exp["isbn"]);
        assert_eq!(m["language"], exp["language"]);
        assert_eq!(m["publisher"], exp["publisher"]);
        assert_eq!(m["date"], exp["date"]);
        let trim = &exp["trim_mm"];
        assert_eq!(m["trim"]["width_mm"].as_f64(), trim[0].as_f64());
        assert_eq!(m["trim"]["height_mm"].as_f64(), trim[1].as_f64());
        for (name, role) in exp["contributors"].as_object().unwrap() {
            let found = m["contributors"]
                .as_array()
                .unwrap()
                .iter()
                .any(|c| c["name"] == *name && c["role"] == *role);
            assert!(
                found,
                "{}: contributor {name} {role} missing in {}",
                path.display(),
                m["contributors"]
            );
        }
        assert!(
            m["alt_title"]["text"]
                .as_str()
                .is_some_and(|t| t.is_ascii()),
            "pinyin alt title: {}",
            m["alt_title"]
        );
        assert_eq!(got["footnotes"], exp["footnotes"]);
    }
}

#[test]
fn seed_outline_matches_expectations() {
    for (path, exp) in seeds() {
        let got = inspect(&path);
        let chapters = chapters(&got["outline"]);
        let titles: Vec<&str> = chapters
            .iter()
            .map(|c| c["title"].as_str().unwrap())
            .collect();
        let want: Vec<&str> = exp["chapters"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t.as_str().unwrap())
            .collect();
        assert_eq!(titles, want, "{}", path.display());
        let labels: Vec<&Value> = chapters.iter().map(|c| &c["label"]).collect();
        let want_labels: Vec<&Value> = exp["chapter_labels"].as_array().unwrap().iter().collect();
        assert_eq!(labels, want_labels);
        let sections: Vec<usize> = chapters
            .iter()
            .map(|c| {
                c["children"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|s| s["kind"] == "section")
                    .count()
            })
            .collect();
        let want_sections: Vec<usize> = exp["sections_per_chapter"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n.as_u64().unwrap() as usize)
            .collect();
        assert_eq!(sections, want_sections);
        let printed_chapters = got["printed_contents"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["label"].as_str().is_some_and(|l| l.ends_with('章')))
            .count();
        assert_eq!(
            printed_chapters as u64,
            exp["printed_toc_chapters"].as_u64().unwrap()
        );
    }
}

#[test]
fn seed_contents_entries_without_body_are_reported_not_invented() {
    for (path, exp) in seeds() {
        let got = inspect(&path);
        let body_chapters = exp["chapters"].as_array().unwrap().len();
        let printed = exp["printed_toc_chapters"].as_u64().unwrap() as usize;
        assert_eq!(
            chapters(&got["outline"]).len(),
            body_chapters,
            "no chapter is invented"
        );
        let messages: Vec<&str> = got["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["message"].as_str().unwrap())
            .collect();
        let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
        for n in numerals.iter().take(printed).skip(body_chapters) {
            let label = format!("第{n}章");
            assert!(
                messages.iter().any(|m| m.contains(&label)),
                "{}: no diagnostic names {label}: {messages:#?}",
                path.display()
            );
        }
        let lines: Vec<u64> = got["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["line"].as_u64().unwrap())
            .collect();
        for entry in got["printed_contents"].as_array().unwrap() {
            if entry["target"].is_null() && entry["level"] == 1 {
                let line = entry["line"].as_u64().unwrap();
                assert!(
                    lines.contains(&line),
                    "{}: unmatched contents entry {entry} not reported",
                    path.display()
                );
            }
        }
        let unmatched = got["printed_contents"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["target"].is_null())
            .count();
        let comments = exp["comments"].as_str().unwrap_or_default();
        if comments.contains("excerpt") {
            assert!(
                messages.iter().any(|m| m.contains("后记")),
                "后记 not reported: {messages:#?}"
            );
        } else {
            assert_eq!(
                unmatched,
                0,
                "{}: every printed entry has a body division",
                path.display()
            );
        }
        for d in got["diagnostics"].as_array().unwrap() {
            assert!(
                d["line"].as_u64().unwrap() > 0,
                "diagnostic without a line: {d}"
            );
        }
    }
}
