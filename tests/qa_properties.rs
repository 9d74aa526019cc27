//! QA properties over many notes: the 100 realistic notes of the corpus, each also bent in
//! the ways billing goes wrong (units doubled, minutes dropped, modifiers swapped, diagnoses
//! stale, the episode run out, the threshold crossed), so that nearly every rule fires
//! somewhere. For every finding:
//!
//! - its message and fix never repeat the note's words (no run of 4 words of the note text);
//! - its `field` is a real path of the note (an index that exists, a field of the contract);
//! - its `span`, if any, is a non-empty UTF-16 range of the text on character boundaries;
//! - it has a fix that is not the message again;
//! - its severity is one the issues give the rule;
//! - `amountAtRisk` is there when the finding changes what is paid on a fully priced
//!   Medicare visit, and absent when it changes nothing.
#![allow(
    clippy::disallowed_methods, // tests sort directly; the crate sorts through src/sort.rs
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use chartlint::{Checker, Finding, Report, Severity};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fs;

fn corpus() -> Vec<(String, Value)> {
    let mut files: Vec<_> = fs::read_dir("tests/corpus")
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let doc: Value = serde_json::from_str(&fs::read_to_string(&p).unwrap()).unwrap();
            (p.display().to_string(), doc["note"].clone())
        })
        .collect()
}

fn set(note: &Value, key: &str, v: Value) -> Value {
    let mut n = note.clone();
    n[key] = v;
    n
}

fn map_lines(note: &Value, f: impl Fn(&mut Value)) -> Value {
    let mut n = note.clone();
    if let Some(lines) = n["lines"].as_array_mut() {
        lines.iter_mut().for_each(f);
    }
    n
}

