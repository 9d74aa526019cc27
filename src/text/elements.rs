//! Stage 6: the documentation elements, each decided from the section, the concepts and
//! their context, with the words that decided it ([`Evidence`]). What each element means is
//! `docs/elements-spec.md`, read as a payer's reviewer reads it.

use super::context::Ctx;
use super::facts::{Evidence, RedFlag, RedFlagKind, Setting};
use super::goals::GoalItem;
use super::lexicon::{g, Lex};
use super::normalize::{count_words, word_in, word_is, Tok, TokKind, Words};
use super::pipeline::{Concept, Parsed};
use super::quantities::Unit;
use super::sections::SectionKind;

/// Element decisions share these.
pub(crate) struct Scope<'p, 't> {
    pub p: &'p Parsed<'t>,
    pub goals: &'p [GoalItem],
    pub setting: Setting,
}

impl Scope<'_, '_> {
    fn in_goal(&self, a: u32, b: u32) -> bool {
        self.goals.iter().any(|g| a < g.end && g.start < b)
    }

    fn ev(&self, a: u32, b: u32, concept: &'static str, si: usize, ctx: Ctx) -> Evidence {
        Evidence {
            span: self.p.doc.span(a, b),
            concept,
            section: self.p.section(si),
            context: ctx.name(),
        }
    }

    /// Treatment was delivered: the note is not an evaluation, or it bills a treatment.
    fn treated(&self) -> bool {
        !self.setting.evaluation || self.setting.treatment_billed
    }

    /// A past auxiliary ("was", "were", "had") just before `at` in sentence `si`.
    fn past_before(&self, si: usize, at: u32) -> bool {
        let Some(s) = self.p.sents.get(si) else {
            return false;
        };
        let i = self.p.doc.tok_from(s.start);
        let j = self.p.doc.tok_from(at);
        self.p
            .doc
            .toks
            .get(i..j)
            .unwrap_or(&[])
            .iter()
            .rev()
            .take_while(|t| {
                !(t.kind == TokKind::Punct
                    && matches!(self.p.doc.byte(t.start as usize), b',' | b';' | b':' | b'.'))
            })
            .take(10)
            .any(|t| {
                t.kind == TokKind::Word && matches!(self.p.doc.tok_str(t), "was" | "were" | "had")
            })
    }
}

fn is(c: &Concept, lex: Lex, group: u8) -> bool {
    c.lex == lex && c.group == group
}

// ---- progress -------------------------------------------------------------------------

/// Progress toward the goals: a goal's status, an objective comparison with an earlier value,
/// or a stated lack of progress. Not in the history, not planned.
#[inline(never)] // one stage: its own entry in a profile
pub(crate) fn progress(sc: &Scope<'_, '_>) -> Vec<Evidence> {
    let p = sc.p;
    let mut out = Vec::new();
    for si in 0..p.sents.len() {
        let sec = p.section(si);
        if sec.is_some_and(|k| k.is_history() || k == SectionKind::PatientGoals) {
            continue;
        }
        let cs = p.concepts_in(si);
        let in_goals_section = sec == Some(SectionKind::Goals);
        let goal_word = cs
            .iter()
            .find(|c| is(c, Lex::Progress, g::progress::GOAL_WORD));
        // A goal's status.
        for c in cs
            .iter()
            .filter(|c| is(c, Lex::Progress, g::progress::STATUS))
        {
            // "will be met" is a prognosis; "…, not met" after a goal is its status.
            if c.ctx.hypothetical() && p.doc.f(c.start.saturating_sub(3), c.start) == "be " {
                continue;
            }
            let w = p.doc.f(c.start, c.end);
            let vague = matches!(
                w,
                "progressing"
                    | "progressing toward"
                    | "progressing towards"
                    | "in progress"
                    | "ongoing"
                    | "continuing"
                    | "partially"
            );
            // Attached to a goal: a goal word in the sentence, or a goals section line.
            let attached = goal_word.is_some()
                || in_goals_section
                || sc
                    .goals
                    .iter()
                    .any(|g| c.start >= g.start && c.start <= g.end + 2);
            if !attached {
                continue;
            }
            if vague
                && !(in_goals_section
                    || sc
                        .goals
                        .iter()
                        .any(|g| c.start >= g.start && c.start <= g.end + 2)
                    || goal_number(p, si))
            {
                continue;
            }
            out.push(sc.ev(c.start, c.end, "goal status", si, c.ctx));
        }
        // A stated lack of progress.
        for c in cs
            .iter()
            .filter(|c| is(c, Lex::Progress, g::progress::NO_PROGRESS))
        {
            if c.ctx.hypothetical() {
                continue;
            }
            out.push(sc.ev(c.start, c.end, "no progress", si, c.ctx));
        }
        if let Some((a, b)) = comparison(sc, si) {
            out.push(sc.ev(a, b, "comparison", si, Ctx::default()));
        }
    }
    out
}

/// "goal 2", "STG #1", "LTG 3" in the sentence.
fn goal_number(p: &Parsed<'_>, si: usize) -> bool {
    let words = p.word_slice(si);
    let qs = p.quants_in(si);
    words.iter().any(|w| matches!(*w, "goal" | "stg" | "ltg"))
        && qs.iter().any(|q| q.value < 20.0 && q.unit == Unit::Bare)
}

