//! Stage 1: normalize and tokenize, once.
//!
//! Input: the note's text. Output: a [`Doc`]: the text, one lower-cased ASCII-folded copy
//! (`folded`) with a map back to the text's byte offsets, and the tokens of the folded copy
//! (words, numbers, punctuation, line ends). Every later stage works on `folded` and its
//! tokens and turns what it finds back into byte spans of the text with [`Doc::span`].
//!
//! Folding: ASCII letters to lower case; accented Latin letters to their base letter
//! ("Núñez" → "nunez"); curly quotes and dashes to ASCII; "°" to "deg", "→" to "->", "≥" to
//! ">="; a hyphen between two letters to a space ("short-term" → "short term", "re-eval"
//! → "re eval"); tabs and runs of spaces to one space; any other character (CJK, emoji) to a
//! space; the shorthand "w/" and "w/o" to "with" and "without" ("w/c", "w/in" stay), so a
//! lexicon phrase is written once, in words. The folded copy is pure ASCII, so every later
//! stage can index it by bytes. The lexicon's phrases are folded the same way (`build.rs`).

use super::fold::fold_into;
use crate::span::Span;

/// A token of the folded copy: `start..end` in folded bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tok {
    pub start: u32,
    pub end: u32,
    pub kind: TokKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokKind {
    /// A run of letters.
    Word,
    /// A run of digits, with one decimal point between digits ("1.5").
    Num,
    /// Any other visible character, one per token.
    Punct,
    /// A line end.
    Newline,
}

/// The text, its folded copy and its tokens.
pub(crate) struct Doc<'t> {
    pub text: &'t str,
    /// Lower-cased, ASCII-folded copy (pure ASCII).
    pub folded: String,
    /// For each folded byte, the byte offset in `text` of the character it came from; one
    /// more entry for the end.
    map: Vec<u32>,
    pub toks: Vec<Tok>,
    /// Timeframe phrases of the whole text ("by discharge"), found once when first asked.
    pub(crate) timeframe_phrases: std::cell::OnceCell<Vec<(u32, u32)>>,
}

impl<'t> Doc<'t> {
    pub fn new(text: &'t str) -> Doc<'t> {
        let mut folded = String::with_capacity(text.len() + 16);
        let mut map: Vec<u32> = Vec::with_capacity(text.len() + 17);
        fold_into(text, &mut folded, Some(&mut map));
        map.push(text.len() as u32);
        let toks = tokenize(&folded);
        Doc {
            text,
            folded,
            map,
            toks,
            timeframe_phrases: std::cell::OnceCell::new(),
        }
    }

    /// The byte offset in the text of folded offset `at` (a start).
    pub fn orig_start(&self, at: u32) -> usize {
        self.map
            .get(at as usize)
            .copied()
            .unwrap_or(self.text.len() as u32) as usize
    }

    /// The byte offset in the text just after folded offset `at - 1` (an end).
    pub fn orig_end(&self, at: u32) -> usize {
        if at == 0 {
            return 0;
        }
        let Some(&o) = self.map.get(at as usize - 1) else {
            return self.text.len();
        };
        let o = o as usize;
        // `o` starts a character: its first byte gives its length.
        o + match self.text.as_bytes().get(o) {
            None => 0,
            Some(&b) if b < 0x80 => 1,
            Some(&b) if b < 0xe0 => 2,
            Some(&b) if b < 0xf0 => 3,
            Some(_) => 4,
        }
    }

    /// The text's byte span of folded range `start..end`.
    pub fn span(&self, start: u32, end: u32) -> Span {
        Span::new(self.orig_start(start), self.orig_end(end))
    }

    /// The folded copy's slice `start..end` ("" when out of range).
    pub fn f(&self, start: u32, end: u32) -> &str {
        self.folded.get(start as usize..end as usize).unwrap_or("")
    }

    /// The text's slice for folded range `start..end`.
    pub fn orig(&self, start: u32, end: u32) -> &'t str {
        self.text
            .get(self.orig_start(start)..self.orig_end(end))
            .unwrap_or("")
    }

