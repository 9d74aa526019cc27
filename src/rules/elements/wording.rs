//! Words the `elements` rules share.

use crate::note::NoteType;
use crate::rules::context::Context;

/// "This progress report", "This evaluation": how a message names the note.
pub fn a_note(ctx: &Context<'_>) -> &'static str {
    match ctx.note.note_type {
        NoteType::Evaluation => "This evaluation",
        NoteType::Reevaluation => "This re-evaluation",
        NoteType::Daily => "This treatment note",
        NoteType::Progress => "This progress report",
        NoteType::Recertification => "This recertification",
        NoteType::Discharge => "This discharge summary",
    }
}
