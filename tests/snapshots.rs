//! Snapshots of whole reports: every sample note of the demo (`www/src/samples.json`) and
//! every note of the corpus (`tests/corpus/*.json`), checked with the default config, as
//! pretty JSON. A change of any report shows up as a diff of `tests/snapshots/*.snap` for a
//! reviewer to read.
//!
//! After an intended change (or a new corpus note): `INSTA_UPDATE=always cargo test --test
//! snapshots`, then read `git diff tests/snapshots/` before committing.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use chartlint::Checker;
use serde_json::Value;
use std::fs;

fn report_json(checker: &Checker, note: &Value, what: &str) -> String {
    let report = checker
        .check_value(note)
        .unwrap_or_else(|e| panic!("{what}: {e}"));
    serde_json::to_string_pretty(&report).unwrap()
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
    settings().bind(|| {
        for path in &files {
            let stem = path.file_stem().unwrap().to_str().unwrap();
            let doc: Value = serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap();
            insta::assert_snapshot!(
                format!("corpus-{stem}"),
                report_json(&checker, &doc["note"], stem)
            );
        }
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
