use crate::facts::modifiers::has_discipline_modifier;
use super::lists;
use crate::diagnostics::{declare_rule, Diagnostic};
use crate::edits::EditDraft;
use crate::policy::sources::{CLAIMS_PROCESSING_CH5, CMS_CR10176};
use crate::policy::codes;
use crate::rules::context::{Context, Findings};

declare_rule! {
    /// A billed therapy line has no GP, GO or GN where the payer requires one.
    ///
    /// ## What it checks
    /// When the payer's rule pack requires discipline modifiers (Medicare, and by default
    /// Medicare Advantage and Medicaid), every billed line (units ≥ 1) of a therapy code must
    /// carry the modifier of the plan of care it is furnished under: GP for physical therapy,
    /// GO for occupational therapy, GN for speech-language pathology. A line with 0 units is
    /// not on the claim and is not checked; a line carrying the wrong one of the three is
    /// reported by `modifiers/wrong-discipline` instead.
    ///
    /// ## Why payers deny it
    /// Medicare edits "always therapy" codes: a line without GP/GO/GN is returned unpaid, and
    /// the annual therapy threshold is tracked through these modifiers.
    ///
    /// ## Example
    /// ```json
    /// {"lines": [{"code": "97110", "minutes": 25, "units": 2}, {"code": "97140", "minutes": 15, "units": 1, "modifiers": ["GP"]}]}
    /// ```
    ///
    /// ## Passes
    /// ```json
    /// {"lines": [{"code": "97110", "minutes": 25, "units": 2, "modifiers": ["GP"]}, {"code": "97140", "minutes": 15, "units": 1, "modifiers": ["GP"]}]}
    /// ```
    ///
    /// ## Source
    /// CMS Pub. 100-04, ch. 5, §20.1 (discipline modifiers, all claims); CMS Transmittal 3814
    /// / CR 10176 ("always therapy" editing).
    pub MISSING_DISCIPLINE {
        id: "modifiers/missing-discipline",
        severity: Error,
        kind: Defect,
        dismissal: StillBlocks,
        source: "CMS Pub. 100-04, ch. 5, §20.1; CR 10176",
        references: [
            CLAIMS_PROCESSING_CH5.at("§20.1"),
            CMS_CR10176.whole().year(2017),
        ],
    }
}

pub(super) fn check(ctx: &Context<'_>, out: &mut Findings<'_>) {
    if !ctx.payer.require_discipline_modifiers {
        return;
    }
    let wanted = ctx.note.discipline.modifier();
    for (i, line) in ctx.note.lines.iter().enumerate() {
        if line.units == 0 || codes::lookup(&line.code).is_none() || has_discipline_modifier(line) {
            continue;
        }
        out.push(
            Diagnostic::new(
                &MISSING_DISCIPLINE,
                format!("{} has no GP, GO or GN: the payer returns therapy lines without the plan-of-care modifier unpaid.", line.code),
            )
            .field(format!("lines[{i}].modifiers"))
            .fix(format!(
                "Add {wanted} to {}: the service is furnished under the {} plan of care.",
                line.code,
                ctx.note.discipline.as_str()
            ))
            // The note's discipline decides the modifier: adding it cannot make the note
            // less true.
            .edit(
                EditDraft::safe(format!("Add {wanted} to {}", line.code))
                    .set(format!("lines[{i}].modifiers"), lists::with(line, wanted)),
            )
            .amount(ctx.payment.unit_value(&line.code).map(|v| v * rust_decimal::Decimal::from(line.units))),
        );
    }
}
