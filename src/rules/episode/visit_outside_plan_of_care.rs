use crate::diagnostics::{declare_rule, EpisodeDiagnostic};
use crate::policy::sources::{BENEFIT_POLICY_CH15, CFR_410_61};
use crate::date::Date;
use super::wording::describe;
use crate::rules::context::{EpisodeContext, EpisodeFindings};
use crate::facts::episode::model::EndFrom;
use crate::note::NoteType;

declare_rule! {
    /// A visit falls outside the plan of care: before the evaluation, after the plan's end,
    /// or after the discharge.
    ///
    /// ## What it checks
    /// Across the notes of an episode (`checkEpisode`), each visit (a daily note, or a
    /// report that bills a service) is flagged when it is dated before the episode's
    /// evaluation, after a discharge note (unless a new evaluation came in between), or after
    /// the end of the plan of care in force: `episode.planOfCareEnd` on the note that set the
    /// plan (evaluation, re-evaluation or recertification), or else the plan's start plus
    /// the duration its text or `episode.durationWeeks` states ("2x/week for 8 weeks" from
    /// an evaluation on 2025-03-03 ends on 2025-04-28; that day is still in the plan). When
    /// the visit's own `episode.planOfCareEnd` already shows it after the plan and the payer
    /// pack sets a certification interval, `episode/plan-of-care-expired` reports it instead.
    ///
    /// ## Why payers deny it
    /// Outpatient therapy is paid only when furnished under a plan of care established
    /// before treatment and in force on the date of service; services after the discharge
    /// or after the plan's duration are outside any plan until the patient is re-evaluated
    /// or the plan is recertified.
    ///
    /// ## Example
    /// ```json
    /// [{"noteType": "evaluation", "dateOfService": "2025-03-03", "lines": [{"code": "97162", "units": 1, "modifiers": ["GP"]}], "text": "Plan: 2x/week for 4 weeks."},
    ///  {"dateOfService": "2025-04-02"}]
    /// ```
    ///
    /// ## Passes
    /// ```json
    /// [{"noteType": "evaluation", "dateOfService": "2025-03-03", "lines": [{"code": "97162", "units": 1, "modifiers": ["GP"]}], "text": "Plan: 2x/week for 4 weeks."},
    ///  {"dateOfService": "2025-03-31"}]
    /// ```
    ///
    /// ## Source
    /// CMS Pub. 100-02 (Medicare Benefit Policy Manual), ch. 15, §220.1.2 (services are
    /// furnished under a plan of care that states their frequency and duration) and
    /// §220.1.3 (a certification covers the plan's duration or 90 days, whichever is less);
    /// 42 CFR 410.61 (the written plan of treatment).
    pub VISIT_OUTSIDE_PLAN_OF_CARE {
        id: "episode/visit-outside-plan-of-care",
        severity: Error,
        kind: Defect,
        dismissal: StillBlocks,
        source: "CMS Pub. 100-02, ch. 15, §220.1.2 and §220.1.3; 42 CFR 410.61",
        references: [
            BENEFIT_POLICY_CH15.at("§220.1.2"),
            BENEFIT_POLICY_CH15.at("§220.1.3"),
            CFR_410_61.whole(),
        ],
    }
}

/// Why a visit is outside the plan of care.
pub(crate) enum Outside {
    /// Before the evaluation (its member index), by days.
    BeforeEvaluation(usize, i64),
    /// After the discharge note (its member index).
    AfterDischarge(usize),
    /// After the end of the plan (member index of its note), with the end and its origin.
    AfterPlanEnd(usize, Date, EndFrom),
}

/// Whether the visit at member `k` is outside the plan of care (shared with
/// `episode/visits-exceed-plan-frequency`, which does not count such visits again).
pub(crate) fn outside(ctx: &EpisodeContext<'_>, k: usize) -> Option<Outside> {
    let m = ctx.model.member(k)?;
    let pos = ctx.model.position(k);
    if !pos.visit
        || matches!(
            m.note.note_type,
            NoteType::Evaluation | NoteType::Reevaluation | NoteType::Recertification
        )
    {
        return None;
    }
    let date = m.note.date_of_service;
    if let Some(e) = ctx.model.evaluation() {
        let ed = ctx.date(e)?;
        if date < ed {
            return Some(Outside::BeforeEvaluation(e, date.days_until(ed)));
        }
    }
    if let Some(dc) = ctx.model.discharge() {
        let dd = ctx.date(dc)?;
        let new_eval = ctx.model.members.iter().any(|x| {
            x.note.note_type == NoteType::Evaluation
                && x.note.date_of_service > dd
                && x.note.date_of_service <= date
        });
        if date > dd && !new_eval {
            return Some(Outside::AfterDischarge(dc));
        }
    }
    let plan = ctx.model.plans.get(pos.plan?)?;
    let (end, from) = plan.end?;
    if date <= end {
        return None;
    }
    let own_end = m.note.episode.as_ref().and_then(|e| e.plan_of_care_end);
    let single_rule = own_end.is_some_and(|d| date > d)
        && ctx.pack(k).is_some_and(|p| p.certification_days.is_some());
    if single_rule {
        return None;
    }
    Some(Outside::AfterPlanEnd(plan.member, end, from))
}

pub(super) fn check(ctx: &EpisodeContext<'_>, out: &mut EpisodeFindings<'_>) {
    if !out.enabled(&VISIT_OUTSIDE_PLAN_OF_CARE) {
        return;
    }
    for k in 0..ctx.model.members.len() {
        let Some(why) = outside(ctx, k) else {
            continue;
        };
        let Some(date) = ctx.date(k) else {
            continue;
        };
        let (message, other, fix) = match why {
            Outside::BeforeEvaluation(e, days) => (
                format!(
                    "This visit is {} before the {}: no plan of care was in force yet.",
                    super::limits::plural(days, "day", "days"),
                    describe(ctx, e)
                ),
                e,
                "Check the date of service; if the visit came first, the evaluation must be done and the plan established before treatment is billed.",
            ),
            Outside::AfterDischarge(dc) => (
                format!(
                    "This visit is {} after the {}.",
                    super::limits::plural(ctx.date(dc).map_or(0, |d| d.days_until(date)), "day", "days"),
                    describe(ctx, dc)
                ),
                dc,
                "Check the date of service; if the patient returned, re-evaluate and establish a new plan of care before treating.",
            ),
            Outside::AfterPlanEnd(p, end, from) => (
                format!(
                    "This visit is {} after the plan of care of the {} ended ({end}, {}).",
                    super::limits::plural(end.days_until(date), "day", "days"),
                    describe(ctx, p),
                    match from {
                        EndFrom::Field => "its planOfCareEnd",
                        EndFrom::Duration => "its start plus the duration it states",
                    }
                ),
                p,
                "Recertify the plan of care (or re-evaluate and write a new plan) before treating further, and record the new end date.",
            ),
        };
        out.push(
            EpisodeDiagnostic::new(&VISIT_OUTSIDE_PLAN_OF_CARE, k, message)
                .fix(fix)
                .amount(ctx.expected(k))
                .note(other, None),
        );
    }
}
