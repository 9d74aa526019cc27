//! Engine internals for chartlint's own tests (feature `testing`): the units engine, the
//! policy tables, the text scanner, the payment arithmetic. Not part of the stable API: the
//! tests that need an internal reach it here, every other test uses the public API.

pub use crate::facts::modifiers::assistant_units_timed;
pub use crate::facts::payment::Payment;
pub use crate::facts::reader_setting;
pub use crate::facts::units::{block_units, compute, units_for_minutes, LineUnits, UnitsOutcome};
pub use crate::input::{parse_config_json, parse_json, replace_lone_surrogates};
pub use crate::money::money_string;
pub use crate::policy::codes::{self, CodeInfo, Counting, CODES};
pub use crate::policy::fees::load_pprrvu;
pub use crate::policy::ncci::PtpTable;
pub use crate::span::Span;
pub use crate::text::{lexicon_problems, read, Evidence, Setting, TextFacts};

/// The payment facts of `note` under `config` (its payer's pack and fee schedule).
pub fn payment(note: &crate::Note, config: &crate::Config) -> Payment {
    Payment::compute(
        note,
        config.payer_rules(note.payer.kind),
        config.fee_schedule.as_ref(),
    )
}
