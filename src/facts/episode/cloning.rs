//! How much of a note's narrative is copied from an earlier note of the episode.
//!
//! The method (the threshold and why are in `docs/episode-review.md`):
//!
//! 1. The text is cut into **units** (lines, and sentences within lines). Each unit's
//!    words are lower-cased and every token holding a digit is dropped, so a note copied
//!    forward with only its dates, minutes, repetitions and scores changed reads the same.
//! 2. **Template units** are removed: units found in every note of the episode (when it
//!    has at least three notes of at least two note types: what a clinic's template puts in
//!    every note, whatever its type) and the units of the clinic's own template lines
//!    (`config.cloning.template`). Goal statements are removed too: restating the goals is
//!    required, not cloning.
//! 3. What is left is the note's **own narrative**, as word 4-grams (shingles; a unit of
//!    two or three words is one shingle).
//! 4. A note's **score** against an earlier note is the share of its own shingles found in
//!    the earlier note (containment: a note made only of text copied from a longer earlier
//!    note scores 1). Its score is its highest against any earlier note. Notes with fewer
//!    than [`MIN_OWN_SHINGLES`] own shingles get no score: too little narrative to judge.

use crate::span::Span;
use std::collections::HashSet;

/// Fewer own shingles than this: no score.
pub const MIN_OWN_SHINGLES: usize = 8;

/// One note's narrative, ready to compare.
#[derive(Debug, Clone, Default)]
pub struct Fingerprint {
    /// Each unit's key (hash of its words) and whether it is template.
    units: Vec<(u64, bool)>,
    /// Shingles in text order: (hash, unit index, byte span).
    windows: Vec<(u64, usize, Span)>,
    /// Every shingle, sorted and deduplicated.
    all: Vec<u64>,
    /// Shingles of non-template units, sorted and deduplicated.
    own: Vec<u64>,
}

fn fnv(h: u64, bytes: &[u8]) -> u64 {
    let mut h = h;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}
const FNV0: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// The word being read by [`words`].
#[derive(Default)]
struct Word {
    /// First and past-the-last letter or digit.
    start: Option<usize>,
    end: usize,
    /// Hash through `end`, and through the last byte read (inner punctuation included).
    committed: u64,
    pending: u64,
    digit: bool,
}

/// Words of `s` (at `base`) as hashes of their lower-cased letters, without tokens that hold
/// a digit (no word is copied: the text is only hashed). A word is a run of letters, digits
/// and inner `' / - . % °`, trimmed of the punctuation at its ends. One pass over the
/// bytes; a character outside ASCII is decoded only where one occurs.
fn words(s: &str, base: usize) -> Vec<(u64, Span)> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len() / 6);
    let mut w = Word::default();
    let flush = |w: &mut Word, out: &mut Vec<(u64, Span)>| {
        if let (Some(st), false) = (w.start, w.digit) {
            out.push((w.committed, Span::new(base + st, base + w.end)));
        }
        *w = Word::default();
    };
    let letter = |w: &mut Word, at: usize, len: usize, bytes: &[u8]| {
        if w.start.is_none() {
            w.start = Some(at);
            w.pending = FNV0;
        }
        w.pending = fnv(w.pending, bytes);
        w.committed = w.pending;
        w.end = at + len;
    };
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        let (ch, n) = if c < 0x80 {
            (char::from(c), 1)
        } else {
            let ch = s.get(i..).and_then(|r| r.chars().next()).unwrap_or(' ');
            (ch, ch.len_utf8())
        };
        if c.is_ascii_alphanumeric() {
            // The common case, without the general path's slice.
            w.digit |= c.is_ascii_digit();
            if w.start.is_none() {
                w.start = Some(i);
                w.pending = FNV0;
            }
            w.pending = (w.pending ^ u64::from(c.to_ascii_lowercase())).wrapping_mul(FNV_PRIME);
            w.committed = w.pending;
            w.end = i + 1;
        } else if c >= 0x80 && ch.is_alphanumeric() {
            let mut buf = [0u8; 4];
            for l in crate::lower::char_lower(ch) {
                letter(&mut w, i, n, l.encode_utf8(&mut buf).as_bytes());
            }
        } else if matches!(ch, '\'' | '/' | '-' | '.' | '%' | '°') {
            if w.start.is_some() {
                let mut buf = [0u8; 4];
                w.pending = fnv(w.pending, ch.encode_utf8(&mut buf).as_bytes());
            }
        } else {
            flush(&mut w, &mut out);
        }
        i += n;
    }
    flush(&mut w, &mut out);
    out
}