    /// The folded byte at `at` (a space when out of range).
    pub fn byte(&self, at: usize) -> u8 {
        self.folded.as_bytes().get(at).copied().unwrap_or(b' ')
    }

    /// The index of the first token that ends after `at`.
    pub fn tok_from(&self, at: u32) -> usize {
        self.toks.partition_point(|t| t.end <= at)
    }

    /// The token's folded text.
    pub fn tok_str(&self, t: &Tok) -> &str {
        self.f(t.start, t.end)
    }

    /// Whether the token's folded text is `w` (its length checked before any slicing).
    #[inline]
    pub fn tok_is(&self, t: &Tok, w: &str) -> bool {
        (t.end - t.start) as usize == w.len() && self.tok_str(t) == w
    }
}

fn tokenize(f: &str) -> Vec<Tok> {
    let b = f.as_bytes();
    let mut out = Vec::with_capacity(f.len() / 4);
    let mut i = 0usize;
    while let Some(&c) = b.get(i) {
        let start = i;
        let kind = if c.is_ascii_lowercase() {
            while b.get(i).is_some_and(u8::is_ascii_lowercase) {
                i += 1;
            }
            TokKind::Word
        } else if c.is_ascii_digit() {
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            if b.get(i) == Some(&b'.') && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
                i += 1;
                while b.get(i).is_some_and(u8::is_ascii_digit) {
                    i += 1;
                }
            }
            TokKind::Num
        } else if c == b'\n' {
            i += 1;
            TokKind::Newline
        } else if c == b' ' {
            i += 1;
            continue;
        } else {
            i += 1;
            TokKind::Punct
        };
        out.push(Tok {
            start: start as u32,
            end: i as u32,
            kind,
        });
    }
    out
}

/// Whether `w` is `x`: the lengths and the first bytes compared inline first (at
/// `opt-level = "z"` `==` on `&str` is a call and a `memcmp` for every word of a list, most
/// of them of another length or starting with another letter).
#[inline(always)]
pub(crate) fn word_is(w: &str, x: &str) -> bool {
    w.len() == x.len()
        && w.as_bytes().first() == x.as_bytes().first()
        && w.as_bytes() == x.as_bytes()
}

/// Whether `w` is one of `list` (see [`word_is`]).
#[inline]
pub(crate) fn word_in(w: &str, list: &[&str]) -> bool {
    list.iter().any(|x| word_is(w, x))
}

/// A list of words with what the compiler works out from it: the first bytes its words start
/// with and the length of its longest word. [`Words::has`] turns away a word that starts
/// with another byte or is longer before the list is scanned (most words of a note are in no
/// list, and a scan costs a comparison per word of the list).
#[derive(Clone, Copy)]
pub(crate) struct Words {
    pub list: &'static [&'static str],
    /// Bit `c` set when a word of the list starts with ASCII byte `c` (bit 0 for "", all
    /// bits when one starts with a byte beyond ASCII).
    first: u128,
    longest: usize,
}

impl Words {
    #[allow(clippy::indexing_slicing)] // evaluated by the compiler: a bad index fails the build
    pub const fn new(list: &'static [&'static str]) -> Words {
        let mut first = 0u128;
        let mut longest = 0usize;
        let mut i = 0;
        while i < list.len() {
            let b = list[i].as_bytes();
            if b.len() > longest {
                longest = b.len();
            }
            if b.is_empty() {
                first |= 1;
            } else if b[0] < 128 {
                first |= 1u128 << b[0];
            } else {
                first = u128::MAX;
            }
            i += 1;
        }
        Words {
            list,
            first,
            longest,
        }
    }

    /// Whether `w` is one of the words (as [`word_in`]).
    #[inline(always)]
    pub fn has(&self, w: &str) -> bool {
        let c = w.as_bytes().first().copied().unwrap_or(0);
        w.len() <= self.longest
            && (c >= 128 || self.first & (1u128 << c) != 0)
            && word_in(w, self.list)
    }
}

