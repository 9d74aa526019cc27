//! What the episode reads from each note's words: its goals (with their labels, terms and
//! statuses), the plan's frequency and duration, and the names of the standardized measures
//! it scores.
//!
//! This is the episode's one narrow entry into the text ([`read`]). It is deliberately small
//! and line-based: goals are written as labelled or numbered items ("STG 2 (3 wks): …",
//! "LTG 1: … – partially met, now 20 min", "1. …" under a goals heading), plans as
//! "2x/week for 8 weeks", "2-3 times a week x 6 wks", "BIW x 4 wks", "12 visits". When the
//! text reader offers these facts, [`read`] is the one function to switch over.
//!
//! Every span is a byte range of the note's text; nothing here copies the note's words
//! into a report.

use crate::span::Span;
use regex_lite::Regex;
use std::sync::OnceLock;

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

/// One goal as a note writes it.
#[derive(Debug, Clone, PartialEq)]
pub struct GoalItem {
    /// The whole item, label and status included.
    pub span: Span,
    /// The goal's statement: without its label, timeframe words or status.
    pub statement: Span,
    pub term: Option<Term>,
    /// The identifier written with it ("2" of "STG 2", "b" of "Goal b"), lower-cased.
    pub number: Option<String>,
    pub status: Option<(Status, Span)>,
}

/// "All goals met", "all STGs met": a status given to every goal (of a term).
#[derive(Debug, Clone, PartialEq)]
pub struct AllGoals {
    pub term: Option<Term>,
    pub status: Status,
    pub span: Span,
}

/// The plan's frequency and duration as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PlanWords {
    /// Most visits a week the plan allows (3 for "2-3x/week").
    pub per_week: Option<u32>,
    pub weeks: Option<u32>,
    /// A number of visits or sessions ("12 visits").
    pub visits: Option<u32>,
    pub span: Option<Span>,
}

/// What [`read`] returns for one note.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NoteReading {
    pub goals: Vec<GoalItem>,
    pub all_goals: Vec<AllGoals>,
    pub plan: PlanWords,
}

struct Patterns {
    /// A goals heading line: "Goals:", "Short-term goals (3 weeks):", "LTGs", "Goal status:".
    heading: Regex,
    /// A goal label: "STG 2", "LTG", "Goal #3", "Short-term goal 1", "Long term goal b".
    label: Regex,
    /// A numbered or lettered item: "1.", "2)", "#3", "a."
    numbered: Regex,
    /// Any other heading that ends a goals section ("A:", "Plan:", "Assessment").
    other_heading: Regex,
    status: Regex,
    measured: Regex,
    timeframe: Regex,
    all_goals: Regex,
    frequency: Regex,
    duration: Regex,
    visits: Regex,
}

/// Compiles a pattern with `regex-lite` (the crate's only regular expressions: a few
/// line-sized patterns run on report notes, where the small engine is fast enough and keeps
/// the full `regex` engines and Unicode tables out of the package). Its `\b`, `\d`, `\s`
/// and `(?i)` are ASCII, as these patterns want.
fn re(p: &str) -> Result<Regex, regex_lite::Error> {
    Regex::new(p)
}

