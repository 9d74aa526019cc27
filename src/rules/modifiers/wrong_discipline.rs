use super::lists;
use crate::diagnostics::{declare_rule, Diagnostic};
use crate::edits::EditDraft;
use crate::policy::sources::CLAIMS_PROCESSING_CH5;
use crate::policy::modifiers::DISCIPLINE;
use crate::rules::context::{Context, Findings};

declare_rule! {
    /// A line's GP/GO/GN does not match the plan of care's discipline.
    ///
    /// ## What it checks
    /// Every billed line (units ≥ 1) carrying GP, GO or GN must carry the one that matches the
    /// note's discipline: GP on a PT plan of care, GO on OT, GN on SLP. A GO on a PT note, or
    /// GP and GO on the same line, is flagged whatever the payer.
    ///
    /// ## Why payers deny it
    /// The modifier tells the payer which plan of care and which therapy threshold the service
    /// belongs to; a mismatch is denied or counted against the wrong discipline, and
    /// institutional claims also check it against the revenue code.
    ///
    /// ## Example
    /// ```json
    /// {"lines": [{"code": "97110", "minutes": 25, "units": 2, "modifiers": ["GO"]}, {"code": "97140", "minutes": 15, "units": 1, "modifiers": ["GP"]}]}
    /// ```
    ///
    /// ## Passes
    /// ```json
    /// {"discipline": "OT", "lines": [{"code": "97110", "minutes": 25, "units": 2, "modifiers": ["GO"]}, {"code": "97140", "minutes": 15, "units": 1, "modifiers": ["GO"]}]}
    /// ```
    ///
    /// ## Source
    /// CMS Pub. 100-04, ch. 5, §20.1 (GP/GO/GN identify the plan of care the service is
    /// furnished under; one plan of care per line).
    pub WRONG_DISCIPLINE {
        id: "modifiers/wrong-discipline",
        severity: Error,
        kind: Defect,
        dismissal: StillBlocks,
        source: "CMS Pub. 100-04, ch. 5, §20.1",
        references: [
            CLAIMS_PROCESSING_CH5.at("§20.1"),
        ],
    }
}

pub(super) fn check(ctx: &Context<'_>, out: &mut Findings<'_>) {
    let wanted = ctx.note.discipline.modifier();
    let discipline = ctx.note.discipline.as_str();
    for (i, line) in ctx.note.lines.iter().enumerate() {
        if line.units == 0 {
            continue;
        }
        let has_wanted = line.has_modifier(wanted);
        for m in line
            .modifiers
            .iter()
            .filter(|m| DISCIPLINE.contains(&m.as_str()) && m.as_str() != wanted)
        {
            let field = format!("lines[{i}].modifiers");
            let (fix, edit) = if has_wanted {
                (
                    format!(
                        "Remove {m} from {}: a line carries one plan-of-care modifier, {wanted} here.",
                        line.code
                    ),
                    // The right modifier is on the line already: removing the other one
                    // cannot make the note less true.
                    EditDraft::safe(format!("Remove {m} from {}", line.code))
                        .set(field, lists::without(line, m)),
                )
            } else {
                (
                    format!(
                        "Replace {m} with {wanted} on {} (the plan of care is {discipline}).",
                        line.code
                    ),
                    // The line or the note's discipline is wrong: the therapist says which.
                    EditDraft::suggested(format!("Replace {m} with {wanted} on {}", line.code))
                        .set(field, lists::replaced(line, m, wanted)),
                )
            };
            out.push(
                Diagnostic::new(
                    &WRONG_DISCIPLINE,
                    format!("{} carries {m}, but the plan of care is {discipline}, whose lines carry {wanted}.", line.code),
                )
                .field(format!("lines[{i}].modifiers"))
                .anchor(m.as_str())
                .fix(fix)
                .edit(edit)
                .amount(ctx.payment.line(i)),
            );
        }
    }
}
