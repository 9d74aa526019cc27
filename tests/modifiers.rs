//! The `modifiers` family's rules (GP/GO/GN, CQ/CO, NCCI pairs, unknown modifiers), one
//! section per rule in the order of the family's table; the CQ/CO arithmetic of CMS's CY 2022
//! examples and the CMS PTP file under `modifiers/ncci-pair` ("regression" marks a case that
//! once failed).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice,
    clippy::type_complexity
)]

mod common;

use chartlint::testing::assistant_units_timed;
use chartlint::Severity;
use common::{base, billing_rules, check, check_with, findings, one, rules_fired, with};
use serde_json::{json, Value};

const PTP_SAMPLE: &str = include_str!("fixtures/ncci/ptp-practitioner-sample.txt");

/// The base note's episode with `patch`'s keys laid over it.
fn episode(patch: Value) -> Value {
    let mut ep = base()["episode"].clone();
    for (k, v) in patch.as_object().unwrap() {
        ep[k] = v.clone();
    }
    ep
}

fn line(code: &str, minutes: u32, units: u32, modifiers: &[&str]) -> Value {
    json!({"code": code, "minutes": minutes, "units": units, "modifiers": modifiers})
}

fn manual_and_activities(m2: &[&str]) -> Value {
    with(json!({"lines": [line("97140", 15, 1, &["GP"]), line("97530", 25, 2, m2)]}))
}

fn ptp_config() -> Value {
    json!({"ncci": {"ptpFile": PTP_SAMPLE}})
}

// ---------------------------------------------------------------------------------------
// modifiers/missing-discipline

#[test]
fn missing_discipline_fires_per_billed_therapy_line() {
    let r = check(&with(
        json!({"lines": [line("97110", 25, 2, &[]), line("97140", 15, 1, &[])]}),
    ));
    let f = findings(&r, "modifiers/missing-discipline");
    assert_eq!(f.len(), 2);
    assert_eq!(f[0].severity, Severity::Error);
    assert_eq!(f[0].field.as_deref(), Some("lines[0].modifiers"));
    assert!(f[0].fix.as_deref().unwrap().contains("Add GP to 97110"));
    assert!(
        f[0].amount_at_risk
            .is_some_and(|a| a.decimal() > rust_decimal::Decimal::ZERO),
        "the rejected line's value is at risk"
    );
    assert!(!r.ready_to_sign);
}

#[test]
fn missing_discipline_quiet_for_unbilled_lines_unknown_codes_and_payers_that_do_not_require_it() {
    let r = check(&with(
        json!({"lines": [line("97110", 25, 2, &["GP"]), line("97140", 5, 0, &[])], "totalTimedMinutes": 30, "totalTreatmentMinutes": 30}),
    ));
    assert!(
        !r.has("modifiers/missing-discipline"),
        "{:?}",
        rules_fired(&r)
    );
    let r = check(&with(
        json!({"lines": [line("97110", 25, 2, &["GP"]), line("97140", 15, 1, &["GP"]), json!({"code": "99999", "units": 1})]}),
    ));
    assert!(!r.has("modifiers/missing-discipline"));
    let r = check(&with(
        json!({"payer": {"kind": "commercial"}, "lines": [line("97110", 25, 2, &[]), line("97140", 15, 1, &[])]}),
    ));
    assert!(!r.has("modifiers/missing-discipline"));
    // A clinic can require them for a commercial payer by config alone.
    let r = check_with(
        json!({"payers": {"commercial": {"requireDisciplineModifiers": true}}}),
        &with(
            json!({"payer": {"kind": "commercial"}, "lines": [line("97110", 25, 2, &[]), line("97140", 15, 1, &["GP"])]}),
        ),
    );
    assert_eq!(findings(&r, "modifiers/missing-discipline").len(), 1);
}

