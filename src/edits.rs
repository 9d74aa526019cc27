//! Structured fixes: the exact, reviewable changes a finding offers (`finding.edits`), and
//! how to apply one to a note ([`apply_edit`]).
//!
//! An [`Edit`] is one action a user takes (a code action, a button): a title, an
//! [`Applicability`] and the [`Change`]s applied together, in order. A change sets a field
//! (`{ field: "lines[0].units", value: 2 }`), removes an array item or a key
//! (`{ field: "lines[2]", remove: true }`), or replaces a range of the text
//! (`{ span: { start, end }, replacement }`, UTF-16 code units as every span of the Report).
//!
//! chartlint never changes a note by itself: the EMR applies an edit when the user asks.
//! Rules build edits with [`EditDraft`] (text ranges in bytes, like every span inside Rust);
//! the Report converts them once, with the check's UTF-16 index.

use crate::error::InputError;
use crate::span::{Span, Utf16Index, Utf16Span};
use crate::wire::wire_enum;
use serde::Serialize;
use serde_json::Value;

wire_enum! {
    /// How far an edit can be trusted.
    #[derive(PartialOrd, Ord)]
    pub enum Applicability {
        /// Applying it cannot make the note less true (units reduced to what the minutes
        /// support, the discipline's GP/GO/GN added, an unneeded KX removed): one click.
        Safe = "safe",
        /// A choice the therapist confirms (59 or XU, KX, the evaluation code the note
        /// supports, units raised to what the minutes support).
        Suggested = "suggested",
        /// Text with `[[placeholders]]` the therapist completes (a "Plan:" line, a goals
        /// heading, a signature line); the note cannot be signed while a placeholder is left.
        Template = "template",
    }
}

/// The opening and closing marks of a template placeholder: `[[what to write]]`.
pub const PLACEHOLDER_OPEN: &str = "[[";
/// See [`PLACEHOLDER_OPEN`].
pub const PLACEHOLDER_CLOSE: &str = "]]";

/// One action offered by a finding: its changes are applied together, in order.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Edit {
    /// How far it can be trusted: `safe` (one click), `suggested` (confirm), `template`
    /// (text with placeholders to complete).
    pub applicability: Applicability,
    /// What it does, imperatively, for a button or a code action: "Bill 2 units of 97110".
    pub title: String,
    /// The changes, applied in this order (removals come last, highest index first; text
    /// ranges from the end of the text backwards), so each applies to the result of the one
    /// before without shifting the others.
    pub changes: Vec<Change>,
}

/// One change of an `Edit`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(untagged)]
pub enum Change {
    /// Sets a field of the note.
    Set(SetField),
    /// Removes an array item (`lines[2]`) or a key of the note.
    Remove(RemoveField),
    /// Replaces a range of `note.text`.
    Text(TextChange),
}

/// Sets `field` (a path into the note) to `value`. An array index one past the end appends.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct SetField {
    /// Path into the note, e.g. `lines[0].units`, `lines[1].modifiers`, `lines[3]`.
    pub field: String,
    /// The field's new JSON value (a whole array for `modifiers`).
    #[cfg_attr(test, ts(type = "EditValue"))]
    pub value: Value,
}

/// Removes `field`: an array item (`lines[2]`) or an object key.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct RemoveField {
    /// Path into the note, e.g. `lines[2]`.
    pub field: String,
    /// Always `true`.
    #[cfg_attr(test, ts(type = "true"))]
    pub remove: bool,
}

/// Replaces `span` of `note.text` (UTF-16 code units) with `replacement`; an empty span
/// inserts.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct TextChange {
    /// The range replaced, in UTF-16 code units of `note.text`.
    pub span: Utf16Span,
    /// The new text.
    pub replacement: String,
}

/// A change as a rule builds it: text ranges in bytes.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum ChangeDraft {
    Set(String, Value),
    Remove(String),
    Text(Span, String),
}

/// An edit as a rule builds it; [`EditDraft::finish`] turns it into the Report's [`Edit`].
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct EditDraft {
    pub applicability: Applicability,
    pub title: String,
    pub changes: Vec<ChangeDraft>,
}

