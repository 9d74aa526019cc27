//! The Note: what the EMR sends, parsed and validated.
//!
//! Field names and meanings follow the contract in the README (camelCase in JSON). Every
//! rejection names the field path. Unknown fields are ignored so that an EMR can send its
//! own extras; `null` is read as "absent" for every optional field.

use crate::date::Date;
use crate::error::InputError;
use crate::input::{describe, join, Obj};
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::Value;

/// Bounds on untrusted input. A note over any of them is rejected with a clear error
/// rather than checked slowly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Limits {
    /// Largest `text`, in UTF-8 bytes (1 MiB; a long note is about 30 KB).
    pub max_text_bytes: usize,
    /// Most lines of `text` (a long note has a few hundred).
    pub max_text_lines: usize,
    /// Most billed lines in `lines`.
    pub max_billed_lines: usize,
    /// Most notes checked as one episode (`checkEpisode`).
    pub max_episode_notes: usize,
}

pub const LIMITS: Limits = Limits {
    max_text_bytes: 1 << 20,
    max_text_lines: 20_000,
    max_billed_lines: 100,
    max_episode_notes: crate::episode::MAX_EPISODE_NOTES,
};

/// Minutes in a day: no line or total can exceed it.
pub const MAX_MINUTES: u32 = 1440;
/// Units on one line above this are rejected as input errors, not findings.
pub const MAX_UNITS: u32 = 999;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Discipline {
    PT,
    OT,
    SLP,
}

impl Discipline {
    pub const NAMES: &'static [&'static str] = &["PT", "OT", "SLP"];
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "PT" => Some(Self::PT),
            "OT" => Some(Self::OT),
            "SLP" => Some(Self::SLP),
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Self::PT => "PT",
            Self::OT => "OT",
            Self::SLP => "SLP",
        }
    }
    /// The Medicare plan-of-care modifier for this discipline (GP, GO, GN).
    pub fn modifier(self) -> &'static str {
        match self {
            Self::PT => "GP",
            Self::OT => "GO",
            Self::SLP => "GN",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum NoteType {
    Evaluation,
    Reevaluation,
    Daily,
    Progress,
    Recertification,
    Discharge,
}

impl NoteType {
    pub const NAMES: &'static [&'static str] = &[
        "evaluation",
        "reevaluation",
        "daily",
        "progress",
        "recertification",
        "discharge",
    ];
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "evaluation" => Self::Evaluation,
            "reevaluation" => Self::Reevaluation,
            "daily" => Self::Daily,
            "progress" => Self::Progress,
            "recertification" => Self::Recertification,
            "discharge" => Self::Discharge,
            _ => return None,
        })
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Evaluation => "evaluation",
            Self::Reevaluation => "reevaluation",
            Self::Daily => "daily",
            Self::Progress => "progress",
            Self::Recertification => "recertification",
            Self::Discharge => "discharge",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum PayerKind {
    Medicare,
    MedicareAdvantage,
    Medicaid,
    Commercial,
    WorkersComp,
    SelfPay,
}

impl PayerKind {
    pub const NAMES: &'static [&'static str] = &[
        "medicare",
        "medicareAdvantage",
        "medicaid",
        "commercial",
        "workersComp",
        "selfPay",
    ];
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "medicare" => Self::Medicare,
            "medicareAdvantage" => Self::MedicareAdvantage,
            "medicaid" => Self::Medicaid,
            "commercial" => Self::Commercial,
            "workersComp" => Self::WorkersComp,
            "selfPay" => Self::SelfPay,
            _ => return None,
        })
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Medicare => "medicare",
            Self::MedicareAdvantage => "medicareAdvantage",
            Self::Medicaid => "medicaid",
            Self::Commercial => "commercial",
            Self::WorkersComp => "workersComp",
            Self::SelfPay => "selfPay",
        }
    }
}

/// How timed minutes become units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum UnitRule {
    /// Medicare's total-time method (CMS Pub. 100-04, ch. 5, §20.2).
    #[serde(rename = "cms8")]
    Cms8,
    /// The AMA/CPT mid-point method applied to each code on its own ("Rule of Eights").
    #[serde(rename = "ruleOf8s")]
    RuleOf8s,
}

impl UnitRule {
    pub const NAMES: &'static [&'static str] = &["cms8", "ruleOf8s"];
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "cms8" => Some(Self::Cms8),
            "ruleOf8s" => Some(Self::RuleOf8s),
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Cms8 => "cms8",
            Self::RuleOf8s => "ruleOf8s",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Role {
    PT,
    PTA,
    OT,
    OTA,
    SLP,
    SLPA,
    #[serde(rename = "student")]
    Student,
}

