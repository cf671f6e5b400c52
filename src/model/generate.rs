//! 任意书 (arbitrary books), behind the `arbitrary` feature: `arbitrary::Arbitrary` for the
//! model's validated types and for [`Book`], so the fuzz target (`fuzz/`, target `book`) and the
//! property tests build any book from bytes through one generator.
//!
//! Every other model type derives `Arbitrary`; the impls here keep the invariants the model's
//! constructors and serde forms check: an [`Isbn`] has its check digit, a [`LanguageTag`] is
//! valid BCP 47, a [`Relator`] is a MARC code, a [`PartialDate`] is a real date, a [`TrimSize`]
//! is positive, a [`Contributor`] has a name, and a [`Book`] passes [`Book::check`] (unique ids, note `i` at index `i`, references that
//! resolve). Text is left as arbitrary as it comes: controls, markup of either format, any
//! script — what the writers must survive.

use arbitrary::{Arbitrary, Result, Unstructured};

use super::{
    Block, Book, Contributor, Inline, Isbn, LanguageTag, NoteId, PartialDate, Relator, TrimSize,
    isbn, relator,
};

/// Tags worth meeting often: the writers' language branches (CJK, Traditional, Latin, RTL).
const TAGS: &[&str] = &[
    "und",
    "zh-CN",
    "zh-TW",
    "zh-Hant-TW",
    "zh-Hans",
    "zh-HK",
    "zh-Latn-pinyin",
    "en",
    "en-GB",
    "ja",
    "ko",
    "fr",
    "ar",
    "he",
];

impl<'a> Arbitrary<'a> for LanguageTag {
    /// Any valid tag the bytes spell, else one of [`TAGS`].
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let spelled: &str = u.arbitrary()?;
        match LanguageTag::new(spelled) {
            Ok(tag) => Ok(tag),
            Err(_) => Ok(LanguageTag::new(u.choose(TAGS)?).expect("TAGS are BCP 47")),
        }
    }
}

impl<'a> Arbitrary<'a> for Relator {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(Relator::new(u.choose(relator::MARC_RELATORS)?).expect("a MARC code"))
    }
}

impl<'a> Arbitrary<'a> for Contributor {
    /// Any contributor whose name, trimmed, is not empty (as its serde form requires).
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let name: String = u.arbitrary()?;
        let name = match name.trim() {
            "" => "佚名".to_string(),
            trimmed => trimmed.to_string(),
        };
        Ok(Contributor {
            name,
            role: u.arbitrary()?,
            label: u.arbitrary()?,
            file_as: u.arbitrary()?,
            affiliation: u.arbitrary()?,
        })
    }
}

impl<'a> Arbitrary<'a> for Isbn {
    /// An ISBN-13 (978 or 979) with its check digit, printed with hyphens.
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let prefix = *u.choose(&["978", "979"])?;
        let mut body = String::new();
        for _ in 0..9 {
            body.push(char::from(b'0' + u.int_in_range(0..=9u8)?));
        }
        let check = isbn::check13(&format!("{prefix}{body}"));
        Ok(isbn::parse_isbn(&format!("{prefix}-{body}-{check}")).expect("a checked ISBN"))
    }
}

impl<'a> Arbitrary<'a> for PartialDate {
    /// A year 1–9999, perhaps with a month, perhaps with a day of that month.
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let year = u.int_in_range(1..=9999u16)?;
        let month = if u.arbitrary()? {
            Some(u.int_in_range(1..=12u8)?)
        } else {
            None
        };
        let day = match month {
            Some(_) if u.arbitrary()? => Some(u.int_in_range(1..=31u8)?),
            _ => None,
        };
        let date = PartialDate { year, month, day };
        // The 31st of a short month falls back to the month alone.
        Ok(date
            .to_string()
            .parse()
            .unwrap_or(PartialDate { day: None, ..date }))
    }
}

impl<'a> Arbitrary<'a> for TrimSize {
    /// 0.1 mm to 2000 mm a side.
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let mm = |u: &mut Unstructured<'a>| Ok(f32::from(u.int_in_range(1..=20_000u16)?) / 10.0);
        Ok(TrimSize {
            width_mm: mm(u)?,
            height_mm: mm(u)?,
        })
    }
}

