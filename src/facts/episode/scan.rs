//! The episode reader's small scanners: goal labels and headings, numbered items, goal
//! statuses, measured comparisons, timeframes, "all goals met" statements and the plan's
//! frequency, duration and visit count.
//!
//! Each scanner reads one shape of words and says where it is; [`super::reading`] decides
//! what it means. They replace a dozen regular expressions that were the package's only
//! use of a regex engine, and they keep those patterns' exact behaviour, so that every
//! report stays the same:
//!
//! - letters compare ASCII case-insensitively ("STG", "stg", "Stg"), nothing else folds;
//! - "space" is ASCII whitespace (space, tab, line feed, vertical tab, form feed, carriage
//!   return): a no-break space is not one;
//! - a word boundary sits between an ASCII letter, digit or `_` and anything else (or the
//!   text's edge): "é" is not a word character;
//! - where a pattern offered alternatives, the scanner tries them in the same order and
//!   takes the first that completes the whole shape (so "3 sec → 4" reads the unit "sec"
//!   after "s" failed, and "2-3 visits; 3x/wk" finds the "3x/wk").
//!
//! Positions are byte offsets into the text. Every scanner starts and stops on ASCII bytes
//! or after a whole matched character, so the offsets are always character boundaries.

/// Short- or long-term goal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Term {
    Short,
    Long,
}

/// A goal's status as a report gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    Met,
    PartlyMet,
    NotMet,
    /// "progressing", "ongoing", "continue".
    Ongoing,
    /// "discontinued", "deferred".
    Discontinued,
    /// "revised", "modified", "updated".
    Revised,
    /// No status word, but a measured comparison ("now 20 min", "from 3/10 to 1/10").
    Measured,
}

impl Status {
    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::PartlyMet => "partlyMet",
            Status::NotMet => "notMet",
            Status::Ongoing => "ongoing",
            Status::Discontinued => "discontinued",
            Status::Revised => "revised",
            Status::Measured => "measured",
        }
    }
    /// The goal needs no further status once a clinician reports this (CMS §220.3.D: omit a
    /// goal after it is reported met).
    pub fn closes(self) -> bool {
        matches!(self, Status::Met | Status::Discontinued)
    }
}

// ---------------------------------------------------------------------------------------
// Primitives
// ---------------------------------------------------------------------------------------

fn at(s: &[u8], i: usize) -> Option<u8> {
    s.get(i).copied()
}

/// ASCII whitespace: space, tab, line feed, vertical tab, form feed, carriage return.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r')
}

/// A word character: ASCII letter, digit or underscore.
fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// After any spaces from `i`.
fn spaces(s: &[u8], mut i: usize) -> usize {
    while at(s, i).is_some_and(is_space) {
        i += 1;
    }
    i
}

/// After one or more spaces from `i`, or `None` when `i` is not a space.
fn spaces1(s: &[u8], i: usize) -> Option<usize> {
    let e = spaces(s, i);
    (e > i).then_some(e)
}

/// After any spaces or tabs (not line breaks) from `i`.
fn blanks(s: &[u8], mut i: usize) -> usize {
    while matches!(at(s, i), Some(b' ' | b'\t')) {
        i += 1;
    }
    i
}

/// Whether a word boundary sits at `i`: a word character on exactly one side.
fn boundary(s: &[u8], i: usize) -> bool {
    let before = i.checked_sub(1).and_then(|j| at(s, j)).is_some_and(is_word);
    before != at(s, i).is_some_and(is_word)
}

/// Whether a word starts at `i` (a word character with none before it).
fn word_start(s: &[u8], i: usize) -> bool {
    at(s, i).is_some_and(is_word) && boundary(s, i)
}

/// After the run of word characters from `i`.
fn word_end(s: &[u8], mut i: usize) -> usize {
    while at(s, i).is_some_and(is_word) {
        i += 1;
    }
    i
}

/// After `w` at `i` (ASCII letters in any case; other characters exactly).
fn lit(s: &[u8], i: usize, w: &str) -> Option<usize> {
    let e = i.checked_add(w.len())?;
    s.get(i..e)?.eq_ignore_ascii_case(w.as_bytes()).then_some(e)
}

/// After the words of `p` at `i`, one or more spaces where `p` has one ("plan of care").
fn phrase(s: &[u8], i: usize, p: &str) -> Option<usize> {
    // The first letter first: most positions tried start with another one.
    let first = p.as_bytes().first()?;
    if !at(s, i)?.eq_ignore_ascii_case(first) {
        return None;
    }
    let mut e = i;
    for (k, w) in p.split(' ').enumerate() {
        if k > 0 {
            e = spaces1(s, e)?;
        }
        e = lit(s, e, w)?;
    }
    Some(e)
}

/// The alternatives `words` at `i`, in order: the first whose continuation `then` succeeds
/// (from the word's end) gives the result. Words may hold spaces, as in [`phrase`].
fn either<T>(
    s: &[u8],
    i: usize,
    words: &[&str],
    mut then: impl FnMut(usize) -> Option<T>,
) -> Option<T> {
    words
        .iter()
        .find_map(|w| phrase(s, i, w).and_then(&mut then))
}

/// One of `words` at `i` ending on a word boundary: its end.
fn whole(s: &[u8], i: usize, words: &[&str]) -> Option<usize> {
    either(s, i, words, |e| boundary(s, e).then_some(e))
}

/// Up to `max` digits at `i`, most first (as a greedy `\d{1,max}` gives them back): the
/// first digit count whose continuation `then` succeeds (from the digits' end).
fn number<T>(
    s: &[u8],
    i: usize,
    max: usize,
    mut then: impl FnMut(usize) -> Option<T>,
) -> Option<T> {
    let mut n = 0;
    while n < max && at(s, i + n).is_some_and(|b| b.is_ascii_digit()) {
        n += 1;
    }
    (1..=n).rev().find_map(|k| then(i + k))
}