/// The number of words of folded text `s` (what `s.split_whitespace().count()` gives on the
/// folded copy, which is ASCII), counted over its bytes.
pub(crate) fn count_words(s: &str) -> usize {
    let mut n = 0;
    let mut space = true;
    for &b in s.as_bytes() {
        let next = matches!(b, b'\t'..=b'\r' | b' ');
        if space && !next {
            n += 1;
        }
        space = next;
    }
    n
}

/// Whether folded byte `c` is part of a word (a letter or a digit).
pub(crate) fn is_alnum(c: u8) -> bool {
    c.is_ascii_alphanumeric()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_and_maps_back() {
        let t = "Señora Núñez — short-term GOALS: 90° → 100°\tok";
        let d = Doc::new(t);
        assert_eq!(
            d.folded,
            "senora nunez - short term goals: 90deg -> 100deg ok"
        );
        assert!(d.folded.is_ascii());
        let at = d.folded.find("nunez").unwrap_or(0) as u32;
        assert_eq!(d.orig(at, at + 5), "Núñez");
        let at = d.folded.find("90deg").unwrap_or(0) as u32;
        assert_eq!(d.orig(at, at + 5), "90°");
        let words: Vec<&str> = d
            .toks
            .iter()
            .filter(|t| t.kind == TokKind::Word)
            .map(|t| d.tok_str(t))
            .collect();
        assert_eq!(
            words,
            ["senora", "nunez", "short", "term", "goals", "deg", "deg", "ok"]
        );
    }

    #[test]
    fn with_shorthand_reads_as_words() {
        let t = "Amb w/o AD, w/RW and w/ SBA; w/c level w/in 2 wks. Hw/ ok. w/";
        let d = Doc::new(t);
        assert_eq!(
            d.folded,
            "amb without ad, with rw and with sba; w/c level w/in 2 weeks. hw/ ok. w/"
        );
        for (folded, orig) in [
            ("without", "w/o"),
            ("with rw", "w/RW"),
            ("with sba", "w/ SBA"),
        ] {
            let at = d.folded.find(folded).unwrap_or(0) as u32;
            assert_eq!(d.orig(at, at + folded.len() as u32), orig);
        }
        let at = d.folded.find("ad,").unwrap_or(0) as u32;
        assert_eq!(d.orig(at, at + 3), "AD,");
    }

    #[test]
    fn week_shorthand_reads_as_words() {
        let t = "Seen 2x/wk, 3wks; this WK. Hawk wkly wk";
        let d = Doc::new(t);
        assert_eq!(d.folded, "seen 2x/week, 3weeks; this week. hawk wkly week");
        for (folded, orig) in [("week,", "wk,"), ("weeks;", "wks;"), ("week.", "WK.")] {
            let at = d.folded.find(folded).unwrap_or(0) as u32;
            assert_eq!(d.orig(at, at + folded.len() as u32), orig);
        }
    }

    #[test]
    fn numbers_and_punctuation() {
        let d = Doc::new("3x10, 1.5 lb; 97110 x 30'");
        let toks: Vec<(&str, TokKind)> = d.toks.iter().map(|t| (d.tok_str(t), t.kind)).collect();
        assert_eq!(
            toks,
            [
                ("3", TokKind::Num),
                ("x", TokKind::Word),
                ("10", TokKind::Num),
                (",", TokKind::Punct),
                ("1.5", TokKind::Num),
                ("lb", TokKind::Word),
                (";", TokKind::Punct),
                ("97110", TokKind::Num),
                ("x", TokKind::Word),
                ("30", TokKind::Num),
                ("'", TokKind::Punct),
            ]
        );
    }

    #[test]
    fn odd_text_never_panics() {
        for t in [
            "",
            "\n",
            "😀😀",
            "é",
            "a\u{0}b",
            "—",
            "x-",
            "-x",
            "中文 pinch",
            "w/",
            "w/o",
            "é w/o",
            "w/ 😀",
        ] {
            let d = Doc::new(t);
            for tok in &d.toks {
                let _ = d.orig(tok.start, tok.end);
                let s = d.span(tok.start, tok.end);
                assert!(t.get(s.start..s.end).is_some(), "{t:?}");
            }
        }
    }
}
