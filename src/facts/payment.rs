//! Payment arithmetic: what a visit should pay and what a finding puts at risk.
//!
//! Every amount is `rust_decimal`; data in [`crate::policy::years`] and [`crate::policy::fees`].
//!
//! ## Which fee schedule prices a note
//!
//! * Medicare notes (and notes under a pack with `medicareRules`) are priced on the Medicare
//!   physician fee schedule: the RVUs of `config.feeSchedule` (kind `rvu`) or the embedded
//!   national RVUs of the date of service's year.
//! * Other payers are priced only when the clinic gives `config.feeSchedule`: contracted
//!   amounts per unit (kind `allowed`, taken as they are: no MPPR, no CQ/CO rate, no split
//!   of shares), or RVUs (kind `rvu`, priced as Medicare prices them). Without it, no amounts.
//!
//! ## The physician fee schedule arithmetic
//!
//! One unit = [(work RVU × work GPCI) + (PE RVU × PE GPCI) + (MP RVU × MP GPCI)] × conversion
//! factor, with the non-facility PE (private practice) \[AAPC-PFS\], \[BSA\], \[CAHEAD-PFS\]. Then:
//!
//! 1. **MPPR** \[NGS-MPPR\], \[NOVITAS-MPPR\], \[APTA-MPPR\], \[KAIROS\]: of every unit of every
//!    code subject to the reduction billed that day, the one unit with the highest PE
//!    (PE RVU × PE GPCI; ties go to the higher total fee as paid, so a unit without CQ/CO
//!    before one with it, then to the earlier line) keeps its full PE; every other unit is
//!    paid 50% of its PE. Work and MP are always paid in full.
//! 2. **CQ/CO**, after MPPR: a line with CQ or CO is paid 85% of its amount after MPPR
//!    \[CMS-CQ\], \[MONTERO\]. The sources do not say which reduction comes first (§8 marks it
//!    UNCONFIRMED); we apply the 85% to the "otherwise-applicable" payment, which is the
//!    amount after MPPR, and rank units for MPPR by their PE before the CQ/CO rate (so a
//!    CQ/CO unit can hold the full-PE slot).
//! 3. **Rounding**: each line's amount (all its units, after MPPR and CQ/CO) is rounded once
//!    to cents, half away from zero; nothing is rounded before that. The visit's expected
//!    payment is the sum of the rounded lines.
//! 4. **Shares** (Original Medicare only): the patient's 20% coinsurance is computed per line
//!    and rounded to cents \[MCGOV\], \[EAMAN\]; the payer's share is the rest, so that the two
//!    add up to the expected payment. The Part B deductible is assumed met, and the 2%
//!    sequestration (applied to Medicare's payment after the shares) is not deducted.
//!
//! Status B and R codes (97010, 97026) pay nothing separately; status C (carrier priced)
//! has no national amount.
//!
//! ## What one unit adds ([`Payment::unit_value`])
//!
//! The amount at risk on a units finding is the value one more (or one fewer) unit of a code
//! adds to the visit. Under MPPR an additional unit is paid with half its PE, so a unit's
//! value is (work + 50% PE + MP) × GPCIs × conversion factor, at 85% when every line of that
//! code on the note carries CQ/CO, rounded to cents. (It is exact whenever the visit keeps
//! at least one other unit; when a finding removes the visit's only unit, the loss is larger
//! by half that unit's PE.)
//!
//! ## KX threshold ([`Threshold`])
//!
//! For notes under a pack with `medicareRules` that give `episode.thresholdSpentBefore`:
//! spending after the visit = spending before + this visit's allowed amount (the expected
//! payment: payer and patient shares together, since deductible and coinsurance count
//! toward the threshold \[NGS-KX24\]). The bucket is PT and SLP together, or OT, by the note's
//! discipline. KX is required when spending after the visit is over (greater than) the
//! year's threshold.

use crate::config::PayerRules;
use crate::money::cents;
use crate::note::{Discipline, Line, Note, PayerKind};
use crate::policy::fees::{self, FeeSchedule, Gpci, Payable, Rvu, RvuSchedule};
use crate::policy::years::{self, YearPolicy};
use crate::wire::wire_enum;
use rust_decimal::Decimal;
use std::sync::Arc;

/// The 85% rate of CQ/CO services.
fn cq_rate() -> Decimal {
    Decimal::new(85, 2)
}

/// The 20% Part B coinsurance.
fn coinsurance_rate() -> Decimal {
    Decimal::new(20, 2)
}

fn half() -> Decimal {
    Decimal::new(5, 1)
}

/// Whether a line is furnished in whole or in part by an assistant (CQ or CO).
pub fn has_cq_co(line: &Line) -> bool {
    line.has_modifier("CQ") || line.has_modifier("CO")
}

