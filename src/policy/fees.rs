//! Fee data: the national RVUs chartlint carries, the loader for the official CMS PPRRVU
//! file, and the `config.feeSchedule` an EMR can give in their place.
//!
//! ## Embedded national RVUs
//!
//! `data/rvus-2025-2026.csv` holds, for 45 therapy codes, the national work, non-facility
//! practice expense (PE) and malpractice (MP) RVUs exactly as CMS's PPRRVU files print them:
//! CY2025 from RVU25A (identical in RVU25D), CY2026 from RVU26C (July, non-QP)
//! (`shared/policy` §8.2; the `sources` column names the second sources where there are any).
//! `build.rs` turns it into a static array sorted by year and code, searched as it is: nothing
//! is parsed at start-up or per check. There are no embedded
//! RVUs for 2023 and 2024: for those dates an EMR gives them through `config.feeSchedule`,
//! and without them chartlint shows no amounts rather than guess.
//!
//! ## `config.feeSchedule`
//!
//! ```json
//! { "kind": "rvu", "rvus": { "97110": { "work": "0.45", "pe": "0.43", "mp": "0.01" } },
//!   "pprrvuFile": "…text of PPRRVU2026_Jul_nonQPP.csv…", "conversionFactor": "33.4009",
//!   "gpci": { "work": "1.000", "pe": "0.938", "mp": "0.797" }, "qualifyingApm": false }
//! { "kind": "allowed", "amounts": { "97110": "31.50", "97140": "29.00" } }
//! ```
//!
//! * `rvu`: the Medicare physician fee schedule. RVUs come from `rvus` (first), then the
//!   PPRRVU file, then the embedded table for the date of service's year; they apply to
//!   every date of service. `gpci` defaults to 1 (national). `conversionFactor` overrides
//!   the factor in force on the date of service; `qualifyingApm: true` picks the
//!   qualifying-APM factor where CMS sets one (2026); a PPRRVU file whose `CONV FACTOR` is
//!   that year's QP factor (CMS's QP file) does the same. The file's own `CONV FACTOR` is
//!   used as the factor only for dates after the last year chartlint carries figures for:
//!   for known years the factor in force on the date of service is right even when the
//!   file is from another quarter (the 2024 mid-year change).
//! * `allowed`: a contracted fee schedule, an amount per unit of each code, for payers other
//!   than Medicare (Medicare notes are always priced on the physician fee schedule).

use crate::error::InputError;
use crate::input::{describe, money, Obj};
use crate::policy::codes;
use rust_decimal::Decimal;
use serde_json::Value;
use std::collections::HashMap;
use std::str::FromStr;

/// Whether Medicare pays a code separately, from its PFS status code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Payable {
    /// Status A (active) or T (paid when no other service that day is paid): priced from RVUs.
    Yes,
    /// Status B (bundled), R (restricted), and the statuses Medicare does not pay under the
    /// fee schedule (I, N, X, E, P, M, …): paid nothing separately.
    No,
    /// Status C: carrier priced, no national amount.
    Unknown,
}

/// One code's national RVUs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rvu {
    pub work: Decimal,
    /// Non-facility practice expense (private practice; `shared/policy` §8).
    pub pe: Decimal,
    pub mp: Decimal,
    /// PFS status code (A, B, R, …).
    pub status: char,
    /// Subject to the therapy multiple procedure payment reduction (PPRRVU `MULT PROC` 5).
    pub mppr: bool,
}

impl Rvu {
    pub fn payable(&self) -> Payable {
        match self.status {
            'A' | 'T' => Payable::Yes,
            'C' => Payable::Unknown,
            _ => Payable::No,
        }
    }
}

/// Geographic practice cost indices (1 each: national amounts).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gpci {
    pub work: Decimal,
    pub pe: Decimal,
    pub mp: Decimal,
}

impl Default for Gpci {
    fn default() -> Self {
        Gpci {
            work: Decimal::ONE,
            pe: Decimal::ONE,
            mp: Decimal::ONE,
        }
    }
}

/// The physician fee schedule data a clinic gave.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RvuSchedule {
    /// From `rvus` laid over the PPRRVU file's rows.
    pub rvus: HashMap<String, Rvu>,
    /// The PPRRVU file's `CONV FACTOR`, when it has one.
    pub file_conversion_factor: Option<Decimal>,
    /// `conversionFactor`: overrides the factor of the date of service.
    pub conversion_factor: Option<Decimal>,
    pub gpci: Gpci,
    /// `qualifyingApm`: use the qualifying-APM-participant factor where CMS sets one.
    pub qualifying_apm: bool,
}

