//! 排印稿 (the manuscript as print extraction leaves it): printed pages flattened into lines,
//! notes at each page's foot in the middle of running text, paragraphs split at page breaks.

use super::vocab::Rng;
use super::{Book, Meta, Para, chinese_number};

/// Characters on a printed page (a 160mm×230mm page holds about 28 lines of 30).
const PAGE_CHARS: usize = 840;

/// The laid-out manuscript and what the layout counted.
pub struct Laid {
    /// The manuscript text.
    pub text: String,
    /// Notes printed.
    pub notes: usize,
    /// Body pages printed.
    pub pages: usize,
}

/// The circled note marker (①…⑳) for the n-th note of a page.
pub fn circled(n: usize) -> char {
    assert!((1..=20).contains(&n), "too many notes on one page: {n}");
    char::from_u32(0x2460 + n as u32 - 1).expect("circled digit")
}

/// 分页器 (pager): fills printed pages and writes them out as extracted text.
struct Pager<'a> {
    out: String,
    used: usize,
    page: usize,
    notes: Vec<String>,
    total_notes: usize,
    rng: &'a mut Rng,
}

impl<'a> Pager<'a> {
    fn new(rng: &'a mut Rng) -> Self {
        Pager {
            out: String::new(),
            used: 0,
            page: 1,
            notes: Vec::new(),
            total_notes: 0,
            rng,
        }
    }

    /// Ends the page: its notes go to its foot; a mid-paragraph break without notes leaves a gap.
    fn break_page(&mut self, mid_paragraph: bool) {
        if self.notes.is_empty() {
            if mid_paragraph && self.rng.chance(50) {
                self.out.push_str("\n\n");
            }
        } else {
            for (i, n) in self.notes.drain(..).enumerate() {
                self.out.push('^');
                self.out.push(circled(i + 1));
                self.out.push(' ');
                self.out.push_str(&n);
                self.out.push_str("\n\n");
            }
        }
        self.page += 1;
        self.used = 0;
    }

    /// Starts a new page unless the current one is still empty.
    fn fresh_page(&mut self) {
        if self.used > 0 {
            self.break_page(false);
        }
    }

    /// Writes characters `from..to` of a paragraph with the markers of notes anchored there.
    fn part(&mut self, chars: &[char], p: &Para, from: usize, to: usize) {
        let mut notes = p.notes.iter().filter(|(at, _)| *at > from && *at <= to);
        let mut next = notes.next();
        for (i, c) in chars[from..to].iter().enumerate() {
            self.out.push(*c);
            while let Some((at, text)) = next {
                if *at != from + i + 1 {
                    break;
                }
                self.notes.push(text.clone());
                self.total_notes += 1;
                self.out.push('^');
                self.out.push(circled(self.notes.len()));
                self.used += text.chars().count() / 2 + 30;
                next = notes.next();
            }
        }
        self.used += to - from;
        self.out.push_str("\n\n");
    }

    /// A line that is never split (a heading, a signature), with its notes.
    fn line(&mut self, p: &Para) {
        let chars: Vec<char> = p.text.chars().collect();
        if self.used + chars.len() + 30 > PAGE_CHARS {
            self.fresh_page();
        }
        self.part(&chars, p, 0, chars.len());
        self.used += 30;
    }

    /// A paragraph, split across as many page breaks as it meets (even mid-word).
    fn para(&mut self, p: &Para) {
        let chars: Vec<char> = p.text.chars().collect();
        let mut start = 0;
        while start < chars.len() {
            if self.used + 20 > PAGE_CHARS {
                self.break_page(false);
            }
            let room = PAGE_CHARS - self.used;
            let mut split = start + room;
            if split >= chars.len() {
                self.part(&chars, p, start, chars.len());
                return;
            }
            // A part ending in 。！？ would read as a paragraph end, and print never starts a
            // line with closing punctuation: move the break a little.
            while split < chars.len() - 1
                && (matches!(chars[split - 1], '。' | '！' | '？' | '”')
                    || matches!(chars[split], '，' | '。' | '、' | '；' | '：' | '”' | '）'))
            {
                split += 1;
            }
            self.part(&chars, p, start, split);
            self.break_page(true);
            start = split;
        }
    }
}

fn title_page(m: &Meta, out: &mut String) {
    let wrap = m.title.chars().count() * 3 / 5;
    let wrapped: String = m
        .title
        .chars()
        .enumerate()
        .flat_map(|(i, c)| (i == wrap).then_some(' ').into_iter().chain([c]))
        .collect();
    out.push_str(&format!(
        "\n\n{}\n批准号 ({})\n\n{}\n\n{wrapped}\n\n{} 等著\n\n\n\n{}\n{}\n\n",
        m.series, m.approval, m.pinyin, m.author, m.group, m.publisher
    ));
    out.push_str(&format!(
        "{wrapped}\n\n{} 等著\n\n{}\n{}\n\n",
        m.author, m.group, m.publisher
    ));
}

