//! The reader's output types: [`TextFacts`], the one facts struct the rules read, and the
//! types it is made of. A leaf of the reader: the stages build these values, nothing here
//! calls a stage.

use super::evaluation::{EvalText, ReasonScan};
use super::lexicon::{self, Lex, Lexicon};
use super::normalize;
use super::sections::SectionKind;
use crate::span::Span;

/// What the reader needs to know about the note besides its text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Setting {
    /// The note is an evaluation or a re-evaluation (testing is not treatment).
    pub evaluation: bool,
    /// The note bills a treatment code (not only evaluation codes).
    pub treatment_billed: bool,
    /// Read the evaluation's complexity components and re-evaluation reasons.
    pub read_evaluation: bool,
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
    /// States a number, distance, assist level, score, degrees, reps, % or time, or a
    /// functional task done in a stated way.
    pub measurable: bool,
    /// States when ("in 4 weeks", "by discharge", or its goals heading does).
    pub timeframe: bool,
}

/// Why an element counts: the words, what they are, where, and in what context.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Evidence {
    /// Byte span of the deciding words.
    pub span: Span,
    /// What the words are ("goal status", "cueing", "frequency", "deficit", …).
    pub concept: &'static str,
    /// The section they are in.
    pub section: Option<SectionKind>,
    /// Their context, when it matters ("negated" for "goals not met").
    pub context: Option<&'static str>,
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
    /// A credential written in a field such as `provider.credentials`.
    pub fn parse(token: &str) -> Option<Credential> {
        let folded: String = token
            .chars()
            .map(|c| if c == '-' || c == '_' { ' ' } else { c })
            .collect();
        let lex = Lexicon::get();
        let doc = normalize::Doc::new(folded.trim());
        lex.find(&doc)
            .iter()
            .filter(|h| h.start == 0 && h.end as usize == doc.folded.len())
            .filter_map(|h| lex.entry(h.entry))
            .find(|e| e.lex == Lex::Credential && e.group == lexicon::g::credential::CREDENTIAL)
            .and_then(|e| Credential::from_role(e.value))
    }

    /// The role named in the credentials lexicon ("PT", "OTA", "student").
    pub(crate) fn from_role(role: &str) -> Option<Credential> {
        Some(match role {
            "PT" => Credential::PT,
            "PTA" => Credential::PTA,
            "OT" => Credential::OT,
            "OTA" => Credential::OTA,
            "SLP" => Credential::SLP,
            "SLPA" => Credential::SLPA,
            "student" => Credential::Student,
            _ => return None,
        })
    }

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

/// Kinds of red-flag phrase (the groups of `lexicon/redflags.txt`, with their messages and
/// rewrites).
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
    RepetitiveExercise,
    Judgmental,
}

impl RedFlagKind {
    const ALL: [RedFlagKind; 12] = [
        RedFlagKind::ToleratedWell,
        RedFlagKind::ContinuePoc,
        RedFlagKind::DoingWell,
        RedFlagKind::Progressing,
        RedFlagKind::NoSignificantChange,
        RedFlagKind::NoNewComplaints,
        RedFlagKind::Flowsheet,
        RedFlagKind::Maintenance,
        RedFlagKind::AsTolerated,
        RedFlagKind::GeneralConditioning,
        RedFlagKind::RepetitiveExercise,
        RedFlagKind::Judgmental,
    ];

    pub(crate) fn from_group(g: u8) -> Option<RedFlagKind> {
        Self::ALL.get(g as usize).copied()
    }

    /// The finding's message, from the lexicon.
    pub fn message(self) -> &'static str {
        Lexicon::get()
            .group_text(Lex::RedFlag, self as u8)
            .map_or("", |t| t.message)
    }

    /// The rewrite offered, from the lexicon.
    pub fn fix(self) -> &'static str {
        Lexicon::get()
            .group_text(Lex::RedFlag, self as u8)
            .map_or("", |t| t.fix)
    }
}

/// A red-flag phrase with nothing specific next to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RedFlag {
    pub span: Span,
    pub kind: RedFlagKind,
}

/// What the text documents (byte spans): the one facts struct the rules read.
#[derive(Debug, Clone, Default)]
pub struct TextFacts {
    /// Total treatment time written in the text ("Total treatment time: 45 min").
    pub total_treatment_minutes: Option<u32>,
    /// Total treatment time, with where it is written.
    pub total_treatment: Option<Mention>,
    /// Total timed minutes written in the text ("Total timed minutes: 40").
    pub total_timed: Option<Mention>,
    pub sections: Vec<SectionInfo>,
    /// The sentences and list items (read by the tests and the explain tool).
    #[cfg_attr(not(any(test, feature = "testing")), allow(dead_code))]
    pub sentences: Vec<Sentence>,
    pub goals: Vec<Goal>,
    pub progress: Vec<Evidence>,
    pub medical_necessity: Vec<Evidence>,
    pub skilled: Vec<Evidence>,
    pub patient_response: Vec<Evidence>,
    pub plan: Vec<Evidence>,
    pub signatures: Vec<Signature>,
    pub outcome_measures: Vec<Evidence>,
    pub measurements: Vec<Evidence>,
    pub red_flags: Vec<RedFlag>,
    /// The evaluation concludes that no therapy is needed ("swallowing therapy is not
    /// indicated"): it need not set goals (CMS Pub. 100-02, ch. 15, §220.3 C).
    pub no_treatment_needed: bool,
    pub interventions: Vec<Intervention>,
    /// The evaluation's components as the text documents them (when asked for).
    pub evaluation: EvalText,
    /// Re-evaluation reasons the text gives (when asked for).
    pub reevaluation: ReasonScan,
}

impl TextFacts {
    /// The heading of the first section of `kind`, if any.
    pub fn heading(&self, kind: SectionKind) -> Option<Span> {
        self.sections
            .iter()
            .find(|s| s.kind == kind)
            .map(|s| s.heading)
    }
}
