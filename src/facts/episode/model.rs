//! The episode's notes in date order: visits, treatment days, progress-report periods,
//! plans of care and the frequency in force (see the counting rules in [`super`]).

use super::reading::{self, NoteReading};
use crate::date::Date;
use crate::note::{Note, NoteType, Role};

/// Whether the note is a visit (see the module docs).
pub fn is_visit(note: &Note) -> bool {
    matches!(
        note.note_type,
        NoteType::Evaluation | NoteType::Reevaluation | NoteType::Daily
    ) || note.lines.iter().any(|l| l.units > 0)
}

/// Whether a clinician (not an assistant or a student) wrote the note.
pub fn by_clinician(note: &Note) -> bool {
    !note.provider.role.is_assistant() && note.provider.role != Role::Student
}

/// Whether a clinician's daily note contains a progress report (the pattern runs only on
/// daily notes that mention "progress" or "reporting", found with a fast substring search).
fn holds_report(n: &Note) -> bool {
    let t = n.text.as_str();
    let mentions = |w: &[&str]| w.iter().any(|w| t.contains(w));
    n.note_type == NoteType::Daily
        && by_clinician(n)
        && mentions(&["rogress", "ROGRESS", "eporting", "EPORTING"])
        && crate::text::contains_progress_report(&n.text)
}

/// Same-day order: the evaluation first, the discharge last.
fn type_rank(t: NoteType) -> u8 {
    match t {
        NoteType::Evaluation => 0,
        NoteType::Reevaluation => 1,
        NoteType::Daily => 2,
        NoteType::Progress => 3,
        NoteType::Recertification => 4,
        NoteType::Discharge => 5,
    }
}

/// Monday of the calendar week of `d`.
pub fn week_of(d: Date) -> Date {
    // 1970-01-01 was a Thursday: days + 3 counts from a Monday.
    let back = (d.days() + 3).rem_euclid(7);
    d.add_days(-back).unwrap_or(d)
}

/// One note of the episode with what the episode reads from it.
#[derive(Debug)]
pub struct Member<'a> {
    /// Position in the input array.
    pub index: usize,
    pub note: &'a Note,
    pub reading: NoteReading,
    /// A clinician's report (see the module docs).
    pub report: bool,
}

/// Where a note falls in the episode's count of days.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Position {
    pub visit: bool,
    /// The episode's treatment-day number of the note's date (visits only).
    pub treatment_day: Option<u32>,
    /// Index into [`Model::periods`].
    pub period: usize,
    /// The treatment day within its progress-report period (visits only).
    pub period_day: Option<u32>,
    /// A clinician's report is written on the same date: nothing is due that day.
    pub covered: bool,
    /// Index into [`Model::plans`]: the plan of care in force.
    pub plan: Option<usize>,
    /// The most visits a week the plan in force allows (the note's own field first, then
    /// the latest plan or progress report that states a frequency).
    pub per_week: Option<u32>,
}

/// A progress-report period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    /// Member index of its first note.
    pub first: usize,
    /// Treatment days before the first note (an episode given without its start: the
    /// first note's own `reportingPeriodDay` says how many came before).
    pub offset: u32,
    /// Its treatment dates, each with the member index of the first visit that date.
    pub days: Vec<(Date, usize)>,
    /// Member index of the clinician's report that ends it.
    pub report: Option<usize>,
}

impl Period {
    pub fn treatment_days(&self) -> u32 {
        self.offset + u32::try_from(self.days.len()).unwrap_or(u32::MAX)
    }
    /// The date and member of its `n`th treatment day (1-based), when seen.
    pub fn day(&self, n: u32) -> Option<(Date, usize)> {
        let i = n.checked_sub(self.offset)?.checked_sub(1)?;
        self.days.get(usize::try_from(i).ok()?).copied()
    }
}

/// Where the plan's end date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EndFrom {
    /// `episode.planOfCareEnd` on the plan's note.
    Field,
    /// The plan's start plus its duration in weeks.
    Duration,
}

/// A plan of care (initial, re-evaluated or recertified).
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// Member index of the note that establishes it.
    pub member: usize,
    pub start: Date,
    pub end: Option<(Date, EndFrom)>,
    pub per_week: Option<u32>,
    pub weeks: Option<u32>,
    /// Visits the plan allows in all: `plannedVisits`, the visits the text states, or
    /// frequency × duration.
    pub visits: Option<u32>,
    /// The frequency words in the plan's note, when read from the text.
    pub span: Option<crate::span::Span>,
    pub recertification: bool,
}

/// The episode's notes in date order and the days they fall on.
#[derive(Debug)]
pub struct Model<'a> {
    /// In date order (same date: evaluation first, discharge last; then input order).
    pub members: Vec<Member<'a>>,
    /// Parallel to `members`.
    pub pos: Vec<Position>,
    pub periods: Vec<Period>,
    pub plans: Vec<Plan>,
    /// Treatment days in all (with the offset of an episode given without its start).
    pub treatment_days: u32,
}

