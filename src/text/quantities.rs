//! Numbers and what they measure: a token-level matcher over the folded copy.
//!
//! Input: the [`Doc`]'s tokens and the unit hits (`lexicon/units.txt`). Output:
//! [`Quant`]s ("25 min" minutes, "2 units" units, "x2" a count after an "x", "4/5" a
//! score out of 5, "50%" a percentage, "3x/wk" a weekly frequency) and timeframes ("in 4
//! weeks", "within two months", "by 3/15/13", "by discharge", "(8 wks)").
//! Minutes and units are never confused: a number followed by a time unit measures time,
//! whatever comes before it ("97110 x 30 min" is 30 minutes).

use super::lexicon::{Hit, Lex, Lexicon};
use super::normalize::{word_is, Doc, Tok, TokKind, Words};

/// The groups of its lexicon file (the list lives with the lexicon's file table).
pub(crate) use super::lexicon::groups::UNITS as GROUPS;

/// What a number measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Minutes,
    Units,
    Hours,
    Seconds,
    Distance,
    Degrees,
    Reps,
    Weight,
    Percent,
    Days,
    Weeks,
    Months,
    Visits,
    PerWeek,
    PerDay,
    /// "4/5", "6/10", "44/56": a score out of the second number.
    Score(u16),
    /// "x2", "x 3": a count written after an "x" with no unit.
    Times,
    /// A date ("3/15/13", "12/03/15").
    Date,
    /// No unit.
    Bare,
}

impl Unit {
    fn from_group(g: u8) -> Unit {
        match GROUPS.get(g as usize).copied().unwrap_or("") {
            "minutes" => Unit::Minutes,
            "units" => Unit::Units,
            "hours" => Unit::Hours,
            "seconds" => Unit::Seconds,
            "distance" => Unit::Distance,
            "degrees" => Unit::Degrees,
            "reps" => Unit::Reps,
            "weight" => Unit::Weight,
            "percent" => Unit::Percent,
            "days" => Unit::Days,
            "weeks" => Unit::Weeks,
            "months" => Unit::Months,
            "visits" => Unit::Visits,
            "per-week" => Unit::PerWeek,
            "per-day" => Unit::PerDay,
            _ => Unit::Bare,
        }
    }

    /// A span of time a goal can be met in.
    pub fn is_period(self) -> bool {
        matches!(self, Unit::Days | Unit::Weeks | Unit::Months | Unit::Visits)
    }
}

/// A number with its unit (folded offsets: the number, and the whole quantity).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Quant {
    /// The number's token.
    pub num: (u32, u32),
    /// Number and unit.
    pub start: u32,
    pub end: u32,
    pub value: f64,
    pub unit: Unit,
    /// Written after an "x" ("x 30 min", "x2").
    pub after_x: bool,
    /// The number is spelled out ("two weeks").
    pub word: bool,
}

/// Number words, for timeframes and counts.
pub(crate) fn number_word(w: &str) -> Option<f64> {
    // Most words are not number words: their length and first letter say so.
    if w.len() > 7
        || !matches!(
            w.as_bytes().first(),
            Some(b'a' | b'e' | b'f' | b'n' | b'o' | b's' | b't')
        )
    {
        return None;
    }
    // Byte-string patterns: compared byte by byte inline, not one `str` comparison call
    // per word of the list.
    Some(match w.as_bytes() {
        b"a" | b"an" | b"one" => 1.0,
        b"two" => 2.0,
        b"three" => 3.0,
        b"four" => 4.0,
        b"five" => 5.0,
        b"six" => 6.0,
        b"seven" => 7.0,
        b"eight" => 8.0,
        b"nine" => 9.0,
        b"ten" => 10.0,
        b"eleven" => 11.0,
        b"twelve" => 12.0,
        b"fifteen" => 15.0,
        b"twenty" => 20.0,
        b"thirty" => 30.0,
        b"several" | b"few" => 3.0,
        _ => return None,
    })
}

