//! 遍历 (walks over content): the note references of a block or run, and every inline run of a
//! block, in reading order — one place that knows which blocks hold inline text.

use super::{Block, Inline, NoteId};

impl Block {
    /// Appends the note references in this block (quotations included), in reading order.
    pub fn note_refs(&self, out: &mut Vec<NoteId>) {
        match self {
            Block::Para(p)
            | Block::Signature(p)
            | Block::Dateline(p)
            | Block::Salutation(p)
            | Block::EndMark(p)
            | Block::Notice(p) => note_refs(&p.content, out),
            Block::Display(l) => note_refs(&l.content, out),
            Block::LineBlock(p) | Block::Figure(p) => note_refs(&p.content, out),
            Block::Quote(bs) => bs.iter().for_each(|b| b.note_refs(out)),
            Block::List(l) => l.items.iter().flatten().for_each(|b| b.note_refs(out)),
            Block::Cip(_)
            | Block::Colophon(_)
            | Block::Contents(_)
            | Block::SceneBreak(_)
            | Block::Preformatted(_) => {}
        }
    }
}

impl Block {
    /// Calls `f` on every inline run of this block, those inside quotations and list items
    /// included, in reading order (a CIP record, colophon, contents, scene break or
    /// preformatted text has none).
    pub fn for_each_run_mut(&mut self, f: &mut dyn FnMut(&mut Vec<Inline>)) {
        match self {
            Block::Para(p)
            | Block::Signature(p)
            | Block::Dateline(p)
            | Block::Salutation(p)
            | Block::EndMark(p)
            | Block::Notice(p)
            | Block::LineBlock(p)
            | Block::Figure(p) => f(&mut p.content),
            Block::Display(l) => f(&mut l.content),
            Block::Quote(bs) => bs.iter_mut().for_each(|b| b.for_each_run_mut(f)),
            Block::List(l) => l
                .items
                .iter_mut()
                .flatten()
                .for_each(|b| b.for_each_run_mut(f)),
            Block::Cip(_)
            | Block::Colophon(_)
            | Block::Contents(_)
            | Block::SceneBreak(_)
            | Block::Preformatted(_) => {}
        }
    }
}

/// Appends the note references of an inline run, in order.
pub fn note_refs(inlines: &[Inline], out: &mut Vec<NoteId>) {
    for i in inlines {
        match i {
            Inline::NoteRef(id) => out.push(*id),
            Inline::Emphasis(inner) | Inline::Strong(inner) => note_refs(inner, out),
            _ => {}
        }
    }
}
