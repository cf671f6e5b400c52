//! Table tests for the English copyright-page recognisers.

use super::*;

#[test]
fn loc_headings() {
    let cases = [
        ("Library of Congress Cataloging-in-Publication Data", true),
        ("LIBRARY OF CONGRESS CATALOGING IN PUBLICATION DATA", true),
        ("Library of Congress Cataloguing-in-Publication Data", true),
        ("Library of Congress", false),
        ("图书在版编目(CIP)数据", false),
    ];
    for (input, want) in cases {
        assert_eq!(is_loc_heading(input), want, "{input:?}");
    }
}

#[test]
fn inverted_names() {
    let n =
        |a: &str, b: &str, r: &str| Some((a.to_string(), b.to_string(), Relator::new(r).unwrap()));
    let cases = [
        (
            "Harlow, Margaret, author.",
            n("Margaret Harlow", "Harlow, Margaret", "aut"),
        ),
        (
            "Harlow, Margaret.",
            n("Margaret Harlow", "Harlow, Margaret", "aut"),
        ),
        (
            "Okafor, Daniel, 1961- editor.",
            n("Daniel Okafor", "Okafor, Daniel", "edt"),
        ),
        ("Lee, Anna May", n("Anna May Lee", "Lee, Anna May", "aut")),
        ("The salt road / Margaret Harlow.", None),
        ("ferries, history", None),
    ];
    for (input, want) in cases {
        assert_eq!(inverted_name(input), want, "{input:?}");
    }
}

