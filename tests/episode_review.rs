//! `checkEpisode`: each episode rule in both directions at its boundaries (the 10th and 11th
//! treatment day, a week with one visit too many, a goal renumbered but unchanged, a
//! template shared by every note with different content), bad input, derived fields, spans.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use chartlint::{Checker, EpisodeReport};
use common::{check_episode, episode_notes, episode_rules_fired};
use serde_json::{json, Value};

const EVAL_TEXT: &str = "Initial evaluation, R TKA 2/10.\nO: R knee flexion AROM 92 deg. LEFS 31/80. TUG 16.4 s.\nGoals:\nSTG 1 (3 wks): ascend 12 stairs with 1 rail, modified independent.\nLTG 1 (8 wks): walk 30 minutes in the community with pain < 2/10.\nLTG 2 (8 wks): return to gardening on knees with a kneeling pad.\nPlan: 2x/week for 8 weeks: therapeutic exercise, manual therapy, gait training, HEP.\nDana Lee, PT, DPT";

fn eval(date: &str) -> Value {
    json!({"id": "eval", "noteType": "evaluation", "dateOfService": date,
           "lines": [{"code": "97162", "units": 1, "modifiers": ["GP"]}], "text": EVAL_TEXT})
}

fn dailies(dates: &[&str]) -> Value {
    json!({"dateOfService": dates})
}

/// Treatment days Mon/Wed/Fri from 2025-03-05 on (the evaluation is Monday 2025-03-03).
const DAYS: &[&str] = &[
    "2025-03-05",
    "2025-03-07",
    "2025-03-10",
    "2025-03-12",
    "2025-03-14",
    "2025-03-17",
    "2025-03-19",
    "2025-03-21",
    "2025-03-24",
    "2025-03-26",
    "2025-03-28",
    "2025-03-31",
];

fn fired(r: &EpisodeReport, rule: &str) -> Vec<String> {
    r.findings
        .iter()
        .filter(|f| f.finding.rule == rule)
        .map(|f| f.note_id.clone().unwrap_or_default())
        .collect()
}

fn pr(date: &str, text: &str) -> Value {
    json!({"id": format!("pr-{date}"), "noteType": "progress", "dateOfService": date, "text": text})
}

const PR_TEXT: &str = "Progress report.\nO: LEFS 44/80. TUG 12.1 s. Flexion 108 deg.\nGoal status:\nSTG 1: ascend 12 stairs with 1 rail, modified independent – met.\nLTG 1: walk 30 minutes in the community with pain < 2/10 – partially met, now 20 min.\nLTG 2: return to gardening on knees with a kneeling pad – ongoing.\nPlan: continue 2x/week for 4 weeks.";

// ---- episode/progress-report-missed ------------------------------------------------------

#[test]
fn a_report_on_the_10th_treatment_day_is_on_time_on_the_11th_it_is_late() {
    // Evaluation = treatment day 1; dailies are days 2–10; the report on day 10 (same date
    // as the 10th daily) is on time.
    let on_time = check_episode(&json!([
        eval("2025-03-03"),
        dailies(&DAYS[..9]),
        pr(DAYS[8], PR_TEXT)
    ]));
    assert!(
        !on_time.has("episode/progress-report-missed"),
        "{:?}",
        episode_rules_fired(&on_time)
    );
    assert_eq!(on_time.timeline.progress_periods[0].treatment_days, 10);
    // A report on the 11th treatment day is late.
    let late = check_episode(&json!([
        eval("2025-03-03"),
        dailies(&DAYS[..10]),
        pr(DAYS[9], PR_TEXT)
    ]));
    assert_eq!(
        fired(&late, "episode/progress-report-missed"),
        vec![format!("pr-{}", DAYS[9])]
    );
    let f = &late
        .findings
        .iter()
        .find(|f| f.finding.rule == "episode/progress-report-missed")
        .unwrap();
    // Names the note that started the period, the one of the due day, and the report.
    let ids: Vec<_> = f.notes.iter().map(|n| n.note_id.clone().unwrap()).collect();
    assert_eq!(
        ids,
        vec!["eval".to_string(), "n10".into(), format!("pr-{}", DAYS[9])]
    );
    assert!(late.timeline.progress_periods[0].late);
    assert_eq!(
        late.timeline.progress_periods[0]
            .due_on
            .unwrap()
            .to_string(),
        DAYS[8]
    );
}

#[test]
fn two_notes_on_one_date_are_one_treatment_day() {
    // A second daily note on the 9th day's date: still 10 treatment days at the report.
    let r = check_episode(&json!([
        eval("2025-03-03"),
        dailies(&DAYS[..9]),
        {"id": "same-day", "dateOfService": DAYS[7]},
        pr(DAYS[8], PR_TEXT)
    ]));
    assert!(
        !r.has("episode/progress-report-missed"),
        "{:?}",
        episode_rules_fired(&r)
    );
    assert_eq!(r.timeline.treatment_days, 10);
}

#[test]
fn later_periods_count_from_the_day_after_the_report() {
    // Report on day 10; ten more treatment days; the next report on the 10th of those.
    let more: Vec<&str> = vec![
        "2025-04-02",
        "2025-04-04",
        "2025-04-07",
        "2025-04-09",
        "2025-04-11",
        "2025-04-14",
        "2025-04-16",
        "2025-04-18",
        "2025-04-21",
        "2025-04-23",
        "2025-04-25",
    ];
    let ok = check_episode(&json!([
        eval("2025-03-03"),
        dailies(&DAYS[..9]),
        pr(DAYS[8], PR_TEXT),
        dailies(&more[..10]),
        pr(more[9], PR_TEXT)
    ]));
    assert!(
        !ok.has("episode/progress-report-missed"),
        "{:?}",
        episode_rules_fired(&ok)
    );
    let late = check_episode(&json!([
        eval("2025-03-03"),
        dailies(&DAYS[..9]),
        pr(DAYS[8], PR_TEXT),
        dailies(&more[..11]),
        pr(more[10], PR_TEXT)
    ]));
    assert_eq!(
        fired(&late, "episode/progress-report-missed"),
        vec![format!("pr-{}", more[10])]
    );
}

