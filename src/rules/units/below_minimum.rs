use super::rows::{is_below_minimum, plural, reduction, rows, MIN_MINUTES_FOR_UNIT};
use crate::diagnostics::{declare_rule, Diagnostic};
use crate::edits::EditDraft;
use crate::policy::sources::{CLAIMS_PROCESSING_CH5, CPT};
use crate::note::UnitRule;
use crate::rules::context::{Context, Findings};
use rust_decimal::Decimal;

declare_rule! {
    /// A timed code is billed although its minutes cannot earn a unit.
    ///
    /// ## What it checks
    /// A 15-minute code billed for one or more units with fewer than 8 minutes, when the
    /// visit's minutes do not give it a unit: under the Rule of Eights a code needs 8 minutes
    /// of its own; under Medicare's method short services can pool their minutes, but the
    /// pooled unit goes to the service done longest, so the others earn nothing.
    ///
    /// ## Why payers deny it
    /// A service of under 8 minutes alone is not billable (CMS: with a single timed service on
    /// a day, nothing is billed if it lasted under 8 minutes). The unit is denied or recouped.
    ///
    /// ## Example
    /// ```json
    /// {"lines": [{"code": "97110", "minutes": 7, "units": 1, "modifiers": ["GP"]}], "totalTimedMinutes": 7, "totalTreatmentMinutes": 7}
    /// ```
    ///
    /// ## Passes
    /// ```json
    /// {"lines": [{"code": "97110", "minutes": 8, "units": 1, "modifiers": ["GP"]}], "totalTimedMinutes": 8, "totalTreatmentMinutes": 8}
    /// ```
    ///
    /// ## Source
    /// CMS Pub. 100-04, ch. 5, §20.2 (a single timed service of under 8 minutes is not
    /// billed; the pooled unit goes to the service done longest); AMA CPT mid-point rule for
    /// the Rule of Eights.
    pub BELOW_MINIMUM {
        id: "units/below-minimum",
        severity: Error,
        kind: Defect,
        dismissal: StillBlocks,
        source: "CMS Pub. 100-04, ch. 5, §20.2",
        references: [
            CLAIMS_PROCESSING_CH5.at("§20.2"),
            CPT.at("time rule (mid-point)"),
        ],
    }
}

pub(super) fn check(ctx: &Context<'_>, out: &mut Findings<'_>) {
    for row in rows(ctx).filter(is_below_minimum) {
        let minutes = row.line.minutes.unwrap_or(0);
        let why = match ctx.units.unit_rule {
            UnitRule::RuleOf8s => format!("under the Rule of Eights a code needs at least {MIN_MINUTES_FOR_UNIT} minutes of its own"),
            UnitRule::Cms8 if ctx.units.total_timed_minutes < MIN_MINUTES_FOR_UNIT => {
                format!("the visit's timed minutes total {}, under the {MIN_MINUTES_FOR_UNIT} a unit needs", ctx.units.total_timed_minutes)
            }
            UnitRule::Cms8 => "the unit the pooled short services earn goes to a service done longer".to_string(),
        };
        out.push(
            Diagnostic::new(
                &BELOW_MINIMUM,
                format!("{} is billed for {} with {minutes} minutes: {why}.", row.line.code, plural(row.line.units, "unit", "units")),
            )
            .field(row.field("units"))
            .fix(format!("Bill 0 units of {} (keep the minutes documented), or correct the minutes if more time was spent.", row.line.code))
            .edit(EditDraft::new(reduction(ctx, &row, 0), format!("Bill 0 units of {} (keep its minutes)", row.line.code)).set(row.field("units"), 0))
            .amount(ctx.payment.unit_value(&row.line.code).map(|v| v * Decimal::from(row.line.units))),
        );
    }
}