#[test]
fn required_modifiers_name_the_discipline_modifier() {
    let r = check(&base());
    for l in &r.billing.lines {
        assert_eq!(l.modifiers_required, vec!["GP".to_string()]);
    }
    let r = check(&with(
        json!({"discipline": "OT", "lines": [line("97530", 40, 3, &["GO"])], "totalTimedMinutes": 40}),
    ));
    assert_eq!(
        r.billing.lines[0].modifiers_required,
        vec!["GO".to_string()]
    );
    let r = check(&with(json!({"payer": {"kind": "commercial"}})));
    assert!(r
        .billing
        .lines
        .iter()
        .all(|l| l.modifiers_required.is_empty()));
    // Over the KX threshold every billed therapy line calls for KX too.
    let r = check(&with(
        json!({"episode": episode(json!({"thresholdSpentBefore": "2500.00"}))}),
    ));
    assert!(r.billing.kx_required);
    for l in &r.billing.lines {
        assert_eq!(
            l.modifiers_required,
            vec!["GP".to_string(), "KX".to_string()]
        );
    }
}

// ---------------------------------------------------------------------------------------
// modifiers/wrong-discipline

#[test]
fn wrong_discipline_fires_on_go_on_a_pt_note_and_on_two_discipline_modifiers() {
    let r = check(&with(
        json!({"lines": [line("97110", 25, 2, &["GO"]), line("97140", 15, 1, &["GP", "GN"])]}),
    ));
    let f = findings(&r, "modifiers/wrong-discipline");
    assert_eq!(f.len(), 2);
    assert!(
        f[0].message.contains("GO") && f[0].fix.as_deref().unwrap().contains("Replace GO with GP")
    );
    assert!(f[1].fix.as_deref().unwrap().contains("Remove GN"));
    assert!(
        !r.has("modifiers/missing-discipline"),
        "a wrong modifier is not a missing one"
    );
}

#[test]
fn wrong_discipline_quiet_when_modifiers_match_the_plan() {
    for (d, m) in [("PT", "GP"), ("OT", "GO"), ("SLP", "GN")] {
        let r = check(&with(
            json!({"discipline": d, "lines": [line("97110", 25, 2, &[m]), line("97140", 15, 1, &[m])]}),
        ));
        assert!(
            !r.has("modifiers/wrong-discipline"),
            "{d}: {:?}",
            rules_fired(&r)
        );
    }
}

// ---------------------------------------------------------------------------------------
// modifiers/assistant-required

/// Regression: the message read "The note's provider is a OTA".
#[test]
fn an_ota_is_an_ota() {
    let r = check(&with(json!({
        "discipline": "OT",
        "provider": {"role": "OTA", "name": "Lee Park", "credentials": "COTA/L"},
        "lines": [{"code": "97530", "minutes": 40, "units": 3, "modifiers": ["GO"]}],
        "totalTimedMinutes": 40, "totalTreatmentMinutes": 40
    })));
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "modifiers/assistant-required")
        .unwrap_or_else(|| panic!("{:?}", rules_fired(&r)));
    assert!(f.message.contains("is an OTA"), "{}", f.message);
    let r = check(&with(json!({"provider": {"role": "PTA"}})));
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "modifiers/assistant-required")
        .unwrap();
    assert!(f.message.contains("is a PTA"), "{}", f.message);
}

#[test]
fn assistant_required_when_a_pta_writes_the_note() {
    let pta = json!({"role": "PTA", "name": "Sam Ortiz", "credentials": "PTA"});
    let r = check(&with(json!({"provider": pta})));
    let f = findings(&r, "modifiers/assistant-required");
    assert_eq!(f.len(), 2);
    assert!(f[0].message.contains("PTA") && f[0].fix.as_deref().unwrap().contains("Add CQ"));
    assert_eq!(
        r.billing.lines[0].modifiers_required,
        vec!["GP".to_string(), "CQ".to_string()]
    );

    let r = check(&with(
        json!({"provider": pta, "lines": [line("97110", 25, 2, &["GP", "CQ"]), line("97140", 15, 1, &["GP", "CQ"])]}),
    ));
    assert!(!r.has("modifiers/assistant-required"));
}

