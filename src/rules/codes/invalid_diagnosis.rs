use crate::diagnostics::{declare_rule, Diagnostic};
use crate::edits::EditDraft;
use crate::policy::sources::{HIPAA_CODE_SETS, ICD10_ADDENDA, ICD10_GUIDELINES};
use crate::policy::icd10::{self, Problem};
use crate::rules::context::{Context, Findings};

declare_rule! {
    /// A diagnosis is not a valid ICD-10-CM code on the date of service.
    ///
    /// ## What it checks
    /// Each code in `diagnoses`, with or without its decimal point:
    ///
    /// - its shape: 3 to 7 characters, a letter, a digit, a digit or letter, then the rest
    ///   after a decimal point;
    /// - the 7th-character rule: injury codes (S00–T88, except T31 and T32), pathological
    ///   and stress fractures (M80, M84.3–M84.6), atypical femoral fractures (M84.7),
    ///   periprosthetic fractures (M97), vertebral fatigue fractures (M48.4–M48.5)
    ///   and chronic gout (M1A) need all seven characters, with a 7th the category uses and the
    ///   placeholder X filling empty places (S33.5XXA);
    /// - the placeholder X appears only before a 7th character, or in the fifth place before a
    ///   sixth (M22.2X1);
    /// - codes deleted in recent years (M54.5 since 1 October 2021: use M54.50, M54.51 or
    ///   M54.59), and their replacements used before they took effect.
    ///
    /// When the EMR loads the CMS ICD-10-CM code file (`config.icd10File`), each code must be
    /// listed there as billable instead.
    ///
    /// ## Why payers deny it
    /// A claim with a deleted, incomplete or malformed diagnosis code is rejected; a code that
    /// lacks its 7th character is not billable.
    ///
    /// ## Example
    /// ```json
    /// {"diagnoses": ["M54.5"]}
    /// ```
    ///
    /// ## Passes
    /// ```json
    /// {"diagnoses": ["M54.50", "S83.241A"]}
    /// ```
    ///
    /// ## Source
    /// ICD-10-CM Official Guidelines for Coding and Reporting, Section I.A.4–I.A.5 and I.B.1
    /// (format, placeholder X, 7th characters); CMS/NCHS ICD-10-CM annual addenda (FY2018,
    /// FY2022, FY2025 deletions); HIPAA code-set rule, 45 CFR §162.1002 (the code valid on the
    /// date of service).
    pub INVALID_DIAGNOSIS {
        id: "codes/invalid-diagnosis",
        severity: Error,
        kind: Defect,
        dismissal: StillBlocks,
        source: "ICD-10-CM Official Guidelines, Section I.A–B; CMS/NCHS ICD-10-CM addenda",
        references: [
            ICD10_GUIDELINES.at("Section I.A.4–I.A.5, I.B.1"),
            ICD10_ADDENDA.whole(),
            HIPAA_CODE_SETS.whole(),
        ],
    }
}

pub(super) fn check(ctx: &Context<'_>, out: &mut Findings<'_>) {
    let Some(diagnoses) = ctx.note.diagnoses.as_ref() else {
        return;
    };
    let date = ctx.note.date_of_service;
    for (k, code) in diagnoses.iter().enumerate() {
        let result = match &ctx.config.icd10 {
            Some(set) => set.check(code),
            None => icd10::check(code, date),
        };
        let Err(problem) = result else { continue };
        let n = k + 1;
        let field = format!("diagnoses[{k}]");
        // The codes the problem itself names, each a choice to confirm in the code book.
        let replace = |code: &str, why: &str| {
            EditDraft::suggested(format!("Replace with {code} ({why})")).set(field.clone(), code)
        };
        let edits: Vec<EditDraft> = match &problem {
            Problem::Deleted(d) => d
                .replacements
                .iter()
                .map(|r| replace(r, "a code that replaced it"))
                .collect(),
            Problem::NotYetValid(d) => vec![replace(d.code, "the code in force on this date")],
            Problem::NeedsSeventh { suggestion: Some(s) } => {
                vec![replace(s, "placeholder X before the 7th character")]
            }
            _ => Vec::new(),
        };
        let (message, fix) = match problem {
            Problem::Shape => (
                format!("Diagnosis {n} is not shaped like an ICD-10-CM code."),
                "Enter an ICD-10-CM code: a letter, a digit, a digit or letter, then up to four more characters after a decimal point (M17.11).".to_string(),
            ),
            Problem::NeedsSeventh { suggestion } => (
                format!("{code} belongs to a category that needs a 7th character, and it has fewer than seven."),
                match suggestion {
                    Some(s) => format!("Complete the code to seven characters, filling empty places with the placeholder X (it would read {s}); check it in the code book."),
                    None => "Complete the code to seven characters, with the 7th character for the encounter (A initial, D subsequent, S sequela) and placeholder X in empty places.".to_string(),
                },
            ),
            Problem::BadSeventh { allowed } => (
                format!("{code} ends in a 7th character its category does not use."),
                format!("Use one of the category's 7th characters ({}).", allowed.chars().map(String::from).collect::<Vec<_>>().join(", ")),
            ),
            Problem::StrayPlaceholder => (
                format!("{code} has a placeholder X where no code of the category has one (X fills places before a 7th character, or the fifth place before a sixth)."),
                "Check the code in the code book: remove the X or complete the code.".to_string(),
            ),
            Problem::Deleted(d) => (
                format!("{code} was deleted on {} and is not valid for this date of service.", d.on),
                format!("Use the code that replaced it: {}.", d.replacements.join(", ")),
            ),
            Problem::NotYetValid(d) => (
                format!("{code} took effect on {}, after this date of service.", d.on),
                format!("For services before {}, use {}.", d.on, d.code),
            ),
            Problem::Header => (
                format!("{code} is a category heading in the ICD-10-CM list, not a billable code."),
                "Add the characters that complete the code (laterality, site or encounter).".to_string(),
            ),
            Problem::NotInFile => (
                format!("{code} is not in the ICD-10-CM code list loaded for this check."),
                "Check the code in the code book for the date of service.".to_string(),
            ),
        };
        out.push(
            Diagnostic::new(&INVALID_DIAGNOSIS, message)
                .field(field)
                .fix(fix)
                .edits(edits)
                .amount(ctx.payment.expected),
        );
    }
}