fn patterns() -> Option<&'static Patterns> {
    static P: OnceLock<Option<Patterns>> = OnceLock::new();
    P.get_or_init(|| {
        let term = r"(?:stgs?|ltgs?|short[- ]?term\s+goals?|long[- ]?term\s+goals?|goals?)";
        Some(Patterns {
            heading: re(
                r"(?i)^(?:(?:short|long)[- ]?term\s+)?(?:goals?|stgs?|ltgs?)(?:\s*(?:and|&|/)\s*(?:status|progress|outcomes?))?(?:\s+status)?\s*(?:\([^)\n]{0,30}\))?\s*(?::\s*(?P<rest>.*)|$)",
            )
            .ok()?,
            label: re(&format!(
                r"(?i)(?:^\s*|[.;:]\s+|\s{{2,}})(?P<label>(?P<term>{term})\s*#?\s*(?P<num>\d{{1,2}}|[a-h](?:\b|\)))?)\s*(?:\([^)\n]{{0,30}}\))?\s*(?:[:.)\-–—]|$)"
            ))
            .ok()?,
            numbered: re(r"^(?:#\s*(?P<a>\d{1,2})|(?P<b>\d{1,2})\s*[.):]|\(?(?P<c>[a-h])[.)])\s+").ok()?,
            other_heading: re(
                r"(?i)^(?:[soap]|subjective|objective|assessment|impression|plan|p\s*/\s*o\s*c|plan\s+of\s+care|frequency|duration|interventions?|treatment|response|education|hep|home\s+program|signature|signed|diagnos[ie]s|history|prognosis|rehab\s+potential|problems?|summary|discharge\s+(?:status|plan|summary)|reason\s+for\s+discharge|recommendations?|totals?|total\s+\w+(?:\s+\w+)?)\s*:",
            )
            .ok()?,
            status: re(
                r"(?i)\b(?:(?P<not>not\s+(?:yet\s+)?(?:met|achieved|attained)|unmet)|(?P<partly>part(?:ial)?l?y\s+(?:met|achieved|attained)|partial(?:ly)?)|(?P<met>met|achieved|attained)|(?P<ongoing>progressing|ongoing|in\s+progress|continu(?:e|es|ed|ing))|(?P<dc>discontinued|deferred|d/?c'?d)|(?P<revised>revised|upgraded|downgraded))\b",
            )
            .ok()?,
            measured: re(
                r"(?i)\b(?:now|currently|current(?:ly)?[ \t]*:|today)[ \t]*:?[ \t]*[^.;\n\d]*\d|\bfrom[ \t]+[^.;\n\d]*\d[^.;\n]*?\bto[ \t]+[^.;\n\d]*\d|\d[ \t]*(?:°|deg|ft|%|/\d\d?|[ \t]?s|[ \t]?sec|[ \t]?min)?[ \t]*(?:->|→|=>)[ \t]*\d|\((?:was|baseline|initial(?:ly)?|eval[a-z]*|ie)\b[^)\n\d]*\d",
            )
            .ok()?,
            timeframe: re(
                r"(?i)\(\s*\d{1,2}\s*(?:-\s*\d{1,2}\s*)?(?:d|days?|wks?|weeks?|mos?|months?|visits?|sessions?)\s*\)|\b(?:in|within|by|over|x|for)\s+\d{1,2}\s*(?:-\s*\d{1,2}\s*)?(?:d|days?|wks?|weeks?|mos?|months?|visits?|sessions?)\b|\bby\s+(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?|d/?c|discharge|end\s+of\s+(?:poc|plan|episode|cert\w*))",
            )
            .ok()?,
            all_goals: re(
                r"(?i)\b(?:all\s+(?:(?P<t1>short|long)[- ]?term\s+|(?P<t2>stg|ltg)s?\s+)?goals?|all\s+(?P<t3>stg|ltg)s|(?P<t4>stg|ltg)s\s+(?:1\s*(?:-|–|through|to)\s*\d|all))\s+(?:were\s+|was\s+|have\s+been\s+|are\s+|now\s+)?(?P<st>met|achieved|attained|partially\s+met|not\s+met|discontinued)\b",
            )
            .ok()?,
            frequency: re(
                r"(?i)\b(?:(?P<lo>[1-7])\s*(?:-|–|to)\s*)?(?P<n>[1-7])\s*(?:x|times?)\s*(?:/|per|a|an|each|every)?\s*(?:wk|week)s?\b|\b(?P<w>once|twice|one|two|three|four|five)\s+(?:times\s+)?(?:a|per|/|each|every)\s+week\b|\b(?P<abbr>biw|tiw|qw|2xwk|3xwk)\b",
            )
            .ok()?,
            duration: re(
                r"(?i)(?:\b(?:for|x|×|over|duration\s*:?)\s*(?:(?P<lo>\d{1,2})\s*(?:-|–|to)\s*)?(?P<n>\d{1,2})\s*(?:wks?|weeks?)\b|(?:^|[\s,;(])(?:(?P<lo2>\d{1,2})\s*(?:-|–|to)\s*)?(?P<n2>\d{1,2})\s*(?:wks?|weeks?)\b)",
            )
            .ok()?,
            visits: re(r"(?i)\b(?P<n>\d{1,3})\s*(?:total\s+)?(?:visits|sessions|treatments)\b").ok()?,
        })
    })
    .as_ref()
}

