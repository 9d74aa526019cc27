//! The `codes` family: the billed codes themselves (known, paired with their primary) and
//! the visit's diagnosis codes.

use crate::rules::{Context, Findings, RuleMeta};

mod add_on_without_primary;
mod invalid_diagnosis;
mod missing_diagnosis;
mod unknown_code;

pub use add_on_without_primary::ADD_ON_WITHOUT_PRIMARY;
pub use invalid_diagnosis::INVALID_DIAGNOSIS;
pub use missing_diagnosis::MISSING_DIAGNOSIS;
pub use unknown_code::UNKNOWN_CODE;

/// The family's rules, in docs order.
pub static RULES: &[&RuleMeta] = &[
    &UNKNOWN_CODE,
    &ADD_ON_WITHOUT_PRIMARY,
    &MISSING_DIAGNOSIS,
    &INVALID_DIAGNOSIS,
];

pub fn check(ctx: &Context<'_>, out: &mut Findings<'_>) {
    unknown_code::check(ctx, out);
    add_on_without_primary::check(ctx, out);
    missing_diagnosis::check(ctx, out);
    invalid_diagnosis::check(ctx, out);
}
