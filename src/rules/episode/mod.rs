//! The `episode` rule family.

use crate::rules::{Context, Findings, RuleMeta};

/// The family's rules, in docs order.
pub static RULES: &[&RuleMeta] = &[];

pub fn check(_ctx: &Context<'_>, _out: &mut Findings<'_>) {}
