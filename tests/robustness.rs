//! Hostile input natively: size limits with the field named, deep nesting, invalid UTF-16
//! escapes, and every input the fuzzer ever crashed on (tests/fixtures/fuzz/, replayed
//! through the same invariants the fuzz targets assert).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use chartlint::{Checker, Note, Report};
use common::{base, with};
use serde_json::{json, Value};

fn err(json: &str) -> chartlint::InputError {
    Checker::with_defaults().check_json(json).unwrap_err()
}

/// What the fuzz targets assert of every report.
fn invariants(note: &Note, report: &Report) {
    let n = note.text.encode_utf16().count();
    for f in &report.findings {
        if let Some(s) = f.span {
            assert!(
                s.start <= s.end && s.end <= n,
                "{}: {s:?} outside {n}",
                f.rule
            );
        }
        assert!(!f.message.is_empty());
    }
    assert_eq!(report.billing.lines.len(), note.lines.len());
    assert_eq!(
        report.ready_to_sign,
        !report
            .findings
            .iter()
            .any(|f| f.severity == chartlint::Severity::Error)
    );
    serde_json::to_string(report).unwrap();
}

#[test]
fn a_5_mb_note_names_the_text_field() {
    let note = with(json!({"text": "Pt tolerated tx well. ".repeat(240_000)}));
    let s = note.to_string();
    assert!(s.len() > 5_000_000);
    let e = err(&s);
    assert_eq!(e.path, "text", "{e}");
    assert!(e.message.contains("at most 2097152"), "{e}");
    // Under the JSON bound but over the text bound: the same field, the text's own limit.
    let note = with(json!({"text": "x".repeat((1 << 20) + 1)}));
    let e = err(&note.to_string());
    assert_eq!(e.path, "text", "{e}");
    assert!(e.message.contains("1048576"), "{e}");
}

#[test]
fn oversized_junk_is_refused_without_a_field() {
    let e = err(&format!("[{}1]", "1,".repeat(1_100_000)));
    assert_eq!(e.path, "");
    assert!(e.message.contains("bytes of JSON"), "{e}");
}

#[test]
fn too_many_text_lines_and_billed_lines() {
    let e = Checker::with_defaults()
        .check_value(&with(json!({"text": "a\n".repeat(25_000)})))
        .unwrap_err();
    assert_eq!(e.path, "text");
    let ten_thousand = "line\n".repeat(9_999);
    let r = Checker::with_defaults()
        .check_value(&with(json!({"text": ten_thousand})))
        .unwrap();
    assert_eq!(r.billing.lines.len(), 2);
    let many: Vec<Value> = (0..101)
        .map(|_| json!({"code": "97110", "minutes": 8, "units": 1}))
        .collect();
    let e = Checker::with_defaults()
        .check_value(&with(json!({"lines": many})))
        .unwrap_err();
    assert_eq!(e.path, "lines");
}

