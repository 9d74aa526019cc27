use crate::diagnostics::{declare_rule, Diagnostic};
use crate::policy::sources::BENEFIT_POLICY_CH15;
use crate::note::NoteType;
use crate::diagnostics::Severity;
use crate::rules::context::{Context, Findings};

declare_rule! {
    /// The plan of care is not certified: a warning while the certification window is open,
    /// an error once it has passed.
    ///
    /// ## What it checks
    /// When the payer's rule pack sets a certification window (Medicare: 30 days), a note whose
    /// `episode.certifiedOn` is absent or `null` is flagged. From the first treatment day
    /// (`episode.planOfCareStart`, day 0) through day 30 it is a warning saying by when the
    /// physician or NPP must sign; from day 31 on it is an error. Evaluation notes are not
    /// checked: the plan is written that day.
    ///
    /// ## Why payers deny it
    /// Medicare pays therapy only under a plan certified by a physician or NPP, signed and dated
    /// within 30 days of the first treatment. Late certification is accepted only with a
    /// documented reason for the delay, so every visit meanwhile is at risk. For services from
    /// 1 January 2025 a signed order plus sending the plan to the referring physician within 30
    /// days also counts: record that date in `certifiedOn`.
    ///
    /// ## Example
    /// ```json
    /// {"episode": {"visitNumber": 5, "reportingPeriodDay": 5, "planOfCareStart": "2025-02-24", "planOfCareEnd": "2025-05-19", "certifiedOn": null, "authorizedVisits": 24, "authorizationEnd": "2025-05-19", "thresholdSpentBefore": "640.00"}}
    /// ```
    ///
    /// ## Passes
    /// ```json
    /// {"episode": {"visitNumber": 5, "reportingPeriodDay": 5, "planOfCareStart": "2025-02-24", "planOfCareEnd": "2025-05-19", "certifiedOn": "2025-02-27", "authorizedVisits": 24, "authorizationEnd": "2025-05-19", "thresholdSpentBefore": "640.00"}}
    /// ```
    ///
    /// ## Source
    /// CMS Pub. 100-02, ch. 15, §220.1.3 (certification within 30 days of the first
    /// treatment; delayed certification, §220.1.3 D).
    pub PLAN_OF_CARE_UNCERTIFIED {
        id: "episode/plan-of-care-uncertified",
        severity: Error,
        kind: Defect,
        dismissal: StillBlocks,
        source: "CMS Pub. 100-02, ch. 15, §220.1.3",
        references: [
            BENEFIT_POLICY_CH15.at("§220.1.3 B, D"),
        ],
    }
}

pub(super) fn check(ctx: &Context<'_>, out: &mut Findings<'_>) {
    let Some(ep) = ctx.note.episode.as_ref() else {
        return;
    };
    let (Some(window), Some(start)) = (ctx.payer.certification_window_days, ep.plan_of_care_start)
    else {
        return;
    };
    if ep.certified_on.is_some() || ctx.note.note_type == NoteType::Evaluation {
        return;
    }
    let day = start.days_until(ctx.note.date_of_service);
    if day < 0 {
        return;
    }
    let deadline = start
        .add_days(i64::from(window))
        .map(|d| d.to_string())
        .unwrap_or_default();
    let f = if day <= i64::from(window) {
        Diagnostic::new(
            &PLAN_OF_CARE_UNCERTIFIED,
            format!("The plan of care is not certified yet: the physician or NPP must sign and date it by {deadline} ({window} days after the first treatment day, {start})."),
        )
        .severity(Severity::Warning)
        .fix("Send the plan of care for signature now, and enter the date it is signed in certifiedOn.")
    } else {
        Diagnostic::new(
            &PLAN_OF_CARE_UNCERTIFIED,
            format!("The plan of care is still not certified {day} days after the first treatment day ({start}); the certification was due by {deadline}."),
        )
        .fix("Get the plan signed and dated by the physician or NPP and document the reason for the delay (delayed certification); enter the date in certifiedOn.")
        .amount(ctx.payment.expected)
    };
    out.push(f.field("episode.certifiedOn"));
}
