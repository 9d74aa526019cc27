//! The evaluation's components and the level they support, computed once per check from the
//! form's fields (`note.evaluation`) and, where a field is absent, from what the text reader
//! found ([`crate::text::EvalText`]). The rules and `Report.evaluation` both read it.

use crate::note::{Discipline, Level, Note, NoteType};
use crate::policy::codes::{self, EvalKind};
use crate::policy::evaluation::{
    self as policy, level_from_rank, level_rank, Component, ComponentSpec, EvalFamily, Scale,
};
use crate::span::Span;
use crate::text::{EvalText, Found, ReasonKind, TextFacts};
use serde::Serialize;

/// A billed evaluation-family line (units > 0).
#[derive(Debug, Clone, Copy)]
pub struct EvalLine {
    pub index: usize,
    pub code: &'static str,
    pub kind: EvalKind,
    pub discipline: Discipline,
}

/// Where a component's value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename = "ComponentSource"))]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// The evaluation form's field.
    Field,
    /// Read from the note's text (inferred; see the spans).
    Text,
    /// Neither the form nor the text establishes it.
    Missing,
}

/// A component's value as found.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename = "ComponentValue"))]
#[serde(untagged)]
pub enum Value {
    /// A count (history factors, exam elements, performance deficits).
    Count(u32),
    /// A word (`evolving`, `moderate`, …) or a reason in words.
    Word(&'static str),
    /// Yes or no (OT comorbidities).
    Flag(bool),
}

/// One component, assessed.
#[derive(Debug, Clone)]
pub struct Assessed {
    pub spec: &'static ComponentSpec,
    pub value: Option<Value>,
    /// The highest level the value meets; `None` when missing or meeting none.
    pub level: Option<Level>,
    pub source: Source,
    /// Byte spans of the text the value was read from.
    pub spans: Vec<Span>,
    pub explanation: String,
    /// Read from the narrative rather than stated outright.
    pub narrative: bool,
    /// The explanation without its caveats, lower-case, for summaries and messages
    /// ("history supports moderate: 2 personal factors and comorbidities affecting the plan").
    pub short: String,
}

impl Assessed {
    pub fn established(&self) -> bool {
        self.level.is_some()
    }
}

/// What the note documents about its re-evaluation reason.
#[derive(Debug, Clone)]
pub struct Reason {
    pub accepted: Option<ReasonKind>,
    /// From `evaluation.reevaluationReason` (true) or the text (false).
    pub from_field: bool,
    /// Byte spans in the text: the accepted reason, or the routine wording found.
    pub spans: Vec<Span>,
    pub routine_only: bool,
}

/// The evaluation analysis of one note.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// Billed evaluation, re-evaluation and SLP evaluation lines.
    pub lines: Vec<EvalLine>,
    /// The note's discipline's complexity family (PT, OT).
    pub family: Option<&'static EvalFamily>,
    /// The complexity components (empty unless a PT/OT evaluation is billed or documented).
    pub components: Vec<Assessed>,
    /// The level every component meets, when every component is established.
    pub supported: Option<Level>,
    /// The lowest level among the established components (an upper bound when some are missing).
    pub at_most: Option<Level>,
    /// For re-evaluations (97164, 97168, or a PT/OT re-evaluation note).
    pub reason: Option<Reason>,
    /// The note's type is `evaluation`.
    pub evaluation_note: bool,
}

impl Analysis {
    /// The billed complexity evaluation code of the note's own discipline, with its level.
    pub fn billed_complexity(&self) -> Option<(&EvalLine, Level)> {
        let family = self.family?;
        self.lines.iter().find_map(|l| match l.kind {
            EvalKind::Evaluation { .. } if l.discipline == family.discipline => {
                family.level_of(l.code).map(|lv| (l, lv))
            }
            _ => None,
        })
    }

    /// [`Self::billed_complexity`] on an evaluation note: what the complexity rules judge (a
    /// code on another kind of note is `eval/code-note-type-mismatch`'s finding alone).
    pub fn judged(&self) -> Option<(&EvalLine, Level)> {
        if !self.evaluation_note {
            return None;
        }
        self.billed_complexity()
    }

    /// The code shown as `billedCode`: the note's own complexity code, else the first billed.
    pub fn billed_code(&self) -> Option<&'static str> {
        self.billed_complexity()
            .map(|(l, _)| l.code)
            .or_else(|| self.lines.first().map(|l| l.code))
    }

    pub fn missing(&self) -> impl Iterator<Item = &Assessed> {
        self.components.iter().filter(|c| !c.established())
    }

    /// The components at the lowest level (those that decide).
    pub fn deciding(&self, level: Level) -> impl Iterator<Item = &Assessed> {
        self.components
            .iter()
            .filter(move |c| c.level == Some(level))
    }
}

