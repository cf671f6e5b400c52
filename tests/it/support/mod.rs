//! Shared test support: a hand-built Chinese book (invented text) using every model feature,
//! and helpers for reading EPUB files back.
#![allow(dead_code)]

pub mod batch;
pub mod outdir;
pub mod snapshot;
pub mod tools;
pub mod typst_fixture;
pub mod validators;
pub mod xmlcheck;

use paiban::model::*;

fn t(s: &str) -> Inline {
    Inline::Text(s.to_string())
}

fn r(n: usize) -> Inline {
    Inline::NoteRef(NoteId::new(n))
}

fn pb(n: &str) -> Inline {
    Inline::PageBreak(PageMark {
        number: n.to_string(),
        printed: true,
    })
}

fn para(line: usize, content: Vec<Inline>) -> Block {
    Block::Para(Para { content, line })
}

fn display(role: DisplayRole, text: &str, line: usize) -> Block {
    Block::Display(DisplayLine {
        role,
        content: vec![t(text)],
        line,
    })
}

fn person(name: &str, role: &str, label: Option<&str>) -> Contributor {
    Contributor {
        name: name.into(),
        role: Relator::new(role).unwrap(),
        label: label.map(String::from),
        file_as: Some(name.into()),
        affiliation: None,
    }
}

fn colophon(label: &str, value: &str, line: usize) -> ColophonEntry {
    ColophonEntry {
        label: label.into(),
        value: value.into(),
        line,
    }
}

fn toc(
    level: u8,
    label: Option<&str>,
    title: &str,
    page: &str,
    line: usize,
    target: Option<&str>,
) -> ContentsEntry {
    ContentsEntry {
        level,
        label: label.map(String::from),
        title: title.into(),
        page: Some(page.into()),
        line,
        target: target.map(String::from),
    }
}

fn note(n: usize, mark: &str, text: &str, line: usize) -> Note {
    Note {
        id: NoteId::new(n),
        mark: mark.into(),
        content: vec![t(text)],
        placement: NotePlacement::Footnote,
        line,
    }
}

/// The book title of the fixture.
pub const TITLE: &str = "乡村图书馆的兴起与流变";