/// A measure compared with an earlier one in sentence `si`: "improved from 7/10 to 3/10",
/// "75 ft -> 150 ft", "LEFS 52/80 (38/80 at eval)", "15/20 (11/20 on 2/18)", "Last
/// session 35/60", "13 deg since eval", "improved from moderate to mild". Not a comparison:
/// a range ("painful arc from 80 to 120 degrees"), a change within today's session ("the
/// band progressed from red to green", "HR 86 -> 98", "pain decreased from 6/10 to 3/10
/// after 15 minutes in the orthosis"), which is the therapist's grading or the patient's
/// response.
fn comparison(sc: &Scope<'_, '_>, si: usize) -> Option<(u32, u32)> {
    let p = sc.p;
    let s = p.sents.get(si)?;
    let all_q = p.quants_in(si);
    let qs: Vec<_> = all_q
        .iter()
        .filter(|q| {
            !matches!(q.unit, Unit::Date | Unit::PerWeek | Unit::PerDay)
                && !q.unit.is_period()
                && !q.word
        })
        .filter(|q| !sc.in_goal(q.start, q.end))
        .collect();
    let cs = p.concepts_in(si);
    let measures: Vec<(u32, u32)> = qs
        .iter()
        .map(|q| (q.start, q.end))
        .chain(
            cs.iter()
                .filter(|c| {
                    is(c, Lex::Progress, g::progress::SEVERITY)
                        || is(c, Lex::Assist, g::assist::ASSIST)
                })
                .map(|c| (c.start, c.end)),
        )
        .collect();
    if measures.is_empty() {
        return None;
    }
    let toks = {
        let i = p.doc.tok_from(s.start);
        let toks = p.doc.toks.get(i..).unwrap_or(&[]);
        toks.get(..toks.partition_point(|t| t.start < s.end))
            .unwrap_or(&[])
    };
    let earlier: Vec<&Concept> = cs
        .iter()
        .filter(|c| {
            is(c, Lex::Progress, g::progress::EARLIER)
                && !matches!(p.doc.f(c.start, c.end), "was" | "were")
                && !sc.in_goal(c.start, c.end)
        })
        .collect();
    let over_time = !earlier.is_empty();
    // The word loops below need "from", "by" or an arrow, and the earlier value an earlier
    // reference: without any of them only the dates are left to look at, and the sentence's
    // words are not sliced.
    let f = p.doc.folded.as_bytes();
    let word_cues = over_time
        || toks.iter().any(|t| {
            let w = || f.get(t.start as usize..t.end as usize);
            match t.end - t.start {
                1 => f.get(t.start as usize) == Some(&b'>'),
                2 => w() == Some(b"by"),
                4 => w() == Some(b"from"),
                _ => false,
            }
        });
    let words: Vec<(u32, u32, &str)> = if word_cues {
        toks.iter()
            .map(|t| (t.start, t.end, p.doc.tok_str(t)))
            .collect()
    } else {
        Vec::new()
    };
    // Today's session: the therapist's grading ("progressed", "raised") or a measure taken
    // after a few minutes of the activity.
    let grading = || words.iter().any(|(_, _, w)| grading_word(w));
    let session = || {
        cs.iter().any(|c| is(c, Lex::Response, g::response::AFTER))
            || words.windows(2).any(|w| {
                matches!(w, [(_, _, a), (_, _, b)] if *a == "after" && b.bytes().all(|x| x.is_ascii_digit()))
            })
    };
    let vitals_first = |at: u32| {
        cs.iter()
            .any(|c| is(c, Lex::Response, g::response::VITALS) && c.end <= at && at - c.end <= 6)
    };
    let load = |at: u32| {
        qs.iter()
            .any(|q| q.start == at && matches!(q.unit, Unit::Weight))
            || p.doc.f(at, at + 4).contains('#')
    };
    let change = || {
        cs.iter().any(|c| is(c, Lex::Progress, g::progress::CHANGE))
            || words
                .iter()
                .any(|(_, _, w)| matches!(*w, "up" | "down" | "improved" | "improvement"))
    };
    // "up from 8 of 20 at the start of the session", "from 4 of 10 in the first block to 9
    // of 10 in the last": the change is within today's session.
    let today = || in_session(p, si).is_some();
    let within_session =
        |a: u32| !over_time && (today() || grading() || session() || vitals_first(a) || load(a));
    // "from X to Y", with a change word ("improved from", "down from") or an earlier
    // reference; a range has neither.
    for (k, (a, _, w)) in words.iter().enumerate() {
        if !word_is(w, "from") {
            continue;
        }
        // "10 min, up from 5 min", "LEFS 52/80, improved from 31": today's value, then a
        // change word right before "from" and the earlier value right after it.
        let change_before = k
            .checked_sub(1)
            .and_then(|j| words.get(j))
            .is_some_and(|(_, _, x)| {
                matches!(
                    *x,
                    "up" | "down"
                        | "improved"
                        | "increased"
                        | "decreased"
                        | "better"
                        | "worse"
                        | "declined"
                        | "dropped"
                        | "reduced"
                        | "improvement"
                )
            });
        if change_before {
            let before = measures.iter().any(|(_, e)| *e <= *a);
            let after = measures.iter().find(|(x, _)| *x > *a && x - a <= 6);
            if let (true, Some(&(x2, e2))) = (before, after) {
                if !within_session(x2) {
                    return Some((*a, e2));
                }
            }
        }
        let Some((to_a, _, _)) = words
            .iter()
            .skip(k + 1)
            .take(14)
            .find(|(_, _, x)| word_is(x, "to"))
        else {
            continue;
        };
        let m1 = measures.iter().find(|(x, _)| *x > *a && *x < *to_a);
        let m2 = measures.iter().find(|(x, _)| *x > *to_a && *x < to_a + 40);
        if let (Some(&(x1, _)), Some(&(_, e2))) = (m1, m2) {
            if !(over_time || change()) || within_session(x1) {
                continue;
            }
            return Some((*a, e2));
        }
        // "better than at her first visit, when recall was badly impaired".
        let e = earlier.iter().find(|c| c.start > *a && c.start < a + 30);
        let changed = cs
            .iter()
            .any(|c| is(c, Lex::Progress, g::progress::CHANGE) && c.end <= *a && a - c.end < 20);
        if let (Some(e), true) = (e, changed) {
            if let Some(&(_, me)) = measures.iter().find(|(x, _)| *x > e.end) {
                return Some((*a, me));
            }
        }
    }
    // Arrows between two measures: "22 -> 31 mm", "FOIS 4 -> 6".
    for (k, (a, b, w)) in words.iter().enumerate() {
        let arrow = words.get(k + 1).is_some_and(|(_, _, x)| word_is(x, ">"))
            && (word_is(w, "-") || word_is(w, "="));
        if !arrow {
            continue;
        }
        let first = measures
            .iter()
            .filter(|(_, e)| *e <= *a && a - e <= 3)
            .map(|(x, _)| *x)
            .max();
        let after = measures.iter().find(|(x, _)| *x >= *b && x - b <= 4);
        if let (Some(x1), Some(&(_, e2))) = (first, after) {
            if within_session(x1) {
                continue;
            }
            return Some((x1, e2));
        }
    }
    // An earlier value.
    for c in &earlier {
        let w = p.doc.f(c.start, c.end);
        // "Previously independent in all ADLs": the level before the illness, with no
        // measure of care since, is the prior level of function.
        let premorbid = matches!(
            w,
            "previously"
                | "before the fall"
                | "before the injury"
                | "prior to the injury"
                | "prior to injury"
                | "before surgery"
                | "prior to surgery"
                | "before the surgery"
                | "onset"
        );
        if premorbid && qs.is_empty() {
            continue;
        }
        // The earlier point and its measures share a clause: "after last session; slept 5
        // hours" and "peaked at 4/10 …; faster than last week" compare nothing.
        let st = p.doc.f(s.start, s.end);
        let rel = |x: u32| x.saturating_sub(s.start) as usize;
        let cl_a = st
            .get(..rel(c.start))
            .and_then(|x| x.rfind(';'))
            .map_or(s.start, |i| s.start + i as u32 + 1);
        let cl_b = st
            .get(rel(c.end)..)
            .and_then(|x| x.find(';'))
            .map_or(s.end, |i| c.end + i as u32);
        let in_clause_n = measures
            .iter()
            .filter(|(x, e)| *x >= cl_a && *e <= cl_b)
            .count();
        let in_clause = in_clause_n > 0;
        let before_text = p.doc.f(s.start, c.start);
        let open = before_text
            .rfind('(')
            .filter(|i| !before_text.get(*i..).unwrap_or("").contains(')'));
        // Inside brackets with a number: "(38/80 at eval)", "(12/20 on 3/2)".
        let bracket_number = open.is_some_and(|i| {
            let from = s.start + i as u32;
            qs.iter().any(|q| q.start > from && q.start < c.start)
                || qs.iter().any(|q| q.start >= c.end && q.start - c.end <= 10)
        });
        let number_after = qs
            .iter()
            .any(|q| q.start >= c.end && q.start - c.end <= 12 && q.end <= cl_b);
        // Today's value outside the bracket: a number or an assist level ("now min A
        // overall (was mod A at eval 2/2)").
        let outside = measures
            .iter()
            .filter(|(_, e)| open.map_or(true, |i| *e <= s.start + i as u32))
            .count();
        let cue = p.doc.f(s.start.max(c.start.saturating_sub(14)), c.start);
        let relative = [
            "since ",
            "than ",
            "vs ",
            "vs. ",
            "versus ",
            "compared to ",
            "compared with ",
            "from ",
            "at ",
            "on ",
            "to ",
        ]
        .iter()
        .any(|x| cue.ends_with(x) || cue.strip_suffix("the ").is_some_and(|c| c.ends_with(x)));
        let bare_noun = matches!(
            w,
            "evaluation"
                | "eval"
                | "ie"
                | "baseline"
                | "admission"
                | "soc"
                | "onset"
                | "initial evaluation"
                | "initial eval"
                | "initial assessment"
                | "initial visit"
                | "initial session"
                | "start of care"
                | "start of therapy"
                | "start of treatment"
        );
        let ok = if bracket_number {
            outside >= 1
        } else if bare_noun {
            relative && measures.len() >= 2 && in_clause
        } else {
            // "previously 4/5", "Last session 35/60", "before surgery her VHI-10 was 14/40";
            // then and now in one clause, not a count of last week's events beside another
            // clause's number ("tracks 3 calendars; double-booked a meeting 2x last week").
            number_after || in_clause_n >= 2
        };
        if ok && !within_session(c.start) {
            return Some((c.start, c.end));
        }
    }
    // An earlier point at `at` inside brackets that hold a value before it: "(6/12 on 2/18)".
    let inside_bracket = |at: u32| {
        p.doc.f(s.start, at).rfind('(').is_some_and(|i| {
            let seg = p.doc.f(s.start + i as u32, at);
            !seg.contains(')')
                && qs
                    .iter()
                    .any(|m| m.start > s.start + i as u32 && m.start < at)
        })
    };
    // "Was 5/10 with the strip on 6/3.": a sentence of its own giving the earlier value.
    let opens_with_was = matches!(
        p.doc.f(s.start, s.end).split_whitespace().next(),
        Some("was" | "were")
    );
    // "(6/12 on 2/18)", "compared with … on 2/10": an earlier date beside a value.
    for q in all_q
        .iter()
        .filter(|q| q.unit == Unit::Date || matches!(q.unit, Unit::Score(_)))
    {
        let before = p.doc.f(q.start.saturating_sub(4), q.start);
        if !(before.ends_with("on ") || before.ends_with("of ")) {
            continue;
        }
        let compared = p.doc.f(s.start, q.start).contains("compared");
        let was_then = opens_with_was && qs.iter().any(|m| m.end <= q.start.saturating_sub(3));
        if inside_bracket(q.start) || compared || was_then {
            return Some((q.start, q.end));
        }
    }
    // "(3/8 at visit 4)": an earlier visit by its number, in brackets after a value.
    let st = p.doc.f(s.start, s.end);
    if memchr::memchr(b'(', st.as_bytes()).is_some() {
        for cue in ["at visit ", "on visit ", "at session ", "on session "] {
            for (i, _) in st.match_indices(cue) {
                let at = s.start + i as u32;
                let numbered = st
                    .get(i + cue.len()..)
                    .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()));
                if numbered && inside_bracket(at) {
                    return Some((at, at + cue.len() as u32 - 1));
                }
            }
        }
    }
    // "improved by 10 deg".
    for (k, (a, _, w)) in words.iter().enumerate() {
        if words.get(k + 1).is_some_and(|(_, _, x)| word_is(x, "by"))
            && matches!(
                *w,
                "improved"
                    | "increased"
                    | "decreased"
                    | "reduced"
                    | "gained"
                    | "regressed"
                    | "declined"
            )
        {
            if let Some(&(_, e)) = measures.iter().find(|(x, _)| *x > *a && x - a < 20) {
                if within_session(*a) {
                    continue;
                }
                return Some((*a, e));
            }
        }
    }
    None
}

// ---- medical necessity ------------------------------------------------------------------

/// Why skilled care is needed: a deficit, a functional limitation or a risk stated as the
/// patient's (not negated, not someone else's, not a goal's target).
#[inline(never)] // one stage: its own entry in a profile
pub(crate) fn necessity(sc: &Scope<'_, '_>) -> Vec<Evidence> {
    let p = sc.p;
    let mut out = Vec::new();
    for si in 0..p.sents.len() {
        let sec = p.section(si);
        if matches!(
            sec,
            Some(
                SectionKind::PatientGoals
                    | SectionKind::Header
                    | SectionKind::Billing
                    | SectionKind::Signature
            )
        ) {
            continue;
        }
        let cs = p.concepts_in(si);
        let qs = p.quants_in(si);
        for c in cs {
            if c.lex != Lex::Clinical || c.ctx.negated() || c.ctx.experiencer() {
                continue;
            }
            if sc.in_goal(c.start, c.end) {
                continue;
            }
            let concept = match c.group {
                g::clinical::DEFICIT => "deficit",
                g::clinical::LIMITATION => "functional limitation",
                g::clinical::RISK => {
                    // "chose an unsafe solution to 2 of 10 scenarios": an error on a
                    // reasoning task is performance data, not a risk in the patient's life.
                    let next = p.doc.f(c.end, c.end + 12);
                    let next = next.trim_start();
                    if ["solution", "answer", "choice", "option", "response", "item"]
                        .iter()
                        .any(|w| next.starts_with(w))
                    {
                        continue;
                    }
                    "risk"
                }
                g::clinical::IMPAIRED => {
                    // "decreased R UE coordination": the impaired function, a few words on.
                    let Some(f) = cs.iter().find(|f| {
                        is(f, Lex::Clinical, g::clinical::FUNCTION)
                            && f.start > c.end
                            && count_words(p.doc.f(c.end, f.start)) <= 3
                            && !p.doc.f(c.end, f.start).contains([',', ';', '.'])
                    }) else {
                        continue;
                    };
                    out.push(sc.ev(c.start, f.end, "impaired function", si, c.ctx));
                    continue;
                }
                g::clinical::SYMPTOM => {
                    // A symptom with an activity ("pain with stairs", "coughing during
                    // meals"), or in the assessment; not a rating ("dyspnea 3/10 w/
                    // dressing (eval 5/10)" is a measure).
                    let rated = qs.iter().any(|q| {
                        q.start >= c.end
                            && q.start - c.end <= 12
                            && matches!(q.unit, Unit::Score(_) | Unit::Percent)
                    });
                    if rated {
                        continue;
                    }
                    let with_activity = cs.iter().any(|a| {
                        is(a, Lex::Clinical, g::clinical::ACTIVITY)
                            && a.start > c.end
                            && a.start - c.end < 40
                    });
                    let assessed =
                        matches!(sec, Some(SectionKind::Assessment | SectionKind::Impression));
                    if !(with_activity || assessed) {
                        continue;
                    }
                    "symptom limiting function"
                }
                _ => continue,
            };
            out.push(sc.ev(c.start, c.end, concept, si, c.ctx));
        }
        // "has had to miss 3 work days": missed work or school.
        let words = p.word_slice(si);
        for (k, w) in words.iter().enumerate() {
            if w.as_bytes().first() == Some(&b'm')
                && matches!(*w, "miss" | "missed" | "misses" | "missing")
                && words.get(k + 1..(k + 4).min(words.len())).is_some_and(|n| {
                    n.iter()
                        .any(|x| matches!(*x, "work" | "school" | "class" | "classes" | "shifts"))
                })
            {
                if let Some(s) = p.sents.get(si) {
                    if !out.iter().any(|e: &Evidence| {
                        p.doc.span(s.start, s.end).start <= e.span.start
                            && e.span.start < p.doc.span(s.start, s.end).end
                    }) {
                        out.push(sc.ev(
                            s.start,
                            s.end,
                            "functional limitation",
                            si,
                            Ctx::default(),
                        ));
                    }
                }
                break;
            }
        }
    }
    out
}

