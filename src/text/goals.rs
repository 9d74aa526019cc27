//! Goals: where they are written and whether each is measurable.
//!
//! A goal is read (1) under a goals heading ("Goals", "STG", "Functional outcomes of
//! treatment", "Short term objectives"), one per list item or sentence, the first sentence
//! of an item being the goal and the rest commentary; (2) outside a goals section, from a
//! sentence of the form "Pt will … in 4 weeks"; (3) inside a status sentence that states
//! the goal's content ("he has not yet reached his memory goal, which asked him to …");
//! (4) from a list introduced by goals ("we set goals: 1) … and 2) …"). Lines that report a
//! status, a narrative ("He met …", "The patient appears …"), an agreement, or the patient's
//! own wish ("Patient's goal: to walk again") are not goals.
//!
//! A goal is measurable when it names a target (a number, an assist level such as
//! "independent" or "CGA", a criterion such as "without loss of balance", or a functional
//! task done in a stated way) and a timeframe ("in 4 weeks", "within two months", "by
//! 3/15/13", "by discharge", a goals heading's "(8 wks)" or a "Time frame:" line).

use super::lexicon::{g, Lex};
use super::normalize::{count_words, word_in, word_is, TokKind, Words};
use super::pipeline::Parsed;
use super::quantities::{self, Unit};
use super::sections::{table_row, GoalTerm, SectionKind};

/// A goal (folded offsets), judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct GoalItem {
    pub start: u32,
    pub end: u32,
    pub measurable: bool,
    pub timeframe: bool,
}

/// Words that start a line which reports rather than states a goal.
const SUBJECTS: &[&str] = &[
    "the",
    "patient",
    "pt",
    "client",
    "he",
    "she",
    "they",
    "we",
    "i",
    "our",
    "this",
    "his",
    "her",
    "resident",
    "child",
    "student",
    "caregiver",
    "family",
    "it",
    "there",
    "that",
];
const SKIP_ADVERBS: &[&str] = &[
    "also",
    "still",
    "now",
    "currently",
    "then",
    "has",
    "have",
    "had",
];
const STATUS_START: &[&str] = &[
    "status",
    "met",
    "not",
    "partially",
    "achieved",
    "ongoing",
    "progressing",
    "continuing",
    "continue",
    "continued",
    "discontinued",
    "deferred",
    "currently",
    "unmet",
    "revised",
    "new",
    "in",
    "goal",
    "goals",
    "stg",
    "ltg",
    "stgs",
    "ltgs",
];
const AGREEMENT: Words = Words::new(&[
    "agree",
    "agrees",
    "agreed",
    "agreement",
    "discussed",
    "reviewed",
    "understanding",
    "potential",
    "prognosis",
    "below",
    "follows",
    "established",
    "set",
]);

#[inline(never)] // one stage: its own entry in a profile
pub(crate) fn find(p: &Parsed<'_>) -> Vec<GoalItem> {
    let mut out: Vec<GoalItem> = Vec::new();
    let status = StatusGoals::new(p);
    let tf_of = heading_timeframes(p);
    let mut in_goal_section = vec![false; p.sents.len()];
    // (1) Goals sections.
    for (hi, h) in p.headings.iter().enumerate() {
        if !matches!(h.kind, SectionKind::Goals | SectionKind::PatientGoals) {
            continue;
        }
        let section_tf = tf_of.get(hi).copied().unwrap_or(false);
        let patient = h.kind == SectionKind::PatientGoals;
        // A goal written in the heading itself: "Goal 1, ascend 12 stairs in 6 weeks: met".
        if !patient {
            if let Some((a, b)) = inline_goal(p, h.qualifier.0, h.qualifier.1) {
                out.push(judge(p, a, b, section_tf));
            }
        }
        let mut items = 0usize;
        let mut closed = false;
        let mut prev_item_first: Option<usize> = None;
        let mut prev_was_item = false;
        let mut first_marker: Option<u8> = None;
        for (si, s) in p.sents.iter().enumerate() {
            if s.section != Some(hi as u16) {
                continue;
            }
            if let Some(slot) = in_goal_section.get_mut(si) {
                *slot = true;
            }
            if let Some((a, b)) = h.timeframe_line {
                if s.start >= a && s.end <= b + 1 {
                    continue;
                }
            }
            if closed {
                if let Some(slot) = in_goal_section.get_mut(si) {
                    *slot = false;
                }
                continue;
            }
            // Sentences after the first of a list item are its commentary.
            let is_item = s.item.is_some() || starts_with_bare_number(p, si);
            // A list of another kind after the goals ("[x] Parent education" after "1) …")
            // is not goals.
            let marker = marker_kind(p, si);
            if is_item && items > 0 && first_marker.is_some() && marker != first_marker {
                closed = true;
                if let Some(slot) = in_goal_section.get_mut(si) {
                    *slot = false;
                }
                continue;
            }
            if is_item && first_marker.is_none() {
                first_marker = marker;
            }
            if !is_item && prev_was_item && !s.line_start {
                // Commentary of the item above: only an embedded goal counts.
                out.extend(embedded(p, &status, si, section_tf));
                continue;
            }
            let (start, _) = content_start(p, si);
            // A row of a goals table: the first column is the goal; a column holding only a
            // date or a timeframe ("| 3/30/26 |", "| 6 wks |") is its target date.
            if let Some(bar) = table_row(p.doc.folded.as_bytes(), start, s.end) {
                let (a, b) = trim(p, start, bar);
                if meaningful(p, a, b) && classify_range(p, si, a, b) == Line::Goal {
                    let mut g = judge(p, a, b, section_tf);
                    g.timeframe |= date_column(p, bar, s.end);
                    items += 1;
                    out.push(g);
                }
                prev_item_first = Some(si);
                prev_was_item = true;
                continue;
            }
            let kind = classify(p, si, start);
            match kind {
                Line::Goal => {
                    if patient && !(has_word(p, si, "will") && has_timeframe(p, start, s.end)) {
                        continue;
                    }
                    // "Goals: see IEP.": the goals are kept elsewhere; what follows is not
                    // a goal list.
                    if items == 0 && pointer(p, start, s.end) {
                        closed = true;
                        if let Some(slot) = in_goal_section.get_mut(si) {
                            *slot = false;
                        }
                        continue;
                    }
                    for (a, b) in split_items(p, start, s.end) {
                        // Each item on its own: "…; Oswestry and TUG were deferred today; we
                        // will re-administer them next visit."
                        if meaningful(p, a, b) && classify_range(p, si, a, b) == Line::Goal {
                            items += 1;
                            out.push(judge(p, a, b, section_tf));
                        }
                    }
                    prev_item_first = Some(si);
                    prev_was_item = is_item;
                }
                Line::Narrative => {
                    let emb = embedded(p, &status, si, section_tf);
                    let had = !emb.is_empty();
                    out.extend(emb);
                    if !had && !is_item && items > 0 && (s.para_start || s.line_start) {
                        closed = true;
                        if let Some(slot) = in_goal_section.get_mut(si) {
                            *slot = false;
                        }
                    }
                    prev_item_first = if is_item { Some(si) } else { prev_item_first };
                }
                Line::Status => {
                    // "goal 1, Berg of 48/56 or better, was met": a status restating its goal.
                    let emb = embedded(p, &status, si, section_tf);
                    items += emb.len();
                    out.extend(emb);
                    if !is_item && items > 0 && s.para_start {
                        closed = true;
                    }
                }
                Line::Other => {
                    // An intervention with its time, vitals after the session: the goals
                    // list has ended.
                    if !is_item && items > 0 && (s.para_start || s.line_start) {
                        closed = true;
                        if let Some(slot) = in_goal_section.get_mut(si) {
                            *slot = false;
                        }
                    }
                }
            }
        }
    }
    // (2)–(4) outside goals sections.
    let prose_tf = prose_timeframes(p, &status);
    // The sentence of the last goal stated in prose ("Within 12 weeks she will …"): the
    // "she will …" right after it in the same section is one more of its goals, with or
    // without a timeframe ("She will also improve word finding.").
    let mut last_prose: Option<usize> = None;
    for (si, s) in p.sents.iter().enumerate() {
        if in_goal_section.get(si).copied().unwrap_or(false) {
            continue;
        }
        if matches!(p.section(si), Some(SectionKind::PatientGoals)) {
            continue;
        }
        if let Some(list) = goal_list(p, si) {
            out.extend(list);
            continue;
        }
        let emb = embedded(p, &status, si, prose_tf.contains(&s.section));
        if !emb.is_empty() {
            out.extend(emb);
            continue;
        }
        if let Some((a, b)) = goals_recounted(p, si) {
            // The goals as they were set, recounted in prose: a paraphrase, not judged again.
            let mut g = judge(p, a, b, false);
            g.measurable = true;
            g.timeframe = true;
            out.push(g);
            continue;
        }
        let (start, _) = content_start(p, si);
        let after_goal = si > 0
            && last_prose == Some(si - 1)
            && p.sents.get(si - 1).map(|b| b.section) == Some(s.section);
        if will_sentence(p, si, start)
            && (after_goal || has_timeframe(p, start, s.end))
            && !plan_like(p, si)
        {
            out.push(judge(p, start, s.end, false));
            last_prose = Some(si);
        }
    }
    crate::sort::sort_by_key(&mut out, |g| g.start);
    out.dedup_by_key(|g| g.start);
    out
}

