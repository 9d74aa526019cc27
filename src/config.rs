//! The Config: what a clinic or an EMR sets once per `Checker`.
//!
//! ```json
//! {
//!   "disabledRules": ["elements/red-flag-phrase"],
//!   "severity": { "units/under-billed": "info" },
//!   "payers": { "commercial": { "name": "Acme PPO 2026", "unitRule": "ruleOf8s" } }
//! }
//! ```

use crate::error::InputError;
use crate::input::{describe, Obj};
use crate::note::{PayerKind, UnitRule};
use crate::rules::Severity;
use serde::Serialize;
use serde_json::Value;
use std::collections::{HashMap, HashSet};

/// A payer's rules, as plain data a clinic can read, diff and version. A pack given in
/// `config.payers` is laid over the built-in pack for that payer kind: fields it leaves out
/// keep the built-in value.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PayerRules {
    /// Shown in every report (`provenance.rulePack`), e.g. "Medicare Part B (built in)".
    pub name: String,
    /// How minutes become units.
    pub unit_rule: UnitRule,
    /// Medicare's documentation, certification, progress-report and threshold rules apply.
    pub medicare_rules: bool,
    /// Every therapy line needs GP/GO/GN.
    pub require_discipline_modifiers: bool,
    /// The note must document total treatment time (timed + untimed).
    pub require_total_treatment_time: bool,
    /// Which modifier to suggest for a distinct procedural service: `"59"` or `"X"` (XE/XS/XP/XU).
    pub distinct_modifier: String,
    /// Treatment days between progress reports (Medicare: 10).
    pub progress_report_interval: Option<u32>,
    /// Longest certification interval, in calendar days (Medicare: 90).
    pub certification_days: Option<u32>,
    /// Days after the first treatment within which the plan must be certified (Medicare: 30).
    pub certification_window_days: Option<u32>,
    /// Visits the payer allows per episode or year, if it limits them.
    pub visit_limit: Option<u32>,
    /// The payer's own pair edits, in addition to NCCI: `[column1, column2, modifierIndicator]`.
    pub extra_pairs: Vec<(String, String, u8)>,
}

impl PayerRules {
    /// The built-in pack for a payer kind.
    pub fn builtin(kind: PayerKind) -> PayerRules {
        let medicare = PayerRules {
            name: "Medicare Part B (built in)".into(),
            unit_rule: UnitRule::Cms8,
            medicare_rules: true,
            require_discipline_modifiers: true,
            require_total_treatment_time: true,
            distinct_modifier: "59".into(),
            progress_report_interval: Some(10),
            certification_days: Some(90),
            certification_window_days: Some(30),
            visit_limit: None,
            extra_pairs: Vec::new(),
        };
        match kind {
            PayerKind::Medicare => medicare,
            PayerKind::MedicareAdvantage => PayerRules {
                name: "Medicare Advantage (built in: Medicare's unit and modifier rules)".into(),
                medicare_rules: false,
                ..medicare
            },
            PayerKind::Medicaid => PayerRules {
                name: "Medicaid (built in: Medicare's unit and modifier rules)".into(),
                medicare_rules: false,
                ..medicare
            },
            PayerKind::Commercial => PayerRules {
                name: "Commercial (built in: Rule of Eights)".into(),
                unit_rule: UnitRule::RuleOf8s,
                medicare_rules: false,
                require_discipline_modifiers: false,
                require_total_treatment_time: false,
                progress_report_interval: None,
                certification_days: None,
                certification_window_days: None,
                ..medicare
            },
            PayerKind::WorkersComp => PayerRules {
                name: "Workers' compensation (built in: Rule of Eights)".into(),
                ..PayerRules::builtin(PayerKind::Commercial)
            },
            PayerKind::SelfPay => PayerRules {
                name: "Self-pay (built in)".into(),
                ..PayerRules::builtin(PayerKind::Commercial)
            },
        }
    }