/// The months' names and their usual abbreviations.
const MONTHS: Words = Words::new(&[
    "jan",
    "january",
    "feb",
    "february",
    "mar",
    "march",
    "apr",
    "april",
    "may",
    "jun",
    "june",
    "jul",
    "july",
    "aug",
    "august",
    "sep",
    "sept",
    "september",
    "oct",
    "october",
    "nov",
    "november",
    "dec",
    "december",
]);

/// Whether the folded word `w` is a month's name or its abbreviation.
pub(crate) fn is_month_name(w: &str) -> bool {
    MONTHS.has(w)
}

/// Whether token `t` names a month. "May" and "Dec" are also a verb and "decreased", so they
/// count only written with a capital.
fn is_month(doc: &Doc<'_>, t: &Tok) -> bool {
    if t.kind != TokKind::Word || t.end - t.start > 9 {
        return false;
    }
    let w = doc.tok_str(t);
    MONTHS.has(w)
        && (!matches!(w, "may" | "dec")
            || doc
                .orig(t.start, t.end)
                .starts_with(|c: char| c.is_ascii_uppercase()))
}

/// The start of the month's name before the number at token `i` ("Mar 4", "Mar. 4").
fn month_before(doc: &Doc<'_>, toks: &[Tok], i: usize) -> Option<u32> {
    let k = i.checked_sub(1)?;
    let prev = toks.get(k)?;
    let m = if doc.byte(prev.start as usize) == b'.' && prev.end - prev.start == 1 {
        toks.get(k.checked_sub(1)?)?
    } else {
        prev
    };
    is_month(doc, m).then_some(m.start)
}

/// A date at token `i` other than "3/15/13": its end and how many tokens it takes.
fn other_date(doc: &Doc<'_>, toks: &[Tok], i: usize) -> Option<(u32, usize)> {
    let t = toks.get(i)?;
    let s = doc.tok_str(t);
    let int = |x: &Tok| -> Option<u32> {
        (x.kind == TokKind::Num && !doc.tok_str(x).contains('.'))
            .then(|| doc.tok_str(x).parse().ok())
            .flatten()
    };
    let adjacent = |k: usize| -> Option<&Tok> {
        let x = toks.get(k)?;
        let before = toks.get(k.checked_sub(1)?)?;
        (x.start == before.end).then_some(x)
    };
    let sep = |k: usize, c: u8| adjacent(k).is_some_and(|x| doc.byte(x.start as usize) == c);
    let year = |x: &Tok| matches!(x.end - x.start, 2 | 4);
    let md = |m: u32, d: u32| (1..=12).contains(&m) && (1..=31).contains(&d);
    // "7-12-26", "2026-07-12": three numbers joined by dashes, and nothing more joined.
    if sep(i + 1, b'-') && sep(i + 3, b'-') && !sep(i + 5, b'-') {
        let (a, b) = (adjacent(i + 2)?, adjacent(i + 4)?);
        let (x, y, z) = (int(t)?, int(a)?, int(b)?);
        let us = md(x, y) && year(b) && t.end - t.start <= 2;
        let iso = t.end - t.start == 4 && md(y, z) && a.end - a.start <= 2;
        return (us || iso).then_some((b.end, 5));
    }
    // "7.12.26": a decimal number, a dot, a year.
    // (The dot found with `memchr`: `split_once` sets up a pattern search for one byte.)
    let dot = memchr::memchr(b'.', s.as_bytes());
    if let Some((m, d)) = dot.map(|k| (s.get(..k).unwrap_or(""), s.get(k + 1..).unwrap_or(""))) {
        if sep(i + 1, b'.') {
            let y = adjacent(i + 2)?;
            let ok = int(y).is_some()
                && year(y)
                && !sep(i + 3, b'.')
                && d.len() <= 2
                && md(m.parse().ok()?, d.parse().ok()?);
            return ok.then_some((y.end, 3));
        }
        return None;
    }
    let n = int(t)?;
    if !(1..=31).contains(&n) || t.end - t.start > 2 {
        return None;
    }
    // ", 2026" after a day: part of the date.
    let with_year = |k: usize, end: u32| -> (u32, usize) {
        match (toks.get(k), toks.get(k + 1)) {
            (Some(c), Some(y))
                if doc.byte(c.start as usize) == b','
                    && c.start == end
                    && y.end - y.start == 4
                    && int(y).is_some() =>
            {
                (y.end, k + 2 - i)
            }
            _ => (end, k - i),
        }
    };
    // "Mar 4", "July 12, 2026", "Mar. 4th".
    if month_before(doc, toks, i).is_some() {
        let mut end = t.end;
        let mut k = i + 1;
        if let Some(x) = adjacent(k).filter(|x| matches!(doc.tok_str(x), "st" | "nd" | "rd" | "th"))
        {
            end = x.end;
            k += 1;
        }
        return Some(with_year(k, end));
    }
    // "12 July 2026", "4th of March".
    let mut k = i + 1;
    if adjacent(k).is_some_and(|x| matches!(doc.tok_str(x), "st" | "nd" | "rd" | "th")) {
        k += 1;
    }
    if toks.get(k).is_some_and(|x| doc.tok_is(x, "of")) {
        k += 1;
    }
    let m = toks.get(k).filter(|m| is_month(doc, m))?;
    match toks.get(k + 1) {
        Some(y) if y.end - y.start == 4 && int(y).is_some() => Some((y.end, k + 2 - i)),
        _ => Some((m.end, k + 1 - i)),
    }
}

