//! Structured fixes (`finding.edits`): every edit applies to the note it was offered for and
//! leaves a note chartlint accepts; every `safe` edit makes its finding go away and adds no
//! other error. Over every note of the corpus, the demo's samples and the rules' documented
//! examples, and over generated billing (proptest).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

mod common;

use chartlint::{apply_edit, Applicability, Change, Checker, Report, Severity};
use proptest::prelude::*;
use proptest::prop_assert;
use serde_json::{json, Value};
use std::collections::HashMap;

fn errors_by_rule(r: &Report) -> HashMap<&'static str, usize> {
    let mut m = HashMap::new();
    for f in r.findings.iter().filter(|f| f.severity == Severity::Error) {
        *m.entry(f.rule).or_insert(0) += 1;
    }
    m
}

#[derive(Default, Debug)]
struct Tally {
    notes: usize,
    safe_applied: usize,
    findings_removed: usize,
    new_errors: usize,
    other_applied: usize,
    problems: Vec<String>,
}

/// Applies every edit of every finding of `note`'s signing report, one at a time, and checks
/// the safe ones' promise.
fn check_note(checker: &Checker, name: &str, note: &Value, t: &mut Tally) {
    let Ok(before) = checker.check_value(note) else {
        return;
    };
    t.notes += 1;
    let errors_before = errors_by_rule(&before);
    for f in &before.findings {
        for e in &f.edits {
            let edited = match apply_edit(note, e) {
                Ok(n) => n,
                Err(err) => {
                    t.problems.push(format!(
                        "{name}: {} \"{}\" does not apply: {err}",
                        f.rule, e.title
                    ));
                    continue;
                }
            };
            let after = match checker.check_value(&edited) {
                Ok(r) => r,
                Err(err) => {
                    t.problems.push(format!(
                        "{name}: {} \"{}\" makes an invalid note: {err}",
                        f.rule, e.title
                    ));
                    continue;
                }
            };
            if e.applicability != Applicability::Safe {
                t.other_applied += 1;
                continue;
            }
            t.safe_applied += 1;
            // Gone: one finding of its rule fewer. (Its fingerprint may live on in another
            // finding: merging split lines renumbers the lines of the code.)
            let gone = after.count(f.rule) < before.count(f.rule);
            if gone {
                t.findings_removed += 1;
            } else {
                t.problems.push(format!(
                    "{name}: safe edit \"{}\" leaves its {} finding",
                    e.title, f.rule
                ));
            }
            for (rule, n) in errors_by_rule(&after) {
                let mut allowed = errors_before.get(rule).copied().unwrap_or(0);
                if rule == f.rule && f.severity == Severity::Error {
                    allowed = allowed.saturating_sub(1);
                }
                if n > allowed {
                    t.new_errors += n - allowed;
                    t.problems.push(format!(
                        "{name}: safe edit \"{}\" for {} adds {} error(s) of {rule}",
                        e.title,
                        f.rule,
                        n - allowed
                    ));
                }
            }
        }
    }
}

