//! Property tests of the units engine (proptest): invariants that must hold for every
//! combination of timed codes, minutes and billed units, not just the CMS worked examples.
#![allow(
    clippy::disallowed_methods, // tests sort directly; the crate sorts through src/sort.rs
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use chartlint::testing::{compute, units_for_minutes, UnitsOutcome};
use chartlint::testing::{Counting, CODES};
use chartlint::{Note, UnitRule};
use proptest::prelude::*;
use serde_json::json;

/// Every 15-minute timed code the engine knows that is not part of a first-code/add-on
/// family (those split a pooled group by position, tested separately).
fn timed_codes() -> Vec<&'static str> {
    CODES
        .iter()
        .filter(|c| c.counting == Counting::Timed15 && c.family_first.is_none())
        .map(|c| c.code)
        .collect()
}

fn untimed_codes() -> Vec<&'static str> {
    CODES
        .iter()
        .filter(|c| c.counting == Counting::Untimed)
        .map(|c| c.code)
        .collect()
}

#[derive(Debug, Clone)]
struct L {
    code: &'static str,
    minutes: Option<u32>,
    units: u32,
}

fn note(lines: &[L], total: Option<u32>) -> Note {
    let lines: Vec<_> = lines
        .iter()
        .map(|l| json!({"code": l.code, "minutes": l.minutes, "units": l.units, "modifiers": ["GP"]}))
        .collect();
    Note::from_value(&json!({
        "discipline": "PT", "noteType": "daily", "dateOfService": "2025-03-10",
        "payer": {"kind": "medicare"}, "provider": {"role": "PT"},
        "lines": lines, "totalTimedMinutes": total, "text": ""
    }))
    .expect("valid note")
}

/// Distinct timed codes, each with minutes (0..=180) and billed units (0..=12).
fn distinct_timed_lines(max: usize) -> impl Strategy<Value = Vec<L>> {
    let codes = timed_codes();
    let n = codes.len();
    proptest::sample::subsequence(codes, 1..=max.min(n))
        .prop_flat_map(|cs| {
            let k = cs.len();
            (
                Just(cs),
                proptest::collection::vec((0u32..=180, 0u32..=12), k),
            )
        })
        .prop_shuffle_codes()
}