/// The note and the ways billing goes wrong on it.
fn variants(note: &Value) -> Vec<(&'static str, Value)> {
    let wrong = match note["discipline"].as_str() {
        Some("OT") => "GP",
        _ => "GO",
    };
    let mut episode = note["episode"].clone();
    if !episode.is_object() {
        episode = json!({});
    }
    let mut late = episode.clone();
    late["reportingPeriodDay"] = json!(12);
    late["visitNumber"] = json!(30);
    late["authorizedVisits"] = json!(12);
    late["planOfCareStart"] = json!("2024-01-02");
    late["planOfCareEnd"] = json!("2024-03-31");
    late["certifiedOn"] = Value::Null;
    late["authorizationEnd"] = json!("2024-04-01");
    let mut spent = episode.clone();
    spent["thresholdSpentBefore"] = json!("2400.00");
    let mut near = episode.clone();
    near["visitNumber"] = json!(11);
    near["authorizedVisits"] = json!(12);
    near["reportingPeriodDay"] = json!(9);
    let mut review = episode.clone();
    review["thresholdSpentBefore"] = json!("2990.00");
    vec![
        ("as written", note.clone()),
        ("review threshold crossed", set(note, "episode", review)),
        (
            "evaluation form low",
            set(
                note,
                "evaluation",
                json!({"historyFactors": 0, "examElements": 1, "clinicalPresentation": "stable", "decisionMaking": "low",
                       "profileReview": "brief", "performanceDeficits": 1, "comorbiditiesAffectOccupation": false, "taskModification": "none"}),
            ),
        ),
        (
            "evaluation form high",
            set(
                note,
                "evaluation",
                json!({"historyFactors": 4, "examElements": 5, "clinicalPresentation": "unstable", "decisionMaking": "high",
                       "profileReview": "extensive", "performanceDeficits": 6, "comorbiditiesAffectOccupation": true, "taskModification": "significant"}),
            ),
        ),
        (
            "evaluation undocumented",
            set(
                &set(note, "evaluation", json!({})),
                "text",
                json!("Seen today. Signed."),
            ),
        ),
        (
            "units doubled",
            map_lines(note, |l| {
                let u = l["units"].as_u64().unwrap_or(0);
                l["units"] = json!(u * 2 + 1);
            }),
        ),
        (
            "units zeroed",
            map_lines(note, |l| {
                l["units"] = json!(0);
            }),
        ),
        (
            "minutes dropped",
            set(
                &map_lines(note, |l| {
                    if let Some(o) = l.as_object_mut() {
                        o.remove("minutes");
                    }
                }),
                "totalTimedMinutes",
                Value::Null,
            ),
        ),
        (
            "short minutes",
            map_lines(note, |l| {
                l["minutes"] = json!(5);
            }),
        ),
        (
            "modifiers swapped",
            map_lines(note, |l| {
                l["modifiers"] = json!([wrong, "CQ", "CO", "59", "XU", "ZZ", "KX"]);
            }),
        ),
        (
            "modifiers missing, assistant minutes",
            map_lines(note, |l| {
                l["modifiers"] = json!([]);
                let m = l["minutes"].as_u64().unwrap_or(0);
                l["assistantMinutes"] = json!(m / 2 + 3);
            }),
        ),
        ("bundled codes added", {
            let mut n = note.clone();
            let m = n["discipline"].as_str().map_or("GP", |d| match d {
                "OT" => "GO",
                "SLP" => "GN",
                _ => "GP",
            });
            let lines = n["lines"].as_array_mut().unwrap();
            lines.push(json!({"code": "97530", "minutes": 10, "units": 1, "modifiers": [m]}));
            lines.push(json!({"code": "97140", "minutes": 10, "units": 1, "modifiers": [m]}));
            lines.push(json!({"code": "97150", "minutes": 20, "units": 2, "modifiers": [m]}));
            lines.push(json!({"code": "97164", "minutes": 20, "units": 1, "modifiers": [m]}));
            lines.push(json!({"code": "97130", "minutes": 15, "units": 1, "modifiers": [m]}));
            lines.push(json!({"code": "99999", "minutes": 15, "units": 1, "modifiers": [m]}));
            n
        }),
        (
            "stale diagnoses",
            set(
                note,
                "diagnoses",
                json!(["M54.5", "S83.241", "knee pain", "M25.56X"]),
            ),
        ),
        ("no diagnoses", set(note, "diagnoses", json!([]))),
        ("episode run out", set(note, "episode", late)),
        ("episode nearly out", set(note, "episode", near)),
        ("threshold crossed", set(note, "episode", spent)),
        ("no episode", set(note, "episode", Value::Null)),
        (
            "assistant wrote it",
            set(
                note,
                "provider",
                json!({"role": match note["discipline"].as_str() { Some("OT") => "OTA", Some("SLP") => "SLPA", _ => "PTA" }}),
            ),
        ),
        (
            "daily note, evaluation form",
            set(
                &set(note, "noteType", json!("daily")),
                "evaluation",
                json!({"historyFactors": 1, "examElements": 2, "clinicalPresentation": "stable", "decisionMaking": "low"}),
            ),
        ),
        (
            "no totals",
            set(
                &set(note, "totalTreatmentMinutes", Value::Null),
                "totalTimedMinutes",
                json!(1),
            ),
        ),
    ]
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Words of the engine's own phrasing ("an OT plan of care") that a note may use too: a run
/// made of these alone is the message's template, not the note's words.
const TEMPLATE: &[&str] = &[
    "a", "an", "the", "of", "on", "is", "this", "under", "to", "and", "for", "in", "with", "pt",
    "ot", "slp", "plan", "care",
];

/// Runs of 4 words a message shares with the text.
fn shared_runs(message: &str, text_runs: &HashSet<Vec<String>>) -> Vec<String> {
    let w = words(message);
    w.windows(4)
        .filter(|win| text_runs.contains(&win.to_vec()))
        .filter(|win| !win.iter().all(|x| TEMPLATE.contains(&x.as_str())))
        .map(|win| win.join(" "))
        .collect()
}

/// Whether `path` names a place in `note` the contract defines: every index exists, every
/// key is a contract field (a missing optional field may be named: it is what to fill in).
fn path_ok(note: &Value, path: &str) -> bool {
    const TOP: &[&str] = &[
        "id",
        "discipline",
        "noteType",
        "dateOfService",
        "payer",
        "provider",
        "lines",
        "diagnoses",
        "totalTimedMinutes",
        "totalTreatmentMinutes",
        "episode",
        "evaluation",
        "text",
    ];
    const LINE: &[&str] = &["code", "minutes", "units", "modifiers", "assistantMinutes"];
    const EPISODE: &[&str] = &[
        "visitNumber",
        "reportingPeriodDay",
        "planOfCareStart",
        "planOfCareEnd",
        "certifiedOn",
        "authorizedVisits",
        "authorizationEnd",
        "thresholdSpentBefore",
    ];
    const EVALUATION: &[&str] = &[
        "historyFactors",
        "examElements",
        "clinicalPresentation",
        "profileReview",
        "performanceDeficits",
        "comorbiditiesAffectOccupation",
        "taskModification",
        "decisionMaking",
        "minutes",
        "reevaluationReason",
    ];
    let mut parts = path.split('.');
    let head = parts.next().unwrap_or("");
    let (key, index) = match head.split_once('[') {
        Some((k, rest)) => (
            k,
            rest.strip_suffix(']').and_then(|i| i.parse::<usize>().ok()),
        ),
        None => (head, None),
    };
    if !TOP.contains(&key) {
        return false;
    }
    if head.contains('[') {
        let Some(i) = index else { return false };
        if !note[key].as_array().is_some_and(|a| i < a.len()) {
            return false;
        }
    }
    let rest: Vec<&str> = parts.collect();
    match (key, rest.as_slice()) {
        (_, []) => true,
        ("lines", [f]) if f.starts_with("modifiers[") => {
            let k = f
                .strip_prefix("modifiers[")
                .and_then(|r| r.strip_suffix(']'))
                .and_then(|k| k.parse::<usize>().ok());
            match (index, k) {
                (Some(i), Some(k)) => note["lines"][i]["modifiers"]
                    .as_array()
                    .is_some_and(|m| k < m.len()),
                _ => false,
            }
        }
        ("lines", [f]) => index.is_some() && LINE.contains(f),
        ("episode", [f]) => note["episode"].is_object() && EPISODE.contains(f),
        ("evaluation", [f]) => EVALUATION.contains(f),
        ("payer", [f]) => ["kind", "unitRule"].contains(f),
        ("provider", [f]) => ["role", "name", "credentials"].contains(f),
        _ => false,
    }
}

/// Severities the issues give each rule (ncci-pair: error or warning by indicator, info for
/// pairs chartlint knows from one source only).
fn allowed_severities() -> BTreeMap<&'static str, Vec<Severity>> {
    use Severity::*;
    BTreeMap::from([
        ("units/over-billed", vec![Error]),
        ("units/under-billed", vec![Warning]),
        ("units/below-minimum", vec![Error]),
        ("units/missing-minutes", vec![Error]),
        ("units/total-minutes-mismatch", vec![Warning]),
        ("units/missing-total-treatment-time", vec![Warning]),
        ("units/untimed-multiple-units", vec![Warning]),
        ("units/split-code-lines", vec![Warning]),
        ("codes/unknown-code", vec![Warning]),
        ("codes/add-on-without-primary", vec![Error, Warning]),
        ("codes/missing-diagnosis", vec![Error]),
        ("codes/invalid-diagnosis", vec![Error]),
        ("eval/components-missing", vec![Error]),
        ("eval/complexity-overcoded", vec![Error]),
        ("eval/complexity-undercoded", vec![Warning]),
        ("eval/code-discipline-mismatch", vec![Error]),
        ("eval/code-note-type-mismatch", vec![Error]),
        ("eval/reevaluation-unsupported", vec![Warning]),
        ("eval/multiple-evaluation-codes", vec![Error]),
        ("modifiers/missing-discipline", vec![Error]),
        ("modifiers/wrong-discipline", vec![Error]),
        ("modifiers/assistant-required", vec![Error]),
        ("modifiers/assistant-wrong-discipline", vec![Error]),
        ("modifiers/ncci-pair", vec![Error, Warning, Info]),
        ("modifiers/unknown", vec![Warning]),
        ("modifiers/kx-required", vec![Error]),
        ("modifiers/kx-unneeded", vec![Warning]),
        ("modifiers/review-threshold", vec![Info]),
        ("episode/progress-report-due", vec![Error]),
        ("episode/plan-of-care-uncertified", vec![Warning, Error]),
        ("episode/plan-of-care-expired", vec![Error]),
        ("episode/authorization-exceeded", vec![Error]),
        ("episode/authorization-ending", vec![Warning]),
    ])
}

