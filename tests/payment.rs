//! Payment arithmetic (shared/policy §8), thresholds (§6.1), the PPRRVU loader (§7.4) and
//! the KX / review-threshold rules. Every expected amount is computed by hand in the comments.
//!
//! 2025 national RVUs (work, non-facility PE, MP), from RVU25A: 97110 0.45/0.43/0.01,
//! 97112 0.50/0.48/0.01, 97124 0.35/0.56/0.01, 97140 0.43/0.40/0.01, G0283 0.18/0.19/0.01.
//! 2026 (RVU26C): 97110 0.45/0.41/0.01, 97140 0.43/0.39/0.01.
//! Conversion factors: 2025 32.3465; 2026 33.4009 (QP 33.5675); 2024 32.7442 to 8 Mar,
//! 33.2875 from 9 Mar.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::type_complexity
)]

mod common;

use chartlint::testing::Payment;
use chartlint::{Checker, Note, Report};
use common::{base, check, with};
use rust_decimal::Decimal;
use serde_json::{json, Value};
use std::str::FromStr;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn check_with(config: Value, note: &Value) -> Report {
    Checker::new(&config).unwrap().check_value(note).unwrap()
}

fn money(
    r: &Report,
) -> (
    Option<String>,
    Option<String>,
    Option<String>,
    Vec<Option<String>>,
) {
    let v = serde_json::to_value(&r.billing).unwrap();
    let s = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
    let lines = v["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            l.get("expectedPayment")
                .and_then(Value::as_str)
                .map(str::to_string)
        })
        .collect();
    (
        s("expectedPayment"),
        s("payerShare"),
        s("patientShare"),
        lines,
    )
}

fn some(s: &str) -> Option<String> {
    Some(s.to_string())
}

fn episode(spent: &str) -> Value {
    json!({"visitNumber": 5, "reportingPeriodDay": 5, "planOfCareStart": "2025-02-24", "planOfCareEnd": "2025-05-19",
           "certifiedOn": "2025-02-27", "authorizedVisits": 24, "authorizationEnd": "2025-05-19", "thresholdSpentBefore": spent})
}

fn payment_of(note: &Value, config: &Value) -> Payment {
    let note = Note::from_value(note).unwrap();
    let checker = Checker::new(config).unwrap();
    chartlint::testing::payment(&note, checker.config())
}

fn amount(r: &Report, rule: &str) -> Option<String> {
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == rule)
        .unwrap_or_else(|| panic!("{rule} did not fire: {:?}", r.findings));
    f.amount_at_risk.map(|m| m.to_string())
}

// ---------------------------------------------------------------------------------------
// Expected payment

#[test]
fn base_note_mppr_and_shares() {
    // 97110 has the highest PE (0.43 > 0.40): one of its units keeps full PE.
    // 97110 x2: work+MP 2 x 0.46 = 0.92; PE 0.43 x (1 + 0.5) = 0.645; 1.565 x 32.3465
    //   = 50.6222725 -> 50.62
    // 97140 x1: 0.44 + 0.40 x 0.5 = 0.64 x 32.3465 = 20.70176 -> 20.70
    // visit 71.32; coinsurance per line 10.124 -> 10.12, 4.14 -> 4.14 = 14.26; payer 57.06
    let r = check(&base());
    assert!(r.findings.is_empty(), "{:?}", r.findings);
    assert_eq!(
        money(&r),
        (
            some("71.32"),
            some("57.06"),
            some("14.26"),
            vec![some("50.62"), some("20.70")]
        )
    );
    assert!(!r.billing.kx_required);
}