/// Finds every quantity. `unit_hits` are the unit lexicon hits, sorted by start.
#[inline(never)] // one stage: its own entry in a profile
pub(crate) fn find(doc: &Doc<'_>, lex: &Lexicon, hits: &[Hit]) -> Vec<Quant> {
    let toks = &doc.toks;
    let mut out = Vec::with_capacity(toks.len() / 6);
    // Unit hits by start, longest first.
    let unit_at = |at: u32| -> Option<(Unit, u32)> {
        let i = hits.partition_point(|h| h.start < at);
        hits.get(i..)?
            .iter()
            .take_while(|h| h.start == at)
            .filter_map(|h| {
                let e = lex.entry(h.entry)?;
                (e.lex == Lex::Unit).then(|| (Unit::from_group(e.group), h.end))
            })
            .max_by_key(|(_, end)| *end)
    };
    let mut i = 0usize;
    while let Some(t) = toks.get(i) {
        let (value, word) = match t.kind {
            TokKind::Num => (crate::float::parse_decimal(doc.tok_str(t)), false),
            // `number_word`'s own first check (length, first letter), before slicing.
            TokKind::Word
                if t.end - t.start <= 7
                    && matches!(
                        doc.byte(t.start as usize),
                        b'a' | b'e' | b'f' | b'n' | b'o' | b's' | b't'
                    ) =>
            {
                (number_word(doc.tok_str(t)), true)
            }
            _ => (None, false),
        };
        let Some(value) = value else {
            i += 1;
            continue;
        };
        // "a"/"an" count only before a period unit ("in a month").
        let prev = i.checked_sub(1).and_then(|p| toks.get(p));
        let after_x = prev.is_some_and(|p| {
            p.kind == TokKind::Word
                && doc.tok_is(p, "x")
                && (p.end == t.start || p.end + 1 == t.start)
        }) || prev
            .is_some_and(|p| doc.byte(p.start as usize) == b'*' && p.end == t.start);
        let next = toks.get(i + 1);
        let n2 = toks.get(i + 2);
        let n3 = toks.get(i + 3);
        let mut q = Quant {
            num: (t.start, t.end),
            start: if after_x {
                prev.map_or(t.start, |p| p.start)
            } else {
                t.start
            },
            end: t.end,
            value,
            unit: Unit::Bare,
            after_x,
            word,
        };
        // Fractions and dates: "4/5", "3/15/13".
        if !word {
            if let (Some(n), Some(n2)) = (next, n2) {
                if doc.byte(n.start as usize) == b'/'
                    && n.start == t.end
                    && n2.kind == TokKind::Num
                    && n2.start == n.end
                {
                    let third =
                        n3.filter(|x| doc.byte(x.start as usize) == b'/' && x.start == n2.end);
                    if let Some(slash2) = third {
                        let end = toks
                            .get(i + 4)
                            .filter(|x| x.kind == TokKind::Num && x.start == slash2.end)
                            .map_or(slash2.end, |x| x.end);
                        q.unit = Unit::Date;
                        q.end = end;
                        out.push(q);
                        i += 5;
                        continue;
                    }
                    let den = doc.tok_str(n2).parse::<u16>().unwrap_or(0);
                    q.unit = Unit::Score(den);
                    q.end = n2.end;
                    out.push(q);
                    i += 3;
                    continue;
                }
            }
        }
        // "3 out of 10", "8 out of 10 trials": a score, as "3/10" is.
        if !word {
            if let (Some(o), Some(f), Some(n)) = (next, n2, n3) {
                if doc.tok_is(o, "out") && doc.tok_is(f, "of") && n.kind == TokKind::Num {
                    if let Ok(den) = doc.tok_str(n).parse::<u16>() {
                        q.unit = Unit::Score(den);
                        q.end = n.end;
                        out.push(q);
                        i += 4;
                        continue;
                    }
                }
            }
        }
        // Dates written with dashes or dots ("7-12-26", "07-12-2026", "2026-07-12",
        // "7.12.26") or with the month's name ("Mar 4", "July 12, 2026", "12 July 2026").
        if !word {
            if let Some((end, used)) = other_date(doc, toks, i) {
                q.start = q.start.min(month_before(doc, toks, i).unwrap_or(q.start));
                q.unit = Unit::Date;
                q.end = end;
                out.push(q);
                i += used;
                continue;
            }
        }
        // Ranges: "2-3 times a week", "0-105 degrees": the unit after the range.
        let mut unit_from = next.map_or(t.end, |n| n.start);
        let mut last = i;
        if let (Some(n), Some(n2)) = (next, n2) {
            // "2-3 times a week", "two to three weeks"; a spaced dash ("97112 — 25 min")
            // separates two numbers.
            let dash =
                (doc.byte(n.start as usize) == b'-' && n.start == t.end && n2.start == n.end)
                    || doc.tok_is(n, "to");
            if dash && (n2.kind == TokKind::Num || (word && number_word(doc.tok_str(n2)).is_some()))
            {
                unit_from = n3.map_or(n2.end, |x| x.start);
                last = i + 2;
            }
        }
        if let Some((u, end)) = unit_at(unit_from) {
            // "4 in step" is inches only right after the number; "in 4 weeks" is not.
            let gap = unit_from - toks.get(last).map_or(unit_from, |x| x.end);
            if gap <= 1 {
                q.unit = u;
                q.end = end;
            }
        }
        if word
            && !q.unit.is_period()
            && !matches!(
                q.unit,
                Unit::PerWeek | Unit::PerDay | Unit::Minutes | Unit::Hours | Unit::Reps
            )
        {
            i += 1;
            continue;
        }
        // "3x10": sets x reps.
        if q.unit == Unit::Reps
            && doc.f(q.end - 1, q.end) == "x"
            && toks
                .get(last + 2)
                .is_some_and(|x| x.kind == TokKind::Num && x.start == q.end)
        {
            q.end = toks.get(last + 2).map_or(q.end, |x| x.end);
        }
        if q.unit == Unit::Bare && after_x {
            q.unit = Unit::Times;
        }
        out.push(q);
        i = last + 1;
    }
    out
}

