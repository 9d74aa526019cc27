//! The authorization limits the `episode` rules share.

use crate::note::Episode;
use crate::rules::context::Context;

/// Warn when this many visits or fewer are left on the authorization after this one.
pub const AUTHORIZATION_WARN_VISITS: u32 = 2;
/// Warn when the authorization ends within this many calendar days of the visit.
pub const AUTHORIZATION_WARN_DAYS: i64 = 7;

/// The visit limit that applies: the episode's authorization or the payer pack's visit
/// limit, whichever is lower, and whether it is the pack's.
pub fn visit_limit(ctx: &Context<'_>, ep: &Episode) -> Option<(u32, bool)> {
    match (ep.authorized_visits, ctx.payer.visit_limit) {
        (Some(a), Some(p)) if p < a => Some((p, true)),
        (Some(a), _) => Some((a, false)),
        (None, Some(p)) => Some((p, true)),
        (None, None) => None,
    }
}

/// "1 visit", "3 visits".
pub fn plural(n: i64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