/// Whether each heading's goals have a timeframe from the heading: its qualifier, a "Time
/// frame:" line, or the goals heading of the same term just above ("Short-term goals (3
/// wks):" then "STG 1:", "STG 2:").
fn heading_timeframes(p: &Parsed<'_>) -> Vec<bool> {
    let mut out = Vec::with_capacity(p.headings.len());
    let mut last: Option<(GoalTerm, bool)> = None;
    let mut prev_goals = false;
    for h in &p.headings {
        if h.kind != SectionKind::Goals {
            out.push(false);
            last = None;
            prev_goals = false;
            continue;
        }
        let own = has_timeframe_loose(p, h.qualifier.0, h.qualifier.1)
            || h.timeframe_line
                .is_some_and(|(a, b)| has_timeframe_loose(p, a, b));
        let inherited = !own
            && prev_goals
            && matches!(last, Some((t, true)) if t == h.term || t == GoalTerm::Any);
        if !inherited {
            last = Some((h.term, own));
        }
        out.push(own || inherited);
        prev_goals = true;
    }
    out
}

/// Whether `a..b` states a timeframe.
pub(crate) fn has_timeframe(p: &Parsed<'_>, a: u32, b: u32) -> bool {
    quantities::has_timeframe(p.doc, &p.quants, a, b)
}

/// A "Time frame: 4 weeks" line: any period counts.
fn has_timeframe_loose(p: &Parsed<'_>, a: u32, b: u32) -> bool {
    has_timeframe(p, a, b)
        || p.quants
            .iter()
            .any(|q| q.start >= a && q.end <= b && q.unit.is_period())
}

/// Where a sentence's content starts (after a list marker or a bare leading number).
fn content_start(p: &Parsed<'_>, si: usize) -> (u32, bool) {
    let Some(s) = p.sents.get(si) else {
        return (0, false);
    };
    if let Some(m) = s.item {
        let i = p.doc.tok_from(m);
        let start = p.doc.toks.get(i).map_or(s.end, |t| t.start.min(s.end));
        return (start, true);
    }
    if starts_with_bare_number(p, si) {
        let i = p.doc.tok_from(s.start);
        let start = p.doc.toks.get(i + 1).map_or(s.end, |t| t.start.min(s.end));
        return (start, true);
    }
    (s.start, false)
}

/// The kind of a list item's marker: a number, a letter, a bullet or a checkbox.
fn marker_kind(p: &Parsed<'_>, si: usize) -> Option<u8> {
    let s = p.sents.get(si)?;
    let i = p.doc.tok_from(s.start);
    let t = p.doc.toks.get(i)?;
    Some(match t.kind {
        TokKind::Num => b'1',
        TokKind::Word => b'a',
        _ => match p.doc.byte(t.start as usize) {
            b'[' => b'[',
            b'(' => b'1',
            c => c,
        },
    })
}

