//! ICD-10-CM diagnosis codes: the structural rules every code obeys, a short list of codes
//! deleted in recent fiscal years, and a loader for the full CMS code file.
//!
//! **Structure** (ICD-10-CM Official Guidelines for Coding and Reporting, Section I.A–B;
//! CMS/NCHS ICD-10-CM tabular list conventions): 3 to 7 characters; the first a letter, the
//! second a digit, the third a digit or letter; a decimal point after the third character
//! when there are more than three. Categories that take a **7th character** (chapter 19
//! injuries S00–T88, except the burn-extent categories T31 and T32; M80, M84.3–M84.7,
//! M97 (periprosthetic) and M48.4–M48.5 fractures; M1A chronic gout) need all seven, with
//! the placeholder **X** filling empty places before the 7th (S33.5XXA); elsewhere the
//! placeholder X only holds the fifth place before a sixth character (M22.2X1).
//!
//! **Deleted codes**: ICD-10-CM changes every 1 October. [`DELETED`] lists codes therapy
//! notes often carry that were turned into categories (so they are no longer billable) in
//! recent years, with the codes that replaced them.
//!
//! **The full list**: an EMR can pass the CMS ICD-10-CM file (`config.icd10File`): either
//! the order file (`icd10cm_order_YYYY.txt`: order number, code, 0/1 billable flag, short
//! and long description, fixed width) or the code-descriptions file
//! (`icd10cm_codes_YYYY.txt`: code, then description; billable codes only). Codes in these
//! files have no decimal point. With the file loaded, a code is valid exactly when the file
//! lists it as billable.

use crate::date::Date;
use std::collections::HashSet;

/// A code deleted (made a non-billable category) on a date, and what replaced it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deleted {
    pub code: &'static str,
    /// First date of service on which the code is no longer valid (the fiscal year's 1 October).
    pub on: Date,
    pub replacements: &'static [&'static str],
    pub source: &'static str,
}

const fn oct1(year: i32) -> Date {
    Date {
        year,
        month: 10,
        day: 1,
    }
}

/// Codes deleted in recent years that therapy notes still carry.
pub static DELETED: &[Deleted] = &[
    Deleted {
        code: "M48.06",
        on: oct1(2017),
        replacements: &["M48.061", "M48.062"],
        source: "CMS FY2018 ICD-10-CM addenda (spinal stenosis, lumbar: without / with neurogenic claudication)",
    },
    Deleted {
        code: "M54.5",
        on: oct1(2021),
        replacements: &["M54.50", "M54.51", "M54.59"],
        source: "CMS FY2022 ICD-10-CM addenda (low back pain: unspecified, vertebrogenic, other)",
    },
    Deleted {
        code: "M79.1",
        on: oct1(2021),
        replacements: &["M79.10", "M79.11", "M79.12", "M79.18"],
        source: "CMS FY2022 ICD-10-CM addenda (myalgia by site)",
    },
    Deleted {
        code: "R05",
        on: oct1(2021),
        replacements: &["R05.1", "R05.2", "R05.3", "R05.4", "R05.8", "R05.9"],
        source: "CMS FY2022 ICD-10-CM addenda (cough by type)",
    },
    Deleted {
        code: "E66.8",
        on: oct1(2024),
        replacements: &["E66.811", "E66.812", "E66.813", "E66.89"],
        source: "CMS FY2025 ICD-10-CM addenda (obesity classes 1–3, other obesity)",
    },
];

