//! Development aid: runs the reader natively over the team's real-note measurement material
//! (labels, notes and published statements kept outside the repository) and prints the same
//! figures as the team's measuring script, with every disagreement. Nothing of that material
//! is in the repository; when the folder is absent this prints a line and exits.
//!
//! Run: `cargo run --release --example real_notes -- [DIR] [--quiet]`
//! (DIR defaults to `../shared/real-notes`, or the `REAL_NOTES` environment variable).

#![allow(
    clippy::disallowed_methods, // a development aid: lower-cases with the standard library
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use chartlint::Checker;
use serde_json::{json, Value};
use std::path::PathBuf;

const EL: [&str; 7] = [
    "goals",
    "progress",
    "medicalNecessity",
    "skilledIntervention",
    "patientResponse",
    "plan",
    "outcomeMeasure",
];

fn norm(s: &str) -> String {
    s.to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn prefix(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

fn same_item(a: &str, b: &str) -> bool {
    let (a, b) = (norm(a), norm(b));
    a.contains(&prefix(&b, 25)) || b.contains(&prefix(&a, 25))
}

fn slice16(text: &str, start: usize, end: usize) -> String {
    let u: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16_lossy(u.get(start..end.min(u.len())).unwrap_or(&[]))
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let quiet = args.iter().any(|a| a == "--quiet");
    let dir = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .cloned()
        .or_else(|| std::env::var("REAL_NOTES").ok())
        .unwrap_or_else(|| "../shared/real-notes".into());
    let dir = PathBuf::from(dir);
    let Ok(labels) = std::fs::read_to_string(dir.join("labels.json")) else {
        println!("real notes: {} not found, skipped", dir.display());
        return;
    };
    let labels: Vec<Value> = serde_json::from_str(&labels).unwrap();
    let checker = Checker::with_defaults();
    let mut stats = vec![(0, 0, 0, 0, Vec::new(), Vec::new()); EL.len()];
    let mut goal_items = (0, Vec::new(), Vec::new());
    let mut flag_items = (0, Vec::new(), Vec::new());
    let mut levels = Vec::new();
    for lab in &labels {
        let file = lab["file"].as_str().unwrap();
        let base = file.trim_end_matches(".txt");
        let meta: Value = serde_json::from_str(
            &std::fs::read_to_string(dir.join("notes").join(format!("{base}.json"))).unwrap(),
        )
        .unwrap();
        let text = std::fs::read_to_string(dir.join("notes").join(file)).unwrap();
        let mut note = meta["note"].clone();
        note["text"] = json!(text);
        let r = match checker.check_value(&note) {
            Ok(r) => r,
            Err(e) => {
                println!("{base}: rejected: {e}");
                continue;
            }
        };
        let rv = serde_json::to_value(&r).unwrap();
        for (i, e) in EL.iter().enumerate() {
            let got = rv["elements"][e]["found"].as_bool().unwrap_or(false);
            let want = lab["elements"][e].as_bool().unwrap_or(false);
            let s = &mut stats[i];
            match (got, want) {
                (true, true) => s.0 += 1,
                (true, false) => {
                    s.1 += 1;
                    s.5.push(base.to_string())
                }
                (false, true) => {
                    s.2 += 1;
                    s.4.push(base.to_string())
                }
                (false, false) => s.3 += 1,
            }
        }
        if let Some(code) = lab["evaluationComplexity"]["code"].as_str() {
            let mut n2 = note.clone();
            n2["lines"] = json!([{"code": code, "units": 1, "modifiers": []}]);
            let r2 = checker.check_value(&n2).unwrap();
            let got = r2
                .evaluation
                .as_ref()
                .and_then(|e| e.supported_code.clone());
            let comps: Vec<String> = r2
                .evaluation
                .as_ref()
                .map(|e| {
                    e.components
                        .iter()
                        .map(|c| format!("{}={:?}/{:?}", c.name, c.value, c.level))
                        .collect()
                })
                .unwrap_or_default();
            levels.push((base.to_string(), code.to_string(), got, comps));
        }
        let spans = |rule: &str| -> Vec<String> {
            r.findings
                .iter()
                .filter(|f| f.rule == rule)
                .filter_map(|f| f.span)
                .map(|s| slice16(&text, s.start, s.end))
                .collect()
        };
        for (items, rule, key) in [
            (
                &mut goal_items,
                "elements/goals-not-measurable",
                "goalsNotMeasurable",
            ),
            (&mut flag_items, "elements/red-flag-phrase", "redFlags"),
        ] {
            let wanted: Vec<String> = lab["elements"][key]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|x| x.as_str().map(String::from))
                        .collect()
                })
                .unwrap_or_default();
            let got = spans(rule);
            for g in &got {
                if wanted.iter().any(|w| same_item(g, w)) {
                    items.0 += 1;
                } else {
                    items.1.push(format!("{base}: {}", prefix(g, 100)));
                }
            }
            for w in &wanted {
                if !got.iter().any(|g| same_item(g, w)) {
                    items.2.push(format!("{base}: {}", prefix(w, 100)));
                }
            }
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    println!("element               agreement  missing-alarm P  R");
    let (mut agree, mut all, mut worst_p, mut worst_r) = (0, 0, 1.0f64, 1.0f64);
    for (i, e) in EL.iter().enumerate() {
        let s = &stats[i];
        let n = s.0 + s.1 + s.2 + s.3;
        let p = ratio(s.3, s.3 + s.2);
        let rc = ratio(s.3, s.3 + s.1);
        agree += s.0 + s.3;
        all += n;
        worst_p = worst_p.min(p);
        worst_r = worst_r.min(rc);
        println!("{e:<22}{:>9.2}  {p:>15.2}  {rc:.2}", ratio(s.0 + s.3, n));
        if !quiet && (!s.4.is_empty() || !s.5.is_empty()) {
            println!(
                "    not found though present: {}\n    found though absent: {}",
                s.4.join(" "),
                s.5.join(" ")
            );
        }
    }
    let pr = |t: &(usize, Vec<String>, Vec<String>)| {
        (ratio(t.0, t.0 + t.1.len()), ratio(t.0, t.0 + t.2.len()))
    };
    let (gp, gr) = pr(&goal_items);
    let (rp, rr) = pr(&flag_items);
    println!("goals-not-measurable  precision {gp:.2} recall {gr:.2}");
    println!("red-flag-phrase       precision {rp:.2} recall {rr:.2}");
    if !quiet {
        for (k, t) in [("goal", &goal_items), ("redFlag", &flag_items)] {
            for w in &t.1 {
                println!("  {k} flagged, reviewer disagrees: {w}");
            }
            for w in &t.2 {
                println!("  {k} the reviewer flags, not found: {w}");
            }
        }
    }
    let level = |c: &str| match c {
        "97161" | "97165" => 1i32,
        "97162" | "97166" => 2,
        _ => 3,
    };
    let exact = levels
        .iter()
        .filter(|(_, w, g, _)| g.as_deref() == Some(w.as_str()))
        .count();
    let near = levels
        .iter()
        .filter(|(_, w, g, _)| {
            g.as_deref()
                .is_some_and(|g| (level(g) - level(w)).abs() <= 1)
        })
        .count();
    println!(
        "evaluation level: {exact}/{} as the reviewer, {near}/{} within one",
        levels.len(),
        levels.len()
    );
    if !quiet {
        for (b, w, g, comps) in &levels {
            println!(
                "    {b}: reviewer {w}, checker {}; {}",
                g.as_deref().unwrap_or("none"),
                comps.join(" ")
            );
        }
    }

    // Published statements.
    let mut ex_agree = 0;
    let mut ex_n = 0;
    let mut dis = Vec::new();
    if let Ok(lines) = std::fs::read_to_string(dir.join("examples.jsonl")) {
        for line in lines.lines().filter(|l| !l.trim().is_empty()) {
            let ex: Value = serde_json::from_str(line).unwrap();
            let kind = ex["kind"].as_str().unwrap_or("");
            let label = ex["label"].as_str().unwrap_or("");
            let text = ex["text"].as_str().unwrap_or("");
            let (disc, code, m, cred) = match ex["discipline"].as_str() {
                Some("OT") => ("OT", "97530", "GO", "OTR/L"),
                Some("SLP") => ("SLP", "92507", "GN", "CCC-SLP"),
                _ => ("PT", "97110", "GP", "PT, DPT"),
            };
            let goal = kind == "goal";
            let note = json!({
                "discipline": disc,
                "noteType": if goal { "evaluation" } else if kind == "progress" { "progress" } else { "daily" },
                "dateOfService": "2026-03-10",
                "payer": {"kind": "medicare"},
                "provider": {"role": disc, "name": "A Reviewer", "credentials": cred},
                "diagnoses": ["M17.11"],
                "lines": if goal { json!([]) } else { json!([{"code": code, "minutes": 30, "units": if code == "92507" { 1 } else { 2 }, "modifiers": [m]}]) },
                "totalTimedMinutes": if goal || code == "92507" { 0 } else { 30 },
                "totalTreatmentMinutes": if goal { 0 } else { 30 },
                "text": if goal { format!("Goals:\n{text}\n") } else { format!("{text}\n") },
            });
            let r = checker.check_value(&note).unwrap();
            let rv = serde_json::to_value(&r).unwrap();
            let el = match kind {
                "skilled" => "skilledIntervention",
                "necessity" => "medicalNecessity",
                "response" => "patientResponse",
                "progress" => "progress",
                _ => "plan",
            };
            let says = if goal {
                if r.has("elements/goals-not-measurable")
                    || !rv["elements"]["goals"]["found"].as_bool().unwrap_or(false)
                {
                    "bad"
                } else {
                    "good"
                }
            } else if kind == "redflag" {
                if r.has("elements/red-flag-phrase") {
                    "bad"
                } else {
                    "good"
                }
            } else if rv["elements"][el]["found"].as_bool().unwrap_or(false) {
                "good"
            } else {
                "bad"
            };
            ex_n += 1;
            if says == label {
                ex_agree += 1;
            } else {
                dis.push(format!(
                    "{} {kind} ({label}): {}",
                    ex["id"].as_str().unwrap_or(""),
                    prefix(text, 100)
                ));
            }
        }
    }
    println!("published statements: {ex_agree}/{ex_n}");
    if !quiet {
        for d in &dis {
            println!("    {d}");
        }
    }
    println!(
        "summary: elements {:.2}; worst missing alarm P {worst_p:.2} R {worst_r:.2}; goals-not-measurable P {gp:.2} R {gr:.2}; red flags P {rp:.2} R {rr:.2}; examples {:.2}; evaluation within one {:.2}",
        ratio(agree, all),
        ratio(ex_agree, ex_n),
        ratio(near, levels.len())
    );
}
