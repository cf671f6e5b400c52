//! The same book as pandoc Markdown: YAML metadata, `#` chapters, `##` sections, `[^n]` notes,
//! paragraphs whole (the comparison gives pandoc the already-structured book).

use super::{Book, Para, chinese_number};

/// Writes a paragraph with `[^n]` references and queues its definitions.
fn para(p: &Para, next: &mut usize, out: &mut String) {
    let mut defs = Vec::new();
    let mut notes = p.notes.iter().peekable();
    for (i, c) in p.text.chars().enumerate() {
        out.push(c);
        while let Some((_, text)) = notes.next_if(|(at, _)| *at == i + 1) {
            *next += 1;
            out.push_str(&format!("[^{next}]"));
            defs.push(format!("[^{next}]: {text}"));
        }
    }
    out.push_str("\n\n");
    for d in defs {
        out.push_str(&d);
        out.push_str("\n\n");
    }
}

/// Renders the book as pandoc Markdown.
pub fn render(book: &Book) -> String {
    let m = &book.meta;
    let mut out = String::new();
    out.push_str(&format!(
        "---\ntitle: \"{}\"\nauthor:\n- \"{}\"\n",
        m.title, m.author
    ));
    for a in &m.co_authors {
        out.push_str(&format!("- \"{a}\"\n"));
    }
    out.push_str(&format!(
        "lang: zh-CN\npublisher: \"{}\"\ndate: \"{}-{:02}\"\nidentifier:\n- scheme: ISBN-13\n  text: \"{}\"\nrights: \"版权所有·侵权必究\"\n---\n\n",
        m.publisher, m.year, m.month, m.isbn
    ));
    let mut next = 0;
    out.push_str("# 序\n\n");
    book.preface
        .iter()
        .for_each(|p| para(p, &mut next, &mut out));
    out.push_str(&format!(
        "{}水利史学会会长 {}大学教授 {}\n\n{}年{}月\n\n",
        m.place,
        m.place,
        m.preface_writer,
        m.year - 1,
        m.month
    ));
    next += 1;
    out.push_str(&format!(
        "# 内容提要\n\n{}[^{next}]\n\n[^{next}]: {}\n\n",
        m.title, book.abstract_note
    ));
    book.summary
        .iter()
        .for_each(|p| para(p, &mut next, &mut out));
    for (i, ch) in book.chapters.iter().enumerate() {
        out.push_str(&format!("# 第{}章 {}\n\n", chinese_number(i + 1), ch.title));
        ch.intro.iter().for_each(|p| para(p, &mut next, &mut out));
        for (j, s) in ch.sections.iter().enumerate() {
            out.push_str(&format!("## （{}）{}\n\n", chinese_number(j + 1), s.title));
            s.paras.iter().for_each(|p| para(p, &mut next, &mut out));
        }
    }
    out.push_str("# 后记\n\n");
    book.afterword
        .iter()
        .for_each(|p| para(p, &mut next, &mut out));
    out
}
