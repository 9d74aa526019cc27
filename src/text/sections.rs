//! Stage 2: sections, in the spirit of medspaCy's Sectionizer.
//!
//! Input: the [`Doc`] and the lexicon hits. Output: the [`Heading`]s of the note, in order;
//! each opens a section that runs to the next heading. The spellings are data
//! (`lexicon/sections.txt`, hundreds of them mapped to a [`SectionKind`]).
//!
//! A heading is found at the start of a line, after a bullet or a number:
//! - `S:`, `O =`, `A:`, `P:` (SOAP letters, in capitals);
//! - a known heading followed by words that qualify it and a colon ("SHORT-TERM GOALS TO
//!   BE MET IN THREE WEEKS:", "Plan of care (8 wks):");
//! - an unknown short label in title or upper case and a colon ("Clients Name:") opens an
//!   `Other` section (it ends the one before);
//! - a line in capitals without a colon ("ASSESSMENT", "STRENGTH", "FUNCTIONAL OUTCOMES
//!   OF TREATMENT"), or a whole line that is a known heading ("Plan");
//! - after a sentence's end, a known heading with a colon ("… no pain. Plan: …").
//!
//! A "Time frame: 4 weeks" line under a goals heading gives the goals their timeframe and
//! does not end the goals section.

use super::lexicon::{Hit, Lex, Lexicon};
use super::normalize::{count_words, Doc};
use serde::Serialize;

/// The groups of its lexicon file (the list lives with the lexicon's file table).
pub(crate) use super::lexicon::groups::SECTIONS as GROUPS;

/// The kind of a section of the note.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum SectionKind {
    Subjective,
    /// History of the present illness, background.
    History,
    /// Past medical (and surgical) history, comorbidities.
    PastHistory,
    Medications,
    /// Social history, living situation, occupation, personal factors.
    SocialHistory,
    /// Prior level of function.
    PriorFunction,
    SystemsReview,
    Objective,
    /// An examination of one body system or activity (ROM, strength, gait, oral stage).
    Exam,
    /// Tests and measures, outcome measures.
    Tests,
    /// Treatment provided, interventions.
    Treatment,
    Assessment,
    Impression,
    Goals,
    /// The patient's (or family's) own goals: not therapy goals.
    PatientGoals,
    Plan,
    Recommendations,
    Frequency,
    Education,
    HomeProgram,
    Response,
    DischargeSummary,
    /// Diagnoses, imaging, precautions.
    Diagnosis,
    Signature,
    /// Codes, units, times.
    Billing,
    /// Identification fields (name, date, therapist, visit number).
    Header,
    /// "Time frame:" under goals.
    Timeframe,
    /// A heading the lexicon does not know.
    Other,
}

impl SectionKind {
    fn from_group(g: u8) -> (SectionKind, GoalTerm) {
        use SectionKind as K;
        let kind = match GROUPS.get(g as usize).copied().unwrap_or("") {
            "subjective" => K::Subjective,
            "history" => K::History,
            "past-history" => K::PastHistory,
            "medications" => K::Medications,
            "social-history" => K::SocialHistory,
            "prior-function" => K::PriorFunction,
            "systems-review" => K::SystemsReview,
            "objective" => K::Objective,
            "exam" => K::Exam,
            "tests" => K::Tests,
            "treatment" => K::Treatment,
            "assessment" => K::Assessment,
            "impression" => K::Impression,
            "goals" | "short-term-goals" | "long-term-goals" => K::Goals,
            "patient-goals" => K::PatientGoals,
            "plan" => K::Plan,
            "recommendations" => K::Recommendations,
            "frequency" => K::Frequency,
            "education" => K::Education,
            "home-program" => K::HomeProgram,
            "response" => K::Response,
            "discharge-summary" => K::DischargeSummary,
            "diagnosis" => K::Diagnosis,
            "signature" => K::Signature,
            "billing" => K::Billing,
            "header" => K::Header,
            "timeframe" => K::Timeframe,
            _ => K::Other,
        };
        let term = match GROUPS.get(g as usize).copied().unwrap_or("") {
            "short-term-goals" => GoalTerm::Short,
            "long-term-goals" => GoalTerm::Long,
            _ => GoalTerm::Any,
        };
        (kind, term)
    }