/// A validated `config.feeSchedule`.
#[derive(Debug, Clone, PartialEq)]
pub enum FeeSchedule {
    Rvu(RvuSchedule),
    /// Contracted amount per unit, by code.
    Allowed(HashMap<String, Decimal>),
}

/// Most codes a config's `rvus` or `amounts` may list.
const MAX_CODES: usize = 20_000;

impl FeeSchedule {
    /// Validates `config.feeSchedule` (`path` names it in errors). The PPRRVU file is parsed
    /// here, once per `Checker`.
    pub fn from_value(v: &Value, path: &str) -> Result<FeeSchedule, InputError> {
        let o = Obj::new(v, path)?;
        match o.req_enum("kind", &["rvu", "allowed"])? {
            "allowed" => {
                let amounts = o.opt_obj("amounts")?.ok_or_else(|| {
                    InputError::new(
                        o.path_of("amounts"),
                        "is required for kind \"allowed\": { \"97110\": \"31.50\", … }",
                    )
                })?;
                let mut out = HashMap::new();
                for (i, (code, amount)) in amounts.entries().enumerate() {
                    if i >= MAX_CODES {
                        return Err(InputError::new(
                            &amounts.path,
                            format!("lists more than {MAX_CODES} codes"),
                        ));
                    }
                    let p = amounts.path_of(code);
                    out.insert(parse_code(code, &p)?, money(amount, &p)?);
                }
                Ok(FeeSchedule::Allowed(out))
            }
            _ => {
                let mut s = RvuSchedule::default();
                if let Some(text) = o.opt_str("pprrvuFile")? {
                    let file = load_pprrvu(text)
                        .map_err(|e| InputError::new(o.path_of("pprrvuFile"), e))?;
                    s.rvus = file.rvus;
                    s.file_conversion_factor = file.conversion_factor;
                }
                if let Some(rvus) = o.opt_obj("rvus")? {
                    for (i, (code, entry)) in rvus.entries().enumerate() {
                        if i >= MAX_CODES {
                            return Err(InputError::new(
                                &rvus.path,
                                format!("lists more than {MAX_CODES} codes"),
                            ));
                        }
                        let p = rvus.path_of(code);
                        let code = parse_code(code, &p)?;
                        let e = Obj::new(entry, &p)?;
                        let part = |k: &str| -> Result<Decimal, InputError> {
                            let v = e.get(k).ok_or_else(|| {
                                InputError::new(
                                    e.path_of(k),
                                    "is required: an RVU as a decimal string such as \"0.45\"",
                                )
                            })?;
                            money(v, &e.path_of(k))
                        };
                        let mppr = codes::lookup(&code).is_some();
                        s.rvus.insert(
                            code,
                            Rvu {
                                work: part("work")?,
                                pe: part("pe")?,
                                mp: part("mp")?,
                                status: 'A',
                                mppr,
                            },
                        );
                    }
                }
                if let Some(cf) = o.get("conversionFactor") {
                    let cf = money(cf, &o.path_of("conversionFactor"))?;
                    if cf.is_zero() {
                        return Err(InputError::new(
                            o.path_of("conversionFactor"),
                            "expected a conversion factor above 0, such as \"33.4009\"",
                        ));
                    }
                    s.conversion_factor = Some(cf);
                }
                if let Some(g) = o.opt_obj("gpci")? {
                    let part = |k: &str| -> Result<Decimal, InputError> {
                        match g.get(k) {
                            None => Ok(Decimal::ONE),
                            Some(v) => {
                                let d = money(v, &g.path_of(k))?;
                                if d.is_zero() || d > Decimal::from(10) {
                                    return Err(InputError::new(
                                        g.path_of(k),
                                        "expected an index between 0 and 10, such as \"1.000\"",
                                    ));
                                }
                                Ok(d)
                            }
                        }
                    };
                    s.gpci = Gpci {
                        work: part("work")?,
                        pe: part("pe")?,
                        mp: part("mp")?,
                    };
                }
                s.qualifying_apm = o.opt_bool("qualifyingApm")?.unwrap_or(false);
                Ok(FeeSchedule::Rvu(s))
            }
        }
    }
}

fn parse_code(code: &str, path: &str) -> Result<String, InputError> {
    let c = code.trim().to_ascii_uppercase();
    if codes::looks_like_code(&c) {
        Ok(c)
    } else {
        Err(InputError::new(
            path,
            format!(
                "is not a CPT or HCPCS code (expected five characters such as \"97110\", got {})",
                describe(&Value::String(code.to_string()))
            ),
        ))
    }
}