#[test]
fn who_writes_the_report_and_which_notes_are_reports() {
    // An assistant's progress note does not end the period: the clinician's later one is late.
    let pta = json!({"id": "pta-pr", "noteType": "progress", "dateOfService": DAYS[8],
                      "provider": {"role": "PTA", "name": "Sam Ortiz", "credentials": "PTA"}, "text": PR_TEXT});
    let r = check_episode(&json!([
        eval("2025-03-03"),
        dailies(&DAYS[..10]),
        pta,
        pr(DAYS[10], PR_TEXT)
    ]));
    assert_eq!(
        fired(&r, "episode/progress-report-missed"),
        vec![format!("pr-{}", DAYS[10])]
    );
    // A clinician's daily note that holds a progress report ends the period.
    let with_report = format!(
        "{}\nProgress report: LTG 1 partially met.",
        common::base()["text"].as_str().unwrap()
    );
    let r = check_episode(&json!([
        eval("2025-03-03"), dailies(&DAYS[..8]),
        {"id": "daily-with-report", "dateOfService": DAYS[8], "text": with_report},
        dailies(&DAYS[9..11]), pr(DAYS[11], PR_TEXT)
    ]));
    assert!(
        !r.has("episode/progress-report-missed"),
        "{:?}",
        episode_rules_fired(&r)
    );
    // A discharge note is a progress report: on the 11th day it is late.
    let dc =
        json!({"id": "dc", "noteType": "discharge", "dateOfService": DAYS[9], "text": PR_TEXT});
    let r = check_episode(&json!([eval("2025-03-03"), dailies(&DAYS[..10]), dc]));
    assert_eq!(
        fired(&r, "episode/progress-report-missed"),
        vec!["dc".to_string()]
    );
}

#[test]
fn the_interval_is_the_payer_packs() {
    let notes = json!([
        eval("2025-03-03"),
        dailies(&DAYS[..10]),
        pr(DAYS[9], PR_TEXT)
    ]);
    // Commercial packs set no interval.
    let mut commercial = episode_notes(&notes);
    for n in commercial.as_array_mut().unwrap() {
        n["payer"] = json!({"kind": "commercial"});
    }
    let r = Checker::with_defaults()
        .check_episode_value(&commercial)
        .unwrap();
    assert!(!r.has("episode/progress-report-missed"));
    // A pack with its own interval.
    let c =
        Checker::new(&json!({"payers": {"commercial": {"progressReportInterval": 6}}})).unwrap();
    let r = c.check_episode_value(&commercial).unwrap();
    assert!(r.has("episode/progress-report-missed"));
}

#[test]
fn progress_report_due_runs_on_the_derived_treatment_day() {
    // No reportingPeriodDay sent: the episode derives it. The 10th treatment day without a
    // report gets episode/progress-report-due; the 9th does not.
    let r = check_episode(&json!([eval("2025-03-03"), dailies(&DAYS[..9])]));
    let notes = &r.notes;
    assert_eq!(
        notes[9]
            .derived
            .clone()
            .unwrap_or_default()
            .reporting_period_day,
        Some(10)
    );
    assert_eq!(
        notes[9].derived.clone().unwrap_or_default().visit_number,
        Some(10)
    );
    let due: Vec<bool> = notes
        .iter()
        .map(|n| {
            n.report
                .as_ref()
                .unwrap()
                .has("episode/progress-report-due")
        })
        .collect();
    assert_eq!(due.iter().filter(|d| **d).count(), 1, "{due:?}");
    assert!(due[9]);
    assert!(!notes[9].ready_to_sign);
    // A daily note written the same day as the report is covered by it.
    let r = check_episode(&json!([
        eval("2025-03-03"),
        dailies(&DAYS[..9]),
        pr(DAYS[8], PR_TEXT)
    ]));
    assert_eq!(
        r.notes[9]
            .derived
            .clone()
            .unwrap_or_default()
            .reporting_period_day,
        None
    );
    assert!(!r.notes[9]
        .report
        .as_ref()
        .unwrap()
        .has("episode/progress-report-due"));
    // A field the EMR sends wins.
    let mut given = episode_notes(&json!([eval("2025-03-03"), dailies(&DAYS[..9])]));
    given[9]["episode"] = json!({"reportingPeriodDay": 3});
    let r = Checker::with_defaults()
        .check_episode_value(&given)
        .unwrap();
    assert_eq!(
        r.notes[9]
            .derived
            .clone()
            .unwrap_or_default()
            .reporting_period_day,
        None
    );
    assert!(!r.notes[9]
        .report
        .as_ref()
        .unwrap()
        .has("episode/progress-report-due"));
}

// ---- episode/goal-without-status ---------------------------------------------------------

