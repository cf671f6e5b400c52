//! Hand-built books for the Typst tests: a Chinese academic book (invented text) and a hostile one.

#![allow(dead_code)]

use paiban::model::*;

/// Builds inline runs and notes for one book.
pub struct Builder {
    pub notes: Vec<Note>,
    line: usize,
}

impl Builder {
    pub fn new() -> Self {
        Builder {
            notes: Vec::new(),
            line: 1,
        }
    }

    fn next_line(&mut self) -> usize {
        self.line += 1;
        self.line
    }

    /// A note reference to a new footnote with this text.
    pub fn note(&mut self, text: &str) -> Inline {
        let id = NoteId::new(self.notes.len());
        let line = self.next_line();
        self.notes.push(Note {
            id,
            mark: "①".into(),
            content: vec![Inline::Text(text.into())],
            placement: NotePlacement::Footnote,
            line,
        });
        Inline::NoteRef(id)
    }

    pub fn para(&mut self, content: Vec<Inline>) -> Block {
        Block::Para(Para {
            content,
            line: self.next_line(),
        })
    }

    pub fn text_para(&mut self, text: &str) -> Block {
        self.para(vec![t(text)])
    }

    pub fn display(&mut self, role: DisplayRole, text: &str) -> Block {
        Block::Display(DisplayLine {
            role,
            content: vec![t(text)],
            line: self.next_line(),
        })
    }
}

pub fn t(s: &str) -> Inline {
    Inline::Text(s.into())
}

pub fn division(kind: DivisionKind, id: &str, label: Option<&str>, title: Vec<Inline>) -> Division {
    let mut d = Division::new(kind, id, 1);
    d.label = label.map(str::to_string);
    d.title = title;
    d
}

fn entry(label: &str, value: &str) -> ColophonEntry {
    ColophonEntry {
        label: label.into(),
        value: value.into(),
        line: 1,
    }
}

/// Sentences of the invented book, combined into paragraphs.
const SENTENCES: &[&str] = &[
    "社区是城市治理的基本单元，居民的日常诉求大多在这里被听见、被回应。",
    "协商并不是简单的开会，而是让不同利益的居民在规则之下把分歧讲清楚。",
    "过去十年间，许多街道尝试设立议事厅，把停车、绿化和加装电梯等事务交给居民共同商量。",
    "实践表明，议题越具体，参与的人越多，形成的方案也越容易落地。",
    "但是，协商的成本同样不可忽视：时间、场地和组织者的精力都需要投入。",
    "本书把这些经验放在制度演进的脉络中加以考察，既看成效，也看难处。",
    "我们在三个城市的十二个社区做了为期两年的观察，访谈了近两百位居民和工作人员。",
    "调查中的一个突出印象是，年轻住户更愿意在网上表达意见，而老年住户更看重面对面的交流。",
];

fn paragraph_text(seed: usize, len: usize) -> String {
    (0..len)
        .map(|k| SENTENCES[(seed * 3 + k) % SENTENCES.len()])
        .collect()
}

