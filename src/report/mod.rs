//! The Report: what chartlint says about a note (the output half of the contract), assembled
//! in one place from the facts and the rules' diagnostics.
//!
//! One [`Utf16Index`] per check turns every byte range (findings, evaluation components,
//! elements) into the UTF-16 spans the Report carries.

pub mod billing;
pub mod checklist;
pub mod elements;
pub mod episode;
pub mod evaluation;
pub mod fingerprint;

use crate::diagnostics::{Diagnostic, DismissalEffect, Finding, Severity};
use crate::facts::Facts;
use crate::note::PayerKind;
use crate::options::{CheckOptions, Stage};
use crate::rules::context::ItemDraft;
use crate::span::Utf16Index;
use billing::Billing;
use checklist::ChecklistItem;
use elements::ElementsReport;
use evaluation::EvaluationReport;
use serde::Serialize;
use std::collections::HashMap;

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

/// A finding a reviewer dismissed, with the reason given.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct DismissedFinding {
    /// The finding, as it would be in `findings`.
    pub finding: Finding,
    /// Why it was dismissed.
    pub reason: String,
    /// The finding is an error of a rule whose dismissed errors still block signing
    /// (`rules()[].dismissal` is `stillBlocks`: units, codes, modifiers, dates): the
    /// dismissal is recorded, and `readyToSign` stays false until the billed fields are
    /// corrected.
    pub blocks_signing: bool,
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
    /// True when the note could be signed as it is: no finding of severity `error` at
    /// signing (whatever the stage of this check, so an EMR can gate its Sign button on a
    /// draft's report) and no dismissed error that still blocks signing.
    pub ready_to_sign: bool,
    /// What is wrong or worth knowing: by severity, then position in the text, then field.
    /// While drafting, what is simply not written yet is in `checklist` instead.
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
    /// The stage this check was asked for (`options.stage`; `sign` by default).
    pub stage: Stage,
    /// What the note needs written or entered, done or not: each documentation element
    /// (required for this note type or not) and the fields its billing needs.
    pub checklist: Vec<ChecklistItem>,
    /// Findings dismissed by `config.dismissed` or `options.dismissed`, with their reasons;
    /// they are not in `findings`.
    pub dismissed: Vec<DismissedFinding>,
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

/// A finding being assembled: the Report's finding and what decides where it goes.
struct Assembled {
    finding: Finding,
    key: String,
    missing: bool,
    dismissal: DismissalEffect,
}

/// Assembles the Report from the facts, the rules' diagnostics (already filtered and
/// re-graded by the config) and checklist items, for the check's options.
pub fn build(
    f: &Facts<'_>,
    diagnostics: Vec<Diagnostic>,
    items: Vec<ItemDraft>,
    options: &CheckOptions,
) -> Report {
    let index = Utf16Index::new(&f.note.text);
    let elements = elements::build(f, &index);
    let checklist = checklist::build(
        f,
        checklist::Inputs {
            elements: &elements,
            drafts: items,
            missing: diagnostics.iter().filter(|d| d.missing).collect(),
        },
        &index,
    );
    let mut all: Vec<Assembled> = diagnostics
        .into_iter()
        .map(|d| Assembled {
            key: fingerprint::key(
                f.note,
                d.rule.id,
                d.field.as_deref(),
                d.anchor.as_deref(),
                d.span,
            ),
            missing: d.missing,
            dismissal: d.rule.dismissal,
            finding: Finding {
                rule: d.rule.id,
                severity: d.severity,
                message: d.message,
                span: d.span.map(|s| index.span(s)),
                field: d.field,
                fix: d.fix,
                amount_at_risk: d.amount_at_risk,
                source: d.rule.source,
                fingerprint: String::new(),
                edits: d.edits.into_iter().map(|e| e.finish(&index)).collect(),
            },
        })
        .collect();
    // A stable order: severity, then position in the text, then field.
    crate::sort::sort_by(&mut all, |a, b| {
        let (a, b) = (&a.finding, &b.finding);
        a.severity
            .cmp(&b.severity)
            .then_with(|| a.span.cmp(&b.span))
            .then_with(|| a.field.cmp(&b.field))
    });
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let prints: Vec<String> = all
        .iter()
        .map(|a| {
            let n = seen.entry(a.key.as_str()).or_insert(0);
            let print = fingerprint::fingerprint(&a.key, *n);
            *n += 1;
            print
        })
        .collect();
    for (a, print) in all.iter_mut().zip(prints) {
        a.finding.fingerprint = print;
    }

    let reasons: HashMap<&str, &str> = f
        .config
        .dismissed
        .iter()
        .chain(&options.dismissed)
        .rev() // the first dismissal of a fingerprint wins
        .map(|d| (d.fingerprint.as_str(), d.reason.as_str()))
        .collect();
    let mut findings = Vec::new();
    let mut dismissed = Vec::new();
    let mut ready_to_sign = true;
    for a in all {
        if let Some(reason) = reasons.get(a.finding.fingerprint.as_str()) {
            let blocks_signing = a.finding.severity == Severity::Error
                && a.dismissal == DismissalEffect::StillBlocks;
            ready_to_sign &= !blocks_signing;
            dismissed.push(DismissedFinding {
                finding: a.finding,
                reason: (*reason).to_string(),
                blocks_signing,
            });
            continue;
        }
        ready_to_sign &= a.finding.severity != Severity::Error;
        if options.stage == Stage::Draft && a.missing {
            continue; // a checklist item while drafting
        }
        findings.push(a.finding);
    }
    Report {
        schema_version: SCHEMA_VERSION,
        note_id: f.note.id.clone(),
        patient_id: f.note.patient_id.clone(),
        episode_id: f.note.episode_id.clone(),
        ready_to_sign,
        findings,
        billing: billing::build(f),
        evaluation: evaluation::build(f, &index),
        elements,
        provenance: Provenance {
            rule_pack: f.payer.name.clone(),
            payer_kind: f.note.payer.kind,
            policy_year: f.payment.year.year,
            engine_version: VERSION,
        },
        stage: options.stage,
        checklist,
        dismissed,
    }
}