    /// Sections that tell the patient's history rather than today's care.
    pub fn is_history(self) -> bool {
        matches!(
            self,
            SectionKind::History
                | SectionKind::PastHistory
                | SectionKind::Medications
                | SectionKind::SocialHistory
                | SectionKind::PriorFunction
                | SectionKind::Diagnosis
        )
    }

    /// Sections of an examination's findings (measurement, not treatment).
    pub fn is_exam(self) -> bool {
        matches!(
            self,
            SectionKind::Exam | SectionKind::Tests | SectionKind::SystemsReview
        )
    }

    /// Sections that state what happens next.
    pub fn is_plan(self) -> bool {
        matches!(
            self,
            SectionKind::Plan
                | SectionKind::Recommendations
                | SectionKind::Frequency
                | SectionKind::HomeProgram
        )
    }

    /// The name used in the report (camelCase).
    pub fn name(self) -> &'static str {
        use SectionKind as K;
        match self {
            K::Subjective => "subjective",
            K::History => "history",
            K::PastHistory => "pastHistory",
            K::Medications => "medications",
            K::SocialHistory => "socialHistory",
            K::PriorFunction => "priorFunction",
            K::SystemsReview => "systemsReview",
            K::Objective => "objective",
            K::Exam => "exam",
            K::Tests => "tests",
            K::Treatment => "treatment",
            K::Assessment => "assessment",
            K::Impression => "impression",
            K::Goals => "goals",
            K::PatientGoals => "patientGoals",
            K::Plan => "plan",
            K::Recommendations => "recommendations",
            K::Frequency => "frequency",
            K::Education => "education",
            K::HomeProgram => "homeProgram",
            K::Response => "response",
            K::DischargeSummary => "dischargeSummary",
            K::Diagnosis => "diagnosis",
            K::Signature => "signature",
            K::Billing => "billing",
            K::Header => "header",
            K::Timeframe => "timeframe",
            K::Other => "other",
        }
    }
}

/// Short-term, long-term, or any goals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GoalTerm {
    Short,
    Long,
    Any,
}

/// A heading found in the text (folded offsets).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Heading {
    pub kind: SectionKind,
    pub term: GoalTerm,
    /// The heading's words.
    pub start: u32,
    /// Just after the colon (or the end of the heading line).
    pub end: u32,
    /// Words between the known heading and the colon ("to be met in three weeks").
    pub qualifier: (u32, u32),
    /// The lexicon knows the heading.
    pub known: bool,
    /// Where its section's body ends (the next heading's start, or the text's end).
    pub body_end: u32,
    /// For goals: a timeframe line ("Time frame: 4 weeks") under the heading, as a range.
    pub timeframe_line: Option<(u32, u32)>,
}

/// Words a label may not start with to be taken for a heading when the lexicon does not know
/// it ("The patient states:" is a sentence).
const NOT_A_LABEL: &[&str] = &[
    "the", "a", "an", "he", "she", "they", "we", "i", "it", "this", "that", "pt", "patient",
    "client", "his", "her", "their", "our", "my", "was", "is", "will", "and", "but", "if", "when",
    "please", "per", "to", "for", "with", "without", "in", "on", "at", "of",
];

