use super::rows::rows;
use crate::diagnostics::{declare_rule, Diagnostic};
use crate::edits::EditDraft;
use crate::policy::sources::{BENEFIT_POLICY_CH15, CLAIMS_PROCESSING_CH5};
use crate::rules::context::{Context, Findings};

declare_rule! {
    /// The documented total timed minutes differ from the timed lines' minutes.
    ///
    /// ## What it checks
    /// When the note documents `totalTimedMinutes` and every 15-minute line carries its
    /// minutes, the two must agree. A documented total treatment time shorter than the total
    /// timed minutes is flagged too, since treatment time includes the timed minutes.
    ///
    /// ## Why payers deny it
    /// A reviewer checks the billed units against the documented total. When the note says
    /// two different things, the lower figure is taken and the extra units are recouped.
    ///
    /// ## Example
    /// ```json
    /// {"lines": [{"code": "97110", "minutes": 30, "units": 2, "modifiers": ["GP"]}], "totalTimedMinutes": 45, "totalTreatmentMinutes": 45}
    /// ```
    ///
    /// ## Passes
    /// ```json
    /// {"lines": [{"code": "97110", "minutes": 30, "units": 2, "modifiers": ["GP"]}], "totalTimedMinutes": 30, "totalTreatmentMinutes": 40}
    /// ```
    ///
    /// ## Source
    /// CMS Pub. 100-02, ch. 15, §220.3.E (total timed minutes and total treatment time);
    /// CMS Pub. 100-04, ch. 5, §20.2.
    pub TOTAL_MINUTES_MISMATCH {
        id: "units/total-minutes-mismatch",
        severity: Warning,
        kind: Defect,
        dismissal: StillBlocks,
        source: "CMS Pub. 100-02, ch. 15, §220.3.E; CMS Pub. 100-04, ch. 5, §20.2",
        references: [
            BENEFIT_POLICY_CH15.at("§220.3 E"),
            CLAIMS_PROCESSING_CH5.at("§20.2"),
        ],
    }
}

pub(super) fn check(ctx: &Context<'_>, out: &mut Findings<'_>) {
    let note = ctx.note;
    let timed: Vec<_> = rows(ctx).filter(|r| r.is_timed15()).collect();
    if let Some(documented) = note.total_timed_minutes {
        if !timed.is_empty() && timed.iter().all(|r| r.line.minutes.is_some()) {
            let sum: u32 = timed.iter().filter_map(|r| r.line.minutes).sum();
            if sum != documented {
                out.push(
                    Diagnostic::new(
                        &TOTAL_MINUTES_MISMATCH,
                        format!("The note documents {documented} total timed minutes, but the timed services add up to {sum}."),
                    )
                    .field("totalTimedMinutes")
                    .fix("Correct the total timed minutes or the minutes of the services so that they agree.")
                    .edit(EditDraft::suggested(format!("Set the total timed minutes to {sum} (the services' minutes added up)")).set("totalTimedMinutes", sum)),
                );
            }
        }
    }
    if let (Some(timed_total), Some(treatment)) =
        (note.total_timed_minutes, note.total_treatment_minutes)
    {
        if treatment < timed_total {
            out.push(
                Diagnostic::new(
                    &TOTAL_MINUTES_MISMATCH,
                    format!("The total treatment time ({treatment} minutes) is shorter than the total timed minutes ({timed_total})."),
                )
                .field("totalTreatmentMinutes")
                .fix("Total treatment time counts timed and untimed minutes: correct whichever figure is wrong."),
            );
        }
    }
}
