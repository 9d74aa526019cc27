//! Reading the note's text: one pass produces the facts the rules read (sections, goals,
//! interventions and minutes, measures, signatures, phrases).
//!
//! ## How the text is read
//!
//! 1. Headings (`S:`, `Subjective`, `Obj`, `A:`, `Impression`, `P:`, `Plan`, `STG`,
//!    `LTG 1 (8 wks):`, `Short-term goals`, …) are found at the start of a line or after a
//!    sentence's end; each opens a section that runs to the next heading. A note without
//!    headings is one narrative with no section.
//! 2. The text is cut into sentences (line ends; `.`, `!`, `?` before a space unless the word
//!    before is an abbreviation such as `mod.` or a list number such as `1.`).
//! 3. Each element's pattern (one combined regex per element, compiled once in
//!    [`TextScanner::new`]) is run once over the whole text; every match is placed in its
//!    sentence, where negation ("no", "denies", "without" … earlier in the same clause) and
//!    context (the section, specifics after a red-flag phrase) are judged.
//!
//! All spans in [`TextFacts`] are byte ranges of the text; the report converts them to UTF-16.

mod patterns;

use crate::span::Span;
use regex::Regex;
use serde::Serialize;

/// Compiled patterns. They are compiled once per process (the first `Checker`) and shared:
/// every later `TextScanner` is a cheap clone of the same compiled regexes.
#[derive(Debug, Clone)]
pub struct TextScanner {
    heading: Option<Regex>,
    timeframe: Option<Regex>,
    measurable: Option<Regex>,
    goal_sentence: Option<Regex>,
    not_a_goal: Option<Regex>,
    plan_not_goal: Option<Regex>,
    goal_status_only: Option<Regex>,
    goal_like: Option<Regex>,
    progress: Option<Regex>,
    necessity: Option<Regex>,
    skilled: Option<Regex>,
    response: Option<Regex>,
    since_last: Option<Regex>,
    plan: Option<Regex>,
    bare_continue: Option<Regex>,
    red_flag: Option<Regex>,
    specifics: Option<Regex>,
    negation: Option<Regex>,
    signature: Option<Regex>,
    credential: Option<Regex>,
    outcome: Option<Regex>,
    not_given: Option<Regex>,
    measurement: Option<Regex>,
    date: Option<Regex>,
    intervention: Option<Regex>,
    totals: Option<Regex>,
}

impl Default for TextScanner {
    fn default() -> Self {
        TextScanner::new()
    }
}

fn compile(p: &str) -> Option<Regex> {
    // A pattern that fails to compile (a bug caught by the tests) reads as "never matches"
    // rather than panicking in the editor.
    Regex::new(&patterns::ascii(p)).ok()
}

impl TextScanner {
    pub fn new() -> TextScanner {
        TextScanner::shared().clone()
    }