/// The value of the ASCII digits in `s[a..b]` (at most three here, so no overflow).
fn value(s: &[u8], a: usize, b: usize) -> u32 {
    s.get(a..b).unwrap_or(&[]).iter().fold(0, |v, d| {
        v.saturating_mul(10)
            .saturating_add(u32::from(d.wrapping_sub(b'0')))
    })
}

/// The first of `stops` from `i`, or `None` at the end of the text.
fn first_of(s: &[u8], i: usize, stop: impl Fn(u8) -> bool) -> Option<usize> {
    s.get(i..)?.iter().position(|&b| stop(b)).map(|k| i + k)
}

/// A number after some words, before any sentence end: from `i`, the first of `.`, `;`, a
/// line break or a digit is a digit; returns the end of that digit.
fn digit_before_stop(s: &[u8], i: usize, stops: &[u8]) -> Option<usize> {
    let k = first_of(s, i, |b| b.is_ascii_digit() || stops.contains(&b))?;
    at(s, k)
        .is_some_and(|b| b.is_ascii_digit())
        .then_some(k + 1)
}

/// A short parenthesis at `i`: "(", at most 30 characters without ")" or a line break,
/// ")". Returns the end.
fn short_paren(t: &str, i: usize) -> Option<usize> {
    if at(t.as_bytes(), i) != Some(b'(') {
        return None;
    }
    for (k, (off, c)) in t.get(i + 1..)?.char_indices().enumerate() {
        if c == ')' {
            return Some(i + 1 + off + 1);
        }
        if c == '\n' || k == 30 {
            return None;
        }
    }
    None
}

/// "short" or "long", an optional "-" or space, "term": the ends of the first word and of
/// "term".
fn short_or_long_term(s: &[u8], i: usize) -> Option<(usize, usize)> {
    let w = either(s, i, &["short", "long"], Some)?;
    let t = if matches!(at(s, w), Some(b'-' | b' ')) {
        w + 1
    } else {
        w
    };
    Some((w, lit(s, t, "term")?))
}

/// After an optional plural "s" at `i`.
fn plural(s: &[u8], i: usize) -> usize {
    if matches!(at(s, i), Some(b's' | b'S')) {
        i + 1
    } else {
        i
    }
}

// ---------------------------------------------------------------------------------------
// Goals: headings, labels, numbered items, section ends
// ---------------------------------------------------------------------------------------

/// A goals heading line, from its start: "Goals:", "Short-term goals (3 weeks):", "LTGs",
/// "Goal status:", "Goals and progress: …". Precisely: an optional "short/long term",
/// "goal(s)", "stg(s)" or "ltg(s)", an optional "and|&|/ status|progress|outcome(s)", an
/// optional "status", an optional short parenthesis, then a colon or the line's end.
///
/// `None`: not a heading. `Some(Some(i))`: a heading with a colon, its items from `i`
/// (after the colon and spaces). `Some(None)`: a heading that ends the line.
pub fn heading(line: &str) -> Option<Option<usize>> {
    let s = line.as_bytes();
    let start = short_or_long_term(s, 0)
        .and_then(|(_, e)| spaces1(s, e))
        .unwrap_or(0);
    let mut i = either(s, start, &["goal", "stg", "ltg"], |e| Some(plural(s, e)))?;
    // "and status", "& progress", "/ outcomes".
    let j = spaces(s, i);
    if let Some(e) = either(s, j, &["and", "&", "/"], |k| {
        either(
            s,
            spaces(s, k),
            &["status", "progress", "outcomes", "outcome"],
            Some,
        )
    }) {
        i = e;
    }
    if let Some(e) = spaces1(s, i).and_then(|j| lit(s, j, "status")) {
        i = e;
    }
    let i = spaces(s, i);
    let i = short_paren(line, i).unwrap_or(i);
    let i = spaces(s, i);
    match at(s, i) {
        Some(b':') => Some(Some(spaces(s, i + 1))),
        None => Some(None),
        Some(_) => None,
    }
}

/// A goal label: where it was found and what it holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Label {
    /// Where the match starts (the spaces or punctuation before the label included).
    pub start: usize,
    /// Where the label's term starts ("STG" of " STG 2:").
    pub label: usize,
    /// The term: "STG", "LTGs", "Short-term goal", "Goals".
    pub term: (usize, usize),
    /// The identifier: "2", "12", "b".
    pub num: Option<(usize, usize)>,
    /// After the punctuation that ends the label (":", ".", ")", "-", "–", "—"), or the
    /// text's end.
    pub end: usize,
}

/// The label's term at `i`: "stg(s)", "ltg(s)", "short/long term goal(s)", "goal(s)".
fn label_term(s: &[u8], i: usize) -> Option<usize> {
    if let Some(e) = either(s, i, &["stg", "ltg"], Some) {
        return Some(plural(s, e));
    }
    if let Some(e) = short_or_long_term(s, i)
        .and_then(|(_, e)| spaces1(s, e))
        .and_then(|e| lit(s, e, "goal"))
    {
        return Some(plural(s, e));
    }
    lit(s, i, "goal").map(|e| plural(s, e))
}

/// What may follow a label's identifier: spaces, an optional short parenthesis ("(3 wks)"),
/// spaces, then ":", ".", ")", "-", "–", "—" or the text's end. Returns the end.
fn label_end(t: &str, i: usize) -> Option<usize> {
    let s = t.as_bytes();
    let i = spaces(s, i);
    let i = short_paren(t, i).unwrap_or(i);
    let i = spaces(s, i);
    if at(s, i).is_none() {
        return Some(i);
    }
    either(s, i, &[":", ".", ")", "-", "–", "—"], Some)
}