/// What is wrong with a diagnosis code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Not shaped like an ICD-10-CM code at all.
    Shape,
    /// A category that needs a 7th character, given with fewer than seven characters.
    /// `suggestion` is the code padded with placeholder X when its last character looks
    /// like a 7th character.
    NeedsSeventh { suggestion: Option<String> },
    /// The 7th character is not one the category uses; `allowed` lists them.
    BadSeventh { allowed: &'static str },
    /// A placeholder X in a code that has no 7th character.
    StrayPlaceholder,
    /// Deleted before the date of service.
    Deleted(&'static Deleted),
    /// A replacement code used before it took effect.
    NotYetValid(&'static Deleted),
    /// The loaded code file lists it as a category heading, not a billable code.
    Header,
    /// The loaded code file does not list it.
    NotInFile,
}

/// The code without its decimal point, if the point (when present) is after the third
/// character and the rest is 3–7 letters and digits.
pub fn compact(code: &str) -> Option<String> {
    let (head, tail) = match code.split_once('.') {
        Some((h, t)) => {
            if h.len() != 3 || t.is_empty() || t.contains('.') {
                return None;
            }
            (h, t)
        }
        None => (code, ""),
    };
    let c: String = format!("{head}{tail}");
    if !(3..=7).contains(&c.len())
        || !c
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
    {
        return None;
    }
    let b = c.as_bytes();
    if !b.first().is_some_and(u8::is_ascii_uppercase) || !b.get(1).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    Some(c)
}

/// The dotted form of a compact code (`M5450` → `M54.50`).
pub fn dotted(compact: &str) -> String {
    match (compact.get(..3), compact.get(3..)) {
        (Some(h), Some(t)) if !t.is_empty() => format!("{h}.{t}"),
        _ => compact.to_string(),
    }
}

/// 7th characters used by chapter 19 (injury) categories.
const INJURY_SEVENTH: &str = "ABCDEFGHJKMNPQRS";
/// 7th characters of the pathological, stress, atypical and periprosthetic fracture
/// categories (M80, M84.3–M84.7, M97).
const FRACTURE_SEVENTH: &str = "ADGKPS";
/// 7th characters of the vertebral fatigue/collapsed-vertebra categories (M48.4–M48.5).
const VERTEBRA_SEVENTH: &str = "ADGS";
/// 7th characters of chronic gout (M1A): without / with tophus.
const GOUT_SEVENTH: &str = "01";

/// The 7th characters the code's category requires, or `None` when it takes none (as far as
/// the structural rules can tell).
fn seventh_rule(c: &str) -> Option<&'static str> {
    let cat = c.get(..3)?;
    let sub = c.get(..4).unwrap_or(cat);
    if (cat.starts_with('S') || cat.starts_with('T')) && cat != "T31" && cat != "T32" {
        // S00–T88; T90+ does not exist in ICD-10-CM.
        return Some(INJURY_SEVENTH);
    }
    match (cat, sub) {
        ("M80", _) => Some(FRACTURE_SEVENTH),
        (_, "M843" | "M844" | "M845" | "M846" | "M847") => Some(FRACTURE_SEVENTH),
        ("M97", _) => Some(FRACTURE_SEVENTH),
        (_, "M484" | "M485") => Some(VERTEBRA_SEVENTH),
        ("M1A", _) => Some(GOUT_SEVENTH),
        _ => None,
    }
}

/// Whether the code is a six-character code whose fifth character is the placeholder X
/// holding the place before a sixth (laterality) character: the tabular list has such codes
/// without a 7th character (M22.2X1, patellofemoral disorders, right knee). Structure alone
/// cannot tell those categories from others, so the shape is accepted; the CMS code file
/// (`config.icd10File`) decides exactly.
fn sixth_place_filler(c: &str) -> bool {
    let b = c.as_bytes();
    b.len() == 6
        && b.get(4) == Some(&b'X')
        && b.get(3).is_some_and(u8::is_ascii_digit)
        && b.get(5).is_some_and(u8::is_ascii_digit)
}

/// Checks a code's structure and the deleted-codes list on `date`.
pub fn check(code: &str, date: Date) -> Result<(), Problem> {
    let c = compact(code).ok_or(Problem::Shape)?;
    match seventh_rule(&c) {
        Some(allowed) => {
            if c.len() < 7 {
                let last = c
                    .chars()
                    .last()
                    .filter(|ch| allowed.contains(*ch) && c.len() >= 4);
                let suggestion = last.and_then(|ch| {
                    let base = c.get(..c.len() - 1)?;
                    let base = if base.len() < 3 { return None } else { base };
                    Some(dotted(&format!("{base}{}{ch}", "X".repeat(6 - base.len()))))
                });
                return Err(Problem::NeedsSeventh { suggestion });
            }
            if !c.chars().nth(6).is_some_and(|ch| allowed.contains(ch)) {
                return Err(Problem::BadSeventh { allowed });
            }
        }
        None => {
            if c.len() < 7 && c.get(3..).is_some_and(|t| t.contains('X')) && !sixth_place_filler(&c)
            {
                return Err(Problem::StrayPlaceholder);
            }
        }
    }
    let d = dotted(&c);
    if let Some(del) = DELETED.iter().find(|x| x.code == d) {
        if date >= del.on {
            return Err(Problem::Deleted(del));
        }
    }
    if let Some(del) = DELETED
        .iter()
        .find(|x| x.replacements.contains(&d.as_str()))
    {
        if date < del.on {
            return Err(Problem::NotYetValid(del));
        }
    }
    Ok(())
}

/// The CMS ICD-10-CM code list, loaded once.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CodeSet {
    billable: HashSet<String>,
    headers: HashSet<String>,
}

