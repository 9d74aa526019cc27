//! Payment arithmetic: what a visit should pay and what a finding puts at risk.
//!
//! Every amount is `rust_decimal`. (Filled in by the payment work: fee schedules, MPPR,
//! CQ/CO rate, coinsurance, KX thresholds.)

use crate::config::Config;
use crate::note::Note;
use crate::policy::years::{self, YearPolicy};
use crate::units::UnitsOutcome;
use rust_decimal::Decimal;

/// Payment facts for one note.
#[derive(Debug, Clone)]
pub struct Payment {
    /// The policy figures for the date of service.
    pub year: &'static YearPolicy,
}

impl Payment {
    pub fn compute(note: &Note, _config: &Config, _units: &UnitsOutcome) -> Payment {
        Payment {
            year: years::for_date(note.date_of_service),
        }
    }

    /// The allowed amount of one unit of `code` (before MPPR), when a fee is known.
    pub fn unit_value(&self, _code: &str) -> Option<Decimal> {
        None
    }
}
