//! The Typst template interface stays documented: every function the generated `main.typ` calls
//! (for the fixture book with every model feature and the example book) is defined in
//! `styles/book.typ` and listed in `styles/README.md`.

use std::collections::BTreeSet;
use std::path::Path;

use paiban::reader::{ReadOptions, decode, read};
use paiban::source::Source;
use paiban::writer::typst::{TypstOptions, write_typst};

/// Typst's own functions `main.typ` may call.
const TYPST_BUILTINS: &[&str] = &["footnote", "linebreak", "emph", "strong", "import", "show"];

/// The names after `#` in `text`: `#chapter(` → `chapter`; `#show: main-matter` → `main-matter`.
fn calls(main: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for part in main.split('#').skip(1) {
        let name: String = part
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect();
        if name == "show" {
            if let Some(rest) = part.strip_prefix("show: ") {
                let f: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                    .collect();
                out.insert(f);
            }
        }
        if !name.is_empty() && part[name.len()..].starts_with(['(', '[']) {
            out.insert(name);
        }
    }
    out
}

#[test]
fn every_called_function_is_defined_and_documented() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let template = std::fs::read_to_string(root.join("styles/book.typ")).unwrap();
    let readme = std::fs::read_to_string(root.join("styles/README.md")).unwrap();
    let example = {
        let text = decode(
            &std::fs::read(root.join("examples/shuyuan.txt")).unwrap(),
            None,
        )
        .unwrap()
        .text;
        read(&Source::new("shuyuan.txt", text), &ReadOptions::default()).book
    };
    let mut called = BTreeSet::new();
    for book in [crate::support::fixture_book(), example] {
        let project = write_typst(&book, &TypstOptions::default());
        let main = project
            .files
            .iter()
            .find(|(p, _)| p == "main.typ")
            .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
            .expect("main.typ");
        called.extend(calls(&main));
    }
    assert!(
        called.contains("chapter") && called.contains("book"),
        "{called:?}"
    );
    for f in called
        .iter()
        .filter(|f| !TYPST_BUILTINS.contains(&f.as_str()))
    {
        assert!(
            template.contains(&format!("#let {f}(")),
            "main.typ calls {f} but styles/book.typ does not define it"
        );
        assert!(
            readme.contains(&format!("| `{f}` |")),
            "main.typ calls {f} but styles/README.md does not document it"
        );
    }
}
