use crate::diagnostics::{declare_rule, Diagnostic};
use crate::edits::EditDraft;
use crate::policy::sources::BENEFIT_POLICY_CH15;
use crate::policy::codes::EvalKind;
use crate::note::NoteType;
use crate::rules::context::{ChecklistItemKind, Context, Findings, ItemDraft};
use crate::rules::templates::insert_block;

declare_rule! {
    /// A re-evaluation (97164, 97168) is billed without a reason Medicare accepts.
    ///
    /// ## What it checks
    /// A billed re-evaluation needs a documented reason: new clinical findings, a
    /// significant change in the patient's condition, or failure to respond to the
    /// treatment. The reason is read from `evaluation.reevaluationReason`, then from the
    /// text ("new findings", "significant decline", "exacerbation", "recent fall",
    /// "after a TIA", "following surgery", "re-injured", "not progressing", "plateaued", …);
    /// in the reason field an event that changes the condition (surgery, a TIA, a
    /// re-injury, a hospitalization) is a reason by itself. Negated wording ("no new
    /// findings") does not count. A schedule is not a reason: "routine", "every 30 days", "per protocol",
    /// "progress report due" or "recert due" alone are flagged.
    ///
    /// ## Why payers deny it
    /// Medicare pays a re-evaluation only when the patient's status calls for one; a routine
    /// re-evaluation (before each progress report or recertification) is not covered, and a
    /// progress report is not separately billable.
    ///
    /// ## Example
    /// ```json
    /// {"noteType": "reevaluation", "lines": [{"code": "97164", "units": 1, "modifiers": ["GP"]}], "totalTimedMinutes": 0, "totalTreatmentMinutes": 20, "evaluation": {"reevaluationReason": "Routine re-evaluation, progress report due."}}
    /// ```
    ///
    /// ## Passes
    /// ```json
    /// {"noteType": "reevaluation", "lines": [{"code": "97164", "units": 1, "modifiers": ["GP"]}], "totalTimedMinutes": 0, "totalTreatmentMinutes": 20, "evaluation": {"reevaluationReason": "Fall at home on 3/2 with new onset of L hip pain; significant decline in gait."}}
    /// ```
    ///
    /// ## Source
    /// CMS Pub. 100-02, ch. 15, §220.3 C (re-evaluation: for new clinical findings, a
    /// significant change in condition, or failure to respond; not a routine, recurring
    /// service) and §220.3 D (progress reports).
    pub REEVALUATION_UNSUPPORTED {
        id: "eval/reevaluation-unsupported",
        severity: Warning,
        kind: Both,
        dismissal: Clears,
        source: "CMS Pub. 100-02, ch. 15, §220.3 C",
        references: [
            BENEFIT_POLICY_CH15.at("§220.3 C–D"),
        ],
    }
}

pub(super) fn check(ctx: &Context<'_>, out: &mut Findings<'_>) {
    let Some(a) = ctx.eval.as_ref() else {
        return;
    };
    let Some(r) = &a.reason else { return };
    let mut billed = a.lines.iter().filter(|l| l.kind == EvalKind::Reevaluation).peekable();
    if billed.peek().is_some() {
        out.item(
            ItemDraft::new(
                &REEVALUATION_UNSUPPORTED,
                ChecklistItemKind::ReevaluationReason,
                "Reason for the re-evaluation",
                r.accepted.is_some(),
            )
            .field("evaluation.reevaluationReason")
            .spans(if r.accepted.is_some() { r.spans.clone() } else { Vec::new() }),
        );
    }
    if r.accepted.is_some() {
        return;
    }
    for line in billed {
        let message = if r.routine_only {
            format!(
                "{} is billed for a routine re-evaluation (a schedule, a protocol or a report due); Medicare pays a re-evaluation only for new clinical findings, a significant change in condition, or failure to respond to treatment.",
                line.code
            )
        } else {
            format!(
                "{} is billed, but the note documents no reason for the re-evaluation: new clinical findings, a significant change in condition, or failure to respond to treatment.",
                line.code
            )
        };
        let mut f = Diagnostic::new(&REEVALUATION_UNSUPPORTED, message)
            .anchor(line.code)
            .field(if r.from_field { "evaluation.reevaluationReason".to_string() } else { format!("lines[{}].code", line.index) })
            .fix("Document why the re-evaluation was needed (new findings, a significant change, or failure to respond) in evaluation.reevaluationReason or the note; if it was routine, write a progress report instead and do not bill the re-evaluation.");
        if let Some(s) = r.spans.first() {
            f = f.span(s.start, s.end);
        }
        f = if r.routine_only {
            // What is written is a routine reason: a defect, whose honest fix is not to bill
            // a re-evaluation.
            f.edit(
                EditDraft::suggested(format!(
                    "Write it as a progress report: note type progress, {} removed",
                    line.code
                ))
                .set("noteType", NoteType::Progress.as_str())
                .remove(format!("lines[{}]", line.index)),
            )
        } else {
            f.missing().edit(insert_block(
                ctx,
                "Insert the reason for the re-evaluation, to complete",
                "Reason for re-evaluation: [[new clinical findings, a significant change in condition, or failure to respond to treatment]]",
            ))
        };
        out.push(f);
    }
}
