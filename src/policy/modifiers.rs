//! The CPT/HCPCS modifiers chartlint knows, with what each means for a therapy claim.
//!
//! Sources: shared/policy §6 (GP/GO/GN [WPS-MOD], [WHATISMB], [CR10176]; KX [NGS-KX24],
//! [TCOMPLY-KX]; CQ/CO [CMS-CQ], [MONTERO]; 59 [GLAUC], [AMERIHEALTH]; XE/XS/XP/XU
//! [XIFIN], [HMSA], [MEDPREC]; GA/GY/GZ/GX [NORID-GA], [MBCM-GA], [RCA]; 52 [AAPC52]).
//! Anatomic, repeat and telehealth modifiers that a therapy line may legitimately carry
//! are listed from the AMA CPT Appendix A and CMS HCPCS Level II modifier lists so that
//! they are not reported as unknown.

/// Discipline (plan-of-care) modifiers.
pub const DISCIPLINE: &[&str] = &["GP", "GO", "GN"];

/// Assistant modifiers: CQ (PTA, with GP), CO (OTA, with GO).
pub const ASSISTANT: &[&str] = &["CQ", "CO"];

/// Distinct procedural service modifiers (59 and its subsets).
pub const DISTINCT: &[&str] = &["59", "XE", "XS", "XP", "XU"];

/// The X subsets of 59.
pub const X_MODIFIERS: &[&str] = &["XE", "XS", "XP", "XU"];

/// Every modifier chartlint knows: (modifier, meaning).
pub static KNOWN: &[(&str, &str)] = &[
    ("GP", "services under a physical therapy plan of care"),
    ("GO", "services under an occupational therapy plan of care"),
    (
        "GN",
        "services under a speech-language pathology plan of care",
    ),
    ("CQ", "PT service furnished in whole or in part by a PTA"),
    ("CO", "OT service furnished in whole or in part by an OTA"),
    (
        "KX",
        "services above the therapy threshold are medically necessary and documented",
    ),
    ("59", "distinct procedural service"),
    ("XE", "separate encounter"),
    ("XS", "separate structure or organ"),
    ("XP", "separate practitioner"),
    ("XU", "unusual non-overlapping service"),
    ("GA", "waiver of liability (ABN) on file"),
    ("GX", "voluntary ABN for a non-covered service"),
    ("GY", "statutorily excluded or not a Medicare benefit"),
    (
        "GZ",
        "expected to be denied as not reasonable and necessary, no ABN",
    ),
    ("52", "reduced service"),
    ("76", "repeat procedure by the same practitioner"),
    ("77", "repeat procedure by another practitioner"),
    ("91", "repeat clinical diagnostic laboratory test"),
    ("LT", "left side"),
    ("RT", "right side"),
    ("50", "bilateral procedure"),
    ("95", "synchronous telemedicine service"),
    ("93", "synchronous telemedicine service, audio only"),
    ("FQ", "service furnished using audio-only communication"),
    (
        "FR",
        "supervising practitioner present through two-way audio/video",
    ),
    ("GT", "via interactive audio and video telecommunication"),
    ("CR", "catastrophe or disaster related"),
    ("CS", "cost-sharing waived (specified cases)"),
    ("KF", "item designated by FDA as class III device"),
    (
        "GC",
        "service performed in part by a resident under a teaching physician",
    ),
    ("AT", "acute treatment (chiropractic)"),
    ("TC", "technical component"),
    ("26", "professional component"),
    ("SC", "medically necessary service or supply"),
];

/// Whether chartlint knows `m`.
pub fn is_known(m: &str) -> bool {
    KNOWN.iter().any(|(k, _)| *k == m)
}

/// What `m` means, when known.
pub fn meaning(m: &str) -> Option<&'static str> {
    KNOWN.iter().find(|(k, _)| *k == m).map(|(_, v)| *v)
}
