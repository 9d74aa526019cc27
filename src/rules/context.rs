//! What every rule file uses: the facts it reads ([`Context`], or [`EpisodeContext`] for a
//! rule over a whole episode), the collector it pushes to ([`Findings`],
//! [`EpisodeFindings`]), the table entry that lists it ([`Rule`]) and the macro that writes a
//! family's table ([`rule_table!`]).

use crate::config::Config;
use crate::diagnostics::{Diagnostic, EpisodeDiagnostic, RuleMeta};

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

/// Collects diagnostics, applying the config (disabled rules, severity overrides).
pub struct Findings<'c> {
    items: Vec<Diagnostic>,
    config: &'c Config,
}

impl<'c> Findings<'c> {
    /// An empty collector for `config`.
    pub fn new(config: &'c Config) -> Self {
        Findings {
            items: Vec::new(),
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
        self.items.push(d);
    }

    /// The diagnostics, in the order they were pushed.
    pub fn into_vec(self) -> Vec<Diagnostic> {
        self.items
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
