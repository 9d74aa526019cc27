//! The `elements` rules and `units/text-mismatch` on realistic notes, both ways; negation
//! and context; red flags with and without specifics; spans in UTF-16 with accents, CJK and
//! emoji before the flagged words; the requirements table and its config override; the
//! Report's `elements` section.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice,
    clippy::type_complexity
)]

mod common;

use chartlint::{Checker, Report};
use common::with;
use serde_json::{json, Value};
use std::sync::OnceLock;

/// One checker for the whole file (its patterns are compiled once, as in the editor).
fn check(note: &Value) -> Report {
    static CHECKER: OnceLock<Checker> = OnceLock::new();
    CHECKER
        .get_or_init(Checker::with_defaults)
        .check_value(note)
        .unwrap_or_else(|e| panic!("note rejected: {e}"))
}

/// A clean PT daily text (matches the base note's lines: 97110 25 min, 97140 15 min).
const CLEAN: &str = "S: Knee pain 3/10 after stairs, down from 5/10 last week.\nO: Ther ex 25 min: step-ups 3x10 with verbal cues for knee alignment; progressed to 4 in step. Manual therapy 15 min: grade III mobilization.\nA: Quad weakness limits stair climbing; fall risk.\nResponse: pain 2/10 after session, no adverse reaction.\nP: Next visit begin reciprocal stairs.\nTotal timed minutes: 40. Total treatment time: 40 min.\nDana Lee, PT, DPT";

fn text(t: &str) -> Value {
    with(json!({ "text": t }))
}

fn typed(note_type: &str, t: &str) -> Value {
    with(json!({ "noteType": note_type, "text": t }))
}

/// The UTF-16 slice of `t` at a report span, as JavaScript's `slice` would give it.
fn js_slice(t: &str, s: chartlint::Utf16Span) -> String {
    let units: Vec<u16> = t.encode_utf16().collect();
    String::from_utf16_lossy(units.get(s.start..s.end).unwrap_or(&[]))
}

fn flagged(r: &Report, t: &str, rule: &str) -> Vec<String> {
    r.findings
        .iter()
        .filter(|f| f.rule == rule)
        .filter_map(|f| f.span)
        .map(|s| js_slice(t, s))
        .collect()
}

fn elements_rules(r: &Report) -> Vec<&'static str> {
    r.findings
        .iter()
        .map(|f| f.rule)
        .filter(|id| id.starts_with("elements/") || *id == "units/text-mismatch")
        .collect()
}

// ---------------------------------------------------------------------------------------
// elements/missing-goals

// ---- missing-goals ----

#[test]
fn missing_goals_on_plan_of_care_notes_only() {
    let t = "S: LBP x 6 wks. Unable to sit > 20 min.\nO: ODI 42%. Ther ex 25 min with verbal cues. Manual therapy 15 min.\nResponse: pain 2/10 after.\nP: PT 2x/wk for 6 weeks.\nKaren Obi, PT";
    assert!(check(&typed("evaluation", t)).has("elements/missing-goals"));
    assert!(check(&typed("progress", t)).has("elements/missing-goals"));
    assert!(check(&typed("recertification", t)).has("elements/missing-goals"));
    assert!(!check(&typed("daily", t)).has("elements/missing-goals"));
    assert!(!check(&typed("discharge", t)).has("elements/missing-goals"));
    // A goal sentence without a goals heading counts.
    let with_goal = format!("{t}\nPt will sit 60 min at work with pain < 3/10 in 6 weeks.");
    assert!(!check(&typed("evaluation", &with_goal)).has("elements/missing-goals"));
    // "Pt will be seen 2x/wk for 6 weeks" is a plan, not a goal.
    let plan_only = format!("{t}\nPt will be seen 2x/wk for 6 weeks.");
    assert!(check(&typed("evaluation", &plan_only)).has("elements/missing-goals"));
    // An evaluation that concludes no therapy is needed sets no goals; one that only says
    // when therapy would not be indicated still needs them.
    let eval = "S: Globus sensation x 4 months.\nO: FEES: PAS 1 on all boluses.\nA: Swallow within normal limits; swallowing therapy is not indicated.\nP: Follow up with ENT.\nAnne Kim, MS, CCC-SLP";
    assert!(!check(&typed("evaluation", eval)).has("elements/missing-goals"));
    let cond = eval.replace(
        "; swallowing therapy is not indicated",
        ". If the repeat study is normal, therapy is not indicated",
    );
    assert!(check(&typed("evaluation", &cond)).has("elements/missing-goals"));
}

// ---------------------------------------------------------------------------------------
// elements/goals-not-measurable

// ---- goals-not-measurable ----

#[test]
fn one_finding_per_unmeasurable_goal_on_the_goal() {
    let t = "A: Weakness limits stairs. ODI 42%.\nGoals:\n1. Improve strength.\n2. Pt will ambulate 300 ft with SPC, modified independent, in 4 weeks.\n3. Decrease pain in 2 weeks.\n4. Pt will ascend 12 stairs with 1 rail.\nP: PT 2x/wk for 6 weeks.\nKaren Obi, PT";
    let r = check(&typed("evaluation", t));
    let goals = flagged(&r, t, "elements/goals-not-measurable");
    assert_eq!(
        goals,
        vec![
            "Improve strength.",
            "Decrease pain in 2 weeks.",
            "Pt will ascend 12 stairs with 1 rail."
        ]
    );
    let msgs: Vec<&str> = r
        .findings
        .iter()
        .filter(|f| f.rule == "elements/goals-not-measurable")
        .map(|f| f.message.as_str())
        .collect();
    assert!(msgs[0].contains("no measurable target and no timeframe"));
    assert!(msgs[1].contains("no measurable target"));
    assert!(msgs[2].contains("no timeframe"));
}

#[test]
fn a_she_will_right_after_a_goal_in_prose_is_a_goal_too() {
    // Goals written in a recommendations paragraph: the first has its timeframe, the next
    // "she will …" is one more goal, judged as written.
    let t = "A: Word-finding deficits keep her from using the phone.\nRecommendations: therapy 2x/week for 12 weeks. Within 12 weeks she will name 15 of 20 objects without cues. She will also improve word finding.\nAnna Grant, CCC-SLP";
    let r = check(&typed("evaluation", t));
    assert_eq!(
        flagged(&r, t, "elements/goals-not-measurable"),
        vec!["She will also improve word finding."]
    );
    // Not a "she will …" that asks her to contact the clinic, nor one with no goal before it.
    for t in [
        "A: Word-finding deficits keep her from using the phone.\nRecommendations: therapy 2x/week for 12 weeks. Within 12 weeks she will name 15 of 20 objects without cues. She will contact us if she cannot manage calls by June.\nAnna Grant, CCC-SLP",
        "A: Word-finding deficits keep her from using the phone.\nRecommendations: therapy 2x/week for 12 weeks. She will practice with her husband.\nAnna Grant, CCC-SLP",
    ] {
        let r = check(&typed("discharge", t));
        assert!(!r.has("elements/goals-not-measurable"), "{t}");
    }
}

