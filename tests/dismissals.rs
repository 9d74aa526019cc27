//! Fingerprints and dismissals: a finding's fingerprint survives edits of other words and
//! changes with its own; a reviewer's dismissal (config or check option) moves the finding to
//! `report.dismissed` with its reason, and clears it or not as the rule's `dismissal` says.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

mod common;

use chartlint::{CheckOptions, Checker, Dismissal, DismissalEffect, Finding, Report, Stage};
use serde_json::{json, Value};

fn base_text() -> String {
    common::base()["text"].as_str().unwrap().to_string()
}

fn check(note: &Value) -> Report {
    common::check(note)
}

fn find<'a>(r: &'a Report, rule: &str) -> &'a Finding {
    r.findings
        .iter()
        .find(|f| f.rule == rule)
        .unwrap_or_else(|| panic!("no {rule}: {:?}", common::rules_fired(r)))
}

fn dismiss(note: &Value, fingerprint: &str, reason: &str) -> Report {
    Checker::with_defaults()
        .check_value_with(
            note,
            &CheckOptions {
                stage: Stage::Sign,
                dismissed: vec![Dismissal {
                    fingerprint: fingerprint.into(),
                    reason: reason.into(),
                }],
            },
        )
        .unwrap()
}

const RED_FLAG: &str = "elements/red-flag-phrase";

fn with_phrase(before: &str, phrase: &str) -> Value {
    common::with(json!({"text": base_text().replace(
        "Skilled cueing required to correct dynamic valgus.",
        &format!("Skilled cueing required to correct dynamic valgus. {before}{phrase}"),
    )}))
}

// ## Fingerprints

#[test]
fn unchanged_when_other_words_are_edited() {
    let a = check(&with_phrase("", "Pt tolerated treatment well."));
    let print = &find(&a, RED_FLAG).fingerprint;
    // Words added before the phrase, elsewhere in the note, and the lines reordered.
    let mut b = with_phrase("Pt was on time today. ", "Pt tolerated treatment well.");
    b["text"] = json!(format!("Seen in clinic.\n{}", b["text"].as_str().unwrap()));
    let b = check(&b);
    assert_ne!(
        find(&a, RED_FLAG).span,
        find(&b, RED_FLAG).span,
        "the span moved"
    );
    assert_eq!(&find(&b, RED_FLAG).fingerprint, print);
    // Case, spacing and the final period do not change the words.
    let c = check(&with_phrase("", "Pt  tolerated TREATMENT well"));
    assert_eq!(&find(&c, RED_FLAG).fingerprint, print);
}

#[test]
fn changed_when_the_flagged_words_change() {
    let a = check(&with_phrase("", "Pt tolerated treatment well."));
    let b = check(&with_phrase("", "Pt tolerated the session well."));
    assert!(b.has(RED_FLAG));
    assert_ne!(
        find(&a, RED_FLAG).fingerprint,
        find(&b, RED_FLAG).fingerprint
    );
}

#[test]
fn identical_phrases_are_told_apart_by_their_order() {
    let r = check(&with_phrase(
        "Pt tolerated treatment well. ",
        "Pt tolerated treatment well.",
    ));
    let prints: Vec<&str> = r
        .findings
        .iter()
        .filter(|f| f.rule == RED_FLAG)
        .map(|f| f.fingerprint.as_str())
        .collect();
    assert_eq!(prints.len(), 2);
    assert_ne!(prints[0], prints[1]);
}

#[test]
fn field_findings_follow_their_line_not_its_position() {
    let over = |lines: Value| {
        let r = check(&common::with(
            json!({"lines": lines, "totalTimedMinutes": null}),
        ));
        find(&r, "units/over-billed").fingerprint.clone()
    };
    let a = over(json!([
        {"code": "97110", "minutes": 33, "units": 3, "modifiers": ["GP"]},
        {"code": "97140", "minutes": 7, "units": 0, "modifiers": ["GP"]}
    ]));
    // A line added before it, and its units changed: the same line, the same finding.
    let b = over(json!([
        {"code": "97010", "units": 1, "modifiers": ["GP"]},
        {"code": "97140", "minutes": 7, "units": 0, "modifiers": ["GP"]},
        {"code": "97110", "minutes": 33, "units": 4, "modifiers": ["GP"]}
    ]));
    assert_eq!(a, b);
    // Another code over-billed: another finding.
    let c = over(json!([
        {"code": "97112", "minutes": 33, "units": 3, "modifiers": ["GP"]},
        {"code": "97140", "minutes": 7, "units": 0, "modifiers": ["GP"]}
    ]));
    assert_ne!(a, c);
}

#[test]
fn every_finding_has_a_fingerprint_unique_in_its_report() {
    for (name, note) in common::all_notes() {
        let Ok(r) = Checker::with_defaults().check_value(&note) else {
            continue;
        };
        let mut seen = std::collections::HashSet::new();
        for f in &r.findings {
            assert_eq!(f.fingerprint.len(), 16, "{name}");
            assert!(
                seen.insert(&f.fingerprint),
                "{name}: {} twice",
                f.fingerprint
            );
        }
    }
}

// ## Dismissals

#[test]
fn a_dismissed_finding_leaves_the_findings_with_its_reason() {
    let note = with_phrase("", "Pt tolerated treatment well.");
    let before = check(&note);
    let f = find(&before, RED_FLAG).clone();
    let r = dismiss(
        &note,
        &f.fingerprint,
        "Response is documented on the next line.",
    );
    assert!(!r.has(RED_FLAG));
    assert_eq!(r.dismissed.len(), 1);
    assert_eq!(r.dismissed[0].finding, f);
    assert_eq!(
        r.dismissed[0].reason,
        "Response is documented on the next line."
    );
    assert!(!r.dismissed[0].blocks_signing);
    assert_eq!(r.findings.len(), before.findings.len() - 1);
    // Other words edited: still dismissed. The phrase changed: back.
    let mut moved = note.clone();
    moved["text"] = json!(format!(
        "Seen in clinic.\n{}",
        note["text"].as_str().unwrap()
    ));
    assert!(!dismiss(&moved, &f.fingerprint, "x").has(RED_FLAG));
    let changed = with_phrase("", "Pt tolerated the session well.");
    let r = dismiss(&changed, &f.fingerprint, "x");
    assert!(r.has(RED_FLAG) && r.dismissed.is_empty());
}

