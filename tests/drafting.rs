//! Drafting and signing: `check(note, { stage: "draft" })` moves what is simply not written
//! yet to `report.checklist` and keeps every defect a finding; `readyToSign` is the signing
//! verdict at both stages. One section per rule family, then the whole corpus.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

mod common;

use chartlint::{CheckOptions, Checker, ChecklistItem, ChecklistItemKind, Report, RuleKind, Stage};
use serde_json::{json, Value};
use std::collections::HashSet;

fn at(note: &Value, stage: Stage) -> Report {
    Checker::with_defaults()
        .check_value_with(note, &CheckOptions::stage(stage))
        .unwrap_or_else(|e| panic!("{e}"))
}

fn sign(note: &Value) -> Report {
    at(note, Stage::Sign)
}

fn draft(note: &Value) -> Report {
    at(note, Stage::Draft)
}

fn item(r: &Report, kind: ChecklistItemKind) -> &ChecklistItem {
    r.checklist
        .iter()
        .find(|i| i.item == kind)
        .unwrap_or_else(|| panic!("no {} item in {:#?}", kind.as_str(), r.checklist))
}

fn kind_of(rule: &str) -> RuleKind {
    chartlint::rules()
        .into_iter()
        .find(|r| r.id == rule)
        .unwrap()
        .kind
}

/// The base note's narrative, which documents every element of a daily note.
fn base_text() -> String {
    common::base()["text"].as_str().unwrap().to_string()
}

// ## The stage option

#[test]
fn signing_is_the_default_and_the_report_says_which_stage() {
    let note = common::with(
        json!({"lines": [{"code": "97110", "minutes": 20, "units": 2, "modifiers": ["GP"]}]}),
    );
    let plain = Checker::with_defaults().check_value(&note).unwrap();
    let signed = sign(&note);
    assert_eq!(plain, signed);
    assert_eq!(plain.stage, Stage::Sign);
    assert_eq!(draft(&note).stage, Stage::Draft);
}

#[test]
fn every_rule_declares_what_it_does_while_drafting() {
    for r in chartlint::rules() {
        let kind = r.kind.as_str();
        assert!(["defect", "missing", "both"].contains(&kind), "{}", r.id);
        // The documentation elements a note type requires are written by the therapist:
        // until they are, they are not defects.
        if r.id.starts_with("elements/missing-") {
            assert_ne!(r.kind, RuleKind::Defect, "{}", r.id);
        }
    }
}

// ## units

#[test]
fn units_minutes_not_entered_are_a_checklist_item_and_over_billing_stays() {
    let note = common::with(json!({
        "lines": [
            {"code": "97110", "minutes": null, "units": 2, "modifiers": ["GP"]},
            {"code": "97140", "minutes": 20, "units": 3, "modifiers": ["GP"]}
        ],
        "totalTimedMinutes": null, "totalTreatmentMinutes": null,
        "text": base_text().replace("Total timed minutes: 40. Total treatment time: 40 min.\n", "")
    }));
    let s = sign(&note);
    assert!(s.has("units/missing-minutes") && s.has("units/missing-total-treatment-time"));
    let d = draft(&note);
    assert!(
        !d.has("units/missing-minutes"),
        "{:?}",
        common::rules_fired(&d)
    );
    assert!(!d.has("units/missing-total-treatment-time"));
    let minutes = item(&d, ChecklistItemKind::Minutes);
    assert_eq!(minutes.field.as_deref(), Some("lines[0].minutes"));
    assert!(minutes.required && !minutes.done);
    assert_eq!(minutes.label, "Minutes of 97110");
    assert!(!item(&d, ChecklistItemKind::TotalTreatmentMinutes).done);
    // 97140 × 3 on 20 minutes is wrong in what is written: a finding at both stages.
    assert!(d.has("units/over-billed") && s.has("units/over-billed"));
    assert!(!d.ready_to_sign && !s.ready_to_sign);
    // Entered: the items are done, and the minutes item of 97140 was done all along.
    let done = common::with(json!({
        "lines": [
            {"code": "97110", "minutes": 25, "units": 2, "modifiers": ["GP"]},
            {"code": "97140", "minutes": 15, "units": 1, "modifiers": ["GP"]}
        ]
    }));
    let d = draft(&done);
    assert!(d
        .checklist
        .iter()
        .filter(|i| i.item == ChecklistItemKind::Minutes)
        .all(|i| i.done));
    assert!(item(&d, ChecklistItemKind::TotalTreatmentMinutes).done);
}

// ## codes

