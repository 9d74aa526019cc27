//! Checks note JSON files from the command line and prints each report as JSON.
//!
//! ```sh
//! cargo run --example check -- note.json [more.json …] [--config config.json]
//! ```
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut config = serde_json::Value::Null;
    let mut notes = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--config" {
            let Some(path) = it.next() else {
                eprintln!("--config needs a file");
                return ExitCode::FAILURE;
            };
            match std::fs::read_to_string(path)
                .map_err(|e| e.to_string())
                .and_then(|t| {
                    chartlint::testing::parse_json(&t, "config").map_err(|e| e.to_string())
                }) {
                Ok(v) => config = v,
                Err(e) => {
                    eprintln!("{path}: {e}");
                    return ExitCode::FAILURE;
                }
            }
        } else {
            notes.push(a.clone());
        }
    }
    let checker = match chartlint::Checker::new(&config) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("config: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut status = ExitCode::SUCCESS;
    for path in notes {
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{path}: {e}");
                status = ExitCode::FAILURE;
                continue;
            }
        };
        match checker.check_json(&text) {
            Ok(report) => println!(
                "{}",
                serde_json::to_string_pretty(&report).unwrap_or_default()
            ),
            Err(e) => {
                eprintln!("{path}: {e}");
                status = ExitCode::FAILURE;
            }
        }
    }
    status
}