impl EditDraft {
    /// An edit with no change yet.
    pub fn new(applicability: Applicability, title: impl Into<String>) -> EditDraft {
        EditDraft {
            applicability,
            title: title.into(),
            changes: Vec::new(),
        }
    }
    /// `safe`: cannot make the note less true.
    pub fn safe(title: impl Into<String>) -> EditDraft {
        EditDraft::new(Applicability::Safe, title)
    }
    /// `suggested`: a choice the therapist confirms.
    pub fn suggested(title: impl Into<String>) -> EditDraft {
        EditDraft::new(Applicability::Suggested, title)
    }
    /// `template`: text with placeholders to complete.
    pub fn template(title: impl Into<String>) -> EditDraft {
        EditDraft::new(Applicability::Template, title)
    }
    /// Sets `field` to `value`.
    pub fn set(mut self, field: impl Into<String>, value: impl Into<Value>) -> Self {
        self.changes
            .push(ChangeDraft::Set(field.into(), value.into()));
        self
    }
    /// Removes `field` (an array item or a key).
    pub fn remove(mut self, field: impl Into<String>) -> Self {
        self.changes.push(ChangeDraft::Remove(field.into()));
        self
    }
    /// Replaces the byte range `start..end` of the text with `replacement`.
    pub fn text(mut self, start: usize, end: usize, replacement: impl Into<String>) -> Self {
        self.changes
            .push(ChangeDraft::Text(Span::new(start, end), replacement.into()));
        self
    }
    /// Inserts `text` at byte offset `at`.
    pub fn insert(self, at: usize, text: impl Into<String>) -> Self {
        self.text(at, at, text)
    }

    /// The Report's edit: text ranges converted to UTF-16, the changes put in an order that
    /// applies one after the other (sets, then removals from the highest index down, then
    /// text from the end of the text backwards).
    pub fn finish(self, index: &Utf16Index) -> Edit {
        let mut sets = Vec::new();
        let mut removes = Vec::new();
        let mut texts = Vec::new();
        for c in self.changes {
            match c {
                ChangeDraft::Set(field, value) => sets.push(Change::Set(SetField { field, value })),
                ChangeDraft::Remove(field) => removes.push(field),
                ChangeDraft::Text(span, replacement) => texts.push((span, replacement)),
            }
        }
        crate::sort::sort_by_key(&mut removes, |r| std::cmp::Reverse(removal_order(r)));
        crate::sort::sort_by_key(&mut texts, |t| std::cmp::Reverse(t.0));
        let mut changes = sets;
        changes.extend(removes.into_iter().map(|field| {
            Change::Remove(RemoveField {
                field,
                remove: true,
            })
        }));
        changes.extend(texts.into_iter().map(|(span, replacement)| {
            Change::Text(TextChange {
                span: index.span(span),
                replacement,
            })
        }));
        Edit {
            applicability: self.applicability,
            title: self.title,
            changes,
        }
    }
}

/// Sort key of a removed path: its parent and the index, so `lines[3]` goes before
/// `lines[1]`.
fn removal_order(path: &str) -> (String, usize) {
    match path.rfind('[') {
        Some(i) => {
            let parent = path.get(..i).unwrap_or("").to_string();
            let index = path
                .get(i + 1..)
                .and_then(|s| s.strip_suffix(']'))
                .and_then(|s| s.parse().ok())
                .unwrap_or(0);
            (parent, index)
        }
        None => (path.to_string(), 0),
    }
}

/// One segment of a field path.
#[derive(Debug, Clone, PartialEq)]
enum Segment {
    Key(String),
    Index(usize),
}