#[test]
fn mppr_cq_ordering_and_line_rounding() {
    // PT 97110 x2 and 97112 x2, PTA massage 97124 x1 with CQ (2025, national).
    // MPPR ranks by PE before the CQ rate: 97124's PE 0.56 beats 97112's 0.48, so 97124 keeps
    // its full PE. (Ranking after the CQ rate, 0.56 x 0.85 = 0.476 < 0.48, would give the slot
    // to 97112 and pay 17.60 + 56.28 instead.)
    // 97124 x1 CQ: (0.35 + 0.56 + 0.01) = 0.92 x 32.3465 = 29.75878; x 0.85 = 25.294963
    //   -> 25.29 (rounding the MPPR amount first: 29.76 x 0.85 = 25.296 -> 25.30, wrong)
    // 97110 x2: 0.92 + 0.43 (two half PEs) = 1.35 x 32.3465 = 43.667775 -> 43.67
    //   (rounding per unit: 0.675 x 32.3465 = 21.8338875 -> 21.83 x 2 = 43.66, wrong)
    // 97112 x2: 1.02 + 0.48 = 1.50 x 32.3465 = 48.51975 -> 48.52
    // visit 43.67 + 48.52 + 25.29 = 117.48
    // coinsurance per line: 8.734 -> 8.73, 9.704 -> 9.70, 5.058 -> 5.06 = 23.49
    //   (20% of the visit, 23.496 -> 23.50, would be off by a cent); payer 117.48 - 23.49 = 93.99
    let note = with(json!({
        "lines": [
            {"code": "97110", "minutes": 30, "units": 2, "modifiers": ["GP"]},
            {"code": "97112", "minutes": 30, "units": 2, "modifiers": ["GP"]},
            {"code": "97124", "minutes": 15, "units": 1, "modifiers": ["GP", "CQ"], "assistantMinutes": 15}
        ],
        "totalTimedMinutes": 75, "totalTreatmentMinutes": 75
    }));
    let r = check(&note);
    assert_eq!(
        money(&r),
        (
            some("117.48"),
            some("93.99"),
            some("23.49"),
            vec![some("43.67"), some("48.52"), some("25.29")]
        )
    );
}

#[test]
fn the_highest_pe_unit_is_paid_in_full_once_per_visit_not_per_code() {
    // 97110 x3 alone: 3 x 0.46 = 1.38; PE 0.43 x (1 + 2 x 0.5) = 0.86; 2.24 x 32.3465
    //   = 72.45616 -> 72.46 (without MPPR: 3 x 0.89 x 32.3465 = 86.37, wrong)
    let note = with(
        json!({"lines": [{"code": "97110", "minutes": 40, "units": 3, "modifiers": ["GP"]}], "totalTimedMinutes": 40, "totalTreatmentMinutes": 40}),
    );
    assert_eq!(money(&check(&note)).0, some("72.46"));
}

#[test]
fn bundled_codes_pay_nothing_and_do_not_take_the_full_pe_slot() {
    // 97010 (hot/cold packs) is status B: 0.00, and 97110 keeps its full PE as in the base note.
    let mut note = base();
    note["lines"]
        .as_array_mut()
        .unwrap()
        .push(json!({"code": "97010", "minutes": 10, "units": 1, "modifiers": ["GP"]}));
    note["totalTreatmentMinutes"] = json!(50);
    let (total, _, _, lines) = money(&check(&note));
    assert_eq!(total, some("71.32"));
    assert_eq!(lines[2], some("0.00"));
}

#[test]
fn gpcis_and_qualifying_apm_from_config() {
    // 97110 x1 with GPCIs work 1.000, PE 1.100, MP 0.500 (2025):
    //   0.45 + 0.43 x 1.1 + 0.01 x 0.5 = 0.928 x 32.3465 = 30.017552 -> 30.02
    let note = with(
        json!({"lines": [{"code": "97110", "minutes": 15, "units": 1, "modifiers": ["GP"]}], "totalTimedMinutes": 15, "totalTreatmentMinutes": 15}),
    );
    let cfg = json!({"feeSchedule": {"kind": "rvu", "gpci": {"work": "1.000", "pe": "1.100", "mp": "0.500"}}});
    assert_eq!(money(&check_with(cfg, &note)).0, some("30.02"));

    // 2026 base lines, qualifying APM participant (CF 33.5675):
    //   97110 x2: 0.92 + 0.41 x 1.5 = 1.535 x 33.5675 = 51.5261125 -> 51.53
    //   97140: 0.44 + 0.39 x 0.5 = 0.635 x 33.5675 = 21.3153625 -> 21.32; visit 72.85
    let note = with(json!({"dateOfService": "2026-03-10"}));
    let cfg = json!({"feeSchedule": {"kind": "rvu", "qualifyingApm": true}});
    assert_eq!(money(&check_with(cfg, &note)).0, some("72.85"));
    // Non-QP: 1.535 x 33.4009 = 51.2703815 -> 51.27; 0.635 x 33.4009 = 21.2095715 -> 21.21
    assert_eq!(money(&check(&note)).0, some("72.48"));
}

