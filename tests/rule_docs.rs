//! The rule registry and every rule's own docs: sections present, and the documented
//! Example triggers the rule while the Passes example does not.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

mod common;

use chartlint::RuleDoc;
use serde_json::{json, Value};
use std::collections::{BTreeMap, HashSet};

fn rules() -> Vec<RuleDoc> {
    chartlint::rules()
}

/// The text of section `heading` of a rule's docs (without the heading), trimmed.
fn section(r: &RuleDoc, heading: &str) -> Option<String> {
    let mut out: Option<String> = None;
    for line in r.docs.lines() {
        let line = line.strip_prefix(' ').unwrap_or(line);
        if let Some(h) = line.strip_prefix("## ") {
            if out.is_some() {
                break;
            }
            if h.trim().eq_ignore_ascii_case(heading) {
                out = Some(String::new());
            }
            continue;
        }
        if let Some(o) = out.as_mut() {
            o.push_str(line);
            o.push('\n');
        }
    }
    out.map(|s| s.trim().to_string())
}

/// The ```json block of a section (the Example or Passes patch).
fn json_block(r: &RuleDoc, heading: &str) -> Option<String> {
    let sec = section(r, heading)?;
    let start = sec.find("```json")? + "```json".len();
    let rest = &sec[start..];
    let end = rest.find("```")?;
    Some(rest[..end].trim().to_string())
}

#[test]
fn ids_are_unique_stable_and_kebab_case() {
    let mut seen = HashSet::new();
    for r in rules() {
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
        assert_eq!(r.family, family);
    }
}

#[test]
fn every_rule_documents_what_why_example_passes_and_source() {
    for r in rules() {
        assert!(!r.summary.is_empty(), "{}: no summary line", r.id);
        for heading in ["What it checks", "Example", "Passes", "Source"] {
            assert!(
                section(&r, heading).is_some_and(|s| !s.is_empty()),
                "{}: missing section '{heading}'",
                r.id
            );
        }
        assert!(
            section(&r, "Why payers deny it")
                .or_else(|| section(&r, "Why we flag it"))
                .is_some(),
            "{}: missing 'Why payers deny it' (or 'Why we flag it')",
            r.id
        );
        assert!(!r.source.trim().is_empty(), "{}: no source", r.id);
        assert!(
            json_block(&r, "Example").is_some(),
            "{}: Example has no ```json block",
            r.id
        );
        assert!(
            json_block(&r, "Passes").is_some(),
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
    for r in rules() {
        for (section, should_fire) in [("Example", true), ("Passes", false)] {
            let Some(block) = json_block(&r, section) else {
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
    let cat = rules();
    assert!(cat.len() >= 40, "{} rules", cat.len());
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

/// Every rule declared in `src/` (each `declare_rule!`, found by reading the source) is in
/// exactly one family table: the list `rules()` returns, config validation accepts and the
/// checker runs.
#[test]
fn every_declared_rule_is_in_exactly_one_table() {
    let mut declared: BTreeMap<String, String> = BTreeMap::new();
    let mut stack = vec![std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src"
    ))];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let mut rest = text.as_str();
            while let Some(i) = rest.find("\ndeclare_rule! {") {
                rest = &rest[i + 1..];
                let id_at = rest.find("id: \"").expect("declare_rule! without an id") + 5;
                let id = &rest[id_at..id_at + rest[id_at..].find('"').unwrap()];
                let before = declared.insert(id.to_string(), path.display().to_string());
                assert!(before.is_none(), "{id} is declared twice");
            }
        }
    }
    assert!(
        declared.len() >= 40,
        "{} declare_rule! found",
        declared.len()
    );
    let mut listed: BTreeMap<&str, usize> = BTreeMap::new();
    for r in rules() {
        *listed.entry(r.id).or_default() += 1;
    }
    for (id, file) in &declared {
        match listed.get(id.as_str()) {
            Some(1) => {}
            Some(n) => panic!("{id} ({file}) is in the rule tables {n} times"),
            None => panic!("{id} is declared in {file} but in no family's rule_table!"),
        }
    }
    for id in listed.keys() {
        assert!(
            declared.contains_key(*id),
            "{id} is listed but not declared"
        );
    }
    // Config validation accepts exactly the listed ids.
    for id in listed.keys() {
        assert!(
            chartlint::Checker::new(&json!({ "disabledRules": [id] })).is_ok(),
            "{id}"
        );
    }
    assert!(chartlint::Checker::new(&json!({ "disabledRules": ["units/no-such-rule"] })).is_err());
}

/// No rule reads another rule's findings: turning any rule off leaves every other rule's
/// findings as they were, on every documented example.
#[test]
fn disabling_a_rule_changes_no_other_rule() {
    let patches: Vec<Value> = rules()
        .iter()
        .flat_map(|r| {
            ["Example", "Passes"]
                .into_iter()
                .filter_map(|s| json_block(r, s))
                .map(|b| serde_json::from_str::<Value>(&b).unwrap())
                .collect::<Vec<_>>()
        })
        .collect();
    // Notes (one-note examples) and episodes (the episode rules' examples).
    let notes: Vec<Value> = patches
        .iter()
        .filter(|p| p.is_object())
        .map(|p| common::with(p.clone()))
        .collect();
    let episodes: Vec<Value> = patches
        .iter()
        .filter(|p| p.is_array())
        .map(common::episode_notes)
        .collect();
    let all = chartlint::Checker::with_defaults();
    let reports: Vec<_> = notes.iter().map(|n| all.check_value(n).unwrap()).collect();
    let episode_reports: Vec<_> = episodes
        .iter()
        .map(|e| all.check_episode_value(e).unwrap())
        .collect();
    for r in rules() {
        let without = chartlint::Checker::new(&json!({ "disabledRules": [r.id] })).unwrap();
        for (note, full) in notes.iter().zip(&reports) {
            let expected: Vec<_> = full.findings.iter().filter(|f| f.rule != r.id).collect();
            let got = without.check_value(note).unwrap();
            assert_eq!(
                got.findings.iter().collect::<Vec<_>>(),
                expected,
                "disabling {} changed other rules' findings",
                r.id
            );
        }
        for (episode, full) in episodes.iter().zip(&episode_reports) {
            let got = without.check_episode_value(episode).unwrap();
            let expected: Vec<_> = full
                .findings
                .iter()
                .filter(|f| f.finding.rule != r.id)
                .collect();
            assert_eq!(
                got.findings.iter().collect::<Vec<_>>(),
                expected,
                "disabling {} changed other rules' episode findings",
                r.id
            );
            for (a, b) in got.notes.iter().zip(&full.notes) {
                let (Some(a), Some(b)) = (&a.report, &b.report) else {
                    continue;
                };
                let expected: Vec<_> = b.findings.iter().filter(|f| f.rule != r.id).collect();
                assert_eq!(
                    a.findings.iter().collect::<Vec<_>>(),
                    expected,
                    "disabling {}",
                    r.id
                );
            }
        }
    }
}