// ---------------------------------------------------------------------------------------
// Embedded RVUs

#[cfg(test)]
const EMBEDDED_CSV: &str = include_str!("data/rvus-2025-2026.csv");

// `static EMBEDDED: [((year, code), Rvu); _]`, sorted by year and code.
include!(concat!(env!("OUT_DIR"), "/rvu_table.rs"));

/// Parses the embedded CSV (what `build.rs` does, checked against its table by a test) (`year,code,status,work_rvu,nonfac_pe_rvu,fac_pe_rvu,mp_rvu,…`).
/// Every row is checked by a unit test; a malformed row would be skipped, not panic.
#[cfg(test)]
fn parse_embedded(text: &str) -> HashMap<(i32, String), Rvu> {
    let mut out = HashMap::new();
    let mut reader = CsvReader::new(text);
    let _header = reader.next_record();
    while let Some(rec) = reader.next_record() {
        let cell = |i: usize| rec.get(i).map(|s| s.trim()).unwrap_or("");
        let (Ok(year), Ok(work), Ok(pe), Ok(mp)) = (
            cell(0).parse::<i32>(),
            Decimal::from_str(cell(3)),
            Decimal::from_str(cell(4)),
            Decimal::from_str(cell(6)),
        ) else {
            continue;
        };
        let status = cell(2).chars().next().unwrap_or('A');
        // Every code in the table is an "always therapy" code with MULT PROC indicator 5.
        out.insert(
            (year, cell(1).to_string()),
            Rvu {
                work,
                pe,
                mp,
                status,
                mppr: true,
            },
        );
    }
    out
}

/// The embedded national RVUs of `code` for calendar `year` (2025 and 2026).
pub fn embedded(year: i32, code: &str) -> Option<&'static Rvu> {
    EMBEDDED
        .binary_search_by(|((y, c), _)| (*y, *c).cmp(&(year, code)))
        .ok()
        .and_then(|i| EMBEDDED.get(i))
        .map(|(_, r)| r)
}

/// Number of rows in the embedded table (for tests and docs).
pub fn embedded_len() -> usize {
    EMBEDDED.len()
}

// ---------------------------------------------------------------------------------------
// The CMS PPRRVU file

/// What a PPRRVU file gave.
#[derive(Debug, Clone, PartialEq)]
pub struct PprrvuFile {
    /// Rows with no modifier (the global service), by code.
    pub rvus: HashMap<String, Rvu>,
    /// The `CONV FACTOR` column's value, when the file has one.
    pub conversion_factor: Option<Decimal>,
}

/// A header cell normalized for matching: upper case, every run of punctuation and
/// whitespace (line breaks, double spaces, hyphens, underscores) as one space.
fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            push_upper(c, &mut out);
        }
    }
    out
}

/// `c` in upper case as far as matching the (ASCII) column names goes: ASCII letters are
/// upper-cased, and so are the nine other characters whose upper case is ASCII (`ß` → `SS`,
/// `ı` → `I`, `ſ` → `S`, the ligatures `ﬀ`–`ﬆ`); any other character stays as it is, and a
/// word holding one matches no column name either way. Without `char::to_uppercase` the
/// package carries no Unicode case-mapping table for upper case (docs/size.md).
fn push_upper(c: char, out: &mut String) {
    let s = match c {
        'ß' => "SS",
        'ı' => "I",
        'ſ' => "S",
        'ﬀ' => "FF",
        'ﬁ' => "FI",
        'ﬂ' => "FL",
        'ﬃ' => "FFI",
        'ﬄ' => "FFL",
        'ﬅ' | 'ﬆ' => "ST",
        c => {
            out.push(c.to_ascii_uppercase());
            return;
        }
    };
    out.push_str(s);
}