/// Whether every pattern compiled (a test checks it).
#[cfg(test)]
pub fn patterns_compile() -> bool {
    patterns().is_some()
}

/// Reads goals, goal statuses and the plan's frequency from `text`. `report`: the note is a
/// report or sets a plan, so its "all goals met" statements and plan words matter (a daily
/// note's do not, and reading them would cost every daily note a pass over its text).
pub fn read(text: &str, report: bool) -> NoteReading {
    let Some(p) = patterns() else {
        return NoteReading::default();
    };
    NoteReading {
        goals: goals(p, text),
        all_goals: if report {
            all_goals(p, text)
        } else {
            Vec::new()
        },
        plan: if report {
            plan(p, text)
        } else {
            PlanWords::default()
        },
    }
}

/// Lines of `text` with their byte offsets, without the line break.
fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = 0;
    text.split('\n').map(move |l| {
        let s = start;
        start += l.len() + 1;
        (s, l.strip_suffix('\r').unwrap_or(l))
    })
}

/// Strips bullets and leading blanks; returns the offset of what remains.
fn strip_bullet(line: &str) -> (usize, &str) {
    let t = line.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '-' | '*' | '•' | '·' | '>' | '–' | '—')
    });
    let t = t
        .strip_prefix("[ ]")
        .or_else(|| t.strip_prefix("[x]"))
        .unwrap_or(t);
    let t = t.trim_start();
    (line.len() - t.len(), t)
}

fn term_of(word: &str, context: Option<Term>) -> Option<Term> {
    let w = word.to_ascii_lowercase();
    if w.starts_with("stg") || w.starts_with("short") {
        Some(Term::Short)
    } else if w.starts_with("ltg") || w.starts_with("long") {
        Some(Term::Long)
    } else {
        context
    }
}

fn goals(p: &Patterns, text: &str) -> Vec<GoalItem> {
    let mut out = Vec::new();
    // Inside a goals section: the term its heading names (None for plain "Goals").
    let mut section: Option<Option<Term>> = None;
    for (off, raw) in lines(text) {
        let (b, line) = strip_bullet(raw);
        let base = off + b;
        if line.trim().is_empty() {
            section = None;
            continue;
        }
        // Only lines that open with a goal word, or lines inside a goals section, can hold
        // goals: every other line is passed over without running a pattern.
        let opens_with_goal_word = starts_with_goal_word(line);
        if !opens_with_goal_word && section.is_none() {
            continue;
        }
        // A line that opens with a goal label ("STG 1:", "LTG (8 wks):", "Goal 2 -") holds
        // one or more labelled items.
        if let Some(first) = opens_with_goal_word
            .then(|| p.label.captures(line))
            .flatten()
            .filter(|c| c.get(0).is_some_and(|m| m.start() == 0))
        {
            let ctx = first.name("term").and_then(|t| term_of(t.as_str(), None));
            let plural_heading = first
                .name("term")
                .is_some_and(|t| t.as_str().to_ascii_lowercase().ends_with('s'))
                && first.name("num").is_none();
            if plural_heading {
                // "STGs: …" / "Goals: …" is a heading (maybe with items on the same line).
                section = Some(ctx);
                let rest_start = first.get(0).map_or(0, |m| m.end());
                let rest = line.get(rest_start..).unwrap_or("");
                labelled_items(p, rest, base + rest_start, ctx, &mut out, true);
                continue;
            }
            section = Some(section.flatten().or(ctx));
            labelled_items(p, line, base, None, &mut out, false);
            continue;
        }
        if let Some(c) = opens_with_goal_word
            .then(|| p.heading.captures(line))
            .flatten()
        {
            let head_end = c.name("rest").map_or(line.len(), |m| m.start());
            let head = line.get(..head_end).unwrap_or("");
            let ctx = term_of(head.trim_start(), None);
            section = Some(ctx);
            if let Some(rest) = c.name("rest").filter(|r| !r.as_str().trim().is_empty()) {
                labelled_items(p, rest.as_str(), base + rest.start(), ctx, &mut out, true);
            }
            continue;
        }
        let Some(ctx) = section else {
            continue;
        };
        if p.other_heading.is_match(line) {
            section = None;
            continue;
        }
        // An item inside the goals section: numbered, lettered, or a plain line.
        let (num, item_start) = match p.numbered.captures(line) {
            Some(c) => (
                c.name("a")
                    .or_else(|| c.name("b"))
                    .or_else(|| c.name("c"))
                    .map(|m| m.as_str().to_ascii_lowercase()),
                c.get(0).map_or(0, |m| m.end()),
            ),
            None => (None, 0),
        };
        // A line with a label inside ("1. STG: …") is read as labelled.
        let rest = line.get(item_start..).unwrap_or("");
        if p.label
            .captures(rest)
            .is_some_and(|c| c.get(0).is_some_and(|m| m.start() == 0))
        {
            labelled_items(p, rest, base + item_start, ctx, &mut out, false);
            continue;
        }
        if let Some(g) = item(p, line, base, item_start, ctx, num) {
            out.push(g);
        }
    }
    out
}