/// 《城乡社区协商治理研究》: the fixture book, in the seed's shape, with invented text.
pub fn chinese_book() -> Book {
    let mut b = Builder::new();
    let title = "城乡社区协商治理研究";
    let meta = Metadata {
        title: title.into(),
        alt_title: Some(AltTitle {
            text: "Chengxiang Shequ Xieshang Zhili Yanjiu".into(),
            language: paiban::model::LanguageTag::known("zh-Latn-pinyin"),
        }),
        authors: vec![Contributor {
            name: "林远".into(),
            role: Relator::author(),
            label: None,
            file_as: Some("林远".into()),
            affiliation: None,
        }],
        authors_et_al: true,
        author_statement: Some("林远 等著".into()),
        publisher: Some("西川人民出版社".into()),
        place: Some("锦城".into()),
        date: Some(PartialDate {
            year: 2009,
            month: Some(3),
            day: None,
        }),
        isbn: Some(Isbn {
            digits: "9787500012344".into(),
            printed: "978-7-5000-1234-4".into(),
        }),
        language: paiban::model::LanguageTag::known("zh-CN"),
        cip: Some(cip()),
        trim: Some(TrimSize {
            width_mm: 160.0,
            height_mm: 230.0,
        }),
        websites: vec!["http://www.xichuan-example.cn".into()],
        rights: Some("版权所有·侵权必究".into()),
        ..Metadata::default()
    };

    let mut title_page = division(DivisionKind::TitlePage, "titlepage", None, vec![]);
    title_page.blocks = vec![
        b.display(DisplayRole::Series, "国家社会科学基金项目成果"),
        b.display(DisplayRole::Title, title),
        b.display(
            DisplayRole::AltTitle,
            "Chengxiang Shequ Xieshang Zhili Yanjiu",
        ),
        b.display(DisplayRole::Authors, "林远 等著"),
        b.display(DisplayRole::Publisher, "西川人民出版社"),
    ];

    let mut copyright = division(DivisionKind::CopyrightPage, "copyright", None, vec![]);
    copyright.blocks = vec![
        Block::Cip(Box::new(cip())),
        Block::Colophon(vec![
            entry("责任编辑", "陈默"),
            entry("封面设计", "赵一"),
            entry("责任校对", "钱二"),
            entry("出版发行", "西川人民出版社（锦城市青石路 8 号）"),
            entry("网址", "http://www.xichuan-example.cn"),
            entry("成品尺寸", "160mm×230mm"),
            entry("印张", "16.5"),
            entry("字数", "240 千"),
            entry("版次", "2009 年 3 月第 1 版"),
            entry("书号", "ISBN 978-7-5000-1234-4"),
            entry("定价", "32.00 元"),
        ]),
        Block::Notice(Para {
            content: vec![t("版权所有·侵权必究")],
            line: 1,
        }),
    ];

    let mut preface = division(DivisionKind::Preface, "preface", None, vec![t("序")]);
    let n = b.note("见《社区议事规则汇编》，锦城出版社 2006 年版，第 12 页。");
    preface.blocks = vec![
        b.text_para(&paragraph_text(1, 4)),
        b.para(vec![
            t(&paragraph_text(2, 3)),
            n,
            t("这是一部值得细读的书。"),
        ]),
        Block::Signature(Para {
            content: vec![t("锦城大学教授　顾南山")],
            line: 1,
        }),
        Block::Dateline(Para {
            content: vec![t("2008年11月")],
            line: 1,
        }),
    ];

    let mut abstract_ = division(
        DivisionKind::Abstract,
        "abstract",
        None,
        vec![t("内容提要")],
    );
    let kicker_note = b.note(
        "本书为 2005 年度国家社会科学基金项目“城乡社区协商机制”（批准号 05XYZ321）的最终成果。",
    );
    abstract_.kicker = Some(vec![t(title), kicker_note]);
    abstract_.blocks = vec![
        b.text_para(&paragraph_text(3, 5)),
        b.text_para(&paragraph_text(4, 3)),
    ];

    let mut contents = division(DivisionKind::Contents, "contents", None, vec![t("目录")]);
    contents.blocks = vec![Block::Contents(vec![
        toc(1, Some("第一章"), "导论", "1"),
        toc(1, Some("第二章"), "议事制度的形成", "9"),
        toc(2, Some("（一）"), "街道议事厅", "9"),
        toc(2, Some("（二）"), "楼栋会议", "12"),
        toc(1, None, "参考文献", "15"),
        toc(1, None, "后记", "17"),
    ])];

    // 第一章: no sections, two or three notes on most pages.
    let mut ch1 = division(
        DivisionKind::Chapter,
        "chapter-1",
        Some("第一章"),
        vec![t("导论")],
    );
    for k in 0..9 {
        let n1 = b.note(&format!(
            "导论注释{}：参见《基层治理年鉴》，锦城出版社 200{} 年版。",
            k + 1,
            k % 9
        ));
        let n2 = b.note(&format!(
            "导论补注{}：访谈记录，编号 A-{:02}。",
            k + 1,
            k + 1
        ));
        let p = b.para(vec![
            t(&paragraph_text(k, 3)),
            n1,
            t(&paragraph_text(k + 5, 2)),
            n2,
            t(&paragraph_text(k + 2, 2)),
        ]);
        ch1.blocks.push(p);
    }

    // 第二章: a title with a note, two sections.
    let title_note = b.note("本章部分内容曾以论文形式发表。");
    let mut ch2 = division(
        DivisionKind::Chapter,
        "chapter-2",
        Some("第二章"),
        vec![t("议事制度的形成"), title_note],
    );
    ch2.blocks.push(b.text_para(&paragraph_text(6, 2)));
    for (i, (label, name)) in [("（一）", "街道议事厅"), ("（二）", "楼栋会议")]
        .iter()
        .enumerate()
    {
        let mut s = division(
            DivisionKind::Section,
            &format!("chapter-2-section-{}", i + 1),
            Some(label),
            vec![t(name)],
        );
        for k in 0..3 {
            let n = b.note(&format!("{name}资料{}：社区档案，第 {} 卷。", k + 1, k + 3));
            let p = b.para(vec![
                t(&paragraph_text(k + i, 3)),
                n,
                t(&paragraph_text(k + 4, 2)),
            ]);
            s.blocks.push(p);
        }
        ch2.children.push(s);
    }

    let mut refs = division(
        DivisionKind::Bibliography,
        "bibliography",
        None,
        vec![t("参考文献")],
    );
    refs.blocks = vec![
        b.text_para("1. 顾南山：《社区议事规则汇编》，锦城出版社 2006 年版。"),
        b.text_para("2. 林远：《协商的技艺》，西川人民出版社 2004 年版。"),
    ];
    let mut afterword = division(DivisionKind::Afterword, "afterword", None, vec![t("后记")]);
    afterword.blocks = vec![b.text_para(&paragraph_text(7, 3))];

    Book {
        meta,
        front: vec![title_page, copyright, preface, abstract_, contents],
        body: vec![ch1, ch2],
        back: vec![refs, afterword],
        notes: b.notes,
    }
}

