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

// Rules over a whole episode of care (`checkEpisode`).
mod cloned_documentation;
mod discharge_missing;
mod goal_without_status;
mod goals_changed_without_recertification;
mod outcome_measure_not_repeated;
mod progress_report_missed;
mod visit_outside_plan_of_care;
mod visits_exceed_plan_frequency;

pub use authorization_ending::AUTHORIZATION_ENDING;
pub use authorization_exceeded::AUTHORIZATION_EXCEEDED;
pub use plan_of_care_expired::PLAN_OF_CARE_EXPIRED;
pub use plan_of_care_uncertified::PLAN_OF_CARE_UNCERTIFIED;
pub(crate) use progress_report_due::contains_report;
pub use progress_report_due::PROGRESS_REPORT_DUE;

pub use cloned_documentation::CLONED_DOCUMENTATION;
pub use discharge_missing::DISCHARGE_MISSING;
pub use goal_without_status::GOAL_WITHOUT_STATUS;
pub use goals_changed_without_recertification::GOALS_CHANGED_WITHOUT_RECERTIFICATION;
pub use outcome_measure_not_repeated::OUTCOME_MEASURE_NOT_REPEATED;
pub use progress_report_missed::PROGRESS_REPORT_MISSED;
pub use visit_outside_plan_of_care::VISIT_OUTSIDE_PLAN_OF_CARE;
pub use visits_exceed_plan_frequency::VISITS_EXCEED_PLAN_FREQUENCY;

/// The family's rules, in docs order.
pub static RULES: &[&RuleMeta] = &[
    &PROGRESS_REPORT_DUE,
    &PLAN_OF_CARE_UNCERTIFIED,
    &PLAN_OF_CARE_EXPIRED,
    &AUTHORIZATION_EXCEEDED,
    &AUTHORIZATION_ENDING,
    &PROGRESS_REPORT_MISSED,
    &GOAL_WITHOUT_STATUS,
    &GOALS_CHANGED_WITHOUT_RECERTIFICATION,
    &VISITS_EXCEED_PLAN_FREQUENCY,
    &VISIT_OUTSIDE_PLAN_OF_CARE,
    &CLONED_DOCUMENTATION,
    &OUTCOME_MEASURE_NOT_REPEATED,
    &DISCHARGE_MISSING,
];

/// The rules over a whole episode (`checkEpisode`), each reading the episode's facts.
pub(crate) fn check_episode(
    ctx: &crate::episode::check::EpisodeContext<'_>,
    out: &mut crate::episode::check::EpisodeFindings<'_>,
) {
    progress_report_missed::check(ctx, out);
    goal_without_status::check(ctx, out);
    goals_changed_without_recertification::check(ctx, out);
    visits_exceed_plan_frequency::check(ctx, out);
    visit_outside_plan_of_care::check(ctx, out);
    cloned_documentation::check(ctx, out);
    outcome_measure_not_repeated::check(ctx, out);
    discharge_missing::check(ctx, out);
}

/// Rules that only `checkEpisode` runs (their examples are episodes).
pub fn is_episode_rule(id: &str) -> bool {
    EPISODE_RULES.iter().any(|r| r.id == id)
}

/// The rules over a whole episode, in docs order.
pub static EPISODE_RULES: &[&RuleMeta] = &[
    &PROGRESS_REPORT_MISSED,
    &GOAL_WITHOUT_STATUS,
    &GOALS_CHANGED_WITHOUT_RECERTIFICATION,
    &VISITS_EXCEED_PLAN_FREQUENCY,
    &VISIT_OUTSIDE_PLAN_OF_CARE,
    &CLONED_DOCUMENTATION,
    &OUTCOME_MEASURE_NOT_REPEATED,
    &DISCHARGE_MISSING,
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
