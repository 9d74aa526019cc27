//! The lexicons: clinician-readable data files (`src/text/lexicon/*.txt`, embedded with
//! `include_str!`) turned into one multi-pattern automaton, once per process.
//!
//! Format of a file: `[group]` opens a group; then one phrase per line, lower case,
//! optionally `phrase = value`; `#` starts a comment line; `(a|b|)` lists alternatives (an
//! empty one makes the group optional). A phrase written with capitals ("PT", "TUG", "MoCA")
//! matches only text written with the same capitals. Phrases are folded the way the text is
//! ([`super::normalize`]), so "short-term" and "short term" are the same phrase. Groups may
//! carry `message:` and `fix:` lines (the red-flag rewrites).
//!
//! Every phrase of every file goes into one Aho–Corasick automaton (the `aho-corasick`
//! crate), searched once per note over the folded copy, overlapping matches included; a
//! match counts only on word boundaries. Building the automaton for the ~4,000 phrases
//! takes about a millisecond natively and is done lazily, once per process.

use super::normalize::{is_alnum, Doc};
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use std::sync::OnceLock;

/// Which lexicon an entry comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Lex {
    Section,
    Context,
    Abbrev,
    Assist,
    Skill,
    Clinical,
    Response,
    Progress,
    Plan,
    RedFlag,
    Test,
    Credential,
    Intervention,
    History,
    Reason,
    Unit,
}

/// The lexicon files, with the groups each may use (an entry's `group` is the index here).
pub(crate) const FILES: &[(Lex, &str, &str, &[&str])] = &[
    (
        Lex::Section,
        "sections.txt",
        include_str!("lexicon/sections.txt"),
        groups::SECTIONS,
    ),
    (
        Lex::Context,
        "context.txt",
        include_str!("lexicon/context.txt"),
        groups::CONTEXT,
    ),
    (
        Lex::Abbrev,
        "abbreviations.txt",
        include_str!("lexicon/abbreviations.txt"),
        &["abbreviation"],
    ),
    (
        Lex::Assist,
        "assist.txt",
        include_str!("lexicon/assist.txt"),
        &["assist", "criterion", "task", "manner", "vague"],
    ),
    (
        Lex::Skill,
        "skill.txt",
        include_str!("lexicon/skill.txt"),
        &[
            "cue",
            "skill",
            "return-demo",
            "technique",
            "parameter",
            "teach",
            "deliver",
            "testing",
            "ability",
        ],
    ),
    (
        Lex::Clinical,
        "clinical.txt",
        include_str!("lexicon/clinical.txt"),
        &[
            "deficit",
            "normal",
            "limitation",
            "risk",
            "symptom",
            "activity",
            "condition",
            "impaired",
            "function",
        ],
    ),
    (
        Lex::Response,
        "response.txt",
        include_str!("lexicon/response.txt"),
        &[
            "after",
            "reaction",
            "tolerance",
            "course",
            "vitals",
            "after-activity",
        ],
    ),
    (
        Lex::Progress,
        "progress.txt",
        include_str!("lexicon/progress.txt"),
        &[
            "goal-word",
            "goal-qualifier",
            "status",
            "change",
            "earlier",
            "no-progress",
            "severity",
            "not-progress",
        ],
    ),
    (
        Lex::Plan,
        "plan.txt",
        include_str!("lexicon/plan.txt"),
        &[
            "plan",
            "plan-verb",
            "setting",
            "discharge",
            "continue",
            "home",
            "frequency",
        ],
    ),
    (
        Lex::RedFlag,
        "redflags.txt",
        include_str!("lexicon/redflags.txt"),
        groups::REDFLAGS,
    ),
    (
        Lex::Test,
        "tests.txt",
        include_str!("lexicon/tests.txt"),
        &["measure", "impairment-measure"],
    ),
    (
        Lex::Credential,
        "credentials.txt",
        include_str!("lexicon/credentials.txt"),
        &["credential", "degree", "signing"],
    ),
    (
        Lex::Intervention,
        "interventions.txt",
        include_str!("lexicon/interventions.txt"),
        &["intervention"],
    ),
    (
        Lex::History,
        "history.txt",
        include_str!("lexicon/history.txt"),
        groups::HISTORY,
    ),
    (
        Lex::Reason,
        "reasons.txt",
        include_str!("lexicon/reasons.txt"),
        &[
            "new-findings",
            "significant-change",
            "failure-to-respond",
            "routine",
            "event",
            "event-cue",
        ],
    ),
    (
        Lex::Unit,
        "units.txt",
        include_str!("lexicon/units.txt"),
        groups::UNITS,
    ),
];

