//! The structuring pass (结构化): manuscript text → [`Book`], as a sequence of small passes.
//!
//! decode → lines/pages (ligatures) → classify → furniture (running heads, page numbers) →
//! context → layout (indents, hard wraps, quotations) → notes → units → joins (hyphens) →
//! divisions (parts, sub-sections) → contents cross-check; each pass reports the
//! [`Convention`]s it matched. Each recogniser is its own unit with a table of input →
//! expected cases. What the reader cannot decide it reports as a [`Diagnostic`] with the
//! manuscript line. A new convention (`[1]` markers, endnotes) is a new recogniser in
//! [`classify::RECOGNISERS`] or a new rule in [`context`], with its own table tests.

pub mod classify;
pub mod closing;
pub mod cn_dates;
pub mod code;
pub mod columns;
pub mod context;
pub mod conventions;
pub mod decode;
pub mod diary;
pub mod divisions;
pub mod emphasis;
pub mod front_matter;
pub mod furniture;
pub mod gutenberg;
pub mod headings;
pub mod hyphen;
pub mod joins;
pub mod kind;
pub mod labels;
pub mod language;
pub mod layout;
pub mod ledger;
pub mod letters;
pub mod letters_zh;
pub mod limits;
pub mod lines;
pub mod markdown;
pub mod months;
pub mod notes;
pub mod outline;
pub mod padding;
pub mod pages;
pub mod relators;
pub mod script;
pub mod text;
pub mod titles;
pub mod toc;
pub mod typist;
pub mod units;

use crate::diag::{Code, Diagnostic};
use crate::model::{Block, Book, Contributor, Division, DivisionKind, LanguageTag, MetadataPatch};
use crate::source::Source;

pub use conventions::Convention;
pub use decode::{DecodeError, Decoded, decode};
pub use lines::Line;
pub use relators::Relators;

use kind::Kind;

/// Options that change how a manuscript is read.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// BCP 47 language to assume instead of detecting it.
    pub language: Option<LanguageTag>,
    /// Keep a Project Gutenberg licence as a back-matter page instead of removing it.
    pub keep_licence: bool,
    /// Metadata the user set (`book.toml`, `-M`): applied over what was recovered before the
    /// diagnostics are final, so a finding about a field the user set is dropped.
    pub patch: Option<MetadataPatch>,
}

/// What the reader recovered, with everything it could not decide.
#[derive(Debug, Clone)]
pub struct Reading {
    /// The structured book.
    pub book: Book,
    /// Diagnostics in manuscript order.
    pub diagnostics: Vec<Diagnostic>,
    /// The conventions (体例) the recognisers matched, for `paiban inspect`.
    pub conventions: Vec<Convention>,
    /// Why each numbered line became a heading or stayed text (the outline pass).
    pub outline: Vec<outline::Decision>,
    /// Where each manuscript line went, or why it was removed (行账).
    pub ledger: ledger::Ledger,
    /// The `book.toml` text that was applied, for rendering diagnostics on it.
    pub config: Option<Source>,
}

/// Headings under which the signer wrote a preface for someone else (序 → MARC `wpr`).
const PREFACE_BY_OTHERS: &[&str] = &["序", "代序", "序言"];

