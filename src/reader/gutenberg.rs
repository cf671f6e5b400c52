//! Project Gutenberg (古登堡计划) files: the header before `*** START OF …` (or the old
//! `*END*THE SMALL PRINT!`), the licence from `End of the Project Gutenberg EBook …` /
//! `*** END OF …` to the end of the file, the header's labelled fields (`Title:`, `Author:`,
//! `Translator:`, `Release Date: … [EBook #N]`, `Language:`) and the transcription credit
//! (`Produced by …`) printed under the start line. Lines found here leave the body as
//! furniture with a [`Removal`] reason; the fields become metadata in [`apply`].

use std::ops::Range;

use crate::model::{Block, Book, Contributor, Division, DivisionKind, Inline, Para, Relator};

use super::Line;

/// Why a run of lines left the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Removal {
    /// The Project Gutenberg header, up to and including its start line.
    Header,
    /// The closing line, the end marker and the Project Gutenberg licence after the text.
    Licence,
    /// `Produced by …`: kept on the copyright page, not in the body.
    Credit,
}

impl Removal {
    /// The reason shown by `inspect`.
    pub fn reason(self) -> &'static str {
        match self {
            Removal::Header => "Project Gutenberg header (its fields became metadata)",
            Removal::Licence => "Project Gutenberg licence (--keep-licence keeps it)",
            Removal::Credit => "transcription credit (moved to the copyright page)",
        }
    }
}

/// A person named in the header, with the MARC role of the field (`Translator:` → `trl`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// The name as printed.
    pub name: String,
    /// MARC relator code.
    pub role: &'static str,
}

/// The labelled fields of the header and the closing line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fields {
    /// `Title:`, first line.
    pub title: Option<String>,
    /// Indented lines under `Title:` (a subtitle).
    pub subtitle: Option<String>,
    /// `Author:`, `Translator:`, `Editor:`, `Illustrator:` … in header order.
    pub people: Vec<Person>,
    /// `Release Date:` as printed, without the ebook number.
    pub release_date: Option<String>,
    /// `Language:` as a BCP 47 primary tag (`English` → `en`), when the name is known.
    pub language: Option<String>,
    /// The ebook number from `[EBook #1342]`.
    pub ebook: Option<String>,
    /// `Produced by …` credits as printed (from the header or under the start line).
    pub credits: Vec<String>,
    /// `End of the Project Gutenberg EBook of TITLE, by AUTHOR`: (title, author).
    pub closing: Option<(String, Option<String>)>,
}

/// What this pass found: runs of lines (0-based, end exclusive) to remove, and the fields.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Boilerplate {
    /// Removed runs with their reason, in manuscript order.
    pub removed: Vec<(Range<usize>, Removal)>,
    /// The header's fields.
    pub fields: Fields,
}

impl Boilerplate {
    /// Whether the manuscript is a Project Gutenberg file (a header, licence or closing line).
    pub fn found(&self) -> bool {
        !self.removed.is_empty()
    }

    /// The licence run, if any.
    pub fn licence(&self) -> Option<Range<usize>> {
        self.removed
            .iter()
            .find(|(_, r)| *r == Removal::Licence)
            .map(|(r, _)| r.clone())
    }
}

