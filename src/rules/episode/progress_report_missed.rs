use crate::diagnostics::{declare_rule, EpisodeDiagnostic};
use crate::policy::sources::{BENEFIT_POLICY_CH15};
use super::wording::type_words;
use crate::rules::context::{EpisodeContext, EpisodeFindings};

declare_rule! {
    /// A progress report came after more treatment days than the payer allows since the
    /// start of care or the last report.
    ///
    /// ## What it checks
    /// Across the notes of an episode (`checkEpisode`), in date order: the first
    /// progress-report period starts on the first day of the episode (whatever was done that
    /// day) and each clinician's report ends one: a progress note, a re-evaluation, a
    /// recertification, a discharge note, or a daily note that contains a progress report.
    /// Reports by an assistant or a student do not end a period. A report is flagged when
    /// its period holds more treatment days (dates with a visit; two notes on one date are
    /// one day) than the payer pack's `progressReportInterval` (Medicare: 10): the 10th
    /// treatment day passes, the 11th does not. The finding names the note that started the
    /// period, the note of the day the report was due, and the late report. While no report
    /// has come, `episode/progress-report-due` flags each visit from the 10th day on.
    ///
    /// ## Why payers deny it
    /// Medicare requires a clinician's progress report at least once every 10 treatment
    /// days. On review, the visits after the day the report was due are denied until the
    /// report is written. The old "or 30 calendar days" rule no longer applies.
    ///
    /// ## Example
    /// ```json
    /// [{"noteType": "evaluation", "dateOfService": "2025-03-03", "lines": [{"code": "97162", "units": 1, "modifiers": ["GP"]}]},
    ///  {"dateOfService": ["2025-03-05", "2025-03-07", "2025-03-10", "2025-03-12", "2025-03-14", "2025-03-17", "2025-03-19", "2025-03-21", "2025-03-24"]},
    ///  {"noteType": "progress", "dateOfService": "2025-03-26"}]
    /// ```
    ///
    /// ## Passes
    /// ```json
    /// [{"noteType": "evaluation", "dateOfService": "2025-03-03", "lines": [{"code": "97162", "units": 1, "modifiers": ["GP"]}]},
    ///  {"dateOfService": ["2025-03-05", "2025-03-07", "2025-03-10", "2025-03-12", "2025-03-14", "2025-03-17", "2025-03-19", "2025-03-21"]},
    ///  {"noteType": "progress", "dateOfService": "2025-03-24"}]
    /// ```
    ///
    /// ## Source
    /// CMS Pub. 100-02 (Medicare Benefit Policy Manual), ch. 15, §220.3.D: a progress report
    /// at least once every 10 treatment days, the first reporting period beginning on the
    /// first day of the episode; a treatment note may serve as the report; the discharge
    /// note is a progress report; reports by assistants do not replace the clinician's.
    pub PROGRESS_REPORT_MISSED {
        id: "episode/progress-report-missed",
        severity: Warning,
        kind: Defect,
        dismissal: Clears,
        source: "CMS Pub. 100-02, ch. 15, §220.3.D",
        references: [
            BENEFIT_POLICY_CH15.at("§220.3 D"),
        ],
    }
}

pub(super) fn check(ctx: &EpisodeContext<'_>, out: &mut EpisodeFindings<'_>) {
    if !out.enabled(&PROGRESS_REPORT_MISSED) {
        return;
    }
    for p in &ctx.model.periods {
        let Some(r) = p.report else {
            continue;
        };
        let Some(interval) = ctx.pack(r).and_then(|pk| pk.progress_report_interval) else {
            continue;
        };
        let days = p.treatment_days();
        if days <= interval {
            continue;
        }
        let (Some(report), Some(start)) = (ctx.note(r), ctx.note(p.first)) else {
            continue;
        };
        let due = p.day(interval);
        let late = days - interval;
        let what = type_words(report.note_type);
        let mut message = format!(
            "This {what} ends a reporting period of {days} treatment days ({} to {}): a progress report was due by treatment day {interval}",
            start.date_of_service, report.date_of_service
        );
        if let Some((d, _)) = due {
            message.push_str(&format!(" ({d})"));
        }
        message.push_str(&format!(
            ", so {} went without one.",
            super::limits::plural(i64::from(late), "treatment day", "treatment days")
        ));
        let mut d = EpisodeDiagnostic::new(&PROGRESS_REPORT_MISSED, r, message)
            .fix(format!(
                "Write the progress report with the visit that reaches treatment day {interval} of each period (a daily note may hold it); for this period, make sure the report assesses every goal and explains the delay."
            ))
            .note(p.first, None);
        if let Some((_, k)) = due {
            d = d.note(k, None);
        }
        out.push(d);
    }
}
