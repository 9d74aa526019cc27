//! The `units` family: minutes against billed units (the 8-minute rule and the Rule of
//! Eights). The arithmetic lives in [`crate::units`]; these rules read its outcome.

use crate::note::Line;
use crate::policy::codes::{self, CodeInfo, Counting};
use crate::rules::{Context, Findings, RuleMeta};
use crate::units::LineUnits;

mod below_minimum;
mod missing_minutes;
mod missing_total_treatment_time;
mod over_billed;
mod split_code_lines;
mod text_mismatch;
mod total_minutes_mismatch;
mod under_billed;
mod untimed_multiple_units;

pub use below_minimum::BELOW_MINIMUM;
pub use missing_minutes::MISSING_MINUTES;
pub use missing_total_treatment_time::MISSING_TOTAL_TREATMENT_TIME;
pub use over_billed::OVER_BILLED;
pub use split_code_lines::SPLIT_CODE_LINES;
pub use text_mismatch::TEXT_MISMATCH;
pub use total_minutes_mismatch::TOTAL_MINUTES_MISMATCH;
pub use under_billed::UNDER_BILLED;
pub use untimed_multiple_units::UNTIMED_MULTIPLE_UNITS;

/// The family's rules, in docs order.
pub static RULES: &[&RuleMeta] = &[
    &OVER_BILLED,
    &UNDER_BILLED,
    &BELOW_MINIMUM,
    &MISSING_MINUTES,
    &TOTAL_MINUTES_MISMATCH,
    &MISSING_TOTAL_TREATMENT_TIME,
    &UNTIMED_MULTIPLE_UNITS,
    &SPLIT_CODE_LINES,
    &TEXT_MISMATCH,
];

pub fn check(ctx: &Context<'_>, out: &mut Findings<'_>) {
    missing_minutes::check(ctx, out);
    below_minimum::check(ctx, out);
    over_billed::check(ctx, out);
    under_billed::check(ctx, out);
    total_minutes_mismatch::check(ctx, out);
    missing_total_treatment_time::check(ctx, out);
    untimed_multiple_units::check(ctx, out);
    split_code_lines::check(ctx, out);
    text_mismatch::check(ctx, out);
}

/// A billed line with its code facts and the engine's result.
pub(crate) struct Row<'a> {
    pub index: usize,
    pub line: &'a Line,
    pub info: &'static CodeInfo,
    pub units: &'a LineUnits,
}

impl Row<'_> {
    pub fn field(&self, name: &str) -> String {
        format!("lines[{}].{name}", self.index)
    }
    pub fn is_timed15(&self) -> bool {
        self.info.counting == Counting::Timed15
    }
    pub fn is_timed(&self) -> bool {
        self.info.counting != Counting::Untimed
    }
}

/// The lines whose codes chartlint knows, with the engine's result for each.
pub(crate) fn rows<'a>(ctx: &'a Context<'_>) -> impl Iterator<Item = Row<'a>> + 'a {
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
pub(crate) const MIN_MINUTES_FOR_UNIT: u32 = 8;

pub(crate) fn plural(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Whether the line is in the "cannot earn a unit" case that `units/below-minimum` reports
/// (so that `units/over-billed` does not report it again).
pub(crate) fn is_below_minimum(row: &Row<'_>) -> bool {
    row.is_timed15()
        && row.line.units > 0
        && row.units.units_supported == Some(0)
        && row.line.minutes.is_some_and(|m| m < MIN_MINUTES_FOR_UNIT)
}