/// How the note is priced.
#[derive(Debug, Clone)]
enum Pricing {
    /// Physician fee schedule: the clinic's RVUs (if any) over the embedded year's table.
    Pfs {
        schedule: Option<Arc<FeeSchedule>>,
        cf: Decimal,
        gpci: Gpci,
        year: i32,
    },
    /// Contracted amounts per unit.
    Allowed(Arc<FeeSchedule>),
    /// No fee data for this payer.
    None,
}

wire_enum! {
    /// The KX threshold bucket.
    pub enum Bucket {
        /// PT and SLP combined.
        PtSlp = "ptSlp",
        /// OT, separately.
        Ot = "ot",
    }
}

impl Bucket {
    /// In words, for messages.
    pub fn label(self) -> &'static str {
        match self {
            Bucket::PtSlp => "PT and SLP",
            Bucket::Ot => "OT",
        }
    }
}

/// Spending in the note's threshold bucket, before and after this visit.
#[derive(Debug, Clone, PartialEq)]
pub struct Threshold {
    pub bucket: Bucket,
    /// `episode.thresholdSpentBefore`.
    pub before: Decimal,
    /// This visit's allowed amount: exact when every billed line is priced, otherwise the
    /// sum of the priced lines (a lower bound).
    pub visit: Decimal,
    pub exact: bool,
    pub after: Decimal,
    /// The year's KX threshold for the bucket.
    pub kx: Decimal,
    /// The targeted medical review threshold.
    pub review: Decimal,
    pub year: i32,
}

impl Threshold {
    /// Spending after the visit is over the KX threshold (known even from a lower bound).
    pub fn kx_required(&self) -> bool {
        self.after > self.kx
    }
    /// Spending is known to stay at or under the KX threshold.
    pub fn stays_under(&self) -> bool {
        self.exact && self.after <= self.kx
    }
    /// This visit takes spending past the targeted medical review threshold.
    pub fn crosses_review(&self) -> bool {
        self.before <= self.review && self.after > self.review
    }
}

/// Payment facts for one note.
#[derive(Debug, Clone)]
pub struct Payment {
    /// The policy figures for the date of service.
    pub year: &'static YearPolicy,
    /// The conversion factor used (physician fee schedule pricing only).
    #[cfg_attr(not(feature = "testing"), allow(dead_code))]
    // read by the tests (feature `testing`)
    pub conversion_factor: Option<Decimal>,
    /// Expected allowed amount of each line as billed (rounded to cents); `None` when its
    /// code has no fee. A line billed at 0 units is 0.
    pub lines: Vec<Option<Decimal>>,
    /// Expected allowed amount of the visit: `None` unless every line is priced.
    pub expected: Option<Decimal>,
    /// Original Medicare's share and the patient's 20% coinsurance.
    pub payer_share: Option<Decimal>,
    pub patient_share: Option<Decimal>,
    /// KX threshold facts (Medicare-rule packs with `episode.thresholdSpentBefore`).
    pub threshold: Option<Threshold>,
    pricing: Pricing,
    /// Codes every one of whose lines carries CQ or CO.
    cq_codes: Vec<String>,
}

impl Payment {
    /// The payment facts of `note` under its payer's rule pack `pack` and the clinic's fee
    /// schedule (`config.feeSchedule`), if any.
    pub fn compute(
        note: &Note,
        pack: &PayerRules,
        fee_schedule: Option<&Arc<FeeSchedule>>,
    ) -> Payment {
        let year = years::for_date(note.date_of_service);
        let pfs_applies = note.payer.kind == PayerKind::Medicare || pack.medicare_rules;
        let schedule = fee_schedule.cloned();
        let pricing = match (&schedule, pfs_applies) {
            (Some(s), false) if matches!(**s, FeeSchedule::Allowed(_)) => {
                Pricing::Allowed(s.clone())
            }
            (Some(s), _) if matches!(**s, FeeSchedule::Rvu(_)) => pfs(Some(s.clone()), note, year),
            (_, true) => pfs(None, note, year),
            _ => Pricing::None,
        };

        let mut cq_codes: Vec<String> = Vec::new();
        for l in &note.lines {
            if !cq_codes.contains(&l.code)
                && note
                    .lines
                    .iter()
                    .filter(|m| m.code == l.code)
                    .all(has_cq_co)
            {
                cq_codes.push(l.code.clone());
            }
        }

        let mut p = Payment {
            year,
            conversion_factor: match &pricing {
                Pricing::Pfs { cf, .. } => Some(*cf),
                _ => None,
            },
            lines: Vec::new(),
            expected: None,
            payer_share: None,
            patient_share: None,
            threshold: None,
            pricing,
            cq_codes,
        };
        p.lines = p.price_lines(note);
        let known: Decimal = p.lines.iter().flatten().copied().sum();
        let exact = p.lines.iter().all(Option::is_some) && !matches!(p.pricing, Pricing::None);
        if exact {
            p.expected = Some(known);
            if note.payer.kind == PayerKind::Medicare && matches!(p.pricing, Pricing::Pfs { .. }) {
                let patient: Decimal = p
                    .lines
                    .iter()
                    .flatten()
                    .map(|a| cents(*a * coinsurance_rate()))
                    .sum();
                p.patient_share = Some(patient);
                p.payer_share = Some(known - patient);
            }
        }
        if pack.medicare_rules {
            if let Some(before) = note.episode.as_ref().and_then(|e| e.threshold_spent_before) {
                let bucket = match note.discipline {
                    Discipline::OT => Bucket::Ot,
                    Discipline::PT | Discipline::SLP => Bucket::PtSlp,
                };
                p.threshold = Some(Threshold {
                    bucket,
                    before,
                    visit: known,
                    exact,
                    after: before + known,
                    kx: match bucket {
                        Bucket::Ot => year.kx_threshold_ot,
                        Bucket::PtSlp => year.kx_threshold_pt_slp,
                    },
                    review: year.review_threshold,
                    year: year.year,
                });
            }
        }
        p
    }

