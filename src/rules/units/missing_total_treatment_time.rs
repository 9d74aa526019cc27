use crate::diagnostics::{declare_rule, Diagnostic};
use crate::policy::sources::{APTA_DOCUMENTATION, BENEFIT_POLICY_CH15};
use crate::edits::EditDraft;
use crate::rules::context::{ChecklistItemKind, Context, Findings, ItemDraft};

declare_rule! {
    /// The note does not document the total treatment time.
    ///
    /// ## What it checks
    /// For payers whose pack sets `requireTotalTreatmentTime` (Medicare by default), a note
    /// with billed services must document the total treatment time in minutes (timed plus
    /// untimed services, excluding rest and other non-billable time), either in
    /// `totalTreatmentMinutes` or written in the note's text.
    ///
    /// ## Why payers deny it
    /// Medicare requires every treatment note to record both total timed-code minutes and
    /// total treatment time; missing time totals are among the top causes of Medicare
    /// improper payments for therapy.
    ///
    /// ## Example
    /// ```json
    /// {"totalTreatmentMinutes": null, "text": "Therapeutic exercise for hip strength with cues for form."}
    /// ```
    ///
    /// ## Passes
    /// ```json
    /// {"totalTreatmentMinutes": 40}
    /// ```
    ///
    /// ## Source
    /// CMS Pub. 100-02, ch. 15, §220.3.E; APTA Integrity in Practice, documentation risk
    /// areas.
    pub MISSING_TOTAL_TREATMENT_TIME {
        id: "units/missing-total-treatment-time",
        severity: Warning,
        kind: Missing,
        dismissal: StillBlocks,
        source: "CMS Pub. 100-02, ch. 15, §220.3.E",
        references: [
            BENEFIT_POLICY_CH15.at("§220.3 E"),
            APTA_DOCUMENTATION.whole(),
        ],
    }
}

pub(super) fn check(ctx: &Context<'_>, out: &mut Findings<'_>) {
    let note = ctx.note;
    if !ctx.payer.require_total_treatment_time || note.lines.iter().all(|l| l.units == 0) {
        return;
    }
    let written = ctx.text.total_treatment.map(|m| m.span);
    let done = note.total_treatment_minutes.is_some() || ctx.text.total_treatment_minutes.is_some();
    out.item(
        ItemDraft::new(
            &MISSING_TOTAL_TREATMENT_TIME,
            ChecklistItemKind::TotalTreatmentMinutes,
            "Total treatment time",
            done,
        )
        .field("totalTreatmentMinutes")
        .spans(written),
    );
    if done {
        return;
    }
    // When every service carries its minutes, their sum is the treatment time the note
    // documents: offered for the therapist to confirm (rest and non-billable time excluded).
    let sum: Option<u32> = note.lines.iter().map(|l| l.minutes).sum();
    out.push(
        Diagnostic::new(
            &MISSING_TOTAL_TREATMENT_TIME,
            "The total treatment time in minutes is not documented.",
        )
        .field("totalTreatmentMinutes")
        .fix("Record the total treatment time (timed and untimed services, in minutes).")
        .edits(sum.filter(|&m| m > 0).map(|m| {
            EditDraft::suggested(format!(
                "Enter {m} minutes of total treatment time (the services' minutes added up)"
            ))
            .set("totalTreatmentMinutes", m)
        })),
    );
}
