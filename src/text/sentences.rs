//! Stage 3: sentences and list items, abbreviation-aware.
//!
//! Input: the [`Doc`], the headings and the abbreviation hits. Output: [`Sent`]s in text
//! order, each inside one section. A sentence ends at `.`, `!` or `?` before a space or a
//! line end, unless the word before is an abbreviation ("pt.", "approx.", "Dr.", "e.g.",
//! "b.i.d.", `lexicon/abbreviations.txt`), a single letter, or a list number ("1.") opening
//! the item; and at a line end, unless the next line goes on with a lower-case word (a
//! wrapped line). A line opening with a bullet or a number is a list item.

use super::normalize::{Doc, TokKind};
use super::sections::{section_at, Heading};

/// A sentence or list item (folded offsets).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Sent {
    pub start: u32,
    pub end: u32,
    /// The heading whose section holds it.
    pub section: Option<u16>,
    /// A list item: where its marker ("1.", "-", "a)") ends, the content starting after it.
    pub item: Option<u32>,
    /// The first sentence of a line.
    pub line_start: bool,
    /// A blank line (or a heading) comes just before it.
    pub para_start: bool,
}

/// Splits the text. `abbrev_ends` are the folded end offsets of abbreviation hits, sorted.
#[inline(never)] // one stage: its own entry in a profile
pub(crate) fn split(doc: &Doc<'_>, headings: &[Heading], abbrev_ends: &[u32]) -> Vec<Sent> {
    let mut out: Vec<Sent> = Vec::with_capacity(doc.toks.len() / 8 + 1);
    let toks = &doc.toks;
    let f = doc.folded.as_bytes();
    // The headings that start at or before each token: the tokens go forward, so when the
    // headings are in order a cursor follows them (else a binary search per token).
    let in_order = headings
        .windows(2)
        .all(|w| matches!(w, [a, b] if a.start <= b.start));
    let mut hk = 0usize;
    let mut cur: Option<(usize, bool, Option<u32>, bool)> = None; // first token, line start, item, para
    let mut line_start = true;
    let mut blank = true;
    let mut last_section: Option<u16> = None;
    let mut i = 0usize;
    let close = |out: &mut Vec<Sent>,
                 cur: &mut Option<(usize, bool, Option<u32>, bool)>,
                 end_tok: usize| {
        if let Some((a, ls, item, para)) = cur.take() {
            let (Some(ta), Some(tb)) = (toks.get(a), toks.get(end_tok)) else {
                return;
            };
            if tb.end <= ta.start {
                return;
            }
            out.push(Sent {
                start: ta.start,
                end: tb.end,
                section: section_at(headings, ta.start).map(|s| s as u16),
                item,
                line_start: ls,
                para_start: para,
            });
        }
    };
    while let Some(t) = toks.get(i) {
        let before = if in_order {
            if hk
                .checked_sub(1)
                .and_then(|k| headings.get(k))
                .is_some_and(|h| h.start > t.start)
            {
                // (Back before the cursor: found again.)
                hk = headings.partition_point(|h| h.start <= t.start);
            }
            while headings.get(hk).is_some_and(|h| h.start <= t.start) {
                hk += 1;
            }
            hk
        } else {
            headings.partition_point(|h| h.start <= t.start)
        };
        let at_heading = before.checked_sub(1).and_then(|k| headings.get(k));
        // Heading label ranges are not sentences.
        if at_heading.is_some_and(|h| t.start >= h.start && t.start < h.end) {
            if cur.is_some() {
                close(&mut out, &mut cur, i.saturating_sub(1));
            }
            // A heading is not a blank line: the sentence after it keeps `para_start` false
            // unless a blank line comes before the heading.
            i += 1;
            continue;
        }
        // The section holding the token (as `section_at`).
        let sec = at_heading
            .filter(|h| t.start < h.body_end.max(h.end))
            .and(before.checked_sub(1))
            .map(|s| s as u16);
        if sec != last_section {
            if cur.is_some() {
                close(&mut out, &mut cur, i.saturating_sub(1));
            }
            last_section = sec;
        }
        if t.kind == TokKind::Newline {
            // Blank line?
            let next_nl = toks.get(i + 1).is_some_and(|n| n.kind == TokKind::Newline);
            if cur.is_some() {
                let wrapped = !next_nl && continues(doc, i);
                if !wrapped {
                    close(&mut out, &mut cur, i.saturating_sub(1));
                    line_start = true;
                }
            } else {
                line_start = true;
            }
            if next_nl {
                blank = true;
            }
            i += 1;
            continue;
        }
        // "… mod I. 3. Ascend …": an inline list number after an item's end opens the next.
        if cur.is_some() && t.kind == TokKind::Num && !line_start {
            let prev_end = i
                .checked_sub(1)
                .and_then(|k| toks.get(k))
                .is_some_and(|x| matches!(doc.byte(x.start as usize), b'.' | b';'));
            if prev_end && marker(doc, i).is_some() {
                close(&mut out, &mut cur, i.saturating_sub(1));
            }
        }
        if cur.is_none() {
            // A list marker at the start of a line.
            // Bullets open items at a line's start; numbers ("2. …", "(3) …") also after a
            // sentence on the same line ("Goals: 1. … 2. …").
            let item = marker(doc, i).filter(|_| {
                line_start || t.kind == TokKind::Num || doc.byte(t.start as usize) == b'('
            });
            cur = Some((i, line_start, item.map(|(_, end)| end), blank));
            blank = false;
            line_start = false;
            if let Some((last, _)) = item {
                i = last + 1;
                continue;
            }
        }
        if t.kind == TokKind::Punct && matches!(f.get(t.start as usize), Some(b'.' | b'!' | b'?')) {
            let next = f.get(t.end as usize).copied().unwrap_or(b'\n');
            // Closing quotes or brackets belong to the sentence.
            let mut end_tok = i;
            while let Some(n) = toks.get(end_tok + 1) {
                if n.start == toks.get(end_tok).map_or(0, |x| x.end)
                    && matches!(f.get(n.start as usize), Some(b'"' | b'\'' | b')' | b']'))
                {
                    end_tok += 1;
                } else {
                    break;
                }
            }
            let after = toks
                .get(end_tok)
                .and_then(|x| f.get(x.end as usize))
                .copied()
                .unwrap_or(b'\n');
            // "Increase independence. | 4/2/26 | Ongoing": a table's cell ends, not the row.
            let cell_end = after == b' '
                && toks
                    .get(end_tok)
                    .and_then(|x| f.get(x.end as usize..))
                    .and_then(|r| r.iter().find(|&&c| c != b' '))
                    == Some(&b'|');
            let ends = matches!(after, b' ' | b'\n')
                && matches!(next, b' ' | b'\n' | b'"' | b'\'' | b')' | b']')
                && !cell_end;
            if ends && !abbreviation_before(doc, i, cur.map_or(i, |c| c.0), abbrev_ends) {
                close(&mut out, &mut cur, end_tok);
                i = end_tok + 1;
                continue;
            }
        }
        i += 1;
    }
    if cur.is_some() {
        close(&mut out, &mut cur, toks.len().saturating_sub(1));
    }
    // Trailing newline tokens can end a sentence: trim them.
    for s in &mut out {
        let t = doc.f(s.start, s.end);
        let trimmed = t.trim_end_matches(['\n', ' ']);
        s.end = s.start + trimmed.len() as u32;
    }
    out.retain(|s| s.end > s.start);
    out
}

