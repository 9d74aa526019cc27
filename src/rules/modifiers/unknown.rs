use crate::diagnostics::{declare_rule, Diagnostic};
use crate::policy::sources::{CPT, HCPCS};
use crate::policy::modifiers;
use crate::rules::context::{Context, Findings};

declare_rule! {
    /// A line carries a modifier chartlint does not know.
    ///
    /// ## What it checks
    /// Every modifier on every line is looked up in chartlint's list: the therapy modifiers
    /// (GP, GO, GN, CQ, CO, KX, 59, XE, XS, XP, XU), the liability modifiers (GA, GX, GY, GZ),
    /// 52, and the anatomic, repeat and telehealth modifiers a therapy line may legitimately
    /// carry (LT, RT, 50, 76, 77, 95, 93, FQ, FR, GT, CR, CS and a few others). Anything
    /// else is flagged, usually a typo.
    ///
    /// ## Why we flag it
    /// A mistyped modifier is at best ignored and at worst rejects the line; either way
    /// chartlint cannot check what it does to payment, and the therapist should know.
    ///
    /// ## Example
    /// ```json
    /// {"lines": [{"code": "97110", "minutes": 25, "units": 2, "modifiers": ["GP", "G9"]}, {"code": "97140", "minutes": 15, "units": 1, "modifiers": ["GP"]}]}
    /// ```
    ///
    /// ## Passes
    /// ```json
    /// {"lines": [{"code": "97110", "minutes": 25, "units": 2, "modifiers": ["GP", "RT"]}, {"code": "97140", "minutes": 15, "units": 1, "modifiers": ["GP"]}]}
    /// ```
    ///
    /// ## Source
    /// AMA CPT Appendix A (modifiers); CMS HCPCS Level II modifiers.
    pub UNKNOWN {
        id: "modifiers/unknown",
        severity: Warning,
        kind: Defect,
        dismissal: StillBlocks,
        source: "AMA CPT Appendix A; CMS HCPCS Level II modifiers",
        references: [
            CPT.at("Appendix A"),
            HCPCS.at("modifiers"),
        ],
    }
}

pub(super) fn check(ctx: &Context<'_>, out: &mut Findings<'_>) {
    for (i, line) in ctx.note.lines.iter().enumerate() {
        for (k, m) in line.modifiers.iter().enumerate() {
            if modifiers::is_known(m) {
                continue;
            }
            out.push(
                Diagnostic::new(&UNKNOWN, format!("{m} on {} is not a modifier chartlint knows, so its effect on payment is not checked.", line.code))
                    .field(format!("lines[{i}].modifiers[{k}]"))
                    .fix("Check the modifier against the payer's list; therapy lines usually carry GP, GO or GN, and sometimes CQ/CO, KX, 59 or XE/XS/XP/XU."),
            );
        }
    }
}