#[test]
fn codes_no_diagnosis_yet_is_an_item_and_an_invalid_one_a_finding() {
    let none = common::with(json!({"diagnoses": []}));
    assert!(sign(&none).has("codes/missing-diagnosis"));
    let d = draft(&none);
    assert!(!d.has("codes/missing-diagnosis"));
    let dx = item(&d, ChecklistItemKind::Diagnoses);
    assert!(!dx.done && dx.field.as_deref() == Some("diagnoses"));
    assert!(
        !d.ready_to_sign,
        "signing would be blocked: readyToSign says so while drafting"
    );
    let deleted = common::with(json!({"diagnoses": ["M54.5"]}));
    assert!(draft(&deleted).has("codes/invalid-diagnosis"));
    assert!(item(&draft(&deleted), ChecklistItemKind::Diagnoses).done);
    // Self-pay needs no diagnosis: no item.
    let self_pay = common::with(json!({"payer": {"kind": "selfPay"}, "diagnoses": []}));
    assert!(!draft(&self_pay)
        .checklist
        .iter()
        .any(|i| i.item == ChecklistItemKind::Diagnoses));
}

// ## elements

#[test]
fn elements_not_written_are_items_and_what_is_wrong_stays() {
    // A daily note with one line written: only the skilled intervention is there.
    let note = common::with(json!({
        "text": "Ther ex 25 min with verbal cues to keep the knee over the 2nd toe. Pt tolerated treatment well.",
        "provider": {"role": "PT", "name": "Dana Lee", "credentials": null}
    }));
    let s = sign(&note);
    for rule in [
        "elements/missing-medical-necessity",
        "elements/missing-patient-response",
        "elements/missing-plan",
        "elements/missing-signature",
    ] {
        assert!(s.has(rule), "{rule} at signing");
    }
    let d = draft(&note);
    assert!(
        d.findings
            .iter()
            .all(|f| !f.rule.starts_with("elements/missing")),
        "{:?}",
        common::rules_fired(&d)
    );
    assert!(
        d.has("elements/red-flag-phrase"),
        "a red-flag phrase is wrong in what is written"
    );
    for kind in [
        ChecklistItemKind::MedicalNecessity,
        ChecklistItemKind::PatientResponse,
        ChecklistItemKind::Plan,
        ChecklistItemKind::Signature,
    ] {
        let i = item(&d, kind);
        assert!(i.required && !i.done, "{}", kind.as_str());
        assert!(i.fix.is_some(), "{}: says what to write", kind.as_str());
        assert!(
            i.edits
                .iter()
                .all(|e| e.applicability == chartlint::Applicability::Template),
            "{}",
            kind.as_str()
        );
    }
    let skilled = item(&d, ChecklistItemKind::SkilledIntervention);
    assert!(skilled.done && !skilled.spans.is_empty());
    // A daily note does not need goals: listed, not required.
    assert!(!item(&d, ChecklistItemKind::Goals).required);
}

#[test]
fn elements_signature_missing_is_an_item_but_the_wrong_credentials_a_finding() {
    let unsigned = common::with(json!({
        "provider": {"role": "PT"},
        "text": base_text().replace("Dana Lee, PT, DPT 03/10/2025", "")
    }));
    assert!(sign(&unsigned).has("elements/missing-signature"));
    assert!(!draft(&unsigned).has("elements/missing-signature"));
    let wrong = common::with(json!({"provider": {"role": "PTA"}}));
    assert!(
        draft(&wrong).has("elements/missing-signature"),
        "signed PT, DPT by a PTA: a defect"
    );
    assert_eq!(kind_of("elements/missing-signature"), RuleKind::Both);
}

#[test]
fn elements_unmeasurable_goal_stays_while_missing_goals_are_an_item() {
    let vague = common::with(
        json!({"noteType": "evaluation", "text": "A: Quad weakness limits stairs.\nGoals:\n1. Improve knee strength.\nP: PT 2x/wk for 6 weeks.\nDana Lee, PT, DPT"}),
    );
    assert!(draft(&vague).has("elements/goals-not-measurable"));
    let none = common::with(
        json!({"noteType": "evaluation", "text": "A: Quad weakness limits stairs.\nP: PT 2x/wk for 6 weeks.\nDana Lee, PT, DPT"}),
    );
    assert!(sign(&none).has("elements/missing-goals"));
    assert!(!draft(&none).has("elements/missing-goals"));
    assert!(!item(&draft(&none), ChecklistItemKind::Goals).done);
}

#[test]
fn elements_a_placeholder_left_is_not_done_and_blocks_signing() {
    let note = common::with(json!({"text": base_text().replace(
        "P: Next visit progress step-ups to 6 in box and begin reciprocal stair training with 1 rail; update HEP with eccentric step-downs.",
        "P: [[what changes next visit, and why]]",
    )}));
    let d = draft(&note);
    assert!(
        d.has("elements/template-placeholder"),
        "a defect at both stages"
    );
    assert!(!d.ready_to_sign);
    assert!(
        !item(&d, ChecklistItemKind::Plan).done,
        "the plan's words are a placeholder"
    );
}

