//! The Note: what the EMR sends, parsed and validated.
//!
//! Field names and meanings follow the contract in the README (camelCase in JSON). Every
//! rejection names the field path. Unknown fields are ignored so that an EMR can send its
//! own extras; `null` is read as "absent" for every optional field.

use crate::date::Date;
use crate::error::InputError;
use crate::input::{describe, describe_short, join, Obj};
use crate::wire::wire_enum;
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::Value;

/// Bounds on untrusted input. A note over any of them is rejected with a clear error
/// rather than checked slowly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
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

/// The bounds every note is checked against.
pub const LIMITS: Limits = Limits {
    max_text_bytes: 1 << 20,
    max_text_lines: 20_000,
    max_billed_lines: 100,
    max_episode_notes: MAX_EPISODE_NOTES,
};

/// Most notes checked as one episode of care.
pub const MAX_EPISODE_NOTES: usize = 500;

/// Minutes in a day: no line or total can exceed it.
pub const MAX_MINUTES: u32 = 1440;
/// Units on one line above this are rejected as input errors, not findings.
pub const MAX_UNITS: u32 = 999;

wire_enum! {
    /// A PT, OT or SLP plan of care's discipline.
    pub enum Discipline {
        /// Physical therapy.
        PT = "PT",
        /// Occupational therapy.
        OT = "OT",
        /// Speech-language pathology.
        SLP = "SLP",
    }
}

impl Discipline {
    /// The Medicare plan-of-care modifier for this discipline (GP, GO, GN).
    pub fn modifier(self) -> &'static str {
        match self {
            Self::PT => "GP",
            Self::OT => "GO",
            Self::SLP => "GN",
        }
    }
}

wire_enum! {
    /// The kind of note.
    pub enum NoteType {
        /// An initial evaluation.
        Evaluation = "evaluation",
        /// A re-evaluation.
        Reevaluation = "reevaluation",
        /// A daily treatment note.
        Daily = "daily",
        /// A progress report.
        Progress = "progress",
        /// A recertification of the plan of care.
        Recertification = "recertification",
        /// A discharge summary.
        Discharge = "discharge",
    }
}

wire_enum! {
    /// Who pays: picks the payer rule pack.
    pub enum PayerKind {
        /// Original Medicare (Part B).
        Medicare = "medicare",
        /// A Medicare Advantage plan.
        MedicareAdvantage = "medicareAdvantage",
        /// A state Medicaid program.
        Medicaid = "medicaid",
        /// A commercial plan.
        Commercial = "commercial",
        /// Workers' compensation.
        WorkersComp = "workersComp",
        /// The patient pays.
        SelfPay = "selfPay",
    }
}

wire_enum! {
    /// How timed minutes become units.
    pub enum UnitRule {
        /// Medicare's total-time method (CMS Pub. 100-04, ch. 5, §20.2).
        Cms8 = "cms8",
        /// The AMA/CPT mid-point method applied to each code on its own ("Rule of Eights").
        RuleOf8s = "ruleOf8s",
    }
}

wire_enum! {
    /// The provider's role.
    pub enum Role {
        /// Physical therapist.
        PT = "PT",
        /// Physical therapist assistant.
        PTA = "PTA",
        /// Occupational therapist.
        OT = "OT",
        /// Occupational therapy assistant.
        OTA = "OTA",
        /// Speech-language pathologist.
        SLP = "SLP",
        /// Speech-language pathology assistant.
        SLPA = "SLPA",
        /// A student under supervision.
        Student = "student",
    }
}

impl Role {
    /// An assistant (PTA, OTA, SLPA) rather than a qualified therapist.
    pub fn is_assistant(self) -> bool {
        matches!(self, Self::PTA | Self::OTA | Self::SLPA)
    }
}

/// Who pays for the visit.
#[derive(Debug, Clone, PartialEq)]
pub struct Payer {
    /// The kind of payer: picks the rule pack.
    pub kind: PayerKind,
    /// As given in the note; `None` means "the payer pack's method" (Medicare's by default).
    pub unit_rule: Option<UnitRule>,
}

/// Who furnished the services and writes the note.
#[derive(Debug, Clone, PartialEq)]
pub struct Provider {
    /// Their role.
    pub role: Role,
    /// Their name, as the EMR signs the note.
    pub name: Option<String>,
    /// Their credentials ("PT, DPT", "OTR/L").
    pub credentials: Option<String>,
}

/// One billed service line.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// CPT/HCPCS code, trimmed and upper-cased.
    pub code: String,
    /// One-on-one minutes.
    pub minutes: Option<u32>,
    /// Units billed (0: performed and documented, not billed).
    pub units: u32,
    /// Upper-cased, trimmed.
    pub modifiers: Vec<String>,
    /// Minutes the assistant furnished independently (for the CQ/CO de minimis test).
    pub assistant_minutes: Option<u32>,
}

