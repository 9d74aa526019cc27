//! The `eval` family: evaluation complexity (PT 97161–97163, OT 97165–97167), the
//! re-evaluation codes (97164, 97168) and the SLP evaluation codes (92521–92524, 92610–92612; not
//! complexity-based, so only their family is checked).
//!
//! The components and thresholds are data in [`crate::policy::evaluation`]; [`analysis`]
//! assesses each component from the evaluation form's fields or, where a field is absent,
//! from what the text reader found ([`crate::text::EvalText`]); the note supports the level
//! every component meets (the lowest). The analysis is a fact ([`crate::facts::Facts::eval`]): the rules read it, and
//! `Report.evaluation` ([`crate::report::evaluation`]) shows it.

use crate::rules::context::rule_table;

pub mod analysis;

rule_table! {
    mod components_missing: COMPONENTS_MISSING;
    mod complexity_overcoded: COMPLEXITY_OVERCODED;
    mod complexity_undercoded: COMPLEXITY_UNDERCODED;
    mod code_discipline_mismatch: CODE_DISCIPLINE_MISMATCH;
    mod code_note_type_mismatch: CODE_NOTE_TYPE_MISMATCH;
    mod reevaluation_unsupported: REEVALUATION_UNSUPPORTED;
    mod multiple_evaluation_codes: MULTIPLE_EVALUATION_CODES;
}