/// A timeframe found in `a..b`: its folded range.
pub(crate) fn timeframes(
    doc: &Doc<'_>,
    quants: &[Quant],
    lex: &Lexicon,
    hits: &[Hit],
    a: u32,
    b: u32,
) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    each_timeframe(doc, quants, a, b, |tf| {
        out.push(tf);
        false
    });
    let _ = (lex, hits);
    crate::sort::sort(&mut out);
    out.dedup();
    out
}

/// Whether `a..b` states a timeframe: [`timeframes`] is not empty (stops at the first).
pub(crate) fn has_timeframe(doc: &Doc<'_>, quants: &[Quant], a: u32, b: u32) -> bool {
    let mut found = false;
    each_timeframe(doc, quants, a, b, |_| {
        found = true;
        true
    });
    found
}

/// Hands each timeframe of `a..b` to `f`, in the order [`timeframes`] finds them, until `f`
/// returns true.
fn each_timeframe(
    doc: &Doc<'_>,
    quants: &[Quant],
    a: u32,
    b: u32,
    mut f: impl FnMut((u32, u32)) -> bool,
) {
    let bytes = doc.folded.as_bytes();
    // The up to `N` words before folded offset `at`, nearest first.
    fn words_before<'d, const N: usize>(doc: &'d Doc<'_>, at: u32) -> ([&'d str; N], usize) {
        let mut v = [""; N];
        let mut n = 0usize;
        let mut j = doc.tok_from(at);
        while j > 0 && n < N {
            j -= 1;
            let Some(t) = doc.toks.get(j) else { break };
            if t.kind == TokKind::Newline {
                break;
            }
            if let Some(slot) = v.get_mut(n) {
                *slot = doc.tok_str(t);
            }
            n += 1;
        }
        (v, n)
    }
    let i0 = quants.partition_point(|q| q.start < a);
    for q in quants
        .get(i0..)
        .unwrap_or(&[])
        .iter()
        .take_while(|q| q.start < b)
    {
        if q.unit.is_period() {
            let (words, n) = words_before::<4>(doc, q.start);
            let before = words.get(..n).unwrap_or(&[]);
            let first = before.first().copied().unwrap_or("");
            let lead = matches!(
                first,
                "in" | "within"
                    | "over"
                    | "after"
                    | "x"
                    | "for"
                    | "by"
                    | "next"
                    | "the"
                    | "additional"
                    | "more"
                    | "("
                    | "of"
            ) || before
                .iter()
                .take(3)
                .any(|w| matches!(*w, "in" | "within" | "by" | "over"));
            let paren = first == "(" || bytes.get(q.end as usize) == Some(&b')');
            let hyphen_form = bytes.get(q.num.1 as usize) == Some(&b'-') || (first.is_empty());
            // "4 weeks" alone after a "time frame" label or at a line's start also counts.
            if (lead || paren || hyphen_form) && f((q.start, q.end)) {
                return;
            }
        } else if matches!(q.unit, Unit::Date | Unit::Score(_)) {
            let (words, n) = words_before::<2>(doc, q.start);
            if words
                .get(..n)
                .unwrap_or(&[])
                .iter()
                .any(|w| matches!(*w, "by" | "before" | "on" | "until" | "date"))
                && f((q.start, q.end))
            {
                return;
            }
        }
    }
    for tf in doc
        .timeframe_phrases
        .get_or_init(|| all_timeframe_phrases(doc))
        .iter()
        .filter(|(s, e)| *s >= a && *e <= b)
    {
        if f(*tf) {
            return;
        }
    }
}

