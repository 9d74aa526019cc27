use crate::facts::modifiers::{assistant_modifier, AssistantBasis};
use super::lists;
use crate::diagnostics::{declare_rule, Diagnostic};
use crate::edits::EditDraft;
use serde_json::json;
use crate::policy::sources::{CLAIMS_PROCESSING_CH5, CMS_CQ_CO_EXAMPLES, PFS_FINAL_RULES, SSA_1834};
use crate::policy::modifiers::ASSISTANT;
use crate::rules::context::{Context, Findings};
use rust_decimal::Decimal;

declare_rule! {
    /// An assistant furnished the service (or some of its units) and CQ/CO is missing.
    ///
    /// ## What it checks
    /// When the payer's rule pack requires assistant modifiers (Medicare; by default also
    /// Medicare Advantage and Medicaid), a PT service furnished in whole or in part by a PTA
    /// needs CQ, and an OT service by an OTA needs CO. "In part" follows CMS's de minimis
    /// standard, applied as CMS describes:
    ///
    /// - The note's provider is a PTA/OTA and the line gives no `assistantMinutes`: the whole
    ///   service was the assistant's.
    /// - `assistantMinutes` (the assistant's independent minutes; minutes spent together
    ///   count as the therapist's) on a **15-minute code**: each full 15 minutes belongs to
    ///   whoever furnished it; of the minutes left over, a final unit goes to whoever furnished
    ///   more of them (a tie to the assistant), and when two partial units remain each gets
    ///   one. The billed units beyond the therapist's need CQ/CO, so such a line is often
    ///   split into one line with the modifier and one without.
    /// - On an **untimed code**, the whole service: CQ/CO when the assistant furnished more
    ///   than 10% of its minutes.
    ///
    /// Evaluations are not checked (an assistant cannot furnish them), nor SLP services (there
    /// is no SLP assistant modifier). A line carrying the other assistant modifier is left to
    /// `modifiers/assistant-wrong-discipline`.
    ///
    /// ## Why payers deny it
    /// Since 2022 Medicare pays services furnished in whole or in part by an assistant at 85%;
    /// a line billed without CQ/CO is an overpayment, recouped on review, and a pattern of them
    /// is a compliance finding.
    ///
    /// ## Example
    /// ```json
    /// {"provider": {"role": "PTA", "name": "Sam Ortiz", "credentials": "PTA"}}
    /// ```
    ///
    /// ## Passes
    /// ```json
    /// {"provider": {"role": "PTA", "name": "Sam Ortiz", "credentials": "PTA"}, "lines": [{"code": "97110", "minutes": 25, "units": 2, "modifiers": ["GP", "CQ"]}, {"code": "97140", "minutes": 15, "units": 1, "modifiers": ["GP", "CQ"]}]}
    /// ```
    ///
    /// ## Source
    /// Social Security Act §1834(v) (BBA 2018 §53107); CY 2020 Medicare Physician Fee
    /// Schedule final rule, 84 FR 62702–62707 (10% de minimis); CY 2022 final rule and CMS
    /// "Billing Examples Using CQ/CO Modifiers"; CMS Pub. 100-04, ch. 5, §20.1.
    pub ASSISTANT_REQUIRED {
        id: "modifiers/assistant-required",
        severity: Error,
        kind: Defect,
        dismissal: StillBlocks,
        source: "SSA §1834(v); CY 2020 and CY 2022 PFS final rules (CQ/CO de minimis); CMS Pub. 100-04, ch. 5, §20.1",
        references: [
            SSA_1834.at("(v)"),
            PFS_FINAL_RULES.at("CY 2020, 84 FR 62702–62707").year(2019),
            PFS_FINAL_RULES.at("CY 2022").year(2021),
            CMS_CQ_CO_EXAMPLES.whole(),
            CLAIMS_PROCESSING_CH5.at("§20.1"),
        ],
    }
}

