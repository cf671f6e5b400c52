//! Table tests for linking notes to their markers: placement, whole note texts, uncalled
//! notes, continuation lines, pages, and the conventions tallied.

use super::super::classify::classify;
use super::tests::{doc, run};
use super::*;

#[test]
fn notes_link_to_their_markers() {
    // (manuscript) → (marker line index, ordinal, note mark, placement) per linked note
    type Case = (
        &'static str,
        &'static [((usize, usize), &'static str, NotePlacement)],
    );
    use NotePlacement::{Endnote as E, Footnote as F};
    let cases: &[Case] = &[
        (
            "第一章 河\n正文[1]，又[2]\n\n[1] 注一。\n\u{c}接着[1]。\n\n[2] 上页的注。\n[1] 本页的注。",
            &[((1, 0), "1", F), ((1, 1), "2", F), ((4, 0), "1", F)],
        ),
        (
            "第一章 河\n正文①。\n注释\n① 第一条。\n第二章 山\n正文①。\n註釋\n① 第二章的注。",
            &[((1, 0), "①", E), ((5, 0), "①", E)],
        ),
        (
            "第一章 河\nIt was free.1\n\n1. See the book.",
            &[((1, 0), "1", F)],
        ),
        (
            "第一章 河\n分为①国文、②算术^①。\n^① 一个 ^ 注。",
            &[((1, 2), "①", F)],
        ),
        (
            "第一章 河\n图1 与项目1 ，又路径2 。\n1\n\n注一。\n2\n\n注二。\n\u{c}下页。",
            &[((1, 1), "1", F), ((1, 2), "2", F)],
        ),
        (
            "第一章 河\nThe ford[A] was deep.[B]\n\nFOOTNOTES:\n\n[A] Now a bridge.\n\n[B] In spring.",
            &[((1, 0), "A", E), ((1, 1), "B", E)],
        ),
        (
            "第一章 河\n\u{c}河水从山中流出，一路向东流入大海，沿途灌溉了大片农田。\n5 如果遇到干旱的年份，水量就会减少很多。\n5 干旱年份的记录见附录。\n\u{c}下页。",
            &[((2, 0), "5", F)],
        ),
        (
            "第一章 河\nIt was late.[1] Then\n\n[Footnote 1: A note that runs\nover two lines.]\n\nMore text.",
            &[((1, 0), "1", F)],
        ),
        (
            // stories whose titles are not headings: each 注釋 block answers the markers since
            // the block before it, not an older unanswered marker of the same glyph
            "江邊\n甲ゝ乙ゞ。\n\n注釋\nゝ一。\n\n山上\n丙ゞ丁ゝ。\n\n注釋\nゞ二。\nゝ三。",
            &[((1, 0), "ゝ", E), ((7, 0), "ゞ", E), ((7, 1), "ゝ", E)],
        ),
    ];
    for (input, want) in cases {
        let (links, _) = run(input);
        let mut got: Vec<((usize, usize), String, NotePlacement)> = links
            .refs
            .iter()
            .map(|(at, id)| {
                let n = &links.notes[id.index()];
                (*at, n.mark.clone(), n.placement)
            })
            .collect();
        got.sort_by_key(|g| g.0);
        let want: Vec<_> = want
            .iter()
            .map(|(a, m, p)| (*a, m.to_string(), *p))
            .collect();
        assert_eq!(got, want, "{input:?}");
        assert!(links.diagnostics.is_empty(), "{:?}", links.diagnostics);
    }
}

