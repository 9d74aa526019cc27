//! Checks episodes of care from the command line: reads notes (a JSON array, or JSON Lines
//! with one note per line), groups them by `episodeId` (or `patientId` + discipline), runs
//! `check_episode` on each group and prints one JSON line per episode: its id, the episode
//! findings (rule, note id, severity) and each note's similarity to its closest earlier note.
//! With `--full`, prints each whole EpisodeReport instead.
//!
//! ```sh
//! cargo run --release --example episodes -- notes.jsonl [--config config.json] [--full]
//! ```
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut config = Value::Null;
    let mut path = None;
    let mut full = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--config" => {
                let Some(p) = it.next() else {
                    eprintln!("--config needs a file");
                    return ExitCode::FAILURE;
                };
                match std::fs::read_to_string(p)
                    .map_err(|e| e.to_string())
                    .and_then(|t| serde_json::from_str(&t).map_err(|e| e.to_string()))
                {
                    Ok(v) => config = v,
                    Err(e) => {
                        eprintln!("{p}: {e}");
                        return ExitCode::FAILURE;
                    }
                }
            }
            "--full" => full = true,
            other => path = Some(other.to_string()),
        }
    }
    let Some(path) = path else {
        eprintln!("usage: episodes NOTES.json|NOTES.jsonl [--config CONFIG.json] [--full]");
        return ExitCode::FAILURE;
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let notes: Vec<Value> = match serde_json::from_str::<Value>(&text) {
        Ok(Value::Array(a)) => a,
        _ => text
            .lines()
            .filter(|l| !l.trim().is_empty())
            .filter_map(|l| serde_json::from_str(l).ok())
            .collect(),
    };
    let checker = match chartlint::Checker::new(&config) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("config: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut groups: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    for n in notes {
        let s = |k: &str| n.get(k).and_then(Value::as_str).unwrap_or("").to_string();
        let key = if s("episodeId").is_empty() {
            format!("{}|{}", s("patientId"), s("discipline"))
        } else {
            s("episodeId")
        };
        groups.entry(key).or_default().push(n);
    }
    let mut status = ExitCode::SUCCESS;
    for (key, notes) in groups {
        match checker.check_episode_value(&Value::Array(notes)) {
            Ok(r) if full => println!("{}", serde_json::to_string(&r).unwrap_or_default()),
            Ok(r) => {
                let findings: Vec<Value> = r
                    .findings
                    .iter()
                    .map(|f| json!([f.finding.rule, f.note_id, f.finding.severity]))
                    .collect();
                let similarity: Vec<Value> = r
                    .timeline
                    .entries
                    .iter()
                    .map(|e| {
                        json!([
                            e.note_id,
                            e.note_type,
                            e.similarity.as_ref().map(|s| s.score),
                            e.similarity.as_ref().map(|s| s.note_id.clone())
                        ])
                    })
                    .collect();
                println!(
                    "{}",
                    json!({"episode": key, "findings": findings, "similarity": similarity})
                );
            }
            Err(e) => {
                eprintln!("{key}: {e}");
                status = ExitCode::FAILURE;
            }
        }
    }
    status
}
