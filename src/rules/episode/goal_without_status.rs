use crate::diagnostics::{declare_rule, EpisodeDiagnostic};
use crate::policy::sources::{BENEFIT_POLICY_CH15};
use super::wording::{describe, type_words};
use crate::rules::context::{EpisodeContext, EpisodeFindings};

declare_rule! {
    /// A goal gets no status in a later progress report, re-evaluation, recertification or
    /// discharge note.
    ///
    /// ## What it checks
    /// Across the notes of an episode (`checkEpisode`): each goal set at an evaluation,
    /// re-evaluation, progress report or recertification is looked for in every later
    /// clinician's report until a report calls it met or discontinued. The report must give
    /// it a status (met, partly met, not met, progressing, discontinued, revised) or a
    /// measured comparison ("now 20 min", "from 3/10 to 1/10"); "all goals met" or "all
    /// STGs met" gives one to every goal of that term. A goal is recognised by its words,
    /// not its number: a goal renumbered with the same statement keeps its status, and
    /// "STG 2: met" is matched by its label. The finding is on the report, with the goal's
    /// words in the note that set it.
    ///
    /// ## Why payers deny it
    /// A progress report must assess progress toward each goal, and the discharge note must
    /// cover the period since the last report. A goal that silently disappears leaves the
    /// reviewer unable to see that the care was needed and effective.
    ///
    /// ## Example
    /// ```json
    /// [{"noteType": "evaluation", "dateOfService": "2025-03-03", "lines": [{"code": "97162", "units": 1, "modifiers": ["GP"]}], "text": "Goals:\nSTG 1 (3 wks): ascend 12 stairs with 1 rail, modified independent.\nLTG 1 (8 wks): walk 30 min in the community with pain < 2/10."},
    ///  {"noteType": "progress", "dateOfService": "2025-03-24", "text": "Goal status:\nSTG 1: ascend 12 stairs with 1 rail – met."}]
    /// ```
    ///
    /// ## Passes
    /// ```json
    /// [{"noteType": "evaluation", "dateOfService": "2025-03-03", "lines": [{"code": "97162", "units": 1, "modifiers": ["GP"]}], "text": "Goals:\nSTG 1 (3 wks): ascend 12 stairs with 1 rail, modified independent.\nLTG 1 (8 wks): walk 30 min in the community with pain < 2/10."},
    ///  {"noteType": "progress", "dateOfService": "2025-03-24", "text": "Goal status:\nSTG 1: ascend 12 stairs with 1 rail – met.\nLTG 1: walk 30 min in the community with pain < 2/10 – partially met, now 20 min."}]
    /// ```
    ///
    /// ## Source
    /// CMS Pub. 100-02 (Medicare Benefit Policy Manual), ch. 15, §220.3.D: the clinician's
    /// progress report assesses improvement toward each goal; goals keep their identifiers
    /// and a met goal is reported met; the discharge note covers the period from the last
    /// report to discharge.
    pub GOAL_WITHOUT_STATUS {
        id: "episode/goal-without-status",
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
    if !out.enabled(&GOAL_WITHOUT_STATUS) {
        return;
    }
    for (gi, g) in ctx.goals.goals.iter().enumerate() {
        let goal_span = ctx
            .model
            .member(g.set_in)
            .and_then(|m| m.reading.goals.get(g.item))
            .map(|it| it.span);
        let name = g
            .label
            .clone()
            .unwrap_or_else(|| format!("goal G{}", gi + 1));
        for st in g.statuses(&ctx.model) {
            let (k, status, span) = (st.member, st.status, st.span);
            if status != "missing" && status != "restated" {
                continue;
            }
            let Some(report) = ctx.note(k) else {
                continue;
            };
            let how = if status == "missing" {
                "is not mentioned in"
            } else {
                "is restated without a status in"
            };
            out.push(
                EpisodeDiagnostic::new(
                    &GOAL_WITHOUT_STATUS,
                    k,
                    format!(
                        "{name} set in the {} {how} this {}.",
                        describe(ctx, g.set_in),
                        type_words(report.note_type)
                    ),
                )
                .span(span)
                .fix("Give the goal a status (met, partly met, not met) with the measure that shows it, or say it is discontinued and why.")
                .note(g.set_in, goal_span),
            );
        }
    }
}
