//! The units engine against CMS Pub. 100-04, ch. 5, §20.2 (every worked example in
//! shared/policy §1.3), the Rule of Eights contrast table (§2), and each units rule in both
//! directions.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice,
    clippy::type_complexity
)]

mod common;

use chartlint::testing::{compute, units_for_minutes};
use chartlint::{Note, UnitRule};
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