/// Finds the headings. `hits` are all lexicon hits, sorted by start.
#[inline(never)] // one stage: its own entry in a profile
pub(crate) fn find(doc: &Doc<'_>, lex: &Lexicon, hits: &[Hit]) -> Vec<Heading> {
    let f = doc.folded.as_bytes();
    let mut out: Vec<Heading> = Vec::new();
    let mut ls = 0usize;
    // Inside a goals table ("Goals (12 weeks) | Status" and its rows): the first line that is
    // not a row ends the goals ("Today (92507): …" is the session's account).
    let mut goal_table = false;
    while ls <= f.len() {
        let le = f
            .get(ls..)
            .and_then(|r| memchr::memchr(b'\n', r))
            .map_or(f.len(), |i| ls + i);
        let before = out.len();
        line_headings(doc, lex, hits, ls as u32, le as u32, &mut out);
        let line = f.get(ls..le).unwrap_or(&[]);
        let row = || memchr::memchr(b'|', line).is_some() && line.windows(3).any(|w| w == b" | ");
        if out.len() > before {
            goal_table = out.last().is_some_and(|h| h.kind == SectionKind::Goals) && row();
        } else if goal_table && !row() && line.iter().any(u8::is_ascii_alphanumeric) {
            let start = ls as u32 + line.iter().take_while(|&&c| c == b' ').count() as u32;
            out.push(heading(
                SectionKind::Other,
                GoalTerm::Any,
                start,
                start,
                (start, start),
                false,
            ));
            goal_table = false;
        }
        ls = le + 1;
    }
    // Bodies, and "Time frame:" lines folded into the goals section above them.
    let mut merged: Vec<Heading> = Vec::with_capacity(out.len());
    for h in out {
        if h.kind == SectionKind::Timeframe {
            if let Some(prev) = merged.last_mut() {
                if prev.kind == SectionKind::Goals && prev.timeframe_line.is_none() {
                    let line_end = line_end(f, h.end as usize) as u32;
                    prev.timeframe_line = Some((h.start, line_end));
                    continue;
                }
            }
        }
        merged.push(h);
    }
    let merged = resume_after_inline_goals(doc, f, merged);
    let mut merged = resume_after_header_lines(f, merged);
    let n = merged.len();
    for i in 0..n {
        let next = merged.get(i + 1).map_or(f.len() as u32, |h| h.start);
        if let Some(h) = merged.get_mut(i) {
            h.body_end = next.max(h.end);
        }
    }
    merged
}

/// A goal label inside another section's line ("P: Continue 2x/week. New STG (2 wks): …")
/// holds its sentence only: the next sentence belongs to the section around it again.
fn resume_after_inline_goals(doc: &Doc<'_>, f: &[u8], hs: Vec<Heading>) -> Vec<Heading> {
    let line_start = |at: u32| {
        f.get(..at as usize)
            .and_then(|r| r.iter().rposition(|&c| c == b'\n'))
            .map_or(0, |i| i + 1) as u32
    };
    let mut out: Vec<Heading> = Vec::with_capacity(hs.len());
    let mut it = hs.into_iter().peekable();
    while let Some(h) = it.next() {
        let ls = line_start(h.start);
        let parent = out
            .last()
            .filter(|prev| prev.kind != SectionKind::Goals && prev.start >= ls)
            // Not a label right after the heading's colon ("A: Goals: …").
            .filter(|prev| {
                f.get(prev.end as usize..h.start as usize)
                    .is_some_and(|r| r.iter().any(|&c| c != b' '))
            })
            .cloned();
        let inline = f
            .get(ls as usize..h.start as usize)
            .is_some_and(|r| r.iter().any(|&c| c != b' '));
        let le = line_end(f, h.end as usize) as u32;
        // The end of the label's sentence: ". " before a capital, or the line's end.
        let end = f
            .get(h.end as usize..le as usize)
            .and_then(|r| {
                memchr::memchr3_iter(b'.', b'!', b'?', r).find(|&k| {
                    let i = h.end as usize + k;
                    f.get(i + 1) == Some(&b' ') && is_upper_at(doc, i as u32 + 2)
                })
            })
            .map_or(le, |k| h.end + k as u32 + 1);
        let next_start = it.peek().map_or(f.len() as u32, |n| n.start);
        let is_goal = h.kind == SectionKind::Goals;
        out.push(h);
        if let Some(mut parent) = parent {
            if is_goal && inline && end < f.len() as u32 && end + 1 < next_start {
                let le = end;
                parent.start = le + 1;
                parent.end = le + 1;
                parent.qualifier = (le + 1, le + 1);
                parent.timeframe_line = None;
                out.push(parent);
            }
        }
    }
    out
}