#[test]
fn goals_recounted_in_prose_are_goals_not_judged_again() {
    let tail = "\nHis Berg rose from 38/56 to 49/56. He met the first two.\nHe continues his home program daily.\nNaledi Fair, OTR/L";
    for said in [
        "When we started, his goals were to dress his upper body with setup, to shower on a tub bench with supervision, and to make lunch standing.",
        "The goals set on 1/13 for 12 weeks were for him to open jars, count a cash drawer for a full shift and lift his grandson.",
        "He met all three goals set at the evaluation for 8 weeks: walking his route, kneeling for 2 minutes and a LEFS of 60/80.",
    ] {
        let t = format!("{said}{tail}");
        let r = check(&typed("progress", &t));
        assert!(!r.has("elements/missing-goals"), "{said}");
        assert!(!r.has("elements/goals-not-measurable"), "{said}");
        assert!(check(&typed("discharge", &t)).elements.goals.found, "{said}");
    }
    // The patient's own goals, and goals still to be set, are not the therapy's goals.
    for said in [
        "The patient's goals were to return to golf and to garden.",
        "His goals are to be discussed with his family next week.",
    ] {
        let t = format!("{said}{tail}");
        assert!(
            check(&typed("progress", &t)).has("elements/missing-goals"),
            "{said}"
        );
    }
}

#[test]
fn goal_timeframes_in_headings_and_forms() {
    for t in [
        "Short-term goals (2 wks):\nSTG 1: Amb 150 ft with RW, SBA.\nSTG 2: Independent with HEP.\nKaren Obi, PT",
        "LTG 1 (8 wks): ascend 12 stairs reciprocally with 1 rail.\nKaren Obi, PT",
        "STGs to be met in 3 weeks:\n- sit to stand x5 without UE support\n- TUG < 14 sec\nKaren Obi, PT",
        "Goals:\n1. Amb 500 ft mod I by discharge.\n2. Knee flexion 120 deg by 3/15.\n3. Berg 50/56 within 8 visits.\nKaren Obi, PT",
        // Independence is an assist level, written "with" or "w/".
        "Goals (4 weeks):\n1. Pt will demonstrate independence w/ the home exercise program.\nKaren Obi, PT",
    ] {
        let r = check(&typed("evaluation", t));
        assert!(!r.has("elements/goals-not-measurable"), "{t}: {:?}", flagged(&r, t, "elements/goals-not-measurable"));
        assert!(!r.has("elements/missing-goals"), "{t}");
    }
}

#[test]
fn goals_due_at_a_point_in_care_and_targets_without_numbers() {
    // A timeframe tied to a point in care ("by the end of the cert period", "before going
    // home") and a target stated as a symptom-free task or a test result are measurable.
    for goal in [
        "Amb 150 ft with SPC and SBA by the end of the cert period.",
        "Return to work full duty by end of month.",
        "Reach the overhead cabinet without pain by visit 12.",
        "Climb 12 stairs with one rail by the next recertification.",
        "Negative Dix-Hallpike on the right in 2 weeks.",
        "Walk to the mailbox and back without dizziness in 4 weeks.",
        "Return to tennis without knee pain by the end of treatment.",
        "Kneel to garden for 20 min by the time she returns to work.",
        "Don and doff her AFO independently before going home.",
    ] {
        let t = format!("Goals:\n1. {goal}\nKaren Obi, PT");
        let r = check(&typed("evaluation", &t));
        assert!(!r.has("elements/goals-not-measurable"), "{goal}");
        assert!(!r.has("elements/missing-goals"), "{goal}");
    }
    // Vague targets stay flagged whatever the timeframe; a point in care is not a timeframe
    // when nothing ties the goal to it.
    for goal in [
        "Pt will improve balance by the end of the cert period.",
        "Increase strength to improve function before going home.",
        "Walk to the mailbox and back without dizziness.",
        "Negative Dix-Hallpike at home.",
    ] {
        let t = format!("Goals:\n1. {goal}\nKaren Obi, PT");
        let r = check(&typed("evaluation", &t));
        assert!(r.has("elements/goals-not-measurable"), "{goal}");
    }
    // Pointers to goals kept elsewhere, and sentences about setting goals, are not goals.
    for t in [
        "Goals: see flowsheet.\nKaren Obi, PT",
        "Goals will be set at the next visit once we see how she responds.\nKaren Obi, PT",
    ] {
        let r = check(&typed("evaluation", t));
        assert!(!r.has("elements/goals-not-measurable"), "{t}");
        assert!(r.has("elements/missing-goals"), "{t}");
    }
}

#[test]
fn goal_dates_in_the_forms_clinics_write_them() {
    // A date is a timeframe whichever way the EMR or the therapist writes it.
    let goal = |date: &str| {
        format!("Goals:\n1. By {date}, amb 300 ft with SPC, mod I.\n2. By {date}, Berg 50/56.\nKaren Obi, PT")
    };
    for date in [
        "7/12/26",
        "07/12/2026",
        "7-12-26",
        "07-12-2026",
        "2026-07-12",
        "7.12.26",
        "July 12",
        "Jul. 12th",
        "July 12, 2026",
        "12 July 2026",
        "the 12th of July",
    ] {
        let t = goal(date);
        let r = check(&typed("evaluation", &t));
        assert!(
            !r.has("elements/goals-not-measurable"),
            "{date}: {:?}",
            flagged(&r, &t, "elements/goals-not-measurable")
        );
    }
    // Without the date, both goals lack a timeframe; numbers that only look like dates are
    // not one ("3-10-15 reps", a score "4.5.2026" is not written, "dec 20" is decreased).
    for no_date in ["3-10-15 reps of", "Dec 20", "2-3 times a week"] {
        let t = format!("Goals:\n1. Amb 300 ft with SPC {no_date}, mod I.\nKaren Obi, PT");
        let r = check(&typed("evaluation", &t));
        assert!(r.has("elements/goals-not-measurable"), "{no_date}");
    }
}

#[test]
fn a_report_about_the_pt_is_not_a_goal() {
    // "The pt is discharged …" reports, as "The patient is discharged …" does: under a goals
    // list it is neither a goal nor a goal without a timeframe, and its home program is the
    // plan.
    for subject in ["The patient", "The pt", "Pt"] {
        let t = format!("Goals:\n1. Independent with the home voice program in 4 weeks - met.\n{subject} is discharged from my services today with a home program to continue.\nAnn Roe, MS, CCC-SLP");
        let r = check(&typed("discharge", &t));
        assert!(
            !r.has("elements/goals-not-measurable"),
            "{subject}: {:?}",
            flagged(&r, &t, "elements/goals-not-measurable")
        );
        assert!(!r.has("elements/missing-plan"), "{subject}");
    }
}

#[test]
fn goal_status_lines_and_agreement_are_not_goals() {
    let t = "Goals:\nLTG 1: Amb 500 ft with SPC mod I in 6 weeks.\nStatus: partially met (300 ft, SBA).\nPt and family agree with goals.\nLuis Park, PT";
    let r = check(&typed("progress", t));
    assert!(
        !r.has("elements/goals-not-measurable"),
        "{:?}",
        flagged(&r, t, "elements/goals-not-measurable")
    );
}

#[test]
fn goals_shared_with_a_caregiver_are_goals() {
    // Caregiver training: the goal's subject is the patient and a family member.
    let t = "Goals:\n1. Pt and his daughter will demonstrate 3 of 3 safe transfer steps.\n2. Pt and wife will state 4 of 4 fall-prevention strategies by 4/30.\nP: PT 2x/wk x 4 wks.\nKaren Obi, PT";
    let r = check(&typed("evaluation", t));
    assert_eq!(
        flagged(&r, t, "elements/goals-not-measurable"),
        vec!["Pt and his daughter will demonstrate 3 of 3 safe transfer steps."]
    );
    assert!(!r.has("elements/missing-goals"));
    // The caregiver is whoever the context modifiers name as someone else.
    let t = "Goals:\n1. Pt and his partner will demonstrate 3 of 3 safe transfer steps.\n2. Pt and family will state 4 of 4 fall-prevention strategies.\nP: PT 2x/wk x 4 wks.\nKaren Obi, PT";
    let r = check(&typed("evaluation", t));
    assert_eq!(
        flagged(&r, t, "elements/goals-not-measurable"),
        vec![
            "Pt and his partner will demonstrate 3 of 3 safe transfer steps.",
            "Pt and family will state 4 of 4 fall-prevention strategies."
        ]
    );
}

