//! Evaluation complexity (PT 97161–97163, OT 97165–97167), re-evaluations (97164, 97168),
//! SLP evaluation codes, and every `eval/*` rule in both directions.
//!
//! The level tables would fail if the level were the highest component or the average of
//! the components instead of the lowest, or if any threshold (PT history 0/1/2/3, exam
//! 2/3/4, OT deficits 3 and 5) moved. The realistic notes in `fixtures/eval/` carry no
//! `evaluation` object: their components are read from the text, with spans.
#![allow(
    clippy::disallowed_methods, // tests sort directly; the crate sorts through src/sort.rs
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice,
    clippy::type_complexity
)]

mod common;

use chartlint::{ComponentSource as Source, ComponentValue as CompValue, EvaluationReport, Report};
use common::{check, rules_fired, with};
use serde_json::{json, Value};

const PT_KNEE: &str = include_str!("fixtures/eval/pt-knee.txt");

const PT_STROKE: &str = include_str!("fixtures/eval/pt-stroke.txt");

const OT_HAND: &str = include_str!("fixtures/eval/ot-hand.txt");

const OT_CVA: &str = include_str!("fixtures/eval/ot-cva.txt");

const SLP_DYSPHAGIA: &str = include_str!("fixtures/eval/slp-dysphagia.txt");

const PT_REEVAL: &str = include_str!("fixtures/eval/pt-reeval.txt");

fn modifier(discipline: &str) -> &'static str {
    match discipline {
        "PT" => "GP",
        "OT" => "GO",
        _ => "GN",
    }
}

fn role(discipline: &str) -> &'static str {
    match discipline {
        "PT" => "PT",
        "OT" => "OT",
        _ => "SLP",
    }
}

/// An evaluation note of `discipline` billing `codes`, with the form's `evaluation` fields
/// (or `null`) and `text`.
fn note(discipline: &str, note_type: &str, codes: &[&str], evaluation: Value, text: &str) -> Value {
    let lines: Vec<Value> = codes
        .iter()
        .map(|c| json!({"code": c, "units": 1, "modifiers": [modifier(discipline)]}))
        .collect();
    with(json!({
        "id": "eval-test",
        "discipline": discipline,
        "noteType": note_type,
        "provider": {"role": role(discipline), "name": "Test Therapist"},
        "lines": lines,
        "totalTimedMinutes": 0,
        "totalTreatmentMinutes": 45,
        "evaluation": evaluation,
        "text": text,
    }))
}

fn eval_rules(r: &Report) -> Vec<&'static str> {
    let mut v: Vec<_> = r
        .findings
        .iter()
        .map(|f| f.rule)
        .filter(|id| id.starts_with("eval/"))
        .collect();
    v.sort_unstable();
    v
}

fn evaluation(r: &Report) -> &EvaluationReport {
    r.evaluation.as_ref().expect("an evaluation report")
}

fn component<'r>(r: &'r Report, name: &str) -> &'r chartlint::ComponentReport {
    evaluation(r)
        .components
        .iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("no component {name}"))
}

/// The text a UTF-16 span covers, as JavaScript's `text.slice(start, end)` would give it.
fn slice16(text: &str, start: usize, end: usize) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[start..end]).unwrap()
}

fn pt(h: u32, e: u32, p: &str, d: &str) -> Value {
    json!({"historyFactors": h, "examElements": e, "clinicalPresentation": p, "decisionMaking": d})
}

fn ot(profile: &str, deficits: u32, comorb: bool, task: &str, d: &str) -> Value {
    json!({"profileReview": profile, "performanceDeficits": deficits, "comorbiditiesAffectOccupation": comorb, "taskModification": task, "decisionMaking": d})
}

/// (history, exam, presentation, decision) → supported PT code.
const PT_TABLE: &[(u32, u32, &str, &str, &str)] = &[
    // Each level with every component agreeing.
    (0, 1, "stable", "low", "97161"),
    (0, 2, "stable", "low", "97161"),
    (1, 3, "evolving", "moderate", "97162"),
    (2, 3, "evolving", "moderate", "97162"),
    (3, 4, "unstable", "high", "97163"),
    (7, 9, "unstable", "high", "97163"),
    // History edges 0/1/2/3, everything else high.
    (0, 4, "unstable", "high", "97161"),
    (1, 4, "unstable", "high", "97162"),
    (2, 4, "unstable", "high", "97162"),
    (3, 4, "unstable", "high", "97163"),
    // Exam edges 2/3/4, everything else high.
    (3, 2, "unstable", "high", "97161"),
    (3, 3, "unstable", "high", "97162"),
    (3, 4, "unstable", "high", "97163"),
    // One low component among highs: the lowest decides (the max would say 97163, the
    // average of 2,2,0,2 would say moderate or high).
    (3, 4, "stable", "high", "97161"),
    (3, 4, "unstable", "low", "97161"),
    (3, 4, "evolving", "high", "97162"),
    (3, 4, "unstable", "moderate", "97162"),
    // Components disagree in both directions.
    (0, 4, "evolving", "high", "97161"),
    (2, 2, "unstable", "moderate", "97161"),
    (5, 3, "unstable", "high", "97162"),
];

/// (profile, deficits, comorbidities, task modification, decision) → supported OT code.
const OT_TABLE: &[(&str, u32, bool, &str, &str, &str)] = &[
    ("brief", 1, false, "none", "low", "97165"),
    ("brief", 2, false, "none", "low", "97165"),
    (
        "expanded",
        4,
        false,
        "minimalToModerate",
        "moderate",
        "97166",
    ),
    (
        "expanded",
        4,
        true,
        "minimalToModerate",
        "moderate",
        "97166",
    ),
    ("extensive", 6, true, "significant", "high", "97167"),
    // Deficit overlaps: 3 fits low and moderate, 5 fits moderate and high.
    ("brief", 3, false, "none", "low", "97165"),
    ("extensive", 3, true, "significant", "high", "97166"),
    (
        "expanded",
        3,
        false,
        "minimalToModerate",
        "moderate",
        "97166",
    ),
    (
        "expanded",
        5,
        true,
        "minimalToModerate",
        "moderate",
        "97166",
    ),
    ("extensive", 5, true, "significant", "high", "97167"),
    ("extensive", 4, true, "significant", "high", "97166"),
    ("extensive", 2, true, "significant", "high", "97165"),
    // High needs comorbidities that affect occupational performance.
    ("extensive", 6, false, "significant", "high", "97166"),
    // One low component among highs.
    ("extensive", 6, true, "none", "high", "97165"),
    ("brief", 6, true, "significant", "high", "97165"),
    ("extensive", 6, true, "significant", "low", "97165"),
    ("extensive", 6, true, "minimalToModerate", "high", "97166"),
];

fn pt_eval_form() -> Value {
    json!({"historyFactors": 1, "examElements": 3, "clinicalPresentation": "evolving", "decisionMaking": "moderate"})
}

fn finding<'r>(r: &'r chartlint::Report, rule: &str) -> &'r chartlint::Finding {
    r.findings
        .iter()
        .find(|f| f.rule == rule)
        .unwrap_or_else(|| panic!("no {rule}: {:?}", rules_fired(r)))
}