/// Identification fields ("Patient: R. D.   Dates of care: …   Visits: 16") and a diagnosis
/// written on its label's line hold their own line: the narrative under them belongs to the section around them (the title's, or none
/// known).
fn resume_after_header_lines(f: &[u8], hs: Vec<Heading>) -> Vec<Heading> {
    let mut out: Vec<Heading> = Vec::with_capacity(hs.len());
    let mut it = hs.into_iter().peekable();
    while let Some(h) = it.next() {
        let le = line_end(f, h.end as usize) as u32;
        let next_start = it.peek().map_or(f.len() as u32, |n| n.start);
        // "Diagnosis: L rotator cuff repair 5/28/2026" on its line is a field too; a
        // diagnosis list under its own heading line is a section.
        let filled = f
            .get(h.end as usize..le as usize)
            .is_some_and(|r| r.iter().any(|c| c.is_ascii_alphanumeric()));
        let is_header =
            h.kind == SectionKind::Header || (h.kind == SectionKind::Diagnosis && filled);
        out.push(h);
        if !is_header || le >= f.len() as u32 || le + 1 >= next_start {
            continue;
        }
        // Only when something other than blank lines follows before the next heading.
        let gap = f.get(le as usize..next_start as usize).unwrap_or(&[]);
        if gap.iter().all(|c| c.is_ascii_whitespace()) {
            continue;
        }
        let parent = out
            .iter()
            .rev()
            .find(|x| !matches!(x.kind, SectionKind::Header | SectionKind::Diagnosis))
            .copied();
        let mut r = parent.unwrap_or_else(|| {
            heading(
                SectionKind::Other,
                GoalTerm::Any,
                le + 1,
                le + 1,
                (le + 1, le + 1),
                false,
            )
        });
        r.start = le + 1;
        r.end = le + 1;
        r.qualifier = (le + 1, le + 1);
        r.timeframe_line = None;
        out.push(r);
    }
    out
}

fn line_end(f: &[u8], from: usize) -> usize {
    f.get(from..)
        .and_then(|r| memchr::memchr(b'\n', r))
        .map_or(f.len(), |i| from + i)
}

/// The longest section phrase starting exactly at `at` and ending by `limit`.
fn known_at(
    lex: &Lexicon,
    hits: &[Hit],
    at: u32,
    limit: u32,
) -> Option<(Hit, SectionKind, GoalTerm)> {
    let i = hits.partition_point(|h| h.start < at);
    hits.get(i..)?
        .iter()
        .take_while(|h| h.start == at)
        .filter(|h| h.end <= limit)
        .filter_map(|h| {
            let e = lex.entry(h.entry)?;
            (e.lex == Lex::Section).then(|| {
                let (k, t) = SectionKind::from_group(e.group);
                (*h, k, t)
            })
        })
        .max_by_key(|(h, _, _)| h.end)
}