#[test]
fn by_statements() {
    let cases: &[(&str, Option<&[&str]>)] = &[
        ("By Margaret Harlow", Some(&["Margaret Harlow"])),
        ("by Ann Lee and Tom Reed", Some(&["Ann Lee", "Tom Reed"])),
        (
            "By A. Brown, C. Dane, and E. Ford",
            Some(&["A. Brown", "C. Dane", "E. Ford"]),
        ),
        ("By the river we sat down", None),
        ("Bygone days", None),
    ];
    for (input, want) in cases {
        let want = want.map(|w| w.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(by_statement(input), want, "{input:?}");
    }
}

#[test]
fn printers_keys() {
    let cases = [
        ("10 9 8 7 6 5 4 3 2 1", Some(1)),
        ("1 3 5 7 9 10 8 6 4 2", Some(1)),
        ("24 23 22 21 20   5 4 3 2", None),
        ("9 8 7 6 5 4 3", Some(3)),
        ("2021 2022", None),
        ("1 2 3", None),
        ("10 9 8 7 6 5 4 3 2 1 and more", None),
    ];
    for (input, want) in cases {
        assert_eq!(printers_key(input), want, "{input:?}");
    }
}

#[test]
fn copyright_lines() {
    assert_eq!(
        published_by("Published by Millbank Press, Riverton"),
        Some(("Millbank Press".into(), Some("Riverton".into())))
    );
    assert_eq!(published_by("Printed in the USA"), None);
    let eds = [
        ("First edition", Some("First edition")),
        ("First Edition 2021", Some("First Edition 2021")),
        ("1st ed.", Some("1st ed")),
        ("First published in 2021", None),
    ];
    for (input, want) in eds {
        assert_eq!(edition_line(input).as_deref(), want, "{input:?}");
    }
}

#[test]
fn isbns_with_labels() {
    let p = |a: &str, b: &str| (a.to_string(), b.to_string());
    let cases: &[(&str, &[PrintedIsbn])] = &[
        (
            "ISBN 9781234567897 (hardcover) | ISBN 9781234567880 (ebook)",
            &[
                p("ISBN 9781234567897", "hardcover"),
                p("ISBN 9781234567880", "ebook"),
            ],
        ),
        (
            "ISBN 978-986-000-000-0（平裝）",
            &[p("ISBN 978-986-000-000-0", "平裝")],
        ),
        (
            "ISBN: 978-1-2345-6789-7",
            &[p("ISBN: 978-1-2345-6789-7", "")],
        ),
        ("no number here", &[]),
    ];
    for (input, want) in cases {
        assert_eq!(&labelled_isbns(input), want, "{input:?}");
    }
    let labels = [
        ("ebook", true),
        ("e-book", true),
        ("電子書", true),
        ("paperback", false),
    ];
    for (l, want) in labels {
        assert_eq!(is_ebook_label(l), want, "{l}");
    }
}

#[test]
fn a_modern_loc_block() {
    let text = "Library of Congress Cataloging-in-Publication Data\nNames: Harlow, Margaret, author.\nTitle: The salt road : a history of the inland\n  ferries / Margaret Harlow.\nDescription: First edition. | Riverton : Millbank Press, 2021. |\n  Includes bibliographical references.\nIdentifiers: LCCN 2020045123 (print) | LCCN 2020045124 (ebook) |\n  ISBN 9781234567897 (hardcover) | ISBN 9780000000002 (ebook)\nSubjects: LCSH: Ferries—History. | Rivers—History.\nClassification: LCC HE5781 .H37 2021 (print) | DDC 386/.6—dc23\nLC record available at https://lccn.loc.gov/2020045123";
    let lines = crate::reader::lines::split(text);
    let b = read_loc(&lines);
    assert_eq!(b.names.len(), 1);
    assert_eq!(b.names[0].name, "Margaret Harlow");
    assert_eq!(b.names[0].file_as.as_deref(), Some("Harlow, Margaret"));
    assert_eq!(b.title.as_deref(), Some("The salt road"));
    assert_eq!(
        b.subtitle.as_deref(),
        Some("a history of the inland ferries")
    );
    assert_eq!(b.edition.as_deref(), Some("First edition"));
    assert_eq!(b.cip.place.as_deref(), Some("Riverton"));
    assert_eq!(b.cip.publisher.as_deref(), Some("Millbank Press"));
    assert_eq!(b.cip.date.map(|d| d.year), Some(2021));
    assert_eq!(b.lccn.as_deref(), Some("2020045123"));
    assert_eq!(b.isbns.len(), 2);
    assert_eq!(b.cip.isbn_line.as_ref().map(|i| i.1), Some(8));
    assert_eq!(b.cip.record.subjects, ["Ferries—History", "Rivers—History"]);
    assert_eq!(
        b.cip.record.classification.as_deref(),
        Some("LCC HE5781 .H37 2021")
    );
    let rec = &b.cip.record;
    assert_eq!(rec.notes, ["Includes bibliographical references."]);
    assert_eq!(
        rec.control_numbers,
        ["LCCN 2020045123 (print)", "LCCN 2020045124 (ebook)"]
    );
    assert_eq!(
        rec.class_numbers,
        ["LCC HE5781 .H37 2021 (print)", "DDC 386/.6—dc23"]
    );
    // every field as issued, wrapped lines rejoined
    assert_eq!(rec.issued.len(), 7);
    assert_eq!(
        rec.issued[2],
        "Description: First edition. | Riverton : Millbank Press, 2021. | Includes bibliographical references."
    );
    assert_eq!(rec.style, CipStyle::LibraryOfCongress);
    assert!(b.unread.is_empty());
}

#[test]
fn a_card_style_loc_block() {
    let text = "Library of Congress Cataloging-in-Publication Data\n\
                Harrow, Nell, 1951-\n\
                \x20 Letters from the salt marsh / Nell Harrow. -- 1st ed.\n\
                \x20    p. cm.\n\
                \x20 Includes bibliographical references and index.\n\
                \x20 ISBN 0-00-000000-0 (alk. paper)\n\
                \x20 1. Marshes--Fiction.  2. Brothers and sisters--Fiction.  I. Title.\n\
                \x20 A line the card reader knows nothing of\n\
                PR6058.A6925 L48 2011\n\
                823'.914--dc22                                  2010045678\n\
                2011012345";
    let lines = crate::reader::lines::split(text);
    let b = read_loc(&lines);
    let rec = &b.cip.record;
    assert_eq!(b.names[0].name, "Nell Harrow");
    assert_eq!(b.title.as_deref(), Some("Letters from the salt marsh"));
    assert_eq!(
        rec.description,
        "Letters from the salt marsh / Nell Harrow."
    );
    assert_eq!(b.edition.as_deref(), Some("1st ed"));
    assert_eq!(rec.extent.as_deref(), Some("p. cm."));
    assert_eq!(
        rec.notes,
        ["Includes bibliographical references and index."]
    );
    assert_eq!(
        rec.subjects,
        ["Marshes--Fiction", "Brothers and sisters--Fiction"]
    );
    assert_eq!(
        rec.class_numbers,
        ["PR6058.A6925 L48 2011", "823'.914--dc22"]
    );
    assert_eq!(rec.classification.as_deref(), Some("PR6058.A6925 L48 2011"));
    // a second LCCN is kept beside the first, which is the book's
    assert_eq!(rec.control_numbers, ["2010045678", "2011012345"]);
    assert_eq!(b.lccn.as_deref(), Some("2010045678"));
    // every line as issued; the one no field was read from is reported
    assert_eq!(rec.issued.len(), 10);
    assert_eq!(rec.issued[6], "A line the card reader knows nothing of");
    assert_eq!(b.unread, [8]);
}

#[test]
fn card_numbers_and_extents() {
    let table = [
        ("p. cm.", true),
        ("xii, 320 pages ; 24 cm", true),
        ("1 online resource", true),
        ("The salt road / M. Harlow.", false),
    ];
    for (t, want) in table {
        assert_eq!(is_extent(t), want, "{t:?}");
    }
    assert!(is_dewey("823'.914--dc22") && is_dewey("386/.6—dc23"));
    assert!(!is_dewey("1961-") && !is_dewey("dc22"));
    assert!(is_lcc("PR6058.A6925") && is_lcc("HE5781") && !is_lcc("ISBN") && !is_lcc("1."));
    assert!(
        is_lccn("2010045678") && is_lccn("75-12345") && !is_lccn("2011") && !is_lccn("1-2-3456789")
    );
}

#[test]
fn title_cases() {
    let cases = [
        ("THE SALT ROAD", "The Salt Road"),
        (
            "A HISTORY OF THE INLAND FERRIES",
            "A History of the Inland Ferries",
        ),
        ("The salt road", "The salt road"),
        ("山城書院記", "山城書院記"),
        ("X", "X"),
        ("NASA", "NASA"),
    ];
    for (input, want) in cases {
        assert_eq!(title_case(input), want, "{input:?}");
    }
}
