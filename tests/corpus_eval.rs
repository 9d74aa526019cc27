//! The labelled corpus (`tests/corpus/*.json`, format in docs/elements-spec.md): every file's
//! shape is validated, every note is checked, and precision and recall are computed per rule
//! of the elements spec. The test prints the table and fails when a rule falls below the
//! floor.
//!
//! Counting: for the per-note rules, one true/false positive or false negative per note.
//! For the per-item rules (`elements/goals-not-measurable`, `elements/red-flag-phrase`), the
//! expected count (`expectCount`, or 1 when the rule is in `expect` without a count) is
//! compared with the findings: TP += min, FP += the excess, FN += the shortfall.
//!
//! Run `cargo test --test corpus_eval -- --nocapture` to see the table and each miss.
//!
//! `NNN-*.json` are the labelled corpus (see its README); `dev-*.json` are notes the engine
//! was developed against, in the same format. Elements agreement (`found` against the
//! `elements` labels) is printed for information and does not fail the test.

use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

mod common;

use common::CORPUS_RULES as RULES;
const PER_ITEM: &[&str] = &["elements/goals-not-measurable", "elements/red-flag-phrase"];
const ELEMENTS: &[&str] = &[
    "goals",
    "progress",
    "medicalNecessity",
    "skilledIntervention",
    "patientResponse",
    "plan",
    "signature",
    "outcomeMeasure",
];
const STYLES: &[&str] = &["soap", "narrative", "checkbox", "abbreviated", "typos"];

/// Floors per rule.
const MIN_PRECISION: f64 = 0.95;
const MIN_RECALL: f64 = 0.90;

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Counts {
    fn precision(&self) -> Option<f64> {
        let d = self.tp + self.fp;
        (d > 0).then(|| self.tp as f64 / d as f64)
    }
    fn recall(&self) -> Option<f64> {
        let d = self.tp + self.fn_;
        (d > 0).then(|| self.tp as f64 / d as f64)
    }
}

/// Validates one corpus file's shape; returns the problems found.
fn shape_problems(v: &Value) -> Vec<String> {
    let mut p = Vec::new();
    let Some(o) = v.as_object() else {
        return vec!["not a JSON object".into()];
    };
    for k in o.keys() {
        if ![
            "description",
            "style",
            "note",
            "expect",
            "expectCount",
            "elements",
        ]
        .contains(&k.as_str())
        {
            p.push(format!("unknown key {k:?}"));
        }
    }
    if !o
        .get("description")
        .is_some_and(|d| d.as_str().is_some_and(|s| !s.trim().is_empty()))
    {
        p.push("description: expected a non-empty string".into());
    }
    match o.get("style").and_then(Value::as_str) {
        Some(s) if STYLES.contains(&s) => {}
        other => p.push(format!("style: expected one of {STYLES:?}, got {other:?}")),
    }
    if !o.get("note").is_some_and(Value::is_object) {
        p.push("note: expected an object".into());
    }
    match o.get("expect").and_then(Value::as_array) {
        Some(list) => {
            for r in list {
                match r.as_str() {
                    Some(id) if RULES.contains(&id) => {}
                    _ => p.push(format!("expect: {r} is not a rule of the spec")),
                }
            }
        }
        None => p.push("expect: expected an array of rule ids".into()),
    }
    if let Some(c) = o.get("expectCount") {
        match c.as_object() {
            Some(m) => {
                for (k, n) in m {
                    if !PER_ITEM.contains(&k.as_str()) {
                        p.push(format!("expectCount: {k} is not a per-item rule"));
                    }
                    if n.as_u64().is_none() {
                        p.push(format!("expectCount.{k}: expected a whole number"));
                    }
                    let listed = o
                        .get("expect")
                        .and_then(Value::as_array)
                        .is_some_and(|l| l.iter().any(|r| r == k.as_str()));
                    if n.as_u64().unwrap_or(0) > 0 && !listed {
                        p.push(format!("expectCount.{k} > 0 but {k} is not in expect"));
                    }
                }
            }
            None => p.push("expectCount: expected an object".into()),
        }
    }
    match o.get("elements").and_then(Value::as_object) {
        Some(m) => {
            for (k, b) in m {
                if !ELEMENTS.contains(&k.as_str()) {
                    p.push(format!("elements: unknown element {k:?}"));
                }
                if !b.is_boolean() {
                    p.push(format!("elements.{k}: expected true or false"));
                }
            }
        }
        None => p.push("elements: expected an object".into()),
    }
    p
}

