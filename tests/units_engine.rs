//! The units engine against CMS Pub. 100-04, ch. 5, §20.2 (every worked example in
//! shared/policy §1.3), the Rule of Eights contrast table (§2), and each units rule in both
//! directions.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::type_complexity
)]

mod common;

use chartlint::testing::{compute, units_for_minutes};
use chartlint::Note;
use chartlint::UnitRule;
use common::{check, lines, with};
use serde_json::json;

fn note(items: &[(&str, u32, u32)], rule: &str) -> Note {
    let total: u32 = items
        .iter()
        .filter(|(c, _, _)| c.starts_with("97") && !c.starts_with("9716"))
        .map(|(_, m, _)| m)
        .sum();
    Note::from_value(&with(json!({
        "lines": lines(items),
        "payer": {"kind": "medicare", "unitRule": rule},
        "totalTimedMinutes": total,
    })))
    .unwrap_or_else(|e| panic!("{e}"))
}

/// Supported units per line under `rule`, billing what `billed` says.
fn supported(items: &[(&str, u32, u32)], rule: UnitRule) -> (u32, Vec<Option<u32>>) {
    let n = note(
        items,
        if rule == UnitRule::Cms8 {
            "cms8"
        } else {
            "ruleOf8s"
        },
    );
    let out = compute(&n, rule);
    (
        out.timed_units_allowed,
        out.lines.iter().map(|l| l.units_supported).collect(),
    )
}

/// (id, lines as (code, minutes, billed units), total allowed, supported per line).
/// The billed units are one valid choice; where CMS says "either", both are tested below.
/// Billed lines as (code, minutes, units).
type Lines = &'static [(&'static str, u32, u32)];

const CMS_EXAMPLES: &[(&str, Lines, u32, &[u32])] = &[
    ("CMS-EX1", &[("97112", 24, 2), ("97110", 23, 1)], 3, &[2, 1]),
    ("CMS-EX2", &[("97112", 20, 2), ("97110", 20, 1)], 3, &[2, 1]),
    ("CMS-EX3", &[("97110", 33, 2), ("97140", 7, 1)], 3, &[2, 1]),
    (
        "CMS-EX4",
        &[
            ("97110", 18, 1),
            ("97140", 13, 1),
            ("97116", 10, 1),
            ("97035", 8, 0),
        ],
        3,
        &[1, 1, 1, 0],
    ),
    (
        "CMS-EX5",
        &[("97112", 7, 1), ("97110", 7, 0), ("97140", 7, 0)],
        1,
        &[1, 0, 0],
    ),
    ("MAC-1", &[("97140", 20, 2), ("97110", 20, 1)], 3, &[2, 1]),
    ("MAC-2", &[("97140", 35, 2), ("97035", 7, 1)], 3, &[2, 1]),
    ("MAC-3", &[("97110", 10, 1), ("97112", 10, 0)], 1, &[1, 0]),
    (
        "UNT-1",
        &[
            ("97110", 10, 1),
            ("97112", 10, 1),
            ("97140", 10, 0),
            ("G0283", 20, 1),
        ],
        2,
        &[1, 1, 0, 1],
    ),
    (
        "UNT-2",
        &[
            ("97110", 30, 2),
            ("97140", 15, 1),
            ("97035", 8, 1),
            ("G0283", 30, 1),
        ],
        4,
        &[2, 1, 1, 1],
    ),
    ("UNT-3", &[("97161", 30, 1), ("97110", 25, 2)], 2, &[1, 2]),
    ("EDGE-1", &[("97110", 7, 0)], 0, &[0]),
    ("EDGE-2", &[("97110", 22, 2), ("97140", 22, 1)], 3, &[2, 1]),
];