#[test]
fn goals_under_a_capitalized_heading_with_a_page_note() {
    // "PLAN OF CARE - GOALS (page 2 of 3)": the capitals end in goals; the bracket is a note.
    let t = "PLAN OF CARE - GOALS (page 2 of 3)\n\n1.  Pt will walk 150 ft with a quad cane by discharge.\n2.  Improve walking endurance.";
    let r = check(&typed("progress", t));
    assert_eq!(
        flagged(&r, t, "elements/goals-not-measurable"),
        vec!["Improve walking endurance."]
    );
    // Capitals that do not end in goals open no goals section.
    let t = "PLAN OF CARE (page 2 of 3)\n\n1.  Improve walking endurance.";
    assert!(!check(&typed("progress", t)).has("elements/goals-not-measurable"));
}

#[test]
fn goals_in_a_table_with_a_target_date_column() {
    // The header row names the goals; each row's first column is a goal, a column holding
    // only a date is its target date, the status column is its status.
    let t = "O: TUG 10.6 s (17.9 s at eval).\nGoal | Target date | Status\nWalk 500 ft with a cane, mod I | 3/30/26 | Met 3/12\nClimb 14 stairs with one rail reciprocally | 4/2/26 | Partially met: step-to down\nIncrease independence. | 4/2/26 | Ongoing\nA: Cannot go down stairs reciprocally.\nP: 2x/week through 4/2.\nKaren Obi, PT";
    let r = check(&typed("progress", t));
    assert_eq!(
        flagged(&r, t, "elements/goals-not-measurable"),
        vec!["Increase independence."]
    );
    assert!(!r.has("elements/missing-goals"));
    // Target dates written with the month's name.
    let named = t
        .replace("3/30/26", "Mar 30, 2026")
        .replace("4/2/26", "Apr 2, 2026");
    assert_eq!(
        flagged(
            &check(&typed("progress", &named)),
            &named,
            "elements/goals-not-measurable"
        ),
        vec!["Increase independence."]
    );
    // Without a date column the rows have no timeframe.
    let t = "Goal | Status | Comment\nWalk 500 ft with a cane, mod I | Met 3/12 | outdoors\nP: 2x/week through 4/2.\nKaren Obi, PT";
    let r = check(&typed("progress", t));
    assert_eq!(
        flagged(&r, t, "elements/goals-not-measurable"),
        vec!["Walk 500 ft with a cane, mod I"]
    );
    // A table of exercises is not goals.
    let t = "Exercise | Sets | Reps\nBridges | 3 | 10\nP: 2x/week through 4/2.\nKaren Obi, PT";
    assert!(check(&typed("progress", t)).has("elements/missing-goals"));
}

#[test]
fn goals_in_a_two_column_table_with_their_timeframe_in_brackets() {
    // "Goals (…) | Status": the bracket is the goals' timeframe, each row a goal with its
    // status; the first line that is not a row ends the goals.
    let t = "Measure | Start 10/2 | Today\nSix-minute walk | 240 m | 330 m\n\nGoals (10 weeks from 10/2) | Status\n1. Six-minute walk 400 m | Progressing - 330 m\n2. Climb 2 flights carrying 10 lb | MET 11/20\n3. Improve endurance | Ongoing\n\nToday: stair intervals with a 10 lb pack, cued to exhale on the step up; 2 rests needed, SpO2 91% after.\nA: Still short of breath on the second flight, which limits her shopping trips.\nP: 2x/week; add incline walking next visit.\nOmar Haddad, PT";
    let r = check(&typed("progress", t));
    assert_eq!(
        flagged(&r, t, "elements/goals-not-measurable"),
        vec!["Improve endurance"]
    );
    assert!(!r.has("elements/missing-goals"));
    assert!(!r.has("elements/missing-progress"));
    // The session after the table is the session, not a goal.
    assert!(!r.has("elements/missing-skilled-intervention"));
    // Two fields on one line are not a table: the label after the bar still opens goals.
    let t = "Pain: 3/10 | Location: L knee\nO: Ther ex 25 min, step-ups with verbal cues for alignment.\nGoals: walk 1 mile.\nP: 2x/week.\nOmar Haddad, PT";
    let r = check(&typed("progress", t));
    assert_eq!(
        flagged(&r, t, "elements/goals-not-measurable"),
        vec!["walk 1 mile."]
    );
}

#[test]
fn targets_stated_as_no_errors_or_on_time_are_measurable() {
    for goal in [
        "Pass the on-road driving test with no critical errors within 8 weeks.",
        "Pay her utility bills on time for 2 months in a row within 12 weeks.",
    ] {
        let t = format!("A: Slowed processing limits driving and managing money.\nGoals: {goal}\nP: 1x/week.\nRuth Pike, OTR/L");
        let r = check(&typed("evaluation", &t));
        assert!(
            flagged(&r, &t, "elements/goals-not-measurable").is_empty(),
            "{goal}"
        );
    }
}

#[test]
fn goals_under_a_lower_case_goals_label() {
    // "anticipated goals (next 8 weeks):" reads as "Anticipated goals (next 8 weeks):": a
    // goals heading whose bracket gives its goals their timeframe.
    let goals = "\n1. Pt will walk through 10 doorways without freezing.\n2. Improve balance.\nP: 2x/week for 8 weeks.\nAmy Fox, PT";
    for label in [
        "anticipated goals (next 8 weeks):",
        "Anticipated goals (next 8 weeks):",
        "revised goals (8 wks):",
    ] {
        let t = format!("O: Berg 41/56.{}{goals}", format_args!("\n{label}"));
        let r = check(&typed("progress", &t));
        assert!(!r.has("elements/missing-goals"), "{label}");
        assert_eq!(
            flagged(&r, &t, "elements/goals-not-measurable"),
            vec!["Improve balance."],
            "{label}"
        );
    }
    // Someone's goals in lower case are not a goals heading, nor is a sentence.
    for label in ["her goals:", "pt goals:", "we reviewed the goals:"] {
        let t = format!("O: Berg 41/56.\n{label}{goals}");
        assert!(
            check(&typed("progress", &t)).has("elements/missing-goals"),
            "{label}"
        );
    }
}

#[test]
fn a_one_word_label_in_lower_case_ends_the_section_before_it() {
    // "final:" opens its own section as "Final:" does: the bare phrase before it stays bare.
    for label in ["Final:", "final:", "Final visit:", "final visit:"] {
        let t = format!("S: No new complaints.\n{label} knee flexion 0-121 deg; 12 stairs without rail, mod I.\nP: Discharged to HEP 3x/week.\nMarcus Bell, PT, DPT");
        let r = check(&typed("discharge", &t));
        assert_eq!(
            flagged(&r, &t, "elements/red-flag-phrase"),
            vec!["No new complaints"],
            "{label}"
        );
    }
    // A sentence that happens to hold a colon is not a label.
    let t = "S: No new complaints. she says this: knee flexion 0-121 deg.\nP: Discharged to HEP 3x/week.\nMarcus Bell, PT, DPT";
    assert!(check(&typed("discharge", t))
        .findings
        .iter()
        .all(|f| f.rule != "elements/missing-plan"));
}

// ---------------------------------------------------------------------------------------
// elements/missing-progress

// ---- missing-progress ----

