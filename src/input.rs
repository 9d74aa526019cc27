//! Reading untrusted JSON with field paths in every error.
//!
//! The note and the config arrive as `serde_json::Value` (from a JSON string natively, from
//! `JSON.stringify` at the WASM boundary). [`Obj`] reads one object's fields and builds the
//! path of each, so that every rejection says `lines[2].minutes: expected …, got …`.

use crate::error::InputError;
use rust_decimal::Decimal;
use serde_json::{Map, Value};
use std::str::FromStr;

/// Short description of a JSON value for error messages. Strings are not echoed (they may
/// hold patient text); numbers, booleans and null are.
pub fn describe(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => format!("a string of {} characters", s.chars().count()),
        Value::Array(a) => format!("an array of {} items", a.len()),
        Value::Object(_) => "an object".into(),
    }
}

/// Joins a parent path and a key.
pub fn join(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_string()
    } else {
        format!("{parent}.{key}")
    }
}

/// One JSON object being read, with its path.
pub struct Obj<'a> {
    pub path: String,
    map: &'a Map<String, Value>,
}

impl<'a> Obj<'a> {
    /// `v` must be an object.
    pub fn new(v: &'a Value, path: &str) -> Result<Self, InputError> {
        match v {
            Value::Object(map) => Ok(Obj {
                path: path.to_string(),
                map,
            }),
            other => Err(InputError::new(
                path,
                format!("expected an object, got {}", describe(other)),
            )),
        }
    }

    pub fn path_of(&self, key: &str) -> String {
        join(&self.path, key)
    }

    /// The raw value of a field; `null` counts as absent.
    pub fn get(&self, key: &str) -> Option<&'a Value> {
        match self.map.get(key) {
            None | Some(Value::Null) => None,
            Some(v) => Some(v),
        }
    }

    pub fn opt_obj(&self, key: &str) -> Result<Option<Obj<'a>>, InputError> {
        self.get(key)
            .map(|v| Obj::new(v, &self.path_of(key)))
            .transpose()
    }

    pub fn opt_str(&self, key: &str) -> Result<Option<&'a str>, InputError> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.as_str())),
            Some(other) => Err(InputError::new(
                self.path_of(key),
                format!("expected a string, got {}", describe(other)),
            )),
        }
    }

    pub fn req_str(&self, key: &str) -> Result<&'a str, InputError> {
        self.opt_str(key)?
            .ok_or_else(|| InputError::new(self.path_of(key), "is required (a string)"))
    }

    /// A string that must be one of `allowed`.
    pub fn opt_enum(&self, key: &str, allowed: &[&str]) -> Result<Option<&'a str>, InputError> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::String(s)) if allowed.contains(&s.as_str()) => Ok(Some(s.as_str())),
            Some(other) => Err(InputError::new(
                self.path_of(key),
                format!(
                    "expected one of {}, got {}",
                    quote_list(allowed),
                    describe_short(other)
                ),
            )),
        }
    }

    pub fn req_enum(&self, key: &str, allowed: &[&str]) -> Result<&'a str, InputError> {
        self.opt_enum(key, allowed)?.ok_or_else(|| {
            InputError::new(
                self.path_of(key),
                format!("is required: one of {}", quote_list(allowed)),
            )
        })
    }

    pub fn opt_bool(&self, key: &str) -> Result<Option<bool>, InputError> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(other) => Err(InputError::new(
                self.path_of(key),
                format!("expected true or false, got {}", describe(other)),
            )),
        }
    }

    /// A whole number in `0..=max`. `what` names the quantity for the message
    /// ("a whole number of minutes").
    pub fn opt_count(&self, key: &str, what: &str, max: u32) -> Result<Option<u32>, InputError> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => whole_number(v, &self.path_of(key), what, max).map(Some),
        }
    }

    pub fn req_count(&self, key: &str, what: &str, max: u32) -> Result<u32, InputError> {
        self.opt_count(key, what, max)?
            .ok_or_else(|| InputError::new(self.path_of(key), format!("is required: {what} ≥ 0")))
    }

    /// A date `YYYY-MM-DD`.
    pub fn opt_date(&self, key: &str) -> Result<Option<crate::date::Date>, InputError> {
        match self.opt_str(key)? {
            None => Ok(None),
            Some(s) => crate::date::Date::parse(s).map(Some).ok_or_else(|| {
                InputError::new(
                    self.path_of(key),
                    "expected a real calendar date written YYYY-MM-DD",
                )
            }),
        }
    }

    /// A decimal amount in dollars, given as a string ("1234.56") or a number.
    pub fn opt_money(&self, key: &str) -> Result<Option<Decimal>, InputError> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => money(v, &self.path_of(key)).map(Some),
        }
    }

    pub fn opt_array(&self, key: &str, max: usize) -> Result<Option<&'a Vec<Value>>, InputError> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::Array(a)) if a.len() <= max => Ok(Some(a)),
            Some(Value::Array(a)) => Err(InputError::new(
                self.path_of(key),
                format!("has {} items; at most {max} are accepted", a.len()),
            )),
            Some(other) => Err(InputError::new(
                self.path_of(key),
                format!("expected an array, got {}", describe(other)),
            )),
        }
    }

    /// An array of strings, each checked by `check` (which returns the error text).
    pub fn opt_str_list(&self, key: &str, max: usize) -> Result<Option<Vec<&'a str>>, InputError> {
        let Some(items) = self.opt_array(key, max)? else {
            return Ok(None);
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            match item {
                Value::String(s) => out.push(s.as_str()),
                other => {
                    return Err(InputError::new(
                        format!("{}[{i}]", self.path_of(key)),
                        format!("expected a string, got {}", describe(other)),
                    ))
                }
            }
        }
        Ok(Some(out))
    }

    /// The object's entries (for maps keyed by code or rule id).
    pub fn entries(&self) -> impl Iterator<Item = (&'a String, &'a Value)> {
        self.map.iter()
    }
}

