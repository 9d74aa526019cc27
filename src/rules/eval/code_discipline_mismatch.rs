use crate::diagnostics::{declare_rule, Diagnostic};
use crate::edits::EditDraft;
use crate::policy::sources::{BENEFIT_POLICY_CH15, CPT};
use crate::note::{Discipline, Role};
use crate::policy::codes::EvalKind;
use crate::rules::context::{Context, Findings};

declare_rule! {
    /// An evaluation code of another discipline, or an evaluation billed by an assistant.
    ///
    /// ## What it checks
    /// PT evaluation codes (97161–97164) belong on a PT plan of care, OT codes (97165–97168)
    /// on an OT plan and SLP evaluation codes (92521–92524, 92610–92612) on an SLP plan; a billed
    /// evaluation or re-evaluation code of another discipline is flagged, and so is one
    /// written by a therapist of another discipline (a PT billing an OT evaluation). An
    /// evaluation or re-evaluation written by an assistant (PTA, OTA, SLPA) or a student is
    /// flagged too: the therapist evaluates and bills it.
    ///
    /// ## Why payers deny it
    /// Discipline-specific evaluation codes must match the plan of care and its modifier
    /// (GP, GO, GN), or the line is rejected. Medicare does not let assistants provide
    /// evaluative or assessment services or make clinical judgments, so an evaluation
    /// furnished by one is not payable.
    ///
    /// ## Example
    /// ```json
    /// {"noteType": "evaluation", "lines": [{"code": "97165", "units": 1, "modifiers": ["GP"]}], "totalTimedMinutes": 0, "totalTreatmentMinutes": 30, "evaluation": {"historyFactors": 0, "examElements": 2, "clinicalPresentation": "stable", "decisionMaking": "low"}}
    /// ```
    ///
    /// ## Passes
    /// ```json
    /// {"noteType": "evaluation", "lines": [{"code": "97161", "units": 1, "modifiers": ["GP"]}], "totalTimedMinutes": 0, "totalTreatmentMinutes": 30, "evaluation": {"historyFactors": 0, "examElements": 2, "clinicalPresentation": "stable", "decisionMaking": "low"}}
    /// ```
    ///
    /// ## Source
    /// CPT 97161–97168, 92521–92524 and 92610–92612 descriptors; CMS Pub. 100-02, ch. 15,
    /// §230.1–230.2 (assistants may not provide evaluative or assessment services).
    pub CODE_DISCIPLINE_MISMATCH {
        id: "eval/code-discipline-mismatch",
        severity: Error,
        kind: Defect,
        dismissal: StillBlocks,
        source: "CPT evaluation code descriptors; CMS Pub. 100-02, ch. 15, §230.1–230.2",
        references: [
            CPT.at("97161–97168, 92521–92524, 92610–92612 descriptors"),
            BENEFIT_POLICY_CH15.at("§230.1–230.2"),
        ],
    }
}

fn codes_of(d: Discipline) -> &'static str {
    match d {
        Discipline::PT => {
            "the PT evaluation codes (97161–97163, or 97164 for a re-evaluation) with GP"
        }
        Discipline::OT => {
            "the OT evaluation codes (97165–97167, or 97168 for a re-evaluation) with GO"
        }
        Discipline::SLP => {
            "the SLP evaluation code for the evaluation performed (92521–92524, 92610–92612) with GN"
        }
    }
}

fn therapist(d: Discipline) -> &'static str {
    match d {
        Discipline::PT => "physical therapist",
        Discipline::OT => "occupational therapist",
        Discipline::SLP => "speech-language pathologist",
    }
}