/// Whether the line after the newline token `nl` goes on with the sentence (a wrapped
/// line): the next line starts with a lower-case word and the line before does not end with
/// a sentence's or a label's punctuation.
fn continues(doc: &Doc<'_>, nl: usize) -> bool {
    let prev = nl.checked_sub(1).and_then(|p| doc.toks.get(p));
    let next = doc.toks.get(nl + 1);
    let (Some(prev), Some(next)) = (prev, next) else {
        return false;
    };
    if prev.kind == TokKind::Newline {
        return false;
    }
    let pb = doc.byte(prev.start as usize);
    if prev.kind == TokKind::Punct && matches!(pb, b'.' | b':' | b';' | b'!' | b'?') {
        return false;
    }
    next.kind == TokKind::Word
        && doc
            .orig(next.start, next.end)
            .chars()
            .next()
            .is_some_and(|c| c.is_lowercase())
}

/// A list marker at token `i`: "1.", "1)", "(1)", "a.", "a)", "-", "*", "[x]". Returns the
/// marker's last token and where it ends.
fn marker(doc: &Doc<'_>, i: usize) -> Option<(usize, u32)> {
    let t = doc.toks.get(i)?;
    let n = doc.toks.get(i + 1);
    let n2 = doc.toks.get(i + 2);
    let b = |t: &super::normalize::Tok| doc.byte(t.start as usize);
    let adj = |a: &super::normalize::Tok, b: &super::normalize::Tok| a.end == b.start;
    match t.kind {
        TokKind::Punct if matches!(b(t), b'*' | b'-' | b'>' | b'+') => Some((i, t.end)),
        TokKind::Punct if b(t) == b'[' => {
            // "[x]" or "[ ]"
            let close = (i + 1..(i + 3).min(doc.toks.len())).find(|&j| {
                doc.toks
                    .get(j)
                    .is_some_and(|x| doc.byte(x.start as usize) == b']')
            })?;
            Some((close, doc.toks.get(close)?.end))
        }
        TokKind::Punct if b(t) == b'(' => {
            let n = n?;
            let n2 = n2?;
            (matches!(n.kind, TokKind::Num)
                && doc.byte(n2.start as usize) == b')'
                && n.end - n.start <= 2)
                .then_some((i + 2, n2.end))
        }
        TokKind::Num if t.end - t.start <= 2 => {
            let n = n?;
            (adj(t, n) && matches!(b(n), b'.' | b')') && doc.byte(n.end as usize) == b' ')
                .then_some((i + 1, n.end))
        }
        TokKind::Word if t.end - t.start == 1 => {
            let n = n?;
            (adj(t, n)
                && matches!(b(n), b'.' | b')')
                && doc.byte(n.end as usize) == b' '
                && doc.byte(t.start as usize).is_ascii_lowercase()
                && !doc.orig(t.start, t.end).chars().all(|c| c.is_uppercase()))
            .then_some((i + 1, n.end))
        }
        _ => None,
    }
}

