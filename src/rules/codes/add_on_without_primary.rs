use crate::diagnostics::{declare_rule, Diagnostic};
use crate::edits::EditDraft;
use crate::policy::sources::CPT;
use crate::policy::codes;
use crate::rules::context::{Context, Findings};

declare_rule! {
    /// An add-on code is billed without its primary code.
    ///
    /// ## What it checks
    /// Add-on codes describe additional time after a first block: 97130 (each additional 15
    /// minutes of cognitive function intervention) needs 97129 on the same visit; 92608 needs
    /// 92607 and 92618 needs 92605 (AAC device evaluation, each additional 30 minutes).
    ///
    /// ## Why payers deny it
    /// An add-on code is never paid alone: the line is denied when its primary code is not on
    /// the claim for the same date.
    ///
    /// ## Example
    /// ```json
    /// {"discipline": "SLP", "lines": [{"code": "97130", "minutes": 15, "units": 1, "modifiers": ["GN"]}], "totalTimedMinutes": 15, "totalTreatmentMinutes": 15}
    /// ```
    ///
    /// ## Passes
    /// ```json
    /// {"discipline": "SLP", "lines": [{"code": "97129", "minutes": 15, "units": 1, "modifiers": ["GN"]}, {"code": "97130", "minutes": 15, "units": 1, "modifiers": ["GN"]}], "totalTimedMinutes": 30, "totalTreatmentMinutes": 30}
    /// ```
    ///
    /// ## Source
    /// CPT descriptors for 97129/97130 and 92605/92618, 92607/92608 (add-on codes: reported
    /// with their primary code).
    pub ADD_ON_WITHOUT_PRIMARY {
        id: "codes/add-on-without-primary",
        severity: Error,
        kind: Defect,
        dismissal: StillBlocks,
        source: "CPT add-on code descriptors (97130, 92608, 92618)",
        references: [
            CPT.at("97129, 97130, 92605, 92607, 92608, 92618 descriptors"),
        ],
    }
}

pub(super) fn check(ctx: &Context<'_>, out: &mut Findings<'_>) {
    for (i, line) in ctx.note.lines.iter().enumerate() {
        let Some(info) = codes::lookup(&line.code) else {
            continue;
        };
        if !info.add_on || line.units == 0 {
            continue;
        }
        let primary = codes::primary_of(info);
        if ctx
            .note
            .lines
            .iter()
            .any(|l| l.code == primary && l.units > 0)
        {
            continue;
        }
        out.push(
            Diagnostic::new(
                &ADD_ON_WITHOUT_PRIMARY,
                format!(
                    "{} is an add-on code, billed without its primary code {primary}.",
                    line.code
                ),
            )
            .field(format!("lines[{i}].code"))
            .fix(format!(
                "Bill the first unit as {primary} and only the additional time as {}.",
                line.code
            ))
            // One unit is the first block itself: billed under the primary code. With more
            // units, how the minutes divide between the two lines is the therapist's to
            // document, so no edit is offered.
            .edits((line.units == 1).then(|| {
                EditDraft::suggested(format!("Bill this unit as {primary}"))
                    .set(format!("lines[{i}].code"), primary)
            })),
        );
    }
}