#[test]
fn assistant_required_for_an_ota_on_an_ot_note_but_not_for_slp_or_commercial() {
    let ota = json!({"role": "OTA"});
    let r = check(&with(
        json!({"discipline": "OT", "provider": ota, "lines": [line("97530", 40, 3, &["GO"])], "totalTimedMinutes": 40}),
    ));
    assert!(one(&r, "modifiers/assistant-required")
        .fix
        .as_deref()
        .unwrap()
        .contains("CO"));
    let r = check(&with(
        json!({"discipline": "SLP", "provider": {"role": "SLPA"}, "lines": [json!({"code": "92507", "minutes": 30, "units": 1, "modifiers": ["GN"]})]}),
    ));
    assert!(!r.has("modifiers/assistant-required"));
    let r = check(&with(
        json!({"payer": {"kind": "commercial"}, "provider": {"role": "PTA"}}),
    ));
    assert!(!r.has("modifiers/assistant-required"));
}

#[test]
fn assistant_required_cms_scenario_splits_97110() {
    // CMS CY2022 scenario: PTA 23 min of 97110, PT 13 min of 97110, PT 30 min of 97140 → 4
    // units; 97110 × 2, one of them with CQ (the PTA's full 15 minutes), the last unit the PT's.
    let note = with(json!({
        "lines": [
            {"code": "97110", "minutes": 36, "assistantMinutes": 23, "units": 2, "modifiers": ["GP"]},
            line("97140", 30, 2, &["GP"]),
        ],
        "totalTimedMinutes": 66, "totalTreatmentMinutes": 66
    }));
    let r = check(&note);
    let f = one(&r, "modifiers/assistant-required");
    assert_eq!(f.field.as_deref(), Some("lines[0].modifiers"));
    assert!(
        f.message
            .contains("1 of its 2 units is the PTA's and needs CQ"),
        "{}",
        f.message
    );
    assert!(f
        .fix
        .as_deref()
        .unwrap()
        .contains("1 with CQ and 1 without"));
    let over = f.amount_at_risk.expect("15% of one 97110 unit").decimal();
    assert!(
        over > rust_decimal::Decimal::ZERO && over < rust_decimal::Decimal::from(10),
        "{over}"
    );
    assert_eq!(
        r.billing.lines[0].modifiers_required,
        vec!["GP".to_string(), "CQ".to_string()]
    );
    assert_eq!(
        r.billing.lines[1].modifiers_required,
        vec!["GP".to_string()]
    );

    // Billed as CMS shows it: the PTA's unit on its own line with CQ, the PT's without.
    let split = with(json!({
        "lines": [
            {"code": "97110", "minutes": 23, "assistantMinutes": 23, "units": 1, "modifiers": ["GP", "CQ"]},
            line("97110", 13, 1, &["GP"]),
            line("97140", 30, 2, &["GP"]),
        ],
        "totalTimedMinutes": 66, "totalTreatmentMinutes": 66
    }));
    let r = check(&split);
    assert!(!r.has("modifiers/assistant-required"), "{:#?}", r.findings);
}

#[test]
fn assistant_minutes_per_unit_for_timed_codes() {
    let case = |minutes: u32, assistant: u32, units: u32| {
        let note = with(json!({
            "lines": [{"code": "97110", "minutes": minutes, "assistantMinutes": assistant, "units": units, "modifiers": ["GP"]}],
            "totalTimedMinutes": minutes, "totalTreatmentMinutes": minutes
        }));
        check(&note).has("modifiers/assistant-required")
    };
    assert!(case(15, 10, 1), "PTA 10 of 15: the unit is the PTA's");
    assert!(!case(15, 5, 1), "PT 10 of 15: the unit is the PT's");
    assert!(!case(15, 1, 1), "PTA 1 minute: within the de minimis");
    assert!(
        case(16, 8, 1),
        "a tie on the last unit goes to the assistant"
    );
    assert!(
        !case(30, 3, 2),
        "PT 27: one full unit and the larger share of the last"
    );
    assert!(
        case(24, 12, 2),
        "two partial units: one each, so one needs CQ"
    );
    assert!(case(45, 15, 3), "the PTA's full 15 minutes are a CQ unit");
    assert!(!case(45, 0, 3), "no assistant minutes");
    assert_eq!(chartlint::testing::assistant_units_timed(2, 36, 23), 1);
    assert_eq!(chartlint::testing::assistant_units_timed(3, 45, 15), 1);
    assert_eq!(chartlint::testing::assistant_units_timed(2, 24, 12), 1);
    assert_eq!(
        chartlint::testing::assistant_units_timed(1, 30, 15),
        0,
        "the PT's 15 minutes carry the only billed unit"
    );
}