/// The group names of the files whose groups map to a stage's own kinds (sections, context
/// modifiers, red flags, history, units), by file.
pub(crate) mod groups {
    /// The groups of `lexicon/sections.txt`, in `SectionKind`-mapping order.
    pub const SECTIONS: &[&str] = &[
        "subjective",
        "history",
        "past-history",
        "medications",
        "social-history",
        "prior-function",
        "systems-review",
        "objective",
        "exam",
        "tests",
        "treatment",
        "assessment",
        "impression",
        "goals",
        "short-term-goals",
        "long-term-goals",
        "patient-goals",
        "plan",
        "recommendations",
        "frequency",
        "education",
        "home-program",
        "response",
        "discharge-summary",
        "diagnosis",
        "signature",
        "billing",
        "header",
        "timeframe",
    ];
    /// The groups of `lexicon/context.txt`.
    pub const CONTEXT: &[&str] = &[
        "negated forward",
        "negated backward",
        "hypothetical forward",
        "historical forward",
        "experiencer forward",
        "reported forward",
        "terminate",
        "pseudo",
        "terminate negated",
    ];
    /// The groups of `lexicon/history.txt`.
    pub const HISTORY: &[&str] = &[
        "comorbidity",
        "medication",
        "personal-factor",
        "exam-element",
        "evolving",
        "unstable",
        "stable",
        "course",
        "anchor-presentation",
        "anchor-decision",
        "anchor-profile",
        "anchor-task",
        "anchor-history",
        "anchor-comorbidity",
        "anchor-exam",
        "anchor-deficit",
        "history-cue",
    ];
    /// The groups of `lexicon/units.txt`.
    pub const UNITS: &[&str] = &[
        "minutes", "units", "hours", "seconds", "distance", "degrees", "reps", "weight", "percent",
        "days", "weeks", "months", "visits", "per-week", "per-day",
    ];
    /// The groups of `lexicon/redflags.txt`, in this enum's order.
    pub const REDFLAGS: &[&str] = &[
        "tolerated-well",
        "continue-poc",
        "doing-well",
        "progressing",
        "no-significant-change",
        "no-new-complaints",
        "flowsheet",
        "maintenance",
        "as-tolerated",
        "general-conditioning",
        "repetitive-exercise",
        "judgmental",
    ];
}

/// One phrase of one lexicon.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub lex: Lex,
    /// Index of the entry's group in its file's group list.
    pub group: u8,
    /// The value after `=` ("" when none).
    pub value: &'static str,
    /// The phrase as written, when it must match the text's capitals.
    pub cased: Option<Box<str>>,
}

/// A group's `message:` and `fix:` lines.
#[derive(Debug, Clone, Default)]
pub(crate) struct GroupText {
    pub message: &'static str,
    pub fix: &'static str,
}

/// A phrase found in the folded copy: `start..end` folded bytes, and its entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    pub start: u32,
    pub end: u32,
    pub entry: u32,
}

/// The lexicons, built once.
pub(crate) struct Lexicon {
    ac: Option<AhoCorasick>,
    /// For each automaton pattern, its entries (`entry_ids[ranges[p].0 .. ranges[p].1]`).
    ranges: Vec<(u32, u32)>,
    entry_ids: Vec<u32>,
    pub entries: Vec<Entry>,
    /// Per file (in [`FILES`] order), per group: the group's texts.
    pub texts: Vec<Vec<GroupText>>,
    /// Problems found while reading the files (checked by the tests; never a panic).
    #[cfg_attr(not(any(test, feature = "testing")), allow(dead_code))]
    pub problems: Vec<String>,
}