#[test]
fn progress_statements_including_negated_ones() {
    let base = "O: Berg 41/56. Neuro re-ed 25 min with manual guarding and verbal cues.\nA: Poor balance limits community walking.\nLTG 1: Berg > 48/56 in 6 weeks.\nHR 84 after session.\nP: PT 2x/wk x 6 wks.\nAmy Fox, PT";
    assert!(check(&typed("progress", base)).has("elements/missing-progress"));
    assert!(check(&typed("discharge", base)).has("elements/missing-progress"));
    assert!(!check(&typed("daily", base)).has("elements/missing-progress"));
    for status in [
        "No progress toward LTG 1 since last report; plan revised.",
        "Goals not met.",
        "LTG 1 partially met.",
        "Berg improved from 38/56 to 41/56.",
        "Berg 41/56 (was 36/56 at eval).",
        "Gait 150 ft -> 300 ft.",
        "Balance has plateaued over the last 2 weeks.",
    ] {
        let t = format!("{base}\n{status}");
        assert!(
            !check(&typed("progress", &t)).has("elements/missing-progress"),
            "{status}"
        );
    }
    // An earlier visit by its number in brackets, or an earlier value in its own sentence
    // with its date; a visit count or a bracket without an earlier point compares nothing.
    for (status, compares) in [
        ("Recall 5/8 details (3/8 at visit 4).", true),
        ("Recall 5/8 details. Was 3/8 on 11/2.", true),
        ("Recall 5/8 details (with the template).", false),
        ("Recall 5/8 details at visit 6 of 12.", false),
    ] {
        let t = format!("{base}\n{status}");
        assert_eq!(
            !check(&typed("progress", &t)).has("elements/missing-progress"),
            compares,
            "{status}"
        );
    }
    // "wk" is "week": the earlier visit in its shorthand.
    for status in [
        "Berg 41/56 vs 37/56 last wk.",
        "Berg 41/56 (was 36/56 last wk).",
    ] {
        let t = format!("{base}\n{status}");
        assert!(
            !check(&typed("progress", &t)).has("elements/missing-progress"),
            "{status}"
        );
    }
    // A count of last week's events beside another clause's number compares nothing.
    let t = format!("{base}\nPt reports tracking 3 calendars; missed an appointment 2x last wk.");
    assert!(check(&typed("progress", &t)).has("elements/missing-progress"));
    // "Progressing" alone is not a comparison.
    let t = format!("{base}\nPt progressing toward goals.");
    let r = check(&typed("progress", &t));
    assert!(r.has("elements/missing-progress"));
    assert!(r.has("elements/red-flag-phrase"));
}

// ---------------------------------------------------------------------------------------
// elements/missing-medical-necessity

// ---- missing-medical-necessity ----

#[test]
fn a_caregiver_clause_ends_where_the_patient_is_the_subject_again() {
    let base = "O: Ther ex 25 min with verbal cues for form. Manual therapy 15 min.\nResponse: pain 2/10 after session.\nP: Next visit add step-downs.\nDana Lee, PT, DPT";
    // His wife's experience does not carry into his own clause.
    let t = format!("A: His wife cannot hear him from the next room and he has stopped answering the phone.\n{base}");
    assert!(!check(&text(&t)).has("elements/missing-medical-necessity"));
    // A limitation of someone else alone is not the patient's.
    let t = format!("A: His wife has stopped driving at night.\n{base}");
    assert!(check(&text(&t)).has("elements/missing-medical-necessity"));
    // Being hard to understand is a communication limitation.
    let t = format!("A: Distorted /r/ makes him hard to understand for classmates.\n{base}");
    assert!(!check(&text(&t)).has("elements/missing-medical-necessity"));
}

#[test]
fn medical_necessity_and_its_negations() {
    let base = "O: Ther ex 25 min with verbal cues for form. Manual therapy 15 min.\nResponse: pain 2/10 after session.\nP: Next visit add step-downs.\nDana Lee, PT, DPT";
    for negated in [
        "A: Pt denies difficulty with stairs.",
        "A: No deficits noted.",
        "A: Strength within functional limits.",
        "A: Pt is not at fall risk.",
        // An error on a reasoning task is performance, not a risk.
        "O: Chose an unsafe solution on 2 of 10 scenarios.",
    ] {
        let t = format!("{negated}\n{base}");
        assert!(
            check(&text(&t)).has("elements/missing-medical-necessity"),
            "{negated}"
        );
    }
    for stated in [
        "A: Pt unable to climb stairs without 2 rails.",
        "A: Impaired balance; high fall risk.",
        "A: Quad weakness limits community ambulation.",
        "A: Dysphagia with risk of aspiration on thin liquids.",
        "A: Requires mod assist for transfers.",
        "A: Unsafe to cook alone: left the stove on twice this week.",
        "A: Needs step-by-step cues to dress, so she cannot be left alone for a day.",
        "A: She needs help to get into the tub.",
    ] {
        let t = format!("{stated}\n{base}");
        assert!(
            !check(&text(&t)).has("elements/missing-medical-necessity"),
            "{stated}"
        );
    }
    // Someone else who cannot be left alone is not the patient's limitation.
    let t = format!("A: Her husband cannot be left alone.\n{base}");
    assert!(check(&text(&t)).has("elements/missing-medical-necessity"));
    // Not required on a discharge summary.
    assert!(!check(&typed("discharge", base)).has("elements/missing-medical-necessity"));
}

// ---------------------------------------------------------------------------------------
// elements/missing-skilled-intervention

// ---- missing-skilled-intervention ----