/// "1 Within 4 months, …": a list number without punctuation at a line's start.
fn starts_with_bare_number(p: &Parsed<'_>, si: usize) -> bool {
    let Some(s) = p.sents.get(si) else {
        return false;
    };
    if !s.line_start {
        return false;
    }
    let i = p.doc.tok_from(s.start);
    let (Some(t), Some(n)) = (p.doc.toks.get(i), p.doc.toks.get(i + 1)) else {
        return false;
    };
    t.kind == TokKind::Num
        && t.end - t.start <= 2
        && n.kind == TokKind::Word
        && n.start == t.end + 1
        && p.doc
            .orig(n.start, n.end)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
}

/// The end of the words a line is read to.
struct Span32 {
    end: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Line {
    Goal,
    Narrative,
    Status,
    Other,
}

/// What a line under a goals heading is.
fn classify(p: &Parsed<'_>, si: usize, start: u32) -> Line {
    let Some(s) = p.sents.get(si) else {
        return Line::Other;
    };
    classify_range(p, si, start, s.end)
}

/// What the words `start..end` of sentence `si` are (one item of a goals line).
fn classify_range(p: &Parsed<'_>, si: usize, start: u32, end: u32) -> Line {
    let s = Span32 { end };
    let words = word_list(p, start, s.end);
    let Some(first) = words.first().copied() else {
        return Line::Other;
    };
    let digits = p.doc.f(start, s.end).bytes().any(|b| b.is_ascii_digit());
    if words.len() < 2 && !digits {
        return Line::Status;
    }
    // "NMR 15 min: gaze stabilization …", "HR 84 after session": the treatment given or
    // the response to it, not a goal.
    let cs: Vec<&super::pipeline::Concept> = p
        .concepts_in(si)
        .iter()
        .filter(|c| c.start >= start && c.end <= end)
        .collect();
    // "Ther ex 15 min: …", "NMR 97112 — 25 min": an intervention with its time right after.
    let treatment_line = cs.iter().any(|c| {
        c.lex == Lex::Intervention
            && c.start <= start + 12
            && p.quants_in(si).iter().any(|q| {
                matches!(q.unit, Unit::Minutes | Unit::Units)
                    && q.start >= c.end
                    && q.start <= c.end + 14
            })
    });
    let response_line = cs.iter().any(|c| {
        c.lex == Lex::Response
            && matches!(c.group, g::response::AFTER | g::response::VITALS)
            && c.start <= start + 12
    }) && !words.iter().any(|w| word_is(w, "will"));
    // A signature line under the goals.
    let signature = cs
        .iter()
        .any(|c| c.lex == Lex::Credential && c.group == g::credential::CREDENTIAL);
    if treatment_line || response_line || signature {
        return Line::Other;
    }
    if words.iter().any(|w| AGREEMENT.has(w)) && !words.iter().any(|w| word_is(w, "will")) {
        return Line::Other;
    }
    // "Met", "Status: partially met", "Goal met", "LTG 1 not met" with nothing more.
    if word_in(first, STATUS_START) && status_only(p, start, s.end) {
        return Line::Status;
    }
    // "Not met, requires min A for standing tasks": a status and its explanation.
    let status_first = cs.iter().any(|c| {
        c.lex == Lex::Progress
            && c.group == g::progress::STATUS
            && p.doc.f(start, c.start).split_whitespace().count() == 0
    });
    if status_first {
        return Line::Status;
    }
    // "FOIS 4 at eval -> FOIS 5 at last visit": a measure then and now, not a goal.
    let modal_here = words
        .iter()
        .any(|w| word_in(w, &["will", "shall", "should"]));
    if !modal_here && p.doc.f(start, end).contains("->") {
        return Line::Status;
    }
    // "long paragraphs still overload him": how things stand, not a goal.
    if !modal_here
        && words
            .iter()
            .any(|w| word_in(w, &["still", "currently", "continues", "remains"]))
    {
        return Line::Narrative;
    }
    // A subject and a verb other than "will": a report ("He met …", "The patient appears …").
    let mut i = 0;
    if first == "the" || first == "our" || first == "this" || first == "his" || first == "her" {
        i = 1;
    }
    let subj = words.get(i).copied().unwrap_or("");
    let subject = word_in(first, SUBJECTS)
        && (i == 0
            || matches!(
                subj,
                "patient"
                    | "pt"
                    | "client"
                    | "child"
                    | "resident"
                    | "student"
                    | "goal"
                    | "goals"
                    | "caregiver"
                    | "family"
            ));
    // "We will re-administer them next visit": the therapist's plan, not a goal.
    if matches!(first, "we" | "i")
        && words
            .get(1)
            .is_some_and(|w| matches!(*w, "will" | "plan" | "would"))
        && !words
            .iter()
            .any(|w| matches!(*w, "expect" | "anticipate" | "like"))
    {
        return Line::Other;
    }
    if subject {
        let mut j = i + 1;
        if i == 0
            && !matches!(
                first,
                "patient"
                    | "pt"
                    | "client"
                    | "he"
                    | "she"
                    | "they"
                    | "we"
                    | "i"
                    | "it"
                    | "there"
                    | "resident"
                    | "child"
                    | "student"
                    | "caregiver"
                    | "family"
            )
        {
            return Line::Goal;
        }
        // "Pt and his wife will …": the subject shared with a caregiver (someone else, as the
        // context modifiers' experiencers name them).
        if words.get(j).is_some_and(|w| *w == "and") {
            let mut k = j + 1;
            if words
                .get(k)
                .is_some_and(|w| matches!(*w, "his" | "her" | "their" | "the"))
            {
                k += 1;
            }
            // The caregiver: the context pass's experiencer at that word.
            if k < words.len() && p.experiencer_at(start, k) {
                j = k + 1;
            }
        }
        while words.get(j).is_some_and(|w| word_in(w, SKIP_ADVERBS)) {
            j += 1;
        }
        let verb = words.get(j).copied().unwrap_or("");
        let next = words.get(j + 1).copied().unwrap_or("");
        let goal_form = match verb {
            "will" | "shall" | "should" | "to" | "expect" | "anticipate" => true,
            "is" | "are" => next == "to",
            "would" => next == "be" || next == "like",
            _ => false,
        };
        if subj == "goal" || subj == "goals" {
            return Line::Status;
        }
        return if goal_form {
            Line::Goal
        } else {
            Line::Narrative
        };
    }
    // "At the recheck last month she showed …": a report, not a goal. A goal is
    // written with "will"/"is to"/"to …" or as a bare target; a clause with a subject and no
    // modal reports what happened.
    let modal = words.iter().any(|w| {
        matches!(
            *w,
            "will"
                | "shall"
                | "should"
                | "would"
                | "expect"
                | "expected"
                | "anticipate"
                | "anticipated"
        )
    }) || first == "to"
        || words.windows(2).any(|w| {
            matches!(w, [a, "to"] if matches!(*a, "is" | "are")) || matches!(w, ["to", "be"])
        });
    // A subject and its verb, not in a clause that only dates the goal ("by the time she
    // returns to work", "before he goes home").
    let reported = || {
        words.windows(2).enumerate().any(|(k, w)| {
            let opened = k
                .checked_sub(1)
                .and_then(|j| words.get(j))
                .is_some_and(|x| matches!(*x, "time" | "before" | "until" | "till" | "when" | "once" | "after"));
            !opened && matches!(w, [a, b] if matches!(*a, "he" | "she" | "they" | "we" | "patient" | "pt" | "client") && !matches!(*b, "will" | "shall" | "should" | "would" | "to" | "is" | "and" | "or" | "with" | "in" | "on"))
        })
    };
    if !modal && reported() {
        return Line::Narrative;
    }
    // "Oswestry and TUG were deferred today": a report in the past tense.
    let past = || {
        words
        .windows(2)
        .any(|w| matches!(w, [a, b] if matches!(*a, "was" | "were" | "did" | "has" | "had") && !matches!(*b, "to")))
    };
    if !modal && past() {
        return Line::Narrative;
    }
    Line::Goal
}

fn word_list<'a>(p: &'a Parsed<'_>, a: u32, b: u32) -> &'a [&'a str] {
    p.words_between(a, b)
}

/// Whether `a..b` holds only goal words, numbers, status words and punctuation.
fn status_only(p: &Parsed<'_>, a: u32, b: u32) -> bool {
    const OK: &[&str] = &[
        "status",
        "goal",
        "goals",
        "stg",
        "ltg",
        "stgs",
        "ltgs",
        "met",
        "not",
        "yet",
        "partially",
        "partial",
        "achieved",
        "unmet",
        "ongoing",
        "progressing",
        "in",
        "progress",
        "continuing",
        "continue",
        "continued",
        "discontinued",
        "deferred",
        "revised",
        "new",
        "is",
        "was",
        "were",
        "has",
        "been",
        "currently",
        "fully",
        "and",
        "short",
        "long",
        "term",
        "all",
        "of",
    ];
    word_list(p, a, b).iter().all(|w| word_in(w, OK)) || {
        // "Status: partially met (300 ft, SBA)": a status with its evidence in brackets.
        // The words before the bracket must say a status, not only name the goal ("LTG (6
        // wks): return to jogging" is a goal with its timeframe).
        const LABELS: &[&str] = &[
            "status", "goal", "goals", "stg", "ltg", "stgs", "ltgs", "short", "long", "term",
            "new", "and", "all", "of", "is", "was", "were", "has", "been", "in",
        ];
        let t = p.doc.f(a, b);
        let head = t.split('(').next().unwrap_or(t);
        let words = || {
            head.split(|c: char| !c.is_ascii_alphabetic())
                .filter(|w| !w.is_empty())
        };
        !head.is_empty()
            && head.len() < t.len()
            && words().all(|w| word_in(w, OK))
            && words().any(|w| !word_in(w, LABELS))
    }
}

fn has_word(p: &Parsed<'_>, si: usize, w: &str) -> bool {
    p.words(si).any(|x| x == w)
}

/// Items of a goals line: split at ";" and at inline numbers ("1) …; 2) …", "… 2. …")
/// when the first number opens the line or follows a colon.
fn split_items(p: &Parsed<'_>, a: u32, b: u32) -> Vec<(u32, u32)> {
    let toks = &p.doc.toks;
    let i0 = p.doc.tok_from(a);
    let mut cuts: Vec<(u32, u32)> = Vec::new(); // (cut at, content start)
    let mut seen_number = false;
    let mut j = i0;
    while let Some(t) = toks.get(j) {
        if t.start >= b {
            break;
        }
        let bt = p.doc.byte(t.start as usize);
        if t.kind == TokKind::Punct && bt == b';' {
            cuts.push((t.start, t.end));
        }
        if let Some(end) = inline_number(p, j) {
            let prev = j.checked_sub(1).and_then(|k| toks.get(k));
            let at_start = j == i0 && p.doc.f(a, t.start).trim().is_empty();
            let after_colon = prev
                .is_some_and(|x| matches!(p.doc.byte(x.start as usize), b':' | b';' | b','))
                || prev.is_some_and(|x| {
                    x.kind == TokKind::Word && matches!(p.doc.tok_str(x), "and" | "or")
                });
            if at_start || after_colon || seen_number {
                seen_number = true;
                if !at_start {
                    cuts.push((t.start, end));
                }
            }
        }
        j += 1;
    }
    let mut out = Vec::new();
    let mut from = a;
    // A leading "1)" is skipped.
    if let Some(end) = inline_number(p, i0) {
        if toks
            .get(i0)
            .is_some_and(|t| p.doc.f(a, t.start).trim().is_empty())
        {
            from = end;
        }
    }
    for (cut, next) in cuts {
        if cut > from {
            out.push(trim(p, from, cut));
        }
        from = next;
    }
    if b > from {
        out.push(trim(p, from, b));
    }
    out.retain(|(x, y)| y > x);
    // Trailing "and" of an item before "2)".
    out.into_iter()
        .map(|(x, y)| {
            let t = p.doc.f(x, y);
            let t2 = t
                .strip_suffix(" and")
                .or_else(|| t.strip_suffix(" or"))
                .unwrap_or(t);
            (x, x + t2.len() as u32)
        })
        .collect()
}

/// An inline list number at token `j`: "1)", "(1)", "1." before a word. Returns where it ends.
fn inline_number(p: &Parsed<'_>, j: usize) -> Option<u32> {
    let toks = &p.doc.toks;
    let t = toks.get(j)?;
    let n = toks.get(j + 1)?;
    match t.kind {
        TokKind::Num if t.end - t.start <= 2 && n.start == t.end => {
            let c = p.doc.byte(n.start as usize);
            let after = toks.get(j + 2)?;
            (matches!(c, b')' | b'.') && after.kind == TokKind::Word && after.start > n.end)
                .then_some(n.end)
        }
        TokKind::Punct if p.doc.byte(t.start as usize) == b'(' => {
            let c = toks.get(j + 2)?;
            (n.kind == TokKind::Num && n.end - n.start <= 2 && p.doc.byte(c.start as usize) == b')')
                .then_some(c.end)
        }
        _ => None,
    }
}

/// Whether a column of the table row after `from` (up to `end`) holds only a date or a
/// timeframe: the goal's target date. A status column with a date ("Met 3/12") does not.
fn date_column(p: &Parsed<'_>, from: u32, end: u32) -> bool {
    let row = p.doc.f(from, end);
    let mut at = from;
    for cell in row.split('|') {
        let (a, b) = (at, at + cell.len() as u32);
        at = b + 1;
        let (a, b) = trim(p, a, b);
        if b <= a {
            continue;
        }
        let words = word_list(p, a, b);
        let dated = p
            .quants
            .iter()
            .any(|q| q.start >= a && q.end <= b && (q.unit == Unit::Date || q.unit.is_period()));
        // Only the date's own words ("Jul 12, 2026") besides it, or a timeframe.
        let date_words = words.iter().all(|w| quantities::is_month_name(w));
        if dated && (date_words || has_timeframe(p, a, b)) {
            return true;
        }
    }
    false
}

fn trim(p: &Parsed<'_>, a: u32, b: u32) -> (u32, u32) {
    let t = p.doc.f(a, b);
    let lead = t.len() - t.trim_start_matches([' ', ',', ':', '-', '*']).len();
    let t2 = t.trim_end_matches([' ', ',', ';', '\n']);
    (a + lead as u32, a + t2.len() as u32)
}

/// More than a number or a word, and not a pointer to goals written elsewhere ("see
/// flowsheet", "as above", "per the plan of care", "to be set at the next visit").
fn meaningful(p: &Parsed<'_>, a: u32, b: u32) -> bool {
    p.words_between(a, b).len() >= 2 && !pointer(p, a, b)
}

/// "see flowsheet", "per IEP", "as above", "to be set at the next visit": goals kept
/// elsewhere.
fn pointer(p: &Parsed<'_>, a: u32, b: u32) -> bool {
    let (a, b) = trim(p, a, b);
    let words = p.words_between(a, b);
    let first = words.first().copied().unwrap_or("");
    matches!(first, "see" | "refer" | "per")
        || words.starts_with(&["as", "above"])
        || words.starts_with(&["as", "per"])
        || words.starts_with(&["to", "be", "set"])
        || words.starts_with(&["to", "be", "established"])
        || words.starts_with(&["to", "be", "determined"])
}

/// "Pt will …", "Within 4 weeks, the patient will …", "To independently …".
fn will_sentence(p: &Parsed<'_>, si: usize, start: u32) -> bool {
    let Some(s) = p.sents.get(si) else {
        return false;
    };
    let words = word_list(p, start, s.end);
    let pos = words.iter().position(|w| *w == "will");
    let Some(k) = pos else { return false };
    if k > 8 {
        return false;
    }
    let before = words.get(..k).unwrap_or(&[]);
    // The subject: "pt", "the patient", a name, "he", with an optional leading timeframe.
    before.iter().any(|w| {
        matches!(
            *w,
            "pt" | "patient"
                | "client"
                | "resident"
                | "child"
                | "he"
                | "she"
                | "they"
                | "caregiver"
                | "family"
                | "student"
        )
    }) || (before.len() <= 4
        && p.doc
            .orig(start, s.end)
            .split_whitespace()
            .nth(before.len().saturating_sub(1))
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase)))
}