/// Whether `line` opens with "goal", "stg", "ltg", "short" or "long" (any case).
fn starts_with_goal_word(line: &str) -> bool {
    let head: Vec<u8> = line
        .bytes()
        .take(5)
        .map(|b| b.to_ascii_lowercase())
        .collect();
    [&b"goal"[..], b"stg", b"ltg", b"short", b"long"]
        .iter()
        .any(|w| head.starts_with(w))
}

/// Items in a stretch that may hold several labels ("STG (3 wks): … . LTG (8 wks): …").
/// `unlabelled_ok`: text before the first label is an item of its own (after a heading).
fn labelled_items(
    p: &Patterns,
    s: &str,
    base: usize,
    ctx: Option<Term>,
    out: &mut Vec<GoalItem>,
    unlabelled_ok: bool,
) {
    let starts: Vec<regex_lite::Captures<'_>> = p.label.captures_iter(s).collect();
    let first_start = starts
        .first()
        .and_then(|c| c.name("label"))
        .map_or(s.len(), |m| m.start());
    if unlabelled_ok && !s.get(..first_start).unwrap_or("").trim().is_empty() {
        if let Some(g) = item(p, s.get(..first_start).unwrap_or(""), base, 0, ctx, None) {
            out.push(g);
        }
    }
    for (i, c) in starts.iter().enumerate() {
        let (Some(label), Some(whole)) = (c.name("label"), c.get(0)) else {
            continue;
        };
        let end = starts
            .get(i + 1)
            .and_then(|n| n.name("label"))
            .map_or(s.len(), |m| m.start());
        let seg = s.get(label.start()..end).unwrap_or("");
        let term = c.name("term").and_then(|t| term_of(t.as_str(), ctx));
        let num = c
            .name("num")
            .map(|n| n.as_str().trim_end_matches(')').to_ascii_lowercase());
        // A bare plural label ("LTGs:") inside a line is a heading, not an item.
        if c.name("num").is_none()
            && c.name("term").is_some_and(|t| {
                let t = t.as_str().to_ascii_lowercase();
                t.ends_with('s') && t != "goals"
            })
            && seg
                .get(whole.end() - label.start()..)
                .unwrap_or("")
                .trim()
                .is_empty()
        {
            continue;
        }
        let body_start = whole.end() - label.start();
        if let Some(g) = item(p, seg, base + label.start(), body_start, term, num) {
            out.push(g);
        }
    }
}