/// Reads a decoded manuscript into a book.
pub fn read(source: &Source, opts: &ReadOptions) -> Reading {
    let relators = Relators::builtin();
    let mut conv = conventions::Conventions::default();
    let (text, mut diags) = lines::remove_controls(&source.text);
    let (text, ligatures, ligature_line) = lines::normalise_ligatures(&text);
    let paged = lines::split_pages(&text);
    let lines = &paged.lines;
    let mut kinds: Vec<Kind> = lines.iter().map(|l| classify::classify(l.text)).collect();
    let mut ledger = ledger::Ledger::new(lines);
    let boilerplate = gutenberg::find(lines);
    for (range, removal) in &boilerplate.removed {
        for i in range.clone() {
            kinds[i] = Kind::Furniture;
            ledger.remove(i, (*removal).into());
        }
        let (first, last) = (lines[range.start].no, lines[range.end - 1].no);
        conv.add(
            format!("removed lines {first}–{last}: {}", removal.reason()),
            (range.len(), first),
        );
    }
    let furniture = furniture::strip(lines, &paged.form_feed, &mut kinds);
    ledger.settle(&kinds, ledger::furniture_reason);
    let scopes = notes::settle(lines, &mut kinds, &paged.form_feed);
    ledger.settle(&kinds, |_| ledger::Removal::NoteNumber);
    // The printed contents first: its lines are no body headings, and its entries are the
    // outline's oracle.
    let contents: Vec<(usize, usize, Vec<crate::model::ContentsEntry>)> =
        context::contents_regions(lines, &mut kinds, &paged.form_feed)
            .into_iter()
            .map(|(start, end)| {
                let kept: Vec<Line<'_>> = (start + 1..end)
                    .filter(|&i| kinds[i] != Kind::Furniture)
                    .map(|i| lines[i])
                    .collect();
                let (entries, d) = toc::parse_contents(&kept);
                diags.extend(d);
                (start, end, entries)
            })
            .collect();
    let printed: Vec<outline::Printed<'_>> = contents
        .iter()
        .map(|(_, end, entries)| (*end, entries.as_slice()))
        .collect();
    let outline = outline::apply(lines, &mut kinds, &paged.form_feed, &printed);
    conv.add(
        "dated version entries (a revision history): each release a heading",
        outline::versions::mark(lines, &mut kinds),
    );
    conv.add(
        "index letter groups (`A`, `B` … alone on a line): each a heading",
        outline::groups::mark(lines, &mut kinds),
    );
    conv.add(
        "an appendix heading over lettered appendices: a part",
        outline::appendices::group(lines, &mut kinds),
    );
    // The division cap applies as soon as headings are decided, before anything per heading.
    if let Some(d) = limits::headings(lines, &kinds) {
        return refused(source, diags, d, conv, ledger);
    }
    // Titles a typist sets apart without a number: out-dented or underlined (not in print).
    if paged.feeds == 0 {
        let found = titles::apply(lines, &mut kinds);
        conv.add("titles out-dented from an indented body", found.outdented);
        conv.add(
            "numbered headings under an out-dented title are its sections",
            found.nested,
        );
        conv.add("titles underlined with `-` or `=`", found.underlined);
        conv.add("dated titles: a year line, the title below it", found.dated);
        conv.add(
            "diary entries: a date heads each entry (alone, or run into its first line)",
            diary::mark(lines, &mut kinds),
        );
    }
    diags.extend(context::apply(lines, &mut kinds));
    let mut layout = layout::analyse(lines, &paged.form_feed, &mut kinds);
    // Text from print: indented listings are preformatted; two-column pages are reported.
    if paged.feeds > 0 {
        conv.add(
            "indented code listings kept preformatted",
            code::mark(lines, &mut kinds, &mut layout.hints),
        );
        diags.extend(columns::detect(lines, &paged.form_feed));
    }
    conv.add(
        "double-spaced lines: one blank line wraps, two end a paragraph",
        typist::double_spaced(lines, &kinds, &paged.form_feed, &mut layout.hints),
    );
    // Scene breaks, captions, tables and verse as a typist draws them (not in text from print).
    if paged.feeds == 0 {
        let shapes = typist::mark_blocks(lines, &mut kinds, &mut layout.hints);
        conv.add("`*   *   *` scene breaks", shapes.breaks);
        conv.add("`[Illustration: …]` captions", shapes.illustrations);
        conv.add("tables drawn with spaces, kept preformatted", shapes.tables);
        conv.add("indented verse and quotations, lines kept", shapes.verse);
    }
    conv.add(
        "end marks (`THE END`) kept as closing lines",
        closing::mark(lines, &mut kinds),
    );
    let letter_zh = letters_zh::mark(lines, &mut kinds, &mut layout.hints);
    conv.add(
        "letters: Chinese salutations (`某某兄：`)",
        letter_zh.salutations,
    );
    conv.add(
        "letters: Chinese closings (`此致` / `敬礼！`, signer, date)",
        letter_zh.closings,
    );
    let letter = letters::mark(lines, &mut kinds, &mut layout.hints);
    conv.add("letters: salutations (`My dear …,`)", letter.salutations);
    conv.add(
        "letters: place and date above the salutation",
        letter.datelines,
    );
    conv.add("letters: valedictions and signatures", letter.signatures);
    ledger.settle(&kinds, ledger::furniture_reason);
    ledger.close(&kinds);
    if let Some(d) = limits::headings(lines, &kinds) {
        return refused(source, diags, d, conv, ledger);
    }
    let pages = pages::assign(&kinds, &paged.form_feed);
    let links = notes::link(lines, &kinds, &pages, &scopes);
    let note_conventions = notes::conventions(lines, &kinds, &scopes, &links);
    diags.extend(links.diagnostics);

    let first_heading = kinds.iter().position(Kind::is_heading).unwrap_or(0);
    // Page furniture never reaches the front-matter or contents readers.
    let kept = |range: std::ops::Range<usize>| -> Vec<Line<'_>> {
        range
            .filter(|&i| kinds[i] != Kind::Furniture)
            .map(|i| lines[i])
            .collect()
    };
    let fm = front_matter::read_front_matter(&kept(0..first_heading), &relators);
    diags.extend(fm.diagnostics);

    let marks = furniture::marks(&paged.form_feed, &pages, &furniture);
    let compounds = hyphen::Compounds::from_text(&text);
    let units::Built {
        units: mut built,
        unplaced,
    } = units::build(lines, &kinds, &links.refs, &marks, &layout.hints);
    // Every line ends somewhere: one no heading took stays in the body, reported.
    diags.extend(unplaced.into_iter().map(|no| {
        Diagnostic::new(
            Code::UnplacedLine,
            no,
            "this line belongs to no heading (a title line or a line over a heading that was \
             not kept as one); it is kept as a paragraph",
        )
    }));
    // Text from print (paged): a space between two CJK characters is the extractor's padding.
    if paged.feeds > 0 {
        conv.add(
            "spaces between CJK characters (layout padding) removed",
            padding::collapse_units(&mut built),
        );
    }
    let (units, joined) = joins::join(built, &compounds);
    let grouped = divisions::group(units);
    conventions::page_furniture(&paged, &furniture, &mut conv);
    conventions::headings(lines, &kinds, &mut conv);
    for (name, line) in &fm.conventions {
        conv.add(name.clone(), (1, *line));
    }
    for (name, tally) in note_conventions {
        conv.add(name, tally);
    }
    conventions::subsections(&grouped.body, &mut conv);
    conventions::text_layout(&layout, &joined, (ligatures, ligature_line), &mut conv);
    diags.extend(grouped.diagnostics);

    let mut book = Book {
        meta: fm.meta,
        front: fm.divisions,
        body: grouped.body,
        back: grouped.back,
        notes: links.notes,
    };
    book.front.extend(grouped.front);

    for (start, _, entries) in contents {
        let heading_line = lines[start].no;
        let div = book
            .front
            .iter_mut()
            .find(|d| d.kind == DivisionKind::Contents && d.line == heading_line);
        if let Some(div) = div {
            div.blocks.insert(0, Block::Contents(entries));
        }
    }
    for div in &mut book.front {
        for b in &mut div.blocks {
            if let Block::Contents(entries) = b {
                diags.extend(toc::cross_check(entries, &book.body, &book.back));
            }
        }
    }

    for signer in &grouped.signers {
        if !PREFACE_BY_OTHERS.contains(&signer.heading.as_str()) {
            continue;
        }
        let (Some((affiliation, name)), Some(role)) = (
            classify::signature_shape(&signer.text),
            relators.lookup("序"),
        ) else {
            continue;
        };
        let known = book
            .meta
            .contributors
            .iter()
            .any(|c| c.name == name && c.role == role);
        if !known {
            book.meta.contributors.push(Contributor {
                file_as: Some(name.clone()),
                name,
                role,
                label: Some(signer.heading.clone()),
                affiliation: (!affiliation.is_empty()).then_some(affiliation),
            });
        }
    }

    book.meta.language = match &opts.language {
        Some(l) => l.clone(),
        None => {
            let detected = language::detect(&text);
            match boilerplate.fields.language.as_deref() {
                // The header names the language; the script still tells zh-CN from zh-TW.
                Some(tag) if !detected.starts_with(tag) => {
                    conv.add(
                        format!("language {tag} (from the Project Gutenberg header)"),
                        (1, 1),
                    );
                    LanguageTag::new(tag).expect("the Gutenberg language table holds BCP 47 tags")
                }
                _ => {
                    conv.add(
                        format!("language {detected} (detected from the script)"),
                        (1, 1),
                    );
                    LanguageTag::known(detected)
                }
            }
        }
    };
    // Typists mark emphasis with `_…_` and `=…=`; text extracted from print (paged) has none.
    if paged.feeds == 0 {
        conv.add(
            "`_italic_` and `=bold=` emphasis",
            emphasis::mark(&mut book),
        );
        typist::merge_quotes(&mut book);
    }
    if book.meta.authors.is_empty() {
        if let Some((author, title)) = gutenberg::catalogue_title(&book.meta.title) {
            conv.add("catalogue title line 《author：title》", (1, 1));
            book.meta.title = title;
            book.meta.authors.push(Contributor {
                file_as: Some(author.clone()),
                name: author,
                role: crate::model::Relator::author(),
                label: None,
                affiliation: None,
            });
        }
    }
    if boilerplate.found() {
        let licence = boilerplate
            .licence()
            .filter(|_| opts.keep_licence)
            .map(|r| gutenberg::licence_paras(lines, r));
        let language = book.meta.language.clone();
        gutenberg::apply(&boilerplate, &mut book, language.as_str(), licence);
    }
    if book.meta.description.is_none() {
        book.meta.description = divisions::abstract_text(&book.front);
    }
    if let Some(d) = notes_home(&book) {
        diags.push(Diagnostic::new(
            Code::NotesWithoutDivision,
            d.line,
            "the manuscript has notes but no division to hold them; they are kept as 注释 (notes)",
        ));
        book.back.push(d);
    }
    settle_ids(&mut book, &mut diags);
    report_unreferenced_notes(&book, &mut diags);
    diags.extend(limits::divisions(&book));
    if let Some(patch) = &opts.patch {
        apply_patch(patch, &mut book, &mut diags);
    }
    diags.sort_by_key(|d| d.span.line);
    crate::diag::resolve_all(&mut diags, &source.text);
    Reading {
        book,
        diagnostics: diags,
        conventions: conv.0,
        outline,
        ledger,
        config: None,
    }
}

