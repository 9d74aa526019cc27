//! The Config: what a clinic or an EMR sets once per `Checker`.
//!
//! ```json
//! {
//!   "disabledRules": ["elements/red-flag-phrase"],
//!   "severity": { "units/under-billed": "info" },
//!   "payers": { "commercial": { "name": "Acme PPO 2026", "unitRule": "ruleOf8s" } }
//! }
//! ```

use crate::diagnostics::Severity;
use crate::error::InputError;
use crate::input::{describe, Obj};
use crate::note::{PayerKind, UnitRule};
use crate::options::Dismissal;
use crate::policy::icd10::CodeSet;
use crate::policy::ncci::PtpTable;
use serde::Serialize;
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

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
    /// Services furnished in whole or in part by a PTA/OTA need CQ/CO (Medicare since 2020;
    /// many Medicare Advantage and commercial plans follow).
    pub require_assistant_modifiers: bool,
    /// The NCCI procedure-to-procedure edits apply (the built-in therapy pairs, or the CMS
    /// file given in `config.ncci.ptpFile`).
    pub ncci_edits: bool,
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
    /// Changing a certified plan's long-term goals needs a recertification (Medicare).
    pub goal_changes_need_recertification: bool,
    /// The payer's own pair edits, in addition to NCCI: `[column1, column2, modifierIndicator]`.
    /// They are checked before NCCI, so a payer that denies a pair NCCI allows with a
    /// modifier (indicator 0 here) is reported as the payer has it.
    pub extra_pairs: Vec<(String, String, u8)>,
}

/// Medicare's figures for the fields `medicareRules` switches on.
const MEDICARE_PROGRESS_REPORT_INTERVAL: u32 = 10;
const MEDICARE_CERTIFICATION_DAYS: u32 = 90;
const MEDICARE_CERTIFICATION_WINDOW_DAYS: u32 = 30;

impl PayerRules {
    /// The built-in pack for a payer kind.
    pub fn builtin(kind: PayerKind) -> PayerRules {
        let medicare = PayerRules {
            name: "Medicare Part B (built in)".into(),
            unit_rule: UnitRule::Cms8,
            medicare_rules: true,
            require_discipline_modifiers: true,
            require_assistant_modifiers: true,
            ncci_edits: true,
            require_total_treatment_time: true,
            distinct_modifier: "59".into(),
            progress_report_interval: Some(MEDICARE_PROGRESS_REPORT_INTERVAL),
            certification_days: Some(MEDICARE_CERTIFICATION_DAYS),
            certification_window_days: Some(MEDICARE_CERTIFICATION_WINDOW_DAYS),
            visit_limit: None,
            goal_changes_need_recertification: true,
            extra_pairs: Vec::new(),
        };
        match kind {
            PayerKind::Medicare => medicare,
            PayerKind::MedicareAdvantage => PayerRules {
                name: "Medicare Advantage (built in: Medicare's unit and modifier rules)".into(),
                medicare_rules: false,
                goal_changes_need_recertification: false,
                progress_report_interval: None,
                certification_days: None,
                certification_window_days: None,
                ..medicare
            },
            PayerKind::Medicaid => PayerRules {
                name: "Medicaid (built in: Medicare's unit and modifier rules)".into(),
                medicare_rules: false,
                goal_changes_need_recertification: false,
                progress_report_interval: None,
                certification_days: None,
                certification_window_days: None,
                ..medicare
            },
            PayerKind::Commercial => PayerRules {
                name: "Commercial (built in: Rule of Eights)".into(),
                unit_rule: UnitRule::RuleOf8s,
                medicare_rules: false,
                require_discipline_modifiers: false,
                require_assistant_modifiers: false,
                require_total_treatment_time: false,
                goal_changes_need_recertification: false,
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
                ncci_edits: false,
                ..PayerRules::builtin(PayerKind::Commercial)
            },
        }
    }