#[test]
fn skilled_intervention_needs_more_than_a_list() {
    let tail = "A: Weakness limits stairs.\nResponse: pain 2/10 after session.\nP: Next visit add step-downs.\nDana Lee, PT, DPT";
    for bare in [
        "O: Ther ex 25 min: SLR 3x10, bridges 3x10, clamshells 2x15. Manual therapy 15 min.",
        "O: Ther ex per routine; pt performed exercises independently, no cues needed. Manual therapy 15 min.",
        "O: Sit to stand x10, modified independent. Ther ex 25 min. Manual therapy 15 min.",
        // A device handed over with no task trained is not skill.
        "O: Issued a wrist cock-up splint. Ther ex 25 min. Manual therapy 15 min.",
        // Negated: no grading was done.
        "O: Buttoning practice without grading or cues. Ther ex 25 min. Manual therapy 15 min.",
    ] {
        let t = format!("{bare}\n{tail}");
        assert!(check(&text(&t)).has("elements/missing-skilled-intervention"), "{bare}");
    }
    for skilled in [
        "O: Ther ex 25 min: bridges 3x10 with tactile cues to keep the pelvis level. Manual therapy 15 min.",
        "O: Ther ex 25 min; progressed resistance to green band based on form. Manual therapy 15 min.",
        "O: Manual therapy 15 min: grade III PA mobilizations L3-4. Ther ex 25 min.",
        "O: Educated in hip precautions with return demonstration. Ther ex 25 min. Manual therapy 15 min.",
        // A device fitted, then a task practised with it.
        "O: Fitted a wrist cock-up splint, then practiced keyboarding with it on for 10 min. Ther ex 25 min. Manual therapy 15 min.",
        // The orthosis reshaped to the patient's report; teaching shown back.
        "O: Trimmed the splint's distal edge after she reported pressure. Ther ex 25 min. Manual therapy 15 min.",
        "O: Taught sit to stand with a hip hinge; she returned the demonstration. Ther ex 25 min. Manual therapy 15 min.",
        "O: Instructed to lift with both palms up, and she demonstrated it with a laundry basket. Ther ex 25 min. Manual therapy 15 min.",
        // A count word inside the cue is not an assist level.
        "O: With one demonstration she completed the transfers. Ther ex 25 min. Manual therapy 15 min.",
        // "without it" takes the aid away; it negates nothing after it.
        "O: Buttoning with a button hook and then without it, grading to smaller buttons once she fastened 5 large ones. Ther ex 25 min. Manual therapy 15 min.",
        "O: Energy conservation with a written schedule, which she taught back by planning tomorrow. Ther ex 25 min. Manual therapy 15 min.",
    ] {
        let t = format!("{skilled}\n{tail}");
        assert!(!check(&text(&t)).has("elements/missing-skilled-intervention"), "{skilled}");
    }
    // An evaluation billed alone need not show treatment skill.
    let eval = with(
        json!({"noteType": "evaluation", "lines": [{"code": "97161", "units": 1, "modifiers": ["GP"]}], "totalTimedMinutes": null,
        "text": "O: LEFS 40/80.\nA: Weakness limits stairs.\nGoals: Amb 500 ft mod I in 4 wks.\nP: PT 2x/wk x 4 wks.\nDana Lee, PT, DPT"}),
    );
    let r = check(&eval);
    assert!(
        !r.has("elements/missing-skilled-intervention")
            && !r.has("elements/missing-patient-response"),
        "{:?}",
        elements_rules(&r)
    );
    // An evaluation's assessment states the care needed: its skill words are not care given,
    // unless teaching was checked there.
    let needs = |a: &str| {
        with(
            json!({"noteType": "evaluation", "lines": [{"code": "97161", "units": 1, "modifiers": ["GP"]}, {"code": "97110", "units": 1, "modifiers": ["GP"]}], "totalTimedMinutes": 15,
        "text": format!("O: LEFS 40/80.\nA: {a}\nGoals: Amb 500 ft mod I in 4 wks.\nP: PT 2x/wk x 4 wks.\nDana Lee, PT, DPT")}),
        )
    };
    assert!(check(&needs(
        "Weakness limits stairs; he needs graded strengthening with verbal cues."
    ))
    .has("elements/missing-skilled-intervention"));
    assert!(!check(&needs(
        "Weakness limits stairs; educated on HEP with return demonstration."
    ))
    .has("elements/missing-skilled-intervention"));
    // A testing code (standardized cognitive testing) bills testing, not treatment; the same
    // testing note billed with a treatment code must show the skill.
    let testing = "S: Forgets appointments.\nO: SLUMS 20/30.\nA: Memory deficit limits work.\nGoals: Pt will use a phone calendar for 5 of 5 appointments in 8 wks.\nP: ST 2x/wk x 8 wks.\nDana Lee, MA, CCC-SLP";
    for (code, flags) in [("96125", false), ("92507", true)] {
        let note = with(
            json!({"discipline": "SLP", "provider": {"role": "SLP"}, "noteType": "evaluation",
            "lines": [{"code": code, "units": 1, "modifiers": ["GN"]}], "totalTimedMinutes": null, "text": testing}),
        );
        let r = check(&note);
        assert_eq!(
            r.has("elements/missing-skilled-intervention"),
            flags,
            "{code}: {:?}",
            elements_rules(&r)
        );
        assert_eq!(
            r.has("elements/missing-patient-response"),
            flags,
            "{code}: {:?}",
            elements_rules(&r)
        );
    }
}

#[test]
fn an_episode_summary_or_stimulability_testing_is_not_skilled_care_given() {
    // A "Course:" label sums up the episode: no session is described.
    let t = "DISCHARGE SUMMARY\nCourse: treatment used spaced retrieval for her room number and trained staff to give one-step cues.\nGoals: 1. Find her room with 1 cue in 4 of 5 trials in 6 weeks - met.\nDischarge plan: staff to keep the door photo in place.\nMina Cole, MS, CCC-SLP";
    let r = check(&typed("discharge", t));
    assert!(!r.elements.skilled_intervention.found);
    let as_session = t.replace("Course: treatment used", "Today: I used");
    assert!(
        check(&typed("discharge", &as_session))
            .elements
            .skilled_intervention
            .found
    );
    // Stimulability in an evaluation billed alone is testing.
    let eval = with(json!({"discipline": "SLP", "noteType": "evaluation",
        "lines": [{"code": "92521", "units": 1, "modifiers": ["GN"]}], "totalTimedMinutes": null,
        "text": "Speech sample: 8% syllables stuttered.\nStimulability: light contacts modeled; 7 of 10 phrases fluent after a model.\nImpression: moderate stuttering that limits his work calls.\nGoals (12 weeks): light contacts on 80% of stuttered words in a 5-minute call.\nPlan: 1x/week for 12 weeks.\nAmos Reed, MS, CCC-SLP"}));
    assert!(!check(&eval).elements.skilled_intervention.found);
}

#[test]
fn a_change_within_the_session_is_a_response_not_progress() {
    let base = "O: Ther ex 25 min: spoon practice with a weighted spoon, verbal cues for forearm support. Manual therapy 15 min.\nA: Tremor limits eating in public.\nP: Next visit add soup.\nDana Lee, PT, DPT";
    for within in [
        "Spilled 3 of 10 spoonfuls, compared with 7 of 10 at the start of the session.",
        "Letters on the baseline 14 of 20, up from 8 of 20 at the start of the session.",
        "Accuracy rose from 4 of 10 in the first block to 9 of 10 in the last.",
        "Toilet transfer min A x1 trial 1, CGA by trial 3.",
        "He rated effort 4/10 at the end, 6/10 at the start.",
        "Spilled 3 of 10 spoonfuls (7 at the start of the session).",
        // The same measure before and after, the treatment named between word and number.
        "Box and Blocks before tx 31, after 36.",
    ] {
        let t = format!("{within}\n{base}");
        let r = check(&typed("progress", &t));
        assert!(r.has("elements/missing-progress"), "{within}");
        assert!(!r.has("elements/missing-patient-response"), "{within}");
    }
    // Against an earlier visit it is progress; "at the start of care" is the episode's start.
    for earlier in [
        "Spilled 3 of 10 spoonfuls (7 of 10 at the start of care).",
        "Spilled 3 of 10 spoonfuls (7 of 10 last session).",
        "Spilled 3 of 10 spoonfuls (7 at the start of the month).",
        "Spilled 3 of 10 spoonfuls (7 of 10 last wk).",
    ] {
        let t = format!("{earlier}\n{base}");
        assert!(
            !check(&typed("progress", &t)).has("elements/missing-progress"),
            "{earlier}"
        );
    }
    // An earlier point and measures in different clauses compare nothing.
    let t = format!("S: Knee felt better after last session; slept 5 hours last night.\n{base}");
    assert!(check(&typed("progress", &t)).has("elements/missing-progress"));
}

// ---------------------------------------------------------------------------------------
// elements/missing-patient-response

// ---- missing-patient-response ----