/// Loads the CMS PPRRVU CSV as published (RVUyyA–D zips, `shared/policy` §7.4): title and
/// copyright lines, then a header whose row starts with `HCPCS` (around row 10). In most
/// releases the header is split over two rows (`WORK` above `RVU`, `NON-FAC` above
/// `PE RVU`, `STATUS` above `CODE`); in others it is one row (`WORK RVU`,
/// `NON-FAC PE RVU`). Both are read by joining the row above the `HCPCS` row when it is a
/// header row too, normalizing whitespace and case, and finding columns by their words.
/// Rows with a modifier (26, TC, 53) are skipped: the global service has an empty `MOD`.
pub fn load_pprrvu(text: &str) -> Result<PprrvuFile, String> {
    let mut reader = CsvReader::new(text);
    let mut prev: Option<Vec<String>> = None;
    let header = loop {
        let Some(rec) = reader.next_record() else {
            return Err("no header row starting with HCPCS was found; expected the CMS PPRRVU CSV as published".into());
        };
        if rec.first().is_some_and(|c| normalize(c) == "HCPCS") {
            break rec;
        }
        prev = Some(rec);
    };
    // The row above is part of the header when its first two cells are empty and it names
    // several columns (title lines carry one cell).
    let above = prev.filter(|p| {
        p.iter().take(2).all(|c| c.trim().is_empty())
            && p.iter().filter(|c| !c.trim().is_empty()).count() >= 4
    });
    let names: Vec<Vec<String>> = header
        .iter()
        .enumerate()
        .map(|(i, cur)| {
            let top = above
                .as_ref()
                .and_then(|a| a.get(i))
                .map(String::as_str)
                .unwrap_or("");
            normalize(&format!("{top} {cur}"))
                .split(' ')
                .map(str::to_string)
                .collect()
        })
        .collect();
    let has = |words: &[String], w: &str| words.iter().any(|x| x == w);
    let find = |pred: &dyn Fn(&[String]) -> bool| names.iter().position(|w| pred(w));

    let col_mod = find(&|w| w.len() == 1 && (has(w, "MOD") || has(w, "MODIFIER")));
    let col_status = find(&|w| has(w, "STATUS"));
    let col_work = find(&|w| has(w, "WORK") && !has(w, "OPPS"));
    let col_pe = find(&|w| {
        has(w, "PE")
            && (has(w, "NON") || has(w, "NONFAC") || has(w, "NONFACILITY"))
            && !has(w, "OPPS")
            && !has(w, "NA")
            && !has(w, "INDICATOR")
    });
    let col_mp =
        find(&|w| (has(w, "MP") || has(w, "MALPRACTICE")) && !has(w, "OPPS") && !has(w, "TOTAL"));
    let col_mult = find(&|w| has(w, "MULT"));
    let col_conv = find(&|w| has(w, "CONV"));

    let mut missing = Vec::new();
    for (col, name) in [
        (col_work, "WORK RVU"),
        (col_pe, "NON-FAC PE RVU"),
        (col_mp, "MP RVU"),
    ] {
        if col.is_none() {
            missing.push(name);
        }
    }
    let (Some(col_work), Some(col_pe), Some(col_mp)) = (col_work, col_pe, col_mp) else {
        return Err(format!(
            "the header row has no {} column",
            missing.join(", ")
        ));
    };

    let mut rvus = HashMap::new();
    let mut conversion_factor = None;
    while let Some(rec) = reader.next_record() {
        let cell = |i: Option<usize>| i.and_then(|i| rec.get(i)).map(|s| s.trim()).unwrap_or("");
        let code = cell(Some(0)).to_ascii_uppercase();
        if !codes::looks_like_code(&code) || !cell(col_mod).is_empty() {
            continue;
        }
        let (Ok(work), Ok(pe), Ok(mp)) = (
            Decimal::from_str(cell(Some(col_work))),
            Decimal::from_str(cell(Some(col_pe))),
            Decimal::from_str(cell(Some(col_mp))),
        ) else {
            continue;
        };
        let status = cell(col_status)
            .chars()
            .next()
            .map_or('A', |c| c.to_ascii_uppercase());
        let mppr = match col_mult {
            Some(_) => cell(col_mult) == "5",
            None => codes::lookup(&code).is_some(),
        };
        if conversion_factor.is_none() {
            conversion_factor = Decimal::from_str(cell(col_conv))
                .ok()
                .filter(|cf| cf.is_sign_positive() && !cf.is_zero());
        }
        rvus.entry(code).or_insert(Rvu {
            work,
            pe,
            mp,
            status,
            mppr,
        });
    }
    if rvus.is_empty() {
        return Err("no rows with a HCPCS code and RVUs were found under the header".into());
    }
    Ok(PprrvuFile {
        rvus,
        conversion_factor,
    })
}

/// A small CSV reader (RFC 4180: quoted fields, doubled quotes, CRLF or LF).
struct CsvReader<'a> {
    chars: std::iter::Peekable<std::str::Chars<'a>>,
}

impl<'a> CsvReader<'a> {
    fn new(text: &'a str) -> Self {
        CsvReader {
            chars: text
                .strip_prefix('\u{feff}')
                .unwrap_or(text)
                .chars()
                .peekable(),
        }
    }

