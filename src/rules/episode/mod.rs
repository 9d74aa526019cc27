//! The `episode` family: the episode of care around the visit (progress reports, the plan of
//! care's certification and dates, the payer's authorization), and the rules over a whole
//! episode of care (`checkEpisode`, marked `(episode)` in the table): progress reports
//! missed, goals without a status or changed without recertification, visits beyond the
//! plan's frequency or outside it, cloned documentation, measures never repeated, a closed
//! episode without a discharge note.
//!
//! Day counting, used by every rule here: "day N" of an interval is N calendar days after its
//! first day (the first treatment day is day 0), so "within 30 days after the first
//! treatment" ends on day 30, and a 90-day certification ends on day 90.

use crate::rules::context::rule_table;

pub mod limits;
pub mod wording;

rule_table! {
    mod progress_report_due: PROGRESS_REPORT_DUE;
    mod plan_of_care_uncertified: PLAN_OF_CARE_UNCERTIFIED;
    mod plan_of_care_expired: PLAN_OF_CARE_EXPIRED;
    mod authorization_exceeded: AUTHORIZATION_EXCEEDED;
    mod authorization_ending: AUTHORIZATION_ENDING;
    mod progress_report_missed: PROGRESS_REPORT_MISSED (episode);
    mod goal_without_status: GOAL_WITHOUT_STATUS (episode);
    mod goals_changed_without_recertification: GOALS_CHANGED_WITHOUT_RECERTIFICATION (episode);
    mod visits_exceed_plan_frequency: VISITS_EXCEED_PLAN_FREQUENCY (episode);
    mod visit_outside_plan_of_care: VISIT_OUTSIDE_PLAN_OF_CARE (episode);
    mod cloned_documentation: CLONED_DOCUMENTATION (episode);
    mod outcome_measure_not_repeated: OUTCOME_MEASURE_NOT_REPEATED (episode);
    mod discharge_missing: DISCHARGE_MISSING (episode);
}