    /// The process-wide compiled patterns. `Checker` holds this reference rather than a
    /// clone: a cloned `Regex` starts with empty match caches (lazy DFA states), so every new
    /// checker (`checkNote` builds one per call) would rebuild them, about 15 ms in WASM.
    pub fn shared() -> &'static TextScanner {
        static COMPILED: std::sync::OnceLock<TextScanner> = std::sync::OnceLock::new();
        COMPILED.get_or_init(TextScanner::compile)
    }

    fn compile() -> TextScanner {
        use patterns as p;
        TextScanner {
            heading: compile(p::HEADING),
            timeframe: compile(p::TIMEFRAME),
            measurable: compile(p::MEASURABLE),
            goal_sentence: compile(p::GOAL_SENTENCE),
            not_a_goal: compile(p::NOT_A_GOAL),
            plan_not_goal: compile(p::PLAN_NOT_GOAL),
            goal_status_only: compile(p::GOAL_STATUS_ONLY),
            goal_like: compile(p::GOAL_LIKE),
            progress: compile(p::PROGRESS),
            necessity: compile(p::NECESSITY),
            skilled: compile(p::SKILLED),
            response: compile(p::RESPONSE),
            since_last: compile(p::SINCE_LAST),
            plan: compile(p::PLAN),
            bare_continue: compile(p::BARE_CONTINUE),
            red_flag: compile(p::RED_FLAG),
            specifics: compile(p::SPECIFICS),
            negation: compile(p::NEGATION),
            signature: compile(p::SIGNATURE),
            credential: compile(p::CREDENTIAL),
            outcome: compile(p::OUTCOME),
            not_given: compile(p::NOT_GIVEN),
            measurement: compile(p::MEASUREMENT),
            date: compile(p::DATE),
            intervention: compile(&p::intervention_pattern()),
            totals: compile(p::TOTALS),
        }
    }

    /// Whether every pattern compiled (checked by the tests).
    #[cfg_attr(not(feature = "testing"), allow(dead_code))] // read by the tests (feature `testing`)
    pub fn all_compiled(&self) -> bool {
        [
            &self.heading,
            &self.timeframe,
            &self.measurable,
            &self.goal_sentence,
            &self.not_a_goal,
            &self.plan_not_goal,
            &self.goal_status_only,
            &self.goal_like,
            &self.progress,
            &self.necessity,
            &self.skilled,
            &self.response,
            &self.since_last,
            &self.plan,
            &self.bare_continue,
            &self.red_flag,
            &self.specifics,
            &self.negation,
            &self.signature,
            &self.credential,
            &self.outcome,
            &self.not_given,
            &self.measurement,
            &self.date,
            &self.intervention,
            &self.totals,
        ]
        .iter()
        .all(|r| r.is_some())
    }

    /// Credentials named in a string (a signature or `provider.credentials`).
    pub fn credentials(&self, s: &str) -> Vec<Credential> {
        let Some(re) = &self.credential else {
            return Vec::new();
        };
        re.find_iter(s)
            .filter_map(|m| Credential::parse(m.as_str()))
            .collect()
    }

    /// Reads `text` once.
    pub fn scan(&self, text: &str) -> TextFacts {
        let mut f = TextFacts::default();
        let headings = self.headings(text);
        f.sections = headings
            .iter()
            .map(|h| SectionInfo {
                kind: h.kind,
                heading: Span::new(h.start, h.end),
            })
            .collect();
        let sentences = split_sentences(text, &headings);
        let sc = Scan {
            s: self,
            text,
            sentences: &sentences,
            headings: &headings,
        };

        f.totals(&sc);
        f.signatures = sc.signatures();
        f.interventions = sc.interventions();
        f.red_flags = sc.red_flags();
        let (goals, goal_sentence) = sc.goals();
        f.goals = goals;
        f.progress = sc.spans(&self.progress, |m, si| !sc.within_session(m, si));
        f.medical_necessity = sc.spans(&self.necessity, |m, si| {
            !sc.negated(si, m.start()) && !sc.in_then_value(si, m.start())
        });
        f.skilled = sc.spans(&self.skilled, |m, si| {
            !sc.negated(si, m.start())
                && !sc.unskilled_sense(m)
                && si.and_then(|i| sc.section_kind(i)) != Some(SectionKind::Plan)
                && !si.is_some_and(|i| goal_sentence.get(i).copied().unwrap_or(false))
        });
        f.patient_response = sc.response(&f.goals);
        f.plan = sc.plan(&f.red_flags, &f.signatures, &f.totals_spans, &goal_sentence);
        f.outcome_measures = sc.outcomes();
        f.measurements = sc.spans(&self.measurement, |_, _| true);
        f.dates = sc.spans(&self.date, |_, _| true);
        f.sentences = sentences;
        f
    }

    /// The goal in a goals heading's words before the colon, if they state one (more than
    /// a number, a timeframe and words such as "added at re-evaluation").
    fn inline_goal(&self, text: &str, start: usize, end: usize) -> Option<Span> {
        const FILLER: &[&str] = &[
            "added",
            "at",
            "re",
            "evaluation",
            "reevaluation",
            "eval",
            "set",
            "from",
            "for",
            "the",
            "next",
            "revised",
            "updated",
            "new",
            "prior",
            "status",
            "of",
            "on",
            "to",
            "be",
            "met",
            "by",
            "in",
            "within",
            "this",
            "period",
            "cert",
            "certification",
            "progress",
            "toward",
            "towards",
            "and",
            "are",
            "were",
            "as",
            "follows",
            "below",
            "s",
            "goal",
            "goals",
            "long",
            "short",
            "term",
            "weeks",
            "wks",
            "visits",
        ];
        let raw = get(text, start, end);
        // Parenthesized qualifiers ("(long-term goals, 10 weeks from evaluation)") are not goals.
        let mut rest = String::with_capacity(raw.len());
        let mut depth = 0usize;
        for c in raw.chars() {
            match c {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                _ if depth == 0 => rest.push(c.to_ascii_lowercase()),
                _ => {}
            }
        }
        if let Some(tf) = &self.timeframe {
            rest = tf.replace_all(&rest, " ").into_owned();
        }
        let words = rest
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| !w.is_empty() && !FILLER.contains(w))
            .count();
        if words < 2 {
            return None;
        }
        let lead = raw.len()
            - raw
                .trim_start_matches(|c: char| {
                    c.is_ascii_digit()
                        || c.is_whitespace()
                        || matches!(c, ',' | '#' | '.' | ')' | '-')
                })
                .len();
        let trimmed = raw.get(lead..).unwrap_or("").trim_end();
        Some(Span::new(start + lead, start + lead + trimmed.len()))
    }

    fn headings(&self, text: &str) -> Vec<Heading> {
        let Some(re) = &self.heading else {
            return Vec::new();
        };
        let mut out: Vec<Heading> = Vec::new();
        // Goal headings without their own timeframe inherit one from the goals heading above
        // of the same term ("Short-term goals (3 wks):" then "STG 1:", "STG 2:").
        let mut last_goals: Option<(GoalTerm, bool)> = None;
        for c in re.captures_iter(text) {
            let Some(all) = c.get(0) else { continue };
            let (label, kind, timeframe) = if let Some(s) = c.name("s") {
                let kind = match s.as_str() {
                    "S" => SectionKind::Subjective,
                    "O" => SectionKind::Objective,
                    "A" => SectionKind::Assessment,
                    _ => SectionKind::Plan,
                };
                (s, kind, false)
            } else if let Some(g) = c.name("g") {
                let lower = g.as_str().to_ascii_lowercase();
                let term = if lower.starts_with("st") || lower.starts_with("short") {
                    GoalTerm::Short
                } else if lower.starts_with("lt") || lower.starts_with("long") {
                    GoalTerm::Long
                } else {
                    GoalTerm::Any
                };
                let own = c.name("gr").or_else(|| c.name("gr2")).is_some_and(|r| {
                    self.timeframe
                        .as_ref()
                        .is_some_and(|t| t.is_match(r.as_str()))
                });
                let inherited = !own
                    && matches!(last_goals, Some((t, true)) if t == term || t == GoalTerm::Any)
                    && out.last().is_some_and(|h| h.kind == SectionKind::Goals);
                let tf = own || inherited;
                if !inherited {
                    last_goals = Some((term, own));
                }
                (g, SectionKind::Goals, tf)
            } else if let Some(h) = c.name("h") {
                (h, classify_heading(h.as_str()), false)
            } else {
                continue;
            };
            if kind != SectionKind::Goals {
                last_goals = None;
            }
            let inline_goal = c
                .name("gr2")
                .filter(|_| kind == SectionKind::Goals)
                .and_then(|r| self.inline_goal(text, r.start(), r.end()));
            out.push(Heading {
                start: label.start(),
                end: all.end(),
                kind,
                timeframe,
                inline_goal,
            });
        }
        out
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum GoalTerm {
    Short,
    Long,
    Any,
}

fn classify_heading(label: &str) -> SectionKind {
    let l = label.to_ascii_lowercase();
    let l = l.trim();
    let starts = |p: &[&str]| p.iter().any(|x| l.starts_with(x));
    if l.contains('/') && l.ends_with('p')
        || l.ends_with("plan") && (l.starts_with('a') || l.starts_with("imp"))
    {
        // "Assessment/Plan", "A/P": read as an assessment; its plan sentences still count
        // through the plan patterns, but a bare sentence is not taken for a plan.
        SectionKind::Assessment
    } else if starts(&[
        "patient goal",
        "pt goal",
        "subj",
        "history",
        "hx",
        "hpi",
        "chief",
        "cc",
        "patient report",
        "pt report",
    ]) {
        SectionKind::Subjective
    } else if starts(&["obj", "exam", "findings", "tests", "outcome"]) {
        SectionKind::Objective
    } else if starts(&["treatment", "tx", "intervention", "procedures"]) {
        SectionKind::Treatment
    } else if starts(&[
        "assess",
        "impression",
        "clinical",
        "analysis",
        "summary",
        "progress",
        "prognosis",
        "rehab",
        "medical",
        "skilled",
        "justification",
    ]) {
        SectionKind::Assessment
    } else if starts(&[
        "plan",
        "poc",
        "recommend",
        "recs",
        "discharge",
        "d/c",
        "next",
        "frequency",
        "duration",
    ]) {
        SectionKind::Plan
    } else if starts(&["response", "pt response", "patient response", "tolerance"]) {
        SectionKind::Response
    } else {
        SectionKind::Other
    }
}

#[derive(Debug, Clone, Copy)]
struct Heading {
    start: usize,
    end: usize,
    kind: SectionKind,
    timeframe: bool,
    /// A goal written in the heading itself: "Goal 1, ascend 12 stairs in 6 weeks: met".
    inline_goal: Option<Span>,
}

/// The kind of a section of the note.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum SectionKind {
    Subjective,
    Objective,
    Treatment,
    Assessment,
    Plan,
    Goals,
    Response,
    Other,
}

