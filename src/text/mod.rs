//! The clinical-text reader: one pipeline of stages that reads a note the way a payer's
//! reviewer does, and produces the one facts struct the rules read, [`TextFacts`].
//!
//! | stage | module | input → output |
//! |---|---|---|
//! | 1. normalize | [`normalize`] | the text → a lower-cased ASCII-folded copy with a map back to byte offsets, and its tokens |
//! | 2. lexicons | [`lexicon`] | the folded copy → every phrase of every lexicon (`lexicon/*.txt`, data a clinician can review) found in **one** pass over a trie of word segments (compiled from the files by `build.rs`) |
//! | 3. sections | [`sections`] | line starts + the heading lexicon → the headings and the kind of section each opens (medspaCy's Sectionizer) |
//! | 4. sentences | [`sentences`] | tokens + headings + abbreviations → sentences and list items |
//! | 5. quantities | [`quantities`] | tokens + unit phrases → numbers with what they measure (minutes, units, scores, frequencies, timeframes) |
//! | 6. context | [`context`] | concepts + modifier phrases → negated, hypothetical, historical, experiencer, reported (ConText) |
//! | 7. elements | [`goals`], [`elements`], [`signature`], [`times`], [`evaluation`] | section + concepts + context → each element with the words that decided it ([`Evidence`]) |
//!
//! [`pipeline::Parsed`] holds the result of stages 1–6 for one text. All spans in
//! [`TextFacts`] are byte ranges of the text; the report converts them to UTF-16.
//!
//! Nothing is compiled per note: `build.rs` compiles the lexicon files into tables, loaded
//! into one trie once per process ([`lexicon::Lexicon::get`]), and every stage is one linear
//! pass.

mod context;
mod elements;
mod evaluation;
mod facts;
mod fold;
mod goals;
mod lexicon;
mod normalize;
mod pipeline;
mod quantities;
mod sections;
mod sentences;
mod signature;
mod times;

pub use evaluation::{EvalText, Found, ReasonKind, ReasonScan};
pub use facts::{
    credentials_in, Credential, Evidence, Goal, Intervention, Mention, RedFlagKind, SectionInfo,
    Sentence, Setting, Signature, TextFacts,
};
pub use sections::SectionKind;

use normalize::Doc;
use pipeline::Parsed;

use lexicon::Lexicon;

/// Reads `text` once, through every stage.
pub fn read(text: &str, setting: Setting) -> TextFacts {
    let doc = Doc::new(text);
    let p = Parsed::new(&doc);
    let mut f = TextFacts {
        sections: p
            .headings
            .iter()
            .map(|h| SectionInfo {
                kind: h.kind,
                heading: p.doc.span(h.start, h.end),
            })
            .collect(),
        sentences: p
            .sents
            .iter()
            .map(|s| Sentence {
                span: p.doc.span(s.start, s.end),
                section: s.section.map(usize::from),
                blank_before: s.para_start,
            })
            .collect(),
        ..TextFacts::default()
    };
    let (treatment, timed, _) = times::totals(&p);
    f.total_treatment = treatment;
    f.total_treatment_minutes = treatment.map(|m| m.value);
    f.total_timed = timed;
    f.interventions = times::interventions(&p);
    f.signatures = signature::find(&p);
    let goals = goals::find(&p);
    f.goals = goals
        .iter()
        .map(|g| Goal {
            span: p.doc.span(g.start, g.end),
            measurable: g.measurable,
            timeframe: g.timeframe,
        })
        .collect();
    let sc = elements::Scope {
        p: &p,
        goals: &goals,
        setting,
    };
    f.red_flags = elements::red_flags(&sc);
    f.progress = elements::progress(&sc);
    f.medical_necessity = elements::necessity(&sc);
    f.skilled = elements::skilled(&sc);
    f.patient_response = elements::response(&sc);
    f.plan = elements::plan(&sc, &f.red_flags);
    f.outcome_measures = elements::outcomes(&sc);
    f.measurements = elements::measurements(&sc);
    f.no_treatment_needed = elements::no_treatment_needed(&sc);
    if setting.read_evaluation {
        f.evaluation = evaluation::scan(&p, setting.evaluation);
        f.reevaluation = evaluation::scan_reason(&p, false);
    }
    f
}

/// The re-evaluation reasons in a short text such as `evaluation.reevaluationReason`: an
/// event that changes the condition counts there by itself.
pub fn reevaluation_reason(text: &str) -> ReasonScan {
    evaluation::scan_reason(&Parsed::new(&Doc::new(text)), true)
}

/// Problems found in the lexicon files (empty unless a file is malformed; checked by the
/// tests).
#[cfg(any(test, feature = "testing"))]
pub fn lexicon_problems() -> &'static [String] {
    &Lexicon::get().problems
}

/// Loads the lexicon trie now (it is otherwise loaded by the first read).
pub fn warm_up() {
    let _ = Lexicon::get();
}

/// Whether `text` contains a progress report: a heading line "Progress report", "Progress
/// note" or "Reporting period" (alone, or followed by a colon, a dash, or a note in brackets
/// and a colon). Read by `episode/progress-report-due` and by the episode's count of
/// reporting periods.
pub fn contains_progress_report(text: &str) -> bool {
    find_progress_report(text).is_some()
}

