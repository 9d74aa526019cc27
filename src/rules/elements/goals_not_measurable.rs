use crate::diagnostics::{declare_rule, Diagnostic};
use crate::edits::EditDraft;
use crate::policy::sources::BENEFIT_POLICY_CH15;
use crate::rules::context::{Context, Findings};

declare_rule! {
    /// A goal has no measurable target or no timeframe.
    ///
    /// ## What it checks
    /// Every goal the note states (in a goals section, or a "Pt will … in 4 weeks" sentence)
    /// must name a measurable target (a number, distance, assist level, score, degrees,
    /// repetitions, percentage or time) and a timeframe ("in 4 weeks", "by discharge",
    /// "within 6 visits", "by 3/15", or a goals heading such as "STG (2 wks):"). One finding
    /// per goal, on the goal's words.
    ///
    /// ## Why payers deny it
    /// Medicare requires goals that are measurable and tied to the functional impairments,
    /// with the time to reach them. "Improve strength" cannot show progress, so the reviewer
    /// cannot find the care effective and denies continued treatment.
    ///
    /// ## Example
    /// ```json
    /// {"noteType": "evaluation", "text": "A: Quad weakness limits stair climbing.\nGoals:\n1. Improve knee strength.\n2. Ascend 12 stairs with 1 rail, modified independent, in 4 weeks.\nP: PT 2x/wk for 6 weeks.\nDana Lee, PT, DPT"}
    /// ```
    ///
    /// ## Passes
    /// ```json
    /// {"noteType": "evaluation", "text": "A: Quad weakness limits stair climbing.\nGoals:\n1. Increase knee flexion AROM to 120 deg in 4 weeks.\n2. Ascend 12 stairs with 1 rail, modified independent, in 4 weeks.\nP: PT 2x/wk for 6 weeks.\nDana Lee, PT, DPT"}
    /// ```
    ///
    /// ## Source
    /// CMS Pub. 100-02, ch. 15, §220.1.2 (goals: measurable, pertaining to identified
    /// functional impairments; time to reach them).
    pub GOALS_NOT_MEASURABLE {
        id: "elements/goals-not-measurable",
        severity: Warning,
        kind: Defect,
        dismissal: Clears,
        source: "CMS Pub. 100-02, ch. 15, §220.1.2",
        references: [
            BENEFIT_POLICY_CH15.at("§220.1.2"),
        ],
    }
}

pub(super) fn check(ctx: &Context<'_>, out: &mut Findings<'_>) {
    for g in &ctx.text.goals {
        let (message, fix, added) = match (g.measurable, g.timeframe) {
            (true, true) => continue,
            (false, false) => (
                "This goal has no measurable target and no timeframe.",
                "State what will be measured and when, e.g. \"ambulate 300 ft with a cane, modified independent, in 4 weeks\".",
                " to [[measurable target: distance, assist level, score or degrees]] in [[timeframe]]",
            ),
            (false, true) => (
                "This goal has no measurable target.",
                "Add the target: a distance, assist level, score, degrees, repetitions, percentage or time.",
                " ([[measurable target: distance, assist level, score or degrees]])",
            ),
            (true, false) => (
                "This goal has no timeframe.",
                "Add when it will be met, e.g. \"in 4 weeks\", \"within 8 visits\" or \"by discharge\".",
                " in [[timeframe: weeks, visits or by discharge]]",
            ),
        };
        out.push(
            Diagnostic::new(&GOALS_NOT_MEASURABLE, message)
                .span(g.span.start, g.span.end)
                .fix(fix)
                .edit(EditDraft::template("Add what the goal lacks, to complete").insert(end_of_words(ctx, g.span), added)),
        );
    }
}

/// Where words added to a span go: after its last word, before a final period, comma or
/// semicolon.
fn end_of_words(ctx: &Context<'_>, span: crate::span::Span) -> usize {
    let words = ctx.note.text.get(span.start..span.end).unwrap_or("");
    let kept = words.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ';'));
    span.start + kept.len()
}
