//! The `elements` family: what the note's words document (goals, progress, medical
//! necessity, skilled care, response, plan, signature, outcome measures) and phrases
//! reviewers cite. The text is read once into [`crate::text::TextFacts`]; which note types
//! need which element is the table in [`crate::policy::elements`] (adjustable by
//! `config.requirements`), read through [`crate::facts::elements`].

use crate::rules::context::rule_table;

pub mod wording;

rule_table! {
    mod missing_goals: MISSING_GOALS;
    mod goals_not_measurable: GOALS_NOT_MEASURABLE;
    mod missing_progress: MISSING_PROGRESS;
    mod missing_medical_necessity: MISSING_MEDICAL_NECESSITY;
    mod missing_skilled_intervention: MISSING_SKILLED_INTERVENTION;
    mod missing_patient_response: MISSING_PATIENT_RESPONSE;
    mod missing_plan: MISSING_PLAN;
    mod missing_signature: MISSING_SIGNATURE;
    mod missing_outcome_measure: MISSING_OUTCOME_MEASURE;
    mod red_flag_phrase: RED_FLAG_PHRASE;
    mod template_placeholder: TEMPLATE_PLACEHOLDER;
}
