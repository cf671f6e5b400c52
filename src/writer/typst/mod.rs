//! Typst writer (排版源文件): a self-contained project (`main.typ` content + `book.typ` template) for print.
//!
//! The project compiles with `typst compile main.typ` in its folder. `main.typ` holds only the
//! book's content, as calls to the template's functions; `book.typ` holds only the design
//! (`styles/book.typ`, or the template given in [`TypstOptions::template`]); `FONTS.md` names the
//! fonts the book needs.

pub mod escape;
mod markup;
mod orphans;
mod runts;

use std::path::Path;

use crate::model::{Book, Resource, TrimSize};

/// The built-in template: page, fonts, headings, notes, running heads.
pub const DEFAULT_TEMPLATE: &str = include_str!("../../../styles/book.typ");

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
    /// A template replacing the built-in `styles/book.typ`.
    pub template: Option<String>,
    /// Bleed in millimetres added on every side for the printer (0 for none).
    pub bleed_mm: f32,
    /// Font files to ship in the project's `fonts/` folder (book.toml's `[[resources]]`), found
    /// by `typst compile --font-path fonts` and paiban's PDF step.
    pub fonts: Vec<Resource>,
}

/// The project folder holding [`TypstOptions::fonts`].
pub const FONTS_DIR: &str = "fonts";

/// A written project: relative paths and file contents.
#[derive(Debug, Clone, Default)]
pub struct TypstProject {
    /// Files of the project, e.g. `main.typ`, `book.typ`, `FONTS.md`.
    pub files: Vec<(String, Vec<u8>)>,
}

impl TypstProject {
    /// The contents of the file at `path`, if the project has it.
    pub fn file(&self, path: &str) -> Option<&[u8]> {
        self.files
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, b)| b.as_slice())
    }

    /// Writes every file under `dir` (created if missing).
    pub fn write_to(&self, dir: &Path) -> std::io::Result<()> {
        std::fs::create_dir_all(dir)?;
        for (name, bytes) in &self.files {
            let path = dir.join(name);
            // `fonts/fonts/Body.otf`: a resource keeps its folders
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(path, bytes)?;
        }
        Ok(())
    }
}

/// The trim size the project will use: the book's (成品尺寸, from the colophon or book.toml),
/// else A5.
pub fn page_size(book: &Book) -> TrimSize {
    let valid = |t: &TrimSize| {
        t.width_mm.is_finite() && t.height_mm.is_finite() && t.width_mm > 0.0 && t.height_mm > 0.0
    };
    book.meta.trim.filter(valid).unwrap_or(A5)
}

/// Renders the book as a Typst project: `main.typ`, `book.typ`, `FONTS.md`.
pub fn write_typst(book: &Book, opts: &TypstOptions) -> TypstProject {
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
    TypstProject { files }
}

/// The note naming the fonts the book needs and how to compile it.
fn fonts_note(book: &Book, fonts: &[Resource]) -> String {
    let mut s = String::new();
    s.push_str("# Fonts (字体)\n\n");
    s.push_str(&format!(
        "This project typesets *{}*. Compile it in this folder with:\n\n    typst compile main.typ\n\n",
        book.meta.title.replace(['\n', '\r'], " ")
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