impl Lexicon {
    /// The process-wide lexicon.
    pub fn get() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(Lexicon::build)
    }

    fn build() -> Lexicon {
        let mut entries: Vec<Entry> = Vec::new();
        let mut problems = Vec::new();
        let mut texts = Vec::new();
        // folded phrase -> the entries it stands for
        let mut patterns: Vec<String> = Vec::new();
        let mut pattern_entries: Vec<Vec<u32>> = Vec::new();
        let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        for (lex, name, data, groups) in FILES {
            let mut group: Option<u8> = None;
            let mut gtexts = vec![GroupText::default(); groups.len()];
            for (n, raw) in data.lines().enumerate() {
                let line = raw.trim();
                if line.is_empty() || line.starts_with('#') {
                    continue;
                }
                if let Some(g) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                    group = groups.iter().position(|x| *x == g).map(|i| i as u8);
                    if group.is_none() {
                        problems.push(format!("{name}:{}: unknown group [{g}]", n + 1));
                    }
                    continue;
                }
                let Some(gi) = group else {
                    problems.push(format!("{name}:{}: phrase outside a group", n + 1));
                    continue;
                };
                if let Some(m) = line.strip_prefix("message:") {
                    if let Some(t) = gtexts.get_mut(gi as usize) {
                        t.message = m.trim();
                    }
                    continue;
                }
                if let Some(m) = line.strip_prefix("fix:") {
                    if let Some(t) = gtexts.get_mut(gi as usize) {
                        t.fix = m.trim();
                    }
                    continue;
                }
                let (phrase, value) = match line.split_once(" = ") {
                    Some((p, v)) => (p.trim(), v.trim()),
                    None => (line, ""),
                };
                let variants = expand(phrase);
                if variants.is_empty() || variants.len() > 512 {
                    problems.push(format!(
                        "{name}:{}: {} alternatives in {phrase:?}",
                        n + 1,
                        variants.len()
                    ));
                    continue;
                }
                for v in variants {
                    let folded = fold_phrase(&v);
                    if folded.is_empty() {
                        continue;
                    }
                    let cased = v
                        .bytes()
                        .any(|b| b.is_ascii_uppercase())
                        .then(|| v.clone().into_boxed_str());
                    let id = entries.len() as u32;
                    entries.push(Entry {
                        lex: *lex,
                        group: gi,
                        value,
                        cased,
                    });
                    let p = match index.get(&folded) {
                        Some(&p) => p,
                        None => {
                            index.insert(folded.clone(), patterns.len());
                            patterns.push(folded);
                            pattern_entries.push(Vec::new());
                            patterns.len() - 1
                        }
                    };
                    if let Some(list) = pattern_entries.get_mut(p) {
                        list.push(id);
                    }
                }
            }
            texts.push(gtexts);
        }
        let mut ranges = Vec::with_capacity(pattern_entries.len());
        let mut entry_ids = Vec::with_capacity(entries.len());
        for list in &pattern_entries {
            let a = entry_ids.len() as u32;
            entry_ids.extend_from_slice(list);
            ranges.push((a, entry_ids.len() as u32));
        }
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .prefilter(false)
            .build(&patterns);
        let ac = match ac {
            Ok(ac) => Some(ac),
            Err(e) => {
                problems.push(format!("automaton: {e}"));
                None
            }
        };
        Lexicon {
            ac,
            ranges,
            entry_ids,
            entries,
            texts,
            problems,
        }
    }

    /// Every phrase found in `doc`, on word boundaries, sorted by start (then longest first).
    pub fn find(&self, doc: &Doc<'_>) -> Vec<Hit> {
        let mut out = Vec::new();
        let Some(ac) = &self.ac else { return out };
        let f = doc.folded.as_bytes();
        for m in ac.find_overlapping_iter(doc.folded.as_str()) {
            let (s, e) = (m.start(), m.end());
            if !boundary(f, s, e) {
                continue;
            }
            let Some(&(a, b)) = self.ranges.get(m.pattern().as_usize()) else {
                continue;
            };
            for id in self.entry_ids.get(a as usize..b as usize).unwrap_or(&[]) {
                let Some(entry) = self.entries.get(*id as usize) else {
                    continue;
                };
                if let Some(cased) = &entry.cased {
                    if !same_capitals(doc.orig(s as u32, e as u32), cased) {
                        continue;
                    }
                }
                out.push(Hit {
                    start: s as u32,
                    end: e as u32,
                    entry: *id,
                });
            }
        }
        out.sort_unstable_by(|x, y| x.start.cmp(&y.start).then(y.end.cmp(&x.end)));
        out
    }

    pub fn entry(&self, id: u32) -> Option<&Entry> {
        self.entries.get(id as usize)
    }

    /// The `message:`/`fix:` texts of `lex`'s group `group`.
    pub fn group_text(&self, lex: Lex, group: u8) -> Option<&GroupText> {
        let file = FILES.iter().position(|f| f.0 == lex)?;
        self.texts.get(file)?.get(group as usize)
    }
}

