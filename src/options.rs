//! What one check is asked for (`check(note, options)`): the stage (drafting or signing)
//! and the findings a reviewer dismissed, with their reasons. Dismissals may also be given
//! once in the Config (`config.dismissed`); a check uses both.

use crate::error::InputError;
use crate::input::{describe, Obj};
use crate::wire::wire_enum;
use serde::Serialize;
use serde_json::Value;

wire_enum! {
    /// Where the note is in its life: being written, or about to be signed.
    #[derive(Default)]
    pub enum Stage {
        /// Being written: what is simply not written yet (goals, plan, signature, minutes,
        /// diagnoses…) is an item of `report.checklist`, not a finding; what is wrong in
        /// what is written stays a finding.
        Draft = "draft",
        /// About to be signed (the default): everything that blocks or risks the claim is a
        /// finding.
        #[default]
        Sign = "sign",
    }
}

/// A reviewer's dismissal of one finding: its fingerprint and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Dismissal {
    /// The finding's `fingerprint`.
    pub fingerprint: String,
    /// Why it was dismissed, in the reviewer's words (kept in the report and exports).
    pub reason: String,
}

/// Most dismissals one config or one check may carry.
pub const MAX_DISMISSALS: usize = 10_000;
const MAX_FINGERPRINT_CHARS: usize = 100;
const MAX_REASON_CHARS: usize = 2_000;

impl Dismissal {
    /// The `dismissed` array of an object being read (the config or the check options).
    pub fn list(o: &Obj<'_>) -> Result<Vec<Dismissal>, InputError> {
        let Some(items) = o.opt_array("dismissed", MAX_DISMISSALS)? else {
            return Ok(Vec::new());
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let path = format!("{}[{i}]", o.path_of("dismissed"));
            let d = Obj::new(item, &path)?;
            let fingerprint = d.req_str("fingerprint")?.trim();
            if fingerprint.is_empty() || fingerprint.chars().count() > MAX_FINGERPRINT_CHARS {
                return Err(InputError::new(
                    d.path_of("fingerprint"),
                    "expected a finding's fingerprint (as the report gives it)",
                ));
            }
            let reason = d.req_str("reason")?.trim();
            if reason.is_empty() {
                return Err(InputError::new(
                    d.path_of("reason"),
                    "is required: say why the finding is dismissed",
                ));
            }
            if reason.chars().count() > MAX_REASON_CHARS {
                return Err(InputError::new(
                    d.path_of("reason"),
                    format!("is longer than {MAX_REASON_CHARS} characters"),
                ));
            }
            out.push(Dismissal {
                fingerprint: fingerprint.to_string(),
                reason: reason.to_string(),
            });
        }
        Ok(out)
    }
}

/// The keys of the check options.
pub const OPTION_KEYS: &[&str] = &["stage", "dismissed"];

/// The options of one check.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CheckOptions {
    /// Drafting or signing (default: signing, the behaviour without options).
    pub stage: Stage,
    /// Findings dismissed for this check, in addition to `config.dismissed`.
    pub dismissed: Vec<Dismissal>,
}

impl CheckOptions {
    /// Options for `stage`, with no dismissal.
    pub fn stage(stage: Stage) -> CheckOptions {
        CheckOptions {
            stage,
            dismissed: Vec::new(),
        }
    }

    /// Validates options given as JSON (`null` for the defaults); errors name
    /// `options.stage`, `options.dismissed[2].reason`, ….
    pub fn from_value(v: &Value) -> Result<CheckOptions, InputError> {
        if v.is_null() {
            return Ok(CheckOptions::default());
        }
        let o = Obj::new(v, "options")?;
        for (key, value) in o.entries() {
            if !OPTION_KEYS.contains(&key.as_str()) {
                let hint = match crate::input::nearest(key, OPTION_KEYS) {
                    Some(near) => format!("did you mean \"{near}\"?"),
                    None => "expected stage or dismissed".to_string(),
                };
                return Err(InputError::new(
                    o.path_of(key),
                    format!("is not a check option ({hint}), got {}", describe(value)),
                ));
            }
        }
        let stage = o
            .opt_enum("stage", Stage::NAMES)?
            .and_then(Stage::parse)
            .unwrap_or_default();
        Ok(CheckOptions {
            stage,
            dismissed: Dismissal::list(&o)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn defaults_to_signing() {
        assert_eq!(
            CheckOptions::from_value(&Value::Null).ok(),
            Some(CheckOptions::default())
        );
        assert_eq!(CheckOptions::default().stage, Stage::Sign);
    }

    #[test]
    fn errors_name_the_option() {
        let err = |v: Value| CheckOptions::from_value(&v).err().map(|e| e.to_string());
        assert_eq!(
            err(json!({"stage": "final"})).as_deref(),
            Some("options.stage: expected one of \"draft\", \"sign\", got \"final\"")
        );
        assert!(err(json!({"dismissed": [{"fingerprint": "ab12"}]}))
            .is_some_and(|e| e.starts_with("options.dismissed[0].reason: is required")));
        assert!(
            err(json!({"dismissed": [{"fingerprint": "ab12", "reason": "  "}]}))
                .is_some_and(|e| e.starts_with("options.dismissed[0].reason: is required"))
        );
        assert_eq!(
            err(json!({"stages": "draft"})).as_deref(),
            Some("options.stages: is not a check option (did you mean \"stage\"?), got a string of 5 characters")
        );
        assert!(err(json!({"colour": "red"})).is_some_and(|e| e
            .starts_with("options.colour: is not a check option (expected stage or dismissed)")));
    }
}
