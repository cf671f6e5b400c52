//! Table tests for note recognition and settling, and the helpers the linking tests
//! ([`link_tests`](super::link_tests)) share.

use super::super::classify::classify;
use super::*;

/// Lines of a little manuscript; `\u{c}` at a line's start is a form feed.
pub(super) fn doc(text: &str) -> (Vec<Line<'_>>, Vec<bool>) {
    let lines: Vec<Line<'_>> = text
        .split('\n')
        .enumerate()
        .map(|(i, t)| Line {
            no: i + 1,
            text: t.trim_start_matches('\u{c}'),
        })
        .collect();
    let feeds = text.split('\n').map(|t| t.starts_with('\u{c}')).collect();
    (lines, feeds)
}

/// Classifies, settles and links; returns the links and each line's short kind name.
pub(super) fn run(text: &str) -> (Links, Vec<String>) {
    let (lines, feeds) = doc(text);
    let mut kinds: Vec<Kind> = lines.iter().map(|l| classify(l.text)).collect();
    let scopes = settle(&lines, &mut kinds, &feeds);
    let pages = super::super::pages::assign(&kinds, &feeds);
    let names = kinds
        .iter()
        .map(|k| match k {
            Kind::Note { mark, .. } => format!("Note {mark}"),
            other => {
                let s = format!("{other:?}");
                s.split([' ', '{']).next().unwrap_or("").to_string()
            }
        })
        .collect();
    (link(&lines, &kinds, &pages, &scopes), names)
}

#[test]
fn note_lines() {
    let n = |m: &str, t: &str| {
        Some(Kind::Note {
            mark: m.into(),
            text: t.into(),
        })
    };
    let cases = [
        ("^① 某书，某社2001年版。", n("①", "某书，某社2001年版。")),
        ("^⑫参见某文。", n("⑫", "参见某文。")),
        ("正文^①。", None),
        ("① 没有脱字符", None),
        ("[1] 在上下文中才决定", None),
    ];
    for (input, want) in cases {
        assert_eq!(note_line(input), want, "{input:?}");
    }
}