/// `lines[0].modifiers` → `[Key(lines), Index(0), Key(modifiers)]`.
fn parse_path(path: &str) -> Option<Vec<Segment>> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let (key, mut rest) = match part.find('[') {
            Some(i) => (part.get(..i)?, part.get(i..)?),
            None => (part, ""),
        };
        if key.is_empty() {
            return None;
        }
        out.push(Segment::Key(key.to_string()));
        while !rest.is_empty() {
            let close = rest.find(']')?;
            let n: usize = rest.get(1..close)?.parse().ok()?;
            out.push(Segment::Index(n));
            rest = rest.get(close + 1..)?;
            if !rest.is_empty() && !rest.starts_with('[') {
                return None;
            }
        }
    }
    Some(out)
}

/// Applies `edit` to `note` (a Note as JSON) and returns the new note; the input is left
/// as it was. An error names the change (`edit.changes[1]`) that does not fit the note.
pub fn apply_edit(note: &Value, edit: &Edit) -> Result<Value, InputError> {
    let mut out = note.clone();
    for (k, change) in edit.changes.iter().enumerate() {
        let path = format!("edit.changes[{k}]");
        match change {
            Change::Set(SetField { field, value }) => {
                set(&mut out, field, value.clone()).map_err(|m| InputError::new(&path, m))?
            }
            Change::Remove(RemoveField { field, .. }) => {
                remove(&mut out, field).map_err(|m| InputError::new(&path, m))?
            }
            Change::Text(TextChange { span, replacement }) => {
                let text = out.get("text").and_then(Value::as_str).unwrap_or("");
                let new = replace_utf16(text, *span, replacement).ok_or_else(|| {
                    InputError::new(&path, "the span is not a range of note.text")
                })?;
                if let Value::Object(map) = &mut out {
                    map.insert("text".into(), Value::String(new));
                }
            }
        }
    }
    Ok(out)
}

fn set(root: &mut Value, field: &str, value: Value) -> Result<(), String> {
    let segs = parse_path(field).ok_or_else(|| format!("{field} is not a field path"))?;
    let Some((last, parents)) = segs.split_last() else {
        return Err("empty field path".into());
    };
    let mut cur = root;
    for seg in parents {
        cur = match seg {
            Segment::Key(k) => {
                let Value::Object(map) = cur else {
                    return Err(format!("{field}: {k} is not inside an object"));
                };
                let slot = map.entry(k.clone()).or_insert(Value::Null);
                if slot.is_null() {
                    *slot = Value::Object(Default::default());
                }
                slot
            }
            Segment::Index(i) => {
                let Value::Array(items) = cur else {
                    return Err(format!("{field}: [{i}] is not inside an array"));
                };
                items
                    .get_mut(*i)
                    .ok_or_else(|| format!("{field}: no item [{i}]"))?
            }
        };
    }
    match last {
        Segment::Key(k) => match cur {
            Value::Object(map) => {
                map.insert(k.clone(), value);
                Ok(())
            }
            _ => Err(format!("{field}: {k} is not inside an object")),
        },
        Segment::Index(i) => match cur {
            Value::Array(items) if *i < items.len() => {
                if let Some(slot) = items.get_mut(*i) {
                    *slot = value;
                }
                Ok(())
            }
            Value::Array(items) if *i == items.len() => {
                items.push(value);
                Ok(())
            }
            Value::Null if *i == 0 => {
                *cur = Value::Array(vec![value]);
                Ok(())
            }
            _ => Err(format!("{field}: no item [{i}]")),
        },
    }
}

fn remove(root: &mut Value, field: &str) -> Result<(), String> {
    let segs = parse_path(field).ok_or_else(|| format!("{field} is not a field path"))?;
    let Some((last, parents)) = segs.split_last() else {
        return Err("empty field path".into());
    };
    let mut cur = root;
    for seg in parents {
        cur = match (seg, cur) {
            (Segment::Key(k), Value::Object(map)) => {
                map.get_mut(k).ok_or_else(|| format!("{field}: no {k}"))?
            }
            (Segment::Index(i), Value::Array(items)) => items
                .get_mut(*i)
                .ok_or_else(|| format!("{field}: no item [{i}]"))?,
            _ => return Err(format!("{field} is not in the note")),
        };
    }
    match (last, cur) {
        (Segment::Key(k), Value::Object(map)) => {
            map.remove(k);
            Ok(())
        }
        (Segment::Index(i), Value::Array(items)) if *i < items.len() => {
            items.remove(*i);
            Ok(())
        }
        _ => Err(format!("{field} is not in the note")),
    }
}

