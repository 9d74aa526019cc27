//! The vocabulary of findings: [`Severity`], a rule's metadata ([`RuleMeta`], declared with
//! `declare_rule!`), the public documents rules cite ([`Citation`]), what a rule emits
//! ([`Diagnostic`], byte ranges) and what the Report carries ([`Finding`], UTF-16 spans).
//!
//! A leaf module: it imports nothing of the engine but money, spans, edits and the wire
//! macro.

use crate::edits::{Edit, EditDraft};
use crate::money::Money;
use crate::span::{Span, Utf16Span};
use crate::wire::wire_enum;
use rust_decimal::Decimal;
use serde::Serialize;

wire_enum! {
    /// How much a finding matters.
    #[derive(PartialOrd, Ord)]
    pub enum Severity {
        /// Blocks a clean claim: the note is not ready to sign.
        Error = "error",
        /// A denial or audit risk.
        Warning = "warning",
        /// Worth knowing; no action required.
        Info = "info",
    }
}

wire_enum! {
    /// What a rule reports, which decides what it does while the note is being drafted
    /// (`check(note, { stage: "draft" })`).
    pub enum RuleKind {
        /// Something wrong in what is written (units over the minutes, a wrong modifier, a
        /// red-flag phrase, an expired plan of care): a finding at both stages.
        Defect = "defect",
        /// Something not written yet (goals, plan, signature, minutes, diagnoses): an item
        /// of `report.checklist` while drafting, a finding at signing.
        Missing = "missing",
        /// Both: its "not written yet" findings are checklist items while drafting, its
        /// defects stay findings (e.g. no signature vs. a signature with the wrong
        /// credentials).
        Both = "both",
    }
}

wire_enum! {
    /// What a reviewer's dismissal (`config.dismissed`, `options.dismissed`) does to a
    /// finding of the rule.
    pub enum DismissalEffect {
        /// A reasoned dismissal clears the finding, even an error: the rule reads the
        /// narrative, and a reviewer who reads the words the reader missed may overrule it.
        Clears = "clears",
        /// The dismissal is recorded, but a dismissed error still blocks signing: the rule
        /// checks the billed fields (units, codes, modifiers, dates), and a claim is made
        /// clean by correcting them, not by dismissing the finding. Dismissed warnings and
        /// infos never block.
        StillBlocks = "stillBlocks",
    }
}

/// A public document rules cite: a CMS manual, the CPT code set, the NCCI policy manual, a
/// statute, a Federal Register rule, a contractor's or a professional association's page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Document {
    /// Its name as users look it up, e.g. "CMS Pub. 100-04, Medicare Claims Processing Manual".
    pub name: &'static str,
    /// Where it is published, when public.
    pub url: Option<&'static str>,
}

impl Document {
    /// This document at `section` (chapter, section, page or table, as the document numbers
    /// them).
    pub const fn at(self, section: &'static str) -> Citation {
        Citation {
            document: self.name,
            section: Some(section),
            year: None,
            url: self.url,
        }
    }

    /// This document as a whole.
    pub const fn whole(self) -> Citation {
        Citation {
            document: self.name,
            section: None,
            year: None,
            url: self.url,
        }
    }
}

/// One citation of a rule's metadata: the document, where in it, the year of the edition or
/// rule, and where to read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Citation {
    /// The document's name.
    pub document: &'static str,
    /// Chapter and section (or page, table, descriptor) within it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub section: Option<&'static str>,
    /// The year of the edition, rule or figures cited.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub year: Option<u16>,
    /// Where it is published.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub url: Option<&'static str>,
}

impl Citation {
    /// The same citation for the figures or rule of `year`.
    pub const fn year(mut self, year: u16) -> Citation {
        self.year = Some(year);
        self
    }
}

/// A rule's identity and docs.
#[derive(Debug)]
pub struct RuleMeta {
    /// Stable id, `family/name`.
    pub id: &'static str,
    /// Default severity (a config may override it).
    pub severity: Severity,
    /// Defect, missing or both: what the rule does while drafting.
    pub kind: RuleKind,
    /// Whether a dismissed error still blocks signing.
    pub dismissal: DismissalEffect,
    /// The citation findings carry, in one line (public documents only).
    pub source: &'static str,
    /// The public documents the rule enforces, structured.
    pub references: &'static [Citation],
    /// The doc comment, Markdown, sections under `## ` headings.
    pub docs: &'static str,
}

impl RuleMeta {
    /// The family: the id's part before the slash.
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

