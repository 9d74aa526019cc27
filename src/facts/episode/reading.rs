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

use super::scan;
/// The goal words the scanners recognise (defined with them, so that the scanners depend on
/// nothing here).
pub use super::scan::{Status, Term};
use crate::span::Span;

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

/// Reads goals, goal statuses and the plan's frequency from `text`. `report`: the note is a
/// report or sets a plan, so its "all goals met" statements and plan words matter (a daily
/// note's do not, and reading them would cost every daily note a pass over its text).
pub fn read(text: &str, report: bool) -> NoteReading {
    NoteReading {
        goals: goals(text),
        all_goals: if report { all_goals(text) } else { Vec::new() },
        plan: if report {
            plan(text)
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

fn goals(text: &str) -> Vec<GoalItem> {
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
            .then(|| scan::label_at(line, 0))
            .flatten()
        {
            let term = span_str(line, first.term);
            let ctx = term_of(term, None);
            let plural_heading = term.to_ascii_lowercase().ends_with('s') && first.num.is_none();
            if plural_heading {
                // "STGs: …" / "Goals: …" is a heading (maybe with items on the same line).
                section = Some(ctx);
                let rest_start = first.end;
                let rest = line.get(rest_start..).unwrap_or("");
                labelled_items(rest, base + rest_start, ctx, &mut out, true);
                continue;
            }
            section = Some(section.flatten().or(ctx));
            labelled_items(line, base, None, &mut out, false);
            continue;
        }
        if let Some(rest_at) = opens_with_goal_word.then(|| scan::heading(line)).flatten() {
            let head = line.get(..rest_at.unwrap_or(line.len())).unwrap_or("");
            let ctx = term_of(head.trim_start(), None);
            section = Some(ctx);
            if let Some((rest_at, rest)) = rest_at
                .and_then(|r| Some((r, line.get(r..)?)))
                .filter(|(_, r)| !r.trim().is_empty())
            {
                labelled_items(rest, base + rest_at, ctx, &mut out, true);
            }
            continue;
        }
        let Some(ctx) = section else {
            continue;
        };
        if scan::other_heading(line) {
            section = None;
            continue;
        }
        // An item inside the goals section: numbered, lettered, or a plain line.
        let (num, item_start) = match scan::numbered(line) {
            Some((id, end)) => (Some(span_str(line, id).to_ascii_lowercase()), end),
            None => (None, 0),
        };
        // A line with a label inside ("1. STG: …") is read as labelled.
        let rest = line.get(item_start..).unwrap_or("");
        if scan::label_at(rest, 0).is_some() {
            labelled_items(rest, base + item_start, ctx, &mut out, false);
            continue;
        }
        if let Some(g) = item(line, base, item_start, ctx, num) {
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
    s: &str,
    base: usize,
    ctx: Option<Term>,
    out: &mut Vec<GoalItem>,
    unlabelled_ok: bool,
) {
    let starts = scan::labels(s);
    let first_start = starts.first().map_or(s.len(), |l| l.label);
    if unlabelled_ok && !s.get(..first_start).unwrap_or("").trim().is_empty() {
        if let Some(g) = item(s.get(..first_start).unwrap_or(""), base, 0, ctx, None) {
            out.push(g);
        }
    }
    for (i, l) in starts.iter().enumerate() {
        let end = starts.get(i + 1).map_or(s.len(), |n| n.label);
        let seg = s.get(l.label..end).unwrap_or("");
        let term_word = span_str(s, l.term);
        let term = term_of(term_word, ctx);
        let num = l
            .num
            .map(|n| span_str(s, n).trim_end_matches(')').to_ascii_lowercase());
        // A bare plural label ("LTGs:") inside a line is a heading, not an item.
        let body_start = l.end - l.label;
        if l.num.is_none()
            && {
                let t = term_word.to_ascii_lowercase();
                t.ends_with('s') && t != "goals"
            }
            && seg.get(body_start..).unwrap_or("").trim().is_empty()
        {
            continue;
        }
        if let Some(g) = item(seg, base + l.label, body_start, term, num) {
            out.push(g);
        }
    }
}

/// The text of `span` in `s` (empty if it does not fit).
fn span_str(s: &str, (a, b): (usize, usize)) -> &str {
    s.get(a..b).unwrap_or("")
}

/// One goal item: `s` is its text at `base`; its statement starts at `body` within it.
fn item(
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
    let status_word = scan::status(content);
    let measured = scan::measured(content);
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

fn all_goals(text: &str) -> Vec<AllGoals> {
    // Every statement names goals, STGs or LTGs: a text without those words is passed over.
    let lower = text.to_ascii_lowercase();
    if !["goal", "stg", "ltg"].iter().any(|w| lower.contains(w)) {
        return Vec::new();
    }
    scan::all_goals(text)
        .into_iter()
        .map(|m| AllGoals {
            term: m.term,
            status: m.status,
            span: Span::new(m.start, m.end),
        })
        .collect()
}

/// The plan's frequency: the first "N x/week" (with a duration in the same sentence), a
/// number of visits, or both.
fn plan(text: &str) -> PlanWords {
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
            if let Some(f) = scan::frequency(line) {
                out.per_week = Some(f.lo.map_or(f.n, |lo| lo.max(f.n)));
                let mut end = f.end;
                // The duration after the frequency on the same line.
                let after = line.get(f.end..).unwrap_or("");
                let sentence_end = after.find(['.', ';', '\n']).unwrap_or(after.len());
                let window = after.get(..sentence_end.min(40)).unwrap_or("");
                if let Some((d_end, n, lo)) = scan::duration(window) {
                    if n > 0 {
                        out.weeks = Some(lo.map_or(n, |lo| lo.max(n)));
                        end = f.end + d_end;
                    }
                }
                out.span = Some(Span::new(off + f.start, off + end));
            }
        }
        if out.visits.is_none() && may_visits {
            if let Some((start, end, n)) = scan::visits(line) {
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
                if plan_line && n > 0 {
                    out.visits = Some(n);
                    if out.span.is_none() {
                        out.span = Some(Span::new(off + start, off + end));
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
    // The text without its timeframes ("in 4 weeks", "(8 wks)", "by discharge").
    let mut cleaned = String::with_capacity(text.len());
    let mut last = 0;
    for (start, end) in scan::timeframes(text) {
        cleaned.push_str(text.get(last..start).unwrap_or(""));
        cleaned.push(' ');
        last = end;
    }
    cleaned.push_str(text.get(last..).unwrap_or(""));
    let mut words = Vec::new();
    let mut numbers = Vec::new();
    for raw in cleaned.split(|c: char| !(c.is_alphanumeric() || c == '.' || c == '/')) {
        let w = crate::lower::str_lower(raw.trim_matches(['.', '/']));
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
    crate::sort::sort(&mut words);
    words.dedup();
    crate::sort::sort(&mut numbers);
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