// ---- skilled intervention ---------------------------------------------------------------

/// The therapist's skill in treatment delivered: cueing, facilitation, grading and
/// progression, correction, guarding, education checked by a return demonstration, a
/// technique with its parameters. Testing during an evaluation is not treatment; naming an
/// exercise or a technique is not skill; a current ability level ("is able to name 15 items
/// with minimal cues") is a status, not care given.
#[inline(never)] // one stage: its own entry in a profile
pub(crate) fn skilled(sc: &Scope<'_, '_>) -> Vec<Evidence> {
    let p = sc.p;
    let treated = sc.treated();
    let mut out = Vec::new();
    for si in 0..p.sents.len() {
        let sec = p.section(si);
        if sec.is_some_and(|k| {
            k.is_history() || matches!(k, SectionKind::PatientGoals | SectionKind::Header)
        }) {
            continue;
        }
        if !treated && sec.is_some_and(|k| k.is_exam()) {
            continue;
        }
        let cs = p.concepts_in(si);
        // An evaluation's assessment states the problems and the care they need ("needs
        // adapted methods for dressing", "graded endurance training is needed"): its skill
        // words describe the plan, not care given, unless teaching was checked there.
        if sc.setting.evaluation
            && matches!(sec, Some(SectionKind::Assessment | SectionKind::Impression))
            && !cs
                .iter()
                .any(|c| is(c, Lex::Skill, g::skill::RETURN_DEMO) && !c.ctx.negated())
        {
            continue;
        }
        // Under a plan heading the words say what will be done ("progress to reciprocal
        // stairs", "wean SPC", "2x/wk"), except an observation of today ("patient needs
        // frequent verbal cuing with lifting").
        if sec.is_some_and(SectionKind::is_plan) && plan_sentence(p, si) {
            continue;
        }
        // A summary of the episode's program ("His program combined graded ROM, … with a
        // home program advanced at each visit") is not the account of a session.
        if episode_summary(p, si) {
            continue;
        }
        // Caregiver training counts: another person's context does not undo the skill.
        let delivered = |c: &Concept| !c.ctx.negated() && !c.ctx.hypothetical();
        let has = |grp: u8| cs.iter().any(|c| is(c, Lex::Skill, grp) && delivered(c));
        let ability = cs
            .iter()
            .any(|c| is(c, Lex::Skill, g::skill::ABILITY) && !c.ctx.negated());
        let testing = has(g::skill::TESTING);
        let teach = has(g::skill::TEACH) || (has(g::skill::DELIVER) && (!testing || treated));
        let returned = has(g::skill::RETURN_DEMO);
        let effect = cs
            .iter()
            .any(|c| is(c, Lex::Response, g::response::REACTION) && delivered(c));
        // In an evaluation with no treatment billed, only care delivered counts: education
        // checked by a return demonstration, or taught/trained with cueing or correction.
        if !treated && !returned && !teach {
            continue;
        }
        let overlaps = |c: &Concept, lex: Lex| {
            cs.iter()
                .any(|o| o.lex == lex && o.start < c.end && c.start < o.end)
        };
        // An assist level or criterion the cue is part of ("without cues"), not a count word
        // inside the cue ("with one demonstration").
        let overlaps_outside = |c: &Concept, lex: Lex| {
            cs.iter().any(|o| {
                o.lex == lex
                    && o.start < c.end
                    && c.start < o.end
                    && !(c.start <= o.start && o.end <= c.end)
            })
        };
        // A device fitted or fabricated, then a task practised with it ("fitted a blocking
        // orthosis, then worked through her work routine with it on"): fitting a device to
        // the patient and training its use in a task is a therapist's skill.
        if treated {
            let fitted = cs.iter().find(|c| {
                is(c, Lex::Skill, g::skill::DELIVER)
                    && delivered(c)
                    && !sc.in_goal(c.start, c.end)
                    && matches!(
                        p.doc.f(c.start, c.end),
                        "fitted" | "fabricated" | "molded" | "moulded" | "issued"
                    )
            });
            if let Some(f) = fitted {
                let practised = cs.iter().any(|c| {
                    c.start >= f.end
                        && delivered(c)
                        && (is(c, Lex::Skill, g::skill::DELIVER)
                            || is(c, Lex::Skill, g::skill::TEACH))
                });
                if practised {
                    out.push(sc.ev(
                        f.start,
                        f.end,
                        "device fitted and trained in a task",
                        si,
                        f.ctx,
                    ));
                }
            }
        }
        for c in cs.iter().filter(|c| c.lex == Lex::Skill) {
            if !delivered(c) || sc.in_goal(c.start, c.end) {
                continue;
            }
            let concept = match c.group {
                g::skill::CUE => {
                    // "is able to name 15 items with minimal cues": a performance level.
                    let ability_before = cs
                        .iter()
                        .any(|a| is(a, Lex::Skill, g::skill::ABILITY) && a.end <= c.start)
                        && !teach;
                    if ability_before || overlaps_outside(c, Lex::Assist) {
                        continue;
                    }
                    if !treated && !returned && !teach {
                        continue;
                    }
                    "cueing"
                }
                g::skill::SKILL => {
                    if overlaps(c, Lex::Assist) || overlaps(c, Lex::Clinical) {
                        continue;
                    }
                    if !treated && !returned && !teach {
                        continue;
                    }
                    "skilled technique applied"
                }
                g::skill::RETURN_DEMO => "education checked by return demonstration",
                g::skill::TECHNIQUE => {
                    let parameter = cs.iter().any(|x| is(x, Lex::Skill, g::skill::PARAMETER));
                    if !parameter || !treated {
                        continue;
                    }
                    "technique with parameters"
                }
                g::skill::TEACH if effect && !ability => "education with its effect",
                _ => continue,
            };
            out.push(sc.ev(c.start, c.end, concept, si, c.ctx));
        }
    }
    out
}

// ---- patient response -------------------------------------------------------------------

