use super::wording::a_note;
use crate::diagnostics::{declare_rule, Diagnostic};
use crate::policy::sources::{APTA_DOCUMENTATION, BENEFIT_POLICY_CH15};
use crate::policy::elements::Element;
use crate::rules::context::{Context, Findings};
use crate::rules::templates::insert_block;

declare_rule! {
    /// The note does not record how the patient responded to treatment.
    ///
    /// ## What it checks
    /// A note that bills a treatment code must record the response: a pain change, vitals,
    /// fatigue, tolerance with specifics, a change in performance, what the patient reported
    /// after treatment, or an adverse reaction (or "no adverse reaction"). "Did not tolerate"
    /// and "denies pain after" are responses too. A report in the subjective section counts
    /// only when it refers to the last treatment.
    ///
    /// ## Why payers deny it
    /// The treatment note should show the patient's response so the reviewer can see that
    /// the treatment is effective and the plan is adjusted to it; "tolerated well" alone
    /// says nothing.
    ///
    /// ## Example
    /// ```json
    /// {"text": "S: Knee pain 3/10 after stairs.\nO: Ther ex 25 min with verbal cues for alignment. Manual therapy 15 min, grade III mobilization.\nA: Quad weakness limits stairs.\nP: Next visit add step-downs.\nDana Lee, PT, DPT"}
    /// ```
    ///
    /// ## Passes
    /// ```json
    /// {"text": "S: Knee pain 3/10 after stairs.\nO: Ther ex 25 min with verbal cues for alignment. Manual therapy 15 min, grade III mobilization. Pain 1/10 after session.\nA: Quad weakness limits stairs.\nP: Next visit add step-downs.\nDana Lee, PT, DPT"}
    /// ```
    ///
    /// ## Source
    /// CMS Pub. 100-02, ch. 15, §220.3 E (treatment note: patient self-report, adverse
    /// reactions, significant changes); APTA Integrity in Practice, documentation risk areas.
    pub MISSING_PATIENT_RESPONSE {
        id: "elements/missing-patient-response",
        severity: Warning,
        kind: Missing,
        dismissal: Clears,
        source: "CMS Pub. 100-02, ch. 15, §220.3 E",
        references: [
            BENEFIT_POLICY_CH15.at("§220.3 E"),
            APTA_DOCUMENTATION.whole(),
        ],
    }
}

pub(super) fn check(ctx: &Context<'_>, out: &mut Findings<'_>) {
    if !ctx.element_required(Element::PatientResponse) || !ctx.text.patient_response.is_empty() {
        return;
    }
    out.push(
        Diagnostic::new(&MISSING_PATIENT_RESPONSE, format!("{} does not record the patient's response to treatment.", a_note(ctx)))
            .fix("Record the response: pain before and after, vitals, fatigue, what changed in performance, or \"no adverse reaction\".")
            .edit(insert_block(
                ctx,
                "Insert a response line to complete",
                "Response: [[pain before and after, vitals, fatigue, what changed in performance]]",
            )),
    );
}