/// Units of `text`: lines, cut again after `.`, `!`, `?` or `;` followed by a space.
fn units(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split('\n') {
        let mut s = 0;
        let b = line.as_bytes();
        let mut i = 0;
        while i < b.len() {
            let c = b.get(i).copied().unwrap_or(0);
            let next = b.get(i + 1).copied();
            if matches!(c, b'.' | b'!' | b'?' | b';') && matches!(next, Some(b' ' | b'\t')) {
                out.push((line_start + s, line.get(s..=i).unwrap_or("")));
                s = i + 1;
            }
            i += 1;
        }
        out.push((line_start + s, line.get(s..).unwrap_or("")));
        line_start += line.len() + 1;
    }
    out
}

/// A key for a run of words (a unit, or a shingle).
fn unit_key(ws: &[(u64, Span)]) -> u64 {
    let mut h = FNV0;
    for (w, _) in ws {
        h = (h.rotate_left(23) ^ w).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
    h
}

/// The keys of the units of a template text given in the config (cut into units as the
/// notes are).
pub fn template_keys(text: &str) -> Vec<u64> {
    units(text)
        .into_iter()
        .filter_map(|(base, u)| {
            let ws = words(u, base);
            (!ws.is_empty()).then(|| unit_key(&ws))
        })
        .collect()
}

/// Reads a note's text; `exclude` (goal statements) is left out.
pub fn fingerprint(text: &str, exclude: &[Span]) -> Fingerprint {
    let mut fp = Fingerprint::default();
    for (base, u) in units(text) {
        let ws: Vec<(u64, Span)> = words(u, base)
            .into_iter()
            .filter(|(_, sp)| !exclude.iter().any(|e| sp.start < e.end && e.start < sp.end))
            .collect();
        if ws.is_empty() {
            continue;
        }
        let ui = fp.units.len();
        fp.units.push((unit_key(&ws), false));
        if ws.len() < 4 {
            if ws.len() >= 2 {
                let (Some(a), Some(b)) = (ws.first(), ws.last()) else {
                    continue;
                };
                fp.windows
                    .push((unit_key(&ws), ui, Span::new(a.1.start, b.1.end)));
            }
            continue;
        }
        for w in ws.windows(4) {
            let (Some(a), Some(b)) = (w.first(), w.last()) else {
                continue;
            };
            fp.windows
                .push((unit_key(w), ui, Span::new(a.1.start, b.1.end)));
        }
    }
    fp
}

/// Marks template units in every fingerprint (see the module docs) and computes the shingle
/// sets. `types`: each note's type, parallel to `fps`; `configured`: the clinic's template
/// lines' keys.
pub fn finish(fps: &mut [Fingerprint], types: &[crate::note::NoteType], configured: &HashSet<u64>) {
    let distinct_types = types
        .iter()
        .map(|t| t.as_str())
        .collect::<HashSet<_>>()
        .len();
    // Sorted keys: the units found in every note.
    let mut shared: Vec<u64> = Vec::new();
    if fps.len() >= 3 && distinct_types >= 2 {
        let sorted = |fp: &Fingerprint| {
            let mut k: Vec<u64> = fp.units.iter().map(|u| u.0).collect();
            crate::sort::sort_hashes(&mut k);
            k.dedup();
            k
        };
        if let Some(first) = fps.first() {
            shared = sorted(first);
        }
        for fp in fps.iter().skip(1) {
            let keys = sorted(fp);
            shared.retain(|k| keys.binary_search(k).is_ok());
            if shared.is_empty() {
                break;
            }
        }
    }
    for fp in fps.iter_mut() {
        for u in &mut fp.units {
            u.1 = shared.binary_search(&u.0).is_ok()
                || (!configured.is_empty() && configured.contains(&u.0));
        }
        let mut all: Vec<u64> = fp.windows.iter().map(|w| w.0).collect();
        crate::sort::sort_hashes(&mut all);
        all.dedup();
        let mut own: Vec<u64> = fp
            .windows
            .iter()
            .filter(|w| !fp.units.get(w.1).is_some_and(|u| u.1))
            .map(|w| w.0)
            .collect();
        crate::sort::sort_hashes(&mut own);
        own.dedup();
        fp.all = all;
        fp.own = own;
    }
}

/// Size of the intersection of two sorted, deduplicated lists.
fn common(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// A note's closest earlier note.
#[derive(Debug, Clone, PartialEq)]
pub struct Similarity {
    /// Position (in the slice given to [`closest`]) of the earlier note.
    pub to: usize,
    /// Share of the note's own shingles found in the earlier note, 0 to 1.
    pub score: f64,
    /// The longest stretch of repeated text in the note.
    pub span: Option<Span>,
    /// The same stretch in the earlier note.
    pub to_span: Option<Span>,
}

/// The highest-scoring earlier note for `fps[k]` (earlier: positions before `k`).
pub fn closest(fps: &[Fingerprint], k: usize) -> Option<Similarity> {
    let b = fps.get(k)?;
    if b.own.len() < MIN_OWN_SHINGLES {
        return None;
    }
    let mut best: Option<(usize, usize)> = None;
    for (j, a) in fps.iter().enumerate().take(k) {
        let n = common(&b.own, &a.all);
        if best.map_or(true, |(_, m)| n > m) {
            best = Some((j, n));
        }
    }
    let (j, n) = best?;
    let a = fps.get(j)?;
    #[allow(clippy::cast_precision_loss)]
    let score = n as f64 / b.own.len() as f64;
    let (span, hashes) = longest_run(b, |h, unit| {
        !b.units.get(unit).is_some_and(|u| u.1) && a.all.binary_search(&h).is_ok()
    });
    let to_span = if hashes.is_empty() {
        None
    } else {
        longest_run(a, |h, _| hashes.binary_search(&h).is_ok()).0
    };
    Some(Similarity {
        to: j,
        score,
        span,
        to_span,
    })
}

/// The longest run of consecutive shingles of `fp` that satisfy `hit`, as a byte span, and
/// the run's shingle hashes (sorted, deduplicated).
fn longest_run(fp: &Fingerprint, hit: impl Fn(u64, usize) -> bool) -> (Option<Span>, Vec<u64>) {
    let mut best: Option<(Span, usize, usize)> = None; // span, first window, last window
    let mut cur: Option<(Span, usize, usize)> = None;
    for (i, &(h, unit, sp)) in fp.windows.iter().enumerate() {
        if hit(h, unit) {
            cur = Some(match cur {
                Some((s, f, _)) if sp.start <= s.end + 16 => {
                    (Span::new(s.start, s.end.max(sp.end)), f, i)
                }
                _ => (sp, i, i),
            });
            if let Some(c) = cur {
                if best.map_or(true, |b| c.0.end - c.0.start > b.0.end - b.0.start) {
                    best = Some(c);
                }
            }
        } else {
            cur = None;
        }
    }
    match best {
        None => (None, Vec::new()),
        Some((span, f, l)) => {
            let mut hashes: Vec<u64> = fp
                .windows
                .get(f..=l)
                .unwrap_or(&[])
                .iter()
                .map(|w| w.0)
                .collect();
            crate::sort::sort_hashes(&mut hashes);
            hashes.dedup();
            (Some(span), hashes)
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::string_slice)]
    use super::*;
    use crate::note::NoteType;

    fn scores(texts: &[&str], types: &[NoteType], template: &[&str]) -> Vec<Option<f64>> {
        let mut fps: Vec<Fingerprint> = texts.iter().map(|t| fingerprint(t, &[])).collect();
        let conf: HashSet<u64> = template.iter().flat_map(|l| template_keys(l)).collect();
        finish(&mut fps, types, &conf);
        (0..fps.len())
            .map(|k| closest(&fps, k).map(|s| s.score))
            .collect()
    }

    const A: &str = "S: Pt reports knee pain 3/10 after stairs this morning.\nTherapeutic exercise 25 min: step-ups 3x10 with cues to keep the knee over the second toe.\nA: quad control improving; still needs cueing on descent.";
    const A_COPY: &str = "S: Pt reports knee pain 4/10 after stairs this morning.\nTherapeutic exercise 30 min: step-ups 3x12 with cues to keep the knee over the second toe.\nA: quad control improving; still needs cueing on descent.";
    const B: &str = "S: Slept poorly, stiff on waking, walked the dog 10 minutes.\nGait training: curb practice with the cane, sequencing cued twice then independent.\nA: tolerates longer walks; endurance now limits more than pain.";

    #[test]
    fn numbers_and_dates_do_not_hide_a_copy() {
        let s = scores(&[A, A_COPY], &[NoteType::Daily, NoteType::Daily], &[]);
        assert_eq!(s[0], None);
        assert!(s[1].unwrap() > 0.95, "{s:?}");
    }

    #[test]
    fn different_visits_score_low() {
        let s = scores(&[A, B], &[NoteType::Daily, NoteType::Daily], &[]);
        assert!(s[1].unwrap() < 0.2, "{s:?}");
    }

    #[test]
    fn template_lines_in_every_note_do_not_count() {
        let t = "Patient seen for skilled therapy under the current plan of care. Identity confirmed with two identifiers and consent obtained.\n";
        let e = format!("{t}Initial evaluation of the right knee after replacement; gait with a cane and a step-to pattern.");
        let a = format!("{t}{A}");
        let b = format!("{t}{B}");
        let s = scores(
            &[&e, &a, &b],
            &[NoteType::Evaluation, NoteType::Daily, NoteType::Daily],
            &[],
        );
        assert!(s[2].unwrap() < 0.2, "{s:?}");
        // Without the evaluation the template is not learned, and counts.
        let s2 = scores(&[&a, &b], &[NoteType::Daily, NoteType::Daily], &[]);
        assert!(s2[1].unwrap() > s[2].unwrap(), "{s2:?}");
        // The clinic's own template lines are removed whatever the episode.
        let s3 = scores(
            &[&a, &b],
            &[NoteType::Daily, NoteType::Daily],
            &[
                "Patient seen for skilled therapy under the current plan of care.",
                "Identity confirmed with two identifiers and consent obtained.",
            ],
        );
        assert!(s3[1].unwrap() < 0.2, "{s3:?}");
    }

    #[test]
    fn the_span_is_the_repeated_text() {
        let mut fps = vec![fingerprint(A, &[]), fingerprint(A_COPY, &[])];
        finish(
            &mut fps,
            &[NoteType::Daily, NoteType::Daily],
            &HashSet::new(),
        );
        let s = closest(&fps, 1).unwrap();
        let sp = s.span.unwrap();
        assert!(
            A_COPY[sp.start..sp.end].contains("step-ups"),
            "{}",
            &A_COPY[sp.start..sp.end]
        );
        let tsp = s.to_span.unwrap();
        assert!(A[tsp.start..tsp.end].contains("step-ups"));
    }

    #[test]
    fn excluded_goal_text_is_not_compared() {
        let g = "LTG 1: walk 30 minutes in the community with pain below 2/10 and no device";
        let a = format!("{B}\n{g}");
        let b = format!("{A}\n{g}");
        let ga = a.find("LTG").unwrap();
        let gb = b.find("LTG").unwrap();
        let mut fps = vec![
            fingerprint(&a, &[Span::new(ga, a.len())]),
            fingerprint(&b, &[Span::new(gb, b.len())]),
        ];
        finish(
            &mut fps,
            &[NoteType::Daily, NoteType::Daily],
            &HashSet::new(),
        );
        assert!(closest(&fps, 1).unwrap().score < 0.2);
    }

    #[test]
    fn short_notes_get_no_score() {
        let s = scores(
            &["Pt seen.", "Pt seen."],
            &[NoteType::Daily, NoteType::Daily],
            &[],
        );
        assert_eq!(s, vec![None, None]);
    }

    #[test]
    fn odd_text_does_not_panic() {
        for t in [
            "",
            "\n",
            "é😀 ü. ;; . ",
            "a b c d e f g h i j k l m n o p",
            "1 2 3 4 5",
        ] {
            let mut fps = vec![fingerprint(t, &[Span::new(0, 3)]), fingerprint(t, &[])];
            finish(
                &mut fps,
                &[NoteType::Daily, NoteType::Progress],
                &HashSet::new(),
            );
            let _ = closest(&fps, 1);
        }
    }
}
