use super::limits::{plural, visit_limit};
use crate::diagnostics::{declare_rule, Diagnostic};
use crate::policy::sources::PAYER_AUTHORIZATION;
use crate::rules::context::{Context, Findings};

declare_rule! {
    /// The visit is beyond the visits the payer authorized or allows, or after the
    /// authorization's end date.
    ///
    /// ## What it checks
    /// `episode.visitNumber` against `episode.authorizedVisits` and the payer pack's
    /// `visitLimit` (the lower of the two applies), and the date of service against
    /// `episode.authorizationEnd` (the end date itself is still covered). Checked for every
    /// payer whenever the EMR sends these fields.
    ///
    /// ## Why payers deny it
    /// Visits beyond an authorization, or after it ends, are denied as unauthorized; the
    /// clinic usually cannot bill the patient for them either.
    ///
    /// ## Example
    /// ```json
    /// {"episode": {"visitNumber": 25, "reportingPeriodDay": 5, "planOfCareStart": "2025-02-24", "planOfCareEnd": "2025-05-19", "certifiedOn": "2025-02-27", "authorizedVisits": 24, "authorizationEnd": "2025-05-19", "thresholdSpentBefore": "640.00"}}
    /// ```
    ///
    /// ## Passes
    /// ```json
    /// {"episode": {"visitNumber": 20, "reportingPeriodDay": 5, "planOfCareStart": "2025-02-24", "planOfCareEnd": "2025-05-19", "certifiedOn": "2025-02-27", "authorizedVisits": 24, "authorizationEnd": "2025-05-19", "thresholdSpentBefore": "640.00"}}
    /// ```
    ///
    /// ## Source
    /// The payer's authorization for the episode (`episode.authorizedVisits`,
    /// `episode.authorizationEnd`) and the payer rule pack's `visitLimit`.
    pub AUTHORIZATION_EXCEEDED {
        id: "episode/authorization-exceeded",
        severity: Error,
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
    if let (Some(visit), Some((limit, from_pack))) = (ep.visit_number, visit_limit(ctx, ep)) {
        if visit > limit {
            let (what, field) = if from_pack {
                (
                    format!("the {limit}-visit limit of {}", ctx.payer.name),
                    "episode.visitNumber",
                )
            } else {
                (
                    format!("the {limit} visits authorized"),
                    "episode.authorizedVisits",
                )
            };
            out.push(
                Diagnostic::new(&AUTHORIZATION_EXCEEDED, format!("This is visit {visit}, beyond {what}."))
                    .field(field)
                    .fix("Get more visits authorized before this visit is billed to the payer, and update authorizedVisits.")
                    .amount(ctx.payment.expected),
            );
        }
    }
    if let Some(end) = ep.authorization_end {
        let dos = ctx.note.date_of_service;
        if dos > end {
            out.push(
                Diagnostic::new(
                    &AUTHORIZATION_EXCEEDED,
                    format!("This visit is {} after the authorization ended ({end}).", plural(end.days_until(dos), "day", "days")),
                )
                .field("episode.authorizationEnd")
                .fix("Get the authorization extended before this visit is billed, and update authorizationEnd.")
                .amount(ctx.payment.expected),
            );
        }
    }
}
