use crate::diagnostics::{declare_rule, Diagnostic};
use crate::policy::sources::BENEFIT_POLICY_CH15;
use crate::note::NoteType;
use crate::rules::context::{Context, Findings};

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
        source: "CMS Pub. 100-02, ch. 15, §220.3.D",
        references: [
            BENEFIT_POLICY_CH15.at("§220.3 D"),
        ],
    }
}

/// Whether a line of the note opens a progress report: after optional spaces, bullets or
/// quote marks (`>`, `*`, `#`, `-`), "progress report", "progress note" or "reporting
/// period" (any case), then optionally a note in brackets, then a colon, the line's end, or
/// a dash and a space. Read by hand: a pattern engine for one heading costs the package
/// more than the rest of this rule family.
fn has_report_heading(text: &str) -> bool {
    text.split('\n').any(heading_line)
}

fn heading_line(line: &str) -> bool {
    let line = line.trim_start_matches([' ', '\t', '>', '*', '#', '-']);
    let lower = line.to_ascii_lowercase();
    let rest = ["progress", "reporting"].iter().find_map(|first| {
        let after = lower.strip_prefix(first)?;
        let gap = after.len() - after.trim_start().len();
        if gap == 0 {
            return None;
        }
        let after = after.trim_start();
        let seconds: &[&str] = if *first == "progress" {
            &["report", "note"]
        } else {
            &["period"]
        };
        seconds.iter().find_map(|w| after.strip_prefix(w))
    });
    let Some(rest) = rest else {
        return false;
    };
    // A whole word: "progress notes" or "progress reported" is not the heading.
    if rest
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() || c == '_')
    {
        return false;
    }
    let mut rest = rest.trim_start_matches([' ', '\t']);
    if let Some(inner) = rest.strip_prefix('(') {
        let Some(close) = inner.find(')') else {
            return false;
        };
        rest = inner
            .get(close + 1..)
            .unwrap_or("")
            .trim_start_matches([' ', '\t']);
    }
    let rest = rest.trim_end_matches('\r');
    if rest.is_empty() || rest.starts_with(':') {
        return true;
    }
    let mut chars = rest.chars();
    matches!(chars.next(), Some('-' | '–' | '—')) && matches!(chars.next(), Some(' ' | '\t'))
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
    if !assistant && has_report_heading(&ctx.note.text) {
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
        )).amount(ctx.payment.expected),
    );
}

#[cfg(test)]
mod tests {
    use super::has_report_heading;

    #[test]
    fn report_headings() {
        for yes in [
            "Progress report",
            "PROGRESS NOTE:",
            "  ## Progress Report (visits 1-10): on track",
            "- reporting period - 3/1 to 3/31",
            "S: knee better\nProgress report — visits 1-10\nO: …",
            "> Progress note (re-check):",
            "Progress report\r\nO: ROM",
        ] {
            assert!(has_report_heading(yes), "{yes:?}");
        }
        for no in [
            "Pt making progress report to MD next week",
            "progress notes reviewed",
            "Progress reported by family",
            "Progress report was faxed",
            "progressreport:",
            "Progress report (unclosed",
            "S: progress report: in the plan",
        ] {
            assert!(!has_report_heading(no), "{no:?}");
        }
    }
}
