//! Facts: everything the rules and the Report read about a note, computed **once** per
//! check: units under both methods, payment, modifier requirements and pair edits, the
//! evaluation analysis and the facts read from the text.

pub mod elements;
pub mod episode;
pub mod eval;
pub mod modifiers;
pub mod payment;
pub mod placeholders;
pub mod units;

use crate::config::{Config, PayerRules};
use crate::note::{Note, UnitRule};
use crate::rules::eval::analysis::{self, Analysis};
use crate::text::{self, TextFacts};
use modifiers::ModifierFacts;
use payment::Payment;
use units::UnitsOutcome;

/// The facts of one note under one config.
pub struct Facts<'a> {
    /// The note.
    pub note: &'a Note,
    /// The config.
    pub config: &'a Config,
    /// The payer rule pack for the note's payer.
    pub payer: &'a PayerRules,
    /// Units under the payer's method (the note's `payer.unitRule`, else the pack's).
    pub units: UnitsOutcome,
    /// Units under the other method, for comparison (`billing.otherMethod`).
    pub other_units: UnitsOutcome,
    /// Policy data for the date of service's year, and the payment arithmetic.
    pub payment: Payment,
    /// CQ/CO needs, pair edits, KX lines, modifiers required per line.
    pub modifiers: ModifierFacts,
    /// The evaluation analysis, for notes that bill or document an evaluation.
    pub eval: Option<Analysis>,
    /// Facts read from `note.text` in one pass.
    pub text: TextFacts,
    /// Template placeholders (`[[…]]`) left in the text.
    pub placeholders: Vec<crate::span::Span>,
}

/// What the text reader needs to know about a note besides its text: whether testing is all
/// the note may document (an evaluation), whether it bills treatment, whether to read the
/// evaluation's components.
pub fn reader_setting(note: &Note) -> text::Setting {
    text::Setting {
        evaluation: matches!(
            note.note_type,
            crate::note::NoteType::Evaluation | crate::note::NoteType::Reevaluation
        ),
        treatment_billed: elements::bills_treatment(note),
        read_evaluation: !analysis::eval_lines(note).is_empty()
            || matches!(
                note.note_type,
                crate::note::NoteType::Evaluation | crate::note::NoteType::Reevaluation
            ),
    }
}

impl<'a> Facts<'a> {
    /// Computes every fact of `note` under `config`; the text is read once, by the reader.
    pub fn compute(note: &'a Note, config: &'a Config) -> Facts<'a> {
        let payer = config.payer_rules(note.payer.kind);
        let unit_rule = note.payer.unit_rule.unwrap_or(payer.unit_rule);
        let other_rule = match unit_rule {
            UnitRule::Cms8 => UnitRule::RuleOf8s,
            UnitRule::RuleOf8s => UnitRule::Cms8,
        };
        let payment = Payment::compute(note, payer, config.fee_schedule.as_ref());
        let modifiers = ModifierFacts::compute(note, payer, config.ptp.as_deref(), &payment);
        let text = text::read(&note.text, reader_setting(note));
        Facts {
            note,
            config,
            payer,
            units: units::compute(note, unit_rule),
            other_units: units::compute(note, other_rule),
            payment,
            modifiers,
            eval: analysis::analyze(note, &text),
            text,
            placeholders: placeholders::find(&note.text),
        }
    }

    /// Whether the note must contain documentation element `e` (`config.requirements`).
    pub fn element_required(&self, e: crate::policy::elements::Element) -> bool {
        elements::required(&self.config.requirements, self.note, e)
    }
}
