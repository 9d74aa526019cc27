//! NCCI procedure-to-procedure (PTP) edits: pairs of codes that are not paid together for
//! the same patient on the same day unless an allowed modifier shows the services were
//! distinct.
//!
//! Two sources, in this order of authority:
//!
//! 1. **The official CMS practitioner PTP file**, given as text in `config.ncci.ptpFile` and
//!    parsed once when the `Checker` is built ([`PtpTable::parse`]). Layout (shared/policy
//!    §7.4, [GH-PTP1], [GH-PTP2], [MEDICAID-PTP]): tab-delimited, AMA copyright lines and a
//!    header above the data, then one edit per line with the columns `Column 1`,
//!    `Column 2`, `*=in existence prior to 1996`, `Effective Date` (YYYYMMDD),
//!    `Deletion Date *=no data` (YYYYMMDD, `*` when the edit is active), `Modifier
//!    0=not allowed 1=allowed 9=not applicable`, `PTP Edit Rationale`. When the file is
//!    given it replaces the built-in pairs entirely.
//! 2. **The built-in therapy pairs** ([`THERAPY_PAIRS`]), shared/policy §7.2. Pairs found in
//!    one source only are marked `confirmed: false` (the policy file's UNCONFIRMED); the
//!    rule reports them as information, not as a denial, until the official file is loaded.
//!
//! Modifier indicators (shared/policy §7.1, [APTA-NCCIQA], [AMC], [REGENCE]): `0` no
//! modifier bypasses the edit; `1` 59 or XE/XS/XP/XU on the column-two code bypasses it when
//! the services were distinct; `9` the edit does not apply.
//!
//! An edit applies on a date of service when `effective ≤ date` and, if it has a deletion
//! date, `date < deletion` (the deletion date is the first day the edit no longer applies).

use crate::date::Date;
use crate::policy::codes::looks_like_code;

/// Modifier indicator: no modifier bypasses the edit.
pub const NOT_ALLOWED: u8 = 0;
/// Modifier indicator: 59/XE/XS/XP/XU on the column-two code bypasses the edit.
pub const ALLOWED: u8 = 1;
/// Modifier indicator: the edit does not apply.
pub const NOT_APPLICABLE: u8 = 9;

/// One built-in pair, with where it comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BuiltinPair {
    pub column1: &'static str,
    pub column2: &'static str,
    pub indicator: u8,
    /// First date the edit applies, where the sources give one.
    pub effective: Option<Date>,
    /// Found in two or more independent sources (shared/policy marks the rest UNCONFIRMED).
    pub confirmed: bool,
    /// Which code is column one is confirmed (when not, a modifier on either line passes).
    pub order_confirmed: bool,
    pub rationale: &'static str,
    /// Source keys from shared/policy §10.
    pub sources: &'static str,
}

const fn pair(
    column1: &'static str,
    column2: &'static str,
    rationale: &'static str,
    sources: &'static str,
) -> BuiltinPair {
    BuiltinPair {
        column1,
        column2,
        indicator: ALLOWED,
        effective: None,
        confirmed: true,
        order_confirmed: true,
        rationale,
        sources,
    }
}
const fn unconfirmed(mut p: BuiltinPair) -> BuiltinPair {
    p.confirmed = false;
    p
}
const fn order_unconfirmed(mut p: BuiltinPair) -> BuiltinPair {
    p.order_confirmed = false;
    p
}
const fn since(mut p: BuiltinPair, year: i32, month: u32, day: u32) -> BuiltinPair {
    p.effective = Some(Date { year, month, day });
    p
}

const ME: &str = "Mutually exclusive procedures";
const GROUP: &str = "Group and one-on-one therapy are paid the same day only in separate sessions";
const COMPONENT: &str = "Component of the column one service";

