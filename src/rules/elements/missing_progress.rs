use super::wording::a_note;
use crate::diagnostics::{declare_rule, Diagnostic};
use crate::policy::sources::BENEFIT_POLICY_CH15;
use crate::policy::elements::Element;
use crate::rules::context::{Context, Findings};
use crate::rules::templates::insert_block;
use crate::text::SectionKind;

declare_rule! {
    /// A progress report, recertification, re-evaluation or discharge states no progress
    /// toward the goals with an objective comparison.
    ///
    /// ## What it checks
    /// These notes (see `config.requirements`) must compare the patient's status with an
    /// earlier one: a goal's status ("goal 2 partially met", "LTG met", "goals not met"), a
    /// measure then and now ("improved from 95 to 110 deg", "was 38/80 at eval", "75 ft → 150 ft",
    /// "13 deg since eval"), or a stated lack of progress ("no progress since last report",
    /// "plateaued"). A lack of progress counts: it reports the status; it is never read as
    /// progress made.
    ///
    /// ## Why payers deny it
    /// The progress report must assess progress toward each goal, with objective measures,
    /// and the discharge note must give the status of each goal. "Pt progressing" without a
    /// comparison is a classic audit finding: the reviewer cannot see that therapy works.
    ///
    /// ## Example
    /// ```json
    /// {"noteType": "progress", "text": "S: Knee pain 3/10.\nO: Knee flexion 110 deg. LEFS 52/80.\nA: Quad weakness limits stairs.\nLTG 1: ascend 12 stairs with 1 rail, modified independent, in 4 weeks.\nP: Next visit progress step-ups to 6 in.\nDana Lee, PT, DPT"}
    /// ```
    ///
    /// ## Passes
    /// ```json
    /// {"noteType": "progress", "text": "S: Knee pain 3/10.\nO: Knee flexion 110 deg (was 95 deg at eval). LEFS 52/80 (was 38/80).\nA: Quad weakness limits stairs.\nLTG 1: ascend 12 stairs with 1 rail, modified independent, in 4 weeks - partially met.\nP: Next visit progress step-ups to 6 in.\nDana Lee, PT, DPT"}
    /// ```
    ///
    /// ## Source
    /// CMS Pub. 100-02, ch. 15, §220.3 D (progress report: assessment of progress toward each
    /// goal, objective measures; the discharge note is a progress report).
    pub MISSING_PROGRESS {
        id: "elements/missing-progress",
        severity: Error,
        kind: Missing,
        dismissal: Clears,
        source: "CMS Pub. 100-02, ch. 15, §220.3 D",
        references: [
            BENEFIT_POLICY_CH15.at("§220.3 D"),
        ],
    }
}

pub(super) fn check(ctx: &Context<'_>, out: &mut Findings<'_>) {
    if !ctx.element_required(Element::Progress) || !ctx.text.progress.is_empty() {
        return;
    }
    let mut f = Diagnostic::new(
        &MISSING_PROGRESS,
        format!("{} does not compare the patient's status with the goals or an earlier measure.", a_note(ctx)),
    )
    .fix("For each goal, state its status (met, partially met, not met) and the measure then and now, e.g. \"gait 150 ft with SBA (was 75 ft with CGA at eval)\".")
    .edit(insert_block(
        ctx,
        "Insert a progress line to complete",
        "Progress: [[goal]]: [[met / partially met / not met]], [[measure now]] (was [[measure then]])",
    ));
    if let Some(h) = ctx
        .text
        .heading(SectionKind::Goals)
        .or_else(|| ctx.text.heading(SectionKind::Assessment))
    {
        f = f.span(h.start, h.end);
    }
    out.push(f);
}
