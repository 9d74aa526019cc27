//! What every rule file uses: the facts it reads ([`Context`]), the collector it pushes to
//! ([`Findings`]), the table entry that lists it ([`Rule`]) and the macro that writes a
//! family's table ([`rule_table!`]).

use crate::config::Config;
use crate::diagnostics::{Diagnostic, RuleMeta};

/// Everything a rule may read: the note, the config and the facts computed once per check.
pub type Context<'a> = crate::facts::Facts<'a>;

/// One line of a family's rule table: the rule's metadata and its check.
pub struct Rule {
    /// Id, severity, source and docs.
    pub meta: &'static RuleMeta,
    /// Reads the facts and pushes the rule's findings.
    pub check: fn(&Context<'_>, &mut Findings<'_>),
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

/// Declares a family's rule files and its table, one line per rule: `mod file: STATIC;`.
/// The table (`RULES`) is the one list that drives `rules()`, config validation, the docs
/// (its order is the docs' order) and execution. Each rule file declares its `STATIC` with
/// `declare_rule!` and a `pub(super) fn check(ctx: &Context<'_>, out: &mut Findings<'_>)`.
///
/// ```ignore
/// rule_table! {
///     mod over_billed: OVER_BILLED;
///     mod under_billed: UNDER_BILLED;
/// }
/// ```
macro_rules! rule_table {
    ($(mod $file:ident: $rule:ident;)+) => {
        $(mod $file;)+

        /// The family's rules, in docs order.
        pub static RULES: &[$crate::rules::context::Rule] = &[
            $($crate::rules::context::Rule { meta: &$file::$rule, check: $file::check },)+
        ];
    };
}

pub(crate) use rule_table;