/// "Pt will be seen 2x/wk", "will continue", "will progress next visit": plans, not goals.
fn plan_like(p: &Parsed<'_>, si: usize) -> bool {
    const PLAN_VERBS: &[&str] = &[
        "seen",
        "attend",
        "continue",
        "return",
        "follow",
        "receive",
        "benefit",
        "call",
        "contact",
        "notify",
        "schedule",
        "come",
        "discharged",
        "reevaluated",
        "reassessed",
        "referred",
        "progress",
        "progressed",
        "advance",
        "advanced",
        "add",
        "begin",
        "start",
        "trial",
        "receive",
        "undergo",
        "participate",
        "try",
        "bring",
        "purchase",
        "obtain",
        "order",
        "see",
        "meet",
        "discuss",
        "consult",
        "check",
        "ask",
        "speak",
        "talk",
        "send",
        "fax",
        "email",
        // "Goals will be set at the next visit": about goals, not one.
        "set",
        "established",
        "determined",
        "updated",
        "revised",
        "reviewed",
        "addressed",
        "written",
        "developed",
    ];
    let words = p.word_slice(si);
    let after_will = words
        .iter()
        .position(|w| *w == "will")
        .and_then(|k| words.get(k + 1..))
        .unwrap_or(&[]);
    let verb = after_will
        .iter()
        .find(|w| !matches!(**w, "be" | "then" | "also" | "need" | "to"))
        .copied()
        .unwrap_or("");
    word_in(verb, PLAN_VERBS)
        || p.quants_in(si)
            .iter()
            .any(|q| matches!(q.unit, Unit::PerWeek | Unit::PerDay))
        || p.has(si, Lex::Plan, g::plan::FREQUENCY)
}