    fn overlay(mut self, o: &Obj<'_>) -> Result<PayerRules, InputError> {
        if let Some(s) = o.opt_str("name")? {
            self.name = s.chars().take(200).collect();
        }
        if let Some(r) = o
            .opt_enum("unitRule", UnitRule::NAMES)?
            .and_then(UnitRule::parse)
        {
            self.unit_rule = r;
        }
        if let Some(b) = o.opt_bool("medicareRules")? {
            // A switch for Medicare's documentation figures; the fields below, when given,
            // still override each one.
            self.medicare_rules = b;
            let on = |v: u32| if b { Some(v) } else { None };
            self.progress_report_interval = on(MEDICARE_PROGRESS_REPORT_INTERVAL);
            self.certification_days = on(MEDICARE_CERTIFICATION_DAYS);
            self.certification_window_days = on(MEDICARE_CERTIFICATION_WINDOW_DAYS);
            self.goal_changes_need_recertification = b;
        }
        if let Some(b) = o.opt_bool("goalChangesNeedRecertification")? {
            self.goal_changes_need_recertification = b;
        }
        if let Some(b) = o.opt_bool("requireDisciplineModifiers")? {
            self.require_discipline_modifiers = b;
        }
        if let Some(b) = o.opt_bool("requireAssistantModifiers")? {
            self.require_assistant_modifiers = b;
        }
        if let Some(b) = o.opt_bool("ncciEdits")? {
            self.ncci_edits = b;
        }
        if let Some(b) = o.opt_bool("requireTotalTreatmentTime")? {
            self.require_total_treatment_time = b;
        }
        if let Some(s) = o.opt_enum("distinctModifier", &["59", "X"])? {
            self.distinct_modifier = s.to_string();
        }
        if let Some(n) = o.opt_count(
            "progressReportInterval",
            "a number of treatment days (0 turns the rule off)",
            365,
        )? {
            self.progress_report_interval = Some(n).filter(|&n| n > 0);
        }
        if let Some(n) = o.opt_count(
            "certificationDays",
            "a number of days (0 turns the rule off)",
            3650,
        )? {
            self.certification_days = Some(n).filter(|&n| n > 0);
        }
        if let Some(n) = o.opt_count(
            "certificationWindowDays",
            "a number of days (0 turns the rule off)",
            3650,
        )? {
            self.certification_window_days = Some(n).filter(|&n| n > 0);
        }
        if let Some(n) = o.opt_count(
            "visitLimit",
            "a number of visits (0 turns the rule off)",
            10_000,
        )? {
            self.visit_limit = Some(n).filter(|&n| n > 0);
        }
        if let Some(pairs) = o.opt_array("extraPairs", 10_000)? {
            for (i, p) in pairs.iter().enumerate() {
                let path = format!("{}[{i}]", o.path_of("extraPairs"));
                let bad = || {
                    InputError::new(
                        &path,
                        "expected [column1Code, column2Code, modifierIndicator 0 or 1]",
                    )
                };
                let Value::Array(items) = p else {
                    return Err(bad());
                };
                let (Some(Value::String(a)), Some(Value::String(b))) =
                    (items.first(), items.get(1))
                else {
                    return Err(bad());
                };
                let (a, b) = (a.trim().to_ascii_uppercase(), b.trim().to_ascii_uppercase());
                if !crate::policy::codes::looks_like_code(&a)
                    || !crate::policy::codes::looks_like_code(&b)
                    || a == b
                {
                    return Err(bad());
                }
                let ind = match items.get(2) {
                    None => 1,
                    Some(Value::Number(n)) if n.as_u64() == Some(0) => 0,
                    Some(Value::Number(n)) if n.as_u64() == Some(1) => 1,
                    Some(_) => return Err(bad()),
                };
                self.extra_pairs.push((a, b, ind));
            }
        }
        Ok(self)
    }
}

