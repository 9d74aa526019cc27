//! Money: dollars as `rust_decimal`, never a float, written as decimal strings in the Report.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Serialize, Serializer};
use std::fmt;

/// A dollar amount in the Report: rounded to cents (half away from zero, as CMS rounds payment
/// amounts) and written as a decimal string with two places (`"1234.50"`), so JavaScript
/// never sees a float.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
#[cfg_attr(test, derive(ts_rs::TS), ts(type = "string"))]
pub struct Money(pub Decimal);

impl Money {
    /// The amount, unrounded.
    pub fn decimal(self) -> Decimal {
        self.0
    }

    /// Whether the amount is zero.
    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }

    /// Dollars for a message: `$2,421.32`.
    pub fn dollars(self) -> String {
        dollars(self.0)
    }
}

impl std::str::FromStr for Money {
    type Err = rust_decimal::Error;
    /// A decimal amount: `"25.50"`.
    fn from_str(s: &str) -> Result<Money, Self::Err> {
        Decimal::from_str(s).map(Money)
    }
}

impl From<Decimal> for Money {
    fn from(d: Decimal) -> Money {
        Money(d)
    }
}

impl fmt::Display for Money {
    /// Two places, rounded to cents: `1234.50`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&money_string(self.0))
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&money_string(self.0))
    }
}

/// Rounds to cents, half away from zero (as CMS rounds payment amounts).
pub fn cents(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// Rounds to cents and prints two places: `1234.50`.
pub fn money_string(d: Decimal) -> String {
    format!("{:.2}", cents(d))
}

/// Dollars for a message: `$2,421.32`.
pub fn dollars(d: Decimal) -> String {
    let s = money_string(d);
    let (int, frac) = s.split_once('.').unwrap_or((s.as_str(), "00"));
    let (sign, digits) = match int.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", int),
    };
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{sign}${grouped}.{frac}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dollars_group_thousands() {
        assert_eq!(dollars(Decimal::new(242132, 2)), "$2,421.32");
        assert_eq!(dollars(Decimal::new(3000, 0)), "$3,000.00");
        assert_eq!(dollars(Decimal::new(5, 1)), "$0.50");
        assert_eq!(dollars(Decimal::new(123456789, 2)), "$1,234,567.89");
    }

    #[test]
    fn cents_rounds_half_away_from_zero() {
        assert_eq!(cents(Decimal::new(12345, 3)), Decimal::new(1235, 2));
        assert_eq!(cents(Decimal::new(12344, 3)), Decimal::new(1234, 2));
    }

    #[test]
    fn money_serializes_as_a_two_place_string() {
        let json = serde_json::to_string(&Money(Decimal::new(12345, 3))).unwrap_or_default();
        assert_eq!(json, "\"12.35\"");
    }
}
