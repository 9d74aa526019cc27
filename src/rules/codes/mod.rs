//! The `codes` family: the billed codes themselves (known, paired with their primary) and
//! the visit's diagnosis codes.

use crate::rules::context::rule_table;

rule_table! {
    mod unknown_code: UNKNOWN_CODE;
    mod add_on_without_primary: ADD_ON_WITHOUT_PRIMARY;
    mod missing_diagnosis: MISSING_DIAGNOSIS;
    mod invalid_diagnosis: INVALID_DIAGNOSIS;
}
