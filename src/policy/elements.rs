//! What each note type must contain: the requirements table the `elements` rules read.
//!
//! The built-in table follows Medicare; a clinic can replace the list of a note type with
//! `config.requirements`, e.g. `{"requirements": {"daily": ["plan", "signature"]}}`.
//!
//! | note type | goals | progress | medical necessity | skilled intervention¹ | patient response¹ | plan | signature | outcome measure |
//! |---|---|---|---|---|---|---|---|---|
//! | evaluation | ✓ | | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |
//! | reevaluation | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |
//! | daily | | | ✓ | ✓ | ✓ | ✓ | ✓ | |
//! | progress | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |
//! | recertification | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |
//! | discharge | | ✓ | | ✓ | ✓ | ✓ | ✓ | ✓ |
//!
//! ¹ only when the note bills a treatment code (a line with units that is not an evaluation
//! or re-evaluation code).
//!
//! Sources: CMS Pub. 100-02, ch. 15, §220.1.2 (plan of care: long-term goals, type, amount,
//! frequency and duration); §220.3 B–C (evaluation and re-evaluation: objective measures,
//! prognosis, plan, goals); §220.3 D (progress report: progress toward each goal, plans for
//! continuing treatment, signature); §220.3 E (treatment note: interventions, signature,
//! response and changes recommended); §220.2 (skilled, reasonable and necessary services);
//! the documentation guidance of APTA and AOTA (red flags, what reviewers want instead).

use crate::error::InputError;
use crate::input::{describe, Obj};
use crate::note::NoteType;
use crate::wire::wire_enum;
use serde_json::Value;

wire_enum! {
    /// A documentation element a note may be required to contain, named as in
    /// `config.requirements` (and the Report's `elements`).
    #[cfg_attr(test, ts(rename = "ElementName"))]
    pub enum Element {
        /// Goals.
        Goals = "goals",
        /// Progress toward the goals.
        Progress = "progress",
        /// Why the patient needs skilled therapy.
        MedicalNecessity = "medicalNecessity",
        /// What required a therapist's skill.
        SkilledIntervention = "skilledIntervention",
        /// The patient's response to treatment.
        PatientResponse = "patientResponse",
        /// The plan for the next visits.
        Plan = "plan",
        /// The signature with credentials.
        Signature = "signature",
        /// A standardized outcome measure with a score.
        OutcomeMeasure = "outcomeMeasure",
    }
}

impl Element {
    /// Required only when the note bills a treatment code (not an evaluation alone).
    pub fn only_with_treatment(self) -> bool {
        matches!(
            self,
            Element::SkilledIntervention | Element::PatientResponse
        )
    }
}

/// The built-in requirements of a note type, with the section of the source.
pub fn builtin(t: NoteType) -> (&'static [Element], &'static str) {
    use Element::*;
    match t {
        NoteType::Evaluation => (
            &[
                Goals,
                MedicalNecessity,
                SkilledIntervention,
                PatientResponse,
                Plan,
                Signature,
                OutcomeMeasure,
            ],
            "CMS Pub. 100-02, ch. 15, §220.3 C and §220.1.2",
        ),
        NoteType::Reevaluation => (
            &[
                Goals,
                Progress,
                MedicalNecessity,
                SkilledIntervention,
                PatientResponse,
                Plan,
                Signature,
                OutcomeMeasure,
            ],
            "CMS Pub. 100-02, ch. 15, §220.3 C",
        ),
        NoteType::Daily => (
            &[
                MedicalNecessity,
                SkilledIntervention,
                PatientResponse,
                Plan,
                Signature,
            ],
            "CMS Pub. 100-02, ch. 15, §220.3 E and §220.2",
        ),
        NoteType::Progress | NoteType::Recertification => (
            &[
                Goals,
                Progress,
                MedicalNecessity,
                SkilledIntervention,
                PatientResponse,
                Plan,
                Signature,
                OutcomeMeasure,
            ],
            "CMS Pub. 100-02, ch. 15, §220.3 D and §220.1.3",
        ),
        NoteType::Discharge => (
            &[
                Progress,
                SkilledIntervention,
                PatientResponse,
                Plan,
                Signature,
                OutcomeMeasure,
            ],
            "CMS Pub. 100-02, ch. 15, §220.3 D (the discharge note is a progress report)",
        ),
    }
}

/// The clinic's replacements for the built-in lists (`config.requirements`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Requirements {
    overrides: Vec<(NoteType, Vec<Element>)>,
}

impl Requirements {
    /// Reads `{"progress": ["goals", "progress", …], …}`.
    pub fn from_obj(o: &Obj<'_>) -> Result<Requirements, InputError> {
        let mut r = Requirements::default();
        for (kind, list) in o.entries() {
            let path = o.path_of(kind);
            let t = NoteType::parse(kind).ok_or_else(|| {
                InputError::new(
                    &path,
                    format!(
                        "is not a note type: expected one of {}",
                        NoteType::NAMES.join(", ")
                    ),
                )
            })?;
            let Value::Array(items) = list else {
                return Err(InputError::new(
                    &path,
                    format!("expected a list of element names, got {}", describe(list)),
                ));
            };
            let mut elements = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                let e = match item {
                    Value::String(s) => Element::parse(s),
                    _ => None,
                }
                .ok_or_else(|| {
                    InputError::new(
                        format!("{path}[{i}]"),
                        format!(
                            "expected one of {}, got {}",
                            Element::NAMES.join(", "),
                            describe(item)
                        ),
                    )
                })?;
                if !elements.contains(&e) {
                    elements.push(e);
                }
            }
            r.overrides.retain(|(k, _)| *k != t);
            r.overrides.push((t, elements));
        }
        Ok(r)
    }

    /// Whether a note of type `t` must contain `e` (before the treatment-code condition).
    pub fn requires(&self, t: NoteType, e: Element) -> bool {
        match self.overrides.iter().find(|(k, _)| *k == t) {
            Some((_, list)) => list.contains(&e),
            None => builtin(t).0.contains(&e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for e in Element::NAMES.iter().filter_map(|n| Element::parse(n)) {
            assert_eq!(Element::parse(e.as_str()), Some(e));
        }
    }

    #[test]
    fn overrides_replace_one_note_type() {
        let v = serde_json::json!({"daily": ["plan"]});
        let o = Obj::new(&v, "config.requirements").unwrap_or_else(|_| unreachable!());
        let r = Requirements::from_obj(&o).unwrap_or_else(|_| unreachable!());
        assert!(r.requires(NoteType::Daily, Element::Plan));
        assert!(!r.requires(NoteType::Daily, Element::Signature));
        assert!(r.requires(NoteType::Progress, Element::Progress));
        let bad = serde_json::json!({"daily": ["goalz"]});
        let o = Obj::new(&bad, "config.requirements").unwrap_or_else(|_| unreachable!());
        let e = Requirements::from_obj(&o)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(e.contains("config.requirements.daily[0]"), "{e}");
    }
}
