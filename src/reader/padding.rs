//! 字间补白 (CJK padding): `pdftotext -layout` sets a space between every two Chinese characters
//! of a justified line (`对 于 单 份 源 码`). A single space between two CJK characters (汉字,
//! kana, CJK punctuation, full-width forms) is padding and goes; spaces beside Latin words and
//! digits (`转为 PostScript 文件`), runs of spaces and preformatted lines are kept.

use std::borrow::Cow;

use crate::model::{Inline, plain_text};

use super::script::is_han;
use super::units::{Role, Unit};

/// A character set wide by a CJK typesetter: 汉字, kana, CJK punctuation, full-width forms.
fn wide(c: char) -> bool {
    is_han(c)
        || ('\u{3000}'..='\u{30FF}').contains(&c)
        || ('\u{FF01}'..='\u{FF60}').contains(&c)
        || ('\u{FE30}'..='\u{FE4F}').contains(&c)
}

/// `text` with every single ASCII space between two wide characters removed.
pub fn collapse(text: &str) -> Cow<'_, str> {
    // padding sits between two wide characters, none of which is ASCII
    if text.is_ascii() || !text.contains(' ') {
        return Cow::Borrowed(text);
    }
    // Letter-spaced text only: two paddings in a row (`对 于 单`, wide, space, wide, space,
    // wide); a lone space between two words (`早班 六点`, `教授 林某`) is the author's. Looked
    // for through a window of the last four characters, before the line is copied.
    let mut last = [' '; 4];
    let mut seen = 0usize;
    let spaced = text.chars().any(|c| {
        let hit = seen >= 4
            && wide(last[0])
            && last[1] == ' '
            && wide(last[2])
            && last[3] == ' '
            && wide(c);
        last = [last[1], last[2], last[3], c];
        seen += 1;
        hit
    });
    if !spaced {
        return Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let padding = |i: usize| {
        chars[i] == ' ' && i > 0 && i + 1 < chars.len() && wide(chars[i - 1]) && wide(chars[i + 1])
    };
    Cow::Owned(
        (0..chars.len())
            .filter(|&i| !padding(i))
            .map(|i| chars[i])
            .collect(),
    )
}

/// Removes the padding from every text chunk but preformatted ones: (lines changed, first
/// 1-based line).
pub fn collapse_units(units: &mut [Unit]) -> (usize, usize) {
    let mut tally = (0, 0);
    for u in units {
        let Unit::Chunk(c) = u else { continue };
        if matches!(c.role, Role::Pre | Role::Signature) {
            continue;
        }
        let mut changed = false;
        for i in &mut c.content {
            if let Inline::Text(t) = i {
                if let Cow::Owned(s) = collapse(t) {
                    *t = s;
                    changed = true;
                }
            }
        }
        if changed {
            c.text = plain_text(&c.content);
            if tally.0 == 0 {
                tally.1 = c.line;
            }
            tally.0 += 1;
        }
    }
    tally
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn padding_between_cjk_goes() {
        let cases = [
            ("对 于 单 份 源 码", "对于单份源码"),
            (
                "由 于 DVI 文 件 经 常 被 转 为 PostScript 文 件",
                "由于 DVI 文件经常被转为 PostScript 文件",
            ),
            ("序， 因 此，", "序，因此，"),
            ("1 早班 六点", "1 早班 六点"),
            ("东滨大学教授 林某", "东滨大学教授 林某"),
            ("(缓 存 的) 运 行", "(缓存的) 运行"),
            ("两个  空格", "两个  空格"),
            ("第 2 章", "第 2 章"),
            ("plain Latin text", "plain Latin text"),
            ("か な と 漢 字", "かなと漢字"),
            ("한국어 문장", "한국어 문장"),
            ("甲 乙", "甲 乙"),
            ("甲  乙 丙", "甲  乙 丙"),
            ("前言 甲 乙 丙 后记", "前言甲乙丙后记"),
            ("　甲 乙 丙", "　甲乙丙"),
        ];
        for (input, want) in cases {
            assert_eq!(collapse(input), want, "{input:?}");
        }
        assert!(matches!(collapse("没有补白"), Cow::Borrowed(_)));
    }
}
