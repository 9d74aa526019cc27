//! What every rule file uses: the facts it reads ([`Context`], or [`EpisodeContext`] for a
//! rule over a whole episode), the collector it pushes to ([`Findings`],
//! [`EpisodeFindings`]), the table entry that lists it ([`Rule`]) and the macro that writes a
//! family's table ([`rule_table!`]).

use crate::config::Config;
use crate::diagnostics::{Diagnostic, EpisodeDiagnostic, RuleKind, RuleMeta};
use crate::span::Span;
use crate::wire::wire_enum;

/// Everything a rule may read: the note, the config and the facts computed once per check.
pub type Context<'a> = crate::facts::Facts<'a>;

/// Everything a rule over an episode of care may read: the notes in date order, what each
/// note's own check found, the goals, the measures, the similarity of the narratives.
pub type EpisodeContext<'a> = crate::facts::episode::EpisodeFacts<'a>;

/// What a rule checks: one note (`check`, `checkNote`) or an episode of care
/// (`checkEpisode`).
pub enum Check {
    /// Reads one note's facts.
    Note(fn(&Context<'_>, &mut Findings<'_>)),
    /// Reads an episode's facts.
    Episode(fn(&EpisodeContext<'_>, &mut EpisodeFindings<'_>)),
}

/// One line of a family's rule table: the rule's metadata and its check.
pub struct Rule {
    /// Id, severity, source and docs.
    pub meta: &'static RuleMeta,
    /// Reads the facts and pushes the rule's findings.
    pub check: Check,
}

/// Collects an episode rule's diagnostics, applying the config as [`Findings`] does.
pub struct EpisodeFindings<'c> {
    items: Vec<EpisodeDiagnostic>,
    config: &'c Config,
}

impl<'c> EpisodeFindings<'c> {
    /// An empty collector for `config`.
    pub fn new(config: &'c Config) -> Self {
        EpisodeFindings {
            items: Vec::new(),
            config,
        }
    }

    /// Whether `rule` is on.
    pub fn enabled(&self, rule: &RuleMeta) -> bool {
        !self.config.disabled_rules.contains(rule.id)
    }

    /// Adds a diagnostic, unless its rule is disabled; applies the config's severity.
    pub fn push(&mut self, mut d: EpisodeDiagnostic) {
        if !self.enabled(d.diagnostic.rule) {
            return;
        }
        if let Some(s) = self.config.severity.get(d.diagnostic.rule.id) {
            d.diagnostic.severity = *s;
        }
        self.items.push(d);
    }

    /// The diagnostics, in the order they were pushed.
    pub fn into_vec(self) -> Vec<EpisodeDiagnostic> {
        self.items
    }
}

wire_enum! {
    /// What a checklist item asks for: a documentation element (named as in
    /// `report.elements` and `config.requirements`) or a field or part of the note.
    pub enum ChecklistItemKind {
        /// Goals.
        Goals = "goals",
        /// Progress toward the goals.
        Progress = "progress",
        /// Why the patient needs skilled therapy.
        MedicalNecessity = "medicalNecessity",
        /// What required a therapist's skill.
        SkilledIntervention = "skilledIntervention",
        /// The patient's response to treatment.
        PatientResponse = "patientResponse",
        /// The plan for the next visits.
        Plan = "plan",
        /// The signature with credentials.
        Signature = "signature",
        /// A standardized outcome measure with a score.
        OutcomeMeasure = "outcomeMeasure",
        /// The visit's ICD-10-CM codes (`diagnoses`).
        Diagnoses = "diagnoses",
        /// A billed timed line's minutes (`lines[i].minutes`).
        Minutes = "minutes",
        /// The total treatment time (`totalTreatmentMinutes`, or written in the text).
        TotalTreatmentMinutes = "totalTreatmentMinutes",
        /// The evaluation or re-evaluation code of an evaluation note.
        EvaluationCode = "evaluationCode",
        /// One evaluation complexity component (`evaluation.*` or the text).
        EvaluationComponent = "evaluationComponent",
        /// The reason for a re-evaluation.
        ReevaluationReason = "reevaluationReason",
        /// The progress report due with this visit.
        ProgressReport = "progressReport",
    }
}

