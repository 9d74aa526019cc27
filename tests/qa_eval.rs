//! QA notes on the eval family: evaluation codes a payer denies outright, and what that
//! costs. Tests marked "regression" failed before the fix beside them.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::{check, rules_fired, with};
use serde_json::{json, Value};

fn pt_eval_form() -> Value {
    json!({"historyFactors": 1, "examElements": 3, "clinicalPresentation": "evolving", "decisionMaking": "moderate"})
}

fn finding<'r>(r: &'r chartlint::Report, rule: &str) -> &'r chartlint::Finding {
    r.findings
        .iter()
        .find(|f| f.rule == rule)
        .unwrap_or_else(|| panic!("no {rule}: {:?}", rules_fired(r)))
}

/// Regression: an evaluation code the payer will deny outright (furnished by an assistant,
/// billed twice on one visit, or billed on a daily note) now carries the denied line's
/// expected payment as `amountAtRisk`.
#[test]
fn denied_evaluation_codes_carry_their_value() {
    // A PTA may not evaluate or re-evaluate (CMS Pub. 100-02, ch. 15, §230.1).
    let r = check(&with(json!({
        "noteType": "evaluation",
        "provider": {"role": "PTA", "name": "Sam Ortiz", "credentials": "PTA"},
        "lines": [{"code": "97162", "minutes": 30, "units": 1, "modifiers": ["GP"]}],
        "evaluation": pt_eval_form(),
        "totalTimedMinutes": 0, "totalTreatmentMinutes": 30
    })));
    let f = finding(&r, "eval/code-discipline-mismatch");
    assert_eq!(f.field.as_deref(), Some("provider.role"));
    assert_eq!(f.amount_at_risk, r.billing.lines[0].expected_payment);
    assert!(f.amount_at_risk.is_some());

    // An evaluation and a re-evaluation on one visit: the second is denied.
    let r = check(&with(json!({
        "noteType": "evaluation",
        "lines": [
            {"code": "97162", "minutes": 30, "units": 1, "modifiers": ["GP"]},
            {"code": "97164", "minutes": 20, "units": 1, "modifiers": ["GP"]}
        ],
        "evaluation": pt_eval_form(),
        "totalTimedMinutes": 0, "totalTreatmentMinutes": 50
    })));
    let f = finding(&r, "eval/multiple-evaluation-codes");
    assert_eq!(f.field.as_deref(), Some("lines[1].code"));
    assert_eq!(f.amount_at_risk, r.billing.lines[1].expected_payment);
    assert!(f.amount_at_risk.is_some());

    // An evaluation code on a daily note.
    let r = check(&with(json!({
        "lines": [
            {"code": "97110", "minutes": 25, "units": 2, "modifiers": ["GP"]},
            {"code": "97162", "minutes": 30, "units": 1, "modifiers": ["GP"]}
        ],
        "evaluation": pt_eval_form(),
        "totalTimedMinutes": 25, "totalTreatmentMinutes": 55
    })));
    let f = finding(&r, "eval/code-note-type-mismatch");
    assert_eq!(f.amount_at_risk, r.billing.lines[1].expected_payment);
    assert!(f.amount_at_risk.is_some());
}

/// Over-coding between PT levels changes nothing Medicare pays (97161–97163 carry the same
/// RVUs), so the finding is an error without an amount; the evaluation plus 97140 the same
/// day is the NCCI pair, with 97140's value at risk.
#[test]
fn overcoded_evaluation_with_manual_therapy_the_same_day() {
    let r = check(&with(json!({
        "noteType": "evaluation",
        "lines": [
            {"code": "97163", "minutes": 45, "units": 1, "modifiers": ["GP"]},
            {"code": "97140", "minutes": 15, "units": 1, "modifiers": ["GP"]}
        ],
        "evaluation": {"historyFactors": 2, "examElements": 4, "clinicalPresentation": "unstable", "decisionMaking": "low"},
        "totalTimedMinutes": 15, "totalTreatmentMinutes": 60
    })));
    let f = finding(&r, "eval/complexity-overcoded");
    assert!(f.message.contains("97161"), "{}", f.message);
    assert!(
        f.message.to_lowercase().contains("decision making"),
        "{}",
        f.message
    );
    assert_eq!(f.amount_at_risk, None, "the PT levels are paid the same");
    let pair = finding(&r, "modifiers/ncci-pair");
    assert_eq!(pair.amount_at_risk, r.billing.lines[1].expected_payment);
    assert!(
        !pair.fix.as_deref().unwrap().contains("time blocks"),
        "an untimed evaluation is not split by minutes"
    );
}

/// A realistic evaluation whose examination is written as a list of tests under
/// "Examination:" rather than counted elements. chartlint cannot count the elements, so the
/// component is still missing (an error), but the message no longer claims the examination
/// "is not documented" (it is, just not countably); the fix says how to record it.
#[test]
fn uncounted_examination_is_not_called_undocumented() {
    let text = "PHYSICAL THERAPY INITIAL EVALUATION\n\
        History: 72 y/o with R knee OA, progressive pain x 2 years. Comorbidities affecting the plan: type 2 diabetes, obesity (BMI 36). Personal factors: lives alone.\n\
        Examination: R knee AROM 5-100 deg; quad strength 3+/5; TUG 16 sec; LEFS 32/80; antalgic gait with SPC; unable to ascend stairs reciprocally.\n\
        Clinical presentation: evolving, swelling increasing this month.\n\
        Assessment: moderate complexity decision making using LEFS and TUG.\n\
        Plan: 2x/week x 8 weeks. Goals: LEFS to 50/80 in 8 weeks.\n\
        Dana Lee, PT, DPT";
    let r = check(&with(json!({
        "noteType": "evaluation",
        "lines": [{"code": "97162", "minutes": 30, "units": 1, "modifiers": ["GP"]}],
        "totalTimedMinutes": 0, "totalTreatmentMinutes": 30,
        "text": text
    })));
    let f = r
        .findings
        .iter()
        .find(|f| {
            f.rule == "eval/components-missing"
                && f.field.as_deref() == Some("evaluation.examElements")
        })
        .unwrap_or_else(|| panic!("{:?}", rules_fired(&r)));
    assert!(!f.message.contains("not documented"), "{}", f.message);
    assert!(f
        .fix
        .as_deref()
        .unwrap()
        .contains("evaluation.examElements"));
    // Recording the count on the form settles it.
    let r = check(&with(json!({
        "noteType": "evaluation",
        "lines": [{"code": "97162", "minutes": 30, "units": 1, "modifiers": ["GP"]}],
        "totalTimedMinutes": 0, "totalTreatmentMinutes": 30,
        "evaluation": {"examElements": 4},
        "text": text
    })));
    assert!(!r.has("eval/components-missing"), "{:?}", rules_fired(&r));
}
