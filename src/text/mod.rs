//! Reading the note's text: one pass produces the facts the rules read (sections, goals,
//! interventions and minutes, measures, signatures, phrases).

use serde::Serialize;

/// Compiled patterns, built once per `Checker`.
#[derive(Debug, Default)]
pub struct TextScanner {}

impl TextScanner {
    pub fn new() -> TextScanner {
        TextScanner {}
    }

    /// Reads `text` once.
    pub fn scan(&self, _text: &str) -> TextFacts {
        TextFacts::default()
    }
}

/// What the text documents (byte spans).
#[derive(Debug, Clone, Default)]
pub struct TextFacts {
    /// Total treatment time written in the text ("Total treatment time: 45 min").
    pub total_treatment_minutes: Option<u32>,
}

/// The `elements` section of the Report: for each documentation element, found or not, and where.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ElementsReport {}
