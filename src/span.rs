//! Byte offsets inside Rust, UTF-16 code units at the boundary: two types, so the compiler
//! keeps them apart.
//!
//! Text facts and rules record [`Span`]s, byte ranges of `note.text`. The editor (JavaScript
//! strings, CodeMirror) counts UTF-16 code units, so the Report carries [`Utf16Span`]s, made
//! by one [`Utf16Index`] per check. Pure ASCII text converts for free; otherwise a sorted
//! table of the non-ASCII characters' positions turns each offset in O(log n).

use serde::Serialize;

/// A byte range of `note.text` (`start..end`, on character boundaries). Never serialized:
/// the Report carries [`Utf16Span`]s.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// A range of `note.text` in UTF-16 code units, as the Report carries it: `text.slice(start,
/// end)` in JavaScript is exactly the flagged words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename = "Span"))]
pub struct Utf16Span {
    /// First UTF-16 code unit.
    pub start: usize,
    /// One past the last UTF-16 code unit.
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start,
            end: end.max(start),
        }
    }
}

/// Converts byte offsets of one text to UTF-16 offsets.
pub struct Utf16Index {
    /// For each non-ASCII char: its byte start, its byte end, and the UTF-16 offset minus
    /// the byte offset just after it. Empty for ASCII text.
    marks: Vec<(usize, usize, isize)>,
    len_bytes: usize,
}

impl Utf16Index {
    pub fn new(text: &str) -> Utf16Index {
        let mut marks = Vec::new();
        if !text.is_ascii() {
            let mut delta: isize = 0;
            for (i, c) in text.char_indices() {
                let bytes = c.len_utf8();
                if bytes > 1 {
                    delta += c.len_utf16() as isize - bytes as isize;
                    marks.push((i, i + bytes, delta));
                }
            }
        }
        Utf16Index {
            marks,
            len_bytes: text.len(),
        }
    }

    /// The UTF-16 offset of byte offset `byte`. An offset inside a character is moved to the
    /// character's start; one past the end is clamped to the end.
    pub fn to_utf16(&self, byte: usize) -> usize {
        let byte = byte.min(self.len_bytes);
        if self.marks.is_empty() {
            return byte;
        }
        // Non-ASCII chars that end at or before `byte`.
        let n = self.marks.partition_point(|&(_, end, _)| end <= byte);
        let delta_before = |n: usize| {
            if n == 0 {
                0
            } else {
                self.marks.get(n - 1).map_or(0, |m| m.2)
            }
        };
        let byte = match self.marks.get(n) {
            Some(&(start, _, _)) if start < byte => start, // inside a char: snap to its start
            _ => byte,
        };
        (byte as isize + delta_before(n)).max(0) as usize
    }

    /// The UTF-16 span of byte range `s`.
    pub fn span(&self, s: Span) -> Utf16Span {
        Utf16Span {
            start: self.to_utf16(s.start),
            end: self.to_utf16(s.end),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16_of(text: &str, needle: &str) -> Utf16Span {
        let start = text.find(needle).unwrap_or_else(|| unreachable!());
        let idx = Utf16Index::new(text);
        idx.span(Span::new(start, start + needle.len()))
    }

    fn slice16(text: &str, s: Utf16Span) -> String {
        let units: Vec<u16> = text.encode_utf16().collect();
        String::from_utf16_lossy(units.get(s.start..s.end).unwrap_or(&[]))
    }

    #[test]
    fn ascii_is_identity() {
        let t = "Pt tolerated treatment well.";
        assert_eq!(utf16_of(t, "tolerated"), Utf16Span { start: 3, end: 12 });
    }

    #[test]
    fn accents_cjk_and_emoji_before_the_words() {
        for t in [
            "Señora Núñez: tolerated treatment well",
            "患者は良好 tolerated treatment well",
            "Pt 😀👍🏽 tolerated treatment well",
            "é😀中 mixed é😀中 tolerated treatment well é",
        ] {
            let s = utf16_of(t, "tolerated treatment well");
            assert_eq!(slice16(t, s), "tolerated treatment well", "in {t:?}");
        }
    }

    #[test]
    fn non_ascii_inside_the_span() {
        let t = "x 😀 café déjà vu 😀 y";
        let s = utf16_of(t, "café déjà vu 😀");
        assert_eq!(slice16(t, s), "café déjà vu 😀");
    }

    #[test]
    fn offsets_inside_a_char_snap_to_its_start() {
        let t = "a😀b";
        let idx = Utf16Index::new(t);
        assert_eq!(idx.to_utf16(1), 1);
        assert_eq!(idx.to_utf16(3), 1);
        assert_eq!(idx.to_utf16(5), 3);
    }

    #[test]
    fn end_is_clamped() {
        let t = "é";
        let idx = Utf16Index::new(t);
        assert_eq!(idx.to_utf16(99), 1);
    }
}