#[test]
fn bodies_are_settled_in_context() {
    // (what, manuscript, kinds, (marker line, note text) per link, placements)
    type Case = (&'static str, &'static str, &'static [&'static str]);
    let cases: &[Case] = &[
        (
            "bracket footnote under a marker",
            "第一章 河\n正文[1]。\n\n[1] 某书。\n下一页。",
            &["Chapter", "Text", "Blank", "Note 1", "Text"],
        ),
        (
            "bracket line without a marker stays text",
            "第一章 河\n正文。\n\n[1] 某书。",
            &["Chapter", "Text", "Blank", "Text"],
        ),
        (
            "bare circled footnote; a circled list item mid-paragraph is text",
            "第一章 河\n其一①，\n① 不是注文，因为紧跟正文\n\n① 注文。",
            &["Chapter", "Text", "Text", "Blank", "Note ①"],
        ),
        (
            "a wrapped body continues on unmarked lines",
            "第一章 河\n正文〔1〕。\n\n〔1〕某某：《某书》，\n某社2001年版。\n下页正文。",
            &[
                "Chapter",
                "Text",
                "Blank",
                "Note 1",
                "NoteContinuation",
                "Text",
            ],
        ),
        (
            "English superscript digit after punctuation",
            "第一章 河\nIt was free.1 Then it was empty.”2\n\n1. See the river book.\n2 Ibid.",
            &["Chapter", "Text", "Blank", "Note 1", "Note 2"],
        ),
        (
            "a numbered list in a paged manuscript is no run of notes, though one number has a marker",
            "第一章 河\n文字1 在此。\n\n1. 第一步。\n2. 第二步。\n\u{c}下页。",
            &["Chapter", "Text", "Blank", "Text", "Text", "Text"],
        ),
        (
            "a number line with no marker on its page is text",
            "第一章 河\nIt was free.\n\n100 people came.",
            &["Chapter", "Text", "Blank", "Text"],
        ),
        (
            "references: numbered entries are not notes",
            "第一章 河\n正文[1]。\n参考文献\n[1] 张三. 河流[M]. 北京: 某社, 2001.",
            &["Chapter", "Text", "Matter", "Text"],
        ),
        (
            "chapter endnotes under 注释: heading absorbed, bodies are endnotes",
            "第一章 河\n正文①。\n又一句①。\n注释\n① 第一条。\n② 第二条，\n接续。\n第二章 山\n正文。",
            &[
                "Chapter",
                "Text",
                "Text",
                "Blank",
                "Note ①",
                "Note ②",
                "NoteContinuation",
                "Chapter",
                "Text",
            ],
        ),
        (
            "a bracket body right under a finished sentence (no blank line)",
            "第一章 河\n正文[1]。\n[1] 某书。\n下页。",
            &["Chapter", "Text", "Note 1", "Text"],
        ),
        (
            "bare digits right under running text stay text",
            "第一章 河\nIt was free.1\n1 more thing.",
            &["Chapter", "Text", "Text"],
        ),
        (
            "asterisk footnote",
            "第一章 河\nThe river was wide.*\n\n* A later survey disagrees.",
            &["Chapter", "Text", "Blank", "Note *"],
        ),
        (
            "circled digits in a CIP block before the first heading are not notes",
            "书名①\nⅢ. ①河流—研究\n① 不是注\n第一章 河\n正文。",
            &["Text", "Text", "Text", "Chapter", "Text"],
        ),
        (
            "Notes heading with numbered endnotes",
            "第一章 河\nIt was free.1\nNotes\n1. See the book.\nSecond line.",
            &["Chapter", "Text", "Blank", "Note 1", "NoteContinuation"],
        ),
        (
            "a Notes heading opening its page over notes grouped by chapter: the book's notes",
            "第一章 河\nIt was free.1\n\u{c}Notes\nC HAPTER 1 T HE RIVER\n1. See the book.",
            &["Chapter", "Text", "Matter", "Text", "Note 1"],
        ),
        (
            "the same heading under a running head is the chapter's own",
            "第一章 河\nIt was free.1\n\u{c}The River\nNotes\nC HAPTER 1 T HE RIVER\n1. See the book.",
            &["Chapter", "Text", "Text", "Blank", "Text", "Note 1"],
        ),
        (
            "a page-opening Notes heading over a chapter's numbered notes is the chapter's own",
            "第一章 河\nIt was free.1\n\u{c}Notes\n1. See the book.",
            &["Chapter", "Text", "Blank", "Note 1"],
        ),
        (
            "a body pushed onto the next page links to the page before",
            "第一章 河\n正文[1]，又[2]\n\n[1] 注一。\n\u{c}接着[1]。\n\n[2] 上页的注。\n[1] 本页的注。",
            &[
                "Chapter", "Text", "Blank", "Note 1", "Text", "Blank", "Note 2", "Note 1",
            ],
        ),
        (
            "page-foot numbers alone on their lines, the text below them (pdftotext)",
            "第一章 河\n正文项目1 ，又路径2 。\n1\n\n注一。\n2\n\n注二，\n续行\n\u{c}下页正文。",
            &[
                "Chapter",
                "Text",
                "Note 1",
                "Blank",
                "NoteContinuation",
                "Note 2",
                "Blank",
                "NoteContinuation",
                "NoteContinuation",
                "Text",
            ],
        ),
        (
            "numbering running through the chapter: 13 and 14",
            "第一章 河\n\u{c}路径13 。又执行14 安装\n13\n\n注十三。\n14 注十四。",
            &[
                "Chapter",
                "Text",
                "Note 13",
                "Blank",
                "NoteContinuation",
                "Note 14",
            ],
        ),
        (
            "the numbers of a page's first notes set after the notes (pdftotext)",
            "第一章 河\n正文项目1 ，又2 。再3 。\n说完了。\n注一的网址。\n注二的一行\n还有一行。\n3\n注三。\n1\n2\n\u{c}下页。",
            &[
                "Chapter",
                "Text",
                "Text",
                "Note 1",
                "Note 2",
                "NoteContinuation",
                "Note 3",
                "NoteContinuation",
                "Furniture",
                "Furniture",
                "Text",
            ],
        ),
        (
            "a marker the wrap set at the start of the next line (`5 如果…`)",
            "第一章 河\n\u{c}河水从山中流出，一路向东流入大海，沿途灌溉了大片农田。\n5 如果遇到干旱的年份，水量就会减少很多。\n下游的人们修建了水库。\n5 干旱年份的记录见附录。\n\u{c}下页。",
            &["Chapter", "Text", "Text", "Text", "Note 5", "Text"],
        ),
        (
            "numbered lines after a colon or in a row are a list, not markers the wrap moved",
            "第一章 河\n\u{c}步骤如下：\n1 打开文件。\n说明在此。\n操作完毕。\n2 保存文件。\n3 关闭文件。\n1 不是注。\n\u{c}下页。",
            &[
                "Chapter", "Text", "Text", "Text", "Text", "Text", "Text", "Text", "Text",
            ],
        ),
        (
            "a line of program output `[1] …` under a prompt `Browse[1]>` is no note",
            "第一章 河\n\u{c}Run it:\n  Browse[1]> n\n  [1] \"fit\"\n  > done\n\nMore text here.\nText.\n\u{c}下页。",
            &[
                "Chapter", "Text", "Text", "Text", "Text", "Blank", "Text", "Text", "Text",
            ],
        ),
        (
            "numbered code lines at a page foot are not notes",
            "第一章 河\n\u{c}见代码：\n1 int a;\n2 int b;\n3 int c;",
            &["Chapter", "Text", "Text", "Text", "Text"],
        ),
        (
            "Project Gutenberg `[Footnote 1: …]` over two lines",
            "第一章 河\nIt was late.[1] Then\n\n[Footnote 1: A note that runs\nover two lines.]\n\nMore text.",
            &[
                "Chapter",
                "Text",
                "Blank",
                "Note 1",
                "NoteContinuation",
                "Blank",
                "Text",
            ],
        ),
        (
            "Project Gutenberg `[A]` markers with a FOOTNOTES: block",
            "第一章 河\nThe ford[A] was deep.[B]\n\nFOOTNOTES:\n\n[A] Now a bridge.\n\n[B] In spring.",
            &[
                "Chapter", "Text", "Blank", "Blank", "Blank", "Note A", "Blank", "Note B",
            ],
        ),
        (
            "a transcriber's note is a note no marker calls",
            "第一章 河\nText.\n\n[Transcriber's Note: spelling kept.]\n\nMore.",
            &["Chapter", "Text", "Blank", "Note TN", "Blank", "Text"],
        ),
        (
            "kana keys under a boxed 注釋 heading; the block ends at a line set further left",
            "第一章 河\n    去了ヾ，又ゝ。\n\n    □注釋\n\n    ヾ第一条，\n\n    接续。\n\n    ゝ第二条。\n\n\n下一篇\n\n    正文。",
            &[
                "Chapter",
                "Text",
                "Blank",
                "Blank",
                "Blank",
                "Note ヾ",
                "Blank",
                "NoteContinuation",
                "Blank",
                "Note ゝ",
                "Blank",
                "Blank",
                "Text",
                "Blank",
                "Text",
            ],
        ),
        (
            "an entry whose key was lost (a full-width space in its place) keeps the block open",
            "第一章 河\n    去了ヾ，又ゝ。\n\n    □注釋\n\n    ヾ第一条。\n\n    　无键的一条。\n\n    ゝ第二条。\n\n\n下一篇\n\n    正文。",
            &[
                "Chapter",
                "Text",
                "Blank",
                "Blank",
                "Blank",
                "Note ヾ",
                "Blank",
                "NoteContinuation",
                "Blank",
                "Note ゝ",
                "Blank",
                "Blank",
                "Text",
                "Blank",
                "Text",
            ],
        ),
        (
            "an underlined Footnotes heading; the block ends at a rule",
            "第一章 河\nSun Tzu:  [1] and Ho Lu, [2] King.\n\nFootnotes\n---------\n\n1.  First.\n\n2.  Second\nline.\n\n-----\n\n3 was the count.",
            &[
                "Chapter",
                "Text",
                "Blank",
                "Blank",
                "Text",
                "Blank",
                "Note 1",
                "Blank",
                "Note 2",
                "NoteContinuation",
                "Blank",
                "Text",
                "Blank",
                "Text",
            ],
        ),
    ];
    for (what, input, want) in cases {
        let (_, got) = run(input);
        assert_eq!(&got, want, "{what}");
    }
}
