use super::rows::rows;
use crate::diagnostics::{declare_rule, Diagnostic};
use crate::policy::sources::{CLAIMS_PROCESSING_CH5, CMS_CQ_CO_EXAMPLES, FCSO_THERAPY_UNITS};
use crate::facts::payment::has_cq_co;
use crate::rules::context::{Context, Findings};

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
                )),
            );
        }
    }
}