#[test]
fn config_rvus_and_conversion_factor_override_the_embedded_table() {
    // 97110 given as 0.50/0.50/0.02 with CF 30.0000, one unit: 1.02 x 30 = 30.60
    let note = with(
        json!({"lines": [{"code": "97110", "minutes": 15, "units": 1, "modifiers": ["GP"]}], "totalTimedMinutes": 15, "totalTreatmentMinutes": 15}),
    );
    let cfg = json!({"feeSchedule": {"kind": "rvu", "conversionFactor": "30.0000", "rvus": {"97110": {"work": "0.50", "pe": "0.50", "mp": "0.02"}}}});
    assert_eq!(money(&check_with(cfg, &note)).0, some("30.60"));
}

#[test]
fn contracted_amounts_price_commercial_notes_and_medicare_keeps_the_fee_schedule() {
    let cfg = json!({"feeSchedule": {"kind": "allowed", "amounts": {"97110": "31.50", "97140": "29.00"}}});
    // Commercial: 2 x 31.50 + 29.00 = 92.00, no MPPR, no shares.
    let note = with(json!({"payer": {"kind": "commercial"}}));
    assert_eq!(
        money(&check_with(cfg.clone(), &note)),
        (
            some("92.00"),
            None,
            None,
            vec![some("63.00"), some("29.00")]
        )
    );
    // Medicare notes are always priced on the physician fee schedule.
    assert_eq!(money(&check_with(cfg, &base())).0, some("71.32"));
    // A commercial payer with no fee schedule given: no amounts.
    assert_eq!(money(&check(&note)), (None, None, None, vec![None, None]));
}

#[test]
fn no_embedded_rvus_before_2025_means_no_amounts() {
    let note = with(json!({"dateOfService": "2024-06-03"}));
    assert_eq!(money(&check(&note)).0, None);
}

// ---------------------------------------------------------------------------------------
// Dates: the 2024 mid-year change and the year boundary

#[test]
fn march_8_and_march_9_2024_use_different_conversion_factors() {
    // RVUs given in config (none embedded for 2024): 97110 0.45/0.45/0.02 = 0.92, one unit.
    //   8 Mar: 0.92 x 32.7442 = 30.124664 -> 30.12;  9 Mar: 0.92 x 33.2875 = 30.6245 -> 30.62
    let cfg = json!({"feeSchedule": {"kind": "rvu", "rvus": {"97110": {"work": "0.45", "pe": "0.45", "mp": "0.02"}}}});
    let lines = json!([{"code": "97110", "minutes": 15, "units": 1, "modifiers": ["GP"]}]);
    for (date, cf, total) in [
        ("2024-03-08", "32.7442", "30.12"),
        ("2024-03-09", "33.2875", "30.62"),
    ] {
        let note = with(
            json!({"dateOfService": date, "lines": lines, "totalTimedMinutes": 15, "totalTreatmentMinutes": 15}),
        );
        assert_eq!(
            payment_of(&note, &cfg).conversion_factor,
            Some(d(cf)),
            "{date}"
        );
        assert_eq!(
            money(&check_with(cfg.clone(), &note)).0,
            some(total),
            "{date}"
        );
        assert_eq!(payment_of(&note, &cfg).year.kx_threshold_pt_slp, d("2330"));
    }
}