/// The label whose term starts at `j`: term, optional "#", optional identifier (one or two
/// digits, or a letter a–h standing alone), then [`label_end`].
fn label_body(t: &str, start: usize, j: usize) -> Option<Label> {
    let s = t.as_bytes();
    let te = label_term(s, j)?;
    let k = spaces(s, te);
    let k = if at(s, k) == Some(b'#') { k + 1 } else { k };
    let k = spaces(s, k);
    let make = |num, end| Label {
        start,
        label: j,
        term: (j, te),
        num,
        end,
    };
    if let Some(l) = number(s, k, 2, |e| {
        label_end(t, e).map(|end| make(Some((k, e)), end))
    }) {
        return Some(l);
    }
    if at(s, k).is_some_and(|b| matches!(b.to_ascii_lowercase(), b'a'..=b'h')) {
        if boundary(s, k + 1) {
            if let Some(end) = label_end(t, k + 1) {
                return Some(make(Some((k, k + 1)), end));
            }
        }
        if at(s, k + 1) == Some(b')') {
            if let Some(end) = label_end(t, k + 2) {
                return Some(make(Some((k, k + 2)), end));
            }
        }
    }
    label_end(t, k).map(|end| make(None, end))
}

/// A label whose match starts exactly at `i`: the term after the text's leading spaces
/// (`i` = 0), after ".", ";" or ":" and one or more spaces, or after two or more spaces.
pub fn label_at(t: &str, i: usize) -> Option<Label> {
    let s = t.as_bytes();
    if i == 0 {
        if let Some(l) = label_body(t, 0, spaces(s, 0)) {
            return Some(l);
        }
    }
    let after_punct = matches!(at(s, i), Some(b'.' | b';' | b':'))
        .then(|| spaces1(s, i + 1))
        .flatten();
    let after_spaces = (at(s, i).is_some_and(is_space) && at(s, i + 1).is_some_and(is_space))
        .then(|| spaces(s, i));
    [after_punct, after_spaces]
        .into_iter()
        .flatten()
        .find_map(|j| label_body(t, i, j))
}

/// Every label in `t`, left to right, none overlapping the one before.
pub fn labels(t: &str) -> Vec<Label> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        match label_at(t, i) {
            Some(l) => {
                i = l.end.max(i + 1);
                out.push(l);
            }
            None => i += 1,
        }
    }
    out
}

/// A numbered or lettered item at the line's start: "#3 ", "2. ", "2) ", "12: ", "a. ",
/// "(b) " (lower-case letters a–h only), always followed by spaces. Returns the
/// identifier's span and where the item's text starts.
pub fn numbered(line: &str) -> Option<((usize, usize), usize)> {
    let s = line.as_bytes();
    if at(s, 0) == Some(b'#') {
        let k = spaces(s, 1);
        if let Some(r) = number(s, k, 2, |e| spaces1(s, e).map(|end| ((k, e), end))) {
            return Some(r);
        }
    }
    if let Some(r) = number(s, 0, 2, |e| {
        let p = spaces(s, e);
        matches!(at(s, p), Some(b'.' | b')' | b':'))
            .then(|| spaces1(s, p + 1))
            .flatten()
            .map(|end| ((0, e), end))
    }) {
        return Some(r);
    }
    let k = usize::from(at(s, 0) == Some(b'('));
    if at(s, k).is_some_and(|b| (b'a'..=b'h').contains(&b))
        && matches!(at(s, k + 1), Some(b'.' | b')'))
    {
        return spaces1(s, k + 2).map(|end| ((k, k + 1), end));
    }
    None
}

/// Headings that end a goals section when a line opens with one and a colon follows
/// (after optional spaces). A space stands for one or more spaces.
const SECTION_HEADINGS: &[&str] = &[
    "s",
    "o",
    "a",
    "p",
    "subjective",
    "objective",
    "assessment",
    "impression",
    "plan",
    "plan of care",
    "frequency",
    "duration",
    "intervention",
    "interventions",
    "treatment",
    "response",
    "education",
    "hep",
    "home program",
    "signature",
    "signed",
    "diagnoses",
    "diagnosis",
    "history",
    "prognosis",
    "rehab potential",
    "problem",
    "problems",
    "summary",
    "discharge status",
    "discharge plan",
    "discharge summary",
    "reason for discharge",
    "recommendation",
    "recommendations",
    "total",
    "totals",
];

/// Whether the line opens with another section's heading ("A:", "Plan:", "P/OC:",
/// "Total time:"), which ends a goals section.
pub fn other_heading(line: &str) -> bool {
    let s = line.as_bytes();
    let colon = |e: usize| at(s, spaces(s, e)) == Some(b':');
    if SECTION_HEADINGS
        .iter()
        .any(|h| phrase(s, 0, h).is_some_and(colon))
    {
        return true;
    }
    // "p/oc" ("plan of care") with optional spaces.
    let poc = lit(s, 0, "p")
        .and_then(|e| lit(s, spaces(s, e), "/"))
        .and_then(|e| lit(s, spaces(s, e), "o"))
        .and_then(|e| lit(s, spaces(s, e), "c"));
    if poc.is_some_and(colon) {
        return true;
    }
    // "total" and one or two words: "Total time:", "Total treatment time:".
    let Some(w1) = lit(s, 0, "total").and_then(|e| spaces1(s, e)) else {
        return false;
    };
    let e1 = word_end(s, w1);
    if e1 == w1 {
        return false;
    }
    if colon(e1) {
        return true;
    }
    spaces1(s, e1).is_some_and(|w2| {
        let e2 = word_end(s, w2);
        e2 > w2 && colon(e2)
    })
}