/// The rule lookup a config is validated with: a rule id (or a renamed id) to the rule's
/// current id, `None` when no rule has it. The checker hands it the rule tables' lookup.
pub type RuleLookup = fn(&str) -> Option<&'static str>;

/// A validated config.
#[derive(Debug, Clone)]
pub struct Config {
    /// Rules turned off (`disabledRules`), by current id.
    pub(crate) disabled_rules: HashSet<&'static str>,
    /// Severity overrides (`severity`), by current id.
    pub(crate) severity: HashMap<&'static str, Severity>,
    /// Packs given by the clinic, already laid over the built-in ones.
    pub(crate) payers: HashMap<PayerKind, PayerRules>,
    /// `feeSchedule`, validated (a PPRRVU file is parsed here, once per `Checker`).
    pub(crate) fee_schedule: Option<std::sync::Arc<crate::policy::fees::FeeSchedule>>,
    /// The official CMS practitioner PTP edits from `config.ncci.ptpFile`, parsed once
    /// (`None`: the built-in therapy pairs are used).
    pub(crate) ptp: Option<Arc<PtpTable>>,
    /// The CMS ICD-10-CM code list from `config.icd10File`, parsed once (`None`: structural
    /// checks and the built-in deleted-codes list only).
    pub(crate) icd10: Option<Arc<CodeSet>>,
    /// Which documentation elements each note type must contain (`requirements`), laid
    /// over the built-in table of [`crate::policy::elements`].
    pub(crate) requirements: crate::policy::elements::Requirements,
    /// Findings a reviewer dismissed (`dismissed`), with the reasons: applied to every check.
    pub(crate) dismissed: Vec<Dismissal>,
    /// `cloning`: how `episode/cloned-documentation` judges a note.
    pub(crate) cloning: Cloning,
    fallback_pack: PayerRules,
}

/// The default share of a note's own narrative, found in one earlier note of the episode,
/// at which `episode/cloned-documentation` flags it (the study behind it is in
/// docs/episode-review.md).
pub const DEFAULT_CLONING_THRESHOLD: f64 = 0.85;

/// How `episode/cloned-documentation` judges a note (`config.cloning`).
#[derive(Debug, Clone, PartialEq)]
pub struct Cloning {
    /// Share of a note's own narrative found in one earlier note at which it is flagged.
    pub threshold: f64,
    /// The clinic's template lines (`cloning.template`), left out of the comparison.
    pub template: Vec<String>,
}

impl Default for Cloning {
    fn default() -> Self {
        Cloning {
            threshold: DEFAULT_CLONING_THRESHOLD,
            template: Vec::new(),
        }
    }
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
            ptp: None,
            icd10: None,
            requirements: Default::default(),
            dismissed: Vec::new(),
            cloning: Cloning::default(),
            fallback_pack: PayerRules::builtin(PayerKind::Medicare),
        }
    }
}

impl Config {
    /// Parses and validates a config's JSON text. `rule_id` turns a rule id (or a renamed
    /// one) into the rule's current id, `None` for an unknown id.
    pub fn from_json(json: &str, rule_id: RuleLookup) -> Result<Config, InputError> {
        Config::from_value(&crate::input::parse_config_json(json)?, rule_id)
    }