impl Line {
    /// Whether the line carries modifier `m` (upper case).
    pub fn has_modifier(&self, m: &str) -> bool {
        self.modifiers.iter().any(|x| x == m)
    }
}

/// The episode of care around the visit.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Episode {
    /// This visit's number in the episode of care.
    pub visit_number: Option<u32>,
    /// This visit's treatment day in the current progress-report period (day 1: the
    /// evaluation or the last progress report).
    pub reporting_period_day: Option<u32>,
    /// First day of the plan of care.
    pub plan_of_care_start: Option<Date>,
    /// Last day of the plan of care.
    pub plan_of_care_end: Option<Date>,
    /// `None` when absent or `null` (not certified).
    pub certified_on: Option<Date>,
    /// Visits the payer authorized for the episode.
    pub authorized_visits: Option<u32>,
    /// Last day of the payer's authorization.
    pub authorization_end: Option<Date>,
    /// Allowed amount this calendar year before this visit, in this discipline's KX bucket.
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

wire_enum! {
    /// An evaluation's complexity level (and the level of decision making).
    #[cfg_attr(test, ts(rename = "ComplexityLevel"))]
    pub enum Level {
        /// Low complexity.
        Low = "low",
        /// Moderate complexity.
        Moderate = "moderate",
        /// High complexity.
        High = "high",
    }
}

wire_enum! {
    /// PT clinical presentation (`evaluation.clinicalPresentation`).
    pub enum ClinicalPresentation {
        /// Stable and/or uncomplicated characteristics.
        Stable = "stable",
        /// Evolving, with changing characteristics.
        Evolving = "evolving",
        /// Unstable and unpredictable characteristics.
        Unstable = "unstable",
    }
}

wire_enum! {
    /// OT review of the occupational profile and history (`evaluation.profileReview`).
    pub enum ProfileReview {
        /// A brief history review.
        Brief = "brief",
        /// An expanded review.
        Expanded = "expanded",
        /// An extensive review.
        Extensive = "extensive",
    }
}

wire_enum! {
    /// OT modification of tasks or assistance needed (`evaluation.taskModification`).
    pub enum TaskModification {
        /// No modification or assistance needed.
        None = "none",
        /// Minimal to moderate modification or assistance.
        MinimalToModerate = "minimalToModerate",
        /// Significant modification or assistance.
        Significant = "significant",
    }
}

/// Evaluation components as the EMR's evaluation form records them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Evaluation {
    /// PT: personal factors and comorbidities affecting the plan (a count).
    pub history_factors: Option<u32>,
    /// PT: body structures and functions, activity limitations, participation restrictions
    /// addressed (a count).
    pub exam_elements: Option<u32>,
    /// PT clinical presentation.
    pub clinical_presentation: Option<ClinicalPresentation>,
    /// OT occupational profile and history review.
    pub profile_review: Option<ProfileReview>,
    /// OT performance deficits (a count).
    pub performance_deficits: Option<u32>,
    /// OT: comorbidities affect occupational performance.
    pub comorbidities_affect_occupation: Option<bool>,
    /// OT modification of tasks or assistance.
    pub task_modification: Option<TaskModification>,
    /// Clinical decision making.
    pub decision_making: Option<Level>,
    /// Face-to-face minutes (descriptive; never decides the level).
    pub minutes: Option<u32>,
    /// Why the re-evaluation was needed, as the form records it.
    pub reevaluation_reason: Option<String>,
}

/// A therapy note, validated.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    /// Echoed in the report.
    pub id: Option<String>,
    /// The EMR's patient identifier: echoed in reports, never in messages.
    pub patient_id: Option<String>,
    /// The EMR's episode-of-care identifier: echoed in reports, never in messages.
    pub episode_id: Option<String>,
    /// The plan of care's discipline.
    pub discipline: Discipline,
    /// The kind of note.
    pub note_type: NoteType,
    /// Picks the policy year (thresholds, conversion factor).
    pub date_of_service: Date,
    /// Who pays.
    pub payer: Payer,
    /// Who furnished the services.
    pub provider: Provider,
    /// The billed services.
    pub lines: Vec<Line>,
    /// ICD-10-CM codes for the visit, primary first (upper case).
    pub diagnoses: Option<Vec<String>>,
    /// Total timed minutes, as documented.
    pub total_timed_minutes: Option<u32>,
    /// Total treatment minutes (timed and untimed), as documented.
    pub total_treatment_minutes: Option<u32>,
    /// The episode of care.
    pub episode: Option<Episode>,
    /// The evaluation form's complexity components.
    pub evaluation: Option<Evaluation>,
    /// The narrative, as the editor holds it.
    pub text: String,
}

