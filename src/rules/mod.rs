//! The rules: one folder per family, one file per rule.
//!
//! A rule is declared with `declare_rule!` (in [`crate::diagnostics`]): its doc comment
//! (sections *What it checks*, *Why payers deny it*, *Example*, *Passes*, *Source*) becomes
//! the user-facing docs returned by `rules()`, and the `Example`/`Passes` JSON blocks are run
//! as tests (see `tests/rule_docs.rs`): the example, laid over the clean base note
//! `tests/fixtures/base-note.json`, must trigger the rule, and the passing one must not.
//!
//! To add a rule: copy a neighbour in its family folder, give it a new id, and add one line
//! to the family's `rule_table!` in its `mod.rs`. Rules read facts ([`crate::facts`]) and
//! never each other's findings.

pub mod codes;
pub mod context;
pub mod elements;
pub mod episode;
pub mod eval;
pub mod modifiers;
pub mod templates;
pub mod units;

use crate::config::Config;
use crate::diagnostics::{Diagnostic, EpisodeDiagnostic, RuleDoc, RuleMeta};
use context::{Check, Context, EpisodeContext, EpisodeFindings, Findings, ItemDraft, Rule};

/// Every family's table, in the order of the docs and of execution.
pub static FAMILIES: &[&[Rule]] = &[
    units::RULES,
    codes::RULES,
    elements::RULES,
    eval::RULES,
    modifiers::RULES,
    episode::RULES,
];

/// Every rule, in the order of the docs: families in the order above, rules in each
/// family's table order.
pub fn all() -> impl Iterator<Item = &'static RuleMeta> {
    FAMILIES.iter().flat_map(|f| f.iter()).map(|r| r.meta)
}

/// Renamed rule ids, so saved configs keep working: (old, new).
pub static ALIASES: &[(&str, &str)] = &[];

/// The rule for an id (or a renamed id).
pub fn find(id: &str) -> Option<&'static RuleMeta> {
    let id = ALIASES
        .iter()
        .find(|(old, _)| *old == id)
        .map_or(id, |(_, new)| *new);
    all().find(|r| r.id == id)
}

/// The current id of a rule id or renamed id (the lookup a config is validated with).
pub fn canonical_id(id: &str) -> Option<&'static str> {
    find(id).map(|r| r.id)
}

/// Runs every enabled rule over one note's facts, in table order: the diagnostics and the
/// checklist items the rules report.
pub fn run(ctx: &Context<'_>, config: &Config) -> (Vec<Diagnostic>, Vec<ItemDraft>) {
    let mut out = Findings::new(config);
    for rule in FAMILIES.iter().flat_map(|f| f.iter()) {
        if let (Check::Note(check), true) = (&rule.check, out.enabled(rule.meta)) {
            check(ctx, &mut out);
        }
    }
    out.into_parts()
}

/// Runs every enabled rule over an episode's facts, in table order.
pub fn run_episode(ctx: &EpisodeContext<'_>, config: &Config) -> Vec<EpisodeDiagnostic> {
    let mut out = EpisodeFindings::new(config);
    for rule in FAMILIES.iter().flat_map(|f| f.iter()) {
        if let (Check::Episode(check), true) = (&rule.check, out.enabled(rule.meta)) {
            check(ctx, &mut out);
        }
    }
    out.into_vec()
}

/// The rule catalogue `rules()` returns.
pub fn catalogue() -> Vec<RuleDoc> {
    all().map(RuleMeta::doc).collect()
}
