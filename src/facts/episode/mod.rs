//! The facts of an episode of care: the notes of one patient, one discipline and one plan of
//! care, read together the way a payer's reviewer reads them.
//!
//! Data flow (`Checker::check_episode`): the notes (JSON, any order) are validated one by
//! one (`note::parse_episode_notes`: a note that fails is reported by its path,
//! `notes[3].lines[0].units: …`, and the rest are checked) → ordered by date ([`Model`]:
//! treatment days, progress-report periods, plans of care and their frequency) → each note's
//! own facts and report, with the fields the episode derives ([`Deriver`]) → the episode's
//! facts ([`EpisodeFacts`]: goals followed from note to note, the measures each note scores,
//! narrative similarity) → the episode rules (the `episode/…` ids whose check reads an
//! episode) → the EpisodeReport (`report::episode`).
//!
//! ## Counting, as the rules count
//!
//! - A note is a **visit** when it is an evaluation, a re-evaluation or a daily note, or when
//!   it bills a service (a progress report written during a treatment visit). A **treatment
//!   day** is a calendar date with at least one visit: two notes on one date are one day.
//! - The **progress-report period** starts on the first day of the episode, whatever was done
//!   that day (CMS Pub. 100-02, ch. 15, §220.3.D), and ends on the date of a clinician's
//!   report: a progress note, a re-evaluation, a recertification, a discharge note (the
//!   discharge note is a progress report), or a daily note that contains one. Reports written
//!   by an assistant or a student do not end a period. The next period starts with the next
//!   treatment day.
//! - A **plan of care** starts with an evaluation, a re-evaluation that states a plan, or a
//!   recertification. Its end is `episode.planOfCareEnd` when the plan's note gives it, or
//!   the plan's start plus its duration in weeks.
//! - **Weeks** are calendar weeks, Monday to Sunday.

pub mod cloning;
pub mod goals;
pub mod measures;
pub mod model;
pub mod reading;
mod scan;

use crate::config::{Config, PayerRules};
use crate::date::Date;
use crate::note::Note;
use crate::span::Span;
use model::Model;
use rust_decimal::Decimal;

/// What the episode keeps of each note's own check.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NoteOutcome {
    /// The visit's expected allowed amount (`billing.expectedPayment`).
    pub expected: Option<Decimal>,
    /// Spending in the KX bucket before and after the visit (Medicare-rule packs).
    pub spent_before: Option<Decimal>,
    /// Spending after the visit.
    pub spent_after: Option<Decimal>,
    /// The standardized measures the note scores (byte spans of the text facts).
    pub outcome_measures: Vec<Span>,
}

/// Fields the episode supplies to a note's own check because the EMR did not send them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DerivedFields {
    /// The note's treatment day in the episode.
    pub visit_number: Option<u32>,
    /// Its treatment day in the progress-report period.
    pub reporting_period_day: Option<u32>,
    /// The authorization an earlier note gave.
    pub authorized_visits: Option<u32>,
    /// The authorization's end an earlier note gave.
    pub authorization_end: Option<Date>,
    /// The year's spending before the visit, from the earlier visits.
    pub threshold_spent_before: Option<Decimal>,
}

impl DerivedFields {
    /// Whether nothing is derived.
    pub fn is_empty(&self) -> bool {
        *self == DerivedFields::default()
    }
}

/// Derives each note's missing fields in date order, carrying the year's spending and the
/// authorization from note to note.
#[derive(Debug, Default)]
pub struct Deriver {
    /// (calendar year, spending after the last visit of that year).
    running: Option<(i32, Decimal)>,
    authorization: (Option<u32>, Option<Date>),
}

impl Deriver {
    /// The fields member `k` lacks, and the note to check: a copy with them filled in, or
    /// `None` when nothing is derived (check the note as given).
    pub fn derive(
        &mut self,
        model: &Model<'_>,
        k: usize,
        config: &Config,
    ) -> (DerivedFields, Option<Note>) {
        let Some(m) = model.member(k) else {
            return (DerivedFields::default(), None);
        };
        let note = m.note;
        let pos = model.position(k);
        let ep = note.episode.clone().unwrap_or_default();
        let pack = config.payer_rules(note.payer.kind);
        let mut d = DerivedFields::default();
        if ep.visit_number.is_none() && pos.visit {
            d.visit_number = pos.treatment_day;
        }
        if ep.reporting_period_day.is_none() && pos.visit && !pos.covered {
            d.reporting_period_day = pos.period_day;
        }
        if ep.authorized_visits.is_none() {
            d.authorized_visits = self.authorization.0;
        }
        if ep.authorization_end.is_none() {
            d.authorization_end = self.authorization.1;
        }
        let year = note.date_of_service.year;
        if ep.threshold_spent_before.is_none() && pack.medicare_rules && pos.visit {
            d.threshold_spent_before = Some(match self.running {
                Some((y, v)) if y == year => v,
                _ => Decimal::ZERO,
            });
        }
        self.authorization = (
            ep.authorized_visits.or(self.authorization.0),
            ep.authorization_end.or(self.authorization.1),
        );
        if d.is_empty() {
            return (d, None);
        }
        let mut with = note.clone();
        let e = with.episode.get_or_insert_with(Default::default);
        e.visit_number = e.visit_number.or(d.visit_number);
        e.reporting_period_day = e.reporting_period_day.or(d.reporting_period_day);
        e.authorized_visits = e.authorized_visits.or(d.authorized_visits);
        e.authorization_end = e.authorization_end.or(d.authorization_end);
        e.threshold_spent_before = e.threshold_spent_before.or(d.threshold_spent_before);
        (d, Some(with))
    }