    /// The entry of the rule catalogue (`rules()`).
    pub fn doc(&self) -> RuleDoc {
        RuleDoc {
            id: self.id,
            family: self.family(),
            severity: self.severity,
            kind: self.kind,
            dismissal: self.dismissal,
            summary: self.summary(),
            what_it_checks: self.prose("What it checks").unwrap_or_default(),
            why: self
                .prose("Why payers deny it")
                .or_else(|| self.prose("Why we flag it"))
                .unwrap_or_default(),
            example: self.section("Example").unwrap_or_default(),
            passes: self.section("Passes").unwrap_or_default(),
            source: self.source,
            references: self.references,
            docs: self.docs,
        }
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
///         kind: Defect,
///         dismissal: StillBlocks,
///         source: "CMS Pub. 100-04, ch. 5, §20.2",
///         references: [CLAIMS_MANUAL.at("ch. 5, §20.2")],
///     }
/// }
/// ```
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        $vis:vis $name:ident {
            id: $id:literal,
            severity: $sev:ident,
            kind: $kind:ident,
            dismissal: $dismissal:ident,
            source: $src:literal,
            references: [$($reference:expr),* $(,)?] $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        $vis static $name: $crate::diagnostics::RuleMeta = $crate::diagnostics::RuleMeta {
            id: $id,
            severity: $crate::diagnostics::Severity::$sev,
            kind: $crate::diagnostics::RuleKind::$kind,
            dismissal: $crate::diagnostics::DismissalEffect::$dismissal,
            source: $src,
            references: &[$($reference),*],
            docs: concat!($($doc, "\n"),*),
        };
    };
}

pub(crate) use declare_rule;

/// One entry of the rule catalogue returned by `rules()`.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct RuleDoc {
    /// Stable rule id, `family/name`.
    #[cfg_attr(test, ts(type = "RuleId"))]
    pub id: &'static str,
    /// The id's family (`units`, `codes`, `elements`, `eval`, `modifiers`, `episode`).
    pub family: &'static str,
    /// Default severity.
    pub severity: Severity,
    /// What the rule reports: `defect` (a finding at both stages), `missing` (a checklist
    /// item while drafting, a finding at signing) or `both`.
    pub kind: RuleKind,
    /// Whether a reviewer's dismissal clears an error of this rule (`clears`) or the error
    /// still blocks signing (`stillBlocks`).
    pub dismissal: DismissalEffect,
    /// The first paragraph of the docs.
    pub summary: String,
    /// What the rule checks, prose.
    pub what_it_checks: String,
    /// Why payers deny it (or why chartlint flags it), prose.
    pub why: String,
    /// Markdown with a JSON patch over a clean note that triggers the rule.
    pub example: String,
    /// Markdown with a JSON patch that passes.
    pub passes: String,
    /// The citation findings carry.
    pub source: &'static str,
    /// The public documents the rule enforces.
    pub references: &'static [Citation],
    /// The whole doc comment, Markdown.
    pub docs: &'static str,
}

/// What a rule emits while checking: its message, where (a byte range of `note.text`, or a
/// field), the fix and the money at stake. The Report turns it into a [`Finding`].
#[derive(Debug, Clone)]
pub(crate) struct Diagnostic {
    pub rule: &'static RuleMeta,
    pub severity: Severity,
    pub message: String,
    pub span: Option<Span>,
    pub field: Option<String>,
    pub fix: Option<String>,
    pub amount_at_risk: Option<Money>,
    /// The structured fixes, in the order offered.
    pub edits: Vec<EditDraft>,
    /// Something not written yet (a checklist item while drafting). Set from the rule's
    /// [`RuleKind`] when it is `missing` or `defect`; a rule of kind `both` marks its own.
    pub missing: bool,
    /// What tells this finding apart from the rule's other findings on the same field (a
    /// modifier, a pair of codes), for its fingerprint.
    pub anchor: Option<String>,
}