/// Letters and digits of a line, upper-cased: `*** START OF THIS …` → `STARTOFTHIS…`.
fn squeezed(text: &str) -> String {
    text.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// `*** START OF THE PROJECT GUTENBERG EBOOK …`, `***START OF THIS …`, `*END*THE SMALL PRINT!`.
pub fn is_start(text: &str) -> bool {
    let t = text.trim();
    if !t.starts_with('*') {
        return false;
    }
    let s = squeezed(t);
    s.starts_with("STARTOFTHEPROJECTGUTENBERG")
        || s.starts_with("STARTOFTHISPROJECTGUTENBERG")
        || s.starts_with("ENDTHESMALLPRINT")
}

/// `*** END OF THE PROJECT GUTENBERG EBOOK …`, `End of the Project Gutenberg EBook of …`,
/// `End of Project Gutenberg's …`, `End of this Project Gutenberg Etext`.
pub fn is_end(text: &str) -> bool {
    let t = text.trim();
    // the two shapes, told by their first characters before the line is squeezed
    let starred = t.starts_with('*');
    let end_of = t.len() < 200 && t.get(..6).is_some_and(|p| p.eq_ignore_ascii_case("end of"));
    if !starred && !end_of {
        return false;
    }
    let s = squeezed(t);
    let marker = starred
        && (s.starts_with("ENDOFTHEPROJECTGUTENBERG")
            || s.starts_with("ENDOFTHISPROJECTGUTENBERG"));
    let closing = end_of
        && [
            "ENDOFTHEPROJECTGUTENBERG",
            "ENDOFPROJECTGUTENBERG",
            "ENDOFTHISPROJECTGUTENBERG",
        ]
        .iter()
        .any(|p| s.starts_with(p));
    marker || closing
}

/// Header labels and what they hold; person fields carry their MARC role.
const LABELS: &[(&str, Label)] = &[
    ("title", Label::Title),
    ("author", Label::Person("aut")),
    ("authors", Label::Person("aut")),
    ("translator", Label::Person("trl")),
    ("translators", Label::Person("trl")),
    ("translated by", Label::Person("trl")),
    ("editor", Label::Person("edt")),
    ("editors", Label::Person("edt")),
    ("illustrator", Label::Person("ill")),
    ("illustrators", Label::Person("ill")),
    ("compiler", Label::Person("com")),
    ("contributor", Label::Person("ctb")),
    ("release date", Label::Release),
    ("release date (first posted)", Label::Release),
    ("language", Label::Language),
    ("produced by", Label::Credit),
    ("credits", Label::Credit),
    ("posting date", Label::Other),
    ("last updated", Label::Other),
    ("character set encoding", Label::Other),
    ("original publication", Label::Other),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Label {
    Title,
    Person(&'static str),
    Release,
    Language,
    Credit,
    Other,
}

/// `Title: Pride and Prejudice` → (Title, `Pride and Prejudice`).
fn labelled(text: &str) -> Option<(Label, &str)> {
    let (key, value) = text.split_once(':')?;
    if key.starts_with(char::is_whitespace) || key.len() > 30 {
        return None;
    }
    let key = key.trim().to_ascii_lowercase();
    LABELS
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, l)| (*l, value.trim()))
}

/// Language names of the `Language:` field → BCP 47 primary tags.
const LANGUAGES: &[(&str, &str)] = &[
    ("english", "en"),
    ("chinese", "zh"),
    ("french", "fr"),
    ("german", "de"),
    ("spanish", "es"),
    ("italian", "it"),
    ("portuguese", "pt"),
    ("dutch", "nl"),
    ("latin", "la"),
    ("finnish", "fi"),
    ("swedish", "sv"),
    ("danish", "da"),
    ("norwegian", "no"),
    ("russian", "ru"),
    ("greek", "el"),
    ("polish", "pl"),
    ("hungarian", "hu"),
    ("czech", "cs"),
    ("catalan", "ca"),
    ("esperanto", "eo"),
    ("japanese", "ja"),
    ("welsh", "cy"),
    ("irish", "ga"),
    ("tagalog", "tl"),
];

/// `English` → `en`; unknown names give `None` (the script detector decides).
pub fn language_tag(name: &str) -> Option<&'static str> {
    let n = name.trim().to_ascii_lowercase();
    LANGUAGES.iter().find(|(k, _)| *k == n).map(|(_, v)| *v)
}

/// `May 1994  [eBook #132]` → (`May 1994`, `132`).
pub fn ebook_number(text: &str) -> (String, Option<String>) {
    let lower = text.to_ascii_lowercase();
    for key in ["[ebook #", "[e-book #", "[etext #", "[ebook#", "[etext#"] {
        if let Some(at) = lower.find(key) {
            let rest = &text[at + key.len()..];
            let digits: String = rest
                .trim_start()
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            let close = rest
                .find(']')
                .map_or(text.len(), |c| at + key.len() + c + 1);
            let outside = format!("{} {}", &text[..at], &text[close..]);
            let outside = outside.split_whitespace().collect::<Vec<_>>().join(" ");
            return (outside, (!digits.is_empty()).then_some(digits));
        }
    }
    (text.trim().to_string(), None)
}