// ---------------------------------------------------------------------------------------
// eval/components-missing

#[test]
fn nothing_is_guessed_when_the_text_is_silent() {
    // Vitals "stable" is not the presentation; "ROM and strength tested" names no result.
    let text = "Vitals stable. ROM and strength tested.\nPlan: 2x/wk.";
    let r = check(&note("PT", "evaluation", &["97162"], Value::Null, text));
    let ev = evaluation(&r);
    assert_eq!(ev.supported_code, None);
    assert!(ev
        .components
        .iter()
        .all(|c| c.source == Source::Missing && c.level.is_none()));
    assert_eq!(r.count("eval/components-missing"), 4);
    assert!(
        ev.summary.starts_with("No level can be established"),
        "{}",
        ev.summary
    );
    let fields: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.rule == "eval/components-missing")
        .filter_map(|f| f.field.clone())
        .collect();
    for f in [
        "evaluation.historyFactors",
        "evaluation.examElements",
        "evaluation.clinicalPresentation",
        "evaluation.decisionMaking",
    ] {
        assert!(fields.iter().any(|x| x == f), "{f} in {fields:?}");
    }
    for f in &r.findings {
        assert!(
            !f.message.contains("Vitals") && !f.message.contains("strength"),
            "message repeats the note: {}",
            f.message
        );
    }

    // A past medical history list is read as the comorbidities it names (from the
    // narrative, with a span on each); a history heading alone does not make the
    // presentation stable.
    let text = "PMH: HTN, DM2, CAD.\nVitals stable. ROM and strength tested.\nPlan: 2x/wk.";
    let r = check(&note("PT", "evaluation", &["97162"], Value::Null, text));
    let h = component(&r, "history");
    assert_eq!(h.value, Some(CompValue::Count(3)));
    assert_eq!(h.source, Source::Text);
    assert_eq!(h.from_narrative, Some(true));
    let words: Vec<String> = h
        .spans
        .iter()
        .map(|s| slice16(text, s.start, s.end))
        .collect();
    assert_eq!(words, ["HTN", "DM2", "CAD"]);
    assert_eq!(
        component(&r, "clinicalPresentation").source,
        Source::Missing
    );
    assert!(r
        .findings
        .iter()
        .any(|f| f.rule == "eval/components-missing"
            && f.field.as_deref() == Some("evaluation.clinicalPresentation")));
}

#[test]
fn components_missing() {
    let r = check(&note(
        "PT",
        "evaluation",
        &["97162"],
        json!({"historyFactors": 1, "examElements": 3, "clinicalPresentation": "evolving"}),
        "",
    ));
    assert_eq!(eval_rules(&r), ["eval/components-missing"]);
    let f = &r
        .findings
        .iter()
        .find(|f| f.rule == "eval/components-missing")
        .unwrap();
    assert_eq!(f.field.as_deref(), Some("evaluation.decisionMaking"));
    assert!(f
        .fix
        .as_deref()
        .unwrap_or("")
        .contains("low, moderate or high"));
    // An examination of 0 elements meets no level.
    let r = check(&note(
        "PT",
        "evaluation",
        &["97161"],
        pt(0, 0, "stable", "low"),
        "",
    ));
    assert_eq!(eval_rules(&r), ["eval/components-missing"]);
    // OT: 0 deficits.
    let r = check(&note(
        "OT",
        "evaluation",
        &["97165"],
        ot("brief", 0, false, "none", "low"),
        "",
    ));
    assert_eq!(eval_rules(&r), ["eval/components-missing"]);
    // Passes with every component; an evaluation note without a code is another rule's.
    let r = check(&note(
        "PT",
        "evaluation",
        &["97162"],
        pt(1, 3, "evolving", "moderate"),
        "",
    ));
    assert!(eval_rules(&r).is_empty());
}

#[test]
fn disabling_the_family_skips_it() {
    let cfg = json!({"disabledRules": [
        "eval/components-missing", "eval/complexity-overcoded", "eval/complexity-undercoded",
        "eval/code-discipline-mismatch", "eval/code-note-type-mismatch", "eval/reevaluation-unsupported",
        "eval/multiple-evaluation-codes"]});
    let checker = chartlint::Checker::new(&cfg).unwrap();
    let r = checker
        .check_value(&note("PT", "daily", &["97163", "97164"], Value::Null, ""))
        .unwrap();
    assert!(eval_rules(&r).is_empty());
    // The report is still there.
    assert!(r.evaluation.is_some());
}

/// A realistic evaluation whose examination is written as a list of findings and tests under
/// "Examination:" rather than counted elements: each body system or activity examined and
/// each standardized test counts once, read from the narrative with a span on each, and
/// the explanation says to check them. A count on the form still wins.
#[test]
fn examination_written_as_a_list_is_counted_from_the_narrative() {
    let text = "PHYSICAL THERAPY INITIAL EVALUATION\n\
        History: 72 y/o with R knee OA, progressive pain x 2 years. Comorbidities affecting the plan: type 2 diabetes, obesity (BMI 36). Personal factors: lives alone.\n\
        Examination: R knee AROM 5-100 deg; quad strength 3+/5; TUG 16 sec; LEFS 32/80; antalgic gait with SPC; unable to ascend stairs reciprocally.\n\
        Clinical presentation: evolving, swelling increasing this month.\n\
        Assessment: moderate complexity decision making using LEFS and TUG.\n\
        Plan: 2x/week x 8 weeks. Goals: LEFS to 50/80 in 8 weeks.\n\
        Dana Lee, PT, DPT";
    let r = check(&with(json!({
        "noteType": "evaluation",
        "lines": [{"code": "97162", "minutes": 30, "units": 1, "modifiers": ["GP"]}],
        "totalTimedMinutes": 0, "totalTreatmentMinutes": 30,
        "text": text
    })));
    assert!(eval_rules(&r).is_empty(), "{:?}", rules_fired(&r));
    let e = component(&r, "examination");
    assert_eq!(e.source, Source::Text);
    assert_eq!(e.from_narrative, Some(true));
    assert_eq!(e.level, Some(chartlint::Level::High));
    let words: Vec<String> = e
        .spans
        .iter()
        .map(|s| slice16(text, s.start, s.end))
        .collect();
    for w in ["AROM", "strength", "TUG", "LEFS"] {
        assert!(words.iter().any(|x| x == w), "{w} in {words:?}");
    }
    assert!(
        e.explanation.contains("check the spans"),
        "{}",
        e.explanation
    );
    // Recording the count on the form settles it.
    let r = check(&with(json!({
        "noteType": "evaluation",
        "lines": [{"code": "97162", "minutes": 30, "units": 1, "modifiers": ["GP"]}],
        "totalTimedMinutes": 0, "totalTreatmentMinutes": 30,
        "evaluation": {"examElements": 3},
        "text": text
    })));
    let e = component(&r, "examination");
    assert_eq!(e.source, Source::Field);
    assert_eq!(e.value, Some(CompValue::Count(3)));
    assert!(!r.has("eval/components-missing"), "{:?}", rules_fired(&r));
}

// ---------------------------------------------------------------------------------------
// eval/complexity-overcoded

