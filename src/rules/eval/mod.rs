//! The `eval` rule family.

use crate::rules::{Context, Findings, RuleMeta};

/// The family's rules, in docs order.
pub static RULES: &[&RuleMeta] = &[];

pub fn check(_ctx: &Context<'_>, _out: &mut Findings<'_>) {}

/// `Report.evaluation`: the billed and supported evaluation codes and why.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EvaluationReport {
    pub billed_code: Option<String>,
    pub supported_code: Option<String>,
}

/// Builds `Report.evaluation` for notes that bill or document an evaluation.
pub fn report(_ctx: &Context<'_>) -> Option<EvaluationReport> {
    None
}
