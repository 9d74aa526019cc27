use crate::diagnostics::{declare_rule, Diagnostic};
use crate::policy::sources::{NGS_KX, USC_1395L};
use crate::money::dollars;
use crate::rules::context::{Context, Findings};

declare_rule! {
    /// This visit takes the year's therapy spending past the $3,000 targeted medical review threshold.
    ///
    /// ## What it checks
    /// The spending in the note's threshold bucket (PT and SLP together, or OT) is at or under
    /// $3,000 before this visit (`episode.thresholdSpentBefore`) and over it after the visit's
    /// allowed amount is added. Reported once, on the crossing visit. Medicare-rule packs only.
    ///
    /// ## Why we flag it
    /// Crossing the threshold changes nothing on the claim (KX is still the modifier), but
    /// claims above it may be selected for targeted medical review: the plan of care and the
    /// notes must show why continued skilled therapy is needed.
    ///
    /// ## Example
    /// ```json
    /// {"episode": {"visitNumber": 5, "reportingPeriodDay": 5, "planOfCareStart": "2025-02-24", "planOfCareEnd": "2025-05-19", "certifiedOn": "2025-02-27", "authorizedVisits": 24, "authorizationEnd": "2025-05-19", "thresholdSpentBefore": "2950.00"}, "lines": [{"code": "97110", "minutes": 25, "units": 2, "modifiers": ["GP", "KX"]}, {"code": "97140", "minutes": 15, "units": 1, "modifiers": ["GP", "KX"]}]}
    /// ```
    ///
    /// ## Passes
    /// ```json
    /// {"episode": {"visitNumber": 5, "reportingPeriodDay": 5, "planOfCareStart": "2025-02-24", "planOfCareEnd": "2025-05-19", "certifiedOn": "2025-02-27", "authorizedVisits": 24, "authorizationEnd": "2025-05-19", "thresholdSpentBefore": "2900.00"}, "lines": [{"code": "97110", "minutes": 25, "units": 2, "modifiers": ["GP", "KX"]}, {"code": "97140", "minutes": 15, "units": 1, "modifiers": ["GP", "KX"]}]}
    /// ```
    ///
    /// ## Source
    /// 42 U.S.C. §1395l(g)(7) ($3,000 targeted medical review threshold through 2027);
    /// National Government Services, CY 2024 KX modifier threshold article.
    pub REVIEW_THRESHOLD {
        id: "modifiers/review-threshold",
        severity: Info,
        kind: Defect,
        dismissal: Clears,
        source: "42 U.S.C. §1395l(g)(7)",
        references: [
            USC_1395L.at("(g)(7)"),
            NGS_KX.whole().year(2024),
        ],
    }
}

pub(super) fn check(ctx: &Context<'_>, out: &mut Findings<'_>) {
    if !ctx.payer.medicare_rules {
        return;
    }
    let Some(t) = ctx
        .payment
        .threshold
        .as_ref()
        .filter(|t| t.crosses_review())
    else {
        return;
    };
    out.push(
        Diagnostic::new(
            &REVIEW_THRESHOLD,
            format!(
                "This visit takes {} spending this year from {} to {}{}, past the {} targeted medical review threshold; the claim may be selected for review.",
                t.bucket.label(),
                dollars(t.before),
                if t.exact { "" } else { "at least " },
                dollars(t.after),
                dollars(t.review)
            ),
        )
        .field("episode.thresholdSpentBefore")
        .fix("Make sure the plan of care and this note show why continued skilled therapy is medically necessary."),
    );
}
