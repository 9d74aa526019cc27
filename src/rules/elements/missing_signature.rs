use crate::facts::elements::signed_in_fields;
use crate::diagnostics::{declare_rule, Diagnostic};
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
                .field("provider")
                .fix("Sign with your name and credentials (e.g. \"PT, DPT\", \"COTA/L\", \"CCC-SLP\"), or send provider.name and provider.credentials."),
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
        ));
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
                )),
            );
        }
    }
}
