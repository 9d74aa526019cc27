//! The `episode` family: the episode of care around the visit (progress reports, the plan of
//! care's certification and dates, the payer's authorization).
//!
//! Day counting, used by every rule here: "day N" of an interval is N calendar days after its
//! first day (the first treatment day is day 0), so "within 30 days after the first
//! treatment" ends on day 30, and a 90-day certification ends on day 90.

use crate::note::Episode;
use crate::rules::{Context, Findings, RuleMeta};

mod authorization_ending;
mod authorization_exceeded;
mod plan_of_care_expired;
mod plan_of_care_uncertified;
mod progress_report_due;

pub use authorization_ending::AUTHORIZATION_ENDING;
pub use authorization_exceeded::AUTHORIZATION_EXCEEDED;
pub use plan_of_care_expired::PLAN_OF_CARE_EXPIRED;
pub use plan_of_care_uncertified::PLAN_OF_CARE_UNCERTIFIED;
pub use progress_report_due::PROGRESS_REPORT_DUE;

/// The family's rules, in docs order.
pub static RULES: &[&RuleMeta] = &[
    &PROGRESS_REPORT_DUE,
    &PLAN_OF_CARE_UNCERTIFIED,
    &PLAN_OF_CARE_EXPIRED,
    &AUTHORIZATION_EXCEEDED,
    &AUTHORIZATION_ENDING,
];

pub fn check(ctx: &Context<'_>, out: &mut Findings<'_>) {
    let Some(ep) = ctx.note.episode.as_ref() else {
        return;
    };
    progress_report_due::check(ctx, ep, out);
    plan_of_care_uncertified::check(ctx, ep, out);
    plan_of_care_expired::check(ctx, ep, out);
    authorization_exceeded::check(ctx, ep, out);
    authorization_ending::check(ctx, ep, out);
}

/// Warn when this many visits or fewer are left on the authorization after this one.
pub const AUTHORIZATION_WARN_VISITS: u32 = 2;
/// Warn when the authorization ends within this many calendar days of the visit.
pub const AUTHORIZATION_WARN_DAYS: i64 = 7;

/// The visit limit that applies: the episode's authorization or the payer pack's visit
/// limit, whichever is lower, and whether it is the pack's.
pub(crate) fn visit_limit(ctx: &Context<'_>, ep: &Episode) -> Option<(u32, bool)> {
    match (ep.authorized_visits, ctx.payer.visit_limit) {
        (Some(a), Some(p)) if p < a => Some((p, true)),
        (Some(a), _) => Some((a, false)),
        (None, Some(p)) => Some((p, true)),
        (None, None) => None,
    }
}

pub(crate) fn plural(n: i64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