/// The patient's response to treatment: in the session (tolerance with specifics, vitals,
/// fatigue, a reaction, a return demonstration, accuracy) or over the course of care (a
/// change the patient reports or shows, with what changed). Not symptom history, not
/// testing during an evaluation, not "tolerated well" or "feels better" alone.
#[inline(never)] // one stage: its own entry in a profile
pub(crate) fn response(sc: &Scope<'_, '_>) -> Vec<Evidence> {
    let p = sc.p;
    let treated = sc.treated();
    let mut out = Vec::new();
    for si in 0..p.sents.len() {
        let sec = p.section(si);
        let cs = p.concepts_in(si);
        let qs = p.quants_in(si);
        // After the treatment ("after the session"), or after anything in the account of the
        // session ("after gait", "2/10 after", "post 3/10").
        let after_treatment = cs.iter().any(|c| is(c, Lex::Response, g::response::AFTER));
        // (Read only when asked: most sentences never need it.)
        let after = || {
            after_treatment
                || cs
                    .iter()
                    .any(|c| is(c, Lex::Response, g::response::AFTER_ACTIVITY))
                || p.words(si)
                    .any(|w| matches!(w.as_bytes(), b"after" | b"afterward" | b"afterwards"))
                || post_number(p, si)
                // Under a heading of measures before and after ("Girth (cm) pre / post tx:").
                || p.heading_of(si).is_some_and(|h| {
                    p.doc
                        .f(h.start, h.end)
                        .split(|c: char| !c.is_ascii_alphanumeric())
                        .any(|w| w == "post" || w == "after")
                })
        };
        // Under a measures heading, a sentence about what was practised in a treatment
        // session ("this week we practiced easy onsets; he used them on 14 of 20 turns") is
        // the account of the session, not the examination.
        let practised = treated
            && cs.iter().any(|c| {
                is(c, Lex::Skill, g::skill::TEACH) && !c.ctx.negated() && !c.ctx.hypothetical()
            });
        // Measures under an exam heading are the examination, unless taken after the
        // treatment ("Vitals: HR 82 after gait").
        if sec.is_some_and(|k| {
            k.is_history()
                || (k.is_exam() && !(treated && after()) && !practised)
                || matches!(
                    k,
                    SectionKind::PatientGoals | SectionKind::Header | SectionKind::Billing
                )
        }) {
            continue;
        }
        let in_plan = sec.is_some_and(SectionKind::is_plan);
        let subjective = sec == Some(SectionKind::Subjective);
        let teach = cs.iter().any(|c| {
            c.lex == Lex::Skill
                && matches!(
                    c.group,
                    g::skill::TEACH | g::skill::DELIVER | g::skill::RETURN_DEMO
                )
                && !c.ctx.negated()
        });
        if !treated {
            // An evaluation with no treatment: only the response to care delivered in it.
            if let Some(c) = cs.iter().find(|c| {
                (is(c, Lex::Skill, g::skill::RETURN_DEMO)
                    || (is(c, Lex::Response, g::response::REACTION) && teach))
                    && !c.ctx.negated()
                    && !c.ctx.hypothetical()
            }) {
                out.push(sc.ev(c.start, c.end, "response to education", si, c.ctx));
            }
            continue;
        }
        if sec == Some(SectionKind::Response) && p.words(si).count() >= 2 {
            if let Some(s) = p.sents.get(si) {
                out.push(sc.ev(s.start, s.end, "response section", si, Ctx::default()));
            }
            continue;
        }
        // "Pain in 5/10 … Pain out 3/10", "anxiety 6/10 before and 3/10 after", "Post: PROM
        // flex 128, pain 2/10": the same measure before and after, or measures taken after.
        if !(in_plan && plan_sentence(p, si)) {
            if let Some((a, b)) = before_and_after(p, si) {
                out.push(sc.ev(
                    a,
                    b,
                    "measure before and after treatment",
                    si,
                    Ctx::default(),
                ));
                continue;
            }
        }
        // "3 of 10 spoonfuls, compared with 7 of 10 at the start of the session", "min A x1
        // trial 1, CGA trial 3", "effort 4/10 at the end, 6/10 at the start": how the patient
        // did at two points of the session, or by its end.
        if !(subjective || (in_plan && plan_sentence(p, si))) {
            if let (Some((a, b)), Some(s)) = (in_session(p, si), p.sents.get(si)) {
                let measured = qs
                    .iter()
                    .any(|q| !matches!(q.unit, Unit::Date) && !q.unit.is_period())
                    || cs.iter().any(|c| is(c, Lex::Assist, g::assist::ASSIST));
                // "progressed from double to single-leg on the last set" is the grading.
                let graded = p.words(si).any(grading_word);
                if measured && !graded && !sc.in_goal(s.start, s.end) {
                    out.push(sc.ev(
                        a,
                        b,
                        "measure at a point of the session",
                        si,
                        Ctx::default(),
                    ));
                    continue;
                }
            }
        }
        // "1 catching episode with the orthosis vs 4 without", "15 of 20 lines with the
        // anchor, 8 of 20 without": the same task counted with the device or strategy and
        // without it shows how the patient responded to it in the session.
        if !(subjective || (in_plan && plan_sentence(p, si))) {
            if let Some(s) = p.sents.get(si) {
                if !sc.in_goal(s.start, s.end) && with_and_without(p, si) {
                    out.push(sc.ev(
                        s.start,
                        s.end,
                        "measure with and without the device or strategy",
                        si,
                        Ctx::default(),
                    ));
                    continue;
                }
            }
        }
        let specific = |c: &Concept| {
            qs.iter()
                .any(|q| !matches!(q.unit, Unit::Date | Unit::Bare) && q.start > c.start)
                || cs.iter().any(|x| {
                    x.start != c.start
                        && (is(x, Lex::Clinical, g::clinical::ACTIVITY)
                            || is(x, Lex::Clinical, g::clinical::SYMPTOM)
                            || x.lex == Lex::Intervention
                            || is(x, Lex::Response, g::response::REACTION))
                })
        };
        for c in cs {
            if c.lex != Lex::Response
                || c.ctx.hypothetical()
                || c.ctx.experiencer()
                || sc.in_goal(c.start, c.end)
            {
                continue;
            }
            if in_plan && plan_sentence(p, si) {
                continue;
            }
            let concept = match c.group {
                g::response::REACTION => {
                    if c.ctx.negated() && !after() {
                        continue;
                    }
                    // "4/5 trials", "80% of trials" are accuracy; "3 trials of 45 seconds" is
                    // the dose of an exercise, not how the patient did.
                    if matches!(
                        p.doc.f(c.start, c.end),
                        "trials" | "of trials" | "opportunities"
                    ) && !qs.iter().any(|q| {
                        matches!(q.unit, Unit::Score(_) | Unit::Percent)
                            && q.end <= c.start
                            && c.start - q.end <= 4
                    }) && !count_of_count_before(p, si, c.start)
                    {
                        continue;
                    }
                    // A symptom the patient reports from before the session ("dizziness 3/10
                    // rolling in bed this week") is the history, not a response.
                    if c.ctx.reported() && !after_treatment && reported_before_session(p, si) {
                        continue;
                    }
                    if subjective && !after_treatment {
                        // On arrival a symptom is the history; tied to the activity it is a
                        // response ("fatigued from dealing the cards").
                        let cause = p.doc.f(c.end, c.end + 8);
                        let tied = cause.starts_with(" from")
                            || cause.starts_with(" after")
                            || cause.starts_with(" during")
                            || cause.starts_with(" with");
                        let w = p.doc.f(c.start, c.end);
                        if !(tied
                            || w.ends_with(" from")
                            || w.ends_with(" after")
                            || w.contains("pleased")
                            || w.contains("satisf")
                            || w.starts_with("can now")
                            || w.contains("now able"))
                        {
                            continue;
                        }
                    }
                    "reaction in the session"
                }
                g::response::TOLERANCE => {
                    // "Tolerated 20 min without increased pain", not "tolerated well".
                    let detail = qs.iter().any(|q| {
                        q.start > c.end
                            && matches!(
                                q.unit,
                                Unit::Minutes
                                    | Unit::Seconds
                                    | Unit::Reps
                                    | Unit::Distance
                                    | Unit::Hours
                                    | Unit::Times
                            )
                    }) || cs.iter().any(|x| {
                        x.start > c.end
                            && (is(x, Lex::Response, g::response::REACTION)
                                || is(x, Lex::Clinical, g::clinical::SYMPTOM))
                    });
                    if !detail || subjective {
                        continue;
                    }
                    "tolerance with specifics"
                }
                g::response::VITALS => {
                    let value = qs.iter().any(|q| q.start >= c.end && q.start - c.end <= 8);
                    if !value {
                        continue;
                    }
                    "vital signs"
                }
                g::response::AFTER | g::response::AFTER_ACTIVITY => {
                    if subjective && c.group == g::response::AFTER_ACTIVITY {
                        continue;
                    }
                    let measured = qs.iter().any(|q| {
                        matches!(
                            q.unit,
                            Unit::Score(_) | Unit::Percent | Unit::Degrees | Unit::Distance
                        )
                    }) || cs.iter().any(|x| {
                        is(x, Lex::Clinical, g::clinical::SYMPTOM)
                            || is(x, Lex::Clinical, g::clinical::DEFICIT)
                    });
                    if !measured {
                        continue;
                    }
                    "measure after treatment"
                }
                g::response::COURSE => {
                    if !specific(c) || c.ctx.negated() {
                        continue;
                    }
                    "change over the course of care"
                }
                _ => continue,
            };
            out.push(sc.ev(c.start, c.end, concept, si, c.ctx));
        }
        // "Pain 3/10 during key turning, 2/10 after", "fatigue 6/10 after": a symptom measured
        // in or after the session.
        let felt = cs.iter().any(|c| {
            (is(c, Lex::Clinical, g::clinical::SYMPTOM)
                || is(c, Lex::Response, g::response::REACTION))
                && !c.ctx.hypothetical()
                && !sc.in_goal(c.start, c.end)
        });
        // "post" as in "post 3/10" (not "post-op", not "posterior").
        let when = || {
            p.words(si).any(|w| {
                matches!(w.as_bytes().first(), Some(b'a' | b'd' | b'f'))
                    && matches!(
                        w,
                        "after" | "during" | "following" | "afterward" | "afterwards"
                    )
            }) || post_number(p, si)
        };
        let rated = qs
            .iter()
            .any(|q| matches!(q.unit, Unit::Score(_) | Unit::Percent));
        // The symptom may be the heading's word ("Pain: pre 4/10, post 3/10").
        let heading_symptom = p.heading_of(si).is_some_and(|h| {
            // Concepts are sorted by start: only those from the heading's start on.
            let from = p.concepts.partition_point(|c| c.start < h.start);
            p.concepts
                .get(from..)
                .unwrap_or(&[])
                .iter()
                .take_while(|c| c.start <= h.end)
                .any(|c| c.end <= h.end && is(c, Lex::Clinical, g::clinical::SYMPTOM))
        });
        let felt = felt || heading_symptom;
        if felt
            && (rated || !subjective)
            && (!subjective || after_treatment)
            && when()
            && !(in_plan && plan_sentence(p, si))
        {
            if let Some(s) = p.sents.get(si) {
                if !out.iter().any(|e: &Evidence| {
                    e.span.start >= p.doc.span(s.start, s.end).start
                        && e.span.end <= p.doc.span(s.start, s.end).end
                }) {
                    out.push(sc.ev(
                        s.start,
                        s.end,
                        "symptom measured after treatment",
                        si,
                        Ctx::default(),
                    ));
                }
            }
        }
        // Accuracy in the session: "with 60% accuracy", "4/5 trials", "14 of 20 turns".
        if !subjective {
            for q in qs {
                if q.unit == Unit::Percent
                    || matches!(q.unit, Unit::Score(_))
                    || count_of_count_before(p, si, q.end)
                {
                    let next = p.doc.f(q.end, q.end + 24);
                    let next = next.trim_start();
                    if ([
                        "accura",
                        "acc",
                        "trials",
                        "of trials",
                        "opportunities",
                        "of opportunities",
                        "of the time",
                        "correct",
                        "sentences",
                        "words",
                        "utterances",
                        "turns",
                        "attempts",
                        "responses",
                        "items",
                        "productions",
                        "reps",
                    ]
                    .iter()
                    .any(|w| next.starts_with(w)))
                        && !sc.in_goal(q.start, q.end)
                    {
                        out.push(sc.ev(
                            q.start,
                            q.end,
                            "performance in the session",
                            si,
                            Ctx::default(),
                        ));
                    }
                }
            }
        }
    }
    out
}