    fn next_record(&mut self) -> Option<Vec<String>> {
        self.chars.peek()?;
        let mut rec = Vec::new();
        let mut field = String::new();
        let mut quoted = false;
        while let Some(c) = self.chars.next() {
            if quoted {
                if c == '"' {
                    if self.chars.peek() == Some(&'"') {
                        self.chars.next();
                        field.push('"');
                    } else {
                        quoted = false;
                    }
                } else {
                    field.push(c);
                }
                continue;
            }
            match c {
                '"' => quoted = true,
                ',' => rec.push(std::mem::take(&mut field)),
                '\r' if self.chars.peek() == Some(&'\n') => {}
                '\n' | '\r' => {
                    rec.push(field);
                    return Some(rec);
                }
                _ => field.push(c),
            }
        }
        rec.push(field);
        Some(rec)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap_or_default()
    }

    #[test]
    fn the_build_embeds_what_the_file_says() {
        // The table `build.rs` wrote is the file read as before: same rows, same digits
        // and scale (a `Decimal` prints its scale), same status.
        let parsed = parse_embedded(EMBEDDED_CSV);
        assert_eq!(parsed.len(), EMBEDDED.len());
        let show = |r: &Rvu| {
            (
                r.work.to_string(),
                r.pe.to_string(),
                r.mp.to_string(),
                r.status,
                r.mppr,
            )
        };
        for ((year, code), r) in &parsed {
            let got = embedded(*year, code);
            assert_eq!(got.map(show), Some(show(r)), "{year} {code}");
        }
        assert!(EMBEDDED.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn embedded_rows_add_up_and_cover_both_years() {
        assert_eq!(embedded_len(), 90);
        let mut reader = CsvReader::new(EMBEDDED_CSV);
        reader.next_record();
        let mut rows = 0;
        while let Some(rec) = reader.next_record() {
            let cell = |i: usize| rec.get(i).map(String::as_str).unwrap_or("");
            if cell(7).is_empty() {
                continue;
            }
            rows += 1;
            let year: i32 = cell(0).parse().unwrap_or(0);
            let r = embedded(year, cell(1));
            assert!(r.is_some(), "{} {} missing", cell(0), cell(1));
            let sum = r.map(|r| r.work + r.pe + r.mp);
            assert_eq!(
                sum,
                Some(d(cell(7))),
                "{} {}: components must add to the total",
                cell(0),
                cell(1)
            );
        }
        assert_eq!(rows, 90);
        let r = embedded(2025, "97110").copied();
        assert_eq!(
            r.map(|r| (r.work, r.pe, r.mp, r.status)),
            Some((d("0.45"), d("0.43"), d("0.01"), 'A'))
        );
        assert_eq!(
            embedded(2026, "97010").map(|r| r.payable()),
            Some(Payable::No)
        );
        assert_eq!(
            embedded(2025, "97026").map(|r| r.payable()),
            Some(Payable::No)
        );
        assert!(embedded(2024, "97110").is_none());
    }

    #[test]
    fn csv_reader_handles_quotes_and_line_ends() {
        let mut r = CsvReader::new("a,\"b, c\",\"say \"\"hi\"\"\"\r\n,x\n");
        assert_eq!(
            r.next_record(),
            Some(vec!["a".to_string(), "b, c".into(), "say \"hi\"".into()])
        );
        assert_eq!(r.next_record(), Some(vec![String::new(), "x".into()]));
        assert_eq!(r.next_record(), None);
    }

    #[test]
    fn header_words_are_normalized() {
        assert_eq!(normalize("NON-FAC  PE\nRVU "), "NON FAC PE RVU");
        assert_eq!(normalize("\u{feff}HCPCS"), "HCPCS");
        assert_eq!(normalize("ſtatus Maß"), "STATUS MASS");
    }

    #[test]
    fn header_upper_case_matches_unicode_upper_case() {
        // For every character, `push_upper` gives the Unicode upper case whenever that is
        // ASCII (so a header word equals an ASCII column name exactly when its Unicode upper
        // case does), and keeps a non-ASCII character otherwise.
        for c in (0..=0x10_ffff).filter_map(char::from_u32) {
            let unicode: String = c.to_uppercase().collect();
            let mut ours = String::new();
            push_upper(c, &mut ours);
            if unicode.is_ascii() {
                assert_eq!(ours, unicode, "{c:?}");
            } else {
                assert!(!ours.is_ascii(), "{c:?}");
            }
        }
    }
}
