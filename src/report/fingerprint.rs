//! Fingerprints: a finding's identity across edits of the note, so that a reviewer's
//! dismissal (`config.dismissed`, `options.dismissed`) keeps applying while the therapist
//! edits other words, and lapses when the flagged words change.
//!
//! The key is the rule id, the field path with array items named by what they hold (a line
//! by its code and its rank among lines of that code, a diagnosis or a modifier by its code,
//! so inserting a line before it changes nothing), and the flagged words, lower-cased with
//! white space collapsed; identical keys are told apart by their order in the report. The
//! fingerprint is the key's 64-bit FNV-1a hash in hex: stable across versions, platforms
//! and runs, and it carries none of the note's words.

use crate::note::Note;
use crate::span::Span;

/// The key of a finding of `rule` on `field`, with `anchor` (what tells it apart from the
/// rule's other findings on the field), and the words at `span` (bytes of `note.text`).
pub fn key(
    note: &Note,
    rule: &str,
    field: Option<&str>,
    anchor: Option<&str>,
    span: Option<Span>,
) -> String {
    let mut k = String::from(rule);
    k.push('\u{1f}');
    if let Some(f) = field {
        k.push_str(&field_identity(note, f));
    }
    if let Some(a) = anchor {
        k.push('\u{1d}');
        k.push_str(a);
    }
    k.push('\u{1f}');
    if let Some(s) = span {
        k.push_str(&words(note.text.get(s.start..s.end).unwrap_or("")));
    }
    k
}

/// The fingerprint of `key`, the `occurrence`-th finding with that key (from 0).
pub fn fingerprint(key: &str, occurrence: usize) -> String {
    let mut h = Fnv::new();
    h.write(key.as_bytes());
    h.write(&[0x1e]);
    h.write(occurrence.to_string().as_bytes());
    format!("{:016x}", h.0)
}

/// The flagged words, normalised: lower case, runs of white space as one space, no
/// punctuation at either end.
fn words(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(w.chars().flat_map(crate::lower::char_lower));
    }
    out.trim_matches(|c: char| c.is_ascii_punctuation())
        .to_string()
}

/// `lines[2].units` → `lines[97110#0].units`; `diagnoses[0]` → `diagnoses[M54.50]`;
/// `lines[1].modifiers[2]` → `lines[97140#0].modifiers[XU]`.
fn field_identity(note: &Note, field: &str) -> String {
    let mut out = String::with_capacity(field.len() + 8);
    let mut line: Option<usize> = None;
    let mut rest = field;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest.get(open..).and_then(|r| r.find(']')).map(|c| open + c) else {
            break;
        };
        let (Some(before), Some(inner), Some(after)) = (
            rest.get(..open),
            rest.get(open + 1..close),
            rest.get(close + 1..),
        ) else {
            break;
        };
        out.push_str(before);
        out.push('[');
        let index: Option<usize> = inner.parse().ok();
        let parent = before.rsplit('.').next().unwrap_or(before);
        match (parent, index) {
            ("lines", Some(i)) if line.is_none() => {
                line = Some(i);
                match note.lines.get(i) {
                    Some(l) => {
                        let rank = note
                            .lines
                            .iter()
                            .take(i)
                            .filter(|o| o.code == l.code)
                            .count();
                        out.push_str(&l.code);
                        out.push('#');
                        out.push_str(&rank.to_string());
                    }
                    None => out.push_str(inner),
                }
            }
            ("diagnoses", Some(i)) => match note.diagnoses.as_ref().and_then(|d| d.get(i)) {
                Some(code) => out.push_str(&code.trim().to_ascii_uppercase()),
                None => out.push_str(inner),
            },
            ("modifiers", Some(k)) => {
                match line
                    .and_then(|i| note.lines.get(i))
                    .and_then(|l| l.modifiers.get(k))
                {
                    Some(m) => out.push_str(m),
                    None => out.push_str(inner),
                }
            }
            _ => out.push_str(inner),
        }
        out.push(']');
        rest = after;
    }
    out.push_str(rest);
    out
}

/// 64-bit FNV-1a.
struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn note(v: serde_json::Value) -> Note {
        let mut base = json!({
            "discipline": "PT", "noteType": "daily", "dateOfService": "2025-03-10",
            "payer": {"kind": "medicare"}, "provider": {"role": "PT"}, "lines": [], "text": ""
        });
        if let (Some(b), Some(p)) = (base.as_object_mut(), v.as_object()) {
            for (k, v) in p {
                b.insert(k.clone(), v.clone());
            }
        }
        Note::from_value(&base).unwrap_or_else(|e| unreachable!("{e}"))
    }

    #[test]
    fn lines_are_named_by_code_and_rank() {
        let n = note(json!({"lines": [
            {"code": "97140", "units": 1, "modifiers": ["GP", "59"]},
            {"code": "97110", "units": 1},
            {"code": "97140", "units": 1}
        ], "diagnoses": ["m54.50"]}));
        assert_eq!(field_identity(&n, "lines[1].units"), "lines[97110#0].units");
        assert_eq!(field_identity(&n, "lines[2].code"), "lines[97140#1].code");
        assert_eq!(
            field_identity(&n, "lines[0].modifiers[1]"),
            "lines[97140#0].modifiers[59]"
        );
        assert_eq!(field_identity(&n, "diagnoses[0]"), "diagnoses[M54.50]");
        assert_eq!(field_identity(&n, "provider.role"), "provider.role");
        assert_eq!(field_identity(&n, "lines[9].units"), "lines[9].units");
    }

    #[test]
    fn words_ignore_case_spacing_and_end_punctuation() {
        assert_eq!(
            words("  Tolerated\n treatment   WELL. "),
            "tolerated treatment well"
        );
        assert_eq!(words("“Doing well”"), "“doing well”");
    }

    #[test]
    fn fingerprints_are_fixed_hex_and_depend_on_occurrence() {
        let a = fingerprint("elements/red-flag-phrase\u{1f}\u{1f}tolerated well", 0);
        let b = fingerprint("elements/red-flag-phrase\u{1f}\u{1f}tolerated well", 1);
        assert_eq!(a.len(), 16);
        assert!(a.chars().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(a, b);
        // The same key and occurrence give the same fingerprint on every platform and run.
        assert_eq!(fingerprint("x", 0), fingerprint("x", 0));
    }
}
