use super::wording::a_note;
use crate::diagnostics::{declare_rule, Diagnostic};
use crate::policy::sources::{AOTA_DOCUMENTATION, BENEFIT_POLICY_CH15};
use crate::policy::elements::Element;
use crate::rules::context::{Context, Findings};
use crate::rules::templates::insert_block;

declare_rule! {
    /// Nothing shows the therapist's skill: the note is a list of exercises.
    ///
    /// ## What it checks
    /// A note that bills a treatment code must show what only a therapist could do: cueing
    /// (verbal, tactile), facilitation or inhibition, progression or grading based on the
    /// response, analysis of performance, correction of form, education with return
    /// demonstration, or technique specifics (grade III mobilization, PNF, Mendelsohn…).
    /// Negated words do not count ("no cues needed").
    ///
    /// ## Why payers deny it
    /// A service that a patient or an aide could do without a therapist is not skilled, even
    /// when a therapist does it. "Ther ex: SLR 3x10, bridges 2x10" describes exercise, not
    /// skill, and is denied on review.
    ///
    /// ## Example
    /// ```json
    /// {"text": "O: Ther ex 25 min: SLR 3x10, bridges 3x10, clamshells 2x15. Manual therapy 15 min.\nA: Weakness limits stairs.\nResponse: pain 2/10 after session.\nP: Next visit add step-downs.\nDana Lee, PT, DPT"}
    /// ```
    ///
    /// ## Passes
    /// ```json
    /// {"text": "O: Ther ex 25 min: SLR 3x10, bridges 3x10 with tactile cues to keep the pelvis level. Manual therapy 15 min.\nA: Weakness limits stairs.\nResponse: pain 2/10 after session.\nP: Next visit add step-downs.\nDana Lee, PT, DPT"}
    /// ```
    ///
    /// ## Source
    /// CMS Pub. 100-02, ch. 15, §220.2 B (skilled services) and §220.3 E; AOTA, Maximizing
    /// Your Clinical Documentation (2025) (the skilled vocabulary reviewers look for).
    pub MISSING_SKILLED_INTERVENTION {
        id: "elements/missing-skilled-intervention",
        severity: Warning,
        kind: Missing,
        dismissal: Clears,
        source: "CMS Pub. 100-02, ch. 15, §220.2 B; §220.3 E",
        references: [
            BENEFIT_POLICY_CH15.at("§220.2 B"),
            BENEFIT_POLICY_CH15.at("§220.3 E"),
            AOTA_DOCUMENTATION.whole().year(2025),
        ],
    }
}

pub(super) fn check(ctx: &Context<'_>, out: &mut Findings<'_>) {
    if !ctx.element_required(Element::SkilledIntervention) || !ctx.text.skilled.is_empty() {
        return;
    }
    out.push(
        Diagnostic::new(&MISSING_SKILLED_INTERVENTION, format!("{} does not show what required a therapist's skill.", a_note(ctx)))
            .fix("Describe your skilled input: the cues or facilitation given, what you progressed or modified and why, the errors you corrected.")
            .edit(insert_block(
                ctx,
                "Insert a skilled intervention line to complete",
                "Skilled intervention: [[the cues, facilitation or progression you provided, and why]]",
            )),
    );
}
