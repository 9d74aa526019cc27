//! The `units` family's rules (minutes against billed units), one section per rule in
//! the order of the family's table: each rule fired and kept quiet on realistic notes, and the
//! cases a payer's auditor and a therapy biller try first ("regression" marks a case that
//! once failed). The arithmetic of the units engine itself is in `units_engine.rs`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice,
    clippy::type_complexity
)]

mod common;

use chartlint::UnitRule;
use common::{billing_rules, check, lines, rules_fired, with};
use rust_decimal::Decimal;
use serde_json::json;

fn slp(lines: serde_json::Value, total: u32) -> serde_json::Value {
    with(json!({
        "discipline": "SLP",
        "provider": {"role": "SLP", "name": "Ana Ruiz", "credentials": "MS, CCC-SLP"},
        "diagnoses": ["R41.841"],
        "lines": lines,
        "totalTimedMinutes": total,
        "totalTreatmentMinutes": total
    }))
}

// ---------------------------------------------------------------------------------------
// units/over-billed

/// The 8-minute rule with an untimed code, a timed code and a documented 0-unit line
/// together, totals only on a Rule-of-Eights payer: the total allows 2 units and the
/// untimed code stays outside it (shared/policy §1.2 R8, R10; §2 Rule of Eights).
#[test]
fn totals_only_under_the_rule_of_eights_uses_the_documented_total() {
    let r = check(&with(json!({
        "payer": {"kind": "commercial"},
        "lines": [
            {"code": "97110", "units": 2, "modifiers": ["GP"]},
            {"code": "97140", "units": 0, "modifiers": ["GP"]},
            {"code": "97010", "units": 1, "modifiers": ["GP"]}
        ],
        "totalTimedMinutes": 30, "totalTreatmentMinutes": 40
    })));
    assert_eq!(r.billing.timed_units_allowed, 2);
    assert!(billing_rules(&r).is_empty(), "{:?}", billing_rules(&r));
    let r = check(&with(json!({
        "payer": {"kind": "commercial"},
        "lines": [
            {"code": "97110", "units": 3, "modifiers": ["GP"]},
            {"code": "97010", "units": 1, "modifiers": ["GP"]}
        ],
        "totalTimedMinutes": 30, "totalTreatmentMinutes": 40
    })));
    assert!(r.has("units/over-billed"), "{:?}", rules_fired(&r));
}

#[test]
fn ties_accept_either_choice_but_never_all_units_on_one_code() {
    // CMS example 2: 20 + 20 minutes → 3 units, 2 + 1 either way.
    for billed in [[2, 1], [1, 2]] {
        let items = [("97112", 20, billed[0]), ("97110", 20, billed[1])];
        let report = check(&with(
            json!({"lines": lines(&items), "totalTimedMinutes": 40}),
        ));
        assert!(
            !report.has("units/over-billed") && !report.has("units/under-billed"),
            "{billed:?}: {:?}",
            common::rules_fired(&report)
        );
        assert!(report.billing.lines.iter().all(|l| l.tie));
    }
    // "3 units of one code is wrong"
    let items = [("97112", 20, 3), ("97110", 20, 0)];
    let report = check(&with(
        json!({"lines": lines(&items), "totalTimedMinutes": 40}),
    ));
    assert_eq!(report.count("units/over-billed"), 1);
    assert_eq!(report.count("units/under-billed"), 1);
    let over = report
        .findings
        .iter()
        .find(|f| f.rule == "units/over-billed")
        .map(|f| f.field.clone());
    assert_eq!(over, Some(Some("lines[0].units".into())));
}

#[test]
fn example_3_gives_the_extra_unit_to_the_larger_leftover() {
    // 97110 = 33 (3 left over), 97140 = 7: billing 97110 × 3 is wrong.
    let report = check(&with(
        json!({"lines": lines(&[("97110", 33, 3), ("97140", 7, 0)]), "totalTimedMinutes": 40}),
    ));
    assert!(report.has("units/over-billed"));
    assert!(report.has("units/under-billed"));
}

// ---- each units rule, both directions --------------------------------------------------