#[test]
fn every_goal_needs_a_status_in_the_next_report() {
    let r = check_episode(&json!([
        eval("2025-03-03"),
        dailies(&DAYS[..5]),
        pr(DAYS[4], PR_TEXT)
    ]));
    assert!(
        !r.has("episode/goal-without-status"),
        "{:?}",
        episode_rules_fired(&r)
    );
    assert_eq!(r.goals.len(), 3);
    assert_eq!(r.goals[0].state, "met");
    assert_eq!(r.goals[1].statuses[0].status, "partlyMet");
    // LTG 2 dropped from the report.
    let lost = PR_TEXT.replace(
        "LTG 2: return to gardening on knees with a kneeling pad – ongoing.",
        "",
    );
    let r = check_episode(&json!([
        eval("2025-03-03"),
        dailies(&DAYS[..5]),
        pr(DAYS[4], &lost)
    ]));
    let f: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.finding.rule == "episode/goal-without-status")
        .collect();
    assert_eq!(f.len(), 1, "{:?}", episode_rules_fired(&r));
    assert!(
        f[0].finding.message.contains("LTG 2"),
        "{}",
        f[0].finding.message
    );
    assert!(
        !f[0].finding.message.contains("gardening"),
        "messages never repeat the note"
    );
    // The goal's words are pointed at in the evaluation.
    let ev = f[0]
        .notes
        .iter()
        .find(|n| n.note_id.as_deref() == Some("eval"))
        .unwrap();
    let span = ev.span.unwrap();
    let text: Vec<u16> = EVAL_TEXT.encode_utf16().collect();
    let words = String::from_utf16(&text[span.start..span.end]).unwrap();
    assert!(words.contains("gardening"), "{words}");
    assert_eq!(r.goals[2].statuses[0].status, "missing");
}

#[test]
fn a_goal_renumbered_but_unchanged_keeps_its_status() {
    let renumbered = "Progress report.\nGoal status:\nSTG 1: ascend 12 stairs with 1 rail, mod I – met.\nLTG 1: return to gardening on knees with a kneeling pad – ongoing.\nLTG 2: walk 30 min in the community with pain < 2/10 – partially met, now 20 min.";
    let r = check_episode(&json!([
        eval("2025-03-03"),
        dailies(&DAYS[..5]),
        pr(DAYS[4], renumbered)
    ]));
    assert!(
        !r.has("episode/goal-without-status"),
        "{:?}",
        episode_rules_fired(&r)
    );
    assert!(
        !r.has("episode/goals-changed-without-recertification"),
        "{:?}",
        episode_rules_fired(&r)
    );
    assert_eq!(r.goals[1].statuses[0].status, "partlyMet");
    assert_eq!(r.goals[2].statuses[0].status, "ongoing");
    assert!(r.goals.iter().all(|g| !g.statuses[0].changed));
}

#[test]
fn statuses_by_label_all_goals_met_and_closed_goals() {
    let first = "Progress report.\nSTG 1: met.\nLTG 1: walk 30 minutes in the community with pain < 2/10 – partially met.\nLTG 2: return to gardening on knees with a kneeling pad – not met, now kneels 1 min.";
    let dc = json!({"id": "dc", "noteType": "discharge", "dateOfService": DAYS[10], "text": "Discharge summary.\nAll long-term goals met. LEFS 66/80. TUG 9.8 s."});
    let r = check_episode(&json!([
        eval("2025-03-03"),
        dailies(&DAYS[..5]),
        pr(DAYS[4], first),
        dailies(&DAYS[5..10]),
        dc
    ]));
    assert!(
        !r.has("episode/goal-without-status"),
        "{:?}",
        episode_rules_fired(&r)
    );
    // STG 1 was met at the progress report: the discharge need not mention it.
    assert_eq!(r.goals[0].statuses.len(), 1);
    assert_eq!(r.goals[2].statuses[1].status, "met");
    // Restated without a status: flagged, pointing at the restated goal.
    let restated = "Progress report.\nSTG 1: ascend 12 stairs with 1 rail – met.\nLTG 1: walk 30 minutes in the community with pain < 2/10.\nLTG 2: return to gardening on knees with a kneeling pad – ongoing.";
    let r = check_episode(&json!([
        eval("2025-03-03"),
        dailies(&DAYS[..5]),
        pr(DAYS[4], restated)
    ]));
    let f = r
        .findings
        .iter()
        .find(|f| f.finding.rule == "episode/goal-without-status")
        .unwrap();
    assert!(f.finding.span.is_some());
    assert_eq!(r.goals[1].statuses[0].status, "restated");
}

// ---- episode/goals-changed-without-recertification ----------------------------------------