#[test]
fn assistant_minutes_for_untimed_codes_use_ten_percent_of_the_service() {
    let case = |minutes: u32, assistant: u32| {
        let note = with(json!({
            "lines": [line("97110", 25, 2, &["GP"]), line("97140", 15, 1, &["GP"]), {"code": "97012", "minutes": minutes, "assistantMinutes": assistant, "units": 1, "modifiers": ["GP"]}],
            "totalTreatmentMinutes": 40 + minutes
        }));
        check(&note).has("modifiers/assistant-required")
    };
    assert!(!case(10, 1), "exactly 10% is within the de minimis");
    assert!(case(10, 2), "20% is beyond it");
    assert!(case(15, 2), "13% is beyond it");
    assert!(!case(20, 2));
}

#[test]
fn assistant_minutes_without_line_minutes_cannot_show_the_de_minimis() {
    let note = with(
        json!({"lines": [line("97110", 25, 2, &["GP"]), line("97140", 15, 1, &["GP"]), {"code": "97012", "assistantMinutes": 3, "units": 1, "modifiers": ["GP"]}]}),
    );
    let r = check(&note);
    assert!(one(&r, "modifiers/assistant-required")
        .message
        .contains("not documented"));
}

// ---------------------------------------------------------------------------------------
// modifiers/assistant-wrong-discipline

#[test]
fn assistant_wrong_discipline_fires_both_ways() {
    let r = check(&with(
        json!({"lines": [line("97110", 25, 2, &["GP", "CO"]), line("97140", 15, 1, &["GP"])]}),
    ));
    let f = one(&r, "modifiers/assistant-wrong-discipline");
    assert!(f.fix.as_deref().unwrap().contains("Replace CO with CQ"));
    assert!(
        !r.has("modifiers/assistant-required"),
        "the wrong modifier is reported once"
    );

    let r = check(&with(
        json!({"discipline": "OT", "lines": [line("97530", 40, 3, &["GO", "CQ"])], "totalTimedMinutes": 40}),
    ));
    assert!(one(&r, "modifiers/assistant-wrong-discipline")
        .fix
        .as_deref()
        .unwrap()
        .contains("Replace CQ with CO"));

    let r = check(&with(
        json!({"discipline": "SLP", "lines": [json!({"code": "92507", "minutes": 30, "units": 1, "modifiers": ["GN", "CQ"]})]}),
    ));
    assert!(one(&r, "modifiers/assistant-wrong-discipline")
        .fix
        .as_deref()
        .unwrap()
        .contains("no assistant modifier"));
}

#[test]
fn assistant_wrong_discipline_quiet_on_matching_modifiers() {
    let r = check(&with(
        json!({"discipline": "OT", "provider": {"role": "OTA"}, "lines": [line("97530", 40, 3, &["GO", "CO"])], "totalTimedMinutes": 40}),
    ));
    assert!(
        !r.has("modifiers/assistant-wrong-discipline") && !r.has("modifiers/assistant-required"),
        "{:?}",
        rules_fired(&r)
    );
}

// ---------------------------------------------------------------------------------------
// modifiers/ncci-pair