#[test]
fn note_texts_are_whole() {
    // manuscript → the text of each note
    let cases: &[(&str, &[&str])] = &[
        (
            "第一章 河\nIt was late.[1] Then\n\n[Footnote 1: A note that runs\nover two [sic] lines.]\n\nMore.",
            &["A note that runs over two [sic] lines."],
        ),
        (
            "第一章 河\nIt was late.[1]\n\n[Footnote 1: One line.]",
            &["One line."],
        ),
        (
            "第一章 河\n正文项目1 ，又路径2 。\n1\n\n注一，\n续。\n2\n\nSee the\nmap.\n\u{c}下页。",
            &["注一，续。", "See the map."],
        ),
        (
            "第一章 河\nText.\n\n[Transcriber's Note: spelling kept.]",
            &["spelling kept."],
        ),
        (
            // the numbers of the page's notes set after them; the page's text, in the body's
            // larger size (narrower lines), broken off above the first note mid-sentence
            "第一章 河\n\u{c}旧的写法用传统字库12 。\n新的写法载入新宏包13 ，\n由新宏包提供映射。\n正文还在继续写下去，说明配置文件应当放在哪个目录之下，然\n编译时如果需要使用自定义的映射文件（比如需要使用另一种驱动程序编译），或者希望使用旧字库，\n请禁用本选项。\n13\n新宏包基于旧宏包，提供类似的用户接口。\n12\n\u{c}后通过选项来调用它。",
            &[
                "编译时如果需要使用自定义的映射文件（比如需要使用另一种驱动程序编译），或者希望使用旧字库，请禁用本选项。",
                "新宏包基于旧宏包，提供类似的用户接口。",
            ],
        ),
    ];
    for (input, want) in cases {
        let (links, _) = run(input);
        let got: Vec<String> = links.notes.iter().map(Note::text).collect();
        assert_eq!(got, *want, "{input:?}");
        assert!(links.diagnostics.is_empty(), "{:?}", links.diagnostics);
    }
}

