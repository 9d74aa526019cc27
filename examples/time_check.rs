//! Median time to check a 3 KB and a 30 KB note natively, and to build a `Checker`.
//!
//! `cargo run --release --example time_check` (numbers in debug builds are much slower).

#![allow(clippy::disallowed_methods)] // a benchmark: it sorts its timings directly

use std::time::{Duration, Instant};

const PARAGRAPH: &str = "S: Pt reports R knee pain 3/10 after stairs this morning, down from 5/10 last week. Able to walk to mailbox without stopping; Señora Núñez 😀 notes less stiffness.\nO: R knee flexion AROM 105 deg (was 95 deg on 2/24). Quad strength 4-/5. Ascended 8 stairs with 1 rail, step-to pattern, CGA. LEFS 52/80 (was 38/80 at eval).\nTherapeutic exercise 25 min: quad sets, SAQ, step-ups 4 in box 3x10 with verbal and tactile cues to keep knee over 2nd toe; progressed step height from 2 in after correct form x10.\nManual therapy 15 min: grade III tibiofemoral mobilization to improve flexion ROM, followed by remeasure 108 deg.\nA: Pt progressing toward LTG of reciprocal stair negotiation; flexion ROM improved 13 deg since eval. Continued deficits in quad control limit safe community stair use, placing pt at fall risk. Pt tolerated treatment well.\nGoals:\n1. Ascend 12 stairs with 1 rail, modified independent, in 4 weeks.\n2. Improve strength.\nResponse: HR 96 after step-ups, pain 3/10 unchanged after session, no adverse reaction.\nP: Next visit progress step-ups to 6 in box and begin reciprocal stair training with 1 rail; update HEP with eccentric step-downs. Continue per POC.\n";

fn note_json(bytes: usize) -> String {
    let mut text = String::new();
    while text.len() < bytes {
        text.push_str(PARAGRAPH);
    }
    text.push_str(
        "Total timed minutes: 40. Total treatment time: 40 min.\nDana Lee, PT, DPT 03/10/2025",
    );
    serde_json::json!({
        "discipline": "PT", "noteType": "progress", "dateOfService": "2025-03-10",
        "payer": {"kind": "medicare"}, "provider": {"role": "PT"},
        "lines": [{"code": "97110", "minutes": 25, "units": 2, "modifiers": ["GP"]}, {"code": "97140", "minutes": 15, "units": 1, "modifiers": ["GP"]}],
        "totalTimedMinutes": 40, "totalTreatmentMinutes": 40, "text": text
    })
    .to_string()
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v.get(v.len() / 2).copied().unwrap_or_default()
}

fn main() {
    let t = Instant::now();
    let checker = chartlint::Checker::with_defaults();
    println!(
        "Checker::with_defaults (patterns compiled): {:?}",
        t.elapsed()
    );
    for size in [3_000, 30_000] {
        let json = note_json(size);
        let note = match chartlint::Note::from_json(&json) {
            Ok(n) => n,
            Err(e) => {
                eprintln!("{e}");
                return;
            }
        };
        let runs = if size > 10_000 { 50 } else { 200 };
        let mut times = Vec::with_capacity(runs);
        let mut findings = 0;
        for _ in 0..runs {
            let t = Instant::now();
            let r = checker.check(&note);
            times.push(t.elapsed());
            findings = r.findings.len();
        }
        let mut json_times = Vec::with_capacity(runs);
        for _ in 0..runs {
            let t = Instant::now();
            let _ = checker.check_json(&json);
            json_times.push(t.elapsed());
        }
        let setting = chartlint::testing::reader_setting(&note);
        let mut scan_times = Vec::with_capacity(runs);
        for _ in 0..runs {
            let t = Instant::now();
            let _ = chartlint::testing::read(&note.text, setting);
            scan_times.push(t.elapsed());
        }
        println!(
            "{:>6} bytes of text: median text scan alone {:?}",
            note.text.len(),
            median(scan_times)
        );
        println!(
            "{:>6} bytes of text: median check {:?}, with JSON parse {:?} ({} findings, {runs} runs)",
            note.text.len(),
            median(times),
            median(json_times),
            findings
        );
    }
}