/// A match is a whole word (or words): no letter or digit continues it on either side
/// within the same kind of run ("te" is not found in "tested", "x" is found in "3x/wk").
fn boundary(f: &[u8], s: usize, e: usize) -> bool {
    if e <= s {
        return false;
    }
    let first = f.get(s).copied().unwrap_or(b' ');
    let last = f.get(e - 1).copied().unwrap_or(b' ');
    let before = if s == 0 {
        b' '
    } else {
        f.get(s - 1).copied().unwrap_or(b' ')
    };
    let after = f.get(e).copied().unwrap_or(b' ');
    let same = |a: u8, b: u8| {
        (a.is_ascii_alphabetic() && b.is_ascii_alphabetic())
            || (a.is_ascii_digit() && b.is_ascii_digit())
    };
    if same(before, first) || same(last, after) {
        return false;
    }
    // "can't", "pt's": a letter after an apostrophe continues the word.
    if last.is_ascii_alphabetic()
        && after == b'\''
        && f.get(e + 1)
            .copied()
            .is_some_and(|c| c.is_ascii_alphabetic())
    {
        return false;
    }
    if first.is_ascii_alphabetic()
        && before == b'\''
        && s >= 2
        && f.get(s - 2).copied().is_some_and(is_alnum)
    {
        return false;
    }
    true
}

/// Whether the letters of `text` have the capitals of `cased` (other characters ignored).
fn same_capitals(text: &str, cased: &str) -> bool {
    let mut a = text.bytes().filter(u8::is_ascii_alphabetic);
    let mut b = cased.bytes().filter(u8::is_ascii_alphabetic);
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if x == y => {}
            _ => return false,
        }
    }
}

/// Folds a phrase of a lexicon file the way the text is folded.
pub(crate) fn fold_phrase(p: &str) -> String {
    let d = Doc::new(p);
    d.folded.trim().to_string()
}

/// Expands "(a|b|)" alternatives into every phrase they stand for.
fn expand(p: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut rest = p;
    while !rest.is_empty() {
        match rest.find('(') {
            Some(open) if rest.get(open..).is_some_and(|r| r.contains('|')) => {
                let Some(close) = rest.get(open..).and_then(|r| r.find(')')).map(|c| open + c)
                else {
                    break;
                };
                let inner = rest.get(open + 1..close).unwrap_or("");
                if !inner.contains('|') {
                    // A literal parenthesis, e.g. "(i)".
                    let lit = rest.get(..=close).unwrap_or("");
                    for o in &mut out {
                        o.push_str(lit);
                    }
                    rest = rest.get(close + 1..).unwrap_or("");
                    continue;
                }
                let head = rest.get(..open).unwrap_or("");
                let mut next = Vec::with_capacity(out.len() * 3);
                for o in &out {
                    for alt in inner.split('|') {
                        next.push(format!("{o}{head}{alt}"));
                    }
                }
                out = next;
                if out.len() > 4096 {
                    return Vec::new();
                }
                rest = rest.get(close + 1..).unwrap_or("");
            }
            _ => {
                for o in &mut out {
                    o.push_str(rest);
                }
                rest = "";
            }
        }
    }
    out.into_iter()
        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|s| !s.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_files_read_cleanly() {
        let lex = Lexicon::get();
        assert!(lex.problems.is_empty(), "{:#?}", lex.problems);
        assert!(lex.entries.len() > 3000, "{} entries", lex.entries.len());
    }

    #[test]
    fn no_phrase_is_listed_twice_in_one_file() {
        // Within a group a phrase is listed once; a section heading maps to one kind.
        let mut dups = Vec::new();
        for (_, name, data, _) in FILES {
            let mut seen: std::collections::HashMap<(String, bool), &str> =
                std::collections::HashMap::new();
            let mut group = "";
            for line in data.lines().map(str::trim) {
                if line.starts_with('[') {
                    group = line;
                    continue;
                }
                if line.is_empty()
                    || line.starts_with('#')
                    || line.starts_with("message:")
                    || line.starts_with("fix:")
                {
                    continue;
                }
                let phrase = line.split(" = ").next().unwrap_or("");
                for v in expand(phrase) {
                    let cased = v.bytes().any(|b| b.is_ascii_uppercase());
                    let key = (if cased { v.clone() } else { fold_phrase(&v) }, cased);
                    if let Some(g) = seen.insert(key.clone(), group) {
                        if g == group || *name == "sections.txt" {
                            dups.push(format!("{name}: {:?} in {g} and {group}", key.0));
                        }
                    }
                }
            }
        }
        assert!(dups.is_empty(), "{dups:#?}");
    }

    #[test]
    fn expands_alternatives() {
        assert_eq!(
            expand("tolerated (the |)(tx|session) well"),
            [
                "tolerated the tx well",
                "tolerated the session well",
                "tolerated tx well",
                "tolerated session well"
            ]
        );
        assert_eq!(expand("(i)"), ["(i)"]);
        assert_eq!(expand("min (a)"), ["min (a)"]);
    }

    #[test]
    fn boundaries_and_capitals() {
        let lex = Lexicon::get();
        let doc = Doc::new("Pt tested; TE 25 min. PT, DPT. tug of war");
        let found: Vec<&str> = lex
            .find(&doc)
            .iter()
            .filter(|h| {
                lex.entry(h.entry).is_some_and(|e| {
                    e.lex == Lex::Credential || e.lex == Lex::Intervention || e.lex == Lex::Test
                })
            })
            .map(|h| doc.f(h.start, h.end))
            .collect();
        assert_eq!(found, ["te", "pt", "dpt"]);
    }
}

