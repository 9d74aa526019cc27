//! `Report.billing`: minutes, units, modifiers and money for the visit.

use crate::facts::payment::Bucket;
use crate::facts::Facts;
use crate::money::Money;
use crate::note::{Discipline, UnitRule};
use serde::Serialize;

/// One billed line in the report.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct BillingLine {
    /// The line's code.
    pub code: String,
    /// A 15-minute or block-timed code (false for untimed and unknown codes).
    pub timed: bool,
    /// The line's minutes, as documented.
    pub minutes: Option<u32>,
    /// Units billed.
    pub units_billed: u32,
    /// The units the minutes support; `null` when they cannot be told apart per line (only
    /// the visit's total timed minutes are documented) or the code is unknown.
    pub units_supported: Option<u32>,
    /// Equal leftover minutes with another code: the extra unit may go to either.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    #[cfg_attr(test, ts(optional = nullable, type = "boolean"))]
    pub tie: bool,
    /// Modifiers the payer's rules call for on this line (chartlint never adds them itself).
    pub modifiers_required: Vec<String>,
    /// Expected allowed amount for this line as billed.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub expected_payment: Option<Money>,
}

/// The same minutes counted under the other unit method, for comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct OtherMethod {
    /// The other method.
    pub unit_rule: UnitRule,
    /// Timed units the visit's minutes allow under it.
    pub timed_units_allowed: u32,
    /// Per billed line, in order.
    pub units_supported: Vec<Option<u32>>,
}

/// Minutes, units and money for the visit.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Billing {
    /// The method the units were counted with.
    pub unit_rule: UnitRule,
    /// The visit's total timed minutes.
    pub total_timed_minutes: u32,
    /// Timed units those minutes allow.
    pub timed_units_allowed: u32,
    /// Timed units billed.
    pub timed_units_billed: u32,
    /// Each billed line.
    pub lines: Vec<BillingLine>,
    /// The same minutes under the other method.
    pub other_method: OtherMethod,
    /// The visit is over the year's KX threshold: every therapy line needs KX.
    pub kx_required: bool,
    /// The year's KX threshold for this discipline's bucket (Medicare-rule packs).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub kx_threshold: Option<Money>,
    /// Spending in the bucket before and after this visit, when `episode.thresholdSpentBefore`
    /// is given (Medicare-rule packs).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub threshold: Option<ThresholdReport>,
    /// Allowed amount for the visit as billed (payer and patient shares together).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub expected_payment: Option<Money>,
    /// Original Medicare's share.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub payer_share: Option<Money>,
    /// The patient's 20% coinsurance (Original Medicare).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub patient_share: Option<Money>,
}

/// The beneficiary's spending against the year's thresholds.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ThresholdReport {
    /// PT and SLP combined, or OT.
    pub bucket: Bucket,
    /// `episode.thresholdSpentBefore`.
    pub spent_before: Money,
    /// This visit's allowed amount (a lower bound when a line has no price).
    pub visit: Money,
    /// Spending after this visit.
    pub spent_after: Money,
    /// The year's KX threshold.
    pub kx_threshold: Money,
    /// Dollars left before the KX threshold after this visit (negative when over).
    pub left_before_kx: Money,
    /// The targeted medical review threshold.
    pub review_threshold: Money,
}

/// `Report.billing` from the facts.
pub fn build(f: &Facts<'_>) -> Billing {
    let units = &f.units;
    Billing {
        unit_rule: units.unit_rule,
        total_timed_minutes: units.total_timed_minutes,
        timed_units_allowed: units.timed_units_allowed,
        timed_units_billed: units.timed_units_billed,
        lines: units
            .lines
            .iter()
            .enumerate()
            .map(|(i, l)| BillingLine {
                code: l.code.clone(),
                timed: l.timed,
                minutes: l.minutes,
                units_billed: l.units_billed,
                units_supported: l.units_supported,
                tie: l.tie,
                modifiers_required: f.modifiers.required.get(i).cloned().unwrap_or_default(),
                expected_payment: f.payment.line(i).map(Money),
            })
            .collect(),
        other_method: OtherMethod {
            unit_rule: f.other_units.unit_rule,
            timed_units_allowed: f.other_units.timed_units_allowed,
            units_supported: f
                .other_units
                .lines
                .iter()
                .map(|l| l.units_supported)
                .collect(),
        },
        kx_required: f.payment.kx_required(),
        kx_threshold: f
            .payer
            .medicare_rules
            .then_some(Money(match f.note.discipline {
                Discipline::OT => f.payment.year.kx_threshold_ot,
                _ => f.payment.year.kx_threshold_pt_slp,
            })),
        threshold: f.payment.threshold.as_ref().map(|t| ThresholdReport {
            bucket: t.bucket,
            spent_before: Money(t.before),
            visit: Money(t.visit),
            spent_after: Money(t.after),
            kx_threshold: Money(t.kx),
            left_before_kx: Money(t.kx - t.after),
            review_threshold: Money(t.review),
        }),
        expected_payment: f.payment.expected.map(Money),
        payer_share: f.payment.payer_share.map(Money),
        patient_share: f.payment.patient_share.map(Money),
    }
}