#[test]
fn over_billed_line_and_visit() {
    let r = check(&with(
        json!({"lines": lines(&[("97110", 20, 2)]), "totalTimedMinutes": 20, "totalTreatmentMinutes": 20}),
    ));
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "units/over-billed")
        .cloned();
    let f = f.unwrap_or_else(|| panic!("no over-billed: {:?}", common::rules_fired(&r)));
    assert_eq!(f.field.as_deref(), Some("lines[0].units"));
    assert!(f.message.contains("support 1"), "{}", f.message);
    assert!(!r.ready_to_sign);
    // Visit level: only the total is documented (no minutes per line).
    let r = check(&with(json!({
        "lines": [{"code": "97110", "units": 2, "modifiers": ["GP"]}, {"code": "97140", "units": 2, "modifiers": ["GP"]}],
        "totalTimedMinutes": 40
    })));
    assert!(r.has("units/over-billed"), "{:?}", common::rules_fired(&r));
    assert!(!r.has("units/missing-minutes"));
    let r = check(&with(json!({
        "lines": [{"code": "97110", "units": 2, "modifiers": ["GP"]}, {"code": "97140", "units": 1, "modifiers": ["GP"]}],
        "totalTimedMinutes": 40
    })));
    assert!(
        !r.has("units/over-billed") && !r.has("units/under-billed"),
        "{:?}",
        common::rules_fired(&r)
    );
}

#[test]
fn cognitive_family_counts_as_one_code() {
    // 97129 first 15 minutes, 97130 each additional: 38 minutes → 3 units, 1 + 2.
    let r = check(&with(json!({
        "discipline": "SLP",
        "lines": [{"code": "97129", "minutes": 15, "units": 1, "modifiers": ["GN"]}, {"code": "97130", "minutes": 23, "units": 2, "modifiers": ["GN"]}],
        "totalTimedMinutes": 38, "totalTreatmentMinutes": 38
    })));
    assert!(
        !r.has("units/over-billed") && !r.has("units/under-billed"),
        "{:?}",
        common::rules_fired(&r)
    );
    assert_eq!(
        r.billing
            .lines
            .iter()
            .map(|l| l.units_supported)
            .collect::<Vec<_>>(),
        vec![Some(1), Some(2)]
    );
}

#[test]
fn slp_hour_codes_need_more_than_half_the_hour() {
    let r = check(&with(
        json!({"discipline": "SLP", "lines": [{"code": "96125", "minutes": 30, "units": 1, "modifiers": ["GN"]}], "totalTimedMinutes": null}),
    ));
    assert!(r.has("units/over-billed"));
    let r = check(&with(
        json!({"discipline": "SLP", "lines": [{"code": "96125", "minutes": 31, "units": 1, "modifiers": ["GN"]}], "totalTimedMinutes": null}),
    ));
    assert!(!r.has("units/over-billed"));
    // 92607 first hour + 92608 each additional 30: 100 minutes → 1 + 1 (40 beyond the hour).
    let r = check(&with(json!({"discipline": "SLP", "lines": [
        {"code": "92607", "minutes": 100, "units": 1, "modifiers": ["GN"]},
        {"code": "92608", "minutes": 0, "units": 2, "modifiers": ["GN"]}], "totalTimedMinutes": null})));
    assert_eq!(
        r.billing
            .lines
            .iter()
            .map(|l| l.units_supported)
            .collect::<Vec<_>>(),
        vec![Some(1), Some(1)]
    );
    assert!(r.has("units/over-billed"));
}

// ---------------------------------------------------------------------------------------
// units/under-billed

