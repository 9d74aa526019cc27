//! `Report.elements`: for each documentation element, required or not, found or not, where,
//! and the words that decided it (a reviewer's explanation).

use crate::facts::{elements, Facts};
use crate::policy::elements::Element as E;
use crate::span::{Utf16Index, Utf16Span};
use crate::text::{Evidence, Goal, SectionKind, Signature};
use serde::Serialize;

/// One piece of evidence that decided an element: the words (UTF-16), what they are, the
/// section they are in and their context.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename = "ElementEvidence"))]
#[serde(rename_all = "camelCase")]
pub struct Because {
    /// Start of the deciding words, in UTF-16 code units of `note.text`.
    pub start: usize,
    /// End of the deciding words, in UTF-16 code units of `note.text`.
    pub end: usize,
    /// What the words are: "goal status", "comparison", "cueing", "frequency", "deficit",
    /// "measurable goal with a timeframe", …
    pub concept: &'static str,
    /// The section they are in ("plan", "assessment", …), when the note has headings.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub section: Option<&'static str>,
    /// "negated", "hypothetical", "historical", "experiencer" or "reported", when the
    /// context matters ("goals not met" is a goal status, negated).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub context: Option<&'static str>,
}

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
    /// The words that decided it (at most five), with what they are and where.
    pub because: Vec<Because>,
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

/// At most this many pieces of evidence per element.
const BECAUSE_MAX: usize = 5;

/// `Report.elements` from the facts.
pub fn build(f: &Facts<'_>, index: &Utf16Index) -> ElementsReport {
    let facts = &f.text;
    let required = |e: E| f.element_required(e);
    let signed_in_fields = elements::signed_in_fields(f.note);
    // A signature whose credentials are all another discipline's or level's (an OTA's note
    // signed only "OTR/L") does not sign the note: missing-signature reports the mismatch.
    let text_signs = {
        let role = f.note.provider.role;
        let mut creds = facts.signatures.iter().flat_map(|s| s.credentials.iter());
        let any = creds.clone().next().is_some();
        !any || creds.any(|c| c.fits(role))
    };
    let because = |ev: &Evidence| {
        let s = index.span(ev.span);
        Because {
            start: s.start,
            end: s.end,
            concept: ev.concept,
            section: ev.section.map(SectionKind::name),
            context: ev.context,
        }
    };
    let from = |e: Option<E>, ev: &[Evidence]| ElementFound {
        required: e.is_some_and(&required),
        found: !ev.is_empty(),
        spans: ev.iter().map(|x| index.span(x.span)).collect(),
        because: ev.iter().take(BECAUSE_MAX).map(because).collect(),
    };
    let goal_because = |g: &Goal| {
        let s = index.span(g.span);
        Because {
            start: s.start,
            end: s.end,
            concept: match (g.measurable, g.timeframe) {
                (true, true) => "measurable goal with a timeframe",
                (true, false) => "goal without a timeframe",
                (false, true) => "goal without a measurable target",
                (false, false) => "goal without a target or a timeframe",
            },
            section: None,
            context: None,
        }
    };
    let sig_because = |sg: &Signature| {
        let s = index.span(sg.span);
        Because {
            start: s.start,
            end: s.end,
            concept: "signature with credentials",
            section: None,
            context: None,
        }
    };
    ElementsReport {
        goals: ElementFound {
            required: required(E::Goals),
            found: !facts.goals.is_empty(),
            spans: facts.goals.iter().map(|g| index.span(g.span)).collect(),
            because: facts
                .goals
                .iter()
                .take(BECAUSE_MAX)
                .map(goal_because)
                .collect(),
        },
        progress: from(Some(E::Progress), &facts.progress),
        medical_necessity: from(Some(E::MedicalNecessity), &facts.medical_necessity),
        skilled_intervention: from(Some(E::SkilledIntervention), &facts.skilled),
        patient_response: from(Some(E::PatientResponse), &facts.patient_response),
        plan: from(Some(E::Plan), &facts.plan),
        signature: ElementFound {
            required: required(E::Signature),
            found: if facts.signatures.is_empty() {
                signed_in_fields
            } else {
                text_signs
            },
            spans: facts
                .signatures
                .iter()
                .map(|sg| index.span(sg.span))
                .collect(),
            because: facts
                .signatures
                .iter()
                .take(BECAUSE_MAX)
                .map(sig_because)
                .collect(),
        },
        outcome_measure: from(Some(E::OutcomeMeasure), &facts.outcome_measures),
        objective_measures: from(None, &facts.measurements),
    }
}