/// Findings that change nothing paid: never an amount.
const NO_MONEY: &[&str] = &[
    "units/total-minutes-mismatch",
    "units/missing-total-treatment-time",
    "modifiers/unknown",
    "modifiers/kx-unneeded",
    "modifiers/review-threshold",
    "episode/authorization-ending",
];

/// Findings that deny, recoup or leave money on a line or the visit: an amount whenever the
/// visit is fully priced (Original Medicare, every line priced) and the line involved pays.
const MONEY: &[&str] = &[
    "units/over-billed",
    "units/below-minimum",
    "modifiers/missing-discipline",
    "modifiers/wrong-discipline",
    "modifiers/assistant-wrong-discipline",
    "modifiers/kx-required",
    "codes/missing-diagnosis",
    "codes/invalid-diagnosis",
    "episode/plan-of-care-expired",
    "episode/authorization-exceeded",
    "episode/progress-report-due",
];

fn line_pays(report: &Report, f: &Finding) -> bool {
    let Some(field) = f.field.as_deref() else {
        return true;
    };
    let Some(i) = field
        .strip_prefix("lines[")
        .and_then(|r| r.split(']').next())
        .and_then(|i| i.parse::<usize>().ok())
    else {
        return true;
    };
    report.billing.lines[i]
        .expected_payment
        .is_some_and(|p| !p.is_zero())
}

