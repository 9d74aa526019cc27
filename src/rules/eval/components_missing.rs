use super::analysis::{capitalize, missing_fix};
use crate::diagnostics::{declare_rule, Diagnostic};
use crate::policy::sources::{CPT, PFS_FINAL_RULES};
use crate::rules::context::{ChecklistItemKind, Context, Findings, ItemDraft};

declare_rule! {
    /// An evaluation code is billed but a component of its complexity is not documented.
    ///
    /// ## What it checks
    /// For a PT (97161–97163) or OT (97165–97167) evaluation billed on an evaluation note
    /// (on another kind of note, `eval/code-note-type-mismatch` says so), every component of the
    /// CPT descriptor must be established: for PT the history (personal factors and
    /// comorbidities affecting the plan), the examination (elements from body structures and
    /// functions, activity limitations, participation restrictions), the clinical
    /// presentation and the clinical decision making; for OT the occupational profile, the
    /// performance deficits, the comorbidities, the modification of tasks or assistance, and
    /// the clinical decision making. A component counts as established when the evaluation
    /// form records it (`evaluation.*`) or the text states it (a labelled list such as
    /// "Comorbidities: …", a stated count, or the descriptor's words). One finding per
    /// component that neither the form nor the text establishes, or whose value meets no
    /// level (an examination of 0 elements, 0 performance deficits). A past medical history
    /// list alone is not counted as the history: the descriptor counts the personal factors
    /// and comorbidities that affect the plan of care.
    ///
    /// ## Why payers deny it
    /// The level is the one whose every component is met; a component that is not
    /// documented supports no level, so on review the evaluation is down-coded or denied
    /// and the difference recouped.
    ///
    /// ## Example
    /// ```json
    /// {"noteType": "evaluation", "lines": [{"code": "97162", "units": 1, "modifiers": ["GP"]}], "totalTimedMinutes": 0, "totalTreatmentMinutes": 35, "evaluation": {"historyFactors": 1, "examElements": 3, "clinicalPresentation": "evolving"}}
    /// ```
    ///
    /// ## Passes
    /// ```json
    /// {"noteType": "evaluation", "lines": [{"code": "97162", "units": 1, "modifiers": ["GP"]}], "totalTimedMinutes": 0, "totalTreatmentMinutes": 35, "evaluation": {"historyFactors": 1, "examElements": 3, "clinicalPresentation": "evolving", "decisionMaking": "moderate"}}
    /// ```
    ///
    /// ## Source
    /// CPT 97161–97167 descriptors: every component of a level must be documented; the CY
    /// 2017 Medicare Physician Fee Schedule final rule (81 FR 80170).
    pub COMPONENTS_MISSING {
        id: "eval/components-missing",
        severity: Error,
        kind: Missing,
        dismissal: Clears,
        source: "CPT 97161–97167 descriptors; CY 2017 PFS final rule",
        references: [
            CPT.at("97161–97167 descriptors"),
            PFS_FINAL_RULES.at("CY 2017, 81 FR 80170").year(2016),
        ],
    }
}

pub(super) fn check(ctx: &Context<'_>, out: &mut Findings<'_>) {
    let Some(a) = ctx.eval.as_ref() else {
        return;
    };
    // While the evaluation is written, each component is an item of the checklist.
    if a.evaluation_note {
        for c in &a.components {
            let comp = c.spec.component;
            out.item(
                ItemDraft::new(
                    &COMPONENTS_MISSING,
                    ChecklistItemKind::EvaluationComponent,
                    format!("Evaluation: {}", comp.label()),
                    c.established(),
                )
                .field(comp.field())
                .spans(c.spans.iter().copied()),
            );
        }
    }
    let Some((line, _)) = a.judged() else { return };
    for c in a.missing() {
        let comp = c.spec.component;
        let (message, fix) = if c.value.is_none() {
            (
                format!(
                    "{} is billed, but the {} is not established: neither the evaluation form nor the note states it in a form that supports a level.",
                    line.code,
                    comp.label()
                ),
                capitalize(missing_fix(comp)) + ".",
            )
        } else {
            (
                format!("{} is billed, but {}.", line.code, c.short),
                capitalize(missing_fix(comp)) + ".",
            )
        };
        let mut f = Diagnostic::new(&COMPONENTS_MISSING, message)
            .field(comp.field())
            .fix(fix);
        if let Some(s) = c.spans.first() {
            f = f.span(s.start, s.end);
        }
        out.push(f);
    }
}
