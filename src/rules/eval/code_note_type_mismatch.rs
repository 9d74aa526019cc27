use crate::diagnostics::{declare_rule, Diagnostic};
use crate::edits::EditDraft;
use serde_json::json;
use crate::policy::sources::{BENEFIT_POLICY_CH15, CPT};
use crate::note::{Discipline, NoteType};
use crate::policy::codes::{self, EvalKind};
use crate::policy::evaluation as policy;
use crate::rules::context::{ChecklistItemKind, Context, Findings, ItemDraft};

declare_rule! {
    /// The evaluation code does not match the kind of note.
    ///
    /// ## What it checks
    /// An evaluation or re-evaluation code billed on a daily, progress, recertification or
    /// discharge note; an evaluation or re-evaluation note with no evaluation code; a
    /// re-evaluation code (97164, 97168) on an initial evaluation note; an initial
    /// evaluation code (97161–97163, 97165–97167) on a re-evaluation note. SLP has no
    /// re-evaluation code, so an SLP re-evaluation bills the SLP evaluation code and passes;
    /// an SLP evaluation note billing another SLP assessment code (92605, 92607, 96105,
    /// 96125) or a code chartlint does not know (an instrumental swallowing study) is not
    /// flagged for a missing evaluation code.
    ///
    /// ## Why payers deny it
    /// An evaluation billed without an evaluation in the record is denied on review; an
    /// evaluation performed but not billed is lost revenue; and a re-evaluation billed as a
    /// new evaluation (or the reverse) misstates the service.
    ///
    /// ## Example
    /// ```json
    /// {"lines": [{"code": "97161", "units": 1, "modifiers": ["GP"]}, {"code": "97110", "minutes": 25, "units": 2, "modifiers": ["GP"]}, {"code": "97140", "minutes": 15, "units": 1, "modifiers": ["GP"]}]}
    /// ```
    ///
    /// ## Passes
    /// ```json
    /// {"noteType": "evaluation", "lines": [{"code": "97161", "units": 1, "modifiers": ["GP"]}, {"code": "97110", "minutes": 25, "units": 2, "modifiers": ["GP"]}, {"code": "97140", "minutes": 15, "units": 1, "modifiers": ["GP"]}], "evaluation": {"historyFactors": 0, "examElements": 2, "clinicalPresentation": "stable", "decisionMaking": "low"}}
    /// ```
    ///
    /// ## Source
    /// CMS Pub. 100-02, ch. 15, §220.3 (evaluation, re-evaluation and progress report
    /// content; SLP uses its evaluation code to re-evaluate); CPT 97161–97168 descriptors.
    pub CODE_NOTE_TYPE_MISMATCH {
        id: "eval/code-note-type-mismatch",
        severity: Error,
        kind: Both,
        dismissal: StillBlocks,
        source: "CMS Pub. 100-02, ch. 15, §220.3; CPT 97161–97168 descriptors",
        references: [
            BENEFIT_POLICY_CH15.at("§220.3"),
            CPT.at("97161–97168 descriptors"),
        ],
    }
}

fn missing_fix(d: Discipline, t: NoteType) -> &'static str {
    match (d, t) {
        (Discipline::PT, NoteType::Reevaluation) => "Bill 97164 for the re-evaluation, or change the note type if none was performed.",
        (Discipline::OT, NoteType::Reevaluation) => "Bill 97168 for the re-evaluation, or change the note type if none was performed.",
        (Discipline::PT, _) => "Bill the PT evaluation code the components support (97161–97163), or change the note type.",
        (Discipline::OT, _) => "Bill the OT evaluation code the components support (97165–97167), or change the note type.",
        (Discipline::SLP, _) => "Bill the SLP evaluation code for the evaluation performed (92521–92524, 92610–92612; SLP re-evaluations use the same codes), or change the note type.",
    }
}