impl<'a> Model<'a> {
    /// `notes`: each with its position in the input array.
    pub fn build(notes: Vec<(usize, &'a Note)>) -> Model<'a> {
        let mut members: Vec<Member<'a>> = notes
            .into_iter()
            .map(|(index, note)| {
                let heading = holds_report(note);
                let report = by_clinician(note)
                    && (matches!(
                        note.note_type,
                        NoteType::Progress
                            | NoteType::Reevaluation
                            | NoteType::Recertification
                            | NoteType::Discharge
                    ) || (note.note_type == NoteType::Daily && heading));
                Member {
                    index,
                    note,
                    reading: reading::read(&note.text, report || note.note_type != NoteType::Daily),
                    report,
                }
            })
            .collect();
        // The note's index makes the order total, so any sort gives this result.
        crate::sort::sort_by_key(&mut members, |m| {
            (m.note.date_of_service, type_rank(m.note.note_type), m.index)
        });

        let mut pos = vec![Position::default(); members.len()];
        let (mut day_offset, mut period_offset) = (0u32, 0u32);
        if let Some(first) = members.first() {
            if first.note.note_type != NoteType::Evaluation {
                let ep = first.note.episode.as_ref();
                day_offset = ep
                    .and_then(|e| e.visit_number)
                    .map_or(0, |v| v.saturating_sub(1));
                period_offset = ep
                    .and_then(|e| e.reporting_period_day)
                    .map_or(0, |d| d.saturating_sub(1));
            }
        }
        let mut periods = vec![Period {
            first: 0,
            offset: period_offset,
            days: Vec::new(),
            report: None,
        }];
        let mut td = day_offset;
        let mut open_new = false;
        let mut i = 0;
        while i < members.len() {
            let date = members.get(i).map(|m| m.note.date_of_service);
            let mut j = i;
            while j < members.len() && members.get(j).map(|m| m.note.date_of_service) == date {
                j += 1;
            }
            if open_new {
                periods.push(Period {
                    first: i,
                    offset: 0,
                    days: Vec::new(),
                    report: None,
                });
                open_new = false;
            }
            let first_visit = (i..j).find(|&k| members.get(k).is_some_and(|m| is_visit(m.note)));
            let period_ix = periods.len() - 1;
            if let (Some(k), Some(d), Some(p)) = (first_visit, date, periods.last_mut()) {
                td += 1;
                p.days.push((d, k));
            }
            let period_day = periods.last().map_or(0, Period::treatment_days);
            let report = (i..j).find(|&k| members.get(k).is_some_and(|m| m.report));
            for k in i..j {
                let visit = members.get(k).is_some_and(|m| is_visit(m.note));
                if let Some(p) = pos.get_mut(k) {
                    *p = Position {
                        visit,
                        treatment_day: visit.then_some(td),
                        period: period_ix,
                        period_day: visit.then_some(period_day),
                        covered: report.is_some(),
                        plan: None,
                        per_week: None,
                    };
                }
            }
            if let (Some(r), Some(p)) = (report, periods.last_mut()) {
                p.report = Some(r);
                open_new = true;
            }
            i = j;
        }

        let plans = plans(&members);
        // The plan and frequency in force at each note: a plan applies to every note of its
        // date (a recertification written at the day's visit covers that visit).
        let mut current: Option<usize> = None;
        let mut per_week: Option<u32> = None;
        for (k, m) in members.iter().enumerate() {
            let date = m.note.date_of_service;
            let newest = plans
                .iter()
                .enumerate()
                .filter(|(_, p)| {
                    members
                        .get(p.member)
                        .is_some_and(|pm| pm.note.date_of_service <= date)
                })
                .map(|(pi, _)| pi)
                .next_back();
            if newest != current {
                current = newest;
                per_week = newest.and_then(|pi| plans.get(pi)).and_then(|p| p.per_week);
            } else if m.note.note_type == NoteType::Progress {
                if let Some(n) = m.reading.plan.per_week {
                    per_week = Some(n);
                }
            }
            let own = m.note.episode.as_ref().and_then(|e| e.frequency_per_week);
            if let Some(p) = pos.get_mut(k) {
                p.plan = current;
                p.per_week = own.or(per_week);
            }
        }

        Model {
            members,
            pos,
            periods,
            plans,
            treatment_days: td,
        }
    }

    pub fn member(&self, k: usize) -> Option<&Member<'a>> {
        self.members.get(k)
    }

    pub fn position(&self, k: usize) -> Position {
        self.pos.get(k).copied().unwrap_or_default()
    }

    /// The first evaluation's member index.
    pub fn evaluation(&self) -> Option<usize> {
        self.members
            .iter()
            .position(|m| m.note.note_type == NoteType::Evaluation)
    }

    /// The first discharge note's member index.
    pub fn discharge(&self) -> Option<usize> {
        self.members
            .iter()
            .position(|m| m.note.note_type == NoteType::Discharge)
    }
}

/// The plans of care: one per evaluation and recertification, and per re-evaluation that
/// states a plan (frequency, duration or plan dates).
fn plans(members: &[Member<'_>]) -> Vec<Plan> {
    let mut out = Vec::new();
    for (k, m) in members.iter().enumerate() {
        let ep = m.note.episode.as_ref();
        let words = m.reading.plan;
        let states_plan = words.per_week.is_some()
            || words.visits.is_some()
            || ep.is_some_and(|e| {
                e.frequency_per_week.is_some()
                    || e.duration_weeks.is_some()
                    || e.planned_visits.is_some()
                    || e.plan_of_care_end.is_some()
            });
        let starts = match m.note.note_type {
            NoteType::Evaluation | NoteType::Recertification => true,
            NoteType::Reevaluation => states_plan,
            _ => false,
        };
        if !starts {
            continue;
        }
        let start = ep
            .and_then(|e| e.plan_of_care_start)
            .filter(|s| m.note.note_type != NoteType::Evaluation || *s <= m.note.date_of_service)
            .unwrap_or(m.note.date_of_service);
        let per_week = ep.and_then(|e| e.frequency_per_week).or(words.per_week);
        let weeks = ep.and_then(|e| e.duration_weeks).or(words.weeks);
        let end = ep
            .and_then(|e| e.plan_of_care_end)
            .map(|d| (d, EndFrom::Field))
            .or_else(|| {
                weeks
                    .and_then(|w| start.add_days(7 * i64::from(w)))
                    .map(|d| (d, EndFrom::Duration))
            });
        let visits = ep
            .and_then(|e| e.planned_visits)
            .or(words.visits)
            .or_else(|| per_week.zip(weeks).map(|(f, w)| f.saturating_mul(w)));
        out.push(Plan {
            member: k,
            start,
            end,
            per_week,
            weeks,
            visits,
            span: if ep.is_some_and(|e| e.frequency_per_week.is_some()) {
                None
            } else {
                words.span
            },
            recertification: m.note.note_type == NoteType::Recertification,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]
    use super::*;
    use serde_json::json;

    fn note(id: &str, ty: &str, date: &str, text: &str) -> Note {
        Note::from_value(&json!({
            "id": id, "discipline": "PT", "noteType": ty, "dateOfService": date,
            "payer": {"kind": "medicare"}, "provider": {"role": "PT"},
            "lines": [], "text": text
        }))
        .unwrap()
    }

    #[test]
    fn weeks_start_on_monday() {
        let d = |s| Date::parse(s).unwrap();
        assert_eq!(week_of(d("2025-03-10")), d("2025-03-10")); // Monday
        assert_eq!(week_of(d("2025-03-16")), d("2025-03-10")); // Sunday
        assert_eq!(week_of(d("2025-03-17")), d("2025-03-17"));
        assert_eq!(week_of(d("2024-12-31")), d("2024-12-30"));
    }

    #[test]
    fn treatment_days_and_periods() {
        // Eval, 9 dailies, a progress report written the same day as the 10th daily, a
        // daily and a separate progress note on one date.
        let mut notes = vec![note(
            "e",
            "evaluation",
            "2025-03-03",
            "Plan: 2x/week for 8 weeks",
        )];
        let dates = [
            "2025-03-05",
            "2025-03-07",
            "2025-03-10",
            "2025-03-12",
            "2025-03-14",
            "2025-03-17",
            "2025-03-19",
            "2025-03-21",
            "2025-03-24",
        ];
        for (i, d) in dates.iter().enumerate() {
            notes.push(note(&format!("d{i}"), "daily", d, ""));
        }
        notes.push(note("pr", "progress", "2025-03-24", ""));
        notes.push(note("d9", "daily", "2025-03-26", ""));
        let refs: Vec<(usize, &Note)> = notes.iter().enumerate().rev().collect();
        let m = Model::build(refs);
        assert_eq!(m.members[0].note.id.as_deref(), Some("e"));
        assert_eq!(m.treatment_days, 11);
        assert_eq!(m.periods.len(), 2);
        assert_eq!(m.periods[0].treatment_days(), 10);
        assert_eq!(m.periods[0].report, Some(10));
        let last = m.members.len() - 1;
        assert_eq!(m.position(last).period_day, Some(1));
        assert_eq!(m.position(last).treatment_day, Some(11));
        // The daily on the report's date is covered by it.
        assert!(m.position(9).covered);
        assert_eq!(m.position(9).period_day, Some(10));
        assert_eq!(m.plans.len(), 1);
        assert_eq!(m.plans[0].per_week, Some(2));
        assert_eq!(m.plans[0].visits, Some(16));
        assert_eq!(
            m.plans[0].end.map(|e| e.0.to_string()),
            Some("2025-04-28".into())
        );
        assert!(m
            .pos
            .iter()
            .all(|p| p.plan == Some(0) && p.per_week == Some(2)));
    }
}
