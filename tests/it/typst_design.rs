//! The two print designs, checked in compiled PDFs (they need Typst and poppler: ignored without
//! `--include-ignored`; a missing tool fails): an English book set as an English book, a Chinese
//! book on the character grid.

use crate::support::typst_fixture::*;
use paiban::model::Book;
use paiban::reader::{ReadOptions, decode, read};
use paiban::source::Source;

/// The English fixture (original text in the shape of a pdftotext manuscript).
fn english_book() -> Book {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/english/reading-room.txt"
    );
    let bytes = std::fs::read(path).expect("english fixture");
    let text = decode(&bytes, None).expect("fixture decodes").text;
    read(
        &Source::new("reading-room.txt", text),
        &ReadOptions::default(),
    )
    .book
}

/// `(x_min, x_max, text)` of every text line on `page`, from `pdftotext -bbox-layout`.
fn lines(pdf: &str, page: usize) -> Vec<(f64, f64, String)> {
    let p = page.to_string();
    let xml = run("pdftotext", &["-f", &p, "-l", &p, "-bbox-layout", pdf, "-"]);
    let attr = |tag: &str, name: &str| -> f64 {
        let at = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        tag[at..at + tag[at..].find('"').unwrap()].parse().unwrap()
    };
    let mut out = Vec::new();
    for chunk in xml.split("<line ").skip(1) {
        let body = &chunk[..chunk.find("</line>").unwrap_or(chunk.len())];
        let text: String = body
            .split("<word ")
            .skip(1)
            .filter_map(|w| Some(&w[w.find('>')? + 1..w.find("</word>")?]))
            .collect::<Vec<_>>()
            .join(" ");
        out.push((attr(body, "xMin"), attr(body, "xMax"), text));
    }
    out
}

#[test]
#[ignore = "needs typst and poppler"]
fn english_book_is_set_as_an_english_book() {
    compiler();
    poppler();
    let book = english_book();
    assert_eq!(book.meta.language, "en");
    let project = paiban::writer::typst::write_typst(&book, &Default::default());
    let main = String::from_utf8(project.file("main.typ").unwrap().to_vec()).unwrap();
    assert!(main.contains("lang: \"en\""), "{main}");
    let (_dir, pdf) = build_pdf(&book);
    let pdf = pdf.to_str().unwrap();

    // No CJK text, so no CJK font embedded: quotes, dashes and figures come from the Latin serif.
    let fonts = run("pdffonts", &[pdf]);
    assert!(!fonts.contains("CJK"), "{fonts}");
    assert!(fonts.contains("Libertin"), "{fonts}");

    let text = run("pdftotext", &[pdf, "-"]);
    // Arabic note numbers, not ①②③; each note starts with its number at the foot.
    assert!(!text.contains('①'), "{text}");
    assert!(
        text.contains("1. Harbour commissioners, minute book"),
        "{text}"
    );
    // Hyphenation: some line ends in a hyphen the manuscript has nowhere (a soft hyphen made
    // visible), and the word it splits is a word of the manuscript.
    let source = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/english/reading-room.txt"
    ))
    .unwrap();
    let ls: Vec<&str> = text.lines().collect();
    let split: Vec<String> = ls
        .windows(2)
        .filter_map(|w| {
            let head = w[0].trim_end().strip_suffix('\u{ad}')?;
            let tail = w[1].split_whitespace().next()?;
            let word = format!("{}{}", head.split_whitespace().last()?, tail);
            Some(word.trim_matches(|c: char| !c.is_alphabetic()).to_string())
        })
        .collect();
    assert!(!split.is_empty(), "no hyphenated line end in {text}");
    for w in &split {
        assert!(
            source.contains(w.as_str()),
            "{w:?} is not a manuscript word"
        );
    }
    // The first paragraph after a chapter heading is flush left, the next ones indented 1.2 em.
    let opening = (1..=12)
        .find(|&p| {
            lines(pdf, p)
                .iter()
                .any(|l| l.2.starts_with("When the harbour"))
        })
        .expect("chapter 1 opening");
    let ls = lines(pdf, opening);
    let left = ls.iter().map(|l| l.0).fold(f64::MAX, f64::min);
    let first = ls
        .iter()
        .find(|l| l.2.starts_with("When the harbour"))
        .unwrap();
    let second = ls
        .iter()
        .find(|l| l.2.starts_with("Within two winters"))
        .unwrap();
    assert!((first.0 - left).abs() < 0.5, "{first:?} indented");
    let indent = second.0 - left;
    assert!((indent - 1.2 * 10.5).abs() < 0.5, "indent {indent} pt");
    // The verso running head is the book title, not `Chapter 1`.
    let verso = lines(pdf, opening + 1);
    assert_eq!(
        verso.first().map(|l| l.2.as_str()),
        Some("The Reading Room")
    );
}