/// The billed evaluation-family lines of a note.
pub(crate) fn eval_lines(note: &Note) -> Vec<EvalLine> {
    note.lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.units > 0)
        .filter_map(|(index, l)| {
            let info = codes::lookup(&l.code)?;
            Some(EvalLine {
                index,
                code: info.code,
                kind: info.eval?,
                discipline: info.discipline?,
            })
        })
        .collect()
}

/// The analysis, for notes that bill or document an evaluation (`None` otherwise).
pub(crate) fn analyze(note: &Note, facts: &TextFacts) -> Option<Analysis> {
    let lines = eval_lines(note);
    // An `evaluation` object on a daily note (EMRs may always send one) does not make it one.
    let documents = matches!(
        note.note_type,
        NoteType::Evaluation | NoteType::Reevaluation
    );
    if lines.is_empty() && !documents {
        return None;
    }
    let family = policy::family(note.discipline);
    let mut a = Analysis {
        lines,
        family,
        components: Vec::new(),
        supported: None,
        at_most: None,
        reason: None,
        evaluation_note: note.note_type == NoteType::Evaluation,
    };
    let Some(family) = family else { return Some(a) };

    let bills_complexity = a
        .lines
        .iter()
        .any(|l| matches!(l.kind, EvalKind::Evaluation { .. }));
    let bills_reeval = a.lines.iter().any(|l| l.kind == EvalKind::Reevaluation);
    if bills_complexity || (note.note_type == NoteType::Evaluation && !bills_reeval) {
        let text = &facts.evaluation;
        a.components = family
            .components
            .iter()
            .map(|spec| assess(note, spec, text))
            .collect();
        let ranks: Vec<u8> = a
            .components
            .iter()
            .filter_map(|c| c.level.map(level_rank))
            .collect();
        a.at_most = ranks.iter().min().copied().and_then(level_from_rank);
        if ranks.len() == a.components.len() {
            a.supported = a.at_most;
        }
    }
    if bills_reeval || (note.note_type == NoteType::Reevaluation && !bills_complexity) {
        a.reason = Some(reason(note, facts));
    }
    Some(a)
}

fn reason(note: &Note, facts: &TextFacts) -> Reason {
    let field = note
        .evaluation
        .as_ref()
        .and_then(|e| e.reevaluation_reason.as_deref())
        .filter(|s| !s.trim().is_empty());
    if let Some(f) = field {
        let scan = crate::text::reevaluation_reason(f);
        if let Some((kind, _)) = scan.accepted.first() {
            return Reason {
                accepted: Some(*kind),
                from_field: true,
                spans: Vec::new(),
                routine_only: false,
            };
        }
    }
    let scan = &facts.reevaluation;
    if let Some((kind, span)) = scan.accepted.first() {
        return Reason {
            accepted: Some(*kind),
            from_field: false,
            spans: vec![*span],
            routine_only: false,
        };
    }
    let field_routine =
        field.is_some_and(|f| !crate::text::reevaluation_reason(f).routine.is_empty());
    Reason {
        accepted: None,
        from_field: field.is_some(),
        routine_only: field_routine || !scan.routine.is_empty(),
        spans: scan.routine.clone(),
    }
}

fn plural(n: u32, unit: (&str, &str)) -> String {
    format!("{n} {}", if n == 1 { unit.0 } else { unit.1 })
}

fn word_phrase(c: Component, w: &str) -> String {
    match (c, w) {
        (Component::TaskModification, "none") => {
            "no modification of tasks or assistance needed".into()
        }
        (Component::TaskModification, "minimalToModerate") => {
            "minimal to moderate modification of tasks or assistance".into()
        }
        (Component::TaskModification, _) => {
            "significant modification of tasks or assistance".into()
        }
        (Component::OccupationalProfile, w) => {
            format!("{w} review of the occupational profile and history")
        }
        (Component::ClinicalPresentation, w) => format!("{w} presentation"),
        (_, w) => format!("{w} complexity"),
    }
}

