use crate::diagnostics::{declare_rule, EpisodeDiagnostic};
use crate::policy::sources::{BENEFIT_POLICY_CH15};
use crate::rules::context::{EpisodeContext, EpisodeFindings};

declare_rule! {
    /// The episode is marked closed but has no discharge note.
    ///
    /// ## What it checks
    /// Across the notes of an episode (`checkEpisode`): when a note carries
    /// `episode.closed: true` (the EMR has closed the episode: the patient is no longer seen
    /// under this plan), one note of the episode must be a discharge note. The finding is on
    /// the note that marks the episode closed.
    ///
    /// ## Why payers deny it
    /// Medicare requires a discharge note (or discharge summary) for each episode of
    /// outpatient treatment: a progress report covering the period since the last report,
    /// the status of each goal and the plan after discharge. Without it the episode's last
    /// visits have no report, and the record does not show why care ended.
    ///
    /// ## Example
    /// ```json
    /// [{"noteType": "evaluation", "dateOfService": "2025-03-03", "lines": [{"code": "97162", "units": 1, "modifiers": ["GP"]}]},
    ///  {"dateOfService": "2025-03-05", "episode": {"closed": true}}]
    /// ```
    ///
    /// ## Passes
    /// ```json
    /// [{"noteType": "evaluation", "dateOfService": "2025-03-03", "lines": [{"code": "97162", "units": 1, "modifiers": ["GP"]}]},
    ///  {"dateOfService": "2025-03-05"},
    ///  {"noteType": "discharge", "dateOfService": "2025-03-07", "lines": [], "episode": {"closed": true}}]
    /// ```
    ///
    /// ## Source
    /// CMS Pub. 100-02 (Medicare Benefit Policy Manual), ch. 15, §220.3.D (a discharge note
    /// is required for each episode of outpatient treatment and is a progress report written
    /// by a clinician).
    pub DISCHARGE_MISSING {
        id: "episode/discharge-missing",
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
    if !out.enabled(&DISCHARGE_MISSING) || ctx.model.discharge().is_some() {
        return;
    }
    let closing = ctx
        .model
        .members
        .iter()
        .rposition(|m| m.note.episode.as_ref().and_then(|e| e.closed) == Some(true));
    let Some(k) = closing else {
        return;
    };
    out.push(
        EpisodeDiagnostic::new(
            &DISCHARGE_MISSING,
            k,
            "The episode is marked closed, but none of its notes is a discharge note.",
        )
        .field("episode.closed")
        .fix("Write the discharge note: the period since the last progress report, each goal's status with the final measures, and the plan after discharge (home program, follow-up)."),
    );
}
