//! QA notes on the episode family: who may write a progress report, what an unpaid visit is
//! worth, and notes whose EMR sends no episode at all. Tests marked "regression" failed
//! before the fix beside them.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::{base, check, rules_fired, with};
use serde_json::{json, Value};

fn episode(patch: Value) -> Value {
    let mut ep = base()["episode"].clone();
    for (k, v) in patch.as_object().unwrap() {
        ep[k] = v.clone();
    }
    ep
}

fn pta() -> Value {
    json!({"role": "PTA", "name": "Sam Ortiz", "credentials": "PTA"})
}

fn cq_lines() -> Value {
    json!([
        {"code": "97110", "minutes": 25, "units": 2, "modifiers": ["GP", "CQ"]},
        {"code": "97140", "minutes": 15, "units": 1, "modifiers": ["GP", "CQ"]}
    ])
}

/// Regression: only a clinician writes a progress report; an assistant may add measurements
/// but may not write or replace it (CMS Pub. 100-02, ch. 15, §220.3.D; shared/policy §5.3
/// [BPM200], [BPM203]). A PTA's daily note with a "Progress report:" section, or a PTA's
/// note typed `progress`, on treatment day 10 used to pass.
#[test]
fn an_assistants_note_is_not_the_progress_report() {
    let day10 = episode(json!({"visitNumber": 10, "reportingPeriodDay": 10}));
    let text = format!(
        "{}\nProgress report: LTG 1 met (reciprocal stairs with 1 rail); LTG 2 partly met.",
        base()["text"].as_str().unwrap()
    );
    let r = check(&with(
        json!({"provider": pta(), "lines": cq_lines(), "episode": day10, "text": text}),
    ));
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "episode/progress-report-due")
        .unwrap_or_else(|| panic!("{:?}", rules_fired(&r)));
    assert!(f.fix.as_deref().unwrap().contains("the therapist must"));
    // Typed as a progress note, still the PTA's.
    let r = check(&with(
        json!({"noteType": "progress", "provider": pta(), "lines": cq_lines(), "episode": day10}),
    ));
    assert!(
        r.has("episode/progress-report-due"),
        "{:?}",
        rules_fired(&r)
    );
    // The PT's own note with the same section passes, and so does the PT's progress note.
    let r = check(&with(json!({"episode": day10, "text": text})));
    assert!(!r.has("episode/progress-report-due"));
    let r = check(&with(json!({"noteType": "progress", "episode": day10})));
    assert!(!r.has("episode/progress-report-due"));
    // Day 9 of the period: nothing due yet, whoever writes.
    let day9 = episode(json!({"visitNumber": 9, "reportingPeriodDay": 9}));
    let r = check(&with(
        json!({"noteType": "progress", "provider": pta(), "lines": cq_lines(), "episode": day9}),
    ));
    assert!(!r.has("episode/progress-report-due"));
}

/// Regression: a visit outside the certified plan or the authorization is unpaid; the
/// finding now carries the visit's expected payment as `amountAtRisk`.
#[test]
fn unpaid_visits_say_what_they_are_worth() {
    let visit = check(&base()).billing.expected_payment.unwrap();
    let late = with(json!({"dateOfService": "2025-05-20"}));
    let r = check(&late);
    for rule in [
        "episode/plan-of-care-expired",
        "episode/authorization-exceeded",
    ] {
        let f = r
            .findings
            .iter()
            .find(|f| f.rule == rule)
            .unwrap_or_else(|| panic!("{rule}: {:?}", rules_fired(&r)));
        assert_eq!(f.amount_at_risk, Some(visit), "{rule}");
    }
    let r = check(&with(
        json!({"episode": episode(json!({"visitNumber": 10, "reportingPeriodDay": 10}))}),
    ));
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "episode/progress-report-due")
        .unwrap();
    assert_eq!(f.amount_at_risk, Some(visit));
    // A warning that changes nothing paid carries no amount.
    let r = check(&with(
        json!({"episode": episode(json!({"visitNumber": 23, "authorizedVisits": 24}))}),
    ));
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "episode/authorization-ending")
        .unwrap();
    assert_eq!(f.amount_at_risk, None);
    // The uncertified plan: a warning inside the 30 days (no money yet), an error with the
    // visit at risk from day 31.
    let uncert = |dos: &str| {
        check(&with(
            json!({"dateOfService": dos, "episode": episode(json!({"certifiedOn": null}))}),
        ))
    };
    let r = uncert("2025-03-26");
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "episode/plan-of-care-uncertified")
        .unwrap();
    assert_eq!(f.amount_at_risk, None);
    let r = uncert("2025-03-27");
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "episode/plan-of-care-uncertified")
        .unwrap();
    assert!(f.amount_at_risk.is_some());
}

/// Notes from EMRs that send no episode, an empty one, or only some of its fields: nothing
/// to check, no error, no episode finding.
#[test]
fn notes_without_an_episode_are_checked_without_episode_findings() {
    for ep in [
        Value::Null,
        json!({}),
        json!({"visitNumber": 3}),
        json!({"thresholdSpentBefore": "0"}),
    ] {
        let r = check(&with(json!({"episode": ep.clone()})));
        let episode_findings: Vec<_> = r
            .findings
            .iter()
            .filter(|f| f.rule.starts_with("episode/"))
            .map(|f| f.rule)
            .collect();
        assert!(episode_findings.is_empty(), "{ep}: {episode_findings:?}");
        assert!(r.ready_to_sign, "{ep}: {:?}", rules_fired(&r));
    }
}