// ---------------------------------------------------------------------------------------
// A goal's status
// ---------------------------------------------------------------------------------------

const MET: &[&str] = &["met", "achieved", "attained"];

/// The first status word of a goal item: "met", "not (yet) met", "unmet", "partially met",
/// "partial", "progressing", "in progress", "continues", "discontinued", "d/c'd",
/// "revised", … Each must stand as whole words. Returns the status and its span.
pub fn status(t: &str) -> Option<(Status, usize, usize)> {
    let s = t.as_bytes();
    (0..s.len())
        .filter(|&i| word_start(s, i))
        .find_map(|i| status_at(s, i).map(|(st, e)| (st, i, e)))
}

fn status_at(s: &[u8], i: usize) -> Option<(Status, usize)> {
    let met = |k: usize| whole(s, k, MET);
    // not (yet) met | unmet
    if let Some(k) = lit(s, i, "not").and_then(|e| spaces1(s, e)) {
        let after_yet = lit(s, k, "yet").and_then(|e| spaces1(s, e));
        if let Some(e) = after_yet.and_then(met).or_else(|| met(k)) {
            return Some((Status::NotMet, e));
        }
    }
    if let Some(e) = whole(s, i, &["unmet"]) {
        return Some((Status::NotMet, e));
    }
    // part(ial)(l)y met | partial(ly)
    if let Some(e) = lit(s, i, "part") {
        let e = lit(s, e, "ial").unwrap_or(e);
        let e = if matches!(at(s, e), Some(b'l' | b'L')) {
            e + 1
        } else {
            e
        };
        if let Some(e) = lit(s, e, "y").and_then(|e| spaces1(s, e)).and_then(met) {
            return Some((Status::PartlyMet, e));
        }
    }
    if let Some(e) = whole(s, i, &["partially", "partial"]) {
        return Some((Status::PartlyMet, e));
    }
    if let Some(e) = met(i) {
        return Some((Status::Met, e));
    }
    if let Some(e) = whole(s, i, &["progressing", "ongoing", "in progress"])
        .or_else(|| lit(s, i, "continu").and_then(|c| whole(s, c, &["e", "es", "ed", "ing"])))
    {
        return Some((Status::Ongoing, e));
    }
    if let Some(e) = whole(s, i, &["discontinued", "deferred"]).or_else(|| d_c_d(s, i)) {
        return Some((Status::Discontinued, e));
    }
    whole(s, i, &["revised", "upgraded", "downgraded"]).map(|e| (Status::Revised, e))
}

/// "dcd", "d/cd", "dc'd", "d/c'd" standing alone.
fn d_c_d(s: &[u8], i: usize) -> Option<usize> {
    let e = lit(s, i, "d")?;
    let e = lit(s, e, "/").unwrap_or(e);
    let e = lit(s, e, "c")?;
    let e = lit(s, e, "'").unwrap_or(e);
    lit(s, e, "d").filter(|&e| boundary(s, e))
}

/// A measured comparison in a goal item, standing for a status: "now 20 min",
/// "currently: 3/10", "today 5 reps", "from 3/10 to 1/10", "15 s → 12 s", "(was 40)",
/// "(baseline 2)". Returns its span (up to the first digit of the measure).
pub fn measured(t: &str) -> Option<(usize, usize)> {
    let s = t.as_bytes();
    (0..s.len()).find_map(|i| measured_at(s, i).map(|e| (i, e)))
}

fn measured_at(s: &[u8], i: usize) -> Option<usize> {
    let sentence = |k: usize| digit_before_stop(s, k, b".;\n");
    if boundary(s, i) {
        // now | currently | current(ly): | today, then a number in the same sentence.
        let current_colon = || {
            let e = lit(s, i, "current")?;
            let e = lit(s, e, "ly").unwrap_or(e);
            lit(s, blanks(s, e), ":")
        };
        if let Some(e) = either(s, i, &["now", "currently"], sentence)
            .or_else(|| current_colon().and_then(sentence))
            .or_else(|| lit(s, i, "today").and_then(sentence))
        {
            return Some(e);
        }
        // from … N … to … M, within one sentence.
        if let Some(d) = lit(s, i, "from")
            .filter(|&e| blanks(s, e) > e)
            .and_then(sentence)
        {
            let stop = first_of(s, d, |b| matches!(b, b'.' | b';' | b'\n')).unwrap_or(s.len());
            if let Some(e) = (d..=stop).find_map(|p| {
                let e = lit(s, p, "to").filter(|_| boundary(s, p))?;
                let k = blanks(s, e);
                (k > e).then(|| sentence(k)).flatten()
            }) {
                return Some(e);
            }
        }
    }
    // N (unit) -> M
    if at(s, i).is_some_and(|b| b.is_ascii_digit()) {
        let arrow = |k: usize| {
            let a = either(s, blanks(s, k), &["->", "→", "=>"], Some)?;
            let b = blanks(s, a);
            at(s, b)
                .is_some_and(|c| c.is_ascii_digit())
                .then_some(b + 1)
        };
        let p = blanks(s, i + 1);
        let unit = either(s, p, &["°", "deg", "ft", "%"], arrow)
            .or_else(|| lit(s, p, "/").and_then(|e| number(s, e, 2, arrow)))
            .or_else(|| either(s, p, &["s", "sec", "min"], arrow));
        if let Some(e) = unit.or_else(|| arrow(p)) {
            return Some(e);
        }
    }
    // (was …N, (baseline …N, (initially …N, (eval …N, (IE …N
    if at(s, i) == Some(b'(') {
        let k = i + 1;
        let word = whole(s, k, &["was", "baseline", "initially", "initial"]).or_else(|| {
            let e = lit(s, k, "eval")?;
            let mut e = e;
            while at(s, e).is_some_and(|b| b.is_ascii_alphabetic()) {
                e += 1;
            }
            boundary(s, e).then_some(e)
        });
        let word = word.or_else(|| whole(s, k, &["ie"]));
        if let Some(e) = word.and_then(|e| digit_before_stop(s, e, b")\n")) {
            return Some(e);
        }
    }
    None
}

