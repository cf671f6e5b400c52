//! The Typst template interface stays documented: every function the generated `main.typ` calls
//! (for the fixture book with every model feature and the example book) is defined in
//! `styles/book.typ` and listed in `styles/README.md`.

use std::collections::BTreeSet;
use std::path::Path;

use paiban::reader::{ReadOptions, decode, read};
use paiban::source::Source;
use paiban::writer::typst::{TypstOptions, write_typst};

/// Typst's own functions `main.typ` may call.
const TYPST_BUILTINS: &[&str] = &[
    "footnote",
    "linebreak",
    "emph",
    "strong",
    "box",
    "counter",
    "import",
    "show",
];

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
    let template = paiban::writer::typst::DEFAULT_TEMPLATE;
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

/// The built-in designs are kept in parts (`styles/book/*.typ`, `styles/epub/*.css`, each under
/// ~250 lines) and shipped whole: the template and the stylesheet are every part of their
/// folder, in name order, each ending its last line — no part left out, none glued to the next.
#[test]
fn the_designs_are_their_parts_joined_in_order() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let joined = |dir: &str, ext: &str| {
        let mut parts: Vec<_> = std::fs::read_dir(root.join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == ext))
            .collect();
        parts.sort();
        assert!(parts.len() > 1, "{dir}: {parts:?}");
        parts
            .iter()
            .map(|p| {
                let text = std::fs::read_to_string(p).unwrap();
                assert!(text.ends_with('\n'), "{} ends mid-line", p.display());
                text
            })
            .collect::<String>()
    };
    assert!(joined("styles/book", "typ") == paiban::writer::typst::DEFAULT_TEMPLATE);
    assert!(joined("styles/epub", "css") == paiban::writer::epub::DEFAULT_CSS);
}