/// Goals recounted in prose in a report or a discharge: "his goals were to dress … by
/// discharge, to shower …", "The goals set on 1/13 for 12 weeks were for her to open jars
/// …", "He met all three goals set at the evaluation for 8 weeks: walking …". Returns the
/// goals' words. Not the patient's own goals, nor goals still to come ("goals are to").
fn goals_recounted(p: &Parsed<'_>, si: usize) -> Option<(u32, u32)> {
    let s = p.sents.get(si)?;
    let c = p.concepts_in(si).iter().find(|c| {
        c.lex == Lex::Progress
            && c.group == g::progress::GOAL_WORD
            && p.doc.f(c.start, c.end).ends_with("goals")
    })?;
    let before = p.doc.f(s.start, c.start).trim_end();
    if [
        "patient's",
        "client's",
        "pt's",
        "family's",
        "parent's",
        "caregiver's",
    ]
    .iter()
    .any(|w| before.ends_with(w))
    {
        return None;
    }
    let rest = p.doc.f(c.end, s.end);
    let window = rest.get(..rest.len().min(70)).unwrap_or(rest);
    let cue = [
        " were to ",
        " were for her to ",
        " were for him to ",
        " were for them to ",
    ]
    .iter()
    .filter_map(|w| window.find(w).map(|i| i + w.len()))
    .min()
    .or_else(|| {
        // "goals set at the evaluation for 8 weeks: walking …"
        let colon = window.find(": ")?;
        let head = window.get(..colon).unwrap_or("");
        head.starts_with(" set ").then_some(colon + 2)
    })?;
    let a = c.end + cue as u32;
    let (a, b) = trim(p, a, s.end);
    (count_words(p.doc.f(a, b)) > 3).then_some((a, b))
}

