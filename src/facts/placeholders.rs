//! Template placeholders left in the text: `[[what to write]]`, as the `template` edits
//! insert them (see [`crate::edits`]). Read by `elements/template-placeholder` and by the
//! checklist (an element whose words are a placeholder is not written yet).

use crate::edits::{PLACEHOLDER_CLOSE, PLACEHOLDER_OPEN};
use crate::span::Span;

/// Most placeholders reported (a pasted document full of brackets stays cheap).
const MAX: usize = 100;

/// Every `[[…]]` on one line of `text`, as byte ranges including the brackets.
pub fn find(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut from = 0;
    while out.len() < MAX {
        let Some(open) = text.get(from..).and_then(find_open) else {
            break;
        };
        let start = from + open;
        let inner = start + PLACEHOLDER_OPEN.len();
        let line_end = text
            .get(inner..)
            .and_then(|t| t.find('\n'))
            .map_or(text.len(), |n| inner + n);
        match text
            .get(inner..line_end)
            .and_then(|t| t.find(PLACEHOLDER_CLOSE))
        {
            Some(close) => {
                let end = inner + close + PLACEHOLDER_CLOSE.len();
                out.push(Span::new(start, end));
                from = end;
            }
            None => from = inner,
        }
    }
    out
}

/// Where `PLACEHOLDER_OPEN` first starts in `t` (as `t.find(PLACEHOLDER_OPEN)`): its first
/// byte looked for with `memchr`, the rest compared there (most notes have no bracket).
fn find_open(t: &str) -> Option<usize> {
    let (b, open) = (t.as_bytes(), PLACEHOLDER_OPEN.as_bytes());
    let first = *open.first()?;
    let mut from = 0;
    while let Some(k) = b.get(from..).and_then(|r| memchr::memchr(first, r)) {
        let at = from + k;
        if b.get(at..).is_some_and(|r| r.starts_with(open)) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        find(text)
            .into_iter()
            .filter_map(|s| text.get(s.start..s.end))
            .collect()
    }

    #[test]
    fn finds_placeholders_on_one_line() {
        assert_eq!(
            found("Plan: [[what changes next]] and [[why]].\nGoals: [[goal"),
            ["[[what changes next]]", "[[why]]"]
        );
        assert_eq!(found("no [[ open\nclose ]] here"), Vec::<&str>::new());
        assert_eq!(found("é😀 [[x]]"), ["[[x]]"]);
    }
}
