//! Lettered appendices under one heading (附录组): an `Appendix` (`Appendices`, `附录`) heading
//! with nothing under it before a chapter-level heading lettered `A` heads the appendices that
//! follow, as a part holds its chapters — not an empty back-matter division of its own, which
//! would leave its appendices in the body and itself after them.

use crate::model::DivisionKind;
use crate::reader::Line;
use crate::reader::kind::Kind;

/// Lines a heading may stand above its first chapter across.
fn margin(kind: &Kind) -> bool {
    matches!(kind, Kind::Blank | Kind::Furniture)
}

/// Turns each such appendix heading into a part heading; returns how many and the first's
/// manuscript line.
pub fn group(lines: &[Line<'_>], kinds: &mut [Kind]) -> (usize, usize) {
    let (mut count, mut first) = (0, 0);
    for i in 0..kinds.len() {
        let Kind::Matter {
            kind: DivisionKind::Appendix,
            title,
        } = &kinds[i]
        else {
            continue;
        };
        let next = (i + 1..kinds.len()).find(|&j| !margin(&kinds[j]));
        let lettered = next.is_some_and(
            |j| matches!(&kinds[j], Kind::Heading { level: 1, label, .. } if label == "A"),
        );
        if !lettered {
            continue;
        }
        kinds[i] = Kind::Heading {
            level: 0,
            label: String::new(),
            title: title.clone(),
        };
        if count == 0 {
            first = lines[i].no;
        }
        count += 1;
    }
    (count, first)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heading(level: u8, label: &str, title: &str) -> Kind {
        Kind::Heading {
            level,
            label: label.into(),
            title: title.into(),
        }
    }

    #[test]
    fn an_appendix_heading_over_lettered_appendices_holds_them() {
        let lines = crate::reader::lines::split("Appendix\nA Tables\ntext\nB Maps\n");
        let matter = Kind::Matter {
            kind: DivisionKind::Appendix,
            title: "Appendix".into(),
        };
        let mut kinds = vec![
            matter.clone(),
            heading(1, "A", "Tables"),
            Kind::Text,
            heading(1, "B", "Maps"),
        ];
        assert_eq!(group(&lines, &mut kinds), (1, 1));
        assert_eq!(kinds[0], heading(0, "", "Appendix"));
        // an appendix with text of its own stays one
        let mut kinds = vec![
            matter.clone(),
            Kind::Text,
            heading(1, "A", "Tables"),
            Kind::Text,
        ];
        assert_eq!(group(&lines, &mut kinds), (0, 0));
        assert_eq!(kinds[0], matter);
    }
}