/// Lines that open a transcription credit under the start line.
const CREDIT_OPENERS: &[&str] = &[
    "produced by",
    "e-text prepared by",
    "etext prepared by",
    "this etext was prepared by",
    "this ebook was prepared by",
    "this e-text was prepared by",
    "this ebook was produced by",
    "transcribed by",
    "transcribed from",
    "prepared by",
    "scanned by",
];

/// Whether a line opens a transcription credit (`Produced by Judith Boss`).
pub fn is_credit(text: &str) -> bool {
    let t = text.trim().to_ascii_lowercase();
    CREDIT_OPENERS.iter().any(|o| t.starts_with(o))
}

/// `End of the Project Gutenberg EBook of Na Han, by Xun Lu` → (`Na Han`, `Xun Lu`).
fn closing_line(text: &str) -> Option<(String, Option<String>)> {
    let t = text.trim().trim_end_matches(['.', '*', ' ']);
    let lower = t.to_ascii_lowercase();
    let g = lower.find("gutenberg")?;
    let after = &lower[g..];
    let skip = match (after.find(" of "), after.find("'s ")) {
        (Some(o), _) => o + 4,
        (None, Some(s)) => s + 3,
        (None, None) => return None,
    };
    let rest = t[g + skip..].trim();
    let (title, author) = match rest.rsplit_once(", by ") {
        Some((t, a)) => (t.trim(), Some(a.trim().to_string())),
        None => (rest, None),
    };
    (!title.is_empty() && !title.starts_with('*')).then(|| (title.to_string(), author))
}

/// How far into the file the start line may be (a header with the old small print is long).
const MAX_HEADER: usize = 800;

/// Lines under the start line searched for a transcription credit.
const CREDIT_WINDOW: usize = 12;

