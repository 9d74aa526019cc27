//! Words the episode rules share in their messages.

use crate::note::NoteType;
use crate::rules::context::EpisodeContext;

/// A note type in words: "progress report".
pub fn type_words(t: NoteType) -> &'static str {
    match t {
        NoteType::Evaluation => "evaluation",
        NoteType::Reevaluation => "re-evaluation",
        NoteType::Daily => "daily note",
        NoteType::Progress => "progress report",
        NoteType::Recertification => "recertification",
        NoteType::Discharge => "discharge note",
    }
}

/// The note at member index `k` in words: "evaluation of 2025-03-03" (never its text or id).
pub fn describe(ctx: &EpisodeContext<'_>, k: usize) -> String {
    match ctx.note(k) {
        Some(n) => format!("{} of {}", type_words(n.note_type), n.date_of_service),
        None => "an earlier note".into(),
    }
}
