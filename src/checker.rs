//! The [`Checker`]: a validated config and the compiled text patterns, checking one note at a
//! time: Note → facts → rules → Report.

use crate::config::Config;
use crate::error::InputError;
use crate::facts::Facts;
use crate::input::parse_json;
use crate::note::Note;
use crate::options::CheckOptions;
use crate::report::{self, Report};
use crate::rules;
use crate::text::TextScanner;
use serde_json::Value;

/// A configured checker. Build it once (the config is validated and the text patterns are
/// compiled here) and call [`Checker::check`] on every keystroke.
pub struct Checker {
    config: Config,
    scanner: &'static TextScanner,
}

impl Checker {
    /// Validates `config` (`null` for the defaults).
    pub fn new(config: &Value) -> Result<Checker, InputError> {
        Ok(Checker {
            config: Config::from_value(config, rules::canonical_id)?,
            scanner: TextScanner::shared(),
        })
    }

    /// Validates a config given as JSON text.
    pub fn from_config_json(config: &str) -> Result<Checker, InputError> {
        Ok(Checker {
            config: Config::from_json(config, rules::canonical_id)?,
            scanner: TextScanner::shared(),
        })
    }

    /// A checker with the built-in payer packs and every rule on.
    pub fn with_defaults() -> Checker {
        Checker {
            config: Config::default(),
            scanner: TextScanner::shared(),
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

    /// Checks a validated note at signing: its facts once, every enabled rule over them, the
    /// Report.
    pub fn check(&self, note: &Note) -> Report {
        self.check_with(note, &CheckOptions::default())
    }

    /// Checks a validated note with options: the stage (drafting or signing) and the
    /// findings dismissed for this check.
    pub fn check_with(&self, note: &Note, options: &CheckOptions) -> Report {
        let facts = Facts::compute(note, &self.config, self.scanner);
        let (diagnostics, items) = rules::run(&facts, &self.config);
        report::build(&facts, diagnostics, items, options)
    }
}

/// One-shot convenience: check a note (JSON) with a config (JSON, or `null`).
pub fn check_note(note: &Value, config: &Value) -> Result<Report, InputError> {
    Checker::new(config)?.check_value(note)
}