/// Regression: 97129 is "initial 15 minutes" and is billed once a day; the further units are
/// 97130 (CPT descriptors; shared/policy "HAPPY", "YUNG"). 38 minutes of cognitive
/// intervention billed as 97129 × 1 used to get "Bill 3 units of 97129".
#[test]
fn cognitive_intervention_billed_as_97129_alone_asks_for_97130_not_more_97129() {
    let r = check(&slp(
        json!([{"code": "97129", "minutes": 38, "units": 1, "modifiers": ["GN"]}]),
        38,
    ));
    assert_eq!(r.billing.lines[0].units_supported, Some(1));
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "units/under-billed")
        .unwrap_or_else(|| panic!("{:?}", rules_fired(&r)));
    assert!(f.message.contains("2 units of 97130"), "{}", f.message);
    let fix = f.fix.as_deref().unwrap();
    assert!(
        fix.contains("1 unit of 97129") && fix.contains("97130"),
        "{fix}"
    );
    assert!(!fix.contains("3 units of 97129"), "{fix}");
    // The money left on the table is two 97130 units.
    let a = f
        .amount_at_risk
        .expect("two 97130 units have a value")
        .decimal();
    assert!(a > Decimal::from(20) && a < Decimal::from(60), "{a}");

    // 97129 × 3 on its own is over-billed on 97129 (one unit a day) and short of 97130.
    let r = check(&slp(
        json!([{"code": "97129", "minutes": 38, "units": 3, "modifiers": ["GN"]}]),
        38,
    ));
    let over = r
        .findings
        .iter()
        .find(|f| f.rule == "units/over-billed")
        .unwrap_or_else(|| panic!("{:?}", rules_fired(&r)));
    assert_eq!(over.fix.as_deref(), Some("Bill 1 unit of 97129."));

    // 15 minutes: one unit of 97129 and nothing to add.
    let r = check(&slp(
        json!([{"code": "97129", "minutes": 15, "units": 1, "modifiers": ["GN"]}]),
        15,
    ));
    assert!(billing_rules(&r).is_empty(), "{:?}", billing_rules(&r));
}

/// Regression: the same for the hour-based AAC evaluation codes: 92607 covers the first hour,
/// 92608 each additional 30 minutes (past half a block: shared/policy [ASHA-T]). 100 minutes
/// billed as 92607 alone used to pass with no word about 92608.
#[test]
fn aac_evaluation_past_the_first_hour_asks_for_its_add_on() {
    let aac = |lines: serde_json::Value| {
        check(&with(json!({
            "discipline": "SLP", "noteType": "evaluation",
            "provider": {"role": "SLP", "name": "Ana Ruiz", "credentials": "MS, CCC-SLP"},
            "diagnoses": ["R47.01"],
            "lines": lines, "totalTimedMinutes": null, "totalTreatmentMinutes": 100
        })))
    };
    let r = aac(json!([{"code": "92607", "minutes": 100, "units": 1, "modifiers": ["GN"]}]));
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "units/under-billed")
        .unwrap_or_else(|| panic!("{:?}", rules_fired(&r)));
    assert!(
        f.message.contains("first hour") && f.message.contains("1 unit of 92608"),
        "{}",
        f.message
    );
    // Billed with its add-on: nothing to say about units.
    let r = aac(json!([
        {"code": "92607", "minutes": 60, "units": 1, "modifiers": ["GN"]},
        {"code": "92608", "minutes": 40, "units": 1, "modifiers": ["GN"]}
    ]));
    assert!(!r.has("units/under-billed"), "{:?}", rules_fired(&r));
    // 75 minutes: the 15 past the hour are not more than half of a 30-minute block.
    let r = aac(json!([{"code": "92607", "minutes": 75, "units": 1, "modifiers": ["GN"]}]));
    assert!(!r.has("units/under-billed"), "{:?}", rules_fired(&r));
}

#[test]
fn under_billed_line_and_visit() {
    let r = check(&with(
        json!({"lines": lines(&[("97110", 38, 2)]), "totalTimedMinutes": 38}),
    ));
    assert!(r.has("units/under-billed"));
    assert!(r.ready_to_sign, "a warning does not block signing");
    let r = check(&with(json!({
        "lines": [{"code": "97110", "units": 1, "modifiers": ["GP"]}, {"code": "97140", "units": 1, "modifiers": ["GP"]}],
        "totalTimedMinutes": 40
    })));
    assert!(r.has("units/under-billed"));
    // A timed service performed but billed at 0 units whose minutes earn nothing is fine.
    let r = check(&with(
        json!({"lines": lines(&[("97110", 30, 2), ("97035", 5, 0)]), "totalTimedMinutes": 35, "totalTreatmentMinutes": 35}),
    ));
    assert!(
        !r.has("units/under-billed"),
        "{:?}",
        common::rules_fired(&r)
    );
}

