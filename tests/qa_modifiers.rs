//! QA notes on the modifiers family: CQ/CO the way CMS's CY 2022 examples split units
//! between therapist and assistant, and the lines a biller ends up with. Tests marked
//! "regression" failed before the fix beside them.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use chartlint::testing::assistant_units_timed;
use common::{billing_rules, check, rules_fired, with};
use serde_json::json;

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