#[test]
fn pt_levels_lowest_component_decides() {
    for &(h, e, p, d, want) in PT_TABLE {
        // Billed at the supported level: clean, and the report says so.
        let r = check(&note("PT", "evaluation", &[want], pt(h, e, p, d), ""));
        let ev = evaluation(&r);
        assert_eq!(
            ev.supported_code.as_deref(),
            Some(want),
            "PT history {h}, exam {e}, {p}, {d}"
        );
        assert_eq!(ev.billed_code.as_deref(), Some(want));
        assert!(
            eval_rules(&r).is_empty(),
            "PT {h}/{e}/{p}/{d} billed {want}: {:?}",
            eval_rules(&r)
        );
        assert!(ev
            .components
            .iter()
            .all(|c| c.source == Source::Field && !c.inferred && c.spans.is_empty()));
        // Billed one level up (when there is one): over-coded.
        let up = match want {
            "97161" => Some("97162"),
            "97162" => Some("97163"),
            _ => None,
        };
        if let Some(up) = up {
            let r = check(&note("PT", "evaluation", &[up], pt(h, e, p, d), ""));
            assert_eq!(
                eval_rules(&r),
                ["eval/complexity-overcoded"],
                "PT {h}/{e}/{p}/{d} billed {up}"
            );
        }
        let down = match want {
            "97162" => Some("97161"),
            "97163" => Some("97162"),
            _ => None,
        };
        if let Some(down) = down {
            let r = check(&note("PT", "evaluation", &[down], pt(h, e, p, d), ""));
            assert_eq!(
                eval_rules(&r),
                ["eval/complexity-undercoded"],
                "PT {h}/{e}/{p}/{d} billed {down}"
            );
        }
    }
}

#[test]
fn ot_levels_lowest_component_decides() {
    for &(p, n, c, t, d, want) in OT_TABLE {
        let r = check(&note("OT", "evaluation", &[want], ot(p, n, c, t, d), ""));
        let ev = evaluation(&r);
        assert_eq!(
            ev.supported_code.as_deref(),
            Some(want),
            "OT {p}, {n} deficits, comorbidities {c}, {t}, {d}"
        );
        assert!(
            eval_rules(&r).is_empty(),
            "OT {p}/{n}/{c}/{t}/{d} billed {want}: {:?}",
            eval_rules(&r)
        );
        if want != "97167" {
            let r = check(&note("OT", "evaluation", &["97167"], ot(p, n, c, t, d), ""));
            assert_eq!(
                eval_rules(&r),
                ["eval/complexity-overcoded"],
                "OT {p}/{n}/{c}/{t}/{d} billed 97167"
            );
        }
        if want != "97165" {
            let r = check(&note("OT", "evaluation", &["97165"], ot(p, n, c, t, d), ""));
            assert_eq!(
                eval_rules(&r),
                ["eval/complexity-undercoded"],
                "OT {p}/{n}/{c}/{t}/{d} billed 97165"
            );
        }
    }
}

#[test]
fn explanations_say_why_in_a_therapists_words() {
    let r = check(&note(
        "PT",
        "evaluation",
        &["97163"],
        pt(2, 2, "unstable", "high"),
        "",
    ));
    let ev = evaluation(&r);
    assert_eq!(ev.supported_code.as_deref(), Some("97161"));
    assert_eq!(ev.supported_level, Some(chartlint::Level::Low));
    assert_eq!(
        component(&r, "history").explanation,
        "History supports moderate: 2 personal factors and comorbidities affecting the plan."
    );
    assert_eq!(
        component(&r, "examination").explanation,
        "Examination supports low: 2 elements examined."
    );
    assert_eq!(component(&r, "history").value, Some(CompValue::Count(2)));
    assert!(
        ev.summary.contains(
            "97163 (high complexity) is billed, but the note supports 97161 (low complexity)"
        ),
        "{}",
        ev.summary
    );
    assert!(
        ev.summary.ends_with(
            "the lowest component decides. Examination supports low: 2 elements examined."
        ),
        "{}",
        ev.summary
    );
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "eval/complexity-overcoded")
        .unwrap();
    assert_eq!(f.field.as_deref(), Some("lines[0].code"));
    assert!(
        f.message
            .contains("the note supports 97161 (low complexity)"),
        "{}",
        f.message
    );
    assert!(f.amount_at_risk.is_none(), "no fee schedule yet: no amount");

    let r = check(&note(
        "OT",
        "evaluation",
        &["97166"],
        ot("expanded", 3, false, "minimalToModerate", "moderate"),
        "",
    ));
    assert_eq!(
        component(&r, "performanceDeficits").explanation,
        "Performance deficits support moderate: 3 performance deficits (3 fits both low and moderate; the other components decide)."
    );
    assert_eq!(
        component(&r, "comorbidities").explanation,
        "Comorbidities support moderate: no comorbidities affecting occupational performance (high complexity needs them)."
    );
    // Messages never repeat the note's words: the inferred note's findings carry spans instead.
    let json = serde_json::to_value(evaluation(&r)).unwrap();
    for key in [
        "discipline",
        "billedCode",
        "supportedCode",
        "supportedLevel",
        "components",
        "typicalMinutes",
        "summary",
    ] {
        assert!(json.get(key).is_some(), "Report.evaluation.{key}");
    }
    assert_eq!(json["components"][0]["source"], "field");
}

#[test]
fn pt_knee_evaluation_from_text_supports_moderate() {
    let r = check(&note("PT", "evaluation", &["97162"], Value::Null, PT_KNEE));
    assert!(eval_rules(&r).is_empty(), "{:?}", r.findings);
    let ev = evaluation(&r);
    assert_eq!(ev.supported_code.as_deref(), Some("97162"));
    for c in &ev.components {
        assert_eq!(c.source, Source::Text, "{}", c.name);
        assert!(c.inferred && !c.spans.is_empty(), "{}", c.name);
    }
    // History: the two comorbidities listed as affecting the plan (the PMH list is not counted).
    let h = component(&r, "history");
    assert_eq!(h.value, Some(CompValue::Count(2)));
    let words: Vec<String> = h
        .spans
        .iter()
        .map(|s| slice16(PT_KNEE, s.start, s.end))
        .collect();
    assert_eq!(
        words[0],
        "type 2 diabetes (delayed incision healing, A1c 7.9)"
    );
    assert_eq!(words[1], "obesity (BMI 34)");
    // Examination: 4 + 2 + 1 elements listed → high; the spans survive the "°" before them.
    let e = component(&r, "examination");
    assert_eq!(e.value, Some(CompValue::Count(7)));
    assert_eq!(e.level, Some(chartlint::Level::High));
    let words: Vec<String> = e
        .spans
        .iter()
        .map(|s| slice16(PT_KNEE, s.start, s.end))
        .collect();
    assert!(
        words.contains(&"quadriceps strength 3+/5".to_string()),
        "{words:?}"
    );
    assert!(
        words.contains(&"community walking with spouse".to_string()),
        "{words:?}"
    );
    assert_eq!(
        component(&r, "clinicalPresentation").value,
        Some(CompValue::Word("evolving"))
    );
    let d = component(&r, "decisionMaking");
    assert_eq!(d.value, Some(CompValue::Word("moderate")));
    assert!(
        d.explanation
            .contains("standardized measures named: LEFS, Timed Up and Go"),
        "{}",
        d.explanation
    );
    assert!(d.explanation.contains("read from the note's text"));
    // Examination high, the rest moderate: billed high is over-coded, with a span.
    let r = check(&note("PT", "evaluation", &["97163"], Value::Null, PT_KNEE));
    assert_eq!(eval_rules(&r), ["eval/complexity-overcoded"]);
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "eval/complexity-overcoded")
        .unwrap();
    assert!(f.span.is_some());
}

