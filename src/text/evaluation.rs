//! The evaluation's complexity components read from the narrative (CPT 97161–97163 for PT,
//! 97165–97167 for OT), for the components the evaluation form (`note.evaluation`) does not
//! record. The form always wins.
//!
//! What the note states outright comes first: labelled lists counted item by item
//! ("Comorbidities: HTN, DM2, obesity"), stated counts ("2 comorbidities"), a
//! component's own words ("Clinical presentation: evolving", "Decision making: moderate").
//! Otherwise the narrative is read the way a reviewer reads it:
//! - history (PT): the comorbidities in the past medical history, the medication list (a
//!   medication that stands for a condition) and the rest of the history, plus the personal
//!   factors of the social history, the prior level of function and the history of the
//!   present illness (living situation, home access, work and caregiving roles, a language
//!   barrier, fall history, chronicity, prior trauma), each counted once;
//! - examination (PT): the body systems and activities examined (exam headings and findings
//!   such as ROM, strength, palpation, sensation, gait, balance, transfers) and each
//!   standardized test given;
//! - clinical presentation (PT): how the course is described: recent worsening, a flare or
//!   progression is evolving; unstable or unpredictable is unstable; a described course
//!   without either is stable;
//! - decision making: the standardized tests used and the breadth of the plan (the distinct
//!   interventions or options it chooses among);
//! - occupational profile (OT): how many kinds of history the note reviews (medical, social,
//!   functional, medications, records); performance deficits (OT): the distinct deficits and
//!   limitations found; comorbidities (OT): any comorbidity; task modification (OT): what the
//!   note says was needed to complete the evaluation (none when it describes none).
//!
//! Every value carries the spans it was read from, so the report shows what was counted.

use super::lexicon::{g, Lex};
use super::normalize::TokKind;
use super::pipeline::{Concept, Parsed};
use super::sections::SectionKind;
use crate::note::Level;
use crate::span::Span;

// Every group of lexicon/history.txt has its index here, whether or not a stage reads it.
#[allow(dead_code)]
mod h {
    pub const COMORBIDITY: u8 = 0;
    pub const MEDICATION: u8 = 1;
    pub const PERSONAL: u8 = 2;
    pub const EXAM: u8 = 3;
    pub const EVOLVING: u8 = 4;
    pub const UNSTABLE: u8 = 5;
    pub const STABLE: u8 = 6;
    pub const COURSE: u8 = 7;
    pub const A_PRESENTATION: u8 = 8;
    pub const A_DECISION: u8 = 9;
    pub const A_PROFILE: u8 = 10;
    pub const A_TASK: u8 = 11;
    pub const A_HISTORY: u8 = 12;
    pub const A_COMORBIDITY: u8 = 13;
    pub const A_EXAM: u8 = 14;
    pub const A_DEFICIT: u8 = 15;
    pub const HISTORY_CUE: u8 = 16;
}

/// A value read from the text, with where it was read (byte spans of `note.text`).
#[derive(Debug, Clone, PartialEq)]
pub struct Found<T> {
    pub value: T,
    pub spans: Vec<Span>,
    /// The text also states a different value (the lowest was taken).
    pub conflict: bool,
    /// Read from the narrative (not stated outright).
    pub narrative: bool,
}

impl<T> Found<T> {
    fn stated(value: T, spans: Vec<Span>) -> Found<T> {
        Found {
            value,
            spans,
            conflict: false,
            narrative: false,
        }
    }
    fn narrative(value: T, spans: Vec<Span>) -> Found<T> {
        Found {
            value,
            spans,
            conflict: false,
            narrative: true,
        }
    }
}

/// What the text documents about an evaluation's components.
#[derive(Debug, Clone, Default)]
pub struct EvalText {
    /// PT history: comorbidities and personal factors, counted.
    pub history: Option<Found<u32>>,
    /// Comorbidities (and complicating conditions) alone, counted (OT).
    pub comorbidities: Option<Found<u32>>,
    pub exam_elements: Option<Found<u32>>,
    /// `stable`, `evolving`, `unstable`.
    pub presentation: Option<Found<&'static str>>,
    pub decision: Option<Found<Level>>,
    /// Standardized instruments named: canonical name and span.
    pub tests: Vec<(&'static str, Span)>,
    /// `brief`, `expanded`, `extensive`.
    pub profile: Option<Found<&'static str>>,
    pub deficits: Option<Found<u32>>,
    /// `none`, `minimalToModerate`, `significant`.
    pub task_modification: Option<Found<&'static str>>,
}

/// The kinds of reason Medicare accepts for a re-evaluation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReasonKind {
    NewFindings,
    SignificantChange,
    FailureToRespond,
}

impl ReasonKind {
    pub fn describe(self) -> &'static str {
        match self {
            Self::NewFindings => "new clinical findings",
            Self::SignificantChange => "a significant change in condition",
            Self::FailureToRespond => "failure to respond to treatment",
        }
    }
}

/// Reasons for a re-evaluation found in a text.
#[derive(Debug, Clone, Default)]
pub struct ReasonScan {
    pub accepted: Vec<(ReasonKind, Span)>,
    /// "routine", "every 30 days", "per protocol", "progress report due": not reasons.
    pub routine: Vec<Span>,
}

fn is(c: &Concept, grp: u8) -> bool {
    c.lex == Lex::History && c.group == grp
}

fn word_count(w: &str) -> Option<u32> {
    Some(match w {
        "no" | "zero" | "none" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        other => return other.parse().ok(),
    })
}

