//! Helpers shared by the integration tests.
#![allow(
    clippy::disallowed_methods, // tests sort directly; the crate sorts through src/sort.rs
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use chartlint::{Checker, Finding, Report};
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

/// The ```json block of a rule doc's section (`Example`, `Passes`).
pub fn doc_patch(r: &chartlint::RuleDoc, heading: &str) -> Option<Value> {
    let docs = match heading {
        "Example" => &r.example,
        "Passes" => &r.passes,
        _ => return None,
    };
    let start = docs.find("```json")? + "```json".len();
    let rest = &docs[start..];
    let end = rest.find("```")?;
    serde_json::from_str(rest[..end].trim()).ok()
}

/// Every note the drafting tests run over, named: the labelled corpus (every folder of
/// `tests/corpus/`), the demo's samples, and each rule's documented Example and Passes laid
/// over the base note.
pub fn all_notes() -> Vec<(String, Value)> {
    let mut out = Vec::new();
    let mut dirs = vec![std::path::PathBuf::from("tests/corpus")];
    let mut files = Vec::new();
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "json") {
                files.push(p);
            }
        }
    }
    files.sort();
    for p in files {
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
        if let Some(note) = doc.get("note") {
            out.push((format!("corpus {}", p.display()), note.clone()));
        }
    }
    let samples: Value =
        serde_json::from_str(&std::fs::read_to_string("www/src/samples.json").unwrap()).unwrap();
    for s in samples.as_array().unwrap() {
        out.push((
            format!("sample {}", s["key"].as_str().unwrap()),
            s["note"].clone(),
        ));
    }
    for r in chartlint::rules() {
        for h in ["Example", "Passes"] {
            if let Some(patch) = doc_patch(&r, h) {
                out.push((format!("{} {h}", r.id), with(patch)));
            }
        }
    }
    out
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

/// Checks `note` with a Checker built from `config`.
pub fn check_with(config: Value, note: &Value) -> Report {
    Checker::new(&config)
        .unwrap_or_else(|e| panic!("config rejected: {e}"))
        .check_value(note)
        .unwrap_or_else(|e| panic!("note rejected: {e}"))
}

/// The findings of `rule`.
pub fn findings<'a>(r: &'a Report, rule: &str) -> Vec<&'a Finding> {
    r.findings.iter().filter(|f| f.rule == rule).collect()
}

/// The one finding of `rule` (fails unless exactly one).
pub fn one<'a>(r: &'a Report, rule: &str) -> &'a Finding {
    let f = findings(r, rule);
    assert_eq!(
        f.len(),
        1,
        "expected one {rule}; findings: {:#?}",
        r.findings
    );
    f[0]
}
