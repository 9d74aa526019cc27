//! The stages run in order on one text: normalize ([`super::normalize`]) → one lexicon pass
//! ([`super::lexicon`]) → sections ([`super::sections`]) → sentences
//! ([`super::sentences`]) → concepts and quantities → context ([`super::context`]). The
//! result, [`Parsed`], is what every element decision reads.

use super::context::{self, Ctx, Modifier};
use super::lexicon::{Hit, Lex, Lexicon};
use super::normalize::{Doc, TokKind};
use super::quantities::{self, Quant};
use super::sections::{self, Heading, SectionKind};
use super::sentences::{self, Sent};

/// A concept found in the text, with its context.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Concept {
    pub start: u32,
    pub end: u32,
    pub lex: Lex,
    pub group: u8,
    pub value: &'static str,
    pub ctx: Ctx,
}

/// One text, read by every stage (its [`Doc`] is the caller's, so the words can be kept as
/// slices of the folded copy).
pub(crate) struct Parsed<'d> {
    pub doc: &'d Doc<'d>,
    pub lex: &'static Lexicon,
    pub headings: Vec<Heading>,
    pub sents: Vec<Sent>,
    /// Concepts (every lexicon but sections, context, abbreviations and units), sorted by
    /// start.
    pub concepts: Vec<Concept>,
    /// Per sentence: the range of its concepts.
    pub sent_concepts: Vec<(u32, u32)>,
    pub quants: Vec<Quant>,
    /// Per sentence: the range of its quantities.
    pub sent_quants: Vec<(u32, u32)>,
    /// The indices of the word tokens in `doc.toks`, in order: [`Parsed::words`] and
    /// [`Parsed::words_between`] read these instead of filtering every token.
    pub word_toks: Vec<u32>,
    /// Per token of `doc.toks` (and one more for the end): how many word tokens come before
    /// it, i.e. where a range starting at that token starts in `word_toks`.
    word_rank: Vec<u32>,
    /// The folded text of each word token (`word_toks` in order): sliced once here, not by
    /// every stage that reads a sentence's words.
    word_strs: Vec<&'d str>,
    /// Per sentence: the range of its words in `word_toks`.
    pub sent_words: Vec<(u32, u32)>,
    /// The context modifier phrases kept (the longest at each position), sorted by start.
    pub modifiers: Vec<Modifier>,
}

impl<'d> Parsed<'d> {
    pub fn new(doc: &'d Doc<'d>) -> Parsed<'d> {
        let lex = Lexicon::get();
        let hits = lex.find(doc);
        let headings = sections::find(doc, lex, &hits);
        let mut abbrev_ends: Vec<u32> = hits
            .iter()
            .filter(|h| lex.entry(h.entry).is_some_and(|e| e.lex == Lex::Abbrev))
            .map(|h| h.end)
            .collect();
        crate::sort::sort(&mut abbrev_ends);
        let sents = sentences::split(doc, &headings, &abbrev_ends);
        let quants = quantities::find(doc, lex, &hits);

        // Modifiers, terminators, pseudo-modifiers.
        let mut mods: Vec<(Hit, u8)> = Vec::new();
        let mut terms: Vec<u32> = Vec::new();
        let mut neg_terms: Vec<u32> = Vec::new();
        let mut pseudo: Vec<(u32, u32)> = Vec::new();
        for h in &hits {
            let Some(e) = lex.entry(h.entry) else {
                continue;
            };
            if e.lex != Lex::Context {
                continue;
            }
            if context::is_terminator(e.group) {
                terms.push(h.start);
            } else if context::is_negation_terminator(e.group) {
                neg_terms.push(h.start);
            } else if context::is_pseudo(e.group) {
                pseudo.push((h.start, h.end));
            } else {
                mods.push((*h, e.group));
            }
        }
        for t in &doc.toks {
            // A semicolon, and a table's cell separator ("no more than 1 rest | MET").
            if t.kind == TokKind::Punct && matches!(doc.byte(t.start as usize), b';' | b'|') {
                terms.push(t.start);
            }
        }
        crate::sort::sort(&mut terms);

