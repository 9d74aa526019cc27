use crate::diagnostics::{declare_rule, EpisodeDiagnostic};
use crate::policy::sources::{BENEFIT_POLICY_CH15, CFR_410_61};
use super::wording::{describe, type_words};
use crate::rules::context::{EpisodeContext, EpisodeFindings};
use crate::note::NoteType;

declare_rule! {
    /// Long-term goals were changed or added after the plan of care was certified, and no
    /// recertification follows.
    ///
    /// ## What it checks
    /// Across the notes of an episode (`checkEpisode`), where the payer pack sets
    /// `goalChangesNeedRecertification` (Medicare): the long-term goals of the evaluation (or
    /// of the latest recertification) are the certified ones. A later progress report,
    /// re-evaluation or daily note that states a long-term goal with other words or another
    /// target (a new distance, a new task), or adds a new one, is flagged unless a
    /// recertification note follows (on or after its date), or a note on or after its date
    /// gives an `episode.certifiedOn` on or after it. A goal renumbered with the same words
    /// and numbers is not a change; short-term goals may change freely.
    ///
    /// ## Why payers deny it
    /// A therapist may not significantly change a plan of care a physician or NPP
    /// certified without their approval, and a change in long-term goals is a significant
    /// change: the changed plan must be sent for certification. Visits under an uncertified
    /// plan are not covered.
    ///
    /// ## Example
    /// ```json
    /// [{"noteType": "evaluation", "dateOfService": "2025-03-03", "lines": [{"code": "97162", "units": 1, "modifiers": ["GP"]}], "text": "Goals:\nLTG 1 (8 wks): walk 30 min in the community with pain < 2/10."},
    ///  {"noteType": "progress", "dateOfService": "2025-03-24", "text": "Goal status:\nLTG 1: walk 45 min in the community with pain < 2/10 – ongoing, now 20 min."}]
    /// ```
    ///
    /// ## Passes
    /// ```json
    /// [{"noteType": "evaluation", "dateOfService": "2025-03-03", "lines": [{"code": "97162", "units": 1, "modifiers": ["GP"]}], "text": "Goals:\nLTG 1 (8 wks): walk 30 min in the community with pain < 2/10."},
    ///  {"noteType": "progress", "dateOfService": "2025-03-24", "text": "Goal status:\nLTG 1: walk 45 min in the community with pain < 2/10 – ongoing, now 20 min."},
    ///  {"noteType": "recertification", "dateOfService": "2025-03-26", "text": "Recertification of the plan with the revised long-term goal.\nLTG 1: walk 45 min in the community with pain < 2/10."}]
    /// ```
    ///
    /// ## Source
    /// CMS Pub. 100-02 (Medicare Benefit Policy Manual), ch. 15, §220.1.2 (changes to the
    /// plan: a change in long-term goals is significant and needs the physician's or NPP's
    /// approval), §220.1.3 (recertification of a significantly modified plan) and §220.3.D
    /// (changes to long-term goals sent for certification of the next interval).
    pub GOALS_CHANGED_WITHOUT_RECERTIFICATION {
        id: "episode/goals-changed-without-recertification",
        severity: Warning,
        kind: Defect,
        dismissal: Clears,
        source: "CMS Pub. 100-02, ch. 15, §220.1.2 and §220.1.3",
        references: [
            BENEFIT_POLICY_CH15.at("§220.1.2"),
            BENEFIT_POLICY_CH15.at("§220.1.3"),
            BENEFIT_POLICY_CH15.at("§220.3 D"),
            CFR_410_61.whole(),
        ],
    }
}

pub(super) fn check(ctx: &EpisodeContext<'_>, out: &mut EpisodeFindings<'_>) {
    if !out.enabled(&GOALS_CHANGED_WITHOUT_RECERTIFICATION) {
        return;
    }
    for c in &ctx.goals.changes {
        let (Some(note), Some(pack)) = (ctx.note(c.member), ctx.pack(c.member)) else {
            continue;
        };
        if !pack.goal_changes_need_recertification {
            continue;
        }
        let date = note.date_of_service;
        let recertified = ctx.model.members.iter().enumerate().any(|(k, m)| {
            k >= c.member
                && (m.note.note_type == NoteType::Recertification
                    || m.note.date_of_service >= date
                        && m.note
                            .episode
                            .as_ref()
                            .and_then(|e| e.certified_on)
                            .is_some_and(|d| d >= date))
        });
        if recertified {
            continue;
        }
        let item = ctx
            .model
            .member(c.member)
            .and_then(|m| m.reading.goals.get(c.item));
        let (message, original) = match c.modifies.and_then(|g| ctx.goals.goals.get(g)) {
            Some(g) => {
                let span = ctx
                    .model
                    .member(g.set_in)
                    .and_then(|m| m.reading.goals.get(g.item))
                    .map(|it| it.span);
                (
                    format!(
                        "This {} states {} with other words or targets than the plan of care certified in the {}, and no recertification follows.",
                        type_words(note.note_type),
                        g.label.clone().map_or("a long-term goal".to_string(), |l| format!("long-term goal {l}")),
                        describe(ctx, g.set_in)
                    ),
                    Some((g.set_in, span)),
                )
            }
            None => (
                format!(
                    "This {} adds a long-term goal that is not in the certified plan of care, and no recertification follows.",
                    type_words(note.note_type)
                ),
                None,
            ),
        };
        let mut d = EpisodeDiagnostic::new(&GOALS_CHANGED_WITHOUT_RECERTIFICATION, c.member, message)
            .span(item.map(|it| it.span))
            .fix("Send the updated plan of care with the changed long-term goals to the physician or NPP to sign (recertification), or keep the certified long-term goals and adjust the short-term goals instead.");
        if let Some((k, s)) = original {
            d = d.note(k, s);
        }
        out.push(d);
    }
}