pub(super) fn check(ctx: &Context<'_>, out: &mut Findings<'_>) {
    let Some(a) = ctx.eval.as_ref() else {
        return;
    };
    let note = ctx.note;
    match note.note_type {
        NoteType::Evaluation | NoteType::Reevaluation => {
            let kind = if note.note_type == NoteType::Evaluation {
                "an evaluation"
            } else {
                "a re-evaluation"
            };
            let slp_other = note.discipline == Discipline::SLP
                && note.lines.iter().any(|l| {
                    l.units > 0
                        && (policy::SLP_OTHER_ASSESSMENT_CODES.contains(&l.code.as_str())
                            || codes::lookup(&l.code).is_none())
                });
            let billed = !a.lines.is_empty() || slp_other;
            out.item(
                ItemDraft::new(
                    &CODE_NOTE_TYPE_MISMATCH,
                    ChecklistItemKind::EvaluationCode,
                    if note.note_type == NoteType::Evaluation {
                        "Evaluation code billed"
                    } else {
                        "Re-evaluation code billed"
                    },
                    billed,
                )
                .field("lines"),
            );
            if !billed {
                out.push(
                    Diagnostic::new(
                        &CODE_NOTE_TYPE_MISMATCH,
                        format!("This is {kind} note, but no evaluation code is billed."),
                    )
                    .missing()
                    .field("lines")
                    .fix(missing_fix(note.discipline, note.note_type))
                    .edits(code_to_add(ctx)),
                );
            }
            for line in &a.lines {
                let message = match (note.note_type, line.kind) {
                    (NoteType::Evaluation, EvalKind::Reevaluation) => {
                        format!(
                            "{} is a re-evaluation code, billed on an initial evaluation note.",
                            line.code
                        )
                    }
                    (NoteType::Reevaluation, EvalKind::Evaluation { .. }) => {
                        format!(
                            "{} is an initial evaluation code, billed on a re-evaluation note.",
                            line.code
                        )
                    }
                    _ => continue,
                };
                let fix = if line.kind == EvalKind::Reevaluation {
                    "Bill the evaluation code for a new episode's evaluation, or mark the note as a re-evaluation of the established plan."
                } else {
                    "Bill the re-evaluation code (97164 PT, 97168 OT) for a re-evaluation of the established plan, or mark the note as an evaluation if a new episode begins."
                };
                let mut edits = vec![mark_as(line.kind)];
                if line.kind != EvalKind::Reevaluation {
                    if let Some(f) = a.family {
                        edits.push(
                            EditDraft::suggested(format!("Bill {}, the re-evaluation code", f.reevaluation.0))
                                .set(format!("lines[{}].code", line.index), f.reevaluation.0),
                        );
                    }
                }
                out.push(
                    Diagnostic::new(&CODE_NOTE_TYPE_MISMATCH, message)
                        .field(format!("lines[{}].code", line.index))
                        .fix(fix)
                        .edits(edits)
                        .amount(ctx.payment.line(line.index)),
                );
            }
        }
        other => {
            for line in &a.lines {
                out.push(
                    Diagnostic::new(
                        &CODE_NOTE_TYPE_MISMATCH,
                        format!("{} is an evaluation code, billed on a {} note.", line.code, other.as_str()),
                    )
                    .field(format!("lines[{}].code", line.index))
                    .fix(format!(
                        "If an evaluation or re-evaluation was performed, mark the note as one and document it; otherwise remove {}.",
                        line.code
                    ))
                    .edit(
                        EditDraft::suggested(format!("Remove the {} line", line.code))
                            .remove(format!("lines[{}]", line.index)),
                    )
                    .edit(mark_as(line.kind))
                    .amount(ctx.payment.line(line.index)),
                );
            }
        }
    }
}

/// Marking the note as the kind of evaluation the code bills.
fn mark_as(kind: EvalKind) -> EditDraft {
    let t = if kind == EvalKind::Reevaluation {
        NoteType::Reevaluation
    } else {
        NoteType::Evaluation
    };
    EditDraft::suggested(format!("Mark the note as {}", if t == NoteType::Evaluation { "an evaluation" } else { "a re-evaluation" }))
        .set("noteType", t.as_str())
}

/// The code an evaluation note without one may bill: the PT/OT complexity code every
/// component supports (none while a component is not established), or the re-evaluation
/// code. SLP evaluation codes name the evaluation performed, which only the therapist knows.
fn code_to_add(ctx: &Context<'_>) -> Option<EditDraft> {
    let a = ctx.eval.as_ref()?;
    let family = a.family?;
    let code = match ctx.note.note_type {
        NoteType::Reevaluation => family.reevaluation.0,
        _ => family.code_for(a.supported?),
    };
    Some(
        EditDraft::suggested(format!("Bill {code}, 1 unit"))
            .set(
                format!("lines[{}]", ctx.note.lines.len()),
                json!({"code": code, "units": 1, "modifiers": [ctx.note.discipline.modifier()]}),
            ),
    )
}
