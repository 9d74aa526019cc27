//! Goals followed from note to note: each goal set at an evaluation, re-evaluation, progress
//! report or recertification, and the status each later report gives it.
//!
//! A goal is recognised in a later note by its words, not its number: "LTG 2" renumbered
//! "LTG 1" with the same statement is the same goal. The words compared are the statement's
//! own (timeframes, filler words and numbers set apart; common abbreviations read as the
//! word: "min" and "minutes", "mod I" and "modified independent"). A later item whose words
//! share at least half with a goal's ([`MATCH`]) restates it; an item that is only a label
//! and a status ("STG 1: met") is matched by its label. A restated goal is **the same** when
//! at least [`SAME`] of its words and all of its numbers are the goal's; otherwise it is
//! **modified** (a new target, a new task).

use super::model::{Member, Model};
use super::reading::{GoalItem, Status, Term};
use crate::note::NoteType;
use crate::span::Span;

/// Word overlap (Jaccard) at which a later item restates a goal.
pub const MATCH: f64 = 0.5;
/// Word overlap at which a restated goal is unchanged (with the same numbers).
pub const SAME: f64 = 0.8;

/// One status a report gives a goal.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Member index of the report.
    pub member: usize,
    /// The item in that note that restates the goal (index into its reading's goals).
    pub item: Option<usize>,
    pub status: Option<Status>,
    /// Where the status (or the "all goals met" statement) is written.
    pub span: Option<Span>,
    /// The restated goal has the same words and numbers.
    pub same: bool,
}

/// A goal of the episode.
#[derive(Debug, Clone, PartialEq)]
pub struct Goal {
    pub term: Option<Term>,
    /// Member index of the note that set it, and the item there.
    pub set_in: usize,
    pub item: usize,
    /// Its label as first written ("STG 1"), for display.
    pub label: Option<String>,
    /// Statuses from later reports, in date order.
    pub mentions: Vec<Mention>,
    words: Vec<String>,
    numbers: Vec<String>,
    /// Its label as last written (term and number), for status-only items.
    last_label: Option<(Option<Term>, String)>,
}

impl Goal {
    /// The member index of the report that closed it (met or discontinued), if any.
    pub fn closed_at(&self) -> Option<usize> {
        self.mentions
            .iter()
            .find(|m| m.status.is_some_and(Status::closes))
            .map(|m| m.member)
    }
    /// The status given by the report `member`, if it mentions the goal.
    pub fn in_report(&self, member: usize) -> Option<&Mention> {
        self.mentions.iter().find(|m| m.member == member)
    }
}

/// The status one report gives a goal, as the goal table shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct StatusAt {
    /// Member index of the report.
    pub member: usize,
    /// `met`, `partlyMet`, `notMet`, `ongoing`, `discontinued`, `revised`, `measured`,
    /// `restated` (restated without a status) or `missing` (not mentioned).
    pub status: &'static str,
    /// The status words, or the restated goal when there are none.
    pub span: Option<Span>,
    /// The report restates the goal with other words or numbers.
    pub changed: bool,
}

impl Goal {
    /// One entry per clinician's report after the note that set the goal, until a report
    /// closes it (met or discontinued).
    pub fn statuses(&self, model: &Model<'_>) -> Vec<StatusAt> {
        let mut out = Vec::new();
        for (k, m) in model.members.iter().enumerate() {
            if k <= self.set_in || !m.report {
                continue;
            }
            let (status, span, changed) = match self.in_report(k) {
                Some(x) => match x.status {
                    Some(s) => (s.as_str(), x.span, !x.same),
                    None => (
                        "restated",
                        x.item
                            .and_then(|i| m.reading.goals.get(i))
                            .map(|it| it.span),
                        !x.same,
                    ),
                },
                None => ("missing", None, false),
            };
            out.push(StatusAt {
                member: k,
                status,
                span,
                changed,
            });
            if self.closed_at() == Some(k) {
                break;
            }
        }
        out
    }
}

/// A long-term goal that a note changes or adds after the plan was certified.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// Member index of the note and the item there.
    pub member: usize,
    pub item: usize,
    /// The goal as certified, when the item modifies one (index into the goals).
    pub modifies: Option<usize>,
}

/// The goal table and the long-term goal changes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Goals {
    pub goals: Vec<Goal>,
    pub changes: Vec<Change>,
}

fn label(item: &GoalItem) -> Option<String> {
    let term = match item.term {
        Some(Term::Short) => "STG",
        Some(Term::Long) => "LTG",
        None => "Goal",
    };
    match (&item.number, item.term) {
        // The number is ASCII (digits, or a letter a–h: `scan`).
        (Some(n), _) => Some(format!("{term} {}", n.to_ascii_uppercase())),
        (None, Some(_)) => Some(term.to_string()),
        (None, None) => None,
    }
}

