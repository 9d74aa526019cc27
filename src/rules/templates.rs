//! Template edits: a heading with `[[placeholders]]` the therapist completes, inserted where
//! a new part of the note belongs (above the signature, else at the end). Templates name
//! what to write, never what was observed: chartlint does not invent clinical content, and
//! `elements/template-placeholder` keeps a note with a placeholder left from being signed.

use crate::edits::EditDraft;
use crate::rules::context::Context;

/// Where a new part of the note goes, and the text to insert there for `block` (one or more
/// lines, without a final newline): above the signature line when the note ends with one,
/// else at the end of the text.
fn placed(ctx: &Context<'_>, block: &str) -> (usize, String) {
    let text = ctx.note.text.as_str();
    // The start of the line holding the last signature, when nothing but that line (and
    // white space) follows it.
    let above_signature = ctx.text.signatures.last().and_then(|s| {
        let line_start = text.get(..s.span.start)?.rfind('\n').map_or(0, |i| i + 1);
        let line_end = text
            .get(s.span.end..)?
            .find('\n')
            .map_or(text.len(), |i| s.span.end + i);
        text.get(line_end..)?
            .trim()
            .is_empty()
            .then_some(line_start)
    });
    match above_signature {
        Some(at) => (at, format!("{block}\n")),
        None if text.trim().is_empty() => (text.len(), block.to_string()),
        None if text.ends_with('\n') => (text.len(), block.to_string()),
        None => (text.len(), format!("\n{block}")),
    }
}

/// A template edit inserting `block` as a new part of the note.
pub fn insert_block(ctx: &Context<'_>, title: &str, block: &str) -> EditDraft {
    let (at, text) = placed(ctx, block);
    EditDraft::template(title).insert(at, text)
}
