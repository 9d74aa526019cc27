//! The [`Checker`]: a validated config, checking one note at a time: Note → facts → rules →
//! Report. The text reader's lexicons are built once per process, by the first checker.

use crate::config::Config;
use crate::error::InputError;
use crate::facts::Facts;
use crate::input::parse_json;
use crate::note::Note;
use crate::report::{self, Report};
use crate::rules;
use crate::text;
use serde_json::Value;

/// A configured checker. Build it once (the config is validated here, and the text reader's
/// lexicons are built by the first checker of the process) and call [`Checker::check`] on
/// every keystroke.
pub struct Checker {
    config: Config,
}

impl Checker {
    /// Validates `config` (`null` for the defaults).
    pub fn new(config: &Value) -> Result<Checker, InputError> {
        text::warm_up();
        Ok(Checker {
            config: Config::from_value(config, rules::canonical_id)?,
        })
    }

    /// Validates a config given as JSON text.
    pub fn from_config_json(config: &str) -> Result<Checker, InputError> {
        text::warm_up();
        Ok(Checker {
            config: Config::from_json(config, rules::canonical_id)?,
        })
    }

    /// A checker with the built-in payer packs and every rule on.
    pub fn with_defaults() -> Checker {
        text::warm_up();
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
        Ok(self.check(&Note::from_value_owned(parse_json(note, "note")?)?))
    }

    /// Checks a note given as a JSON value.
    pub fn check_value(&self, note: &Value) -> Result<Report, InputError> {
        Ok(self.check(&Note::from_value(note)?))
    }

    /// Checks a validated note: its facts once, every enabled rule over them, the Report.
    pub fn check(&self, note: &Note) -> Report {
        let facts = Facts::compute(note, &self.config);
        let diagnostics = rules::run(&facts, &self.config);
        report::build(&facts, diagnostics)
    }
}

/// One-shot convenience: check a note (JSON) with a config (JSON, or `null`).
pub fn check_note(note: &Value, config: &Value) -> Result<Report, InputError> {
    Checker::new(config)?.check_value(note)
}