/// `text` with its UTF-16 range `span` replaced; `None` when the range is out of the text or
/// splits a character.
pub fn replace_utf16(text: &str, span: Utf16Span, replacement: &str) -> Option<String> {
    let start = byte_of_utf16(text, span.start)?;
    let end = byte_of_utf16(text, span.end)?;
    if end < start {
        return None;
    }
    let mut out = String::with_capacity(text.len() + replacement.len());
    out.push_str(text.get(..start)?);
    out.push_str(replacement);
    out.push_str(text.get(end..)?);
    Some(out)
}

/// The byte offset of UTF-16 offset `u`, if it falls on a character boundary of `text`.
fn byte_of_utf16(text: &str, u: usize) -> Option<usize> {
    let mut units = 0;
    for (i, c) in text.char_indices() {
        if units == u {
            return Some(i);
        }
        if units > u {
            return None;
        }
        units += c.len_utf16();
    }
    (units == u).then_some(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn finish(d: EditDraft, text: &str) -> Edit {
        d.finish(&Utf16Index::new(text))
    }

    #[test]
    fn sets_appends_and_removes_fields() {
        let note = json!({"lines": [{"code": "97110", "units": 3}, {"code": "97140", "units": 1}], "text": ""});
        let e = finish(
            EditDraft::suggested("x")
                .remove("lines[0]")
                .set("lines[1].units", 2)
                .set("lines[2]", json!({"code": "97530", "units": 1}))
                .set("episode.visitNumber", 3),
            "",
        );
        let out = apply_edit(&note, &e).unwrap_or_default();
        assert_eq!(
            out,
            json!({"lines": [{"code": "97140", "units": 2}, {"code": "97530", "units": 1}], "text": "", "episode": {"visitNumber": 3}})
        );
    }

    #[test]
    fn removals_go_from_the_highest_index_down() {
        let note = json!({"lines": [1, 2, 3, 4], "text": ""});
        let e = finish(
            EditDraft::suggested("x")
                .remove("lines[1]")
                .remove("lines[3]"),
            "",
        );
        assert_eq!(
            apply_edit(&note, &e).unwrap_or_default()["lines"],
            json!([1, 3])
        );
    }

    #[test]
    fn text_changes_are_utf16_and_applied_from_the_end() {
        let text = "é😀 Plan: x. Sig";
        let note = json!({ "text": text });
        let plan = text.find("x.").unwrap_or(0);
        let sig = text.find("Sig").unwrap_or(0);
        let e = finish(
            EditDraft::template("x")
                .text(plan, plan + 1, "[[next]]")
                .insert(sig, "\n"),
            text,
        );
        let out = apply_edit(&note, &e).unwrap_or_default();
        assert_eq!(out["text"], json!("é😀 Plan: [[next]]. \nSig"));
    }

    #[test]
    fn a_change_that_does_not_fit_is_an_error_naming_it() {
        let note = json!({"lines": [], "text": "ab"});
        let e = finish(EditDraft::safe("x").set("lines[3].units", 1), "ab");
        let err = apply_edit(&note, &e).err().map(|e| e.path);
        assert_eq!(err.as_deref(), Some("edit.changes[0]"));
        let inside = Edit {
            applicability: Applicability::Safe,
            title: "x".into(),
            changes: vec![Change::Text(TextChange {
                span: Utf16Span { start: 1, end: 9 },
                replacement: String::new(),
            })],
        };
        assert!(apply_edit(&note, &inside).is_err());
    }

    #[test]
    fn a_span_inside_a_surrogate_pair_is_refused() {
        assert_eq!(
            replace_utf16("a😀b", Utf16Span { start: 2, end: 2 }, "x"),
            None
        );
        assert_eq!(
            replace_utf16("a😀b", Utf16Span { start: 3, end: 3 }, "x").as_deref(),
            Some("a😀xb")
        );
    }
}