/// "14 of 20" or "14 out of 20" just before `at` in sentence `si`.
fn count_of_count_before(p: &Parsed<'_>, si: usize, at: u32) -> bool {
    let from = p.sents.get(si).map_or(at, |s| s.start);
    // Bytes of the folded copy (ASCII, and no vertical tab: `trim_ascii_end` trims what
    // `str::trim_end` would).
    let t = p
        .doc
        .folded
        .as_bytes()
        .get(from as usize..at as usize)
        .unwrap_or(&[])
        .trim_ascii_end();
    let Some(n) = t.iter().rposition(|c| !c.is_ascii_digit()).map(|i| i + 1) else {
        return false;
    };
    if n == t.len() {
        return false;
    }
    let rest = t.get(..n).unwrap_or(&[]);
    let Some(rest) = rest
        .strip_suffix(b" of ")
        .or_else(|| rest.strip_suffix(b" out of "))
    else {
        return false;
    };
    rest.last().is_some_and(u8::is_ascii_digit)
}

/// Sentence `si` places what it reports before the session: "this week", "at home", "last
/// night", "since the last visit".
fn reported_before_session(p: &Parsed<'_>, si: usize) -> bool {
    let t = p.text(si);
    [
        "this week",
        "past week",
        "last week",
        "at home",
        "last night",
        "yesterday",
        "this morning",
        "over the weekend",
        "since the last",
        "since last",
    ]
    .iter()
    .any(|w| t.contains(w))
}

/// Two counts in sentence `si`, one "with" something and one "without" it, the "without"
/// standing alone at the end of its clause ("1 with the orthosis vs 4 without"); not "with
/// a walker without loss of balance", where "without" names a condition.
fn with_and_without(p: &Parsed<'_>, si: usize) -> bool {
    let Some(s) = p.sents.get(si) else {
        return false;
    };
    let counts = p
        .quants_in(si)
        .iter()
        .filter(|q| q.unit != Unit::Date)
        .count();
    if counts < 2 {
        return false;
    }
    let t = p.doc.f(s.start, s.end);
    t.match_indices(" without").any(|(i, w)| {
        let after = t.get(i + w.len()..).unwrap_or("");
        let elliptic = after
            .chars()
            .next()
            .map_or(true, |ch| matches!(ch, '.' | ',' | ';' | ')' | ':'));
        elliptic && t.get(..i).unwrap_or("").contains(" with ")
    })
}

/// The therapist's grading of today's task ("progressed to single-leg on the last set").
fn grading_word(w: &str) -> bool {
    const GRADING: Words = Words::new(&[
        "graded",
        "increased",
        "dropped",
        "reduced",
        "advanced",
        "progressed",
        "raised",
        "lowered",
        "titrated",
        "changed",
        "moved",
        "upgraded",
        "downgraded",
        "faded",
    ]);
    GRADING.has(w)
}

/// A point of today's session named in sentence `si` ("at the start of the session", "in
/// the first block", "by trial 3", "at the end"): a measure compared with one taken there is
/// the response in the session. Not "at the start of care" (the episode's start, an earlier
/// reference of its own) nor "at the end of the week".
fn in_session(p: &Parsed<'_>, si: usize) -> Option<(u32, u32)> {
    let cs = p.concepts_in(si);
    cs.iter()
        .filter(|c| is(c, Lex::Response, g::response::IN_SESSION))
        .find(|c| {
            let episode = cs.iter().any(|e| {
                is(e, Lex::Progress, g::progress::EARLIER) && e.start < c.end && e.end > c.start
            });
            let w = p.doc.f(c.start, c.end);
            let bare = !w.contains(" of ")
                && (w.ends_with("start") || w.ends_with("beginning") || w.ends_with("end"));
            let of_after = p.doc.f(c.end, c.end + 4) == " of ";
            !(episode || (bare && of_after))
        })
        .map(|c| (c.start, c.end))
}

/// How an evaluation says that it ends without treatment: a reviewer does not ask such an
/// evaluation for goals (CMS Pub. 100-02, ch. 15, §220.3 C).
const NO_TREATMENT: &[&str] = &[
    "therapy is not indicated",
    "therapy not indicated",
    "treatment is not indicated",
    "treatment not indicated",
    "therapy is not warranted",
    "therapy not warranted",
    "therapy is not needed",
    "therapy not needed",
    "does not require skilled",
    "no skilled therapy is needed",
    "not a candidate for therapy",
    "not a candidate for skilled",
];

/// Whether `t` has "no" in it, as every phrase of [`NO_TREATMENT`] has ("not", "no skilled"):
/// most sentences have not, and are passed over before the phrases are searched.
fn has_no(t: &str) -> bool {
    let b = t.as_bytes();
    memchr::memchr_iter(b'n', b).any(|i| b.get(i + 1) == Some(&b'o'))
}

/// The note concludes that no therapy is needed, outside the history and a goal.
pub(crate) fn no_treatment_needed(sc: &Scope<'_, '_>) -> bool {
    let p = sc.p;
    (0..p.sents.len()).any(|si| {
        let hist = p.section(si).is_some_and(|k| {
            k.is_history() || matches!(k, SectionKind::PatientGoals | SectionKind::Goals)
        });
        let t = p.text(si);
        !hist
            && has_no(t)
            && !t.contains("if ")
            && NO_TREATMENT.iter().any(|w| t.contains(w))
            && p.sents.get(si).is_some_and(|s| !sc.in_goal(s.start, s.end))
    })
}

/// A sentence that sums up the care of the whole episode: "His program combined …",
/// "Treatment consisted of …", "… advanced at each visit", "over the course of care".
fn episode_summary(p: &Parsed<'_>, si: usize) -> bool {
    // Under a "Course:" or "Summary of care:" label, the sentences sum up the episode.
    if p.heading_of(si).is_some_and(|h| {
        let label = p.doc.f(h.start, h.end).trim_end_matches([':', ' ']);
        matches!(
            label,
            "course"
                | "course of care"
                | "clinical course"
                | "therapy course"
                | "summary of care"
                | "summary of services"
                | "summary of therapy"
        )
    }) {
        return true;
    }
    let words = p.word_slice(si);
    // (First letters first: most words start with none of the lists'.)
    let subject = words.iter().any(|w| {
        matches!(w.as_bytes().first(), Some(b'p' | b't' | b'c' | b's' | b'i'))
            && word_in(
                w,
                &[
                    "program",
                    "treatment",
                    "tx",
                    "therapy",
                    "care",
                    "sessions",
                    "intervention",
                    "interventions",
                ],
            )
    });
    let summed = || {
        words.iter().any(|w| {
            matches!(w.as_bytes().first(), Some(b'c' | b'i' | b'f' | b'e'))
                && word_in(
                    w,
                    &[
                        "combined",
                        "included",
                        "consisted",
                        "comprised",
                        "focused",
                        "emphasized",
                    ],
                )
        })
    };
    let every = words.windows(2).any(|w| {
        matches!(w, [a, b] if matches!(a.as_bytes().first(), Some(b'e' | b'a'))
            && matches!(*a, "each" | "every" | "all")
            && matches!(*b, "visit" | "visits" | "session" | "sessions"))
    }) || p.text(si).contains("over the course");
    (subject && summed()) || every
}

/// A sentence that states a next step: a plan phrase, a frequency, a plan verb.
fn plan_sentence(p: &Parsed<'_>, si: usize) -> bool {
    p.concepts_in(si).iter().any(|c| {
        c.lex == Lex::Plan
            && matches!(
                c.group,
                g::plan::PLAN | g::plan::PLAN_VERB | g::plan::FREQUENCY | g::plan::HOME
            )
    }) || p
        .quants_in(si)
        .iter()
        .any(|q| matches!(q.unit, Unit::PerWeek | Unit::PerDay))
        || p.concepts_in(si).iter().any(|c| c.ctx.hypothetical())
}

/// "post 3/10", "pre 4/10, post 3/10": "post" right before a number.
/// A measure taken before and after the treatment in sentence `si` (with the heading right
/// above it): "before"/"pre"/"pain in" with a number and "after"/"post"/"pain out" with a
/// number, or a "Post:" heading over measures.
fn before_and_after(p: &Parsed<'_>, si: usize) -> Option<(u32, u32)> {
    let s = p.sents.get(si)?;
    let heading = p
        .heading_of(si)
        .filter(|h| h.end <= s.start && s.start - h.end <= 3);
    let numbers = p
        .quants_in(si)
        .iter()
        .filter(|q| !matches!(q.unit, Unit::Date | Unit::PerWeek | Unit::PerDay))
        .count();
    if numbers == 0 {
        return None;
    }
    if let Some(h) = heading {
        let label = p.doc.f(h.start, h.end).trim_end_matches([':', ' ', '-']);
        if matches!(
            label,
            "post"
                | "post tx"
                | "post treatment"
                | "post session"
                | "after"
                | "after tx"
                | "after treatment"
                | "after session"
                | "post intervention"
                | "retest"
                | "re test"
                | "reassessed"
                | "post test"
        ) {
            return Some((h.start, s.end));
        }
    }
    let from = heading.map_or(s.start, |h| h.start);
    let i = p.doc.tok_from(from);
    let j = p.doc.toks.partition_point(|t| t.start < s.end).max(i);
    let all = p.doc.toks.get(i..j).unwrap_or(&[]);
    // The "after" side needs "after", "post" or "out": without one, nothing to pair (the
    // words compared in place, by length first).
    let f = p.doc.folded.as_bytes();
    let after_word = all.iter().any(|t| {
        let w = || f.get(t.start as usize..t.end as usize).unwrap_or(&[]);
        match t.end - t.start {
            3 => w() == b"out",
            4 => w() == b"post",
            5 => w() == b"after",
            _ => false,
        }
    });
    if !after_word {
        return None;
    }
    let mut toks: Vec<&Tok> = Vec::with_capacity(all.len());
    toks.extend(all.iter().filter(|t| t.kind != TokKind::Punct));
    let num = |k: usize| toks.get(k).is_some_and(|t| t.kind == TokKind::Num);
    let symptom = |k: Option<usize>| {
        k.and_then(|k| toks.get(k)).is_some_and(|t| {
            matches!(
                p.doc.tok_str(t),
                "pain" | "fatigue" | "rpe" | "dyspnea" | "hr" | "spo2" | "bp" | "anxiety"
            )
        })
    };
    // Columns headed "pre / post" ("Girth (cm) pre / post tx: ankle 26.5 / 25.8; calf 41.2 /
    // 40.0"): the pairs are before and after.
    let columns = toks.windows(2).any(|w| {
        matches!(w, [a, b] if matches!((p.doc.tok_str(a), p.doc.tok_str(b)), ("pre", "post") | ("before", "after")))
    });
    if columns && numbers >= 4 {
        return Some((from, s.end));
    }
    let mut start = false;
    let mut end = false;
    // "before tx 31, after 36": the treatment named between the word and its number.
    let treatment = |k: usize| {
        toks.get(k).is_some_and(|t| {
            matches!(
                p.doc.tok_str(t),
                "tx" | "treatment" | "session" | "therapy" | "intervention" | "exercise"
            )
        })
    };
    for (k, t) in toks.iter().enumerate() {
        let beside =
            num(k + 1) || k.checked_sub(1).is_some_and(num) || (treatment(k + 1) && num(k + 2));
        // Every case needs a number beside the word.
        if !beside {
            continue;
        }
        let w = p.doc.tok_str(t);
        match w {
            "before" | "pre" if beside => start = true,
            "after" | "post" if beside => end = true,
            "in" if num(k + 1) && symptom(k.checked_sub(1)) => start = true,
            "out" if num(k + 1) && symptom(k.checked_sub(1)) => end = true,
            _ => {}
        }
    }
    (start && end && numbers >= 2).then_some((from, s.end))
}

