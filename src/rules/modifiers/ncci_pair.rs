use crate::facts::modifiers::{has_x_modifier, PairHit};
use super::lists;
use crate::diagnostics::{declare_rule, Diagnostic};
use crate::edits::EditDraft;
use crate::policy::sources::{NCCI_POLICY_MANUAL, NCCI_PTP_EDITS};
use crate::policy::codes::{self, Counting};
use crate::policy::modifiers::DISTINCT;
use crate::policy::ncci::{Origin, NOT_ALLOWED};
use crate::diagnostics::Severity;
use crate::rules::context::{Context, Findings};
use rust_decimal::Decimal;

declare_rule! {
    /// Two codes of a procedure-to-procedure pair are billed on the same visit without a
    /// modifier that lets both be paid.
    ///
    /// ## What it checks
    /// Every two billed lines (units ≥ 1) are looked up in the payer pack's own pair edits
    /// (`extraPairs`) and then, when the pack applies NCCI, in the NCCI edits: the CMS
    /// practitioner PTP file when the EMR loads it (`config.ncci.ptpFile`, with its effective
    /// and deletion dates), otherwise chartlint's built-in therapy pairs.
    ///
    /// - Modifier indicator 0: the two are never paid together; an **error** whatever the
    ///   modifiers.
    /// - Modifier indicator 1: the column-two code needs 59, XE, XS, XP or XU, and then only
    ///   when the services were truly distinct; a **warning** when none is there. Built-in
    ///   pairs known from a single source are reported as **info** until the CMS file
    ///   confirms them. For a pair whose column order is unconfirmed a modifier on either line
    ///   passes.
    /// - A payer pack that asks for the X modifiers (`"distinctModifier": "X"`) gets a warning
    ///   when the line carries 59 and no X modifier; any payer gets one when a line carries
    ///   both 59 and an X modifier.
    ///
    /// For two timed codes the fix never suggests a modifier outright: one applies only when
    /// the two were done in separate time blocks, and the note must show those blocks.
    ///
    /// ## Why payers deny it
    /// Without the modifier only the column-one code is paid. With a modifier the services
    /// done in the same minutes are still one service: reviewers recoup 59/X used to unbundle
    /// overlapping time, and some payers deny certain pairs even with a modifier.
    ///
    /// ## Example
    /// ```json
    /// {"lines": [{"code": "97140", "minutes": 15, "units": 1, "modifiers": ["GP"]}, {"code": "97530", "minutes": 25, "units": 2, "modifiers": ["GP"]}]}
    /// ```
    ///
    /// ## Passes
    /// ```json
    /// {"lines": [{"code": "97140", "minutes": 15, "units": 1, "modifiers": ["GP"]}, {"code": "97530", "minutes": 25, "units": 2, "modifiers": ["GP", "59"]}]}
    /// ```
    ///
    /// ## Source
    /// CMS NCCI Policy Manual for Medicare Services, ch. I (modifier indicators, 59 and
    /// XE/XS/XP/XU) and ch. XI (medicine: physical medicine and rehabilitation); CMS
    /// practitioner PTP edit file.
    pub NCCI_PAIR {
        id: "modifiers/ncci-pair",
        severity: Error,
        kind: Defect,
        dismissal: StillBlocks,
        source: "CMS NCCI Policy Manual, ch. I and XI; CMS practitioner PTP edits",
        references: [
            NCCI_POLICY_MANUAL.at("ch. I"),
            NCCI_POLICY_MANUAL.at("ch. XI"),
            NCCI_PTP_EDITS.whole(),
        ],
    }
}

fn is_timed15(code: &str) -> bool {
    codes::lookup(code).is_some_and(|c| c.counting == Counting::Timed15)
}

