//! Letters (书信) inside a book: the salutation opening a letter (`MY DEAR TOBIAS,`, `“Dear
//! Sir,--`), the place and date above it (`Saltby, March 3rd.`), and the valediction and
//! signature closing it (`Your loving sister,` / `NELL.`). Each is its own paragraph in print;
//! without this pass a salutation ending in a comma was glued to the letter's first paragraph
//! and the signature to its last. The evidence is the shape of each short paragraph and its
//! neighbours: a signature needs a valediction above it, or a comma-ended paragraph inside a
//! letter whose salutation was found.

use super::Line;
use super::kind::Kind;
use super::months;

/// Longest salutation, valediction or dateline, in characters.
const MAX_LINE: usize = 60;

/// Longest signature (a name), in characters and in words.
const MAX_NAME: usize = 40;
const MAX_NAME_WORDS: usize = 5;

/// How far (in lines) a salutation keeps its letter open for a signature.
const LETTER_SPAN: usize = 400;

/// What [`mark`] found: (count, first 1-based line) per shape.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Found {
    /// Salutations opening letters.
    pub salutations: (usize, usize),
    /// Valedictions and signatures closing letters.
    pub signatures: (usize, usize),
    /// Place-and-date lines above a salutation.
    pub datelines: (usize, usize),
}

fn bump(t: &mut (usize, usize), line: usize) {
    if t.0 == 0 {
        t.1 = line;
    }
    t.0 += 1;
}

/// Opening quotation marks a letter quoted in dialogue starts each paragraph with.
const OPENING: &[char] = &['"', '“', '‘', '\''];

/// Closing quotation marks.
const CLOSING: &[char] = &['"', '”', '’'];

/// The line without its opening quotation mark and surrounding white space.
fn unquoted(text: &str) -> &str {
    text.trim().trim_start_matches(OPENING).trim()
}

/// Words that open a salutation (lower case), most specific first.
const SALUTATIONS: &[&str] = &[
    "my dearest",
    "my dear",
    "my own",
    "my lord",
    "my lady",
    "dearest",
    "dear",
    "honoured sir",
    "honored sir",
    "respected sir",
    "sir",
    "madam",
    "madame",
    "gentlemen",
    "ladies",
];