#[test]
fn patient_response_including_negative_responses() {
    let base = "O: Ther ex 25 min with verbal cues for alignment. Manual therapy 15 min, grade III mobilization.\nA: Quad weakness limits stairs.\nP: Next visit add step-downs.\nDana Lee, PT, DPT";
    assert!(check(&text(base)).has("elements/missing-patient-response"));
    // "Tolerated well" alone is not a response.
    let t = format!("{base}\nPt tolerated treatment well.");
    let r = check(&text(&t));
    assert!(r.has("elements/missing-patient-response") && r.has("elements/red-flag-phrase"));
    for response in [
        "Pt denies pain after treatment.",
        "Pt did not tolerate prone positioning due to dizziness.",
        "Pain decreased to 1/10 after manual therapy.",
        "Pain 6 out of 10 before and 3 out of 10 after manual therapy.",
        "HR 104, BP 142/84 after step-ups.",
        "No adverse reaction.",
        "Pt fatigued after 2 sets and required seated rest.",
        // The same task counted with the device or strategy and without it.
        "Catching episodes in 10 trials: 1 with the splint vs 4 without.",
        "Lines started at the margin: 15 of 20 w/ the anchor, 8 of 20 w/o.",
        // Leaving the pool ends an aquatic session.
        "Hip pain 2/10 when she got out of the pool.",
    ] {
        let t = format!("{base}\n{response}");
        assert!(
            !check(&text(&t)).has("elements/missing-patient-response"),
            "{response}"
        );
    }
    // "3 trials of 45 seconds" is a dose, not accuracy; a symptom reported from the week
    // before the session is the history.
    for history in [
        "Gaze stabilization, 3 trials of 45 seconds.",
        "She reports dizziness 3/10 rolling in bed this week.",
        // A measure at the start alone compares nothing.
        "Pain 5/10 on arrival.",
    ] {
        let t = format!("{history}\n{base}");
        assert!(
            check(&text(&t)).has("elements/missing-patient-response"),
            "{history}"
        );
    }
    // Accuracy as a count of a count; a practised task under a measures heading.
    for response in [
        "Easy onsets used on 14 of 20 turns.",
        "Measures: LEFS 50/80.\nThis week we practiced step-ups with a mirror; he kept the knee aligned on 8 of 10 attempts.",
        // Columns of measures before and after, under their heading.
        "Girth L LE (cm) pre / post tx:\nankle 26.5 / 25.8;  calf 41.2 / 40.0.",
    ] {
        let t = format!("{response}\n{base}");
        assert!(!check(&text(&t)).has("elements/missing-patient-response"), "{response}");
    }
    // The same columns at the evaluation, with no "post" side, are the examination.
    let t = format!("Girth L LE (cm):\nankle 26.5;  calf 41.2.\n{base}");
    assert!(check(&text(&t)).has("elements/missing-patient-response"));
    // "without" naming a condition is not a comparison with and without.
    let t = format!("{base}\nAmb 150 ft with RW x2 without loss of balance.");
    assert!(check(&text(&t)).has("elements/missing-patient-response"));
    // A report in S: about the morning is not a response to today's treatment.
    let t = format!("S: Pain 5/10 after stairs this morning.\n{base}");
    assert!(check(&text(&t)).has("elements/missing-patient-response"));
    let t = format!("S: Pain less after last session, 3/10 today.\n{base}");
    assert!(!check(&text(&t)).has("elements/missing-patient-response"));
}

// ---------------------------------------------------------------------------------------
// elements/missing-plan

// ---- missing-plan ----

#[test]
fn a_next_session_heading_holds_the_plan() {
    let base = "O: Ther ex 25 min with verbal cues for form. Manual therapy 15 min.\nA: Quad weakness limits stairs.\nResponse: pain 2/10 after session.";
    let t = format!("{base}\nNext:  conversation without the meter for 15 minutes; phone call to his daughter in session.\nDana Lee, PT, DPT");
    assert!(!check(&text(&t)).has("elements/missing-plan"));
    // A bare "cont" under it is still no plan.
    let t = format!("{base}\nNext:  cont.\nDana Lee, PT, DPT");
    assert!(check(&text(&t)).has("elements/missing-plan"));
}

#[test]
fn plan_needs_more_than_continue() {
    let head = "O: Ther ex 25 min with verbal cues. Manual therapy 15 min.\nA: Weakness limits stairs.\nResponse: pain 2/10 after session.\n";
    for (p, plan, flags) in [
        ("P: cont", false, 1),
        ("P: Continue per POC.", false, 1),
        ("Plan: continue POC, pt doing well.", false, 2),
        ("P: Next visit add step-downs.", true, 0),
        (
            "Plan: PT 2x/wk x 4 wks, progress to stair training.",
            true,
            0,
        ),
        (
            "P: Continue POC: progress to 6 in step next visit.",
            true,
            0,
        ),
        // "Next:" heads the plan as "Plan:" does.
        (
            "Next:\nAdd step-downs; reduce the rail to one hand.",
            true,
            0,
        ),
        // The noun after a preposition is not the verb of a next step.
        ("P: D/C from PT secondary to plateau in progress.", false, 0),
        // Inpatient care: the next session is this afternoon or tomorrow morning.
        (
            "Plan: PM session: toilet transfer; next AM: LB dressing with reacher.",
            true,
            0,
        ),
        ("Plan: see you.", false, 0),
    ] {
        let t = format!("{head}{p}\nDana Lee, PT, DPT");
        let r = check(&text(&t));
        assert_eq!(!r.has("elements/missing-plan"), plan, "{p}");
        assert_eq!(
            r.count("elements/red-flag-phrase"),
            flags,
            "{p}: {:?}",
            flagged(&r, &t, "elements/red-flag-phrase")
        );
    }
    let dc = "O: LEFS 74/80 (was 35/80 at eval). Ther ex 15 min: HEP review with return demonstration.\nNo pain after session.\nA: All goals met.\nP: D/C to independent HEP.\nSara Novak, PT, DPT";
    assert!(!check(&typed("discharge", dc)).has("elements/missing-plan"));
    // At discharge, when to come back is a plan; the reason for the discharge alone is not.
    let dc = "O: LEFS 74/80 (was 35/80 at eval).\nA: All goals met.\nDischarged from PT, all goals met.\nSara Novak, PT, DPT";
    assert!(check(&typed("discharge", dc)).has("elements/missing-plan"));
    let dc = dc.replace(
        "Discharged",
        "She was asked to call us if the dizziness returns. Discharged",
    );
    assert!(!check(&typed("discharge", &dc)).has("elements/missing-plan"));
}

#[test]
fn measures_limitations_and_labels_written_as_real_notes_write_them() {
    // An instrument named on a line ending with a colon, its items scored on the next line.
    let gg = "Section GG, self-care (admission -> discharge):\nEating 04 -> 06; oral hygiene 03 -> 05; toileting hygiene 02 -> 04.\nA: Ready for assisted living.\nP: D/C to assisted living with a home program.\nIda Berg, OTR/L";
    assert!(!check(&typed("discharge", gg)).has("elements/missing-outcome-measure"));
    let no_scores = gg.replace(
        "Eating 04 -> 06; oral hygiene 03 -> 05; toileting hygiene 02 -> 04.",
        "Reviewed with her daughter.",
    );
    assert!(check(&typed("discharge", &no_scores)).has("elements/missing-outcome-measure"));
    // Needing a family member for a task is a functional limitation (medical necessity).
    let t = "O: Cognitive tx 97129 30 min: bill-paying routine with a checklist, cued twice.\nA: He still needs his wife to check the monthly bills.\nP: Next visit add the bank statement.\nAnn Roe, MS, CCC-SLP";
    assert!(!check(&text(t)).has("elements/missing-medical-necessity"));
    let t = t.replace(
        "He still needs his wife to check the monthly bills.",
        "He is pleasant.",
    );
    assert!(check(&text(&t)).has("elements/missing-medical-necessity"));
}

// ---- requirements table and config ----

#[test]
fn requirements_can_be_overridden_by_config() {
    let t = "O: Ther ex 25 min: SLR 3x10.\nDana Lee, PT, DPT";
    let default = check(&text(t));
    assert!(
        default.has("elements/missing-plan") && default.has("elements/missing-medical-necessity")
    );
    let checker =
        Checker::new(&json!({"requirements": {"daily": ["signature"]}})).expect("valid config");
    let r = checker.check_value(&text(t)).expect("valid note");
    assert!(elements_rules(&r).is_empty(), "{:?}", elements_rules(&r));
    assert!(!r.elements.plan.required && r.elements.signature.required);
    let err = Checker::new(&json!({"requirements": {"daily": ["plans"]}}))
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.contains("config.requirements.daily[0]"), "{err}");
    let err = Checker::new(&json!({"requirements": {"weekly": []}}))
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.contains("config.requirements.weekly"), "{err}");
}

