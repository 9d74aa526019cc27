use crate::diagnostics::{declare_rule, Diagnostic};
use crate::edits::EditDraft;
use crate::policy::sources::{AOTA_DOCUMENTATION, APTA_DOCUMENTATION, BENEFIT_POLICY_CH15};
use crate::rules::context::{Context, Findings};
use crate::text::RedFlagKind;

declare_rule! {
    /// A phrase reviewers cite as empty or unskilled, with nothing specific after it.
    ///
    /// ## What it checks
    /// One finding per phrase: "tolerated (treatment) well", "continue (per) POC", a plan of
    /// only "cont", "patient doing well", "pt progressing (as expected)" without a measure,
    /// "no significant change", "no new complaints", "see/per flowsheet", "maintenance" or
    /// "maintain current level", "as tolerated" with nothing else, "general conditioning".
    /// A phrase followed in the same sentence by specifics is fine ("tolerated well, HR 92
    /// after 6 min walk", "continue POC: progress to 6 in step next visit"); negated forms
    /// are not the phrase ("did not tolerate well" is a response). "Skilled maintenance" is
    /// the covered service, not a red flag. The span is the phrase; the fix suggests a rewrite.
    ///
    /// ## Why we flag it
    /// Auditors and MAC reviewers list these phrases as signs of unskilled, repetitive care:
    /// they say nothing about the patient's response, progress or the therapist's reasoning,
    /// and notes built from them are denied as not skilled or not necessary.
    ///
    /// ## Example
    /// ```json
    /// {"text": "S: Knee pain 3/10 after stairs, down from 5/10 last week.\nO: Ther ex 25 min: step-ups 3x10 with verbal cues for knee alignment. Manual therapy 15 min: grade III mobilization.\nA: Quad weakness limits stair climbing. Pt tolerated treatment well.\nResponse: pain 2/10 after session, no adverse reaction.\nP: Next visit begin reciprocal stairs.\nDana Lee, PT, DPT"}
    /// ```
    ///
    /// ## Passes
    /// ```json
    /// {"text": "S: Knee pain 3/10 after stairs, down from 5/10 last week.\nO: Ther ex 25 min: step-ups 3x10 with verbal cues for knee alignment. Manual therapy 15 min: grade III mobilization.\nA: Quad weakness limits stair climbing. Pt tolerated treatment well, HR 92 after 6 min walk.\nResponse: pain 2/10 after session, no adverse reaction.\nP: Next visit begin reciprocal stairs.\nDana Lee, PT, DPT"}
    /// ```
    ///
    /// ## Source
    /// CMS Pub. 100-02, ch. 15, §220.2 (skilled services; maintenance) and §220.3 E
    /// (treatment note); APTA Integrity in Practice, documentation risk areas (the phrases
    /// payers cite); AOTA, Maximizing Your Clinical Documentation (2025).
    pub RED_FLAG_PHRASE {
        id: "elements/red-flag-phrase",
        severity: Warning,
        kind: Defect,
        dismissal: Clears,
        source: "CMS Pub. 100-02, ch. 15, §220.2–220.3; APTA documentation risk areas",
        references: [
            BENEFIT_POLICY_CH15.at("§220.2"),
            BENEFIT_POLICY_CH15.at("§220.3 E"),
            APTA_DOCUMENTATION.whole(),
            AOTA_DOCUMENTATION.whole().year(2025),
        ],
    }
}