/// Where the first progress-report heading of [`contains_progress_report`] is (bytes of
/// `text`), for the drafting checklist's span. Read by hand, line by line: a pattern engine
/// for one heading costs the package more than the reading itself.
pub fn find_progress_report(text: &str) -> Option<crate::span::Span> {
    let mut start = 0usize;
    for line in text.split('\n') {
        if let Some(len) = heading_len(line) {
            return Some(crate::span::Span::new(start, start + len));
        }
        start += line.len() + 1;
    }
    None
}

/// The length of the heading at the start of `line` (leading bullets included), if the line
/// opens a progress report.
fn heading_len(line: &str) -> Option<usize> {
    let body = line.trim_start_matches([' ', '\t', '>', '*', '#', '-']);
    let lead = line.len() - body.len();
    let lower = body.to_ascii_lowercase();
    let rest = ["progress", "reporting"].iter().find_map(|first| {
        let after = lower.strip_prefix(first)?;
        let gap = after.len() - after.trim_start().len();
        if gap == 0 {
            return None;
        }
        let after = after.trim_start();
        let seconds: &[&str] = if *first == "progress" {
            &["report", "note"]
        } else {
            &["period"]
        };
        seconds.iter().find_map(|w| after.strip_prefix(w))
    })?;
    // A whole word: "progress notes" or "progress reported" is not the heading.
    if rest
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() || c == '_')
    {
        return None;
    }
    let mut rest = rest.trim_start_matches([' ', '\t']);
    if let Some(inner) = rest.strip_prefix('(') {
        let close = inner.find(')')?;
        rest = inner
            .get(close + 1..)
            .unwrap_or("")
            .trim_start_matches([' ', '\t']);
    }
    let consumed = lead + body.len() - rest.len();
    let rest_cr = rest.trim_end_matches('\r');
    if rest_cr.is_empty() {
        return Some(consumed);
    }
    if rest.starts_with(':') {
        return Some(consumed + 1);
    }
    let mut chars = rest.chars();
    let dash = chars.next().filter(|c| matches!(c, '-' | '–' | '—'))?;
    let space = chars.next().filter(|c| matches!(c, ' ' | '\t'))?;
    Some(consumed + dash.len_utf8() + space.len_utf8())
}

#[cfg(test)]
mod progress_report_tests {
    use super::contains_progress_report as has_report_heading;
    use super::find_progress_report;

    #[test]
    fn report_headings() {
        for yes in [
            "Progress report",
            "PROGRESS NOTE:",
            "  ## Progress Report (visits 1-10): on track",
            "- reporting period - 3/1 to 3/31",
            "S: knee better\nProgress report — visits 1-10\nO: …",
            "> Progress note (re-check):",
            "Progress report\r\nO: ROM",
        ] {
            assert!(has_report_heading(yes), "{yes:?}");
        }
        for no in [
            "Pt making progress report to MD next week",
            "progress notes reviewed",
            "Progress reported by family",
            "Progress report was faxed",
            "progressreport:",
            "Progress report (unclosed",
            "S: progress report: in the plan",
        ] {
            assert!(!has_report_heading(no), "{no:?}");
        }
        let text = "S: knee better\nProgress report (visits 1-10): on track";
        let Some(sp) = find_progress_report(text) else {
            unreachable!("no heading found")
        };
        assert_eq!(
            text.get(sp.start..sp.end),
            Some("Progress report (visits 1-10):")
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn daily() -> Setting {
        Setting::default()
    }

    #[test]
    fn the_lexicons_read_cleanly() {
        assert!(lexicon_problems().is_empty(), "{:#?}", lexicon_problems());
    }

    #[test]
    fn sentences_keep_abbreviations_and_list_numbers() {
        let t = "Goals:\n1. Pt will amb 150 ft mod. I in 4 wks.\n2. Improve strength.";
        let f = read(t, daily());
        let texts: Vec<&str> = f
            .sentences
            .iter()
            .map(|x| t.get(x.span.start..x.span.end).unwrap_or(""))
            .collect();
        assert_eq!(
            texts,
            vec![
                "1. Pt will amb 150 ft mod. I in 4 wks.",
                "2. Improve strength."
            ]
        );
        assert_eq!(f.goals.len(), 2, "{:?}", f.goals);
        assert!(f.goals.first().is_some_and(|g| g.measurable && g.timeframe));
        assert!(f
            .goals
            .get(1)
            .is_some_and(|g| !g.measurable && !g.timeframe));
    }

    #[test]
    fn odd_inputs_do_not_panic() {
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
            "x 2 u ' 9/ /10 97110 x",
            "Time frame:\nGoals:\nTime frame: 4 weeks",
        ] {
            let f = read(
                t,
                Setting {
                    evaluation: true,
                    treatment_billed: true,
                    read_evaluation: true,
                },
            );
            for sp in f
                .goals
                .iter()
                .map(|g| g.span)
                .chain(f.plan.iter().map(|e| e.span))
                .chain(f.red_flags.iter().map(|r| r.span))
                .chain(f.sentences.iter().map(|s| s.span))
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