/// A goal stated inside a report of its status: "has not yet reached his memory goal,
/// which asked him to …", "met her long-term goal of a clearer voice for …".
fn embedded(p: &Parsed<'_>, status: &StatusGoals, si: usize, section_tf: bool) -> Vec<GoalItem> {
    let mut out = Vec::new();
    let Some(s) = p.sents.get(si) else { return out };
    if let Some((a, b)) = status.of(p, si) {
        // A goal restated in prose inside its status is a paraphrase of the goal as set
        // (which had its target and timeframe): it shows the goals, it is not judged again.
        let mut g = judge(p, a, b, section_tf);
        g.measurable = true;
        g.timeframe = true;
        out.push(g);
        return out;
    }
    for c in p.concepts_in(si) {
        if !(c.lex == Lex::Progress && c.group == g::progress::GOAL_WORD) {
            continue;
        }
        let before = p.doc.f(s.start, c.start);
        // The patient's own goal ("client's goal", "patient's goal") is not a therapy goal.
        let tail = before.trim_end();
        if [
            "patient's",
            "client's",
            "pt's",
            "patients",
            "clients",
            "family's",
            "parent's",
            "caregiver's",
        ]
        .iter()
        .any(|w| tail.ends_with(w))
        {
            continue;
        }
        // A qualified goal: "long-term goal", "memory goal", "goal #2".
        let qualified = p.concepts_in(si).iter().any(|q| {
            q.lex == Lex::Progress
                && q.group == g::progress::GOAL_QUALIFIER
                && q.end + 1 >= c.start
                && q.end <= c.start
        }) || matches!(
            p.doc.f(c.start, c.end),
            "stg"
                | "ltg"
                | "short term goal"
                | "long term goal"
                | "short term goals"
                | "long term goals"
        );
        if !qualified {
            continue;
        }
        let after = p.doc.f(c.end, s.end);
        let lead = after.trim_start();
        let content = lead
            .strip_prefix("of ")
            .or_else(|| lead.strip_prefix(", which required "))
            .or_else(|| lead.strip_prefix("which required "))
            .or_else(|| lead.strip_prefix(", which was to "))
            .or_else(|| lead.strip_prefix("to "));
        let Some(content) = content else { continue };
        // The goal stated, not named: "progressing toward LTG of reciprocal stairs" names a
        // goal; "met her long-term goal of a clearer voice for teaching …"
        // states one.
        let clause = content.split([';', '.']).next().unwrap_or("");
        if clause.split_whitespace().count() < 5 {
            continue;
        }
        // From the qualifier (or the goal word) to the sentence's end.
        let start = p
            .concepts_in(si)
            .iter()
            .filter(|q| {
                q.lex == Lex::Progress
                    && q.group == g::progress::GOAL_QUALIFIER
                    && q.end <= c.start
                    && q.end + 1 >= c.start
            })
            .map(|q| q.start)
            .min()
            .unwrap_or(c.start);
        // Extend the qualifier backwards over its words ("memory goal").
        let end = s.end;
        let (a, b) = trim(p, start, end);
        let b = p.doc.f(a, b).trim_end_matches('.').len() as u32 + a;
        out.push(judge(p, a, b, section_tf));
        break;
    }
    out
}

const ORDINALS: &[&str] = &[
    "first", "second", "third", "fourth", "fifth", "sixth", "last", "final", "1st", "2nd", "3rd",
    "4th",
];
const STATUS_WORDS: &[&str] = &[
    "met",
    "achieved",
    "accomplished",
    "partially",
    "progressing",
    "ongoing",
    "reached",
    "unmet",
    "attained",
];

/// [`status_goal`] of each sentence, found when first asked: the prose timeframes and the
/// goals embedded in sentences ask it of the same sentences.
struct StatusGoals(Vec<std::cell::OnceCell<Option<(u32, u32)>>>);

impl StatusGoals {
    fn new(p: &Parsed<'_>) -> StatusGoals {
        StatusGoals(vec![std::cell::OnceCell::new(); p.sents.len()])
    }

    fn of(&self, p: &Parsed<'_>, si: usize) -> Option<(u32, u32)> {
        match self.0.get(si) {
            Some(cell) => *cell.get_or_init(|| status_goal(p, si)),
            None => status_goal(p, si),
        }
    }
}

