//! # chartlint
//!
//! Checks a physical, occupational or speech therapy note **before it is signed**: the
//! minutes against the billed units (Medicare's 8-minute rule or the Rule of Eights), the
//! documentation elements payers require, the evaluation complexity code, the modifiers and
//! the money at stake. It runs in the therapist's browser as WebAssembly, offline; this
//! crate is also a plain Rust library.
//!
//! ```
//! let checker = chartlint::Checker::new(&serde_json::Value::Null).unwrap();
//! let report = checker.check_json(r#"{
//!   "discipline": "PT", "noteType": "daily", "dateOfService": "2025-03-10",
//!   "payer": {"kind": "medicare"}, "provider": {"role": "PT"},
//!   "lines": [{"code": "97110", "minutes": 20, "units": 2, "modifiers": ["GP"]}],
//!   "text": ""
//! }"#).unwrap();
//! assert!(report.has("units/over-billed"));
//! assert!(!report.ready_to_sign);
//! ```
//!
//! ## Design
//!
//! Data flows one way: Note (JSON) → parse and validate ([`note`]) → facts (units from
//! [`units`], text facts from [`text`], payment from [`payment`]) → rules ([`rules`], one
//! folder per family) → [`Report`]. The WASM boundary is the one module `wasm`; nothing else
//! knows JavaScript.
//!
//! ## Untrusted input
//!
//! Notes come from editors nobody controls. Every field is validated with its path in the
//! error ([`InputError`]); sizes are bounded ([`note::LIMITS`]); nothing in `src/` may panic
//! (clippy's `unwrap_used`, `expect_used`, `indexing_slicing`, `string_slice` and `panic` are
//! denied); spans are byte ranges inside Rust, converted to UTF-16 once per report.

pub mod config;
pub mod date;
mod episode;
pub mod error;
pub mod input;
pub mod note;
pub mod payment;
pub mod policy;
pub mod report;
pub mod rules;
pub mod span;
pub mod text;
pub mod units;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use config::Config;
pub use episode::report::{
    EpisodeFinding, EpisodeNote, EpisodeReport, GoalRow, NoteRef, Timeline, TimelineEntry,
};
pub use episode::{MAX_EPISODE_JSON_BYTES, MAX_EPISODE_NOTES};
pub use error::InputError;
pub use note::Note;
pub use report::{Finding, Report};
pub use rules::Severity;

use serde_json::Value;

/// The crate version, as `version()` returns it.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Largest note accepted, as JSON text (a 1 MiB `text` and its fields).
pub const MAX_JSON_BYTES: usize = 2 << 20;

/// Largest config accepted, as JSON text: a config may carry whole CMS files (the PFS
/// relative value file is about 4 MB, the PTP edit tables and ICD-10-CM lists more).
pub const MAX_CONFIG_JSON_BYTES: usize = 64 << 20;

/// Parses a note's JSON text with the note's size bound ([`MAX_JSON_BYTES`]); `what` names
/// the document in errors. Over the bound, the error names the field that makes it large
/// (`text: …`) when one top-level field holds most of it.
pub fn parse_json(json: &str, what: &str) -> Result<Value, InputError> {
    parse_json_max(json, what, MAX_JSON_BYTES)
}

/// Parses a config's JSON text ([`MAX_CONFIG_JSON_BYTES`]).
pub fn parse_config_json(json: &str) -> Result<Value, InputError> {
    parse_json_max(json, "config", MAX_CONFIG_JSON_BYTES)
}

/// Parses JSON text of at most `max` bytes; `what` names the document in errors.
pub fn parse_json_max(json: &str, what: &str, max: usize) -> Result<Value, InputError> {
    if json.len() > max {
        let (path, field) = match largest_field(json) {
            Some((key, len)) if len > json.len() / 2 => (
                key.clone(),
                format!(" ({key} alone is {len} bytes of JSON)"),
            ),
            _ => (String::new(), String::new()),
        };
        return Err(InputError::new(
            path,
            format!(
                "the {what} is {} bytes of JSON{field}; at most {max} are accepted",
                json.len()
            ),
        ));
    }
    serde_json::from_str(json)
        .map_err(|e| InputError::new("", format!("the {what} is not valid JSON ({e})")))
}

/// The largest top-level field of a JSON object and its size in bytes of JSON text, read
/// without building the values (only for the error of an oversized document).
fn largest_field(json: &str) -> Option<(String, usize)> {
    let fields: std::collections::HashMap<String, &serde_json::value::RawValue> =
        serde_json::from_str(json).ok()?;
    fields
        .into_iter()
        .map(|(k, v)| (k, v.get().len()))
        .max_by_key(|&(_, len)| len)
}

/// A configured checker. Build it once (the config is validated and the text patterns are
/// compiled here) and call [`Checker::check`] on every keystroke.
pub struct Checker {
    config: Config,
    scanner: &'static text::TextScanner,
}

impl Checker {
    /// Validates `config` (`null` for the defaults).
    pub fn new(config: &Value) -> Result<Checker, InputError> {
        Ok(Checker {
            config: Config::from_value(config)?,
            scanner: text::TextScanner::shared(),
        })
    }

