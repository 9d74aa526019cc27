//! The `modifiers` rule family.

use crate::rules::{Context, Findings, RuleMeta};

mod kx_required;
mod kx_unneeded;
mod review_threshold;

pub use kx_required::KX_REQUIRED;
pub use kx_unneeded::KX_UNNEEDED;
pub use review_threshold::REVIEW_THRESHOLD;

/// The family's rules, in docs order.
pub static RULES: &[&RuleMeta] = &[&KX_REQUIRED, &KX_UNNEEDED, &REVIEW_THRESHOLD];

pub fn check(ctx: &Context<'_>, out: &mut Findings<'_>) {
    kx_required::check(ctx, out);
    kx_unneeded::check(ctx, out);
    review_threshold::check(ctx, out);
}

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
