//! A line's modifiers after one change, as the value of a `lines[i].modifiers` edit (the
//! whole list, so applying it twice changes nothing).

use crate::note::Line;

/// The line's modifiers with `m` added (after the plan-of-care modifier, which leads).
pub fn with(line: &Line, m: &str) -> Vec<String> {
    let mut out = line.modifiers.clone();
    if out.iter().any(|x| x == m) {
        return out;
    }
    if ["GP", "GO", "GN"].contains(&m) {
        out.insert(0, m.to_string());
    } else {
        out.push(m.to_string());
    }
    out
}

/// The line's modifiers without `m`.
pub fn without(line: &Line, m: &str) -> Vec<String> {
    line.modifiers.iter().filter(|x| *x != m).cloned().collect()
}

/// The line's modifiers with `old` replaced by `new` (once).
pub fn replaced(line: &Line, old: &str, new: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(line.modifiers.len());
    for x in &line.modifiers {
        let y = if x == old { new } else { x.as_str() };
        if !out.iter().any(|o| o == y) {
            out.push(y.to_string());
        }
    }
    out
}