/// A goal restated inside its status, in prose: "Long-term goal 2, LEFS of 70/80 within 8
/// weeks, is partially met", "Long-term goal 1 (flexion to 130 degrees in 6 weeks) is met",
/// "Her second goal was to summarize …", "The first, to walk … within 3 weeks, was met",
/// "… independently, which was his first goal". Returns the goal's words.
fn status_goal(p: &Parsed<'_>, si: usize) -> Option<(u32, u32)> {
    let s = p.sents.get(si)?;
    let cs = p.concepts_in(si);
    // At least four words in `a..b` (the count stops at the fourth).
    let four_words = |a: u32, b: u32| count_words(p.doc.f(a, b)) > 3;
    let has_status = |t: &str| {
        t.split(|c: char| !c.is_ascii_alphanumeric())
            .any(|w| word_in(w, STATUS_WORDS))
    };
    let clip = |a: u32, b: u32| {
        let (a, b) = trim(p, a, b);
        let t = p.doc.f(a, b);
        let t2 = t.trim_end_matches(['.', ',', ';', ' ']);
        (a, a + t2.len() as u32)
    };
    // "…, which was his first goal", "…, meeting his third goal".
    let text = p.doc.f(s.start, s.end);
    // Each cue opens with a comma: where each is first found, in one pass over the commas.
    let cues = [", which was ", ", meeting ", ", which met "];
    let found = find_comma_cues(text, &cues);
    for (cue, at) in cues.iter().zip(found) {
        if let Some(i) = at {
            let rest = text.get(i + cue.len()..).unwrap_or("");
            let mut ws = rest.split_whitespace();
            let w1 = ws.next().unwrap_or("");
            let w2 = ws.next().unwrap_or("");
            let w3 = ws.next().unwrap_or("");
            let ord = |w: &str| word_in(w, ORDINALS);
            if (ord(w2) && w3.starts_with("goal")) || (ord(w1) && w2.starts_with("goal")) {
                let (a, b) = clip(s.start, s.start + i as u32);
                if four_words(a, b) {
                    return Some((a, b));
                }
            }
        }
    }
    // The goal named before its words.
    let mut refs: Vec<u32> = cs
        .iter()
        .filter(|c| c.lex == Lex::Progress && c.group == g::progress::GOAL_WORD)
        .filter(|c| {
            let before = p.doc.f(s.start, c.start).trim_end();
            let prev = before.rsplit(' ').next().unwrap_or("");
            let qualified = cs.iter().any(|q| {
                q.lex == Lex::Progress
                    && q.group == g::progress::GOAL_QUALIFIER
                    && q.end <= c.start
                    && q.end + 1 >= c.start
            }) || word_in(prev, ORDINALS)
                || matches!(
                    p.doc.f(c.start, c.end),
                    "stg" | "ltg" | "short term goal" | "long term goal"
                )
                || p.doc
                    .f(c.end, c.end + 4)
                    .trim_start()
                    .trim_start_matches('#')
                    .starts_with(|ch: char| ch.is_ascii_digit());
            qualified
                && !["patient's", "client's", "pt's", "family's", "caregiver's"]
                    .iter()
                    .any(|w| before.ends_with(w))
        })
        .map(|c| c.end)
        .collect();
    // "The first, to …, was met" after a sentence about goals.
    // (Most sentences do not open with "the": those are not split.)
    let mut lead = text
        .trim_start()
        .starts_with("the")
        .then(|| text.split_whitespace())
        .into_iter()
        .flatten();
    if let (Some(the), Some(ord)) = (lead.next(), lead.next()) {
        let ord = ord.trim_end_matches(',');
        if the == "the"
            && word_in(ord, ORDINALS)
            && text
                .get(the.len() + 1 + ord.len()..)
                .is_some_and(|r| r.starts_with(','))
        {
            let prev_goal = si.checked_sub(1).is_some_and(|j| {
                p.concepts_in(j)
                    .iter()
                    .any(|c| c.lex == Lex::Progress && c.group == g::progress::GOAL_WORD)
            });
            if prev_goal {
                refs.push(s.start + (the.len() + 1 + ord.len()) as u32);
            }
        }
    }
    for r in refs {
        let mut at = r;
        // Skip the goal's number: "goal 2", "goal #2".
        let rest = p.doc.f(at, s.end);
        let numbered = rest.trim_start().trim_start_matches('#');
        let skip = if numbered.starts_with(|c: char| c.is_ascii_digit()) {
            rest.len()
                - numbered
                    .trim_start_matches(|c: char| c.is_ascii_digit())
                    .len()
        } else {
            0
        };
        at += skip as u32;
        let rest = p.doc.f(at, s.end);
        let (a, b) = if let Some(inner) = rest.strip_prefix(" (") {
            let close = inner.find(')')?;
            let after = inner.get(close + 1..).unwrap_or("");
            if !has_status(after.get(..after.len().min(40)).unwrap_or("")) {
                continue;
            }
            (at + 2, at + 2 + close as u32)
        } else if let Some(inner) = rest.strip_prefix(", ") {
            // Up to the comma before the status: ", is partially met", ", was met".
            let mut end = None;
            for (k, _) in inner.match_indices(", ") {
                let after = inner.get(k + 2..).unwrap_or("");
                let head: String = after
                    .split_whitespace()
                    .take(4)
                    .collect::<Vec<_>>()
                    .join(" ");
                if has_status(&head) {
                    end = Some(k);
                    break;
                }
            }
            let Some(k) = end else { continue };
            let inner = inner.get(..k).unwrap_or("");
            let inner_start =
                at + 2 + inner.len() as u32 - inner.trim_start_matches("to ").len() as u32;
            (inner_start, at + 2 + k as u32)
        } else if let Some(inner) = rest
            .strip_prefix(" was to ")
            .or_else(|| rest.strip_prefix(" is to "))
        {
            let start = at + (rest.len() - inner.len()) as u32;
            let end = inner
                .find(", and ")
                .or_else(|| inner.find("; "))
                .map_or(s.end, |k| start + k as u32);
            (start, end)
        } else {
            continue;
        };
        let (a, b) = clip(a, b);
        if four_words(a, b) {
            return Some((a, b));
        }
    }
    None
}

/// The first place of each cue (each starts with a comma) in `text`, in one pass: each comma
/// found with `memchr`, then the cues compared there (a sentence holds few commas, so this
/// costs less than a substring search per cue).
fn find_comma_cues<const N: usize>(text: &str, cues: &[&str; N]) -> [Option<usize>; N] {
    let b = text.as_bytes();
    let mut out = [None; N];
    for i in memchr::memchr_iter(b',', b) {
        let rest = b.get(i..).unwrap_or(&[]);
        for (slot, cue) in out.iter_mut().zip(cues) {
            if slot.is_none() && rest.starts_with(cue.as_bytes()) {
                *slot = Some(i);
            }
        }
        if out.iter().all(Option::is_some) {
            break;
        }
    }
    out
}

