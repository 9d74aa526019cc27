//! Invariants every report must satisfy, whatever the input.
#![allow(dead_code)]

use chartlint::{Note, Report};

/// Panics (so libFuzzer records a crash) when a report breaks an invariant.
pub fn check_report(note: &Note, report: &Report) {
    let utf16_len = note.text.encode_utf16().count();
    for f in &report.findings {
        if let Some(s) = f.span {
            assert!(s.start <= s.end && s.end <= utf16_len, "span {s:?} outside the text ({utf16_len} UTF-16 units) in {}", f.rule);
        }
        assert!(!f.message.is_empty(), "empty message from {}", f.rule);
        assert!(!f.source.is_empty(), "no source on {}", f.rule);
    }
    assert_eq!(report.billing.lines.len(), note.lines.len(), "one billing line per billed line");
    let any_error = report.findings.iter().any(|f| f.severity == chartlint::Severity::Error);
    assert_eq!(report.ready_to_sign, !any_error);
    // The report must serialize (it crosses the WASM boundary as JSON-compatible data).
    let json = serde_json::to_string(report).expect("report serializes");
    let _: serde_json::Value = serde_json::from_str(&json).expect("report JSON parses back");
}