fn post_number(p: &Parsed<'_>, si: usize) -> bool {
    let Some(s) = p.sents.get(si) else {
        return false;
    };
    let i = p.doc.tok_from(s.start);
    let toks = p.doc.toks.get(i..).unwrap_or(&[]);
    toks.windows(2)
        .take_while(|w| w.first().is_some_and(|t| t.start < s.end))
        .any(|w| {
            matches!(w, [a, b] if a.kind == TokKind::Word && b.kind == TokKind::Num && a.end - a.start == 4 && p.doc.tok_str(a) == "post")
        })
}

// ---- plan -------------------------------------------------------------------------------

/// What happens next in care: frequency and duration, the next visit's progression, a home
/// program, a referral, a recommendation, a discharge to a setting or home. Not the reason
/// for a discharge alone, not a bare "continue", not a past course ("was seen 1x/week").
#[inline(never)] // one stage: its own entry in a profile
pub(crate) fn plan(sc: &Scope<'_, '_>, red_flags: &[RedFlag]) -> Vec<Evidence> {
    let p = sc.p;
    let mut out = Vec::new();
    let flagged = |a: u32, b: u32| {
        let sp = p.doc.span(a, b);
        red_flags
            .iter()
            .any(|r| sp.start < r.span.end && r.span.start < sp.end)
    };
    for si in 0..p.sents.len() {
        let sec = p.section(si);
        if sec.is_some_and(|k| {
            k.is_history()
                || matches!(
                    k,
                    SectionKind::Subjective
                        | SectionKind::PatientGoals
                        | SectionKind::Header
                        | SectionKind::Billing
                        | SectionKind::Signature
                )
        }) {
            continue;
        }
        let cs = p.concepts_in(si);
        let qs = p.quants_in(si);
        let in_plan = sec.is_some_and(SectionKind::is_plan);
        // Outside a plan section, a frequency or a home program is a plan only when the
        // sentence looks ahead ("will", "recommend", "continue", "next").
        let ahead = || {
            p.words(si).any(|w| {
                matches!(
                    w,
                    "will"
                        | "would"
                        | "should"
                        | "shall"
                        | "recommend"
                        | "recommended"
                        | "recommends"
                        | "plan"
                        | "planned"
                        | "next"
                        | "continue"
                        | "cont"
                        | "issued"
                        | "provided"
                        | "updated"
                        | "instructed"
                        | "educated"
                        | "given"
                        | "progressed"
                        | "reviewed"
                )
            })
        };
        let mut found: Option<(u32, u32, &'static str, Ctx)> = None;
        for c in cs {
            if c.lex != Lex::Plan
                || c.ctx.negated()
                || sc.in_goal(c.start, c.end)
                || flagged(c.start, c.end)
            {
                continue;
            }
            let concept = match c.group {
                g::plan::PLAN => {
                    // Past tense is done care, except an instruction reported in the past
                    // ("she was asked to call us if the spinning returns"): that is for after.
                    let instructed = p.word_slice(si).windows(2).any(|w| {
                        matches!(w, [a, b] if matches!(*a, "was" | "were")
                            && matches!(*b, "asked" | "advised" | "instructed" | "told" | "encouraged"))
                    });
                    if sc.past_before(si, c.start) && !in_plan && !instructed {
                        continue;
                    }
                    "next step"
                }
                g::plan::HOME => {
                    if !in_plan && (!ahead() || sc.past_before(si, c.start)) {
                        continue;
                    }
                    "home program"
                }
                g::plan::DISCHARGE => {
                    // A discharge is a plan when it says where care goes on (home, a setting,
                    // a home program, a referral); the reason for it alone is not.
                    let after = p.doc.f(c.end, c.end + 8);
                    let to_somewhere = after.starts_with(" to ") || after.starts_with(" home");
                    let planned = cs.iter().any(|x| {
                        x.lex == Lex::Plan
                            && matches!(x.group, g::plan::HOME | g::plan::PLAN)
                            && x.start != c.start
                    });
                    let setting = cs
                        .iter()
                        .any(|x| is(x, Lex::Plan, g::plan::SETTING) && x.start != c.start);
                    // "Discharged to SNF", "d/c home with HEP", or, under a plan heading,
                    // "discharged, as admitted to inpatient rehab".
                    if !(planned
                        || (setting && (to_somewhere || in_plan))
                        || to_somewhere && after.starts_with(" home"))
                    {
                        continue;
                    }
                    "discharge plan"
                }
                g::plan::FREQUENCY => {
                    if !in_plan && (!ahead() || sc.past_before(si, c.start)) {
                        continue;
                    }
                    "frequency"
                }
                // A verb opening a next step, under a plan heading; not the same word as a
                // noun after a preposition or a determiner ("secondary to plateau in
                // progress", "the progress").
                g::plan::PLAN_VERB if in_plan => {
                    let from = p.sents.get(si).map_or(c.start, |s| s.start);
                    let before = p.doc.f(from, c.start).trim_end();
                    let prev = before.rsplit(' ').next().unwrap_or("");
                    if matches!(
                        prev,
                        "in" | "of"
                            | "the"
                            | "a"
                            | "an"
                            | "no"
                            | "any"
                            | "her"
                            | "his"
                            | "their"
                            | "toward"
                            | "towards"
                            | "for"
                            | "made"
                            | "making"
                            | "good"
                            | "slow"
                            | "limited"
                            | "minimal"
                            | "little"
                            | "plateau"
                            | "plateaued"
                    ) {
                        continue;
                    }
                    "next step"
                }
                _ => continue,
            };
            found = Some((c.start, c.end, concept, c.ctx));
            break;
        }
        if found.is_none() {
            for q in qs {
                if matches!(q.unit, Unit::PerWeek | Unit::PerDay)
                    && !sc.in_goal(q.start, q.end)
                    && (in_plan || ahead() && !sc.past_before(si, q.start))
                {
                    found = Some((q.start, q.end, "frequency", Ctx::default()));
                    break;
                }
            }
        }
        if found.is_none() && in_plan {
            // Under a plan heading: the interventions planned ("1. Therapeutic exercise …"),
            // a "will" or "to be" sentence, a duration.
            if let Some(c) = cs.iter().find(|c| {
                c.lex == Lex::Intervention
                    || (is(c, Lex::Skill, g::skill::TEACH) && !c.ctx.negated())
            }) {
                if !flagged(c.start, c.end) {
                    found = Some((c.start, c.end, "planned intervention", c.ctx));
                }
            } else if let Some(q) = qs.iter().find(|q| {
                matches!(
                    q.unit,
                    Unit::Weeks | Unit::Visits | Unit::Months | Unit::Days
                )
            }) {
                found = Some((q.start, q.end, "duration", Ctx::default()));
            } else if (p.words(si).any(|w| w == "will") && p.words(si).count() >= 4)
                || (next_heading(p, si)
                    && p.words(si).count() >= 3
                    && !cs.iter().any(|c| c.lex == Lex::Credential))
            {
                // Under a heading that names the next session ("Next:", "Next session:"),
                // what it lists is what happens next.
                if let Some(s) = p.sents.get(si) {
                    if !flagged(s.start, s.end) {
                        found = Some((s.start, s.end, "next step", Ctx::default()));
                    }
                }
            }
        }
        if let Some((a, b, concept, ctx)) = found {
            out.push(sc.ev(a, b, concept, si, ctx));
        }
    }
    out
}

/// Whether sentence `si` sits under a heading that names the next session ("Next:", "Next
/// session:", "Next time:", "Plan for next visit:").
fn next_heading(p: &Parsed<'_>, si: usize) -> bool {
    p.heading_of(si).is_some_and(|h| {
        p.doc
            .f(h.start, h.end)
            .split(|c: char| !c.is_ascii_alphabetic())
            .any(|w| w == "next")
    })
}

// ---- outcome measures -------------------------------------------------------------------

/// Standardized outcome measures given with a score: the score beside the name, in the
/// next sentence, or (for a test "administered"/"completed") in its section's results.
/// Naming a measure that was not given is not one.
#[inline(never)] // one stage: its own entry in a profile
/// Whether the measure at `a..b` names a heading whose first lines hold its scores (two or
/// more numbers in a sentence): a table or list of the instrument's items.
fn titled_scores(p: &Parsed<'_>, si: usize, a: u32, b: u32) -> bool {
    if let Some(hi) = p.headings.iter().position(|h| h.start <= a && b <= h.end) {
        return p
            .sents
            .iter()
            .enumerate()
            .filter(|(_, s)| s.section == Some(hi as u16) && s.start >= b)
            .take(3)
            .any(|(j, _)| p.quants_in(j).len() >= 2);
    }
    // A line that names the measure and ends with a colon, its items on the next line
    // ("Section GG, self-care (admission -> discharge):").
    let Some(s) = p.sents.get(si) else {
        return false;
    };
    p.doc.f(s.start, s.end).trim_end().ends_with(':')
        && p.sents.get(si + 1).is_some_and(|n| n.section == s.section)
        && p.quants_in(si + 1).len() >= 2
}

pub(crate) fn outcomes(sc: &Scope<'_, '_>) -> Vec<Evidence> {
    let p = sc.p;
    let mut out = Vec::new();
    let scored = |q: &super::quantities::Quant| {
        !matches!(
            q.unit,
            Unit::Date | Unit::Bare | Unit::Times | Unit::PerWeek | Unit::PerDay
        )
    };
    for si in 0..p.sents.len() {
        let sec = p.section(si);
        if matches!(sec, Some(SectionKind::PatientGoals)) {
            continue;
        }
        let cs = p.concepts_in(si);
        let found_before = out.len();
        for c in cs.iter().filter(|c| is(c, Lex::Test, g::test::MEASURE)) {
            if c.ctx.negated() {
                continue;
            }
            let Some(s) = p.sents.get(si) else { continue };
            // In a goal the number is the target, unless today's score is reported beside
            // it ("QuickDASH <= 20 — partially met (52.3 -> 29.5)").
            let in_goal = sc.in_goal(c.start, c.end) || sec == Some(SectionKind::Goals);
            if in_goal && !p.doc.f(c.end, s.end).contains("->") {
                continue;
            }
            if c.ctx.hypothetical() && !in_goal {
                continue;
            }
            // Not given: "not reassessed", "declined", "to be administered".
            let rest = p.doc.f(c.end, s.end);
            if [
                "not ",
                "declined",
                "refused",
                "deferred",
                "unable to complete",
                "n/a",
                "to be ",
                "will ",
            ]
            .iter()
            .any(|w| rest.get(..rest.len().min(40)).unwrap_or("").contains(w))
                && !rest
                    .get(..rest.len().min(12))
                    .unwrap_or("")
                    .chars()
                    .any(|ch| ch.is_ascii_digit())
            {
                continue;
            }
            // A target: a comparator right after the name ("ODI <= 20%").
            let head = rest
                .trim_start_matches([' ', ':', '-'])
                .trim_start_matches("score")
                .trim_start();
            let target = head.starts_with('<')
                || head.starts_with('>')
                || [
                    "at or below",
                    "at or above",
                    "below",
                    "above",
                    "under",
                    "over",
                    "of at least",
                    "at least",
                    "less than",
                    "greater than",
                    "more than",
                ]
                .iter()
                .any(|w| head.starts_with(w));
            let reported = ["(", "->", "now", "today", "current"]
                .iter()
                .any(|w| rest.contains(w));
            let beside = p.quants_in(si).iter().find(|q| {
                q.start >= c.end
                    && q.start - c.end <= 60
                    && (in_goal || !sc.in_goal(q.start, q.end))
                    && (scored(q) || {
                        // "FOIS level 4", "RBANS delayed memory index 82": a bare number
                        // after a few words, nothing else between.
                        let gap = p.doc.f(c.end, q.start);
                        q.start - c.end <= 32
                            && !gap
                                .bytes()
                                .any(|b| b.is_ascii_digit() || matches!(b, b'.' | b';' | b','))
                    })
            });
            let before = p.quants_in(si).iter().any(|q| {
                q.end <= c.start && c.start - q.end <= 14 && scored(q) && {
                    let gap = p.doc.f(q.end, c.start);
                    gap.contains(" on") || gap.contains(" in")
                }
            });
            let mut score_end: Option<u32> = None;
            if let Some(q) = beside {
                if !target || reported {
                    score_end = Some(q.end);
                }
            } else if before {
                score_end = Some(c.end);
            } else if titled_scores(p, si, c.start, c.end) {
                // "Section GG, self-care (admission -> discharge):" over rows of scores.
                score_end = Some(c.end);
            } else {
                let administered = cs.iter().any(|x| {
                    x.lex == Lex::Skill
                        && matches!(x.group, g::skill::DELIVER | g::skill::TESTING)
                        && matches!(
                            p.doc.f(x.start, x.end),
                            "performed"
                                | "completed"
                                | "administered"
                                | "was administered"
                                | "were administered"
                                | "scored"
                                | "given"
                                | "tested"
                                | "completed the"
                        )
                });
                if administered {
                    // The next sentence, or the section's results.
                    let sect = p.sents.get(si).and_then(|s| s.section);
                    let next = p.sents.get(si + 1).filter(|n| n.section == sect);
                    if next.is_some_and(|_| p.quants_in(si + 1).iter().any(&scored)) {
                        score_end = Some(c.end);
                    } else {
                        for j in si + 1..p.sents.len() {
                            if p.sents.get(j).map(|n| n.section) != Some(sect) {
                                break;
                            }
                            let results = p
                                .quants_in(j)
                                .iter()
                                .any(|q| matches!(q.unit, Unit::Percent | Unit::Score(_)))
                                || p.text(j).contains("scored")
                                || p.text(j).contains("within normal limits");
                            if results {
                                score_end = Some(c.end);
                                break;
                            }
                        }
                    }
                }
            }
            if let Some(e) = score_end {
                out.push(sc.ev(
                    c.start,
                    e.max(c.end),
                    "standardized measure with a score",
                    si,
                    c.ctx,
                ));
            }
        }
        if out.len() > found_before {
            continue;
        }
        // An instrument the lexicon does not know, named the way instruments are named and
        // given with its score: "Patient-Rated Wrist Evaluation (PRWE) 54/100", "scored
        // 22/30 on the Saint Louis University Mental Status Examination", "Core Language
        // Score 76".
        if matches!(sec, Some(SectionKind::Goals | SectionKind::Plan)) {
            continue;
        }
        if let Some((a, b)) = named_instrument(sc, si) {
            out.push(sc.ev(
                a,
                b,
                "standardized measure with a score",
                si,
                Ctx::default(),
            ));
        }
    }
    out
}

/// Words that end an instrument's name ("… Scale", "… Index", "… Examination").
const INSTRUMENT_NOUNS: &[&str] = &[
    "scale",
    "index",
    "inventory",
    "questionnaire",
    "test",
    "assessment",
    "examination",
    "exam",
    "evaluation",
    "measure",
    "profile",
    "battery",
    "screen",
    "screening",
    "survey",
    "score",
];

/// A named instrument with a score in sentence `si`: a run of capitalized words ending with
/// an instrument noun, or an acronym in brackets ("(VISA-A)"), with a score (n/m, a
/// percentile, a standard or scaled score) right after it or "scored n/m on" before it.
fn named_instrument(sc: &Scope<'_, '_>, si: usize) -> Option<(u32, u32)> {
    let p = sc.p;
    let s = p.sents.get(si)?;
    let i0 = p.doc.tok_from(s.start);
    let i1 = p.doc.toks.partition_point(|t| t.start < s.end).max(i0);
    let toks = p.doc.toks.get(i0..i1).unwrap_or(&[]);
    let upper = |t: &Tok| match p.doc.text.as_bytes().get(p.doc.orig_start(t.start)) {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => p
            .doc
            .orig(t.start, t.end)
            .chars()
            .next()
            .is_some_and(char::is_uppercase),
    };
    let mut names: Vec<(u32, u32)> = Vec::new();
    // Capitalized runs ending with an instrument noun (at least two capitalized words).
    let mut run_start: Option<usize> = None;
    let mut caps = 0;
    for (k, t) in toks.iter().enumerate() {
        let word = t.kind == TokKind::Word;
        // The token's first byte (a space when out of range), read before any slicing.
        let first = p.doc.byte(t.start as usize);
        if word && upper(t) {
            if run_start.is_none() {
                run_start = Some(k);
                caps = 0;
            }
            caps += 1;
            if caps >= 2 && word_in(p.doc.tok_str(t), INSTRUMENT_NOUNS) {
                if let Some(r) = run_start.and_then(|r| toks.get(r)) {
                    names.push((r.start, t.end));
                }
            }
        } else {
            // Small words and joining punctuation continue a name ("Test of Articulation",
            // "Penetration-Aspiration"); anything else ends it.
            let joins = if word {
                matches!(first, b'o' | b'f' | b't' | b'a' | b'i')
                    && word_in(p.doc.tok_str(t), &["of", "for", "the", "and", "in"])
            } else {
                t.end - t.start == 1 && matches!(first, b'-' | b',' | b'\'')
            };
            if !joins {
                run_start = None;
            }
        }
    }
    // An acronym in brackets: three or more capitals, digits and hyphens ("(PRWE)",
    // "(CELF-5)").
    let text = p.doc.orig(s.start, s.end);
    let folded_len = s.end - s.start;
    if text.len() as u32 == folded_len {
        let b = text.as_bytes();
        let mut k = 0usize;
        // Each '(' (found with memchr) and what follows it up to the next ')'.
        while let Some(j) = b.get(k..).and_then(|r| memchr::memchr(b'(', r)) {
            k += j;
            let rest = b.get(k + 1..).unwrap_or(&[]);
            let inner = rest
                .get(..memchr::memchr(b')', rest).unwrap_or(rest.len()))
                .unwrap_or(&[]);
            let letters = inner.iter().filter(|x| x.is_ascii_uppercase()).count();
            let ok = letters >= 3
                && inner.len() <= 12
                && inner
                    .iter()
                    .all(|x| x.is_ascii_uppercase() || x.is_ascii_digit() || *x == b'-');
            if ok {
                let end = s.start + (k + 2 + inner.len()) as u32;
                names.push((s.start + k as u32, end));
            }
            k += 1;
        }
    }
    let qs = p.quants_in(si);
    for (a, b) in names {
        // Not an impairment measure ("Manual Muscle Test").
        if p.concepts_in(si)
            .iter()
            .any(|c| c.lex == Lex::Test && c.start < b && c.end > a && c.group != g::test::MEASURE)
        {
            continue;
        }
        let after = qs.iter().find(|q| {
            q.start >= b
                && q.start - b <= 40
                && (matches!(q.unit, Unit::Score(_) | Unit::Percent)
                    || (q.unit == Unit::Bare && {
                        let gap = p.doc.f(b, q.start);
                        !gap.bytes()
                            .any(|x| x.is_ascii_digit() || matches!(x, b'.' | b';'))
                            && gap.len() <= 24
                    }))
        });
        if let Some(q) = after {
            return Some((a, q.end));
        }
        let before = qs.iter().any(|q| {
            q.end <= a
                && a - q.end <= 12
                && matches!(q.unit, Unit::Score(_) | Unit::Percent)
                && p.doc.f(q.end, a).contains("on")
        });
        if before {
            return Some((a, b));
        }
    }
    None
}

// ---- red flags --------------------------------------------------------------------------

/// Phrases reviewers cite, with nothing specific next to them (in the sentence, or in the
/// next one of the same section).
#[inline(never)] // one stage: its own entry in a profile
pub(crate) fn red_flags(sc: &Scope<'_, '_>) -> Vec<RedFlag> {
    let p = sc.p;
    let mut out = Vec::new();
    for si in 0..p.sents.len() {
        let cs = p.concepts_in(si);
        for c in cs.iter().filter(|c| c.lex == Lex::RedFlag) {
            let Some(kind) = RedFlagKind::from_group(c.group) else {
                continue;
            };
            if sc.in_goal(c.start, c.end) && kind != RedFlagKind::Maintenance {
                continue;
            }
            use RedFlagKind as K;
            if matches!(
                kind,
                K::ToleratedWell
                    | K::DoingWell
                    | K::Progressing
                    | K::NoNewComplaints
                    | K::NoSignificantChange
            ) && (c.ctx.negated() || c.ctx.hypothetical())
                && !p.doc.f(c.start, c.end).starts_with("no ")
            {
                continue;
            }
            // The patient's own words are not the therapist's claim.
            if matches!(kind, K::DoingWell | K::Progressing) && c.ctx.reported() {
                continue;
            }
            let before = {
                let s = p.sents.get(si).map_or(0, |s| s.start);
                p.doc.f(s.max(c.start.saturating_sub(20)), c.start)
            };
            let after = p.doc.f(c.end, c.end + 14).trim_start();
            match kind {
                K::Maintenance
                    if (before.ends_with("skilled ")
                        || [
                            "home ",
                            "house ",
                            "household ",
                            "yard ",
                            "lawn ",
                            "car ",
                            "building ",
                            "health ",
                        ]
                        .iter()
                        .any(|w| before.ends_with(w))
                        || [
                            "free",
                            "worker",
                            "man",
                            "job",
                            "staff",
                            "crew",
                            "department",
                            "mechanic",
                            "tasks",
                            "work",
                            "of skin",
                            "of range",
                        ]
                        .iter()
                        .any(|w| after.starts_with(w))) =>
                {
                    continue;
                }
                K::AsTolerated
                    if [
                        "weight bearing ",
                        "weightbearing ",
                        "wb ",
                        "diet ",
                        "activity ",
                        "wbat ",
                        "ambulate ",
                        "ambulation ",
                    ]
                    .iter()
                    .any(|w| before.ends_with(w)) =>
                {
                    continue;
                }
                K::GeneralConditioning
                    if ["instructor", "class", "trainer", "center", "club"]
                        .iter()
                        .any(|w| after.starts_with(w)) =>
                {
                    continue;
                }
                _ => {}
            }
            if specifics(sc, si, c.end, kind, true) {
                continue;
            }
            let sect = p.sents.get(si).and_then(|s| s.section);
            // The next sentence of the same section ("Pt tolerated tx well. HR 88 after
            // 6 min of gait."); another section's line (a "Response:" line below) is not
            // next to the phrase.
            let next_same = p
                .sents
                .get(si + 1)
                .filter(|n| n.section == sect && !n.para_start);
            if next_same.is_some()
                && specifics(
                    sc,
                    si + 1,
                    p.sents.get(si + 1).map_or(0, |n| n.start),
                    kind,
                    false,
                )
            {
                continue;
            }
            out.push(RedFlag {
                span: p.doc.span(c.start, c.end),
                kind,
            });
        }
        // A plan that says only "continue": "P: cont", "Plan: Continue."
        if sc.p.section(si).is_some_and(SectionKind::is_plan)
            && bare_continue(p, si)
            && !out.iter().any(|r| {
                p.sents.get(si).is_some_and(|s| {
                    let sp = p.doc.span(s.start, s.end);
                    r.span.start >= sp.start && r.span.start < sp.end
                })
            })
        {
            if let Some(s) = p.sents.get(si) {
                let t = p.doc.f(s.start, s.end);
                let e = s.start
                    + t.trim_end_matches(|c: char| !c.is_ascii_alphanumeric())
                        .len() as u32;
                out.push(RedFlag {
                    span: p.doc.span(s.start, e),
                    kind: RedFlagKind::ContinuePoc,
                });
            }
        }
    }
    crate::sort::sort_by_key(&mut out, |r| r.span.start);
    out.dedup_by_key(|r| r.span.start);
    out
}

/// "cont", "Continue.", "Continue tx", "cont same": a sentence that says only "continue".
fn bare_continue(p: &Parsed<'_>, si: usize) -> bool {
    let words = p.word_slice(si);
    let Some(first) = words.first() else {
        return false;
    };
    matches!(*first, "cont" | "continue" | "con")
        && words.len() <= 4
        && words.iter().skip(1).all(|w| {
            matches!(
                *w,
                "t" | "tx"
                    | "treatment"
                    | "therapy"
                    | "same"
                    | "as"
                    | "above"
                    | "current"
                    | "program"
                    | "with"
            )
        })
}

/// Whether sentence `si` from `from` gives the specifics a red flag of `kind` lacks.
fn specifics(sc: &Scope<'_, '_>, si: usize, from: u32, kind: RedFlagKind, same: bool) -> bool {
    use RedFlagKind as K;
    let p = sc.p;
    let Some(s) = p.sents.get(si) else {
        return false;
    };
    let cs: Vec<&Concept> = p
        .concepts_in(si)
        .iter()
        .filter(|c| c.start >= from)
        .collect();
    let qs: Vec<_> = p
        .quants_in(si)
        .iter()
        .filter(|q| q.start >= from && !matches!(q.unit, Unit::Date))
        .collect();
    let rest = p.doc.f(from, s.end);
    let measured = qs
        .iter()
        .any(|q| !matches!(q.unit, Unit::Bare | Unit::Times))
        || rest.contains("->");
    let response = cs.iter().any(|c| {
        (c.lex == Lex::Response && matches!(c.group, g::response::REACTION | g::response::VITALS))
            || is(c, Lex::Clinical, g::clinical::SYMPTOM)
    });
    let skill = cs.iter().any(|c| {
        c.lex == Lex::Skill
            && matches!(
                c.group,
                g::skill::CUE | g::skill::SKILL | g::skill::RETURN_DEMO
            )
    });
    let plan = cs
        .iter()
        .any(|c| c.lex == Lex::Plan && matches!(c.group, g::plan::PLAN | g::plan::FREQUENCY))
        || qs
            .iter()
            .any(|q| matches!(q.unit, Unit::PerWeek | Unit::PerDay));
    let reason = [
        "because",
        "due to",
        "secondary to",
        "as evidenced",
        "evidenced by",
        "to prevent",
        "to address",
        "given ",
        "until",
        "as long as",
        "keeping",
        "up to",
        "provided",
    ]
    .iter()
    .any(|w| rest.contains(w));
    let progress = cs.iter().any(|c| {
        c.lex == Lex::Progress && matches!(c.group, g::progress::STATUS | g::progress::NO_PROGRESS)
    });
    if same {
        // "tolerated well with mild lacrimation": what was tolerated, and how.
        let continues = rest.trim_start_matches([',', ' ']).starts_with("with ");
        return match kind {
            K::ToleratedWell => measured || response || skill || reason || continues,
            K::DoingWell | K::NoNewComplaints => measured || response || skill || reason,
            K::Progressing | K::NoSignificantChange => measured || progress || response || reason,
            K::ContinuePoc | K::AsTolerated => measured || reason || skill || plan,
            K::Flowsheet | K::Maintenance | K::GeneralConditioning | K::RepetitiveExercise => {
                skill || reason
            }
            K::Judgmental => false,
        };
    }
    // The sentence next to it: what backs the claim up. A response or a comparison backs
    // "tolerated well" or "doing well" (a score alone does not); a change measured or a
    // goal's status backs "progressing". A plan elsewhere does not excuse a bare
    // "continue per plan of care".
    let comparison = comparison(sc, si).is_some();
    // What happened in the session (a reaction, vitals): not a symptom on arrival.
    let reaction = cs.iter().any(|c| {
        c.lex == Lex::Response && matches!(c.group, g::response::REACTION | g::response::VITALS)
    });
    // A change over the course of care ("for the first time", "now climbs …").
    let change = cs
        .iter()
        .any(|c| is(c, Lex::Response, g::response::COURSE) && !c.ctx.negated());
    match kind {
        K::ToleratedWell => reaction,
        K::DoingWell | K::NoNewComplaints => {
            reaction || comparison || change || in_session(p, si).is_some()
        }
        K::Progressing | K::NoSignificantChange => progress || comparison || change,
        _ => false,
    }
}

// ---- objective measurements ---------------------------------------------------------------

/// Objective measurements: degrees, strength grades, distances, assist levels, pain
/// ratings, percentages.
#[inline(never)] // one stage: its own entry in a profile
pub(crate) fn measurements(sc: &Scope<'_, '_>) -> Vec<Evidence> {
    let p = sc.p;
    let mut out = Vec::new();
    for si in 0..p.sents.len() {
        for q in p.quants_in(si) {
            let ok = match q.unit {
                Unit::Degrees | Unit::Distance | Unit::Percent => true,
                Unit::Score(d) => d == 5 || d == 10,
                _ => false,
            };
            if ok {
                out.push(sc.ev(q.start, q.end, "measurement", si, Ctx::default()));
            }
        }
        for c in p
            .concepts_in(si)
            .iter()
            .filter(|c| is(c, Lex::Assist, g::assist::ASSIST))
        {
            out.push(sc.ev(c.start, c.end, "assist level", si, c.ctx));
        }
    }
    crate::sort::sort_by_key(&mut out, |e| e.span.start);
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_no_treatment_phrase_has_no() {
        for w in super::NO_TREATMENT {
            assert!(super::has_no(w), "{w}");
        }
    }
}