fn line_headings(
    doc: &Doc<'_>,
    lex: &Lexicon,
    hits: &[Hit],
    ls: u32,
    le: u32,
    out: &mut Vec<Heading>,
) {
    let f = doc.folded.as_bytes();
    let b = |i: u32| f.get(i as usize).copied().unwrap_or(b'\n');
    // Skip leading spaces, bullets and list numbers.
    let mut p = ls;
    while p < le && b(p) == b' ' {
        p += 1;
    }
    let mut listed = false;
    loop {
        let c = b(p);
        if p < le && matches!(c, b'*' | b'-' | b'#' | b'>' | b'+') && b(p + 1) == b' ' {
            p += 2;
            listed = true;
        } else if p < le && c.is_ascii_digit() {
            let mut q = p;
            while q < le && b(q).is_ascii_digit() && q - p < 3 {
                q += 1;
            }
            if matches!(b(q), b'.' | b')') && b(q + 1) == b' ' {
                p = q + 2;
                listed = true;
            } else {
                break;
            }
        } else {
            break;
        }
        while p < le && b(p) == b' ' {
            p += 1;
        }
    }
    if p >= le {
        return;
    }
    // A table row ("Goal | Target date | Status", "Walk 500 ft … | 3/30/26 | Met"): its
    // header opens goals when its first column names them; no row opens any other heading
    // (a colon inside a cell is the cell's words).
    // A note in brackets after the column's name ("Goals (12 weeks from 9/15) | Status")
    // qualifies the goals: it is their timeframe, as after a goals heading with a colon.
    if let Some(first_bar) = table_row(f, p, le) {
        let first_cell = doc.f(p, first_bar).trim_end();
        let (label, qualifier) = match first_cell.find(" (") {
            Some(i) if first_cell.ends_with(')') => {
                let q = p + i as u32;
                (first_cell.get(..i).unwrap_or(first_cell), (q, first_bar))
            }
            _ => (first_cell, (le, le)),
        };
        if !label.bytes().any(|c| c.is_ascii_digit()) && ends_with_goals(label) {
            out.push(heading(
                SectionKind::Goals,
                GoalTerm::Any,
                p,
                le,
                qualifier,
                true,
            ));
        }
        return;
    }
    // The colon (or "=") that ends a label, within the first 80 bytes.
    let limit = le.min(p + 80);
    let colon = (p..limit).find(|&i| b(i) == b':' || (b(i) == b'=' && b(i + 1) == b' '));

    // SOAP letters in capitals: "S:", "O =", "A:", "P:".
    let first = b(p);
    if matches!(first, b's' | b'o' | b'a' | b'p') && is_upper_at(doc, p) {
        let mut q = p + 1;
        while q < le && b(q) == b' ' {
            q += 1;
        }
        if b(q) == b':' || b(q) == b'=' {
            let kind = match first {
                b's' => SectionKind::Subjective,
                b'o' => SectionKind::Objective,
                b'a' => SectionKind::Assessment,
                _ => SectionKind::Plan,
            };
            out.push(heading(kind, GoalTerm::Any, p, q + 1, (q, q), true));
            inline_headings(doc, lex, hits, q + 1, le, out);
            return;
        }
    }

    if let Some(c) = colon {
        let label = doc.f(p, c).trim_end();
        let words = count_words(label);
        // The label without a note in brackets after it ("anticipated goals (next 8 weeks)").
        let goals_label = match label.rfind(" (") {
            Some(i) if label.ends_with(')') => label.get(..i).unwrap_or(label),
            _ => label,
        };
        if let Some((h, kind, term)) = known_at(lex, hits, p, c) {
            let qualifier = (h.end, c);
            // Words of the qualifier, without brackets and numbers ("since re-eval
            // (12/3/2025) toward 8-week goals").
            let q_words = {
                let mut depth = 0i32;
                let mut n = 0;
                for w in doc.f(h.end, c).split_whitespace() {
                    if w.starts_with('(') {
                        depth += 1;
                    }
                    if depth == 0 && w.bytes().any(|b| b.is_ascii_alphabetic()) {
                        n += 1;
                    }
                    if w.ends_with(')') {
                        depth = (depth - 1).max(0);
                    }
                }
                n
            };
            // A known heading with a short qualifier; goals headings may carry a
            // timeframe in words ("to be met in three weeks").
            if q_words <= 6
                || (kind == SectionKind::Goals && q_words <= 9)
                || is_upper_run(doc, p, c)
            {
                // "Gait trng 18':", "Self-care training, 25 minutes:": an intervention with
                // its time opens the treatment given, not an examination.
                let kind = if timed(doc.f(p, c))
                    && matches!(
                        kind,
                        SectionKind::Exam | SectionKind::Tests | SectionKind::Objective
                    ) {
                    SectionKind::Treatment
                } else {
                    kind
                };
                // "Rehab potential and goals:", "Anticipated goals:": a label that ends with
                // goals opens goals.
                let kind = if ends_with_goals(label) && kind != SectionKind::PatientGoals {
                    SectionKind::Goals
                } else {
                    kind
                };
                out.push(heading(kind, term, p, c + 1, qualifier, true));
                inline_headings(doc, lex, hits, c + 1, le, out);
                return;
            }
        } else if !listed
            && count_words(goals_label) <= 5
            && ends_with_goals(goals_label)
            && (is_upper_at(doc, p) || plain_goals_label(goals_label))
        {
            // "Anticipated goals (next 8 weeks):": the bracket qualifies the goals.
            let q = p + goals_label.len() as u32;
            out.push(heading(
                SectionKind::Goals,
                GoalTerm::Any,
                p,
                c + 1,
                (q, c),
                false,
            ));
            inline_headings(doc, lex, hits, c + 1, le, out);
            return;
        } else if !listed
            && !test_at(lex, hits, p)
            && (1..=4).contains(&words)
            && label
                .bytes()
                .all(|c| c.is_ascii_alphabetic() || matches!(c, b' ' | b'\'' | b'/' | b'#' | b'&'))
            // A label in lower case is a label too ("barriers:", "strategies trialled:",
            // "dates of care:"): a line does not open with a short phrase and a colon
            // otherwise (its subject, "she reports: …", is not a label).
            && (is_upper_at(doc, p) || label.len() >= 3)
            && !NOT_A_LABEL.contains(&label.split_whitespace().next().unwrap_or(""))
        {
            out.push(heading(
                SectionKind::Other,
                GoalTerm::Any,
                p,
                c + 1,
                (c, c),
                false,
            ));
            inline_headings(doc, lex, hits, c + 1, le, out);
            return;
        }
    } else {
        // A line in capitals, or a whole line that is a known heading. A note in brackets
        // after the capitals ("PLAN OF CARE - GOALS (page 2 of 3)") is not the heading's.
        let text = doc.f(p, le).trim_end_matches([' ', '.']);
        let end = p + text.len() as u32;
        let core = match text.rfind(" (") {
            Some(i) if text.ends_with(')') => text.get(..i).unwrap_or(text),
            _ => text,
        };
        // Not a measure with its earlier value ("LEFS 52/80 (was 38/80)").
        let core = if core.bytes().any(|c| c.is_ascii_digit()) {
            text
        } else {
            core
        };
        let core_end = p + core.len() as u32;
        let words = count_words(core);
        let known = known_at(lex, hits, p, end);
        let whole = known.as_ref().is_some_and(|(h, _, _)| h.end == end);
        // "FIM 88", "TUG 14 S": a test's name with its score is a measure, not a heading.
        let caps = words <= 8
            && is_upper_run(doc, p, core_end)
            && core.bytes().filter(u8::is_ascii_alphabetic).count() >= 3
            && !(test_at(lex, hits, p) && core.bytes().any(|c| c.is_ascii_digit()));
        if (whole || caps) && !listed {
            let (kind, term, known_flag, qual) = match known {
                Some((h, k, t)) => (k, t, true, (h.end, end)),
                None => (SectionKind::Other, GoalTerm::Any, false, (end, end)),
            };
            // "PLAN OF CARE - GOALS", "REHAB POTENTIAL AND GOALS": capitals ending in goals.
            let last_part = core.rsplit(" - ").next().unwrap_or(core);
            let kind = if caps && ends_with_goals(last_part) && kind != SectionKind::PatientGoals {
                SectionKind::Goals
            } else {
                kind
            };
            out.push(heading(kind, term, p, end, qual, known_flag));
            return;
        }
    }
    inline_headings(doc, lex, hits, p, le, out);
}