        let mut concepts_raw = select(lex, &hits);
        // An unchecked box ("[ ] Goals met", "[ ] No change") asserts nothing: the words after
        // it, to the next box or the line's end, are not read as concepts.
        let unchecked = unchecked_spans(doc);
        if !unchecked.is_empty() {
            concepts_raw.retain(|c| !unchecked.iter().any(|(a, b)| c.start >= *a && c.end <= *b));
        }
        // Drop modifiers inside pseudo-modifiers or inside a concept phrase; drop concepts
        // inside a modifier phrase.
        let inside =
            |a: (u32, u32), b: (u32, u32)| a.0 >= b.0 && a.1 <= b.1 && (a.1 - a.0) < (b.1 - b.0);
        // Both lists are sorted by start; a phrase holding another starts at most the longest
        // phrase's length before the inner one's end, so only that window is looked at.
        let longest_concept = concepts_raw
            .iter()
            .map(|c| c.end - c.start)
            .max()
            .unwrap_or(0);
        mods.retain(|(m, _)| {
            let from =
                concepts_raw.partition_point(|c| c.start < m.end.saturating_sub(longest_concept));
            !pseudo.iter().any(|p| m.start >= p.0 && m.end <= p.1)
                && !concepts_raw
                    .get(from..)
                    .unwrap_or(&[])
                    .iter()
                    .take_while(|c| c.start <= m.start)
                    .any(|c| inside((m.start, m.end), (c.start, c.end)))
        });
        // Keep only the longest modifier at each position.
        crate::sort::sort_by(&mut mods, |a, b| {
            a.0.start.cmp(&b.0.start).then(b.0.end.cmp(&a.0.end))
        });
        let mut kept: Vec<(Hit, u8)> = Vec::with_capacity(mods.len());
        for m in mods {
            if kept.last().is_some_and(|k| {
                m.0.start < k.0.end
                    && m.0.end <= k.0.end
                    && m.0.start >= k.0.start
                    && (m.0.end - m.0.start) < (k.0.end - k.0.start)
            }) {
                continue;
            }
            kept.push(m);
        }
        let modifiers: Vec<Modifier> = kept
            .iter()
            .filter_map(|(h, g)| {
                let (flag, forward, _) = context::category(*g)?;
                let a = doc.tok_from(h.start) as u32;
                let b = doc.tok_from(h.end.saturating_sub(1)) as u32;
                Some(Modifier {
                    start: h.start,
                    end: h.end,
                    toks: (a, b),
                    flag,
                    forward,
                })
            })
            .collect();
        let longest_kept = kept.iter().map(|(m, _)| m.end - m.start).max().unwrap_or(0);
        let mut concepts: Vec<Concept> = concepts_raw
            .into_iter()
            .filter(|c| {
                let from =
                    kept.partition_point(|(m, _)| m.start < c.end.saturating_sub(longest_kept));
                !kept
                    .get(from..)
                    .unwrap_or(&[])
                    .iter()
                    .take_while(|(m, _)| m.start <= c.start)
                    .any(|(m, _)| inside((c.start, c.end), (m.start, m.end)))
            })
            .collect();
        let term_toks: Vec<u32> = terms.iter().map(|&t| doc.tok_from(t) as u32).collect();
        crate::sort::sort(&mut neg_terms);
        let neg_toks: Vec<u32> = neg_terms.iter().map(|&t| doc.tok_from(t) as u32).collect();