/// One goal item: `s` is its text at `base`; its statement starts at `body` within it.
fn item(
    p: &Patterns,
    s: &str,
    base: usize,
    body: usize,
    term: Option<Term>,
    number: Option<String>,
) -> Option<GoalItem> {
    let trimmed_end = s.trim_end().len();
    if trimmed_end <= body {
        return None;
    }
    let content = s.get(body..trimmed_end)?;
    // The status: the first status word, or else a measured comparison.
    let status_word = p.status.captures(content).and_then(|c| {
        let m = c.get(0)?;
        let st = if c.name("not").is_some() {
            Status::NotMet
        } else if c.name("partly").is_some() {
            Status::PartlyMet
        } else if c.name("met").is_some() {
            Status::Met
        } else if c.name("ongoing").is_some() {
            Status::Ongoing
        } else if c.name("dc").is_some() {
            Status::Discontinued
        } else {
            Status::Revised
        };
        Some((st, m.start(), m.end()))
    });
    let measured = p.measured.find(content).map(|m| (m.start(), m.end()));
    // The statement ends where the status part begins: at the separator before the status
    // word (" – met", " (partially met", "; status:"), or at the measured comparison.
    let status_at = match (status_word, measured) {
        (Some((_, a, _)), Some((b, _))) => a.min(b),
        (Some((_, a, _)), None) => a,
        (None, Some((b, _))) => b,
        (None, None) => content.len(),
    };
    let head = content.get(..status_at).unwrap_or("");
    let cut = if status_at == content.len() {
        status_at
    } else {
        head.rfind(['–', '—', '(', ';', '|'])
            .or_else(|| head.rfind(" - "))
            .or_else(|| head.rfind(": "))
            .or_else(|| head.rfind(", "))
            .filter(|&i| status_at - i <= 40)
            .unwrap_or(status_at)
    };
    let stmt = content.get(..cut).unwrap_or("");
    let lead = stmt.len() - stmt.trim_start().len();
    let stmt_trim = stmt.trim();
    let status = match (status_word, measured) {
        (Some((st, a, b)), _) => Some((st, Span::new(base + body + a, base + body + b))),
        (None, Some((a, b))) => Some((
            Status::Measured,
            Span::new(base + body + a, base + body + b),
        )),
        (None, None) => None,
    };
    let words = stmt_trim
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .count();
    if words < 2 && status.is_none() {
        return None;
    }
    Some(GoalItem {
        span: Span::new(base, base + trimmed_end),
        statement: Span::new(base + body + lead, base + body + lead + stmt_trim.len()),
        term,
        number,
        status,
    })
}

fn all_goals(p: &Patterns, text: &str) -> Vec<AllGoals> {
    // Every statement names goals, STGs or LTGs: a text without those words is passed over.
    let lower = text.to_ascii_lowercase();
    if !["goal", "stg", "ltg"].iter().any(|w| lower.contains(w)) {
        return Vec::new();
    }
    p.all_goals
        .captures_iter(text)
        .filter_map(|c| {
            let m = c.get(0)?;
            let t = c
                .name("t1")
                .or_else(|| c.name("t2"))
                .or_else(|| c.name("t3"))
                .or_else(|| c.name("t4"))
                .and_then(|t| term_of(t.as_str(), None));
            let st = c.name("st")?.as_str().to_ascii_lowercase();
            let status = if st.starts_with("partial") {
                Status::PartlyMet
            } else if st.starts_with("not") {
                Status::NotMet
            } else if st.starts_with("disc") {
                Status::Discontinued
            } else {
                Status::Met
            };
            Some(AllGoals {
                term: t,
                status,
                span: Span::new(m.start(), m.end()),
            })
        })
        .collect()
}

