//! Config validation: payer packs and the CMS files a config may carry (field paths in every
//! error, full-size files accepted).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice,
    clippy::type_complexity
)]

mod common;

use chartlint::Checker;
use common::{base, check};
use serde_json::json;

const PTP_SAMPLE: &str = include_str!("fixtures/ncci/ptp-practitioner-sample.txt");

#[test]
fn ptp_file_errors_name_the_field_and_the_line() {
    let e = Checker::new(
        &json!({"ncci": {"ptpFile": "Column 1\tColumn 2\n97140\t97530\t\t2020-01-01\t*\t1\tx\n"}}),
    )
    .err()
    .unwrap();
    assert_eq!(e.path, "config.ncci.ptpFile");
    assert!(e.message.contains("line 2"), "{}", e.message);
    let e = Checker::new(
        &json!({"ncci": {"ptpFile": "HCPCS/CPT Code,Practitioner Services MUE Values\n97110,6\n"}}),
    )
    .err()
    .unwrap();
    assert!(
        e.message.contains("no edits found") || e.message.contains("line 2"),
        "{}",
        e.message
    );
    let e = Checker::new(&json!({"ncci": {"ptpFile": 5}}))
        .err()
        .unwrap();
    assert_eq!(e.path, "config.ncci.ptpFile");
}

#[test]
fn ptp_table_reads_a_comma_separated_export_too() {
    let csv = "Column 1,Column 2,*=in existence prior to 1996,Effective Date,Deletion Date *=no data,Modifier,PTP Edit Rationale\n97140,97530,,20200101,*,1,\"Mutually exclusive procedures\"\n";
    let t = chartlint::testing::PtpTable::parse(csv).unwrap();
    assert_eq!(t.len(), 1);
    let d = chartlint::Date::parse("2025-01-01").unwrap();
    assert_eq!(
        t.find("97140", "97530", d).unwrap().rationale,
        "Mutually exclusive procedures"
    );
    assert!(t.find("97530", "97140", d).is_none());
}

#[test]
fn payer_pack_fields_are_validated_with_paths() {
    let e = Checker::new(
        &json!({"payers": {"commercial": {"extraPairs": [["97140", "not a code", 0]]}}}),
    )
    .err()
    .unwrap();
    assert_eq!(e.path, "config.payers.commercial.extraPairs[0]");
    let e = Checker::new(&json!({"payers": {"commercial": {"distinctModifier": "XU"}}}))
        .err()
        .unwrap();
    assert_eq!(e.path, "config.payers.commercial.distinctModifier");
    let e = Checker::new(&json!({"payers": {"commercial": {"requireAssistantModifiers": "yes"}}}))
        .err()
        .unwrap();
    assert_eq!(e.path, "config.payers.commercial.requireAssistantModifiers");
}

#[test]
fn the_base_note_stays_clean() {
    let r = check(&base());
    assert!(r.findings.is_empty(), "{:#?}", r.findings);
}

#[test]
fn a_config_carrying_a_full_size_ptp_file_is_accepted() {
    // The CMS files are several MiB: the config bound is larger than a note's.
    let mut text = String::from(PTP_SAMPLE);
    for i in 0..60_000u32 {
        text.push_str(&format!(
            "{:05}\t{:05}\t\t20200101\t*\t1\tMutually exclusive procedures\n",
            10_000 + i,
            20_000 + i
        ));
    }
    let json = serde_json::to_string(&json!({"ncci": {"ptpFile": text}})).unwrap();
    assert!(json.len() > chartlint::MAX_JSON_BYTES);
    let checker = chartlint::Checker::from_config_json(&json).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(checker.config().ptp_edits(), Some(60_008));
}

// ---- Unknown keys ------------------------------------------------------------------------
// Unknown keys in the Config are errors naming the path and the nearest known key, so a typo
// never silently leaves a rule on or a payer pack unchanged.

/// The error message, or "accepted …" (which no assertion expects) when the config passes.
fn error_of(config: serde_json::Value) -> String {
    Checker::from_config_json(&config.to_string())
        .err()
        .map_or_else(|| format!("accepted {config}"), |e| e.to_string())
}

#[test]
fn a_misspelled_top_level_key_names_the_nearest_one() {
    assert_eq!(
        error_of(json!({ "disabledRule": ["units/under-billed"] })),
        r#"config.disabledRule: unknown key; did you mean "disabledRules"?"#
    );
    assert_eq!(
        error_of(json!({ "Severity": {} })),
        r#"config.Severity: unknown key; did you mean "severity"?"#
    );
    assert_eq!(
        error_of(json!({ "dismised": [] })),
        r#"config.dismised: unknown key; did you mean "dismissed"?"#
    );
}