#[test]
fn findings_never_echo_the_note_point_at_real_fields_and_carry_money_where_it_moves() {
    let checker = Checker::with_defaults();
    let severities = allowed_severities();
    let mut problems: Vec<String> = Vec::new();
    let mut fired: BTreeSet<&'static str> = BTreeSet::new();
    let mut notes = 0;
    for (path, note) in corpus() {
        for (how, v) in variants(&note) {
            let report = match checker.check_value(&v) {
                Ok(r) => r,
                Err(e) => {
                    problems.push(format!("{path} [{how}]: rejected: {e}"));
                    continue;
                }
            };
            notes += 1;
            let text = v["text"].as_str().unwrap_or("");
            let text_runs: HashSet<Vec<String>> =
                words(text).windows(4).map(<[String]>::to_vec).collect();
            let priced = v["payer"]["kind"] == "medicare"
                && report
                    .billing
                    .expected_payment
                    .is_some_and(|p| !p.is_zero());
            for f in &report.findings {
                fired.insert(f.rule);
                let at = format!("{path} [{how}] {}", f.rule);
                for part in [Some(f.message.as_str()), f.fix.as_deref()]
                    .into_iter()
                    .flatten()
                {
                    let runs = shared_runs(part, &text_runs);
                    if !runs.is_empty() {
                        problems.push(format!(
                            "{at}: repeats the note's words {runs:?} in {part:?}"
                        ));
                    }
                }
                if let Some(span) = f.span {
                    let utf16: Vec<u16> = text.encode_utf16().collect();
                    if span.start >= span.end || span.end > utf16.len() {
                        problems.push(format!("{at}: span {span:?} outside the text"));
                    } else if String::from_utf16(&utf16[span.start..span.end]).is_err() {
                        problems.push(format!("{at}: span {span:?} splits a character"));
                    }
                }
                if let Some(field) = f.field.as_deref() {
                    if !path_ok(&v, field) {
                        problems.push(format!("{at}: field {field:?} is not a path of the note"));
                    }
                }
                match f.fix.as_deref() {
                    None | Some("") => problems.push(format!("{at}: no fix")),
                    Some(fix) if fix == f.message => {
                        problems.push(format!("{at}: fix repeats the message"))
                    }
                    _ => {}
                }
                match severities.get(f.rule) {
                    Some(ok) if ok.contains(&f.severity) => {}
                    Some(_) => problems.push(format!("{at}: severity {:?}", f.severity)),
                    None => {}
                }
                if NO_MONEY.contains(&f.rule) && f.amount_at_risk.is_some() {
                    problems.push(format!(
                        "{at}: amountAtRisk on a finding that changes nothing paid"
                    ));
                }
                if MONEY.contains(&f.rule)
                    && priced
                    && line_pays(&report, f)
                    && f.amount_at_risk.is_none()
                {
                    problems.push(format!("{at}: no amountAtRisk ({})", f.message));
                }
            }
        }
    }
    assert!(notes >= 1500, "{notes} notes checked");
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems
            .iter()
            .take(60)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
    // The variants reach (nearly) every rule, so the properties say something about each.
    let missing: Vec<_> = severities.keys().filter(|r| !fired.contains(*r)).collect();
    assert!(missing.len() <= 3, "rules never fired: {missing:?}");
}
