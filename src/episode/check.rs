//! `Checker::check_episode`: each note checked (with the fields the episode can derive),
//! then the episode's facts, the episode rules, and the EpisodeReport.

use super::cloning::{self, Fingerprint, Similarity};
use super::goals::{self, Goals};
use super::report::{
    AuthorizationEntry, Derived, EpisodeFinding, EpisodeNote, EpisodeReport, GoalRow,
    GoalStatusEntry, NoteRef, PeriodEntry, PlanEntry, SimilarityEntry, Timeline, TimelineEntry,
};
use super::{Model, Parsed};
use crate::config::{Config, PayerRules};
use crate::date::Date;
use crate::note::{Discipline, Note, NoteType};
use crate::report::{Finding, Report};
use crate::rules::{RuleMeta, Severity};
use crate::span::{Span, Utf16Index};
use crate::text::TextFacts;
use crate::Checker;
use rust_decimal::Decimal;
use std::collections::{BTreeMap, HashMap};

/// Everything an episode rule may read.
pub struct EpisodeContext<'a> {
    pub config: &'a Config,
    pub model: Model<'a>,
    /// Parallel to `model.members`: each note's own report.
    pub reports: Vec<Report>,
    /// Parallel to `model.members`: the measures each note scores (display names, with the
    /// span of the first mention).
    pub measures: Vec<Vec<(String, Span)>>,
    pub goals: Goals,
    /// Parallel to `model.members`: the closest earlier note (`to` is a member index).
    pub similarity: Vec<Option<Similarity>>,
}

impl<'a> EpisodeContext<'a> {
    pub fn note(&self, k: usize) -> Option<&'a Note> {
        self.model.members.get(k).map(|m| m.note)
    }
    pub fn pack(&self, k: usize) -> Option<&'a PayerRules> {
        self.note(k).map(|n| self.config.payer_rules(n.payer.kind))
    }
    pub fn expected(&self, k: usize) -> Option<Decimal> {
        self.reports.get(k).and_then(|r| r.billing.expected_payment)
    }
    pub fn date(&self, k: usize) -> Option<Date> {
        self.note(k).map(|n| n.date_of_service)
    }
    /// "the evaluation of 2025-03-03", for messages.
    pub fn describe(&self, k: usize) -> String {
        match self.note(k) {
            Some(n) => format!("{} of {}", type_words(n.note_type), n.date_of_service),
            None => "an earlier note".into(),
        }
    }
}

/// A note type in words.
pub fn type_words(t: NoteType) -> &'static str {
    match t {
        NoteType::Evaluation => "evaluation",
        NoteType::Reevaluation => "re-evaluation",
        NoteType::Daily => "daily note",
        NoteType::Progress => "progress report",
        NoteType::Recertification => "recertification",
        NoteType::Discharge => "discharge note",
    }
}

/// A finding about the note at member index `member`, naming other notes (member index and
/// byte span in that note).
#[derive(Debug, Clone)]
pub struct Draft {
    pub finding: Finding,
    pub member: usize,
    pub notes: Vec<(usize, Option<Span>)>,
}

impl Draft {
    pub fn new(rule: &RuleMeta, member: usize, message: impl Into<String>) -> Draft {
        Draft {
            finding: Finding::new(rule, message),
            member,
            notes: Vec::new(),
        }
    }
    /// Words in the note the finding is about (byte range).
    pub fn span(mut self, s: Option<Span>) -> Self {
        self.finding.span = s;
        self
    }
    pub fn field(mut self, f: impl Into<String>) -> Self {
        self.finding.field = Some(f.into());
        self
    }
    pub fn fix(mut self, f: impl Into<String>) -> Self {
        self.finding.fix = Some(f.into());
        self
    }
    pub fn amount(mut self, a: Option<Decimal>) -> Self {
        self.finding = self.finding.amount(a);
        self
    }
    /// Another note the finding concerns, with the words involved.
    pub fn note(mut self, member: usize, span: Option<Span>) -> Self {
        self.notes.push((member, span));
        self
    }
}

/// Collects episode findings, applying the config (disabled rules, severity overrides).
pub struct EpisodeFindings<'c> {
    items: Vec<Draft>,
    config: &'c Config,
}

