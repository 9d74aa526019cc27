//! Wording over the evaluation analysis shared by the `eval` rules and `Report.evaluation`.

use crate::note::Level;
use crate::rules::eval::analysis::{capitalize, Analysis};

/// The deciding components in short, joined into one sentence.
pub fn deciding_text(a: &Analysis, level: Level) -> String {
    let parts: Vec<&str> = a.deciding(level).map(|c| c.short.as_str()).collect();
    capitalize(&parts.join("; ")) + "."
}