// ---------------------------------------------------------------------------------------
// Timeframes (cut from goal statements before comparing them)
// ---------------------------------------------------------------------------------------

/// Time and visit units after a count, in the order tried.
const UNITS: &[&str] = &[
    "d", "days", "day", "wks", "wk", "weeks", "week", "mos", "mo", "months", "month", "visits",
    "visit", "sessions", "session",
];

/// "N unit" or "N-M unit" at `i` (one or two digits each), then `then` after the unit.
fn count_unit<T>(s: &[u8], i: usize, then: impl Fn(usize) -> Option<T>) -> Option<T> {
    number(s, i, 2, |e| {
        let f = spaces(s, e);
        let range = (at(s, f) == Some(b'-'))
            .then(|| {
                number(s, spaces(s, f + 1), 2, |g| {
                    either(s, spaces(s, g), UNITS, &then)
                })
            })
            .flatten();
        range.or_else(|| either(s, f, UNITS, &then))
    })
}

/// A goal's timeframe: "(3 wks)", "(6-8 weeks)", "in 4 weeks", "within 2 visits",
/// "x 6 wks", "by 12/15", "by d/c", "by discharge", "by end of POC". Returns its span.
fn timeframe_at(s: &[u8], i: usize) -> Option<usize> {
    if at(s, i) == Some(b'(') {
        let e = count_unit(s, spaces(s, i + 1), |e| {
            let f = spaces(s, e);
            (at(s, f) == Some(b')')).then_some(f + 1)
        });
        if e.is_some() {
            return e;
        }
    }
    if !boundary(s, i) {
        return None;
    }
    let counted = either(s, i, &["in", "within", "by", "over", "x", "for"], |e| {
        count_unit(s, spaces1(s, e)?, |u| boundary(s, u).then_some(u))
    });
    if counted.is_some() {
        return counted;
    }
    let k = lit(s, i, "by").and_then(|e| spaces1(s, e))?;
    // A date: 12/15 or 12/15/2026 (the year two to four digits).
    let date = number(s, k, 2, |e| lit(s, e, "/")).and_then(|e| {
        number(s, e, 2, Some).map(|e| match lit(s, e, "/") {
            Some(y) => number(s, y, 4, Some).filter(|&z| z >= y + 2).unwrap_or(e),
            _ => e,
        })
    });
    date.or_else(|| {
        let e = lit(s, k, "d")?;
        lit(s, lit(s, e, "/").unwrap_or(e), "c")
    })
    .or_else(|| lit(s, k, "discharge"))
    .or_else(|| {
        let e = phrase(s, k, "end of")?;
        let e = spaces1(s, e)?;
        either(s, e, &["poc", "plan", "episode"], Some)
            .or_else(|| lit(s, e, "cert").map(|c| word_end(s, c)))
    })
}