        // Context, sentence by sentence.
        let mut sent_concepts = Vec::with_capacity(sents.len());
        let mut sent_quants = Vec::with_capacity(sents.len());
        let mut ci = 0usize;
        let mut qi = 0usize;
        let mut mi = 0usize;
        for s in &sents {
            while concepts.get(ci).is_some_and(|c| c.start < s.start) {
                ci += 1;
            }
            let c0 = ci;
            while concepts.get(ci).is_some_and(|c| c.start < s.end) {
                ci += 1;
            }
            sent_concepts.push((c0 as u32, ci as u32));
            while quants.get(qi).is_some_and(|q| q.start < s.start) {
                qi += 1;
            }
            let q0 = qi;
            while quants.get(qi).is_some_and(|q| q.start < s.end) {
                qi += 1;
            }
            sent_quants.push((q0 as u32, qi as u32));
            while modifiers.get(mi).is_some_and(|m| m.start < s.start) {
                mi += 1;
            }
            let m0 = mi;
            let mut m1 = mi;
            while modifiers.get(m1).is_some_and(|m| m.start < s.end) {
                m1 += 1;
            }
            let ms = modifiers.get(m0..m1).unwrap_or(&[]);
            if ms.is_empty() {
                continue;
            }
            let t0 = doc.tok_from(s.start) as u32;
            let t1 = doc.tok_from(s.end) as u32;
            let a = term_toks.partition_point(|&t| t < t0);
            let b = term_toks.partition_point(|&t| t <= t1);
            let ts = term_toks.get(a..b).unwrap_or(&[]);
            let na = neg_toks.partition_point(|&t| t < t0);
            let nb = neg_toks.partition_point(|&t| t <= t1);
            let ns = neg_toks.get(na..nb).unwrap_or(&[]);
            for c in concepts.get_mut(c0..ci).unwrap_or(&mut []) {
                let first = doc.tok_from(c.start) as u32;
                let last = doc.tok_from(c.end.saturating_sub(1)) as u32;
                c.ctx = context::judge(first, last, ms, ts, ns);
            }
        }
        let word_toks: Vec<u32> = doc
            .toks
            .iter()
            .enumerate()
            .filter(|(_, t)| t.kind == TokKind::Word)
            .map(|(i, _)| i as u32)
            .collect();
        let mut word_rank = vec![0u32; doc.toks.len() + 1];
        let mut n = 0u32;
        for (rank, t) in word_rank.iter_mut().skip(1).zip(&doc.toks) {
            n += u32::from(t.kind == TokKind::Word);
            *rank = n;
        }
        let word_strs: Vec<&'d str> = word_toks
            .iter()
            .map(|&k| doc.toks.get(k as usize).map_or("", |t| doc.tok_str(t)))
            .collect();
        let sent_words = sents
            .iter()
            .map(|s| {
                let (a, b) = word_range(doc, &word_rank, s.start, s.end);
                (a as u32, b as u32)
            })
            .collect();
        Parsed {
            doc,
            lex,
            headings,
            sents,
            concepts,
            sent_concepts,
            quants,
            sent_quants,
            word_toks,
            word_rank,
            word_strs,
            sent_words,
            modifiers,
        }
    }

    /// The concepts of sentence `si`.
    pub fn concepts_in(&self, si: usize) -> &[Concept] {
        let (a, b) = self.sent_concepts.get(si).copied().unwrap_or((0, 0));
        self.concepts.get(a as usize..b as usize).unwrap_or(&[])
    }

    /// The quantities of sentence `si`.
    pub fn quants_in(&self, si: usize) -> &[Quant] {
        let (a, b) = self.sent_quants.get(si).copied().unwrap_or((0, 0));
        self.quants.get(a as usize..b as usize).unwrap_or(&[])
    }

    /// The first concept of `lex`/`group` in sentence `si` that `keep` accepts.
    pub fn find_in(
        &self,
        si: usize,
        lex: Lex,
        group: u8,
        keep: impl Fn(&Concept) -> bool,
    ) -> Option<&Concept> {
        self.concepts_in(si)
            .iter()
            .find(|c| c.lex == lex && c.group == group && keep(c))
    }

    pub fn has(&self, si: usize, lex: Lex, group: u8) -> bool {
        self.find_in(si, lex, group, |_| true).is_some()
    }

    /// The kind of the section holding sentence `si`.
    pub fn section(&self, si: usize) -> Option<SectionKind> {
        let s = self.sents.get(si)?;
        self.headings.get(s.section? as usize).map(|h| h.kind)
    }

    pub fn heading_of(&self, si: usize) -> Option<&Heading> {
        let s = self.sents.get(si)?;
        self.headings.get(s.section? as usize)
    }

    /// The folded text of sentence `si`.
    pub fn text(&self, si: usize) -> &str {
        self.sents
            .get(si)
            .map_or("", |s| self.doc.f(s.start, s.end))
    }

    /// The sentence holding folded offset `at`.
    pub fn sent_at(&self, at: u32) -> Option<usize> {
        let i = self.sents.partition_point(|s| s.start <= at);
        let i = i.checked_sub(1)?;
        self.sents.get(i).filter(|s| at < s.end).map(|_| i)
    }

    /// Word tokens of sentence `si` (folded strings).
    pub fn words(&self, si: usize) -> impl ExactSizeIterator<Item = &'d str> + '_ {
        self.word_slice(si).iter().copied()
    }

    /// Word tokens of sentence `si` (folded strings), as a slice.
    pub fn word_slice(&self, si: usize) -> &[&'d str] {
        let (a, b) = self.sent_words.get(si).copied().unwrap_or((0, 0));
        self.words_of(a as usize, b as usize)
    }

    /// Word tokens from the first token that ends after `a` to the last that starts before
    /// `b` (folded strings).
    pub fn words_between(&self, a: u32, b: u32) -> &[&'d str] {
        let (wa, wb) = word_range(self.doc, &self.word_rank, a, b);
        self.words_of(wa, wb)
    }

    /// Whether the `k`-th word from folded offset `a` opens an experiencer modifier: someone
    /// other than the patient ("wife", "his daughter", "caregiver", "per family").
    pub fn experiencer_at(&self, a: u32, k: usize) -> bool {
        let (wa, _) = word_range(self.doc, &self.word_rank, a, a);
        let Some(at) = self
            .word_toks
            .get(wa + k)
            .and_then(|&t| self.doc.toks.get(t as usize))
            .map(|t| t.start)
        else {
            return false;
        };
        let i = self.modifiers.partition_point(|m| m.start < at);
        self.modifiers
            .get(i..)
            .unwrap_or(&[])
            .iter()
            .take_while(|m| m.start == at)
            .any(|m| m.flag == Ctx::EXPERIENCER)
    }

    /// The words `wa..wb` of `word_toks`.
    fn words_of(&self, wa: usize, wb: usize) -> &[&'d str] {
        self.word_strs.get(wa..wb.max(wa)).unwrap_or(&[])
    }
}