#[test]
fn corpus_precision_and_recall_per_rule() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/corpus exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no corpus notes in {}", dir.display());

    let checker = chartlint::Checker::with_defaults();
    let mut counts: BTreeMap<&str, Counts> =
        RULES.iter().map(|r| (*r, Counts::default())).collect();
    let mut element_agree: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut bad_shapes = Vec::new();
    let mut misses = Vec::new();

    for path in &files {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("?")
            .to_string();
        let raw = std::fs::read_to_string(path).expect("readable corpus file");
        let v: Value = match serde_json::from_str(&raw) {
            Ok(v) => v,
            Err(e) => {
                bad_shapes.push(format!("{name}: not JSON ({e})"));
                continue;
            }
        };
        let problems = shape_problems(&v);
        if !problems.is_empty() {
            bad_shapes.push(format!("{name}: {}", problems.join("; ")));
            continue;
        }
        let report = match checker.check_value(&v["note"]) {
            Ok(r) => r,
            Err(e) => {
                bad_shapes.push(format!("{name}: note rejected: {e}"));
                continue;
            }
        };
        let expect: Vec<&str> = v["expect"]
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        for rule in RULES {
            let c = counts.get_mut(rule).expect("rule counted");
            let listed = expect.contains(rule);
            let (want, got) = if PER_ITEM.contains(rule) {
                let want = v
                    .get("expectCount")
                    .and_then(|m| m.get(*rule))
                    .and_then(Value::as_u64)
                    .map(|n| n as usize);
                (want.unwrap_or(usize::from(listed)), report.count(rule))
            } else {
                (usize::from(listed), usize::from(report.has(rule)))
            };
            c.tp += want.min(got);
            c.fp += got.saturating_sub(want);
            c.fn_ += want.saturating_sub(got);
            if want != got {
                let spans: Vec<String> = report
                    .findings
                    .iter()
                    .filter(|f| f.rule == *rule)
                    .filter_map(|f| f.span)
                    .map(|s| {
                        let units: Vec<u16> = v["note"]["text"]
                            .as_str()
                            .unwrap_or("")
                            .encode_utf16()
                            .collect();
                        format!(
                            "{:?}",
                            String::from_utf16_lossy(units.get(s.start..s.end).unwrap_or(&[]))
                        )
                    })
                    .collect();
                misses.push(format!(
                    "{name}: {rule}: expected {want}, got {got} {}",
                    spans.join(" ")
                ));
            }
        }
        let els = serde_json::to_value(&report.elements).expect("elements serialize");
        if let Some(labels) = v["elements"].as_object() {
            for (k, b) in labels {
                let found = els
                    .get(k)
                    .and_then(|e| e.get("found"))
                    .and_then(Value::as_bool);
                let e = element_agree
                    .entry(ELEMENTS.iter().find(|x| **x == k).copied().unwrap_or("?"))
                    .or_default();
                e.1 += 1;
                if found == b.as_bool() {
                    e.0 += 1;
                } else {
                    misses.push(format!(
                        "{name}: element {k}: labelled {b}, read {found:?} (informational)"
                    ));
                }
            }
        }
    }

    println!("\ncorpus: {} notes", files.len());
    println!(
        "{:<40} {:>4} {:>4} {:>4} {:>9} {:>7}",
        "rule", "TP", "FP", "FN", "precision", "recall"
    );
    let mut failures = Vec::new();
    let fmt = |x: Option<f64>| x.map_or("n/a".to_string(), |x| format!("{x:.3}"));
    for rule in RULES {
        let c = counts[rule];
        println!(
            "{:<40} {:>4} {:>4} {:>4} {:>9} {:>7}",
            rule,
            c.tp,
            c.fp,
            c.fn_,
            fmt(c.precision()),
            fmt(c.recall())
        );
        // With no positives and no predictions a rule has nothing to measure; a rule that
        // fires where nothing is expected has precision 0.
        if c.precision().is_some_and(|p| p < MIN_PRECISION) {
            failures.push(format!(
                "{rule}: precision {} < {MIN_PRECISION}",
                fmt(c.precision())
            ));
        }
        if c.recall().is_some_and(|r| r < MIN_RECALL) {
            failures.push(format!("{rule}: recall {} < {MIN_RECALL}", fmt(c.recall())));
        }
    }
    println!("\n{:<40} {:>9}", "element (found vs label)", "agreement");
    for (k, (agree, n)) in &element_agree {
        println!("{:<40} {:>5}/{:<3}", k, agree, n);
    }
    if !misses.is_empty() {
        println!("\nmisses:\n  {}", misses.join("\n  "));
    }
    assert!(
        bad_shapes.is_empty(),
        "corpus files with a bad shape:\n{}",
        bad_shapes.join("\n")
    );
    assert!(
        failures.is_empty(),
        "rules below the floor:\n{}",
        failures.join("\n")
    );
}