#[test]
fn uncalled_notes_in_a_foot_run_are_kept_and_reported() {
    // (manuscript, each line's kind, lines of NoteUnmarked diagnostics)
    type Case = (&'static str, &'static [&'static str], &'static [usize]);
    let cases: &[Case] = &[
        (
            "第一章 河\n\u{c}正文项目1 ，又一处2 ，公式里的标记丢了。\n再一处4 ，又5 。\n1 注一。\n2 注二。\n3 注三，标记丢失。\n4 注四。\n5 注五。\n\u{c}下页。",
            &[
                "Chapter", "Text", "Text", "Note 1", "Note 2", "Note 3", "Note 4", "Note 5", "Text",
            ],
            &[6],
        ),
        (
            // a run opening with lines no marker calls is a list above the foot
            "第一章 河\n\u{c}做法如下。\n1 第一步。\n2 第二步。\n后文说到项目3 ，又4 。\n3 注三。\n4 注四。\n\u{c}下页。",
            &[
                "Chapter", "Text", "Text", "Text", "Text", "Note 3", "Note 4", "Text",
            ],
            &[],
        ),
    ];
    for (input, want, diags) in cases {
        let (links, got) = run(input);
        assert_eq!(&got, want, "{input:?}");
        let got: Vec<usize> = links
            .diagnostics
            .iter()
            .filter(|d| d.code == crate::diag::Code::NoteUnmarked)
            .map(|d| d.span.line)
            .collect();
        assert_eq!(&got, diags, "{input:?}");
        assert_eq!(
            links.notes.len(),
            want.iter().filter(|k| k.starts_with("Note")).count()
        );
    }
}

#[test]
fn continuation_lines_extend_the_last_note() {
    // (lines with kinds) → the note's text
    let cases: &[(&[(&str, Kind)], &str)] = &[
        (
            &[
                ("甲^①。", Kind::Text),
                ("^① 某书，", Kind::Text),
                ("2001年版。", Kind::NoteContinuation),
            ],
            "某书，2001年版。",
        ),
        (
            &[
                ("A^①.", Kind::Text),
                ("^① See the", Kind::Text),
                ("river book.", Kind::NoteContinuation),
            ],
            "See the river book.",
        ),
    ];
    for (doc, want) in cases {
        let lines: Vec<Line<'_>> = doc
            .iter()
            .enumerate()
            .map(|(i, (t, _))| Line { no: i + 1, text: t })
            .collect();
        let kinds: Vec<Kind> = doc
            .iter()
            .map(|(t, k)| note_line(t).unwrap_or_else(|| k.clone()))
            .collect();
        let links = link(&lines, &kinds, &vec![0; doc.len()], &Scopes::default());
        assert_eq!(links.notes.len(), 1);
        assert_eq!(links.notes[0].text(), *want);
        assert!(links.diagnostics.is_empty(), "{:?}", links.diagnostics);
    }
}

#[test]
fn notes_link_within_their_page() {
    // (text, page) → expected (note line index → marker line index), diagnostics lines.
    let doc: &[(&str, usize)] = &[
        ("甲^①乙^②", 0),
        ("^① 注一", 0),
        ("^② 注二", 0),
        ("丙^①", 1),
        ("丁^①", 1),
        ("^① 注三", 1),
        ("^③ 孤注", 1),
    ];
    let lines: Vec<Line<'_>> = doc
        .iter()
        .enumerate()
        .map(|(i, (t, _))| Line { no: i + 1, text: t })
        .collect();
    let kinds: Vec<Kind> = doc
        .iter()
        .map(|(t, _)| note_line(t).unwrap_or(Kind::Text))
        .collect();
    let pages: Vec<usize> = doc.iter().map(|(_, p)| *p).collect();
    let links = link(&lines, &kinds, &pages, &Scopes::default());
    let refs: Vec<(MarkerAt, usize)> = links.refs.iter().map(|(k, v)| (*k, v.index())).collect();
    assert_eq!(refs, vec![((0, 0), 0), ((0, 1), 1), ((3, 0), 2)]);
    assert_eq!(links.notes.len(), 4);
    let diag_lines: Vec<usize> = links.diagnostics.iter().map(|d| d.span.line).collect();
    assert_eq!(diag_lines, vec![7, 5]);
    let inl = inlines(lines[4].text, 4, &links.refs);
    assert_eq!(inl, vec![Inline::Text("丁①".into())]);
    let mut refs = BTreeMap::new();
    refs.insert((0, 0), NoteId::new(0));
    let spaced = inlines("项目1 ，对", 0, &refs);
    assert_eq!(
        spaced,
        vec![
            Inline::Text("项目".into()),
            Inline::NoteRef(NoteId::new(0)),
            Inline::Text("，对".into())
        ]
    );
    assert_eq!(
        inlines("结果中1 , 则", 0, &refs),
        vec![
            Inline::Text("结果中".into()),
            Inline::NoteRef(NoteId::new(0)),
            Inline::Text(", 则".into())
        ]
    );
    assert_eq!(
        inlines("a list1 .5 mm", 0, &refs)[2],
        Inline::Text(" .5 mm".into()),
        "a decimal after a mark keeps its space"
    );
    assert_eq!(
        inlines("word1 then", 0, &refs),
        vec![
            Inline::Text("word".into()),
            Inline::NoteRef(NoteId::new(0)),
            Inline::Text(" then".into())
        ]
    );
    assert_eq!(
        inlines("不受支持 (1) 。", 0, &refs),
        vec![
            Inline::Text("不受支持".into()),
            Inline::NoteRef(NoteId::new(0)),
            Inline::Text("。".into())
        ]
    );
    assert_eq!(
        inlines("the river(1) ran", 0, &refs),
        vec![
            Inline::Text("the river".into()),
            Inline::NoteRef(NoteId::new(0)),
            Inline::Text(" ran".into())
        ]
    );
    // in English text a number in brackets after a space is an enumeration, never a marker
    assert_eq!(
        inlines("the river (1) ran", 0, &refs),
        vec![Inline::Text("the river (1) ran".into())]
    );
    // a marker the wrap set at the line's start takes the space after it
    assert_eq!(
        inlines("5 如果本地", 0, &refs),
        vec![
            Inline::NoteRef(NoteId::new(0)),
            Inline::Text("如果本地".into())
        ]
    );
    assert_eq!(
        inlines("5 如果本地", 3, &refs),
        vec![Inline::Text("5 如果本地".into())]
    );
    let unlinked = inlines("研究[1]与free.2", 9, &links.refs);
    assert_eq!(unlinked, vec![Inline::Text("研究[1]与free.2".into())]);
}

#[test]
fn conventions_are_tallied() {
    // manuscript → (convention, (count, first line))
    type Case = (&'static str, &'static [(&'static str, (usize, usize))]);
    let cases: &[Case] = &[
        (
            "第一章 河\n正文[1]，又[2]。\n\n[1] 注一，\n续行。\n[2] 注二。",
            &[
                ("note markers `[1]`", (2, 2)),
                ("footnotes at the page foot", (2, 4)),
                ("note bodies continued on unmarked lines", (1, 5)),
            ],
        ),
        (
            "第一章 河\n正文①。\n注释\n① 第一条。",
            &[
                ("note markers: bare circled numbers `①`", (1, 2)),
                (
                    "endnotes under a chapter's notes heading (注释 / Notes)",
                    (1, 4),
                ),
            ],
        ),
        ("第一章 河\n正文。", &[]),
        (
            "第一章 河\n正文[1]，又[2]\n\n[1] 注一。\n\u{c}接着。\n\n[2] 上页的注。\n参考文献\n[1] 某某. 某书[M]. 2001.",
            &[
                ("note markers `[1]`", (2, 2)),
                ("footnotes at the page foot", (2, 4)),
                ("a note body set at the foot of the next page", (1, 7)),
                (
                    "numbered references entries kept as bibliography, not notes",
                    (1, 9),
                ),
            ],
        ),
    ];
    for (input, want) in cases {
        let (lines, feeds) = doc(input);
        let mut kinds: Vec<Kind> = lines.iter().map(|l| classify(l.text)).collect();
        let scopes = settle(&lines, &mut kinds, &feeds);
        let pages = super::super::pages::assign(&kinds, &feeds);
        let links = link(&lines, &kinds, &pages, &scopes);
        let got = conventions(&lines, &kinds, &scopes, &links);
        let want: Vec<(String, Tally)> = want.iter().map(|(n, t)| (n.to_string(), *t)).collect();
        assert_eq!(got, want, "{input:?}");
    }
}

#[test]
fn a_note_no_marker_answered_recalls_the_number_glued_to_a_name_on_its_page() {
    // (manuscript, line of the recalled marker, the text before it) — the marker rules leave
    // `Quill7 .` and `+=2` as a name's digits; the note numbered so is the evidence
    let cases: &[(&str, usize, &str)] = &[
        (
            "Chapter 1 Tools\nThe first tool was plain.1 A second one, Quill2 . It ran late.3\n\n1 The first note.\n2 The second note.\n3 The third note.\n\u{c}Next page.",
            1,
            "Quill",
        ),
        (
            "Chapter 1 Tools\nWrite it out.1 Then the use of +=2 is portable,\nand so is the rest.3\n\n1 The first note.\n2 Not everywhere.\n3 The third note.\n\u{c}Next page.",
            1,
            "+=",
        ),
    ];
    for &(input, line, before) in cases {
        let (links, _) = run(input);
        assert!(
            links.diagnostics.is_empty(),
            "{input:?}: {:?}",
            links.diagnostics
        );
        let second = links
            .notes
            .iter()
            .find(|n| n.mark == "2")
            .expect("note 2")
            .id;
        let (at, _) = links
            .refs
            .iter()
            .find(|(_, id)| **id == second)
            .expect("note 2 linked");
        assert_eq!(at.0, line, "{input:?}");
        let (lines, _) = doc(input);
        let got = inlines(lines[line].text.trim(), line, &links.refs);
        let k = got
            .iter()
            .position(|x| *x == Inline::NoteRef(second))
            .expect("the recalled reference in the line's inlines");
        match &got[k - 1] {
            Inline::Text(t) => assert!(t.ends_with(before), "{t:?}"),
            other => panic!("{other:?}"),
        }
        // the digits are the marker, not text
        let text: String = got
            .iter()
            .filter_map(|x| match x {
                Inline::Text(t) => Some(t.as_str()),
                _ => None,
            })
            .collect();
        assert!(!text.contains(&format!("{before}2")), "{text:?}");
    }
}
