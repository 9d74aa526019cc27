use super::lists;
use crate::diagnostics::{declare_rule, Diagnostic};
use crate::edits::EditDraft;
use crate::policy::sources::{CLAIMS_PROCESSING_CH5, CMS_THERAPY_SERVICES, NGS_KX, NORIDIAN_KX, USC_1395L};
use crate::money::dollars;
use crate::rules::context::{Context, Findings};
use rust_decimal::Decimal;

declare_rule! {
    /// The visit takes the year's therapy spending over the KX threshold, and lines lack KX.
    ///
    /// ## What it checks
    /// Medicare adds up what it allows for a beneficiary's outpatient therapy each calendar
    /// year in two buckets: PT and SLP together, OT apart. When the spending before this
    /// visit (`episode.thresholdSpentBefore`) plus this visit's allowed amount goes over the
    /// year's KX threshold ($2,330 in 2024, $2,410 in 2025, $2,480 in 2026), or was over it
    /// already, every billed therapy line of the visit needs KX. Reaching the threshold
    /// exactly is not over it. The visit's amount is its expected payment after MPPR and the
    /// CQ/CO rate (coinsurance and deductible count toward the threshold). Medicare-rule
    /// packs only.
    ///
    /// ## Why payers deny it
    /// Lines above the threshold without KX are denied. KX attests that the services are
    /// medically necessary and that the record shows it.
    ///
    /// ## Example
    /// ```json
    /// {"episode": {"visitNumber": 5, "reportingPeriodDay": 5, "planOfCareStart": "2025-02-24", "planOfCareEnd": "2025-05-19", "certifiedOn": "2025-02-27", "authorizedVisits": 24, "authorizationEnd": "2025-05-19", "thresholdSpentBefore": "2350.00"}}
    /// ```
    ///
    /// ## Passes
    /// ```json
    /// {"episode": {"visitNumber": 5, "reportingPeriodDay": 5, "planOfCareStart": "2025-02-24", "planOfCareEnd": "2025-05-19", "certifiedOn": "2025-02-27", "authorizedVisits": 24, "authorizationEnd": "2025-05-19", "thresholdSpentBefore": "2350.00"}, "lines": [{"code": "97110", "minutes": 25, "units": 2, "modifiers": ["GP", "KX"]}, {"code": "97140", "minutes": 15, "units": 1, "modifiers": ["GP", "KX"]}]}
    /// ```
    ///
    /// ## Source
    /// 42 U.S.C. §1395l(g)(7); CMS Pub. 100-04, ch. 5, §10.3; the year's KX thresholds as CMS
    /// and its contractors publish them (CMS Therapy Services; National Government Services;
    /// Noridian) for CY 2023–2026.
    pub KX_REQUIRED {
        id: "modifiers/kx-required",
        severity: Error,
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
    let Some(t) = ctx.payment.threshold.as_ref().filter(|t| t.kx_required()) else {
        return;
    };
    let lacking: Vec<usize> = ctx
        .modifiers
        .therapy_lines
        .iter()
        .copied()
        .filter(|&i| ctx.note.lines.get(i).is_some_and(|l| !l.has_modifier("KX")))
        .collect();
    let Some(&first) = lacking.first() else {
        return;
    };
    let codes: Vec<&str> = lacking
        .iter()
        .filter_map(|&i| ctx.note.lines.get(i))
        .map(|l| l.code.as_str())
        .collect();
    let at_risk: Decimal = lacking.iter().filter_map(|&i| ctx.payment.line(i)).sum();
    let spending = if t.before > t.kx {
        format!(
            "{} spending this year was already {} before this visit, over the {} KX threshold of {}",
            t.bucket.label(),
            dollars(t.before),
            t.year,
            dollars(t.kx)
        )
    } else {
        format!(
            "This visit takes {} spending this year from {} to {}{}, over the {} KX threshold of {}",
            t.bucket.label(),
            dollars(t.before),
            if t.exact { "" } else { "at least " },
            dollars(t.after),
            t.year,
            dollars(t.kx)
        )
    };
    out.push(
        Diagnostic::new(&KX_REQUIRED, format!("{spending}; {} without KX would be denied.", codes.join(", ")))
            .field(format!("lines[{first}].modifiers"))
            .fix("Add KX to every therapy line of this visit if the services are medically necessary and the note shows why; otherwise discuss an ABN (GA) with the patient before treating.")
            // KX attests medical necessity: the therapist's to confirm.
            .edit(lacking.iter().fold(
                EditDraft::suggested(format!("Add KX to {} (the services are medically necessary, documented)", codes.join(", "))),
                |e, &i| match ctx.note.lines.get(i) {
                    Some(l) => e.set(format!("lines[{i}].modifiers"), lists::with(l, "KX")),
                    None => e,
                },
            ))
            .amount(Some(at_risk)),
    );
}