pub(super) fn check(ctx: &Context<'_>, out: &mut Findings<'_>) {
    let Some(a) = ctx.eval.as_ref() else {
        return;
    };
    let note = ctx.note;
    for line in &a.lines {
        if line.discipline == note.discipline {
            continue;
        }
        let what = match line.kind {
            EvalKind::Reevaluation => "re-evaluation",
            _ => "evaluation",
        };
        out.push(
            Diagnostic::new(
                &CODE_DISCIPLINE_MISMATCH,
                format!(
                    "{} is {} {} {what} code, billed on {} {} plan of care.",
                    line.code,
                    article(line.discipline),
                    line.discipline.as_str(),
                    article(note.discipline),
                    note.discipline.as_str()
                ),
            )
            .field(format!("lines[{}].code", line.index))
            .fix(format!(
                "Bill {}, or correct the note's discipline if the plan of care is {}.",
                codes_of(note.discipline),
                line.discipline.as_str()
            ))
            .edits(reevaluation_code(ctx, line))
            .amount(ctx.payment.line(line.index)),
        );
    }
    let role = note.provider.role;
    let role_discipline = match role {
        Role::PT => Some(Discipline::PT),
        Role::OT => Some(Discipline::OT),
        Role::SLP => Some(Discipline::SLP),
        _ => None,
    };
    if let Some(rd) = role_discipline {
        // Lines of another plan than the note's were flagged above.
        if let Some(line) = a
            .lines
            .iter()
            .find(|l| l.discipline == note.discipline && l.discipline != rd)
        {
            out.push(
                Diagnostic::new(
                    &CODE_DISCIPLINE_MISMATCH,
                    format!(
                        "{} is {} {} evaluation code, but the note is written by {} {}.",
                        line.code,
                        article(line.discipline),
                        line.discipline.as_str(),
                        article_role(role),
                        role.as_str()
                    ),
                )
                .field("provider.role")
                .anchor(line.code)
                .fix(format!(
                    "Have the {} who performed the evaluation document and bill it.",
                    therapist(line.discipline)
                ))
                .amount(ctx.payment.line(line.index)),
            );
        }
    }
    if !a.lines.is_empty() && (role.is_assistant() || role == Role::Student) {
        let who = if role == Role::Student {
            "a student".to_string()
        } else {
            format!("{} {}", article_role(role), role.as_str())
        };
        out.push(
            Diagnostic::new(
                &CODE_DISCIPLINE_MISMATCH,
                format!("An evaluation code is billed on a note written by {who}; evaluations and re-evaluations are performed and billed by the therapist."),
            )
            .field("provider.role")
            .anchor("assistant or student")
            .fix(format!(
                "Have the supervising {} perform, document and sign the evaluation, or remove the evaluation code.",
                therapist(note.discipline)
            ))
            .amount(a.lines.iter().map(|l| ctx.payment.line(l.index)).sum()),
        );
    }
}

fn article(d: Discipline) -> &'static str {
    match d {
        Discipline::PT => "a",
        Discipline::OT | Discipline::SLP => "an",
    }
}

fn article_role(r: Role) -> &'static str {
    match r {
        Role::OTA | Role::SLPA | Role::OT | Role::SLP => "an",
        _ => "a",
    }
}

/// A re-evaluation code of the wrong discipline has one counterpart in the note's (97164
/// and 97168): offered with the note's plan-of-care modifier in place of the other's. An
/// evaluation's complexity is the note's own to establish, so no code is offered for it.
fn reevaluation_code(
    ctx: &Context<'_>,
    line: &crate::rules::eval::analysis::EvalLine,
) -> Option<EditDraft> {
    if line.kind != EvalKind::Reevaluation {
        return None;
    }
    let family = crate::policy::evaluation::family(ctx.note.discipline)?;
    let billed = ctx.note.lines.get(line.index)?;
    let ours = ctx.note.discipline.modifier();
    let theirs = line.discipline.modifier();
    let mut modifiers: Vec<&str> = billed
        .modifiers
        .iter()
        .map(|m| if m == theirs { ours } else { m.as_str() })
        .collect();
    modifiers.dedup();
    Some(
        EditDraft::suggested(format!(
            "Bill {} with {ours}, the {} re-evaluation code",
            family.reevaluation.0,
            ctx.note.discipline.as_str()
        ))
        .set(format!("lines[{}].code", line.index), family.reevaluation.0)
        .set(format!("lines[{}].modifiers", line.index), modifiers),
    )
}
