//! The lines the `units` rules read: each billed line of a known code with its code facts
//! and the engine's result, and the predicates two rules share.

use crate::edits::Applicability;
use crate::facts::units::LineUnits;
use crate::note::Line;
use crate::policy::codes::{self, CodeInfo, Counting};
use crate::rules::context::Context;

/// A billed line with its code facts and the engine's result.
pub struct Row<'a> {
    pub index: usize,
    pub line: &'a Line,
    pub info: &'static CodeInfo,
    pub units: &'a LineUnits,
}

impl Row<'_> {
    pub fn field(&self, name: &str) -> String {
        format!("lines[{}].{name}", self.index)
    }
    /// The line itself, `lines[i]`.
    pub fn path(&self) -> String {
        format!("lines[{}]", self.index)
    }
    pub fn is_timed15(&self) -> bool {
        self.info.counting == Counting::Timed15
    }
    pub fn is_timed(&self) -> bool {
        self.info.counting != Counting::Untimed
    }
}

/// The lines whose codes chartlint knows, with the engine's result for each.
pub fn rows<'a>(ctx: &'a Context<'_>) -> impl Iterator<Item = Row<'a>> + 'a {
    ctx.note
        .lines
        .iter()
        .zip(&ctx.units.lines)
        .enumerate()
        .filter_map(|(index, (line, units))| {
            codes::lookup(&line.code).map(|info| Row {
                index,
                line,
                info,
                units,
            })
        })
}

/// Fewest minutes at which a 15-minute code can earn a unit on its own.
pub const MIN_MINUTES_FOR_UNIT: u32 = 8;

pub fn plural(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Whether the line is in the "cannot earn a unit" case: `units/below-minimum` reports it,
/// and `units/over-billed` leaves it (and, when any line is in it, the visit's total) alone.
pub fn is_below_minimum(row: &Row<'_>) -> bool {
    row.is_timed15()
        && row.line.units > 0
        && row.units.units_supported == Some(0)
        && row.line.minutes.is_some_and(|m| m < MIN_MINUTES_FOR_UNIT)
}

/// A billed timed line without its minutes, where they are required: `units/missing-minutes`
/// reports it, and the other rules do not judge its units (its minutes are unknown, not
/// short). A Medicare note may give only the visit's total timed minutes.
pub fn minutes_missing(ctx: &Context<'_>, row: &Row<'_>) -> bool {
    minutes_needed(ctx, row) && row.line.minutes.is_none()
}

/// A billed timed line that must carry its minutes (whether it does or not): the checklist
/// item `units/missing-minutes` reports while drafting.
pub fn minutes_needed(ctx: &Context<'_>, row: &Row<'_>) -> bool {
    row.is_timed() && row.line.units > 0 && !(row.is_timed15() && ctx.units.total_only)
}

/// Whether reducing `row`'s units to `units` is a `safe` edit: the units its minutes support
/// are the line's own (no tie with another code for the leftover unit, the code on this line
/// only), no billed add-on loses its primary code, the visit is still counted from the
/// lines' minutes, and the visit's other timed units stay within what its minutes allow (so
/// no other over-billing comes to light). Otherwise the
/// same edit is offered as `suggested`.
pub fn reduction_is_safe(ctx: &Context<'_>, row: &Row<'_>, units: u32) -> bool {
    let note = ctx.note;
    if row.units.tie
        || note
            .lines
            .iter()
            .filter(|l| l.code == row.line.code)
            .count()
            > 1
    {
        return false;
    }
    let primary_of_add_on = note.lines.iter().any(|l| {
        l.units > 0
            && codes::lookup(&l.code)
                .is_some_and(|i| i.add_on && codes::primary_of(i) == row.line.code)
    });
    if units == 0 && primary_of_add_on {
        return false;
    }
    if row.is_timed15() && units == 0 {
        // The other billed 15-minute lines carry no minutes: with this line unbilled, the
        // visit would be counted from the documented total instead of the lines' minutes.
        let others: Vec<Row<'_>> = rows(ctx)
            .filter(|r| r.index != row.index && r.is_timed15() && r.line.units > 0)
            .collect();
        if !others.is_empty()
            && others.iter().all(|r| r.line.minutes.is_none())
            && note.total_timed_minutes.is_some()
        {
            return false;
        }
    }
    // The visit's other timed units over what its minutes allow would come to light (unless
    // a line's minutes are missing: the visit's minutes are then unknown, not short).
    if row.is_timed15() && !rows(ctx).any(|r| minutes_missing(ctx, &r)) {
        let u = &ctx.units;
        let after = u
            .timed_units_billed
            .saturating_sub(row.line.units.saturating_sub(units));
        if after > u.timed_units_allowed {
            return false;
        }
    }
    true
}

/// `safe` when [`reduction_is_safe`], else `suggested`.
pub fn reduction(ctx: &Context<'_>, row: &Row<'_>, units: u32) -> Applicability {
    if reduction_is_safe(ctx, row, units) {
        Applicability::Safe
    } else {
        Applicability::Suggested
    }
}