#[test]
fn december_31_and_january_1_pick_their_own_year() {
    // Spending before: 2,400.00.
    // 2025-12-31: visit 71.32 (base note arithmetic, CF 32.3465) -> 2,471.32 > 2,410: KX needed.
    // 2026-01-01: 2026 RVUs and CF 33.4009: 51.27 + 21.21 = 72.48 -> 2,472.48 <= 2,480: not needed.
    let dec = with(json!({"dateOfService": "2025-12-31", "episode": episode("2400.00")}));
    let jan = with(json!({"dateOfService": "2026-01-01", "episode": episode("2400.00")}));
    let (rd, rj) = (check(&dec), check(&jan));
    assert_eq!(
        payment_of(&dec, &Value::Null).conversion_factor,
        Some(d("32.3465"))
    );
    assert_eq!(
        payment_of(&jan, &Value::Null).conversion_factor,
        Some(d("33.4009"))
    );
    assert_eq!(money(&rd).0, some("71.32"));
    assert_eq!(money(&rj).0, some("72.48"));
    assert_eq!(
        (rd.provenance.policy_year, rj.provenance.policy_year),
        (2025, 2026)
    );
    assert!(rd.billing.kx_required && rd.has("modifiers/kx-required"));
    assert!(!rj.billing.kx_required && !rj.has("modifiers/kx-required"));
    let m = &rd
        .findings
        .iter()
        .find(|f| f.rule == "modifiers/kx-required")
        .unwrap()
        .message;
    assert!(
        m.contains("$2,400.00") && m.contains("$2,471.32") && m.contains("$2,410.00"),
        "{m}"
    );
}

// ---------------------------------------------------------------------------------------
// Thresholds

#[test]
fn reaching_the_threshold_exactly_is_not_over_it() {
    // 2,410.00 - 71.32 = 2,338.68: after the visit exactly 2,410.00, not over.
    let at = check(&with(json!({"episode": episode("2338.68")})));
    assert!(
        !at.billing.kx_required && !at.has("modifiers/kx-required"),
        "{:?}",
        at.findings
    );
    // One cent more is over: every line needs KX; both lines' value is at risk.
    let over = check(&with(json!({"episode": episode("2338.69")})));
    assert!(over.billing.kx_required);
    assert_eq!(amount(&over, "modifiers/kx-required"), some("71.32"));
    assert!(!over.ready_to_sign);
    // With KX at exactly 2,410.00, KX is not needed yet.
    let kx = json!([{"code": "97110", "minutes": 25, "units": 2, "modifiers": ["GP", "KX"]}, {"code": "97140", "minutes": 15, "units": 1, "modifiers": ["GP", "KX"]}]);
    assert!(
        check(&with(json!({"episode": episode("2338.68"), "lines": kx})))
            .has("modifiers/kx-unneeded")
    );
    assert!(
        !check(&with(json!({"episode": episode("2338.69"), "lines": kx})))
            .has("modifiers/kx-unneeded")
    );
}

#[test]
fn kx_already_over_and_partly_missing() {
    // Already over before the visit: only the line lacking KX is reported and at risk (20.70).
    let note = with(json!({"episode": episode("2600.00"), "lines": [
        {"code": "97110", "minutes": 25, "units": 2, "modifiers": ["GP", "KX"]},
        {"code": "97140", "minutes": 15, "units": 1, "modifiers": ["GP"]}]}));
    let r = check(&note);
    assert_eq!(amount(&r, "modifiers/kx-required"), some("20.70"));
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "modifiers/kx-required")
        .unwrap();
    assert_eq!(f.field.as_deref(), Some("lines[1].modifiers"));
    assert!(f.message.contains("already $2,600.00"), "{}", f.message);
}

#[test]
fn ot_has_its_own_bucket_and_other_payers_none() {
    // OT note: the OT threshold (2,410 in 2025), same arithmetic.
    let ot = with(
        json!({"discipline": "OT", "episode": episode("2350.00"), "lines": [
        {"code": "97110", "minutes": 25, "units": 2, "modifiers": ["GO"]}, {"code": "97140", "minutes": 15, "units": 1, "modifiers": ["GO"]}]}),
    );
    let r = check(&ot);
    assert!(r.has("modifiers/kx-required"));
    assert!(r.findings.iter().any(|f| f.message.contains("OT spending")));
    // Commercial: no KX rules at all.
    let c = check(&with(
        json!({"payer": {"kind": "commercial"}, "episode": episode("2600.00")}),
    ));
    assert!(!c.has("modifiers/kx-required") && !c.billing.kx_required);
}