#[test]
fn long_term_goals_changed_need_a_recertification() {
    let changed = PR_TEXT.replace("walk 30 minutes", "walk 45 minutes");
    let r = check_episode(&json!([
        eval("2025-03-03"),
        dailies(&DAYS[..5]),
        pr(DAYS[4], &changed)
    ]));
    assert_eq!(
        fired(&r, "episode/goals-changed-without-recertification"),
        vec![format!("pr-{}", DAYS[4])]
    );
    assert!(r.goals[1].statuses[0].changed);
    // A new long-term goal.
    let added =
        format!("{PR_TEXT}\nLTG 3: drive to the garden center and carry a 20 lb bag of soil.");
    let r = check_episode(&json!([
        eval("2025-03-03"),
        dailies(&DAYS[..5]),
        pr(DAYS[4], &added)
    ]));
    assert_eq!(r.count("episode/goals-changed-without-recertification"), 1);
    // Followed by a recertification: passes.
    let recert = json!({"id": "recert", "noteType": "recertification", "dateOfService": DAYS[5],
        "text": "Recertification.\nLTG 1: walk 45 minutes in the community with pain < 2/10.\nLTG 2: return to gardening on knees with a kneeling pad.\nPlan: 2x/week for 4 weeks."});
    let r = check_episode(&json!([
        eval("2025-03-03"),
        dailies(&DAYS[..5]),
        pr(DAYS[4], &changed),
        recert
    ]));
    assert!(
        !r.has("episode/goals-changed-without-recertification"),
        "{:?}",
        episode_rules_fired(&r)
    );
    // Or a later note carries the new certification date.
    let r = check_episode(
        &json!([eval("2025-03-03"), dailies(&DAYS[..5]), pr(DAYS[4], &changed),
        {"dateOfService": DAYS[5], "episode": {"certifiedOn": DAYS[5]}}]),
    );
    assert!(!r.has("episode/goals-changed-without-recertification"));
    // Short-term goals change freely.
    let stg = PR_TEXT.replace("STG 1: ascend 12 stairs with 1 rail, modified independent – met.", "STG 1: ascend 12 stairs with 1 rail, modified independent – met.\nSTG 2: kneel on a pad for 5 minutes.");
    let r = check_episode(&json!([
        eval("2025-03-03"),
        dailies(&DAYS[..5]),
        pr(DAYS[4], &stg)
    ]));
    assert!(!r.has("episode/goals-changed-without-recertification"));
    // Payers that do not require it (built-in commercial pack).
    let mut notes = episode_notes(&json!([
        eval("2025-03-03"),
        dailies(&DAYS[..5]),
        pr(DAYS[4], &changed)
    ]));
    for n in notes.as_array_mut().unwrap() {
        n["payer"] = json!({"kind": "commercial"});
    }
    let r = Checker::with_defaults()
        .check_episode_value(&notes)
        .unwrap();
    assert!(!r.has("episode/goals-changed-without-recertification"));
}

// ---- episode/visits-exceed-plan-frequency -------------------------------------------------

#[test]
fn a_week_with_one_visit_too_many() {
    // Plan 2x/week; week of 2025-03-10: Mon, Wed, Fri.
    let r = check_episode(&json!([
        eval("2025-03-03"),
        dailies(&[
            "2025-03-05",
            "2025-03-07",
            "2025-03-10",
            "2025-03-12",
            "2025-03-14"
        ])
    ]));
    assert_eq!(
        fired(&r, "episode/visits-exceed-plan-frequency"),
        vec!["n6".to_string()]
    );
    let f = r
        .findings
        .iter()
        .find(|f| f.finding.rule == "episode/visits-exceed-plan-frequency")
        .unwrap();
    assert!(
        f.finding
            .message
            .contains("visit 3 in the week of 2025-03-10"),
        "{}",
        f.finding.message
    );
    assert!(f.finding.amount_at_risk.is_some());
    // The plan's frequency words are pointed at.
    assert!(f
        .notes
        .iter()
        .any(|n| n.note_id.as_deref() == Some("eval") && n.span.is_some()));
    // Two a week passes; the evaluation's own day does not count.
    let r = check_episode(&json!([
        eval("2025-03-03"),
        dailies(&["2025-03-05", "2025-03-07", "2025-03-10", "2025-03-12"])
    ]));
    assert!(
        !r.has("episode/visits-exceed-plan-frequency"),
        "{:?}",
        episode_rules_fired(&r)
    );
    // "2-3x/week" allows three.
    let text = EVAL_TEXT.replace("2x/week", "2-3x/week");
    let e = json!({"id": "eval", "noteType": "evaluation", "dateOfService": "2025-03-03", "lines": [{"code": "97162", "units": 1, "modifiers": ["GP"]}], "text": text});
    let r = check_episode(&json!([
        e,
        dailies(&["2025-03-10", "2025-03-12", "2025-03-14"])
    ]));
    assert!(!r.has("episode/visits-exceed-plan-frequency"));
    // The EMR's field states the plan.
    let r = check_episode(
        &json!([eval("2025-03-03"), {"dateOfService": ["2025-03-10", "2025-03-12", "2025-03-14"], "episode": {"frequencyPerWeek": 3}}]),
    );
    assert!(!r.has("episode/visits-exceed-plan-frequency"));
}

#[test]
fn more_visits_than_the_plan_calls_for() {
    let text = EVAL_TEXT.replace(
        "Plan: 2x/week for 8 weeks",
        "Plan: 3x/week, 6 visits over 2 weeks",
    );
    let e = json!({"id": "eval", "noteType": "evaluation", "dateOfService": "2025-03-03", "lines": [{"code": "97162", "units": 1, "modifiers": ["GP"]}], "text": text});
    let six = [
        "2025-03-04",
        "2025-03-05",
        "2025-03-07",
        "2025-03-10",
        "2025-03-12",
        "2025-03-14",
    ];
    let r = check_episode(&json!([e.clone(), dailies(&six)]));
    assert!(
        !r.has("episode/visits-exceed-plan-frequency"),
        "{:?}",
        episode_rules_fired(&r)
    );
    let r =
        check_episode(&json!([e, dailies(&six), {"id": "seventh", "dateOfService": "2025-03-17"}]));
    assert_eq!(
        fired(&r, "episode/visits-exceed-plan-frequency"),
        vec!["seventh".to_string()]
    );
}

// ---- episode/visit-outside-plan-of-care ---------------------------------------------------