#[test]
fn ncci_pair_warns_without_a_modifier_and_never_offers_59_for_the_same_minutes() {
    let r = check(&manual_and_activities(&["GP"]));
    let f = one(&r, "modifiers/ncci-pair");
    assert_eq!(f.severity, Severity::Warning);
    assert_eq!(
        f.field.as_deref(),
        Some("lines[1].modifiers"),
        "the modifier goes on column two, 97530"
    );
    assert!(f.message.contains("only 97140 is paid"), "{}", f.message);
    assert!(
        f.amount_at_risk
            .is_some_and(|a| a.decimal() > rust_decimal::Decimal::ZERO),
        "97530's units are at risk"
    );
    let fix = f.fix.as_deref().unwrap();
    assert!(
        fix.starts_with("Only if 97140 and 97530 were done in separate time blocks"),
        "{fix}"
    );
    assert!(
        fix.contains("Minutes spent on both at once are one service"),
        "{fix}"
    );
    assert!(
        r.billing.lines[1].modifiers_required == vec!["GP".to_string()],
        "chartlint never calls for 59 on its own"
    );
}

#[test]
fn ncci_pair_passes_with_59_or_an_x_modifier_on_column_two() {
    for m in ["59", "XU", "XE", "XS", "XP"] {
        let r = check(&manual_and_activities(&["GP", m]));
        assert!(!r.has("modifiers/ncci-pair"), "{m}: {:?}", rules_fired(&r));
        assert_eq!(
            r.billing.lines[1].modifiers_required,
            vec!["GP".to_string(), m.to_string()]
        );
    }
    let r = check(&manual_and_activities(&["GP", "59", "XU"]));
    assert!(one(&r, "modifiers/ncci-pair")
        .message
        .contains("both 59 and an X modifier"));
    // On column one it does not count.
    let r = check(&with(
        json!({"lines": [line("97140", 15, 1, &["GP", "59"]), line("97530", 25, 2, &["GP"])]}),
    ));
    assert!(r.has("modifiers/ncci-pair"));
}

#[test]
fn ncci_pair_x_pack_suggests_x_modifiers_and_flags_59() {
    let cfg = json!({"payers": {"medicare": {"distinctModifier": "X"}}});
    let r = check_with(cfg.clone(), &manual_and_activities(&["GP"]));
    let fix = one(&r, "modifiers/ncci-pair").fix.clone().unwrap();
    assert!(
        fix.contains("add XU to 97530") && !fix.contains("59"),
        "{fix}"
    );
    let r = check_with(cfg.clone(), &manual_and_activities(&["GP", "59"]));
    let f = one(&r, "modifiers/ncci-pair");
    assert!(
        f.message.contains("asks for an X modifier"),
        "{}",
        f.message
    );
    let r = check_with(cfg, &manual_and_activities(&["GP", "XU"]));
    assert!(!r.has("modifiers/ncci-pair"));
}

#[test]
fn ncci_pair_untimed_with_timed_suggests_the_distinct_reasons() {
    let r = check(&with(
        json!({"lines": [line("97012", 15, 1, &["GP"]), line("97140", 15, 1, &["GP"]), line("97110", 25, 2, &["GP"])]}),
    ));
    let f = one(&r, "modifiers/ncci-pair");
    assert_eq!(f.field.as_deref(), Some("lines[1].modifiers"));
    assert!(f.fix.as_deref().unwrap().contains("different body region"));
}

#[test]
fn ncci_pair_payer_edit_with_indicator_0_is_an_error_even_with_59() {
    let cfg = json!({"payers": {"commercial": {"extraPairs": [["97140", "97530", 0]]}}});
    let note = with(
        json!({"payer": {"kind": "commercial"}, "lines": [line("97140", 15, 1, &["GP"]), line("97530", 25, 2, &["GP", "59"])]}),
    );
    let r = check_with(cfg, &note);
    let f = one(&r, "modifiers/ncci-pair");
    assert_eq!(f.severity, Severity::Error);
    assert!(f.message.contains("no modifier bypasses"), "{}", f.message);
    assert!(!r.ready_to_sign);
}

