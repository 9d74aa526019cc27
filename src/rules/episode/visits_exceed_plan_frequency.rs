use crate::diagnostics::{declare_rule, EpisodeDiagnostic};
use crate::policy::sources::{BENEFIT_POLICY_CH15};
use super::visit_outside_plan_of_care::outside;
use crate::date::Date;
use super::wording::describe;
use crate::rules::context::{EpisodeContext, EpisodeFindings};
use crate::facts::episode::model::week_of;
use crate::note::NoteType;
use std::collections::BTreeMap;

declare_rule! {
    /// More visits in a week, or under a plan of care, than the plan's frequency and
    /// duration allow.
    ///
    /// ## What it checks
    /// Across the notes of an episode (`checkEpisode`): the plan's frequency is read from
    /// the evaluation's, re-evaluation's or recertification's plan ("2x/week for 8 weeks",
    /// "2-3 times a week x 6 wks" allows 3, "BIW", "12 visits"), or given as
    /// `episode.frequencyPerWeek`, `episode.durationWeeks` and `episode.plannedVisits`; a
    /// progress report that states a new frequency updates it. Visits are counted by
    /// treatment day in calendar weeks (Monday to Sunday); the evaluation's own day does not
    /// count. A visit is flagged when it is one more than the frequency allows in its week,
    /// or one more than the plan allows in all (its planned visits, or frequency × weeks),
    /// unless it is already outside the plan's dates (`episode/visit-outside-plan-of-care`).
    ///
    /// ## Why payers deny it
    /// The plan of care states the frequency and duration of treatment, and reviewers judge
    /// the need for each visit against it: visits beyond the plan need a documented reason
    /// and an updated plan, or they are denied as not reasonable and necessary.
    ///
    /// ## Example
    /// ```json
    /// [{"noteType": "evaluation", "dateOfService": "2025-03-03", "lines": [{"code": "97162", "units": 1, "modifiers": ["GP"]}], "text": "Plan: 2x/week for 8 weeks."},
    ///  {"dateOfService": ["2025-03-04", "2025-03-05", "2025-03-06"]}]
    /// ```
    ///
    /// ## Passes
    /// ```json
    /// [{"noteType": "evaluation", "dateOfService": "2025-03-03", "lines": [{"code": "97162", "units": 1, "modifiers": ["GP"]}], "text": "Plan: 2x/week for 8 weeks."},
    ///  {"dateOfService": ["2025-03-04", "2025-03-06"]}]
    /// ```
    ///
    /// ## Source
    /// CMS Pub. 100-02 (Medicare Benefit Policy Manual), ch. 15, §220.1.2 (the plan states
    /// the type, amount, frequency and duration of services) and §220.3.D (contractors judge
    /// necessity by the services delivered as directed in the plan).
    pub VISITS_EXCEED_PLAN_FREQUENCY {
        id: "episode/visits-exceed-plan-frequency",
        severity: Warning,
        kind: Defect,
        dismissal: StillBlocks,
        source: "CMS Pub. 100-02, ch. 15, §220.1.2",
        references: [
            BENEFIT_POLICY_CH15.at("§220.1.2"),
            BENEFIT_POLICY_CH15.at("§220.3 D"),
        ],
    }
}

pub(super) fn check(ctx: &EpisodeContext<'_>, out: &mut EpisodeFindings<'_>) {
    if !out.enabled(&VISITS_EXCEED_PLAN_FREQUENCY) {
        return;
    }
    let model = &ctx.model;
    // Treatment days: (date, first visit member), the evaluation's day left out.
    let eval_dates: Vec<Date> = model
        .members
        .iter()
        .filter(|m| m.note.note_type == NoteType::Evaluation)
        .map(|m| m.note.date_of_service)
        .collect();
    let mut days: Vec<(Date, usize)> = Vec::new();
    for (k, m) in model.members.iter().enumerate() {
        let d = m.note.date_of_service;
        if model.position(k).visit && !eval_dates.contains(&d) && !days.iter().any(|x| x.0 == d) {
            days.push((d, k));
        }
    }
    let mut flagged: Vec<usize> = Vec::new();

    // In a week.
    let mut weeks: BTreeMap<Date, Vec<(Date, usize)>> = BTreeMap::new();
    for &(d, k) in &days {
        weeks.entry(week_of(d)).or_default().push((d, k));
    }
    for (monday, list) in &weeks {
        for (n, &(_, k)) in list.iter().enumerate() {
            let pos = model.position(k);
            let Some(limit) = pos.per_week else {
                continue;
            };
            let count = u32::try_from(n + 1).unwrap_or(u32::MAX);
            if count <= limit || outside(ctx, k).is_some() {
                continue;
            }
            let plan = pos.plan.and_then(|p| model.plans.get(p));
            let mut d = EpisodeDiagnostic::new(
                &VISITS_EXCEED_PLAN_FREQUENCY,
                k,
                format!(
                    "This is visit {count} in the week of {monday}; the plan of care allows {limit} a week."
                ),
            )
            .fix("Document why the extra visit was needed and update the plan's frequency with the physician's or NPP's approval, or schedule the visit in another week.")
            .amount(ctx.expected(k));
            for &(_, other) in list.iter().take(n) {
                d = d.note(other, None);
            }
            if let Some(p) = plan {
                d = d.note(p.member, p.span);
            }
            flagged.push(k);
            out.push(d);
        }
    }

    // Under the plan as a whole.
    for (pi, plan) in model.plans.iter().enumerate() {
        let Some(allowed) = plan.visits else {
            continue;
        };
        let plan_note_date = model.member(plan.member).map(|m| m.note.date_of_service);
        let mut n = 0u32;
        for &(d, k) in &days {
            if model.position(k).plan != Some(pi) || Some(d) == plan_note_date {
                continue;
            }
            n += 1;
            if n <= allowed || flagged.contains(&k) || outside(ctx, k).is_some() {
                continue;
            }
            let how = match (plan.per_week, plan.weeks) {
                (Some(f), Some(w)) if plan.visits == Some(f.saturating_mul(w)) => {
                    format!(" ({f} a week for {w} weeks)")
                }
                _ => String::new(),
            };
            out.push(
                EpisodeDiagnostic::new(
                    &VISITS_EXCEED_PLAN_FREQUENCY,
                    k,
                    format!(
                        "This is visit {n} under the plan of care of the {}, which calls for {allowed} visits{how}.",
                        describe(ctx, plan.member)
                    ),
                )
                .fix("Reassess: if more visits are needed, update the plan (recertification) with the new frequency and duration; otherwise plan the discharge.")
                .amount(ctx.expected(k))
                .note(plan.member, plan.span),
            );
        }
    }
}
