//! Modifier facts, computed once per check: who furnished which units (CQ/CO), the pair
//! edits between billed lines (NCCI and the payer's own), the lines the KX threshold
//! concerns, and the modifiers each line calls for (`billing.lines[].modifiersRequired`).
//! The `modifiers` rules and the Report read them.

use super::payment::Payment;
use crate::config::PayerRules;
use crate::note::{Discipline, Line, Note};
use crate::policy::codes::{self, Counting};
use crate::policy::modifiers::{DISCIPLINE, DISTINCT, X_MODIFIERS};
use crate::policy::ncci::{self, Edit, Origin, PtpTable};
use rust_decimal::Decimal;

/// The modifier facts of one note.
#[derive(Debug, Clone, Default)]
pub struct ModifierFacts {
    /// Every pair edit between two billed lines.
    pub pairs: Vec<PairHit>,
    /// Per line: the CQ/CO it calls for, if any.
    pub assistant: Vec<Option<AssistantNeed>>,
    /// The billed therapy lines the KX threshold concerns: a known therapy code, units
    /// billed, and not priced at nothing (bundled codes are never paid, with or without KX).
    pub therapy_lines: Vec<usize>,
    /// Per line: the modifiers the payer's rules call for.
    pub required: Vec<Vec<String>>,
}

impl ModifierFacts {
    /// The modifier facts of `note` under `payer`, with the CMS PTP table if the clinic gave
    /// one and the visit's payment facts.
    pub fn compute(
        note: &Note,
        payer: &PayerRules,
        ptp: Option<&PtpTable>,
        payment: &Payment,
    ) -> ModifierFacts {
        let mut m = ModifierFacts {
            pairs: pair_hits(note, payer, ptp),
            assistant: note
                .lines
                .iter()
                .map(|l| assistant_need(note, payer, l))
                .collect(),
            therapy_lines: note
                .lines
                .iter()
                .enumerate()
                .filter_map(|(i, l)| {
                    let billed = l.units > 0
                        && codes::lookup(&l.code).is_some()
                        && payment.line(i) != Some(Decimal::ZERO);
                    billed.then_some(i)
                })
                .collect(),
            required: Vec::new(),
        };
        m.required = (0..note.lines.len())
            .map(|i| required(note, payer, payment, &m, i))
            .collect();
        m
    }
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
fn required(
    note: &Note,
    payer: &PayerRules,
    payment: &Payment,
    facts: &ModifierFacts,
    index: usize,
) -> Vec<String> {
    let mut out = Vec::new();
    let Some(line) = note.lines.get(index) else {
        return out;
    };
    if line.units == 0 {
        return out;
    }
    if payer.require_discipline_modifiers && codes::lookup(&line.code).is_some() {
        out.push(note.discipline.modifier().to_string());
    }
    if let Some(need) = facts.assistant.get(index).copied().flatten() {
        out.push(need.modifier.to_string());
    }
    if payer.medicare_rules && payment.kx_required() && facts.therapy_lines.contains(&index) {
        out.push("KX".to_string());
    }
    // Only a line that carries a distinct-service modifier can need one listed.
    if let Some(m) = line
        .modifiers
        .iter()
        .find(|m| DISTINCT.contains(&m.as_str()))
    {
        let needed = facts
            .pairs
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
pub enum AssistantBasis {
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
pub struct AssistantNeed {
    pub modifier: &'static str,
    /// Units of the line that need the modifier.
    pub units: u32,
    pub basis: AssistantBasis,
}

/// The assistant modifier for a discipline (`None` for SLP: there is none).
pub fn assistant_modifier(d: Discipline) -> Option<&'static str> {
    match d {
        Discipline::PT => Some("CQ"),
        Discipline::OT => Some("CO"),
        Discipline::SLP => None,
    }
}

/// The assistant's share of a billed line under CMS's rules (CMS CY 2020 and CY 2022 PFS final rules), when the
/// payer pack requires CQ/CO and the share is beyond the de minimis.
pub fn assistant_need(note: &Note, payer: &PayerRules, line: &Line) -> Option<AssistantNeed> {
    if !payer.require_assistant_modifiers || line.units == 0 {
        return None;
    }
    let modifier = assistant_modifier(note.discipline)?;
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
        None if note.provider.role.is_assistant() => {
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

/// Units of a 15-minute code that need CQ/CO (the CY 2022 PFS final rule's method): each full
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
pub struct PairHit {
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
fn lookup(
    note: &Note,
    payer: &PayerRules,
    ptp: Option<&PtpTable>,
    column1: &str,
    column2: &str,
    ncci_too: bool,
) -> Option<Edit> {
    if let Some((a, b, ind)) = payer
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
    if !ncci_too || !payer.ncci_edits {
        return None;
    }
    let date = note.date_of_service;
    match ptp {
        Some(table) => table.find(column1, column2, date),
        None => ncci::builtin(column1, column2, date),
    }
}

/// Every pair edit between two billed lines of the note (lines with 0 units are not on the
/// claim). For each two lines the payer pack's pairs are tried before NCCI, in both orders.
fn pair_hits(note: &Note, payer: &PayerRules, ptp: Option<&PtpTable>) -> Vec<PairHit> {
    let lines = &note.lines;
    let mut out = Vec::new();
    for (i, a) in lines.iter().enumerate() {
        for (j, b) in lines.iter().enumerate().skip(i + 1) {
            if a.units == 0 || b.units == 0 || a.code == b.code {
                continue;
            }
            let found = lookup(note, payer, ptp, &a.code, &b.code, false)
                .map(|e| (i, j, e))
                .or_else(|| lookup(note, payer, ptp, &b.code, &a.code, false).map(|e| (j, i, e)))
                .or_else(|| lookup(note, payer, ptp, &a.code, &b.code, true).map(|e| (i, j, e)))
                .or_else(|| lookup(note, payer, ptp, &b.code, &a.code, true).map(|e| (j, i, e)));
            if let Some((col1, col2, edit)) = found {
                out.push(PairHit { col1, col2, edit });
            }
        }
    }
    out
}

/// Whether the line carries a discipline modifier (GP, GO, GN).
pub fn has_discipline_modifier(line: &Line) -> bool {
    line.modifiers
        .iter()
        .any(|m| DISCIPLINE.contains(&m.as_str()))
}

/// Whether the line carries an X modifier.
pub fn has_x_modifier(line: &Line) -> bool {
    line.modifiers
        .iter()
        .any(|m| X_MODIFIERS.contains(&m.as_str()))
}
