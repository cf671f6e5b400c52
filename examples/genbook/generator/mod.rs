//! 样书生成器 (benchmark-book generator): an original, book-shaped manuscript in the seed's
//! conventions, and the same book as pandoc Markdown, from a seed and a character count.
//!
//! Shared by `examples/genbook` (the CLI) and `benches/pipeline.rs` (through `#[path]`).

pub mod manuscript;
mod markdown;
pub mod vocab;

use vocab::Rng;

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct Params {
    /// The approximate number of characters of the manuscript (字数).
    pub chars: usize,
    /// The PRNG seed; the same seed and size give the same book byte for byte.
    pub seed: u64,
}

/// A generated book in both forms.
#[derive(Debug, Clone)]
pub struct Generated {
    /// The print-extracted manuscript (plain text, UTF-8).
    pub manuscript: String,
    /// The same book as pandoc Markdown with a YAML metadata block and `[^n]` footnotes.
    pub markdown: String,
    /// The ISBN-13 digits printed in the book.
    pub isbn: String,
    /// The number of chapters (章).
    pub chapters: usize,
    /// The number of notes (注释) in the whole book.
    pub notes: usize,
    /// The number of printed body pages.
    pub pages: usize,
}

/// A paragraph (段落): text plus notes anchored after a character index.
#[derive(Debug, Clone)]
struct Para {
    /// The text without note markers.
    text: String,
    /// `(n, note)`: the note's marker follows the n-th character (1-based) of `text`.
    notes: Vec<(usize, String)>,
}

impl Para {
    fn plain(text: impl Into<String>) -> Self {
        Para {
            text: text.into(),
            notes: Vec::new(),
        }
    }
}

/// 节 (a section, printed `（一）标题`).
#[derive(Debug, Clone)]
struct Section {
    title: String,
    paras: Vec<Para>,
}

/// 章 (a chapter: `第N章` on one line, its title on the next).
#[derive(Debug, Clone)]
struct Chapter {
    title: String,
    intro: Vec<Para>,
    sections: Vec<Section>,
}

/// Bibliographic facts printed on the title and copyright pages.
#[derive(Debug, Clone)]
struct Meta {
    title: String,
    pinyin: String,
    author: String,
    co_authors: Vec<String>,
    group: String,
    publisher: String,
    place: String,
    year: usize,
    month: usize,
    isbn: String,
    series: String,
    approval: String,
    preface_writer: String,
    editors: [String; 4],
}

/// The whole invented book before it is laid out.
#[derive(Debug, Clone)]
struct Book {
    meta: Meta,
    preface: Vec<Para>,
    abstract_note: String,
    summary: Vec<Para>,
    chapters: Vec<Chapter>,
    afterword: Vec<Para>,
}

const TITLES: &[(&str, &str)] = &[
    (
        "青石河流域水利协作的历史考察",
        "Qingshihe liuyu shuili xiezuo de lishi kaocha",
    ),
    (
        "山地灌区用水秩序的变迁研究",
        "Shandi guanqu yongshui zhixu de bianqian yanjiu",
    ),
    (
        "沿河村落公共水权的形成与治理",
        "Yanhe cunluo gonggong shuiquan de xingcheng yu zhili",
    ),
];

/// The ISBN-13 check digit of the first twelve digits.
pub fn isbn13_check(first12: &str) -> u32 {
    let sum: u32 = first12
        .chars()
        .filter_map(|c| c.to_digit(10))
        .enumerate()
        .map(|(i, d)| if i % 2 == 0 { d } else { 3 * d })
        .sum();
    (10 - sum % 10) % 10
}

/// Chinese numerals (中文数字) for 1–999: 一, 十二, 二十, 一百零三.
pub fn chinese_number(n: usize) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let (h, t, u) = (n / 100 % 10, n / 10 % 10, n % 10);
    let mut s = String::new();
    if h > 0 {
        s.push_str(DIGITS[h]);
        s.push('百');
    }
    if t > 0 {
        if h > 0 || t > 1 {
            s.push_str(DIGITS[t]);
        }
        s.push('十');
    } else if h > 0 && u > 0 {
        s.push('零');
    }
    if u > 0 {
        s.push_str(DIGITS[u]);
    }
    s
}