fn copyright_page(m: &Meta, words: usize, pages: usize, out: &mut String) {
    let first: String = m.title.chars().take(1).collect();
    let surname: String = m.author.chars().take(1).collect();
    let tracings = format!("I. {first}… II. {surname}… III. 水利工程—协作—研究—中国 IV. TV213");
    let cut = tracings.chars().count() * 4 / 5;
    let a: String = tracings.chars().take(cut).collect();
    let b: String = tracings.chars().skip(cut).collect();
    let (a, b) = (a.trim_end(), b.trim_start());
    out.push_str(&format!(
        "图书在版编目(CIP)数据\n\n{}/{}等著. —{}：\n{}, {}. {}\nISBN {}\n\n{a}\n{b}\n\n",
        m.title, m.author, m.place, m.publisher, m.year, m.month, m.isbn
    ));
    out.push_str(&format!(
        "中国版本图书馆 CIP 数据核字({})第 {:06} 号\n\n{}\n\n{}\n\n{} 等著\n\n",
        m.year,
        (m.isbn.len() * 7919 + m.year * 31) % 1_000_000,
        m.pinyin.to_uppercase(),
        m.title,
        m.author
    ));
    let e = &m.editors;
    let spaced = |name: &str| -> String {
        if name.chars().count() == 2 {
            name.chars().map(String::from).collect::<Vec<_>>().join(" ")
        } else {
            name.to_string()
        }
    };
    let rows = [
        ("责任编辑", spaced(&e[0])),
        ("封面设计", e[1].clone()),
        ("技术设计", spaced(&e[2])),
        ("责任校对", e[3].clone()),
        (
            "出版发行",
            format!("{}({}河街 8 号) {}", m.group, m.place, m.publisher),
        ),
        (
            "网 址",
            "http://www.example-press.cn E-mail: office@example-press.cn".into(),
        ),
        ("照 排", format!("{}文字制作有限公司", m.place)),
        ("印 刷", format!("{}彩印有限责任公司", m.place)),
        ("成品尺寸", "160mm×230mm".into()),
        ("印 张", format!("{}", pages.div_ceil(16))),
        ("字 数", format!("{} 千", words / 1000)),
        ("版 次", format!("{} 年 {} 月第 1 版", m.year, m.month)),
        ("印 次", format!("{} 年 {} 月第 1 次印刷", m.year, m.month)),
        ("书 号", format!("ISBN {}", m.isbn)),
        ("定 价", format!("{}.00 元", 20 + pages / 20)),
    ];
    for (label, value) in rows {
        out.push_str(&format!("{label}\t{value}\n"));
    }
    out.push_str("\n■ 版权所有·侵权必究\n\n本书若有印装质量问题,请与本社发行部联系调换\n\n");
}

/// Renders the whole manuscript; `seed` drives page-gap choices.
pub(super) fn render(book: &Book, seed: u64) -> Laid {
    let mut rng = Rng::new(seed.wrapping_add(1));
    // The body first: the printed contents needs its page numbers.
    let mut body = Pager::new(&mut rng);
    let mut entries: Vec<(String, usize)> = Vec::new();
    for (i, ch) in book.chapters.iter().enumerate() {
        body.fresh_page();
        let label = format!("第{}章", chinese_number(i + 1));
        let leader = if i % 3 == 2 { "....." } else { "" };
        entries.push((format!("{label} {}{leader}", ch.title), body.page));
        body.line(&Para::plain(label));
        body.line(&Para::plain(ch.title.clone()));
        ch.intro.iter().for_each(|p| body.para(p));
        for (j, s) in ch.sections.iter().enumerate() {
            let n = chinese_number(j + 1);
            entries.push((format!("({n}) {}", s.title), body.page));
            body.line(&Para::plain(format!("（{n}）{}", s.title)));
            s.paras.iter().for_each(|p| body.para(p));
        }
    }
    body.fresh_page();
    entries.push(("后记".into(), body.page));
    body.line(&Para::plain("后记"));
    book.afterword.iter().for_each(|p| body.para(p));
    body.fresh_page();
    let (body_text, pages, body_notes) = (body.out, body.page - 1, body.total_notes);

    let mut front = Pager::new(&mut rng);
    front.line(&Para::plain("序"));
    book.preface.iter().for_each(|p| front.para(p));
    front.line(&Para::plain(format!(
        "{}水利史学会会长 {}大学教授 {}",
        book.meta.place, book.meta.place, book.meta.preface_writer
    )));
    front.line(&Para::plain(format!(
        "{}年{}月",
        book.meta.year - 1,
        book.meta.month
    )));
    front.fresh_page();
    let title_len = book.meta.title.chars().count();
    front.line(&Para {
        text: book.meta.title.clone(),
        notes: vec![(title_len, book.abstract_note.clone())],
    });
    front.line(&Para::plain("内容提要"));
    book.summary.iter().for_each(|p| front.para(p));
    front.fresh_page();
    let (front_text, front_notes) = (front.out, front.total_notes);

    let mut contents = String::from("目 录\n\n");
    for (entry, page) in &entries {
        contents.push_str(&format!("{entry}\t{page}\n"));
    }
    contents.push('\n');

    let words = body_text.chars().count() + front_text.chars().count();
    let mut text = String::with_capacity(body_text.len() + front_text.len() + 8192);
    title_page(&book.meta, &mut text);
    copyright_page(&book.meta, words, pages, &mut text);
    text.push_str(&front_text);
    text.push_str(&contents);
    text.push_str(&body_text);
    Laid {
        text,
        notes: front_notes + body_notes,
        pages,
    }
}