/// The plan's frequency: the first "N x/week" (with a duration in the same sentence), a
/// number of visits, or both.
fn plan(p: &Patterns, text: &str) -> PlanWords {
    let mut out = PlanWords::default();
    for (off, line) in lines(text) {
        // Cheap word checks first: the patterns run only on lines that can match them.
        let lower = line.to_ascii_lowercase();
        let may_frequency = ["wk", "week", "biw", "tiw", "qw"]
            .iter()
            .any(|w| lower.contains(w));
        let may_visits = ["visits", "sessions", "treatments"]
            .iter()
            .any(|w| lower.contains(w));
        if out.per_week.is_none() && may_frequency {
            if let Some(c) = p.frequency.captures(line) {
                let n = c
                    .name("n")
                    .and_then(|m| m.as_str().parse::<u32>().ok())
                    .or_else(|| {
                        c.name("w")
                            .map(|w| match w.as_str().to_ascii_lowercase().as_str() {
                                "once" | "one" => 1,
                                "twice" | "two" => 2,
                                "three" => 3,
                                "four" => 4,
                                _ => 5,
                            })
                    })
                    .or_else(|| {
                        c.name("abbr")
                            .map(|a| match a.as_str().to_ascii_lowercase().as_str() {
                                "qw" => 1,
                                "biw" | "2xwk" => 2,
                                _ => 3,
                            })
                    });
                let lo = c.name("lo").and_then(|m| m.as_str().parse::<u32>().ok());
                if let (Some(n), Some(m)) = (n, c.get(0)) {
                    out.per_week = Some(lo.map_or(n, |lo| lo.max(n)));
                    let mut end = m.end();
                    // The duration after the frequency on the same line.
                    let after = line.get(m.end()..).unwrap_or("");
                    let sentence_end = after.find(['.', ';', '\n']).unwrap_or(after.len());
                    let window = after.get(..sentence_end.min(40)).unwrap_or("");
                    if let Some(d) = p.duration.captures(window) {
                        let n = d
                            .name("n")
                            .or_else(|| d.name("n2"))
                            .and_then(|m| m.as_str().parse::<u32>().ok());
                        let lo = d
                            .name("lo")
                            .or_else(|| d.name("lo2"))
                            .and_then(|m| m.as_str().parse::<u32>().ok());
                        if let Some(n) = n.filter(|&n| n > 0) {
                            out.weeks = Some(lo.map_or(n, |lo| lo.max(n)));
                            end = m.end() + d.get(0).map_or(0, |x| x.end());
                        }
                    }
                    out.span = Some(Span::new(off + m.start(), off + end));
                }
            }
        }
        if out.visits.is_none() && may_visits {
            if let Some(c) = p.visits.captures(line) {
                // "12 visits" in a plan, not "after 3 visits" or "visits 1-10".
                let plan_line = [
                    "plan",
                    "poc",
                    "frequency",
                    "duration",
                    "authoriz",
                    "over",
                    "for ",
                ]
                .iter()
                .any(|w| lower.contains(w));
                if let (Some(n), true) = (
                    c.name("n").and_then(|m| m.as_str().parse::<u32>().ok()),
                    plan_line,
                ) {
                    if n > 0 {
                        out.visits = Some(n);
                        if out.span.is_none() {
                            out.span = c.get(0).map(|m| Span::new(off + m.start(), off + m.end()));
                        }
                    }
                }
            }
        }
        if out.per_week.is_some() && out.visits.is_some() {
            break;
        }
    }
    out
}

/// Words of a goal statement that identify it across notes: lower-cased, without the
/// timeframe, filler words and numbers (numbers are returned apart: they are the targets).
pub fn goal_words(text: &str) -> (Vec<String>, Vec<String>) {
    let Some(p) = patterns() else {
        return (Vec::new(), Vec::new());
    };
    // The text without its timeframes ("in 4 weeks", "(8 wks)", "by discharge").
    let mut cleaned = String::with_capacity(text.len());
    let mut last = 0;
    for m in p.timeframe.find_iter(text) {
        cleaned.push_str(text.get(last..m.start()).unwrap_or(""));
        cleaned.push(' ');
        last = m.end();
    }
    cleaned.push_str(text.get(last..).unwrap_or(""));
    let mut words = Vec::new();
    let mut numbers = Vec::new();
    for raw in cleaned.split(|c: char| !(c.is_alphanumeric() || c == '.' || c == '/')) {
        let w = raw.trim_matches(['.', '/']).to_lowercase();
        if w.is_empty() {
            continue;
        }
        if w.chars().any(|c| c.is_ascii_digit()) {
            for part in w.split(['/', '.']).filter(|x| !x.is_empty()) {
                if part.chars().all(|c| c.is_ascii_digit()) {
                    numbers.push(part.trim_start_matches('0').to_string());
                }
            }
            continue;
        }
        if STOP.contains(&w.as_str()) {
            continue;
        }
        words.push(canonical_word(&w).to_string());
    }
    words.sort_unstable();
    words.dedup();
    numbers.sort_unstable();
    (words, numbers)
}

const STOP: &[&str] = &[
    "a", "an", "the", "to", "with", "in", "of", "and", "or", "for", "on", "at", "by", "from", "pt",
    "patient", "will", "be", "able", "is", "are", "his", "her", "their", "he", "she", "they", "as",
    "using", "use", "while", "during", "into", "that", "this", "so", "can", "than", "within",
    "goal", "goals", "stg", "ltg", "term", "short", "long", "wk", "wks", "week", "weeks", "day",
    "days", "visit", "visits", "x",
];