impl<'c> EpisodeFindings<'c> {
    pub fn new(config: &'c Config) -> Self {
        EpisodeFindings {
            items: Vec::new(),
            config,
        }
    }
    pub fn enabled(&self, rule: &RuleMeta) -> bool {
        !self.config.disabled_rules.contains(rule.id)
    }
    pub fn push(&mut self, mut d: Draft) {
        if self.config.disabled_rules.contains(d.finding.rule) {
            return;
        }
        if let Some(s) = self.config.severity.get(d.finding.rule) {
            d.finding.severity = *s;
        }
        self.items.push(d);
    }
}

/// Whether a clinician's daily note contains a progress report (the pattern runs only on
/// daily notes that mention "progress" or "reporting", found with a fast substring search).
fn holds_report(n: &Note) -> bool {
    let t = n.text.as_bytes();
    let mentions = |w: &[&[u8]]| w.iter().any(|w| memchr::memmem::find(t, w).is_some());
    n.note_type == NoteType::Daily
        && super::by_clinician(n)
        && mentions(&[b"rogress", b"ROGRESS", b"eporting", b"EPORTING"])
        && crate::rules::episode::contains_report(&n.text)
}

/// Checks an episode: see the module docs of [`super`].
pub fn run(checker: &Checker, parsed: Parsed) -> EpisodeReport {
    let config = checker.config();
    let valid: Vec<(usize, &Note, bool)> = parsed
        .notes
        .iter()
        .enumerate()
        .filter_map(|(i, n)| n.as_ref().ok().map(|n| (i, n, holds_report(n))))
        .collect();
    let discipline: Option<Discipline> = valid.first().map(|v| v.1.discipline);
    let model = Model::build(valid);

    // Each note checked in date order, with what the episode derives.
    let n = model.members.len();
    let mut reports: Vec<Report> = Vec::with_capacity(n);
    let mut facts: Vec<TextFacts> = Vec::with_capacity(n);
    let mut derived: Vec<Derived> = Vec::with_capacity(n);
    let mut spent: Vec<Option<Decimal>> = Vec::with_capacity(n);
    let mut running: Option<(i32, Decimal)> = None;
    let mut authorization: (Option<u32>, Option<Date>) = (None, None);
    for (k, m) in model.members.iter().enumerate() {
        let note = m.note;
        let pos = model.position(k);
        let ep = note.episode.clone().unwrap_or_default();
        let pack = config.payer_rules(note.payer.kind);
        let mut d = Derived::default();
        if ep.visit_number.is_none() && pos.visit {
            d.visit_number = pos.treatment_day;
        }
        if ep.reporting_period_day.is_none() && pos.visit && !pos.covered {
            d.reporting_period_day = pos.period_day;
        }
        if ep.authorized_visits.is_none() {
            d.authorized_visits = authorization.0;
        }
        if ep.authorization_end.is_none() {
            d.authorization_end = authorization.1;
        }
        let year = note.date_of_service.year;
        if ep.threshold_spent_before.is_none() && pack.medicare_rules && pos.visit {
            d.threshold_spent_before = Some(match running {
                Some((y, v)) if y == year => v,
                _ => Decimal::ZERO,
            });
        }
        authorization = (
            ep.authorized_visits.or(authorization.0),
            ep.authorization_end.or(authorization.1),
        );
        let (report, f) = if d.is_empty() {
            checker.check_with_facts(note)
        } else {
            let mut with = note.clone();
            let e = with.episode.get_or_insert_with(Default::default);
            e.visit_number = e.visit_number.or(d.visit_number);
            e.reporting_period_day = e.reporting_period_day.or(d.reporting_period_day);
            e.authorized_visits = e.authorized_visits.or(d.authorized_visits);
            e.authorization_end = e.authorization_end.or(d.authorization_end);
            e.threshold_spent_before = e.threshold_spent_before.or(d.threshold_spent_before);
            checker.check_with_facts(&with)
        };
        let before = report.billing.threshold.as_ref().map(|t| t.spent_before);
        if let Some(t) = &report.billing.threshold {
            running = Some((year, t.spent_after));
        }
        spent.push(before);
        reports.push(report);
        facts.push(f);
        derived.push(d);
    }

    let goals = goals::build(&model);

    let measures: Vec<Vec<(String, Span)>> = model
        .members
        .iter()
        .zip(&facts)
        .map(|(m, f)| {
            let mut seen: Vec<(String, Span)> = Vec::new();
            // A measure named in a goal's statement is its target, not a score.
            let in_goal = |s: &Span| {
                m.reading
                    .goals
                    .iter()
                    .any(|g| g.statement.start <= s.start && s.start < g.statement.end)
            };
            for s in f.outcome_measures.iter().filter(|s| !in_goal(s)) {
                let name =
                    super::measures::canonical(m.note.text.get(s.start..s.end).unwrap_or(""));
                if !name.is_empty() && !seen.iter().any(|(x, _)| *x == name) {
                    seen.push((name, *s));
                }
            }
            seen
        })
        .collect();

    // Narrative similarity: goal statements left out.
    let mut fps: Vec<Fingerprint> = model
        .members
        .iter()
        .map(|m| {
            let goals: Vec<Span> = m.reading.goals.iter().map(|g| g.span).collect();
            cloning::fingerprint(&m.note.text, &goals)
        })
        .collect();
    let types: Vec<NoteType> = model.members.iter().map(|m| m.note.note_type).collect();
    cloning::finish(&mut fps, &types, &config.cloning.template);
    let similarity: Vec<Option<Similarity>> = (0..n).map(|k| cloning::closest(&fps, k)).collect();

    let ctx = EpisodeContext {
        config,
        model,
        reports,
        measures,
        goals,
        similarity,
    };
    let mut out = EpisodeFindings::new(config);
    crate::rules::episode::check_episode(&ctx, &mut out);
    assemble(ctx, out.items, derived, spent, &parsed, discipline)
}

