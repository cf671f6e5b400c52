//! 月份名 (English month names): the one list the date recognisers share — a letter's dateline
//! ([`super::letters`]), a diary entry's date ([`super::diary`]) and a date on a title or
//! copyright page ([`super::front_matter`]). A leaf module: it imports nothing.

/// The twelve month names as printed in running text (`January` … `December`).
pub const NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The abbreviations printed for month names, without their period (`Sept` and `Sep` both;
/// May, June and July have none shorter than `Jun`/`Jul`).
pub const ABBREVIATIONS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec",
];

/// Whether `word` is a month name exactly as running text capitalises it (`May`, not `may`, a
/// verb, nor `MAY`).
pub fn is_name(word: &str) -> bool {
    NAMES.contains(&word)
}

/// Whether `word` is a month name in any case (`march`, `MARCH`).
pub fn is_name_any_case(word: &str) -> bool {
    NAMES.iter().any(|m| m.eq_ignore_ascii_case(word))
}

/// Whether `word` is a month's abbreviation in any case, without its period (`sept`, `Dec`).
pub fn is_abbreviation(word: &str) -> bool {
    ABBREVIATIONS.iter().any(|m| m.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_words() {
        // (word, is_name, is_name_any_case, is_abbreviation)
        let cases = [
            ("May", true, true, false),
            ("may", false, true, false),
            ("MARCH", false, true, false),
            ("September", true, true, false),
            ("Sept", false, false, true),
            ("sep", false, false, true),
            ("dec", false, false, true),
            ("Dec.", false, false, false),
            ("Mayor", false, false, false),
            ("Ju", false, false, false),
            ("", false, false, false),
        ];
        for (w, name, any, abbr) in cases {
            assert_eq!(
                (is_name(w), is_name_any_case(w), is_abbreviation(w)),
                (name, any, abbr),
                "{w:?}"
            );
        }
    }
}
