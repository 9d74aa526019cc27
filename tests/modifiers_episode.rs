//! The modifiers, episode and diagnosis rules, each fired and kept quiet on realistic notes;
//! the date arithmetic at its boundaries; the NCCI PTP and ICD-10-CM file loaders.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

mod common;

use chartlint::{Checker, Finding, Report, Severity};
use common::{base, check, rules_fired, with};
use serde_json::{json, Value};

const PTP_SAMPLE: &str = include_str!("fixtures/ncci/ptp-practitioner-sample.txt");
const ICD_ORDER: &str = include_str!("fixtures/icd10/icd10cm-order-excerpt.txt");
const ICD_CODES: &str = include_str!("fixtures/icd10/icd10cm-codes-excerpt.txt");

fn check_with(config: Value, note: &Value) -> Report {
    Checker::new(&config)
        .unwrap_or_else(|e| panic!("config rejected: {e}"))
        .check_value(note)
        .unwrap_or_else(|e| panic!("note rejected: {e}"))
}

fn findings<'a>(r: &'a Report, rule: &str) -> Vec<&'a Finding> {
    r.findings.iter().filter(|f| f.rule == rule).collect()
}

fn one<'a>(r: &'a Report, rule: &str) -> &'a Finding {
    let f = findings(r, rule);
    assert_eq!(
        f.len(),
        1,
        "expected one {rule}; findings: {:#?}",
        r.findings
    );
    f[0]
}

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
// modifiers/assistant-required and the CQ/CO arithmetic

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

fn manual_and_activities(m2: &[&str]) -> Value {
    with(json!({"lines": [line("97140", 15, 1, &["GP"]), line("97530", 25, 2, m2)]}))
}

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

// ---------------------------------------------------------------------------------------
// The CMS PTP file

