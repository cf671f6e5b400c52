//! The seed manuscript's front matter and printed contents against its expect.json.

use crate::support::tools::shared;

use paiban::model::{Block, Division, DivisionKind, Inline, PartialDate};
use paiban::reader::Relators;
use paiban::reader::front_matter::read_front_matter;
use paiban::reader::lines::split;
use paiban::reader::toc::{cross_check, parse_contents};

const SEED: &str = "seed/000_31f2030a350ea770.txt";
const EXPECT: &str = "seed/000_31f2030a350ea770.expect.json";

/// The seed text and its expectations (a missing seed fails the test).
fn seed() -> (String, serde_json::Value) {
    let (text, expect) = (shared(SEED), shared(EXPECT));
    let t = std::fs::read_to_string(text).expect("seed readable");
    let e = std::fs::read_to_string(expect).expect("expect.json readable");
    (t, serde_json::from_str(&e).expect("expect.json is JSON"))
}

#[test]
fn seed_front_matter() {
    let (text, expect) = seed();
    let lines = split(&text);
    let end = lines
        .iter()
        .position(|l| l.text == "序")
        .expect("序 heading");
    let fm = read_front_matter(&lines[..end], &Relators::builtin());
    let m = &fm.meta;

    assert_eq!(m.title, expect["title"].as_str().unwrap());
    let authors: Vec<&str> = m.authors.iter().map(|a| a.name.as_str()).collect();
    let want: Vec<&str> = expect["authors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(authors, want);
    assert!(m.authors_et_al);
    assert!(
        m.author_statement
            .as_deref()
            .is_some_and(|s| s.ends_with("等著"))
    );
    assert_eq!(
        m.isbn.as_ref().map(|i| i.digits.as_str()),
        expect["isbn"].as_str()
    );
    assert_eq!(m.publisher.as_deref(), expect["publisher"].as_str());
    assert!(
        m.publisher_group
            .as_deref()
            .is_some_and(|g| g.ends_with("出版集团"))
    );
    assert_eq!(
        m.date.map(|d| d.to_string()).as_deref(),
        expect["date"].as_str()
    );
    assert_eq!(m.language, expect["language"].as_str().unwrap());
    let trim = &expect["trim_mm"];
    let t = m.trim.expect("trim");
    assert_eq!(
        (f64::from(t.width_mm), f64::from(t.height_mm)),
        (trim[0].as_f64().unwrap(), trim[1].as_f64().unwrap())
    );
    for (name, role) in expect["contributors"].as_object().unwrap() {
        let role = role.as_str().unwrap();
        if role == "wpr" {
            continue; // the preface writer is signed under 序, after the front matter
        }
        assert!(
            m.contributors
                .iter()
                .any(|c| &c.name == name && c.role.code() == role),
            "contributor {name} {role} in {:?}",
            m.contributors
        );
    }
    let names: Vec<&str> = m.contributors.iter().map(|c| c.name.as_str()).collect();
    assert!(names.iter().all(|n| !n.contains(' ')), "{names:?}");
    let printers = m
        .contributors
        .iter()
        .filter(|c| c.role.code() == "bkp")
        .count();
    assert_eq!(printers, 2, "责任印制 names two people");

    let alt = m.alt_title.as_ref().expect("alt title");
    assert_eq!(alt.language, "zh-Latn-pinyin");
    assert!(
        alt.text.chars().any(|c| c.is_ascii_lowercase()),
        "{}",
        alt.text
    );
    assert_eq!(m.place.as_deref(), Some("成都"));
    assert_eq!(m.series.len(), 1, "{:?}", m.series);
    assert!(m.series[0].contains("批准号"));

    let cip = m.cip.as_ref().expect("CIP");
    assert_eq!(cip.classification.as_deref(), Some("D"));
    assert_eq!(cip.subjects, ["中国共产党—密切联系群众—研究"]);
    assert_eq!(m.subjects, cip.subjects);
    assert_eq!(cip.cip_number.as_deref(), Some("2008-060270"));
    assert_eq!(cip.tracings.len(), 4);
    assert!(
        cip.imprint.starts_with("成都：四川人民出版社"),
        "{}",
        cip.imprint
    );
    assert!(
        cip.description.ends_with("/彭穗宁等著"),
        "{}",
        cip.description
    );
    assert_eq!(m.print.sheets.as_deref(), Some("17"));
    assert_eq!(m.print.word_count.as_deref(), Some("251 千"));
    assert_eq!(m.print.price.as_deref(), Some("27.00 元"));
    assert!(
        m.print
            .edition
            .as_deref()
            .is_some_and(|e| e.ends_with("第 1 版"))
    );
    assert!(
        m.print
            .impression
            .as_deref()
            .is_some_and(|e| e.ends_with("次印刷"))
    );
    assert_eq!(m.websites.len(), 2);
    assert!(m.websites.iter().all(|w| w.starts_with("http://")));
    assert_eq!(m.emails.len(), 1);
    assert!(m.emails[0].contains('@'));
    assert_eq!(m.rights.as_deref(), Some("版权所有·侵权必究"));
    assert_eq!(
        m.date,
        Some(PartialDate {
            year: 2008,
            month: Some(5),
            day: None
        })
    );

    let kinds: Vec<(DivisionKind, &str)> = fm
        .divisions
        .iter()
        .map(|d| (d.kind, d.id.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            (DivisionKind::TitlePage, "titlepage"),
            (DivisionKind::CopyrightPage, "copyright")
        ]
    );
    let copyright = &fm.divisions[1];
    let colophon = copyright.blocks.iter().find_map(|b| match b {
        Block::Colophon(e) => Some(e),
        _ => None,
    });
    let colophon = colophon.expect("colophon block");
    assert!(colophon.iter().any(|e| e.label == "网址"));
    assert!(
        colophon
            .iter()
            .any(|e| e.label == "印张" && e.value == "17")
    );
    assert!(copyright.blocks.iter().any(|b| matches!(b, Block::Cip(_))));
    let notices = copyright
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Notice(_)))
        .count();
    assert_eq!(notices, 3);
    let errors: Vec<_> = fm
        .diagnostics
        .iter()
        .filter(|d| d.severity != paiban::diag::Severity::Note)
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(
        fm.diagnostics.len(),
        1,
        "the repeated title page: {:?}",
        fm.diagnostics
    );
}

