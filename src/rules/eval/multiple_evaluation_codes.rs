use crate::diagnostics::{declare_rule, Diagnostic};
use crate::edits::EditDraft;
use crate::policy::sources::CPT;
use crate::policy::codes::EvalKind;
use crate::rules::context::{Context, Findings};

declare_rule! {
    /// More than one PT/OT evaluation or re-evaluation code is billed on one visit.
    ///
    /// ## What it checks
    /// A visit has one evaluation at one level, or one re-evaluation: two of 97161–97168 on
    /// the same note (two levels, an evaluation and a re-evaluation, or the same code on
    /// two lines) are flagged on every line after the first. SLP evaluation codes
    /// (92521–92524, 92610–92612) are not counted: an SLP may evaluate, for example, language and
    /// swallowing on the same day, each with its own code.
    ///
    /// ## Why payers deny it
    /// The complexity levels are alternatives for one service: billing two is a duplicate
    /// (or an unbundled re-evaluation) that the claim edits deny.
    ///
    /// ## Example
    /// ```json
    /// {"noteType": "evaluation", "lines": [{"code": "97162", "units": 1, "modifiers": ["GP"]}, {"code": "97164", "units": 1, "modifiers": ["GP"]}], "totalTimedMinutes": 0, "totalTreatmentMinutes": 45, "evaluation": {"historyFactors": 1, "examElements": 3, "clinicalPresentation": "evolving", "decisionMaking": "moderate"}}
    /// ```
    ///
    /// ## Passes
    /// ```json
    /// {"noteType": "evaluation", "lines": [{"code": "97162", "units": 1, "modifiers": ["GP"]}], "totalTimedMinutes": 0, "totalTreatmentMinutes": 45, "evaluation": {"historyFactors": 1, "examElements": 3, "clinicalPresentation": "evolving", "decisionMaking": "moderate"}}
    /// ```
    ///
    /// ## Source
    /// CPT 97161–97168 descriptors: one level per evaluation, and a re-evaluation is a
    /// separate service of an established plan.
    pub MULTIPLE_EVALUATION_CODES {
        id: "eval/multiple-evaluation-codes",
        severity: Error,
        kind: Defect,
        dismissal: StillBlocks,
        source: "CPT 97161–97168 descriptors",
        references: [
            CPT.at("97161–97168 descriptors"),
        ],
    }
}

pub(super) fn check(ctx: &Context<'_>, out: &mut Findings<'_>) {
    let Some(a) = ctx.eval.as_ref() else {
        return;
    };
    let pt_ot: Vec<_> = a
        .lines
        .iter()
        .filter(|l| matches!(l.kind, EvalKind::Evaluation { .. } | EvalKind::Reevaluation))
        .collect();
    if pt_ot.len() < 2 {
        return;
    }
    let codes = pt_ot.iter().map(|l| l.code).collect::<Vec<_>>().join(", ");
    let first = pt_ot.first().map_or("", |l| l.code);
    for line in pt_ot.iter().skip(1) {
        out.push(
            Diagnostic::new(
                &MULTIPLE_EVALUATION_CODES,
                format!("{} evaluation codes are billed on one visit ({codes}); a visit bills one evaluation or one re-evaluation.", pt_ot.len()),
            )
            .field(format!("lines[{}].code", line.index))
            .fix(format!("Remove {} and keep the one code the visit supports (here {first} is listed first).", line.code))
            .edit(EditDraft::suggested(format!("Remove the {} line", line.code)).remove(format!("lines[{}]", line.index)))
            .amount(ctx.payment.line(line.index)),
        );
    }
}