fn ptp_config() -> Value {
    json!({"ncci": {"ptpFile": PTP_SAMPLE}})
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

#[test]
fn ptp_file_errors_name_the_field_and_the_line() {
    let e = Checker::new(
        &json!({"ncci": {"ptpFile": "Column 1\tColumn 2\n97140\t97530\t\t2020-01-01\t*\t1\tx\n"}}),
    )
    .err()
    .unwrap();
    assert_eq!(e.path, "config.ncci.ptpFile");
    assert!(e.message.contains("line 2"), "{}", e.message);
    let e = Checker::new(
        &json!({"ncci": {"ptpFile": "HCPCS/CPT Code,Practitioner Services MUE Values\n97110,6\n"}}),
    )
    .err()
    .unwrap();
    assert!(
        e.message.contains("no edits found") || e.message.contains("line 2"),
        "{}",
        e.message
    );
    let e = Checker::new(&json!({"ncci": {"ptpFile": 5}}))
        .err()
        .unwrap();
    assert_eq!(e.path, "config.ncci.ptpFile");
}

#[test]
fn ptp_table_reads_a_comma_separated_export_too() {
    let csv = "Column 1,Column 2,*=in existence prior to 1996,Effective Date,Deletion Date *=no data,Modifier,PTP Edit Rationale\n97140,97530,,20200101,*,1,\"Mutually exclusive procedures\"\n";
    let t = chartlint::testing::PtpTable::parse(csv).unwrap();
    assert_eq!(t.len(), 1);
    let d = chartlint::Date::parse("2025-01-01").unwrap();
    assert_eq!(
        t.find("97140", "97530", d).unwrap().rationale,
        "Mutually exclusive procedures"
    );
    assert!(t.find("97530", "97140", d).is_none());
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
// episode/progress-report-due

fn on_day(day: u32) -> Value {
    with(json!({"episode": episode(json!({"visitNumber": day, "reportingPeriodDay": day}))}))
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
// episode/plan-of-care-uncertified: the 30th and 31st day

fn uncertified(start: &str, dos: &str) -> Value {
    with(
        json!({"dateOfService": dos, "episode": episode(json!({"planOfCareStart": start, "certifiedOn": null, "planOfCareEnd": "2030-01-01", "authorizationEnd": "2030-01-01"}))}),
    )
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
// episode/plan-of-care-expired: the 90th and 91st day, the plan's end

fn plan(start: &str, end: &str, dos: &str) -> Value {
    with(
        json!({"dateOfService": dos, "episode": episode(json!({"planOfCareStart": start, "planOfCareEnd": end, "certifiedOn": start, "authorizationEnd": "2030-01-01"}))}),
    )
}

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
// episode/authorization-exceeded and episode/authorization-ending

fn visit(n: u32, authorized: u32) -> Value {
    with(json!({"episode": episode(json!({"visitNumber": n, "authorizedVisits": authorized}))}))
}

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
// codes/missing-diagnosis and codes/invalid-diagnosis

#[test]
fn missing_diagnosis_fires_when_absent_or_empty() {
    for d in [Value::Null, json!([])] {
        let r = check(&with(json!({"diagnoses": d.clone()})));
        assert_eq!(
            one(&r, "codes/missing-diagnosis").field.as_deref(),
            Some("diagnoses")
        );
    }
    let r = check(&with(
        json!({"diagnoses": null, "payer": {"kind": "selfPay"}}),
    ));
    assert!(!r.has("codes/missing-diagnosis"));
    assert!(!check(&base()).has("codes/missing-diagnosis"));
}

#[test]
fn invalid_diagnosis_deleted_codes_by_date_of_service() {
    let dx =
        |code: &str, dos: &str| check(&with(json!({"diagnoses": [code], "dateOfService": dos})));
    let r = dx("M54.5", "2021-10-01");
    let f = one(&r, "codes/invalid-diagnosis");
    assert!(f.message.contains("deleted on 2021-10-01"));
    assert!(f.fix.as_deref().unwrap().contains("M54.50, M54.51, M54.59"));
    assert!(!dx("M54.5", "2021-09-30").has("codes/invalid-diagnosis"));
    assert!(
        dx("M54.50", "2021-09-30").has("codes/invalid-diagnosis"),
        "not valid before it took effect"
    );
    assert!(!dx("M54.50", "2021-10-01").has("codes/invalid-diagnosis"));
    assert!(
        !dx("M5450", "2025-03-10").has("codes/invalid-diagnosis"),
        "codes without the point are read too"
    );
    assert!(dx("M48.06", "2025-03-10").has("codes/invalid-diagnosis"));
}

#[test]
fn invalid_diagnosis_structure_seventh_character_and_placeholder() {
    let dx = |code: &str| check(&with(json!({"diagnoses": ["M17.11", code]})));
    let r = dx("S33.5A");
    let f = one(&r, "codes/invalid-diagnosis");
    assert_eq!(f.field.as_deref(), Some("diagnoses[1]"));
    assert!(f.fix.as_deref().unwrap().contains("S33.5XXA"));
    assert!(
        dx("S83.241").has("codes/invalid-diagnosis"),
        "injury code without its 7th character"
    );
    assert!(dx("S83.241Z").has("codes/invalid-diagnosis"));
    assert!(dx("M25.5X1").has("codes/invalid-diagnosis"));
    for ok in [
        "S83.241A", "S33.5XXA", "M80.08XA", "T31.0", "Z96.651", "M62.81", "R26.89",
    ] {
        assert!(!dx(ok).has("codes/invalid-diagnosis"), "{ok}");
    }
    // A free-text entry is reported without repeating it.
    let r = dx("knee pain right");
    let f = one(&r, "codes/invalid-diagnosis");
    assert!(
        !f.message.to_uppercase().contains("KNEE")
            && !f.fix.as_deref().unwrap().to_uppercase().contains("KNEE")
    );
}

#[test]
fn icd10_order_file_is_the_authority_when_loaded() {
    let cfg = json!({"icd10File": ICD_ORDER});
    assert!(check_with(cfg.clone(), &base()).findings.is_empty());
    let dx = |code: &str| check_with(cfg.clone(), &with(json!({"diagnoses": [code]})));
    assert!(one(&dx("M17.1"), "codes/invalid-diagnosis")
        .message
        .contains("category heading"));
    assert!(one(&dx("M17.12"), "codes/invalid-diagnosis")
        .message
        .contains("not in the ICD-10-CM code list"));
    assert!(dx("M54.5").has("codes/invalid-diagnosis"));
    assert!(!dx("S83.241A").has("codes/invalid-diagnosis"));
}

#[test]
fn icd10_code_descriptions_file_loads_too() {
    let cfg = json!({"icd10File": ICD_CODES});
    assert!(check_with(cfg.clone(), &base()).findings.is_empty());
    assert!(check_with(cfg, &with(json!({"diagnoses": ["M17.1"]}))).has("codes/invalid-diagnosis"));
    let e = Checker::new(&json!({"icd10File": "nothing here"}))
        .err()
        .unwrap();
    assert_eq!(e.path, "config.icd10File");
}

// ---------------------------------------------------------------------------------------
// Payer packs in config

#[test]
fn payer_pack_fields_are_validated_with_paths() {
    let e = Checker::new(
        &json!({"payers": {"commercial": {"extraPairs": [["97140", "not a code", 0]]}}}),
    )
    .err()
    .unwrap();
    assert_eq!(e.path, "config.payers.commercial.extraPairs[0]");
    let e = Checker::new(&json!({"payers": {"commercial": {"distinctModifier": "XU"}}}))
        .err()
        .unwrap();
    assert_eq!(e.path, "config.payers.commercial.distinctModifier");
    let e = Checker::new(&json!({"payers": {"commercial": {"requireAssistantModifiers": "yes"}}}))
        .err()
        .unwrap();
    assert_eq!(e.path, "config.payers.commercial.requireAssistantModifiers");
}

#[test]
fn the_base_note_stays_clean() {
    let r = check(&base());
    assert!(r.findings.is_empty(), "{:#?}", r.findings);
}

#[test]
fn a_config_carrying_a_full_size_ptp_file_is_accepted() {
    // The CMS files are several MiB: the config bound is larger than a note's.
    let mut text = String::from(PTP_SAMPLE);
    for i in 0..60_000u32 {
        text.push_str(&format!(
            "{:05}\t{:05}\t\t20200101\t*\t1\tMutually exclusive procedures\n",
            10_000 + i,
            20_000 + i
        ));
    }
    let json = serde_json::to_string(&json!({"ncci": {"ptpFile": text}})).unwrap();
    assert!(json.len() > chartlint::MAX_JSON_BYTES);
    let checker = chartlint::Checker::from_config_json(&json).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(checker.config().ptp_edits(), Some(60_008));
}
