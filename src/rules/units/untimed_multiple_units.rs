use super::rows::{reduction, rows};
use crate::diagnostics::{declare_rule, Diagnostic};
use crate::edits::EditDraft;
use crate::policy::sources::{ASHA_TIMED_CODES, BENEFIT_POLICY_CH15, CLAIMS_PROCESSING_CH5, CPT};
use crate::policy::codes::Counting;
use crate::rules::context::{Context, Findings};
use rust_decimal::Decimal;

declare_rule! {
    /// An untimed (service-based) code is billed more than once.
    ///
    /// ## What it checks
    /// Untimed codes (evaluations, 97010–97028 supervised modalities, G0283, 97150 group
    /// therapy, SLP treatment codes 92507 and 92526, …) are one unit per day, however long
    /// the service lasted. Any line billing 2 or more units of such a code is flagged.
    ///
    /// ## Why payers deny it
    /// The extra units are not payable: they are denied by the payer's unit edits or
    /// recouped on review.
    ///
    /// ## Example
    /// ```json
    /// {"lines": [{"code": "97110", "minutes": 25, "units": 2, "modifiers": ["GP"]}, {"code": "G0283", "minutes": 30, "units": 2, "modifiers": ["GP"]}], "totalTimedMinutes": 25, "totalTreatmentMinutes": 55}
    /// ```
    ///
    /// ## Passes
    /// ```json
    /// {"lines": [{"code": "97110", "minutes": 25, "units": 2, "modifiers": ["GP"]}, {"code": "G0283", "minutes": 30, "units": 1, "modifiers": ["GP"]}], "totalTimedMinutes": 25, "totalTreatmentMinutes": 55}
    /// ```
    ///
    /// ## Source
    /// CMS Pub. 100-04, ch. 5, §20.2 and CMS Pub. 100-02, ch. 15, §220.3 (untimed codes are
    /// one unit per day, whatever their minutes); CPT descriptors (service-based codes);
    /// ASHA, timed and untimed CPT codes.
    pub UNTIMED_MULTIPLE_UNITS {
        id: "units/untimed-multiple-units",
        severity: Warning,
        kind: Defect,
        dismissal: StillBlocks,
        source: "CMS Pub. 100-04, ch. 5, §20.2; CPT descriptors (service-based codes)",
        references: [
            CLAIMS_PROCESSING_CH5.at("§20.2"),
            BENEFIT_POLICY_CH15.at("§220.3"),
            CPT.at("service-based code descriptors"),
            ASHA_TIMED_CODES.whole(),
        ],
    }
}

pub(super) fn check(ctx: &Context<'_>, out: &mut Findings<'_>) {
    for row in rows(ctx).filter(|r| r.info.counting == Counting::Untimed && r.line.units > 1) {
        out.push(
            Diagnostic::new(
                &UNTIMED_MULTIPLE_UNITS,
                format!(
                    "{} is an untimed code, billed once per day, but {} units are billed.",
                    row.line.code, row.line.units
                ),
            )
            .field(row.field("units"))
            .fix(format!("Bill 1 unit of {}.", row.line.code))
            .edit(EditDraft::new(reduction(ctx, &row, 1), format!("Bill 1 unit of {}", row.line.code)).set(row.field("units"), 1))
            .amount(
                ctx.payment
                    .unit_value(&row.line.code)
                    .map(|v| v * Decimal::from(row.line.units - 1)),
            ),
        );
    }
}
