use crate::diagnostics::{declare_rule, Diagnostic};
use crate::policy::sources::{CPT, HCPCS};
use crate::policy::codes;
use crate::rules::context::{Context, Findings};

declare_rule! {
    /// A billed code is not one chartlint knows.
    ///
    /// ## What it checks
    /// Every line's code is looked up in chartlint's table of PT, OT and SLP codes (timed,
    /// untimed, evaluations, SLP and testing codes). A code not in the table is flagged, and
    /// its units are not checked; a code that is not even shaped like a CPT or HCPCS code
    /// (five characters) is called out as a likely typo.
    ///
    /// ## Why we flag it
    /// A typo in a code is a rejected claim line; a code outside therapy may be billed under
    /// the wrong plan of care. Either way chartlint cannot check its minutes and units, and
    /// the therapist should know that.
    ///
    /// ## Example
    /// ```json
    /// {"lines": [{"code": "97111", "minutes": 30, "units": 2, "modifiers": ["GP"]}]}
    /// ```
    ///
    /// ## Passes
    /// ```json
    /// {"lines": [{"code": "97110", "minutes": 30, "units": 2, "modifiers": ["GP"]}], "totalTimedMinutes": 30, "totalTreatmentMinutes": 30}
    /// ```
    ///
    /// ## Source
    /// AMA CPT code set; CMS HCPCS Level II (the therapy codes of the physician fee
    /// schedule).
    pub UNKNOWN_CODE {
        id: "codes/unknown-code",
        severity: Warning,
        kind: Defect,
        dismissal: StillBlocks,
        source: "AMA CPT code set; CMS HCPCS Level II",
        references: [
            CPT.whole(),
            HCPCS.whole(),
        ],
    }
}

pub(super) fn check(ctx: &Context<'_>, out: &mut Findings<'_>) {
    for (i, line) in ctx.note.lines.iter().enumerate() {
        if codes::lookup(&line.code).is_some() {
            continue;
        }
        let (message, fix) = if codes::looks_like_code(&line.code) {
            (
                format!("{} is not a therapy code chartlint knows, so its units are not checked.", line.code),
                "Check the code against the CPT book; therapy codes are mostly 97xxx, 92xxx and G0283.",
            )
        } else {
            (
                format!("Line {} has a code that is not shaped like a CPT or HCPCS code (five characters).", i + 1),
                "Correct the code: CPT codes are five digits (97110), HCPCS codes a letter and four digits (G0283).",
            )
        };
        out.push(
            Diagnostic::new(&UNKNOWN_CODE, message)
                .field(format!("lines[{i}].code"))
                .fix(fix),
        );
    }
}
