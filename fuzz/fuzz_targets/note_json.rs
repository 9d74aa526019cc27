//! Arbitrary bytes as note JSON (through the same lone-surrogate repair the WASM boundary
//! applies), checked with the default checker.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

#[path = "common.rs"]
mod common;

static CHECKER: OnceLock<chartlint::Checker> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let checker = CHECKER.get_or_init(chartlint::Checker::with_defaults);
    let Ok(s) = std::str::from_utf8(data) else { return };
    let s = chartlint::testing::replace_lone_surrogates(s).into_owned();
    match checker.check_json(&s) {
        Ok(report) => {
            let note = chartlint::Note::from_json(&s).expect("a note the checker accepted parses");
            common::check_report(&note, &report);
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
});