trait ShuffleCodes {
    fn prop_shuffle_codes(self) -> BoxedStrategy<Vec<L>>;
}
impl<S: Strategy<Value = (Vec<&'static str>, Vec<(u32, u32)>)> + 'static> ShuffleCodes for S {
    fn prop_shuffle_codes(self) -> BoxedStrategy<Vec<L>> {
        self.prop_map(|(cs, mu)| {
            cs.into_iter()
                .zip(mu)
                .map(|(code, (m, u))| L {
                    code,
                    minutes: Some(m),
                    units: u,
                })
                .collect::<Vec<_>>()
        })
        .prop_shuffle()
        .boxed()
    }
}

/// Any mix: timed codes (repeats allowed), untimed codes, lines without minutes.
fn mixed_lines() -> impl Strategy<Value = Vec<L>> {
    let timed = timed_codes();
    let untimed = untimed_codes();
    let line = (
        prop_oneof![3 => proptest::sample::select(timed), 1 => proptest::sample::select(untimed)],
        proptest::option::weighted(0.9, 0u32..=200),
        0u32..=12,
    )
        .prop_map(|(code, minutes, units)| L {
            code,
            minutes,
            units,
        });
    proptest::collection::vec(line, 1..=8)
}

fn supported(o: &UnitsOutcome, i: usize) -> u32 {
    o.lines[i].units_supported.expect("per-line minutes known")
}

fn timed15(code: &str) -> bool {
    chartlint::testing::codes::lookup(code).is_some_and(|c| c.counting == Counting::Timed15)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    /// The visit's units never exceed what its total timed minutes allow, each line's units
    /// never exceed what its own minutes could round up to, and under cms8 the lines share
    /// exactly the units the total allows.
    #[test]
    fn units_never_exceed_minutes(lines in distinct_timed_lines(6)) {
        for rule in [UnitRule::Cms8, UnitRule::RuleOf8s] {
            let o = compute(&note(&lines, None), rule);
            let total: u32 = lines.iter().filter_map(|l| l.minutes).sum();
            prop_assert_eq!(o.total_timed_minutes, total);
            let sum: u32 = (0..lines.len()).map(|i| supported(&o, i)).sum();
            prop_assert!(sum <= o.timed_units_allowed);
            for (i, l) in lines.iter().enumerate() {
                let m = l.minutes.unwrap_or(0);
                let s = supported(&o, i);
                prop_assert!(s <= m / 15 + u32::from(m % 15 > 0), "{:?}: {} units for {} min", rule, s, m);
                prop_assert!(s * 15 <= m + 14);
                if rule == UnitRule::RuleOf8s {
                    prop_assert_eq!(s, units_for_minutes(m));
                }
            }
            match rule {
                UnitRule::Cms8 => {
                    prop_assert_eq!(o.timed_units_allowed, units_for_minutes(total));
                    prop_assert_eq!(sum, units_for_minutes(total), "cms8: the lines share the total's units");
                }
                UnitRule::RuleOf8s => prop_assert_eq!(sum, o.timed_units_allowed),
            }
        }
    }

    /// More minutes on a line never lower the visit's units nor that line's own units.
    #[test]
    fn units_are_monotonic_in_minutes(lines in distinct_timed_lines(5), pick in any::<prop::sample::Index>(), more in 1u32..=60) {
        let i = pick.index(lines.len());
        let mut longer = lines.clone();
        longer[i].minutes = longer[i].minutes.map(|m| m + more);
        for rule in [UnitRule::Cms8, UnitRule::RuleOf8s] {
            let a = compute(&note(&lines, None), rule);
            let b = compute(&note(&longer, None), rule);
            prop_assert!(b.timed_units_allowed >= a.timed_units_allowed);
            prop_assert!(supported(&b, i) >= supported(&a, i), "{:?}: line {} went from {} to {} units with {} more minutes",
                rule, i, supported(&a, i), supported(&b, i), more);
        }
        // The table itself.
        let m = lines[i].minutes.unwrap_or(0);
        prop_assert!(units_for_minutes(m + more) >= units_for_minutes(m));
    }

    /// A single timed code: both methods are the same arithmetic.
    #[test]
    fn methods_agree_on_a_single_code(code in proptest::sample::select(timed_codes()), m in 0u32..=1440, u in 0u32..=99) {
        let ls = [L { code, minutes: Some(m), units: u }];
        let a = compute(&note(&ls, None), UnitRule::Cms8);
        let b = compute(&note(&ls, None), UnitRule::RuleOf8s);
        prop_assert_eq!(a.timed_units_allowed, b.timed_units_allowed);
        prop_assert_eq!(&a.lines, &b.lines);
        prop_assert_eq!(supported(&a, 0), units_for_minutes(m));
    }

    /// Codes each done in whole 15-minute units: nothing is left over to pool, so both
    /// methods give every line the same units.
    #[test]
    fn methods_agree_on_multiples_of_15(lines in distinct_timed_lines(6)) {
        let lines: Vec<L> = lines.into_iter().map(|l| L { minutes: l.minutes.map(|m| m / 15 * 15), ..l }).collect();
        let a = compute(&note(&lines, None), UnitRule::Cms8);
        let b = compute(&note(&lines, None), UnitRule::RuleOf8s);
        prop_assert_eq!(a.timed_units_allowed, b.timed_units_allowed);
        for (i, l) in lines.iter().enumerate() {
            prop_assert_eq!(supported(&a, i), supported(&b, i));
            prop_assert_eq!(supported(&a, i), l.minutes.unwrap_or(0) / 15);
        }
    }

    /// Rule of Eights never pools: a code's units depend on its own minutes only, whatever
    /// else was billed (under cms8 they may not: 8 + 8 minutes of two codes earn one unit).
    #[test]
    fn rule_of_eights_does_not_pool(lines in distinct_timed_lines(6)) {
        let b = compute(&note(&lines, None), UnitRule::RuleOf8s);
        for (i, l) in lines.iter().enumerate() {
            let alone = compute(&note(std::slice::from_ref(l), None), UnitRule::RuleOf8s);
            prop_assert_eq!(supported(&b, i), supported(&alone, 0));
        }
    }

    /// Reordering the lines changes nothing but the order: the same totals, the same units
    /// per code (where leftover minutes tie, the extra unit may move between the tied codes,
    /// which the report marks), and the same findings.
    #[test]
    fn reordering_changes_nothing_but_order(lines in distinct_timed_lines(6), seed in any::<u64>()) {
        let n = lines.len();
        let mut perm: Vec<usize> = (0..n).collect();
        // A deterministic shuffle from the seed.
        let mut s = seed | 1;
        for i in (1..n).rev() {
            s ^= s << 13; s ^= s >> 7; s ^= s << 17;
            perm.swap(i, (s % (i as u64 + 1)) as usize);
        }
        let shuffled: Vec<L> = perm.iter().map(|&i| lines[i].clone()).collect();
        for rule in [UnitRule::Cms8, UnitRule::RuleOf8s] {
            let a = compute(&note(&lines, None), rule);
            let b = compute(&note(&shuffled, None), rule);
            prop_assert_eq!(a.total_timed_minutes, b.total_timed_minutes);
            prop_assert_eq!(a.timed_units_allowed, b.timed_units_allowed);
            prop_assert_eq!(a.timed_units_billed, b.timed_units_billed);
            let (mut tied_a, mut tied_b) = (0, 0);
            for (j, &i) in perm.iter().enumerate() {
                let (la, lb) = (&a.lines[i], &b.lines[j]);
                prop_assert_eq!(&la.code, &lb.code);
                prop_assert_eq!(la.tie, lb.tie);
                if la.tie {
                    tied_a += supported(&a, i);
                    tied_b += supported(&b, j);
                } else {
                    prop_assert_eq!(la.units_supported, lb.units_supported, "{:?} {}", rule, la.code);
                }
            }
            prop_assert_eq!(tied_a, tied_b);
        }
        // The findings, line indices mapped through the permutation.
        let checker = chartlint::Checker::with_defaults();
        let ra = checker.check(&note(&lines, None));
        let rb = checker.check(&note(&shuffled, None));
        let key = |r: &chartlint::Report, map: &dyn Fn(usize) -> usize| {
            let mut v: Vec<(String, String)> = r.findings.iter().map(|f| {
                let field = f.field.clone().unwrap_or_default();
                let field = match field.strip_prefix("lines[").and_then(|s| s.split_once(']')) {
                    Some((i, rest)) => format!("lines[{}]{rest}", map(i.parse().unwrap())),
                    None => field,
                };
                (f.rule.to_string(), field)
            }).collect();
            v.sort();
            v
        };
        let any_tie = checker.check(&note(&lines, None)).billing.lines.iter().any(|l| l.tie);
        if !any_tie {
            prop_assert_eq!(key(&ra, &|i| i), key(&rb, &|j| perm[j]));
        }
    }

    /// Mixed visits (repeated codes, untimed codes, lines without minutes): untimed codes
    /// never count toward timed minutes, they support at most one unit, and cms8's lines
    /// share exactly the units the total allows when every timed line has minutes.
    #[test]
    fn mixed_visits(lines in mixed_lines()) {
        let o = compute(&note(&lines, None), UnitRule::Cms8);
        let timed_total: u32 = lines.iter().filter(|l| timed15(l.code)).filter_map(|l| l.minutes).sum();
        prop_assert_eq!(o.total_timed_minutes, timed_total);
        prop_assert_eq!(o.timed_units_allowed, units_for_minutes(timed_total));
        for (i, l) in lines.iter().enumerate() {
            if !timed15(l.code) {
                prop_assert!(o.lines[i].units_supported.unwrap_or(0) <= 1);
                prop_assert!(!o.lines[i].timed);
            }
        }
        let all_known = lines.iter().filter(|l| timed15(l.code)).all(|l| l.minutes.is_some());
        if all_known {
            let sum: u32 = lines.iter().enumerate().filter(|(_, l)| timed15(l.code)).map(|(i, _)| supported(&o, i)).sum();
            prop_assert_eq!(sum, units_for_minutes(timed_total));
        }
        // And the checker reads the same note without trouble, under both methods.
        for r in ["cms8", "ruleOf8s"] {
            let mut v = serde_json::to_value(lines.iter().map(|l| json!({"code": l.code, "minutes": l.minutes, "units": l.units})).collect::<Vec<_>>()).unwrap();
            v = json!({"discipline": "PT", "noteType": "daily", "dateOfService": "2025-03-10",
                "payer": {"kind": "commercial", "unitRule": r}, "provider": {"role": "PT"}, "lines": v, "text": ""});
            chartlint::Checker::with_defaults().check_value(&v).unwrap();
        }
    }

    /// Only the documented total: the visit's units follow the total under both methods,
    /// and no line claims a per-line figure.
    #[test]
    fn total_only(lines in distinct_timed_lines(4), total in 0u32..=300) {
        let lines: Vec<L> = lines.into_iter().map(|l| L { minutes: None, ..l }).collect();
        for rule in [UnitRule::Cms8, UnitRule::RuleOf8s] {
            let o = compute(&note(&lines, Some(total)), rule);
            prop_assert!(o.total_only);
            prop_assert_eq!(o.timed_units_allowed, units_for_minutes(total));
            prop_assert!(o.lines.iter().all(|l| l.units_supported.is_none()));
        }
    }
}