/// A heading found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SectionInfo {
    pub kind: SectionKind,
    /// The heading's words and colon.
    pub heading: Span,
}

/// A sentence (or list item, or line) of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    /// Index into [`TextFacts::sections`] of the heading above it.
    pub section: Option<usize>,
    /// A blank line comes before it.
    pub blank_before: bool,
}

/// A goal and what it states.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Goal {
    pub span: Span,
    /// States a number, distance, assist level, score, degrees, reps, % or time.
    pub measurable: bool,
    /// States when ("in 4 weeks", "by discharge", or its goals heading does).
    pub timeframe: bool,
}

/// Professional credentials, by the role they qualify for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Credential {
    PT,
    PTA,
    OT,
    OTA,
    SLP,
    SLPA,
    Student,
}

impl Credential {
    pub fn parse(token: &str) -> Option<Credential> {
        Some(match token {
            "PT" | "DPT" | "MPT" | "MSPT" => Credential::PT,
            "PTA" | "LPTA" => Credential::PTA,
            "OTR/L" | "OTR" | "OT/L" | "OTD" | "OT-L" | "OTL" | "OT" => Credential::OT,
            "COTA/L" | "COTA" | "OTA" => Credential::OTA,
            "CCC-SLP" | "CF-SLP" | "SLP" => Credential::SLP,
            "SLPA" | "SLP-A" => Credential::SLPA,
            "SPT" | "SPTA" | "OTS" => Credential::Student,
            _ => return None,
        })
    }
}

impl Credential {
    /// Whether this credential qualifies for `role` (students may sign with any credential
    /// when co-signed; their own or their supervisor's).
    pub fn fits(self, role: crate::note::Role) -> bool {
        use crate::note::Role;
        match role {
            Role::PT => self == Credential::PT,
            Role::PTA => self == Credential::PTA,
            Role::OT => self == Credential::OT,
            Role::OTA => self == Credential::OTA,
            Role::SLP => self == Credential::SLP,
            Role::SLPA => self == Credential::SLPA,
            Role::Student => true,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Credential::PT => "PT",
            Credential::PTA => "PTA",
            Credential::OT => "OT",
            Credential::OTA => "OTA",
            Credential::SLP => "SLP",
            Credential::SLPA => "SLPA",
            Credential::Student => "student",
        }
    }
}

/// The credentials named in a field such as `provider.credentials` ("PT, DPT", "OTR/L",
/// "MS, CCC-SLP").
pub fn credentials_in(s: &str) -> Vec<Credential> {
    let mut out = Vec::new();
    for token in s
        .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|t| !t.is_empty())
    {
        let token = token.trim_matches(|c: char| c == '.' || c == '(' || c == ')');
        if let Some(c) = Credential::parse(token) {
            out.push(c);
        } else {
            out.extend(token.split('/').filter_map(Credential::parse));
        }
    }
    out
}

/// A signature line with credentials.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    pub span: Span,
    pub credentials: Vec<Credential>,
}

/// A number written in the text, where it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub value: u32,
    pub span: Span,
}

/// An intervention (or code) with minutes or units written beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Intervention {
    /// The codes the words can be billed as (e-stim: 97032, G0283 or 97014).
    pub codes: Vec<&'static str>,
    pub span: Span,
    pub minutes: Option<Mention>,
    pub units: Option<Mention>,
}

/// Kinds of red-flag phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RedFlagKind {
    ToleratedWell,
    ContinuePoc,
    DoingWell,
    Progressing,
    NoSignificantChange,
    NoNewComplaints,
    Flowsheet,
    Maintenance,
    AsTolerated,
    GeneralConditioning,
}

/// A red-flag phrase with nothing specific after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RedFlag {
    pub span: Span,
    pub kind: RedFlagKind,
}

/// What the text documents (byte spans).
#[derive(Debug, Clone, Default)]
pub struct TextFacts {
    /// Total treatment time written in the text ("Total treatment time: 45 min").
    pub total_treatment_minutes: Option<u32>,
    /// Total treatment time, with where it is written.
    pub total_treatment: Option<Mention>,
    /// Total timed minutes written in the text ("Total timed minutes: 40").
    pub total_timed: Option<Mention>,
    pub sections: Vec<SectionInfo>,
    pub sentences: Vec<Sentence>,
    pub goals: Vec<Goal>,
    pub progress: Vec<Span>,
    pub medical_necessity: Vec<Span>,
    pub skilled: Vec<Span>,
    pub patient_response: Vec<Span>,
    pub plan: Vec<Span>,
    pub signatures: Vec<Signature>,
    pub outcome_measures: Vec<Span>,
    pub measurements: Vec<Span>,
    pub dates: Vec<Span>,
    pub red_flags: Vec<RedFlag>,
    pub interventions: Vec<Intervention>,
    totals_spans: Vec<Span>,
}

impl TextFacts {
    /// The heading of the first section of `kind`, if any.
    pub fn heading(&self, kind: SectionKind) -> Option<Span> {
        self.sections
            .iter()
            .find(|s| s.kind == kind)
            .map(|s| s.heading)
    }

    fn totals(&mut self, sc: &Scan<'_>) {
        let Some(re) = &sc.s.totals else { return };
        for c in re.captures_iter(sc.text) {
            let (Some(all), Some(n)) = (c.get(0), c.name("n")) else {
                continue;
            };
            let Ok(value) = n.as_str().parse::<u32>() else {
                continue;
            };
            let mention = Mention {
                value,
                span: Span::new(n.start(), n.end()),
            };
            self.totals_spans.push(Span::new(all.start(), all.end()));
            if c.name("timed").is_some() || c.name("timed2").is_some() {
                self.total_timed.get_or_insert(mention);
            } else {
                self.total_treatment.get_or_insert(mention);
            }
        }
        self.total_treatment_minutes = self.total_treatment.map(|m| m.value);
    }
}

/// One scan's working state.
struct Scan<'a> {
    s: &'a TextScanner,
    text: &'a str,
    sentences: &'a [Sentence],
    headings: &'a [Heading],
}