impl Role {
    pub const NAMES: &'static [&'static str] =
        &["PT", "PTA", "OT", "OTA", "SLP", "SLPA", "student"];
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "PT" => Self::PT,
            "PTA" => Self::PTA,
            "OT" => Self::OT,
            "OTA" => Self::OTA,
            "SLP" => Self::SLP,
            "SLPA" => Self::SLPA,
            "student" => Self::Student,
            _ => return None,
        })
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Self::PT => "PT",
            Self::PTA => "PTA",
            Self::OT => "OT",
            Self::OTA => "OTA",
            Self::SLP => "SLP",
            Self::SLPA => "SLPA",
            Self::Student => "student",
        }
    }
    /// An assistant (PTA, OTA, SLPA) rather than a qualified therapist.
    pub fn is_assistant(self) -> bool {
        matches!(self, Self::PTA | Self::OTA | Self::SLPA)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Payer {
    pub kind: PayerKind,
    /// As given in the note; `None` means "the payer pack's method" (Medicare's by default).
    pub unit_rule: Option<UnitRule>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Provider {
    pub role: Role,
    pub name: Option<String>,
    pub credentials: Option<String>,
}

/// One billed service line.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// CPT/HCPCS code, trimmed and upper-cased.
    pub code: String,
    pub minutes: Option<u32>,
    pub units: u32,
    /// Upper-cased, trimmed.
    pub modifiers: Vec<String>,
    /// Minutes the assistant furnished independently (for the CQ/CO de minimis test).
    pub assistant_minutes: Option<u32>,
}

impl Line {
    pub fn has_modifier(&self, m: &str) -> bool {
        self.modifiers.iter().any(|x| x == m)
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Episode {
    pub visit_number: Option<u32>,
    pub reporting_period_day: Option<u32>,
    pub plan_of_care_start: Option<Date>,
    pub plan_of_care_end: Option<Date>,
    /// `None` when absent or `null` (not certified).
    pub certified_on: Option<Date>,
    pub authorized_visits: Option<u32>,
    pub authorization_end: Option<Date>,
    pub threshold_spent_before: Option<Decimal>,
    /// The EMR marks the episode closed: the patient is no longer seen under this plan.
    pub closed: Option<bool>,
    /// The plan of care's frequency: the most visits a week it allows (3 for "2-3x/week").
    pub frequency_per_week: Option<u32>,
    /// The plan of care's duration in weeks.
    pub duration_weeks: Option<u32>,
    /// The number of visits the plan of care calls for, when it states one.
    pub planned_visits: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Level {
    Low,
    Moderate,
    High,
}

impl Level {
    pub const NAMES: &'static [&'static str] = &["low", "moderate", "high"];
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "low" => Some(Self::Low),
            "moderate" => Some(Self::Moderate),
            "high" => Some(Self::High),
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Low => "low",
            Self::Moderate => "moderate",
            Self::High => "high",
        }
    }
}

/// Evaluation components as the EMR's evaluation form records them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Evaluation {
    pub history_factors: Option<u32>,
    pub exam_elements: Option<u32>,
    /// `stable`, `evolving`, `unstable`.
    pub clinical_presentation: Option<String>,
    /// `brief`, `expanded`, `extensive`.
    pub profile_review: Option<String>,
    pub performance_deficits: Option<u32>,
    pub comorbidities_affect_occupation: Option<bool>,
    /// `none`, `minimalToModerate`, `significant`.
    pub task_modification: Option<String>,
    pub decision_making: Option<Level>,
    pub minutes: Option<u32>,
    pub reevaluation_reason: Option<String>,
}

/// A therapy note, validated.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    pub id: Option<String>,
    /// The EMR's patient identifier: echoed in reports, never in messages.
    pub patient_id: Option<String>,
    /// The EMR's episode-of-care identifier: echoed in reports, never in messages.
    pub episode_id: Option<String>,
    pub discipline: Discipline,
    pub note_type: NoteType,
    pub date_of_service: Date,
    pub payer: Payer,
    pub provider: Provider,
    pub lines: Vec<Line>,
    pub diagnoses: Option<Vec<String>>,
    pub total_timed_minutes: Option<u32>,
    pub total_treatment_minutes: Option<u32>,
    pub episode: Option<Episode>,
    pub evaluation: Option<Evaluation>,
    pub text: String,
}

impl Note {
    /// Parses a JSON string (native callers, tests, the command line).
    pub fn from_json(json: &str) -> Result<Note, InputError> {
        Note::from_value(&crate::parse_json(json, "note")?)
    }