#[test]
fn a_form_field_overrides_the_text_for_its_component_only() {
    // The form says the presentation is stable: it decides, and the rest is still read.
    let r = check(&note(
        "PT",
        "evaluation",
        &["97163"],
        json!({"clinicalPresentation": "stable"}),
        PT_STROKE,
    ));
    assert_eq!(evaluation(&r).supported_code.as_deref(), Some("97161"));
    assert_eq!(component(&r, "clinicalPresentation").source, Source::Field);
    assert_eq!(component(&r, "history").source, Source::Text);
    assert_eq!(eval_rules(&r), ["eval/complexity-overcoded"]);
}

#[test]
fn overcoded_even_before_the_missing_components_are_documented() {
    // Decision making missing, but the history (0) already caps the level at low.
    let r = check(&note(
        "PT",
        "evaluation",
        &["97163"],
        json!({"historyFactors": 0, "examElements": 4, "clinicalPresentation": "unstable"}),
        "",
    ));
    assert_eq!(
        eval_rules(&r),
        ["eval/complexity-overcoded", "eval/components-missing"]
    );
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "eval/complexity-overcoded")
        .unwrap();
    assert!(f.message.contains("at most 97161"), "{}", f.message);
    // Missing decision making, the rest high: nothing certain to say but the missing part.
    let r = check(&note(
        "PT",
        "evaluation",
        &["97163"],
        json!({"historyFactors": 3, "examElements": 4, "clinicalPresentation": "unstable"}),
        "",
    ));
    assert_eq!(eval_rules(&r), ["eval/components-missing"]);
}

#[test]
fn amount_at_risk_is_the_difference_between_the_codes() {
    // Medicare pays the three levels the same (equal RVUs): nothing at risk, no amount.
    let r = check(&note(
        "PT",
        "evaluation",
        &["97163"],
        pt(1, 3, "evolving", "moderate"),
        "",
    ));
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "eval/complexity-overcoded")
        .unwrap();
    assert!(f.amount_at_risk.is_none());
    // A commercial payer's contracted schedule that pays by level (Medicare notes are always
    // priced on the physician fee schedule).
    let commercial = |mut n: Value| {
        n["payer"] = json!({"kind": "commercial"});
        n
    };
    let cfg = json!({"feeSchedule": {"kind": "allowed", "amounts": {"97161": "95.00", "97162": "110.00", "97163": "135.50", "97165": "90.00", "97167": "140.00"}}});
    let checker = chartlint::Checker::new(&cfg).unwrap();
    let r = checker
        .check_value(&commercial(note(
            "PT",
            "evaluation",
            &["97163"],
            pt(1, 3, "evolving", "moderate"),
            "",
        )))
        .unwrap();
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "eval/complexity-overcoded")
        .unwrap();
    assert_eq!(f.amount_at_risk, Some("25.50".parse().unwrap()));
    let r = checker
        .check_value(&commercial(note(
            "OT",
            "evaluation",
            &["97165"],
            ot("extensive", 6, true, "significant", "high"),
            "",
        )))
        .unwrap();
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "eval/complexity-undercoded")
        .unwrap();
    assert_eq!(f.amount_at_risk, Some("50.00".parse().unwrap()));
    let json = serde_json::to_value(f).unwrap();
    assert_eq!(json["amountAtRisk"], "50.00");
}

/// Over-coding between PT levels changes nothing Medicare pays (97161–97163 carry the same
/// RVUs), so the finding is an error without an amount; the evaluation plus 97140 the same
/// day is the NCCI pair, with 97140's value at risk.
#[test]
fn overcoded_evaluation_with_manual_therapy_the_same_day() {
    let r = check(&with(json!({
        "noteType": "evaluation",
        "lines": [
            {"code": "97163", "minutes": 45, "units": 1, "modifiers": ["GP"]},
            {"code": "97140", "minutes": 15, "units": 1, "modifiers": ["GP"]}
        ],
        "evaluation": {"historyFactors": 2, "examElements": 4, "clinicalPresentation": "unstable", "decisionMaking": "low"},
        "totalTimedMinutes": 15, "totalTreatmentMinutes": 60
    })));
    let f = finding(&r, "eval/complexity-overcoded");
    assert!(f.message.contains("97161"), "{}", f.message);
    assert!(
        f.message.to_lowercase().contains("decision making"),
        "{}",
        f.message
    );
    assert_eq!(f.amount_at_risk, None, "the PT levels are paid the same");
    let pair = finding(&r, "modifiers/ncci-pair");
    assert_eq!(pair.amount_at_risk, r.billing.lines[1].expected_payment);
    assert!(
        !pair.fix.as_deref().unwrap().contains("time blocks"),
        "an untimed evaluation is not split by minutes"
    );
}

// ---------------------------------------------------------------------------------------
// eval/complexity-undercoded

#[test]
fn pt_stroke_evaluation_from_text_supports_high() {
    let r = check(&note(
        "PT",
        "evaluation",
        &["97163"],
        Value::Null,
        PT_STROKE,
    ));
    assert!(eval_rules(&r).is_empty(), "{:?}", r.findings);
    let ev = evaluation(&r);
    assert_eq!(ev.supported_code.as_deref(), Some("97163"));
    assert_eq!(component(&r, "history").value, Some(CompValue::Count(6)));
    assert_eq!(
        component(&r, "examination").value,
        Some(CompValue::Count(10))
    );
    assert_eq!(
        component(&r, "clinicalPresentation").value,
        Some(CompValue::Word("unstable"))
    );
    let d = component(&r, "decisionMaking");
    assert!(d.explanation.contains("Berg Balance Scale, 10-Meter Walk Test, 6-Minute Walk Test, Functional Gait Assessment"), "{}", d.explanation);
    // Billed low: under-coded.
    let r = check(&note(
        "PT",
        "evaluation",
        &["97161"],
        Value::Null,
        PT_STROKE,
    ));
    assert_eq!(eval_rules(&r), ["eval/complexity-undercoded"]);
}

// ---------------------------------------------------------------------------------------
// eval/code-discipline-mismatch

#[test]
fn ot_cva_evaluation_from_text_supports_high() {
    let r = check(&note("OT", "evaluation", &["97167"], Value::Null, OT_CVA));
    assert!(eval_rules(&r).is_empty(), "{:?}", r.findings);
    assert_eq!(evaluation(&r).supported_code.as_deref(), Some("97167"));
    assert_eq!(
        component(&r, "performanceDeficits").value,
        Some(CompValue::Count(7))
    );
    assert_eq!(
        component(&r, "occupationalProfile").value,
        Some(CompValue::Word("extensive"))
    );
    assert_eq!(
        component(&r, "taskModification").value,
        Some(CompValue::Word("significant"))
    );
    // Billed by an OTA: the discipline rule fires; the level is still reported.
    let mut n = note("OT", "evaluation", &["97167"], Value::Null, OT_CVA);
    n["provider"] = json!({"role": "OTA"});
    let r = check(&n);
    assert_eq!(eval_rules(&r), ["eval/code-discipline-mismatch"]);
    assert_eq!(evaluation(&r).supported_code.as_deref(), Some("97167"));
}

