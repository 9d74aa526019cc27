//! What the lexicon files are and how phrases are cut into segments: shared by the reader
//! ([`super`]) and the build script (`build.rs`), which compiles the files into tables.
//! Std only: no crate paths, so `build.rs` can include this file as it is.

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
pub(crate) const FILES: &[(Lex, &str, &[&str])] = &[
    (Lex::Section, "sections.txt", groups::SECTIONS),
    (Lex::Context, "context.txt", groups::CONTEXT),
    (Lex::Abbrev, "abbreviations.txt", &["abbreviation"]),
    (
        Lex::Assist,
        "assist.txt",
        &["assist", "criterion", "task", "manner", "vague"],
    ),
    (
        Lex::Skill,
        "skill.txt",
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
        &[
            "after",
            "reaction",
            "tolerance",
            "course",
            "vitals",
            "after-activity",
            "in-session",
        ],
    ),
    (
        Lex::Progress,
        "progress.txt",
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
    (Lex::RedFlag, "redflags.txt", groups::REDFLAGS),
    (Lex::Test, "tests.txt", &["measure", "impairment-measure"]),
    (
        Lex::Credential,
        "credentials.txt",
        &["credential", "degree", "signing"],
    ),
    (Lex::Intervention, "interventions.txt", &["intervention"]),
    (Lex::History, "history.txt", groups::HISTORY),
    (
        Lex::Reason,
        "reasons.txt",
        &[
            "new-findings",
            "significant-change",
            "failure-to-respond",
            "routine",
            "event",
            "event-cue",
        ],
    ),
    (Lex::Unit, "units.txt", groups::UNITS),
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

/// A segment of folded text: a run of letters, a run of digits, or one other character
/// (spaces separate segments and are not segments).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Seg {
    pub start: u32,
    pub end: u32,
    /// A space comes right before it.
    pub spaced: bool,
}

pub(crate) fn segments(f: &[u8], out: &mut Vec<Seg>) {
    let mut i = 0usize;
    let mut spaced = false;
    while let Some(&c) = f.get(i) {
        let start = i;
        if c == b' ' {
            spaced = true;
            i += 1;
            continue;
        }
        if c.is_ascii_alphabetic() {
            while f.get(i).is_some_and(u8::is_ascii_alphabetic) {
                i += 1;
            }
        } else if c.is_ascii_digit() {
            while f.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
        } else {
            // One character (the folded copy is ASCII; a stray non-ASCII byte still moves on).
            i += 1;
            while f.get(i).is_some_and(|b| (0x80..0xc0).contains(b)) {
                i += 1;
            }
        }
        out.push(Seg {
            start: start as u32,
            end: i as u32,
            spaced,
        });
        spaced = false;
    }
}