/// Words that open a timeframe tied to a point in the course of care ("by discharge",
/// "prior to the next recertification", "before she returns to work").
const TF_LEADS: Words = Words::new(&[
    "by", "at", "before", "prior", "until", "till", "upon", "within",
]);

/// Words allowed between the opening word and the point in care ("by *the end of the*
/// certification period", "by *the time she* returns to work", "by *the 10th* visit").
const TF_FILLERS: Words = Words::new(&[
    "the",
    "this",
    "that",
    "her",
    "his",
    "their",
    "its",
    "next",
    "end",
    "of",
    "time",
    "to",
    "completion",
    "conclusion",
    "close",
    "current",
    "present",
    "planned",
    "anticipated",
    "expected",
    "projected",
    "scheduled",
    "upcoming",
    "first",
    "final",
    "last",
    "annual",
    "she",
    "he",
    "they",
    "pt",
    "patient",
    "child",
    "client",
    "student",
    "resident",
    "th",
    "st",
    "nd",
    "rd",
    "is",
    "initial",
    "md",
    "physician",
    "surgeon",
    "doctor",
    "iep",
]);

/// The points in care a goal can be due at: the discharge, the end of the plan of care or
/// certification, the next report or re-evaluation, a numbered visit, the end of a month or
/// a term, a return to work or home, a surgery.
const TF_POINTS: Words = Words::new(&[
    "discharge",
    "discharged",
    "dc",
    "poc",
    "plan",
    "cert",
    "certification",
    "recert",
    "recertification",
    "reeval",
    "reevaluation",
    "reassessment",
    "progress",
    "pn",
    "episode",
    "treatment",
    "therapy",
    "tx",
    "authorization",
    "auth",
    "visit",
    "visits",
    "session",
    "sessions",
    "month",
    "week",
    "year",
    "semester",
    "quarter",
    "term",
    "review",
    "reporting",
    "period",
    "return",
    "returns",
    "returning",
    "surgery",
    "season",
    "summer",
    "winter",
    "spring",
    "weekend",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "appointment",
    "follow",
    "followup",
    "evaluation",
]);