pub(super) fn check(ctx: &Context<'_>, out: &mut Findings<'_>) {
    let Some(modifier) = assistant_modifier(ctx.note.discipline) else {
        return;
    };
    let assistant = if modifier == "CQ" { "PTA" } else { "OTA" };
    let therapist = if modifier == "CQ" { "PT" } else { "OT" };
    for (i, line) in ctx.note.lines.iter().enumerate() {
        if line.has_modifier(modifier)
            || line
                .modifiers
                .iter()
                .any(|m| ASSISTANT.contains(&m.as_str()))
        {
            continue;
        }
        let Some(need) = ctx.modifiers.assistant.get(i).copied().flatten() else {
            continue;
        };
        let code = &line.code;
        let (message, fix) = match need.basis {
            AssistantBasis::WholeByRole => (
                format!(
                    "The note's provider is {} {assistant}, so {code} was furnished by an assistant and needs {modifier}.",
                    if assistant.starts_with('O') { "an" } else { "a" }
                ),
                format!("Add {modifier} to {code} (beside {}).", ctx.note.discipline.modifier()),
            ),
            AssistantBasis::Timed { assistant: a, minutes } if need.units < line.units => (
                format!(
                    "The {assistant} furnished {a} of {code}'s {minutes} minutes on their own, so {} of its {} units {} the {assistant}'s and {} {modifier}.",
                    need.units,
                    line.units,
                    if need.units == 1 { "is" } else { "are" },
                    if need.units == 1 { "needs" } else { "need" },
                ),
                format!(
                    "Bill {code} on two lines: {} with {modifier} and {} without.",
                    need.units,
                    line.units - need.units
                ),
            ),
            AssistantBasis::Timed { assistant: a, minutes } => (
                format!("The {assistant} furnished {a} of {code}'s {minutes} minutes on their own: every billed unit belongs to the {assistant} and needs {modifier}."),
                format!("Add {modifier} to {code}."),
            ),
            AssistantBasis::Untimed { assistant: a, minutes } => (
                format!("The {assistant} furnished {a} of {code}'s {minutes} minutes on their own, more than the 10% CMS allows before {modifier} is needed."),
                format!("Add {modifier} to {code}."),
            ),
            AssistantBasis::MinutesMissing { assistant: a } => (
                format!("The {assistant} furnished {a} minutes of {code} on their own, and the line's minutes are not documented, so the 10% de minimis cannot be shown."),
                format!("Document {code}'s minutes (the {therapist}'s and the {assistant}'s), or add {modifier}."),
            ),
        };
        let field = format!("lines[{i}].modifiers");
        let add = |a: crate::edits::Applicability| {
            EditDraft::new(a, format!("Add {modifier} to {code}"))
                .set(field.clone(), lists::with(line, modifier))
        };
        let edit = match need.basis {
            // The provider's role, or the assistant's minutes the EMR recorded, decide it:
            // the modifier states what the note already says.
            AssistantBasis::WholeByRole
            | AssistantBasis::Untimed { .. }
            | AssistantBasis::Timed { .. }
                if need.units >= line.units =>
            {
                Some(add(crate::edits::Applicability::Safe))
            }
            AssistantBasis::Timed { assistant: a, minutes } => {
                // The assistant's units on a line of their own, with their minutes, as CMS's
                // CQ/CO billing examples show: a choice to confirm.
                Some(
                    EditDraft::suggested(format!(
                        "Bill {code} on two lines: {} with {modifier}, {} without",
                        need.units,
                        line.units - need.units
                    ))
                    .set(format!("lines[{i}].units"), line.units - need.units)
                    .set(format!("lines[{i}].minutes"), minutes.saturating_sub(a))
                    .set(format!("lines[{i}].assistantMinutes"), serde_json::Value::Null)
                    .set(
                        format!("lines[{}]", ctx.note.lines.len()),
                        json!({
                            "code": code,
                            "minutes": a,
                            "units": need.units,
                            "modifiers": lists::with(line, modifier),
                            "assistantMinutes": a,
                        }),
                    ),
                )
            }
            AssistantBasis::Untimed { .. } | AssistantBasis::WholeByRole => {
                Some(add(crate::edits::Applicability::Safe))
            }
            AssistantBasis::MinutesMissing { .. } => Some(add(crate::edits::Applicability::Suggested)),
        };
        // The overpayment: 15% of the units that should carry the modifier.
        let amount = ctx
            .payment
            .unit_value(code)
            .map(|v| v * Decimal::from(need.units) * Decimal::new(15, 2));
        out.push(
            Diagnostic::new(&ASSISTANT_REQUIRED, message)
                .field(format!("lines[{i}].modifiers"))
                .fix(fix)
                .edits(edit)
                .amount(amount),
        );
    }
}
