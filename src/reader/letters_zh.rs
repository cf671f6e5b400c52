//! Chinese letters (中文书信): the salutation opening a letter (`某某兄：`, `亲爱的妈妈：`,
//! `鲁迅先生大鉴：`), the closing formula (`此致` / `敬礼！`, `顺颂时祺`, `祝好！`), the signer
//! (`弟 某某 上`) and the date under it (`三月五日`). A typist's file often sets them without
//! blank lines, so each is read line by line; without this pass the salutation was glued to
//! the letter's first paragraph and `此致` / `敬礼！` read as `此致敬礼！`.
//!
//! The evidence is the whole letter: a line ending in `：` that names someone (an honorific or
//! kin word last, or `亲爱的` first) opens a letter only when a closing follows before the next
//! heading — a closing formula, or a signer with a date below — so a speaker's name over a line
//! of dialogue (`老师：`) stays text.

use super::Line;
use super::cn_dates;
use super::kind::Kind;
use super::script::is_han;
use super::text::ends_sentence;

/// Longest salutation, in characters (its colon left out).
const MAX_SALUTATION: usize = 16;

/// Longest closing formula line (`顺颂时祺。`), and the wish below `此致` (`敬礼！`).
const MAX_FORMULA: usize = 10;

/// Longest signer line (`你的老朋友 某某 敬上`).
const MAX_SIGNER: usize = 20;

/// How far (in lines) a salutation looks for its closing.
const LETTER_SPAN: usize = 400;

/// Words that end a salutation: honorifics, kin and the set phrases of a letter's opening.
const ADDRESS_ENDS: &[&str] = &[
    "兄", "弟", "姐", "妹", "哥", "嫂", "先生", "女士", "小姐", "太太", "夫人", "老师", "老師",
    "师", "師", "同志", "同学", "同學", "君", "仁兄", "贤弟", "賢弟", "吾儿", "吾兒", "爸爸",
    "妈妈", "媽媽", "父亲", "父親", "母亲", "母親", "爹", "娘", "爷爷", "爺爺", "奶奶", "大人",
    "膝下", "足下", "阁下", "閣下", "大鉴", "大鑒", "台鉴", "台鑒", "钧鉴", "鈞鑒", "惠鉴", "惠鑒",
    "雅鉴", "雅鑒", "如晤", "如握", "青览", "青覽", "们", "們", "诸君", "諸君", "各位", "叔", "伯",
    "舅", "姑", "姨", "教授", "校长", "校長", "主任", "编辑", "編輯", "朋友",
];

/// Words that open a salutation (`亲爱的妈妈：`).
const ADDRESS_OPENERS: &[&str] = &[
    "亲爱的",
    "親愛的",
    "敬爱的",
    "敬愛的",
    "尊敬的",
    "我亲爱的",
    "我親愛的",
];

/// Verbs of saying: a line ending in one of them before its colon introduces speech.
const SPEECH: &[char] = &[
    '说', '說', '道', '曰', '问', '問', '答', '讲', '講', '喊', '叫', '写', '寫', '云',
];

/// Words that open a closing formula.
const FORMULAS: &[&str] = &[
    "此致",
    "此颂",
    "此頌",
    "顺颂",
    "順頌",
    "顺祝",
    "順祝",
    "顺问",
    "順問",
    "即颂",
    "即頌",
    "即问",
    "即問",
    "敬颂",
    "敬頌",
    "敬祝",
    "专此",
    "專此",
    "祝",
    "余不一一",
    "餘不一一",
    "匆匆",
    "草此",
];

/// The line without its indent and an opening quotation mark.
fn bare(text: &str) -> &str {
    text.trim()
        .trim_start_matches(['“', '「', '『', '"'])
        .trim()
}

/// `某某兄：` / `亲爱的妈妈：` / `鲁迅先生大鉴：` — a Chinese salutation line.
pub fn is_salutation(text: &str) -> bool {
    let t = bare(text);
    let Some(body) = t.strip_suffix(['：', ':']) else {
        return false;
    };
    let body = body.trim_end();
    let n = body.chars().count();
    if !(2..=MAX_SALUTATION).contains(&n)
        || !body.chars().any(is_han)
        || body
            .chars()
            .any(|c| !(c.is_alphanumeric() || c.is_whitespace() || matches!(c, '·' | '•')))
        || body.ends_with(SPEECH)
    {
        return false;
    }
    ADDRESS_ENDS.iter().any(|w| body.ends_with(w))
        || ADDRESS_OPENERS.iter().any(|w| body.starts_with(w))
}