#[test]
fn slp_dysphagia_evaluation_checks_the_family_only() {
    let r = check(&note(
        "SLP",
        "evaluation",
        &["92610"],
        Value::Null,
        SLP_DYSPHAGIA,
    ));
    assert!(eval_rules(&r).is_empty(), "{:?}", r.findings);
    let ev = evaluation(&r);
    assert_eq!(ev.billed_code.as_deref(), Some("92610"));
    assert_eq!(ev.supported_code.as_deref(), Some("92610"));
    assert!(ev.components.is_empty());
    assert!(ev.summary.contains("not complexity-based"));
    // A PT evaluation code on the SLP plan.
    let r = check(&note(
        "SLP",
        "evaluation",
        &["97161"],
        Value::Null,
        SLP_DYSPHAGIA,
    ));
    assert_eq!(eval_rules(&r), ["eval/code-discipline-mismatch"]);
    // Language and swallowing evaluations on the same day are not "multiple".
    let r = check(&note(
        "SLP",
        "evaluation",
        &["92523", "92610"],
        Value::Null,
        SLP_DYSPHAGIA,
    ));
    assert!(eval_rules(&r).is_empty(), "{:?}", eval_rules(&r));
    // SLP has no re-evaluation code: a re-evaluation bills the evaluation code.
    let r = check(&note(
        "SLP",
        "reevaluation",
        &["92610"],
        Value::Null,
        SLP_DYSPHAGIA,
    ));
    assert!(eval_rules(&r).is_empty(), "{:?}", eval_rules(&r));
}

#[test]
fn code_discipline_mismatch() {
    let full_pt = pt(0, 2, "stable", "low");
    let full_ot = ot("brief", 2, false, "none", "low");
    for (disc, code, ev) in [
        ("PT", "97165", &full_pt),
        ("OT", "97161", &full_ot),
        ("PT", "92610", &full_pt),
        ("OT", "97164", &full_ot),
        ("SLP", "97168", &Value::Null),
    ] {
        let nt = if code == "97164" || code == "97168" {
            "reevaluation"
        } else {
            "evaluation"
        };
        let r = check(&note(disc, nt, &[code], ev.clone(), ""));
        assert!(
            r.has("eval/code-discipline-mismatch"),
            "{code} on {disc}: {:?}",
            eval_rules(&r)
        );
        let f = r
            .findings
            .iter()
            .find(|f| f.rule == "eval/code-discipline-mismatch")
            .unwrap();
        assert_eq!(f.field.as_deref(), Some("lines[0].code"));
    }
    for role in ["PTA", "student"] {
        let mut n = note("PT", "evaluation", &["97161"], full_pt.clone(), "");
        n["provider"] = json!({"role": role});
        let r = check(&n);
        assert_eq!(eval_rules(&r), ["eval/code-discipline-mismatch"], "{role}");
        assert_eq!(
            r.findings
                .iter()
                .find(|f| f.rule == "eval/code-discipline-mismatch")
                .unwrap()
                .field
                .as_deref(),
            Some("provider.role")
        );
    }
    // A PT writing the OT plan's evaluation.
    let mut n = note("OT", "evaluation", &["97165"], full_ot.clone(), "");
    n["provider"] = json!({"role": "PT"});
    let r = check(&n);
    assert_eq!(eval_rules(&r), ["eval/code-discipline-mismatch"]);
    assert_eq!(
        r.findings
            .iter()
            .find(|f| f.rule.starts_with("eval/"))
            .unwrap()
            .field
            .as_deref(),
        Some("provider.role")
    );
    let mut n = note("SLP", "evaluation", &["92610"], Value::Null, SLP_DYSPHAGIA);
    n["provider"] = json!({"role": "SLPA"});
    assert_eq!(eval_rules(&check(&n)), ["eval/code-discipline-mismatch"]);
    // Passes: each discipline's own code by its therapist; a PTA's daily note bills no evaluation.
    assert!(eval_rules(&check(&note(
        "PT",
        "evaluation",
        &["97161"],
        full_pt.clone(),
        ""
    )))
    .is_empty());
    assert!(eval_rules(&check(&note(
        "OT",
        "evaluation",
        &["97165"],
        full_ot.clone(),
        ""
    )))
    .is_empty());
    let mut daily = common::base();
    daily["provider"] = json!({"role": "PTA"});
    assert!(eval_rules(&check(&daily)).is_empty());
}

/// Regression: an evaluation code the payer will deny outright (furnished by an assistant,
/// billed twice on one visit, or billed on a daily note) now carries the denied line's
/// expected payment as `amountAtRisk`.
#[test]
fn denied_evaluation_codes_carry_their_value() {
    // A PTA may not evaluate or re-evaluate (CMS Pub. 100-02, ch. 15, §230.1).
    let r = check(&with(json!({
        "noteType": "evaluation",
        "provider": {"role": "PTA", "name": "Sam Ortiz", "credentials": "PTA"},
        "lines": [{"code": "97162", "minutes": 30, "units": 1, "modifiers": ["GP"]}],
        "evaluation": pt_eval_form(),
        "totalTimedMinutes": 0, "totalTreatmentMinutes": 30
    })));
    let f = finding(&r, "eval/code-discipline-mismatch");
    assert_eq!(f.field.as_deref(), Some("provider.role"));
    assert_eq!(f.amount_at_risk, r.billing.lines[0].expected_payment);
    assert!(f.amount_at_risk.is_some());

    // An evaluation and a re-evaluation on one visit: the second is denied.
    let r = check(&with(json!({
        "noteType": "evaluation",
        "lines": [
            {"code": "97162", "minutes": 30, "units": 1, "modifiers": ["GP"]},
            {"code": "97164", "minutes": 20, "units": 1, "modifiers": ["GP"]}
        ],
        "evaluation": pt_eval_form(),
        "totalTimedMinutes": 0, "totalTreatmentMinutes": 50
    })));
    let f = finding(&r, "eval/multiple-evaluation-codes");
    assert_eq!(f.field.as_deref(), Some("lines[1].code"));
    assert_eq!(f.amount_at_risk, r.billing.lines[1].expected_payment);
    assert!(f.amount_at_risk.is_some());

    // An evaluation code on a daily note.
    let r = check(&with(json!({
        "lines": [
            {"code": "97110", "minutes": 25, "units": 2, "modifiers": ["GP"]},
            {"code": "97162", "minutes": 30, "units": 1, "modifiers": ["GP"]}
        ],
        "evaluation": pt_eval_form(),
        "totalTimedMinutes": 25, "totalTreatmentMinutes": 55
    })));
    let f = finding(&r, "eval/code-note-type-mismatch");
    assert_eq!(f.amount_at_risk, r.billing.lines[1].expected_payment);
    assert!(f.amount_at_risk.is_some());
}

// ---------------------------------------------------------------------------------------
// eval/code-note-type-mismatch

