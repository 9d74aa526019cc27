//! The EpisodeReport: what `checkEpisode` returns (the output half of the contract for an
//! episode of care), assembled here from the episode's facts, the episode rules'
//! diagnostics and each note's own Report. Spans are UTF-16 code units of the text of the
//! note they name; one UTF-16 index per note that needs one.

use super::Report;
use crate::date::Date;
use crate::diagnostics::{EpisodeDiagnostic, Finding, Severity};
use crate::facts::episode::model::{week_of, EndFrom};
use crate::facts::episode::reading::Term;
use crate::facts::episode::{DerivedFields, EpisodeFacts};
use crate::money::Money;
use crate::note::{Discipline, EpisodeNotes, NoteType};
use crate::span::{Span, Utf16Index, Utf16Span};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// A note the episode's findings or tables point at.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct NoteRef {
    /// Position of the note in the array given to `checkEpisode`.
    pub index: usize,
    /// The note's `id`.
    pub note_id: Option<String>,
    /// Its date of service.
    #[cfg_attr(test, ts(type = "string"))]
    pub date: Date,
    /// Words in that note's text, in UTF-16 code units of that note's `text`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub span: Option<Utf16Span>,
}

/// A finding about the episode: the same shape as a note's finding (its `span` and `field`
/// are in the note it is about), plus that note and every note it concerns.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct EpisodeFinding {
    /// The finding, about the note at `noteIndex`.
    #[serde(flatten)]
    #[cfg_attr(test, ts(flatten))]
    pub finding: Finding,
    /// The note the finding is about: its position in the array given.
    pub note_index: usize,
    /// That note's `id`.
    pub note_id: Option<String>,
    /// Every note the finding concerns (the one it is about included), in date order, with
    /// the words involved in each.
    pub notes: Vec<NoteRef>,
}

/// Fields the episode supplied to a note's own check because the EMR did not send them.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Derived {
    /// Its treatment day in the episode (`episode.visitNumber`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub visit_number: Option<u32>,
    /// Its treatment day in the progress-report period (`episode.reportingPeriodDay`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub reporting_period_day: Option<u32>,
    /// The authorization an earlier note gave.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub authorized_visits: Option<u32>,
    /// The authorization's end an earlier note gave.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional, type = "string"))]
    pub authorization_end: Option<Date>,
    /// The year's spending before the visit, from the earlier visits' expected payments.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub threshold_spent_before: Option<Money>,
}

impl Derived {
    /// Whether nothing was derived.
    pub fn is_empty(&self) -> bool {
        *self == Derived::default()
    }
}

/// One note of the episode: its own report (or why it could not be checked).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct EpisodeNote {
    /// Position in the array given to `checkEpisode`.
    pub index: usize,
    /// The note's `id` (also when the note failed validation, if its `id` is a string).
    pub note_id: Option<String>,
    /// The note's own report, checked with the derived fields.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub report: Option<Report>,
    /// Why the note could not be checked (`notes[3].lines[0].units: …`); the rest of the
    /// episode is checked without it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub error: Option<String>,
    /// The fields the episode supplied, when it supplied any.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub derived: Option<Derived>,
    /// No error among its own findings and the episode findings about it.
    pub ready_to_sign: bool,
}

/// Similarity of a note's own narrative to its closest earlier note.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Similarity {
    /// The earlier note's position in the array given.
    pub index: usize,
    /// Its `id`.
    pub note_id: Option<String>,
    /// Share of the note's own narrative found in that note, 0 to 1 (three decimals).
    pub score: f64,
}

