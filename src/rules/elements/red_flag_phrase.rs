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

/// The message and the suggested rewrite for each kind of phrase: data, in the reader's
/// red-flag lexicon (`src/text/lexicon/redflags.txt`).
fn wording(kind: RedFlagKind) -> (&'static str, &'static str) {
    (kind.message(), kind.fix())
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
        RedFlagKind::RepetitiveExercise => "[[what you changed today and why: load, cues, progression]]",
        RedFlagKind::Judgmental => "[[what you observed: the measure, the words, the behaviour]]",
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
