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
//! Data flows one way: **Note** (JSON, parsed and validated with a field path in every
//! error) → **facts** (units under both methods, payment, modifier requirements and pair
//! edits, the evaluation analysis, the facts read from the text: computed once per check) →
//! **rules** (one folder per family, one file per rule, one table per family) → **Report**
//! (assembled in one place; byte ranges become UTF-16 spans there, once) → the WASM
//! boundary, the one module that knows JavaScript. `docs/architecture.md` has the module
//! map and where to add a rule, a fact or a payer field.
//!
//! ## Untrusted input
//!
//! Notes come from editors nobody controls. Every field is validated with its path in the
//! error ([`InputError`]); sizes are bounded ([`LIMITS`], [`MAX_JSON_BYTES`]); nothing in
//! `src/` may panic (clippy's `unwrap_used`, `expect_used`, `indexing_slicing`,
//! `string_slice` and `panic` are denied); spans are byte ranges inside Rust, converted to
//! UTF-16 once per report.
//!
//! ## Features
//!
//! * `testing`: a [`testing`] module with engine internals (the units engine, policy tables,
//!   the text scanner) for this crate's own tests. Not part of the stable API.
#![cfg_attr(not(feature = "testing"), deny(missing_docs))]
// PT, PTA, OT, OTA, SLP, SLPA are how therapists write the disciplines and roles.
#![allow(clippy::upper_case_acronyms)]

mod checker;
mod config;
mod date;
mod diagnostics;
mod edits;
mod error;
mod facts;
mod float;
mod input;
mod lower;
mod money;
mod note;
mod options;
mod policy;
mod report;
mod rules;
mod sort;
mod span;
mod text;
mod wire;

#[cfg(test)]
mod contract;
#[cfg(feature = "testing")]
pub mod testing;
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use checker::{check_note, Checker, MAX_EPISODE_JSON_BYTES};
pub use config::{Config, PayerRules};
pub use date::Date;
pub use diagnostics::{Citation, DismissalEffect, Finding, RuleDoc, RuleKind, Severity};
pub use edits::{
    apply_edit, replace_utf16, Applicability, Change, Edit, RemoveField, SetField, TextChange,
};
pub use error::InputError;
pub use facts::payment::Bucket;
pub use input::{MAX_CONFIG_JSON_BYTES, MAX_JSON_BYTES};
pub use money::Money;
pub use note::{
    ClinicalPresentation, Discipline, Episode, Evaluation, Level, Limits, Line, Note, NoteType,
    Payer, PayerKind, ProfileReview, Provider, Role, TaskModification, UnitRule, LIMITS,
    MAX_EPISODE_NOTES,
};
pub use options::{CheckOptions, Dismissal, Stage};
pub use report::billing::{Billing, BillingLine, OtherMethod, ThresholdReport};
pub use report::checklist::ChecklistItem;
pub use report::elements::{ElementFound, ElementsReport};
pub use report::episode::{
    AuthorizationEntry, Derived, EpisodeFinding, EpisodeNote, EpisodeReport, GoalRow,
    GoalStatusEntry, NoteRef, PeriodEntry, PlanEntry, Similarity, Timeline, TimelineEntry,
};
pub use report::evaluation::{ComponentReport, EvaluationReport};
pub use report::{DismissedFinding, Provenance, Report, SCHEMA_VERSION, VERSION};
pub use rules::context::ChecklistItemKind;
pub use rules::eval::analysis::{Source as ComponentSource, Value as ComponentValue};
pub use span::Utf16Span;

/// The rule catalogue: every rule's id, family, severity, docs and sources, in the order
/// of the docs (as `rules()` returns it in JavaScript).
pub fn rules() -> Vec<RuleDoc> {
    rules::catalogue()
}