fn assemble(
    ctx: EpisodeContext<'_>,
    drafts: Vec<Draft>,
    derived: Vec<Derived>,
    spent: Vec<Option<Decimal>>,
    parsed: &Parsed,
    discipline: Option<Discipline>,
) -> EpisodeReport {
    let model = &ctx.model;
    // UTF-16 conversion, one index per note that needs one.
    let mut index: HashMap<usize, Utf16Index> = HashMap::new();
    let mut to16 = |k: usize, s: Option<Span>| -> Option<Span> {
        let s = s?;
        let text = model.members.get(k).map_or("", |m| m.note.text.as_str());
        Some(
            index
                .entry(k)
                .or_insert_with(|| Utf16Index::new(text))
                .span(s),
        )
    };
    let note_ref = |k: usize, span: Option<Span>| -> Option<NoteRef> {
        model.members.get(k).map(|m| NoteRef {
            index: m.index,
            note_id: m.note.id.clone(),
            date: m.note.date_of_service,
            span,
        })
    };

    let mut drafts = drafts;
    drafts.sort_by(|a, b| {
        a.member
            .cmp(&b.member)
            .then(a.finding.severity.cmp(&b.finding.severity))
            .then(a.finding.span.cmp(&b.finding.span))
    });
    let mut findings = Vec::with_capacity(drafts.len());
    let mut about: HashMap<usize, bool> = HashMap::new(); // member -> has an error
    for d in drafts {
        let mut refs: Vec<(usize, Option<Span>)> = d.notes.clone();
        if !refs.iter().any(|r| r.0 == d.member) {
            refs.push((d.member, d.finding.span));
        }
        refs.sort_by_key(|r| r.0);
        refs.dedup_by_key(|r| r.0);
        let notes: Vec<NoteRef> = refs
            .into_iter()
            .filter_map(|(k, s)| {
                let s16 = to16(k, s);
                note_ref(k, s16)
            })
            .collect();
        let mut finding = d.finding;
        finding.span = to16(d.member, finding.span);
        if finding.severity == Severity::Error {
            about.insert(d.member, true);
        }
        let (note_index, note_id) = model
            .members
            .get(d.member)
            .map_or((0, None), |m| (m.index, m.note.id.clone()));
        findings.push(EpisodeFinding {
            finding,
            note_index,
            note_id,
            notes,
        });
    }

    let timeline = timeline(&ctx, &spent, &note_ref);
    let goals = goal_rows(&ctx, &mut to16, &note_ref);

    // Notes, in the order given.
    let mut by_index: HashMap<usize, usize> = HashMap::new();
    for (k, m) in model.members.iter().enumerate() {
        by_index.insert(m.index, k);
    }
    let mut reports: Vec<Option<Report>> = ctx.reports.into_iter().map(Some).collect();
    let mut derived: Vec<Derived> = derived;
    let notes = parsed
        .notes
        .iter()
        .enumerate()
        .map(|(i, n)| match (n, by_index.get(&i)) {
            (Ok(note), Some(&k)) => {
                let report = reports.get_mut(k).and_then(Option::take);
                let ready = report.as_ref().is_some_and(|r| r.ready_to_sign)
                    && !about.get(&k).copied().unwrap_or(false);
                EpisodeNote {
                    index: i,
                    note_id: note.id.clone(),
                    report,
                    error: None,
                    derived: derived.get_mut(k).map(std::mem::take).unwrap_or_default(),
                    ready_to_sign: ready,
                }
            }
            (Ok(note), None) => EpisodeNote {
                index: i,
                note_id: note.id.clone(),
                report: None,
                error: Some(format!("notes[{i}]: could not be placed in the episode")),
                derived: Derived::default(),
                ready_to_sign: false,
            },
            (Err(e), _) => EpisodeNote {
                index: i,
                note_id: None,
                report: None,
                error: Some(e.to_string()),
                derived: Derived::default(),
                ready_to_sign: false,
            },
        })
        .collect();

    EpisodeReport {
        schema_version: crate::report::SCHEMA_VERSION,
        patient_id: parsed.patient_id.clone(),
        episode_id: parsed.episode_id.clone(),
        discipline,
        notes,
        findings,
        timeline,
        goals,
        engine_version: crate::VERSION,
    }
}

