//! The Report: what chartlint says about a note (the output half of the contract), assembled
//! in one place from the facts and the rules' diagnostics.
//!
//! One [`Utf16Index`] per check turns every byte range (findings, evaluation components,
//! elements) into the UTF-16 spans the Report carries.

pub mod billing;
pub mod elements;
pub mod episode;
pub mod evaluation;

use crate::diagnostics::{Diagnostic, Finding, Severity};
use crate::facts::Facts;
use crate::note::PayerKind;
use crate::span::Utf16Index;
use billing::Billing;
use elements::ElementsReport;
use evaluation::EvaluationReport;
use serde::Serialize;

/// The crate version, as `version()` returns it and every report's provenance carries it.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Version of the JSON contract (Note in, Report out). Bumped on any change a consumer
/// could notice; additions bump the minor part.
pub const SCHEMA_VERSION: &str = "1.0";

/// Which rules and policy data produced the report, so an audit can be reproduced.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Provenance {
    /// The payer rule pack's name.
    pub rule_pack: String,
    /// The note's payer kind.
    pub payer_kind: PayerKind,
    /// Calendar year of the policy data used (from `dateOfService`).
    pub policy_year: i32,
    /// chartlint's version.
    pub engine_version: &'static str,
}

/// chartlint's verdict on one note.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// Version of the JSON contract.
    pub schema_version: &'static str,
    /// The note's `id`, echoed.
    pub note_id: Option<String>,
    /// The note's `patientId`, echoed (never shown in messages).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub patient_id: Option<String>,
    /// The note's `episodeId`, echoed (never shown in messages).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub episode_id: Option<String>,
    /// True when no finding has severity `error`.
    pub ready_to_sign: bool,
    /// What is wrong or worth knowing: by severity, then position in the text, then field.
    pub findings: Vec<Finding>,
    /// Minutes, units, modifiers and money.
    pub billing: Billing,
    /// The billed and supported evaluation codes, for notes that bill or document one.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub evaluation: Option<EvaluationReport>,
    /// Each documentation element: required, found, where.
    pub elements: ElementsReport,
    /// Which rule pack and policy year produced the report.
    pub provenance: Provenance,
}

impl Report {
    /// Whether a finding of `rule` is in the report.
    pub fn has(&self, rule: &str) -> bool {
        self.findings.iter().any(|f| f.rule == rule)
    }
    /// How many findings of `rule` the report has.
    pub fn count(&self, rule: &str) -> usize {
        self.findings.iter().filter(|f| f.rule == rule).count()
    }
}

/// Assembles the Report from the facts and the rules' diagnostics (already filtered and
/// re-graded by the config).
pub fn build(f: &Facts<'_>, diagnostics: Vec<Diagnostic>) -> Report {
    let index = Utf16Index::new(&f.note.text);
    let mut findings: Vec<Finding> = diagnostics
        .into_iter()
        .map(|d| Finding {
            rule: d.rule.id,
            severity: d.severity,
            message: d.message,
            span: d.span.map(|s| index.span(s)),
            field: d.field,
            fix: d.fix,
            amount_at_risk: d.amount_at_risk,
            source: d.rule.source,
        })
        .collect();
    // A stable order: severity, then position in the text, then field.
    findings.sort_by(|a, b| {
        a.severity
            .cmp(&b.severity)
            .then_with(|| a.span.cmp(&b.span))
            .then_with(|| a.field.cmp(&b.field))
    });
    Report {
        schema_version: SCHEMA_VERSION,
        note_id: f.note.id.clone(),
        patient_id: f.note.patient_id.clone(),
        episode_id: f.note.episode_id.clone(),
        ready_to_sign: !findings.iter().any(|f| f.severity == Severity::Error),
        findings,
        billing: billing::build(f),
        evaluation: evaluation::build(f, &index),
        elements: elements::build(f, &index),
        provenance: Provenance {
            rule_pack: f.payer.name.clone(),
            payer_kind: f.note.payer.kind,
            policy_year: f.payment.year.year,
            engine_version: VERSION,
        },
    }
}