fn heading(
    kind: SectionKind,
    term: GoalTerm,
    start: u32,
    end: u32,
    qualifier: (u32, u32),
    known: bool,
) -> Heading {
    Heading {
        kind,
        term,
        start,
        end,
        qualifier,
        known,
        body_end: end,
        timeframe_line: None,
    }
}

/// Known headings after a sentence's end on the same line ("… today. Plan: …").
fn inline_headings(
    doc: &Doc<'_>,
    lex: &Lexicon,
    hits: &[Hit],
    from: u32,
    le: u32,
    out: &mut Vec<Heading>,
) {
    let f = doc.folded.as_bytes();
    let b = |i: u32| f.get(i as usize).copied().unwrap_or(b'\n');
    // A heading right after the heading's colon ("A: Goals: STG 1 met"), or after the end
    // of a sentence.
    let mut first = from;
    while first < le && b(first) == b' ' {
        first += 1;
    }
    let mut i = from;
    while i + 2 < le {
        let after_colon = i == from && first > from;
        let p = if after_colon {
            Some(first)
        } else if matches!(b(i), b'.' | b'!' | b'?') && b(i + 1) == b' ' {
            Some(i + 2)
        } else {
            None
        };
        if let Some(p) = p {
            // SOAP letter.
            if matches!(b(p), b's' | b'o' | b'a' | b'p') && is_upper_at(doc, p) && b(p + 1) == b':'
            {
                let kind = match b(p) {
                    b's' => SectionKind::Subjective,
                    b'o' => SectionKind::Objective,
                    b'a' => SectionKind::Assessment,
                    _ => SectionKind::Plan,
                };
                out.push(heading(kind, GoalTerm::Any, p, p + 2, (p + 1, p + 1), true));
            } else if let Some((h, kind, term)) = known_at(lex, hits, p, le) {
                // The heading's colon, right after it or after a parenthesized qualifier.
                let mut q = h.end;
                if b(q) == b' ' && b(q + 1) == b'(' {
                    q += 1;
                }
                if b(q) == b'(' {
                    while q < le && b(q) != b')' {
                        q += 1;
                    }
                    q += 1;
                }
                // Right after another heading's colon only goals are a heading of their
                // own ("A: Goals: …"; "Plan: Next session: …" is the plan's words).
                if b(q) == b':'
                    && is_upper_at(doc, p)
                    && (!after_colon || kind == SectionKind::Goals)
                    && matches!(
                        kind,
                        SectionKind::Plan
                            | SectionKind::Assessment
                            | SectionKind::Goals
                            | SectionKind::Response
                            | SectionKind::Subjective
                            | SectionKind::Objective
                            | SectionKind::Treatment
                            | SectionKind::Impression
                            | SectionKind::Recommendations
                            | SectionKind::HomeProgram
                            | SectionKind::Frequency
                    )
                {
                    out.push(heading(kind, term, p, q + 1, (h.end, q), true));
                }
            }
        }
        i += 1;
        // From here on only a sentence's end opens a heading: on to the next one.
        i += f
            .get(i as usize..le as usize)
            .and_then(|r| memchr::memchr3(b'.', b'!', b'?', r))
            .map_or(le.saturating_sub(i), |k| k as u32);
    }
}