#[test]
fn review_threshold_is_reported_on_the_crossing_visit_only() {
    let kx = json!([{"code": "97110", "minutes": 25, "units": 2, "modifiers": ["GP", "KX"]}, {"code": "97140", "minutes": 15, "units": 1, "modifiers": ["GP", "KX"]}]);
    // 2,928.68 + 71.32 = 3,000.00: not past it.  2,928.69 -> 3,000.01: past it.
    assert!(
        !check(&with(json!({"episode": episode("2928.68"), "lines": kx})))
            .has("modifiers/review-threshold")
    );
    let r = check(&with(json!({"episode": episode("2928.69"), "lines": kx})));
    assert!(r.has("modifiers/review-threshold"));
    assert_eq!(
        r.findings
            .iter()
            .find(|f| f.rule == "modifiers/review-threshold")
            .unwrap()
            .severity,
        chartlint::Severity::Info
    );
    // Already past it before the visit: not reported again.
    assert!(
        !check(&with(json!({"episode": episode("3100.00"), "lines": kx})))
            .has("modifiers/review-threshold")
    );
}

// ---------------------------------------------------------------------------------------
// Money on the units findings

#[test]
fn units_findings_carry_one_units_value() {
    // One more 97110 unit adds work + MP + half its PE: 0.46 + 0.215 = 0.675 x 32.3465
    //   = 21.8338875 -> 21.83.
    let over = with(
        json!({"lines": [{"code": "97110", "minutes": 25, "units": 3, "modifiers": ["GP"]}, {"code": "97140", "minutes": 15, "units": 1, "modifiers": ["GP"]}]}),
    );
    assert_eq!(amount(&check(&over), "units/over-billed"), some("21.83"));
    let under = with(
        json!({"lines": [{"code": "97110", "minutes": 38, "units": 2, "modifiers": ["GP"]}], "totalTimedMinutes": 38, "totalTreatmentMinutes": 38}),
    );
    assert_eq!(amount(&check(&under), "units/under-billed"), some("21.83"));
    // CQ on every 97110 line: 21.8338875 x 0.85 = 18.5588044 -> 18.56.
    let cq = with(
        json!({"lines": [{"code": "97110", "minutes": 38, "units": 2, "modifiers": ["GP", "CQ"], "assistantMinutes": 38}], "totalTimedMinutes": 38, "totalTreatmentMinutes": 38}),
    );
    assert_eq!(amount(&check(&cq), "units/under-billed"), some("18.56"));
    // Untimed G0283 billed x2: the extra unit, 0.18 + 0.01 + 0.095 = 0.285 x 32.3465
    //   = 9.2187525 -> 9.22.
    let untimed = with(
        json!({"lines": [{"code": "97110", "minutes": 25, "units": 2, "modifiers": ["GP"]}, {"code": "97140", "minutes": 15, "units": 1, "modifiers": ["GP"]}, {"code": "G0283", "minutes": 15, "units": 2, "modifiers": ["GP"]}], "totalTreatmentMinutes": 55}),
    );
    assert_eq!(
        amount(&check(&untimed), "units/untimed-multiple-units"),
        some("9.22")
    );
}

#[test]
fn unit_value_and_fee() {
    let p = payment_of(&base(), &Value::Null);
    assert_eq!(p.unit_value("97110"), Some(d("21.83")));
    // 97140: 0.44 + 0.20 = 0.64 x 32.3465 = 20.70176 -> 20.70; full fee 0.84 x 32.3465 = 27.17106 -> 27.17
    assert_eq!(p.unit_value("97140"), Some(d("20.70")));
    assert_eq!(p.fee("97140"), Some(d("27.17")));
    // Codes not on the note are priced too (an evaluation level comparison): 97163 2025 3.03
    //   x 32.3465 = 98.009895 -> 98.01.
    assert_eq!(p.fee("97163"), Some(d("98.01")));
    assert_eq!(p.unit_value("97010"), Some(Decimal::ZERO));
    assert_eq!(p.unit_value("99999"), None);
}