/// The therapy pairs of shared/policy §7.2. The 2020 hard edits between evaluations and
/// 97530/97150 are left out on purpose: CMS reversed them within weeks ([APTA-NCCIQA],
/// [CASAMBA], [WEBPT-NCCI20], [APTA-NCCI]).
pub static THERAPY_PAIRS: &[BuiltinPair] = &[
    pair("97140", "97530", ME, "[WEBPT-59], [HEALTHIES], [ADVANCE]"),
    unconfirmed(pair(
        "97530",
        "97116",
        COMPONENT,
        "[ADVANCE] only (UNCONFIRMED)",
    )),
    unconfirmed(pair(
        "97113",
        "97110",
        COMPONENT,
        "[ADVANCE] only (UNCONFIRMED)",
    )),
    pair("97012", "97140", ME, "[AAPC-59], [ADVANCE]"),
    // 97150 (group) is column one: without a modifier only the group code pays.
    pair(
        "97150",
        "97110",
        GROUP,
        "[AAPC-150], [AAPC-150b], [ADVANCE]",
    ),
    pair(
        "97150",
        "97112",
        GROUP,
        "[AAPC-150], [AAPC-150b], [ADVANCE]",
    ),
    unconfirmed(pair(
        "97150",
        "97113",
        GROUP,
        "[ADVANCE] (range 97110–97542 only; UNCONFIRMED per code)",
    )),
    unconfirmed(pair(
        "97150",
        "97116",
        GROUP,
        "[ADVANCE] (range 97110–97542 only; UNCONFIRMED per code)",
    )),
    unconfirmed(pair(
        "97150",
        "97140",
        GROUP,
        "[ADVANCE] (range 97110–97542 only; UNCONFIRMED per code)",
    )),
    unconfirmed(pair(
        "97150",
        "97530",
        GROUP,
        "[ADVANCE] (range 97110–97542 only; UNCONFIRMED per code)",
    )),
    unconfirmed(pair(
        "97150",
        "97535",
        COMPONENT,
        "[ADVANCE] only (UNCONFIRMED; indicator not given, 1 assumed)",
    )),
    since(
        order_unconfirmed(pair(
            "97161",
            "97140",
            ME,
            "[APTA-NCCI], [CASAMBA], [ELITE] (column order UNCONFIRMED)",
        )),
        2020,
        1,
        1,
    ),
    since(
        order_unconfirmed(pair(
            "97162",
            "97140",
            ME,
            "[APTA-NCCI], [CASAMBA], [ELITE] (column order UNCONFIRMED)",
        )),
        2020,
        1,
        1,
    ),
    since(
        order_unconfirmed(pair(
            "97163",
            "97140",
            ME,
            "[APTA-NCCI], [CASAMBA], [ELITE] (column order UNCONFIRMED)",
        )),
        2020,
        1,
        1,
    ),
    // The re-evaluation is column two: 59/X goes on 97164.
    pair("97530", "97164", ME, "[APTA-NCCI], [ELITE]"),
    pair("97150", "97164", ME, "[APTA-NCCI], [ELITE]"),
    unconfirmed(pair("97530", "97168", ME, "[ELITE] only (UNCONFIRMED)")),
    unconfirmed(pair("97150", "97168", ME, "[ELITE] only (UNCONFIRMED)")),
    unconfirmed(order_unconfirmed(pair(
        "97750",
        "97161",
        COMPONENT,
        "[CA97750], [MEDPAY750] (secondary only; UNCONFIRMED)",
    ))),
    unconfirmed(order_unconfirmed(pair(
        "97750",
        "97162",
        COMPONENT,
        "[CA97750], [MEDPAY750] (secondary only; UNCONFIRMED)",
    ))),
    unconfirmed(order_unconfirmed(pair(
        "97750",
        "97163",
        COMPONENT,
        "[CA97750], [MEDPAY750] (secondary only; UNCONFIRMED)",
    ))),
    unconfirmed(order_unconfirmed(pair(
        "97750",
        "97164",
        COMPONENT,
        "[CA97750], [MEDPAY750] (secondary only; UNCONFIRMED)",
    ))),
    unconfirmed(order_unconfirmed(pair(
        "97750",
        "97165",
        COMPONENT,
        "[CA97750], [MEDPAY750] (secondary only; UNCONFIRMED)",
    ))),
    unconfirmed(order_unconfirmed(pair(
        "97750",
        "97166",
        COMPONENT,
        "[CA97750], [MEDPAY750] (secondary only; UNCONFIRMED)",
    ))),
    unconfirmed(order_unconfirmed(pair(
        "97750",
        "97167",
        COMPONENT,
        "[CA97750], [MEDPAY750] (secondary only; UNCONFIRMED)",
    ))),
    unconfirmed(order_unconfirmed(pair(
        "97750",
        "97168",
        COMPONENT,
        "[CA97750], [MEDPAY750] (secondary only; UNCONFIRMED)",
    ))),
];

