//! The `episode` family: the episode of care around the visit (progress reports, the plan of
//! care's certification and dates, the payer's authorization).
//!
//! Day counting, used by every rule here: "day N" of an interval is N calendar days after its
//! first day (the first treatment day is day 0), so "within 30 days after the first
//! treatment" ends on day 30, and a 90-day certification ends on day 90.

use crate::rules::context::rule_table;

pub mod limits;

rule_table! {
    mod progress_report_due: PROGRESS_REPORT_DUE;
    mod plan_of_care_uncertified: PLAN_OF_CARE_UNCERTIFIED;
    mod plan_of_care_expired: PLAN_OF_CARE_EXPIRED;
    mod authorization_exceeded: AUTHORIZATION_EXCEEDED;
    mod authorization_ending: AUTHORIZATION_ENDING;
}
