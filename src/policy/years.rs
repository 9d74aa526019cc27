//! Policy figures that change by calendar year (or mid-year), chosen by `dateOfService`.
//!
//! Sources (shared/policy §6.1, §8): KX thresholds 2023 $2,230 \[NORID-KX\], \[TCOMPLY-KX\];
//! 2024 $2,330 \[NGS-KX24\], \[NORID-KX\], \[MEHCA\]; 2025 $2,410 \[PROMBS\], \[PROACT25\], \[ATHELAS\];
//! 2026 $2,480 \[ALS26\], \[PAT26\], \[PROACT26\] (PT and SLP combined; OT the same amount,
//! tracked apart). Targeted medical review threshold $3,000 through 2027, 42 U.S.C.
//! §1395l(g)(7) \[USC\], \[NGS-KX24\]. Conversion factors: 2023 $33.8872 (the CY2023 final
//! rule's $33.0607 raised by the Consolidated Appropriations Act 2023; isass.org and Part B
//! News, Jan 2023); 2024 $32.7442 (1 Jan–8 Mar) and $33.2875 (9 Mar–31 Dec, Consolidated
//! Appropriations Act 2024, not retroactive) \[CORREL\], \[GORE\], \[ECG\], \[ACMS\]; 2025 $32.3465
//! \[ACMS\], \[BSA\], \[PBN\], \[APTQI\]; 2026 $33.4009 non-qualifying APM and $33.5675 qualifying
//! APM participants \[PBN\], \[APTQI\], \[AAMC26\], \[BECKERS26\].

use crate::date::Date;
use rust_decimal::Decimal;

/// The figures in force on one date of service.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearPolicy {
    pub year: i32,
    /// Medicare PFS conversion factor (non-qualifying APM participants).
    pub conversion_factor: Decimal,
    /// Conversion factor for qualifying APM participants, where CMS sets a separate one.
    pub conversion_factor_qp: Option<Decimal>,
    /// KX threshold for PT and SLP combined.
    pub kx_threshold_pt_slp: Decimal,
    /// KX threshold for OT.
    pub kx_threshold_ot: Decimal,
    /// Targeted medical review threshold (per bucket).
    pub review_threshold: Decimal,
    /// Where the figures come from.
    pub source: &'static str,
}

impl YearPolicy {
    /// The conversion factor to use: the qualifying-APM factor when `qualifying_apm` and CMS
    /// sets one for the period, otherwise the general (non-QP) factor.
    pub fn conversion_factor_for(&self, qualifying_apm: bool) -> Decimal {
        match self.conversion_factor_qp {
            Some(qp) if qualifying_apm => qp,
            _ => self.conversion_factor,
        }
    }
}

const fn d(units: i64, scale: u32) -> Decimal {
    Decimal::from_parts(units as u32, (units >> 32) as u32, 0, false, scale)
}

/// The years chartlint carries figures for, newest last.
pub const YEARS: &[(Date, YearPolicy)] = &[
    (
        Date { year: 2023, month: 1, day: 1 },
        YearPolicy {
            year: 2023,
            conversion_factor: d(338_872, 4),
            conversion_factor_qp: None,
            kx_threshold_pt_slp: d(2230, 0),
            kx_threshold_ot: d(2230, 0),
            review_threshold: d(3000, 0),
            source: "CY2023 PFS (CF $33.8872 after the Consolidated Appropriations Act 2023); KX $2,230 per Noridian, TherapyComply",
        },
    ),
    (
        Date { year: 2024, month: 1, day: 1 },
        YearPolicy {
            year: 2024,
            conversion_factor: d(327_442, 4),
            conversion_factor_qp: None,
            kx_threshold_pt_slp: d(2330, 0),
            kx_threshold_ot: d(2330, 0),
            review_threshold: d(3000, 0),
            source: "CY2024 PFS final rule (CF $32.7442 for 1 Jan–8 Mar 2024); KX per NGS, Noridian",
        },
    ),
    (
        Date { year: 2024, month: 3, day: 9 },
        YearPolicy {
            year: 2024,
            conversion_factor: d(332_875, 4),
            conversion_factor_qp: None,
            kx_threshold_pt_slp: d(2330, 0),
            kx_threshold_ot: d(2330, 0),
            review_threshold: d(3000, 0),
            source: "Consolidated Appropriations Act 2024 (CF $33.2875 from 9 Mar 2024); KX per NGS, Noridian",
        },
    ),
    (
        Date { year: 2025, month: 1, day: 1 },
        YearPolicy {
            year: 2025,
            conversion_factor: d(323_465, 4),
            conversion_factor_qp: None,
            kx_threshold_pt_slp: d(2410, 0),
            kx_threshold_ot: d(2410, 0),
            review_threshold: d(3000, 0),
            source: "CY2025 PFS final rule (CF $32.3465); KX $2,410",
        },
    ),
    (
        Date { year: 2026, month: 1, day: 1 },
        YearPolicy {
            year: 2026,
            conversion_factor: d(334_009, 4),
            conversion_factor_qp: Some(d(335_675, 4)),
            kx_threshold_pt_slp: d(2480, 0),
            kx_threshold_ot: d(2480, 0),
            review_threshold: d(3000, 0),
            source: "CY2026 PFS final rule (CF $33.4009 non-QP, $33.5675 QP); KX $2,480",
        },
    ),
];