    fn overlay(mut self, o: &Obj<'_>) -> Result<PayerRules, InputError> {
        if let Some(s) = o.opt_str("name")? {
            self.name = s.chars().take(200).collect();
        }
        if let Some(r) = o.opt_enum("unitRule", UnitRule::NAMES)?.and_then(UnitRule::parse) {
            self.unit_rule = r;
        }
        if let Some(b) = o.opt_bool("medicareRules")? {
            self.medicare_rules = b;
        }
        if let Some(b) = o.opt_bool("requireDisciplineModifiers")? {
            self.require_discipline_modifiers = b;
        }
        if let Some(b) = o.opt_bool("requireTotalTreatmentTime")? {
            self.require_total_treatment_time = b;
        }
        if let Some(s) = o.opt_enum("distinctModifier", &["59", "X"])? {
            self.distinct_modifier = s.to_string();
        }
        if let Some(n) = o.opt_count("progressReportInterval", "a number of treatment days", 365)? {
            self.progress_report_interval = Some(n);
        }
        if let Some(n) = o.opt_count("certificationDays", "a number of days", 3650)? {
            self.certification_days = Some(n);
        }
        if let Some(n) = o.opt_count("certificationWindowDays", "a number of days", 3650)? {
            self.certification_window_days = Some(n);
        }
        if let Some(n) = o.opt_count("visitLimit", "a number of visits", 10_000)? {
            self.visit_limit = Some(n);
        }
        if let Some(pairs) = o.opt_array("extraPairs", 10_000)? {
            for (i, p) in pairs.iter().enumerate() {
                let path = format!("{}[{i}]", o.path_of("extraPairs"));
                let bad = || InputError::new(&path, "expected [column1Code, column2Code, modifierIndicator 0 or 1]");
                let Value::Array(items) = p else { return Err(bad()) };
                let (Some(Value::String(a)), Some(Value::String(b))) = (items.first(), items.get(1)) else { return Err(bad()) };
                let ind = match items.get(2) {
                    None => 1,
                    Some(Value::Number(n)) if n.as_u64() == Some(0) => 0,
                    Some(Value::Number(n)) if n.as_u64() == Some(1) => 1,
                    Some(_) => return Err(bad()),
                };
                self.extra_pairs.push((a.trim().to_ascii_uppercase(), b.trim().to_ascii_uppercase(), ind));
            }
        }
        Ok(self)
    }
}

/// A validated config.
#[derive(Debug, Clone)]
pub struct Config {
    pub disabled_rules: HashSet<&'static str>,
    pub severity: HashMap<&'static str, Severity>,
    /// Packs given by the clinic, already laid over the built-in ones.
    pub payers: HashMap<PayerKind, PayerRules>,
    /// The raw `feeSchedule` object (read by the payment module).
    pub fee_schedule: Option<Value>,
    /// The raw `ncci` object (read by the modifiers module).
    pub ncci: Option<Value>,
    /// Which documentation elements each note type must contain (`requirements`), laid
    /// over the built-in table of [`crate::policy::elements`].
    pub requirements: crate::policy::elements::Requirements,
    fallback_pack: PayerRules,
}

impl Default for Config {
    /// No rule disabled, built-in packs for every payer kind.
    fn default() -> Self {
        let payers = PayerKind::NAMES
            .iter()
            .filter_map(|n| PayerKind::parse(n))
            .map(|k| (k, PayerRules::builtin(k)))
            .collect();
        Config {
            disabled_rules: HashSet::new(),
            severity: HashMap::new(),
            payers,
            fee_schedule: None,
            ncci: None,
            requirements: Default::default(),
            fallback_pack: PayerRules::builtin(PayerKind::Medicare),
        }
    }
}

impl Config {
    pub fn from_json(json: &str) -> Result<Config, InputError> {
        Config::from_value(&crate::parse_json(json, "config")?)
    }

    pub fn from_value(v: &Value) -> Result<Config, InputError> {
        let mut c = Config::default();
        if v.is_null() {
            return Ok(c);
        }
        let o = Obj::new(v, "config")?;
        if let Some(list) = o.opt_str_list("disabledRules", 1000)? {
            for (i, id) in list.into_iter().enumerate() {
                let rule = crate::rules::find(id).ok_or_else(|| {
                    InputError::new(format!("config.disabledRules[{i}]"), "is not a rule id (see rules())")
                })?;
                c.disabled_rules.insert(rule.id);
            }
        }
        if let Some(sev) = o.opt_obj("severity")? {
            for (id, s) in sev.entries() {
                let path = sev.path_of(id);
                let rule = crate::rules::find(id)
                    .ok_or_else(|| InputError::new(&path, "is not a rule id (see rules())"))?;
                let level = match s {
                    Value::String(s) => Severity::parse(s),
                    _ => None,
                }
                .ok_or_else(|| {
                    InputError::new(&path, format!("expected \"error\", \"warning\" or \"info\", got {}", describe(s)))
                })?;
                c.severity.insert(rule.id, level);
            }
        }
        if let Some(p) = o.opt_obj("payers")? {
            for (kind, pack) in p.entries() {
                let path = p.path_of(kind);
                let k = PayerKind::parse(kind).ok_or_else(|| {
                    InputError::new(&path, format!("is not a payer kind: expected one of {}", PayerKind::NAMES.join(", ")))
                })?;
                let pack = PayerRules::builtin(k).overlay(&Obj::new(pack, &path)?)?;
                c.payers.insert(k, pack);
            }
        }
        c.fee_schedule = o.get("feeSchedule").cloned();
        c.ncci = o.get("ncci").cloned();
        if let Some(r) = o.opt_obj("requirements")? {
            c.requirements = crate::policy::elements::Requirements::from_obj(&r)?;
        }
        Ok(c)
    }

    /// The rule pack for a payer kind: the clinic's, or the built-in one.
    pub fn payer_rules(&self, kind: PayerKind) -> &PayerRules {
        self.payers.get(&kind).unwrap_or(&self.fallback_pack)
    }
}