// ---------------------------------------------------------------------------------------
// The PPRRVU loader

/// The layout of the CSVs in RVU19–RVU25 zips: title lines, then a header split over two
/// rows (the last two name each column).
const PPRRVU_SPLIT: &str = "\
,,2025 National Physician Fee Schedule Relative Value File January Release,,,,,,,,,,,,,,,,,,,,,,,,,,,,
,,CPT codes and descriptions only are copyright 2024 American Medical Association. All Rights Reserved.,,,,,,,,,,,,,,,,,,,,,,,,,,,,
,,Applicable FARS/DFARS Apply.,,,,,,,,,,,,,,,,,,,,,,,,,,,,
,,\"Dental codes (D codes) are copyright 2024 American Dental Association, All Rights Reserved.\",,,,,,,,,,,,,,,,,,,,,,,,,,,,
,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,
,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,
,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,
,,,STATUS,MEDICARE,WORK,NON-FAC,NA,FACILITY,NA,MP,NON-FACILITY,FACILITY,PCTC,GLOB,PRE,INTRA,POST,MULT,BILAT,ASST,CO-,TEAM,ENDO,CONV,DIAGNOSTIC,CALCULATION,FAMILY,PAYMENT,PAYMENT,PAYMENT
HCPCS,MOD,DESCRIPTION,CODE,PAYMENT,RVU,PE RVU,INDICATOR,PE RVU,INDICATOR,RVU,TOTAL,TOTAL,IND,DAYS,OP,OP,OP,PROC,SURG,SURG,SURG,SURG,BASE,FACTOR,PROCEDURES,FLAG,INDICATOR,AMOUNT,AMOUNT,AMOUNT
76000,,\"Fluoroscopy <1 hr phys/qhp\",A,,0.17,1.63,,NA,NA,0.01,1.81,NA,1,XXX,0.00,0.00,0.00,0,0,0,0,0,0.00,32.3465,01,,99,0.00,0.00,0.00
76000,26,\"Fluoroscopy <1 hr phys/qhp\",A,,0.17,0.07,,0.07,,0.01,0.25,0.25,1,XXX,0.00,0.00,0.00,0,0,0,0,0,0.00,32.3465,09,,99,0.00,0.00,0.00
76000,TC,\"Fluoroscopy <1 hr phys/qhp\",A,,0.00,1.56,,NA,NA,0.00,1.56,NA,1,XXX,0.00,0.00,0.00,0,0,0,0,0,0.00,32.3465,01,,99,0.00,0.00,0.00
97010,,\"Hot or cold packs therapy\",B,,0.06,0.13,,0.13,,0.01,0.20,0.20,9,XXX,0.00,0.00,0.00,5,0,0,0,0,0.00,32.3465,09,,99,0.00,0.00,0.00
97110,,\"Therapeutic exercises\",A,,0.45,0.43,,0.43,,0.01,0.89,0.89,9,XXX,0.00,0.00,0.00,5,0,0,0,0,0.00,32.3465,09,,99,0.00,0.00,0.00
97140,,\"Manual therapy 1/> regions\",A,,0.43,0.40,,0.40,,0.01,0.84,0.84,9,XXX,0.00,0.00,0.00,5,0,0,0,0,0.00,32.3465,09,,99,0.00,0.00,0.00
97605,,\"Neg press wound tx </= 50 cm\",A,,0.55,0.74,,0.21,,0.01,1.30,0.77,9,XXX,0.00,0.00,0.00,5,0,0,0,0,0.00,32.3465,09,,99,0.00,0.00,0.00
\"NOTE: Codes 0001F-9007F and 0001U-0500U are not included in this file.\",,,,,,,,,,,,,,,,,,,,,,,,,,,,,,
";