#[test]
fn ncci_pair_unconfirmed_builtin_pairs_are_info_and_order_unconfirmed_pairs_accept_either_line() {
    let r = check(&with(
        json!({"lines": [line("97530", 25, 2, &["GP"]), line("97116", 15, 1, &["GP"])]}),
    ));
    let f = one(&r, "modifiers/ncci-pair");
    assert_eq!(f.severity, Severity::Info);
    assert!(f.fix.as_deref().unwrap().contains("one source only"));

    let eval = |m1: &[&str], m2: &[&str]| {
        check(&with(
            json!({"noteType": "evaluation", "lines": [{"code": "97161", "units": 1, "modifiers": m1}, line("97140", 15, 1, m2)], "totalTimedMinutes": 15, "totalTreatmentMinutes": 45}),
        ))
    };
    assert!(eval(&["GP"], &["GP"]).has("modifiers/ncci-pair"));
    assert!(!eval(&["GP", "59"], &["GP"]).has("modifiers/ncci-pair"));
    assert!(!eval(&["GP"], &["GP", "59"]).has("modifiers/ncci-pair"));
    // Before 1 January 2020 that edit did not exist.
    let r = check(&with(
        json!({"dateOfService": "2019-12-31", "noteType": "evaluation", "lines": [{"code": "97161", "units": 1, "modifiers": ["GP"]}, line("97140", 15, 1, &["GP"])], "totalTimedMinutes": 15, "totalTreatmentMinutes": 45}),
    ));
    assert!(!r.has("modifiers/ncci-pair"));
}

#[test]
fn ncci_pair_quiet_for_unbilled_lines_self_pay_and_unpaired_codes() {
    let r = check(&with(
        json!({"lines": [line("97140", 15, 1, &["GP"]), line("97530", 5, 0, &["GP"])], "totalTimedMinutes": 20}),
    ));
    assert!(!r.has("modifiers/ncci-pair"));
    let r = check(&with(
        json!({"payer": {"kind": "selfPay"}, "lines": [line("97140", 15, 1, &[]), line("97530", 25, 2, &[])]}),
    ));
    assert!(!r.has("modifiers/ncci-pair"));
    assert!(!check(&base()).has("modifiers/ncci-pair"));
}

#[test]
fn ptp_file_replaces_the_builtin_pairs_and_honours_deletion_dates() {
    // 97530/97116 was deleted on 2024-01-01 in the sample file.
    let gait = |dos: &str| {
        with(
            json!({"dateOfService": dos, "lines": [line("97530", 25, 2, &["GP"]), line("97116", 15, 1, &["GP"])]}),
        )
    };
    let r = check_with(ptp_config(), &gait("2023-12-31"));
    let f = one(&r, "modifiers/ncci-pair");
    assert_eq!(
        f.severity,
        Severity::Warning,
        "from the CMS file, not an unconfirmed built-in pair"
    );
    assert!(
        f.message.contains("misuse of column two code"),
        "{}",
        f.message
    );
    assert!(
        !check_with(ptp_config(), &gait("2024-01-01")).has("modifiers/ncci-pair"),
        "deleted on 2024-01-01"
    );
    assert!(!check_with(ptp_config(), &gait("2025-03-10")).has("modifiers/ncci-pair"));
}

#[test]
fn ptp_file_honours_effective_dates_and_indicator_0() {
    // 97110/97035 takes effect 2026-01-01 with modifier indicator 0.
    let us = |dos: &str| {
        with(
            json!({"dateOfService": dos, "lines": [line("97110", 25, 2, &["GP"]), line("97035", 15, 1, &["GP", "59"])], "totalTimedMinutes": 40}),
        )
    };
    assert!(
        !check_with(ptp_config(), &us("2025-12-31")).has("modifiers/ncci-pair"),
        "not yet effective"
    );
    let r = check_with(ptp_config(), &us("2026-01-01"));
    let f = one(&r, "modifiers/ncci-pair");
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(f.field.as_deref(), Some("lines[1].modifiers"));
}

#[test]
fn ptp_file_indicator_9_and_same_day_deletion_never_apply() {
    let r = check_with(
        ptp_config(),
        &with(
            json!({"noteType": "evaluation", "lines": [{"code": "97161", "units": 1, "modifiers": ["GP"]}, line("97530", 25, 2, &["GP"])], "totalTimedMinutes": 25, "totalTreatmentMinutes": 60}),
        ),
    );
    assert!(!r.has("modifiers/ncci-pair"), "{:?}", r.findings);
}