/// Assesses one component: the field if present, else the text, else missing.
fn assess(note: &Note, spec: &'static ComponentSpec, text: &EvalText) -> Assessed {
    let ev = note.evaluation.as_ref();
    let c = spec.component;
    // (value, spans, from field, conflict)
    let found: Option<(Value, Vec<Span>, bool, bool)> = {
        let count = |field: Option<u32>, t: &Option<Found<u32>>| {
            field
                .map(|n| (Value::Count(n), Vec::new(), true, false))
                .or_else(|| {
                    t.as_ref()
                        .map(|f| (Value::Count(f.value), f.spans.clone(), false, f.conflict))
                })
        };
        let word = |field: Option<&str>, t: &Option<Found<&'static str>>| {
            let field = field.and_then(|w| match spec.scale {
                Scale::Words(ws) => ws.iter().find(|(x, _)| *x == w).map(|(x, _)| *x),
                _ => None,
            });
            field
                .map(|w| (Value::Word(w), Vec::new(), true, false))
                .or_else(|| {
                    t.as_ref()
                        .map(|f| (Value::Word(f.value), f.spans.clone(), false, f.conflict))
                })
        };
        match c {
            Component::History => count(ev.and_then(|e| e.history_factors), &text.history),
            Component::Examination => count(ev.and_then(|e| e.exam_elements), &text.exam_elements),
            Component::PerformanceDeficits => {
                count(ev.and_then(|e| e.performance_deficits), &text.deficits)
            }
            Component::ClinicalPresentation => word(
                ev.and_then(|e| e.clinical_presentation.map(|w| w.as_str())),
                &text.presentation,
            ),
            Component::OccupationalProfile => word(
                ev.and_then(|e| e.profile_review.map(|w| w.as_str())),
                &text.profile,
            ),
            Component::TaskModification => word(
                ev.and_then(|e| e.task_modification.map(|w| w.as_str())),
                &text.task_modification,
            ),
            Component::DecisionMaking => ev
                .and_then(|e| e.decision_making)
                .map(|l| (Value::Word(l.as_str()), Vec::new(), true, false))
                .or_else(|| {
                    text.decision.as_ref().map(|f| {
                        let mut level = f.value;
                        // Read from the narrative (tests and plan options), a PT
                        // evaluation's decisions are no more complex than the presentation
                        // they answer: stable asks for low, evolving for moderate at most.
                        if f.narrative && note.discipline == Discipline::PT {
                            let presentation = ev
                                .and_then(|e| e.clinical_presentation.map(|w| w.as_str()))
                                .or(text.presentation.as_ref().map(|p| p.value));
                            let cap = match presentation {
                                Some("stable") => Some(Level::Low),
                                Some("evolving") => Some(Level::Moderate),
                                _ => None,
                            };
                            if let Some(cap) = cap {
                                if level_rank(cap) < level_rank(level) {
                                    level = cap;
                                }
                            }
                        }
                        (
                            Value::Word(level.as_str()),
                            f.spans.clone(),
                            false,
                            f.conflict,
                        )
                    })
                }),
            Component::Comorbidities => ev
                .and_then(|e| e.comorbidities_affect_occupation)
                .map(|b| (Value::Flag(b), Vec::new(), true, false))
                .or_else(|| {
                    text.comorbidities
                        .as_ref()
                        .map(|f| (Value::Flag(f.value > 0), f.spans.clone(), false, f.conflict))
                }),
        }
    };

    let label = c.label();
    let narrative = found.as_ref().is_some_and(|f| !f.2)
        && match c {
            Component::History => text.history.as_ref().is_some_and(|f| f.narrative),
            Component::Examination => text.exam_elements.as_ref().is_some_and(|f| f.narrative),
            Component::PerformanceDeficits => text.deficits.as_ref().is_some_and(|f| f.narrative),
            Component::ClinicalPresentation => {
                text.presentation.as_ref().is_some_and(|f| f.narrative)
            }
            Component::OccupationalProfile => text.profile.as_ref().is_some_and(|f| f.narrative),
            Component::TaskModification => {
                text.task_modification.as_ref().is_some_and(|f| f.narrative)
            }
            Component::DecisionMaking => text.decision.as_ref().is_some_and(|f| f.narrative),
            Component::Comorbidities => text.comorbidities.as_ref().is_some_and(|f| f.narrative),
        };
    let Some((value, mut spans, from_field, conflict)) = found else {
        return Assessed {
            spec,
            value: None,
            level: None,
            source: Source::Missing,
            narrative: false,
            spans: Vec::new(),
            explanation: format!(
                "{} {} not established: {}.",
                capitalize(label),
                if plural_label(c) { "are" } else { "is" },
                missing_fix(c)
            ),
            short: format!(
                "{label} {} not established",
                if plural_label(c) { "are" } else { "is" }
            ),
        };
    };
    let level = match &value {
        Value::Count(n) => spec.scale.count_level(*n),
        Value::Word(w) => spec.scale.word_level(w),
        Value::Flag(b) => spec.scale.flag_level(*b),
    };
    let what = match (&value, c) {
        (Value::Count(0), Component::History) => {
            "no personal factors or comorbidities affecting the plan".to_string()
        }
        (Value::Count(n), Component::PerformanceDeficits) => {
            let levels = spec.scale.count_levels(*n);
            let mut s = plural(*n, spec.unit);
            if let [a, b] = levels.as_slice() {
                s.push_str(&format!(
                    " ({n} fits both {} and {}; the other components decide)",
                    a.as_str(),
                    b.as_str()
                ));
            }
            s
        }
        (Value::Count(n), _) => plural(*n, spec.unit),
        (Value::Flag(true), _) => {
            "comorbidities affecting occupational performance are present".to_string()
        }
        (Value::Flag(false), _) => {
            "no comorbidities affecting occupational performance (high complexity needs them)"
                .to_string()
        }
        (Value::Word(w), c) => word_phrase(c, w),
    };
    let origin = if from_field {
        String::new()
    } else if narrative {
        format!(
            "; read from the note's narrative ({}): check the spans",
            narrative_basis(c)
        )
    } else if conflict {
        "; read from the note's text, which states more than one: the lowest is used".to_string()
    } else {
        "; read from the note's text".to_string()
    };
    let mut extra = String::new();
    if c == Component::DecisionMaking && note.discipline == Discipline::PT {
        let mut names: Vec<&str> = Vec::new();
        for (n, s) in &text.tests {
            if !names.contains(n) {
                names.push(n);
            }
            if !from_field {
                spans.push(*s);
            }
        }
        if names.is_empty() {
            extra = "; no standardized assessment instrument or functional outcome measure is named in the note: name the one used".into();
        } else {
            extra = format!("; standardized measures named: {}", names.join(", "));
        }
    }
    let verb = if plural_label(c) {
        "support"
    } else {
        "supports"
    };
    let short = match level {
        Some(l) => format!("{label} {verb} {}: {what}", l.as_str()),
        None => format!("{label} {verb} no level: {what}"),
    };
    let explanation = match level {
        Some(_) => format!("{}{origin}{extra}.", capitalize(&short)),
        None => format!("{}{origin}; {}.", capitalize(&short), none_fix(c)),
    };
    crate::sort::sort(&mut spans);
    spans.dedup();
    Assessed {
        spec,
        value: Some(value),
        level,
        source: if from_field {
            Source::Field
        } else {
            Source::Text
        },
        spans,
        explanation,
        narrative,
        short,
    }
}

