//! The EpisodeReport: what `checkEpisode` returns (the output half of the contract for an
//! episode of care). Spans are UTF-16 code units of the text of the note they name.

use crate::date::Date;
use crate::note::{Discipline, NoteType};
use crate::report::{money_opt, Finding, Report};
use crate::span::Span;
use rust_decimal::Decimal;
use serde::Serialize;

/// A note the episode's findings or tables point at.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NoteRef {
    /// Position of the note in the array given to `checkEpisode`.
    pub index: usize,
    pub note_id: Option<String>,
    pub date: Date,
    /// Words in that note's text, in UTF-16 code units.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

/// A finding about the episode: the same shape as a note's finding, plus the note it is
/// about (its `span` and `field` are in that note) and every note it concerns.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EpisodeFinding {
    #[serde(flatten)]
    pub finding: Finding,
    /// The note the finding is about: its position in the array given, and its id.
    pub note_index: usize,
    pub note_id: Option<String>,
    /// Every note the finding concerns (the one it is about included), in date order, with
    /// the words involved in each.
    pub notes: Vec<NoteRef>,
}

/// Fields the episode supplied to a note's own check because the EMR did not send them.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Derived {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub visit_number: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reporting_period_day: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authorized_visits: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authorization_end: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "money_opt")]
    pub threshold_spent_before: Option<Decimal>,
}

impl Derived {
    pub fn is_empty(&self) -> bool {
        *self == Derived::default()
    }
}

/// One note of the episode: its own report (or why it could not be checked).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EpisodeNote {
    /// Position in the array given to `checkEpisode`.
    pub index: usize,
    pub note_id: Option<String>,
    /// The note's own report, checked with the derived fields.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub report: Option<Report>,
    /// Why the note could not be checked (`notes[3].lines[0].units: …`); the rest of the
    /// episode is checked without it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    #[serde(skip_serializing_if = "Derived::is_empty")]
    pub derived: Derived,
    /// No error among its own findings and the episode findings about it.
    pub ready_to_sign: bool,
}

/// Similarity of a note's own narrative to its closest earlier note.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SimilarityEntry {
    pub index: usize,
    pub note_id: Option<String>,
    /// Share of the note's own narrative found in that note, 0 to 1 (three decimals).
    pub score: f64,
}

/// One note on the timeline.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TimelineEntry {
    pub index: usize,
    pub note_id: Option<String>,
    pub date: Date,
    pub note_type: NoteType,
    /// A visit (evaluation, re-evaluation, daily note, or a note billing a service).
    pub visit: bool,
    /// The episode's treatment-day number of its date (visits).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub treatment_day: Option<u32>,
    /// Its treatment day in the progress-report period (visits).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period_day: Option<u32>,
    /// A clinician's report that ends a progress-report period.
    pub progress_report: bool,
    /// Monday of its calendar week.
    pub week: Date,
    /// Treatment days in that week, the evaluation's day left out (as
    /// `episode/visits-exceed-plan-frequency` counts them).
    pub visits_in_week: u32,
    /// The most visits a week the plan in force allows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub frequency_per_week: Option<u32>,
    /// Index into `timeline.plans`: the plan of care in force.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan: Option<usize>,
    /// Its closest earlier note (when it has enough narrative of its own to compare).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub similarity: Option<SimilarityEntry>,
    /// Allowed amount spent this year in its KX bucket before the visit (given or derived).
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "money_opt")]
    pub spent_before: Option<Decimal>,
    /// The visit's expected allowed amount.
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "money_opt")]
    pub expected_payment: Option<Decimal>,
}

/// A progress-report period.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PeriodEntry {
    pub start: Date,
    /// The report's date (or the last note's, while the period is open).
    pub end: Date,
    pub treatment_days: u32,
    /// The clinician's report that ends it; `null` while it is open.
    pub report: Option<NoteRef>,
    /// Treatment days allowed between reports (the payer pack's interval), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interval: Option<u32>,
    /// The date of the treatment day by which the report was due, when reached.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due_on: Option<Date>,
    /// More treatment days than the interval allows.
    pub late: bool,
}

