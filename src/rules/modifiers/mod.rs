//! The `modifiers` rule family.

use crate::rules::{Context, Findings, RuleMeta};

/// The family's rules, in docs order.
pub static RULES: &[&RuleMeta] = &[];

pub fn check(_ctx: &Context<'_>, _out: &mut Findings<'_>) {}

/// The modifiers the payer's rules call for on line `index` (shown in
/// `billing.lines[].modifiersRequired`; chartlint never adds them itself).
pub fn required(ctx: &Context<'_>, index: usize) -> Vec<String> {
    let mut out = Vec::new();
    let Some(line) = ctx.note.lines.get(index) else {
        return out;
    };
    if ctx.payer.require_discipline_modifiers && crate::policy::codes::lookup(&line.code).is_some()
    {
        out.push(ctx.note.discipline.modifier().to_string());
    }
    out
}