#[test]
fn cms_worked_examples_allocate_as_cms_says() {
    for (id, items, total, expect) in CMS_EXAMPLES {
        let (allowed, got) = supported(items, UnitRule::Cms8);
        assert_eq!(allowed, *total, "{id}: total units");
        let want: Vec<Option<u32>> = expect.iter().map(|&u| Some(u)).collect();
        assert_eq!(got, want, "{id}: units per line");
        // Billed as CMS bills it, the note raises no units finding.
        // (The text is replaced: the base note's text writes its own minutes, which
        // units/text-mismatch would compare with these lines.)
        let report = check(&with(
            json!({"lines": lines(items), "totalTimedMinutes": null, "totalTreatmentMinutes": 99, "text": "Treatment as billed."}),
        ));
        let unit_findings: Vec<_> = report
            .findings
            .iter()
            .filter(|f| f.rule.starts_with("units/"))
            .collect();
        assert!(unit_findings.is_empty(), "{id}: {unit_findings:#?}");
    }
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

#[test]
fn short_services_pool_under_cms_but_not_under_rule_of_eights() {
    // §2 contrast table: (lines, Medicare total, AMA total).
    let table: &[(Lines, u32, u32)] = &[
        (&[("97110", 33, 0), ("97140", 7, 0)], 3, 2),
        (&[("97110", 10, 0), ("97112", 10, 0)], 1, 2),
        (&[("97112", 24, 0), ("97110", 23, 0)], 3, 4),
        (&[("97112", 7, 0), ("97110", 7, 0), ("97140", 7, 0)], 1, 0),
        (
            &[
                ("97110", 18, 0),
                ("97140", 13, 0),
                ("97116", 10, 0),
                ("97035", 8, 0),
            ],
            3,
            4,
        ),
    ];
    for (items, cms, ama) in table {
        assert_eq!(supported(items, UnitRule::Cms8).0, *cms, "cms8 {items:?}");
        assert_eq!(
            supported(items, UnitRule::RuleOf8s).0,
            *ama,
            "ruleOf8s {items:?}"
        );
    }
    // Per line under the Rule of Eights: each code on its own.
    assert_eq!(
        supported(&[("97110", 33, 0), ("97140", 7, 0)], UnitRule::RuleOf8s).1,
        vec![Some(2), Some(0)]
    );
    assert_eq!(
        supported(&[("97110", 10, 0), ("97112", 10, 0)], UnitRule::RuleOf8s).1,
        vec![Some(1), Some(1)]
    );
}

#[test]
fn the_unit_table_has_no_upper_limit() {
    assert_eq!(units_for_minutes(127), 8);
    assert_eq!(units_for_minutes(128), 9);
    assert_eq!(units_for_minutes(8 * 60 + 7), 32);
    let (allowed, per_line) = supported(&[("97110", 130, 9)], UnitRule::Cms8);
    assert_eq!((allowed, per_line), (9, vec![Some(9)]));
}

#[test]
fn untimed_minutes_never_count_toward_timed_units() {
    let (allowed, _) = supported(
        &[("97110", 7, 0), ("G0283", 30, 1), ("97161", 45, 1)],
        UnitRule::Cms8,
    );
    assert_eq!(allowed, 0);
}

#[test]
fn the_reports_other_method_counts_the_same_minutes() {
    let report = check(&with(
        json!({"lines": lines(&[("97110", 33, 2), ("97140", 7, 1)]), "totalTimedMinutes": 40}),
    ));
    assert_eq!(report.billing.unit_rule, UnitRule::Cms8);
    assert_eq!(report.billing.timed_units_allowed, 3);
    assert_eq!(report.billing.other_method.unit_rule, UnitRule::RuleOf8s);
    assert_eq!(report.billing.other_method.timed_units_allowed, 2);
    assert_eq!(
        report.billing.other_method.units_supported,
        vec![Some(2), Some(0)]
    );
}

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

#[test]
fn unknown_and_malformed_codes() {
    let r = check(&with(
        json!({"lines": lines(&[("97110", 25, 2), ("97140", 15, 1), ("99999", 10, 1)])}),
    ));
    assert!(r.has("codes/unknown-code"));
    let r = check(&with(
        json!({"lines": lines(&[("97110", 25, 2), ("97140", 15, 1), ("97-11", 10, 1)])}),
    ));
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "codes/unknown-code")
        .map(|f| f.message.clone())
        .unwrap_or_default();
    assert!(f.contains("not shaped like"), "{f}");
    assert!(!common::rules_fired(&check(&common::base())).contains(&"codes/unknown-code"));
}
