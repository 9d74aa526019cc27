//! The WASM boundary: the only module that knows wasm-bindgen, js-sys and
//! serde-wasm-bindgen.
//!
//! Inputs cross as plain JS objects. They are turned into JSON text with `JSON.stringify`
//! (which drops `undefined`, turns `NaN`/`Infinity` into `null`, throws on cycles and
//! BigInt, and escapes lone surrogates) and parsed by serde_json with its recursion limit,
//! so no JS value can make the engine recurse without bound. Every failure becomes a JS
//! `Error` whose message names the field; the same `Checker` keeps working afterwards.

use crate::error::InputError;
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = include_str!("../pkg-config/types.d.ts");

#[wasm_bindgen]
extern "C" {
    /// A `Config` object (typed in the .d.ts; validated here).
    #[wasm_bindgen(typescript_type = "Config")]
    pub type ConfigObject;
}

fn to_js_error(e: InputError) -> JsError {
    JsError::new(&e.to_string())
}

/// JSON text of a JS value; `what` names it ("note", "config") in errors.
fn stringify(value: &JsValue, what: &str) -> Result<String, JsError> {
    if value.is_undefined() || value.is_null() {
        return Err(JsError::new(&format!(
            "{what}: expected an object, got {}",
            if value.is_null() { "null" } else { "undefined" }
        )));
    }
    let json = js_sys::JSON::stringify(value).map_err(|e| {
        let detail = js_sys::Error::from(e)
            .message()
            .as_string()
            .unwrap_or_default();
        JsError::new(&format!("{what}: cannot be read as JSON data ({detail})"))
    })?;
    let json = json
        .as_string()
        .ok_or_else(|| JsError::new(&format!("{what}: expected an object")))?;
    Ok(replace_lone_surrogates(json))
}

/// `JSON.stringify` writes a lone surrogate (half of an emoji cut by an edit, say) as a
/// `\udXXX` escape, which serde_json rejects. Each becomes U+FFFD, one UTF-16 unit for one,
/// so spans in the report still line up with the editor's text.
fn replace_lone_surrogates(json: String) -> String {
    if !json.contains("\\ud") && !json.contains("\\uD") {
        return json;
    }
    let mut out = String::with_capacity(json.len());
    let mut chars = json.char_indices().peekable();
    let mut backslashes = 0usize;
    while let Some((i, c)) = chars.next() {
        if c == '\\' && backslashes % 2 == 0 {
            let esc = json.get(i + 1..i + 6).unwrap_or("");
            let is_surrogate = esc.len() == 5
                && esc.starts_with('u')
                && matches!(esc.get(1..2), Some("d" | "D"))
                && matches!(esc.get(2..3).map(|s| s.to_ascii_lowercase()), Some(ref h) if "89abcdef".contains(h.as_str()))
                && esc
                    .get(3..5)
                    .is_some_and(|h| h.bytes().all(|b| b.is_ascii_hexdigit()));
            if is_surrogate {
                out.push_str("\\ufffd");
                for _ in 0..5 {
                    chars.next();
                }
                backslashes = 0;
                continue;
            }
        }
        backslashes = if c == '\\' { backslashes + 1 } else { 0 };
        out.push(c);
    }
    out
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("internal error while returning the report: {e}")))
}

fn parse_config(config: Option<ConfigObject>) -> Result<crate::Checker, JsError> {
    let Some(config) = config else {
        return Ok(crate::Checker::with_defaults());
    };
    let config: &JsValue = &config;
    if config.is_undefined() || config.is_null() {
        return Ok(crate::Checker::with_defaults());
    }
    let json = stringify(config, "config")?;
    let value = crate::parse_json_max(&json, "config", crate::MAX_CONFIG_JSON_BYTES)
        .map_err(to_js_error)?;
    crate::Checker::new(&value).map_err(to_js_error)
}

/// A configured checker: build it once, call `check` on every keystroke.
#[wasm_bindgen]
pub struct Checker {
    inner: crate::Checker,
}

#[wasm_bindgen]
impl Checker {
    /// Validates the config (optional) once. Throws an `Error` naming the field if invalid.
    #[wasm_bindgen(constructor)]
    pub fn new(config: Option<ConfigObject>) -> Result<Checker, JsError> {
        Ok(Checker {
            inner: parse_config(config)?,
        })
    }

    /// Checks a note. Throws an `Error` naming the field path when the note is invalid.
    #[wasm_bindgen(unchecked_return_type = "Report")]
    pub fn check(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Note")] note: JsValue,
    ) -> Result<JsValue, JsError> {
        let json = stringify(&note, "note")?;
        let report = self.inner.check_json(&json).map_err(to_js_error)?;
        to_js(&report)
    }

    /// Checks a note given as JSON text and returns the report as JSON text (for workers
    /// that already hold JSON).
    #[wasm_bindgen(js_name = checkJson)]
    pub fn check_json(&self, note: &str) -> Result<String, JsError> {
        let report = self
            .inner
            .check_json(&replace_lone_surrogates(note.to_string()))
            .map_err(to_js_error)?;
        serde_json::to_string(&report)
            .map_err(|e| JsError::new(&format!("internal error while returning the report: {e}")))
    }
}

/// One-shot convenience: `checkNote(note, config?)`.
#[wasm_bindgen(js_name = checkNote, unchecked_return_type = "Report")]
pub fn check_note(
    #[wasm_bindgen(unchecked_param_type = "Note")] note: JsValue,
    config: Option<ConfigObject>,
) -> Result<JsValue, JsError> {
    let checker = parse_config(config)?;
    let json = stringify(&note, "note")?;
    to_js(&checker.check_json(&json).map_err(to_js_error)?)
}

/// The rule catalogue: id, family, severity, summary, what it checks, why, example,
/// passes, source.
#[wasm_bindgen(unchecked_return_type = "RuleDoc[]")]
pub fn rules() -> Result<JsValue, JsError> {
    to_js(&crate::rules::catalogue())
}

/// The crate version.
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}

/// The input bounds (text bytes, text lines, billed lines).
#[wasm_bindgen(unchecked_return_type = "Limits")]
pub fn limits() -> Result<JsValue, JsError> {
    to_js(&crate::note::LIMITS)
}
