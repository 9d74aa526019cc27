//! Reading untrusted JSON with field paths in every error.
//!
//! The note and the config arrive as `serde_json::Value` (from a JSON string natively, from
//! `JSON.stringify` at the WASM boundary). [`Obj`] reads one object's fields and builds the
//! path of each, so that every rejection says `lines[2].minutes: expected …, got …`.

mod fields;

use crate::error::InputError;
use rust_decimal::Decimal;
use serde_json::{Map, Value};
use std::str::FromStr;

/// Largest note accepted, as JSON text (a 1 MiB `text` and its fields).
pub const MAX_JSON_BYTES: usize = 2 << 20;

/// Largest config accepted, as JSON text: a config may carry whole CMS files (the PFS
/// relative value file is about 4 MB, the PTP edit tables and ICD-10-CM lists more).
pub const MAX_CONFIG_JSON_BYTES: usize = 64 << 20;

/// Parses a note's JSON text with the note's size bound ([`MAX_JSON_BYTES`]); `what` names
/// the document in errors. Over the bound, the error names the field that makes it large
/// (`text: …`) when one top-level field holds most of it.
pub fn parse_json(json: &str, what: &str) -> Result<Value, InputError> {
    parse_json_max(json, what, MAX_JSON_BYTES)
}

/// Parses a config's JSON text ([`MAX_CONFIG_JSON_BYTES`]).
pub fn parse_config_json(json: &str) -> Result<Value, InputError> {
    parse_json_max(json, "config", MAX_CONFIG_JSON_BYTES)
}

/// Parses JSON text of at most `max` bytes; `what` names the document in errors.
pub fn parse_json_max(json: &str, what: &str, max: usize) -> Result<Value, InputError> {
    if json.len() > max {
        let (path, field) = match largest_field(json) {
            Some((key, len)) if len > json.len() / 2 => (
                key.clone(),
                format!(" ({key} alone is {len} bytes of JSON)"),
            ),
            _ => (String::new(), String::new()),
        };
        return Err(InputError::new(
            path,
            format!(
                "the {what} is {} bytes of JSON{field}; at most {max} are accepted",
                json.len()
            ),
        ));
    }
    serde_json::from_str(json)
        .map_err(|e| InputError::new("", format!("the {what} is not valid JSON ({e})")))
}

/// The largest top-level field of a JSON object and its size in bytes of JSON text, read
/// without building the values (only for the error of an oversized document).
fn largest_field(json: &str) -> Option<(String, usize)> {
    fields::top_level_fields(json)?
        .into_iter()
        .max_by_key(|&(_, len)| len)
}

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

/// The UTF-16 code unit of a `\uXXXX` escape at byte `i` of `b`, if it is a surrogate.
#[cfg_attr(
    not(any(target_arch = "wasm32", feature = "testing")),
    allow(dead_code)
)]
fn surrogate_escape_at(b: &[u8], i: usize) -> Option<u16> {
    if b.get(i) != Some(&b'\\') || b.get(i + 1) != Some(&b'u') {
        return None;
    }
    let hex = b.get(i + 2..i + 6)?;
    let mut v: u16 = 0;
    for &h in hex {
        v = v * 16 + u16::try_from(char::from(h).to_digit(16)?).ok()?;
    }
    (0xD800..=0xDFFF).contains(&v).then_some(v)
}