#[test]
#[ignore = "needs typst and poppler"]
fn chinese_text_block_is_a_whole_number_of_characters() {
    compiler();
    poppler();
    // 160 mm trim: (160 − 40) mm = 340.2 pt holds 32 characters of 10.5 pt, so the block is 336 pt.
    let book = chinese_book();
    let (_dir, pdf) = build_pdf(&book);
    let pdf = pdf.to_str().unwrap();
    let mut full = 0;
    for page in 1..=page_count_of(pdf) {
        let ls = lines(pdf, page);
        // The block's left edge: where most lines start.
        let mut starts: Vec<i64> = ls.iter().map(|l| (l.0 * 10.0).round() as i64).collect();
        starts.sort();
        let Some(left) = starts
            .chunk_by(|a, b| a == b)
            .max_by_key(|run| run.len())
            .map(|run| run[0] as f64 / 10.0)
        else {
            continue;
        };
        for (_, b, text) in ls {
            // Lines that run to the right edge (justified lines, not a paragraph's last) end a
            // whole number of characters from the block's left edge.
            let w = b - left;
            if w > 331.0 && w < 345.0 && !text.contains(['①', '②', '③']) && !text.contains(". . .")
            {
                full += 1;
                // A line ending in a comma or full stop compresses it to half width (行末挤进);
                // pdftotext still reports the glyph's full advance, half a character past.
                let compressed = text.ends_with(['，', '。', '、', '；', '：']);
                let ok = (w - 336.0).abs() < 0.6 || (compressed && (w - 341.25).abs() < 0.6);
                assert!(ok, "page {page}: {w} pt: {text}");
            }
        }
    }
    assert!(full > 20, "only {full} full lines");
}

/// `(width, size, text)` of every one-word line on `page` set at a text size between 8 and 11 pt
/// (body and notes): its extent from the first glyph's origin to the last glyph's full advance,
/// the size its bounding box reports, and its text without word joiners.
fn sized_lines(pdf: &str, page: usize) -> Vec<(f64, f64, String)> {
    let p = page.to_string();
    let xml = run("pdftotext", &["-f", &p, "-l", &p, "-bbox-layout", pdf, "-"]);
    let attr = |tag: &str, name: &str| -> f64 {
        let at = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        tag[at..at + tag[at..].find('"').unwrap()].parse().unwrap()
    };
    let mut out = Vec::new();
    for chunk in xml.split("<line ").skip(1) {
        let body = &chunk[..chunk.find("</line>").unwrap_or(chunk.len())];
        let words: Vec<&str> = body.split("<word ").skip(1).collect();
        let [word] = words.as_slice() else { continue };
        let text: String = word[word.find('>').unwrap() + 1..word.find("</word>").unwrap()]
            .chars()
            .filter(|c| *c != '\u{2060}')
            .collect();
        let size = attr(word, "yMax") - attr(word, "yMin");
        if (8.0..11.0).contains(&size) {
            out.push((attr(word, "xMax") - attr(word, "xMin"), size, text));
        }
    }
    out
}

