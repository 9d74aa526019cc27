//! The one error type callers see: what was wrong with the input, and where.

use std::fmt;

/// Invalid input: a note or a config that cannot be checked as given.
///
/// The message names the field path (`lines[2].minutes`) and what was expected, so an EMR
/// engineer can fix the payload without reading chartlint's source. It never repeats the
/// value of a free-text field (the note's words end up in logs); numbers and codes are shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// Path into the input, e.g. `lines[2].minutes`; empty for the whole document.
    pub path: String,
    /// What was expected and, where safe, what was found.
    pub message: String,
}

impl InputError {
    /// An error at `path` (empty for the whole document).
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        InputError {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for InputError {}
