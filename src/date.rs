//! Calendar dates (`YYYY-MM-DD`) and day arithmetic, without a date crate.

use std::fmt;

/// A valid proleptic Gregorian date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// The year (1900–2200).
    pub year: i32,
    /// The month, 1–12.
    pub month: u32,
    /// The day of the month, from 1.
    pub day: u32,
}

pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// The date, if it exists (and its year is 1900–2200).
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1900..=2200).contains(&year) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Parses exactly `YYYY-MM-DD`, rejecting impossible dates (2025-02-29, 2024-13-01).
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = s.get(r)?;
            if !part.bytes().all(|c| c.is_ascii_digit()) {
                return None;
            }
            part.parse().ok()
        };
        Date::new(num(0..4)? as i32, num(5..7)?, num(8..10)?)
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    pub fn days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let mp = if m > 2 { m - 3 } else { m + 9 };
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// Calendar days from `self` to `later` (negative if `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        later.days() - self.days()
    }

    /// The date `n` calendar days after `self` (before, if `n` is negative); `None` outside
    /// the supported years (Howard Hinnant's civil_from_days).
    pub fn add_days(self, n: i64) -> Option<Date> {
        let z = self.days().checked_add(n)? + 719_468;
        let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(
            i32::try_from(year).ok()?,
            u32::try_from(month).ok()?,
            u32::try_from(day).ok()?,
        )
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_rejects() {
        assert_eq!(
            Date::parse("2024-02-29"),
            Some(Date {
                year: 2024,
                month: 2,
                day: 29
            })
        );
        assert_eq!(Date::parse("2025-02-29"), None);
        assert_eq!(Date::parse("2025-13-01"), None);
        assert_eq!(Date::parse("2025-1-01"), None);
        assert_eq!(Date::parse("2025-01-0a"), None);
        assert_eq!(Date::parse("+025-01-01"), None);
        assert_eq!(Date::parse("2025-04-31"), None);
    }

    #[test]
    fn day_arithmetic_crosses_leap_days_and_years() {
        let d = |s| Date::parse(s).unwrap_or_else(|| unreachable!());
        assert_eq!(d("1970-01-01").days(), 0);
        assert_eq!(d("2024-02-28").days_until(d("2024-03-01")), 2);
        assert_eq!(d("2025-02-28").days_until(d("2025-03-01")), 1);
        assert_eq!(d("2024-12-31").days_until(d("2025-01-01")), 1);
        assert_eq!(d("2025-01-01").days_until(d("2025-04-01")), 90);
        assert_eq!(d("2024-02-28").add_days(1), Some(d("2024-02-29")));
        assert_eq!(d("2024-02-01").add_days(90), Some(d("2024-05-01")));
        assert_eq!(d("2025-02-01").add_days(90), Some(d("2025-05-02")));
        assert_eq!(d("2025-01-01").add_days(-1), Some(d("2024-12-31")));
        assert_eq!(d("2200-12-31").add_days(1), None);
    }
}