fn toc(level: u8, label: Option<&str>, title: &str, page: &str) -> ContentsEntry {
    ContentsEntry {
        level,
        label: label.map(str::to_string),
        title: title.into(),
        page: Some(page.into()),
        line: 1,
        target: None,
    }
}

fn cip() -> CipRecord {
    CipRecord {
        heading: "图书在版编目(CIP)数据".into(),
        description: "城乡社区协商治理研究/林远等著.".into(),
        imprint: "锦城：西川人民出版社, 2009. 3".into(),
        isbn: Some("ISBN 978-7-5000-1234-4".into()),
        tracings: vec![
            CipTracing {
                numeral: "I".into(),
                text: "城…".into(),
            },
            CipTracing {
                numeral: "II".into(),
                text: "林…".into(),
            },
            CipTracing {
                numeral: "III".into(),
                text: "社区—群众自治—研究—中国".into(),
            },
            CipTracing {
                numeral: "IV".into(),
                text: "D669.3".into(),
            },
        ],
        subjects: vec!["社区—群众自治—研究—中国".into()],
        classification: Some("D669.3".into()),
        cip_number_line: Some("中国版本图书馆 CIP 数据核字(2009)第 012345 号".into()),
        cip_number: Some("2009-012345".into()),
        ..CipRecord::default()
    }
}

/// Strings that are Typst syntax, quotes and other traps; each must print literally.
pub const HOSTILE: &[&str] = &[
    "#set page(width: 1mm)",
    "$x^2$ 和 *粗体* 与 _斜体_",
    "@ref <label> [方括号] {花括号}",
    "反斜杠 \\ 与 ~ 波浪",
    "// not a comment",
    "/* block */ 之后",
    "http://www.example.com/a?b=1&c=2#frag",
    "\"straight\" and 'single'",
    "`raw` 文本",
    "= 不是标题",
    "- 不是列表",
    "+ 不是编号",
    "/ 不是术语: 定义",
    "1. 不是编号",
    "破折号--和---以及...",
    "</p><script>alert(1)</script>",
];

/// A small book whose titles, paragraphs, notes and colophon hold [`HOSTILE`] strings.
pub fn hostile_book() -> Book {
    let mut b = Builder::new();
    let mut meta = Metadata {
        title: "#题名 $x$ *书*".into(),
        language: paiban::model::LanguageTag::known("zh-CN"),
        trim: Some(TrimSize {
            width_mm: 160.0,
            height_mm: 230.0,
        }),
        ..Metadata::default()
    };
    meta.authors.push(Contributor {
        name: "作者\"引号\"".into(),
        role: Relator::author(),
        label: None,
        file_as: None,
        affiliation: None,
    });
    let mut copyright = division(DivisionKind::CopyrightPage, "copyright", None, vec![]);
    copyright.blocks = vec![Block::Colophon(vec![
        entry("网址", HOSTILE[6]),
        entry("#标签", "[值]"),
    ])];
    let mut ch = division(
        DivisionKind::Chapter,
        "chapter-1",
        Some("第一章"),
        vec![t("= 标题 #x")],
    );
    for (i, h) in HOSTILE.iter().enumerate() {
        let n = b.note(&format!("注{i} {h}"));
        ch.blocks.push(b.para(vec![t(h), n, t(".after")]));
    }
    Book {
        meta,
        front: vec![copyright],
        body: vec![ch],
        back: vec![],
        notes: b.notes,
    }
}

pub use super::tools::{poppler, typst as compiler};

/// PDF options finding the compiler as `main` would ([`super::tools::settings`]), no timestamp.
pub fn pdf_options() -> paiban::pdf::PdfOptions {
    paiban::pdf::PdfOptions {
        settings: super::tools::settings(),
        timestamp: None,
    }
}

/// Runs a program and returns its stdout as text.
pub fn run(program: &str, args: &[&str]) -> String {
    let o = std::process::Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program}: {e}"));
    assert!(
        o.status.success(),
        "{program} {args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Writes `book`'s project into a temp dir and compiles it; returns the dir and the PDF path.
pub fn build_pdf(book: &Book) -> (tempfile::TempDir, std::path::PathBuf) {
    build_pdf_with(book, &Default::default())
}

/// [`build_pdf`] with writer options.
pub fn build_pdf_with(
    book: &Book,
    wopts: &paiban::writer::typst::TypstOptions,
) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let project = paiban::writer::typst::write_typst(book, wopts);
    project.write_to(dir.path()).expect("write project");
    let pdf = dir.path().join("book.pdf");
    let opts = paiban::pdf::PdfOptions {
        timestamp: Some(1_236_000_000),
        ..pdf_options()
    };
    if let Err(e) = paiban::pdf::compile_project(dir.path(), &pdf, &opts) {
        panic!("compile failed: {e}");
    }
    (dir, pdf)
}