/// `My dear Tobias,` / `DEAR SIR,--` / `“Dear Brother,` / `Madam:` — a salutation line. A
/// quotation closed on the line is dialogue (`“Dear Jane,” said she`), never a salutation.
pub fn is_salutation(text: &str) -> bool {
    let t = unquoted(text);
    if t.is_empty() || t.chars().count() > MAX_LINE || t.contains(CLOSING) {
        return false;
    }
    let lower = t.to_lowercase();
    let Some(opener) = SALUTATIONS.iter().find(|o| {
        lower.starts_with(*o)
            && lower[o.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
    }) else {
        return false;
    };
    let rest = t[opener.len()..].trim_start();
    // `Dear me!`, `Dear, dear Kit.`, `My dear, you must not.`: exclamations and addresses in
    // prose; after `Dear` a salutation names someone
    let next_word = rest
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase();
    let names_someone =
        !next_word.is_empty() && !matches!(next_word.as_str(), "me" | "heart" | "god");
    if opener.contains("dear") && !names_someone || opener.contains("dear") && rest.is_empty() {
        return false;
    }
    let body = t.trim_end_matches(['-', '—', '–', ' ']);
    let ends = body.ends_with([',', ':', '!', ';']);
    let caps = t
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    let inner = body.trim_end_matches([',', ':', '!', ';']);
    body.split_whitespace().count() <= 7 && (ends || caps) && !inner.contains(['?', '!', ';', ','])
}

/// Words that open a valediction (lower case).
const VALEDICTIONS: &[&str] = &[
    "yours",
    "your",
    "ever yours",
    "ever your",
    "ever thine",
    "thine",
    "believe me",
    "i am,",
    "i am ever",
    "i am your",
    "i remain",
    "i rest",
    "faithfully",
    "sincerely",
    "affectionately",
    "truly",
    "respectfully",
    "cordially",
    "lovingly",
    "with love",
    "with kind",
    "with best",
    "with warm",
    "with every",
    "with much",
    "very truly",
    "very sincerely",
    "very faithfully",
    "most sincerely",
    "as ever",
    "adieu",
    "farewell",
    "in haste",
    "god bless you",
];

/// `Your loving sister,` / `Yours affectionately,` / `Ever yours,` / `Believe me, dear Sir,` —
/// the line before a signature.
pub fn is_valediction(text: &str) -> bool {
    let t = unquoted(text);
    if t.is_empty() || t.chars().count() > MAX_LINE || t.contains(CLOSING) {
        return false;
    }
    let lower = t.to_lowercase();
    let opens = VALEDICTIONS.iter().any(|o| {
        lower.starts_with(*o)
            && lower[o.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
    });
    let body = t.trim_end_matches(['-', '—', '–', ' ']);
    let words = body.split_whitespace().count();
    // `Yours, etc.` and `Ever yours.` close with a stop; longer lines with one are prose
    opens && (body.ends_with(',') && words <= 9 || body.ends_with('.') && words <= 3)
}

/// Lower-case words a name may hold (`Anne de Bourgh`).
const PARTICLES: &[&str] = &[
    "de", "van", "von", "der", "du", "la", "le", "of", "the", "and",
];

/// `NELL.` / `N. HARROW.` / `“CAROLINE BINGLEY”` / `Your friend, Tom` is not: a name alone.
pub fn is_name(text: &str) -> bool {
    let t = unquoted(text)
        .trim_end_matches(CLOSING)
        .trim_end_matches(['.', ',', '!'])
        .trim_end_matches(CLOSING)
        .trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.is_empty()
        || words.len() > MAX_NAME_WORDS
        || t.chars().count() > MAX_NAME
        || t.chars().filter(|c| c.is_alphabetic()).count() < 2
    {
        return false;
    }
    let word_ok = |w: &str| {
        let core = w.trim_end_matches(['.', ',']);
        let initial = core.chars().count() <= 2 && w.ends_with('.');
        let capital = core.starts_with(char::is_uppercase)
            && core
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'));
        initial || capital || PARTICLES.contains(&core)
    };
    words.iter().all(|w| word_ok(w))
        && words[0].starts_with(char::is_uppercase)
        && !super::closing::is_end_mark(t)
        && !is_valediction(t)
        && !is_salutation(t)
}

/// Whether a word is a day of the month (`3rd`, `15th`, `21st`) or a year (`1811`).
fn day_or_year(w: &str) -> bool {
    let w = w.trim_end_matches(['.', ',']);
    let digits: String = w.chars().take_while(char::is_ascii_digit).collect();
    let suffix = &w[digits.len()..];
    match digits.len() {
        1 | 2 => matches!(suffix, "st" | "nd" | "rd" | "th" | "d" | ""),
        4 => suffix.is_empty() && (1000..2100).contains(&digits.parse::<u32>().unwrap_or(0)),
        _ => false,
    }
}

/// `Saltby, March 3rd.` / `Gracechurch Street, Sept. 6.` / `London, 1811.` — a place and a
/// date: short, a month name or a day or year, not a sentence running on.
pub fn is_dateline(text: &str) -> bool {
    let t = unquoted(text);
    if t.is_empty() || t.chars().count() > MAX_LINE || t.contains(CLOSING) || t.ends_with(',') {
        return false;
    }
    let words: Vec<String> = t.split_whitespace().map(str::to_lowercase).collect();
    // `March`, `march,` or an abbreviation with its period (`Sept.`, `Dec.,`)
    let month = words.iter().any(|w| {
        let w = w.trim_end_matches(',');
        months::is_name_any_case(w) || w.strip_suffix('.').is_some_and(months::is_abbreviation)
    });
    let dated = words.iter().any(|w| day_or_year(w));
    // a date line has few lower-case words (`near`, `the`): not prose
    let lower_words = words
        .iter()
        .zip(t.split_whitespace())
        .filter(|(_, w)| w.starts_with(char::is_lowercase))
        .count();
    dated && (month || t.contains(',')) && lower_words <= 2
}

/// Whether a line's kind is text a letter is written in.
fn texty(k: &Kind) -> bool {
    matches!(k, Kind::Text | Kind::Quote | Kind::Verse)
}

/// Runs of adjacent text lines (paragraphs as printed), as index ranges.
fn runs(kinds: &[Kind]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < kinds.len() {
        if !texty(&kinds[i]) {
            i += 1;
            continue;
        }
        let end = (i..kinds.len())
            .find(|&j| !texty(&kinds[j]))
            .unwrap_or(kinds.len());
        out.push(i..end);
        i = end;
    }
    out
}

/// Whether a heading or another division-opening line lies between two lines.
fn heading_between(kinds: &[Kind], a: usize, b: usize) -> bool {
    (a..b).any(|j| kinds[j].is_heading())
}

/// Marks salutations ([`Kind::Salutation`]), the datelines above them ([`Kind::Dateline`]),
/// and valedictions and signatures ([`Kind::Signature`]); a name under its valediction gets
/// the hint that joins the two into one signature block (a line break between).
pub fn mark(lines: &[Line<'_>], kinds: &mut [Kind], hints: &mut [Option<bool>]) -> Found {
    let mut found = Found::default();
    let runs = runs(kinds);
    let text = |i: usize| lines[i].text;
    // the salutation of the letter still open, if any
    let mut open: Option<usize> = None;
    for (k, r) in runs.iter().enumerate() {
        let first = r.start;
        if let Some(s) = open {
            if first > s + LETTER_SPAN || heading_between(kinds, s, first) {
                open = None;
            }
        }
        // a salutation: a paragraph of one line, or the first line of a letter's first paragraph
        let alone = r.len() == 1;
        let short = text(first).trim().chars().count() <= MAX_NAME;
        if is_salutation(text(first)) && (alone || short && !text(first).trim_end().ends_with('!'))
        {
            kinds[first] = Kind::Salutation;
            bump(&mut found.salutations, lines[first].no);
            open = Some(first);
            if let Some(p) = k.checked_sub(1).map(|p| &runs[p]) {
                if p.len() == 1
                    && is_dateline(text(p.start))
                    && !heading_between(kinds, p.start, first)
                {
                    kinds[p.start] = Kind::Dateline;
                    bump(&mut found.datelines, lines[p.start].no);
                }
            }
            continue;
        }
        // a valediction: its own paragraph, or the first of two lines with the name below
        if r.len() <= 2 && is_valediction(text(first)) {
            let name_below = if r.len() == 2 {
                is_name(text(first + 1)).then_some(first + 1)
            } else {
                runs.get(k + 1)
                    .filter(|n| n.len() == 1 && is_name(text(n.start)))
                    .map(|n| n.start)
            };
            if name_below.is_some() || open.is_some() && r.len() == 1 {
                kinds[first] = Kind::Signature;
                bump(&mut found.signatures, lines[first].no);
                if let Some(n) = name_below {
                    kinds[n] = Kind::Signature;
                    hints[n] = Some(true);
                    bump(&mut found.signatures, lines[n].no);
                }
                open = None;
                continue;
            }
        }
        // a name alone after a comma-ended paragraph of an open letter (`…your friend,`)
        if let (Some(_), true) = (open, alone) {
            let after_comma = k.checked_sub(1).is_some_and(|p| {
                let last = text(runs[p].end - 1).trim_end();
                last.trim_end_matches(['-', '—']).ends_with(',')
            });
            if after_comma && is_name(text(first)) && kinds[first] != Kind::Signature {
                kinds[first] = Kind::Signature;
                bump(&mut found.signatures, lines[first].no);
                open = None;
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reader::classify::classify;
    use crate::reader::lines::split;

    #[test]
    fn salutations() {
        let table = [
            ("MY DEAR TOBIAS,", true),
            ("“Dear Sir,--", true),
            ("\"Dear Brother,", true),
            ("My dearest Kit,—", true),
            ("DEAR SIR", true),
            ("Madam:", true),
            ("Sir,", true),
            ("Gentlemen,", true),
            ("“Dear Jane,” said she.", false),
            ("Dear me!", false),
            ("Dear, dear Kit.", false),
            (
                "Dear Tobias, the tide came in early and the field was under water.",
                false,
            ),
            ("Sir Walter rode on.", false),
            ("Sirs and ladies of the town came out,", false),
            ("Dearly beloved,", false),
            ("My dear, you must not.", false),
        ];
        for (t, want) in table {
            assert_eq!(is_salutation(t), want, "{t:?}");
        }
    }

    #[test]
    fn valedictions_names_and_datelines() {
        let vale = [
            ("Your loving sister,", true),
            ("“Yours affectionately,", true),
            ("Ever yours,", true),
            ("I remain, dear Sir, your obedient servant,", true),
            ("Believe me, dear Kit,", true),
            ("Your father was a sailor, and so was his.", false),
            ("Yours is the blue one,” she said.", false),
            (
                "Truly the river was high that year, and the mill stood idle,",
                false,
            ),
        ];
        for (t, want) in vale {
            assert_eq!(is_valediction(t), want, "{t:?}");
        }
        let names = [
            ("NELL.", true),
            ("N. HARROW.", true),
            ("“CAROLINE VANE”", true),
            ("\"NELL HARROW.\"", true),
            ("Anne de Vere.", true),
            ("THE END", false),
            ("She went home.", false),
            ("Ever yours,", false),
            ("and so on", false),
            (
                "Tom, Dick, and the whole long family of Harrows from the marsh",
                false,
            ),
        ];
        for (t, want) in names {
            assert_eq!(is_name(t), want, "{t:?}");
        }
        let dates = [
            ("Saltby, March 3rd.", true),
            ("“Crossway, near Fenton, Kent, 15th October.", true),
            ("Gracechurch Street, Sept. 6.", true),
            ("London, 1811.", true),
            ("March came in like a lion.", false),
            (
                "In 1811 the river rose over the lower fields of the farm.",
                false,
            ),
            ("May I come in?", false),
        ];
        for (t, want) in dates {
            assert_eq!(is_dateline(t), want, "{t:?}");
        }
    }

    fn kinds_of(text: &str) -> (Vec<Kind>, Found) {
        let lines = split(text);
        let mut kinds: Vec<Kind> = lines.iter().map(|l| classify(l.text)).collect();
        let mut hints = vec![None; lines.len()];
        let found = mark(&lines, &mut kinds, &mut hints);
        for (i, k) in kinds.iter().enumerate() {
            if *k == Kind::Signature && hints[i] == Some(true) {
                let above = (0..i).rev().find(|&j| kinds[j] != Kind::Blank);
                assert_eq!(
                    above.map(|j| &kinds[j]),
                    Some(&Kind::Signature),
                    "joined to its valediction"
                );
            }
        }
        (kinds, found)
    }

    #[test]
    fn a_letter_is_opened_and_closed() {
        let text = "\
She broke the seal and read:

Saltby, March 3rd.

MY DEAR TOBIAS,

The tide came in early this morning, and I write to you from
the kitchen table.

Your loving sister,

NELL.

She folded it away.
";
        let (kinds, found) = kinds_of(text);
        assert_eq!(kinds[2], Kind::Dateline);
        assert_eq!(kinds[4], Kind::Salutation);
        assert_eq!(kinds[6], Kind::Text);
        assert_eq!(kinds[9], Kind::Signature);
        assert_eq!(kinds[11], Kind::Signature);
        assert_eq!(kinds[13], Kind::Text);
        assert_eq!(found.salutations, (1, 5));
        assert_eq!(found.signatures, (2, 10));
        assert_eq!(found.datelines, (1, 3));
    }

    #[test]
    fn a_name_after_a_comma_closes_an_open_letter_only() {
        let letter = "\
\"Dear Brother,

\"The water has gone down at last, and I remain your friend,

\"NELL HARROW.\"

Then she wept, as she always did,

Tom.
";
        let (kinds, found) = kinds_of(letter);
        assert_eq!(kinds[0], Kind::Salutation);
        assert_eq!(kinds[4], Kind::Signature);
        assert_eq!(kinds[8], Kind::Text, "the letter was closed");
        assert_eq!(found.signatures, (1, 5));
        // no salutation: a name after a comma is text
        let (kinds, _) = kinds_of("He said, at last,\n\nTom.\n");
        assert_eq!(kinds[2], Kind::Text);
    }

    #[test]
    fn a_signature_glued_below_its_valediction() {
        let (kinds, _) = kinds_of(
            "Dear Tobias,--\nI have moved to the ferry house.\n\nEver yours,\nN. HARROW.\n",
        );
        assert_eq!(kinds[0], Kind::Salutation);
        assert_eq!(kinds[1], Kind::Text);
        assert_eq!(
            (kinds[3].clone(), kinds[4].clone()),
            (Kind::Signature, Kind::Signature)
        );
    }
}
