//! The CMS files a config may carry (PTP edits, the ICD-10-CM list, the PPRRVU file) come
//! from clinics' downloads: arbitrary bytes as each file's text. When a file is accepted,
//! the checker it builds checks a real note with several codes and diagnoses.
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::json;

#[path = "common.rs"]
mod common;

const NOTE: &str = include_str!("../../tests/fixtures/base-note.json");

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    let config = match which % 3 {
        0 => json!({ "ncci": { "ptpFile": text } }),
        1 => json!({ "icd10File": text }),
        _ => json!({ "feeSchedule": { "kind": "rvu", "pprrvuFile": text } }),
    };
    if let Ok(checker) = chartlint::Checker::new(&config) {
        let mut note: serde_json::Value = serde_json::from_str(NOTE).expect("base note");
        note["lines"] = json!([
            { "code": "97140", "minutes": 15, "units": 1, "modifiers": ["GP"] },
            { "code": "97530", "minutes": 15, "units": 1, "modifiers": ["GP", "59"] },
            { "code": "97110", "minutes": 10, "units": 1, "modifiers": ["GP"] },
        ]);
        note["totalTimedMinutes"] = json!(40);
        note["diagnoses"] = json!(["M17.11", "M1711", "Z96.651", "R26.89", "S83.511A"]);
        let note = chartlint::Note::from_value(&note).expect("valid note");
        let report = checker.check(&note);
        common::check_report(&note, &report);
    }
});