impl<'a> Arbitrary<'a> for Book {
    /// Arbitrary metadata, divisions and notes, then settled as the reader settles them: ids
    /// made unique ([`Book::settle_ids`]), each note at its index, each note reference pointing
    /// at some note (none left when the book has no notes), contents targets that name no
    /// division dropped.
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let mut book = Book {
            meta: u.arbitrary()?,
            front: u.arbitrary()?,
            body: u.arbitrary()?,
            back: u.arbitrary()?,
            notes: u.arbitrary()?,
        };
        settle(&mut book);
        Ok(book)
    }
}

/// Makes an arbitrary book keep the model's invariants ([`Book::check`]).
fn settle(book: &mut Book) {
    book.settle_ids();
    for (i, n) in book.notes.iter_mut().enumerate() {
        n.id = NoteId::new(i);
    }
    let notes = book.notes.len();
    let mut ids = std::collections::HashSet::new();
    book.each_division(&mut |d| {
        ids.insert(d.id.clone());
    });
    book.each_division_mut(&mut |d| {
        resolve(&mut d.title, notes);
        if let Some(k) = &mut d.kicker {
            resolve(k, notes);
        }
        for b in &mut d.blocks {
            b.for_each_run_mut(&mut |run| resolve(run, notes));
            // Contents targets that name no division are dropped.
            if let Block::Contents(entries) = b {
                for e in entries.iter_mut() {
                    if e.target.as_ref().is_some_and(|t| !ids.contains(t)) {
                        e.target = None;
                    }
                }
            }
        }
    });
    for n in &mut book.notes {
        resolve(&mut n.content, notes);
    }
    debug_assert_eq!(book.check(), Ok(()));
}

/// Points every note reference of a run at one of the book's `notes` (or drops it).
fn resolve(inlines: &mut Vec<Inline>, notes: usize) {
    inlines.retain(|i| notes > 0 || !matches!(i, Inline::NoteRef(_)));
    for i in inlines {
        match i {
            Inline::NoteRef(id) => *id = NoteId::new(id.index() % notes),
            Inline::Emphasis(inner) | Inline::Strong(inner) => resolve(inner, notes),
            Inline::Text(_) | Inline::PageBreak(_) | Inline::LineBreak => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Bytes from a fixed pseudo-random sequence (xorshift), so the test is the same each run.
    fn bytes(seed: u64, len: usize) -> Vec<u8> {
        let mut x = seed.max(1);
        (0..len)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x as u8
            })
            .collect()
    }

    #[test]
    fn arbitrary_books_keep_the_invariants() {
        let mut with_notes = 0;
        let mut with_refs = 0;
        for seed in 1..300 {
            let data = bytes(seed, 4096);
            let book = Book::arbitrary(&mut Unstructured::new(&data)).unwrap();
            assert_eq!(book.check(), Ok(()), "seed {seed}");
            with_notes += usize::from(!book.notes.is_empty());
            let mut refs = Vec::new();
            book.each_division(&mut |d| refs.extend(d.own_note_refs()));
            with_refs += usize::from(!refs.is_empty());
        }
        // The generator reaches books with notes and with references to them.
        assert!(
            with_notes > 30 && with_refs > 10,
            "{with_notes} {with_refs}"
        );
    }

    #[test]
    fn validated_values_are_valid() {
        for seed in 1..200 {
            let data = bytes(seed, 256);
            let mut u = Unstructured::new(&data);
            let isbn = Isbn::arbitrary(&mut u).unwrap();
            assert_eq!(Isbn::parse(&isbn.printed), Ok(isbn.clone()));
            let tag = LanguageTag::arbitrary(&mut u).unwrap();
            assert_eq!(LanguageTag::new(tag.as_str()), Ok(tag.clone()));
            let role = Relator::arbitrary(&mut u).unwrap();
            assert_eq!(Relator::new(role.code()), Ok(role.clone()));
            let date = PartialDate::arbitrary(&mut u).unwrap();
            assert_eq!(date.to_string().parse(), Ok(date));
            let trim = TrimSize::arbitrary(&mut u).unwrap();
            assert!(trim.width_mm > 0.0 && trim.height_mm <= 2000.0, "{trim:?}");
        }
    }
}
