use crate::facts::modifiers::assistant_modifier;
use super::lists;
use crate::diagnostics::{declare_rule, Diagnostic};
use crate::edits::EditDraft;
use crate::policy::sources::{CLAIMS_PROCESSING_CH5, CMS_CQ_CO_EXAMPLES};
use crate::note::Discipline;
use crate::policy::modifiers::ASSISTANT;
use crate::rules::context::{Context, Findings};

declare_rule! {
    /// CQ on an OT or SLP line, or CO on a PT or SLP line.
    ///
    /// ## What it checks
    /// CQ marks a physical therapy service furnished in whole or in part by a PTA and goes
    /// with GP; CO marks an occupational therapy service by an OTA and goes with GO. Any line
    /// whose assistant modifier does not match the note's discipline is flagged (SLP services
    /// have no assistant modifier at all).
    ///
    /// ## Why payers deny it
    /// A CQ/CO that contradicts the plan of care's discipline is rejected by the claim edits,
    /// and the payment reduction is applied to the wrong service.
    ///
    /// ## Example
    /// ```json
    /// {"lines": [{"code": "97110", "minutes": 25, "units": 2, "modifiers": ["GP", "CO"]}, {"code": "97140", "minutes": 15, "units": 1, "modifiers": ["GP"]}]}
    /// ```
    ///
    /// ## Passes
    /// ```json
    /// {"provider": {"role": "PTA", "name": "Sam Ortiz", "credentials": "PTA"}, "lines": [{"code": "97110", "minutes": 25, "units": 2, "modifiers": ["GP", "CQ"]}, {"code": "97140", "minutes": 15, "units": 1, "modifiers": ["GP", "CQ"]}]}
    /// ```
    ///
    /// ## Source
    /// CMS Pub. 100-04, ch. 5, §20.1 (CQ with GP, CO with GO); CMS "Billing Examples Using
    /// CQ/CO Modifiers".
    pub ASSISTANT_WRONG_DISCIPLINE {
        id: "modifiers/assistant-wrong-discipline",
        severity: Error,
        kind: Defect,
        dismissal: StillBlocks,
        source: "CMS Pub. 100-04, ch. 5, §20.1",
        references: [
            CLAIMS_PROCESSING_CH5.at("§20.1"),
            CMS_CQ_CO_EXAMPLES.whole(),
        ],
    }
}

pub(super) fn check(ctx: &Context<'_>, out: &mut Findings<'_>) {
    let wanted = assistant_modifier(ctx.note.discipline);
    let discipline = ctx.note.discipline.as_str();
    for (i, line) in ctx.note.lines.iter().enumerate() {
        for m in line
            .modifiers
            .iter()
            .filter(|m| ASSISTANT.contains(&m.as_str()) && Some(m.as_str()) != wanted)
        {
            let meaning = if m == "CQ" {
                "a PTA's part in a PT service"
            } else {
                "an OTA's part in an OT service"
            };
            let fix = match (wanted, ctx.note.discipline) {
                (Some(w), _) => format!("Replace {m} with {w} on {} if the assistant furnished part of it; otherwise remove {m}.", line.code),
                (None, Discipline::SLP) => format!("Remove {m} from {}: speech-language pathology services have no assistant modifier.", line.code),
                (None, _) => format!("Remove {m} from {}.", line.code),
            };
            let field = format!("lines[{i}].modifiers");
            let remove = |a| {
                EditDraft::new(a, format!("Remove {m} from {}", line.code))
                    .set(field.clone(), lists::without(line, m))
            };
            let edits = match wanted {
                // Whether an assistant took part is the therapist's to say.
                Some(w) => vec![
                    EditDraft::suggested(format!("Replace {m} with {w} on {}", line.code))
                        .set(field.clone(), lists::replaced(line, m, w)),
                    remove(crate::edits::Applicability::Suggested),
                ],
                // No assistant modifier exists for the discipline: removing it is safe, unless
                // the line's full rate (no longer reduced by 15%) may take the year's spending
                // past the KX threshold, which then needs the therapist's attestation.
                None => vec![remove(if full_rate_stays_under_kx(ctx, i) {
                    crate::edits::Applicability::Safe
                } else {
                    crate::edits::Applicability::Suggested
                })],
            };
            out.push(
                Diagnostic::new(
                    &ASSISTANT_WRONG_DISCIPLINE,
                    format!("{} carries {m}, which marks {meaning}, but the plan of care is {discipline}.", line.code),
                )
                .field(format!("lines[{i}].modifiers"))
                .anchor(m.as_str())
                .fix(fix)
                .edits(edits)
                .amount(ctx.payment.line(i)),
            );
        }
    }
}

/// Whether line `i`, paid at its full rate instead of 85%, keeps the year's spending at or
/// under the KX threshold (or no threshold applies to the payer).
fn full_rate_stays_under_kx(ctx: &Context<'_>, i: usize) -> bool {
    if !ctx.payer.medicare_rules {
        return true;
    }
    let Some(t) = ctx.payment.threshold.as_ref() else {
        return true;
    };
    let Some(paid) = ctx.payment.line(i) else {
        return false;
    };
    let uplift = paid * rust_decimal::Decimal::new(15, 0) / rust_decimal::Decimal::new(85, 0);
    t.exact && t.after + uplift <= t.kx
}