/// Finds the header, licence and credit, and reads the header's fields.
pub fn find(lines: &[Line<'_>]) -> Boilerplate {
    let mut out = Boilerplate::default();
    let start = lines
        .iter()
        .take(MAX_HEADER.max(lines.len() / 5))
        .position(|l| is_start(l.text));
    let body_from = start.map_or(0, |s| s + 1);
    let end = lines[body_from..]
        .iter()
        .position(|l| is_end(l.text))
        .map(|e| e + body_from);
    if let Some(s) = start {
        out.fields = header_fields(&lines[..s]);
        out.removed.push((0..s + 1, Removal::Header));
        if let Some(credit) = credit_run(lines, s + 1, end.unwrap_or(lines.len())) {
            out.fields.credits.push(join_run(&lines[credit.clone()]));
            out.removed.push((credit, Removal::Credit));
        }
    }
    if let Some(e) = end {
        out.fields.closing = closing_line(lines[e].text);
        out.removed.push((e..lines.len(), Removal::Licence));
    }
    out
}

/// The credit paragraph (`Produced by …` up to a blank line) in the first lines of the text.
fn credit_run(lines: &[Line<'_>], from: usize, to: usize) -> Option<Range<usize>> {
    let first = (from..to.min(from + CREDIT_WINDOW)).find(|&i| !lines[i].text.trim().is_empty())?;
    if !is_credit(lines[first].text) {
        return None;
    }
    let stop = (first..to)
        .find(|&i| lines[i].text.trim().is_empty())
        .unwrap_or(to);
    Some(first..stop)
}

/// The lines of a run as one string, white space collapsed.
fn join_run(lines: &[Line<'_>]) -> String {
    lines
        .iter()
        .flat_map(|l| l.text.split_whitespace())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Reads `Title:`, `Author:` … from the header lines; indented lines continue a field.
fn header_fields(lines: &[Line<'_>]) -> Fields {
    let mut f = Fields::default();
    let mut i = 0;
    while i < lines.len() {
        let text = lines[i].text;
        if f.ebook.is_none() {
            f.ebook = ebook_number(text).1;
        }
        let Some((label, value)) = labelled(text) else {
            i += 1;
            continue;
        };
        let mut more = Vec::new();
        let mut j = i + 1;
        while j < lines.len()
            && lines[j].text.starts_with(char::is_whitespace)
            && !lines[j].text.trim().is_empty()
        {
            more.push(lines[j].text.trim());
            j += 1;
        }
        match label {
            Label::Title if f.title.is_none() && !value.is_empty() => {
                f.title = Some(value.to_string());
                if !more.is_empty() {
                    f.subtitle = Some(more.join(" "));
                }
            }
            Label::Person(role) => {
                for v in std::iter::once(value).chain(more.iter().copied()) {
                    for name in split_names(v) {
                        f.people.push(Person { name, role });
                    }
                }
            }
            Label::Release => {
                let (date, _) = ebook_number(value);
                if !date.is_empty() {
                    f.release_date = Some(date);
                }
            }
            Label::Language => f.language = language_tag(value).map(str::to_string),
            Label::Credit => {
                let all: Vec<&str> = std::iter::once(value).chain(more.iter().copied()).collect();
                let credit = all.join(" ");
                if !credit.trim().is_empty() {
                    f.credits.push(credit);
                }
            }
            Label::Title | Label::Other => {}
        }
        i = j;
    }
    f
}

/// `Jane Austen`, `A and B`, `A, B and C` → names; `Various`/`Anonymous` kept as printed.
fn split_names(value: &str) -> Vec<String> {
    let v = value.trim();
    if v.is_empty() {
        return Vec::new();
    }
    // Inverted forms (`Austen, Jane`) have a comma but no `and`: keep them whole.
    if !v.contains(" and ") && !v.contains(" & ") {
        return vec![v.to_string()];
    }
    v.replace(" & ", " and ")
        .split(" and ")
        .flat_map(|p| p.split(','))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

/// The URL of a Project Gutenberg ebook number.
pub fn ebook_url(number: &str) -> String {
    format!("https://www.gutenberg.org/ebooks/{number}")
}

/// Puts the header's fields into the book: title, authors and contributors where the header
/// names them, the language, the source (`dc:source`) and the transcription credit on the
/// copyright page. `licence` (with `--keep-licence`) becomes a back-matter page.
pub fn apply(b: &Boilerplate, book: &mut Book, language: &str, licence: Option<Vec<Para>>) {
    let f = &b.fields;
    let m = &mut book.meta;
    let header_title = f.title.clone();
    let closing_title = f.closing.as_ref().map(|(t, _)| t.clone());
    if let Some(t) =
        header_title.or_else(|| m.title.trim().is_empty().then_some(closing_title).flatten())
    {
        m.title = t;
        m.subtitle = f.subtitle.clone().or(m.subtitle.take());
    }
    let authors: Vec<&Person> = f.people.iter().filter(|p| p.role == "aut").collect();
    if !authors.is_empty() {
        m.authors = authors
            .iter()
            .map(|p| contributor(&p.name, p.role))
            .collect();
    } else if m.authors.is_empty() {
        if let Some((_, Some(a))) = &f.closing {
            m.authors = vec![contributor(a, "aut")];
        }
    }
    for p in f.people.iter().filter(|p| p.role != "aut") {
        if !m
            .contributors
            .iter()
            .any(|c| c.name == p.name && c.role.code() == p.role)
        {
            m.contributors.push(contributor(&p.name, p.role));
        }
    }
    let ebook = f.ebook.clone();
    let credits: Vec<String> = f.credits.iter().map(|c| credited(c)).collect();
    m.transcription = Some(crate::model::Transcription {
        project: "Project Gutenberg".into(),
        ebook: ebook.clone(),
        url: ebook.as_deref().map(ebook_url),
        release_date: f.release_date.clone(),
        credits: credits.clone(),
    });
    let line = b.removed.first().map_or(1, |(r, _)| r.start + 1);
    let notice = |text: String| {
        Block::Notice(Para {
            content: vec![Inline::Text(text)],
            line,
        })
    };
    let chinese = language.starts_with("zh");
    let mut blocks = vec![notice(source_sentence(
        ebook.as_deref(),
        f.release_date.as_deref(),
        chinese,
    ))];
    for c in &credits {
        blocks.push(notice(if chinese {
            format!("录入：{c}")
        } else {
            format!("Transcription: {c}.")
        }));
    }
    match book
        .front
        .iter_mut()
        .find(|d| d.kind == DivisionKind::CopyrightPage)
    {
        Some(d) => d.blocks.extend(blocks),
        None => {
            let mut d = Division::new(DivisionKind::CopyrightPage, "copyright", line);
            d.blocks = blocks;
            let at = book
                .front
                .iter()
                .position(|d| d.kind != DivisionKind::TitlePage && d.kind != DivisionKind::Cover)
                .unwrap_or(book.front.len());
            book.front.insert(at, d);
        }
    }
    if let Some(paras) = licence.filter(|p| !p.is_empty()) {
        let line = paras[0].line;
        let mut d = Division::new(DivisionKind::CopyrightPage, "licence", line);
        d.title = vec![Inline::Text("The Project Gutenberg License".into())];
        d.blocks = paras.into_iter().map(Block::Para).collect();
        book.back.push(d);
    }
}

/// The copyright page's sentence naming the e-text: its number, page and release date.
fn source_sentence(ebook: Option<&str>, released: Option<&str>, chinese: bool) -> String {
    let url = ebook.map(ebook_url);
    match (chinese, ebook, url) {
        (true, Some(n), Some(u)) => {
            let when = released.map_or(String::new(), |d| format!("（{d} 发布）"));
            format!("本书据古登堡计划（Project Gutenberg）电子书 #{n}{when}制作：{u}")
        }
        (true, ..) => "本书据古登堡计划（Project Gutenberg）电子文本制作。".to_string(),
        (false, Some(n), Some(u)) => {
            let when = released.map_or(String::new(), |d| format!(", released {d}"));
            format!("Transcribed from Project Gutenberg eBook #{n}{when}: {u}")
        }
        (false, ..) => "Transcribed from a Project Gutenberg e-text.".to_string(),
    }
}

/// `Produced by Judith Boss` → `Judith Boss`: the credit without its verb, for the copyright page.
fn credited(credit: &str) -> String {
    let lower = credit.to_ascii_lowercase();
    let cut = CREDIT_OPENERS
        .iter()
        .filter(|o| lower.starts_with(*o) && o.ends_with(" by"))
        .map(|o| o.len())
        .max()
        .unwrap_or(0);
    let rest = credit[cut..].trim().trim_start_matches(':').trim();
    let rest = rest.trim_end_matches('.');
    if rest.is_empty() {
        credit.trim().to_string()
    } else {
        rest.to_string()
    }
}

/// `《魯迅︰吶喊》`: a typist's catalogue line naming the author before the title → (author,
/// title), when the first part is a short name.
pub fn catalogue_title(title: &str) -> Option<(String, String)> {
    let inner = title.trim().strip_prefix('《')?.strip_suffix('》')?;
    let (author, work) = inner.split_once(['︰', '：', ':'])?;
    let (author, work) = (author.trim(), work.trim());
    let name =
        (2..=4).contains(&author.chars().count()) && author.chars().all(super::script::is_han);
    (name && !work.is_empty()).then(|| (author.to_string(), work.to_string()))
}

fn contributor(name: &str, role: &'static str) -> Contributor {
    Contributor {
        name: name.to_string(),
        role: Relator::marc(role),
        label: None,
        file_as: None,
        affiliation: None,
    }
}

/// The licence lines as paragraphs (blank-line separated, lines joined), for `--keep-licence`.
pub fn licence_paras(lines: &[Line<'_>], range: Range<usize>) -> Vec<Para> {
    let mut out = Vec::new();
    let mut run: Vec<Line<'_>> = Vec::new();
    for l in &lines[range] {
        if l.text.trim().is_empty() {
            if !run.is_empty() {
                out.push(Para {
                    content: vec![Inline::Text(join_run(&run))],
                    line: run[0].no,
                });
                run.clear();
            }
        } else {
            run.push(*l);
        }
    }
    if !run.is_empty() {
        out.push(Para {
            content: vec![Inline::Text(join_run(&run))],
            line: run[0].no,
        });
    }
    out
}

#[cfg(test)]
#[path = "gutenberg_tests.rs"]
mod tests;
