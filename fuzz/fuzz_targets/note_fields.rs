//! Structured fuzzing: a valid note whose text, billed lines, totals, payer and type come
//! from the fuzzer, so every input reaches the rules (not just the JSON parser).
#![no_main]

use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;
use serde_json::{json, Value};
use std::sync::OnceLock;

#[path = "common.rs"]
mod common;

const CODES: &[&str] = &[
    "97110", "97112", "97116", "97140", "97530", "97535", "97542", "97750", "97760", "97763",
    "97129", "97130", "92507", "92526", "96125", "97161", "97162", "97163", "97164", "97165",
    "97166", "97167", "97168", "97010", "97014", "G0283", "97035", "97150", "92521", "92523",
    "97033", "97018", "99999", "ABC",
];
const MODS: &[&str] = &["GP", "GO", "GN", "KX", "CQ", "CO", "59", "XE", "XS", "XU", "XP", "25", "GA"];
const PAYERS: &[&str] = &["medicare", "medicareAdvantage", "medicaid", "commercial", "workersComp", "selfPay"];
const TYPES: &[&str] = &["evaluation", "reevaluation", "daily", "progress", "recertification", "discharge"];
const ROLES: &[&str] = &["PT", "PTA", "OT", "OTA", "SLP", "SLPA", "student"];
const DISC: &[&str] = &["PT", "OT", "SLP"];

#[derive(Arbitrary, Debug)]
struct FLine {
    code: u8,
    minutes: Option<u16>,
    units: u8,
    mods: Vec<u8>,
    assistant: Option<u16>,
}

#[derive(Arbitrary, Debug)]
struct FNote {
    discipline: u8,
    note_type: u8,
    payer: u8,
    unit_rule: Option<bool>,
    role: u8,
    day: u16,
    lines: Vec<FLine>,
    total_timed: Option<u16>,
    total_treatment: Option<u16>,
    visit: Option<u16>,
    period_day: Option<u16>,
    episode: bool,
    text: String,
}

fn pick<'a>(list: &[&'a str], i: u8) -> &'a str {
    list[usize::from(i) % list.len()]
}

fn to_note(f: &FNote) -> Value {
    let lines: Vec<Value> = f
        .lines
        .iter()
        .take(30)
        .map(|l| {
            let minutes = l.minutes.map(|m| u32::from(m) % 200);
            json!({
                "code": pick(CODES, l.code),
                "minutes": minutes,
                "units": u32::from(l.units) % 16,
                "modifiers": l.mods.iter().take(4).map(|&m| pick(MODS, m)).collect::<Vec<_>>(),
                "assistantMinutes": match (l.assistant, minutes) { (Some(a), Some(m)) => Some(u32::from(a) % (m + 1)), _ => None },
            })
        })
        .collect();
    let day = u32::from(f.day) % 1460; // four years from 2024-01-01
    let (y, rest) = (2024 + day / 365, day % 365);
    let (m, d) = (1 + rest / 31 % 12, 1 + rest % 28);
    let date = format!("{y:04}-{m:02}-{d:02}");
    let mut note = json!({
        "id": "fuzz",
        "discipline": pick(DISC, f.discipline),
        "noteType": pick(TYPES, f.note_type),
        "dateOfService": date,
        "payer": { "kind": pick(PAYERS, f.payer), "unitRule": f.unit_rule.map(|r| if r { "cms8" } else { "ruleOf8s" }) },
        "provider": { "role": pick(ROLES, f.role), "name": "Dana Lee", "credentials": "PT, DPT" },
        "lines": lines,
        "totalTimedMinutes": f.total_timed.map(|m| u32::from(m) % 400),
        "totalTreatmentMinutes": f.total_treatment.map(|m| u32::from(m) % 400),
        "diagnoses": ["M17.11"],
        "text": f.text,
    });
    if f.episode {
        note["episode"] = json!({
            "visitNumber": f.visit.map(|v| u32::from(v) % 60),
            "reportingPeriodDay": f.period_day.map(|v| u32::from(v) % 30),
            "planOfCareStart": "2024-01-01",
            "planOfCareEnd": "2024-03-30",
            "certifiedOn": "2024-01-05",
            "authorizedVisits": 24,
            "thresholdSpentBefore": "2400.00",
        });
    }
    note
}

static CHECKER: OnceLock<chartlint::Checker> = OnceLock::new();

fuzz_target!(|f: FNote| {
    let checker = CHECKER.get_or_init(chartlint::Checker::with_defaults);
    let value = to_note(&f);
    match chartlint::Note::from_value(&value) {
        Ok(note) => {
            let report = checker.check(&note);
            common::check_report(&note, &report);
            // The same note through JSON text gives the same report.
            let again = checker.check_json(&value.to_string()).expect("round trip");
            assert_eq!(again.findings, report.findings);
        }
        // Only the bounds may reject a note built from valid parts.
        Err(e) => assert!(e.path == "text" || e.path.ends_with("assistantMinutes") || e.path == "lines", "{e}"),
    }
});
