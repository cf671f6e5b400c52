//! Table tests of the marker scan: the fast scan finds what trying every character finds,
//! each shape is split out where it should be and nowhere else, and bodies answer markers of
//! their shape.

use super::rules::marker_at;
use super::scan::{may_open, may_open_ascii, may_open_lead};
use super::*;

fn mk<'a>(key: &'a str, shown: &'a str, style: Style) -> Segment<'a> {
    Segment::Marker(Marker { key, shown, style })
}

#[test]
fn only_may_open_characters_start_a_marker() {
    // Every BMP character, with each tail that completes some marker shape.
    for c in (0..=0xFFFF_u32).filter_map(char::from_u32) {
        for tail in ["1]", "1］", "1〕", "①", "1 ", ""] {
            let text = format!("word.{c}{tail}");
            if marker_at(&text, 5).is_some() {
                assert!(may_open(c), "{c:?} opens a marker");
            }
        }
    }
}

/// The scan as first written: [`marker_at`] tried at every character [`may_open`] accepts.
fn every_character_tried(text: &str) -> Vec<Segment<'_>> {
    let mut out = Vec::new();
    let (mut start, mut at) = (0, 0);
    while let Some(skip) = text[at..].find(may_open) {
        at += skip;
        if let Some((mk, len)) = marker_at(text, at) {
            if start < at {
                out.push(Segment::Text(&text[start..at]));
            }
            out.push(Segment::Marker(mk));
            at += len;
            start = at;
        } else {
            at += text[at..].chars().next().map_or(1, char::len_utf8);
        }
    }
    if start < text.len() {
        out.push(Segment::Text(&text[start..]));
    }
    out
}

#[test]
fn the_fast_scan_finds_what_trying_every_character_finds() {
    let pieces = [
        "", " ", "  ", "a", " a ", "word", "free.", "1", "12", "1999", "[1]", "[", "(4)", "^①",
        "①", "项目", "支持 ", "。", "”", "*", "**", "注2", "ヾ", "¹²", "†", "/dev/sda", "\t", "x",
        "，", "(", "［3］", "〔2〕", "¹", "D.", "${s:", "'", "~",
    ];
    let mut n = 0;
    for a in pieces {
        for b in pieces {
            for c in pieces {
                let text = format!("{a}{b}{c}");
                let fast: Vec<_> = segments(&text).collect();
                assert_eq!(fast, every_character_tried(&text), "{text:?}");
                n += 1;
            }
        }
    }
    assert_eq!(n, pieces.len().pow(3));
}

#[test]
fn every_opening_character_has_an_opening_lead_byte() {
    for c in (0x80..=0x10FFFF_u32).filter_map(char::from_u32) {
        if may_open(c) {
            let mut buf = [0; 4];
            let lead = c.encode_utf8(&mut buf).as_bytes()[0];
            assert!(may_open_lead(lead), "{c:?} starts with {lead:#X}");
        }
    }
}

#[test]
fn only_spaced_letters_and_may_open_bytes_start_a_marker() {
    // Every ASCII byte between every pair of neighbours a marker's rules look at.
    let around = [
        "",
        " ",
        "支持 ",
        "a",
        "。",
        "word.",
        "x ",
        "word",
        "项目",
        "“甲”",
        "free.”",
        "a1",
        "\t",
        "/dev/sda",
        "D.",
    ];
    let after = ["", " ", " 。", "]", "1]", "b", "，", "2", ".5", ")"];
    for b in 0..0x80_u8 {
        for head in around {
            for tail in after {
                let text = format!("{head}{}{tail}", b as char);
                if marker_at(&text, head.len()).is_some() {
                    assert!(
                        may_open_ascii(text.as_bytes(), head.len()),
                        "{text:?} opens a marker at {}",
                        head.len()
                    );
                }
            }
        }
    }
}

#[test]
fn text_without_markers_is_borrowed() {
    use std::borrow::Cow;
    assert!(matches!(
        without_markers("plain text"),
        Cow::Borrowed("plain text")
    ));
    assert_eq!(without_markers("甲^①乙[2]丙"), "甲乙丙");
    assert_eq!(without_markers("^①"), "");
    assert_eq!(without_markers(""), "");
}