fn get(text: &str, a: usize, b: usize) -> &str {
    text.get(a..b).unwrap_or("")
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

impl Scan<'_> {
    /// The sentence holding byte `at`.
    fn sentence_of(&self, at: usize) -> Option<usize> {
        let n = self.sentences.partition_point(|s| s.span.start <= at);
        let i = n.checked_sub(1)?;
        self.sentences
            .get(i)
            .filter(|s| at < s.span.end.max(s.span.start + 1))
            .map(|_| i)
    }

    fn section_kind(&self, si: usize) -> Option<SectionKind> {
        let sec = self.sentences.get(si)?.section?;
        self.headings.get(sec).map(|h| h.kind)
    }

    /// Whether a negation comes before byte `at` in the same clause of sentence `si`.
    fn negated(&self, si: Option<usize>, at: usize) -> bool {
        let Some(neg) = &self.s.negation else {
            return false;
        };
        let start = si
            .and_then(|i| self.sentences.get(i))
            .map_or(0, |s| s.span.start);
        let from = floor_boundary(self.text, at.saturating_sub(48).max(start));
        neg.is_match(get(self.text, from, at))
    }

    /// A change within today's session ("graded from 3 to 5", "increased metronome from 120
    /// to 140 bpm", "10 sessions since eval"), not a comparison with an earlier visit.
    fn within_session(&self, m: &regex::Match<'_>, si: Option<usize>) -> bool {
        let w = m.as_str().to_ascii_lowercase();
        let count = w
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .trim_start();
        if w.starts_with(|c: char| c.is_ascii_digit())
            && [
                "sessions",
                "visits",
                "treatments",
                "tx",
                "weeks",
                "wks",
                "days",
                "months",
                "times",
            ]
            .iter()
            .any(|x| count.starts_with(x))
        {
            return true;
        }
        if !(w.starts_with("from") || w.contains('→') || w.contains("->") || w.contains("=>")) {
            return false;
        }
        let start = si
            .and_then(|i| self.sentences.get(i))
            .map_or(0, |s| s.span.start);
        let end = si
            .and_then(|i| self.sentences.get(i))
            .map_or(self.text.len(), |s| s.span.end);
        let before = get(
            self.text,
            floor_boundary(self.text, m.start().saturating_sub(40).max(start)),
            m.start(),
        )
        .to_ascii_lowercase();
        let session_verb = [
            "graded",
            "increased",
            "advanced",
            "progressed",
            "progresed",
            "raised",
            "lowered",
            "titrated",
            "dropped",
            "changed",
            "moved",
            "upgraded",
            "downgraded",
            "faded",
            "reduced",
        ]
        .iter()
        .any(|v| before.contains(v));
        let sentence = get(self.text, start, end).to_ascii_lowercase();
        let over_time = [
            "eval",
            "baseline",
            "initial",
            "admission",
            "soc",
            "last visit",
            "last week",
            "last session",
            "previous",
            "prior",
            "since",
            "ie ",
            "(ie",
            "at start",
            "last report",
            "last pn",
        ]
        .iter()
        .any(|x| sentence.contains(x));
        session_verb && !over_time
    }

    /// Whether byte `at` sits inside an earlier value in parentheses: "(was 2 requiring assistance)".
    fn in_then_value(&self, si: Option<usize>, at: usize) -> bool {
        let start = si
            .and_then(|i| self.sentences.get(i))
            .map_or(0, |s| s.span.start);
        let from = floor_boundary(self.text, at.saturating_sub(40).max(start));
        let before = get(self.text, from, at).to_ascii_lowercase();
        before.rfind('(').is_some_and(|i| {
            !before.get(i..).unwrap_or("").contains(')')
                && before.get(i..).unwrap_or("").contains("was ")
        })
    }

    /// Words matched by the skilled pattern in a sense that is not skill ("modified
    /// independent", "disease progression").
    fn unskilled_sense(&self, m: &regex::Match<'_>) -> bool {
        let w = m.as_str().to_ascii_lowercase();
        let after =
            get(self.text, m.end(), ceil_boundary(self.text, m.end() + 6)).to_ascii_lowercase();
        let before = get(
            self.text,
            floor_boundary(self.text, m.start().saturating_sub(10)),
            m.start(),
        )
        .to_ascii_lowercase();
        (w.starts_with("modif")
            && (after.trim_start().starts_with("ind")
                || after.trim_start().starts_with("i ")
                || after.trim_start().starts_with("i,")
                || after.trim_start().starts_with("i.")))
            || (w == "progression" && before.ends_with("disease "))
    }

    /// Spans of `re`'s matches kept by `keep(match, sentence index)`.
    fn spans(
        &self,
        re: &Option<Regex>,
        keep: impl Fn(&regex::Match<'_>, Option<usize>) -> bool,
    ) -> Vec<Span> {
        let Some(re) = re else { return Vec::new() };
        re.find_iter(self.text)
            .filter(|m| keep(m, self.sentence_of(m.start())))
            .map(|m| Span::new(m.start(), m.end()))
            .collect()
    }

    fn sentence_text(&self, si: usize) -> &str {
        self.sentences
            .get(si)
            .map_or("", |s| get(self.text, s.span.start, s.span.end))
    }

    fn signatures(&self) -> Vec<Signature> {
        let Some(re) = &self.s.signature else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for c in re.captures_iter(self.text) {
            let (Some(name), Some(creds)) = (c.name("name"), c.name("creds")) else {
                continue;
            };
            let credentials = self.s.credentials(creds.as_str());
            if credentials.is_empty() {
                continue;
            }
            out.push(Signature {
                span: Span::new(name.start(), creds.end()),
                credentials,
            });
        }
        out
    }

    fn interventions(&self) -> Vec<Intervention> {
        let Some(re) = &self.s.intervention else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let num = |m: Option<regex::Match<'_>>| -> Option<Mention> {
            let m = m?;
            Some(Mention {
                value: m.as_str().parse().ok()?,
                span: Span::new(m.start(), m.end()),
            })
        };
        for c in re.captures_iter(self.text) {
            let name = ["n1", "n2", "n3"].iter().find_map(|g| c.name(g));
            let code = ["c4", "c5"].iter().find_map(|g| c.name(g));
            let (codes, span) = if let Some(n) = name {
                (codes_for_name(n.as_str()), Span::new(n.start(), n.end()))
            } else if let Some(k) = code {
                let codes = crate::policy::codes::lookup(k.as_str())
                    .map(|i| vec![i.code])
                    .unwrap_or_default();
                (codes, Span::new(k.start(), k.end()))
            } else {
                continue;
            };
            if codes.is_empty() {
                continue;
            }
            let minutes = num(c
                .name("m1")
                .or_else(|| c.name("m2"))
                .or_else(|| c.name("m5")));
            let units = num(c
                .name("u3")
                .or_else(|| c.name("u4a"))
                .or_else(|| c.name("u4b"))
                .or_else(|| c.name("u4c")));
            if minutes.is_none() && units.is_none() {
                continue;
            }
            out.push(Intervention {
                codes,
                span,
                minutes,
                units,
            });
        }
        out
    }

    fn red_flags(&self) -> Vec<RedFlag> {
        let mut out = Vec::new();
        if let Some(re) = &self.s.red_flag {
            for c in re.captures_iter(self.text) {
                let Some(all) = c.get(0) else { continue };
                let kind = if c.name("tolerated").is_some() {
                    RedFlagKind::ToleratedWell
                } else if c.name("continue").is_some() {
                    RedFlagKind::ContinuePoc
                } else if c.name("doing_well").is_some() {
                    RedFlagKind::DoingWell
                } else if c.name("progressing").is_some() {
                    RedFlagKind::Progressing
                } else if c.name("no_change").is_some() {
                    RedFlagKind::NoSignificantChange
                } else if c.name("no_complaints").is_some() {
                    RedFlagKind::NoNewComplaints
                } else if c.name("flowsheet").is_some() {
                    RedFlagKind::Flowsheet
                } else if c.name("maintenance").is_some() {
                    RedFlagKind::Maintenance
                } else if c.name("as_tolerated").is_some() {
                    RedFlagKind::AsTolerated
                } else {
                    RedFlagKind::GeneralConditioning
                };
                let si = self.sentence_of(all.start());
                let sent_end = si
                    .and_then(|i| self.sentences.get(i))
                    .map_or(self.text.len(), |s| s.span.end);
                let before_from = si
                    .and_then(|i| self.sentences.get(i))
                    .map_or(0, |s| s.span.start);
                let before = get(self.text, before_from, all.start()).to_ascii_lowercase();
                match kind {
                    RedFlagKind::ToleratedWell
                    | RedFlagKind::DoingWell
                    | RedFlagKind::Progressing
                        if self.negated(si, all.start()) =>
                    {
                        continue
                    }
                    RedFlagKind::Maintenance if before.contains("skilled") => continue,
                    // "home maintenance" (an IADL), "maintenance worker" (an occupation).
                    RedFlagKind::Maintenance
                        if [
                            "home ",
                            "house ",
                            "household ",
                            "yard ",
                            "lawn ",
                            "car ",
                            "building ",
                        ]
                        .iter()
                        .any(|w| before.ends_with(w))
                            || {
                                let after = get(
                                    self.text,
                                    all.end(),
                                    ceil_boundary(self.text, all.end() + 12),
                                )
                                .to_ascii_lowercase();
                                [
                                    "worker",
                                    "man",
                                    "job",
                                    "staff",
                                    "crew",
                                    "department",
                                    "mechanic",
                                    "tasks",
                                    "work",
                                ]
                                .iter()
                                .any(|w| after.trim_start().starts_with(w))
                            } =>
                    {
                        continue
                    }
                    // "weight bearing as tolerated" is a precaution, not a plan.
                    RedFlagKind::AsTolerated
                        if [
                            "weight bearing ",
                            "weight-bearing ",
                            "weightbearing ",
                            "wb ",
                            "diet ",
                            "activity ",
                        ]
                        .iter()
                        .any(|w| before.ends_with(w)) =>
                    {
                        continue
                    }
                    _ => {}
                }
                let after = get(self.text, all.end(), sent_end);
                if self.s.specifics.as_ref().is_some_and(|r| r.is_match(after)) {
                    continue;
                }
                out.push(RedFlag {
                    span: Span::new(all.start(), all.end()),
                    kind,
                });
            }
        }
        // "P: cont": a plan that says only "continue".
        if let Some(bare) = &self.s.bare_continue {
            for (si, s) in self.sentences.iter().enumerate() {
                if self.section_kind(si) == Some(SectionKind::Plan)
                    && bare.is_match(get(self.text, s.span.start, s.span.end))
                    && !out
                        .iter()
                        .any(|r| r.span.start >= s.span.start && r.span.start < s.span.end)
                {
                    let t = get(self.text, s.span.start, s.span.end);
                    let trimmed_end =
                        s.span.start + t.trim_end_matches(|c: char| !c.is_alphanumeric()).len();
                    out.push(RedFlag {
                        span: Span::new(s.span.start, trimmed_end),
                        kind: RedFlagKind::ContinuePoc,
                    });
                }
            }
            out.sort_by_key(|r| r.span.start);
        }
        out
    }

    /// The goals, and for each sentence whether it states goals.
    fn goals(&self) -> (Vec<Goal>, Vec<bool>) {
        let mut out = Vec::new();
        let mut goal_sentence = vec![false; self.sentences.len()];
        let (Some(tf), Some(meas)) = (&self.s.timeframe, &self.s.measurable) else {
            return (out, goal_sentence);
        };
        let mut closed_section: Option<usize> = None;
        let mut items_in_section: (Option<usize>, usize) = (None, 0);
        for (si, s) in self.sentences.iter().enumerate() {
            let in_goals =
                self.section_kind(si) == Some(SectionKind::Goals) && s.section != closed_section;
            if in_goals {
                if items_in_section.0 != s.section {
                    items_in_section = (s.section, 0);
                }
                let first_in_section =
                    si == 0 || self.sentences.get(si - 1).map(|p| p.section) != Some(s.section);
                if first_in_section {
                    if let Some(g) = s
                        .section
                        .and_then(|i| self.headings.get(i))
                        .and_then(|h| h.inline_goal)
                    {
                        items_in_section.1 += 1;
                        let section_tf = s
                            .section
                            .and_then(|i| self.headings.get(i))
                            .is_some_and(|h| h.timeframe);
                        out.push(judge_goal(
                            get(self.text, g.start, g.end),
                            g,
                            section_tf,
                            tf,
                            meas,
                        ));
                    }
                }
                let t = get(self.text, s.span.start, s.span.end);
                let looks_like_goal = first_in_section
                    || self.s.goal_like.as_ref().is_some_and(|r| r.is_match(t))
                    || tf.is_match(t)
                    || self
                        .s
                        .goal_status_only
                        .as_ref()
                        .is_some_and(|r| r.is_match(t));
                if (items_in_section.1 > 0 && s.blank_before) || !looks_like_goal {
                    closed_section = s.section;
                    continue;
                }
                let section_tf = s
                    .section
                    .and_then(|i| self.headings.get(i))
                    .is_some_and(|h| h.timeframe);
                for item in split_items(self.text, s.span) {
                    let t = get(self.text, item.start, item.end);
                    if self
                        .s
                        .goal_status_only
                        .as_ref()
                        .is_some_and(|r| r.is_match(t))
                        || self.s.not_a_goal.as_ref().is_some_and(|r| r.is_match(t))
                        || t.split_whitespace().count() < 2
                    {
                        continue;
                    }
                    items_in_section.1 += 1;
                    if let Some(g) = goal_sentence.get_mut(si) {
                        *g = true;
                    }
                    out.push(judge_goal(t, item, section_tf, tf, meas));
                }
            } else {
                let t = get(self.text, s.span.start, s.span.end);
                if self.s.goal_sentence.as_ref().is_some_and(|r| r.is_match(t))
                    && tf.is_match(t)
                    && !self.s.plan_not_goal.as_ref().is_some_and(|r| r.is_match(t))
                {
                    if let Some(g) = goal_sentence.get_mut(si) {
                        *g = true;
                    }
                    out.push(judge_goal(t, s.span, false, tf, meas));
                }
            }
        }
        (out, goal_sentence)
    }

    fn response(&self, goals: &[Goal]) -> Vec<Span> {
        let mut out = Vec::new();
        if let Some(re) = &self.s.response {
            for m in re.find_iter(self.text) {
                // A target inside a goal ("with 90% accuracy") is not today's response.
                if goals
                    .iter()
                    .any(|g| g.span.start <= m.start() && m.end() <= g.span.end)
                {
                    continue;
                }
                let si = self.sentence_of(m.start());
                if let Some(i) = si {
                    if self.section_kind(i) == Some(SectionKind::Subjective)
                        && !self
                            .s
                            .since_last
                            .as_ref()
                            .is_some_and(|r| r.is_match(self.sentence_text(i)))
                    {
                        continue;
                    }
                }
                out.push(Span::new(m.start(), m.end()));
            }
        }
        for (si, s) in self.sentences.iter().enumerate() {
            if self.section_kind(si) == Some(SectionKind::Response)
                && self.sentence_text(si).split_whitespace().count() >= 2
            {
                out.push(s.span);
            }
        }
        out.sort();
        out.dedup();
        out
    }

    fn plan(
        &self,
        red_flags: &[RedFlag],
        signatures: &[Signature],
        totals: &[Span],
        goal_sentence: &[bool],
    ) -> Vec<Span> {
        fn inside(sp: &Span, list: impl IntoIterator<Item = Span>) -> bool {
            list.into_iter()
                .any(|r| sp.start < r.end && r.start < sp.end)
        }
        let mut out: Vec<Span> = self
            .spans(&self.s.plan, |_, si| {
                si.and_then(|i| self.section_kind(i)) != Some(SectionKind::Subjective)
                    && !si.is_some_and(|i| goal_sentence.get(i).copied().unwrap_or(false))
            })
            .into_iter()
            .filter(|sp| !inside(sp, red_flags.iter().map(|r| r.span)))
            .collect();
        const FILLER: &[&str] = &[
            "pt",
            "patient",
            "the",
            "with",
            "per",
            "and",
            "to",
            "of",
            "as",
            "well",
            "is",
            "tolerating",
            "tolerated",
            "continue",
            "cont",
            "poc",
            "plan",
            "care",
            "current",
            "skilled",
            "therapy",
            "tx",
            "treatment",
            "same",
            "above",
            "a",
            "in",
            "on",
            "doing",
            "pt.",
            "will",
            "be",
            "&",
            "w/",
        ];
        for (si, s) in self.sentences.iter().enumerate() {
            if self.section_kind(si) != Some(SectionKind::Plan)
                || inside(&s.span, signatures.iter().map(|g| g.span))
                || inside(&s.span, totals.iter().copied())
                || is_time_line(self.sentence_text(si))
            {
                continue;
            }
            // The sentence without its red-flag phrases.
            let mut words = 0;
            let mut pos = s.span.start;
            let mut pieces: Vec<(usize, usize)> = Vec::new();
            for r in red_flags
                .iter()
                .filter(|r| r.span.start >= s.span.start && r.span.end <= s.span.end)
            {
                pieces.push((pos, r.span.start));
                pos = r.span.end;
            }
            pieces.push((pos, s.span.end));
            for (a, b) in pieces {
                words += get(self.text, a, b)
                    .split(|c: char| !c.is_alphanumeric() && c != '/' && c != '&')
                    .filter(|w| !w.is_empty() && !FILLER.contains(&w.to_ascii_lowercase().as_str()))
                    .count();
            }
            if words >= 3 {
                out.push(s.span);
            }
        }
        out.sort();
        out.dedup();
        out
    }

    fn outcomes(&self) -> Vec<Span> {
        let Some(re) = &self.s.outcome else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for m in re.find_iter(self.text) {
            // The score: a number after the name on the same line (before the sentence
            // ends), or "scored 44/56 on the Berg".
            let line_end = self
                .text
                .get(m.end()..)
                .and_then(|r| r.find('\n'))
                .map_or(self.text.len(), |i| m.end() + i);
            let win_end = floor_boundary(self.text, line_end.min(m.end() + 48));
            let after = get(self.text, m.end(), win_end);
            let digit_at = after.find(|c: char| c.is_ascii_digit());
            let not_given = self
                .s
                .not_given
                .as_ref()
                .and_then(|r| r.find(after))
                .map(|g| g.start());
            // A comparator right after the name makes the number a target ("ODI ≤ 20%"), and
            // "not reassessed"/"declined" in the same stretch means no score was obtained.
            let head = after
                .trim_start_matches([' ', ':', '\t', '-'])
                .trim_start_matches("score")
                .trim_start();
            let target = ['≤', '≥', '<', '>'].iter().any(|c| head.starts_with(*c))
                || [
                    "at or below",
                    "at or above",
                    "below",
                    "above",
                    "under",
                    "over",
                    "of at least",
                    "at least",
                ]
                .iter()
                .any(|w| head.to_ascii_lowercase().starts_with(w));
            let reported = ["(", "→", "->", "now", "today", "current"]
                .iter()
                .any(|w| after.contains(w));
            let scored_after = digit_at.is_some() && not_given.is_none() && (!target || reported);
            let before = get(
                self.text,
                floor_boundary(self.text, m.start().saturating_sub(30)),
                m.start(),
            )
            .to_ascii_lowercase();
            let scored_before = before.contains(|c: char| c.is_ascii_digit())
                && (before.ends_with("on ")
                    || before.ends_with("on the ")
                    || before.ends_with("in "));
            if scored_after {
                let d = digit_at.unwrap_or(0);
                let rest = get(self.text, m.end() + d, win_end);
                let num_len = rest
                    .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '/' || c == '%'))
                    .unwrap_or(rest.len());
                let end = m.end()
                    + d
                    + rest
                        .get(..num_len)
                        .map_or(0, |s| s.trim_end_matches(['.', '/']).len());
                out.push(Span::new(m.start(), end));
            } else if scored_before {
                out.push(Span::new(m.start(), m.end()));
            }
        }
        out
    }
}

