//! Helpers shared by the integration tests.
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use chartlint::{Checker, Report};
use serde_json::{json, Value};

/// The clean base note (a Medicare PT daily note that passes every rule).
pub fn base() -> Value {
    serde_json::from_str(include_str!("fixtures/base-note.json")).expect("base note is valid JSON")
}

/// The base note with `patch`'s top-level keys laid over it (`null` removes a key).
pub fn with(patch: Value) -> Value {
    let mut note = base();
    if let (Value::Object(n), Value::Object(p)) = (&mut note, patch) {
        for (k, v) in p {
            if v.is_null() {
                n.remove(&k);
            } else {
                n.insert(k, v);
            }
        }
    }
    note
}

pub fn check(note: &Value) -> Report {
    Checker::with_defaults()
        .check_value(note)
        .unwrap_or_else(|e| panic!("note rejected: {e}"))
}

/// Lines from `(code, minutes, units)`, with GP.
pub fn lines(items: &[(&str, u32, u32)]) -> Value {
    Value::Array(
        items
            .iter()
            .map(|(c, m, u)| json!({"code": c, "minutes": m, "units": u, "modifiers": ["GP"]}))
            .collect(),
    )
}

pub fn rules_fired(r: &Report) -> Vec<&'static str> {
    r.findings.iter().map(|f| f.rule).collect()
}

/// The rules the labelled corpus (tests/corpus/) labels, in the spec's order: the text rules.
pub const CORPUS_RULES: &[&str] = &[
    "elements/missing-goals",
    "elements/goals-not-measurable",
    "elements/missing-progress",
    "elements/missing-medical-necessity",
    "elements/missing-skilled-intervention",
    "elements/missing-patient-response",
    "elements/missing-plan",
    "elements/missing-signature",
    "elements/missing-outcome-measure",
    "elements/red-flag-phrase",
    "units/text-mismatch",
];

/// The findings about billing. The text-reading rules (`elements/*`, `units/text-mismatch`)
/// judge the base note's narrative, which these notes do not rewrite to match their lines.
pub fn billing_rules(r: &chartlint::Report) -> Vec<&'static str> {
    r.findings
        .iter()
        .map(|f| f.rule)
        .filter(|id| !id.starts_with("elements/") && *id != "units/text-mismatch")
        .collect()
}

/// An episode from patches: each patch is laid over the base note without its `episode`
/// fields (the episode derives them); a patch whose `dateOfService` is an array gives one
/// note per date. Notes without an id get `n1`, `n2`… in order.
pub fn episode_notes(patches: &Value) -> Value {
    let mut out = Vec::new();
    for p in patches
        .as_array()
        .expect("an episode is an array of patches")
    {
        let dates: Vec<Value> = match p.get("dateOfService") {
            Some(Value::Array(ds)) => ds.clone(),
            Some(d) => vec![d.clone()],
            None => vec![base()["dateOfService"].clone()],
        };
        for d in dates {
            let mut n = base();
            n.as_object_mut().unwrap().remove("episode");
            for (k, v) in p.as_object().unwrap() {
                if v.is_null() {
                    n.as_object_mut().unwrap().remove(k);
                } else {
                    n[k] = v.clone();
                }
            }
            n["dateOfService"] = d;
            if n.get("id").map_or(true, |i| i == "base-note") {
                n["id"] = json!(format!("n{}", out.len() + 1));
            }
            out.push(n);
        }
    }
    Value::Array(out)
}

pub fn check_episode(patches: &Value) -> chartlint::EpisodeReport {
    Checker::with_defaults()
        .check_episode_value(&episode_notes(patches))
        .unwrap_or_else(|e| panic!("episode rejected: {e}"))
}

pub fn episode_rules_fired(r: &chartlint::EpisodeReport) -> Vec<(&'static str, Option<String>)> {
    r.findings
        .iter()
        .map(|f| (f.finding.rule, f.note_id.clone()))
        .collect()
}
