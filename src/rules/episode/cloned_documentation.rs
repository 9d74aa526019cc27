use crate::diagnostics::{declare_rule, EpisodeDiagnostic};
use crate::policy::sources::{BENEFIT_POLICY_CH15, NGS_CLONED_DOCUMENTATION, OIG_EHR_VULNERABILITIES};
use super::wording::describe;
use crate::rules::context::{EpisodeContext, EpisodeFindings};

declare_rule! {
    /// A note's narrative is near-identical to an earlier note of the episode, beyond what
    /// the clinic's template explains.
    ///
    /// ## What it checks
    /// Across the notes of an episode (`checkEpisode`): each note's words are compared with
    /// every earlier note's after setting aside dates and numbers (a note copied forward
    /// with new minutes, repetitions and scores still matches), goal statements (restating
    /// goals is required) and template lines: lines found in every note of the episode when
    /// it has at least three notes of two types, and the clinic's own template lines
    /// (`config.cloning.template`). The note is flagged when the share of its remaining
    /// narrative, as word 4-grams, found in one earlier note reaches `config.cloning.threshold`
    /// (0.85 by default, chosen from a study of realistic episodes that chartlint's
    /// documentation publishes with its numbers).
    /// Notes with under 8 such 4-grams are not judged. The span is the longest repeated
    /// stretch, and the earlier note is named with the same stretch in it. Disable the rule
    /// or raise the threshold in the config.
    ///
    /// ## Why payers deny it
    /// Medicare's contractors and the HHS Office of Inspector General name cloned
    /// documentation (each entry worded like the previous ones) as a reason to deny every
    /// visit it touches: it does not show what was done for the patient on that day, so it
    /// cannot support the medical necessity of the service.
    ///
    /// ## Example
    /// ```json
    /// [{"id": "first", "dateOfService": "2025-03-05"},
    ///  {"id": "copy", "dateOfService": "2025-03-07"}]
    /// ```
    ///
    /// ## Passes
    /// ```json
    /// [{"id": "first", "dateOfService": "2025-03-05"},
    ///  {"id": "second", "dateOfService": "2025-03-07", "text": "S: Slept poorly; stiff on waking but walked the dog for ten minutes.\nGait training: curb practice with the cane, sequencing cued twice, then done alone.\nA: Endurance now limits her more than pain does; ready for longer community walks.\nP: Add a second curb height and a timed walk next visit."}]
    /// ```
    ///
    /// ## Source
    /// CMS Pub. 100-02 (Medicare Benefit Policy Manual), ch. 15, §220.3.E (a treatment note
    /// documents each treatment day's services); NGS Medicare, "Cloned Documentation Could
    /// Result in Medicare Denials for Payment"; HHS OIG, "CMS and Its Contractors Have
    /// Adopted Few Program Integrity Practices to Address Vulnerabilities in EHRs"
    /// (OEI-01-11-00571, 2014).
    pub CLONED_DOCUMENTATION {
        id: "episode/cloned-documentation",
        severity: Warning,
        kind: Defect,
        dismissal: Clears,
        source: "CMS Pub. 100-02, ch. 15, §220.3.E; NGS Medicare, Cloned Documentation",
        references: [
            BENEFIT_POLICY_CH15.at("§220.3 E"),
            NGS_CLONED_DOCUMENTATION.whole(),
            OIG_EHR_VULNERABILITIES.whole().year(2014),
        ],
    }
}

pub(super) fn check(ctx: &EpisodeContext<'_>, out: &mut EpisodeFindings<'_>) {
    if !out.enabled(&CLONED_DOCUMENTATION) {
        return;
    }
    let threshold = ctx.config.cloning.threshold;
    for (k, s) in ctx.similarity.iter().enumerate() {
        let Some(s) = s else {
            continue;
        };
        if s.score < threshold {
            continue;
        }
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let pct = (s.score * 100.0).round() as u32;
        let visit = ctx.model.position(k).visit;
        out.push(
            EpisodeDiagnostic::new(
                &CLONED_DOCUMENTATION,
                k,
                format!(
                    "{pct}% of this note's own narrative (dates, numbers, goals and template lines aside) repeats the {}.",
                    describe(ctx, s.to)
                ),
            )
            .span(s.span)
            .fix("Write what happened at this visit: the patient's report, what was measured, what was done and changed, and how the patient responded. Do not carry a previous note forward.")
            .amount(if visit { ctx.expected(k) } else { None })
            .note(s.to, s.to_span),
        );
    }
}