#[test]
fn a_key_far_from_every_known_one_lists_them() {
    assert_eq!(
        error_of(json!({ "colour": "blue" })),
        "config.colour: unknown key; expected one of disabledRules, severity, payers, feeSchedule, ncci, icd10File, requirements, dismissed, cloning"
    );
}

#[test]
fn payer_packs_and_payer_kinds_are_checked() {
    assert_eq!(
        error_of(json!({ "payers": { "medicare": { "unitRulee": "ruleOf8s" } } })),
        r#"config.payers.medicare.unitRulee: unknown key; did you mean "unitRule"?"#
    );
    assert_eq!(
        error_of(json!({ "payers": { "commercial": { "name": "Acme", "visitlimit": 20 } } })),
        r#"config.payers.commercial.visitlimit: unknown key; did you mean "visitLimit"?"#
    );
    assert_eq!(
        error_of(json!({ "payers": { "medicar": {} } })),
        r#"config.payers.medicar: unknown key; did you mean "medicare"?"#
    );
}

#[test]
fn fee_schedules_ncci_and_requirements_are_checked() {
    assert_eq!(
        error_of(json!({ "feeSchedule": { "kind": "rvu", "conversionFactr": "33.4009" } })),
        r#"config.feeSchedule.conversionFactr: unknown key; did you mean "conversionFactor"?"#
    );
    assert_eq!(
        error_of(json!({ "feeSchedule": { "kind": "allowed", "amounts": {}, "gpci": {} } })),
        "config.feeSchedule.gpci: unknown key; expected one of kind, amounts"
    );
    assert_eq!(
        error_of(
            json!({ "feeSchedule": { "kind": "rvu", "rvus": { "97110": { "work": "0.45", "pe": "0.4", "mpp": "0.02" } } } })
        ),
        r#"config.feeSchedule.rvus.97110.mpp: unknown key; did you mean "mp"?"#
    );
    assert_eq!(
        error_of(json!({ "feeSchedule": { "kind": "rvu", "gpci": { "work": "1", "PE": "1" } } })),
        r#"config.feeSchedule.gpci.PE: unknown key; did you mean "pe"?"#
    );
    assert_eq!(
        error_of(json!({ "ncci": { "ptpfile": "" } })),
        r#"config.ncci.ptpfile: unknown key; did you mean "ptpFile"?"#
    );
    assert_eq!(
        error_of(json!({ "requirements": { "dailly": ["plan"] } })),
        r#"config.requirements.dailly: unknown key; did you mean "daily"?"#
    );
}

#[test]
fn the_episode_review_keys_are_checked() {
    assert_eq!(
        error_of(json!({ "cloning": { "treshold": 0.9 } })),
        r#"config.cloning.treshold: unknown key; did you mean "threshold"?"#
    );
    assert_eq!(
        error_of(json!({ "payers": { "commercial": { "goalChangesNeedRecert": true } } })),
        r#"config.payers.commercial.goalChangesNeedRecert: unknown key; did you mean "goalChangesNeedRecertification"?"#
    );
}

#[test]
fn every_known_key_is_accepted() {
    let config = json!({
        "disabledRules": ["elements/red-flag-phrase"],
        "severity": { "units/under-billed": "info" },
        "payers": {
            "medicareAdvantage": {
                "name": "Sunrise MA", "unitRule": "ruleOf8s", "medicareRules": false,
                "goalChangesNeedRecertification": true,
                "requireDisciplineModifiers": true, "requireAssistantModifiers": true, "ncciEdits": true,
                "requireTotalTreatmentTime": false, "distinctModifier": "X", "progressReportInterval": 10,
                "certificationDays": 90, "certificationWindowDays": 30, "visitLimit": 20,
                "extraPairs": [["97140", "97530", 0]]
            }
        },
        "feeSchedule": {
            "kind": "rvu", "rvus": { "97110": { "work": "0.45", "pe": "0.40", "mp": "0.02" } },
            "conversionFactor": "33.4009", "gpci": { "work": "1", "pe": "1", "mp": "1" }, "qualifyingApm": false
        },
        "requirements": { "daily": ["plan", "signature"] },
        "dismissed": [{ "fingerprint": "0123456789abcdef", "reason": "Reviewed with the payer." }],
        "cloning": { "threshold": 0.9, "template": ["Patient seen per plan of care."] }
    });
    if let Err(e) = Checker::from_config_json(&config.to_string()) {
        panic!("{e}");
    }
    let allowed = json!({ "feeSchedule": { "kind": "allowed", "amounts": { "97110": "31.20" } } });
    if let Err(e) = Checker::from_config_json(&allowed.to_string()) {
        panic!("{e}");
    }
}