impl CodeSet {
    /// Parses the CMS order file or code-descriptions file (see the module docs). Lines that
    /// are neither are skipped; a file with no code at all is an error.
    pub fn parse(text: &str) -> Result<CodeSet, String> {
        let mut set = CodeSet::default();
        for line in text.lines() {
            let mut tokens = line.split_whitespace();
            let Some(first) = tokens.next() else { continue };
            let is_order = first.len() == 5 && first.bytes().all(|b| b.is_ascii_digit());
            if is_order {
                let (Some(code), Some(flag)) = (tokens.next(), tokens.next()) else {
                    continue;
                };
                let Some(c) = compact(code).filter(|c| !c.contains('.')) else {
                    continue;
                };
                match flag {
                    "1" => set.billable.insert(c),
                    "0" => set.headers.insert(c),
                    _ => continue,
                };
            } else if let Some(c) = compact(first) {
                if tokens.next().is_some() {
                    set.billable.insert(c);
                }
            }
        }
        if set.billable.is_empty() {
            return Err("no ICD-10-CM codes found: expected the CMS order file (icd10cm_order_YYYY.txt) or code-descriptions file (icd10cm_codes_YYYY.txt)".into());
        }
        Ok(set)
    }

    /// Billable codes read.
    pub fn len(&self) -> usize {
        self.billable.len()
    }

    pub fn is_empty(&self) -> bool {
        self.billable.is_empty()
    }

    /// Checks a code against the loaded list.
    pub fn check(&self, code: &str) -> Result<(), Problem> {
        let c = compact(code).ok_or(Problem::Shape)?;
        if self.billable.contains(&c) {
            Ok(())
        } else if self.headers.contains(&c) {
            Err(Problem::Header)
        } else {
            Err(Problem::NotInFile)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap_or_else(|| unreachable!())
    }

    #[test]
    fn structure() {
        let day = d("2025-03-10");
        for ok in [
            "M17.11", "Z96.651", "M54.50", "S83.241A", "S33.5XXA", "T36.0X1A", "M1A.0110",
            "Z3A.08", "I10", "M62.81", "T31.0", "M80.08XA", "M79.A11",
        ] {
            assert_eq!(check(ok, day), Ok(()), "{ok}");
        }
        for bad in [
            "",
            "M17.",
            "17.11",
            "MM7.11",
            "M171.1",
            "M17.11111",
            "m17.11",
            "M17..1",
            "M17-11",
        ] {
            assert_eq!(check(bad, day), Err(Problem::Shape), "{bad}");
        }
        assert_eq!(
            check("S33.5A", day),
            Err(Problem::NeedsSeventh {
                suggestion: Some("S33.5XXA".into())
            })
        );
        assert_eq!(
            check("S83.24", day),
            Err(Problem::NeedsSeventh { suggestion: None })
        );
        assert_eq!(
            check("S83.241Z", day),
            Err(Problem::BadSeventh {
                allowed: INJURY_SEVENTH
            })
        );
        assert_eq!(check("M25.56X", day), Err(Problem::StrayPlaceholder));
        assert_eq!(check("M25.X61", day), Err(Problem::StrayPlaceholder));
        // A placeholder before a sixth character exists without a 7th (M22.2X1).
        assert_eq!(check("M22.2X1", day), Ok(()));
        assert!(matches!(check("M54.5", day), Err(Problem::Deleted(_))));
        assert_eq!(check("M54.5", d("2021-09-30")), Ok(()));
        assert!(matches!(
            check("M54.50", d("2021-09-30")),
            Err(Problem::NotYetValid(_))
        ));
        assert_eq!(check("M5450", day), Ok(()));
    }

    #[test]
    fn deleted_list_is_well_formed() {
        for del in DELETED {
            assert!(compact(del.code).is_some(), "{}", del.code);
            for r in del.replacements {
                assert!(compact(r).is_some(), "{r}");
            }
        }
    }
}
