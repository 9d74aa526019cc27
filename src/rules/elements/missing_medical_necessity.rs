use super::wording::a_note;
use crate::diagnostics::{declare_rule, Diagnostic};
use crate::policy::sources::{APTA_DOCUMENTATION, BENEFIT_POLICY_CH15};
use crate::policy::elements::Element;
use crate::rules::context::{Context, Findings};
use crate::rules::templates::insert_block;

declare_rule! {
    /// Nothing in the note says why skilled therapy is needed.
    ///
    /// ## What it checks
    /// Every note type except discharge (see `config.requirements`) must state the reason
    /// for care: a functional deficit or limitation ("weakness limits stair climbing",
    /// "unable to", "difficulty with"), a risk ("fall risk", "risk of aspiration") or the
    /// condition's impact ("required for safe transfers", "dependent for"). Negated words do
    /// not count ("no deficits", "without difficulty", "denies difficulty", "within
    /// functional limits").
    ///
    /// ## Why payers deny it
    /// Therapy is covered only when it is reasonable and necessary for the patient's
    /// condition. A note that lists what was done but not why it needed a therapist is
    /// denied as not medically necessary.
    ///
    /// ## Example
    /// ```json
    /// {"text": "O: Ther ex 25 min with verbal cues for alignment. Manual therapy 15 min.\nResponse: pain 2/10 after session.\nP: Next visit add step-downs.\nDana Lee, PT, DPT"}
    /// ```
    ///
    /// ## Passes
    /// ```json
    /// {"text": "O: Ther ex 25 min with verbal cues for alignment. Manual therapy 15 min.\nA: Quad weakness limits stair climbing.\nResponse: pain 2/10 after session.\nP: Next visit add step-downs.\nDana Lee, PT, DPT"}
    /// ```
    ///
    /// ## Source
    /// CMS Pub. 100-02, ch. 15, §220.2 (reasonable and necessary, skilled services) and
    /// §220.3 (documentation must support medical necessity); APTA Integrity in Practice,
    /// documentation risk areas.
    pub MISSING_MEDICAL_NECESSITY {
        id: "elements/missing-medical-necessity",
        severity: Warning,
        kind: Missing,
        dismissal: Clears,
        source: "CMS Pub. 100-02, ch. 15, §220.2; §220.3",
        references: [
            BENEFIT_POLICY_CH15.at("§220.2"),
            BENEFIT_POLICY_CH15.at("§220.3"),
            APTA_DOCUMENTATION.whole(),
        ],
    }
}

pub(super) fn check(ctx: &Context<'_>, out: &mut Findings<'_>) {
    if !ctx.element_required(Element::MedicalNecessity) || !ctx.text.medical_necessity.is_empty() {
        return;
    }
    out.push(
        Diagnostic::new(&MISSING_MEDICAL_NECESSITY, format!("{} does not say why the patient needs skilled therapy.", a_note(ctx)))
            .fix("State the functional deficit or risk the treatment addresses, e.g. \"quad weakness limits stair climbing and places the patient at fall risk\".")
            .edit(insert_block(
                ctx,
                "Insert a medical necessity line to complete",
                "Medical necessity: [[the functional deficit or risk the treatment addresses]]",
            )),
    );
}