/// The sections that say when their goals were to be met, in a sentence of its own: "These
/// goals were all set at evaluation for achievement by 04/17/2026", "She met all three goals
/// set for the 8-week plan".
fn prose_timeframes(p: &Parsed<'_>, status: &StatusGoals) -> Vec<Option<u16>> {
    let mut out: Vec<Option<u16>> = Vec::new();
    for (j, s) in p.sents.iter().enumerate() {
        if out.contains(&s.section) {
            continue;
        }
        if p.concepts_in(j)
            .iter()
            .any(|c| c.lex == Lex::Progress && c.group == g::progress::GOAL_WORD)
            && has_timeframe(p, s.start, s.end)
            && status.of(p, j).is_none()
        {
            out.push(s.section);
        }
    }
    out
}

/// "Together we chose goals aimed at …: 1) … and 2) …": the listed items are goals.
fn goal_list(p: &Parsed<'_>, si: usize) -> Option<Vec<GoalItem>> {
    let s = p.sents.get(si)?;
    let gw = p
        .concepts_in(si)
        .iter()
        .find(|c| c.lex == Lex::Progress && c.group == g::progress::GOAL_WORD)?;
    let before = p.doc.f(s.start, gw.start).trim_end();
    if ["patient's", "client's", "pt's"]
        .iter()
        .any(|w| before.ends_with(w))
    {
        return None;
    }
    let rest = p.doc.f(gw.end, s.end);
    let colon = rest.find(':')? as u32 + gw.end;
    let i = p.doc.tok_from(colon + 1);
    inline_number(p, i)?;
    let items = split_items(p, colon + 1, s.end);
    let out: Vec<GoalItem> = items
        .into_iter()
        .filter(|(a, b)| meaningful(p, *a, *b))
        .map(|(a, b)| {
            let b = p.doc.f(a, b).trim_end_matches('.').len() as u32 + a;
            judge(p, a, b, false)
        })
        .collect();
    (!out.is_empty()).then_some(out)
}

/// The goal in a goals heading's words before the colon, if they state one (more than a
/// number, a timeframe and words such as "added at re-evaluation").
fn inline_goal(p: &Parsed<'_>, a: u32, b: u32) -> Option<(u32, u32)> {
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
        "visits",
        "achieved",
        "accomplished",
        "completed",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "twelve",
        "week",
        "month",
        "months",
        "days",
        "day",
        "visit",
        "sessions",
        "session",
        // "Goals to be met by discharge home (anticipated in 3 weeks):": when, not what.
        "discharge",
        "dc",
        "home",
        "anticipated",
        "expected",
        "end",
        "plan",
        "care",
        "poc",
        "recert",
        "recertification",
    ];
    if b <= a {
        return None;
    }
    // Parenthesized qualifiers ("(long-term goals, 10 weeks from evaluation)") are not goals.
    let t = p.doc.f(a, b);
    let mut depth = 0usize;
    let mut words = 0;
    let mut cur = String::new();
    for c in t.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            c if depth == 0 && c.is_ascii_alphabetic() => cur.push(c),
            _ => {
                if !cur.is_empty() && depth == 0 && !FILLER.contains(&cur.as_str()) {
                    words += 1;
                }
                cur.clear();
            }
        }
    }
    if !cur.is_empty() && !FILLER.contains(&cur.as_str()) {
        words += 1;
    }
    if words < 2 {
        return None;
    }
    let lead = t.len()
        - t.trim_start_matches(|c: char| {
            c.is_ascii_digit() || c == ' ' || matches!(c, ',' | '#' | '.' | ')' | '-')
        })
        .len();
    let (x, y) = trim(p, a + lead as u32, b);
    (y > x).then_some((x, y))
}

/// Judges a goal's words: target and timeframe.
pub(crate) fn judge(p: &Parsed<'_>, a: u32, b: u32, section_tf: bool) -> GoalItem {
    let tfs = quantities::timeframes(p.doc, &p.quants, p.lex, &[], a, b);
    let in_tf = |x: u32, y: u32| tfs.iter().any(|(s, e)| x >= *s && y <= *e);
    let mut measurable = false;
    // Numbers outside the timeframe, goal numbers and dates.
    let i = p.doc.tok_from(a);
    let toks = p.doc.toks.get(i..).unwrap_or(&[]);
    for (k, t) in toks.iter().enumerate() {
        if t.start >= b {
            break;
        }
        if t.kind != TokKind::Num || in_tf(t.start, t.end) {
            continue;
        }
        let prev = k
            .checked_sub(1)
            .and_then(|j| toks.get(j))
            .map_or("", |x| p.doc.tok_str(x));
        if matches!(prev, "goal" | "stg" | "ltg" | "#" | "number") {
            continue;
        }
        // A list number opening the goal.
        if k == 0
            && toks
                .get(1)
                .is_some_and(|n| matches!(p.doc.byte(n.start as usize), b')' | b'.'))
        {
            continue;
        }
        let is_date = p
            .quants
            .iter()
            .any(|q| q.num.0 == t.start && q.unit == Unit::Date);
        if is_date {
            continue;
        }
        measurable = true;
        break;
    }
    let sent = p.sent_at(a);
    if !measurable {
        if let Some(si) = sent {
            let cs = p.concepts_in(si);
            let vague: Vec<(u32, u32)> = cs
                .iter()
                .filter(|c| c.lex == Lex::Assist && c.group == g::assist::VAGUE)
                .map(|c| (c.start, c.end))
                .collect();
            let within =
                |c: &super::pipeline::Concept| c.start >= a && c.end <= b && !in_tf(c.start, c.end);
            let not_vague = |c: &super::pipeline::Concept| {
                !vague.iter().any(|(x, y)| c.start >= *x && c.end <= *y)
            };
            measurable = cs.iter().any(|c| {
                c.lex == Lex::Assist
                    && matches!(c.group, g::assist::ASSIST | g::assist::CRITERION)
                    && within(c)
                    && not_vague(c)
            });
            if !measurable {
                let task = cs
                    .iter()
                    .find(|c| c.lex == Lex::Assist && c.group == g::assist::TASK && within(c));
                if let Some(t) = task {
                    measurable = cs.iter().any(|c| {
                        c.lex == Lex::Assist
                            && c.group == g::assist::MANNER
                            && within(c)
                            && c.start > t.end
                    });
                }
            }
        }
    }
    let timeframe = section_tf || !tfs.is_empty();
    GoalItem {
        start: a,
        end: b,
        measurable,
        timeframe,
    }
}
