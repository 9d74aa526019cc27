//! The `modifiers` family: GP/GO/GN, CQ/CO, NCCI pairs (59/X), unknown modifiers.
//!
//! chartlint never adds a modifier. What the rules call for on each line is reported in
//! `billing.lines[].modifiersRequired` ([`required`]) and explained by the findings.

use crate::note::{Discipline, Line};
use crate::policy::codes::{self, Counting};
use crate::policy::modifiers::{DISCIPLINE, DISTINCT, X_MODIFIERS};
use crate::policy::ncci::{self, Edit, Origin};
use crate::rules::{Context, Findings, RuleMeta};

mod assistant_required;
mod assistant_wrong_discipline;
mod kx_required;
mod kx_unneeded;
mod missing_discipline;
mod ncci_pair;
mod review_threshold;
mod unknown;
mod wrong_discipline;

pub use assistant_required::ASSISTANT_REQUIRED;
pub use assistant_wrong_discipline::ASSISTANT_WRONG_DISCIPLINE;
pub use kx_required::KX_REQUIRED;
pub use kx_unneeded::KX_UNNEEDED;
pub use missing_discipline::MISSING_DISCIPLINE;
pub use ncci_pair::NCCI_PAIR;
pub use review_threshold::REVIEW_THRESHOLD;
pub use unknown::UNKNOWN;
pub use wrong_discipline::WRONG_DISCIPLINE;

/// The family's rules, in docs order.
pub static RULES: &[&RuleMeta] = &[
    &MISSING_DISCIPLINE,
    &WRONG_DISCIPLINE,
    &ASSISTANT_REQUIRED,
    &ASSISTANT_WRONG_DISCIPLINE,
    &NCCI_PAIR,
    &UNKNOWN,
    &KX_REQUIRED,
    &KX_UNNEEDED,
    &REVIEW_THRESHOLD,
];

pub fn check(ctx: &Context<'_>, out: &mut Findings<'_>) {
    missing_discipline::check(ctx, out);
    wrong_discipline::check(ctx, out);
    assistant_required::check(ctx, out);
    assistant_wrong_discipline::check(ctx, out);
    ncci_pair::check(ctx, out);
    unknown::check(ctx, out);
    kx_required::check(ctx, out);
    kx_unneeded::check(ctx, out);
    review_threshold::check(ctx, out);
}

/// The modifiers the payer's rules call for on line `index` (shown in
/// `billing.lines[].modifiersRequired`; chartlint never adds them itself):
///
/// - GP/GO/GN on every billed therapy line, when the payer pack requires them;
/// - CQ/CO when an assistant furnished the service (or some of its units) beyond the de
///   minimis share, when the payer pack requires them;
/// - KX on every billed therapy line when the visit is over the year's KX threshold
///   (`billing.kxRequired`, Medicare-rule packs);
/// - the distinct-service modifier (59, XE, XS, XP, XU) a line already carries when the line
///   is the column-two code of a pair edit that allows one: the claim needs it to pay that
///   line. A distinct-service modifier is never listed for a line that does not carry one:
///   whether two services were distinct is the therapist's call, never chartlint's (the
///   `modifiers/ncci-pair` finding explains what would justify it).
pub fn required(ctx: &Context<'_>, index: usize) -> Vec<String> {
    let mut out = Vec::new();
    let Some(line) = ctx.note.lines.get(index) else {
        return out;
    };
    if line.units == 0 {
        return out;
    }
    if ctx.payer.require_discipline_modifiers && codes::lookup(&line.code).is_some() {
        out.push(ctx.note.discipline.modifier().to_string());
    }
    if let Some(need) = assistant_need(ctx, line) {
        out.push(need.modifier.to_string());
    }
    if ctx.payer.medicare_rules
        && ctx.payment.kx_required()
        && kx_required::therapy_lines(ctx).any(|i| i == index)
    {
        out.push("KX".to_string());
    }
    // Only a line that carries a distinct-service modifier can need one listed.
    if let Some(m) = line
        .modifiers
        .iter()
        .find(|m| DISTINCT.contains(&m.as_str()))
    {
        let needed = pair_hits(ctx)
            .iter()
            .any(|h| h.edit.indicator == ncci::ALLOWED && h.modifier_lines().contains(&index));
        if needed && !out.contains(m) {
            out.push(m.clone());
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// CQ/CO: who furnished which units.

/// Why a line needs CQ/CO.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AssistantBasis {
    /// The note's provider is an assistant and the line gives no split of minutes.
    WholeByRole,
    /// A 15-minute code: full 15-minute blocks go to whoever furnished them; the final
    /// partial unit to whoever furnished more of the remaining minutes.
    Timed { assistant: u32, minutes: u32 },
    /// An untimed code (or one timed in longer blocks): the whole service, 10% de minimis.
    Untimed { assistant: u32, minutes: u32 },
    /// Assistant minutes are given but the line's minutes are not.
    MinutesMissing { assistant: u32 },
}

/// CQ/CO a line calls for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct AssistantNeed {
    pub modifier: &'static str,
    /// Units of the line that need the modifier.
    pub units: u32,
    pub basis: AssistantBasis,
}

/// The assistant modifier for a discipline (`None` for SLP: there is none).
pub(crate) fn assistant_modifier(d: Discipline) -> Option<&'static str> {
    match d {
        Discipline::PT => Some("CQ"),
        Discipline::OT => Some("CO"),
        Discipline::SLP => None,
    }
}

