//! Table tests of command entries ([`super`]): signatures, and manuscript → the entries the
//! outline pass makes headings, with their levels.

use super::*;

#[test]
fn signatures() {
    let cases: &[(&str, Option<(&str, usize)>)] = &[
        ("\\cite[⟨prenote⟩][⟨postnote⟩]{⟨key⟩}", Some(("\\cite", 3))),
        ("\\bibstring[hwrapperi]{hkeyi}", Some(("\\bibstring", 2))),
        (
            "\\DeclareSet{hsetnamei}{hkey, …i}",
            Some(("\\DeclareSet", 2)),
        ),
        ("\\printmill*[⟨key=value, …⟩]  ", Some(("\\printmill", 1))),
        ("\\mainlang", Some(("\\mainlang", 0))),
        // real arguments: program text
        ("\\ifpartannotation{family}{student}", None),
        ("\\setlength{\\parindent}{hlengthi}", None),
        // anything after the arguments, or a space before them
        ("\\midsentence This command marks the middle", None),
        ("\\ctexset {⟨keys⟩}", None),
        ("\\cite{hkeyi}%", None),
        ("text \\cite{hkeyi}", None),
        ("\\", None),
    ];
    for (text, want) in cases {
        assert_eq!(signature(text), *want, "{text}");
    }
}

#[test]
fn description_starts() {
    for t in [
        "Executes the code",
        "Deprecated",
        "Similar to \\mill",
        "A list, of",
    ] {
        assert!(starts_description(t), "{t}");
    }
    for t in [
        "alert (bell)",
        "{\\textbf{#1}}",
        "bibliography = {x},",
        "hkeyi is",
        "\\mill",
    ] {
        assert!(!starts_description(t), "{t}");
    }
}

/// (line, level, title) of each command heading `find` + the verdicts give, in order.
fn run(text: &str) -> Vec<(usize, u8, String)> {
    let lines = crate::reader::lines::split(text);
    let mut kinds: Vec<Kind> = lines
        .iter()
        .map(|l| crate::reader::classify::classify(l.text))
        .collect();
    // the numbered headings as the outline pass would have placed them
    for (i, l) in lines.iter().enumerate() {
        let level = match l.text.split(' ').next() {
            Some(n) if n.chars().all(|c| c.is_ascii_digit() || c == '.') && !n.is_empty() => {
                Some(n.split('.').count() as u8)
            }
            _ => None,
        };
        if let (Some(level), true) = (level, l.text.contains(' ')) {
            kinds[i] = Kind::Heading {
                level,
                label: String::new(),
                title: l.text.into(),
            };
        }
    }
    let form_feed = vec![false; lines.len()];
    let mut out = Vec::new();
    for e in find(&lines, &kinds, &form_feed) {
        if let Ok(level) = super::super::weigh_entry(&e) {
            out.push((lines[e.index].no, level, lines[e.index].text.to_string()));
        }
    }
    out
}

const MILL: &str = "\
2 Milling Commands
2.1 Grinding
The commands of this section grind the grain.
\\grind[hcoarsenessi]{hgraini}
Grinds the hgraini at the given coarseness.
\\sift{hsievei}
Sifts the flour through the hsievei.

\\bag{hsacki}{hweighti}
\\unbag{hsacki}
Fills or empties the hsacki.
\\millstop
Deprecated
Stops the mill at once.
An example of their use:
\\grind{wheat}
\\sift{fine}
Which gives fine wheat flour.
2.2 Storing
Flour is kept dry.
\\store{hbini}
Stores the flour in hbini.
";

#[test]
fn a_reference_list_gets_its_entries_one_level_down() {
    let titles: Vec<(usize, u8)> = run(MILL).iter().map(|h| (h.0, h.1)).collect();
    // five entries in 2.1 (one without arguments, riding on the others), none in 2.2 (one
    // entry is no list), and the example's commands with real arguments are text
    assert_eq!(titles, [(4, 3), (6, 3), (9, 3), (10, 3), (12, 3)]);
}

#[test]
fn entries_need_isolation_and_a_description() {
    // after an unfinished sentence, or followed by program text, a signature is text
    let text = "1 Commands\n\\grind{hgraini}\nGrinds it.\n\\sift{hsievei}\nSifts it.\n\\mill{hxi}\nMills it.\nthe flour of\n\\bag{hsacki}\nFills it.\n\\unbag{hsacki}\n{\\code}\n";
    let lines: Vec<usize> = run(text).iter().map(|h| h.0).collect();
    assert_eq!(lines, [2, 4, 6]);
    // too few entries with arguments: no reference list
    assert!(run("1 Quoting\n\\a\nAn alert.\n\\b\nA backspace.\n\\e{hxi}\nAn escape.\n").is_empty());
}

#[test]
fn indented_signatures_are_displays() {
    let text = "1 Commands\n  \\grind{hgraini}\nGrinds it.\n  \\sift{hsievei}\nSifts it.\n  \\bag{hsacki}\nFills it.\n";
    assert!(run(text).is_empty());
}
