//! Runs exactly the example config of docs/payer-packs.md (the first ```json block), so the
//! documentation cannot drift from what the engine does.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

mod common;

use chartlint::{Checker, Severity};
use common::{base, with};
use serde_json::{json, Value};

const DOC: &str = include_str!("../docs/payer-packs.md");

fn doc_config() -> Value {
    let start = DOC.find("```json").expect("the doc has a ```json block") + "```json".len();
    let end = DOC[start..].find("```").expect("the block is closed") + start;
    serde_json::from_str(&DOC[start..end]).expect("the doc's example config is valid JSON")
}

fn episode_at_visit(n: u32) -> Value {
    let mut ep = base()["episode"].clone();
    ep["visitNumber"] = json!(n);
    ep
}

fn ma_note(visit: u32, m2: &[&str]) -> Value {
    with(json!({
        "payer": {"kind": "medicareAdvantage"},
        "lines": [
            {"code": "97140", "minutes": 10, "units": 1, "modifiers": ["GP"]},
            {"code": "97530", "minutes": 10, "units": 1, "modifiers": m2}
        ],
        "totalTimedMinutes": 20, "totalTreatmentMinutes": 20,
        "episode": episode_at_visit(visit)
    }))
}

#[test]
fn the_documented_config_switches_medicare_advantage_to_rule_of_eights_x_modifiers_and_20_visits() {
    let checker =
        Checker::new(&doc_config()).unwrap_or_else(|e| panic!("doc config rejected: {e}"));
    let r = checker.check_value(&ma_note(21, &["GP"])).unwrap();

    assert_eq!(
        r.provenance.rule_pack,
        "Sunrise Medicare Advantage 2025 (clinic pack v3)"
    );
    assert_eq!(r.billing.unit_rule, chartlint::UnitRule::RuleOf8s);
    assert_eq!(
        r.billing.timed_units_allowed, 2,
        "10 + 10 minutes: one unit each under the Rule of Eights"
    );
    assert!(!r.has("units/over-billed"), "{:#?}", r.findings);

    let pair = r
        .findings
        .iter()
        .find(|f| f.rule == "modifiers/ncci-pair")
        .expect("97140 + 97530 is flagged");
    assert_eq!(pair.severity, Severity::Warning);
    let fix = pair.fix.as_deref().unwrap();
    assert!(fix.contains("XU") && !fix.contains("59"), "{fix}");

    let over = r
        .findings
        .iter()
        .find(|f| f.rule == "episode/authorization-exceeded")
        .expect("visit 21 of 20");
    assert!(over.message.contains("20-visit limit"), "{}", over.message);

    for v in 18..=20 {
        let r = checker.check_value(&ma_note(v, &["GP", "XU"])).unwrap();
        assert!(
            r.has("episode/authorization-ending") && !r.has("episode/authorization-exceeded"),
            "visit {v}"
        );
        assert!(!r.has("modifiers/ncci-pair"), "XU on 97530 passes");
    }
    assert!(!checker
        .check_value(&ma_note(17, &["GP", "XU"]))
        .unwrap()
        .has("episode/authorization-ending"));
    let r = checker.check_value(&ma_note(10, &["GP", "59"])).unwrap();
    assert!(
        r.findings
            .iter()
            .any(|f| f.rule == "modifiers/ncci-pair" && f.message.contains("X modifier")),
        "59 flagged for an X payer"
    );

    // Without the config the same note is counted and paired Medicare's way.
    let r = common::check(&ma_note(21, &["GP"]));
    assert_eq!(r.billing.unit_rule, chartlint::UnitRule::Cms8);
    assert!(r
        .findings
        .iter()
        .any(|f| f.rule == "modifiers/ncci-pair"
            && f.fix.as_deref().is_some_and(|x| x.contains("59"))));
    assert!(!r.has("episode/authorization-exceeded"));
}

#[test]
fn the_documented_config_makes_the_commercial_pair_an_error_and_requires_cq() {
    let checker = Checker::new(&doc_config()).unwrap();
    let note = with(json!({
        "payer": {"kind": "commercial"},
        "lines": [
            {"code": "97140", "minutes": 15, "units": 1, "modifiers": ["GP"]},
            {"code": "97530", "minutes": 25, "units": 2, "modifiers": ["GP", "59"]}
        ]
    }));
    let r = checker.check_value(&note).unwrap();
    assert_eq!(r.provenance.rule_pack, "Acme PPO 2025 (clinic pack v3)");
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "modifiers/ncci-pair")
        .expect("payer pair");
    assert_eq!(f.severity, Severity::Error);

    let mut pta = base();
    pta["payer"] = json!({"kind": "commercial"});
    pta["provider"] = json!({"role": "PTA"});
    assert!(checker
        .check_value(&pta)
        .unwrap()
        .has("modifiers/assistant-required"));
    assert!(
        !common::check(&pta).has("modifiers/assistant-required"),
        "the built-in commercial pack does not require CQ"
    );
}