/// A one-row header whose names drift (\"NON-FACILITY\" for \"NON-FAC\", double spaces), as
/// in the 2026 QP file, with CRLF line ends.
const PPRRVU_ONE_ROW_QP: &str = "2026 NATIONAL PHYSICIAN FEE SCHEDULE RELATIVE VALUE FILE JULY RELEASE (QUALIFYING APM PARTICIPANTS),,,,,,,,,,,,,,,,,,,,,,,,\r
CPT codes and descriptions only are copyright 2025 American Medical Association. All Rights Reserved.,,,,,,,,,,,,,,,,,,,,,,,,\r
,,,,,,,,,,,,,,,,,,,,,,,,\r
HCPCS,MOD,DESCRIPTION,STATUS  CODE,NOT USED FOR MEDICARE PAYMENT,WORK  RVU,NON-FACILITY  PE RVU,NON-FACILITY NA  INDICATOR,FACILITY  PE RVU,FACILITY NA INDICATOR,MP  RVU,NON-FACILITY  TOTAL,FACILITY  TOTAL,PCTC IND,GLOB DAYS,PRE OP,INTRA OP,POST OP,MULT  PROC,BILAT SURG,ASST SURG,CO-  SURG,TEAM SURG,ENDO BASE,CONV  FACTOR\r
97110,,Therapeutic exercises,A,,0.45,0.41,,0.41,,0.01,0.87,0.87,9,XXX,0.00,0.00,0.00,5,0,0,0,0,0.00,33.5675\r
97140,,Manual therapy 1/> regions,A,,0.43,0.39,,0.39,,0.01,0.83,0.83,9,XXX,0.00,0.00,0.00,5,0,0,0,0,0.00,33.5675\r
";

#[test]
fn loader_reads_the_split_header_and_skips_modifier_rows() {
    let f = chartlint::testing::load_pprrvu(PPRRVU_SPLIT).unwrap();
    assert_eq!(f.rvus.len(), 5);
    let r = f.rvus["76000"];
    assert_eq!(
        (r.work, r.pe, r.mp),
        (d("0.17"), d("1.63"), d("0.01")),
        "the global row, not 26 or TC"
    );
    assert!(!r.mppr);
    let t = f.rvus["97110"];
    assert_eq!(
        (t.work, t.pe, t.mp, t.status, t.mppr),
        (d("0.45"), d("0.43"), d("0.01"), 'A', true)
    );
    assert_eq!(f.rvus["97010"].status, 'B');
    assert_eq!(f.conversion_factor, Some(d("32.3465")));
}

#[test]
fn loader_reads_a_one_row_header_with_drifted_names() {
    let f = chartlint::testing::load_pprrvu(PPRRVU_ONE_ROW_QP).unwrap();
    let t = f.rvus["97140"];
    assert_eq!(
        (t.work, t.pe, t.mp, t.mppr),
        (d("0.43"), d("0.39"), d("0.01"), true)
    );
    assert_eq!(f.conversion_factor, Some(d("33.5675")));
}

#[test]
fn a_loaded_file_prices_notes() {
    // 97605 is not embedded; from the file: 1.30 x 32.3465 = 42.05045 -> 42.05.
    let cfg = json!({"feeSchedule": {"kind": "rvu", "pprrvuFile": PPRRVU_SPLIT}});
    let note = with(
        json!({"lines": [{"code": "97605", "units": 1, "modifiers": ["GP"]}], "totalTimedMinutes": null, "totalTreatmentMinutes": 20}),
    );
    assert_eq!(money(&check_with(cfg.clone(), &note)).0, some("42.05"));
    assert_eq!(money(&check(&note)).0, None);
    // The base note from the file's rows: the same 71.32.
    assert_eq!(money(&check_with(cfg, &base())).0, some("71.32"));

    // The QP file marks a 2026 note as a qualifying APM participant's: 72.85 (see
    // gpcis_and_qualifying_apm_from_config).
    let qp = json!({"feeSchedule": {"kind": "rvu", "pprrvuFile": PPRRVU_ONE_ROW_QP}});
    let n26 = with(json!({"dateOfService": "2026-09-14"}));
    assert_eq!(payment_of(&n26, &qp).conversion_factor, Some(d("33.5675")));
    assert_eq!(money(&check_with(qp.clone(), &n26)).0, some("72.85"));
    // After the last known year the file's own factor is used.
    let n27 = with(json!({"dateOfService": "2027-02-01"}));
    assert_eq!(payment_of(&n27, &qp).conversion_factor, Some(d("33.5675")));
}

