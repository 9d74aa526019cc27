//! Arbitrary bytes as a config; when accepted, the checker it builds checks a real note.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

const NOTE: &str = include_str!("../../tests/fixtures/base-note.json");

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    let Ok(config) = chartlint::testing::parse_json(s, "config") else { return };
    if let Ok(checker) = chartlint::Checker::new(&config) {
        let note = chartlint::Note::from_json(NOTE).expect("base note");
        let report = checker.check(&note);
        common::check_report(&note, &report);
    }
});