#[test]
fn visits_before_the_evaluation_after_the_plan_or_after_discharge() {
    // Plan 2x/week for 8 weeks from 2025-03-03: ends 2025-04-28 (still in the plan).
    let r = check_episode(&json!([eval("2025-03-03"), dailies(&["2025-04-28"])]));
    assert!(
        !r.has("episode/visit-outside-plan-of-care"),
        "{:?}",
        episode_rules_fired(&r)
    );
    let r = check_episode(&json!([eval("2025-03-03"), dailies(&["2025-04-29"])]));
    assert_eq!(
        fired(&r, "episode/visit-outside-plan-of-care"),
        vec!["n2".to_string()]
    );
    assert!(r.notes.iter().any(|n| !n.ready_to_sign));
    // Before the evaluation.
    let r =
        check_episode(&json!([{"id": "early", "dateOfService": "2025-02-28"}, eval("2025-03-03")]));
    assert_eq!(
        fired(&r, "episode/visit-outside-plan-of-care"),
        vec!["early".to_string()]
    );
    // After the discharge.
    let dc = json!({"id": "dc", "noteType": "discharge", "dateOfService": "2025-03-14", "lines": [], "text": "Discharge summary. All goals met."});
    let r = check_episode(
        &json!([eval("2025-03-03"), dailies(&["2025-03-05", "2025-03-14"]), dc, {"id": "after", "dateOfService": "2025-03-17"}]),
    );
    assert_eq!(
        fired(&r, "episode/visit-outside-plan-of-care"),
        vec!["after".to_string()]
    );
    // The plan's own end date (field on the evaluation).
    let mut e = eval("2025-03-03");
    e["episode"] = json!({"planOfCareEnd": "2025-03-31"});
    let r = check_episode(&json!([e, dailies(&["2025-04-01"])]));
    assert_eq!(r.count("episode/visit-outside-plan-of-care"), 1);
    // When the visit's own planOfCareEnd shows it, plan-of-care-expired reports it alone.
    let r = check_episode(
        &json!([eval("2025-03-03"), {"dateOfService": "2025-04-29", "episode": {"planOfCareStart": "2025-03-03", "planOfCareEnd": "2025-04-28", "certifiedOn": "2025-03-05"}}]),
    );
    assert!(!r.has("episode/visit-outside-plan-of-care"));
    assert!(r.notes[1]
        .report
        .as_ref()
        .unwrap()
        .has("episode/plan-of-care-expired"));
}

// ---- episode/cloned-documentation ---------------------------------------------------------

const DAILY_A: &str = "S: Pt reports knee pain 3/10 after climbing the stairs at church; slept through the night.\nO: Flexion 104 deg, extension -3 deg. Mild effusion, less than last week.\nTherapeutic exercise 25 min: step-ups 4 in box 3x10 with cues to keep the knee over the second toe; progressed from 2 in after correct form.\nManual therapy 15 min: grade III tibiofemoral glides for flexion, remeasured 107 deg after.\nA: Quad control improving; eccentric control on the step-down still needs tactile cueing to avoid valgus.\nP: Add lateral step-downs and update the home program.";

fn with_numbers_changed(s: &str) -> String {
    s.replace("3/10", "2/10")
        .replace("104", "109")
        .replace("-3", "-2")
        .replace("25 min", "30 min")
        .replace("3x10", "3x12")
        .replace("15 min", "10 min")
        .replace("107", "111")
}

const DAILY_B: &str = "S: Knee stiff in the morning, loosened after ten minutes of walking; went grocery shopping with her daughter.\nO: Gait with the cane indoors, step-through pattern, shortened stance on the right at speed.\nGait training 20 min: curb and ramp practice outdoors with the cane; cues to load the right leg fully, then faded to none over the last laps.\nTherapeutic activities 15 min: car transfer practice with the seat reclined; rehearsed the sequence until done without cues.\nA: Community walking limited more by endurance than pain now; needs a graded walking program.\nP: Start a timed walk next visit and set a weekly walking target.";

#[test]
fn a_note_copied_forward_with_only_numbers_changed_is_flagged() {
    let copy = with_numbers_changed(DAILY_A);
    let r = check_episode(&json!([
        eval("2025-03-03"),
        {"id": "a", "dateOfService": "2025-03-05", "text": DAILY_A},
        {"id": "b", "dateOfService": "2025-03-07", "text": DAILY_B},
        {"id": "copy", "dateOfService": "2025-03-10", "text": copy}
    ]));
    assert_eq!(
        fired(&r, "episode/cloned-documentation"),
        vec!["copy".to_string()]
    );
    let f = r
        .findings
        .iter()
        .find(|f| f.finding.rule == "episode/cloned-documentation")
        .unwrap();
    // The span is the repeated text in the copy; the earlier note is named with its stretch.
    let span = f.finding.span.unwrap();
    assert!(span.end - span.start > 60, "{span:?}");
    let earlier = f
        .notes
        .iter()
        .find(|n| n.note_id.as_deref() == Some("a"))
        .unwrap();
    assert!(earlier.span.is_some());
    assert!(
        f.finding.message.contains("daily note of 2025-03-05"),
        "{}",
        f.finding.message
    );
    let sim = r
        .timeline
        .entries
        .iter()
        .find(|e| e.note_id.as_deref() == Some("copy"))
        .unwrap()
        .similarity
        .clone()
        .unwrap();
    assert!(sim.score > 0.9, "{sim:?}");
    assert_eq!(sim.note_id.as_deref(), Some("a"));
}

