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