#[test]
fn a_reasoned_dismissal_clears_an_error_the_reader_made() {
    // "Electronically signed" with the credentials elsewhere: a reviewer reads it as signed.
    let note = common::with(json!({
        "provider": {"role": "PT"},
        "text": base_text().replace("Dana Lee, PT, DPT 03/10/2025", "Electronically signed 03/10/2025 by the treating physical therapist."),
    }));
    let r = check(&note);
    let f = find(&r, "elements/missing-signature");
    assert!(!r.ready_to_sign);
    let rule = chartlint::rules()
        .into_iter()
        .find(|x| x.id == f.rule)
        .unwrap();
    assert_eq!(rule.dismissal, DismissalEffect::Clears);
    let d = dismiss(
        &note,
        &f.fingerprint,
        "E-signature with credentials on the signature page.",
    );
    assert!(d.ready_to_sign, "{:?}", common::rules_fired(&d));
    assert!(!d.dismissed[0].blocks_signing);
}

#[test]
fn a_dismissed_billing_error_is_recorded_and_still_blocks_signing() {
    let note = common::with(json!({"lines": [
        {"code": "97110", "minutes": 33, "units": 3, "modifiers": ["GP"]},
        {"code": "97140", "minutes": 7, "units": 0, "modifiers": ["GP"]}
    ]}));
    let r = check(&note);
    let f = find(&r, "units/over-billed");
    let d = dismiss(&note, &f.fingerprint, "Payer contract allows it.");
    assert!(
        !d.has("units/over-billed"),
        "dismissed findings leave the list"
    );
    assert!(d.dismissed[0].blocks_signing);
    assert!(
        !d.ready_to_sign,
        "a units error is corrected, not dismissed"
    );
    // A dismissed warning never blocks.
    let under = common::with(
        json!({"lines": [{"code": "97110", "minutes": 38, "units": 2, "modifiers": ["GP"]}], "totalTimedMinutes": 38, "totalTreatmentMinutes": 38}),
    );
    let w = find(&check(&under), "units/under-billed")
        .fingerprint
        .clone();
    let d = dismiss(&under, &w, "Billing fewer units by clinic policy.");
    assert!(!d.dismissed[0].blocks_signing && d.ready_to_sign);
}

#[test]
fn config_dismissals_apply_to_every_check_and_options_add_to_them() {
    let note = with_phrase("", "Pt tolerated treatment well. No new complaints.");
    let r = check(&note);
    let prints: Vec<String> = r
        .findings
        .iter()
        .filter(|f| f.rule == RED_FLAG)
        .map(|f| f.fingerprint.clone())
        .collect();
    assert_eq!(prints.len(), 2);
    let checker =
        Checker::new(&json!({"dismissed": [{"fingerprint": prints[0], "reason": "Reviewed."}]}))
            .unwrap();
    let a = checker.check_value(&note).unwrap();
    assert_eq!(a.count(RED_FLAG), 1);
    let b = checker
        .check_value_with(
            &note,
            &CheckOptions {
                stage: Stage::Draft,
                dismissed: vec![Dismissal {
                    fingerprint: prints[1].clone(),
                    reason: "Also reviewed.".into(),
                }],
            },
        )
        .unwrap();
    assert_eq!(b.count(RED_FLAG), 0);
    assert_eq!(b.dismissed.len(), 2);
}

#[test]
fn dismissals_are_validated_with_their_path() {
    let err = |config: Value| {
        Checker::new(&config)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default()
    };
    assert!(
        err(json!({"dismissed": [{"fingerprint": "0123456789abcdef"}]}))
            .starts_with("config.dismissed[0].reason: is required")
    );
    assert!(
        err(json!({"dismissed": [{"fingerprint": "", "reason": "x"}]}))
            .starts_with("config.dismissed[0].fingerprint:")
    );
    assert!(err(json!({"dismissed": {"fingerprint": "x"}}))
        .starts_with("config.dismissed: expected an array"));
    let opts = |v: Value| {
        CheckOptions::from_value(&v)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default()
    };
    assert!(
        opts(json!({"dismissed": [{"fingerprint": "ab", "reason": 3}]}))
            .starts_with("options.dismissed[0].reason: expected a string")
    );
    assert!(opts(json!({"stage": "review"})).starts_with("options.stage: expected one of"));
}

#[test]
fn the_policy_is_in_every_rules_metadata() {
    for r in chartlint::rules() {
        // Rules that read the narrative may be overruled by a reviewer's reading; the rules
        // checking billed fields, codes and dates may not.
        let reads_text = r.id.starts_with("elements/") && r.id != "elements/template-placeholder"
            || r.id == "units/text-mismatch"
            || r.id == "eval/reevaluation-unsupported";
        if reads_text {
            assert_eq!(r.dismissal, DismissalEffect::Clears, "{}", r.id);
        }
        if r.id.starts_with("units/") && r.id != "units/text-mismatch"
            || r.id.starts_with("codes/")
            || r.id.starts_with("modifiers/") && r.id != "modifiers/review-threshold"
        {
            assert_eq!(r.dismissal, DismissalEffect::StillBlocks, "{}", r.id);
        }
    }
}
