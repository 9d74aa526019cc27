//! Which documentation elements a note must contain, and whether the EMR's fields sign it:
//! read by the `elements` rules and by `Report.elements` alike.

use crate::note::Note;
use crate::policy::elements::{Element, Requirements};

/// The note bills a treatment code: a line with units whose code is not an evaluation or
/// re-evaluation code. An SLP assessment code (standardized cognitive testing, aphasia
/// assessment, an AAC device evaluation) bills testing, not treatment: a reviewer does not
/// look for a skilled intervention or a response to treatment in a testing visit.
pub fn bills_treatment(note: &Note) -> bool {
    note.lines.iter().any(|l| {
        l.units > 0
            && !crate::policy::evaluation::SLP_OTHER_ASSESSMENT_CODES.contains(&l.code.as_str())
            && crate::policy::codes::lookup(&l.code).map_or(true, |info| info.eval.is_none())
    })
}

/// Whether `note` must contain `e`: the requirements table for its type, and for skilled
/// intervention and patient response, a billed treatment code.
pub fn required(requirements: &Requirements, note: &Note, e: Element) -> bool {
    requirements.requires(note.note_type, e) && (!e.only_with_treatment() || bills_treatment(note))
}

/// `provider.name` and `provider.credentials` (with a professional credential) are given,
/// so the EMR signs the note.
pub fn signed_in_fields(note: &Note) -> bool {
    note.provider
        .name
        .as_deref()
        .is_some_and(|n| !n.trim().is_empty())
        && note
            .provider
            .credentials
            .as_deref()
            .is_some_and(|c| !crate::text::credentials_in(c).is_empty())
}
