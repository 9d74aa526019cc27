use super::rows::{is_below_minimum, minutes_missing, plural, reduction, rows};
use crate::diagnostics::{declare_rule, Diagnostic};
use crate::edits::EditDraft;
use crate::policy::sources::{CLAIMS_PROCESSING_CH5, CPT};
use crate::note::UnitRule;
use crate::rules::context::{Context, Findings};
use rust_decimal::Decimal;

declare_rule! {
    /// A line, or the visit, bills more units than the minutes support.
    ///
    /// ## What it checks
    /// Under Medicare's method the visit's total timed minutes cap its total timed units
    /// (8–22 minutes → 1, 23–37 → 2, …); each code gets its full 15-minute units and the rest
    /// go to the codes with the most minutes left over. A line billed above its share, or a
    /// visit billed above the total, is flagged. Under the Rule of Eights each code's own
    /// minutes cap its units. Ties between equal leftovers are the therapist's choice, and
    /// either choice passes.
    ///
    /// ## Why payers deny it
    /// Units beyond what the minutes support are an overpayment: denied on review and
    /// recouped in an audit, with the whole note's credibility in question.
    ///
    /// ## Example
    /// ```json
    /// {"lines": [{"code": "97110", "minutes": 20, "units": 2, "modifiers": ["GP"]}, {"code": "97112", "minutes": 20, "units": 2, "modifiers": ["GP"]}], "totalTimedMinutes": 40, "totalTreatmentMinutes": 40}
    /// ```
    ///
    /// ## Passes
    /// ```json
    /// {"lines": [{"code": "97110", "minutes": 20, "units": 2, "modifiers": ["GP"]}, {"code": "97112", "minutes": 20, "units": 1, "modifiers": ["GP"]}], "totalTimedMinutes": 40, "totalTreatmentMinutes": 40}
    /// ```
    ///
    /// ## Source
    /// CMS Pub. 100-04, ch. 5, §20.2 (examples 1–5); AMA CPT time rule for the Rule of Eights.
    pub OVER_BILLED {
        id: "units/over-billed",
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
    let mut any_line = false;
    for row in rows(ctx) {
        if !row.is_timed() || is_below_minimum(&row) || minutes_missing(ctx, &row) {
            continue;
        }
        let Some(supported) = row.units.units_supported else {
            continue;
        };
        if row.line.units <= supported {
            continue;
        }
        any_line = true;
        let context = if row.is_timed15() && ctx.units.unit_rule == UnitRule::Cms8 {
            format!(
                " (the visit's {} timed minutes allow {} in all)",
                ctx.units.total_timed_minutes,
                plural(ctx.units.timed_units_allowed, "unit", "units")
            )
        } else {
            String::new()
        };
        out.push(
            Diagnostic::new(
                &OVER_BILLED,
                format!(
                    "{} is billed for {}; its {} minutes support {}{context}.",
                    row.line.code,
                    plural(row.line.units, "unit", "units"),
                    row.line.minutes.unwrap_or(0),
                    supported
                ),
            )
            .field(row.field("units"))
            .fix(format!(
                "Bill {} of {}.",
                plural(supported, "unit", "units"),
                row.line.code
            ))
            .edit(
                EditDraft::new(
                    reduction(ctx, &row, supported),
                    format!("Bill {} of {}", plural(supported, "unit", "units"), row.line.code),
                )
                .set(row.field("units"), supported),
            )
            .amount(
                ctx.payment
                    .unit_value(&row.line.code)
                    .map(|v| v * Decimal::from(row.line.units - supported)),
            ),
        );
    }
    let u = &ctx.units;
    // A billed timed line without minutes is `units/missing-minutes`: the visit's minutes are
    // then unknown, not short.
    let minutes_missing = rows(ctx).any(|r| minutes_missing(ctx, &r));
    // A line that cannot earn a unit is `units/below-minimum`'s, and so is the visit's excess
    // it causes: the two rules share the predicate, so disabling one leaves the other as is.
    let below_minimum = rows(ctx).any(|r| is_below_minimum(&r));
    if !any_line
        && !minutes_missing
        && u.timed_units_billed > u.timed_units_allowed
        && !below_minimum
    {
        let excess = u.timed_units_billed - u.timed_units_allowed;
        // The excess units are timed units: value them at the first 15-minute code billed.
        let code = rows(ctx)
            .find(|r| r.is_timed15() && r.line.units > 0)
            .map(|r| r.line.code.as_str())
            .unwrap_or("");
        out.push(
            Diagnostic::new(
                &OVER_BILLED,
                format!(
                    "The visit bills {} of timed codes; its {} timed minutes allow {}.",
                    plural(u.timed_units_billed, "unit", "units"),
                    u.total_timed_minutes,
                    u.timed_units_allowed
                ),
            )
            .field("lines")
            .fix(format!(
                "Remove {} from the timed lines.",
                plural(excess, "unit", "units")
            ))
            .amount(
                ctx.payment
                    .unit_value(code)
                    .map(|v| v * Decimal::from(excess)),
            ),
        );
    }
}
