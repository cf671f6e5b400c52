//! Golden tests: each `tests/golden/<case>/input.txt` is read and its model dump and diagnostics
//! compared with `expected/model.txt` and `expected/diagnostics.txt`. With `PAIBAN_BLESS=1` the
//! expected files are (re)written instead. A case may name its input elsewhere in the project with
//! a one-line `input.path` file (the example book: `examples/shuyuan.txt`).

use std::fs;
use std::path::{Path, PathBuf};

use paiban::model::dump;
use paiban::reader::{ReadOptions, decode, read};
use paiban::source::Source;

/// The case directories, sorted.
fn cases() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut dirs: Vec<PathBuf> = fs::read_dir(&root)
        .expect("tests/golden exists")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| input_of(p).is_some())
        .collect();
    dirs.sort();
    dirs
}

/// The input manuscript of a case: `input.txt`, or the project file named in `input.path`.
fn input_of(dir: &Path) -> Option<PathBuf> {
    let local = dir.join("input.txt");
    if local.is_file() {
        return Some(local);
    }
    let named = fs::read_to_string(dir.join("input.path")).ok()?;
    Some(Path::new(env!("CARGO_MANIFEST_DIR")).join(named.trim()))
}

/// The model dump and the diagnostics of one case.
fn render(dir: &Path) -> (String, String) {
    let input = input_of(dir).expect("case has an input");
    let bytes = fs::read(&input).unwrap_or_else(|e| panic!("{}: {e}", input.display()));
    let text = decode(&bytes, None).expect("input decodes").text;
    let reading = read(&Source::new("input.txt", text), &ReadOptions::default());
    let diags: String = reading
        .diagnostics
        .iter()
        .map(|d| format!("{d}\n"))
        .collect();
    (dump(&reading.book), diags)
}

#[test]
fn golden_models() {
    let bless = std::env::var("PAIBAN_BLESS").as_deref() == Ok("1");
    let dirs = cases();
    assert!(dirs.len() >= 3, "golden cases present");
    let mut failures = Vec::new();
    for dir in dirs {
        let (model, diags) = render(&dir);
        for (name, got) in [("model.txt", &model), ("diagnostics.txt", &diags)] {
            let path = dir.join("expected").join(name);
            if bless {
                fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
                fs::write(&path, got).expect("write expected");
                continue;
            }
            let want = fs::read_to_string(&path)
                .unwrap_or_else(|_| panic!("{} missing; run with PAIBAN_BLESS=1", path.display()));
            if &want != got {
                failures.push(format!(
                    "{} differs:\n--- expected\n{want}\n--- got\n{got}",
                    path.display()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
