//! The `codes` family's rules (billed codes, diagnoses), one section per rule in the order
//! of the family's table, checked against the ICD-10-CM conventions and the yearly addenda
//! ("regression" marks a case that once failed).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice,
    clippy::type_complexity
)]

mod common;

use chartlint::Checker;
use common::{base, check, check_with, one, rules_fired, with};
use serde_json::{json, Value};

fn dx(codes: &[&str], dos: &str) -> chartlint::Report {
    check(&with(json!({"diagnoses": codes, "dateOfService": dos})))
}

const ICD_ORDER: &str = include_str!("fixtures/icd10/icd10cm-order-excerpt.txt");

const ICD_CODES: &str = include_str!("fixtures/icd10/icd10cm-codes-excerpt.txt");

// ---------------------------------------------------------------------------------------
// codes/missing-diagnosis

/// Regression: a claim without a valid diagnosis is returned unpaid; the finding now says
/// what the visit is worth (`amountAtRisk` = the visit's expected payment).
#[test]
fn diagnosis_findings_put_the_visit_at_risk() {
    let base = check(&with(json!({})));
    let visit = base.billing.expected_payment.unwrap();
    let r = check(&with(json!({"diagnoses": []})));
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "codes/missing-diagnosis")
        .unwrap();
    assert_eq!(f.amount_at_risk, Some(visit));
    let r = dx(&["M54.5"], "2025-03-10");
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "codes/invalid-diagnosis")
        .unwrap();
    assert_eq!(f.amount_at_risk, Some(visit));
    // Self-pay: nothing billed to a payer, no diagnosis finding.
    let r = check(&with(
        json!({"diagnoses": [], "payer": {"kind": "selfPay"}}),
    ));
    assert!(!r.has("codes/missing-diagnosis"));
}

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

// ---------------------------------------------------------------------------------------
// codes/invalid-diagnosis

/// Regression: periprosthetic fractures (M97, after a TKA/THA: a daily sight in outpatient
/// PT) and atypical femoral fractures (M84.7-) take a 7th character (A, D, G, K, P, S) like
/// the other fracture categories. M97.01 and M84.751 used to pass.
#[test]
fn periprosthetic_and_atypical_femoral_fractures_need_a_seventh_character() {
    for bad in ["M97.01", "M97.11X", "M84.751"] {
        let r = dx(&["Z96.651", bad], "2025-03-10");
        let f = r
            .findings
            .iter()
            .find(|f| f.rule == "codes/invalid-diagnosis")
            .unwrap_or_else(|| panic!("{bad}: {:?}", rules_fired(&r)));
        assert_eq!(f.field.as_deref(), Some("diagnoses[1]"), "{bad}");
    }
    for ok in ["M97.01XD", "M97.11XA", "M84.751D", "M84.48XA"] {
        let r = dx(&["Z96.651", ok], "2025-03-10");
        assert!(!r.has("codes/invalid-diagnosis"), "{ok}: {:?}", r.findings);
    }
    // The wrong 7th character for a fracture category (B is for open fractures of injuries).
    assert!(dx(&["M97.01XB"], "2025-03-10").has("codes/invalid-diagnosis"));
}

/// Codes with 7th characters and placeholders as a biller types them: lower case, with
/// spaces. Checked against the ICD-10-CM tabular list: all valid.
#[test]
fn seventh_characters_and_placeholders_as_typed() {
    let r = dx(
        &["s83.511a", " T84.84XA ", "M80.08XA", "S42.201D"],
        "2025-03-10",
    );
    assert!(!r.has("codes/invalid-diagnosis"), "{:?}", r.findings);
    // T84.84 without its 7th character (a common truncation) is not billable.
    assert!(dx(&["T84.84"], "2025-03-10").has("codes/invalid-diagnosis"));
}

/// A code deleted on 1 October (FY2025 addenda: E66.8 → E66.811–E66.89) is valid the day
/// before and invalid from that day.
#[test]
fn deleted_code_around_the_fiscal_year_change() {
    assert!(!dx(&["M17.11", "E66.8"], "2024-09-30").has("codes/invalid-diagnosis"));
    let r = dx(&["M17.11", "E66.8"], "2024-10-01");
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "codes/invalid-diagnosis")
        .unwrap();
    assert!(f.fix.as_deref().unwrap().contains("E66.811"), "{:?}", f.fix);
    assert!(!dx(&["M17.11", "E66.811"], "2024-10-01").has("codes/invalid-diagnosis"));
    assert!(dx(&["M17.11", "E66.811"], "2024-09-30").has("codes/invalid-diagnosis"));
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
    assert!(dx("M25.56X").has("codes/invalid-diagnosis"));
    assert!(
        !dx("M22.2X1").has("codes/invalid-diagnosis"),
        "a placeholder before a sixth character, with no 7th (patellofemoral disorders, right knee)"
    );
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
