//! Divisions (篇章): headings and joined chunks grouped into front matter (序, 内容提要, 目录),
//! body chapters (章) with their sections (节), and back matter (后记, 参考文献, 附录).

use crate::diag::{Code, Diagnostic};
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

/// Which run a division of this kind belongs to, in reading order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Area {
    Front,
    Body,
    Back,
}

/// The run a division of `kind` goes to when the runs so far reached `reached`: its own run, or
/// the one reached if that is later, so the divisions keep the manuscript's order (a preface
/// printed after chapter 3 stays after it; a chapter after the appendices stays after them).
fn area(kind: DivisionKind, reached: Option<Area>) -> Area {
    use DivisionKind::*;
    let own = match kind {
        Cover | TitlePage | CopyrightPage | Dedication | Preface | Foreword | Abstract
        | Contents => Area::Front,
        Introduction | Part | Chapter | Section | Subsection => Area::Body,
        Endnotes | Bibliography | Appendix | Afterword | Index => Area::Back,
        Acknowledgments if reached.is_some_and(|r| r >= Area::Body) => Area::Back,
        Acknowledgments => Area::Front,
    };
    reached.map_or(own, |r| own.max(r))
}

/// Nesting rank of a section label: `第一节` 0, `一、` 1, `（一）` 2.
fn rank(label: Option<&str>) -> u8 {
    match label {
        Some(l) if l.starts_with('第') => 0,
        Some(l) if l.starts_with(['（', '(']) => 2,
        _ => 1,
    }
}

/// The division new content goes to: the last division, descending into its last children.
fn deepest(d: &mut Division) -> &mut Division {
    if d.children.is_empty() {
        d
    } else {
        let last = d.children.len() - 1;
        deepest(&mut d.children[last])
    }
}

/// Puts a section under its chapter (inside a part if need be), or as a sub-section under the
/// chapter's last section when that section's label ranks higher (`一、` above `（一）`).
fn push_section(parent: &mut Division, h: &Heading) {
    let parent = match parent.kind {
        DivisionKind::Part if !parent.children.is_empty() => {
            let last = parent.children.len() - 1;
            &mut parent.children[last]
        }
        _ => parent,
    };
    if let Some(sec) = parent.children.last_mut() {
        if sec.kind == DivisionKind::Section
            && rank(sec.label.as_deref()) < rank(h.label.as_deref())
        {
            let id = format!("{}-subsection-{}", sec.id, sec.children.len() + 1);
            let mut d = division(h, id);
            d.kind = DivisionKind::Subsection;
            sec.children.push(d);
            return;
        }
    }
    let id = format!("{}-section-{}", parent.id, parent.children.len() + 1);
    parent.children.push(division(h, id));
}

/// Puts a heading the outline pass levelled (2 section, 3 subsection …) at its depth below
/// the current chapter: level 2 is a chapter's child, level 3 that child's child, and so on;
/// a missing level in between attaches it to the deepest division there is.
fn push_levelled(parent: &mut Division, h: &Heading, level: u8) {
    let mut at = match parent.kind {
        DivisionKind::Part if !parent.children.is_empty() => {
            let last = parent.children.len() - 1;
            &mut parent.children[last]
        }
        _ => parent,
    };
    for _ in 2..level {
        if at.children.is_empty() {
            break;
        }
        let last = at.children.len() - 1;
        at = &mut at.children[last];
    }
    let kind = if matches!(at.kind, DivisionKind::Section | DivisionKind::Subsection) {
        DivisionKind::Subsection
    } else {
        DivisionKind::Section
    };
    let id = format!("{}-{}-{}", at.id, kind.name(), at.children.len() + 1);
    let mut d = division(h, id);
    d.kind = kind;
    at.children.push(d);
}