/// Where an edit came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// The CMS PTP file the EMR loaded.
    CmsFile,
    /// chartlint's built-in therapy pairs.
    BuiltIn {
        confirmed: bool,
        order_confirmed: bool,
    },
    /// The payer pack's own pair edits (`extraPairs`).
    Payer,
}

/// An edit that applies to two codes on a date of service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub column1: String,
    pub column2: String,
    pub indicator: u8,
    pub rationale: String,
    pub origin: Origin,
}

/// A CPT/HCPCS code packed into five bytes.
type Code5 = [u8; 5];

fn pack(code: &str) -> Option<Code5> {
    let b = code.as_bytes();
    if b.len() != 5 {
        return None;
    }
    let mut out = [0u8; 5];
    out.copy_from_slice(b);
    Some(out)
}

fn unpack(code: &Code5) -> String {
    String::from_utf8_lossy(code).into_owned()
}

/// One edit row of the official file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Row {
    column1: Code5,
    column2: Code5,
    effective: Date,
    deletion: Option<Date>,
    indicator: u8,
    rationale: u16,
}

impl Row {
    fn active_on(&self, date: Date) -> bool {
        self.indicator != NOT_APPLICABLE
            && self.effective <= date
            && self.deletion.map_or(true, |d| date < d)
    }
}

/// The official practitioner PTP edits, parsed once.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PtpTable {
    /// Sorted by (column1, column2).
    rows: Vec<Row>,
    /// Distinct rationale texts (rows point into this list).
    rationales: Vec<String>,
}

/// Reads `YYYYMMDD`.
fn yyyymmdd(s: &str) -> Option<Date> {
    if s.len() != 8 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i32 = s.get(0..4)?.parse().ok()?;
    let m: u32 = s.get(4..6)?.parse().ok()?;
    let d: u32 = s.get(6..8)?.parse().ok()?;
    Date::new(y, m, d)
}

fn clean(field: &str) -> &str {
    field.trim().trim_matches('"').trim()
}

impl PtpTable {
    /// Parses the CMS practitioner PTP file as published (tab-delimited text; a comma-separated
    /// export of the same columns is read too). Lines before the first edit (the AMA notice,
    /// the header) are skipped. A line that starts with two codes but whose dates or
    /// indicator cannot be read is an error naming the line, so a damaged file is never
    /// silently half-loaded.
    pub fn parse(text: &str) -> Result<PtpTable, String> {
        let mut table = PtpTable::default();
        for (n, line) in text.lines().enumerate() {
            let fields: Vec<&str> = if line.contains('\t') {
                line.split('\t').map(clean).collect()
            } else {
                line.splitn(7, ',').map(clean).collect()
            };
            let (Some(c1), Some(c2)) = (fields.first(), fields.get(1)) else {
                continue;
            };
            if !looks_like_code(c1) || !looks_like_code(c2) {
                continue; // copyright notice, header, blank line
            }
            let bad = |what: &str| {
                format!("line {}: {what} (expected the CMS practitioner PTP file layout: Column 1, Column 2, *=in existence prior to 1996, Effective Date YYYYMMDD, Deletion Date YYYYMMDD or *, Modifier 0/1/9, PTP Edit Rationale)", n + 1)
            };
            let effective = fields
                .get(3)
                .and_then(|s| yyyymmdd(s))
                .ok_or_else(|| bad("the effective date is not a date written YYYYMMDD"))?;
            let deletion = match fields.get(4).copied() {
                Some("*") | Some("") => None,
                Some(s) => Some(yyyymmdd(s).ok_or_else(|| {
                    bad("the deletion date is neither a date written YYYYMMDD nor *")
                })?),
                None => return Err(bad("the deletion date is missing")),
            };
            let indicator = match fields.get(5).copied() {
                Some("0") => NOT_ALLOWED,
                Some("1") => ALLOWED,
                Some("9") => NOT_APPLICABLE,
                _ => return Err(bad("the modifier indicator is not 0, 1 or 9")),
            };
            let rationale_text = fields.get(6).copied().unwrap_or("");
            let rationale = match table.rationales.iter().position(|r| r == rationale_text) {
                Some(p) => p,
                None => {
                    table
                        .rationales
                        .push(rationale_text.chars().take(200).collect());
                    table.rationales.len() - 1
                }
            };
            let (Some(column1), Some(column2)) = (pack(c1), pack(c2)) else {
                continue;
            };
            table.rows.push(Row {
                column1,
                column2,
                effective,
                deletion,
                indicator,
                rationale: u16::try_from(rationale).unwrap_or(u16::MAX),
            });
        }
        if table.rows.is_empty() {
            return Err("no edits found: expected the CMS practitioner PTP file (tab-delimited, columns Column 1, Column 2, *=in existence prior to 1996, Effective Date, Deletion Date, Modifier, PTP Edit Rationale)".into());
        }
        crate::sort::sort_by_key(&mut table.rows, |r| (r.column1, r.column2, r.effective));
        Ok(table)
    }

