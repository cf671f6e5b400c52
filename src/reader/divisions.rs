//! Divisions (篇章): headings and joined chunks grouped into front matter (序, 内容提要, 目录),
//! body chapters (章) with their sections (节), and back matter (后记, 参考文献, 附录).

use crate::diag::Diagnostic;
use crate::model::{Block, Division, DivisionKind, Para, plain_text};

use super::units::{Chunk, Heading, Role, Unit};

/// A signature found in a front or back-matter division.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signer {
    /// The division's heading as printed (`序`, `自序`).
    pub heading: String,
    /// The signature's text (`<affiliations> <name>`).
    pub text: String,
    /// 1-based manuscript line.
    pub line: usize,
}

/// The book's divisions, as grouped from units.
#[derive(Debug, Clone, Default)]
pub struct Grouped {
    /// Front matter divisions (after the title pages).
    pub front: Vec<Division>,
    /// Body divisions.
    pub body: Vec<Division>,
    /// Back matter divisions.
    pub back: Vec<Division>,
    /// Signatures closing prefaces and afterwords.
    pub signers: Vec<Signer>,
    /// Sections outside chapters, text before any heading.
    pub diagnostics: Vec<Diagnostic>,
}

/// Which run a division of this kind belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Area {
    Front,
    Body,
    Back,
}

fn area(kind: DivisionKind) -> Area {
    use DivisionKind::*;
    match kind {
        Cover | TitlePage | CopyrightPage | Dedication | Preface | Foreword | Abstract
        | Contents => Area::Front,
        Introduction | Part | Chapter | Section | Subsection => Area::Body,
        Endnotes | Bibliography | Appendix | Afterword | Index => Area::Back,
    }
}

/// Groups units into divisions.
pub fn group(units: Vec<Unit>) -> Grouped {
    let mut g = Grouped::default();
    let mut chapters = 0;
    let mut sections = 0;
    let mut cur: Option<Area> = None;
    for unit in units {
        match unit {
            Unit::Heading(h) => {
                if h.kind == DivisionKind::Section {
                    if let Some(parent) = cur.and_then(|a| runs(&mut g, a).last_mut()) {
                        sections += 1;
                        let id = format!("{}-section-{sections}", parent.id);
                        parent.children.push(division(&h, id));
                        continue;
                    }
                    g.diagnostics.push(Diagnostic::warning(
                        h.line,
                        "section heading before any chapter",
                    ));
                }
                sections = 0;
                let id = if h.kind == DivisionKind::Chapter {
                    chapters += 1;
                    format!("chapter-{chapters}")
                } else {
                    unique_id(&g, h.kind.name())
                };
                let a = area(h.kind);
                cur = Some(a);
                runs(&mut g, a).push(division(&h, id));
            }
            Unit::Chunk(c) => {
                if cur.is_none() {
                    g.diagnostics.push(Diagnostic::warning(
                        c.line,
                        "text before any heading: kept as an untitled chapter",
                    ));
                    chapters += 1;
                    let id = format!("chapter-{chapters}");
                    g.body
                        .push(Division::new(DivisionKind::Chapter, id, c.line));
                    cur = Some(Area::Body);
                }
                let a = cur.expect("set above");
                let parent_heading = runs(&mut g, a).last().map(Division::title_text);
                if c.role == Role::Signature {
                    g.signers.push(Signer {
                        heading: parent_heading.unwrap_or_default(),
                        text: c.text.clone(),
                        line: c.line,
                    });
                }
                let div = runs(&mut g, a).last_mut().expect("a current division");
                let target = match div.children.last_mut() {
                    Some(child) => child,
                    None => div,
                };
                target.blocks.push(block(c));
            }
        }
    }
    g
}

fn runs(g: &mut Grouped, a: Area) -> &mut Vec<Division> {
    match a {
        Area::Front => &mut g.front,
        Area::Body => &mut g.body,
        Area::Back => &mut g.back,
    }
}

/// `preface`, then `preface-2`, … so ids stay unique.
fn unique_id(g: &Grouped, base: &str) -> String {
    let taken = |id: &str| {
        g.front
            .iter()
            .chain(&g.body)
            .chain(&g.back)
            .any(|d| d.id == id)
    };
    if !taken(base) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .expect("some suffix is free")
}

fn division(h: &Heading, id: String) -> Division {
    let mut d = Division::new(h.kind, id, h.line);
    d.label = h.label.clone();
    d.title = h.title.clone();
    d.kicker = h.kicker.clone();
    d
}

fn block(c: Chunk) -> Block {
    let p = Para {
        content: c.content,
        line: c.line,
    };
    match c.role {
        Role::Para | Role::Item => Block::Para(p),
        Role::Signature => Block::Signature(p),
        Role::Dateline => Block::Dateline(p),
    }
}