/// One note on the timeline.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct TimelineEntry {
    /// Position in the array given.
    pub index: usize,
    /// The note's `id`.
    pub note_id: Option<String>,
    /// Its date of service.
    #[cfg_attr(test, ts(type = "string"))]
    pub date: Date,
    /// Its type.
    pub note_type: NoteType,
    /// A visit (evaluation, re-evaluation, daily note, or a note billing a service).
    pub visit: bool,
    /// The episode's treatment-day number of its date (visits).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub treatment_day: Option<u32>,
    /// Its treatment day in the progress-report period (visits).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub period_day: Option<u32>,
    /// A clinician's report that ends a progress-report period.
    pub progress_report: bool,
    /// Monday of its calendar week.
    #[cfg_attr(test, ts(type = "string"))]
    pub week: Date,
    /// Treatment days in that week, the evaluation's day left out (as
    /// `episode/visits-exceed-plan-frequency` counts them).
    pub visits_in_week: u32,
    /// The most visits a week the plan in force allows.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub frequency_per_week: Option<u32>,
    /// Index into `timeline.plans`: the plan of care in force.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub plan: Option<usize>,
    /// Its closest earlier note (when it has enough narrative of its own to compare).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub similarity: Option<Similarity>,
    /// Allowed amount spent this year in its KX bucket before the visit (given or derived).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub spent_before: Option<Money>,
    /// The visit's expected allowed amount.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub expected_payment: Option<Money>,
}

/// A progress-report period.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PeriodEntry {
    /// The date of its first note.
    #[cfg_attr(test, ts(type = "string"))]
    pub start: Date,
    /// The report's date (or the last note's, while the period is open).
    #[cfg_attr(test, ts(type = "string"))]
    pub end: Date,
    /// Treatment days in it.
    pub treatment_days: u32,
    /// The clinician's report that ends it; `null` while it is open.
    pub report: Option<NoteRef>,
    /// Treatment days allowed between reports (the payer pack's interval), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub interval: Option<u32>,
    /// The date of the treatment day by which the report was due, when reached.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional, type = "string"))]
    pub due_on: Option<Date>,
    /// More treatment days than the interval allows.
    pub late: bool,
}

/// A plan of care.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PlanEntry {
    /// The note that establishes it; its span is the frequency words.
    pub note: NoteRef,
    /// Its first day.
    #[cfg_attr(test, ts(type = "string"))]
    pub start: Date,
    /// Its last day.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional, type = "string"))]
    pub end: Option<Date>,
    /// `field` (`episode.planOfCareEnd`) or `duration` (start + weeks).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional, type = "\"field\" | \"duration\""))]
    pub end_from: Option<&'static str>,
    /// The most visits a week it allows.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub frequency_per_week: Option<u32>,
    /// Its duration in weeks.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub duration_weeks: Option<u32>,
    /// The visits it calls for in all.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub planned_visits: Option<u32>,
    /// Visits (treatment days) under it so far.
    pub visits: u32,
    /// Set by a recertification.
    pub recertification: bool,
    /// The latest certification date the notes give for it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional, type = "string"))]
    pub certified_on: Option<Date>,
}

/// The payer's authorization and its use.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct AuthorizationEntry {
    /// Visits authorized (the latest figure the notes give).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub authorized_visits: Option<u32>,
    /// Treatment days so far.
    pub visits_used: u32,
    /// The authorization's last day.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional, type = "string"))]
    pub authorization_end: Option<Date>,
}

/// The episode in time.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Timeline {
    /// The first note's date.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional, type = "string"))]
    pub start: Option<Date>,
    /// The last note's date.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional, type = "string"))]
    pub end: Option<Date>,
    /// Notes that are visits.
    pub visits: u32,
    /// Dates with a visit (with those before the first note when the episode is given
    /// without its start).
    pub treatment_days: u32,
    /// Every checked note, in date order.
    pub entries: Vec<TimelineEntry>,
    /// The progress-report periods.
    pub progress_periods: Vec<PeriodEntry>,
    /// The plans of care.
    pub plans: Vec<PlanEntry>,
    /// The first evaluation.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub evaluation: Option<NoteRef>,
    /// The first discharge note.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub discharge: Option<NoteRef>,
    /// A note marks the episode closed (`episode.closed`).
    pub closed: bool,
    /// The payer's authorization, when the notes give one.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub authorization: Option<AuthorizationEntry>,
}