/// A Chinese academic book in the shape of the seed, with invented text.
pub fn fixture_book() -> Book {
    let cip = CipRecord {
        heading: "图书在版编目(CIP)数据".into(),
        description: format!("{TITLE}/林晓舟等著"),
        imprint: "青川：青川人民出版社, 2011.9".into(),
        isbn: Some("ISBN 978-7-5411-2026-8".into()),
        tracings: vec![
            CipTracing {
                numeral: "I".into(),
                text: "乡…".into(),
            },
            CipTracing {
                numeral: "II".into(),
                text: "林…".into(),
            },
            CipTracing {
                numeral: "III".into(),
                text: "乡村—图书馆事业—研究—中国".into(),
            },
            CipTracing {
                numeral: "IV".into(),
                text: "G258.23".into(),
            },
        ],
        subjects: vec!["乡村—图书馆事业—研究—中国".into()],
        classification: Some("G258.23".into()),
        cip_number_line: Some("中国版本图书馆 CIP 数据核字(2011)第 081532 号".into()),
        cip_number: Some("2011-081532".into()),
        ..CipRecord::default()
    };
    let meta = Metadata {
        ebook_isbn: None,
        print_isbns: Vec::new(),
        lccn: None,
        title: TITLE.into(),
        subtitle: None,
        alt_title: Some(AltTitle {
            text: "Xiangcun Tushuguan de Xingqi yu Liubian".into(),
            language: paiban::model::LanguageTag::known("zh-Latn-pinyin"),
        }),
        authors: vec![person("林晓舟", "aut", None)],
        authors_et_al: true,
        author_statement: Some("林晓舟 等著".into()),
        contributors: vec![
            person("周明远", "edt", Some("责任编辑")),
            person("沈一禾", "cov", Some("封面设计")),
            person("陶然", "pfr", Some("责任校对")),
            person("顾清泉", "wpr", None),
            person("林晓舟", "aut", None),
        ],
        publisher: Some("青川人民出版社".into()),
        publisher_group: Some("青川出版集团".into()),
        place: Some("青川".into()),
        date: Some(PartialDate {
            year: 2011,
            month: Some(9),
            day: None,
        }),
        isbn: Some(Isbn {
            digits: "9787541120268".into(),
            printed: "978-7-5411-2026-8".into(),
        }),
        language: paiban::model::LanguageTag::known("zh-CN"),
        cip: Some(cip.clone()),
        trim: Some(TrimSize {
            width_mm: 148.0,
            height_mm: 210.0,
        }),
        print: PrintDetails {
            sheets: Some("12.5".into()),
            word_count: Some("180 千".into()),
            edition: Some("2011 年 9 月第 1 版".into()),
            impression: Some("2011 年 9 月第 1 次印刷".into()),
            price: Some("32.00 元".into()),
        },
        websites: vec!["www.example.cn".into()],
        emails: vec![],
        rights: Some("版权所有·侵权必究".into()),
        series: vec!["青川社会科学文库".into()],
        publisher_address: Some("青川市书院路 8 号".into()),
        subjects: vec!["乡村—图书馆事业—研究—中国".into(), "公共文化服务".into()],
        description: Some("本书考察了乡村图书馆从民间书屋到公共文化服务体系的演变。".into()),
        transcription: None,
    };

    let mut title_page = Division::new(DivisionKind::TitlePage, "titlepage", 1);
    title_page.blocks = vec![
        display(DisplayRole::Series, "青川社会科学文库", 1),
        display(DisplayRole::Title, TITLE, 2),
        display(
            DisplayRole::AltTitle,
            "Xiangcun Tushuguan de Xingqi yu Liubian",
            3,
        ),
        display(DisplayRole::Authors, "林晓舟 等著", 4),
        display(DisplayRole::Publisher, "青川人民出版社", 5),
    ];

    let mut copyright = Division::new(DivisionKind::CopyrightPage, "copyright", 7);
    copyright.blocks = vec![
        Block::Cip(Box::new(cip)),
        Block::Colophon(vec![
            colophon("责任编辑", "周明远", 16),
            colophon("封面设计", "沈一禾", 17),
            colophon("责任校对", "陶然", 18),
            colophon("出版发行", "青川人民出版社", 19),
            colophon("成品尺寸", "148mm×210mm", 20),
            colophon("印张", "12.5", 21),
            colophon("字数", "180 千", 22),
            colophon("书号", "ISBN 978-7-5411-2026-8", 23),
            colophon("定价", "32.00 元", 24),
        ]),
        Block::Notice(Para {
            content: vec![t("版权所有·侵权必究")],
            line: 26,
        }),
    ];

    let mut preface = Division::new(DivisionKind::Preface, "preface", 28);
    preface.title = vec![t("序")];
    preface.blocks = vec![
        para(
            30,
            vec![t(
                "乡村图书馆的故事，往往从一间借来的屋子和几箱捐来的旧书开始。",
            )],
        ),
        para(
            31,
            vec![
                t("作者们走访了十余个县，记下了管理员、读者和捐书人的讲述，"),
                pb("ii"),
                t("也整理了散落在档案里的账簿与借阅登记。"),
            ],
        ),
        Block::Signature(Para {
            content: vec![t("北方大学教授　顾清泉")],
            line: 33,
        }),
        Block::Dateline(Para {
            content: vec![t("2011年6月")],
            line: 34,
        }),
    ];

    let mut abstract_ = Division::new(DivisionKind::Abstract, "abstract", 36);
    abstract_.kicker = Some(vec![t(TITLE), r(0)]);
    abstract_.title = vec![t("内容提要")];
    abstract_.blocks = vec![para(
        39,
        vec![t(
            "本书考察了乡村图书馆从民间书屋到公共文化服务体系的演变。",
        )],
    )];

    let mut contents = Division::new(DivisionKind::Contents, "contents", 42);
    contents.title = vec![t("目录")];
    contents.blocks = vec![Block::Contents(vec![
        toc(1, Some("第一章"), "引言", "1", 43, Some("chapter-1")),
        toc(1, Some("第二章"), "书屋的由来", "9", 44, Some("chapter-2")),
        toc(
            2,
            Some("（一）"),
            "民间捐书",
            "9",
            45,
            Some("chapter-2-section-1"),
        ),
        toc(
            2,
            Some("（二）"),
            "借阅规则",
            "14",
            46,
            Some("chapter-2-section-2"),
        ),
        toc(1, Some("第三章"), "数字时代的书屋", "21", 47, None),
        toc(1, None, "参考文献", "40", 48, Some("bibliography")),
        toc(1, None, "后记", "45", 49, Some("afterword")),
    ])];

    let mut ch1 = Division::new(DivisionKind::Chapter, "chapter-1", 52);
    ch1.label = Some("第一章".into());
    ch1.title = vec![t("引言")];
    ch1.blocks = vec![
        para(
            54,
            vec![
                pb("1"),
                t("二十世纪八十年代，许多村庄第一次有了属于自己的书架。"),
                r(1),
                t("书架上多是农技手册和旧杂志。"),
            ],
        ),
        para(
            55,
            vec![
                t("这些书屋由谁出资、由谁看管，各地做法不一，"),
                pb("2"),
                t("但都离不开热心的乡村教师。"),
                r(2),
            ],
        ),
        Block::Quote(vec![para(57, vec![t("“书要有人读，屋要有人守。”")])]),
        para(58, vec![t("本章说明研究的材料与方法。")]),
    ];

    let mut s1 = Division::new(DivisionKind::Section, "chapter-2-section-1", 63);
    s1.label = Some("（一）".into());
    s1.title = vec![t("民间捐书")];
    s1.blocks = vec![para(
        64,
        vec![t("捐书的人有回乡的学者，也有在外务工的年轻人。"), r(4)],
    )];
    let mut s2 = Division::new(DivisionKind::Section, "chapter-2-section-2", 67);
    s2.label = Some("（二）".into());
    s2.title = vec![t("借阅规则")];
    s2.blocks = vec![
        para(
            68,
            vec![
                t("最早的借阅规则写在一块黑板上："),
                pb("4"),
                t("每人每次限借两册，七日归还。"),
                r(5),
            ],
        ),
        Block::List(List {
            start: Some(1),
            items: vec![
                vec![para(
                    70,
                    vec![
                        t("借书须登记姓名与"),
                        Inline::Emphasis(vec![t("村组")]),
                        t("。"),
                    ],
                )],
                vec![
                    para(71, vec![t("损坏书籍者照价赔偿：")]),
                    Block::List(List {
                        start: None,
                        items: vec![
                            vec![para(72, vec![t("污损者赔一半；")])],
                            vec![para(
                                73,
                                vec![Inline::Strong(vec![t("遗失")]), t("者赔全价。")],
                            )],
                        ],
                        line: 72,
                    }),
                ],
            ],
            line: 70,
        }),
    ];
    let mut ch2 = Division::new(DivisionKind::Chapter, "chapter-2", 60);
    ch2.label = Some("第二章".into());
    ch2.title = vec![t("书屋的由来"), r(3)];
    ch2.blocks = vec![para(62, vec![pb("3"), t("书屋的出现并非偶然。")])];
    ch2.children = vec![s1, s2];

    let mut bib = Division::new(DivisionKind::Bibliography, "bibliography", 72);
    bib.title = vec![t("参考文献")];
    bib.blocks = vec![
        para(
            73,
            vec![t("［1］王立平：《乡土阅读史》，青川人民出版社 2005 年版。")],
        ),
        para(
            74,
            vec![t("［2］陈冬：《书香与稻香》，北方出版社 2008 年版。")],
        ),
    ];
    let mut after = Division::new(DivisionKind::Afterword, "afterword", 76);
    after.title = vec![t("后记")];
    after.blocks = vec![
        para(77, vec![t("感谢所有接受访谈的管理员和读者。")]),
        Block::Signature(Para {
            content: vec![t("作者")],
            line: 78,
        }),
        Block::Dateline(Para {
            content: vec![t("2011年7月")],
            line: 79,
        }),
    ];

    Book {
        meta,
        front: vec![title_page, copyright, preface, abstract_, contents],
        body: vec![ch1, ch2],
        back: vec![bib, after],
        notes: vec![
            note(
                0,
                "①",
                "本书为青川省社会科学基金项目（批准号QC2009-17）的成果。",
                37,
            ),
            note(1, "①", "据县志记载，第一批书架由供销社捐赠。", 56),
            note(2, "②", "访谈记录，2010年4月，东岭村。", 57),
            note(3, "①", "本章部分内容曾以论文形式发表。", 61),
            note(4, "①", "参见王立平：《乡土阅读史》，第 88 页。", 65),
            note(5, "①", "借阅登记簿现存县档案馆。", 69),
        ],
    }
}

/// A `main.typ` as the text it prints, for tests that look for the book's text in it: each
/// `#box[…]` the writer binds characters with (孤字, contents phrases) is opened, and word
/// joiners go.
pub fn typst_text(main: &str) -> String {
    let mut out = String::with_capacity(main.len());
    let mut rest = main;
    while let Some(at) = rest.find("#box[") {
        out.push_str(&rest[..at]);
        let inner = &rest[at + 5..];
        match inner
            .find(']')
            .filter(|&end| !inner[..end].contains(['[', '#']))
        {
            Some(end) => {
                out.push_str(&inner[..end]);
                rest = &inner[end + 1..];
            }
            None => {
                out.push_str("#box[");
                rest = inner;
            }
        }
    }
    out.push_str(rest);
    out.replace('\u{2060}', "")
}
