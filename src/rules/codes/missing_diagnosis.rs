use crate::diagnostics::{declare_rule, Diagnostic};
use crate::policy::sources::{BENEFIT_POLICY_CH15, CLAIMS_PROCESSING_CH26};
use crate::note::PayerKind;
use crate::rules::context::{ChecklistItemKind, Context, Findings, ItemDraft};

declare_rule! {
    /// The visit has no diagnosis codes.
    ///
    /// ## What it checks
    /// `diagnoses` (the visit's ICD-10-CM codes, primary first) must be present and not
    /// empty on every note billed to a payer (self-pay notes are not checked).
    ///
    /// ## Why payers deny it
    /// A claim line must point to at least one diagnosis; without one it is rejected before it
    /// is even considered, and the plan of care must list the diagnoses treated.
    ///
    /// ## Example
    /// ```json
    /// {"diagnoses": null}
    /// ```
    ///
    /// ## Passes
    /// ```json
    /// {"diagnoses": ["M17.11"]}
    /// ```
    ///
    /// ## Source
    /// CMS Pub. 100-04, ch. 26 (claim diagnosis pointers, CMS-1500 item 21); CMS Pub. 100-02,
    /// ch. 15, §220.1.2 (the plan of care lists the diagnoses).
    pub MISSING_DIAGNOSIS {
        id: "codes/missing-diagnosis",
        severity: Error,
        kind: Missing,
        dismissal: StillBlocks,
        source: "CMS Pub. 100-04, ch. 26; CMS Pub. 100-02, ch. 15, §220.1.2",
        references: [
            CLAIMS_PROCESSING_CH26.at("§10.2, item 21"),
            BENEFIT_POLICY_CH15.at("§220.1.2"),
        ],
    }
}

pub(super) fn check(ctx: &Context<'_>, out: &mut Findings<'_>) {
    if ctx.note.payer.kind == PayerKind::SelfPay {
        return;
    }
    let done = ctx.note.diagnoses.as_ref().is_some_and(|d| !d.is_empty());
    out.item(
        ItemDraft::new(
            &MISSING_DIAGNOSIS,
            ChecklistItemKind::Diagnoses,
            "Diagnosis codes (ICD-10-CM)",
            done,
        )
        .field("diagnoses"),
    );
    if done {
        return;
    }
    out.push(
        Diagnostic::new(
            &MISSING_DIAGNOSIS,
            "The visit has no diagnosis codes, so its claim lines cannot be billed.",
        )
        .field("diagnoses")
        .fix("Enter the visit's ICD-10-CM codes, the treating diagnosis first.")
        .amount(ctx.payment.expected),
    );
}
