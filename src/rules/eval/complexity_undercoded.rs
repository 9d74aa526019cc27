use crate::diagnostics::{declare_rule, Diagnostic};
use crate::edits::EditDraft;
use crate::policy::sources::{CPT, PFS_FINAL_RULES};
use crate::facts::eval::deciding_text;
use crate::policy::evaluation::level_rank;
use crate::rules::context::{Context, Findings};

declare_rule! {
    /// Every component supports a higher complexity than the evaluation code billed.
    ///
    /// ## What it checks
    /// When every component of a PT or OT evaluation is established and the lowest of them
    /// is above the billed level, the note supports the higher code. Components read from
    /// the text are shown with their spans in `Report.evaluation` so the therapist can
    /// confirm them before changing the code. Checked on evaluation notes.
    ///
    /// ## Why we flag it
    /// Not a denial: under-coding leaves money on the table on every new patient (where the
    /// payer pays the levels differently) and understates the patient's complexity in the
    /// record.
    ///
    /// ## Example
    /// ```json
    /// {"noteType": "evaluation", "lines": [{"code": "97161", "units": 1, "modifiers": ["GP"]}], "totalTimedMinutes": 0, "totalTreatmentMinutes": 30, "evaluation": {"historyFactors": 2, "examElements": 3, "clinicalPresentation": "evolving", "decisionMaking": "moderate"}}
    /// ```
    ///
    /// ## Passes
    /// ```json
    /// {"noteType": "evaluation", "lines": [{"code": "97161", "units": 1, "modifiers": ["GP"]}], "totalTimedMinutes": 0, "totalTreatmentMinutes": 30, "evaluation": {"historyFactors": 2, "examElements": 3, "clinicalPresentation": "stable", "decisionMaking": "moderate"}}
    /// ```
    ///
    /// ## Source
    /// CPT 97161–97163 and 97165–97167 descriptors: each level requires every one of its
    /// components, so the note supports the level of its lowest component; the CY 2017
    /// Medicare Physician Fee Schedule final rule (81 FR 80170).
    pub COMPLEXITY_UNDERCODED {
        id: "eval/complexity-undercoded",
        severity: Warning,
        kind: Defect,
        dismissal: Clears,
        source: "CPT 97161–97167 descriptors; CY 2017 PFS final rule",
        references: [
            CPT.at("97161–97163, 97165–97167 descriptors"),
            PFS_FINAL_RULES.at("CY 2017, 81 FR 80170").year(2016),
        ],
    }
}

pub(super) fn check(ctx: &Context<'_>, out: &mut Findings<'_>) {
    let Some(a) = ctx.eval.as_ref() else {
        return;
    };
    let (Some((line, billed)), Some(family), Some(supported)) = (a.judged(), a.family, a.supported)
    else {
        return;
    };
    if level_rank(billed) >= level_rank(supported) {
        return;
    }
    let code = family.code_for(supported);
    let amount = match (
        ctx.payment.unit_value(code),
        ctx.payment.unit_value(line.code),
    ) {
        (Some(s), Some(b)) if s > b => Some(s - b),
        _ => None,
    };
    out.push(
        Diagnostic::new(
            &COMPLEXITY_UNDERCODED,
            format!(
                "{} ({} complexity) is billed, but every component meets {}: the note supports {code}. {}",
                line.code,
                billed.as_str(),
                supported.as_str(),
                deciding_text(a, supported)
            ),
        )
        .field(format!("lines[{}].code", line.index))
        .fix(format!("If the components are documented accurately, bill {code}."))
        .edit(
            EditDraft::suggested(format!("Bill {code}, the code the note supports"))
                .set(format!("lines[{}].code", line.index), code),
        )
        .amount(amount),
    );
}
