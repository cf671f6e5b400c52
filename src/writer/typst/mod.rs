//! Typst writer (排版源文件): a self-contained project (`main.typ` content + `book.typ` template) for print.
//!
//! The project compiles with `typst compile main.typ` in its folder. `main.typ` holds only the
//! book's content, as calls to the template's functions; `book.typ` holds only the design
//! (`styles/book/*.typ` joined in order as `book.typ`, or the template given in [`TypstOptions::template`]); `FONTS.md` names the
//! fonts the book needs.

pub mod escape;
mod markup;
mod orphans;

use crate::model::{Book, Resource, TrimSize};
use crate::writer::Output;

/// The built-in template: page, fonts, headings, notes, running heads.
pub const DEFAULT_TEMPLATE: &str = concat!(
    include_str!("../../../styles/book/1-page.typ"),
    include_str!("../../../styles/book/2-display.typ"),
    include_str!("../../../styles/book/3-text.typ"),
);

/// CJK serif families (宋体) the template can use, in order of preference; the PDF step picks
/// the first one installed and passes it as `--input cjk-serif=…`.
pub const CJK_SERIF_FONTS: &[&str] = &[
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "Source Han Serif CN",
    "Songti SC",
    "SimSun",
];

/// CJK serif families (明體) for Traditional Chinese books (zh-Hant, zh-TW, zh-HK), whose
/// punctuation is centred in the em, in order of preference; the PDF step passes the first one
/// installed as `--input cjk-serif-hant=…` (else the chosen [`CJK_SERIF_FONTS`] family).
pub const CJK_SERIF_FONTS_HANT: &[&str] = &[
    "Noto Serif CJK TC",
    "Source Han Serif TC",
    "Source Han Serif TW",
    "Songti TC",
    "PMingLiU",
];

/// The Latin serif for Latin letters and digits in the text (embedded in every Typst compiler).
pub const LATIN_SERIF: &str = "Libertinus Serif";

/// The Latin serif used when [`LATIN_SERIF`] is not installed (Linux Libertine, Debian's
/// `fonts-linuxlibertine`; the in-process compiler sees system fonts only).
pub const LATIN_SERIF_FALLBACK: &str = "Linux Libertine O";

/// A5 (148 mm × 210 mm): the page when the book states no trim size.
pub const A5: TrimSize = TrimSize {
    width_mm: 148.0,
    height_mm: 210.0,
};

/// How to write the Typst project.
#[derive(Debug, Clone, Default)]
pub struct TypstOptions {
    /// A template replacing the built-in `book.typ` ([`DEFAULT_TEMPLATE`]).
    pub template: Option<String>,
    /// Bleed in millimetres added on every side for the printer (0 for none).
    pub bleed_mm: f32,
    /// Font files to ship in the project's `fonts/` folder (book.toml's `[[resources]]`), found
    /// by `typst compile --font-path fonts` and paiban's PDF step.
    pub fonts: Vec<Resource>,
}

/// The project folder holding [`TypstOptions::fonts`].
pub const FONTS_DIR: &str = "fonts";

/// The trim size the project will use: the book's (成品尺寸, from the colophon or book.toml),
/// else A5.
pub fn page_size(book: &Book) -> TrimSize {
    let valid = |t: &TrimSize| {
        t.width_mm.is_finite() && t.height_mm.is_finite() && t.width_mm > 0.0 && t.height_mm > 0.0
    };
    book.meta.trim.filter(valid).unwrap_or(A5)
}

/// The Typst writer: the book as a project — `main.typ`, `book.typ`, `FONTS.md` and the fonts
/// under [`FONTS_DIR`] — with the diagnostics found writing it. It cannot fail.
pub fn write_typst(book: &Book, opts: &TypstOptions) -> Output {
    let page = markup::Page {
        trim: page_size(book),
        bleed_mm: opts.bleed_mm,
    };
    let main = markup::main_typ(book, page);
    let template = opts.template.as_deref().unwrap_or(DEFAULT_TEMPLATE);
    let mut files = vec![
        ("main.typ".into(), main.into_bytes()),
        ("book.typ".into(), template.as_bytes().to_vec()),
        (
            "FONTS.md".into(),
            fonts_note(book, &opts.fonts).into_bytes(),
        ),
    ];
    files.extend(
        opts.fonts
            .iter()
            .filter(|f| f.media_type().is_font())
            .map(|f| (format!("{FONTS_DIR}/{}", f.path()), f.bytes().to_vec())),
    );
    Output::new(files)
}

/// `text` on one line of a text file: line breaks and tabs as spaces, other controls dropped.
fn plain_line(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' | '\u{85}' | '\u{2028}' | '\u{2029}' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

/// The note naming the fonts the book needs and how to compile it.
fn fonts_note(book: &Book, fonts: &[Resource]) -> String {
    let mut s = String::new();
    s.push_str("# Fonts (字体)\n\n");
    s.push_str(&format!(
        "This project typesets *{}*. Compile it in this folder with:\n\n    typst compile main.typ\n\n",
        plain_line(&book.meta.title)
    ));
    // A Traditional Chinese book is set in a 明體 with centred punctuation (`cjk-serif-hant`).
    let (cjk_fonts, kind, input, other) = if markup::centred_punctuation(&book.meta.language) {
        (
            CJK_SERIF_FONTS_HANT,
            "明體, with centred punctuation",
            "cjk-serif-hant",
            "Source Han Serif TC",
        )
    } else {
        (CJK_SERIF_FONTS, "宋体", "cjk-serif", "Source Han Serif SC")
    };
    s.push_str(&format!(
        "It needs a CJK serif ({kind}) for the Chinese text — the first installed of:\n\n"
    ));
    for f in cjk_fonts {
        s.push_str(&format!("- {f}\n"));
    }
    s.push_str(&format!(
        "\n`book.typ` uses {} unless told otherwise; choose another with\n\n    typst compile --input {input}=\"{other}\" main.typ\n\n",
        cjk_fonts[0]
    ));
    s.push_str(&format!(
        "Latin letters and digits use {LATIN_SERIF}, which every Typst compiler embeds \
         (override with `--input latin-serif=…`; paiban's PDF step falls back to \
         {LATIN_SERIF_FALLBACK}). An English book is set in {LATIN_SERIF} throughout and needs no \
         CJK font unless its text has CJK characters.\nOn Debian/Ubuntu: \
         `apt install fonts-noto-cjk fonts-linuxlibertine`. \
         Typst only warns about a missing font; treat that warning as an error, or the PDF \
         will show empty boxes.\n"
    ));
    if !fonts.is_empty() {
        s.push_str(&format!(
            "\nThe fonts book.toml lists are in `{FONTS_DIR}/`; compile with\n\n    \
             typst compile --font-path {FONTS_DIR} main.typ\n\nso that Typst finds them:\n\n"
        ));
        for f in fonts {
            s.push_str(&format!("- `{FONTS_DIR}/{}`\n", f.path()));
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fonts_note_names_the_title_on_one_clean_line() {
        let cases = [
            ("书名", "书名"),
            ("A\nB\r\nC", "A B  C"),
            ("A\u{b}B\u{1}", "AB"),
            ("A\u{2028}B\tC", "A B C"),
        ];
        for (title, want) in cases {
            assert_eq!(plain_line(title), want, "{title:?}");
        }
        let book = Book {
            meta: crate::model::Metadata {
                title: "卷\u{b}一".into(),
                ..Default::default()
            },
            ..Book::default()
        };
        let note = fonts_note(&book, &[]);
        assert!(note.contains("typesets *卷一*"), "{note}");
    }
}