// ---------------------------------------------------------------------------------------
// elements/missing-signature

// ---- missing-signature ----

#[test]
fn signature_and_credentials_against_the_role() {
    let body = "O: Ther ex 25 min with verbal cues. Manual therapy 15 min.\nA: Weakness limits stairs.\nResponse: pain 2/10 after.\nP: Next visit add step-downs.";
    let note = |role: &str, name: Option<&str>, creds: Option<&str>, sig: &str| {
        let mut p = json!({"role": role});
        if let Some(n) = name {
            p["name"] = json!(n);
        }
        if let Some(c) = creds {
            p["credentials"] = json!(c);
        }
        with(json!({"provider": p, "text": format!("{body}\n{sig}")}))
    };
    let fires = |v: Value| check(&v).has("elements/missing-signature");
    assert!(fires(note("PT", None, None, "")), "no signature at all");
    assert!(
        fires(note("PT", Some("Dana Lee"), None, "")),
        "name without credentials"
    );
    assert!(
        !fires(note("PT", Some("Dana Lee"), Some("PT, DPT"), "")),
        "the EMR's fields sign"
    );
    assert!(!fires(note(
        "PT",
        None,
        None,
        "Dana Lee, PT, DPT 03/10/2025"
    )));
    assert!(!fires(note(
        "PT",
        None,
        None,
        "Electronically signed by Dana Lee, DPT on 03/10/2025 10:42"
    )));
    assert!(
        fires(note("PTA", None, None, "Dana Lee, PT, DPT")),
        "PTA note signed as PT"
    );
    assert!(
        fires(note("OT", None, None, "Dana Lee, PT")),
        "OT note signed PT"
    );
    assert!(!fires(note("OT", None, None, "Priya Das, OTR/L")));
    assert!(!fires(note("OTA", None, None, "J. Ruiz, COTA/L")));
    assert!(
        fires(note("SLP", None, None, "Sam Fox, SLPA")),
        "SLP note signed by an assistant"
    );
    assert!(!fires(note("SLP", None, None, "Anne Kim, MS, CCC-SLP")));
    assert!(
        !fires(note(
            "PTA",
            None,
            None,
            "Sam Ortiz, PTA\nCo-signed: Dana Lee, PT, DPT"
        )),
        "co-signature"
    );
    assert!(
        fires(note("OT", Some("Dana Lee"), Some("PT, DPT"), "")),
        "provider.credentials against the role"
    );
    // A note's title names a discipline, not a signer; a blank signature line is not a
    // signature.
    let titled = |sig: &str| {
        with(
            json!({"provider": {"role": "OT"}, "text": format!("PEDIATRIC OT SESSION NOTE\n{body}\n{sig}")}),
        )
    };
    assert!(fires(titled(
        "Therapist signature: ____________   Date: ______"
    )));
    assert!(!fires(titled("Priya Das, OTR/L")));
    // A signature with another role's credentials only does not sign the note: the report's
    // signature element agrees with the finding.
    let r = check(&note("OTA", None, None, "D. Pham, OTR/L"));
    assert!(!r.elements.signature.found);
    let r = check(&note("OTA", None, None, "J. Ruiz, COTA/L"));
    assert!(r.elements.signature.found);
    // The span is the signature.
    let t = format!("{body}\nDana Lee, PT, DPT");
    let r = check(&with(json!({"provider": {"role": "PTA"}, "text": t})));
    assert_eq!(
        flagged(&r, &t, "elements/missing-signature"),
        vec!["Dana Lee, PT, DPT"]
    );
}

// ---------------------------------------------------------------------------------------
// elements/missing-outcome-measure

// ---- missing-outcome-measure ----

#[test]
fn outcome_measures_need_a_score() {
    let body = "O: Knee flexion 110 deg (was 95 deg at eval).\nA: Quad weakness limits stairs. Verbal cues needed.\nLTG 1: ascend 12 stairs with 1 rail, mod I, in 4 weeks - partially met.\nP: Next visit progress step-ups.\nDana Lee, PT, DPT";
    assert!(check(&typed("progress", body)).has("elements/missing-outcome-measure"));
    assert!(!check(&typed("daily", body)).has("elements/missing-outcome-measure"));
    for (m, ok) in [
        ("LEFS 52/80 (was 38/80).", true),
        ("Berg Balance Scale score of 44/56.", true),
        ("TUG: 14.2 sec with SPC.", true),
        ("Pt scored 44/56 on the Berg.", true),
        ("Oswestry 32%.", true),
        ("FOIS level 5.", true),
        ("LEFS not administered today.", false),
        ("Will administer LEFS next visit.", false),
        ("Sentence Intelligibility Test today: 62%.", true),
        // A name written with capitals and small letters: the small ones in either case.
        ("Section GG self-care: eating 05, oral hygiene 04.", true),
        ("section GG self-care 28.", true),
        ("Section GG not assessed this period.", false),
        // A line in capitals that is a test's name and its score is a measure, not a heading.
        ("FIM 88.", true),
        // A note's title with a date is not an instrument with a score.
        ("PT INITIAL EVALUATION — Mar 4, 2026", false),
        ("PT PROGRESS EVALUATION - 12 March 2026", false),
        // A test still to be given, beside another number, is not a score.
        (
            "P: Re-test LEFS next visit, add a 30-minute walk to the home program.",
            false,
        ),
    ] {
        let t = format!("{m}\n{body}");
        assert_eq!(
            !check(&typed("progress", &t)).has("elements/missing-outcome-measure"),
            ok,
            "{m}"
        );
    }
}

// ---------------------------------------------------------------------------------------
// elements/red-flag-phrase

// ---- red-flag-phrase ----

#[test]
fn red_flags_without_specifics_one_per_phrase_on_the_phrase() {
    let t = format!("{CLEAN}\nPt tolerated treatment well. No significant change. See flowsheet. Pt doing well.");
    let r = check(&text(&t));
    assert_eq!(
        flagged(&r, &t, "elements/red-flag-phrase"),
        vec![
            "tolerated treatment well",
            "No significant change",
            "See flowsheet",
            "Pt doing well"
        ]
    );
    assert!(r
        .findings
        .iter()
        .filter(|f| f.rule == "elements/red-flag-phrase")
        .all(|f| f
            .fix
            .as_deref()
            .is_some_and(|x| x.contains("e.g.") || x.contains("Describe"))));
    for phrase in [
        "No new complaints.",
        "Continue with plan of care.",
        "Pt progressing as expected.",
        "Ther ex per flowsheet.",
        "HEP for maintenance.",
        "Maintain current level of function.",
        "Progress exercises as tolerated.",
        "Focus on general conditioning.",
    ] {
        let t = format!("{CLEAN}\n{phrase}");
        assert_eq!(
            check(&text(&t)).count("elements/red-flag-phrase"),
            1,
            "{phrase}"
        );
    }
}

#[test]
fn red_flags_followed_by_specifics_or_negated_are_not_flagged() {
    for phrase in [
        "Tolerated well, HR 92 after 6 min walk.",
        "Continue POC: progress to 6 in step next visit.",
        "Pt progressing toward LTG 2 with gait now 300 ft with SBA.",
        "Progress resistance as tolerated by pain response, keeping pain under 3/10.",
        "Pt did not tolerate well prone lying due to dizziness.",
        "Skilled maintenance program to prevent contracture given ALS progression.",
        "Pt tolerated session without increase in pain.",
        "Pt is weight bearing as tolerated in the boot.",
        "Goal: resume home maintenance tasks such as changing light bulbs in 6 weeks, independently.",
        "Pt works as a maintenance worker at the school.",
    ] {
        let t = format!("{CLEAN}\n{phrase}");
        let r = check(&text(&t));
        assert!(!r.has("elements/red-flag-phrase"), "{phrase}: {:?}", flagged(&r, &t, "elements/red-flag-phrase"));
    }
}

