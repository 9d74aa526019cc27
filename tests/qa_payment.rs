//! QA notes on the payment arithmetic: MPPR when the therapist's and the assistant's units
//! of one code sit on two lines, hand computed. Tests marked "regression" failed before the
//! fix beside them.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::{billing_rules, check, with};
use rust_decimal::Decimal;
use serde_json::{json, Value};

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn pt_line() -> Value {
    json!({"code": "97110", "minutes": 30, "units": 2, "modifiers": ["GP"]})
}

fn pta_line() -> Value {
    json!({"code": "97110", "minutes": 8, "assistantMinutes": 8, "units": 1, "modifiers": ["GP", "CQ"]})
}

/// Regression: the unit that keeps its full practice expense under MPPR was chosen by line
/// order when two units had the same PE, so the same claim paid 68.14 or 69.18 depending on
/// which 97110 line came first. Ties now go to the higher fee as paid (shared/policy §8: "ties
/// broken by highest total fee-schedule amount"), and a CQ unit's fee is 85%, so the PT's
/// unit keeps the full PE in either order.
///
/// 2025, national, CF 32.3465; 97110: work 0.45, PE 0.43, MP 0.01.
/// PT line, 2 units: full 0.89 + half-PE 0.675 = 1.565 × 32.3465 = 50.6223 → 50.62.
/// PTA line, 1 unit: half-PE 0.675 × 32.3465 × 0.85 = 18.5593 → 18.56. Visit 69.18.
#[test]
fn mppr_full_pe_slot_does_not_depend_on_line_order() {
    for (lines, pt, pta) in [
        (json!([pt_line(), pta_line()]), 0, 1),
        (json!([pta_line(), pt_line()]), 1, 0),
    ] {
        let r = check(&with(
            json!({"lines": lines, "totalTimedMinutes": 38, "totalTreatmentMinutes": 38}),
        ));
        assert!(billing_rules(&r).is_empty(), "{:?}", billing_rules(&r));
        assert_eq!(
            r.billing.lines[pt].expected_payment,
            Some(d("50.62").into())
        );
        assert_eq!(
            r.billing.lines[pta].expected_payment,
            Some(d("18.56").into())
        );
        assert_eq!(r.billing.expected_payment, Some(d("69.18").into()));
    }
}

/// KX with a CQ line: what goes unpaid without KX is the visit as paid, the CQ line at its
/// 85% rate (50.62 + 18.56), and spending moves by that same amount.
#[test]
fn kx_at_risk_is_the_visit_as_paid_with_its_cq_line() {
    let mut episode = common::base()["episode"].clone();
    episode["thresholdSpentBefore"] = json!("2400.00");
    let r = check(&with(json!({
        "lines": [pt_line(), pta_line()],
        "totalTimedMinutes": 38, "totalTreatmentMinutes": 38,
        "episode": episode
    })));
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "modifiers/kx-required")
        .unwrap();
    assert_eq!(f.amount_at_risk, Some(d("69.18").into()));
    assert!(f.message.contains("$2,469.18"), "{}", f.message);
    assert!(r.billing.kx_required);
}
