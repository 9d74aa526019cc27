//! Native benchmark over the fixed corpus (tests/bench/*.json). Reports, never asserts:
//! per-note median time of `Checker::check_json` (parse + validate + check + report), the
//! median of `Checker::check` on an already-parsed note, batch throughput in notes/second
//! over the three notes in turn, and the cold start (building the `Checker`, compiling its
//! patterns, and the first check). Also the episode of 40 notes (tests/bench/episode-40.json):
//! `check_episode_json` on the whole episode against `check_json` on its 40 notes one by one.
//! Prints one JSON object for scripts/bench.sh.
//!
//! Run: `cargo run --release --example bench` (optimized; debug numbers mean nothing).

#![allow(
    clippy::disallowed_methods, // tests sort directly; the crate sorts through src/sort.rs
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use chartlint::{Checker, Note};
use std::time::{Duration, Instant};

const EPISODE: &str = include_str!("../tests/bench/episode-40.json");

const NOTES: [(&str, &str); 3] = [
    ("short", include_str!("../tests/bench/short.json")),
    ("typical", include_str!("../tests/bench/typical.json")),
    ("long", include_str!("../tests/bench/long.json")),
];

#[inline(never)]
fn profile_loop(checker: &Checker, json: &str, n: usize) {
    for _ in 0..n {
        std::hint::black_box(checker.check_json(std::hint::black_box(json)).ok());
    }
}

/// Median of `runs` timings, each the mean of `batch` calls, in microseconds.
fn median_us(runs: usize, batch: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            for _ in 0..batch {
                f();
            }
            t.elapsed() / batch as u32
        })
        .collect();
    times.sort();
    times[times.len() / 2].as_secs_f64() * 1e6
}

fn main() {
    // `BENCH_PROFILE=long cargo run --release --example bench` only checks that note in a
    // loop (for valgrind --tool=callgrind or perf).
    if let Ok(name) = std::env::var("BENCH_PROFILE") {
        // `episode` / `episode-singles`: the episode at once, or its notes one by one.
        if name.starts_with("episode") {
            let checker = Checker::with_defaults();
            let n: usize = std::env::var("BENCH_N")
                .ok()
                .and_then(|s| s.parse().ok())
                .unwrap_or(10);
            let notes: Vec<serde_json::Value> = serde_json::from_str(EPISODE).expect("episode");
            let singles: Vec<String> = notes.iter().map(|n| n.to_string()).collect();
            std::hint::black_box(checker.check_json(&singles[0]).ok());
            for _ in 0..n {
                if name == "episode" {
                    std::hint::black_box(checker.check_episode_json(EPISODE).ok());
                } else {
                    for s in &singles {
                        std::hint::black_box(checker.check_json(s).ok());
                    }
                }
            }
            return;
        }
        let owned;
        let json = match NOTES.iter().find(|(n, _)| *n == name) {
            Some((_, j)) => *j,
            None => {
                owned =
                    std::fs::read_to_string(&name).expect("short, typical, long or a note file");
                owned.as_str()
            }
        };
        let checker = Checker::with_defaults();
        let n: usize = std::env::var("BENCH_N")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(1000);
        // One check first (patterns compiled lazily), then the loop alone:
        // valgrind --tool=callgrind --toggle-collect=bench::profile_loop ...
        std::hint::black_box(checker.check_json(json).ok());
        profile_loop(&checker, json, n);
        return;
    }
    let budget: f64 = std::env::var("BENCH_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1.0);

    let t = Instant::now();
    let checker = Checker::with_defaults();
    let first = checker.check_json(NOTES[1].1).map(|r| r.findings.len());
    let cold_ms = t.elapsed().as_secs_f64() * 1e3;
    assert!(first.is_ok(), "the typical note is valid");

    let mut rows = Vec::new();
    for (name, json) in NOTES {
        let note = Note::from_json(json).expect("bench note is valid");
        // Size the batch to about 1 ms per timing, and the runs to the budget.
        let probe = Instant::now();
        let _ = checker.check_json(json);
        let one = probe.elapsed().as_secs_f64().max(1e-7);
        let batch = ((1e-3 / one) as usize).clamp(1, 10_000);
        let runs = ((budget / 3.0 / (one * batch as f64)) as usize).clamp(11, 2001);
        let full = median_us(runs, batch, || {
            std::hint::black_box(checker.check_json(std::hint::black_box(json)).ok());
        });
        let check_only = median_us(runs, batch, || {
            std::hint::black_box(checker.check(std::hint::black_box(&note)));
        });
        rows.push(format!(
            "\"{name}\": {{\"bytes\": {}, \"median_us\": {full:.2}, \"check_only_us\": {check_only:.2}}}",
            json.len()
        ));
    }

    // Batch audit: the three notes in turn, as many as fit in the budget.
    let t = Instant::now();
    let mut n = 0u64;
    while t.elapsed().as_secs_f64() < budget / 3.0 {
        for (_, json) in NOTES {
            std::hint::black_box(checker.check_json(json).ok());
            n += 1;
        }
    }
    let per_s = n as f64 / t.elapsed().as_secs_f64();

    // The episode: all its notes at once, against the same notes one by one.
    let episode: Vec<serde_json::Value> = serde_json::from_str(EPISODE).expect("episode JSON");
    let singles: Vec<String> = episode.iter().map(|n| n.to_string()).collect();
    let probe = Instant::now();
    let report = checker
        .check_episode_json(EPISODE)
        .expect("the episode is valid");
    let one = probe.elapsed().as_secs_f64().max(1e-6);
    assert!(report.notes.iter().all(|n| n.report.is_some()));
    // Timed in alternation (one of each per round), so a busy machine slows both alike.
    let runs = ((budget / 2.0 / (2.0 * one)) as usize).clamp(11, 501);
    let (mut te, mut ts) = (Vec::with_capacity(runs), Vec::with_capacity(runs));
    for _ in 0..runs {
        let t = Instant::now();
        std::hint::black_box(
            checker
                .check_episode_json(std::hint::black_box(EPISODE))
                .ok(),
        );
        te.push(t.elapsed());
        let t = Instant::now();
        for s in &singles {
            std::hint::black_box(checker.check_json(std::hint::black_box(s)).ok());
        }
        ts.push(t.elapsed());
    }
    te.sort();
    ts.sort();
    let episode_us = te[runs / 2].as_secs_f64() * 1e6;
    let singles_us = ts[runs / 2].as_secs_f64() * 1e6;
    println!(
        "{{\"env\": \"native\", {}, \"batch_notes_per_s\": {per_s:.0}, \"cold_start_ms\": {cold_ms:.3}, \"episode\": {{\"notes\": {}, \"episode_us\": {episode_us:.1}, \"one_by_one_us\": {singles_us:.1}}}}}",
        rows.join(", "),
        singles.len()
    );
}
