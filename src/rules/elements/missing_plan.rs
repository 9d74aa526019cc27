use super::wording::a_note;
use crate::diagnostics::{declare_rule, Diagnostic};
use crate::edits::EditDraft;
use crate::policy::sources::BENEFIT_POLICY_CH15;
use crate::policy::elements::Element;
use crate::rules::context::{Context, Findings};
use crate::rules::templates::insert_block;
use crate::text::SectionKind;

declare_rule! {
    /// The note has no plan for the next visit or the episode.
    ///
    /// ## What it checks
    /// Every note type (see `config.requirements`) must say what comes next: the next
    /// visit's focus or progression, frequency and duration, a discharge plan, a home
    /// program or a referral. A plan section that says only "continue" or "continue per POC"
    /// is not a plan (and is flagged by `elements/red-flag-phrase`).
    ///
    /// ## Why payers deny it
    /// Reviewers look for clinical reasoning about what changes next; a note with no plan,
    /// or "continue POC", reads as repetitive care without a skilled decision behind it.
    ///
    /// ## Example
    /// ```json
    /// {"text": "O: Ther ex 25 min with verbal cues for alignment. Manual therapy 15 min.\nA: Quad weakness limits stairs.\nResponse: pain 2/10 after session.\nP: Continue POC.\nDana Lee, PT, DPT"}
    /// ```
    ///
    /// ## Passes
    /// ```json
    /// {"text": "O: Ther ex 25 min with verbal cues for alignment. Manual therapy 15 min.\nA: Quad weakness limits stairs.\nResponse: pain 2/10 after session.\nP: Next visit progress step-ups to 6 in and begin reciprocal stairs.\nDana Lee, PT, DPT"}
    /// ```
    ///
    /// ## Source
    /// CMS Pub. 100-02, ch. 15, §220.1.2 (plan of care) and §220.3 D–E (plans for continuing
    /// treatment; discharge).
    pub MISSING_PLAN {
        id: "elements/missing-plan",
        severity: Warning,
        kind: Missing,
        dismissal: Clears,
        source: "CMS Pub. 100-02, ch. 15, §220.1.2; §220.3 D–E",
        references: [
            BENEFIT_POLICY_CH15.at("§220.1.2"),
            BENEFIT_POLICY_CH15.at("§220.3 D–E"),
        ],
    }
}

pub(super) fn check(ctx: &Context<'_>, out: &mut Findings<'_>) {
    if !ctx.element_required(Element::Plan) || !ctx.text.plan.is_empty() {
        return;
    }
    let (fix, block) = if ctx.note.note_type == crate::note::NoteType::Discharge {
        ("State the discharge plan: the home program issued, follow-up, and where the patient goes from here.",
         "Discharge plan: [[home program issued, follow-up, where the patient goes from here]]")
    } else {
        ("Say what changes next visit and why, e.g. \"next visit progress step-ups to 6 in and begin reciprocal stairs\", or give frequency and duration.",
         "Plan: [[what changes next visit, and why]]")
    };
    let mut f = Diagnostic::new(
        &MISSING_PLAN,
        format!(
            "{} has no plan for the next visit or the episode.",
            a_note(ctx)
        ),
    )
    .fix(fix);
    match ctx.text.heading(SectionKind::Plan) {
        // A plan heading with nothing under it: the placeholder goes after the heading.
        Some(h) => {
            let placeholder = block.split_once(": ").map_or(block, |(_, p)| p);
            f = f.span(h.start, h.end).edit(
                EditDraft::template("Write the plan after its heading")
                    .insert(h.end, format!(" {placeholder}")),
            );
        }
        None => f = f.edit(insert_block(ctx, "Insert a plan line to complete", block)),
    }
    out.push(f);
}