/// Whether the period token `dot` follows an abbreviation, a single letter, or a list
/// number at the sentence's start.
fn abbreviation_before(doc: &Doc<'_>, dot: usize, first: usize, abbrev_ends: &[u32]) -> bool {
    let Some(d) = doc.toks.get(dot) else {
        return false;
    };
    if doc.byte(d.start as usize) != b'.' {
        return false;
    }
    let Some(w) = dot.checked_sub(1).and_then(|p| doc.toks.get(p)) else {
        return false;
    };
    if w.end != d.start {
        return false;
    }
    match w.kind {
        TokKind::Word if w.end - w.start == 1 => true,
        TokKind::Word if abbrev_ends.binary_search(&w.end).is_ok() => {
            // "… spin class 2x/wk.  Occas ache …": an abbreviation that ends a sentence
            // when a capitalized word follows, unless it is a title ("Dr. Lee") or the next
            // word is a single letter ("mod. I", "min. A").
            let title = matches!(
                doc.tok_str(w),
                "dr" | "mr" | "mrs" | "ms" | "st" | "drs" | "jr" | "sr"
            );
            let next = doc.toks.get(dot + 1).filter(|n| n.kind == TokKind::Word);
            let capital_next = next.is_some_and(|n| {
                n.end - n.start >= 2
                    && doc
                        .orig(n.start, n.end)
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase)
            });
            title || !capital_next
        }
        TokKind::Num => dot == first + 1 && w.end - w.start <= 2,
        _ => false,
    }
}