    /// After a visit of `year` is checked: the spending after it carries to the next visit.
    pub fn after(&mut self, year: i32, spent_after: Option<Decimal>) {
        if let Some(v) = spent_after {
            self.running = Some((year, v));
        }
    }
}

/// Everything an episode rule may read.
pub struct EpisodeFacts<'a> {
    /// The config.
    pub config: &'a Config,
    /// The notes in date order and the days they fall on.
    pub model: Model<'a>,
    /// Parallel to `model.members`: what each note's own check found.
    pub outcomes: Vec<NoteOutcome>,
    /// Parallel to `model.members`: the measures each note scores (names shown in reports,
    /// with the span of the first mention), measures named in goal statements left out.
    pub measures: Vec<Vec<(String, Span)>>,
    /// The goals followed from note to note, and the long-term goal changes.
    pub goals: goals::Goals,
    /// Parallel to `model.members`: the closest earlier note (`to` is a member index).
    pub similarity: Vec<Option<cloning::Similarity>>,
}

impl<'a> EpisodeFacts<'a> {
    /// The episode's facts from the model and what each note's own check found.
    pub fn compute(config: &'a Config, model: Model<'a>, outcomes: Vec<NoteOutcome>) -> Self {
        let goals = goals::build(&model);
        let measures = model
            .members
            .iter()
            .zip(&outcomes)
            .map(|(m, o)| {
                let mut seen: Vec<(String, Span)> = Vec::new();
                // A measure named in a goal's statement is its target, not a score.
                let in_goal = |s: &Span| {
                    m.reading
                        .goals
                        .iter()
                        .any(|g| g.statement.start <= s.start && s.start < g.statement.end)
                };
                for s in o.outcome_measures.iter().filter(|s| !in_goal(s)) {
                    let name = measures::canonical(m.note.text.get(s.start..s.end).unwrap_or(""));
                    if !name.is_empty() && !seen.iter().any(|(x, _)| *x == name) {
                        seen.push((name, *s));
                    }
                }
                seen
            })
            .collect();
        // Narrative similarity, goal statements left out.
        let mut fps: Vec<cloning::Fingerprint> = model
            .members
            .iter()
            .map(|m| {
                let goals: Vec<Span> = m.reading.goals.iter().map(|g| g.span).collect();
                cloning::fingerprint(&m.note.text, &goals)
            })
            .collect();
        let types: Vec<crate::note::NoteType> =
            model.members.iter().map(|m| m.note.note_type).collect();
        let template: std::collections::HashSet<u64> = config
            .cloning
            .template
            .iter()
            .flat_map(|t| cloning::template_keys(t))
            .collect();
        cloning::finish(&mut fps, &types, &template);
        let similarity = (0..fps.len()).map(|k| cloning::closest(&fps, k)).collect();
        EpisodeFacts {
            config,
            model,
            outcomes,
            measures,
            goals,
            similarity,
        }
    }

    /// The note at member index `k`.
    pub fn note(&self, k: usize) -> Option<&'a Note> {
        self.model.members.get(k).map(|m| m.note)
    }
    /// The payer rule pack of the note at member index `k`.
    pub fn pack(&self, k: usize) -> Option<&'a PayerRules> {
        self.note(k).map(|n| self.config.payer_rules(n.payer.kind))
    }
    /// The expected allowed amount of the visit at member index `k`.
    pub fn expected(&self, k: usize) -> Option<Decimal> {
        self.outcomes.get(k).and_then(|o| o.expected)
    }
    /// The date of the note at member index `k`.
    pub fn date(&self, k: usize) -> Option<Date> {
        self.note(k).map(|n| n.date_of_service)
    }
}