/// Group indexes of the lexicon files, by name (the order of [`FILES`]' group lists).
// Every group of a data file has its index here, whether or not a stage reads it yet.
#[allow(dead_code)]
pub(crate) mod g {
    pub mod assist {
        pub const ASSIST: u8 = 0;
        pub const CRITERION: u8 = 1;
        pub const TASK: u8 = 2;
        pub const MANNER: u8 = 3;
        pub const VAGUE: u8 = 4;
    }
    pub mod skill {
        pub const CUE: u8 = 0;
        pub const SKILL: u8 = 1;
        pub const RETURN_DEMO: u8 = 2;
        pub const TECHNIQUE: u8 = 3;
        pub const PARAMETER: u8 = 4;
        pub const TEACH: u8 = 5;
        pub const DELIVER: u8 = 6;
        pub const TESTING: u8 = 7;
        pub const ABILITY: u8 = 8;
    }
    pub mod clinical {
        pub const DEFICIT: u8 = 0;
        pub const NORMAL: u8 = 1;
        pub const LIMITATION: u8 = 2;
        pub const RISK: u8 = 3;
        pub const SYMPTOM: u8 = 4;
        pub const ACTIVITY: u8 = 5;
        pub const CONDITION: u8 = 6;
        pub const IMPAIRED: u8 = 7;
        pub const FUNCTION: u8 = 8;
    }
    pub mod response {
        pub const AFTER: u8 = 0;
        pub const REACTION: u8 = 1;
        pub const TOLERANCE: u8 = 2;
        pub const COURSE: u8 = 3;
        pub const VITALS: u8 = 4;
        pub const AFTER_ACTIVITY: u8 = 5;
    }
    pub mod progress {
        pub const GOAL_WORD: u8 = 0;
        pub const GOAL_QUALIFIER: u8 = 1;
        pub const STATUS: u8 = 2;
        pub const CHANGE: u8 = 3;
        pub const EARLIER: u8 = 4;
        pub const NO_PROGRESS: u8 = 5;
        pub const SEVERITY: u8 = 6;
    }
    pub mod plan {
        pub const PLAN: u8 = 0;
        pub const PLAN_VERB: u8 = 1;
        pub const SETTING: u8 = 2;
        pub const DISCHARGE: u8 = 3;
        pub const CONTINUE: u8 = 4;
        pub const HOME: u8 = 5;
        pub const FREQUENCY: u8 = 6;
    }
    pub mod test {
        pub const MEASURE: u8 = 0;
        pub const IMPAIRMENT: u8 = 1;
    }
    pub mod credential {
        pub const CREDENTIAL: u8 = 0;
        pub const DEGREE: u8 = 1;
        pub const SIGNING: u8 = 2;
    }
    pub mod reason {
        pub const NEW_FINDINGS: u8 = 0;
        pub const SIGNIFICANT_CHANGE: u8 = 1;
        pub const FAILURE_TO_RESPOND: u8 = 2;
        pub const ROUTINE: u8 = 3;
        pub const EVENT: u8 = 4;
        pub const EVENT_CUE: u8 = 5;
    }
}