/// 标点不挤压: in a Chinese book every punctuation mark keeps its full em in mid-line; only two
/// adjacent marks share one and a half (`：“`, `。”`). Read from glyph positions in the PDF: a
/// line of CJK characters and full-width marks (body text, and notes set at a size that divides
/// the block) spans at least one em per character, less half an em per adjacent pair, from its
/// first glyph to the end of its last. Typst's default justification shrinks `，` and `。` to half
/// width to fit one more character on a tight line, which this catches on many lines of the
/// example book.
#[test]
#[ignore = "needs typst and poppler"]
fn chinese_punctuation_stays_full_width_mid_line() {
    compiler();
    poppler();
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/shuyuan.txt");
    let bytes = std::fs::read(path).expect("example book");
    let text = decode(&bytes, None).expect("example decodes").text;
    let book = read(&Source::new("shuyuan.txt", text), &ReadOptions::default()).book;
    let (_dir, pdf) = build_pdf(&book);
    let pdf = pdf.to_str().unwrap();
    let marks = "，。、：；！？”’」』）》〉】〕〗］｝“‘「『（《〈【〔〖［｛";
    let full_width = |c: char| {
        matches!(c, '\u{3000}'..='\u{303f}' | '\u{3400}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}')
            || "“”‘’".contains(c)
    };
    let (mut checked, mut mid_line, mut pairs_seen, mut notes) = (0, 0, 0, 0);
    for page in 1..=page_count_of(pdf) {
        for (width, em, text) in sized_lines(pdf, page) {
            let cs: Vec<char> = text.chars().collect();
            if cs.len() < 8 || !cs.iter().all(|&c| full_width(c)) {
                continue;
            }
            let pairs = cs
                .windows(2)
                .filter(|w| marks.contains(w[0]) && marks.contains(w[1]))
                .count();
            let cells = cs.len() as f64 - 0.5 * pairs as f64;
            assert!(
                width >= cells * em - 0.3,
                "page {page}: {:.2} ems for {cells} characters ({em:.2} pt): {text}",
                width / em
            );
            checked += 1;
            pairs_seen += usize::from(pairs > 0 && width < cells * em + 0.3);
            mid_line += usize::from(cs[..cs.len() - 1].iter().any(|&c| marks.contains(c)));
            notes += usize::from(em < 10.0);
        }
    }
    // Enough lines to mean something: with marks inside the line, adjacent pairs compressed
    // (not set a full em each) and lines of notes.
    assert!(
        checked > 400 && mid_line > 300 && pairs_seen > 10 && notes > 20,
        "{checked} lines, {mid_line} with marks mid-line, {pairs_seen} with compressed pairs, \
         {notes} of notes"
    );
}