/// A plan of care.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PlanEntry {
    /// The note that establishes it (evaluation, re-evaluation or recertification).
    pub note: NoteRef,
    pub start: Date,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<Date>,
    /// `field` (`episode.planOfCareEnd`) or `duration` (start + weeks).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_from: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub frequency_per_week: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duration_weeks: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub planned_visits: Option<u32>,
    /// Visits (treatment days) under it so far.
    pub visits: u32,
    pub recertification: bool,
    /// The latest certification date the notes give for it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub certified_on: Option<Date>,
}

/// The payer's authorization and its use.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AuthorizationEntry {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authorized_visits: Option<u32>,
    pub visits_used: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authorization_end: Option<Date>,
}

/// The episode in time.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Timeline {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<Date>,
    /// Visits (notes that are visits) and treatment days (dates with a visit).
    pub visits: u32,
    pub treatment_days: u32,
    /// Every checked note, in date order.
    pub entries: Vec<TimelineEntry>,
    pub progress_periods: Vec<PeriodEntry>,
    pub plans: Vec<PlanEntry>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evaluation: Option<NoteRef>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub discharge: Option<NoteRef>,
    /// A note marks the episode closed (`episode.closed`).
    pub closed: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authorization: Option<AuthorizationEntry>,
}

/// A status a report gives a goal.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GoalStatusEntry {
    pub index: usize,
    pub note_id: Option<String>,
    pub date: Date,
    pub note_type: NoteType,
    /// `met`, `partlyMet`, `notMet`, `ongoing`, `discontinued`, `revised`, `measured` (a
    /// measured comparison without a status word), `restated` (the goal is restated without
    /// a status) or `missing` (the report does not mention it).
    pub status: &'static str,
    /// The status words, or the restated goal when there are none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    /// The report restates the goal with other words or numbers.
    pub changed: bool,
}

/// A goal of the episode and its statuses.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GoalRow {
    /// `G1`, `G2`… in the order the goals were set.
    pub key: String,
    /// `short`, `long`, or absent when the note does not say.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub term: Option<&'static str>,
    /// The goal's label as first written (`STG 1`, `LTG 2`), when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The note that set it; the span is the goal.
    pub set_in: NoteRef,
    /// One entry per later report (progress, re-evaluation, recertification, discharge),
    /// until the goal is met or discontinued.
    pub statuses: Vec<GoalStatusEntry>,
    /// `open`, `met` or `discontinued`.
    pub state: &'static str,
}

/// chartlint's verdict on an episode of care.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EpisodeReport {
    pub schema_version: &'static str,
    /// As the notes give them (echoed, never shown in messages).
    pub patient_id: Option<String>,
    pub episode_id: Option<String>,
    pub discipline: Option<Discipline>,
    /// Every note given, in the order given.
    pub notes: Vec<EpisodeNote>,
    /// The episode's findings, in date order of the note each is about.
    pub findings: Vec<EpisodeFinding>,
    pub timeline: Timeline,
    pub goals: Vec<GoalRow>,
    pub engine_version: &'static str,
}

impl EpisodeReport {
    pub fn has(&self, rule: &str) -> bool {
        self.findings.iter().any(|f| f.finding.rule == rule)
    }
    pub fn count(&self, rule: &str) -> usize {
        self.findings
            .iter()
            .filter(|f| f.finding.rule == rule)
            .count()
    }
    /// The episode findings of `rule` about the note with id `id`.
    pub fn about(&self, rule: &str, id: &str) -> Vec<&EpisodeFinding> {
        self.findings
            .iter()
            .filter(|f| f.finding.rule == rule && f.note_id.as_deref() == Some(id))
            .collect()
    }
}
