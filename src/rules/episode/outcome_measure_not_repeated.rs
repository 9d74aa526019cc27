use crate::diagnostics::{declare_rule, EpisodeDiagnostic};
use crate::policy::sources::{BENEFIT_POLICY_CH15};
use super::wording::{describe, type_words};
use crate::rules::context::{EpisodeContext, EpisodeFindings};
use crate::note::NoteType;

declare_rule! {
    /// A standardized measure scored at the evaluation is not scored again by the latest
    /// progress report or discharge, so no change can be shown.
    ///
    /// ## What it checks
    /// Across the notes of an episode (`checkEpisode`): each standardized measure the
    /// evaluation (or a re-evaluation) scores ("Berg 41/56", "LEFS: 38/80", "TUG 14.2 s";
    /// spellings of one measure count as one: BBS and Berg) must be scored again in a later
    /// note. Once a clinician's report (progress report, recertification, discharge) follows
    /// the evaluation, the latest such report is flagged for each measure not scored since,
    /// naming the evaluation with the measure's words and every report since. A measure
    /// scored again in any later note (a daily note included) passes.
    ///
    /// ## Why payers deny it
    /// Improvement is to be shown by successive objective measurements whenever possible;
    /// a progress report or discharge without the measure the evaluation used cannot show
    /// the change that justifies the care.
    ///
    /// ## Example
    /// ```json
    /// [{"noteType": "evaluation", "dateOfService": "2025-03-03", "lines": [{"code": "97162", "units": 1, "modifiers": ["GP"]}], "text": "O: Berg 41/56. TUG 14.2 s."},
    ///  {"noteType": "progress", "dateOfService": "2025-03-24", "text": "O: gait steadier on turns; stands from low chairs without hands."}]
    /// ```
    ///
    /// ## Passes
    /// ```json
    /// [{"noteType": "evaluation", "dateOfService": "2025-03-03", "lines": [{"code": "97162", "units": 1, "modifiers": ["GP"]}], "text": "O: Berg 41/56. TUG 14.2 s."},
    ///  {"noteType": "progress", "dateOfService": "2025-03-24", "text": "O: Berg 47/56 (41/56 at eval). TUG 11.8 s."}]
    /// ```
    ///
    /// ## Source
    /// CMS Pub. 100-02 (Medicare Benefit Policy Manual), ch. 15, §220.2.C (improvement is
    /// evidenced by successive objective measurements whenever possible) and §220.3.D
    /// (progress reports give objective measurements of changes relative to each goal).
    pub OUTCOME_MEASURE_NOT_REPEATED {
        id: "episode/outcome-measure-not-repeated",
        severity: Warning,
        kind: Defect,
        dismissal: Clears,
        source: "CMS Pub. 100-02, ch. 15, §220.2.C and §220.3.D",
        references: [
            BENEFIT_POLICY_CH15.at("§220.2 C"),
            BENEFIT_POLICY_CH15.at("§220.3 D"),
        ],
    }
}

pub(super) fn check(ctx: &EpisodeContext<'_>, out: &mut EpisodeFindings<'_>) {
    if !out.enabled(&OUTCOME_MEASURE_NOT_REPEATED) {
        return;
    }
    let members = &ctx.model.members;
    for (e, m) in members.iter().enumerate() {
        if !matches!(
            m.note.note_type,
            NoteType::Evaluation | NoteType::Reevaluation
        ) {
            continue;
        }
        let reports: Vec<usize> = (e + 1..members.len())
            .filter(|&k| {
                members
                    .get(k)
                    .is_some_and(|x| x.report && x.note.note_type != NoteType::Reevaluation)
            })
            .collect();
        let Some(&latest) = reports.last() else {
            continue;
        };
        let Some(report) = ctx.note(latest) else {
            continue;
        };
        for (name, span) in ctx.measures.get(e).map_or(&[][..], |v| v.as_slice()) {
            let repeated = (e + 1..members.len()).any(|j| {
                ctx.measures
                    .get(j)
                    .is_some_and(|ms| ms.iter().any(|(n, _)| n == name))
            });
            if repeated {
                continue;
            }
            let mut d = EpisodeDiagnostic::new(
                &OUTCOME_MEASURE_NOT_REPEATED,
                latest,
                format!(
                    "The {name} scored at the {} is not scored again in any later note, so this {} cannot show a change on it.",
                    describe(ctx, e),
                    type_words(report.note_type)
                ),
            )
            .fix(format!("Repeat the {name} and report it beside the evaluation's score (or say why it could not be repeated)."))
            .note(e, Some(*span));
            for &r in &reports {
                d = d.note(r, None);
            }
            out.push(d);
        }
    }
}
