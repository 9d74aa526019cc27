use crate::facts::elements::signed_in_fields;
use crate::diagnostics::{declare_rule, Diagnostic};
use crate::edits::EditDraft;
use crate::note::Role;
use crate::rules::templates::insert_block;
use crate::policy::sources::BENEFIT_POLICY_CH15;
use crate::policy::elements::Element;
use crate::rules::context::{Context, Findings};
use crate::text::{credentials_in, Credential};

declare_rule! {
    /// The note is not signed with credentials, or the credentials do not match the
    /// provider's role.
    ///
    /// ## What it checks
    /// The note needs a signature line with credentials in its text ("Dana Lee, PT, DPT",
    /// "J. Ruiz, COTA/L", "A. Kim, MS, CCC-SLP") or `provider.name` with
    /// `provider.credentials` (the EMR signs). The credentials, in the text or in
    /// `provider.credentials`, must fit `provider.role`: a PTA note signed "PT, DPT", an OT
    /// note signed "PT", an SLP note without CCC-SLP or SLP are flagged. A co-signature counts
    /// when one of the signers fits the role.
    ///
    /// ## Why payers deny it
    /// Medicare requires the signature and professional identification of the qualified
    /// professional who furnished or supervised the service on every note; unsigned notes
    /// and notes whose author cannot be identified are denied, and an assistant's service
    /// billed as the therapist's is an overpayment.
    ///
    /// ## Example
    /// ```json
    /// {"provider": {"role": "PTA"}, "text": "O: Ther ex 25 min with verbal cues. Manual therapy 15 min.\nA: Weakness limits stairs.\nResponse: pain 2/10 after session.\nP: Next visit add step-downs.\nDana Lee, PT, DPT"}
    /// ```
    ///
    /// ## Passes
    /// ```json
    /// {"provider": {"role": "PTA"}, "text": "O: Ther ex 25 min with verbal cues. Manual therapy 15 min.\nA: Weakness limits stairs.\nResponse: pain 2/10 after session.\nP: Next visit add step-downs.\nSam Ortiz, PTA"}
    /// ```
    ///
    /// ## Source
    /// CMS Pub. 100-02, ch. 15, §220.3 E (signature and professional identification of the
    /// qualified professional); §220.3 D (progress report author).
    pub MISSING_SIGNATURE {
        id: "elements/missing-signature",
        severity: Error,
        kind: Both,
        dismissal: Clears,
        source: "CMS Pub. 100-02, ch. 15, §220.3 D–E",
        references: [
            BENEFIT_POLICY_CH15.at("§220.3 D–E"),
        ],
    }
}

fn names(creds: &[Credential]) -> String {
    let mut v: Vec<&str> = creds.iter().map(|c| c.as_str()).collect();
    v.dedup();
    v.join(", ")
}

pub(super) fn check(ctx: &Context<'_>, out: &mut Findings<'_>) {
    if !ctx.element_required(Element::Signature) {
        return;
    }
    let role = ctx.note.provider.role;
    let sigs = &ctx.text.signatures;
    if sigs.is_empty() && !signed_in_fields(ctx.note) {
        out.push(
            Diagnostic::new(&MISSING_SIGNATURE, "The note has no signature with credentials.")
                .missing()
                .field("provider")
                .fix("Sign with your name and credentials (e.g. \"PT, DPT\", \"COTA/L\", \"CCC-SLP\"), or send provider.name and provider.credentials.")
                .edit(insert_block(ctx, "Insert a signature line to complete", &signature_line(ctx))),
        );
        return;
    }
    let text_creds: Vec<Credential> = sigs
        .iter()
        .flat_map(|s| s.credentials.iter().copied())
        .collect();
    if !text_creds.is_empty() && !text_creds.iter().any(|c| c.fits(role)) {
        let span = sigs.first().map(|s| s.span);
        let mut f = Diagnostic::new(
            &MISSING_SIGNATURE,
            format!(
                "The note is signed with {} credentials, but the provider's role is {}.",
                names(&text_creds),
                role.as_str()
            ),
        )
        .field("provider.role")
        .fix(format!(
            "Have the {} who furnished the service sign, or correct provider.role.",
            role.as_str()
        ))
        .edits(role_of(&text_creds).map(set_role));
        if let Some(s) = span {
            f = f.span(s.start, s.end);
        }
        out.push(f);
        return;
    }
    if let Some(c) = ctx.note.provider.credentials.as_deref() {
        let field_creds = credentials_in(c);
        if !field_creds.is_empty() && !field_creds.iter().any(|c| c.fits(role)) {
            out.push(
                Diagnostic::new(
                    &MISSING_SIGNATURE,
                    format!(
                        "provider.credentials are {} credentials, but the provider's role is {}.",
                        names(&field_creds),
                        role.as_str()
                    ),
                )
                .field("provider.credentials")
                .fix(format!(
                    "Correct provider.credentials or provider.role so that the signer is a {}.",
                    role.as_str()
                ))
                .edits(role_of(&field_creds).map(set_role)),
            );
        }
    }
}

/// The signature line to complete: the provider's name and credentials from the EMR's
/// fields where it has them, placeholders where it does not.
fn signature_line(ctx: &Context<'_>) -> String {
    let p = &ctx.note.provider;
    let given = |v: Option<&str>| v.map(str::trim).filter(|v| !v.is_empty()).map(str::to_string);
    let name = given(p.name.as_deref()).unwrap_or_else(|| "[[your name]]".into());
    let creds = given(p.credentials.as_deref())
        .filter(|c| !credentials_in(c).is_empty())
        .unwrap_or_else(|| "[[credentials]]".into());
    format!("{name}, {creds} [[date]]")
}

/// The one role every credential of the signature qualifies for (none for students or mixed
/// credentials).
fn role_of(creds: &[Credential]) -> Option<Role> {
    let first = creds.first()?.as_str();
    if creds.iter().any(|c| c.as_str() != first) {
        return None;
    }
    Role::parse(first).filter(|r| *r != Role::Student)
}

/// Correcting `provider.role` to the signer's: a choice, since the wrong person may have
/// signed instead.
fn set_role(role: Role) -> EditDraft {
    EditDraft::suggested(format!("Set provider.role to {} (the signer's credentials)", role.as_str()))
        .set("provider.role", role.as_str())
}
