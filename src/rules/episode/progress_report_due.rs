use crate::diagnostics::{declare_rule, Diagnostic};
use crate::policy::sources::BENEFIT_POLICY_CH15;
use crate::note::NoteType;
use crate::rules::context::{ChecklistItemKind, Context, Findings, ItemDraft};
use crate::rules::templates::insert_block;

declare_rule! {
    /// A daily note falls on the tenth treatment day (or later) of the progress-report period
    /// and is not a progress report.
    ///
    /// ## What it checks
    /// When the payer's rule pack sets a progress-report interval (Medicare: at least once
    /// every 10 treatment days), a `daily` note whose `episode.reportingPeriodDay` is at or
    /// past the interval must be, or contain, a progress report. A daily note that contains
    /// one passes: a heading line "Progress report", "Progress note" or "Reporting period"
    /// (alone, or followed by a colon, a dash or a note in brackets and a colon); evaluation, re-evaluation, progress, recertification and discharge notes are
    /// not checked (they start a new period or are reports themselves). The day of the
    /// evaluation or of the last progress report is day 1 of the period. A progress report
    /// is the clinician's: a daily or progress note written by an assistant (PTA, OTA, SLPA)
    /// does not count as one, whatever its headings.
    ///
    /// ## Why payers deny it
    /// Medicare requires a clinician's progress report at least once every 10 treatment days;
    /// visits after the tenth day without one are denied on review until a report is written.
    /// An assistant may contribute measurements but may not write the report.
    /// The old "or 30 calendar days" rule no longer applies.
    ///
    /// ## Example
    /// ```json
    /// {"episode": {"visitNumber": 10, "reportingPeriodDay": 10, "planOfCareStart": "2025-02-24", "planOfCareEnd": "2025-05-19", "certifiedOn": "2025-02-27", "authorizedVisits": 24, "authorizationEnd": "2025-05-19", "thresholdSpentBefore": "640.00"}}
    /// ```
    ///
    /// ## Passes
    /// ```json
    /// {"episode": {"visitNumber": 9, "reportingPeriodDay": 9, "planOfCareStart": "2025-02-24", "planOfCareEnd": "2025-05-19", "certifiedOn": "2025-02-27", "authorizedVisits": 24, "authorizationEnd": "2025-05-19", "thresholdSpentBefore": "640.00"}}
    /// ```
    ///
    /// ## Source
    /// CMS Pub. 100-02, ch. 15, §220.3.D (progress report at least once every 10 treatment
    /// days; a treatment note may serve as one).
    pub PROGRESS_REPORT_DUE {
        id: "episode/progress-report-due",
        severity: Error,
        kind: Missing,
        dismissal: Clears,
        source: "CMS Pub. 100-02, ch. 15, §220.3.D",
        references: [
            BENEFIT_POLICY_CH15.at("§220.3 D"),
        ],
    }
}

pub(super) fn check(ctx: &Context<'_>, out: &mut Findings<'_>) {
    let Some(ep) = ctx.note.episode.as_ref() else {
        return;
    };
    let (Some(interval), Some(day)) = (ctx.payer.progress_report_interval, ep.reporting_period_day)
    else {
        return;
    };
    // Only a clinician writes a progress report (§220.3.D): an assistant's progress note, or
    // a report section in an assistant's daily note, is not one.
    let assistant = ctx.note.provider.role.is_assistant();
    let applies = match ctx.note.note_type {
        NoteType::Daily => true,
        NoteType::Progress => assistant,
        _ => false,
    };
    if !applies || day < interval {
        return;
    }
    let written = if assistant {
        None
    } else {
        crate::text::find_progress_report(&ctx.note.text)
    };
    out.item(
        ItemDraft::new(
            &PROGRESS_REPORT_DUE,
            ChecklistItemKind::ProgressReport,
            if assistant {
                "Progress report due (by the therapist)"
            } else {
                "Progress report due with this visit"
            },
            written.is_some(),
        )
        .spans(written),
    );
    if written.is_some() {
        return;
    }
    let message = if day == interval {
        format!("This visit is treatment day {day} of the progress-report period: a progress report is due with it (at least once every {interval} treatment days).")
    } else {
        format!("This visit is treatment day {day} of the progress-report period: the progress report due by day {interval} is overdue.")
    };
    let who = if assistant {
        " An assistant may add measurements but cannot write the report: the therapist must."
    } else {
        ""
    };
    out.push(
        Diagnostic::new(&PROGRESS_REPORT_DUE, message).field("episode.reportingPeriodDay").fix(format!(
            "Write the progress report with this visit: assess progress toward each goal, update the plan, and sign it.{who}"
        ))
        // Only the therapist writes the report: no template is offered to an assistant.
        .edits((!assistant).then(|| insert_block(
            ctx,
            "Insert a progress report section to complete",
            "Progress report:\nGoals: [[each goal: met, partially met or not met, with the measure now and at the last report]]\nAssessment: [[what the change means and why skilled therapy continues]]\nPlan: [[the plan for the next period, updated]]",
        )))
        .amount(ctx.payment.expected),
    );
}
