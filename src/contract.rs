//! The TypeScript types of the output half of the contract (`pkg-config/report.d.ts`: the
//! Report, its parts, the rule catalogue, the wire enums and a `RuleId` union of every rule
//! id), generated from the Rust types with ts-rs. ts-rs is a dev-dependency and its derives
//! exist only under `cfg(test)`, so nothing of it reaches the `.wasm`.
//!
//! `cargo test` fails when the committed file differs from what the generator writes (and
//! writes the new one, to review and commit). The input types (Note, Config) stay
//! hand-written in `pkg-config/types.d.ts`, tied to the same enums.

use crate::diagnostics::{Citation, DismissalEffect, Finding, RuleDoc, RuleKind, Severity};
use crate::edits::{Applicability, Change, Edit, RemoveField, SetField, TextChange};
use crate::facts::payment::Bucket;
use crate::note::{
    ClinicalPresentation, Discipline, Level, Limits, NoteType, PayerKind, ProfileReview, Role,
    TaskModification, UnitRule,
};
use crate::options::Stage;
use crate::policy::elements::Element;
use crate::report::billing::{Billing, BillingLine, OtherMethod, ThresholdReport};
use crate::report::checklist::ChecklistItem;
use crate::report::elements::{Because, ElementFound, ElementsReport};
use crate::report::episode::{
    AuthorizationEntry, Derived, EpisodeFinding, EpisodeNote, EpisodeReport, GoalRow,
    GoalStatusEntry, NoteRef, PeriodEntry, PlanEntry, Similarity, Timeline, TimelineEntry,
};
use crate::report::evaluation::{ComponentReport, EvaluationReport};
use crate::report::DismissedFinding;
use crate::report::{Provenance, Report};
use crate::rules::context::ChecklistItemKind;
use crate::rules::eval::analysis::{Source, Value};
use crate::span::Utf16Span;
use ts_rs::TS;

const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/pkg-config/report.d.ts");

fn decl<T: TS>(cfg: &ts_rs::Config, out: &mut String) {
    if let Some(docs) = T::docs() {
        out.push_str(&docs);
    }
    out.push_str("export ");
    out.push_str(&T::decl(cfg));
    out.push_str("\n\n");
}

/// The whole generated file.
fn generate() -> String {
    let cfg = ts_rs::Config::new();
    let mut out = String::from(
        "// Generated from chartlint's Rust types by `cargo test` (src/contract.rs): do not edit.\n\
         // The output half of the contract; the input types are in types.d.ts.\n\n",
    );
    let ids: Vec<String> = crate::rules::all()
        .map(|r| format!("\n  | \"{}\"", r.id))
        .collect();
    out.push_str("/** Every rule id, `family/name`. */\nexport type RuleId =");
    out.push_str(&ids.concat());
    out.push_str(";\n\n");
    out.push_str(
        "/** A dollar amount as a decimal string with two places, e.g. `\"1234.50\"`. */\n",
    );
    out.push_str("export type Money = string;\n\n");
    out.push_str(
        "/** The new value of a field an edit sets: a number (units, minutes), a string (a code, \
         a role, a note type), a list of modifiers, or a whole billed line. */\n",
    );
    out.push_str("export type EditValue = number | string | string[] | Line | null;\n\n");
    decl::<Severity>(&cfg, &mut out);
    decl::<Discipline>(&cfg, &mut out);
    decl::<NoteType>(&cfg, &mut out);
    decl::<PayerKind>(&cfg, &mut out);
    decl::<UnitRule>(&cfg, &mut out);
    decl::<Role>(&cfg, &mut out);
    decl::<Level>(&cfg, &mut out);
    decl::<ClinicalPresentation>(&cfg, &mut out);
    decl::<ProfileReview>(&cfg, &mut out);
    decl::<TaskModification>(&cfg, &mut out);
    decl::<Element>(&cfg, &mut out);
    decl::<Utf16Span>(&cfg, &mut out);
    decl::<RuleKind>(&cfg, &mut out);
    decl::<DismissalEffect>(&cfg, &mut out);
    decl::<Stage>(&cfg, &mut out);
    decl::<Applicability>(&cfg, &mut out);
    decl::<SetField>(&cfg, &mut out);
    decl::<RemoveField>(&cfg, &mut out);
    decl::<TextChange>(&cfg, &mut out);
    decl::<Change>(&cfg, &mut out);
    decl::<Edit>(&cfg, &mut out);
    decl::<Finding>(&cfg, &mut out);
    decl::<Bucket>(&cfg, &mut out);
    decl::<BillingLine>(&cfg, &mut out);
    decl::<OtherMethod>(&cfg, &mut out);
    decl::<ThresholdReport>(&cfg, &mut out);
    decl::<Billing>(&cfg, &mut out);
    decl::<Source>(&cfg, &mut out);
    decl::<Value>(&cfg, &mut out);
    decl::<ComponentReport>(&cfg, &mut out);
    decl::<EvaluationReport>(&cfg, &mut out);
    decl::<Because>(&cfg, &mut out);
    decl::<ElementFound>(&cfg, &mut out);
    decl::<ElementsReport>(&cfg, &mut out);
    decl::<Provenance>(&cfg, &mut out);
    decl::<ChecklistItemKind>(&cfg, &mut out);
    decl::<ChecklistItem>(&cfg, &mut out);
    decl::<DismissedFinding>(&cfg, &mut out);
    decl::<Report>(&cfg, &mut out);
    decl::<NoteRef>(&cfg, &mut out);
    decl::<EpisodeFinding>(&cfg, &mut out);
    decl::<Derived>(&cfg, &mut out);
    decl::<EpisodeNote>(&cfg, &mut out);
    decl::<Similarity>(&cfg, &mut out);
    decl::<TimelineEntry>(&cfg, &mut out);
    decl::<PeriodEntry>(&cfg, &mut out);
    decl::<PlanEntry>(&cfg, &mut out);
    decl::<AuthorizationEntry>(&cfg, &mut out);
    decl::<Timeline>(&cfg, &mut out);
    decl::<GoalStatusEntry>(&cfg, &mut out);
    decl::<GoalRow>(&cfg, &mut out);
    decl::<EpisodeReport>(&cfg, &mut out);
    decl::<Citation>(&cfg, &mut out);
    decl::<RuleDoc>(&cfg, &mut out);
    decl::<Limits>(&cfg, &mut out);
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

#[test]
fn committed_report_types_are_what_the_generator_writes() {
    let generated = generate();
    let committed = std::fs::read_to_string(PATH).unwrap_or_default();
    if committed != generated {
        let _ = std::fs::write(PATH, &generated);
        unreachable!(
            "pkg-config/report.d.ts was out of date with the Rust types; the generated file \
             has been written: review it (git diff) and commit it"
        );
    }
}

#[test]
fn no_catch_all_types() {
    let generated = generate();
    let code: Vec<&str> = generated
        .lines()
        .map(str::trim_start)
        .filter(|l| !l.starts_with("/*") && !l.starts_with('*') && !l.starts_with("//"))
        .filter(|l| !l.starts_with("| \""))
        .collect();
    for line in code {
        let outside_strings: String = line.split('"').step_by(2).collect();
        for word in outside_strings.split(|c: char| !c.is_alphanumeric() && c != '[') {
            assert!(
                !["any", "unknown", "[extra", "[key"].contains(&word),
                "report.d.ts types something as {word:?}: {line}"
            );
        }
    }
}