    /// Number of edit rows read (deleted ones included).
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The edit with `column1` and `column2` in that order that applies on `date`.
    pub fn find(&self, column1: &str, column2: &str, date: Date) -> Option<Edit> {
        let key = (pack(column1)?, pack(column2)?);
        let start = self.rows.partition_point(|r| (r.column1, r.column2) < key);
        self.rows
            .get(start..)?
            .iter()
            .take_while(|r| (r.column1, r.column2) == key)
            .filter(|r| r.active_on(date))
            .last()
            .map(|r| Edit {
                column1: unpack(&r.column1),
                column2: unpack(&r.column2),
                indicator: r.indicator,
                rationale: self
                    .rationales
                    .get(usize::from(r.rationale))
                    .cloned()
                    .unwrap_or_default(),
                origin: Origin::CmsFile,
            })
    }
}

/// The built-in edit with `column1` and `column2` in that order that applies on `date`.
pub fn builtin(column1: &str, column2: &str, date: Date) -> Option<Edit> {
    THERAPY_PAIRS
        .iter()
        .find(|p| {
            p.column1 == column1 && p.column2 == column2 && p.effective.map_or(true, |e| e <= date)
        })
        .map(|p| Edit {
            column1: p.column1.to_string(),
            column2: p.column2.to_string(),
            indicator: p.indicator,
            rationale: p.rationale.to_string(),
            origin: Origin::BuiltIn {
                confirmed: p.confirmed,
                order_confirmed: p.order_confirmed,
            },
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap_or_else(|| unreachable!())
    }

    #[test]
    fn builtin_pairs_are_well_formed() {
        for p in THERAPY_PAIRS {
            assert!(
                looks_like_code(p.column1) && looks_like_code(p.column2),
                "{p:?}"
            );
            assert_ne!(p.column1, p.column2);
            assert!(!p.sources.is_empty());
            if !p.confirmed {
                assert!(
                    p.sources.contains("UNCONFIRMED"),
                    "{p:?} must say it is unconfirmed"
                );
            }
        }
        assert!(builtin("97140", "97530", d("2025-03-10")).is_some());
        assert!(builtin("97530", "97140", d("2025-03-10")).is_none());
        assert!(builtin("97161", "97140", d("2019-12-31")).is_none());
        assert!(builtin("97161", "97140", d("2020-01-01")).is_some());
    }

    #[test]
    fn parses_dates_and_rejects_bad_rows() {
        assert_eq!(yyyymmdd("20250101"), Some(d("2025-01-01")));
        assert_eq!(yyyymmdd("20250230"), None);
        let bad = "Column 1\tColumn 2\nX\n97140\t97530\t\t2025-01-01\t*\t1\tMutually exclusive procedures\n";
        assert!(PtpTable::parse(bad)
            .err()
            .is_some_and(|e| e.contains("line 3")));
        assert!(PtpTable::parse("just a notice\n").is_err());
    }
}
