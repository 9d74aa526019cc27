use crate::diagnostics::{declare_rule, Diagnostic};
use crate::edits::EditDraft;
use crate::policy::sources::{CPT, PFS_FINAL_RULES};
use crate::facts::eval::deciding_text;
use crate::policy::evaluation::level_rank;
use crate::rules::context::{Context, Findings};

declare_rule! {
    /// The evaluation is billed at a higher complexity than its components support.
    ///
    /// ## What it checks
    /// Each component of the evaluation supports a level (PT history: none → low, 1–2 →
    /// moderate, 3 or more → high; examination: 1–2 elements → low, 3 → moderate, 4 or more
    /// → high; presentation: stable, evolving, unstable; decision making: low, moderate,
    /// high; OT profile: brief, expanded, extensive; deficits: 1–3, 3–5, 5 or more;
    /// comorbidities; modification of tasks or assistance; decision making). The note
    /// supports the level every component meets: the lowest. A billed code above it is
    /// flagged, even when some components are still missing, as soon as the documented ones
    /// already cap the level below the billed one. Typical face-to-face time never decides.
    /// Checked on evaluation notes (a code on another kind of note is
    /// `eval/code-note-type-mismatch`'s finding).
    ///
    /// ## Why payers deny it
    /// Billing a complexity the documentation does not support is over-coding: an audit
    /// finding, with the difference between the codes recouped.
    ///
    /// ## Example
    /// ```json
    /// {"noteType": "evaluation", "lines": [{"code": "97163", "units": 1, "modifiers": ["GP"]}], "totalTimedMinutes": 0, "totalTreatmentMinutes": 45, "evaluation": {"historyFactors": 3, "examElements": 3, "clinicalPresentation": "unstable", "decisionMaking": "high"}}
    /// ```
    ///
    /// ## Passes
    /// ```json
    /// {"noteType": "evaluation", "lines": [{"code": "97163", "units": 1, "modifiers": ["GP"]}], "totalTimedMinutes": 0, "totalTreatmentMinutes": 45, "evaluation": {"historyFactors": 3, "examElements": 4, "clinicalPresentation": "unstable", "decisionMaking": "high"}}
    /// ```
    ///
    /// ## Source
    /// CPT 97161–97163 and 97165–97167 descriptors: each level requires every one of its
    /// components, so the note supports the level of its lowest component; the CY 2017
    /// Medicare Physician Fee Schedule final rule (81 FR 80170), which adopted the codes.
    pub COMPLEXITY_OVERCODED {
        id: "eval/complexity-overcoded",
        severity: Error,
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
    let (Some((line, billed)), Some(family)) = (a.judged(), a.family) else {
        return;
    };
    let (cap, certain) = match (a.supported, a.at_most) {
        (Some(s), _) => (s, true),
        (None, Some(m)) => (m, false),
        _ => return,
    };
    if level_rank(billed) <= level_rank(cap) {
        return;
    }
    let code = family.code_for(cap);
    let why = deciding_text(a, cap);
    let message = if certain {
        format!(
            "{} ({} complexity) is billed, but the note supports {code} ({} complexity): the lowest component decides. {why}",
            line.code,
            billed.as_str(),
            cap.as_str()
        )
    } else {
        format!(
            "{} ({} complexity) is billed, but even before the missing components are documented the note supports at most {code} ({} complexity). {why}",
            line.code,
            billed.as_str(),
            cap.as_str()
        )
    };
    let amount = match (
        ctx.payment.unit_value(line.code),
        ctx.payment.unit_value(code),
    ) {
        (Some(b), Some(s)) if b > s => Some(b - s),
        _ => None,
    };
    let mut f = Diagnostic::new(&COMPLEXITY_OVERCODED, message)
        .field(format!("lines[{}].code", line.index))
        .fix(format!(
            "Bill {code}, or document what supports {} complexity: every component must meet it.",
            billed.as_str()
        ))
        .edit(
            EditDraft::suggested(format!("Bill {code}, the code the note supports"))
                .set(format!("lines[{}].code", line.index), code),
        )
        .amount(amount);
    if let Some(s) = a.deciding(cap).flat_map(|c| c.spans.first()).next() {
        f = f.span(s.start, s.end);
    }
    out.push(f);
}