/// The reading of a manuscript refused at the division cap ([`limits`]): no book, the
/// findings so far and the cap's error.
fn refused(
    source: &Source,
    mut diagnostics: Vec<Diagnostic>,
    cap: Diagnostic,
    conventions: conventions::Conventions,
    ledger: ledger::Ledger,
) -> Reading {
    diagnostics.push(cap);
    diagnostics.sort_by_key(|d| d.span.line);
    crate::diag::resolve_all(&mut diagnostics, &source.text);
    Reading {
        book: Book::default(),
        diagnostics,
        conventions: conventions.0,
        outline: Vec::new(),
        ledger,
        config: None,
    }
}

/// Applies the user's metadata over what was recovered and drops the findings about the fields
/// it sets (a [`crate::diag::Code::field`] the patch sets).
pub fn apply_patch(patch: &MetadataPatch, book: &mut Book, diags: &mut Vec<Diagnostic>) {
    patch.apply(&mut book.meta);
    diags.retain(|d| !d.code.field().is_some_and(|f| patch.sets(f)));
}

/// The reader's last pass over ids: every division id unique in the book
/// ([`Book::settle_ids`]), each renaming reported as [`Code::DuplicateId`] on the division's line.
pub fn settle_ids(book: &mut Book, diags: &mut Vec<Diagnostic>) {
    for r in book.settle_ids() {
        let message = if r.from.is_empty() {
            format!("a division has no id; it becomes #{}", r.to)
        } else {
            format!(
                "the id #{} is used twice; this division becomes #{}",
                r.from, r.to
            )
        };
        diags.push(Diagnostic::new(Code::DuplicateId, r.line, message));
    }
}