#[test]
fn seed_contents() {
    let (text, expect) = seed();
    let lines = split(&text);
    let start = lines
        .iter()
        .position(|l| l.text.trim() == "目 录")
        .expect("目录");
    let end = start
        + lines[start..]
            .iter()
            .position(|l| l.text == "第一章")
            .expect("第一章");
    let (entries, diags) = parse_contents(&lines[start + 1..end]);
    assert!(diags.is_empty(), "{diags:?}");
    let chapters = entries
        .iter()
        .filter(|e| e.label.as_deref().is_some_and(|l| l.ends_with('章')))
        .count();
    assert_eq!(
        chapters as u64,
        expect["printed_toc_chapters"].as_u64().unwrap()
    );
    let top: Vec<&str> = entries
        .iter()
        .filter(|e| e.level == 1 && e.label.is_none())
        .map(|e| e.title.as_str())
        .collect();
    assert_eq!(top, ["主要参考文献", "后记"]);
    assert!(entries.iter().all(|e| e.page.is_some()));
    assert!(
        entries
            .iter()
            .all(|e| !e.title.contains("..") && !e.title.contains(' '))
    );
    let wrapped = entries
        .iter()
        .find(|e| e.title.contains("密切党群关系的关键"))
        .expect("wrapped entry rejoined");
    assert_eq!(wrapped.label.as_deref(), Some("（三）"));
    assert_eq!(wrapped.level, 2);
    assert_eq!(wrapped.page.as_deref(), Some("20"));
    assert_eq!(entries.last().and_then(|e| e.page.as_deref()), Some("258"));
    assert_eq!(
        entries.first().map(|e| e.title.as_str()),
        expect["chapters"][0].as_str()
    );
    assert_eq!(entries.len(), 33);
}

#[test]
fn seed_contents_cross_check_against_the_excerpted_body() {
    let (text, expect) = seed();
    let lines = split(&text);
    let start = lines
        .iter()
        .position(|l| l.text.trim() == "目 录")
        .expect("目录");
    let end = start
        + lines[start..]
            .iter()
            .position(|l| l.text == "第一章")
            .expect("第一章");
    let (mut entries, _) = parse_contents(&lines[start + 1..end]);
    // The body as the expect.json describes it: chapters 1 and 2, chapter 2 with one section
    // (titled as the contents prints its first section).
    let titles = expect["chapters"].as_array().unwrap();
    let labels = expect["chapter_labels"].as_array().unwrap();
    let section_title = entries
        .iter()
        .find(|e| e.label.as_deref() == Some("（一）"))
        .map(|e| e.title.clone())
        .unwrap();
    let mut body = Vec::new();
    for (i, (t, l)) in titles.iter().zip(labels).enumerate() {
        let mut d = Division::new(
            DivisionKind::Chapter,
            format!("chapter-{}", i + 1),
            1000 + i,
        );
        d.label = l.as_str().map(str::to_string);
        d.title = vec![Inline::Text(t.as_str().unwrap().to_string())];
        body.push(d);
    }
    let mut s = Division::new(DivisionKind::Section, "chapter-2-section-1", 2000);
    s.label = Some("（一）".into());
    s.title = vec![Inline::Text(section_title)];
    body[1].children.push(s);
    let diags = cross_check(&mut entries, &body, &[]);
    let targets: Vec<&str> = entries.iter().filter_map(|e| e.target.as_deref()).collect();
    assert_eq!(targets, ["chapter-1", "chapter-2", "chapter-2-section-1"]);
    // 3 missing sections of chapter 2, chapters 3–7 (with their sections inside), 2 back entries
    assert_eq!(diags.len(), 3 + 5 + 2, "{diags:#?}");
    assert!(
        diags
            .iter()
            .all(|d| d.severity == paiban::diag::Severity::Warning)
    );
    let ch3 = diags
        .iter()
        .find(|d| d.message.contains("第三章"))
        .expect("chapter 3");
    assert!(
        ch3.message
            .contains("(p. 27) but the body has no such chapter"),
        "{}",
        ch3.message
    );
    assert!(
        ch3.message.contains("nor the 4 entries under it"),
        "{}",
        ch3.message
    );
    let printed_chapters = expect["printed_toc_chapters"].as_u64().unwrap() as usize;
    let missing_chapters = diags
        .iter()
        .filter(|d| d.message.contains("no such chapter"))
        .count();
    assert_eq!(missing_chapters, printed_chapters - titles.len());
}
