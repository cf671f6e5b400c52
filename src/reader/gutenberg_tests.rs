use super::*;
use crate::reader::lines::split;

#[test]
fn start_and_end_lines() {
    let starts: &[(&str, bool)] = &[
        (
            "*** START OF THIS PROJECT GUTENBERG EBOOK THE LAMP ***",
            true,
        ),
        (
            "*** START OF THE PROJECT GUTENBERG EBOOK THE LAMP ***",
            true,
        ),
        ("***START OF THE PROJECT GUTENBERG EBOOK THE LAMP***", true),
        (
            "*END*THE SMALL PRINT! FOR PUBLIC DOMAIN ETEXTS*Ver.04.29.93*END*",
            true,
        ),
        ("The start of the Project Gutenberg story", false),
        (
            "*** END OF THIS PROJECT GUTENBERG EBOOK THE LAMP ***",
            false,
        ),
    ];
    for (text, want) in starts {
        assert_eq!(is_start(text), *want, "{text:?}");
    }
    let ends: &[(&str, bool)] = &[
        ("*** END OF THIS PROJECT GUTENBERG EBOOK THE LAMP ***", true),
        ("***END OF THE PROJECT GUTENBERG EBOOK THE LAMP ***", true),
        (
            "End of the Project Gutenberg EBook of The Lamp, by A. Writer",
            true,
        ),
        ("End of Project Gutenberg's The Lamp, by A. Writer", true),
        ("End of this Project Gutenberg Etext of The Lamp", true),
        ("At the end of the Project Gutenberg day", false),
        ("End of the chapter.", false),
    ];
    for (text, want) in ends {
        assert_eq!(is_end(text), *want, "{text:?}");
    }
}

#[test]
fn ebook_numbers_and_languages() {
    let cases: &[(&str, (&str, Option<&str>))] = &[
        ("May 1994  [eBook #132]", ("May 1994", Some("132"))),
        (
            "August 26, 2008 [EBook #1342]",
            ("August 26, 2008", Some("1342")),
        ),
        ("[Etext #98]", ("", Some("98"))),
        ("June, 1998", ("June, 1998", None)),
    ];
    for (text, (date, n)) in cases {
        let (d, got) = ebook_number(text);
        assert_eq!((d.as_str(), got.as_deref()), (*date, *n), "{text:?}");
    }
    assert_eq!(language_tag("English"), Some("en"));
    assert_eq!(language_tag(" french "), Some("fr"));
    assert_eq!(language_tag("Klingon"), None);
    assert!(is_credit("Produced by Two Volunteers and the Online Team"));
    assert!(is_credit("E-text prepared by a Reader"));
    assert!(!is_credit("The produce was fresh."));
}

/// An original manuscript in the shape of a Project Gutenberg file.
const FILE: &str = "\
The Project Gutenberg EBook of The Lamp-Maker, by Ada Quill

This eBook is for the use of anyone anywhere at no cost.

Title: The Lamp-Maker
       A Tale of Glass

Author: Ada Quill and Ben Quill

Translator: Cora Vent

