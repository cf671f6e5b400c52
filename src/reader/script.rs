//! 文字 (scripts): the one definition of what is Han, from the Unicode Script property
//! (unicode-script), shared by every pass.

use unicode_script::{Script, UnicodeScript};

/// Whether `c` is a Han character (汉字: CJK ideographs of every block, 〇, 々, radicals), by its
/// Unicode Script property.
pub fn is_han(c: char) -> bool {
    c.script() == Script::Han
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn han_by_script() {
        for c in ['汉', '字', '〇', '々', '㐀', '𠀀', '𰀀', '丽'] {
            assert!(is_han(c), "{c}");
        }
        for c in ['a', '1', 'あ', 'ア', '한', '，', '。', '“', '·'] {
            assert!(!is_han(c), "{c}");
        }
    }
}