/// One spelling for the words therapists abbreviate.
fn canonical_word(w: &str) -> &str {
    match w {
        "minutes" | "minute" | "mins" => "min",
        "seconds" | "second" | "secs" | "sec" => "s",
        "feet" | "foot" => "ft",
        "meters" | "meter" | "metres" => "m",
        "independently" | "indep" | "ind" | "i" | "independence" => "independent",
        "modified" | "mod" => "modified",
        "ambulate" | "ambulation" | "amb" | "walk" | "walking" | "walks" => "walk",
        "stairs" | "steps" | "stair" | "step" => "stairs",
        "ascend" | "ascending" | "climb" | "negotiate" | "negotiating" => "ascend",
        "less" | "below" | "under" => "less",
        "assistance" | "assist" | "a" => "assist",
        "household" | "home" => "home",
        "community" | "communities" => "community",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::string_slice)]
    use super::*;

    fn slice(t: &str, s: Span) -> &str {
        &t[s.start..s.end]
    }

    #[test]
    fn patterns_compile_once() {
        assert!(patterns_compile());
    }

    #[test]
    fn labelled_goals_one_per_line() {
        let t = "Goals:\nSTG 1 (3 wks): ascend 12 stairs with 1 rail, modified independent.\nSTG 2 (3 wks): sit to stand x5 in < 15 s without UE support.\nLTG 1 (8 wks): walk 30 min in the community with pain < 2/10.\nP: 2x/week for 8 weeks.";
        let r = read(t, true);
        assert_eq!(r.goals.len(), 3, "{:#?}", r.goals);
        assert_eq!(r.goals[0].term, Some(Term::Short));
        assert_eq!(r.goals[0].number.as_deref(), Some("1"));
        assert_eq!(
            slice(t, r.goals[0].statement),
            "ascend 12 stairs with 1 rail, modified independent."
        );
        assert_eq!(r.goals[2].term, Some(Term::Long));
        assert!(r.goals.iter().all(|g| g.status.is_none()));
        assert_eq!(r.plan.per_week, Some(2));
        assert_eq!(r.plan.weeks, Some(8));
    }

    #[test]
    fn inline_goals_after_a_heading() {
        let t = "Goals: STG (3 wks): fasten buttons independently in < 2 min. LTG (8 wks): prepare a simple meal independently.";
        let r = read(t, true);
        assert_eq!(r.goals.len(), 2, "{:#?}", r.goals);
        assert_eq!(r.goals[0].term, Some(Term::Short));
        assert_eq!(r.goals[1].term, Some(Term::Long));
        assert_eq!(
            slice(t, r.goals[1].statement),
            "prepare a simple meal independently."
        );
    }

    #[test]
    fn numbered_goals_under_term_headings() {
        let t = "Short-term goals (2 weeks):\n1. Name 20 household items with 80% accuracy given cues.\n2. Follow 2-step commands with 90% accuracy.\nLong-term goals (6 weeks):\n1. Express needs in 4-5 word sentences with 90% accuracy.\n\nPlan: 2-3x/wk x 6 wks.";
        let r = read(t, true);
        assert_eq!(r.goals.len(), 3, "{:#?}", r.goals);
        assert_eq!(r.goals[0].term, Some(Term::Short));
        assert_eq!(r.goals[1].number.as_deref(), Some("2"));
        assert_eq!(r.goals[2].term, Some(Term::Long));
        assert_eq!(r.goals[2].number.as_deref(), Some("1"));
        assert_eq!(r.plan.per_week, Some(3));
        assert_eq!(r.plan.weeks, Some(6));
    }

    #[test]
    fn statuses_and_measured_comparisons() {
        let t = "Goal status:\nSTG 1: ascend 12 stairs with 1 rail – met.\nSTG 2: sit to stand x5 in < 15 s – partially met, now 17 s.\nLTG 1: walk 30 min in the community with pain < 2/10 – not yet met; now 15 min.\nLTG 2: return to gardening – ongoing.\nLTG 3: lift 10 lb floor to waist (now 5 lb).";
        let r = read(t, true);
        let st: Vec<_> = r.goals.iter().map(|g| g.status.map(|s| s.0)).collect();
        assert_eq!(
            st,
            vec![
                Some(Status::Met),
                Some(Status::PartlyMet),
                Some(Status::NotMet),
                Some(Status::Ongoing),
                Some(Status::Measured)
            ]
        );
        assert_eq!(slice(t, r.goals[1].statement), "sit to stand x5 in < 15 s");
        assert_eq!(
            slice(t, r.goals[2].statement),
            "walk 30 min in the community with pain < 2/10"
        );
        assert_eq!(slice(t, r.goals[4].statement), "lift 10 lb floor to waist");
    }

    #[test]
    fn status_only_items_keep_their_label() {
        let t = "Progress report\nSTG 1: met.\nLTG 2 – partially met";
        let r = read(t, true);
        assert_eq!(r.goals.len(), 2, "{:#?}", r.goals);
        assert_eq!(r.goals[0].number.as_deref(), Some("1"));
        assert_eq!(r.goals[0].status.map(|s| s.0), Some(Status::Met));
        assert_eq!(r.goals[1].term, Some(Term::Long));
        assert_eq!(r.goals[1].status.map(|s| s.0), Some(Status::PartlyMet));
    }

    #[test]
    fn all_goals_statements() {
        let r = read(
            "All short-term goals met. LTGs 1-3 met at discharge. All goals have been met.",
            true,
        );
        assert_eq!(r.all_goals.len(), 3, "{:#?}", r.all_goals);
        assert_eq!(r.all_goals[0].term, Some(Term::Short));
        assert_eq!(r.all_goals[1].term, Some(Term::Long));
        assert_eq!(r.all_goals[2].term, None);
    }

    #[test]
    fn prose_mentioning_goals_is_not_a_goal() {
        let r = read("A: Pt progressing toward LTG of reciprocal stair negotiation; flexion ROM improved 13 deg since eval.\nP: continue per plan.", true);
        assert!(r.goals.is_empty(), "{:#?}", r.goals);
    }

    #[test]
    fn a_goals_section_ends_at_the_next_heading_or_blank_line() {
        let t = "Goals:\n1. Walk 150 ft with SPC independently.\nA: Skilled cueing needed for sequencing.\nO: gait 0.8 m/s";
        let r = read(t, true);
        assert_eq!(r.goals.len(), 1, "{:#?}", r.goals);
    }

    #[test]
    fn frequency_spellings() {
        for (t, pw, wk, v) in [
            ("Plan: 2x/week for 8 weeks", Some(2), Some(8), None),
            (
                "Frequency: 3 times per week x 4 wks",
                Some(3),
                Some(4),
                None,
            ),
            ("POC: BIW x 6 wks", Some(2), Some(6), None),
            ("Plan: twice a week for 6-8 weeks.", Some(2), Some(8), None),
            (
                "Frequency/duration: 1-2x/wk, 12 visits over 8 weeks",
                Some(2),
                Some(8),
                Some(12),
            ),
            ("No plan words here; walked 2 x 150 ft", None, None, None),
        ] {
            let r = read(t, true);
            assert_eq!(
                (r.plan.per_week, r.plan.weeks, r.plan.visits),
                (pw, wk, v),
                "{t}"
            );
        }
    }

    #[test]
    fn goal_words_ignore_timeframes_and_spelling() {
        let (a, an) =
            goal_words("(8 wks): Pt will walk 30 minutes in the community with pain < 2/10");
        let (b, bn) = goal_words("walk 30 min in community with pain less than 2/10 in 4 weeks");
        assert_eq!(an, bn);
        assert_eq!(an, vec!["10", "2", "30"]);
        let ja = a.iter().filter(|w| b.contains(w)).count();
        assert!(ja >= 3, "{a:?} {b:?}");
    }

    #[test]
    fn odd_text_does_not_panic() {
        for t in [
            "",
            "\n\n",
            "Goals:",
            "STG",
            "LTG 1:",
            "Goals: é😀 – met",
            "1.\n2)\n#",
            "STG 1: –",
            "Goals\n\u{2028}\n- [ ] ",
        ] {
            let _ = read(t, true);
            let _ = goal_words(t);
        }
    }
}