#[test]
fn a_template_shared_by_every_note_with_different_content_is_not_cloning() {
    let header = "Patient seen for a skilled physical therapy visit under the current plan of care. Identity confirmed with name and date of birth; consent to treat obtained.\nPrecautions reviewed: fall risk, no changes since the last visit.\n";
    let footer = "\nHome exercise program reviewed with the patient and updated as indicated. Patient agrees with the plan.";
    let e = json!({"id": "eval", "noteType": "evaluation", "dateOfService": "2025-03-03", "lines": [{"code": "97162", "units": 1, "modifiers": ["GP"]}], "text": format!("{header}{EVAL_TEXT}{footer}")});
    let r = check_episode(&json!([
        e,
        {"id": "a", "dateOfService": "2025-03-05", "text": format!("{header}{DAILY_A}{footer}")},
        {"id": "b", "dateOfService": "2025-03-07", "text": format!("{header}{DAILY_B}{footer}")},
        {"id": "pr", "noteType": "progress", "dateOfService": "2025-03-10", "text": format!("{header}{PR_TEXT}{footer}")}
    ]));
    assert!(
        !r.has("episode/cloned-documentation"),
        "{:?}",
        episode_rules_fired(&r)
    );
    let b = r
        .timeline
        .entries
        .iter()
        .find(|e| e.note_id.as_deref() == Some("b"))
        .unwrap();
    assert!(
        b.similarity.as_ref().unwrap().score < 0.3,
        "{:?}",
        b.similarity
    );
}

#[test]
fn the_clinic_tunes_or_disables_the_cloning_rule() {
    let notes = episode_notes(&json!([
        {"id": "a", "dateOfService": "2025-03-05", "text": DAILY_A},
        {"id": "copy", "dateOfService": "2025-03-07", "text": with_numbers_changed(DAILY_A)}
    ]));
    let off = Checker::new(&json!({"disabledRules": ["episode/cloned-documentation"]})).unwrap();
    assert!(!off
        .check_episode_value(&notes)
        .unwrap()
        .has("episode/cloned-documentation"));
    // The clinic's template lines are set aside.
    let tpl = Checker::new(&json!({"cloning": {"template": [DAILY_A]}})).unwrap();
    assert!(!tpl
        .check_episode_value(&notes)
        .unwrap()
        .has("episode/cloned-documentation"));
    let info =
        Checker::new(&json!({"severity": {"episode/cloned-documentation": "info"}})).unwrap();
    let r = info.check_episode_value(&notes).unwrap();
    assert_eq!(r.findings[0].finding.severity, chartlint::Severity::Info);
    for bad in [
        json!({"cloning": {"threshold": 0}}),
        json!({"cloning": {"threshold": 1.5}}),
        json!({"cloning": {"threshold": "high"}}),
    ] {
        let e = Checker::new(&bad).err().unwrap();
        assert_eq!(e.path, "config.cloning.threshold");
    }
    // A partial copy (about half the narrative) stays under the default threshold but not
    // under a stricter one.
    let half: String = DAILY_A
        .lines()
        .take(3)
        .chain(DAILY_B.lines().skip(3))
        .collect::<Vec<_>>()
        .join("\n");
    let notes = episode_notes(&json!([
        {"id": "a", "dateOfService": "2025-03-05", "text": DAILY_A},
        {"id": "half", "dateOfService": "2025-03-07", "text": half}
    ]));
    assert!(!Checker::with_defaults()
        .check_episode_value(&notes)
        .unwrap()
        .has("episode/cloned-documentation"));
    let strict = Checker::new(&json!({"cloning": {"threshold": 0.3}})).unwrap();
    assert!(strict
        .check_episode_value(&notes)
        .unwrap()
        .has("episode/cloned-documentation"));
}

// ---- episode/outcome-measure-not-repeated -------------------------------------------------

#[test]
fn a_measure_from_the_evaluation_must_be_scored_again() {
    let no_measures = "Progress report.\nGoal status:\nSTG 1: ascend 12 stairs with 1 rail, modified independent – met.\nLTG 1: walk 30 minutes in the community with pain < 2/10 – partially met, now 20 min.\nLTG 2: return to gardening on knees with a kneeling pad – ongoing.";
    let r = check_episode(&json!([
        eval("2025-03-03"),
        dailies(&DAYS[..5]),
        pr(DAYS[4], no_measures)
    ]));
    let names: Vec<String> = r
        .findings
        .iter()
        .filter(|f| f.finding.rule == "episode/outcome-measure-not-repeated")
        .map(|f| f.finding.message.clone())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(names
        .iter()
        .any(|m| m.contains("Lower Extremity Functional Scale")));
    assert!(names.iter().any(|m| m.contains("Timed Up and Go")));
    // Scored again (in any later note, under another spelling): passes.
    let r = check_episode(&json!([
        eval("2025-03-03"),
        dailies(&DAYS[..5]),
        pr(DAYS[4], PR_TEXT)
    ]));
    assert!(
        !r.has("episode/outcome-measure-not-repeated"),
        "{:?}",
        episode_rules_fired(&r)
    );
    let daily_tug = json!({"dateOfService": DAYS[5], "text": format!("{}\nTimed up and go 12.8 s. LEFS 40/80.", DAILY_B)});
    let r = check_episode(&json!([
        eval("2025-03-03"),
        dailies(&DAYS[..5]),
        daily_tug,
        pr(DAYS[6], no_measures)
    ]));
    assert!(
        !r.has("episode/outcome-measure-not-repeated"),
        "{:?}",
        episode_rules_fired(&r)
    );
    // No report yet: nothing to say.
    let r = check_episode(&json!([eval("2025-03-03"), dailies(&DAYS[..5])]));
    assert!(!r.has("episode/outcome-measure-not-repeated"));
}

// ---- episode/discharge-missing ------------------------------------------------------------

