//! `Report.checklist`: what this note needs written or entered, and whether it is. While
//! drafting, what is not done yet is here instead of in the findings; at signing, each item
//! not done is also a finding of its rule.
//!
//! The documentation elements' items are read from `report.elements` (required, found,
//! where), so they follow the text reader whatever it becomes; the other items (diagnoses,
//! minutes, total treatment time, the evaluation code and components, the re-evaluation
//! reason, a progress report due) are reported by their rules.

use crate::diagnostics::{Diagnostic, RuleMeta};
use crate::edits::Edit;
use crate::facts::Facts;
use crate::report::elements::{ElementFound, ElementsReport};
use crate::rules::context::{ChecklistItemKind, ItemDraft};
use crate::span::{Span, Utf16Index, Utf16Span};
use serde::Serialize;

/// One thing the note needs written or entered.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ChecklistItem {
    /// What it asks for: a documentation element (as in `elements`) or a field or part of
    /// the note.
    pub item: ChecklistItemKind,
    /// What a therapist reads: "Plan", "Minutes of 97110".
    pub label: String,
    /// The rule that reports it as a finding at signing when it is not done.
    #[cfg_attr(test, ts(type = "RuleId"))]
    pub rule: &'static str,
    /// This note needs it (its type, payer and billed codes). Documentation elements the
    /// note type does not need are listed with `false`.
    pub required: bool,
    /// Written or entered already.
    pub done: bool,
    /// Where it is written, in UTF-16 code units of `note.text`.
    pub spans: Vec<Utf16Span>,
    /// The field to fill, when it is one (e.g. `lines[0].minutes`, `diagnoses`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub field: Option<String>,
    /// What to write or enter, imperatively (when not done).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub fix: Option<String>,
    /// Template edits that insert the item's heading with placeholders (when not done).
    pub edits: Vec<Edit>,
}

/// The rule reporting each documentation element, and the element's label.
const ELEMENTS: [(ChecklistItemKind, &str, &str); 8] = [
    (ChecklistItemKind::Goals, "Goals", "elements/missing-goals"),
    (
        ChecklistItemKind::Progress,
        "Progress toward the goals",
        "elements/missing-progress",
    ),
    (
        ChecklistItemKind::MedicalNecessity,
        "Medical necessity",
        "elements/missing-medical-necessity",
    ),
    (
        ChecklistItemKind::SkilledIntervention,
        "Skilled intervention",
        "elements/missing-skilled-intervention",
    ),
    (
        ChecklistItemKind::PatientResponse,
        "Patient's response",
        "elements/missing-patient-response",
    ),
    (ChecklistItemKind::Plan, "Plan", "elements/missing-plan"),
    (
        ChecklistItemKind::Signature,
        "Signature with credentials",
        "elements/missing-signature",
    ),
    (
        ChecklistItemKind::OutcomeMeasure,
        "Standardized outcome measure",
        "elements/missing-outcome-measure",
    ),
];

fn element(e: &ElementsReport, kind: ChecklistItemKind) -> Option<&ElementFound> {
    Some(match kind {
        ChecklistItemKind::Goals => &e.goals,
        ChecklistItemKind::Progress => &e.progress,
        ChecklistItemKind::MedicalNecessity => &e.medical_necessity,
        ChecklistItemKind::SkilledIntervention => &e.skilled_intervention,
        ChecklistItemKind::PatientResponse => &e.patient_response,
        ChecklistItemKind::Plan => &e.plan,
        ChecklistItemKind::Signature => &e.signature,
        ChecklistItemKind::OutcomeMeasure => &e.outcome_measure,
        _ => return None,
    })
}

/// The rules the elements' items name (for the tests: each must be a rule of kind
/// `missing` or `both`).
#[cfg(test)]
pub fn element_rules() -> impl Iterator<Item = &'static str> {
    ELEMENTS.iter().map(|(_, _, rule)| *rule)
}

/// What the checklist is built from: the elements report, the rules' items and their
/// findings of things not written yet (whose fix and edits the items carry).
pub struct Inputs<'a> {
    pub elements: &'a ElementsReport,
    pub drafts: Vec<ItemDraft>,
    pub missing: Vec<&'a Diagnostic>,
}

/// `Report.checklist`.
pub fn build(f: &Facts<'_>, inputs: Inputs<'_>, index: &Utf16Index) -> Vec<ChecklistItem> {
    let placeholders: Vec<Utf16Span> = f.placeholders.iter().map(|s| index.span(*s)).collect();
    let overlaps_placeholder = |s: &Utf16Span| {
        placeholders
            .iter()
            .any(|p| p.start < s.end.max(s.start + 1) && s.start < p.end)
    };
    // The rule's finding for the item: the one on the item's field, else its only one.
    let from_finding = |rule: &str, field: Option<&str>, by_field: bool| {
        let of_rule = || inputs.missing.iter().filter(|d| d.rule.id == rule);
        of_rule()
            .find(|d| !by_field || d.field.as_deref() == field)
            .or_else(|| {
                of_rule()
                    .nth(1)
                    .is_none()
                    .then(|| of_rule().next())
                    .flatten()
            })
            .map(|d| {
                (
                    d.fix.clone(),
                    d.edits.iter().cloned().map(|e| e.finish(index)).collect(),
                )
            })
    };
    let mut out = Vec::new();
    for (kind, label, rule) in ELEMENTS {
        let Some(meta) = crate::rules::find(rule) else {
            continue;
        };
        if f.config.is_disabled(meta.id) {
            continue;
        }
        let Some(e) = element(inputs.elements, kind) else {
            continue;
        };
        // Words that are still a template's placeholder are not written yet.
        let done =
            e.found && (e.spans.is_empty() || e.spans.iter().any(|s| !overlaps_placeholder(s)));
        let (fix, edits) = if done {
            (None, Vec::new())
        } else {
            from_finding(meta.id, None, false).unwrap_or_default()
        };
        out.push(ChecklistItem {
            item: kind,
            label: label.to_string(),
            rule: meta.id,
            required: e.required,
            done,
            spans: e.spans.clone(),
            field: None,
            fix: if e.required { fix } else { None },
            edits: if e.required { edits } else { Vec::new() },
        });
    }
    for d in inputs.drafts {
        let (fix, edits) = if d.done {
            (None, Vec::new())
        } else {
            from_finding(d.rule.id, d.field.as_deref(), true).unwrap_or_default()
        };
        out.push(ChecklistItem {
            item: d.item,
            label: d.label,
            rule: rule_id(d.rule),
            required: true,
            done: d.done,
            spans: d.spans.into_iter().map(|s: Span| index.span(s)).collect(),
            field: d.field,
            fix,
            edits,
        });
    }
    out
}

fn rule_id(r: &'static RuleMeta) -> &'static str {
    r.id
}

#[cfg(test)]
mod tests {
    use crate::diagnostics::RuleKind;

    #[test]
    fn every_element_item_names_a_rule_that_reports_what_is_not_written() {
        for id in super::element_rules() {
            let rule = crate::rules::find(id).map(|r| r.kind);
            assert!(
                matches!(rule, Some(RuleKind::Missing | RuleKind::Both)),
                "{id}: {rule:?}"
            );
        }
    }
}
