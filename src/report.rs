//! The Report: what chartlint says about a note (the output half of the contract).

use crate::rules::Severity;
use crate::span::Span;
use crate::units::LineUnits;
use rust_decimal::Decimal;
use serde::Serialize;

/// Version of the JSON contract (Note in, Report out). Bumped on any change a consumer
/// could notice; additions bump the minor part.
pub const SCHEMA_VERSION: &str = "1.0";

/// One thing wrong (or worth knowing) about the note.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    /// Stable rule id, `family/name`.
    pub rule: &'static str,
    pub severity: Severity,
    /// What is wrong, in a therapist's words. Never repeats the note's text.
    pub message: String,
    /// The flagged words, in UTF-16 code units of `note.text`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    /// Path of the structured field involved, e.g. `lines[1].units`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// What to do, imperatively.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<String>,
    /// Dollars this finding puts at risk, as a decimal string.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::report::money_opt"
    )]
    pub amount_at_risk: Option<Decimal>,
    /// The policy the rule enforces, e.g. `CMS Pub. 100-04, ch. 5, §20.2`.
    pub source: &'static str,
}

impl Finding {
    pub fn new(rule: &crate::rules::RuleMeta, message: impl Into<String>) -> Finding {
        Finding {
            rule: rule.id,
            severity: rule.severity,
            message: message.into(),
            span: None,
            field: None,
            fix: None,
            amount_at_risk: None,
            source: rule.source,
        }
    }
    /// A byte range of `note.text` (converted to UTF-16 when the report is finished).
    pub fn span(mut self, start: usize, end: usize) -> Self {
        self.span = Some(Span::new(start, end));
        self
    }
    pub fn field(mut self, path: impl Into<String>) -> Self {
        self.field = Some(path.into());
        self
    }
    pub fn fix(mut self, fix: impl Into<String>) -> Self {
        self.fix = Some(fix.into());
        self
    }
    pub fn amount(mut self, amount: Option<Decimal>) -> Self {
        self.amount_at_risk = amount.filter(|a| !a.is_zero());
        self
    }
    pub fn severity(mut self, s: Severity) -> Self {
        self.severity = s;
        self
    }
}

/// Serializes money as a decimal string with two places.
pub fn money_opt<S: serde::Serializer>(v: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(d) => s.serialize_str(&money_string(*d)),
        None => s.serialize_none(),
    }
}

/// Rounds to cents (half away from zero, as CMS rounds payment amounts) and prints two places.
pub fn money_string(d: Decimal) -> String {
    let r = d.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    format!("{r:.2}")
}

/// One billed line in the report.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BillingLine {
    #[serde(flatten)]
    pub units: LineUnits,
    /// Modifiers the payer's rules call for on this line (chartlint never adds them itself).
    pub modifiers_required: Vec<String>,
    /// Expected allowed amount for this line as billed.
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "money_opt")]
    pub expected_payment: Option<Decimal>,
}

/// The same minutes counted under the other unit method, for comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OtherMethod {
    pub unit_rule: crate::note::UnitRule,
    pub timed_units_allowed: u32,
    /// Per billed line, in order.
    pub units_supported: Vec<Option<u32>>,
}

/// Minutes, units and money for the visit.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Billing {
    pub unit_rule: crate::note::UnitRule,
    pub total_timed_minutes: u32,
    pub timed_units_allowed: u32,
    pub timed_units_billed: u32,
    pub lines: Vec<BillingLine>,
    pub other_method: OtherMethod,
    pub kx_required: bool,
    /// The year's KX threshold for this discipline's bucket (Medicare-rule packs).
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "money_opt")]
    pub kx_threshold: Option<Decimal>,
    /// Spending in the bucket before and after this visit, when `episode.thresholdSpentBefore`
    /// is given (Medicare-rule packs).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub threshold: Option<ThresholdReport>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "money_opt")]
    pub expected_payment: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "money_opt")]
    pub payer_share: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "money_opt")]
    pub patient_share: Option<Decimal>,
}

/// The beneficiary's spending against the year's thresholds.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ThresholdReport {
    /// `"ptSlp"` (PT and SLP combined) or `"ot"`.
    pub bucket: &'static str,
    #[serde(serialize_with = "money")]
    pub spent_before: Decimal,
    /// This visit's allowed amount (a lower bound when a line has no price).
    #[serde(serialize_with = "money")]
    pub visit: Decimal,
    #[serde(serialize_with = "money")]
    pub spent_after: Decimal,
    #[serde(serialize_with = "money")]
    pub kx_threshold: Decimal,
    /// Dollars left before the KX threshold after this visit (negative when over).
    #[serde(serialize_with = "money")]
    pub left_before_kx: Decimal,
    #[serde(serialize_with = "money")]
    pub review_threshold: Decimal,
}

fn money<S: serde::Serializer>(v: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&money_string(*v))
}

/// Which rules and policy data produced the report, so an audit can be reproduced.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Provenance {
    /// The payer rule pack's name.
    pub rule_pack: String,
    pub payer_kind: &'static str,
    /// Calendar year of the policy data used (from `dateOfService`).
    pub policy_year: i32,
    pub engine_version: &'static str,
}

/// chartlint's verdict on one note.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub schema_version: &'static str,
    pub note_id: Option<String>,
    /// `note.patientId`, echoed (never shown in messages).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub patient_id: Option<String>,
    /// `note.episodeId`, echoed (never shown in messages).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub episode_id: Option<String>,
    /// True when no finding has severity `error`.
    pub ready_to_sign: bool,
    pub findings: Vec<Finding>,
    pub billing: Billing,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evaluation: Option<crate::rules::eval::EvaluationReport>,
    pub elements: crate::text::ElementsReport,
    pub provenance: Provenance,
}

impl Report {
    pub fn has(&self, rule: &str) -> bool {
        self.findings.iter().any(|f| f.rule == rule)
    }
    pub fn count(&self, rule: &str) -> usize {
        self.findings.iter().filter(|f| f.rule == rule).count()
    }
}