// ---- spans through UTF-16 ----

#[test]
fn spans_are_exact_in_utf16_with_accents_cjk_and_emoji_before() {
    for prefix in [
        "Señora Núñez, 78 años: ",
        "患者は良好です。",
        "Pt 😀👍🏽 reports: ",
        "é😀中 mixed é😀中 ",
        // "w/" and "w/o" are read as "with" and "without": the spans after them still
        // point at the note's own words.
        "Amb 200 ft w/o AD w/ SBA, w/RW x2 w/c level: ",
    ] {
        let t = format!("{prefix}{CLEAN}\nPt tolerated treatment well.\nSTG: Improve strength.");
        let r = check(&typed("progress", &t));
        assert_eq!(
            flagged(&r, &t, "elements/red-flag-phrase"),
            vec!["tolerated treatment well"],
            "{prefix}"
        );
        assert_eq!(
            flagged(&r, &t, "elements/goals-not-measurable"),
            vec!["Improve strength."],
            "{prefix}"
        );
        let t2 = format!(
            "{prefix}{}",
            CLEAN.replace("Ther ex 25 min", "Ther ex 30 min")
        );
        let r2 = check(&text(&t2));
        assert_eq!(
            flagged(&r2, &t2, "units/text-mismatch"),
            vec!["30"],
            "{prefix}"
        );
        // The Report's elements spans are UTF-16 too.
        let sig = r
            .elements
            .signature
            .spans
            .first()
            .copied()
            .expect("signature span");
        assert_eq!(js_slice(&t, sig), "Dana Lee, PT, DPT");
    }
}

// ---------------------------------------------------------------------------------------
// units/text-mismatch

// ---- units/text-mismatch ----

#[test]
fn text_minutes_and_units_against_the_lines() {
    let fires = |t: &str, patch: Value| {
        let mut v = with(patch);
        v["text"] = json!(t);
        let r = check(&v);
        (
            r.has("units/text-mismatch"),
            flagged(&r, t, "units/text-mismatch"),
        )
    };
    let (hit, spans) = fires(
        &CLEAN.replace("Ther ex 25 min", "Ther ex 30 min"),
        json!({}),
    );
    assert!(hit);
    assert_eq!(spans, vec!["30"]);
    assert!(
        fires(
            &CLEAN.replace("Manual therapy 15 min", "Manual therapy (12')"),
            json!({})
        )
        .0
    );
    assert!(
        fires(&format!("{CLEAN}\nBilled: 97110 x3, 97140 x1."), json!({})).0,
        "units"
    );
    assert!(!fires(&format!("{CLEAN}\nBilled: 97110 x2, 97140 x1."), json!({})).0);
    assert!(
        !fires(
            &CLEAN.replace("Ther ex 25 min", "Ther ex 10 min: bike. Ther ex 15 min"),
            json!({})
        )
        .0,
        "parts add up"
    );
    // Codes joined for one time are compared with their lines together (25 + 15 minutes).
    let unitemised = CLEAN
        .replace("Ther ex 25 min", "Ther ex")
        .replace("Manual therapy 15 min", "Manual therapy");
    for joined in [
        "97110 + 97140, 40 min",
        "97110 & 97140 x 40 min",
        "TE and manual 40 min",
    ] {
        assert!(
            !fires(&format!("{unitemised}\nToday: {joined}."), json!({})).0,
            "{joined}"
        );
    }
    assert!(
        fires(
            &format!("{unitemised}\nToday: 97110 + 97140, 45 min."),
            json!({})
        )
        .0,
        "joined codes over their lines"
    );
    assert!(
        fires(
            &CLEAN.replace("Total timed minutes: 40", "Total timed minutes: 45"),
            json!({})
        )
        .0,
        "total timed"
    );
    assert!(
        fires(
            &CLEAN.replace(
                "Total treatment time: 40 min",
                "Total treatment time: 50 min"
            ),
            json!({})
        )
        .0,
        "total treatment"
    );
    // "Manual treatment" is manual therapy (97140).
    assert!(
        fires(
            &CLEAN.replace("Manual therapy 15 min", "Manual treatment 12 min"),
            json!({})
        )
        .0
    );
    assert!(
        !fires(
            &CLEAN.replace("Manual therapy 15 min", "Manual treatment 15 min"),
            json!({})
        )
        .0
    );
    // Words for codes: neuro re-ed → 97112, gait → 97116, e-stim → G0283.
    let lines = json!({"lines": [{"code": "97112", "minutes": 20, "units": 1, "modifiers": ["GP"]}, {"code": "97116", "minutes": 10, "units": 1, "modifiers": ["GP"]}, {"code": "G0283", "minutes": 15, "units": 1, "modifiers": ["GP"]}], "totalTimedMinutes": 30, "totalTreatmentMinutes": 45});
    assert!(
        !fires(
            "Neuro re-ed 20 min with cues. Gait training x 10 min. E-stim 15 min.",
            lines.clone()
        )
        .0
    );
    assert!(
        fires(
            "Neuro re-ed 25 min with cues. Gait training x 10 min. E-stim 15 min.",
            lines.clone()
        )
        .0
    );
    assert!(
        fires(
            "Neuro re-ed 20 min with cues. 12 min of gait training. E-stim 15 min.",
            lines.clone()
        )
        .0
    );
    // Distances in feet are not minutes; "25':" is.
    assert!(
        !fires(
            "Gait training 150' with RW x 10 min. Neuro re-ed 20 min.",
            lines.clone()
        )
        .0
    );
    assert!(
        !fires(
            "NMR 20': tandem stance. Gait trng 10': amb 250' x2 w/ RW, VC for step length.",
            lines.clone()
        )
        .0
    );
    assert!(
        fires(
            "NMR 25': tandem stance. Gait trng 10': amb 250' x2 w/ RW.",
            lines.clone()
        )
        .0
    );
    // A prime, then a spaced dash and what was done: minutes too.
    assert!(
        fires(
            "NMR 25' — tandem stance, cues for trunk. Gait trng 10' - amb 250' x2 w/ RW.",
            lines.clone()
        )
        .0
    );
    assert!(
        !fires(
            "NMR 20' — tandem stance, cues for trunk. Gait trng 10' - amb 250' x2 w/ RW.",
            lines.clone()
        )
        .0
    );
    // An em dash between the code and its minutes.
    assert!(fires("[x] NMR 97112 — 20 min [x] Gait 97116 — 15 min", lines).0);
}

// ---------------------------------------------------------------------------------------
// Other checks of the family

#[test]
fn the_clean_text_raises_nothing() {
    let r = check(&text(CLEAN));
    assert!(r.findings.is_empty(), "{:#?}", r.findings);
}

#[test]
fn report_elements_section() {
    let r = check(&common::base());
    let e = &r.elements;
    assert!(!e.goals.found && !e.goals.required);
    for (name, el) in [
        ("medicalNecessity", &e.medical_necessity),
        ("skilledIntervention", &e.skilled_intervention),
        ("patientResponse", &e.patient_response),
        ("plan", &e.plan),
        ("signature", &e.signature),
    ] {
        assert!(el.found && el.required && !el.spans.is_empty(), "{name}");
    }
    assert!(e.progress.found && !e.progress.required);
    assert!(e.objective_measures.found);
    let json = serde_json::to_value(&r).expect("serializes");
    assert!(json["elements"]["medicalNecessity"]["spans"][0]["start"].is_number());
}

#[test]
fn scanner_patterns_compile() {
    assert!(chartlint::testing::lexicon_problems().is_empty());
}