#[test]
fn code_note_type_mismatch() {
    let full = pt(0, 2, "stable", "low");
    // Evaluation code on a daily note (the base note's own lines kept).
    let mut n = common::base();
    n["lines"]
        .as_array_mut()
        .unwrap()
        .push(json!({"code": "97161", "units": 1, "modifiers": ["GP"]}));
    let r = check(&n);
    assert_eq!(eval_rules(&r), ["eval/code-note-type-mismatch"]);
    assert_eq!(
        r.findings
            .iter()
            .find(|f| f.rule == "eval/code-note-type-mismatch")
            .unwrap()
            .field
            .as_deref(),
        Some("lines[2].code")
    );
    // Re-evaluation code on a progress note.
    assert!(
        check(&note("PT", "progress", &["97164"], Value::Null, PT_REEVAL))
            .has("eval/code-note-type-mismatch")
    );
    // Evaluation note, no evaluation code.
    let r = check(&note("PT", "evaluation", &[], full.clone(), ""));
    assert_eq!(eval_rules(&r), ["eval/code-note-type-mismatch"]);
    assert_eq!(
        r.findings
            .iter()
            .find(|f| f.rule.starts_with("eval/"))
            .unwrap()
            .field
            .as_deref(),
        Some("lines")
    );
    // Re-evaluation code on an evaluation note; initial evaluation code on a re-evaluation note.
    assert!(check(&note(
        "PT",
        "evaluation",
        &["97164"],
        Value::Null,
        PT_REEVAL
    ))
    .has("eval/code-note-type-mismatch"));
    assert!(check(&note(
        "OT",
        "reevaluation",
        &["97166"],
        ot("expanded", 4, false, "minimalToModerate", "moderate"),
        ""
    ))
    .has("eval/code-note-type-mismatch"));
    // Passes.
    assert!(eval_rules(&check(&note("PT", "evaluation", &["97161"], full, ""))).is_empty());
    assert!(eval_rules(&check(&note(
        "PT",
        "reevaluation",
        &["97164"],
        Value::Null,
        PT_REEVAL
    )))
    .is_empty());
    // An SLP evaluation billing an instrumental study chartlint does not know is not flagged here.
    let r = check(&note(
        "SLP",
        "evaluation",
        &["92611"],
        Value::Null,
        SLP_DYSPHAGIA,
    ));
    assert!(!r.has("eval/code-note-type-mismatch"));
    let r = check(&note(
        "SLP",
        "evaluation",
        &["96105"],
        Value::Null,
        "Aphasia assessment.",
    ));
    assert!(!r.has("eval/code-note-type-mismatch"));
}

// ---------------------------------------------------------------------------------------
// eval/reevaluation-unsupported

#[test]
fn reevaluation_unsupported() {
    let reeval = |reason: Value, text: &str| {
        let ev = if reason.is_null() {
            Value::Null
        } else {
            json!({"reevaluationReason": reason})
        };
        check(&note("PT", "reevaluation", &["97164"], ev, text))
    };
    // A documented reason in the text (new onset, significant decline) passes.
    let r = reeval(Value::Null, PT_REEVAL);
    assert!(eval_rules(&r).is_empty(), "{:?}", eval_rules(&r));
    let ev = evaluation(&r);
    assert_eq!(ev.supported_code.as_deref(), Some("97164"));
    let c = component(&r, "reevaluationReason");
    assert_eq!(c.source, Source::Text);
    assert_eq!(
        slice16(PT_REEVAL, c.spans[0].start, c.spans[0].end),
        "had a fall"
    );
    // In the field.
    for ok in [
        "Exacerbation of low back pain after lifting",
        "Not progressing toward goals after 8 visits",
        "Progress has plateaued",
        "Significant change in medical status: readmitted for CHF",
    ] {
        assert!(eval_rules(&reeval(json!(ok), "")).is_empty(), "{ok}");
    }
    // Routine wording is not a reason.
    for routine in [
        "Routine re-evaluation",
        "Re-eval every 30 days",
        "Re-evaluation per protocol",
        "Progress report due",
        "Recert due",
    ] {
        let r = reeval(json!(routine), "");
        assert_eq!(
            eval_rules(&r),
            ["eval/reevaluation-unsupported"],
            "{routine}"
        );
        let f = r
            .findings
            .iter()
            .find(|f| f.rule == "eval/reevaluation-unsupported")
            .unwrap();
        assert!(f.message.contains("routine"), "{}", f.message);
        assert_eq!(f.field.as_deref(), Some("evaluation.reevaluationReason"));
    }
    // In the text, with a span; negated reasons do not count.
    let text = "PT RE-EVALUATION\nRe-evaluation per protocol. No new findings; no significant change since the last visit.";
    let r = reeval(Value::Null, text);
    assert_eq!(eval_rules(&r), ["eval/reevaluation-unsupported"]);
    let s = r
        .findings
        .iter()
        .find(|f| f.rule == "eval/reevaluation-unsupported")
        .unwrap()
        .span
        .unwrap();
    assert_eq!(slice16(text, s.start, s.end), "per protocol");
    // Nothing at all.
    let r = reeval(Value::Null, "Re-evaluation performed.");
    assert_eq!(eval_rules(&r), ["eval/reevaluation-unsupported"]);
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "eval/reevaluation-unsupported")
        .unwrap();
    assert_eq!(f.field.as_deref(), Some("lines[0].code"));
    assert!(f.message.contains("no reason"), "{}", f.message);
    // OT re-evaluation likewise.
    let r = check(&note(
        "OT",
        "reevaluation",
        &["97168"],
        json!({"reevaluationReason": "routine"}),
        "",
    ));
    assert_eq!(eval_rules(&r), ["eval/reevaluation-unsupported"]);
}

#[test]
fn reasons_read_past_an_unrelated_negation() {
    let r = check(&note(
        "PT",
        "reevaluation",
        &["97164"],
        Value::Null,
        "No falls since the last visit, but a significant decline in gait speed.",
    ));
    assert!(eval_rules(&r).is_empty(), "{:?}", r.findings);
    for text in [
        "Pt fell at home on 3/4.",
        "Minimal progress toward goals after 12 visits.",
        "Was hospitalized for pneumonia 2/28.",
    ] {
        assert!(
            eval_rules(&check(&note(
                "PT",
                "reevaluation",
                &["97164"],
                Value::Null,
                text
            )))
            .is_empty(),
            "{text}"
        );
    }
    for text in [
        "Re-eval at end of certification period.",
        "Re-evaluation as scheduled; pt denies any worsening.",
    ] {
        assert_eq!(
            eval_rules(&check(&note(
                "PT",
                "reevaluation",
                &["97164"],
                Value::Null,
                text
            ))),
            ["eval/reevaluation-unsupported"],
            "{text}"
        );
    }
}