    /// Whether KX is required on this visit (`billing.kxRequired`).
    pub fn kx_required(&self) -> bool {
        self.threshold.as_ref().is_some_and(Threshold::kx_required)
    }

    /// The RVUs of `code` under this note's pricing.
    fn rvu(&self, code: &str) -> Option<Rvu> {
        let Pricing::Pfs { schedule, year, .. } = &self.pricing else {
            return None;
        };
        let given = schedule.as_deref().and_then(|s| match s {
            FeeSchedule::Rvu(RvuSchedule { rvus, .. }) => rvus.get(code).copied(),
            FeeSchedule::Allowed(_) => None,
        });
        given.or_else(|| fees::embedded(*year, code).copied())
    }

    /// (work + MP part, PE part) of one unit in dollars, unrounded, before MPPR and CQ/CO.
    fn parts(&self, rvu: &Rvu) -> Option<(Decimal, Decimal)> {
        let Pricing::Pfs { cf, gpci, .. } = &self.pricing else {
            return None;
        };
        Some((
            (rvu.work * gpci.work + rvu.mp * gpci.mp) * *cf,
            rvu.pe * gpci.pe * *cf,
        ))
    }

    fn price_lines(&self, note: &Note) -> Vec<Option<Decimal>> {
        match &self.pricing {
            Pricing::None => note
                .lines
                .iter()
                .map(|l| (l.units == 0).then_some(Decimal::ZERO))
                .collect(),
            Pricing::Allowed(s) => {
                let FeeSchedule::Allowed(amounts) = &**s else {
                    return vec![None; note.lines.len()];
                };
                note.lines
                    .iter()
                    .map(|l| {
                        if l.units == 0 {
                            return Some(Decimal::ZERO);
                        }
                        amounts
                            .get(&l.code)
                            .map(|a| cents(*a * Decimal::from(l.units)))
                    })
                    .collect()
            }
            Pricing::Pfs { .. } => {
                // Price each line's units; find the unit that keeps its full PE.
                struct Priced {
                    index: usize,
                    units: Decimal,
                    work_mp: Decimal,
                    pe: Decimal,
                    mppr: bool,
                    cq: bool,
                }
                let mut out: Vec<Option<Decimal>> = Vec::with_capacity(note.lines.len());
                let mut priced: Vec<Priced> = Vec::new();
                for (index, l) in note.lines.iter().enumerate() {
                    if l.units == 0 {
                        out.push(Some(Decimal::ZERO));
                        continue;
                    }
                    let Some(rvu) = self.rvu(&l.code) else {
                        out.push(None);
                        continue;
                    };
                    match rvu.payable() {
                        Payable::No => out.push(Some(Decimal::ZERO)),
                        Payable::Unknown => out.push(None),
                        Payable::Yes => {
                            let Some((work_mp, pe)) = self.parts(&rvu) else {
                                out.push(None);
                                continue;
                            };
                            out.push(None);
                            priced.push(Priced {
                                index,
                                units: Decimal::from(l.units),
                                work_mp,
                                pe,
                                mppr: rvu.mppr,
                                cq: has_cq_co(l),
                            });
                        }
                    }
                }
                // Highest PE, then highest total fee as paid (a CQ/CO unit's fee is 85%, so
                // between equal PEs the therapist's unit keeps the full PE whatever the line
                // order), then the earliest line.
                let paid_fee = |p: &Priced| {
                    let fee = p.work_mp + p.pe;
                    if p.cq {
                        fee * cq_rate()
                    } else {
                        fee
                    }
                };
                let mut top: Option<&Priced> = None;
                for p in priced.iter().filter(|p| p.mppr) {
                    let better = match top {
                        None => true,
                        Some(t) => p.pe > t.pe || (p.pe == t.pe && paid_fee(p) > paid_fee(t)),
                    };
                    if better {
                        top = Some(p);
                    }
                }
                let top_index = top.map(|t| t.index);
                for p in &priced {
                    let pe_total = if p.mppr {
                        let full = if top_index == Some(p.index) {
                            Decimal::ONE
                        } else {
                            Decimal::ZERO
                        };
                        p.pe * (full + (p.units - full) * half())
                    } else {
                        p.pe * p.units
                    };
                    let mut amount = p.work_mp * p.units + pe_total;
                    if p.cq {
                        amount *= cq_rate();
                    }
                    if let Some(slot) = out.get_mut(p.index) {
                        *slot = Some(cents(amount));
                    }
                }
                out
            }
        }
    }

