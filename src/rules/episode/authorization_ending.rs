use super::limits::{plural, visit_limit, AUTHORIZATION_WARN_DAYS, AUTHORIZATION_WARN_VISITS};
use crate::diagnostics::{declare_rule, Diagnostic};
use crate::policy::sources::PAYER_AUTHORIZATION;
use crate::rules::context::{Context, Findings};

declare_rule! {
    /// The authorization is about to run out: two visits or fewer left, or its end date within
    /// a week.
    ///
    /// ## What it checks
    /// With `episode.visitNumber` and `episode.authorizedVisits` (or the payer pack's
    /// `visitLimit`, whichever is lower): a warning when this visit leaves 2 visits or fewer
    /// (this is visit 22 of 24, or later). With `episode.authorizationEnd`: a warning when it
    /// falls within 7 calendar days of the visit (the visit date through 7 days later). Once
    /// the authorization is exceeded `episode/authorization-exceeded` reports it instead.
    ///
    /// ## Why payers deny it
    /// Re-authorization takes days; a request sent after the last authorized visit leaves the
    /// next visits unpaid or postponed.
    ///
    /// ## Example
    /// ```json
    /// {"episode": {"visitNumber": 22, "reportingPeriodDay": 5, "planOfCareStart": "2025-02-24", "planOfCareEnd": "2025-05-19", "certifiedOn": "2025-02-27", "authorizedVisits": 24, "authorizationEnd": "2025-05-19", "thresholdSpentBefore": "640.00"}}
    /// ```
    ///
    /// ## Passes
    /// ```json
    /// {"episode": {"visitNumber": 21, "reportingPeriodDay": 5, "planOfCareStart": "2025-02-24", "planOfCareEnd": "2025-05-19", "certifiedOn": "2025-02-27", "authorizedVisits": 24, "authorizationEnd": "2025-05-19", "thresholdSpentBefore": "640.00"}}
    /// ```
    ///
    /// ## Source
    /// The payer's authorization for the episode (`episode.authorizedVisits`,
    /// `episode.authorizationEnd`) and the payer rule pack's `visitLimit`.
    pub AUTHORIZATION_ENDING {
        id: "episode/authorization-ending",
        severity: Warning,
        kind: Defect,
        dismissal: StillBlocks,
        source: "Payer authorization; payer rule pack visit limit",
        references: [
            PAYER_AUTHORIZATION.whole(),
        ],
    }
}

pub(super) fn check(ctx: &Context<'_>, out: &mut Findings<'_>) {
    let Some(ep) = ctx.note.episode.as_ref() else {
        return;
    };
    let fix =
        "Request more visits (or an extension) from the payer now if the plan of care continues.";
    if let (Some(visit), Some((limit, from_pack))) = (ep.visit_number, visit_limit(ctx, ep)) {
        if visit <= limit && limit - visit <= AUTHORIZATION_WARN_VISITS {
            let left = limit - visit;
            let of = if from_pack {
                format!("the {limit} visits {} allows", ctx.payer.name)
            } else {
                format!("{limit} authorized")
            };
            let message = if left == 0 {
                format!("This is visit {visit} of {of}: the last one.")
            } else {
                format!(
                    "This is visit {visit} of {of}: {} left after this one.",
                    plural(i64::from(left), "visit", "visits")
                )
            };
            out.push(
                Diagnostic::new(&AUTHORIZATION_ENDING, message)
                    .field("episode.visitNumber")
                    .fix(fix),
            );
        }
    }
    if let Some(end) = ep.authorization_end {
        let days = ctx.note.date_of_service.days_until(end);
        if (0..=AUTHORIZATION_WARN_DAYS).contains(&days) {
            let when = if days == 0 {
                "today".to_string()
            } else {
                format!("in {}", plural(days, "day", "days"))
            };
            out.push(
                Diagnostic::new(
                    &AUTHORIZATION_ENDING,
                    format!("The authorization ends {when} ({end})."),
                )
                .field("episode.authorizationEnd")
                .fix(fix),
            );
        }
    }
}