#[test]
fn configs_may_carry_whole_cms_files() {
    // A 5 MB ICD-10-CM code list is a config, not an error.
    let list: String = (0..100_000)
        .map(|i| {
            format!(
                "M{:02}{:04}  Osteoarthritis of a joint, site and laterality {i:06} specified\n",
                i % 100,
                i
            )
        })
        .collect();
    let config = json!({"icd10File": list}).to_string();
    assert!(config.len() > 5_000_000, "{}", config.len());
    let c = chartlint::Checker::from_config_json(&config).unwrap();
    assert!(c.config().icd10_codes().is_some());
    // Past 64 MiB it is refused, naming the bound.
    let huge = format!("{{\"icd10File\": \"{}\"}}", "x".repeat(65 << 20));
    let e = chartlint::Checker::from_config_json(&huge)
        .err()
        .expect("over the bound");
    assert!(e.message.contains("67108864"), "{e}");
    assert_eq!(e.path, "icd10File");
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    for depth in [200, 10_000, 100_000] {
        let deep = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        let note = format!(r#"{{"text": "", "junk": {deep}}}"#);
        let e = err(&note);
        assert!(e.message.contains("not valid JSON"), "{e}");
        let obj = format!("{}{}", r#"{"a":"#.repeat(depth), "}".repeat(depth));
        assert!(err(&obj).message.contains("not valid JSON"));
    }
    // Nested junk inside the 128-level bound: unknown fields are ignored, known ones named.
    let mut junk = json!(1);
    for _ in 0..100 {
        junk = json!({ "a": [junk] });
    }
    let r = Checker::with_defaults()
        .check_value(&with(json!({"extra": junk.clone()})))
        .unwrap();
    assert!(r.ready_to_sign);
    let e = Checker::with_defaults()
        .check_value(&with(json!({"lines": [junk]})))
        .unwrap_err();
    assert_eq!(e.path, "lines[0].code", "{e}");
}

#[test]
fn lone_surrogate_escapes_are_repaired() {
    let mut note = base();
    note["text"] = json!("PLACEHOLDER");
    let s = note
        .to_string()
        .replace("PLACEHOLDER", r"pain \ud83d 3/10 \ude00 emoji \ud83d\ude00");
    assert!(
        Checker::with_defaults().check_json(&s).is_err(),
        "serde_json refuses lone surrogates"
    );
    let fixed = chartlint::testing::replace_lone_surrogates(&s).into_owned();
    let n = Note::from_json(&fixed).unwrap();
    assert_eq!(n.text, "pain \u{fffd} 3/10 \u{fffd} emoji 😀");
}

#[test]
fn huge_and_odd_numbers_are_named() {
    for (field, v) in [
        ("totalTimedMinutes", json!(1e300)),
        ("totalTimedMinutes", json!(-5)),
        ("totalTimedMinutes", json!(18446744073709551615u64)),
        ("totalTimedMinutes", json!(1.5)),
        ("totalTreatmentMinutes", json!(-0.0001)),
    ] {
        let e = Checker::with_defaults()
            .check_value(&with(json!({ field: v })))
            .unwrap_err();
        assert_eq!(e.path, field, "{e}");
    }
    let e = err(r#"{"text": "", "totalTimedMinutes": 1e999}"#);
    assert!(e.message.contains("not valid JSON"), "{e}");
}

/// Every input the fuzzer found, replayed (file names say which target found it).
#[test]
fn fuzz_regressions() {
    let checker = Checker::with_defaults();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let s = String::from_utf8_lossy(&bytes);
        let s = chartlint::testing::replace_lone_surrogates(&s).into_owned();
        if name.starts_with("config_files") {
            // First byte picks the file, as in fuzz/fuzz_targets/config_files.rs.
            let Some((&which, rest)) = bytes.split_first() else {
                continue;
            };
            let text = String::from_utf8_lossy(rest);
            let config = match which % 3 {
                0 => json!({ "ncci": { "ptpFile": text } }),
                1 => json!({ "icd10File": text }),
                _ => json!({ "feeSchedule": { "kind": "rvu", "pprrvuFile": text } }),
            };
            if let Ok(checker) = Checker::new(&config) {
                let note = Note::from_value(&base()).unwrap();
                invariants(&note, &checker.check(&note));
            }
        } else if name.starts_with("config") {
            if let Ok(c) = chartlint::Checker::from_config_json(&s) {
                let _ = c;
                let v = chartlint::testing::parse_config_json(&s).unwrap();
                let checker = Checker::new(&v).unwrap();
                let note = Note::from_value(&base()).unwrap();
                invariants(&note, &checker.check(&note));
            }
        } else if let Ok(report) = checker.check_json(&s) {
            invariants(&Note::from_json(&s).unwrap(), &report);
        }
        n += 1;
    }
    assert!(n > 0, "no regression inputs in {}", dir.display());
}
