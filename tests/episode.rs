//! The `episode` family's rules (progress reports, certification, authorization), one
//! section per rule in the order of the family's table, with the date arithmetic at its
//! boundaries ("regression" marks a case that once failed).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice,
    clippy::type_complexity
)]

mod common;

use chartlint::Severity;
use common::{base, check, check_with, one, rules_fired, with};
use serde_json::{json, Value};

/// The base note's episode with `patch`'s keys laid over it.
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

fn on_day(day: u32) -> Value {
    with(json!({"episode": episode(json!({"visitNumber": day, "reportingPeriodDay": day}))}))
}

fn uncertified(start: &str, dos: &str) -> Value {
    with(
        json!({"dateOfService": dos, "episode": episode(json!({"planOfCareStart": start, "certifiedOn": null, "planOfCareEnd": "2030-01-01", "authorizationEnd": "2030-01-01"}))}),
    )
}

fn plan(start: &str, end: &str, dos: &str) -> Value {
    with(
        json!({"dateOfService": dos, "episode": episode(json!({"planOfCareStart": start, "planOfCareEnd": end, "certifiedOn": start, "authorizationEnd": "2030-01-01"}))}),
    )
}

fn visit(n: u32, authorized: u32) -> Value {
    with(json!({"episode": episode(json!({"visitNumber": n, "authorizedVisits": authorized}))}))
}

// ---------------------------------------------------------------------------------------
// episode/progress-report-due

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

#[test]
fn progress_report_due_on_the_tenth_treatment_day_and_after() {
    assert!(!check(&on_day(9)).has("episode/progress-report-due"));
    let r = check(&on_day(10));
    let f = one(&r, "episode/progress-report-due");
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(f.field.as_deref(), Some("episode.reportingPeriodDay"));
    assert!(f.message.contains("due with it"));
    assert!(one(&check(&on_day(12)), "episode/progress-report-due")
        .message
        .contains("overdue"));
}

#[test]
fn progress_report_due_quiet_when_the_note_is_or_contains_a_report() {
    let mut n = on_day(10);
    n["noteType"] = json!("progress");
    assert!(!check(&n).has("episode/progress-report-due"));
    let mut n = on_day(11);
    n["text"] = json!(format!(
        "{}\nProgress report (visits 1-11): goals reviewed below.",
        base()["text"].as_str().unwrap()
    ));
    assert!(!check(&n).has("episode/progress-report-due"));
    for text in [
        "PROGRESS NOTE\nGoals: 1. met",
        "## Progress Report\nGoals reviewed.",
        "Reporting period: 2/24 to 3/10",
        "Progress report - visits 1 to 10",
    ] {
        let mut n = on_day(10);
        n["text"] = json!(text);
        assert!(!check(&n).has("episode/progress-report-due"), "{text}");
    }
    for text in [
        "Pt asked when the progress report is due.",
        "Progress report due next visit.",
        "Progress: pt improved.",
    ] {
        let mut n = on_day(10);
        n["text"] = json!(text);
        assert!(
            check(&n).has("episode/progress-report-due"),
            "a mention is not a report: {text}"
        );
    }
}

#[test]
fn progress_report_interval_comes_from_the_payer_pack() {
    let mut n = on_day(10);
    n["payer"] = json!({"kind": "medicareAdvantage"});
    assert!(
        !check(&n).has("episode/progress-report-due"),
        "built-in MA pack has no interval"
    );
    assert!(check_with(
        json!({"payers": {"medicareAdvantage": {"medicareRules": true}}}),
        &n
    )
    .has("episode/progress-report-due"));
    n["payer"] = json!({"kind": "commercial"});
    assert!(!check(&n).has("episode/progress-report-due"));
    let r = check_with(
        json!({"payers": {"commercial": {"progressReportInterval": 12}}}),
        &n,
    );
    assert!(!r.has("episode/progress-report-due"));
    let n12 = {
        let mut n = on_day(12);
        n["payer"] = json!({"kind": "commercial"});
        n
    };
    assert!(check_with(
        json!({"payers": {"commercial": {"progressReportInterval": 12}}}),
        &n12
    )
    .has("episode/progress-report-due"));
    assert!(
        !check_with(
            json!({"payers": {"medicare": {"progressReportInterval": 0}}}),
            &on_day(12)
        )
        .has("episode/progress-report-due"),
        "0 turns it off"
    );
}

// ---------------------------------------------------------------------------------------
// episode/plan-of-care-uncertified

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

#[test]
fn uncertified_plan_is_a_warning_through_day_30_and_an_error_from_day_31() {
    let r = check(&uncertified("2025-02-24", "2025-03-26"));
    let f = one(&r, "episode/plan-of-care-uncertified");
    assert_eq!(f.severity, Severity::Warning);
    assert!(f.message.contains("by 2025-03-26"), "{}", f.message);
    let r = check(&uncertified("2025-02-24", "2025-03-27"));
    let f = one(&r, "episode/plan-of-care-uncertified");
    assert_eq!(f.severity, Severity::Error);
    assert!(f.message.contains("31 days"), "{}", f.message);
}

