use super::rows::{minutes_missing, minutes_needed, plural, rows};
use crate::diagnostics::{declare_rule, Diagnostic};
use crate::policy::sources::{BENEFIT_POLICY_CH15, CLAIMS_PROCESSING_CH5};
use crate::rules::context::{ChecklistItemKind, Context, Findings, ItemDraft};

declare_rule! {
    /// A timed code is billed but nothing says how many minutes it took.
    ///
    /// ## What it checks
    /// Every billed line (units ≥ 1) of a timed code (15-minute codes such as 97110, and the
    /// hour-based SLP and testing codes) must carry its minutes. One exception follows CMS:
    /// a Medicare note may document only the visit's total timed minutes and no minutes per
    /// code; when no 15-minute line has minutes and `totalTimedMinutes` is given, the units
    /// are checked against that total instead and this rule stays quiet.
    ///
    /// ## Why payers deny it
    /// Units of a timed code are paid for time. With no minutes anywhere the units cannot be
    /// supported, and a reviewer recoups them all.
    ///
    /// ## Example
    /// ```json
    /// {"lines": [{"code": "97110", "units": 2, "modifiers": ["GP"]}], "totalTimedMinutes": null}
    /// ```
    ///
    /// ## Passes
    /// ```json
    /// {"lines": [{"code": "97110", "minutes": 30, "units": 2, "modifiers": ["GP"]}], "totalTimedMinutes": 30, "totalTreatmentMinutes": 30}
    /// ```
    ///
    /// ## Source
    /// CMS Pub. 100-04, ch. 5, §20.2; CMS Pub. 100-02, ch. 15, §220.3.E (total timed minutes
    /// must be documented).
    pub MISSING_MINUTES {
        id: "units/missing-minutes",
        severity: Error,
        kind: Missing,
        dismissal: StillBlocks,
        source: "CMS Pub. 100-04, ch. 5, §20.2; CMS Pub. 100-02, ch. 15, §220.3.E",
        references: [
            CLAIMS_PROCESSING_CH5.at("§20.2"),
            BENEFIT_POLICY_CH15.at("§220.3 E"),
        ],
    }
}

pub(super) fn check(ctx: &Context<'_>, out: &mut Findings<'_>) {
    for row in rows(ctx).filter(|r| minutes_needed(ctx, r)) {
        out.item(
            ItemDraft::new(
                &MISSING_MINUTES,
                ChecklistItemKind::Minutes,
                format!("Minutes of {}", row.line.code),
                !minutes_missing(ctx, &row),
            )
            .field(row.field("minutes")),
        );
    }
    for row in rows(ctx).filter(|r| minutes_missing(ctx, r)) {
        out.push(
            Diagnostic::new(
                &MISSING_MINUTES,
                format!(
                    "{} is billed for {} but its minutes are not documented.",
                    row.line.code,
                    plural(row.line.units, "unit", "units")
                ),
            )
            .field(row.field("minutes"))
            .fix("Enter the minutes of one-on-one time spent on this service."),
        );
    }
}