#[test]
fn safe_fixes_remove_their_finding_and_add_no_error() {
    let checker = Checker::with_defaults();
    let mut by_source: Vec<(&str, Tally)> = vec![
        ("corpus", Tally::default()),
        ("samples", Tally::default()),
        ("rule docs", Tally::default()),
    ];
    for (name, note) in common::all_notes() {
        let k = if name.starts_with("corpus") {
            0
        } else if name.starts_with("sample") {
            1
        } else {
            2
        };
        check_note(&checker, &name, &note, &mut by_source[k].1);
    }
    let mut problems = Vec::new();
    for (what, t) in &by_source {
        // The numbers, for the log (scripts/test.sh shows lines starting with "corpus").
        println!(
            "corpus safe fixes ({what}): {} notes, {} safe edits applied, {} findings removed, {} new errors; {} suggested/template edits applied",
            t.notes, t.safe_applied, t.findings_removed, t.new_errors, t.other_applied
        );
        problems.extend(t.problems.iter().cloned());
    }
    let safe: usize = by_source.iter().map(|(_, t)| t.safe_applied).sum();
    assert!(
        safe >= 10,
        "only {safe} safe edits were tried: the test would prove little"
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The edits each rule's documented Example offers (so the property above exercises them).
#[test]
fn each_rule_with_a_safe_edit_shows_one_in_its_example() {
    let checker = Checker::with_defaults();
    for r in chartlint::rules() {
        let Some(patch) = common::doc_patch(&r, "Example") else {
            continue;
        };
        let report = checker.check_value(&common::with(patch)).unwrap();
        let offered: Vec<Applicability> = report
            .findings
            .iter()
            .filter(|f| f.rule == r.id)
            .flat_map(|f| f.edits.iter().map(|e| e.applicability))
            .collect();
        let expected: &[Applicability] = match r.id {
            // Two codes of 20 minutes tie for the third unit: which one loses a unit is the
            // therapist's choice.
            "units/over-billed" => &[Applicability::Suggested],
            "units/below-minimum"
            | "units/untimed-multiple-units"
            | "units/split-code-lines"
            | "modifiers/missing-discipline"
            | "modifiers/kx-unneeded" => &[Applicability::Safe],
            "units/under-billed"
            | "units/total-minutes-mismatch"
            | "codes/add-on-without-primary"
            | "codes/invalid-diagnosis"
            | "eval/complexity-overcoded"
            | "eval/multiple-evaluation-codes"
            | "modifiers/kx-required" => &[Applicability::Suggested],
            "elements/missing-goals"
            | "elements/goals-not-measurable"
            | "elements/missing-plan"
            | "elements/red-flag-phrase" => &[Applicability::Template],
            _ => &[],
        };
        for a in expected {
            assert!(
                offered.contains(a),
                "{}: its Example offers {offered:?}, expected a {} edit",
                r.id,
                a.as_str()
            );
        }
    }
}

/// The edits of a few findings, exactly.
#[test]
fn edits_are_exact_changes() {
    let checker = Checker::with_defaults();
    // CMS §20.2 example: 97110 × 3 on 33 minutes (with 97140 7 minutes): 2 units.
    let note = common::with(json!({
        "lines": [
            {"code": "97110", "minutes": 33, "units": 3, "modifiers": ["GP"]},
            {"code": "97140", "minutes": 7, "units": 0}
        ],
        "totalTimedMinutes": 40, "totalTreatmentMinutes": 40
    }));
    let r = checker.check_value(&note).unwrap();
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "units/over-billed")
        .unwrap();
    assert_eq!(
        serde_json::to_value(&f.edits).unwrap(),
        json!([{"applicability": "safe", "title": "Bill 2 units of 97110",
                "changes": [{"field": "lines[0].units", "value": 2}]}])
    );
    // A missing GP is added in front of the line's other modifiers.
    let note = common::with(json!({
        "lines": [
            {"code": "97110", "minutes": 25, "units": 2, "modifiers": ["59"]},
            {"code": "97140", "minutes": 15, "units": 1, "modifiers": ["GP"]}
        ]
    }));
    let r = checker.check_value(&note).unwrap();
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "modifiers/missing-discipline")
        .unwrap();
    match &f.edits[0].changes[..] {
        [Change::Set(s)] => {
            assert_eq!(s.field, "lines[0].modifiers");
            assert_eq!(s.value, json!(["GP", "59"]));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(f.edits[0].applicability, Applicability::Safe);
}

/// Template edits carry `[[placeholders]]`, and the note they make cannot be signed until
/// the placeholders are replaced (`elements/template-placeholder`).
#[test]
fn templates_leave_placeholders_that_block_signing() {
    let checker = Checker::with_defaults();
    let mut tried = 0;
    for (name, note) in common::all_notes() {
        let Ok(r) = checker.check_value(&note) else {
            continue;
        };
        let templates = r
            .findings
            .iter()
            .flat_map(|f| f.edits.iter())
            .chain(r.checklist.iter().flat_map(|i| i.edits.iter()))
            .filter(|e| e.applicability == Applicability::Template);
        for e in templates {
            let text: String = e
                .changes
                .iter()
                .filter_map(|c| match c {
                    Change::Text(t) => Some(t.replacement.as_str()),
                    _ => None,
                })
                .collect();
            assert!(
                text.contains("[[") && text.contains("]]"),
                "{name}: {}: {text:?}",
                e.title
            );
            let after = checker.check_value(&apply_edit(&note, e).unwrap()).unwrap();
            assert!(
                after.has("elements/template-placeholder"),
                "{name}: {}",
                e.title
            );
            assert!(!after.ready_to_sign, "{name}: {}", e.title);
            tried += 1;
        }
    }
    assert!(tried > 50, "{tried}");
}

/// Lines of 15-minute and untimed codes, with modifiers the rules care about and, now and
/// then, an assistant's minutes.
fn arb_line() -> impl Strategy<Value = Value> {
    (
        prop::sample::select(vec![
            "97110", "97112", "97116", "97140", "97530", "97535", "G0283", "97010", "97150",
            "92507", "97129", "97130",
        ]),
        prop::option::of(0u32..70),
        0u32..5,
        prop::sample::subsequence(vec!["GP", "GO", "GN", "KX", "59", "XU", "CQ", "CO"], 0..3),
        prop::option::weighted(0.2, 0u32..40),
    )
        .prop_map(|(code, minutes, units, mods, assistant)| {
            json!({"code": code, "minutes": minutes, "units": units, "modifiers": mods,
                   "assistantMinutes": assistant})
        })
}

fn arb_note() -> impl Strategy<Value = Value> {
    (
        prop::collection::vec(arb_line(), 1..5),
        prop::sample::select(vec![
            "medicare",
            "commercial",
            "medicaid",
            "medicareAdvantage",
        ]),
        prop::sample::select(vec![
            ("PT", "PT", "PT, DPT"),
            ("PT", "PTA", "PTA"),
            ("OT", "OT", "OTR/L"),
            ("OT", "OTA", "COTA/L"),
            ("SLP", "SLP", "CCC-SLP"),
        ]),
        prop::option::of(0u32..120),
        prop::sample::select(vec!["0.00", "2300.00", "2500.00"]),
    )
        .prop_map(|(lines, payer, (discipline, role, creds), total, spent)| {
            let mut n = common::with(json!({
                "discipline": discipline,
                "lines": lines,
                "payer": {"kind": payer},
                "provider": {"role": role, "name": "Dana Lee", "credentials": creds},
                "totalTimedMinutes": total,
                "totalTreatmentMinutes": total,
            }));
            n["episode"]["thresholdSpentBefore"] = json!(spent);
            n
        })
}

/// On generated billing (lines, minutes, units, modifiers, payer, role, spending), every
/// safe edit removes its finding and adds no error.
#[test]
fn safe_fixes_hold_on_generated_billing() {
    use proptest::test_runner::{Config, TestRunner};
    use std::cell::RefCell;
    let mut runner = TestRunner::new(Config {
        cases: 300,
        failure_persistence: None,
        ..Config::default()
    });
    let total = RefCell::new(Tally::default());
    let checker = Checker::with_defaults();
    let result = runner.run(&arb_note(), |note| {
        let mut t = Tally::default();
        check_note(&checker, "generated", &note, &mut t);
        prop_assert!(
            t.problems.is_empty(),
            "{}\n{}",
            t.problems.join("\n"),
            serde_json::to_string(&note).unwrap()
        );
        let mut all = total.borrow_mut();
        all.notes += t.notes;
        all.safe_applied += t.safe_applied;
        all.findings_removed += t.findings_removed;
        all.other_applied += t.other_applied;
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    let t = total.into_inner();
    println!(
        "corpus safe fixes (generated billing): {} notes, {} safe edits applied, {} findings removed, 0 new errors; {} suggested/template edits applied",
        t.notes, t.safe_applied, t.findings_removed, t.other_applied
    );
    assert!(t.safe_applied > 100, "{t:?}");
}