#[test]
fn markers_are_split_out() {
    use Segment::Text as T;
    use Style::*;
    let cases: &[(&str, &[Segment<'_>])] = &[
        ("无注释", &[T("无注释")]),
        ("甲^①乙", &[T("甲"), mk("①", "①", Caret), T("乙")]),
        ("^②", &[mk("②", "②", Caret)]),
        ("织”^①。", &[T("织”"), mk("①", "①", Caret), T("。")]),
        ("a^b^③", &[T("a^b"), mk("③", "③", Caret)]),
        ("末尾^㉑", &[T("末尾"), mk("㉑", "㉑", Caret)]),
        ("河流①。", &[T("河流"), mk("①", "①", Circled), T("。")]),
        ("研究[1]。", &[T("研究"), mk("1", "[1]", Bracket), T("。")]),
        ("研究［12］", &[T("研究"), mk("12", "［12］", Bracket)]),
        ("[a]与[1234]", &[T("[a]与[1234]")]),
        (
            "書院〔3〕。",
            &[T("書院"), mk("3", "〔3〕", Tortoise), T("。")],
        ),
        ("如此註1。", &[T("如此"), mk("1", "註1", Zhu), T("。")]),
        ("见注2", &[T("见"), mk("2", "注2", Zhu)]),
        ("注意", &[T("注意")]),
        (
            "a river* ran",
            &[T("a river"), mk("*", "*", Asterisk), T(" ran")],
        ),
        ("5 * 3", &[T("5 * 3")]),
        (
            "free.1 Then",
            &[T("free."), mk("1", "1", Digits), T(" Then")],
        ),
        ("empty.”4", &[T("empty.”"), mk("4", "4", Digits)]),
        ("word12,", &[T("word"), mk("12", "12", Digits), T(",")]),
        ("in 1990.", &[T("in 1990.")]),
        ("version 2.0", &[T("version 2.0")]),
        ("H2O and A4", &[T("H2O and A4")]),
        ("p.1234", &[T("p.1234")]),
        ("2001年", &[T("2001年")]),
        ("项目1 ，对", &[T("项目"), mk("1", "1", Digits), T(" ，对")]),
        ("“甲”2。", &[T("“甲”"), mk("2", "2", Digits), T("。")]),
        (
            "默认值。3 使用",
            &[T("默认值。"), mk("3", "3", Digits), T(" 使用")],
        ),
        ("说明，12", &[T("说明，"), mk("12", "12", Digits)]),
        ("句末。5如果", &[T("句末。5如果")]),
        ("于1898年", &[T("于1898年")]),
        ("约1.5倍", &[T("约1.5倍")]),
        ("a2 + b2 = c2", &[T("a2 + b2 = c2")]),
        ("如“/dev/sda1”、", &[T("如“/dev/sda1”、")]),
        ("/usr/fonts/type1 and", &[T("/usr/fonts/type1 and")]),
        ("{/my/dir1,/dir2}", &[T("{/my/dir1,/dir2}")]),
        (
            "\\FloatBlock2 and",
            &[T("\\FloatBlock"), mk("2", "2", Digits), T(" and")],
        ),
        ("${string:7 x", &[T("${string:7 x")]),
        ("402 D.1 Traditional", &[T("402 D.1 Traditional")]),
        ("use ‘*) echo", &[T("use ‘*) echo")]),
        ("/* SEXP s */", &[T("/* SEXP s */")]),
        ("~*) cur", &[T("~*) cur")]),
        ("debi name*.changes", &[T("debi name*.changes")]),
        ("used.\\label{fn1} and", &[T("used.\\label{fn1} and")]),
        (
            "see {word1} here",
            &[T("see {word"), mk("1", "1", Digits), T("} here")],
        ),
        (
            "the book.2 And",
            &[T("the book."), mk("2", "2", Digits), T(" And")],
        ),
        (
            "word¹² and",
            &[T("word"), mk("¹²", "¹²", Superscript), T(" and")],
        ),
        ("装饰(4) 。", &[T("装饰"), mk("4", "(4)", Paren), T(" 。")]),
        ("(1) 列表", &[T("(1) 列表")]),
        (
            "信息站 (1) 上",
            &[T("信息站 "), mk("1", "(1)", Paren), T(" 上")],
        ),
        ("14.  (2)  By attempting", &[T("14.  (2)  By attempting")]),
        ("victory:  (1) He", &[T("victory:  (1) He")]),
        (
            "see [A] here",
            &[T("see "), mk("A", "[A]", Letter), T(" here")],
        ),
        ("[1] 开头", &[T("[1] 开头")]),
        ("Browse[1]> n", &[T("Browse[1]> n")]),
        ("x[2]=y[3][4]", &[T("x[2]=y[3][4]")]),
        ("5 如果本地", &[mk("5", "5", Wrapped), T(" 如果本地")]),
        ("  12 如果", &[T("  "), mk("12", "12", Wrapped), T(" 如果")]),
        ("12 月份", &[T("12 月份")]),
        ("3 个文件", &[T("3 个文件")]),
        ("5 apples", &[T("5 apples")]),
        ("1  两个空格", &[T("1  两个空格")]),
        (
            "去了ヾ，仿佛",
            &[T("去了"), mk("ヾ", "ヾ", Glyph), T("，仿佛")],
        ),
        ("カタカナ", &[T("カタカナ")]),
        (
            "一九二○年七月。ぉ",
            &[T("一九二○年七月。"), mk("ぉ", "ぉ", Glyph)],
        ),
        ("月。ぐ指割股", &[T("月。ぐ指割股")]),
        (
            "    ぉ，終于說到",
            &[T("    "), mk("ぉ", "ぉ", Glyph), T("，終于說到")],
        ),
        ("ぉ終于", &[T("ぉ終于")]),
        (
            "的支持 a 。",
            &[T("的支持 "), mk("a", "a", Minipage), T(" 。")],
        ),
        ("设 a 为常数", &[T("设 a 为常数")]),
        ("a cat", &[T("a cat")]),
        (
            "a river† ran",
            &[T("a river"), mk("†", "†", Asterisk), T(" ran")],
        ),
    ];
    for (input, want) in cases {
        assert_eq!(&segments(input).collect::<Vec<_>>(), want, "{input:?}");
    }
}

#[test]
fn bodies_answer_markers_of_their_shape() {
    use Style::*;
    let cases = [
        (Caret, Caret, true),
        (Caret, Circled, false),
        (Circled, Caret, true),
        (Circled, Circled, true),
        (Bracket, Bracket, true),
        (Bracket, Digits, false),
        (Digits, Digits, true),
        (Zhu, Zhu, true),
        (Tortoise, Bracket, false),
        (Digits, Superscript, true),
        (Superscript, Digits, true),
        (Paren, Digits, false),
    ];
    for (body, marker, want) in cases {
        assert_eq!(answers(body, marker), want, "{body:?} {marker:?}");
    }
}
