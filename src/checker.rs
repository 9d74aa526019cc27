//! The [`Checker`]: a validated config, checking one note at a
//! time (Note → facts → rules → Report) or the notes of one episode of care (each note's
//! own check with the fields the episode derives, then the episode's facts → the episode
//! rules → EpisodeReport).

use crate::config::Config;
use crate::error::InputError;
use crate::facts::episode::model::Model;
use crate::facts::episode::{Deriver, EpisodeFacts, NoteOutcome};
use crate::facts::Facts;
use crate::input::parse_json;
use crate::note::{parse_episode_notes, Note};
use crate::options::CheckOptions;
use crate::report::episode::EpisodeReport;
use crate::report::{self, Report};
use crate::rules;
use serde_json::Value;

/// Largest episode accepted, as JSON text (500 typical notes are about 2 MB).
pub const MAX_EPISODE_JSON_BYTES: usize = 32 << 20;

/// A configured checker. Build it once (the config is validated here, and the text reader's
/// lexicons are built by the first checker of the process) and call [`Checker::check`] on
/// every keystroke.
pub struct Checker {
    config: Config,
}

impl Checker {
    /// Validates `config` (`null` for the defaults).
    pub fn new(config: &Value) -> Result<Checker, InputError> {
        crate::text::warm_up();
        Ok(Checker {
            config: Config::from_value(config, rules::canonical_id)?,
        })
    }

    /// Validates a config given as JSON text.
    pub fn from_config_json(config: &str) -> Result<Checker, InputError> {
        crate::text::warm_up();
        Ok(Checker {
            config: Config::from_json(config, rules::canonical_id)?,
        })
    }

    /// A checker with the built-in payer packs and every rule on.
    pub fn with_defaults() -> Checker {
        crate::text::warm_up();
        Checker {
            config: Config::default(),
        }
    }

    /// The validated config.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Checks a note given as JSON text.
    pub fn check_json(&self, note: &str) -> Result<Report, InputError> {
        self.check_json_with(note, &CheckOptions::default())
    }

    /// Checks a note given as JSON text, with options (stage, dismissals).
    pub fn check_json_with(
        &self,
        note: &str,
        options: &CheckOptions,
    ) -> Result<Report, InputError> {
        Ok(self.check_with(&Note::from_value_owned(parse_json(note, "note")?)?, options))
    }

    /// Checks a note given as a JSON value.
    pub fn check_value(&self, note: &Value) -> Result<Report, InputError> {
        self.check_value_with(note, &CheckOptions::default())
    }

    /// Checks a note given as a JSON value, with options (stage, dismissals).
    pub fn check_value_with(
        &self,
        note: &Value,
        options: &CheckOptions,
    ) -> Result<Report, InputError> {
        Ok(self.check_with(&Note::from_value(note)?, options))
    }

    /// Checks the notes of one episode of care (one patient, one discipline, one plan of
    /// care), given as a JSON array in any order: each note's own report (with the fields the
    /// episode derives), the episode's findings, a timeline and a goal table.
    ///
    /// Returns an error when the episode as a whole cannot be checked (not an array, more
    /// than [`crate::MAX_EPISODE_NOTES`] notes, notes of different disciplines, patients or
    /// episodes, two notes with one id); a note that fails validation is reported in its
    /// place (`notes[3].lines[0].units: …`) and the rest are checked.
    pub fn check_episode_json(&self, notes: &str) -> Result<EpisodeReport, InputError> {
        let v = crate::input::parse_json_max(notes, "episode", MAX_EPISODE_JSON_BYTES)?;
        self.check_episode_value(&v)
    }

    /// [`Checker::check_episode_json`] for an array already parsed.
    pub fn check_episode_value(&self, notes: &Value) -> Result<EpisodeReport, InputError> {
        let input = parse_episode_notes(notes)?;
        let valid: Vec<(usize, &Note)> = input
            .notes
            .iter()
            .enumerate()
            .filter_map(|(i, n)| n.as_ref().ok().map(|n| (i, n)))
            .collect();
        let model = Model::build(valid);
        // Each note in date order, with what the episode derives for it.
        let n = model.members.len();
        let mut reports = Vec::with_capacity(n);
        let mut outcomes = Vec::with_capacity(n);
        let mut derived = Vec::with_capacity(n);
        let mut deriver = Deriver::default();
        for k in 0..n {
            let (fields, with) = deriver.derive(&model, k, &self.config);
            let Some(note) = with.as_ref().or(model.member(k).map(|m| m.note)) else {
                continue;
            };
            let mut outcome = NoteOutcome::default();
            reports.push(self.check_keeping(note, &CheckOptions::default(), Some(&mut outcome)));
            deriver.after(note.date_of_service.year, outcome.spent_after);
            outcomes.push(outcome);
            derived.push(fields);
        }
        let facts = EpisodeFacts::compute(&self.config, model, outcomes);
        let diagnostics = rules::run_episode(&facts, &self.config);
        Ok(report::episode::build(
            &facts,
            diagnostics,
            reports,
            derived,
            &input,
        ))
    }

    /// Checks a validated note at signing: its facts once, every enabled rule over them, the
    /// Report.
    pub fn check(&self, note: &Note) -> Report {
        self.check_keeping(note, &CheckOptions::default(), None)
    }

    /// Checks a validated note with options: the stage (drafting or signing) and the
    /// findings dismissed for this check.
    pub fn check_with(&self, note: &Note, options: &CheckOptions) -> Report {
        self.check_keeping(note, options, None)
    }

    /// [`Checker::check`], keeping in `outcome` what an episode needs of the note's facts
    /// (one copy of the check for both callers).
    #[inline(never)]
    fn check_keeping(
        &self,
        note: &Note,
        options: &CheckOptions,
        outcome: Option<&mut NoteOutcome>,
    ) -> Report {
        let facts = Facts::compute(note, &self.config);
        let (diagnostics, items) = rules::run(&facts, &self.config);
        if let Some(o) = outcome {
            let threshold = facts.payment.threshold.as_ref();
            *o = NoteOutcome {
                expected: facts.payment.expected,
                spent_before: threshold.map(|t| t.before),
                spent_after: threshold.map(|t| t.after),
                outcome_measures: facts.text.outcome_measures.iter().map(|e| e.span).collect(),
            };
        }
        report::build(&facts, diagnostics, items, options)
    }
}

/// One-shot convenience: check a note (JSON) with a config (JSON, or `null`).
pub fn check_note(note: &Value, config: &Value) -> Result<Report, InputError> {
    Checker::new(config)?.check_value(note)
}