/// `此致` / `顺颂时祺。` / `祝好！` — a line opening a letter's closing formula.
pub fn is_formula(text: &str) -> bool {
    let t = bare(text);
    let core = t.trim_end_matches(['！', '!', '。']);
    core.chars().count() <= MAX_FORMULA
        && !core.is_empty()
        && core.chars().all(|c| is_han(c) || c.is_whitespace())
        && FORMULAS.iter().any(|f| core.starts_with(f))
}

/// `敬礼！` / `近安` — the wish printed under `此致`, flush left: short, no punctuation inside.
fn is_wish(text: &str) -> bool {
    let t = bare(text);
    let core = t.trim_end_matches(['！', '!', '。']);
    (1..=6).contains(&core.chars().count()) && core.chars().all(is_han)
}

/// `弟 某某 上` / `鲁迅` / `你的朋友 小明` — a signer: short, Han, no sentence punctuation.
fn is_signer(text: &str) -> bool {
    let t = bare(text);
    let n = t.chars().count();
    (1..=MAX_SIGNER).contains(&n)
        && t.chars().any(is_han)
        && !t.contains(['，', '。', '！', '？', '；', '：', ',', '!', '?', ';', ':'])
        && !ends_sentence(t)
        && !is_date(text, &Kind::Text)
}

/// Whether a line is a date alone (`三月五日`, `1930年3月5日`, read as a date line already).
fn is_date(text: &str, kind: &Kind) -> bool {
    *kind == Kind::Dateline || texty(kind) && cn_dates::is_date_alone(text)
}

/// Whether a line's kind is text a letter is written in (an indented signer may have been
/// read as a line of verse).
fn texty(k: &Kind) -> bool {
    matches!(k, Kind::Text | Kind::Quote | Kind::Verse)
}

/// What [`mark`] found: (count, first 1-based line) per shape.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Found {
    /// Salutations opening letters.
    pub salutations: (usize, usize),
    /// Closing formulas, signers and dates closing letters.
    pub closings: (usize, usize),
}

fn bump(t: &mut (usize, usize), line: usize) {
    if t.0 == 0 {
        t.1 = line;
    }
    t.0 += 1;
}

