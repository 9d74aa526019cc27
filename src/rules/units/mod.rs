//! The `units` family: minutes against billed units (the 8-minute rule and the Rule of
//! Eights). The arithmetic lives in [`crate::facts::units`]; these rules read its outcome.

use crate::rules::context::rule_table;

pub mod rows;

rule_table! {
    mod over_billed: OVER_BILLED;
    mod under_billed: UNDER_BILLED;
    mod below_minimum: BELOW_MINIMUM;
    mod missing_minutes: MISSING_MINUTES;
    mod total_minutes_mismatch: TOTAL_MINUTES_MISMATCH;
    mod missing_total_treatment_time: MISSING_TOTAL_TREATMENT_TIME;
    mod untimed_multiple_units: UNTIMED_MULTIPLE_UNITS;
    mod split_code_lines: SPLIT_CODE_LINES;
    mod text_mismatch: TEXT_MISMATCH;
}
