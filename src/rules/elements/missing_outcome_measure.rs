use super::wording::a_note;
use crate::diagnostics::{declare_rule, Diagnostic};
use crate::policy::sources::{BENEFIT_POLICY_CH15, CPT};
use crate::policy::elements::Element;
use crate::rules::context::{Context, Findings};
use crate::rules::templates::insert_block;

declare_rule! {
    /// An evaluation, progress report, recertification or discharge names no standardized
    /// outcome measure with a score.
    ///
    /// ## What it checks
    /// These notes (see `config.requirements`) must report a standardized outcome measure
    /// with its score: LEFS, ODI/Oswestry, NDI, DASH/QuickDASH, Berg (BBS), TUG, 6MWT, 10MWT,
    /// FOTO, COPM, FIM, Section GG, PSFS, ABC, Tinetti/POMA, DGI/FGA, 5xSTS, 30 s chair stand,
    /// KOOS/HOOS, SPADI, Barthel, AM-PAC, FOIS, MBSImP, PHQ, FACS/NOMS, SLUMS/MoCA, WAB, BNT,
    /// CELF, GFTA and others. A measure "not administered" or "to be scored" does not count.
    ///
    /// ## Why payers deny it
    /// Evaluations and re-evaluations must use standardized tests and measurable outcome
    /// assessments (they are part of the CPT evaluation codes), and progress and discharge
    /// reports compare them; payers and MACs look for them to judge progress.
    ///
    /// ## Example
    /// ```json
    /// {"noteType": "progress", "text": "O: Knee flexion 110 deg (was 95 deg at eval).\nA: Quad weakness limits stairs. Verbal cues needed.\nLTG 1: ascend 12 stairs with 1 rail, modified independent, in 4 weeks - partially met.\nP: Next visit progress step-ups.\nDana Lee, PT, DPT"}
    /// ```
    ///
    /// ## Passes
    /// ```json
    /// {"noteType": "progress", "text": "O: Knee flexion 110 deg (was 95 deg at eval). LEFS 52/80 (was 38/80 at eval).\nA: Quad weakness limits stairs. Verbal cues needed.\nLTG 1: ascend 12 stairs with 1 rail, modified independent, in 4 weeks - partially met.\nP: Next visit progress step-ups.\nDana Lee, PT, DPT"}
    /// ```
    ///
    /// ## Source
    /// CMS Pub. 100-02, ch. 15, §220.3 C (objective measures; recommended standardized
    /// instruments) and §220.3 D; CPT evaluation descriptors 97161–97168 (standardized
    /// patient assessment instrument and/or measurable assessment of functional outcome).
    pub MISSING_OUTCOME_MEASURE {
        id: "elements/missing-outcome-measure",
        severity: Warning,
        kind: Missing,
        dismissal: Clears,
        source: "CMS Pub. 100-02, ch. 15, §220.3 C–D",
        references: [
            BENEFIT_POLICY_CH15.at("§220.3 C–D"),
            CPT.at("97161–97168 descriptors"),
        ],
    }
}

pub(super) fn check(ctx: &Context<'_>, out: &mut Findings<'_>) {
    if !ctx.element_required(Element::OutcomeMeasure) || !ctx.text.outcome_measures.is_empty() {
        return;
    }
    out.push(
        Diagnostic::new(&MISSING_OUTCOME_MEASURE, format!("{} reports no standardized outcome measure with a score.", a_note(ctx)))
            .fix("Give at least one standardized measure and its score, e.g. \"LEFS 52/80\", \"Berg 44/56\", \"TUG 14.2 s\", \"FOIS level 5\".")
            .edit(insert_block(
                ctx,
                "Insert an outcome measure line to complete",
                "Outcome measure: [[standardized measure]] [[score]]",
            )),
    );
}
