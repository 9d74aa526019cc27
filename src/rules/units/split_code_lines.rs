use super::rows::rows;
use crate::diagnostics::{declare_rule, Diagnostic};
use crate::policy::sources::{CLAIMS_PROCESSING_CH5, CMS_CQ_CO_EXAMPLES, FCSO_THERAPY_UNITS};
use crate::facts::payment::has_cq_co;
use crate::edits::{Applicability, EditDraft};
use crate::rules::context::{Context, Findings};
use serde_json::json;

declare_rule! {
    /// The same timed code is reported on more than one line of the visit.
    ///
    /// ## What it checks
    /// A 15-minute timed code that appears on two or more lines for the same date of
    /// service. chartlint pools the lines' minutes to count units, and flags each repeat.
    /// A code billed on one line with CQ/CO (the assistant's units) and on another without
    /// (the therapist's) is not a split: CMS's CQ/CO billing examples bill it that way.
    ///
    /// ## Why payers deny it
    /// Since claims received 19 April 2021, Medicare contractors reject a claim that splits a
    /// timed code for one date of service across several lines: all its units must be on one
    /// line.
    ///
    /// ## Example
    /// ```json
    /// {"lines": [{"code": "97110", "minutes": 20, "units": 1, "modifiers": ["GP"]}, {"code": "97110", "minutes": 20, "units": 2, "modifiers": ["GP"]}], "totalTimedMinutes": 40, "totalTreatmentMinutes": 40}
    /// ```
    ///
    /// ## Passes
    /// ```json
    /// {"lines": [{"code": "97110", "minutes": 40, "units": 3, "modifiers": ["GP"]}], "totalTimedMinutes": 40, "totalTreatmentMinutes": 40}
    /// ```
    ///
    /// ## Source
    /// CMS Pub. 100-04, ch. 5, §20.2 as applied by the Medicare contractors (First Coast
    /// Service Options, counting therapy units: one line per timed code); CMS, "Billing
    /// Examples Using CQ/CO Modifiers" for the assistant's and the therapist's lines.
    pub SPLIT_CODE_LINES {
        id: "units/split-code-lines",
        severity: Warning,
        kind: Defect,
        dismissal: StillBlocks,
        source: "CMS Pub. 100-04, ch. 5, §20.2; MAC guidance on one line per timed code (First Coast)",
        references: [
            CLAIMS_PROCESSING_CH5.at("§20.2"),
            FCSO_THERAPY_UNITS.whole(),
            CMS_CQ_CO_EXAMPLES.whole(),
        ],
    }
}

pub(super) fn check(ctx: &Context<'_>, out: &mut Findings<'_>) {
    let timed: Vec<_> = rows(ctx).filter(|r| r.is_timed15()).collect();
    for (i, row) in timed.iter().enumerate() {
        // The assistant's units (CQ/CO) and the therapist's units of one code are billed on
        // separate lines, as CMS's CQ/CO examples bill them: that is not a split.
        let assisted = has_cq_co(row.line);
        if let Some(first) = timed
            .iter()
            .take(i)
            .find(|r| r.line.code == row.line.code && has_cq_co(r.line) == assisted)
        {
            out.push(
                Diagnostic::new(
                    &SPLIT_CODE_LINES,
                    format!(
                        "{} is reported on more than one line (lines {} and {}).",
                        row.line.code,
                        first.index + 1,
                        row.index + 1
                    ),
                )
                .field(row.field("code"))
                .fix(format!(
                    "Report all of {}'s minutes and units on one line.",
                    row.line.code
                ))
                .edits(merge(first, row)),
            );
        }
    }
}

/// Moving `row`'s minutes and units onto `first`'s line and removing `row`'s: the same code,
/// minutes and units on one line, offered when the two lines carry the same modifiers and
/// both their minutes. Safe when the lines bill no more than their minutes support (the
/// merged line then bills what the two did); otherwise a choice, since the merged line
/// shows the over-billing on one line instead of two.
fn merge(first: &super::rows::Row<'_>, row: &super::rows::Row<'_>) -> Option<EditDraft> {
    let (a, b) = (first.line, row.line);
    let mut ma = a.modifiers.clone();
    let mut mb = b.modifiers.clone();
    crate::sort::sort(&mut ma);
    crate::sort::sort(&mut mb);
    if ma != mb {
        return None;
    }
    let minutes = a.minutes? + b.minutes?;
    let mut merged = json!({
        "code": a.code,
        "minutes": minutes,
        "units": a.units + b.units,
        "modifiers": a.modifiers,
    });
    if let (true, Some(m)) = (
        a.assistant_minutes.is_some() || b.assistant_minutes.is_some(),
        merged.as_object_mut(),
    ) {
        m.insert(
            "assistantMinutes".into(),
            json!(a.assistant_minutes.unwrap_or(0) + b.assistant_minutes.unwrap_or(0)),
        );
    }
    let within = match (first.units.units_supported, row.units.units_supported) {
        (Some(sa), Some(sb)) => a.units <= sa && b.units <= sb,
        _ => false,
    };
    Some(
        EditDraft::new(
            if within { Applicability::Safe } else { Applicability::Suggested },
            format!(
                "Report {}'s {minutes} minutes and {} units on line {}",
                a.code,
                a.units + b.units,
                first.index + 1
            ),
        )
        .set(first.path(), merged)
        .remove(row.path()),
    )
}
