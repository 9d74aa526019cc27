//! The `elements` family: what the note's words document (goals, progress, medical
//! necessity, skilled care, response, plan, signature, outcome measures) and phrases
//! reviewers cite. The text is read once into [`crate::text::TextFacts`]; which note types
//! need which element is the table in [`crate::policy::elements`] (adjustable by
//! `config.requirements`).

use crate::note::Note;
use crate::policy::elements::Element;
use crate::rules::{Context, Findings, RuleMeta};

mod goals_not_measurable;
mod missing_goals;
mod missing_medical_necessity;
mod missing_outcome_measure;
mod missing_patient_response;
mod missing_plan;
mod missing_progress;
mod missing_signature;
mod missing_skilled_intervention;
mod red_flag_phrase;

pub use goals_not_measurable::GOALS_NOT_MEASURABLE;
pub use missing_goals::MISSING_GOALS;
pub use missing_medical_necessity::MISSING_MEDICAL_NECESSITY;
pub use missing_outcome_measure::MISSING_OUTCOME_MEASURE;
pub use missing_patient_response::MISSING_PATIENT_RESPONSE;
pub use missing_plan::MISSING_PLAN;
pub use missing_progress::MISSING_PROGRESS;
pub use missing_signature::MISSING_SIGNATURE;
pub use missing_skilled_intervention::MISSING_SKILLED_INTERVENTION;
pub use red_flag_phrase::RED_FLAG_PHRASE;

/// The family's rules, in docs order.
pub static RULES: &[&RuleMeta] = &[
    &MISSING_GOALS,
    &GOALS_NOT_MEASURABLE,
    &MISSING_PROGRESS,
    &MISSING_MEDICAL_NECESSITY,
    &MISSING_SKILLED_INTERVENTION,
    &MISSING_PATIENT_RESPONSE,
    &MISSING_PLAN,
    &MISSING_SIGNATURE,
    &MISSING_OUTCOME_MEASURE,
    &RED_FLAG_PHRASE,
];

pub fn check(ctx: &Context<'_>, out: &mut Findings<'_>) {
    missing_goals::check(ctx, out);
    goals_not_measurable::check(ctx, out);
    missing_progress::check(ctx, out);
    missing_medical_necessity::check(ctx, out);
    missing_skilled_intervention::check(ctx, out);
    missing_patient_response::check(ctx, out);
    missing_plan::check(ctx, out);
    missing_signature::check(ctx, out);
    missing_outcome_measure::check(ctx, out);
    red_flag_phrase::check(ctx, out);
}

/// The note bills a treatment code: a line with units whose code is not an evaluation or
/// re-evaluation code.
pub fn bills_treatment(note: &Note) -> bool {
    note.lines.iter().any(|l| {
        l.units > 0
            && crate::policy::codes::lookup(&l.code).map_or(true, |info| info.eval.is_none())
    })
}

/// Whether the note must contain `e`: the requirements table for its type, and for skilled
/// intervention and patient response, a billed treatment code.
pub fn required(ctx: &Context<'_>, e: Element) -> bool {
    ctx.config.requirements.requires(ctx.note.note_type, e)
        && (!e.only_with_treatment() || bills_treatment(ctx.note))
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

/// "a progress note", "an evaluation".
pub(crate) fn a_note(ctx: &Context<'_>) -> &'static str {
    match ctx.note.note_type {
        crate::note::NoteType::Evaluation => "This evaluation",
        crate::note::NoteType::Reevaluation => "This re-evaluation",
        crate::note::NoteType::Daily => "This treatment note",
        crate::note::NoteType::Progress => "This progress report",
        crate::note::NoteType::Recertification => "This recertification",
        crate::note::NoteType::Discharge => "This discharge summary",
    }
}