impl Note {
    /// Parses a JSON string (native callers, tests, the command line).
    pub fn from_json(json: &str) -> Result<Note, InputError> {
        Note::from_value(&crate::input::parse_json(json, "note")?)
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
            .opt_enum("clinicalPresentation", ClinicalPresentation::NAMES)?
            .and_then(ClinicalPresentation::parse),
        profile_review: o
            .opt_enum("profileReview", ProfileReview::NAMES)?
            .and_then(ProfileReview::parse),
        performance_deficits: o.opt_count("performanceDeficits", "a count", 100)?,
        comorbidities_affect_occupation: o.opt_bool("comorbiditiesAffectOccupation")?,
        task_modification: o
            .opt_enum("taskModification", TaskModification::NAMES)?
            .and_then(TaskModification::parse),
        decision_making: o
            .opt_enum("decisionMaking", Level::NAMES)?
            .and_then(Level::parse),
        minutes: o.opt_count("minutes", "a whole number of minutes", MAX_MINUTES)?,
        reevaluation_reason: text("reevaluationReason")?,
    })
}

/// The notes of an episode of care as given to `checkEpisode`: each validated on its own.
#[derive(Debug)]
pub struct EpisodeNotes {
    /// Index-aligned with the input array: the note, or its error (its path starts with
    /// `notes[i]`).
    pub notes: Vec<Result<Note, InputError>>,
    /// The notes' `patientId`, when they give one.
    pub patient_id: Option<String>,
    /// The notes' `episodeId`, when they give one.
    pub episode_id: Option<String>,
    /// Index-aligned with the input array: each note's `id` when it is a string, read even
    /// from notes that fail validation (so their error names them in the report).
    pub ids: Vec<Option<String>>,
}

/// Reads the notes of one episode of care (a JSON array, any order). Errors that concern
/// the episode as a whole are returned: not an array, more than [`MAX_EPISODE_NOTES`] notes,
/// notes of two disciplines, patients or episodes, two notes with one id. A note that fails
/// validation is kept as its own error (`notes[3].lines[0].units: …`) so the rest can be
/// checked.
pub fn parse_episode_notes(v: &Value) -> Result<EpisodeNotes, InputError> {
    let Value::Array(items) = v else {
        return Err(InputError::new(
            "notes",
            format!(
                "expected an array of the episode's notes, got {}",
                describe(v)
            ),
        ));
    };
    if items.len() > MAX_EPISODE_NOTES {
        return Err(InputError::new(
            "notes",
            format!(
                "has {} notes; at most {MAX_EPISODE_NOTES} are checked as one episode (check the episode in parts)",
                items.len()
            ),
        ));
    }
    // The fields that tie the notes together, read even from notes that fail validation.
    let mut first: [Option<usize>; 3] = [None, None, None];
    let mut ids: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (i, item) in items.iter().enumerate() {
        for (slot, key, what) in [
            (0, "discipline", "discipline"),
            (1, "patientId", "patient"),
            (2, "episodeId", "episode of care"),
        ] {
            let Some(value @ Value::String(_)) = item.get(key) else {
                continue;
            };
            let Some(seen) = first.get_mut(slot) else {
                continue;
            };
            let Some(j) = *seen else {
                *seen = Some(i);
                continue;
            };
            let other = items
                .get(j)
                .and_then(|n| n.get(key))
                .unwrap_or(&Value::Null);
            if other != value {
                // Disciplines are shown (a closed set); ids never are.
                let how = if slot == 0 {
                    format!(
                        "is {} but notes[{j}] is {}",
                        describe_short(value),
                        describe_short(other)
                    )
                } else {
                    format!("differs from notes[{j}].{key}")
                };
                return Err(InputError::new(
                    format!("notes[{i}].{key}"),
                    format!("{how}: an episode holds the notes of one {what}"),
                ));
            }
        }
        if let Some(Value::String(id)) = item.get("id") {
            if let Some(j) = ids.insert(id.as_str(), i) {
                return Err(InputError::new(
                    format!("notes[{i}].id"),
                    format!(
                        "is the same as notes[{j}].id: each note of an episode needs its own id"
                    ),
                ));
            }
        }
    }
    let notes = items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            Note::from_value(item).map_err(|e| {
                let path = if e.path.is_empty() || e.path == "note" {
                    format!("notes[{i}]")
                } else {
                    format!("notes[{i}].{}", e.path)
                };
                InputError::new(path, e.message)
            })
        })
        .collect();
    let id_of = |slot: usize| {
        first
            .get(slot)
            .copied()
            .flatten()
            .and_then(|i| items.get(i))
            .and_then(|n| n.get(if slot == 1 { "patientId" } else { "episodeId" }))
            .and_then(Value::as_str)
            .map(|s| s.chars().take(200).collect::<String>())
    };
    let ids = items
        .iter()
        .map(|item| {
            item.get("id")
                .and_then(Value::as_str)
                .map(|s| s.chars().take(200).collect())
        })
        .collect();
    Ok(EpisodeNotes {
        notes,
        patient_id: id_of(1),
        episode_id: id_of(2),
        ids,
    })
}
