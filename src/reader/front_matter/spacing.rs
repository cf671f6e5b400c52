//! Print spacing (字距): letter-spaced labels and line-wrap spaces between CJK characters.

pub use crate::reader::script::is_han;

/// Whether `c` is CJK text that print sets without spaces: 汉字, kana, CJK and full-width punctuation.
pub fn is_cjk(c: char) -> bool {
    is_han(c)
        || matches!(c as u32, 0x2E80..=0x2FFF | 0x3001..=0x303F | 0x3040..=0x30FF | 0xFF00..=0xFFEF)
        || matches!(c, '“' | '”' | '‘' | '’' | '·' | '…')
}

/// Collapses white space and drops the spaces a print line-wrap left between two CJK characters
/// (`密切党群 关系` → `密切党群关系`); spaces next to Latin text or digits are kept as one space.
pub fn join_cjk(s: &str) -> String {
    let chars: Vec<char> = s.trim().chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            let mut j = i;
            while j < chars.len() && chars[j].is_whitespace() {
                j += 1;
            }
            let prev = out.chars().last();
            let next = chars.get(j).copied();
            let both_cjk = prev.is_some_and(is_cjk) && next.is_some_and(is_cjk);
            if !both_cjk {
                out.push(' ');
            }
            i = j;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// Removes all white space, as for a letter-spaced label (`印 张` → `印张`).
pub fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Joins a line that wrapped in print to its continuation: no space between CJK characters,
/// one space otherwise.
pub fn join_wrapped(first: &str, next: &str) -> String {
    let (a, b) = (first.trim_end(), next.trim_start());
    if a.is_empty() {
        return b.to_string();
    }
    let glue = a.chars().last().is_some_and(is_cjk) && b.chars().next().is_some_and(is_cjk);
    if glue || b.is_empty() {
        format!("{a}{b}")
    } else {
        format!("{a} {b}")
    }
}

/// Whether the text holds at least one Han character.
pub fn has_han(s: &str) -> bool {
    s.chars().any(is_han)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_wrap_spaces_are_removed() {
        let cases = [
            ("山河岁月的 细部考察", "山河岁月的细部考察"),
            ("山河　岁月", "山河岁月"),
            ("国家 图书馆 OPAC 系统", "国家图书馆 OPAC 系统"),
            ("  第 3  版 ", "第 3 版"),
            ("关于“乡土” 写作", "关于“乡土”写作"),
            ("Shanhe  suiyue", "Shanhe suiyue"),
        ];
        for (input, want) in cases {
            assert_eq!(join_cjk(input), want, "{input:?}");
        }
    }

    #[test]
    fn wrapped_lines_are_joined() {
        let cases = [
            ("北方小城的", "手艺人", "北方小城的手艺人"),
            ("西安：", "星河出版社, 2019. 3", "西安：星河出版社, 2019. 3"),
            ("Studies of", "river towns", "Studies of river towns"),
            ("", "河", "河"),
        ];
        for (a, b, want) in cases {
            assert_eq!(join_wrapped(a, b), want, "{a:?} + {b:?}");
        }
    }

    #[test]
    fn labels_are_squeezed() {
        for (input, want) in [("印 张", "印张"), ("网　址", "网址"), ("E-mail", "E-mail")]
        {
            assert_eq!(squeeze(input), want);
        }
    }
}
