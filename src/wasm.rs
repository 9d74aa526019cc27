//! The WASM boundary: the only module that knows wasm-bindgen and js-sys.
//!
//! Inputs cross as plain JS objects. They are turned into JSON text with `JSON.stringify`
//! (which drops `undefined`, turns `NaN`/`Infinity` into `null`, throws on cycles and
//! BigInt, and escapes lone surrogates) and parsed by serde_json with its recursion limit,
//! so no JS value can make the engine recurse without bound. Every failure becomes a JS
//! `Error` whose message names the field; the same `Checker` keeps working afterwards.

use crate::error::InputError;
use crate::input::{parse_config_json, replace_lone_surrogates};
use crate::options::CheckOptions;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The input types (Note, Config), written by hand.
#[wasm_bindgen(typescript_custom_section)]
const TS_INPUT_TYPES: &'static str = include_str!("../pkg-config/types.d.ts");

/// The output types (Report, Finding, RuleDoc, the wire enums, RuleId), generated from the
/// Rust types by `cargo test` (src/contract.rs).
#[wasm_bindgen(typescript_custom_section)]
const TS_OUTPUT_TYPES: &'static str = include_str!("../pkg-config/report.d.ts");

#[wasm_bindgen]
extern "C" {
    /// A `Config` object (typed in the .d.ts; validated here).
    #[wasm_bindgen(typescript_type = "Config")]
    pub type ConfigObject;
    /// A `CheckOptions` object (typed in the .d.ts; validated here).
    #[wasm_bindgen(typescript_type = "CheckOptions")]
    pub type OptionsObject;
}

/// The options of one check (`null`/`undefined`: signing, no dismissal).
fn parse_options(options: Option<OptionsObject>) -> Result<CheckOptions, JsError> {
    let Some(options) = options else {
        return Ok(CheckOptions::default());
    };
    let options: &JsValue = &options;
    if options.is_undefined() || options.is_null() {
        return Ok(CheckOptions::default());
    }
    let json = stringify(options, "options")?;
    let value = crate::input::parse_json(&json, "options").map_err(to_js_error)?;
    CheckOptions::from_value(&value).map_err(to_js_error)
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
    Ok(match replace_lone_surrogates(&json) {
        std::borrow::Cow::Borrowed(_) => json,
        std::borrow::Cow::Owned(repaired) => repaired,
    })
}

/// A plain JS object from a Rust value: serialized to JSON text in Rust and read back with
/// the engine's `JSON.parse`. As fast as building the object property by property across the
/// boundary (serde-wasm-bindgen) in docs/benchmarks.md's measurements, and without that
/// dependency the package is 6 KB (gzipped) smaller (docs/size.md).
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let json = serde_json::to_string(value)
        .map_err(|e| JsError::new(&format!("internal error while returning the report: {e}")))?;
    js_sys::JSON::parse(&json)
        .map_err(|_| JsError::new("internal error while returning the report"))
}

fn parse_config(config: Option<ConfigObject>) -> Result<crate::checker::Checker, JsError> {
    let Some(config) = config else {
        return Ok(crate::checker::Checker::with_defaults());
    };
    let config: &JsValue = &config;
    if config.is_undefined() || config.is_null() {
        return Ok(crate::checker::Checker::with_defaults());
    }
    let json = stringify(config, "config")?;
    let value = parse_config_json(&json).map_err(to_js_error)?;
    crate::checker::Checker::new(&value).map_err(to_js_error)
}

/// A configured checker: build it once, call `check` on every keystroke.
#[wasm_bindgen]
pub struct Checker {
    inner: crate::checker::Checker,
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

    /// Checks a note. `options.stage`: `"sign"` (the default) or `"draft"` (what is not
    /// written yet goes to `report.checklist`); `options.dismissed`: findings dismissed for
    /// this check. Throws an `Error` naming the field path when the note or the options are
    /// invalid.
    #[wasm_bindgen(unchecked_return_type = "Report")]
    pub fn check(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Note")] note: JsValue,
        options: Option<OptionsObject>,
    ) -> Result<JsValue, JsError> {
        let options = parse_options(options)?;
        let json = stringify(&note, "note")?;
        let report = self
            .inner
            .check_json_with(&json, &options)
            .map_err(to_js_error)?;
        to_js(&report)
    }

    /// Checks a note given as JSON text and returns the report as JSON text (for workers
    /// that already hold JSON); `options` as for `check`.
    #[wasm_bindgen(js_name = checkJson)]
    pub fn check_json(
        &self,
        note: &str,
        options: Option<OptionsObject>,
    ) -> Result<String, JsError> {
        let options = parse_options(options)?;
        let report = self
            .inner
            .check_json_with(&replace_lone_surrogates(note), &options)
            .map_err(to_js_error)?;
        serde_json::to_string(&report)
            .map_err(|e| JsError::new(&format!("internal error while returning the report: {e}")))
    }
}

#[wasm_bindgen]
impl Checker {
    /// Checks the notes of one episode of care (an array, any order). Throws an `Error`
    /// naming the field when the episode as a whole cannot be checked; a note that fails
    /// validation is reported in its place and the rest are checked.
    #[wasm_bindgen(js_name = checkEpisode, unchecked_return_type = "EpisodeReport")]
    pub fn check_episode(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Note[]")] notes: JsValue,
    ) -> Result<JsValue, JsError> {
        let json = stringify(&notes, "notes")?;
        let report = self.inner.check_episode_json(&json).map_err(to_js_error)?;
        to_js(&report)
    }

    /// `checkEpisode` with JSON text in and out (for workers that already hold JSON).
    #[wasm_bindgen(js_name = checkEpisodeJson)]
    pub fn check_episode_json(&self, notes: &str) -> Result<String, JsError> {
        let report = self
            .inner
            .check_episode_json(&crate::input::replace_lone_surrogates(notes))
            .map_err(to_js_error)?;
        serde_json::to_string(&report)
            .map_err(|e| JsError::new(&format!("internal error while returning the report: {e}")))
    }
}

/// One-shot convenience: `checkEpisode(notes, config?)`.
#[wasm_bindgen(js_name = checkEpisode, unchecked_return_type = "EpisodeReport")]
pub fn check_episode(
    #[wasm_bindgen(unchecked_param_type = "Note[]")] notes: JsValue,
    config: Option<ConfigObject>,
) -> Result<JsValue, JsError> {
    let checker = parse_config(config)?;
    let json = stringify(&notes, "notes")?;
    to_js(&checker.check_episode_json(&json).map_err(to_js_error)?)
}

/// One-shot convenience: `checkNote(note, config?, options?)`.
#[wasm_bindgen(js_name = checkNote, unchecked_return_type = "Report")]
pub fn check_note(
    #[wasm_bindgen(unchecked_param_type = "Note")] note: JsValue,
    config: Option<ConfigObject>,
    options: Option<OptionsObject>,
) -> Result<JsValue, JsError> {
    let checker = parse_config(config)?;
    let options = parse_options(options)?;
    let json = stringify(&note, "note")?;
    to_js(
        &checker
            .check_json_with(&json, &options)
            .map_err(to_js_error)?,
    )
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
    crate::report::VERSION.to_string()
}

/// The input bounds (text bytes, text lines, billed lines).
#[wasm_bindgen(unchecked_return_type = "Limits")]
pub fn limits() -> Result<JsValue, JsError> {
    to_js(&crate::note::LIMITS)
}