/// A checklist item as a rule reports it (the documentation elements' items are made by the
/// Report from `report.elements`).
#[derive(Debug, Clone)]
pub struct ItemDraft {
    /// What it asks for.
    pub item: ChecklistItemKind,
    /// A label a therapist reads: "Minutes of 97110".
    pub label: String,
    /// The rule that reports it, as a finding, at signing.
    pub rule: &'static RuleMeta,
    /// Written (or entered) already.
    pub done: bool,
    /// Where it is written (byte ranges of the text).
    pub spans: Vec<Span>,
    /// The field to fill, if it is one.
    pub field: Option<String>,
}

impl ItemDraft {
    /// An item of `rule`.
    pub fn new(
        rule: &'static RuleMeta,
        item: ChecklistItemKind,
        label: impl Into<String>,
        done: bool,
    ) -> ItemDraft {
        ItemDraft {
            item,
            label: label.into(),
            rule,
            done,
            spans: Vec::new(),
            field: None,
        }
    }
    /// The field to fill.
    pub fn field(mut self, path: impl Into<String>) -> Self {
        self.field = Some(path.into());
        self
    }
    /// Where it is written.
    pub fn spans(mut self, spans: impl IntoIterator<Item = Span>) -> Self {
        self.spans.extend(spans);
        self
    }
}

/// Collects diagnostics and checklist items, applying the config (disabled rules, severity
/// overrides) and each rule's kind (a `missing` rule's findings are marked missing).
pub struct Findings<'c> {
    items: Vec<Diagnostic>,
    checklist: Vec<ItemDraft>,
    config: &'c Config,
}

impl<'c> Findings<'c> {
    /// An empty collector for `config`.
    pub fn new(config: &'c Config) -> Self {
        Findings {
            items: Vec::new(),
            checklist: Vec::new(),
            config,
        }
    }

    /// Whether `rule` is on.
    pub fn enabled(&self, rule: &RuleMeta) -> bool {
        !self.config.disabled_rules.contains(rule.id)
    }

    /// Adds a diagnostic, unless its rule is disabled; applies the config's severity.
    pub fn push(&mut self, mut d: Diagnostic) {
        if !self.enabled(d.rule) {
            return;
        }
        if let Some(s) = self.config.severity.get(d.rule.id) {
            d.severity = *s;
        }
        match d.rule.kind {
            RuleKind::Missing => d.missing = true,
            RuleKind::Defect => d.missing = false,
            RuleKind::Both => {}
        }
        self.items.push(d);
    }

    /// Adds a checklist item (done or not), unless its rule is disabled. A rule of kind
    /// `missing` or `both` reports each requirement it checks this way, and pushes its
    /// finding as well when the item is not done.
    pub fn item(&mut self, item: ItemDraft) {
        if self.enabled(item.rule) {
            self.checklist.push(item);
        }
    }

    /// The diagnostics and the checklist items, in the order they were pushed.
    pub fn into_parts(self) -> (Vec<Diagnostic>, Vec<ItemDraft>) {
        (self.items, self.checklist)
    }
}

/// Declares a family's rule files and its table, one line per rule: `mod file: STATIC;`,
/// or `mod file: STATIC (episode);` for a rule over a whole episode of care. The table
/// (`RULES`) is the one list that drives `rules()`, config validation, the docs (its order is
/// the docs' order) and execution. Each rule file declares its `STATIC` with `declare_rule!`
/// and a `pub(super) fn check(ctx: &Context<'_>, out: &mut Findings<'_>)` (an episode rule:
/// `check(ctx: &EpisodeContext<'_>, out: &mut EpisodeFindings<'_>)`).
///
/// ```ignore
/// rule_table! {
///     mod over_billed: OVER_BILLED;
///     mod under_billed: UNDER_BILLED;
///     mod progress_report_missed: PROGRESS_REPORT_MISSED (episode);
/// }
/// ```
macro_rules! rule_table {
    ($(mod $file:ident: $rule:ident $(($kind:ident))?;)+) => {
        $(mod $file;)+

        /// The family's rules, in docs order.
        pub static RULES: &[$crate::rules::context::Rule] = &[
            $($crate::rules::context::Rule {
                meta: &$file::$rule,
                check: $crate::rules::context::rule_table!(@check $file $($kind)?),
            },)+
        ];
    };
    (@check $file:ident) => {
        $crate::rules::context::Check::Note($file::check)
    };
    (@check $file:ident episode) => {
        $crate::rules::context::Check::Episode($file::check)
    };
}

pub(crate) use rule_table;