/// A status a report gives a goal.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct GoalStatusEntry {
    /// The report's position in the array given.
    pub index: usize,
    /// Its `id`.
    pub note_id: Option<String>,
    /// Its date.
    #[cfg_attr(test, ts(type = "string"))]
    pub date: Date,
    /// Its type.
    pub note_type: NoteType,
    /// `met`, `partlyMet`, `notMet`, `ongoing`, `discontinued`, `revised`, `measured` (a
    /// measured comparison without a status word), `restated` (the goal is restated without
    /// a status) or `missing` (the report does not mention it).
    #[cfg_attr(
        test,
        ts(
            type = "\"met\" | \"partlyMet\" | \"notMet\" | \"ongoing\" | \"discontinued\" | \"revised\" | \"measured\" | \"restated\" | \"missing\""
        )
    )]
    pub status: &'static str,
    /// The status words, or the restated goal when there are none.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub span: Option<Utf16Span>,
    /// The report restates the goal with other words or numbers.
    pub changed: bool,
}

/// A goal of the episode and its statuses.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct GoalRow {
    /// `G1`, `G2`… in the order the goals were set.
    pub key: String,
    /// `short` or `long`; absent when the note does not say.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional, type = "\"short\" | \"long\""))]
    pub term: Option<&'static str>,
    /// The goal's label as first written (`STG 1`, `LTG 2`), when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub label: Option<String>,
    /// The note that set it; the span is the goal.
    pub set_in: NoteRef,
    /// One entry per later clinician's report (progress, re-evaluation, recertification,
    /// discharge), until the goal is met or discontinued.
    pub statuses: Vec<GoalStatusEntry>,
    /// `open`, `met` or `discontinued`.
    #[cfg_attr(test, ts(type = "\"open\" | \"met\" | \"discontinued\""))]
    pub state: &'static str,
}

/// chartlint's verdict on an episode of care.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct EpisodeReport {
    /// Version of the JSON contract.
    pub schema_version: &'static str,
    /// The notes' `patientId` (echoed, never shown in messages).
    pub patient_id: Option<String>,
    /// The notes' `episodeId` (echoed, never shown in messages).
    pub episode_id: Option<String>,
    /// The episode's discipline.
    pub discipline: Option<Discipline>,
    /// Every note given, in the order given.
    pub notes: Vec<EpisodeNote>,
    /// The episode's findings, in date order of the note each is about.
    pub findings: Vec<EpisodeFinding>,
    /// The episode in time.
    pub timeline: Timeline,
    /// The goals and their statuses.
    pub goals: Vec<GoalRow>,
    /// chartlint's version.
    pub engine_version: &'static str,
}

impl EpisodeReport {
    /// Whether an episode finding of `rule` is in the report.
    pub fn has(&self, rule: &str) -> bool {
        self.findings.iter().any(|f| f.finding.rule == rule)
    }
    /// How many episode findings of `rule` the report has.
    pub fn count(&self, rule: &str) -> usize {
        self.findings
            .iter()
            .filter(|f| f.finding.rule == rule)
            .count()
    }
}

/// UTF-16 spans of the episode's notes, one index per note that needs one.
struct Spans<'a, 'n> {
    facts: &'a EpisodeFacts<'n>,
    index: HashMap<usize, Utf16Index>,
}

impl Spans<'_, '_> {
    fn span(&mut self, member: usize, s: Option<Span>) -> Option<Utf16Span> {
        let s = s?;
        let text = self
            .facts
            .model
            .members
            .get(member)
            .map_or("", |m| m.note.text.as_str());
        Some(
            self.index
                .entry(member)
                .or_insert_with(|| Utf16Index::new(text))
                .span(s),
        )
    }

    fn note_ref(&mut self, member: usize, s: Option<Span>) -> Option<NoteRef> {
        let span = self.span(member, s);
        self.facts.model.members.get(member).map(|m| NoteRef {
            index: m.index,
            note_id: m.note.id.clone(),
            date: m.note.date_of_service,
            span,
        })
    }
}