#[test]
fn bad_fee_schedules_are_rejected_with_their_path() {
    let err = |cfg: Value| {
        Checker::new(&cfg)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default()
    };
    let e = err(json!({"feeSchedule": {"kind": "rvu", "pprrvuFile": "just,some,text\n1,2,3\n"}}));
    assert!(
        e.contains("config.feeSchedule.pprrvuFile") && e.contains("HCPCS"),
        "{e}"
    );
    let no_mp = "HCPCS,MOD,DESCRIPTION,STATUS CODE,WORK RVU,NON-FAC PE RVU\n97110,,x,A,0.45,0.43\n";
    let e = err(json!({"feeSchedule": {"kind": "rvu", "pprrvuFile": no_mp}}));
    assert!(e.contains("MP RVU"), "{e}");
    let e = err(json!({"feeSchedule": {"kind": "allowed"}}));
    assert!(e.contains("config.feeSchedule.amounts"), "{e}");
    let e = err(json!({"feeSchedule": {"kind": "allowed", "amounts": {"97110": "-3"}}}));
    assert!(e.contains("config.feeSchedule.amounts.97110"), "{e}");
    let e = err(
        json!({"feeSchedule": {"kind": "rvu", "rvus": {"97110": {"work": "0.45", "pe": "0.43"}}}}),
    );
    assert!(e.contains("config.feeSchedule.rvus.97110.mp"), "{e}");
    let e = err(json!({"feeSchedule": {"kind": "percent"}}));
    assert!(e.contains("config.feeSchedule.kind"), "{e}");
}

#[test]
fn visit_level_units_findings_are_valued_at_a_timed_code() {
    // An untimed code listed first must not price the excess timed unit: G0283, then
    // 97110 10 min and 97140 10 min billed 1 unit each; 20 timed minutes allow 1 unit.
    // The excess unit is valued at 97110's 21.83 (not G0283's 9.22).
    let note = with(json!({"lines": [
        {"code": "G0283", "minutes": 15, "units": 1, "modifiers": ["GP"]},
        {"code": "97110", "minutes": 10, "units": 1, "modifiers": ["GP"]},
        {"code": "97140", "minutes": 10, "units": 1, "modifiers": ["GP"]}], "totalTimedMinutes": 20, "totalTreatmentMinutes": 35}));
    let r = check(&note);
    let amounts: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.rule == "units/over-billed")
        .map(|f| f.amount_at_risk.map(|m| m.to_string()))
        .collect();
    assert!(!amounts.is_empty(), "{:?}", r.findings);
    assert!(
        amounts
            .iter()
            .all(|a| a.as_deref() == Some("21.83") || a.as_deref() == Some("20.70")),
        "{amounts:?}"
    );
}

#[test]
fn the_report_carries_the_threshold_and_what_is_left() {
    // Base note: Medicare PT, 2025, $640.00 spent before; the visit's allowed amount counts.
    let report = common::check(&common::base());
    assert_eq!(
        report.billing.kx_threshold.map(|m| m.decimal()),
        Some(Decimal::from(2410))
    );
    let t = report
        .billing
        .threshold
        .clone()
        .expect("thresholdSpentBefore is given");
    assert_eq!(t.bucket.as_str(), "ptSlp");
    assert_eq!(t.spent_before.decimal(), Decimal::new(64000, 2));
    assert_eq!(
        t.spent_after.decimal(),
        t.spent_before.decimal() + t.visit.decimal()
    );
    assert_eq!(
        t.left_before_kx.decimal(),
        Decimal::from(2410) - t.spent_after.decimal()
    );
    assert_eq!(Some(t.visit), report.billing.expected_payment);
    // Commercial packs carry no threshold.
    let commercial = common::check(&common::with(
        serde_json::json!({"payer": {"kind": "commercial"}}),
    ));
    assert_eq!(commercial.billing.kx_threshold, None);
    assert!(commercial.billing.threshold.is_none());
}
