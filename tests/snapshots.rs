//! Snapshots of whole reports: every sample note of the demo (`www/src/samples.json`) and
//! every note of the corpus (`tests/corpus/*.json`), checked with the default config, as
//! pretty JSON. A change of any report shows up as a diff of `tests/snapshots/*.snap` for a
//! reviewer to read.
//!
//! The signing reports (`corpus-*`, `sample-*`) are shown without the fields added for
//! drafting (`stage`, `checklist`, `dismissed`, each finding's `fingerprint` and `edits`), so
//! they show that signing is unchanged by them; the drafting reports of the demo samples
//! (`draft-*`) and a digest of every corpus note's edits and checklist (`corpus-drafting`)
//! show those fields.
//!
//! After an intended change (or a new corpus note): `INSTA_UPDATE=always cargo test --test
//! snapshots`, then read `git diff tests/snapshots/` before committing.
#![allow(
    clippy::disallowed_methods, // tests sort directly; the crate sorts through src/sort.rs
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use chartlint::{CheckOptions, Checker, Stage};
use serde::Serialize;
use serde_json::Value;
use std::fmt::Write;
use std::fs;

/// The signing report without the fields drafting added, in the Report's own field order.
fn report_json(checker: &Checker, note: &Value, what: &str) -> String {
    let r = checker
        .check_value(note)
        .unwrap_or_else(|e| panic!("{what}: {e}"));
    serde_json::to_string_pretty(&SignView::of(&r)).unwrap()
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SignView<'a> {
    schema_version: &'a str,
    note_id: &'a Option<String>,
    ready_to_sign: bool,
    findings: Vec<FindingView<'a>>,
    billing: &'a chartlint::Billing,
    #[serde(skip_serializing_if = "Option::is_none")]
    evaluation: &'a Option<chartlint::EvaluationReport>,
    elements: &'a chartlint::ElementsReport,
    provenance: &'a chartlint::Provenance,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct FindingView<'a> {
    rule: &'a str,
    severity: chartlint::Severity,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    span: Option<chartlint::Utf16Span>,
    #[serde(skip_serializing_if = "Option::is_none")]
    field: &'a Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fix: &'a Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    amount_at_risk: &'a Option<chartlint::Money>,
    source: &'a str,
}

impl<'a> SignView<'a> {
    fn of(r: &'a chartlint::Report) -> Self {
        SignView {
            schema_version: r.schema_version,
            note_id: &r.note_id,
            ready_to_sign: r.ready_to_sign,
            findings: r
                .findings
                .iter()
                .map(|f| FindingView {
                    rule: f.rule,
                    severity: f.severity,
                    message: &f.message,
                    span: f.span,
                    field: &f.field,
                    fix: &f.fix,
                    amount_at_risk: &f.amount_at_risk,
                    source: f.source,
                })
                .collect(),
            billing: &r.billing,
            evaluation: &r.evaluation,
            elements: &r.elements,
            provenance: &r.provenance,
        }
    }
}

fn draft(checker: &Checker, note: &Value, what: &str) -> chartlint::Report {
    checker
        .check_value_with(note, &CheckOptions::stage(Stage::Draft))
        .unwrap_or_else(|e| panic!("{what}: {e}"))
}

/// One note's drafting digest: findings while drafting with their fingerprints and edits,
/// and the checklist items not done.
fn digest(out: &mut String, name: &str, r: &chartlint::Report) {
    writeln!(out, "## {name} (ready to sign: {})", r.ready_to_sign).unwrap();
    for f in &r.findings {
        writeln!(
            out,
            "- {} {} {}",
            f.fingerprint,
            f.severity.as_str(),
            f.rule
        )
        .unwrap();
        for e in &f.edits {
            writeln!(out, "    {}: {}", e.applicability.as_str(), e.title).unwrap();
        }
    }
    for i in r.checklist.iter().filter(|i| i.required && !i.done) {
        let edits: Vec<&str> = i.edits.iter().map(|e| e.applicability.as_str()).collect();
        writeln!(out, "- todo {} ({}) {:?}", i.label, i.rule, edits).unwrap();
    }
}

fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_prepend_module_to_snapshot(false);
    s.set_omit_expression(true);
    s
}

#[test]
fn demo_samples() {
    let samples: Value =
        serde_json::from_str(&fs::read_to_string("www/src/samples.json").unwrap()).unwrap();
    let samples = samples.as_array().unwrap();
    assert!(samples.len() >= 10, "{} samples", samples.len());
    let checker = Checker::with_defaults();
    settings().bind(|| {
        for s in samples {
            let key = s["key"].as_str().unwrap();
            insta::assert_snapshot!(
                format!("sample-{key}"),
                report_json(&checker, &s["note"], key)
            );
            insta::assert_snapshot!(
                format!("draft-{key}"),
                serde_json::to_string_pretty(&draft(&checker, &s["note"], key)).unwrap()
            );
        }
    });
}

#[test]
fn corpus_notes() {
    let mut files: Vec<_> = fs::read_dir("tests/corpus")
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(files.len() >= 100, "{} corpus notes", files.len());
    let checker = Checker::with_defaults();
    let mut drafting = String::new();
    settings().bind(|| {
        for path in &files {
            let stem = path.file_stem().unwrap().to_str().unwrap();
            let doc: Value = serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap();
            insta::assert_snapshot!(
                format!("corpus-{stem}"),
                report_json(&checker, &doc["note"], stem)
            );
            digest(&mut drafting, stem, &draft(&checker, &doc["note"], stem));
        }
        insta::assert_snapshot!("corpus-drafting", drafting);
    });
}

/// The rule catalogue `rules()` returns: ids, docs and sources as users read them.
#[test]
fn rule_catalogue() {
    let json = serde_json::to_string_pretty(&chartlint::rules()).unwrap();
    settings().bind(|| insta::assert_snapshot!("rules", json));
}

/// An episode of care (tests/fixtures/episode-sample.json: the second episode of the demo's
/// example files): the EpisodeReport without the notes' own reports (those are the notes'
/// business), so a change of the timeline, the goal table or an episode finding shows up.
#[test]
fn episode_report() {
    let notes: Value =
        serde_json::from_str(&fs::read_to_string("tests/fixtures/episode-sample.json").unwrap())
            .unwrap();
    let report = Checker::with_defaults()
        .check_episode_value(&notes)
        .unwrap();
    let mut json = serde_json::to_value(&report).unwrap();
    for n in json["notes"].as_array_mut().unwrap() {
        let ready = n["report"]["readyToSign"].clone();
        n.as_object_mut().unwrap().remove("report");
        n["ownReportReadyToSign"] = ready;
    }
    settings().bind(|| {
        insta::assert_snapshot!(
            "episode-sample",
            serde_json::to_string_pretty(&json).unwrap()
        )
    });
}
