//! User-facing text cites public documents only: no finding, no rule doc returned by
//! `rules()`, no file of the demo and no file shipped in the package names an internal file
//! (`shared/…`, a source file, a path of a developer's machine). Therapists see sources in
//! tooltips and auditors in CSV exports; neither can open this repository's files.
#![allow(
    clippy::disallowed_methods, // tests sort directly; the crate sorts through src/sort.rs
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use chartlint::Checker;
use serde_json::Value;
use std::fs;
use std::path::Path;

/// Text that points at a file users cannot open.
const INTERNAL: &[&str] = &[
    "shared/",
    "/work/",
    "/tmp/",
    "src/",
    "tests/",
    ".rs ",
    ".rs)",
    ".rs,",
    "policy §",
    "policy/README",
];

fn internal_in(text: &str) -> Option<&'static str> {
    INTERNAL.iter().copied().find(|p| text.contains(p))
}

fn notes() -> Vec<(String, Value)> {
    let mut out = Vec::new();
    let samples: Value =
        serde_json::from_str(&fs::read_to_string("www/src/samples.json").unwrap()).unwrap();
    for s in samples.as_array().unwrap() {
        out.push((format!("sample {}", s["key"]), s["note"].clone()));
    }
    let mut files: Vec<_> = fs::read_dir("tests/corpus")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    for p in files {
        let doc: Value = serde_json::from_str(&fs::read_to_string(&p).unwrap()).unwrap();
        out.push((p.display().to_string(), doc["note"].clone()));
    }
    for r in chartlint::rules() {
        for (heading, block) in [("Example", &r.example), ("Passes", &r.passes)] {
            let Some(start) = block.find("```json") else {
                continue;
            };
            let rest = block.get(start + 7..).unwrap();
            let json = rest.get(..rest.find("```").unwrap()).unwrap();
            let patch: Value = serde_json::from_str(json).unwrap();
            // An episode rule's example is an episode: its notes are checked as one.
            let note = if patch.is_array() {
                common::episode_notes(&patch)
            } else {
                common::with(patch)
            };
            out.push((format!("{} {heading}", r.id), note));
        }
    }
    out
}

#[test]
fn findings_cite_public_documents_only() {
    let checker = Checker::with_defaults();
    let mut seen = std::collections::BTreeSet::new();
    for (name, note) in notes() {
        if note.is_array() {
            let episode = checker.check_episode_value(&note).unwrap();
            for f in episode.findings.iter().map(|f| &f.finding).chain(
                episode
                    .notes
                    .iter()
                    .filter_map(|n| n.report.as_ref())
                    .flat_map(|r| &r.findings),
            ) {
                seen.insert(f.rule);
                for text in [Some(f.message.as_str()), f.fix.as_deref(), Some(f.source)] {
                    if let Some(p) = text.and_then(internal_in) {
                        panic!("{name}: {} names {p:?}: {text:?}", f.rule);
                    }
                }
            }
            continue;
        }
        let report = checker.check_value(&note).unwrap();
        for f in &report.findings {
            seen.insert(f.rule);
            for (what, text) in [
                ("message", Some(f.message.as_str())),
                ("fix", f.fix.as_deref()),
                ("source", Some(f.source)),
            ] {
                if let Some(p) = text.and_then(internal_in) {
                    panic!("{name}: {} {what} names {p:?}: {text:?}", f.rule);
                }
            }
        }
        if let Some(e) = &report.evaluation {
            assert!(internal_in(&e.summary).is_none(), "{name}: {}", e.summary);
            for c in &e.components {
                assert!(
                    internal_in(&c.explanation).is_none(),
                    "{name}: {}",
                    c.explanation
                );
            }
        }
    }
    // Every rule fired somewhere (its documented example at least).
    assert_eq!(seen.len(), chartlint::rules().len());
}

#[test]
fn rule_docs_cite_public_documents_only() {
    for r in chartlint::rules() {
        let json = serde_json::to_string(&r).unwrap();
        if let Some(p) = internal_in(&json) {
            panic!("{}: rules() names {p:?}", r.id);
        }
        assert!(
            !r.references.is_empty(),
            "{}: no structured references",
            r.id
        );
        for c in r.references {
            assert!(!c.document.is_empty(), "{}", r.id);
            if let Some(url) = c.url {
                assert!(
                    url.starts_with("https://") || url.starts_with("http://"),
                    "{url}"
                );
            }
        }
    }
}

fn files_under(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            files_under(&p, out);
        } else {
            out.push(p);
        }
    }
}

#[test]
fn the_demo_and_the_package_files_name_no_internal_file() {
    let mut files = Vec::new();
    files_under(Path::new("www/src"), &mut files);
    files.push("www/index.html".into());
    files.push("pkg-config/README.md".into());
    files.push("pkg-config/types.d.ts".into());
    files.push("pkg-config/report.d.ts".into());
    files_under(Path::new("pkg-config/src"), &mut files);
    for f in [
        "api.d.ts",
        "worker.d.ts",
        "worker-script.d.ts",
        "editing.d.ts",
        "codemirror.d.ts",
        "prosemirror.d.ts",
        "textarea.d.ts",
    ] {
        files.push(Path::new("pkg-config").join(f));
    }
    for f in files {
        let text = fs::read_to_string(&f).unwrap();
        for p in ["shared/", "/work/", "/tmp/"] {
            assert!(!text.contains(p), "{} names {p:?}", f.display());
        }
    }
}