/// A whole number in `0..=max`, accepting JSON integers and floats with no fraction.
pub fn whole_number(v: &Value, path: &str, what: &str, max: u32) -> Result<u32, InputError> {
    let bad = || {
        InputError::new(
            path,
            format!("expected {what} ≥ 0, got {}", describe_short(v)),
        )
    };
    let n = match v {
        Value::Number(n) => {
            if let Some(u) = n.as_u64() {
                u as f64
            } else if let Some(f) = n.as_f64() {
                if f.fract() != 0.0 || !f.is_finite() || f < 0.0 {
                    return Err(bad());
                }
                f
            } else {
                return Err(bad());
            }
        }
        _ => return Err(bad()),
    };
    if n > f64::from(max) {
        return Err(InputError::new(
            path,
            format!(
                "expected {what} no larger than {max}, got {}",
                describe_short(v)
            ),
        ));
    }
    Ok(n as u32)
}

/// A non-negative dollar amount as a decimal string (preferred) or number.
pub fn money(v: &Value, path: &str) -> Result<Decimal, InputError> {
    let bad = || {
        InputError::new(
            path,
            format!(
                "expected a dollar amount ≥ 0 as a decimal string such as \"1234.56\", got {}",
                describe_short(v)
            ),
        )
    };
    let d = match v {
        Value::String(s) if s.len() <= 32 => Decimal::from_str(s.trim()).map_err(|_| bad())?,
        Value::Number(n) => Decimal::from_str(&n.to_string()).map_err(|_| bad())?,
        _ => return Err(bad()),
    };
    if d.is_sign_negative() && !d.is_zero() {
        return Err(bad());
    }
    if d > Decimal::from(100_000_000u32) {
        return Err(InputError::new(
            path,
            "expected a dollar amount below 100,000,000",
        ));
    }
    Ok(d)
}

/// Like [`describe`], but short strings that look like codes are shown, since they carry no
/// patient text and help the engineer see the typo.
pub fn describe_short(v: &Value) -> String {
    match v {
        Value::String(s)
            if s.len() <= 12
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-_./ ".contains(c)) =>
        {
            format!("\"{s}\"")
        }
        other => describe(other),
    }
}

fn quote_list(items: &[&str]) -> String {
    items
        .iter()
        .map(|s| format!("\"{s}\""))
        .collect::<Vec<_>>()
        .join(", ")
}