/// The range in `word_toks` of the words from the first token that ends after `a` to the last
/// that starts before `b`. Tokens are in order and do not overlap: both token bounds by
/// binary search, then their places among the words from `word_rank`.
fn word_range(doc: &Doc<'_>, word_rank: &[u32], a: u32, b: u32) -> (usize, usize) {
    let i = doc.tok_from(a);
    let j = doc.toks.partition_point(|t| t.start < b).max(i);
    let rank = |k: usize| {
        word_rank
            .get(k)
            .or(word_rank.last())
            .map_or(0, |&n| n as usize)
    };
    let (wa, wb) = (rank(i), rank(j));
    (wa, wb.max(wa))
}

/// The words after each unchecked box ("[ ]", "[]") up to the next box or the line's end.
fn unchecked_spans(doc: &Doc<'_>) -> Vec<(u32, u32)> {
    let f = doc.folded.as_bytes();
    let mut out = Vec::new();
    let mut i = 0usize;
    while i + 1 < f.len() {
        // Straight to the next '['.
        match f.get(i..).and_then(|r| memchr::memchr(b'[', r)) {
            Some(k) if i + k + 1 < f.len() => i += k,
            _ => break,
        }
        let empty = f.get(i) == Some(&b'[')
            && (f.get(i + 1) == Some(&b']')
                || (f.get(i + 1) == Some(&b' ') && f.get(i + 2) == Some(&b']')));
        if empty {
            let start = i;
            let mut j = i + 2;
            while j < f.len() && !matches!(f.get(j), Some(b'[') | Some(b'\n')) {
                j += 1;
            }
            out.push((start as u32, j as u32));
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// Per lexicon, the leftmost-longest hits that do not overlap (every entry of a winning span
/// is kept: one phrase may belong to several groups). One pass over the hits, each lexicon
/// with its own last winner.
fn select(lex: &Lexicon, hits: &[Hit]) -> Vec<Concept> {
    // Per lexicon (by discriminant): the end of its last winning span, and that span.
    let mut last_end = [0u32; 16];
    let mut win: [Option<(u32, u32)>; 16] = [None; 16];
    let mut out: Vec<Concept> = Vec::with_capacity(hits.len());
    // `hits` are sorted by start, longest first.
    for h in hits {
        let Some(e) = lex.entry(h.entry) else {
            continue;
        };
        if matches!(e.lex, Lex::Section | Lex::Context | Lex::Abbrev | Lex::Unit) {
            continue;
        }
        let li = e.lex as usize;
        let (Some(last_end), Some(win)) = (last_end.get_mut(li), win.get_mut(li)) else {
            continue;
        };
        let same_as_win = *win == Some((h.start, h.end));
        if !same_as_win && h.start < *last_end {
            continue;
        }
        if !same_as_win {
            *win = Some((h.start, h.end));
            *last_end = h.end;
        }
        out.push(Concept {
            start: h.start,
            end: h.end,
            lex: e.lex,
            group: e.group,
            value: e.value,
            ctx: Ctx::default(),
        });
    }
    // By start, longest first, then by lexicon (the hits' order within one lexicon).
    crate::sort::sort_by(&mut out, |a, b| {
        a.start
            .cmp(&b.start)
            .then(b.end.cmp(&a.end))
            .then((a.lex as u8).cmp(&(b.lex as u8)))
    });
    out
}