/// "Eval 45 min.", "Re-eval 20', total timed 15'", "Evaluation time 55 minutes": billing time, not a plan.
fn is_time_line(t: &str) -> bool {
    let l = t.trim_start().to_ascii_lowercase();
    [
        "eval",
        "re-eval",
        "reeval",
        "evaluation",
        "re-evaluation",
        "treatment time",
        "total",
    ]
    .iter()
    .any(|p| l.starts_with(p))
        && l.contains(|c: char| c.is_ascii_digit())
        && l.len() < 80
}

fn judge_goal(t: &str, span: Span, section_tf: bool, tf: &Regex, meas: &Regex) -> Goal {
    // Take the timeframe out before looking for a target: "in 4 weeks" is not a target.
    let mut rest = String::with_capacity(t.len());
    let mut last = 0;
    let mut has_tf = false;
    for m in tf.find_iter(t) {
        has_tf = true;
        rest.push_str(t.get(last..m.start()).unwrap_or(""));
        rest.push(' ');
        last = m.end();
    }
    rest.push_str(t.get(last..).unwrap_or(""));
    let mut lower = rest.to_ascii_lowercase();
    for vague in [
        "more independent",
        "more independently",
        "increased independence",
        "increase independence",
        "improve independence",
        "improved independence",
        "less dependent",
    ] {
        lower = lower.replace(vague, " ");
    }
    Goal {
        span,
        measurable: meas.is_match(&lower),
        timeframe: has_tf || section_tf,
    }
}

