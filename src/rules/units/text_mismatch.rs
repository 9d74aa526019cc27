use crate::diagnostics::{declare_rule, Diagnostic};
use crate::edits::EditDraft;
use crate::policy::sources::{BENEFIT_POLICY_CH15, CLAIMS_PROCESSING_CH5};
use crate::rules::context::{Context, Findings};
use crate::text::Mention;

declare_rule! {
    /// Minutes or units written in the note's text disagree with the billed lines.
    ///
    /// ## What it checks
    /// Interventions written with their time or units ("Ther ex 25 min", "manual therapy
    /// (15')", "97110 x2", "gait training 2 units", "12 min of neuro re-ed") are matched to
    /// the billed line of their code (therapeutic exercise → 97110, neuro re-ed → 97112, gait
    /// → 97116, manual/STM/mobs → 97140, therapeutic activities → 97530, self-care/ADL
    /// training → 97535, ultrasound → 97035, e-stim → 97032/G0283/97014, …). The line's
    /// minutes (or units) must equal one of the figures written for it, or their sum; a code
    /// billed on two lines (the assistant's units with CQ/CO, the therapist's without) is
    /// compared by the two lines' total. A
    /// "Total timed minutes" or "Total treatment time" written in the text must equal
    /// `totalTimedMinutes` / `totalTreatmentMinutes`. The span is the mismatching number.
    ///
    /// ## Why payers deny it
    /// The billed units must be supported by the minutes the note documents. When the
    /// narrative and the billing disagree, a reviewer takes the lower figure and recoups the
    /// difference, and the note's reliability is in question.
    ///
    /// ## Example
    /// ```json
    /// {"text": "S: Knee pain 3/10 after stairs.\nO: Ther ex 30 min: step-ups 3x10 with verbal cues. Manual therapy 15 min: grade III mobilization.\nA: Quad weakness limits stairs.\nResponse: pain 2/10 after session.\nP: Next visit begin reciprocal stairs.\nTotal timed minutes: 40. Total treatment time: 40 min.\nDana Lee, PT, DPT"}
    /// ```
    ///
    /// ## Passes
    /// ```json
    /// {"text": "S: Knee pain 3/10 after stairs.\nO: Ther ex 25 min: step-ups 3x10 with verbal cues. Manual therapy 15 min: grade III mobilization.\nA: Quad weakness limits stairs.\nResponse: pain 2/10 after session.\nP: Next visit begin reciprocal stairs.\nTotal timed minutes: 40. Total treatment time: 40 min.\nDana Lee, PT, DPT"}
    /// ```
    ///
    /// ## Source
    /// CMS Pub. 100-02, ch. 15, §220.3 E (interventions matched to billed codes; total timed
    /// minutes and total treatment time); CMS Pub. 100-04, ch. 5, §20.2.
    pub TEXT_MISMATCH {
        id: "units/text-mismatch",
        severity: Warning,
        kind: Defect,
        dismissal: Clears,
        source: "CMS Pub. 100-02, ch. 15, §220.3 E; CMS Pub. 100-04, ch. 5, §20.2",
        references: [
            BENEFIT_POLICY_CH15.at("§220.3 E"),
            CLAIMS_PROCESSING_CH5.at("§20.2"),
        ],
    }
}

/// The mention that disagrees, if none of the figures (nor their sum) equals `billed`.
fn disagreeing(billed: u32, mentions: &[Mention]) -> Option<Mention> {
    let first = *mentions.first()?;
    let sum: u32 = mentions.iter().map(|m| m.value).sum();
    if sum == billed || mentions.iter().any(|m| m.value == billed) {
        return None;
    }
    Some(first)
}