fn jaccard(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 0.0;
    }
    let inter = a.iter().filter(|w| b.contains(w)).count();
    let union = a.len() + b.len() - inter;
    #[allow(clippy::cast_precision_loss)]
    let j = inter as f64 / union.max(1) as f64;
    j
}

/// Whether the note sets goals.
fn sets_goals(m: &Member<'_>) -> bool {
    matches!(
        m.note.note_type,
        NoteType::Evaluation
            | NoteType::Reevaluation
            | NoteType::Progress
            | NoteType::Recertification
    ) || m.report && m.note.note_type == NoteType::Daily
}

/// Builds the goal table from the model's readings.
pub fn build(model: &Model<'_>) -> Goals {
    let mut out = Goals::default();
    // Long-term goals of the plan in force, as certified: goal indexes.
    let mut certified: Vec<usize> = Vec::new();
    for (k, m) in model.members.iter().enumerate() {
        let setting = sets_goals(m);
        if !setting && !m.report {
            continue;
        }
        let text = &m.note.text;
        let items: Vec<(Vec<String>, Vec<String>)> = m
            .reading
            .goals
            .iter()
            .map(|g| {
                super::reading::goal_words(
                    text.get(g.statement.start..g.statement.end).unwrap_or(""),
                )
            })
            .collect();
        // Candidate pairs (score, item, goal) among goals set before this note: for each
        // item only the goals it matches best. A goal of the other term, or one already met,
        // needs a close match.
        let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
        for (i, (it, (w, _))) in m.reading.goals.iter().zip(&items).enumerate() {
            let mut mine: Vec<(f64, usize)> = Vec::new();
            for (g, goal) in out.goals.iter().enumerate() {
                if w.len() >= 2 {
                    let s = jaccard(w, &goal.words);
                    let other_term = matches!((it.term, goal.term), (Some(a), Some(b)) if a != b);
                    let closed = goal.closed_at().is_some_and(|c| c < k);
                    if s >= MATCH && ((!other_term && !closed) || s >= SAME) {
                        mine.push((s, g));
                    }
                } else if let (Some(n), Some((t, last))) = (&it.number, &goal.last_label) {
                    if n == last && (it.term.is_none() || it.term == *t) {
                        mine.push((MATCH - 0.01, g));
                    }
                }
            }
            let best = mine.iter().map(|x| x.0).fold(f64::MIN, f64::max);
            pairs.extend(
                mine.into_iter()
                    .filter(|x| x.0 >= best)
                    .map(|(s, g)| (s, i, g)),
            );
        }
        // A total order (item and goal indices are unique), so any sort gives this result.
        crate::sort::sort_by(&mut pairs, |a, b| {
            b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2))
        });
        let mut item_goal: Vec<Option<usize>> = vec![None; m.reading.goals.len()];
        let mut goal_taken = vec![false; out.goals.len()];
        for (_, i, g) in pairs {
            if item_goal.get(i).copied().flatten().is_none()
                && !goal_taken.get(g).copied().unwrap_or(true)
            {
                if let Some(slot) = item_goal.get_mut(i) {
                    *slot = Some(g);
                }
                if let Some(t) = goal_taken.get_mut(g) {
                    *t = true;
                }
            }
        }
        let new_plan = matches!(
            m.note.note_type,
            NoteType::Evaluation | NoteType::Recertification
        );
        let mut next_certified: Vec<usize> = Vec::new();
        for (i, it) in m.reading.goals.iter().enumerate() {
            let (w, n) = items.get(i).cloned().unwrap_or_default();
            match item_goal.get(i).copied().flatten() {
                Some(g) => {
                    if let Some(goal) = out.goals.get_mut(g) {
                        let same =
                            jaccard(&w, &goal.words) >= SAME && n == goal.numbers || w.len() < 2;
                        if m.report {
                            goal.mentions.push(Mention {
                                member: k,
                                item: Some(i),
                                status: it.status.map(|s| s.0),
                                span: it.status.map(|s| s.1),
                                same,
                            });
                        }
                        if let Some(num) = &it.number {
                            goal.last_label = Some((it.term.or(goal.term), num.clone()));
                        }
                        if it.term == Some(Term::Long) || goal.term == Some(Term::Long) {
                            if new_plan {
                                // As recertified: later notes are compared with this wording.
                                if w.len() >= 2 {
                                    goal.words = w.clone();
                                    goal.numbers = n.clone();
                                }
                                next_certified.push(g);
                            } else if !same && certified.contains(&g) {
                                out.changes.push(Change {
                                    member: k,
                                    item: i,
                                    modifies: Some(g),
                                });
                            }
                        }
                    }
                }
                // The same goal written twice in one note (its status, then the goal as
                // kept for the next period): one goal.
                None if w.len() >= 2
                    && out.goals.iter().enumerate().any(|(g, goal)| {
                        item_goal.contains(&Some(g)) && jaccard(&w, &goal.words) >= MATCH
                    }) =>
                {
                    let best = out
                        .goals
                        .iter()
                        .enumerate()
                        .filter(|(g, _)| item_goal.contains(&Some(*g)))
                        .max_by(|a, b| jaccard(&w, &a.1.words).total_cmp(&jaccard(&w, &b.1.words)))
                        .map(|(g, _)| g);
                    if let Some(goal) = best.and_then(|g| out.goals.get_mut(g)) {
                        if let Some(x) = goal.mentions.iter_mut().find(|x| x.member == k) {
                            if x.status.is_none() {
                                x.status = it.status.map(|s| s.0);
                                x.span = it.status.map(|s| s.1);
                            }
                        }
                    }
                }
                None if setting && w.len() >= 2 => {
                    let g = out.goals.len();
                    out.goals.push(Goal {
                        term: it.term,
                        set_in: k,
                        item: i,
                        label: label(it),
                        mentions: Vec::new(),
                        words: w,
                        numbers: n,
                        last_label: it.number.clone().map(|num| (it.term, num)),
                    });
                    if it.term == Some(Term::Long) {
                        if new_plan {
                            next_certified.push(g);
                        } else if m.note.note_type != NoteType::Discharge {
                            out.changes.push(Change {
                                member: k,
                                item: i,
                                modifies: None,
                            });
                        }
                    }
                }
                None => {}
            }
        }
        if new_plan && !next_certified.is_empty() {
            certified = next_certified;
        }
        // "All goals met": a status for every open goal of the term not already given one.
        if m.report {
            for a in &m.reading.all_goals {
                for goal in out.goals.iter_mut() {
                    if goal.set_in >= k || (a.term.is_some() && a.term != goal.term) {
                        continue;
                    }
                    if goal.closed_at().is_some_and(|c| c < k) {
                        continue;
                    }
                    match goal.mentions.iter_mut().find(|x| x.member == k) {
                        Some(x) if x.status.is_none() => {
                            x.status = Some(a.status);
                            x.span = Some(a.span);
                        }
                        Some(_) => {}
                        None => goal.mentions.push(Mention {
                            member: k,
                            item: None,
                            status: Some(a.status),
                            span: Some(a.span),
                            same: true,
                        }),
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;
    use crate::note::Note;
    use serde_json::json;

    fn note(ty: &str, date: &str, text: &str) -> Note {
        Note::from_value(&json!({
            "discipline": "PT", "noteType": ty, "dateOfService": date,
            "payer": {"kind": "medicare"}, "provider": {"role": "PT"},
            "lines": [], "text": text
        }))
        .unwrap()
    }

    fn table(notes: &[Note]) -> Goals {
        let model = Model::build(notes.iter().enumerate().collect());
        build(&model)
    }

    const EVAL: &str = "Goals:\nSTG 1 (3 wks): ascend 12 stairs with 1 rail, modified independent.\nLTG 1 (8 wks): walk 30 minutes in the community with pain < 2/10.\nLTG 2 (8 wks): lift a 10 lb box from floor to waist with correct mechanics.";

    #[test]
    fn statuses_follow_the_goal_not_its_number() {
        let pr = "Goal status:\nSTG 1: ascend 12 stairs with 1 rail, mod I – met.\nLTG 1: lift a 10 lb box from floor to waist with correct mechanics – partially met, now 5 lb.\nLTG 2: walk 30 min in community with pain < 2/10 – progressing, now 20 min.";
        let g = table(&[
            note("evaluation", "2025-03-03", EVAL),
            note("progress", "2025-03-28", pr),
        ]);
        assert_eq!(g.goals.len(), 3, "{:#?}", g.goals);
        let st: Vec<_> = g
            .goals
            .iter()
            .map(|x| x.in_report(1).and_then(|m| m.status))
            .collect();
        assert_eq!(
            st,
            vec![
                Some(Status::Met),
                Some(Status::Ongoing),
                Some(Status::PartlyMet)
            ]
        );
        assert!(
            g.goals.iter().all(|x| x.in_report(1).unwrap().same),
            "{:#?}",
            g.goals
        );
        assert!(g.changes.is_empty(), "{:#?}", g.changes);
        assert_eq!(g.goals[0].closed_at(), Some(1));
    }

    #[test]
    fn a_missing_goal_has_no_mention() {
        let pr = "Goal status:\nSTG 1: ascend 12 stairs with 1 rail – met.\nLTG 1: walk 30 min in the community with pain < 2/10 – not met, now 15 min.";
        let g = table(&[
            note("evaluation", "2025-03-03", EVAL),
            note("progress", "2025-03-28", pr),
        ]);
        assert!(g.goals[2].in_report(1).is_none());
    }

    #[test]
    fn status_only_items_match_by_label_and_all_goals_statements_count() {
        let pr = "STG 1: met.\nAll long-term goals partially met.";
        let g = table(&[
            note("evaluation", "2025-03-03", EVAL),
            note("progress", "2025-03-28", pr),
        ]);
        assert_eq!(
            g.goals[0].in_report(1).and_then(|m| m.status),
            Some(Status::Met)
        );
        assert_eq!(
            g.goals[1].in_report(1).and_then(|m| m.status),
            Some(Status::PartlyMet)
        );
        assert_eq!(
            g.goals[2].in_report(1).and_then(|m| m.status),
            Some(Status::PartlyMet)
        );
    }

    #[test]
    fn a_goal_written_twice_in_a_note_is_one_goal_and_met_goals_are_not_taken_for_others() {
        // "walk 300 feet…" (STG, met at the report) and "walk in the community 500 feet…"
        // (LTG) share half their words; the recertification restates the LTG twice.
        let eval = "Goals:\nSTG 1 (3 wks): walk 300 feet with the cane and no loss of balance.\nLTG 1 (8 wks): walk in the community 500 feet with the cane and no falls.";
        let pr = "Goal status:\nSTG 1: walk 300 feet with the cane and no loss of balance – met.\nLTG 1: walk in the community 500 feet with the cane and no falls – ongoing.";
        let recert = "Goal status:\nLTG 1: walk in the community 500 feet with the cane and no falls – not yet met.\nLong-term goals (next 4 weeks):\n1. Walk in the community 500 feet with the cane and no falls.";
        let later = "Goal status:\nLTG 1: walk in the community 500 feet with the cane and no falls – progressing, now 300 feet.";
        let g = table(&[
            note("evaluation", "2025-03-03", eval),
            note("progress", "2025-03-28", pr),
            note("recertification", "2025-04-25", recert),
            note("progress", "2025-05-20", later),
        ]);
        assert_eq!(g.goals.len(), 2, "{:#?}", g.goals);
        assert_eq!(g.goals[0].mentions.len(), 1);
        let ltg: Vec<_> = g.goals[1]
            .mentions
            .iter()
            .map(|m| (m.member, m.status))
            .collect();
        assert_eq!(
            ltg,
            vec![
                (1, Some(Status::Ongoing)),
                (2, Some(Status::NotMet)),
                (3, Some(Status::Ongoing))
            ]
        );
        assert!(g.changes.is_empty(), "{:#?}", g.changes);
    }

    #[test]
    fn changed_and_new_long_term_goals() {
        let pr = "Goal status:\nLTG 1: walk 45 minutes in the community with pain < 2/10 – ongoing.\nLTG 2: lift a 10 lb box from floor to waist with correct mechanics – met.\nLTG 3: return to playing 9 holes of golf with a cart.";
        let g = table(&[
            note("evaluation", "2025-03-03", EVAL),
            note("progress", "2025-03-28", pr),
        ]);
        assert_eq!(g.changes.len(), 2, "{:#?}", g.changes);
        assert_eq!(g.changes[0].modifies, Some(1));
        assert_eq!(g.changes[1].modifies, None);
        // A recertification sets the new long-term goals as certified.
        let recert = "Recertification.\nLTG 1: walk 45 minutes in the community with pain < 2/10.\nLTG 2: return to playing 9 holes of golf with a cart.";
        let later = "Progress report\nLTG 1: walk 45 min in the community with pain < 2/10 – met.\nLTG 2: return to playing 9 holes of golf with a cart – ongoing.";
        let g = table(&[
            note("evaluation", "2025-03-03", EVAL),
            note("recertification", "2025-05-28", recert),
            note("progress", "2025-06-20", later),
        ]);
        let after: Vec<_> = g.changes.iter().filter(|c| c.member == 2).collect();
        assert!(after.is_empty(), "{:#?}", g.changes);
    }
}
