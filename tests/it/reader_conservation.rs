//! 文字守恒 (conservation of text): every non-blank manuscript line of every fixture, golden
//! case, the seed, the example and every corpus book is either removed with a reason in the
//! reader's ledger or found in the model's text (body, notes, front matter, metadata).
//!
//! Lines and model text are compared on their letters and digits only, lower-cased: white
//! space, CJK padding, punctuation, hyphens of rejoined words and note-marker glyphs do not
//! count. A line whose text is only found once bracketed note numbers are left out (`word [3]`)
//! counts as found.

use std::path::{Path, PathBuf};

use paiban::reader::ledger::Place;
use paiban::reader::{self, ReadOptions};
use paiban::source::Source;
use serde_json::Value;

use crate::support::tools::shared;

/// The characters compared: letters and ASCII or full-width digits, lower-cased.
fn normalise(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphabetic() || c.is_ascii_digit() || ('０'..='９').contains(c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Every string of the model's serde form, in order, joined.
fn strings(v: &Value, out: &mut String) {
    match v {
        Value::String(s) => {
            out.push_str(s);
            out.push('\n');
        }
        Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
        Value::Object(fields) => fields.values().for_each(|v| strings(v, out)),
        _ => {}
    }
}

/// The normalised lines of `path` the reader neither removed nor kept.
fn lost_lines(path: &Path) -> (usize, Vec<String>) {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let text = reader::decode(&bytes, None)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .text;
    let reading = reader::read(&Source::new("input.txt", text), &ReadOptions::default());
    let model = serde_json::to_value(&reading.book).expect("the book serializes");
    let mut all = String::new();
    strings(&model, &mut all);
    let hay = normalise(&all);
    let mut lost = Vec::new();
    let mut checked = 0;
    let mut at = 0;
    for (no, line, place) in reading.ledger.records() {
        if matches!(place, Place::Blank | Place::Removed(_)) {
            continue;
        }
        // A title-page or catalogue line is read into fields: its label (`Names:`) is not text.
        let text = match place {
            Place::FrontMatter => strip_label(line),
            _ => line,
        };
        let key = normalise(text);
        if key.is_empty() {
            continue;
        }
        checked += 1;
        // Manuscript order first, from where the last line was found; then anywhere.
        if let Some(p) = find_from(&hay, &key, at) {
            at = p;
            continue;
        }
        // Note markers (`[A]`, `註1`, kana) are links, not text: the rest must be there.
        let key: Vec<char> = key.chars().collect();
        let missing = uncovered(&hay, &key);
        let allowed = match place {
            // a CIP or colophon line whose parts went to fields (tracings, Taiwan subjects)
            Place::FrontMatter => key.len() * 55 / 100,
            _ => (key.len() * 5 / 100).max(3),
        };
        if missing > allowed {
            lost.push(format!(
                "{}:{no} [{place:?}, {missing}/{} missing]: {}",
                path.display(),
                key.len(),
                line.trim()
            ));
        }
    }
    (checked, lost)
}

/// `Label: value` → `value` (a field label of up to 20 characters).
fn strip_label(line: &str) -> &str {
    match line.find([':', '：']) {
        Some(p) if line[..p].chars().count() <= 20 => &line[p..],
        _ => line,
    }
}

/// How many characters of `key` are not covered by pieces of at least two characters found in
/// `hay`, taking the longest piece at each position.
fn uncovered(hay: &str, key: &[char]) -> usize {
    let found = |a: usize, b: usize| hay.contains(&key[a..b].iter().collect::<String>());
    let (mut pos, mut missing) = (0, 0);
    while pos < key.len() {
        // The longest found prefix of key[pos..], by bisection (shorter prefixes of a found
        // one are found too).
        let (mut lo, mut hi) = (0, key.len() - pos);
        while lo < hi {
            let mid = (lo + hi).div_ceil(2);
            if found(pos, pos + mid) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        if lo >= 2 {
            pos += lo;
        } else {
            missing += 1;
            pos += 1;
        }
    }
    missing
}

/// Where `key` occurs in `hay` at or after byte `from`, else anywhere.
fn find_from(hay: &str, key: &str, from: usize) -> Option<usize> {
    let from = (0..=from.min(hay.len()))
        .rev()
        .find(|&i| hay.is_char_boundary(i))?;
    hay[from..]
        .find(key)
        .map(|p| from + p)
        .or_else(|| hay.find(key))
}

fn txt_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("a folder entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    v.sort();
    v
}

/// The project's own manuscripts: golden reader cases, fixtures, the example.
fn own_manuscripts() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut v = Vec::new();
    let golden = root.join("tests/golden");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&golden)
        .expect("tests/golden")
        .map(|e| e.expect("a folder entry").path())
        .collect();
    cases.sort();
    for case in cases {
        if case.join("input.txt").is_file() {
            v.push(case.join("input.txt"));
        } else if let Ok(named) = std::fs::read_to_string(case.join("input.path")) {
            v.push(root.join(named.trim()));
        }
    }
    for dir in [
        "tests/fixtures/english",
        "tests/fixtures/hostile",
        "examples",
    ] {
        v.extend(txt_files(&root.join(dir)));
    }
    v
}

#[track_caller]
fn assert_conserved(paths: &[PathBuf]) {
    assert!(!paths.is_empty(), "no manuscripts to check");
    let mut lost = Vec::new();
    for p in paths {
        let (checked, l) = lost_lines(p);
        assert!(checked > 0, "{}: no line checked", p.display());
        lost.extend(l);
    }
    let shown: Vec<&String> = lost.iter().take(60).collect();
    assert!(
        lost.is_empty(),
        "{} lines neither in the book nor removed with a reason:\n{}",
        lost.len(),
        shown
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn own_manuscripts_keep_every_line() {
    assert_conserved(&own_manuscripts());
}

#[test]
fn the_seed_keeps_every_line() {
    assert_conserved(&txt_files(&shared("seed")));
}

#[test]
fn chinese_corpus_keeps_every_line() {
    assert_conserved(&txt_files(&shared("corpus/zh")));
}

#[test]
fn english_corpus_keeps_every_line() {
    assert_conserved(&txt_files(&shared("corpus/en")));
}

/// The test finds a line the reader drops: a manuscript whose line went nowhere fails.
#[test]
fn a_lost_line_is_caught() {
    let hay = normalise("第一章 河流\n正文，见第二章。");
    assert!(find_from(&hay, &normalise("正　文，"), 0).is_some());
    assert!(find_from(&hay, &normalise("山川"), 0).is_none());
    let key = |s: &str| normalise(s).chars().collect::<Vec<char>>();
    assert_eq!(uncovered(&hay, &key("正文①，见第二章")), 0);
    assert_eq!(uncovered(&hay, &key("正文註1，见第二章")), 2);
    assert_eq!(uncovered(&hay, &key("山川，见第二章")), 2);
}

/// An original paged manuscript: a running head atop every body page and a folio at its foot.
const PAGED: &str = "河岸手记\n\n林远　著\n\u{c}第一章　渡口\n\n渡口在村子的东头，每天清晨都有船。\n\n1\n\u{c}河岸手记\n\n船夫姓周，撑了三十年的船。\n\n2\n\u{c}河岸手记\n\n后来修了桥，渡口就冷清了。\n\n3\n";

fn inspect(args: &[&str]) -> std::process::Output {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("paged.txt");
    std::fs::write(&path, PAGED).unwrap();
    let out = assert_cmd::Command::cargo_bin("paiban")
        .unwrap()
        .arg("inspect")
        .args(args)
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// `inspect --json` lists each removed line with its number, reason and text.
#[test]
fn inspect_json_lists_removed_lines() {
    let out = inspect(&["--json"]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let got: Vec<(u64, &str, &str)> = v["removed_lines"]
        .as_array()
        .expect("removed_lines is an array")
        .iter()
        .map(|r| {
            (
                r["line"].as_u64().unwrap(),
                r["reason"].as_str().unwrap(),
                r["text"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (8, "page number", "1"),
            (9, "running head", "河岸手记"),
            (13, "page number", "2"),
            (14, "running head", "河岸手记"),
            (18, "page number", "3"),
        ]
    );
}

/// The text report has a `removed lines` section: line, reason, text.
#[test]
fn inspect_text_lists_removed_lines() {
    let out = inspect(&[]);
    let text = String::from_utf8(out.stdout).unwrap();
    let section = text
        .split_once("removed lines (5):\n")
        .unwrap_or_else(|| panic!("no removed-lines section in\n{text}"))
        .1;
    let rows: Vec<&str> = section.lines().take(5).map(str::trim).collect();
    assert_eq!(
        rows,
        [
            "8  page number: 1",
            "9  running head: 河岸手记",
            "13  page number: 2",
            "14  running head: 河岸手记",
            "18  page number: 3",
        ]
    );
}
