//! The rules: one folder per family, one file per rule (or a tight group).
//!
//! A rule is declared with [`declare_rule!`]: its doc comment (sections *What it checks*,
//! *Why payers deny it*, *Example*, *Passes*, *Source*) becomes the user-facing docs returned
//! by `rules()`, and the `Example`/`Passes` JSON blocks are run as tests (see
//! `tests/rule_docs.rs`): the example, laid over the clean base note
//! `tests/fixtures/base-note.json`, must trigger the rule, and the passing one must not.
//!
//! To add a rule: copy a neighbour in its family folder, give it a new id, add it to the
//! family's `RULES` list and call its check from the family's `check`.

use crate::config::{Config, PayerRules};
use crate::note::Note;
use crate::report::Finding;
use crate::units::UnitsOutcome;
use serde::Serialize;

pub mod codes;
pub mod elements;
pub mod episode;
pub mod eval;
pub mod modifiers;
pub mod units;

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Blocks a clean claim: the note is not ready to sign.
    Error,
    /// A denial or audit risk.
    Warning,
    /// Worth knowing; no action required.
    Info,
}

impl Severity {
    pub const NAMES: &'static [&'static str] = &["error", "warning", "info"];
    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "error" => Some(Self::Error),
            "warning" => Some(Self::Warning),
            "info" => Some(Self::Info),
            _ => None,
        }
    }
}

/// A rule's identity and docs.
#[derive(Debug)]
pub struct RuleMeta {
    /// Stable id, `family/name`.
    pub id: &'static str,
    /// Default severity (a config may override it).
    pub severity: Severity,
    /// The policy citation findings carry.
    pub source: &'static str,
    /// The doc comment, Markdown, sections under `## ` headings.
    pub docs: &'static str,
}

impl RuleMeta {
    pub fn family(&self) -> &'static str {
        self.id.split('/').next().unwrap_or(self.id)
    }

    /// The first paragraph of the docs.
    pub fn summary(&self) -> String {
        self.docs
            .trim_start()
            .split("\n\n")
            .next()
            .unwrap_or("")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The text of section `heading` (without the heading), trimmed.
    pub fn section(&self, heading: &str) -> Option<String> {
        let mut out: Option<String> = None;
        for line in self.docs.lines() {
            let line = line.strip_prefix(' ').unwrap_or(line);
            if let Some(h) = line.strip_prefix("## ") {
                if out.is_some() {
                    break;
                }
                if h.trim().eq_ignore_ascii_case(heading) {
                    out = Some(String::new());
                }
                continue;
            }
            if let Some(o) = out.as_mut() {
                o.push_str(line);
                o.push('\n');
            }
        }
        out.map(|s| s.trim().to_string())
    }

    /// The JSON code block of section `heading` (the Example or Passes patch).
    pub fn json_block(&self, heading: &str) -> Option<String> {
        let sec = self.section(heading)?;
        let start = sec.find("```json")? + "```json".len();
        let rest = sec.get(start..)?;
        let end = rest.find("```")?;
        Some(rest.get(..end)?.trim().to_string())
    }

    /// The section text with code blocks removed (prose only).
    pub fn prose(&self, heading: &str) -> Option<String> {
        let sec = self.section(heading)?;
        let mut out = String::new();
        let mut in_code = false;
        for line in sec.lines() {
            if line.trim_start().starts_with("```") {
                in_code = !in_code;
                continue;
            }
            if !in_code {
                out.push_str(line);
                out.push('\n');
            }
        }
        Some(out.trim().to_string())
    }
}

