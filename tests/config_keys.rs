//! Unknown keys in the Config are errors naming the path and the nearest known key, so a
//! typo never silently leaves a rule on or a payer pack unchanged.

use chartlint::Config;
use serde_json::json;

/// The error message, or "accepted …" (which no assertion expects) when the config passes.
fn error_of(config: serde_json::Value) -> String {
    Config::from_json(&config.to_string())
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
}

#[test]
fn a_key_far_from_every_known_one_lists_them() {
    assert_eq!(
        error_of(json!({ "colour": "blue" })),
        "config.colour: unknown key; expected one of disabledRules, severity, payers, feeSchedule, ncci, icd10File, requirements"
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
fn every_known_key_is_accepted() {
    let config = json!({
        "disabledRules": ["elements/red-flag-phrase"],
        "severity": { "units/under-billed": "info" },
        "payers": {
            "medicareAdvantage": {
                "name": "Sunrise MA", "unitRule": "ruleOf8s", "medicareRules": false,
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
        "requirements": { "daily": ["plan", "signature"] }
    });
    Config::from_json(&config.to_string()).unwrap();
    let allowed = json!({ "feeSchedule": { "kind": "allowed", "amounts": { "97110": "31.20" } } });
    Config::from_json(&allowed.to_string()).unwrap();
}