// ---------------------------------------------------------------------------------------
// units/below-minimum

#[test]
fn payer_pack_and_note_choose_the_method() {
    // Commercial defaults to the Rule of Eights: 7 minutes of 97140 earn nothing.
    let items = [("97110", 33, 2), ("97140", 7, 1)];
    let report = check(&with(
        json!({"lines": lines(&items), "payer": {"kind": "commercial"}, "totalTimedMinutes": 40}),
    ));
    assert_eq!(report.billing.unit_rule, UnitRule::RuleOf8s);
    assert!(report.has("units/below-minimum"));
    // The same note under Medicare passes.
    let report = check(&with(
        json!({"lines": lines(&items), "totalTimedMinutes": 40}),
    ));
    assert!(!report.has("units/below-minimum"));
    // The note may name the method itself.
    let report = check(&with(
        json!({"lines": lines(&items), "payer": {"kind": "medicare", "unitRule": "ruleOf8s"}, "totalTimedMinutes": 40}),
    ));
    assert!(report.has("units/below-minimum"));
}

#[test]
fn below_minimum_alone_and_after_pooling() {
    let r = check(&with(
        json!({"lines": lines(&[("97110", 7, 1)]), "totalTimedMinutes": 7}),
    ));
    assert!(r.has("units/below-minimum"));
    assert!(
        !r.has("units/over-billed"),
        "reported once, as below-minimum"
    );
    // 7/7/7: one unit of one code is right; a unit on each of the others is below minimum.
    let r = check(&with(
        json!({"lines": lines(&[("97112", 7, 1), ("97110", 7, 1), ("97140", 7, 0)]), "totalTimedMinutes": 21}),
    ));
    assert_eq!(r.count("units/below-minimum"), 1);
    let r = check(&with(
        json!({"lines": lines(&[("97112", 7, 1), ("97110", 7, 0), ("97140", 7, 0)]), "totalTimedMinutes": 21}),
    ));
    assert!(!r.has("units/below-minimum"));
}

// ---------------------------------------------------------------------------------------
// units/missing-minutes

/// Regression: with timed lines billed and no minutes anywhere, the visit's minutes are
/// unknown, not zero. It used to add a visit-level `units/over-billed` ("3 units; 0 timed
/// minutes allow 0", with the whole visit as amountAtRisk) on top of `units/missing-minutes`.
#[test]
fn missing_minutes_is_not_also_a_visit_over_billed() {
    let r = check(&with(json!({
        "lines": [{"code": "97110", "units": 2, "modifiers": ["GP"]}, {"code": "97140", "units": 1, "modifiers": ["GP"]}],
        "totalTimedMinutes": null
    })));
    assert_eq!(r.count("units/missing-minutes"), 2);
    assert!(!r.has("units/over-billed"), "{:?}", rules_fired(&r));

    // Minutes on one line only: the other line's minutes are missing, not short.
    let r = check(&with(json!({
        "lines": [{"code": "97110", "minutes": 20, "units": 1, "modifiers": ["GP"]}, {"code": "97140", "units": 2, "modifiers": ["GP"]}],
        "totalTimedMinutes": 40
    })));
    assert_eq!(r.count("units/missing-minutes"), 1);
    assert!(!r.has("units/over-billed"), "{:?}", rules_fired(&r));
}