fn timeline(
    ctx: &EpisodeContext<'_>,
    spent: &[Option<Decimal>],
    note_ref: &dyn Fn(usize, Option<Span>) -> Option<NoteRef>,
) -> Timeline {
    let model = &ctx.model;
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
        if model.position(k).visit && !eval_dates.contains(&m.note.date_of_service) {
            let d = m.note.date_of_service;
            let w = weeks.entry(super::week_of(d)).or_default();
            if !w.contains(&d) {
                w.push(d);
            }
        }
    }
    let entries: Vec<TimelineEntry> = model
        .members
        .iter()
        .enumerate()
        .map(|(k, m)| {
            let p = model.position(k);
            let week = super::week_of(m.note.date_of_service);
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
                visits_in_week: weeks
                    .get(&week)
                    .map_or(0, |w| u32::try_from(w.len()).unwrap_or(u32::MAX)),
                frequency_per_week: p.per_week,
                plan: p.plan,
                similarity: ctx.similarity.get(k).cloned().flatten().and_then(|s| {
                    let to = model.members.get(s.to)?;
                    Some(SimilarityEntry {
                        index: to.index,
                        note_id: to.note.id.clone(),
                        score: (s.score * 1000.0).round() / 1000.0,
                    })
                }),
                spent_before: spent.get(k).copied().flatten(),
                expected_payment: ctx.expected(k),
            }
        })
        .collect();

    let progress_periods = model
        .periods
        .iter()
        .enumerate()
        .filter_map(|(pi, p)| {
            let first = model.members.get(p.first)?;
            let last = (0..model.members.len())
                .rev()
                .find(|&k| model.position(k).period == pi)?;
            let end_member = p.report.unwrap_or(last);
            let interval = ctx
                .pack(end_member)
                .and_then(|pk| pk.progress_report_interval);
            Some(PeriodEntry {
                start: first.note.date_of_service,
                end: ctx.date(end_member)?,
                treatment_days: p.treatment_days(),
                report: p.report.and_then(|r| note_ref(r, None)),
                interval,
                due_on: interval.and_then(|i| p.day(i)).map(|d| d.0),
                late: interval.is_some_and(|i| p.treatment_days() > i),
            })
        })
        .collect();

    let plans = model
        .plans
        .iter()
        .enumerate()
        .filter_map(|(pi, p)| {
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
            Some(PlanEntry {
                note: note_ref(p.member, p.span)?,
                start: p.start,
                end: p.end.map(|e| e.0),
                end_from: p.end.map(|e| match e.1 {
                    super::EndFrom::Field => "field",
                    super::EndFrom::Duration => "duration",
                }),
                frequency_per_week: p.per_week,
                duration_weeks: p.weeks,
                planned_visits: p.visits,
                visits: u32::try_from(dates.len()).unwrap_or(u32::MAX),
                recertification: p.recertification,
                certified_on: certified,
            })
        })
        .collect();

    let authorized = model
        .members
        .iter()
        .rev()
        .find_map(|m| m.note.episode.as_ref().and_then(|e| e.authorized_visits));
    let auth_end = model
        .members
        .iter()
        .rev()
        .find_map(|m| m.note.episode.as_ref().and_then(|e| e.authorization_end));
    Timeline {
        start: model.members.first().map(|m| m.note.date_of_service),
        end: model.members.last().map(|m| m.note.date_of_service),
        visits: u32::try_from(model.pos.iter().filter(|p| p.visit).count()).unwrap_or(u32::MAX),
        treatment_days: model.treatment_days,
        entries,
        progress_periods,
        plans,
        evaluation: model.evaluation().and_then(|k| note_ref(k, None)),
        discharge: model.discharge().and_then(|k| note_ref(k, None)),
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

/// The statuses a goal gets: one per clinician's report after the note that set it, until a
/// report closes it.
pub fn goal_statuses(
    ctx: &EpisodeContext<'_>,
    g: &goals::Goal,
) -> Vec<(usize, &'static str, Option<Span>, bool)> {
    let mut out = Vec::new();
    for (k, m) in ctx.model.members.iter().enumerate() {
        if k <= g.set_in || !m.report {
            continue;
        }
        let (status, span, changed) = match g.in_report(k) {
            Some(x) => match x.status {
                Some(s) => (s.as_str(), x.span, !x.same),
                None => (
                    "restated",
                    x.item
                        .and_then(|i| m.reading.goals.get(i))
                        .map(|it| it.span),
                    !x.same,
                ),
            },
            None => ("missing", None, false),
        };
        out.push((k, status, span, changed));
        if g.closed_at() == Some(k) {
            break;
        }
    }
    out
}

fn goal_rows(
    ctx: &EpisodeContext<'_>,
    to16: &mut dyn FnMut(usize, Option<Span>) -> Option<Span>,
    note_ref: &dyn Fn(usize, Option<Span>) -> Option<NoteRef>,
) -> Vec<GoalRow> {
    ctx.goals
        .goals
        .iter()
        .enumerate()
        .filter_map(|(gi, g)| {
            let item_span = ctx
                .model
                .members
                .get(g.set_in)
                .and_then(|m| m.reading.goals.get(g.item))
                .map(|it| it.span);
            let set_in = note_ref(g.set_in, to16(g.set_in, item_span))?;
            let statuses = goal_statuses(ctx, g)
                .into_iter()
                .filter_map(|(k, status, span, changed)| {
                    let m = ctx.model.members.get(k)?;
                    Some(GoalStatusEntry {
                        index: m.index,
                        note_id: m.note.id.clone(),
                        date: m.note.date_of_service,
                        note_type: m.note.note_type,
                        status,
                        span: to16(k, span),
                        changed,
                    })
                })
                .collect();
            let state = match g
                .closed_at()
                .and_then(|k| g.in_report(k))
                .and_then(|x| x.status)
            {
                Some(super::reading::Status::Met) => "met",
                Some(super::reading::Status::Discontinued) => "discontinued",
                _ => "open",
            };
            Some(GoalRow {
                key: format!("G{}", gi + 1),
                term: g.term.map(|t| match t {
                    super::reading::Term::Short => "short",
                    super::reading::Term::Long => "long",
                }),
                label: g.label.clone(),
                set_in,
                statuses,
                state,
            })
        })
        .collect()
}
