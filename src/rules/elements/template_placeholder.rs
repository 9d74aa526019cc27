use crate::diagnostics::{declare_rule, Diagnostic};
use crate::policy::sources::BENEFIT_POLICY_CH15;
use crate::rules::context::{Context, Findings};

declare_rule! {
    /// A template placeholder is left in the note.
    ///
    /// ## What it checks
    /// Text between double brackets, on one line: `[[what changes next visit, and why]]`.
    /// chartlint's `template` edits insert them (a "Plan:" line, a goals section, a
    /// signature line) for the therapist to replace with what was done and observed. One
    /// finding per placeholder, on its words.
    ///
    /// ## Why we flag it
    /// A placeholder documents nothing: the note would go out with a heading and no content,
    /// which a reviewer reads as the element missing (and a template left unfinished as
    /// cloned documentation). It stays an error until the words are written, and a
    /// dismissal does not clear it.
    ///
    /// ## Example
    /// ```json
    /// {"text": "S: Knee pain 3/10 after stairs, down from 5/10 last week.\nO: Ther ex 25 min: step-ups 3x10 with verbal cues for knee alignment. Manual therapy 15 min: grade III mobilization.\nA: Quad weakness limits stair climbing and places the patient at fall risk.\nResponse: pain 2/10 after session, no adverse reaction.\nP: [[what changes next visit, and why]]\nDana Lee, PT, DPT"}
    /// ```
    ///
    /// ## Passes
    /// ```json
    /// {"text": "S: Knee pain 3/10 after stairs, down from 5/10 last week.\nO: Ther ex 25 min: step-ups 3x10 with verbal cues for knee alignment. Manual therapy 15 min: grade III mobilization.\nA: Quad weakness limits stair climbing and places the patient at fall risk.\nResponse: pain 2/10 after session, no adverse reaction.\nP: Next visit begin reciprocal stairs with 1 rail.\nDana Lee, PT, DPT"}
    /// ```
    ///
    /// ## Source
    /// CMS Pub. 100-02, ch. 15, §220.3 (the documentation of each therapy service: what
    /// was done, the response, the plan, signed by the professional who furnished it).
    pub TEMPLATE_PLACEHOLDER {
        id: "elements/template-placeholder",
        severity: Error,
        kind: Defect,
        dismissal: StillBlocks,
        source: "CMS Pub. 100-02, ch. 15, §220.3",
        references: [
            BENEFIT_POLICY_CH15.at("§220.3"),
        ],
    }
}

pub(super) fn check(ctx: &Context<'_>, out: &mut Findings<'_>) {
    for p in &ctx.placeholders {
        out.push(
            Diagnostic::new(
                &TEMPLATE_PLACEHOLDER,
                "A template placeholder is left in the note: it documents nothing yet.",
            )
            .span(p.start, p.end)
            .fix("Replace the placeholder with what you did, observed or plan, or delete it."),
        );
    }
}