/// Whether a standardized test's name starts at `at` ("QuickDASH: 52", "FOIS: 5"): a
/// measure with its score, not a heading.
fn test_at(lex: &Lexicon, hits: &[Hit], at: u32) -> bool {
    let i = hits.partition_point(|h| h.start < at);
    hits.get(i..)
        .unwrap_or(&[])
        .iter()
        .take_while(|h| h.start == at)
        .any(|h| lex.entry(h.entry).is_some_and(|e| e.lex == Lex::Test))
}

/// Whether a label's last word names goals ("Anticipated goals", "Rehab potential and
/// goals", "Treatment objectives").
fn ends_with_goals(label: &str) -> bool {
    // The words (runs of letters and digits) from the last one back.
    let mut words = label
        .as_bytes()
        .split(|c| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev();
    let last = words.next().unwrap_or(b"");
    if !matches!(last, b"goal" | b"goals" | b"stgs" | b"ltgs" | b"objectives") {
        return false;
    }
    // "Prognosis for the above-stated goals" is about the goals, not goals.
    let about = words.take(4).any(|w| {
        matches!(
            w,
            b"to" | b"for" | b"of" | b"toward" | b"towards" | b"with" | b"on" | b"regarding"
        )
    });
    !about
}

/// A goals label in lower case ("anticipated goals:", "revised goals (6 wks):") is a
/// heading as its capitalized spelling is: a few words and no one's goals ("her goals:",
/// "pt goals:" are the patient's; "we reviewed goals:" is a sentence).
fn plain_goals_label(label: &str) -> bool {
    let words: Vec<&str> = label
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    words.len() <= 3
        && !words.iter().any(|w| {
            matches!(
                *w,
                "her"
                    | "his"
                    | "their"
                    | "my"
                    | "our"
                    | "your"
                    | "pt"
                    | "pt's"
                    | "pts"
                    | "patient"
                    | "patient's"
                    | "client"
                    | "client's"
                    | "family"
                    | "caregiver"
                    | "parent"
                    | "parents"
                    | "we"
                    | "i"
                    | "you"
                    | "is"
                    | "are"
                    | "were"
                    | "was"
                    | "discussed"
                    | "reviewed"
                    | "set"
                    | "these"
                    | "those"
                    | "all"
            )
        })
}

/// Where the first column of a table row ends: the line `p..le` has at least two " | "
/// cell separators, or one after a first column without a colon (a table of two columns,
/// "Goal (set 11/9) | Status"; "Pain: 3/10 | Location: knee" is two fields on a line).
/// `None` for any other line.
pub(crate) fn table_row(f: &[u8], p: u32, le: u32) -> Option<u32> {
    let line = f.get(p as usize..le as usize)?;
    // The first bar written " | " and whether a second follows (no list of them is built).
    let mut first = None;
    for i in memchr::memchr_iter(b'|', line) {
        if i > 0 && line.get(i - 1) == Some(&b' ') && line.get(i + 1) == Some(&b' ') {
            if first.is_some() {
                return first.map(|at: usize| p + at as u32);
            }
            first = Some(i);
        }
    }
    // One bar: a table of two columns when the first column holds no colon.
    let first = first?;
    let two_columns = !line.get(..first).is_some_and(|c| c.contains(&b':'));
    two_columns.then(|| p + first as u32)
}

/// Whether a label states minutes or units ("18'", "25 minutes", "2 units").
fn timed(label: &str) -> bool {
    let b = label.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b.get(i).is_some_and(u8::is_ascii_digit) {
            let mut j = i;
            while b.get(j).is_some_and(u8::is_ascii_digit) {
                j += 1;
            }
            let rest = label.get(j..).unwrap_or("").trim_start();
            if rest.starts_with('\'') || rest.starts_with("min") || rest.starts_with("unit") {
                return true;
            }
            i = j;
        } else {
            i += 1;
        }
    }
    false
}

/// Whether the original character at folded `at` is a capital letter.
fn is_upper_at(doc: &Doc<'_>, at: u32) -> bool {
    doc.orig(at, at + 1)
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase())
}

/// Whether every letter of the original text for folded `a..b` is a capital.
fn is_upper_run(doc: &Doc<'_>, a: u32, b: u32) -> bool {
    let s = doc.orig(a, b);
    let mut letters = 0;
    for c in s.chars() {
        if c.is_alphabetic() {
            if !c.is_uppercase() {
                return false;
            }
            letters += 1;
        }
    }
    letters >= 2
}

/// The index of the heading whose section holds folded offset `at`.
pub(crate) fn section_at(headings: &[Heading], at: u32) -> Option<usize> {
    let i = headings.partition_point(|h| h.start <= at);
    let i = i.checked_sub(1)?;
    let h = headings.get(i)?;
    (at < h.body_end.max(h.end)).then_some(i)
}
