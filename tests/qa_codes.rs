//! QA notes on the codes family (diagnoses): codes a therapy biller meets every week, checked
//! against the ICD-10-CM tabular conventions (7th characters, placeholder X) and the yearly
//! addenda. Tests marked "regression" failed before the fix beside them.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::{check, rules_fired, with};
use serde_json::json;

fn dx(codes: &[&str], dos: &str) -> chartlint::Report {
    check(&with(json!({"diagnoses": codes, "dateOfService": dos})))
}

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