impl Diagnostic {
    /// A finding of `rule` with its default severity.
    pub fn new(rule: &'static RuleMeta, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            rule,
            severity: rule.severity,
            message: message.into(),
            span: None,
            field: None,
            fix: None,
            amount_at_risk: None,
            edits: Vec::new(),
            missing: rule.kind == RuleKind::Missing,
            anchor: None,
        }
    }
    /// A byte range of `note.text` (converted to UTF-16 when the report is assembled).
    pub fn span(mut self, start: usize, end: usize) -> Self {
        self.span = Some(Span::new(start, end));
        self
    }
    /// The path of the structured field involved, e.g. `lines[1].units`.
    pub fn field(mut self, path: impl Into<String>) -> Self {
        self.field = Some(path.into());
        self
    }
    /// What to do, imperatively.
    pub fn fix(mut self, fix: impl Into<String>) -> Self {
        self.fix = Some(fix.into());
        self
    }
    /// Dollars at stake (none when zero or unknown).
    pub fn amount(mut self, amount: Option<Decimal>) -> Self {
        self.amount_at_risk = amount.filter(|a| !a.is_zero()).map(Money);
        self
    }
    /// A severity other than the rule's default for this finding.
    pub fn severity(mut self, s: Severity) -> Self {
        self.severity = s;
        self
    }
    /// Offers a structured fix (an edit with its applicability).
    pub fn edit(mut self, e: EditDraft) -> Self {
        if !e.changes.is_empty() {
            self.edits.push(e);
        }
        self
    }
    /// Offers every edit of `edits`, in order.
    pub fn edits(self, edits: impl IntoIterator<Item = EditDraft>) -> Self {
        edits.into_iter().fold(self, Diagnostic::edit)
    }
    /// What tells this finding apart from the rule's other findings on the same field (a
    /// modifier, a pair of codes): part of its fingerprint, never shown.
    pub fn anchor(mut self, a: impl Into<String>) -> Self {
        self.anchor = Some(a.into());
        self
    }
    /// Marks this finding of a rule of kind `both` as reporting something not written yet.
    pub fn missing(mut self) -> Self {
        self.missing = true;
        self
    }
}

/// What a rule over an episode of care emits: a [`Diagnostic`] about one note of the
/// episode (its span is a byte range of that note's text), and every note it concerns,
/// each with the words involved. Notes are named by their position in date order (the
/// episode's member index); the EpisodeReport names them by id.
#[derive(Debug, Clone)]
pub(crate) struct EpisodeDiagnostic {
    /// The finding, about the note at `member`.
    pub diagnostic: Diagnostic,
    /// The note it is about.
    pub member: usize,
    /// Every other note it concerns, with a byte range of that note's text.
    pub notes: Vec<(usize, Option<Span>)>,
}

impl EpisodeDiagnostic {
    /// A finding of `rule` about the note at `member`.
    pub fn new(rule: &'static RuleMeta, member: usize, message: impl Into<String>) -> Self {
        EpisodeDiagnostic {
            diagnostic: Diagnostic::new(rule, message),
            member,
            notes: Vec::new(),
        }
    }
    /// Words in the note the finding is about (a byte range).
    pub fn span(mut self, s: Option<Span>) -> Self {
        self.diagnostic.span = s;
        self
    }
    /// The path of the structured field involved in that note.
    pub fn field(mut self, path: impl Into<String>) -> Self {
        self.diagnostic = self.diagnostic.field(path);
        self
    }
    /// What to do, imperatively.
    pub fn fix(mut self, fix: impl Into<String>) -> Self {
        self.diagnostic = self.diagnostic.fix(fix);
        self
    }
    /// Dollars at stake (none when zero or unknown).
    pub fn amount(mut self, amount: Option<Decimal>) -> Self {
        self.diagnostic = self.diagnostic.amount(amount);
        self
    }
    /// Another note the finding concerns, with the words involved.
    pub fn note(mut self, member: usize, span: Option<Span>) -> Self {
        self.notes.push((member, span));
        self
    }
}

/// One thing wrong (or worth knowing) about the note, as the Report carries it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    /// Stable rule id, `family/name`.
    #[cfg_attr(test, ts(type = "RuleId"))]
    pub rule: &'static str,
    /// How much it matters (the rule's default, or the config's override).
    pub severity: Severity,
    /// What is wrong, in a therapist's words. Never repeats the note's text.
    pub message: String,
    /// The flagged words, in UTF-16 code units of `note.text`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub span: Option<Utf16Span>,
    /// Path of the structured field involved, e.g. `lines[1].units`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub field: Option<String>,
    /// What to do, imperatively.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub fix: Option<String>,
    /// Dollars this finding puts at risk, as a decimal string.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub amount_at_risk: Option<Money>,
    /// The policy the rule enforces, e.g. `CMS Pub. 100-04, ch. 5, §20.2`.
    pub source: &'static str,
    /// Identifies this finding across edits of the note: the rule, the field (lines named
    /// by their code, diagnoses by theirs) and the flagged words, normalised, with an
    /// occurrence index among identical ones. Unchanged when other text is edited; changed
    /// when the flagged words change. What `config.dismissed` and `options.dismissed` name.
    pub fingerprint: String,
    /// Structured fixes: exact changes the EMR may apply when the user asks, each with its
    /// applicability. Empty when no edit can be offered honestly (chartlint never invents
    /// clinical content).
    pub edits: Vec<Edit>,
}