#[test]
fn ptp_file_keeps_the_base_note_clean_and_flags_the_common_pair() {
    assert!(check_with(ptp_config(), &base()).findings.is_empty());
    assert!(check_with(ptp_config(), &manual_and_activities(&["GP"])).has("modifiers/ncci-pair"));
    assert!(
        !check_with(ptp_config(), &manual_and_activities(&["GP", "59"])).has("modifiers/ncci-pair")
    );
}

// ---------------------------------------------------------------------------------------
// modifiers/unknown

#[test]
fn unknown_modifier_fires_with_its_path_and_known_ones_pass() {
    let r = check(&with(
        json!({"lines": [line("97110", 25, 2, &["GP", "G9"]), line("97140", 15, 1, &["GP"])]}),
    ));
    let f = one(&r, "modifiers/unknown");
    assert_eq!(f.field.as_deref(), Some("lines[0].modifiers[1]"));
    assert_eq!(f.severity, Severity::Warning);
    for m in ["RT", "LT", "95", "GA", "KX", "52", "XS"] {
        let r = check(&with(
            json!({"lines": [line("97110", 25, 2, &["GP", m]), line("97140", 15, 1, &["GP"])]}),
        ));
        assert!(!r.has("modifiers/unknown"), "{m}");
    }
}

// ---------------------------------------------------------------------------------------
// Facts the rules read (modifiers required per line, the CQ/CO arithmetic) and other checks

/// Units of one timed code that carry CQ/CO, for the therapist's and the assistant's own
/// minutes (time together counts as the therapist's). CMS CY 2022 PFS final rule, as
/// summarized in shared/policy §6.2: full 15-minute blocks go to whoever furnished them;
/// the last unit goes to whoever furnished more of what is left; with two partial units
/// left (each furnished 9–14 minutes), one goes to each.
#[test]
fn cq_units_follow_the_cms_2022_method() {
    // (therapist minutes, assistant minutes, units billed, units with CQ)
    let cases: &[(u32, u32, u32, u32, &str)] = &[
        (
            30,
            8,
            3,
            1,
            "PT's two full units; the PTA's 8 minutes are the last unit",
        ),
        (
            22,
            8,
            2,
            1,
            "PT's full unit; the PTA furnished more of the last 15",
        ),
        (
            28,
            10,
            3,
            1,
            "PT's full unit; 13 and 10 left: one partial unit each",
        ),
        (0, 38, 3, 3, "the PTA alone"),
        (38, 0, 3, 0, "the PT alone"),
        (14, 1, 1, 0, "the PTA's minute is within the de minimis"),
    ];
    for &(pt, pta, units, cq, why) in cases {
        assert_eq!(
            assistant_units_timed(units, pt + pta, pta),
            cq,
            "PT {pt} + PTA {pta}, {units} units: {why}"
        );
    }
}

/// The split CMS bills, checked end to end: the PTA's unit on a CQ line, the PT's unit on a
/// plain line. Nothing fires and `modifiersRequired` lists CQ only on the PTA's line.
#[test]
fn cms_scenario_billed_on_two_lines_passes_and_names_cq_on_the_assistants_line() {
    let r = check(&with(json!({
        "lines": [
            {"code": "97110", "minutes": 8, "assistantMinutes": 8, "units": 1, "modifiers": ["GP", "CQ"]},
            {"code": "97110", "minutes": 30, "units": 2, "modifiers": ["GP"]}
        ],
        "totalTimedMinutes": 38, "totalTreatmentMinutes": 38
    })));
    assert!(billing_rules(&r).is_empty(), "{:?}", billing_rules(&r));
    assert_eq!(r.billing.lines[0].modifiers_required, vec!["GP", "CQ"]);
    assert_eq!(r.billing.lines[1].modifiers_required, vec!["GP"]);
}
