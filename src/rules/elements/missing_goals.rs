use super::wording::a_note;
use crate::diagnostics::{declare_rule, Diagnostic};
use crate::policy::sources::BENEFIT_POLICY_CH15;
use crate::policy::elements::Element;
use crate::rules::context::{Context, Findings};
use crate::rules::templates::insert_block;

declare_rule! {
    /// An evaluation, re-evaluation, progress report or recertification states no goals.
    ///
    /// ## What it checks
    /// Notes of the types that set or review the plan of care (by default evaluation,
    /// re-evaluation, progress and recertification; see `config.requirements`) must state
    /// goals: a goals section (`Goals:`, `STG`, `LTG`, `Short-term goals` …) or goal sentences
    /// such as "Pt will ascend 12 stairs with 1 rail in 4 weeks".
    ///
    /// ## Why payers deny it
    /// Medicare's plan of care must contain long-term treatment goals, and progress reports
    /// must assess progress toward each goal. Without goals a reviewer cannot judge whether
    /// the care is reasonable and necessary, and the episode is denied.
    ///
    /// ## Example
    /// ```json
    /// {"noteType": "progress", "text": "S: Knee pain 3/10.\nO: Knee flexion 110 deg (was 95 deg at eval). LEFS 52/80.\nA: Quad weakness limits stair climbing. Verbal cues needed for step-up form.\nP: Next visit progress step-ups to 6 in.\nDana Lee, PT, DPT"}
    /// ```
    ///
    /// ## Passes
    /// ```json
    /// {"noteType": "progress", "text": "S: Knee pain 3/10.\nO: Knee flexion 110 deg (was 95 deg at eval). LEFS 52/80.\nA: Quad weakness limits stair climbing. Verbal cues needed for step-up form.\nGoals: LTG 1: ascend 12 stairs with 1 rail, modified independent, in 4 weeks - partially met (8 stairs, CGA).\nP: Next visit progress step-ups to 6 in.\nDana Lee, PT, DPT"}
    /// ```
    ///
    /// ## Source
    /// CMS Pub. 100-02, ch. 15, §220.1.2 (plan of care: long-term treatment goals) and §220.3
    /// C–D (evaluation, progress report).
    pub MISSING_GOALS {
        id: "elements/missing-goals",
        severity: Error,
        kind: Missing,
        dismissal: Clears,
        source: "CMS Pub. 100-02, ch. 15, §220.1.2; §220.3 C–D",
        references: [
            BENEFIT_POLICY_CH15.at("§220.1.2"),
            BENEFIT_POLICY_CH15.at("§220.3 C–D"),
        ],
    }
}

pub(super) fn check(ctx: &Context<'_>, out: &mut Findings<'_>) {
    if !ctx.element_required(Element::Goals) || !ctx.text.goals.is_empty() {
        return;
    }
    // An evaluation may conclude that no therapy is needed; then it sets no goals.
    if ctx.text.no_treatment_needed {
        return;
    }
    out.push(
        Diagnostic::new(&MISSING_GOALS, format!("{} states no goals.", a_note(ctx)))
            .fix("Add measurable goals with a timeframe, e.g. \"LTG 1: ascend 12 stairs with 1 rail, modified independent, in 4 weeks\".")
            .edit(insert_block(
                ctx,
                "Insert a goals section to complete",
                "Goals:\nSTG 1: [[measurable target: distance, assist level, score or degrees]] in [[timeframe]]\nLTG 1: [[measurable target]] in [[timeframe]]",
            )),
    );
}
