//! The contents cross-check: each printed entry is matched to a body or back-matter division by
//! label and title; entries without a division and headings without an entry are reported.

use crate::diag::{Code, Diagnostic};
use crate::model::{ContentsEntry, Division, DivisionKind};

use super::label::{EntryKind, label_key, split_label, title_key};

/// A division the contents may point to.
struct Target<'d> {
    div: &'d Division,
    parent: Option<usize>,
    depth: u8,
    label: Option<String>,
    title: String,
    matched: bool,
}

fn collect<'d>(divs: &'d [Division], parent: Option<usize>, depth: u8, out: &mut Vec<Target<'d>>) {
    for d in divs {
        use DivisionKind::*;
        let listed = matches!(
            d.kind,
            Part | Chapter
                | Section
                | Subsection
                | Introduction
                | Bibliography
                | Appendix
                | Afterword
                | Index
                | Endnotes
                | Acknowledgments
        );
        if !listed {
            continue;
        }
        let idx = out.len();
        out.push(Target {
            div: d,
            parent,
            depth,
            label: d.label.as_deref().map(label_key),
            title: title_key(&d.title_text()),
            matched: false,
        });
        collect(&d.children, Some(idx), depth + 1, out);
    }
}

/// An entry's comparison keys, computed once per entry (not once per target).
struct EntryKeys {
    label: Option<String>,
    title: String,
    /// the label and title run together, for a heading printed as `第一章 引言` on one line
    joined: Option<String>,
}

impl EntryKeys {
    fn of(entry: &ContentsEntry) -> EntryKeys {
        let label = entry.label.as_deref().map(label_key);
        let title = title_key(&entry.title);
        let joined = label.as_ref().map(|l| format!("{l}{title}"));
        EntryKeys {
            label,
            title,
            joined,
        }
    }
}

/// How well a target fits an entry: 3 label and title, 2 label only, 1 title only.
fn score(keys: &EntryKeys, t: &Target<'_>) -> u8 {
    let title_eq = !keys.title.is_empty() && keys.title == t.title;
    match (&keys.label, &t.label) {
        (Some(a), Some(b)) if a == b && title_eq => 3,
        (Some(a), Some(b)) if a == b => 2,
        (Some(_), Some(_)) => 0,
        _ if title_eq => 1,
        // a heading printed as `第一章 引言` on one line may keep its label in the title
        _ => u8::from(keys.joined.as_deref() == Some(t.title.as_str())),
    }
}

/// Targets indexed by label key and by title key: every target an entry can score above 0
/// against shares its label, its title, or its label and title run together, so the
/// cross-check looks only at those (linear in entries + targets, not their product).
struct TargetIndex {
    by_label: std::collections::HashMap<String, Vec<usize>>,
    by_title: std::collections::HashMap<String, Vec<usize>>,
}

impl TargetIndex {
    fn new(targets: &[Target<'_>]) -> TargetIndex {
        let mut by_label: std::collections::HashMap<String, Vec<usize>> = Default::default();
        let mut by_title: std::collections::HashMap<String, Vec<usize>> = Default::default();
        for (j, t) in targets.iter().enumerate() {
            if let Some(l) = &t.label {
                by_label.entry(l.clone()).or_default().push(j);
            }
            by_title.entry(t.title.clone()).or_default().push(j);
        }
        TargetIndex { by_label, by_title }
    }

    /// The targets that may score above 0 against `keys` (possibly repeated).
    fn candidates<'a>(&'a self, keys: &'a EntryKeys) -> impl Iterator<Item = usize> + 'a {
        let pick = |m: &'a std::collections::HashMap<String, Vec<usize>>, k: Option<&str>| {
            k.and_then(|k| m.get(k)).into_iter().flatten().copied()
        };
        pick(&self.by_label, keys.label.as_deref())
            .chain(pick(
                &self.by_title,
                Some(keys.title.as_str()).filter(|t| !t.is_empty()),
            ))
            .chain(pick(&self.by_title, keys.joined.as_deref()))
    }
}

/// The entry as a message names it: `第三章 新阶段… (p. 27)`.
fn describe(e: &ContentsEntry) -> String {
    let page = e
        .page
        .as_deref()
        .map(|p| format!(" (p. {p})"))
        .unwrap_or_default();
    format!("{}{page}", labelled(e.label.as_deref(), &e.title))
}

/// `第三章 标题`, but `（一）标题` and `一、标题` with no space after the closing mark.
fn labelled(label: Option<&str>, title: &str) -> String {
    match label {
        Some(l) if l.ends_with(['）', '、']) => format!("{l}{title}"),
        Some(l) => format!("{l} {title}"),
        None => title.to_string(),
    }
}

fn kind_word(e: &ContentsEntry) -> &'static str {
    let (kind, _, _) = split_label(&match &e.label {
        Some(l) => format!("{l} {}", e.title),
        None => e.title.clone(),
    });
    match kind {
        EntryKind::Part => "part",
        EntryKind::Chapter => "chapter",
        EntryKind::Section | EntryKind::Subsection | EntryKind::Decimal(_) => "section",
        _ => "division",
    }
}

