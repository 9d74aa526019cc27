//! `Report.evaluation`: the billed and supported evaluation codes, each component, and why.

use crate::facts::eval::deciding_text;
use crate::facts::Facts;
use crate::note::{Discipline, Level};
use crate::policy::evaluation::{self as policy, level_rank};
use crate::rules::eval::analysis::{Analysis, Source, Value};
use crate::span::{Utf16Index, Utf16Span};
use serde::Serialize;

/// `Report.evaluation`: the billed and supported evaluation codes and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct EvaluationReport {
    /// The plan of care's discipline.
    pub discipline: Discipline,
    /// The evaluation code billed (the note's own complexity code first).
    pub billed_code: Option<String>,
    /// The code the documentation supports (`None` when it cannot be determined).
    pub supported_code: Option<String>,
    /// The complexity level the documentation supports (PT/OT initial evaluations).
    pub supported_level: Option<Level>,
    /// Each component: the value found, the level it supports, where it came from.
    pub components: Vec<ComponentReport>,
    /// The billed code's typical face-to-face minutes: descriptive, never a threshold.
    pub typical_minutes: Option<u32>,
    /// Face-to-face minutes the evaluation form records (`evaluation.minutes`).
    pub documented_minutes: Option<u32>,
    /// The level, and why, in a sentence or two.
    pub summary: String,
}

/// One component of `Report.evaluation`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename = "EvaluationComponent"))]
#[serde(rename_all = "camelCase")]
pub struct ComponentReport {
    /// `history`, `examination`, `clinicalPresentation`, `decisionMaking`,
    /// `occupationalProfile`, `performanceDeficits`, `comorbidities`, `taskModification`,
    /// `reevaluationReason`.
    #[cfg_attr(
        test,
        ts(
            type = "\"history\" | \"examination\" | \"clinicalPresentation\" | \"decisionMaking\" | \"occupationalProfile\" | \"performanceDeficits\" | \"comorbidities\" | \"taskModification\" | \"reevaluationReason\""
        )
    )]
    pub name: &'static str,
    /// The value found: a count, a word, or yes/no.
    pub value: Option<Value>,
    /// The highest level the value meets.
    pub level: Option<Level>,
    /// `field` (the evaluation form), `text` (inferred from the note) or `missing`.
    pub source: Source,
    /// True when read from the text: check the spans.
    pub inferred: bool,
    /// True when read from the narrative (the history, the medication list, the exam
    /// headings, how the course is described) rather than stated outright.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub from_narrative: Option<bool>,
    /// The form's field for this component.
    pub field: &'static str,
    /// Where in `note.text` the value was read, in UTF-16 code units.
    pub spans: Vec<Utf16Span>,
    /// What the component supports and why, in a therapist's words.
    pub explanation: String,
}

/// Builds `Report.evaluation` for notes that bill or document an evaluation.
pub fn build(f: &Facts<'_>, index: &Utf16Index) -> Option<EvaluationReport> {
    let note = f.note;
    let a = f.eval.as_ref()?;
    let billed = a.billed_code();
    let mut components: Vec<ComponentReport> = a
        .components
        .iter()
        .map(|c| ComponentReport {
            name: c.spec.component.name(),
            value: c.value.clone(),
            level: c.level,
            source: c.source,
            inferred: c.source == Source::Text,
            from_narrative: c.narrative.then_some(true),
            field: c.spec.component.field(),
            spans: c.spans.iter().map(|s| index.span(*s)).collect(),
            explanation: c.explanation.clone(),
        })
        .collect();

    let mut supported_code = None;
    let mut summary = String::new();
    if let Some(family) = a.family.filter(|_| !a.components.is_empty()) {
        let billed_level = a.billed_complexity().map(|(l, lv)| (l.code, lv));
        supported_code = a.supported.map(|l| family.code_for(l).to_string());
        summary = complexity_summary(a, family, billed_level);
    }
    if let Some(r) = &a.reason {
        let code = a.family.map_or("", |f| f.reevaluation.0);
        let explanation = match (r.accepted, r.routine_only) {
            (Some(k), _) => format!("Re-evaluation reason documented: {}.", k.describe()),
            (None, true) => "Re-evaluation reason: only routine wording (a schedule, a protocol, a report due), which is not a reason Medicare accepts.".to_string(),
            (None, false) => "Re-evaluation reason is not documented: record new clinical findings, a significant change in condition, or failure to respond to treatment (evaluation.reevaluationReason).".to_string(),
        };
        components.push(ComponentReport {
            name: "reevaluationReason",
            value: r.accepted.map(|k| Value::Word(k.describe())),
            level: None,
            source: match (r.accepted.is_some(), r.from_field) {
                (true, true) => Source::Field,
                (true, false) => Source::Text,
                (false, _) => Source::Missing,
            },
            inferred: r.accepted.is_some() && !r.from_field,
            from_narrative: None,
            field: "evaluation.reevaluationReason",
            spans: r.spans.iter().map(|s| index.span(*s)).collect(),
            explanation: explanation.clone(),
        });
        if summary.is_empty() {
            if r.accepted.is_some() && !code.is_empty() {
                supported_code = Some(code.to_string());
            }
            summary = format!("{code} re-evaluation. {explanation}");
        }
    }
    if summary.is_empty() {
        if note.discipline == Discipline::SLP {
            let slp = billed.filter(|c| policy::SLP_EVALUATION_CODES.contains(c));
            supported_code = slp.map(str::to_string);
            summary = match slp {
                Some(c) => format!("{c} is an SLP evaluation code. SLP evaluation codes are not complexity-based: only the code family is checked."),
                None => "SLP evaluation codes (92521–92524, 92610–92612) are not complexity-based; none is billed on this note.".to_string(),
            };
        } else {
            summary = format!(
                "No {} evaluation or re-evaluation code is billed.",
                note.discipline.as_str()
            );
        }
    }

    Some(EvaluationReport {
        discipline: note.discipline,
        billed_code: billed.map(str::to_string),
        supported_code,
        supported_level: a.supported,
        components,
        typical_minutes: billed.and_then(policy::typical_minutes),
        documented_minutes: note.evaluation.as_ref().and_then(|e| e.minutes),
        summary,
    })
}

fn complexity_summary(
    a: &Analysis,
    family: &policy::EvalFamily,
    billed: Option<(&'static str, Level)>,
) -> String {
    let Some(level) = a.supported else {
        let missing: Vec<&str> = a.missing().map(|c| c.spec.component.label()).collect();
        let mut s = format!(
            "No level can be established: {} {} not documented at a level the descriptor counts.",
            missing.join(", "),
            if missing.len() == 1 { "is" } else { "are" }
        );
        if let Some(m) = a.at_most {
            s.push_str(&format!(
                " The other components allow at most {} ({} complexity).",
                family.code_for(m),
                m.as_str()
            ));
        }
        return s;
    };
    let code = family.code_for(level);
    let why = deciding_text(a, level);
    match billed {
        Some((b, bl)) if level_rank(bl) > level_rank(level) => format!(
            "{b} ({} complexity) is billed, but the note supports {code} ({} complexity): the lowest component decides. {why}",
            bl.as_str(),
            level.as_str()
        ),
        Some((b, bl)) if level_rank(bl) < level_rank(level) => format!(
            "{b} ({} complexity) is billed, but every component meets {}: the note supports {code}. {why}",
            bl.as_str(),
            level.as_str()
        ),
        _ => format!(
            "The note supports {code} ({} complexity): every component meets {}, and the lowest decides. {why}",
            level.as_str(),
            level.as_str()
        ),
    }
}