    /// Validates a config given as a JSON value (`null` for the defaults); `rule_id` as in
    /// [`Config::from_json`].
    pub fn from_value(v: &Value, rule_id: RuleLookup) -> Result<Config, InputError> {
        let mut c = Config::default();
        if v.is_null() {
            return Ok(c);
        }
        check_keys(v)?;
        let o = Obj::new(v, "config")?;
        if let Some(list) = o.opt_str_list("disabledRules", 1000)? {
            for (i, id) in list.into_iter().enumerate() {
                let rule = rule_id(id).ok_or_else(|| {
                    InputError::new(
                        format!("config.disabledRules[{i}]"),
                        "is not a rule id (see rules())",
                    )
                })?;
                c.disabled_rules.insert(rule);
            }
        }
        if let Some(sev) = o.opt_obj("severity")? {
            for (id, s) in sev.entries() {
                let path = sev.path_of(id);
                let rule = rule_id(id)
                    .ok_or_else(|| InputError::new(&path, "is not a rule id (see rules())"))?;
                let level = match s {
                    Value::String(s) => Severity::parse(s),
                    _ => None,
                }
                .ok_or_else(|| {
                    InputError::new(
                        &path,
                        format!(
                            "expected \"error\", \"warning\" or \"info\", got {}",
                            describe(s)
                        ),
                    )
                })?;
                c.severity.insert(rule, level);
            }
        }
        if let Some(p) = o.opt_obj("payers")? {
            for (kind, pack) in p.entries() {
                let path = p.path_of(kind);
                let k = PayerKind::parse(kind).ok_or_else(|| {
                    InputError::new(
                        &path,
                        format!(
                            "is not a payer kind: expected one of {}",
                            PayerKind::NAMES.join(", ")
                        ),
                    )
                })?;
                let pack = PayerRules::builtin(k).overlay(&Obj::new(pack, &path)?)?;
                c.payers.insert(k, pack);
            }
        }
        c.fee_schedule = o
            .get("feeSchedule")
            .map(|v| crate::policy::fees::FeeSchedule::from_value(v, &o.path_of("feeSchedule")))
            .transpose()?
            .map(std::sync::Arc::new);
        if let Some(n) = o.opt_obj("ncci")? {
            if let Some(file) = n.opt_str("ptpFile")? {
                let table =
                    PtpTable::parse(file).map_err(|e| InputError::new(n.path_of("ptpFile"), e))?;
                c.ptp = Some(Arc::new(table));
            }
        }
        if let Some(file) = o.opt_str("icd10File")? {
            let set =
                CodeSet::parse(file).map_err(|e| InputError::new(o.path_of("icd10File"), e))?;
            c.icd10 = Some(Arc::new(set));
        }
        if let Some(r) = o.opt_obj("requirements")? {
            c.requirements = crate::policy::elements::Requirements::from_obj(&r)?;
        }
        c.dismissed = Dismissal::list(&o)?;
        if let Some(cl) = o.opt_obj("cloning")? {
            if let Some(v) = cl.get("threshold") {
                c.cloning.threshold = v
                    .as_f64()
                    .filter(|t| *t > 0.0 && *t <= 1.0)
                    .ok_or_else(|| {
                        InputError::new(
                            cl.path_of("threshold"),
                            format!(
                                "expected a number above 0 and at most 1 (the share of a note's own narrative found in an earlier note), got {}",
                                describe(v)
                            ),
                        )
                    })?;
            }
            if let Some(lines) = cl.opt_str_list("template", 10_000)? {
                c.cloning.template = lines.into_iter().map(str::to_string).collect();
            }
        }
        Ok(c)
    }

    /// How many edits the CMS PTP file given in `ncci.ptpFile` holds (`None` when no file
    /// was given and the built-in therapy pairs are used).
    pub fn ptp_edits(&self) -> Option<usize> {
        self.ptp.as_ref().map(|t| t.len())
    }

    /// How many codes the CMS ICD-10-CM file given in `icd10File` lists (`None` when no file
    /// was given).
    pub fn icd10_codes(&self) -> Option<usize> {
        self.icd10.as_ref().map(|c| c.len())
    }

    /// Whether rule `id` is turned off by `disabledRules`.
    pub fn is_disabled(&self, id: &str) -> bool {
        self.disabled_rules.contains(id)
    }

    /// The rule pack for a payer kind: the clinic's, or the built-in one.
    pub fn payer_rules(&self, kind: PayerKind) -> &PayerRules {
        self.payers.get(&kind).unwrap_or(&self.fallback_pack)
    }
}

// ---- Unknown keys ----------------------------------------------------------------------
// A misspelled key must not silently leave a rule on: every object of the Config whose keys
// are known is checked before it is read, and an unknown key is an error naming its path and
// the nearest known key. (Objects keyed by rule ids and codes are checked where they are
// read.)