/// Reads every component the text documents. `narrative`: also read the narrative (an
/// evaluation note); otherwise only what is stated outright.
#[inline(never)] // one stage: its own entry in a profile
pub(crate) fn scan(p: &Parsed<'_>, narrative: bool) -> EvalText {
    let mut out = EvalText::default();
    // Standardized tests.
    for c in p
        .concepts
        .iter()
        .filter(|c| c.lex == Lex::Test && c.group == g::test::MEASURE && !c.ctx.negated())
    {
        out.tests.push((c.value, p.doc.span(c.start, c.end)));
    }
    stated(p, &mut out);
    if narrative {
        from_narrative(p, &mut out);
    }
    out
}

// ---- stated outright ------------------------------------------------------------------------

fn stated(p: &Parsed<'_>, out: &mut EvalText) {
    // Labelled lists and stated counts: comorbidities (bucket 0), personal factors (1).
    let mut co: Option<(u32, Vec<Span>)> = None;
    let mut pf: Option<(u32, Vec<Span>)> = None;
    let mut co_count: Option<(u32, Vec<Span>)> = None;
    let mut pf_count: Option<(u32, Vec<Span>)> = None;
    let mut seen: Vec<String> = Vec::new();
    for c in &p.concepts {
        if c.lex != Lex::History {
            continue;
        }
        let (is_co, is_pf) = match c.group {
            h::A_COMORBIDITY => (true, false),
            h::A_HISTORY => {
                let w = p.doc.f(c.start, c.end);
                let both = w.contains("comorbid") || w.contains("co morbid");
                if w.contains("complicating") {
                    (true, false)
                } else {
                    (both, true)
                }
            }
            _ => continue,
        };
        // A stated count before the anchor: "2 comorbidities", "no personal factors".
        if let Some(n) = count_before(p, c) {
            let sp = p.doc.span(n.1, c.end);
            let slot = if is_pf { &mut pf_count } else { &mut co_count };
            let e = slot.get_or_insert((0, Vec::new()));
            e.0 += n.0;
            e.1.push(sp);
            continue;
        }
        // A labelled list: "Comorbidities: …", "Personal factors include …".
        let Some(list_start) = label_end(p, c) else {
            continue;
        };
        let list = read_list(p, list_start);
        let slot = if is_pf && !is_co { &mut pf } else { &mut co };
        let e = slot.get_or_insert((0, Vec::new()));
        if list.none {
            e.1.push(p.doc.span(c.start, list.end.max(c.end)));
        }
        for (a, b) in list.items {
            let key = p.doc.f(a, b).to_string();
            if seen.contains(&key) {
                continue;
            }
            seen.push(key);
            e.0 += 1;
            e.1.push(p.doc.span(a, b));
        }
    }
    let co = co.or(co_count);
    let pf = pf.or(pf_count);
    if co.is_some() || pf.is_some() {
        let value = co.as_ref().map_or(0, |c| c.0) + pf.as_ref().map_or(0, |c| c.0);
        let spans = co
            .iter()
            .chain(pf.iter())
            .flat_map(|c| c.1.iter().copied())
            .collect();
        out.history = Some(Found::stated(value, spans));
    }
    if let Some((value, spans)) = co {
        out.comorbidities = Some(Found::stated(value, spans));
    }
    // "Comorbid DM and obesity affect the plan": a list in a sentence.
    // (read by the narrative reader when it is not labelled)

    // Exam elements and OT deficits: labelled lists, else stated counts.
    out.exam_elements = listed_or_stated(p, h::A_EXAM);
    out.deficits = listed_or_stated(p, h::A_DEFICIT);

    // Words near their anchors.
    out.presentation = lowest(p, h::A_PRESENTATION, 40, |w| match w {
        "stable" | "uncomplicated" => Some(("stable", 0)),
        "evolving" => Some(("evolving", 1)),
        "unstable" | "unpredictable" => Some(("unstable", 2)),
        _ => None,
    });
    out.decision = lowest(p, h::A_DECISION, 30, |w| {
        Level::parse(w).map(|l| (l, crate::policy::evaluation::level_rank(l)))
    });
    out.profile = lowest(p, h::A_PROFILE, 40, |w| match w {
        "brief" => Some(("brief", 0)),
        "expanded" => Some(("expanded", 1)),
        "extensive" => Some(("extensive", 2)),
        _ => None,
    });
    out.task_modification = task(p);
}

/// A number right before an anchor ("2 comorbidities", "no personal factors or
/// comorbidities", "3 relevant comorbidities"): its value and where it starts.
fn count_before(p: &Parsed<'_>, c: &Concept) -> Option<(u32, u32)> {
    let i = p.doc.tok_from(c.start);
    let mut j = i;
    for _ in 0..3 {
        j = j.checked_sub(1)?;
        let t = p.doc.toks.get(j)?;
        let w = p.doc.tok_str(t);
        if let Some(n) = word_count(w) {
            return Some((n, t.start));
        }
        if !matches!(
            w,
            "relevant" | "significant" | "active" | "known" | "other" | "additional"
        ) {
            return None;
        }
    }
    None
}

/// Just after an anchor's label: a colon within the same line (after a few words), or
/// "include(s)".
fn label_end(p: &Parsed<'_>, c: &Concept) -> Option<u32> {
    let f = p.doc.folded.as_bytes();
    let mut i = c.end as usize;
    let limit = (c.end as usize + 60).min(f.len());
    while i < limit {
        match f.get(i)? {
            b':' => return Some(i as u32 + 1),
            b'\n' | b'.' => return None,
            _ => {}
        }
        i += 1;
    }
    // "Comorbidities include …", "Comorbidities affecting the plan of care include …".
    let rest = p.doc.f(c.end, c.end + 48);
    let rest = rest.split(['.', '\n']).next().unwrap_or("");
    for w in ["includes ", "include ", "including "] {
        if let Some(off) = rest.find(w) {
            return Some(c.end + (off + w.len()) as u32);
        }
    }
    None
}