/// The reader's check of the notes ([`Book::unreferenced_notes`]): each note no text and no
/// other note references is reported as [`Code::NoteUnreferenced`] on its line, for every
/// output format alike — unless a pass already said that no marker calls it
/// ([`Code::NoteUnmarked`], [`Code::EndnoteUnmarked`]); writers only print it at the end of its
/// division.
pub fn report_unreferenced_notes(book: &Book, diags: &mut Vec<Diagnostic>) {
    let said: std::collections::HashSet<usize> = diags
        .iter()
        .filter(|d| matches!(d.code, Code::NoteUnmarked | Code::EndnoteUnmarked))
        .map(|d| d.span.line)
        .collect();
    for id in book.unreferenced_notes() {
        let note = book.note(id);
        if said.contains(&note.line) {
            continue;
        }
        diags.push(
            Diagnostic::new(
                Code::NoteUnreferenced,
                note.line,
                format!("note {} is never referenced", note.mark),
            )
            .with_hint("it is placed at the end of the division it appears in, without a backlink"),
        );
    }
}

/// A 注释 (notes) division for a book whose notes have nowhere else to go: no division at all
/// (a manuscript of only notes). Writers place unreferenced notes in the division they follow.
fn notes_home(book: &Book) -> Option<Division> {
    let first = book.notes.first()?;
    if book.divisions().next().is_some() {
        return None;
    }
    Some(Division::new(DivisionKind::Endnotes, "notes", first.line))
}