/// The message and the suggested rewrite for each kind of phrase.
fn wording(kind: RedFlagKind) -> (&'static str, &'static str) {
    match kind {
        RedFlagKind::ToleratedWell => (
            "\"Tolerated well\" says nothing about the patient's response.",
            "Replace with the specific response, e.g. \"completed 3x10 step-ups; HR 96 after, pain unchanged at 3/10, form corrected after 2 verbal cues\".",
        ),
        RedFlagKind::ContinuePoc => (
            "\"Continue (per) plan of care\" gives no plan for the next visit.",
            "Say what changes next and why, e.g. \"next visit progress step height to 6 in and begin reciprocal stairs, as knee control held for 10 reps today\".",
        ),
        RedFlagKind::DoingWell => (
            "\"Doing well\" is not a measured finding.",
            "Say what improved and by how much, e.g. \"knee flexion improved from 95 to 108 deg; ascends 8 stairs with 1 rail, CGA\".",
        ),
        RedFlagKind::Progressing => (
            "\"Progressing\" without a measure does not show progress.",
            "Name the measure, e.g. \"progressing toward LTG 2: gait 150 ft with SBA (was 75 ft with CGA at eval)\".",
        ),
        RedFlagKind::NoSignificantChange => (
            "\"No significant change\" suggests a plateau without an explanation.",
            "Compare with the last note objectively, explain why progress is slower and what you will change, e.g. \"TUG 16 s (18 s last week); adding dual-task gait to address…\".",
        ),
        RedFlagKind::NoNewComplaints => (
            "\"No new complaints\" does not record the patient's status.",
            "Record the patient's report in specifics, e.g. \"pain 2/10 at rest, 4/10 after 10 min walking; now climbs home stairs with 1 rail\".",
        ),
        RedFlagKind::Flowsheet => (
            "\"See flowsheet\" leaves the skilled part of the session undocumented.",
            "Describe the skilled input here (cues, facilitation, grading, what you changed and why); the flowsheet can carry the sets and reps.",
        ),
        RedFlagKind::Maintenance => (
            "\"Maintenance\" reads as unskilled maintenance, which is not covered.",
            "If a therapist's skill is needed, say why, e.g. \"skilled maintenance program design due to ALS progression: adjusted splint and ROM program to prevent contracture\"; otherwise do not bill it.",
        ),
        RedFlagKind::AsTolerated => (
            "\"As tolerated\" alone gives no parameter or limit.",
            "Give the parameter and the limit, e.g. \"increase to 3 lb when pain stays at or below 3/10 and form holds for 10 reps\".",
        ),
        RedFlagKind::GeneralConditioning => (
            "\"General conditioning\" is outside the therapy benefit.",
            "Tie the exercise to a functional deficit and a goal, e.g. \"quad strengthening so the patient can ascend stairs with 1 rail (LTG 2)\".",
        ),
    }
}

/// What the phrase needs after it, as a placeholder for the therapist to complete.
fn specifics(kind: RedFlagKind) -> &'static str {
    match kind {
        RedFlagKind::ToleratedWell => "[[what was done; pain or vitals before and after; cues needed]]",
        RedFlagKind::ContinuePoc => "[[what changes next visit, and why]]",
        RedFlagKind::DoingWell => "[[what improved, measured then and now]]",
        RedFlagKind::Progressing => "[[toward which goal: the measure then and now]]",
        RedFlagKind::NoSignificantChange => "[[the measure then and now; why progress is slower; what you will change]]",
        RedFlagKind::NoNewComplaints => "[[the patient's report: pain and function since the last visit]]",
        RedFlagKind::Flowsheet => "[[your skilled input: cues, facilitation, grading, what you changed and why]]",
        RedFlagKind::Maintenance => "[[why a therapist's skill is needed]]",
        RedFlagKind::AsTolerated => "[[the parameter and its limit]]",
        RedFlagKind::GeneralConditioning => "[[the functional deficit and goal the exercise addresses]]",
    }
}

pub(super) fn check(ctx: &Context<'_>, out: &mut Findings<'_>) {
    for r in &ctx.text.red_flags {
        let (message, fix) = wording(r.kind);
        out.push(
            Diagnostic::new(&RED_FLAG_PHRASE, message)
                .span(r.span.start, r.span.end)
                .fix(fix)
                .edit(
                    EditDraft::template("Add the specifics after the phrase, to complete")
                        .insert(r.span.end, format!(" ({})", specifics(r.kind))),
                ),
        );
    }
}