/// Regression: CMS accepts the visit's total timed minutes without per-service minutes
/// (shared/policy §1.2 R10). A note that wrote minutes only for a service it did not bill
/// (97140 × 0, 5 minutes) lost that: its billed 97110 got `units/missing-minutes` (an error)
/// although the documented 35 timed minutes support its 2 units.
#[test]
fn minutes_on_an_unbilled_line_do_not_cancel_the_documented_total() {
    let r = check(&with(json!({
        "lines": [
            {"code": "97110", "units": 2, "modifiers": ["GP"]},
            {"code": "97140", "minutes": 5, "units": 0, "modifiers": ["GP"]}
        ],
        "totalTimedMinutes": 35, "totalTreatmentMinutes": 35
    })));
    assert!(!r.has("units/missing-minutes"), "{:?}", billing_rules(&r));
    assert!(billing_rules(&r).is_empty(), "{:?}", billing_rules(&r));
    assert_eq!(r.billing.timed_units_allowed, 2);
    // The same total does not support 3 units.
    let r = check(&with(json!({
        "lines": [
            {"code": "97110", "units": 3, "modifiers": ["GP"]},
            {"code": "97140", "minutes": 5, "units": 0, "modifiers": ["GP"]}
        ],
        "totalTimedMinutes": 35, "totalTreatmentMinutes": 35
    })));
    assert!(r.has("units/over-billed"), "{:?}", billing_rules(&r));
    // Without a documented total the billed line's minutes are still missing.
    let r = check(&with(json!({
        "lines": [
            {"code": "97110", "units": 2, "modifiers": ["GP"]},
            {"code": "97140", "minutes": 5, "units": 0, "modifiers": ["GP"]}
        ],
        "totalTimedMinutes": null
    })));
    assert!(r.has("units/missing-minutes"), "{:?}", billing_rules(&r));
}

#[test]
fn missing_minutes_unless_only_the_total_is_documented() {
    let r = check(&with(
        json!({"lines": [{"code": "97110", "units": 2, "modifiers": ["GP"]}], "totalTimedMinutes": null}),
    ));
    assert!(r.has("units/missing-minutes"));
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "units/missing-minutes")
        .and_then(|f| f.field.clone());
    assert_eq!(f.as_deref(), Some("lines[0].minutes"));
    // Mixed: one line has minutes, the other not.
    let r = check(&with(
        json!({"lines": [{"code": "97110", "minutes": 25, "units": 2, "modifiers": ["GP"]}, {"code": "97140", "units": 1, "modifiers": ["GP"]}]}),
    ));
    assert_eq!(r.count("units/missing-minutes"), 1);
    // Untimed codes need no minutes.
    let r = check(&with(
        json!({"lines": [{"code": "G0283", "units": 1, "modifiers": ["GP"]}], "totalTimedMinutes": null}),
    ));
    assert!(!r.has("units/missing-minutes"));
}

// ---------------------------------------------------------------------------------------
// units/total-minutes-mismatch

#[test]
fn total_minutes_mismatch_both_ways() {
    let r = check(&with(json!({"totalTimedMinutes": 45})));
    assert!(r.has("units/total-minutes-mismatch"));
    let r = check(&with(json!({"totalTreatmentMinutes": 30})));
    assert!(
        r.has("units/total-minutes-mismatch"),
        "treatment time shorter than timed minutes"
    );
    let r = check(&with(
        json!({"totalTimedMinutes": 40, "totalTreatmentMinutes": 55}),
    ));
    assert!(!r.has("units/total-minutes-mismatch"));
}

// ---------------------------------------------------------------------------------------
// units/missing-total-treatment-time

#[test]
fn missing_total_treatment_time_only_for_payers_that_require_it() {
    // The base note's text writes "Total treatment time: 40 min", which counts; remove it.
    let r = check(&with(
        json!({"totalTreatmentMinutes": null, "text": "Therapeutic exercise for quad strength with cues for form."}),
    ));
    assert!(r.has("units/missing-total-treatment-time"));
    let r = check(&with(json!({"totalTreatmentMinutes": null})));
    assert!(
        !r.has("units/missing-total-treatment-time"),
        "the total treatment time written in the text counts"
    );
    let r = check(&with(
        json!({"totalTreatmentMinutes": null, "payer": {"kind": "commercial"}, "text": "Therapeutic exercise."}),
    ));
    assert!(!r.has("units/missing-total-treatment-time"));
}

// ---------------------------------------------------------------------------------------
// units/untimed-multiple-units

#[test]
fn untimed_multiple_units() {
    let r = check(&with(
        json!({"lines": lines(&[("97110", 40, 3), ("97010", 10, 2)])}),
    ));
    assert!(r.has("units/untimed-multiple-units"));
    let r = check(&with(
        json!({"lines": lines(&[("97110", 40, 3), ("97010", 10, 1)])}),
    ));
    assert!(!r.has("units/untimed-multiple-units"));
}