Release Date: March, 2001 [EBook #4242]

Language: English

*** START OF THIS PROJECT GUTENBERG EBOOK THE LAMP-MAKER ***




Produced by Dee Ember
and the Proofreading Team


THE LAMP-MAKER

Chapter 1

The glass was warm.

End of the Project Gutenberg EBook of The Lamp-Maker, by Ada Quill

*** END OF THIS PROJECT GUTENBERG EBOOK THE LAMP-MAKER ***

Section 1. General Terms of Use

Licence text.
";

#[test]
fn header_licence_and_credit_are_found() {
    let lines = split(FILE);
    let b = find(&lines);
    let runs: Vec<(usize, usize, Removal)> = b
        .removed
        .iter()
        .map(|(r, why)| (lines[r.start].no, lines[r.end - 1].no, *why))
        .collect();
    assert_eq!(
        runs,
        [
            (1, 16, Removal::Header),
            (21, 22, Removal::Credit),
            (31, 38, Removal::Licence),
        ]
    );
    let f = &b.fields;
    assert_eq!(f.title.as_deref(), Some("The Lamp-Maker"));
    assert_eq!(f.subtitle.as_deref(), Some("A Tale of Glass"));
    let people: Vec<(&str, &str)> = f.people.iter().map(|p| (p.name.as_str(), p.role)).collect();
    assert_eq!(
        people,
        [
            ("Ada Quill", "aut"),
            ("Ben Quill", "aut"),
            ("Cora Vent", "trl")
        ]
    );
    assert_eq!(f.release_date.as_deref(), Some("March, 2001"));
    assert_eq!(f.ebook.as_deref(), Some("4242"));
    assert_eq!(f.language.as_deref(), Some("en"));
    assert_eq!(
        f.credits,
        ["Produced by Dee Ember and the Proofreading Team"]
    );
    assert_eq!(
        f.closing,
        Some(("The Lamp-Maker".to_string(), Some("Ada Quill".to_string())))
    );
}

#[test]
fn a_file_with_only_the_closing_line() {
    let text = "《甲︰乙》\n\n正文。\n\n\nEnd of the Project Gutenberg EBook of Yi, by Jia\n";
    let lines = split(text);
    let b = find(&lines);
    assert_eq!(b.removed, [(5..lines.len(), Removal::Licence)]);
    assert_eq!(b.fields.title, None);
    assert_eq!(
        b.fields.closing,
        Some(("Yi".to_string(), Some("Jia".to_string())))
    );
}

#[test]
fn a_plain_manuscript_has_no_boilerplate() {
    let lines = split("Title: not a header\n\nChapter 1\n\nText about the end of the day.\n");
    let b = find(&lines);
    assert!(!b.found());
    assert_eq!(b.fields, Fields::default());
}

#[test]
fn licence_paragraphs() {
    let lines = split("a\n\nLicence one\nwraps here.\n\n\nLicence two.\n");
    let paras = licence_paras(&lines, 2..lines.len());
    let got: Vec<(usize, String)> = paras.iter().map(|p| (p.line, p.text())).collect();
    assert_eq!(
        got,
        [
            (3, "Licence one wraps here.".to_string()),
            (7, "Licence two.".to_string())
        ]
    );
}

/// An original manuscript in the shape of a 1990s Project Gutenberg etext: the small print in
/// the header up to `*END*THE SMALL PRINT!…`, no start line, an `Etext` closing line.
const OLD_FILE: &str = "\
Project Gutenberg's Etext of The Weir-Keeper, by Nell Harrow

Please take a look at the important information in this header.

**Welcome To The World of Free Plain Vanilla Electronic Texts**

The Weir-Keeper, by Nell Harrow

[Etext #777]

***START**THE SMALL PRINT!**FOR PUBLIC DOMAIN ETEXTS**START***
Why is this \"Small Print!\" statement here?  You know: lawyers.

*END*THE SMALL PRINT! FOR PUBLIC DOMAIN ETEXTS*Ver.04.29.93*END*





THE WEIR-KEEPER

The water rose at dusk.

THE END

End of Project Gutenberg's Etext of The Weir-Keeper, by Nell Harrow
";

#[test]
fn the_old_small_print_header_and_etext_closing() {
    let lines = split(OLD_FILE);
    let b = find(&lines);
    let runs: Vec<(usize, usize, Removal)> = b
        .removed
        .iter()
        .map(|(r, why)| (lines[r.start].no, lines[r.end - 1].no, *why))
        .collect();
    assert_eq!(runs, [(1, 14, Removal::Header), (26, 27, Removal::Licence)]);
    assert_eq!(b.fields.ebook.as_deref(), Some("777"));
    assert_eq!(
        b.fields.closing,
        Some((
            "The Weir-Keeper".to_string(),
            Some("Nell Harrow".to_string())
        ))
    );
    // the end mark above the closing line stays in the body
    assert_eq!(lines[23].text, "THE END");
    assert!(!b.removed.iter().any(|(r, _)| r.contains(&23)));
}