/// The labelled corpus (`tests/corpus`, written by another hand): with their form fields the
/// evaluation and re-evaluation notes are clean for every `eval/*` rule, and without the
/// fields, whatever the text establishes agrees with the fields the notes were labelled with.
#[test]
fn corpus_evaluations_agree_with_their_labels() {
    let field_of = |name: &str| match name {
        "history" => "historyFactors",
        "examination" => "examElements",
        "clinicalPresentation" => "clinicalPresentation",
        "decisionMaking" => "decisionMaking",
        "occupationalProfile" => "profileReview",
        "performanceDeficits" => "performanceDeficits",
        "comorbidities" => "comorbiditiesAffectOccupation",
        "taskModification" => "taskModification",
        _ => "",
    };
    let mut checked = 0;
    let mut inferred = 0;
    let mut wrong: Vec<String> = Vec::new();
    // Notes read from the narrative: (notes, same level as labelled, within one level).
    let mut narrative = (0u32, 0u32, 0u32);
    let mut far: Vec<String> = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir("tests/corpus")
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    for p in paths
        .iter()
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        // The labelled corpus only; `dev-*` notes were written for the elements rules.
        .filter(|p| {
            !p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("dev-"))
        })
    {
        let v: Value = serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
        let note = &v["note"];
        let r = check(note);
        assert!(
            eval_rules(&r).is_empty(),
            "{}: {:?}",
            p.display(),
            r.findings
                .iter()
                .filter(|f| f.rule.starts_with("eval/"))
                .collect::<Vec<_>>()
        );
        if !matches!(
            note["noteType"].as_str(),
            Some("evaluation" | "reevaluation")
        ) {
            assert!(r.evaluation.is_none(), "{}: not an evaluation", p.display());
            continue;
        }
        checked += 1;
        let labelled = r.evaluation.clone();
        let mut bare = note.clone();
        bare.as_object_mut().unwrap().remove("evaluation");
        let r = check(&bare);
        let Some(ev) = &r.evaluation else { continue };
        if ev.components.iter().any(|c| c.from_narrative == Some(true)) {
            let rank = |l: Option<chartlint::Level>| match l {
                Some(chartlint::Level::Low) => 0i32,
                Some(chartlint::Level::Moderate) => 1,
                Some(chartlint::Level::High) => 2,
                None => -9,
            };
            let want = rank(labelled.as_ref().and_then(|e| e.supported_level));
            let got = rank(ev.supported_level);
            narrative.0 += 1;
            if got == want {
                narrative.1 += 1;
            }
            if (got - want).abs() <= 1 {
                narrative.2 += 1;
            } else {
                far.push(p.display().to_string());
            }
        }
        for c in ev
            .components
            .iter()
            .filter(|c| c.source == Source::Text && c.name != "reevaluationReason")
        {
            inferred += 1;
            let label = &note["evaluation"][field_of(c.name)];
            let got = serde_json::to_value(&c.value).unwrap();
            // Read from the narrative (the history, the exam, how the course is described):
            // judged by the level the whole note supports, below.
            if c.from_narrative == Some(true) {
                continue;
            }
            if &got != label {
                wrong.push(format!(
                    "{}: {} read from the text ({got}) disagrees with the label ({label})",
                    p.display(),
                    c.name
                ));
            }
        }
        if note["evaluation"]["reevaluationReason"].is_string()
            && bare["lines"][0]["code"]
                .as_str()
                .is_some_and(|c| c == "97164" || c == "97168")
        {
            assert!(
                !r.has("eval/reevaluation-unsupported"),
                "{}: the reason is in the text too",
                p.display()
            );
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    println!(
        "evaluation level read from the narrative: {}/{} as labelled, {}/{} within one",
        narrative.1, narrative.0, narrative.2, narrative.0
    );
    // The target for real notes: within one level on at least 90% of evaluations.
    assert!(
        narrative.2 * 10 >= narrative.0 * 9,
        "within one level on {}/{}: {far:?}",
        narrative.2,
        narrative.0
    );
    assert!(
        checked >= 30,
        "{checked} evaluation and re-evaluation notes"
    );
    assert!(
        inferred >= 5,
        "{inferred} components read from the corpus text"
    );
}

// ---------------------------------------------------------------------------------------
// eval/multiple-evaluation-codes

#[test]
fn multiple_evaluation_codes() {
    let full = pt(1, 3, "evolving", "moderate");
    let r = check(&note(
        "PT",
        "evaluation",
        &["97162", "97163"],
        full.clone(),
        "",
    ));
    assert!(r.has("eval/multiple-evaluation-codes"));
    assert_eq!(r.count("eval/multiple-evaluation-codes"), 1);
    assert_eq!(
        r.findings
            .iter()
            .find(|f| f.rule == "eval/multiple-evaluation-codes")
            .unwrap()
            .field
            .as_deref(),
        Some("lines[1].code")
    );
    let r = check(&note(
        "PT",
        "evaluation",
        &["97162", "97164"],
        full.clone(),
        "",
    ));
    assert!(r.has("eval/multiple-evaluation-codes"));
    let r = check(&note(
        "PT",
        "evaluation",
        &["97162", "97162"],
        full.clone(),
        "",
    ));
    assert!(r.has("eval/multiple-evaluation-codes"));
    // One code passes.
    assert!(!check(&note("PT", "evaluation", &["97162"], full, ""))
        .has("eval/multiple-evaluation-codes"));
}

// ---------------------------------------------------------------------------------------
// Other checks of the family

#[test]
fn typical_time_is_reported_but_never_decides() {
    let mut ev = pt(3, 4, "unstable", "high");
    ev["minutes"] = json!(12);
    let r = check(&note("PT", "evaluation", &["97163"], ev, ""));
    let e = evaluation(&r);
    assert_eq!(e.supported_code.as_deref(), Some("97163"));
    assert_eq!(e.typical_minutes, Some(45));
    assert_eq!(e.documented_minutes, Some(12));
    assert!(eval_rules(&r).is_empty());
}

#[test]
fn ot_hand_evaluation_from_text_supports_moderate() {
    let r = check(&note("OT", "evaluation", &["97166"], Value::Null, OT_HAND));
    assert!(eval_rules(&r).is_empty(), "{:?}", r.findings);
    assert_eq!(evaluation(&r).supported_code.as_deref(), Some("97166"));
    assert_eq!(
        component(&r, "occupationalProfile").value,
        Some(CompValue::Word("expanded"))
    );
    let d = component(&r, "performanceDeficits");
    assert_eq!(d.value, Some(CompValue::Count(4)));
    let words: Vec<String> = d
        .spans
        .iter()
        .map(|s| slice16(OT_HAND, s.start, s.end))
        .collect();
    assert_eq!(
        words,
        [
            "L wrist ROM",
            "L grip strength",
            "edema",
            "fine motor coordination"
        ]
    );
    assert_eq!(
        component(&r, "comorbidities").value,
        Some(CompValue::Flag(true))
    );
    assert_eq!(
        component(&r, "taskModification").value,
        Some(CompValue::Word("minimalToModerate"))
    );
    assert_eq!(
        component(&r, "decisionMaking").value,
        Some(CompValue::Word("moderate"))
    );
}

#[test]
fn task_modification_read_from_the_assistance_the_note_describes() {
    // Without the stated modification line, the assistance the note describes now decides:
    // rests or adapted tools needed to finish the testing, or an assist level, is minimal to
    // moderate; dependence is significant; a history of assistance, a goal's assist level or
    // nothing at all is none.
    let base = OT_HAND.replace(
        "Minimal to moderate modification of tasks was needed (built-up handles) to complete the assessment.\n",
        "",
    );
    let read = |extra: &str| {
        let text = base.replace(
            "Clinical decision making:",
            &format!("{extra}\nClinical decision making:"),
        );
        let r = check(&note("OT", "evaluation", &["97166"], Value::Null, &text));
        component(&r, "taskModification").value.clone()
    };
    assert_eq!(read(""), Some(CompValue::Word("none")));
    for (extra, want) in [
        ("She needed two seated rests and a built-up pen to finish the writing sample.", "minimalToModerate"),
        ("Needs moderate assistance for upper body dressing at present.", "minimalToModerate"),
        ("Dependent for tub transfers; maximal assist for lower body dressing.", "significant"),
        ("PLOF: needed minimal assistance for bathing after her last surgery.", "none"),
        ("He needed the directions repeated and a demonstration before he could complete the pegboard subtest.", "minimalToModerate"),
    ] {
        assert_eq!(read(extra), Some(CompValue::Word(want)), "{extra}");
    }
}

#[test]
fn stated_counts_and_none_are_read() {
    let text = "Pt has no personal factors or comorbidities affecting the plan of care. Exam addressed 2 elements: knee ROM and gait. Clinical presentation is stable and uncomplicated. Clinical decision making: low complexity, LEFS 60/80.";
    let r = check(&note("PT", "evaluation", &["97161"], Value::Null, text));
    assert!(eval_rules(&r).is_empty(), "{:?}", r.findings);
    assert_eq!(component(&r, "history").value, Some(CompValue::Count(0)));
    assert_eq!(
        component(&r, "examination").value,
        Some(CompValue::Count(2))
    );
    assert_eq!(evaluation(&r).supported_code.as_deref(), Some("97161"));
}

#[test]
fn the_base_note_is_clean_and_has_no_evaluation_report() {
    let r = check(&common::base());
    assert!(r.findings.is_empty(), "{:?}", r.findings);
    assert!(r.evaluation.is_none());
}

#[test]
fn more_ways_notes_state_their_components() {
    // "include" lists, a list for one bucket and a stated count for the other, older ICF
    // labels, and an item with its own colon that is not a new section.
    let text = "Comorbidities affecting the plan of care include type 2 diabetes and obesity.\n\
        Personal factors: lives alone.\n\
        Impairments: decreased R knee ROM, R quad strength: 3+/5, effusion\n\
        Functional limitations: stairs, squatting\n\
        Clinical presentation: unstable, with unpredictable swelling and wound drainage.\n\
        Decision making: high complexity; KOOS JR and 30-second chair stand test used.";
    let r = check(&note("PT", "evaluation", &["97163"], Value::Null, text));
    assert!(eval_rules(&r).is_empty(), "{:?}", r.findings);
    assert_eq!(component(&r, "history").value, Some(CompValue::Count(3)));
    assert_eq!(
        component(&r, "examination").value,
        Some(CompValue::Count(5))
    );
    let d = component(&r, "decisionMaking");
    assert!(
        d.explanation.contains("KOOS, 30-Second Chair Stand"),
        "{}",
        d.explanation
    );

    let text = "Personal factors: none.\n2 comorbidities affecting the plan (CHF, COPD).\nExam addressed 4 elements.\nClinical presentation: evolving.\nClinical decision making: moderate.";
    let r = check(&note("PT", "evaluation", &["97162"], Value::Null, text));
    assert!(eval_rules(&r).is_empty(), "{:?}", r.findings);
    assert_eq!(component(&r, "history").value, Some(CompValue::Count(2)));

    // OT: stated "no comorbidities" is an answer (moderate at most), "brief history" a profile.
    let text = "Brief history and review of the referral records for the presenting problem. No comorbidities affecting occupational performance. \
        Performance deficits: R grip strength, R thumb opposition. No modification of tasks or assistance was needed. Clinical decision making: low complexity.";
    let r = check(&note("OT", "evaluation", &["97165"], Value::Null, text));
    assert!(eval_rules(&r).is_empty(), "{:?}", r.findings);
    assert_eq!(
        component(&r, "comorbidities").value,
        Some(CompValue::Flag(false))
    );
    assert_eq!(
        component(&r, "occupationalProfile").value,
        Some(CompValue::Word("brief"))
    );
    assert_eq!(
        component(&r, "taskModification").value,
        Some(CompValue::Word("none"))
    );
    assert_eq!(evaluation(&r).supported_code.as_deref(), Some("97165"));
}

#[test]
fn conflicting_words_take_the_lowest_and_say_so() {
    let text =
        "Clinical presentation: evolving. Later in the session the presentation was unstable.";
    let r = check(&note(
        "PT",
        "evaluation",
        &["97162"],
        json!({"historyFactors": 3, "examElements": 4, "decisionMaking": "high"}),
        text,
    ));
    let c = component(&r, "clinicalPresentation");
    assert_eq!(c.value, Some(CompValue::Word("evolving")));
    assert!(
        c.explanation.contains("states more than one"),
        "{}",
        c.explanation
    );
    assert_eq!(c.spans.len(), 2);
}

#[test]
fn report_scope() {
    // An evaluation object on a daily note does not make it an evaluation.
    let r = check(&with(json!({"evaluation": {"historyFactors": 1}})));
    assert!(r.evaluation.is_none());
    // An evaluation and a re-evaluation billed together: the complexity leads the summary,
    // the re-evaluation reason is listed as a component.
    let r = check(&note(
        "PT",
        "evaluation",
        &["97162", "97164"],
        pt(1, 3, "evolving", "moderate"),
        "",
    ));
    let ev = evaluation(&r);
    assert_eq!(ev.supported_code.as_deref(), Some("97162"));
    assert!(ev.components.iter().any(|c| c.name == "reevaluationReason"));
    assert!(
        ev.summary.starts_with("The note supports 97162"),
        "{}",
        ev.summary
    );
}

#[test]
fn a_treatment_in_change_is_an_evolving_presentation() {
    // A medication being adjusted, or a new phase of treatment about to start, changes the
    // presentation; the same history without it reads stable.
    let base = "History: 61 y/o bus driver with numbness in both feet since chemotherapy ended in August. Two trips on the curb this month.\n\
        PMH: hypertension, hypothyroidism.\n\
        Medications: lisinopril; levothyroxine; gabapentin.\n\
        Tests and measures: Berg 44/56. 6MWT 352 m. Sensation absent at the toes. Ankle DF 4/5 both.\n\
        Assessment: Sensory loss and balance deficits limit community walking; fall risk.\n\
        Goals (8 weeks): Berg 50/56. 6MWT 420 m.\n\
        Plan: 2x/week for 8 weeks, balance and gait training.\n\
        Lena Moss, PT, DPT";
    let read = |text: &str| {
        let r = check(&note("PT", "evaluation", &["97162"], Value::Null, text));
        component(&r, "clinicalPresentation").value.clone()
    };
    assert_eq!(read(base), Some(CompValue::Word("stable")));
    for change in [
        "gabapentin (dose increased last week, dizzy when she stands up since)",
        "gabapentin. Radiation to start next month",
    ] {
        let text = base.replace("gabapentin.", change);
        assert_eq!(read(&text), Some(CompValue::Word("evolving")), "{change}");
    }
}