/// The closing of the letter opened at `from`: the lines it holds with the kind each gets and
/// whether it starts a paragraph of its own. `None` when no closing comes before a heading,
/// another salutation or the end of [`LETTER_SPAN`].
fn closing(lines: &[Line<'_>], kinds: &[Kind], from: usize) -> Option<Vec<(usize, Kind)>> {
    let end = (from + LETTER_SPAN).min(kinds.len());
    let content = |i: usize| (i..end).find(|&j| kinds[j] != Kind::Blank);
    let mut i = from + 1;
    while i < end {
        let k = &kinds[i];
        if k.is_heading() || *k == Kind::Text && is_salutation(lines[i].text) {
            return None;
        }
        if !texty(k) {
            i += 1;
            continue;
        }
        let text = lines[i].text;
        let set_off = kinds[i - 1] == Kind::Blank || ends_sentence(lines[i - 1].text.trim_end());
        let mut out = Vec::new();
        let mut next = Some(i);
        if set_off && is_formula(text) {
            // `此致` / `敬礼！`: each its own paragraph, never glued to the letter or each other
            out.push((i, Kind::Text));
            next = content(i + 1);
            let bare_formula = bare(text)
                .trim_end_matches(['！', '!', '。'])
                .chars()
                .count()
                <= 2;
            if let Some(w) =
                next.filter(|&w| bare_formula && texty(&kinds[w]) && is_wish(lines[w].text))
            {
                out.push((w, Kind::Text));
                next = content(w + 1);
            }
        }
        // the signer and the date under it (a date alone closes too, after a formula)
        let signer = next.filter(|&s| {
            texty(&kinds[s])
                && is_signer(lines[s].text)
                && (!out.is_empty()
                    || content(s + 1).is_some_and(|d| is_date(lines[d].text, &kinds[d])))
        });
        if let Some(s) = signer {
            out.push((s, Kind::Signature));
            next = content(s + 1);
        }
        if !out.is_empty()
            && let Some(d) = next.filter(|&d| is_date(lines[d].text, &kinds[d]))
        {
            out.push((d, Kind::Dateline));
        }
        if !out.is_empty() {
            return Some(out);
        }
        i += 1;
    }
    None
}

/// Marks Chinese salutations ([`Kind::Salutation`]) and the closings of their letters: the
/// formula lines stay text, each its own paragraph (`hints` false); the signer becomes a
/// [`Kind::Signature`], the date under it a [`Kind::Dateline`].
pub fn mark(lines: &[Line<'_>], kinds: &mut [Kind], hints: &mut [Option<bool>]) -> Found {
    let mut found = Found::default();
    let mut i = 0;
    while i < kinds.len() {
        let set_off = i == 0
            || kinds[i - 1] == Kind::Blank
            || kinds[i - 1].is_heading()
            || matches!(kinds[i - 1], Kind::Dateline | Kind::HeadingTitle)
            || ends_sentence(lines[i - 1].text.trim_end());
        if kinds[i] != Kind::Text || !set_off || !is_salutation(lines[i].text) {
            i += 1;
            continue;
        }
        let Some(close) = closing(lines, kinds, i) else {
            i += 1;
            continue;
        };
        kinds[i] = Kind::Salutation;
        bump(&mut found.salutations, lines[i].no);
        if let Some(h) = hints.get_mut(i + 1) {
            *h = Some(false);
        }
        let last = close.last().map_or(i, |(j, _)| *j);
        for (j, kind) in close {
            if kind == Kind::Text {
                hints[j] = Some(false);
            }
            kinds[j] = kind;
            bump(&mut found.closings, lines[j].no);
        }
        if let Some(h) = hints.get_mut(last + 1) {
            *h = Some(false);
        }
        i = last + 1;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reader::classify::classify;
    use crate::reader::lines::split;

    #[test]
    fn salutations_formulas_and_signers() {
        let table = [
            ("某某兄：", true),
            ("亲爱的妈妈：", true),
            ("  鲁迅先生大鉴：", true),
            ("“阿明贤弟：", true),
            ("朋友们：", true),
            ("他笑着说：", false),
            ("老先生问道：", false),
            ("注意：", false),
            ("某某兄，你好：", false),
            (
                "我到了镇上以后，才知道这件事情的原委，于是写信给你：",
                false,
            ),
        ];
        for (t, want) in table {
            assert_eq!(is_salutation(t), want, "{t:?}");
        }
        let formulas = [
            ("此致", true),
            ("顺颂时祺。", true),
            ("祝好！", true),
            ("敬礼！", false),
            ("祝你们在新的一年里万事如意，身体健康！", false),
        ];
        for (t, want) in formulas {
            assert_eq!(is_formula(t), want, "{t:?}");
        }
        let signers = [
            ("弟 某某 上", true),
            ("鲁迅", true),
            ("三月五日", false),
            ("他走了。", false),
        ];
        for (t, want) in signers {
            assert_eq!(is_signer(t), want, "{t:?}");
        }
    }

    fn run(text: &str) -> (Vec<Kind>, Vec<Option<bool>>, Found) {
        let lines = split(text);
        let mut kinds: Vec<Kind> = lines.iter().map(|l| classify(l.text)).collect();
        let mut hints = vec![None; lines.len()];
        let found = mark(&lines, &mut kinds, &mut hints);
        (kinds, hints, found)
    }

    #[test]
    fn a_letter_without_blank_lines_is_opened_and_closed() {
        let text = "\
他把信展开：
阿明贤弟：
    来信收到。河上的冰已经化了，渡船又开了。
    望早日回信。
    此致
敬礼！
                    兄 阿山 上
                    三月五日
他把信折好，放回信封。
";
        let (kinds, hints, found) = run(text);
        assert_eq!(kinds[0], Kind::Text);
        assert_eq!(kinds[1], Kind::Salutation);
        assert_eq!(
            hints[2],
            Some(false),
            "the letter's text starts a paragraph"
        );
        assert_eq!((kinds[4].clone(), hints[4]), (Kind::Text, Some(false)));
        assert_eq!((kinds[5].clone(), hints[5]), (Kind::Text, Some(false)));
        assert_eq!(kinds[6], Kind::Signature);
        assert_eq!(kinds[7], Kind::Dateline);
        assert_eq!(hints[8], Some(false));
        assert_eq!(found.salutations, (1, 2));
        assert_eq!(found.closings, (4, 5));
    }

    #[test]
    fn a_speakers_name_with_no_closing_is_text() {
        let text = "老师：\n    今天我们读第三课。\n\n学生们：\n    好。\n";
        let (kinds, _, found) = run(text);
        assert_eq!(found, Found::default());
        assert!(kinds.iter().all(|k| matches!(k, Kind::Text | Kind::Blank)));
    }

    #[test]
    fn a_signer_and_date_close_a_letter_without_formula() {
        let text = "某某兄：\n\n    别来无恙。\n\n    弟 某某\n\n    一九三〇年三月五日\n";
        let (kinds, _, found) = run(text);
        assert_eq!(kinds[0], Kind::Salutation);
        assert_eq!(kinds[4], Kind::Signature);
        assert_eq!(kinds[6], Kind::Dateline);
        assert_eq!(found.closings, (2, 5));
    }
}