/// JSON text as `JSON.stringify` writes it may carry a lone surrogate (half of an emoji cut
/// by an edit, or invalid UTF-16 from JavaScript) as a `\udXXX` escape, which serde_json
/// rejects. Each lone one becomes `\ufffd` (U+FFFD, one UTF-16 unit for one, so spans in the
/// report still line up with the editor's text). A well-formed escaped pair
/// (`\ud83d\ude00`) is kept as it is. Borrows (no copy) when there is nothing to repair,
/// which is every keystroke in practice: one pass over the backslashes.
#[cfg_attr(
    not(any(target_arch = "wasm32", feature = "testing")),
    allow(dead_code)
)] // the WASM boundary's, and the tests'
pub fn replace_lone_surrogates(json: &str) -> std::borrow::Cow<'_, str> {
    let b = json.as_bytes();
    let mut out = String::new();
    let mut copied = 0usize;
    let mut next = 0usize;
    for i in memchr::memchr_iter(b'\\', b) {
        if i < next {
            continue; // escaped by the previous backslash, or inside a kept pair
        }
        match surrogate_escape_at(b, i) {
            Some(0xD800..=0xDBFF)
                if surrogate_escape_at(b, i + 6).is_some_and(|lo| lo >= 0xDC00) =>
            {
                next = i + 12;
            }
            Some(_) => {
                if out.is_empty() {
                    out.reserve(json.len());
                }
                out.push_str(json.get(copied..i).unwrap_or(""));
                out.push_str("\\ufffd");
                next = i + 6;
                copied = next;
            }
            // Any other escape: the backslash and the character it escapes.
            None => next = i + 2,
        }
    }
    if copied == 0 {
        return std::borrow::Cow::Borrowed(json);
    }
    out.push_str(json.get(copied..).unwrap_or(""));
    std::borrow::Cow::Owned(out)
}

/// The known key nearest to `key` (case-insensitive edit distance), if near enough to be a
/// typo: at most a third of its length, and at least 1 or 2.
pub fn nearest<'k>(key: &str, known: &[&'k str]) -> Option<&'k str> {
    let key: Vec<char> = crate::lower::str_lower(key).chars().collect();
    known
        .iter()
        .map(|k| {
            (
                edit_distance(
                    &key,
                    &crate::lower::str_lower(k).chars().collect::<Vec<_>>(),
                ),
                *k,
            )
        })
        .filter(|(d, k)| *d <= (k.chars().count() / 3).max(2))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

/// Levenshtein distance (insertions, deletions, substitutions), one row at a time.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = i; // row[j - 1] of the previous row
        let mut left = i + 1; // row[j - 1] of this row
        let mut next = Vec::with_capacity(row.len());
        next.push(left);
        for (j, cb) in b.iter().enumerate() {
            let up = row.get(j + 1).copied().unwrap_or(usize::MAX);
            let cost = usize::from(ca != cb);
            let d = (diagonal + cost).min(up.saturating_add(1)).min(left + 1);
            diagonal = up;
            left = d;
            next.push(d);
        }
        row = next;
    }
    row.last().copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::replace_lone_surrogates;

    fn fix(s: String) -> String {
        replace_lone_surrogates(&s).into_owned()
    }

    #[test]
    fn lone_surrogates_become_replacement_characters() {
        assert_eq!(fix(r#""a\ud83d b""#.into()), r#""a\ufffd b""#);
        assert_eq!(fix(r#""a\uDE00""#.into()), r#""a\ufffd""#);
        // low before high: two lone halves
        assert_eq!(fix(r#""\ude00\ud83d""#.into()), r#""\ufffd\ufffd""#);
        // a high surrogate followed by a non-surrogate escape
        assert_eq!(fix(r#""\ud83d\u0041""#.into()), r#""\ufffd\u0041""#);
    }

    #[test]
    fn pairs_and_escaped_backslashes_are_kept() {
        for s in [
            r#""\ud83d\ude00""#,
            r#""\\ud83d""#,
            r#""x\\\\ud800""#,
            r#""\ud83d\uDE00 é""#,
            "\"\\ud8\"",
        ] {
            assert_eq!(fix(s.into()), s);
        }
        let v: serde_json::Value =
            serde_json::from_str(&fix(r#""\ud83d\ude00""#.into())).unwrap_or_default();
        assert_eq!(v, serde_json::Value::String("😀".into()));
        assert_eq!(fix(r#""\\\ud800""#.into()), r#""\\\ufffd""#);
    }
}