/// Every timeframe in `t`, left to right: their spans.
pub fn timeframes(t: &str) -> Vec<(usize, usize)> {
    let s = t.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        match timeframe_at(s, i) {
            Some(e) => {
                out.push((i, e));
                i = e.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// "All goals met"
// ---------------------------------------------------------------------------------------

/// A status given to every goal (of a term).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AllGoalsMatch {
    pub start: usize,
    pub end: usize,
    pub term: Option<Term>,
    pub status: Status,
}

/// After the subject: spaces, an optional "were|was|have been|are|now", then the status
/// (standing alone): its end and the status.
fn all_goals_verdict(s: &[u8], e: usize) -> Option<(usize, Status)> {
    let k = spaces1(s, e)?;
    let verdict = |k: usize| {
        let end = whole(
            s,
            k,
            &[
                "met",
                "achieved",
                "attained",
                "partially met",
                "not met",
                "discontinued",
            ],
        )?;
        let st = match at(s, k).map(|b| b.to_ascii_lowercase()) {
            Some(b'p') => Status::PartlyMet,
            Some(b'n') => Status::NotMet,
            Some(b'd') => Status::Discontinued,
            _ => Status::Met,
        };
        Some((end, st))
    };
    either(s, k, &["were", "was", "have been", "are", "now"], |a| {
        spaces1(s, a).and_then(verdict)
    })
    .or_else(|| verdict(k))
}

fn term_word(s: &[u8], i: usize) -> Option<Term> {
    match at(s, i).map(|b| b.to_ascii_lowercase()) {
        Some(b's') => Some(Term::Short),
        Some(b'l') => Some(Term::Long),
        _ => None,
    }
}

/// "all goals met", "all short-term goals were met", "all STG goals achieved", "all LTGs
/// met", "STGs 1-3 met", "LTGs all discontinued" starting at `i`.
fn all_goals_at(s: &[u8], i: usize) -> Option<AllGoalsMatch> {
    let found = |term: Option<Term>, subject_end: usize| {
        all_goals_verdict(s, subject_end).map(|(end, status)| AllGoalsMatch {
            start: i,
            end,
            term,
            status,
        })
    };
    let stg_ltg = |k: usize| either(s, k, &["stg", "ltg"], Some);
    if let Some(k) = lit(s, i, "all").and_then(|e| spaces1(s, e)) {
        let goals =
            |term: Option<Term>, k: usize| either(s, k, &["goals", "goal"], |e| found(term, e));
        // all [short-term | STG(s)] goal(s) …
        let with_term = short_or_long_term(s, k)
            .and_then(|(_, e)| spaces1(s, e))
            .and_then(|g| goals(term_word(s, k), g))
            .or_else(|| {
                let e = stg_ltg(k)?;
                goals(term_word(s, k), spaces1(s, plural(s, e))?)
            });
        if let Some(m) = with_term.or_else(|| goals(None, k)) {
            return Some(m);
        }
        // all STGs …
        if let Some(m) = stg_ltg(k)
            .and_then(|e| lit(s, e, "s"))
            .and_then(|e| found(term_word(s, k), e))
        {
            return Some(m);
        }
    }
    // STGs 1-3 …, LTGs all …
    let k = stg_ltg(i)
        .and_then(|e| lit(s, e, "s"))
        .and_then(|e| spaces1(s, e))?;
    let term = term_word(s, i);
    let range = lit(s, k, "1").and_then(|e| {
        let e = either(s, spaces(s, e), &["-", "–", "through", "to"], Some)?;
        let d = spaces(s, e);
        at(s, d)
            .is_some_and(|b| b.is_ascii_digit())
            .then_some(d + 1)
    });
    range
        .and_then(|e| found(term, e))
        .or_else(|| lit(s, k, "all").and_then(|e| found(term, e)))
}

/// Every "all goals met" statement in `t`, left to right.
pub fn all_goals(t: &str) -> Vec<AllGoalsMatch> {
    let s = t.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        match word_start(s, i).then(|| all_goals_at(s, i)).flatten() {
            Some(m) => {
                i = m.end.max(i + 1);
                out.push(m);
            }
            None => i += 1,
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// The plan: frequency, duration, visits
// ---------------------------------------------------------------------------------------

/// A plan frequency as found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Frequency {
    pub start: usize,
    pub end: usize,
    /// Visits a week as written ("3" of "2-3x/wk", "twice", "BIW").
    pub n: u32,
    /// The lower bound of a range ("2" of "2-3x/wk").
    pub lo: Option<u32>,
}

const WEEK_UNITS: &[&str] = &["wks", "wk", "weeks", "week"];

/// "1".."7" at `i`.
fn one_to_seven(s: &[u8], i: usize) -> Option<u32> {
    at(s, i)
        .filter(|b| (b'1'..=b'7').contains(b))
        .map(|b| u32::from(b - b'0'))
}

/// "2x/week", "2-3x/wk", "3 times per week", "1 to 2 x a wk" at `i`: the count's end and
/// its end.
fn times_a_week(s: &[u8], i: usize) -> Option<(u32, Option<u32>, usize)> {
    // After the count: "x" or "time(s)", an optional "/", "per", "a", "an", "each",
    // "every", then "wk(s)" or "week(s)" standing alone.
    let tail = |k: usize| {
        either(s, spaces(s, k), &["x", "times", "time"], |e| {
            let f = spaces(s, e);
            let unit = |g: usize| whole(s, spaces(s, g), WEEK_UNITS);
            either(s, f, &["/", "per", "a", "an", "each", "every"], unit).or_else(|| unit(f))
        })
    };
    if let Some(lo) = one_to_seven(s, i) {
        let ranged = either(s, spaces(s, i + 1), &["-", "–", "to"], Some).and_then(|k| {
            let k = spaces(s, k);
            let n = one_to_seven(s, k)?;
            tail(k + 1).map(|e| (n, Some(lo), e))
        });
        if ranged.is_some() {
            return ranged;
        }
    }
    let n = one_to_seven(s, i)?;
    tail(i + 1).map(|e| (n, None, e))
}

/// "twice a week", "three times per week", "once every week" at `i`.
fn words_a_week(s: &[u8], i: usize) -> Option<(u32, usize)> {
    const COUNTS: &[(&str, u32)] = &[
        ("once", 1),
        ("twice", 2),
        ("one", 1),
        ("two", 2),
        ("three", 3),
        ("four", 4),
        ("five", 5),
    ];
    COUNTS.iter().find_map(|&(w, n)| {
        let k = spaces1(s, lit(s, i, w)?)?;
        let per = |k: usize| {
            either(s, k, &["a", "per", "/", "each", "every"], |e| {
                whole(s, spaces1(s, e)?, &["week"])
            })
        };
        let times = lit(s, k, "times").and_then(|e| spaces1(s, e)).and_then(per);
        times.or_else(|| per(k)).map(|e| (n, e))
    })
}

/// The first plan frequency in `line`: "2x/week", "2-3 times a week", "twice a week",
/// "BIW", "TIW", "QW", "2xwk". Numeric counts are 1 to 7.
pub fn frequency(line: &str) -> Option<Frequency> {
    let s = line.as_bytes();
    (0..s.len()).filter(|&i| boundary(s, i)).find_map(|i| {
        if let Some((n, lo, end)) = times_a_week(s, i) {
            return Some(Frequency {
                start: i,
                end,
                n,
                lo,
            });
        }
        if let Some((n, end)) = words_a_week(s, i) {
            return Some(Frequency {
                start: i,
                end,
                n,
                lo: None,
            });
        }
        const ABBR: &[(&str, u32)] = &[("biw", 2), ("tiw", 3), ("qw", 1), ("2xwk", 2), ("3xwk", 3)];
        ABBR.iter().find_map(|&(w, n)| {
            whole(s, i, &[w]).map(|end| Frequency {
                start: i,
                end,
                n,
                lo: None,
            })
        })
    })
}

/// "N wk(s)|week(s)" or "N-M weeks" at `i` (one or two digits each): its end, the count
/// and the range's lower bound.
fn weeks(s: &[u8], i: usize) -> Option<(usize, u32, Option<u32>)> {
    let count = |k: usize, lo: Option<u32>| {
        number(s, k, 2, |e| {
            whole(s, spaces(s, e), WEEK_UNITS).map(|end| (end, value(s, k, e), lo))
        })
    };
    number(s, i, 2, |e| {
        let sep = either(s, spaces(s, e), &["-", "–", "to"], Some)?;
        count(spaces(s, sep), Some(value(s, i, e)))
    })
    .or_else(|| count(i, None))
}

/// The plan's duration after its frequency: "for 8 weeks", "x 6 wks", "× 4 wk",
/// "over 6-8 weeks", "duration: 8 wks", or a count of weeks after a space, comma,
/// semicolon, parenthesis or the text's start ("2x/wk, 8 weeks"). Returns its end, the
/// weeks and the range's lower bound.
pub fn duration(t: &str) -> Option<(usize, u32, Option<u32>)> {
    let s = t.as_bytes();
    (0..s.len()).find_map(|i| {
        if boundary(s, i) {
            let kw = either(s, i, &["for", "x", "×", "over"], Some).or_else(|| {
                let e = spaces(s, lit(s, i, "duration")?);
                Some(lit(s, e, ":").unwrap_or(e))
            });
            if let Some(w) = kw.and_then(|e| weeks(s, spaces(s, e))) {
                return Some(w);
            }
        }
        if i == 0 {
            if let Some(w) = weeks(s, 0) {
                return Some(w);
            }
        }
        if at(s, i).is_some_and(|b| is_space(b) || matches!(b, b',' | b';' | b'(')) {
            return weeks(s, i + 1);
        }
        None
    })
}

/// "12 visits", "24 total sessions", "8 treatments" (one to three digits): its span and the
/// count.
pub fn visits(line: &str) -> Option<(usize, usize, u32)> {
    let s = line.as_bytes();
    (0..s.len()).filter(|&i| boundary(s, i)).find_map(|i| {
        number(s, i, 3, |e| {
            let k = spaces(s, e);
            let kinds = |k: usize| whole(s, k, &["visits", "sessions", "treatments"]);
            lit(s, k, "total")
                .and_then(|t| spaces1(s, t))
                .and_then(kinds)
                .or_else(|| kinds(k))
                .map(|end| (i, end, value(s, i, e)))
        })
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::string_slice)]
    use super::*;

    fn text(t: &str, (a, b): (usize, usize)) -> &str {
        &t[a..b]
    }

    #[test]
    fn headings() {
        for (line, rest) in [
            ("Goals:", Some("")),
            ("LTGs", None),
            ("Short-term goals (2 weeks):", Some("")),
            (
                "long term goals: walk to the mailbox",
                Some("walk to the mailbox"),
            ),
            ("Goal status:  1. met", Some("1. met")),
            ("Goals & progress (since IE) : see below", Some("see below")),
            ("STG and outcomes:", Some("")),
        ] {
            let r = heading(line).unwrap_or_else(|| panic!("{line}"));
            assert_eq!(r.map(|i| &line[i..]), rest, "{line}");
        }
        for line in [
            "Goals reviewed with the patient today",
            "Goalie practice:",
            "Goals (a parenthesis much longer than thirty characters):",
            "Goals and statuses:",
            "Long-range goals:",
        ] {
            assert_eq!(heading(line), None, "{line}");
        }
    }

    #[test]
    fn labels_with_terms_numbers_and_letters() {
        let t = "STG 2 (3 wks): stand 5 min. LTG b: cook a meal;  Goal #3 - climb stairs";
        let found = labels(t);
        let terms: Vec<_> = found.iter().map(|l| text(t, l.term)).collect();
        assert_eq!(terms, ["STG", "LTG", "Goal"]);
        let nums: Vec<_> = found.iter().map(|l| l.num.map(|n| text(t, n))).collect();
        assert_eq!(nums, [Some("2"), Some("b"), Some("3")]);
        assert_eq!(&t[found[0].end..found[1].start], " stand 5 min");
        let l = label_at("Short-term goal 1:", 0).unwrap();
        assert_eq!((l.term, l.num, l.end), ((0, 15), Some((16, 17)), 18));
        assert_eq!(label_at("LTGs", 0).map(|l| l.end), Some(4));
    }

    #[test]
    fn no_label_in_prose() {
        for t in [
            "goals discussed with pt",
            "STG 123: three digits is not a number",
            "Goal x: a letter past h",
            "goalkeeper: no",
            "walked toward LTG of stairs",
            "stg1a: run on",
        ] {
            assert_eq!(label_at(t, 0), None, "{t}");
        }
        // A label inside a line needs a sentence end or two spaces before it.
        assert!(labels("pain improved LTG 1: met").is_empty());
        assert_eq!(labels("pain improved.  LTG 1: met").len(), 1);
    }

    #[test]
    fn numbered_items() {
        for (line, id, rest) in [
            ("1. Walk 150 ft", "1", "Walk 150 ft"),
            ("12) Dress", "12", "Dress"),
            ("#3  Stairs", "3", "Stairs"),
            ("(b) Bathing", "b", "Bathing"),
            ("c. Toileting", "c", "Toileting"),
        ] {
            let (span, start) = numbered(line).unwrap_or_else(|| panic!("{line}"));
            assert_eq!((text(line, span), &line[start..]), (id, rest), "{line}");
        }
        for line in [
            "1.5 miles",
            "123. too long",
            "B. upper case",
            "j. past h",
            "2.Walk",
            "#3",
        ] {
            assert_eq!(numbered(line), None, "{line}");
        }
    }

    #[test]
    fn section_headings() {
        for line in [
            "A: tolerated well",
            "Plan of care : continue",
            "P / OC:",
            "Total time: 45",
            "total treatment time:",
            "Discharge summary:",
            "diagnoses:",
        ] {
            assert!(other_heading(line), "{line}");
        }
        for line in [
            "Assessment of gait was done",
            "Plans: none",
            "Total treatment time today: 45",
            "Goal 1: walk",
            "Discharge: home",
        ] {
            assert!(!other_heading(line), "{line}");
        }
    }

    #[test]
    fn statuses() {
        for (t, st, word) in [
            ("walk 30 min – met", Status::Met, "met"),
            ("stairs: not yet met", Status::NotMet, "not yet met"),
            (
                "dress independently (partially met)",
                Status::PartlyMet,
                "partially met",
            ),
            ("reach overhead, partial", Status::PartlyMet, "partial"),
            ("home program in progress", Status::Ongoing, "in progress"),
            ("continues to progress", Status::Ongoing, "continues"),
            ("driving goal d/c'd", Status::Discontinued, "d/c'd"),
            ("goal upgraded to 300 ft", Status::Revised, "upgraded"),
        ] {
            let (s, a, b) = status(t).unwrap_or_else(|| panic!("{t}"));
            assert_eq!((s, &t[a..b]), (st, word), "{t}");
        }
        for t in [
            "metronome pacing",
            "the patient metabolised it",
            "continuum of care",
            "partying",
        ] {
            assert_eq!(status(t), None, "{t}");
        }
    }

    #[test]
    fn measured_comparisons() {
        for (t, found) in [
            ("walk 30 min, now 20 min", "now 2"),
            ("pain currently: 3/10", "currently: 3"),
            ("TUG from 18 s to 12 s", "from 18 s to 1"),
            // The match starts at the last digit before the unit.
            ("sit to stand 15 s -> 12 s", "5 s -> 1"),
            ("knee flexion 95° → 110°", "5° → 1"),
            ("lift 10 lb (baseline 5 lb)", "(baseline 5"),
            ("grip (eval: 20 lb)", "(eval: 2"),
        ] {
            let (a, b) = measured(t).unwrap_or_else(|| panic!("{t}"));
            assert_eq!(&t[a..b], found, "{t}");
        }
        for t in [
            "now. 20 min",
            "from the car to the house",
            "walk 30 min",
            "(evaluated) no number",
            "pain at rest; 20 min",
        ] {
            assert_eq!(measured(t), None, "{t}");
        }
    }

    #[test]
    fn timeframe_spans() {
        let t = "(8 wks): walk 30 min in 4 weeks by 12/15/2026, within 6-8 visits by end of POC";
        let got: Vec<_> = timeframes(t).into_iter().map(|s| text(t, s)).collect();
        assert_eq!(
            got,
            [
                "(8 wks)",
                "in 4 weeks",
                "by 12/15/2026",
                "within 6-8 visits",
                "by end of POC"
            ]
        );
        for t in [
            "in 100 days",
            "within weeks",
            "(8 weekly)",
            "x 3 reps",
            "by the door",
        ] {
            assert!(timeframes(t).is_empty(), "{t}");
        }
    }

    #[test]
    fn all_goals_statements() {
        let t = "All short-term goals were met. STGs 1-3 achieved. LTGs all not met. all goals discontinued";
        let got: Vec<_> = all_goals(t).iter().map(|m| (m.term, m.status)).collect();
        assert_eq!(
            got,
            [
                (Some(Term::Short), Status::Met),
                (Some(Term::Short), Status::Met),
                (Some(Term::Long), Status::NotMet),
                (None, Status::Discontinued),
            ]
        );
        for t in [
            "overall goals met",
            "all goals are being addressed",
            "STGs 2-3 met",
            "all goals metabolic",
        ] {
            assert!(all_goals(t).is_empty(), "{t}");
        }
    }

    #[test]
    fn frequencies() {
        for (t, n, lo, found) in [
            ("Plan: 2x/week for 8 weeks", 2, None, "2x/week"),
            ("2-3 times a week", 3, Some(2), "2-3 times a week"),
            ("1 to 2 x per wk", 2, Some(1), "1 to 2 x per wk"),
            ("twice per week", 2, None, "twice per week"),
            ("POC: BIW x 6", 2, None, "BIW"),
            ("2-3 visits; 3x/wk", 3, None, "3x/wk"),
        ] {
            let f = frequency(t).unwrap_or_else(|| panic!("{t}"));
            assert_eq!((f.n, f.lo, &t[f.start..f.end]), (n, lo, found), "{t}");
        }
        for t in [
            "walked 2 x 150 ft",
            "8x/week",
            "12x/wk",
            "twice weekly",
            "3x weekly",
        ] {
            assert_eq!(frequency(t), None, "{t}");
        }
    }

    #[test]
    fn durations_and_visits() {
        assert_eq!(duration(" for 8 weeks"), Some((12, 8, None)));
        assert_eq!(duration(" x 6-8 wks"), Some((10, 8, Some(6))));
        assert_eq!(duration(", 4 wk"), Some((6, 4, None)));
        assert_eq!(duration("duration: 12 weeks"), Some((18, 12, None)));
        for t in [" for 100 weeks", " x 6 weekly", "6 wkly", " over 8 days"] {
            assert_eq!(duration(t), None, "{t}");
        }
        assert_eq!(visits("Plan: 12 visits over 8 weeks"), Some((6, 15, 12)));
        assert_eq!(visits("24 total sessions"), Some((0, 17, 24)));
        for t in ["1234 visits", "visits 1-10", "v12 visits", "12 visitors"] {
            assert_eq!(visits(t), None, "{t}");
        }
    }
}
