use super::rows::{plural, rows};
use crate::diagnostics::{declare_rule, Diagnostic};
use crate::edits::EditDraft;
use crate::policy::sources::CLAIMS_PROCESSING_CH5;
use crate::policy::codes::{self, Counting};
use crate::rules::context::{Context, Findings};
use rust_decimal::Decimal;

declare_rule! {
    /// The minutes support more units than are billed.
    ///
    /// ## What it checks
    /// A timed line billed below the units its minutes earn under the payer's method
    /// (including a service of 15 minutes or more billed for nothing because all the visit's
    /// units were put on another code), or, when only the visit's total timed minutes are
    /// documented, a visit billed below the units that total allows. Lines deliberately
    /// billed at 0 units whose minutes earn nothing are not flagged. 97129 covers only the
    /// first 15 minutes of cognitive intervention (92605 and 92607 the first hour of an AAC
    /// evaluation): when its minutes earn more units and its add-on (97130, 92618, 92608)
    /// is not billed, the missing add-on units are flagged here.
    ///
    /// ## Why we flag it
    /// Not a denial: money left on the table on every such visit. CMS also says a service
    /// done 15 minutes or more must get at least one unit, so pouring a visit's units into
    /// one code misstates the services.
    ///
    /// ## Example
    /// ```json
    /// {"lines": [{"code": "97110", "minutes": 38, "units": 2, "modifiers": ["GP"]}], "totalTimedMinutes": 38, "totalTreatmentMinutes": 38}
    /// ```
    ///
    /// ## Passes
    /// ```json
    /// {"lines": [{"code": "97110", "minutes": 38, "units": 3, "modifiers": ["GP"]}], "totalTimedMinutes": 38, "totalTreatmentMinutes": 38}
    /// ```
    ///
    /// ## Source
    /// CMS Pub. 100-04, ch. 5, §20.2 (a service of 15 minutes or more gets at least one
    /// unit).
    pub UNDER_BILLED {
        id: "units/under-billed",
        severity: Warning,
        kind: Defect,
        dismissal: StillBlocks,
        source: "CMS Pub. 100-04, ch. 5, §20.2",
        references: [
            CLAIMS_PROCESSING_CH5.at("§20.2"),
        ],
    }
}

pub(super) fn check(ctx: &Context<'_>, out: &mut Findings<'_>) {
    for row in rows(ctx) {
        if !row.is_timed() || row.line.minutes.is_none() {
            continue;
        }
        let Some(supported) = row.units.units_supported else {
            continue;
        };
        if row.line.units >= supported {
            continue;
        }
        let missing = supported - row.line.units;
        out.push(
            Diagnostic::new(
                &UNDER_BILLED,
                format!(
                    "{} is billed for {}; its {} minutes support {}.",
                    row.line.code,
                    plural(row.line.units, "unit", "units"),
                    row.line.minutes.unwrap_or(0),
                    supported
                ),
            )
            .field(row.field("units"))
            .fix(format!(
                "Bill {} of {} if the documentation supports the time.",
                plural(supported, "unit", "units"),
                row.line.code
            ))
            .edit(
                EditDraft::suggested(format!(
                    "Bill {} of {}",
                    plural(supported, "unit", "units"),
                    row.line.code
                ))
                .set(row.field("units"), supported),
            )
            .amount(
                ctx.payment
                    .unit_value(&row.line.code)
                    .map(|v| v * Decimal::from(missing)),
            ),
        );
    }
    for &(index, add_on, units) in &ctx.units.add_on_unbilled {
        let Some(line) = ctx.note.lines.get(index) else {
            continue;
        };
        let first = match codes::lookup(&line.code).map(|c| c.counting) {
            Some(Counting::Block { minutes: 60, .. }) => "the first hour".to_string(),
            Some(Counting::Block { minutes, .. }) => format!("the first {minutes} minutes"),
            _ => "the first 15 minutes".to_string(),
        };
        out.push(
            Diagnostic::new(
                &UNDER_BILLED,
                format!(
                    "{} covers {first} only; the rest of its {} minutes support {} of {add_on}, which is not billed.",
                    line.code,
                    line.minutes.unwrap_or(0),
                    plural(units, "unit", "units")
                ),
            )
            .field(format!("lines[{index}].units"))
            .anchor(add_on)
            .fix(format!(
                "Bill 1 unit of {} and add {add_on} for {} if the documentation supports the time.",
                line.code,
                plural(units, "unit", "units")
            ))
            .amount(
                ctx.payment
                    .unit_value(add_on)
                    .map(|v| v * Decimal::from(units)),
            ),
        );
    }
    let u = &ctx.units;
    if u.total_only && u.timed_units_billed < u.timed_units_allowed {
        let missing = u.timed_units_allowed - u.timed_units_billed;
        // The missing units are timed units: value them at the first 15-minute code billed.
        let code = rows(ctx)
            .find(|r| r.is_timed15())
            .map(|r| r.line.code.as_str())
            .unwrap_or("");
        out.push(
            Diagnostic::new(
                &UNDER_BILLED,
                format!(
                    "The visit bills {} of timed codes; its {} documented timed minutes support {}.",
                    plural(u.timed_units_billed, "unit", "units"),
                    u.total_timed_minutes,
                    u.timed_units_allowed
                ),
            )
            .field("lines")
            .fix("Bill the units the documented minutes support, on the codes performed longest.")
            .amount(ctx.payment.unit_value(code).map(|v| v * Decimal::from(missing))),
        );
    }
}