/// The figures for a date of service: the latest period starting on or before it. Dates
/// before the first period use the first; dates after the last use the last (and the report
/// names the year used).
#[allow(clippy::indexing_slicing)] // YEARS is a non-empty constant
pub fn for_date(date: Date) -> &'static YearPolicy {
    let mut chosen = &YEARS[0].1;
    for (start, p) in YEARS {
        if *start <= date {
            chosen = p;
        }
    }
    chosen
}

/// Whether `date` falls after the last calendar year chartlint carries figures for.
pub fn is_after_known_years(date: Date) -> bool {
    YEARS.last().is_some_and(|(_, p)| date.year > p.year)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn at(s: &str) -> &'static YearPolicy {
        for_date(Date::parse(s).unwrap_or_else(|| unreachable!()))
    }

    #[test]
    fn picks_by_date_including_the_2024_mid_year_change() {
        assert_eq!(
            at("2024-03-08").conversion_factor,
            Decimal::from_str("32.7442").unwrap_or_default()
        );
        assert_eq!(
            at("2024-03-09").conversion_factor,
            Decimal::from_str("33.2875").unwrap_or_default()
        );
        assert_eq!(at("2024-12-31").kx_threshold_pt_slp, Decimal::from(2330));
        assert_eq!(at("2025-01-01").kx_threshold_pt_slp, Decimal::from(2410));
        assert_eq!(
            at("2025-01-01").conversion_factor,
            Decimal::from_str("32.3465").unwrap_or_default()
        );
        assert_eq!(
            at("2026-07-01").conversion_factor,
            Decimal::from_str("33.4009").unwrap_or_default()
        );
        assert_eq!(
            at("2026-07-01").conversion_factor_qp,
            Decimal::from_str("33.5675").ok()
        );
        assert_eq!(at("2026-01-01").kx_threshold_ot, Decimal::from(2480));
        assert_eq!(
            at("2023-06-01").conversion_factor,
            Decimal::from_str("33.8872").unwrap_or_default()
        );
        assert_eq!(at("2023-06-01").kx_threshold_pt_slp, Decimal::from(2230));
        assert_eq!(
            at("2026-03-01").conversion_factor_for(true),
            Decimal::from_str("33.5675").unwrap_or_default()
        );
        assert_eq!(
            at("2026-03-01").conversion_factor_for(false),
            Decimal::from_str("33.4009").unwrap_or_default()
        );
        assert_eq!(
            at("2025-03-01").conversion_factor_for(true),
            Decimal::from_str("32.3465").unwrap_or_default()
        );
        for y in [
            "2023-01-01",
            "2024-01-01",
            "2024-03-09",
            "2025-01-01",
            "2026-01-01",
        ] {
            assert_eq!(at(y).review_threshold, Decimal::from(3000));
        }
        assert!(is_after_known_years(Date {
            year: 2027,
            month: 1,
            day: 1
        }));
        assert!(!is_after_known_years(Date {
            year: 2026,
            month: 12,
            day: 31
        }));
    }
}