fn div_kind_word(k: DivisionKind) -> &'static str {
    match k {
        DivisionKind::Part => "part",
        DivisionKind::Chapter => "chapter",
        DivisionKind::Section => "section",
        DivisionKind::Subsection => "subsection",
        _ => "division",
    }
}

/// Links entries to body divisions (setting `target`) and reports each side's unmatched entries.
pub fn cross_check(
    entries: &mut [ContentsEntry],
    body: &[Division],
    back: &[Division],
) -> Vec<Diagnostic> {
    let mut targets = Vec::new();
    collect(body, None, 1, &mut targets);
    collect(back, None, 1, &mut targets);
    let index = TargetIndex::new(&targets);
    let mut diags = Vec::new();
    // (level, matched target, for an unmatched entry the entry whose diagnostic reports it)
    let mut stack: Vec<(u8, Option<usize>, usize)> = Vec::new();
    // unmatched entries and the unmatched descendants reported inside their diagnostic
    let mut missing: Vec<(usize, Vec<usize>)> = Vec::new();
    // indexed: the diagnostics of missing entries list later entries by index
    #[allow(clippy::needless_range_loop)]
    for i in 0..entries.len() {
        let level = entries[i].level;
        while stack.last().is_some_and(|(l, _, _)| *l >= level) {
            stack.pop();
        }
        let parent = stack.last().copied();
        let within = |t: &Target<'_>, targets: &[Target<'_>]| -> bool {
            match parent {
                Some((_, Some(p), _)) => {
                    let mut up = t.parent;
                    while let Some(u) = up {
                        if u == p {
                            return true;
                        }
                        up = targets[u].parent;
                    }
                    false
                }
                Some((_, None, _)) => false,
                None => t.parent.is_none() || t.depth <= 2,
            }
        };
        let keys = EntryKeys::of(&entries[i]);
        let best_in = |scoped: bool, targets: &[Target<'_>]| -> Option<usize> {
            index
                .candidates(&keys)
                .filter(|&j| !targets[j].matched && (!scoped || within(&targets[j], targets)))
                .map(|j| (score(&keys, &targets[j]), j))
                .filter(|(s, _)| *s > 0)
                .max_by_key(|(s, j)| (*s, usize::MAX - j))
                .map(|(_, j)| j)
        };
        let found = best_in(true, &targets)
            .or_else(|| best_in(false, &targets).filter(|&j| score(&keys, &targets[j]) == 3));
        match found {
            Some(j) => {
                targets[j].matched = true;
                entries[i].target = Some(targets[j].div.id.clone());
                if score(&keys, &targets[j]) == 2 {
                    diags.push(Diagnostic::new(
                        Code::ContentsTitleDiffers,
                        entries[i].line,
                        format!(
                            "the printed contents lists {} but the body heading reads {}",
                            describe(&entries[i]),
                            targets[j].div.title_text()
                        ),
                    ));
                }
                stack.push((level, Some(j), i));
            }
            None => {
                let (kind, _, _) = split_label(&entries[i].title);
                if entries[i].label.is_none() && kind == EntryKind::Front {
                    continue;
                }
                let report = match parent {
                    Some((_, None, root)) => {
                        if let Some(m) = missing.iter_mut().find(|(e, _)| *e == root) {
                            m.1.push(i);
                        }
                        root
                    }
                    _ => {
                        missing.push((i, Vec::new()));
                        i
                    }
                };
                stack.push((level, None, report));
            }
        }
    }
    for (i, inner) in &missing {
        let e = &entries[*i];
        let kind = kind_word(e);
        let whose = if kind == "division" { "book" } else { "body" };
        let mut msg = format!(
            "the printed contents lists {} but the {whose} has no such {kind}",
            describe(e)
        );
        if !inner.is_empty() {
            let list: Vec<String> = inner.iter().map(|&k| describe(&entries[k])).collect();
            msg.push_str(&format!(
                ", nor the {} entries under it: {}",
                inner.len(),
                list.join("; ")
            ));
        }
        diags.push(
            Diagnostic::new(Code::ContentsEntryMissing, e.line, msg).with_hint(
                "the manuscript may be an excerpt, or the heading reads differently in the body",
            ),
        );
    }
    let deepest = entries.iter().map(|e| e.level).max().unwrap_or(0);
    let in_body = |t: &&Target<'_>| body_contains(body, t.div);
    for t in targets
        .iter()
        .filter(|t| !t.matched && t.depth <= deepest)
        .filter(in_body)
    {
        let d = t.div;
        diags.push(Diagnostic::new(
            Code::HeadingNotInContents,
            d.line,
            format!(
                "the body has {} {} but the printed contents does not list it",
                div_kind_word(d.kind),
                labelled(d.label.as_deref(), &d.title_text())
            ),
        ));
    }
    diags.sort_by_key(|d| d.span);
    diags
}

/// Whether `div` is one of `body`'s divisions (at any depth).
fn body_contains(body: &[Division], div: &Division) -> bool {
    body.iter()
        .any(|d| std::ptr::eq(d, div) || body_contains(&d.children, div))
}