/// 孤字: no paragraph of a Chinese book ends with a line of one character. The paragraphs are
/// 30 to 180 characters long (the A5 block holds 29), so without the writer's joining of the
/// last two characters several of them end in `X。`.
#[test]
#[ignore = "needs typst and poppler"]
fn chinese_paragraphs_never_end_with_a_single_character_line() {
    compiler();
    poppler();
    let pool: Vec<char> =
        "山水田园河岸村镇书院学堂茶行帐簿街市渡口船只货物木材米盐布匹人家老少读写记录"
            .chars()
            .collect();
    let mut seed = 7u32;
    let mut paras = Vec::new();
    for n in (30..=180).step_by(7) {
        for commas in [false, true] {
            let mut p = String::new();
            for i in 1..n {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                p.push(pool[(seed >> 16) as usize % pool.len()]);
                if commas && i % 9 == 0 && i < n - 2 {
                    p.push('，');
                }
            }
            p.push('。');
            paras.push(p);
        }
    }
    let text = format!(
        "试排\n\n佚名　著\n\n第一章 试排\n\n{}\n",
        paras.join("\n\n")
    );
    let book = read(&Source::new("runts.txt", text), &ReadOptions::default()).book;
    let (_dir, pdf) = build_pdf(&book);
    let pdf = pdf.to_str().unwrap();
    let ideograph = |c: char| matches!(c, '\u{4e00}'..='\u{9fff}');
    let mut last_lines = 0;
    for page in 1..=page_count_of(pdf) {
        let page_lines = lines(pdf, page);
        // Body pages only (the title page sets `佚名` and `著` apart).
        if !page_lines.iter().any(|l| l.2.contains('。')) {
            continue;
        }
        for (_, _, text) in page_lines {
            let t: String = text
                .chars()
                .filter(|c| !c.is_whitespace() && *c != '\u{2060}')
                .collect();
            if t.ends_with('。') {
                last_lines += 1;
            }
            let n = t.chars().filter(|c| ideograph(*c)).count();
            assert!(
                n != 1 || t.chars().count() > 2,
                "page {page}: a one-character line {t:?}"
            );
        }
    }
    assert!(
        last_lines >= paras.len(),
        "{last_lines} paragraph ends for {} paragraphs",
        paras.len()
    );
}

/// The Traditional Chinese fixture (original text in the shape of a Taiwan book).
fn traditional_book() -> Book {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/traditional/xikou.txt"
    );
    let bytes = std::fs::read(path).expect("traditional fixture");
    let text = decode(&bytes, None).expect("fixture decodes").text;
    read(&Source::new("xikou.txt", text), &ReadOptions::default()).book
}

#[test]
#[ignore = "needs typst and poppler"]
fn traditional_chinese_keeps_centred_punctuation_full_width() {
    compiler();
    poppler();
    let book = traditional_book();
    assert_eq!(book.meta.language, "zh-TW");
    let (_dir, pdf) = build_pdf(&book);
    let pdf = pdf.to_str().unwrap();
    // Set in a Traditional Chinese 明體 (centred punctuation), not the Simplified face.
    let fonts = run("pdffonts", &[pdf]);
    assert!(fonts.contains("NotoSerifCJKtc"), "{fonts}");
    assert!(!fonts.contains("NotoSerifCJKsc"), "{fonts}");
    // A5: (148 − 40) mm = 306.1 pt holds 29 characters of 10.5 pt. A mark compressed to justify a
    // line (or beside another mark) would let a line hold a 30th character.
    let cjk = |c: char| matches!(c, '\u{3000}'..='\u{303f}' | '\u{3400}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}');
    let closing = [
        '，', '。', '、', '；', '：', '！', '？', '」', '』', '）', '〉', '》',
    ];
    let opening = ['「', '『', '（', '〈', '《'];
    let (mut full, mut marked) = (0, 0);
    for page in 1..=page_count_of(pdf) {
        for (_, _, text) in lines(pdf, page) {
            // Word joiners (禁則, around the boxed marks) print nothing.
            let t: String = text
                .chars()
                .filter(|c| !c.is_whitespace() && *c != '\u{2060}')
                .collect();
            // 禁則: no closing or centred mark starts a line, no opening mark ends one.
            assert!(!t.starts_with(closing), "page {page}: {text}");
            assert!(!t.ends_with(opening), "page {page}: {text}");
            if t.is_empty() || !t.chars().all(cjk) {
                continue;
            }
            let n = t.chars().count();
            assert!(n <= 29, "page {page}: {n} characters on a line: {text}");
            if n == 29 {
                full += 1;
                if t[..t.len() - 3].contains(closing) {
                    marked += 1;
                }
            }
        }
    }
    assert!(
        full >= 15 && marked >= 10,
        "{full} full lines, {marked} with marks mid-line"
    );
}

fn page_count_of(pdf: &str) -> usize {
    run("pdfinfo", &[pdf])
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo Pages")
}