/// The items of a goals-section sentence: split on `;` and stripped of bullets and numbers.
fn split_items(text: &str, s: Span) -> Vec<Span> {
    let t = get(text, s.start, s.end);
    let mut out = Vec::new();
    let mut from = 0;
    let bytes = t.as_bytes();
    let mut cuts: Vec<usize> = t.match_indices(';').map(|(i, _)| i).collect();
    // Numbered items on one line: " 2) ", " (2) ", " 2. " after the first.
    for i in 1..bytes.len() {
        let prev = bytes.get(i - 1).copied().unwrap_or(b'x');
        if prev == b' ' {
            let d = bytes.get(i).copied().unwrap_or(b'x');
            let n1 = bytes.get(i + 1).copied().unwrap_or(b'x');
            let n2 = bytes.get(i + 2).copied().unwrap_or(b'x');
            let is_num = d.is_ascii_digit() && (n1 == b')' || (n1 == b'.' && n2 == b' '))
                || (d == b'(' && n1.is_ascii_digit() && n2 == b')');
            if is_num {
                cuts.push(i - 1);
            }
        }
    }
    cuts.sort_unstable();
    cuts.push(t.len());
    for c in cuts {
        let piece = t.get(from..c).unwrap_or("");
        let lead = piece.len() - piece.trim_start().len();
        let mut p = piece.trim_start();
        let mut start = from + lead;
        // Bullets and numbers.
        loop {
            let before = p.len();
            p = p.trim_start_matches(['-', '*', '•', '·', '>', ';', ' ', '\t']);
            for bx in ["[x]", "[X]", "[ ]", "[]", "[✓]", "[✔]"] {
                if let Some(r) = p.strip_prefix(bx) {
                    p = r;
                }
            }
            let digits = p.bytes().take_while(u8::is_ascii_digit).count();
            if digits > 0
                && digits <= 2
                && matches!(p.as_bytes().get(digits), Some(b')' | b'.' | b':'))
            {
                p = p.get(digits + 1..).unwrap_or("");
            } else if p.starts_with('(') && p.as_bytes().get(2) == Some(&b')') {
                p = p.get(3..).unwrap_or("");
            } else if p.starts_with('#') && p.as_bytes().get(1).is_some_and(u8::is_ascii_digit) {
                p = p.get(2..).unwrap_or("").trim_start_matches([':', ')', '.']);
            }
            start += before - p.len();
            if p.len() == before {
                break;
            }
        }
        let p = p.trim_end();
        if !p.is_empty() {
            out.push(Span::new(s.start + start, s.start + start + p.len()));
        }
        from = c + 1;
    }
    out
}