fn meta(rng: &mut Rng) -> Meta {
    let (title, pinyin) = TITLES[rng.range(0, TITLES.len() - 1)];
    let place = rng.pick(vocab::PLACES).to_string();
    let first12 = format!("9787{:04}{:04}", rng.range(5000, 5999), rng.range(0, 9999));
    let check = isbn13_check(&first12);
    let isbn = format!(
        "{}-{}-{}-{}-{}",
        &first12[0..3],
        &first12[3..4],
        &first12[4..8],
        &first12[8..12],
        check
    );
    Meta {
        title: title.into(),
        pinyin: pinyin.into(),
        author: vocab::person(rng),
        co_authors: (0..3).map(|_| vocab::person(rng)).collect(),
        group: format!("{place}出版集团"),
        publisher: format!("{place}人民出版社"),
        place,
        year: rng.range(2003, 2012),
        month: rng.range(1, 12),
        isbn,
        series: "省哲学社会科学规划项目".into(),
        approval: format!("{:02}SK{:03}", rng.range(1, 9), rng.range(1, 999)),
        preface_writer: vocab::person(rng),
        editors: [
            vocab::person(rng),
            vocab::person(rng),
            vocab::person(rng),
            vocab::person(rng),
        ],
    }
}

/// A paragraph of `lo..=hi` sentences; with probability `note_pct` one sentence carries a note.
fn para(rng: &mut Rng, lo: usize, hi: usize, note_pct: u64) -> Para {
    let n = rng.range(lo, hi);
    let noted = if rng.chance(note_pct) {
        Some(rng.range(0, n - 1))
    } else {
        None
    };
    let mut p = Para::plain(String::new());
    let mut len = 0;
    for i in 0..n {
        let s = vocab::sentence(rng);
        len += s.chars().count();
        p.text.push_str(&s);
        if noted == Some(i) {
            // After the 。 or just before it, as printed books do both.
            let at = if rng.chance(50) { len } else { len - 1 };
            p.notes.push((at, vocab::citation(rng)));
        }
    }
    p
}

/// Characters a paragraph adds to the manuscript (text, markers, note lines, blank lines).
fn para_cost(p: &Para) -> usize {
    p.text.chars().count()
        + 2
        + p.notes
            .iter()
            .map(|(_, n)| n.chars().count() + 6)
            .sum::<usize>()
}

fn book(params: Params) -> Book {
    let mut rng = Rng::new(params.seed);
    let meta = meta(&mut rng);
    let preface: Vec<Para> = (0..rng.range(5, 8))
        .map(|_| para(&mut rng, 4, 9, 20))
        .collect();
    let summary: Vec<Para> = (0..rng.range(4, 7))
        .map(|_| para(&mut rng, 3, 7, 0))
        .collect();
    let afterword: Vec<Para> = (0..2).map(|_| para(&mut rng, 3, 6, 0)).collect();
    let abstract_note = format!(
        "本书是{}{}年{}（批准号{}）的最终成果。",
        meta.place,
        meta.year - 3,
        meta.series,
        meta.approval
    );
    let fixed: usize = 1_200
        + [&preface, &summary, &afterword]
            .iter()
            .flat_map(|v| v.iter())
            .map(para_cost)
            .sum::<usize>();
    let target = params.chars.saturating_sub(fixed);
    let mut used = 0;
    let mut chapters = Vec::new();
    while used < target {
        let number = chapters.len() + 1;
        let title = if number == 1 {
            "引言".to_string()
        } else {
            vocab::title(&mut rng)
        };
        used += 60;
        let mut ch = Chapter {
            title,
            intro: Vec::new(),
            sections: Vec::new(),
        };
        for _ in 0..rng.range(1, 3) {
            let p = para(&mut rng, 4, 12, 25);
            used += para_cost(&p);
            ch.intro.push(p);
        }
        // The contents needs a line per entry: count it here too.
        let sections = if number == 1 { 0 } else { rng.range(3, 8) };
        for _ in 0..sections {
            if used >= target {
                break;
            }
            let mut s = Section {
                title: vocab::title(&mut rng),
                paras: Vec::new(),
            };
            used += 70;
            for _ in 0..rng.range(6, 20) {
                if used >= target {
                    break;
                }
                let p = para(&mut rng, 4, 14, 30);
                used += para_cost(&p);
                s.paras.push(p);
            }
            ch.sections.push(s);
        }
        chapters.push(ch);
    }
    Book {
        meta,
        preface,
        abstract_note,
        summary,
        chapters,
        afterword,
    }
}

/// Generates the book of about `params.chars` characters in both forms.
pub fn generate(params: Params) -> Generated {
    let book = book(params);
    let laid = manuscript::render(&book, params.seed);
    Generated {
        markdown: markdown::render(&book),
        isbn: book.meta.isbn.replace('-', ""),
        chapters: book.chapters.len(),
        notes: laid.notes,
        pages: laid.pages,
        manuscript: laid.text,
    }
}