// ---------------------------------------------------------------------------------------
// units/split-code-lines

/// Regression: CMS's CQ/CO billing examples bill the assistant's units of a code on a line
/// with CQ and the therapist's units of the same code on a line without it (shared/policy
/// §6.2, scenario 1). `units/split-code-lines` used to call that a split, contradicting the
/// fix `modifiers/assistant-required` gives.
#[test]
fn assistant_and_therapist_lines_of_one_code_are_not_a_split() {
    let r = check(&with(json!({
        "lines": [
            {"code": "97110", "minutes": 23, "assistantMinutes": 23, "units": 1, "modifiers": ["GP", "CQ"]},
            {"code": "97110", "minutes": 13, "units": 1, "modifiers": ["GP"]},
            {"code": "97140", "minutes": 30, "units": 2, "modifiers": ["GP"]}
        ],
        "totalTimedMinutes": 66, "totalTreatmentMinutes": 66
    })));
    assert!(billing_rules(&r).is_empty(), "{:?}", billing_rules(&r));
    // Two lines without CQ are still a split.
    let r = check(&with(json!({
        "lines": [
            {"code": "97110", "minutes": 23, "units": 1, "modifiers": ["GP"]},
            {"code": "97110", "minutes": 13, "units": 1, "modifiers": ["GP"]},
            {"code": "97140", "minutes": 30, "units": 2, "modifiers": ["GP"]}
        ],
        "totalTimedMinutes": 66, "totalTreatmentMinutes": 66
    })));
    assert_eq!(r.count("units/split-code-lines"), 1);
}

#[test]
fn split_code_lines_pool_their_minutes() {
    let r = check(&with(
        json!({"lines": lines(&[("97110", 20, 1), ("97110", 20, 2)])}),
    ));
    assert_eq!(r.count("units/split-code-lines"), 1);
    assert!(
        !r.has("units/over-billed"),
        "pooled 40 minutes support 3 units: {:?}",
        common::rules_fired(&r)
    );
}

// ---------------------------------------------------------------------------------------
// units/text-mismatch

/// Regression: the note's text gives one figure for an intervention whose units CMS bills on
/// two lines (the PTA's with CQ, the PT's without); `units/text-mismatch` compared the text
/// with the first line only ("the text gives 36 minutes for 97110; the billed line has 23").
#[test]
fn text_minutes_of_a_code_split_for_cq_match_the_lines_total() {
    let text = |te: u32| {
        format!(
            "S: R knee pain 3/10 after stairs, down from 5/10 last week.\n\
             O: Therapeutic exercise {te} min (PTA and PT): step-ups 4 in box 3x10 with cues to keep knee over 2nd toe.\n\
             Manual therapy 30 min: grade III tibiofemoral mobilization, flexion remeasured 108 deg.\n\
             A: Flexion improved 13 deg since eval; quad weakness limits community stairs.\n\
             Response: pain 3/10 after session, no adverse reaction.\n\
             P: Progress step-ups to 6 in box next visit.\n\
             Total timed minutes: 66. Total treatment time: 66 min.\n\
             Dana Lee, PT, DPT 03/10/2025"
        )
    };
    let note = |te: u32| {
        with(json!({
            "lines": [
                {"code": "97110", "minutes": 23, "assistantMinutes": 23, "units": 1, "modifiers": ["GP", "CQ"]},
                {"code": "97110", "minutes": 13, "units": 1, "modifiers": ["GP"]},
                {"code": "97140", "minutes": 30, "units": 2, "modifiers": ["GP"]}
            ],
            "totalTimedMinutes": 66, "totalTreatmentMinutes": 66,
            "text": text(te)
        }))
    };
    let r = check(&note(36));
    assert!(!r.has("units/text-mismatch"), "{:?}", r.findings);
    let r = check(&note(40));
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "units/text-mismatch")
        .unwrap_or_else(|| panic!("{:?}", rules_fired(&r)));
    assert!(f.message.contains("lines have 36"), "{}", f.message);
}