/// Codes an intervention's words can be billed as.
fn codes_for_name(name: &str) -> Vec<&'static str> {
    let n: String = name
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '/')
        .collect::<String>();
    let lower = n.to_ascii_lowercase();
    let is = |p: &[&str]| p.iter().any(|x| lower.starts_with(x));
    let codes: &[&'static str] = if n == "TE" {
        &["97110"]
    } else if n == "US" {
        &["97035"]
    } else if n == "STM" {
        &["97140"]
    } else if n.starts_with("NMR") {
        &["97112"]
    } else if n == "NMES" || n == "IFC" || n == "TENS" {
        &["97032", "G0283", "97014"]
    } else if n == "MHP" {
        &["97010"]
    } else if is(&["therapeuticex", "therex"]) {
        &["97110"]
    } else if is(&["neuromuscular", "neurore"]) {
        &["97112"]
    } else if is(&["gait"]) {
        &["97116"]
    } else if is(&["manual", "softtissue", "jointmob", "mobs", "mobilization"]) {
        &["97140"]
    } else if is(&["therapeuticact", "theract"]) {
        &["97530"]
    } else if is(&["selfcare", "adl"]) {
        &["97535"]
    } else if is(&["ultrasound"]) {
        &["97035"]
    } else if is(&["estim", "electricalstim"]) {
        &["97032", "G0283", "97014"]
    } else if is(&["ionto"]) {
        &["97033"]
    } else if is(&["aquatic"]) {
        &["97113"]
    } else if is(&["massage"]) {
        &["97124"]
    } else if is(&["cognitive"]) {
        &["97129", "97130"]
    } else if is(&["speech", "language"]) {
        &["92507"]
    } else if is(&["dysphagia", "swallow"]) {
        &["92526"]
    } else if is(&["orthotic"]) {
        &["97760", "97763"]
    } else if is(&["wheelchair"]) {
        &["97542"]
    } else if is(&["hotpack", "coldpack", "icepack"]) {
        &["97010"]
    } else if is(&["group"]) {
        &["97150"]
    } else if is(&["physicalperformance"]) {
        &["97750"]
    } else {
        &[]
    };
    codes.to_vec()
}