pub(super) fn check(ctx: &Context<'_>, out: &mut Findings<'_>) {
    let note = ctx.note;
    let mut seen: Vec<&str> = Vec::new();
    for (i, line) in note.lines.iter().enumerate() {
        if seen.contains(&line.code.as_str()) {
            continue;
        }
        seen.push(&line.code);
        let mentions: Vec<_> = ctx
            .text
            .interventions
            .iter()
            .filter(|iv| iv.codes.contains(&line.code.as_str()))
            .collect();
        if mentions.is_empty() {
            continue;
        }
        // One code on several lines (the assistant's units with CQ/CO, the therapist's
        // without) is one intervention in the text: compare the lines' totals.
        let same: Vec<_> = note.lines.iter().filter(|l| l.code == line.code).collect();
        let line_minutes: Option<u32> = same.iter().map(|l| l.minutes).sum();
        let line_units: u32 = same.iter().map(|l| l.units).sum();
        let lines_have = if same.len() > 1 {
            "lines have"
        } else {
            "line has"
        };
        // "Cog tx 30 min (97129 + 97130)": one figure for an intervention billed as several
        // codes is compared with those lines together.
        let together = |iv: &crate::text::Intervention| -> Option<u32> {
            let mut codes: Vec<&str> = note
                .lines
                .iter()
                .filter(|l| iv.codes.contains(&l.code.as_str()))
                .map(|l| l.code.as_str())
                .collect();
            codes.dedup();
            (codes.len() > 1).then(|| {
                note.lines
                    .iter()
                    .filter(|l| iv.codes.contains(&l.code.as_str()))
                    .filter_map(|l| l.minutes)
                    .sum()
            })
        };
        let minutes: Vec<Mention> = mentions
            .iter()
            .filter(|iv| !(iv.minutes.is_some() && together(iv) == iv.minutes.map(|m| m.value)))
            .filter_map(|iv| iv.minutes)
            .collect();
        if let (Some(billed), Some(m)) = (
            line_minutes,
            disagreeing(line_minutes.unwrap_or(0), &minutes),
        ) {
            out.push(
                Diagnostic::new(
                    &TEXT_MISMATCH,
                    format!(
                        "The text gives {} minutes for {}; the billed {} {billed}.",
                        m.value, line.code, lines_have
                    ),
                )
                .span(m.span.start, m.span.end)
                .field(format!("lines[{i}].minutes"))
                .fix(format!(
                    "Make the minutes written for {} and the billed line agree.",
                    line.code
                ))
                .edits(agree(
                    ctx,
                    m,
                    // A line's minutes never go below the assistant's minutes it records.
                    (same.len() == 1 && line.assistant_minutes.map_or(true, |a| a <= m.value))
                        .then(|| format!("lines[{i}].minutes")),
                    billed,
                    &format!("{}'s minutes", line.code),
                )),
            );
        }
        let units: Vec<Mention> = mentions.iter().filter_map(|iv| iv.units).collect();
        if let Some(m) = disagreeing(line_units, &units) {
            out.push(
                Diagnostic::new(
                    &TEXT_MISMATCH,
                    format!(
                        "The text gives {} units of {}; the billed {} {}.",
                        m.value, line.code, lines_have, line_units
                    ),
                )
                .span(m.span.start, m.span.end)
                .field(format!("lines[{i}].units"))
                .fix(format!(
                    "Make the units written for {} and the billed units agree.",
                    line.code
                ))
                .edits(agree(
                    ctx,
                    m,
                    (same.len() == 1).then(|| format!("lines[{i}].units")),
                    line_units,
                    &format!("{}'s units", line.code),
                )),
            );
        }
    }
    for (written, documented, field, what) in [
        (
            ctx.text.total_timed,
            note.total_timed_minutes,
            "totalTimedMinutes",
            "total timed minutes",
        ),
        (
            ctx.text.total_treatment,
            note.total_treatment_minutes,
            "totalTreatmentMinutes",
            "total treatment time",
        ),
    ] {
        if let (Some(w), Some(d)) = (written, documented) {
            if w.value != d {
                out.push(
                    Diagnostic::new(
                        &TEXT_MISMATCH,
                        format!(
                            "The text gives a {what} of {} minutes; the note's field says {d}.",
                            w.value
                        ),
                    )
                    .span(w.span.start, w.span.end)
                    .field(field)
                    .fix(format!(
                        "Correct the {what} in the text or in {field} so that they agree."
                    ))
                    .edits(agree(ctx, w, Some(field.to_string()), d, &format!("the {what}"))),
                );
            }
        }
    }
}

/// The two ways to make the text and a field agree, for the therapist to choose: the field
/// takes the written figure (when one field holds it), or the text takes the field's.
fn agree(
    ctx: &Context<'_>,
    written: Mention,
    field: Option<String>,
    value: u32,
    what: &str,
) -> Vec<EditDraft> {
    let mut out = Vec::new();
    if let Some(field) = field {
        out.push(
            EditDraft::suggested(format!("Set {what} to {} (as the text says)", written.value))
                .set(field, written.value),
        );
    }
    // Only a figure written as plain digits is rewritten.
    let digits = ctx
        .note
        .text
        .get(written.span.start..written.span.end)
        .filter(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()));
    if digits.and_then(|s| s.parse::<u32>().ok()) == Some(written.value) {
        out.push(
            EditDraft::suggested(format!("Write {value} in the text (as {what} say)"))
                .text(written.span.start, written.span.end, value.to_string()),
        );
    }
    out
}
