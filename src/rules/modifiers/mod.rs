//! The `modifiers` family: GP/GO/GN, CQ/CO, NCCI pairs (59/X), unknown modifiers, KX.
//!
//! chartlint never adds a modifier. What the rules call for on each line is a fact
//! ([`crate::facts::modifiers`]), reported in `billing.lines[].modifiersRequired` and
//! explained by the findings.

use crate::rules::context::rule_table;

pub mod lists;

rule_table! {
    mod missing_discipline: MISSING_DISCIPLINE;
    mod wrong_discipline: WRONG_DISCIPLINE;
    mod assistant_required: ASSISTANT_REQUIRED;
    mod assistant_wrong_discipline: ASSISTANT_WRONG_DISCIPLINE;
    mod ncci_pair: NCCI_PAIR;
    mod unknown: UNKNOWN;
    mod kx_required: KX_REQUIRED;
    mod kx_unneeded: KX_UNNEEDED;
    mod review_threshold: REVIEW_THRESHOLD;
}