    /// Validates a JSON value into a Note, moving the text out of it rather than copying
    /// it (the path every check takes).
    pub fn from_value_owned(mut v: Value) -> Result<Note, InputError> {
        let text = match v.get_mut("text") {
            Some(Value::String(s)) => {
                check_text_bounds(s)?;
                std::mem::take(s)
            }
            _ => return Note::from_value(&v),
        };
        let mut note = Note::from_value(&v)?;
        note.text = text;
        Ok(note)
    }

    /// Validates a JSON value into a Note.
    pub fn from_value(v: &Value) -> Result<Note, InputError> {
        if !v.is_object() {
            return Err(InputError::new(
                "note",
                format!("expected an object, got {}", describe(v)),
            ));
        }
        let o = Obj::new(v, "")?;
        let text = match o.get("text") {
            None => {
                return Err(InputError::new(
                    "text",
                    "is required: the note's narrative as a string (may be empty)",
                ))
            }
            Some(Value::String(s)) => {
                check_text_bounds(s)?;
                s.clone()
            }
            Some(other) => {
                return Err(InputError::new(
                    "text",
                    format!("expected a string, got {}", describe(other)),
                ))
            }
        };

        let id = o.opt_str("id")?.map(|s| s.chars().take(200).collect());
        let patient_id = o
            .opt_str("patientId")?
            .map(|s| s.chars().take(200).collect());
        let episode_id = o
            .opt_str("episodeId")?
            .map(|s| s.chars().take(200).collect());
        let discipline = Discipline::parse(o.req_enum("discipline", Discipline::NAMES)?)
            .unwrap_or(Discipline::PT);
        let note_type =
            NoteType::parse(o.req_enum("noteType", NoteType::NAMES)?).unwrap_or(NoteType::Daily);
        let date_of_service = o.opt_date("dateOfService")?.ok_or_else(|| {
            InputError::new("dateOfService", "is required: a date written YYYY-MM-DD")
        })?;

        let payer_obj = o.opt_obj("payer")?.ok_or_else(|| {
            InputError::new(
                "payer",
                "is required: an object such as { \"kind\": \"medicare\" }",
            )
        })?;
        let payer = Payer {
            kind: PayerKind::parse(payer_obj.req_enum("kind", PayerKind::NAMES)?)
                .unwrap_or(PayerKind::Medicare),
            unit_rule: payer_obj
                .opt_enum("unitRule", UnitRule::NAMES)?
                .and_then(UnitRule::parse),
        };

        let prov = o.opt_obj("provider")?.ok_or_else(|| {
            InputError::new(
                "provider",
                "is required: an object such as { \"role\": \"PT\" }",
            )
        })?;
        let provider = Provider {
            role: Role::parse(prov.req_enum("role", Role::NAMES)?).unwrap_or(Role::PT),
            name: prov.opt_str("name")?.map(str::to_string),
            credentials: prov.opt_str("credentials")?.map(str::to_string),
        };

        let raw_lines = o
            .opt_array("lines", LIMITS.max_billed_lines)?
            .ok_or_else(|| {
                InputError::new(
                    "lines",
                    "is required: an array of billed services (may be empty)",
                )
            })?;
        let mut lines = Vec::with_capacity(raw_lines.len());
        for (i, raw) in raw_lines.iter().enumerate() {
            lines.push(parse_line(raw, &format!("lines[{i}]"))?);
        }

        let diagnoses = o.opt_str_list("diagnoses", 50)?.map(|v| {
            v.into_iter()
                .map(|s| s.trim().to_ascii_uppercase())
                .collect()
        });

        let episode = o
            .opt_obj("episode")?
            .map(|e| parse_episode(&e))
            .transpose()?;
        let evaluation = o
            .opt_obj("evaluation")?
            .map(|e| parse_evaluation(&e))
            .transpose()?;

        Ok(Note {
            id,
            patient_id,
            episode_id,
            discipline,
            note_type,
            date_of_service,
            payer,
            provider,
            lines,
            diagnoses,
            total_timed_minutes: o.opt_count(
                "totalTimedMinutes",
                "a whole number of minutes",
                MAX_MINUTES,
            )?,
            total_treatment_minutes: o.opt_count(
                "totalTreatmentMinutes",
                "a whole number of minutes",
                MAX_MINUTES,
            )?,
            episode,
            evaluation,
            text,
        })
    }
}