struct List {
    items: Vec<(u32, u32)>,
    none: bool,
    end: u32,
}

fn none_list(t: &str) -> bool {
    let t = t.trim_start();
    [
        "none",
        "no ",
        "no.",
        "denies",
        "denied",
        "n/a",
        "na ",
        "nil",
        "non contributory",
        "noncontributory",
        "unremarkable",
        "not applicable",
    ]
    .iter()
    .any(|w| t.starts_with(w))
        || t == "no"
        || t == "na"
}

/// The list after a label ending at `start`: the rest of the line up to a sentence's end
/// or the next label, or the bullet lines below an empty label.
fn read_list(p: &Parsed<'_>, start: u32) -> List {
    let f = p.doc.folded.as_bytes();
    let line_end = f
        .get(start as usize..)
        .and_then(|r| memchr::memchr(b'\n', r))
        .map_or(f.len(), |i| start as usize + i) as u32;
    let line = p.doc.f(start, line_end);
    let mut items = Vec::new();
    if !line.trim().is_empty() {
        let mut end = line_end;
        if let Some(i) = line.find(". ") {
            end = end.min(start + i as u32);
        }
        // The next label on the line ("… Plan: …"), a comment on the list ("…, both
        // affecting his activity tolerance").
        for (k, ch) in line.char_indices() {
            // "R quad strength: 3+/5": a value after its item's name, not a new label.
            let value_after = line
                .get(k + 1..)
                .map(str::trim_start)
                .and_then(|r| r.chars().next())
                .is_some_and(|c| c.is_ascii_digit());
            if ch == ':' && (k as u32 + start) < end && !value_after {
                // back to the label's start
                let before = line.get(..k).unwrap_or("");
                let cut = before.rfind([',', ';', '.']).map_or(0, |x| x + 1);
                let label_words = before.get(cut..).unwrap_or("").split_whitespace().count();
                if label_words <= 4 && cut > 0 {
                    end = end.min(start + cut as u32);
                } else if label_words <= 4 {
                    end = end
                        .min(start + before.len().saturating_sub(before.trim_start().len()) as u32);
                }
                break;
            }
        }
        for w in [
            ", both ",
            ", all ",
            ", each ",
            ", which ",
            ", that ",
            ", who ",
            " that affect",
            " which affect",
            " affecting ",
            " impacting ",
            " limiting ",
        ] {
            if let Some(i) = line.find(w) {
                end = end.min(start + i as u32);
            }
        }
        let none = none_list(p.doc.f(start, end));
        if !none {
            split_items(p, start, end, &mut items);
        }
        return List { items, none, end };
    }
    // An empty label line: the bullet (or "Sub-label: items") lines below it.
    let mut pos = line_end + 1;
    let mut end = line_end;
    while (pos as usize) < f.len() {
        let le = f
            .get(pos as usize..)
            .and_then(|r| memchr::memchr(b'\n', r))
            .map_or(f.len(), |i| pos as usize + i) as u32;
        let l = p.doc.f(pos, le);
        let t = l.trim_start();
        let bullet = t.starts_with(['-', '*'])
            || (t.chars().next().is_some_and(|c| c.is_ascii_digit())
                && t.trim_start_matches(|c: char| c.is_ascii_digit())
                    .starts_with(['.', ')']));
        let sub_label = t.find(':').is_some_and(|k| {
            k > 0
                && k < 40
                && t.get(k + 1..).is_some_and(|r| !r.trim().is_empty())
                && t.get(..k)
                    .is_some_and(|lab| lab.split_whitespace().count() <= 4)
        });
        // A known heading of its own ("Assessments: …") ends the list.
        let heading = !bullet
            && p.headings
                .iter()
                .any(|h| h.known && h.start >= pos && h.start < le && h.kind != SectionKind::Other);
        if !(bullet || sub_label) || t.is_empty() || heading {
            break;
        }
        let mut cs = pos + (l.len() - t.len()) as u32;
        if bullet {
            let marker = t
                .find(|c: char| !(c.is_ascii_digit() || matches!(c, '-' | '*' | '.' | ')' | ' ')))
                .unwrap_or(t.len());
            cs += marker as u32;
        }
        if let Some(c) = p.doc.f(cs, le).find(':') {
            cs += c as u32 + 1;
        }
        let ce = p.doc.f(cs, le).find(". ").map_or(le, |i| cs + i as u32);
        if !none_list(p.doc.f(cs, ce)) {
            split_items(p, cs, ce, &mut items);
        }
        end = le;
        pos = le + 1;
    }
    let none = items.is_empty();
    List { items, none, end }
}

