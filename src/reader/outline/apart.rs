//! A label and its title set apart by margin words (标号与标题之间的边注): a manual that
//! prints option names or code line numbers in the margin beside a heading comes out of
//! pdftotext as the label alone, those words on short lines of their own, then the title
//! (`4.2` / `GBK` / `UTF8` / blank / `中文编码`). Only the printed contents tells the title
//! from the words: the entry's title is looked for a few lines below a line that prints the
//! entry's label alone, every line between being a margin word ([`margin_word`]). The words
//! stay text; the units builder hangs the title on the heading above them.

use crate::reader::Line;
use crate::reader::kind::Kind;
use crate::reader::script::is_han;
use crate::reader::text::ends_sentence;

use super::contents::margin;
use super::index::Index;

/// Most margin-word lines between a label and its title.
pub const MAX_WORDS: usize = 3;

/// Longest margin word, in characters.
const MAX_WORD: usize = 16;

/// Whether a line may be a word printed in the margin beside a heading: short, no Han
/// character, no sentence (an option name `zihao`, `UTF8`, a code line number `3791`).
pub fn margin_word(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty()
        && t.chars().count() <= MAX_WORD
        && !t.chars().any(is_han)
        && !ends_sentence(t)
        && !t.contains(char::is_whitespace)
}

/// The (label line, title line) of an entry whose label (`label` key) and title (`title` key)
/// are printed apart by margin words, the first such pair from `from` on.
pub(super) fn find(
    lines: &[Line<'_>],
    kinds: &[Kind],
    index: &Index,
    label: &str,
    title: &str,
    from: usize,
) -> Option<(usize, usize)> {
    if label.is_empty() || title.is_empty() {
        return None;
    }
    Index::after(&index.one, title, from).find_map(|t| {
        let mut words = 0;
        let mut j = t;
        loop {
            j = (from..j).rev().find(|&p| !margin(&kinds[p]))?;
            if index.key[j] == label {
                return (words > 0).then_some((j, t));
            }
            if words == MAX_WORDS || kinds[j] != Kind::Text || !margin_word(lines[j].text) {
                return None;
            }
            words += 1;
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_below_margin_words_is_found_from_its_label() {
        let text = "第一段正文。\n\n3.2\nASCII\nUTF8\n\n渡口编码\n\n正文说明。\n";
        let lines = crate::reader::lines::split(text);
        let kinds: Vec<Kind> = lines
            .iter()
            .map(|l| crate::reader::classify::classify(l.text))
            .collect();
        let title = super::super::index::line_key("渡口编码");
        let label = super::super::index::line_key("3.2");
        let wanted = std::collections::HashSet::from([title.as_str()]);
        let index = Index::new(&lines, &kinds, &wanted);
        assert_eq!(
            find(&lines, &kinds, &index, &label, &title, 0),
            Some((2, 6))
        );
        // a sentence between them is no margin word
        let text = "3.2\nThis wraps.\n渡口编码\n";
        let lines = crate::reader::lines::split(text);
        let kinds: Vec<Kind> = lines
            .iter()
            .map(|l| crate::reader::classify::classify(l.text))
            .collect();
        let index = Index::new(&lines, &kinds, &wanted);
        assert_eq!(find(&lines, &kinds, &index, &label, &title, 0), None);
    }

    #[test]
    fn margin_words() {
        assert!(margin_word("UTF8") && margin_word("zihao") && margin_word(" 3791 "));
        assert!(!margin_word("中文编码"));
        assert!(!margin_word("two words"));
        assert!(!margin_word("An option that is described here at length"));
        assert!(!margin_word(""));
    }
}