// ## eval

#[test]
fn eval_code_and_components_not_entered_are_items_overcoding_stays() {
    let eval = |patch: Value| {
        let mut n = common::with(
            json!({"noteType": "evaluation", "text": "A: Knee OA limits stairs and community walking. Dana Lee, PT, DPT"}),
        );
        for (k, v) in patch.as_object().unwrap() {
            n[k] = v.clone();
        }
        n
    };
    // No evaluation code billed yet.
    let no_code = eval(json!({"lines": []}));
    assert!(sign(&no_code).has("eval/code-note-type-mismatch"));
    let d = draft(&no_code);
    assert!(!d.has("eval/code-note-type-mismatch"));
    assert!(!item(&d, ChecklistItemKind::EvaluationCode).done);
    assert!(d
        .checklist
        .iter()
        .any(|i| i.item == ChecklistItemKind::EvaluationComponent && !i.done));
    // 97163 (high) billed on components supporting low: wrong in what is written.
    let over = eval(json!({
        "lines": [{"code": "97163", "units": 1, "modifiers": ["GP"]}],
        "evaluation": {"historyFactors": 0, "examElements": 2, "clinicalPresentation": "stable", "decisionMaking": "low"}
    }));
    assert!(draft(&over).has("eval/complexity-overcoded"));
    assert!(item(&draft(&over), ChecklistItemKind::EvaluationCode).done);
    // Components missing with a code billed: items while drafting.
    let missing = eval(json!({"lines": [{"code": "97161", "units": 1, "modifiers": ["GP"]}]}));
    assert!(sign(&missing).has("eval/components-missing"));
    assert!(!draft(&missing).has("eval/components-missing"));
    // An evaluation code on a daily note is a defect.
    let daily =
        common::with(json!({"lines": [{"code": "97161", "units": 1, "modifiers": ["GP"]}]}));
    assert!(draft(&daily).has("eval/code-note-type-mismatch"));
}

#[test]
fn eval_no_reason_for_a_reevaluation_is_an_item_a_routine_one_a_finding() {
    let reeval = |text: &str| {
        common::with(json!({
            "noteType": "reevaluation",
            "lines": [{"code": "97164", "units": 1, "modifiers": ["GP"]}],
            "text": text,
        }))
    };
    let none = reeval("Goals reviewed. Dana Lee, PT, DPT");
    assert!(sign(&none).has("eval/reevaluation-unsupported"));
    let d = draft(&none);
    assert!(!d.has("eval/reevaluation-unsupported"));
    assert!(!item(&d, ChecklistItemKind::ReevaluationReason).done);
    // "Routine re-evaluation, progress report due" is written, and is no reason: a defect.
    let routine = reeval("Routine re-evaluation as scheduled. Dana Lee, PT, DPT");
    assert!(sign(&routine).has("eval/reevaluation-unsupported"));
    assert!(
        draft(&routine).has("eval/reevaluation-unsupported"),
        "a routine reason is a defect"
    );
}

// ## modifiers

#[test]
fn modifiers_are_defects_at_both_stages() {
    let note = common::with(json!({"lines": [
        {"code": "97110", "minutes": 25, "units": 2, "modifiers": []},
        {"code": "97140", "minutes": 15, "units": 1, "modifiers": ["GO"]}
    ]}));
    let (s, d) = (sign(&note), draft(&note));
    for rule in ["modifiers/missing-discipline", "modifiers/wrong-discipline"] {
        assert_eq!(kind_of(rule), RuleKind::Defect);
        assert_eq!(s.count(rule), d.count(rule), "{rule}");
        assert!(d.has(rule));
    }
}

// ## episode

#[test]
fn episode_a_progress_report_due_is_an_item_an_expired_plan_a_finding() {
    let due = common::with(
        json!({"episode": {"reportingPeriodDay": 10, "planOfCareStart": "2025-02-24", "planOfCareEnd": "2025-05-19", "certifiedOn": "2025-02-27"}}),
    );
    assert!(sign(&due).has("episode/progress-report-due"));
    let d = draft(&due);
    assert!(!d.has("episode/progress-report-due"));
    let report = item(&d, ChecklistItemKind::ProgressReport);
    assert!(!report.done && !report.edits.is_empty());
    assert!(!d.ready_to_sign);
    let expired = common::with(
        json!({"episode": {"planOfCareStart": "2024-11-01", "planOfCareEnd": "2025-01-29", "certifiedOn": "2024-11-03"}}),
    );
    assert!(draft(&expired).has("episode/plan-of-care-expired"));
}

// ## The blank note, typed sentence by sentence