pub(super) fn check(ctx: &Context<'_>, out: &mut Findings<'_>) {
    let wants_x = ctx.payer.distinct_modifier == "X";
    for hit in &ctx.modifiers.pairs {
        let (Some(l1), Some(l2)) = (ctx.note.lines.get(hit.col1), ctx.note.lines.get(hit.col2))
        else {
            continue;
        };
        let (c1, c2) = (&l1.code, &l2.code);
        let field = format!("lines[{}].modifiers", hit.col2);
        let pair = format!("{c1}+{c2}");
        let amount = ctx
            .payment
            .unit_value(c2)
            .map(|v| v * Decimal::from(l2.units));
        let why = match hit.edit.origin {
            Origin::Payer => format!("{} has its own edit on {c1} with {c2}", ctx.payer.name),
            _ => format!(
                "{c1} and {c2} are an NCCI pair ({})",
                crate::lower::str_lower(&hit.edit.rationale)
            ),
        };

        if hit.edit.indicator == NOT_ALLOWED {
            out.push(
                Diagnostic::new(&NCCI_PAIR, format!("{why}: they are not paid together on the same day, and no modifier bypasses the edit, so {c2} will be denied."))
                    .field(field).anchor(pair.clone())
                    .fix(format!("Bill only one of {c1} and {c2} for this visit, the one that describes the service; a 59 or X modifier does not help here."))
                    // Which code describes the service is the therapist's choice; the other
                    // stays on the note, performed and not billed (0 units, minutes kept).
                    .edits([(c1, hit.col2, c2), (c2, hit.col1, c1)].map(|(keep, i, drop)| {
                        EditDraft::suggested(format!("Bill only {keep}: {drop} at 0 units, its minutes kept"))
                            .set(format!("lines[{i}].units"), 0)
                    }))
                    .amount(amount),
            );
            continue;
        }

        let carriers: Vec<usize> = hit.modifier_lines();
        let on_line = carriers
            .iter()
            .filter_map(|&i| ctx.note.lines.get(i).map(|l| (i, l)))
            .find(|(_, l)| l.modifiers.iter().any(|m| DISTINCT.contains(&m.as_str())));
        if let Some((at, line)) = on_line {
            let carrier = format!("lines[{at}].modifiers");
            if line.has_modifier("59") && has_x_modifier(line) {
                out.push(
                    Diagnostic::new(
                        &NCCI_PAIR,
                        format!(
                            "{} carries both 59 and an X modifier; a line takes one or the other.",
                            line.code
                        ),
                    )
                    .severity(Severity::Warning)
                    .field(field).anchor(pair.clone())
                    .fix(format!(
                        "Keep the X modifier on {} and remove 59.",
                        line.code
                    ))
                    // The X modifier already says why the service is distinct.
                    .edit(
                        EditDraft::safe(format!("Remove 59 from {}", line.code))
                            .set(carrier, lists::without(line, "59")),
                    ),
                );
                continue;
            }
            if wants_x && line.has_modifier("59") && !has_x_modifier(line) {
                out.push(
                    Diagnostic::new(&NCCI_PAIR, format!("{} carries 59, but {} asks for an X modifier (XE, XS, XP or XU) on distinct services instead of 59.", line.code, ctx.payer.name))
                        .severity(Severity::Warning)
                        .field(field).anchor(pair.clone())
                        .fix(format!("Replace 59 on {} with the X modifier that says why the service was distinct: XU for a separate time block in the same visit, XE for a separate visit that day, XS for a different body region.", line.code))
                        .edits(X_MODIFIERS.map(|(x, why)| {
                            EditDraft::suggested(format!("Replace 59 with {x} on {} ({why})", line.code))
                                .set(carrier.clone(), lists::replaced(line, "59", x))
                        })),
                );
            }
            continue;
        }

        let severity = match hit.edit.origin {
            Origin::BuiltIn {
                confirmed: false, ..
            } => Severity::Info,
            _ => Severity::Warning,
        };
        out.push(
            Diagnostic::new(
                &NCCI_PAIR,
                format!("{why}: without a distinct-service modifier on {c2}, only {c1} is paid."),
            )
            .severity(severity)
            .edits(add_distinct(l2, &field, c1, c2, wants_x))
            .field(field).anchor(pair.clone())
            .fix(fix_text(ctx, hit, c1, c2, wants_x))
            .amount(amount),
        );
    }
}

/// The fix: what would justify a modifier, and which one the payer pack uses.
fn fix_text(ctx: &Context<'_>, hit: &PairHit, c1: &str, c2: &str, wants_x: bool) -> String {
    let mut fix = if is_timed15(c1) && is_timed15(c2) {
        let m = if wants_x { "XU" } else { "59" };
        format!(
            "Only if {c1} and {c2} were done in separate time blocks: document each block's minutes or clock times and add {m} to {c2}. Minutes spent on both at once are one service and are billed once, under one code; a modifier cannot make them separate."
        )
    } else {
        let m = if wants_x {
            "XE (separate session), XS (different body region) or XU (otherwise distinct)"
        } else {
            "59"
        };
        format!("If {c2} was a separate session, a different body region or otherwise distinct from {c1}, document how and add {m} to {c2}; otherwise bill only one of them.")
    };
    if let Origin::BuiltIn {
        confirmed: false, ..
    } = hit.edit.origin
    {
        fix.push_str(" chartlint knows this pair from one source only; load the CMS PTP file (config.ncci.ptpFile) to confirm it.");
    }
    if ctx.config.ptp.is_none() {
        if let Origin::BuiltIn {
            order_confirmed: false,
            ..
        } = hit.edit.origin
        {
            fix.push_str(
                " Which of the two takes the modifier is unconfirmed; the CMS PTP file settles it.",
            );
        }
    }
    fix
}

/// The X modifiers and what each says about the service.
const X_MODIFIERS: [(&str, &str); 3] = [
    ("XU", "a separate time block in the same visit"),
    ("XE", "a separate visit that day"),
    ("XS", "a different body region"),
];

/// The distinct-service modifiers the therapist may add to `c2`'s line, each only if what
/// it states is true and documented: always a choice to confirm.
fn add_distinct(line: &crate::note::Line, field: &str, c1: &str, c2: &str, wants_x: bool) -> Vec<EditDraft> {
    let add = |m: &str, why: &str| {
        EditDraft::suggested(format!("Add {m} to {c2} (only if {why}, documented)"))
            .set(field.to_string(), lists::with(line, m))
    };
    match (is_timed15(c1) && is_timed15(c2), wants_x) {
        (true, false) => vec![add("59", "it was a separate time block from the other code")],
        (true, true) => vec![add("XU", "it was a separate time block from the other code")],
        (false, false) => vec![add("59", "it was a separate session, body region or otherwise distinct service")],
        (false, true) => X_MODIFIERS
            .iter()
            .map(|(x, why)| add(x, why))
            .collect(),
    }
}