/// The first paragraph of the first abstract division, as plain text.
pub fn abstract_text(front: &[Division]) -> Option<String> {
    front
        .iter()
        .filter(|d| d.kind == DivisionKind::Abstract)
        .flat_map(|d| &d.blocks)
        .find_map(|b| match b {
            Block::Para(p) => Some(plain_text(&p.content)),
            _ => None,
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Inline;

    fn h(kind: DivisionKind, label: Option<&str>, title: &str, line: usize) -> Unit {
        Unit::Heading(Heading {
            kind,
            label: label.map(str::to_string),
            title: vec![Inline::Text(title.into())],
            kicker: None,
            line,
            index: line - 1,
        })
    }

    fn c(role: Role, text: &str, line: usize) -> Unit {
        Unit::Chunk(Chunk {
            role,
            content: vec![Inline::Text(text.into())],
            text: text.into(),
            line,
        })
    }

    /// (area, id, kind, label, title, number of blocks) per division, children after parents.
    fn outline(g: &Grouped) -> Vec<String> {
        fn walk(area: &str, d: &Division, out: &mut Vec<String>) {
            out.push(format!(
                "{area} {} {} {:?} {} {}",
                d.id,
                d.kind.name(),
                d.label,
                d.title_text(),
                d.blocks.len()
            ));
            for ch in &d.children {
                walk(area, ch, out);
            }
        }
        let mut out = Vec::new();
        for (area, ds) in [("front", &g.front), ("body", &g.body), ("back", &g.back)] {
            for d in ds {
                walk(area, d, &mut out);
            }
        }
        out
    }

    #[test]
    fn grouping() {
        use DivisionKind::*;
        let cases: Vec<(&str, Vec<Unit>, Vec<&str>, usize)> = vec![
            (
                "preface, chapters with sections, afterword",
                vec![
                    h(Preface, None, "序", 1),
                    c(Role::Para, "甲。", 2),
                    c(Role::Signature, "某校 张三", 3),
                    c(Role::Dateline, "2001年1月", 4),
                    h(Chapter, Some("第一章"), "河", 5),
                    c(Role::Para, "乙。", 6),
                    h(Chapter, Some("第二章"), "山", 7),
                    h(Section, Some("（一）"), "峰", 8),
                    c(Role::Para, "丙。", 9),
                    h(Afterword, None, "后记", 10),
                    c(Role::Para, "丁。", 11),
                ],
                vec![
                    "front preface preface None 序 3",
                    "body chapter-1 chapter Some(\"第一章\") 河 1",
                    "body chapter-2 chapter Some(\"第二章\") 山 0",
                    "body chapter-2-section-1 section Some(\"（一）\") 峰 1",
                    "back afterword afterword None 后记 1",
                ],
                0,
            ),
            (
                "text before any heading",
                vec![c(Role::Para, "甲。", 1), h(Preface, None, "序", 2)],
                vec![
                    "front preface preface None 序 0",
                    "body chapter-1 chapter None  1",
                ],
                1,
            ),
            (
                "a section before any heading",
                vec![
                    h(Section, Some("（一）"), "峰", 1),
                    c(Role::Para, "甲。", 2),
                ],
                vec!["body section section Some(\"（一）\") 峰 1"],
                1,
            ),
            (
                "sections under an introduction and an appendix",
                vec![
                    h(Introduction, None, "导论", 1),
                    h(Section, Some("（一）"), "缘起", 2),
                    h(Chapter, Some("第一章"), "河", 3),
                    h(Appendix, None, "附录", 4),
                    h(Section, Some("（一）"), "表格", 5),
                    c(Role::Para, "甲。", 6),
                ],
                vec![
                    "body introduction introduction None 导论 0",
                    "body introduction-section-1 section Some(\"（一）\") 缘起 0",
                    "body chapter-1 chapter Some(\"第一章\") 河 0",
                    "back appendix appendix None 附录 0",
                    "back appendix-section-1 section Some(\"（一）\") 表格 1",
                ],
                0,
            ),
        ];
        for (what, units, want, diags) in cases {
            let g = group(units);
            let mut got = outline(&g);
            got.sort_by_key(|s| !s.starts_with("front"));
            assert_eq!(got, want, "{what}");
            assert_eq!(g.diagnostics.len(), diags, "{what}");
        }
        let g = group(vec![
            h(Preface, None, "序", 1),
            c(Role::Signature, "某校 张三", 3),
        ]);
        assert_eq!(
            g.signers,
            vec![Signer {
                heading: "序".into(),
                text: "某校 张三".into(),
                line: 3
            }]
        );
    }
}