    /// The value one unit of `code` adds to this visit (see the module docs): under the
    /// physician fee schedule, with half its PE when the code is subject to MPPR and at 85%
    /// when every line of the code on the note carries CQ/CO; under a contracted schedule,
    /// the contracted amount. `None` when no fee is known.
    pub fn unit_value(&self, code: &str) -> Option<Decimal> {
        self.price_one_unit(code, |rvu, work_mp, pe| {
            let mut v = work_mp + if rvu.mppr { pe * half() } else { pe };
            if self.cq_codes.iter().any(|c| c == code) {
                v *= cq_rate();
            }
            v
        })
    }

    /// The full fee schedule amount of one unit of `code` (no MPPR, no CQ/CO rate), e.g. to
    /// compare two evaluation levels. `None` when no fee is known.
    #[cfg_attr(not(feature = "testing"), allow(dead_code))] // read by the tests (feature `testing`)
    pub fn fee(&self, code: &str) -> Option<Decimal> {
        self.price_one_unit(code, |_, work_mp, pe| work_mp + pe)
    }

    /// One unit of `code`: the contracted amount, or, under the physician fee schedule,
    /// `amount(rvu, work + MP, PE)` (each already × GPCI × conversion factor) rounded to
    /// cents; zero for codes not paid separately; `None` when no fee is known.
    fn price_one_unit(
        &self,
        code: &str,
        amount: impl Fn(&Rvu, Decimal, Decimal) -> Decimal,
    ) -> Option<Decimal> {
        match &self.pricing {
            Pricing::None => None,
            Pricing::Allowed(s) => match &**s {
                FeeSchedule::Allowed(amounts) => amounts.get(code).copied(),
                FeeSchedule::Rvu(_) => None,
            },
            Pricing::Pfs { .. } => {
                let rvu = self.rvu(code)?;
                match rvu.payable() {
                    Payable::No => Some(Decimal::ZERO),
                    Payable::Unknown => None,
                    Payable::Yes => self
                        .parts(&rvu)
                        .map(|(work_mp, pe)| cents(amount(&rvu, work_mp, pe))),
                }
            }
        }
    }

    /// The expected payment of line `index` as billed.
    pub fn line(&self, index: usize) -> Option<Decimal> {
        self.lines.get(index).copied().flatten()
    }
}

/// Physician fee schedule pricing for a note: the conversion factor (`conversionFactor`;
/// else, for dates after the last year chartlint knows, the PPRRVU file's `CONV FACTOR`;
/// else the factor in force on the date of service, the qualifying-APM one when the clinic
/// says it is a qualifying APM participant or gave CMS's QP file) and GPCIs.
fn pfs(schedule: Option<Arc<FeeSchedule>>, note: &Note, year: &YearPolicy) -> Pricing {
    let rvu_schedule = schedule.as_deref().and_then(|s| match s {
        FeeSchedule::Rvu(r) => Some(r),
        FeeSchedule::Allowed(_) => None,
    });
    // A PPRRVU file carrying the year's qualifying-APM factor is the QP file (from 2026 CMS
    // ships one file per factor): it marks the clinic as a qualifying APM participant.
    let qp = rvu_schedule.is_some_and(|r| {
        r.qualifying_apm
            || (r.file_conversion_factor.is_some()
                && r.file_conversion_factor == year.conversion_factor_qp)
    });
    let file_cf = rvu_schedule
        .and_then(|r| r.file_conversion_factor)
        .filter(|_| years::is_after_known_years(note.date_of_service));
    let cf = rvu_schedule
        .and_then(|r| r.conversion_factor)
        .or(file_cf)
        .unwrap_or_else(|| year.conversion_factor_for(qp));
    let gpci = rvu_schedule.map(|r| r.gpci).unwrap_or_default();
    Pricing::Pfs {
        schedule,
        cf,
        gpci,
        year: year.year,
    }
}
