use super::limits::plural;
use crate::diagnostics::{declare_rule, Diagnostic};
use crate::policy::sources::BENEFIT_POLICY_CH15;
use crate::note::NoteType;
use crate::rules::context::{Context, Findings};

declare_rule! {
    /// The visit is after the plan of care's end date, or past the longest certification
    /// interval.
    ///
    /// ## What it checks
    /// When the payer's rule pack sets a certification interval (Medicare: 90 days), a visit is
    /// flagged when its date is after `episode.planOfCareEnd`, or more than 90 calendar days
    /// after `episode.planOfCareStart` (the plan's first treatment day, day 0: day 90 is still
    /// covered, day 91 is not). For a recertified plan, `planOfCareStart` is the first day of
    /// the recertified period. Evaluation and recertification notes are not checked: they
    /// start the new plan.
    ///
    /// ## Why payers deny it
    /// A certification covers the plan's stated duration or 90 days, whichever is less.
    /// Visits outside it are not under a certified plan of care and are denied until the plan
    /// is recertified.
    ///
    /// ## Example
    /// ```json
    /// {"dateOfService": "2025-05-20"}
    /// ```
    ///
    /// ## Passes
    /// ```json
    /// {"dateOfService": "2025-05-19"}
    /// ```
    ///
    /// ## Source
    /// CMS Pub. 100-02, ch. 15, §220.1.3.C (certification covers the plan's duration or 90
    /// calendar days, whichever is less; recertification at least every 90 days).
    pub PLAN_OF_CARE_EXPIRED {
        id: "episode/plan-of-care-expired",
        severity: Error,
        kind: Defect,
        dismissal: StillBlocks,
        source: "CMS Pub. 100-02, ch. 15, §220.1.3",
        references: [
            BENEFIT_POLICY_CH15.at("§220.1.3 C"),
        ],
    }
}

pub(super) fn check(ctx: &Context<'_>, out: &mut Findings<'_>) {
    let Some(ep) = ctx.note.episode.as_ref() else {
        return;
    };
    let Some(max_days) = ctx.payer.certification_days else {
        return;
    };
    if matches!(
        ctx.note.note_type,
        NoteType::Evaluation | NoteType::Recertification
    ) {
        return;
    }
    let dos = ctx.note.date_of_service;
    let fix = "Recertify the plan of care (an updated plan signed and dated by the physician or NPP) before billing more visits, and update planOfCareStart and planOfCareEnd.";
    if let Some(end) = ep.plan_of_care_end {
        if dos > end {
            let late = end.days_until(dos);
            out.push(
                Diagnostic::new(
                    &PLAN_OF_CARE_EXPIRED,
                    format!(
                        "This visit is {} after the plan of care ended ({end}).",
                        plural(late, "day", "days")
                    ),
                )
                .field("episode.planOfCareEnd")
                .fix(fix)
                .amount(ctx.payment.expected),
            );
            return;
        }
    }
    if let Some(start) = ep.plan_of_care_start {
        let day = start.days_until(dos);
        if day > i64::from(max_days) {
            let last = start
                .add_days(i64::from(max_days))
                .map(|d| d.to_string())
                .unwrap_or_default();
            out.push(
                Diagnostic::new(
                    &PLAN_OF_CARE_EXPIRED,
                    format!("This visit is {day} days after the plan's first treatment day ({start}); a certification covers at most {max_days} days, through {last}."),
                )
                .field("episode.planOfCareStart")
                .fix(fix)
                .amount(ctx.payment.expected),
            );
        }
    }
}