/// Abbreviations whose period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mod", "min", "max", "approx", "pt", "dr", "vs", "eg", "ie", "etc", "wk", "wks", "sec", "st",
    "no", "yrs", "yr", "mo", "mos", "hr", "hrs", "bil", "assist", "ind", "indep", "sup", "sig",
    "dx", "tx", "ex", "ther", "cont", "prev", "gr", "approx", "rt", "lt", "amb", "b", "w", "e",
    "i",
];

fn split_sentences(text: &str, headings: &[Heading]) -> Vec<Sentence> {
    let mut out: Vec<Sentence> = Vec::new();
    let bytes = text.as_bytes();
    let mut last_end = 0usize;
    let push = |out: &mut Vec<Sentence>,
                a: usize,
                b: usize,
                section: Option<usize>,
                last_end: &mut usize| {
        let t = get(text, a, b);
        let lead = t.len() - t.trim_start().len();
        let t = t.trim();
        if t.is_empty() {
            return;
        }
        let start = a + lead;
        let gap = get(text, (*last_end).min(start), start);
        let blank_before = gap.matches('\n').count() >= 2;
        out.push(Sentence {
            span: Span::new(start, start + t.len()),
            section,
            blank_before,
        });
        *last_end = start + t.len();
    };
    let n = headings.len();
    for k in 0..=n {
        let chunk_start = if k == 0 {
            0
        } else {
            headings.get(k - 1).map_or(0, |h| h.end)
        };
        let chunk_end = headings
            .get(k)
            .map_or(text.len(), |h| h.start)
            .max(chunk_start);
        let section = k.checked_sub(1);
        let mut s = chunk_start;
        let mut i = chunk_start;
        while i < chunk_end {
            let b = bytes.get(i).copied().unwrap_or(b' ');
            if b == b'\n' {
                push(&mut out, s, i, section, &mut last_end);
                s = i + 1;
            } else if matches!(b, b'.' | b'!' | b'?') {
                let next = bytes.get(i + 1).copied();
                let ends = next.map_or(true, |c| c.is_ascii_whitespace()) || i + 1 == chunk_end;
                if ends && !abbreviation_before(text, s, i) {
                    push(&mut out, s, i + 1, section, &mut last_end);
                    s = i + 1;
                }
            }
            i += 1;
        }
        push(&mut out, s, chunk_end, section, &mut last_end);
    }
    out
}

/// Whether the `.` at `dot` follows an abbreviation or a list number at the sentence start.
fn abbreviation_before(text: &str, sentence_start: usize, dot: usize) -> bool {
    let bytes = text.as_bytes();
    let mut j = dot;
    while j > sentence_start && bytes.get(j - 1).is_some_and(|c| c.is_ascii_alphanumeric()) {
        j -= 1;
    }
    let word = get(text, j, dot);
    if word.is_empty() {
        return false;
    }
    if word.bytes().all(|c| c.is_ascii_digit()) {
        // "1." opening a list item.
        return get(text, sentence_start, j).trim().is_empty() && word.len() <= 2;
    }
    if word.len() == 1 {
        return true;
    }
    let lower = word.to_ascii_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

/// Whether `text` contains a progress report: a heading line "Progress report", "Progress
/// note" or "Reporting period" (alone, or followed by a colon, a dash, or a note in brackets
/// and a colon). Read by `episode/progress-report-due` and by the episode's count of
/// reporting periods.
pub fn contains_progress_report(text: &str) -> bool {
    find_progress_report(text).is_some()
}

/// Where the first progress-report heading of [`contains_progress_report`] is (bytes of
/// `text`), for the drafting checklist's span.
pub fn find_progress_report(text: &str) -> Option<crate::span::Span> {
    static RE: std::sync::OnceLock<Option<Regex>> = std::sync::OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?im)^[ \t>*#-]*(progress\s+(report|note)|reporting\s+period)\b[ \t]*(\([^)\n]*\))?[ \t]*(:|$|[-–—][ \t])").ok()
    })
    .as_ref()
    .and_then(|re| re.find(text))
    .map(|m| crate::span::Span::new(m.start(), m.end()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pattern_compiles() {
        let s = TextScanner::new();
        for (name, p) in [
            ("heading", patterns::HEADING.to_string()),
            ("timeframe", patterns::TIMEFRAME.to_string()),
            ("measurable", patterns::MEASURABLE.to_string()),
            ("progress", patterns::PROGRESS.to_string()),
            ("necessity", patterns::NECESSITY.to_string()),
            ("skilled", patterns::SKILLED.to_string()),
            ("response", patterns::RESPONSE.to_string()),
            ("plan", patterns::PLAN.to_string()),
            ("red_flag", patterns::RED_FLAG.to_string()),
            ("signature", patterns::SIGNATURE.to_string()),
            ("outcome", patterns::OUTCOME.to_string()),
            ("intervention", patterns::intervention_pattern()),
            ("totals", patterns::TOTALS.to_string()),
        ] {
            if let Err(e) = Regex::new(&patterns::ascii(&p)) {
                unreachable!("{name}: {e}");
            }
        }
        assert!(s.all_compiled());
    }

    #[test]
    fn sentences_keep_abbreviations_and_list_numbers() {
        let t = "Goals:\n1. Pt will amb 150 ft mod. I in 4 wks.\n2. Improve strength.";
        let s = TextScanner::new();
        let f = s.scan(t);
        let texts: Vec<&str> = f
            .sentences
            .iter()
            .map(|x| get(t, x.span.start, x.span.end))
            .collect();
        assert_eq!(
            texts,
            vec![
                "1. Pt will amb 150 ft mod. I in 4 wks.",
                "2. Improve strength."
            ]
        );
        assert_eq!(f.goals.len(), 2);
        assert!(f.goals.first().is_some_and(|g| g.measurable && g.timeframe));
        assert!(f
            .goals
            .get(1)
            .is_some_and(|g| !g.measurable && !g.timeframe));
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        let s = TextScanner::new();
        let long_line = "a".repeat(200_000);
        let dots = ". ".repeat(50_000);
        let emoji = "😀".repeat(10_000);
        for t in [
            "",
            "\n\n\n",
            "P:",
            "Goals:",
            "STG 1:",
            ":::",
            "1.",
            "(was",
            "from 3 to",
            long_line.as_str(),
            dots.as_str(),
            emoji.as_str(),
            "Goals:\n1) \n2) ;;;\n- \n[x]",
        ] {
            let f = s.scan(t);
            for sp in f
                .goals
                .iter()
                .map(|g| g.span)
                .chain(f.plan.iter().copied())
                .chain(f.red_flags.iter().map(|r| r.span))
            {
                assert!(
                    t.get(sp.start..sp.end).is_some(),
                    "bad span in {:?}",
                    t.get(..20)
                );
            }
        }
    }
}