    /// A checker with the built-in payer packs and every rule on.
    pub fn with_defaults() -> Checker {
        Checker {
            config: Config::default(),
            scanner: text::TextScanner::shared(),
        }
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Checks a note given as JSON text.
    pub fn check_json(&self, note: &str) -> Result<Report, InputError> {
        Ok(self.check(&Note::from_value_owned(parse_json(note, "note")?)?))
    }

    /// Checks a note given as a JSON value.
    pub fn check_value(&self, note: &Value) -> Result<Report, InputError> {
        Ok(self.check(&Note::from_value(note)?))
    }

    /// Checks the notes of one episode of care (one patient, one discipline, one plan of
    /// care), given as a JSON array in any order: each note's own report (with the fields
    /// the episode derives), the episode's findings, a timeline and a goal table.
    ///
    /// Returns an error when the episode as a whole cannot be checked (not an array, more
    /// than [`MAX_EPISODE_NOTES`] notes, notes of different disciplines, patients or
    /// episodes, two notes with one id); a note that fails validation is reported in its
    /// place (`notes[3].lines[0].units: …`) and the rest are checked.
    pub fn check_episode_json(&self, notes: &str) -> Result<EpisodeReport, InputError> {
        let v = parse_json_max(notes, "episode", MAX_EPISODE_JSON_BYTES)?;
        self.check_episode_value(&v)
    }

    /// [`Checker::check_episode_json`] for an array already parsed.
    pub fn check_episode_value(&self, notes: &Value) -> Result<EpisodeReport, InputError> {
        let parsed = episode::parse(notes)?;
        Ok(episode::check::run(self, parsed))
    }

    /// Checks a validated note.
    pub fn check(&self, note: &Note) -> Report {
        self.check_with_facts(note).0
    }

    /// Checks a validated note and hands back the text facts read on the way (the episode
    /// reads them rather than reading the text twice).
    pub(crate) fn check_with_facts(&self, note: &Note) -> (Report, text::TextFacts) {
        let payer = self.config.payer_rules(note.payer.kind);
        let unit_rule = note.payer.unit_rule.unwrap_or(payer.unit_rule);
        let units = units::compute(note, unit_rule);
        let payment = payment::Payment::compute(note, &self.config, &units);
        let ctx = rules::Context {
            note,
            config: &self.config,
            payer,
            units,
            text: self.scanner.scan(&note.text),
            eval: rules::eval::analyze(note),
            payment,
        };

        let mut out = rules::Findings::new(&self.config);
        rules::run(&ctx, &mut out);
        let mut findings = out.into_vec();

        // Spans to UTF-16, then a stable order: severity, then position in the text, then field.
        let index = span::Utf16Index::new(&note.text);
        for f in &mut findings {
            if let Some(s) = f.span {
                f.span = Some(index.span(s));
            }
        }
        findings.sort_by(|a, b| {
            a.severity
                .cmp(&b.severity)
                .then_with(|| a.span.cmp(&b.span))
                .then_with(|| a.field.cmp(&b.field))
        });

        let other_rule = match unit_rule {
            note::UnitRule::Cms8 => note::UnitRule::RuleOf8s,
            note::UnitRule::RuleOf8s => note::UnitRule::Cms8,
        };
        let other = units::compute(note, other_rule);
        let billing = report::Billing {
            unit_rule,
            total_timed_minutes: ctx.units.total_timed_minutes,
            timed_units_allowed: ctx.units.timed_units_allowed,
            timed_units_billed: ctx.units.timed_units_billed,
            lines: ctx
                .units
                .lines
                .iter()
                .enumerate()
                .map(|(i, l)| report::BillingLine {
                    units: l.clone(),
                    modifiers_required: rules::modifiers::required(&ctx, i),
                    expected_payment: ctx.payment.line(i),
                })
                .collect(),
            other_method: report::OtherMethod {
                unit_rule: other_rule,
                timed_units_allowed: other.timed_units_allowed,
                units_supported: other.lines.iter().map(|l| l.units_supported).collect(),
            },
            kx_required: ctx.payment.kx_required(),
            kx_threshold: ctx.payer.medicare_rules.then_some(match note.discipline {
                note::Discipline::OT => ctx.payment.year.kx_threshold_ot,
                _ => ctx.payment.year.kx_threshold_pt_slp,
            }),
            threshold: ctx
                .payment
                .threshold
                .as_ref()
                .map(|t| report::ThresholdReport {
                    bucket: match t.bucket {
                        payment::Bucket::PtSlp => "ptSlp",
                        payment::Bucket::Ot => "ot",
                    },
                    spent_before: t.before,
                    visit: t.visit,
                    spent_after: t.after,
                    kx_threshold: t.kx,
                    left_before_kx: t.kx - t.after,
                    review_threshold: t.review,
                }),
            expected_payment: ctx.payment.expected,
            payer_share: ctx.payment.payer_share,
            patient_share: ctx.payment.patient_share,
        };

        let report = Report {
            schema_version: report::SCHEMA_VERSION,
            note_id: note.id.clone(),
            patient_id: note.patient_id.clone(),
            episode_id: note.episode_id.clone(),
            ready_to_sign: !findings.iter().any(|f| f.severity == Severity::Error),
            findings,
            billing,
            evaluation: rules::eval::report(&ctx),
            elements: text::ElementsReport::build(
                &ctx.text,
                &note.text,
                |e| rules::elements::required(&ctx, e),
                rules::elements::signed_in_fields(note),
            ),
            provenance: report::Provenance {
                rule_pack: payer.name.clone(),
                payer_kind: note.payer.kind.as_str(),
                policy_year: ctx.payment.year.year,
                engine_version: VERSION,
            },
        };
        (report, ctx.text)
    }
}

/// One-shot convenience: check a note (JSON) with a config (JSON, or `null`).
pub fn check_note(note: &Value, config: &Value) -> Result<Report, InputError> {
    Checker::new(config)?.check_value(note)
}