#[test]
fn uncertified_plan_window_across_a_leap_day() {
    // 2024-02-15 + 30 days = 2024-03-16 (February 2024 has 29 days).
    assert_eq!(
        one(
            &check(&uncertified("2024-02-15", "2024-03-16")),
            "episode/plan-of-care-uncertified"
        )
        .severity,
        Severity::Warning
    );
    assert_eq!(
        one(
            &check(&uncertified("2024-02-15", "2024-03-17")),
            "episode/plan-of-care-uncertified"
        )
        .severity,
        Severity::Error
    );
    // Same dates a year later: 2025-02-15 + 30 = 2025-03-17.
    assert_eq!(
        one(
            &check(&uncertified("2025-02-15", "2025-03-17")),
            "episode/plan-of-care-uncertified"
        )
        .severity,
        Severity::Warning
    );
}

#[test]
fn certified_plans_and_evaluations_pass() {
    assert!(!check(&base()).has("episode/plan-of-care-uncertified"));
    let mut n = uncertified("2025-03-10", "2025-03-10");
    n["noteType"] = json!("evaluation");
    assert!(!check(&n).has("episode/plan-of-care-uncertified"));
    let mut n = uncertified("2025-02-24", "2025-04-30");
    n["payer"] = json!({"kind": "commercial"});
    assert!(!check(&n).has("episode/plan-of-care-uncertified"));
}

// ---------------------------------------------------------------------------------------
// episode/plan-of-care-expired

#[test]
fn plan_expires_after_day_90_in_a_leap_year_and_a_common_year() {
    // 2024-02-01 + 90 days = 2024-05-01 (leap February).
    assert!(
        !check(&plan("2024-02-01", "2024-12-31", "2024-05-01")).has("episode/plan-of-care-expired")
    );
    let r = check(&plan("2024-02-01", "2024-12-31", "2024-05-02"));
    let f = one(&r, "episode/plan-of-care-expired");
    assert_eq!(f.field.as_deref(), Some("episode.planOfCareStart"));
    assert!(
        f.message.contains("91 days") && f.message.contains("through 2024-05-01"),
        "{}",
        f.message
    );
    // 2025-02-01 + 90 days = 2025-05-02.
    assert!(
        !check(&plan("2025-02-01", "2025-12-31", "2025-05-02")).has("episode/plan-of-care-expired")
    );
    assert!(
        check(&plan("2025-02-01", "2025-12-31", "2025-05-03")).has("episode/plan-of-care-expired")
    );
}

#[test]
fn plan_expires_the_day_after_its_end_date() {
    assert!(
        !check(&plan("2025-02-24", "2025-05-19", "2025-05-19")).has("episode/plan-of-care-expired")
    );
    let r = check(&plan("2025-02-24", "2025-05-19", "2025-05-20"));
    let f = one(&r, "episode/plan-of-care-expired");
    assert_eq!(f.field.as_deref(), Some("episode.planOfCareEnd"));
    assert!(f.message.contains("1 day after"));
    let mut n = plan("2025-02-24", "2025-05-19", "2025-05-20");
    n["noteType"] = json!("recertification");
    assert!(!check(&n).has("episode/plan-of-care-expired"));
}

// ---------------------------------------------------------------------------------------
// episode/authorization-ending

#[test]
fn authorization_by_visits() {
    assert!(!check(&visit(21, 24)).has("episode/authorization-ending"));
    assert!(one(&check(&visit(22, 24)), "episode/authorization-ending")
        .message
        .contains("2 visits left"));
    assert!(one(&check(&visit(23, 24)), "episode/authorization-ending")
        .message
        .contains("1 visit left"));
    let r = check(&visit(24, 24));
    assert!(one(&r, "episode/authorization-ending")
        .message
        .contains("the last one"));
    assert!(!r.has("episode/authorization-exceeded"));
    let r = check(&visit(25, 24));
    let f = one(&r, "episode/authorization-exceeded");
    assert_eq!(f.field.as_deref(), Some("episode.authorizedVisits"));
    assert!(!r.has("episode/authorization-ending"));
}

#[test]
fn authorization_by_end_date() {
    let on = |dos: &str| {
        with(
            json!({"dateOfService": dos, "episode": episode(json!({"authorizationEnd": "2025-04-30", "planOfCareEnd": "2025-05-19"}))}),
        )
    };
    assert!(
        !check(&on("2025-04-22")).has("episode/authorization-ending"),
        "8 days before"
    );
    assert!(
        one(&check(&on("2025-04-23")), "episode/authorization-ending")
            .message
            .contains("in 7 days")
    );
    assert!(
        one(&check(&on("2025-04-30")), "episode/authorization-ending")
            .message
            .contains("today")
    );
    let r = check(&on("2025-05-01"));
    assert_eq!(
        one(&r, "episode/authorization-exceeded").field.as_deref(),
        Some("episode.authorizationEnd")
    );
    assert!(!r.has("episode/authorization-ending"));
}

#[test]
fn payer_pack_visit_limit_applies_when_lower() {
    let cfg = json!({"payers": {"medicare": {"visitLimit": 20}}});
    let r = check_with(cfg.clone(), &visit(21, 24));
    let f = one(&r, "episode/authorization-exceeded");
    assert_eq!(f.field.as_deref(), Some("episode.visitNumber"));
    assert!(f.message.contains("20-visit limit"));
    assert!(check_with(cfg.clone(), &visit(18, 24)).has("episode/authorization-ending"));
    assert!(!check_with(cfg, &visit(17, 24)).has("episode/authorization-ending"));
}

// ---------------------------------------------------------------------------------------
// Other checks of the family

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