#[test]
fn a_closed_episode_needs_a_discharge_note() {
    let r = check_episode(
        &json!([eval("2025-03-03"), {"id": "last", "dateOfService": "2025-03-05", "episode": {"closed": true}}]),
    );
    assert_eq!(
        fired(&r, "episode/discharge-missing"),
        vec!["last".to_string()]
    );
    assert_eq!(
        r.findings
            .iter()
            .find(|f| f.finding.rule == "episode/discharge-missing")
            .unwrap()
            .finding
            .field
            .as_deref(),
        Some("episode.closed")
    );
    assert!(r.timeline.closed);
    let r = check_episode(&json!([eval("2025-03-03"), {"dateOfService": "2025-03-05"},
        {"noteType": "discharge", "dateOfService": "2025-03-07", "lines": [], "text": "Discharge summary. All goals met. LEFS 60/80. TUG 10.2 s.", "episode": {"closed": true}}]));
    assert!(!r.has("episode/discharge-missing"));
    // Open episodes need none yet.
    let r = check_episode(&json!([eval("2025-03-03"), {"dateOfService": "2025-03-05"}]));
    assert!(!r.has("episode/discharge-missing"));
}

// ---- bad input ---------------------------------------------------------------------------

#[test]
fn bad_episodes_are_refused_with_the_field_path() {
    let c = Checker::with_defaults();
    let mut mixed = episode_notes(&json!([eval("2025-03-03"), {"dateOfService": "2025-03-05"}]));
    mixed[1]["discipline"] = json!("OT");
    let e = c.check_episode_value(&mixed).unwrap_err();
    assert_eq!(e.path, "notes[1].discipline");
    let mut patients = episode_notes(&json!([eval("2025-03-03"), {"dateOfService": "2025-03-05"}]));
    patients[0]["patientId"] = json!("MRN-0001");
    patients[1]["patientId"] = json!("MRN-0002");
    let e = c.check_episode_value(&patients).unwrap_err();
    assert_eq!(e.path, "notes[1].patientId");
    assert!(!e.to_string().contains("MRN"), "{e}");
    let mut dup = episode_notes(&json!([eval("2025-03-03"), {"dateOfService": "2025-03-05"}]));
    dup[1]["id"] = json!("eval");
    assert_eq!(c.check_episode_value(&dup).unwrap_err().path, "notes[1].id");
    let too_many = Value::Array(vec![common::base(); chartlint::MAX_EPISODE_NOTES + 1]);
    let e = c.check_episode_value(&too_many).unwrap_err();
    assert_eq!(e.path, "notes");
    assert!(e.message.contains("500"), "{e}");
    assert_eq!(
        c.check_episode_json("{\"notes\": []}").unwrap_err().path,
        "notes"
    );
    assert!(c.check_episode_json("[").is_err());
    // An empty episode is a report with nothing in it.
    let r = c.check_episode_json("[]").unwrap();
    assert!(r.notes.is_empty() && r.findings.is_empty());
}

#[test]
fn a_note_that_fails_validation_is_reported_in_its_place_and_the_rest_is_checked() {
    let mut notes = episode_notes(&json!([eval("2025-03-03"), dailies(&DAYS[..3])]));
    notes[3]["lines"][0]["units"] = json!(-1);
    let r = Checker::with_defaults()
        .check_episode_value(&notes)
        .unwrap();
    assert_eq!(
        r.notes[3]
            .error
            .as_deref()
            .map(|e| e.split(':').next().unwrap()),
        Some("notes[3].lines[0].units")
    );
    assert!(r.notes[3].report.is_none() && !r.notes[3].ready_to_sign);
    // Its id is echoed, so the EMR can find the note the error is about.
    assert_eq!(
        r.notes[3].note_id,
        notes[3]["id"].as_str().map(String::from)
    );
    assert!(r.notes[3].note_id.is_some());
    assert!(r.notes[..3].iter().all(|n| n.report.is_some()));
    assert_eq!(r.timeline.entries.len(), 3);
    // A note whose id itself is wrong has none to echo.
    notes[3]["id"] = json!(42);
    let r = Checker::with_defaults()
        .check_episode_value(&notes)
        .unwrap();
    assert_eq!(r.notes[3].note_id, None);
    assert!(r.notes[3]
        .error
        .as_deref()
        .unwrap()
        .starts_with("notes[3].id: "));
    // The same checker keeps working.
    let ok = Checker::with_defaults()
        .check_episode_value(&episode_notes(&json!([eval("2025-03-03")])))
        .unwrap();
    assert!(ok.notes[0].report.is_some());
}

#[test]
fn ids_are_echoed_and_never_in_messages() {
    let mut notes = episode_notes(
        &json!([eval("2025-03-03"), {"id": "last", "dateOfService": "2025-03-05", "episode": {"closed": true}}]),
    );
    for n in notes.as_array_mut().unwrap() {
        n["patientId"] = json!("PATIENT-7731");
        n["episodeId"] = json!("EPISODE-0042");
    }
    let r = Checker::with_defaults()
        .check_episode_value(&notes)
        .unwrap();
    assert_eq!(r.patient_id.as_deref(), Some("PATIENT-7731"));
    assert_eq!(r.episode_id.as_deref(), Some("EPISODE-0042"));
    let rep = r.notes[0].report.as_ref().unwrap();
    assert_eq!(rep.patient_id.as_deref(), Some("PATIENT-7731"));
    let json = serde_json::to_string(&r).unwrap();
    for f in &r.findings {
        assert!(!f.finding.message.contains("PATIENT") && !f.finding.message.contains("EPISODE"));
    }
    for n in &r.notes {
        for f in &n.report.as_ref().unwrap().findings {
            assert!(!f.message.contains("PATIENT") && !f.message.contains("EPISODE"));
        }
    }
    assert!(json.contains("\"patientId\":\"PATIENT-7731\""));
}