/// Groups units into divisions.
pub fn group(units: Vec<Unit>) -> Grouped {
    let mut g = Grouped::default();
    let mut chapters = 0;
    let mut parts = 0;
    let mut cur: Option<Area> = None;
    for unit in units {
        match unit {
            Unit::Heading(h) => {
                if let Some(level) = h.level.filter(|&l| l >= 2) {
                    if let Some(parent) = cur.and_then(|a| runs(&mut g, a).last_mut()) {
                        push_levelled(parent, &h, level);
                        continue;
                    }
                }
                if h.kind == DivisionKind::Section {
                    if let Some(parent) = cur.and_then(|a| runs(&mut g, a).last_mut()) {
                        push_section(parent, &h);
                        continue;
                    }
                    g.diagnostics.push(Diagnostic::new(
                        Code::SectionBeforeChapter,
                        h.line,
                        "section heading before any chapter",
                    ));
                }
                let id = match h.kind {
                    DivisionKind::Chapter => {
                        chapters += 1;
                        format!("chapter-{chapters}")
                    }
                    DivisionKind::Part => {
                        parts += 1;
                        format!("part-{parts}")
                    }
                    kind => unique_id(&g, kind.name()),
                };
                let a = area(h.kind, cur);
                cur = Some(a);
                let run = runs(&mut g, a);
                match run.last_mut() {
                    Some(part)
                        if part.kind == DivisionKind::Part && h.kind == DivisionKind::Chapter =>
                    {
                        part.children.push(division(&h, id));
                    }
                    _ => run.push(division(&h, id)),
                }
            }
            Unit::Chunk(c) => {
                if cur.is_none() {
                    g.diagnostics.push(Diagnostic::new(
                        Code::TextBeforeHeading,
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
                deepest(div).blocks.push(block(c));
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
        Role::Salutation => Block::Salutation(p),
        Role::EndMark => Block::EndMark(p),
        Role::Quote => Block::Quote(vec![Block::Para(p)]),
        Role::Verse => Block::Quote(vec![Block::LineBlock(p)]),
        Role::Break => Block::SceneBreak(p.line),
        Role::Figure => Block::Figure(super::typist::caption(p)),
        Role::Pre => Block::Preformatted(super::typist::preformatted(&p)),
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
            level: None,
        })
    }

    fn c(role: Role, text: &str, line: usize) -> Unit {
        Unit::Chunk(Chunk {
            role,
            content: vec![Inline::Text(text.into())],
            text: text.into(),
            line,
            hint: None,
            foot: false,
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
                    "body chapter-1 chapter None  1",
                    "body preface preface None 序 0",
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
            (
                "parts hold chapters; `（一）` nests under `一、`; quotes are blocks",
                vec![
                    h(Part, Some("第一编"), "河流", 1),
                    c(Role::Para, "编前语。", 2),
                    h(Chapter, Some("第一章"), "源头", 3),
                    h(Section, Some("一、"), "山泉", 4),
                    h(Section, Some("（一）"), "泉眼", 5),
                    c(Role::Quote, "引文。", 6),
                    h(Section, Some("（二）"), "溪流", 7),
                    h(Section, Some("二、"), "湖泊", 8),
                    h(Part, Some("第二编"), "城镇", 9),
                    h(Chapter, Some("第二章"), "码头", 10),
                    h(Section, Some("（一）"), "旧港", 11),
                    h(Acknowledgments, None, "致谢", 12),
                ],
                vec![
                    "body part-1 part Some(\"第一编\") 河流 1",
                    "body chapter-1 chapter Some(\"第一章\") 源头 0",
                    "body chapter-1-section-1 section Some(\"一、\") 山泉 0",
                    "body chapter-1-section-1-subsection-1 subsection Some(\"（一）\") 泉眼 1",
                    "body chapter-1-section-1-subsection-2 subsection Some(\"（二）\") 溪流 0",
                    "body chapter-1-section-2 section Some(\"二、\") 湖泊 0",
                    "body part-2 part Some(\"第二编\") 城镇 0",
                    "body chapter-2 chapter Some(\"第二章\") 码头 0",
                    "body chapter-2-section-1 section Some(\"（一）\") 旧港 0",
                    "back acknowledgments acknowledgments None 致谢 0",
                ],
                0,
            ),
            (
                "divisions keep the manuscript's order: a preface after a chapter, a chapter after an appendix",
                vec![
                    h(Chapter, Some("第一章"), "源头", 1),
                    h(Preface, None, "再版序", 2),
                    c(Role::Para, "甲。", 3),
                    h(Appendix, None, "附录", 4),
                    h(Chapter, Some("第二章"), "补遗", 5),
                ],
                vec![
                    "body chapter-1 chapter Some(\"第一章\") 源头 0",
                    "body preface preface None 再版序 1",
                    "back appendix appendix None 附录 0",
                    "back chapter-2 chapter Some(\"第二章\") 补遗 0",
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