/// Splits `a..b` into items at commas, semicolons and " and " outside brackets.
fn split_items(p: &Parsed<'_>, a: u32, b: u32, out: &mut Vec<(u32, u32)>) {
    let seg = p.doc.f(a, b);
    let bytes = seg.as_bytes();
    let mut depth = 0i32;
    let mut item = 0usize;
    let mut i = 0usize;
    let push = |x: usize, y: usize, out: &mut Vec<(u32, u32)>| {
        let s = seg.get(x..y).unwrap_or("");
        let lead = s.len() - s.trim_start().len();
        let t = s.trim().trim_end_matches(['.', ':']).trim_end();
        if !t.is_empty()
            && !matches!(t, "etc" | "and" | "or" | "other")
            && t.bytes().any(|c| c.is_ascii_alphanumeric())
        {
            out.push((a + (x + lead) as u32, a + (x + lead + t.len()) as u32));
        }
    };
    while let Some(&c) = bytes.get(i) {
        match c {
            b'(' | b'[' => depth += 1,
            b')' | b']' => depth = (depth - 1).max(0),
            b',' | b';' if depth == 0 => {
                push(item, i, out);
                item = i + 1;
            }
            b' ' if depth == 0 => {
                let w = seg.get(i..i + 5).unwrap_or("");
                if w == " and " || seg.get(i..i + 3) == Some(" & ") {
                    push(item, i, out);
                    let skip = if w == " and " { 5 } else { 3 };
                    item = i + skip;
                    i += skip;
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    push(item, seg.len(), out);
}

/// A count read from a labelled list (the first complete one), else from phrases that
/// state it ("3 elements examined").
fn listed_or_stated(p: &Parsed<'_>, anchor: u8) -> Option<Found<u32>> {
    let mut stated: Option<(u32, Vec<Span>)> = None;
    // Every labelled list counts, each item once: "Body structures/functions: …",
    // "Activity limitations: …", "Participation restrictions: …" together make the exam.
    let mut listed: Option<(Vec<&str>, Vec<Span>)> = None;
    let mut last_end = 0u32;
    for c in p.concepts.iter().filter(|c| is(c, anchor)) {
        if c.start < last_end {
            continue;
        }
        if let Some(start) = label_end(p, c) {
            let list = read_list(p, start);
            if list.none || !list.items.is_empty() {
                last_end = list.end;
                let (seen, spans) = listed.get_or_insert((Vec::new(), Vec::new()));
                for (a, b) in &list.items {
                    let key = p.doc.f(*a, *b);
                    if !seen.contains(&key) {
                        seen.push(key);
                        spans.push(p.doc.span(*a, *b));
                    }
                }
                if list.none {
                    spans.push(p.doc.span(c.start, list.end.max(c.end)));
                }
                continue;
            }
        }
        if let Some((n, s)) = count_before(p, c) {
            let e = stated.get_or_insert((0, Vec::new()));
            e.0 += n;
            e.1.push(p.doc.span(s, c.end));
        }
    }
    if let Some((seen, spans)) = listed {
        return Some(Found::stated(seen.len() as u32, spans));
    }
    stated.map(|(v, s)| Found::stated(v, s))
}

/// Words that map to a level near an anchor, keeping the lowest when several are stated.
fn lowest<T: Copy + PartialEq>(
    p: &Parsed<'_>,
    anchor: u8,
    window: u32,
    map: impl Fn(&str) -> Option<(T, u8)>,
) -> Option<Found<T>> {
    let mut best: Option<(Found<T>, u8)> = None;
    for c in p.concepts.iter().filter(|c| is(c, anchor)) {
        // The sentence around the anchor, `window` bytes either side, without crossing a
        // sentence's end.
        // An anchor in a heading ("Clinical decision making: high complexity") reads the
        // first sentence under it.
        let in_heading = p
            .headings
            .iter()
            .find(|h| h.start <= c.start && c.end <= h.end);
        let si = match (p.sent_at(c.start), in_heading) {
            (Some(si), _) => si,
            (None, Some(h)) => {
                let i = p.sents.partition_point(|s| s.start < h.end);
                match p.sents.get(i) {
                    Some(s) if s.start <= h.body_end => i,
                    _ => continue,
                }
            }
            (None, None) => continue,
        };
        let Some(s) = p.sents.get(si) else { continue };
        let (a, b) = if c.end <= s.start {
            (s.start, s.end.min(s.start + window))
        } else {
            (
                s.start.max(c.start.saturating_sub(window)),
                s.end.min(c.end + window),
            )
        };
        let i = p.doc.tok_from(a);
        for t in p
            .doc
            .toks
            .get(i..)
            .unwrap_or(&[])
            .iter()
            .take_while(|t| t.start < b)
        {
            if t.kind != TokKind::Word || (t.start >= c.start && t.end <= c.end) {
                continue;
            }
            let Some((value, rank)) = map(p.doc.tok_str(t)) else {
                continue;
            };
            // "not stable", "no longer stable".
            let before = p.doc.f(s.start.max(t.start.saturating_sub(12)), t.start);
            if before.ends_with("not ")
                || before.ends_with("no longer ")
                || before.ends_with("non ")
            {
                continue;
            }
            let span = p.doc.span(c.start.min(t.start), c.end.max(t.end));
            match best.as_mut() {
                None => best = Some((Found::stated(value, vec![span]), rank)),
                Some((f, r)) => {
                    if f.value != value {
                        f.conflict = true;
                    }
                    if rank < *r {
                        f.value = value;
                        *r = rank;
                    }
                    if !f.spans.contains(&span) {
                        f.spans.push(span);
                    }
                }
            }
        }
    }
    best.map(|(f, _)| f)
}

/// Task modification, as stated: "no modification of tasks", "minimal to moderate
/// assistance to complete the evaluation", "Modification of tasks: significant".
fn task(p: &Parsed<'_>) -> Option<Found<&'static str>> {
    let mut best: Option<(Found<&'static str>, u8)> = None;
    for c in p.concepts.iter().filter(|c| is(c, h::A_TASK)) {
        let Some(si) = p.sent_at(c.start) else {
            continue;
        };
        let Some(s) = p.sents.get(si) else { continue };
        let before = p.doc.f(s.start.max(c.start.saturating_sub(40)), c.start);
        let after = p.doc.f(c.end, s.end.min(c.end + 60));
        let mut cands: Vec<(&str, u8)> = Vec::new();
        for (text, near_end) in [(before, true), (after, false)] {
            let t = if near_end {
                text.rsplit([',', ';']).next().unwrap_or(text)
            } else {
                text
            };
            let v = if t.contains("not needed")
                || t.contains("not necessary")
                || t.contains("not required")
                || t.trim_start().starts_with("none")
                || t.contains(" no ")
                || t.trim_start().starts_with("no ")
                || t.ends_with("no ")
            {
                Some(("none", 0))
            } else if t.contains("min") && (t.contains("mod") || t.contains("moderate"))
                || t.contains("minimal")
                || t.contains("moderate")
            {
                Some(("minimalToModerate", 1))
            } else if t.contains("significant")
                || t.contains("substantial")
                || t.contains("maximal")
            {
                Some(("significant", 2))
            } else {
                None
            };
            if let Some(v) = v {
                cands.push(v);
            }
        }
        let Some(&(value, rank)) = cands.first() else {
            continue;
        };
        let span = p
            .doc
            .span(s.start.max(c.start.saturating_sub(40)).max(s.start), c.end);
        match best.as_mut() {
            None => best = Some((Found::stated(value, vec![span]), rank)),
            Some((f, r)) => {
                if f.value != value {
                    f.conflict = true;
                }
                if rank < *r {
                    f.value = value;
                    *r = rank;
                }
                f.spans.push(span);
            }
        }
    }
    best.map(|(f, _)| f)
}

// ---- the narrative ------------------------------------------------------------------------

fn from_narrative(p: &Parsed<'_>, out: &mut EvalText) {
    let section = |c: &Concept| p.sent_at(c.start).and_then(|si| p.section(si));
    let in_goal_or_plan = |c: &Concept| {
        section(c).is_some_and(|k| {
            k.is_plan() || matches!(k, SectionKind::Goals | SectionKind::PatientGoals)
        })
    };

    // Comorbidities and personal factors. Where the note says which of them affect the
    // plan ("Comorbid DM and obesity affect the plan"), those are the ones counted.
    let mut co: Vec<(&'static str, Span)> = Vec::new();
    let mut pf: Vec<(&'static str, Span)> = Vec::new();
    let mut co_aff: Vec<(&'static str, Span)> = Vec::new();
    let mut pf_aff: Vec<(&'static str, Span)> = Vec::new();
    for c in p.concepts.iter().filter(|c| c.lex == Lex::History) {
        if c.ctx.negated() || c.ctx.experiencer() || c.ctx.hypothetical() || in_goal_or_plan(c) {
            continue;
        }
        let sec = section(c);
        // The condition under evaluation is not a comorbidity of itself.
        if sec == Some(SectionKind::Diagnosis) {
            continue;
        }
        // Outside the history, a condition counts only when the sentence says it is part of
        // the history ("stroke test" in the exam, "consistent with knee OA" in the
        // assessment, "fall risk" are not).
        let history_section = sec.map_or(true, |k| {
            k.is_history()
                || matches!(
                    k,
                    SectionKind::Subjective
                        | SectionKind::SystemsReview
                        | SectionKind::Other
                        | SectionKind::Header
                )
        });
        if !history_section && !cued(p, c) {
            continue;
        }
        if affects_plan(p, c) {
            let list = if c.group == h::PERSONAL {
                &mut pf_aff
            } else {
                &mut co_aff
            };
            if matches!(c.group, h::COMORBIDITY | h::MEDICATION | h::PERSONAL)
                && !list.iter().any(|(v, _)| *v == c.value)
            {
                list.push((c.value, p.doc.span(c.start, c.end)));
            }
        }
        match c.group {
            h::COMORBIDITY if !co.iter().any(|(v, _)| *v == c.value) => {
                co.push((c.value, p.doc.span(c.start, c.end)));
            }
            h::MEDICATION => {
                let condition = medication_condition(c.value);
                if !co
                    .iter()
                    .any(|(v, _)| *v == c.value || Some(*v) == condition)
                {
                    co.push((c.value, p.doc.span(c.start, c.end)));
                }
            }
            h::PERSONAL if !pf.iter().any(|(v, _)| *v == c.value) => {
                pf.push((c.value, p.doc.span(c.start, c.end)));
            }
            _ => {}
        }
    }
    if !co_aff.is_empty() || !pf_aff.is_empty() {
        co = co_aff;
        pf = pf_aff;
    }
    // The same condition named as a comorbidity and a personal factor counts once.
    pf.retain(|(v, _)| !co.iter().any(|(c, _)| c == v));
    let described = p
        .headings
        .iter()
        .any(|h| h.kind.is_history() || h.kind == SectionKind::Subjective)
        || p.concepts.iter().any(|c| is(c, h::COURSE));
    if out.history.is_none() && described {
        let spans: Vec<Span> = co.iter().chain(pf.iter()).map(|(_, s)| *s).collect();
        out.history = Some(Found::narrative((co.len() + pf.len()) as u32, spans));
    }
    if out.comorbidities.is_none() && described {
        out.comorbidities = Some(Found::narrative(
            co.len() as u32,
            co.iter().map(|(_, s)| *s).collect(),
        ));
    }

    // Examination: body systems and activities examined, and each standardized test.
    if out.exam_elements.is_none() {
        let mut elements: Vec<(&'static str, Span)> = Vec::new();
        for c in p.concepts.iter().filter(|c| is(c, h::EXAM)) {
            let sec = section(c);
            let exam_section =
                sec.is_some_and(|k| k.is_exam() || matches!(k, SectionKind::Objective));
            let heading = p.headings.iter().any(|hd| {
                hd.start <= c.start
                    && c.end <= hd.end
                    && (hd.kind.is_exam() || hd.kind == SectionKind::Objective)
            });
            let measured = p.sent_at(c.start).is_some_and(|si| {
                !p.quants_in(si).is_empty()
                    || p.concepts_in(si).iter().any(|x| x.lex == Lex::Assist)
            });
            if (exam_section || heading || (sec.is_none() && measured))
                && !elements.iter().any(|(v, _)| *v == c.value)
            {
                elements.push((c.value, p.doc.span(c.start, c.end)));
            }
        }
        let mut tests: Vec<(&'static str, Span)> = Vec::new();
        for (name, sp) in &out.tests {
            if !tests.iter().any(|(n, _)| n == name) {
                tests.push((name, *sp));
            }
        }
        if !elements.is_empty() || !tests.is_empty() {
            let spans = elements
                .iter()
                .chain(tests.iter())
                .map(|(_, s)| *s)
                .collect();
            out.exam_elements = Some(Found::narrative(
                (elements.len() + tests.len()) as u32,
                spans,
            ));
        }
    }

    // Clinical presentation: how the course is described.
    if out.presentation.is_none() && described {
        let course = |grp: u8| {
            p.concepts.iter().find(|c| {
                is(c, grp)
                    && !c.ctx.negated()
                    && !c.ctx.hypothetical()
                    && !in_goal_or_plan(c)
                    && section(c).map_or(true, |k| {
                        !matches!(
                            k,
                            SectionKind::Exam | SectionKind::Tests | SectionKind::Header
                        )
                    })
            })
        };
        out.presentation = if let Some(c) = course(h::UNSTABLE) {
            Some(Found::narrative(
                "unstable",
                vec![p.doc.span(c.start, c.end)],
            ))
        } else if let Some(c) = course(h::EVOLVING) {
            Some(Found::narrative(
                "evolving",
                vec![p.doc.span(c.start, c.end)],
            ))
        } else {
            // Stable only where the course is described (the present condition's history,
            // its onset or duration) without a change: anything else would be a guess.
            let spans: Vec<Span> = p
                .headings
                .iter()
                .filter(|h| h.kind == SectionKind::History)
                .map(|h| p.doc.span(h.start, h.end))
                .chain(
                    p.concepts
                        .iter()
                        .filter(|c| is(c, h::COURSE) && !c.ctx.negated() && !in_goal_or_plan(c))
                        .map(|c| p.doc.span(c.start, c.end)),
                )
                // "LBP x 3 wks after lifting": how long, in the history or the subjective.
                .chain(
                    p.quants
                        .iter()
                        .filter(|q| {
                            q.unit.is_period()
                                && p.sent_at(q.start)
                                    .and_then(|si| p.section(si))
                                    .is_some_and(|k| k.is_history() || k == SectionKind::Subjective)
                        })
                        .map(|q| p.doc.span(q.start, q.end)),
                )
                .take(1)
                .collect();
            (!spans.is_empty()).then(|| Found::narrative("stable", spans))
        };
    }

    // Decision making: the standardized tests and the breadth of the plan.
    if out.decision.is_none() {
        let mut options: Vec<(&'static str, Span)> = Vec::new();
        for c in &p.concepts {
            if !section(c).is_some_and(SectionKind::is_plan) {
                continue;
            }
            let key: Option<&'static str> = match c.lex {
                Lex::Intervention => Some(c.value),
                Lex::Plan if c.group == g::plan::HOME => Some("home program"),
                Lex::Plan
                    if c.group == g::plan::PLAN && p.doc.f(c.start, c.end).starts_with("refer") =>
                {
                    Some("referral")
                }
                Lex::Skill if c.group == g::skill::TEACH => Some("education"),
                _ => None,
            };
            if let Some(k) = key {
                if !options.iter().any(|(o, _)| *o == k) {
                    options.push((k, p.doc.span(c.start, c.end)));
                }
            }
        }
        // Itemised recommendations (equipment, strategies) are options chosen among.
        let listed = plan_items(p);
        let n = options.len().max(listed.len()) as u32 + out.tests.len() as u32;
        // A plan of care to judge by: a frequency and duration, or itemised options.
        let plan_of_care = p.quants.iter().any(|q| {
            matches!(
                q.unit,
                super::quantities::Unit::PerWeek | super::quantities::Unit::PerDay
            )
        }) || p
            .concepts
            .iter()
            .any(|c| c.lex == Lex::Plan && c.group == g::plan::FREQUENCY)
            || listed.len() >= 3;
        if n > 0 && plan_of_care {
            let level = match n {
                0..=2 => Level::Low,
                3..=5 => Level::Moderate,
                _ => Level::High,
            };

            let mut spans: Vec<Span> = options.iter().map(|(_, s)| *s).collect();
            spans.extend(out.tests.iter().map(|(_, s)| *s));
            if spans.is_empty() {
                spans = listed;
            }
            out.decision = Some(Found::narrative(level, spans));
        }
    }

    // OT: occupational profile, performance deficits, task modification.
    if out.profile.is_none() && described {
        let mut kinds: Vec<(&'static str, Span)> = Vec::new();
        let mut add = |k: &'static str, sp: Span| {
            if !kinds.iter().any(|(x, _)| *x == k) {
                kinds.push((k, sp));
            }
        };
        for hd in &p.headings {
            let sp = p.doc.span(hd.start, hd.end);
            match hd.kind {
                SectionKind::PastHistory => add("medical history", sp),
                SectionKind::Medications => add("medications", sp),
                SectionKind::SocialHistory => add("social history", sp),
                SectionKind::PriorFunction => add("prior level of function", sp),
                _ => {}
            }
            let w = p.doc.f(hd.start, hd.end);
            if w.starts_with("functional status")
                || w.starts_with("activit")
                || w.starts_with("adl")
                || w.starts_with("self care")
            {
                add("functional history", sp);
            }
        }
        if let Some((_, sp)) = co.first() {
            add("medical history", *sp);
        }
        if let Some((_, sp)) = pf.first() {
            add("social history", *sp);
        }
        let value = match kinds.len() {
            0 | 1 => "brief",
            2 | 3 => "expanded",
            _ => "extensive",
        };
        out.profile = Some(Found::narrative(
            value,
            kinds.iter().map(|(_, s)| *s).collect(),
        ));
    }
    if out.deficits.is_none() {
        let mut seen: Vec<&str> = Vec::new();
        let mut spans = Vec::new();
        for c in p.concepts.iter().filter(|c| {
            c.lex == Lex::Clinical
                && matches!(c.group, g::clinical::DEFICIT | g::clinical::LIMITATION)
        }) {
            if c.ctx.negated() || c.ctx.experiencer() || in_goal_or_plan(c) {
                continue;
            }
            let w = p.doc.f(c.start, c.end);
            if !seen.contains(&w) {
                seen.push(w);
                spans.push(p.doc.span(c.start, c.end));
            }
        }
        if !seen.is_empty() {
            out.deficits = Some(Found::narrative(seen.len() as u32, spans));
        }
    }
    if out.task_modification.is_none() && described {
        out.task_modification =
            Some(assistance_described(p).unwrap_or_else(|| Found::narrative("none", Vec::new())));
    }
}

/// The assistance or modification the note describes the patient needing now, outside the
/// history, goals and plan: an assist level ("needs moderate assistance for upper body
/// dressing": minimal to moderate; "dependent for transfers", "maximal assist":
/// significant), or rests, cues or adapted tools needed to finish the testing ("needed two
/// seated rests and a built-up pen to finish the writing sample": minimal to moderate).
/// The most assistance described decides.
fn assistance_described(p: &Parsed<'_>) -> Option<Found<&'static str>> {
    let current = |si: usize| {
        !p.section(si).is_some_and(|k| {
            k.is_history()
                || k.is_plan()
                || matches!(k, SectionKind::Goals | SectionKind::PatientGoals)
        }) && !p
            .word_slice(si)
            .iter()
            .any(|w| matches!(*w, "will" | "goal" | "goals"))
    };
    let mut best: Option<(u8, Span)> = None;
    let mut take = |rank: u8, span: Span| {
        if best.map_or(true, |(r, _)| rank > r) {
            best = Some((rank, span));
        }
    };
    for c in p
        .concepts
        .iter()
        .filter(|c| c.lex == Lex::Assist && c.group == g::assist::ASSIST)
    {
        let Some(si) = p.sent_at(c.start) else {
            continue;
        };
        if !current(si) || negated(p, c) || c.ctx.hypothetical() || c.ctx.historical() {
            continue;
        }
        let rank = match c.value {
            "minimal" | "moderate" | "contact-guard" => 1,
            "maximal" | "dependent" => 2,
            _ => continue,
        };
        take(rank, p.doc.span(c.start, c.end));
    }
    for (si, sent) in p.sents.iter().enumerate() {
        if !current(si) {
            continue;
        }
        let words = p.word_slice(si);
        let aid = words.iter().any(|w| {
            matches!(
                *w,
                "rests"
                    | "rest"
                    | "breaks"
                    | "cues"
                    | "cueing"
                    | "cued"
                    | "adapted"
                    | "built"
                    | "modified"
                    | "demonstration"
                    | "demonstrations"
                    | "repeated"
                    | "prompting"
                    | "prompts"
                    | "shown"
            )
        });
        // What the help was for: finishing the testing or a task of it ("to finish", "before
        // he could complete the subtest").
        let testing = words.iter().any(|w| {
            matches!(
                *w,
                "finish"
                    | "complete"
                    | "testing"
                    | "test"
                    | "tests"
                    | "subtest"
                    | "subtests"
                    | "assessment"
                    | "evaluation"
                    | "writing"
            )
        });
        // In the examination's account the help is given for the testing.
        let examining = || {
            p.section(si)
                .is_some_and(|k| k.is_exam() || k == SectionKind::Assessment)
        };
        if aid
            && (testing || examining())
            && words.iter().any(|w| {
                matches!(
                    *w,
                    "needed" | "needing" | "required" | "requiring" | "needs" | "requires"
                )
            })
        {
            take(1, p.doc.span(sent.start, sent.end));
        }
    }
    best.map(|(rank, span)| {
        Found::narrative(
            if rank == 2 {
                "significant"
            } else {
                "minimalToModerate"
            },
            vec![span],
        )
    })
}

/// Whether `c`'s sentence says it affects the plan ("Comorbid DM and obesity affect the
/// plan", "HTN, which may impact his progress").
fn affects_plan(p: &Parsed<'_>, c: &Concept) -> bool {
    let Some(si) = p.sent_at(c.start) else {
        return false;
    };
    let words = p.word_slice(si);
    let verb = words
        .iter()
        .any(|w| w.starts_with("affect") || w.starts_with("impact") || w.starts_with("complicat"));
    let object = words.iter().any(|w| {
        matches!(
            *w,
            "plan"
                | "poc"
                | "care"
                | "treatment"
                | "prognosis"
                | "recovery"
                | "rehab"
                | "progress"
                | "rehabilitation"
                | "therapy"
        )
    });
    verb && object
}

/// Whether `c`'s sentence says it is part of the history ("history of", "PMH", "s/p").
fn cued(p: &Parsed<'_>, c: &Concept) -> bool {
    let Some(si) = p.sent_at(c.start) else {
        return false;
    };
    p.concepts_in(si).iter().any(|x| {
        x.lex == Lex::History
            && (x.group == h::HISTORY_CUE || x.group == h::A_COMORBIDITY || x.group == h::A_HISTORY)
    })
}

/// The condition a medication class stands for, when the lexicon names it as a comorbidity
/// too (so that "DM2" and "metformin" count once).
fn medication_condition(class: &str) -> Option<&'static str> {
    Some(match class {
        "diabetes medication" => "diabetes",
        "anticoagulant" => "blood clots",
        "lung medication" => "lung disease",
        "parkinson's medication" => "parkinson's disease",
        "seizure medication" => "seizures",
        "dementia medication" => "dementia",
        "thyroid medication" => "thyroid disease",
        "cancer medication" => "cancer",
        "psychiatric medication" => "depression",
        "heart medication" => "hypertension",
        _ => return None,
    })
}

/// The items of numbered lists under plan and recommendation headings.
/// The plan's itemised options: list items, or a run of three or more comma-separated
/// options after a colon ("2x/week for 6 weeks: repeated extension, nerve mobility, core
/// strengthening and lifting retraining").
fn plan_items(p: &Parsed<'_>) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    for (si, s) in p.sents.iter().enumerate() {
        if !p.section(si).is_some_and(SectionKind::is_plan) {
            continue;
        }
        if s.item.is_some() {
            out.push(p.doc.span(s.start, s.end));
            continue;
        }
        let text = p.doc.f(s.start, s.end);
        let Some(colon) = text.rfind(':') else {
            continue;
        };
        let list = text.get(colon + 1..).unwrap_or("");
        let mut pieces: Vec<(u32, u32)> = Vec::new();
        let mut at = s.start + colon as u32 + 1;
        let parts: Vec<&str> = list.split([',', ';']).collect();
        for (k, part) in parts.iter().enumerate() {
            let (a, b) = (at, at + part.len() as u32);
            at = b + 1;
            if !part.bytes().any(|c| c.is_ascii_alphabetic()) {
                continue;
            }
            // "… and lifting retraining": the last piece holds the last two options.
            match part.find(" and ") {
                Some(i) if k + 1 == parts.len() && k > 0 => {
                    pieces.push((a, a + i as u32));
                    pieces.push((a + i as u32 + 5, b));
                }
                _ => pieces.push((a, b)),
            }
        }
        if pieces.len() >= 3 {
            out.extend(pieces.iter().map(|&(a, b)| p.doc.span(a, b)));
        }
    }
    out
}

// ---- re-evaluation reasons ------------------------------------------------------------------

/// Reads the reasons (and the non-reasons) a text gives for a re-evaluation. In the form's
/// own reason field (`field`), an event that changes the condition (surgery, a TIA, a
/// re-injury) is a reason by itself unless the field also calls the re-evaluation routine.
#[inline(never)] // one stage: its own entry in a profile
pub(crate) fn scan_reason(p: &Parsed<'_>, field: bool) -> ReasonScan {
    let mut out = ReasonScan::default();
    let cs: Vec<&Concept> = p.concepts.iter().filter(|c| c.lex == Lex::Reason).collect();
    for c in &cs {
        let kind = match c.group {
            g::reason::NEW_FINDINGS => ReasonKind::NewFindings,
            g::reason::SIGNIFICANT_CHANGE => ReasonKind::SignificantChange,
            g::reason::FAILURE_TO_RESPOND => ReasonKind::FailureToRespond,
            g::reason::ROUTINE => {
                out.routine.push(p.doc.span(c.start, c.end));
                continue;
            }
            g::reason::EVENT => {
                // "after/since/due to/new/recent … surgery": a change in condition.
                let cue = cs.iter().any(|x| {
                    x.group == g::reason::EVENT_CUE
                        && x.end <= c.start
                        && c.start - x.end <= 30
                        && p.sent_at(x.start) == p.sent_at(c.start)
                });
                if !cue || negated(p, c) {
                    continue;
                }
                ReasonKind::SignificantChange
            }
            _ => continue,
        };
        if negated(p, c) {
            continue;
        }
        out.accepted.push((kind, p.doc.span(c.start, c.end)));
    }
    if field && out.accepted.is_empty() && out.routine.is_empty() {
        for c in cs.iter().filter(|c| c.group == g::reason::EVENT) {
            if !negated(p, c) {
                out.accepted
                    .push((ReasonKind::SignificantChange, p.doc.span(c.start, c.end)));
            }
        }
    }
    crate::sort::sort_by_key(&mut out.accepted, |a| a.1.start);
    out
}

fn negated(p: &Parsed<'_>, c: &Concept) -> bool {
    if c.ctx.negated() {
        return true;
    }
    let before = p.doc.f(c.start.saturating_sub(24), c.start);
    let tail = before.rsplit([',', ';', '.', ':']).next().unwrap_or(before);
    tail.split_whitespace()
        .any(|w| matches!(w, "no" | "not" | "without" | "denies" | "denied"))
}
