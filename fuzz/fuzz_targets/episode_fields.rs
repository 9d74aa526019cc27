//! Structured fuzzing of `check_episode`: an episode of up to 60 notes whose types, dates,
//! ids, plan fields and narratives come from the fuzzer (goals, plans, measures, statuses and
//! copied text among them), so every input reaches the episode's facts and rules. A few
//! notes may be another discipline or patient, share an id, or be invalid: the episode is then
//! refused with an error naming the field, or the note is reported with its error.
#![no_main]

use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;
use serde_json::{json, Value};
use std::sync::OnceLock;

const TYPES: &[&str] = &["evaluation", "reevaluation", "daily", "progress", "recertification", "discharge"];
const PAYERS: &[&str] = &["medicare", "medicareAdvantage", "commercial", "medicaid"];
const DISC: &[&str] = &["PT", "PT", "PT", "PT", "PT", "PT", "PT", "OT"];
/// Lines a note's narrative is built from: goals, statuses, plans, measures, copies.
const PIECES: &[&str] = &[
    "Goals:",
    "STG 1 (3 wks): climb 12 stairs with 1 rail, modified independent.",
    "LTG 1 (8 wks): walk 30 minutes in the community with pain < 2/10.",
    "LTG 2: return to gardening – met.",
    "LTG 1: walk 30 minutes in the community – partially met, now 20 min.",
    "STG 1: goal not met, limited by pain.",
    "All goals met.",
    "Plan: 2x/week for 8 weeks.",
    "Frequency 3x/wk x 4 wks, 12 visits.",
    "O: LEFS 31/80. TUG 16.4 s. Berg 41/56.",
    "O: LEFS 44/80 (was 31/80).",
    "Therapeutic exercise 23 min: step-ups, wall slides with cues.",
    "A: Tolerated well; progressing toward goals.",
    "P: Continue plan of care. Discharge to home program.",
    "Progress report.",
    "Recertification: plan continued for 4 more weeks.",
    "–—\u{00a0}\u{2019}é😀",
];

#[derive(Arbitrary, Debug)]
struct FNote {
    note_type: u8,
    discipline: u8,
    day: u8,
    id: Option<u8>,
    patient: bool,
    pieces: Vec<u8>,
    extra: String,
    closed: Option<bool>,
    frequency: Option<u8>,
    duration: Option<u8>,
    planned: Option<u8>,
    minutes: u8,
}

#[derive(Arbitrary, Debug)]
struct FEpisode {
    payer: u8,
    notes: Vec<FNote>,
    /// The default checker, or one that flags a note sharing 30% of its narrative.
    strict: bool,
}

fn pick<'a>(list: &[&'a str], i: u8) -> &'a str {
    list[usize::from(i) % list.len()]
}

fn to_note(f: &FNote, k: usize, payer: &str) -> Value {
    let day = u32::from(f.day) % 200; // 2025-01-01 plus up to 199 days, dates may repeat
    let (m, d) = (1 + day / 28 % 12, 1 + day % 28);
    let mut text: Vec<&str> = f.pieces.iter().take(12).map(|&p| pick(PIECES, p)).collect();
    text.push(&f.extra);
    let note_type = pick(TYPES, f.note_type);
    let code = if note_type == "evaluation" { "97162" } else { "97110" };
    json!({
        "id": f.id.map_or_else(|| format!("n{k}"), |i| format!("dup{}", i % 4)),
        "patientId": if f.patient { "P-1" } else { "P-2" },
        "discipline": pick(DISC, f.discipline),
        "noteType": note_type,
        "dateOfService": format!("2025-{m:02}-{d:02}"),
        "payer": { "kind": payer },
        "provider": { "role": "PT", "name": "Dana Lee", "credentials": "PT, DPT" },
        "lines": [{ "code": code, "minutes": u32::from(f.minutes) % 70, "units": u32::from(f.minutes) % 5, "modifiers": ["GP"] }],
        "diagnoses": ["M17.11"],
        "episode": {
            "closed": f.closed,
            "frequencyPerWeek": f.frequency.map(|v| u32::from(v) % 8),
            "durationWeeks": f.duration.map(|v| u32::from(v) % 30),
            "plannedVisits": f.planned.map(|v| u32::from(v) % 60),
        },
        "text": text.join("\n"),
    })
}

static CHECKER: OnceLock<chartlint::Checker> = OnceLock::new();
static STRICT: OnceLock<chartlint::Checker> = OnceLock::new();

fuzz_target!(|f: FEpisode| {
    let checker = if f.strict {
        STRICT.get_or_init(|| chartlint::Checker::new(&json!({ "cloning": { "threshold": 0.3 } })).expect("a valid config"))
    } else {
        CHECKER.get_or_init(chartlint::Checker::with_defaults)
    };
    let payer = pick(PAYERS, f.payer);
    let notes: Vec<Value> = f.notes.iter().take(60).enumerate().map(|(k, n)| to_note(n, k, payer)).collect();
    let texts: Vec<usize> = notes
        .iter()
        .map(|n| n["text"].as_str().map_or(0, |t| t.encode_utf16().count()))
        .collect();
    match checker.check_episode_value(&Value::Array(notes)) {
        Ok(report) => {
            assert_eq!(report.notes.len(), texts.len(), "one entry per note given");
            for n in &report.notes {
                assert!(n.report.is_some() != n.error.is_some(), "a note has a report or an error: {n:?}");
            }
            let within = |index: usize, span: Option<chartlint::Utf16Span>| {
                assert!(index < texts.len(), "note index {index} out of {}", texts.len());
                if let Some(s) = span {
                    assert!(s.start <= s.end && s.end <= texts[index], "span {s:?} outside note {index}");
                }
            };
            for ef in &report.findings {
                within(ef.note_index, ef.finding.span);
                assert!(!ef.finding.message.is_empty() && !ef.finding.source.is_empty(), "{}", ef.finding.rule);
                for r in &ef.notes {
                    within(r.index, r.span);
                }
            }
            for g in &report.goals {
                within(g.set_in.index, g.set_in.span);
                for s in &g.statuses {
                    within(s.index, s.span);
                }
            }
            let json = serde_json::to_string(&report).expect("the episode report serializes");
            let _: Value = serde_json::from_str(&json).expect("its JSON parses back");
        }
        Err(e) => assert!(e.path.starts_with("notes"), "{e}"),
    }
});
