//! `Report.elements`: for each documentation element, required or not, found or not, and
//! where.

use crate::facts::{elements, Facts};
use crate::policy::elements::Element as E;
use crate::span::{Span, Utf16Index, Utf16Span};
use serde::Serialize;

/// One documentation element in the Report.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ElementFound {
    /// The note type requires it (`config.requirements` or the built-in table).
    pub required: bool,
    /// The note documents it.
    pub found: bool,
    /// Where, in UTF-16 code units of `note.text`.
    pub spans: Vec<Utf16Span>,
}

/// The `elements` section of the Report: for each documentation element, found or not, and where.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ElementsReport {
    /// Goals.
    pub goals: ElementFound,
    /// Progress toward the goals or since an earlier measure.
    pub progress: ElementFound,
    /// Why the patient needs skilled therapy.
    pub medical_necessity: ElementFound,
    /// What required a therapist's skill.
    pub skilled_intervention: ElementFound,
    /// The patient's response to treatment.
    pub patient_response: ElementFound,
    /// The plan for the next visits.
    pub plan: ElementFound,
    /// The signature with credentials (or `provider.name` and `provider.credentials`).
    pub signature: ElementFound,
    /// A standardized outcome measure with a score.
    pub outcome_measure: ElementFound,
    /// Objective measurements (ROM degrees, MMT grades, distances, assist levels, ratings).
    pub objective_measures: ElementFound,
}

/// `Report.elements` from the facts.
pub fn build(f: &Facts<'_>, index: &Utf16Index) -> ElementsReport {
    let facts = &f.text;
    let required = |e: E| f.element_required(e);
    let signed_in_fields = elements::signed_in_fields(f.note);
    let el = |e: Option<E>, spans: Vec<Span>, extra: bool| ElementFound {
        required: e.is_some_and(&required),
        found: !spans.is_empty() || extra,
        spans: spans.into_iter().map(|s| index.span(s)).collect(),
    };
    ElementsReport {
        goals: el(
            Some(E::Goals),
            facts.goals.iter().map(|g| g.span).collect(),
            false,
        ),
        progress: el(Some(E::Progress), facts.progress.clone(), false),
        medical_necessity: el(
            Some(E::MedicalNecessity),
            facts.medical_necessity.clone(),
            false,
        ),
        skilled_intervention: el(Some(E::SkilledIntervention), facts.skilled.clone(), false),
        patient_response: el(
            Some(E::PatientResponse),
            facts.patient_response.clone(),
            false,
        ),
        plan: el(Some(E::Plan), facts.plan.clone(), false),
        signature: el(
            Some(E::Signature),
            facts.signatures.iter().map(|s| s.span).collect(),
            signed_in_fields,
        ),
        outcome_measure: el(
            Some(E::OutcomeMeasure),
            facts.outcome_measures.clone(),
            false,
        ),
        objective_measures: el(None, facts.measurements.clone(), false),
    }
}