/// What the narrative reader counted for a component, in a therapist's words.
fn narrative_basis(c: Component) -> &'static str {
    match c {
        Component::History => "comorbidities in the history and medication list, personal factors in the social history and prior function",
        Component::Examination => "body systems and activities examined, standardized tests given",
        Component::ClinicalPresentation => "how the course is described",
        Component::DecisionMaking => "standardized tests used and the options the plan chooses among",
        Component::OccupationalProfile => "the kinds of history reviewed",
        Component::PerformanceDeficits => "deficits and limitations found",
        Component::Comorbidities => "comorbidities in the history and medication list",
        Component::TaskModification => "the assistance, rests, cues or adapted tools the note describes the patient needing now",
    }
}

/// Whether the component's label is a plural noun ("performance deficits support …").
fn plural_label(c: Component) -> bool {
    matches!(c, Component::PerformanceDeficits | Component::Comorbidities)
}

/// `s` with its first letter in upper case (the texts capitalized are the rules' own, which
/// start with an ASCII letter: no Unicode case table is needed).
pub(crate) fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
        .unwrap_or_default()
}

/// What to do about a component that supports no level.
fn none_fix(c: Component) -> &'static str {
    match c {
        Component::Examination => {
            "a PT evaluation examines at least 1 element with standardized tests and measures"
        }
        Component::PerformanceDeficits => {
            "an OT evaluation identifies at least 1 performance deficit"
        }
        _ => "record it on the evaluation form",
    }
}

/// What to do about a missing component (also the fix of `eval/components-missing`).
pub(crate) fn missing_fix(c: Component) -> &'static str {
    match c {
        Component::History => "record how many personal factors and comorbidities affect the plan of care (evaluation.historyFactors), or list them in the note under \"Comorbidities:\" and \"Personal factors:\" (write \"none\" when there are none)",
        Component::Examination => "record how many elements (body structures and functions, activity limitations, participation restrictions) were examined (evaluation.examElements), or list them under \"Body structures and functions:\", \"Activity limitations:\" and \"Participation restrictions:\"",
        Component::ClinicalPresentation => "state whether the clinical presentation is stable, evolving or unstable (evaluation.clinicalPresentation)",
        Component::OccupationalProfile => "state whether the occupational profile and history review was brief, expanded or extensive (evaluation.profileReview)",
        Component::PerformanceDeficits => "record how many performance deficits were identified (evaluation.performanceDeficits), or list them under \"Performance deficits:\"",
        Component::Comorbidities => "state whether comorbidities affect occupational performance (evaluation.comorbiditiesAffectOccupation), or list them under \"Comorbidities:\" (write \"none\" when there are none)",
        Component::TaskModification => "state whether no, minimal to moderate, or significant modification of tasks or assistance was needed to complete the evaluation (evaluation.taskModification)",
        Component::DecisionMaking => "state the complexity of the clinical decision making, low, moderate or high (evaluation.decisionMaking)",
    }
}
