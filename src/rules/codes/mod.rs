//! The `codes` family: the billed codes themselves (known, paired with their primary).

use crate::rules::{Context, Findings, RuleMeta};

mod add_on_without_primary;
mod unknown_code;

pub use add_on_without_primary::ADD_ON_WITHOUT_PRIMARY;
pub use unknown_code::UNKNOWN_CODE;

/// The family's rules, in docs order.
pub static RULES: &[&RuleMeta] = &[&UNKNOWN_CODE, &ADD_ON_WITHOUT_PRIMARY];

pub fn check(ctx: &Context<'_>, out: &mut Findings<'_>) {
    unknown_code::check(ctx, out);
    add_on_without_primary::check(ctx, out);
}