/// Declares a rule: its doc comment becomes its docs.
///
/// ```ignore
/// declare_rule! {
///     /// Summary line.
///     ///
///     /// ## What it checks
///     /// …
///     pub OVER_BILLED {
///         id: "units/over-billed",
///         severity: Error,
///         source: "CMS Pub. 100-04, ch. 5, §20.2",
///     }
/// }
/// ```
#[macro_export]
macro_rules! declare_rule {
    ($(#[doc = $doc:literal])* $vis:vis $name:ident { id: $id:literal, severity: $sev:ident, source: $src:literal $(,)? }) => {
        $(#[doc = $doc])*
        $vis static $name: $crate::rules::RuleMeta = $crate::rules::RuleMeta {
            id: $id,
            severity: $crate::rules::Severity::$sev,
            source: $src,
            docs: concat!($($doc, "\n"),*),
        };
    };
}

/// Everything a rule may read: the note, the config, and the facts computed once per check.
pub struct Context<'a> {
    pub note: &'a Note,
    pub config: &'a Config,
    /// The payer rule pack for the note's payer.
    pub payer: &'a PayerRules,
    /// Units under the payer's method.
    pub units: UnitsOutcome,
    /// Facts read from `note.text` in one pass.
    pub text: crate::text::TextFacts,
    /// Policy data for the date of service's year, and the payment arithmetic.
    pub payment: crate::payment::Payment,
    /// The evaluation analysis, for notes that bill or document an evaluation.
    pub eval: Option<eval::Analysis>,
}

/// Collects findings, applying the config (disabled rules, severity overrides).
pub struct Findings<'c> {
    items: Vec<Finding>,
    config: &'c Config,
}

impl<'c> Findings<'c> {
    pub fn new(config: &'c Config) -> Self {
        Findings {
            items: Vec::new(),
            config,
        }
    }

    /// Whether `rule` is on (rules may skip work for disabled rules).
    pub fn enabled(&self, rule: &RuleMeta) -> bool {
        !self.config.disabled_rules.contains(rule.id)
    }

    pub fn push(&mut self, mut f: Finding) {
        if self.config.disabled_rules.contains(f.rule) {
            return;
        }
        if let Some(s) = self.config.severity.get(f.rule) {
            f.severity = *s;
        }
        self.items.push(f);
    }

    pub fn has(&self, rule: &RuleMeta) -> bool {
        self.items.iter().any(|f| f.rule == rule.id)
    }

    pub fn into_vec(self) -> Vec<Finding> {
        self.items
    }
}

/// Every rule, in the order of the docs: families in the order below, rules in each
/// family's list order.
pub fn all() -> Vec<&'static RuleMeta> {
    let mut v: Vec<&'static RuleMeta> = Vec::new();
    v.extend_from_slice(units::RULES);
    v.extend_from_slice(codes::RULES);
    v.extend_from_slice(elements::RULES);
    v.extend_from_slice(eval::RULES);
    v.extend_from_slice(modifiers::RULES);
    v.extend_from_slice(episode::RULES);
    v
}

/// Renamed rule ids, so saved configs keep working: (old, new).
pub static ALIASES: &[(&str, &str)] = &[];

/// The rule for an id (or a renamed id).
pub fn find(id: &str) -> Option<&'static RuleMeta> {
    let id = ALIASES
        .iter()
        .find(|(old, _)| *old == id)
        .map_or(id, |(_, new)| *new);
    all().into_iter().find(|r| r.id == id)
}

/// Runs every family.
pub fn run(ctx: &Context<'_>, out: &mut Findings<'_>) {
    units::check(ctx, out);
    codes::check(ctx, out);
    elements::check(ctx, out);
    eval::check(ctx, out);
    modifiers::check(ctx, out);
    episode::check(ctx, out);
}

/// One entry of the rule catalogue returned by `rules()`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RuleDoc {
    pub id: &'static str,
    pub family: &'static str,
    pub severity: Severity,
    pub summary: String,
    pub what_it_checks: String,
    pub why: String,
    pub example: String,
    pub passes: String,
    pub source: &'static str,
    /// The whole doc comment, Markdown.
    pub docs: &'static str,
}

/// The rule catalogue.
pub fn catalogue() -> Vec<RuleDoc> {
    all()
        .into_iter()
        .map(|r| RuleDoc {
            id: r.id,
            family: r.family(),
            severity: r.severity,
            summary: r.summary(),
            what_it_checks: r.prose("What it checks").unwrap_or_default(),
            why: r
                .prose("Why payers deny it")
                .or_else(|| r.prose("Why we flag it"))
                .unwrap_or_default(),
            example: r.section("Example").unwrap_or_default(),
            passes: r.section("Passes").unwrap_or_default(),
            source: r.source,
            docs: r.docs,
        })
        .collect()
}