/// The assistant's share of a billed line under CMS's rules (shared/policy §6.2), when the
/// payer pack requires CQ/CO and the share is beyond the de minimis.
pub(crate) fn assistant_need(ctx: &Context<'_>, line: &Line) -> Option<AssistantNeed> {
    if !ctx.payer.require_assistant_modifiers || line.units == 0 {
        return None;
    }
    let modifier = assistant_modifier(ctx.note.discipline)?;
    let info = codes::lookup(&line.code)?;
    if info.eval.is_some() {
        return None; // evaluations are the therapist's alone (another family's concern)
    }
    let need = |units: u32, basis| {
        Some(AssistantNeed {
            modifier,
            units,
            basis,
        })
    };
    let assistant = match line.assistant_minutes {
        None if ctx.note.provider.role.is_assistant() => {
            return need(line.units, AssistantBasis::WholeByRole)
        }
        None | Some(0) => return None,
        Some(a) => a,
    };
    let Some(minutes) = line.minutes else {
        return need(line.units, AssistantBasis::MinutesMissing { assistant });
    };
    match info.counting {
        Counting::Timed15 => {
            let units = assistant_units_timed(line.units, minutes, assistant);
            if units == 0 {
                None
            } else {
                need(units, AssistantBasis::Timed { assistant, minutes })
            }
        }
        Counting::Untimed | Counting::Block { .. } => {
            // More than 10% of the service's minutes.
            if u64::from(assistant) * 10 > u64::from(minutes) {
                need(line.units, AssistantBasis::Untimed { assistant, minutes })
            } else {
                None
            }
        }
    }
}

/// Units of a 15-minute code that need CQ/CO (CY 2022 method, shared/policy §6.2): each full
/// 15-minute block belongs to whoever furnished it independently; of the minutes left over,
/// a final partial unit goes to whoever furnished more of them (a tie goes to the assistant,
/// since the assistant's share is then far beyond the 10% de minimis); when two partial units
/// remain, each gets one. The therapist's units are billed without the modifier; every other
/// billed unit needs it.
pub fn assistant_units_timed(units_billed: u32, minutes: u32, assistant: u32) -> u32 {
    let assistant = assistant.min(minutes);
    let therapist = minutes - assistant;
    let (full_a, rem_a) = (assistant / 15, assistant % 15);
    let (full_t, rem_t) = (therapist / 15, therapist % 15);
    let partial = units_billed.saturating_sub(full_a + full_t);
    let therapist_partial = match partial {
        0 => 0,
        1 => u32::from(rem_t > rem_a),
        _ => u32::from(rem_t > 0),
    };
    units_billed.saturating_sub(full_t + therapist_partial)
}

// ---------------------------------------------------------------------------------------
// NCCI pairs.

/// A pair edit that applies to two billed lines of the note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PairHit {
    /// Line index of the column-one code.
    pub col1: usize,
    /// Line index of the column-two code.
    pub col2: usize,
    pub edit: Edit,
}

impl PairHit {
    /// The lines a distinct-service modifier may sit on: the column-two line, or either line
    /// when the built-in pair's column order is unconfirmed.
    pub fn modifier_lines(&self) -> Vec<usize> {
        match self.edit.origin {
            Origin::BuiltIn {
                order_confirmed: false,
                ..
            } => vec![self.col2, self.col1],
            _ => vec![self.col2],
        }
    }
}

/// The pair edit for `column1` then `column2`: the payer pack's own first, then NCCI (the
/// CMS file when loaded, else the built-in pairs) when the pack applies NCCI.
fn lookup(ctx: &Context<'_>, column1: &str, column2: &str, ncci_too: bool) -> Option<Edit> {
    if let Some((a, b, ind)) = ctx
        .payer
        .extra_pairs
        .iter()
        .find(|(a, b, _)| a == column1 && b == column2)
    {
        return Some(Edit {
            column1: a.clone(),
            column2: b.clone(),
            indicator: *ind,
            rationale: "the payer's own pair edit".into(),
            origin: Origin::Payer,
        });
    }
    if !ncci_too || !ctx.payer.ncci_edits {
        return None;
    }
    let date = ctx.note.date_of_service;
    match &ctx.config.ptp {
        Some(table) => table.find(column1, column2, date),
        None => ncci::builtin(column1, column2, date),
    }
}

/// Every pair edit between two billed lines of the note (lines with 0 units are not on the
/// claim). For each two lines the payer pack's pairs are tried before NCCI, in both orders.
pub(crate) fn pair_hits(ctx: &Context<'_>) -> Vec<PairHit> {
    let lines = &ctx.note.lines;
    let mut out = Vec::new();
    for (i, a) in lines.iter().enumerate() {
        for (j, b) in lines.iter().enumerate().skip(i + 1) {
            if a.units == 0 || b.units == 0 || a.code == b.code {
                continue;
            }
            let found = lookup(ctx, &a.code, &b.code, false)
                .map(|e| (i, j, e))
                .or_else(|| lookup(ctx, &b.code, &a.code, false).map(|e| (j, i, e)))
                .or_else(|| lookup(ctx, &a.code, &b.code, true).map(|e| (i, j, e)))
                .or_else(|| lookup(ctx, &b.code, &a.code, true).map(|e| (j, i, e)));
            if let Some((col1, col2, edit)) = found {
                out.push(PairHit { col1, col2, edit });
            }
        }
    }
    out
}

/// Whether the line carries a discipline modifier (GP, GO, GN).
pub(crate) fn has_discipline_modifier(line: &Line) -> bool {
    line.modifiers
        .iter()
        .any(|m| DISCIPLINE.contains(&m.as_str()))
}

/// Whether the line carries an X modifier.
pub(crate) fn has_x_modifier(line: &Line) -> bool {
    line.modifiers
        .iter()
        .any(|m| X_MODIFIERS.contains(&m.as_str()))
}