/// Timeframes written as words: an opening word ([`TF_LEADS`]), up to five
/// [`TF_FILLERS`] or numbers, then a point in care ([`TF_POINTS`], "d/c", "re eval",
/// "going home"); and "school year" / "IEP year" alone.
fn all_timeframe_phrases(doc: &Doc<'_>) -> Vec<(u32, u32)> {
    let (a, b) = (0u32, doc.folded.len() as u32);
    let mut out = Vec::new();
    let toks = &doc.toks;
    let word = |j: usize| -> &str {
        toks.get(j)
            .filter(|t| t.kind == TokKind::Word && t.end - t.start <= 16)
            .map_or("", |t| doc.tok_str(t))
    };
    // The end of the point in care starting at token `j`, if one does.
    let point_end = |j: usize| -> Option<u32> {
        let t = toks.get(j)?;
        let w = word(j);
        let next = word(j + 1);
        let end_of = |k: usize| toks.get(k).map(|t| t.end);
        match w {
            // "d/c", "re eval", "re-cert", "going home", "leaving for home".
            "d" if doc.f(t.start, t.end + 2) == "d/c" => Some(t.end + 2),
            "re" if [
                "eval",
                "evaluation",
                "cert",
                "certification",
                "assessment",
                "exam",
            ]
            .contains(&next) =>
            {
                end_of(j + 1)
            }
            "going" | "goes" | "leaving" | "leaves" | "gets" if matches!(next, "home" | "back") => {
                end_of(j + 1)
            }
            "school" | "iep" if next == "year" => end_of(j + 1),
            // "visit 12", "session 8".
            "visit" | "session" if toks.get(j + 1).is_some_and(|n| n.kind == TokKind::Num) => {
                end_of(j + 1)
            }
            _ if TF_POINTS.has(w) => Some(t.end),
            _ => None,
        }
    };
    for (i, t) in toks.iter().enumerate() {
        // (A word longer than 16 letters is none of them.)
        if t.kind != TokKind::Word || t.end - t.start > 16 {
            continue;
        }
        let w = doc.tok_str(t);
        if (word_is(w, "school") || word_is(w, "iep")) && word(i + 1) == "year" {
            if let Some(e) = toks.get(i + 1) {
                out.push((t.start, e.end));
            }
            continue;
        }
        if !TF_LEADS.has(w) {
            continue;
        }
        let mut j = i + 1;
        while j <= i + 6 {
            let Some(n) = toks.get(j) else { break };
            if n.kind == TokKind::Newline {
                break;
            }
            if let Some(e) = point_end(j) {
                out.push((t.start, e));
                break;
            }
            let filler = n.kind == TokKind::Num || TF_FILLERS.has(word(j));
            if !filler {
                break;
            }
            j += 1;
        }
    }
    // "by March 15", "by Mar."
    let i = doc.tok_from(a);
    let toks = doc.toks.get(i..).unwrap_or(&[]);
    for w in toks
        .windows(2)
        .take_while(|w| w.first().is_some_and(|t| t.start < b))
    {
        let (Some(t0), Some(t1)) = (w.first(), w.get(1)) else {
            continue;
        };
        // "by" (its two bytes) before the month's name.
        let by = t0.end == t0.start + 2
            && doc.byte(t0.start as usize) == b'b'
            && doc.byte(t0.start as usize + 1) == b'y';
        if by && MONTHS.has(doc.tok_str(t1)) && t1.end <= b {
            out.push((t0.start, t1.end));
        }
    }
    out
}