/// The keys of the Config's top level.
pub const CONFIG_KEYS: &[&str] = &[
    "disabledRules",
    "severity",
    "payers",
    "feeSchedule",
    "ncci",
    "icd10File",
    "requirements",
    "dismissed",
    "cloning",
];
/// The keys of a payer rule pack (`payers.<kind>`).
pub const PAYER_RULES_KEYS: &[&str] = &[
    "name",
    "unitRule",
    "medicareRules",
    "goalChangesNeedRecertification",
    "requireDisciplineModifiers",
    "requireAssistantModifiers",
    "ncciEdits",
    "requireTotalTreatmentTime",
    "distinctModifier",
    "progressReportInterval",
    "certificationDays",
    "certificationWindowDays",
    "visitLimit",
    "extraPairs",
];
const FEE_RVU_KEYS: &[&str] = &[
    "kind",
    "rvus",
    "pprrvuFile",
    "conversionFactor",
    "gpci",
    "qualifyingApm",
];
const FEE_ALLOWED_KEYS: &[&str] = &["kind", "amounts"];
const RVU_KEYS: &[&str] = &["work", "pe", "mp"];
const NCCI_KEYS: &[&str] = &["ptpFile"];
const CLONING_KEYS: &[&str] = &["threshold", "template"];

/// Every object of the Config with known keys, checked for keys it does not know.
fn check_keys(config: &Value) -> Result<(), InputError> {
    let Value::Object(top) = config else {
        return Ok(()); // the reader says what is wrong with it
    };
    known_keys(top, "config", CONFIG_KEYS)?;
    if let Some(Value::Object(payers)) = top.get("payers") {
        known_keys(payers, "config.payers", PayerKind::NAMES)?;
        for (kind, pack) in payers {
            if let Value::Object(pack) = pack {
                known_keys(pack, &format!("config.payers.{kind}"), PAYER_RULES_KEYS)?;
            }
        }
    }
    if let Some(Value::Object(fees)) = top.get("feeSchedule") {
        let allowed = fees.get("kind").and_then(Value::as_str) == Some("allowed");
        let keys = if allowed {
            FEE_ALLOWED_KEYS
        } else {
            FEE_RVU_KEYS
        };
        known_keys(fees, "config.feeSchedule", keys)?;
        if let Some(Value::Object(rvus)) = fees.get("rvus") {
            for (code, entry) in rvus {
                if let Value::Object(entry) = entry {
                    known_keys(entry, &format!("config.feeSchedule.rvus.{code}"), RVU_KEYS)?;
                }
            }
        }
        if let Some(Value::Object(gpci)) = fees.get("gpci") {
            known_keys(gpci, "config.feeSchedule.gpci", RVU_KEYS)?;
        }
    }
    if let Some(Value::Object(ncci)) = top.get("ncci") {
        known_keys(ncci, "config.ncci", NCCI_KEYS)?;
    }
    if let Some(Value::Object(cloning)) = top.get("cloning") {
        known_keys(cloning, "config.cloning", CLONING_KEYS)?;
    }
    if let Some(Value::Object(requirements)) = top.get("requirements") {
        known_keys(
            requirements,
            "config.requirements",
            crate::note::NoteType::NAMES,
        )?;
    }
    Ok(())
}

fn known_keys(
    map: &serde_json::Map<String, Value>,
    path: &str,
    known: &[&str],
) -> Result<(), InputError> {
    match map.keys().find(|k| !known.contains(&k.as_str())) {
        None => Ok(()),
        Some(key) => Err(InputError::new(
            crate::input::join(path, key),
            match crate::input::nearest(key, known) {
                Some(near) => format!("unknown key; did you mean \"{near}\"?"),
                None => format!("unknown key; expected one of {}", known.join(", ")),
            },
        )),
    }
}