// ---- derived fields ----------------------------------------------------------------------

#[test]
fn visits_are_counted_against_the_authorization() {
    let mut notes = episode_notes(&json!([eval("2025-03-03"), dailies(&DAYS[..4])]));
    for n in notes.as_array_mut().unwrap() {
        n["payer"] = json!({"kind": "commercial"});
    }
    notes[0]["episode"] = json!({"authorizedVisits": 4});
    let r = Checker::with_defaults()
        .check_episode_value(&notes)
        .unwrap();
    let exceeded: Vec<bool> = r
        .notes
        .iter()
        .map(|n| {
            n.report
                .as_ref()
                .unwrap()
                .has("episode/authorization-exceeded")
        })
        .collect();
    assert_eq!(exceeded, vec![false, false, false, false, true]);
    assert_eq!(
        r.notes[4].derived.clone().unwrap_or_default().visit_number,
        Some(5)
    );
    assert_eq!(
        r.notes[4]
            .derived
            .clone()
            .unwrap_or_default()
            .authorized_visits,
        Some(4)
    );
    assert_eq!(r.timeline.authorization.as_ref().unwrap().visits_used, 5);
}

#[test]
fn the_years_spending_before_each_visit_comes_from_the_earlier_visits() {
    let mut notes =
        episode_notes(&json!([{"dateOfService": ["2025-03-05", "2025-03-07", "2025-03-10"]}]));
    notes[0]["episode"] = json!({"thresholdSpentBefore": "2300.00"});
    let r = Checker::with_defaults()
        .check_episode_value(&notes)
        .unwrap();
    let t0 = r.notes[0]
        .report
        .as_ref()
        .unwrap()
        .billing
        .threshold
        .clone()
        .unwrap();
    assert_eq!(
        r.notes[0]
            .derived
            .clone()
            .unwrap_or_default()
            .threshold_spent_before,
        None
    );
    assert_eq!(
        r.notes[1]
            .derived
            .clone()
            .unwrap_or_default()
            .threshold_spent_before,
        Some(t0.spent_after)
    );
    let t1 = r.notes[1]
        .report
        .as_ref()
        .unwrap()
        .billing
        .threshold
        .clone()
        .unwrap();
    assert_eq!(t1.spent_before, t0.spent_after);
    assert!(
        t1.spent_after > t1.kx_threshold && t0.spent_after <= t0.kx_threshold,
        "{t0:?} {t1:?}"
    );
    // The visit that crosses the threshold without KX is the one flagged.
    let kx: Vec<bool> = r
        .notes
        .iter()
        .map(|n| n.report.as_ref().unwrap().has("modifiers/kx-required"))
        .collect();
    assert_eq!(kx, vec![false, true, true]);
    // A new calendar year starts from nothing.
    let mut notes = episode_notes(&json!([{"dateOfService": ["2025-12-29", "2026-01-05"]}]));
    notes[0]["episode"] = json!({"thresholdSpentBefore": "2000.00"});
    let r = Checker::with_defaults()
        .check_episode_value(&notes)
        .unwrap();
    assert_eq!(
        r.notes[1]
            .derived
            .clone()
            .unwrap_or_default()
            .threshold_spent_before,
        Some(chartlint::Money(rust_decimal::Decimal::ZERO))
    );
}

#[test]
fn notes_in_any_order_give_the_same_report() {
    let notes = episode_notes(&json!([
        eval("2025-03-03"),
        dailies(&DAYS[..10]),
        pr(DAYS[9], PR_TEXT)
    ]));
    let mut reversed = notes.as_array().unwrap().clone();
    reversed.reverse();
    let a = Checker::with_defaults()
        .check_episode_value(&notes)
        .unwrap();
    let b = Checker::with_defaults()
        .check_episode_value(&Value::Array(reversed))
        .unwrap();
    let ids = |r: &EpisodeReport| {
        r.findings
            .iter()
            .map(|f| (f.finding.rule, f.note_id.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&a), ids(&b));
    let tl = |r: &EpisodeReport| {
        r.timeline
            .entries
            .iter()
            .map(|e| (e.note_id.clone(), e.treatment_day))
            .collect::<Vec<_>>()
    };
    assert_eq!(tl(&a), tl(&b));
    // The notes come back in the order given.
    assert_eq!(
        b.notes[0].note_id.as_deref(),
        Some(format!("pr-{}", DAYS[9]).as_str())
    );
}

#[test]
fn spans_are_utf16_in_the_note_they_name() {
    let text = format!("😀 Pt reports café visit.\n{EVAL_TEXT}");
    let e = json!({"id": "eval", "noteType": "evaluation", "dateOfService": "2025-03-03", "lines": [{"code": "97162", "units": 1, "modifiers": ["GP"]}], "text": text});
    let lost = PR_TEXT.replace(
        "LTG 2: return to gardening on knees with a kneeling pad – ongoing.",
        "",
    );
    let r = check_episode(&json!([e, dailies(&DAYS[..5]), pr(DAYS[4], &lost)]));
    let row = &r.goals[2];
    let span = row.set_in.span.unwrap();
    let units: Vec<u16> = text.encode_utf16().collect();
    let words = String::from_utf16(&units[span.start..span.end]).unwrap();
    assert!(
        words.starts_with("LTG 2") && words.contains("gardening"),
        "{words}"
    );
}
