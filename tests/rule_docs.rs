//! The rule registry and every rule's own docs: sections present, and the documented
//! Example triggers the rule while the Passes example does not.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use chartlint::rules;
use std::collections::HashSet;

#[test]
fn ids_are_unique_stable_and_kebab_case() {
    let mut seen = HashSet::new();
    for r in rules::all() {
        assert!(seen.insert(r.id), "duplicate rule id {}", r.id);
        let (family, name) =
            r.id.split_once('/')
                .unwrap_or_else(|| panic!("{} is not family/name", r.id));
        assert!(
            ["units", "codes", "elements", "eval", "modifiers", "episode"].contains(&family),
            "{}: unknown family",
            r.id
        );
        assert!(
            name.chars()
                .all(|c| c.is_ascii_lowercase() || c == '-' || c.is_ascii_digit()),
            "{} is not kebab case",
            r.id
        );
        assert!(rules::find(r.id).is_some());
    }
}

#[test]
fn every_rule_documents_what_why_example_passes_and_source() {
    for r in rules::all() {
        assert!(!r.summary().is_empty(), "{}: no summary line", r.id);
        for section in ["What it checks", "Example", "Passes", "Source"] {
            assert!(
                r.section(section).is_some_and(|s| !s.is_empty()),
                "{}: missing section '{section}'",
                r.id
            );
        }
        assert!(
            r.section("Why payers deny it")
                .or_else(|| r.section("Why we flag it"))
                .is_some(),
            "{}: missing 'Why payers deny it' (or 'Why we flag it')",
            r.id
        );
        assert!(!r.source.trim().is_empty(), "{}: no source", r.id);
        assert!(
            r.json_block("Example").is_some(),
            "{}: Example has no ```json block",
            r.id
        );
        assert!(
            r.json_block("Passes").is_some(),
            "{}: Passes has no ```json block",
            r.id
        );
    }
}

#[test]
fn the_base_note_is_clean() {
    let report = common::check(&common::base());
    assert!(
        report.findings.is_empty(),
        "base note findings: {:#?}",
        report.findings
    );
    assert!(report.ready_to_sign);
}

#[test]
fn documented_examples_trigger_and_passing_examples_do_not() {
    let mut failures = Vec::new();
    for r in rules::all() {
        for (section, should_fire) in [("Example", true), ("Passes", false)] {
            let Some(block) = r.json_block(section) else {
                continue;
            };
            let patch: serde_json::Value = serde_json::from_str(&block)
                .unwrap_or_else(|e| panic!("{} {section}: bad JSON: {e}", r.id));
            if patch.is_array() {
                // An episode rule: the example is the episode's notes.
                let notes = common::episode_notes(&patch);
                match chartlint::Checker::with_defaults().check_episode_value(&notes) {
                    Ok(rep) if rep.has(r.id) != should_fire => failures.push(format!(
                        "{} {section}: expected the rule {}; episode findings: {:?}",
                        r.id,
                        if should_fire {
                            "to fire"
                        } else {
                            "to stay quiet"
                        },
                        common::episode_rules_fired(&rep)
                    )),
                    Ok(_) => {}
                    Err(e) => failures.push(format!("{} {section}: episode rejected: {e}", r.id)),
                }
                continue;
            }
            let note = common::with(patch);
            let report = match chartlint::Checker::with_defaults().check_value(&note) {
                Ok(rep) => rep,
                Err(e) => {
                    failures.push(format!("{} {section}: note rejected: {e}", r.id));
                    continue;
                }
            };
            if report.has(r.id) != should_fire {
                failures.push(format!(
                    "{} {section}: expected the rule {}; findings: {:?}",
                    r.id,
                    if should_fire {
                        "to fire"
                    } else {
                        "to stay quiet"
                    },
                    common::rules_fired(&report)
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn catalogue_carries_the_docs() {
    let cat = rules::catalogue();
    assert_eq!(cat.len(), rules::all().len());
    for d in cat {
        assert!(
            !d.what_it_checks.is_empty() && !d.why.is_empty() && !d.example.is_empty(),
            "{}",
            d.id
        );
        assert!(
            !d.what_it_checks.contains("```"),
            "{}: prose must not carry code fences",
            d.id
        );
    }
}