/// The demo's blank note: a Medicare PT daily note with one line, nothing else entered.
fn blank() -> Value {
    json!({
        "discipline": "PT", "noteType": "daily", "dateOfService": "2025-03-10",
        "payer": {"kind": "medicare"}, "provider": {"role": "PT", "name": "", "credentials": ""},
        "lines": [{"code": "97110", "minutes": null, "units": 1, "modifiers": ["GP"]}],
        "text": ""
    })
}

#[test]
fn typing_a_daily_note_from_blank_shows_no_error_until_something_written_is_wrong() {
    let sentences = [
        "S: Pt reports R knee pain 4/10 after stairs.",
        "\nO: Ther ex 20 min: step-ups 3x10 with verbal cues to keep the knee over the 2nd toe.",
        "\nA: Quad weakness limits stair climbing and places the pt at fall risk.",
        "\nResponse: pain 3/10 after session, no adverse reaction.",
        "\nP: Next visit progress step height to 6 in.",
    ];
    let mut note = blank();
    let d = draft(&note);
    assert!(
        d.findings.is_empty(),
        "blank: {:?}",
        common::rules_fired(&d)
    );
    assert!(d.checklist.iter().any(|i| i.required && !i.done));
    assert!(!d.ready_to_sign);
    let mut text = String::new();
    for s in sentences {
        text.push_str(s);
        note["text"] = json!(text);
        let d = draft(&note);
        assert!(
            d.findings.is_empty(),
            "after {s:?}: {:?}",
            common::rules_fired(&d)
        );
    }
    // The fields come next: still nothing wrong.
    note["lines"][0]["minutes"] = json!(20);
    note["diagnoses"] = json!(["M17.11"]);
    note["totalTimedMinutes"] = json!(20);
    note["totalTreatmentMinutes"] = json!(20);
    let d = draft(&note);
    assert!(d.findings.is_empty(), "{:?}", common::rules_fired(&d));
    // Signing shows what blocks the claim: the signature.
    let s = sign(&note);
    assert!(!s.ready_to_sign);
    assert_eq!(common::rules_fired(&s), ["elements/missing-signature"]);
    // Something wrong is written: a finding while drafting.
    text.push_str(" Pt tolerated treatment well.");
    note["text"] = json!(text);
    assert!(draft(&note).has("elements/red-flag-phrase"));
    note["lines"][0]["units"] = json!(3);
    assert!(draft(&note).has("units/over-billed"));
    // Signed and corrected: ready at both stages.
    note["lines"][0]["units"] = json!(1);
    note["text"] = json!(text.replace(" Pt tolerated treatment well.", "") + "\nDana Lee, PT, DPT");
    assert!(sign(&note).ready_to_sign && draft(&note).ready_to_sign);
    assert!(draft(&note).checklist.iter().all(|i| !i.required || i.done));
}

// ## Every note

/// Over the corpus, the samples and the rules' examples: drafting keeps every defect,
/// moves each finding of something not written to an item of its rule that is not done,
/// and gives the signing verdict.
#[test]
fn drafting_splits_the_signing_findings_and_keeps_the_verdict() {
    let kinds: std::collections::HashMap<&str, RuleKind> = chartlint::rules()
        .into_iter()
        .map(|r| (r.id, r.kind))
        .collect();
    let (mut moved, mut kept, mut notes) = (0, 0, 0);
    for (name, note) in common::all_notes() {
        let Ok(s) = Checker::with_defaults().check_value(&note) else {
            continue;
        };
        let d = draft(&note);
        notes += 1;
        assert_eq!(d.ready_to_sign, s.ready_to_sign, "{name}");
        assert_eq!(d.checklist, s.checklist, "{name}");
        let in_draft: HashSet<&str> = d.findings.iter().map(|f| f.fingerprint.as_str()).collect();
        for f in &d.findings {
            assert!(
                s.findings.contains(f),
                "{name}: {} only while drafting",
                f.rule
            );
            assert_ne!(
                kinds[f.rule],
                RuleKind::Missing,
                "{name}: {} while drafting",
                f.rule
            );
        }
        for f in s
            .findings
            .iter()
            .filter(|f| !in_draft.contains(f.fingerprint.as_str()))
        {
            assert_ne!(
                kinds[f.rule],
                RuleKind::Defect,
                "{name}: defect {} left out while drafting",
                f.rule
            );
            assert!(
                d.checklist
                    .iter()
                    .any(|i| i.rule == f.rule && i.required && !i.done),
                "{name}: {} is neither a finding nor an item while drafting",
                f.rule
            );
            moved += 1;
        }
        kept += d.findings.len();
    }
    println!("corpus drafting: {notes} notes; {moved} signing findings are checklist items while drafting, {kept} stay findings");
    assert!(moved > 100 && kept > 100, "{moved} {kept}");
}
