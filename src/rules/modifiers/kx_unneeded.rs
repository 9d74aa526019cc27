use super::lists;
use crate::diagnostics::{declare_rule, Diagnostic};
use crate::edits::EditDraft;
use crate::policy::sources::{CLAIMS_PROCESSING_CH5, CMS_THERAPY_SERVICES, NGS_KX, NORIDIAN_KX, USC_1395L};
use crate::money::dollars;
use crate::rules::context::{Context, Findings};

declare_rule! {
    /// KX is on a visit whose spending stays under the KX threshold.
    ///
    /// ## What it checks
    /// A billed therapy line carries KX while the spending in the note's threshold bucket
    /// (PT and SLP together, or OT) after this visit (`episode.thresholdSpentBefore` plus the
    /// visit's allowed amount) is at or under the year's KX threshold. Only checked when every
    /// line of the visit is priced, so that the spending after the visit is known. Medicare-rule
    /// packs only.
    ///
    /// ## Why we flag it
    /// KX attests that services above the threshold are medically necessary; on a visit under
    /// the threshold the attestation is premature. Routine KX use is a pattern contractors
    /// look for in data analysis, and a spending figure that disagrees with the claim history
    /// should be checked before the claim goes out.
    ///
    /// ## Example
    /// ```json
    /// {"lines": [{"code": "97110", "minutes": 25, "units": 2, "modifiers": ["GP", "KX"]}, {"code": "97140", "minutes": 15, "units": 1, "modifiers": ["GP", "KX"]}]}
    /// ```
    ///
    /// ## Passes
    /// ```json
    /// {"episode": {"visitNumber": 5, "reportingPeriodDay": 5, "planOfCareStart": "2025-02-24", "planOfCareEnd": "2025-05-19", "certifiedOn": "2025-02-27", "authorizedVisits": 24, "authorizationEnd": "2025-05-19", "thresholdSpentBefore": "2400.00"}, "lines": [{"code": "97110", "minutes": 25, "units": 2, "modifiers": ["GP", "KX"]}, {"code": "97140", "minutes": 15, "units": 1, "modifiers": ["GP", "KX"]}]}
    /// ```
    ///
    /// ## Source
    /// 42 U.S.C. §1395l(g)(7); CMS Pub. 100-04, ch. 5, §10.3; the year's KX thresholds as CMS
    /// and its contractors publish them (CMS Therapy Services; National Government Services;
    /// Noridian).
    pub KX_UNNEEDED {
        id: "modifiers/kx-unneeded",
        severity: Warning,
        kind: Defect,
        dismissal: StillBlocks,
        source: "42 U.S.C. §1395l(g)(7); CMS annual therapy KX thresholds",
        references: [
            USC_1395L.at("(g)(7)"),
            CLAIMS_PROCESSING_CH5.at("§10.3"),
            CMS_THERAPY_SERVICES.whole(),
            NGS_KX.whole().year(2024),
            NORIDIAN_KX.whole(),
        ],
    }
}

pub(super) fn check(ctx: &Context<'_>, out: &mut Findings<'_>) {
    if !ctx.payer.medicare_rules {
        return;
    }
    let Some(t) = ctx.payment.threshold.as_ref().filter(|t| t.stays_under()) else {
        return;
    };
    let Some(first) =
        ctx.modifiers.therapy_lines.iter().copied().find(|&i| {
        ctx.note.lines.get(i).is_some_and(|l| l.has_modifier("KX"))
    })
    else {
        return;
    };
    out.push(
        Diagnostic::new(
            &KX_UNNEEDED,
            format!(
                "KX is billed, but {} spending this year comes to {} after this visit, within the {} KX threshold of {}.",
                t.bucket.label(),
                dollars(t.after),
                t.year,
                dollars(t.kx)
            ),
        )
        .field(format!("lines[{first}].modifiers"))
        .fix("Remove KX from this visit's lines, or correct the spending before this visit if the claim history shows more.")
        // Under the threshold KX attests nothing the claim needs: removing it is safe.
        .edit(ctx.modifiers.therapy_lines.iter().fold(
            EditDraft::safe("Remove KX from this visit's lines"),
            |e, &i| match ctx.note.lines.get(i).filter(|l| l.has_modifier("KX")) {
                Some(l) => e.set(format!("lines[{i}].modifiers"), lists::without(l, "KX")),
                None => e,
            },
        )),
    );
}