/// Assembles the EpisodeReport. `reports` and `derived` are parallel to the model's
/// members (date order).
pub(crate) fn build(
    facts: &EpisodeFacts<'_>,
    diagnostics: Vec<EpisodeDiagnostic>,
    reports: Vec<Report>,
    derived: Vec<DerivedFields>,
    input: &EpisodeNotes,
) -> EpisodeReport {
    let model = &facts.model;
    let mut spans = Spans {
        facts,
        index: HashMap::new(),
    };

    let mut diagnostics = diagnostics;
    // Date order of the note each is about, then severity, position, rule: a total order.
    crate::sort::sort_by(&mut diagnostics, |a, b| {
        a.member
            .cmp(&b.member)
            .then(a.diagnostic.severity.cmp(&b.diagnostic.severity))
            .then(a.diagnostic.span.cmp(&b.diagnostic.span))
            .then(a.diagnostic.rule.id.cmp(b.diagnostic.rule.id))
            .then(a.diagnostic.message.cmp(&b.diagnostic.message))
    });
    let mut errors_about: Vec<usize> = Vec::new();
    // Episode findings are fingerprinted like a note's (the rule, the note, the field, and
    // an occurrence among identical keys), and offer no edit: they concern other notes too.
    let mut seen: HashMap<String, usize> = HashMap::new();
    let findings: Vec<EpisodeFinding> = diagnostics
        .into_iter()
        .map(|d| {
            let mut refs = d.notes.clone();
            if !refs.iter().any(|r| r.0 == d.member) {
                refs.push((d.member, d.diagnostic.span));
            }
            crate::sort::sort_by_key(&mut refs, |r| (r.0, r.1.is_none()));
            refs.dedup_by_key(|r| r.0);
            let notes = refs
                .into_iter()
                .filter_map(|(k, s)| spans.note_ref(k, s))
                .collect();
            if d.diagnostic.severity == Severity::Error {
                errors_about.push(d.member);
            }
            let (note_index, note_id) = model
                .members
                .get(d.member)
                .map_or((0, None), |m| (m.index, m.note.id.clone()));
            let span = spans.span(d.member, d.diagnostic.span);
            let key = format!(
                "{}\u{1f}{}\u{1f}{}",
                d.diagnostic.rule.id,
                note_id.clone().unwrap_or_else(|| format!("#{note_index}")),
                d.diagnostic.field.as_deref().unwrap_or("")
            );
            let occurrence = seen.entry(key.clone()).or_insert(0);
            let fingerprint = super::fingerprint::fingerprint(&key, *occurrence);
            *occurrence += 1;
            EpisodeFinding {
                finding: Finding {
                    rule: d.diagnostic.rule.id,
                    severity: d.diagnostic.severity,
                    message: d.diagnostic.message,
                    span,
                    field: d.diagnostic.field,
                    fix: d.diagnostic.fix,
                    amount_at_risk: d.diagnostic.amount_at_risk,
                    source: d.diagnostic.rule.source,
                    fingerprint,
                    edits: Vec::new(),
                },
                note_index,
                note_id,
                notes,
            }
        })
        .collect();

    let timeline = timeline(facts, &mut spans);
    let goals = goal_rows(facts, &mut spans);

    // The notes, in the order given.
    let by_index: HashMap<usize, usize> = model
        .members
        .iter()
        .enumerate()
        .map(|(k, m)| (m.index, k))
        .collect();
    let mut reports: Vec<Option<Report>> = reports.into_iter().map(Some).collect();
    let mut derived = derived;
    let notes = input
        .notes
        .iter()
        .enumerate()
        .map(|(i, n)| match (n, by_index.get(&i)) {
            (Ok(note), Some(&k)) => {
                let report = reports.get_mut(k).and_then(Option::take);
                let ready =
                    report.as_ref().is_some_and(|r| r.ready_to_sign) && !errors_about.contains(&k);
                let d = derived.get_mut(k).map(std::mem::take).unwrap_or_default();
                let d = Derived {
                    visit_number: d.visit_number,
                    reporting_period_day: d.reporting_period_day,
                    authorized_visits: d.authorized_visits,
                    authorization_end: d.authorization_end,
                    threshold_spent_before: d.threshold_spent_before.map(Money),
                };
                EpisodeNote {
                    index: i,
                    note_id: note.id.clone(),
                    report,
                    error: None,
                    derived: (!d.is_empty()).then_some(d),
                    ready_to_sign: ready,
                }
            }
            (Ok(note), None) => EpisodeNote {
                index: i,
                note_id: note.id.clone(),
                report: None,
                error: Some(format!("notes[{i}]: could not be placed in the episode")),
                derived: None,
                ready_to_sign: false,
            },
            (Err(e), _) => EpisodeNote {
                index: i,
                note_id: input.ids.get(i).cloned().flatten(),
                report: None,
                error: Some(e.to_string()),
                derived: None,
                ready_to_sign: false,
            },
        })
        .collect();

    EpisodeReport {
        schema_version: super::SCHEMA_VERSION,
        patient_id: input.patient_id.clone(),
        episode_id: input.episode_id.clone(),
        discipline: model.members.first().map(|m| m.note.discipline),
        notes,
        findings,
        timeline,
        goals,
        engine_version: super::VERSION,
    }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn timeline(facts: &EpisodeFacts<'_>, spans: &mut Spans<'_, '_>) -> Timeline {
    let model = &facts.model;
    // Treatment days per calendar week, as the frequency rule counts them (the
    // evaluation's day left out).
    let eval_dates: Vec<Date> = model
        .members
        .iter()
        .filter(|m| m.note.note_type == NoteType::Evaluation)
        .map(|m| m.note.date_of_service)
        .collect();
    let mut weeks: BTreeMap<Date, Vec<Date>> = BTreeMap::new();
    for (k, m) in model.members.iter().enumerate() {
        let d = m.note.date_of_service;
        if model.position(k).visit && !eval_dates.contains(&d) {
            let w = weeks.entry(week_of(d)).or_default();
            if !w.contains(&d) {
                w.push(d);
            }
        }
    }
    let entries = model
        .members
        .iter()
        .enumerate()
        .map(|(k, m)| {
            let p = model.position(k);
            let week = week_of(m.note.date_of_service);
            let outcome = facts.outcomes.get(k);
            TimelineEntry {
                index: m.index,
                note_id: m.note.id.clone(),
                date: m.note.date_of_service,
                note_type: m.note.note_type,
                visit: p.visit,
                treatment_day: p.treatment_day,
                period_day: p.period_day,
                progress_report: m.report,
                week,
                visits_in_week: weeks.get(&week).map_or(0, |w| count(w.len())),
                frequency_per_week: p.per_week,
                plan: p.plan,
                similarity: facts.similarity.get(k).cloned().flatten().and_then(|s| {
                    let to = model.members.get(s.to)?;
                    Some(Similarity {
                        index: to.index,
                        note_id: to.note.id.clone(),
                        score: (s.score * 1000.0).round() / 1000.0,
                    })
                }),
                spent_before: outcome.and_then(|o| o.spent_before).map(Money),
                expected_payment: outcome.and_then(|o| o.expected).map(Money),
            }
        })
        .collect();

    let mut progress_periods = Vec::new();
    for (pi, p) in model.periods.iter().enumerate() {
        let (Some(first), Some(last)) = (
            model.members.get(p.first),
            (0..model.members.len())
                .rev()
                .find(|&k| model.position(k).period == pi),
        ) else {
            continue;
        };
        let end_member = p.report.unwrap_or(last);
        let interval = facts
            .pack(end_member)
            .and_then(|pk| pk.progress_report_interval);
        let Some(end) = facts.date(end_member) else {
            continue;
        };
        progress_periods.push(PeriodEntry {
            start: first.note.date_of_service,
            end,
            treatment_days: p.treatment_days(),
            report: p.report.and_then(|r| spans.note_ref(r, None)),
            interval,
            due_on: interval.and_then(|i| p.day(i)).map(|d| d.0),
            late: interval.is_some_and(|i| p.treatment_days() > i),
        });
    }

    let mut plans = Vec::new();
    for (pi, p) in model.plans.iter().enumerate() {
        let mut dates: Vec<Date> = Vec::new();
        let mut certified: Option<Date> = None;
        for (k, m) in model.members.iter().enumerate() {
            let pos = model.position(k);
            if pos.plan != Some(pi) {
                continue;
            }
            if pos.visit && !dates.contains(&m.note.date_of_service) {
                dates.push(m.note.date_of_service);
            }
            if let Some(c) = m.note.episode.as_ref().and_then(|e| e.certified_on) {
                certified = Some(certified.map_or(c, |x: Date| x.max(c)));
            }
        }
        let Some(note) = spans.note_ref(p.member, p.span) else {
            continue;
        };
        plans.push(PlanEntry {
            note,
            start: p.start,
            end: p.end.map(|e| e.0),
            end_from: p.end.map(|e| match e.1 {
                EndFrom::Field => "field",
                EndFrom::Duration => "duration",
            }),
            frequency_per_week: p.per_week,
            duration_weeks: p.weeks,
            planned_visits: p.visits,
            visits: count(dates.len()),
            recertification: p.recertification,
            certified_on: certified,
        });
    }

    let latest = |f: fn(&crate::note::Episode) -> Option<u32>| {
        model
            .members
            .iter()
            .rev()
            .find_map(|m| m.note.episode.as_ref().and_then(f))
    };
    let authorized = latest(|e| e.authorized_visits);
    let auth_end = model
        .members
        .iter()
        .rev()
        .find_map(|m| m.note.episode.as_ref().and_then(|e| e.authorization_end));
    Timeline {
        start: model.members.first().map(|m| m.note.date_of_service),
        end: model.members.last().map(|m| m.note.date_of_service),
        visits: count(model.pos.iter().filter(|p| p.visit).count()),
        treatment_days: model.treatment_days,
        entries,
        progress_periods,
        plans,
        evaluation: model.evaluation().and_then(|k| spans.note_ref(k, None)),
        discharge: model.discharge().and_then(|k| spans.note_ref(k, None)),
        closed: model
            .members
            .iter()
            .any(|m| m.note.episode.as_ref().and_then(|e| e.closed) == Some(true)),
        authorization: (authorized.is_some() || auth_end.is_some()).then_some(AuthorizationEntry {
            authorized_visits: authorized,
            visits_used: model.treatment_days,
            authorization_end: auth_end,
        }),
    }
}

fn goal_rows(facts: &EpisodeFacts<'_>, spans: &mut Spans<'_, '_>) -> Vec<GoalRow> {
    let model = &facts.model;
    let mut out = Vec::new();
    for (gi, g) in facts.goals.goals.iter().enumerate() {
        let item_span = model
            .members
            .get(g.set_in)
            .and_then(|m| m.reading.goals.get(g.item))
            .map(|it| it.span);
        let Some(set_in) = spans.note_ref(g.set_in, item_span) else {
            continue;
        };
        let mut statuses = Vec::new();
        for st in g.statuses(model) {
            let Some(m) = model.members.get(st.member) else {
                continue;
            };
            statuses.push(GoalStatusEntry {
                index: m.index,
                note_id: m.note.id.clone(),
                date: m.note.date_of_service,
                note_type: m.note.note_type,
                status: st.status,
                span: spans.span(st.member, st.span),
                changed: st.changed,
            });
        }
        let state = match g
            .closed_at()
            .and_then(|k| g.in_report(k))
            .and_then(|x| x.status)
        {
            Some(crate::facts::episode::reading::Status::Met) => "met",
            Some(crate::facts::episode::reading::Status::Discontinued) => "discontinued",
            _ => "open",
        };
        out.push(GoalRow {
            key: format!("G{}", gi + 1),
            term: g.term.map(|t| match t {
                Term::Short => "short",
                Term::Long => "long",
            }),
            label: g.label.clone(),
            set_in,
            statuses,
            state,
        });
    }
    out
}