/// The text's bounds ([`LIMITS`]): bytes, then lines (counted only when the text is long
/// enough to have too many).
fn check_text_bounds(text: &str) -> Result<(), InputError> {
    if text.len() > LIMITS.max_text_bytes {
        return Err(InputError::new(
            "text",
            format!(
                "is {} bytes; at most {} bytes are checked (split the note)",
                text.len(),
                LIMITS.max_text_bytes
            ),
        ));
    }
    if text.len() >= LIMITS.max_text_lines {
        let text_lines = memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1;
        if text_lines > LIMITS.max_text_lines {
            return Err(InputError::new(
                "text",
                format!(
                    "has {text_lines} lines; at most {} are checked",
                    LIMITS.max_text_lines
                ),
            ));
        }
    }
    Ok(())
}

fn parse_line(v: &Value, path: &str) -> Result<Line, InputError> {
    let o = Obj::new(v, path)?;
    let code = o.req_str("code")?.trim().to_ascii_uppercase();
    if code.is_empty() || code.len() > 16 {
        return Err(InputError::new(
            join(path, "code"),
            "expected a CPT or HCPCS code such as \"97110\"",
        ));
    }
    let modifiers = match o.opt_str_list("modifiers", 8)? {
        None => Vec::new(),
        Some(list) => {
            let mut out = Vec::with_capacity(list.len());
            for (i, m) in list.into_iter().enumerate() {
                let m = m.trim().to_ascii_uppercase();
                if m.is_empty() || m.len() > 4 || !m.bytes().all(|b| b.is_ascii_alphanumeric()) {
                    return Err(InputError::new(
                        format!("{path}.modifiers[{i}]"),
                        "expected a two-character modifier such as \"GP\" or \"59\"",
                    ));
                }
                out.push(m);
            }
            out
        }
    };
    let minutes = o.opt_count("minutes", "a whole number of minutes", MAX_MINUTES)?;
    let assistant_minutes =
        o.opt_count("assistantMinutes", "a whole number of minutes", MAX_MINUTES)?;
    if let (Some(a), Some(m)) = (assistant_minutes, minutes) {
        if a > m {
            return Err(InputError::new(
                join(path, "assistantMinutes"),
                format!("expected no more than the line's {m} minutes, got {a}"),
            ));
        }
    }
    Ok(Line {
        code,
        minutes,
        units: o.req_count("units", "a whole number of units", MAX_UNITS)?,
        modifiers,
        assistant_minutes,
    })
}

fn parse_episode(o: &Obj<'_>) -> Result<Episode, InputError> {
    Ok(Episode {
        visit_number: o.opt_count("visitNumber", "a whole number", 10_000)?,
        reporting_period_day: o.opt_count(
            "reportingPeriodDay",
            "a whole number of treatment days",
            10_000,
        )?,
        plan_of_care_start: o.opt_date("planOfCareStart")?,
        plan_of_care_end: o.opt_date("planOfCareEnd")?,
        certified_on: o.opt_date("certifiedOn")?,
        authorized_visits: o.opt_count("authorizedVisits", "a whole number of visits", 10_000)?,
        authorization_end: o.opt_date("authorizationEnd")?,
        threshold_spent_before: o.opt_money("thresholdSpentBefore")?,
        closed: o.opt_bool("closed")?,
        frequency_per_week: o.opt_count(
            "frequencyPerWeek",
            "a whole number of visits a week",
            14,
        )?,
        duration_weeks: o.opt_count("durationWeeks", "a whole number of weeks", 104)?,
        planned_visits: o.opt_count("plannedVisits", "a whole number of visits", 1000)?,
    })
}

fn parse_evaluation(o: &Obj<'_>) -> Result<Evaluation, InputError> {
    let text = |key: &str| -> Result<Option<String>, InputError> {
        Ok(o.opt_str(key)?.map(|s| s.chars().take(2000).collect()))
    };
    Ok(Evaluation {
        history_factors: o.opt_count("historyFactors", "a count", 100)?,
        exam_elements: o.opt_count("examElements", "a count", 100)?,
        clinical_presentation: o
            .opt_enum("clinicalPresentation", &["stable", "evolving", "unstable"])?
            .map(str::to_string),
        profile_review: o
            .opt_enum("profileReview", &["brief", "expanded", "extensive"])?
            .map(str::to_string),
        performance_deficits: o.opt_count("performanceDeficits", "a count", 100)?,
        comorbidities_affect_occupation: o.opt_bool("comorbiditiesAffectOccupation")?,
        task_modification: o
            .opt_enum(
                "taskModification",
                &["none", "minimalToModerate", "significant"],
            )?
            .map(str::to_string),
        decision_making: o
            .opt_enum("decisionMaking", Level::NAMES)?
            .and_then(Level::parse),
        minutes: o.opt_count("minutes", "a whole number of minutes", MAX_MINUTES)?,
        reevaluation_reason: text("reevaluationReason")?,
    })
}
